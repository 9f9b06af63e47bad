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
# # 01. 원핫(one-hot) 표현의 병목: 단순한 word2vec은 왜 느린가
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.1절, 4.2.1절
#
# 3장에서는 어휘가 일곱 단어인 예문에서 동작하는 CBOW 모델을 만들었습니다. *밑바닥부터 시작하는 딥러닝 2*(Deep Learning
# from Scratch 2)의 4장은 어휘(vocabulary)가 7개가 아니라 10,000개(4장이 학습에 쓰는 PTB 데이터셋, Penn Treebank)이거나
# 실제 말뭉치(corpus)에서처럼 그보다 훨씬 많을 때 어떻게 되는지 묻습니다. 이 노트북에서는 단순한 모델을 학습시킨 뒤, 어휘 수
# V가 커질 때 시간과 메모리가 어디에 쓰이는지 **측정**합니다. 측정 결과가 가리키는 두 병목(bottleneck)을 이 시리즈의
# 나머지 노트북에서 하나씩 없앱니다.
#
# **학습 노트.** 이 시리즈는 교재와 함께, 한 학생이 이 장을 읽으며 한국어로 쓴 학습 노트를 따라갑니다. 노트의 코드는
# 버그까지 쓰인 그대로 `w2vlib.notes`에 들어 있습니다. 노트북 02부터는 버그 하나하나가, 기울기(gradient) 확인이나 테스트가
# 찾아내는 배울 거리가 됩니다. 그 클래스들을 다른 용도로 쓰지는 마세요. 올바른 버전은 패키지의 계층(layer)입니다.
#
# **이 노트북에서 배울 내용**
# - `SimpleCBOW`가 두 맥락(context) 단어로 타깃(target) 단어를 예측하는 과정 (원핫 → `W_in` → 평균 → `W_out` → 소프트맥스)
# - 입력 측 행렬 곱 `one_hot @ W_in`이 사실은 행렬 곱으로 위장한 행 조회(lookup, 행을 꺼내는 연산)라는 점, 그리고 그 위장에 드는 시간과 메모리 비용
# - 출력층(output layer, `h @ W_out`과 어휘 전체에 대한 소프트맥스)의 비용이 왜 V에 비례해 커지는지
# - numpy 코드의 시간을 공정하게 재는 법(여러 번 반복해 가장 빠른 값을, 순서를 번갈아 가며 세 번 재고 그 최대/최소 비로 잡음을 보이기)과
#   V에 대한 비용을 로그-로그 그래프로 읽는 법

# %%
# %matplotlib inline

import matplotlib.pyplot as plt
import numpy as np

import w2vlib
import w2vlib.exercises
from w2vlib import (TOY_TEXT, Adam, Embedding, MatMul, SimpleCBOW, SoftmaxWithLoss, Trainer,
                    convert_one_hot, create_contexts_target, preprocess)
from w2vlib.models import init_weights
from w2vlib.text import format_table, pad   # 출력하는 이름과 표를 화면 너비(한글은 두 칸)에 맞춰 정렬합니다

q1, q2, q3, q4 = w2vlib.exercises.load("01", lang="ko")   # 끝에 있는 자동 채점 연습 문제

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time, loglog_slope, one_thread  # 충분히 긴 측정을 몇 번 반복해 가장 빠른 값

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0                               # 이 노트북의 모든 난수에 쓰는 시드
TOY_HIDDEN = 5                         # 예문용 SimpleCBOW의 은닉층 크기 (교재는 5)
TOY_EPOCHS = 1000                      # 예문 학습 에폭 수 (교재는 1000)
TOY_BATCH = 3                          # 예문 학습의 미니배치 크기 (교재는 3)
VOCAB_SIZES = [1_000, 10_000, 100_000]  # 시간을 잴 어휘 수 V (오름차순)
HIDDEN = 100                           # 시간 측정에 쓰는 은닉층 크기 H (교재는 PTB에서 100)
BATCH = 100                            # 시간 측정의 미니배치당 타깃 단어 수 (타깃마다 맥락 단어 2개)
REPEAT = 3                             # 시간 측정: 이 횟수만큼 반복해 가장 빠른 값

# %% [markdown]
# ## 1. 예문을 원핫 벡터로
#
# 교재처럼 아주 작게 시작합니다. 예문 "You say goodbye and I say hello."를 단어 ID(word ID)의 목록으로 바꾸고,
# (맥락, 타깃) 쌍마다 좌우로 한 단어씩인 윈도우(window)를 씁니다. `SimpleCBOW`는 맥락 단어를 **원핫**
# 벡터로 받습니다. 길이가 V이고, 단어 ID 자리 하나만 1이며 나머지는 모두 0인 벡터입니다.

# %%
corpus, word_to_id, id_to_word = preprocess(TOY_TEXT)
contexts, target = create_contexts_target(corpus, window_size=1)
vocab_size = len(word_to_id)
contexts_1h = convert_one_hot(contexts, vocab_size)

print(f"말뭉치 (ID):  {corpus.tolist()}")
print(f"어휘:         {list(word_to_id)}  (V = {vocab_size})")
print(f"맥락 {contexts.shape} -> 원핫 {contexts_1h.shape}, 타깃 {target.shape}")
print("첫 번째 예의 맥락 단어 (원핫 행):")
print(contexts_1h[0])

# %% [markdown]
# 이제 맥락 단어 하나가 숫자 V개를 차지하고, 그중 V - 1개가 0입니다. V = 7이면 아무 문제가 없습니다. 하지만 이 마지막
# 축을 눈여겨보세요. 나중에 발목을 잡는 것이 바로 이 축입니다.
#
# ## 2. SimpleCBOW: 순전파(forward pass), 손실, 그리고 짧은 학습
#
# 3장의 모델은 `w2vlib.SimpleCBOW`로 구현되어 있습니다.
#
# ```
# 맥락(원핫) (N, 2, V) ──MatMul W_in (V×H)──► (N, 2, H) ──평균──► h (N, H)
# h ──MatMul W_out (H×V)──► 점수 (N, V) ──소프트맥스 + 교차 엔트로피 오차──► 손실
# ```
#
# `h`는 은닉층(hidden layer)의 값이고, H는 은닉층의 크기입니다. 가중치의 형상은 교재와 같습니다.
# `W_in`은 (V, H)로 단어마다 행이 하나이고, `W_out`은 (H, V)로 단어마다 열이 하나이므로
# 점수는 `h @ W_out`입니다. (노트북 03부터는 출력 가중치를 반대로, 곧 단어마다 행이 하나인 (V, H)로 저장합니다. 그
# 이유는 노트북 03에서 설명합니다.)
#
# 가중치(weight)는 아주 작은 값(`0.01 * N(0, 1)`)으로 시작하므로 점수(score)는 모두 0에 가깝고, 소프트맥스(softmax)는
# 모든 단어에 거의 1/V의 확률(probability)을 줍니다. 따라서 학습 전 모델의 손실(loss), 곧 교차 엔트로피
# 오차(cross-entropy error)는 ln V에 가까워야 합니다.

# %%
model = SimpleCBOW(vocab_size, TOY_HIDDEN, window_size=1, rng=SEED)
loss0 = model.forward(contexts_1h, target)
model.backward()
print(f"{pad('학습 전 모델의 손실:', 30)}{loss0:.4f}")
print(f"{pad(f'ln(V) = ln({vocab_size}):', 30)}{np.log(vocab_size):.4f}")
for name, p, g in zip(["W_in", "W_out"], model.params, model.grads):
    print(f"{name:8s} 형상 {p.shape}, 기울기의 형상 {g.shape}")
assert abs(loss0 - np.log(vocab_size)) < 0.05, "학습 전 모델은 균등 분포에 가까워야 합니다"

# %% [markdown]
# 기울기의 형상을 보세요. 미니배치(mini-batch)가 쓴 단어는 몇 개뿐인데도, 역전파(backward pass) 한 번이 `W_in`의 *모든*
# 행과 `W_out`의 *모든* 열에 대한 기울기를 만듭니다. 이것도 기억해 두세요.
#
# 이제 짧게 학습시킵니다. 설정값은 처음에 교재의 설정(Adam, 배치 크기 3, 1000 에폭(epoch))으로 되어 있습니다. 아래 로그 줄에는 실행할
# 때마다 달라지는 시간이 들어 있으므로, 다음 셀이 결과를 확인합니다.

# %% tags=["nbval-ignore-output"]
model = SimpleCBOW(vocab_size, TOY_HIDDEN, window_size=1, rng=SEED)
trainer = Trainer(model, Adam())
trainer.fit(contexts_1h, target, max_epoch=TOY_EPOCHS, batch_size=TOY_BATCH, rng=SEED, progress=False)
print(f"{len(trainer.iter_losses)}단계 ({trainer.elapsed:.2f}초), "
      f"손실 {trainer.loss_list[0]:.3f} -> {trainer.loss_list[-1]:.3f}")

# %%
assert trainer.loss_list[-1] < 0.7 * trainer.loss_list[0], \
    "학습하면 손실이 뚜렷하게 줄어야 합니다. TOY_EPOCHS가 아주 작다면 늘려 보세요"
print("확인 통과: 손실이 줄었습니다")

# %%
fig, ax = plt.subplots(figsize=(6.4, 4.0))
trainer.plot(ax=ax, lang="ko")
ax.set_title("예문으로 학습한 SimpleCBOW")
plt.show()

# %% [markdown]
# 무엇을 배웠을까요? 순전파 뒤에 소프트맥스 계층은 확률을 저장해 둡니다(교재처럼
# `loss_layer.y`). 따라서 윈도우마다 가운데 단어에 대한 모델의 추측을 읽을 수 있습니다.

# %%
model.forward(contexts_1h, target)
guess = model.loss_layer.y.argmax(axis=1)
for (a, b), t, g in zip(contexts, target, guess):
    mark = "맞음" if g == t else f"(정답: {id_to_word[int(t)]})"
    print(f"{id_to_word[int(a)]:>8s} ___ {id_to_word[int(b)]:<8s} -> {id_to_word[int(g)]:<8s} {mark}")
n_right = int(np.sum(guess == target))
majority = int(np.bincount(target).max())          # 가장 흔한 타깃으로만 답하기
print(f"윈도우 {len(target)}개 중 {n_right}개 정답. 무작위로 추측하면 평균 "
      f"{len(target) / vocab_size:.2f}개입니다(V = {vocab_size}개 단어 중 하나를 고르므로).\n"
      f"늘 가장 흔한 타깃({id_to_word[int(np.bincount(target).argmax())]!r})만 답하면 {majority}개입니다.")
assert n_right > majority, "가장 흔한 타깃만 답하는 것보다 많이 맞혀야 합니다. TOY_EPOCHS를 늘려 보세요"
assert n_right >= len(target) / 2, "맞힌 윈도우가 절반도 안 됩니다. TOY_EPOCHS를 늘려 보세요 (손실이 아직 줄고 있습니다)"

# %% [markdown]
# 모델은 학습하고 있습니다. 무작위 추측보다, 그리고 늘 가장 흔한 타깃을 답하는 것보다 많이 맞힙니다(위에서 확인). 여섯 개를 모두 맞힐 수 있을까요? 맥락을 보세요.
# "say ___ and"와 "and ___ say"는 같은 두 단어를 맥락으로 가집니다. CBOW는 맥락 벡터를 *평균*하므로 두 윈도우는 같은
# `h`, 같은 예측을 냅니다. 타깃은 서로 다른데도 말입니다. 다음 셀이 그 때문에 가능한 최선을 계산합니다.

# %%
groups = {}
for (a, b), t in zip(contexts, target):
    groups.setdefault(tuple(sorted((int(a), int(b)))), []).append(int(t))
best = sum(max(ts.count(t) for t in set(ts)) for ts in groups.values())
floor = -sum(ts.count(t) * np.log(ts.count(t) / len(ts)) for ts in groups.values() for t in set(ts)) / len(target)
shared = ["{" + ", ".join(id_to_word[i] for i in key) + "}" for key, ts in groups.items() if len(set(ts)) > 1]
print(f"맥락 단어는 같지만 타깃이 다른 윈도우: {shared}")
print(f"가능한 최선: {len(target)}개 중 {best}개 정답, 가능한 가장 낮은 손실: {floor:.4f}")
loss_all = model.forward(contexts_1h, target)        # 지금 여섯 윈도우 전체의 손실
print(f"이번 실행: {len(target)}개 중 {n_right}개 정답, 손실 {loss_all:.4f}")
print(f"오답 {len(target) - n_right}개 = 어떤 CBOW도 피할 수 없는 오답 {len(target) - best}개(공유 윈도우) "
      f"+ 학습이 모자라서 생긴 오답 {best - n_right}개")
assert n_right <= best and loss_all >= floor - 1e-4

# %% [markdown]
# 그러니 그 두 윈도우 중 하나를 틀리는 것은 학습이 모자라다는 신호가 아닙니다. 어떤 CBOW 모델도 둘 다 맞힐 수는 없습니다.
# 그 밖의 오답은 학습이 모자란 탓입니다. `오답` 줄이 이번 실행의 오답을 이 두 가지로 나눕니다. 두 번째 수가 0보다
# 크면 모델은 아직 학습이 덜 된 것입니다. `TOY_EPOCHS`를 늘리고 그 수가 0으로 줄고 손실이 바닥값에 다가가는 것을
# 보세요. 하지만 이 장이 묻는 것은 모델의 *비용*입니다.
#
# V가 7이 아니라 `VOCAB_SIZES`의 각 크기일 때 같은 계산에 비용이 얼마나 드는지 살펴봅시다.
#
# ## 3. V가 커질 때 시간은 어디에 쓰이는가
#
# `VOCAB_SIZES`의 각 V마다 형상이 (V, H)인 가중치(시간 측정에는 값이 상관없습니다)와, 타깃 `BATCH`개에 맥락 단어가
# 두 개씩인 미니배치를 만들고, 순전파 한 번의 세 부분을 잽니다.
#
# 1. **입력, 원핫 방식**: `MatMul(W_in).forward(one_hot)` (SimpleCBOW가 하는 계산)
# 2. **입력, 조회 방식**: `Embedding(W_in).forward(ids)`. `W_in[ids]`, 곧 원핫 행렬 곱이 골라내는 행들을 그 많은
#    0을 곱하지 않고 돌려줍니다.
# 3. **출력**: `h @ W_out`과 그 뒤의 소프트맥스 + 교차 엔트로피 오차, 어휘 V개 전체에 대해.
#
# 표에는 원핫 미니배치를 *만드는* 시간(`convert_one_hot`)도 나옵니다. 조회 방식은 이 비용을 전혀 치르지 않습니다.
# 속도 향상에는 언제나 두 방식의 결과가 같다는 확인이 따라야 하므로, 반복문은 원핫 행렬 곱과 조회가 정확히 같은
# 숫자를 내는지도 확인합니다. 모든 시간은 BLAS 스레드 하나로 잽니다(`w2vlib.timing.one_thread`). 그래야 비교하는 두
# 쪽이 같은 조건(코어 하나)에서 돕니다. 또 이 프로세스의 CPU 시간을 셉니다(`best_time(..., cpu=True)`). 다른 프로그램이
# 실행된 시간은 세지 않습니다. 다만 다른 프로그램과 캐시, 메모리를 함께 쓰므로 이 프로세스가 느려질 수는 있습니다. 그래서 각 부분을 세 번
# 잽니다(한 번 걸러 순서를 뒤집습니다). 표에는 세 번 잰 값의 중앙값을 싣고, 마지막 열 `최대/최소 비`는 측정이 몇 배까지
# 달랐는지(가장 느린 값 / 가장 빠른 값, 가장 크게 달라진 부분) 보여 줍니다. 로그-로그 기울기 줄에는 한 번씩 잰 값으로
# 구한 로그-로그 기울기의 범위도 나옵니다. 숫자를 읽을 때는 이 잡음을 함께 보세요.

# %%
def time_forward_pieces(V, rng):
    """어휘 수 V에서 미니배치 하나의 입력(원핫 대 조회)과 출력(점수 + 소프트맥스) 시간을 잽니다."""
    W_in, W_out_rows = init_weights(V, HIDDEN, rng)      # 둘 다 (V, H)
    ids = rng.integers(0, V, size=(BATCH, 2))           # 미니배치 하나의 맥락 ID
    t = rng.integers(0, V, size=BATCH)                  # 타깃 ID
    one_hot = convert_one_hot(ids, V)                   # (BATCH, 2, V) float32
    in_onehot, in_lookup = MatMul(W_in), Embedding(W_in)
    W_out = np.ascontiguousarray(W_out_rows.T)          # SimpleCBOW처럼 (H, V)
    out_layer, loss_layer = MatMul(W_out), SoftmaxWithLoss()
    h = in_lookup.forward(ids).mean(axis=1)
    pieces = {"t_convert": lambda: convert_one_hot(ids, V),
              "t_onehot": lambda: in_onehot.forward(one_hot),
              "t_lookup": lambda: in_lookup.forward(ids),
              "t_output": lambda: loss_layer.forward(out_layer.forward(h), t)}
    with one_thread():                                  # 모든 부분을 BLAS 스레드 하나로
        rounds = [{key: best_time(pieces[key], REPEAT, cpu=True)
                   for key in (list(pieces) if r % 2 == 0 else list(pieces)[::-1])}
                  for r in range(3)]                    # 세 번 잽니다. 한 번 걸러 부분의 순서를 뒤집습니다
        result = {"V": V,
                  "same": bool(np.array_equal(in_onehot.forward(one_hot), in_lookup.forward(ids))),
                  "onehot_MB": one_hot.nbytes / 1e6,
                  "ids_KB": ids.nbytes / 1e3,
                  "rounds": rounds,
                  "spread": max(max(r[key] for r in rounds) / min(r[key] for r in rounds) for key in pieces)}
    for key in pieces:
        result[key] = float(np.median([r[key] for r in rounds]))   # 세 번 잰 값의 중앙값
    return result


# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
results = [time_forward_pieces(V, rng) for V in VOCAB_SIZES]

print(format_table(["V", "원핫 만들기", "one-hot @ W_in", "W_in[ids]", "원핫 / 조회", "h @ W_out + 소프트맥스",
                    "최대/최소 비"],
                   [[f"{r['V']:,}", f"{r['t_convert'] * 1e3:.2f}밀리초", f"{r['t_onehot'] * 1e3:.2f}밀리초",
                     f"{r['t_lookup'] * 1e3:.3f}밀리초", f"{r['t_onehot'] / r['t_lookup']:.0f}배",
                     f"{r['t_output'] * 1e3:.2f}밀리초", f"{r['spread']:.1f}배"] for r in results], align=">>>>>>>"))
print("(시간은 세 번 잰 값의 중앙값입니다. 최대/최소 비는 가장 느린 값 / 가장 빠른 값이며, 네 부분 중 가장 큰 것을 싣습니다.)")
first, last = results[0], results[-1]
print(f"V가 {last['V'] / first['V']:.0f}배 커지는 동안 시간은 원핫 입력 {last['t_onehot'] / first['t_onehot']:.1f}배, "
      f"조회 {last['t_lookup'] / first['t_lookup']:.1f}배, 출력 {last['t_output'] / first['t_output']:.1f}배가 되었습니다.")
if len(results) > 1:
    names = {"t_onehot": "원핫 입력", "t_lookup": "조회", "t_output": "출력"}
    Vs = [r["V"] for r in results]
    for key, name in names.items():
        each = [loglog_slope(Vs, [r["rounds"][i][key] for r in results]) for i in range(3)]   # 한 번 잰 값마다 로그-로그 기울기 하나
        print(f"V에 대한 로그-로그 기울기, {pad(name, 10)} {round(loglog_slope(Vs, [r[key] for r in results]), 2) + 0:5.2f} "
              f"(한 번씩 잰 값으로는 {round(min(each), 2) + 0:.2f}에서 {round(max(each), 2) + 0:.2f}까지)")


# %%
assert all(r["same"] for r in results), "조회는 원핫 행렬 곱과 정확히 같은 값을 내야 합니다"
for r in results:
    assert r["t_onehot"] > r["t_lookup"], f"V = {r['V']:,}에서 조회가 원핫 행렬 곱보다 빨라야 합니다"
    if r["V"] >= 10_000:
        assert r["t_onehot"] > 10 * r["t_lookup"], f"V = {r['V']:,}에서 조회가 10배 이상 빨라야 합니다"
Vs = np.array([r["V"] for r in results])
if Vs.max() >= 10 * Vs.min():
    slope = {key: loglog_slope(Vs, [r[key] for r in results]) for key in ["t_onehot", "t_lookup", "t_output"]}
    assert slope["t_onehot"] > 0.5, "원핫 입력의 비용은 V와 함께 커져야 합니다 (로그-로그 기울기 1 근처)"
    assert slope["t_output"] > 0.5, "출력의 비용은 V와 함께 커져야 합니다 (로그-로그 기울기 1 근처)"
    assert slope["t_lookup"] < slope["t_onehot"] - 0.3, "조회의 비용은 V에 거의 영향을 받지 않아야 합니다 (로그-로그 기울기 0 근처)"
    print("확인 통과: 조회 == 원핫 행렬 곱이고 더 빠릅니다 (V = 10,000부터 10배 이상). "
          "원핫 입력과 출력의 비용은 V와 함께 커지고, 조회의 비용은 그렇지 않습니다.")
else:
    print("확인 통과: 조회 == 원핫 행렬 곱이고 더 빠릅니다 (V = 10,000부터 10배 이상). "
          "비용이 커지는 모습을 보려면 VOCAB_SIZES의 범위를 10배 이상으로 잡아 보세요.")

# %% [markdown]
# 로그-로그 그래프에서 V에 비례하는 비용은 로그-로그 기울기 1인 직선이고, 수평선은 V와 전혀 상관없는 비용입니다. 검은
# 점선이 그런 안내선입니다. 측정한 선을 가리지 않도록 원핫 선보다 아래(첫 점 높이의 4분의 1)에 그렸습니다. 이 점선과
# 나란한 선은 V에 비례해 커집니다.
# 측정한 선은 결코 완전한 직선이 아닙니다. 캐시와 고정 오버헤드가 선을 휘게 하므로, 잰 범위에서 비용이 V보다 조금
# 빠르게 또는 느리게 커질 수 있습니다.

# %% tags=["nbval-ignore-output"]
Vs = np.array([r["V"] for r in results])
fig, ax = plt.subplots(figsize=(6.4, 4.0))
ax.plot(Vs, [r["t_onehot"] * 1e3 for r in results], "o-", label="입력: one-hot @ W_in")
ax.plot(Vs, [r["t_output"] * 1e3 for r in results], "s-", label="출력: h @ W_out + 소프트맥스")
ax.plot(Vs, [r["t_lookup"] * 1e3 for r in results], "^-", label="입력: W_in[ids] (조회)")
ax.plot(Vs, 0.25 * results[0]["t_onehot"] * 1e3 * Vs / Vs[0], "k:", lw=1, label="∝ V (로그-로그 기울기 1)")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("어휘 수 V (단어)")
ax.set_ylabel(f"미니배치({BATCH}개)당 시간 (밀리초)")
ax.set_title(f"V에 따른 순전파 비용 (H = {HIDDEN})")
ax.legend(fontsize=9)
plt.show()

# %% [markdown]
# ### 메모리
#
# 비용은 시간만이 아닙니다. 원핫 미니배치는 맥락 단어 하나마다 float32 숫자 V개를 저장하지만, 그것이 나타내는 ID는
# 하나에 8바이트면 됩니다. 이 숫자들은 컴퓨터에 따라 달라지지 않으므로 정확히 확인합니다.

# %%
for r in results:
    print(f"V = {r['V']:>7,d}: 원핫 미니배치 {r['onehot_MB']:7.1f} MB   대   ID {r['ids_KB']:.1f} KB"
          f"   (메모리 {r['onehot_MB'] * 1e3 / r['ids_KB']:,.0f}배)")
for r in results:
    assert r["onehot_MB"] == BATCH * 2 * r["V"] * 4 / 1e6 and r["ids_KB"] == BATCH * 2 * 8 / 1e3
big = results[-1]
print(f"V = {big['V']:,}에서 타깃 {BATCH}개짜리 미니배치 하나의 원핫 벡터는 {big['onehot_MB']:,.1f} MB를 차지하지만, "
      f"그 안의 1은 {2 * BATCH}개뿐입니다.")


# %% [markdown]
# 원핫 미니배치는 V에 비례해 커지고, 타깃 하나당 숫자 두 개를 빼면 모두 0입니다.
#
# ## 4. 결론: 두 병목
#
# 측정 결과, 학습 한 단계의 비용이 V와 함께 커지는 곳은 두 군데입니다.
#
# 1. **입력층(input layer): `one_hot @ W_in`.** 대부분 0인 값을 곱하고, 결과 전체는 이미 ID를 알고 있던 `W_in`의 행들입니다.
#    조회 `W_in[ids]`는 정확히 같은 숫자를 훨씬 빠르게 내고(위 표의 `원핫 / 조회` 열), 그 비용은 V에 거의 영향을 받지 않습니다(위의
#    로그-로그 기울기). 원핫 미니배치는 메모리도 V에 비례해 씁니다.
#    **해결책: Embedding 계층** (노트북 02).
# 2. **출력층: `h @ W_out`과 소프트맥스.** 타깃 단어 *하나*의 확률을 구하려 해도 소프트맥스는 (분모 때문에) V개 단어
#    *전체*의 점수가 필요합니다. 여기서는 조회 기법이 도움이 되지 않습니다. 모든 열이 실제로 쓰이기 때문입니다.
#    **해결책: 네거티브 샘플링(negative sampling)**. "V개 단어 중 어느 것인가?"(다중 분류)를 "이 단어가 맞는가,
#    아닌가?"(이진 분류)라는 몇 개의 질문으로 바꿉니다 (노트북 03과 04).
#
# 역전파는 어떨까요? 연습 문제 4는 역전파 비용이 V에 따라 어떻게
# 커지는지 먼저 예측하게 하고, 그다음에야 측정합니다.
#
# ## 정리
#
# - SimpleCBOW는 맥락 단어를 어휘(vocabulary) 수 V만큼 긴 원핫(one-hot) 벡터로 표현하고, `W_in`을 곱해
#   은닉층(hidden layer)에서 평균을 낸 뒤, V개 단어 전체에 대한 소프트맥스(softmax)로 타깃(target)을 예측합니다.
#   학습에는 교차 엔트로피 오차(cross-entropy error)를 씁니다.
# - 학습 전 모델의 손실은 약 ln V입니다. 소프트맥스가 거의 균등하기 때문입니다.
# - `one_hot @ W_in`은 행 조회(lookup) `W_in[ids]`와 정확히 같습니다. 행렬 곱의 시간과 메모리는 V와 함께 커지지만,
#   조회의 시간은 거의 커지지 않습니다.
# - 출력층은 소프트맥스의 분모를 위해 V개 점수가 모두 필요하므로, 비용이 V에 비례해 커집니다. 이것이 두 번째
#   병목(bottleneck)입니다.
# - 공정한 시간 측정: 여러 번 반복해 가장 빠른 값, 두 방식에 같은 입력, 두 결과가 같은지 확인, 절대 시간 대신
#   배율(절대 시간은 컴퓨터에 따라 다릅니다), 그리고 순서를 번갈아 세 번 잰 값의 중앙값과 그 최대/최소 비(숫자 옆에 잡음을
#   함께 보여 줍니다).
#
# ## 연습 문제
#
# 문제마다 빈칸 셀(`answer = ...` 또는 본문이 `...`인 함수)이 있습니다. `...`를 여러분의 답으로 바꾸고 셀을 실행해 보세요.
# `q1.check(...)`는 `아직 풀지 않았습니다.`, `아직 정답이 아닙니다. <이유>` 또는 `정답입니다.`라고 알려 줍니다. `q1.hint()`는 힌트를,
# `q1.solution()`은 모범 풀이를 보여 줍니다.
#
# 1. **대규모에서의 메모리.** V = 1,000,000일 때, 타깃 100개 × 맥락 단어 10개(교재의 PTB 학습처럼 좌우로 5단어씩인
#    윈도우)로 된 float32 원핫 미니배치는 몇 메가바이트(10⁶바이트)를 차지할까요? 답을 `answer_1`에 넣어 보세요.
# 2. **출력 쪽의 위장된 조회.** `W_out`은 (H, V)로, 단어마다 *열*이 하나입니다. 어떤 형상의 ID 배열에 대해서도
#    `convert_one_hot(ids, W_out.shape[1]) @ W_out.T`(ID마다 행 하나로 놓은, 그 단어들의 열)와 같은 배열을 돌려주는
#    `column_lookup(W_out, ids)`를, 원핫 벡터를 만들지 않고 `W_out` 전체를 복사하지도 않고 작성해 보세요.
# 3. **소프트맥스 교차 엔트로피의 기울기 유도하기 (먼저 종이에).** 점수 행 N개로 된 미니배치 `score` (N × V)와 타깃
#    ID `t`에 대해, 손실은 행별 `-log softmax(score)[t]`의 평균입니다. dL/dscore를 유도한 뒤 numpy로
#    `dscore(score, t)`를 작성해 보세요. 자동 채점 셀이 무작위 입력에서 `SoftmaxWithLoss.backward`와 비교합니다.
# 4. **예측하고 측정하기: 역전파.** 역전파의 각 부분은 V에 따라 시간이 어떻게 커질까요? 위의 순전파 로그-로그 기울기가
#    답이 되지는 않습니다. 역전파는 다른 배열(기울기)을 계산하므로, 각 역전파가 무엇을 계산하는지에서 추론해 보세요.
#    두 부분은 `"one-hot"`(원핫 입력층의 `MatMul.backward`. 입력의 기울기를 돌려주고 `W_in`의 기울기를 채웁니다)과
#    `"output"`(소프트맥스 + 교차 엔트로피 오차와 `h @ W_out`의 역전파)입니다. 부분마다 로그-로그 기울기(0 = V와
#    상관없음, 1 = V에 비례)를 `prediction_4`에 넣어 보세요. (조회의 역전파는 노트북 02의 주제입니다. 거기서 V개 행
#    전체를 건드리지 않는 방법을 봅니다.) 자동 채점은 먼저 예측을 판정하고(±0.25 이내), 그다음에야 바로 위 셀에 정의된
#    `time_backward_pieces`로 `VOCAB_SIZES`에서 두 역전파의 시간을 재어 측정한 로그-로그 기울기를 보여 줍니다.

# %%
answer_1 = ...                    # V = 1,000,000일 때의 메가바이트
q1.check(answer_1)
# q1.hint()
# q1.solution()


# %%
def column_lookup(W_out, ids):
    ...                           # 여기에 코드를 작성해 보세요


q2.check(column_lookup)
# q2.hint()
# q2.solution()


# %%
def dscore(score, t):
    ...                           # dL/dscore, 형상 (N, V)


q3.check(dscore)
# q3.hint()
# q3.solution()

# %%
def time_backward_pieces(V, rng=None):
    """어휘 수 V에서 두 부분의 역전파 한 번에 걸리는 초 (각각 순전파 한 번 뒤)."""
    rng = np.random.default_rng(SEED) if rng is None else rng
    W_in, W_out_rows = init_weights(V, HIDDEN, rng)
    ids = rng.integers(0, V, size=(BATCH, 2))
    t = rng.integers(0, V, size=BATCH)
    in_onehot, in_lookup = MatMul(W_in), Embedding(W_in)
    out_layer, loss_layer = MatMul(np.ascontiguousarray(W_out_rows.T)), SoftmaxWithLoss()
    dh2 = rng.standard_normal((BATCH, 2, HIDDEN)).astype(np.float32)
    in_onehot.forward(convert_one_hot(ids, V))
    in_lookup.forward(ids)
    loss_layer.forward(out_layer.forward(in_lookup.forward(ids).mean(axis=1)), t)
    with one_thread():
        return {"one-hot": best_time(lambda: in_onehot.backward(dh2), REPEAT, cpu=True),
                "output": best_time(lambda: out_layer.backward(loss_layer.backward()), REPEAT, cpu=True)}


# %%
prediction_4 = ...                # {"one-hot": ..., "output": ...}
q4.check(prediction_4, measure=time_backward_pieces, sizes=VOCAB_SIZES)
# q4.hint()
# q4.solution()

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): *밑바닥부터 시작하는 딥러닝 2*의 코드(oreilly-japan/deep-learning-from-scratch-2의
# `ch03/simple_cbow.py`: 가중치의 형상과 `0.01 * np.random.randn`, `ch03/train.py`: 은닉층 크기 5, 배치 크기 3, 1000
# 에폭, Adam, `ch04/train.py`: PTB에서 은닉층 크기 100과 윈도우 크기 5, `dataset/ptb.py`: 불러오는 PTB 파일,
# 곧 tomsercu/lstm의 `ptb.train.txt`. 그 어휘는 `<eos>`를 포함해 10,000개이며 `w2vlib.data.load_ptb`로 세었습니다).
#
# [다음: 02 Embedding 계층](02_embedding_layer.ipynb)
