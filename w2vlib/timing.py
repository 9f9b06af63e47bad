"""Timing helper for the notebooks' speed comparisons (measure, do not guess)."""
from __future__ import annotations

import time
import timeit
from contextlib import contextmanager

import numpy as np

__all__ = ["best_time", "loglog_slope", "one_thread"]


def best_time(fn, repeat: int = 3, min_time: float = 0.005, cpu: bool = False) -> float:
    """Seconds per call of ``fn()``: the best of ``repeat`` runs, each long enough (>= ``min_time``) to measure.

    The minimum is the least disturbed run (other programs only ever add time). The
    number of calls per run grows by 10x until one run takes at least ``min_time``.

    ``cpu=True`` counts the CPU time of this process (``time.process_time``) instead of the wall
    clock: time the CPU spent on other programs is then not counted, so a comparison measured on a
    busy machine stays fair. Use it for code that runs on one thread (inside :func:`one_thread`);
    for several threads CPU time adds up over the threads and is no longer the elapsed time.
    """
    if repeat < 1:
        raise ValueError(f"repeat must be >= 1, got {repeat}")
    timer = time.process_time if cpu else time.perf_counter
    number = 1
    while timeit.timeit(fn, number=number, timer=timer) < min_time:
        number *= 10
    return min(timeit.repeat(fn, number=number, repeat=repeat, timer=timer)) / number


def loglog_slope(xs, ys) -> float:
    """The least-squares slope of log(ys) against log(xs): 1 for a cost proportional to x, 0 for a flat one.

    How the notebooks and their speed exercises read a measured cost's growth (needs two or more
    distinct positive xs, and positive ys).
    """
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    if xs.shape != ys.shape or xs.ndim != 1 or len(np.unique(xs)) < 2:
        raise ValueError("loglog_slope needs two or more distinct sizes, one time per size")
    if np.any(xs <= 0) or np.any(ys <= 0):
        raise ValueError("loglog_slope needs positive sizes and times")
    return float(np.polyfit(np.log(xs), np.log(ys), 1)[0])


@contextmanager
def one_thread():
    """Inside the block, numpy's BLAS (OpenBLAS, MKL) and OpenMP run on one thread (threadpoolctl).

    A cost comparison then compares like with like (a lookup or a Python loop never uses more than one
    thread), and it is far less disturbed by other programs on a busy machine, where threads that wait
    for each other can make a small matrix product ten times slower in one run than in the next.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield
