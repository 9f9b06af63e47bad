"""Exercises of notebook 02 (the Embedding layer)."""
from __future__ import annotations

import numpy as np

from ..text import josa
from . import Exercise, NotYet, judge_slopes, tr

# ---- 1. predict the gradient ------------------------------------------------------------------------------


def _check_predict(answer):
    try:
        correct, overwritten = (np.asarray(a, dtype=float).reshape(-1) for a in answer)
    except (TypeError, ValueError):
        raise NotYet(tr("give a pair (correct_row, overwritten_row), each a row of two numbers like [1, 1]",
                        "(correct_row, overwritten_row) 쌍으로 답해 보세요. 각각 [1, 1]처럼 숫자 두 개로 된 행입니다"))
    if correct.shape != (2,) or overwritten.shape != (2,):
        raise NotYet(tr("each row of dW has H = 2 numbers here, like [1, 1]",
                        "여기서 dW의 각 행은 [1, 1]처럼 숫자 H = 2개입니다"))
    if np.allclose(correct, [4, 4]) and np.allclose(overwritten, [7, 7]):
        raise NotYet(tr("the two rows are swapped: give (correct_row, overwritten_row), the correct backward's row "
                        "first",
                        "두 행의 순서가 바뀌었습니다. (correct_row, overwritten_row) 순서로, 올바른 역전파의 행을 "
                        "먼저 넣어 보세요"))
    if not np.allclose(correct, [7, 7]):
        if np.allclose(correct, [4, 4]) or np.allclose(correct, [1, 1]):
            raise NotYet(tr("the correct backward keeps all three rows of dout: a word used three times gets the "
                            "sum of its three gradients",
                            "올바른 역전파는 dout의 세 행을 모두 반영합니다. 세 번 쓰인 단어는 기울기 세 개의 합을 "
                            "받습니다"))
        raise NotYet(tr("the correct row 3 is the sum of the three dout rows that belong to id 3",
                        "올바른 행 3은 ID 3에 속하는 dout 세 행의 합입니다"))
    survivor = next((row for row in ([1, 1], [2, 2], [4, 4]) if np.allclose(overwritten, row)), None)
    if survivor is None:
        if np.allclose(overwritten, [7, 7]):
            raise NotYet(tr("the overwriting backward does not add: each write replaces row 3",
                            "덮어쓰는 역전파는 더하지 않습니다. 쓸 때마다 행 3을 대체합니다"))
        raise NotYet(tr("with dW[idx] = dout only one of the three rows survives in row 3: which one?",
                        "dW[idx] = dout이면 행 3에는 세 행 중 하나만 남습니다. 어느 것일까요?"))
    if survivor == [4, 4]:
        return tr("the sum [7, 7], and one surviving row: the last write, [4, 4], as section 2 showed on this numpy "
                  "(NumPy does not promise the order for repeated indices)",
                  "합 [7, 7]과 살아남은 한 행, 곧 마지막에 쓴 [4, 4]입니다. 2절에서 본 대로 이 numpy에서는 마지막 쓰기가 "
                  "남습니다. 반복된 인덱스의 쓰기 순서를 NumPy가 보장하지는 않습니다")
    return tr(f"the sum [7, 7], and one surviving row: NumPy does not promise which write survives, so "
              f"{survivor} is possible; on this numpy the last write, [4, 4], survives (section 2)",
              f"합 [7, 7]과 살아남은 한 행입니다. 어느 쓰기가 남을지 NumPy가 보장하지 않으므로 {survivor}도 가능한 "
              "답입니다. 이 numpy에서는 2절에서 본 대로 마지막에 쓴 [4, 4]가 남습니다")


# ---- 2. the backward of CBOW's input side -------------------------------------------------------------------


def _ref_cbow_input_backward(contexts, dh, V):
    """dW_in of h = mean over the C context words of W_in[contexts]: each context row gets dh / C, repeats add up."""
    contexts = np.asarray(contexts)
    C = contexts.shape[1]
    dW = np.zeros((V, dh.shape[1]), dtype=dh.dtype)
    np.add.at(dW, contexts, np.repeat(dh[:, None, :] / C, C, axis=1))
    return dW


def _check_cbow_backward(fn):
    dtype = np.float64                                       # checks run in float64: tight tolerances
    f32, atol = False, 1e-12
    rng = np.random.default_rng(2)
    V, H = 7, 3
    cases = [np.array([[1, 4], [1, 1], [0, 4]]),             # a word twice in one row, and across rows
             rng.integers(0, V, size=(6, 4)),                # a window of 2 on each side
             np.array([[5, 2]])]
    for contexts in cases:
        N, C = contexts.shape
        dh = rng.standard_normal((N, H)).astype(dtype)
        want = _ref_cbow_input_backward(contexts, dh, V)
        got = np.asarray(fn(contexts.copy(), dh.copy(), V))
        if got.dtype == np.float32:                          # the book's dtype: judged at float32 precision
            f32, atol = True, 1e-5
        got = got.astype(np.float64)
        if got.shape != (V, H):
            raise NotYet(tr(f"dW_in has the shape of W_in, (V, H) = {(V, H)}; got {got.shape}",
                            f"dW_in의 형상은 W_in과 같아야 합니다. 기대한 형상은 (V, H) = {(V, H)}, 받은 형상은 {got.shape}입니다"))
        if np.allclose(got, want, rtol=0, atol=atol):
            continue
        if np.allclose(got, want * C, rtol=0, atol=atol):
            raise NotYet(tr(f"{C} times too large: h is the *mean* of the {C} context rows, so each row gets dh / {C}",
                            f"{C}배 큽니다. h는 맥락 행 {C}개의 *평균*이므로 각 행은 {josa(f'dh / {C}', '을/를')} 받습니다"))
        per_column = np.zeros((V, H))                        # for j in range(C): dW[contexts[:, j]] += dh / C
        for j in range(C):
            per_column[contexts[:, j]] += dh / C
        if np.allclose(got, per_column, rtol=0, atol=atol) or np.allclose(got, per_column * C, rtol=0, atol=atol):
            raise NotYet(tr("fancy-indexed += drops repeated ids (section 4): dW[contexts[:, j]] += dh / C keeps only "
                            "one write for a word that appears in two windows of the same column. Use "
                            "np.add.at(dW, contexts[:, j], dh / C)",
                            "팬시 인덱싱의 +=는 반복된 ID를 버립니다(4절). dW[contexts[:, j]] += dh / C는 같은 열의 두 "
                            "윈도우에 나온 단어에 쓰기 하나만 남깁니다. np.add.at(dW, contexts[:, j], dh / C)를 "
                            "쓰세요"))
        dense = np.zeros((V, H))
        dense[contexts] = np.repeat(dh[:, None, :] / C, C, axis=1)
        if np.allclose(got, dense, rtol=0, atol=atol) or np.allclose(got, dense * C, rtol=0, atol=atol):
            raise NotYet(tr("repeated ids lose rows: a word that appears twice (in one window, or in two) must get "
                            "both of its gradients; dW[contexts] = ... and dW[contexts] += ... keep only one (section 4). Use np.add.at",
                            "반복된 ID의 행이 사라집니다. 두 번 나온 단어는 (한 윈도우 안이든 두 윈도우에 걸쳐서든) "
                            "기울기를 둘 다 받아야 합니다. dW[contexts] = ...와 dW[contexts] += ...는 하나만 "
                            "남깁니다(4절). np.add.at을 쓰세요"))
        raise NotYet(tr(f"dW_in differs from the reference for contexts {contexts.tolist()}: row v is the sum, over "
                        "every position where word v is a context word, of that example's dh / C",
                        f"contexts {contexts.tolist()}에서 dW_in이 기준과 다릅니다. 행 v는 단어 v가 맥락 단어로 나오는 "
                        "모든 자리에서, 그 학습 예의 dh / C를 더한 것입니다"))
    if f32:
        return tr("equal to the reference to float32 precision (your dW_in is float32, dh is float64: float32 is "
                  "fine, it is the book's dtype; dtype=dh.dtype would keep float64), repeats within and across "
                  "windows included",
                  "float32 정밀도에서 기준과 같습니다. 윈도우 안과 윈도우 사이의 반복도 포함합니다. dW_in은 float32, "
                  "dh는 float64입니다. float32도 괜찮습니다. 교재가 쓰는 dtype입니다. dtype=dh.dtype으로 만들면 "
                  "float64가 됩니다")
    return tr("equal to the reference in float64, repeats within and across windows included",
              "float64에서 기준과 같습니다 (윈도우 안과 윈도우 사이의 반복 포함)")


# ---- 3. predict how a backward's cost scales with V, then measure ---------------------------------------

_REF_SLOPES = {"notes loop": 1.0, "w2vlib": 0.0}
_WHY = {"notes loop": tr("Its first line, dw[...]=0, writes every one of the V rows, whatever the batch.",
                         "첫 줄 dw[...]=0이 미니배치와 상관없이 V개 행 전부에 0을 씁니다."),
        "w2vlib": tr("It clears only the rows its previous call wrote, and adds only len(ids) rows: nothing in it "
                     "goes over all V rows.",
                     "직전 호출이 쓴 행만 지우고 len(ids)개 행만 더합니다. V개 행 전체를 도는 부분이 없습니다.")}


def _check_slopes(answer, measure=None, sizes=None):
    return judge_slopes(answer, _REF_SLOPES, _WHY, measure, sizes, knob="SLOPE_VS")


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (predict the gradient)", "문제 1 (기울기 예측하기)"),
        checker=_check_predict,
        solution_text=tr("([7, 7], [4, 4]): accumulating gives 1 + 2 + 4 = 7 per column; with dW[idx] = dout only one "
                         "row survives; current numpy writes them in order, so the last one, [4, 4], does (NumPy's "
                         "indexing docs do not promise the order for repeated indices, so any single row is accepted).",
                         "답은 ([7, 7], [4, 4])입니다. 누적하면 열마다 1 + 2 + 4 = 7입니다. dW[idx] = dout에서는 한 행만 "
                         "남습니다. 지금의 numpy는 차례로 덮어쓰므로 마지막 행 [4, 4]가 남습니다. 반복된 인덱스의 순서를 "
                         "NumPy 문서가 보장하지는 않으므로 다른 한 행을 답해도 정답으로 처리합니다."),
        hint_text=tr("All three dout rows belong to id 3. One backward adds them, the other writes them one "
                     "after another.",
                     "dout의 세 행은 모두 ID 3의 몫입니다. 한쪽 역전파는 그것들을 더하고, 다른 쪽은 하나씩 "
                     "차례로 덮어씁니다."),
        reference=lambda **ctx: ([7, 7], [4, 4]),
    ),
    Exercise(
        name=tr("Exercise 2 (the backward of CBOW's input side)", "문제 2 (CBOW 입력 쪽의 역전파)"),
        checker=_check_cbow_backward,
        solution_text=tr("""def cbow_input_backward(contexts, dh, V):
    N, C = contexts.shape
    dW = np.zeros((V, dh.shape[1]), dtype=dh.dtype)
    per_row = np.repeat(dh[:, None, :] / C, C, axis=1)   # (N, C, H): each context word gets dh / C
    np.add.at(dW, contexts, per_row)                     # repeats, in one window or across windows, add up
    return dW

h = (W_in[c_1] + ... + W_in[c_C]) / C, so dh/dW_in[c_j] = 1/C for each of the C rows; a word used several times
receives the sum. (np.add.at(dW, contexts, dh[:, None, :] / C) broadcasts the same way.)""",
                         """def cbow_input_backward(contexts, dh, V):
    N, C = contexts.shape
    dW = np.zeros((V, dh.shape[1]), dtype=dh.dtype)
    per_row = np.repeat(dh[:, None, :] / C, C, axis=1)   # (N, C, H): 맥락 단어마다 dh / C
    np.add.at(dW, contexts, per_row)                     # 한 윈도우 안이든 윈도우 사이든 반복은 더해집니다
    return dW

h = (W_in[c_1] + ... + W_in[c_C]) / C이므로 C개 행 각각에 대해 dh/dW_in[c_j] = 1/C이고, 여러 번 쓰인 단어는 그 합을
받습니다. (np.add.at(dW, contexts, dh[:, None, :] / C)도 같은 방식으로 브로드캐스트됩니다.)"""),
        hint_text=tr("Differentiate h = (W_in[c_1] + ... + W_in[c_C]) / C with respect to one context row, then "
                     "let the repeats add up as in section 2.",
                     "h = (W_in[c_1] + ... + W_in[c_C]) / C를 맥락 행 하나에 대해 미분한 뒤, 2절에서처럼 반복이 "
                     "더해지게 해 보세요."),
        reference=lambda **ctx: _ref_cbow_input_backward,
    ),
    Exercise(
        name=tr("Exercise 3 (predict the slopes, then measure)", "문제 3 (로그-로그 기울기를 예측하고 측정하기)"),
        checker=_check_slopes,
        solution_text=tr("{'notes loop': 1, 'w2vlib': 0}: the notes' backward starts with dw[...]=0 over all V rows "
                         "(O(V) per call, whatever the batch), the package's clears only the rows written last "
                         "time (O(batch)). That is also why, in section 5, the package can beat the np.add.at version at small "
                         "batches: both add with np.add.at, but the np.add.at version clears all V rows first. "
                         "This shortcut is safe only while nothing else writes into the layer's grads: the book's "
                         "common/trainer.py remove_duplicate adds shared gradients in place (grads[i] += grads[j]), "
                         "so with the book's Trainer keep dW[...] = 0 (the cell after this exercise shows it). "
                         "The check judges the prediction, then shows the measured slopes.",
                         "{'notes loop': 1, 'w2vlib': 0}. 학습 노트의 역전파는 V개 행 전체에 대한 dw[...]=0으로 "
                         "시작하고(미니배치와 상관없이 호출마다 O(V)), 패키지의 역전파는 지난번에 쓴 행만 "
                         "지웁니다(O(batch)). 5절에서 작은 미니배치일 때 패키지가 np.add.at 방식보다 빠를 수 있는 것도 이 때문입니다. "
                         "둘 다 np.add.at으로 더하지만, np.add.at 방식은 먼저 V개 행을 모두 지웁니다. "
                         "이 지름길은 다른 누구도 계층의 grads에 써넣지 않을 때만 안전합니다. 교재의 "
                         "common/trainer.py의 remove_duplicate는 공유 기울기를 그 자리에서 더하므로(grads[i] += "
                         "grads[j]), 교재의 Trainer와 쓸 때는 dW[...] = 0을 그대로 두세요(이 문제 뒤의 셀이 "
                         "보여 줍니다). "
                         "자동 채점은 예측을 판정한 뒤 측정한 로그-로그 기울기를 보여 줍니다."),
        hint_text=tr("The number of ids is fixed; only V changes. Which line of each backward touches every row "
                     "of dW?",
                     "ID 수는 고정되어 있고 V만 바뀝니다. 각 역전파에서 dW의 모든 행을 건드리는 줄은 "
                     "어디일까요?"),
        reference=lambda **ctx: dict(_REF_SLOPES),
    ),
]
