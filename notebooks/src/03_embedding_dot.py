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
# # 03. From "which word?" to "this word, yes or no?": EmbeddingDot and the sigmoid
#
# Book: *Deep Learning from Scratch 2*, sections 4.2.2–4.2.4
#
# [Notebook 01](01_one_hot_bottleneck.ipynb) found the second bottleneck: to score *one* target word, the softmax
# (소프트맥스) needs the scores of *all* V words. The idea behind negative sampling is to stop asking the multi-class
# question "which of the V words is the target?" and ask a binary one instead: "is *this* word the target?" One
# dot product and a sigmoid answer it, at a cost that does not depend on V.
#
# **You will learn**
# - how the score of one word, `W_out[idx] · h`, relates to the full output layer (it is one of its V scores)
# - the `EmbeddingDot` layer (an Embedding lookup plus a row-wise dot product) and its backward pass
# - the sigmoid, binary cross-entropy (`SigmoidWithLoss`) and its famously simple gradient `y - t`
# - how to gradient-check each layer, and the whole chain, with `w2vlib.gradcheck`
# - why "yes" answers alone cannot train a model (the reason for *negative* examples)
# - (exercise) how to find the bugs in the study notes' `EmbeddingDot`

# %%
# %matplotlib inline

import matplotlib.pyplot as plt
import numpy as np

import w2vlib
import w2vlib.exercises
from w2vlib import (EmbeddingDot, MatMul, Sigmoid, SigmoidWithLoss, SoftmaxWithLoss, gradcheck, notes,
                    numerical_gradient, plotting, relative_error)
from w2vlib.gradcheck import GRADCHECK_TOL
from w2vlib.layers import cross_entropy_error, sigmoid
from w2vlib.models import init_weights

q1, q2, q3 = w2vlib.exercises.load("03")   # the self-checking exercises at the end

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time, one_thread  # best of a few repeats, each long enough to measure

# %% [markdown]
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0              # seed for every random draw in this notebook
VOCAB_SIZE = 10_000   # V for the cost comparison (PTB's vocabulary size)
HIDDEN = 100          # hidden size H
BATCH = 100           # targets per mini-batch
V_TOY = 7             # vocabulary size for the small gradient checks
H_TOY = 3             # hidden size for the small gradient checks
REPEAT = 3            # timing: best of this many runs

# %% [markdown]
# ## 1. Multi-class versus binary: the same score, a different question
#
# The output layer of SimpleCBOW computes `h @ W_out` with `W_out` of shape (H, V): one score per word, V of them,
# then a softmax to turn them into probabilities. The score of the *target* word is just one of those V numbers:
# the dot product of `h` with the target's column of `W_out`.
#
# **From here on the output weights are stored the other way round**, as the book's chapter 4 does
# (`ch04/cbow.py` creates `W_out` with shape (V, H)): one *row* per word, like `W_in`. Then the target's weights
# are a row lookup, `W_out[idx]`, which is exactly notebook 02's Embedding. In the code below `W_out` is this
# (V, H) matrix, and the full softmax layer multiplies by its transpose, `h @ W_out.T`.
#
# `EmbeddingDot` computes the target's score and nothing else: it looks up the row `W_out[idx]` (an Embedding
# (임베딩) lookup) and takes the row-wise dot product with `h`. For a batch, row i of `h` gets the score of its own
# target `idx[i]`: one entry of each row of the (N, V) score matrix, the one in the column of that row's target,
# so N numbers instead of N × V. Both versions side by side, at V = `VOCAB_SIZE`:

# %%
rng = np.random.default_rng(SEED)
_, W_out = init_weights(VOCAB_SIZE, HIDDEN, rng)                 # (V, H), book initialisation
h = rng.standard_normal((BATCH, HIDDEN)).astype(np.float32)      # hidden vectors of one batch
target = rng.integers(0, VOCAB_SIZE, size=BATCH)

full_layer = MatMul(np.ascontiguousarray(W_out.T))               # multi-class: all V scores
all_scores = full_layer.forward(h)                               # (BATCH, V)
dot_layer = EmbeddingDot(W_out)                                  # binary: the target's score only
target_score = dot_layer.forward(h, target)                      # (BATCH,)

print(f"multi-class scores: shape {all_scores.shape}; binary scores: shape {target_score.shape}")
same = np.allclose(target_score, all_scores[np.arange(BATCH), target], rtol=1e-4, atol=1e-6)
print(f"EmbeddingDot == the target's entry of each row of h @ W_out^T: {same}")
assert same

# %% [markdown]
# Same number, different question. The softmax turns the target's score into a probability *relative to all
# other words* (it needs all V scores for its denominator). The sigmoid turns it into a yes/no probability on its
# own. Now the cost, for one forward pass through the output layer and its loss:

# %% tags=["nbval-ignore-output"]
softmax_loss, sigmoid_loss = SoftmaxWithLoss(), SigmoidWithLoss()
ones = np.ones(BATCH, dtype=np.int32)
with one_thread():                    # both on one BLAS thread (as in notebook 01)
    t_multi = best_time(lambda: softmax_loss.forward(full_layer.forward(h), target), REPEAT, cpu=True)
    t_binary = best_time(lambda: sigmoid_loss.forward(dot_layer.forward(h, target), ones), REPEAT, cpu=True)
print(f"V = {VOCAB_SIZE:,}: h @ W_out^T + softmax over V {t_multi * 1e3:.2f} ms, EmbeddingDot + sigmoid {t_binary * 1e3:.3f} ms, "
      f"ratio {t_multi / t_binary:.0f}x")

# %%
if VOCAB_SIZE >= 10_000:
    assert t_multi > 10 * t_binary, "the binary question should be at least 10x cheaper at V = 10k"
    print("check passed: one dot product is far cheaper than V of them plus a softmax")
else:
    print(f"not checked at V = {VOCAB_SIZE:,}: set VOCAB_SIZE to 10,000 or more to compare the two costs")

# %% [markdown]
# The binary version touches `BATCH` rows of `W_out` (fewer if targets repeat), whatever V is. That is the whole
# trick. The rest of this notebook builds the binary output layer piece by piece and checks each piece.
#
# ## 2. The sigmoid and binary cross-entropy
#
# The sigmoid (시그모이드) `σ(x) = 1 / (1 + e^(-x))` squashes a score into (0, 1): the probability of "yes". For a
# yes/no label `t` (1 = "this is the target", 0 = "it is not"), the loss is the binary cross-entropy
# (교차 엔트로피):
#
# $$L = -\bigl(t \log y + (1 - t) \log(1 - y)\bigr), \qquad y = \sigma(x).$$
#
# For t = 1 it is `-log σ(x)` (large when the score is very negative); for t = 0 it is `-log(1 - σ(x))`.

# %%
x = np.linspace(-6, 6, 241)
fig, ax = plt.subplots(figsize=(6.4, 4.0))
ax.plot(x, sigmoid(x), label="σ(x)")
ax.plot(x, -np.log(sigmoid(x)), label="loss if t = 1: −log σ(x)")
ax.plot(x, -np.log(1 - sigmoid(x)), label="loss if t = 0: −log(1 − σ(x))")
ax.set_xlabel("score x = W_out[idx] · h")
ax.set_ylabel("probability / loss")
ax.set_ylim(0, 4)
ax.set_title("Sigmoid and binary cross-entropy")
ax.legend(fontsize=9)
plt.show()

# %% [markdown]
# `SigmoidWithLoss` fuses both steps and averages over the batch. We compare it with the formula written out,
# and with what the book's `SigmoidWithLoss` does: it stacks the two class probabilities `[1 - y, y]` (which equal
# `softmax([0, x])`) and calls the ordinary `cross_entropy_error`.

# %%
scores = np.array([1.5, -2.5, 0.5, 3.0], dtype=np.float32)
labels = np.array([1, 0, 0, 1])
layer = SigmoidWithLoss()
loss = layer.forward(scores, labels)
y = sigmoid(scores.astype(np.float64))
by_formula = float(-np.mean(labels * np.log(y) + (1 - labels) * np.log(1 - y)))
as_two_classes = cross_entropy_error(np.c_[1 - y, y], labels)
print(f"y = σ(x)                   = {y}")
print(f"SigmoidWithLoss            = {loss:.4f}")
print(f"formula                    = {by_formula:.4f}")
print(f"two-class cross-entropy    = {as_two_classes:.4f}")
assert abs(loss - by_formula) < 1e-5 and abs(loss - as_two_classes) < 1e-4

# %% [markdown]
# ### Gradient checks
#
# The backward pass of sigmoid + cross-entropy is famously simple: `dL/dx = (y - t) / N`, the prediction minus the
# label (averaged over the N rows). The sigmoid alone has `dy/dx = y (1 - y)`. `w2vlib.numerical_gradient` nudges each
# input by ±ε and measures how the loss moves. The relative error between the two should be tiny.
#
# As in notebook 02, the checks run in **float64** (the layers follow their inputs' and parameters' dtype): with
# 16 digits a step ε = 10⁻⁶ is exact enough for a tolerance of `GRADCHECK_TOL` = 10⁻⁶. In float32 a step that small
# drowns in rounding; the cells after this check measure what float32 gives with that step and with larger ones.

# %%
def fmt_err(err):
    """A relative error for printing: its value, or "< 1e-8" for rounding noise (whose digits vary by machine)."""
    return f"{err:.1e}" if err >= 1e-8 else "< 1e-8"

rng = np.random.default_rng(SEED)
xs = rng.standard_normal(8)                            # float64
ts = rng.integers(0, 2, size=8)
G = rng.standard_normal(8)                             # an upstream gradient for the plain sigmoid

swl = SigmoidWithLoss()
swl.forward(xs, ts)
dx_swl = swl.backward()
num_swl = numerical_gradient(lambda: swl.forward(xs, ts), xs)
print(f"SigmoidWithLoss: (y - t)/N equals backward: {np.allclose(dx_swl, (sigmoid(xs) - ts) / len(xs), atol=1e-6)}; "
      f"relative error vs numerical {fmt_err(relative_error(dx_swl, num_swl))}")

sig = Sigmoid()
sig.forward(xs)
dx_sig = sig.backward(G)
num_sig = numerical_gradient(lambda: float(np.sum(sig.forward(xs) * G, dtype=np.float64)), xs)
print(f"Sigmoid:         relative error vs numerical {fmt_err(relative_error(dx_sig, num_sig))}")
assert relative_error(dx_swl, num_swl) < GRADCHECK_TOL and relative_error(dx_sig, num_sig) < GRADCHECK_TOL

# %% [markdown]
# What would the same check give in float32? A smaller step makes the rounding error larger; a larger step adds a
# truncation error (this loss is nonlinear). The next cell measures the relative error at five steps (the digits
# vary a little between CPUs, so the checked cell after it asserts only the properties).

# %% tags=["nbval-ignore-output"]
x32 = xs.astype(np.float32)                            # float32 inputs, the same labels
swl32 = SigmoidWithLoss()
err32 = {}
for eps in [1e-1, 1e-2, 1e-3, 1e-4, 1e-6]:
    err32[eps] = relative_error(dx_swl, numerical_gradient(lambda: swl32.forward(x32, ts), x32, eps=eps))
    print(f"float32, eps = {eps:g}: relative error {err32[eps]:.1e}")

# %%
assert err32[1e-2] < 1e-3, "in float32 the error at eps = 1e-2 should be below 0.1%"
assert err32[1e-6] > err32[1e-4] > err32[1e-2], "in float32 a smaller step should give a larger (rounding) error"
assert err32[1e-1] > 10 * err32[1e-2], "at eps = 1e-1 the truncation error should dominate"
print("check passed: in float32 the float64 step 1e-6 is worse than 1e-4, and 1e-4 is worse than 1e-2 (rounding); "
      "a step that is too large, 1e-1, is also worse (truncation); the error at 1e-2 is below 0.1%")

# %% [markdown]
# ## 3. EmbeddingDot: forward, backward, gradient check
#
# `EmbeddingDot.forward(h, idx)` returns `out[i] = W[idx[i]] · h[i]`. Its backward follows from the product rule:
#
# - `dh[i] = dout[i] * W[idx[i]]`: the hidden vector moves along the word's row,
# - `dW[idx[i]] += dout[i] * h[i]`: the word's row moves along the hidden vector (through the Embedding's
#   backward, which *accumulates* repeated ids: [notebook 02](02_embedding_layer.ipynb)).
#
# The graph below shows both paths: forward in black, backward in red.

# %%
plotting.draw_embedding_dot_graph()
plt.show()

# %% [markdown]
# We check both with a small float64 example that repeats an id, then check the whole chain
# EmbeddingDot → SigmoidWithLoss as one loss.

# %%
rng = np.random.default_rng(SEED)
W_toy = rng.standard_normal((V_TOY, H_TOY))               # float64 weights: a float64 layer
h_toy = rng.standard_normal((4, H_TOY))
idx_toy = np.array([0, 3, 0, V_TOY - 1])                  # id 0 twice
dout_toy = rng.standard_normal(4)

ed = EmbeddingDot(W_toy)
out = ed.forward(h_toy, idx_toy)
print(f"forward:  {out}")
print(f"by hand:  {np.sum(W_toy[idx_toy] * h_toy, axis=1)}")
f = lambda: float(np.sum(ed.forward(h_toy, idx_toy) * dout_toy, dtype=np.float64))
dh = ed.backward(dout_toy)
err_W = gradcheck(f, ed.params, ed.grads)
err_h = relative_error(dh, numerical_gradient(f, h_toy))
print(f"gradient check: dW relative error {fmt_err(err_W)}, dh relative error {fmt_err(err_h)}")
assert np.allclose(out, np.sum(W_toy[idx_toy] * h_toy, axis=1), atol=1e-12)
assert err_W < GRADCHECK_TOL and err_h < GRADCHECK_TOL

# %%
labels_toy = np.array([1, 0, 1, 0])
ed2, swl2 = EmbeddingDot(W_toy.copy()), SigmoidWithLoss()
chain = lambda: swl2.forward(ed2.forward(h_toy, idx_toy), labels_toy)
loss = chain()
dh = ed2.backward(swl2.backward())
err_W = gradcheck(chain, ed2.params, ed2.grads)
err_h = relative_error(dh, numerical_gradient(chain, h_toy))
print(f"EmbeddingDot -> SigmoidWithLoss: loss {loss:.4f}; dW error {fmt_err(err_W)}, dh error {fmt_err(err_h)}")
assert err_W < GRADCHECK_TOL and err_h < GRADCHECK_TOL

# %% [markdown]
# ## 4. Why "yes" alone is not enough
#
# With only positive examples (label 1, "this *is* the target"), the loss `-log σ(score)` has a cheap way out:
# make every score large. A model that answers "yes" to every word, target or not, gets a loss close to zero,
# and it has learned nothing. The binary classifier must also see words that are *not* the target (label 0), and
# be penalised when it says "yes" to them:

# %%
always_yes = np.full(BATCH, 10.0, dtype=np.float32)       # a score of 10 for every word: sigma = 0.99995
loss_pos = SigmoidWithLoss().forward(always_yes, np.ones(BATCH, dtype=np.int32))
loss_neg = SigmoidWithLoss().forward(always_yes, np.zeros(BATCH, dtype=np.int32))
print(f"'always yes' on positive examples: loss {loss_pos:.4f}   (looks perfect)")
print(f"'always yes' on negative examples: loss {loss_neg:.4f}  (caught)")
assert loss_pos < 1e-3 < 1 < loss_neg


# %% [markdown]
# Scoring *all* V − 1 wrong words would bring back the O(V) cost. The way out is to score only a **few**
# wrong words, sampled at random: negative sampling (네거티브 샘플링), the subject of notebook 04.
#
# ## Summary
#
# - The score of one word, `W_out[idx] · h`, is one of the V scores of the full output layer. For a batch,
#   `EmbeddingDot` computes only the target's entry of each row of the scores: an Embedding (임베딩) lookup plus a
#   row-wise dot product, at a cost independent of V. From notebook 03 on, `W_out` is stored (V, H), one row per
#   word, as in the book's chapter 4.
# - Softmax (소프트맥스) asks "which of V words?"; sigmoid (시그모이드) asks "this word, yes or no?". The binary
#   cross-entropy (교차 엔트로피) of `SigmoidWithLoss` is the cross-entropy of the two-class distribution `[1 − y, y]`
#   (which equals `softmax([0, x])`).
# - The gradient (기울기) of sigmoid + cross-entropy is `(y − t) / N`; `EmbeddingDot`'s backward sends
#   `dout · W[idx]` to h and `dout · h` (accumulated over repeats) to the rows of W.
# - Every layer passes a float64 numerical gradient check (relative error below 10⁻⁶); a wrong backward shows
#   errors many orders of magnitude larger (notebook 02's overwriting backward).
# - Positive examples alone are solved by answering "yes" to everything; negative examples are needed, and a
#   few sampled ones will do (notebook 04).
#
# ## Exercises
#
# Replace each `...` with your answer and run the cell: the check says `not attempted`, `not yet: <why>` or
# `correct`. `q1.hint()` gives a nudge, `q1.solution()` the reference solution.
#
# 1. **Fix the bugs in the study notes' `EmbeddingDot`.** `w2vlib.notes` keeps the notes' code exactly as they
#    wrote it; the cell below prints it. Their `EmbeddingDot` relies on their own `Embedding`, and together they hold
#    **three** bugs; the check points at each in turn. The notes only *define* these classes; they
#    never call them, which is why none of the bugs showed there. `q1.check(notes.EmbeddingDot)` runs five checks
#    and reports the first that fails. Copy both classes into the stub cell (as `MyEmbedding` and
#    `MyEmbeddingDot`), fix the line that the failing check points at, check again, and repeat until all checks
#    pass. (The notes' `NegativeSamplingLoss` holds a fourth typo, `self.grad` for `self.grads`. If it crept into
#    an `EmbeddingDot`, check 3 would catch it. Notebook 04 shows what it breaks there.)
# 2. **Binary cross-entropy by hand.** What is the loss of `SigmoidWithLoss` for a score of 0 with label 1? Give it
#    to at least 2 decimals in `answer_2`.
# 3. **The gradient by hand.** For scores `[2, -1]` with labels `[1, 0]`, write down `dL/dx` (use `sigmoid(...)`
#    for the two values of σ), to at least 2 decimals, as `answer_3`.

# %%
print(notes.source("Embedding"))
print(notes.source("EmbeddingDot"))
q1.check(notes.EmbeddingDot)      # the notes' version, as written: where does it fail first?


# %%
class MyEmbedding:
    ...                           # copy the notes' Embedding here, then fix it


class MyEmbeddingDot:
    ...                           # copy the notes' EmbeddingDot here (using MyEmbedding), then fix it


q1.check(MyEmbeddingDot)
# q1.hint()
# q1.solution()

# %%
answer_2 = ...                    # the loss, to at least 2 decimals
q2.check(answer_2)
# q2.hint()
# q2.solution()

# %%
answer_3 = ...                    # dL/dx for the two scores, to at least 2 decimals
q3.check(answer_3)
# q3.hint()
# q3.solution()

# %% [markdown]
# **Sources** (checked for this notebook): *Deep Learning from Scratch 2* (oreilly-japan/deep-learning-from-scratch-2:
# `ch03/simple_cbow.py`, `W_out` (H, V); `ch04/cbow.py`, `W_out` (V, H); `common/layers.py` `SigmoidWithLoss`, the
# two-class cross-entropy and `(y - t) / N`; `ch04/negative_sampling_layer.py` `EmbeddingDot`); the study notes
# (`w2vlib/notes.py`).
#
# [Next: 04 Negative sampling](04_negative_sampling.ipynb)
