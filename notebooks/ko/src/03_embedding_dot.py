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
# # 03. "어느 단어인가?"에서 "이 단어가 맞는가?"로: EmbeddingDot과 시그모이드
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.2.2~4.2.4절
#
# [노트북 01](01_one_hot_bottleneck.ipynb)에서 두 번째 병목을 찾았습니다. 타깃(target) 단어 *하나*의 점수를 매기는 데도
# 소프트맥스(softmax)는 V개 단어 *전체*의 점수가 필요합니다. 네거티브 샘플링(negative sampling)의 핵심 아이디어는 "V개 단어 중 어느 것이
# 타깃인가?"라는 다중 분류(multi-class classification) 질문을 그만두고, 대신 "*이* 단어가 타깃인가?"라는 이진
# 분류(binary classification) 질문을 하는 것입니다. 이 질문에는 내적(dot product) 한 번과 시그모이드(sigmoid) 한 번이면 답할
# 수 있고, 그 비용은 V와 상관없습니다.
#
# **이 노트북에서 배울 내용**
# - 단어 하나의 점수 `W_out[idx] · h`가 출력층(output layer) 전체와 어떤 관계인지 (그 V개 점수 중 하나입니다)
# - Embedding 조회(lookup)와 행별 내적을 합친 `EmbeddingDot` 계층과 그 역전파(backward pass)
# - 시그모이드 함수, 이진 교차 엔트로피 오차(binary cross-entropy error, `SigmoidWithLoss`), 그리고 단순하기로 유명한 기울기(gradient) `y - t`
# - `w2vlib.gradcheck`로 각 계층과 연결 전체의 기울기를 확인하는 법
# - 왜 "예"라는 답만으로는 모델을 학습시킬 수 없는지 (*부정적 예*(negative example)가 필요한 이유)
# - (연습 문제) 학습 노트의 `EmbeddingDot`에서 버그를 찾는 법

# %%
# %matplotlib inline

import matplotlib.pyplot as plt
import numpy as np

import w2vlib
import w2vlib.exercises
from w2vlib import (EmbeddingDot, MatMul, Sigmoid, SigmoidWithLoss, SoftmaxWithLoss, gradcheck, notes,
                    numerical_gradient, plotting, relative_error)
from w2vlib.gradcheck import GRADCHECK_TOL
from w2vlib.layers import cross_entropy_error, sigmoid
from w2vlib.models import init_weights

q1, q2, q3 = w2vlib.exercises.load("03", lang="ko")   # 끝에 있는 자동 채점 연습 문제

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time, one_thread  # 충분히 긴 측정을 몇 번 반복해 가장 빠른 값

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0              # 이 노트북의 모든 난수에 쓰는 시드
VOCAB_SIZE = 10_000   # 비용 비교에 쓰는 V (PTB의 어휘 수)
HIDDEN = 100          # 은닉층 크기 H
BATCH = 100           # 미니배치당 타깃 수
V_TOY = 7             # 작은 기울기 확인에 쓰는 어휘 수
H_TOY = 3             # 작은 기울기 확인에 쓰는 은닉층 크기
REPEAT = 3            # 시간 측정: 이 횟수만큼 반복해 가장 빠른 값

# %% [markdown]
# ## 1. 다중 분류 대 이진 분류: 같은 점수, 다른 질문
#
# SimpleCBOW의 출력층은 형상이 (H, V)인 `W_out`으로 `h @ W_out`을 계산합니다. 단어마다 점수(score) 하나씩, 모두 V개를
# 구한 뒤 소프트맥스로 확률로 바꿉니다. *타깃* 단어의 점수는 그 V개 숫자 중 하나일 뿐입니다. `h`와 `W_out`에서 타깃에
# 해당하는 열의 내적입니다.
#
# **여기서부터는 출력 측 가중치(weight)를 반대로 저장합니다.** 교재의 4장이 그렇게 합니다(`ch04/cbow.py`는 `W_out`을 (V, H)
# 형상으로 만듭니다). `W_in`처럼 단어마다 *행*이 하나입니다. 그러면 타깃의 가중치는 행 조회 `W_out[idx]`, 곧 노트북
# 02의 Embedding 그대로입니다. 아래 코드에서 `W_out`은 이 (V, H) 행렬이고, 소프트맥스 출력층 전체는 그 전치를 곱합니다
# (`h @ W_out.T`).
#
# `EmbeddingDot`은 타깃의 점수만 계산합니다. `W_out[idx]` 행을 꺼내고(Embedding 계층의 조회) `h`와 행별 내적을
# 구합니다. 미니배치(minibatch)에서는 `h`의 행 i가 자기 타깃 `idx[i]`의 점수를 받습니다. (N, V) 점수 행렬의 각 행에서 그 행의
# 타깃 열에 있는 원소 하나씩, 곧 N × V개가 아니라 N개의 숫자입니다. V = `VOCAB_SIZE`에서 두 방식을 나란히 놓아
# 봅니다.

# %%
rng = np.random.default_rng(SEED)
_, W_out = init_weights(VOCAB_SIZE, HIDDEN, rng)                 # (V, H), 교재의 초기화
h = rng.standard_normal((BATCH, HIDDEN)).astype(np.float32)      # 미니배치 하나의 은닉 벡터
target = rng.integers(0, VOCAB_SIZE, size=BATCH)

full_layer = MatMul(np.ascontiguousarray(W_out.T))               # 다중 분류: V개 점수 전부
all_scores = full_layer.forward(h)                               # (BATCH, V)
dot_layer = EmbeddingDot(W_out)                                  # 이진 분류: 타깃의 점수만
target_score = dot_layer.forward(h, target)                      # (BATCH,)

print(f"다중 분류의 점수: 형상 {all_scores.shape}, 이진 분류의 점수: 형상 {target_score.shape}")
same = np.allclose(target_score, all_scores[np.arange(BATCH), target], rtol=1e-4, atol=1e-6)
print(f"EmbeddingDot == h @ W_out^T의 각 행에서 타깃의 원소: {same}")
assert same

# %% [markdown]
# 숫자는 같고 질문이 다릅니다. 소프트맥스는 타깃의 점수를 *다른 모든 단어에 대한 상대적인* 확률로 바꿉니다(분모에
# V개 점수가 모두 필요합니다). 시그모이드는 그 점수 하나만으로 예/아니요의 확률을 만듭니다. 이제 출력층과 손실을
# 한 번 순전파하는 비용을 비교합니다.

# %% tags=["nbval-ignore-output"]
softmax_loss, sigmoid_loss = SoftmaxWithLoss(), SigmoidWithLoss()
ones = np.ones(BATCH, dtype=np.int32)
with one_thread():                    # 두 쪽 모두 BLAS 스레드 하나로 (노트북 01처럼)
    t_multi = best_time(lambda: softmax_loss.forward(full_layer.forward(h), target), REPEAT, cpu=True)
    t_binary = best_time(lambda: sigmoid_loss.forward(dot_layer.forward(h, target), ones), REPEAT, cpu=True)
print(f"V = {VOCAB_SIZE:,}: h @ W_out^T + V개에 대한 소프트맥스 {t_multi * 1e3:.2f}밀리초, EmbeddingDot + 시그모이드 {t_binary * 1e3:.3f}밀리초, "
      f"소프트맥스가 {t_multi / t_binary:.0f}배 느립니다")

# %%
if VOCAB_SIZE >= 10_000:
    assert t_multi > 10 * t_binary, "V = 10,000에서 이진 분류 질문이 10배 이상 빨라야 합니다"
    print("확인 통과: 내적 한 번이 내적 V번과 소프트맥스보다 훨씬 빠릅니다")
else:
    print(f"V = {VOCAB_SIZE:,}에서는 확인하지 않습니다. 두 비용을 비교하려면 VOCAB_SIZE를 10,000 이상으로 설정해 보세요.")

# %% [markdown]
# 이진 분류 방식은 V가 얼마든 `W_out`의 행을 `BATCH`개만(타깃이 겹치면 더 적게) 건드립니다. 이것이 이 기법의
# 핵심입니다. 이 노트북의 나머지에서는 이진 분류 출력층을 한 조각씩 만들고, 조각마다 확인합니다.
#
# ## 2. 시그모이드 함수와 이진 교차 엔트로피 오차
#
# 시그모이드 함수(sigmoid function) `σ(x) = 1 / (1 + e^(-x))`는 점수를 (0, 1) 구간으로 압축해 "예"일 확률로
# 바꿉니다. 예/아니요 정답 레이블(label) `t`(1 = "이것이 타깃이다", 0 = "타깃이 아니다")에 대해, 손실은 이진 교차
# 엔트로피 오차(binary cross-entropy error)입니다.
#
# $$L = -\bigl(t \log y + (1 - t) \log(1 - y)\bigr), \qquad y = \sigma(x).$$
#
# t = 1이면 `-log σ(x)`(점수가 절댓값이 큰 음수일 때 큽니다)이고, t = 0이면 `-log(1 - σ(x))`입니다.

# %%
x = np.linspace(-6, 6, 241)
fig, ax = plt.subplots(figsize=(6.4, 4.0))
ax.plot(x, sigmoid(x), label="σ(x)")
ax.plot(x, -np.log(sigmoid(x)), label="t = 1일 때 손실: −log σ(x)")
ax.plot(x, -np.log(1 - sigmoid(x)), label="t = 0일 때 손실: −log(1 − σ(x))")
ax.set_xlabel("점수 x = W_out[idx] · h")
ax.set_ylabel("확률 / 손실")
ax.set_ylim(0, 4)
ax.set_title("시그모이드 함수와 이진 교차 엔트로피 오차")
ax.legend(fontsize=9)
plt.show()

# %% [markdown]
# `SigmoidWithLoss`는 두 단계를 합치고 미니배치에 대해 평균을 냅니다. 이것을 공식을 그대로 쓴 계산과 비교하고,
# 교재의 `SigmoidWithLoss`가 하는 방법, 곧 두 클래스의 확률 `[1 - y, y]`(이것은 `softmax([0, x])`와 같습니다)를 쌓아
# 보통의 `cross_entropy_error`를 호출하는 방법과도 비교합니다.

# %%
scores = np.array([1.5, -2.5, 0.5, 3.0], dtype=np.float32)
labels = np.array([1, 0, 0, 1])
layer = SigmoidWithLoss()
loss = layer.forward(scores, labels)
y = sigmoid(scores.astype(np.float64))
by_formula = float(-np.mean(labels * np.log(y) + (1 - labels) * np.log(1 - y)))
as_two_classes = cross_entropy_error(np.c_[1 - y, y], labels)
print(f"y = σ(x)                   = {y}")
print(f"SigmoidWithLoss            = {loss:.4f}")
print(f"공식                       = {by_formula:.4f}")
print(f"두 클래스 교차 엔트로피    = {as_two_classes:.4f}")
assert abs(loss - by_formula) < 1e-5 and abs(loss - as_two_classes) < 1e-4

# %% [markdown]
# ### 기울기 확인
#
# 시그모이드 + 교차 엔트로피 오차의 역전파는 단순하기로 유명합니다. `dL/dx = (y - t) / N`, 곧 예측에서 정답 레이블을
# 뺀 값(N개 행에 대한 평균)입니다. 시그모이드만 따로 보면 `dy/dx = y (1 - y)`입니다. `w2vlib.numerical_gradient`는
# 입력을 하나씩 ±ε만큼 움직여 손실이 어떻게 변하는지 잽니다. 두 기울기의 상대 오차는 아주 작아야 합니다.
#
# 노트북 02처럼 확인은 **float64**로 합니다(계층은 입력과 매개변수의 dtype을 따릅니다). 16자리면 스텝 ε = 10⁻⁶으로도
# `GRADCHECK_TOL` = 10⁻⁶의 허용 오차에 충분할 만큼 정확합니다. float32에서는 그렇게 작은 스텝이 반올림 오차에 묻힙니다.
# 이 확인 다음 셀들이 float32에서 그 스텝과 더 큰 스텝으로 무엇을 얻는지 잽니다.

# %%
def fmt_err(err):
    """출력용 상대 오차: 그 값, 또는 반올림 잡음이면 "< 1e-8" (그 자릿수는 컴퓨터마다 다릅니다)."""
    return f"{err:.1e}" if err >= 1e-8 else "< 1e-8"

rng = np.random.default_rng(SEED)
xs = rng.standard_normal(8)                            # float64
ts = rng.integers(0, 2, size=8)
G = rng.standard_normal(8)                             # 시그모이드만 따로 확인할 때 쓰는, 위에서 내려오는 기울기

swl = SigmoidWithLoss()
swl.forward(xs, ts)
dx_swl = swl.backward()
num_swl = numerical_gradient(lambda: swl.forward(xs, ts), xs)
print(f"SigmoidWithLoss: (y - t)/N이 역전파와 같은가: {np.allclose(dx_swl, (sigmoid(xs) - ts) / len(xs), atol=1e-6)}, "
      f"수치 미분과의 상대 오차 {fmt_err(relative_error(dx_swl, num_swl))}")

sig = Sigmoid()
sig.forward(xs)
dx_sig = sig.backward(G)
num_sig = numerical_gradient(lambda: float(np.sum(sig.forward(xs) * G, dtype=np.float64)), xs)
print(f"Sigmoid:         수치 미분과의 상대 오차 {fmt_err(relative_error(dx_sig, num_sig))}")
assert relative_error(dx_swl, num_swl) < GRADCHECK_TOL and relative_error(dx_sig, num_sig) < GRADCHECK_TOL

# %% [markdown]
# 같은 확인을 float32 입력으로 해 보면 어떨까요? 스텝을 줄이면 반올림 오차가 커지고, 스텝을 키우면 (이 손실은
# 비선형이므로) 절단 오차가 생깁니다. 다음 셀이 스텝 다섯 개에서 상대 오차를 잽니다(값은 CPU에 따라 조금 다르므로
# 확인 셀이 그 성질만 검증합니다).

# %% tags=["nbval-ignore-output"]
x32 = xs.astype(np.float32)                            # float32 입력, 같은 레이블
swl32 = SigmoidWithLoss()
err32 = {}
for eps in [1e-1, 1e-2, 1e-3, 1e-4, 1e-6]:
    err32[eps] = relative_error(dx_swl, numerical_gradient(lambda: swl32.forward(x32, ts), x32, eps=eps))
    print(f"float32, eps = {eps:g}: 상대 오차 {err32[eps]:.1e}")

# %%
assert err32[1e-2] < 1e-3, "float32에서 eps = 1e-2의 오차는 0.1%보다 작아야 합니다"
assert err32[1e-6] > err32[1e-4] > err32[1e-2], "float32에서는 스텝이 작을수록 (반올림) 오차가 커야 합니다"
assert err32[1e-1] > 10 * err32[1e-2], "eps = 1e-1에서는 절단 오차가 커야 합니다"
print("확인 통과: float32에서는 float64용 스텝 1e-6이 1e-4보다 나쁘고, 1e-4는 1e-2보다 나쁩니다(반올림 오차). "
      "너무 큰 스텝(1e-1)도 나쁩니다(절단 오차). 1e-2의 오차는 0.1%보다 작습니다.")

# %% [markdown]
# ## 3. EmbeddingDot: 순전파, 역전파, 기울기 확인
#
# `EmbeddingDot.forward(h, idx)`는 `out[i] = W[idx[i]] · h[i]`를 돌려줍니다. 역전파는 곱의 미분 법칙에서 나옵니다.
#
# - `dh[i] = dout[i] * W[idx[i]]`: 은닉 벡터는 단어의 행 방향으로 움직입니다.
# - `dW[idx[i]] += dout[i] * h[i]`: 단어의 행은 은닉 벡터 방향으로 움직입니다(Embedding 계층의 역전파를 거치며, 반복된
#   ID는 *누적*됩니다: [노트북 02](02_embedding_layer.ipynb)).
#
# 아래 그래프는 두 경로를 보여 줍니다. 순전파는 검은색, 역전파는 빨간색입니다.

# %%
plotting.draw_embedding_dot_graph(lang="ko")
plt.show()

# %% [markdown]
# ID가 반복되는 작은 float64 예제로 둘 다 확인한 뒤, EmbeddingDot → SigmoidWithLoss 연결 전체를 하나의 손실로
# 확인합니다.

# %%
rng = np.random.default_rng(SEED)
W_toy = rng.standard_normal((V_TOY, H_TOY))               # float64 가중치이므로 계층도 float64로 계산
h_toy = rng.standard_normal((4, H_TOY))
idx_toy = np.array([0, 3, 0, V_TOY - 1])                  # ID 0이 두 번
dout_toy = rng.standard_normal(4)

ed = EmbeddingDot(W_toy)
out = ed.forward(h_toy, idx_toy)
print(f"순전파:   {out}")
print(f"손 계산:  {np.sum(W_toy[idx_toy] * h_toy, axis=1)}")
f = lambda: float(np.sum(ed.forward(h_toy, idx_toy) * dout_toy, dtype=np.float64))
dh = ed.backward(dout_toy)
err_W = gradcheck(f, ed.params, ed.grads)
err_h = relative_error(dh, numerical_gradient(f, h_toy))
print(f"기울기 확인: dW 상대 오차 {fmt_err(err_W)}, dh 상대 오차 {fmt_err(err_h)}")
assert np.allclose(out, np.sum(W_toy[idx_toy] * h_toy, axis=1), atol=1e-12)
assert err_W < GRADCHECK_TOL and err_h < GRADCHECK_TOL

# %%
labels_toy = np.array([1, 0, 1, 0])
ed2, swl2 = EmbeddingDot(W_toy.copy()), SigmoidWithLoss()
chain = lambda: swl2.forward(ed2.forward(h_toy, idx_toy), labels_toy)
loss = chain()
dh = ed2.backward(swl2.backward())
err_W = gradcheck(chain, ed2.params, ed2.grads)
err_h = relative_error(dh, numerical_gradient(chain, h_toy))
print(f"EmbeddingDot -> SigmoidWithLoss: 손실 {loss:.4f}, dW 오차 {fmt_err(err_W)}, dh 오차 {fmt_err(err_h)}")
assert err_W < GRADCHECK_TOL and err_h < GRADCHECK_TOL

# %% [markdown]
# ## 4. "예"만으로는 부족한 이유
#
# 긍정적 예(positive example, 레이블 1, "이것이 타깃*이다*")만 있으면 손실 `-log σ(score)`에는 손쉬운 탈출구가
# 있습니다. 모든 점수를 크게 만들면 됩니다. 타깃이든 아니든 모든 단어에 "예"라고 답하는 모델은 손실이 0에 가깝지만,
# 아무것도 배우지 않았습니다. 이진 분류기는 타깃이 *아닌* 단어(레이블 0), 곧 부정적 예(negative example)도 보고,
# 거기에 "예"라고 답하면 큰 손실을 받아야 합니다.

# %%
always_yes = np.full(BATCH, 10.0, dtype=np.float32)       # 모든 단어에 점수 10: sigma = 0.99995
loss_pos = SigmoidWithLoss().forward(always_yes, np.ones(BATCH, dtype=np.int32))
loss_neg = SigmoidWithLoss().forward(always_yes, np.zeros(BATCH, dtype=np.int32))
print(f"긍정적 예에 '언제나 예': 손실 {loss_pos:.4f}   (완벽해 보입니다)")
print(f"부정적 예에 '언제나 예': 손실 {loss_neg:.4f}  (속임수가 드러납니다)")
assert loss_pos < 1e-3 < 1 < loss_neg


# %% [markdown]
# 틀린 단어 V − 1개 *전부*의 점수를 매기면 O(V) 비용이 되돌아옵니다. 해결책은 무작위로 뽑은 **몇 개**의 틀린 단어만
# 점수를 매기는 것입니다. 이것이 노트북 04의 주제인 네거티브 샘플링입니다.
#
# ## 정리
#
# - 단어 하나의 점수 `W_out[idx] · h`는 출력층 전체가 내는 V개 점수 중 하나입니다. 미니배치에서 `EmbeddingDot`은
#   점수 행렬의 각 행에서 타깃의 원소만 계산합니다. Embedding 계층(Embedding layer)의 조회(lookup)와 행별
#   내적(dot product)이며, 비용은 V와 상관없습니다. 노트북 03부터 `W_out`은 교재의 4장처럼 단어마다 행이 하나인
#   (V, H)로 저장합니다.
# - 소프트맥스(softmax)는 "V개 단어 중 어느 것인가?"라는 다중 분류(multi-class classification)를 묻고,
#   시그모이드(sigmoid)는 "이 단어가 맞는가, 아닌가?"라는 이진 분류(binary classification)를 묻습니다.
#   `SigmoidWithLoss`의 이진 교차 엔트로피 오차(binary cross-entropy error)는 두 클래스 분포 `[1 − y, y]`(이것은
#   `softmax([0, x])`와 같습니다)의 교차 엔트로피 오차입니다.
# - 시그모이드 + 교차 엔트로피 오차의 기울기는 `(y − t) / N`입니다. `EmbeddingDot`의 역전파는
#   `dout · W[idx]`를 h로, `dout · h`를 (반복된 ID는 누적하여) W의 행들로 보냅니다.
# - 모든 계층이 float64 수치 미분 기울기 확인(gradient check)을 통과합니다(상대 오차 10⁻⁶ 미만). 틀린 역전파는
#   몇 자릿수나 큰 오차를 보입니다(노트북 02의 덮어쓰는 역전파).
# - 긍정적 예(positive example)만 있으면 모든 것에 "예"라고 답해 버리면 그만입니다. 부정적 예(negative example)가
#   필요하고, 몇 개만 샘플링해도 충분합니다(노트북 04).
#
# ## 연습 문제
#
# 각 `...`를 여러분의 답으로 바꾸고 셀을 실행해 보세요. 자동 채점 셀이 `아직 풀지 않았습니다.`, `아직 정답이 아닙니다. <이유>` 또는
# `정답입니다.`라고 알려 줍니다. `q1.hint()`는 힌트를, `q1.solution()`은 모범 풀이를 보여 줍니다.
#
# 1. **학습 노트의 `EmbeddingDot`에서 버그 고치기.** `w2vlib.notes`는 학습 노트의 코드를 적힌 그대로 보관합니다. 아래
#    셀이 그 코드를 출력합니다. 학습 노트의 `EmbeddingDot`은 노트의 `Embedding`을 사용하고, 둘을 합치면 버그가
#    **세 개** 있습니다. 자동 채점이 하나씩 차례로 가리킵니다. 노트는 이 클래스들을 *정의*만 하고 호출하지는 않았기 때문에, 노트에서는
#    어떤 버그도 드러나지 않았습니다. `q1.check(notes.EmbeddingDot)`는 다섯 가지를 확인하고 처음으로 실패한 것을
#    알려 줍니다. 두 클래스를 빈칸 셀에 (`MyEmbedding`과 `MyEmbeddingDot`으로) 복사하고, 실패한 확인이 가리키는 줄을
#    고친 뒤 다시 확인하기를 모든 확인을 통과할 때까지 반복해 보세요. (학습 노트의 `NegativeSamplingLoss`에는 네 번째 오타
#    `self.grads` 대신 `self.grad`가 있습니다. 이것이 `EmbeddingDot`에 들어갔다면 확인 3이 잡아냈을 것입니다. 그
#    오타가 거기서 무엇을 망가뜨리는지는 노트북 04에서 봅니다.)
# 2. **이진 교차 엔트로피 오차 손으로 계산하기.** 점수가 0이고 레이블이 1일 때 `SigmoidWithLoss`의 손실은 얼마일까요?
#    소수 둘째 자리 이상까지 구해 `answer_2`에 넣어 보세요.
# 3. **기울기 손으로 계산하기.** 점수 `[2, -1]`, 레이블 `[1, 0]`에 대해 `dL/dx`를 소수 둘째 자리 이상까지 구해
#    `answer_3`에 넣어 보세요(σ의 두 값은 `sigmoid(...)`로 구합니다).

# %%
print(notes.source("Embedding"))
print(notes.source("EmbeddingDot"))
q1.check(notes.EmbeddingDot)      # 노트에 적힌 그대로의 버전: 어디서 처음 실패할까요?


# %%
class MyEmbedding:
    ...                           # 학습 노트의 Embedding을 여기에 복사한 뒤 고쳐 보세요


class MyEmbeddingDot:
    ...                           # 학습 노트의 EmbeddingDot을 (MyEmbedding을 쓰도록) 여기에 복사한 뒤 고쳐 보세요


q1.check(MyEmbeddingDot)
# q1.hint()
# q1.solution()

# %%
answer_2 = ...                    # 손실, 소수 둘째 자리 이상까지
q2.check(answer_2)
# q2.hint()
# q2.solution()

# %%
answer_3 = ...                    # 두 점수에 대한 dL/dx, 소수 둘째 자리 이상까지
q3.check(answer_3)
# q3.hint()
# q3.solution()

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): *밑바닥부터 시작하는 딥러닝 2*(oreilly-japan/deep-learning-from-scratch-2:
# `ch03/simple_cbow.py`의 (H, V) `W_out`, `ch04/cbow.py`의 (V, H) `W_out`, `common/layers.py`의 `SigmoidWithLoss`(두
# 클래스 교차 엔트로피와 `(y - t) / N`), `ch04/negative_sampling_layer.py`의 `EmbeddingDot`), 학습 노트(`w2vlib/notes.py`).
#
# [다음: 04 네거티브 샘플링](04_negative_sampling.ipynb)
