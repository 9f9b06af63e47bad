"""Exercises of notebook 10 (the other road: hierarchical softmax, and skip-gram)."""
from __future__ import annotations

import difflib
import inspect
import math
import warnings

import numpy as np

from . import Exercise, NotYet, tr

# --------------------------------------------------------------------------------------------
# 1. a Huffman code length by hand
# --------------------------------------------------------------------------------------------
#: The exercise's five words and their counts (no ties anywhere in the merges: one answer).
Q1_COUNTS = {"the": 20, "cat": 9, "sat": 6, "on": 4, "mat": 3}


def _q1_reference(**_):
    from ..hierarchical_softmax import code_lengths, huffman_codes

    words = list(Q1_COUNTS)
    codes, _ = huffman_codes(np.array([Q1_COUNTS[w] for w in words]))
    return {w: int(n) for w, n in zip(words, code_lengths(codes))}


def _q1_key_problem(answer, words):
    """Name the misspelled, missing and unexpected keys of a dict answer."""
    missing = [w for w in words if w not in answer]
    extra, fixes = [], []
    for k in answer:
        if k in words:
            continue
        close = difflib.get_close_matches(str(k).strip().lower(), missing, n=1, cutoff=0.6)
        if close:                                   # 'The', 'the ', 'sta': a word written differently
            missing.remove(close[0])
            fixes.append((k, close[0]))
        else:
            extra.append(k)
    en = [f"{k!r} should be {w!r}" for k, w in fixes]
    ko = ["고칠 키는 " + ", ".join(f"{k!r} → {w!r}" for k, w in fixes) + "입니다"] if fixes else []
    if missing:
        en.append("missing: " + ", ".join(map(repr, missing)))
        ko.append("빠진 단어는 " + ", ".join(map(repr, missing)) + "입니다")
    if extra:
        en.append("unexpected: " + ", ".join(map(repr, extra)))
        ko.append("필요 없는 키는 " + ", ".join(map(repr, extra)) + "입니다")
    return tr("the keys must be the five words as written, 'the', 'cat', 'sat', 'on', 'mat' (lower case): "
              + "; ".join(en),
              "키는 다섯 단어를 적힌 그대로('the', 'cat', 'sat', 'on', 'mat', 소문자) 써야 합니다. "
              + ". ".join(ko))


def _check_q1(answer):
    words = list(Q1_COUNTS)
    if isinstance(answer, (list, tuple, np.ndarray)):
        raise NotYet(tr("give a dict, not a list: a list does not say which length belongs to which word. "
                        "Write {'the': ..., 'cat': ..., 'sat': ..., 'on': ..., 'mat': ...}",
                        "리스트가 아니라 dict로 답해 보세요. 리스트로는 어느 길이가 어느 단어의 것인지 알 수 "
                        "없습니다. {'the': ..., 'cat': ..., 'sat': ..., 'on': ..., 'mat': ...}"))
    if not isinstance(answer, dict):
        raise NotYet(tr(f"give a dict with one code length per word: {{'the': ..., 'cat': ..., 'sat': ..., "
                        f"'on': ..., 'mat': ...}}",
                        f"단어마다 코드 길이 하나씩 담은 dict로 답해 보세요. {{'the': ..., 'cat': ..., 'sat': ..., "
                        f"'on': ..., 'mat': ...}}"))
    if set(answer) != set(words):
        raise NotYet(_q1_key_problem(answer, words))
    if any(isinstance(answer[w], (bool, np.bool_)) for w in words):
        raise NotYet(tr("a code length is a number of steps, not True or False",
                        "코드 길이는 단계 수이지 True나 False가 아닙니다"))
    def looks_like_a_code(v):
        if isinstance(v, str):
            return v != "" and set(v) <= {"0", "1"}
        return np.ndim(v) == 1 and np.size(v) > 0 and all(x in (0, 1) for x in np.asarray(v).tolist())

    if all(looks_like_a_code(answer[w]) for w in words):
        raise NotYet(tr("these look like the codes themselves (strings or lists of bits); give their lengths, the "
                        "number of bits of each code (len(code))",
                        "이것은 코드 자체(비트의 문자열이나 리스트)로 보입니다. 코드마다 비트의 수, 곧 len(code)인 "
                        "길이로 답해 보세요"))
    try:
        got = {w: int(answer[w]) for w in words}
    except (TypeError, ValueError):
        raise NotYet(tr("each code length is a whole number of steps (sigmoids)",
                        "코드 길이는 단계(시그모이드) 수이므로 정수입니다"))
    if any(got[w] != answer[w] for w in words):
        raise NotYet(tr("each code length is a whole number of steps (sigmoids)",
                        "코드 길이는 단계(시그모이드) 수이므로 정수입니다"))
    want = _q1_reference()
    if got == want:
        n = sum(Q1_COUNTS.values())
        mean = sum(Q1_COUNTS[w] * want[w] for w in words) / n
        return tr(f"{mean:.2f} sigmoids per word of this text on average; a balanced tree over 5 words needs "
                  f"2 or 3 for every word",
                  f"이 글의 단어 하나에 평균 시그모이드 {mean:.2f}개입니다. 단어 5개의 균형 트리는 단어마다 "
                  f"2개나 3개가 필요합니다")
    if any(v < 1 for v in got.values()):
        raise NotYet(tr("every word sits below the root: its path has at least one step",
                        "모든 단어는 루트 아래에 있으므로 경로가 적어도 한 단계입니다"))
    kraft = sum(2.0 ** -v for v in got.values())
    if abs(kraft - 1) > 1e-12:
        raise NotYet(tr(f"these lengths do not fit a full binary tree: sum of 2^-length is {kraft:g}, not 1 "
                        "(every inner node has exactly two children)",
                        f"이 길이들로는 완전한 이진 트리가 되지 않습니다. 2^-길이의 합이 1이 아니라 {kraft:g}입니다 "
                        "(내부 노드마다 자식이 정확히 둘입니다)"))
    if sorted(got.values()) == [2, 2, 2, 3, 3]:
        raise NotYet(tr("that is a balanced tree: it ignores the counts. Huffman merges the two smallest "
                        "counts first, so 'the' (20 of 42) ends up right below the root",
                        "그것은 횟수를 무시한 균형 트리입니다. 허프만은 가장 작은 두 횟수부터 합치므로, "
                        "'the'(42번 중 20번)는 루트 바로 아래에 옵니다"))
    freq_order = sorted(words, key=lambda w: -Q1_COUNTS[w])
    if any(got[a] > got[b] for a, b in zip(freq_order, freq_order[1:])):
        raise NotYet(tr("a more frequent word got a longer code: Huffman gives the frequent words the short "
                        "paths", "더 자주 나오는 단어가 더 긴 코드를 받았습니다. 허프만은 자주 나오는 단어에 "
                        "짧은 경로를 줍니다"))
    raise NotYet(tr("a valid tree, but not the one Huffman builds: merge the two smallest counts (3 + 4), "
                    "then again the two smallest of what is left, until one node remains",
                    "올바른 트리이지만 허프만이 만드는 트리는 아닙니다. 가장 작은 두 횟수(3 + 4)를 합치고, "
                    "남은 것 중 가장 작은 둘을 다시 합치기를 노드가 하나 남을 때까지 반복해 보세요"))


# --------------------------------------------------------------------------------------------
# 2. the path probability as a product of sigmoids
# --------------------------------------------------------------------------------------------
def _path_probability_reference(h, W, code, point):
    p = 1.0
    for c, node in zip(code, point):
        x = float(h @ W[node])
        p *= 1 / (1 + np.exp(-x)) if c == 0 else 1 / (1 + np.exp(x))  # code 0: sigmoid(x), code 1: sigmoid(-x)
    return p


_Q2_SOLUTION = inspect.getsource(_path_probability_reference).replace("_path_probability_reference",
                                                                      "path_probability")


def _q2_case(seed):
    from ..hierarchical_softmax import HierarchicalSoftmaxLoss, huffman_codes

    rng = np.random.default_rng(seed)
    V, H = 11, 4
    codes, points = huffman_codes(rng.integers(1, 30, V))
    layer = HierarchicalSoftmaxLoss(rng.standard_normal((V - 1, H)), codes, points)
    h = rng.standard_normal(H)
    return layer, h


def _answers(answer, h, W, codes, points):
    """The student's P for every word, as floats; NotYet for None or an array."""
    got = []
    for code, point in zip(codes, points):
        p = answer(h, W, code, point)
        if p is None:
            raise NotYet(tr("your function returned None: end it with `return p`",
                            "함수가 None을 돌려주었습니다. 마지막에 `return p`를 써 보세요"))
        if np.ndim(p) > 0:
            raise NotYet(tr(f"return one float (for example float(p)), not a list or array of shape {np.shape(p)}",
                            f"리스트나 배열(형상 {np.shape(p)})이 아니라 float 하나를 돌려줘 보세요 (예: float(p))"))
        got.append(float(p))
    return np.array(got)


def _right_with_int_codes(answer, h, W, codes, points, want):
    """Whether the answer matches the layer once the uint8 codes are cast to int (the sign trick 1 - 2*code
    wraps around in uint8: 1 - 2 is 255)."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            got = _answers(answer, h, W, [c.astype(np.int64) for c in codes], points)
    except Exception:
        return False
    return bool(np.allclose(got, want, rtol=1e-5, atol=0))


_UINT8 = tr("code is a uint8 array (gensim's dtype), and unsigned integers cannot go below 0: for example 1 - 2*code "
            "gives 255 where you want -1. Cast it first: code.astype(int) (with that cast your function matches the "
            "layer)",
            "code는 uint8 배열(gensim의 dtype)이고, 부호 없는 정수는 0 아래로 내려가지 못합니다. 예를 들어 1 - 2*code는 "
            "-1이 아니라 255가 됩니다. 먼저 code.astype(int)로 바꿔 보세요 (그렇게 바꾸면 여러분의 함수가 계층과 "
            "같은 값을 냅니다)")


def _check_q2(answer):
    if not callable(answer):
        raise NotYet(tr("write a function path_probability(h, W, code, point)",
                        "함수 path_probability(h, W, code, point)를 작성해 보세요"))
    for seed in (0, 1, 2):
        layer, h = _q2_case(seed)
        W = layer.params[0]
        want = layer.probabilities(h)
        try:
            got = _answers(answer, h, W, layer.codes, layer.points)
        except NotYet:
            raise
        except Exception:
            if _right_with_int_codes(answer, h, W, layer.codes, layer.points, want):
                raise NotYet(_UINT8)
            raise
        if np.allclose(got, want, rtol=1e-5, atol=0):   # float32 precision is fine
            continue
        if _right_with_int_codes(answer, h, W, layer.codes, layer.points, want):
            raise NotYet(_UINT8)
        swapped = np.array([_path_probability_reference(h, W, 1 - layer.codes[w], layer.points[w])
                            for w in range(len(want))])
        if np.allclose(got, swapped, rtol=1e-5):
            raise NotYet(tr("the sign is the other way round: code 0 takes sigmoid(+x) and code 1 "
                            "sigmoid(-x) (word2vec.c's label is 1 - code)",
                            "부호가 반대입니다. 코드 0은 sigmoid(+x), 코드 1은 sigmoid(-x)를 씁니다 "
                            "(word2vec.c의 레이블은 1 - code)"))
        if np.allclose(got, np.log(want), rtol=1e-5):
            raise NotYet(tr("that is log P (a sum of log-sigmoids): return the probability itself",
                            "그것은 log P(로그 시그모이드의 합)입니다. 확률 자체를 돌려줘 보세요"))
        if np.allclose(got, -np.log(want), rtol=1e-5):
            raise NotYet(tr("that is -log P, the loss that forward() averages: return the probability itself",
                            "그것은 forward()가 평균하는 손실 -log P입니다. 확률 자체를 돌려줘 보세요"))
        if np.all(got > 0) and abs(got.sum() - 1) > 1e-6:
            raise NotYet(tr(f"your probabilities of the {len(want)} words sum to {got.sum():.4f}, not 1: "
                            "multiply one sigmoid per inner node on the path, sigmoid(x) or sigmoid(-x) by "
                            "the code",
                            f"단어 {len(want)}개의 확률을 더하면 1이 아니라 {got.sum():.4f}입니다. 경로의 내부 "
                            "노드마다 시그모이드 하나씩, 코드에 따라 sigmoid(x) 또는 sigmoid(-x)를 곱해 보세요"))
        w = int(np.argmax(np.abs(got - want)))
        rel = abs(got[w] - want[w]) / want[w]
        raise NotYet(tr(f"for word {w} the layer gives P = {want[w]:.6g}, your function {got[w]:.6g} "
                        f"(relative difference {rel:.2g}; up to 1e-5 is accepted)",
                        f"단어 {w}의 확률이 계층으로는 P = {want[w]:.6g}, 여러분의 함수로는 {got[w]:.6g}입니다 "
                        f"(상대 차이 {rel:.2g}, 1e-5까지 받아들입니다)"))
    return tr("your product matches HierarchicalSoftmaxLoss.probabilities for every word, and the V "
              "probabilities sum to 1",
              "여러분의 곱이 모든 단어에서 HierarchicalSoftmaxLoss.probabilities와 같고, V개 확률의 합은 1입니다")


# --------------------------------------------------------------------------------------------
# 3. predict the slope of the HS cost against V
# --------------------------------------------------------------------------------------------
#: With ``theory`` (the slope of the mean path length the notebook computed), |prediction - theory| up to this.
Q3_TOLERANCE = 0.06
#: Without it (the notebook fits slopes only when VOCAB_SIZES spans at least 10x), the prediction is graded
#: against theory alone: the log-log slope of log2 V over the student's sizes (1,000 .. 100,000 when none are
#: given), d ln(log V) / d ln V = 1 / ln V, about 0.11 there. The mean path of a Zipf text grows a little
#: slower than log V (0.093 against 0.111 over 1,000 .. 100,000), hence the wider margin.
Q3_LOG_V_TOLERANCE = 0.08
#: The range of VOCAB_SIZES (max / min) from which the notebook fits its slopes.
Q3_MIN_RANGE = 10.0


def _sizes(vocab_sizes):
    """The distinct vocabulary sizes (sorted), or None when they cannot give a slope."""
    if vocab_sizes is None:
        return None
    try:
        sizes = sorted({float(v) for v in vocab_sizes})
    except (TypeError, ValueError):
        return None
    return sizes if len(sizes) >= 2 and sizes[0] >= 2 else None


def _log_v_slope(sizes):
    from ..timing import loglog_slope

    return loglog_slope(sizes, np.log2(sizes))


def _check_q3(answer, theory=None, measured=None, vocab_sizes=None):
    if isinstance(answer, (bool, np.bool_)):
        raise NotYet(tr("give one number (the log-log slope you predict), not True or False",
                        "True나 False가 아니라 숫자 하나(예측한 로그-로그 기울기)로 답해 보세요"))
    if isinstance(answer, (str, bytes)):
        raise NotYet(tr("give one number, not a string: write it without quotes",
                        "문자열이 아니라 숫자 하나로 답해 보세요. 따옴표 없이 씁니다"))
    try:
        pred = float(answer)
    except (TypeError, ValueError):
        raise NotYet(tr("give one number: the log-log slope you predict (0 = flat, 1 = proportional to V)",
                        "숫자 하나로 답해 보세요. 예측한 로그-로그 기울기 (0 = 평평함, 1 = V에 비례)"))
    if not math.isfinite(pred):
        raise NotYet(tr("give a finite number", "유한한 숫자로 답해 보세요"))
    sizes = _sizes(vocab_sizes)
    if theory is not None:
        lo, hi = theory - Q3_TOLERANCE, theory + Q3_TOLERANCE
    else:
        log_v = _log_v_slope(sizes or [1_000.0, 100_000.0])
        lo, hi = log_v - Q3_LOG_V_TOLERANCE, log_v + Q3_LOG_V_TOLERANCE
    if pred > 1.5:
        raise NotYet(tr("that looks like a length (the mean path length, or log2 V), not a slope: the question asks "
                        "how steeply the work per example (the mean path length) grows on a log-log plot, 0 = flat, "
                        "1 = proportional to V",
                        "그것은 로그-로그 기울기가 아니라 길이(평균 경로 길이나 log2 V)로 보입니다. 문제는 로그-로그 "
                        "그래프에서 학습 예 하나당 일의 양(평균 경로 길이)이 얼마나 가파르게 자라는지를 묻습니다. 0은 평평함, "
                        "1은 V에 비례입니다"))
    if pred > 0.75:
        raise NotYet(tr("that is the softmax's slope: it scores all V words. Hierarchical softmax scores only "
                        "the inner nodes on one path, about log2 V of them",
                        "그것은 소프트맥스의 로그-로그 기울기입니다. 소프트맥스는 V개 단어를 모두 점수 매깁니다. "
                        "계층적 소프트맥스는 경로 하나의 내부 노드, 약 log2 V개만 계산합니다"))
    # with the notebook's slope (measured mode) the near misses also give the accepted band
    band_en = f" Accepted: {lo:.2f} .. {hi:.2f}" if theory is not None else ""
    band_ko = f" 정답으로 받는 범위는 {lo:.2f} ~ {hi:.2f}입니다" if theory is not None else ""
    end_en, end_ko = ("." + band_en, "." + band_ko) if theory is not None else ("", "")
    if measured is not None and not lo <= pred <= hi:
        m = np.atleast_1d(np.asarray(measured, dtype=float))
        m = m[np.isfinite(m)]
        med = float(np.median(m)) if m.size else math.nan
        if m.size and (m.min() - 0.01 <= pred <= m.max() + 0.01 or abs(pred - med) <= 0.03):
            raise NotYet(tr(f"that is the timed slope (median {med:.2f}, range {m.min():.2f} .. {m.max():.2f} "
                            f"over {m.size} sweeps), which also holds per-call overhead and memory traffic: the "
                            f"exercise asks for the slope of the mean path length, the counted work. "
                            f"Accepted: {lo:.2f} .. {hi:.2f}",
                            f"그것은 잰 시간의 로그-로그 기울기입니다({m.size}번 측정의 중앙값 {med:.2f}, 범위 "
                            f"{m.min():.2f} ~ {m.max():.2f}). 잰 시간에는 호출마다 드는 비용과 메모리 이동까지 "
                            f"담깁니다. 문제는 평균 경로 길이, 즉 세어 본 일의 양의 로그-로그 기울기를 묻습니다. "
                            f"정답으로 받는 범위는 {lo:.2f} ~ {hi:.2f}입니다"))
    if pred > hi:
        v0, v1 = (sizes[0], sizes[-1]) if sizes else (1_000, 100_000)
        raise NotYet(tr(f"too steep: the path length grows like log V, and on a log-log plot log V is almost "
                        f"flat (from V = {v0:,.0f} to {v1:,.0f}, V grows {v1 / v0:,.0f}x but log2 V only from "
                        f"{math.log2(v0):.1f} to {math.log2(v1):.1f})" + end_en,
                        f"너무 가파릅니다. 경로 길이는 log V처럼 자라고, 로그-로그 그래프에서 log V는 거의 "
                        f"평평합니다 (V = {v0:,.0f}에서 {v1:,.0f}까지 V는 {v1 / v0:,.0f}배가 되지만 log2 V는 "
                        f"{math.log2(v0):.1f}에서 {math.log2(v1):.1f}까지만 자랍니다)" + end_ko))
    if pred < -0.05:
        raise NotYet(tr("the work does not fall as V grows: the mean path gets (a little) longer, so its "
                        "log-log slope is above 0 (a timing slope below 0 is noise, not less work)" + end_en,
                        "V가 커질수록 일의 양이 줄지는 않습니다. 평균 경로가 (조금) 길어지므로 그 로그-로그 기울기는 "
                        "0보다 큽니다 (시간 측정의 로그-로그 기울기가 0보다 작다면 그것은 잡음이지, 일이 준 것이 "
                        "아닙니다)" + end_ko))
    if pred < lo:
        raise NotYet(tr("close, but that is (nearly) flat, the slope of negative sampling's constant k + 1. The "
                        "mean path grows like log V, a little: what is the slope of log V against V on a "
                        "log-log plot?" + band_en,
                        "가깝지만 그것은 (거의) 평평한 값, 즉 네거티브 샘플링의 일정한 k + 1의 로그-로그 "
                        "기울기입니다. 평균 경로는 log V처럼 조금씩 자랍니다. 로그-로그 그래프에서 V에 대한 "
                        "log V의 로그-로그 기울기는 얼마일까요?" + band_ko))
    if theory is None:
        v0, v1 = (sizes[0], sizes[-1]) if sizes else (1_000, 100_000)
        en = (f"graded against theory only: over V = {v0:,.0f} .. {v1:,.0f} the log-log slope of log2 V is "
              f"{log_v:.2f} (the mean path grows about like log V; accepted: {lo:.2f} .. {hi:.2f})")
        ko = (f"채점은 이론으로만 했습니다. V = {v0:,.0f} ~ {v1:,.0f}에서 log2 V의 로그-로그 기울기는 "
              f"{log_v:.2f}이고(평균 경로는 대략 log V처럼 자랍니다), 정답으로 받는 범위는 {lo:.2f} ~ {hi:.2f}입니다")
        if sizes is not None and sizes[-1] < Q3_MIN_RANGE * sizes[0]:
            ratio = sizes[-1] / sizes[0]
            en += (f". No slope was fitted to the mean path or to the timing: VOCAB_SIZES spans only "
                   f"{ratio:.1f}x, and the notebook fits slopes over a range of at least {Q3_MIN_RANGE:.0f}x "
                   "(give it one and re-run the notebook to compare your prediction with them)")
            ko += (f". 평균 경로와 시간 측정에는 로그-로그 기울기를 맞추지 않았습니다. VOCAB_SIZES의 범위가 "
                   f"{ratio:.1f}배뿐인데, 노트북은 {Q3_MIN_RANGE:.0f}배 이상의 범위에서만 로그-로그 기울기를 "
                   "구하기 때문입니다. 그 값들과 비교하려면 범위를 10배 이상으로 하고 노트북을 다시 실행해 보세요")
        else:
            en += (". The notebook's slope of the mean path was not passed (theory=None), so the prediction is not "
                   "compared with it")
            ko += (". 노트북이 구한 평균 경로의 로그-로그 기울기가 넘어오지 않았으므로(theory=None) 그것과는 "
                   "비교하지 않았습니다")
        return tr(en, ko)
    en = f"graded against the slope of the mean path length: {theory:.2f} (accepted: {lo:.2f} .. {hi:.2f})"
    ko = (f"채점 기준은 평균 경로 길이의 로그-로그 기울기 {theory:.2f}이고, 정답으로 받는 범위는 "
          f"{lo:.2f} ~ {hi:.2f}입니다")
    if measured is not None:
        m = np.atleast_1d(np.asarray(measured, dtype=float))
        en += (f"; the timing, which also holds per-call overhead and memory traffic, gave median "
               f"{np.median(m):.2f}, range {m.min():.2f} .. {m.max():.2f} over {m.size} sweeps")
        ko += (f". 호출마다 드는 비용과 메모리 이동까지 담긴 시간 측정으로는 {m.size}번 측정의 중앙값 "
               f"{np.median(m):.2f}, 범위 {m.min():.2f} ~ {m.max():.2f}입니다")
    return tr(en, ko)


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (Huffman code lengths by hand)", "문제 1 (허프만 코드 길이 손으로 구하기)"),
        checker=_check_q1,
        hint_text=tr("Write the counts in a row: 20, 9, 6, 4, 3. Merge the two smallest (3 + 4 = 7), put the "
                     "sum back, and repeat until one node is left. A word's code length is how many merges "
                     "sit above it.",
                     "횟수를 한 줄로 적어 보세요(20, 9, 6, 4, 3). 가장 작은 둘을 합치고(3 + 4 = 7) 합을 다시 "
                     "넣은 다음, 노드가 하나 남을 때까지 반복해 보세요. 단어의 코드 길이는 그 위에 있는 합치기의 "
                     "수입니다."),
        solution_text=tr("3 + 4 = 7; 6 + 7 = 13; 9 + 13 = 22; 20 + 22 = 42 (the root).\n"
                         "answer_1 = {'the': 1, 'cat': 2, 'sat': 3, 'on': 4, 'mat': 4}\n"
                         "# check: w2vlib.huffman_codes([20, 9, 6, 4, 3])",
                         "3 + 4 = 7, 6 + 7 = 13, 9 + 13 = 22, 20 + 22 = 42 (루트).\n"
                         "answer_1 = {'the': 1, 'cat': 2, 'sat': 3, 'on': 4, 'mat': 4}\n"
                         "# 확인: w2vlib.huffman_codes([20, 9, 6, 4, 3])"),
        reference=_q1_reference,
    ),
    Exercise(
        name=tr("Exercise 2 (a path probability)", "문제 2 (경로 확률)"),
        checker=_check_q2,
        hint_text=tr("Walk zip(code, point): at inner node W[node] the score is x = h @ W[node]; multiply "
                     "sigmoid(x) when the bit is 0 and sigmoid(-x) = 1 - sigmoid(x) when it is 1.",
                     "zip(code, point)를 따라가 보세요. 내부 노드 W[node]에서 점수는 x = h @ W[node]입니다. 비트가 "
                     "0이면 sigmoid(x), 1이면 sigmoid(-x) = 1 - sigmoid(x)를 곱해 보세요."),
        solution_text=tr(_Q2_SOLUTION, _Q2_SOLUTION.replace("# code 0: sigmoid(x), code 1: sigmoid(-x)",
                                                            "# 코드 0: sigmoid(x), 코드 1: sigmoid(-x)")),
        reference=lambda **_: _path_probability_reference,
    ),
    Exercise(
        name=tr("Exercise 3 (predict the slope of the HS cost)", "문제 3 (계층적 소프트맥스 비용의 로그-로그 기울기 예측)"),
        checker=_check_q3,
        hint_text=tr("One example costs one dot product per node of its path, and the mean path length is "
                     "about the entropy in bits, which grows like log V. What is the slope of log V against "
                     "V on a log-log plot?",
                     "학습 예 하나의 비용은 경로의 노드마다 내적 하나이고, 평균 경로 길이는 비트 단위 엔트로피 "
                     "정도로 log V처럼 자랍니다. 로그-로그 그래프에서 V에 대한 log V의 로그-로그 기울기는 "
                     "얼마일까요?"),
        solution_text=tr("prediction_3 = 0.1   # d ln(log V) / d ln V = 1 / ln V, about 0.1 for V between "
                         "1,000 and 100,000: nearly flat, like negative sampling, unlike the softmax (1)",
                         "prediction_3 = 0.1   # d ln(log V) / d ln V = 1 / ln V, V가 1,000에서 100,000 "
                         "사이일 때 약 0.1: 네거티브 샘플링처럼 거의 평평하고, 소프트맥스(1)와는 다릅니다"),
        reference=lambda **_: 0.1,
    ),
]
