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
# # 10. 다른 길: 계층적 소프트맥스, 그리고 skip-gram
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.2절 (교재가 택한 길), 그리고 교재 밖 내용
#
# V개 단어에 대한 소프트맥스는 노트북 01의 병목입니다. 교재와 노트북 03~09는 이 병목을 **네거티브 샘플링**(negative
# sampling)으로 없앴습니다. 무작위로 뽑은 단어 몇 개에 대해 "이 단어인가, 아닌가?"를 묻는 방법입니다. word2vec에는 다른 길도
# 있고, 네거티브 샘플링은 그보다 나중에 나왔습니다. 네거티브 샘플링을 처음 제안한 2013년 논문(Mikolov 등,
# arXiv:1310.4546)은 초록에서 이를 "계층적 소프트맥스의 간단한 대안(a simple alternative to the hierarchical softmax)"이라고
# 설명합니다. 먼저 나온 그 길이 바로 word2vec.c가
# `-hs 1 -negative 0`으로, gensim이 `hs=1, negative=0`으로 (그 길만) 실행하는 **계층적 소프트맥스**(hierarchical softmax)입니다. V개 단어가 이진 트리의 잎(leaf)이 되고, 단어의 확률은 루트(root)에서 그 단어까지 내려가는 경로의
# 내부 노드(inner node)마다 시그모이드 하나씩을 곱한 값입니다. 이 트리는 **허프만 트리**(Huffman tree)여서 자주 나오는 단어가 루트 가까이에
# 있습니다.
#
# 이 시리즈는 지금까지 word2vec의 두 모델 중 CBOW 하나만 가르쳤습니다. 다른 모델인 **skip-gram 모델**(스킵그램)은 질문을
# 뒤집습니다. 가운데 단어가 윈도우 안의 단어를 하나씩 예측합니다. 이 노트북은 두 길과 두 모델을 나란히 놓고 측정합니다.
#
# **이 노트북에서 배울 내용**
# - word2vec이 단어의 출현 횟수로 허프만 트리를 만드는 방법 (`w2vlib.huffman_codes`, gensim의 규약), 그리고 단어의
#   경로(코드와 내부 노드)가 확률이 되는 방법
# - 계층적 소프트맥스의 V개 확률이 V에 대한 합 없이도 합이 1이 되는 이유, 그리고 `HierarchicalSoftmaxLoss` 계층이
#   기울기 확인을 통과하는 모습
# - PTB에서 경로가 얼마나 긴지, 그리고 어떤 이진 코드도 넘을 수 없는 엔트로피 한계와의 비교
# - V가 커질 때 학습 예 하나의 비용: 소프트맥스, 네거티브 샘플링, 계층적 소프트맥스 (로그-로그 기울기(slope) 측정)
# - CBOW와 skip-gram을 각각 네거티브 샘플링과 계층적 소프트맥스로 PTB에서 학습한 결과: 속도와 품질을 한 표에,
#   그리고 언제 무엇을 고를지

# %%
# %matplotlib inline
import json
import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from scipy.stats import binom, binomtest
from scipy.stats import t as student_t
from threadpoolctl import threadpool_limits

import w2vlib
import w2vlib.exercises
from w2vlib import (HierarchicalSoftmaxLoss, MatMul, NegativeSamplingLoss, SoftmaxWithLoss, fast, gradcheck,
                    huffman_codes, numerical_gradient, plotting, relative_error)
from w2vlib.corpus import preprocess
from w2vlib.data import load_ptb
from w2vlib.evaluation import evaluate_analogies, evaluate_similarity
from w2vlib.gradcheck import GRADCHECK_TOL
from w2vlib.hierarchical_softmax import code_lengths, entropy_bits, expected_code_length
from w2vlib.models import init_weights
from w2vlib.text import format_table
from w2vlib.timing import best_time, loglog_slope

q1, q2, q3 = w2vlib.exercises.load("10", lang="ko")   # 끝에 있는 자동 채점 연습 문제

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0                                # 이 노트북의 모든 무작위 추출에 쓰는 시드
TOY_WORD = "say"                        # 교재 문장의 단어 중 경로를 빨간색으로 그릴 단어
HIDDEN_SIZE = 100                       # 단어 벡터(그리고 내부 노드 벡터)의 길이
WINDOW_SIZE = 5                         # 맥락의 최대 반경 (단어마다 1..WINDOW_SIZE에서 뽑음)
NEGATIVE = 5                            # 네거티브 샘플링에서 학습 예 하나당 부정적 예(negative example)의 수
EPOCHS = 2                              # PTB 학습 네 번 각각의 에폭 수 (적음: 5절 참고)
SAMPLE = 1e-3                           # PTB 학습의 하위 샘플링 임계값 (word2vec의 -sample, 0 = 끔)
THREADS = 2                             # 컴파일된 학습기의 스레드 수
VOCAB_SIZES = [1_000, 10_000, 100_000]  # 비용 비교에 쓸 V (오름차순)
BATCH = 2000                            # 시간을 재는 배치 하나의 학습 예 수 (소프트맥스는 BATCH // 100)
REPEAT = 3                              # 시간 측정: 이 횟수만큼 실행해 가장 빠른 값
ROUNDS = 3                              # 시간 측정: V 전체를 다시 재는 횟수 (퍼짐을 보려고)

# %% [markdown]
# ## 1. 교재의 문장으로 만든 트리
#
# 허프만 알고리즘(1952)은 출현 횟수로 트리를 만듭니다. 모든 단어를 횟수 기준 힙에 넣고, 가장 작은 둘을 꺼내 횟수의
# 합을 가진 새 내부 노드로 합친 다음 다시 넣습니다. 노드가 하나, 즉 루트만 남을 때까지 반복합니다. 합칠 때마다 내부
# 노드가 하나 생기므로 단어 V개는 내부 노드 V − 1개를 만듭니다. 마지막에 합친 노드가 루트이고, 가장 작은 두 횟수가
# 가장 깊이 내려갑니다.
#
# `w2vlib.huffman_codes(counts)`는 이 일을 파이썬의 `heapq`로, gensim의 `_build_heap`과 `_assign_binary_codes`
# (gensim/models/word2vec.py)와 같은 방식으로 하고, gensim의 두 리스트를 돌려줍니다. `codes[w]`는 루트에서 단어 `w`까지
# 내려가는 0/1 단계(0 = 왼쪽 자식, 합친 두 노드 중 작은 쪽)이고, `points[w]`는 그 길에 지나는 내부 노드입니다. 내부
# 노드는 합친 순서대로 번호가 붙으므로 내부 노드 `j`는 형상이 (V − 1, H)인 행렬 `W`의 `j`번째 행입니다. 루트는 마지막
# 합치기, 즉 V − 2번 행입니다. (`tests/test_hierarchical_softmax.py`는 PTB의 횟수를 gensim의 단어 순서로 주면 트리가
# 노드 하나하나까지 gensim의 트리와 같음을 확인합니다.)
#
# 교재의 문장에는 서로 다른 단어가 일곱 개 있습니다. "say"는 두 번, 나머지는 한 번씩 나옵니다.

# %%
corpus_toy, word_to_id_toy, id_to_word_toy = preprocess(w2vlib.TOY_TEXT)
V_toy = len(word_to_id_toy)
words_toy = [id_to_word_toy[w] for w in range(V_toy)]
counts_toy = np.bincount(corpus_toy, minlength=V_toy)
codes_toy, points_toy = huffman_codes(counts_toy)
if TOY_WORD not in word_to_id_toy:
    raise ValueError(f"TOY_WORD는 교재 문장의 단어여야 합니다. 가능한 단어: {words_toy}")
rows = [[w, int(counts_toy[i]), "".join(map(str, codes_toy[i])), " ".join(f"n{p}" for p in points_toy[i])]
        for i, w in enumerate(words_toy)]
print(format_table(["단어", "횟수", "코드", "경로의 내부 노드 (W의 행)"], rows))
print(f"단어 V = {V_toy}개, 내부 노드 V - 1 = {V_toy - 1}개, 루트 = n{V_toy - 2}")

# %%
plotting.draw_huffman_tree(codes_toy, points_toy, words_toy, counts=counts_toy,
                           highlight=word_to_id_toy[TOY_WORD], lang="ko")
plt.show()

# %% [markdown]
# ### 경로에서 나오는 확률
#
# 내부 노드 `n`마다 자기 벡터 `W[n]`이 있습니다. 은닉 벡터 `h`(CBOW에서는 맥락 벡터들의 평균)로 계산한 그 노드의
# 점수는 `x = h · W[n]`입니다. 그 노드에서 왼쪽 자식(비트 0)으로 가는 단계의 확률은 `σ(x)`, 오른쪽(비트 1)으로 가는
# 단계의 확률은 `σ(−x) = 1 − σ(x)`입니다. 노트북 03과 같은 이진 질문입니다. 단어의 확률은 경로의 단계들을 곱한 값입니다.
# 이것이 word2vec.c의 규약입니다. 한 노드에서의 갱신은 `f = σ(x)`일 때 `g = (1 - code - f) * alpha`이고, 이는 레이블이
# `1 − code`인 이진 교차 엔트로피 오차의 기울기입니다 (TrainModelThread의 `if (hs)` 반복문).
#
# V에 대한 합이 어디에도 없는데 V개 확률의 합은 왜 1일까요? 내부 노드마다 두 단계가 그 노드에 도달한 확률을 나눠
# 가집니다. `σ(x) + σ(−x) = 1`이기 때문입니다. 그래서 루트의 1이 노드마다 나뉘고, 잎들이 그것을 전부 받습니다.
# `HierarchicalSoftmaxLoss(W, codes, points)` 계층은 교재의 계층과 같은 형태(`params = [W]`, `grads`, 배치에 대한
# `−log P(target | h)`의 평균을 돌려주는 `forward(h, target)`, `dh`를 돌려주는 `backward()`)를 갖고,
# `probabilities(h)`는 이런 확인을 위해 모든 단어의 `P(w | h)`를 나열합니다.

# %%
rng = np.random.default_rng(SEED)
H_TOY = 3
W_toy = rng.standard_normal((V_toy - 1, H_TOY))       # float64: 계층도 float64로 계산합니다
hs_toy = HierarchicalSoftmaxLoss(W_toy, codes_toy, points_toy)
h_toy = rng.standard_normal((4, H_TOY))               # 은닉 벡터 네 개
P_toy = hs_toy.probabilities(h_toy)
print(format_table(["h"] + words_toy + ["합"],
                   [[f"h{i}"] + [f"{p:.3f}" for p in P_toy[i]] + [f"{P_toy[i].sum():.6f}"] for i in range(4)]))
assert np.allclose(P_toy.sum(axis=1), 1.0)

target_toy = np.full(4, word_to_id_toy[TOY_WORD])
loss_toy = hs_toy.forward(h_toy, target_toy)
print(f"순전파: 평균 -log P({TOY_WORD!r} | h) = {loss_toy:.4f}, "
      f"위의 확률로 계산하면 {-np.log(P_toy[:, word_to_id_toy[TOY_WORD]]).mean():.4f}")
assert abs(loss_toy + np.log(P_toy[:, word_to_id_toy[TOY_WORD]]).mean()) < 1e-12

# %% [markdown]
# 기울기 확인입니다. 노트북 02처럼 float64에서 엄격한 허용 오차로 확인합니다 (`tests/test_mutations.py`는 이 계층의
# `dW`와 `dh`에 1% 버그를 심고, 확인이 둘 다 잡아내는지 봅니다).

# %%
f_toy = lambda: hs_toy.forward(h_toy, np.array([0, 1, 1, V_toy - 1]))
f_toy()
dh_toy = hs_toy.backward()
err_W = gradcheck(f_toy, hs_toy.params, hs_toy.grads)
err_h = relative_error(dh_toy, numerical_gradient(f_toy, h_toy))
fmt_err = lambda err: f"{err:.1e}" if err >= 1e-8 else "< 1e-8"   # 1e-8 아래의 자릿수는 반올림 잡음입니다
print(f"HierarchicalSoftmaxLoss의 기울기 확인: dW 상대 오차 {fmt_err(err_W)}, dh {fmt_err(err_h)}")
assert err_W < GRADCHECK_TOL and err_h < GRADCHECK_TOL

# %% [markdown]
# ## 2. PTB에서의 경로 길이
#
# 학습 예 하나의 비용은 타깃 경로의 내부 노드마다 내적 하나(와 행 갱신 하나)입니다. 그래서 중요한 수는 **기대 코드
# 길이**(expected code length), 즉 글의 단어들에 대해 평균한 경로 길이 `sum(count × length) / sum(count)`입니다. 섀넌(Shannon)의 한계에 따르면 어떤
# 이진 코드도 평균적으로 단어 분포의 비트 단위 엔트로피 `−Σ p log₂ p`보다 짧을 수 없고, 허프만 코드는 최적이어서 그보다
# 1비트 미만만 깁니다. 비교할 귀무 기준(null)은 횟수를 무시한 균형 트리로, 모든 경로의 길이가 약 log₂ V입니다.

# %%
corpus, word_to_id, id_to_word = load_ptb("train")
V = len(word_to_id)
counts = np.bincount(corpus, minlength=V)
codes, points = huffman_codes(counts)
lengths = code_lengths(codes)
L_mean = expected_code_length(counts, codes)
H_bits = entropy_bits(counts)
order = np.argsort(-counts, kind="stable")
print(f"PTB: {len(corpus):,}단어, V = {V:,}")
print(f"기대 코드 길이 (허프만):        {L_mean:.4f} (원문의 단어 하나당 평균 시그모이드 수)")
print(f"유니그램 횟수의 엔트로피:       {H_bits:.4f}비트 (어떤 이진 코드도 이보다 짧을 수 없음)")
print(f"횟수를 무시한 균형 트리:        {math.log2(V):.4f} (log2 V)")
print(f"가장 짧은 경로 {lengths.min()} (가장 자주 나오는 단어 {id_to_word[int(order[0])]!r}), "
      f"가장 긴 경로 {lengths.max()} ({counts[lengths == lengths.max()].min()}번 나온 단어들)")
assert H_bits <= L_mean < H_bits + 1, "허프만 코드는 엔트로피보다 1비트 미만만 깁니다"
assert L_mean < math.log2(V)

# %% [markdown]
# gensim도 같은 알고리즘으로 자기 트리를 만듭니다 (`Word2Vec(hs=1)`이 어휘를 만들면서 `create_binary_tree`를
# 호출합니다). 횟수가 같은 노드는 어느 순서로든 합칠 수 있고, gensim은 단어에 처음 나온 순서가 아니라 빈도 순서로
# 번호를 붙이므로 두 트리가 노드 하나하나까지 같을 필요는 없습니다. 하지만 허프만 트리는 모두 최적이므로 기대 코드
# 길이는 같아야 합니다.

# %%
try:
    from gensim.models import Word2Vec
    have_gensim = True
except ImportError:
    have_gensim = False
if have_gensim:
    eos = word_to_id["<eos>"]
    sentences = [[id_to_word[int(i)] for i in s]
                 for s in np.split(corpus, np.flatnonzero(corpus == eos) + 1) if s.size]
    g = Word2Vec(vector_size=10, min_count=1, hs=1, negative=0, workers=1)
    g.build_vocab(sentences)
    g_counts = np.array([g.wv.get_vecattr(i, "count") for i in range(len(g.wv))])
    g_lengths = np.array([len(g.wv.get_vecattr(i, "code")) for i in range(len(g.wv))])
    L_gensim = float(g_counts @ g_lengths / g_counts.sum())
    print(f"같은 횟수로 만든 gensim의 트리: 기대 코드 길이 {L_gensim:.4f} (우리 트리 {L_mean:.4f})")
    assert abs(L_gensim - L_mean) < 1e-9
else:
    print("gensim이 설치되어 있지 않습니다 (pip install gensim). gensim 트리와의 비교는 "
          "tests/test_hierarchical_softmax.py에 있습니다.")

# %% [markdown]
# 단어마다 경로의 길이는 그 단어의 정보량 `−log₂ p(w)`와 비슷합니다. 천 번에 한 번 나오는 단어는 약 열 단계가
# 필요합니다.

# %%
info = -np.log2(counts[counts > 0] / counts.sum())
fig, ax = plt.subplots(figsize=(6.4, 4.0))
ax.scatter(info, lengths[counts > 0], s=6, alpha=0.3, label="PTB 단어")
grid = np.array([info.min(), info.max()])
ax.plot(grid, grid, "k:", lw=1, label="길이 = -log2 p(w)")
ax.set_xlabel("-log2 p(w) (비트)")
ax.set_ylabel("허프만 코드 길이 (시그모이드 수)")
ax.set_title("자주 나오는 단어는 경로가 짧습니다")
ax.legend(fontsize=9)
plt.show()

# %%
gap = np.abs(lengths[counts > 0] - info)
print(f"|코드 길이 - (-log2 p)|: 중앙값 {np.median(gap):.2f}단계, 99번째 백분위수 {np.percentile(gap, 99):.2f}단계")
assert np.median(gap) < 1.5

# %% [markdown]
# ## 3. V가 커질 때 학습 예 하나의 비용
#
# 학습 예 하나마다 전체 소프트맥스는 V개 단어의 점수를 모두 매기고, 네거티브 샘플링은 V와 상관없이 k + 1개 행의 점수를
# 매기며, 계층적 소프트맥스는 타깃 경로의 노드마다 행 하나의 점수를 매깁니다. 로그-로그 그래프에서 V에 비례하는
# 비용의 로그-로그 기울기는 1이고, 일정한 비용의 로그-로그 기울기는 0입니다.
#
# **문제 3은 여기서 시작합니다.** 다음 셀들을 실행하기 전에, `VOCAB_SIZES` 범위에서 V에 대한 계층적 소프트맥스의
# 학습 예 하나당 일의 양(평균 경로 길이)의 로그-로그 기울기를 예측해서 적어 보세요. 노트북 끝의 채점은 다음 셀들이
# 계산하는 평균 경로 길이의 로그-로그 기울기와 비교합니다(`VOCAB_SIZES`의 범위가 10배보다 좁으면 다음 셀들은
# 로그-로그 기울기를 구하지 않고, 채점은 이론으로만 하며 그렇다고 알려 줍니다).

# %%
prediction_3 = ...                # V에 대한 계층적 소프트맥스 비용의 로그-로그 기울기 예측 (0 = 평평함, 1 = V에 비례)

# %% [markdown]
# V마다 `SEED`와 V를 시드로 쓰는 별도의 난수 생성기로 지프(Zipf) 법칙을 닮은 빈도의 합성 말뭉치와 그 허프만 트리를
# 만듭니다(노트북 04처럼). 첫 번째 표는 세어 본 **일의 양**입니다. 학습 예 하나의 출력 쪽 순전파가 계산하는
# 길이 H인 내적의 수로, 소프트맥스는 V, 네거티브 샘플링은 k + 1 = `NEGATIVE + 1`, 계층적 소프트맥스는 평균 경로
# 길이입니다(역전파는 그만큼의 행 갱신을 한 번 더 합니다). 여기서는 이 개수가 비용의 척도이고, 어떤 컴퓨터에서도
# 같습니다.
#
# 그다음 시간 측정은 잡음이 많은 두 번째 관점입니다. **출력 쪽**의 순전파 + 역전파로, 소프트맥스와 교차 엔트로피를
# 쓰는 `h @ W_out`은 학습 예 `BATCH // 100`개로(점수가 배치 × V 행렬이므로), k = `NEGATIVE`인
# `NegativeSamplingLoss`(부정적 예 추출 포함)와 `HierarchicalSoftmaxLoss`는 학습 예 `BATCH`개로 잽니다. numpy의 행렬
# 곱은 스레드 하나로 돌리고(scikit-learn이 함께 설치하는 `threadpoolctl`), V 전체에 대한 측정을 순서를 번갈아 가며
# `ROUNDS`번 반복합니다. 표는 학습 예 하나당 시간의 중앙값이고, 로그-로그 기울기는 측정들의 중앙값(최솟값 ~ 최댓값)으로
# 출력합니다. 학습 예 하나당 시간에는 호출마다 드는 numpy의 비용과 메모리 이동도 담기는데, 네거티브 샘플링과 계층적
# 소프트맥스에서는 이것이 수천 번의 곱셈-덧셈 자체보다 큽니다.

# %%
def build_output_side(V_, seed):
    """V 하나에 대해 합성 지프 말뭉치 위의 세 출력 계층: 그 단계 함수들과 평균 경로 길이."""
    rng_v = np.random.default_rng([seed, V_])   # 별도의 생성기: V의 말뭉치가 시간 측정에 좌우되지 않습니다
    zipf = 1.0 / np.arange(1, V_ + 1)
    fake_corpus = rng_v.choice(V_, size=10 * V_, p=zipf / zipf.sum())
    fake_counts = np.bincount(fake_corpus, minlength=V_)
    target = fake_corpus[:BATCH]
    _, W_out = init_weights(V_, HIDDEN_SIZE, rng_v)
    h = rng_v.standard_normal((BATCH, HIDDEN_SIZE)).astype(np.float32)
    n_soft = max(1, BATCH // 100)               # 소프트맥스의 점수는 n_soft x V 행렬이므로 작게 둡니다

    out_layer, softmax_loss = MatMul(np.ascontiguousarray(W_out.T)), SoftmaxWithLoss()
    def softmax_step():
        softmax_loss.forward(out_layer.forward(h[:n_soft]), target[:n_soft])
        return out_layer.backward(softmax_loss.backward())

    ns = NegativeSamplingLoss(W_out, fake_corpus, 0.75, NEGATIVE, rng=rng_v)
    def ns_step():
        ns.forward(h, target)
        return ns.backward()

    codes_, points_ = huffman_codes(fake_counts)
    hs = HierarchicalSoftmaxLoss(np.ascontiguousarray(W_out[:-1]), codes_, points_)
    def hs_step():
        hs.forward(h, target)
        return hs.backward()

    ns_step(), hs_step()                        # 각각 첫 역전파에서 기울기 전체를 한 번 지웁니다
    return {"V": V_, "path": expected_code_length(fake_counts, codes_), "bytes": out_layer.params[0].nbytes,
            "steps": {NAMES[0]: (softmax_step, n_soft), NAMES[1]: (ns_step, BATCH), NAMES[2]: (hs_step, BATCH)}}


NAMES = ["소프트맥스", "네거티브 샘플링", "계층적 소프트맥스"]
setups = [build_output_side(V_, SEED) for V_ in VOCAB_SIZES]
Vs = np.array([s["V"] for s in setups])
paths = np.array([s["path"] for s in setups])
work = {NAMES[0]: Vs.astype(float), NAMES[1]: np.full(len(Vs), NEGATIVE + 1.0), NAMES[2]: paths}
print("학습 예 하나의 일의 양: 길이 H인 내적의 수 (출력 쪽, 순전파)")
print(format_table(["V", "소프트맥스", "네거티브 샘플링", "계층적 소프트맥스 (= 평균 경로)"], [[f"{V_:,}"] + [f"{work[n][i]:,.2f}" for n in NAMES]
                                  for i, V_ in enumerate(Vs)]))
big = setups[int(np.argmax(Vs))]
print(f"소프트맥스가 단계마다 읽는 메모리, 즉 V x H 출력 행렬 전체(float32)의 크기는 V = {big['V']:,}에서 "
      f"{big['bytes'] / 1e6:,.1f}MB입니다")

# %%
if Vs.max() >= 10 * Vs.min():
    slope_path = loglog_slope(Vs, paths)
    assert 0 < slope_path < 0.3, "평균 경로는 자라지만, V보다 훨씬 느리게 자랍니다"
    print(f"확인 통과. 평균 경로의 로그-로그 기울기는 {slope_path:.3f}입니다. 0과 0.3 사이이므로, 자라기는 하지만 V보다 훨씬 느리게 자랍니다.")
else:
    slope_path = None
    print(f"확인하지 않았습니다. VOCAB_SIZES의 범위가 {Vs.max() / Vs.min():.1f}배뿐인데, 로그-로그 기울기는 10배 이상의 "
          "범위에서만 구합니다. 비용이 자라는 모습을 보려면 범위를 10배 이상으로 해 보세요.")

# %% tags=["nbval-ignore-output"]
times = {n: np.zeros((ROUNDS, len(Vs))) for n in NAMES}
with threadpool_limits(limits=1, user_api="blas"):
    for r in range(ROUNDS):
        order = range(len(Vs)) if r % 2 == 0 else reversed(range(len(Vs)))   # V의 순서를 번갈아 바꿉니다
        for i in order:
            for n in NAMES:
                step, n_examples = setups[i]["steps"][n]
                times[n][r, i] = best_time(step, REPEAT) / n_examples
print(format_table(["V", "소프트맥스 (마이크로초)", "네거티브 샘플링 (마이크로초)", "계층적 소프트맥스 (마이크로초)"], [[f"{V_:,}"] + [f"{np.median(times[n][:, i]) * 1e6:.2f}" for n in NAMES]
                                  for i, V_ in enumerate(Vs)]))

# %%
if slope_path is not None:
    slopes = {n: np.array([loglog_slope(Vs, times[n][r]) for r in range(ROUNDS)]) for n in NAMES}
    counted = {n: round(loglog_slope(Vs, work[n]), 6) + 0.0 for n in NAMES}      # 1, 0, slope_path
    med = {n: float(np.median(slopes[n])) for n in NAMES}
    assert med[NAMES[0]] > 0.3, "소프트맥스 단계는 V와 함께 자랍니다 (V가 크면 로그-로그 기울기 1 근처)"
    for n in NAMES[1:]:
        assert med[n] < med[NAMES[0]] - 0.3, "{n}은(는) V와 함께 거의 자라지 않아야 합니다 (컴퓨터가 바빴다면 다시 실행해 보세요)".format(n=n)
    print("확인 통과. 소프트맥스의 시간은 V와 함께 자라고, 네거티브 샘플링과 계층적 소프트맥스는 거의 자라지 않습니다.")
else:
    slopes = None
    print("확인하지 않았습니다. 같은 이유로(VOCAB_SIZES의 범위가 10배보다 좁음) 잰 시간의 로그-로그 기울기도 구하지 않았습니다.")

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(6.4, 4.0))
for n, marker in zip(NAMES, "os^"):
    t = times[n] * 1e6
    ax.errorbar(Vs, np.median(t, axis=0), yerr=[np.median(t, axis=0) - t.min(axis=0),
                t.max(axis=0) - np.median(t, axis=0)], fmt=marker + "-", capsize=3, label=n)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("어휘 수 V")
ax.set_ylabel("학습 예 하나당 시간 (마이크로초)")
ax.set_title("출력 계층, 순전파 + 역전파 (H = {H}, k = {k}), {r}번 측정의 중앙값과 범위".format(H=HIDDEN_SIZE, k=NEGATIVE, r=ROUNDS))
ax.legend(fontsize=9)
plt.show()
if slopes is not None:
    print("V에 대한 로그-로그 기울기입니다. 잰 시간은 측정들의 중앙값(최솟값 ~ 최댓값)이고, 세어 본 값은 첫 번째 표에서 구한 값입니다.")
    for n in NAMES:
        print(f"{n}: 잰 시간 {np.median(slopes[n]):.2f} ({np.min(slopes[n]):.2f} ~ {np.max(slopes[n]):.2f}), "
              f"세어 본 값 {counted[n]:.2f}")

# %% [markdown]
# 세어 본 일의 양의 표가 각 길의 비용을 말해 줍니다. 두 길 모두 O(V) 항을 없애고, 어느 쪽이 일을 덜 하는지는
# `NEGATIVE + 1`과 평균 경로 길이(둘 다 첫 번째 표에 있습니다)를 비교하면 알 수 있습니다. 시간 측정은 느슨하게만
# 확인합니다. 소프트맥스의 로그-로그 기울기 중앙값이 나머지 둘보다 0.3 이상 크다는 것뿐입니다. 개수에 넣지 않은
# 비용 때문에 네거티브 샘플링과 계층적 소프트맥스의 순서는 어느 쪽으로든 바뀔 수 있고, 측정들의 범위가 바쁜
# 컴퓨터가 각 로그-로그 기울기를 얼마나 흔드는지 보여 줍니다. 마지막 줄들은 길마다 잰 시간의 로그-로그 기울기를 세어 본
# 값과 나란히 출력합니다. numpy가 호출마다 들이는 비용처럼 V와 함께 커지지 않는 비용은 잰 시간의 로그-로그 기울기를
# 0 쪽으로 끌어내립니다. V와 함께 커지지만 세지 않은 비용은 끌어올립니다. 네거티브 샘플링에서는 부정적 예 뽑기가
# 그렇습니다. 한 번 뽑을 때마다 누적 확률 V개의 표를 이분 탐색하므로 비교를 약 log2 V번 합니다(gensim의
# `bisect_left`도 같습니다). 또 세 길 모두, 행렬이 프로세서 캐시에 다 들어가지 않게 되면 메모리를 읽는 데 시간이
# 더 듭니다. 소프트맥스는 단계마다 출력 행렬 전체를 읽고(가장 큰 V에서의 크기가 첫 번째 표 아래에 출력되어
# 있습니다), 나머지 둘은 V와 함께 커지는 행렬에서 행 몇 개를 읽습니다. 어느 쪽이 이기는지, 그래서 잰 시간의 로그-로그
# 기울기가 세어 본 값보다 높게 나오는지 낮게 나오는지는 컴퓨터에 따라 다릅니다. 기준은 세어 본 일의 양(소프트맥스는
# 로그-로그 기울기가 정확히 1)입니다.
#
# ## 4. skip-gram: 다른 모델
#
# CBOW(노트북 01~09)는 맥락 벡터들의 평균을 `h`로 삼아 가운데 단어를 예측합니다. **skip-gram**은 반대로, 가운데
# 단어의 벡터가 `h`이고 윈도우의 단어를 하나씩 예측합니다. (가운데 단어, 맥락 단어) 쌍마다 출력 질문이 하나씩입니다.
# 교재는 3장에서 소프트맥스 손실 두 개로 이것을 구현합니다 (`ch03/simple_skip_gram.py`: 맥락 위치마다
# `SoftmaxWithLoss` 하나, 손실을 더함). 4장에서는 `Embedding`과 `NegativeSamplingLoss`로 구현합니다
# (`ch04/skip_gram.py`이며, `ch04/train.py`의 주석이 이것을 다른 모델로 제시합니다). 5절에서 학습하는 것도 같은
# 모델이지만, 컴파일되어 있고 word2vec의 동적 윈도우(dynamic window)와 하위 샘플링(subsampling)을 씁니다. 패키지에는
# 계층으로 만든 `w2vlib.SkipGram`과 `fast.train(model="skipgram")`이 있습니다.
#
# skip-gram은 단어마다가 아니라 쌍마다 학습 예를 하나씩 만듭니다. word2vec의 동적 윈도우에서는 반경을 1부터
# `WINDOW_SIZE`까지 중에서 뽑으므로, 단어 하나는 평균 `2 × (WINDOW_SIZE + 1) / 2 = WINDOW_SIZE + 1`개의 맥락 단어를
# 갖습니다 (윈도우가 잘리는 곳에서는 조금 적습니다). 아래 셀은 반경 뽑기를 모의 실험해 이 식을 보여 주는 예시입니다.

# %%
radius = np.random.default_rng(SEED).integers(1, WINDOW_SIZE + 1, size=100_000)
print(f"WINDOW_SIZE = {WINDOW_SIZE}일 때 단어 하나당 쌍의 수: {np.mean(2 * radius):.2f} (모의 실험), "
      f"{WINDOW_SIZE + 1} (식의 값)")

# %% [markdown]
# 그래서 skip-gram은 말뭉치의 단어 하나당 CBOW의 약 `WINDOW_SIZE + 1`배만큼 출력 쪽 일을 합니다. 이 패키지의
# 컴파일된 커널에서는 가운데 단어의 행이 맥락 단어를 하나씩 예측합니다. word2vec.c와 gensim에서는 맥락 단어의 행이
# 가운데 단어를 예측합니다 (gensim의 `w2v_fast_sentence_sg_hs`는 가운데 단어의 경로와 맥락 단어의 행을 받습니다).
# 윈도우 안에서는 같은 쌍들입니다.
#
# 그래도 전체 일의 양이 CBOW의 `WINDOW_SIZE + 1`배가 되지는 않습니다. CBOW에는 skip-gram에 거의 없는 입력 쪽 일이
# 있기 때문입니다. 말뭉치의 단어 하나당, 길이 H인 행을 한 번 훑는 횟수를 세어 봅시다. 맥락 단어는 c ≈
# `WINDOW_SIZE + 1`개, 예측 하나의 출력 행은 m개입니다(네거티브 샘플링은 m = k + 1, 계층적 소프트맥스는 평균 경로
# 길이). 커널은 출력 행마다 내적을 계산하고, 그 행을 오차에 더하고, 그 행을 갱신합니다. 세 번 훑습니다. CBOW는 맥락
# 행 c개를 더하고 오차를 각 행에 다시 더하므로 2c + 3m입니다. skip-gram은 가운데 단어의 행으로 예측을 c번 하고, 그
# 행의 오차를 윈도우 전체에서 모아 한 번 갱신하므로 3cm + 2입니다. word2vec.c와 gensim은 그 대신 쌍마다 맥락 단어의
# 행을 갱신하므로(word2vec.c는 쌍마다 도는 반복문 안에서 `neu1e`를 0으로 되돌리고 `syn0`에 더합니다) 3cm + 2c입니다.
# 여기서의 예측은 이 패키지의 커널을 따라 3cm + 2를 씁니다. 예측되는 비율은 (3cm + 2) / (2c + 3m)으로 c보다
# 작습니다. 다음 셀들이 이 값과 측정한 비율을 출력합니다.
#
# ## 5. PTB에서 네 번 학습하기: CBOW와 skip-gram, 네거티브 샘플링과 계층적 소프트맥스
#
# 이제 두 모델과 두 길을 노트북 09의 컴파일된 백엔드(`fast.train(..., backend="numba")`, 계층적 소프트맥스는
# gensim의 이름대로 `hs=1, negative=0`)로 PTB에서 학습합니다. 시드, `HIDDEN_SIZE`, `WINDOW_SIZE`, 하위
# 샘플링 임계값 `SAMPLE`이 모두 같고, 노트북이 짧게 끝나도록 각각 `EPOCHS` 에폭만 학습합니다. 벡터는
# 수렴과는 거리가 멀므로 이 표는 최고 점수가 아니라 넷을 서로 비교하는 용도로 읽으세요. 학습률(learning rate)은
# 컴파일된 백엔드에서 `fast.train`의 기본값인 word2vec.c의 값(`alpha = 0.025`, `cbow`이면 0.05)이고, 표는 그 값을
# 각 학습에서 다시 읽어 보여 줍니다. 짧은 준비 실행이 먼저 각 커널을 컴파일하므로(또는 numba의 캐시에서
# 불러오므로) 컴파일 시간은 재지 않습니다.
#
# 손실은 무엇과 비교해야 할까요? 두 길은 서로 다른 양을 보고합니다. 계층적 소프트맥스는 V개 단어에 대한 로그 확률인
# `−ln P(target | context)`를 나트(nat) 단위로 보고합니다. 그 귀무 기준은 맥락을 무시하고 각 단어가 얼마나 자주
# 타깃이 되는지만 아는 모델이고, 그 손실은 타깃들의 엔트로피(나트)입니다(타깃은 하위 샘플링이 남긴 단어입니다.
# 맥락 단어가 타깃인 skip-gram에서도 분포는 거의 같습니다).
# 네거티브 샘플링은 이진 교차 엔트로피 오차 k + 1개의 합을 보고하는데, 이것은 로그 확률이 아닙니다. 맥락을 무시하는 그
# 귀무 기준은 단어마다 가장 좋은 고정 점수 `x = ln(p(w) / (k q(w)))`를 줍니다. p는 타깃의 분포, q는 부정적 예의
# 분포(횟수^0.75)이고, 손실은 `Σ p(w) (−ln σ(x)) + k Σ q(w) (−ln σ(−x))`입니다. 그러니 각 행은 자기 귀무 기준과만
# 비교하고, 네거티브 샘플링의 행을 계층적 소프트맥스의 행과 비교하지는 마세요. 셀은 모든 출력 벡터가 0인 시작
# 시점의 손실(시그모이드가 모두 1/2)도 출력합니다. 경로의 노드마다 ln 2, 그리고 (k + 1) ln 2입니다.

# %%
keep = fast.subsample_keep_prob(counts, SAMPLE)          # word2vec.c의 단어별 남을 확률
p_target = counts * keep / (counts * keep).sum()         # 하위 샘플링 뒤의 타깃
q_noise = counts ** 0.75 / (counts ** 0.75).sum()        # 부정적 예 (w2vlib의 지수 0.75)
path_kept = float(p_target @ lengths)                    # 학습 예 하나의 평균 경로
null_loss = {"계층적 소프트맥스": float(-(p_target * np.log(p_target)).sum())}
x_best = np.log(p_target / (NEGATIVE * q_noise))
null_loss["네거티브 샘플링"] = float(p_target @ np.logaddexp(0, -x_best) + NEGATIVE * q_noise @ np.logaddexp(0, x_best))
start_loss = {"계층적 소프트맥스": math.log(2) * path_kept, "네거티브 샘플링": (NEGATIVE + 1) * math.log(2)}
print(f"하위 샘플링 뒤 학습 예 하나의 평균 경로 길이: {path_kept:.2f} "
      f"(원문의 단어 하나당: {L_mean:.2f})")
print(f"V개 단어를 고르게 찍을 때: ln V = {math.log(V):.3f}나트")
print(format_table(["출력 계층", "시작 시점의 손실", "맥락을 무시한 귀무 기준", "단위"],
                   [[r, f"{start_loss[r]:.3f}", f"{null_loss[r]:.3f}", u] for r, u in
                    (("네거티브 샘플링", f"이진 교차 엔트로피 오차 {NEGATIVE + 1}개의 합"),
                     ("계층적 소프트맥스", "나트: -ln P(target)"))]))
c_ctx = WINDOW_SIZE + 1
m_out = {"네거티브 샘플링": NEGATIVE + 1, "계층적 소프트맥스": path_kept}
predicted_ratio = {r: (3 * c_ctx * m + 2) / (2 * c_ctx + 3 * m) for r, m in m_out.items()}
RATIO_BAR = {"네거티브 샘플링": 3, "계층적 소프트맥스": 2}   # 위쪽 기준: 예측의 이 배수
print("skip-gram / CBOW, 단어 하나당 행을 훑는 횟수 (3cm + 2) / (2c + 3m), c = " + str(c_ctx) + ": "
      + ", ".join(f"{r} {predicted_ratio[r]:.2f}" for r in m_out))

# %% tags=["nbval-ignore-output"]
runs = {}
for model in ("cbow", "skipgram"):
    for road in ("네거티브 샘플링", "계층적 소프트맥스"):
        output = dict(hs=1, negative=0) if road == "계층적 소프트맥스" else dict(negative=NEGATIVE)
        fast.train(corpus[:2_000], V, model=model, backend="numba", epochs=1, sample=0, progress=False,
                   **output)                    # 준비 실행: 커널을 컴파일합니다 (또는 캐시에서 불러옵니다)
        runs[(model, road)] = fast.train(corpus, V, model=model, hidden_size=HIDDEN_SIZE,
                                         window_size=WINDOW_SIZE, epochs=EPOCHS, seed=SEED, sample=SAMPLE,
                                         backend="numba", threads=THREADS, progress=False, **output)
print(format_table(["모델", "출력 계층", "학습률", "초", "초당 단어 수", "마지막 에폭의 손실", "귀무 기준"],
                   [[m, r, f"{res.settings['alpha']:g}", f"{res.wall_time:.2f}", f"{res.words_per_sec:,.0f}",
                     f"{res.loss_per_epoch[-1]:.3f}", f"{null_loss[r]:.3f}"] for (m, r), res in runs.items()]))
print("각 학습에서 다시 읽은 하위 샘플링 임계값:", sorted({res.settings["sample"] for res in runs.values()}))
seconds = {key: res.wall_time for key, res in runs.items()}
for road in m_out:
    print(f"skip-gram / CBOW 학습 시간, {road}: {seconds[('skipgram', road)] / seconds[('cbow', road)]:.2f} "
          f"(행을 훑는 횟수로 예측한 값 {predicted_ratio[road]:.2f}, 측정 / 예측 "
          f"{seconds[('skipgram', road)] / seconds[('cbow', road)] / predicted_ratio[road]:.2f})")

# %% [markdown]
# 각 손실은 자기 귀무 기준과 견주어 읽으세요. 손실 자체가 아니라 귀무 기준보다 낮은 만큼이 맥락이 모델에 가르쳐 준
# 양이고, 같은 길 안에서만 비교할 수 있습니다. (여기서 손실은 마지막 에폭의 평균입니다. `EPOCHS = 1`이면 그 평균에
# 학습 전의 시작 부분이 들어가므로, 어떤 행은 아직 귀무 기준보다 높을 수 있습니다.)
# 행 세기는 skip-gram / CBOW 비율의 대략적인 길잡이일 뿐 시간의 모형이 아니며, 마지막 두 줄은 측정 / 예측을
# 출력해서 어느 쪽으로 빗나가는지 보여 줍니다. 행 세기는 행을 훑는 일을 모두 같게 치고 나머지는
# 빼고 셉니다. 네거티브 샘플링은 예측마다 부정적 예 k개를 무작위로 뽑는데(단어 하나당 CBOW는 k개, skip-gram은
# c·k개), 뽑을 때마다 난수 하나와 표 조회가 듭니다. 계층적 소프트맥스는 아무것도 뽑지 않습니다. 두 모델이
# 단어마다 한 번씩 똑같이 하는 일은 비율을 1 쪽으로, 곧 예측보다 낮은 쪽으로 끌어내리는데, 그 크기는 행 세기로는 알 수
# 없습니다. 게다가 공유 컴퓨터에서 한 번 잰 학습 시간의 비율은 실행할 때마다 달라집니다(셀을 다시 실행해 보세요).
# 그래서 아래의 확인은 비율이 1.5보다 크고, 계층적 소프트맥스는 예측의 두 배, 네거티브 샘플링은 세지 않은 뽑기가
# 비율을 끌어올리므로 예측의 세 배보다 작은지만 봅니다. `EPOCHS`가 2 이상이면 모든 손실이 맥락 없는 귀무 기준보다
# 낮게 끝나는지, 그리고 WordSim-353이 설치되어 있으면 적어도 한 학습의 WordSim-353 상관계수가 무작위 벡터
# 표준오차의 두 배를 넘는지도 확인합니다.
#
# 품질은 노트북 06처럼 평가합니다. 이 프로젝트의 PTB 유추 문제(`data/analogies_ptb.txt`)에서 3CosAdd 정확도를
# 이항 표준오차, 그리고 V개 단어 중 하나를 찍는 우연 수준과 함께 봅니다. gensim의 테스트 데이터가 설치되어 있으면
# PTB가 다루는 구글 유추 문제, 그리고 사람의 평가와의 스피어먼 상관계수(Spearman correlation)로 재는 WordSim-353도 봅니다. 귀무 기준도 코드로
# 계산합니다. 찍기만으로 그만큼 맞힐 확률, 그리고 무작위 벡터의 스피어먼 상관계수(약 0, 오차는
# `sqrt(1.06 / (쌍의 수 - 3))` 정도)입니다. 피셔 변환으로 구한 피어슨 상관계수의 표준오차 `1 / sqrt(쌍의 수 - 3)`에,
# 스피어먼 상관계수에 맞게 분산에 Fieller, Hartley, Pearson의 인수 1.06을 곱해 넓힌 값입니다.

# %% tags=["nbval-ignore-output"]
benchmarks = {"PTB 유추": ("analogy", Path("../..") / "data" / "analogies_ptb.txt")}
if have_gensim:
    from gensim.test.utils import datapath
    if Path(datapath("questions-words.txt")).is_file():
        benchmarks["구글 유추"] = ("analogy", datapath("questions-words.txt"))
    if Path(datapath("wordsim353.tsv")).is_file():
        benchmarks["WordSim-353"] = ("similarity", datapath("wordsim353.tsv"))


def score(W):
    """{벤치마크: (점수, 표준오차, 문제별 정답 여부, 문제)}. 정확도: 이항 분포의 표준오차(점수 0이 표준오차 0을 받지
    않도록 p(1 - p)의 하한을 1/n으로 둠), 문제마다 True/False 하나와 문제의 단어 id (아래의 비교용).
    스피어먼: 표준오차 약 sqrt(1.06 / (n - 3)) (Fieller), 문제별 결과 없음."""
    out = {}
    for b, (kind, path) in benchmarks.items():
        if kind == "analogy":
            res = evaluate_analogies(path, W, word_to_id)
            acc = res.accuracy
            out[b] = (acc, math.sqrt(max(acc * (1 - acc), 1 / res.n_answered) / res.n_answered), res.correct,
                      res.questions)
        else:
            res = evaluate_similarity(path, W, word_to_id)
            out[b] = (res.spearman, math.sqrt(1.06 / (res.n_pairs - 3)), None, None)
    return out


scores = {key: score(res.W_in) for key, res in runs.items()}
random_W = np.random.default_rng(SEED).standard_normal((V, HIDDEN_SIZE)).astype(np.float32)
null = score(random_W)
rows = [[m, r] + [f"{s[b][0]:.4f} ± {s[b][1]:.4f}" for b in benchmarks] for (m, r), s in scores.items()]
rows.append(["무작위 벡터", "(귀무 기준)"] + [f"{null[b][0]:.4f}" for b in benchmarks])
print(format_table(["모델", "출력 계층"] + list(benchmarks), rows))
print(f"유추 문제의 우연 수준 ({V:,}개 단어 중 하나를 찍을 때): {1 / V:.4f}")
if "WordSim-353" in benchmarks:
    above = [key for key, sc in scores.items() if sc["WordSim-353"][0] > 2 * sc["WordSim-353"][1]]
    print(f"WordSim-353: 학습 {len(scores)}번 중 {len(above)}번은 사람의 평가와의 상관계수가 무작위 벡터 표준오차의 "
          "두 배를 넘습니다")

# %%
for (m, r), sc in scores.items():
    flags = sc["PTB 유추"][2]
    p_chance = binom.sf(flags.sum() - 1, flags.size, 1 / V)   # 찍어서 그만큼 맞힐 확률
    assert p_chance < 1e-3, f"{m}, {r}: PTB 유추 문제에서 찍기보다 낫지 않습니다"
    bar = null_loss[r] if EPOCHS >= 2 else start_loss[r]      # 한 에폭의 평균에는 학습 전의 시작 부분이 들어갑니다
    assert runs[(m, r)].loss_per_epoch[-1] < bar, f"{m}, {r}: 손실 {runs[(m, r)].loss_per_epoch[-1]:.3f}이(가) {bar:.3f}보다 낮지 않습니다"
if "WordSim-353" in benchmarks and EPOCHS >= 2:                # 한 에폭으로는 기준을 넘지 못할 수 있음
    assert above, "적어도 한 번은 사람의 평가와 상관관계가 있어야 합니다 (EPOCHS를 늘려 보세요)"
for road in m_out:
    ratio = seconds[("skipgram", road)] / seconds[("cbow", road)]
    assert 1.5 < ratio < RATIO_BAR[road] * predicted_ratio[road], f"{road}: skip-gram / CBOW = {ratio:.2f} (컴퓨터가 바빴다면 다시 실행해 보세요)"
print("확인 통과. 모든 학습이 PTB 유추 문제를 찍기보다 훨씬 많이 맞히고 (p < 0.001), "
      "마지막 손실이 " + ("맥락 없는 귀무 기준" if EPOCHS >= 2 else "시작 시점의 손실") + "보다 낮습니다. skip-gram은 CBOW보다 "
      "1.5배 넘게 오래 걸리고, 예측한 비율의 " + ", ".join(
          f"{RATIO_BAR[road]}배({road})" for road in m_out) + "보다는 짧게 걸립니다.")

# %% [markdown]
# 행 사이의 어떤 차이가 잡음 이상일까요? 위의 표준오차(SE)는 문제 수만 반영합니다. 두 학습은 *같은* 문제를 풀므로 더
# 민감한 검정은 대응 표본 검정(paired test)입니다. 문제마다 두 학습의 맞음(1)과 틀림(0)의 차이를 구하고, 그 평균을 그 표준오차와
# 비교합니다. 이것은 정규 근사로 쓴 McNemar 검정과 사실상 같습니다. McNemar 검정은 첫 번째 학습만 맞힌 문제 수
# b와 두 번째 학습만 맞힌 문제 수 c로 b − c를 √(b + c)로 나눕니다. 문제가 n개일 때 두 통계량의 상대적인 차이는
# (b − c)²/(n(b + c)) + 1/n 정도이므로, 문제가 수천 개이고 결과가 갈린 문제가 적으면 무시할 만합니다.
# WordSim-353은 여기서 문제별 결과가 없으므로 √(SE₁² + SE₂²)를
# 쓰는데, 두 학습의 오차가 같은 쌍에서 같은 방향으로 움직이면 이 값은 대응 표본의 표준오차보다 큽니다. 학습이 넷이면 벤치마크마다 쌍이 여섯
# 개입니다. 표준오차의 2배(2 SE)를 기준으로 삼으면 순수한 잡음뿐인 여섯 쌍 중 적어도 하나가 걸릴 확률이, 여섯 쌍이
# 서로 독립이라면 약 4분의 1입니다(1 − 0.95⁶ ≈ 0.26, 쌍들이 같은 학습을 나눠 쓰므로 대략적인 값입니다). 3배(3 SE)를
# 기준으로 삼으면 쌍들이 서로 어떻게 얽혀 있든 2% 미만입니다(본페로니(Bonferroni) 한계 6 × 0.0027). 셀은 3 SE를 씁니다.

# %% tags=["nbval-ignore-output"]
label = {key: f"{key[0]} + {key[1]}" for key in scores}
keys = list(scores)
for b in benchmarks:
    beyond, within = [], 0
    for i, j in [(i, j) for i in range(len(keys)) for j in range(i + 1, len(keys))]:
        (s1, se1, f1, _), (s2, se2, f2, _) = scores[keys[i]][b], scores[keys[j]][b]
        if f1 is not None:
            d = f1.astype(float) - f2.astype(float)
            se = d.std(ddof=1) / math.sqrt(d.size)       # 대응 표본의 표준오차
        else:
            se = math.sqrt(se1 ** 2 + se2 ** 2)
        z = (s1 - s2) / se if se > 0 else 0.0
        if abs(z) > 3:
            hi, lo = (keys[i], keys[j]) if z > 0 else (keys[j], keys[i])
            beyond.append(f"{label[hi]} > {label[lo]}, 차이 {abs(s1 - s2):.4f} ({abs(z):.2f} SE)")
        else:
            within += 1
    print(f"{b}: " + (" / ".join(beyond) + ". " if beyond else "") + f"쌍 6개 중 {'나머지 ' if beyond else ''}{within}개는 차이가 표준오차의 3배 이내입니다.")

# %% [markdown]
# word2vec 프로젝트 페이지(`README.txt`가 안내하는 페이지)는 "Performance" 부분에서 경험칙을 줍니다. "hierarchical
# softmax (better for infrequent words) vs negative sampling (better for frequent words, better with low
# dimensional vectors)", 즉 계층적 소프트맥스는 드문 단어에, 네거티브 샘플링은 잦은 단어와 낮은 차원의 벡터에 더
# 낫다는 것입니다. 유추 문제로 이것을 여기서 시험해 볼 수 있습니다. 정답 단어의 출현 횟수의 중앙값에서 문제를 둘로
# 나누고, 모델마다 그리고 절반마다 두 길을 위와 같은 대응 표본으로 비교합니다. 절반 하나에서 한 길만 맞히고 다른
# 길은 틀린 문제는 몇 개뿐일 수 있어서 정규 근사에는 너무 적습니다. 그래서 판정에는 대응 표본 검정의 정확한 형태를
# 씁니다. 그런 문제들이 두 길에 나뉜 비율이 우연으로 설명할 수 있는 정도보다 50:50에서 더 벗어나는지를 노트북
# 06의 양측 부호 검정(sign test, 정확한 이항 검정)으로 봅니다. 기준은 3 SE와 같은 수준(p < 0.0027)입니다. 셀은 절반마다 어느 길이 앞서는지, 그것이 경험칙과 맞는지 출력합니다.

# %% tags=["nbval-ignore-output"]
b_split = "구글 유추" if "구글 유추" in benchmarks else "PTB 유추"
answer_count = counts[scores[keys[0]][b_split][3][:, 3]]
rare = answer_count < np.median(answer_count)
print(f"{b_split}, 정답 단어의 PTB 출현 횟수의 중앙값({np.median(answer_count):,.0f})에서 나눔")
P_BAR = 0.0027                                   # 양측, 위의 대응 표본 검정의 3 SE 수준
outcome = {"agrees": 0, "against": 0, "noise": 0}
for model in ("cbow", "skipgram"):
    for half, mask, rule_hs in (("드문 정답", rare, True), ("잦은 정답", ~rare, False)):
        f_hs = scores[(model, "계층적 소프트맥스")][b_split][2][mask].astype(float)
        f_ns = scores[(model, "네거티브 샘플링")][b_split][2][mask].astype(float)
        d = f_hs - f_ns
        se = d.std(ddof=1) / math.sqrt(d.size)
        z = d.mean() / se if se > 0 else 0.0
        only_hs, only_ns = int((d > 0).sum()), int((d < 0).sum())   # 한 길만 맞힌 문제
        p_exact = binomtest(only_hs, only_hs + only_ns, 0.5).pvalue if only_hs + only_ns > 0 else 1.0
        key = "noise" if p_exact >= P_BAR else ("agrees" if (only_hs > only_ns) == rule_hs else "against")
        outcome[key] += 1
        leader = "계층적 소프트맥스" if only_hs > only_ns else "네거티브 샘플링"
        verdict = {"agrees": f"{leader} 쪽이 앞서고, 경험칙과 맞습니다", "against": f"{leader} 쪽이 앞서고, 경험칙과 반대입니다",
                   "noise": "잡음 범위 안이므로 판정하지 않습니다"}[key]
        print(f"  {model}, {half} (문제 {mask.sum():,}개): 계층적 소프트맥스 {f_hs.mean():.4f}, "
              f"네거티브 샘플링 {f_ns.mean():.4f}, 차이 {d.mean():+.4f} ({z:+.1f} SE)")
        print(f"    한 길만 맞힌 문제: 계층적 소프트맥스만 {only_hs}개, 네거티브 샘플링만 {only_ns}개. "
              f"부호 검정 p = {p_exact:.2g}, {verdict}.")
print(f"{EPOCHS}에폭 학습한 PTB에서 본 경험칙, 절반 4개 중 맞음 {outcome['agrees']}개, "
      f"반대 {outcome['against']}개, 잡음 범위 안 {outcome['noise']}개")

# %% [markdown]
# 이 검정들은 문제 수만 셉니다. 학습의 잡음은 세지 않습니다. 시드를 바꾸어도 점수가 움직이고(노트북 05가 그 퍼짐을
# 측정합니다), 같은 시드로 다시 실행해도 움직입니다. `THREADS`가 1보다 크면 학습기의 스레드들이 공유하는 행을
# 실행되는 순서대로 갱신하므로(Hogwild), 같은 시드라도 같은 점수가 나온다는 보장이 없습니다. 3 SE를 넉넉히 넘는 차이는
# 믿어도 되지만, 기준을 겨우 넘는 차이는 다시 실행하면 사라질 수 있습니다.
#
# 벤치마크 `benchmarks/bench_hs.py`는 명령줄을 `--hs 1 --negative 0 --backend numba`로 실행해 gensim의
# `Word2Vec(hs=1, negative=0)`과 PTB CBOW에서 비교합니다. 한 번의 실행에서 각각 시드 여러 개를 돌립니다
# (`benchmarks/results/ptb_hs.txt`는 출력된 보고서로 README에 인용되어 있고, 아래 셀은 `ptb_hs.json`에서 수를
# 읽습니다). 이 벤치마크의 표준오차는 시드 사이의 퍼짐(시드별 점수의 흩어짐)에서 온 것으로, 위의 문제 수에서 온 표준오차와
# 다릅니다. 판정 규칙은 이렇습니다. 시드들에 대한 w2vlib의 평균이 gensim의 평균에서 차이의 표준오차 두 배를 뺀
# 값보다 크면 "뒤지지 않음", 작으면 "뒤짐", 두 배를 더한 값보다 크면 "앞섬"입니다. 학습마다 시드가 몇 개뿐이면 2라는 기준은
# 너그러우므로, 아래 셀은 그 대신 웰치(Welch) 자유도를 쓴 스튜던트(Student) t의 5% 기준(출력되며, 시드가 적을수록 2보다 더 큽니다)을 쓰고, 두
# 기준 사이에 놓인 차이는 경계선이라고 표시하고, 보고서의 2 SE 규칙으로는 어떤 판정인지 함께 적습니다. "뒤지지 않음"은 큰 차이로 뒤지지 않는다는
# 뜻이지, 둘이 같다는 증명은 아닙니다. gensim은 두 번 돌립니다. 한 번은 gensim 자신의
# 기본 학습률 `alpha=0.025`로, 한 번은 word2vec.c가 (그래서 w2vlib도) CBOW에 쓰는 0.05로 돌려서, 앞의 둘 사이의
# 차이가 학습률 때문인지 아닌지 가릴 수 있게 합니다.

# %%
bench_file = Path("../..") / "benchmarks" / "results" / "ptb_hs.json"
metric_name = {"google_analogy": "구글 유추", "wordsim353": "WordSim-353"}
if bench_file.is_file():
    bench = json.loads(bench_file.read_text())

    def seed_diff(arm_a, arm_b, metric):
        """두 학습의 평균, 그 차이의 시드 사이 표준오차, 그리고 웰치 자유도를 쓴 스튜던트 t의 양측 5% 기준
        (벤치마크 보고서는 2를 씁니다)."""
        a, b = (np.array([row[metric] for row in bench["rows"][arm]]) for arm in (arm_a, arm_b))
        va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
        df = (va + vb) ** 2 / (va ** 2 / (a.size - 1) + vb ** 2 / (b.size - 1))
        return a.mean(), b.mean(), math.sqrt(va + vb), float(student_t.ppf(0.975, df))

    print(f"PTB CBOW, {bench['settings']['epochs']}에폭, 학습마다 시드 {len(bench['settings']['seeds'])}개. "
          "기준은 웰치 자유도를 쓴 스튜던트 t의 양측 5%")
    for against, arm in (("gensim, alpha 0.025 (gensim의 기본값)", "gensim_hs"),
                         ("gensim, alpha 0.05 (w2vlib과 같음)", "gensim_hs_alpha05")):
        print(f"w2vlib 대 {against}")
        for metric in metric_name:
            ours, theirs, se, t_bar = seed_diff("cli_hs", arm, metric)
            z = (ours - theirs) / se
            word = "앞섬" if z > t_bar else ("뒤지지 않음" if z >= -t_bar else "뒤짐")
            if 2 <= abs(z) <= t_bar:
                word = ("경계선 (보고서의 2 SE 규칙으로는 " + ("앞섬" if z > 0 else "뒤짐")
                        + ", t 기준 안)")
            print(f"  {metric_name[metric]}: w2vlib {ours:.4f}, gensim {theirs:.4f}, 차이 "
                  f"{ours - theirs:+.4f} = {z:+.2f} SE (기준 {t_bar:.2f}), 판정: {word}")
    print("학습률만의 효과, alpha 0.05의 gensim 대 0.025의 gensim")
    for metric in metric_name:
        fast_rate, default_rate, se, t_bar = seed_diff("gensim_hs_alpha05", "gensim_hs", metric)
        z = (fast_rate - default_rate) / se
        word = "잡음보다 큼" if abs(z) > t_bar else "잡음 범위 안"
        print(f"  {metric_name[metric]}: {fast_rate:.4f} 대 {default_rate:.4f}, 차이 "
              f"{fast_rate - default_rate:+.4f} = {z:+.2f} SE (기준 {t_bar:.2f}), 판정: {word}")
else:
    print("benchmarks/results/ptb_hs.json이 없습니다. python benchmarks/bench_hs.py를 실행해 보세요.")

# %% [markdown]
# gensim의 기본 학습률에서는 두 벤치마크 모두 w2vlib이 앞섭니다. 같은 학습률에서는 유추 문제에서 gensim의 평균이
# 약 2 SE 더 높지만 t 기준 안이므로 경계선입니다. 기준이 2인 벤치마크 보고서는 이 차이를 뒤짐으로 판정합니다. 시드가
# 다섯 개뿐이므로 t 기준이 더 공정하고, 이 차이는 두 기준 사이에 있습니다. WordSim-353과의 상관계수는 여전히 w2vlib이
# 더 높습니다. 마지막 두 줄은 gensim을 gensim과 비교합니다. 학습률은 gensim의 유추 점수를 잡음보다 크게 움직이지만,
# WordSim-353 점수의 변화는 잡음 범위 안입니다. 그러니 "같은 설정"에는 적어도 유추 문제에서는 학습률도 들어가야
# 합니다. 학습률이 같아도 두 프로그램은 다른 점이 더 있습니다. 한
# 예로, w2vlib의 윈도우는 PTB의 문장 끝을 넘어가지만(10,000단어짜리 조각의 끝에서만 멈춥니다), 한 줄을 한 문장으로
# 받은 gensim은 거기서 멈춥니다.

# %% [markdown]
# ## 6. 언제 무엇을 고를지
#
# 출처가 말하는 것, 그리고 여기서 측정한 것입니다.
#
# - **기본값.** word2vec.c는 `hs = 0, negative = 5`로 시작하고(`-negative`의 사용법 문구: "default is 5, common
#   values are 3 - 10"), gensim의
#   `Word2Vec`도 `hs=0, negative=5`입니다. 네거티브 샘플링을 소개한 2013년 논문은 arXiv 초록에서 그것을 "계층적
#   소프트맥스의 간단한 대안(a simple alternative to the hierarchical softmax)"으로 소개합니다.
# - **둘을 함께 쓰기.** word2vec.c는 이를 허용하고(`README.txt`: "hierarchical softmax and / or negative
#   sampling"), gensim도 허용합니다. 그러면 둘 다 출력 계층을 두 개 학습합니다. gensim은 `hs=1`과 `negative > 0`을
#   함께 쓰면 "아마 실수(is probably a mistake)"라고 경고합니다. `w2vlib.fast.train`은 한 번의 실행이 한 길만 보여
#   주도록 이 조합을 거부합니다.
# - **비용.** 학습 예 하나에 네거티브 샘플링은 내적 k + 1개, 계층적 소프트맥스는 타깃 경로의 노드마다 내적 하나가
#   듭니다. 그 수를 원문의 단어에 대해 평균하면 단어들의 비트 단위 엔트로피쯤이고(2절), 하위 샘플링이 경로가 짧은
#   잦은 단어를 덜어 내므로 하위 샘플링 뒤의 학습 예에 대해 평균하면 더 큽니다(5절이 둘 다 출력합니다). 둘 다 V가 커져도 거의
#   평평합니다 (3절). 부정적 예가 적으면 네거티브 샘플링이 일을 덜 합니다. 여러분 컴퓨터에서의 실제 시간은 5절의 표에
#   있습니다.
# - **품질.** 5절에서 네 학습의 표 다음에 나오는 대응 표본 검정이 벤치마크마다 네 학습 중 어느 쌍이 3 SE보다 크게 다른지 출력합니다. 순위가
#   아니라 이 검정으로 판단하세요. 논문의 학회 발표판(NIPS 2013, 지금의 NeurIPS)은 초록에서 네거티브 샘플링이 "계층적
#   소프트맥스보다 잦은 단어의 벡터를 더 정확하게 학습한다(learns more accurate vectors for frequent words compared
#   to the hierarchical softmax)"고 보고합니다. 그것은 논문 자신의 설정에서 skip-gram으로 얻은 결과이고, PTB에서
#   두 에폭 학습한 결과가 같을 필요는 없습니다. gensim의 계층적 소프트맥스와 비교한 벤치마크는 5절 끝에 출력되어
#   있습니다.
# - **만든 사람들의 경험칙.** word2vec 프로젝트 페이지는 "architecture: skip-gram (slower, better for infrequent
#   words) vs CBOW (fast)", "hierarchical softmax (better for infrequent words) vs negative sampling (better for
#   frequent words, better with low dimensional vectors)"라고 적습니다. 5절은 유추 문제를 정답의 빈도로 나누고,
#   모델마다 절반마다 어느 길이 앞서는지, 그것이 경험칙과 맞는지 출력합니다. 백만 단어에서 `EPOCHS` 에폭만
#   학습한 결과가 경험칙을 따를 필요는 없습니다.
# - **CBOW냐 skip-gram이냐.** skip-gram은 단어 하나당 약 `WINDOW_SIZE + 1`개의 학습 예를 만들므로 CBOW의 몇 배가
#   듭니다. 얼마나 드는지는 4절의 행 세기가 예측하고 5절이 측정합니다. word2vec.c에서는 두 모델 모두 단어 하나당
#   입력 행을 약 c개 갱신합니다. CBOW는 오차 `neu1e`를 맥락 단어 모두의 행에 더하고(`// hidden -> in` 반복문),
#   skip-gram은 쌍마다 맥락 단어의 행을 갱신합니다. 이 패키지의 skip-gram 커널은 윈도우마다 가운데 단어의 행을 한 번
#   갱신합니다. 진짜 차이는 skip-gram에서는 쌍마다
#   예측과 기울기가 따로 있고, CBOW에서는 한 윈도우가 평균한 맥락의 기울기 하나를 함께 쓴다는 점입니다.
#
# ## 정리
#
# - 계층적 소프트맥스(hierarchical softmax)는 V개 단어를 내부 노드가 V − 1개인 이진 트리의 잎에 둡니다. `W`는 내부
#   노드마다 행이 하나이고 형상은 (V − 1, H)입니다. 단어의 확률은 경로의 시그모이드(sigmoid)를 곱한 값으로, 왼쪽(비트 0)
#   단계는 `σ(x)`, 오른쪽 단계는 `σ(−x)`입니다. 노드마다 도달한 확률을 나누므로 V개 확률(probability)의 합은 1입니다.
# - 이 트리는 허프만 트리(Huffman tree)입니다. 노드가 하나 남을 때까지 가장 작은 두 빈도(frequency)를 합칩니다.
#   `w2vlib.huffman_codes`는 gensim의 코드(code)와 `points`를 돌려주고, 자주 나오는 단어는 짧은 경로(path)를 받습니다.
# - PTB에서 평균 경로 길이는 단어 분포의 엔트로피(entropy)보다 1비트 미만만 길고, 균형 트리의 log₂ V보다 훨씬 짧으며,
#   gensim 트리의 값과 같습니다.
# - `HierarchicalSoftmaxLoss`는 교재의 계층과 같은 형태를 갖고 기울기 확인(gradient check)을 통과합니다. 컴파일된 커널
#   (`fast.train(..., hs=1, negative=0, backend="numba")`)도 같은 단계를 밟습니다
#   (`tests/test_compiled_hs.py`가 두 모델의 학습 예 하나를 계층의 SGD 단계와 비교합니다).
# - 학습 예 하나의 비용은 소프트맥스(softmax)에서는 V처럼 자라고, 네거티브 샘플링(negative sampling)과 계층적
#   소프트맥스에서는 거의 평평합니다 (세어 본 일의 양으로 그렇습니다. 잰 시간의 로그-로그 기울기는 세어 본 값 옆에
#   출력되며, 개수에 넣지 않은 비용 때문에 어느 쪽으로든 움직이지만 소프트맥스의 것보다는 훨씬 낮습니다).
# - skip-gram 모델(스킵그램)은 가운데 단어로 맥락을 예측합니다. 단어 하나당 학습 예가 약 `WINDOW_SIZE + 1`개이므로
#   CBOW보다 느리게 학습합니다.
#
# ## 연습 문제
#
# 각 `...`을 여러분의 답으로 바꾸고 셀을 실행해 보세요. 채점 결과는 `아직 풀지 않았습니다.`, `아직 정답이 아닙니다. <이유>`,
# `정답입니다.` 중 하나입니다. `q1.hint()`는 힌트를, `q1.solution()`은 참고 풀이를 보여 줍니다.
#
# 1. **손으로 만드는 허프만 코드.** 다섯 단어 "the", "cat", "sat", "on", "mat"이 각각 20, 9, 6, 4, 3번 나옵니다.
#    종이에 허프만 트리를 만들고, 단어마다 코드 길이(경로의 시그모이드 수)를 dict로 `answer_1`에 넣어 보세요.
# 2. **경로 확률.** `path_probability(h, W, code, point)`를 작성해 보세요. 이 코드와 내부 노드를 가진 단어의 확률을
#    시그모이드의 곱으로 돌려주는 함수입니다. `h`는 길이 H인 벡터, `W`는 형상이 (V − 1, H)인 내부 노드 행렬,
#    `code`는 dtype이 uint8인 0/1 비트의 numpy 배열(gensim의 dtype이며 부호가 없으므로, 0 아래로 내려갈 수 있는
#    계산 전에 정수형으로 바꿔야 합니다), `point`는 `W`의 행 번호를 담은 int32 배열로, `huffman_codes`가 돌려주는
#    그대로입니다. 채점은 작은 무작위 트리의 모든 단어에 대해 `HierarchicalSoftmaxLoss.probabilities`와 비교합니다.
# 3. **로그-로그 기울기 예측.** 3절에서 시간을 재기 전에 `prediction_3`을 적었습니다. 채점은 그것을 평균 경로
#    길이의 로그-로그 기울기와 비교하고, 잰 시간의 로그-로그 기울기도 보여 줍니다(`VOCAB_SIZES`의 범위가 10배보다
#    좁으면 노트북은 둘 다 구하지 않으므로, 채점은 이론으로만 하고 그렇다고 알려 줍니다).

# %%
answer_1 = ...                    # {"the": ..., "cat": ..., "sat": ..., "on": ..., "mat": ...}
q1.check(answer_1)
# q1.hint()
# q1.solution()


# %%
def path_probability(h, W, code, point):
    ...                           # P(word | h)를 실수 하나로 돌려줍니다 (code: 0/1의 uint8 배열, point: int32 배열)


q2.check(path_probability)
# q2.hint()
# q2.solution()

# %%
q3.check(prediction_3, theory=slope_path, vocab_sizes=VOCAB_SIZES,
         measured=None if slopes is None else slopes["계층적 소프트맥스"])
# q3.hint()
# q3.solution()

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): word2vec.c (tmikolov/word2vec: `CreateBinaryTree`, `TrainModelThread`의
# `if (hs)` 반복문과 `// hidden -> in` 반복문, `alpha`, `hs`, `negative`의 기본값과 `if (cbow) alpha = 0.05`,
# 사용법 문구), gensim 4 (`word2vec.py`: `_build_heap`,
# `_assign_binary_codes`, `Word2Vec.__init__`의 기본값과 `hs` 설명, `_check_training_sanity`의 경고,
# `word2vec_inner.pyx`: `w2v_fast_sentence_cbow_hs`, `w2v_fast_sentence_sg_hs`와 그 호출부, 부정적 예를 뽑는 `bisect_left`), 교재의 코드
# (oreilly-japan/deep-learning-from-scratch-2: `ch03/simple_skip_gram.py`, `ch04/skip_gram.py`, `ch04/train.py`),
# word2vec의 `README.txt`(training algorithm 줄)와 프로젝트 페이지(code.google.com/archive/p/word2vec의
# "Performance" 부분, 그 페이지 글의 사본으로 읽음), Mikolov 등 2013, "Distributed
# Representations of Words and Phrases and their Compositionality" (arXiv:1310.4546의 초록과 학회 발표판(NIPS 2013, 지금의
# NeurIPS)의 초록). 본문에서 이름을 든 방법: Huffman (1952), "A Method for the Construction of Minimum-Redundancy Codes",
# *Proc. IRE* 40:1098–1101, McNemar (1947), *Psychometrika* 12:153–157 (두 비율의 대응 표본 검정),
# Shannon (1948), "A Mathematical Theory of Communication", *Bell System Technical Journal* 27 (2절의 한계),
# 상관계수의 피셔 변환과 스피어먼 상관계수에 쓰는 인수 1.06(Fieller, Hartley, Pearson (1957), *Biometrika* 44,
# psychmeta의 `var_error_spearman`은 같은 인수를 r 척도에서 씁니다), Welch (1947), "The generalization of 'Student's' problem
# when several different population variances are involved", *Biometrika* 34:28–35, Hogwild: Niu, Recht, Ré,
# Wright (NIPS 2011, 노트북 09에서 인용한 것).

# %% [markdown]
# [처음으로: 01 원핫 표현의 병목](01_one_hot_bottleneck.ipynb) · [README](../../README.ko.md)
