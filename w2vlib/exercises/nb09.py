"""Exercises of notebook 09 (the last mile: per-word SGD compiled)."""
from __future__ import annotations

import inspect
import math
from types import SimpleNamespace

import numpy as np

from . import Exercise, NotYet, tr

# --------------------------------------------------------------------------------------------
# 1. the LCG's low bits
# --------------------------------------------------------------------------------------------
def _lcg_reference(state):
    """One step of word2vec.c's generator, as C computes it on a 64-bit unsigned long long."""
    return (state * 25214903917 + 11) % 2**64


def _period_reference(k):
    start = state = 1
    steps = 0
    while True:
        state = (state * 25214903917 + 11) % 2**64  # word2vec.c's generator, 64 bits as in C
        steps += 1
        if state % 2**k == start % 2**k:  # the lowest k bits are back where they started
            return steps


_PERIOD_SOLUTION = inspect.getsource(_period_reference).replace("_period_reference", "period")

#: the bit counts the check tries (16: the bits word2vec.c's subsampling reads)
_PERIOD_KS = (1, 2, 3, 4, 5, 8, 12, 16)


def _check_period(answer):
    if not callable(answer):
        raise NotYet(tr("write a function period(k) that returns a number of steps",
                        "걸음 수를 돌려주는 함수 period(k)를 작성해 보세요."))
    got_of = {}
    for k in _PERIOD_KS:
        got = answer(k)
        if isinstance(got, float) and got.is_integer():
            got = int(got)
        if not isinstance(got, (int, np.integer)) or isinstance(got, bool):
            raise NotYet(tr(f"period({k}) returned {got!r}, not a whole number of steps",
                            f"period({k})에서 돌려준 값({got!r})은 걸음 수(정수)가 아닙니다."))
        got_of[k] = int(got)
    want_of = {k: _period_reference(k) for k in _PERIOD_KS}
    if got_of == want_of:
        return tr("the lowest k bits come back every 2**k steps, so the lowest 16, which word2vec.c's "
                  "subsampling reads, repeat every 65,536 steps of the generator, while the whole 64-bit state "
                  "first comes back after 2**64. Bit j on its own repeats every 2**(j+1) steps: only the top bits "
                  "are worth using. cbow_words and the package take the top 53 (state >> 11); gensim returns "
                  "bits 16 and up of its 48-bit state (random_int32: next_random >> 16)",
                  "하위 k비트는 2**k걸음마다 되돌아옵니다. 그래서 word2vec.c의 하위 샘플링이 읽는 하위 16비트는 "
                  "생성기가 65,536걸음 나아갈 때마다 되풀이되고, 64비트 상태 전체는 2**64걸음이 지나서야 처음으로 "
                  "되돌아옵니다. 비트 j 하나만 보면 2**(j+1)걸음마다 되풀이됩니다. 그래서 쓸 만한 것은 상위 비트뿐입니다. "
                  "cbow_words와 패키지는 상위 53비트(state >> 11)를 쓰고, gensim은 48비트 상태에서 비트 16부터 "
                  "위를 돌려줍니다(random_int32: next_random >> 16)")
    wrong = [k for k in _PERIOD_KS if got_of[k] != want_of[k]]
    k = wrong[0]
    got = got_of[k]
    if all(abs(got_of[j] - want_of[j]) == 1 for j in wrong) and len({got_of[j] - want_of[j] for j in wrong}) == 1:
        others = len(wrong) > 1
        raise NotYet(tr(f"period({k}) = {got} is one step off" + (", and so is every other wrong k" if others else "")
                        + ": count one step per call of the generator, starting at 0 with state 1, and stop at the "
                        "first step whose lowest k bits equal state 1's",
                        f"period({k})에서 돌려준 값({got})은 한 걸음 어긋납니다. "
                        + ("틀린 다른 k도 모두 같은 방향으로 한 걸음 어긋납니다. " if others else "")
                        + "상태 1에서 0걸음으로 시작해 생성기를 한 번 부를 때마다 한 걸음씩 세고, 하위 k비트가 상태 "
                        "1의 하위 k비트와 같아지는 첫 걸음에서 멈춰 보세요."))
    for factor, en, ko in ((0.5, "half", "절반"), (2, "twice", "두 배")):
        if all(got_of[j] == want_of[j] * factor for j in _PERIOD_KS):
            hint = (("compare the lowest k bits, state % 2**k (your comparison behaves as if it used k - 1 of them)",
                     "하위 k비트 전체, 곧 state % 2**k를 비교해 보세요. 지금 비교는 k - 1개 비트만 쓰는 것처럼 "
                     "동작합니다.") if factor < 1 else
                    ("stop at the first step whose lowest k bits equal state 1's (your function goes on past it, "
                     "or compares k + 1 bits)",
                     "하위 k비트가 상태 1의 하위 k비트와 같아지는 첫 걸음에서 멈춰 보세요. 지금 함수는 그 걸음을 "
                     "지나치거나 k + 1개 비트를 비교합니다."))
            raise NotYet(tr(f"period({k}) = {got} is {en} the right number of steps, and so is period(k) for "
                            f"every k tried: {hint[0]}",
                            f"period({k})에서 돌려준 값({got})은 올바른 걸음 수의 {ko}이고, 시험한 모든 k에서 그렇습니다. "
                            + hint[1]))
    if k > 1 and got == _period_reference(1):
        raise NotYet(tr(f"period({k}) = {got}: that is the period of the lowest bit alone; compare all "
                        f"of the lowest k bits, state % 2**k",
                        f"period({k})에서 돌려준 값({got})은 가장 낮은 비트 하나의 주기입니다. 하위 k비트 전체, "
                        "곧 state % 2**k를 비교해 보세요."))
    step = got_of[2] - got_of[1]
    if step > 0 and all(got_of[j] == got_of[1] + (j - 1) * step for j in _PERIOD_KS):
        raise NotYet(tr(f"period({k}) = {got}: your period grows by the same {step} step{'s' if step > 1 else ''} "
                        "with every extra bit, "
                        "a straight line in k, and the generator's does not. Run the generator (do not guess a "
                        "formula) and print period(k) for k = 1 to 8 to see how it grows",
                        f"period({k})에서 돌려준 값({got})은 비트가 하나 늘 때마다 똑같이 {step}걸음씩 늘어나는 "
                        "직선인데, 생성기의 주기는 그렇게 늘지 않습니다. 공식을 짐작하지 말고 생성기를 실제로 "
                        "돌려서 k = 1부터 8까지 period(k)를 출력해 어떻게 늘어나는지 보세요."))
    raise NotYet(tr(f"period({k}) = {got} is not right: start from state 1, step word2vec.c's generator "
                    "(multiplier 25214903917, increment 11, modulo 2**64), and stop at the first step "
                    "where state % 2**k equals 1 % 2**k",
                    f"period({k})에서 돌려준 값({got})은 맞지 않습니다. 상태 1에서 시작해 word2vec.c의 생성기(곱하는 "
                    "수 25214903917, 더하는 수 11, 2**64로 나눈 나머지)로 한 걸음씩 나아가고, "
                    "state % 2**k가 1 % 2**k와 같아지는 첫 걸음에서 멈춰 보세요."))


# --------------------------------------------------------------------------------------------
# 2. bisection of the cumulative table

#: library calls that do the whole exercise in one line (found by name even when the source cannot be read)
_LIBRARY_SEARCHES = {"searchsorted", "bisect", "bisect_right", "bisect_left", "digitize"}


def _names(code) -> set:
    """Every global and attribute name a function's code (and the code nested in it) uses."""
    if code is None:
        return set()
    names = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= _names(const)
    return names
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
    """What the check allows: a binary search reads ``ceil(log2(V + 1))`` entries; we allow four times that
    plus four (a search that reads ``cdf[mid]`` and its neighbour two or three times per step, or checks the
    ends first). A scan reads hundreds of entries on this table, so the margin cannot let one through."""
    return 4 * math.ceil(math.log2(V + 1)) + 4


class CountingTable:
    """A read-only table that counts how many entries are read.

    It behaves like a 1-D numpy array for what a search needs (``len(t)``, ``t.size``, ``t.shape``,
    ``t[i]``, ``t[-1]``, slices, comparisons); every entry it hands out counts as one read. Anything
    that turns it into an array (``np.asarray(t)``, ``np.searchsorted(t, u)``, ``t > u``) reads all of it.
    ``converted`` counts the conversions by ``np.asarray`` / ``np.array``: on a real numpy array such a
    conversion copies nothing, so the check reports it apart from a scan. A slice ``t[a:b]`` is, as in numpy,
    a view that reads nothing: it is another counting table over the same entries, sharing the counts.
    """

    def __init__(self, values, _counts=None):
        self._a = np.asarray(values)
        self._counts = SimpleNamespace(reads=0, converted=0) if _counts is None else _counts  # shared with slices

    reads = property(lambda self: self._counts.reads, doc="entries read so far (this table and its slices)")
    converted = property(lambda self: self._counts.converted, doc="conversions by np.asarray / np.array")

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
        if isinstance(index, slice):  # a view, as in numpy: reading its entries is what counts
            return CountingTable(self._a[index], self._counts)
        out = self._a[index]
        self._counts.reads += int(np.size(out))
        return out

    def __iter__(self):
        for i in range(self._a.size):
            yield self[i]

    def __array__(self, dtype=None, copy=None):
        self._counts.reads += self._a.size
        self._counts.converted += 1
        return self._a if dtype is None else self._a.astype(dtype)

    def _whole(self):
        self._counts.reads += self._a.size
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
            start = "0" if want - 1 == 0 else f"cdf[{want - 2}]"
            raise NotYet(tr(f"u = {u} equals cdf[{want - 1}] exactly: word {want - 1}'s interval "
                            f"[{start}, cdf[{want - 1}]) stops before it, so the word is {want} "
                            "(search for the first cdf[i] > u, not >= u)",
                            f"u와 cdf[{want - 1}]의 값이 정확히 같습니다(u = {u}). 단어 {want - 1}의 구간 "
                            f"[{start}, cdf[{want - 1}])는 그 앞에서 끝나므로 답은 {want}입니다. "
                            ">= u가 아니라 cdf[i] > u인 첫 i를 찾아 보세요."))
        if got == int(u * len(cdf)):
            raise NotYet(tr("that picks every word with the same probability: the cumulative table "
                            "makes frequent words (wide intervals) more likely; search it",
                            "그렇게 하면 모든 단어를 같은 확률로 고릅니다. 누적 표에서는 자주 나오는 단어(넓은 "
                            "구간)가 더 잘 뽑힙니다. 누적 표를 탐색해 보세요."))
        raise NotYet(tr(f"draw(cdf, {u:.6f}) should be {want} (cdf[{want}] = {cdf[want]:.6f} is the "
                        f"first entry above u), got {got}",
                        f"draw(cdf, {u:.6f})의 답은 {want}인데, 나온 값은 {got}입니다. "
                        f"u보다 큰 첫 항목은 cdf[{want}] = {cdf[want]:.6f}입니다."))
    src = ""
    try:
        src = inspect.getsource(answer)
    except (OSError, TypeError):
        pass
    if "searchsorted" in src or "bisect" in src or _LIBRARY_SEARCHES & _names(getattr(answer, "__code__", None)):
        raise NotYet(tr("right answers, but write the binary search yourself (no np.searchsorted, no bisect)",
                        "답은 맞지만, 이진 탐색을 직접 작성해 보세요(np.searchsorted도 bisect도 없이)."))
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
                            f"실패했습니다({type(err).__name__}: {err}). len(cdf)와 cdf[i]만 써 보세요."))
        want = _draw_reference(big, u)
        if got != want:
            raise NotYet(tr(f"on a table of {_COUNT_V:,} words, draw(cdf, {u}) should be {want}, got {got}",
                            f"단어 {_COUNT_V:,}개의 표에서 draw(cdf, {u})의 답은 {want}인데, 나온 값은 "
                            f"{got}입니다."))
        if table.reads > limit and table.converted:
            raise NotYet(tr("right answers, but draw turns the whole table into an array (np.asarray(cdf) or "
                            "np.array(cdf)). This check hands draw a table that counts its reads, and it can "
                            "only count reads made with len(cdf) and cdf[i]: after the conversion it cannot tell "
                            "a search from a scan. On the notebook's cdf, already a numpy array, np.asarray "
                            "copies nothing (though a comparison such as cdf > u would still read all V "
                            "entries); remove the conversion and index cdf directly, so that the check can count "
                            "the reads",
                            "답은 맞지만, draw가 표 전체를 배열로 바꿉니다(np.asarray(cdf)나 np.array(cdf)). 이 "
                            "확인은 읽은 횟수를 세는 표를 draw에 넘기는데, len(cdf)와 cdf[i]로 읽은 것만 셀 수 "
                            "있으므로 배열로 바꾼 뒤에는 탐색과 훑기를 가려내지 못합니다. 노트북의 cdf는 이미 numpy "
                            "배열이라 np.asarray가 아무것도 복사하지 않습니다(다만 cdf > u 같은 비교는 여전히 항목 "
                            "V개를 모두 읽습니다). 변환을 지우고 cdf를 바로 인덱싱해서, 확인이 읽은 횟수를 셀 수 "
                            "있게 해 보세요"))
        if table.reads > limit:
            raise NotYet(tr(f"right answers, but draw read {table.reads:,} entries of a {_COUNT_V:,}-word "
                            f"table to find u = {u}, more than a binary search needs: that is a scan, O(V). A "
                            f"binary search halves the range at every step, so it needs about log2(V) = "
                            f"{log2v:.0f} steps (we allow {limit} reads); look at the middle entry and keep "
                            "the half that holds the answer",
                            f"답은 맞지만, 단어 {_COUNT_V:,}개의 표에서 u = {u}의 답을 찾으려고 항목을 "
                            f"{table.reads:,}개 읽었습니다. 이진 탐색에 필요한 것보다 많으므로 이것은 훑기(scan), "
                            f"곧 O(V)입니다. 이진 탐색은 단계마다 범위를 절반으로 줄이므로 약 log2(V) = "
                            f"{log2v:.0f}단계면 됩니다(읽기 허용 {limit}번). 가운데 항목을 보고, 답이 있는 절반만 "
                            "남겨 보세요."))
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
    cases = [(a, b, k) for (a, b) in ((1.0, 2.5), (3.0, 4.2), (0.5, 0.6)) for k in (2, 5, 8, 14, 20)]
    got = {(a, b, k): float(answer(k, a, b)) for a, b, k in cases}

    def close(x, y):
        return abs(x - y) <= 0.01 * abs(y)

    if all(close(got[a, b, k], _seconds_reference(k, a, b)) for a, b, k in cases):
        pass
    elif all(close(got[a, b, k], a * k / 2) for a, b, k in cases):
        raise NotYet(tr("that is proportional to k: part of the time does not depend on k (the "
                        "window's input rows, subsampling), so draw a straight line through "
                        "(2, t2) and (8, t8) instead of through 0",
                        "그것은 k에 비례합니다. 시간의 일부(윈도우의 입력 행, 하위 샘플링)는 k와 "
                        "상관없으므로, 0을 지나는 직선이 아니라 (2, t2)와 (8, t8)을 지나는 직선을 "
                        "그어 보세요."))
    elif all(close(got[a, b, k], b * k / 8) for a, b, k in cases):
        raise NotYet(tr("that line goes through 0: the fixed part of the time does not grow "
                        "with k; use both timings",
                        "그 직선은 0을 지납니다. 시간의 고정된 부분은 k와 함께 늘지 않습니다. 두 "
                        "측정값을 모두 써 보세요."))
    else:
        for a, b, k in cases:
            if k in (2, 8) and not close(got[a, b, k], a if k == 2 else b):
                given = "t2" if k == 2 else "t8"
                raise NotYet(tr(f"with t2={a}, t8={b}: your line gives {got[a, b, k]:.3f} s at k={k}, "
                                f"where it should give {given} = {a if k == 2 else b}: the line goes through "
                                "(2, t2) and (8, t8)",
                                f"t2={a}, t8={b}일 때 여러분의 직선은 k={k}에서 {got[a, b, k]:.3f}초인데, "
                                f"그 점에서는 {given} 값({a if k == 2 else b}초)을 주어야 합니다. 직선은 (2, t2)와 "
                                "(8, t8)을 지납니다."))
        for a, b, k in cases:
            want = _seconds_reference(k, a, b)
            if not close(got[a, b, k], want):
                raise NotYet(tr(f"with t2={a}, t8={b}: a straight line through (2, t2) and (8, t8) gives "
                                f"{want:.3f} s at k={k}, your function gives {got[a, b, k]:.3f}",
                                f"t2={a}, t8={b}일 때 (2, t2)와 (8, t8)을 지나는 직선은 k={k}에서 "
                                f"{want:.3f}초인데, 여러분의 함수가 준 값은 {got[a, b, k]:.3f}초입니다."))
    if t2 is not None and t8 is not None and t14 is not None:
        pred = float(answer(14, t2, t8))
        ratio = pred / t14
        note = (f"your line predicts {pred:.3f} s for 14 negatives; the kernel took {t14:.3f} s "
                f"({ratio:.2f}x)")
        note_ko = (f"여러분의 직선은 부정적 예 14개에 {pred:.3f}초를 예측합니다. 커널은 {t14:.3f}초 "
                   f"걸렸습니다({ratio:.2f}배)")
        if not 0.5 < ratio < 2.0:  # the line is right (tested above): the timing went wrong, not the answer
            return tr(note + ": more than 2x off, so the timing, not your line, is off (a busy computer); re-run "
                      "the timing cell above, then this one, to compare again",
                      note_ko + ". 2배 넘게 어긋나는 것은 여러분의 직선이 아니라 시간 측정(바쁜 컴퓨터) 탓입니다. "
                      "다시 비교하려면 위의 시간을 재는 셀을 다시 실행한 다음 이 셀을 실행해 보세요")
        return tr(note, note_ko)
    return None


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (the LCG's low bits)", "문제 1 (LCG의 하위 비트)"),
        checker=_check_period,
        hint_text=tr("Step the generator from state 1 and count the steps until state % 2**k == 1 % 2**k. "
                     "Print period(k) for k = 1 ... 8: what pattern do you see?",
                     "상태 1에서 생성기를 한 걸음씩 나아가며, state % 2**k == 1 % 2**k가 될 때까지 걸음 수를 "
                     "세어 보세요. k = 1 ... 8에 대해 period(k)를 출력해 보면 어떤 규칙이 보이나요?"),
        solution_text=tr(_PERIOD_SOLUTION,
                         _PERIOD_SOLUTION.replace("# word2vec.c's generator, 64 bits as in C",
                                                  "# word2vec.c의 생성기, C처럼 64비트")
                         .replace("# the lowest k bits are back where they started",
                                  "# 하위 k비트가 처음 값으로 돌아왔습니다")),
        reference=lambda **_: _period_reference,
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
        hint_text=tr("Each extra negative adds about the same time. Going from k = 2 to k = 8 adds six of them: "
                     "what does one add? Start from t2 at k = 2.",
                     "부정적 예 하나를 더할 때마다 거의 같은 시간이 늘어납니다. k = 2에서 k = 8로 가면 여섯 개가 "
                     "늘어납니다. 하나가 늘 때는 얼마일지 생각해 보고, k = 2의 t2에서 시작해 보세요."),
        solution_text=tr("def seconds(k, t2, t8):\n    slope = (t8 - t2) / 6  # seconds per extra "
                         "negative\n    return t2 + slope * (k - 2)",
                         "def seconds(k, t2, t8):\n    slope = (t8 - t2) / 6  # 부정적 예 하나가 늘 때마다 "
                         "더해지는 초\n    return t2 + slope * (k - 2)"),
        reference=lambda **_: _seconds_reference,
    ),
]
