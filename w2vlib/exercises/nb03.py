"""Exercises of notebook 03 (EmbeddingDot and the sigmoid)."""
from __future__ import annotations

import numpy as np

from ..gradcheck import GRADCHECK_TOL, gradcheck, numerical_gradient, relative_error
from ..layers import SigmoidWithLoss, sigmoid
from ..text import josa
from . import Exercise, NotYet, last_digit, rounds_to, tr

# ---- 1. the staged bug hunt on the notes' EmbeddingDot -------------------------------------------------

_CHECK_NAMES_KO = {"constructs from W": "W로 생성하기", "params is [W]": "params가 [W]인가",
                   "grads is [dW]": "grads가 [dW]인가", "forward(h, idx) works": "forward(h, idx)가 동작하는가",
                   "backward passes the gradient check": "backward가 기울기 확인을 통과하는가"}
_ASSERTS_KO = {
    "params should be the list [W], holding W itself": "params는 W 자체를 담은 리스트 [W]여야 합니다",
    "grads should be a list holding one array shaped like W": "grads는 W와 형상이 같은 배열 하나를 담은 리스트여야 합니다",
    "the layer has no attribute grads: is it spelled self.grads?":
        "계층에 grads 속성이 없습니다. self.grads라고 썼는지 확인해 보세요",
    "forward(h, idx) should be W[idx] . h per row": "forward(h, idx)는 행마다 W[idx] . h여야 합니다",
}


def embedding_dot_checks(cls, verbose: bool = False, _state: dict | None = None):
    """Run five checks on an EmbeddingDot class in order; return (number passed, message of the first failure).

    1 constructs from W, 2 params is [W], 3 grads is [dW], 4 forward(h, idx) = W[idx] . h per row,
    5 backward passes a float64 gradient check on a batch with a repeated id.
    """
    dtype = np.float64
    rng = np.random.default_rng(3)
    W0 = rng.standard_normal((6, 3)).astype(dtype)
    h0 = rng.standard_normal((4, 3)).astype(dtype)
    ids = np.array([1, 4, 1, 0])
    d0 = rng.standard_normal(4).astype(dtype)
    tol = GRADCHECK_TOL
    state = {} if _state is None else _state

    def construct():
        state["layer"] = cls(W0)

    def params():
        p = getattr(state["layer"], "params", None)
        assert isinstance(p, list) and len(p) == 1 and p[0] is W0, "params should be the list [W], holding W itself"

    def grads():
        assert hasattr(state["layer"], "grads"), "the layer has no attribute grads: is it spelled self.grads?"
        g = getattr(state["layer"], "grads", None)
        assert isinstance(g, list) and len(g) == 1 and np.shape(g[0]) == W0.shape, \
            "grads should be a list holding one array shaped like W"

    def forward():
        out = state["layer"].forward(h0, ids)
        assert np.allclose(out, np.sum(W0[ids] * h0, axis=1), atol=1e-5), "forward(h, idx) should be W[idx] . h per row"

    def backward():
        layer = state["layer"]
        f = lambda: float(np.sum(layer.forward(h0, ids) * d0, dtype=np.float64))
        f()
        dh = layer.backward(d0)
        err_h = relative_error(dh, numerical_gradient(f, h0))
        f()
        layer.backward(d0)
        err_W = gradcheck(f, layer.params, layer.grads)
        state["errors"] = (err_h, err_W)
        assert max(err_h, err_W) < tol, f"gradient check fails (dh error {err_h:.2g}, dW error {err_W:.2g})"

    checks = [("constructs from W", construct), ("params is [W]", params), ("grads is [dW]", grads),
              ("forward(h, idx) works", forward), ("backward passes the gradient check", backward)]
    for i, (name, fn) in enumerate(checks, 1):
        try:
            fn()
        except Exception as e:  # the class under test may fail in any way: report it, do not raise
            state["failure"] = (i, name, e)
            return i - 1, f"check {i} ({name}) failed with {type(e).__name__}: {e}"
        if verbose:
            print(f"check {i} ({name}): ok")
    return len(checks), None


def _failure_ko(failure, state):
    """The Korean text of the first failure: check name and our own assertion texts translated, Python's
    exception message kept as it is."""
    i, name, e = state["failure"]
    message = str(e)
    if message in _ASSERTS_KO:
        message = _ASSERTS_KO[message]
    elif "errors" in state and message.startswith("gradient check fails"):
        err_h, err_W = state["errors"]
        message = f"기울기 확인 실패 (dh 오차 {err_h:.2g}, dW 오차 {err_W:.2g})"
    particle = josa(f"확인 {i}", "이/가")[-1]           # 확인 1이, 확인 2가: the particle follows the number
    return f"확인 {i}({_CHECK_NAMES_KO[name]}){particle} 실패했습니다({type(e).__name__}). 오류 메시지: {message}"


def _check_bug_hunt(cls):
    if not isinstance(cls, type):
        raise NotYet(tr("give the class itself (MyEmbeddingDot), not an instance",
                        "인스턴스가 아니라 클래스 자체(MyEmbeddingDot)를 넣어 보세요"))
    from ..layers import Embedding as PackageEmbedding
    from ..layers import EmbeddingDot as PackageEmbeddingDot

    if issubclass(cls, PackageEmbeddingDot):
        raise NotYet(tr("that is w2vlib's own EmbeddingDot (or built on it): the exercise is to repair the notes' "
                        "code, so copy their two classes and fix them",
                        "그것은 w2vlib의 EmbeddingDot(또는 그것을 바탕으로 만든 클래스)입니다. 이 문제는 학습 노트의 "
                        "코드를 고치는 것이므로, 노트의 두 클래스를 복사해 고쳐 보세요"))
    state = {}
    passed, failure = embedding_dot_checks(cls, _state=state)
    if not failure and isinstance(getattr(state.get("layer"), "embed", None), PackageEmbedding):
        raise NotYet(tr("all five checks pass, but the layer uses w2vlib's Embedding: the third bug is in the "
                        "notes' Embedding.forward, so fix your copy of it (MyEmbedding) and use that",
                        "확인 5개를 모두 통과하지만 이 계층은 w2vlib의 Embedding을 씁니다. 세 번째 버그는 노트의 "
                        "Embedding.forward에 있으니, 그 복사본(MyEmbedding)을 고쳐서 써 보세요"))
    if failure:
        failure_ko = _failure_ko(failure, state)
        if passed == 4 and "errors" in state:
            err_h, err_W = state["errors"]
            if err_h < GRADCHECK_TOL <= err_W:
                failure += (" (dW is wrong while dh is right. The test batch repeats id 1: does the Embedding's "
                            "backward add the rows of a repeated id (notebook 02), and does it clear dW before adding "
                            "(a second backward must not add to the first)? Does EmbeddingDot pass it dout * h row "
                            "by row?)")
                failure_ko += (" (dh는 맞는데 dW가 틀립니다. 확인용 미니배치에는 ID 1이 두 번 나옵니다. Embedding의 "
                               "역전파가 반복된 ID의 행을 더하는지(노트북 02), 더하기 전에 dW를 지우는지(두 번째 "
                               "역전파가 첫 번째 결과에 더해지면 안 됩니다), EmbeddingDot이 행마다 dout * h를 "
                               "넘기는지 확인해 보세요)")
            elif err_W < GRADCHECK_TOL <= err_h:
                failure += " (dh is wrong while dW is right: dh should be dout * W[idx], row by row)"
                failure_ko += " (dW는 맞는데 dh가 틀립니다. dh는 행마다 dout * W[idx]여야 합니다)"
        if "scalar index" in failure or "list indices" in failure:
            failure += " (something indexes a list with an id array: is W the array, or the list self.params?)"
            failure_ko += " (무언가가 ID 배열로 리스트를 인덱싱합니다. W는 배열인가요, 리스트 self.params인가요?)"
        if "name 'Embedding' is not defined" in failure:
            failure += " (Embedding is not defined here: use your MyEmbedding)"
            failure_ko += " (여기에는 Embedding이 정의되어 있지 않습니다. 여러분의 MyEmbedding을 써 보세요)"
        elif "could not be broadcast" in failure:
            failure += " (dout has shape (N,): reshape it to (N, 1) before multiplying it by h, of shape (N, H))"
            failure_ko += " (dout의 형상은 (N,)입니다. 형상이 (N, H)인 h와 곱하기 전에 (N, 1)로 바꿔 보세요)"
        elif state["failure"][0] == 4 and isinstance(state["failure"][2], (NameError, IndexError)):
            failure += " (what should the Embedding look up: W, or the ids idx?)"
            failure_ko += " (Embedding이 조회해야 하는 것은 W인가요, ID 배열 idx인가요?)"
        if "takes no arguments" in failure:
            failure += " (no constructor ran: which method should have received W?)"
            failure_ko += " (생성자가 실행되지 않았습니다. 어느 메서드가 W를 받았어야 할까요?)"
        raise NotYet(tr(f"{passed} of 5 checks pass; {failure}", f"확인 5개 중 {passed}개 통과. {failure_ko}"))


class _FixedEmbedding:
    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.idx = None

    def forward(self, idx):
        W, = self.params                 # bug 3: W = self.params made W the list [W]
        self.idx = idx
        return W[idx]

    def backward(self, dout):
        dw, = self.grads
        dw[...] = 0
        for i, word_id in enumerate(self.idx):
            dw[word_id] += dout[i]
        return None


class _FixedEmbeddingDot:
    def __init__(self, W):               # bug 1: __intit__ is never called
        self.embed = _FixedEmbedding(W)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache = None

    def forward(self, h, idx):
        target_W = self.embed.forward(idx)   # bug 2: forward(W) looked up an undefined W
        out = np.sum(target_W * h, axis=1)
        self.cache = (h, target_W)
        return out

    def backward(self, dout):
        h, target_W = self.cache
        dout = dout.reshape(dout.shape[0], 1)
        dtarget_W = dout * h
        self.embed.backward(dtarget_W)
        dh = dout * target_W
        return dh


_BUG_HUNT_SOLUTION = '''Three bugs, each shown by one check (the rest is the notes' code):

class MyEmbedding:                        # the notes' Embedding
    ...                                   # __init__ and backward as in the notes
    def forward(self, idx):
        W, = self.params                  # bug 3: "W =self.params" made W the list [W] (check 4: TypeError)
        self.idx = idx
        return W[idx]

class MyEmbeddingDot:
    def __init__(self, W):                # bug 1: "__intit__" is never called (check 1: TypeError)
        self.embed = MyEmbedding(W)
        ...
    def forward(self, h, idx):
        target_W = self.embed.forward(idx)    # bug 2: "forward(W)" names an undefined W (check 4: NameError)
        ...'''

_BUG_HUNT_SOLUTION_KO = '''버그는 세 개이며, 각각 확인 하나가 드러냅니다 (나머지는 학습 노트의 코드 그대로):

class MyEmbedding:                        # 노트의 Embedding
    ...                                   # __init__과 backward는 노트 그대로
    def forward(self, idx):
        W, = self.params                  # 버그 3: "W =self.params"는 W를 리스트 [W]로 만듭니다 (확인 4: TypeError)
        self.idx = idx
        return W[idx]

class MyEmbeddingDot:
    def __init__(self, W):                # 버그 1: "__intit__"은 호출되지 않습니다 (확인 1: TypeError)
        self.embed = MyEmbedding(W)
        ...
    def forward(self, h, idx):
        target_W = self.embed.forward(idx)    # 버그 2: "forward(W)"는 정의되지 않은 W를 씁니다 (확인 4: NameError)
        ...'''


# ---- 2. binary cross-entropy by hand -----------------------------------------------------------------------


def _check_bce(answer):
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet(tr("give one number", "숫자 하나를 넣어 보세요"))
    want = float(np.log(2))
    if abs(got - 1.0) < 5e-4:
        raise NotYet(tr("1 is log₂ 2, the loss in bits; the cross-entropy uses the natural logarithm",
                        "1은 log₂ 2, 곧 비트 단위의 손실입니다. 교차 엔트로피 오차는 자연로그를 씁니다"))
    if rounds_to(got, want):
        if abs(last_digit(got)[0] - 0.1) < 1e-9:
            raise NotYet(tr(f"{got:g} is ln 2 to one decimal, yes; give at least two decimals",
                            f"{josa(f'{got:g}', '은/는')} 소수 첫째 자리까지는 ln 2가 맞습니다. 소수 둘째 자리 이상까지 구해 보세요"))
        if last_digit(got)[0] > 0.01:
            raise NotYet(tr("give at least two decimals", "소수 둘째 자리 이상까지 구해 보세요"))
        return tr(f"ln 2 = {want:.4f}", f"ln 2 = {want:.4f}")
    if abs(got - want) < 0.05:
        raise NotYet(tr(f"close, but {got:g} is not ln 2 rounded to the digits you gave (ln 2 = 0.693...): compute "
                        "-log σ(0) again",
                        f"가깝지만 {josa(f'{got:g}', '은/는')} 여러분이 준 자릿수로 반올림한 ln 2(0.693...)가 아닙니다. "
                        "-log σ(0)을 다시 계산해 보세요"))
    if abs(got - 0.5) < 5e-4:
        raise NotYet(tr("0.5 is σ(0), the probability of 'yes'; the loss for t = 1 is -log σ(x)",
                        "0.5는 '예'일 확률 σ(0)입니다. t = 1일 때의 손실은 -log σ(x)입니다"))
    if abs(got + want) < 5e-4:
        raise NotYet(tr("a loss is never negative: -log of a probability below 1 is positive",
                        "손실은 음수가 될 수 없습니다. 1보다 작은 확률의 -log는 양수입니다"))
    if abs(got - np.log10(2)) < 5e-4:
        raise NotYet(tr("use the natural logarithm, as the cross-entropy does",
                        "교차 엔트로피 오차처럼 자연로그를 써 보세요"))
    raise NotYet(tr("σ(0) = 0.5, and the loss for t = 1 is -log σ(x)",
                    "σ(0) = 0.5이고, t = 1일 때의 손실은 -log σ(x)입니다"))


# ---- 3. the sigmoid + cross-entropy gradient by hand ------------------------------------------------------


def _dx_layer(x, t):
    layer = SigmoidWithLoss()
    layer.forward(x, t)
    return np.asarray(layer.backward(), dtype=np.float64)


def _check_dx(answer):
    x, t = np.array([2.0, -1.0]), np.array([1, 0])
    try:
        got = np.asarray(answer, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise NotYet(tr("give the two numbers dL/dx_1, dL/dx_2 (an array or a list)",
                        "두 숫자 dL/dx_1, dL/dx_2를 넣어 보세요 (배열이나 리스트)"))
    if got.shape != (2,):
        raise NotYet(tr(f"dL/dx has one number per score (2), got {got.size}",
                        f"dL/dx는 점수마다 숫자 하나씩 모두 2개여야 하는데, {got.size}개입니다"))
    want = _dx_layer(x, t)
    close = lambda x: rounds_to(got, x)   # right to the digits given (see w2vlib.exercises.rounds_to)
    if close(want):
        if max(last_digit(g)[0] for g in got) > 0.01:
            raise NotYet(tr("right to the digits you gave; give at least two decimals",
                            "여러분이 준 자릿수까지는 맞습니다. 소수 둘째 자리 이상까지 구해 보세요"))
        return None
    y = sigmoid(x)
    if close(y - t):
        raise NotYet(tr("twice too large: SigmoidWithLoss averages over the N = 2 scores, so divide by N",
                        "두 배 큽니다. SigmoidWithLoss는 N = 2개 점수에 대해 평균을 내므로 N으로 나눠 보세요"))
    if close(-want) or close(t - y):
        raise NotYet(tr("the sign is flipped: it is y - t (raising a wrong 'yes' score must raise the loss)",
                        "부호가 반대입니다. y - t입니다 (틀린 '예'의 점수를 올리면 손실도 올라가야 합니다)"))
    if close((x - t) / 2) or close(x - t):
        raise NotYet(tr("use the probabilities y = sigmoid(x), not the raw scores",
                        "원래 점수가 아니라 확률 y = sigmoid(x)를 써 보세요"))
    if np.allclose(got, want, rtol=0.02, atol=0):
        raise NotYet(tr("close, but not the exact value rounded to the digits you gave: check your arithmetic "
                        "(or keep more digits of sigmoid(x))",
                        "가깝지만 정확한 값을 여러분이 준 자릿수로 반올림한 것과 다릅니다. 계산을 확인해 보세요"
                        "(또는 sigmoid(x)의 자릿수를 더 남겨 보세요)"))
    raise NotYet(tr("dL/dx = (y - t) / N with y = sigmoid(x) and N = 2",
                    "y = sigmoid(x), N = 2일 때 dL/dx = (y - t) / N입니다"))


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (fix the bugs in the notes' EmbeddingDot)", "문제 1 (학습 노트의 EmbeddingDot에서 버그 고치기)"),
        checker=_check_bug_hunt,
        solution_text=tr(_BUG_HUNT_SOLUTION, _BUG_HUNT_SOLUTION_KO),
        hint_text=tr("Run q1.check(notes.EmbeddingDot) first: the first failing check names an error. "
                     "Fix that one line in your copy, check again, repeat. Three lines need a change.",
                     "먼저 q1.check(notes.EmbeddingDot)를 실행해 보세요. 처음 실패한 확인이 오류 이름을 알려 줍니다. "
                     "복사본에서 그 한 줄을 고치고, 다시 확인하기를 반복해 보세요. 고쳐야 할 줄은 세 개입니다."),
        reference=lambda **ctx: _FixedEmbeddingDot,
    ),
    Exercise(
        name=tr("Exercise 2 (binary cross-entropy by hand)", "문제 2 (이진 교차 엔트로피 오차 손으로 계산하기)"),
        checker=_check_bce,
        solution_text=tr("ln 2 ≈ 0.6931: σ(0) = 0.5 and the loss for t = 1 is -log σ(0) = -log 0.5 = ln 2.",
                         "ln 2 ≈ 0.6931: σ(0) = 0.5이고, t = 1일 때의 손실은 -log σ(0) = -log 0.5 = ln 2입니다."),
        hint_text=tr("First σ(0), then the loss for label 1.", "먼저 σ(0)를 구하고, 그다음 레이블 1일 때의 손실을 구해 보세요."),
        reference=lambda **ctx: float(np.log(2)),
    ),
    Exercise(
        name=tr("Exercise 3 (the gradient by hand)", "문제 3 (기울기 손으로 계산하기)"),
        checker=_check_dx,
        solution_text=tr("(sigmoid(np.array([2.0, -1.0])) - np.array([1, 0])) / 2  ≈ [-0.0596, 0.1345]: "
                         "(y - t) / N with N = 2.",
                         "(sigmoid(np.array([2.0, -1.0])) - np.array([1, 0])) / 2  ≈ [-0.0596, 0.1345]: "
                         "N = 2일 때의 (y - t) / N."),
        hint_text=tr("dL/dx = (y - t) / N. What are y, t and N here?", "dL/dx = (y - t) / N. 여기서 y, t, N은 무엇일까요?"),
        reference=lambda **ctx: (sigmoid(np.array([2.0, -1.0])) - np.array([1, 0])) / 2,
    ),
]
