"""The numba kernels behind ``backend="numba"`` (imported only when numba is installed).

Per-word SGD as word2vec.c and gensim's Cython do it: one target word at a time, its window's
rows read, ``k + 1`` dot products, the updates written back at once, with no Python per step.
Every function is ``@njit(cache=True)``: compiled on first use, then loaded from numba's cache
(``__pycache__``) by later processes. :func:`train_epoch` runs the chunks of an epoch in parallel
(``prange``): each thread updates the shared ``W_in``/``W_out`` without locks (Hogwild).

Read it bottom-up: :func:`train_epoch` hands chunks to threads, :func:`train_chunk` walks a chunk
word by word (subsampling, dynamic window, negatives), :func:`cbow_step` / :func:`skipgram_step`
make one SGD step, and :func:`ns_update` is negative sampling for one input vector (the heart of
word2vec; another output layer, e.g. hierarchical softmax, would sit beside it with the same shape:
``h`` in, ``dh`` accumulated, its output rows updated in place).

The tricks, each a few lines:

* random numbers from word2vec.c's linear congruential generator (one multiply and one add);
* the sigmoid (and the loss) read from a table of ``SIG_TABLE_SIZE`` entries on ``[-MAX_EXP,
  MAX_EXP]``, clipped outside, as word2vec.c does;
* a negative is the first entry of the cumulative unigram^0.75 table above a uniform draw
  (gensim's binary search), found with a head start: a guide table of ``2**GUIDE_BITS + 1``
  entries holds the answer at every multiple of ``2**-GUIDE_BITS``, so the search only covers the
  entries between two of them (about one step on PTB, instead of 14). Same words as the plain search;
* the loss is computed only when asked (``compute_loss``, as gensim's option of that name);
* the next word's window and negatives are drawn one word ahead, and the output rows they name
  are prefetched (LLVM's ``prefetch`` hint), so they arrive from memory while this word computes;
* everything in the inner loops is float32, compiled with ``fastmath`` (the vector loops may be
  reordered, which changes the last bits of the sums).

The step functions take buffers and counts, not slices: a slice of a numba array is a new array
object, with reference counting, and creating several per word cost about a tenth of the time.
"""
from __future__ import annotations

import math

import numpy as np
from llvmlite import ir
from numba import njit, prange, types
from numba.core import cgutils
from numba.extending import intrinsic

MAX_EXP = 6.0
SIG_TABLE_SIZE = 1000
#: the guide table before the search of the cumulative table has 2**GUIDE_BITS + 1 entries
GUIDE_BITS = 13
_LCG_MUL = np.uint64(25214903917)
_LCG_ADD = np.uint64(11)
_U53 = 1.0 / 9007199254740992.0  # 2**-53
_TABLE_SCALE = SIG_TABLE_SIZE / (2.0 * MAX_EXP)


@njit(cache=True, inline="always")
def lcg_next(state):
    """word2vec.c's generator: ``state * 25214903917 + 11`` (mod 2**64)."""
    return state * _LCG_MUL + _LCG_ADD


@njit(cache=True, inline="always")
def lcg_uniform(state):
    """A float in [0, 1) from the top 53 bits of the state (the low bits of an LCG are poor)."""
    return float(state >> np.uint64(11)) * _U53


@njit(cache=True, inline="always")
def bisect_right(cdf, u, lo=0, hi=-1):
    """The first index ``i`` with ``cdf[i] > u`` (``np.searchsorted(cdf, u, side="right")``), clipped
    to the last entry, when the answer is known to lie in ``lo..hi`` (default: the whole table)."""
    if hi < 0:
        hi = cdf.size
    while lo < hi:
        mid = (lo + hi) >> 1
        if cdf[mid] > u:
            hi = mid
        else:
            lo = mid + 1
    return min(lo, cdf.size - 1)


@njit(cache=True, inline="always")
def draw_word(cdf, guide, u):
    """``bisect_right(cdf, u)`` for ``0 <= u < 1`` with a head start: ``guide[j]`` is the answer for
    ``u = j / T`` (``T = guide.size - 1``, a power of two, so ``u * T`` is exact), and the answer
    for ``u`` lies between ``guide[j]`` and ``guide[j + 1]``."""
    j = int(u * (guide.size - 1))
    return bisect_right(cdf, u, guide[j], guide[j + 1])


@njit(cache=True)
def draw_negatives(state, cdf, guide, out, n, avoid, per):
    """Fill ``out[:n]`` with words drawn from the cumulative table; draw ``d`` must differ from
    ``avoid[d // per]`` (the positive word of its example) and is redrawn while equal, as the
    package's sampler does. Returns the generator's state.

    The ``n`` draws come first, then the redraws: the searches of the first pass do not depend on
    each other, so the CPU overlaps their memory reads.
    """
    for d in range(n):
        state = lcg_next(state)
        out[d] = draw_word(cdf, guide, lcg_uniform(state))
    for d in range(n):
        for _ in range(64):
            if out[d] != avoid[d // per]:
                break
            state = lcg_next(state)
            out[d] = draw_word(cdf, guide, lcg_uniform(state))
    return state


@njit(cache=True, inline="always")
def _softplus(x):
    """``log(1 + e^x)`` without overflow."""
    if x > 0.0:
        return x + math.log1p(math.exp(-x))
    return math.log1p(math.exp(x))


@njit(cache=True, inline="always")
def sigmoid_of(f, sig_table, exact):
    """``sigmoid(f)`` as float32: exactly, or from the table (0 and 1 outside ``±MAX_EXP``)."""
    if exact:
        return np.float32(1.0 / (1.0 + math.exp(-f)))
    if f >= MAX_EXP:
        return np.float32(1.0)
    if f <= -MAX_EXP:
        return np.float32(0.0)
    return sig_table[int((f + MAX_EXP) * _TABLE_SCALE)]


@njit(cache=True, inline="always")
def sigmoid_and_loss(f, label, sig_table, nll_table, exact):
    """``(sigmoid(f), binary cross-entropy of label)``: exactly, or from the tables.

    ``nll_table[i] = -log(sigmoid(x_i))`` is the loss of a positive with score ``x_i``; a negative
    with score ``f`` has the loss of a positive with score ``-f``. Outside ``±MAX_EXP`` the loss is
    0 or ``|f|`` (errors below 0.0025, the table's own precision).
    """
    if exact:
        z = f if label else -f  # loss = softplus(-z) = -log(sigmoid(z))
        return np.float32(1.0 / (1.0 + math.exp(-f))), _softplus(-z)
    if f >= MAX_EXP:
        return np.float32(1.0), 0.0 if label else f
    if f <= -MAX_EXP:
        return np.float32(0.0), -f if label else 0.0
    y = sig_table[int((f + MAX_EXP) * _TABLE_SCALE)]
    if label:
        return y, nll_table[int((f + MAX_EXP) * _TABLE_SCALE)]
    return y, nll_table[int((MAX_EXP - f) * _TABLE_SCALE)]


@intrinsic
def _prefetch_line(typingctx, W, row, col):
    """LLVM's ``prefetch`` of the cache line that holds ``W[row, col]``, for writing (a hint: the
    CPU starts the read and goes on; nothing is computed)."""
    if not (isinstance(W, types.Array) and W.ndim == 2):
        return None

    def codegen(context, builder, signature, args):
        aryty, rowty, colty = signature.args
        ary = context.make_array(aryty)(context, builder, args[0])
        idx = [context.cast(builder, args[1], rowty, types.intp),
               context.cast(builder, args[2], colty, types.intp)]
        ptr = cgutils.get_item_pointer(context, builder, aryty, ary, idx)
        i8p, i32 = ir.IntType(8).as_pointer(), ir.IntType(32)
        fn = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(ir.VoidType(), [i8p, i32, i32, i32]), "llvm.prefetch.p0i8")
        # (address, 1 = for writing, 3 = keep in all cache levels, 1 = data)
        builder.call(fn, [builder.bitcast(ptr, i8p), ir.Constant(i32, 1), ir.Constant(i32, 3),
                          ir.Constant(i32, 1)])
        return context.get_dummy_value()

    return types.void(W, row, col), codegen


@njit(cache=True, inline="always")
def prefetch_row(W, row):
    """Start bringing row ``row`` of ``W`` into the cache (one hint per 64-byte line)."""
    for j in range(0, W.shape[1], 16):  # 16 float32 = 64 bytes
        _prefetch_line(W, row, j)


@njit(cache=True, fastmath=True)
def ns_update(W_out, h, dh, positive, negatives, start, k, lr, sig_table, nll_table, exact,
              compute_loss):
    """Negative sampling for one input vector ``h`` (the heart of word2vec).

    The positive word (label 1) and the ``k`` negatives ``negatives[start:start + k]`` (label 0):
    for each, ``g = lr * (label - sigmoid(h . W_out[w]))``, ``dh += g * W_out[w]`` (with the row
    before its update) and ``W_out[w] += g * h``. Returns the example's loss (0 unless
    ``compute_loss``). ``dh`` then holds ``-lr * dL/dh``. ``lr`` is float32.
    """
    H = h.size
    loss = 0.0
    for d in range(k + 1):
        if d == 0:
            w = positive
            label = 1
        else:
            w = negatives[start + d - 1]
            label = 0
        f = np.float32(0.0)
        for j in range(H):
            f += h[j] * W_out[w, j]
        if compute_loss:
            y, nll = sigmoid_and_loss(f, label, sig_table, nll_table, exact)
            loss += nll
        else:
            y = sigmoid_of(f, sig_table, exact)
        g = (np.float32(label) - y) * lr
        for j in range(H):
            dh[j] += g * W_out[w, j]
            W_out[w, j] += g * h[j]
    return loss


@njit(cache=True, inline="always")
def cbow_mean_in(W_in, contexts, n, h, dh):
    """CBOW's input side, shared by both output layers: ``h`` = mean of the rows ``contexts[:n]``,
    ``dh`` = 0. Returns ``1/n`` as float32."""
    H = W_in.shape[1]
    for j in range(H):
        h[j] = 0.0
        dh[j] = 0.0
    for c in range(n):
        row = contexts[c]
        for j in range(H):
            h[j] += W_in[row, j]
    inv = np.float32(1.0 / n)
    for j in range(H):
        h[j] *= inv
    return inv


@njit(cache=True, inline="always")
def cbow_scatter_out(W_in, contexts, n, dh, inv, full_input_update):
    """CBOW's backward into the input rows: every context row gets ``dh`` (word2vec) or ``dh / n``
    (the gradient of the mean, ``inv`` = 1/n)."""
    H = W_in.shape[1]
    if not full_input_update:
        for j in range(H):
            dh[j] *= inv
    for c in range(n):
        row = contexts[c]
        for j in range(H):
            W_in[row, j] += dh[j]


@njit(cache=True, fastmath=True)
def cbow_step(W_in, W_out, contexts, n, target, negatives, k, lr, h, dh, sig_table, nll_table,
              exact, full_input_update, compute_loss):
    """One CBOW example, one SGD step: ``h`` = mean of the ``n`` context rows ``contexts[:n]``,
    negative sampling against ``negatives[:k]``, then every context row gets ``dh`` (word2vec) or
    ``dh / n`` (the gradient of the mean). ``h``, ``dh``: work buffers of length H. Returns the loss.
    """
    inv = cbow_mean_in(W_in, contexts, n, h, dh)
    loss = ns_update(W_out, h, dh, target, negatives, 0, k, lr, sig_table, nll_table, exact,
                     compute_loss)
    cbow_scatter_out(W_in, contexts, n, dh, inv, full_input_update)
    return loss


@njit(cache=True, fastmath=True)
def skipgram_step(W_in, W_out, centre, contexts, n, negatives, k, lr, h, dh, sig_table, nll_table,
                  exact, compute_loss):
    """One skip-gram example, one SGD step: the centre row ``h`` predicts each context word
    ``contexts[c]`` (its negatives: ``negatives[c * k:(c + 1) * k]``); the centre row gets the
    summed ``dh``. Returns the loss."""
    H = W_in.shape[1]
    for j in range(H):
        h[j] = W_in[centre, j]
        dh[j] = 0.0
    loss = 0.0
    for c in range(n):
        loss += ns_update(W_out, h, dh, contexts[c], negatives, c * k, k, lr, sig_table,
                          nll_table, exact, compute_loss)
    for j in range(H):
        W_in[centre, j] += dh[j]
    return loss


@njit(cache=True)
def cbow_example(W_in, W_out, contexts, target, negatives, lr, h, dh, sig_table, nll_table,
                 exact, full_input_update):
    """:func:`cbow_step` on whole arrays (``contexts`` (n,), ``negatives`` (k,)), with the loss."""
    return cbow_step(W_in, W_out, contexts, contexts.size, target, negatives, negatives.size,
                     np.float32(lr), h, dh, sig_table, nll_table, exact, full_input_update, True)


@njit(cache=True)
def skipgram_example(W_in, W_out, centre, contexts, negatives, lr, h, dh, sig_table, nll_table,
                     exact):
    """:func:`skipgram_step` on whole arrays (``contexts`` (n,), ``negatives`` (n, k)), with the loss."""
    return skipgram_step(W_in, W_out, centre, contexts, contexts.size,
                         negatives.reshape(negatives.size), negatives.shape[1], np.float32(lr), h,
                         dh, sig_table, nll_table, exact, True)


@njit(cache=True, inline="always")
def plan_word(state, kept, n, pos, window, dynamic, negative, cbow, cdf, guide, ctx, negs, target):
    """The random part of word ``pos``'s example: its window (radius drawn from ``1..window``, as
    word2vec.c does) into ``ctx``, then its negatives into ``negs``. Returns ``(state, m)``, ``m``
    the number of context words (0: no example, and no negatives drawn)."""
    state = lcg_next(state)
    b = window
    if dynamic:
        b = window - np.int64(state >> np.uint64(16)) % window
    m = 0
    for p in range(max(0, pos - b), min(n, pos + b + 1)):
        if p != pos:
            ctx[m] = kept[p]
            m += 1
    if m == 0:
        return state, 0
    if cbow:
        target[0] = kept[pos]
        state = draw_negatives(state, cdf, guide, negs, negative, target, negative)
    else:  # k negatives per context word
        state = draw_negatives(state, cdf, guide, negs, m * negative, ctx, negative)
    return state, m


@njit(cache=True, inline="always")
def subsample(words, keep_prob, state):
    """Subsampling while the chunk is read, before any window: word ``w`` stays with probability
    ``keep_prob[w]`` (one LCG draw per word whose probability is below 1). Returns ``(kept, n, state)``:
    the kept words are ``kept[:n]``, in order, and ``state`` is the generator's state after the draws."""
    kept = np.empty(words.size, dtype=np.int32)
    n = 0
    for i in range(words.size):
        w = words[i]
        if keep_prob[w] < 1.0:
            state = lcg_next(state)
            if lcg_uniform(state) >= keep_prob[w]:
                continue
        kept[n] = w
        n += 1
    return kept, n, state


@njit(cache=True)
def train_chunk(W_in, W_out, words, keep_prob, cdf, guide, sig_table, nll_table, seed, lr_start,
                lr_end, window, dynamic, negative, cbow, full_input_update, exact, compute_loss,
                prefetch):
    """Per-word SGD over one chunk of the corpus (a "sentence": windows stop at its ends).

    Subsampling, then for every kept word a dynamic window, ``negative`` negatives
    (:func:`plan_word`) and one SGD step. The learning rate falls linearly from ``lr_start`` to
    ``lr_end`` across the chunk. All randomness comes from one LCG seeded with ``seed``. Returns
    ``(summed loss, examples)``; a skip-gram example is one (centre, context) pair, as in the fast
    path. The loss is 0 unless ``compute_loss``.

    The next word is planned before this word's step (the step draws no random numbers, so the
    order of the draws, and the result, is the same), and with ``prefetch`` the output rows it
    will read are requested then: they arrive while this word computes.
    """
    H = W_in.shape[1]
    kept, n, state = subsample(words, keep_prob, np.uint64(seed))
    h = np.empty(H, dtype=np.float32)
    dh = np.empty(H, dtype=np.float32)
    ctx = np.empty(2 * window, dtype=np.int32)  # this word's contexts and negatives ...
    negs = np.empty(2 * window * negative, dtype=np.int32)  # (skip-gram: k per context)
    ctx_next = np.empty(2 * window, dtype=np.int32)  # ... and the next word's
    negs_next = np.empty(2 * window * negative, dtype=np.int32)
    target = np.empty(1, dtype=np.int32)
    lr_step = (lr_end - lr_start) / max(n, 1)
    loss = 0.0
    examples = 0
    m = 0
    if n > 0:
        state, m = plan_word(state, kept, n, 0, window, dynamic, negative, cbow, cdf, guide, ctx,
                             negs, target)
    for pos in range(n):
        m_next = 0
        if pos + 1 < n:
            state, m_next = plan_word(state, kept, n, pos + 1, window, dynamic, negative, cbow,
                                      cdf, guide, ctx_next, negs_next, target)
            if prefetch and m_next > 0:
                prefetch_row(W_out, kept[pos + 1])
                for d in range(negative):
                    prefetch_row(W_out, negs_next[d])
        if m > 0:
            lr = np.float32(lr_start + lr_step * pos)
            word = kept[pos]
            if cbow:
                loss += cbow_step(W_in, W_out, ctx, m, word, negs, negative, lr, h, dh, sig_table,
                                  nll_table, exact, full_input_update, compute_loss)
                examples += 1
            else:
                loss += skipgram_step(W_in, W_out, word, ctx, m, negs, negative, lr, h, dh,
                                      sig_table, nll_table, exact, compute_loss)
                examples += m
        ctx, ctx_next = ctx_next, ctx
        negs, negs_next = negs_next, negs
        m = m_next
    return loss, examples


@njit(cache=True, parallel=True)
def train_epoch(W_in, W_out, corpus, bounds, seeds, lr_bounds, keep_prob, cdf, guide, sig_table,
                nll_table, window, dynamic, negative, cbow, full_input_update, exact, compute_loss,
                prefetch, loss_out, examples_out):
    """One epoch: chunk ``c`` is ``corpus[bounds[c]:bounds[c+1]]``, trained with seed
    ``seeds[c]`` and a learning rate falling from ``lr_bounds[c]`` to ``lr_bounds[c+1]``.
    The chunks run in parallel (``prange``), updating the shared weights without locks."""
    for c in prange(bounds.size - 1):
        loss, ex = train_chunk(W_in, W_out, corpus[bounds[c]:bounds[c + 1]], keep_prob, cdf,
                               guide, sig_table, nll_table, seeds[c], lr_bounds[c],
                               lr_bounds[c + 1], window, dynamic, negative, cbow,
                               full_input_update, exact, compute_loss, prefetch)
        loss_out[c] = loss
        examples_out[c] = ex
