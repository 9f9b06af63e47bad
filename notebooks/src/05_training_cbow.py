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
# # 05. Training CBOW on a real corpus
#
# Book: *Deep Learning from Scratch 2*, sections 4.3.1–4.3.2
#
# Notebooks 01-04 took word2vec apart on a toy sentence and fixed its two bottlenecks: the Embedding layer
# replaced the one-hot product, and negative sampling replaced the softmax over the whole vocabulary. Now we
# put the pieces to work on the Penn Treebank (PTB), about a million words of Wall Street Journal text, and
# learn word vectors that the next three notebooks use.
#
# We train twice. First the **layered model exactly as the book builds it** (Embedding, NegativeSamplingLoss,
# Adam, batches of 100), for a bounded number of steps: section 2 measures its speed and prints how long the
# book's full run would take at that speed, many times this notebook's budget (about 30 seconds of computation
# on 2 quiet cores, so that a class can run it live; the cell before the summary prints how long your run took).
# Then the package's **fast
# path**: we check that its fused kernel computes the same loss and gradients as the layers on one batch, list
# every way its *training* differs from the book's, train for real, and measure what each difference buys
# in an ablation table.
#
# **You will learn**
# - how to load PTB with `w2vlib.data.load_ptb` (offline through `W2VLIB_PTB_DIR`) and what its tokens look like;
# - how fast the layered CBOW trains on real data, measured in words per second, and what its loss curve says;
# - what the fast path changes, what the equality check covers and what it does not;
# - word2vec's subsampling of frequent words, its formula and its effect on the token counts;
# - what each training trick buys in analogy accuracy and WordSim correlation (measured over seeds), and what it
#   costs in work per target; how to save the vectors for 06-08.

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
import w2vlib.exercises
import time
NOTEBOOK_START = time.perf_counter()  # the cell before the summary prints how long the notebook took
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
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0              # every random choice below comes from this seed
HIDDEN_SIZE = 100     # length of each word vector (the hidden layer size)
WINDOW_SIZE = 5       # context words on each side of the target
NEGATIVE = 5          # negative samples per target
BATCH_SIZE = 100      # the layered model's mini-batch (the book's value)
LAYERED_ITERS = 200   # bounded number of layered training steps (section 2 prints how long they took)
EPOCHS = 10           # fast-path passes over the whole corpus (section 3 prints how long they took)
SPEED_ROUNDS = 3      # rounds of the speed comparison; each round times both paths, one after the other
ABLATION_EPOCHS = 1   # passes per run of the live ablation (five rows x ABLATION_SEEDS runs)
ABLATION_TOKENS = 200_000  # the live ablation trains on the first this many tokens (len(corpus) for all)
ABLATION_SEEDS = 1    # seeds per row of the live ablation; 3 or more gives mean ± sd (and takes 3x as long)
ANALOGY_FILE = Path("..") / "data" / "analogies_ptb.txt"  # the analogy questions notebook 06 explains

# %% [markdown]
# ## 1. The corpus
#
# `load_ptb("train")` returns the book's triple `(corpus, word_to_id, id_to_word)`. The text was
# preprocessed by Mikolov: lower-case, every number replaced by `N`, rare words replaced by `<unk>`, and
# we turn each line end into `<eos>`. The vocabulary is capped at 10,000 words.

# %%
corpus, word_to_id, id_to_word = load_ptb("train")
vocab_size = len(word_to_id)
print(f"corpus: {len(corpus):,} tokens, vocabulary: {vocab_size:,} words")
print("first 20 tokens:", " ".join(id_to_word[int(i)] for i in corpus[:20]))

# %%
counts = np.bincount(corpus, minlength=vocab_size)
top = np.argsort(-counts, kind="stable")[:8]
print("most frequent:", ", ".join(f"{id_to_word[int(i)]} ({int(counts[i]):,})" for i in top))
print(f"words seen fewer than 10 times: {int((counts < 10).sum()):,} of {vocab_size:,}")

# %% [markdown]
# Word frequencies are very uneven: a few tokens (function words, `<unk>`, `<eos>`, `N`) make up a large share of the tokens while
# thousands of words occur only a handful of times. Keep this in mind for notebook 06: the number of updates of
# a word's vector grows with its count, so a rare word's vector rests on little evidence and is noisier. It can still
# land among sensible neighbours (06 prints the counts next to them), but less reliably.
#
# As in the book, every position with `WINDOW_SIZE` words on each side becomes one training example: the
# `contexts` (맥락) are the surrounding ids, the `target` (타깃) the id in the middle.

# %%
contexts, target = w2vlib.create_contexts_target(corpus, window_size=WINDOW_SIZE)
print(f"contexts: shape {contexts.shape}, target: shape {target.shape}")

# %% [markdown]
# ## 2. The layered model, as the book builds it
#
# `w2vlib.CBOW` is the book's model: an `Embedding` lookup of the context rows of `W_in`, their mean `h`,
# and a `NegativeSamplingLoss` that scores the true target and `NEGATIVE` sampled words with `EmbeddingDot`
# layers and `SigmoidWithLoss`. Both matrices have shape `(V, H)`, one row per word: the maths writes the
# output weights as an `H x V` matrix (`h @ W_out`), but negative sampling only needs the `k + 1` rows of the
# words it scores, so the book stores `W_out` transposed and gathers those rows with `W_out[idx]`, exactly
# like `W_in`. The computational graph of one example:

# %%
from w2vlib.plotting import draw_cbow_ns_graph

draw_cbow_ns_graph(window_size=WINDOW_SIZE, k=NEGATIVE)
plt.show()

# %% [markdown]
# Forward runs left to right: `2 x WINDOW_SIZE` Embedding lookups in `W_in`, their mean `h`, then the `k + 1`
# EmbeddingDot and SigmoidWithLoss branches of `NegativeSamplingLoss`, one per scored word of `W_out`.
# Backward runs right to left: the branches' `dL/dh` add up at `h`, the mean hands each context row its share,
# and each Embedding adds its row into the gradient of `W_in` (`np.add.at`, notebook 02).
#
# The book trains with Adam on mini-batches of 100 for 10 epochs. Here we run only `LAYERED_ITERS` steps and
# measure the speed. The cell builds its own model and generator, so re-running it gives the same run.

# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
layered = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE, rng=rng)
trainer = w2vlib.Trainer(layered, w2vlib.Adam())
trainer.fit(contexts, target, max_epoch=1, batch_size=BATCH_SIZE, rng=rng,
            max_iters=LAYERED_ITERS, eval_interval=20, progress=False)
layered_wps = trainer.words_per_sec
steps = len(trainer.iter_losses)
print(f"{steps} steps of {BATCH_SIZE} targets in {trainer.elapsed:.1f} s: {layered_wps:,.0f} words/s")
epoch_minutes = len(target) / layered_wps / 60
print(f"one epoch at this speed: about {epoch_minutes:.1f} min; the book's 10 epochs: about {10 * epoch_minutes:.0f} min "
      "(one timing at this moment's load; section 3 times the model again, in rounds)")

# %%
losses = np.array(trainer.iter_losses)
assert len(losses) == min(LAYERED_ITERS, len(target) // BATCH_SIZE)
assert np.all(np.isfinite(losses))
n = max(1, len(losses) // 10)
below = np.flatnonzero(losses < 0.99 * losses[0])
flat_steps = int(below[0]) if below.size else len(losses)
print(f"the first step's loss: {losses[0]:.3f}; it stays within 1% of that for the first {flat_steps} of {len(losses)} steps")
print(f"mean loss of the first {n} steps: {losses[:n].mean():.3f}, of the last {n} steps: {losses[-n:].mean():.3f}")
if flat_steps == len(losses):
    print("the run ended before the loss left its starting value: raise LAYERED_ITERS to see it fall")
else:
    assert losses[-n:].mean() < losses[:n].mean(), "once off its plateau, the loss should go down"

# %% [markdown]
# The loss does not fall at once. It starts at a value that depends only on `k` (exercise 1 asks you to
# derive it) and stays there for the number of steps printed above: both matrices start tiny
# (`0.01 * normal`), and every score is a product of a row of each, so the scores stay near 0 until Adam,
# which moves every weight by about its learning rate per step, has grown them. Then the loss falls; over a whole run it falls
# fast and then ever more slowly (the fast path's curve in section 3 shows that shape), but the curve below covers
# only the start of one epoch.

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
plot_loss(trainer.loss_list, ax=ax, eval_interval=trainer.eval_interval)
ax.axhline(losses[0], ls="--", color="gray", label="the first step's loss")
ax.set_title(f"layered CBOW: first {steps * BATCH_SIZE:,} targets")
ax.legend()
plt.show()

# %% [markdown]
# ## 3. The fast path
#
# `w2vlib.fast.train` trains the same *model*, negative-sampling CBOW, without the layer objects:
#
# - **fused batches**: one gather of the `k + 1` output rows of every example, one batched dot product, one
#   sigmoid, instead of `k + 1` separate `EmbeddingDot` and `SigmoidWithLoss` layers;
# - **sparse updates**: plain SGD reads and writes only the rows a batch touches (a scipy sparse product sums
#   repeated ids, the `np.add.at` lesson of notebook 02), and keeps no optimiser state;
# - **one vectorised sampler draw** for many batches at once, from an **alias table** over the unigram^0.75
#   distribution of notebook 04. An alias table (Walker's alias method) is built once, in O(V): column `i`
#   holds word `i` with probability `prob[i]` and otherwise an "alias" word. A draw picks a column at random
#   and flips that column's biased coin, so it costs the same whatever V, and every word comes out with
#   exactly its probability (`w2vlib.negative_sampling.alias_table`);
# - a second thread that prepares the next batches while the current one computes.
#
# ### Check: the same loss and gradients on one batch
#
# Speed is worthless if the answer changes. `fast.cbow_grads` runs the fused kernel on one batch, with the
# same weights and the same injected negatives as the layered model, and returns the loss and the total
# gradients in the book's convention.

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

print(f"loss: layered {loss_layered:.4f}, fast {float(loss_fast):.4f}")
assert abs(loss_layered - loss_fast) <= 1e-5 * abs(loss_layered)
for name, a, b in [("dW_in", grads_layered[0], dW_in_fast), ("dW_out", grads_layered[1], dW_out_fast)]:
    err = w2vlib.relative_error(a, b)
    assert err < 1e-5, f"{name} differs: relative error {err:.2e}"
    print(f"{name}: relative error below 1e-5")

# %% [markdown]
# **What this check covers, exactly:** one batch of `BATCH_SIZE` fixed-size windows, the same weights, the same
# injected negatives, before any update: the fused kernel's loss and its gradients of `W_in` and `W_out` equal
# the layers'. It says nothing about how the two paths *train*. Training differs in the ways below, and each has
# a knob of `fast.train` (or, for the optimiser, of the layered side):
#
# | | layered (the book) | fast path (default) | knob |
# |---|---|---|---|
# | optimiser | Adam, on the mean loss of a batch | SGD, learning rate decaying linearly towards 0, on the summed loss | `alpha`, `min_alpha` (layered: `w2vlib.SGD`) |
# | batches | `BATCH_SIZE` targets (the book: 100), shuffled every epoch | `batch_size` targets (the resolved default is printed after training), in corpus order | `batch_size` (order: none) |
# | initial weights | both matrices `0.01 * normal` | `W_in` uniform in `±0.5/H`, `W_out` zeros (word2vec) | `init="book"` |
# | CBOW update | each context row gets its gradient share `dL/dh / 2w` | each context row gets the whole `dL/dh` (word2vec.c, gensim) | `cbow_update="gradient"` |
# | damping | none | a row used `c` times in a batch gets its summed update divided by `max(1, c / d)`, with `d` = `damping` (the resolved default is printed after training) | `damping=0` |
# | subsampling | none | frequent words are dropped at random (below) | `sample=0` |
# | window | always `w` words on each side | each target draws its radius from `1..w` | `dynamic_window=False` |
# | corpus ends | the first and last `w` positions are skipped | kept, with a shorter window | none (a few positions) |
#
# The equality check above holds for `cbow_update="gradient"` with no damping, on one batch: the kernel is the
# same, the update rule around it is not. The ablation table at the end of this section measures what the CBOW-update,
# damping, subsampling and window rows buy.
#
# ### Subsampling of frequent words
#
# word2vec drops each occurrence of a word at random, anew in every epoch. With `f` the word's count and
# `t = sample x (corpus size)`, an occurrence is **kept** with probability
#
# $$P_\text{keep}(w) = \min\left(1, \left(\sqrt{\frac{f}{t}} + 1\right)\frac{t}{f}\right)$$
#
# (the formula of word2vec.c and gensim; the paper, Mikolov et al. 2013b, eq. 5, writes the discard probability `1 - sqrt(t/f)`). The
# formula gives 1 or more, so the word is always kept, while `f / t <= ((1 + sqrt 5) / 2)^2`, about 2.6 (solve
# `sqrt(x) + 1 >= x` for `x = f / t`; the same constant, `(3 + sqrt(5)) / 2`, appears in gensim's `prepare_vocab`, where it turns a `sample >= 1` count into a threshold); "the" is kept rarely.
# `fast.subsample_keep_prob` computes it:

# %%
sample = inspect.signature(fast.train).parameters["sample"].default  # the fast path's default threshold
keep = fast.subsample_keep_prob(counts, sample)
kept = float((counts * keep).sum() / counts.sum())
order = np.argsort(-counts, kind="stable")
for i in order[:3]:
    print(f"{id_to_word[int(i)]:>6}: seen {int(counts[i]):,} times, kept with probability {keep[i]:.3f}")
print(f"sample = {sample:g}: t = {sample * counts.sum():,.0f}; about {kept:.0%} of the tokens are kept per epoch")

fig, ax = plt.subplots(figsize=(6.4, 3.6))
ranks = np.arange(1, vocab_size + 1)
ax.loglog(ranks, counts[order], label="before subsampling")
ax.loglog(ranks, (counts * keep)[order], label="after (expected count)")
ax.set_xlabel("rank of the word (1 = most frequent)")
ax.set_ylabel("tokens per epoch")
ax.set_title(f"subsampling with sample = {sample:g} flattens the head")
ax.legend()
plt.show()

# %%
assert 0 < kept < 1 and np.all((keep > 0) & (keep <= 1))
assert keep[order[0]] < keep[order[-1]], "the most frequent word is kept less often than the rarest"
t = sample * counts.sum()
bound = ((1 + np.sqrt(5)) / 2) ** 2
assert np.all(keep[counts <= bound * t] == 1) and np.all(keep[counts > 1.001 * bound * t] < 1)
print(f"check passed: words seen up to {bound:.3f} t = {bound * t:,.0f} times are always kept, more frequent ones not")

# %% [markdown]
# ### Train for real
#
# Now the whole corpus, `EPOCHS` times, with the fast path's defaults. The cell prints the time it took and the
# speed in corpus words per second (the layered path's words/s count the same thing: one target per corpus position).

# %% tags=["nbval-ignore-output"]
SETTINGS = dict(model="cbow", hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE,
                negative=NEGATIVE, epochs=EPOCHS, seed=SEED)
result = fast.train(corpus, vocab_size, progress=False, **SETTINGS)
print(f"{EPOCHS} epochs ({EPOCHS * len(corpus):,} words) in {result.wall_time:.1f} s: {result.words_per_sec:,.0f} words/s")

# %%
assert result.W_in.shape == (vocab_size, HIDDEN_SIZE) and result.W_in.dtype == np.float32
assert np.all(np.isfinite(result.W_in))
assert len(result.loss_per_epoch) == EPOCHS
assert EPOCHS == 1 or result.loss_per_epoch[-1] < result.loss_per_epoch[0], "the loss should fall over the epochs"
print(f"check passed: {EPOCHS} epoch(s), finite float32 vectors" + (", the loss fell over the epochs" if EPOCHS > 1 else ""))
print(f"the settings it resolved: batch_size {result.settings['batch_size']}, alpha {result.settings['alpha']:g}, "
      f"damping {result.settings['damping']:g}")

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
ax.plot(np.arange(1, EPOCHS + 1), result.loss_per_epoch, marker="o")
ax.set_xlabel("epoch")
ax.set_ylabel("mean loss per target")
ax.set_title(f"fast CBOW on PTB, {EPOCHS} epochs")
plt.show()
print("loss per epoch:", ", ".join(f"{x:.3f}" for x in result.loss_per_epoch))

# %% [markdown]
# ### How much faster? Both paths timed in alternation
#
# Section 2 timed the layered path and the cell above the fast path, at different moments, on a machine that may be
# busy with other work: a ratio of those two speeds would mix the paths with the changing load. So the next cell takes
# `SPEED_ROUNDS` rounds, and each round times both paths one right after the other: the layered model (a fresh
# one, the book's Adam) for 30 steps, then the fast path for one epoch over the first 100,000 tokens. The speed-up
# is the ratio of the two medians; the per-round ratios show how much the load moved it. The same load moves
# section 2's single timing: its words/s and the rounds' layered words/s can differ, although both time the same
# model the same way (per step the cost is the same, so the run's length does not matter). The median of the
# rounds is the better estimate, so the cell prints the book's 10 epochs again from it, next to section 2's
# estimate: you see there how far the two differ.

# %% tags=["nbval-ignore-output"]
def layered_speed(optimizer, iters):
    """Words/s of the layered model, a fresh one from SEED, trained for `iters` steps with `optimizer`."""
    r = np.random.default_rng(SEED)
    m = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE, rng=r)
    t = w2vlib.Trainer(m, optimizer)
    t.fit(contexts, target, max_epoch=1, batch_size=BATCH_SIZE, rng=r, max_iters=iters, progress=False)
    return t.words_per_sec

rounds = []
with warnings.catch_warnings():  # one short epoch measures speed only: its vectors are barely trained, on purpose
    warnings.filterwarnings("ignore", message="the loss did not fall", category=RuntimeWarning)
    for _ in range(SPEED_ROUNDS):
        slow = layered_speed(w2vlib.Adam(), 30)
        quick = fast.train(corpus[:100_000], vocab_size, progress=False, **dict(SETTINGS, epochs=1)).words_per_sec
        rounds.append((slow, quick))
slow_wps, quick_wps = np.array(rounds).T
ratios = quick_wps / slow_wps
speedup = np.median(quick_wps) / np.median(slow_wps)
for k, (a, b) in enumerate(rounds, 1):
    print(f"round {k}: layered {a:,.0f} words/s, fast {b:,.0f} words/s, ratio {b / a:.0f}x")
print(f"speed-up (ratio of the medians): {speedup:.0f}x, rounds {ratios.min():.0f}x to {ratios.max():.0f}x; "
      f"per target actually trained (subsampling keeps {kept:.0%}): {speedup * kept:.0f}x")
print(f"the book's 10 epochs at the median layered speed: about {10 * len(target) / np.median(slow_wps) / 60:.0f} min "
      f"(section 2's single timing: about {10 * epoch_minutes:.0f} min)")

# %%
assert np.all(ratios > 3), "in every round the fast path should be several times faster"
assert speedup * kept > 3, "the fast path should be several times faster, even per target actually trained"
print(f"check passed: in each of {SPEED_ROUNDS} rounds the fast path is more than 3x faster, even per target actually "
      "trained (3x is a deliberately loose floor, so that a busy machine cannot fail it: it catches a fast path that "
      "lost its speed, while the measured ratios are printed above)")

# %% [markdown]
# The loss is the same quantity as before (the sum of the `k + 1` cross-entropies per target), but it is not
# directly comparable with the layered curve: subsampling removes many frequent targets, and the dynamic
# window changes the contexts. What we can compare is what the vectors learned. Here are the nearest
# neighbours (by cosine similarity, see notebook 06) of a few words after the short layered run and after the
# fast run:

# %%
runs = [("layered", layered.word_vecs), ("fast", result.W_in)]
name_width = max(display_width(name) for name, _ in runs)
for query in ["year", "car", "you"]:
    for name, W in runs:
        near = w2vlib.most_similar(query, word_to_id, id_to_word, W, top=4)
        print(f"{query:>5} ({pad(name, name_width, '>')}): " + ", ".join(f"{w} {s:.3f}" for w, s in near))

# %% [markdown]
# Compare the cosines of the two lists. A short layered run can push the vectors of all frequent words **in
# one shared direction**. One likely reason: early in training the gradient says the same thing for almost every context
# ("frequent words are likely targets"), and Adam moves every parameter by about its learning rate per step
# whatever the gradient's size, so this common move soon dwarfs the small random start. Every frequent vector
# is then mostly the same vector, unrelated words get cosines close to 1, and those cosines measure only the
# shared direction, not similarity. Whether this run got there depends on the knobs (how many steps, how
# noisy each batch). The mean cosine between pairs of frequent words, and between each word and their mean
# direction, measures it, next to the same numbers for the layered model's random start (what chance gives):

# %%
frequent = order[:1000]
pair_rng = np.random.default_rng(SEED)
i, j = pair_rng.integers(0, len(frequent), size=(2, 2000))
collapse = {}
start_W = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE,
                      rng=np.random.default_rng(SEED)).word_vecs  # the layered run's random start
start_points = [("random start", start_W), ("layered", layered.word_vecs), ("fast", result.W_in)]
label_width = max(display_width(name) for name, _ in start_points)
for name, W in start_points:
    Wn = w2vlib.normalize(W[frequent])
    mean_dir = w2vlib.normalize(Wn.mean(axis=0, keepdims=True))[0]
    collapse[name] = (float(np.mean(np.sum(Wn[i] * Wn[j], axis=1))), float(np.mean(Wn @ mean_dir)))
    print(f"{pad(name, label_width, '>')}: mean cosine of two frequent words {collapse[name][0]:+.3f}, "
          f"of a word with their mean direction {collapse[name][1]:.3f}")

# %%
noise = 1 / np.sqrt(HIDDEN_SIZE)  # the spread of the cosine of two random directions in H dimensions
assert abs(collapse["random start"][0]) < 3 * noise / np.sqrt(len(i)) + 0.01, "random directions: mean cosine near 0"
assert collapse["fast"][0] < 0.5, "the trained vectors should not share one direction (with very few EPOCHS: raise it)"
if collapse["layered"][0] > 0.5:
    print(f"the short layered run collapsed: two frequent words have a mean cosine of {collapse['layered'][0]:.3f},"
          f" against {collapse['fast'][0]:+.3f} after the fast run and {collapse['random start'][0]:+.3f} at the random start")
else:
    print(f"with these knobs the short layered run has not collapsed (yet): mean cosine {collapse['layered'][0]:+.3f},"
          f" against {collapse['random start'][0]:+.3f} at its random start; its loss fell from {losses[0]:.3f} to"
          f" {losses[-n:].mean():.3f} in {len(losses)} steps. Raise LAYERED_ITERS (more steps) or BATCH_SIZE"
          " (less noisy steps) to watch the shared direction appear")
print("check passed: the fully trained vectors spread out")

# %% [markdown]
# The fully trained vectors spread out: their neighbours are words of the same kind, and their cosines vary.
#
# ### What each difference buys: an ablation
#
# Start from the fast path with all its tricks and switch off one at a time: the exact gradient share instead
# of word2vec's CBOW update, no damping, no subsampling, a fixed window. Each run is scored by its accuracy on
# the analogy questions of notebook 06 (3CosAdd, the share answered right) and by its Spearman correlation with
# the human similarity scores of WordSim-353 (on the pairs whose two words PTB's vocabulary has: the cell prints
# how many).
#
# One run per row is not a measurement. An accuracy on a few hundred questions has a binomial standard error of
# its own, another seed moves it too (the table's standard deviations of the accuracy over seeds reach 0.01, smaller than most differences
# between rows), and a
# trick that slows the start may pay off later. So every row is trained with several seeds and for two epoch
# budgets, and reported as mean ± sd over the seeds. The "vs all on" column gives the difference, the p-value of
# Welch's t-test over the seeds (`scipy.stats`; with three seeds a row needs a large, consistent difference to
# reach p < 0.05) and that p-value after Holm's correction: the table makes eight such comparisons of the
# analogy accuracy, and at p < 0.05 each, chance alone would pass at least one of the eight with probability
# 1 - 0.95^8 if they were independent, about a third. Holm's step-down method multiplies the smallest p by 8, the next by 7, and so on,
# so that the whole family of eight keeps a 5% risk of any false alarm; the WordSim comparisons are a second
# family. A difference counts as clear when its Holm p is below 0.05.
#
# All this takes several minutes, more than this notebook may use: the full measurement is the script
# `benchmarks/ablation_05.py`, and the next cell prints its committed output. After it, this notebook runs a
# small live version of the same comparison.

# %%
BENCH = Path("..") / "benchmarks" / "results" / "ablation_05.json"
bench = json.loads(BENCH.read_text(encoding="utf-8"))
ROW_NAMES = {"all on": "all on", "exact gradient share": "exact gradient share", "no damping": "no damping",
             "no subsampling": "no subsampling", "fixed window": "fixed window"}
base_cfg, larger_cfg = bench["base"], bench["larger"]
print(f"{bench['command']}")
print(f"seeds {bench['seeds']}; PTB, CBOW, hidden {base_cfg['hidden_size']}, window {base_cfg['window_size']}, "
      f"{base_cfg['negative']} negatives; defaults then: alpha {bench['runs'][0]['alpha']:g}, "
      f"batch {bench['runs'][0]['batch_size']}, damping {bench['runs'][0]['damping']:g}")
ws_pairs = {(r["wordsim_pairs"], r["wordsim_total"]) for r in bench["runs"] if "wordsim" in r}
assert len(ws_pairs) == 1, "every run is scored on the same WordSim-353 pairs"
ws_used, ws_total = ws_pairs.pop()
print(f"WordSim rho: Spearman correlation over the {ws_used} of {ws_total} WordSim-353 pairs whose two words are both "
      "in PTB's vocabulary (the same pairs in every run)")
table = {(t["settings"], t["epochs"], t["row_name"]): t for t in bench["table"]}

def welch(name, epochs, measure="analogy"):
    """(difference, p) of a row against 'all on': Welch's t-test over the seeds (scipy)."""
    a, ref = table[("base", epochs, name)][measure], table[("base", epochs, "all on")][measure]
    test = stats.ttest_ind_from_stats(a["mean"], a["sd"], a["n"], ref["mean"], ref["sd"], ref["n"], equal_var=False)
    return a["mean"] - ref["mean"], float(test.pvalue)

def holm(pvalues):
    """Holm's step-down adjustment of a family of p-values (same order in and out)."""
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
        shown = "" if name == "all on" else f"{diff:+.3f} (p {p:.3f}, Holm {holm_p[('analogy', name, epochs)]:.3f})"
        rows.append([epochs, ROW_NAMES[name], f"{a['mean']:.3f} ± {a['sd']:.3f}", shown,
                     f"{w['mean']:.3f} ± {w['sd']:.3f}"])
    rows.append(None)
print(format_table(["epochs", "row", "analogy acc.", "vs all on (Welch p, Holm p)", "WordSim rho"], rows[:-1]))
n_q = bench["runs"][0]["analogy_answered"]
p_best = max(table[("base", max(bench["epochs"]), name)]["analogy"]["mean"] for name in ROW_NAMES)
print(f"binomial standard error of one accuracy near {p_best:.3f} on {n_q} questions: "
      f"{np.sqrt(p_best * (1 - p_best) / n_q):.3f}")
for name in ("all on", "no damping"):
    t = table[("larger", bench["runs"][-1]["epochs"], name)]
    print(f"larger settings (hidden {larger_cfg['hidden_size']}, window {larger_cfg['window_size']}, "
          f"{larger_cfg['negative']} negatives), {t['epochs']} epoch(s): {ROW_NAMES[name]} diverged in "
          f"{t['n_diverged']} of {t['n_runs']} runs")

# %%
def clear_difference(name, epochs, measure="analogy"):
    """+1 / -1 when a row beats / loses to 'all on' with a Holm-corrected Welch p < 0.05, else 0."""
    diff, _ = welch(name, epochs, measure)
    return int(np.sign(diff)) if holm_p[(measure, name, epochs)] < 0.05 else 0

assert len(bench["seeds"]) >= 3 and len(bench["epochs"]) >= 2
assert all(welch(*k[1:], k[0])[1] <= q <= len(family[k[0]]) * welch(*k[1:], k[0])[1] for k, q in holm_p.items())
assert all(clear_difference("exact gradient share", e) == -1 for e in bench["epochs"])
verdict = {name: [clear_difference(name, e) for e in bench["epochs"]] for name in others}
words = {1: "better than all on", -1: "worse than all on", 0: "no clear difference"}
for name, v in verdict.items():
    print(f"{pad(ROW_NAMES[name], 22)} " + ", ".join(f"after {e} epochs: {words[x]} (Holm p {holm_p[('analogy', name, e)]:.3f})"
                                                   for e, x in zip(bench["epochs"], v)))
larger = {name: table[("larger", bench["runs"][-1]["epochs"], name)] for name in ("all on", "no damping")}
assert larger["all on"]["n_diverged"] == 0
print("check passed: the exact gradient share loses at both budgets; the default never diverged")

# %%
full, short = max(bench["epochs"]), min(bench["epochs"])
ws_verdict = {}
for name in others:
    ws_verdict[name] = clear_difference(name, full, "wordsim")
    print(f"{pad(ROW_NAMES[name], 22)} WordSim after {full} epochs: {words[ws_verdict[name]]} "
          f"(Welch p {welch(name, full, 'wordsim')[1]:.3f}, Holm {holm_p[('wordsim', name, full)]:.3f})")
# the facts the decision below rests on
assert larger["no damping"]["n_diverged"] > 0 and welch("no damping", full)[0] < 0
assert clear_difference("no damping", short) == 1 and clear_difference("no damping", full) == 0
assert all(welch("no subsampling", e)[0] > 0 and clear_difference("no subsampling", e) == 0 for e in bench["epochs"])
assert welch("no subsampling", full, "wordsim")[0] < 0 and ws_verdict["no subsampling"] == 0
assert all(clear_difference("fixed window", e) == -1 for e in bench["epochs"])
print("check passed: the facts the decision on the defaults rests on")

# %% [markdown]
# **The decision on the defaults.** Read the two budgets together; the lines above say which differences stay
# clear after Holm's correction. All rows answer the same questions, so what varies between rows is the training,
# and the seeds measure that noise; the binomial error printed above is a different noise (how far another
# question set of the same size could move one accuracy), so it bounds what these numbers mean for analogies in
# general, not whether two rows differ here. That error also treats the questions as independent, while the
# question file builds each section from a small set of word pairs, each reused in several questions (`data/make_analogies.py`), so
# read it as somewhat optimistic.
#
# - **Damping stays on**, for a reason the table's accuracy does not give: at the larger settings the undamped
#   runs diverge (the lines above count them). A likely reason: the summed update of a frequent row grows with the
#   window and the number of negatives, and damping bounds it (the larger settings change the hidden size, the
#   window and the negatives together, so the benchmark does not isolate the cause). On accuracy it costs at the start (the
#   short budget, a clear difference); after the full budget the damped runs answer a little more, but with
#   three seeds that difference is not clear (its p is printed in the table). (`damping=0` is one keyword away
#   for a short run at small settings.)
# - **Subsampling stays on, as a choice.** Switching it off answers a few more analogies at both budgets, but
#   neither difference survives Holm's correction (their raw p, below 0.05, would have passed alone), its
#   WordSim correlation is lower (not clear either), and every epoch then trains more targets (the live cell
#   below prints how many more). No clear gain, no clear loss, more work: we keep word2vec's default, the
#   default of word2vec.c and gensim too, and say so as a choice, not a measured win.
# - **word2vec's CBOW update and the dynamic window stay**: the "exact gradient share" and the fixed window both
#   answer fewer analogies at both budgets, clearly (the checked cells assert it). The fixed window also gathers
#   all `2 x WINDOW_SIZE` context rows for every target instead of a radius drawn from `1..WINDOW_SIZE`, so it does
#   more work per target. One caution on the "exact gradient share" row: with plain
#   SGD it is word2vec's update with each context row's step divided by the number of context words of its
#   target, at a learning rate tuned for word2vec's rule. So it also runs with a
#   several times smaller learning rate for `W_in`; the row shows that word2vec's rule works better *at this
#   alpha*, not that an exact gradient is worse in itself.

# %% [markdown]
# **The live version.** The same five rows, with `ABLATION_SEEDS` seeds each and `ABLATION_EPOCHS` epochs per
# run (knobs), on the first `ABLATION_TOKENS` tokens of the corpus (the cell prints how many), so that it fits
# in a class: one seed by default, raise `ABLATION_SEEDS` to 3 for mean ± sd. With the default budget it shows
# the *start* of training on a fifth of the corpus; the benchmark's first budget is far longer. Next to the
# analogy accuracy the table gives the number of questions answered right and the last epoch's mean loss, and
# it marks a run whose loss is still within 1% of the starting loss of section 2 (the loss of untrained vectors):
# such a run has not started to learn. The loss shows better than a few right answers how far each run got
# (though subsampling and the window change which targets the loss averages over). With larger settings (try
# `HIDDEN_SIZE = 200`, `WINDOW_SIZE = 8`, `NEGATIVE = 10`) a row may diverge, and the table says so instead of
# stopping. The words/s are one run per row, not alternated, at the machine's current load: at this size the load can
# move them more than the rows differ, so do not read them as the cost of a row. That first cell is not compared
# by the tests; the accuracies and losses are seeded and are.

# %% tags=["nbval-ignore-output"]
ABLATION = [("all on", {}), ("exact gradient share", dict(cbow_update="gradient")),
            ("no damping", dict(damping=0)), ("no subsampling", dict(sample=0)),
            ("fixed window", dict(dynamic_window=False))]
live = {}
with warnings.catch_warnings():  # the table shows the loss, so the "did not fall" warning is not needed here
    warnings.filterwarnings("ignore", message="the loss did not fall", category=RuntimeWarning)
    for name, change in ABLATION:
        live[name] = []
        for seed in range(SEED, SEED + ABLATION_SEEDS):
            try:
                run = fast.train(corpus[:ABLATION_TOKENS], vocab_size, progress=False,
                                 **dict(SETTINGS, epochs=ABLATION_EPOCHS, seed=seed, **change))
            except FloatingPointError:
                live[name].append(None)  # diverged
                continue
            ev = evaluate_analogies(ANALOGY_FILE, run.W_in, word_to_id)
            live[name].append(dict(acc=ev.accuracy, right=ev.n_correct, answered=ev.n_answered,
                                   loss=run.loss_per_epoch[-1], wps=run.words_per_sec))
wps = {name: np.mean([r["wps"] for r in runs if r]) if any(runs) else np.nan for name, runs in live.items()}
for name in live:
    print(f"{pad(ROW_NAMES[name], 22)} {wps[name]:>12,.0f} words/s, {wps[name] / wps['all on']:.2f}x the all-on row")

# %%
assert ABLATION_SEEDS >= 1, "ABLATION_SEEDS must be at least 1"
assert all(r is not None for r in live["all on"]), "the fast path's defaults must never diverge"
start_loss_measured = losses[0]  # section 2: the first step's loss, before any learning
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
    loss = f"{mean_loss:.3f}" + (" (start)" if stuck else "") if ok else "-"
    rows.append([ROW_NAMES[name], shown, right, loss, f"{n_div} of {len(runs)}"])
print(f"the first {ABLATION_TOKENS:,} tokens, {ABLATION_EPOCHS} epoch(s) per run, seeds {SEED}..{SEED + ABLATION_SEEDS - 1}")
print(format_table(["row", "analogy acc.", "right (mean)", "last loss", "diverged"], rows))
n_ans = live["all on"][0]["answered"]
right_counts = [r["right"] for runs in live.values() for r in runs if r is not None]
print(f"chance: one guess among {vocab_size:,} words gives {n_ans / vocab_size:.2f} right answers of {n_ans}; "
      f"one question of {n_ans} is {1 / n_ans:.3f} of accuracy")
print(f"(start) = within 1% of the starting loss {start_loss_measured:.3f} of section 2: "
      + (", ".join(on_plateau) + " had not yet started to learn" if on_plateau else "every run had left it"))
lo, hi = min(right_counts), max(right_counts)
verdict_line = f"every run answers {lo} of {n_ans} questions right" if lo == hi else \
    f"the runs answer {lo} to {hi} of {n_ans} questions right"
print(verdict_line + (": at this budget the accuracies do not separate the rows; compare the losses" if hi - lo <= 2 else ""))
print(f"switching subsampling off trains {1 / kept:.2f}x as many targets per epoch (it keeps {kept:.0%} of the tokens)")
print("check passed: the defaults never diverged")

# %% [markdown]
# Read the live table against the benchmark's: the benchmark, over three seeds and two longer budgets, is what
# the defaults rest on, and the lines under the live table say what this short run can and cannot show. A row
# that at these small settings mainly speeds up the start (no damping; at the benchmark's larger settings it
# diverged) can look better here than after the benchmark's longer
# budgets, and one that slows the start (the exact gradient share) can look as if it does not learn at all.

# %% [markdown]
# ## 4. Save the vectors, and load them back
#
# The vectors go to the package's cache folder (not the notebook folder) with
# `w2vlib.pretrained.save_ptb_vectors`, as an `.npz` (no pickle) plus a `.json` sidecar that records the
# settings. Notebooks 06-08 call `w2vlib.pretrained.ptb_vectors(**settings)`: it loads these vectors when
# the settings match, and otherwise trains them again with the same function and seed (the same vectors).

# %%
path = save_ptb_vectors(result.W_in, id_to_word, **SETTINGS)
print(f"saved: <cache>/{path.parent.name}/{path.stem.rsplit('_', 1)[0]}_<key>.npz and .json")
print("settings recorded:", json.loads(path.with_suffix(".json").read_text())["settings"])

# %%
W, w2i, i2w = load_vectors(path)
assert np.array_equal(W, result.W_in) and i2w == id_to_word and w2i == word_to_id
W_again, _, _ = ptb_vectors(**SETTINGS)  # what notebooks 06-08 do: found in the cache, no training
assert np.array_equal(W_again, result.W_in)
print(f"loaded back {W.shape[0]:,} x {W.shape[1]} vectors: identical")

# %% [markdown]
# **How long did this take?** This notebook is kept to about 30 seconds of computation on 2 quiet cores. The
# next cell prints how long your run took from the first code cell to here; on a busy machine, or with larger knobs,
# it takes longer.

# %% tags=["nbval-ignore-output"]
elapsed = time.perf_counter() - NOTEBOOK_START
print(f"from the first code cell to here: {elapsed:.0f} s (the budget: about 30 s on 2 quiet cores, "
      f"{elapsed / 30:.1f}x it)")


# %% [markdown]
# ## Summary
#
# - PTB has about a million tokens and a 10,000-word vocabulary (어휘); its word frequencies are very uneven.
# - The layered CBOW with negative sampling (네거티브 샘플링) trains correctly but slowly: at the measured
#   words/s the book's 10 epochs over the corpus (말뭉치) take many times this notebook's budget of about 30 seconds (section 2
#   prints the estimate), so we ran a bounded number of steps; with the default knobs, after them the frequent
#   words' vectors share one direction.
# - The loss starts flat, at a value set by `k` alone (exercise 1), and falls once the weights have grown enough
#   for the model to separate true targets (타깃) from sampled negatives.
# - The fast path's fused kernel computes the same loss and gradients (기울기) as the layers, checked on one
#   batch; its *training* differs in the optimiser, batches, initialisation, CBOW update rule, damping,
#   subsampling and window, each with a knob. Timed in alternation, the fast path is many times faster (the cell
#   prints the ratio of the medians and its range over the rounds). The ablation measures what four of the
#   differences buy, over seeds and two epoch budgets (mean ± sd, Welch's test with Holm's correction), in a
#   benchmark script with a small live version here.
# - Subsampling keeps a frequent word with a probability that falls roughly like `sqrt(t/f)` (the exact formula
#   is in section 3): the head of the frequency curve is flattened, the tail untouched.
# - The learned embedding (임베딩) matrix `W_in` is our distributed representation (분산 표현) of words; it is
#   saved as `.npz` in the cache and reloaded identically by notebooks 06-08.
#
# ## Exercises
#
# Each exercise has a self-check: replace the `...` with your answer and run the cell. `q1.hint()` gives a
# hint and `q1.solution()` the reference solution.

# %%
q1, q2, q3, q4 = w2vlib.exercises.load("05")

# %% [markdown]
# **1. What does the loss start at?** Section 2 measured the first step's loss and said it depends only on the
# number of negatives `k`. Derive it: before training, the scores are nearly 0. Write the expected starting
# loss as a function of `k`. The check tries several `k`, and compares with the first step of the layered run
# above.

# %%
def start_loss(k):
    ...  # your formula

q1.check(start_loss, negative=NEGATIVE, measured=losses[0])
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. Lazy Adam.** `w2vlib.Adam(lazy=True)` is *a different optimiser* from the book's Adam, not a faster
# implementation of the same one: its steps differ, so a run with it ends with other weights (the verdict
# below says how, once you have answered). Here we compare only its speed. Predict first: the cell after your
# answer trains the layered model for a few steps with each optimiser, in alternation over `SPEED_ROUNDS` rounds,
# and compares the median words/s. If lazy Adam turns out faster, why? Answer with one letter:
#
# - **a** lazy Adam takes bigger steps, so it needs fewer of them;
# - **b** each step updates only the few rows the batch used (their weights and their moment estimates), not all
#   `V x H` numbers of both matrices;
# - **c** it skips the backward pass of the negative samples;
# - **d** it stores the weights in half precision.

# %%
answer_2 = ...  # "a", "b", "c" or "d"
q2.check(answer_2, batch_size=BATCH_SIZE, window=WINDOW_SIZE, negative=NEGATIVE)

# %% tags=["nbval-ignore-output"]
adam_rounds = np.array([(layered_speed(w2vlib.Adam(), 30), layered_speed(w2vlib.Adam(lazy=True), 30))
                        for _ in range(SPEED_ROUNDS)])
dense_wps, lazy_wps = np.median(adam_rounds, axis=0)
lazy_ratio = lazy_wps / dense_wps
round_ratios = adam_rounds[:, 1] / adam_rounds[:, 0]
print(f"Adam: {dense_wps:,.0f} words/s, lazy Adam: {lazy_wps:,.0f} words/s (medians of {SPEED_ROUNDS} rounds); "
      f"ratio {lazy_ratio:.1f}, rounds {round_ratios.min():.1f} to {round_ratios.max():.1f}")

# %%
if lazy_ratio > 1.1:
    print("check passed: lazy Adam is faster")
elif BATCH_SIZE > 100:
    print(f"lazy Adam was not clearly faster here. With BATCH_SIZE = {BATCH_SIZE} each step's forward and backward grow "
          "with the batch while Adam's update of all V x H numbers does not, so what lazy Adam saves is a smaller "
          "share of a step")
else:
    print("lazy Adam was not clearly faster here, although at this batch size it usually is: the machine may have "
          "been busy in one of the rounds. Run the two cells again")
assert lazy_ratio > 1 or BATCH_SIZE > 100, "with the book's batch size or smaller, lazy Adam should be faster"

# %% [markdown]
# **3. The keep probability.** Write `keep_prob(counts, sample)` that returns word2vec's probability of keeping
# each word (one number per word id), as in the formula of section 3. The check compares it with the package
# on fresh counts, including rare words.

# %%
def keep_prob(counts, sample):
    ...  # one probability per word

q3.check(keep_prob)

# %% [markdown]
# **4. Skip-gram's price.** Skip-gram predicts every context word from the target, so one target gives one
# training pair per context word. With the dynamic window (radius drawn uniformly from `1..w`), how many
# pairs does one target give on average? Write it as a function of `w`; then the cell after it measures
# skip-gram against CBOW on the first 100,000 tokens for one epoch.

# %%
def pairs(w):
    ...  # average (centre, context) pairs per target

q4.check(pairs)

# %% tags=["nbval-ignore-output"]
small = corpus[:100_000]
with warnings.catch_warnings():  # one short epoch measures speed only: its vectors are barely trained, on purpose
    warnings.filterwarnings("ignore", message="the loss did not fall", category=RuntimeWarning)
    speed = {m: fast.train(small, vocab_size, model=m, epochs=1, seed=SEED, progress=False).words_per_sec
             for m in ("cbow", "skipgram")}
print(f"CBOW {speed['cbow']:,.0f} words/s, skip-gram {speed['skipgram']:,.0f} words/s, "
      f"ratio {speed['cbow'] / speed['skipgram']:.1f}")
if q4.passes(pairs):
    ratio = speed["cbow"] / speed["skipgram"]
    print(f"your answer: skip-gram trains about {pairs(WINDOW_SIZE):g} pairs per target at WINDOW_SIZE = {WINDOW_SIZE}; "
          f"the measured ratio is {'below' if ratio < pairs(WINDOW_SIZE) else 'not below'} that count")
else:
    print("answer exercise 4 above to set your count of pairs per target next to this ratio")

# %%
assert speed["cbow"] > speed["skipgram"], "skip-gram does more work per word"
print("check passed: skip-gram is slower per corpus word")

# %% [markdown]
# Why is the ratio not simply the number of pairs per target? CBOW is not free either: it also gathers, averages
# and updates its context rows, on average as many per target as skip-gram's pairs (your answer to exercise 4),
# so its cost grows with the window too, and the ratio usually stays below the count of pairs. Skip-gram's extra
# cost is the `k + 1` scored rows per pair, repeated once per context word. (One run of each, on a machine that may be busy: re-run the cell to see how much
# the ratio moves.)

# %% [markdown]
# **Sources** (checked for this notebook): word2vec.c (`word2vec.c`, tmikolov/word2vec: `TrainModelThread` for
# the subsampling formula, the dynamic window `b = next_random % window`, CBOW's mean `neu1 /= cw` and the whole
# `neu1e` added to every context row, the learning rate's linear decay; `InitNet` for `syn0` uniform in
# `±0.5/size` and `syn1neg` zeros), gensim 4 (`word2vec_inner.pyx`: `w2v_fast_sentence_cbow_neg` with
# `cbow_mean`; `word2vec.py`: the `sample_int` keep probability, and `prepare_vocab`, where `(3 + sqrt(5)) / 2` multiplies a `sample >= 1`), the paper (Mikolov et al. 2013b, *Distributed Representations of Words and Phrases and their Compositionality*, eq. 5, the discard probability), the book's
# code (oreilly-japan/deep-learning-from-scratch-2: `ch04/train.py`, `ch04/cbow.py`, `common/trainer.py`,
# `dataset/ptb.py` for the line ends turned into `<eos>` and for the data: `ptb.train.txt` from tomsercu/lstm, the
# Penn Treebank text of the `simple-examples` set of Mikolov's RNNLM toolkit, lower-cased, numbers as `N`, a
# 10,000-word vocabulary); the alias method (Walker 1977, *An efficient method for generating discrete random
# variables with general distributions*; Vose 1991, *A linear algorithm for generating random numbers with a given
# distribution*); WordSim-353 (Finkelstein et al. 2002, *Placing search in context: the concept revisited*; the benchmark reads the copy in gensim's test data, `gensim/test/test_data/wordsim353.tsv`, 353 pairs); Holm's
# correction (Holm 1979, *A simple sequentially rejective multiple test procedure*); Adam's step of about the
# learning rate per weight (Kingma & Ba 2015, *Adam: A Method for Stochastic Optimization*, section 2.1).
#
# [Next: 06 Similarity and analogies](06_similarity_and_analogies.ipynb)
