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
# # 09. The last mile: per-word SGD compiled, as word2vec.c and gensim do it
#
# Book: *Deep Learning from Scratch 2*, section 4.3 (and beyond the book)
#
# Notebook 05 made training fast with numpy: big batches, a few fused array operations per batch, sparse
# row updates. A student who sets it next to gensim, a widely used library for training word2vec (section 7
# times both on this computer and prints the ratio), asks the obvious question: **how does gensim do it?**
#
# The answer is the one word2vec.c gave in 2013: train **one word at a time** (per-word SGD), in
# **compiled** code, with **threads that share the weights without locks** (Hogwild), and cheap ways to do
# the three things every word needs: random numbers (a linear congruential generator), the sigmoid (a
# table), and a negative word (one read of a table of 10^8 word ids). gensim keeps the sigmoid table and a
# generator of the same kind (section 4: the same constants, 48 bits of state instead of 64), and draws a
# negative by a binary search of a small cumulative table instead. No batches, so no damping. We build
# this step by step with [numba](https://numba.pydata.org), a compiler for plain Python loops, and measure
# what every step buys, or costs.
#
# **You will learn**
# - why a per-word loop is hopeless in plain Python and fast once compiled, with the decorator `@njit` as
#   the only change, and how to time compiled code honestly (compile first, then measure);
# - what the tricks buy or cost, measured: word2vec.c's random numbers and sigmoid table, and its huge
#   table of negatives against gensim's binary search;
# - how Hogwild threads train one model together, and why sparse updates make that work;
# - why per-word SGD needs no damping while big numpy batches did (notebook 05);
# - how the package's compiled backend, `w2vlib.fast.compiled` (`backend="numba"`), compares with the layered
#   model, the numpy fast path and gensim, in speed per thread and in the quality of the vectors, with the
#   seed-to-seed noise that decides what a difference means.

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
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0                # every random choice below comes from this seed
HIDDEN_SIZE = 100       # length of each word vector
WINDOW_SIZE = 5         # maximum context radius (each word draws its radius from 1..WINDOW_SIZE)
NEGATIVE = 5            # negative samples per target
LR = 0.05               # starting learning rate of every per-word SGD trainer here (word2vec.c's CBOW default)
SLICE_WORDS = 1_000     # PTB words the plain-Python loop trains on (it is slow)
TRICK_WORDS = 100_000   # PTB words each compiled variant trains on (sections 4 and 5: fastest of 3 rounds)
EPOCHS = 2              # epochs of every trainer in the comparison table (the benchmark runs 10)
LAYERED_STEPS = 50      # steps of the layered model (batch 100); its time is extrapolated
THREADS = 2             # Hogwild threads (at most the number of cores numba sees)
QUALITY_SEEDS = 3       # seeds per trainer in section 8, to measure the seed-to-seed noise (at least 2)
GENSIM_DEFAULTS = False  # True: gensim with its own defaults instead of the package's settings (section 7)

# %% [markdown]
# ## 1. The pieces: corpus, subsampling, the sampler's cumulative table
#
# Per-word SGD needs three things per word, all of them already in the package:
# - the **keep probability** of each word (Mikolov's subsampling: frequent words are skipped often);
# - the **cumulative table** of the unigram distribution to the power 0.75, the one the package's
#   `UnigramSampler` draws from (notebook 04): a uniform number `u` picks the word `i` whose interval
#   `[cdf[i-1], cdf[i])` holds `u` (word 0's interval starts at 0, and the table's last entry is 1);
# - the package's initial weights (`W_in` small uniform numbers, `W_out` zeros, as word2vec.c).

# %%
corpus, word_to_id, id_to_word = load_ptb("train")
vocab_size = len(word_to_id)
counts = np.bincount(corpus, minlength=vocab_size)
keep_prob = fast.subsample_keep_prob(counts, 1e-3)
sampler = UnigramSampler(corpus, power=0.75, sample_size=NEGATIVE, vocab_size=vocab_size)
cdf = sampler.cum_table  # the sampler's own cumulative table (the last entry is 1)
print(f"corpus: {corpus.size:,} words, vocabulary {vocab_size:,}")
print(f"subsampling keeps {float((counts * keep_prob).sum()) / corpus.size:.1%} of the words per epoch; "
      f"'the' is kept with probability {keep_prob[word_to_id['the']]:.3f}")
print(f"cumulative table: {cdf.size:,} float64 entries = {cdf.nbytes / 1024:.0f} KiB; a binary search of it "
      f"reads at most {math.ceil(math.log2(vocab_size + 1))} entries")

# %% [markdown]
# ## 2. One word at a time, in plain Python
#
# Here is CBOW with negative sampling, one target word at a time, written with plain loops so that every
# step is visible:
# 1. **subsampling**: each word of the corpus is dropped with probability `1 - keep_prob[word]`, and dropped
#    words leave the stream: the words kept close up, so a window reaches past them. word2vec.c
#    (`TrainModelThread`) and gensim (`train_batch_cbow`) both drop words this way, while they read a
#    sentence, before any window is drawn; so does the package's kernel (section 5);
# 2. for each kept word, draw its window radius `b` from `1..window` and average the context rows of `W_in`
#    into `h`;
# 3. for the target (label 1) and `negative` words drawn from the cumulative table (label 0): the score
#    `f = h · W_out[w]`, `g = lr * (label - sigmoid(f))`, then `dh += g * W_out[w]` and `W_out[w] += g * h`
#    (a negative that happens to be the target itself is skipped, as word2vec.c does);
# 4. every context row gets the whole `dh` (word2vec.c's update).
#
# The switches `lcg`, `use_sig_table`, `use_big_table` turn on word2vec.c's tricks; section 4 measures them.
# The learning rate is fixed here; the package lets it fall linearly over training. Windows here run over
# the whole slice; word2vec.c and gensim stop them at sentence ends (section 7 comes back to this).

# %%
def cbow_words(words, W_in, W_out, cdf, keep_prob, window, negative, lr, rng,
               lcg, seed, sig_table, use_sig_table, big_table, use_big_table):
    """Per-word CBOW SGD over `words`, updating W_in and W_out in place. Returns the summed loss."""
    H = W_in.shape[1]
    h = np.zeros(H, dtype=np.float32)
    dh = np.zeros(H, dtype=np.float32)
    state = np.uint64(seed)
    loss = 0.0
    kept = np.empty(len(words), dtype=np.int64)
    n = 0
    for i in range(len(words)):  # 1. subsampling: the dropped words leave the stream
        if lcg:  # word2vec.c's random numbers: one multiply and one add
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
        b = 1 + int(u * window)  # 2. the dynamic window: radius 1..window
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
        for d in range(negative + 1):  # 3. the target, then the negatives
            if d == 0:
                w, label = word, 1
            else:
                if lcg:
                    state = state * np.uint64(25214903917) + np.uint64(11)
                    u = (state >> np.uint64(11)) * (1.0 / 2**53)
                else:
                    u = rng.random()
                if use_big_table:  # word2vec.c: one read of a huge table
                    w = big_table[int(u * len(big_table))]
                else:  # gensim: binary search of the cumulative table
                    w = np.searchsorted(cdf, u, side="right")
                if w == word:
                    continue
                label = 0
            f = 0.0
            for j in range(H):
                f += h[j] * W_out[w, j]
            if use_sig_table:  # word2vec.c's table on [-6, 6], clipped outside
                y = 1.0 if f >= 6 else 0.0 if f <= -6 else sig_table[int((f + 6) * (len(sig_table) / 12))]
            else:
                y = 1 / (1 + math.exp(-f))
            loss -= math.log(y + 1e-7) if label else math.log(1 - y + 1e-7)
            g = np.float32(lr * (label - y))
            for j in range(H):
                dh[j] += g * W_out[w, j]
                W_out[w, j] += g * h[j]
        for p in range(lo, hi):  # 4. every context row gets the whole dh
            if p != pos:
                for j in range(H):
                    W_in[kept[p], j] += dh[j]
    return loss


sig_table, _ = compiled.sigmoid_tables()  # word2vec.c's 1000 entries on [-6, 6]
no_table = np.zeros(1, dtype=np.int32)    # placeholder while the big table is off


def fresh_weights():
    return init_weights(vocab_size, HIDDEN_SIZE, np.random.default_rng(SEED), init="word2vec")


def untuned(fn, words, W_in, W_out):
    """Train with np.random, the exact sigmoid and the binary search: no tricks."""
    return fn(words, W_in, W_out, cdf, keep_prob, WINDOW_SIZE, NEGATIVE, LR, np.random.default_rng(SEED),
              False, SEED + 1, sig_table, False, no_table, False)


# %% [markdown]
# Time it on the first `SLICE_WORDS` words of PTB:

# %% tags=["nbval-ignore-output"]
slice_words = corpus[:SLICE_WORDS]
W_in_py, W_out_py = fresh_weights()
start = time.perf_counter()
loss_py = untuned(cbow_words, slice_words, W_in_py, W_out_py)
seconds_py = time.perf_counter() - start
print(f"plain Python: {SLICE_WORDS:,} words in {seconds_py:.2f} s = {SLICE_WORDS / seconds_py:,.0f} words/s; "
      f"10 epochs of PTB would take {10 * corpus.size / (SLICE_WORDS / seconds_py) / 3600:.1f} hours")

# %%
assert math.isfinite(loss_py) and np.any(W_out_py != 0), "the loop should have trained"
print("check passed: the loop trained")

# %% [markdown]
# ## 3. The same function with `@njit`
#
# `numba.njit` compiles a Python function to machine code the first time it is called with given argument
# types. We change nothing but the decorator: `njit(cbow_words)` is exactly `@njit` on top of the same
# `def`. Two rules make the timing honest:
# - the **first call compiles** (seconds); we time it on its own and leave it out of every speed ratio;
# - we then run the **same slice from the same starting weights**, check that both versions computed the
#   same thing, and only then compare times.

# %% tags=["nbval-ignore-output"]
cbow_words_jit = njit(cbow_words)  # the only change: the decorator
W_in_warm, W_out_warm = fresh_weights()
start = time.perf_counter()
untuned(cbow_words_jit, slice_words[:50], W_in_warm, W_out_warm)  # compiles
compile_seconds = time.perf_counter() - start
W_in_jit, W_out_jit = fresh_weights()
start = time.perf_counter()
loss_jit = untuned(cbow_words_jit, slice_words, W_in_jit, W_out_jit)
seconds_jit = time.perf_counter() - start
jit_speedup = seconds_py / seconds_jit
print(f"compiling took {compile_seconds:.1f} s (once per session, not counted below)")
print(f"@njit: {SLICE_WORDS:,} words in {seconds_jit * 1000:.1f} ms = {SLICE_WORDS / seconds_jit:,.0f} words/s, "
      f"{jit_speedup:.0f}x the plain loop")

# %%
print(f"loss: plain {loss_py:.4f}, compiled {loss_jit:.4f}; "
      f"largest weight difference {np.abs(W_in_py - W_in_jit).max():.1e} in W_in, "
      f"{np.abs(W_out_py - W_out_jit).max():.1e} in W_out")
assert abs(loss_py - loss_jit) < 1e-3 * abs(loss_py), "same function, same seed: the same loss"
np.testing.assert_allclose(W_in_jit, W_in_py, atol=1e-5)
np.testing.assert_allclose(W_out_jit, W_out_py, atol=1e-5)
assert jit_speedup > 10, "compiled code should be more than 10x faster than the Python loop"
print("check passed: same result, and the compiled loop is more than 10x faster")

# %% [markdown]
# Nothing was vectorised: the compiled function still walks every number one by one, like the Python
# one. The difference is what each step costs. In Python every `W_in[row, j]` is a function call that boxes
# a float in a new object; compiled, it is one load instruction.

# %% [markdown]
# ## 4. What the tricks buy, or cost
#
# With the loop compiled, what remains is the arithmetic (one dot product and two row updates per output row)
# and three costs around it: the random numbers, the sigmoid and the draw of each negative. word2vec.c has a
# trick for each of the three, and gensim replaced one of them:
# - **random numbers**: word2vec.c uses a linear congruential generator (LCG), one multiply and one add:
#   `next_random = next_random * 25214903917 + 11` on an `unsigned long long`, so modulo 2^64 (the integer
#   simply wraps around). Its low bits are poor (the lowest one just alternates 0, 1, 0, 1, …; exercise 1
#   measures how poor), its top bits are good, so `cbow_words` keeps the top 53 (`state >> 11`, exactly a
#   float64's precision) and divides by 2^53 to get `u` in [0, 1). gensim's generator (`random_int32` in
#   `word2vec_inner.pyx`) uses the same multiplier and increment but keeps only 48 bits of state
#   (`& 281474976710655ULL`, that is 2^48 − 1, as Java's `Random` does) and returns its bits 16 and up.
#   Inside compiled code numba's `np.random` is compiled too, so the LCG may buy little speed here (the
#   first two rows below measure it). What it surely buys is a state of one integer: every chunk of the
#   corpus can carry its own, so each chunk draws the same random numbers whichever thread runs it (the
#   vectors still differ from run to run with more than one thread: section 5);
# - **the sigmoid**: instead of calling `exp`, word2vec.c reads the sigmoid from a table of 1000 values on
#   [-6, 6] (`#define EXP_TABLE_SIZE 1000`, `#define MAX_EXP 6`). Its index is
#   `expTable[(int)((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2))]`; in C that division is between integers,
#   so the factor is 1000 / 6 / 2 = 83, not 83.3, and the index only reaches 996: word2vec.c's lookup error is
#   therefore about three times the bound below (the next cell prints it). gensim's `word2vec_inner.pyx` writes
#   the same expression, and gensim reads the same entries as word2vec.c (a cell below asks the installed
#   gensim which entry it read). This notebook and the package use the exact factor,
#   `int((f + 6) * (1000 / 12))`, an index 0..999, so their lookup error is the bound below. For a score outside [-6, 6]
#   word2vec.c clips the sigmoid to 0 or 1 and still updates; gensim *skips* that update
#   (`if f_dot <= -MAX_EXP or f_dot >= MAX_EXP: continue`); the package clips like word2vec.c. Our table
#   holds the sigmoid at the left end of each step, so its error is at most one step (12 / 1000) times the
#   sigmoid's steepest slope (its derivative is at most 1/4);
# - **the negatives**: word2vec.c reads one entry of a table of 10^8 word ids (the constant
#   `table_size = 1e8` at the top of the file, filled by `InitUnigramTable`: 400 MB of 4-byte `int`s), in which each word fills a share of the entries equal to
#   its probability: a single read, but at a random address far outside the cache. gensim instead keeps a
#   cumulative table of one entry per word (`cum_table`) and draws by a binary search (`bisect_left`), which
#   halves the candidate words at every step: about log2(V) reads (section 1 printed how many), in a table
#   that fits in the cache. (gensim's table holds integers and `bisect_left` finds the first entry >= its
#   draw; exercise 2's float `cdf` asks for the first `cdf[i] > u`, so that word 0 owns [0, cdf[0]). The two
#   conventions differ only at the exact boundaries.) We compare the two with a 10^7-entry table (40 MB), since 400 MB is a lot to ask
#   of a laptop.
#
# Each variant trains `TRICK_WORDS` words from the same starting weights; we switch on one trick at a time.
# A ratio below 1 means that trick *cost* time on this computer.
#
# Read the ratios with the computer in mind. A run can only be slowed by other programs, never sped up, so
# the words/s column, the bars and the ratios all use each variant's fastest round: a ratio is the ratio of
# two words/s numbers in the table. Beside it, in brackets, the smallest and largest ratio within one round
# (the two variants timed back to back); the ratio of the fastest rounds always lies in that range. A few
# rounds are a small sample: with no real difference, all of them fall on the same side of 1 by chance
# alone (with three rounds, 1 time in 4). So a cell below calls a trick "faster" or "slower" only when every
# round agrees, and adds "small" when the median round's ratio stays within a margin (`MARGIN`, 1.15x either
# way): a consistent difference that small can also come from the order of the runs or the processor's clock,
# not only from the trick. Rounds that disagree give "no consistent difference".

# %% tags=["nbval-ignore-output"]
big_table = np.minimum(np.searchsorted(cdf, (np.arange(10**7) + 0.5) / 10**7, side="right"),
                       vocab_size - 1).astype(np.int32)
trick_words = corpus[:TRICK_WORDS]
variants = [  # name, lcg, sigmoid table, big table
    ("np.random, exact sigmoid, bisection", False, False, False),
    ("LCG, exact sigmoid, bisection", True, False, False),
    ("LCG, sigmoid table, bisection", True, True, False),
    ("LCG, sigmoid table, 10^7-entry table", True, True, True),
]
trick_times = {v[0]: [] for v in variants}
trick_loss = {}
for _ in range(3):  # three rounds, each variant once per round: a slow spell hits every row alike
    for name, lcg, use_sig, use_big in variants:
        W_in_t, W_out_t = fresh_weights()
        start = time.perf_counter()
        loss = cbow_words_jit(trick_words, W_in_t, W_out_t, cdf, keep_prob, WINDOW_SIZE, NEGATIVE, LR,
                              np.random.default_rng(SEED), lcg, SEED + 1, sig_table, use_sig, big_table, use_big)
        trick_times[name].append(time.perf_counter() - start)
        trick_loss[name] = loss
trick_speed = {name: TRICK_WORDS / min(ts) for name, ts in trick_times.items()}  # the fastest round


def round_ratios(slow, fast):
    """The speed ratio fast/slow: of the fastest rounds, and the ratio in each round."""
    r = np.array(trick_times[slow]) / np.array(trick_times[fast])
    return min(trick_times[slow]) / min(trick_times[fast]), r


MARGIN = 1.15  # a speed ratio between 1 / MARGIN and MARGIN is not called a difference


def verdict_of(per_round):
    """'faster' or 'slower' if every round agrees; 'small' if the median ratio stays within the margin."""
    n, median = len(per_round), float(np.median(per_round))
    if np.all(per_round > 1):
        return f"faster in {n} of {n} rounds" + (f", the median round {median:.2f}x" if median >= MARGIN else
                                                    f", but the median round only {median:.2f}x, inside the margin: small")
    if np.all(per_round < 1):
        return f"slower in {n} of {n} rounds" + (f", the median round {median:.2f}x" if median <= 1 / MARGIN else
                                                    f", but the median round only {median:.2f}x, inside the margin: small")
    return "no consistent difference: the rounds disagree"


names = [v[0] for v in variants]
rows = [[names[0], f"{trick_speed[names[0]]:,.0f}", ""]]
for i, name in enumerate(names[1:], 1):
    ratio, per_round = round_ratios(names[i - 1], name)
    rows.append([name, f"{trick_speed[name]:,.0f}", f"{ratio:.2f}x ({per_round.min():.2f}-{per_round.max():.2f})"])
print(format_table(["variant", "words/s", "vs the row above"], rows, align="<>>"))

fig, ax = plt.subplots(figsize=(7, 2.6))
ax.barh(range(len(names))[::-1], [trick_speed[n] for n in names], color="tab:blue")
ax.set_yticks(range(len(names))[::-1], names)
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:.0f}k" if v else "0"))
ax.set_xlabel("words per second (1 thread, fastest of 3 rounds)")
ax.set_title("The compiled loop with one trick more per row")
plt.show()

# %%
x = np.linspace(-8, 8, 200_001)
exact = 1 / (1 + np.exp(-x))
inside = np.clip(((x + 6) * (sig_table.size / 12)).astype(int), 0, sig_table.size - 1)
from_table = np.where(x >= 6, 1.0, np.where(x <= -6, 0.0, sig_table[inside]))
table_error = np.abs(from_table - exact)
print(f"sigmoid table: largest error {table_error[np.abs(x) < 6].max():.4f} inside [-6, 6], "
      f"{table_error.max():.4f} with the clipping outside")
c_table = np.exp((np.arange(1000) / 1000 * 2 - 1) * 6)
c_table = c_table / (c_table + 1)  # word2vec.c's expTable
c_index = np.clip(((x + 6) * (1000 // 6 // 2)).astype(int), 0, 999)  # C: EXP_TABLE_SIZE / MAX_EXP / 2 = 83
c_error = np.abs(c_table[c_index] - exact)[np.abs(x) < 6].max()
print(f"word2vec.c's index with the integer factor {1000 // 6 // 2}: largest error {c_error:.4f} inside [-6, 6]")
losses = np.array([trick_loss[n] for n in names])
print("loss per variant relative to the first:", np.round(losses / losses[0], 3))
assert table_error[np.abs(x) < 6].max() < 12 / sig_table.size * 0.25 + 1e-6  # one step x the slope <= 1/4
assert np.all(np.abs(losses / losses[0] - 1) < 0.05), "the tricks must not change what is learned"
print("check passed: the table's error is below one table step times the sigmoid's largest slope (1/4), "
      "and every variant's training loss is within 5% of the first's")

# %% [markdown]
# The table error is small in what it does to training: the cell above shows that every variant's loss stays
# close to the first's (the ratios it prints).
#
# Which entry does gensim read? Its output rows start at zero, so the first update of a target's row is
# `(1 - f) * alpha * h` with `f` the table entry for a score of exactly 0: word2vec.c's integer factor reads
# entry 6 × 83 = 498 there, the exact factor 1000 / 12 reads entry 500. We train the installed gensim on
# one two-word sentence, divide a trained output row by the input row it was trained from, and turn the
# `1 - f` we get back into the entry it came from (entry `i` holds the sigmoid of `(i / 1000 * 2 - 1) * 6`).
# A row that a negative also touched is not a clean probe, so the cell takes a row whose components all give
# the same `1 - f`:

# %%
try:
    import gensim
    from gensim.models import Word2Vec
except ImportError:
    gensim = None
if gensim is None:
    print("gensim is not installed (pip install gensim): nothing to probe")
else:
    probe_model = Word2Vec(vector_size=4, window=1, sg=0, negative=1, sample=0, min_count=1, workers=1,
                           alpha=0.1, min_alpha=0.1, seed=0)
    probe_model.build_vocab([["a", "b"]])
    start_vectors = probe_model.wv.vectors.copy()
    probe_model.train([["a", "b"]], total_examples=1, epochs=1)
    a_id, b_id = probe_model.wv.key_to_index["a"], probe_model.wv.key_to_index["b"]
    candidates = [probe_model.syn1neg[b_id] / start_vectors[a_id] / 0.1,  # target b, its context a
                  probe_model.syn1neg[a_id] / start_vectors[b_id] / 0.1]  # target a, its context b
    clean = [c for c in candidates if np.ptp(c) < 1e-4]
    assert clean, "one output row should hold a single first update, (1 - f) times the input row"
    f_read = 1 - float(clean[0].mean())
    entry = (math.log(f_read / (1 - f_read)) / 6 + 1) * 1000 / 2
    print(f"gensim {gensim.__version__}: 1 - f = {1 - f_read:.4f}, so f is entry {entry:.1f} of the table "
          f"(word2vec.c's factor 83 reads {6 * (1000 // 6 // 2)}, the exact factor reads {6 * 1000 / 12:.0f})")

# %% [markdown]
# Back to the speeds of the table above, with the rule stated there. Whether the huge table beats the binary search depends on the caches: its one
# read usually misses them, while the search's first steps always hit (the same few entries) and only its
# last steps may miss. In this run:

# %% tags=["nbval-ignore-output"]
lcg_ratio = round_ratios(names[0], names[1])
table_ratio = round_ratios(names[1], names[2])
big_vs_bisection = round_ratios(names[2], names[3])
for what, (ratio, per_round) in (("the LCG", lcg_ratio), ("the sigmoid table", table_ratio),
                                 ("the 10^7-entry table (instead of the binary search)", big_vs_bisection)):
    print(f"{what}: {ratio:.2f}x the speed without it (rounds {per_round.min():.2f}-{per_round.max():.2f}, "
          f"median {np.median(per_round):.2f}): {verdict_of(per_round)}")
n_rounds = len(lcg_ratio[1])
print(f"(with no real difference, all {n_rounds} rounds fall on the same side of 1 by chance "
      f"1 time in {2 ** (n_rounds - 1)}; a verdict without 'small' also needs the median past {MARGIN}x either way)")

# %% [markdown]
# The package keeps word2vec.c's LCG for its one-integer state (a reproducible stream per chunk), the
# sigmoid table because word2vec.c and gensim use it, and gensim's binary search (a table of one entry per
# word rather than 400 MB). None of these is kept because this plain loop showed it faster: the cell above
# printed which of them made a measurable difference here. The next section measures the sigmoid table
# again, in the package's float32 kernel compiled with `fastmath`, where `exp` costs differently from the
# float64 `exp` of this loop, so the answer there can differ; this notebook does not measure why.

# %% [markdown]
# ## 5. The package's kernel: SIMD, a head start for the search, Hogwild threads
#
# `w2vlib.fast.compiled` (used by `w2vlib.fast.train(..., backend="numba")` and `python -m w2vlib train
# --backend numba`) is the loop above with the LCG, the sigmoid table and the binary search, and more
# changes:
# - the weights, the work vectors, the learning rate and the gradient are float32, and the inner loops are
#   compiled with `fastmath`, which lets the compiler reorder a sum. Without it, a dot product must add its
#   `HIDDEN_SIZE` products one by one in the order written (floating-point addition is not associative);
#   with it, the compiler may use SIMD instructions, which add several numbers per instruction, and float32
#   fits twice as many numbers in one instruction as float64 (a 256-bit AVX register holds 8 float32 or 4
#   float64). The timing below shows the combined effect of precision and `fastmath`, and the names of the
#   packed instructions (`ps` for float32, `pd` for float64) show which width the compiler chose. The float64
#   matrix is also twice the size, so when it no longer fits in the cache it can lose more than the register
#   width's 2x;
# - a negative's binary search starts from a **guide table**: a small table that holds the answer at every
#   multiple of 2^-`GUIDE_BITS`, so the search only covers the entries between two neighbouring ones (the
#   same words as the full search, in fewer steps). A word's negatives are all drawn before the first is
#   used, so the CPU can overlap their independent memory reads;
# - the loss is computed only when asked (`compute_loss`, the name of gensim's option);
# - the next word's window and negatives are drawn one word ahead, and the rows of `W_out` they name are
#   *prefetched*: the CPU is told to fetch them from memory while it computes the current word;
# - the corpus is cut into chunks, and `prange` hands the chunks to threads (below).
#
# Its heart, one negative-sampling update, and the size of the whole kernel module:

# %%
kernels = compiled.kernels()
print(inspect.getsource(kernels.ns_update))


def code_lines(source):
    """Lines holding code: no blank lines, no comments, no docstrings."""
    lines = set()
    previous = tokenize.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING and previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            pass  # a string standing alone is a docstring
        elif tok.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                              tokenize.DEDENT, tokenize.ENDMARKER):
            lines.update(range(tok.start[0], tok.end[0] + 1))
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            previous = tok.type
    return len(lines)


guide = compiled.guide_table(cdf)
span = np.diff(guide)  # for u in each of the table's equal steps: the entries left to search
print(f"guide table: {guide.size:,} entries (GUIDE_BITS = {kernels.GUIDE_BITS}); a search then covers "
      f"{span.mean():.2f} entries on average ({np.ceil(np.log2(span + 1)).mean():.2f} steps), at most "
      f"{span.max():,}, instead of {cdf.size:,}")

kernel_source = inspect.getsource(kernels)
print(f"{Path(kernels.__file__).name}: {code_lines(kernel_source)} lines of code "
      f"({len(kernel_source.splitlines())} with comments, docstrings and blank lines)")


# %% [markdown]
# ### float32 and `fastmath`: several numbers per instruction
#
# The dot product at the heart of `ns_update`, `f += h[j] * W_out[w, j]`, over every row of a
# vocabulary-sized matrix, compiled three ways: float32 in the order written (no `fastmath`), float64 with
# `fastmath`, float32 with `fastmath`. Three alternating rounds, the fastest of each; on an x86 processor the cell
# also counts the packed (SIMD) multiply and add instructions in each compiled loop (names ending in `ps`
# for float32, `pd` for float64).

# %% tags=["nbval-ignore-output"]
def dot_products(W, h, reps):
    """The kernel's dot product h · W[w] for every row w, `reps` times; returns the sum of all of them."""
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
simd_variants = {  # name: (compiled function, matrix, vector)
    "float32, order as written": (njit(dot_products), W_simd, h_simd),
    "float64, fastmath": (njit(fastmath=True)(dot_products), W_simd.astype(np.float64), h_simd.astype(np.float64)),
    "float32, fastmath": (njit(fastmath=True)(dot_products), W_simd, h_simd),
}
simd_sums = {name: fn(W, h, 1) for name, (fn, W, h) in simd_variants.items()}  # compiles each
simd_times = {name: [] for name in simd_variants}
for _ in range(3):  # three rounds, each variant once per round
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
    rows.append([name, f"{min(simd_times[name]) * 1000:.1f}", f"{simd_ratio[name]:.1f}x", packed])
print(format_table(["compiled dot product", "ms (fastest)", "speed", "packed mul/add instructions"], rows,
                   align="<>>>"))
if not x86:
    print(f"({platform.machine()} processor: the instruction count is only read on x86)")

# %%
sums = np.array(list(simd_sums.values()))
assert np.allclose(sums, sums[0], rtol=1e-4), "the same dot products, in another order: the same sums"
assert simd_ratio["float32, fastmath"] > 1.5, "fastmath should let the compiler add several numbers per instruction"
print("check passed: the three versions compute the same sums (to float32 rounding), and float32 with "
      "fastmath is more than 1.5x as fast as float32 in the order written")

# %% [markdown]
# The ratios depend on the processor: the wider its SIMD registers, the more numbers one instruction
# adds. The package compiles its vector loops this way (`ns_update` above, and the CBOW and skip-gram steps
# that call it).

# %% [markdown]
# The package's kernel, like `cbow_words`, compiles on first use. Unlike it, it is compiled with
# `cache=True`: numba writes the machine code next to the package (in its `__pycache__` folder, or in numba's
# own cache directory when the package's folder is read-only, or wherever the environment variable
# `NUMBA_CACHE_DIR` points when it is set), and later Python processes load it instead of
# compiling again. We warm it up on a few words, then time one epoch with one thread. The first use after an
# install compiles (many seconds); after that the warm-up only loads the cached code, a fraction of a second:

# %% tags=["nbval-ignore-output"]
def numba_train(words, epochs, threads, **kw):
    settings = dict(hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, alpha=LR, seed=SEED)
    return fast.train(words, vocab_size, backend="numba", epochs=epochs, threads=threads, progress=False,
                      **{**settings, **kw})


start = time.perf_counter()
numba_train(corpus[:5_000], 1, 1)
warmup_seconds = time.perf_counter() - start
one_epoch = numba_train(corpus, 1, 1)
print(f"warm-up (compile, or load from the cache): {warmup_seconds:.2f} s")
print(f"package kernel, 1 thread, one epoch of PTB: {one_epoch.words_per_sec:,.0f} words/s")

# %% [markdown]
# ### What each change to the kernel bought
#
# The package's kernel was made faster one measured change at a time, and several of those changes can be
# switched off again: keywords of `compiled.train_compiled` (the body of `fast.train(..., backend="numba")`)
# or of its settings (`FastConfig`). So we measure here, at this notebook's size, what each one buys: the
# kernel with every change on, then with one change off at a time, one thread, the same `TRICK_WORDS` words
# as section 4, in three alternating rounds, as there. As there, every number comes from each setting's fastest
# round: the column "the change buys" divides the words/s with every change on by the words/s with this one
# off, and the brackets hold the smallest and largest ratio within one round. Below 1, the change cost time.
# The verdict, printed under the table, follows section 4's rule: "faster" or "slower" when every round agrees, "small" added when the
# median round's ratio stays within `MARGIN`, and "no consistent difference" when the rounds disagree. A change that this version
# of the package does not have is listed as missing.

# %% tags=["nbval-ignore-output"]
kernel_keywords = set(inspect.signature(compiled.train_compiled).parameters)
config_keywords = set(inspect.signature(FastConfig.create).parameters)
changes = [  # the change, what switching it off means (short, for the figure), and the keyword that does it
    ("the loss computed only when asked (gensim's compute_loss)", "loss always computed", {"compute_loss": True}),
    ("the sigmoid read from word2vec.c's table", "exact sigmoid, no table", {"exact_sigmoid": True}),
    ("a guide table gives the binary search a head start", "no guide table", {"guide_bits": 0}),
    ("the next word's output rows prefetched", "no prefetch", {"prefetch": False}),
]
all_on = {"compute_loss": False} if "compute_loss" in config_keywords else {}
change_words = corpus[:TRICK_WORDS]


def kernel_run(**switches):
    """One run of the package's kernel with these switches (1 thread, 1 epoch)."""
    switches = {**all_on, **switches}
    cfg = FastConfig.create(hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=1,
                            alpha=LR, seed=SEED, threads=1, backend="numba",
                            **{k: v for k, v in switches.items() if k in config_keywords})
    return compiled.train_compiled(change_words, vocab_size, cfg, progress=False,
                                   **{k: v for k, v in switches.items() if k not in config_keywords})


settings_to_time = {"every change on": {}}
short = {"every change on": "every change on"}
missing = []
for label, off_label, off in changes:
    if all(k in kernel_keywords | config_keywords for k in off):
        settings_to_time[label] = off
        short[label] = off_label
    else:
        missing.append(label)
runs = {name: [] for name in settings_to_time}
for _ in range(3):  # three rounds, each setting once per round: a slow spell hits every row alike
    for name, switches in settings_to_time.items():
        runs[name].append(kernel_run(**switches))
seconds_of = {name: np.array([r.wall_time for r in rs]) for name, rs in runs.items()}
kernel_speed = {name: len(change_words) / s.min() for name, s in seconds_of.items()}  # the fastest round
baseline = runs["every change on"][0]
change_runs = {label: runs[label][0] for label in settings_to_time if label != "every change on"}
change_ratio = {}
for label in change_runs:
    r = seconds_of[label] / seconds_of["every change on"]  # speed on / speed off, round by round
    change_ratio[label] = (seconds_of[label].min() / seconds_of["every change on"].min(), r.min(), r.max())
rows = [["every change on", f"{kernel_speed['every change on']:,.0f}", ""]]
for label, (ratio, low, high) in change_ratio.items():
    switch = ", ".join(f"{key}={value}" for key, value in settings_to_time[label].items())
    rows.append([f"{short[label]} ({switch})", f"{kernel_speed[label]:,.0f}", f"{ratio:.2f}x ({low:.2f}-{high:.2f})"])
print(format_table(["kernel: one change off", "words/s", "the change buys"], rows, align="<>>"))
print("in this run:")
for label in change_ratio:
    print(f"  {label}: {verdict_of(seconds_of[label] / seconds_of['every change on'])}")
print(f"(all {len(seconds_of['every change on'])} rounds agree by chance alone 1 time in "
      f"{2 ** (len(seconds_of['every change on']) - 1)}; a verdict without 'small' also needs the median past {MARGIN}x)")
if missing:
    print("not in this version of the package:", "; ".join(missing))
print(f"every change on: {kernel_speed['every change on'] / trick_speed[names[2]]:.1f}x the speed of section 4's "
      f"compiled loop with the same tricks, on the same {len(change_words):,} words")

fig, ax = plt.subplots(figsize=(7, 2.8))
labels = [short[name] for name in settings_to_time]
ax.barh(range(len(labels))[::-1], [kernel_speed[name] for name in settings_to_time],
        color=["tab:green"] + ["tab:gray"] * len(change_runs))
ax.set_yticks(range(len(labels))[::-1], labels)
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:.0f}k" if v else "0"))
ax.set_xlabel("words per second (1 thread, fastest of 3 rounds)")
ax.set_title("The package's kernel with one change off at a time")
plt.show()

# %%
same_weights = [label for label, _, off in changes if label in change_runs and "exact_sigmoid" not in off]
for label in same_weights:
    np.testing.assert_array_equal(change_runs[label].W_in, baseline.W_in,
                                  err_msg=f"switching off '{label}' should change the speed only")
print(f"check passed: the same weights with and without each of {len(same_weights)} changes (they change the "
      "speed only)" if same_weights else "no change that should leave the weights alone to check here")
print("the sigmoid table does change what is learned, by its small error (section 4)")

# %% [markdown]
# A second Python process does not compile again: it finds the kernels in numba's cache. We check it by
# running a small training in a fresh process and asking numba for its cache statistics:

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
print(f"fresh process: import + train in {cache['seconds']:.1f} s; "
      f"kernels loaded from the cache: {cache['hits']}, compiled: {cache['misses']}")

# %%
assert cache["hits"] >= 1 and cache["misses"] == 0, "the second process should load the cached kernels"
print("check passed: a new process loads the compiled kernels from the cache")

# %% [markdown]
# ### Hogwild: threads that do not wait for each other
#
# With more than one thread, each takes a chunk of the corpus and runs the same per-word loop, **reading and
# writing the same `W_in` and `W_out` with no locks**. That sounds wrong: one thread can read a row while
# another is half-way through updating it, and one update can overwrite another. Niu, Recht, Ré and Wright (2011,
# "Hogwild!") showed why it works anyway for sparse problems:
# - one update touches very few rows: `NEGATIVE + 1` rows of `W_out`, and the rows of the window in `W_in`,
#   `WINDOW_SIZE + 1` of them on average (the radius is drawn from 1..`WINDOW_SIZE`, so its mean is
#   `(WINDOW_SIZE + 1) / 2` on each side; notebook 05's exercise 4), out of `2 * V`. Two threads rarely
#   touch the same row at the same moment;
# - when they do, the cost is one small update lost or applied to a slightly old row, the same kind of noise
#   SGD already lives with (a random negative, a random window);
# - the frequent rows (`the`, `<eos>`) collide most; subsampling makes them rarer too.
#
# What threads change: with one thread the same seed gives the same vectors, bit for bit. With more, every
# chunk still draws the same random numbers, but the order in which the threads' updates interleave depends
# on timing, so the vectors differ from run to run. Whether their *quality* differs more than a change of
# seed does is a question for measurement: section 8 measures it, and says whether this run has the power
# to answer it (with the default 2 epochs it may not; raise `EPOCHS`).
#
# What threads can buy: at best a speed-up equal to the number of threads, when each has a free core of its
# own; on a computer busy with other programs the extra thread waits for a core. Section 7 times the threads
# next to a ceiling measured in the same rounds; the cell below only checks what threads do to the vectors.

# %% tags=["nbval-ignore-output"]
max_threads = min(THREADS, numba.config.NUMBA_NUM_THREADS)
two = numba_train(corpus, 1, max_threads)
two_again = numba_train(corpus, 1, max_threads)
print(f"two runs with {max_threads} threads and the same seed: largest difference of a weight "
      f"{np.abs(two.W_in - two_again.W_in).max():.1e}, where the largest weight is "
      f"{np.abs(two.W_in).max():.1e}")

# %%
a = numba_train(corpus[:50_000], 1, 1)
b = numba_train(corpus[:50_000], 1, 1)
assert np.array_equal(a.W_in, b.W_in), "one thread and one seed: identical vectors"
assert abs(two.loss_per_epoch[0] - one_epoch.loss_per_epoch[0]) < 0.05 * one_epoch.loss_per_epoch[0]
print("check passed: one thread is reproducible; the threaded run reaches one thread's loss within 5%")

# %% [markdown]
# ## 6. Why per-word SGD needs no damping
#
# Notebook 05's fast path sums the updates of a whole batch before it applies them. A frequent word appears
# many times in one batch, so its row receives the sum of all those updates in one step, each computed from
# the *same old* row: none of them can correct for the others. With many occurrences that one step can be
# far longer than any single update, so the fast path damps it (a row used `c` times in a batch gets its sum
# divided by `max(1, c / damping)`); notebook 05 measures what switching damping off does there.
# Per-word SGD applies each update at once: the next occurrence already sees the moved row, and corrects
# from there. The step per occurrence is just `lr` times one gradient, so there is no sum to damp. Here is
# how many times the most frequent context word occurs in one batch of the fast path (its CBOW batch size,
# after subsampling, full windows):

# %%
numpy_cfg = FastConfig.create("cbow", HIDDEN_SIZE, WINDOW_SIZE, NEGATIVE)  # the fast path's defaults
kept_stream = corpus[np.random.default_rng(SEED).random(corpus.size) < keep_prob[corpus]]
contexts_ptb, _ = create_contexts_target(kept_stream[:numpy_cfg.batch_size + 2 * WINDOW_SIZE], WINDOW_SIZE)
batch_counts = np.bincount(contexts_ptb.ravel(), minlength=vocab_size)
top_word = int(batch_counts.argmax())
print(f"in one batch of {numpy_cfg.batch_size} targets, '{id_to_word[top_word]}' is a context "
      f"{int(batch_counts[top_word])} times: a batched step moves its row by the sum of "
      f"{int(batch_counts[top_word])} updates computed from the same old row (the fast path divides that sum "
      f"by {max(1.0, batch_counts[top_word] / numpy_cfg.damping) if numpy_cfg.damping else 1.0:.1f}); "
      f"per-word SGD takes them one at a time")
assert batch_counts.max() > max(1.0, numpy_cfg.damping), "more updates of one row than the damping threshold"

# %% [markdown]
# ## 7. One table: every trainer, the same settings
#
# Same corpus, CBOW, `HIDDEN_SIZE`, `WINDOW_SIZE`, `NEGATIVE`, subsampling 1e-3, `EPOCHS` epochs, each
# trainer with one thread and with `THREADS` (at most the cores numba sees):
# - the **layered** model as the book builds it (Embedding + NegativeSamplingLoss, Adam, batch 100) runs
#   only `LAYERED_STEPS` steps; its time for `EPOCHS` epochs is **extrapolated** from them;
# - the **numpy fast path** (`fast.train`, notebook 05) with its own defaults (batches, its own learning rate,
#   damping): a different trainer, shown for speed; `threads=2` lets a second thread prepare the batches;
# - the **compiled backend** with 1 and `THREADS` threads, starting learning rate `LR`;
# - **gensim**'s `Word2Vec` with 1 and `THREADS` workers, when gensim is installed, set to do what the compiled
#   backend does. Both keep every word (`min_count=1`, as the package does). Three more of gensim's defaults
#   differ from the package's, and we align each:
#   - the learning rate: gensim starts at 0.025 and ends at 0.0001, word2vec.c's CBOW starts at 0.05; both
#     trainers here start at `LR` and end at the package's `LR * 1e-4`;
#   - the text pieces: gensim stops every window at the end of the sentence it is given
#     (`train_batch_cbow` trains each sentence on its own; word2vec.c also ends a sentence at each line
#     end), while the package's kernel stops windows only at the ends of its chunks of 10,000 words: we hand
#     gensim the package's chunks as its sentences (gensim trains at most 10,000 words of a sentence,
#     `MAX_SENTENCE_LEN`, so a chunk fits whole);
#   - the starting vectors: gensim draws `W_in` from [-1/H, 1/H) (`prep_vectors` in `keyedvectors.py`),
#     twice word2vec.c's [-0.5/H, 0.5/H), which the package uses: we halve gensim's before it trains.
#
#   Set `GENSIM_DEFAULTS = True` to run gensim as it comes (its learning rate, PTB's sentences, its starting
#   vectors) and see in section 8 what these differences do to the scores.
#
# Every time includes setup (gensim's vocabulary scan, the numpy path's planning). The numba kernels are
# already compiled (section 5), so no compile time is counted. Words per second are the corpus's words
# (`EPOCHS` times its size) over the time: the trainers that subsample skip some of them (section 1 printed
# the share kept) but count them all, while the layered model, which does not subsample, trains on every
# one.
#
# The compiled backend and gensim run in **rounds**, one per seed that section 8 needs (`QUALITY_SEEDS`, at
# least 2: seeds `SEED`, `SEED + 1`, …). A round times each of them once with 1 and once with `THREADS`
# threads (gensim: workers), right after timing the thread-scaling ceiling (below); a seed changes which
# words are dropped and drawn, not how much work there is. Other programs can only slow a run, so their rows show the fastest round (section 4's rule), and
# section 8 scores the vectors of every round. The layered model and the numpy fast path, the slowest, run
# once (the fast path in the first round).

# %% tags=["nbval-ignore-output"]
table = {}  # name -> (seconds for EPOCHS epochs, threads, note, vectors or None)
n_words = corpus.size * EPOCHS
thread_counts = sorted({1, max_threads})
seeds = [SEED + i for i in range(max(2, QUALITY_SEEDS))]  # one round per seed


def row_name(trainer, n):
    unit = "worker" if trainer == "gensim" else "thread"
    return f"{trainer}, {n} {unit}{'s' if n > 1 else ''}"


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
table["layered CBOW + Adam, batch 100"] = (n_words / layered_wps, 1,
                                           f"extrapolated from {LAYERED_STEPS} steps", None)

numba_settings = one_epoch.settings  # the package's learning-rate floor and chunk size (section 5's run)
try:
    from gensim.models import Word2Vec
    have_gensim = True
except ImportError:
    have_gensim = False
if GENSIM_DEFAULTS:  # PTB's sentences: each ends with <eos>
    eos = word_to_id["<eos>"]
    pieces = [s for s in np.split(corpus, np.flatnonzero(corpus == eos) + 1) if s.size]
    pieces_note = "its defaults, PTB's sentences"
else:  # the package's chunks (fast.compiled cuts the corpus the same way)
    n_chunks = -(-corpus.size // numba_settings["chunk_words"])
    bounds = np.linspace(0, corpus.size, n_chunks + 1).astype(np.int64)
    pieces = [corpus[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
    pieces_note = (f"alpha {LR:g} to {numba_settings['min_alpha']:g}, "
                   f"chunks of {numba_settings['chunk_words']:,} words")
sentences = [[id_to_word[int(i)] for i in s] for s in pieces]


def gensim_train(workers, seed):
    settings = dict(vector_size=HIDDEN_SIZE, window=WINDOW_SIZE, negative=NEGATIVE, sg=0, min_count=1,
                    sample=1e-3, workers=workers, epochs=EPOCHS, seed=seed)
    if GENSIM_DEFAULTS:
        return Word2Vec(sentences, **settings)
    g = Word2Vec(alpha=LR, min_alpha=numba_settings["min_alpha"], **settings)
    g.build_vocab(sentences)
    g.wv.vectors *= 0.5  # word2vec.c's starting range, [-0.5/H, 0.5/H), as the package's
    g.train(sentences, total_examples=len(sentences), epochs=EPOCHS)
    return g


def gensim_vectors(g):
    return np.stack([g.wv[id_to_word[i]] for i in range(vocab_size)])


@njit(parallel=True)
def busy_sum(n):
    """A trivially parallel loop: no shared writes, little memory traffic; the ceiling for thread scaling."""
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


busy_sum(1000)  # compiles
round_seconds = {}  # name -> its seconds in each round
many = {}  # name -> its vectors in each round (section 8 scores them)
for r, seed in enumerate(seeds):  # one round per seed: every trainer once, right after this round's ceiling
    if max_threads > 1:
        for threads in (1, max_threads):
            round_seconds.setdefault(row_name("ceiling", threads), []).append(busy_seconds(threads))
    if r == 0:  # the numpy fast path (1 or 2 threads): the first round only, it is the slowest
        for threads in sorted({1, min(2, max_threads)}):
            res = fast.train(corpus, vocab_size, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE,
                             negative=NEGATIVE, epochs=EPOCHS, seed=SEED, progress=False, threads=threads)
            table[row_name("numpy fast path", threads)] = (
                res.wall_time, threads, f"alpha {res.settings['alpha']:g}, batch {res.settings['batch_size']}",
                res.W_in)
            round_seconds[row_name("numpy fast path", threads)] = [res.wall_time]
    for threads in thread_counts:
        res = numba_train(corpus, EPOCHS, threads, seed=seed, compute_loss=False)  # gensim computes no loss either
        round_seconds.setdefault(row_name("numba", threads), []).append(res.wall_time)
        many.setdefault(row_name("numba", threads), []).append(res.W_in)
    if have_gensim:
        for workers in thread_counts:
            start = time.perf_counter()
            g = gensim_train(workers, seed)
            round_seconds.setdefault(row_name("gensim", workers), []).append(time.perf_counter() - start)
            many.setdefault(row_name("gensim", workers), []).append(gensim_vectors(g))

for threads in thread_counts:  # each row: the fastest round, and the first round's vectors (seed SEED)
    name = row_name("numba", threads)
    table[name] = (min(round_seconds[name]), threads, f"alpha {LR:g}", many[name][0])
for workers in thread_counts:
    name = row_name("gensim", workers)
    if have_gensim:
        table[name] = (min(round_seconds[name]), workers, pieces_note, many[name][0])
    else:
        table[name] = (math.nan, workers, "gensim is not installed (pip install gensim)", None)

reference = row_name("gensim" if have_gensim else "numba", max_threads)
ref_seconds = table[reference][0]
print(f"{EPOCHS} epochs of {corpus.size:,} words, CBOW, hidden {HIDDEN_SIZE}, window {WINDOW_SIZE}, "
      f"{NEGATIVE} negatives (speed relative to {reference}); numba and gensim: the fastest of {len(seeds)} rounds")
rows = []
for name, (seconds, _, note, _) in table.items():
    if math.isnan(seconds):
        rows.append([name, "-", "-", "-", note])
    else:
        rows.append([name, f"{seconds:.2f}", f"{n_words / seconds:,.0f}", f"{ref_seconds / seconds:.{2 if ref_seconds / seconds >= 0.1 else 4}f}x", note])
print(format_table(["trainer", "seconds", "words/s", "speed", "note"], rows, align="<>>><"))

# %%
sec = {name: v[0] for name, v in table.items()}
numba_best = min(sec[row_name("numba", t)] for t in thread_counts)
numpy_best = min(v[0] for name, v in table.items() if name.startswith("numpy"))
assert sec["layered CBOW + Adam, batch 100"] > 5 * numba_best, "the layered model is by far the slowest"
assert numba_best < numpy_best, "compiled per-word SGD beats the numpy fast path"
print("check passed: the layered model is the slowest by far, and compiled per-word SGD beats the numpy "
      "fast path")

# %% [markdown]
# How many words per second each trainer gets from more threads (gensim: workers). Beside each gain stands a
# reference, the **ceiling**: a trivially parallel loop (no shared writes, little memory traffic), timed with
# 1 and `THREADS` threads at the start of every round, right before that round's trainers. If even that loop
# gains little, or even loses, no core was free when it ran, and a flat line says nothing about the trainer. If it gains nearly the
# number of threads, a trainer that gains much less waits for something the threads share. The ceiling's
# loop is short and the trainers run for seconds after it, so on a busy computer the two need not meet the
# same load: the ceiling is a reference, not a bound, and a trainer can beat it. The
# cell prints both, round by round, each trainer's gain as a share of the ceiling of its own rounds, and says
# when a trainer beat it:

# %% tags=["nbval-ignore-output"]
usable_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
print(f"cores this process may use: {usable_cores}, numba's threads: {numba.config.NUMBA_NUM_THREADS}")

fig, ax = plt.subplots(figsize=(7.5, 3.6))
for label, prefix, marker in (("numpy fast path", "numpy fast path", "s"), ("numba (compiled)", "numba", "o"),
                              ("gensim", "gensim", "^")):
    points = [(v[1], n_words / v[0]) for name, v in table.items() if name.startswith(prefix) and not math.isnan(v[0])]
    if points:
        ax.plot(*zip(*points), marker=marker, label=label)
ax.set_xticks(thread_counts)
ax.set_xlabel("threads (gensim: workers)")
ax.set_ylabel("words per second")
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:.0f}k" if v else "0"))
ax.set_ylim(bottom=0)
ax.set_title(f"Training speed, {EPOCHS} epochs of PTB")
ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))
plt.show()


def gains(trainer):
    """Speed with max_threads over speed with 1: in each round it ran, and of its fastest rounds."""
    one = np.array(round_seconds[row_name(trainer, 1)])
    more = np.array(round_seconds[row_name(trainer, max_threads)])
    return one / more, one.min() / more.min()


if max_threads > 1:
    ceiling_r, ceiling = gains("ceiling")
    n_rounds = len(ceiling_r)
    trainers = [t for t in ("numpy fast path", "numba", "gensim") if row_name(t, max_threads) in round_seconds]
    rows = []
    for label, trainer in [("the ceiling (trivially parallel loop)", "ceiling")] + [(t, t) for t in trainers]:
        per_round, best = gains(trainer)
        rows.append([label] + [f"{x:.2f}x" for x in per_round] + ["-"] * (n_rounds - len(per_round))
                    + [f"{best:.2f}x"])
    print(f"speed with {max_threads} threads (gensim: workers) over the speed with 1:")
    print(format_table(["", *[f"round {i + 1}" for i in range(n_rounds)], "fastest rounds"], rows,
                       align="<" + ">" * (n_rounds + 1)))
    for trainer in trainers:
        per_round, best = gains(trainer)
        share = per_round / ceiling_r[:len(per_round)]
        print(f"{trainer}: {best:.2f}x in its one round (the first), {share[0]:.0%} of that round's ceiling"
              if len(share) == 1 else
              f"{trainer}: {best:.2f}x in its fastest rounds; round by round, {share.min():.0%}-{share.max():.0%} "
              "of the same round's ceiling")
        above = [i for i in range(len(share)) if share[i] > MARGIN]
        if above:
            i = above[0]
            busy_s = round_seconds[row_name("ceiling", 1)][i] + round_seconds[row_name("ceiling", max_threads)][i]
            run_s = round_seconds[row_name(trainer, 1)][i] + round_seconds[row_name(trainer, max_threads)][i]
            print(f"  above the ceiling by more than {MARGIN}x in round {i + 1}: the ceiling's two runs took "
                  f"{busy_s:.2f} s, the trainer's two runs {run_s:.1f} s later in the round (over the rounds the "
                  f"ceiling ranged {ceiling_r.min():.2f}x-{ceiling_r.max():.2f}x); measured at other moments and for "
                  "other lengths of time, the two did not meet the same load, so in that round the ceiling is no bound")
    if ceiling_r.max() < 1.2:
        print("the ceiling stayed below 1.2x in every round: the computer was busy (the loop found no free core "
              "when it ran), so these gains say little about Hogwild on an idle computer")
else:
    print("one thread only (THREADS = 1, or numba sees one core): nothing to scale")

# %% [markdown]
# The numpy fast path's second thread only prepares batches, while its arithmetic stays in one thread; the
# compiled kernel and gensim split the corpus itself between their threads. The lines above say what that
# bought in this run, as a share of the ceiling measured in the same rounds. In a round whose ceiling is close
# to 1 or below it (a computer busy with other programs), the trainers' gains say little about Hogwild on an
# idle computer. Below 1 is possible: the parallel loop ends only when its slowest thread ends, so when
# another program holds one core, the thread waiting for that core delays the whole loop, and two threads
# can take longer than one.

# %% [markdown]
# ## 8. Are the vectors as good?
#
# Speed means nothing if the vectors are worse. We score the trained vectors with the project's evaluators
# (notebook 06): the project's PTB analogy questions, and, when gensim's test data is installed, the Google
# analogy questions that PTB covers and WordSim-353 (Spearman correlation with human ratings). The layered
# model trained only a few steps, so it has no row here.
#
# One training run is one draw: another seed gives another score. To know what a difference between two
# rows means, we need that noise, so the compiled backend and gensim, each with 1 and with `max_threads`
# threads (gensim: workers), trained once per round in section 7, with seeds `SEED`, `SEED + 1`, … (at least
# 2, `QUALITY_SEEDS`); their rows show the mean ± the standard deviation over seeds. The numpy fast path's
# row is one seed. The last row is the null: random vectors, what chance alone scores.

# %% tags=["nbval-ignore-output"]
benchmarks = {"PTB analogies": ("analogy", Path("..") / "data" / "analogies_ptb.txt")}
if have_gensim:
    from gensim.test.utils import datapath
    if Path(datapath("questions-words.txt")).is_file():
        benchmarks["Google analogies"] = ("analogy", datapath("questions-words.txt"))
    if Path(datapath("wordsim353.tsv")).is_file():
        benchmarks["WordSim-353"] = ("similarity", datapath("wordsim353.tsv"))


def score_all(W):
    """{benchmark: (score, number of questions or pairs it rests on)}"""
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
for name, v in table.items():  # one row per distinct set of vectors (the fast path's threads give the same)
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
    """The seed-to-seed sd pooled over every trainer trained with several seeds (the same number each)."""
    return math.sqrt(np.mean([mean_sd(name, b)[1] ** 2 for name in scores_many]))


def noise(name, b):
    """The noise of one score: this trainer's seed-to-seed sd, never below the pooled one (nor, for an
    accuracy, below one question, 1/N)."""
    floor = max(pooled_sd(b), 1 / null[b][1]) if benchmarks[b][0] == "analogy" else pooled_sd(b)
    return max(mean_sd(name, b)[1], floor)


def noise_null(b):
    """The benchmark's own sampling error at the null's score (what one random draw scatters by)."""
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
rows.append(["random vectors (the null)", len(null_draws)] + [f"{null_stats(b)[0]:.4f} ± {null_stats(b)[1]:.4f}"
                                                            for b in benchmarks])
print(format_table(["trainer", "seeds"] + list(benchmarks), rows, align="<>" + ">" * len(benchmarks)))
print("questions answered / word pairs found in the vocabulary: "
      + ", ".join(f"{b} {null[b][1]}" for b in benchmarks))

# %% [markdown]
# What the noise says. Every trained score here is on the same questions (or word pairs), so the noise that
# matters when two of them are compared is how much a score moves when only the training run changes: its
# standard deviation over the seeds above, on these same questions. (That spread already holds the
# question-by-question luck of each run; the benchmark's own sampling error, √(p(1 − p)/N), would matter
# only for a claim about other questions.) Three seeds can agree by luck, so no trainer's noise is taken
# below the **pooled** spread, the root mean square of the standard deviations of all the trainers trained
# with several seeds, nor, for an accuracy, below one question (1/N). A difference inside the noise is
# *not shown to be real*; that is not the same as shown to be zero. So the cell below also says whether each
# comparison could have found anything:
# - **the vectors are not random**: the trained score must exceed the null's mean by more than 4 of the
#   null's standard errors (the larger of its spread over the random draws and the sampling error of a
#   score at the null, since random vectors get each question right independently). Random vectors fail
#   this; it is the one check here that is asserted: with at least the default training budget
#   (`EPOCHS * LR` of 0.1 or more) it must pass on at least one benchmark (the check cell names any benchmark
#   on which it did not, and why), and with less training the cell says "not yet" instead of failing;
# - **Hogwild against one thread**: the compiled backend with `max_threads` threads and with 1 thread, each
#   over the same seeds: the difference of the two means, with Welch's standard error and degrees of
#   freedom (Welch's t-test allows for the two spreads being different). It can only tell a difference
#   larger than t·(standard error), its reach, where t is the cutoff of Holm's strictest step (below: the
#   one for the family's smallest p). A difference above the reach is flagged whatever the other comparisons
#   show (one of exactly that size about half the time); a smaller one only if others are flagged first. Could
#   it see even a drop all the way to random vectors? Threaded runs that had fallen that far would scatter like
#   random vectors, so for this question the cell computes the reach with the null's standard error in place of
#   the threaded seeds' spread, and prints it, for each benchmark, beside the distance from the one-thread mean
#   to the null. When the reach is the larger, such a drop could go unflagged, and the line says "no power";
# - **the compiled backend against gensim** doing the same thing (same settings, same text pieces, same
#   starting range): the difference of the means over seeds, tested the same way. Three known differences
#   remain (the first two: section 4): gensim reads the sigmoid table with word2vec.c's integer factor 83
#   where the package uses the exact 1000 / 12; gensim *skips* the update of any output word (the target or
#   a negative) whose score is beyond ±6, where
#   word2vec.c and this package clip the sigmoid to 0 or 1 and still update; and gensim draws window radii
#   from numpy rather than from the LCG.
#
# Each comparison alone, at 95%, shows a "difference" by chance once in twenty runs; with several of them,
# the chance that at least one does is larger: at most the number of comparisons times 5% (Bonferroni's
# bound), and 1 − 0.95^m if they were independent (the cell prints it; they share data, so it is somewhat
# less). So every p is also given after Holm's
# correction (notebook 05): the smallest p is multiplied by the number of comparisons, the next by one
# fewer, and so on, never decreasing; the verdict uses the corrected p, which keeps the chance of any false
# "difference" in the whole family below 5%. Both comparisons are reported, not asserted. (The numpy fast
# path is a different trainer, with batches and its own learning rate; its row is for reading, not for a
# verdict.)

# %% tags=["nbval-ignore-output"]
def welch(name_a, name_b, b):
    """Mean of a minus mean of b over their seeds, Welch's standard error and degrees of freedom."""
    ka, kb = len(scores_many[name_a]), len(scores_many[name_b])
    va, vb = noise(name_a, b) ** 2 / ka, noise(name_b, b) ** 2 / kb  # the error of each mean
    se = math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (ka - 1) + vb**2 / (kb - 1))
    return mean_sd(name_a, b)[0] - mean_sd(name_b, b)[0], se, df


def paren(name):
    """'numba, 2 threads' -> 'numba (2 threads)', for lists whose items are separated by commas."""
    trainer, count = name.split(", ")
    return f"{trainer} ({count})"


beats_null = []  # benchmarks on which the trained vectors are clearly not random
comparisons = []  # (benchmark, comparison, difference, standard error, degrees of freedom)
power = []  # per benchmark: could the Hogwild comparison see even a drop to random vectors? (printed below)
for b in benchmarks:
    null_mean, null_sd = null_stats(b)
    null_se = max(null_sd, noise_null(b))
    above_null = mean_sd(numba_many, b)[0] - null_mean
    margin = 4 * null_se
    print(f"{b}: trained ({numba_many}, mean over seeds) minus the null = {above_null:+.4f}; "
          f"null's standard error {null_se:.4f}, 4 of them = {margin:.4f}")
    if above_null > margin:
        beats_null.append(b)
    print(f"  noise of one score: pooled seed-to-seed sd {pooled_sd(b):.4f}"
          + (f", one question {1 / null[b][1]:.4f}" if benchmarks[b][0] == "analogy" else "")
          + "; by trainer: " + "; ".join(f"{paren(name)} {mean_sd(name, b)[1]:.4f}" for name in scores_many))
    if max_threads > 1:
        diff, se, df = welch(numba_many, numba_one, b)
        comparisons.append((b, f"{max_threads} threads - 1 thread", diff, se, df))
        # a threaded run that fell all the way to random vectors would scatter like them: the null's error
        ka, kb = len(scores_many[numba_many]), len(scores_many[numba_one])
        va, vb = null_se**2 / ka, noise(numba_one, b) ** 2 / kb
        df_drop = (va + vb) ** 2 / (va**2 / (ka - 1) + vb**2 / (kb - 1))
        power.append((b, math.sqrt(va + vb), df_drop, mean_sd(numba_one, b)[0] - null_mean))
    if have_gensim and not GENSIM_DEFAULTS:
        comparisons.append((b, "numba - gensim", *welch(numba_many, gensim_many, b)))

p_raw = np.array([2 * stats.t.sf(abs(d / se), df) for _, _, d, se, df in comparisons])
p_holm = np.empty_like(p_raw)
running = 0.0
for rank, i in enumerate(np.argsort(p_raw)):  # Holm: the rank-th smallest p times (m - rank), never decreasing
    running = max(running, min(1.0, (len(p_raw) - rank) * p_raw[i]))
    p_holm[i] = running
rows = []
for (b, what, d, se, df), p, ph in zip(comparisons, p_raw, p_holm):
    verdict = ("lower" if d < 0 else "higher") if ph < 0.05 else "not distinguishable"
    rows.append([b, what, f"{d:+.4f} ± {se:.4f}", f"{d / se:+.1f}", f"{df:.1f}", f"{p:.2f}", f"{ph:.2f}", verdict])
if rows:
    print()
    print(format_table(["benchmark", "comparison", "difference", "t", "df", "p", "p (Holm)", "verdict"], rows,
                       align="<<>>>>><"))
    print(f"{len(rows)} comparisons: with no real difference anywhere, at least one would show p < 0.05 in "
          f"about {1 - 0.95 ** len(rows):.0%} of runs if the tests were independent, and in at most "
          f"{min(1.0, 0.05 * len(rows)):.0%} under any dependence (Bonferroni's bound); with Holm's correction, "
          "in at most 5%")
for b, se, df, to_null in power:
    # Holm's strictest step (alpha / m, the cutoff for the family's smallest p): a difference above this reach is
    # flagged whatever the other comparisons show; a smaller one only if other comparisons are flagged first
    reach = stats.t.ppf(1 - 0.025 / len(comparisons), df) * se
    if reach < to_null:
        print(f"power, {b}: with Holm's correction over {len(comparisons)} comparisons, and the threaded runs "
              f"scattering like random vectors, the Hogwild comparison flags on its own any difference above about "
              f"{reach:.4f} (one of exactly that size about half the time); 1 thread sits {to_null:.4f} above random "
              "vectors' mean, so a drop all the way to their mean would be flagged more often than not")
    else:
        print(f"no power, {b}: with Holm's correction over {len(comparisons)} comparisons, and the threaded runs "
              f"scattering like random vectors, the Hogwild comparison flags on its own only differences above "
              f"about {reach:.4f}, more than the distance from 1 thread to random vectors ({to_null:.4f}): a drop "
              "all the way to random vectors could go unflagged (raise EPOCHS)")

# %%
budget = EPOCHS * LR  # how far a run can get: the defaults (2 epochs at 0.05) give 0.1
if beats_null:
    print("check passed: the trained vectors beat random vectors by more than 4 of the null's standard errors on "
          + ", ".join(beats_null) + " (the Hogwild and gensim comparisons above are reported, not asserted)")
    for b in benchmarks:
        if b not in beats_null:
            null_mean, null_sd = null_stats(b)
            print(f"not passed, {b}: the trained vectors' distance from the null (printed above) is inside 4 of the "
                  f"null's standard errors ({4 * max(null_sd, noise_null(b)):.4f}); with {null[b][1]:,} "
                  f"{'questions' if benchmarks[b][0] == 'analogy' else 'word pairs'}, one set of random vectors "
                  f"already scatters by {max(null_sd, noise_null(b)):.4f}, and {EPOCHS} epochs do not clear that")
else:
    assert budget < 0.1, ("the trained vectors do not beat random vectors by 4 of the null's standard errors on any "
                          "benchmark: raise EPOCHS")
    print(f"not yet: with EPOCHS = {EPOCHS} and LR = {LR} the vectors do not beat random vectors by 4 of the null's "
          "standard errors on any benchmark, so no comparison above means anything yet; raise EPOCHS or LR")

# %% [markdown]
# ## Summary
#
# - A per-word SGD loop (확률적 경사 하강법, stochastic gradient descent) in plain Python is hopeless: every
#   array access is a function call. The same function compiled by numba's `@njit` (JIT 컴파일, just-in-time
#   compilation) runs more than ten times faster (section 3 prints by how much); the first call compiles,
#   so time the second.
# - Subsampling (하위 샘플링) drops words from the stream before any window is drawn, in word2vec.c, gensim
#   and the package alike, so a window reaches past the words dropped.
# - The tricks, measured rather than assumed: word2vec.c's LCG for random numbers (one integer of state, so
#   each chunk has its own stream), the sigmoid table (error below one table step times the sigmoid's
#   largest slope, 1/4), and for the negatives word2vec.c's huge table against gensim's binary search of the
#   cumulative table (누적 분포, cumulative distribution), which stays in the cache. Section 4 printed which
#   of them, if any, measurably saved or cost time on this computer; the package keeps the LCG, the sigmoid table
#   and the binary search.
# - float32 and `fastmath` let the compiler add several numbers per instruction (SIMD): section 5 timed the
#   kernel's dot product compiled with and without them.
# - Hogwild (잠금 없는 병렬 학습, lock-free parallel SGD) threads share the weights without locks; it works
#   because each update touches a handful of rows. With one thread a seed reproduces the vectors; with more
#   than one, the vectors change from run to run. Section 8 printed whether this run could tell the threaded
#   vectors' quality from the one-thread vectors', and, one line per benchmark, whether that comparison had
#   the power to see even a drop all the way to random vectors.
# - Per-word SGD needs no damping: each update sees the rows the previous one moved. Big batches sum many
#   updates of a frequent row computed from the same old row, which is why notebook 05 damps them.
# - word2vec.c and gensim are fast by compiled per-word SGD, and spread it over cores with Hogwild threads.
#   `w2vlib.fast.compiled` does the same; its kernels are the lines of numba that section 5 counted
#   in `numba_kernels.py`. Section 7 drew its words per second against the number of threads beside
#   the numpy fast path and gensim, and printed each trainer's gain from threads as a share of the ceiling a
#   trivially parallel loop reached in the same rounds (a reference, not a bound: on a busy computer the two
#   measurements need not meet the same load). Section 8 checked on which benchmarks the vectors beat random
#   ones (and printed why any other did not), and
#   printed how far the compiled backend's mean score is from gensim's at the same settings, with its
#   standard error: a difference the seeds cannot resolve is not shown to be zero.
#
# ## Exercises
#
# Each exercise checks itself: replace the `...`, run the cell, and read the verdict. `q1.hint()` gives a
# nudge and `q1.solution()` the reference answer.

# %%
q1, q2, q3 = w2vlib.exercises.load("09")

# %% [markdown]
# **1. How poor are the low bits?** word2vec.c decides whether to keep a word from the *lowest* 16 bits of
# its state: `(next_random & 0xFFFF) / 65536` (`TrainModelThread`). Section 4 says that the LCG's low bits
# are poor: the lowest one just alternates. How long do the lowest `k` bits take to repeat? Write
# `period(k)`: start from state 1, step word2vec.c's generator (section 4), and return the number of steps after
# which the lowest `k` bits (`state % 2**k`) first equal those of state 1 again. The check tries `k` from 1 to 16.
# C keeps 64 bits of the state, so do the same with `% 2**64`: Python's integers would keep every bit, grow at
# each step and slow the loop to a crawl.

# %%
def period(k):
    ...


q1.check(period)
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. Drawing a word by bisection.** Write `draw(cdf, u)`: the word `i` whose interval `[cdf[i-1], cdf[i])`
# holds `u` (word 0's interval starts at 0; the table's last entry is 1), found by a binary search that you
# write yourself: `np.searchsorted` and Python's `bisect.bisect_right` are the one-line answers, and the
# check refuses them. The check also hands
# your function a table of a few thousand words that counts how many entries it reads (only through
# `len(cdf)` and `cdf[i]`, so index `cdf` directly rather than converting it): a binary search needs about
# log2(V) of them.

# %%
def draw(cdf, u):
    ...


q2.check(draw)
# q2.hint()
# q2.solution()

# %% [markdown]
# **3. Predict the cost of more negatives.** The time per word is a fixed part (subsampling, the window, the
# input rows) plus a part per output row (one dot product, two row updates, one draw). The next cell times
# one epoch of a PTB slice with 2 and with 8 negatives. Write `seconds(k, t2, t8)` that predicts the time
# for `k` negatives from those two timings. The verdict checks your line on timings of its own (made-up ones,
# so that noise cannot decide it); only after you have written it does the check cell time 14 negatives and
# set your prediction beside that measurement, and the cell after it discusses the miss.

# %% tags=["nbval-ignore-output"]
speed_slice = corpus[:200_000]


def time_negatives(k):
    """Three timed epochs of the slice with k negatives, 1 thread (seconds)."""
    return [numba_train(speed_slice, 1, 1, negative=k).wall_time for _ in range(3)]


runs_by_k = {k: time_negatives(k) for k in (2, 8)}
timed = {k: min(v) for k, v in runs_by_k.items()}  # the best of three runs each
print("seconds per epoch of the slice (best of 3):", {k: round(v, 3) for k, v in timed.items()})

# %%
def seconds(k, t2, t8):
    ...


runs_by_k[14] = time_negatives(14)  # measured only now, after your prediction
timed[14] = min(runs_by_k[14])
q3.check(seconds, t2=timed[2], t8=timed[8], t14=timed[14])
# q3.hint()
# q3.solution()

# %% [markdown]
# How good is a straight line? The timings above were taken at two moments (2 and 8 before your answer, 14
# after it), and the load may have changed in between. So the next cell times 2, 8 and 14 negatives again,
# in three rounds that alternate them (a slow spell hits all three alike), sets the line through the fastest
# rounds of 2 and 8 beside the fastest round of 14, and prints the spread over the rounds. A miss larger than
# the largest spread suggests that the cost of one more negative is not constant: compare the cost per
# negative from 2 to 8 with the cost from 8 to 14. When the spreads are large, those two costs can differ by
# as much from noise alone. (This notebook does not measure why the cost would change; more output rows per
# word also means more memory traffic.)

# %% tags=["nbval-ignore-output"]
line = q3.answer_or_reference(seconds)
rounds = {k: [] for k in (2, 8, 14)}
for _ in range(3):  # three rounds, each k once per round
    for k in rounds:
        rounds[k].append(numba_train(speed_slice, 1, 1, negative=k).wall_time)
best = {k: min(v) for k, v in rounds.items()}
predicted = line(14, best[2], best[8])
miss = max(predicted, best[14]) / min(predicted, best[14])
spread = {k: max(v) / min(v) for k, v in rounds.items()}
print("seconds per epoch, fastest of 3 alternating rounds:", ", ".join(f"k = {k}: {v:.3f}" for k, v in best.items()))
print(f"14 negatives: the line through k = 2 and 8 predicts {predicted:.3f} s, measured {best[14]:.3f} s "
      f"({predicted / best[14]:.2f}x)")
print("spread over the rounds (slowest / fastest): " + ", ".join(f"k = {k}: {v:.2f}" for k, v in spread.items()))
print(f"the miss ({miss:.2f}x) against the largest spread ({max(spread.values()):.2f}): "
      + ("inside it" if miss <= max(spread.values()) else "larger"))
print(f"cost per extra negative: {(best[8] - best[2]) / 6 * 1000:.1f} ms from 2 to 8, "
      f"{(best[14] - best[8]) / 6 * 1000:.1f} ms from 8 to 14")

# %% [markdown]
# Back to the start: [the README](../README.md) lists the series; `benchmarks/bench_ptb.py` times the command
# line (`python -m w2vlib train --backend numba`) against gensim over ten epochs.
#
# **Sources** (checked for this notebook): word2vec.c (`word2vec.c`, tmikolov/word2vec: `TrainModelThread`
# for subsampling, the window, the LCG and the negatives; `ReadWord`, which turns each line end into `</s>`;
# `InitUnigramTable` and `table_size`; the `#define`s
# `EXP_TABLE_SIZE` and `MAX_EXP` at the top of the file; `main` for `expTable` and `alpha = 0.05` with `-cbow`), gensim 4 (`gensim/models/word2vec_inner.pyx`:
# `train_batch_cbow`, `w2v_fast_sentence_cbow_neg`, `bisect_left`, `random_int32`, `MAX_SENTENCE_LEN`;
# `gensim/models/word2vec.py`: `Word2Vec`'s defaults and `make_cum_table`; `gensim/models/keyedvectors.py`:
# `prep_vectors`), gensim 4.4.0 run in section 4 (the sigmoid table entry read on a first update from zero
# output weights), Java's `java.util.Random` (its documented `next(bits)`: 48-bit seed, multiplier
# 0x5DEECE66D, addend 0xB), numba's documentation (`@njit`, `cache=True`, `fastmath` in "Performance Tips",
# `parallel=True` with `prange`, `set_num_threads`, the cache location under `NUMBA_CACHE_DIR` in
# "Environment variables"), Niu, Recht, Ré and Wright, "Hogwild!" (NIPS 2011, abstract), the package
# (`w2vlib/fast/numba_kernels.py`, `w2vlib/fast/compiled.py`), *Deep Learning from Scratch 2* (section 4.3).
#
# [Next: 10 The other road (hierarchical softmax, and skip-gram)](10_the_other_road.ipynb)
