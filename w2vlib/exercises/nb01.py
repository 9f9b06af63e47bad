"""Exercises of notebook 01 (the one-hot bottleneck)."""
from __future__ import annotations

import tracemalloc

import numpy as np

from ..corpus import convert_one_hot
from ..layers import SoftmaxWithLoss, softmax
from . import Exercise, NotYet

# ---- 1. memory at scale ---------------------------------------------------------------------------------


def _memory_mb(batch=100, vocab=1_000_000, contexts=2):
    return batch * contexts * vocab * 4 / 1e6


def _check_memory(answer, batch=100, vocab=1_000_000, contexts=2):
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet("give one number, the size in megabytes")
    want = _memory_mb(batch, vocab, contexts)
    close = lambda x: abs(got - x) <= 0.01 * abs(x)
    if close(want):
        return f"{want:,.0f} MB for {batch * contexts:,} ones"
    if close(want / contexts):
        raise NotYet(f"each target has {contexts} context words, and each gets its own one-hot row")
    if close(want * 2):
        raise NotYet("that is float64 (8 bytes); the one-hot rows are float32, 4 bytes per number")
    if close(want / 4):
        raise NotYet("that counts numbers, not bytes: a float32 takes 4 bytes")
    if close(want * 8):
        raise NotYet("that counts bits; a megabyte is 10^6 bytes (8 bits each)")
    if close(want * 1e3) or close(want / 1e3) or close(want * 1e6):
        raise NotYet("the digits are right but the unit is not: a megabyte is 10^6 bytes")
    raise NotYet("count the numbers (targets x context words x V) and multiply by the bytes of one float32")


# ---- 2. the lookup in disguise ----------------------------------------------------------------------------


def _ref_lookup(W, ids):
    return W[ids]


def _check_lookup(lookup):
    rng = np.random.default_rng(1)
    W = rng.standard_normal((50, 4)).astype(np.float32)
    for ids in [np.array([3, 3, 7]), rng.integers(0, 50, size=(5, 2)), rng.integers(0, 50, size=(2, 3, 4)),
                np.array([0, 49])]:
        got = np.asarray(lookup(W, ids))
        want = convert_one_hot(ids, 50) @ W
        if got.shape != want.shape:
            raise NotYet(f"for ids of shape {ids.shape} the result should have shape {want.shape} "
                         f"(one row of W per id), got {got.shape}")
        if not np.allclose(got, want):
            raise NotYet(f"wrong numbers for ids {ids.tolist()}: row k of the result is row ids[k] of W")
    # the point is to avoid one-hot vectors: 4 ids of a 250,000-word vocabulary must not allocate V numbers each
    big = np.zeros((250_000, 2), dtype=np.float32)
    tracemalloc.start()
    try:
        lookup(big, np.array([1, 5, 5, 9]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    if peak > 1_000_000:
        raise NotYet(f"right numbers, but it allocated {peak / 1e6:.1f} MB for 4 ids at V = 250,000: "
                     "that is a one-hot product in disguise; pick the rows of W instead")


# ---- 3. the softmax cross-entropy gradient (a paper derivation) ----------------------------------------


def _ref_dscore(score, t):
    """dL/dscore of the batch-mean softmax cross-entropy: (softmax(score) - onehot(t)) / N."""
    y = np.exp(score - score.max(axis=1, keepdims=True))
    y /= y.sum(axis=1, keepdims=True)
    n = score.shape[0]
    y[np.arange(n), t] -= 1
    return y / n


def _layer_dscore(score, t):
    layer = SoftmaxWithLoss()
    layer.forward(score, t)
    return np.asarray(layer.backward())


def _check_dscore(dscore):
    rng = np.random.default_rng(11)
    for n, v in [(4, 7), (1, 3), (6, 50)]:
        score = rng.standard_normal((n, v)) * 3.0                  # float64
        t = rng.integers(0, v, size=n)
        t[0] = v - 1
        want = _layer_dscore(score, t)
        tol = 1e-9                                                 # float64 layers: a tight tolerance
        got = np.asarray(dscore(score.copy(), t.copy()), dtype=np.float64)
        if got.shape != score.shape:
            raise NotYet(f"dL/dscore has the shape of score, {score.shape}; got {got.shape}")
        err = np.abs(got - want).max() / np.abs(want).max()
        if err <= tol:
            continue
        y = softmax(score)
        onehot = np.eye(v)[t]
        wrong = {
            "the sign is flipped: the loss falls when the target's probability rises, so dL/dscore is y - t, "
            "not t - y": -want,
            "missing the 1/N: the loss is the mean over the N rows of the batch": want * n,
            "use the probabilities y = softmax(score), not the raw scores": (score - onehot) / n,
            "subtract 1 only at the target's column (t is one-hot), not from every entry": (y - 1) / n,
        }
        for reason, value in wrong.items():
            if (n > 1 or "1/N" not in reason) and np.allclose(got, value, atol=1e-6):
                raise NotYet(reason)
        raise NotYet(f"largest relative difference from SoftmaxWithLoss.backward is {err:.2g} "
                     f"(N = {n}, V = {v}); derive it for one row first, then divide by N")


# ---- 4. predict how the costs scale with V, then measure --------------------------------------------------

_PIECES = {"one-hot": "t_onehot", "lookup": "t_lookup", "output": "t_output"}
_REF_SLOPES = {"one-hot": 1.0, "lookup": 0.0, "output": 1.0}


def measured_slopes(results):
    """Log-log slopes of the three costs against V, fitted to ``results`` (the notebook's timing table)."""
    Vs = np.array([r["V"] for r in results], dtype=float)
    return {name: float(np.polyfit(np.log(Vs), np.log([r[key] for r in results]), 1)[0])
            for name, key in _PIECES.items()}


def _check_slopes(answer, results=None, tolerance=0.5):
    if not isinstance(answer, dict) or set(answer) != set(_PIECES):
        raise NotYet(f"give a dict with the keys {sorted(_PIECES)}, each a predicted slope (0 = flat, 1 = ∝ V)")
    if results is None:
        raise NotYet("pass the measured table: q4.check(prediction, results=results)")
    Vs = [r["V"] for r in results]
    if len(Vs) < 2 or max(Vs) < 10 * min(Vs):
        raise NotYet("the slopes need V over at least a 10x range: put such values in VOCAB_SIZES and re-run")
    slopes = measured_slopes(results)
    for name in _PIECES:
        pred = float(answer[name])
        if abs(pred - slopes[name]) > tolerance:
            raise NotYet(f"{name}: you predicted slope {pred:g}, the measured slope is {slopes[name]:.2f}. "
                         + {"one-hot": "The product multiplies every one of the V columns of each one-hot row.",
                            "lookup": "W_in[ids] copies len(ids) rows; how many rows W_in has does not matter.",
                            "output": "The softmax needs a score for every one of the V words."}[name])
    return "measured " + ", ".join(f"{k} {v:.2f}" for k, v in slopes.items())


EXERCISES = [
    Exercise(
        name="Exercise 1 (memory at scale)",
        checker=_check_memory,
        solution_text="batch * 2 * V * 4 / 1e6: 100 targets x 2 context words x 1,000,000 numbers x 4 bytes "
                      "= 800,000,000 bytes = 800 MB (for 200 ones).",
        hint_text="One one-hot row has V numbers. How many rows does a batch hold, and how many bytes is a float32?",
        reference=lambda **ctx: _memory_mb(ctx.get("batch", 100), ctx.get("vocab", 1_000_000),
                                           ctx.get("contexts", 2)),
    ),
    Exercise(
        name="Exercise 2 (the lookup in disguise)",
        checker=_check_lookup,
        solution_text="def lookup(W, ids):\n    return W[ids]      # fancy indexing: one row of W per id, any id shape",
        hint_text="Row k of one_hot @ W is the row of W whose id is ids[k]. numpy's fancy indexing picks rows.",
        reference=lambda **ctx: _ref_lookup,
    ),
    Exercise(
        name="Exercise 3 (derive dL/dscore)",
        checker=_check_dscore,
        solution_text="""def dscore(score, t):
    y = np.exp(score - score.max(axis=1, keepdims=True))   # softmax, row by row (shifted: no overflow)
    y /= y.sum(axis=1, keepdims=True)
    N = len(t)
    y[np.arange(N), t] -= 1                                 # y - t, with t one-hot
    return y / N                                            # the loss is a batch mean

On paper, for one row: L = -log y_t with y = softmax(s). Then dL/ds_j = y_j - [j == t]: the predicted
probabilities minus the one-hot target. The batch loss is the mean of N rows, hence the 1/N.""",
        hint_text="Write L = -s_t + log(sum_j exp(s_j)) for one row and differentiate with respect to s_j. "
                  "Then remember the batch loss is a mean.",
        reference=lambda **ctx: _ref_dscore,
    ),
    Exercise(
        name="Exercise 4 (predict the slopes, then measure)",
        checker=_check_slopes,
        solution_text="{'one-hot': 1, 'lookup': 0, 'output': 1}: the one-hot product and the softmax touch all V "
                      "columns (cost ∝ V, slope 1 on the log-log plot); the lookup copies only the rows it needs "
                      "(flat, slope 0). Measured slopes are a little off (cache sizes, fixed overheads), which is "
                      "why the check accepts ±0.5.",
        hint_text="A cost ∝ V^a is a straight line of slope a on a log-log plot. Which pieces touch every column?",
        reference=lambda **ctx: dict(_REF_SLOPES),
    ),
]
