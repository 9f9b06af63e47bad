"""Numerical gradient checks: centred differences and relative error.

Usage with a layer or model::

    loss = model.forward(x, t); model.backward()
    err = gradcheck(lambda: model.forward(x, t), model.params, model.grads)
    assert err < 1e-2

The parameters are float32 (like everything in w2vlib), so the differences
use a fairly large step (``eps=1e-2`` by default) and the tolerance is loose
(about 1e-2); a wrong backward gives errors of order 0.1 to 1.
"""
from __future__ import annotations

import numpy as np

from ._checks import as_rng

__all__ = ["numerical_gradient", "relative_error", "gradcheck"]


def numerical_gradient(f, x: np.ndarray, eps: float = 1e-2, indices=None) -> np.ndarray:
    """``df/dx`` by centred differences, perturbing ``x`` in place (and restoring it).

    ``f()`` takes no arguments and returns a float. ``indices`` (optional) is a
    list of flat positions to check; others stay 0 in the result.
    """
    grad = np.zeros(x.shape, dtype=np.float64)
    flat = x.reshape(-1)  # a view: perturbing it perturbs x
    if not np.shares_memory(flat, x):
        raise ValueError("x must be contiguous so it can be perturbed in place")
    gflat = grad.reshape(-1)
    positions = range(flat.size) if indices is None else indices
    for i in positions:
        old = flat[i]
        flat[i] = old + eps
        fp = float(f())
        flat[i] = old - eps
        fm = float(f())
        flat[i] = old
        gflat[i] = (fp - fm) / (2 * eps)
    return grad


def relative_error(analytic, numeric) -> float:
    """``||a - n|| / max(||a|| + ||n||, tiny)``: 0 when equal, about 1 when unrelated."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    if a.shape != n.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {n.shape}")
    denom = np.linalg.norm(a) + np.linalg.norm(n)
    return float(np.linalg.norm(a - n) / max(denom, 1e-12))


def gradcheck(f, params, grads, eps: float = 1e-2, max_checks: int | None = None, rng=0) -> float:
    """Largest relative error between ``grads`` and numerical gradients of ``f`` w.r.t. ``params``.

    ``grads`` must already hold the analytic gradients (call ``backward`` first);
    they are copied before ``f`` is evaluated again. With ``max_checks``, only
    that many randomly chosen entries of each parameter are compared.
    """
    analytic = [np.array(g, dtype=np.float64, copy=True) for g in grads]
    if len(params) != len(analytic):
        raise ValueError(f"{len(params)} params but {len(grads)} grads")
    rng = as_rng(rng)
    worst = 0.0
    for p, a in zip(params, analytic):
        idx = None
        if max_checks is not None and p.size > max_checks:
            idx = rng.choice(p.size, size=max_checks, replace=False)
        n = numerical_gradient(f, p, eps=eps, indices=idx)
        if idx is not None:
            a, n = a.reshape(-1)[idx], n.reshape(-1)[idx]
        worst = max(worst, relative_error(a, n))
    return worst
