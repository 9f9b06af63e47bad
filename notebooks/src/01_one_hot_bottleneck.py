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
# # 01. The one-hot bottleneck: why simple word2vec is slow
#
# Book: *Deep Learning from Scratch 2*, sections 4.1, 4.2.1
#
# Chapter 3 built a CBOW model that works on a toy sentence with a seven-word vocabulary. Chapter 4 of *Deep Learning from Scratch 2*
# (밑바닥부터 시작하는 딥러닝 2) asks what happens when the vocabulary is not 7 words but 10,000 (the Penn Treebank,
# which the chapter trains on) or far more (real corpora). In this notebook we train the simple model, then
# **measure** where its time and memory go as the vocabulary size V grows. The measurements point at the two
# bottlenecks that the rest of the series removes.
#
# **The study notes.** Beside the book, the series follows a student's study notes on this chapter (Korean, written
# while reading it). Their code is kept exactly as written, bugs included, in `w2vlib.notes`: from notebook 02 on,
# each bug is a lesson that a check finds (a gradient check, a test). Do not use those classes for anything else;
# the package's layers are the correct versions.
#
# **You will learn**
# - how `SimpleCBOW` predicts a target word from its two context words (one-hot → `W_in` → average → `W_out` → softmax)
# - why the input product `one_hot @ W_in` is a row lookup in disguise, and what that disguise costs in time and memory
# - why the output layer (`h @ W_out` plus a softmax over the whole vocabulary) grows linearly with V
# - how to time numpy code fairly (best of a few repeats, in alternated rounds whose spread shows the noise) and read a
#   log-log plot of cost against V

# %%
# %matplotlib inline

import matplotlib.pyplot as plt
import numpy as np

import w2vlib
import w2vlib.exercises
from w2vlib import (TOY_TEXT, Adam, Embedding, MatMul, SimpleCBOW, SoftmaxWithLoss, Trainer,
                    convert_one_hot, create_contexts_target, preprocess)
from w2vlib.models import init_weights
from w2vlib.text import format_table, pad   # aligns printed labels and tables by display width

q1, q2, q3, q4 = w2vlib.exercises.load("01")   # the self-checking exercises at the end

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time, loglog_slope, one_thread  # best of a few repeats, each long enough to measure

# %% [markdown]
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0                               # seed for every random draw in this notebook
TOY_HIDDEN = 5                         # hidden size of the toy SimpleCBOW (the book uses 5)
TOY_EPOCHS = 1000                      # training epochs on the toy sentence (the book uses 1000)
TOY_BATCH = 3                          # mini-batch size on the toy sentence (the book uses 3)
VOCAB_SIZES = [1_000, 10_000, 100_000]  # vocabulary sizes V to time (increasing)
HIDDEN = 100                           # hidden size H for the timing runs (the book uses 100 on PTB)
BATCH = 100                            # target words per mini-batch in the timing runs (2 context words each)
REPEAT = 3                             # timing: best of this many runs

# %% [markdown]
# ## 1. The toy sentence as one-hot vectors
#
# We start tiny, as the book does: the sentence "You say goodbye and I say hello." becomes a list of word ids,
# and every (context, target) pair uses a window of one word on each side. `SimpleCBOW` wants its context words
# as **one-hot** vectors: a vector of length V that is all zeros except a single 1 at the word's id.

# %%
corpus, word_to_id, id_to_word = preprocess(TOY_TEXT)
contexts, target = create_contexts_target(corpus, window_size=1)
vocab_size = len(word_to_id)
contexts_1h = convert_one_hot(contexts, vocab_size)

print(f"corpus (ids):  {corpus.tolist()}")
print(f"vocabulary:    {list(word_to_id)}  (V = {vocab_size})")
print(f"contexts {contexts.shape} -> one-hot {contexts_1h.shape}, target {target.shape}")
print("first example, context words as one-hot rows:")
print(contexts_1h[0])

# %% [markdown]
# Each context word now occupies V numbers, of which V - 1 are zero. With V = 7 that is harmless. Keep an eye on
# that last axis: it is the one that will hurt.
#
# ## 2. SimpleCBOW: forward, loss and a little training
#
# The model of chapter 3, as `w2vlib.SimpleCBOW`:
#
# ```
# one-hot contexts (N, 2, V) ──MatMul W_in (V×H)──► (N, 2, H) ──mean──► h (N, H)
# h ──MatMul W_out (H×V)──► scores (N, V) ──softmax + cross-entropy──► loss
# ```
#
# The weights have the book's shapes: `W_in` is (V, H), one row per word, and `W_out` is (H, V), one column per
# word, so the scores are `h @ W_out`. (From notebook 03 on, the output weights are stored the other way round,
# (V, H), one row per word; notebook 03 says why.)
#
# Its weights start tiny (`0.01 * N(0, 1)`), so every score is close to 0 and the softmax gives every word
# probability about 1/V. The cross-entropy loss of an untrained model should therefore be close to ln V.

# %%
model = SimpleCBOW(vocab_size, TOY_HIDDEN, window_size=1, rng=SEED)
loss0 = model.forward(contexts_1h, target)
model.backward()
print(f"{pad('loss of the untrained model:', 30)}{loss0:.4f}")
print(f"{pad(f'ln(V) = ln({vocab_size}):', 30)}{np.log(vocab_size):.4f}")
for name, p, g in zip(["W_in", "W_out"], model.params, model.grads):
    print(f"{name:8s} shape {p.shape}, its gradient has shape {g.shape}")
assert abs(loss0 - np.log(vocab_size)) < 0.05, "an untrained model should be close to uniform"

# %% [markdown]
# Note the gradient shapes: one backward pass produces a gradient for *every* row of `W_in` and *every* column
# of `W_out`, although the batch used only a handful of words. Keep that in mind too.
#
# Now a short training run. The knobs start at the book's settings (Adam, batch 3, 1000 epochs). The log line
# below includes a time, which differs from run to run; the cell after it checks the result.

# %% tags=["nbval-ignore-output"]
model = SimpleCBOW(vocab_size, TOY_HIDDEN, window_size=1, rng=SEED)
trainer = Trainer(model, Adam())
trainer.fit(contexts_1h, target, max_epoch=TOY_EPOCHS, batch_size=TOY_BATCH, rng=SEED, progress=False)
print(f"{len(trainer.iter_losses)} steps in {trainer.elapsed:.2f} s, "
      f"loss {trainer.loss_list[0]:.3f} -> {trainer.loss_list[-1]:.3f}")

# %%
assert trainer.loss_list[-1] < 0.7 * trainer.loss_list[0], \
    "training should lower the loss clearly; if TOY_EPOCHS is very small, raise it"
print("check passed: the loss went down")

# %%
fig, ax = plt.subplots(figsize=(6.4, 4.0))
trainer.plot(ax=ax)
ax.set_title("SimpleCBOW on the toy sentence")
plt.show()

# %% [markdown]
# What did it learn? After a forward pass the softmax layer keeps its probabilities (`loss_layer.y`, as in the
# book), so we can read off the model's guess for the middle word of every window.

# %%
model.forward(contexts_1h, target)
guess = model.loss_layer.y.argmax(axis=1)
for (a, b), t, g in zip(contexts, target, guess):
    mark = "ok" if g == t else f"(true: {id_to_word[int(t)]})"
    print(f"{id_to_word[int(a)]:>8s} ___ {id_to_word[int(b)]:<8s} -> {id_to_word[int(g)]:<8s} {mark}")
n_right = int(np.sum(guess == target))
majority = int(np.bincount(target).max())          # always answering the most common target
print(f"{n_right} of {len(target)} windows right. Guessing at random would get "
      f"{len(target) / vocab_size:.2f} of {len(target)} on average (one word among V = {vocab_size}).\n"
      f"Always answering the most common target ({id_to_word[int(np.bincount(target).argmax())]!r}) would get {majority}.")
assert n_right > majority, "no better than always answering the most common target: raise TOY_EPOCHS"
assert n_right >= len(target) / 2, "fewer than half the windows are right: raise TOY_EPOCHS (the loss is still falling)"

# %% [markdown]
# The model learns: it gets more windows right than guessing, and more than always answering the most common
# target (asserted above). Can it get all six? Look at the contexts:
# "say ___ and" and "and ___ say" hold the same two words. CBOW *averages* its context vectors, so both windows
# give the same `h`, and the same prediction, although their targets differ. The cell computes what that allows.

# %%
groups = {}
for (a, b), t in zip(contexts, target):
    groups.setdefault(tuple(sorted((int(a), int(b)))), []).append(int(t))
best = sum(max(ts.count(t) for t in set(ts)) for ts in groups.values())
floor = -sum(ts.count(t) * np.log(ts.count(t) / len(ts)) for ts in groups.values() for t in set(ts)) / len(target)
shared = ["{" + ", ".join(id_to_word[i] for i in key) + "}" for key, ts in groups.items() if len(set(ts)) > 1]
print(f"windows whose context words are the same but whose targets differ: {shared}")
print(f"best possible: {best} of {len(target)} right; lowest possible loss: {floor:.4f}")
loss_all = model.forward(contexts_1h, target)        # the loss on all six windows now
print(f"this run: {n_right} of {len(target)} right, loss {loss_all:.4f}")
print(f"misses: {len(target) - n_right} = {len(target) - best} that no CBOW can avoid (shared windows) "
      f"+ {best - n_right} from too little training")
assert n_right <= best and loss_all >= floor - 1e-4

# %% [markdown]
# So one miss in those two windows is not a sign of too little training: no CBOW model can get both. Any other
# miss is: the `misses` line splits this run's misses into the two kinds. If the second number is above 0, the
# model is still undertrained; raise `TOY_EPOCHS` and watch it fall to 0 and the loss approach its floor. The
# question of this chapter, though, is what the model *costs*.
#
# Let us see what the same computation costs when V is not 7 but each size in `VOCAB_SIZES`.
#
# ## 3. Where the time goes as V grows
#
# For each V in `VOCAB_SIZES` we build weights of shape (V, H) (their values do not matter for timing), a batch of
# `BATCH` targets with two context words each, and time three pieces of one forward pass:
#
# 1. **input, one-hot way**: `MatMul(W_in).forward(one_hot)` (what SimpleCBOW does),
# 2. **input, lookup way**: `Embedding(W_in).forward(ids)`, which returns `W_in[ids]`: the rows the one-hot product
#    selects, without multiplying by all those zeros,
# 3. **output**: `h @ W_out` followed by softmax + cross-entropy over all V words.
#
# The table also shows the time to *build* the one-hot batch (`convert_one_hot`), a cost the lookup never pays.
# Every speed-up needs a check that both versions agree, so the loop also verifies that the one-hot product and the
# lookup give exactly the same numbers. All timings run on one BLAS thread (`w2vlib.timing.one_thread`), so both
# sides of a comparison use one core, and measure the CPU time of this process (`best_time(..., cpu=True)`). That
# leaves out the time other programs run, though they can still slow this one down through shared caches and
# memory, so every piece is timed in three rounds (every other round in reverse order): the table shows the median
# of the three, its last column the run-to-run spread (slowest / fastest round, worst piece), and the slope lines
# show how far the slope of each single round strays from the median's. That is the noise to read the numbers
# against.

# %%
def time_forward_pieces(V, rng):
    """Time the input (one-hot vs lookup) and the output (scores + softmax) of one batch at vocabulary size V."""
    W_in, W_out_rows = init_weights(V, HIDDEN, rng)      # both (V, H)
    ids = rng.integers(0, V, size=(BATCH, 2))           # context ids of one batch
    t = rng.integers(0, V, size=BATCH)                  # target ids
    one_hot = convert_one_hot(ids, V)                   # (BATCH, 2, V) float32
    in_onehot, in_lookup = MatMul(W_in), Embedding(W_in)
    W_out = np.ascontiguousarray(W_out_rows.T)          # (H, V), as in SimpleCBOW
    out_layer, loss_layer = MatMul(W_out), SoftmaxWithLoss()
    h = in_lookup.forward(ids).mean(axis=1)
    pieces = {"t_convert": lambda: convert_one_hot(ids, V),
              "t_onehot": lambda: in_onehot.forward(one_hot),
              "t_lookup": lambda: in_lookup.forward(ids),
              "t_output": lambda: loss_layer.forward(out_layer.forward(h), t)}
    with one_thread():                                  # every piece on one BLAS thread
        rounds = [{key: best_time(pieces[key], REPEAT, cpu=True)
                   for key in (list(pieces) if r % 2 == 0 else list(pieces)[::-1])}
                  for r in range(3)]                    # three rounds; every other round times the pieces in reverse order
        result = {"V": V,
                  "same": bool(np.array_equal(in_onehot.forward(one_hot), in_lookup.forward(ids))),
                  "onehot_MB": one_hot.nbytes / 1e6,
                  "ids_KB": ids.nbytes / 1e3,
                  "rounds": rounds,
                  "spread": max(max(r[key] for r in rounds) / min(r[key] for r in rounds) for key in pieces)}
    for key in pieces:
        result[key] = float(np.median([r[key] for r in rounds]))   # the median of the three rounds
    return result


# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
results = [time_forward_pieces(V, rng) for V in VOCAB_SIZES]

print(format_table(["V", "build one-hot", "one-hot @ W_in", "W_in[ids]", "one-hot / lookup", "h @ W_out + softmax",
                    "spread"],
                   [[f"{r['V']:,}", f"{r['t_convert'] * 1e3:.2f} ms", f"{r['t_onehot'] * 1e3:.2f} ms",
                     f"{r['t_lookup'] * 1e3:.3f} ms", f"{r['t_onehot'] / r['t_lookup']:.0f}x",
                     f"{r['t_output'] * 1e3:.2f} ms", f"{r['spread']:.1f}x"] for r in results], align=">>>>>>>"))
print("(times: the median of three rounds; spread: slowest / fastest round, worst piece)")
first, last = results[0], results[-1]
print(f"V grew {last['V'] / first['V']:.0f}x: time x{last['t_onehot'] / first['t_onehot']:.1f} for the one-hot input, "
      f"x{last['t_lookup'] / first['t_lookup']:.1f} for the lookup, x{last['t_output'] / first['t_output']:.1f} for the output")
if len(results) > 1:
    names = {"t_onehot": "one-hot input", "t_lookup": "lookup", "t_output": "output"}
    Vs = [r["V"] for r in results]
    for key, name in names.items():
        each = [loglog_slope(Vs, [r["rounds"][i][key] for r in results]) for i in range(3)]   # one slope per round
        print(f"log-log slope against V, {pad(name + ':', 15)} {round(loglog_slope(Vs, [r[key] for r in results]), 2) + 0:5.2f} "
              f"(single rounds: {round(min(each), 2) + 0:.2f} to {round(max(each), 2) + 0:.2f})")


# %%
assert all(r["same"] for r in results), "the lookup must give exactly the one-hot product"
for r in results:
    assert r["t_onehot"] > r["t_lookup"], f"the lookup should be faster than the one-hot product at V = {r['V']:,}"
    if r["V"] >= 10_000:
        assert r["t_onehot"] > 10 * r["t_lookup"], f"the lookup should be at least 10x faster at V = {r['V']:,}"
Vs = np.array([r["V"] for r in results])
if Vs.max() >= 10 * Vs.min():
    slope = {key: loglog_slope(Vs, [r[key] for r in results]) for key in ["t_onehot", "t_lookup", "t_output"]}
    assert slope["t_onehot"] > 0.5, "the one-hot input cost should grow with V (log-log slope near 1)"
    assert slope["t_output"] > 0.5, "the output cost should grow with V (log-log slope near 1)"
    assert slope["t_lookup"] < slope["t_onehot"] - 0.3, "the lookup's cost should hardly depend on V (log-log slope near 0)"
    print("check passed: lookup == one-hot product, and faster (10x or more from V = 10,000); "
          "one-hot and output costs grow with V, the lookup's does not")
else:
    print("check passed: lookup == one-hot product, and faster (10x or more from V = 10,000). "
          "To see how the costs grow, give VOCAB_SIZES a range of at least 10x.")

# %% [markdown]
# On a log-log plot, a cost proportional to V is a straight line of slope 1. The black dotted line is such a guide,
# drawn at a quarter of the one-hot line's first point so that it does not hide the measured lines: a line parallel to
# it grows in proportion to V. A flat line is a cost that does not depend on V at all. Measured lines are never perfectly straight: caches and fixed overheads
# bend them, so a cost can grow a little faster or slower than V over the range you time.

# %% tags=["nbval-ignore-output"]
Vs = np.array([r["V"] for r in results])
fig, ax = plt.subplots(figsize=(6.4, 4.0))
ax.plot(Vs, [r["t_onehot"] * 1e3 for r in results], "o-", label="input: one-hot @ W_in")
ax.plot(Vs, [r["t_output"] * 1e3 for r in results], "s-", label="output: h @ W_out + softmax")
ax.plot(Vs, [r["t_lookup"] * 1e3 for r in results], "^-", label="input: W_in[ids] (lookup)")
ax.plot(Vs, 0.25 * results[0]["t_onehot"] * 1e3 * Vs / Vs[0], "k:", lw=1, label="∝ V (slope 1)")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("vocabulary size V (words)")
ax.set_ylabel(f"time per batch of {BATCH} (ms)")
ax.set_title(f"Forward cost against V (H = {HIDDEN})")
ax.legend(fontsize=9)
plt.show()

# %% [markdown]
# ### Memory
#
# Time is not the only cost. The one-hot batch stores V float32 numbers per context word; the ids it encodes
# need 8 bytes each. These numbers do not depend on the machine, so they are checked exactly.

# %%
for r in results:
    print(f"V = {r['V']:>7,d}: one-hot batch {r['onehot_MB']:7.1f} MB   vs   ids {r['ids_KB']:.1f} KB"
          f"   ({r['onehot_MB'] * 1e3 / r['ids_KB']:,.0f}x more memory)")
for r in results:
    assert r["onehot_MB"] == BATCH * 2 * r["V"] * 4 / 1e6 and r["ids_KB"] == BATCH * 2 * 8 / 1e3
big = results[-1]
print(f"At V = {big['V']:,} one batch of {BATCH} targets needs {big['onehot_MB']:,.1f} MB of one-hot vectors, "
      f"which hold only {2 * BATCH} ones.")


# %% [markdown]
# The one-hot batch grows in proportion to V, and all but two numbers per target are zeros.
#
# ## 4. Conclusion: the two bottlenecks
#
# The measurements show two places where the cost of one step grows with V:
#
# 1. **Input layer: `one_hot @ W_in`.** It multiplies mostly zeros, and the whole result is the rows of `W_in`
#    whose ids we already knew. A lookup `W_in[ids]` gives exactly the same numbers, many times faster (the one-hot / lookup
#    column above), and its cost hardly depends on V (its log-log slope above). The one-hot batch also uses memory in
#    proportion to V.
#    **Fix: the Embedding layer** (notebook 02).
# 2. **Output layer: `h @ W_out` and the softmax.** To get the probability of *one* target word, the softmax needs
#    the scores of *all* V words (its denominator). The lookup trick cannot help here, because every column is
#    really used. **Fix: negative sampling**, which turns "which of V words?" into a few "this word, yes or no?"
#    questions (notebooks 03 and 04).
#
# What about the backward pass? Exercise 4 asks
# you to predict how the backward costs grow with V, and only then measures them.
#
# ## Summary
#
# - SimpleCBOW encodes context words as one-hot (원-핫) vectors of length V (the vocabulary (어휘) size), multiplies
#   them by `W_in`, averages into the hidden layer (은닉층), and predicts the target (타깃) with a softmax
#   (소프트맥스) over all V words, trained with cross-entropy (교차 엔트로피).
# - An untrained model's loss is about ln V, because its softmax is nearly uniform.
# - `one_hot @ W_in` equals the row lookup `W_in[ids]` exactly; the product costs time and memory that grow with V,
#   the lookup's time hardly grows.
# - The output layer needs all V scores for the softmax denominator, so its cost grows linearly with V: the second
#   bottleneck.
# - Fair timing: best of several repeats, the same inputs for both versions, a check that both agree, ratios
#   rather than raw times (raw times depend on the machine), and the median of alternated rounds with their spread,
#   so that the noise is shown next to the numbers.
#
# ## Exercises
#
# Each exercise has a stub cell (`answer = ...` or a function whose body is `...`). Replace the `...` with your
# answer and run the cell: `q1.check(...)` says `not attempted`, `not yet: <why>` or `correct`. `q1.hint()` gives
# a nudge and `q1.solution()` shows the reference solution.
#
# 1. **Memory at scale.** How many megabytes (10⁶ bytes) does a float32 one-hot batch of 100 targets × 10 context
#    words (a window of 5 words on each side, as in the book's PTB training) take when V = 1,000,000? Put your
#    answer in `answer_1`.
# 2. **The lookup in disguise, on the output side.** `W_out` is (H, V), one *column* per word. Write
#    `column_lookup(W_out, ids)` that returns the same array as `convert_one_hot(ids, W_out.shape[1]) @ W_out.T`
#    (the columns of the ids' words, one row per id) for an id array of any shape, without building one-hot
#    vectors and without copying all of `W_out`.
# 3. **Derive the softmax cross-entropy gradient (on paper first).** For a batch of N score rows `score` (N × V)
#    and target ids `t`, the loss is the mean over rows of `-log softmax(score)[t]`. Derive dL/dscore, then write
#    it as `dscore(score, t)` with numpy. The check compares it with `SoftmaxWithLoss.backward` on random inputs.
# 4. **Predict, then measure: the backward pass.** How does the time of each backward piece grow with V? The
#    forward slopes above do not answer it: a backward computes other arrays (the gradients), so reason from what
#    each backward computes. Give each piece a log-log slope (0 = does not depend on V, 1 = proportional to V) in
#    `prediction_4`: `"one-hot"` (`MatMul.backward` of the one-hot input layer, which returns the gradient of its
#    input and fills the gradient of `W_in`) and `"output"` (the backward of softmax + cross-entropy and of
#    `h @ W_out`). (The lookup's backward is notebook 02's subject: there you will see how it can avoid touching all
#    V rows.) The check judges your prediction first (within ±0.25); only then does it time the two backward passes over `VOCAB_SIZES` (with `time_backward_pieces`,
#    defined in the cell above it) and show the measured slopes.

# %%
answer_1 = ...                    # megabytes for V = 1,000,000
q1.check(answer_1)
# q1.hint()
# q1.solution()


# %%
def column_lookup(W_out, ids):
    ...                           # your code here


q2.check(column_lookup)
# q2.hint()
# q2.solution()


# %%
def dscore(score, t):
    ...                           # dL/dscore, shape (N, V)


q3.check(dscore)
# q3.hint()
# q3.solution()

# %%
def time_backward_pieces(V, rng=None):
    """Seconds per backward of the two pieces at vocabulary size V (after one forward of each)."""
    rng = np.random.default_rng(SEED) if rng is None else rng
    W_in, W_out_rows = init_weights(V, HIDDEN, rng)
    ids = rng.integers(0, V, size=(BATCH, 2))
    t = rng.integers(0, V, size=BATCH)
    in_onehot, in_lookup = MatMul(W_in), Embedding(W_in)
    out_layer, loss_layer = MatMul(np.ascontiguousarray(W_out_rows.T)), SoftmaxWithLoss()
    dh2 = rng.standard_normal((BATCH, 2, HIDDEN)).astype(np.float32)
    in_onehot.forward(convert_one_hot(ids, V))
    in_lookup.forward(ids)
    loss_layer.forward(out_layer.forward(in_lookup.forward(ids).mean(axis=1)), t)
    with one_thread():
        return {"one-hot": best_time(lambda: in_onehot.backward(dh2), REPEAT, cpu=True),
                "output": best_time(lambda: out_layer.backward(loss_layer.backward()), REPEAT, cpu=True)}


# %%
prediction_4 = ...                # {"one-hot": ..., "output": ...}
q4.check(prediction_4, measure=time_backward_pieces, sizes=VOCAB_SIZES)
# q4.hint()
# q4.solution()

# %% [markdown]
# **Sources** (checked for this notebook): *Deep Learning from Scratch 2*'s code (oreilly-japan/deep-learning-from-scratch-2:
# `ch03/simple_cbow.py` for the weight shapes and `0.01 * np.random.randn`, `ch03/train.py` for hidden size 5,
# batch 3, 1000 epochs and Adam, `ch04/train.py` for hidden size 100 and window 5 on PTB, `dataset/ptb.py` for the PTB files it loads,
# `ptb.train.txt` from tomsercu/lstm, whose vocabulary is 10,000 words with `<eos>`, counted by `w2vlib.data.load_ptb`).
#
# [Next: 02 The Embedding layer](02_embedding_layer.ipynb)
