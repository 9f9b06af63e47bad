"""SGD and Adam with float32 updates.

numpy 2 follows NEP 50: a Python float is "weak" and keeps float32 arrays
float32, but a ``np.float64`` scalar (what ``np.sqrt(1 - beta2**t)`` returns
when computed from numpy scalars) promotes ``lr_t * m`` to float64, which
doubles memory traffic. We cast every scalar to float32 and update in place
into preallocated buffers.
"""
from __future__ import annotations

import math

import numpy as np

__all__ = ["SGD", "Adam"]


def _check(params, grads):
    if len(params) != len(grads):
        raise ValueError(f"{len(params)} params but {len(grads)} grads")
    for i, (p, g) in enumerate(zip(params, grads)):
        if p.shape != g.shape:
            raise ValueError(f"param {i} has shape {p.shape} but its grad has {g.shape}")


class SGD:
    """``param -= lr * grad``."""

    def __init__(self, lr: float = 0.01):
        self.lr = lr

    def update(self, params, grads):
        _check(params, grads)
        for p, g in zip(params, grads):
            p -= np.asarray(self.lr, dtype=p.dtype) * g


class Adam:
    """Adam (Kingma & Ba), the book's formulation, with float32 in-place updates.

    ``lazy=True`` updates only the rows of a 2-D parameter whose gradient row is
    non-zero (the others keep their parameters *and* moments), like
    TensorFlow's LazyAdam or PyTorch's SparseAdam. For an embedding matrix a
    batch touches a few hundred of its 10,000 rows, so this skips ~95% of the
    work; it is a (standard) variant of Adam, not the same algorithm, and the
    default stays the book's dense Adam.
    """

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-7,
                 lazy: bool = False):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.lazy = lazy
        self.iter = 0
        self.m = self.v = self._tmp = None

    def update(self, params, grads, rows=None):
        """One step. ``rows`` (lazy mode only, optional): for each parameter, the rows
        whose gradient may be non-zero (e.g. ``model.touched_rows()``), or None to
        find them by scanning the gradient."""
        _check(params, grads)
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
            self._tmp = [np.empty_like(p) for p in params]
        self.iter += 1
        lr_t = self.lr * math.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        hints = rows if rows is not None else [None] * len(params)
        for p, g, m, v, tmp, r in zip(params, grads, self.m, self.v, self._tmp, hints):
            if self.lazy and p.ndim == 2:
                self._lazy_rows(p, g, m, v, np.flatnonzero(g.any(axis=1)) if r is None else r, lr_t)
                continue
            f = p.dtype.type
            # m += (1 - beta1) * (g - m)
            np.subtract(g, m, out=tmp)
            tmp *= f(1 - self.beta1)
            m += tmp
            # v += (1 - beta2) * (g*g - v)
            np.multiply(g, g, out=tmp)
            tmp -= v
            tmp *= f(1 - self.beta2)
            v += tmp
            # p -= lr_t * m / (sqrt(v) + eps)
            np.sqrt(v, out=tmp)
            tmp += f(self.eps)
            np.divide(m, tmp, out=tmp)
            tmp *= f(lr_t)
            p -= tmp

    def _lazy_rows(self, p, g, m, v, rows, lr_t):
        f = p.dtype.type
        gr = g[rows]
        mr = m[rows]
        mr += f(1 - self.beta1) * (gr - mr)
        vr = v[rows]
        vr += f(1 - self.beta2) * (gr * gr - vr)
        m[rows], v[rows] = mr, vr
        p[rows] -= f(lr_t) * mr / (np.sqrt(vr) + f(self.eps))
