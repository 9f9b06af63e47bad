"""Layers in the book's shape: ``params``, ``grads``, ``forward``, ``backward``.

Layers follow their parameters' dtype: float32 by default (everything w2vlib builds is
float32), float64 when you pass float64 parameters (gradient checks need its 16 digits).
Inputs are cast to the parameters' dtype and gradients are written into preallocated arrays
of that dtype; layers without parameters keep float64 inputs float64 and compute everything
else in float32. Integer or object parameters are refused with a clear message.

The two layers that matter most for chapter 4 are :class:`Embedding` (a row
lookup whose backward must *accumulate* repeated ids) and
:class:`EmbeddingDot` (the dot product of a hidden vector with one output row,
which turns the softmax over the whole vocabulary into a binary question).
"""
from __future__ import annotations

import numpy as np

from ._checks import as_float_param, check_float_input, check_ids

__all__ = [
    "MatMul",
    "Embedding",
    "EmbeddingDot",
    "Sigmoid",
    "SigmoidWithLoss",
    "Softmax",
    "SoftmaxWithLoss",
    "sigmoid",
    "softmax",
    "cross_entropy_error",
]

_EPS = np.float32(1e-7)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function ``1 / (1 + exp(-x))`` (scipy's ``expit``: no overflow for large |x|)."""
    from scipy.special import expit  # imported on first use: `import w2vlib` (and the CLI) start faster

    return expit(x)


def softmax(x: np.ndarray) -> np.ndarray:
    """Row-wise softmax (scipy's, which subtracts the max first, so no overflow)."""
    from scipy.special import softmax as scipy_softmax  # imported on first use, as in sigmoid

    return scipy_softmax(x, axis=-1)


def cross_entropy_error(y: np.ndarray, t: np.ndarray) -> float:
    """Mean cross-entropy of probabilities ``y`` (N, C) against ids or one-hot ``t``."""
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = np.asarray(t).reshape(1, -1) if np.ndim(t) == 1 and np.size(t) == y.size else np.atleast_1d(t)
    t = np.asarray(t)
    if t.shape == y.shape:  # one-hot -> ids
        t = t.argmax(axis=1)
    n = y.shape[0]
    return float(-np.sum(np.log(y[np.arange(n), t] + _EPS)) / n)


class MatMul:
    """``out = x @ W``; the one-hot input layer of SimpleCBOW is one of these."""

    def __init__(self, W: np.ndarray):
        W = as_float_param(W, "W", ndim=2)
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.x = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        (W,) = self.params
        x = check_float_input(x, "x", last_dim=W.shape[0], dtype=W.dtype)
        self.x = x
        # A stacked input (N, C, D) is multiplied as one 2-D (N*C, D) product: numpy's
        # batched matmul would run N small products, each re-reading all of W (about 9x slower).
        return (x.reshape(-1, W.shape[0]) @ W).reshape(x.shape[:-1] + (W.shape[1],))

    def backward(self, dout: np.ndarray) -> np.ndarray:
        (W,) = self.params
        dout = check_float_input(dout, "dout", last_dim=W.shape[1], dtype=W.dtype)
        dx = (dout.reshape(-1, W.shape[1]) @ W.T).reshape(dout.shape[:-1] + (W.shape[0],))
        x2 = self.x.reshape(-1, W.shape[0])
        self.grads[0][...] = x2.T @ dout.reshape(-1, W.shape[1])
        return dx


class TracksTouchedRows:
    """``touched_rows``: the rows of the gradient the last backward wrote (kept in ``_dirty``),
    so that clearing it and ``Adam(lazy=True)`` cost O(batch), not O(V)."""

    _dirty = None

    @property
    def touched_rows(self) -> np.ndarray:
        if self._dirty is None:
            raise RuntimeError("no backward has run yet")
        return self._dirty


class Embedding(TracksTouchedRows):
    """Row lookup: ``forward(idx)`` returns ``W[idx]`` without building one-hot vectors.

    ``backward`` writes the gradient of W. An id that appears several times in
    ``idx`` (``[0, 2, 0, 4]``) must receive the *sum* of its rows of ``dout``;
    writing ``dW[idx] = dout`` would keep only the last one. We accumulate with
    ``np.add.at`` (an unbuffered add that honours repeats).

    ``dW`` stays dense (the book's shape), but only the rows touched by the
    previous call are cleared, so a backward costs O(batch), not O(V).
    """

    def __init__(self, W: np.ndarray):
        W = as_float_param(W, "W", ndim=2)
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.idx = None
        self._dirty = None  # rows of dW written by the last backward

    def forward(self, idx) -> np.ndarray:
        (W,) = self.params
        if np.size(idx) == 0:
            raise ValueError("idx is empty: Embedding.forward needs at least one word id "
                             f"(got {idx!r})")
        idx = check_ids(idx, W.shape[0], "idx")
        self.idx = idx
        return W[idx]

    def backward(self, dout: np.ndarray) -> None:
        (dW,) = self.grads
        if self.idx is None:
            raise RuntimeError("Embedding.backward called before forward")
        expected = self.idx.shape + (dW.shape[1],)
        dout = check_float_input(dout, "dout", shape=expected, dtype=dW.dtype)
        if self._dirty is None:
            dW[...] = 0
        else:
            dW[self._dirty] = 0
        flat = self.idx.reshape(-1)
        np.add.at(dW, flat, dout.reshape(-1, dW.shape[1]))
        self._dirty = np.unique(flat)
        return None



class EmbeddingDot:
    """``out[i] = W[idx[i]] . h[i]``: the score of one candidate word per row."""

    def __init__(self, W: np.ndarray):
        self.embed = Embedding(W)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache = None

    def forward(self, h: np.ndarray, idx) -> np.ndarray:
        (W,) = self.params
        target_W = self.embed.forward(idx)
        h = check_float_input(h, "h", shape=target_W.shape, dtype=W.dtype)
        out = np.sum(target_W * h, axis=-1)
        self.cache = (h, target_W)
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        h, target_W = self.cache
        dout = check_float_input(dout, "dout", shape=h.shape[:-1], dtype=h.dtype)[..., None]
        self.embed.backward(dout * h)
        return dout * target_W


class _Activation:
    """A layer without parameters, ``out = fn(x)``, that keeps ``out`` for its backward."""

    fn = None

    def __init__(self):
        self.params, self.grads = [], []
        self.out = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.out = type(self).fn(check_float_input(x, "x"))
        return self.out


class _LossLayer:
    """A loss layer without parameters; ``forward`` keeps the prediction ``y`` and the labels ``t``."""

    def __init__(self):
        self.params, self.grads = [], []
        self.y = None
        self.t = None


class Sigmoid(_Activation):
    fn = staticmethod(sigmoid)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return dout * (1 - self.out) * self.out


class SigmoidWithLoss(_LossLayer):
    """Sigmoid followed by binary cross-entropy, averaged over the batch.

    ``forward(x, t)`` takes scores ``x`` and 0/1 labels ``t`` of the same
    shape; the gradient is the famously simple ``(y - t) / N``.
    """

    def forward(self, x: np.ndarray, t) -> float:
        x = check_float_input(x, "x")
        t = np.asarray(t)
        if t.shape != x.shape:
            raise ValueError(f"labels t must have the shape of x {x.shape}, got {t.shape}")
        bad = ~((t == 0) | (t == 1))
        if bad.any():
            raise ValueError(f"labels t must be 0 or 1 (1 = the true word, 0 = a negative), got "
                             f"{t[bad].ravel()[0]!r}")
        self.t = t.astype(x.dtype)
        self.y = sigmoid(x)
        # -[t log y + (1-t) log(1-y)], computed stably from the scores:
        # log(1 + exp(-x)) for t=1 and log(1 + exp(x)) for t=0.
        z = np.where(self.t > 0.5, -x, x)
        loss = np.logaddexp(x.dtype.type(0), z)
        return float(loss.mean(dtype=np.float64))

    def backward(self, dout=1) -> np.ndarray:
        n = self.y.size
        return (self.y - self.t) * self.y.dtype.type(dout / n)


class Softmax(_Activation):
    fn = staticmethod(softmax)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        dx = self.out * dout
        dx -= self.out * dx.sum(axis=-1, keepdims=True)
        return dx


class SoftmaxWithLoss(_LossLayer):
    """Softmax over the whole vocabulary plus cross-entropy: the slow output layer."""

    def forward(self, x: np.ndarray, t) -> float:
        x = check_float_input(x, "x")
        if x.ndim != 2:
            raise ValueError(f"x must be 2-D (batch, classes), got shape {x.shape}")
        t = np.asarray(t)
        if t.shape == x.shape:
            t = t.argmax(axis=1)
        t = check_ids(t, x.shape[1], "t")
        if t.shape != (x.shape[0],):
            raise ValueError(f"t must hold one id per row of x ({x.shape[0]}), got shape {t.shape}")
        self.t = t
        self.y = softmax(x)
        # -log softmax(x)[t], from the scores (exact, no 1e-7 guard needed)
        from scipy.special import log_softmax  # imported on first use, as in sigmoid

        return float(-log_softmax(x, axis=1)[np.arange(x.shape[0]), t].mean(dtype=np.float64))

    def backward(self, dout=1) -> np.ndarray:
        n = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(n), self.t] -= 1
        dx *= dx.dtype.type(dout / n)
        return dx
