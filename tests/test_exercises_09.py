"""Notebook 09's exercises: each accepts its reference, refuses typical wrong answers with their own
reason, and says "not attempted" for the stub."""

import bisect

import numpy as np
import pytest

import w2vlib.exercises
from w2vlib.exercises import nb09

q1, q2, q3 = w2vlib.exercises.load("09")


def stub(*args):
    ...


@pytest.mark.parametrize("q", [q1, q2, q3])
def test_exercise_09_stub_is_not_attempted(q):
    assert q.verdict(stub).endswith("not attempted")
    assert q.verdict(...).endswith("not attempted")


# 1. the LCG's low bits
def test_exercise_09_1_accepts_the_reference_and_its_generator_is_the_kernels():
    assert q1.passes(nb09._period_reference)
    assert q1.passes(lambda k: 2**k)  # the pattern, guessed: right
    from w2vlib.fast import compiled

    if compiled.available():
        k = compiled.kernels()
        for s in (1, 2**63 + 5):
            assert int(k.lcg_next(np.uint64(s))) == nb09._lcg_reference(s)


def test_exercise_09_1_the_low_bits_and_each_bit_have_the_periods_the_note_states():
    # Hull-Dobell: the multiplier is 1 mod 4 and the increment odd, so the lowest k bits have period 2**k,
    # and bit j alone has period 2**(j + 1)
    assert 25214903917 % 4 == 1 and 11 % 2 == 1
    for k in nb09._PERIOD_KS:
        assert nb09._period_reference(k) == 2**k
    for j in range(12):
        s, seq = 1, []
        for _ in range(2 ** (j + 2)):
            s = nb09._lcg_reference(s)
            seq.append((s >> j) & 1)
        p = next(p for p in range(1, len(seq)) if seq[p:] == seq[:-p])
        assert p == 2 ** (j + 1)
    v = q1.verdict(nb09._period_reference)
    assert "2**k steps" in v and "65,536" in v and "2**(j+1)" in v and "state >> 11" in v


def test_exercise_09_1_refuses_one_step_off():
    v = q1.verdict(lambda k: 2**k - 1)
    assert "not yet" in v and "one step off" in v


def test_exercise_09_1_one_step_off_only_when_every_wrong_k_is():
    v = q1.verdict(lambda k: 2**k + 1)
    assert "not yet" in v and "one step off" in v and "every other wrong k" in v
    v = q1.verdict(lambda k: 2**k if k > 1 else 1)  # only k = 1 wrong, by one
    assert "one step off" in v and "every other" not in v


def test_exercise_09_1_half_and_twice_the_period_are_named_for_what_they_are():
    v = q1.verdict(lambda k: 2 ** (k - 1))  # off by 1 at k = 1, but by a factor of 2 everywhere
    assert "not yet" in v and "half the right number" in v and "one step" not in v and "every k tried" in v
    v = q1.verdict(lambda k: 2 ** (k + 1))
    assert "not yet" in v and "twice the right number" in v and "one step" not in v


def test_exercise_09_1_refuses_the_lowest_bit_only():
    v = q1.verdict(lambda k: 2)
    assert "not yet" in v and "lowest bit alone" in v and "state % 2**k" in v


def test_exercise_09_1_refuses_a_wrong_period_without_giving_it_away():
    v = q1.verdict(lambda k: 3**k if k > 1 else 2)
    assert "not yet" in v and "not right" in v and "25214903917" in v
    assert "2**k steps" not in v and "every" not in v


def test_exercise_09_1_refuses_a_non_integer():
    v = q1.verdict(lambda k: "two")
    assert "not yet" in v and "whole number" in v
    assert q1.passes(lambda k: float(2**k))


# 2. bisection
def test_exercise_09_2_accepts_the_reference_and_agrees_with_searchsorted():
    assert q2.passes(nb09._draw_reference)
    cdf, us = nb09._draw_cases()
    got = [nb09._draw_reference(cdf, u) for u in us]
    np.testing.assert_array_equal(got, np.searchsorted(cdf, us, side="right"))


def draw_left(cdf, u):
    """A left bisection (first index with cdf[i] >= u): the tie convention exercise 2 refuses."""
    lo, hi = 0, len(cdf)
    while lo < hi:
        mid = (lo + hi) // 2
        if cdf[mid] >= u:
            hi = mid
        else:
            lo = mid + 1
    return lo


def test_exercise_09_2_refuses_the_left_bisection():
    v = q2.verdict(draw_left)
    assert "not yet" in v and "exactly" in v and "not >= u" in v


def test_exercise_09_2_refuses_a_uniform_draw():
    v = q2.verdict(lambda cdf, u: int(u * len(cdf)))
    assert "not yet" in v and "same probability" in v


def _scan(cdf, u):
    for i in range(len(cdf)):
        if cdf[i] > u:
            return i
    return len(cdf) - 1


def test_exercise_09_2_refuses_a_linear_scan_by_counting_its_reads():
    assert q2.verdict(_scan).startswith(f"{q2.title}: not yet")  # right answers, O(V) reads
    v = q2.verdict(_scan)
    assert "scan" in v and "log2(V) = 12" in v and "entries" in v

    def from_the_back(cdf, u):
        i = len(cdf) - 1
        while i > 0 and cdf[i - 1] > u:
            i -= 1
        return i

    assert "scan" in q2.verdict(from_the_back)

    def vectorised(cdf, u):
        return min(int(np.argmax(cdf > u)), len(cdf) - 1)

    assert "scan" in q2.verdict(vectorised)


def _search_after_asarray(cdf, u):
    cdf = np.asarray(cdf)  # free on the notebook's array; the counting table cannot see past it
    lo, hi = 0, len(cdf)
    while lo < hi:
        mid = (lo + hi) // 2
        if cdf[mid] > u:
            hi = mid
        else:
            lo = mid + 1
    return min(lo, len(cdf) - 1)


def test_exercise_09_2_names_a_whole_table_conversion_not_a_scan():
    """review16: a correct search that starts with np.asarray(cdf) is not called a scan; the message names
    the conversion (and the same holds for a scan behind a conversion, which the check cannot see)."""
    def scan_behind_asarray(cdf, u):
        return min(int(np.argmax(np.asarray(cdf) > u)), len(cdf) - 1)

    k2 = w2vlib.exercises.load("09", lang="ko")[1]
    for q, conversion, scan in ((q2, "turns the whole table into an array", "that is a scan"),
                                (k2, "표 전체를 배열로 바꿉니다", "이것은 훑기(scan)")):
        v = q.verdict(_search_after_asarray)
        assert "not yet" in v or "아직 정답이 아닙니다" in v, v
        assert conversion in v and scan not in v and "np.asarray" in v, v
        assert conversion in q.verdict(scan_behind_asarray)
    t = nb09.CountingTable(np.arange(4.0))
    np.asarray(t)
    assert t.converted == 1 and t.reads == 4


def test_exercise_09_2_accepts_a_bisection_that_reads_twice_per_step():
    def twice(cdf, u):
        lo, hi = 0, len(cdf)
        while lo < hi:
            mid = (lo + hi) // 2
            if cdf[mid] > u:
                hi = mid
            elif cdf[mid] <= u:
                lo = mid + 1
        return min(lo, len(cdf) - 1)

    assert q2.passes(twice)


def test_exercise_09_2_counting_table_counts_reads():
    t = nb09.CountingTable(np.arange(10.0))
    assert len(t) == 10 and t.size == 10 and t.reads == 0
    t[3], t[-1]
    assert t.reads == 2
    view = t[2:5]  # a slice is a view, as in numpy: free until its entries are read
    assert t.reads == 2 and len(view) == 3
    view[0], view[-1]
    assert t.reads == 4 and view.reads == 4
    np.asarray(t)
    assert t.reads == 14
    cdf, us = nb09._count_cases()
    for u in us:
        t = nb09.CountingTable(cdf)
        assert nb09._draw_reference(t, u) == np.searchsorted(cdf, u, side="right")
        assert t.reads <= np.ceil(np.log2(cdf.size + 1)) <= nb09.max_reads(cdf.size)


def test_exercise_09_2_refuses_searchsorted():
    def draw(cdf, u):
        return int(np.searchsorted(cdf, u, side="right"))

    v = q2.verdict(draw)
    assert "not yet" in v and "yourself" in v


# 3. predict the cost of negatives
def test_exercise_09_3_accepts_the_reference_with_and_without_a_measurement():
    assert q3.passes(nb09._seconds_reference)
    v = q3.verdict(nb09._seconds_reference, t2=1.0, t8=2.2, t14=3.3)
    assert v.startswith(f"{q3.title}: correct") and "3.400" in v


def test_exercise_09_3_refuses_a_proportional_model():
    v = q3.verdict(lambda k, t2, t8: t2 * k / 2)
    assert "not yet" in v and "proportional" in v


def test_exercise_09_3_refuses_a_line_through_zero_from_t8():
    v = q3.verdict(lambda k, t2, t8: t8 * k / 8)
    assert "not yet" in v and "through 0" in v


def test_exercise_09_3_a_wrong_slope_is_not_called_a_line_through_zero():
    v = q3.verdict(lambda k, t2, t8: t2 + (k - 2) * (t8 - t2) / 8)
    assert "not yet" in v and "through 0" not in v and "at k=8" in v and "(2, t2) and (8, t8)" in v


def test_exercise_09_3_grades_the_line_not_the_measurement():
    # a right formula, but the measured time is 3x the prediction: still correct (the verdict grades the
    # line on the check's own timings), and the note blames the timing
    v = q3.verdict(nb09._seconds_reference, t2=1.0, t8=2.2, t14=10.0)
    assert v.startswith(f"{q3.title}: correct") and "2x off" in v and "timing" in v
    # and a wrong line stays wrong even when a measurement happens to match it
    assert not q3.passes(lambda k, t2, t8: t8 * k / 8, t2=1.0, t8=2.2, t14=2.2 * 14 / 8)


def test_exercise_09_3_reports_a_crash_without_raising():
    v = q3.verdict(lambda k, t2, t8: 1 / 0)
    assert "not yet" in v and "ZeroDivisionError" in v


# Korean edition: the same checks, their texts in Korean
HANGUL = __import__("re").compile(r"[\uac00-\ud7a3]")


def test_exercise_09_korean_texts_are_korean_and_the_verdicts_are_the_same():
    k1, k2, k3 = w2vlib.exercises.load("09", lang="ko")
    for q in (k1, k2, k3):
        assert HANGUL.search(q.title) and q.verdict(stub) == f"{q.title}: 아직 풀지 않았습니다."
    for ex in nb09.EXERCISES:
        assert ex.hint_text["ko"] != ex.hint_text["en"] and HANGUL.search(ex.hint_text["ko"])
        assert ex.solution_text["ko"] != ex.solution_text["en"]
    wrong = [(k1, q1, lambda k: 2**k - 1, {}),
             (k1, q1, lambda k: 2, {}),
             (k2, q2, _scan, {}),
             (k1, q1, lambda k: 3**k, {}),
             (k2, q2, lambda cdf, u: int(u * len(cdf)), {}),
             (k1, q1, lambda k: 2 ** (k - 1), {}),
             (k3, q3, lambda k, t2, t8: t2 * k / 2, {})]
    for ko, en, answer, context in wrong:
        v = ko.verdict(answer, **context)
        assert v.startswith(f"{ko.title}: 아직 정답이 아닙니다. ") and HANGUL.search(v.split("아닙니다. ", 1)[-1]), v
        assert en.verdict(answer, **context).startswith(f"{en.title}: not yet")
    v = k3.verdict(nb09._seconds_reference, t2=1.0, t8=2.2, t14=3.3)
    assert v.startswith(f"{k3.title}: 정답입니다. ") and "3.400" in v and HANGUL.search(v.split("정답입니다. ", 1)[-1])
    v = k3.verdict(nb09._seconds_reference, t2=1.0, t8=2.2, t14=10.0)
    assert v.startswith(f"{k3.title}: 정답입니다. ") and "시간 측정" in v


def test_exercise_09_2_refuses_bisect():
    import bisect

    def draw(cdf, u):
        return min(bisect.bisect_right(cdf, u), len(cdf) - 1)

    v = q2.verdict(draw)
    assert "not yet" in v and "yourself" in v and "bisect" in v


def test_exercise_09_2_refuses_library_searches_even_without_source():
    """A function whose source cannot be read (typed at a prompt, built by exec) is still caught by the names it
    uses: the one-line answers get "write it yourself", not a wrong "scan" diagnosis."""
    for body in ("return bisect.bisect_right(cdf, u)", "return int(np.searchsorted(cdf, u, side='right'))"):
        scope = {"bisect": bisect, "np": np}
        exec(f"def draw(cdf, u):\n    {body}\n", scope)
        for q in (q2, w2vlib.exercises.load("09", lang="ko")[1]):
            v = q.verdict(scope["draw"])
            assert ("not yet" in v or "아직 정답이 아닙니다" in v) and ("yourself" in v or "직접" in v), v
            assert "scan" not in v and "훑기" not in v, v


def test_exercise_09_2_word_zeros_interval_starts_at_0_in_the_tie_message():
    cdf, _ = nb09._draw_cases()
    v = q2.verdict(lambda c, u: draw_left(c, u) if u == float(cdf[0]) else nb09._draw_reference(c, u))
    assert "[0, cdf[0])" in v and "cdf[-1]" not in v


def test_exercise_09_1_names_a_straight_line_guess():
    """review17: a guessed linear formula (2k, k + 1) gets its own reason, in both languages, not the generic one."""
    k1 = w2vlib.exercises.load("09", lang="ko")[0]
    for guess in (lambda k: 2 * k, lambda k: k + 1):
        v = q1.verdict(guess)
        assert "not yet" in v and "straight line in k" in v and "2**k" not in v, v
        v = k1.verdict(guess)
        assert "아직 정답이 아닙니다" in v and "직선" in v, v
    assert "lowest bit alone" in q1.verdict(lambda k: 2)  # a constant keeps its own reason


def test_exercise_09_2_accepts_an_early_exit_search_and_a_recursive_bisection_on_slices():
    """review18: a textbook search that reads cdf[mid - 1] and cdf[mid] at each step, and a recursive
    bisection on slices (views in numpy), are O(log V) and must pass; a scan must still fail."""
    def early_exit(cdf, u):
        lo, hi = 0, len(cdf) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            left = cdf[mid - 1] if mid > 0 else 0.0
            if left <= u < cdf[mid]:
                return mid
            if u < left:
                hi = mid - 1
            else:
                lo = mid + 1
        return len(cdf) - 1

    def recursive(cdf, u):
        if len(cdf) == 1:
            return 0
        mid = len(cdf) // 2
        if cdf[mid - 1] > u:
            return recursive(cdf[:mid], u)
        return mid + recursive(cdf[mid:], u)

    assert q2.passes(early_exit), q2.verdict(early_exit)
    assert q2.passes(recursive), q2.verdict(recursive)
    assert "scan" in q2.verdict(_scan)
