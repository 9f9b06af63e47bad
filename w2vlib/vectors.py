"""Saving and exporting word vectors, without pickle.

* ``save_vectors`` / ``load_vectors``: one ``.npz`` with the matrix and the
  words (a plain unicode array, loadable with ``allow_pickle=False``).
* ``save_word2vec_format`` / ``load_word2vec_format``: the word2vec text format (first line
  ``V H``, then ``word v1 ... vH``), readable by gensim's
  ``KeyedVectors.load_word2vec_format(path, binary=False)``. The reader also accepts the trailing
  space that word2vec.c and fastText write at the end of every line. ``binary=True`` reads and
  writes word2vec.c's binary format (gensim's ``binary=True``); ``limit=N`` reads the first N.
* ``save_projector``: ``vectors.tsv`` + ``metadata.tsv`` for
  https://projector.tensorflow.org (single-column metadata has no header).
* ``save_text_exports``: the word2vec text file and the two projector files at once, each number
  formatted once.

The exporters refuse what the formats cannot hold or other tools would misread: non-finite
numbers, duplicate words, empty words and words with whitespace. Every file is written
atomically (a temp file beside it, then a rename).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np

from ._io import atomic_write, atomic_write_path, read_text

__all__ = ["save_vectors", "load_vectors", "save_word2vec_format", "load_word2vec_format",
           "save_projector", "save_text_exports"]


def _checked(W, id_to_word) -> tuple[np.ndarray, list[str]]:
    """``(W, words)`` after the checks every exporter needs; raises ValueError naming the problem."""
    W = np.asarray(W)
    if W.ndim != 2:
        raise ValueError(f"W must be 2-D (V, H), got shape {W.shape}")
    if not np.issubdtype(W.dtype, np.number) or np.iscomplexobj(W):
        raise TypeError(f"W must hold real numbers, got dtype {W.dtype}")
    if isinstance(id_to_word, dict):
        missing = [i for i in range(W.shape[0]) if i not in id_to_word]
        if missing or len(id_to_word) != W.shape[0]:
            raise ValueError(f"{len(id_to_word)} words for {W.shape[0]} vectors (ids must be 0..{W.shape[0] - 1})")
        words = [id_to_word[i] for i in range(W.shape[0])]
    else:
        words = list(id_to_word)
    if len(words) != W.shape[0]:
        raise ValueError(f"{len(words)} words for {W.shape[0]} vectors")
    for w in words:
        if not isinstance(w, str):
            raise TypeError(f"words must be strings, got {w!r} ({type(w).__name__})")
        if not w or any(ch.isspace() for ch in w):
            raise ValueError(f"word {w!r} is empty or contains whitespace; text formats cannot store it")
    if len(set(words)) != len(words):
        seen, dups = set(), []
        for w in words:
            if w in seen and w not in dups:
                dups.append(w)
            seen.add(w)
        raise ValueError(f"duplicate words {dups[:5]!r}: every word must appear once "
                         "(a reader would keep only one of the rows)")
    bad = ~np.isfinite(W)
    if bad.any():
        rows = np.flatnonzero(bad.any(axis=1))
        raise ValueError(f"{rows.size} of {W.shape[0]} vectors hold nan or inf (first: word "
                         f"{words[rows[0]]!r}); the training diverged, nothing was written")
    return W, words


def _number_lines(W, precision: int, sep: str) -> list[str]:
    """One string per row, its numbers formatted ``%.{precision}g`` and joined by ``sep``.

    One format string per row (``np.savetxt``'s approach) instead of one ``%`` per number: about
    twice as fast, and the same text.
    """
    row_fmt = sep.join([f"%.{int(precision)}g"] * W.shape[1])
    return [row_fmt % tuple(r) for r in W.astype(np.float64).tolist()]


def save_vectors(path, W, id_to_word) -> Path:
    """Write ``W`` and its words to ``path`` (``.npz`` is appended if missing). Returns the path written."""
    W, words = _checked(W, id_to_word)
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    W32, words_arr = np.asarray(W, dtype=np.float32), np.array(words, dtype=str)
    return atomic_write_path(path, lambda tmp: np.savez(tmp, W=W32, words=words_arr), suffix=".npz")


def load_vectors(path):
    """Read what :func:`save_vectors` wrote: ``(W, word_to_id, id_to_word)``.

    ``path`` may omit the ``.npz`` that :func:`save_vectors` appends (``"vecs"`` finds ``vecs.npz``).
    """
    path = Path(path)
    if not path.exists() and path.suffix != ".npz" and path.with_name(path.name + ".npz").exists():
        path = path.with_name(path.name + ".npz")
    if not path.exists():
        hint = "" if path.suffix == ".npz" else f" (nor {path.name}.npz)"
        raise FileNotFoundError(f"vectors file not found: {path}{hint}")
    with np.load(path, allow_pickle=False) as data:
        if "W" not in data or "words" not in data:
            raise ValueError(f"{path} is not a w2vlib vectors file (needs arrays 'W' and 'words')")
        W = data["W"]
        words = [str(w) for w in data["words"]]
    if W.ndim != 2 or W.shape[0] != len(words):
        raise ValueError(f"{path}: {len(words)} words for a matrix of shape {W.shape}")
    word_to_id = {w: i for i, w in enumerate(words)}
    id_to_word = dict(enumerate(words))
    return W, word_to_id, id_to_word


def _w2v_text(W, words, lines) -> str:
    return f"{W.shape[0]} {W.shape[1]}\n" + "".join(f"{w} {ln}\n" for w, ln in zip(words, lines))


def save_word2vec_format(path, W, id_to_word, precision: int = 6, binary: bool = False) -> Path:
    """word2vec format: ``V H`` then one ``word v1 ... vH`` line per word.

    ``binary=True`` writes word2vec.c's binary format instead (its ``-binary 1``, gensim's
    ``binary=True``): the same header line, then per word its UTF-8 bytes, a space, ``H``
    little-endian float32 numbers and a newline (what word2vec.c's ``fwrite`` loop writes).
    """
    W, words = _checked(W, id_to_word)
    if binary:
        rows = np.ascontiguousarray(W, dtype="<f4")

        def write(fh):
            fh.write(f"{W.shape[0]} {W.shape[1]}\n".encode("ascii"))
            for w, row in zip(words, rows):
                fh.write(w.encode("utf-8") + b" " + row.tobytes() + b"\n")

        return atomic_write(path, write, mode="wb")
    text = _w2v_text(W, words, _number_lines(W, precision, " "))
    return atomic_write(path, lambda fh: fh.write(text), mode="w")


def _limited(V: int, limit, path) -> int:
    """How many vectors to read: all ``V``, or the first ``limit`` (gensim's ``limit=``)."""
    if limit is None:
        return V
    if isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 1:
        raise ValueError(f"limit must be a positive whole number of vectors, got {limit!r}")
    return min(V, int(limit))


def _header(first: bytes, path) -> tuple[int, int]:
    """``(V, H)`` from the bytes of line 1; ValueError naming the file otherwise."""
    parts = first.split()
    if len(parts) != 2 or not all(h.isdigit() for h in parts):
        raise ValueError(f"{path}: line 1 must be 'V H' (two counts), got {first[:60]!r}")
    return int(parts[0]), int(parts[1])


def _looks_binary(body: bytes) -> bool:
    """True when ``body`` holds bytes no word2vec text file has (NUL, other control bytes)."""
    sample = body[:4096]
    return any(b < 32 and b not in (9, 10, 13) for b in sample)


def _load_w2v_binary(path, data: bytes, encoding: str, limit):
    """Read word2vec.c's binary format from ``data`` (see :func:`save_word2vec_format`)."""
    end = data.find(b"\n")
    if end < 0:
        raise ValueError(f"{path}: no header line 'V H' (is the file empty or truncated?)")
    V, H = _header(data[:end], path)
    n = _limited(V, limit, path)
    W = np.empty((n, H), dtype=np.float32)
    words = []
    pos, size = end + 1, 4 * H
    for i in range(n):
        while pos < len(data) and data[pos] in b"\n\r ":  # word2vec.c ends each vector with a newline
            pos += 1
        space = data.find(b" ", pos)
        if space < 0 or space + 1 + size > len(data):
            raise ValueError(f"{path}: the file ends after {i} of the {V} vectors its header announces "
                             "(truncated, or not a binary word2vec file)")
        try:
            word = data[pos:space].decode(encoding)
        except UnicodeDecodeError:
            raise ValueError(f"{path}: word {i + 1} (byte {pos}) is not valid {encoding}; set encoding "
                             "(for example cp949 or latin-1)") from None
        words.append(unicodedata.normalize("NFC", word))
        W[i] = np.frombuffer(data, dtype="<f4", count=H, offset=space + 1)
        pos = space + 1 + size
    return W, words


def load_word2vec_format(path, encoding: str = "utf-8", binary: bool = False, limit=None):
    """Read the word2vec format: ``(W, word_to_id, id_to_word)``.

    Text (default): lines may end with a space (word2vec.c and fastText write one) and with
    ``\\r\\n``; a UTF-8 byte-order mark is skipped. ``binary=True`` reads word2vec.c's binary format
    (the format of most downloaded pretrained vectors). ``limit=N`` reads only the first ``N``
    vectors (gensim's ``limit``), for a quick look at a huge file. Words are normalised to Unicode
    NFC, as the corpus reader does. Errors name the file and the line; a text read that meets
    binary bytes right after a valid header says to pass ``binary=True``.
    """
    path = Path(path)
    if binary:
        if not path.is_file():
            raise FileNotFoundError(f"vectors file not found: {path}")
        W, words = _load_w2v_binary(path, path.read_bytes(), encoding, limit)
    else:
        W, words = _load_w2v_text(path, encoding, limit)
    if len(set(words)) != len(words):
        raise ValueError(f"{path}: a word appears more than once")
    return W, {w: i for i, w in enumerate(words)}, dict(enumerate(words))


def _binary_hint(path, encoding):
    """Raise the "pass binary=True" error when ``path`` has a valid header and then binary bytes."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    end = head.find(b"\n")
    if end < 0:
        return
    try:
        _header(head[:end].lstrip(b"\xef\xbb\xbf"), path)
    except ValueError:
        return
    if _looks_binary(head[end + 1:]) or not _decodes(head[end + 1:], encoding):
        raise ValueError(f"{path}: line 1 is a valid header, but what follows is binary, not text: "
                         "this is word2vec's binary format; load it with binary=True") from None


def _decodes(data: bytes, encoding: str) -> bool:
    import codecs

    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=False)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def _load_w2v_text(path, encoding, limit):
    try:
        text = read_text(path, encoding=encoding)
    except UnicodeDecodeError:
        _binary_hint(path, encoding)
        raise
    lines = text.split("\n")
    header = lines[0].split()
    if len(header) != 2 or not all(h.isdigit() for h in header):
        raise ValueError(f"{path}: line 1 must be 'V H' (two counts), got {lines[0][:60]!r}")
    V, H = int(header[0]), int(header[1])
    if _looks_binary(text[len(lines[0]) + 1:][:4096].encode("utf-8", "surrogatepass")):
        _binary_hint(path, encoding)
    n = _limited(V, limit, path)
    body = [ln.rstrip("\r ") for ln in lines[1:n + 1]]
    while body and not body[-1]:
        body.pop()
    if len(body) != n:
        raise ValueError(f"{path}: line 1 announces {V} vectors, the file holds {len(body)}")
    if limit is None and any(ln.strip() for ln in lines[n + 1:]):
        extra = sum(1 for ln in lines[n + 1:] if ln.strip())
        raise ValueError(f"{path}: line 1 announces {V} vectors, the file holds {V + extra}")
    W = np.empty((n, H), dtype=np.float32)
    words = []
    for i, line in enumerate(body):
        parts = line.split(" ")
        if len(parts) != H + 1:
            raise ValueError(f"{path}: line {i + 2} has {len(parts) - 1} numbers, expected {H}")
        words.append(parts[0])
        try:
            W[i] = np.array(parts[1:], dtype=np.float32)
        except ValueError:
            raise ValueError(f"{path}: line {i + 2} holds something that is not a number") from None
    return W, words


def save_projector(directory, W, id_to_word, precision: int = 6):
    """``vectors.tsv`` (tab-separated numbers) and ``metadata.tsv`` (one word per line, no header)."""
    W, words = _checked(W, id_to_word)
    return _write_projector(Path(directory), words, _number_lines(W, precision, "\t"))


def _write_projector(directory, words, tab_lines):
    vec_path, meta_path = directory / "vectors.tsv", directory / "metadata.tsv"
    vec_text = "".join(ln + "\n" for ln in tab_lines)
    meta_text = "".join(w + "\n" for w in words)
    atomic_write(vec_path, lambda fh: fh.write(vec_text), mode="w")
    atomic_write(meta_path, lambda fh: fh.write(meta_text), mode="w")
    return vec_path, meta_path


def save_text_exports(directory, W, id_to_word, precision: int = 6):
    """``vectors.txt`` (word2vec text format), ``vectors.tsv`` and ``metadata.tsv`` in ``directory``.

    The numbers are formatted once for all three files. Returns the three paths.
    """
    W, words = _checked(W, id_to_word)
    directory = Path(directory)
    lines = _number_lines(W, precision, " ")
    w2v = atomic_write(directory / "vectors.txt", lambda fh: fh.write(_w2v_text(W, words, lines)),
                       mode="w")
    vec, meta = _write_projector(directory, words, [ln.replace(" ", "\t") for ln in lines])
    return w2v, vec, meta
