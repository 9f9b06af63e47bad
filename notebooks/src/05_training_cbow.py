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
# Notebooks 01-04 took word2vec apart on a toy sentence and fixed its two bottlenecks: the Embedding layer
# replaced the one-hot product, and negative sampling replaced the softmax over the whole vocabulary. Now we
# put the pieces to work on the Penn Treebank (PTB), about a million words of Wall Street Journal text, and
# learn word vectors that the next three notebooks use.
#
# We train twice. First the **layered model exactly as the book builds it** (Embedding, NegativeSamplingLoss,
# Adam, batches of 100), for a bounded number of steps, because a full run takes far longer than a lesson.
# Then the package's **fast path**, which computes the same loss and gradients with a few fused array
# operations: we check that both agree on one step, train for real, and measure the speed-up.
#
# **You will learn**
# - how to load PTB with `w2vlib.data.load_ptb` (offline through `W2VLIB_PTB_DIR`) and what its tokens look like;
# - how fast the layered CBOW trains on real data, measured in words per second, and what its loss curve says;
# - what the fast path changes, and how to check that it computes the same thing as the layers;
# - how much faster it is, and how to save the vectors and load them back for notebooks 06-08.

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
import json

from w2vlib import fast
from w2vlib.data import load_ptb
from w2vlib.plotting import plot_loss
from w2vlib.pretrained import ptb_vectors, save_ptb_vectors
from w2vlib.vectors import load_vectors

# %% [markdown]
# ### Knobs: change these and re-run

# %%
SEED = 0              # every random choice below comes from this seed
HIDDEN_SIZE = 100     # length of each word vector (the hidden layer size)
WINDOW_SIZE = 5       # context words on each side of the target
NEGATIVE = 5          # negative samples per target
BATCH_SIZE = 100      # the layered model's mini-batch (the book's value)
LAYERED_ITERS = 500   # bounded number of layered training steps (a few seconds)
EPOCHS = 10           # fast-path passes over the whole corpus (a second or two each)

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
# Word frequencies are very uneven: a few function words make up a large share of the tokens while
# thousands of words occur only a handful of times. Keep this in mind for notebook 06: a word seen ten times
# cannot get a good vector.
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
# layers and `SigmoidWithLoss`. The book trains it with Adam on mini-batches of 100 for 10 epochs. Here we
# run only `LAYERED_ITERS` steps and measure the speed. The cell builds its own model and generator, so
# re-running it gives the same run.

# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
layered = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE, rng=rng)
trainer = w2vlib.Trainer(layered, w2vlib.Adam())
trainer.fit(contexts, target, max_epoch=1, batch_size=BATCH_SIZE, rng=rng,
            max_iters=LAYERED_ITERS, eval_interval=20)
layered_wps = trainer.words_per_sec
steps = len(trainer.iter_losses)
print(f"{steps} steps of {BATCH_SIZE} targets in {trainer.elapsed:.1f} s: {layered_wps:,.0f} words/s")
epoch_minutes = len(target) / layered_wps / 60
print(f"one epoch at this speed: about {epoch_minutes:.0f} min; the book's 10 epochs: {10 * epoch_minutes / 60:.1f} h")

# %%
losses = np.array(trainer.iter_losses)
assert len(losses) == min(LAYERED_ITERS, len(target) // BATCH_SIZE)
assert np.all(np.isfinite(losses))
n = max(1, len(losses) // 10)
assert losses[-n:].mean() < losses[:n].mean(), "the loss should go down"
guess = (NEGATIVE + 1) * np.log(2)
print(f"loss of pure guessing, (k+1) ln 2: {guess:.3f}")
print(f"mean loss of the first {n} steps: {losses[:n].mean():.3f}, of the last {n} steps: {losses[-n:].mean():.3f}")

# %% [markdown]
# At the start every score is close to 0, so every sigmoid says 0.5 and each of the `k + 1` binary
# cross-entropies is `ln 2`: the loss starts at `(k+1) ln 2`. It falls quickly at first (the model learns
# which words are frequent) and then slowly: the curve below covers only a small fraction of one epoch.

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
plot_loss(trainer.loss_list, ax=ax, eval_interval=trainer.eval_interval)
ax.axhline(guess, ls="--", color="gray", label="(k+1) ln 2: guessing")
ax.set_title(f"layered CBOW: first {steps * BATCH_SIZE:,} targets")
ax.legend()
plt.show()

# %% [markdown]
# ## 3. The fast path
#
# `w2vlib.fast.train` computes the same model, negative-sampling CBOW, without the layer objects:
#
# - **fused batches**: one gather of the `k + 1` output rows of every example, one batched dot product, one
#   sigmoid, instead of `k + 1` separate `EmbeddingDot` and `SigmoidWithLoss` layers;
# - **sparse updates**: only the rows a batch touches are read and written (a scipy sparse product sums
#   repeated ids, the `np.add.at` lesson of notebook 02); Adam instead updates all `V x H` numbers of both
#   matrices at every step, used or not;
# - **plain SGD with a linearly decaying learning rate** (as word2vec does), so there is no optimiser state;
# - **one vectorised sampler draw per epoch** (an alias table over the unigram^0.75 distribution);
# - word2vec's **subsampling** of frequent words and **dynamic window**, big batches with *damping* of very
#   frequent rows, and a second thread that prepares the next batches.
#
# ### Check: the same loss and gradients on one step
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
# ### Train for real
#
# Now the whole corpus, `EPOCHS` times, with a progress bar. The speed-up ratio compares corpus words per
# second of both paths.

# %% tags=["nbval-ignore-output"]
SETTINGS = dict(model="cbow", hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE,
                negative=NEGATIVE, epochs=EPOCHS, seed=SEED)
result = fast.train(corpus, vocab_size, progress=True, **SETTINGS)
speedup = result.words_per_sec / layered_wps
print(f"{EPOCHS} epochs ({EPOCHS * len(corpus):,} words) in {result.wall_time:.1f} s: {result.words_per_sec:,.0f} words/s")
print(f"speed-up over the layered path: {speedup:.0f}x")

# %%
assert result.W_in.shape == (vocab_size, HIDDEN_SIZE) and result.W_in.dtype == np.float32
assert np.all(np.isfinite(result.W_in))
assert len(result.loss_per_epoch) == EPOCHS
assert EPOCHS == 1 or result.loss_per_epoch[-1] < result.loss_per_epoch[0]
assert speedup > 5, "the fast path should be many times faster than the layered one"
print("check passed")

# %% [markdown]
# Part of this speed-up is not arithmetic but *less work*: subsampling skips many occurrences of very frequent
# words such as "the" (they carry little information). Let us measure how much, so the ratio is read fairly.

# %%
keep = fast.subsample_keep_prob(counts, result.settings["subsample"])
kept = float((counts * keep).sum() / counts.sum())
print(f"subsampling keeps about {kept:.0%} of the tokens as targets")

# %% tags=["nbval-ignore-output"]
print(f"speed-up per target actually trained: {speedup * kept:.0f}x", "(a big factor remains)" if speedup * kept > 5 else "")

# %%
assert 0 < kept < 1
assert speedup * kept > 3
print("check passed")

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
ax.plot(np.arange(1, EPOCHS + 1), result.loss_per_epoch, marker="o")
ax.set_xlabel("epoch")
ax.set_ylabel("mean loss per target")
ax.set_title(f"fast CBOW on PTB, {EPOCHS} epochs")
plt.show()
print("loss per epoch:", ", ".join(f"{x:.3f}" for x in result.loss_per_epoch))

# %% [markdown]
# The loss is the same quantity as before (the sum of the `k + 1` cross-entropies per target), but it is not
# directly comparable with the layered curve: subsampling removes the easy, frequent targets, and the dynamic
# window changes the contexts. What we can compare is what the vectors learned. Here are the nearest
# neighbours (by cosine similarity, see notebook 06) of a few words after the short layered run and after the
# fast run:

# %%
for query in ["year", "car", "you"]:
    for name, W in [("layered", layered.word_vecs), ("fast", result.W_in)]:
        near = w2vlib.most_similar(query, word_to_id, id_to_word, W, top=4)
        print(f"{query:>5} ({name:>7}): " + ", ".join(f"{w} {s:.3f}" for w, s in near))

# %% [markdown]
# A few seconds of the layered model barely move the vectors away from their random start; the fast run,
# which saw many full epochs in a similar time, already groups `year` with other time words.
#
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
# ## Summary
#
# - PTB has about a million tokens and a 10,000-word vocabulary (어휘); its word frequencies are very uneven.
# - The layered CBOW with negative sampling (네거티브 샘플링) trains correctly but slowly: at the measured
#   words/s the book's ten epochs over the corpus (말뭉치) take many minutes, so we ran a bounded number of steps.
# - The loss starts at `(k+1) ln 2` (every sigmoid (시그모이드) says 0.5) and falls as the model separates true
#   targets (타깃) from sampled negatives.
# - The fast path computes the same loss and gradients (기울기) as the layers, checked on one batch, and
#   trains the whole corpus several times in seconds: fused batches, sparse row updates, SGD without
#   optimiser state, a vectorised sampler, subsampling.
# - The learned embedding (임베딩) matrix `W_in` is our distributed representation (분산 표현) of words; it is
#   saved as `.npz` in the cache and reloaded identically by notebooks 06-08.
#
# ## Exercises
#
# **1. What does the loss start at?** Before training, the scores are nearly 0. Write the expected starting
# loss as a formula of `NEGATIVE` and check it against a fresh model.

# %%
def check_exercise_1(answer):
    fresh = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE,
                        rng=np.random.default_rng(SEED))
    measured = fresh.forward(contexts[:BATCH_SIZE], target[:BATCH_SIZE])
    print("correct" if abs(answer - measured) < 0.01 else
          f"not yet: a fresh model gives {measured:.3f}; hint: each of the k+1 terms is -ln(0.5)")

answer_1 = (NEGATIVE + 1) * np.log(2)  # reference solution
check_exercise_1(answer_1)


# %% [markdown]
# **2. Adam that touches only the used rows.** `w2vlib.Adam(lazy=True)` updates only the rows of `W_in`
# and `W_out` that the batch used (like the fast path), instead of all `V x H` numbers. Train the layered
# model for 100 steps with each optimiser and measure the words/s. Which is faster, and why?

# %% tags=["nbval-ignore-output"]
def layered_speed(optimizer, iters=100):
    r = np.random.default_rng(SEED)
    m = w2vlib.CBOW(vocab_size, HIDDEN_SIZE, WINDOW_SIZE, corpus, sample_size=NEGATIVE, rng=r)
    t = w2vlib.Trainer(m, optimizer)
    t.fit(contexts, target, max_epoch=1, batch_size=BATCH_SIZE, rng=r, max_iters=iters, progress=False)
    return t.words_per_sec

dense_wps, lazy_wps = layered_speed(w2vlib.Adam()), layered_speed(w2vlib.Adam(lazy=True))
print(f"Adam: {dense_wps:,.0f} words/s, lazy Adam: {lazy_wps:,.0f} words/s, ratio {lazy_wps / dense_wps:.1f}")

# %%
assert lazy_wps > dense_wps, "lazy Adam should be faster: it skips the rows the batch did not use"
print("check passed")

# %% [markdown]
# **3. Skip-gram's price.** Skip-gram predicts every context word from the target, so one target gives up to
# `2 * WINDOW_SIZE` training pairs. Measure `fast.train(..., model="skipgram")` against CBOW on the first
# 100,000 tokens for one epoch: how many times slower is it?

# %% tags=["nbval-ignore-output"]
small = corpus[:100_000]
speed = {m: fast.train(small, vocab_size, model=m, epochs=1, seed=SEED, progress=False).words_per_sec
         for m in ("cbow", "skipgram")}
print(f"CBOW {speed['cbow']:,.0f} words/s, skip-gram {speed['skipgram']:,.0f} words/s, "
      f"ratio {speed['cbow'] / speed['skipgram']:.1f}")

# %%
assert speed["cbow"] > speed["skipgram"], "skip-gram does more work per word"
print("check passed")

# %% [markdown]
# [Next: 06 Similarity and analogies](06_similarity_and_analogies.ipynb)
