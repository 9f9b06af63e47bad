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
# Book: *Deep Learning from Scratch 2*, sections 4.1.1–4.1.2
#
# [Notebook 01](01_one_hot_bottleneck.ipynb) measured that `one_hot @ W_in` gives exactly the rows `W_in[ids]`,
# only far more slowly, and ever more slowly as the vocabulary grows. The **Embedding** layer (임베딩 계층) keeps
# only the lookup. Its forward pass is one line. Its backward pass is where the study notes (introduced in notebook
# 01) went wrong at first, and it is an easy place to go wrong: a word that appears twice in a batch must get
# *both* of its gradients. Even NumPy's natural `dW[idx] += dout` loses the gradient of a repeated id (section 4).
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
import w2vlib.exercises
from w2vlib import Embedding, convert_one_hot, gradcheck, notes, plotting
from w2vlib.gradcheck import GRADCHECK_TOL
from w2vlib.text import pad              # alignment by display width (Hangul takes two columns)

q1, q2, q3 = w2vlib.exercises.load("02")   # the self-checking exercises at the end

plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)

from w2vlib.timing import best_time, one_thread  # best of a few repeats, each long enough to measure

# %% [markdown]
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0                              # seed for every random draw in this notebook
V_TOY = 6                             # rows (vocabulary size) of the toy weight matrix
H_TOY = 3                             # columns (hidden size) of the toy weight matrix
IDS = [0, 2, 0, 4]                    # a batch of word ids < V_TOY; keep at least one repeat (the notes' example)
SCATTER_V = 10_000                    # vocabulary size for the timing runs (PTB's)
SCATTER_H = 100                       # hidden size for the timing runs
SCATTER_ROWS = [100, 1_000, 10_000]   # ids per backward to time (batch size x context words), increasing
SLOPE_VS = [1_000, 10_000, 100_000]   # exercise 3: vocabulary sizes for the backward-cost slopes (increasing)
REPEAT = 3                            # timing: best of this many runs

# %% [markdown]
# ## 1. Forward: a row lookup
#
# The layer's computational graph: word ids go in, the rows of `W` with those ids come out. On the way back
# (red), the gradient `dout` of those rows is added into `dW`, one row per id. The graph shows the package's
# `Embedding.backward`, including what it clears before adding (exercise 3 asks you to read it line by line).

# %%
plotting.draw_embedding_graph()
plt.show()

# %% [markdown]
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
# `idx[k]` of `W`. When an id is looked up twice, **both** of its rows of `dout` flow into its row of `dW`: the
# gradient of a sum is the sum of the gradients. Row `k` of our `dout` is filled with 10^k (1s, 10s, 100s, …), so
# the digits of `dW` show which rows arrived.

# %%
repeated = [i for i in dict.fromkeys(IDS) if IDS.count(i) > 1]
if repeated:
    rep_id = repeated[0]
    where = [k for k, i in enumerate(IDS) if i == rep_id]
    print(f"IDS = {IDS}: id {rep_id} is looked up at positions {where}, "
          f"so rows {where} of dout must all be added into dW[{rep_id}]")
else:
    rep_id = IDS[0]
    print(f"IDS = {IDS} has no repeated id: every backward below agrees. Put an id in twice to see the bug.")

# %% [markdown]
# Here are three backward passes that change only `backward` of the package layer: the study notes' first version
# (`dW[idx] = dout`, later commented out there), the notes' loop, and `np.add.at`. The notes' two versions live in
# `w2vlib.notes`, as the notes wrote them; the package's own `Embedding.backward` is the reference.

# %%
print(notes.source("OverwritingEmbedding"))
OverwritingEmbedding, LoopEmbedding = notes.OverwritingEmbedding, notes.LoopEmbedding


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
    print(f"{cls.__name__:21s} dW[{rep_id}] = {lay.grads[0][rep_id]}")

# %%
reference = grads["Embedding"]
for name in ["LoopEmbedding", "AddAtEmbedding"]:
    assert np.array_equal(grads[name], reference), name
has_repeat = len(set(IDS)) < len(IDS)
assert np.array_equal(grads["OverwritingEmbedding"], reference) != has_repeat
print("check passed: the loop and np.add.at agree with w2vlib.Embedding; the overwriting version does not")

# %%
if has_repeat:
    survivor = max(where)
    print(f"The overwriting version keeps only the row of position {survivor} (the {10 ** survivor:,}s) in "
          f"dW[{rep_id}]: on this numpy each later write to row {rep_id} replaced the earlier ones "
          "(NumPy does not promise which write survives for a repeated index).")

# %% [markdown]
# Nothing crashes and the shapes are right. Only the numbers are wrong, which is the worst kind of bug. A
# **gradient check** catches it.
#
# ## 3. The gradient check that exposes the overwrite
#
# `w2vlib.gradcheck` compares the analytic gradient (from `backward`) with a numerical one from centred
# differences: nudge each weight by ±ε, re-run the forward pass, and see how the loss moves. As the loss we use
# `sum(forward(idx) * G)` for a fixed random `G`, so the upstream gradient is exactly `G`. A relative error near 0
# means "correct". An error of order 0.1 to 1 means the backward pass is wrong.
#
# We check in **float64**. The layers follow their parameters' dtype, so float64 weights give a float64 forward
# and backward. Its 16 digits allow a tiny step (ε = 10⁻⁶) and a tight tolerance (`GRADCHECK_TOL`, 10⁻⁶) on the
# relative error of the whole gradient, ‖a − n‖ / (‖a‖ + ‖n‖) for the analytic gradient a and the numerical n
# (0 when they agree, about 1 when they are unrelated, never above 1). Others choose differently: CS224n's `gradcheck_naive` (assignment 2) steps
# by h = 10⁻⁴ and fails an entry whose difference, relative to max(1, |numerical|, |analytic|), exceeds 10⁻⁵; the
# first book's `numerical_gradient` steps by h = 10⁻⁴ (its `gradient_check` prints the mean absolute difference,
# with no threshold); PyTorch's `gradcheck` steps by eps = 10⁻⁶ and accepts `|a − n| ≤ atol + rtol·|n|` with
# atol = 10⁻⁵ and rtol = 10⁻³, and its documentation asks for double precision. Training stays in float32, for
# speed.

# %%
rng = np.random.default_rng(SEED)
W_rand = rng.standard_normal((V_TOY, H_TOY))                     # float64
G = rng.standard_normal((len(IDS), H_TOY))                       # a fixed upstream gradient, float64

def fmt_err(err):
    """A relative error for printing: its value, or "< 1e-8" for rounding noise (whose digits vary by machine)."""
    return f"{err:.1e}" if err >= 1e-8 else "< 1e-8"

def gradient_error(cls, W, eps=None):
    """Relative error between cls's backward and the numerical gradient of sum(forward(idx) * G)."""
    lay = cls(W.copy())
    loss = lambda: float(np.sum(lay.forward(idx) * G, dtype=np.float64))
    loss()
    lay.backward(G.astype(W.dtype))
    return gradcheck(loss, lay.params, lay.grads, eps=eps)

errors = {cls.__name__: gradient_error(cls, W_rand) for cls in [OverwritingEmbedding, LoopEmbedding, AddAtEmbedding, Embedding]}
for name, err in errors.items():
    print(f"{name:21s} relative error {fmt_err(err)}")

# %%
if has_repeat:
    assert errors["OverwritingEmbedding"] > 0.1, "the overwrite should be caught"
for name in ["LoopEmbedding", "AddAtEmbedding", "Embedding"]:
    assert errors[name] < GRADCHECK_TOL, name
print(f"check passed: in float64 the accumulating versions agree within {GRADCHECK_TOL:g}"
      + ("; the overwrite is flagged" if has_repeat else ""))

# %% [markdown]
# **Why not float32?** A float32 number near 1 has neighbours about 10⁻⁷ away, so a step of 10⁻⁶ moves the weight
# by only a few representable values. Rounding `W ± ε` to float32 therefore changes the step actually taken by up to
# several percent, and the difference quotient is off at the percent level: far above the tolerance (the loss itself
# is summed in float64 here). The same
# check on float32 weights, with the float64 step and with the large step float32 needs:

# %%
W32 = W_rand.astype(np.float32)
err32_small, err32_large = gradient_error(Embedding, W32, eps=1e-6), gradient_error(Embedding, W32, eps=1e-2)
print(f"correct Embedding, float32 weights: eps = 1e-6 -> relative error {err32_small:.1e}; "
      f"eps = 1e-2 -> {err32_large:.1e}")
assert err32_small > GRADCHECK_TOL and err32_small > err32_large
large_verdict = "passes it" if err32_large < GRADCHECK_TOL else "still fails it"
print(f"check passed: in float32 the small step fails the tolerance ({GRADCHECK_TOL:g}); the large step {large_verdict}")

# %% [markdown]
# Here the large step costs nothing, because this test loss `sum(forward(idx) * G)` is *linear* in `W`: a central
# difference of a linear function has no truncation error at any step, so only rounding is left. With a real
# (nonlinear) loss a large step adds a truncation error of order ε², which is why checks are done in float64 with
# a small step (notebook 03 measures float32 steps on a nonlinear loss).

# %% [markdown]
# ## 4. Two pitfalls that look harmless
#
# **`dW[idx] += dout` does not accumulate either.** Fancy-indexed `+=` is shorthand for
# `dW[idx] = dW[idx] + dout`: numpy *gathers* the rows, adds, and *writes* them back, so a repeated id is written
# twice and only one write survives (here the last; NumPy does not promise which), just like the
# overwrite. The same happens to a sparse SGD update
# `W[idx] -= lr * d`. `np.add.at(W, idx, d)` (or a loop) is the fix.

# %%
buffered = np.zeros((V_TOY, H_TOY), dtype=np.float32)
buffered[idx] += dout                       # looks like accumulation, is not
unbuffered = np.zeros((V_TOY, H_TOY), dtype=np.float32)
np.add.at(unbuffered, idx, dout)            # really accumulates
print(f"dW[idx] += dout      -> row {rep_id}: {buffered[rep_id]}")
print(f"np.add.at(dW, ...)   -> row {rep_id}: {unbuffered[rep_id]}")
assert np.array_equal(unbuffered, reference)
assert np.array_equal(buffered, reference) != has_repeat

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
# Three ways to turn `ids` (n of them) and `dout` (n × H) into `dW` (V × H):
#
# 1. **loop**: the notes' `for` loop, one Python iteration per id;
# 2. **`np.add.at`**: one numpy call;
# 3. **sparse scatter**: build the V × n matrix `S` with a 1 at `(ids[k], k)` and compute `S @ dout` with scipy.
#    `S` is exactly the transposed one-hot matrix of notebook 01, so `S @ dout` is what the one-hot layer's
#    backward (`one_hotᵀ @ dout`) computes. Stored sparsely, it holds only n ones instead of V × n numbers.
#
# Real batches repeat frequent words, so the ids are drawn from a Zipf-like distribution (probability ∝ 1/rank).
# Each method fills one preallocated `dW` completely, so they are compared like for like: the loop and `np.add.at`
# clear it first (`dW[...] = 0`, as the book's layers do), and the sparse product overwrites it with its result. A fourth line times the package's `Embedding.backward`, which also uses `np.add.at`.
# Every method runs on one BLAS thread and is timed in CPU time, in three rounds (every other round in reverse order);
# the table shows the median round, and the `run-to-run spread` row shows how much the rounds differ (slowest /
# fastest), so you can see how much of the table is noise. Under the table, one line per book-sized batch says which
# method is faster there.

# %%
def scatter_loop(ids, dout, dW):
    dW[...] = 0                         # clear first, as the book's layers do
    for k, word_id in enumerate(ids):
        dW[word_id] += dout[k]
    return dW


def scatter_add_at(ids, dout, dW):
    dW[...] = 0
    np.add.at(dW, ids, dout)
    return dW


def scatter_sparse(ids, dout, dW):
    n = len(ids)
    S = scipy.sparse.csr_matrix((np.ones(n, dtype=dout.dtype), (ids, np.arange(n))), shape=(dW.shape[0], n))
    dW[...] = S @ dout                  # row v = sum of the dout rows whose id is v
    return dW


SCATTERS = {"loop": scatter_loop, "np.add.at": scatter_add_at, "sparse S @ dout": scatter_sparse}

# %% tags=["nbval-ignore-output"]
rng = np.random.default_rng(SEED)
zipf_p = 1.0 / np.arange(1, SCATTER_V + 1)
zipf_p /= zipf_p.sum()
W_big = (0.01 * rng.standard_normal((SCATTER_V, SCATTER_H))).astype(np.float32)
timings, agree = {name: [] for name in [*SCATTERS, "w2vlib Embedding.backward"]}, []
LABELS = {"loop": "loop", "np.add.at": "np.add.at", "sparse S @ dout": "sparse S @ dout",
          "w2vlib Embedding.backward": "w2vlib Embedding.backward"}        # names in the table and the plot
spread = []                             # slowest / fastest of the three rounds, worst method
with one_thread():                      # every method on one BLAS thread, CPU time of this process
    for n in SCATTER_ROWS:
        ids = rng.choice(SCATTER_V, size=n, p=zipf_p)
        dout_big = rng.standard_normal((n, SCATTER_H)).astype(np.float32)
        dW_big = np.empty_like(W_big)   # one preallocated dW, cleared by each method (like for like)
        results = [fn(ids, dout_big, dW_big).copy() for fn in SCATTERS.values()]   # also a warm-up
        agree.append(all(np.allclose(r, results[0], atol=1e-4) for r in results))
        emb = Embedding(W_big)
        emb.forward(ids)
        emb.backward(dout_big)
        agree[-1] &= bool(np.allclose(emb.grads[0], results[0], atol=1e-4))
        fns = {**{name: (lambda fn=fn: fn(ids, dout_big, dW_big)) for name, fn in SCATTERS.items()},
               "w2vlib Embedding.backward": lambda: emb.backward(dout_big)}
        rounds = [{name: best_time(fns[name], REPEAT, cpu=True) for name in (list(fns) if r % 2 == 0 else list(fns)[::-1])}
                  for r in range(3)]    # three rounds; every other round times the methods in reverse order
        for name in fns:
            timings[name].append(float(np.median([r[name] for r in rounds])))   # the median of the three rounds
        spread.append(max(max(r[name] for r in rounds) / min(r[name] for r in rounds) for name in fns))

print(f"{pad('ids per backward', 28, '>')}" + "".join(f"{n:>10,d}" for n in SCATTER_ROWS))
for name, ts in timings.items():
    print(f"{pad(LABELS[name], 28, '>')}" + "".join(f"{t * 1e3:>8.3f}ms" for t in ts))
for name in ["np.add.at", "sparse S @ dout"]:
    ratios = [a / b for a, b in zip(timings["loop"], timings[name])]
    print(f"{pad('loop / ' + name, 28, '>')}" + "".join(f"{r:>9.1f}x" for r in ratios))
ratios = [a / b for a, b in zip(timings["w2vlib Embedding.backward"], timings["np.add.at"])]
print(f"{pad('w2vlib / np.add.at', 28, '>')}" + "".join(f"{r:>9.1f}x" for r in ratios))
print(f"{pad('run-to-run spread (max)', 28, '>')}" + "".join(f"{r:>9.1f}x" for r in spread))
for n_book, what in [(100, "one of the book's 10 Embedding layers (batch 100)"), (1_000, "a fused input layer (100 x 10)")]:
    if n_book in SCATTER_ROWS:
        i = SCATTER_ROWS.index(n_book)
        r_sparse = timings["np.add.at"][i] / timings["sparse S @ dout"][i]
        r_pkg = timings["w2vlib Embedding.backward"][i] / timings["np.add.at"][i]
        print(f"{n_book:,} ids = {what}:\n"
              f"    np.add.at / sparse = {r_sparse:.1f}x -> "
              f"{'the sparse product is faster' if r_sparse > 1.1 else 'np.add.at is faster' if r_sparse < 0.9 else 'about the same'}; "
              f"w2vlib / np.add.at = {r_pkg:.1f}x -> "
              f"{'np.add.at is faster' if r_pkg > 1.1 else 'the package is faster' if r_pkg < 0.9 else 'about the same'}")
print(f"numpy {np.__version__}")

# %%
assert all(agree), "all scatter methods must give the same dW"
t_loop, t_sparse = np.array(timings["loop"]), np.array(timings["sparse S @ dout"])
t_addat = np.array(timings["np.add.at"])
need = 2 if SCATTER_ROWS[-1] >= 10_000 else 1        # at least 2x from 10,000 ids, simply faster from 1,000
margin = "at least 2x" if need == 2 else "(faster)"
if SCATTER_ROWS[-1] >= 1_000:
    assert t_sparse[-1] * need < t_loop[-1] and t_sparse[-1] * need < t_addat[-1], \
        f"with {SCATTER_ROWS[-1]:,} ids the sparse product should beat the loop and np.add.at {margin}"
if SCATTER_ROWS[-1] >= 100 * SCATTER_ROWS[0]:
    assert t_loop[-1] > 5 * t_loop[0], "the loop's cost should grow with the number of ids"
print("check passed: all methods agree" + (f"; with {SCATTER_ROWS[-1]:,} ids the sparse scatter beats the loop "
      f"and np.add.at {margin}" if SCATTER_ROWS[-1] >= 1_000 else " (use 1,000 ids or more to compare speeds)"))

# %% tags=["nbval-ignore-output"]
fig, ax = plt.subplots(figsize=(6.4, 4.0))
for (name, ts), marker in zip(timings.items(), "os^D"):
    ax.plot(SCATTER_ROWS, np.array(ts) * 1e3, marker + "-", label=LABELS[name])
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
# - The **loop** costs one Python iteration per id, so its time grows with the number of ids: nearly in proportion
#   once the loop outweighs the fixed cost of clearing `dW` (over a range of 100x ids or more,
#   the check asserts at least 5x).
# - **`np.add.at`** is one line and always correct. Do not assume it is fast, though: on 2-D rows its lead over the
#   loop depends on your numpy (its version is printed) and on the number of ids. Read it in the `loop / np.add.at`
#   row rather than trusting a rule.
# - The **sparse product** has a larger fixed cost: it builds `S`, and `S @ dout` allocates a fresh V × H result
#   that is then copied into `dW` (the loop and `np.add.at` only clear `dW` once). So for small batches it can be
#   *slower* than `np.add.at` (the `np.add.at / sparse` verdict line under
#   the table says which one wins at 100 ids on your computer). Its cost grows much more slowly with the number of
#   ids, and at the largest size timed it beats both the loop and `np.add.at` (asserted above when that size is
#   1,000 ids or more, and by at least 2x when it is 10,000 or more).
# - Which size does word2vec need? The book's CBOW (`ch04/cbow.py`) has `2 * window_size` = 10 separate `Embedding`
#   layers, each fed one column `contexts[:, i]`, so with the book's batch of 100 each backward sees **100** ids,
#   the smallest size timed at the default knobs. A fused input layer that handles all 10 context words at once
#   would see 1,000. The verdict lines under the table give the `np.add.at / sparse` ratio at both sizes and say
#   which method wins at the book's size and at the fused size on your computer. The assertion is only about the
#   largest size.
# - The package's `Embedding.backward` keeps the book's dense `dW` and accumulates with `np.add.at`, plus some
#   bookkeeping: it records which rows it wrote, for its next call (exercise 3 measures what that buys as V grows).
#   The `w2vlib / np.add.at` row shows the net effect at this V; below 1x means the package is the faster one.
#   How it can be faster while doing the same `np.add.at` plus bookkeeping is what exercise 3 asks you to work
#   out. That bookkeeping has a condition: it is correct only if nothing else writes into the layer's `grads`
#   between two backward calls. The package's `Trainer` never adds into `grads`; the book's `common/trainer.py`
#   does (`remove_duplicate` merges shared weights with `grads[i] += grads[j]`), so with the book's `Trainer` keep
#   the book's `dW[...] = 0`. A fast step is thus a property of the layer *and* the trainer together (a demo
#   follows exercise 3). The layers favour the book's readable shape; the fused kernel of notebook 05 sums its gradients with a
#   sparse product.
#
# All of them agree to float32 precision (checked above), so the choice is purely about speed.
#
# ## Summary
#
# - The Embedding layer (임베딩 계층) replaces `one_hot @ W` by the row lookup `W[idx]`. Same numbers, no one-hot
#   (원-핫) vectors, and a forward cost independent of the vocabulary (어휘) size (what the backward costs is
#   exercise 3's question).
# - Backward must **accumulate**: a word id that appears k times in the batch receives the sum of its k gradient
#   (기울기) rows. `dW[idx] = dout` and `dW[idx] += dout` both silently keep only one.
# - A gradient check (numerical vs analytic gradient) catches the overwrite: relative error of order 0.1 instead of
#   about 0.
# - `dW[...] = 0` writes into the layer's gradient array; `dW = np.zeros_like(dW)` only rebinds a local name.
# - Loop, `np.add.at` and a sparse-matrix product (`Sᵀ` = the one-hot matrix, stored sparsely) all give the same
#   `dW`; at the largest batch timed the sparse product is the fastest of the three (asserted). For small batches
#   its fixed cost can make it slower than `np.add.at`: the timing cell prints which one wins at the book's size.
#
# ## Exercises
#
# Replace each `...` with your answer and run the cell: the check says `not attempted`, `not yet: <why>` or
# `correct`. `q1.hint()` gives a nudge, `q1.solution()` the reference solution.
#
# 1. **Predict the gradient.** With `ids = [3, 3, 3]` and `dout` rows `[1, 1]`, `[2, 2]`, `[4, 4]`, what is row 3
#    of `dW`? And what would the overwriting backward give? Store both in `answer_1 = (correct_row, overwritten_row)`.
# 2. **The backward of CBOW's input side.** CBOW (notebook 05) looks up the C context words of each target in
#    `W_in` and averages them: `h = (W_in[c_1] + … + W_in[c_C]) / C`. Given `contexts` (N × C ids) and the gradient
#    `dh` (N × H), write `cbow_input_backward(contexts, dh, V)` that returns `dL/dW_in` (V × H). A word can appear
#    twice in one window and in several windows. The check compares your function with a reference in float64 on
#    batches full of such repeats (a float32 result, the book's dtype, is judged at float32 precision).
# 3. **Predict, then measure: a backward as V grows.** For a backward with a fixed number of ids, how does its time
#    grow with V? Read both backward passes line by line (`notes.source("LoopEmbedding")` prints the notes' one;
#    the graph of section 1 shows the package's). Give a log-log slope (0 = does not depend on V, 1 = proportional
#    to V) for the notes' backward (`notes.LoopEmbedding`) and for the package's (`w2vlib.Embedding`) in
#    `prediction_3`. The check judges your prediction first (within ±0.25); only then does it time both over
#    `SLOPE_VS` (with `time_backwards`, defined in the cell above it) and show the measured slopes.

# %%
answer_1 = ...                  # (correct_row, overwritten_row)
q1.check(answer_1)
# q1.hint()
# q1.solution()


# %%
def cbow_input_backward(contexts, dh, V):
    ...                         # your code here: return dW_in, shape (V, H)


q2.check(cbow_input_backward)
# q2.hint()
# q2.solution()

# %%
def time_backwards(V, n_ids=20, rng=None):
    """Seconds per backward of the notes' loop and of w2vlib's Embedding, for n_ids ids at vocabulary size V."""
    rng = np.random.default_rng(SEED) if rng is None else rng
    W_ = (0.01 * rng.standard_normal((V, SCATTER_H))).astype(np.float32)
    ids = rng.integers(0, V, size=n_ids)
    d = rng.standard_normal((n_ids, SCATTER_H)).astype(np.float32)
    times = {}
    for name, cls in [("notes loop", notes.LoopEmbedding), ("w2vlib", Embedding)]:
        lay = cls(W_)
        lay.forward(ids)
        lay.backward(d)
        with one_thread():                  # one BLAS thread, CPU time of this process (as in section 5)
            times[name] = best_time(lambda: lay.backward(d), REPEAT, cpu=True)
    return times


# %%
prediction_3 = ...              # {"notes loop": ..., "w2vlib": ...}
q3.check(prediction_3, measure=time_backwards, sizes=SLOPE_VS)
# q3.hint()
# q3.solution()

# %% [markdown]
# **After exercise 3: the layer and the trainer together.** Two `Embedding` layers that share one `W`, as the
# book's CBOW's do, and between steps the in-place merge of the book's `remove_duplicate`
# (`grads[i] += grads[j]`). Step 1 looks up id 0 and id 5, step 2 ids 2 and 3, so after step 2 the merged gradient
# should have rows 2 and 3 only.

# %%
def two_steps(layer_cls):
    """Two training steps of two layers sharing W, merged as the book's remove_duplicate does; nonzero rows."""
    W_shared = np.zeros((6, 2), dtype=np.float32)
    a, b = layer_cls(W_shared), layer_cls(W_shared)
    for id_a, id_b in [(0, 5), (2, 3)]:
        for lay, i in [(a, id_a), (b, id_b)]:
            lay.forward(np.array([i]))
            lay.backward(np.ones((1, 2), dtype=np.float32))
        a.grads[0] += b.grads[0]            # the book's merge, in place into the first layer's gradient
    return np.flatnonzero(np.any(a.grads[0] != 0, axis=1)).tolist()


rows_pkg, rows_clear = two_steps(Embedding), two_steps(notes.LoopEmbedding)
print(f"w2vlib's Embedding:              nonzero rows {rows_pkg}   (row 5 is stale, left over from step 1)")
print(f"notes' LoopEmbedding, dW[...]=0: nonzero rows {rows_clear}")
assert rows_clear == [2, 3] and rows_pkg == [2, 3, 5]

# %% [markdown]
# **Sources** (checked for this notebook): NumPy docs (indexing: "For advanced assignments, there is in general no
# guarantee for the iteration order"; `ufunc.at`); *Deep Learning from Scratch 2* (oreilly-japan/deep-learning-from-scratch-2:
# `ch04/cbow.py`, `2 * window_size` separate `Embedding` layers;
# `common/layers.py` `Embedding.backward`, `dW[...] = 0` then `np.add.at`; `common/trainer.py` `remove_duplicate`, `grads[i] += grads[j]`; `ch04/train.py`, window 5 and batch 100);
# *Deep Learning from Scratch* (oreilly-japan/deep-learning-from-scratch: `common/gradient.py` `numerical_gradient`,
# `ch05/gradient_check.py`); CS224n assignment 2 (`a2/utils/gradcheck.py` `gradcheck_naive`, as in
# howardlau1999/cs224n-winter-2020); PyTorch (`torch/autograd/gradcheck.py` `gradcheck` defaults and its note on
# double precision); the study notes (`w2vlib/notes.py`).
#
# [Next: 03 From softmax to a yes/no question: EmbeddingDot](03_embedding_dot.ipynb)
