"""``python -m w2vlib ...``: see :mod:`w2vlib.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
