"""Exercises of notebook 09 (the last mile: per-word SGD compiled)."""
from __future__ import annotations

import inspect

import numpy as np

from . import Exercise, NotYet, tr

MASK64 = 2**64


# --------------------------------------------------------------------------------------------
# 1. word2vec.c's LCG
# --------------------------------------------------------------------------------------------
def _lcg_reference(state):
    return (state * 25214903917 + 11) % 2**64


_LCG_STATES = [0, 1, 7, 2**32 + 5, 2**63 + 12345, 2**64 - 1, 123456789123456789]


def _check_lcg(answer):
    if not callable(answer):
        raise NotYet(tr("write a function lcg(state) that returns the next state",
                        "다음 상태를 돌려주는 함수 lcg(state)를 작성해 보세요"))
    for s in _LCG_STATES:
        got = answer(s)
        want = _lcg_reference(s)
        try:
            got = int(got)
        except (TypeError, ValueError):
            raise NotYet(tr(f"lcg({s}) returned {got!r}, not an integer",
                            f"lcg({s})의 반환값이 정수가 아닙니다: {got!r}"))
        if got == want:
            continue
        if got == s * 25214903917 + 11:
            raise NotYet(tr(f"lcg({s}) = {got} has more than 64 bits: keep only the low 64 bits "
                            "(% 2**64), as C's unsigned long long does",
                            f"lcg({s}) = {got}: 64비트보다 깁니다. C의 unsigned long long처럼 하위 64비트만 "
                            "남기세요 (% 2**64)"))
        if got == (s * 25214903917 + 11) % 2**32:
            raise NotYet(tr("word2vec.c's state has 64 bits (unsigned long long), not 32: use % 2**64",
                            "word2vec.c의 상태는 32비트가 아니라 64비트(unsigned long long)입니다: % 2**64를 쓰세요"))
        if got < 0 or got >= MASK64:
            raise NotYet(tr(f"lcg({s}) = {got} is outside 0 .. 2**64 - 1",
                            f"lcg({s}) = {got}: 0 .. 2**64 - 1 범위를 벗어납니다"))
        raise NotYet(tr(f"lcg({s}) should be {want}, got {got}: the multiplier is 25214903917 and the "
                        "increment 11",
                        f"lcg({s})의 답은 {want}인데, 나온 값은 {got}입니다. 곱하는 수는 25214903917, "
                        "더하는 수는 11입니다"))
    return None


# --------------------------------------------------------------------------------------------
# 2. bisection of the cumulative table
# --------------------------------------------------------------------------------------------
def _draw_reference(cdf, u):
    lo, hi = 0, len(cdf)
    while lo < hi:  # the first i with cdf[i] > u
        mid = (lo + hi) // 2
        if cdf[mid] > u:
            hi = mid
        else:
            lo = mid + 1
    return min(lo, len(cdf) - 1)


_DRAW_SOLUTION = inspect.getsource(_draw_reference).replace("_draw_reference", "draw")


def _draw_cases():
    rng = np.random.default_rng(9)
    p = rng.random(37) ** 3
    cdf = np.cumsum(p / p.sum())
    cdf[-1] = 1.0
    us = list(rng.random(300)) + [0.0, float(cdf[0]), float(cdf[5]), float(cdf[20]), 0.999999999]
    return cdf, us


def _check_draw(answer):
    if not callable(answer):
        raise NotYet(tr("write a function draw(cdf, u) that returns a word id",
                        "단어 ID를 돌려주는 함수 draw(cdf, u)를 작성해 보세요"))
    cdf, us = _draw_cases()
    for u in us:
        got = answer(cdf, u)
        want = _draw_reference(cdf, u)
        try:
            got = int(got)
        except (TypeError, ValueError):
            raise NotYet(tr(f"draw(cdf, {u}) returned {got!r}, not a word id",
                            f"draw(cdf, {u})의 반환값이 단어 ID가 아닙니다: {got!r}"))
        if got == want:
            continue
        if u in cdf and got == want - 1:
            raise NotYet(tr(f"u = {u} equals cdf[{want - 1}] exactly: word {want - 1}'s interval "
                            f"[cdf[{want - 2}], cdf[{want - 1}]) stops before it, so the word is {want} "
                            "(search for the first cdf[i] > u, not >= u)",
                            f"u = {u} = cdf[{want - 1}] (정확히 같음): 단어 {want - 1}의 구간 "
                            f"[cdf[{want - 2}], cdf[{want - 1}])는 그 앞에서 끝나므로 답은 {want}입니다 "
                            "(>= u가 아니라 cdf[i] > u인 첫 i를 찾으세요)"))
        if got == int(u * len(cdf)):
            raise NotYet(tr("that picks every word with the same probability: the cumulative table "
                            "makes frequent words (wide intervals) more likely; search it",
                            "그렇게 하면 모든 단어를 같은 확률로 고릅니다: 누적 표에서는 자주 나오는 단어(넓은 "
                            "구간)가 더 잘 뽑힙니다. 누적 표를 탐색하세요"))
        raise NotYet(tr(f"draw(cdf, {u:.6f}) should be {want} (cdf[{want}] = {cdf[want]:.6f} is the "
                        f"first entry above u), got {got}",
                        f"draw(cdf, {u:.6f})의 답은 {want}인데, 나온 값은 {got}입니다 "
                        f"(u보다 큰 첫 항목: cdf[{want}] = {cdf[want]:.6f})"))
    src = ""
    try:
        src = inspect.getsource(answer)
    except (OSError, TypeError):
        pass
    if "searchsorted" in src:
        raise NotYet(tr("right answers, but write the binary search yourself (no np.searchsorted)",
                        "답은 맞지만, 이진 탐색을 직접 작성해 보세요 (np.searchsorted 없이)"))
    return None


# --------------------------------------------------------------------------------------------
# 3. predicting the cost of more negatives
# --------------------------------------------------------------------------------------------
def _seconds_reference(k, t2, t8):
    slope = (t8 - t2) / 6  # seconds per extra negative
    return t2 + slope * (k - 2)


def _check_seconds(answer, t2=None, t8=None, t14=None):
    if not callable(answer):
        raise NotYet(tr("write a function seconds(k, t2, t8)", "함수 seconds(k, t2, t8)를 작성해 보세요"))
    for (a, b) in ((1.0, 2.5), (3.0, 4.2), (0.5, 0.6)):
        for k in (2, 5, 8, 14, 20):
            want = _seconds_reference(k, a, b)
            got = float(answer(k, a, b))
            if abs(got - want) <= 0.01 * abs(want):
                continue
            if abs(got - a * k / 2) <= 0.01 * abs(a * k / 2):
                raise NotYet(tr("that is proportional to k: part of the time does not depend on k (the "
                                "window's input rows, subsampling), so draw a straight line through "
                                "(2, t2) and (8, t8) instead of through 0",
                                "그것은 k에 비례합니다: 시간의 일부(윈도우의 입력 행, 하위 샘플링)는 k와 "
                                "상관없으므로, 0을 지나는 직선이 아니라 (2, t2)와 (8, t8)을 지나는 직선을 "
                                "그으세요"))
            if abs(got - b * k / 8) <= 0.01 * abs(b * k / 8):
                raise NotYet(tr("that line goes through 0: the fixed part of the time does not grow "
                                "with k; use both timings",
                                "그 직선은 0을 지납니다: 시간의 고정된 부분은 k와 함께 늘지 않습니다. 두 "
                                "측정값을 모두 쓰세요"))
            raise NotYet(tr(f"with t2={a}, t8={b}: a straight line through (2, t2) and (8, t8) gives "
                            f"{want:.3f} s at k={k}, your function gives {got:.3f}",
                            f"t2={a}, t8={b}일 때 (2, t2)와 (8, t8)을 지나는 직선은 k={k}에서 "
                            f"{want:.3f} s인데, 여러분의 함수가 준 값은 {got:.3f}입니다"))
    if t2 is not None and t8 is not None and t14 is not None:
        pred = float(answer(14, t2, t8))
        ratio = pred / t14
        note = (f"your line predicts {pred:.3f} s for 14 negatives; the kernel took {t14:.3f} s "
                f"({ratio:.2f}x)")
        note_ko = (f"여러분의 직선은 부정적 예 14개에 {pred:.3f} s를 예측합니다. 커널은 {t14:.3f} s "
                   f"걸렸습니다 ({ratio:.2f}배)")
        if not 0.5 < ratio < 2.0:
            raise NotYet(tr(note + ": more than 2x off. Timings on a busy machine are noisy: re-run "
                            "the timing cell and check again",
                            note_ko + ": 2배 넘게 어긋납니다. 바쁜 기계에서는 시간 측정에 잡음이 "
                            "많으니, 시간을 재는 셀을 다시 실행하고 다시 확인해 보세요"))
        return tr(note, note_ko)
    return None


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (LCG)", "문제 1 (LCG)"),
        checker=_check_lcg,
        hint_text=tr("Multiply, add 11, then take the remainder modulo 2**64.",
                     "곱하고, 11을 더한 다음, 2**64로 나눈 나머지를 구하세요."),
        solution_text=tr("def lcg(state):\n    return (state * 25214903917 + 11) % 2**64",
                         "def lcg(state):\n    return (state * 25214903917 + 11) % 2**64  # C처럼 64비트로 자르기"),
        reference=lambda **_: _lcg_reference,
    ),
    Exercise(
        name=tr("Exercise 2 (bisection)", "문제 2 (이진 탐색)"),
        checker=_check_draw,
        hint_text=tr("Keep lo, hi with the answer in [lo, hi); look at mid = (lo + hi) // 2: if "
                     "cdf[mid] > u the answer is at most mid (hi = mid), else it is above mid "
                     "(lo = mid + 1).",
                     "답이 [lo, hi) 안에 있도록 lo, hi를 유지하고 mid = (lo + hi) // 2를 보세요: "
                     "cdf[mid] > u이면 답은 mid 이하이고(hi = mid), 아니면 mid보다 큽니다(lo = mid + 1)."),
        solution_text=tr(_DRAW_SOLUTION, _DRAW_SOLUTION.replace("# the first i with cdf[i] > u",
                                                                   "# cdf[i] > u인 첫 i")),
        reference=lambda **_: _draw_reference,
    ),
    Exercise(
        name=tr("Exercise 3 (predict the cost of negatives)", "문제 3 (부정적 예의 비용 예측)"),
        checker=_check_seconds,
        hint_text=tr("The slope is (t8 - t2) / (8 - 2) seconds per negative; start from t2 at k = 2.",
                     "직선의 기울기(부정적 예 하나가 늘 때 더해지는 시간)는 (t8 - t2) / (8 - 2)초입니다. k = 2에서 t2로 시작하세요."),
        solution_text=tr("def seconds(k, t2, t8):\n    slope = (t8 - t2) / 6  # seconds per extra "
                         "negative\n    return t2 + slope * (k - 2)",
                         "def seconds(k, t2, t8):\n    slope = (t8 - t2) / 6  # 부정적 예 하나가 늘 때마다 "
                         "더해지는 초\n    return t2 + slope * (k - 2)"),
        reference=lambda **_: _seconds_reference,
    ),
]
