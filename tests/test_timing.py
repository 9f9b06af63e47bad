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
