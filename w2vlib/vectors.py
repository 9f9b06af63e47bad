"""Saving and exporting word vectors, without pickle.

* ``save_vectors`` / ``load_vectors``: one ``.npz`` with the matrix and the
  words (a plain unicode array, loadable with ``allow_pickle=False``).
* ``save_word2vec_format``: the word2vec text format (first line ``V H``,
  then ``word v1 ... vH``), readable by gensim's
  ``KeyedVectors.load_word2vec_format(path, binary=False)``.
* ``save_projector``: ``vectors.tsv`` + ``metadata.tsv`` for
  https://projector.tensorflow.org (single-column metadata has no header).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from ._io import atomic_write, atomic_write_path

__all__ = ["save_vectors", "load_vectors", "save_word2vec_format", "load_word2vec_format", "save_projector"]


def _words(W, id_to_word) -> list[str]:
    W = np.asarray(W)
    if W.ndim != 2:
        raise ValueError(f"W must be 2-D (V, H), got shape {W.shape}")
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
        if not w or any(ch.isspace() for ch in w):
            raise ValueError(f"word {w!r} is empty or contains whitespace; text formats cannot store it")
    return words


def save_vectors(path, W, id_to_word) -> Path:
    """Write ``W`` and its words to ``path`` (``.npz``). Returns the path written."""
    words = _words(W, id_to_word)
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_suffix(path.suffix + ".npz") if path.suffix else path.with_suffix(".npz")
    W32, words_arr = np.asarray(W, dtype=np.float32), np.array(words, dtype=str)
    return atomic_write_path(path, lambda tmp: np.savez(tmp, W=W32, words=words_arr), suffix=".npz")


def load_vectors(path):
    """Read what :func:`save_vectors` wrote: ``(W, word_to_id, id_to_word)``."""
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


def save_word2vec_format(path, W, id_to_word, precision: int = 6) -> Path:
    """word2vec text format: ``V H`` then one ``word v1 ... vH`` line per word."""
    words = _words(W, id_to_word)
    W = np.asarray(W)
    fmt = f"%.{precision}g"

    def write(fh):
        fh.write(f"{W.shape[0]} {W.shape[1]}\n")
        for w, row in zip(words, W):
            fh.write(w + " " + " ".join(fmt % x for x in row) + "\n")

    atomic_write(path, write, mode="w")
    return Path(path)


def load_word2vec_format(path):
    """Read the word2vec text format: ``(W, word_to_id, id_to_word)``."""
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().split()
        if len(header) != 2:
            raise ValueError(f"{path}: first line must be 'V H', got {' '.join(header)!r}")
        V, H = int(header[0]), int(header[1])
        W = np.empty((V, H), dtype=np.float32)
        words = []
        for i in range(V):
            parts = fh.readline().rstrip("\n").split(" ")
            if len(parts) != H + 1:
                raise ValueError(f"{path}: line {i + 2} has {len(parts) - 1} numbers, expected {H}")
            words.append(parts[0])
            W[i] = np.array(parts[1:], dtype=np.float32)
    return W, {w: i for i, w in enumerate(words)}, dict(enumerate(words))


def save_projector(directory, W, id_to_word, precision: int = 6):
    """``vectors.tsv`` (tab-separated numbers) and ``metadata.tsv`` (one word per line, no header)."""
    words = _words(W, id_to_word)
    W = np.asarray(W)
    directory = Path(directory)
    fmt = f"%.{precision}g"
    vec_path, meta_path = directory / "vectors.tsv", directory / "metadata.tsv"
    atomic_write(vec_path, mode="w", write=lambda fh: fh.writelines("\t".join(fmt % x for x in row) + "\n" for row in W))
    atomic_write(meta_path, mode="w", write=lambda fh: fh.writelines(w + "\n" for w in words))
    return vec_path, meta_path
