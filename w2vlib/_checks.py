"""Input checks shared by the layers: clear errors for wrong shapes, dtypes and ids."""
from __future__ import annotations

import numpy as np


def as_float32_param(W, name: str = "W", ndim: int | None = None) -> np.ndarray:
    """Accept a float32 parameter array as is (layers share it by reference)."""
    if not isinstance(W, np.ndarray):
        raise TypeError(f"{name} must be a numpy array, got {type(W).__name__}")
    if W.dtype != np.float32:
        raise TypeError(
            f"{name} must be float32, got {W.dtype}; use W.astype(np.float32) "
            "(float64 parameters would double memory and time)"
        )
    if ndim is not None and W.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {W.shape}")
    return W


def check_float_input(x, name: str, last_dim: int | None = None, shape=None) -> np.ndarray:
    """A floating input: float32 passes through, other floats are cast, ints/objects raise."""
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"{name} must hold floats, got dtype {x.dtype}")
    if x.dtype != np.float32:
        x = x.astype(np.float32)
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
