"""The numba kernels of hierarchical softmax (``fast.train(..., hs=1, negative=0, backend="numba")``).

Per-word SGD as :mod:`w2vlib.fast.numba_kernels` does it for negative sampling, with the output
layer of word2vec.c's ``if (hs)`` loop (TrainModelThread) and gensim's ``w2v_fast_sentence_cbow_hs``
/ ``w2v_fast_sentence_sg_hs``: the target word's Huffman path (:func:`w2vlib.huffman_codes`) is
walked from the root, and at each inner node ``point`` with code ``c`` the score
``f = h . W_node[point]`` gets the label ``1 - c``: ``g = lr * (1 - c - sigmoid(f))``,
``dh += g * W_node[point]``, ``W_node[point] += g * h``. Like word2vec.c and gensim, a node whose
score lies outside ``[-MAX_EXP, MAX_EXP]`` is skipped when the sigmoid is read from the table (its
loss is still counted); with ``exact=True`` every node is updated (the readable layer's gradient).

The paths are passed flat: word ``w``'s codes are ``code_flat[starts[w]:starts[w + 1]]`` and its
inner-node rows ``point_flat[...]`` (the same slice).

Skip-gram pairs: the centre row predicts each context word's path (the package's convention, as in
its negative-sampling kernel); word2vec.c and gensim let the context row predict the centre's path,
which gives the same set of pairs within a fixed window.
"""
from __future__ import annotations

import numpy as np
from numba import njit, prange

from .numba_kernels import MAX_EXP, cbow_mean_in, cbow_scatter_out, lcg_next, sigmoid_and_loss, subsample


@njit(cache=True, fastmath=True)
def hs_update(W_node, h, dh, word, code_flat, point_flat, starts, lr, sig_table, nll_table, exact):
    """Hierarchical softmax for one input vector ``h`` and one word: walk its path, update the
    inner nodes, add ``-lr * dL/dh`` into ``dh``. Returns ``-log P(word | h)`` (table or exact)."""
    H = h.size
    loss = 0.0
    for d in range(starts[word], starts[word + 1]):
        node = point_flat[d]
        label = 1 - code_flat[d]
        f = np.float32(0.0)
        for j in range(H):
            f += h[j] * W_node[node, j]
        y, nll = sigmoid_and_loss(f, label, sig_table, nll_table, exact)
        loss += nll
        if not exact and (f <= -MAX_EXP or f >= MAX_EXP):
            continue  # word2vec.c and gensim skip these nodes
        g = np.float32((label - y) * lr)
        for j in range(H):
            dh[j] += g * W_node[node, j]
            W_node[node, j] += g * h[j]
    return loss


@njit(cache=True, fastmath=True)
def cbow_hs_example(W_in, W_node, contexts, target, code_flat, point_flat, starts, lr, h, dh,
                    sig_table, nll_table, exact, full_input_update):
    """One CBOW example with hierarchical softmax: ``h`` = mean of the context rows, the target's
    path, then every context row gets ``dh`` (word2vec) or ``dh / n`` (the gradient of the mean)."""
    n = contexts.size
    inv = cbow_mean_in(W_in, contexts, n, h, dh)
    loss = hs_update(W_node, h, dh, target, code_flat, point_flat, starts, lr, sig_table,
                     nll_table, exact)
    cbow_scatter_out(W_in, contexts, n, dh, inv, full_input_update)
    return loss


@njit(cache=True, fastmath=True)
def skipgram_hs_example(W_in, W_node, centre, contexts, code_flat, point_flat, starts, lr, h, dh,
                        sig_table, nll_table, exact):
    """One skip-gram example with hierarchical softmax: the centre row walks each context word's
    path; the centre row then gets the summed ``dh``. Returns the summed loss of the pairs."""
    H = W_in.shape[1]
    for j in range(H):
        h[j] = W_in[centre, j]
        dh[j] = 0.0
    loss = 0.0
    for c in range(contexts.size):
        loss += hs_update(W_node, h, dh, contexts[c], code_flat, point_flat, starts, lr, sig_table,
                          nll_table, exact)
    for j in range(H):
        W_in[centre, j] += dh[j]
    return loss


@njit(cache=True)
def train_chunk_hs(W_in, W_node, words, keep_prob, code_flat, point_flat, starts, sig_table,
                   nll_table, seed, lr_start, lr_end, window, dynamic, cbow, full_input_update,
                   exact):
    """Per-word SGD with hierarchical softmax over one chunk (windows stop at its ends):
    subsampling and the dynamic window as :func:`w2vlib.fast.numba_kernels.train_chunk` draws
    them, then one SGD step per kept word. Returns ``(summed loss, examples)``."""
    H = W_in.shape[1]
    kept, n, state = subsample(words, keep_prob, np.uint64(seed))
    h = np.empty(H, dtype=np.float32)
    dh = np.empty(H, dtype=np.float32)
    ctx = np.empty(2 * window, dtype=np.int32)
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
            loss += cbow_hs_example(W_in, W_node, ctx[:m], word, code_flat, point_flat, starts, lr,
                                    h, dh, sig_table, nll_table, exact, full_input_update)
            examples += 1
        else:
            loss += skipgram_hs_example(W_in, W_node, word, ctx[:m], code_flat, point_flat, starts,
                                        lr, h, dh, sig_table, nll_table, exact)
            examples += m
    return loss, examples


@njit(cache=True, parallel=True)
def train_epoch_hs(W_in, W_node, corpus, bounds, seeds, lr_bounds, keep_prob, code_flat,
                   point_flat, starts, sig_table, nll_table, window, dynamic, cbow,
                   full_input_update, exact, loss_out, examples_out):
    """One epoch with hierarchical softmax, the chunks in parallel (Hogwild), as
    :func:`w2vlib.fast.numba_kernels.train_epoch`."""
    for c in prange(bounds.size - 1):
        loss, ex = train_chunk_hs(W_in, W_node, corpus[bounds[c]:bounds[c + 1]], keep_prob,
                                  code_flat, point_flat, starts, sig_table, nll_table, seeds[c],
                                  lr_bounds[c], lr_bounds[c + 1], window, dynamic, cbow,
                                  full_input_update, exact)
        loss_out[c] = loss
        examples_out[c] = ex
