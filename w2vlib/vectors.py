"""Saving and exporting word vectors, without pickle.

* ``save_vectors`` / ``load_vectors``: one ``.npz`` with the matrix and the
  words (a plain unicode array, loadable with ``allow_pickle=False``).
* ``save_word2vec_format`` / ``load_word2vec_format``: the word2vec text format (first line
  ``V H``, then ``word v1 ... vH``), readable by gensim's
  ``KeyedVectors.load_word2vec_format(path, binary=False)``. The reader also accepts the trailing
  space that word2vec.c and fastText write at the end of every line.
* ``save_projector``: ``vectors.tsv`` + ``metadata.tsv`` for
  https://projector.tensorflow.org (single-column metadata has no header).
* ``save_text_exports``: the word2vec text file and the two projector files at once, each number
  formatted once.

The exporters refuse what the formats cannot hold or other tools would misread: non-finite
numbers, duplicate words, empty words and words with whitespace. Every file is written
atomically (a temp file beside it, then a rename).
"""
from __future__ import annotations

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


def save_word2vec_format(path, W, id_to_word, precision: int = 6) -> Path:
    """word2vec text format: ``V H`` then one ``word v1 ... vH`` line per word."""
    W, words = _checked(W, id_to_word)
    text = _w2v_text(W, words, _number_lines(W, precision, " "))
    return atomic_write(path, lambda fh: fh.write(text), mode="w")


def load_word2vec_format(path, encoding: str = "utf-8"):
    """Read the word2vec text format: ``(W, word_to_id, id_to_word)``.

    Lines may end with a space (word2vec.c and fastText write one) and with ``\\r\\n``; a UTF-8
    byte-order mark is skipped. Errors name the file and the line.
    """
    path = Path(path)
    lines = read_text(path, encoding=encoding).split("\n")
    header = lines[0].split()
    if len(header) != 2 or not all(h.isdigit() for h in header):
        raise ValueError(f"{path}: line 1 must be 'V H' (two counts), got {lines[0][:60]!r}")
    V, H = int(header[0]), int(header[1])
    body = [ln.rstrip("\r ") for ln in lines[1:]]
    while body and not body[-1]:
        body.pop()
    if len(body) != V:
        raise ValueError(f"{path}: line 1 announces {V} vectors, the file holds {len(body)}")
    W = np.empty((V, H), dtype=np.float32)
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
    if len(set(words)) != V:
        raise ValueError(f"{path}: a word appears more than once")
    return W, {w: i for i, w in enumerate(words)}, dict(enumerate(words))


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
