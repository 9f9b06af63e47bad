"""Numerical gradient checks: centred differences and relative error.

Usage with a layer or model, in float64::

    model = CBOW(V, H, window, corpus, dtype=np.float64)
    loss = model.forward(x, t); model.backward()
    err = gradcheck(lambda: model.forward(x, t), model.params, model.grads)
    assert err < GRADCHECK_TOL          # 1e-6

Check in float64. With float64 parameters the default step is ``eps=1e-6``: the centred
difference's truncation error (~eps**2) and its rounding error (~1e-16 / eps) are both about
1e-10, so a correct backward gives relative errors near 1e-8 and the tolerance is **1e-6**
(:data:`GRADCHECK_TOL`, on the norm-wise relative error of a whole gradient). Others choose
differently: CS224n's ``gradcheck_naive`` (a2/utils/gradcheck.py) steps by h = 1e-4 and fails an entry
whose |numerical - analytic| / max(1, |numerical|, |analytic|) exceeds 1e-5; the first book's
``numerical_gradient`` (common/gradient.py) steps by h = 1e-4; PyTorch's ``gradcheck`` steps by
eps = 1e-6 and accepts |a - n| <= atol + rtol |n| with atol = 1e-5, rtol = 1e-3, in double
precision. A gradient that is off by 1% gives a relative error of about 5e-3, far above ours.

float32 has only ~7 digits: a step of 1e-6 would be lost in rounding, so float32 parameters get
``eps=1e-2`` by default, and then only an error of a few percent stands out (relative errors of
correct code reach ~1e-3). That is why the tests check in float64.
"""
from __future__ import annotations

import numpy as np

from ._checks import as_rng

__all__ = ["numerical_gradient", "relative_error", "gradcheck", "default_eps", "GRADCHECK_TOL"]

#: Tolerance on :func:`gradcheck`'s relative error for float64 parameters.
GRADCHECK_TOL = 1e-6


def default_eps(x) -> float:
    """The finite-difference step for an array: 1e-6 for float64, 1e-2 for float32 (see above)."""
    return 1e-6 if np.asarray(x).dtype == np.float64 else 1e-2


def numerical_gradient(f, x: np.ndarray, eps: float | None = None, indices=None) -> np.ndarray:
    """``df/dx`` by centred differences, perturbing ``x`` in place (and restoring it).

    ``f()`` takes no arguments and returns a float. ``eps`` defaults to :func:`default_eps`
    (1e-6 for float64, 1e-2 for float32). ``indices`` (optional) is a list of flat positions to
    check; others stay 0 in the result.
    """
    if eps is None:
        eps = default_eps(x)
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


def gradcheck(f, params, grads, eps: float | None = None, max_checks: int | None = None, rng=0) -> float:
    """Largest relative error between ``grads`` and numerical gradients of ``f`` w.r.t. ``params``.

    ``grads`` must already hold the analytic gradients (call ``backward`` first);
    they are copied before ``f`` is evaluated again. ``eps`` defaults to each parameter's
    :func:`default_eps`. With ``max_checks``, only that many randomly chosen entries of each
    parameter are compared. For float64 parameters compare the result with
    :data:`GRADCHECK_TOL` (1e-6).
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
