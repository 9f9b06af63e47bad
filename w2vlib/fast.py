"""The fast path: word2vec with negative sampling in fused, sparse, batched numpy/scipy.

The layered models (``w2vlib.models``) teach the algorithm one layer at a time. This module
computes the same thing for a whole batch in a handful of big array operations, and touches only
the rows a batch uses:

* **one gather** of the ``k + 1`` output rows of every example (its positive word and ``k``
  negatives), one batched dot product, one sigmoid;
* **one vectorised sampler draw** per chunk of batches (an epoch is planned in chunks of 32
  batches; Walker's alias table over the unigram^0.75 distribution: one uniform draw per
  sample, exact probabilities);
* **sparse row updates**: the rows a batch touches are first renumbered ``0..n-1`` (an O(V) mark
  and ``flatnonzero``; no sort), and the per-example gradients are summed into those rows by a
  scipy sparse matrix product (compiled, public API). No dense ``V x H`` gradient and no
  optimiser state exist at any point;
* plain SGD with word2vec's **linearly decaying learning rate**, optional **subsampling** of
  frequent words (Mikolov's formula, as in word2vec and gensim) and a **dynamic window** (each
  target draws its window size uniformly from ``1..window_size``, as word2vec does);
* **damping**: the summed update of a row that occurs ``c`` times in one batch is divided by
  ``max(1, c / d)`` (``d = 4`` for CBOW and 16 for skip-gram by default). With big batches a frequent word (``the``, ``<eos>``) gets dozens of
  updates summed into one step; without damping that step is far too large and training
  diverges;
* a **second thread** prepares the next batches (windows, negatives, renumbering, sparse
  structure) while the current one computes. All randomness is drawn by one generator in one
  fixed order, so a seed gives bit-identical vectors whatever the thread timing.

Negatives never equal the example's positive word: colliding draws are redrawn, like
``w2vlib.negative_sampling.UnigramSampler`` (word2vec itself allows them).

Conventions. The equality with the layered models holds for the *gradient functions*:
:func:`cbow_grads` and :func:`skipgram_grads` return the loss and the *total* gradients in the
book's convention (loss = sum over the ``k + 1`` binary cross-entropies of their batch means),
equal to those of the layered ``CBOW``/``SkipGram`` (``tests/test_fast.py`` checks it). They
correspond to ``train(..., cbow_update="gradient", damping=0)``. :func:`train` uses the same
kernel (:func:`_lane_step`) but by default does *not* follow the layered models' gradient: it
uses word2vec's update (every CBOW context row receives the whole ``dL/dh``, not its share
``dL/dh / n``), damping of repeated rows, word2vec's per-example convention (summed, not
averaged, over the batch) and its decaying learning rate.
"""

from __future__ import annotations

import math
import queue
import threading
import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.special import expit

from .models import init_weights
from .negative_sampling import UnigramSampler

__all__ = [
    "FastResult",
    "train",
    "cbow_grads",
    "skipgram_grads",
    "subsample_keep_prob",
]



# --------------------------------------------------------------------------------------------
# sampling
# --------------------------------------------------------------------------------------------
def subsample_keep_prob(counts, sample):
    """Mikolov's keep probability per word id (word2vec.c / gensim formula).

    ``keep = (sqrt(f / t) + 1) * t / f`` with ``f`` the word's count and ``t = sample * total``,
    clipped to 1. ``sample=0`` (or None) keeps everything.
    """
    counts = np.asarray(counts, dtype=np.float64)
    if not sample:
        return np.ones_like(counts)
    t = sample * counts.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        keep = (np.sqrt(counts / t) + 1.0) * t / counts
    keep[~np.isfinite(keep)] = 1.0
    return np.minimum(keep, 1.0)


# --------------------------------------------------------------------------------------------
# the fused kernel
# --------------------------------------------------------------------------------------------
@dataclass
class _Lane:
    """The examples of a batch and the sparse structure the kernel needs (the weights excepted)."""

    A: sp.csr_array  # (n_items, len(in_rows)): h = A @ W_in[in_rows]
    A_upd_T: sp.csc_array  # (len(in_rows), n_items): how dL/dh reaches the input rows (damped)
    out_inv: np.ndarray  # (n_items, k+1) positions in out_rows; column 0 is the positive
    out_coef: np.ndarray  # (n_items, k+1) float32: 1 / damping factor of each output entry
    G: sp.csc_array  # (len(out_rows), n_items) with an entry per (example, output row); its
    #                  data is filled with the scaled dL/dscores in the step


@dataclass
class _Batch:
    """Everything a step needs, prepared without the weights (so it can be built ahead)."""

    n_items: int  # examples (CBOW: targets; skip-gram: (center, context) pairs)
    n_words: float  # corpus words this batch stands for (for the lr schedule and words/s)
    in_rows: np.ndarray  # unique input rows (intp, sorted)
    out_rows: np.ndarray  # unique output rows (intp, sorted)
    lane: _Lane  # the examples' sparse structure


def _damping_factor(counts, damping):
    if not damping:
        return np.ones(counts.size, dtype=np.float32)
    return (1.0 / np.maximum(1.0, counts / float(damping))).astype(np.float32)


def _renumber_grouped(ids, group, n_groups, vocab_size):
    """Renumber the rows each batch touches ``0..n-1``, for many batches at once, without a sort.

    ``group`` is the batch of every id. An O(batches x V) mark and ``flatnonzero`` give every
    batch's unique rows in order.

    Returns ``(rows, starts, local, count)``: the unique rows of batch ``g`` are
    ``rows[starts[g]:starts[g+1]]`` (sorted), ``local`` is each id's position among its batch's
    rows and ``count`` how often its row occurs in its batch.
    """
    key = group.astype(np.int64) * vocab_size + ids
    mark = np.zeros(n_groups * vocab_size, dtype=bool)
    mark[key] = True
    ukeys = np.flatnonzero(mark)
    ugroup = ukeys // vocab_size
    rows = ukeys - ugroup * vocab_size
    starts = np.searchsorted(ugroup, np.arange(n_groups + 1))
    rank = np.empty(n_groups * vocab_size, dtype=np.int32)
    rank[ukeys] = np.arange(ukeys.size, dtype=np.int32)
    grank = rank[key]
    count = np.bincount(grank, minlength=ukeys.size)[grank]
    local = (grank - starts[group]).astype(np.int32)
    return rows, starts, local, count


def _make_batches(in_ids, in_indptr, in_weight, out_ids, vocab_size, batch_size, words_per_item,
                  damping, full_input_update=False):
    """Cut examples into batches of ``batch_size`` and prepare each (vectorised over all of them).

    Inputs: example ``i`` reads input rows ``in_ids[in_indptr[i]:in_indptr[i+1]]`` with weights
    ``in_weight`` (CBOW: ``1/n`` each, the mean; skip-gram: one row, weight 1) and scores the
    output rows ``out_ids[i]`` (the positive first, then the negatives).
    ``full_input_update``: every input row receives the whole ``dL/dh`` (word2vec's and gensim's
    CBOW update) instead of its share ``weight * dL/dh`` (the true gradient of the mean).
    """
    n_items, k1 = out_ids.shape
    n_batches = -(-n_items // batch_size)
    item_batch = np.arange(n_items) // batch_size
    in_counts = np.diff(in_indptr)
    in_group = np.repeat(item_batch, in_counts)
    in_rows, in_starts, in_local, in_count = _renumber_grouped(in_ids, in_group, n_batches,
                                                               vocab_size)
    upd_weight = np.ones_like(in_weight) if full_input_update else in_weight
    if damping:
        upd_weight = upd_weight * _damping_factor(in_count, damping)
    out_group = np.repeat(item_batch, k1)
    out_rows, out_starts, out_local, out_count = _renumber_grouped(out_ids.ravel(), out_group,
                                                                   n_batches, vocab_size)
    out_local = out_local.reshape(n_items, k1)
    out_coef = _damping_factor(out_count, damping).reshape(n_items, k1)
    batches = []
    for bi in range(n_batches):
        a, b = bi * batch_size, min(n_items, (bi + 1) * batch_size)
        lo, hi = in_indptr[a], in_indptr[b]
        ip = (in_indptr[a:b + 1] - lo).astype(np.int32)
        rows_in = in_rows[in_starts[bi]:in_starts[bi + 1]]
        rows_out = out_rows[out_starts[bi]:out_starts[bi + 1]]
        n, n_in, n_out = b - a, rows_in.size, rows_out.size
        A = sp.csr_array((in_weight[lo:hi], in_local[lo:hi], ip), shape=(n, n_in))
        A_upd_T = sp.csc_array((upd_weight[lo:hi], in_local[lo:hi], ip), shape=(n_in, n))
        G = sp.csc_array((np.empty(n * k1, dtype=np.float32), out_local[a:b].ravel(),
                          np.arange(0, n * k1 + 1, k1, dtype=np.int32)), shape=(n_out, n))
        lane = _Lane(A, A_upd_T, out_local[a:b], out_coef[a:b], G)
        batches.append(_Batch(int(n), float(n * words_per_item), rows_in, rows_out, lane))
    return batches


def _make_batch(in_ids, in_indptr, in_weight, out_ids, vocab_size, n_words, damping,
                full_input_update=False):
    """One batch of all the examples (see :func:`_make_batches`)."""
    n = out_ids.shape[0]
    return _make_batches(np.asarray(in_ids), np.asarray(in_indptr), np.asarray(in_weight),
                         np.asarray(out_ids), vocab_size, max(n, 1), n_words / max(n, 1),
                         damping, full_input_update)[0]


if hasattr(np, "vecdot"):  # numpy >= 2.0: a ufunc, a little faster than a stack of matmuls
    def _rowdot(Wo, h):
        return np.vecdot(Wo, h[:, None, :])
else:  # pragma: no cover
    def _rowdot(Wo, h):
        return np.matmul(Wo, h[:, :, None])[:, :, 0]


def _lane_step(lane, W_in_rows, W_out_rows, lr):
    """Forward and backward of a slice of examples: the fused kernel.

    ``W_in_rows = W_in[batch.in_rows]``, ``W_out_rows = W_out[batch.out_rows]`` (read only).
    Returns ``(loss, d_in, d_out)``: the summed loss of the examples and ``lr`` times the damped
    summed gradients of the touched rows, ``(len(in_rows), H)`` and ``(len(out_rows), H)``.
    With ``lr=1`` and no damping these are the plain gradients of the summed loss.
    """
    h = lane.A @ W_in_rows  # (n, H): CBOW mean of the contexts / skip-gram centre row
    Wo = np.take(W_out_rows, lane.out_inv, axis=0)  # (n, k+1, H): one gather
    s = _rowdot(Wo, h)  # (n, k+1) scores
    y = expit(s)
    # binary cross-entropy: -log(y) for the positive, -log(1 - y) for the negatives, summed per
    # example as one log of a product (float64, clipped like the book's 1e-7)
    q = 1.0 - y
    q[:, 0] = y[:, 0]
    loss = -np.log(np.maximum(q, 1e-7).prod(axis=1, dtype=np.float64)).sum()
    g = y  # dL/ds = sigmoid(s) - label
    g[:, 0] -= 1.0
    dh = np.matmul(g[:, None, :], Wo)[:, 0, :]  # dL/dh (n, H)
    # d W_out[row] = sum over the row's occurrences of g * h: a sparse (rows x examples) matrix
    # holding g, times h (compiled scatter-add; public scipy API)
    G = lane.G
    np.multiply(g, lane.out_coef * np.float32(lr), out=G.data.reshape(g.shape))
    d_out = G @ h
    if lr != 1:
        dh *= np.float32(lr)
    d_in = lane.A_upd_T @ dh  # back through the mean (or word2vec's full update) to the rows
    return float(loss), d_in, d_out


def _fused_core(W_in_rows, W_out_rows, batch, lr=1.0):
    """One step's loss and the (scaled, damped) summed gradients of the touched rows."""
    return _lane_step(batch.lane, W_in_rows, W_out_rows, lr)


def _cbow_batch(contexts, target, negatives, vocab_size):
    contexts = np.asarray(contexts, dtype=np.int32)
    target = np.asarray(target, dtype=np.int32)
    negatives = np.asarray(negatives, dtype=np.int32)
    n, c = contexts.shape
    if target.shape != (n,) or negatives.ndim != 2 or negatives.shape[0] != n:
        raise ValueError("contexts (n, 2w), target (n,) and negatives (n, k) must agree in n")
    indptr = np.arange(0, n * c + 1, c, dtype=np.int32)
    weight = np.full(n * c, 1.0 / c, dtype=np.float32)
    out = np.concatenate([target[:, None], negatives], axis=1)
    return _make_batch(contexts.ravel(), indptr, weight, out, vocab_size, n, damping=0)


def _skipgram_batch(contexts, target, negatives, vocab_size):
    contexts = np.asarray(contexts, dtype=np.int32)
    target = np.asarray(target, dtype=np.int32)
    negatives = np.asarray(negatives, dtype=np.int32)
    n, c = contexts.shape
    if target.shape != (n,) or negatives.shape[:2] != (n, c):
        raise ValueError("contexts (n, 2w), target (n,) and negatives (n, 2w, k) must agree")
    centre = np.repeat(target, c)
    indptr = np.arange(n * c + 1, dtype=np.int32)
    weight = np.ones(n * c, dtype=np.float32)
    out = np.concatenate([contexts.reshape(-1, 1), negatives.reshape(n * c, -1)], axis=1)
    return _make_batch(centre, indptr, weight, out, vocab_size, n, damping=0)


def _dense_grads(W_in, W_out, batch, n_targets):
    W_in = np.asarray(W_in, dtype=np.float32)
    W_out = np.asarray(W_out, dtype=np.float32)
    loss, d_in, d_out = _fused_core(W_in[batch.in_rows], W_out[batch.out_rows], batch)
    dW_in = np.zeros_like(W_in)
    dW_out = np.zeros_like(W_out)
    dW_in[batch.in_rows] = d_in / n_targets
    dW_out[batch.out_rows] = d_out / n_targets
    return loss / n_targets, dW_in, dW_out


def cbow_grads(W_in, W_out, contexts, target, negatives):
    """Loss and total gradients of the layered ``CBOW`` for one batch, by the fused kernel.

    ``contexts`` (n, 2w), ``target`` (n,), ``negatives`` (n, k). Book convention: the loss is the
    sum over the ``k + 1`` binary cross-entropies of their batch means, the hidden layer the mean
    of the context rows. Returns ``(loss, dW_in, dW_out)`` (dense, for checking).
    """
    batch = _cbow_batch(contexts, target, negatives, np.shape(W_in)[0])
    return _dense_grads(W_in, W_out, batch, len(target))


def skipgram_grads(W_in, W_out, contexts, target, negatives):
    """Loss and total gradients of the layered ``SkipGram`` for one batch, by the fused kernel.

    ``negatives`` has shape (n, 2w, k): one set per context position. The loss is the sum over
    the ``2w`` context positions of the book's negative-sampling loss.
    """
    batch = _skipgram_batch(contexts, target, negatives, np.shape(W_in)[0])
    return _dense_grads(W_in, W_out, batch, len(target))


# --------------------------------------------------------------------------------------------
# epochs and batches
# --------------------------------------------------------------------------------------------
def _chunk_windows(padded, w, start, stop, b):
    """Contexts of stream positions ``start..stop-1`` (``padded`` = stream with ``w`` -1s each side).

    ``b`` holds each position's window radius. Returns ``(ctx_ids, counts)``: the contexts of the
    positions one after the other (left to right within a window) and how many each has.
    """
    offsets = np.r_[np.arange(w, 0, -1), np.arange(1, w + 1)]  # |offset| per column
    win = np.lib.stride_tricks.sliding_window_view(padded, 2 * w + 1)[start:stop]
    cand = np.concatenate([win[:, :w], win[:, w + 1:]], axis=1)
    valid = cand >= 0
    valid &= offsets[None, :] <= b[:, None]
    return cand[valid], valid.sum(axis=1)


class _Planner:
    """Draws each epoch's randomness and cuts it into prepared batches (runs in a worker thread).

    An epoch is prepared in chunks of a few dozen batches, so the consumer never waits for a whole
    epoch to be planned. All random draws come from one generator in a fixed order.
    """

    def __init__(self, corpus, vocab_size, model, window_size, negative, batch_size,
                 keep_prob, dynamic_window, damping, seed, chunk_batches=32,
                 full_input_update=True, power=0.75):
        self.corpus = corpus
        self.V = vocab_size
        self.model = model
        self.w = window_size
        self.k = negative
        self.bs = batch_size
        self.keep_prob = keep_prob
        self.dynamic = dynamic_window
        self.damping = damping
        self.chunk_batches = chunk_batches
        self.full_input_update = full_input_update
        self.rng = np.random.default_rng(seed)
        self.sampler = UnigramSampler(corpus, power, negative, vocab_size=vocab_size, rng=self.rng,
                                      method="alias")

    def chunks(self):
        """Yield the batches of one epoch, a list (a chunk of ``chunk_batches``) at a time."""
        rng = self.rng
        corpus = self.corpus
        w = self.w
        if self.keep_prob is not None:
            stream = corpus[rng.random(corpus.size) < self.keep_prob[corpus]]
        else:
            stream = corpus
        n = stream.size
        if n < 2:
            return
        words_per_pos = corpus.size / n  # corpus words each kept position stands for
        pad = np.full(w, -1, dtype=np.int32)
        padded = np.concatenate([pad, stream, pad])
        if self.model == "cbow":
            chunk = self.bs * self.chunk_batches
        else:  # about chunk_batches batches of pairs
            chunk = max(1, self.bs * self.chunk_batches // (w + 1))
        for c0 in range(0, n, chunk):
            c1 = min(n, c0 + chunk)
            if self.dynamic:
                b = rng.integers(1, w + 1, size=c1 - c0, dtype=np.int32)
            else:
                b = np.full(c1 - c0, w, dtype=np.int32)
            ctx_ids, counts = _chunk_windows(padded, w, c0, c1, b)
            if self.model == "cbow":
                yield self._cbow_chunk(stream[c0:c1], ctx_ids, counts, words_per_pos)
            else:
                yield self._skipgram_chunk(stream[c0:c1], ctx_ids, counts, words_per_pos)

    def _cbow_chunk(self, targets, ctx_ids, counts, words_per_pos):
        negs = self.sampler.get_negative_sample(targets)
        indptr = np.zeros(targets.size + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        weight = np.repeat((1.0 / counts).astype(np.float32), counts)
        out = np.concatenate([targets[:, None], negs], axis=1)
        return _make_batches(ctx_ids, indptr, weight, out, self.V, self.bs, words_per_pos,
                                 self.damping, self.full_input_update)

    def _skipgram_chunk(self, centres, ctx_ids, counts, words_per_pos):
        centre = np.repeat(centres, counts)
        negs = self.sampler.get_negative_sample(ctx_ids)
        out = np.concatenate([ctx_ids[:, None], negs], axis=1)
        n_pairs = centre.size
        return _make_batches(centre, np.arange(n_pairs + 1), np.ones(n_pairs, np.float32),
                                 out, self.V, self.bs, centres.size * words_per_pos / n_pairs,
                                 self.damping)


def _prefetch(gen, depth):
    """Run a generator in a background thread, handing its items over in order."""
    q: queue.Queue = queue.Queue(maxsize=depth)
    done = object()
    stop = threading.Event()

    def worker():
        try:
            for item in gen:
                while not stop.is_set():
                    try:
                        q.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put(done)
        except BaseException as exc:  # hand the error to the consumer
            q.put(exc)

    t = threading.Thread(target=worker, daemon=True, name="w2vlib-fast-prefetch")
    t.start()
    try:
        while True:
            item = q.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        t.join(timeout=5)


# --------------------------------------------------------------------------------------------
# training
# --------------------------------------------------------------------------------------------
@dataclass
class FastResult:
    """What :func:`train` returns. ``W_in`` are the word vectors."""

    W_in: np.ndarray
    W_out: np.ndarray
    loss_per_epoch: list
    words_per_sec: float
    wall_time: float
    epochs: int
    corpus_words: int
    settings: dict = field(default_factory=dict)

    @property
    def word_vecs(self):
        return self.W_in

    #: The words of the rows (``train(..., id_to_word=...)``), for :attr:`wv`.
    index_to_key: list | None = None

    @property
    def wv(self):
        """The trained vectors as a :class:`w2vlib.WordVectors` (gensim's ``model.wv``)."""
        if self.index_to_key is None:
            raise AttributeError("the words are unknown: pass id_to_word= to fast.train, or build "
                                 "w2vlib.WordVectors(result.W_in, id_to_word)")
        from .wordvectors import WordVectors

        return WordVectors(self.W_in, self.index_to_key)


def _check_corpus(corpus, vocab_size):
    corpus = np.asarray(corpus)
    if corpus.ndim != 1 or corpus.size < 2:
        raise ValueError("corpus must be a 1-D array of word ids with at least 2 words")
    if not np.issubdtype(corpus.dtype, np.integer):
        raise TypeError(f"corpus must hold integer word ids, got dtype {corpus.dtype}")
    if corpus.min() < 0:
        raise ValueError("corpus word ids must be non-negative")
    top = int(corpus.max())
    if vocab_size is None:
        vocab_size = top + 1
    elif top >= vocab_size:
        raise ValueError(f"corpus holds id {top} but vocab_size is {vocab_size}")
    return corpus.astype(np.int32, copy=False), int(vocab_size)


def train(corpus, vocab_size=None, model="cbow", hidden_size=100, window_size=5, negative=5,
          epochs=10, batch_size=None, lr=None, min_lr_ratio=1e-4, seed=0, subsample=1e-3, power=0.75,
          dynamic_window=True, damping=None, init="word2vec", cbow_update="word2vec",
          progress=True, callback=None, threads=2, id_to_word=None):
    """Train word2vec (CBOW or skip-gram, negative sampling) on a corpus of ids, fast.

    Parameters
    ----------
    corpus : 1-D int array of word ids (the book's ``corpus``, e.g. from ``load_ptb``).
    vocab_size : number of words (default ``corpus.max() + 1``).
    model : ``"cbow"`` or ``"skipgram"``.
    hidden_size, window_size, negative : vector size, maximum window radius, negatives per example.
    epochs : passes over the corpus.
    batch_size : examples per step (default 1024 for CBOW, 4096 pairs for skip-gram).
    lr : starting learning rate (default 0.1 for both); it decays linearly to
        ``lr * min_lr_ratio`` over training, like word2vec's ``alpha``.
    seed : int, ``np.random.Generator`` or ``np.random.SeedSequence``; the same int seed gives
        bit-identical vectors. A Generator is used once, to draw an int seed
        (``seed.integers(2**63)``), which is recorded in ``settings["seed"]``: passing that int
        reproduces the run.
    subsample : Mikolov's subsampling threshold (word2vec's ``-sample``; 0 or None turns it off).
        On a small corpus the default keeps almost nothing (a word seen once in ``M`` words is
        kept with probability about ``sqrt(1e-3 * M)``); if the expected number of kept words
        per epoch is too small to form a window, a ValueError says so: use ``subsample=0``.
    power : the exponent of the negative-sampling distribution ``count**power`` (word2vec's and
        gensim's ``ns_exponent``, 0.75); drawn by :class:`w2vlib.negative_sampling.UnigramSampler`
        with its alias table.
    dynamic_window : draw each target's window size from ``1..window_size`` (word2vec).
    damping : divide the summed update of a row seen ``c`` times in a batch by ``max(1, c/damping)``
        (0 turns it off; large batches then diverge). Default 4 for CBOW, 16 for skip-gram (a
        centre word is the input of all its ~2w pairs, which sit in the same batch).
    init : ``"word2vec"`` (W_in uniform in ``±0.5/hidden_size``, W_out zeros, as word2vec and
        gensim) or ``"book"`` (both ``0.01 * standard normal``).
    cbow_update : ``"word2vec"`` (default): every context row receives the whole ``dL/dh``, as in
        word2vec.c and gensim; ``"gradient"``: each receives its exact share ``dL/dh / n`` (the
        gradient of the mean, what :func:`cbow_grads` and the layered ``CBOW`` compute). The
        word2vec rule trains the input vectors ``n`` times faster and gives better vectors.
    progress : show a tqdm progress bar.
    callback : called as ``callback(epoch, loss)`` after every epoch.
    id_to_word : the words of the ids (dict or list), optional: then ``result.wv`` is a
        :class:`w2vlib.WordVectors`.
    threads : 1 computes everything in the calling thread; 2 (default) prepares the batches in a
        background thread. The result is bit-identical in both modes. (Splitting every batch over
        two threads as well was measured and lost: the per-batch hand-offs cost more than they
        saved on a 2-core machine.)

    Returns a :class:`FastResult`. ``loss_per_epoch`` holds the mean loss per example of each
    epoch; an epoch in which subsampling happened to leave no examples records ``nan``.
    """
    if model not in ("cbow", "skipgram"):
        raise ValueError(f"model must be 'cbow' or 'skipgram', got {model!r}")
    for name, v in (("hidden_size", hidden_size), ("window_size", window_size),
                    ("negative", negative), ("epochs", epochs)):
        if int(v) != v or v < 1:
            raise ValueError(f"{name} must be a positive integer, got {v!r}")
    if cbow_update not in ("word2vec", "gradient"):
        raise ValueError("cbow_update must be 'word2vec' or 'gradient'")
    if threads not in (1, 2):
        raise ValueError("threads must be 1 or 2")
    corpus, V = _check_corpus(corpus, vocab_size)
    if batch_size is None:
        batch_size = 1024 if model == "cbow" else 4096
    if lr is None:
        lr = 0.1
    if damping is None:
        damping = 4.0 if model == "cbow" else 16.0
    if batch_size < 1 or lr <= 0:
        raise ValueError("batch_size and lr must be positive")
    if subsample is not None and not float(subsample) >= 0:
        raise ValueError(f"subsample must be >= 0 (0 turns it off), got {subsample!r}")
    if not float(damping) >= 0:
        raise ValueError(f"damping must be >= 0 (0 turns it off), got {damping!r}")
    counts = np.bincount(corpus, minlength=V)
    keep_prob = subsample_keep_prob(counts, subsample) if subsample else None
    if keep_prob is not None:
        kept = float((counts * keep_prob).sum())
        need = 2 * int(window_size) + 1
        if kept < need:
            raise ValueError(
                f"subsampling (subsample={subsample}) keeps about {kept:.1f} of {corpus.size} "
                f"words per epoch, too few to form training windows (need at least {need} for "
                f"window_size={int(window_size)}); for a small corpus use subsample=0 "
                f"(--subsample 0)")
    if isinstance(seed, np.random.Generator):
        seed = int(seed.integers(2**63))
    elif isinstance(seed, np.integer):
        seed = int(seed)

    t_start = time.perf_counter()
    ss = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    init_seq, plan_seq = ss.spawn(2)
    init_rng = np.random.default_rng(init_seq)
    H = int(hidden_size)
    W_in, W_out = init_weights(V, H, init_rng, init=init)

    planner = _Planner(corpus, V, model, int(window_size), int(negative), int(batch_size),
                       keep_prob, dynamic_window, damping, plan_seq,
                       full_input_update=(cbow_update == "word2vec"), power=float(power))
    total_words = float(corpus.size) * epochs
    lr_min = lr * min_lr_ratio

    def all_batches():
        for _ in range(epochs):
            yield from planner.chunks()
            yield None  # end of epoch marker

    chunks = _prefetch(all_batches(), depth=3) if threads >= 2 else all_batches()
    # a chunk at a time through the queue (few hand-offs); None marks the end of an epoch
    batches = (b for chunk in chunks for b in (chunk if chunk is not None else [None]))

    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=int(total_words), unit="w", unit_scale=True, desc=f"{model} x{epochs}",
                   smoothing=0.1, mininterval=0.5)

    W_in_v = W_in.view(np.dtype((np.void, W_in.strides[0]))).ravel()  # one item per row:
    W_out_v = W_out.view(np.dtype((np.void, W_out.strides[0]))).ravel()  # faster row scatter

    def set_rows(Wv, rows, X):
        Wv[rows] = np.ascontiguousarray(X).view(Wv.dtype).ravel()

    loss_per_epoch = []
    done_words = 0.0
    epoch_loss = 0.0
    epoch_items = 0
    epoch = 0
    try:
        for batch in batches:
            if batch is None:
                # an epoch that subsampling left without examples has no loss: nan, not 0
                mean_loss = epoch_loss / epoch_items if epoch_items else math.nan
                loss_per_epoch.append(mean_loss)
                epoch += 1
                if callback is not None:
                    callback(epoch, mean_loss)
                epoch_loss, epoch_items = 0.0, 0
                continue
            step = max(lr_min, lr * (1.0 - done_words / total_words))
            Win_rows = np.take(W_in, batch.in_rows, axis=0)
            Wout_rows = np.take(W_out, batch.out_rows, axis=0)
            loss, d_in, d_out = _lane_step(batch.lane, Win_rows, Wout_rows, step)
            Win_rows -= d_in
            set_rows(W_in_v, batch.in_rows, Win_rows)
            Wout_rows -= d_out
            set_rows(W_out_v, batch.out_rows, Wout_rows)
            if not math.isfinite(loss):
                raise FloatingPointError("training diverged (loss is not finite); lower lr or raise damping")
            epoch_loss += loss
            epoch_items += batch.n_items
            done_words += batch.n_words
            if bar is not None and done_words - bar.n > 2e5:
                bar.update(int(done_words) - bar.n)
        if bar is not None:
            bar.update(int(total_words) - bar.n)
    finally:
        batches.close()
        if hasattr(chunks, "close"):
            chunks.close()
        if bar is not None:
            bar.close()
    wall = time.perf_counter() - t_start
    settings = dict(model=model, vocab_size=V, hidden_size=H, window_size=int(window_size),
                    negative=int(negative), epochs=int(epochs), batch_size=int(batch_size),
                    lr=float(lr), min_lr_ratio=float(min_lr_ratio),
                    seed=seed if isinstance(seed, int) else None, subsample=subsample,
                    dynamic_window=bool(dynamic_window), damping=float(damping or 0), init=init,
                    power=float(power),
                    cbow_update=cbow_update,
                    threads=threads)
    return FastResult(W_in=W_in, W_out=W_out, loss_per_epoch=loss_per_epoch,
                      words_per_sec=total_words / wall, wall_time=wall, epochs=int(epochs),
                      corpus_words=int(corpus.size), settings=settings,
                      index_to_key=_words_of(id_to_word, V))


def _words_of(id_to_word, V):
    if id_to_word is None:
        return None
    words = [id_to_word[i] for i in range(V)] if isinstance(id_to_word, dict) else list(id_to_word)
    if len(words) != V:
        raise ValueError(f"id_to_word holds {len(words)} words for {V} vectors")
    return words
