"""The numba kernels behind ``backend="numba"`` (imported only when numba is installed).

Per-word SGD as word2vec.c and gensim's Cython do it: one target word at a time, its window's
rows read, ``k + 1`` dot products, the updates written back at once, with no Python per step.
Every function is ``@njit(cache=True)``: compiled on first use, then loaded from numba's cache
(``__pycache__``) by later processes. :func:`train_epoch` runs the chunks of an epoch in parallel
(``prange``): each thread updates the shared ``W_in``/``W_out`` without locks (Hogwild).

The tricks, each a few lines:

* random numbers from word2vec.c's linear congruential generator (one multiply and one add);
* the sigmoid (and the loss) read from a table of ``SIG_TABLE_SIZE`` entries on ``[-MAX_EXP,
  MAX_EXP]``, clipped outside, as word2vec.c does;
* a negative is drawn by a binary search of the cumulative unigram^0.75 table (gensim's way),
  which is 80 KB for 10,000 words and stays in the cache.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

MAX_EXP = 6.0
SIG_TABLE_SIZE = 1000
_LCG_MUL = np.uint64(25214903917)
_LCG_ADD = np.uint64(11)
_U53 = 1.0 / 9007199254740992.0  # 2**-53


@njit(cache=True, inline="always")
def lcg_next(state):
    """word2vec.c's generator: ``state * 25214903917 + 11`` (mod 2**64)."""
    return state * _LCG_MUL + _LCG_ADD


@njit(cache=True, inline="always")
def lcg_uniform(state):
    """A float in [0, 1) from the top 53 bits of the state (the low bits of an LCG are poor)."""
    return float(state >> np.uint64(11)) * _U53


@njit(cache=True, inline="always")
def bisect_right(cdf, u):
    """The first index ``i`` with ``cdf[i] > u`` (``np.searchsorted(cdf, u, side="right")``)."""
    lo = 0
    hi = cdf.size
    while lo < hi:
        mid = (lo + hi) >> 1
        if cdf[mid] > u:
            hi = mid
        else:
            lo = mid + 1
    return min(lo, cdf.size - 1)


@njit(cache=True, inline="always")
def _softplus(x):
    """``log(1 + e^x)`` without overflow."""
    if x > 0.0:
        return x + math.log1p(math.exp(-x))
    return math.log1p(math.exp(x))


@njit(cache=True, inline="always")
def sigmoid_and_loss(f, label, sig_table, nll_table, exact):
    """``(sigmoid(f), binary cross-entropy of label)``: exactly, or from the tables."""
    if exact:
        y = 1.0 / (1.0 + math.exp(-f))
        return y, _softplus(-f) if label else _softplus(f)
    if f >= MAX_EXP:
        y = 1.0
    elif f <= -MAX_EXP:
        y = 0.0
    else:
        y = sig_table[int((f + MAX_EXP) * (SIG_TABLE_SIZE / (2.0 * MAX_EXP)))]
    z = f if label else -f  # loss = softplus(-z) = -log(sigmoid(z))
    if z >= MAX_EXP:  # softplus(-z) < 0.0025: 0, the table's own precision
        return y, 0.0
    if z <= -MAX_EXP:  # softplus(-z) = -z + (less than 0.0025)
        return y, -z
    return y, nll_table[int((z + MAX_EXP) * (SIG_TABLE_SIZE / (2.0 * MAX_EXP)))]


@njit(cache=True, fastmath=True)
def ns_update(W_out, h, dh, positive, negatives, lr, sig_table, nll_table, exact):
    """Negative sampling for one input vector ``h`` (the heart of word2vec).

    For the positive word (label 1) and each negative (label 0): ``g = lr * (label -
    sigmoid(h . W_out[w]))``, ``dh += g * W_out[w]`` (with the row before its update) and
    ``W_out[w] += g * h``. Returns the example's loss. ``dh`` then holds ``-lr * dL/dh``.
    """
    H = h.size
    loss = 0.0
    for d in range(negatives.size + 1):
        if d == 0:
            w = positive
            label = 1
        else:
            w = negatives[d - 1]
            label = 0
        f = np.float32(0.0)
        for j in range(H):
            f += h[j] * W_out[w, j]
        y, nll = sigmoid_and_loss(f, label, sig_table, nll_table, exact)
        loss += nll
        g = np.float32((label - y) * lr)
        for j in range(H):
            dh[j] += g * W_out[w, j]
            W_out[w, j] += g * h[j]
    return loss


@njit(cache=True, fastmath=True)
def cbow_example(W_in, W_out, contexts, target, negatives, lr, h, dh, sig_table, nll_table,
                 exact, full_input_update):
    """One CBOW example, one SGD step: ``h`` = mean of the context rows, negative sampling,
    then every context row gets ``dh`` (word2vec) or ``dh / n`` (the gradient of the mean).

    ``h`` and ``dh`` are work buffers of length H. Returns the loss.
    """
    H = W_in.shape[1]
    n = contexts.size
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
    loss = ns_update(W_out, h, dh, target, negatives, lr, sig_table, nll_table, exact)
    if not full_input_update:
        for j in range(H):
            dh[j] *= inv
    for c in range(n):
        row = contexts[c]
        for j in range(H):
            W_in[row, j] += dh[j]
    return loss


@njit(cache=True, fastmath=True)
def skipgram_example(W_in, W_out, centre, contexts, negatives, lr, h, dh, sig_table, nll_table,
                     exact):
    """One skip-gram example, one SGD step: the centre row ``h`` predicts each context word
    (``negatives[c]`` are the negatives of context ``c``); the centre row gets the summed ``dh``.
    Returns the loss."""
    H = W_in.shape[1]
    for j in range(H):
        h[j] = W_in[centre, j]
        dh[j] = 0.0
    loss = 0.0
    for c in range(contexts.size):
        loss += ns_update(W_out, h, dh, contexts[c], negatives[c], lr, sig_table, nll_table, exact)
    for j in range(H):
        W_in[centre, j] += dh[j]
    return loss


@njit(cache=True)
def draw_negatives(state, cdf, avoid, u, out):
    """Fill ``out`` with negatives drawn from the cumulative table ``cdf``, none equal to its
    ``avoid`` entry (redrawn, as the package's sampler does). Returns the generator's state.

    All the draws are searched in lockstep: one bisection step for every draw, then the next
    step. Each search is a chain of ~14 dependent memory reads; interleaving independent chains
    lets the CPU overlap them (a branch-free step: a conditional move, no misprediction).
    """
    n = out.size
    for d in range(n):
        state = lcg_next(state)
        u[d] = lcg_uniform(state)
        out[d] = 0
    step = cdf.size  # invariant: the answer of draw d lies in out[d] .. out[d] + step - 1
    while step > 1:
        half = step >> 1
        for d in range(n):
            b = out[d]
            out[d] = b + half if cdf[b + half - 1] <= u[d] else b
        step -= half
    for d in range(n):
        for _ in range(64):
            if out[d] != avoid[d]:
                break
            state = lcg_next(state)
            out[d] = bisect_right(cdf, lcg_uniform(state))
    return state


@njit(cache=True)
def train_chunk(W_in, W_out, words, keep_prob, cdf, sig_table, nll_table, seed, lr_start,
                lr_end, window, dynamic, negative, cbow, full_input_update, exact):
    """Per-word SGD over one chunk of the corpus (a "sentence": windows stop at its ends).

    Subsampling, then for every kept word a dynamic window (radius drawn from ``1..window``),
    ``negative`` negatives and one SGD step. The learning rate falls linearly from
    ``lr_start`` to ``lr_end`` across the chunk. All randomness comes from one LCG seeded with
    ``seed``. Returns ``(summed loss, examples)``; a skip-gram example is one (centre, context)
    pair, as in the fast path.
    """
    H = W_in.shape[1]
    n_raw = words.size
    kept = np.empty(n_raw, dtype=np.int32)
    state = np.uint64(seed)
    n = 0
    for i in range(n_raw):
        w = words[i]
        if keep_prob[w] < 1.0:
            state = lcg_next(state)
            if lcg_uniform(state) >= keep_prob[w]:
                continue
        kept[n] = w
        n += 1
    h = np.empty(H, dtype=np.float32)
    dh = np.empty(H, dtype=np.float32)
    ctx = np.empty(2 * window, dtype=np.int32)
    negs_flat = np.empty(2 * window * negative, dtype=np.int32)
    negs = negs_flat.reshape((2 * window, negative))  # a view: row c = negatives of context c
    avoid = np.empty(2 * window * negative, dtype=np.int32)
    u = np.empty(2 * window * negative)
    lr_step = (lr_end - lr_start) / max(n, 1)
    loss = 0.0
    examples = 0
    for pos in range(n):
        lr = lr_start + lr_step * pos
        state = lcg_next(state)
        b = window
        if dynamic:  # radius drawn from 1..window, as word2vec.c does
            b = window - np.int64(state >> np.uint64(16)) % window
        m = 0
        for p in range(max(0, pos - b), min(n, pos + b + 1)):
            if p != pos:
                ctx[m] = kept[p]
                m += 1
        if m == 0:
            continue
        word = kept[pos]
        if cbow:
            avoid[:negative] = word
            state = draw_negatives(state, cdf, avoid[:negative], u[:negative],
                                   negs_flat[:negative])
            loss += cbow_example(W_in, W_out, ctx[:m], word, negs[0], lr, h, dh, sig_table,
                                 nll_table, exact, full_input_update)
        else:
            for c in range(m):
                avoid[c * negative:(c + 1) * negative] = ctx[c]
            state = draw_negatives(state, cdf, avoid[:m * negative], u[:m * negative],
                                   negs_flat[:m * negative])
            loss += skipgram_example(W_in, W_out, word, ctx[:m], negs[:m], lr, h, dh, sig_table,
                                     nll_table, exact)
        examples += 1 if cbow else m
    return loss, examples


@njit(cache=True, parallel=True)
def train_epoch(W_in, W_out, corpus, bounds, seeds, lr_bounds, keep_prob, cdf, sig_table,
                nll_table, window, dynamic, negative, cbow, full_input_update, exact, loss_out,
                examples_out):
    """One epoch: chunk ``c`` is ``corpus[bounds[c]:bounds[c+1]]``, trained with seed
    ``seeds[c]`` and a learning rate falling from ``lr_bounds[c]`` to ``lr_bounds[c+1]``.
    The chunks run in parallel (``prange``), updating the shared weights without locks."""
    for c in prange(bounds.size - 1):
        loss, ex = train_chunk(W_in, W_out, corpus[bounds[c]:bounds[c + 1]], keep_prob, cdf,
                               sig_table, nll_table, seeds[c], lr_bounds[c], lr_bounds[c + 1],
                               window, dynamic, negative, cbow, full_input_update, exact)
        loss_out[c] = loss
        examples_out[c] = ex
