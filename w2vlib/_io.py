"""One atomic file writer for the whole package: a temp file beside the target, then a rename.

A reader never sees a half-written file, and an interrupted write leaves nothing behind.
Files get mode 0644 (``mkstemp`` creates 0600 files; vectors and caches are not secret).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

FILE_MODE = 0o644


def atomic_write_path(path, write_to, suffix: str = ".part") -> Path:
    """Call ``write_to(tmp_name)`` for a temp file beside ``path``, then rename it into place.

    For writers that want a file name (e.g. ``np.savez``); ``suffix`` sets the temp file's extension.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(fd)
    try:
        write_to(tmp)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write(path, write, mode: str = "wb", suffix: str = ".part") -> Path:
    """Call ``write(file_object)`` on a temp file opened with ``mode`` (text is UTF-8, ``\\n``), then rename."""
    text = {} if "b" in mode else {"encoding": "utf-8", "newline": "\n"}

    def write_to(tmp):
        with open(tmp, mode, **text) as fh:
            write(fh)

    return atomic_write_path(path, write_to, suffix)
