"""Exercises of notebook 04 (negative sampling)."""
from __future__ import annotations

import numpy as np

from ..layers import sigmoid
from ..negative_sampling import NegativeSamplingLoss
from ..text import josa
from . import Exercise, NotYet, finite_number, judge_slopes, last_digit, rounds_to, tr

def _not_text(answer):
    """Refuse a number written as a string (``"3382"``), as :func:`finite_number` refuses a bool."""
    if isinstance(answer, str) and "," not in answer:
        try:
            float(answer)
        except ValueError:
            return                               # not a number at all: the exercise's own reason follows
        raise NotYet(tr(f"give a number, not a string; got {answer!r}",
                        f"문자열이 아니라 숫자를 넣어 보세요. 받은 값은 {answer!r}입니다"))


def _number(answer, what):
    """``answer`` as one finite float (:func:`finite_number`); a number written as a string is refused, and a
    text with a comma gets its own reason."""
    _not_text(answer)
    if isinstance(answer, str) and "," in answer:
        raise NotYet(tr(f"write the number without a comma, as Python reads numbers (no thousands separator, a "
                        f"point for decimals); got {answer!r}",
                        f"숫자는 파이썬이 읽는 대로 쉼표 없이 써 보세요(천 단위 구분 기호 없이, 소수점은 점으로). "
                        f"받은 값은 {answer!r}입니다"))
    return finite_number(answer, what)


def _close_to(got):
    """``x -> True`` when ``got`` is ``x`` rounded to the digits ``got`` was written with.

    :func:`rounds_to` reads one significant digit as a unit in that place (``0.1`` accepts 0.05 ... 0.15); a
    one-digit answer must here be ``x`` rounded to one *significant* digit (0.0884 -> 0.09, never 0.1), so that
    a coarse answer is never matched to the wrong formula."""
    one_digit = last_digit(got)[1] < 2

    def close(x):
        x = float(x)
        if not rounds_to(got, x):
            return False
        return not one_digit or x == 0 or abs(got - float(f"{x:.0e}")) <= 1e-9 * abs(x)
    return close


# ---- 1. how much more often is "the" drawn than the rarest word? -----------------------------------------


def _ratio(counts, the, power):
    counts = np.asarray(counts, dtype=np.float64)
    rarest = counts[counts > 0].min()
    return float((counts[the] / rarest) ** power)


def _check_ratio(answer, counts=None, the=None, power=0.75):
    got = _number(answer, tr("give one number, a ratio of two probabilities",
                                   "두 확률의 비를 숫자 하나로 구해 보세요"))
    if counts is None or the is None:
        raise NotYet(tr("pass the context: q1.check(answer_1, counts=counts, the=word_to_id['the'], power=POWER)",
                        "필요한 값도 함께 넘겨 보세요. 부르는 법은 q1.check(answer_1, counts=counts, the=word_to_id['the'], power=POWER)입니다"))
    if got <= 0:
        raise NotYet(tr(f"a ratio of two probabilities is positive; got {got:g}. Compute how many times more often "
                        "'the' is drawn than the rarest word",
                        f"두 확률의 비는 양수입니다. 받은 값은 {got:g}입니다. 'the'가 가장 드문 단어보다 몇 배 더 자주 "
                        "뽑히는지 구해 보세요"))
    want = _ratio(counts, the, power)
    close = _close_to(got)                # right to the digits given (the series' one rule)
    if close(want):
        if last_digit(got)[1] < 2:
            raise NotYet(tr("right to the one digit you gave; give at least two significant digits",
                            "여러분이 준 한 자리까지는 맞습니다. 유효 숫자를 두 자리 이상 구해 보세요"))
        return tr(f"{want:,.1f}x at POWER = {power:g}", f"POWER = {power:g}에서 {want:,.1f}배")
    if close(_ratio(counts, the, 1.0)):
        raise NotYet(tr("that is the ratio of the raw unigram probabilities; raise the counts to POWER first",
                        "그것은 원래 유니그램 확률의 비입니다. 먼저 횟수를 POWER제곱해 보세요"))
    if close(1 / want):
        raise NotYet(tr("upside down: how many times *more* often is 'the' drawn than the rarest word?",
                        "거꾸로입니다. 'the'가 가장 드문 단어보다 몇 배 *더* 자주 뽑히는지 구해 보세요"))
    if power != 0.75 and close(_ratio(counts, the, 0.75)):
        raise NotYet(tr(f"that is for the power 0.75; your POWER knob is {power:g}",
                        f"그것은 0.75제곱일 때의 값입니다. 여러분의 POWER 설정값은 {power:g}입니다"))
    if close(_ratio(counts, the, power * power)):
        raise NotYet(tr("that is the ratio of the counts raised to POWER twice: raise them once",
                        "그것은 횟수를 POWER제곱을 두 번 한 비입니다. 한 번만 제곱해 보세요"))
    if abs(got - want) <= 0.05 * want:
        raise NotYet(tr("close, but not the exact ratio rounded to the digits you gave: compute it from the counts "
                        "without rounding anything first",
                        "가깝지만 정확한 비를 여러분이 준 자릿수로 반올림한 값과 다릅니다. 중간에 반올림하지 말고 "
                        "횟수에서 바로 계산해 보세요"))
    raise NotYet(tr("not the ratio: compute (count of 'the' / count of the rarest word) ** POWER (p^POWER(w) is "
                    "count(w)**POWER / sum, and the sum cancels in the ratio)",
                    "비가 다릅니다. ('the'의 횟수 / 가장 드문 단어의 횟수) ** POWER를 계산해 보세요(p^POWER(w)는 "
                    "count(w)**POWER / sum이고, 비를 구하면 sum은 약분됩니다)"))


# ---- 2. how many negatives does word2vec.c's skip rule cost a "the" example? ---------------------------------


def _spoil(word_p, the, k):
    """P(at least one of k draws is the target): section 2's per-position formula."""
    return float(1 - (1 - word_p[the]) ** k)


def _skipped(word_p, the, k):
    """The expected number of the k draws that equal the target (each one is skipped by word2vec.c)."""
    return float(k * word_p[the])


def _check_skipped(answer, word_p=None, the=None, k=5, raw_p=None):
    got = _number(answer, tr("give one number, the expected number of skipped draws (between 0 and k)",
                                   "건너뛰는 뽑기 횟수의 기댓값(0과 k 사이)을 숫자 하나로 구해 보세요"))
    if word_p is None or the is None:
        raise NotYet(tr("pass the context: q2.check(answer_2, word_p=p_pow, the=word_to_id['the'], k=SAMPLE_SIZE)",
                        "필요한 값도 함께 넘겨 보세요. 부르는 법은 q2.check(answer_2, word_p=p_pow, the=word_to_id['the'], k=SAMPLE_SIZE)입니다"))
    want = _skipped(word_p, the, k)
    q = float(word_p[the])
    if got == 0:
        raise NotYet(tr("0 would mean that word2vec.c never skips a draw of a 'the' example, but each of the k draws "
                        "is 'the' with a probability above 0",
                        "0이라면 word2vec.c가 'the' 학습 예의 뽑기를 한 번도 건너뛰지 않는다는 뜻이지만, k번의 뽑기는 "
                        "각각 0보다 큰 확률로 'the'가 됩니다"))
    if not 0 <= got <= k:
        raise NotYet(tr(f"an expected number of skipped draws lies between 0 and k = {k}",
                        f"건너뛰는 뽑기 횟수의 기댓값은 0과 k = {k} 사이에 있습니다"))
    close = _close_to(got)                # right to the digits given (the series' one rule)
    if close(want):
        if last_digit(got)[1] < 2:
            raise NotYet(tr("right to the one digit you gave; give at least two significant digits",
                            "여러분이 준 한 자리까지는 맞습니다. 유효 숫자를 두 자리 이상 구해 보세요"))
        return tr(f"{want:.4f} of the k = {k} negatives, with your POWER",
                  f"k = {k}개의 부정적 예 가운데 {want:.4f}개 (여러분의 POWER에서)")
    if close(_spoil(word_p, the, k)):
        raise NotYet(tr("that is the probability that at least one draw is 'the' (section 2's formula); it counts an "
                        "example whose draws hit 'the' twice as one skip, but word2vec.c skips both",
                        "그것은 적어도 한 번 'the'가 뽑힐 확률(2절의 식)입니다. 이 확률은 'the'가 두 번 뽑힌 학습 예도 한 번 "
                        "건너뛴 것으로 세지만, word2vec.c는 둘 다 건너뜁니다"))
    if raw_p is not None and close(_skipped(raw_p, the, k)):
        raise NotYet(tr("that uses the raw unigram p; the sampler draws from p^POWER (p_pow)",
                        "원래 유니그램 p를 썼습니다. 샘플러는 p^POWER(p_pow)에서 뽑습니다"))
    if close(k - want) or close(k - _spoil(word_p, the, k)):
        raise NotYet(tr("that is the number of negatives the example keeps; the question asks how many are skipped",
                        "그것은 학습 예에 남는 부정적 예의 수입니다. 구할 것은 건너뛰는 수입니다"))
    if k != 5 and close(_skipped(word_p, the, 5)):
        raise NotYet(tr(f"that is for k = 5; your SAMPLE_SIZE knob is {k}",
                        f"그것은 k = 5일 때의 값입니다. 여러분의 SAMPLE_SIZE 설정값은 {k}입니다"))
    if close(q):
        raise NotYet(tr("that is one draw; there are k of them",
                        "그것은 한 번 뽑을 때의 값입니다. 부정적 예는 k번 뽑습니다"))
    if abs(got - want) <= 0.01 * want:
        raise NotYet(tr("close, but not the exact value rounded to the digits you gave: keep more digits of q",
                        "가깝지만 정확한 값을 여러분이 준 자릿수로 반올림한 것과 다릅니다. q의 자릿수를 더 남겨 보세요"))
    raise NotYet(tr("each of the k draws is skipped when it is 'the'; the expected number of skips is the sum, over "
                    "the k draws, of each draw's chance of being 'the'",
                    "k번의 뽑기는 각각 'the'일 때 건너뜁니다. 건너뛰는 횟수의 기댓값은 k번의 뽑기 각각이 'the'일 확률을 "
                    "모두 더한 것입니다"))


# ---- 3. derive the negative-sampling gradients (a paper derivation) -------------------------------------


def _ref_ns_grads(h, rows, labels):
    """dL/dh and dL/drows for L = sum_i BCE(sigmoid(rows[i] . h), labels[i]) (one target, k negatives)."""
    g = sigmoid(rows @ h) - labels          # (k+1,): y_i - t_i
    return g @ rows, g[:, None] * h[None, :]


def _layered(h, W, target, negatives, dtype):
    """dL/dh and dL/dW_out of NegativeSamplingLoss for one example (batch 1), from the layers' backward."""
    W = W.astype(dtype)
    layer = NegativeSamplingLoss(W, sampler=_FixedSampler(W.shape[0], len(negatives)))
    layer.forward(h[None, :].astype(dtype), np.array([target]), np.array([negatives]))
    dh = np.asarray(layer.backward(), dtype=np.float64)[0]
    return dh, np.array(layer.grads[0], dtype=np.float64)


class _FixedSampler:
    """The minimum NegativeSamplingLoss needs when the negatives are injected."""

    def __init__(self, vocab_size, sample_size):
        self.vocab_size, self.sample_size = vocab_size, sample_size


def _cases():
    rng = np.random.default_rng(4)
    V, H = 8, 5
    yield "random ids", rng, V, H, 3, [5, 1, 6, 2, 7]
    yield "a negative drawn twice", rng, V, H, 0, [4, 4, 2]
    yield "a negative equal to the target", rng, V, H, 6, [6, 1, 3, 6]
    yield "k = 1", rng, V, H, 2, [5]


_CASES_KO = {"random ids": "무작위 ID", "a negative drawn twice": "두 번 뽑힌 부정적 예",
             "a negative equal to the target": "타깃과 같은 부정적 예", "k = 1": "k = 1"}


def _check_ns_grads(fn):
    dtype = np.float64                                      # float64 layers: a tight tolerance
    tol, f32 = 1e-10, False
    for case, rng, V, H, target, negatives in _cases():
        W = rng.standard_normal((V, H))
        h = rng.standard_normal(H)
        idx = np.array([target] + list(negatives))
        labels = np.array([1.0] + [0.0] * len(negatives))
        want_dh, want_dW = _layered(h, W, target, negatives, dtype)
        out = fn(h.copy(), W[idx].copy(), labels.copy())
        try:
            dh, drows = (np.asarray(a) for a in out)
            if np.float32 in (dh.dtype, drows.dtype):
                f32, tol = True, max(tol, 1e-5)             # a float32 answer is judged at float32 precision
            dh, drows = dh.astype(np.float64), drows.astype(np.float64)
        except (TypeError, ValueError):
            raise NotYet(tr("return a pair (dh, drows): dh of shape (H,), drows of shape (k + 1, H)",
                            "(dh, drows) 쌍을 돌려주도록 고쳐 보세요. dh의 형상은 (H,), drows의 형상은 (k + 1, H)입니다"))
        if dh.shape != (H,) or drows.shape != (len(idx), H):
            raise NotYet(tr(f"shapes: dh should be {(H,)}, drows {(len(idx), H)}; got {dh.shape} and {drows.shape}",
                            f"형상이 맞지 않습니다. 기대한 형상은 dh {(H,)}, drows {(len(idx), H)}, 받은 형상은 dh {dh.shape}, "
                            f"drows {drows.shape}입니다"))
        if not (np.all(np.isfinite(dh)) and np.all(np.isfinite(drows))):
            raise NotYet(tr(f"dh or drows holds NaN or inf ({case}); every gradient here is finite: look for a "
                            "division by zero or a log of 0",
                            f"dh나 drows에 NaN이나 inf가 있습니다 ({_CASES_KO[case]}). 여기서 기울기는 모두 유한합니다. "
                            "0으로 나누거나 0의 로그를 구한 곳이 없는지 찾아보세요"))
        dW = np.zeros((V, H))
        np.add.at(dW, idx, drows)                        # rows of the same word add up
        scale = max(np.abs(want_dh).max(), np.abs(want_dW).max())
        err_h = np.abs(dh - want_dh).max() / scale
        err_W = np.abs(dW - want_dW).max() / scale
        if max(err_h, err_W) <= tol:
            continue
        if max(err_h, err_W) <= 1e-5:                    # right, but computed in float32 and returned as float64
            raise NotYet(tr(f"right to float32 precision (relative error {max(err_h, err_W):.0e}), but your arrays are "
                            "float64, so they are judged at float64 precision (1e-10): keep the computation in "
                            "float64 (do not cast h or rows to float32), or return float32 arrays, which are judged "
                            "at float32 precision",
                            f"float32 정밀도로는 맞습니다(상대 오차 {max(err_h, err_W):.0e}). 하지만 돌려준 배열이 "
                            "float64라서 float64 정밀도(1e-10)로 판정합니다. 계산을 float64로 유지하거나(h나 rows를 "
                            "float32로 바꾸지 말고), float32 배열을 돌려주면 float32 정밀도로 판정합니다"))
        ref_dh, ref_drows = _ref_ns_grads(h, W[idx], labels)
        ys = sigmoid(W[idx] @ h)
        if np.allclose(dh, -ref_dh) and np.allclose(drows, -ref_drows):
            raise NotYet(tr("the sign is flipped: row i's factor is sigmoid(s_i) - t_i (prediction minus label)",
                            "부호가 반대입니다. 행 i의 계수는 sigmoid(s_i) - t_i(예측 빼기 정답 레이블)입니다"))
        n = len(idx)
        if np.allclose(dh * n, ref_dh) and np.allclose(drows * n, ref_drows):
            raise NotYet(tr("both are divided by k + 1: L is a sum over the k + 1 rows, not a mean, so do not divide "
                            "by k + 1 (the 1/N of SigmoidWithLoss averages over the minibatch, not over the rows)",
                            "둘 다 k + 1로 나뉘었습니다. L은 k + 1개 행의 평균이 아니라 합이므로 k + 1로 나누지 않습니다. "
                            "SigmoidWithLoss의 1/N은 행이 아니라 미니배치에 대한 평균입니다"))
        if np.allclose(drows, (ys - 1)[:, None] * h[None, :]):
            raise NotYet(tr("every row is treated as a target: the negatives have t = 0, so row i's factor is "
                            "sigmoid(s_i) - t_i, which is sigmoid(s_i) - 1 only for the target",
                            "모든 행을 타깃처럼 다뤘습니다. 부정적 예의 정답 레이블은 t = 0이므로 행 i의 계수 "
                            "sigmoid(s_i) - t_i는 타깃에서만 sigmoid(s_i) - 1입니다"))
        if np.allclose(drows, ys[:, None] * h[None, :]):
            raise NotYet(tr("the labels are missing: the target (t = 1) has the factor sigmoid(s) - 1, "
                            "the negatives (t = 0) sigmoid(s)",
                            "정답 레이블이 빠졌습니다. 타깃(t = 1)의 계수는 sigmoid(s) - 1, "
                            "부정적 예(t = 0)의 계수는 sigmoid(s)입니다"))
        if np.allclose(dh, (ys[0] - 1) * W[idx[0]]):
            raise NotYet(tr("dh misses the negatives: every one of the k + 1 rows sends (sigmoid(s_i) - t_i) w_i to h",
                            "dh에 부정적 예가 빠졌습니다. k + 1개 행 모두가 (sigmoid(s_i) - t_i) w_i를 h로 보냅니다"))
        if err_h <= tol:
            raise NotYet(tr(f"dh is right but dW_out is not ({case}): row i gets (sigmoid(s_i) - t_i) h",
                            f"dh는 맞지만 dW_out이 틀렸습니다 ({_CASES_KO[case]}). 행 i는 (sigmoid(s_i) - t_i) h를 받습니다"))
        if err_W <= tol:
            raise NotYet(tr(f"dW_out is right but dh is not ({case}): dh = sum_i (sigmoid(s_i) - t_i) w_i",
                            f"dW_out은 맞지만 dh가 틀렸습니다 ({_CASES_KO[case]}). dh = sum_i (sigmoid(s_i) - t_i) w_i"))
        raise NotYet(tr(f"both differ from NegativeSamplingLoss.backward ({case}); start from "
                        "L = -log σ(w_t·h) - Σ_j log σ(-w_j·h)",
                        f"둘 다 NegativeSamplingLoss.backward와 다릅니다 ({_CASES_KO[case]}). "
                        "L = -log σ(w_t·h) - Σ_j log σ(-w_j·h)에서 시작해 보세요"))
    if f32:
        return tr(f"equal to the layered backward within {tol:g}, float32 precision (your answer is float32: fine, "
                  "the book's dtype), repeated ids and a target among the negatives included",
                  f"계층의 역전파와 float32 정밀도인 {tol:g} 이내로 같습니다. 반복된 ID와 부정적 예 속의 타깃도 "
                  "포함합니다. 답이 float32여도 괜찮습니다. 교재가 쓰는 dtype입니다")
    return tr(f"equal to the layered backward within {tol:g} (float64), repeated ids and a target among the negatives included",
              f"계층의 역전파와 {tol:g} 이내로 같습니다. float64로, 반복된 ID와 부정적 예 속의 타깃도 포함해 확인했습니다")


# ---- 4. predict how the step's cost scales with k, then measure ------------------------------------------

_WHY_K = {"k + 1": tr("Every negative adds one EmbeddingDot and one SigmoidWithLoss, forward and backward, and one more "
                  "draw per row from the sampler: the work grows in proportion to k + 1 (the work done once per step "
                  "whatever k is, such as the calls that start the forward and backward passes, is small).",
                  "부정적 예 하나마다 EmbeddingDot 하나와 SigmoidWithLoss 하나의 순전파와 역전파, 그리고 샘플러에서 "
                  "뽑기 한 번이 늘어납니다. 그래서 일은 k + 1에 비례해 커집니다(순전파와 역전파를 시작하는 호출처럼 "
                  "k와 상관없이 단계마다 한 번 하는 일은 작습니다).")}


def _direction(pred):
    """Why a prediction outside the band is wrong, by the side it misses on (never the answer itself)."""
    shown = f"{pred:g}"
    if pred < 0:
        return tr(f"the log-log slope in k + 1 is not {shown}: a negative slope would mean that more negatives make "
                  "the step faster",
                  f"k + 1에 대한 로그-로그 기울기는 {josa(shown, '이/가')} 아닙니다. 기울기가 음수라면 부정적 예가 "
                  "많을수록 단계가 빨라진다는 뜻입니다")
    if pred < 1:
        return tr(f"the log-log slope in k + 1 is not {shown}; that is too low: it would mean that a large part of "
                  "the step is work done once per step, whatever k is. Look at the graph of section 4: "
                  "what is repeated once per negative, and how much of the step is it?",
                  f"k + 1에 대한 로그-로그 기울기는 {josa(shown, '이/가')} 아닙니다. 너무 작습니다. 그렇다면 "
                  "단계의 큰 부분이 k와 상관없이 단계마다 한 번 하는 일이라는 뜻입니다. 4절의 그래프를 "
                  "보세요. 부정적 예마다 한 번씩 반복되는 것은 무엇이고, 단계에서 얼마나 큰 비율을 차지할까요?")
    return tr(f"the log-log slope in k + 1 is not {shown}; that is too high: it would mean that each "
              "negative costs more when there are more of them (a slope of 2 is quadratic growth, as if every "
              "negative were compared with every other). Does any part of the step look at pairs of negatives?",
              f"k + 1에 대한 로그-로그 기울기는 {josa(shown, '이/가')} 아닙니다. 너무 큽니다. 그렇다면 "
              "부정적 예가 많을수록 부정적 예 하나의 비용이 커진다는 뜻입니다(기울기 2는 제곱으로 커지는 것, "
              "곧 모든 부정적 예를 다른 모든 부정적 예와 비교하는 경우입니다). 단계의 어느 부분이 부정적 예의 쌍을 "
              "살펴볼까요?")


def _check_slopes(answer, measure=None, sizes=None):
    one = answer["k + 1"] if isinstance(answer, dict) and set(answer) == {"k + 1"} else answer
    if not isinstance(one, dict):
        _not_text(one)
        try:
            pred = _number(one, "")
        except NotYet:
            pred = None                          # not one number: judge_slopes gives the reason
        if pred is not None and abs(pred - 1.0) > 0.25:
            raise NotYet(_direction(pred))       # the judged band is 1 ± 0.25, as in judge_slopes below
    return judge_slopes(answer, {"k + 1": 1.0}, _WHY_K, measure, sizes, knob="K_VALUES", x=lambda k: k + 1,
                        min_range=3.0, answer_name="prediction_4")


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 ('the' against the rarest word)", "문제 1 ('the' 대 가장 드문 단어)"),
        checker=_check_ratio,
        solution_text=tr("(counts[the] / counts[counts > 0].min()) ** POWER: the normalising sum cancels in the "
                         "ratio, so only the two counts and the power matter.",
                         "(counts[the] / counts[counts > 0].min()) ** POWER: 정규화하는 합은 비를 구할 때 "
                         "약분되므로, 두 횟수와 지수만 중요합니다."),
        hint_text=tr("Write both probabilities as count**POWER / sum and divide one by the other.",
                     "두 확률을 count**POWER / sum으로 쓰고 하나를 다른 하나로 나눠 보세요."),
        reference=lambda counts=None, the=None, power=0.75, **ctx: _ratio(counts, the, power),
    ),
    Exercise(
        name=tr("Exercise 2 (how many negatives does word2vec.c skip for 'the'?)",
                "문제 2 (word2vec.c는 'the'의 부정적 예를 몇 개 건너뛸까?)"),
        checker=_check_skipped,
        solution_text=tr("q = p_pow[word_to_id['the']]; answer_2 = SAMPLE_SIZE * q. Draw d skips with probability q, "
                         "so the number of skips is a sum of k indicators, and its expectation is k q (expectations "
                         "add). Section 2's 1 - (1 - q)^k is smaller: it is the chance of at least one skip, and counts "
                         "two skips in one example as one. (The exercise's sampler is this notebook's, with word2vec.c's skip rule "
                         "added: word2vec.c's own draws differ slightly, since it also replaces a draw of index 0, </s>, "
                         "by a uniform random word: if (target == 0) target = next_random % (vocab_size - 1) + 1;)",
                         "q = p_pow[word_to_id['the']]; answer_2 = SAMPLE_SIZE * q. 뽑기 하나는 확률 q로 건너뛰므로, "
                         "건너뛰는 횟수는 지시 변수 k개의 합이고 그 기댓값은 k q입니다(기댓값은 더해집니다). 2절의 "
                         "1 - (1 - q)^k는 이보다 작습니다. 적어도 한 번 건너뛸 확률이라서 한 학습 예에서 두 번 건너뛰어도 "
                         "한 번으로 세기 때문입니다. (이 문제의 샘플러는 이 노트북의 샘플러에 word2vec.c의 건너뛰기 규칙만 더한 "
                         "것입니다. word2vec.c 자체의 뽑기는 조금 다릅니다. 인덱스 0, 곧 </s>가 뽑히면 균등하게 고른 "
                         "단어로 바꾸기 때문입니다. 코드는 if (target == 0) target = next_random % (vocab_size - 1) + 1;입니다.)"),
        hint_text=tr("Count the skips with one 0/1 variable per draw. What is the expectation of one of them, and "
                     "of their sum?",
                     "뽑기마다 0/1 변수 하나로 건너뛰기를 세어 보세요. 그 하나의 기댓값은 얼마이고, 합의 기댓값은 "
                     "얼마일까요?"),
        reference=lambda word_p=None, the=None, k=5, **ctx: _skipped(word_p, the, k),
    ),
    Exercise(
        name=tr("Exercise 3 (derive the negative-sampling gradients)", "문제 3 (네거티브 샘플링의 기울기 유도하기)"),
        checker=_check_ns_grads,
        solution_text=tr("""def ns_grads(h, rows, labels):
    g = sigmoid(rows @ h) - labels        # (k+1,): y_i - t_i for the target (t = 1) and the k negatives (t = 0)
    dh = g @ rows                         # dL/dh = sum_i (y_i - t_i) w_i
    drows = g[:, None] * h[None, :]       # dL/dw_i = (y_i - t_i) h
    return dh, drows

On paper: L = -log σ(w_0·h) - Σ_{j=1..k} log σ(-w_j·h). With s_i = w_i·h and dBCE/ds = σ(s) - t,
dL/dh = Σ_i (σ(s_i) - t_i) w_i and dL/dw_i = (σ(s_i) - t_i) h. Rows of the same word (a negative drawn
twice, or equal to the target) add up in dL/dW_out: np.add.at(dW, idx, drows).""",
                         """def ns_grads(h, rows, labels):
    g = sigmoid(rows @ h) - labels        # (k+1,): 타깃(t = 1)과 부정적 예 k개(t = 0)의 y_i - t_i
    dh = g @ rows                         # dL/dh = sum_i (y_i - t_i) w_i
    drows = g[:, None] * h[None, :]       # dL/dw_i = (y_i - t_i) h
    return dh, drows

종이에서 유도하면 L = -log σ(w_0·h) - Σ_{j=1..k} log σ(-w_j·h)입니다. s_i = w_i·h이고 dBCE/ds = σ(s) - t이므로
dL/dh = Σ_i (σ(s_i) - t_i) w_i, dL/dw_i = (σ(s_i) - t_i) h입니다. 같은 단어의 행(두 번 뽑힌 부정적 예, 또는
타깃과 같은 부정적 예)은 dL/dW_out에서 np.add.at(dW, idx, drows)로 합쳐집니다."""),
        hint_text=tr("Each of the k + 1 rows is one sigmoid + binary cross-entropy with the gradient σ(s) - t "
                     "with respect to its score s = w·h. Apply the chain rule through s = w·h.",
                     "k + 1개 행은 각각 시그모이드 + 이진 교차 엔트로피 오차 하나이며, 그 점수 s = w·h에 대한 "
                     "기울기는 σ(s) - t입니다. s = w·h를 거쳐 연쇄 법칙을 적용해 보세요."),
        reference=lambda **ctx: _ref_ns_grads,
    ),
    Exercise(
        name=tr("Exercise 4 (predict the slope in k, then measure)", "문제 4 (k에 대한 로그-로그 기울기를 예측하고 측정하기)"),
        checker=_check_slopes,
        solution_text=tr("1: one step runs k + 1 EmbeddingDot + SigmoidWithLoss pairs forward and backward and draws "
                         "k negatives per target, so its time is about proportional to k + 1. The check judges the "
                         "prediction, then shows the slope measured over K_VALUES.",
                         "1: 한 단계는 EmbeddingDot + SigmoidWithLoss 쌍 k + 1개의 순전파와 역전파를 실행하고 타깃마다 "
                         "부정적 예 k개를 뽑으므로, 시간은 k + 1에 거의 비례합니다. 자동 채점은 예측을 판정한 뒤 "
                         "K_VALUES에서 측정한 로그-로그 기울기를 보여 줍니다."),
        hint_text=tr("Look at the graph of section 4: what is repeated once per negative?",
                     "4절의 그래프를 보세요. 부정적 예마다 한 번씩 반복되는 것은 무엇인가요?"),
        reference=lambda **ctx: 1.0,
    ),
]
