"""Cosine similarity, nearest neighbours and analogies by vector arithmetic.

This module owns two things the rest of the package imports: :func:`lookup`, the one word
lookup (one error message for a word that is not in the vocabulary), and
:func:`analogy_scores`, the one analogy scorer behind :func:`analogy`,
:func:`w2vlib.evaluation.evaluate_analogies` and :meth:`w2vlib.WordVectors.evaluate_word_analogies`.
Its methods:

* ``"add"`` (3CosAdd, the default): cosine between every word and ``b - a + c`` built from
  *unit* vectors;
* ``"mul"`` (3CosMul, Levy & Goldberg 2014): ``cos'(d, b) cos'(d, c) / (cos'(d, a) + eps)``
  with ``cos' = (cos + 1) / 2``;
* ``"dot"``: the book's ranking, which normalises only the query ``b - a + c`` built from the
  raw vectors and scores it by a dot product with the *unnormalised* word vectors; it favours
  long (often frequent) vectors.
"""
from __future__ import annotations

import unicodedata

import numpy as np

__all__ = ["cos_similarity", "normalize", "most_similar", "analogy", "analogy_scores", "lookup",
           "ANALOGY_METHODS"]

#: The analogy scoring methods (see the module docstring).
ANALOGY_METHODS = ("add", "mul", "dot")
_METHOD_ALIASES = {"cosine": "add"}  # the name notebook 06 used before "add"


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


def lookup(word: str, word_to_id) -> int:
    """The row of ``word``; a word that is not in the vocabulary raises ``KeyError`` saying so.

    A word typed in another Unicode normal form (Hangul decomposed, NFD, or composed, NFC) finds
    the same row: the package stores words as read, in NFC (``w2vlib._io.read_text``).
    """
    try:
        return word_to_id[word]
    except KeyError:
        pass
    except TypeError:
        raise TypeError(f"a word must be a string, got {type(word).__name__}") from None
    for form in ("NFC", "NFD"):
        other = unicodedata.normalize(form, word) if isinstance(word, str) else word
        if other != word and other in word_to_id:
            return word_to_id[other]
    raise KeyError(f"{word!r} is not in the vocabulary")


def analogy_method(method: str) -> str:
    """``method`` checked against :data:`ANALOGY_METHODS` (``"cosine"`` is accepted for ``"add"``)."""
    method = _METHOD_ALIASES.get(method, method)
    if method not in ANALOGY_METHODS:
        raise ValueError(f"method must be one of {ANALOGY_METHODS} (3CosAdd, 3CosMul, the book's dot), "
                         f"got {method!r}")
    return method


def analogy_scores(W, a, b, c, method: str = "add", Wn=None, eps: float = 1e-3) -> np.ndarray:
    """Scores of every word as the answer ``d`` of ``a : b = c : d``, for a batch of questions.

    ``a``, ``b``, ``c``: arrays of row ids (n,). Returns (n, V) scores; the three query words of
    each question are set to ``-inf`` (never an answer). ``Wn`` (optional) is ``normalize(W)``,
    passed in when the caller has it already.
    """
    method = analogy_method(method)
    a, b, c = (np.atleast_1d(np.asarray(x, dtype=np.intp)) for x in (a, b, c))
    W = np.asarray(W)
    if method == "dot":
        q = W[b] - W[a] + W[c]
        scores = (q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-8)) @ W.T
    else:
        Wn = normalize(W) if Wn is None else Wn
        if method == "add":
            q = Wn[b] - Wn[a] + Wn[c]
            scores = (q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-8)) @ Wn.T
        else:
            cos_a, cos_b, cos_c = ((Wn[x] @ Wn.T + 1) / 2 for x in (a, b, c))
            scores = cos_b * cos_c / (cos_a + eps)
    rows = np.arange(len(a))
    for excluded in (a, b, c):
        scores[rows, excluded] = -np.inf
    return scores


def _check_matrix(word_matrix, word_to_id):
    W = np.asarray(word_matrix)
    if W.ndim != 2:
        raise ValueError(f"word_matrix must be 2-D (V, H), got shape {W.shape}")
    if len(word_to_id) != W.shape[0]:
        raise ValueError(f"vocabulary has {len(word_to_id)} words but word_matrix has {W.shape[0]} rows; "
                         "they must match (one row per word id)")
    return W


def check_top(top, name: str = "top") -> int:
    """``top`` as an int >= 0; anything else (a fraction, a negative number, nan) raises ValueError."""
    try:
        ok = int(top) == top and top >= 0
    except (TypeError, ValueError, OverflowError):
        ok = False
    if not ok:
        raise ValueError(f"{name} must be an integer >= 0 (how many words to return), got {top!r}")
    return int(top)


def check_finite_rows(W, ids, words, what: str = "query word") -> None:
    """Refuse query rows holding nan or inf: every score against them would be nan."""
    for i, w in zip(ids, words):
        if not np.all(np.isfinite(W[i])):
            raise ValueError(f"the vector of the {what} {w!r} holds nan or inf, so no similarity can "
                             "be computed; the training that made these vectors diverged")


def _top(scores, id_to_word, exclude, top):
    top = check_top(top)
    scores = scores.astype(np.float64, copy=True)
    scores[list(exclude)] = -np.inf
    top = min(top, int(np.isfinite(scores).sum()))
    best = np.argpartition(-scores, top - 1)[:top] if top > 0 else np.array([], dtype=int)
    best = best[np.argsort(-scores[best], kind="stable")]
    return [(id_to_word[int(i)], float(scores[i])) for i in best]


def most_similar(query: str, word_to_id, id_to_word, word_matrix, top: int = 5):
    """The ``top`` words closest to ``query`` by cosine, as ``[(word, score), ...]``."""
    W = _check_matrix(word_matrix, word_to_id)
    qid = lookup(query, word_to_id)
    check_finite_rows(W, [qid], [query])
    check_top(top)
    Wn = normalize(W)
    scores = Wn @ Wn[qid]
    return _top(scores, id_to_word, {qid}, top)


def analogy(a: str, b: str, c: str, word_to_id, id_to_word, word_matrix, top: int = 5, method: str = "add"):
    """Solve ``a : b = c : ?`` by ``b - a + c``; returns ``[(word, score), ...]``.

    ``method``: ``"add"`` (default; 3CosAdd, the score is the cosine with ``b - a + c`` over unit
    vectors), ``"mul"`` (3CosMul) or ``"dot"`` (the book's ranking), scored by
    :func:`analogy_scores`. The three query words are excluded. (``"cosine"`` is an older name of
    ``"add"``.)
    """
    W = _check_matrix(word_matrix, word_to_id)
    ids = [lookup(w, word_to_id) for w in (a, b, c)]
    check_finite_rows(W, ids, (a, b, c))
    check_top(top)
    scores = analogy_scores(W, *([i] for i in ids), method=method)[0]
    return _top(scores, id_to_word, set(ids), top)
