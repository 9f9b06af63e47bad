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
    """Adam (Kingma & Ba), the book's formulation, with float32 in-place updates."""

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-7):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.iter = 0
        self.m = self.v = self._tmp = None

    def update(self, params, grads):
        _check(params, grads)
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
            self._tmp = [np.empty_like(p) for p in params]
        self.iter += 1
        lr_t = self.lr * math.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for p, g, m, v, tmp in zip(params, grads, self.m, self.v, self._tmp):
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
