import time

import pytest

from w2vlib.timing import best_time


def test_best_time_measures_per_call_seconds():
    t = best_time(lambda: time.sleep(0.002), repeat=2)
    assert t > 0.0015  # at least the sleep (no upper bound: a busy machine only adds time)
    calls = []
    best_time(lambda: calls.append(1), repeat=2, min_time=0.001)
    assert len(calls) > 10  # a fast function is called many times per run
    with pytest.raises(ValueError):
        best_time(lambda: None, repeat=0)


def test_loglog_slope_reads_growth():
    import numpy as np
    import pytest
    from w2vlib.timing import loglog_slope
    xs = np.array([1e3, 1e4, 1e5])
    assert abs(loglog_slope(xs, 2 * xs) - 1) < 1e-9
    assert abs(loglog_slope(xs, [3.0, 3.0, 3.0])) < 1e-9
    assert abs(loglog_slope(xs, xs**2) - 2) < 1e-9
    with pytest.raises(ValueError, match="two or more"):
        loglog_slope([10, 10], [1, 2])
    with pytest.raises(ValueError, match="positive"):
        loglog_slope([1, 10], [0, 1])


def test_one_thread_limits_blas_inside_the_block_only():
    import numpy as np  # noqa: F401  (loads the BLAS library)
    from threadpoolctl import threadpool_info

    from w2vlib.timing import one_thread

    before = [p["num_threads"] for p in threadpool_info()]
    with one_thread():
        assert all(p["num_threads"] == 1 for p in threadpool_info())
    assert [p["num_threads"] for p in threadpool_info()] == before


def test_best_time_cpu_does_not_count_sleeping():
    wall = best_time(lambda: time.sleep(0.002), repeat=2)
    cpu = best_time(lambda: time.sleep(0.002), repeat=2, min_time=1e-9, cpu=True)
    assert wall > 0.0015 and cpu < 0.001      # sleeping (like waiting for the CPU) costs no CPU time
