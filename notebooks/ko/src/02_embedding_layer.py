# ---
# jupyter:
#   jupytext:
#     formats: ipynb,src//py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02. Embedding 계층: 행을 꺼내는 순전파, 더해야 하는 역전파
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.1.1~4.1.2절
#
# [노트북 01](01_one_hot_bottleneck.ipynb)에서 `one_hot @ W_in`이 `W_in[ids]`와 정확히 같은 행을 내지만 훨씬 느리고,
# 어휘(vocabulary)가 커질수록 더 느려진다는 것을 측정했습니다. **Embedding 계층**(Embedding layer, 임베딩 계층)은 행을 꺼내는
# 조회(lookup)만 남깁니다. 순전파(forward pass)는 한 줄입니다. 역전파(backward pass)는 학습 노트(노트북 01에서
# 소개했습니다)가 처음에 틀렸던 곳이고, 누구나 틀리기 쉬운 곳이기도 합니다. 미니배치에 두 번 나온
# 단어는 기울기(gradient)를 *둘 다* 받아야 합니다. NumPy의 자연스러운 `dW[idx] += dout`도 반복된 ID의 기울기를 버립니다(4절).
#
# **이 노트북에서 배울 내용**
# - `Embedding.forward(idx)`는 `W[idx]`이며, 원핫(one-hot) 벡터와의 행렬 곱과 같다는 것
# - 역전파가 왜 반복된 ID를 *누적*해야 하는지, 그리고 기울기 확인(gradient check)이 덮어쓰는 버전을 어떻게 잡아내는지
# - 왜 `dW[idx] += dout`과 `W[idx] -= lr * d`는 반복된 ID의 기울기를 조용히 버리고, 반복문과 `np.add.at`은 그렇지 않은지
# - 왜 학습 노트의 `dW[...] = 0`은 옳고 `dW = np.zeros_like(dW)`는 틀리는지
# - 파이썬 반복문, `np.add.at`, scipy 희소 행렬(sparse matrix) 곱의 속도 비교 (측정)

# %%
# %matplotlib inline

import matplotlib.pyplot as plt
import numpy as np
import scipy.sparse

import w2vlib
import w2vlib.exercises
from w2vlib import Embedding, convert_one_hot, gradcheck, notes, plotting
from w2vlib.gradcheck import GRADCHECK_TOL
from w2vlib.text import pad              # 표시 폭(한글은 두 칸)에 맞춘 정렬

q1, q2, q3 = w2vlib.exercises.load("02", lang="ko")   # 끝에 있는 자동 채점 연습 문제

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time, one_thread  # 충분히 긴 측정을 몇 번 반복해 가장 빠른 값

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0                              # 이 노트북의 모든 난수에 쓰는 시드
V_TOY = 6                             # 작은 예제 가중치 행렬의 행 수 (어휘 수)
H_TOY = 3                             # 작은 예제 가중치 행렬의 열 수 (은닉층 크기)
IDS = [0, 2, 0, 4]                    # V_TOY보다 작은 단어 ID의 미니배치. 반복을 하나 이상 두세요 (학습 노트의 예)
SCATTER_V = 10_000                    # 시간 측정의 어휘 수 (PTB의 어휘 수)
SCATTER_H = 100                       # 시간 측정의 은닉층 크기
SCATTER_ROWS = [100, 1_000, 10_000]   # 시간을 잴 역전파당 ID 수 (배치 크기 x 맥락 단어 수), 오름차순
SLOPE_VS = [1_000, 10_000, 100_000]   # 연습 문제 3: 역전파 비용의 로그-로그 기울기를 잴 어휘 수 (오름차순)
REPEAT = 3                            # 시간 측정: 이 횟수만큼 반복해 가장 빠른 값

# %% [markdown]
# ## 1. 순전파: 행 꺼내기
#
# 이 계층의 계산 그래프입니다. 단어 ID가 들어가면 그 ID에 해당하는 `W`의 행이 나옵니다. 돌아오는 길(빨간색)에서는
# 그 행들의 기울기 `dout`이 ID 하나에 한 행씩 `dW`에 더해집니다. 그래프는 패키지의 `Embedding.backward`를, 더하기
# 전에 무엇을 지우는지까지 보여 줍니다(연습 문제 3에서 이것을 한 줄씩 읽어 봅니다).

# %%
plotting.draw_embedding_graph(lang="ko")
plt.show()

# %% [markdown]
# 원소가 자기 위치를 나타내는 가중치 행렬을 쓰면 조회를 읽기 쉽습니다. 행 `i`는 `i * H`로 시작합니다.

# %%
W = np.arange(V_TOY * H_TOY, dtype=np.float32).reshape(V_TOY, H_TOY)
idx = np.array(IDS)
layer = Embedding(W)
out = layer.forward(idx)
print("W =")
print(W)
print(f"forward({IDS}) =")
print(out)
same = np.array_equal(out, convert_one_hot(idx, V_TOY) @ W)
print(f"one_hot(idx) @ W와 같은가: {same}")
print(f"계층이 W의 복사본이 아니라 W 자체를 갖고 있는가: {layer.params[0] is W}")
assert same


# %% [markdown]
# 반복된 ID는 같은 행을 두 번 돌려줄 뿐입니다. 여기까지는 틀릴 것이 없습니다.
#
# ## 2. 반복된 ID가 있을 때의 역전파
#
# 위쪽 계층들이 꺼낸 ID 하나에 한 행씩 기울기 `dout`을 돌려보낸다고 합시다. `dout`의 행 `k`는 `W`의 행 `idx[k]`의
# 몫입니다. 어떤 ID를 두 번 꺼냈다면 그 ID의 `dout` 행 **둘 다** `dW`의 해당 행으로 흘러가야 합니다. 합의 기울기는
# 기울기의 합이기 때문입니다. 여기서 `dout`의 행 `k`는 10^k(1, 10, 100, …)로 채워 두었으므로, `dW`의 자릿수를 보면
# 어느 행들이 도착했는지 알 수 있습니다.

# %%
repeated = [i for i in dict.fromkeys(IDS) if IDS.count(i) > 1]
if repeated:
    rep_id = repeated[0]
    where = [k for k, i in enumerate(IDS) if i == rep_id]
    print(f"IDS = {IDS}: 위치 {where}에서 같은 ID({rep_id})를 꺼내므로, "
          f"dout의 {where}번 행이 모두 dW[{rep_id}]에 더해져야 합니다")
else:
    rep_id = IDS[0]
    print(f"IDS = {IDS}에는 반복된 ID가 없어서 아래 역전파들이 모두 같은 결과를 냅니다. ID 하나를 두 번 넣어 버그를 확인해 보세요.")

# %% [markdown]
# 다음은 패키지 계층의 `backward`만 바꾼 세 가지 역전파입니다. 학습 노트의 첫 번째 버전(`dW[idx] = dout`, 나중에
# 노트에서 주석 처리됨), 학습 노트의 반복문, 그리고 `np.add.at`입니다. 학습 노트의 두 버전은 노트에 적힌 그대로
# `w2vlib.notes`에 있고, 패키지의 `Embedding.backward`가 기준입니다.

# %%
print(notes.source("OverwritingEmbedding", lang="ko"))
OverwritingEmbedding, LoopEmbedding = notes.OverwritingEmbedding, notes.LoopEmbedding


class AddAtEmbedding(Embedding):
    """np.add.at으로 같은 일을 합니다. 반복된 인덱스도 빠짐없이 더하는, 버퍼 없는(unbuffered) 덧셈입니다."""
    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        np.add.at(dW, self.idx, dout)
        return None


# %%
dout = (10.0 ** np.arange(len(IDS)))[:, None] * np.ones((1, H_TOY))
dout = dout.astype(np.float32)
print("dout =")
print(dout)
grads = {}
for cls in [OverwritingEmbedding, LoopEmbedding, AddAtEmbedding, Embedding]:
    lay = cls(W.copy())
    lay.forward(idx)
    lay.backward(dout)
    grads[cls.__name__] = lay.grads[0].copy()
    print(f"{cls.__name__:21s} dW[{rep_id}] = {lay.grads[0][rep_id]}")

# %%
reference = grads["Embedding"]
for name in ["LoopEmbedding", "AddAtEmbedding"]:
    assert np.array_equal(grads[name], reference), name
has_repeat = len(set(IDS)) < len(IDS)
assert np.array_equal(grads["OverwritingEmbedding"], reference) != has_repeat
print("확인 통과: 반복문과 np.add.at은 w2vlib.Embedding과 같고, 덮어쓰는 버전은 다릅니다")

# %%
if has_repeat:
    survivor = max(where)
    print(f"덮어쓰는 버전은 dW[{rep_id}]에 위치 {survivor}의 행({10 ** survivor:,})만 남깁니다. "
          f"이 numpy에서는 행 {rep_id}에 나중에 쓴 값이 앞서 쓴 값을 매번 대체했기 때문입니다"
          "(반복된 인덱스에서 어느 쓰기가 남는지 NumPy가 보장하지는 않습니다).")

# %% [markdown]
# 오류로 멈추지도 않고 형상도 맞습니다. 숫자만 틀립니다. 가장 나쁜 종류의 버그입니다. **기울기 확인**이 이것을
# 잡아냅니다.
#
# ## 3. 덮어쓰기를 드러내는 기울기 확인
#
# `w2vlib.gradcheck`는 해석적 기울기(`backward`로 구한 것)를 중심 차분의 수치 미분으로 구한 기울기(numerical
# gradient)와 비교합니다.
# 각 가중치를 ±ε만큼 살짝 움직이고, 순전파를 다시 실행해 손실이 얼마나 변하는지 봅니다. 손실로는 고정된 무작위 `G`에
# 대해 `sum(forward(idx) * G)`를 쓰므로, 위에서 내려오는 기울기는 정확히 `G`입니다. 상대 오차(relative error)가
# 0에 가까우면 "맞음"입니다. 0.1에서 1 정도의 오차는 역전파가 틀렸다는 뜻입니다.
#
# 확인은 **float64**로 합니다. 계층은 매개변수(parameter)의 dtype을 따르므로, float64 가중치를 주면 순전파와 역전파도
# float64로 계산됩니다. float64의 16자리 정밀도 덕분에 아주 작은 스텝(ε = 10⁻⁶)과, 기울기 전체의 상대 오차에 대한
# 엄격한 허용 오차(`GRADCHECK_TOL`, 10⁻⁶)를 쓸 수 있습니다. 이 상대 오차는 해석적 기울기 a와 수치 기울기 n에 대해
# ‖a − n‖ / (‖a‖ + ‖n‖)입니다. 둘이 같으면 0, 서로 무관하면 1 안팎이고, 1을 넘지 않습니다. 다른 곳은 다르게 고릅니다. CS224n 과제 2의
# `gradcheck_naive`는 h = 10⁻⁴만큼 움직이고, max(1, |수치 기울기|, |해석적 기울기|)에 대한 차이의 비가 10⁻⁵를 넘는
# 원소가 있으면 실패로 봅니다. 1권(밑바닥부터 시작하는 딥러닝)의 `numerical_gradient`는 h = 10⁻⁴만큼 움직입니다(그
# `gradient_check`는 평균 절대 차이를 출력할 뿐 기준값이 없습니다). PyTorch의 `gradcheck`는 eps = 10⁻⁶만큼 움직이고
# atol = 10⁻⁵, rtol = 10⁻³로 `|a − n| ≤ atol + rtol·|n|`이면 통과로 보며, 문서는 배정밀도(double)를 쓰라고 합니다.
# 학습은 속도를 위해 float32로 합니다.

# %%
rng = np.random.default_rng(SEED)
W_rand = rng.standard_normal((V_TOY, H_TOY))                     # float64
G = rng.standard_normal((len(IDS), H_TOY))                       # 고정된, 위에서 내려오는 기울기, float64

def fmt_err(err):
    """출력용 상대 오차: 그 값, 또는 반올림 잡음이면 "< 1e-8" (그 자릿수는 컴퓨터마다 다릅니다)."""
    return f"{err:.1e}" if err >= 1e-8 else "< 1e-8"

def gradient_error(cls, W, eps=None):
    """cls의 역전파와 sum(forward(idx) * G)의 수치 미분 기울기 사이의 상대 오차."""
    lay = cls(W.copy())
    loss = lambda: float(np.sum(lay.forward(idx) * G, dtype=np.float64))
    loss()
    lay.backward(G.astype(W.dtype))
    return gradcheck(loss, lay.params, lay.grads, eps=eps)

errors = {cls.__name__: gradient_error(cls, W_rand) for cls in [OverwritingEmbedding, LoopEmbedding, AddAtEmbedding, Embedding]}
for name, err in errors.items():
    print(f"{name:21s} 상대 오차 {fmt_err(err)}")

# %%
if has_repeat:
    assert errors["OverwritingEmbedding"] > 0.1, "덮어쓰기가 잡혀야 합니다"
for name in ["LoopEmbedding", "AddAtEmbedding", "Embedding"]:
    assert errors[name] < GRADCHECK_TOL, name
print(f"확인 통과: float64에서 누적하는 버전들은 {GRADCHECK_TOL:g} 이내로 일치합니다"
      + (". 덮어쓰는 버전은 잡아냈습니다." if has_repeat else ""))

# %% [markdown]
# **왜 float32로는 안 될까요?** 1 근처의 float32 숫자는 이웃한 값과 약 10⁻⁷ 떨어져 있습니다. 그래서 10⁻⁶의 스텝은
# 가중치를 표현 가능한 값 몇 칸만큼만 움직입니다. 이때 `W ± ε`를 float32로 반올림하면 실제로 움직인 스텝이 최대 몇
# 퍼센트씩 달라지고, 차분으로 구한 기울기도 퍼센트 단위로 틀어집니다. 허용 오차보다 훨씬 큰 오차입니다(손실 자체는
# 여기서 float64로 더합니다). 같은 확인을
# float32 가중치에 대해, float64용 스텝과 float32에 필요한 큰 스텝으로 해 봅니다.

# %%
W32 = W_rand.astype(np.float32)
err32_small, err32_large = gradient_error(Embedding, W32, eps=1e-6), gradient_error(Embedding, W32, eps=1e-2)
print(f"올바른 Embedding, float32 가중치: eps = 1e-6이면 상대 오차 {err32_small:.1e}, "
      f"eps = 1e-2이면 {err32_large:.1e}")
assert err32_small > GRADCHECK_TOL and err32_small > err32_large
large_verdict = "통과합니다" if err32_large < GRADCHECK_TOL else "여전히 통과하지 못합니다"
print(f"확인 통과: float32에서는 작은 스텝이 허용 오차({GRADCHECK_TOL:g})를 넘습니다. 큰 스텝은 {large_verdict}.")

# %% [markdown]
# 여기서 큰 스텝이 아무 손해도 없는 것은 이 시험용 손실 `sum(forward(idx) * G)`가 `W`에 대해 *선형*이기 때문입니다.
# 선형 함수의 중심 차분에는 어떤 스텝에서도 절단 오차가 없으므로 반올림 오차만 남습니다. 실제(비선형) 손실에서는 큰
# 스텝이 ε² 크기의 절단 오차를 더합니다. 그래서 확인은 float64에서 작은 스텝으로 합니다(노트북 03이 비선형 손실에서
# float32의 스텝들을 잽니다).

# %% [markdown]
# ## 4. 무해해 보이는 두 함정
#
# **`dW[idx] += dout`도 누적하지 않습니다.** 팬시 인덱싱(fancy indexing)에서 `+=`는 `dW[idx] = dW[idx] + dout`의 줄임말입니다.
# numpy는 행들을 *모으고*, 더한 뒤, 다시 *써넣습니다*. 그래서 반복된 ID의 행은 여러 번 쓰이고 그중 하나만 남습니다(여기서는
# 마지막 값이지만, 어느 것이 남는지 NumPy는 보장하지 않습니다).
# 덮어쓰기와 똑같습니다. 희소한 SGD 갱신 `W[idx] -= lr * d`에서도 같은 일이 일어납니다. `np.add.at(W, idx, d)`(또는
# 반복문)가 해결책입니다.

# %%
buffered = np.zeros((V_TOY, H_TOY), dtype=np.float32)
buffered[idx] += dout                       # 누적처럼 보이지만 아닙니다
unbuffered = np.zeros((V_TOY, H_TOY), dtype=np.float32)
np.add.at(unbuffered, idx, dout)            # 정말로 누적합니다
print(f"dW[idx] += dout      -> 행 {rep_id}: {buffered[rep_id]}")
print(f"np.add.at(dW, ...)   -> 행 {rep_id}: {unbuffered[rep_id]}")
assert np.array_equal(unbuffered, reference)
assert np.array_equal(buffered, reference) != has_repeat

# %% [markdown]
# **`dW = np.zeros_like(dW)`가 아니라 `dW[...] = 0`.** 학습 노트는 `np.zeros`가 `dW[...] = 0`과 같은 일을 하지
# 않을까 궁금해합니다. 그렇지 않습니다. `dW, = self.grads`는 계층의 `grads` 리스트 안에 있는 배열에 *이름*을 붙일
# 뿐입니다. `dW[...] = 0`은 그 배열에 0을 써넣습니다. `dW = np.zeros_like(dW)`는 *새* 배열을 만들어 지역 이름이 그것을
# 가리키게 하므로, 계층의 `grads`(옵티마이저가 읽는 곳)는 결과를 보지 못합니다.

# %%
lay = Embedding(W.copy())
dW, = lay.grads
dW = np.zeros_like(dW)        # 지역 이름이 새 배열을 가리킬 뿐입니다
dW[0] = 123.0
print(f"dW = np.zeros_like(dW) 뒤: lay.grads[0][0] = {lay.grads[0][0]}  (그대로)")
dW, = lay.grads
dW[...] = 0                   # 계층 자신의 배열에 씁니다
dW[0] = 123.0
print(f"dW[...] = 0 뒤:            lay.grads[0][0] = {lay.grads[0][0]}")


# %% [markdown]
# ## 5. 누적은 얼마나 빠를까? 반복문 대 `np.add.at` 대 희소 행렬
#
# `ids`(n개)와 `dout`(n × H)으로 `dW`(V × H)를 만드는 세 가지 방법입니다.
#
# 1. **반복문**: 학습 노트의 `for` 반복문. ID 하나에 파이썬 반복 한 번.
# 2. **`np.add.at`**: numpy 호출 한 번.
# 3. **희소 행렬 흩뿌리기(scatter)**: `(ids[k], k)` 자리에 1이 있는 V × n 행렬 `S`를 만들고 scipy로 `S @ dout`을
#    계산합니다. `S`는 노트북 01의 원핫 행렬을 전치한 것과 정확히 같으므로, `S @ dout`은 원핫 계층의 역전파
#    (`one_hotᵀ @ dout`)가 계산하는 값입니다. 희소하게 저장하면 V × n개의 숫자 대신 1을 n개만 저장합니다.
#
# 실제 미니배치에서는 자주 나오는 단어가 반복되므로, ID는 지프(Zipf) 분포 비슷한 분포(확률 ∝ 1/순위)에서 뽑습니다.
# 모든 방법은 미리 할당한 `dW` 하나를 전부 채우므로 같은 조건으로 비교됩니다. 반복문과 `np.add.at`은 먼저 `dW`를
# 지우고(교재의 계층처럼 `dW[...] = 0`), 희소 행렬 곱은 결과로 `dW`를 덮어씁니다. 네 번째 줄은 패키지의 `Embedding.backward` 시간입니다. 이것도 `np.add.at`을 씁니다. 모든 방법은 BLAS
# 스레드 하나에서 CPU 시간으로 세 번 잽니다(한 번 걸러 순서를 뒤집습니다). 표에는 세 번 잰 값의 중앙값을 싣고,
# `최대/최소 비` 줄은 세 번 잰 값이 몇 배까지 달랐는지(가장 느린 값 / 가장 빠른 값) 보여 주므로 표에서 얼마만큼이
# 잡음인지 알 수 있습니다. 표 아래에는 교재 크기의 미니배치마다 어느 방법이 더 빠른지 한 줄씩 출력합니다.

# %%
def scatter_loop(ids, dout, dW):
    dW[...] = 0                         # 교재의 계층처럼 먼저 지웁니다
    for k, word_id in enumerate(ids):
        dW[word_id] += dout[k]
    return dW


def scatter_add_at(ids, dout, dW):
    dW[...] = 0
    np.add.at(dW, ids, dout)
    return dW


def scatter_sparse(ids, dout, dW):
    n = len(ids)
    S = scipy.sparse.csr_matrix((np.ones(n, dtype=dout.dtype), (ids, np.arange(n))), shape=(dW.shape[0], n))
    dW[...] = S @ dout                  # 행 v = ID가 v인 dout 행들의 합
    return dW


SCATTERS = {"loop": scatter_loop, "np.add.at": scatter_add_at, "sparse S @ dout": scatter_sparse}

# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
zipf_p = 1.0 / np.arange(1, SCATTER_V + 1)
zipf_p /= zipf_p.sum()
W_big = (0.01 * rng.standard_normal((SCATTER_V, SCATTER_H))).astype(np.float32)
timings, agree = {name: [] for name in [*SCATTERS, "w2vlib Embedding.backward"]}, []
LABELS = {"loop": "반복문", "np.add.at": "np.add.at", "sparse S @ dout": "희소 행렬 S @ dout",
          "w2vlib Embedding.backward": "w2vlib Embedding.backward"}        # 표와 그래프의 이름
spread = []                             # 최대/최소 비(가장 느린 값 / 가장 빠른 값), 방법 중 가장 큰 값
with one_thread():                      # 모든 방법을 BLAS 스레드 하나에서, 이 프로세스의 CPU 시간으로
    for n in SCATTER_ROWS:
        ids = rng.choice(SCATTER_V, size=n, p=zipf_p)
        dout_big = rng.standard_normal((n, SCATTER_H)).astype(np.float32)
        dW_big = np.empty_like(W_big)   # 미리 할당한 dW 하나를 모든 방법이 지우고 씁니다(같은 조건)
        results = [fn(ids, dout_big, dW_big).copy() for fn in SCATTERS.values()]   # 예열도 겸합니다
        agree.append(all(np.allclose(r, results[0], atol=1e-4) for r in results))
        emb = Embedding(W_big)
        emb.forward(ids)
        emb.backward(dout_big)
        agree[-1] &= bool(np.allclose(emb.grads[0], results[0], atol=1e-4))
        fns = {**{name: (lambda fn=fn: fn(ids, dout_big, dW_big)) for name, fn in SCATTERS.items()},
               "w2vlib Embedding.backward": lambda: emb.backward(dout_big)}
        rounds = [{name: best_time(fns[name], REPEAT, cpu=True) for name in (list(fns) if r % 2 == 0 else list(fns)[::-1])}
                  for r in range(3)]    # 세 번 잽니다. 한 번 걸러 방법의 순서를 뒤집습니다
        for name in fns:
            timings[name].append(float(np.median([r[name] for r in rounds])))   # 세 번 잰 값의 중앙값
        spread.append(max(max(r[name] for r in rounds) / min(r[name] for r in rounds) for name in fns))

print(f"{pad('역전파당 ID 수', 28, '>')}" + "".join(f"{n:>13,d}" for n in SCATTER_ROWS))
for name, ts in timings.items():
    print(f"{pad(LABELS[name], 28, '>')}" + "".join(f"{t * 1e3:>7.3f}밀리초" for t in ts))
for name in ["np.add.at", "sparse S @ dout"]:
    ratios = [a / b for a, b in zip(timings["loop"], timings[name])]
    print(f"{pad(LABELS['loop'] + ' / ' + LABELS[name], 28, '>')}" + "".join(f"{r:>11.1f}배" for r in ratios))
ratios = [a / b for a, b in zip(timings["w2vlib Embedding.backward"], timings["np.add.at"])]
print(f"{pad('w2vlib / np.add.at', 28, '>')}" + "".join(f"{r:>11.1f}배" for r in ratios))
print(f"{pad('최대/최소 비(방법 중 최대)', 28, '>')}" + "".join(f"{r:>11.1f}배" for r in spread))
for n_book, what in [(100, "교재의 Embedding 계층 10개 중 하나(미니배치 100)"), (1_000, "융합한 입력 계층(100 × 10)")]:
    if n_book in SCATTER_ROWS:
        i = SCATTER_ROWS.index(n_book)
        r_sparse = timings["np.add.at"][i] / timings["sparse S @ dout"][i]
        r_pkg = timings["w2vlib Embedding.backward"][i] / timings["np.add.at"][i]
        print(f"ID {n_book:,}개 = {what}.\n"
              f"    np.add.at / 희소 행렬 = {r_sparse:.1f}배 -> "
              f"{'희소 행렬 곱이 더 빠릅니다' if r_sparse > 1.1 else 'np.add.at이 더 빠릅니다' if r_sparse < 0.9 else '거의 같습니다'}. "
              f"w2vlib / np.add.at = {r_pkg:.1f}배 -> "
              f"{'np.add.at이 더 빠릅니다' if r_pkg > 1.1 else '패키지가 더 빠릅니다' if r_pkg < 0.9 else '거의 같습니다'}.")
print(f"numpy {np.__version__}")

# %%
assert all(agree), "모든 흩뿌리기 방법이 같은 dW를 내야 합니다"
t_loop, t_sparse = np.array(timings["loop"]), np.array(timings["sparse S @ dout"])
t_addat = np.array(timings["np.add.at"])
need = 2 if SCATTER_ROWS[-1] >= 10_000 else 1        # ID 10,000개부터는 2배 이상, 1,000개부터는 더 빠르기만 하면 됩니다
margin = "2배 이상 " if need == 2 else ""
if SCATTER_ROWS[-1] >= 1_000:
    assert t_sparse[-1] * need < t_loop[-1] and t_sparse[-1] * need < t_addat[-1], \
        f"ID가 {SCATTER_ROWS[-1]:,}개이면 희소 행렬 곱이 반복문과 np.add.at보다 {margin}빨라야 합니다"
if SCATTER_ROWS[-1] >= 100 * SCATTER_ROWS[0]:
    assert t_loop[-1] > 5 * t_loop[0], "반복문의 비용은 ID 수와 함께 커져야 합니다"
print("확인 통과: 모든 방법이 같은 결과를 냅니다" + (f". ID가 {SCATTER_ROWS[-1]:,}개일 때 희소 행렬 흩뿌리기가 반복문과 "
      f"np.add.at보다 {margin}빠릅니다." if SCATTER_ROWS[-1] >= 1_000 else " (속도를 비교하려면 ID를 1,000개 이상 써 보세요)"))

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(6.4, 4.0))
for (name, ts), marker in zip(timings.items(), "os^D"):
    ax.plot(SCATTER_ROWS, np.array(ts) * 1e3, marker + "-", label=LABELS[name])
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("역전파당 ID 수 (배치 크기 × 맥락 단어 수)")
ax.set_ylabel("역전파 한 번의 시간 (밀리초)")
ax.set_title(f"dW 누적 (V = {SCATTER_V:,}, H = {SCATTER_H})")
ax.legend(fontsize=9)
plt.show()


# %% [markdown]
# 표와 그래프를 읽는 법:
#
# - **반복문**(loop)은 ID 하나에 파이썬 반복 한 번이 들므로, 시간이 ID 수와 함께 커집니다. 반복문이
#   `dW`를 지우는 고정 비용보다 커지면 거의 비례합니다(ID 수의 범위가 100배 이상이면 확인 셀이 적어도 5배 커지는지
#   확인합니다).
# - **`np.add.at`**은 한 줄이고 언제나 옳습니다. 하지만 빠르다고 가정하지는 마세요. 2차원 행에서 반복문보다 얼마나
#   빠른지는 numpy 버전(위에 출력했습니다)과 ID 수에 따라 다릅니다. 규칙을 믿기보다 `반복문 / np.add.at` 줄을 읽어 보세요.
# - **희소 행렬 곱**(sparse)은 고정 비용이 더 큽니다. `S`를 만들고, `S @ dout`이 V × H 크기의 새 결과를 만든 뒤 그것을
#   `dW`에 복사합니다(반복문과 `np.add.at`은 `dW`를 한 번 지우기만 합니다). 그래서 작은 미니배치에서는
#   `np.add.at`보다 *느릴* 수 있습니다(ID 100개에서 어느 쪽이 이기는지는 표 아래의 `np.add.at / 희소 행렬`
#   판정 줄이 알려 줍니다). 대신 비용이 ID 수에 따라 훨씬 천천히 커지고, 잰 크기 중 가장 큰 크기에서 반복문과
#   `np.add.at`보다 빠릅니다(그 크기가 ID 1,000개 이상이면 위에서 확인하고, 10,000개 이상이면 2배 이상인지
#   확인합니다).
# - word2vec에는 어느 크기가 필요할까요? 교재의 CBOW(`ch04/cbow.py`)는 `2 * window_size` = 10개의 `Embedding` 계층을
#   따로 두고 각각에 열 하나 `contexts[:, i]`를 넣습니다. 그래서 교재의 미니배치 100에서 역전파 한 번이 받는 ID는
#   **100개**로, 기본 설정값에서 잰 가장 작은 크기입니다. 맥락 단어 10개를 한꺼번에 처리하는 융합한 입력 계층이라면
#   1,000개를 받습니다. 표 아래의 판정 줄이 두 크기에서 `np.add.at / 희소 행렬` 비를 출력하고, 여러분의 컴퓨터에서
#   교재의 크기와 융합한 크기에서 어느 방법이 이기는지 알려 줍니다. 위의 확인은 가장 큰 크기에 대한 것뿐입니다.
# - 패키지의 `Embedding.backward`는 교재의 밀집(dense) `dW`를 유지하고 누적은 `np.add.at`으로 하며, 여기에 부가
#   작업이 더해집니다. 다음 호출을 위해 자기가 쓴 행을 기록해 둡니다(V가 커질 때 그것으로 무엇을 얻는지는 연습 문제
#   3이 잽니다). `w2vlib / np.add.at` 줄은 이 V에서의 결과를 보여 줍니다. 1배보다 작으면 패키지가 더 빠르다는
#   뜻입니다. 같은 `np.add.at`에 부가 작업까지 하는데 어떻게 더 빠를 수 있는지는 연습 문제 3에서 직접 따져 보세요.
#   이 부가 작업에는 조건이 있습니다. 두 역전파 호출 사이에 다른 누구도 계층의 `grads`에 써넣지 않아야 옳습니다.
#   패키지의 `Trainer`는 `grads`에 아무것도 더하지 않지만, 교재의 `common/trainer.py`는 더합니다(`remove_duplicate`가
#   공유 가중치를 `grads[i] += grads[j]`로 합칩니다). 그러니 교재의 `Trainer`와 쓸 때는 교재의 `dW[...] = 0`을
#   그대로 두세요. 빠른 갱신은 계층 하나가 아니라 계층과 `Trainer`가 함께 만드는 성질입니다(연습 문제 3 뒤에서
#   보여 줍니다).
#   계층은 교재의 읽기 쉬운 모양을 우선하고, 노트북 05의 융합 커널(fused kernel)은 기울기를 희소 행렬 곱으로 더합니다.
#
# 모두 float32 정밀도 안에서 같은 결과를 내므로(위에서 확인), 선택은 순전히 속도의 문제입니다.
#
# ## 정리
#
# - Embedding 계층(Embedding layer)은 `one_hot @ W`를 행 조회 `W[idx]`로 바꿉니다. 숫자는 같고, 원핫(one-hot)
#   벡터가 없으며, 순전파의 비용은 어휘(vocabulary) 수와 상관없습니다(역전파의 비용은 연습 문제 3에서 묻습니다).
# - 역전파(backward pass)는 **누적**해야 합니다. 미니배치에 k번 나온 단어 ID는 기울기(gradient) 행 k개의 합을
#   받습니다. `dW[idx] = dout`과 `dW[idx] += dout`은 둘 다 조용히 하나만 남깁니다.
# - 기울기 확인(gradient check, 수치 미분 기울기 대 해석적 기울기)은 덮어쓰기를 잡아냅니다. 상대 오차가 0 근처가
#   아니라 0.1 정도가 됩니다.
# - `dW[...] = 0`은 계층의 기울기 배열에 써넣고, `dW = np.zeros_like(dW)`는 지역 이름이 새 배열을 가리키게 할 뿐입니다.
# - 반복문, `np.add.at`, 희소 행렬(sparse matrix) 곱(`Sᵀ` = 원핫 행렬을 희소하게 저장한 것)은 모두 같은 `dW`를
#   냅니다. 잰 크기 중 가장 큰 미니배치에서는 희소 행렬 곱이 셋 중 가장 빠릅니다(확인합니다). 작은 미니배치에서는
#   고정 비용 때문에 `np.add.at`보다 느릴 수 있습니다. 교재의 크기에서 어느 쪽이 이기는지는 시간 측정 셀이 출력합니다.
#
# ## 연습 문제
#
# 각 `...`를 여러분의 답으로 바꾸고 셀을 실행해 보세요. 자동 채점 셀이 `아직 풀지 않았습니다.`, `아직 정답이 아닙니다. <이유>` 또는
# `정답입니다.`라고 알려 줍니다. `q1.hint()`는 힌트를, `q1.solution()`은 모범 풀이를 보여 줍니다.
#
# 1. **기울기 예측하기.** `ids = [3, 3, 3]`이고 `dout`의 행이 `[1, 1]`, `[2, 2]`, `[4, 4]`이면 `dW`의 행 3은
#    무엇일까요? 덮어쓰는 역전파라면 무엇이 나올까요? 둘 다 `answer_1 = (correct_row, overwritten_row)`에 넣어 보세요.
# 2. **CBOW 입력 쪽의 역전파.** CBOW(노트북 05)는 타깃(target)마다 맥락 단어 C개를 `W_in`에서 조회해 평균합니다. 곧
#    `h = (W_in[c_1] + … + W_in[c_C]) / C`입니다. `contexts`(N × C개의 ID)와 기울기 `dh`(N × H)가 주어질 때
#    `dL/dW_in`(V × H)을 돌려주는 `cbow_input_backward(contexts, dh, V)`를 작성해 보세요. 한 단어가 한 윈도우 안에 두 번,
#    그리고 여러 윈도우에 나올 수 있습니다. 자동 채점은 그런 반복으로 가득한 미니배치에서 float64로 기준 풀이와
#    비교합니다(교재의 dtype인 float32로 답하면 float32 정밀도로 판정합니다).
# 3. **예측하고 측정하기: V가 커질 때의 역전파.** ID 수가 고정된 역전파의 시간은 V에 따라 어떻게 커질까요? 두
#    역전파를 한 줄씩 읽어 보세요(학습 노트의 역전파는 `notes.source("LoopEmbedding", lang="ko")`로 출력할 수 있고,
#    패키지의 역전파는 1절의 그래프가 보여 줍니다). 학습 노트의 역전파(`notes.LoopEmbedding`)와 패키지의 역전파(`w2vlib.Embedding`) 각각의
#    로그-로그 기울기(0 = V와 상관없음, 1 = V에 비례)를 `prediction_3`에 넣어 보세요. 자동 채점은 먼저 예측을 판정하고
#    (±0.25 이내), 그다음에야 바로 위 셀에 정의된 `time_backwards`로 `SLOPE_VS`에서 둘의 시간을 재어 측정한 로그-로그 기울기를
#    보여 줍니다.

# %%
answer_1 = ...                  # (correct_row, overwritten_row)
q1.check(answer_1)
# q1.hint()
# q1.solution()


# %%
def cbow_input_backward(contexts, dh, V):
    ...                         # 여기에 코드를 작성해 보세요. 형상이 (V, H)인 dW_in을 돌려줍니다


q2.check(cbow_input_backward)
# q2.hint()
# q2.solution()

# %%
def time_backwards(V, n_ids=20, rng=None):
    """어휘 수 V에서 ID n_ids개에 대한 학습 노트의 반복문과 w2vlib Embedding의 역전파 한 번에 걸리는 초."""
    rng = np.random.default_rng(SEED) if rng is None else rng
    W_ = (0.01 * rng.standard_normal((V, SCATTER_H))).astype(np.float32)
    ids = rng.integers(0, V, size=n_ids)
    d = rng.standard_normal((n_ids, SCATTER_H)).astype(np.float32)
    times = {}
    for name, cls in [("notes loop", notes.LoopEmbedding), ("w2vlib", Embedding)]:
        lay = cls(W_)
        lay.forward(ids)
        lay.backward(d)
        with one_thread():                  # BLAS 스레드 하나에서, 이 프로세스의 CPU 시간으로 (5절처럼)
            times[name] = best_time(lambda: lay.backward(d), REPEAT, cpu=True)
    return times


# %%
prediction_3 = ...              # {"notes loop": ..., "w2vlib": ...}
q3.check(prediction_3, measure=time_backwards, sizes=SLOPE_VS)
# q3.hint()
# q3.solution()

# %% [markdown]
# **연습 문제 3 뒤에: 계층과 `Trainer`를 함께 봐야 하는 이유.** 교재의 CBOW처럼 `W` 하나를 공유하는 `Embedding` 계층
# 두 개를 두고, 단계마다 교재의 `remove_duplicate`처럼 그 자리에서 합칩니다(`grads[i] += grads[j]`). 1단계는 ID 0과
# ID 5를, 2단계는 ID 2와 ID 3을 조회하므로, 2단계 뒤 합친 기울기에는 행 2와 행 3만 있어야 합니다.

# %%
def two_steps(layer_cls):
    """W를 공유하는 두 계층의 학습 두 단계를 교재의 remove_duplicate처럼 합친 뒤, 0이 아닌 행."""
    W_shared = np.zeros((6, 2), dtype=np.float32)
    a, b = layer_cls(W_shared), layer_cls(W_shared)
    for id_a, id_b in [(0, 5), (2, 3)]:
        for lay, i in [(a, id_a), (b, id_b)]:
            lay.forward(np.array([i]))
            lay.backward(np.ones((1, 2), dtype=np.float32))
        a.grads[0] += b.grads[0]            # 교재의 합치기. 첫 계층의 기울기에 그 자리에서 더합니다
    return np.flatnonzero(np.any(a.grads[0] != 0, axis=1)).tolist()


rows_pkg, rows_clear = two_steps(Embedding), two_steps(notes.LoopEmbedding)
print(f"w2vlib의 Embedding:                   0이 아닌 행 {rows_pkg}   (행 5는 1단계에서 남은 낡은 값입니다)")
print(f"학습 노트의 LoopEmbedding, dW[...]=0: 0이 아닌 행 {rows_clear}")
assert rows_clear == [2, 3] and rows_pkg == [2, 3, 5]

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): NumPy 문서(인덱싱 문서의 "For advanced assignments, there is in general no guarantee
# for the iteration order", `ufunc.at`); *밑바닥부터 시작하는 딥러닝 2*(oreilly-japan/deep-learning-from-scratch-2: `ch04/cbow.py`의
# `Embedding` 계층 `2 * window_size`개,
# `common/layers.py`의 `Embedding.backward`, `dW[...] = 0` 뒤 `np.add.at`. `common/trainer.py`의 `remove_duplicate`, `grads[i] += grads[j]`. `ch04/train.py`, 윈도우 크기 5와 배치 크기
# 100), *밑바닥부터 시작하는 딥러닝*(oreilly-japan/deep-learning-from-scratch: `common/gradient.py`의
# `numerical_gradient`, `ch05/gradient_check.py`), CS224n 과제 2(`a2/utils/gradcheck.py`의 `gradcheck_naive`,
# howardlau1999/cs224n-winter-2020에 있는 것), PyTorch(`torch/autograd/gradcheck.py`의 `gradcheck` 기본값과 배정밀도에
# 관한 문서의 주의), 학습 노트(`w2vlib/notes.py`).
#
# [다음: 03 소프트맥스에서 예/아니요 질문으로: EmbeddingDot](03_embedding_dot.ipynb)
