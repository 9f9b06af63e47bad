"""Input checks shared by the layers: clear errors for wrong shapes, dtypes and ids."""
from __future__ import annotations

import numpy as np


#: The parameter dtypes layers accept: float32 (the default everywhere) and float64 (gradient checks).
PARAM_DTYPES = (np.float32, np.float64)


def as_float_param(W, name: str = "W", ndim: int | None = None) -> np.ndarray:
    """Accept a float32 or float64 parameter array as is (layers share it by reference).

    float32 is the default everywhere (half the memory and time); float64 is kept for gradient
    checks, where float32's 7 digits are too few. Integer, bool and object arrays are refused.
    """
    if not isinstance(W, np.ndarray):
        raise TypeError(f"{name} must be a numpy array, got {type(W).__name__}")
    if W.dtype not in PARAM_DTYPES:
        raise TypeError(
            f"{name} must be float32 (or float64 for gradient checks), got {W.dtype}; "
            "use W.astype(np.float32)"
        )
    if ndim is not None and W.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {W.shape}")
    return W


def float_dtype_of(x) -> np.dtype:
    """The dtype a parameter-free layer computes in: float64 stays float64, other floats are float32."""
    return np.dtype(np.float64) if np.asarray(x).dtype == np.float64 else np.dtype(np.float32)


def check_float_input(x, name: str, last_dim: int | None = None, shape=None, dtype=None) -> np.ndarray:
    """A floating input cast to ``dtype`` (a layer's parameter dtype; default: float64 stays,
    other floats become float32). Integer, bool and object inputs raise."""
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"{name} must hold floats, got dtype {x.dtype}")
    dtype = float_dtype_of(x) if dtype is None else np.dtype(dtype)
    if x.dtype != dtype:
        x = x.astype(dtype)
    if last_dim is not None and (x.ndim == 0 or x.shape[-1] != last_dim):
        raise ValueError(f"{name} must have last dimension {last_dim}, got shape {x.shape}")
    if shape is not None and x.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {tuple(shape)}, got {x.shape}")
    return x


def check_ids(idx, vocab_size: int, name: str = "idx") -> np.ndarray:
    """Integer ids in ``[0, vocab_size)``; anything else raises with the offending value."""
    idx = np.asarray(idx)
    if idx.dtype == bool or not np.issubdtype(idx.dtype, np.integer):
        raise TypeError(f"{name} must hold integer word ids, got dtype {idx.dtype}")
    if idx.size:
        lo, hi = int(idx.min()), int(idx.max())
        if lo < 0 or hi >= vocab_size:
            bad = lo if lo < 0 else hi
            raise IndexError(f"{name} contains id {bad}, outside the vocabulary [0, {vocab_size})")
    return idx


def as_rng(rng) -> np.random.Generator:
    """A ``np.random.Generator``: passed through, or made from a seed (or None) by ``default_rng``."""
    if isinstance(rng, np.random.Generator):
        return rng
    return np.random.default_rng(rng)
