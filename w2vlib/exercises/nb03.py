"""Exercises of notebook 03 (EmbeddingDot and the sigmoid)."""
from __future__ import annotations

import numpy as np

from ..gradcheck import GRADCHECK_TOL, gradcheck, numerical_gradient, relative_error
from ..layers import SigmoidWithLoss, sigmoid
from . import Exercise, NotYet

# ---- 1. the staged bug hunt on the notes' EmbeddingDot -------------------------------------------------


def embedding_dot_checks(cls, verbose: bool = False):
    """Run five checks on an EmbeddingDot class in order; return (number passed, message of the first failure).

    1 constructs from W, 2 params is [W], 3 grads is [dW], 4 forward(h, idx) = W[idx] . h per row,
    5 backward passes a float64 gradient check on a batch with a repeated id.
    """
    dtype = np.float64
    rng = np.random.default_rng(3)
    W0 = rng.standard_normal((6, 3)).astype(dtype)
    h0 = rng.standard_normal((4, 3)).astype(dtype)
    ids = np.array([1, 4, 1, 0])
    d0 = rng.standard_normal(4).astype(dtype)
    tol = GRADCHECK_TOL
    state = {}

    def construct():
        state["layer"] = cls(W0)

    def params():
        p = getattr(state["layer"], "params", None)
        assert isinstance(p, list) and len(p) == 1 and p[0] is W0, "params should be the list [W], holding W itself"

    def grads():
        g = getattr(state["layer"], "grads", None)
        assert isinstance(g, list) and len(g) == 1 and np.shape(g[0]) == W0.shape, \
            "grads should be a list holding one array shaped like W"

    def forward():
        out = state["layer"].forward(h0, ids)
        assert np.allclose(out, np.sum(W0[ids] * h0, axis=1), atol=1e-5), "forward(h, idx) should be W[idx] . h per row"

    def backward():
        layer = state["layer"]
        f = lambda: float(np.sum(layer.forward(h0, ids) * d0, dtype=np.float64))
        f()
        dh = layer.backward(d0)
        err_h = relative_error(dh, numerical_gradient(f, h0))
        f()
        layer.backward(d0)
        err_W = gradcheck(f, layer.params, layer.grads)
        assert max(err_h, err_W) < tol, f"gradient check fails (dh error {err_h:.2g}, dW error {err_W:.2g})"

    checks = [("constructs from W", construct), ("params is [W]", params), ("grads is [dW]", grads),
              ("forward(h, idx) works", forward), ("backward passes the gradient check", backward)]
    for i, (name, fn) in enumerate(checks, 1):
        try:
            fn()
        except Exception as e:  # the class under test may fail in any way: report it, do not raise
            return i - 1, f"check {i} ({name}) failed with {type(e).__name__}: {e}"
        if verbose:
            print(f"check {i} ({name}): ok")
    return len(checks), None


def _check_bug_hunt(cls):
    if not isinstance(cls, type):
        raise NotYet("give the class itself (MyEmbeddingDot), not an instance")
    passed, failure = embedding_dot_checks(cls)
    if failure:
        if "scalar index" in failure or "list indices" in failure:
            failure += " (something indexes a list with an id array: is W the array, or the list self.params?)"
        if "takes no arguments" in failure:
            failure += " (no constructor ran: which method should have received W?)"
        raise NotYet(f"{passed} of 5 checks pass; {failure}")


class _FixedEmbedding:
    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.idx = None

    def forward(self, idx):
        W, = self.params                 # bug 3: W = self.params made W the list [W]
        self.idx = idx
        return W[idx]

    def backward(self, dout):
        dw, = self.grads
        dw[...] = 0
        for i, word_id in enumerate(self.idx):
            dw[word_id] += dout[i]
        return None


class _FixedEmbeddingDot:
    def __init__(self, W):               # bug 1: __intit__ is never called
        self.embed = _FixedEmbedding(W)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache = None

    def forward(self, h, idx):
        target_W = self.embed.forward(idx)   # bug 2: forward(W) looked up an undefined W
        out = np.sum(target_W * h, axis=1)
        self.cache = (h, target_W)
        return out

    def backward(self, dout):
        h, target_W = self.cache
        dout = dout.reshape(dout.shape[0], 1)
        dtarget_W = dout * h
        self.embed.backward(dtarget_W)
        dh = dout * target_W
        return dh


_BUG_HUNT_SOLUTION = '''Three bugs, each shown by one check (the rest is the notes' code):

class MyEmbedding:                        # the notes' Embedding
    ...                                   # __init__ and backward as in the notes
    def forward(self, idx):
        W, = self.params                  # bug 3: "W =self.params" made W the list [W] (check 4: TypeError)
        self.idx = idx
        return W[idx]

class MyEmbeddingDot:
    def __init__(self, W):                # bug 1: "__intit__" is never called (check 1: TypeError)
        self.embed = MyEmbedding(W)
        ...
    def forward(self, h, idx):
        target_W = self.embed.forward(idx)    # bug 2: "forward(W)" names an undefined W (check 4: NameError)
        ...'''


# ---- 2. binary cross-entropy by hand -----------------------------------------------------------------------


def _check_bce(answer):
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet("give one number")
    want = float(np.log(2))
    if abs(got - want) < 5e-4:
        return None
    if abs(got - 0.5) < 5e-4:
        raise NotYet("0.5 is σ(0), the probability of 'yes'; the loss for t = 1 is -log σ(x)")
    if abs(got + want) < 5e-4:
        raise NotYet("a loss is never negative: -log of a probability below 1 is positive")
    if abs(got - np.log10(2)) < 5e-4 or abs(got - 1.0) < 5e-4:
        raise NotYet("use the natural logarithm, as the cross-entropy does")
    raise NotYet("σ(0) = 0.5, and the loss for t = 1 is -log σ(x)")


# ---- 3. the sigmoid + cross-entropy gradient by hand ------------------------------------------------------


def _dx_layer(x, t):
    layer = SigmoidWithLoss()
    layer.forward(x, t)
    return np.asarray(layer.backward(), dtype=np.float64)


def _check_dx(answer):
    x, t = np.array([2.0, -1.0]), np.array([1, 0])
    try:
        got = np.asarray(answer, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise NotYet("give the two numbers dL/dx_1, dL/dx_2 (an array or a list)")
    if got.shape != (2,):
        raise NotYet(f"dL/dx has one number per score (2), got {got.size}")
    want = _dx_layer(x, t)
    if np.allclose(got, want, atol=1e-5):
        return None
    y = sigmoid(x)
    if np.allclose(got, y - t, atol=1e-5):
        raise NotYet("twice too large: SigmoidWithLoss averages over the N = 2 scores, so divide by N")
    if np.allclose(got, -want, atol=1e-5) or np.allclose(got, t - y, atol=1e-5):
        raise NotYet("the sign is flipped: it is y - t (raising a wrong 'yes' score must raise the loss)")
    if np.allclose(got, (x - t) / 2, atol=1e-5) or np.allclose(got, x - t, atol=1e-5):
        raise NotYet("use the probabilities y = sigmoid(x), not the raw scores")
    raise NotYet("dL/dx = (y - t) / N with y = sigmoid(x) and N = 2")


EXERCISES = [
    Exercise(
        name="Exercise 1 (find the bugs in the notes' EmbeddingDot)",
        checker=_check_bug_hunt,
        solution_text=_BUG_HUNT_SOLUTION,
        hint_text="Run q1.check(notes.EmbeddingDot) first: the first failing check names an error. "
                  "Fix that one line in your copy, check again, repeat. Three lines need a change.",
        reference=lambda **ctx: _FixedEmbeddingDot,
    ),
    Exercise(
        name="Exercise 2 (binary cross-entropy by hand)",
        checker=_check_bce,
        solution_text="ln 2 ≈ 0.6931: σ(0) = 0.5 and the loss for t = 1 is -log σ(0) = -log 0.5 = ln 2.",
        hint_text="First σ(0), then the loss for label 1.",
        reference=lambda **ctx: float(np.log(2)),
    ),
    Exercise(
        name="Exercise 3 (the gradient by hand)",
        checker=_check_dx,
        solution_text="(sigmoid(np.array([2.0, -1.0])) - np.array([1, 0])) / 2  ≈ [-0.0596, 0.1345]: "
                      "(y - t) / N with N = 2.",
        hint_text="dL/dx = (y - t) / N. What are y, t and N here?",
        reference=lambda **ctx: (sigmoid(np.array([2.0, -1.0])) - np.array([1, 0])) / 2,
    ),
]
