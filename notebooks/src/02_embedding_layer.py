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
# # 02. The Embedding layer: a row lookup, and a backward that must add
#
# [Notebook 01](01_one_hot_bottleneck.ipynb) measured that `one_hot @ W_in` gives exactly the rows `W_in[ids]`,
# thousands of times more slowly. The **Embedding** layer (임베딩 계층) keeps only the lookup. Its forward pass is one
# line. Its backward pass is where the study notes of this chapter went wrong at first, and where many
# implementations still go wrong: a word that appears twice in a batch must get *both* of its gradients.
#
# **You will learn**
# - that `Embedding.forward(idx)` is `W[idx]`, equal to the one-hot product
# - why backward must *accumulate* repeated ids, and how a gradient check catches the overwriting version
# - why `dW[idx] += dout` and `W[idx] -= lr * d` silently drop repeats, while a loop and `np.add.at` do not
# - why the notes' `dW[...] = 0` is right and `dW = np.zeros_like(dW)` would be wrong
# - how a Python loop, `np.add.at` and a scipy sparse-matrix product compare in speed (measured)

# %%
# %matplotlib inline

import matplotlib.pyplot as plt
import numpy as np
import scipy.sparse

import w2vlib
from w2vlib import Embedding, convert_one_hot, gradcheck

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time  # best of a few repeats, each long enough to measure

# %% [markdown]
# ### Knobs: change these and re-run

# %%
SEED = 0                              # seed for every random draw in this notebook
V_TOY = 6                             # rows (vocabulary size) of the toy weight matrix
H_TOY = 3                             # columns (hidden size) of the toy weight matrix
IDS = [0, 2, 0, 4]                    # a batch of word ids < V_TOY; keep at least one repeat (the notes' example)
SCATTER_V = 10_000                    # vocabulary size for the timing runs (PTB's)
SCATTER_H = 100                       # hidden size for the timing runs
SCATTER_ROWS = [100, 1_000, 10_000]   # ids per backward to time (batch size x context words), increasing
REPEAT = 3                            # timing: best of this many runs

# %% [markdown]
# ## 1. Forward: a row lookup
#
# A weight matrix whose entries show their own position makes the lookup easy to read: row `i` starts at `i * H`.

# %%
W = np.arange(V_TOY * H_TOY, dtype=np.float32).reshape(V_TOY, H_TOY)
idx = np.array(IDS)
layer = Embedding(W)
out = layer.forward(idx)
print("W =")
print(W)
print(f"forward({IDS}) =")
print(out)
same = np.array_equal(out, convert_one_hot(idx, V_TOY) @ W)
print(f"equal to one_hot(idx) @ W: {same}")
print(f"the layer keeps W itself, not a copy: {layer.params[0] is W}")
assert same


# %% [markdown]
# A repeated id simply returns the same row twice. Nothing to get wrong so far.
#
# ## 2. Backward with repeated ids
#
# Say the layers above send back a gradient `dout` with one row per looked-up id. Row `k` of `dout` belongs to row
# `idx[k]` of `W`. Because id 0 was looked up *twice* (positions 0 and 2), **both** rows 0 and 2 of `dout` flow into
# `dW[0]`: the gradient of a sum is the sum of the gradients. With `dout` rows of 1s, 10s, 100s and 1000s it is easy
# to see which rows arrived.
#
# Here are three backward passes, written as small subclasses of the package layer that change only `backward`:
# the study notes' first version (`dW[idx] = dout`, later commented out), the notes' loop, and `np.add.at`. The
# package's own `Embedding.backward` is the reference.

# %%
class OverwritingEmbedding(Embedding):
    """The notes' first backward: dW[idx] = dout. A repeated id keeps only one of its rows."""
    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        dW[self.idx] = dout
        return None


class LoopEmbedding(Embedding):
    """The notes' fix: add each row of dout to its row of dW, one at a time."""
    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        for i, word_id in enumerate(self.idx):
            dW[word_id] += dout[i]
        return None


class AddAtEmbedding(Embedding):
    """The same with np.add.at, the unbuffered add that honours repeated indices."""
    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        np.add.at(dW, self.idx, dout)
        return None


# %%
dout = (10.0 ** np.arange(len(IDS)))[:, None] * np.ones((1, H_TOY))
dout = dout.astype(np.float32)
print("dout =")
print(dout)
grads = {}
for cls in [OverwritingEmbedding, LoopEmbedding, AddAtEmbedding, Embedding]:
    lay = cls(W.copy())
    lay.forward(idx)
    lay.backward(dout)
    grads[cls.__name__] = lay.grads[0].copy()
    print(f"{cls.__name__:21s} dW[{IDS[0]}] = {lay.grads[0][IDS[0]]}")

# %%
reference = grads["Embedding"]
for name in ["LoopEmbedding", "AddAtEmbedding"]:
    assert np.array_equal(grads[name], reference), name
has_repeat = len(set(IDS)) < len(IDS)
assert np.array_equal(grads["OverwritingEmbedding"], reference) != has_repeat
print("check passed: the loop and np.add.at agree with w2vlib.Embedding; the overwriting version does not")

# %% [markdown]
# The overwriting version reports 100 for `dW[0]`: the gradient from position 0 (the 1s) was lost, because the
# second write to row 0 replaced the first. Nothing crashes and the shapes are right. Only the numbers are wrong,
# which is the worst kind of bug. A **gradient check** catches it.
#
# ## 3. The gradient check that exposes the overwrite
#
# `w2vlib.gradcheck` compares the analytic gradient (from `backward`) with a numerical one from centred
# differences: nudge each weight by ±ε, re-run the forward pass, and see how the loss moves. As the loss we use
# `sum(forward(idx) * G)` for a fixed random `G`, so the upstream gradient is exactly `G`. A relative error near 0
# means "correct". An error of order 0.1 to 1 means the backward pass is wrong.

# %%
rng = np.random.default_rng(SEED)
W_rand = rng.standard_normal((V_TOY, H_TOY)).astype(np.float32)
G = rng.standard_normal((len(IDS), H_TOY)).astype(np.float32)   # a fixed upstream gradient

def gradient_error(cls):
    """Relative error between cls's backward and the numerical gradient of sum(forward(idx) * G)."""
    lay = cls(W_rand.copy())
    loss = lambda: float(np.sum(lay.forward(idx) * G, dtype=np.float64))
    loss()
    lay.backward(G)
    return gradcheck(loss, lay.params, lay.grads)

errors = {cls.__name__: gradient_error(cls) for cls in [OverwritingEmbedding, LoopEmbedding, AddAtEmbedding, Embedding]}
for name, err in errors.items():
    print(f"{name:21s} relative error {err:.4f}")

# %%
if has_repeat:
    assert errors["OverwritingEmbedding"] > 0.1, "the overwrite should be caught"
for name in ["LoopEmbedding", "AddAtEmbedding", "Embedding"]:
    assert errors[name] < 1e-2, name
print("check passed: the gradient check flags the overwrite and passes the accumulating versions")

# %% [markdown]
# ## 4. Two pitfalls that look harmless
#
# **`dW[idx] += dout` does not accumulate either.** Fancy-indexed `+=` is shorthand for
# `dW[idx] = dW[idx] + dout`: numpy *gathers* the rows, adds, and *writes* them back, so a repeated id is written
# twice and the last write wins, just like the overwrite. The same happens to a sparse SGD update
# `W[idx] -= lr * d`. `np.add.at(W, idx, d)` (or a loop) is the fix.

# %%
buffered = np.zeros((V_TOY, H_TOY), dtype=np.float32)
buffered[idx] += dout                       # looks like accumulation, is not
unbuffered = np.zeros((V_TOY, H_TOY), dtype=np.float32)
np.add.at(unbuffered, idx, dout)            # really accumulates
print(f"dW[idx] += dout      -> row {IDS[0]}: {buffered[IDS[0]]}")
print(f"np.add.at(dW, ...)   -> row {IDS[0]}: {unbuffered[IDS[0]]}")
assert np.array_equal(unbuffered, reference)

# %% [markdown]
# **`dW[...] = 0`, not `dW = np.zeros_like(dW)`.** The notes wonder whether `np.zeros` would do the same as
# `dW[...] = 0`. It would not. `dW, = self.grads` gives a *name* for the array inside the layer's `grads` list.
# `dW[...] = 0` writes zeros into that array. `dW = np.zeros_like(dW)` makes a *new* array and points the local name
# at it, so the layer's `grads` (which the optimiser reads) never sees the result.

# %%
lay = Embedding(W.copy())
dW, = lay.grads
dW = np.zeros_like(dW)        # rebinds the local name only
dW[0] = 123.0
print(f"after dW = np.zeros_like(dW): lay.grads[0][0] = {lay.grads[0][0]}  (unchanged)")
dW, = lay.grads
dW[...] = 0                   # writes into the layer's own array
dW[0] = 123.0
print(f"after dW[...] = 0:            lay.grads[0][0] = {lay.grads[0][0]}")


# %% [markdown]
# ## 5. How fast is accumulation? Loop vs `np.add.at` vs a sparse matrix
#
# Three ways to turn `ids` (n of them) and `dout` (n × H) into a fresh `dW` (V × H):
#
# 1. **loop**: the notes' `for` loop, one Python iteration per id;
# 2. **`np.add.at`**: one numpy call;
# 3. **sparse scatter**: build the V × n matrix `S` with a 1 at `(ids[k], k)` and compute `S @ dout` with scipy.
#    `S` is exactly the transposed one-hot matrix of notebook 01, so `S @ dout` is what the one-hot layer's
#    backward (`one_hotᵀ @ dout`) computes. Stored sparsely, it holds only n ones instead of V × n numbers.
#
# Real batches repeat frequent words, so the ids are drawn from a Zipf-like distribution (probability ∝ 1/rank).
# A fourth line times the package's `Embedding.backward`. It uses `np.add.at`, but it clears only the rows written
# by the previous call rather than all V rows.

# %%
def scatter_loop(ids, dout, V):
    dW = np.zeros((V, dout.shape[1]), dtype=dout.dtype)
    for k, word_id in enumerate(ids):
        dW[word_id] += dout[k]
    return dW


def scatter_add_at(ids, dout, V):
    dW = np.zeros((V, dout.shape[1]), dtype=dout.dtype)
    np.add.at(dW, ids, dout)
    return dW


def scatter_sparse(ids, dout, V):
    n = len(ids)
    S = scipy.sparse.csr_matrix((np.ones(n, dtype=dout.dtype), (ids, np.arange(n))), shape=(V, n))
    return S @ dout                     # row v = sum of the dout rows whose id is v


SCATTERS = {"loop": scatter_loop, "np.add.at": scatter_add_at, "sparse S @ dout": scatter_sparse}

# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
zipf_p = 1.0 / np.arange(1, SCATTER_V + 1)
zipf_p /= zipf_p.sum()
W_big = (0.01 * rng.standard_normal((SCATTER_V, SCATTER_H))).astype(np.float32)
timings, agree = {name: [] for name in [*SCATTERS, "w2vlib Embedding.backward"]}, []
for n in SCATTER_ROWS:
    ids = rng.choice(SCATTER_V, size=n, p=zipf_p)
    dout_big = rng.standard_normal((n, SCATTER_H)).astype(np.float32)
    results = [fn(ids, dout_big, SCATTER_V) for fn in SCATTERS.values()]
    agree.append(all(np.allclose(r, results[0], atol=1e-4) for r in results))
    for name, fn in SCATTERS.items():
        timings[name].append(best_time(lambda: fn(ids, dout_big, SCATTER_V), REPEAT))
    emb = Embedding(W_big)
    emb.forward(ids)
    emb.backward(dout_big)
    agree[-1] &= bool(np.allclose(emb.grads[0], results[0], atol=1e-4))
    timings["w2vlib Embedding.backward"].append(best_time(lambda: emb.backward(dout_big), REPEAT))

print(f"{'ids per backward':>24s}" + "".join(f"{n:>10,d}" for n in SCATTER_ROWS))
for name, ts in timings.items():
    print(f"{name:>24s}" + "".join(f"{t * 1e3:>8.3f}ms" for t in ts))
for name in ["np.add.at", "sparse S @ dout"]:
    ratios = [a / b for a, b in zip(timings["loop"], timings[name])]
    print(f"{'loop / ' + name:>24s}" + "".join(f"{r:>9.1f}x" for r in ratios))

# %%
assert all(agree), "all scatter methods must give the same dW"
t_loop, t_sparse = np.array(timings["loop"]), np.array(timings["sparse S @ dout"])
big = np.array(SCATTER_ROWS) >= 1_000
assert np.all(t_sparse[big] * 2 < t_loop[big]), "from 1,000 ids up, the sparse product should beat the loop by 2x"
if SCATTER_ROWS[-1] >= 100 * SCATTER_ROWS[0]:
    assert t_loop[-1] > 5 * t_loop[0], "the loop's cost should grow with the number of ids"
print("check passed: all methods agree; the sparse scatter beats the loop clearly for 1,000+ ids")

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(6.4, 4.0))
for (name, ts), marker in zip(timings.items(), "os^D"):
    ax.plot(SCATTER_ROWS, np.array(ts) * 1e3, marker + "-", label=name)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("ids per backward (batch × context words)")
ax.set_ylabel("time per backward (ms)")
ax.set_title(f"Accumulating dW (V = {SCATTER_V:,}, H = {SCATTER_H})")
ax.legend(fontsize=9)
plt.show()


# %% [markdown]
# How to read the table and the plot:
#
# - The **loop** costs one Python iteration per id, so its time grows in proportion to the number of ids.
# - **`np.add.at`** is one line and always correct. Do not assume it is fast, though. On recent numpy it is fast for
#   1-D arrays but scatters 2-D rows at roughly the loop's speed (compare the two lines on your machine). Older
#   numpy (before 1.25) was much slower still.
# - The **sparse product** has a fixed start-up cost (building `S`, allocating a V × H result), so for a few ids it
#   is no better, but from about a thousand ids up it is several times faster than both. That is the size of a real
#   word2vec batch (100 targets × 10 context words).
# - The package's `Embedding.backward` keeps the book's dense `dW` and clears only the rows it wrote last time
#   (no O(V) clear), but it accumulates with `np.add.at`, so it costs about what `np.add.at` costs, plus a little
#   bookkeeping. The layers favour the book's readable shape. The fused trainer of notebook 05 uses the sparse
#   product.
#
# All of them agree to float32 precision (checked above), so the choice is purely about speed.
#
# ## Summary
#
# - The Embedding layer (임베딩 계층) replaces `one_hot @ W` by the row lookup `W[idx]`. Same numbers, no one-hot
#   (원-핫) vectors, cost independent of the vocabulary (어휘) size.
# - Backward must **accumulate**: a word id that appears k times in the batch receives the sum of its k gradient
#   (기울기) rows. `dW[idx] = dout` and `dW[idx] += dout` both silently keep only one.
# - A gradient check (numerical vs analytic gradient) catches the overwrite: relative error of order 0.1 instead of
#   about 0.
# - `dW[...] = 0` writes into the layer's gradient array; `dW = np.zeros_like(dW)` only rebinds a local name.
# - Loop, `np.add.at` and a sparse-matrix product (`Sᵀ` = the one-hot matrix, stored sparsely) all give the same
#   `dW`; the sparse product is the fastest for batch-sized inputs.
#
# ## Exercises
#
# 1. **Predict the gradient.** With `ids = [3, 3, 3]` and `dout` rows `[1, 1]`, `[2, 2]`, `[4, 4]`, what is row 3
#    of `dW`? And what would the overwriting backward give? Store both in `answer_1 = (correct_row, overwritten_row)`.
# 2. **Write the backward.** Complete `MyEmbedding.backward` so that it accumulates repeated ids (any correct way).
#    The self-check runs a gradient check on a batch full of repeats and compares with `w2vlib.Embedding`.
# 3. **Measure the crossover.** Time `scatter_loop` and `scatter_sparse` for 30 ids and for 3,000 ids
#    (V = `SCATTER_V`). By how much does the loop/sparse speed ratio change? The self-check asserts only that the
#    sparse product gains ground as the batch grows.

# %%
def check_exercise_1(answer):
    correct, overwritten = (np.asarray(a, dtype=float) for a in answer)
    ok = np.allclose(correct, [7, 7]) and np.allclose(overwritten, [4, 4])
    print("correct" if ok else "not yet: the sum of the three rows, and which single row survives an overwrite")
    return ok

answer_1 = ([7, 7], [4, 4])       # reference answer: replace with yours
assert check_exercise_1(answer_1)


# %%
def check_exercise_2(cls):
    rng = np.random.default_rng(2)
    W0 = rng.standard_normal((5, 3)).astype(np.float32)
    ids = np.array([1, 1, 4, 1, 0, 4])
    G2 = rng.standard_normal((len(ids), 3)).astype(np.float32)
    mine, ref = cls(W0.copy()), Embedding(W0.copy())
    for lay in (mine, ref):
        lay.forward(ids)
        lay.backward(G2)
    if not np.allclose(mine.grads[0], ref.grads[0], atol=1e-5):
        print("not yet: dW differs from w2vlib.Embedding (are repeated ids added up? is dW cleared first?)")
        return False
    loss = lambda: float(np.sum(mine.forward(ids) * G2, dtype=np.float64))
    err = gradcheck(loss, mine.params, mine.grads)
    print("correct" if err < 1e-2 else f"not yet: gradient check error {err:.3f}")
    return err < 1e-2


class MyEmbedding(Embedding):
    def backward(self, dout):          # reference solution: replace with yours
        dW, = self.grads
        dW[...] = 0
        np.add.at(dW, self.idx, dout)
        return None

assert check_exercise_2(MyEmbedding)

# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
speedup = {}
for n in [30, 3_000]:
    ids = rng.choice(SCATTER_V, size=n, p=zipf_p)
    d = rng.standard_normal((n, SCATTER_H)).astype(np.float32)
    speedup[n] = best_time(lambda: scatter_loop(ids, d, SCATTER_V)) / best_time(lambda: scatter_sparse(ids, d, SCATTER_V))
    print(f"{n:>6,d} ids: loop / sparse = {speedup[n]:.1f}x")

# %%
assert speedup[3_000] > 1.5 * speedup[30], "the sparse product should gain ground as the batch grows"
print("check passed: the sparse product gains ground as the batch grows")

# %% [markdown]
# [Next: 03 From softmax to a yes/no question: EmbeddingDot](03_embedding_dot.ipynb)
