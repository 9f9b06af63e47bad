"""Exercises of notebook 01 (the one-hot bottleneck)."""
from __future__ import annotations

import tracemalloc

import numpy as np

from ..corpus import convert_one_hot
from ..layers import SoftmaxWithLoss, softmax
from ..text import josa
from . import Exercise, NotYet, judge_slopes, tr

# ---- 1. memory at scale ---------------------------------------------------------------------------------


def _memory_mb(batch=100, vocab=1_000_000, contexts=10):
    return batch * contexts * vocab * 4 / 1e6


def _check_memory(answer, batch=100, vocab=1_000_000, contexts=10):
    try:
        if isinstance(answer, (str, bytes)):
            raise TypeError(answer)
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet(tr("give one number, the size in megabytes", "메가바이트 단위의 크기를 숫자 하나로 구해 보세요"))
    want = _memory_mb(batch, vocab, contexts)
    close = lambda x: abs(got - x) <= 0.01 * abs(x)
    if close(want):
        return tr(f"{want:,.0f} MB for {batch * contexts:,} ones", f"{want:,.0f} MB (그 안의 1은 {batch * contexts:,}개)")
    if close(want / contexts):
        raise NotYet(tr(f"each target has {contexts} context words, and each gets its own one-hot row",
                        f"타깃마다 맥락 단어가 {contexts}개이고, 맥락 단어마다 원핫 행이 하나씩 있습니다"))
    if contexts != 2 and close(want * 2 / contexts):
        raise NotYet(tr(f"that is 2 context words per target, as in section 3's batch; this batch has {contexts} "
                        "(a window of 5 words on each side)",
                        f"3절의 미니배치처럼 타깃마다 맥락 단어가 2개일 때의 값입니다. 이 미니배치는 타깃마다 "
                        f"맥락 단어가 {contexts}개입니다(좌우로 5단어씩인 윈도우)"))
    if contexts > 2 and contexts % 2 == 0 and close(want / 2):
        raise NotYet(tr(f"that is {contexts // 2} context words per target; a window of {contexts // 2} on each side "
                        f"gives {contexts}",
                        f"타깃마다 맥락 단어가 {contexts // 2}개일 때의 값입니다. 좌우로 {contexts // 2}단어씩인 윈도우에서는 "
                        f"맥락 단어가 {contexts}개입니다"))
    if close(want * 2):
        raise NotYet(tr("that is float64 (8 bytes); the one-hot rows are float32, 4 bytes per number",
                        "8바이트는 float64의 크기입니다. 원핫 행은 float32이므로 숫자 하나에 4바이트입니다"))
    if close(want / 4):
        raise NotYet(tr("that counts numbers, not bytes: a float32 takes 4 bytes",
                        "바이트가 아니라 숫자의 개수를 셌습니다. float32 하나는 4바이트입니다"))
    if close(want * 8):
        raise NotYet(tr("that counts bits; a megabyte is 10^6 bytes (8 bits each)",
                        "비트를 셌습니다. 1메가바이트는 10^6바이트(바이트당 8비트)입니다"))
    if close(want * 1e6 / 2**20) or close(want * 2**20 / 1e6):
        raise NotYet(tr("that mixes in MiB (2^20 = 1,048,576 bytes); this exercise's megabyte is 10^6 bytes",
                        "MiB(2^20 = 1,048,576바이트)가 섞였습니다. 이 문제의 1메가바이트는 10^6바이트입니다"))
    if close(want * 1e3) or close(want / 1e3) or close(want * 1e6):
        raise NotYet(tr("the digits are right but the unit is not: a megabyte is 10^6 bytes",
                        "숫자는 맞지만 단위가 틀렸습니다. 1메가바이트는 10^6바이트입니다"))
    raise NotYet(tr("count the numbers (targets x context words x V) and multiply by the bytes of one float32",
                    "숫자의 개수(타깃 수 × 맥락 단어 수 × V)를 세고 float32 하나의 바이트 수를 곱해 보세요"))


# ---- 2. the lookup in disguise, on the output side ---------------------------------------------------------


def _ref_column_lookup(W_out, ids):
    return W_out.T[ids]


def _check_lookup(column_lookup):
    rng = np.random.default_rng(1)
    W_out = rng.standard_normal((4, 50)).astype(np.float32)          # (H, V): one column per word
    for ids in [np.array([3, 3, 7]), rng.integers(0, 50, size=(5, 2)), rng.integers(0, 50, size=(2, 3, 4)),
                np.array([0, 49])]:
        try:
            got = np.asarray(column_lookup(W_out, ids))
        except IndexError as err:
            small = np.array([0, 3, 1])                             # ids below H = 4: W_out[ids] runs
            try:
                rows = np.asarray(column_lookup(W_out, small))
                picks_rows = rows.shape == W_out[small].shape and np.allclose(rows, W_out[small])
            except Exception:
                picks_rows = False
            if picks_rows:
                raise NotYet(tr(f"W_out[ids] picks rows of W_out: W_out is (H, V) = {W_out.shape}, so its first axis "
                                f"indexes the H hidden units, not the words (id {int(ids.max())} is past H). "
                                "A word is a column of W_out",
                                f"W_out[ids]는 W_out의 행을 고릅니다. W_out은 (H, V) = {W_out.shape}이므로 첫 번째 축은 "
                                f"단어가 아니라 은닉 뉴런 H개를 가리킵니다 ({josa(f'ID {int(ids.max())}', '은/는')} H를 "
                                "넘습니다). 단어는 W_out의 열입니다"))
            raise NotYet(tr(f"your function raised IndexError ({err}); remember that W_out is (H, V) = {W_out.shape}: "
                            "a word is a column",
                            f"함수가 IndexError를 냈습니다 ({err}). W_out은 (H, V) = {W_out.shape}이고, 단어는 열입니다"))
        want = convert_one_hot(ids, 50) @ W_out.T
        if got.shape != want.shape:
            hint_en = hint_ko = ""
            if got.shape == (W_out.shape[0],) + ids.shape:
                hint_en = " (the word axis comes last: each id's column must become a row of the result)"
                hint_ko = " (단어 축이 맨 뒤에 있습니다. ID마다 그 열이 결과의 행이 되어야 합니다)"
            raise NotYet(tr(f"for ids of shape {ids.shape} the result should have shape {want.shape} "
                            f"(one row per id, H numbers each), got {got.shape}{hint_en}",
                            f"형상이 {ids.shape}인 ids에 대해 결과의 형상은 {want.shape}(ID마다 행 하나, 행마다 숫자 "
                            f"H개)이어야 하는데, {got.shape}입니다{hint_ko}"))
        if not np.allclose(got, want):
            raise NotYet(tr(f"wrong numbers for ids {ids.tolist()}: row k of the result is column ids[k] of W_out",
                            f"ids {ids.tolist()}에 대한 값이 틀렸습니다. 결과의 행 k는 W_out의 열 ids[k]입니다"))
    # the point is to avoid one-hot vectors: 4 ids of a 250,000-word vocabulary must not allocate V numbers each
    big = np.zeros((2, 250_000), dtype=np.float32)
    tracemalloc.start()
    try:
        column_lookup(big, np.array([1, 5, 5, 9]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    if peak > 1_000_000:
        raise NotYet(tr(f"right numbers, but it allocated {peak / 1e6:.1f} MB for 4 ids at V = 250,000: "
                        "that is a one-hot product in disguise (or a copy of all of W_out); pick the columns instead",
                        f"값은 맞지만, V = 250,000에서 ID 4개에 {peak / 1e6:.1f} MB를 할당했습니다. "
                        "위장된 원핫 행렬 곱(또는 W_out 전체의 복사)입니다. 대신 열을 골라내 보세요"))


# ---- 3. the softmax cross-entropy gradient (a paper derivation) ----------------------------------------


def _ref_dscore(score, t):
    """dL/dscore of the batch-mean softmax cross-entropy: (softmax(score) - onehot(t)) / N."""
    y = np.exp(score - score.max(axis=1, keepdims=True))
    y /= y.sum(axis=1, keepdims=True)
    n = score.shape[0]
    y[np.arange(n), t] -= 1
    return y / n


def _layer_dscore(score, t):
    layer = SoftmaxWithLoss()
    layer.forward(score, t)
    return np.asarray(layer.backward())


def _check_dscore(dscore):
    rng = np.random.default_rng(11)
    f32 = False
    for n, v in [(4, 7), (1, 3), (6, 50)]:
        score = rng.standard_normal((n, v)) * 3.0                  # float64
        t = rng.integers(0, v, size=n)
        t[0] = v - 1
        want = _layer_dscore(score, t)
        tol = 1e-9                                                 # float64 layers: a tight tolerance
        got = np.asarray(dscore(score.copy(), t.copy()))
        if got.dtype == np.float32:                                # the book's dtype: judged at float32 precision
            f32, tol = True, 1e-5
        got = got.astype(np.float64)
        if got.shape != score.shape:
            raise NotYet(tr(f"dL/dscore has the shape of score, {score.shape}; got {got.shape}",
                            f"dL/dscore는 score와 같은 형상 {score.shape}이어야 하는데, {got.shape}입니다"))
        err = np.abs(got - want).max() / np.abs(want).max()
        if err <= tol:
            continue
        y = softmax(score)
        onehot = np.eye(v)[t]
        wrong = [
            (tr("the sign is flipped: the loss falls when the target's probability rises, so dL/dscore is y - t, "
                "not t - y", "부호가 반대입니다. 타깃의 확률이 오르면 손실이 내려가므로 dL/dscore는 t - y가 아니라 "
                "y - t입니다"), -want),
            (tr("missing the 1/N: the loss is the mean over the N rows of the batch",
                "1/N이 빠졌습니다. 손실은 미니배치의 N개 행에 대한 평균입니다"), want * n),
            (tr("use the probabilities y = softmax(score), not the raw scores",
                "원래 점수가 아니라 확률 y = softmax(score)를 써 보세요"), (score - onehot) / n),
            (tr("you have y / N: the target's entry also gets -1 / N (for one row, dL/ds_t = y_t - 1, "
                "dL/ds_j = y_j elsewhere)",
                "y / N을 구했습니다. 타깃의 원소에는 -1 / N도 더해집니다 (한 행에서 dL/ds_t = y_t - 1, 나머지는 "
                "dL/ds_j = y_j)"), y / n),
            (tr("you have y: subtract the one-hot target (dL/ds_t = y_t - 1 for one row), then take the batch mean",
                "y를 구했습니다. 원핫 타깃을 빼고(한 행에서 dL/ds_t = y_t - 1), 미니배치 평균을 내 보세요"), y),
            (tr("subtract 1 only at the target's column (t is one-hot), not from every entry",
                "모든 원소가 아니라 타깃의 열에서만 1을 빼 보세요 (t는 원핫입니다)"), (y - 1) / n),
        ]
        for reason, value in wrong:
            if (n > 1 or ("1/N" not in reason["en"] and not reason["en"].startswith("you have y"))) \
                    and np.allclose(got, value, atol=1e-6):
                raise NotYet(reason)
        raise NotYet(tr(f"largest relative difference from SoftmaxWithLoss.backward is {err:.2g} "
                        f"(N = {n}, V = {v}); derive it for one row first (L = -log y_t), then take the mean "
                        "over the N rows",
                        f"SoftmaxWithLoss.backward와의 가장 큰 상대 차이가 {err:.2g}입니다 "
                        f"(N = {n}, V = {v}). 먼저 한 행에 대해 유도한 뒤(L = -log y_t) N개 행의 평균을 내 보세요"))
    if f32:
        return tr("equal to SoftmaxWithLoss.backward to float32 precision (your result is float32: that is fine, it is "
                  "the book's dtype)",
                  "float32 정밀도에서 SoftmaxWithLoss.backward와 같습니다 (결과가 float32입니다. 교재가 쓰는 dtype이므로 "
                  "괜찮습니다)")


# ---- 4. predict how the backward costs scale with V, then measure ----------------------------------------

_REF_SLOPES = {"one-hot": 1.0, "output": 1.0}   # the lookup's backward is notebook 02's exercise 3
_WHY_BACKWARD = {
    "one-hot": tr("MatMul.backward computes dW_in = xᵀ @ dout, a (V × 2N) by (2N × H) product: all V rows of the "
                  "gradient are computed (almost all of them zeros), and dx = dout @ W_inᵀ has V columns.",
                  "MatMul.backward는 dW_in = xᵀ @ dout, 곧 (V × 2N)과 (2N × H)의 곱을 계산합니다. 기울기의 V개 행이 "
                  "모두 계산되고(대부분 0), dx = dout @ W_inᵀ의 열도 V개입니다."),
    "output": tr("The gradient of the loss with respect to the scores has N × V entries, and dW_out = hᵀ @ dscore is H × V: both "
                 "grow with V.",
                 "점수에 대한 손실의 기울기는 원소가 N × V개이고, dW_out = hᵀ @ dscore는 H × V입니다. 둘 다 "
                 "V와 함께 커집니다."),
}


def _check_slopes(answer, measure=None, sizes=None):
    return judge_slopes(answer, _REF_SLOPES, _WHY_BACKWARD, measure, sizes, knob="VOCAB_SIZES")


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (memory at scale)", "문제 1 (대규모에서의 메모리)"),
        checker=_check_memory,
        solution_text=tr("batch * contexts * V * 4 / 1e6: 100 targets x 10 context words x 1,000,000 numbers x 4 bytes "
                         "= 4,000,000,000 bytes = 4,000 MB (for 1,000 ones).",
                         "batch * contexts * V * 4 / 1e6: 타깃 100개 x 맥락 단어 10개 x 숫자 1,000,000개 x 4바이트 "
                         "= 4,000,000,000바이트 = 4,000 MB (그 안의 1은 1,000개)."),
        hint_text=tr("One one-hot row has V numbers. How many rows does a batch hold, and how many bytes is a float32?",
                     "원핫 행 하나에는 숫자가 V개 있습니다. 미니배치에는 행이 몇 개 있고, float32는 몇 바이트일까요?"),
        reference=lambda **ctx: _memory_mb(ctx.get("batch", 100), ctx.get("vocab", 1_000_000),
                                           ctx.get("contexts", 10)),
    ),
    Exercise(
        name=tr("Exercise 2 (the lookup in disguise, on the output side)", "문제 2 (출력 쪽의 위장된 조회)"),
        checker=_check_lookup,
        solution_text=tr("def column_lookup(W_out, ids):\n    return W_out.T[ids]   # W_out.T is a view (no copy); "
                         "fancy indexing picks one row of it, a column of W_out, per id, for ids of any shape\n\n"
                         "(W_out[:, ids] picks the same numbers with the word axis last; for 1-D ids, "
                         "W_out[:, ids].T is right too.)",
                         "def column_lookup(W_out, ids):\n    return W_out.T[ids]   # W_out.T는 뷰(복사 없음)입니다. "
                         "팬시 인덱싱이 ID마다 그 행, 곧 W_out의 열을 하나씩 고릅니다. ID 배열이 어떤 형상이어도 됩니다\n\n"
                         "(W_out[:, ids]도 같은 숫자를 고르지만 단어 축이 맨 뒤에 옵니다. ID 배열이 1차원이면 "
                         "W_out[:, ids].T도 맞습니다.)"),
        hint_text=tr("Row k of one_hot @ W_out.T is column ids[k] of W_out. Which array has those columns as "
                     "its rows, without copying anything?",
                     "one_hot @ W_out.T의 행 k는 W_out의 열 ids[k]입니다. 아무것도 복사하지 않고 그 열들을 행으로 "
                     "가진 배열은 무엇일까요?"),
        reference=lambda **ctx: _ref_column_lookup,
    ),
    Exercise(
        name=tr("Exercise 3 (derive dL/dscore)", "문제 3 (dL/dscore 유도하기)"),
        checker=_check_dscore,
        solution_text=tr("""def dscore(score, t):
    y = np.exp(score - score.max(axis=1, keepdims=True))   # softmax, row by row (shifted: no overflow)
    y /= y.sum(axis=1, keepdims=True)
    N = len(t)
    y[np.arange(N), t] -= 1                                 # y - t, with t one-hot
    return y / N                                            # the loss is a batch mean

On paper, for one row: L = -log y_t with y = softmax(s). Then dL/ds_j = y_j - [j == t]: the predicted
probabilities minus the one-hot target. The batch loss is the mean of N rows, hence the 1/N.""",
                         """def dscore(score, t):
    y = np.exp(score - score.max(axis=1, keepdims=True))   # 행마다 소프트맥스 (최댓값을 빼서 오버플로를 막음)
    y /= y.sum(axis=1, keepdims=True)
    N = len(t)
    y[np.arange(N), t] -= 1                                 # y - t (t는 원핫)
    return y / N                                            # 손실은 미니배치 평균

종이에서 한 행에 대해 유도하면, y = softmax(s)일 때 L = -log y_t입니다. 그러면 dL/ds_j = y_j - [j == t], 곧 예측한 확률에서
원핫 타깃을 뺀 값입니다. 미니배치의 손실은 N개 행의 평균이므로 1/N이 붙습니다."""),
        hint_text=tr("Write L = -s_t + log(sum_j exp(s_j)) for one row and differentiate with respect to s_j. "
                     "Then remember the batch loss is a mean.",
                     "한 행에 대해 L = -s_t + log(sum_j exp(s_j))로 쓰고 s_j로 미분해 보세요. "
                     "그리고 미니배치의 손실이 평균이라는 것을 잊지 마세요."),
        reference=lambda **ctx: _ref_dscore,
    ),
    Exercise(
        name=tr("Exercise 4 (predict the backward slopes, then measure)",
                "문제 4 (역전파의 로그-로그 기울기를 예측하고 측정하기)"),
        checker=_check_slopes,
        solution_text=tr("{'one-hot': 1, 'output': 1}. One-hot: MatMul.backward computes dW_in = xᵀ @ dout, all V "
                         "rows of it, and dx with V columns. Output: the softmax gradient is N × V and dW_out is "
                         "H × V. Measured slopes wander a little (caches, fixed overheads); the check judges the "
                         "prediction, then shows the measurement. (The lookup's backward is notebook 02's exercise 3.)",
                         "{'one-hot': 1, 'output': 1}. 원핫 쪽에서는 MatMul.backward가 dW_in = xᵀ @ dout의 V개 행 전부와, "
                         "열이 V개인 dx를 계산합니다. 출력 쪽에서는 소프트맥스의 기울기가 N × V, dW_out은 H × V입니다. "
                         "측정한 로그-로그 기울기는 조금씩 흔들리므로(캐시, 고정 오버헤드) 자동 채점은 예측을 판정한 뒤 "
                         "측정값을 보여 줍니다. (조회의 역전파는 노트북 02의 연습 문제 3입니다.)"),
        hint_text=tr("For each backward, find the array it writes or computes that has V rows or columns.",
                     "역전파마다 행이나 열이 V개인 배열을 쓰거나 계산하는지 찾아보세요."),
        reference=lambda **ctx: dict(_REF_SLOPES),
    ),
]
