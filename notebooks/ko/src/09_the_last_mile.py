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
# # 09. 마지막 한 걸음: word2vec.c와 gensim처럼 단어 단위 SGD를 컴파일하기
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.3절 (교재 밖 내용 포함)
#
# 노트북 05에서는 numpy로 학습을 빠르게 만들었습니다. 큰 배치(batch)와, 배치마다 여러 계산을 융합한 배열 연산 몇 번과,
# 희소한 행 갱신을 썼습니다. 이것을 word2vec 학습에 널리 쓰이는 라이브러리인 gensim과 나란히 놓아 보면(7절이
# 이 컴퓨터에서 둘의 시간을 재고 배율을 출력합니다) 자연스럽게 이런 질문이 나옵니다. **gensim은 어떻게 하는 걸까요?**
#
# 답은 2013년에 word2vec.c가 이미 내놓았습니다. **한 번에 단어 하나씩** 학습하고(단어 단위 SGD, per-word SGD),
# 그것을 **컴파일된 코드**(compiled code)로 실행하며, **스레드들이 잠금 없이 가중치를 함께 갱신합니다**(잠금 없는 병렬
# 학습, Hogwild). 그리고
# 단어마다 꼭 필요한 세 가지를 값싸게 처리합니다. 난수는 선형 합동 생성기(linear congruential generator, LCG)로, 시그모이드 함수(sigmoid function)는 표로, 부정적
# 예(negative example)는 단어 ID 10^8개짜리 표를 한 번 읽어서 얻습니다. gensim은 시그모이드 표와 같은 종류의
# 생성기(4절: 같은 상수, 상태는 64비트 대신 48비트)를 쓰고, 부정적 예는 작은 누적 표의 이진 탐색(binary search)으로
# 뽑습니다. 배치가 없으니 감쇠(damping)도 필요 없습니다. 이 노트북에서는 평범한 파이썬
# 반복문을 컴파일해 주는 [numba](https://numba.pydata.org)로 이것을 한 단계씩 만들고, 단계마다 얼마나 빨라지는지(또는
# 느려지는지) 측정합니다.
#
# **이 노트북에서 배울 내용**
# - 단어 단위 반복문이 순수 파이썬에서는 가망이 없지만 컴파일하면 빨라지는 이유 (바뀌는 것은 데코레이터 `@njit`
#   하나뿐입니다), 그리고 컴파일된 코드의 시간을 정직하게 재는 법 (먼저 컴파일하고, 그다음에 측정)
# - 기법들로 얼마나 빨라지거나 느려지는지 (측정): word2vec.c의 난수와 시그모이드 표, 그리고 word2vec.c의 거대한
#   부정적 예 표와 gensim의 이진 탐색
# - Hogwild 스레드들이 모델 하나를 함께 학습하는 방법과, 희소한 갱신 덕분에 그것이 통하는 이유
# - 단어 단위 SGD에는 감쇠가 필요 없지만 numpy의 큰 배치에는 필요했던 이유 (노트북 05)
# - 패키지의 컴파일된 백엔드 `w2vlib.fast.compiled` (`backend="numba"`)가 계층으로 쌓은 모델, numpy 고속 경로(fast
#   path), gensim과 비교해 스레드 수에 따른 속도와 벡터의 품질에서 어떤지, 그리고 그 차이가 무엇을 뜻하는지 가려 줄
#   시드 사이의 잡음

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter
import w2vlib
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
import inspect
import io
import json
import math
import os
import subprocess
import sys
import platform
import re
import time
import tokenize
from pathlib import Path

import numba
from scipy import stats
from numba import njit

import w2vlib.exercises
from w2vlib import fast
from w2vlib.fast import compiled
from w2vlib.fast.config import FastConfig
from w2vlib.corpus import create_contexts_target
from w2vlib.data import load_ptb
from w2vlib.evaluation import evaluate_analogies, evaluate_similarity
from w2vlib.models import init_weights
from w2vlib.negative_sampling import UnigramSampler
from w2vlib.text import format_table

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0                # 아래의 모든 무작위 선택은 이 시드에서 나옵니다
HIDDEN_SIZE = 100       # 단어 벡터 하나의 길이
WINDOW_SIZE = 5         # 맥락의 최대 반경 (단어마다 반경을 1..WINDOW_SIZE에서 뽑습니다)
NEGATIVE = 5            # 타깃마다 뽑는 부정적 예의 수
LR = 0.05               # 여기 나오는 모든 단어 단위 SGD 학습기의 시작 학습률 (word2vec.c의 CBOW 기본값)
SLICE_WORDS = 1_000     # 순수 파이썬 반복문이 학습할 PTB 단어 수 (느리기 때문)
TRICK_WORDS = 100_000   # 컴파일된 변형 하나가 학습할 PTB 단어 수 (4절과 5절: 세 회차 중 가장 빠른 회차)
EPOCHS = 2              # 비교 표에 나오는 모든 학습기의 에폭 수 (벤치마크는 10)
LAYERED_STEPS = 50      # 계층으로 쌓은 모델의 단계 수 (배치 100), 그 시간은 외삽합니다
THREADS = 2             # Hogwild 스레드 수 (numba가 보는 코어 수 이하)
QUALITY_SEEDS = 3       # 8절에서 시드 사이의 잡음을 재려고 학습기마다 쓰는 시드 수 (2 이상)
GENSIM_DEFAULTS = False  # True: gensim을 패키지의 설정 대신 gensim 자신의 기본값으로 실행합니다 (7절)

# %% [markdown]
# ## 1. 재료: 말뭉치(corpus), 하위 샘플링, 샘플러의 누적 표
#
# 단어 단위 SGD에는 단어마다 세 가지가 필요하고, 모두 패키지에 이미 있습니다.
# - 단어마다의 **남을 확률**(Mikolov의 하위 샘플링(subsampling): 자주 나오는 단어는 자주 건너뜁니다)
# - 0.75제곱한 유니그램 분포(unigram distribution)의 **누적 표**(cumulative table). 패키지의 `UnigramSampler`가
#   뽑을 때 쓰는 바로 그 표입니다(노트북 04). 균등한 난수 `u`는 구간 `[cdf[i-1], cdf[i])`에 `u`가 들어가는
#   단어 `i`를 고릅니다(단어 0의 구간은 0에서 시작하고, 표의 마지막 항목은 1입니다).
# - 패키지의 초깃값 가중치 (`W_in`은 작은 균등 난수, `W_out`은 0. word2vec.c와 같습니다)

# %%
corpus, word_to_id, id_to_word = load_ptb("train")
vocab_size = len(word_to_id)
counts = np.bincount(corpus, minlength=vocab_size)
keep_prob = fast.subsample_keep_prob(counts, 1e-3)
sampler = UnigramSampler(corpus, power=0.75, sample_size=NEGATIVE, vocab_size=vocab_size)
cdf = sampler.cum_table  # 샘플러 자신의 누적 표 (마지막 항목은 1)
print(f"말뭉치: {corpus.size:,}단어, 어휘 수 {vocab_size:,}")
print(f"하위 샘플링이 에폭마다 남기는 단어의 비율은 {float((counts * keep_prob).sum()) / corpus.size:.1%}입니다. "
      f"'the'가 남을 확률은 {keep_prob[word_to_id['the']]:.3f}입니다.")
print(f"누적 표: float64 항목 {cdf.size:,}개 = {cdf.nbytes / 1024:.0f} KiB, 이 표의 이진 탐색은 항목을 "
      f"많아야 {math.ceil(math.log2(vocab_size + 1))}개 읽습니다.")

# %% [markdown]
# ## 2. 한 번에 단어 하나씩, 순수 파이썬으로
#
# 네거티브 샘플링(negative sampling)을 쓰는 CBOW를 한 번에 타깃(target) 단어 하나씩, 모든 단계가 보이도록 평범한
# 반복문으로 썼습니다.
# 1. **하위 샘플링**: 말뭉치의 단어마다 확률 `1 - keep_prob[word]`로 그 단어를 버리고, 버린 단어는 단어 흐름에서
#    빠집니다. 남은 단어들이 빈자리를 메우므로, 윈도우는 버린 단어 너머까지 닿습니다. word2vec.c(`TrainModelThread`)와
#    gensim(`train_batch_cbow`)도 문장을 읽는 동안, 윈도우를 뽑기 전에 이렇게 단어를 버립니다. 패키지의 커널(5절)도
#    마찬가지입니다.
# 2. 남은 단어마다 윈도우 반경 `b`를 `1..window`에서 뽑고, `W_in`의 맥락(context) 행들을 평균해 `h`를 만듭니다.
# 3. 타깃(레이블 1)과 누적 표에서 뽑은 `negative`개의 단어(레이블 0)마다 점수 `f = h · W_out[w]`,
#    `g = lr * (label - sigmoid(f))`를 계산하고, 그다음 `dh += g * W_out[w]`와 `W_out[w] += g * h`를 합니다.
#    (부정적 예로 뽑힌 단어가 마침 타깃 자신이면 word2vec.c처럼 건너뜁니다.)
# 4. 모든 맥락 행이 `dh` 전체를 받습니다 (word2vec.c의 갱신).
#
# 스위치 `lcg`, `use_sig_table`, `use_big_table`은 word2vec.c의 기법을 켭니다. 4절에서 그 효과를 측정합니다.
# 여기서는 학습률(learning rate)이 고정되어 있지만, 패키지는 학습이 진행되면서 학습률을 선형으로 낮춥니다. 여기서
# 윈도우는 구간 전체에 걸쳐 움직이지만, word2vec.c와 gensim은 문장 끝에서 윈도우를 멈춥니다(7절에서 다시 다룹니다).

# %%
def cbow_words(words, W_in, W_out, cdf, keep_prob, window, negative, lr, rng,
               lcg, seed, sig_table, use_sig_table, big_table, use_big_table):
    """`words`에 대한 단어 단위 CBOW SGD. W_in과 W_out을 그 자리에서 갱신하고 손실의 합을 돌려줍니다."""
    H = W_in.shape[1]
    h = np.zeros(H, dtype=np.float32)
    dh = np.zeros(H, dtype=np.float32)
    state = np.uint64(seed)
    loss = 0.0
    kept = np.empty(len(words), dtype=np.int64)
    n = 0
    for i in range(len(words)):  # 1. 하위 샘플링: 버린 단어는 흐름에서 빠집니다
        if lcg:  # word2vec.c의 난수: 곱셈 한 번과 덧셈 한 번
            state = state * np.uint64(25214903917) + np.uint64(11)
            u = (state >> np.uint64(11)) * (1.0 / 2**53)
        else:
            u = rng.random()
        if u < keep_prob[words[i]]:
            kept[n] = words[i]
            n += 1
    for pos in range(n):
        word = kept[pos]
        if lcg:
            state = state * np.uint64(25214903917) + np.uint64(11)
            u = (state >> np.uint64(11)) * (1.0 / 2**53)
        else:
            u = rng.random()
        b = 1 + int(u * window)  # 2. 동적 윈도우: 반경 1..window
        lo, hi = max(0, pos - b), min(n, pos + b + 1)
        if hi - lo < 2:
            continue
        for j in range(H):
            h[j] = 0.0
            dh[j] = 0.0
        for p in range(lo, hi):
            if p != pos:
                for j in range(H):
                    h[j] += W_in[kept[p], j]
        for j in range(H):
            h[j] /= hi - lo - 1
        for d in range(negative + 1):  # 3. 타깃, 그다음 부정적 예
            if d == 0:
                w, label = word, 1
            else:
                if lcg:
                    state = state * np.uint64(25214903917) + np.uint64(11)
                    u = (state >> np.uint64(11)) * (1.0 / 2**53)
                else:
                    u = rng.random()
                if use_big_table:  # word2vec.c: 거대한 표를 한 번 읽기
                    w = big_table[int(u * len(big_table))]
                else:  # gensim: 누적 표의 이진 탐색
                    w = np.searchsorted(cdf, u, side="right")
                if w == word:
                    continue
                label = 0
            f = 0.0
            for j in range(H):
                f += h[j] * W_out[w, j]
            if use_sig_table:  # word2vec.c의 [-6, 6] 구간 표, 구간 밖은 잘라냄
                y = 1.0 if f >= 6 else 0.0 if f <= -6 else sig_table[int((f + 6) * (len(sig_table) / 12))]
            else:
                y = 1 / (1 + math.exp(-f))
            loss -= math.log(y + 1e-7) if label else math.log(1 - y + 1e-7)
            g = np.float32(lr * (label - y))
            for j in range(H):
                dh[j] += g * W_out[w, j]
                W_out[w, j] += g * h[j]
        for p in range(lo, hi):  # 4. 모든 맥락 행이 dh 전체를 받습니다
            if p != pos:
                for j in range(H):
                    W_in[kept[p], j] += dh[j]
    return loss


sig_table, _ = compiled.sigmoid_tables()  # word2vec.c의 [-6, 6] 구간 항목 1000개
no_table = np.zeros(1, dtype=np.int32)    # 큰 표를 끈 동안의 자리 표시


def fresh_weights():
    return init_weights(vocab_size, HIDDEN_SIZE, np.random.default_rng(SEED), init="word2vec")


def untuned(fn, words, W_in, W_out):
    """np.random, 정확한 시그모이드, 이진 탐색으로 학습합니다. 기법 없음."""
    return fn(words, W_in, W_out, cdf, keep_prob, WINDOW_SIZE, NEGATIVE, LR, np.random.default_rng(SEED),
              False, SEED + 1, sig_table, False, no_table, False)


# %% [markdown]
# PTB의 처음 `SLICE_WORDS`개 단어로 시간을 재 봅니다.

# %% tags=["nbval-ignore-output"]
slice_words = corpus[:SLICE_WORDS]
W_in_py, W_out_py = fresh_weights()
start = time.perf_counter()
loss_py = untuned(cbow_words, slice_words, W_in_py, W_out_py)
seconds_py = time.perf_counter() - start
print(f"순수 파이썬: {SLICE_WORDS:,}단어에 {seconds_py:.2f}초 = 초당 {SLICE_WORDS / seconds_py:,.0f}단어. "
      f"PTB 10에폭이면 {10 * corpus.size / (SLICE_WORDS / seconds_py) / 3600:.1f}시간이 걸립니다.")

# %%
assert math.isfinite(loss_py) and np.any(W_out_py != 0), "반복문이 학습을 했어야 합니다"
print("확인 통과: 반복문이 학습했습니다.")

# %% [markdown]
# ## 3. 같은 함수에 `@njit`
#
# `numba.njit`는 파이썬 함수를 주어진 인수 타입으로 처음 호출할 때 기계어로 컴파일합니다(JIT 컴파일, just-in-time
# compilation). 데코레이터 말고는 아무것도 바꾸지 않습니다. `njit(cbow_words)`는 같은 `def` 위에 `@njit`를 붙인
# 것과 정확히 같습니다. 시간을 정직하게 재려면 두 가지 규칙이 필요합니다.
# - **첫 호출은 컴파일을 합니다**(몇 초). 그 시간은 따로 재고, 어떤 속도 배율에도 넣지 않습니다.
# - 그다음 **같은 구간을 같은 초깃값 가중치에서** 실행하고, 두 버전이 같은 것을 계산했는지 확인한 뒤에야 시간을
#   비교합니다.

# %% tags=["nbval-ignore-output"]
cbow_words_jit = njit(cbow_words)  # 바꾼 것은 데코레이터뿐
W_in_warm, W_out_warm = fresh_weights()
start = time.perf_counter()
untuned(cbow_words_jit, slice_words[:50], W_in_warm, W_out_warm)  # 컴파일
compile_seconds = time.perf_counter() - start
W_in_jit, W_out_jit = fresh_weights()
start = time.perf_counter()
loss_jit = untuned(cbow_words_jit, slice_words, W_in_jit, W_out_jit)
seconds_jit = time.perf_counter() - start
jit_speedup = seconds_py / seconds_jit
print(f"컴파일에 {compile_seconds:.1f}초 걸렸습니다 (세션마다 한 번, 아래 측정에는 넣지 않음)")
print(f"@njit: {SLICE_WORDS:,}단어에 {seconds_jit * 1000:.1f}밀리초 = 초당 {SLICE_WORDS / seconds_jit:,.0f}단어, "
      f"순수 파이썬 반복문의 {jit_speedup:.0f}배")

# %%
print(f"손실: 순수 파이썬 {loss_py:.4f}, 컴파일 {loss_jit:.4f}, "
      f"가장 큰 차이는 W_in에서 {np.abs(W_in_py - W_in_jit).max():.1e}, "
      f"W_out에서 {np.abs(W_out_py - W_out_jit).max():.1e}")
assert abs(loss_py - loss_jit) < 1e-3 * abs(loss_py), "같은 함수, 같은 시드라면 손실도 같아야 합니다"
np.testing.assert_allclose(W_in_jit, W_in_py, atol=1e-5)
np.testing.assert_allclose(W_out_jit, W_out_py, atol=1e-5)
assert jit_speedup > 10, "컴파일된 코드는 파이썬 반복문보다 10배 넘게 빨라야 합니다"
print("확인 통과: 결과가 같고, 컴파일된 반복문이 10배 넘게 빠릅니다.")

# %% [markdown]
# 벡터화한 것은 하나도 없습니다. 컴파일된 함수도 파이썬 함수처럼 숫자를 하나씩 차례로 다룹니다. 다른 것은 각
# 단계의 비용입니다. 파이썬에서는 `W_in[row, j]` 하나하나가 함수 호출이고, 그때마다 float을 새 객체에 담습니다.
# 컴파일된 코드에서는 load 명령 하나입니다.

# %% [markdown]
# ## 4. 기법들로 얼마나 빨라지는가, 또는 느려지는가
#
# 반복문을 컴파일하고 나면 산술(출력 행마다 내적 한 번과 행 갱신 두 번)과 그 주변의 비용 세 가지, 곧 난수, 시그모이드,
# 부정적 예 뽑기가 남습니다. word2vec.c에는 그 세 가지 각각에 대한 기법이 있고, gensim은 그중 하나를 바꾸었습니다.
# - **난수**: word2vec.c는 곱셈 한 번과 덧셈 한 번인 선형 합동 생성기(LCG)를 씁니다.
#   `unsigned long long` 변수에 대한 `next_random = next_random * 25214903917 + 11`이므로 2^64로 나눈 나머지입니다
#   (정수가 그냥 한 바퀴 돌아 넘어갑니다). 하위 비트는 품질이 나쁩니다. 가장 낮은 비트는 0, 1, 0, 1, …을
#   되풀이할 뿐이고, 얼마나 나쁜지는 연습 문제 1이 잽니다. 상위 비트는 좋으므로, `cbow_words`는 상위 53비트(`state >> 11`,
#   float64의 정밀도와 정확히 같음)를 남기고 2^53으로 나누어 [0, 1) 구간의 `u`를 얻습니다. gensim의
#   생성기(`word2vec_inner.pyx`의 `random_int32`)는 곱하는 수와 더하는 수가 같지만, Java의 `Random`처럼 상태를
#   48비트만 남기고(`& 281474976710655ULL`, 곧 2^48 − 1) 비트 16부터 위를 돌려줍니다. 컴파일된 코드 안에서는 numba의 `np.random`도 컴파일되므로, 여기서
#   LCG로 빨라지는 정도는 작을 수 있습니다(아래 표의 처음 두 줄이 측정합니다). 확실히 얻는 것은 상태가 정수 하나라는
#   점입니다. 말뭉치의 조각(chunk)마다 자기 상태를 따로 가질 수 있으므로, 어느 스레드가 맡든 조각마다 같은 난수를
#   뽑습니다(그래도 스레드가 여럿이면 실행할 때마다 벡터가 달라집니다. 5절).
# - **시그모이드 함수**: word2vec.c는 `exp`를 부르는 대신 [-6, 6] 구간의 값 1000개를 담은
#   표(`#define EXP_TABLE_SIZE 1000`, `#define MAX_EXP 6`)에서 읽습니다. 인덱스는
#   `expTable[(int)((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2))]`입니다. C에서 이 나눗셈은 정수끼리의 나눗셈이라
#   계수는 83.3이 아니라 1000 / 6 / 2 = 83이고, 인덱스는 996까지만 갑니다. 그래서 word2vec.c의 조회 오차는 아래
#   한계의 약 3배입니다(다음 셀이 출력합니다). gensim의 `word2vec_inner.pyx`도 같은 식을 쓰고, gensim도 word2vec.c와
#   같은 항목을 읽습니다(아래의 한 셀이 설치된 gensim에 어느 항목을 읽었는지 묻습니다). 이 노트북과 패키지는 정확한
#   계수로 `int((f + 6) * (1000 / 12))`, 곧 인덱스 0..999를 만들므로, 조회 오차가 아래 한계 안에 듭니다. [-6, 6] 밖의 점수에서 word2vec.c는 시그모이드를 0이나 1로 잘라 그대로 갱신하고, gensim은 그 갱신을
#   *건너뜁니다*(`if f_dot <= -MAX_EXP or f_dot >= MAX_EXP: continue`). 패키지는 word2vec.c처럼 잘라냅니다. 이 표는
#   각 칸의 왼쪽 끝에서의 시그모이드 값을 담으므로, 오차는 많아야 한 칸(12 / 1000)에 시그모이드의 도함수의
#   최댓값(1/4)을 곱한 값입니다.
# - **부정적 예**: word2vec.c는 단어 ID 10^8개짜리 표(파일 맨 위의 상수 `table_size = 1e8`, `InitUnigramTable`이 채움, 4바이트 `int`로
#   400 MB)에서 항목 하나를 읽습니다. 이 표에서 각 단어는 자기 확률만큼의 몫을 차지합니다. 한 번만 읽으면 되지만,
#   캐시에서 먼 무작위 주소입니다. gensim은 그 대신 단어마다 항목 하나인 누적 표(`cum_table`)를 두고 이진
#   탐색(`bisect_left`)으로 뽑습니다. 단계마다 후보 단어를 절반으로 줄이므로 약 log2(V)번 읽으면 되고(몇 번인지는
#   1절이 출력했습니다), 표는 캐시에 들어갑니다. (gensim의 표는 정수를 담고, `bisect_left`는 뽑은 값 이상인 첫 항목을
#   찾습니다. 연습 문제 2의 실수 `cdf`는 `cdf[i] > u`인 첫 `i`를 묻고, 그래서 단어 0이 [0, cdf[0])를 맡습니다. 두 규약은
#   경계값에서만 다릅니다.) 400 MB는 노트북 컴퓨터에 부담스러우므로, 여기서는 10^7개짜리 표(40 MB)로
#   둘을 비교합니다.
#
# 변형마다 같은 초깃값 가중치에서 `TRICK_WORDS`개 단어를 학습합니다. 기법을 하나씩 켜 갑니다. 배율이 1보다 작으면
# 그 기법 때문에 이 컴퓨터에서 *느려졌다*는 뜻입니다.
#
# 배율은 컴퓨터 상태를 염두에 두고 읽어야 합니다. 다른 프로그램은 실행을 느리게 할 수만 있고 빠르게 할 수는 없으므로,
# 초당 단어 수 열, 막대, 배율 모두 변형마다 가장 빠른 회차를 씁니다. 곧 배율은 표에 있는 두 초당 단어 수의 비입니다.
# 괄호 안은 한 회차 안(두 변형을 잇달아 잰 것)의 배율 중 가장 작은 값과 가장 큰 값이고, 가장 빠른 회차끼리의 배율은
# 늘 이 범위 안에 있습니다. 회차 몇 개는 작은 표본입니다. 실제 차이가 없어도 모든 회차가 우연히 1의 같은 쪽에 놓일 수
# 있습니다(세 회차면 네 번에 한 번). 그래서 아래 셀은 모든 회차가 같은 쪽일 때만 "더 빠름"이나 "더 느림"이라고 하고,
# 회차별 배율의 중앙값이 여유 폭(`MARGIN`, 어느 쪽으로든 1.15배)을 넘지 못하면 "작은 차이"를 덧붙입니다. 그만큼 작은
# 일관된 차이는 기법 말고도 실행 순서나 프로세서의 클럭에서 생길 수 있기 때문입니다. 회차마다 방향이 다르면 "일관된
# 차이 없음"이라고 합니다.

# %% tags=["nbval-ignore-output"]
big_table = np.minimum(np.searchsorted(cdf, (np.arange(10**7) + 0.5) / 10**7, side="right"),
                       vocab_size - 1).astype(np.int32)
trick_words = corpus[:TRICK_WORDS]
variants = [  # 이름, lcg, 시그모이드 표, 큰 표
    ("np.random, 정확한 시그모이드, 이진 탐색", False, False, False),
    ("LCG, 정확한 시그모이드, 이진 탐색", True, False, False),
    ("LCG, 시그모이드 표, 이진 탐색", True, True, False),
    ("LCG, 시그모이드 표, 10^7개짜리 표", True, True, True),
]
trick_times = {v[0]: [] for v in variants}
trick_loss = {}
for _ in range(3):  # 세 회차, 회차마다 변형을 한 번씩: 느려지는 시기가 모든 줄에 똑같이 닿습니다
    for name, lcg, use_sig, use_big in variants:
        W_in_t, W_out_t = fresh_weights()
        start = time.perf_counter()
        loss = cbow_words_jit(trick_words, W_in_t, W_out_t, cdf, keep_prob, WINDOW_SIZE, NEGATIVE, LR,
                              np.random.default_rng(SEED), lcg, SEED + 1, sig_table, use_sig, big_table, use_big)
        trick_times[name].append(time.perf_counter() - start)
        trick_loss[name] = loss
trick_speed = {name: TRICK_WORDS / min(ts) for name, ts in trick_times.items()}  # 가장 빠른 회차


def round_ratios(slow, fast):
    """속도 배율 fast/slow: 가장 빠른 회차끼리의 배율, 그리고 회차마다의 배율."""
    r = np.array(trick_times[slow]) / np.array(trick_times[fast])
    return min(trick_times[slow]) / min(trick_times[fast]), r


MARGIN = 1.15  # 속도 배율이 1 / MARGIN과 MARGIN 사이면 차이라고 부르지 않습니다


def verdict_of(per_round):
    """모든 회차가 같은 쪽이면 '더 빠름'이나 '더 느림', 중앙값이 여유 폭 안이면 '작은 차이'를 덧붙임."""
    n, median = len(per_round), float(np.median(per_round))
    if np.all(per_round > 1):
        return f"{n}개 회차 모두 더 빠름" + (f", 중앙값 회차는 {median:.2f}배" if median >= MARGIN else
                                               f", 다만 중앙값 회차는 {median:.2f}배로 여유 폭 안이라 작은 차이")
    if np.all(per_round < 1):
        return f"{n}개 회차 모두 더 느림" + (f", 중앙값 회차는 {median:.2f}배" if median <= 1 / MARGIN else
                                               f", 다만 중앙값 회차는 {median:.2f}배로 여유 폭 안이라 작은 차이")
    return "일관된 차이 없음(회차마다 방향이 다름)"


names = [v[0] for v in variants]
rows = [[names[0], f"{trick_speed[names[0]]:,.0f}", ""]]
for i, name in enumerate(names[1:], 1):
    ratio, per_round = round_ratios(names[i - 1], name)
    rows.append([name, f"{trick_speed[name]:,.0f}", f"{ratio:.2f}배 ({per_round.min():.2f}-{per_round.max():.2f})"])
print(format_table(["변형", "초당 단어 수", "위 줄 대비"], rows, align="<>>"))

fig, ax = plt.subplots(figsize=(7, 2.6))
ax.barh(range(len(names))[::-1], [trick_speed[n] for n in names], color="tab:blue")
ax.set_yticks(range(len(names))[::-1], names)
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:.0f}k" if v else "0"))
ax.set_xlabel("초당 단어 수 (스레드 1개, 세 회차 중 가장 빠른 회차)")
ax.set_title("컴파일된 반복문, 줄마다 기법을 하나씩 더 켬")
plt.show()

# %%
x = np.linspace(-8, 8, 200_001)
exact = 1 / (1 + np.exp(-x))
inside = np.clip(((x + 6) * (sig_table.size / 12)).astype(int), 0, sig_table.size - 1)
from_table = np.where(x >= 6, 1.0, np.where(x <= -6, 0.0, sig_table[inside]))
table_error = np.abs(from_table - exact)
print(f"시그모이드 표의 가장 큰 오차는 [-6, 6] 안에서 {table_error[np.abs(x) < 6].max():.4f}, "
      f"구간 밖을 잘라낸 것까지 포함하면 {table_error.max():.4f}입니다.")
c_table = np.exp((np.arange(1000) / 1000 * 2 - 1) * 6)
c_table = c_table / (c_table + 1)  # word2vec.c의 expTable
c_index = np.clip(((x + 6) * (1000 // 6 // 2)).astype(int), 0, 999)  # C: EXP_TABLE_SIZE / MAX_EXP / 2 = 83
c_error = np.abs(c_table[c_index] - exact)[np.abs(x) < 6].max()
print(f"word2vec.c의 인덱스(정수 나눗셈으로 얻은 계수 {1000 // 6 // 2}): [-6, 6] 안에서 가장 큰 오차 {c_error:.4f}")
losses = np.array([trick_loss[n] for n in names])
print("변형별 손실 (첫 번째 대비):", np.round(losses / losses[0], 3))
assert table_error[np.abs(x) < 6].max() < 12 / sig_table.size * 0.25 + 1e-6  # 한 칸 x 도함수의 최댓값 1/4
assert np.all(np.abs(losses / losses[0] - 1) < 0.05), "기법들이 학습 내용을 바꾸면 안 됩니다"
print("확인 통과: 표의 오차는 한 칸에 시그모이드의 도함수의 최댓값(1/4)을 곱한 값보다 작고, "
      "모든 변형의 학습 손실이 첫 번째 변형의 5% 이내입니다.")

# %% [markdown]
# 표의 오차가 학습에 미치는 영향은 작습니다. 위 셀은 모든 변형의 손실이 첫 번째 변형의 손실과 가깝다는 것을
# 보여 줍니다(출력한 비율).
#
# gensim은 어느 항목을 읽을까요? gensim의 출력 행은 0에서 시작하므로, 타깃 단어의 행이 처음 받는 갱신은
# `(1 - f) * alpha * h`이고, 여기서 `f`는 점수가 정확히 0일 때의 표 항목입니다. 그 자리에서 word2vec.c의 정수
# 계수는 항목 6 × 83 = 498을 읽고, 정확한 계수 1000 / 12는 항목 500을 읽습니다. 설치된 gensim을 두 단어짜리
# 문장 하나로 학습시키고, 학습된 출력 행을 그 행을 학습시킨 입력 행으로 나눈 다음, 그렇게 얻은 `1 - f`를 그것이 나온
# 항목 번호로 되돌립니다(항목 `i`에는 `(i / 1000 * 2 - 1) * 6`의 시그모이드 값이 들어 있습니다). 부정적 예가 함께
# 건드린 행은 깨끗한 측정이 아니므로, 셀은 모든 성분이 같은 `1 - f`를 주는 행을 씁니다.

# %%
try:
    import gensim
    from gensim.models import Word2Vec
except ImportError:
    gensim = None
if gensim is None:
    print("gensim이 설치되어 있지 않아(pip install gensim) 확인할 것이 없습니다")
else:
    probe_model = Word2Vec(vector_size=4, window=1, sg=0, negative=1, sample=0, min_count=1, workers=1,
                           alpha=0.1, min_alpha=0.1, seed=0)
    probe_model.build_vocab([["a", "b"]])
    start_vectors = probe_model.wv.vectors.copy()
    probe_model.train([["a", "b"]], total_examples=1, epochs=1)
    a_id, b_id = probe_model.wv.key_to_index["a"], probe_model.wv.key_to_index["b"]
    candidates = [probe_model.syn1neg[b_id] / start_vectors[a_id] / 0.1,  # 타깃 단어 b, 그 맥락 a
                  probe_model.syn1neg[a_id] / start_vectors[b_id] / 0.1]  # 타깃 단어 a, 그 맥락 b
    clean = [c for c in candidates if np.ptp(c) < 1e-4]
    assert clean, "출력 행 하나는 첫 갱신 하나, 곧 입력 행에 (1 - f)를 곱한 값만 담고 있어야 합니다"
    f_read = 1 - float(clean[0].mean())
    entry = (math.log(f_read / (1 - f_read)) / 6 + 1) * 1000 / 2
    print(f"gensim {gensim.__version__}: 1 - f = {1 - f_read:.4f}, 곧 f는 표의 {entry:.1f}번 항목입니다 "
          f"(word2vec.c의 계수 83은 {6 * (1000 // 6 // 2)}번, 정확한 계수는 {6 * 1000 / 12:.0f}번을 읽습니다).")

# %% [markdown]
# 다시 위 표의 속도로 돌아가, 거기서 밝힌 규칙대로 읽습니다. 거대한 표가 이진 탐색보다 빠른지는 캐시에 달려 있습니다. 거대한 표를 한 번 읽으면 보통 캐시를
# 벗어나지만(cache miss), 탐색의 처음 몇 단계는 늘 캐시에 있고(같은 몇 개의 항목) 마지막 몇 단계만 벗어날 수 있습니다.
# 이번 실행에서는 다음과 같았습니다.

# %% tags=["nbval-ignore-output"]
lcg_ratio = round_ratios(names[0], names[1])
table_ratio = round_ratios(names[1], names[2])
big_vs_bisection = round_ratios(names[2], names[3])
for what, (ratio, per_round) in (("LCG", lcg_ratio), ("시그모이드 표", table_ratio),
                                 ("10^7개짜리 표 (이진 탐색 대신)", big_vs_bisection)):
    print(f"{what}: 쓰지 않을 때 속도의 {ratio:.2f}배 (회차별 {per_round.min():.2f}-{per_round.max():.2f}, "
          f"중앙값 {np.median(per_round):.2f}). 판정: {verdict_of(per_round)}")
n_rounds = len(lcg_ratio[1])
print(f"(실제 차이가 없어도 {n_rounds}개 회차가 모두 1의 같은 쪽에 놓일 확률이 {2 ** (n_rounds - 1)}번에 한 번입니다. "
      f"'작은 차이'가 붙지 않은 판정은 중앙값도 어느 쪽으로든 {MARGIN}배를 넘은 것입니다.)")

# %% [markdown]
# 패키지가 word2vec.c의 LCG를 쓰는 것은 상태가 정수 하나이기 때문입니다(조각마다 재현할 수 있는 난수열). 시그모이드
# 표를 쓰는 것은 word2vec.c와 gensim이 쓰기 때문이고, gensim의 이진 탐색을 쓰는 것은 표가 400 MB가 아니라 단어마다
# 항목 하나이기 때문입니다. 이 단순한
# 반복문에서 더 빨랐기 때문에 고른 것은 하나도 없습니다. 이번 실행에서 어느 것이 측정할 만한 차이를 냈는지는 위 셀이
# 출력했습니다. 다음 절은 시그모이드 표를 `fastmath`로 컴파일한 패키지의 float32 커널에서 다시 측정합니다. 거기서는
# `exp`의 비용이 이 반복문의 float64 `exp`와 다르므로 답도 다를 수 있습니다. 왜 그런지는 이 노트북에서 측정하지
# 않습니다.

# %% [markdown]
# ## 5. 패키지의 커널: SIMD, 탐색 범위를 미리 좁혀 주는 안내 표, Hogwild 스레드
#
# `w2vlib.fast.compiled`(`w2vlib.fast.train(..., backend="numba")`와 `python -m w2vlib train --backend numba`가
# 씁니다)는 위의 반복문에 LCG, 시그모이드 표, 이진 탐색을 쓰고, 몇 가지를 더 바꾼 것입니다.
# - 가중치, 작업 벡터, 학습률, 기울기가 float32이고, 안쪽 반복문은 `fastmath`로 컴파일되어 컴파일러가 덧셈의 순서를
#   바꿀 수 있습니다. 그렇지 않으면 내적은 `HIDDEN_SIZE`개의 곱을 적힌 순서대로 하나씩 더해야 합니다(부동소수점 덧셈은
#   결합 법칙이 성립하지 않습니다). `fastmath`가 있으면 컴파일러는 명령 하나로 숫자 여러 개를 더하는 SIMD 명령을 쓸 수
#   있고, float32는 float64보다 명령 하나에 두 배 많은 숫자가 들어갑니다(256비트 AVX 레지스터 하나에 float32는 8개,
#   float64는 4개). 아래 시간 측정은 정밀도와 `fastmath`를 합친 효과를 보여 주고, 묶음 명령의 이름(float32는 `ps`,
#   float64는 `pd`)은 컴파일러가 어느 너비를 골랐는지 보여 줍니다. float64 행렬은 크기도 두 배이므로,
#   캐시에 들어가지 않으면 레지스터 너비에서 오는 2배보다 더 느려질 수 있습니다.
# - 부정적 예의 이진 탐색은 **안내 표**(guide table)에서 출발합니다. 2^-`GUIDE_BITS`의 배수마다 답을 담아 둔 작은
#   표라서, 탐색은 이웃한 두 항목 사이만 훑으면 됩니다(전체 탐색과 같은 단어를 더 적은 단계로 찾습니다). 한 단어의
#   부정적 예는 첫 번째를 쓰기 전에 모두 먼저 뽑아 두므로, CPU는 서로 독립인 메모리 읽기를 겹쳐서 처리할 수 있습니다.
# - 손실은 요청할 때만 계산합니다(`compute_loss`, gensim의 같은 이름의 옵션).
# - 다음 단어의 윈도우와 부정적 예를 한 단어 앞서 뽑고, 그것이 가리키는 `W_out`의 행을 *미리 불러옵니다*(prefetch).
#   현재 단어를 계산하는 동안 그 행을 메모리에서 가져오라고 CPU에 알려 주는 것입니다.
# - 말뭉치를 조각으로 나누고, `prange`가 조각들을 스레드에 나누어 줍니다(아래).
#
# 그 핵심인 네거티브 샘플링 갱신 하나와, 커널 모듈 전체의 크기입니다.

# %%
kernels = compiled.kernels()
print(inspect.getsource(kernels.ns_update))


def code_lines(source):
    """코드가 있는 줄 수: 빈 줄, 주석, 독스트링은 세지 않습니다."""
    lines = set()
    previous = tokenize.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING and previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            pass  # 홀로 선 문자열은 독스트링입니다
        elif tok.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                              tokenize.DEDENT, tokenize.ENDMARKER):
            lines.update(range(tok.start[0], tok.end[0] + 1))
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            previous = tok.type
    return len(lines)


guide = compiled.guide_table(cdf)
span = np.diff(guide)  # 표의 같은 간격마다, u에 대해 남은 탐색 항목 수
print(f"안내 표: 항목 {guide.size:,}개 (GUIDE_BITS = {kernels.GUIDE_BITS}). 그러면 탐색이 훑는 항목은 "
      f"{cdf.size:,}개가 아니라 평균 {span.mean():.2f}개({np.ceil(np.log2(span + 1)).mean():.2f}단계), 많아야 "
      f"{span.max():,}개입니다.")

kernel_source = inspect.getsource(kernels)
print(f"{Path(kernels.__file__).name}: 코드 {code_lines(kernel_source)}줄 "
      f"(주석, 독스트링, 빈 줄까지 {len(kernel_source.splitlines())}줄)")


# %% [markdown]
# ### float32와 `fastmath`: 명령 하나에 숫자 여러 개
#
# `ns_update`의 핵심인 내적 `f += h[j] * W_out[w, j]`를 어휘 수만큼 행이 있는 행렬의 모든 행에 대해 세 가지로 컴파일합니다.
# 적힌 순서대로 더하는 float32(`fastmath` 없음), `fastmath`를 쓴 float64, `fastmath`를 쓴 float32입니다. 번갈아 세
# 회차 돌려 가장 빠른 회차를 쓰고, x86 프로세서라면 컴파일된 반복문마다 묶음(SIMD) 곱셈과 덧셈 명령의 수도 셉니다(float32는
# 이름이 `ps`로, float64는 `pd`로 끝나는 명령).

# %% tags=["nbval-ignore-output"]
def dot_products(W, h, reps):
    """커널의 내적 h · W[w]를 모든 행 w에 대해 `reps`번 계산하고, 그 합을 돌려줍니다."""
    total = 0.0
    for _ in range(reps):
        for w in range(W.shape[0]):
            f = h[0] * W[w, 0]
            for j in range(1, h.size):
                f += h[j] * W[w, j]
            total += f
    return total


W_simd = np.random.default_rng(SEED).standard_normal((vocab_size, HIDDEN_SIZE)).astype(np.float32)
h_simd = W_simd[0].copy()
simd_variants = {  # 이름: (컴파일된 함수, 행렬, 벡터)
    "float32, 적힌 순서대로": (njit(dot_products), W_simd, h_simd),
    "float64, fastmath": (njit(fastmath=True)(dot_products), W_simd.astype(np.float64), h_simd.astype(np.float64)),
    "float32, fastmath": (njit(fastmath=True)(dot_products), W_simd, h_simd),
}
simd_sums = {name: fn(W, h, 1) for name, (fn, W, h) in simd_variants.items()}  # 각각 컴파일
simd_times = {name: [] for name in simd_variants}
for _ in range(3):  # 세 회차, 회차마다 변형을 한 번씩
    for name, (fn, W, h) in simd_variants.items():
        start = time.perf_counter()
        fn(W, h, 10)
        simd_times[name].append(time.perf_counter() - start)
simd_names = list(simd_variants)
simd_ratio = {name: min(simd_times[simd_names[0]]) / min(simd_times[name]) for name in simd_names}
x86 = platform.machine().lower() in ("x86_64", "amd64", "i686", "x86")
rows = []
for name, (fn, W, h) in simd_variants.items():
    packed = "-"
    if x86:
        asm = "\n".join(fn.inspect_asm().values())
        packed = str(len(re.findall(r"\bv?(?:fmadd\w*|mul|add)p[sd]\b", asm)))
    rows.append([name, f"{min(simd_times[name]) * 1000:.1f}", f"{simd_ratio[name]:.1f}배", packed])
print(format_table(["컴파일된 내적", "밀리초 (가장 빠른 회차)", "속도", "묶음 곱셈·덧셈 명령 수"], rows,
                   align="<>>>"))
if not x86:
    print(f"({platform.machine()} 프로세서: 명령 수는 x86에서만 셉니다)")

# %%
sums = np.array(list(simd_sums.values()))
assert np.allclose(sums, sums[0], rtol=1e-4), "같은 내적을 다른 순서로 더했을 뿐이니 합도 같아야 합니다"
assert simd_ratio["float32, fastmath"] > 1.5, "fastmath가 있으면 컴파일러가 명령 하나로 숫자 여러 개를 더할 수 있어야 합니다"
print("확인 통과: 세 버전이 (float32 반올림 범위 안에서) 같은 합을 계산하고, fastmath를 쓴 float32가 적힌 순서대로 "
      "더하는 float32보다 1.5배 넘게 빠릅니다.")

# %% [markdown]
# 배율은 프로세서에 달려 있습니다. SIMD 레지스터가 넓을수록 명령 하나가 더하는 숫자가 많습니다. 패키지는 벡터
# 반복문(위의 `ns_update`, 그리고 그것을 부르는 CBOW와 skip-gram 단계)을 이렇게 컴파일합니다.

# %% [markdown]
# 패키지의 커널도 `cbow_words`처럼 처음 쓸 때 컴파일됩니다. 다른 점은 `cache=True`로 컴파일된다는 것입니다. numba는
# 기계어를 패키지 옆(그 `__pycache__` 폴더, 패키지 폴더에 쓸 수 없으면 numba 자체의 캐시 디렉터리, 환경 변수
# `NUMBA_CACHE_DIR`가 설정되어 있으면 그것이 가리키는 곳)에 저장하고, 나중의
# 파이썬 프로세스는 다시 컴파일하지 않고 그것을 불러옵니다. 몇 단어로 예열하고, 그다음 스레드 하나로 한 에폭(epoch)의 시간을
# 잽니다. 설치한 뒤 처음 쓸 때는 컴파일하느라 여러 초가 걸리고, 그 뒤로는 캐시된 코드를 불러오기만 하므로
# 순식간에 끝납니다.

# %% tags=["nbval-ignore-output"]
def numba_train(words, epochs, threads, **kw):
    settings = dict(hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, alpha=LR, seed=SEED)
    return fast.train(words, vocab_size, backend="numba", epochs=epochs, threads=threads, progress=False,
                      **{**settings, **kw})


start = time.perf_counter()
numba_train(corpus[:5_000], 1, 1)
warmup_seconds = time.perf_counter() - start
one_epoch = numba_train(corpus, 1, 1)
print(f"예열 (컴파일하거나 캐시에서 불러오기): {warmup_seconds:.2f}초")
print(f"패키지 커널, 스레드 1개, PTB 한 에폭: 초당 {one_epoch.words_per_sec:,.0f}단어")

# %% [markdown]
# ### 커널을 바꿀 때마다 얼마나 빨라졌는가
#
# 패키지의 커널은 변경을 하나씩 측정하며 빨라졌고, 그 변경 가운데 몇 가지는 다시 끌 수 있습니다.
# `compiled.train_compiled`(`fast.train(..., backend="numba")`의 본체)의 키워드이거나 그 설정(`FastConfig`)의
# 키워드입니다. 그래서 이 노트북의 크기에서 각 변경으로 얼마나 빨라지는지 여기서 측정합니다. 모든 변경을 켠 커널,
# 그다음 변경을 하나씩 끈 커널을 스레드 하나로, 4절과 같은 `TRICK_WORDS`개 단어에서 4절처럼 번갈아 세 회차
# 실행합니다. 4절처럼 모든 수는 설정마다 가장 빠른 회차에서 나옵니다. 배율 열은 모든 변경을 켰을 때의 초당 단어 수를
# 그 변경 하나를 껐을 때의 초당 단어 수로 나눈 값이고, 괄호 안은 한 회차 안의 배율 중 가장 작은 값과 가장 큰 값입니다.
# 1보다 작으면 그 변경 때문에 느려졌다는 뜻입니다. 판정은 표 아래에 출력하며, 4절의 규칙을 따릅니다. 모든 회차가 같은 쪽이면 "더 빠름"이나
# "더 느림"이고, 회차별 배율의 중앙값이 `MARGIN`을 넘지 못하면 "작은 차이"가 붙고, 회차마다 방향이 다르면 "일관된 차이
# 없음"입니다.
# 이 버전의 패키지에 없는 변경은 표 아래에 따로 출력합니다.

# %% tags=["nbval-ignore-output"]
kernel_keywords = set(inspect.signature(compiled.train_compiled).parameters)
config_keywords = set(inspect.signature(FastConfig.create).parameters)
changes = [  # 변경, 그것을 끄면 어떻게 되는지 (그림용 짧은 이름), 그리고 그것을 끄는 키워드
    ("손실은 요청할 때만 계산 (gensim의 compute_loss)", "손실을 늘 계산", {"compute_loss": True}),
    ("시그모이드를 word2vec.c의 표에서 읽기", "정확한 시그모이드, 표 없음", {"exact_sigmoid": True}),
    ("안내 표로 이진 탐색의 범위를 미리 좁히기", "안내 표 없음", {"guide_bits": 0}),
    ("다음 단어의 출력 행을 미리 불러오기", "미리 불러오기 없음", {"prefetch": False}),
]
all_on = {"compute_loss": False} if "compute_loss" in config_keywords else {}
change_words = corpus[:TRICK_WORDS]


def kernel_run(**switches):
    """이 스위치로 패키지의 커널을 한 번 실행합니다 (스레드 1개, 1에폭)."""
    switches = {**all_on, **switches}
    cfg = FastConfig.create(hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=1,
                            alpha=LR, seed=SEED, threads=1, backend="numba",
                            **{k: v for k, v in switches.items() if k in config_keywords})
    return compiled.train_compiled(change_words, vocab_size, cfg, progress=False,
                                   **{k: v for k, v in switches.items() if k not in config_keywords})


settings_to_time = {"모든 변경을 켬": {}}
short = {"모든 변경을 켬": "모든 변경을 켬"}
missing = []
for label, off_label, off in changes:
    if all(k in kernel_keywords | config_keywords for k in off):
        settings_to_time[label] = off
        short[label] = off_label
    else:
        missing.append(label)
runs = {name: [] for name in settings_to_time}
for _ in range(3):  # 세 회차, 회차마다 설정을 한 번씩: 느린 순간이 와도 모든 줄에 고르게 걸립니다
    for name, switches in settings_to_time.items():
        runs[name].append(kernel_run(**switches))
seconds_of = {name: np.array([r.wall_time for r in rs]) for name, rs in runs.items()}
kernel_speed = {name: len(change_words) / s.min() for name, s in seconds_of.items()}  # 가장 빠른 회차
baseline = runs["모든 변경을 켬"][0]
change_runs = {label: runs[label][0] for label in settings_to_time if label != "모든 변경을 켬"}
change_ratio = {}
for label in change_runs:
    r = seconds_of[label] / seconds_of["모든 변경을 켬"]  # 켰을 때의 속도 / 껐을 때의 속도, 회차마다
    change_ratio[label] = (seconds_of[label].min() / seconds_of["모든 변경을 켬"].min(), r.min(), r.max())
rows = [["모든 변경을 켬", f"{kernel_speed['모든 변경을 켬']:,.0f}", ""]]
for label, (ratio, low, high) in change_ratio.items():
    switch = ", ".join(f"{key}={value}" for key, value in settings_to_time[label].items())
    rows.append([f"{short[label]} ({switch})", f"{kernel_speed[label]:,.0f}", f"{ratio:.2f}배 ({low:.2f}-{high:.2f})"])
print(format_table(["커널: 변경 하나를 끔", "초당 단어 수", "변경으로 빨라진 배율"], rows, align="<>>"))
print("이번 실행의 판정")
for label in change_ratio:
    print(f"  {label}: {verdict_of(seconds_of[label] / seconds_of['모든 변경을 켬'])}")
print(f"(실제 차이가 없어도 {len(seconds_of['모든 변경을 켬'])}개 회차가 모두 같은 쪽일 확률이 "
      f"{2 ** (len(seconds_of['모든 변경을 켬']) - 1)}번에 한 번입니다. '작은 차이'가 붙지 않은 판정은 중앙값도 {MARGIN}배를 넘은 것입니다.)")
if missing:
    print("이 버전의 패키지에 없는 변경:", ", ".join(missing))
print(f"모든 변경을 켠 커널은 같은 {len(change_words):,}단어에서 같은 기법을 쓴 4절의 컴파일된 반복문보다 "
      f"{kernel_speed['모든 변경을 켬'] / trick_speed[names[2]]:.1f}배 빠릅니다.")

fig, ax = plt.subplots(figsize=(7, 2.8))
labels = [short[name] for name in settings_to_time]
ax.barh(range(len(labels))[::-1], [kernel_speed[name] for name in settings_to_time],
        color=["tab:green"] + ["tab:gray"] * len(change_runs))
ax.set_yticks(range(len(labels))[::-1], labels)
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:.0f}k" if v else "0"))
ax.set_xlabel("초당 단어 수 (스레드 1개, 세 회차 중 가장 빠른 회차)")
ax.set_title("패키지의 커널, 변경을 하나씩 끔")
plt.show()

# %%
same_weights = [label for label, _, off in changes if label in change_runs and "exact_sigmoid" not in off]
for label in same_weights:
    np.testing.assert_array_equal(change_runs[label].W_in, baseline.W_in,
                                  err_msg=f"'{label}' 변경은 속도만 바꾸어야 합니다")
print(f"확인 통과: 변경 {len(same_weights)}개는 켜든 끄든 가중치가 같습니다 (속도만 바꿉니다)."
      if same_weights else "가중치를 바꾸지 않아야 하는 변경이 없어 여기서 확인할 것이 없습니다")
print("시그모이드 표는 작은 오차만큼 학습 결과를 바꿉니다 (4절)")

# %% [markdown]
# 두 번째 파이썬 프로세스는 다시 컴파일하지 않습니다. numba의 캐시에서 커널을 찾습니다. 새 프로세스에서 작은 학습을
# 실행하고 numba에 캐시 통계를 물어서 확인합니다.

# %% tags=["nbval-ignore-output"]
probe = """
import json, time, numpy as np
t0 = time.perf_counter()
from w2vlib import fast
from w2vlib.fast import compiled
corpus = np.random.default_rng(0).integers(0, 50, 5000)
fast.train(corpus, backend="numba", hidden_size=8, epochs=1, subsample=0, progress=False, threads=1)
st = compiled.kernels().train_epoch.stats
print(json.dumps({"hits": sum(st.cache_hits.values()), "misses": sum(st.cache_misses.values()),
                  "seconds": time.perf_counter() - t0}))
"""
run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
cache = json.loads(run.stdout.strip().splitlines()[-1])
print(f"새 프로세스: import와 학습에 {cache['seconds']:.1f}초. "
      f"캐시에서 불러온 커널 {cache['hits']}개, 컴파일한 커널 {cache['misses']}개")

# %%
assert cache["hits"] >= 1 and cache["misses"] == 0, "두 번째 프로세스는 캐시된 커널을 불러와야 합니다"
print("확인 통과: 새 프로세스가 컴파일된 커널을 캐시에서 불러옵니다.")

# %% [markdown]
# ### Hogwild: 서로를 기다리지 않는 스레드
#
# 스레드가 여럿이면 각 스레드가 말뭉치의 조각을 하나씩 맡아 같은 단어 단위 반복문을 실행하며, **같은 `W_in`과 `W_out`을
# 잠금(lock) 없이 읽고 씁니다**. 틀린 방법처럼 들립니다. 한 스레드가 행을 읽는 동안 다른 스레드가 그 행을 절반쯤
# 갱신하고 있을 수 있고, 한 갱신이 다른 갱신을 덮어쓸 수도 있습니다. Niu, Recht, Ré, Wright(2011, "Hogwild!")는
# 희소한 문제에서는 그래도 통하는 이유를 보였습니다.
# - 갱신 하나는 아주 적은 행만 건드립니다. `2 * V`개의 행 가운데 `W_out`의 `NEGATIVE + 1`개 행과, `W_in`에서 윈도우에
#   든 행들입니다. 윈도우의 행은 평균 `WINDOW_SIZE + 1`개입니다(반경을 1..`WINDOW_SIZE`에서 뽑으므로 한쪽의 평균이
#   `(WINDOW_SIZE + 1) / 2`입니다. 노트북 05의 연습 문제 4). 두 스레드가 같은 순간에 같은 행을 건드리는 일은
#   드뭅니다.
# - 그런 일이 생겨도 대가는 작은 갱신 하나를 잃거나 조금 오래된 행에 적용하는 것입니다. SGD가 이미 안고 사는
#   잡음(무작위 부정적 예, 무작위 윈도우)과 같은 종류입니다.
# - 가장 많이 부딪히는 것은 자주 나오는 행(`the`, `<eos>`)이고, 하위 샘플링이 그런 행을 더 드물게 만듭니다.
#
# 스레드가 바꾸는 것: 스레드가 하나면 같은 시드가 비트 하나까지 같은 벡터를 줍니다. 여럿이면 조각마다 여전히 같은
# 난수를 뽑지만, 스레드들의 갱신이 끼어드는 순서가 타이밍에 달려 있으므로 실행할 때마다 벡터가 달라집니다. 그 *품질*이
# 시드를 바꿀 때보다 더 많이 달라지는지는 측정해야 알 수 있는 문제입니다. 8절이 그것을 측정하고, 이번 실행에 답할 만한
# 검정력이 있는지도 말합니다(기본값인 2에폭으로는 없을 수 있습니다. `EPOCHS`를 늘려 보세요).
#
# 스레드로 얻을 수 있는 것: 스레드마다 빈 코어가 하나씩 있을 때, 많아야 스레드 수만큼의 속도 향상입니다. 다른
# 프로그램으로 바쁜 컴퓨터에서는 추가된 스레드가 코어를 기다립니다. 스레드의 속도는 7절이 같은 회차에서 잰 기준선과
# 나란히 잽니다. 아래 셀은 스레드가 벡터에 무엇을 하는지만 확인합니다.

# %% tags=["nbval-ignore-output"]
max_threads = min(THREADS, numba.config.NUMBA_NUM_THREADS)
two = numba_train(corpus, 1, max_threads)
two_again = numba_train(corpus, 1, max_threads)
print(f"스레드 {max_threads}개, 같은 시드로 두 번 실행: 가중치의 가장 큰 차이 "
      f"{np.abs(two.W_in - two_again.W_in).max():.1e}, 가장 큰 가중치 "
      f"{np.abs(two.W_in).max():.1e}")

# %%
a = numba_train(corpus[:50_000], 1, 1)
b = numba_train(corpus[:50_000], 1, 1)
assert np.array_equal(a.W_in, b.W_in), "스레드 하나와 시드 하나라면 벡터가 똑같아야 합니다"
assert abs(two.loss_per_epoch[0] - one_epoch.loss_per_epoch[0]) < 0.05 * one_epoch.loss_per_epoch[0]
print("확인 통과: 스레드 하나는 재현되고, 여러 스레드의 실행은 스레드 하나일 때의 손실과 5% 이내로 같습니다.")

# %% [markdown]
# ## 6. 단어 단위 SGD에 감쇠가 필요 없는 이유
#
# 노트북 05의 고속 경로는 배치 하나의 갱신을 모두 더한 뒤에 적용합니다. 자주 나오는 단어는 한 배치에 여러 번
# 나오므로, 그 행은 그 갱신들의 합을 한 단계에 받습니다. 그런데 그 갱신들은 모두 *같은 옛* 행에서 계산한 것이라 서로를
# 보정할 수 없습니다. 나온 횟수가 많으면 그 한 단계가 어떤 개별 갱신보다 훨씬 길어질 수 있으므로, 고속 경로는 그것을
# 감쇠합니다(한 배치에서 `c`번 쓰인 행의 합을 `max(1, c / damping)`으로 나눕니다). 감쇠를 끄면 어떻게 되는지는
# 노트북 05가 측정합니다. 단어 단위 SGD는 각 갱신을 바로 적용합니다. 다음 등장은 이미 움직인 행을 보고, 거기서부터
# 보정합니다. 등장 한 번의 단계는 `lr`에 기울기 하나를 곱한 것뿐이므로 감쇠할 합이 없습니다. 고속 경로의 배치
# 하나(CBOW 배치 크기, 하위 샘플링 후, 윈도우 전체)에 가장 자주 나오는 맥락 단어가 몇 번 나오는지 살펴보겠습니다.

# %%
numpy_cfg = FastConfig.create("cbow", HIDDEN_SIZE, WINDOW_SIZE, NEGATIVE)  # 고속 경로의 기본값
kept_stream = corpus[np.random.default_rng(SEED).random(corpus.size) < keep_prob[corpus]]
contexts_ptb, _ = create_contexts_target(kept_stream[:numpy_cfg.batch_size + 2 * WINDOW_SIZE], WINDOW_SIZE)
batch_counts = np.bincount(contexts_ptb.ravel(), minlength=vocab_size)
top_word = int(batch_counts.argmax())
print(f"타깃 {numpy_cfg.batch_size}개의 배치 하나에서 맥락 단어 '{id_to_word[top_word]}'의 등장 횟수는 "
      f"{int(batch_counts[top_word])}번입니다. 배치 단계는 같은 옛 행에서 계산한 갱신 "
      f"{int(batch_counts[top_word])}개의 합만큼 그 행을 움직입니다(고속 경로가 그 합을 나누는 수는 "
      f"{max(1.0, batch_counts[top_word] / numpy_cfg.damping) if numpy_cfg.damping else 1.0:.1f}입니다). "
      f"단어 단위 SGD는 그것들을 하나씩 적용합니다.")
assert batch_counts.max() > max(1.0, numpy_cfg.damping), "한 행의 갱신 수가 감쇠 기준보다 많아야 합니다"

# %% [markdown]
# ## 7. 표 하나: 모든 학습기, 같은 설정
#
# 같은 말뭉치, CBOW, `HIDDEN_SIZE`, `WINDOW_SIZE`, `NEGATIVE`, 하위 샘플링 1e-3, `EPOCHS`에폭이고, 학습기마다
# 스레드 하나와 `THREADS`개(numba가 보는 코어 수까지)로 실행합니다.
# - 교재가 만드는 **계층으로 쌓은** 모델(Embedding + NegativeSamplingLoss, Adam, 배치 100)은 `LAYERED_STEPS`
#   단계만 실행하고, `EPOCHS`에폭의 시간은 그것에서 **외삽**합니다.
# - **numpy 고속 경로**(`fast.train`, 노트북 05)는 자신의 기본값(배치, 자신의 학습률, 감쇠)으로 실행합니다. 다른
#   학습기이고, 속도를 보려고 넣었습니다. `threads=2`이면 둘째 스레드가 배치를 준비합니다.
# - **컴파일된 백엔드**는 스레드 1개와 `THREADS`개로, 시작 학습률 `LR`로 실행합니다.
# - gensim이 설치되어 있으면 워커 1개와 `THREADS`개의 **gensim** `Word2Vec`을 컴파일된 백엔드와 같은 일을 하도록 맞춥니다.
#   둘 다 모든 단어를 남깁니다(패키지처럼 `min_count=1`). 그 밖에 gensim의 기본값 가운데 세 가지가 패키지와 다르므로
#   하나씩 맞춥니다.
#   - 학습률: gensim은 0.025에서 시작해 0.0001에서 끝나고, word2vec.c의 CBOW는 0.05에서 시작합니다. 여기서는 두
#     학습기 모두 `LR`에서 시작해 패키지의 `LR * 1e-4`에서 끝납니다.
#   - 텍스트 조각: gensim은 주어진 문장의 끝에서 윈도우를 멈춥니다(`train_batch_cbow`는 문장을 하나씩 따로 학습합니다.
#     word2vec.c도 줄 끝마다 문장을 끝냅니다). 패키지의 커널은 10,000단어짜리 조각의 끝에서만 윈도우를 멈춥니다.
#     그래서 패키지의 조각을 gensim에 문장으로 넘깁니다(gensim은 문장 하나에서 많아야 10,000단어, 곧
#     `MAX_SENTENCE_LEN`까지만 학습하므로 조각이 통째로 들어갑니다).
#   - 시작 벡터: gensim은 `W_in`을 [-1/H, 1/H)에서 뽑습니다(`keyedvectors.py`의 `prep_vectors`). 패키지가 쓰는
#     word2vec.c의 [-0.5/H, 0.5/H)의 두 배입니다. 그래서 학습 전에 gensim의 시작 벡터를 절반으로 줄입니다.
#
#   `GENSIM_DEFAULTS = True`로 바꾸면 gensim을 기본값 그대로(자신의 학습률, PTB의 문장, 자신의 시작 벡터) 실행하고,
#   이 차이들이 점수에 무엇을 하는지 8절에서 볼 수 있습니다.
#
# 모든 시간은 준비 시간(gensim의 어휘 훑기, numpy 경로의 계획)을 포함합니다. numba 커널은 이미 컴파일되어
# 있으므로(5절) 컴파일 시간은 들어가지 않습니다. 초당 단어 수는 말뭉치의 단어 수(크기의 `EPOCHS`배)를 시간으로 나눈
# 값입니다. 하위 샘플링을 하는 학습기는 그중 일부를 건너뛰지만(남는 비율은 1절이 출력했습니다) 모두 세고, 하위 샘플링을
# 하지 않는 계층으로 쌓은 모델은 모든 단어를 학습합니다.
#
# 컴파일된 백엔드와 gensim은 **회차**로 나누어 실행합니다. 회차는 8절에 필요한 시드마다 하나입니다(`QUALITY_SEEDS`개,
# 적어도 2개, 시드 `SEED`, `SEED + 1`, …). 한 회차는 스레드 수에 따른 기준선(아래)을 잰 바로 뒤에 이 둘을 스레드(gensim은
# 워커) 1개와 `THREADS`개로 한 번씩 잽니다. 시드가 바꾸는 것은 어느 단어를 버리고 뽑는지이지, 일의 양이 아닙니다. 다른 프로그램은 실행을
# 느리게 할 수만 있으므로 이 줄들은 가장 빠른 회차를 보여 주고(4절의 규칙), 8절은 모든 회차의 벡터를 채점합니다.
# 가장 느린 계층으로 쌓은 모델과 numpy 고속 경로는 한 번만 실행합니다(고속 경로는 첫 회차에서).

# %% tags=["nbval-ignore-output"]
table = {}  # 이름 -> (EPOCHS 에폭의 초, 스레드 수, 메모, 벡터 또는 None)
n_words = corpus.size * EPOCHS
thread_counts = sorted({1, max_threads})
seeds = [SEED + i for i in range(max(2, QUALITY_SEEDS))]  # 시드마다 한 회차


def row_name(trainer, n):
    unit = "워커" if trainer == "gensim" else "스레드"
    return f"{trainer}, {unit} {n}개"


contexts_all, target_all = create_contexts_target(corpus, WINDOW_SIZE)
layered = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE,
                      rng=np.random.default_rng(SEED))
trainer = w2vlib.Trainer(layered, w2vlib.Adam())
rng_layered = np.random.default_rng(SEED)
trainer.fit(contexts_all, target_all, max_epoch=1, batch_size=100, rng=rng_layered, progress=False, max_iters=3)
start = time.perf_counter()
trainer.fit(contexts_all, target_all, max_epoch=1, batch_size=100, rng=rng_layered, progress=False,
            max_iters=LAYERED_STEPS)
layered_wps = LAYERED_STEPS * 100 / (time.perf_counter() - start)
table["계층 CBOW + Adam, 배치 100"] = (n_words / layered_wps, 1,
                                    f"{LAYERED_STEPS}단계에서 외삽", None)

numba_settings = one_epoch.settings  # 패키지의 학습률 하한과 조각 크기 (5절의 실행)
try:
    from gensim.models import Word2Vec
    have_gensim = True
except ImportError:
    have_gensim = False
if GENSIM_DEFAULTS:  # PTB의 문장, 문장마다 <eos>로 끝납니다
    eos = word_to_id["<eos>"]
    pieces = [s for s in np.split(corpus, np.flatnonzero(corpus == eos) + 1) if s.size]
    pieces_note = "gensim 기본값, PTB의 문장"
else:  # 패키지의 조각 (fast.compiled가 말뭉치를 같은 방법으로 자릅니다)
    n_chunks = -(-corpus.size // numba_settings["chunk_words"])
    bounds = np.linspace(0, corpus.size, n_chunks + 1).astype(np.int64)
    pieces = [corpus[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
    pieces_note = (f"학습률 {LR:g}에서 {numba_settings['min_alpha']:g}까지, "
                   f"{numba_settings['chunk_words']:,}단어짜리 조각")
sentences = [[id_to_word[int(i)] for i in s] for s in pieces]


def gensim_train(workers, seed):
    settings = dict(vector_size=HIDDEN_SIZE, window=WINDOW_SIZE, negative=NEGATIVE, sg=0, min_count=1,
                    sample=1e-3, workers=workers, epochs=EPOCHS, seed=seed)
    if GENSIM_DEFAULTS:
        return Word2Vec(sentences, **settings)
    g = Word2Vec(alpha=LR, min_alpha=numba_settings["min_alpha"], **settings)
    g.build_vocab(sentences)
    g.wv.vectors *= 0.5  # 패키지와 같은 word2vec.c의 시작 범위 [-0.5/H, 0.5/H)
    g.train(sentences, total_examples=len(sentences), epochs=EPOCHS)
    return g


def gensim_vectors(g):
    return np.stack([g.wv[id_to_word[i]] for i in range(vocab_size)])


@njit(parallel=True)
def busy_sum(n):
    """스레드에 나눠 주기만 하면 되는 반복문. 같은 메모리에 쓰는 스레드가 없고 메모리 트래픽도 적습니다. 스레드로 얻을 수 있는 배율의 기준선을 보여 줍니다."""
    total = 0.0
    for i in numba.prange(n):
        total += math.sqrt(i + 0.5)
    return total


def busy_seconds(threads):
    numba.set_num_threads(threads)
    start = time.perf_counter()
    busy_sum(50_000_000)
    seconds = time.perf_counter() - start
    numba.set_num_threads(numba.config.NUMBA_NUM_THREADS)
    return seconds


busy_sum(1000)  # 컴파일
round_seconds = {}  # 이름 -> 회차마다의 초
many = {}  # 이름 -> 회차마다의 벡터 (8절이 채점합니다)
for r, seed in enumerate(seeds):  # 시드마다 한 회차: 그 회차의 기준선을 잰 바로 뒤에 학습기마다 한 번씩
    if max_threads > 1:
        for threads in (1, max_threads):
            round_seconds.setdefault(row_name("기준선", threads), []).append(busy_seconds(threads))
    if r == 0:  # numpy 고속 경로(스레드 1개나 2개)는 가장 느리므로 첫 회차에만
        for threads in sorted({1, min(2, max_threads)}):
            res = fast.train(corpus, vocab_size, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE,
                             negative=NEGATIVE, epochs=EPOCHS, seed=SEED, progress=False, threads=threads)
            table[row_name("numpy 고속 경로", threads)] = (
                res.wall_time, threads, f"학습률 {res.settings['alpha']:g}, 배치 {res.settings['batch_size']}",
                res.W_in)
            round_seconds[row_name("numpy 고속 경로", threads)] = [res.wall_time]
    for threads in thread_counts:
        res = numba_train(corpus, EPOCHS, threads, seed=seed, compute_loss=False)  # gensim도 손실을 계산하지 않습니다
        round_seconds.setdefault(row_name("numba", threads), []).append(res.wall_time)
        many.setdefault(row_name("numba", threads), []).append(res.W_in)
    if have_gensim:
        for workers in thread_counts:
            start = time.perf_counter()
            g = gensim_train(workers, seed)
            round_seconds.setdefault(row_name("gensim", workers), []).append(time.perf_counter() - start)
            many.setdefault(row_name("gensim", workers), []).append(gensim_vectors(g))

for threads in thread_counts:  # 줄마다 가장 빠른 회차의 시간과 첫 회차(시드 SEED)의 벡터
    name = row_name("numba", threads)
    table[name] = (min(round_seconds[name]), threads, f"학습률 {LR:g}", many[name][0])
for workers in thread_counts:
    name = row_name("gensim", workers)
    if have_gensim:
        table[name] = (min(round_seconds[name]), workers, pieces_note, many[name][0])
    else:
        table[name] = (math.nan, workers, "gensim이 설치되어 있지 않습니다 (pip install gensim)", None)

reference = row_name("gensim" if have_gensim else "numba", max_threads)
ref_seconds = table[reference][0]
print(f"단어 {corpus.size:,}개, {EPOCHS}에폭, CBOW, 은닉층 크기 {HIDDEN_SIZE}, 윈도우 {WINDOW_SIZE}, "
      f"부정적 예 {NEGATIVE}개 (속도는 '{reference}' 대비). numba와 gensim은 {len(seeds)}개 회차 중 가장 빠른 회차")
rows = []
for name, (seconds, _, note, _) in table.items():
    if math.isnan(seconds):
        rows.append([name, "-", "-", "-", note])
    else:
        rows.append([name, f"{seconds:.2f}", f"{n_words / seconds:,.0f}", f"{ref_seconds / seconds:.{2 if ref_seconds / seconds >= 0.1 else 4}f}배", note])
print(format_table(["학습기", "초", "초당 단어 수", "속도", "메모"], rows, align="<>>><"))

# %%
sec = {name: v[0] for name, v in table.items()}
numba_best = min(sec[row_name("numba", t)] for t in thread_counts)
numpy_best = min(v[0] for name, v in table.items() if name.startswith("numpy"))
assert sec["계층 CBOW + Adam, 배치 100"] > 5 * numba_best, "계층으로 쌓은 모델이 단연 가장 느려야 합니다"
assert numba_best < numpy_best, "컴파일된 단어 단위 SGD가 numpy 고속 경로보다 빨라야 합니다"
print("확인 통과: 계층으로 쌓은 모델이 단연 가장 느리고, 컴파일된 단어 단위 SGD가 numpy 고속 경로보다 빠릅니다.")

# %% [markdown]
# 학습기마다 스레드(gensim은 워커)를 늘리면 초당 단어 수가 얼마나 느는지 봅니다. 배율마다 옆에 **기준선**을
# 둡니다. 기준선은 스레드에 일을 나눠 주기만 하면 되는 반복문(trivially parallel loop)을 스레드 1개와 `THREADS`개로
# 잰 것입니다. 이 반복문은 여러 스레드가 같은 메모리에 쓰지 않고 메모리 트래픽도 적습니다. 기준선은 회차마다 맨 앞에서,
# 곧 그 회차의 학습기 바로 앞에서 잽니다. 그 반복문조차 거의 빨라지지 않거나 오히려 느려지면 그것이 실행될 때 빈 코어가 없었던 것이고, 평평한 선은
# 학습기에 대해 아무것도 말해 주지 않습니다. 그 반복문이 스레드 수에 가깝게 빨라지는데 학습기가 훨씬 덜 빨라진다면,
# 그 학습기는 스레드들이 함께 쓰는 무언가를 기다리는 것입니다. 기준선을 재는 반복문은 짧고 학습기는 그 뒤 몇 초 동안
# 실행되므로, 바쁜 컴퓨터에서는 둘이 같은 부하를 만난다는 보장이 없습니다. 그래서 기준선은 넘을 수 없는 상한이 아니고,
# 학습기가 기준선을 넘을 수도 있습니다. 아래 셀은 둘을 회차별로 출력하고, 학습기마다 같은 회차의 기준선에 대한 비율을
# 보여 주며, 학습기가 기준선을 넘으면 그렇다고 말합니다.

# %% tags=["nbval-ignore-output"]
usable_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
print(f"이 프로세스가 쓸 수 있는 코어 {usable_cores}개, numba의 스레드 {numba.config.NUMBA_NUM_THREADS}개")

fig, ax = plt.subplots(figsize=(7.5, 3.6))
for label, prefix, marker in (("numpy 고속 경로", "numpy 고속 경로", "s"), ("numba (컴파일)", "numba", "o"),
                              ("gensim", "gensim", "^")):
    points = [(v[1], n_words / v[0]) for name, v in table.items() if name.startswith(prefix) and not math.isnan(v[0])]
    if points:
        ax.plot(*zip(*points), marker=marker, label=label)
ax.set_xticks(thread_counts)
ax.set_xlabel("스레드 수 (gensim은 워커 수)")
ax.set_ylabel("초당 단어 수")
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:.0f}k" if v else "0"))
ax.set_ylim(bottom=0)
ax.set_title(f"학습 속도, PTB {EPOCHS}에폭")
ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))
plt.show()


def gains(trainer):
    """스레드 max_threads개의 속도를 1개의 속도로 나눈 값: 실행한 회차마다, 그리고 가장 빠른 회차끼리."""
    one = np.array(round_seconds[row_name(trainer, 1)])
    more = np.array(round_seconds[row_name(trainer, max_threads)])
    return one / more, one.min() / more.min()


if max_threads > 1:
    ceiling_r, ceiling = gains("기준선")
    n_rounds = len(ceiling_r)
    trainers = [t for t in ("numpy 고속 경로", "numba", "gensim") if row_name(t, max_threads) in round_seconds]
    rows = []
    for label, trainer in [("기준선 (나눠 주기만 하면 되는 반복문)", "기준선")] + [(t, t) for t in trainers]:
        per_round, best = gains(trainer)
        rows.append([label] + [f"{x:.2f}배" for x in per_round] + ["-"] * (n_rounds - len(per_round))
                    + [f"{best:.2f}배"])
    print(f"스레드(gensim은 워커) {max_threads}개일 때의 속도를 1개일 때의 속도로 나눈 값")
    print(format_table(["", *[f"{i + 1}회차" for i in range(n_rounds)], "가장 빠른 회차끼리"], rows,
                       align="<" + ">" * (n_rounds + 1)))
    for trainer in trainers:
        per_round, best = gains(trainer)
        share = per_round / ceiling_r[:len(per_round)]
        print(f"{trainer}: 한 번 실행한 회차(1회차)에서 {best:.2f}배, 그 회차 기준선의 {share[0]:.0%}"
              if len(share) == 1 else
              f"{trainer}: 가장 빠른 회차끼리 {best:.2f}배. 회차별로는 같은 회차 기준선의 {share.min():.0%}-"
              f"{share.max():.0%}")
        above = [i for i in range(len(share)) if share[i] > MARGIN]
        if above:
            i = above[0]
            busy_s = round_seconds[row_name("기준선", 1)][i] + round_seconds[row_name("기준선", max_threads)][i]
            run_s = round_seconds[row_name(trainer, 1)][i] + round_seconds[row_name(trainer, max_threads)][i]
            print(f"  {i + 1}회차에서 기준선의 {MARGIN}배를 넘었습니다. 기준선의 두 실행은 {busy_s:.2f}초, 그 회차의 뒤쪽에서 "
                  f"학습기의 두 실행은 {run_s:.1f}초 걸렸습니다(회차에 따라 기준선은 {ceiling_r.min():.2f}-"
                  f"{ceiling_r.max():.2f}배). 다른 순간에 다른 길이로 잰 두 측정은 같은 부하를 만나지 않았으므로, "
                  "그 회차에서 기준선은 상한이 아닙니다.")
    if ceiling_r.max() < 1.2:
        print("모든 회차에서 기준선이 1.2배 미만이었습니다. 컴퓨터가 바빴으므로(반복문이 실행될 때 빈 코어가 없었습니다) "
              "이 배율들은 한가한 컴퓨터에서의 Hogwild에 대해 말해 주는 것이 거의 없습니다.")
else:
    print("스레드가 하나뿐입니다(THREADS = 1이거나 numba가 코어를 하나만 봅니다). 늘려 볼 스레드가 없습니다.")

# %% [markdown]
# numpy 고속 경로의 둘째 스레드는 배치만 준비하고, 계산은 한 스레드에 남습니다. 컴파일된 커널과 gensim은 말뭉치 자체를
# 스레드들에 나눕니다. 이번 실행에서 그것으로 얼마나 빨라졌는지는 위의 줄들이 같은 회차에서 잰 기준선에 대한 비율로
# 보여 줍니다. 기준선이 1에 가깝거나 1보다 작은 회차(다른 프로그램으로 바쁜 컴퓨터)에서는 학습기의 배율이 한가한
# 컴퓨터에서의 Hogwild에 대해 말해 주는 것이 거의 없습니다. 1보다 작을 수도 있습니다. 병렬 반복문은 가장 늦은
# 스레드가 끝나야 끝나므로, 다른 프로그램이 코어 하나를 쓰고 있으면 그 코어를 기다리는 스레드가 반복문 전체를 늦추고,
# 스레드 둘이 하나보다 오래 걸릴 수 있습니다.

# %% [markdown]
# ## 8. 벡터의 품질도 같을까?
#
# 벡터가 나빠진다면 속도는 의미가 없습니다. 학습한 벡터를 프로젝트의 평가 함수(노트북 06)로 채점합니다. 프로젝트의
# PTB 유추 문제, 그리고 gensim의 테스트 데이터가 설치되어 있으면 PTB가 다루는 Google 유추 문제와 WordSim-353(사람의
# 평가와의 스피어먼 상관계수)입니다. 계층으로 쌓은 모델은 몇 단계만 학습했으므로 여기에는 없습니다.
#
# 학습 한 번은 추첨 한 번과 같습니다. 시드가 바뀌면 점수도 바뀝니다. 두 줄의 차이가 무엇을 뜻하는지 알려면 그 잡음을
# 알아야 합니다. 그래서 컴파일된 백엔드와 gensim은 각각 스레드(gensim은 워커) 1개와 `max_threads`개로, 7절에서
# 회차마다 한 번씩 시드 `SEED`, `SEED + 1`, …(`QUALITY_SEEDS`개, 적어도 2개)로 학습했습니다. 이 줄들은 시드에 걸친
# 평균 ± 표준편차를 보여 줍니다. numpy 고속 경로의 줄은 시드 하나입니다. 마지막 줄은 귀무 기준(null)입니다. 무작위
# 벡터, 곧 우연만으로 얻는 점수입니다.

# %% tags=["nbval-ignore-output"]
benchmarks = {"PTB 유추": ("analogy", Path("../..") / "data" / "analogies_ptb.txt")}
if have_gensim:
    from gensim.test.utils import datapath
    if Path(datapath("questions-words.txt")).is_file():
        benchmarks["Google 유추"] = ("analogy", datapath("questions-words.txt"))
    if Path(datapath("wordsim353.tsv")).is_file():
        benchmarks["WordSim-353"] = ("similarity", datapath("wordsim353.tsv"))


def score_all(W):
    """{평가: (점수, 그 점수의 바탕이 된 문제 또는 단어 쌍의 수)}"""
    out = {}
    for b, (kind, path) in benchmarks.items():
        if kind == "analogy":
            res = evaluate_analogies(path, W, word_to_id)
            out[b] = (res.accuracy, res.n_answered)
        else:
            res = evaluate_similarity(path, W, word_to_id)
            out[b] = (res.spearman, res.n_pairs)
    return out


numba_many, gensim_many = row_name("numba", max_threads), row_name("gensim", max_threads)
numba_one = row_name("numba", 1)
scores_many = {name: [score_all(W) for W in Ws] for name, Ws in many.items()}
scores_one = {}
for name, v in table.items():  # 서로 다른 벡터마다 한 줄 (고속 경로는 스레드 수와 상관없이 같은 벡터를 줍니다)
    if name not in many and v[3] is not None and not any(np.array_equal(v[3], table[other][3]) for other in scores_one):
        scores_one[name] = score_all(v[3])
null_draws = [score_all(np.random.default_rng(SEED + 1000 + i).standard_normal((vocab_size, HIDDEN_SIZE))
                        .astype(np.float32)) for i in range(3)]
null = null_draws[0]


def null_stats(b):
    xs = np.array([d[b][0] for d in null_draws])
    return xs.mean(), xs.std(ddof=1)


def mean_sd(name, b):
    xs = np.array([s[b][0] for s in scores_many[name]])
    return xs.mean(), xs.std(ddof=1)


def pooled_sd(b):
    """시드 여러 개로 학습한 모든 학습기(시드 수는 모두 같음)에 걸쳐 합친 시드 사이의 표준편차."""
    return math.sqrt(np.mean([mean_sd(name, b)[1] ** 2 for name in scores_many]))


def noise(name, b):
    """점수 하나의 잡음: 이 학습기의 시드 사이의 표준편차. 합친 표준편차보다 작게 잡지 않고, 정확도라면 문제 하나(1/N)보다도
    작게 잡지 않습니다."""
    floor = max(pooled_sd(b), 1 / null[b][1]) if benchmarks[b][0] == "analogy" else pooled_sd(b)
    return max(mean_sd(name, b)[1], floor)


def noise_null(b):
    """귀무 기준의 점수에서 평가 자체의 표본 오차 (무작위 추첨 한 번이 흩어지는 정도)."""
    n = null[b][1]
    if benchmarks[b][0] == "analogy":
        p = min(max(null_stats(b)[0], 1 / n), 1 - 1 / n)
        return math.sqrt(p * (1 - p) / n)
    return math.sqrt(1.06 / max(n - 3, 1))  # Spearman: Fisher's 1/(n - 3) on the variance, times 1.06 (Fieller)


rows = []
for name in table:
    if name in scores_many:
        rows.append([name, len(seeds)] + [f"{mean_sd(name, b)[0]:.4f} ± {mean_sd(name, b)[1]:.4f}"
                                          for b in benchmarks])
    elif name in scores_one:
        rows.append([name, 1] + [f"{scores_one[name][b][0]:.4f}" for b in benchmarks])
rows.append(["무작위 벡터 (귀무 기준)", len(null_draws)] + [f"{null_stats(b)[0]:.4f} ± {null_stats(b)[1]:.4f}"
                                                            for b in benchmarks])
print(format_table(["학습기", "시드 수"] + list(benchmarks), rows, align="<>" + ">" * len(benchmarks)))
print("답한 문제 수 또는 어휘에 있는 단어 쌍의 수: "
      + ", ".join(f"{b} {null[b][1]}" for b in benchmarks))

# %% [markdown]
# 잡음이 말해 주는 것. 여기서 학습한 점수는 모두 같은 문제(또는 단어 쌍)로 채점하므로, 두 점수를 비교할 때 중요한
# 잡음은 학습 실행만 바뀔 때 점수가 얼마나 움직이는지, 곧 같은 문제에서 잰 위의 시드 사이의 표준편차입니다. (그 퍼짐에는
# 실행마다 어느 문제를 맞히는지의 운이 이미 들어 있습니다. 평가 자체의 표본 오차 √(p(1 − p)/N)는 다른 문제들에 대해
# 말할 때에만 필요합니다.) 시드 세 개는 우연히 거의 같은 점수를 낼 수 있으므로, 어느 학습기의 잡음도 **합친**
# 퍼짐, 곧 시드 여러 개로 학습한 모든 학습기의 표준편차를 제곱 평균해 제곱근을 취한 값보다 작게 잡지 않고, 정확도라면
# 문제 하나(1/N)보다도 작게 잡지 않습니다. 차이가 잡음 안에 있으면 *실제 차이라고 보이지 못한* 것이지, 차이가 0이라고
# 보인 것은 아닙니다. 그래서 아래 셀은 각 비교가 무언가를 찾아낼 수 있었는지도 함께 말합니다.
# - **벡터가 무작위가 아닙니다**: 학습한 점수가 귀무 기준의 평균보다 귀무 기준 표준오차의 4배 넘게 높아야 합니다. 이
#   표준오차는 무작위 추첨 사이의 퍼짐과, 귀무 기준의 점수에서의 표본 오차 가운데 큰 쪽입니다(무작위 벡터는 문제마다
#   독립적으로 맞히기 때문입니다). 무작위 벡터는 이것을 통과하지 못합니다. 여기서 검사(assert)하는 확인은 이것
#   하나입니다. 학습 예산이 기본값 이상이면(`EPOCHS * LR`이 0.1 이상) 적어도 한 평가에서 통과해야 하고(통과하지 못한
#   평가가 있으면 확인 셀이 그 평가와 이유를 출력합니다), 학습이 그보다 적으면 확인 셀은 실패하지 않고 "아직"이라고
#   알립니다.
# - **Hogwild와 스레드 하나의 비교**: 같은 시드들로 학습한 컴파일된 백엔드의 스레드 `max_threads`개와 1개입니다. 두
#   평균의 차이를 웰치 t-검정(Welch's t-test)의 표준오차와 자유도로 봅니다(웰치 t-검정은 두 퍼짐이 달라도 됩니다). 이
#   비교는 t·(표준오차)보다 큰 차이만 가려낼 수 있습니다. 여기서 t는 홀름 보정(아래)의 가장 엄격한 단계, 곧 비교 묶음에서
#   가장 작은 p의 문턱입니다. 이 값을 가려낼 수 있는 폭이라고 부릅니다. 폭보다 큰 차이는 다른 비교와 상관없이 가려지고
#   (정확히 그 크기의 차이는 절반쯤), 더 작은 차이는 다른 비교가 먼저 가려졌을 때만 가려집니다. 그렇다면 무작위 벡터
#   수준까지 떨어진 것도 알아챌 수 있을까요? 그만큼 떨어진 스레드 실행은 무작위 벡터처럼 흩어질 것이므로, 셀은 이
#   질문에 대해서는 스레드 실행의 시드 사이 퍼짐 대신 귀무 기준의 표준오차로 폭을 계산하고, 평가마다 그 폭을 스레드
#   하나의 평균에서 귀무 기준까지의 거리와 나란히 출력합니다. 폭이 더 크면 그렇게 떨어져도 가려지지 않을 수 있으므로,
#   그 줄은 "검정력 없음"이라고 말합니다.
# - **컴파일된 백엔드와 gensim의 비교**(같은 일, 같은 설정, 같은 텍스트 조각, 같은 시작 범위): 시드에 걸친 평균의
#   차이를 같은 방법으로 검정합니다. 알려진 차이가 셋 남아 있습니다(앞의 둘은 4절). gensim은 시그모이드 표를
#   word2vec.c의 정수 계수 83으로 읽지만 패키지는 정확한 1000 / 12를 씁니다. gensim은 점수가 ±6을 넘는 출력
#   단어(타깃이든 부정적 예든)의 갱신을
#   *건너뛰지만*, word2vec.c와 이 패키지는 시그모이드를 0이나 1로 잘라 그대로 갱신합니다. 또 gensim은 윈도우 반경을
#   LCG가 아니라 numpy에서 뽑습니다.
#
# 비교 하나만 보면 95%에서 스무 번에 한 번꼴로 우연히 "차이"가 보입니다. 비교가 여럿이면 그중 적어도 하나가 그럴
# 확률은 더 큽니다. 많아야 비교의 수 곱하기 5%(본페로니 한계)이고, 비교들이 서로 독립이라면 1 − 0.95^m입니다(셀이
# 출력합니다. 여기서는 비교들이 데이터를 나눠 쓰므로 그보다 조금 작습니다). 그래서 모든 p를 홀름 보정(Holm correction, 노트북 05)을 거친 값으로도 보여 줍니다. 가장 작은
# p에는 비교의 수를, 그다음 p에는 그보다 하나 적은 수를 곱하는 식으로 나아가되 값이 줄어들지는 않게 합니다. 판정은
# 보정한 p로 하며, 이렇게 하면 비교 전체에서 거짓 "차이"가 하나라도 나올 확률이 5% 아래로 유지됩니다. 두 비교는
# 보고만 하고 단언(assert)하지는 않습니다. (numpy 고속 경로는 배치와 자신의 학습률을 쓰는 다른 학습기입니다. 그 줄은
# 읽으라고 둔 것이지 판정하려는 것이 아닙니다.)

# %% tags=["nbval-ignore-output"]
def welch(name_a, name_b, b):
    """a의 시드 평균 빼기 b의 시드 평균, 웰치의 표준오차와 자유도."""
    ka, kb = len(scores_many[name_a]), len(scores_many[name_b])
    va, vb = noise(name_a, b) ** 2 / ka, noise(name_b, b) ** 2 / kb  # 평균 하나하나의 오차
    se = math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (ka - 1) + vb**2 / (kb - 1))
    return mean_sd(name_a, b)[0] - mean_sd(name_b, b)[0], se, df


def paren(name):
    """'numba, 스레드 2개' -> 'numba(스레드 2개)': 항목을 쉼표로 나누는 목록에 쓰려고."""
    trainer, count = name.split(", ")
    return f"{trainer}({count})"


beats_null = []  # 학습한 벡터가 분명히 무작위가 아닌 평가
comparisons = []  # (평가, 비교, 차이, 표준오차, 자유도)
power = []  # 평가마다: Hogwild 비교가 무작위 벡터 수준까지 떨어지는 차이라도 알아챌 수 있었는가? (아래에서 출력)
for b in benchmarks:
    null_mean, null_sd = null_stats(b)
    null_se = max(null_sd, noise_null(b))
    above_null = mean_sd(numba_many, b)[0] - null_mean
    margin = 4 * null_se
    print(f"{b}: 학습한 벡터({numba_many}, 시드 평균) 빼기 귀무 기준 = {above_null:+.4f}, "
          f"귀무 기준의 표준오차 {null_se:.4f}, 그 4배 = {margin:.4f}")
    if above_null > margin:
        beats_null.append(b)
    print(f"  점수 하나의 잡음: 합친 시드 사이 표준편차 {pooled_sd(b):.4f}"
          + (f", 문제 하나 {1 / null[b][1]:.4f}" if benchmarks[b][0] == "analogy" else "")
          + ". 학습기별로는 " + ", ".join(f"{paren(name)} {mean_sd(name, b)[1]:.4f}" for name in scores_many))
    if max_threads > 1:
        diff, se, df = welch(numba_many, numba_one, b)
        comparisons.append((b, f"스레드 {max_threads}개 - 스레드 1개", diff, se, df))
        # 무작위 벡터 수준까지 떨어진 스레드 실행은 무작위 벡터처럼 흩어질 것입니다: 귀무 기준의 오차
        ka, kb = len(scores_many[numba_many]), len(scores_many[numba_one])
        va, vb = null_se**2 / ka, noise(numba_one, b) ** 2 / kb
        df_drop = (va + vb) ** 2 / (va**2 / (ka - 1) + vb**2 / (kb - 1))
        power.append((b, math.sqrt(va + vb), df_drop, mean_sd(numba_one, b)[0] - null_mean))
    if have_gensim and not GENSIM_DEFAULTS:
        comparisons.append((b, "numba - gensim", *welch(numba_many, gensim_many, b)))

p_raw = np.array([2 * stats.t.sf(abs(d / se), df) for _, _, d, se, df in comparisons])
p_holm = np.empty_like(p_raw)
running = 0.0
for rank, i in enumerate(np.argsort(p_raw)):  # 홀름 보정: rank번째로 작은 p에 (m - rank)를 곱하고, 값이 줄어들지 않게
    running = max(running, min(1.0, (len(p_raw) - rank) * p_raw[i]))
    p_holm[i] = running
rows = []
for (b, what, d, se, df), p, ph in zip(comparisons, p_raw, p_holm):
    verdict = ("낮음" if d < 0 else "높음") if ph < 0.05 else "구별되지 않음"
    rows.append([b, what, f"{d:+.4f} ± {se:.4f}", f"{d / se:+.1f}", f"{df:.1f}", f"{p:.2f}", f"{ph:.2f}", verdict])
if rows:
    print()
    print(format_table(["평가", "비교", "차이", "t", "자유도", "p", "p (홀름)", "판정"], rows,
                       align="<<>>>>><"))
    print(f"비교는 {len(rows)}개입니다. 실제 차이가 하나도 없어도 보정하지 않으면 적어도 하나가 p < 0.05를 보이는 "
          f"실행은 검정이 독립일 때 약 {1 - 0.95 ** len(rows):.0%}, 의존 관계와 상관없이는 많아야 "
          f"{min(1.0, 0.05 * len(rows)):.0%}입니다(본페로니 한계). "
          "홀름 보정을 거치면 많아야 5%입니다.")
for b, se, df, to_null in power:
    # 홀름 보정의 가장 엄격한 단계(alpha / m, 비교 묶음에서 가장 작은 p의 문턱): 이 폭보다 큰 차이는 다른 비교와 상관없이
    # 가려지고, 더 작은 차이는 다른 비교가 먼저 가려졌을 때만 가려집니다
    reach = stats.t.ppf(1 - 0.025 / len(comparisons), df) * se
    if reach < to_null:
        print(f"검정력, {b}: 비교 {len(comparisons)}개에 홀름 보정을 하고 스레드 실행이 무작위 벡터처럼 흩어진다고 "
              f"보면, Hogwild 비교는 약 {reach:.4f}보다 큰 차이를 다른 비교와 상관없이 가려냅니다(정확히 그 크기의 "
              f"차이는 절반쯤 가려냅니다). 스레드 1개는 무작위 벡터의 평균보다 {to_null:.4f} 높으므로, 그 평균까지 "
              "떨어진다면 대개 가려질 것입니다.")
    else:
        print(f"검정력 없음, {b}: 비교 {len(comparisons)}개에 홀름 보정을 하고 스레드 실행이 무작위 벡터처럼 흩어진다고 "
              f"보면, Hogwild 비교가 다른 비교와 상관없이 가려내는 차이는 약 {reach:.4f}보다 큰 것뿐인데, 그 값이 "
              f"스레드 1개에서 무작위 벡터까지의 거리({to_null:.4f})보다 큽니다. 무작위 벡터 수준까지 떨어져도 "
              "가려지지 않을 수 있습니다(EPOCHS를 늘려 보세요).")

# %%
budget = EPOCHS * LR  # 한 번의 학습이 갈 수 있는 거리: 기본값(0.05로 2에폭)은 0.1
if beats_null:
    print("확인 통과: 학습한 벡터가 무작위 벡터를 귀무 기준 표준오차의 4배 넘게 앞선 평가는 " + ", ".join(beats_null)
          + "입니다 (위의 Hogwild와 gensim 비교는 보고만 하고 단언하지 않습니다).")
    for b in benchmarks:
        if b not in beats_null:
            null_mean, null_sd = null_stats(b)
            print(f"통과하지 못함, {b}: 학습한 벡터와 귀무 기준의 거리(위에 출력)가 귀무 기준 "
                  f"표준오차의 4배({4 * max(null_sd, noise_null(b)):.4f}) 안입니다. "
                  f"{'문제' if benchmarks[b][0] == 'analogy' else '단어 쌍'} {null[b][1]:,}개로는 무작위 벡터 한 벌도 "
                  f"이미 {max(null_sd, noise_null(b)):.4f}만큼 흩어지며, {EPOCHS}에폭으로는 그것을 넘지 못합니다.")
else:
    assert budget < 0.1, ("학습한 벡터가 어느 평가에서도 무작위 벡터를 귀무 기준 표준오차의 4배 넘게 앞서지 못했습니다. "
                          "EPOCHS를 늘려 보세요")
    print(f"아직 아닙니다. EPOCHS = {EPOCHS}, LR = {LR}에서는 어느 평가에서도 학습한 벡터가 무작위 벡터를 귀무 기준 "
          "표준오차의 4배 넘게 앞서지 못하므로, 위의 비교는 아직 의미가 없습니다. EPOCHS나 LR을 늘려 보세요.")

# %% [markdown]
# ## 정리
#
# - 순수 파이썬의 단어 단위 확률적 경사 하강법(stochastic gradient descent, SGD) 반복문은 가망이 없습니다. 배열에
#   접근할 때마다 함수 호출입니다. 같은 함수를 numba의 `@njit`, 곧 JIT 컴파일(just-in-time compilation)로 컴파일하면
#   열 배 넘게 빨라집니다(얼마나 빨라지는지는 3절이 출력합니다). 첫 호출은 컴파일을 하므로, 두 번째 호출의 시간을 재 보세요.
# - 하위 샘플링(subsampling)은 윈도우를 뽑기 전에 단어를 흐름에서 뺍니다. word2vec.c, gensim, 패키지 모두 그렇게
#   하므로, 윈도우는 버린 단어 너머까지 닿습니다.
# - 기법은 짐작하지 않고 측정했습니다. 난수에는 word2vec.c의 LCG(상태가 정수 하나라서 조각마다 자기 난수 흐름을
#   가집니다), 시그모이드에는 표(오차는 표 한 칸에 시그모이드의 도함수의 최댓값 1/4를 곱한 값보다
#   작습니다), 부정적 예에는 word2vec.c의 거대한 표와
#   캐시에 머무는 gensim의 누적 분포(cumulative distribution) 표 이진 탐색입니다. 이 컴퓨터에서 어느 기법이 (있다면)
#   측정할 만큼 시간을 줄이거나 늘렸는지는 4절이 출력했습니다. 패키지는 LCG, 시그모이드 표, 이진 탐색을 씁니다.
# - float32와 `fastmath`가 있으면 컴파일러가 명령 하나로 숫자 여러 개를 더할 수 있습니다(SIMD). 5절은 커널의 내적을
#   그것들이 있을 때와 없을 때로 컴파일해 시간을 쟀습니다.
# - 잠금 없는 병렬 학습(lock-free parallel SGD, Hogwild)에서는 스레드들이 가중치를 함께 씁니다. 갱신 하나가
#   건드리는 행이 몇 개뿐이라서 통합니다. 스레드가 하나면 시드가 벡터를 재현하고, 여럿이면 실행할 때마다 벡터가
#   달라집니다. 8절은 이번 실행에서 스레드를 쓴 벡터의 품질을 스레드 하나일 때와 구별할 수 있는지 출력했고, 그 비교가
#   무작위 벡터 수준까지 떨어지는 차이라도 알아챌 검정력을 가졌는지를 평가마다 한 줄씩 출력했습니다.
# - 단어 단위 SGD에는 감쇠가 필요 없습니다. 각 갱신은 앞의 갱신이 움직인 행을 봅니다. 큰 배치는 자주 나오는 행의
#   갱신 여러 개를 같은 옛 행에서 계산해 더하므로, 노트북 05는 그것을 감쇠합니다.
# - word2vec.c와 gensim은 컴파일된 단어 단위 SGD로 빠르고, Hogwild 스레드로 그것을 여러 코어에 나눕니다.
#   `w2vlib.fast.compiled`도 같은 일을 하며, 그 커널은 5절이 `numba_kernels.py`에서 센 만큼의 numba 코드입니다.
#   7절은 numpy 고속 경로, gensim과 나란히 스레드 수에 따른 초당 단어 수를 그리고, 학습기마다 스레드로 얻은 배율을
#   같은 회차에서 스레드에 나눠 주기만 하면 되는 반복문이 얻은 기준선에 대한 비율로 출력했습니다. 기준선은 상한이 아니라
#   기준값입니다. 바쁜 컴퓨터에서는 두 측정이 같은 부하를 만난다는 보장이 없기 때문입니다. 8절은 어느 평가에서
#   벡터가 무작위 벡터를 앞서는지 확인하고(앞서지 못한 평가는 그 이유와 함께 출력했습니다), 같은 설정에서 컴파일된 백엔드의 평균 점수가 gensim과 얼마나 다른지를 표준오차와 함께
#   출력했습니다. 시드로 가려낼 수 없는 차이는 0이라고 보인 것이 아닙니다.
#
# ## 연습 문제
#
# 각 연습 문제는 스스로 채점합니다. `...`를 바꾸고 셀을 실행한 다음 판정을 읽어 보세요. `q1.hint()`는 힌트를,
# `q1.solution()`은 참고 답을 보여 줍니다.

# %%
q1, q2, q3 = w2vlib.exercises.load("09", lang="ko")

# %% [markdown]
# **1. 하위 비트는 얼마나 나쁠까?** word2vec.c는 단어를 남길지를 상태의 *가장 낮은* 16비트로 정합니다.
# `(next_random & 0xFFFF) / 65536`(`TrainModelThread`)입니다. 4절은 LCG의 하위 비트가 나쁘다고, 가장 낮은 비트는 0과 1을
# 번갈아 낼 뿐이라고 했습니다. 하위 `k`비트는 몇 걸음 만에 되풀이될까요? `period(k)`를 작성해 보세요. 상태 1에서
# 시작해 word2vec.c의 생성기(4절)로 한 걸음씩 나아가고, 하위 `k`비트(`state % 2**k`)가
# 처음으로 다시 상태 1의 하위 `k`비트와 같아질 때까지의 걸음 수를 돌려주면 됩니다. C처럼 `% 2**64`로 64비트만 남겨 보세요.
# 그러지 않으면 파이썬의 정수는 모든 비트를 남겨 걸음마다 커지고, 반복문이 아주 느려집니다. 채점은
# `k`를 1부터 16까지 넣어 봅니다.

# %%
def period(k):
    ...


q1.check(period)
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. 이진 탐색으로 단어 뽑기.** 구간 `[cdf[i-1], cdf[i])`에 `u`가 들어가는 단어 `i`를 찾는 `draw(cdf, u)`를 직접 쓴
# 이진 탐색으로 작성해 보세요(단어 0의 구간은 0에서 시작하고, 표의 마지막 항목은 1입니다). `np.searchsorted`와
# 파이썬의 `bisect.bisect_right`는 한 줄짜리 답이므로 채점이 받아 주지 않습니다. 채점은 단어 수천 개짜리 표를 함수에
# 넘겨 항목을 몇 번 읽는지도 셉니다(`len(cdf)`와 `cdf[i]`로 읽은 것만 세므로, `cdf`를 배열로 바꾸지 말고 바로
# 인덱싱해 보세요). 이진 탐색이라면 약 log2(V)번이면 됩니다.

# %%
def draw(cdf, u):
    ...


q2.check(draw)
# q2.hint()
# q2.solution()

# %% [markdown]
# **3. 부정적 예를 늘릴 때의 비용 예측.** 단어 하나의 시간은 고정된 부분(하위 샘플링, 윈도우, 입력 행)과 출력 행마다
# 드는 부분(내적 한 번, 행 갱신 두 번, 뽑기 한 번)의 합입니다. 다음 셀은 PTB 한 구간의 한 에폭을 부정적 예 2개와 8개로
# 잽니다. 그 두 측정값으로 부정적 예 `k`개의 시간을 예측하는 `seconds(k, t2, t8)`를 작성해 보세요. 여러분이 함수를 쓴
# 뒤에야 채점 셀이 부정적 예 14개의 시간을 재고, 예측을 그 측정값과 나란히 보여 줍니다. 판정은 잡음이 섞인 측정값
# 대신, 채점 셀이 만들어 낸 시간으로 여러분의 직선을 확인합니다. 어긋난 정도는 그다음 셀이 다룹니다.

# %% tags=["nbval-ignore-output"]
speed_slice = corpus[:200_000]


def time_negatives(k):
    """부정적 예 k개로 구간 한 에폭을 세 번 잰 시간 (초, 스레드 1개)."""
    return [numba_train(speed_slice, 1, 1, negative=k).wall_time for _ in range(3)]


runs_by_k = {k: time_negatives(k) for k in (2, 8)}
timed = {k: min(v) for k, v in runs_by_k.items()}  # 각각 세 번 중 가장 빠른 값
print("구간 한 에폭에 걸린 시간(초, 세 번 중 가장 빠른 값):", {k: round(v, 3) for k, v in timed.items()})

# %%
def seconds(k, t2, t8):
    ...


runs_by_k[14] = time_negatives(14)  # 예측을 쓴 뒤에야 잽니다
timed[14] = min(runs_by_k[14])
q3.check(seconds, t2=timed[2], t8=timed[8], t14=timed[14])
# q3.hint()
# q3.solution()

# %% [markdown]
# 직선은 얼마나 잘 맞을까요? 위의 시간은 두 시점에 쟀습니다(2개와 8개는 답을 쓰기 전, 14개는 쓴 뒤). 그사이에 부하가
# 바뀌었을 수 있습니다. 그래서 다음 셀은 부정적 예 2개, 8개, 14개를 번갈아 세 회차 다시 재고(느린 시기가 오면 셋이
# 똑같이 겪습니다), 2개와 8개의 가장 빠른 회차를 지나는 직선의 예측을 14개의 가장 빠른 회차와 나란히 놓고, 회차 사이의
# 퍼짐도 보여 줍니다. 빗나간 정도가 가장 큰 퍼짐보다 크면 부정적 예 하나를 더할 때의 비용이 일정하지 않다고 볼 수
# 있습니다. 2개에서 8개로 갈 때와 8개에서 14개로 갈 때의 부정적 예 하나당 비용을 비교해 보세요. 퍼짐이 크면 그 두
# 비용은 잡음만으로도 그만큼 다를 수 있습니다. (비용이 왜 달라지는지는 이 노트북에서 측정하지 않습니다. 단어마다 출력
# 행이 늘면 메모리 읽기·쓰기도 늘어납니다.)

# %% tags=["nbval-ignore-output"]
line = q3.answer_or_reference(seconds)
rounds = {k: [] for k in (2, 8, 14)}
for _ in range(3):  # 세 회차, 회차마다 k를 한 번씩
    for k in rounds:
        rounds[k].append(numba_train(speed_slice, 1, 1, negative=k).wall_time)
best = {k: min(v) for k, v in rounds.items()}
predicted = line(14, best[2], best[8])
miss = max(predicted, best[14]) / min(predicted, best[14])
spread = {k: max(v) / min(v) for k, v in rounds.items()}
print("에폭 하나의 시간(번갈아 잰 세 회차 중 가장 빠른 값):", ", ".join(f"k = {k}: {v:.3f}초" for k, v in best.items()))
print(f"부정적 예 14개: k = 2와 8을 지나는 직선의 예측 {predicted:.3f}초, 측정 {best[14]:.3f}초 "
      f"({predicted / best[14]:.2f}배)")
print("회차 사이의 퍼짐 (가장 느린 값 / 가장 빠른 값): " + ", ".join(f"k = {k}: {v:.2f}" for k, v in spread.items()))
print(f"빗나간 정도({miss:.2f}배)를 가장 큰 퍼짐({max(spread.values()):.2f})과 비교하면 "
      + ("그 안에 있습니다." if miss <= max(spread.values()) else "더 큽니다."))
print(f"부정적 예 하나당 비용: 2개에서 8개까지 {(best[8] - best[2]) / 6 * 1000:.1f}밀리초, "
      f"8개에서 14개까지 {(best[14] - best[8]) / 6 * 1000:.1f}밀리초")

# %% [markdown]
# 처음으로: [README](../../README.ko.md)에 시리즈 목록이 있습니다. `benchmarks/bench_ptb.py`는 명령줄(`python -m w2vlib
# train --backend numba`)을 열 에폭 동안 gensim과 비교해 시간을 잽니다.
#
# **출처**(이 노트북에서 확인한 것): word2vec.c(`word2vec.c`, tmikolov/word2vec: 하위 샘플링, 윈도우, LCG, 부정적 예는 `TrainModelThread`; 줄 끝을 `</s>`로 바꾸는 `ReadWord`;
# 부정적 예 표는 `InitUnigramTable`과 `table_size`; 파일 맨 위의 `#define` `EXP_TABLE_SIZE`와 `MAX_EXP`;
# `expTable`과 `-cbow`일 때의 `alpha = 0.05`는 `main`), gensim 4(`gensim/models/word2vec_inner.pyx`: `train_batch_cbow`, `w2v_fast_sentence_cbow_neg`,
# `bisect_left`, `random_int32`, `MAX_SENTENCE_LEN`, `gensim/models/word2vec.py`: `Word2Vec`의 기본값과
# `make_cum_table`, `gensim/models/keyedvectors.py`: `prep_vectors`), 4절에서 실행한 gensim 4.4.0(출력 가중치가 0일
# 때의 첫 갱신에서 읽은 시그모이드 표 항목), Java의 `java.util.Random`(문서에 적힌 `next(bits)`: 48비트 시드, 곱하는 수
# 0x5DEECE66D, 더하는 수 0xB), numba 문서(`@njit`, `cache=True`, "Performance Tips"의 `fastmath`, `parallel=True`와
# `prange`, `set_num_threads`, "Environment variables"의 `NUMBA_CACHE_DIR`에 적힌 캐시 위치), Niu, Recht, Ré, Wright의 "Hogwild!"(NIPS 2011,
# 초록), 패키지(`w2vlib/fast/numba_kernels.py`, `w2vlib/fast/compiled.py`), 밑바닥부터 시작하는 딥러닝 2(4.3절).
#
# [다음: 10 다른 길 (계층적 소프트맥스, 그리고 skip-gram)](10_the_other_road.ipynb)
