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
# # 04. Negative sampling: a few wrong words instead of all of them
#
# Book: *Deep Learning from Scratch 2*, sections 4.2.5–4.2.7
#
# [Notebook 03](03_embedding_dot.ipynb) replaced the softmax's "which of V words?" by a yes/no question about one
# word. It also showed that "yes" answers alone teach nothing: the model must see words that are *not* the target.
# Scoring all V − 1 of them would bring back the O(V) cost, so **negative sampling** (네거티브 샘플링) scores only
# k of them (k = 5 in the book), drawn at random. This notebook uses the real Penn Treebank (PTB) to decide *how*
# to draw them, and how fast, and then builds the loss and measures what it saves.
#
# **You will learn**
# - the unigram distribution of a corpus, and what word2vec's power 0.75 does to it (rare words gain,
#   frequent words lose)
# - why a target must never be drawn as its own negative
# - the book's per-row sampler (a Python loop over `choice(..., replace=False, p=...)`) against one vectorised draw
#   (measured), and how to check that two samplers draw from the distribution they should
# - `NegativeSamplingLoss`: k + 1 `EmbeddingDot` + `SigmoidWithLoss` pairs sharing one matrix, with its gradient check
# - the cost of one output-layer step with the full softmax against negative sampling as V grows (measured)

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
from w2vlib.text import format_table, josa   # Korean particles after printed values (the Korean edition's prints)

q1, q2, q3, q4 = w2vlib.exercises.load("04")   # the self-checking exercises at the end

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time, loglog_slope, one_thread  # best of a few repeats, each long enough to measure

# %% [markdown]
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0                               # seed for every random draw in this notebook
POWER = 0.75                           # exponent applied to the unigram distribution (word2vec and the book: 0.75)
SAMPLE_SIZE = 5                        # k, negatives per target (the book: 5)
SAMPLER_ROWS = 200                     # targets for the per-row sampler timing (it is slow: keep this small)
VOCAB_SIZES = [1_000, 10_000, 100_000]  # V for the training-step comparison (increasing)
HIDDEN = 100                           # hidden size H for the step comparison
BATCH = 100                            # targets per mini-batch
K_VALUES = [2, 5, 10, 20]              # exercise 4: numbers of negatives k to time (increasing)
REPEAT = 5                             # timing: best of this many runs

# %% [markdown]
# ## 1. The unigram distribution of PTB, and its 0.75 power
#
# Which wrong words should we show the model? Drawing them uniformly would mostly pick rare words the model will
# hardly ever meet. Drawing them by corpus frequency (the **unigram distribution**) matches what the model sees,
# but then the most frequent words ("the", `<unk>`, `<eos>`, ...) take by far the largest shares (the share of the
# 100 most frequent words is printed below). word2vec takes the middle road: probabilities proportional to
# `count ** 0.75` (word2vec.c's `InitUnigramTable`, `power = 0.75`; the book's `UnigramSampler` takes the power as
# an argument and its `CBOW` passes 0.75).
#
# The PTB training split (loaded with `w2vlib.data.load_ptb`, as the book's `ptb.load_data`) has V = 10,000 words:

# %%
corpus, word_to_id, id_to_word = load_ptb("train")
V = len(word_to_id)
counts = np.bincount(corpus, minlength=V)
p = counts / counts.sum()                        # the unigram distribution
p_pow = counts.astype(np.float64) ** POWER
p_pow /= p_pow.sum()                             # raised to POWER and renormalised

sampler = UnigramSampler(corpus, POWER, SAMPLE_SIZE, rng=SEED)
print(f"corpus: {len(corpus):,} words, vocabulary V = {V:,}")
print(f"w2vlib.UnigramSampler.word_p equals counts**{POWER} / sum: {np.allclose(sampler.word_p, p_pow)}")
assert np.allclose(sampler.word_p, p_pow)

# %% [markdown]
# The book's three-word example shows the effect: at the power 0.75 a probability of 0.01 grows to 0.0265, while 0.7
# shrinks to 0.642 (the assert checks both). The cell also applies your `POWER`.

# %%
book = np.array([0.7, 0.29, 0.01])
book_075 = book ** 0.75 / np.sum(book ** 0.75)
book_pow = book ** POWER / np.sum(book ** POWER)
print(f"power 0.75:      {book} -> {book_075}")
print(f"POWER = {POWER:<6g}: {book} -> {book_pow}")
assert abs(book_075[2] - 0.0265) < 5e-5 and abs(book_075[0] - 0.642) < 5e-4

# %% [markdown]
# And on PTB, for words from the most frequent down to rank 5,000 (rank 1 = most frequent; the ratio to the rarest
# word is left for exercise 1):

# %%
order = np.argsort(-counts, kind="stable")       # word ids from most to least frequent
print(f"{'rank':>6s} {'word':>10s} {'count':>7s} {'p':>10s} {'p^' + str(POWER):>10s} {'ratio':>7s}")
for rank in [1, 2, 3, 10, 100, 1_000, 5_000]:
    w = order[rank - 1]
    print(f"{rank:>6,d} {id_to_word[int(w)]:>10s} {counts[w]:>7,d} {p[w]:>10.2e} {p_pow[w]:>10.2e} {p_pow[w] / p[w]:>6.2f}x")
gain = int(np.sum(p_pow > p))
top = order[:100]
print(f"{gain:,} words gain probability, {V - gain:,} lose it")
print(f"the 100 most frequent words: {p[top].sum():.1%} of the draws before, {p_pow[top].sum():.1%} after")

# %%
ranks = np.arange(1, V + 1)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10.0, 4.0))
ax1.plot(ranks, p[order], label="unigram p")
ax1.plot(ranks, p_pow[order], label=f"p^{POWER} (normalised)")
ax1.set_xscale("log")
ax1.set_yscale("log")
ax1.set_xlabel("frequency rank of the word")
ax1.set_ylabel("probability of being drawn")
ax1.set_title("PTB: the two distributions")
ax1.legend(fontsize=9)
ax2.plot(ranks, p_pow[order] / p[order], color="C2")
ax2.axhline(1.0, color="k", lw=1, ls=":")
ax2.set_xscale("log")
ax2.set_yscale("log")
ax2.set_yticks([0.25, 0.5, 1, 2, 4], labels=["0.25", "0.5", "1", "2", "4"])
ax2.minorticks_off()
ax2.set_xlabel("frequency rank of the word")
ax2.set_ylabel(f"p^{POWER} / p (gain factor)")
ax2.set_title("Rare words gain, frequent words lose")
plt.show()

# %%
rarest = order[counts[order] > 0][-1]
print(f"With POWER = {POWER:g}: the most frequent word, {id_to_word[int(order[0])]!r}, keeps "
      f"{p_pow[order[0]] / p[order[0]]:.0%} of its share; the rarest words (count {counts[rarest]:,}) "
      f"become {p_pow[rarest] / p[rarest]:.1f}x as likely to be drawn; {V - gain:,} words lose, {gain:,} gain.")

# %% [markdown]
# A power below 1 makes the line on the log-log plot flatter: the most frequent words lose share, the rare words
# gain, and only the words near the top of the ranking lose (the number of losing words is printed above).
#
# That the most frequent word loses and the rarest gain is not a finding about PTB, so no cell tests it: for any
# power between 0 and 1 it must hold (unless all counts are equal). The gain factor `p^POWER / p` is proportional to
# `count^(POWER − 1)`, so it falls as the count grows; and weighted by `p` it averages to exactly 1, because
# Σ p · (p^POWER / p) = Σ p^POWER = 1. A factor that averages to 1 and falls with the count is above 1 for the rarest
# words and below 1 for the most frequent ones. How *many* words gain, and by how much, is what PTB decides.
#
# ## 2. A target must not be its own negative
#
# The loss of one example adds the positive question ("is the target the target? yes") and k negative ones ("is
# this sampled word the target? no"). If the sampler draws the target itself as a negative, the example asks
# both questions about the same score `s = W_out[t] · h`. The two gradients (기울기) with respect to `s` are
# `σ(s) − 1` and `σ(s) − 0`; their sum `2σ(s) − 1` is zero at σ(s) = 0.5. The example then teaches "not sure" instead
# of "yes". How often would that happen on PTB if we did not prevent it?

# %%
clash = 1 - (1 - p_pow[corpus]) ** SAMPLE_SIZE     # P(at least one of k draws equals the target), per position
print(f"examples whose k = {SAMPLE_SIZE} negatives would include their own target: {clash.mean():.2%} on average, "
      f"about one example in {1 / clash.mean():.0f}")
clash_the = 1 - (1 - p_pow[word_to_id["the"]]) ** SAMPLE_SIZE    # the same chance for a target "the"
print(f"for a target 'the': {clash_the:.2%}, "
      f"{clash_the / clash.mean():.1f}x the average")

rng = np.random.default_rng(SEED)
targets = corpus[rng.integers(0, len(corpus), size=20_000)]
raw = sampler.sample(targets.shape + (SAMPLE_SIZE,))         # plain draws, no exclusion
neg = sampler.get_negative_sample(targets)                   # the package's draws
hit = np.mean(np.any(raw == targets[:, None], axis=1))
se_hit = np.sqrt(clash.mean() * (1 - clash.mean()) / len(targets))   # binomial standard error of that share
print(f"plain draws: {hit:.2%} of {len(targets):,} rows hit their target (prediction {clash.mean():.2%} "
      f"± {se_hit:.2%}); get_negative_sample: {int(np.sum(neg == targets[:, None]))} hits")
assert abs(hit - clash.mean()) < 4 * se_hit, "plain draws should hit their target as often as predicted"
assert not np.any(neg == targets[:, None])


# %% [markdown]
# Frequent targets are hit far more often than the average (the line for "the" above). `UnigramSampler` redraws any negative that equals its
# row's target, so this never happens. (word2vec.c handles it differently: in `TrainModelThread` a negative equal
# to the target is skipped, `if (target == word) continue;`, so that example trains on one negative fewer for each
# such draw; exercise 2 counts them for "the".)
#
# ## 3. The book's per-row sampler against one vectorised draw
#
# The book's CPU sampler (`ch04/negative_sampling_layer.py`) handles each row of the batch separately: copy the
# distribution, set the target's probability to 0, renormalise, and call `np.random.choice(V, size=k,
# replace=False, p=p)`. Below it is written exactly that way, except that the global `np.random` is replaced by a
# `Generator` passed in, so the run is reproducible. Each row costs O(V) numpy work (copying and normalising V
# probabilities, and `choice` building its cumulative table over V words), plus the Python overhead of one loop
# iteration and several numpy calls. (The same function's GPU branch trades this for speed: one
# `np.random.choice(..., replace=True, p=self.word_p)` for the whole batch, and its comment says that a negative can
# then be the target, "負例にターゲットが含まれるケースがある": the case section 2 warns about.)
#
# `UnigramSampler.get_negative_sample` draws all rows at once: one array of uniform numbers, mapped through the
# cumulative distribution with `np.searchsorted`, then a redraw of the few entries that hit their target. One
# difference: the book draws without replacement *within a row* (no word twice among one row's k negatives), while
# the package, like word2vec.c, draws with replacement (every draw independent).

# %%
def book_negative_sample(target, word_p, sample_size, rng):
    """The book's per-row sampler, with a passed Generator instead of the global np.random."""
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
with one_thread():                    # one BLAS thread, CPU time of this process (as in section 5)
    t_book = best_time(lambda: book_negative_sample(rows, sampler.word_p, SAMPLE_SIZE, rng), REPEAT, cpu=True)
    t_vec = best_time(lambda: sampler.get_negative_sample(rows), REPEAT, cpu=True)
print(f"{SAMPLER_ROWS} rows, V = {V:,}, k = {SAMPLE_SIZE}: per-row loop {t_book * 1e3:.1f} ms, "
      f"vectorised {t_vec * 1e3:.3f} ms -> {t_book / t_vec:.0f}x faster")

# %%
assert t_book > 10 * t_vec, "one vectorised draw should be at least 10x faster than the per-row loop"
print("check passed: the vectorised sampler is more than 10x faster")

# %% [markdown]
# A speed-up only counts if both versions draw from the distribution they should. Two checks: neither ever returns
# a row's target, and both put the predicted share of their draws on the 100 most frequent words. The prediction
# must include the exclusion. Let `P_top` be the total `p^POWER` probability of the 100 words. Every row draws from
# `p^POWER` without its target t, so its share is `(P_top − q_t·[t in top]) / (1 − q_t)`, where `q_t = p_pow[t]` is
# t's own `p^POWER` probability and `[t in top]` is 1 when t is one of the 100 words, else 0. The share is therefore
# below `P_top` when t is one of the 100 words, and a hair above it otherwise. Averaged over targets drawn from the
# corpus (weighted by their raw frequency `p_t`), that is a little below `P_top`.
#
# That formula is the vectorised sampler's. The book's loop aims at a slightly different share: it draws without
# replacement within a row, so a word already drawn cannot come again, and that lowers the share of the frequent
# words a little (they are the ones most often drawn first). Its share has no simple formula, so we simulate the
# book's scheme with `no_repeat_sample` below: column by column, every entry equal to its row's target or to an
# earlier entry of its row is drawn again until it differs. Drawing again until the word differs gives the same
# distribution as drawing from the renormalised rest, which is what the book's `p[target_idx] = 0` and
# `choice(..., replace=False, p=p)` do. (numpy's `Generator.choice` itself works that way: it draws with
# replacement, keeps the words it has not seen yet, and draws again for the rest.) The book's loop runs on only
# `SAMPLER_ROWS` rows (it is slow), so its estimate is rough. The cell prints the estimates with their standard
# errors and the predictions.

# %%
def no_repeat_sample(targets, sampler):
    """The book's scheme (no row's target, no word twice in a row), drawn for all rows at once."""
    neg = sampler.sample((len(targets), sampler.sample_size))             # with replacement, as a start
    for j in range(sampler.sample_size):
        taken = np.column_stack([targets, neg[:, :j]])                    # each row's target and earlier draws
        again = np.any(neg[:, [j]] == taken, axis=1)
        while again.any():                                                # draw those entries again until they differ
            neg[again, j] = sampler.sample(int(again.sum()))
            again[again] = np.any(neg[again, j][:, None] == taken[again], axis=1)
    return neg


# %%
rng = np.random.default_rng(SEED)
rows = corpus[rng.integers(0, len(corpus), size=SAMPLER_ROWS)]
book_neg = book_negative_sample(rows, sampler.word_p, SAMPLE_SIZE, rng)
many = corpus[rng.integers(0, len(corpus), size=100_000)]
fresh = UnigramSampler(corpus, POWER, SAMPLE_SIZE, rng=SEED)   # a new sampler: the same draws however often the timing above drew
vec_neg = fresh.get_negative_sample(many)
sim_neg = no_repeat_sample(many, fresh)                         # the book's scheme, on the same 100,000 targets
is_top = np.zeros(V, dtype=bool)
is_top[order[:100]] = True
share_book, share_vec, share_sim = is_top[book_neg].mean(), is_top[vec_neg].mean(), is_top[sim_neg].mean()
p_top = p_pow[is_top].sum()                                           # no exclusion
share_theory = np.sum(p * (p_top - p_pow * is_top) / (1 - p_pow))    # targets drawn by p, each excluded
se_vec = np.sqrt(share_theory * (1 - share_theory) / vec_neg.size)    # binomial standard errors
se_sim = np.sqrt(share_sim * (1 - share_sim) / sim_neg.size)
se_book = np.sqrt(share_sim * (1 - share_sim) / book_neg.size)
se_book_sim = np.hypot(se_book, se_sim)                               # the book loop against the simulation: both are noisy
print(f"share of negatives among the 100 most frequent words: book loop {share_book:.2%} (± {se_book:.2%}), "
      f"vectorised {share_vec:.2%} (± {se_vec:.2%})")
print(f"prediction with each row's target excluded: {share_theory:.2%}; without the exclusion p^{POWER} would give "
      f"{p_top:.2%}; the book's scheme (also no word twice in a row), simulated on {len(many):,} rows: "
      f"{share_sim:.2%} (± {se_sim:.2%})")
print(f"z (standard errors from its own prediction): book loop {(share_book - share_sim) / se_book_sim:+.1f} "
      f"(against the simulation), vectorised {(share_vec - share_theory) / se_vec:+.1f} (against the formula)")
shift = abs(p_top - share_theory)                                     # what the exclusion changes
no_repeat = share_sim - share_theory                                  # what drawing without replacement changes
print(f"the exclusion moves the prediction by {shift / se_vec:.1f} standard errors of the vectorised share "
      f"({vec_neg.size:,} draws) and by {shift / se_book:.1f} of the book loop's ({book_neg.size:,} draws); "
      f"the vectorised share is {abs(share_vec - p_top) / se_vec:.1f} standard errors "
      f"{'above' if share_vec > p_top else 'below'} the prediction without the exclusion")
print(f"no word twice in a row moves the share by {no_repeat * 100:+.2f} percentage points (± {se_sim * 100:.2f}, "
      f"simulated), {abs(no_repeat) / se_book:.1f} standard errors of the book loop's share")
print(f"target drawn as its own negative: book loop {int(np.sum(book_neg == rows[:, None]))}, "
      f"vectorised {int(np.sum(vec_neg == many[:, None]))}, simulation {int(np.sum(sim_neg == many[:, None]))}")
assert not np.any(book_neg == rows[:, None]) and not np.any(vec_neg == many[:, None])
assert not np.any(sim_neg == many[:, None]) and np.all(np.diff(np.sort(sim_neg, axis=1), axis=1) > 0)
assert np.all(np.diff(np.sort(book_neg, axis=1), axis=1) > 0)        # the book's rows have no word twice too
assert abs(share_vec - share_theory) < 4 * se_vec, "the vectorised sampler should match the prediction"
assert abs(share_book - share_sim) < 4 * se_book_sim, "the book's loop should match the simulation of its scheme"
if shift > 5 * se_vec:                # enough draws to see the exclusion: the prediction without it must fail
    assert abs(share_vec - p_top) > 2 * se_vec, "with this many draws the prediction without the exclusion should miss"


# %% [markdown]
# With 100,000 rows of k draws each, the exclusion is visible: it moves the prediction by several standard errors of
# the vectorised share (printed above), so the vectorised sampler matches the prediction with the exclusion and
# misses the one without it (asserted whenever the shift is at least 5 standard errors). The simulation's 100,000
# rows also measure what the book's no-repeat rule changes (printed with its standard error). The book loop's
# `SAMPLER_ROWS` × k draws have a far larger standard error: at the default of 200 rows both changes are a fraction
# of it (printed), so those draws cannot tell the three predictions apart. Its test is against the simulation of its
# own scheme, which stays right however many rows you give it.


# %% [markdown]
# ## 4. NegativeSamplingLoss: k + 1 EmbeddingDot layers
#
# The book builds the loss from the pieces of notebook 03: one `EmbeddingDot` + `SigmoidWithLoss` pair for the
# positive example (label 1) and one pair for each of the k negatives (label 0), all reading the same output matrix
# `W_out`. The loss is the sum of the k + 1 losses (each averaged over the batch).
#
# %%
plotting.draw_negative_sampling_graph(k=SAMPLE_SIZE)
plt.show()

# %% [markdown]
# First, the study notes' version of its constructor (`__init__` only, as written there; `w2vlib.notes` keeps it).
# As written, the cell cannot run: it stops at the first `EmbeddingDot(W)`, because the notes'
# `EmbeddingDot` never got a constructor (notebook 03's first bug). With that bug fixed (here: the package's
# `EmbeddingDot` swapped in), it gets through `self.params,self.grad=[],[]` into the loop and stops again at
# `self.grads+=layers.grads`:

# %%
print(notes.source("NegativeSamplingLoss"))
small_corpus = np.array([0, 1, 2, 3, 4, 1, 5, 6])          # the toy sentence's ids
W_toy = np.zeros((7, 3), dtype=np.float32)
try:
    notes.NegativeSamplingLoss(W_toy, small_corpus)
except TypeError as e:
    print(f"as written:                    {type(e).__name__}: {e}")
with mock.patch.object(notes, "EmbeddingDot", EmbeddingDot):
    try:
        notes.NegativeSamplingLoss(W_toy, small_corpus)
    except AttributeError as e:
        print(f"with notebook 03's fix:        {type(e).__name__}: {e}")

# %% [markdown]
# `self.grad` was created, `self.grads` was used. With that typo fixed, the book's version then lists the *same*
# matrix `W` k + 1 times in `params`, once per layer, and relies on its trainer to merge duplicates before the
# update. `w2vlib.NegativeSamplingLoss` lists `W` once, with the sum of the k + 1 layers' gradients.
#
# Now the package's layer, on a small vocabulary so that the gradient check is quick. We take the PTB words with
# the `V_CHECK` smallest ids (keeping their real frequencies) and inject the negatives, so that we can recompute the
# loss by hand from the k + 1 pairs. As in notebooks 02 and 03 the check runs in float64 (float64 weights make
# float64 layers), with the tight tolerance `GRADCHECK_TOL`.

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

print(f"{len(ns.embed_dot_layers)} EmbeddingDot layers (k + 1 = {SAMPLE_SIZE + 1}), "
      f"all sharing W_out: {all(layer.params[0] is W_small for layer in ns.embed_dot_layers)}")
print(f"W_out appears {len(ns.params)} time(s) in params")
print(f"loss {loss:.4f}, recomputed from the k + 1 pairs {by_hand:.4f}")
assert abs(loss - by_hand) < 1e-12

# %%
f = lambda: ns.forward(h_small, target_small, negatives)
f()
dh = ns.backward()
err_W = gradcheck(f, ns.params, ns.grads)
err_h = relative_error(dh, numerical_gradient(f, h_small))
fmt_err = lambda err: f"{err:.1e}" if err >= 1e-8 else "< 1e-8"   # below 1e-8 the digits are rounding noise
print(f"gradient check of NegativeSamplingLoss: dW_out relative error {fmt_err(err_W)}, dh relative error {fmt_err(err_h)}")
assert err_W < GRADCHECK_TOL and err_h < GRADCHECK_TOL


# %% [markdown]
# ## 5. One output-layer step: full softmax against negative sampling, as V grows
#
# Now the payoff. For each V we time forward + backward of the **output side** of one mini-batch (the part negative
# sampling replaces), from the hidden vectors `h` to the loss and back:
#
# - **full softmax**: `h @ W_outᵀ`, softmax + cross-entropy over all V words, and the backward pass (a full
#   V × H gradient);
# - **negative sampling**: w2vlib's `NegativeSamplingLoss` with k = `SAMPLE_SIZE`, including drawing the negatives.
#
# Two more columns of the table (and lines of the plot) time what comes around that step. Both are O(V) costs that
# remain after negative sampling, so keep an eye on them:
#
# - **dense SGD update**: `SGD.update` on the dense V × H gradient of `W_out`. Both layered versions pay it, the
#   book's and w2vlib's.
# - **book clear + merge**: the extra work of the book's layers. The book's `NegativeSamplingLoss` is built from
#   k + 1 `EmbeddingDot`s; each one's `Embedding.backward` first clears its whole V × H gradient (`dW[...] = 0`),
#   and the book's `Trainer` then sums those k + 1 dense copies in `remove_duplicate`. w2vlib's step does neither,
#   so this column is the O(V) work the book's layers add on top of it. (The book's step also differs in its
#   sampler and in `remove_duplicate`'s scan, which are not timed here.)
#
# The package's `Embedding` can skip the full clear because it clears only the rows it wrote, which is safe only
# because the package's `Trainer` never adds into `grads`; notebook 02 shows the stale rows it would leave with the
# book's in-place merge. The sampler's corpus here is synthetic, with Zipf-like frequencies; the sampling cost does
# not depend on which words are frequent.

# %%
def time_output_step(V, rng):
    """Seconds per forward + backward of the output side (full softmax vs negative sampling), a dense SGD update,
    and the book's clear + merge."""
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
    def book_clear_merge():                     # the book's layers: each EmbeddingDot's Embedding.backward
        for g in dense:                         # clears all V × H (dW[...] = 0), and remove_duplicate sums the copies
            g[...] = 0
        for g in dense[1:]:
            dense[0] += g

    ns_step()                                   # the first backward clears the whole gradient once
    sgd = SGD(lr=0.0)                           # lr = 0: time the update without changing W_out
    with one_thread():                          # all on one BLAS thread (as in notebook 01)
        return {"V": V,
                "softmax": best_time(softmax_step, REPEAT, cpu=True),
                "negative sampling": best_time(ns_step, REPEAT, cpu=True),
                "dense SGD update": best_time(lambda: sgd.update(ns.params, ns.grads), REPEAT, cpu=True),
                "book clear + merge": best_time(book_clear_merge, REPEAT, cpu=True)}


# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
steps = [time_output_step(V_, rng) for V_ in VOCAB_SIZES]
print(format_table(["V", "full softmax", "neg. sampling", "softmax / neg. sampling", "dense SGD update", "book clear + merge"],
                   [[f"{s['V']:,}", f"{s['softmax'] * 1e3:.2f} ms", f"{s['negative sampling'] * 1e3:.2f} ms",
                     f"{s['softmax'] / s['negative sampling']:.1f}x", f"{s['dense SGD update'] * 1e3:.2f} ms",
                     f"{s['book clear + merge'] * 1e3:.2f} ms"] for s in steps], align=">>>>>>"))

# %%
for s in steps:
    if s["V"] >= 10_000:
        assert s["negative sampling"] < s["softmax"], f"negative sampling should win at V = {s['V']:,}"
    if s["V"] >= 100_000:
        assert s["softmax"] > 10 * s["negative sampling"], f"at V = {s['V']:,}, at least 10x"
Vs = np.array([s["V"] for s in steps])
if Vs.max() >= 10 * Vs.min():
    slope = {name: loglog_slope(Vs, [s[name] for s in steps])
             for name in ["softmax", "negative sampling", "dense SGD update", "book clear + merge"]}
    assert slope["softmax"] > 0.5, "the softmax step should grow with V (log-log slope near 1)"
    assert slope["negative sampling"] < slope["softmax"] - 0.3, \
        "the negative-sampling step should hardly grow with V (log-log slope near 0; re-run if the machine was busy)"
    assert slope["dense SGD update"] > 0.5, "the dense update should grow with V"
    assert slope["book clear + merge"] > 0.5, "the book's clears and merge should grow with V"
    print("check passed: the softmax step, the dense update and the book's clears + merge grow with V; "
      "w2vlib's negative-sampling step hardly does")
else:
    print("check passed for the sizes given. To see how the costs grow, give VOCAB_SIZES a range of at least 10x.")

# %% tags=["nbval-ignore-output"]
Vs = [s["V"] for s in steps]
fig, ax = plt.subplots(figsize=(6.4, 4.0))
labels = {"softmax": "full softmax", "negative sampling": "negative sampling (w2vlib)", "dense SGD update": "dense SGD update",
          "book clear + merge": "book's layers: clear + merge"}
for name, marker in zip(["softmax", "negative sampling", "dense SGD update", "book clear + merge"], "os^D"):
    ax.plot(Vs, [s[name] * 1e3 for s in steps], marker + "-", label=labels[name])
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("vocabulary size V (words)")
ax.set_ylabel(f"time per batch of {BATCH} (ms)")
ax.set_title(f"Output layer, forward + backward (H = {HIDDEN}, k = {SAMPLE_SIZE})")
ax.legend(fontsize=9)
plt.show()


# %% [markdown]
# What the numbers say:
#
# - The **full softmax** step grows in proportion to V: every step computes and differentiates all V scores.
# - **w2vlib's negative-sampling** step is nearly flat (small wiggles between runs are timing noise; re-run the cell
#   to see them move). Two things make it flat: negative sampling computes scores for a few rows of `W_out` instead
#   of all V, *and* w2vlib's `Embedding` clears only the rows it wrote, which the package's `Trainer` allows because it never
#   adds into `grads` (a property of layer and trainer together, notebook 02). At the smallest V the softmax can even be
#   the faster one (the `softmax / neg. sampling` column), because the negative-sampling step has a fixed cost that does not depend on V
#   (k + 1 `EmbeddingDot` and k + 1 `SigmoidWithLoss` layers, each with several small numpy calls, and an `np.add.at` scatter of the gradient rows)
#   that one big matrix product does not pay at this size. The gap opens as V grows, which is exactly the regime word2vec is for.
# - The **book clear + merge** line grows with V: with the book's own layers the step is *not* flat, because every
#   backward clears all V rows and the trainer adds the dense copies. Row-clearing (or a sparse gradient) is what
#   removes it.
# - The **dense SGD update** grows with V too. The book-shaped layers return a full V × H gradient, almost all zeros,
#   and `SGD.update` subtracts all of it (the book's `ch04/train.py` trains with Adam, whose dense update does more
#   work per element than this SGD line). Negative sampling removed the O(V) *computation*; to remove the last O(V)
#   costs, a trainer must clear and update only the rows a batch touched. That is what the fast path of notebook 05
#   does (its sparse updates).
#
# ## Summary
#
# - Negative sampling (네거티브 샘플링) replaces the softmax (소프트맥스) over the vocabulary (어휘) by k + 1 binary
#   questions: the true target (타깃) (label 1) and k sampled wrong words (label 0), each a sigmoid (시그모이드) with
#   binary cross-entropy (교차 엔트로피).
# - Negatives are drawn from the unigram distribution of the corpus (말뭉치) raised to 0.75 (the `POWER` knob):
#   frequent words lose share, rare words gain (measured on PTB in section 1).
# - A target must never be its own negative: its two gradients (기울기) would cancel at σ = 0.5. Without
#   exclusion a share of PTB examples would be affected (measured in section 2), and many more of those whose
#   target is a frequent word.
# - The book's per-row sampler (a Python loop with O(V) numpy work per row) and one vectorised `searchsorted` draw
#   both draw from `p^POWER` with each row's target excluded; they differ in that the book's loop draws without
#   replacement within a row and the package, like word2vec.c, with replacement. On the 100 most frequent words
#   each matches its own prediction within 4 standard errors (asserted; this run's z values are printed in section
#   3): the vectorised sampler the formula with the exclusion, the book's loop a simulation of its own scheme (no
#   target, no word twice in a row). At the default knobs the vectorised sampler's 100,000 rows also rule out the
#   prediction without the exclusion (asserted whenever the exclusion shifts it by 5 standard errors or more). The
#   vectorised one is more than 10x faster (asserted; the ratio is measured above).
# - `NegativeSamplingLoss` = k + 1 `EmbeddingDot` + `SigmoidWithLoss` pairs sharing `W_out`, listed once in `params`
#   with the summed gradient; it passes the gradient check.
# - With w2vlib's row-clearing `Embedding`, one output step then costs about the same whatever V is, while the full
#   softmax grows linearly with V. With the book's layers the step still grows with V (each of the k + 1 backwards
#   clears all V × H, and the trainer sums the copies), and the dense gradient update is O(V) in both.
#
# ## Exercises
#
# Replace each `...` with your answer and run the cell: the check says `not attempted`, `not yet: <why>` or
# `correct`. `q1.hint()` gives a nudge, `q1.solution()` the reference solution. The checks use your knobs: change
# `POWER` or `SAMPLE_SIZE`, re-run, and your answer must follow.
#
# 1. **"the" against the rarest word.** Under `p^POWER`, how many times more often is "the" drawn as a negative
#    than the rarest word of PTB? Compute it from `counts` alone (why does the normalising sum not matter?), store
#    the ratio in `answer_1` (to at least 2 significant digits), and only then check it against `p_pow` yourself.
# 2. **How many negatives does word2vec.c skip for "the"?** Suppose this notebook's sampler followed word2vec.c's
#    rule: k = `SAMPLE_SIZE` independent draws from `p^POWER`, and every draw equal to the target is skipped. For a
#    target "the", how many of its k negatives are skipped, on average? Store the expected number in `answer_2`
#    (use `p_pow`; to at least 2 significant digits). Is it larger or smaller than the chance, printed in section 2,
#    that a "the" example has at least one clash, and why?
# 3. **Derive the negative-sampling gradients (on paper first).** For one target with k negatives, the loss is
#    L = −log σ(w₀·h) − Σⱼ log σ(−wⱼ·h), where w₀ is the target's row of `W_out` and w₁ … wₖ the negatives' rows.
#    Derive dL/dh and dL/dwᵢ for each of the k + 1 rows. Write them as `ns_grads(h, rows, labels)`: `h` has shape
#    (H,), `rows` (k + 1, H) holds w₀ … wₖ, `labels` is `[1, 0, …, 0]`; return `(dh, drows)`. The check adds
#    `drows` into dL/dW_out (rows of the same word add up) and compares with `NegativeSamplingLoss.backward` in
#    float64 on random inputs, including a negative drawn twice and a negative equal to the target.
# 4. **Predict, then measure: more negatives.** Section 5 timed the step against V. How does the time of one
#    negative-sampling step grow with the number of negatives, k + 1? Give the log-log slope (0 = does not depend on
#    k, 1 = proportional to k + 1) in `prediction_4`. The check judges your prediction first (within ±0.25 of the reference slope, before any timing); only
#    then does it time a step for each k in `K_VALUES` (with `time_ns_step`, defined in the cell above it) and show
#    the measured slope.

# %%
answer_1 = ...                    # how many times more often "the" than the rarest word
q1.check(answer_1, counts=counts, the=word_to_id["the"], power=POWER)
# q1.hint()
# q1.solution()

# %%
answer_2 = ...                    # expected number of the k draws skipped, for a target "the"
q2.check(answer_2, word_p=p_pow, the=word_to_id["the"], k=SAMPLE_SIZE, raw_p=p)
# q2.hint()
# q2.solution()


# %%
def ns_grads(h, rows, labels):
    ...                           # return dh (H,), drows (k + 1, H); sigmoid is imported


q3.check(ns_grads)
# q3.hint()
# q3.solution()

# %%
def time_ns_step(k, rng=None):
    """Seconds per forward + backward of NegativeSamplingLoss with k negatives, on PTB (V words)."""
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
prediction_4 = ...                # the log-log slope of one step's time against k + 1
q4.check(prediction_4, measure=time_ns_step, sizes=K_VALUES)
# q4.hint()
# q4.solution()

# %% [markdown]
# **Sources** (checked for this notebook): *Deep Learning from Scratch 2* (oreilly-japan/deep-learning-from-scratch-2:
# `ch04/negative_sampling_layer.py` `UnigramSampler.get_negative_sample` and `NegativeSamplingLoss`; `ch04/cbow.py`,
# power 0.75 and `sample_size=5`; `common/layers.py` `Embedding.backward`, `dW[...] = 0`; `common/trainer.py`
# `remove_duplicate`; `ch04/train.py`, Adam; the text of section 4.2.6, the example `p = [0.7, 0.29, 0.01]` raised to
# 0.75); word2vec.c (tmikolov/word2vec:
# `InitUnigramTable`, `power = 0.75`; `TrainModelThread`, a negative equal to the target is skipped); numpy
# (`numpy/random/_generator.pyx`: `Generator.choice` with `replace=False` and `p`, which draws with replacement, keeps
# the words not drawn before and draws again for the rest); the study notes (`w2vlib/notes.py`).
#
# [Next: 05 Training CBOW on PTB](05_training_cbow.ipynb)
