"""The planner: an epoch's randomness, cut into batches that are ready for the kernel.

For every epoch the :class:`Planner` subsamples the corpus (word2vec's ``sample``), draws each
target's window radius (the dynamic window) and the negatives (by the package's
:class:`~w2vlib.negative_sampling.UnigramSampler`, alias method), and prepares the sparse structure
of each batch (:class:`Batch`), all without the weights, so that it can run ahead in a second
thread (:func:`prefetch`). All draws come from one generator in one fixed order: a seed gives the
same batches whatever the thread timing.
"""
from __future__ import annotations

import queue
import threading
from dataclasses import dataclass

import numpy as np

from ..negative_sampling import UnigramSampler

__all__ = ["Batch", "Chunk", "Planner", "make_batches", "prefetch", "subsample_keep_prob"]


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


@dataclass
class Batch:
    """Everything a step needs, prepared without the weights (so it can be built ahead).

    Example ``i`` (CBOW: a target; skip-gram: a (centre, context) pair) reads the input rows
    ``in_rows`` through ``A`` and scores ``k + 1`` output rows (its positive word first, then the
    negatives) at positions ``out_inv[i]`` of ``out_rows``.
    """

    n_items: int  # examples
    n_words: float  # corpus words this batch stands for (for the learning-rate schedule and words/s)
    in_rows: np.ndarray  # unique input rows (intp, sorted)
    out_rows: np.ndarray  # unique output rows (intp, sorted)
    A: sp.csr_array  # (n_items, len(in_rows)): h = A @ W_in[in_rows]
    A_upd_T: sp.csc_array  # (len(in_rows), n_items): how dL/dh reaches the input rows (damped)
    out_inv: np.ndarray  # (n_items, k+1) positions in out_rows; column 0 is the positive
    out_coef: np.ndarray  # (n_items, k+1) float32: 1 / damping factor of each output entry
    G: sp.csc_array  # (len(out_rows), n_items), an entry per (example, output row); its data is
    #                  filled with the scaled dL/dscores in the step


@dataclass
class Chunk:
    """A few dozen batches of one epoch (the unit handed from the planner thread to the trainer)."""

    epoch: int
    batches: list


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


def make_batches(in_ids, in_indptr, in_weight, out_ids, vocab_size, batch_size, words_per_item,
                 damping, full_input_update=False):
    """Cut examples into batches of ``batch_size`` and prepare each (vectorised over all of them).

    Inputs: example ``i`` reads input rows ``in_ids[in_indptr[i]:in_indptr[i+1]]`` with weights
    ``in_weight`` (CBOW: ``1/n`` each, the mean; skip-gram: one row, weight 1) and scores the
    output rows ``out_ids[i]`` (the positive first, then the negatives).
    ``full_input_update``: every input row receives the whole ``dL/dh`` (word2vec's and gensim's
    CBOW update) instead of its share ``weight * dL/dh`` (the true gradient of the mean).
    """
    import scipy.sparse as sp  # only the numpy backend needs it: imported on first use

    n_items, k1 = out_ids.shape
    n_batches = -(-n_items // batch_size)
    item_batch = np.arange(n_items) // batch_size
    in_counts = np.diff(in_indptr)
    in_group = np.repeat(item_batch, in_counts)
    in_rows, in_starts, in_local, in_count = _renumber_grouped(in_ids, in_group, n_batches, vocab_size)
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
        batches.append(Batch(int(n), float(n * words_per_item), rows_in, rows_out, A, A_upd_T,
                             out_local[a:b], out_coef[a:b], G))
    return batches


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


class Planner:
    """Draws each epoch's randomness and cuts it into prepared batches (runs in a worker thread).

    An epoch is prepared in chunks of ``chunk_batches`` batches, so the trainer never waits for a
    whole epoch to be planned. ``config`` is a :class:`~w2vlib.fast.config.FastConfig`.
    """

    def __init__(self, corpus, vocab_size, config, keep_prob, seed, chunk_batches=32):
        self.corpus = corpus
        self.V = vocab_size
        self.cfg = config
        self.keep_prob = keep_prob
        self.chunk_batches = chunk_batches
        self.rng = np.random.default_rng(seed)
        self.sampler = UnigramSampler(corpus, config.power, config.negative, vocab_size=vocab_size,
                                      rng=self.rng, method="alias")

    def all_epochs(self):
        """Every epoch's chunks, in order; an epoch that subsampling left empty is one empty chunk."""
        for epoch in range(self.cfg.epochs):
            empty = True
            for batches in self.chunks():
                empty = False
                yield Chunk(epoch, batches)
            if empty:
                yield Chunk(epoch, [])

    def chunks(self):
        """Yield the batches of one epoch, a list (a chunk of ``chunk_batches``) at a time."""
        rng, corpus, w, bs = self.rng, self.corpus, self.cfg.window_size, self.cfg.batch_size
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
        cbow = self.cfg.model == "cbow"
        chunk = bs * self.chunk_batches if cbow else max(1, bs * self.chunk_batches // (w + 1))
        for c0 in range(0, n, chunk):
            c1 = min(n, c0 + chunk)
            if self.cfg.dynamic_window:
                b = rng.integers(1, w + 1, size=c1 - c0, dtype=np.int32)
            else:
                b = np.full(c1 - c0, w, dtype=np.int32)
            ctx_ids, counts = _chunk_windows(padded, w, c0, c1, b)
            if cbow:
                yield self._cbow_chunk(stream[c0:c1], ctx_ids, counts, words_per_pos)
            else:
                yield self._skipgram_chunk(stream[c0:c1], ctx_ids, counts, words_per_pos)

    def _cbow_chunk(self, targets, ctx_ids, counts, words_per_pos):
        negs = self.sampler.get_negative_sample(targets)
        indptr = np.zeros(targets.size + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        weight = np.repeat((1.0 / counts).astype(np.float32), counts)
        out = np.concatenate([targets[:, None], negs], axis=1)
        return make_batches(ctx_ids, indptr, weight, out, self.V, self.cfg.batch_size, words_per_pos,
                            self.cfg.damping, full_input_update=self.cfg.cbow_update == "word2vec")

    def _skipgram_chunk(self, centres, ctx_ids, counts, words_per_pos):
        centre = np.repeat(centres, counts)
        negs = self.sampler.get_negative_sample(ctx_ids)
        out = np.concatenate([ctx_ids[:, None], negs], axis=1)
        n_pairs = centre.size
        return make_batches(centre, np.arange(n_pairs + 1), np.ones(n_pairs, np.float32), out, self.V,
                            self.cfg.batch_size, centres.size * words_per_pos / n_pairs, self.cfg.damping)


def prefetch(gen, depth):
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
