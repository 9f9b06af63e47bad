"""Real data for the series: the Penn Treebank (PTB), fetched safely and usable offline.

The corpus is Mikolov's preprocessed PTB, the same three raw files that "Deep Learning from
Scratch 2" (dataset/ptb.py) downloads. ``load_ptb`` returns them in the book's convention::

    >>> from w2vlib.data import load_ptb
    >>> corpus, word_to_id, id_to_word = load_ptb("train")   # doctest: +SKIP
    >>> len(corpus), len(word_to_id)                          # doctest: +SKIP
    (929589, 10000)

Every line end becomes an ``<eos>`` token, and ids are given in order of first appearance over
the *train* split; the valid and test splits use the train vocabulary (they add no new words).

Where the files come from
-------------------------
``DATA_HUB`` maps each file name to ``(url, sha256)``. Files are fetched over HTTPS (TLS is always
verified), streamed into a temporary file next to the destination, checked against the sha256
and only then renamed into place, so an interrupted or tampered download never leaves a file
that looks valid.

Environment variables
---------------------
``W2VLIB_PTB_DIR``
    A local folder that already holds ``ptb.train.txt``, ``ptb.valid.txt`` and ``ptb.test.txt``
    (offline classrooms, CI). When set, the network is never used. The files are still checked
    against their sha256; a missing or different file is an error naming this variable.
``W2VLIB_DATA_DIR``
    The cache folder for downloaded files and the derived id caches (``ptb.<split>.npy`` with a
    JSON sidecar, and ``ptb.vocab.txt``, one word per line). Default: ``$XDG_CACHE_HOME/w2vlib``,
    or ``~/.cache/w2vlib`` when ``XDG_CACHE_HOME`` is unset. Nothing is written inside the package.
    The ``data_dir`` argument of the functions below overrides it.

The id caches are plain ``.npy`` files (loaded with ``allow_pickle=False``); each sidecar records
the sha256 of the source text and of the ``.npy`` itself, so a cache that no longer matches its
source, or that was damaged, is rebuilt instead of being used.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import numpy as np

from ._io import atomic_write
from .corpus import build_vocab, read_words, words_to_ids

__all__ = [
    "DATA_HUB",
    "PTB_SPLITS",
    "DataError",
    "DownloadError",
    "ChecksumError",
    "get_data_dir",
    "sha256sum",
    "download",
    "ptb_path",
    "load_ptb",
    "ptb_vocab",
]

_PTB_URL = "https://raw.githubusercontent.com/tomsercu/lstm/master/data/"

#: name -> (url, sha256). The same idea as d2l's ``DATA_HUB``.
DATA_HUB: dict[str, tuple[str, str]] = {
    "ptb.train.txt": (
        _PTB_URL + "ptb.train.txt",
        "fcea919f6cf83f35d4d00c6cbf08040d13d4155226340912e2fef9c9c4102cbf",
    ),
    "ptb.valid.txt": (
        _PTB_URL + "ptb.valid.txt",
        "c9fe6985fe0d4ccb578183407d7668fc6066c20700cb4cf87d8ff1cc34df1bf2",
    ),
    "ptb.test.txt": (
        _PTB_URL + "ptb.test.txt",
        "dd65dff31e70846b2a6030a87482edcd5d199130cdcfa1f3dccbb033728deee0",
    ),
}

PTB_SPLITS = ("train", "valid", "test")
PTB_DIR_ENV = "W2VLIB_PTB_DIR"
DATA_DIR_ENV = "W2VLIB_DATA_DIR"

_CHUNK = 1 << 16
_CACHE_VERSION = 1


class DataError(RuntimeError):
    """A data file could not be obtained or is not what it should be."""


class DownloadError(DataError):
    """A download failed (no network, server error, connection dropped)."""


class ChecksumError(DataError):
    """A file's sha256 differs from the expected one."""


# ----------------------------------------------------------------------------- helpers


def env_dir(name: str) -> Path | None:
    """The folder named by the environment variable ``name``, made absolute when first read.

    A relative value (``W2VLIB_PTB_DIR=../shared/data/ptb``) is read from the current folder, and
    the variable is rewritten as that absolute path, so that every process started from this one
    (a notebook's kernel runs in ``notebooks/``, not where you typed the command) finds the same
    folder. The repository's ``conftest.py`` does this before pytest starts any kernel.
    """
    value = os.environ.get(name)
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = Path(os.path.abspath(path))
        os.environ[name] = str(path)
    return path


def absolute_env_dirs() -> None:
    """Make ``$W2VLIB_PTB_DIR`` and ``$W2VLIB_DATA_DIR`` absolute now (see :func:`env_dir`)."""
    env_dir(PTB_DIR_ENV)
    env_dir(DATA_DIR_ENV)


def get_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """The cache folder: ``data_dir`` if given, else ``$W2VLIB_DATA_DIR``, else the user cache.

    The user cache is ``$XDG_CACHE_HOME/w2vlib`` or ``~/.cache/w2vlib``. It is not created here.
    """
    if data_dir is not None:
        return Path(data_dir).expanduser()
    env = env_dir(DATA_DIR_ENV)
    if env:
        return env
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "w2vlib"


def sha256sum(path: str | os.PathLike) -> str:
    """Hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _manual_help(names) -> str:
    urls = "\n".join(f"  {DATA_HUB[n][0]}" if n in DATA_HUB else f"  {n}" for n in names)
    return (
        f"To work offline, download the file(s) yourself:\n{urls}\n"
        f"into a folder and set the environment variable {PTB_DIR_ENV} to that folder "
        f"(then no network is used)."
    )


def _hub_entry(name: str) -> tuple[str, str]:
    try:
        return DATA_HUB[name]
    except KeyError:
        raise KeyError(f"unknown data file {name!r}; known: {sorted(DATA_HUB)}") from None


# ----------------------------------------------------------------------------- download


def download(
    name: str,
    cache_dir: str | os.PathLike | None = None,
    url: str | None = None,
    sha256: str | None = None,
    *,
    progress: bool = True,
    timeout: float = 30.0,
) -> Path:
    """Fetch ``DATA_HUB[name]`` into the cache folder and return its path.

    A cached copy whose sha256 matches is returned without any network use. A cached copy that
    no longer matches (damaged later) is reported with a warning, removed and fetched again.

    Parameters
    ----------
    name : key of ``DATA_HUB`` (or any file name when both ``url`` and ``sha256`` are given).
    cache_dir : destination folder; default :func:`get_data_dir`.
    url : override the URL (a mirror, or a loopback server in tests). Only http(s) URLs.
    sha256 : override the expected checksum.
    progress : show a ``tqdm`` progress bar.
    timeout : seconds for connecting and for each read.

    Raises
    ------
    DownloadError : network failure, HTTP error or connection dropped mid-file.
    ChecksumError : the downloaded bytes do not match; nothing is kept.
    """
    if url is None or sha256 is None:
        hub_url, hub_sha = _hub_entry(name)
        url = hub_url if url is None else url
        sha256 = hub_sha if sha256 is None else sha256
    if urllib.parse.urlsplit(url).scheme not in ("https", "http"):
        raise ValueError(f"only http(s) URLs can be downloaded, got {url!r}")
    dest = get_data_dir(cache_dir) / name

    if dest.exists():
        got = sha256sum(dest)
        if got == sha256:
            return dest
        warnings.warn(
            f"cached file {dest} is corrupted (sha256 {got}, expected {sha256}); "
            "removing it and downloading again",
            RuntimeWarning,
            stacklevel=2,
        )
        dest.unlink()

    def fetch(out):
        """Stream the URL into ``out`` (the temp file of ``atomic_write``), checking length and sha256."""
        h = hashlib.sha256()
        received = 0
        try:
            with urllib.request.urlopen(url, timeout=timeout) as resp:
                length = resp.headers.get("Content-Length")
                total = int(length) if length is not None and length.isdigit() else None
                from tqdm.auto import tqdm

                with tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, desc=name,
                          disable=not progress, leave=False) as bar:
                    while True:
                        chunk = resp.read(_CHUNK)
                        if not chunk:
                            break
                        out.write(chunk)
                        h.update(chunk)
                        received += len(chunk)
                        bar.update(len(chunk))
        except urllib.error.HTTPError as e:
            raise DownloadError(
                f"downloading {name} from {url} failed: HTTP {e.code} {e.reason}.\n"
                + _manual_help([name])
            ) from e
        except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
            # URLError: no network, DNS failure, connection refused; OSError: timeouts and
            # resets; HTTPException: e.g. IncompleteRead or a malformed response.
            reason = getattr(e, "reason", None) or f"{type(e).__name__}: {e}"
            raise DownloadError(
                f"could not download {name} from {url}: {reason}.\n"
                "Check your network connection. " + _manual_help([name])
            ) from e
        if total is not None and received != total:
            raise DownloadError(
                f"downloading {name} from {url}: connection dropped after {received} of "
                f"{total} bytes; nothing was kept, try again.\n" + _manual_help([name])
            )
        got = h.hexdigest()
        if got != sha256:
            raise ChecksumError(
                f"checksum mismatch for {name} downloaded from {url}: expected sha256 {sha256}, "
                f"got {got}. The file was not kept."
            )

    # The package's one atomic writer: the bytes go to a temp file beside ``dest``, which is
    # renamed into place only after the checks above passed (and removed on any error).
    try:
        atomic_write(dest, fetch)
    except OSError as e:  # network errors became DownloadError inside fetch: this is the folder
        raise DataError(
            f"cannot write to the cache folder {dest.parent}: {e.strerror or e}. Set {DATA_DIR_ENV} to a "
            f"writable folder, or {PTB_DIR_ENV} to a folder that already holds the files."
        ) from e
    return dest


# ----------------------------------------------------------------------------- PTB


def _check_split(split: str) -> str:
    if split == "val":  # the book accepts 'val' too
        split = "valid"
    if split not in PTB_SPLITS:
        raise ValueError(f"split must be one of {PTB_SPLITS}, got {split!r}")
    return split


def ptb_path(
    split: str = "train", data_dir: str | os.PathLike | None = None, *, progress: bool = True
) -> Path:
    """Path of the verified raw file ``ptb.<split>.txt``.

    From ``$W2VLIB_PTB_DIR`` when set (never the network), else from the cache, downloading it
    once if needed.
    """
    name = f"ptb.{_check_split(split)}.txt"
    _, expected = _hub_entry(name)
    typed = os.environ.get(PTB_DIR_ENV)
    local = env_dir(PTB_DIR_ENV)
    if local:
        path = local / name
        if not path.is_file():
            relative = "" if Path(typed).expanduser().is_absolute() else (
                f" {typed!r} is a relative path, so it was read from the current folder "
                f"{Path.cwd()} (a notebook's kernel runs in the notebook's own folder): set "
                f"{PTB_DIR_ENV} to an absolute path, e.g. export {PTB_DIR_ENV}=\"$(realpath {typed})\".")
            raise DataError(
                f"{PTB_DIR_ENV} is set to {str(local)!r} but {name} is not there "
                f"(no network is used while {PTB_DIR_ENV} is set).{relative} "
                f"Put the file there (from {DATA_HUB[name][0]}) or unset {PTB_DIR_ENV} "
                "to download it."
            )
        got = sha256sum(path)
        if got != expected:
            raise ChecksumError(
                f"checksum mismatch for {path} (from {PTB_DIR_ENV}): expected sha256 {expected}, "
                f"got {got}. Replace it with the original file from {DATA_HUB[name][0]}."
            )
        return path
    try:
        return download(name, data_dir, progress=progress)
    except DownloadError as e:  # the learner needs all three files, so name all three
        first_line = str(e).split("\n", 1)[0]
        raise DownloadError(
            f"{first_line}\nCheck your network connection. "
            + _manual_help([f"ptb.{s}.txt" for s in PTB_SPLITS])
        ) from e


def _read_words(path: Path) -> list[str]:
    """The book's tokenisation, by :func:`w2vlib.corpus.read_words`: ``<eos>`` at each line end."""
    return read_words(path)


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _write_cached(path: Path, save, meta: dict) -> None:
    """Write a cache file and its JSON sidecar (holding the file's own sha256) atomically.

    Failure to write (read-only folder) is not fatal: the data is simply rebuilt next time.
    """
    try:
        atomic_write(path, save)
        meta = dict(meta, sha256=sha256sum(path), version=_CACHE_VERSION)
        atomic_write(_sidecar(path), lambda f: f.write(json.dumps(meta, indent=1).encode()))
    except OSError as e:
        warnings.warn(f"could not write cache {path}: {e}", RuntimeWarning, stacklevel=3)


def _read_cached(path: Path, **expect) -> bool:
    """True if ``path`` and its sidecar exist, the sidecar matches ``expect`` and the file's sha."""
    side = _sidecar(path)
    if not (path.is_file() and side.is_file()):
        return False
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if meta.get("version") != _CACHE_VERSION:
        return False
    if any(meta.get(k) != v for k, v in expect.items()):
        return False
    return meta.get("sha256") == sha256sum(path)


def _vocab(cache: Path, train_path: Path, train_sha: str, words=None):
    """(word_to_id, id_to_word, train_words_or_None), from the vocab cache when valid."""
    vocab_file = cache / "ptb.vocab.txt"
    if words is None and _read_cached(vocab_file, source_sha256=train_sha):
        vocab = vocab_file.read_text(encoding="utf-8").split("\n")
        if vocab and vocab[-1] == "":
            vocab.pop()
        word_to_id = {w: i for i, w in enumerate(vocab)}
        if len(word_to_id) == len(vocab):
            return word_to_id, dict(enumerate(vocab)), None
    if words is None:
        words = _read_words(train_path)
    word_to_id, id_to_word = build_vocab(words)
    text = "".join(w + "\n" for w in word_to_id)
    _write_cached(vocab_file, lambda f: f.write(text.encode("utf-8")), {"source_sha256": train_sha})
    return word_to_id, id_to_word, words


def ptb_vocab(
    data_dir: str | os.PathLike | None = None, *, progress: bool = True
) -> tuple[dict[str, int], dict[int, str]]:
    """The PTB vocabulary ``(word_to_id, id_to_word)`` (10,000 words, built from the train split)."""
    train_path = ptb_path("train", data_dir, progress=progress)
    word_to_id, id_to_word, _ = _vocab(get_data_dir(data_dir), train_path, _hub_entry("ptb.train.txt")[1])
    return word_to_id, id_to_word


def load_ptb(
    split: str = "train", data_dir: str | os.PathLike | None = None, *, progress: bool = True
) -> tuple[np.ndarray, dict[str, int], dict[int, str]]:
    """Load a PTB split as ``(corpus, word_to_id, id_to_word)`` in the book's convention.

    ``corpus`` is a 1-D ``np.int32`` array of word ids (``<eos>`` at each line end). The raw file
    comes from ``$W2VLIB_PTB_DIR`` or the cache (downloaded once, sha256-verified); the ids are
    cached as ``ptb.<split>.npy`` in the cache folder, so later calls take milliseconds.

    Parameters
    ----------
    split : ``"train"``, ``"valid"`` (or ``"val"``) or ``"test"``.
    data_dir : cache folder; default ``$W2VLIB_DATA_DIR`` or the user cache (see module doc).
    progress : show a progress bar while downloading.
    """
    split = _check_split(split)
    cache = get_data_dir(data_dir)
    train_name = "ptb.train.txt"
    train_sha = _hub_entry(train_name)[1]
    # Both raw files are located and sha256-verified on every call (about 10 ms for train), so a
    # file damaged after it was cached is detected instead of being used.
    train_path = ptb_path("train", data_dir, progress=progress)
    src_path = train_path if split == "train" else ptb_path(split, data_dir, progress=progress)
    src_sha = _hub_entry(f"ptb.{split}.txt")[1]

    word_to_id, id_to_word, train_words = _vocab(cache, train_path, train_sha)

    ids_file = cache / f"ptb.{split}.npy"
    if _read_cached(ids_file, source_sha256=src_sha, vocab_sha256=train_sha):
        try:
            corpus = np.load(ids_file, allow_pickle=False)
        except (OSError, ValueError):
            corpus = None
        if (
            corpus is not None
            and corpus.dtype == np.int32
            and corpus.ndim == 1
            and (corpus.size == 0 or (corpus.min() >= 0 and corpus.max() < len(word_to_id)))
        ):
            return corpus, word_to_id, id_to_word

    words = train_words if (split == "train" and train_words is not None) else _read_words(src_path)
    try:
        corpus = words_to_ids(words, word_to_id)
    except KeyError as e:
        raise DataError(f"{src_path}: {e.args[0]} (the train vocabulary)") from None
    _write_cached(
        ids_file,
        lambda f: np.save(f, corpus, allow_pickle=False),
        {"source_sha256": src_sha, "vocab_sha256": train_sha, "n_tokens": int(corpus.size)},
    )
    return corpus, word_to_id, id_to_word
