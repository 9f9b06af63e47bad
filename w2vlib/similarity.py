"""Cosine similarity, nearest neighbours and analogies by vector arithmetic.

Ranking uses cosine similarity over *normalised* vectors. The book's
``analogy`` normalises only the query and ranks by the raw dot product with
unnormalised word vectors, which favours long (often frequent) vectors; pass
``method="dot"`` to reproduce that and compare.
"""
from __future__ import annotations

import numpy as np

__all__ = ["cos_similarity", "normalize", "most_similar", "analogy"]


def cos_similarity(x, y, eps: float = 1e-8) -> float:
    """Cosine of the angle between two vectors (0 for a zero vector, not NaN)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError(f"need two 1-D vectors of the same length, got {x.shape} and {y.shape}")
    return float(x @ y / ((np.linalg.norm(x) + eps) * (np.linalg.norm(y) + eps)))


def normalize(W, eps: float = 1e-8) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    W = np.asarray(W)
    if W.ndim != 2:
        raise ValueError(f"word_matrix must be 2-D (V, H), got shape {W.shape}")
    norms = np.linalg.norm(W, axis=1, keepdims=True)
    return W / np.maximum(norms, eps)


def _lookup(word: str, word_to_id) -> int:
    try:
        return word_to_id[word]
    except KeyError:
        raise KeyError(f"{word!r} is not in the vocabulary") from None


def _check_matrix(word_matrix, word_to_id):
    W = np.asarray(word_matrix)
    if W.ndim != 2:
        raise ValueError(f"word_matrix must be 2-D (V, H), got shape {W.shape}")
    if len(word_to_id) != W.shape[0]:
        raise ValueError(f"vocabulary has {len(word_to_id)} words but word_matrix has {W.shape[0]} rows; "
                         "they must match (one row per word id)")
    return W


def _top(scores, id_to_word, exclude, top):
    if int(top) != top:
        raise ValueError(f"top must be an integer, got {top!r}")
    top = int(top)
    scores = scores.astype(np.float64, copy=True)
    scores[list(exclude)] = -np.inf
    top = min(top, int(np.isfinite(scores).sum()))
    best = np.argpartition(-scores, top - 1)[:top] if top > 0 else np.array([], dtype=int)
    best = best[np.argsort(-scores[best], kind="stable")]
    return [(id_to_word[int(i)], float(scores[i])) for i in best]


def most_similar(query: str, word_to_id, id_to_word, word_matrix, top: int = 5):
    """The ``top`` words closest to ``query`` by cosine, as ``[(word, score), ...]``."""
    W = _check_matrix(word_matrix, word_to_id)
    qid = _lookup(query, word_to_id)
    Wn = normalize(W)
    scores = Wn @ Wn[qid]
    return _top(scores, id_to_word, {qid}, top)


def analogy(a: str, b: str, c: str, word_to_id, id_to_word, word_matrix, top: int = 5, method: str = "cosine"):
    """Solve ``a : b = c : ?`` by ``b - a + c`` (3CosAdd); returns ``[(word, score), ...]``.

    ``method="cosine"`` (default) ranks by cosine over normalised word vectors
    (the standard 3CosAdd). ``method="dot"`` is the book's ranking: the raw
    vectors give ``b - a + c``, which is normalised, then scored by a dot product
    with the *unnormalised* word vectors. The three query words are excluded.
    """
    W = _check_matrix(word_matrix, word_to_id)
    ids = [_lookup(w, word_to_id) for w in (a, b, c)]
    if method == "cosine":
        Wn = normalize(W)
        q = Wn[ids[1]] - Wn[ids[0]] + Wn[ids[2]]
        q = q / max(np.linalg.norm(q), 1e-8)
        scores = Wn @ q
    elif method == "dot":
        q = W[ids[1]] - W[ids[0]] + W[ids[2]]
        q = q / max(np.linalg.norm(q), 1e-8)
        scores = W @ q
    else:
        raise ValueError(f"method must be 'cosine' or 'dot', got {method!r}")
    return _top(scores, id_to_word, set(ids), top)
