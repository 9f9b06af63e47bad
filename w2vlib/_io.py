"""One atomic file writer for the whole package: a temp file beside the target, then a rename.

A reader never sees a half-written file, and an interrupted write leaves nothing behind.
Files get mode 0644 (``mkstemp`` creates 0600 files; vectors and caches are not secret).
"""
from __future__ import annotations

import os
import tempfile
import unicodedata
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


class TextDecodeError(UnicodeDecodeError):
    """A ``UnicodeDecodeError`` whose message is written for a person: file, byte, option to set."""

    def __str__(self):
        return self.reason

    def __reduce__(self):  # picklable across processes, like its base
        return type(self), self.args


def read_text(path, encoding: str = "utf-8", option: str = "encoding") -> str:
    """The whole text of a file, decoded: the package's one decoder for text inputs.

    Line ends are translated as ``open()`` does (``\r\n`` and ``\r`` become ``\n``).

    A byte-order mark (UTF-8 from Notepad, UTF-16/32) is removed, so it never becomes part of the
    first word. The text is normalised to Unicode **NFC**: Hangul saved decomposed (NFD, as some
    macOS tools write it, ``ᄉ ᅥ ᄋ ᅮ ᆯ``) becomes the composed syllables a keyboard types
    (``서울``), so a typed query finds the word. Bytes that ``encoding`` cannot decode raise a ``UnicodeDecodeError`` whose message
    names the file, the byte offset and line, and the option to set (``option``: the argument of
    the calling function, or ``--encoding`` on the command line).
    """
    import codecs

    path = Path(path)
    try:
        codec = codecs.lookup(encoding).name
    except (LookupError, TypeError):
        raise ValueError(f"unknown encoding {encoding!r} (set {option} to a Python codec name such "
                         "as utf-8 or cp949)") from None
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder, not a text file")
    data = path.read_bytes()
    for magic, kind in ((b"\x1f\x8b", "gzip"), (b"PK\x03\x04", "zip"), (b"BZh", "bzip2"),
                        (b"\xfd7zXZ\x00", "xz")):
        if data.startswith(magic):
            raise ValueError(f"{path} is a {kind}-compressed file, not text: decompress it first")
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        guess = " (cp949/euc-kr for Korean Windows text)" if codec == "utf-8" else ""
        raise TextDecodeError(
            exc.encoding, exc.object, exc.start, exc.end,
            f"{path}: byte {exc.start} (line {line}) is not valid {codec} ({exc.reason}); if the "
            f"file is text in another encoding, set {option}{guess}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
