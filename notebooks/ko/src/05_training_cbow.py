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
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05. 실제 말뭉치로 CBOW 학습하기
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.3.1~4.3.2절
#
# 노트북 01-04에서는 예문 하나로 word2vec을 분해하고 두 병목을 해결했습니다. 원핫 벡터와의 행렬 곱은 Embedding
# 계층으로, 어휘 전체에 대한 소프트맥스는 네거티브 샘플링(negative sampling)으로 바꾸었습니다. 이제 이 부품들을
# PTB 데이터셋(Penn Treebank)에 적용합니다. 월스트리트 저널 기사 약 백만 단어로 이루어진 말뭉치(corpus)이고,
# 여기서 학습한 단어 벡터(word vector)를 다음 세 노트북에서 사용합니다.
#
# 학습은 두 번 합니다. 먼저 **교재가 만드는 그대로의, 계층으로 쌓은 모델**(Embedding, NegativeSamplingLoss, Adam, 크기 100의
# 미니배치)을 정해진 단계 수만큼만 학습합니다. 이 노트북의 2절에서 그 속도를 측정하고, 그 속도로 교재의 전체 학습에 걸릴 시간을
# 출력합니다. 수업 중에 바로 실행할 수 있도록 이 노트북의 계산은 한가한 코어 2개에서 30초 정도로 맞춰 두었는데(요약 바로 앞의
# 셀이 여러분의 실행에 걸린 시간을 출력합니다), 교재의 전체 학습은 그보다 훨씬 오래 걸립니다. 다음으로 패키지의 **고속 경로**(fast path)를 씁니다. 융합
# 커널(fused kernel)이 배치 하나에서 계층과 같은 손실과 기울기(gradient)를 계산하는지 확인하고, *학습 방식*이 교재와 다른 점을
# 모두 나열한 뒤, 실제로 학습하고, 각 차이로 무엇을 얻는지 절제 실험(ablation) 표로 측정합니다.
#
# **이 노트북에서 배울 내용**
# - `w2vlib.data.load_ptb`로 PTB를 불러오는 법 (`W2VLIB_PTB_DIR`로 오프라인에서도) 그리고 그 토큰의 모습
# - 계층으로 쌓은 CBOW 모델이 실제 데이터에서 얼마나 빨리 학습하는지 (초당 단어 수(words/s)로 측정), 그리고 손실
#   곡선이 말해 주는 것
# - 고속 경로가 바꾸는 것, 그리고 두 경로가 같은지 확인하는 검사가 보장하는 것과 보장하지 않는 것
# - word2vec이 자주 나오는 단어를 줄이는 하위 샘플링(subsampling): 그 식과 토큰 수에 미치는 효과
# - 학습 기법 하나하나로 유추 문제(analogy problem) 정확도(accuracy)와 WordSim 상관에서 무엇을 얻는지(시드에 걸쳐
#   측정), 그리고 타깃(target) 하나에 드는 일이 얼마나 느는지
# - 06-08을 위해 벡터를 저장하는 법

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
import w2vlib.exercises
import time
NOTEBOOK_START = time.perf_counter()  # 요약 바로 앞의 셀이 노트북에 걸린 시간을 출력합니다
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
import inspect
import json
import warnings
from pathlib import Path

from scipy import stats

from w2vlib import fast
from w2vlib.data import load_ptb
from w2vlib.evaluation import evaluate_analogies
from w2vlib.plotting import plot_loss
from w2vlib.pretrained import ptb_vectors, save_ptb_vectors
from w2vlib.text import display_width, format_table, pad
from w2vlib.vectors import load_vectors

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0              # 아래의 모든 무작위 선택은 이 시드에서 나옵니다
HIDDEN_SIZE = 100     # 단어 벡터 하나의 길이 (은닉층 크기)
WINDOW_SIZE = 5       # 타깃 양쪽의 맥락(context) 단어 수
NEGATIVE = 5          # 타깃 하나당 부정적 예(negative example)의 수
BATCH_SIZE = 100      # 계층으로 쌓은 모델의 미니배치 크기 (교재의 값)
LAYERED_ITERS = 200   # 계층으로 쌓은 모델의 학습 단계 수 상한 (걸린 시간은 2절이 출력합니다)
EPOCHS = 10           # 고속 경로가 말뭉치 전체를 도는 횟수 (걸린 시간은 3절이 출력합니다)
SPEED_ROUNDS = 3      # 속도 비교의 라운드 수. 라운드마다 두 경로를 잇달아 잽니다
ABLATION_EPOCHS = 1   # 실시간 절제 실험에서 실행마다의 에폭 수 (다섯 행 x ABLATION_SEEDS번 실행)
ABLATION_TOKENS = 200_000  # 실시간 절제 실험은 말뭉치의 처음 이만큼의 토큰으로 학습합니다 (전체는 len(corpus))
ABLATION_SEEDS = 1    # 실시간 절제 실험에서 행마다의 시드 수. 3 이상이면 평균 ± 표준편차를 보여 줍니다 (시간은 3배)
ANALOGY_FILE = Path("../..") / "data" / "analogies_ptb.txt"  # 노트북 06에서 설명하는 유추 문제 파일

# %% [markdown]
# ## 1. 말뭉치
#
# `load_ptb("train")`은 교재와 같은 세 값 `(corpus, word_to_id, id_to_word)`를 돌려줍니다. 텍스트는 Mikolov가
# 전처리한 것입니다. 모두 소문자이고, 숫자는 모두 `N`으로, 드문 단어는 `<unk>`로 바뀌어 있습니다. 여기에 각 줄의 끝을
# `<eos>`로 바꿉니다. 어휘(vocabulary)는 10,000단어로 제한되어 있습니다.

# %%
corpus, word_to_id, id_to_word = load_ptb("train")
vocab_size = len(word_to_id)
print(f"말뭉치: 토큰 {len(corpus):,}개, 어휘: {vocab_size:,}단어")
print("처음 20개 토큰:", " ".join(id_to_word[int(i)] for i in corpus[:20]))

# %%
counts = np.bincount(corpus, minlength=vocab_size)
top = np.argsort(-counts, kind="stable")[:8]
print("가장 자주 나오는 단어:", ", ".join(f"{id_to_word[int(i)]} ({int(counts[i]):,})" for i in top))
print(f"10번 미만으로 나오는 단어: {vocab_size:,}개 중 {int((counts < 10).sum()):,}개")

# %% [markdown]
# 단어의 빈도는 매우 고르지 않습니다. 몇 안 되는 토큰(기능어, `<unk>`, `<eos>`, `N`)이 토큰의 큰 몫을 차지하고, 수천 개의 단어는 겨우 몇 번만
# 나옵니다. 노트북 06을 위해 기억해 두세요. 단어의 벡터가 갱신되는 횟수는 출현 횟수와 함께 늘어나므로, 드문 단어의
# 벡터는 근거가 적고 잡음이 더 많습니다. 그래도 그럴듯한 이웃 사이에 자리 잡을 수는 있지만(06이 이웃 옆에 출현
# 횟수를 출력합니다), 덜 믿을 만합니다.
#
# 교재처럼, 양쪽에 `WINDOW_SIZE`개씩 단어가 있는 위치 하나하나가 학습 예 하나가 됩니다. 주변의 ID가
# `contexts`(맥락)이고, 가운데의 ID가 `target`(타깃)입니다.

# %%
contexts, target = w2vlib.create_contexts_target(corpus, window_size=WINDOW_SIZE)
print(f"contexts: 형상 {contexts.shape}, target: 형상 {target.shape}")

# %% [markdown]
# ## 2. 교재가 만드는 그대로의, 계층으로 쌓은 모델
#
# `w2vlib.CBOW`는 교재의 모델입니다. `W_in`에서 맥락 단어의 행을 꺼내는 `Embedding` 조회, 그 평균 `h`, 그리고
# 진짜 타깃과 샘플링한 `NEGATIVE`개 단어의 점수를 `EmbeddingDot` 계층과 `SigmoidWithLoss`로 매기는
# `NegativeSamplingLoss`로 이루어집니다. 두 행렬 모두 형상이 `(V, H)`로, 단어 하나에 행 하나입니다. 수식에서는 출력 측
# 가중치를 `H x V` 행렬(`h @ W_out`)로 쓰지만, 네거티브 샘플링에는 점수를 매길 단어 `k + 1`개의 행만 필요합니다.
# 그래서 교재는 `W_out`을 전치해서 저장하고, `W_in`과 똑같이 `W_out[idx]`로 그 행들을 모읍니다. 학습 예 하나의
# 계산 그래프는 다음과 같습니다.

# %%
from w2vlib.plotting import draw_cbow_ns_graph

draw_cbow_ns_graph(window_size=WINDOW_SIZE, k=NEGATIVE, lang="ko")
plt.show()

# %% [markdown]
# 순전파는 왼쪽에서 오른쪽으로 진행합니다. `W_in`에서의 Embedding 조회 `2 x WINDOW_SIZE`번, 그 평균 `h`, 그리고
# `NegativeSamplingLoss`의 `EmbeddingDot`과 `SigmoidWithLoss` 가지 `k + 1`개 (`W_out`에서 점수를 매기는 단어마다
# 하나)입니다. 역전파는 오른쪽에서 왼쪽으로 진행합니다. 각 가지의 `dL/dh`가 `h`에서 더해지고, 평균이 맥락 단어의
# 행마다 제 몫을 나누어 주며, 각 Embedding 계층이 자기 행을 `W_in`의 기울기에 더합니다(`np.add.at`, 노트북 02).
#
# 교재는 Adam으로 크기 100의 미니배치를 10에폭 학습합니다. 여기서는 `LAYERED_ITERS`단계만 실행하고 속도를
# 측정합니다. 이 셀은 모델과 난수 생성기를 직접 만들기 때문에 다시 실행해도 같은 결과가 나옵니다.

# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
layered = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE, rng=rng)
trainer = w2vlib.Trainer(layered, w2vlib.Adam())
trainer.fit(contexts, target, max_epoch=1, batch_size=BATCH_SIZE, rng=rng,
            max_iters=LAYERED_ITERS, eval_interval=20, progress=False)
layered_wps = trainer.words_per_sec
steps = len(trainer.iter_losses)
print(f"타깃 {BATCH_SIZE}개씩 {steps}단계, {trainer.elapsed:.1f}초, 초당 {layered_wps:,.0f}단어")
epoch_minutes = len(target) / layered_wps / 60
print(f"이 속도로 1에폭은 약 {epoch_minutes:.1f}분, 교재의 10에폭은 약 {10 * epoch_minutes:.0f}분입니다 "
      "(지금의 부하에서 한 번 잰 값이며, 3절이 이 모델을 라운드마다 다시 잽니다)")

# %%
losses = np.array(trainer.iter_losses)
assert len(losses) == min(LAYERED_ITERS, len(target) // BATCH_SIZE)
assert np.all(np.isfinite(losses))
n = max(1, len(losses) // 10)
below = np.flatnonzero(losses < 0.99 * losses[0])
flat_steps = int(below[0]) if below.size else len(losses)
print(f"첫 단계의 손실은 {losses[0]:.3f}입니다. 전체 {len(losses)}단계 중 처음 {flat_steps}단계 동안 이 값의 1% 안에 머뭅니다.")
print(f"처음 {n}단계의 평균 손실: {losses[:n].mean():.3f}, 마지막 {n}단계: {losses[-n:].mean():.3f}")
if flat_steps == len(losses):
    print("손실이 시작값을 벗어나기 전에 학습이 끝났습니다. 손실이 줄어드는 것을 보려면 LAYERED_ITERS를 늘려 보세요.")
else:
    assert losses[-n:].mean() < losses[:n].mean(), "시작값을 벗어난 뒤에는 손실이 줄어야 합니다"

# %% [markdown]
# 손실은 곧바로 줄지 않습니다. `k`에만 달린 값에서 시작해서(연습 문제 1에서 이 값을 유도해 봅니다) 위에 출력한
# 단계 수만큼 그 자리에 머뭅니다. 두 행렬 모두 아주 작은 값(`0.01 * normal`)에서 시작하고 점수는 두 행렬의 행을
# 하나씩 곱한 것이므로, Adam이 단계마다 모든 가중치를 학습률(learning rate) 정도씩 움직여 가중치를 키울 때까지 점수는
# 0 근처에 머뭅니다. 그다음에 손실이 줄어듭니다. 학습 전체로 보면 손실은 처음에 빠르게, 그 뒤로는 점점 더
# 천천히 줄어들지만(3절의 고속 경로 곡선이 그 모양을 보여 줍니다), 아래 곡선은 1에폭의 시작 부분일 뿐입니다.

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
plot_loss(trainer.loss_list, ax=ax, eval_interval=trainer.eval_interval, lang="ko")
ax.axhline(losses[0], ls="--", color="gray", label="첫 단계의 손실")
ax.set_title(f"계층으로 쌓은 CBOW: 처음 타깃 {steps * BATCH_SIZE:,}개")
ax.legend()
plt.show()

# %% [markdown]
# ## 3. 고속 경로
#
# `w2vlib.fast.train`은 같은 *모델*, 즉 네거티브 샘플링을 쓰는 CBOW를 계층 객체 없이 학습합니다.
#
# - **융합 배치**: `EmbeddingDot`과 `SigmoidWithLoss` 계층 `k + 1`개를 따로 두는 대신, 모든 학습 예의 출력 행
#   `k + 1`개를 한 번에 모으고, 내적을 한 번의 배치 연산으로, 시그모이드도 한 번에 계산합니다.
# - **희소 갱신**: 평범한 SGD는 배치가 건드리는 행만 읽고 쓰며(scipy 희소 행렬 곱이 반복되는 ID를 더해 줍니다.
#   노트북 02의 `np.add.at` 이야기입니다), 옵티마이저 상태를 따로 두지 않습니다.
# - **샘플러가 한 번에 벡터화해 뽑기**: 여러 배치에 쓸 부정적 예를 한꺼번에 뽑습니다. 노트북 04의
#   유니그램 분포를 0.75제곱한 분포로 만든 **별칭 테이블**(alias table)에서 뽑습니다. 별칭 테이블(Walker의
#   별칭 방법)은 한 번, O(V)로 만듭니다. 열 `i`는 확률 `prob[i]`로 단어 `i`를, 그렇지 않으면 "별칭" 단어를 담습니다.
#   한 번 뽑을 때는 열 하나를 무작위로 고르고 그 열의 치우친 동전을 던지므로, V가 얼마든 비용이 같고 모든 단어가
#   정확히 제 확률로 나옵니다(`w2vlib.negative_sampling.alias_table`).
# - 두 번째 스레드가 현재 배치를 계산하는 동안 다음 배치를 미리 준비합니다.
#
# ### 확인: 배치 하나에서 같은 손실과 기울기
#
# 답이 바뀐다면 속도는 쓸모가 없습니다. `fast.cbow_grads`는 계층으로 쌓은 모델과 같은 가중치, 같은 부정적 예를 넣어 배치
# 하나에서 융합 커널을 실행하고, 손실과 전체 기울기를 교재의 규약대로 돌려줍니다.

# %%
check_rng = np.random.default_rng(SEED + 1)
sel = check_rng.choice(len(target), size=BATCH_SIZE, replace=False)
ctx_b, tgt_b = contexts[sel], target[sel]
neg_b = layered.sampler.get_negative_sample(tgt_b)
W_in_now, W_out_now = (p.copy() for p in layered.params)

loss_layered = layered.forward(ctx_b, tgt_b, negatives=neg_b)
layered.backward()
grads_layered = [g.copy() for g in layered.grads]
loss_fast, dW_in_fast, dW_out_fast = fast.cbow_grads(W_in_now, W_out_now, ctx_b, tgt_b, neg_b)

print(f"손실: 계층 {loss_layered:.4f}, 고속 {float(loss_fast):.4f}")
assert abs(loss_layered - loss_fast) <= 1e-5 * abs(loss_layered)
for name, a, b in [("dW_in", grads_layered[0], dW_in_fast), ("dW_out", grads_layered[1], dW_out_fast)]:
    err = w2vlib.relative_error(a, b)
    assert err < 1e-5, f"{name}이(가) 다릅니다. 상대 오차 {err:.2e}"
    print(f"{name}: 상대 오차 1e-5 미만")

# %% [markdown]
# **이 검사가 정확히 다루는 것:** 고정 크기 윈도우 `BATCH_SIZE`개로 된 배치 하나, 같은 가중치, 같은 부정적 예,
# 갱신 전의 상태에서 융합 커널의 손실과 `W_in`, `W_out`의 기울기가 계층의 것과 같다는 것입니다. 두 경로가 어떻게
# *학습하는지*에 대해서는 아무것도 말하지 않습니다. 학습은 아래와 같이 다르고, 각 차이에는 `fast.train`의 설정값이
# (옵티마이저는 계층 쪽의 설정이) 있습니다.
#
# | | 계층으로 쌓은 모델 (교재) | 고속 경로 (기본값) | 설정값 |
# |---|---|---|---|
# | 옵티마이저 | 배치 평균 손실에 대한 Adam | 합계 손실에 대한 SGD, 학습률은 0을 향해 선형으로 감소 | `alpha`, `min_alpha` (계층: `w2vlib.SGD`) |
# | 배치 | 타깃 `BATCH_SIZE`개 (교재: 100), 에폭마다 섞음 | 타깃 `batch_size`개 (정해진 기본값은 학습 뒤에 출력), 말뭉치 순서대로 | `batch_size` (순서: 없음) |
# | 가중치 초깃값 | 두 행렬 모두 `0.01 * normal` | `W_in`은 `±0.5/H` 범위의 균등분포, `W_out`은 0 (word2vec) | `init="book"` |
# | CBOW 갱신 | 맥락 단어의 행마다 기울기의 제 몫 `dL/dh / 2w` | 맥락 단어의 행마다 `dL/dh` 전체 (word2vec.c, gensim) | `cbow_update="gradient"` |
# | 감쇠(damping) | 없음 | 배치 안에서 `c`번 쓰인 행은 합친 갱신을 `max(1, c / d)`로 나눔, `d`는 `damping`(정해진 기본값은 학습 뒤에 출력) | `damping=0` |
# | 하위 샘플링 | 없음 | 자주 나오는 단어를 무작위로 버림 (아래) | `sample=0` |
# | 윈도우 | 항상 양쪽에 `w`단어 | 타깃마다 반경을 `1..w`에서 뽑음 | `dynamic_window=False` |
# | 말뭉치의 양 끝 | 처음과 마지막 `w`개 위치는 건너뜀 | 짧은 윈도우로 유지 | 없음 (몇 위치뿐) |
#
# 위의 동일성 검사는 감쇠 없이 `cbow_update="gradient"`일 때 배치 하나에서 성립합니다. 커널은 같지만 그것을 둘러싼
# 갱신 규칙은 다릅니다. 이 절 끝의 절제 실험이 CBOW 갱신, 감쇠, 하위 샘플링, 윈도우 행으로 무엇을 얻는지 측정합니다.
#
# ### 자주 나오는 단어의 하위 샘플링
#
# word2vec은 에폭마다 단어의 각 출현을 무작위로 버립니다. 단어의 출현 횟수를 `f`, `t = sample x (말뭉치 크기)`라고
# 하면, 한 출현이 **남을** 확률은 다음과 같습니다.
#
# $$P_\text{keep}(w) = \min\left(1, \left(\sqrt{\frac{f}{t}} + 1\right)\frac{t}{f}\right)$$
#
# (word2vec.c와 gensim의 식입니다. 논문(Mikolov 외 2013b, 식 5)은 버릴 확률을 `1 - sqrt(t/f)`로 씁니다.) `f / t <= ((1 + sqrt 5) / 2)^2`,
# 즉 약 2.6 이하인 동안에는 식의 값이 1 이상이므로 단어가 항상 남습니다(`x = f / t`에 대해 `sqrt(x) + 1 >= x`를
# 풀면 됩니다. 같은 상수 `(3 + sqrt(5)) / 2`가 gensim의 `prepare_vocab`에도 나오는데, 거기서는 `sample >= 1`인 횟수를 임계값으로 바꾸는 데 씁니다). "the"는 드물게만 남습니다. `fast.subsample_keep_prob`이 이
# 확률을 계산합니다.

# %%
sample = inspect.signature(fast.train).parameters["sample"].default  # 고속 경로의 기본 임계값
keep = fast.subsample_keep_prob(counts, sample)
kept = float((counts * keep).sum() / counts.sum())
order = np.argsort(-counts, kind="stable")
for i in order[:3]:
    print(f"{id_to_word[int(i)]:>6}: {int(counts[i]):,}번 출현, 남을 확률 {keep[i]:.3f}")
print(f"sample = {sample:g}, t = {sample * counts.sum():,.0f}. 에폭마다 남는 토큰은 약 {kept:.0%}입니다")

fig, ax = plt.subplots(figsize=(6.4, 3.6))
ranks = np.arange(1, vocab_size + 1)
ax.loglog(ranks, counts[order], label="하위 샘플링 전")
ax.loglog(ranks, (counts * keep)[order], label="하위 샘플링 후 (기댓값)")
ax.set_xlabel("단어의 순위 (1 = 가장 자주 나오는 단어)")
ax.set_ylabel("에폭당 토큰 수")
ax.set_title(f"sample = {sample:g}인 하위 샘플링은 머리 부분을 평평하게 만듭니다")
ax.legend()
plt.show()

# %%
assert 0 < kept < 1 and np.all((keep > 0) & (keep <= 1))
assert keep[order[0]] < keep[order[-1]], "가장 자주 나오는 단어는 가장 드문 단어보다 덜 남아야 합니다"
t = sample * counts.sum()
bound = ((1 + np.sqrt(5)) / 2) ** 2
assert np.all(keep[counts <= bound * t] == 1) and np.all(keep[counts > 1.001 * bound * t] < 1)
print(f"확인 통과: {bound:.3f} t = {bound * t:,.0f}번까지 나오는 단어는 항상 남고, 그보다 자주 나오는 단어는 그렇지 않습니다")

# %% [markdown]
# ### 실제로 학습하기
#
# 이제 고속 경로의 기본값으로 말뭉치 전체를 `EPOCHS`번 학습합니다. 셀은 걸린 시간과 초당 말뭉치 단어 수를
# 출력합니다(계층 경로의 초당 단어 수도 같은 것을 셉니다. 말뭉치 위치 하나가 타깃 하나입니다).

# %% tags=["nbval-ignore-output"]
SETTINGS = dict(model="cbow", hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE,
                negative=NEGATIVE, epochs=EPOCHS, seed=SEED)
result = fast.train(corpus, vocab_size, progress=False, **SETTINGS)
print(f"{EPOCHS}에폭 (단어 {EPOCHS * len(corpus):,}개), {result.wall_time:.1f}초, 초당 {result.words_per_sec:,.0f}단어")

# %%
assert result.W_in.shape == (vocab_size, HIDDEN_SIZE) and result.W_in.dtype == np.float32
assert np.all(np.isfinite(result.W_in))
assert len(result.loss_per_epoch) == EPOCHS
assert EPOCHS == 1 or result.loss_per_epoch[-1] < result.loss_per_epoch[0], "에폭이 지나면서 손실이 줄어야 합니다"
print(f"확인 통과: {EPOCHS}에폭, 유한한 float32 벡터" + (", 에폭이 지나면서 손실이 줄었습니다" if EPOCHS > 1 else "입니다"))
print(f"학습이 정한 설정값은 다음과 같습니다. batch_size {result.settings['batch_size']}, "
      f"alpha {result.settings['alpha']:g}, damping {result.settings['damping']:g}")

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
ax.plot(np.arange(1, EPOCHS + 1), result.loss_per_epoch, marker="o")
ax.set_xlabel("에폭")
ax.set_ylabel("타깃당 평균 손실")
ax.set_title(f"PTB에서 고속 CBOW, {EPOCHS}에폭")
plt.show()
print("에폭별 손실:", ", ".join(f"{x:.3f}" for x in result.loss_per_epoch))

# %% [markdown]
# ### 두 경로의 속도: 번갈아 재기
#
# 2절은 계층 경로를, 위 셀은 고속 경로를 서로 다른 때에 쟀습니다. 다른 작업으로 바쁠 수 있는 컴퓨터에서는 부하가
# 그사이에 바뀌므로, 두 속도의 비율에는 경로의 차이와 부하의 변화가 섞입니다. 그래서 다음 셀은 `SPEED_ROUNDS`번의
# 라운드를 돌고, 라운드마다 두 경로를 잇달아 잽니다. 계층으로 쌓은 모델(새로 만든 모델, 교재의 Adam)을 30단계 학습하고,
# 곧이어 고속 경로로 처음 100,000개 토큰을 1에폭 학습합니다. 속도 향상 배율은 두 중앙값의 비율이고, 라운드별 비율은
# 부하가 그 값을 얼마나 흔들었는지 보여 줍니다. 같은 부하가 2절에서 한 번 잰 값도 흔듭니다. 두 측정은 같은 모델을
# 같은 방법으로 재지만(단계 하나의 비용은 같으므로 학습의 길이는 상관없습니다), 2절의 초당 단어 수와 라운드의 계층 초당
# 단어 수는 다를 수 있습니다. 더 나은 추정값은 라운드의 중앙값이므로, 셀은 교재의 10에폭을 그것으로 다시 계산하고
# 2절의 추정값도 옆에 출력합니다. 둘이 얼마나 다른지는 거기서 보입니다.

# %% tags=["nbval-ignore-output"]
def layered_speed(optimizer, iters):
    """계층으로 쌓은 모델을 SEED로 새로 만들어 `optimizer`로 `iters`단계 학습했을 때의 초당 단어 수."""
    r = np.random.default_rng(SEED)
    m = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE, rng=r)
    t = w2vlib.Trainer(m, optimizer)
    t.fit(contexts, target, max_epoch=1, batch_size=BATCH_SIZE, rng=r, max_iters=iters, progress=False)
    return t.words_per_sec

rounds = []
with warnings.catch_warnings():  # 짧은 1에폭은 속도만 잽니다. 벡터가 거의 학습되지 않는 것은 의도한 것입니다
    warnings.filterwarnings("ignore", message="the loss did not fall", category=RuntimeWarning)
    for _ in range(SPEED_ROUNDS):
        slow = layered_speed(w2vlib.Adam(), 30)
        quick = fast.train(corpus[:100_000], vocab_size, progress=False, **dict(SETTINGS, epochs=1)).words_per_sec
        rounds.append((slow, quick))
slow_wps, quick_wps = np.array(rounds).T
ratios = quick_wps / slow_wps
speedup = np.median(quick_wps) / np.median(slow_wps)
for k, (a, b) in enumerate(rounds, 1):
    print(f"라운드 {k}: 계층 초당 {a:,.0f}단어, 고속 초당 {b:,.0f}단어, 비율 {b / a:.0f}배")
print(f"속도 향상(중앙값의 비율): {speedup:.0f}배, 라운드별로는 {ratios.min():.0f}~{ratios.max():.0f}배. "
      f"실제로 학습한 타깃 기준으로는(하위 샘플링 후 남는 토큰 약 {kept:.0%}) {speedup * kept:.0f}배입니다.")
print(f"라운드의 계층 속도 중앙값으로 교재의 10에폭은 약 {10 * len(target) / np.median(slow_wps) / 60:.0f}분입니다 "
      f"(2절에서 한 번 잰 값으로는 약 {10 * epoch_minutes:.0f}분)")

# %%
assert np.all(ratios > 3), "고속 경로는 라운드마다 몇 배는 빨라야 합니다"
assert speedup * kept > 3, "고속 경로는 실제로 학습한 타깃 기준으로도 몇 배는 빨라야 합니다"
print(f"확인 통과: 라운드 {SPEED_ROUNDS}번 모두 고속 경로가 3배 넘게 빠르고, 실제로 학습한 타깃 기준으로도 그렇습니다. "
      "3배는 바쁜 컴퓨터에서도 실패하지 않도록 일부러 느슨하게 잡은 하한입니다. 이 검사는 속도를 잃은 고속 경로를 "
      "잡아내고, 측정한 비율은 위에 출력되어 있습니다.")

# %% [markdown]
# 손실은 앞과 같은 양(타깃당 교차 엔트로피 오차 `k + 1`개의 합)이지만, 계층으로 쌓은 모델의 곡선과 바로 비교할 수는
# 없습니다. 하위 샘플링이 자주 나오는 타깃을 많이 없애고, 동적 윈도우(dynamic window)가 맥락을 바꾸기
# 때문입니다. 비교할 수 있는 것은 벡터가 배운 내용입니다. 계층으로 쌓은 모델의 짧은 학습 뒤와 고속 학습 뒤에, 몇 단어의 최근접
# 이웃(코사인 유사도(cosine similarity) 기준, 노트북 06 참고)을 보겠습니다.

# %%
runs = [("계층", layered.word_vecs), ("고속", result.W_in)]
name_width = max(display_width(name) for name, _ in runs)
for query in ["year", "car", "you"]:
    for name, W in runs:
        near = w2vlib.most_similar(query, word_to_id, id_to_word, W, top=4)
        print(f"{query:>5} ({pad(name, name_width, '>')}): " + ", ".join(f"{w} {s:.3f}" for w, s in near))

# %% [markdown]
# 두 목록의 코사인을 비교해 보세요. 계층으로 쌓은 모델의 짧은 학습은 자주 나오는 단어의 벡터를 모두 **하나의 공통 방향**으로
# 밀어 놓을 수 있습니다. 그럴 만한 이유 하나는 이것입니다. 학습 초기에는 거의 모든 맥락에서 기울기가 같은 말("자주 나오는 단어가 타깃일 가능성이
# 높다")을 하고, Adam은 기울기의 크기와 상관없이 단계마다 모든 매개변수를 학습률 정도씩 움직입니다. 그래서 이
# 공통된 이동이 곧 작은 무작위 초깃값을 압도합니다. 그러면 자주 나오는 단어의 벡터는 대부분 같은 벡터가 되고,
# 관계없는 단어끼리도 코사인이 1에 가까워지며, 그 코사인은 유사도가 아니라 공통 방향만 잽니다. 이번 학습이 거기까지
# 갔는지는 설정값(단계 수, 배치 하나의 잡음)에 달려 있습니다. 자주 나오는 단어 쌍 사이의 평균 코사인과, 각 단어와
# 그 평균 방향 사이의 평균 코사인이 이를 잽니다. 계층으로 쌓은 모델의 무작위 초깃값(우연히 나오는 값)도 함께 보여 줍니다.

# %%
frequent = order[:1000]
pair_rng = np.random.default_rng(SEED)
i, j = pair_rng.integers(0, len(frequent), size=(2, 2000))
collapse = {}
start_W = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE,
                      rng=np.random.default_rng(SEED)).word_vecs  # 계층으로 쌓은 모델 학습의 무작위 초깃값
start_points = [("무작위 초깃값", start_W), ("계층", layered.word_vecs), ("고속", result.W_in)]
label_width = max(display_width(name) for name, _ in start_points)
for name, W in start_points:
    Wn = w2vlib.normalize(W[frequent])
    mean_dir = w2vlib.normalize(Wn.mean(axis=0, keepdims=True))[0]
    collapse[name] = (float(np.mean(np.sum(Wn[i] * Wn[j], axis=1))), float(np.mean(Wn @ mean_dir)))
    print(f"{pad(name, label_width, '>')}: 자주 나오는 두 단어의 평균 코사인 {collapse[name][0]:+.3f}, "
          f"단어와 평균 방향의 평균 코사인 {collapse[name][1]:.3f}")

# %%
noise = 1 / np.sqrt(HIDDEN_SIZE)  # H차원에서 무작위 방향 두 개가 이루는 코사인의 퍼짐
assert abs(collapse["무작위 초깃값"][0]) < 3 * noise / np.sqrt(len(i)) + 0.01, "무작위 방향의 평균 코사인은 0 근처여야 합니다"
assert collapse["고속"][0] < 0.5, "학습을 마친 벡터는 한 방향을 공유하지 않아야 합니다 (EPOCHS가 아주 적다면 늘리세요)"
if collapse["계층"][0] > 0.5:
    print(f"계층으로 쌓은 모델의 짧은 학습은 한 방향으로 쏠렸습니다. 자주 나오는 두 단어의 평균 코사인은 {collapse['계층'][0]:.3f}입니다."
          f" 고속 학습 뒤에는 {collapse['고속'][0]:+.3f}, 무작위 초깃값에서는 {collapse['무작위 초깃값'][0]:+.3f}입니다.")
else:
    print(f"이 설정값에서는 계층으로 쌓은 모델의 짧은 학습이 (아직) 쏠리지 않았습니다. 평균 코사인은 {collapse['계층'][0]:+.3f},"
          f" 무작위 초깃값에서는 {collapse['무작위 초깃값'][0]:+.3f}이고, 손실은 {len(losses)}단계 동안 {losses[0]:.3f}에서"
          f" {losses[-n:].mean():.3f}까지 줄었습니다. 공통 방향이 생기는 것을 보려면 LAYERED_ITERS(단계 수)나"
          " BATCH_SIZE(단계마다 잡음이 적어짐)를 늘려 보세요.")
print("확인 통과: 학습을 마친 벡터는 퍼져 있습니다")

# %% [markdown]
# 학습을 마친 벡터는 퍼져 있습니다. 이웃은 같은 종류의 단어이고, 코사인 값도 다양합니다.
#
# ### 각 차이로 얻는 것: 절제 실험
#
# 모든 기법을 켠 고속 경로에서 시작해 한 번에 하나씩 끕니다. word2vec의 CBOW 갱신 대신 정확한 기울기 몫, 감쇠
# 없음, 하위 샘플링 없음, 고정 윈도우입니다. 각 실행은 노트북 06의 유추 문제 정확도(3CosAdd, 맞힌
# 문제의 비율)와, WordSim-353의 사람이 매긴 유사도 점수와의 스피어먼 상관계수로 평가합니다. 상관계수는 두 단어가 모두
# PTB의 어휘에 있는 쌍에서만 계산하며, 그런 쌍이 몇 개인지는 셀이 출력합니다.
#
# 행마다 한 번 실행한 것은 측정이 아닙니다. 몇백 문제에서 잰 정확도에는 그 자체로 이항 표준오차가 있고, 시드를
# 바꾸어도 값이 움직이며(아래 표에서 유추 정확도의 시드에 대한 표준편차는 0.01까지로, 대부분의 행 사이 차이보다 작습니다), 시작을 늦추는 기법이
# 나중에 이득을 줄 수도 있습니다. 그래서 행마다 시드 여러 개와 두 가지 에폭 예산으로 학습하고, 시드에 대한 평균 ±
# 표준편차로 보고합니다. "모두 켬과의 차이" 열은 그 차이와, 시드에 대한 웰치 t-검정(Welch's t-test, `scipy.stats`)의
# p값(시드가 세 개뿐이라 p < 0.05에 이르려면 차이가 크고 한결같아야 합니다), 그리고 그 p값을 홀름 보정(Holm
# correction)한 값입니다. 이 표는 유추 정확도를 이렇게 여덟 번 비교합니다. 비교마다 p < 0.05를 기준으로 삼으면, 우연만으로도
# 여덟 개 중 적어도 하나가 통과할 확률이, 비교들이 서로 독립이라면 1 - 0.95^8, 약 3분의 1입니다. 홀름의 단계적 방법은 가장 작은 p에 8을, 그다음
# p에 7을 곱하는 식으로 나아가서, 여덟 비교 전체에서 잘못된 경보가 하나라도 나올 위험을 5%로 묶습니다. WordSim
# 비교는 따로 한 묶음입니다. 홀름 p가 0.05 미만인 차이만 뚜렷한 차이로 셉니다.
#
# 이 모든 것은 몇 분이 걸려 이 노트북에 주어진 시간을 넘습니다. 전체 측정은 스크립트 `benchmarks/ablation_05.py`가
# 하고, 다음 셀은 커밋된 그 결과를 출력합니다. 그다음에 이 노트북이 같은 비교의 작은 실시간 버전을 실행합니다.

# %%
BENCH = Path("../..") / "benchmarks" / "results" / "ablation_05.json"
bench = json.loads(BENCH.read_text(encoding="utf-8"))
ROW_NAMES = {"all on": "모두 켬", "exact gradient share": "정확한 기울기 몫", "no damping": "감쇠 없음",
             "no subsampling": "하위 샘플링 없음", "fixed window": "고정 윈도우"}
base_cfg, larger_cfg = bench["base"], bench["larger"]
print(f"{bench['command']}")
print(f"시드 {bench['seeds']}, PTB, CBOW, 은닉층 {base_cfg['hidden_size']}, 윈도우 {base_cfg['window_size']}, "
      f"부정적 예 {base_cfg['negative']}개. 당시의 기본값은 alpha {bench['runs'][0]['alpha']:g}, "
      f"배치 {bench['runs'][0]['batch_size']}, 감쇠 {bench['runs'][0]['damping']:g}")
ws_pairs = {(r["wordsim_pairs"], r["wordsim_total"]) for r in bench["runs"] if "wordsim" in r}
assert len(ws_pairs) == 1, "모든 실행은 같은 WordSim-353 쌍으로 평가합니다"
ws_used, ws_total = ws_pairs.pop()
print(f"WordSim 상관: WordSim-353의 {ws_total}쌍 중 두 단어가 모두 PTB의 어휘에 있는 {ws_used}쌍에서 계산한 스피어먼 "
      "상관계수입니다 (모든 실행에서 같은 쌍)")
table = {(t["settings"], t["epochs"], t["row_name"]): t for t in bench["table"]}

def welch(name, epochs, measure="analogy"):
    """'모두 켬'에 대한 한 행의 (차이, p): 시드에 대한 웰치 t-검정 (scipy)."""
    a, ref = table[("base", epochs, name)][measure], table[("base", epochs, "all on")][measure]
    test = stats.ttest_ind_from_stats(a["mean"], a["sd"], a["n"], ref["mean"], ref["sd"], ref["n"], equal_var=False)
    return a["mean"] - ref["mean"], float(test.pvalue)

def holm(pvalues):
    """p값 한 묶음의 홀름 단계적 보정 (들어온 순서대로 돌려줍니다)."""
    p = np.asarray(pvalues, dtype=float)
    order_p = np.argsort(p)
    stepped = np.maximum.accumulate((len(p) - np.arange(len(p))) * p[order_p])
    adjusted = np.empty_like(p)
    adjusted[order_p] = np.minimum(1, stepped)
    return adjusted

others = [name for name in ROW_NAMES if name != "all on"]
family = {"analogy": [(name, e) for e in bench["epochs"] for name in others],
          "wordsim": [(name, max(bench["epochs"])) for name in others]}
holm_p = {}
for measure, tests in family.items():
    for key, q in zip(tests, holm([welch(name, e, measure)[1] for name, e in tests])):
        holm_p[(measure, *key)] = float(q)

rows = []
for epochs in bench["epochs"]:
    ref = table[("base", epochs, "all on")]
    for name in ROW_NAMES:
        t = table[("base", epochs, name)]
        a, w = t["analogy"], t["wordsim"]
        diff, p = welch(name, epochs)
        shown = "" if name == "all on" else f"{diff:+.3f} (p {p:.3f}, 홀름 {holm_p[('analogy', name, epochs)]:.3f})"
        rows.append([epochs, ROW_NAMES[name], f"{a['mean']:.3f} ± {a['sd']:.3f}", shown,
                     f"{w['mean']:.3f} ± {w['sd']:.3f}"])
    rows.append(None)
print(format_table(["에폭", "행", "유추 정확도", "모두 켬과의 차이 (웰치 p, 홀름 p)", "WordSim 상관"], rows[:-1]))
n_q = bench["runs"][0]["analogy_answered"]
p_best = max(table[("base", max(bench["epochs"]), name)]["analogy"]["mean"] for name in ROW_NAMES)
print(f"문제 {n_q}개에서 {p_best:.3f} 근처인 정확도 하나의 이항 표준오차는 "
      f"{np.sqrt(p_best * (1 - p_best) / n_q):.3f}입니다")
for name in ("all on", "no damping"):
    t = table[("larger", bench["runs"][-1]["epochs"], name)]
    print(f"더 큰 설정 (은닉층 {larger_cfg['hidden_size']}, 윈도우 {larger_cfg['window_size']}, "
          f"부정적 예 {larger_cfg['negative']}개), {t['epochs']}에폭, {ROW_NAMES[name]}, "
          f"발산한 실행 수 {t['n_diverged']} / {t['n_runs']}")

# %%
def clear_difference(name, epochs, measure="analogy"):
    """행이 '모두 켬'보다 홀름 보정한 웰치 검정 p < 0.05로 좋으면 +1, 나쁘면 -1, 그 밖에는 0."""
    diff, _ = welch(name, epochs, measure)
    return int(np.sign(diff)) if holm_p[(measure, name, epochs)] < 0.05 else 0

assert len(bench["seeds"]) >= 3 and len(bench["epochs"]) >= 2
assert all(welch(*k[1:], k[0])[1] <= q <= len(family[k[0]]) * welch(*k[1:], k[0])[1] for k, q in holm_p.items())
assert all(clear_difference("exact gradient share", e) == -1 for e in bench["epochs"])
verdict = {name: [clear_difference(name, e) for e in bench["epochs"]] for name in others}
words = {1: "모두 켬보다 좋음", -1: "모두 켬보다 나쁨", 0: "뚜렷한 차이 없음"}
for name, v in verdict.items():
    print(f"{pad(ROW_NAMES[name], 22)} " + ", ".join(f"{e}에폭 뒤 {words[x]} (홀름 p {holm_p[('analogy', name, e)]:.3f})"
                                                   for e, x in zip(bench["epochs"], v)))
larger = {name: table[("larger", bench["runs"][-1]["epochs"], name)] for name in ("all on", "no damping")}
assert larger["all on"]["n_diverged"] == 0
print("확인 통과: 정확한 기울기 몫은 두 예산 모두에서 지고, 기본값은 한 번도 발산하지 않았습니다")

# %%
full, short = max(bench["epochs"]), min(bench["epochs"])
ws_verdict = {}
for name in others:
    ws_verdict[name] = clear_difference(name, full, "wordsim")
    print(f"{pad(ROW_NAMES[name], 22)} {full}에폭 뒤 WordSim: {words[ws_verdict[name]]} "
          f"(웰치 p {welch(name, full, 'wordsim')[1]:.3f}, 홀름 {holm_p[('wordsim', name, full)]:.3f})")
# 아래의 결정이 기대는 사실들
assert larger["no damping"]["n_diverged"] > 0 and welch("no damping", full)[0] < 0
assert clear_difference("no damping", short) == 1 and clear_difference("no damping", full) == 0
assert all(welch("no subsampling", e)[0] > 0 and clear_difference("no subsampling", e) == 0 for e in bench["epochs"])
assert welch("no subsampling", full, "wordsim")[0] < 0 and ws_verdict["no subsampling"] == 0
assert all(clear_difference("fixed window", e) == -1 for e in bench["epochs"])
print("확인 통과: 기본값에 관한 결정이 기대는 사실들이 모두 성립합니다")

# %% [markdown]
# **기본값에 관한 결정.** 두 예산을 함께 읽으세요. 위의 줄들은 홀름 보정 뒤에도 뚜렷한 차이가 어느 것인지 말해 줍니다. 모든 행이
# 같은 문제에 답하므로 행 사이에서 달라지는 것은 학습이고, 그 잡음은 시드가 잽니다. 위에 출력한 이항 표준오차는 다른
# 잡음입니다. 같은 크기의 다른 문제 묶음이라면 정확도 하나가 얼마나 움직일 수 있는지를 말하므로, 이 숫자들이 유추
# 문제 일반에 대해 뜻하는 바의 한계이지, 여기서 두 행이 다른지의 기준은 아닙니다. 이 오차는 문제들이 서로
# 독립이라고 가정하기도 합니다. 그런데 문제 파일은 각 범주를 많지 않은 단어 쌍으로 만들고 한 쌍을 여러 문제에 다시
# 쓰므로(`data/make_analogies.py`), 이 오차는 다소 낙관적인 값으로 읽어야 합니다.
#
# - **감쇠는 켜 둡니다.** 근거는 표의 정확도가 아닙니다. 더 큰 설정에서 감쇠하지 않은 실행은 발산합니다(위의 줄이
#   그 수를 셉니다). 그럴듯한 이유는 이렇습니다. 자주 나오는 행에 더해지는 갱신의 합은 윈도우와 부정적 예의 수에
#   따라 커지고, 감쇠가 그것을 묶어 둡니다(더 큰 설정은 은닉 크기, 윈도우, 부정적 예의 수를 함께 바꾸므로 이
#   벤치마크로는 원인을 가려낼 수 없습니다). 정확도로는 시작에서 손해를 봅니다(짧은 예산, 뚜렷한 차이). 전체 예산 뒤에는 감쇠한 실행이 조금 더
#   맞히지만, 시드 세 개로는 그 차이가 뚜렷하지 않습니다(p값은 표에 있습니다). (작은 설정에서 짧게 학습할 때는
#   `damping=0` 키워드 하나면 됩니다.)
# - **하위 샘플링도 켜 둡니다. 측정이 아니라 선택입니다.** 끄면 두 예산 모두에서 유추 문제를 몇 개 더 맞히지만, 두
#   차이 모두 홀름 보정을 통과하지 못합니다(보정 전 p는 0.05보다 작아서, 비교가 하나뿐이었다면 통과했을 것입니다).
#   WordSim 상관은 낮아지고(이것도 뚜렷하지 않습니다), 에폭마다 학습하는 타깃이 늘어납니다(얼마나 느는지는 아래의
#   실시간 셀이 출력합니다). 뚜렷한 이득도 뚜렷한 손실도 없지만 일은 늘어납니다. 그래서 word2vec의 기본값(word2vec.c와
#   gensim의 기본값이기도 합니다)을 그대로 두되, 측정으로 이긴 것이 아니라 선택이라고 밝혀 둡니다.
# - **word2vec의 CBOW 갱신과 동적 윈도우도 그대로 둡니다.** "정확한 기울기 몫"과 고정 윈도우는 두 예산 모두에서 유추
#   문제를 뚜렷하게 덜 맞힙니다(확인 셀이 검사합니다). 고정 윈도우는 타깃마다 반경을 `1..WINDOW_SIZE`에서 뽑는 대신
#   맥락 행 `2 x WINDOW_SIZE`개를 모두 모으므로 타깃마다 할 일이 더 많습니다.
#   "정확한 기울기 몫" 행에는 주의할 점이 있습니다. 평범한 SGD에서 이것은 word2vec의 갱신에서 맥락 행마다의
#   보폭을 그 타깃의 맥락 단어 수로 나눈 것이고, 학습률은 word2vec의 규칙에 맞춘
#   값입니다. 그래서 `W_in`의 학습률이 몇 배 작은 채로 학습합니다. 이 행이 보여 주는 것은 *이 alpha에서* word2vec의
#   규칙이 더 낫다는 것이지, 정확한 기울기 자체가 나쁘다는 것이 아닙니다.

# %% [markdown]
# **실시간 버전.** 같은 다섯 행을 행마다 시드 `ABLATION_SEEDS`개, 실행마다 `ABLATION_EPOCHS`에폭(설정값)으로 말뭉치의
# 처음 `ABLATION_TOKENS`개 토큰에서 학습합니다(몇 개인지는 셀이 출력합니다). 수업 시간에 맞추려고 기본값은 시드
# 하나입니다. 평균 ± 표준편차를 보려면 `ABLATION_SEEDS`를 3으로 올려 보세요. 기본 예산으로는 말뭉치의 5분의 1에서 학습의
# *시작*을 보여 줍니다. 벤치마크의 첫 예산은 이보다 훨씬 깁니다. 표에는 유추 정확도 옆에 맞힌 문제 수와 마지막
# 에폭의 평균 손실이 있고, 손실이 아직 2절의 시작 손실(학습 전 벡터의 손실)의 1% 안에 있는 실행에는 표시를 붙입니다.
# 그런 실행은 아직 배우기 시작하지 않은 것입니다. 각 실행이 얼마나 학습했는지는 맞힌 문제 몇 개보다 손실이 더 잘
# 보여 줍니다(다만 하위 샘플링과 윈도우는 손실이 평균하는 타깃을 바꿉니다). 더 큰 설정(`HIDDEN_SIZE = 200`,
# `WINDOW_SIZE = 8`, `NEGATIVE = 10`으로 바꿔 보세요)에서는 어떤 행이 발산할 수 있고, 그러면 멈추는 대신 표가 그렇다고
# 알려 줍니다. 초당 단어 수는 행마다 한 번씩, 번갈아 재지 않고 그때의 컴퓨터 부하에서 잰 값입니다. 이 크기에서는 부하가
# 행 사이의 차이보다 값을 더 크게 움직일 수 있으므로, 이것을 행의 비용으로 읽지 마세요. 그래서 첫 셀은 테스트가
# 비교하지 않습니다. 정확도와 손실은 시드가 고정되어 있으므로 비교합니다.

# %% tags=["nbval-ignore-output"]
ABLATION = [("all on", {}), ("exact gradient share", dict(cbow_update="gradient")),
            ("no damping", dict(damping=0)), ("no subsampling", dict(sample=0)),
            ("fixed window", dict(dynamic_window=False))]
live = {}
with warnings.catch_warnings():  # 손실은 표가 보여 주므로, 여기서는 "손실이 줄지 않았다"는 경고가 필요 없습니다
    warnings.filterwarnings("ignore", message="the loss did not fall", category=RuntimeWarning)
    for name, change in ABLATION:
        live[name] = []
        for seed in range(SEED, SEED + ABLATION_SEEDS):
            try:
                run = fast.train(corpus[:ABLATION_TOKENS], vocab_size, progress=False,
                                 **dict(SETTINGS, epochs=ABLATION_EPOCHS, seed=seed, **change))
            except FloatingPointError:
                live[name].append(None)  # 발산
                continue
            ev = evaluate_analogies(ANALOGY_FILE, run.W_in, word_to_id)
            live[name].append(dict(acc=ev.accuracy, right=ev.n_correct, answered=ev.n_answered,
                                   loss=run.loss_per_epoch[-1], wps=run.words_per_sec))
wps = {name: np.mean([r["wps"] for r in runs if r]) if any(runs) else np.nan for name, runs in live.items()}
for name in live:
    print(f"{pad(ROW_NAMES[name], 22)} {pad(f'초당 {wps[name]:,.0f}단어', 16, '>')}, 모두 켬 행의 {wps[name] / wps['all on']:.2f}배")

# %%
assert ABLATION_SEEDS >= 1, "ABLATION_SEEDS는 1 이상이어야 합니다"
assert all(r is not None for r in live["all on"]), "고속 경로의 기본값은 절대 발산하지 않아야 합니다"
start_loss_measured = losses[0]  # 2절: 학습하기 전, 첫 단계의 손실
rows, on_plateau = [], []
for name, runs in live.items():
    accs = np.array([r["acc"] for r in runs if r is not None])
    n_div = sum(r is None for r in runs)
    shown = f"{accs.mean():.3f} ± {accs.std(ddof=1):.3f}" if len(accs) > 1 else (f"{accs[0]:.3f}" if len(accs) else "-")
    ok = [r for r in runs if r is not None]
    right = f"{np.mean([r['right'] for r in ok]):.1f} / {ok[0]['answered']}" if ok else "-"
    mean_loss = np.mean([r["loss"] for r in ok]) if ok else np.nan
    stuck = bool(ok) and abs(mean_loss - start_loss_measured) <= 0.01 * start_loss_measured
    if stuck:
        on_plateau.append(ROW_NAMES[name])
    loss = f"{mean_loss:.3f}" + (" (시작값)" if stuck else "") if ok else "-"
    rows.append([ROW_NAMES[name], shown, right, loss, f"{n_div} / {len(runs)}"])
print(f"처음 토큰 {ABLATION_TOKENS:,}개, 실행마다 {ABLATION_EPOCHS}에폭, 시드 {SEED}..{SEED + ABLATION_SEEDS - 1}")
print(format_table(["행", "유추 정확도", "맞힌 수 (평균)", "마지막 손실", "발산"], rows))
n_ans = live["all on"][0]["answered"]
right_counts = [r["right"] for runs in live.values() for r in runs if r is not None]
print(f"우연 수준: 단어 {vocab_size:,}개 중 하나를 찍으면 문제 {n_ans}개 중 {n_ans / vocab_size:.2f}개를 맞힙니다. "
      f"문제 하나는 정확도로 {1 / n_ans:.3f}입니다.")
print(f"(시작값) = 2절의 시작 손실 {start_loss_measured:.3f}의 1% 안. "
      + (", ".join(on_plateau) + " 행은 아직 배우기 시작하지 않았습니다." if on_plateau else "모든 실행이 시작값을 벗어났습니다."))
lo, hi = min(right_counts), max(right_counts)
verdict_line = f"모든 실행이 문제 {n_ans}개 중 {lo}개를 맞혔습니다" if lo == hi else \
    f"실행들은 문제 {n_ans}개 중 {lo}~{hi}개를 맞혔습니다"
print(verdict_line + (". 이 예산에서는 정확도로 행을 가를 수 없으니 손실을 비교해 보세요." if hi - lo <= 2 else ""))
print(f"하위 샘플링을 끄면 에폭마다 {1 / kept:.2f}배 많은 타깃을 학습합니다 (하위 샘플링 후 남는 토큰은 {kept:.0%}입니다)")
print("확인 통과: 기본값은 한 번도 발산하지 않았습니다")

# %% [markdown]
# 실시간 표를 벤치마크의 표와 비교해 읽으세요. 기본값이 기대는 것은 시드 세 개와 더 긴 두 예산으로 잰 벤치마크이고,
# 실시간 표 아래의 줄들은 이 짧은 실행이 보여 줄 수 있는 것과 없는 것을 말해 줍니다. 이 작은 설정에서 주로 학습의 시작을
# 빠르게 하는 행(감쇠 없음, 벤치마크의 더 큰 설정에서는 발산한 행)은 벤치마크의 더 긴 예산 뒤보다 여기서 더 좋아 보일 수 있고, 시작을 늦추는 행(정확한 기울기 몫)은
# 전혀 배우지 않는 것처럼 보일 수 있습니다.

# %% [markdown]
# ## 4. 벡터 저장하고 다시 불러오기
#
# 벡터는 `w2vlib.pretrained.save_ptb_vectors`로 패키지의 캐시 폴더(노트북 폴더가 아닙니다)에 저장합니다.
# `.npz` 파일(pickle 없음)과 설정을 기록한 `.json` 파일입니다. 노트북 06-08은
# `w2vlib.pretrained.ptb_vectors(**settings)`를 호출합니다. 설정이 같으면 이 벡터를 불러오고, 그렇지 않으면 같은
# 함수와 시드로 다시 학습합니다(같은 벡터가 나옵니다).

# %%
path = save_ptb_vectors(result.W_in, id_to_word, **SETTINGS)
print(f"저장: <cache>/{path.parent.name}/{path.stem.rsplit('_', 1)[0]}_<key>.npz, .json")
print("기록된 설정:", json.loads(path.with_suffix(".json").read_text())["settings"])

# %%
W, w2i, i2w = load_vectors(path)
assert np.array_equal(W, result.W_in) and i2w == id_to_word and w2i == word_to_id
W_again, _, _ = ptb_vectors(**SETTINGS)  # 노트북 06-08이 하는 일: 캐시에서 찾으므로 학습하지 않습니다
assert np.array_equal(W_again, result.W_in)
print(f"{W.shape[0]:,} x {W.shape[1]} 벡터를 다시 불러왔습니다. 똑같습니다.")

# %% [markdown]
# **얼마나 걸렸을까요?** 이 노트북의 계산은 한가한 코어 2개에서 30초 정도로 맞춰 두었습니다. 다음 셀은 첫 코드 셀부터
# 여기까지 여러분의 실행에 걸린 시간을 출력합니다. 컴퓨터가 바쁘거나 설정값을 키우면 더 오래 걸립니다.

# %% tags=["nbval-ignore-output"]
elapsed = time.perf_counter() - NOTEBOOK_START
print(f"첫 코드 셀부터 여기까지 {elapsed:.0f}초, "
      f"예산(한가한 코어 2개에서 약 30초)의 {elapsed / 30:.1f}배")


# %% [markdown]
# ## 정리
#
# - PTB는 토큰이 약 백만 개이고 어휘(vocabulary)는 10,000단어입니다. 단어의 빈도는 매우 고르지 않습니다.
# - 네거티브 샘플링(negative sampling)을 쓰는 계층으로 쌓은 CBOW는 올바르게 학습하지만 느립니다. 측정한 초당 단어 수로 계산하면
#   교재처럼 말뭉치(corpus)를 10에폭 학습하는 데 이 노트북의 예산인 30초 정도보다 훨씬 오래 걸리므로(2절이 추정값을
#   출력합니다), 정해진 단계 수만 실행했습니다. 기본 설정값에서는 그 뒤에 자주 나오는 단어의 벡터가 한 방향을 공유합니다.
# - 손실은 `k`에만 달린 값에서 평평하게 시작하고(연습 문제 1), 가중치가 충분히 커져 모델이 진짜 타깃(target)과
#   샘플링한 부정적 예를 구별하게 되면 줄어듭니다.
# - 고속 경로(fast path)의 융합 커널(fused kernel)은 계층과 같은 손실과 기울기(gradient)를 계산합니다(배치 하나에서 확인).
#   *학습*은 옵티마이저, 배치, 초기화, CBOW 갱신 규칙, 감쇠, 하위 샘플링, 윈도우에서 다르고, 각각 설정값이
#   있습니다. 번갈아 재면 고속 경로가 훨씬 빠릅니다(셀이 중앙값의 비율과 라운드별 범위를 출력합니다). 절제 실험이 그 차이 중 넷으로
#   얻는 것을 시드와 두 가지 에폭 예산에 걸쳐(평균 ± 표준편차, 홀름 보정한 웰치 검정) 측정합니다. 전체 측정은
#   벤치마크 스크립트가, 작은 실시간 버전은 이 노트북이 합니다.
# - 하위 샘플링(subsampling)은 자주 나오는 단어를 대략 `sqrt(t/f)`처럼 줄어드는 확률로 남깁니다(정확한 식은 3절에
#   있습니다). 빈도 곡선의 머리 부분은 평평해지고 꼬리 부분은 그대로입니다.
# - 학습한 임베딩(embedding) 행렬 `W_in`이 단어의 분산 표현(distributed representation)입니다. 캐시에 `.npz`로
#   저장되고, 노트북 06-08이 똑같이 다시 불러옵니다.
#
# ## 연습 문제
#
# 연습 문제마다 자동 채점이 있습니다. `...`를 답으로 바꾸고 셀을 실행해 보세요. `q1.hint()`는 힌트를,
# `q1.solution()`은 풀이를 보여 줍니다.

# %%
q1, q2, q3, q4 = w2vlib.exercises.load("05", lang="ko")

# %% [markdown]
# **1. 손실은 어디에서 시작할까요?** 2절에서는 첫 단계의 손실을 측정하고, 그 값이 부정적 예의 수 `k`에만 달려
# 있다고 했습니다. 그 값을 유도해 보세요. 학습 전에는 점수가 거의 0입니다. 예상되는 시작 손실을 `k`의 함수로 써
# 보세요. 자동 채점은 여러 `k`를 시험하고, 위의 계층으로 쌓은 모델 학습의 첫 단계와 비교합니다.

# %%
def start_loss(k):
    ...  # 여러분의 식

q1.check(start_loss, negative=NEGATIVE, measured=losses[0])
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. lazy Adam.** `w2vlib.Adam(lazy=True)`는 교재의 Adam을 더 빠르게 구현한 것이 아니라 *다른 옵티마이저*입니다.
# 단계마다 움직이는 방식이 달라서, 이것으로 학습하면 다른 가중치에 이릅니다(어떻게 다른지는 답한 뒤에 채점 결과가
# 알려 줍니다). 여기서는 속도만 비교합니다. 먼저 예측해 보세요. 답 다음의 셀이 두 옵티마이저로 계층으로 쌓은 모델을 몇 단계씩
# `SPEED_ROUNDS`라운드 동안 번갈아 학습하고, 초당 단어 수의 중앙값을 비교합니다. lazy Adam이 더 빠르다면 왜일까요?
# 글자 하나로 답해 보세요.
#
# - **a** lazy Adam은 보폭이 커서 단계가 덜 필요합니다.
# - **b** 단계마다 두 행렬의 `V x H`개 숫자 전부가 아니라, 배치가 쓴 몇 안 되는 행만(그 행의 가중치와 모멘트
#   추정값만) 갱신합니다.
# - **c** 부정적 예의 역전파를 건너뜁니다.
# - **d** 가중치를 반정밀도(half precision)로 저장합니다.

# %%
answer_2 = ...  # "a", "b", "c" 또는 "d"
q2.check(answer_2, batch_size=BATCH_SIZE, window=WINDOW_SIZE, negative=NEGATIVE)

# %% tags=["nbval-ignore-output"]
adam_rounds = np.array([(layered_speed(w2vlib.Adam(), 30), layered_speed(w2vlib.Adam(lazy=True), 30))
                        for _ in range(SPEED_ROUNDS)])
dense_wps, lazy_wps = np.median(adam_rounds, axis=0)
lazy_ratio = lazy_wps / dense_wps
round_ratios = adam_rounds[:, 1] / adam_rounds[:, 0]
print(f"Adam 초당 {dense_wps:,.0f}단어, lazy Adam 초당 {lazy_wps:,.0f}단어 ({SPEED_ROUNDS}라운드의 중앙값), "
      f"비율 {lazy_ratio:.1f}, 라운드별로는 {round_ratios.min():.1f}~{round_ratios.max():.1f}")

# %%
if lazy_ratio > 1.1:
    print("확인 통과: lazy Adam이 더 빠릅니다")
elif BATCH_SIZE > 100:
    print(f"여기서는 lazy Adam이 뚜렷하게 더 빠르지 않았습니다. BATCH_SIZE = {BATCH_SIZE}에서는 단계마다 순전파와 역전파가 "
          "배치와 함께 커지지만 V x H개 숫자 전부를 갱신하는 Adam의 비용은 그대로이므로, lazy Adam이 아끼는 몫이 한 "
          "단계에서 더 작습니다.")
else:
    print("여기서는 lazy Adam이 뚜렷하게 더 빠르지 않았습니다. 이 배치 크기에서는 보통 더 빠르니, 어느 라운드에서 "
          "컴퓨터가 바빴을 수 있습니다. 두 셀을 다시 실행해 보세요.")
assert lazy_ratio > 1 or BATCH_SIZE > 100, "교재의 배치 크기 이하에서는 lazy Adam이 더 빨라야 합니다"

# %% [markdown]
# **3. 남을 확률.** word2vec이 각 단어를 남을 확률(단어 ID마다 숫자 하나)을 돌려주는 `keep_prob(counts, sample)`을
# 3절의 식대로 작성해 보세요. 자동 채점은 드문 단어를 포함한 새 출현 횟수로 패키지와 비교합니다.

# %%
def keep_prob(counts, sample):
    ...  # 단어마다 확률 하나

q3.check(keep_prob)

# %% [markdown]
# **4. skip-gram의 비용.** skip-gram 모델은 타깃에서 맥락 단어 하나하나를 예측하므로, 타깃 하나가 맥락 단어마다
# 학습 쌍을 하나씩 만듭니다. 동적 윈도우(반경을 `1..w`에서 균등하게 뽑음)를 쓰면 타깃 하나가 평균 몇 쌍을
# 만들까요? `w`의 함수로 써 보세요. 그다음 셀은 처음 100,000개 토큰으로 1에폭 동안 skip-gram과 CBOW를 비교해
# 측정합니다.

# %%
def pairs(w):
    ...  # 타깃당 평균 (중심, 맥락) 쌍의 수

q4.check(pairs)

# %% tags=["nbval-ignore-output"]
small = corpus[:100_000]
with warnings.catch_warnings():  # 짧은 1에폭은 속도만 잽니다. 벡터가 거의 학습되지 않는 것은 의도한 것입니다
    warnings.filterwarnings("ignore", message="the loss did not fall", category=RuntimeWarning)
    speed = {m: fast.train(small, vocab_size, model=m, epochs=1, seed=SEED, progress=False).words_per_sec
             for m in ("cbow", "skipgram")}
print(f"CBOW 초당 {speed['cbow']:,.0f}단어, skip-gram 초당 {speed['skipgram']:,.0f}단어, "
      f"비율 {speed['cbow'] / speed['skipgram']:.1f}")
if q4.passes(pairs):
    ratio = speed["cbow"] / speed["skipgram"]
    print(f"여러분의 답: WINDOW_SIZE = {WINDOW_SIZE}에서 skip-gram은 타깃당 약 {pairs(WINDOW_SIZE):g}쌍을 학습합니다. "
          f"측정한 비율은 그 수{'보다 작습니다' if ratio < pairs(WINDOW_SIZE) else '보다 작지 않습니다'}.")
else:
    print("연습 문제 4에 답하면 여러분이 센 타깃당 쌍의 수를 이 비율 옆에 보여 줍니다")

# %%
assert speed["cbow"] > speed["skipgram"], "skip-gram은 단어당 작업이 더 많습니다"
print("확인 통과: skip-gram은 말뭉치 단어당 더 느립니다")

# %% [markdown]
# 배율이 왜 타깃당 쌍의 수와 같지 않을까요? CBOW도 공짜가 아니기 때문입니다. CBOW도 타깃마다 맥락 행을 모으고
# 평균하고 갱신합니다. 그 수는 평균으로 skip-gram의 타깃당 쌍의 수(연습 문제 4의 답)와 같으므로 CBOW의 비용도 윈도우와
# 함께 커지고, 그래서 배율은 보통 쌍의 수보다 작습니다. skip-gram이 더 치르는 것은 쌍마다 점수를 매기는 `k + 1`개의
# 행이 맥락 단어마다 되풀이되는 몫입니다.
# (바쁠 수 있는 컴퓨터에서 각각 한 번씩 잰 값입니다. 셀을 다시 실행해 비율이 얼마나 움직이는지 보세요.)

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): word2vec.c (`word2vec.c`, tmikolov/word2vec: 하위 샘플링 식, 동적 윈도우
# `b = next_random % window`, CBOW의 평균 `neu1 /= cw`와 모든 맥락 행에 더하는 `neu1e` 전체, 학습률의 선형 감소는
# `TrainModelThread`, `±0.5/size` 범위의 균등분포인 `syn0`과 0인 `syn1neg`는 `InitNet`), gensim 4
# (`word2vec_inner.pyx`: `cbow_mean`을 쓰는 `w2v_fast_sentence_cbow_neg`, `word2vec.py`: `sample_int`의 남을 확률, 그리고
# `(3 + sqrt(5)) / 2`를 `sample >= 1`에 곱하는 `prepare_vocab`), 논문(Mikolov 외 2013b, *Distributed Representations of Words
# and Phrases and their Compositionality*, 식 5의 버릴 확률), 교재의 코드 (oreilly-japan/deep-learning-from-scratch-2: `ch04/train.py`,
# `ch04/cbow.py`, `common/trainer.py`, 줄 끝을 `<eos>`로 바꾸고 데이터를 받는 `dataset/ptb.py`), PTB 데이터
# (tomsercu/lstm의 `ptb.train.txt`, 즉 Mikolov의 RNNLM 툴킷에 딸린 `simple-examples`의 Penn Treebank 텍스트로, 소문자,
# 숫자는 `N`, 어휘 10,000단어), 별칭 방법(Walker 1977, *An efficient method for generating discrete random variables with general
# distributions*, Vose 1991, *A linear algorithm for generating random numbers with a given distribution*), WordSim-353
# (Finkelstein 외 2002, *Placing search in context: the concept revisited*, 벤치마크는 gensim의 테스트 데이터에 든 사본 `gensim/test/test_data/wordsim353.tsv`의 353쌍을 읽습니다), 홀름 보정(Holm 1979, *A simple sequentially
# rejective multiple test procedure*), 가중치마다 학습률 정도인 Adam의 보폭(Kingma & Ba 2015, *Adam: A Method for
# Stochastic Optimization*, 논문의 2.1절).
#
# [다음: 06 유사도와 유추](06_similarity_and_analogies.ipynb)
