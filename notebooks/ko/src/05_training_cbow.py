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
# 학습은 두 번 합니다. 먼저 **교재가 만드는 그대로의 계층 모델**(Embedding, NegativeSamplingLoss, Adam, 크기 100의
# 미니배치)을 정해진 단계 수만큼만 학습합니다. 2절에서 그 속도를 측정하고, 교재의 전체 학습에 걸릴 시간을
# 출력합니다. 이 노트북에 주어진 1분보다 훨씬 깁니다. 다음으로 패키지의 **고속 경로**(fast path)를 씁니다. 융합된(fused)
# 커널이 배치 하나에서 계층과 같은 손실과 기울기를 계산하는지 확인하고, *학습 방식*이 교재와 다른 점을 모두 나열한
# 뒤, 실제로 학습하고, 각 차이가 무엇을 가져다주는지 절제 실험(ablation) 표로 측정합니다.
#
# **이 노트북에서 배울 내용**
# - `w2vlib.data.load_ptb`로 PTB를 불러오는 법 (`W2VLIB_PTB_DIR`로 오프라인에서도) 그리고 그 토큰의 모습
# - 계층으로 쌓은 CBOW 모델이 실제 데이터에서 얼마나 빨리 학습하는지 (초당 단어 수(words/s)로 측정), 그리고 손실
#   곡선이 말해 주는 것
# - 고속 경로가 바꾸는 것, 그리고 두 경로가 같은지 확인하는 검사가 보장하는 것과 보장하지 않는 것
# - word2vec이 자주 나오는 단어를 줄이는 하위 샘플링(subsampling): 그 식과 토큰 수에 미치는 효과
# - 학습 기법 하나하나가 속도와 유추 문제 정확도에서 무엇을 가져다주는지 (측정), 그리고 06-08을 위해 벡터를
#   저장하는 법

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
import w2vlib.exercises
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
import inspect
import json
from pathlib import Path

from w2vlib import fast
from w2vlib.data import load_ptb
from w2vlib.evaluation import evaluate_analogies
from w2vlib.plotting import plot_loss
from w2vlib.pretrained import ptb_vectors, save_ptb_vectors
from w2vlib.vectors import load_vectors

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0              # 아래의 모든 무작위 선택은 이 시드에서 나옵니다
HIDDEN_SIZE = 100     # 단어 벡터 하나의 길이 (은닉층 크기)
WINDOW_SIZE = 5       # 타깃 양쪽의 맥락 단어 수
NEGATIVE = 5          # 타깃 하나당 부정적 예의 수
BATCH_SIZE = 100      # 계층 모델의 미니배치 크기 (교재의 값)
LAYERED_ITERS = 500   # 계층 모델의 학습 단계 수 상한 (몇 초)
EPOCHS = 10           # 고속 경로가 말뭉치 전체를 도는 횟수 (에폭당 1~2초)
ABLATION_EPOCHS = 3   # 절제 실험 표의 실행(다섯 번)마다의 에폭 수; EPOCHS로 하면 전체 그림을 보지만 느립니다
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
# 단어의 빈도는 매우 고르지 않습니다. 몇 안 되는 기능어가 토큰의 큰 몫을 차지하고, 수천 개의 단어는 겨우 몇 번만
# 나옵니다. 노트북 06을 위해 기억해 두세요. 열 번 본 단어로는 좋은 벡터를 얻을 수 없습니다.
#
# 교재처럼, 양쪽에 `WINDOW_SIZE`개씩 단어가 있는 위치 하나하나가 학습 예 하나가 됩니다. 주변의 ID가
# `contexts`(맥락, context)이고, 가운데의 ID가 `target`(타깃, target)입니다.

# %%
contexts, target = w2vlib.create_contexts_target(corpus, window_size=WINDOW_SIZE)
print(f"contexts: 형상 {contexts.shape}, target: 형상 {target.shape}")

# %% [markdown]
# ## 2. 교재가 만드는 그대로의 계층 모델
#
# `w2vlib.CBOW`는 교재의 모델입니다. `W_in`에서 맥락 단어의 행을 꺼내는 `Embedding` 조회, 그 평균 `h`, 그리고
# 진짜 타깃과 샘플링한 `NEGATIVE`개 단어의 점수를 `EmbeddingDot` 계층과 `SigmoidWithLoss`로 매기는
# `NegativeSamplingLoss`로 이루어집니다. 두 행렬 모두 형상이 `(V, H)`로, 단어 하나에 행 하나입니다. 수식에서는 출력 측
# 가중치를 `H x V` 행렬(`h @ W_out`)로 쓰지만, 네거티브 샘플링에는 점수를 매길 단어 `k + 1`개의 행만 필요합니다.
# 그래서 교재는 `W_out`을 전치해서 저장하고, `W_in`과 똑같이 `W_out[idx]`로 그 행들을 모읍니다. 학습 예 하나의
# 계산 그래프는 다음과 같습니다.

# %%
from w2vlib.plotting import draw_cbow_ns_graph

draw_cbow_ns_graph(window_size=WINDOW_SIZE, k=NEGATIVE)
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
print(f"타깃 {BATCH_SIZE}개씩 {steps}단계, {trainer.elapsed:.1f}초: {layered_wps:,.0f} words/s")
epoch_minutes = len(target) / layered_wps / 60
print(f"이 속도로 1에폭: 약 {epoch_minutes:.0f}분; 교재의 10에폭: {10 * epoch_minutes / 60:.1f}시간,"
      f" 이 노트북에 주어진 1분의 {10 * epoch_minutes:.0f}배")

# %%
losses = np.array(trainer.iter_losses)
assert len(losses) == min(LAYERED_ITERS, len(target) // BATCH_SIZE)
assert np.all(np.isfinite(losses))
n = max(1, len(losses) // 10)
assert losses[-n:].mean() < losses[:n].mean(), "손실이 줄어들어야 합니다 (단계가 너무 적다면 LAYERED_ITERS를 늘리세요)"
guess = (NEGATIVE + 1) * np.log(2)
print(f"무작위로 찍을 때의 손실 (k+1) ln 2: {guess:.3f}; 첫 단계의 손실: {losses[0]:.3f}")
print(f"처음 {n}단계의 평균 손실: {losses[:n].mean():.3f}, 마지막 {n}단계: {losses[-n:].mean():.3f}")

# %% [markdown]
# 처음에는 모든 점수가 0에 가까워서 시그모이드(sigmoid)가 모두 0.5를 내놓고, `k + 1`개의 이진 교차 엔트로피 오차가
# 저마다 `ln 2`입니다. 그래서 손실은 `(k+1) ln 2`에서 시작합니다. 손실은 처음에 빠르게 (모델이 어떤 단어가 자주
# 나오는지 배웁니다), 그다음에는 천천히 줄어듭니다. 아래 곡선은 1에폭의 작은 일부일 뿐입니다.

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
plot_loss(trainer.loss_list, ax=ax, eval_interval=trainer.eval_interval)
ax.axhline(guess, ls="--", color="gray", label="(k+1) ln 2: 무작위로 찍을 때")
ax.set_title(f"계층 CBOW: 처음 타깃 {steps * BATCH_SIZE:,}개")
ax.legend()
plt.show()

# %% [markdown]
# ## 3. 고속 경로
#
# `w2vlib.fast.train`은 같은 *모델*, 즉 네거티브 샘플링을 쓰는 CBOW를 계층 객체 없이 학습합니다.
#
# - **융합된 배치**: `EmbeddingDot`과 `SigmoidWithLoss` 계층 `k + 1`개를 따로 두는 대신, 모든 학습 예의 출력 행
#   `k + 1`개를 한 번에 모으고, 내적을 한 번의 배치 연산으로, 시그모이드도 한 번에 계산합니다.
# - **희소 갱신**: 배치가 건드리는 행만 읽고 씁니다 (scipy 희소 행렬 곱이 반복되는 ID를 더해 줍니다. 노트북 02의
#   `np.add.at` 이야기입니다). 반면 Adam은 매 단계 두 행렬의 `V x H`개 숫자를 쓰든 안 쓰든 전부 갱신합니다.
# - **샘플러의 벡터화된 한 번의 추출**: 여러 배치에 쓸 부정적 예(negative example)를 한꺼번에 뽑습니다 (0.75제곱한 유니그램 분포에
#   대한 별칭 테이블(alias table)). 그리고 두 번째 스레드가 다음 배치를 미리 준비합니다.
#
# ### 확인: 배치 하나에서 같은 손실과 기울기
#
# 답이 바뀐다면 속도는 쓸모가 없습니다. `fast.cbow_grads`는 계층 모델과 같은 가중치, 같은 부정적 예를 넣어 배치
# 하나에서 융합된 커널을 실행하고, 손실과 전체 기울기(gradient)를 교재의 규약대로 돌려줍니다.

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
    assert err < 1e-5, f"{name}이(가) 다릅니다: 상대 오차 {err:.2e}"
    print(f"{name}: 상대 오차 1e-5 미만")

# %% [markdown]
# **이 검사가 정확히 다루는 것:** 고정 크기 윈도우 `BATCH_SIZE`개로 된 배치 하나, 같은 가중치, 같은 부정적 예,
# 갱신 전의 상태에서 융합된 커널의 손실과 `W_in`, `W_out`의 기울기가 계층의 것과 같다는 것입니다. 두 경로가 어떻게
# *학습하는지*에 대해서는 아무것도 말하지 않습니다. 학습은 아래와 같이 다르고, 각 차이에는 `fast.train`의 설정값이
# (옵티마이저는 계층 쪽의 설정이) 있습니다.
#
# | | 계층 모델 (교재) | 고속 경로 (기본값) | 설정값 |
# |---|---|---|---|
# | 옵티마이저 | 배치 평균 손실에 대한 Adam | 합계 손실에 대한 SGD, 학습률(learning rate)은 0을 향해 선형으로 감소 | `alpha`, `min_alpha` (계층: `w2vlib.SGD`) |
# | 배치 | 타깃 `BATCH_SIZE`개 (교재: 100), 에폭마다 섞음 | 타깃 1024개, 말뭉치 순서대로 | `batch_size` (순서: 없음) |
# | 초기 가중치 | 두 행렬 모두 `0.01 * normal` | `W_in`은 `±0.5/H` 범위의 균등분포, `W_out`은 0 (word2vec) | `init="book"` |
# | CBOW 갱신 | 맥락 단어의 행마다 기울기의 제 몫 `dL/dh / 2w` | 맥락 단어의 행마다 `dL/dh` 전체 (word2vec.c, gensim) | `cbow_update="gradient"` |
# | 감쇠(damping) | 없음 | 배치 안에서 `c`번 쓰인 행은 합친 갱신을 `max(1, c / d)`로 나눔 | `damping=0` |
# | 하위 샘플링 | 없음 | 자주 나오는 단어를 무작위로 버림 (아래) | `sample=0` |
# | 윈도우 | 항상 양쪽에 `w`단어 | 타깃마다 반경을 `1..w`에서 뽑음 | `dynamic_window=False` |
# | 말뭉치의 양 끝 | 처음과 마지막 `w`개 위치는 건너뜀 | 짧은 윈도우로 유지 | 없음 (몇 위치뿐) |
#
# 위의 동일성 검사는 감쇠 없이 `cbow_update="gradient"`일 때 배치 하나에서 성립합니다. 커널은 같지만 그것을 둘러싼
# 갱신 규칙은 다릅니다. 이 절 끝의 절제 실험 표가 마지막 네 행이 가져다주는 것을 측정합니다.
#
# ### 자주 나오는 단어의 하위 샘플링
#
# word2vec은 에폭마다 단어의 각 출현을 무작위로 버립니다. 단어의 출현 횟수를 `f`, `t = sample x (말뭉치 크기)`라고
# 하면, 한 출현이 **남을** 확률은 다음과 같습니다.
#
# $$P_\text{keep}(w) = \min\left(1, \left(\sqrt{\frac{f}{t}} + 1\right)\frac{t}{f}\right)$$
#
# (word2vec.c와 gensim의 식입니다. 논문은 버릴 확률을 `1 - sqrt(t/f)`로 씁니다.) 대략 `t`번 이하로 나오는 단어는
# 항상 남고, "the"는 드물게만 남습니다. `fast.subsample_keep_prob`이 이 확률을 계산합니다.

# %%
sample = inspect.signature(fast.train).parameters["sample"].default  # 고속 경로의 기본 임계값
keep = fast.subsample_keep_prob(counts, sample)
kept = float((counts * keep).sum() / counts.sum())
order = np.argsort(-counts, kind="stable")
for i in order[:3]:
    print(f"{id_to_word[int(i)]:>6}: {int(counts[i]):,}번 출현, 남을 확률 {keep[i]:.3f}")
print(f"sample = {sample:g}: t = {sample * counts.sum():,.0f}; 에폭마다 토큰의 약 {kept:.0%}가 남습니다")

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
print("확인 통과")

# %% [markdown]
# ### 실제로 학습하기
#
# 이제 고속 경로의 기본값으로 말뭉치 전체를 `EPOCHS`번 학습합니다. 속도 향상 배율은 두 경로의 초당 말뭉치 단어
# 수를 비교한 것입니다.

# %% tags=["nbval-ignore-output"]
SETTINGS = dict(model="cbow", hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE,
                negative=NEGATIVE, epochs=EPOCHS, seed=SEED)
result = fast.train(corpus, vocab_size, progress=False, **SETTINGS)
speedup = result.words_per_sec / layered_wps
print(f"{EPOCHS}에폭 (단어 {EPOCHS * len(corpus):,}개), {result.wall_time:.1f}초: {result.words_per_sec:,.0f} words/s")
print(f"계층 경로보다 {speedup:.0f}배 빠릅니다; 실제로 학습한 타깃 기준으로는 (하위 샘플링 후 {kept:.0%}가 남음) "
      f"{speedup * kept:.0f}배")

# %%
assert result.W_in.shape == (vocab_size, HIDDEN_SIZE) and result.W_in.dtype == np.float32
assert np.all(np.isfinite(result.W_in))
assert len(result.loss_per_epoch) == EPOCHS
assert EPOCHS == 1 or result.loss_per_epoch[-1] < result.loss_per_epoch[0], "에폭이 지나면서 손실이 줄어야 합니다"
assert speedup * kept > 3, "고속 경로는 실제로 학습한 타깃 기준으로도 몇 배는 빨라야 합니다"
print("확인 통과: 고속 경로는 실제로 학습한 타깃 기준으로도 몇 배 빠릅니다")

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
ax.plot(np.arange(1, EPOCHS + 1), result.loss_per_epoch, marker="o")
ax.set_xlabel("에폭")
ax.set_ylabel("타깃당 평균 손실")
ax.set_title(f"PTB에서 고속 CBOW, {EPOCHS}에폭")
plt.show()
print("에폭별 손실:", ", ".join(f"{x:.3f}" for x in result.loss_per_epoch))

# %% [markdown]
# 손실은 앞과 같은 양(타깃당 교차 엔트로피 오차 `k + 1`개의 합)이지만, 계층 모델의 곡선과 바로 비교할 수는
# 없습니다. 하위 샘플링이 쉽고 자주 나오는 타깃을 많이 없애고, 동적 윈도우(dynamic window)가 맥락을 바꾸기
# 때문입니다. 비교할 수 있는 것은 벡터가 배운 내용입니다. 짧은 계층 모델 학습 뒤와 고속 학습 뒤에, 몇 단어의 최근접
# 이웃(코사인 유사도(cosine similarity) 기준, 노트북 06 참고)을 보겠습니다.

# %%
for query in ["year", "car", "you"]:
    for name, W in [("layered", layered.word_vecs), ("fast", result.W_in)]:
        near = w2vlib.most_similar(query, word_to_id, id_to_word, W, top=4)
        print(f"{query:>5} ({name:>7}): " + ", ".join(f"{w} {s:.3f}" for w, s in near))

# %% [markdown]
# 계층 모델의 이웃은 관계없는 단어인데도 코사인이 1에 가깝습니다. 이것은 유사도가 아닙니다. 짧은 학습이 자주
# 나오는 단어의 벡터를 모두 **하나의 공통 방향**으로 밀어 놓았을 뿐입니다. 학습 초기에는 거의 모든 맥락에서
# 기울기가 같은 말("자주 나오는 단어가 타깃일 가능성이 높다")을 하고, Adam은 기울기의 크기와 상관없이 단계마다
# 모든 매개변수를 학습률 정도씩 움직입니다. 그래서 이 공통된 이동이 곧 작은 무작위 초기값을 압도합니다. 그러면
# 자주 나오는 단어의 벡터는 대부분 같은 벡터가 되고, 1에 가까운 코사인은 그 사실만 잴 뿐입니다. 자주 나오는 단어
# 쌍 사이의 평균 코사인과, 각 단어와 그 평균 방향 사이의 평균 코사인이 이를 보여 줍니다.

# %%
frequent = order[:1000]
pair_rng = np.random.default_rng(SEED)
i, j = pair_rng.integers(0, len(frequent), size=(2, 2000))
collapse = {}
for name, W in [("layered", layered.word_vecs), ("fast", result.W_in)]:
    Wn = w2vlib.normalize(W[frequent])
    mean_dir = w2vlib.normalize(Wn.mean(axis=0, keepdims=True))[0]
    collapse[name] = (float(np.mean(np.sum(Wn[i] * Wn[j], axis=1))), float(np.mean(Wn @ mean_dir)))
    print(f"{name:>7}: 자주 나오는 두 단어의 평균 코사인 {collapse[name][0]:.3f}, "
          f"단어와 평균 방향의 평균 코사인 {collapse[name][1]:.3f}")

# %%
assert collapse["layered"][0] > collapse["fast"][0], "짧은 계층 모델 학습 쪽이 더 한 방향으로 쏠려 있어야 합니다"
print("확인 통과: 계층 모델의 벡터는 학습을 마친 벡터보다 훨씬 더 한 방향을 공유합니다")

# %% [markdown]
# 학습을 마친 벡터는 퍼져 있습니다. 이웃은 같은 종류의 단어이고, 코사인 값도 다양합니다.
#
# ### 각 차이가 가져다주는 것: 절제 실험 표
#
# 모든 기법을 켠 고속 경로에서 시작해 한 번에 하나씩 끕니다. word2vec의 CBOW 갱신 대신 정확한 기울기 몫, 감쇠
# 없음, 하위 샘플링 없음, 고정 윈도우입니다. 각 실행은 초당 단어 수와 노트북 06의 유추 문제(analogy problem)
# 정확도(3CosAdd, 맞힌 문제의 비율)로 평가합니다. `EPOCHS`에폭짜리 실행 다섯 번은 이 노트북의 1분에 들어가지 않으므로
# 실행마다 `ABLATION_EPOCHS`에폭(설정값)만 학습합니다. 따라서 표는 최종 정확도가 아니라 경향을 보여 줍니다.
# `ABLATION_EPOCHS = EPOCHS`로 하면 행의 순위가 바뀔 수 있으니, 시간이 있을 때 해 보세요.

# %% tags=["nbval-ignore-output"]
ABLATION = [("fast path (all on)", {}), ("exact gradient share", dict(cbow_update="gradient")),
            ("no damping", dict(damping=0)), ("no subsampling", dict(sample=0)),
            ("fixed window", dict(dynamic_window=False))]
ablation = {}
for name, change in ABLATION:
    if not change and ABLATION_EPOCHS == EPOCHS:
        run = result
    else:
        run = fast.train(corpus, vocab_size, progress=False, **dict(SETTINGS, epochs=ABLATION_EPOCHS, **change))
    score = evaluate_analogies(ANALOGY_FILE, run.W_in, word_to_id).accuracy
    ablation[name] = dict(wps=run.words_per_sec, seconds=run.wall_time, acc=score)
base = ablation["fast path (all on)"]
print(f"실행마다 {ABLATION_EPOCHS}에폭              words/s  시간(초)  유추 정확도")  # 한글은 폭이 두 칸이므로 열에 맞춰 공백을 조정했습니다
for name, row in ablation.items():
    print(f"{name:<22} {row['wps']:>12,.0f} {row['seconds']:>9.1f} {row['acc']:>12.3f}")
print()
for name, row in list(ablation.items())[1:]:
    print(f"{name}: words/s {row['wps'] / base['wps']:.2f}배, 정확도 {row['acc'] - base['acc']:+.3f}")

# %%
def work_per_epoch(change):
    """에폭당 건드리는 행 수: 타깃 수 x (맥락 행 + 출력 행 k + 1개), 설정만으로 계산합니다."""
    targets = len(corpus) if change.get("sample") == 0 else float((counts * keep).sum())
    contexts_per_target = 2 * WINDOW_SIZE if change.get("dynamic_window") is False else WINDOW_SIZE + 1
    return targets * (contexts_per_target + NEGATIVE + 1)

work = {name: work_per_epoch(change) for name, change in ABLATION}
final_acc = evaluate_analogies(ANALOGY_FILE, result.W_in, word_to_id).accuracy
for name, row in ablation.items():
    assert np.isfinite(row["acc"]) and np.isfinite(row["wps"]) and row["wps"] > 0, name
    print(f"{name:<22} {ABLATION_EPOCHS}에폭 뒤 유추 정확도: {row['acc']:.3f}; "
          f"에폭당 작업량은 고속 경로의 {work[name] / work['fast path (all on)']:.2f}배")
print(f"비교: 본 학습의 {EPOCHS}에폭 뒤 정확도 {final_acc:.3f}")
assert work["no subsampling"] > work["fast path (all on)"] and work["fixed window"] > work["fast path (all on)"]
assert ablation["exact gradient share"]["acc"] < base["acc"], (
    "정확한 기울기 몫은 word2vec의 갱신보다 느리게 배워야 합니다. 에폭이 아주 적으면 둘 다 "
    "아직 0 근처일 수 있습니다: ABLATION_EPOCHS를 늘리세요")
print("확인 통과: word2vec의 CBOW 갱신이 정확한 기울기 몫보다 빨리 배웁니다")

# %% [markdown]
# 각 행을 첫 행과 비교해 읽으세요. 정확한 기울기 몫은 맥락 단어의 행마다 word2vec이 주는 갱신의 `1/2w`만 주므로,
# 같은 학습률에서 입력 측 벡터가 훨씬 느리게 배우고, 그 행은 정확도를 잃습니다(위의 확인 셀이 이를 검사합니다).
# 하위 샘플링과 동적 윈도우는 에폭당 작업량을 줄입니다. 확인 셀이 이 작업량을 설정만으로 계산하고(타깃 수 곱하기
# 타깃 하나가 건드리는 행 수, 즉 맥락 행과 출력 행 `k + 1`개), 표 아래의 줄들은 그것을 끄면 이 컴퓨터에서 초당
# 단어 수가, 그리고 이 에폭 수에서 정확도가 어떻게 되었는지 출력합니다. 감쇠는 큰 배치에서의 안정성을 위한
# 것이고, 정확도에 미치는 효과는 에폭 수에 따라 달라집니다. 더 공정한 비교라면 모든 행에 같은 에폭 수가 아니라
# 같은 *시간*을 주어야 합니다. words/s 열로 그것을 어림할 수 있습니다.
#
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
print(f"{W.shape[0]:,} x {W.shape[1]} 벡터를 다시 불러왔습니다: 똑같습니다")


# %% [markdown]
# ## 정리
#
# - PTB는 토큰이 약 백만 개이고 어휘(vocabulary)는 10,000단어입니다. 단어의 빈도는 매우 고르지 않습니다.
# - 네거티브 샘플링(negative sampling)을 쓰는 계층 CBOW는 올바르게 학습하지만 느립니다. 측정한 words/s로 계산하면
#   교재처럼 말뭉치(corpus)를 열 에폭 학습하는 데 노트북 하나보다 훨씬 오래 걸리므로, 정해진 단계 수만 실행했습니다. 그 뒤에도 자주 나오는
#   단어의 벡터는 여전히 한 방향을 공유합니다.
# - 손실은 `(k+1) ln 2`에서 시작하고(시그모이드(sigmoid)가 모두 0.5), 모델이 진짜 타깃(target)과 샘플링한 부정적
#   예를 구별하게 되면서 줄어듭니다.
# - 고속 경로(fast path)의 융합된 커널은 계층과 같은 손실과 기울기(gradient)를 계산합니다(배치 하나에서 확인).
#   *학습*은 옵티마이저, 배치, 초기화, CBOW 갱신 규칙, 감쇠, 하위 샘플링, 윈도우에서 다르고, 각각 설정값이 있으며,
#   절제 실험 표가 그중 넷이 가져다주는 것을 측정합니다.
# - 하위 샘플링(subsampling)은 단어를 `min(1, (sqrt(f/t) + 1) t/f)`의 확률로 남깁니다. 빈도 곡선의 머리 부분은
#   평평해지고 꼬리 부분은 그대로입니다.
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
# **1. 손실은 어디에서 시작할까요?** 몸풀기 문제입니다. 2절에서 말로 설명한 시작 손실을 코드로 옮겨 보세요.
# 학습 전에는 점수가 거의 0입니다. 예상되는 시작 손실을 부정적 예의 수 `k`의 함수로 써 보세요. 자동 채점은 여러
# `k`를 시험하고, 위의 계층 모델 학습의 첫 단계와 비교합니다.

# %%
def start_loss(k):
    ...  # 여러분의 식

q1.check(start_loss, negative=NEGATIVE, measured=losses[0])
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. 쓰인 행만 건드리는 Adam.** `w2vlib.Adam(lazy=True)`는 `V x H`개의 숫자 전부가 아니라, 배치가 쓴 `W_in`과
# `W_out`의 행만 갱신합니다(고속 경로처럼). 아래 셀은 각 옵티마이저로 계층 모델을 몇 단계 학습하고 words/s를
# 측정합니다.

# %% tags=["nbval-ignore-output"]
def layered_speed(optimizer, iters=100):
    r = np.random.default_rng(SEED)
    m = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE, rng=r)
    t = w2vlib.Trainer(m, optimizer)
    t.fit(contexts, target, max_epoch=1, batch_size=BATCH_SIZE, rng=r, max_iters=iters, progress=False)
    return t.words_per_sec

dense_wps, lazy_wps = layered_speed(w2vlib.Adam()), layered_speed(w2vlib.Adam(lazy=True))
print(f"Adam: {dense_wps:,.0f} words/s, lazy Adam: {lazy_wps:,.0f} words/s, 비율 {lazy_wps / dense_wps:.1f}")

# %%
assert lazy_wps > dense_wps, "lazy Adam이 더 빨라야 합니다: 배치가 쓰지 않은 행을 건너뛰기 때문입니다"
print("확인 통과: lazy Adam이 더 빠릅니다")

# %% [markdown]
# 왜 더 빠를까요? 글자 하나로 답해 보세요.
#
# - **a** lazy Adam은 보폭이 커서 단계가 덜 필요합니다.
# - **b** 단계마다 두 행렬의 `V x H`개 숫자 전부가 아니라, 배치가 쓴 몇 안 되는 행만 갱신합니다(그 행의 모멘트
#   추정값만 유지합니다).
# - **c** 부정적 예의 역전파를 건너뜁니다.
# - **d** 가중치를 반정밀도(half precision)로 저장합니다.

# %%
answer_2 = ...  # "a", "b", "c" 또는 "d"
q2.check(answer_2)

# %% [markdown]
# **3. 남을 확률.** word2vec이 각 단어를 남길 확률(단어 ID마다 숫자 하나)을 돌려주는 `keep_prob(counts, sample)`을
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
import warnings

small = corpus[:100_000]
with warnings.catch_warnings():  # 짧은 1에폭은 속도만 잽니다: 벡터가 거의 학습되지 않는 것은 의도한 것입니다
    warnings.filterwarnings("ignore", message="the loss did not fall", category=RuntimeWarning)
    speed = {m: fast.train(small, vocab_size, model=m, epochs=1, seed=SEED, progress=False).words_per_sec
             for m in ("cbow", "skipgram")}
predicted = q4.answer_or_reference(pairs)(WINDOW_SIZE)
print(f"CBOW {speed['cbow']:,.0f} words/s, skip-gram {speed['skipgram']:,.0f} words/s, "
      f"비율 {speed['cbow'] / speed['skipgram']:.1f}; skip-gram은 타깃당 약 {predicted:g}쌍을 학습합니다")

# %%
assert speed["cbow"] > speed["skipgram"], "skip-gram은 단어당 작업이 더 많습니다"
print("확인 통과: skip-gram은 말뭉치 단어당 더 느립니다")

# %% [markdown]
# [다음: 06 유사도와 유추](06_similarity_and_analogies.ipynb)
