"""Exercises of notebook 09 (the last mile: per-word SGD compiled)."""
from __future__ import annotations

import inspect
import math

import numpy as np

from . import Exercise, NotYet, tr

MASK64 = 2**64


# --------------------------------------------------------------------------------------------
# 1. word2vec.c's LCG
# --------------------------------------------------------------------------------------------
def _lcg_reference(state):
    return (state * 25214903917 + 11) % 2**64


_LCG_STATES = [0, 1, 7, 2**32 + 5, 2**63 + 12345, 2**64 - 1, 123456789123456789]


def _kept_bits(state, got):
    """The number of low bits ``got`` keeps of the right product, when it is the product cut to fewer
    than 64 bits (a mask of 32 or 48 bits, say); else None."""
    full = state * 25214903917 + 11
    for bits in range(1, 64):
        if got == full % 2**bits and got != full % 2**64:
            return bits
    return None


def _check_lcg(answer):
    if not callable(answer):
        raise NotYet(tr("write a function lcg(state) that returns the next state",
                        "다음 상태를 돌려주는 함수 lcg(state)를 작성해 보세요."))
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
                            f"lcg({s})의 값 {got}은(는) 64비트보다 깁니다. C의 unsigned long long처럼 하위 64비트만 "
                            "남기세요(% 2**64)."))
        if got < 0 or got >= MASK64:
            raise NotYet(tr(f"lcg({s}) = {got} is outside 0 .. 2**64 - 1",
                            f"lcg({s})의 값 {got}은(는) 0 .. 2**64 - 1 범위를 벗어납니다."))
        bits = _kept_bits(s, got)
        if bits == 48:
            raise NotYet(tr("that keeps 48 bits (& (2**48 - 1)): that is gensim's generator, which masks its "
                            "state to 48 bits as Java's Random does; word2vec.c keeps all 64 bits of its "
                            "unsigned long long: use % 2**64",
                            "그것은 48비트만 남깁니다(& (2**48 - 1)). gensim의 생성기가 Java의 Random처럼 상태를 "
                            "48비트로 자르는 방식입니다. word2vec.c는 unsigned long long의 64비트를 모두 "
                            "남깁니다. % 2**64를 쓰세요."))
        if bits is not None:
            raise NotYet(tr(f"that keeps only {bits} bits: word2vec.c's state has 64 bits (unsigned long "
                            "long): use % 2**64",
                            f"그것은 하위 {bits}비트만 남깁니다. word2vec.c의 상태는 64비트(unsigned long "
                            "long)입니다. % 2**64를 쓰세요."))
        raise NotYet(tr(f"lcg({s}) should be {want}, got {got}: the multiplier is 25214903917 and the "
                        "increment 11",
                        f"lcg({s})의 답은 {want}인데, 나온 값은 {got}입니다. 곱하는 수는 25214903917, "
                        "더하는 수는 11입니다."))
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


#: the vocabulary of the read-counting test: large enough that a scan needs hundreds of reads
_COUNT_V = 4096


def _count_cases():
    """A cumulative table of ``_COUNT_V`` words (a Zipf-like law, as in a corpus) and draws spread
    over [0, 1): near 0, near 1 and in between, so no scan from either end finds them all quickly."""
    p = 1.0 / np.arange(1, _COUNT_V + 1) ** 0.75
    cdf = np.cumsum(p / p.sum())
    cdf[-1] = 1.0
    us = [0.0005, 0.02, 0.25, 0.5, 0.75, 0.9, 0.97, 0.995, 0.9999]
    return cdf, us


def max_reads(V):
    """What the check allows: a binary search reads ``ceil(log2(V + 1))`` entries; we allow twice that
    plus two (a search that reads ``cdf[mid]`` twice per step, or checks the ends first)."""
    return 2 * math.ceil(math.log2(V + 1)) + 2


class CountingTable:
    """A read-only table that counts how many entries are read.

    It behaves like a 1-D numpy array for what a search needs (``len(t)``, ``t.size``, ``t.shape``,
    ``t[i]``, ``t[-1]``, slices, comparisons); every entry it hands out counts as one read. Anything
    that turns it into an array (``np.asarray(t)``, ``np.searchsorted(t, u)``, ``t > u``) reads all of it.
    """

    def __init__(self, values):
        self._a = np.asarray(values)
        self.reads = 0

    def __len__(self):
        return self._a.size

    @property
    def size(self):
        return self._a.size

    @property
    def shape(self):
        return self._a.shape

    @property
    def ndim(self):
        return 1

    @property
    def dtype(self):
        return self._a.dtype

    def __getitem__(self, index):
        out = self._a[index]
        self.reads += int(np.size(out))
        return out

    def __iter__(self):
        for i in range(self._a.size):
            yield self[i]

    def __array__(self, dtype=None, copy=None):
        self.reads += self._a.size
        return self._a if dtype is None else self._a.astype(dtype)

    def _whole(self):
        self.reads += self._a.size
        return self._a

    def __lt__(self, other):
        return self._whole() < other

    def __le__(self, other):
        return self._whole() <= other

    def __gt__(self, other):
        return self._whole() > other

    def __ge__(self, other):
        return self._whole() >= other

    def __eq__(self, other):
        return self._whole() == other

    __hash__ = None

    def __repr__(self):
        return f"CountingTable({self._a.size} entries, {self.reads} read so far)"


def _check_draw(answer):
    if not callable(answer):
        raise NotYet(tr("write a function draw(cdf, u) that returns a word id",
                        "단어 ID를 돌려주는 함수 draw(cdf, u)를 작성해 보세요."))
    cdf, us = _draw_cases()
    for u in us:
        got = answer(cdf, u)
        want = _draw_reference(cdf, u)
        try:
            got = int(got)
        except (TypeError, ValueError):
            raise NotYet(tr(f"draw(cdf, {u}) returned {got!r}, not a word id",
                            f"draw(cdf, {u})의 반환값은 단어 ID가 아닙니다. 반환값은 {got!r}입니다."))
        if got == want:
            continue
        if u in cdf and got == want - 1:
            raise NotYet(tr(f"u = {u} equals cdf[{want - 1}] exactly: word {want - 1}'s interval "
                            f"[cdf[{want - 2}], cdf[{want - 1}]) stops before it, so the word is {want} "
                            "(search for the first cdf[i] > u, not >= u)",
                            f"u의 값 {u}이(가) cdf[{want - 1}]의 값과 정확히 같습니다. 단어 {want - 1}의 구간 "
                            f"[cdf[{want - 2}], cdf[{want - 1}])는 그 앞에서 끝나므로 답은 {want}입니다. "
                            ">= u가 아니라 cdf[i] > u인 첫 i를 찾으세요."))
        if got == int(u * len(cdf)):
            raise NotYet(tr("that picks every word with the same probability: the cumulative table "
                            "makes frequent words (wide intervals) more likely; search it",
                            "그렇게 하면 모든 단어를 같은 확률로 고릅니다. 누적 표에서는 자주 나오는 단어(넓은 "
                            "구간)가 더 잘 뽑힙니다. 누적 표를 탐색하세요."))
        raise NotYet(tr(f"draw(cdf, {u:.6f}) should be {want} (cdf[{want}] = {cdf[want]:.6f} is the "
                        f"first entry above u), got {got}",
                        f"draw(cdf, {u:.6f})의 답은 {want}인데, 나온 값은 {got}입니다. "
                        f"u보다 큰 첫 항목은 cdf[{want}] = {cdf[want]:.6f}입니다."))
    src = ""
    try:
        src = inspect.getsource(answer)
    except (OSError, TypeError):
        pass
    if "searchsorted" in src:
        raise NotYet(tr("right answers, but write the binary search yourself (no np.searchsorted)",
                        "답은 맞지만, 이진 탐색을 직접 작성해 보세요(np.searchsorted 없이)."))
    # right answers: now count the reads on a table of _COUNT_V words
    big, big_us = _count_cases()
    limit = max_reads(_COUNT_V)
    log2v = math.log2(_COUNT_V)
    for u in big_us:
        table = CountingTable(big)
        try:
            got = int(answer(table, u))
        except Exception as err:  # noqa: BLE001 - a student's answer may fail in any way
            raise NotYet(tr(f"right answers on a small table, but on a table that counts its reads "
                            f"draw(cdf, {u}) failed ({type(err).__name__}: {err}); use only len(cdf) "
                            "and cdf[i]",
                            f"작은 표에서는 답이 맞지만, 읽은 횟수를 세는 표에서 draw(cdf, {u})가 "
                            f"실패했습니다({type(err).__name__}: {err}). len(cdf)와 cdf[i]만 쓰세요."))
        want = _draw_reference(big, u)
        if got != want:
            raise NotYet(tr(f"on a table of {_COUNT_V:,} words, draw(cdf, {u}) should be {want}, got {got}",
                            f"단어 {_COUNT_V:,}개의 표에서 draw(cdf, {u})의 답은 {want}인데, 나온 값은 "
                            f"{got}입니다."))
        if table.reads > limit:
            raise NotYet(tr(f"right answers, but draw read {table.reads:,} entries of a {_COUNT_V:,}-word "
                            f"table to find u = {u}: that is a scan, O(V). A binary search halves the range "
                            f"at every read, so it needs about log2(V) = {log2v:.0f} reads (we allow "
                            f"{limit}); look at the middle entry and keep the half that holds the answer",
                            f"답은 맞지만, 단어 {_COUNT_V:,}개의 표에서 u = {u}의 답을 찾으려고 항목을 "
                            f"{table.reads:,}개 읽었습니다. 이것은 훑기(scan), 곧 O(V)입니다. 이진 탐색은 "
                            f"읽을 때마다 범위를 절반으로 줄이므로 약 log2(V) = {log2v:.0f}번이면 됩니다"
                            f"(허용 {limit}번). 가운데 항목을 보고, 답이 있는 절반만 남기세요."))
    return None


# --------------------------------------------------------------------------------------------
# 3. predicting the cost of more negatives
# --------------------------------------------------------------------------------------------
def _seconds_reference(k, t2, t8):
    slope = (t8 - t2) / 6  # seconds per extra negative
    return t2 + slope * (k - 2)


def _check_seconds(answer, t2=None, t8=None, t14=None):
    if not callable(answer):
        raise NotYet(tr("write a function seconds(k, t2, t8)", "함수 seconds(k, t2, t8)를 작성해 보세요."))
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
                                "그것은 k에 비례합니다. 시간의 일부(윈도우의 입력 행, 하위 샘플링)는 k와 "
                                "상관없으므로, 0을 지나는 직선이 아니라 (2, t2)와 (8, t8)을 지나는 직선을 "
                                "그으세요."))
            if abs(got - b * k / 8) <= 0.01 * abs(b * k / 8):
                raise NotYet(tr("that line goes through 0: the fixed part of the time does not grow "
                                "with k; use both timings",
                                "그 직선은 0을 지납니다. 시간의 고정된 부분은 k와 함께 늘지 않습니다. 두 "
                                "측정값을 모두 쓰세요."))
            raise NotYet(tr(f"with t2={a}, t8={b}: a straight line through (2, t2) and (8, t8) gives "
                            f"{want:.3f} s at k={k}, your function gives {got:.3f}",
                            f"t2={a}, t8={b}일 때 (2, t2)와 (8, t8)을 지나는 직선은 k={k}에서 "
                            f"{want:.3f}초인데, 여러분의 함수가 준 값은 {got:.3f}초입니다."))
    if t2 is not None and t8 is not None and t14 is not None:
        pred = float(answer(14, t2, t8))
        ratio = pred / t14
        note = (f"your line predicts {pred:.3f} s for 14 negatives; the kernel took {t14:.3f} s "
                f"({ratio:.2f}x)")
        note_ko = (f"여러분의 직선은 부정적 예 14개에 {pred:.3f}초를 예측합니다. 커널은 {t14:.3f}초 "
                   f"걸렸습니다({ratio:.2f}배)")
        if not 0.5 < ratio < 2.0:
            raise NotYet(tr(note + ": more than 2x off. Timings on a busy machine are noisy: re-run "
                            "the timing cell and check again",
                            note_ko + ". 2배 넘게 어긋납니다. 바쁜 컴퓨터에서는 시간 측정에 잡음이 "
                            "많으니, 시간을 재는 셀을 다시 실행하고 다시 확인해 보세요."))
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
                     "답이 [lo, hi) 안에 있도록 lo, hi를 유지하고 mid = (lo + hi) // 2를 보세요. "
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
