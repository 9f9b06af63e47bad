"""Exercises of notebook 02 (the Embedding layer)."""
from __future__ import annotations

import numpy as np

from ..gradcheck import gradcheck
from ..layers import Embedding
from ..gradcheck import GRADCHECK_TOL
from . import Exercise, NotYet

# ---- 1. predict the gradient ------------------------------------------------------------------------------


def _check_predict(answer):
    try:
        correct, overwritten = (np.asarray(a, dtype=float).reshape(-1) for a in answer)
    except (TypeError, ValueError):
        raise NotYet("give a pair (correct_row, overwritten_row), each a row of two numbers like [1, 1]")
    if correct.shape != (2,) or overwritten.shape != (2,):
        raise NotYet("each row of dW has H = 2 numbers here, like [1, 1]")
    if not np.allclose(correct, [7, 7]):
        if np.allclose(correct, [4, 4]) or np.allclose(correct, [1, 1]):
            raise NotYet("the correct backward keeps all three rows of dout: a word used three times gets the "
                         "sum of its three gradients")
        raise NotYet("the correct row 3 is the sum of the three dout rows that belong to id 3")
    if not np.allclose(overwritten, [4, 4]):
        if np.allclose(overwritten, [1, 1]):
            raise NotYet("dW[idx] = dout writes the three rows in order, so the *last* write to row 3 survives")
        if np.allclose(overwritten, [7, 7]):
            raise NotYet("the overwriting backward does not add: each write replaces row 3")
        raise NotYet("with dW[idx] = dout only one of the three rows survives in row 3: which one?")


# ---- 2. write the backward ---------------------------------------------------------------------------------


class _RefEmbedding(Embedding):
    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        np.add.at(dW, self.idx, dout)
        return None


def _check_backward(cls):
    dtype = np.float64                                       # checks run in float64: tight tolerances
    rng = np.random.default_rng(2)
    W0 = rng.standard_normal((5, 3)).astype(dtype)
    ids = np.array([1, 1, 4, 1, 0, 4])                       # repeats: 1 three times, 4 twice
    G = rng.standard_normal((len(ids), 3)).astype(dtype)
    layer = cls(W0.copy())
    grads_before = layer.grads[0]
    layer.forward(ids)
    layer.backward(G)
    dW = layer.grads[0]
    want = np.zeros_like(W0)
    np.add.at(want, ids, G)
    atol = 1e-12
    if dW is not grads_before:
        raise NotYet("the layer's grads list now holds a new array; the optimiser keeps the old one. "
                     "Write into the array (dW[...] = 0), do not rebind the name")
    if not np.allclose(dW, want, atol=atol):
        overwrite = np.zeros_like(W0)
        overwrite[ids] = G
        if np.allclose(dW, overwrite, atol=atol):
            raise NotYet("repeated ids lose rows: id 1 appears three times and must get the sum of its three "
                         "dout rows (dW[idx] = dout and dW[idx] += dout keep only one)")
        if not np.any(dW):
            raise NotYet("dW is still all zeros: write the rows into the layer's own array (dW, = self.grads), "
                         "not into a new one (dW = np.zeros_like(dW) only rebinds a local name)")
        raise NotYet("dW differs from the sum of dout's rows per id: row v of dW = sum of dout[k] with ids[k] == v")
    ids2 = np.array([2, 2])
    G2 = rng.standard_normal((2, 3)).astype(dtype)
    layer.forward(ids2)
    layer.backward(G2)
    want2 = np.zeros_like(W0)
    want2[2] = G2[0] + G2[1]
    if not np.allclose(layer.grads[0], want2, atol=atol):
        raise NotYet("a second backward (ids [2, 2]) still shows rows from the first one: clear dW before adding")
    layer.forward(ids)
    layer.backward(G)
    err = gradcheck(lambda: float(np.sum(layer.forward(ids) * G, dtype=np.float64)), layer.params, layer.grads)
    tol = GRADCHECK_TOL
    if err > tol:
        raise NotYet(f"the gradient check fails: relative error {err:.2g} (should be below {tol:g})")
    return f"float64 gradient check passed (relative error below {tol:g})"


# ---- 3. predict how a backward's cost scales with V, then measure ---------------------------------------

_NAMES = ("notes loop", "w2vlib")


def measured_slopes(times):
    """Log-log slopes against V of the two backward costs; ``times`` maps V -> {name: seconds}."""
    Vs = np.array(sorted(times), dtype=float)
    return {name: float(np.polyfit(np.log(Vs), np.log([times[int(v)][name] for v in Vs]), 1)[0])
            for name in _NAMES}


def _check_slopes(answer, times=None, tolerance=0.5):
    if not isinstance(answer, dict) or set(answer) != set(_NAMES):
        raise NotYet(f"give a dict with the keys {list(_NAMES)}, each a predicted slope (0 = flat, 1 = ∝ V)")
    if times is None:
        raise NotYet("pass the measurements: q3.check(prediction, times=backward_times)")
    Vs = sorted(times)
    if len(Vs) < 2 or Vs[-1] < 10 * Vs[0]:
        raise NotYet("the slopes need V over at least a 10x range: change SLOPE_VS and re-run")
    slopes = measured_slopes(times)
    why = {"notes loop": "Its first line, dw[...]=0, writes every one of the V rows.",
           "w2vlib": "It clears only the rows the previous call wrote, and adds only len(ids) rows."}
    for name in _NAMES:
        pred = float(answer[name])
        if abs(pred - slopes[name]) > tolerance:
            raise NotYet(f"{name}: you predicted slope {pred:g}, the measured slope is {slopes[name]:.2f}. "
                         + why[name])
    return "measured " + ", ".join(f"{k} {v:.2f}" for k, v in slopes.items())


EXERCISES = [
    Exercise(
        name="Exercise 1 (predict the gradient)",
        checker=_check_predict,
        solution_text="([7, 7], [4, 4]): accumulating gives 1 + 2 + 4 = 7 per column; dW[idx] = dout writes the "
                      "three rows in order and the last one, [4, 4], survives.",
        hint_text="All three dout rows belong to id 3. One backward adds them, the other writes them one "
                  "after another.",
        reference=lambda **ctx: ([7, 7], [4, 4]),
    ),
    Exercise(
        name="Exercise 2 (write the backward)",
        checker=_check_backward,
        solution_text="""class MyEmbedding(Embedding):
    def backward(self, dout):
        dW, = self.grads                  # the layer's own array
        dW[...] = 0                       # clear it in place
        np.add.at(dW, self.idx, dout)     # unbuffered add: repeated ids accumulate
        return None

(A loop `for i, word_id in enumerate(self.idx): dW[word_id] += dout[i]` is just as correct, and slower.)""",
        hint_text="Clear the layer's own dW in place, then add each row of dout to its word's row; "
                  "np.add.at does the adding in one call.",
        reference=lambda **ctx: _RefEmbedding,
    ),
    Exercise(
        name="Exercise 3 (predict the slopes, then measure)",
        checker=_check_slopes,
        solution_text="{'notes loop': 1, 'w2vlib': 0}: the notes' backward starts with dw[...]=0 over all V rows "
                      "(O(V) per call, whatever the batch), the package's clears only the rows written last "
                      "time (O(batch)). The check accepts ±0.5 around the measured slope.",
        hint_text="The number of ids is fixed; only V changes. Which line of each backward touches every row "
                  "of dW?",
        reference=lambda **ctx: {"notes loop": 1.0, "w2vlib": 0.0},
    ),
]
