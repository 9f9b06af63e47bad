"""Exercises of notebook 05 (training CBOW on PTB)."""
from __future__ import annotations

import math

import numpy as np

from . import Exercise, NotYet


def _choice(answer, choices: str) -> str:
    """The student's multiple-choice letter, lower case; NotYet when it is not one of ``choices``."""
    if not isinstance(answer, str) or answer.strip().lower().strip("()") not in choices:
        raise NotYet(f"answer with one letter: {', '.join(repr(c) for c in choices)}")
    return answer.strip().lower().strip("()")


# ---- 1. the starting loss, as a function of k ---------------------------------------------------------

_KS = (1, 2, 5, 10, 20)


def _start_loss(k):
    return (k + 1) * math.log(2)


def _check_start_loss(fn, negative=5, measured=None):
    if not callable(fn):
        raise NotYet("write a function start_loss(k) that returns a number for any number of negatives k")
    for k in sorted(set(_KS) | {int(negative)}, reverse=True):  # large k first: the wrong formulas differ most
        got = float(fn(k))
        want = _start_loss(k)
        if abs(got - want) <= 1e-3 * want:
            continue
        if abs(got - math.log(2)) <= 1e-3:
            raise NotYet("ln 2 is one binary cross-entropy; the loss adds one for the target and one per negative")
        if abs(got - k * math.log(2)) <= 1e-3 * max(k, 1):
            raise NotYet("you counted the k negatives but not the true target's own term")
        if abs(got - math.log(k + 1)) <= 1e-3 * max(k, 1):
            raise NotYet("ln(k+1) would be a softmax over k+1 words; here each of the k+1 scores has its own "
                         "sigmoid and binary cross-entropy")
        raise NotYet(f"for k = {k} your function gives {got:.4f}; at the start every sigmoid says 0.5")
    if measured is not None:
        return f"{_start_loss(int(negative)):.3f} for k = {int(negative)}; a fresh model measures {float(measured):.3f}"
    return None


# ---- 2. why is lazy Adam faster? ------------------------------------------------------------------------

_LAZY_WRONG = {
    "a": "both runs use the same learning rate and the same number of steps; words/s is about the cost of one step",
    "c": "both compute exactly the same forward and backward (the same gradients); only the update step differs",
    "d": "every array stays float32 in both runs",
}


def _check_lazy(answer):
    letter = _choice(answer, "abcd")
    if letter in _LAZY_WRONG:
        raise NotYet(_LAZY_WRONG[letter])
    return "a batch touches a few thousand rows, Adam without lazy updates all V x H numbers (and two moments each)"


# ---- 3. the subsampling keep probability ---------------------------------------------------------------


def _keep_prob_reference(counts, sample):
    from .. import fast

    return fast.subsample_keep_prob(counts, sample)


def _keep_cases():
    rng = np.random.default_rng(5)
    zipf = np.floor(50_000 / np.arange(1, 201)).astype(np.int64)  # a few very frequent words, many rare ones
    yield "a Zipf-like vocabulary", zipf, 1e-3
    yield "another threshold", zipf, 1e-2
    yield "random counts", rng.integers(1, 1000, size=50), 1e-3


def _check_keep_prob(fn):
    if not callable(fn):
        raise NotYet("write a function keep_prob(counts, sample) that returns one probability per word")
    for case, counts, sample in _keep_cases():
        got = np.asarray(fn(counts.copy(), sample), dtype=np.float64)
        want = _keep_prob_reference(counts, sample)
        if got.shape != want.shape:
            raise NotYet(f"return one probability per word: shape {want.shape}, yours {got.shape} ({case})")
        if np.allclose(got, want, rtol=1e-6, atol=1e-9):
            continue
        f = counts.astype(np.float64)
        t = sample * f.sum()
        if np.any(got > 1 + 1e-9):
            if np.allclose(got, (np.sqrt(f / t) + 1) * t / f, rtol=1e-6):
                raise NotYet("a probability cannot exceed 1: rare words are always kept, clip with np.minimum(..., 1)")
            raise NotYet("some of your probabilities exceed 1; clip them")
        if np.allclose(got, np.minimum(1, np.sqrt(t / f)), rtol=1e-6):
            raise NotYet("sqrt(t/f) is the paper's keep probability; word2vec.c and gensim use (sqrt(f/t) + 1) t/f")
        if np.allclose(got, np.maximum(0, 1 - np.sqrt(t / f)), rtol=1e-6):
            raise NotYet("1 - sqrt(t/f) is the paper's probability of *discarding* a word, not of keeping it")
        if np.allclose(got, np.minimum(1, (np.sqrt(f / sample) + 1) * sample / f), rtol=1e-6):
            raise NotYet("t is sample times the corpus size (the total count), not sample alone")
        raise NotYet(f"differs from word2vec's keep probability ({case}): keep = (sqrt(f/t) + 1) t/f, "
                     "t = sample * total count, at most 1")
    return None


# ---- 4. skip-gram pairs per target -----------------------------------------------------------------------


def _check_pairs(fn):
    if not callable(fn):
        raise NotYet("write a function pairs(w) of the maximum window radius w")
    for w in range(1, 11):
        got = float(fn(w))
        if abs(got - (w + 1)) <= 1e-9:
            continue
        if abs(got - 2 * w) <= 1e-9:
            raise NotYet("2w is for a fixed window; the dynamic window draws each radius uniformly from 1..w")
        if abs(got - (w + 1) / 2) <= 1e-9:
            raise NotYet("(w + 1) / 2 is the mean radius, one side of the target; the context has two sides")
        if abs(got - w) <= 1e-9:
            raise NotYet("the mean of a uniform draw from 1..w is (w + 1) / 2, not w / 2")
        raise NotYet(f"for w = {w} you say {got:g}: average 2 * radius over radius = 1..w")
    return None


EXERCISES = [
    Exercise(
        name="Exercise 1 (the starting loss)",
        checker=_check_start_loss,
        hint_text="Before training every score is close to 0, so sigmoid(0) = 0.5 for the target and for each "
                  "negative. What is the binary cross-entropy of 0.5, and how many of them are added?",
        solution_text="import math\n\ndef start_loss(k):\n    return (k + 1) * math.log(2)   # k+1 binary "
                      "cross-entropies of sigmoid(0) = 0.5",
        reference=lambda **_: (lambda k: (k + 1) * math.log(2)),
    ),
    Exercise(
        name="Exercise 2 (why is lazy Adam faster?)",
        checker=_check_lazy,
        hint_text="Count the numbers each step writes. How many rows of W_in and W_out does one batch of 100 "
                  "targets touch, and how many rows does the matrix have?",
        solution_text="answer_2 = 'b'   # lazy Adam updates (and keeps moments for) only the rows the batch used",
        reference=lambda **_: "b",
    ),
    Exercise(
        name="Exercise 3 (subsampling: the keep probability)",
        checker=_check_keep_prob,
        hint_text="f = counts, t = sample * counts.sum(); keep = (sqrt(f / t) + 1) * t / f, and a probability "
                  "is at most 1.",
        solution_text="def keep_prob(counts, sample):\n    f = np.asarray(counts, dtype=float)\n"
                      "    t = sample * f.sum()\n    return np.minimum(1.0, (np.sqrt(f / t) + 1) * t / f)",
        reference=lambda **_: _keep_prob_reference,
    ),
    Exercise(
        name="Exercise 4 (skip-gram pairs per target)",
        checker=_check_pairs,
        hint_text="Each target draws a radius r uniformly from 1..w and then has r context words on each side.",
        solution_text="def pairs(w):\n    return w + 1   # 2 * mean(1..w) = 2 * (w + 1) / 2",
        reference=lambda **_: (lambda w: w + 1),
    ),
]
