"""Notebook 10's exercises: each accepts its reference, refuses typical wrong answers with their own
reason, says "not attempted" for the stub, and speaks Korean with lang="ko"."""
import numpy as np
import pytest

import w2vlib.exercises
from w2vlib import huffman_codes
from w2vlib.exercises import nb10
from w2vlib.hierarchical_softmax import code_lengths

q1, q2, q3 = w2vlib.exercises.load("10")
k1, k2, k3 = w2vlib.exercises.load("10", lang="ko")


def stub(*args):
    ...


@pytest.mark.parametrize("q", [q1, q2, q3])
def test_stub_is_not_attempted(q):
    assert q.verdict(stub).endswith("not attempted")
    assert q.verdict(...).endswith("not attempted")


# 1. Huffman code lengths by hand
def test_q1_reference_is_huffman_and_is_accepted():
    ref = nb10._q1_reference()
    assert ref == {"the": 1, "cat": 2, "sat": 3, "on": 4, "mat": 4}
    lengths = code_lengths(huffman_codes(list(nb10.Q1_COUNTS.values()))[0])
    assert list(ref.values()) == lengths.tolist()
    v = q1.verdict(ref)
    assert v.startswith("Exercise 1") and ": correct" in v and "2.00 sigmoids" in v
    assert not q1.passes([1, 2, 3, 4, 4])  # a list does not say which length is whose: ask for the dict
    assert "정답" in k1.verdict(ref)


@pytest.mark.parametrize("answer, reason", [
    ({"the": 2, "cat": 2, "sat": 2, "on": 3, "mat": 3}, "balanced tree"),
    ({"the": 4, "cat": 4, "sat": 3, "on": 2, "mat": 1}, "more frequent word got a longer code"),
    ({"the": 1, "cat": 1, "sat": 3, "on": 4, "mat": 4}, "full binary tree"),
    ({"the": 1, "cat": 3, "sat": 3, "on": 3, "mat": 3}, "not the one Huffman builds"),
    ({"the": 0, "cat": 2, "sat": 3, "on": 4, "mat": 4}, "at least one step"),
    ({"the": 1.5, "cat": 2, "sat": 3, "on": 4, "mat": 4}, "whole number"),
    ({"the": 1}, "missing: 'cat', 'sat', 'on', 'mat'"),
    ({"the": 1, "cat": 2, "sat": 3, "on": 4}, "missing: 'mat'"),
    ({"the": 1, "cat": 2, "sat": 3, "on": 4, "mat": 4, "dog": 5}, "unexpected: 'dog'"),
    ({"The": 1, "cat": 2, "sat": 3, "on": 4, "mat": 4}, "'The' should be 'the'"),
    ({"the": 1, "cat": 2, "sta": 3, "on": 4, "mat": 4}, "'sta' should be 'sat'"),
    ("the: 1", "one code length per word"),
    ([1, 2, 3, 4, 4], "not a list"),
    ({"the": True, "cat": 2, "sat": 3, "on": 4, "mat": 4}, "not True or False"),
])
def test_q1_refuses_typical_mistakes_with_their_reason(answer, reason):
    v = q1.verdict(answer)
    assert "not yet" in v and reason in v, v
    assert "아직 정답이 아닙니다" in k1.verdict(answer)


# 2. the path probability
def test_q2_accepts_the_reference_and_a_log_space_version():
    assert q2.passes(nb10._path_probability_reference)

    def via_logs(h, W, code, point):
        x = W[point] @ h
        s = 1 - 2 * np.asarray(code, dtype=float)
        return float(np.exp(-np.logaddexp(0, -s * x).sum()))

    assert q2.passes(via_logs)


def test_q2_refuses_the_swapped_sign_the_log_and_a_sum():
    def swapped(h, W, code, point):
        return nb10._path_probability_reference(h, W, 1 - np.asarray(code), point)

    def log_p(h, W, code, point):
        return float(np.log(nb10._path_probability_reference(h, W, code, point)))

    def summed(h, W, code, point):
        return sum(1 / (1 + np.exp(-(h @ W[n]))) for n in point)

    assert "other way round" in q2.verdict(swapped)
    assert "log P" in q2.verdict(log_p)
    v = q2.verdict(summed)
    assert "not yet" in v and "sum to" in v
    assert "부호가 반대" in k2.verdict(swapped)
    assert "not yet" in q2.verdict(42)


# 3. predicting the slope
def test_q3_accepts_a_log_v_slope_and_reports_the_measurements():
    assert q3.passes(0.1) and q3.passes(0.05) and q3.passes(0.15)
    assert q3.passes(0.1, theory=0.093) and not q3.passes(0.2, theory=0.093)
    v = q3.verdict(0.1, theory=0.11, measured=0.08)
    assert ": correct" in v and "0.11" in v and "0.08" in v
    assert "0.11" in k3.verdict(0.1, theory=0.11, measured=0.08)


def test_q3_refuses_flat_with_a_reason():
    for kwargs in ({}, {"theory": 0.093}):
        v = q3.verdict(0.0, **kwargs)
        assert "not yet" in v and "negative sampling" in v, v
    assert "네거티브 샘플링" in k3.verdict(0.0, theory=0.093)


@pytest.mark.parametrize("answer, reason", [(1.0, "softmax"), (9.45, "a length"), (13.3, "a length"), (0.5, "too steep"), (0.3, "too steep"),
                                            (-0.5, "does not fall"), ("flat", "not a string"),
                                            ("0.1", "not a string"), (True, "not True or False"),
                                            (float("nan"), "finite")])
def test_q3_refuses_typical_mistakes(answer, reason):
    v = q3.verdict(answer)
    assert "not yet" in v and reason in v, v


def test_q3_too_steep_uses_the_students_vocabulary_sizes():
    v = q3.verdict(0.4, theory=0.1, vocab_sizes=[500, 5_000, 50_000])
    assert "too steep" in v and "500" in v and "50,000" in v and "100x" in v, v


def test_q3_reports_the_timing_with_its_spread_in_one_language():
    v = q3.verdict(0.1, theory=0.11, measured=[0.05, 0.12, 0.20])
    assert ": correct" in v and "0.12" in v and "0.05" in v and "0.20" in v and "3 sweeps" in v
    kv = k3.verdict(0.1, theory=0.11, measured=[0.05, 0.12, 0.20])
    assert "0.12" in kv and "중앙값" in kv
    for text in (v, kv):
        assert "{" not in text and "'en'" not in text, text
    assert "측정" not in v and "sweeps" not in kv


def test_q2_accepts_a_float32_answer():
    from w2vlib.exercises.nb10 import _path_probability_reference

    def p32(h, W, code, point):
        return np.float32(_path_probability_reference(h, W, code, point))
    assert q2.passes(p32)


def test_q2_names_an_array_answer():
    from w2vlib.exercises.nb10 import _path_probability_reference

    def as_array(h, W, code, point):
        return np.array([_path_probability_reference(h, W, code, point)])
    v, kv = q2.verdict(as_array), k2.verdict(as_array)
    assert "not yet" in v and "float(p)" in v and "(1,)" in v and "raised" not in v, v
    assert "float(p)" in kv and "오류" not in kv, kv


def test_korean_titles_and_requests_follow_the_style_sheet():
    assert "로그-로그 기울기 예측" in k3.title
    from w2vlib.exercises.nb10 import _path_probability_reference

    def off(h, W, code, point):            # a negative value skips the sum test: the generic message
        p = _path_probability_reference(h, W, code, point)
        return -p if code[0] == 1 else p
    kv = k2.verdict(off)
    assert "상대 차이" in kv and ". 1e-5" not in kv, kv


def test_q3_without_the_notebooks_slope_says_what_it_graded_and_why_nothing_was_measured():
    # VOCAB_SIZES spanning under 10x: the notebook fits no slope (theory=None, measured=None)
    v = q3.verdict(0.1, theory=None, measured=None, vocab_sizes=[1_000, 4_000])
    assert ": correct" in v and "theory only" in v and "log2 V" in v, v
    assert "No slope was fitted" in v and "4.0x" in v and "10x" in v, v
    kv = k3.verdict(0.1, theory=None, measured=None, vocab_sizes=[1_000, 4_000])
    assert kv.count("정답입니다.") == 1 and "이론으로만" in kv and "맞추지 않았습니다" in kv and "4.0배" in kv, kv
    # the theory follows the student's sizes: log2 V is steeper at small V
    assert q3.passes(0.38, vocab_sizes=[10, 20]) and not q3.passes(0.1, vocab_sizes=[10, 20])
    assert "not yet" in q3.verdict(0.0, vocab_sizes=[1_000, 4_000])
    # nothing passed at all: graded on 1,000 .. 100,000, and it says the notebook's slope was not given
    v = q3.verdict(0.1)
    assert ": correct" in v and "1,000 .. 100,000" in v and "theory=None" in v, v


def test_q1_names_the_bad_keys_in_korean_too():
    kv = k1.verdict({"The": 1, "cat": 2, "sat": 3, "on": 4, "dog": 4})
    assert "고칠 키는 'The' → 'the'입니다" in kv and "빠진 단어는 'mat'입니다" in kv, kv
    assert "필요 없는 키는 'dog'입니다" in kv and ":" not in kv.split("아닙니다.", 1)[1], kv


# 2. the feedback on the dtype of code, a missing return and -log P
def _sign_trick_vectorised(h, W, code, point):   # right once code is signed; wraps around on gensim's uint8
    s = 1 - 2 * np.asarray(code)
    return float(np.prod(1 / (1 + np.exp(-s * (W[point] @ h)))))


def _sign_trick_loop(h, W, code, point):
    p = 1.0
    for c, node in zip(code, point):
        p *= 1 / (1 + np.exp(-(1 - 2 * c) * (h @ W[node])))
    return p


def _power_of_minus_one(h, W, code, point):     # (-1) ** uint8 raises OverflowError in numpy 2
    return float(np.prod(1 / (1 + np.exp(-((-1) ** code) * (W[point] @ h)))))


def test_q2_codes_are_gensims_uint8():
    layer, _ = nb10._q2_case(0)
    assert all(c.dtype == np.uint8 for c in layer.codes)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("answer", [_sign_trick_vectorised, _sign_trick_loop, _power_of_minus_one])
def test_q2_says_the_sign_trick_wraps_around_in_uint8(answer):
    v, kv = q2.verdict(answer), k2.verdict(answer)
    assert "not yet" in v and "uint8" in v and "code.astype(int)" in v and "255" in v, v
    assert "relative difference" not in v and "raised" not in v, v
    assert "uint8" in kv and "code.astype(int)" in kv and "255" in kv and "오류" not in kv, kv

    def cast_first(h, W, code, point):
        return answer(h, W, np.asarray(code).astype(int), point)
    assert q2.passes(cast_first)


def test_q2_a_wrong_answer_is_not_blamed_on_the_dtype():
    def swapped_cast(h, W, code, point):
        return _sign_trick_vectorised(h, W, 1 - np.asarray(code).astype(int), point)
    v = q2.verdict(swapped_cast)
    assert "other way round" in v and "uint8" not in v, v


def test_q2_a_missing_return_and_minus_log_p_get_their_own_message():
    def no_return(h, W, code, point):
        p = nb10._path_probability_reference(h, W, code, point)  # noqa: F841 (the mistake under test)

    def minus_log_p(h, W, code, point):
        return -np.log(nb10._path_probability_reference(h, W, code, point))

    v, kv = q2.verdict(no_return), k2.verdict(no_return)
    assert "returned None" in v and "return p" in v and "TypeError" not in v, v
    assert "None을 돌려주었습니다" in kv and "return p" in kv and "TypeError" not in kv, kv
    v, kv = q2.verdict(minus_log_p), k2.verdict(minus_log_p)
    assert "-log P" in v and "the loss" in v and "sum to" not in v, v
    assert "-log P" in kv and "손실" in kv, kv


def test_exercise_10_review17_messages():
    """review17: codes given instead of lengths, a list returned by q2, and q3's length answer names the work."""
    from w2vlib.exercises import nb10
    q1e, q2e, q3e = w2vlib.exercises.load("10")
    q1k = w2vlib.exercises.load("10", lang="ko")[0]
    ref = nb10._q1_reference()
    codes = {w: "1" * n for w, n in ref.items()}
    assert "codes themselves" in q1e.verdict(codes)
    assert "코드 자체" in q1k.verdict(codes)
    assert "codes themselves" in q1e.verdict({w: [0] * n for w, n in ref.items()})
    assert q1e.passes(ref)
    for q, work, time in ((q3e, "work per example", "how the time grows"),
                          (w2vlib.exercises.load("10", lang="ko")[2], "일의 양", "시간이 얼마나")):
        v = q.verdict(9.45, theory=0.093)
        assert work in v and time not in v, v
    v = q2e.verdict(lambda h, W, code, point: [0.5])
    assert "list or array" in v, v


def test_exercise_10_review18_timed_slope_and_accepted_band():
    """review18: the timed slope gets its own message, and measured-mode messages give the accepted band."""
    kw = dict(theory=0.093, measured=[0.16, 0.17, 0.17], vocab_sizes=[1_000, 10_000, 100_000])
    for answer in (0.17, 0.16, 0.19):
        v, kv = q3.verdict(answer, **kw), k3.verdict(answer, **kw)
        assert "not yet" in v and "timed slope" in v and "counted work" in v and "too steep" not in v, v
        assert "Accepted: 0.03 .. 0.15" in v, v
        assert "잰 시간" in kv and "세어 본 일의 양" in kv and "가파릅니다" not in kv, kv
        assert "정답으로 받는 범위는 0.03 ~ 0.15입니다" in kv, kv
    # far from the timing: the generic reason, now with the band
    v, kv = q3.verdict(0.3, **kw), k3.verdict(0.3, **kw)
    assert "too steep" in v and "timed slope" not in v and "Accepted: 0.03 .. 0.15" in v, v
    assert "가파릅니다" in kv and "정답으로 받는 범위는 0.03 ~ 0.15입니다" in kv, kv
    for answer in (0.0, -0.3):
        assert "Accepted: 0.03 .. 0.15" in q3.verdict(answer, **kw)
        assert "정답으로 받는 범위는 0.03 ~ 0.15입니다" in k3.verdict(answer, **kw)
    # the correct answer states the band too
    v, kv = q3.verdict(0.1, **kw), k3.verdict(0.1, **kw)
    assert ": correct" in v and "(accepted: 0.03 .. 0.15)" in v, v
    assert "정답으로 받는 범위는 0.03 ~ 0.15입니다" in kv and kv.count("정답입니다.") == 1, kv
    # a timed slope inside the band is simply accepted; theory mode keeps its old rejections
    assert q3.passes(0.12, theory=0.093, measured=[0.12, 0.13])
    assert "Accepted" not in q3.verdict(0.3) and "범위" not in k3.verdict(0.3)
    for text in (q3.verdict(0.17, **kw), k3.verdict(0.17, **kw)):
        assert "{" not in text and "'en'" not in text, text
    assert ";" not in k3.verdict(0.17, **kw) and ";" not in k3.verdict(0.1, **kw)
