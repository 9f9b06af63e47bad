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
# row updates. That is about as fast as gensim with *one* worker, and gensim with two workers is faster
# still. A student's obvious question: **how does gensim do it?**
#
# The answer is the one word2vec.c gave in 2013: train **one word at a time** (per-word SGD), in
# **compiled** code, with **threads that share the weights without locks** (Hogwild), and three small
# tricks: cheap random numbers, a sigmoid table and a cumulative table for the negatives. No batches, so
# no damping. We build this step by step with [numba](https://numba.pydata.org), a compiler for plain
# Python loops, and measure what every step buys.
#
# **You will learn**
# - why a per-word loop is hopeless in plain Python and fast once compiled, with the decorator `@njit` as
#   the only change, and how to time compiled code honestly (compile first, then measure);
# - how Hogwild threads train one model together, and why sparse updates make that work;
# - why per-word SGD needs no damping while big numpy batches did (notebook 05);
# - what word2vec.c's tricks buy, measured: an LCG instead of `np.random`, a sigmoid table, and a binary
#   search of the cumulative unigram table instead of a huge lookup table;
# - how the package's compiled backend, `w2vlib.fast.compiled` (`backend="numba"`), compares with the layered
#   model, the numpy fast path and gensim, in speed and in the quality of the vectors.

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
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0                # every random choice below comes from this seed
HIDDEN_SIZE = 100       # length of each word vector
WINDOW_SIZE = 5         # maximum context radius (each word draws its radius from 1..WINDOW_SIZE)
NEGATIVE = 5            # negative samples per target
LR = 0.05               # starting learning rate of per-word SGD (word2vec.c's CBOW default)
SLICE_WORDS = 2_000     # PTB words the plain-Python loop trains on (it is slow)
TRICK_WORDS = 200_000   # PTB words each compiled variant trains on (best of two runs)
EPOCHS = 3              # epochs of every trainer in the comparison table (the benchmark runs 10)
LAYERED_STEPS = 100     # steps of the layered model (batch 100); its time is extrapolated
THREADS = 2             # Hogwild threads (at most the number of cores numba sees)

# %% [markdown]
# ## 1. The pieces: corpus, subsampling, the sampler's cumulative table
#
# Per-word SGD needs three things per word, all of them already in the package:
# - the **keep probability** of each word (Mikolov's subsampling: frequent words are skipped often);
# - the **cumulative table** of the unigram distribution to the power 0.75, the one the package's
#   `UnigramSampler` draws from (notebook 04): a uniform number `u` picks the word `i` whose interval
#   `[cdf[i-1], cdf[i])` holds `u`;
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
print(f"cumulative table: {cdf.size:,} float64 entries = {cdf.nbytes / 1024:.0f} KiB")

# %% [markdown]
# ## 2. One word at a time, in plain Python
#
# Here is CBOW with negative sampling, one target word at a time, written with plain loops so that every
# step is visible. For each word of the corpus:
# 1. skip it with probability `1 - keep_prob[word]` (subsampling);
# 2. draw its window radius `b` from `1..window`, average the context rows of `W_in` into `h`;
# 3. for the target (label 1) and `negative` words drawn from the cumulative table (label 0): the score
#    `f = h · W_out[w]`, `g = lr * (label - sigmoid(f))`, then `dh += g * W_out[w]` and `W_out[w] += g * h`
#    (a negative that happens to be the target itself is skipped);
# 4. every context row gets the whole `dh` (word2vec.c's update).
#
# The switches `lcg`, `use_sig_table`, `use_big_table` turn on word2vec.c's tricks; section 5 measures them.
# The learning rate is fixed here; the package lets it fall linearly over training.

# %%
def cbow_words(words, W_in, W_out, cdf, keep_prob, window, negative, lr, rng,
               lcg, seed, sig_table, use_sig_table, big_table, use_big_table):
    """Per-word CBOW SGD over `words`, updating W_in and W_out in place. Returns the summed loss."""
    H = W_in.shape[1]
    h = np.zeros(H, dtype=np.float32)
    dh = np.zeros(H, dtype=np.float32)
    state = np.uint64(seed)
    loss = 0.0
    n = len(words)
    for pos in range(n):
        word = words[pos]
        if lcg:  # word2vec.c's random numbers: one multiply and one add
            state = state * np.uint64(25214903917) + np.uint64(11)
            u = (state >> np.uint64(11)) * (1.0 / 2**53)
        else:
            u = rng.random()
        if u >= keep_prob[word]:  # 1. subsampling
            continue
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
                    h[j] += W_in[words[p], j]
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
                    W_in[words[p], j] += dh[j]
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
      f"largest weight difference {np.abs(W_in_py - W_in_jit).max():.1e}")
assert abs(loss_py - loss_jit) < 1e-3 * abs(loss_py), "same function, same seed: the same loss"
np.testing.assert_allclose(W_out_jit, W_out_py, atol=1e-5)
assert jit_speedup > 10, "compiled code should be more than 10x faster than the Python loop"
print("check passed: same result, and the compiled loop is more than 10x faster")

# %% [markdown]
# Nothing was vectorised: the compiled function still walks every number one by one, like the Python
# one. The difference is what each step costs. In Python every `W_in[row, j]` is a function call that boxes
# a float in a new object; compiled, it is one load instruction.

# %% [markdown]
# ## 4. What word2vec.c's tricks buy
#
# With the loop compiled, the costs that remain are the per-draw ones. word2vec.c has a trick for each:
# - **random numbers**: word2vec.c uses a linear congruential generator (LCG), one multiply and one add:
#   `state = state * 25214903917 + 11`, modulo 2^64 (the integer simply wraps around). Its low bits are
#   poor (the lowest one just alternates 0, 1, 0, 1, …), its top bits are good, so `cbow_words` keeps the
#   top 53 (`state >> 11`, exactly a float64's precision) and divides by 2^53 to get `u` in [0, 1). Inside
#   compiled code numba's `np.random` is compiled too, so the LCG may buy little speed here (the first two
#   rows below measure it). What it surely buys is a state of one integer: every chunk of the corpus can
#   carry its own, which section 5 uses to make threaded training reproducible chunk by chunk;
# - **the sigmoid**: `exp` is a few dozen instructions; word2vec.c reads it from a table of 1000 values on
#   [-6, 6]: `int((f + 6) * (1000 / 12))` turns a score `f` into an index 0..999, and a score outside
#   [-6, 6] is clipped to 0 or 1. The table holds the sigmoid at the left end of each step, so its error is
#   at most one step (12 / 1000) times the sigmoid's steepest slope (1/4);
# - **the negatives**: a binary search of the cumulative table halves the candidate words at every step,
#   so it takes about log2(V) steps (14 for 10,000 words), in a table that fits in the cache. word2vec.c
#   instead reads one entry of a table of 10^8 word ids (we use 10^7), in which each word fills a share of
#   the entries equal to its probability: a single step, but a random address in 40 MB, which misses the
#   cache.
#
# Each variant trains `TRICK_WORDS` words from the same starting weights; we add one trick at a time.

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
trick_speed = {}
trick_loss = {}
for name, lcg, use_sig, use_big in variants:
    times = []
    for _ in range(2):  # the best of two runs: other programs only ever add time
        W_in_t, W_out_t = fresh_weights()
        start = time.perf_counter()
        loss = cbow_words_jit(trick_words, W_in_t, W_out_t, cdf, keep_prob, WINDOW_SIZE, NEGATIVE, LR,
                              np.random.default_rng(SEED), lcg, SEED + 1, sig_table, use_sig, big_table, use_big)
        times.append(time.perf_counter() - start)
    trick_speed[name] = TRICK_WORDS / min(times)
    trick_loss[name] = loss
previous = None
for name, *_ in variants:
    vs = "" if previous is None else f"  {trick_speed[name] / trick_speed[previous]:.2f}x the row above"
    print(f"{name:38s} {trick_speed[name]:>12,.0f} words/s{vs}")
    previous = name

# %%
x = np.linspace(-8, 8, 200_001)
exact = 1 / (1 + np.exp(-x))
inside = np.clip(((x + 6) * (sig_table.size / 12)).astype(int), 0, sig_table.size - 1)
from_table = np.where(x >= 6, 1.0, np.where(x <= -6, 0.0, sig_table[inside]))
table_error = np.abs(from_table - exact)
print(f"sigmoid table: largest error {table_error[np.abs(x) < 6].max():.4f} inside [-6, 6], "
      f"{table_error.max():.4f} with the clipping outside")
names = [v[0] for v in variants]
losses = np.array([trick_loss[n] for n in names])
print("loss per variant relative to the first:", np.round(losses / losses[0], 3))
assert table_error[np.abs(x) < 6].max() < 12 / sig_table.size * 0.25 + 1e-6  # one step x the slope <= 1/4
assert np.all(np.abs(losses / losses[0] - 1) < 0.05), "the tricks must not change what is learned"
print("check passed: the table's error is below one table step times the sigmoid's largest slope (1/4), "
      "and every variant learns the same (loss within 5%)")

# %% [markdown]
# Read the ratios above with the machine in mind: each is the best of two runs, and a busy machine moves
# them. The table error is small next to the noise of SGD itself (a negative is a random word), which is
# why word2vec.c could afford it. Whether the huge lookup table beats the binary search depends on the
# caches: its one read usually misses them, while the search's first steps always hit (the same few
# entries) and only its last steps may miss. In this run:

# %% tags=["nbval-ignore-output"]
big_vs_bisection = trick_speed[names[3]] / trick_speed[names[2]]
print(f"the 10^7-entry table ran at {big_vs_bisection:.2f}x the speed of the binary search "
      f"({'faster' if big_vs_bisection > 1 else 'slower'} on this machine, in this run)")

# %% [markdown]
# ## 5. The package's kernel: SIMD, lockstep search, Hogwild threads
#
# `w2vlib.fast.compiled` (used by `w2vlib.fast.train(..., backend="numba")` and `python -m w2vlib train
# --backend numba`) is the loop above with all three tricks on, and three more changes:
# - everything is float32 and compiled with `fastmath`, so the dot products and row updates of `HIDDEN_SIZE` numbers
#   run as SIMD instructions, several numbers per instruction;
# - the `negative` binary searches of a word run **in lockstep** (one step of every search, then the next),
#   so the CPU overlaps their memory reads instead of waiting for each in turn;
# - the corpus is cut into chunks, and `prange` hands the chunks to threads (next section).
#
# Its heart, one negative-sampling update (the sigmoid and loss come from the tables):

# %%
kernels = compiled.kernels()
print(inspect.getsource(kernels.ns_update))

# %% [markdown]
# Like `cbow_words`, it compiles on first use. Unlike it, it is compiled with `cache=True`: numba writes
# the machine code next to the package, and later Python processes load it instead of compiling again.
# We warm it up on a few words (compiling or loading), then time one epoch with one thread:

# %% tags=["nbval-ignore-output"]
def numba_train(words, epochs, threads, **kw):
    settings = dict(hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, alpha=LR, seed=SEED)
    return fast.train(words, vocab_size, backend="numba", epochs=epochs, threads=threads, progress=False,
                      **{**settings, **kw})


start = time.perf_counter()
numba_train(corpus[:5_000], 1, 1)
warmup_seconds = time.perf_counter() - start
one_epoch = numba_train(corpus, 1, 1)
print(f"warm-up (compile or load from the cache): {warmup_seconds:.1f} s")
print(f"package kernel, 1 thread: {one_epoch.words_per_sec:,.0f} words/s, "
      f"{one_epoch.words_per_sec / trick_speed[names[2]]:.1f}x the compiled loop with the same tricks")

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
# With two threads, each takes a chunk of the corpus and runs the same per-word loop, **reading and writing
# the same `W_in` and `W_out` with no locks**. That sounds wrong: one thread can read a row while the other
# is half-way through updating it, and one update can overwrite the other. Niu, Recht, Ré and Wright (2011,
# "Hogwild!") showed why it works anyway for sparse problems:
# - one update touches very few rows: about `2 * WINDOW_SIZE` rows of `W_in` and `NEGATIVE + 1` rows of
#   `W_out`, out of `2 * V`. Two threads rarely touch the same row at the same moment;
# - when they do, the cost is one small update lost or applied to a slightly old row, the same kind of noise
#   SGD already lives with (a random negative, a random window);
# - the frequent rows (`the`, `<eos>`) collide most; subsampling makes them rarer too.
#
# What threads change: with one thread the same seed gives the same vectors, bit for bit. With two, every
# chunk still draws the same random numbers, but the order in which the threads' updates interleave depends
# on timing, so the vectors differ slightly from run to run; the quality does not.
#
# What threads can buy: at best a speed-up equal to the number of threads, when each has a free core of its
# own. On a machine busy with other programs the extra thread waits for a core, and the ratio printed below
# can be close to 1, or even below it.

# %% tags=["nbval-ignore-output"]
max_threads = min(THREADS, numba.config.NUMBA_NUM_THREADS)
two = numba_train(corpus, 1, max_threads)
print(f"{max_threads} threads: {two.words_per_sec:,.0f} words/s = "
      f"{two.words_per_sec / one_epoch.words_per_sec:.2f}x one thread")

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
# far longer than any single update, so the fast path damps it (a row used `c` times gets its sum divided by
# `max(1, c / 4)` for CBOW); notebook 05's ablation measures what switching damping off does there.
# Per-word SGD applies each update at once: the next occurrence already sees the moved row, and corrects
# from there. The step per occurrence is just `lr` times one gradient, so there is no sum to damp. Here is
# how many times the most frequent context word occurs in one batch of the fast path (1024 targets after
# subsampling, full windows):

# %%
kept_stream = corpus[np.random.default_rng(SEED).random(corpus.size) < keep_prob[corpus]]
contexts_ptb, _ = create_contexts_target(kept_stream[:1024 + 2 * WINDOW_SIZE], WINDOW_SIZE)
batch_counts = np.bincount(contexts_ptb.ravel(), minlength=vocab_size)
top_word = int(batch_counts.argmax())
print(f"in one batch of 1024 targets, '{id_to_word[top_word]}' is a context {int(batch_counts[top_word])} "
      f"times: a batched step moves its row by the sum of {int(batch_counts[top_word])} updates computed from "
      f"the same old row; per-word SGD takes them one at a time")
assert batch_counts.max() > 4, "more than the fast path's damping threshold for CBOW (4)"

# %% [markdown]
# ## 7. One table: every trainer, the same settings
#
# Same corpus, CBOW, `HIDDEN_SIZE`, `WINDOW_SIZE`, `NEGATIVE`, subsampling 1e-3, `EPOCHS` epochs:
# - the **layered** model as the book builds it (Embedding + NegativeSamplingLoss, Adam, batch 100) runs
#   only `LAYERED_STEPS` steps; its time for `EPOCHS` epochs is **extrapolated** from them;
# - the **numpy fast path** (`fast.train`, notebook 05), with its defaults;
# - the **compiled backend** with one thread and with `THREADS` threads;
# - **gensim**'s `Word2Vec` with one and two workers, when gensim is installed (its defaults otherwise,
#   e.g. its learning rate 0.025).
#
# Every time includes setup (gensim's vocabulary scan, the numpy path's planning). The numba kernels are
# already compiled (section 5), so no compile time is counted.

# %% tags=["nbval-ignore-output"]
table = {}  # name -> (seconds for EPOCHS epochs, note, vectors or None)
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
                                           f"extrapolated from {LAYERED_STEPS} steps", None)

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
            math.nan, "gensim is not installed (pip install gensim)", None)

reference = "gensim, 2 workers" if have_gensim else "numpy fast path (notebook 05)"
ref_seconds = table[reference][0]
print(f"{EPOCHS} epochs of {corpus.size:,} words, CBOW, hidden {HIDDEN_SIZE}, window {WINDOW_SIZE}, "
      f"{NEGATIVE} negatives (speed relative to {reference})")
print(f"{'trainer':32s} {'seconds':>9s} {'words/s':>12s} {'speed':>7s}  note")
for name, (seconds, note, _) in table.items():
    if math.isnan(seconds):
        print(f"{name:32s} {'-':>9s} {'-':>12s} {'-':>7s}  {note}")
    else:
        print(f"{name:32s} {seconds:9.2f} {n_words / seconds:12,.0f} {ref_seconds / seconds:6.2f}x  {note}")

# %%
sec = {name: v[0] for name, v in table.items()}
numba_best = min(sec[f"numba, {t} thread{'s' if t > 1 else ''}"] for t in sorted({1, max_threads}))
assert sec["layered CBOW + Adam, batch 100"] > 5 * numba_best, "the layered model is by far the slowest"
assert numba_best < sec["numpy fast path (notebook 05)"], "compiled per-word SGD beats the numpy fast path"
print("check passed: the layered model is the slowest by far, and compiled per-word SGD beats the numpy "
      "fast path")

# %% [markdown]
# ## 8. Are the vectors as good?
#
# Speed means nothing if the vectors are worse. We score every trained result with the project's
# evaluators (notebook 06): the project's PTB analogy questions, and, when gensim's test data is installed,
# the Google analogy questions that PTB covers and WordSim-353 (Spearman correlation with human ratings).
# The layered model trained only a few steps, so it has no row here.

# %% tags=["nbval-ignore-output"]
benchmarks = {"PTB analogies": ("analogy", Path("..") / "data" / "analogies_ptb.txt")}
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
    assert numba_1[b] > 0.7 * numpy_fast[b] - 0.01, f"numba's vectors should score about as well on {b}"
print("check passed: the compiled backend's vectors score at least about as well as the numpy fast path's")

# %% [markdown]
# One run on one seed, after `EPOCHS` epochs: small differences between the rows may be seed noise rather
# than a better trainer (the benchmark, `benchmarks/bench_ptb.py`, averages three seeds over ten epochs).
#
# ## Summary
#
# - A per-word SGD loop (확률적 경사 하강법, stochastic gradient descent) in plain Python is hopeless: every
#   array access is a function call. The same function compiled by numba's `@njit` (JIT 컴파일, just-in-time
#   compilation) runs more than ten times faster (section 3 prints by how much); the first call compiles,
#   so time the second.
# - Hogwild (잠금 없는 병렬 학습, lock-free parallel SGD) threads share the weights without locks; it works
#   because each update touches a handful of rows. With one thread a seed reproduces the vectors; with two,
#   the interleaving is not reproducible, the quality is.
# - Per-word SGD needs no damping: each update sees the rows the previous one moved. Big batches sum many
#   updates of a frequent row computed from the same old row, which is why notebook 05 damps them.
# - word2vec.c's tricks, measured: an LCG for random numbers (one integer of state, so each chunk has its
#   own stream), a sigmoid table (error below one table step
#   times the slope), and for the negatives a binary search of the cumulative table (누적 분포,
#   cumulative distribution), which stays in the cache, rather than a huge lookup table, which does not.
# - Compiled per-word SGD with Hogwild threads is how word2vec.c and gensim are fast. `w2vlib.fast.compiled`
#   does it in a few dozen lines of numba, with vectors that score about as well as the other trainers'
#   (section 8).
#
# ## Exercises
#
# Each exercise checks itself: replace the `...`, run the cell, and read the verdict. `q1.hint()` gives a
# nudge and `q1.solution()` the reference answer.

# %%
q1, q2, q3 = w2vlib.exercises.load("09")

# %% [markdown]
# **1. word2vec.c's random numbers.** Write `lcg(state)`: the next state of word2vec.c's generator
# (section 4), exactly as C computes it with a 64-bit `unsigned long long` state. Careful: Python's
# integers do not behave like C's.

# %%
def lcg(state):
    ...


q1.check(lcg)
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. Drawing a word by bisection.** Write `draw(cdf, u)`: the word `i` whose interval `[cdf[i-1], cdf[i])`
# holds `u` (with `cdf[-1] = 1`), found by a binary search in about log2(V) steps, without `np.searchsorted`.

# %%
def draw(cdf, u):
    ...


q2.check(draw)
# q2.hint()
# q2.solution()

# %% [markdown]
# **3. Predict the cost of more negatives.** The time per word is a fixed part (subsampling, the window, the
# input rows) plus a part per output row (one dot product, two row updates, one draw). Below we time one
# epoch of a PTB slice with 2 and with 8 negatives. Write `seconds(k, t2, t8)` that predicts the time for
# `k` negatives from those two timings; the check compares your prediction for 14 negatives with a
# measurement (generously: timings are noisy).

# %% tags=["nbval-ignore-output"]
speed_slice = corpus[:300_000]
timed = {}
for k in (2, 8, 14):  # the best of three runs each
    timed[k] = min(numba_train(speed_slice, 1, 1, negative=k).wall_time
                   for _ in range(3))
print("seconds per epoch of the slice:", {k: round(v, 3) for k, v in timed.items()})

# %%
def seconds(k, t2, t8):
    ...


q3.check(seconds, t2=timed[2], t8=timed[8], t14=timed[14])
# q3.hint()
# q3.solution()

# %% [markdown]
# Back to the start: [the README](../README.md) lists the series; `benchmarks/bench_ptb.py` times the command
# line (`python -m w2vlib train --backend numba`) against gensim over ten epochs.
#
# [Next: 10 The other road (hierarchical softmax, and skip-gram)](10_the_other_road.ipynb)
