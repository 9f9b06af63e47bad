"""Exercises of notebook 09 (the last mile: per-word SGD compiled)."""
from __future__ import annotations

import inspect

import numpy as np

from . import Exercise, NotYet, tr

MASK64 = 2**64


# --------------------------------------------------------------------------------------------
# 1. word2vec.c's LCG
# --------------------------------------------------------------------------------------------
def _lcg_reference(state):
    return (state * 25214903917 + 11) % 2**64


_LCG_STATES = [0, 1, 7, 2**32 + 5, 2**63 + 12345, 2**64 - 1, 123456789123456789]


def _check_lcg(answer):
    if not callable(answer):
        raise NotYet("write a function lcg(state) that returns the next state")
    for s in _LCG_STATES:
        got = answer(s)
        want = _lcg_reference(s)
        try:
            got = int(got)
        except (TypeError, ValueError):
            raise NotYet(f"lcg({s}) returned {got!r}, not an integer")
        if got == want:
            continue
        if got == s * 25214903917 + 11:
            raise NotYet(f"lcg({s}) = {got} has more than 64 bits: keep only the low 64 bits "
                         "(% 2**64), as C's unsigned long long does")
        if got == (s * 25214903917 + 11) % 2**32:
            raise NotYet("word2vec.c's state has 64 bits (unsigned long long), not 32: use % 2**64")
        if got < 0 or got >= MASK64:
            raise NotYet(f"lcg({s}) = {got} is outside 0 .. 2**64 - 1")
        raise NotYet(f"lcg({s}) should be {want}, got {got}: the multiplier is 25214903917 and the "
                     "increment 11")
    return None


# --------------------------------------------------------------------------------------------
# 2. bisection of the cumulative table
# --------------------------------------------------------------------------------------------
def _draw_reference(cdf, u):
    lo, hi = 0, len(cdf)
    while lo < hi:  # the first i with cdf[i] > u
        mid = (lo + hi) // 2
        if cdf[mid] > u:
            hi = mid
        else:
            lo = mid + 1
    return min(lo, len(cdf) - 1)


def _draw_cases():
    rng = np.random.default_rng(9)
    p = rng.random(37) ** 3
    cdf = np.cumsum(p / p.sum())
    cdf[-1] = 1.0
    us = list(rng.random(300)) + [0.0, float(cdf[0]), float(cdf[5]), float(cdf[20]), 0.999999999]
    return cdf, us


def _check_draw(answer):
    if not callable(answer):
        raise NotYet("write a function draw(cdf, u) that returns a word id")
    cdf, us = _draw_cases()
    for u in us:
        got = answer(cdf, u)
        want = _draw_reference(cdf, u)
        try:
            got = int(got)
        except (TypeError, ValueError):
            raise NotYet(f"draw(cdf, {u}) returned {got!r}, not a word id")
        if got == want:
            continue
        if u in cdf and got == want - 1:
            raise NotYet(f"u = {u} equals cdf[{want - 1}] exactly: word {want - 1}'s interval "
                         f"[cdf[{want - 2}], cdf[{want - 1}]) stops before it, so the word is {want} "
                         "(search for the first cdf[i] > u, not >= u)")
        if got == int(u * len(cdf)):
            raise NotYet("that picks every word with the same probability: the cumulative table "
                         "makes frequent words (wide intervals) more likely; search it")
        raise NotYet(f"draw(cdf, {u:.6f}) should be {want} (cdf[{want}] = {cdf[want]:.6f} is the "
                     f"first entry above u), got {got}")
    src = ""
    try:
        src = inspect.getsource(answer)
    except (OSError, TypeError):
        pass
    if "searchsorted" in src:
        raise NotYet("right answers, but write the binary search yourself (no np.searchsorted)")
    return None


# --------------------------------------------------------------------------------------------
# 3. predicting the cost of more negatives
# --------------------------------------------------------------------------------------------
def _seconds_reference(k, t2, t8):
    slope = (t8 - t2) / 6  # seconds per extra negative
    return t2 + slope * (k - 2)


def _check_seconds(answer, t2=None, t8=None, t14=None):
    if not callable(answer):
        raise NotYet("write a function seconds(k, t2, t8)")
    for (a, b) in ((1.0, 2.5), (3.0, 4.2), (0.5, 0.6)):
        for k in (2, 5, 8, 14, 20):
            want = _seconds_reference(k, a, b)
            got = float(answer(k, a, b))
            if abs(got - want) <= 0.01 * abs(want):
                continue
            if abs(got - a * k / 2) <= 0.01 * abs(a * k / 2):
                raise NotYet("that is proportional to k: part of the time does not depend on k (the "
                             "window's input rows, subsampling), so draw a straight line through "
                             "(2, t2) and (8, t8) instead of through 0")
            if abs(got - b * k / 8) <= 0.01 * abs(b * k / 8):
                raise NotYet("that line goes through 0: the fixed part of the time does not grow "
                             "with k; use both timings")
            raise NotYet(f"with t2={a}, t8={b}: a straight line through (2, t2) and (8, t8) gives "
                         f"{want:.3f} s at k={k}, your function gives {got:.3f}")
    if t2 is not None and t8 is not None and t14 is not None:
        pred = float(answer(14, t2, t8))
        ratio = pred / t14
        note = (f"your line predicts {pred:.3f} s for 14 negatives; the kernel took {t14:.3f} s "
                f"({ratio:.2f}x)")
        if not 0.5 < ratio < 2.0:
            raise NotYet(note + ": more than 2x off. Timings on a busy machine are noisy: re-run "
                         "the timing cell and check again")
        return note
    return None


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (LCG)"),
        checker=_check_lcg,
        hint_text=tr("Multiply, add 11, then take the remainder modulo 2**64."),
        solution_text=tr("def lcg(state):\n    return (state * 25214903917 + 11) % 2**64"),
        reference=lambda **_: _lcg_reference,
    ),
    Exercise(
        name=tr("Exercise 2 (bisection)"),
        checker=_check_draw,
        hint_text=tr("Keep lo, hi with the answer in [lo, hi); look at mid = (lo + hi) // 2: if "
                     "cdf[mid] > u the answer is at most mid (hi = mid), else it is above mid "
                     "(lo = mid + 1)."),
        solution_text=tr(inspect.getsource(_draw_reference).replace("_draw_reference", "draw")),
        reference=lambda **_: _draw_reference,
    ),
    Exercise(
        name=tr("Exercise 3 (predict the cost of negatives)"),
        checker=_check_seconds,
        hint_text=tr("The slope is (t8 - t2) / (8 - 2) seconds per negative; start from t2 at k = 2."),
        solution_text=tr("def seconds(k, t2, t8):\n    slope = (t8 - t2) / 6  # seconds per extra "
                         "negative\n    return t2 + slope * (k - 2)"),
        reference=lambda **_: _seconds_reference,
    ),
]
