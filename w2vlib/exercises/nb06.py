"""Exercises of notebook 06 (similarity and analogies)."""
from __future__ import annotations

import numpy as np

from ..similarity import normalize
from . import Exercise, NotYet

# ---- 1. nearest neighbours by cosine -------------------------------------------------------------------


def _reference_nearest(query, W, words, topn):
    Wn = normalize(np.asarray(W, dtype=np.float64))
    q = words.index(query)
    scores = Wn @ Wn[q]
    scores[q] = -np.inf
    return [words[i] for i in np.argsort(-scores, kind="stable")[:topn]]


def _dot_nearest(query, W, words, topn):
    W = np.asarray(W, dtype=np.float64)
    q = words.index(query)
    scores = W @ W[q]
    scores[q] = -np.inf
    return [words[i] for i in np.argsort(-scores, kind="stable")[:topn]]


def _nearest_cases():
    rng = np.random.default_rng(6)
    V, H = 40, 8
    W = rng.standard_normal((V, H)) * rng.uniform(0.1, 5.0, size=(V, 1))  # lengths vary like frequencies
    words = [f"w{i}" for i in range(V)]
    for q, topn in (("w0", 5), ("w7", 1), ("w13", 3), ("w21", 8)):
        yield W, words, q, topn


def _as_words(out):
    out = list(out)
    return [w[0] if isinstance(w, (tuple, list)) else w for w in out]


def _check_nearest(fn):
    if not callable(fn):
        raise NotYet("write a function nearest(query, W, words, topn) returning a list of words")
    for W, words, q, topn in _nearest_cases():
        got = _as_words(fn(q, W.copy(), list(words), topn))
        want = _reference_nearest(q, W, words, topn)
        if got == want:
            continue
        if q in got:
            raise NotYet("the query is its own nearest neighbour (cosine 1): exclude it")
        if len(got) != topn:
            raise NotYet(f"return exactly topn words (topn = {topn}, you returned {len(got)})")
        if got == _dot_nearest(q, W, words, topn):
            raise NotYet("that ranks by raw dot products, so long vectors win: normalise the rows first "
                         "(w2vlib.normalize)")
        if got == _reference_nearest(q, W, words, len(words))[::-1][1:topn + 1] or sorted(got) == sorted(want):
            raise NotYet("right words, wrong order: the best (largest cosine) first")
        raise NotYet(f"for {q!r} with topn = {topn} you return {got}, cosine ranking gives {want}")
    return None


# ---- 2. 3CosMul by hand -----------------------------------------------------------------------------------


def _cosmul_scores(a, b, c, W, words, shift=True, eps=1e-3):
    Wn = normalize(np.asarray(W, dtype=np.float64))
    cos = lambda w: Wn @ Wn[words.index(w)]
    ca, cb, cc = cos(a), cos(b), cos(c)
    if shift:
        ca, cb, cc = (ca + 1) / 2, (cb + 1) / 2, (cc + 1) / 2
    return cb * cc / (ca + eps)


def _best(scores, words, exclude):
    scores = scores.copy()
    scores[[words.index(w) for w in exclude]] = -np.inf
    return words[int(np.argmax(scores))]


def reference_cosmul(a, b, c, W, words, eps=1e-3):
    """3CosMul's answer to a : b = c : ? (Levy & Goldberg 2014), the three question words excluded."""
    return _best(_cosmul_scores(a, b, c, W, words, True, eps), words, (a, b, c))


def _cosmul_cases():
    rng = np.random.default_rng(66)
    V, H = 60, 10
    W = rng.standard_normal((V, H)) * rng.uniform(0.2, 3.0, size=(V, 1))
    words = [f"w{i}" for i in range(V)]
    for _ in range(25):
        a, b, c = rng.choice(V, size=3, replace=False)
        yield W, words, words[a], words[b], words[c]


def _check_cosmul(fn):
    if not callable(fn):
        raise NotYet("write a function cosmul(a, b, c, W, words) returning one word")
    wrong_noshift = wrong_add = wrong_q = 0
    first = None
    for W, words, a, b, c in _cosmul_cases():
        got = fn(a, b, c, W.copy(), list(words))
        want = reference_cosmul(a, b, c, W, words)
        if got == want:
            continue
        first = first or (a, b, c, got, want)
        wrong_q += got in (a, b, c)
        Wn = normalize(np.asarray(W, dtype=np.float64))
        wrong_add += got == _best(Wn @ (Wn[words.index(b)] - Wn[words.index(a)] + Wn[words.index(c)]), words,
                                  (a, b, c))
        wrong_noshift += got == _best(_cosmul_scores(a, b, c, W, words, shift=False), words, (a, b, c))
    if first is None:
        return None
    if wrong_q:
        raise NotYet("your answer is sometimes a question word: exclude a, b and c")
    if wrong_noshift and wrong_noshift >= wrong_add:
        raise NotYet("shift every cosine to [0, 1] with (cos + 1) / 2 before multiplying and dividing: a negative "
                     "cosine would flip the sign of the product")
    if wrong_add:
        raise NotYet("that is 3CosAdd (cosine with b - a + c); 3CosMul multiplies and divides the similarities")
    a, b, c, got, want = first
    raise NotYet(f"for {a} : {b} = {c} : ? you answer {got}, 3CosMul answers {want}")


# ---- 3. does frequency decide? ---------------------------------------------------------------------------


def _split_acc(right, rarest, op):
    right, rarest = np.asarray(right, dtype=bool), np.asarray(rarest, dtype=np.float64)
    frequent = op(rarest, np.median(rarest))
    return float(right[~frequent].mean()), float(right[frequent].mean())


def _check_frequency(answer, right=None, rarest=None):
    if right is None or rarest is None:
        raise NotYet("pass the context: q3.check(answer_3, right=right, rarest=rarest)")
    try:
        got = tuple(float(x) for x in answer)
        assert len(got) == 2
    except (TypeError, ValueError, AssertionError):
        raise NotYet("answer with a pair: (accuracy of the rare half, accuracy of the frequent half)")
    close = lambda x, y: all(abs(p - q) <= 1e-3 for p, q in zip(x, y))
    ge, gt = _split_acc(right, rarest, np.greater_equal), _split_acc(right, rarest, np.greater)
    if close(got, ge) or close(got, gt):
        rare, freq = ge
        easier = "the frequent half" if freq > rare else "the rare half" if rare > freq else "neither half"
        return f"{easier} is easier here"
    if close(got, ge[::-1]) or close(got, gt[::-1]):
        raise NotYet("swapped: the first number is the half whose rarest word is *below* the median count")
    right_a = np.asarray(right, dtype=bool)
    rarest_a = np.asarray(rarest, dtype=np.float64)
    by_mean = rarest_a >= rarest_a.mean()
    if close(got, (float(right_a[~by_mean].mean()), float(right_a[by_mean].mean()))):
        raise NotYet("split at the median count (half the questions each side), not at the mean")
    overall = float(right_a.mean())
    if close(got, (overall, overall)):
        raise NotYet("both numbers are the overall accuracy: compute each on its own half of the questions")
    raise NotYet("split the questions by the count of their rarest word (at the median) and take the mean of "
                 "`right` in each half")


EXERCISES = [
    Exercise(
        name="Exercise 1 (nearest neighbours by cosine)",
        checker=_check_nearest,
        hint_text="Normalise every row (w2vlib.normalize), take the dot products with the query's unit row, "
                  "exclude the query itself, and sort from the largest down.",
        solution_text="def nearest(query, W, words, topn):\n    Wn = w2vlib.normalize(W)\n"
                      "    q = words.index(query)\n    scores = Wn @ Wn[q]\n    scores[q] = -np.inf\n"
                      "    return [words[i] for i in np.argsort(-scores)[:topn]]",
        reference=lambda **_: _reference_nearest,
    ),
    Exercise(
        name="Exercise 2 (3CosMul by hand)",
        checker=_check_cosmul,
        hint_text="With unit rows, cos(d, x) = Wn @ Wn[x] for every d at once. Shift each to (cos + 1) / 2, "
                  "then score = cos'(d, b) * cos'(d, c) / (cos'(d, a) + 0.001); exclude a, b, c.",
        solution_text="def cosmul(a, b, c, W, words, eps=1e-3):\n    Wn = w2vlib.normalize(W)\n"
                      "    cos = lambda w: (Wn @ Wn[words.index(w)] + 1) / 2\n"
                      "    scores = cos(b) * cos(c) / (cos(a) + eps)\n"
                      "    scores[[words.index(w) for w in (a, b, c)]] = -np.inf\n"
                      "    return words[int(np.argmax(scores))]",
        reference=lambda **_: reference_cosmul,
    ),
    Exercise(
        name="Exercise 3 (does frequency decide?)",
        checker=_check_frequency,
        hint_text="frequent = rarest >= np.median(rarest); then right[~frequent].mean() and right[frequent].mean().",
        solution_text="frequent = rarest >= np.median(rarest)\n"
                      "answer_3 = (right[~frequent].mean(), right[frequent].mean())",
        reference=lambda right=None, rarest=None, **_: _split_acc(right, rarest, np.greater_equal),
    ),
]
