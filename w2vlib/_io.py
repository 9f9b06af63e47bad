"""One atomic file writer for the whole package: a temp file beside the target, then a rename.

A reader never sees a half-written file, and an interrupted write leaves nothing behind.
Files get mode 0644 (``mkstemp`` creates 0600 files; vectors and caches are not secret).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

FILE_MODE = 0o644


def atomic_write(path, write, mode: str = "wb", suffix: str = ".part") -> Path:
    """Call ``write(file_object)`` on a temp file beside ``path`` (opened with ``mode``), then rename it.

    With ``write=None`` the temp file's *path* is passed instead, for writers that want a file
    name (e.g. ``np.savez``); ``suffix`` then sets its extension.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    try:
        if "b" in mode:
            with os.fdopen(fd, mode) as fh:
                write(fh)
        else:
            with os.fdopen(fd, mode, encoding="utf-8", newline="\n") as fh:
                write(fh)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_path(path, write_to, suffix: str) -> Path:
    """Like :func:`atomic_write` for writers that take a file name: ``write_to(tmp_path)``."""
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
