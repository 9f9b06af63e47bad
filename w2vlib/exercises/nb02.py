"""Exercises of notebook 02 (the Embedding layer)."""
from __future__ import annotations

import numpy as np

from ..gradcheck import gradcheck
from ..layers import Embedding
from ..gradcheck import GRADCHECK_TOL
from . import Exercise, NotYet, judge_slopes, tr

# ---- 1. predict the gradient ------------------------------------------------------------------------------


def _check_predict(answer):
    try:
        correct, overwritten = (np.asarray(a, dtype=float).reshape(-1) for a in answer)
    except (TypeError, ValueError):
        raise NotYet(tr("give a pair (correct_row, overwritten_row), each a row of two numbers like [1, 1]",
                        "(correct_row, overwritten_row) 쌍을 주세요. 각각 [1, 1]처럼 숫자 두 개로 된 행입니다"))
    if correct.shape != (2,) or overwritten.shape != (2,):
        raise NotYet(tr("each row of dW has H = 2 numbers here, like [1, 1]",
                        "여기서 dW의 각 행은 [1, 1]처럼 숫자 H = 2개입니다"))
    if not np.allclose(correct, [7, 7]):
        if np.allclose(correct, [4, 4]) or np.allclose(correct, [1, 1]):
            raise NotYet(tr("the correct backward keeps all three rows of dout: a word used three times gets the "
                            "sum of its three gradients",
                            "올바른 역전파는 dout의 세 행을 모두 반영합니다. 세 번 쓰인 단어는 기울기 세 개의 합을 "
                            "받습니다"))
        raise NotYet(tr("the correct row 3 is the sum of the three dout rows that belong to id 3",
                        "올바른 행 3은 ID 3에 속하는 dout 세 행의 합입니다"))
    if not np.allclose(overwritten, [4, 4]):
        if np.allclose(overwritten, [1, 1]):
            raise NotYet(tr("dW[idx] = dout writes the three rows in order, so the *last* write to row 3 survives",
                            "dW[idx] = dout은 세 행을 차례로 쓰므로, 행 3에 *마지막으로* 쓴 값이 남습니다"))
        if np.allclose(overwritten, [7, 7]):
            raise NotYet(tr("the overwriting backward does not add: each write replaces row 3",
                            "덮어쓰는 역전파는 더하지 않습니다. 쓸 때마다 행 3을 대체합니다"))
        raise NotYet(tr("with dW[idx] = dout only one of the three rows survives in row 3: which one?",
                        "dW[idx] = dout이면 행 3에는 세 행 중 하나만 남습니다. 어느 것일까요?"))


# ---- 2. write the backward ---------------------------------------------------------------------------------


class _RefEmbedding(Embedding):
    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        np.add.at(dW, self.idx, dout)
        return None


def _check_backward(cls):
    dtype = np.float64                                       # checks run in float64: tight tolerances
    rng = np.random.default_rng(2)
    W0 = rng.standard_normal((5, 3)).astype(dtype)
    ids = np.array([1, 1, 4, 1, 0, 4])                       # repeats: 1 three times, 4 twice
    G = rng.standard_normal((len(ids), 3)).astype(dtype)
    layer = cls(W0.copy())
    grads_before = layer.grads[0]
    layer.forward(ids)
    layer.backward(G)
    dW = layer.grads[0]
    want = np.zeros_like(W0)
    np.add.at(want, ids, G)
    atol = 1e-12
    if dW is not grads_before:
        raise NotYet(tr("the layer's grads list now holds a new array; the optimiser keeps the old one. "
                        "Write into the array (dW[...] = 0), do not rebind the name",
                        "계층의 grads 리스트에 새 배열이 들어 있습니다. 옵티마이저는 예전 배열을 갖고 있습니다. "
                        "이름이 새 배열을 가리키게 하지 말고, 기존 배열에 써넣으세요 (dW[...] = 0)"))
    if not np.allclose(dW, want, atol=atol):
        overwrite = np.zeros_like(W0)
        overwrite[ids] = G
        if np.allclose(dW, overwrite, atol=atol):
            raise NotYet(tr("repeated ids lose rows: id 1 appears three times and must get the sum of its three "
                            "dout rows (dW[idx] = dout and dW[idx] += dout keep only one)",
                            "반복된 ID의 행이 사라집니다. ID 1은 세 번 나오므로 dout 세 행의 합을 받아야 합니다 "
                            "(dW[idx] = dout과 dW[idx] += dout은 하나만 남깁니다)"))
        if not np.any(dW):
            raise NotYet(tr("dW is still all zeros: write the rows into the layer's own array (dW, = self.grads), "
                            "not into a new one (dW = np.zeros_like(dW) only rebinds a local name)",
                            "dW가 아직 모두 0입니다. 새 배열이 아니라 계층 자신의 배열(dW, = self.grads)에 행을 "
                            "써넣으세요 (dW = np.zeros_like(dW)는 지역 이름이 새 배열을 가리키게 할 뿐입니다)"))
        raise NotYet(tr("dW differs from the sum of dout's rows per id: row v of dW = sum of dout[k] with ids[k] == v",
                        "dW가 ID별 dout 행의 합과 다릅니다. dW의 행 v는 ids[k] == v인 dout[k]들의 합입니다"))
    ids2 = np.array([2, 2])
    G2 = rng.standard_normal((2, 3)).astype(dtype)
    layer.forward(ids2)
    layer.backward(G2)
    want2 = np.zeros_like(W0)
    want2[2] = G2[0] + G2[1]
    if not np.allclose(layer.grads[0], want2, atol=atol):
        raise NotYet(tr("a second backward (ids [2, 2]) still shows rows from the first one: clear dW before adding",
                        "두 번째 역전파(ids [2, 2]) 뒤에도 첫 번째의 행이 남아 있습니다. 더하기 전에 dW를 지우세요"))
    layer.forward(ids)
    layer.backward(G)
    err = gradcheck(lambda: float(np.sum(layer.forward(ids) * G, dtype=np.float64)), layer.params, layer.grads)
    tol = GRADCHECK_TOL
    if err > tol:
        raise NotYet(tr(f"the gradient check fails: relative error {err:.2g} (should be below {tol:g})",
                        f"기울기 확인에 실패했습니다: 상대 오차 {err:.2g} ({tol:g} 미만이어야 합니다)"))
    return tr(f"float64 gradient check passed (relative error below {tol:g})",
              f"float64 기울기 확인 통과 (상대 오차 {tol:g} 미만)")


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
        solution_text=tr("([7, 7], [4, 4]): accumulating gives 1 + 2 + 4 = 7 per column; dW[idx] = dout writes the "
                         "three rows in order and the last one, [4, 4], survives.",
                         "([7, 7], [4, 4]): 누적하면 열마다 1 + 2 + 4 = 7입니다. dW[idx] = dout은 세 행을 차례로 "
                         "덮어쓰므로, 마지막 행 [4, 4]가 남습니다."),
        hint_text=tr("All three dout rows belong to id 3. One backward adds them, the other writes them one "
                     "after another.",
                     "dout의 세 행은 모두 ID 3의 몫입니다. 한쪽 역전파는 그것들을 더하고, 다른 쪽은 하나씩 "
                     "차례로 덮어씁니다."),
        reference=lambda **ctx: ([7, 7], [4, 4]),
    ),
    Exercise(
        name=tr("Exercise 2 (write the backward)", "문제 2 (역전파 작성하기)"),
        checker=_check_backward,
        solution_text=tr("""class MyEmbedding(Embedding):
    def backward(self, dout):
        dW, = self.grads                  # the layer's own array
        dW[...] = 0                       # clear it in place
        np.add.at(dW, self.idx, dout)     # unbuffered add: repeated ids accumulate
        return None

(A loop `for i, word_id in enumerate(self.idx): dW[word_id] += dout[i]` is just as correct, and slower.)""",
                         """class MyEmbedding(Embedding):
    def backward(self, dout):
        dW, = self.grads                  # 계층 자신의 배열
        dW[...] = 0                       # 제자리에서 지웁니다
        np.add.at(dW, self.idx, dout)     # 버퍼 없는 덧셈: 반복된 ID가 누적됩니다
        return None

(반복문 `for i, word_id in enumerate(self.idx): dW[word_id] += dout[i]`도 똑같이 옳지만, 더 느립니다.)"""),
        hint_text=tr("Clear the layer's own dW in place, then add each row of dout to its word's row; "
                     "np.add.at does the adding in one call.",
                     "계층 자신의 dW를 제자리에서 지운 뒤, dout의 각 행을 그 단어의 행에 더하세요. "
                     "np.add.at은 그 덧셈을 한 번의 호출로 합니다."),
        reference=lambda **ctx: _RefEmbedding,
    ),
    Exercise(
        name=tr("Exercise 3 (predict the slopes, then measure)", "문제 3 (로그-로그 기울기를 예측하고 측정하기)"),
        checker=_check_slopes,
        solution_text=tr("{'notes loop': 1, 'w2vlib': 0}: the notes' backward starts with dw[...]=0 over all V rows "
                         "(O(V) per call, whatever the batch), the package's clears only the rows written last "
                         "time (O(batch)). The check judges the prediction, then shows the measured slopes.",
                         "{'notes loop': 1, 'w2vlib': 0}: 학습 노트의 역전파는 V개 행 전체에 대한 dw[...]=0으로 "
                         "시작하고(미니배치와 상관없이 호출마다 O(V)), 패키지의 역전파는 지난번에 쓴 행만 "
                         "지웁니다(O(batch)). 자동 채점은 예측을 판정한 뒤 측정한 로그-로그 기울기를 보여 줍니다."),
        hint_text=tr("The number of ids is fixed; only V changes. Which line of each backward touches every row "
                     "of dW?",
                     "ID 수는 고정되어 있고 V만 바뀝니다. 각 역전파에서 dW의 모든 행을 건드리는 줄은 "
                     "어디일까요?"),
        reference=lambda **ctx: dict(_REF_SLOPES),
    ),
]
