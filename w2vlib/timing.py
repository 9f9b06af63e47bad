"""Timing helper for the notebooks' speed comparisons (measure, do not guess)."""
from __future__ import annotations

import timeit

__all__ = ["best_time"]


def best_time(fn, repeat: int = 3, min_time: float = 0.005) -> float:
    """Seconds per call of ``fn()``: the best of ``repeat`` runs, each long enough (>= ``min_time``) to measure.

    The minimum is the least disturbed run (other programs only ever add time). The
    number of calls per run grows by 10x until one run takes at least ``min_time``.
    """
    if repeat < 1:
        raise ValueError(f"repeat must be >= 1, got {repeat}")
    number = 1
    while timeit.timeit(fn, number=number) < min_time:
        number *= 10
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number
