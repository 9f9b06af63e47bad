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
# # 04. 네거티브 샘플링: 틀린 단어 전부 대신 몇 개만
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.2.5~4.2.7절
#
# [노트북 03](03_embedding_dot.ipynb)에서는 소프트맥스(softmax)의 "V개 단어 중 어느 것인가?"를 단어 하나에 대한 예/아니요
# 질문으로 바꾸었습니다. 그리고 "예"라는 답만으로는 아무것도 배우지 못한다는 것도 보았습니다. 모델은 타깃(target)이 *아닌*
# 단어도 보아야 합니다. 그런 단어 V − 1개의 점수를 전부 매기면 O(V) 비용이 되돌아오므로, **네거티브 샘플링**(negative
# sampling)은 무작위로 뽑은 k개(교재에서는 k = 5)의 점수만 매깁니다. 이 노트북에서는 실제 PTB 데이터셋(Penn
# Treebank)으로 부정적 예(negative example)를 *어떻게*, 얼마나 빠르게 뽑을지 정하고, 손실을 만든 뒤 그것으로 비용이 얼마나 줄어드는지 측정합니다.
#
# **이 노트북에서 배울 내용**
# - 말뭉치(corpus)의 유니그램 분포(unigram distribution), 그리고 word2vec의 0.75제곱이 그 분포를 어떻게 바꾸는지
#   (드문 단어는 확률이 늘고, 자주 나오는 단어는 줄어듭니다)
# - 타깃이 자기 자신의 부정적 예로 뽑히면 안 되는 이유
# - 교재의 행별 샘플러(행마다 `choice(..., replace=False, p=...)`를 부르는 파이썬 반복문) 대 벡터화된 한 번의 추출 (측정), 그리고
#   두 샘플러가 마땅히 따라야 할 분포에서 뽑는지 확인하는 법
# - `NegativeSamplingLoss`: 행렬 하나를 공유하는 `EmbeddingDot` + `SigmoidWithLoss` 쌍 k + 1개, 그리고 그 기울기(gradient) 확인
# - V가 커질 때 출력층 한 단계의 비용: 소프트맥스 전체 대 네거티브 샘플링 (측정)

# %%
# %matplotlib inline

import matplotlib.pyplot as plt
import numpy as np

import w2vlib
import w2vlib.exercises
from unittest import mock

from w2vlib import (SGD, EmbeddingDot, MatMul, NegativeSamplingLoss, SigmoidWithLoss, SoftmaxWithLoss,
                    UnigramSampler, gradcheck, notes, numerical_gradient, plotting, relative_error)
from w2vlib.data import load_ptb
from w2vlib.gradcheck import GRADCHECK_TOL
from w2vlib.layers import sigmoid
from w2vlib.models import init_weights
from w2vlib.text import format_table, josa   # 값 뒤의 조사를 값의 끝소리에 맞춰 고릅니다

q1, q2, q3, q4 = w2vlib.exercises.load("04", lang="ko")   # 끝에 있는 자동 채점 연습 문제

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time, loglog_slope, one_thread  # 충분히 긴 측정을 몇 번 반복해 가장 빠른 값

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0                               # 이 노트북의 모든 난수에 쓰는 시드
POWER = 0.75                           # 유니그램 분포에 적용하는 지수 (word2vec과 교재: 0.75)
SAMPLE_SIZE = 5                        # k, 타깃당 부정적 예의 수 (교재: 5)
SAMPLER_ROWS = 200                     # 행별 샘플러의 시간 측정에 쓰는 타깃 수 (느리므로 작게 두세요)
VOCAB_SIZES = [1_000, 10_000, 100_000]  # 학습 단계 비교에 쓰는 V (오름차순)
HIDDEN = 100                           # 학습 단계 비교의 은닉층 크기 H
BATCH = 100                            # 미니배치당 타깃 수
K_VALUES = [2, 5, 10, 20]              # 연습 문제 4: 시간을 잴 부정적 예의 수 k (오름차순)
REPEAT = 5                             # 시간 측정: 이 횟수만큼 반복해 가장 빠른 값

# %% [markdown]
# ## 1. PTB의 유니그램 분포와 그 0.75제곱
#
# 모델에게 어떤 틀린 단어를 보여 줘야 할까요? 균등하게 뽑으면 모델이 거의 만나지 않을 드문 단어가 대부분 뽑힙니다.
# 말뭉치의 빈도대로 뽑으면(**유니그램 분포**) 모델이 보는 것과 맞지만, 이번에는 "the", `<unk>`, `<eos>` 같은
# 가장 흔한 단어들이 지나치게 큰 비율을 차지합니다(가장 자주 나오는 100단어의 비율은 아래에 출력합니다). word2vec은 그 중간을 택합니다. 확률을 `count ** 0.75`에 비례하게 합니다(word2vec.c의
# `InitUnigramTable`에서는 `power = 0.75`이고, 교재의 `UnigramSampler`는 지수를 인자로 받으며 교재의 `CBOW`가 0.75를 넘깁니다).
#
# PTB의 학습용 데이터(교재의 `ptb.load_data`처럼 `w2vlib.data.load_ptb`로 읽습니다)는 어휘 수(vocabulary size) V = 10,000입니다.

# %%
corpus, word_to_id, id_to_word = load_ptb("train")
V = len(word_to_id)
counts = np.bincount(corpus, minlength=V)
p = counts / counts.sum()                        # 유니그램 분포
p_pow = counts.astype(np.float64) ** POWER
p_pow /= p_pow.sum()                             # POWER제곱한 뒤 다시 정규화

sampler = UnigramSampler(corpus, POWER, SAMPLE_SIZE, rng=SEED)
print(f"말뭉치: {len(corpus):,}단어, 어휘 수 V = {V:,}")
print(f"w2vlib.UnigramSampler.word_p가 counts**{POWER} / sum과 같은가: {np.allclose(sampler.word_p, p_pow)}")
assert np.allclose(sampler.word_p, p_pow)

# %% [markdown]
# 교재의 세 단어 예로 그 효과를 봅니다. 0.75제곱하면 확률 0.01은 0.0265로 커지고, 0.7은 0.642로 작아집니다(assert가
# 둘 다 확인합니다). 아래 셀은 여러분의 `POWER`도 적용해 봅니다.

# %%
book = np.array([0.7, 0.29, 0.01])
book_075 = book ** 0.75 / np.sum(book ** 0.75)
book_pow = book ** POWER / np.sum(book ** POWER)
print(f"0.75제곱:        {book} -> {book_075}")
print(f"POWER = {POWER:<6g}: {book} -> {book_pow}")
assert abs(book_075[2] - 0.0265) < 5e-5 and abs(book_075[0] - 0.642) < 5e-4

# %% [markdown]
# PTB에서 가장 자주 나오는 단어부터 순위 5,000까지 보면 다음과 같습니다(순위 1 = 가장 자주 나오는 단어. 가장 드문
# 단어와의 비는 연습 문제 1에서 구합니다).

# %%
order = np.argsort(-counts, kind="stable")       # 빈도가 높은 단어부터 낮은 단어 순의 단어 ID
print(f"{'순위':>4s} {'단어':>8s} {'횟수':>5s} {'p':>10s} {'p^' + str(POWER):>10s} {'배율':>5s}")
for rank in [1, 2, 3, 10, 100, 1_000, 5_000]:
    w = order[rank - 1]
    print(f"{rank:>6,d} {id_to_word[int(w)]:>10s} {counts[w]:>7,d} {p[w]:>10.2e} {p_pow[w]:>10.2e} {p_pow[w] / p[w]:>5.2f}배")
gain = int(np.sum(p_pow > p))
top = order[:100]
print(f"확률이 늘어나는 단어 {gain:,}개, 줄어드는 단어 {V - gain:,}개")
print(f"가장 자주 나오는 100단어가 뽑히는 비율: p에서 {p[top].sum():.1%}, p^{POWER}에서 {p_pow[top].sum():.1%}")

# %%
ranks = np.arange(1, V + 1)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10.0, 4.0))
ax1.plot(ranks, p[order], label="유니그램 p")
ax1.plot(ranks, p_pow[order], label=f"p^{POWER} (정규화)")
ax1.set_xscale("log")
ax1.set_yscale("log")
ax1.set_xlabel("단어의 빈도 순위")
ax1.set_ylabel("뽑힐 확률")
ax1.set_title("PTB: 두 분포")
ax1.legend(fontsize=9)
ax2.plot(ranks, p_pow[order] / p[order], color="C2")
ax2.axhline(1.0, color="k", lw=1, ls=":")
ax2.set_xscale("log")
ax2.set_yscale("log")
ax2.set_yticks([0.25, 0.5, 1, 2, 4], labels=["0.25", "0.5", "1", "2", "4"])
ax2.minorticks_off()
ax2.set_xlabel("단어의 빈도 순위")
ax2.set_ylabel(f"p^{POWER} / p (이득 배율)")
ax2.set_title("드문 단어는 이득, 잦은 단어는 손해")
plt.show()

# %%
rarest = order[counts[order] > 0][-1]
print(f"POWER = {POWER:g}일 때, 가장 자주 나오는 단어 {josa(repr(id_to_word[int(order[0])]), '은/는')} 비율이 원래의 "
      f"{p_pow[order[0]] / p[order[0]]:.0%}로 줄고, 가장 드문 단어들(등장 횟수 {counts[rarest]:,})은 뽑힐 확률이 "
      f"{p_pow[rarest] / p[rarest]:.1f}배가 됩니다. {V - gain:,}개 단어는 줄고, {gain:,}개 단어는 늘어납니다.")

# %% [markdown]
# 1보다 작은 지수는 로그-로그 그래프의 선을 더 평평하게 만듭니다. 가장 자주 나오는 단어들은 비율이 줄고 드문 단어들은
# 비율이 늘며, 비율이 줄어드는 것은 순위 맨 위쪽의 단어들뿐입니다(개수는 위에 출력했습니다).
#
# 가장 자주 나오는 단어의 비율이 줄고 가장 드문 단어의 비율이 느는 것은 PTB에 대한 발견이 아니므로, 이것을 확인하는 셀은
# 없습니다. 지수가 0과 1 사이이면 (모든 횟수가 같지 않은 한) 반드시 그렇게 됩니다. 이득 배율 `p^POWER / p`는
# `count^(POWER − 1)`에 비례하므로 횟수가 클수록 작아지고, `p`로 가중 평균하면 정확히 1입니다.
# Σ p · (p^POWER / p) = Σ p^POWER = 1이기 때문입니다. 평균이 1이면서 횟수가 클수록 작아지는 배율은 가장 드문
# 단어들에서 1보다 크고 가장 자주 나오는 단어들에서 1보다 작습니다. *몇 개의* 단어가 얼마나 얻는지는 PTB가 정합니다.
#
# ## 2. 타깃을 자기 자신의 부정적 예로 뽑지 않기
#
# 학습 예 하나의 손실은 긍정적 예(positive example)에 대한 질문("타깃이 타깃인가? 예") 하나와 부정적 예에 대한 질문("뽑힌 이 단어가
# 타깃인가? 아니요") k개를 더한 것입니다. 샘플러가 타깃 자신을 부정적 예로 뽑으면, 같은 점수 `s = W_out[t] · h`에 대해
# 두 질문을 모두 하게 됩니다. `s`에 대한 두 기울기는 `σ(s) − 1`과 `σ(s) − 0`이고, 그 합 `2σ(s) − 1`은
# σ(s) = 0.5에서 0이 됩니다. 그러면 그 학습 예는 "예" 대신 "잘 모르겠다"를 가르치게 됩니다. 이것을 막지 않으면 PTB에서
# 얼마나 자주 일어날까요?

# %%
clash = 1 - (1 - p_pow[corpus]) ** SAMPLE_SIZE     # 위치마다: k번 뽑은 것 중 적어도 하나가 타깃일 확률
print(f"부정적 예 k = {SAMPLE_SIZE}개에 자기 타깃이 섞이는 학습 예: 평균 {clash.mean():.2%}, "
      f"약 {1 / clash.mean():.0f}개 중 하나")
clash_the = 1 - (1 - p_pow[word_to_id["the"]]) ** SAMPLE_SIZE    # 타깃이 "the"일 때의 같은 확률
print(f"타깃이 'the'일 때: {clash_the:.2%}, "
      f"평균의 {clash_the / clash.mean():.1f}배")

rng = np.random.default_rng(SEED)
targets = corpus[rng.integers(0, len(corpus), size=20_000)]
raw = sampler.sample(targets.shape + (SAMPLE_SIZE,))         # 제외 없이 그냥 뽑은 것
neg = sampler.get_negative_sample(targets)                   # 패키지가 뽑은 것
hit = np.mean(np.any(raw == targets[:, None], axis=1))
se_hit = np.sqrt(clash.mean() * (1 - clash.mean()) / len(targets))   # 그 비율의 이항 표준 오차
print(f"그냥 뽑으면 {len(targets):,}행 중 {hit:.2%}에서 자기 타깃이 뽑힙니다(예측 {clash.mean():.2%} "
      f"± {se_hit:.2%}). get_negative_sample은 {int(np.sum(neg == targets[:, None]))}번 뽑습니다.")
assert abs(hit - clash.mean()) < 4 * se_hit, "그냥 뽑은 것은 예측만큼 자주 타깃을 뽑아야 합니다"
assert not np.any(neg == targets[:, None])


# %% [markdown]
# 자주 나오는 타깃은 평균보다 훨씬 자주 걸립니다(위의 "the" 줄). `UnigramSampler`는 자기 행의 타깃과 같은 부정적 예를 다시 뽑으므로,
# 이런 일은 절대 일어나지 않습니다. (word2vec.c는 다르게 처리합니다. `TrainModelThread`에서 타깃과 같은 부정적 예는
# 건너뛰므로(`if (target == word) continue;`), 그 학습 예는 그렇게 뽑힌 횟수만큼 부정적 예가 모자란 채로 학습합니다.
# "the"에서는 몇 개인지 연습 문제 2에서 세어 봅니다.)
#
# ## 3. 교재의 행별 샘플러 대 벡터화된 한 번의 추출
#
# 교재의 CPU용 샘플러(`ch04/negative_sampling_layer.py`)는 미니배치(mini-batch)의 행을 하나씩 따로 처리합니다. 분포를 복사하고,
# 타깃의 확률을 0으로 만들고, 다시 정규화한 뒤, `np.random.choice(V, size=k, replace=False, p=p)`를 호출합니다. 아래
# 함수는 교재 코드를 그대로 옮긴 것입니다. 다만 실행을 재현할 수 있도록 전역 `np.random` 대신 인자로 받은 `Generator`를
# 씁니다. 행 하나마다 O(V)의 numpy 작업(확률 V개의 복사와 정규화, 그리고 `choice`가 V개 단어에 대해 만드는 누적 표)과,
# 반복 한 번과 여러 번의 numpy 호출에 드는 파이썬 오버헤드가 듭니다. (같은 함수의 GPU용 분기는 속도를 택합니다.
# 미니배치 전체에 `np.random.choice(..., replace=True, p=self.word_p)`를 한 번 부르고, 그 주석은 한국어판 코드에서
# "부정적 예에 타깃이 포함될 수 있다."라고 적습니다. 2절이 경고하는 바로 그 경우입니다.)
#
# `UnigramSampler.get_negative_sample`은 모든 행을 한 번에 뽑습니다. 균등 난수 배열 하나를 `np.searchsorted`로 누적
# 분포에 대응시킨 뒤, 타깃과 같은 몇 안 되는 원소만 다시 뽑습니다. 한 가지 차이가 있습니다. 교재는 *한 행 안에서*
# 비복원 추출을 하지만(한 행의 부정적 예 k개에 같은 단어가 두 번 나오지 않음), 패키지는 word2vec.c처럼 복원 추출을
# 합니다(매번 독립적으로 뽑습니다).

# %%
def book_negative_sample(target, word_p, sample_size, rng):
    """교재의 행별 샘플러. 전역 np.random 대신 인자로 받은 Generator를 씁니다."""
    batch_size = target.shape[0]
    negative_sample = np.zeros((batch_size, sample_size), dtype=np.int32)
    for i in range(batch_size):
        p = word_p.copy()
        target_idx = target[i]
        p[target_idx] = 0
        p /= p.sum()
        negative_sample[i, :] = rng.choice(len(word_p), size=sample_size, replace=False, p=p)
    return negative_sample


# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
rows = corpus[rng.integers(0, len(corpus), size=SAMPLER_ROWS)]
with one_thread():                    # BLAS 스레드 하나에서, 이 프로세스의 CPU 시간으로 (5절처럼)
    t_book = best_time(lambda: book_negative_sample(rows, sampler.word_p, SAMPLE_SIZE, rng), REPEAT, cpu=True)
    t_vec = best_time(lambda: sampler.get_negative_sample(rows), REPEAT, cpu=True)
print(f"{SAMPLER_ROWS}행, V = {V:,}, k = {SAMPLE_SIZE}에서 행별 반복문 {t_book * 1e3:.1f}밀리초, "
      f"벡터화 {t_vec * 1e3:.3f}밀리초로, 벡터화가 {t_book / t_vec:.0f}배 빠릅니다.")

# %%
assert t_book > 10 * t_vec, "벡터화된 한 번의 추출이 행별 반복문보다 10배 이상 빨라야 합니다"
print("확인 통과: 벡터화된 샘플러가 10배 넘게 빠릅니다")

# %% [markdown]
# 속도 향상은 두 방식이 마땅히 따라야 할 분포에서 뽑을 때만 의미가 있습니다. 두 가지를 확인합니다. 어느 쪽도 행의
# 타깃을 돌려주지 않는지, 그리고 두 방식 모두 가장 자주 나오는 100단어에 예측한 비율을 배정하는지입니다. 예측에는 제외가
# 들어가야 합니다. 그 100단어의 `p^POWER` 확률을 모두 더한 값을 `P_top`이라고 합시다. 모든 행은 타깃 t를 뺀
# `p^POWER`에서 뽑으므로, 비율은 `(P_top − q_t·[t ∈ top]) / (1 − q_t)`입니다.
# 여기서 `q_t = p_pow[t]`는 t 자신의 `p^POWER` 확률이고, `[t ∈ top]`은 t가 그 100단어 중 하나이면 1, 아니면 0입니다.
# 그래서 t가 그 100단어 중 하나이면 `P_top`보다 작고, 아니면 `P_top`보다 아주 조금 큽니다. 말뭉치에서 뽑은
# 타깃에 대해 (원래 빈도 `p_t`를 가중치로) 평균하면 `P_top`보다 조금 작습니다.
#
# 이 식은 벡터화된 샘플러의 예측입니다. 교재의 반복문이 겨냥하는 비율은 조금 다릅니다. 한 행 안에서 비복원 추출을
# 하므로 이미 뽑힌 단어는 다시 나올 수 없고, 그래서 자주 나오는 단어들의 비율이 조금 낮아집니다(먼저 뽑히는 것은 대개
# 자주 나오는 단어이기 때문입니다). 이 비율은 간단한 식으로 쓸 수 없으므로, 아래의 `no_repeat_sample`로 교재의 방식을
# 시뮬레이션합니다. 열을 하나씩 차례로 뽑되, 자기 행의 타깃이나 같은 행에서 앞서 뽑힌 단어와 같은 원소는 다를 때까지 다시
# 뽑습니다. 이렇게 다를 때까지 다시 뽑으면, 남은 단어들로 다시 정규화한 분포에서 뽑을 때와 분포가 같습니다. 교재의
# `p[target_idx] = 0`과 `choice(..., replace=False, p=p)`가 하는 일이 바로 그것입니다. (numpy의 `Generator.choice`도 그렇게
# 동작합니다. 복원 추출로 뽑아 아직 나오지 않은 단어만 남기고, 모자란 만큼 다시 뽑습니다.) 교재의 반복문은 느리기 때문에
# `SAMPLER_ROWS`개 행에서만 실행하므로 그 추정값은 거칩니다. 셀은 추정값과 그 표준 오차(standard error), 그리고 예측들을 출력합니다.

# %%
def no_repeat_sample(targets, sampler):
    """교재의 방식(행의 타깃은 뽑지 않고, 한 행에 같은 단어를 두 번 뽑지 않음)으로 모든 행을 한 번에 뽑습니다."""
    neg = sampler.sample((len(targets), sampler.sample_size))             # 먼저 복원 추출로 뽑습니다
    for j in range(sampler.sample_size):
        taken = np.column_stack([targets, neg[:, :j]])                    # 행마다 타깃과 앞서 뽑힌 단어들
        again = np.any(neg[:, [j]] == taken, axis=1)
        while again.any():                                                # 그런 원소는 다를 때까지 다시 뽑습니다
            neg[again, j] = sampler.sample(int(again.sum()))
            again[again] = np.any(neg[again, j][:, None] == taken[again], axis=1)
    return neg


# %%
rng = np.random.default_rng(SEED)
rows = corpus[rng.integers(0, len(corpus), size=SAMPLER_ROWS)]
book_neg = book_negative_sample(rows, sampler.word_p, SAMPLE_SIZE, rng)
many = corpus[rng.integers(0, len(corpus), size=100_000)]
fresh = UnigramSampler(corpus, POWER, SAMPLE_SIZE, rng=SEED)   # 새 샘플러: 위의 시간 측정이 몇 번 뽑았든 같은 결과
vec_neg = fresh.get_negative_sample(many)
sim_neg = no_repeat_sample(many, fresh)                         # 교재의 방식, 같은 타깃 100,000개에서
is_top = np.zeros(V, dtype=bool)
is_top[order[:100]] = True
share_book, share_vec, share_sim = is_top[book_neg].mean(), is_top[vec_neg].mean(), is_top[sim_neg].mean()
p_top = p_pow[is_top].sum()                                           # 제외하지 않을 때
share_theory = np.sum(p * (p_top - p_pow * is_top) / (1 - p_pow))    # 타깃은 p로 뽑히고, 각각 제외됩니다
se_vec = np.sqrt(share_theory * (1 - share_theory) / vec_neg.size)    # 이항 표준 오차
se_sim = np.sqrt(share_sim * (1 - share_sim) / sim_neg.size)
se_book = np.sqrt(share_sim * (1 - share_sim) / book_neg.size)
se_book_sim = np.hypot(se_book, se_sim)                               # 교재의 반복문 대 시뮬레이션: 둘 다 잡음이 있습니다
print(f"부정적 예 중 가장 자주 나오는 100단어의 비율: 교재의 반복문 {share_book:.2%} (± {se_book:.2%}), "
      f"벡터화 {share_vec:.2%} (± {se_vec:.2%})")
print(f"행마다 타깃을 제외한 예측은 {share_theory:.2%}, 제외하지 않으면 p^{POWER}의 예측은 {p_top:.2%}입니다. "
      f"교재의 방식(한 행에 같은 단어를 두 번 뽑지 않음)을 행 {len(many):,}개로 시뮬레이션한 예측은 "
      f"{share_sim:.2%} (± {se_sim:.2%})입니다.")
print(f"z(자기 예측에서 표준 오차 몇 배 떨어졌는지): 교재의 반복문 {(share_book - share_sim) / se_book_sim:+.1f} "
      f"(시뮬레이션 대비), 벡터화 {(share_vec - share_theory) / se_vec:+.1f} (식 대비)")
shift = abs(p_top - share_theory)                                     # 제외가 바꾸는 양
no_repeat = share_sim - share_theory                                  # 비복원 추출이 바꾸는 양
print(f"제외 때문에 예측이 옮겨 가는 양은 벡터화된 비율의 표준 오차({vec_neg.size:,}번 추출)의 {shift / se_vec:.1f}배, "
      f"교재 반복문의 표준 오차({book_neg.size:,}번 추출)의 {shift / se_book:.1f}배입니다. 벡터화된 비율은 제외하지 않은 "
      f"예측보다 표준 오차의 {abs(share_vec - p_top) / se_vec:.1f}배만큼 {'위' if share_vec > p_top else '아래'}에 있습니다.")
print(f"한 행에 같은 단어를 두 번 뽑지 않으면 비율이 {no_repeat * 100:+.2f}퍼센트포인트(± {se_sim * 100:.2f}, "
      f"시뮬레이션) 달라집니다. 교재 반복문의 표준 오차의 {abs(no_repeat) / se_book:.1f}배입니다.")
print(f"타깃이 자기 부정적 예로 뽑힌 횟수: 교재의 반복문 {int(np.sum(book_neg == rows[:, None]))}, "
      f"벡터화 {int(np.sum(vec_neg == many[:, None]))}, 시뮬레이션 {int(np.sum(sim_neg == many[:, None]))}")
assert not np.any(book_neg == rows[:, None]) and not np.any(vec_neg == many[:, None])
assert not np.any(sim_neg == many[:, None]) and np.all(np.diff(np.sort(sim_neg, axis=1), axis=1) > 0)
assert np.all(np.diff(np.sort(book_neg, axis=1), axis=1) > 0)        # 교재의 행에도 같은 단어가 두 번 나오지 않습니다
assert abs(share_vec - share_theory) < 4 * se_vec, "벡터화된 샘플러는 예측과 맞아야 합니다"
assert abs(share_book - share_sim) < 4 * se_book_sim, "교재의 반복문은 자기 방식의 시뮬레이션과 맞아야 합니다"
if shift > 5 * se_vec:                # 제외가 보일 만큼 많이 뽑았으면, 제외하지 않은 예측은 빗나가야 합니다
    assert abs(share_vec - p_top) > 2 * se_vec, "이만큼 뽑았으면 제외하지 않은 예측은 빗나가야 합니다"


# %% [markdown]
# 행 100,000개에서 k개씩 뽑으면 제외의 효과가 보입니다. 제외 때문에 예측이 옮겨 가는 양이 벡터화된 비율의 표준
# 오차의 몇 배나 되므로(위에 출력했습니다), 벡터화된 샘플러는 제외를 넣은 예측과는 맞고 제외하지 않은 예측과는
# 어긋납니다(옮겨 가는 양이 표준 오차의 5배 이상이면 확인합니다). 시뮬레이션의 행 100,000개로는 교재가 한 행에 같은
# 단어를 두 번 뽑지 않아서 달라지는 양도 잽니다(표준 오차와 함께 출력했습니다). 교재의 반복문이 뽑는 `SAMPLER_ROWS` × k개는
# 표준 오차가 훨씬 큽니다. 기본값인 200행에서는 두 변화가 모두 그 표준 오차의 일부에 불과하므로(출력했습니다), 세 예측을
# 가려낼 수 없습니다. 교재의 반복문은 자기 방식의 시뮬레이션과 비교하므로, 행을 아무리 많이 주어도 이 확인은 그대로
# 성립합니다.


# %% [markdown]
# ## 4. NegativeSamplingLoss: EmbeddingDot 계층 k + 1개
#
# 교재는 노트북 03의 조각들로 손실을 만듭니다. 긍정적 예(레이블 1)에 `EmbeddingDot` + `SigmoidWithLoss` 쌍 하나,
# k개의 부정적 예(레이블 0)에 하나씩, 모두 같은 출력 측 가중치 행렬 `W_out`을 읽습니다. 손실은 k + 1개 손실(각각
# 미니배치에 대한 평균)의 합입니다.
#
# %%
plotting.draw_negative_sampling_graph(k=SAMPLE_SIZE, lang="ko")
plt.show()

# %% [markdown]
# 먼저 학습 노트의 생성자입니다(노트에 적힌 그대로 `__init__`만 있고, `w2vlib.notes`가 보관합니다). 적힌 그대로는
# 이 셀이 실행되지 않습니다. 첫 `EmbeddingDot(W)`에서 멈춥니다. 학습 노트의 `EmbeddingDot`에는 생성자가
# 없기 때문입니다(노트북 03의 첫 번째 버그). 그 버그를 고치면(여기서는 패키지의 `EmbeddingDot`으로 바꿔 끼워서)
# `self.params,self.grad=[],[]`를 지나 반복문에 들어간 뒤 `self.grads+=layers.grads`에서 다시 멈춥니다.

# %%
print(notes.source("NegativeSamplingLoss"))
small_corpus = np.array([0, 1, 2, 3, 4, 1, 5, 6])          # 예문의 ID
W_toy = np.zeros((7, 3), dtype=np.float32)
try:
    notes.NegativeSamplingLoss(W_toy, small_corpus)
except TypeError as e:
    print(f"적힌 그대로:            {type(e).__name__}: {e}")
with mock.patch.object(notes, "EmbeddingDot", EmbeddingDot):
    try:
        notes.NegativeSamplingLoss(W_toy, small_corpus)
    except AttributeError as e:
        print(f"노트북 03의 수정 후:    {type(e).__name__}: {e}")

# %% [markdown]
# 만든 것은 `self.grad`인데 쓴 것은 `self.grads`입니다. 이 오타를 고치면, 교재의 버전은 *같은* 행렬 `W`를 계층마다
# 한 번씩 `params`에 k + 1번 넣고, 갱신 전에 `Trainer` 클래스가 중복을 합쳐 주기를 기대합니다.
# `w2vlib.NegativeSamplingLoss`는 `W`를 한 번만 넣고, k + 1개 계층의 기울기를 합한 값을 씁니다.
#
# 이제 패키지의 계층을 작은 어휘에서 확인합니다. 그래야 기울기 확인이 빨리 끝납니다. PTB 단어 중 ID가 가장 작은
# `V_CHECK`개를 (실제 빈도를 유지한 채) 쓰고, 부정적 예를 직접 넣어 주어 k + 1개 쌍으로 손실을 손으로 다시 계산할 수
# 있게 합니다. 노트북 02, 03처럼 확인은 float64로 합니다(float64 가중치는 float64 계층을 만듭니다). 허용 오차는 엄격한
# `GRADCHECK_TOL`입니다.

# %%
V_CHECK, H_CHECK, N_CHECK = 50, 4, 3
rng = np.random.default_rng(SEED)
small = corpus[corpus < V_CHECK]
_, W_small = init_weights(V_CHECK, H_CHECK, rng, scale=0.5, dtype=np.float64)
h_small = rng.standard_normal((N_CHECK, H_CHECK))
target_small = small[:N_CHECK]

ns = NegativeSamplingLoss(W_small, small, POWER, SAMPLE_SIZE, rng=SEED)
negatives = ns.sampler.get_negative_sample(target_small)
loss = ns.forward(h_small, target_small, negatives)

by_hand = SigmoidWithLoss().forward(EmbeddingDot(W_small).forward(h_small, target_small), np.ones(N_CHECK))
for i in range(SAMPLE_SIZE):
    by_hand += SigmoidWithLoss().forward(EmbeddingDot(W_small).forward(h_small, negatives[:, i]), np.zeros(N_CHECK))

print(f"EmbeddingDot 계층 {len(ns.embed_dot_layers)}개 (k + 1 = {SAMPLE_SIZE + 1}), "
      f"모두 W_out을 공유하는가: {all(layer.params[0] is W_small for layer in ns.embed_dot_layers)}")
print(f"params에 W_out이 나오는 횟수: {len(ns.params)}")
print(f"손실 {loss:.4f}, k + 1개 쌍으로 다시 계산한 값 {by_hand:.4f}")
assert abs(loss - by_hand) < 1e-12

# %%
f = lambda: ns.forward(h_small, target_small, negatives)
f()
dh = ns.backward()
err_W = gradcheck(f, ns.params, ns.grads)
err_h = relative_error(dh, numerical_gradient(f, h_small))
fmt_err = lambda err: f"{err:.1e}" if err >= 1e-8 else "< 1e-8"   # 1e-8 미만의 자릿수는 반올림 잡음입니다
print(f"NegativeSamplingLoss의 기울기 확인: dW_out 상대 오차 {fmt_err(err_W)}, dh 상대 오차 {fmt_err(err_h)}")
assert err_W < GRADCHECK_TOL and err_h < GRADCHECK_TOL


# %% [markdown]
# ## 5. 출력층 한 단계: V가 커질 때 소프트맥스 전체 대 네거티브 샘플링
#
# 이제 성과를 확인할 차례입니다. V마다 미니배치 하나의 **출력 측**(네거티브 샘플링이 대체하는 부분), 곧 은닉 벡터 `h`에서
# 손실까지 갔다가 돌아오는 순전파(forward pass) + 역전파(backward pass)의 시간을 잽니다.
#
# - **소프트맥스 전체**: `h @ W_outᵀ`, V개 단어 전체에 대한 소프트맥스 + 교차 엔트로피 오차(cross-entropy error), 그리고 역전파(V × H
#   기울기 전체)
# - **네거티브 샘플링**: k = `SAMPLE_SIZE`인 w2vlib의 `NegativeSamplingLoss`, 부정적 예를 뽑는 시간 포함.
#
# 표의 두 열(그래프에서는 두 선)은 이 단계 앞뒤의 일을 더 잽니다. 둘 다 네거티브 샘플링 뒤에도 남는 O(V) 비용이므로
# 눈여겨보세요.
#
# - **밀집 SGD 갱신**(dense SGD update): `W_out`의 밀집 V × H 기울기에 대한 `SGD.update`입니다. 교재와 w2vlib의 계층 방식이 둘 다 치르는
#   비용입니다.
# - **교재 계층의 지우기 + 합치기**: 교재의 계층만 더 하는 일입니다. 교재의 `NegativeSamplingLoss`는 `EmbeddingDot`
#   k + 1개로 이루어지고, 각각의 `Embedding.backward`는 먼저 V × H 기울기 전체를 지웁니다(`dW[...] = 0`). 그다음 교재의
#   `Trainer` 클래스가 `remove_duplicate`에서 이 k + 1개의 밀집 복사본을 더합니다. w2vlib의 단계는 둘 다 하지 않으므로,
#   이 열은 교재의 계층이 그 위에 더하는 O(V) 작업입니다. (교재의 단계는 샘플러와 `remove_duplicate`의 탐색도
#   다르지만, 그것은 여기서 재지 않습니다.)
#
# 패키지의 `Embedding`이 전체 지우기를 건너뛸 수 있는 것은 자기가 쓴 행만 지우기 때문입니다. 이것은 패키지의
# `Trainer`가 `grads`에 아무것도 더하지 않을 때만 안전합니다. 교재처럼 그 자리에서 합치면 낡은 행이 남는다는 것을
# 노트북 02가 보여 줍니다. 여기서 샘플러의 말뭉치는 지프 분포 비슷한 빈도로 만든 가짜 말뭉치입니다. 샘플링 비용은
# 어떤 단어가 자주 나오는지와 상관이 없습니다.

# %%
def time_output_step(V, rng):
    """출력 측의 순전파 + 역전파 한 번(소프트맥스 전체 대 네거티브 샘플링), 밀집 SGD 갱신, 그리고 교재 계층의
    지우기 + 합치기에 각각 걸리는 시간(초)."""
    _, W_out = init_weights(V, HIDDEN, rng)
    h = rng.standard_normal((BATCH, HIDDEN)).astype(np.float32)
    zipf_p = 1.0 / np.arange(1, V + 1)
    fake_corpus = rng.choice(V, size=10 * V, p=zipf_p / zipf_p.sum())
    target = fake_corpus[:BATCH]

    out_layer, softmax_loss = MatMul(np.ascontiguousarray(W_out.T)), SoftmaxWithLoss()
    def softmax_step():
        softmax_loss.forward(out_layer.forward(h), target)
        return out_layer.backward(softmax_loss.backward())

    ns = NegativeSamplingLoss(W_out, fake_corpus, POWER, SAMPLE_SIZE, rng=rng)
    def ns_step():
        ns.forward(h, target)
        return ns.backward()

    dense = [np.zeros_like(W_out) for _ in range(SAMPLE_SIZE + 1)]
    def book_clear_merge():                     # 교재의 계층: EmbeddingDot마다 Embedding.backward가
        for g in dense:                         # V × H 전체를 지우고(dW[...] = 0), remove_duplicate가 복사본들을 더합니다
            g[...] = 0
        for g in dense[1:]:
            dense[0] += g

    ns_step()                                   # 첫 역전파는 기울기 전체를 한 번 지웁니다
    sgd = SGD(lr=0.0)                           # lr = 0: W_out을 바꾸지 않고 갱신 시간만 잽니다
    with one_thread():                          # 모두 BLAS 스레드 하나로 (노트북 01처럼)
        return {"V": V,
                "softmax": best_time(softmax_step, REPEAT, cpu=True),
                "negative sampling": best_time(ns_step, REPEAT, cpu=True),
                "dense SGD update": best_time(lambda: sgd.update(ns.params, ns.grads), REPEAT, cpu=True),
                "book clear + merge": best_time(book_clear_merge, REPEAT, cpu=True)}


# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
steps = [time_output_step(V_, rng) for V_ in VOCAB_SIZES]
print(format_table(["V", "소프트맥스 전체", "네거티브 샘플링", "소프트맥스 / 네거티브 샘플링", "밀집 SGD 갱신", "교재 계층의 지우기 + 합치기"],
                   [[f"{s['V']:,}", f"{s['softmax'] * 1e3:.2f}밀리초", f"{s['negative sampling'] * 1e3:.2f}밀리초",
                     f"{s['softmax'] / s['negative sampling']:.1f}배", f"{s['dense SGD update'] * 1e3:.2f}밀리초",
                     f"{s['book clear + merge'] * 1e3:.2f}밀리초"] for s in steps], align=">>>>>>"))

# %%
for s in steps:
    if s["V"] >= 10_000:
        assert s["negative sampling"] < s["softmax"], f"V = {s['V']:,}에서는 네거티브 샘플링이 이겨야 합니다"
    if s["V"] >= 100_000:
        assert s["softmax"] > 10 * s["negative sampling"], f"V = {s['V']:,}에서는 네거티브 샘플링이 10배 이상 빨라야 합니다"
Vs = np.array([s["V"] for s in steps])
if Vs.max() >= 10 * Vs.min():
    slope = {name: loglog_slope(Vs, [s[name] for s in steps])
             for name in ["softmax", "negative sampling", "dense SGD update", "book clear + merge"]}
    assert slope["softmax"] > 0.5, "소프트맥스 단계의 비용은 V와 함께 커져야 합니다 (로그-로그 기울기 1 근처)"
    assert slope["negative sampling"] < slope["softmax"] - 0.3, \
        "네거티브 샘플링 단계의 비용은 V에 따라 거의 커지지 않아야 합니다 (로그-로그 기울기 0 근처. 컴퓨터가 바빴다면 다시 실행해 보세요)"
    assert slope["dense SGD update"] > 0.5, "밀집 갱신의 비용은 V와 함께 커져야 합니다"
    assert slope["book clear + merge"] > 0.5, "교재 계층의 지우기 + 합치기 비용은 V와 함께 커져야 합니다"
    print("확인 통과: 소프트맥스 단계, 밀집 갱신, 교재 계층의 지우기 + 합치기는 V와 함께 커지고, "
          "w2vlib의 네거티브 샘플링 단계는 거의 커지지 않습니다")
else:
    print("주어진 크기에서 확인 통과. 비용이 커지는 모습을 보려면 VOCAB_SIZES의 범위를 10배 이상으로 잡아 보세요.")

# %% tags=["nbval-ignore-output"]
Vs = [s["V"] for s in steps]
fig, ax = plt.subplots(figsize=(6.4, 4.0))
labels = {"softmax": "소프트맥스 전체", "negative sampling": "네거티브 샘플링 (w2vlib)", "dense SGD update": "밀집 SGD 갱신",
          "book clear + merge": "교재 계층의 지우기 + 합치기"}
for name, marker in zip(["softmax", "negative sampling", "dense SGD update", "book clear + merge"], "os^D"):
    ax.plot(Vs, [s[name] * 1e3 for s in steps], marker + "-", label=labels[name])
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("어휘 수 V (단어)")
ax.set_ylabel(f"미니배치({BATCH}개)당 시간 (밀리초)")
ax.set_title(f"출력층의 순전파 + 역전파 (H = {HIDDEN}, k = {SAMPLE_SIZE})")
ax.legend(fontsize=9)
plt.show()


# %% [markdown]
# 숫자가 말해 주는 것:
#
# - **소프트맥스 전체**(full softmax) 단계는 V에 비례해 커집니다. 매 단계가 V개 점수 전부를 계산하고 미분합니다.
# - **w2vlib의 네거티브 샘플링**(negative sampling) 단계는 거의 평평합니다(실행마다 보이는 작은 흔들림은 시간 측정
#   잡음입니다. 셀을 다시 실행해 값이 움직이는 것을 확인해 보세요). 평평한 이유는 두 가지입니다. 네거티브 샘플링은 V개 전부가
#   아니라 `W_out`의 몇 행에 대해서만 점수를 계산하고, *또* w2vlib의 `Embedding`은 자기가 쓴 행만 지웁니다. 이것은 패키지의 `Trainer`가 `grads`에 아무것도
#   더하지 않기 때문에 가능합니다(계층과 `Trainer`가 함께 만드는 성질, 노트북 02). 가장 작은
#   V에서는 소프트맥스가 오히려 빠를 수도 있습니다(`소프트맥스 / 네거티브 샘플링` 열). 네거티브 샘플링 단계에는 V와 상관없는 고정 비용(`EmbeddingDot` 계층과
#   `SigmoidWithLoss` 계층 k + 1개씩이 저마다 부르는 작은 numpy 호출들과, 기울기 행을 더하는 `np.add.at`)이 있는데, 이 크기에서는 큰 행렬 곱
#   하나가 그 비용보다 싸기 때문입니다. V가 커질수록 격차가 벌어지며, 그것이 바로 word2vec이 다루는 영역입니다.
# - **교재 계층의 지우기 + 합치기** 줄은 V와 함께 커집니다. 교재의 계층을 그대로 쓰면 단계가 평평하지 *않습니다*.
#   역전파마다 V개 행을 모두 지우고, `Trainer` 클래스가 밀집 복사본들을 더하기 때문입니다. 쓴 행만 지우면(또는
#   희소 기울기(sparse gradient)를 쓰면) 이 비용이 사라집니다.
# - **밀집 SGD 갱신**도 V와 함께 커집니다. 교재 모양의 계층들은 거의 전부 0인 V × H 기울기 전체를
#   돌려주고, `SGD.update`는 그 전체를 뺍니다(교재의 `ch04/train.py`는 Adam으로 학습하며, Adam의 밀집 갱신은 원소마다
#   이 SGD 줄보다 많은 일을 합니다). 네거티브 샘플링은 O(V) *계산*을 없앴습니다. 남은 O(V) 비용까지 없애려면
#   학습기가 미니배치가 건드린 행만 지우고 갱신해야 합니다. 노트북 05의 고속 경로(fast path)가 바로 그렇게 합니다(희소 갱신).
#
# ## 정리
#
# - 네거티브 샘플링(negative sampling)은 어휘(vocabulary) 전체에 대한 소프트맥스(softmax)를 이진 분류(binary
#   classification) 질문 k + 1개로 바꿉니다. 진짜 타깃(target, 레이블 1)과 샘플링한 틀린 단어 k개(레이블 0)이며,
#   각각 시그모이드(sigmoid)와 이진 교차 엔트로피 오차(binary cross-entropy error)를 씁니다.
# - 부정적 예(negative example)는 말뭉치(corpus)의 유니그램 분포(unigram distribution)를 0.75제곱한 분포(`POWER`
#   설정값)에서 뽑습니다. 자주 나오는 단어는 비율이 줄고 드문 단어는 늘어납니다(1절에서 PTB로 측정).
# - 타깃은 절대 자기 자신의 부정적 예가 되면 안 됩니다. 두 기울기(gradient)가 σ = 0.5에서 상쇄되기 때문입니다. 이를
#   제외하지 않으면 PTB 학습 예의 일부가 영향을 받고(2절에서 측정), 타깃이 자주 나오는 단어인 예는 훨씬 많이 받습니다.
# - 교재의 행별 샘플러(행마다 O(V)의 numpy 작업을 하는 파이썬 반복문)와 벡터화된 `searchsorted` 한 번의 추출은 둘 다
#   행마다 타깃을 제외한 `p^POWER`에서 뽑습니다. 차이는 교재의 반복문이 한 행 안에서 비복원 추출을 하고, 패키지는
#   word2vec.c처럼 복원 추출을 한다는 점입니다. 가장 자주 나오는 100단어에서 둘 다 자기 예측과 표준 오차의 4배
#   안에서 맞습니다(확인 셀에서 검증. 이번 실행의 z 값은 3절에 출력했습니다). 벡터화된 샘플러는 제외를 넣은 식과,
#   교재의 반복문은 자기 방식(타깃 제외, 한 행에 같은 단어 두 번 금지)의 시뮬레이션과 비교합니다. 기본 설정값에서는
#   벡터화된 샘플러의 행 100,000개가 제외하지 않은 예측도 배제합니다(제외 때문에 예측이 표준 오차의 5배 이상 옮겨 가면 확인합니다).
#   벡터화된 쪽이 10배 넘게 빠릅니다(확인 셀에서 검증. 배율은 위에서 측정).
# - `NegativeSamplingLoss` = `W_out`을 공유하는 `EmbeddingDot` + `SigmoidWithLoss` 쌍 k + 1개이며, `W_out`은 합한
#   기울기와 함께 `params`에 한 번만 들어갑니다. 기울기 확인(gradient check)을 통과합니다.
# - w2vlib의 쓴 행만 지우는 `Embedding`을 쓰면 출력 측 한 단계의 비용은 V와 상관없이 거의 같고, 소프트맥스 전체는 V에
#   비례해 커집니다. 교재의 계층을 쓰면 단계가 여전히 V와 함께 커지며(k + 1개의 역전파가 저마다 V × H 전체를 지우고,
#   `Trainer` 클래스가 복사본들을 더합니다), 밀집 기울기 갱신은 두 경우 모두 O(V)입니다.
#
# ## 연습 문제
#
# 각 `...`를 여러분의 답으로 바꾸고 셀을 실행해 보세요. 자동 채점 셀이 `아직 풀지 않았습니다.`, `아직 정답이 아닙니다. <이유>` 또는
# `정답입니다.`라고 알려 줍니다. `q1.hint()`는 힌트를, `q1.solution()`은 모범 풀이를 보여 줍니다. 자동 채점은 여러분의
# 설정값을 씁니다. `POWER`나 `SAMPLE_SIZE`를 바꾸고 다시 실행하면 답도 따라 바뀌어야 합니다.
#
# 1. **"the" 대 가장 드문 단어.** `p^POWER`에서 "the"는 PTB에서 가장 드문 단어보다 부정적 예로 몇 배 더 자주
#    뽑힐까요? `counts`만으로 계산해(정규화하는 합이 왜 상관없을까요?) 그 배율을 유효 숫자 두 자리 이상으로 `answer_1`에 넣고, 그다음에야
#    `p_pow`로 직접 확인해 보세요.
# 2. **word2vec.c는 "the"의 부정적 예를 몇 개 건너뛸까?** 이 노트북의 샘플러가 word2vec.c의 규칙을 따른다고 해
#    봅시다. `p^POWER`에서 k = `SAMPLE_SIZE`번 독립적으로 뽑고, 타깃과 같은 것은 뽑힐 때마다 건너뜁니다. 타깃이
#    "the"일 때 k개의 부정적 예 가운데 평균 몇 개를 건너뛸까요? `p_pow`를 써서 그 기댓값을 구해 유효 숫자 두 자리
#    이상으로 `answer_2`에 넣어 보세요. 이 값은 2절에서 구해 출력한, "the" 학습 예에 충돌이 적어도 한 번 일어날 확률보다
#    클까요, 작을까요? 왜 그런지도 생각해 보세요.
# 3. **네거티브 샘플링의 기울기 유도하기 (먼저 종이에).** 부정적 예가 k개인 타깃 하나에 대해 손실은
#    L = −log σ(w₀·h) − Σⱼ log σ(−wⱼ·h)입니다. 여기서 w₀는 `W_out`에서 타깃의 행, w₁ … wₖ는 부정적 예들의 행입니다.
#    dL/dh와 k + 1개 행 각각의 dL/dwᵢ를 유도한 뒤, `ns_grads(h, rows, labels)`로 작성해 보세요. `h`의 형상은
#    (H,), `rows` (k + 1, H)는 w₀ … wₖ를 담고, `labels`는 `[1, 0, …, 0]`입니다. 함수는 `(dh, drows)`를 돌려주어야 합니다. 자동 채점
#    셀은 `drows`를 dL/dW_out에 더하고(같은 단어의 행은 합쳐집니다), 무작위 입력에서 float64로
#    `NegativeSamplingLoss.backward`와 비교합니다. 부정적 예가 두 번 뽑힌 경우와 부정적 예가 타깃과 같은 경우도
#    포함합니다.
# 4. **예측하고 측정하기: 부정적 예를 늘리면.** 5절은 V에 따른 단계의 시간을 쟀습니다. 네거티브 샘플링 한 단계의
#    시간은 부정적 예의 수 k + 1에 따라 어떻게 커질까요? 로그-로그 기울기(0 = k와 상관없음, 1 = k + 1에 비례)를
#    `prediction_4`에 넣어 보세요. 자동 채점은 먼저 예측을 판정하고(기준 기울기와 ±0.25 이내, 시간을 재기 전에), 그다음에야 바로 위 셀에 정의된
#    `time_ns_step`으로 `K_VALUES`의 각 k에서 한 단계의 시간을 재어 측정한 로그-로그 기울기를 보여 줍니다.

# %%
answer_1 = ...                    # "the"가 가장 드문 단어보다 몇 배 더 자주 뽑히는가
q1.check(answer_1, counts=counts, the=word_to_id["the"], power=POWER)
# q1.hint()
# q1.solution()

# %%
answer_2 = ...                    # 타깃이 "the"일 때 k번의 뽑기 중 건너뛰는 횟수의 기댓값
q2.check(answer_2, word_p=p_pow, the=word_to_id["the"], k=SAMPLE_SIZE, raw_p=p)
# q2.hint()
# q2.solution()


# %%
def ns_grads(h, rows, labels):
    ...                           # dh (H,), drows (k + 1, H)를 돌려주도록 작성해 보세요. sigmoid는 import되어 있습니다


q3.check(ns_grads)
# q3.hint()
# q3.solution()

# %%
def time_ns_step(k, rng=None):
    """PTB(V개 단어)에서 부정적 예 k개인 NegativeSamplingLoss의 순전파 + 역전파 한 번에 걸리는 시간(초)."""
    rng = np.random.default_rng(SEED) if rng is None else rng
    _, W_k = init_weights(V, HIDDEN, rng)
    h_k = rng.standard_normal((BATCH, HIDDEN)).astype(np.float32)
    layer = NegativeSamplingLoss(W_k, corpus, POWER, k, rng=rng)
    def step():
        layer.forward(h_k, corpus[:BATCH])
        layer.backward()
    step()
    with one_thread():
        return {"k + 1": best_time(step, REPEAT, cpu=True)}


# %%
prediction_4 = ...                # k + 1에 대한 한 단계 시간의 로그-로그 기울기
q4.check(prediction_4, measure=time_ns_step, sizes=K_VALUES)
# q4.hint()
# q4.solution()

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): *밑바닥부터 시작하는 딥러닝 2*(oreilly-japan/deep-learning-from-scratch-2:
# `ch04/negative_sampling_layer.py`의 `UnigramSampler.get_negative_sample`과 `NegativeSamplingLoss`, `ch04/cbow.py`의
# 지수 0.75와 `sample_size=5`, `common/layers.py`의 `Embedding.backward`(`dW[...] = 0`), `common/trainer.py`의
# `remove_duplicate`, `ch04/train.py`의 Adam, 4.2.6절 본문에서 `p = [0.7, 0.29, 0.01]`을 0.75제곱하는 예. GPU용 분기의 주석은 한국어판
# WegraLee/deep-learning-from-scratch-2의 같은 파일에서 인용),
# word2vec.c(tmikolov/word2vec: `InitUnigramTable`의
# `power = 0.75`, `TrainModelThread`에서 타깃과 같은 부정적 예를 건너뜀), numpy(`numpy/random/_generator.pyx`: `replace=False`와
# `p`를 받은 `Generator.choice`는 복원 추출로 뽑아 처음 나온 단어만 남기고 모자란 만큼 다시 뽑음), 학습 노트(`w2vlib/notes.py`).
#
# [다음: 05 PTB로 CBOW 학습하기](05_training_cbow.ipynb)
