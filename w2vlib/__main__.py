"""``python -m w2vlib ...``: see :mod:`w2vlib.cli`."""

import os
import sys

from .cli import main

if __name__ == "__main__":
    code = main()
    # Every file of the run is written, closed and moved into --out by now. A normal interpreter exit
    # would then free numba's compiler state object by object, which took 0.3-0.8 s after a numba run
    # on a busy 2-core machine (0.03 s this way): flush what we printed and leave at once.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
