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
# 노트북 05에서는 numpy로 학습을 빠르게 만들었습니다. 큰 배치(batch)와, 배치마다 여러 계산을 한데 묶은 배열 연산 몇 번과,
# 희소한 행 갱신을 썼습니다. 그 결과 *워커 하나*의 gensim과 비슷한 속도가 나오지만, 워커 둘의 gensim은 그보다 더 빠릅니다.
# 그러면 자연스럽게 이런 질문이 나옵니다. **gensim은 어떻게 그렇게 빠를까요?**
#
# 답은 2013년에 word2vec.c가 이미 내놓았습니다. **한 번에 단어 하나씩** 학습하고(단어 단위 SGD, per-word SGD),
# 그것을 **컴파일된 코드**(compiled code)로 실행하며, **스레드들이 잠금 없이 가중치를 함께 갱신합니다**(Hogwild). 여기에
# 작은 기법 세 가지를 더합니다. 값싼 난수, 시그모이드 표, 그리고 부정적 예(negative example)를 뽑기 위한 누적 표입니다. 배치가 없으니
# 감쇠(damping)도 필요 없습니다. 이 노트북에서는 평범한 파이썬 반복문을 컴파일해 주는 [numba](https://numba.pydata.org)로
# 이것을 한 단계씩 만들고, 단계마다 얻는 것을 측정합니다.
#
# **이 노트북에서 배울 내용**
# - 단어 단위 반복문이 순수 파이썬에서는 가망이 없지만 컴파일하면 빨라지는 이유 (바뀌는 것은 데코레이터 `@njit`
#   하나뿐입니다), 그리고 컴파일된 코드의 시간을 정직하게 재는 법 (먼저 컴파일하고, 그다음에 측정)
# - Hogwild 스레드들이 모델 하나를 함께 학습하는 방법과, 희소한 갱신 덕분에 그것이 통하는 이유
# - 단어 단위 SGD에는 감쇠가 필요 없지만 numpy의 큰 배치에는 필요했던 이유 (노트북 05)
# - word2vec.c의 기법들이 주는 이득 (측정): `np.random` 대신 LCG, 시그모이드 표, 거대한 조회 표(lookup table) 대신 누적
#   유니그램 표의 이진 탐색(binary search)
# - 패키지의 컴파일된 백엔드 `w2vlib.fast.compiled` (`backend="numba"`)가 계층으로 쌓은 모델, numpy 고속 경로(fast
#   path), gensim과 비교해 속도와 벡터의 품질에서 어떤지

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
import inspect
import json
import math
import subprocess
import sys
import time
from pathlib import Path

import numba
from numba import njit

import w2vlib.exercises
from w2vlib import fast
from w2vlib.fast import compiled
from w2vlib.corpus import create_contexts_target
from w2vlib.data import load_ptb
from w2vlib.evaluation import evaluate_analogies, evaluate_similarity
from w2vlib.models import init_weights
from w2vlib.negative_sampling import UnigramSampler

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0                # 아래의 모든 무작위 선택은 이 시드에서 나옵니다
HIDDEN_SIZE = 100       # 단어 벡터 하나의 길이
WINDOW_SIZE = 5         # 맥락의 최대 반경 (단어마다 반경을 1..WINDOW_SIZE에서 뽑습니다)
NEGATIVE = 5            # 타깃마다 뽑는 부정적 예의 수
LR = 0.05               # 단어 단위 SGD의 시작 학습률 (word2vec.c의 CBOW 기본값)
SLICE_WORDS = 2_000     # 순수 파이썬 반복문이 학습할 PTB 단어 수 (느리기 때문)
TRICK_WORDS = 200_000   # 컴파일된 변형 하나가 학습할 PTB 단어 수 (두 번 실행해 더 빠른 쪽)
EPOCHS = 3              # 비교 표에 나오는 모든 학습기의 에폭 수 (벤치마크는 10)
LAYERED_STEPS = 100     # 계층으로 쌓은 모델의 단계 수 (배치 100); 그 시간은 외삽합니다
THREADS = 2             # Hogwild 스레드 수 (numba가 보는 코어 수 이하)

# %% [markdown]
# ## 1. 재료: 말뭉치, 하위 샘플링, 샘플러의 누적 표
#
# 단어 단위 SGD에는 단어마다 세 가지가 필요하고, 모두 패키지에 이미 있습니다.
# - 단어마다의 **남길 확률**(Mikolov의 하위 샘플링(subsampling): 자주 나오는 단어는 자주 건너뜁니다)
# - 0.75제곱한 유니그램 분포(unigram distribution)의 **누적 표**(cumulative table). 패키지의 `UnigramSampler`가
#   뽑을 때 쓰는 바로 그 표입니다(노트북 04). 균등한 난수 `u`는 구간 `[cdf[i-1], cdf[i])`에 `u`가 들어가는
#   단어 `i`를 고릅니다.
# - 패키지의 초기 가중치 (`W_in`은 작은 균등 난수, `W_out`은 0. word2vec.c와 같습니다)

# %%
corpus, word_to_id, id_to_word = load_ptb("train")
vocab_size = len(word_to_id)
counts = np.bincount(corpus, minlength=vocab_size)
keep_prob = fast.subsample_keep_prob(counts, 1e-3)
sampler = UnigramSampler(corpus, power=0.75, sample_size=NEGATIVE, vocab_size=vocab_size)
cdf = sampler.cum_table  # 샘플러 자신의 누적 표 (마지막 항목은 1)
print(f"말뭉치: {corpus.size:,} 단어, 어휘 수 {vocab_size:,}")
print(f"하위 샘플링은 에폭마다 단어의 {float((counts * keep_prob).sum()) / corpus.size:.1%}를 남깁니다; "
      f"'the'를 남길 확률은 {keep_prob[word_to_id['the']]:.3f}입니다")
print(f"누적 표: float64 항목 {cdf.size:,}개 = {cdf.nbytes / 1024:.0f} KiB")

# %% [markdown]
# ## 2. 한 번에 단어 하나씩, 순수 파이썬으로
#
# 네거티브 샘플링(negative sampling)을 쓰는 CBOW를 한 번에 타깃(target) 단어 하나씩, 모든 단계가 보이도록 평범한 반복문으로
# 썼습니다. 말뭉치의 단어마다 다음을 합니다.
# 1. 확률 `1 - keep_prob[word]`로 그 단어를 건너뜁니다 (하위 샘플링).
# 2. 윈도우 반경 `b`를 `1..window`에서 뽑고, `W_in`의 맥락(context) 행들을 평균해 `h`를 만듭니다.
# 3. 타깃(레이블 1)과 누적 표에서 뽑은 `negative`개의 단어(레이블 0)마다: 점수 `f = h · W_out[w]`,
#    `g = lr * (label - sigmoid(f))`, 그다음 `dh += g * W_out[w]`와 `W_out[w] += g * h`. (부정적 예로 뽑힌
#    단어가 마침 타깃 자신이면 건너뜁니다.)
# 4. 모든 맥락 행이 `dh` 전체를 받습니다 (word2vec.c의 갱신).
#
# 스위치 `lcg`, `use_sig_table`, `use_big_table`은 word2vec.c의 기법을 켭니다. 4절에서 그 효과를 측정합니다.
# 여기서는 학습률(learning rate)이 고정되어 있지만, 패키지는 학습이 진행되면서 학습률을 선형으로 낮춥니다.

# %%
def cbow_words(words, W_in, W_out, cdf, keep_prob, window, negative, lr, rng,
               lcg, seed, sig_table, use_sig_table, big_table, use_big_table):
    """`words`에 대해 단어 단위 CBOW SGD를 하며 W_in과 W_out을 제자리에서 갱신합니다. 손실의 합을 돌려줍니다."""
    H = W_in.shape[1]
    h = np.zeros(H, dtype=np.float32)
    dh = np.zeros(H, dtype=np.float32)
    state = np.uint64(seed)
    loss = 0.0
    n = len(words)
    for pos in range(n):
        word = words[pos]
        if lcg:  # word2vec.c의 난수: 곱셈 한 번과 덧셈 한 번
            state = state * np.uint64(25214903917) + np.uint64(11)
            u = (state >> np.uint64(11)) * (1.0 / 2**53)
        else:
            u = rng.random()
        if u >= keep_prob[word]:  # 1. 하위 샘플링
            continue
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
                    h[j] += W_in[words[p], j]
        for j in range(H):
            h[j] /= hi - lo - 1
        for d in range(negative + 1):  # 3. 타깃, 그다음 부정적 예들
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
            if use_sig_table:  # word2vec.c의 [-6, 6] 구간 표, 바깥은 잘라냄
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
                    W_in[words[p], j] += dh[j]
    return loss


sig_table, _ = compiled.sigmoid_tables()  # word2vec.c의 [-6, 6] 구간 1000개 항목
no_table = np.zeros(1, dtype=np.int32)    # 거대한 표를 끈 동안의 자리 표시자


def fresh_weights():
    return init_weights(vocab_size, HIDDEN_SIZE, np.random.default_rng(SEED), init="word2vec")


def untuned(fn, words, W_in, W_out):
    """np.random, 정확한 시그모이드, 이진 탐색으로 학습합니다: 기법 없음."""
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
print(f"순수 파이썬: {SLICE_WORDS:,} 단어에 {seconds_py:.2f} s = 초당 {SLICE_WORDS / seconds_py:,.0f} 단어; "
      f"PTB 10 에폭이면 {10 * corpus.size / (SLICE_WORDS / seconds_py) / 3600:.1f}시간이 걸립니다")

# %%
assert math.isfinite(loss_py) and np.any(W_out_py != 0), "반복문이 학습을 했어야 합니다"
print("확인 통과: 반복문이 학습했습니다")

# %% [markdown]
# ## 3. 같은 함수에 `@njit`
#
# `numba.njit`는 파이썬 함수를 주어진 인수 타입으로 처음 호출할 때 기계어로 컴파일합니다(JIT 컴파일, just-in-time
# compilation). 데코레이터 말고는 아무것도 바꾸지 않습니다. `njit(cbow_words)`는 같은 `def` 위에 `@njit`를 붙인
# 것과 정확히 같습니다. 시간을 정직하게 재려면 두 가지 규칙이 필요합니다.
# - **첫 호출은 컴파일을 합니다**(몇 초). 그 시간은 따로 재고, 어떤 속도 배율에도 넣지 않습니다.
# - 그다음 **같은 구간을 같은 초기 가중치에서** 실행하고, 두 버전이 같은 것을 계산했는지 확인한 뒤에야 시간을
#   비교합니다.

# %% tags=["nbval-ignore-output"]
cbow_words_jit = njit(cbow_words)  # 바뀐 것은 데코레이터 하나뿐
W_in_warm, W_out_warm = fresh_weights()
start = time.perf_counter()
untuned(cbow_words_jit, slice_words[:50], W_in_warm, W_out_warm)  # 컴파일
compile_seconds = time.perf_counter() - start
W_in_jit, W_out_jit = fresh_weights()
start = time.perf_counter()
loss_jit = untuned(cbow_words_jit, slice_words, W_in_jit, W_out_jit)
seconds_jit = time.perf_counter() - start
jit_speedup = seconds_py / seconds_jit
print(f"컴파일에 {compile_seconds:.1f} s 걸렸습니다 (세션마다 한 번, 아래 측정에는 넣지 않음)")
print(f"@njit: {SLICE_WORDS:,} 단어에 {seconds_jit * 1000:.1f} ms = 초당 {SLICE_WORDS / seconds_jit:,.0f} 단어, "
      f"순수 반복문의 {jit_speedup:.0f}배")

# %%
print(f"손실: 순수 파이썬 {loss_py:.4f}, 컴파일 {loss_jit:.4f}; "
      f"가중치의 가장 큰 차이 {np.abs(W_in_py - W_in_jit).max():.1e}")
assert abs(loss_py - loss_jit) < 1e-3 * abs(loss_py), "같은 함수, 같은 시드: 손실도 같아야 합니다"
np.testing.assert_allclose(W_out_jit, W_out_py, atol=1e-5)
assert jit_speedup > 10, "컴파일된 코드는 파이썬 반복문보다 10배 넘게 빨라야 합니다"
print("확인 통과: 결과가 같고, 컴파일된 반복문이 10배 넘게 빠릅니다")

# %% [markdown]
# 벡터화한 것은 하나도 없습니다. 컴파일된 함수도 파이썬 함수처럼 숫자를 하나씩 차례로 다룹니다. 다른 것은 각
# 단계의 비용입니다. 파이썬에서는 `W_in[row, j]` 하나하나가 함수 호출이고, 그때마다 float을 새 객체에 담습니다.
# 컴파일된 코드에서는 load 명령 하나입니다.

# %% [markdown]
# ## 4. word2vec.c의 기법들이 주는 것
#
# 반복문을 컴파일하고 나면 남는 비용은 뽑기 한 번마다 드는 비용입니다. word2vec.c에는 각각에 대한 기법이 있습니다.
# - **난수**: word2vec.c는 곱셈 한 번과 덧셈 한 번인 선형 합동 생성기(LCG, linear congruential generator)를 씁니다.
#   `state = state * 25214903917 + 11`, 2^64로 나눈 나머지입니다 (정수가 그냥 한 바퀴 돌아 넘어갑니다). 하위
#   비트는 품질이 나쁘고(가장 낮은 비트는 0, 1, 0, 1, …을 되풀이할 뿐입니다) 상위 비트가 좋으므로, `cbow_words`는
#   상위 53비트(`state >> 11`, float64의 정밀도와 정확히 같음)를 남기고 2^53으로 나누어 [0, 1) 구간의 `u`를
#   얻습니다. 컴파일된 코드 안에서는 numba의 `np.random`도 컴파일되므로, 여기서 LCG가 주는 속도 이득은 작을 수
#   있습니다(아래 표의 처음 두 줄이 측정합니다). 확실한 이득은 상태가 정수 하나라는 점입니다. 말뭉치의 조각(chunk)마다
#   자기 상태를 따로 가질 수 있고, 5절은 이것으로 스레드 학습을 조각 단위로 재현할 수 있게 만듭니다.
# - **시그모이드 함수**(sigmoid function): `exp`는 명령 수십 개입니다. word2vec.c는 [-6, 6] 구간의 값 1000개를 담은
#   표에서 읽습니다. `int((f + 6) * (1000 / 12))`가 점수 `f`를 인덱스 0..999로 바꾸고, [-6, 6] 밖의 점수는 0이나
#   1로 잘라냅니다. 표는 각 칸의 왼쪽 끝에서의 시그모이드 값을 담으므로, 오차는 많아야 한 칸(12 / 1000)에
#   시그모이드 곡선의 가장 가파른 기울기(도함수의 최댓값 1/4)를 곱한 값입니다.
# - **부정적 예**: 누적 표의 이진 탐색은 단계마다 후보 단어를 절반으로 줄이므로 약 log2(V) 단계(단어 10,000개라면
#   14단계)가 걸리고, 표는 캐시에 들어갑니다. word2vec.c는 그 대신 단어 ID 10^8개짜리 표(여기서는 10^7개)에서 항목
#   하나를 읽습니다. 이 표에서 각 단어는 자기 확률만큼의 몫을 차지합니다. 한 단계면 되지만, 40 MB 안의 무작위
#   주소이므로 캐시를 벗어납니다(cache miss).
#
# 변형마다 같은 초기 가중치에서 `TRICK_WORDS`개 단어를 학습합니다. 기법을 하나씩 더해 갑니다.

# %% tags=["nbval-ignore-output"]
big_table = np.minimum(np.searchsorted(cdf, (np.arange(10**7) + 0.5) / 10**7, side="right"),
                       vocab_size - 1).astype(np.int32)
trick_words = corpus[:TRICK_WORDS]
variants = [  # 이름, lcg, 시그모이드 표, 거대한 표
    ("np.random, exact sigmoid, bisection", False, False, False),
    ("LCG, exact sigmoid, bisection", True, False, False),
    ("LCG, sigmoid table, bisection", True, True, False),
    ("LCG, sigmoid table, 10^7-entry table", True, True, True),
]
trick_speed = {}
trick_loss = {}
for name, lcg, use_sig, use_big in variants:
    times = []
    for _ in range(2):  # 두 번 중 빠른 쪽: 다른 프로그램은 시간을 늘리기만 합니다
        W_in_t, W_out_t = fresh_weights()
        start = time.perf_counter()
        loss = cbow_words_jit(trick_words, W_in_t, W_out_t, cdf, keep_prob, WINDOW_SIZE, NEGATIVE, LR,
                              np.random.default_rng(SEED), lcg, SEED + 1, sig_table, use_sig, big_table, use_big)
        times.append(time.perf_counter() - start)
    trick_speed[name] = TRICK_WORDS / min(times)
    trick_loss[name] = loss
previous = None
for name, *_ in variants:
    vs = "" if previous is None else f"  윗줄의 {trick_speed[name] / trick_speed[previous]:.2f}배"
    print(f"{name:38s} 초당 {trick_speed[name]:>12,.0f} 단어{vs}")
    previous = name

# %%
x = np.linspace(-8, 8, 200_001)
exact = 1 / (1 + np.exp(-x))
inside = np.clip(((x + 6) * (sig_table.size / 12)).astype(int), 0, sig_table.size - 1)
from_table = np.where(x >= 6, 1.0, np.where(x <= -6, 0.0, sig_table[inside]))
table_error = np.abs(from_table - exact)
print(f"시그모이드 표: 가장 큰 오차 [-6, 6] 안에서 {table_error[np.abs(x) < 6].max():.4f}, "
      f"바깥의 잘라내기까지 포함하면 {table_error.max():.4f}")
names = [v[0] for v in variants]
losses = np.array([trick_loss[n] for n in names])
print("변형별 손실 (첫 번째 대비):", np.round(losses / losses[0], 3))
assert table_error[np.abs(x) < 6].max() < 12 / sig_table.size * 0.25 + 1e-6  # 한 칸 x 곡선의 최대 기울기 1/4
assert np.all(np.abs(losses / losses[0] - 1) < 0.05), "기법들이 학습 내용을 바꾸면 안 됩니다"
print("확인 통과: 표의 오차는 한 칸에 시그모이드 곡선의 최대 기울기(1/4)를 곱한 값보다 작고, "
      "모든 변형이 같은 것을 배웁니다 (손실 차이 5% 이내)")

# %% [markdown]
# 위의 배율은 기계 상태를 염두에 두고 읽어야 합니다. 각 값은 두 번 중 빠른 쪽이고, 바쁜 기계에서는 값이
# 흔들립니다. 표의 오차는 SGD 자체의 잡음(부정적 예는 무작위 단어입니다)에 비하면 작기 때문에 word2vec.c가 이것을 쓸
# 수 있었습니다. 거대한 조회 표가 이진 탐색보다 빠른지는 캐시에 달려 있습니다. 조회 표를 한 번 읽으면 보통 캐시를
# 벗어나지만, 탐색의 처음 몇 단계는 늘 캐시에 있고(같은 몇 개의 항목) 마지막 몇 단계만 벗어날 수 있습니다. 이번
# 실행에서는 다음과 같았습니다.

# %% tags=["nbval-ignore-output"]
big_vs_bisection = trick_speed[names[3]] / trick_speed[names[2]]
print(f"10^7개짜리 표는 이진 탐색 속도의 {big_vs_bisection:.2f}배였습니다 "
      f"(이 기계, 이번 실행에서 {'더 빠름' if big_vs_bisection > 1 else '더 느림'})")

# %% [markdown]
# ## 5. 패키지의 커널: SIMD, 보조를 맞춘 탐색, Hogwild 스레드
#
# `w2vlib.fast.compiled`(`w2vlib.fast.train(..., backend="numba")`와 `python -m w2vlib train --backend numba`가
# 씁니다)는 위의 반복문에서 세 가지 기법을 모두 켜고, 세 가지를 더 바꾼 것입니다.
# - 모든 것이 float32이고 `fastmath`로 컴파일되므로, `HIDDEN_SIZE`개 숫자의 내적과 행 갱신이 한 명령에 숫자 여러
#   개를 처리하는 SIMD 명령으로 실행됩니다.
# - 한 단어의 이진 탐색 `negative`개가 **보조를 맞춰**(lockstep) 진행됩니다(모든 탐색의 한 단계, 그다음 단계).
#   그래서 CPU는 메모리 읽기를 하나씩 기다리지 않고 겹쳐서 처리합니다.
# - 말뭉치를 조각으로 나누고, `prange`가 조각들을 스레드에 나누어 줍니다(다음 소절).
#
# 그 핵심인 네거티브 샘플링 갱신 하나입니다(시그모이드와 손실은 표에서 옵니다).

# %%
kernels = compiled.kernels()
print(inspect.getsource(kernels.ns_update))

# %% [markdown]
# `cbow_words`처럼 처음 쓸 때 컴파일됩니다. 다른 점은 `cache=True`로 컴파일된다는 것입니다. numba는 기계어를 패키지
# 옆에 저장하고, 나중의 파이썬 프로세스는 다시 컴파일하지 않고 그것을 불러옵니다. 몇 단어로 예열하고(컴파일하거나
# 불러오기), 그다음 스레드 하나로 한 에폭의 시간을 잽니다.

# %% tags=["nbval-ignore-output"]
def numba_train(words, epochs, threads, **kw):
    settings = dict(hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, alpha=LR, seed=SEED)
    return fast.train(words, vocab_size, backend="numba", epochs=epochs, threads=threads, progress=False,
                      **{**settings, **kw})


start = time.perf_counter()
numba_train(corpus[:5_000], 1, 1)
warmup_seconds = time.perf_counter() - start
one_epoch = numba_train(corpus, 1, 1)
print(f"예열 (컴파일하거나 캐시에서 불러오기): {warmup_seconds:.1f} s")
print(f"패키지 커널, 스레드 1개: 초당 {one_epoch.words_per_sec:,.0f} 단어, "
      f"같은 기법을 쓴 컴파일된 반복문의 {one_epoch.words_per_sec / trick_speed[names[2]]:.1f}배")

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
print(f"새 프로세스: import + 학습에 {cache['seconds']:.1f} s; "
      f"캐시에서 불러온 커널: {cache['hits']}, 컴파일한 커널: {cache['misses']}")

# %%
assert cache["hits"] >= 1 and cache["misses"] == 0, "두 번째 프로세스는 캐시된 커널을 불러와야 합니다"
print("확인 통과: 새 프로세스가 컴파일된 커널을 캐시에서 불러옵니다")

# %% [markdown]
# ### Hogwild: 서로를 기다리지 않는 스레드
#
# 스레드가 둘이면 각 스레드가 말뭉치의 조각을 하나씩 맡아 같은 단어 단위 반복문을 실행하며, **같은 `W_in`과 `W_out`을
# 잠금(lock) 없이 읽고 씁니다**. 틀린 방법처럼 들립니다. 한 스레드가 행을 읽는 동안 다른 스레드가 그 행을 절반쯤
# 갱신하고 있을 수 있고, 한 갱신이 다른 갱신을 덮어쓸 수도 있습니다. Niu, Recht, Ré, Wright(2011, "Hogwild!")는
# 희소한 문제에서는 그래도 통하는 이유를 보였습니다.
# - 갱신 하나는 아주 적은 행만 건드립니다. `2 * V`개의 행 중에서 `W_in`의 약 `2 * WINDOW_SIZE`개 행과 `W_out`의
#   `NEGATIVE + 1`개 행입니다. 두 스레드가 같은 순간에 같은 행을 건드리는 일은 드뭅니다.
# - 그런 일이 생겨도 대가는 작은 갱신 하나를 잃거나 조금 오래된 행에 적용하는 것입니다. SGD가 이미 안고 사는
#   잡음(무작위 부정적 예, 무작위 윈도우)과 같은 종류입니다.
# - 가장 많이 부딪히는 것은 자주 나오는 행(`the`, `<eos>`)이고, 하위 샘플링이 그런 행을 더 드물게 만듭니다.
#
# 스레드가 바꾸는 것: 스레드가 하나면 같은 시드가 비트 하나까지 같은 벡터를 줍니다. 둘이면 조각마다 여전히 같은
# 난수를 뽑지만, 스레드들의 갱신이 끼어드는 순서가 타이밍에 달려 있으므로 실행할 때마다 벡터가 조금씩 다릅니다.
# 품질은 다르지 않습니다.
#
# 스레드로 얻을 수 있는 것: 스레드마다 빈 코어가 하나씩 있을 때, 많아야 스레드 수만큼의 속도 향상입니다. 다른
# 프로그램으로 바쁜 기계에서는 추가된 스레드가 코어를 기다리므로, 아래에 출력되는 배율이 1에 가깝거나 그보다 작을 수도
# 있습니다.

# %% tags=["nbval-ignore-output"]
max_threads = min(THREADS, numba.config.NUMBA_NUM_THREADS)
two = numba_train(corpus, 1, max_threads)
print(f"스레드 {max_threads}개: 초당 {two.words_per_sec:,.0f} 단어 = "
      f"스레드 1개의 {two.words_per_sec / one_epoch.words_per_sec:.2f}배")

# %%
a = numba_train(corpus[:50_000], 1, 1)
b = numba_train(corpus[:50_000], 1, 1)
assert np.array_equal(a.W_in, b.W_in), "스레드 하나와 시드 하나: 똑같은 벡터"
assert abs(two.loss_per_epoch[0] - one_epoch.loss_per_epoch[0]) < 0.05 * one_epoch.loss_per_epoch[0]
print("확인 통과: 스레드 하나는 재현되고, 여러 스레드의 실행은 스레드 하나의 손실과 5% 안으로 같습니다")

# %% [markdown]
# ## 6. 단어 단위 SGD에 감쇠가 필요 없는 이유
#
# 노트북 05의 고속 경로는 배치 하나의 갱신을 모두 더한 뒤에 적용합니다. 자주 나오는 단어는 한 배치에 여러 번
# 나오므로, 그 행은 그 갱신들의 합을 한 단계에 받습니다. 그런데 그 갱신들은 모두 *같은 옛* 행에서 계산한 것이라 서로를
# 보정할 수 없습니다. 나온 횟수가 많으면 그 한 단계가 어떤 개별 갱신보다 훨씬 길어질 수 있으므로, 고속 경로는 그것을
# 감쇠합니다(CBOW에서는 `c`번 쓰인 행의 합을 `max(1, c / 4)`로 나눕니다). 감쇠를 끄면 어떻게 되는지는 노트북 05의
# 절제 실험(ablation)이 측정합니다. 단어 단위 SGD는 각 갱신을 바로 적용합니다. 다음 등장은 이미 움직인 행을 보고,
# 거기서부터 보정합니다. 등장 한 번의 단계는 `lr`에 기울기 하나를 곱한 것뿐이므로 감쇠할 합이 없습니다. 고속 경로의
# 배치 하나(하위 샘플링 후 타깃 1024개, 윈도우 전체)에 가장 자주 나오는 맥락 단어가 몇 번 나오는지 살펴보겠습니다.

# %%
kept_stream = corpus[np.random.default_rng(SEED).random(corpus.size) < keep_prob[corpus]]
contexts_ptb, _ = create_contexts_target(kept_stream[:1024 + 2 * WINDOW_SIZE], WINDOW_SIZE)
batch_counts = np.bincount(contexts_ptb.ravel(), minlength=vocab_size)
top_word = int(batch_counts.argmax())
print(f"타깃 1024개의 배치 하나에서 맥락 단어 '{id_to_word[top_word]}'의 등장 횟수는 {int(batch_counts[top_word])}번"
      f"입니다: 배치 단계는 그 행을 같은 옛 행에서 계산한 갱신 {int(batch_counts[top_word])}개의 합만큼 "
      f"움직이고, 단어 단위 SGD는 그것들을 하나씩 적용합니다")
assert batch_counts.max() > 4, "고속 경로의 CBOW 감쇠 기준(4)보다 많아야 합니다"

# %% [markdown]
# ## 7. 표 하나: 모든 학습기, 같은 설정
#
# 같은 말뭉치, CBOW, `HIDDEN_SIZE`, `WINDOW_SIZE`, `NEGATIVE`, 하위 샘플링 1e-3, `EPOCHS` 에폭(epoch):
# - 교재가 만드는 **계층으로 쌓은** 모델(Embedding + NegativeSamplingLoss, Adam, 배치 100)은 `LAYERED_STEPS`
#   단계만 실행하고, `EPOCHS` 에폭의 시간은 그것에서 **외삽**합니다.
# - 기본 설정의 **numpy 고속 경로**(`fast.train`, 노트북 05)
# - 스레드 1개와 `THREADS`개의 **컴파일된 백엔드**
# - gensim이 설치되어 있으면 워커 1개와 2개의 **gensim** `Word2Vec` (그 밖에는 gensim의 기본값, 예를 들어 학습률
#   0.025)
#
# 모든 시간은 준비 시간(gensim의 어휘 훑기, numpy 경로의 계획)을 포함합니다. numba 커널은 이미 컴파일되어
# 있으므로(5절) 컴파일 시간은 들어가지 않습니다.

# %% tags=["nbval-ignore-output"]
table = {}  # 이름 -> (EPOCHS 에폭의 초, 메모, 벡터 또는 None)
n_words = corpus.size * EPOCHS

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
table["layered CBOW + Adam, batch 100"] = (n_words / layered_wps,
                                           f"{LAYERED_STEPS}단계에서 외삽", None)

r = fast.train(corpus, vocab_size, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE,
               epochs=EPOCHS, seed=SEED, progress=False)
table["numpy fast path (notebook 05)"] = (r.wall_time, "", r.W_in)
for threads in sorted({1, max_threads}):
    r = numba_train(corpus, EPOCHS, threads)
    table[f"numba, {threads} thread{'s' if threads > 1 else ''}"] = (r.wall_time, "", r.W_in)

try:
    from gensim.models import Word2Vec
    have_gensim = True
except ImportError:
    have_gensim = False
if have_gensim:
    eos = word_to_id["<eos>"]
    sentences = [[id_to_word[int(i)] for i in s]
                 for s in np.split(corpus, np.flatnonzero(corpus == eos) + 1) if s.size]
    for workers in (1, 2):
        start = time.perf_counter()
        g = Word2Vec(sentences, vector_size=HIDDEN_SIZE, window=WINDOW_SIZE, negative=NEGATIVE, sg=0,
                     min_count=1, sample=1e-3, workers=workers, epochs=EPOCHS, seed=SEED)
        seconds = time.perf_counter() - start
        W_g = np.stack([g.wv[id_to_word[i]] for i in range(vocab_size)])
        table[f"gensim, {workers} worker{'s' if workers > 1 else ''}"] = (seconds, "", W_g)
else:
    for workers in (1, 2):
        table[f"gensim, {workers} worker{'s' if workers > 1 else ''}"] = (
            math.nan, "gensim이 설치되어 있지 않습니다 (pip install gensim)", None)

reference = "gensim, 2 workers" if have_gensim else "numpy fast path (notebook 05)"
ref_seconds = table[reference][0]
print(f"{corpus.size:,} 단어 {EPOCHS} 에폭, CBOW, 은닉 {HIDDEN_SIZE}, 윈도우 {WINDOW_SIZE}, "
      f"부정적 예 {NEGATIVE}개 (속도는 {reference} 대비)")
print(f"{'trainer':32s} {'seconds':>9s} {'words/s':>12s} {'speed':>7s}  note")  # 한글은 폭이 두 칸이라 열 제목은 영어로 둡니다
for name, (seconds, note, _) in table.items():
    if math.isnan(seconds):
        print(f"{name:32s} {'-':>9s} {'-':>12s} {'-':>7s}  {note}")
    else:
        print(f"{name:32s} {seconds:9.2f} {n_words / seconds:12,.0f} {ref_seconds / seconds:6.2f}x  {note}")

# %%
sec = {name: v[0] for name, v in table.items()}
numba_best = min(sec[f"numba, {t} thread{'s' if t > 1 else ''}"] for t in sorted({1, max_threads}))
assert sec["layered CBOW + Adam, batch 100"] > 5 * numba_best, "계층으로 쌓은 모델이 단연 가장 느려야 합니다"
assert numba_best < sec["numpy fast path (notebook 05)"], "컴파일된 단어 단위 SGD가 numpy 고속 경로를 이겨야 합니다"
print("확인 통과: 계층으로 쌓은 모델이 단연 가장 느리고, 컴파일된 단어 단위 SGD가 numpy 고속 경로를 "
      "이깁니다")

# %% [markdown]
# ## 8. 벡터의 품질도 그만큼 좋을까요?
#
# 벡터가 나빠진다면 속도는 아무 의미가 없습니다. 학습한 결과마다 프로젝트의 평가 함수(노트북 06)로 점수를 매깁니다.
# 프로젝트의 PTB 유추 문제(analogy problem)로, 그리고 gensim의 테스트 데이터가 설치되어 있으면 PTB가 다루는
# Google 유추 문제와 WordSim-353(사람이 매긴 점수와의 스피어먼 상관계수)으로도 매깁니다. 계층으로 쌓은 모델은 몇
# 단계만 학습했으므로 여기에는 나오지 않습니다.

# %% tags=["nbval-ignore-output"]
benchmarks = {"PTB analogies": ("analogy", Path("../..") / "data" / "analogies_ptb.txt")}
if have_gensim:
    from gensim.test.utils import datapath
    if Path(datapath("questions-words.txt")).is_file():
        benchmarks["Google analogies"] = ("analogy", datapath("questions-words.txt"))
    if Path(datapath("wordsim353.tsv")).is_file():
        benchmarks["WordSim-353"] = ("similarity", datapath("wordsim353.tsv"))
scores = {}
for name, (_, _, W) in table.items():
    if W is None:
        continue
    scores[name] = {b: (evaluate_analogies(path, W, word_to_id).accuracy if kind == "analogy"
                        else evaluate_similarity(path, W, word_to_id).spearman)
                    for b, (kind, path) in benchmarks.items()}
print(f"{'trainer':32s}" + "".join(f"{b:>18s}" for b in benchmarks))
for name, s in scores.items():
    print(f"{name:32s}" + "".join(f"{s[b]:18.4f}" for b in benchmarks))

# %%
numba_1 = scores["numba, 1 thread"]
numpy_fast = scores["numpy fast path (notebook 05)"]
for b in benchmarks:
    assert numba_1[b] > 0.7 * numpy_fast[b] - 0.01, f"{b}에서 numba의 벡터도 비슷한 점수를 내야 합니다"
print("확인 통과: 컴파일된 백엔드의 벡터는 numpy 고속 경로의 벡터와 적어도 비슷한 점수를 냅니다")

# %% [markdown]
# 시드 하나로 `EPOCHS` 에폭을 한 번 실행한 결과입니다. 줄 사이의 작은 차이는 더 나은 학습기 때문이 아니라 시드에 따른
# 잡음일 수 있습니다(벤치마크 `benchmarks/bench_ptb.py`는 열 에폭을 세 시드로 평균합니다).
#
# ## 정리
#
# - 순수 파이썬의 단어 단위 확률적 경사 하강법(SGD, stochastic gradient descent) 반복문은 가망이 없습니다. 배열에
#   접근할 때마다 함수 호출이 일어나기 때문입니다. 같은 함수를 numba의 `@njit`로 컴파일(JIT 컴파일, just-in-time
#   compilation)하면 열 배 넘게 빨라집니다(얼마나 빨라지는지는 3절이 출력합니다). 첫 호출은 컴파일을 하므로, 시간은
#   두 번째 호출에서 잽니다.
# - Hogwild(잠금 없는 병렬 학습, lock-free parallel SGD) 스레드들은 잠금 없이 가중치를 공유합니다. 갱신 하나가 몇
#   개의 행만 건드리기 때문에 통합니다. 스레드가 하나면 시드가 벡터를 재현하고, 둘이면 끼어드는 순서는 재현되지
#   않지만 품질은 재현됩니다.
# - 단어 단위 SGD에는 감쇠(damping)가 필요 없습니다. 각 갱신이 앞의 갱신이 움직인 행을 봅니다. 큰 배치는 자주 나오는
#   행의 여러 갱신을 같은 옛 행에서 계산해 더하므로, 노트북 05는 그것을 감쇠합니다.
# - word2vec.c의 기법들 (측정): 난수를 위한 선형 합동 생성기(LCG, 상태가 정수 하나라 조각마다 자기 난수열을 가짐),
#   시그모이드 표(오차는 한 칸에 곡선의 최대 기울기를 곱한 값보다 작음), 그리고 부정적 예를 위해서는 캐시를 벗어나는 거대한
#   조회 표 대신 캐시에 머무는 누적 분포(cumulative distribution) 표의 이진 탐색.
# - 컴파일된 단어 단위 SGD와 Hogwild 스레드가 word2vec.c와 gensim이 빠른 이유입니다. `w2vlib.fast.compiled`는 그것을
#   numba 수십 줄로 해내고, 그 벡터는 다른 학습기의 벡터와 비슷한 점수를 냅니다(8절).
#
# ## 연습 문제
#
# 연습 문제마다 자동 채점이 있습니다. `...`를 답으로 바꾸고 셀을 실행한 뒤 판정을 읽어 보세요. `q1.hint()`는
# 힌트를, `q1.solution()`은 풀이를 보여 줍니다.

# %%
q1, q2, q3 = w2vlib.exercises.load("09", lang="ko")

# %% [markdown]
# **1. word2vec.c의 난수.** `lcg(state)`를 작성해 보세요. word2vec.c 생성기(4절)의 다음 상태를, C가 64비트
# `unsigned long long` 상태로 계산하는 것과 정확히 같게 돌려주는 함수입니다. 주의: 파이썬의 정수는 C의 정수처럼
# 동작하지 않습니다.

# %%
def lcg(state):
    ...


q1.check(lcg)
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. 이진 탐색으로 단어 뽑기.** `draw(cdf, u)`를 작성해 보세요. 구간 `[cdf[i-1], cdf[i])`에 `u`가 들어가는 단어
# `i`를 (`cdf[-1] = 1`일 때) `np.searchsorted` 없이 약 log2(V) 단계의 이진 탐색으로 찾는 함수입니다.

# %%
def draw(cdf, u):
    ...


q2.check(draw)
# q2.hint()
# q2.solution()

# %% [markdown]
# **3. 부정적 예를 늘리는 비용 예측하기.** 단어 하나에 드는 시간은 고정된 부분(하위 샘플링, 윈도우, 입력 행들)에
# 출력 행 하나마다 드는 부분(내적 한 번, 행 갱신 두 번, 뽑기 한 번)을 더한 것입니다. 아래에서 PTB 일부 구간의 한
# 에폭을 부정적 예 2개와 8개로 잽니다. 이 두 측정값으로 부정적 예 `k`개일 때의 시간을 예측하는 `seconds(k, t2, t8)`를
# 작성해 보세요. 자동 채점 셀이 부정적 예 14개에 대한 여러분의 예측을 측정값과 비교합니다(너그럽게: 시간 측정에는
# 잡음이 있습니다).

# %% tags=["nbval-ignore-output"]
speed_slice = corpus[:300_000]
timed = {}
for k in (2, 8, 14):  # 각각 세 번 중 가장 빠른 값
    timed[k] = min(numba_train(speed_slice, 1, 1, negative=k).wall_time
                   for _ in range(3))
print("구간 한 에폭에 걸린 시간(초):", {k: round(v, 3) for k, v in timed.items()})

# %%
def seconds(k, t2, t8):
    ...


q3.check(seconds, t2=timed[2], t8=timed[8], t14=timed[14])
# q3.hint()
# q3.solution()

# %% [markdown]
# 처음으로 돌아가기: [README](../../README.ko.md)에 시리즈 목록이 있습니다. `benchmarks/bench_ptb.py`는 명령줄
# (`python -m w2vlib train --backend numba`)을 열 에폭 동안 gensim과 비교해 시간을 잽니다.
#
# [다음: 10 다른 길 (계층적 소프트맥스, 그리고 skip-gram)](10_the_other_road.ipynb)
