"""Exercises of notebook 05 (training CBOW on PTB)."""
from __future__ import annotations

import math

import numpy as np

from . import Exercise, NotYet, tr


def _choice(answer, choices: str) -> str:
    """The student's multiple-choice letter, lower case; NotYet when it is not one of ``choices``."""
    if not isinstance(answer, str) or answer.strip().lower().strip("()") not in choices:
        raise NotYet(tr(f"answer with one letter: {', '.join(repr(c) for c in choices)}",
                        f"글자 하나({', '.join(repr(c) for c in choices)})로 답해 보세요"))
    return answer.strip().lower().strip("()")


# ---- 1. the starting loss, as a function of k ---------------------------------------------------------

_KS = (1, 2, 5, 10, 20)


def _start_loss(k):
    return (k + 1) * math.log(2)


def _check_start_loss(fn, negative=5, measured=None):
    if not callable(fn):
        raise NotYet(tr("write a function start_loss(k) that returns a number for any number of negatives k",
                        "부정적 예의 수 k가 무엇이든 숫자 하나를 돌려주는 함수 start_loss(k)를 작성해 보세요"))
    for k in sorted(set(_KS) | {int(negative)}, reverse=True):  # large k first: the wrong formulas differ most
        got = float(fn(k))
        want = _start_loss(k)
        if abs(got - want) <= 1e-3 * want:
            continue
        if abs(got - math.log(2)) <= 1e-3:
            raise NotYet(tr("ln 2 is one binary cross-entropy; the loss adds one for the target and one per negative",
                            "ln 2는 이진 교차 엔트로피 오차 하나입니다. 손실은 타깃의 것 하나와 부정적 예마다 하나씩을 더합니다"))
        if abs(got - k * math.log(2)) <= 1e-3 * max(k, 1):
            raise NotYet(tr("you counted the k negatives but not the true target's own term",
                            "부정적 예 k개는 셌지만 진짜 타깃 자신의 항을 빠뜨렸습니다"))
        if abs(got - math.log(k + 1)) <= 1e-3 * max(k, 1):
            raise NotYet(tr("ln(k+1) would be a softmax over k+1 words; here each of the k+1 scores has its own "
                            "sigmoid and binary cross-entropy",
                            "ln(k+1)은 단어 k+1개에 대한 소프트맥스의 값입니다. 여기서는 점수 k+1개가 저마다 "
                            "시그모이드와 이진 교차 엔트로피 오차를 가집니다"))
        if abs(got - want) <= 0.01 * want:
            raise NotYet(tr(f"close: for k = {k} your function gives {got:.4f} against {want:.4f}, so the formula is "
                            "right but the constant is rounded; use ln 2 = 0.6931... (math.log(2))",
                            f"거의 맞았습니다. k = {k}일 때 여러분의 함수는 {got:.4f}, 정답은 {want:.4f}입니다. 식은 맞고 "
                            "상수를 반올림했습니다. ln 2 = 0.6931...(math.log(2))를 써 보세요"))
        raise NotYet(tr(f"for k = {k} your function gives {got:.4f}; at the start every sigmoid says 0.5",
                        f"k = {k}일 때 여러분의 함수가 돌려준 값은 {got:.4f}입니다. 처음에는 모든 시그모이드가 0.5를 내놓습니다"))
    if measured is not None:
        return tr(f"{_start_loss(int(negative)):.3f} for k = {int(negative)}; "
                  f"a fresh model measures {float(measured):.3f}",
                  f"k = {int(negative)}일 때 식의 값은 {_start_loss(int(negative)):.3f}이고, 새 모델에서 측정한 값은 "
                  f"{float(measured):.3f}입니다")
    return None


# ---- 2. why is lazy Adam faster? ------------------------------------------------------------------------

_LAZY_WRONG = {
    "a": tr("both runs use the same learning rate and the same number of steps; words/s is about the cost of one step",
            "두 실행은 같은 학습률로 같은 수의 단계를 밟습니다. 초당 단어 수는 한 단계의 비용에 관한 것입니다"),
    "c": tr("both compute exactly the same forward and backward (the same gradients); only the update step differs",
            "둘 다 똑같은 순전파와 역전파(같은 기울기)를 계산합니다. 다른 것은 갱신 단계뿐입니다"),
    "d": tr("every array stays float32 in both runs", "두 실행 모두 모든 배열이 float32입니다"),
}


def _check_lazy(answer, batch_size=None, window=None, negative=None):
    letter = _choice(answer, "abcd")
    if letter in _LAZY_WRONG:
        raise NotYet(_LAZY_WRONG[letter])
    if None in (batch_size, window, negative):  # no knobs passed: the formula, without numbers
        rows_en = "a step of B targets reads at most B x (2w + k + 1) rows (fewer distinct ones)"
        rows_ko = "타깃 B개의 단계 하나는 행을 많아야 B x (2w + k + 1)개(서로 다른 행은 더 적게) 읽지만"
    else:
        n = batch_size * (2 * window + negative + 1)
        rows_en = (f"a step of BATCH_SIZE = {batch_size} targets reads at most {batch_size} x ({2 * window} + "
                   f"{negative + 1}) = {n:,} rows (fewer distinct ones)")
        rows_ko = (f"타깃 {batch_size}개(BATCH_SIZE = {batch_size})의 단계 하나는 행을 많아야 {batch_size} x "
                   f"({2 * window} + {negative + 1}) = {n:,}개(서로 다른 행은 더 적게) 읽지만")
    return tr(rows_en + ", Adam without lazy updates all V x H numbers (and two moments each). "
              "That is also why it is another optimiser: Adam decays the moments of an unused row and still moves "
              "the row along its old momentum, lazy Adam leaves both untouched until the row is used again",
              rows_ko + ", lazy가 아닌 Adam은 V x H개의 숫자 전부(와 각각의 모멘트 두 개)를 "
              "갱신합니다. 그래서 다른 옵티마이저이기도 합니다. Adam은 쓰이지 않은 행의 모멘트도 줄이고 예전 모멘텀으로 "
              "그 행을 계속 움직이지만, lazy Adam은 그 행이 다시 쓰일 때까지 둘 다 그대로 둡니다")


# ---- 3. the subsampling keep probability ---------------------------------------------------------------


def _keep_prob_reference(counts, sample):
    from .. import fast

    return fast.subsample_keep_prob(counts, sample)


def _keep_cases():
    rng = np.random.default_rng(5)
    zipf = np.floor(50_000 / np.arange(1, 201)).astype(np.int64)  # a few very frequent words, many rare ones
    yield tr("a Zipf-like vocabulary", "지프 법칙을 닮은 어휘"), zipf, 1e-3
    yield tr("another threshold", "다른 임계값"), zipf, 1e-2
    yield tr("random counts", "무작위 출현 횟수"), rng.integers(1, 1000, size=50), 1e-3


def _check_keep_prob(fn):
    if not callable(fn):
        raise NotYet(tr("write a function keep_prob(counts, sample) that returns one probability per word",
                        "단어마다 확률 하나를 돌려주는 함수 keep_prob(counts, sample)를 작성해 보세요"))
    for case, counts, sample in _keep_cases():
        got = np.asarray(fn(counts.copy(), sample), dtype=np.float64)
        want = _keep_prob_reference(counts, sample)
        if got.shape != want.shape:
            raise NotYet(tr(f"return one probability per word: shape {want.shape}, yours {got.shape} ({case['en']})",
                            f"단어마다 확률 하나를 돌려줘 보세요. 필요한 형상은 {want.shape}, 여러분의 것은 "
                            f"{got.shape}입니다({case['ko']})"))
        if np.allclose(got, want, rtol=1e-6, atol=1e-9):
            continue
        f = counts.astype(np.float64)
        t = sample * f.sum()
        if np.any(got > 1 + 1e-9):
            if np.allclose(got, (np.sqrt(f / t) + 1) * t / f, rtol=1e-6):
                raise NotYet(tr("a probability cannot exceed 1: rare words are always kept, "
                                    "clip with np.minimum(..., 1)",
                                    "확률은 1을 넘을 수 없습니다. 드문 단어는 항상 남습니다. np.minimum(..., 1)로 잘라 내 보세요"))
            raise NotYet(tr("some of your probabilities exceed 1; clip them", "확률 중 일부가 1을 넘습니다. 잘라 내 보세요"))
        if np.allclose(got, np.minimum(1, np.sqrt(t / f)), rtol=1e-6):
            raise NotYet(tr("sqrt(t/f) is the paper's keep probability; word2vec.c and gensim use (sqrt(f/t) + 1) t/f",
                            "sqrt(t/f)는 논문의 남을 확률입니다. word2vec.c와 gensim은 (sqrt(f/t) + 1) t/f를 씁니다"))
        if np.allclose(got, np.maximum(0, 1 - np.sqrt(t / f)), rtol=1e-6):
            raise NotYet(tr("1 - sqrt(t/f) is the paper's probability of *discarding* a word, not of keeping it",
                            "1 - sqrt(t/f)는 논문에서 단어를 남을 확률이 아니라 *버릴* 확률입니다"))
        if np.allclose(got, 1 - want, rtol=1e-6, atol=1e-9):
            raise NotYet(tr("that is the probability of *discarding* each word (1 - keep); return the probability "
                            "of keeping it",
                            "그것은 단어를 *버릴* 확률(1 - 남을 확률)입니다. 남을 확률을 돌려줘 보세요"))
        if np.allclose(got, np.minimum(1, (np.sqrt(f / sample) + 1) * sample / f), rtol=1e-6):
            raise NotYet(tr("t is sample times the corpus size (the total count), not sample alone",
                            "t는 sample 하나가 아니라 sample 곱하기 말뭉치 크기(전체 출현 횟수)입니다"))
        raise NotYet(tr(f"differs from word2vec's keep probability ({case['en']}): keep = (sqrt(f/t) + 1) t/f, "
                        "t = sample * total count, at most 1",
                        f"word2vec의 남을 확률과 다릅니다({case['ko']}). keep = (sqrt(f/t) + 1) t/f이고 "
                        "t = sample * 전체 출현 횟수이며, 최댓값은 1입니다"))
    return None


# ---- 4. skip-gram pairs per target -----------------------------------------------------------------------


def _check_pairs(fn):
    if not callable(fn):
        raise NotYet(tr("write a function pairs(w) of the maximum window radius w",
                        "윈도우의 최대 반경 w의 함수 pairs(w)를 작성해 보세요"))
    ws = np.arange(1, 11)
    got = np.array([float(fn(int(w))) for w in ws])
    if np.allclose(got, ws + 1, rtol=0, atol=1e-9):
        return None
    # recognise a wrong formula over all w at once (at w = 1, w and (w + 1) / 2 coincide)
    if np.allclose(got, 2 * ws, rtol=0, atol=1e-9):
        raise NotYet(tr("2w is for a fixed window; the dynamic window draws each radius uniformly from 1..w",
                        "2w는 고정 윈도우의 값입니다. 동적 윈도우는 반경을 매번 1..w에서 균등하게 뽑습니다"))
    if np.allclose(got, (ws + 1) / 2, rtol=0, atol=1e-9):
        raise NotYet(tr("(w + 1) / 2 is the mean radius, one side of the target; the context has two sides",
                        "(w + 1) / 2는 평균 반경, 즉 타깃의 한쪽입니다. 맥락은 양쪽에 있습니다"))
    if np.allclose(got, ws, rtol=0, atol=1e-9):
        raise NotYet(tr("w would mean a mean radius of w / 2 on each side; the mean of a uniform draw from 1..w "
                        "is (w + 1) / 2",
                        "w는 한쪽 평균 반경을 w / 2로 본 값입니다. 1..w에서 균등하게 뽑은 값의 평균은 "
                        "(w + 1) / 2입니다"))
    w = int(ws[np.flatnonzero(np.abs(got - (ws + 1)) > 1e-9)[0]])
    raise NotYet(tr(f"for w = {w} you say {got[w - 1]:g}: average 2 * radius over radius = 1..w",
                    f"w = {w}일 때 여러분의 답은 {got[w - 1]:g}입니다. 반경 = 1..w에 걸쳐 2 * 반경의 평균을 구해 보세요"))


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (the starting loss)", "문제 1 (시작 손실)"),
        checker=_check_start_loss,
        hint_text=tr("Before training every score is close to 0, so sigmoid(0) = 0.5 for the target and for each "
                     "negative. What is the binary cross-entropy of 0.5, and how many of them are added?",
                     "학습 전에는 모든 점수가 0에 가까우므로 타깃과 각 부정적 예에서 sigmoid(0) = 0.5입니다. "
                     "0.5의 이진 교차 엔트로피 오차는 얼마이고, 그것이 몇 개 더해질까요?"),
        solution_text=tr("import math\n\ndef start_loss(k):\n    return (k + 1) * math.log(2)   # k+1 binary "
                         "cross-entropies of sigmoid(0) = 0.5",
                         "import math\n\ndef start_loss(k):\n    return (k + 1) * math.log(2)   # sigmoid(0) = 0.5의 "
                         "이진 교차 엔트로피 오차 k+1개"),
        reference=lambda **_: (lambda k: (k + 1) * math.log(2)),
    ),
    Exercise(
        name=tr("Exercise 2 (why is lazy Adam faster?)", "문제 2 (lazy Adam이 더 빠른 이유)"),
        checker=_check_lazy,
        hint_text=tr("Count the numbers each step writes. How many rows of W_in and W_out does one batch of "
                     "BATCH_SIZE targets touch, and how many rows does the matrix have?",
                     "단계마다 쓰는 숫자의 개수를 세어 보세요. 타깃 BATCH_SIZE개짜리 배치 하나가 W_in과 W_out의 행을 몇 개 "
                     "건드리고, 행렬에는 행이 몇 개 있을까요?"),
        solution_text=tr("answer_2 = 'b'   # lazy Adam updates (and keeps moments for) only the rows the batch used",
                         "answer_2 = 'b'   # lazy Adam은 배치가 쓴 행만 갱신합니다 (그 행의 모멘트만 유지)"),
        reference=lambda **_: "b",
    ),
    Exercise(
        name=tr("Exercise 3 (subsampling: the keep probability)", "문제 3 (하위 샘플링: 남을 확률)"),
        checker=_check_keep_prob,
        hint_text=tr("f = counts, t = sample * counts.sum(); keep = (sqrt(f / t) + 1) * t / f, and a probability "
                     "is at most 1.",
                     "f = counts, t = sample * counts.sum(); keep = (sqrt(f / t) + 1) * t / f이고, 확률은 "
                     "1을 넘지 않습니다."),
        solution_text="def keep_prob(counts, sample):\n    f = np.asarray(counts, dtype=float)\n"
                      "    t = sample * f.sum()\n    return np.minimum(1.0, (np.sqrt(f / t) + 1) * t / f)",
        reference=lambda **_: _keep_prob_reference,
    ),
    Exercise(
        name=tr("Exercise 4 (skip-gram pairs per target)", "문제 4 (skip-gram의 타깃당 쌍의 수)"),
        checker=_check_pairs,
        hint_text=tr("Each target draws a radius r uniformly from 1..w and then has r context words on each side.",
                     "타깃마다 반경 r을 1..w에서 균등하게 뽑으면, 양쪽에 맥락 단어가 r개씩 생깁니다."),
        solution_text=tr("def pairs(w):\n    return w + 1   # 2 * mean(1..w) = 2 * (w + 1) / 2",
                         "def pairs(w):\n    return w + 1   # 2 * 평균(1..w) = 2 * (w + 1) / 2"),
        reference=lambda **_: (lambda w: w + 1),
    ),
]
