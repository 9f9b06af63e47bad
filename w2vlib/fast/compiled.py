"""The compiled backend: per-word SGD in numba, as word2vec.c and gensim's Cython do it.

``w2vlib.fast.train(..., backend="numba")`` (``python -m w2vlib train --backend numba``) trains the
same model as the numpy fast path, but the way word2vec.c does: one target word at a time, in compiled code, with no
Python per step and no batches (so no damping: every update uses the rows as they are now).

* **Per-word SGD**: subsampling of frequent words, a dynamic window (radius drawn from
  ``1..window_size``), ``negative`` negatives, the learning rate falling linearly to
  ``min_alpha`` over training, ``W_in`` uniform in ``±0.5 / hidden_size`` and ``W_out``
  zeros (the package's initialisation: the same seed gives the numpy backend's starting weights).
* **Hogwild threads**: the corpus is cut into chunks of ``chunk_words`` words; ``prange`` hands
  the chunks of an epoch to the threads, which update the shared weights without locks. The
  model is sparse (an update touches ``~2 * window + k + 1`` of the ``2 * V`` rows), so two threads
  rarely write the same row at the same moment, and when they do, one small update is lost.
* **The tricks**: word2vec.c's linear congruential random numbers, a sigmoid table and a binary
  search of the shared unigram^0.75 sampler's cumulative table
  (:class:`w2vlib.negative_sampling.UnigramSampler`), started from a small guide table
  (:func:`guide_table`); the next word's negatives are drawn one step ahead and their rows
  prefetched; the loss is computed only with ``compute_loss`` (default on). What each of these
  bought is measured in ``benchmarks/README.md``.

Hierarchical softmax (``hs=1, negative=0``): the same loop with word2vec.c's ``if (hs)`` output
layer instead of negatives: the target's Huffman path (:func:`w2vlib.huffman_codes` over the
corpus counts), one sigmoid per inner node, ``W_out`` of shape ``(V - 1, H)`` starting at zeros. The
kernels live in :mod:`w2vlib.fast.numba_hs`; :func:`cbow_hs_example` and
:func:`skipgram_hs_example` run one example (``tests/test_compiled_hs.py`` checks them against
:class:`w2vlib.HierarchicalSoftmaxLoss`).

Reproducibility: every chunk has its own random stream (seeded from ``seed``, the epoch and the
chunk), so with ``threads=1`` the same seed gives bit-identical vectors. With 2 threads the random
draws are the same, but the order in which the threads' updates interleave is not, so the vectors
differ from run to run by a little (the quality does not).

Settings that do not exist here: ``batch_size`` and ``damping`` (there are no batches). The
learning rate ``alpha`` defaults to word2vec.c's: 0.05 for CBOW, 0.025 for skip-gram.

numba is optional (``pip install numba``, or the ``notebooks`` extra). The kernels live in
:mod:`w2vlib.fast.numba_kernels` and are compiled on first use, then cached on disk
(``cache=True``): a later process loads them instead of compiling again.
"""
from __future__ import annotations

import math
import time

import numpy as np

from .common import FastResult, keep_probabilities, weights_and_plan_seed, words_of
from .config import DEFAULT_ALPHA as _BACKEND_ALPHA

__all__ = ["available", "require_numba", "kernels", "train_compiled", "sigmoid_tables",
           "cbow_example", "skipgram_example", "hs_kernels", "hs_paths", "cbow_hs_example",
           "skipgram_hs_example", "NUMBA_MISSING", "DEFAULT_ALPHA"]

#: word2vec.c's starting learning rates for per-word SGD (the defaults FastConfig resolves)
DEFAULT_ALPHA = _BACKEND_ALPHA["numba"]

NUMBA_MISSING = ('backend="numba" needs numba, which is not installed: pip install numba '
                 '(or install the notebooks extra: pip install -e ".[notebooks]")')


def available() -> bool:
    """True when numba can be imported."""
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True


def require_numba():
    """Import numba or raise an ImportError that says how to install it."""
    try:
        import numba
    except ImportError as err:
        raise ImportError(NUMBA_MISSING) from err
    return numba


def kernels():
    """The compiled kernels module (:mod:`w2vlib.fast.numba_kernels`); needs numba."""
    require_numba()
    from . import numba_kernels

    return numba_kernels


def sigmoid_tables(size=None, max_exp=None):
    """word2vec.c's sigmoid table and the matching loss table, float32.

    Entry ``i`` is at ``x = (i / size * 2 - 1) * max_exp``: ``sig[i] = sigmoid(x)`` and
    ``nll[i] = -log(sigmoid(x))`` (the loss of a positive with score ``x``).
    """
    if size is None or max_exp is None:
        k = kernels()
        size = k.SIG_TABLE_SIZE if size is None else size
        max_exp = k.MAX_EXP if max_exp is None else max_exp
    x = (np.arange(size) / size * 2 - 1) * max_exp
    sig = (1.0 / (1.0 + np.exp(-x))).astype(np.float32)
    nll = np.logaddexp(0.0, -x).astype(np.float32)
    return sig, nll


def _cdf(corpus, vocab_size, power=0.75):
    """The shared sampler's cumulative unigram^power table (``UnigramSampler.cum_table``)."""
    from ..negative_sampling import UnigramSampler

    sampler = UnigramSampler(corpus, power=power, vocab_size=vocab_size)
    return np.ascontiguousarray(sampler.cum_table, dtype=np.float64)


def guide_table(cdf, bits=None):
    """The head start of the negatives' search: entry ``j`` of the ``2**bits + 1`` entries is
    ``np.searchsorted(cdf, j / 2**bits, side="right")`` (int32), so the answer for a uniform ``u``
    lies between entries ``floor(u * 2**bits)`` and the next one. ``bits=0`` gives ``[0, len(cdf)]``:
    the plain binary search of the whole table (the same words, more steps).
    """
    if bits is None:
        bits = kernels().GUIDE_BITS
    T = 2 ** int(bits)
    return np.searchsorted(cdf, np.arange(T + 1) / T, side="right").astype(np.int32)


def _example_args(W_in, W_out, exact):
    for name, W in (("W_in", W_in), ("W_out", W_out)):
        if not isinstance(W, np.ndarray) or W.dtype != np.float32 or W.ndim != 2:
            raise TypeError(f"{name} must be a 2-D float32 numpy array (the kernel updates it in "
                            f"place), got {getattr(W, 'dtype', type(W).__name__)}")
    if W_in.shape != W_out.shape:
        raise ValueError(f"W_in and W_out must have the same shape, got {W_in.shape} and {W_out.shape}")
    if not (W_in.flags.c_contiguous and W_out.flags.c_contiguous):
        raise ValueError("W_in and W_out must be C-contiguous")
    H = W_in.shape[1]
    sig, nll = sigmoid_tables()
    return np.empty(H, np.float32), np.empty(H, np.float32), sig, nll


def _ids(x, V, name, ndim):
    from .._checks import check_ids

    x = check_ids(np.asarray(x), V, name)
    if x.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {x.shape}")
    return np.ascontiguousarray(x, dtype=np.int32)


def cbow_example(W_in, W_out, contexts, target, negatives, lr, exact_sigmoid=True,
                 cbow_update="word2vec"):
    """One CBOW example, one SGD step of the compiled kernel, **in place** on ``W_in``/``W_out``.

    ``contexts`` (n,) ids, ``target`` an id, ``negatives`` (k,) ids. Returns the loss
    (the sum of the ``k + 1`` binary cross-entropies). ``cbow_update="gradient"`` gives each
    context row ``dL/dh / n`` (the layered ``CBOW``'s gradient, so the step equals
    ``W -= lr * grad`` of the layered model); ``"word2vec"`` gives each the whole ``dL/dh``.
    ``exact_sigmoid=False`` reads the sigmoid from the table as training does.
    """
    k = kernels()
    V = W_in.shape[0]
    h, dh, sig, nll = _example_args(W_in, W_out, exact_sigmoid)
    return float(k.cbow_example(W_in, W_out, _ids(contexts, V, "contexts", 1), int(target),
                                _ids(negatives, V, "negatives", 1), float(lr), h, dh, sig, nll,
                                bool(exact_sigmoid), cbow_update == "word2vec"))


def skipgram_example(W_in, W_out, centre, contexts, negatives, lr, exact_sigmoid=True):
    """One skip-gram example, one SGD step of the compiled kernel, **in place**.

    The centre row predicts each of ``contexts`` (n,), with ``negatives`` (n, k). Returns the
    summed loss of the ``n`` pairs.
    """
    k = kernels()
    V = W_in.shape[0]
    h, dh, sig, nll = _example_args(W_in, W_out, exact_sigmoid)
    return float(k.skipgram_example(W_in, W_out, int(centre), _ids(contexts, V, "contexts", 1),
                                    _ids(negatives, V, "negatives", 2), float(lr), h, dh, sig,
                                    nll, bool(exact_sigmoid)))


# ------------------------------------------------------------------ hierarchical softmax (hs=1)
def hs_kernels():
    """The compiled hierarchical-softmax kernels (:mod:`w2vlib.fast.numba_hs`); needs numba."""
    require_numba()
    from . import numba_hs

    return numba_hs


def hs_paths(corpus, V):
    """The Huffman tree over the corpus counts as the kernels read it: ``(code_flat, point_flat,
    starts)`` (:func:`w2vlib.hierarchical_softmax.flat_paths`) and the path length of every word."""
    from ..hierarchical_softmax import code_lengths, flat_paths, huffman_codes

    codes, points = huffman_codes(np.bincount(corpus, minlength=V))
    return flat_paths(codes, points), code_lengths(codes)


def _hs_args(W_in, W_node, codes, points):
    from ..hierarchical_softmax import flat_paths

    for name, W in (("W_in", W_in), ("W_node", W_node)):
        if not isinstance(W, np.ndarray) or W.dtype != np.float32 or W.ndim != 2 or not W.flags.c_contiguous:
            raise TypeError(f"{name} must be a C-contiguous 2-D float32 numpy array (the kernel "
                            f"updates it in place), got {getattr(W, 'dtype', type(W).__name__)}")
    V = W_in.shape[0]
    if W_node.shape != (V - 1, W_in.shape[1]) or len(codes) != V:
        raise ValueError(f"W_node must have shape (V - 1, H) = {(V - 1, W_in.shape[1])} and the tree "
                         f"V = {V} words, got {W_node.shape} and {len(codes)}")
    sig, nll = sigmoid_tables()
    H = W_in.shape[1]
    return (*flat_paths(codes, points), np.empty(H, np.float32), np.empty(H, np.float32), sig, nll)


def cbow_hs_example(W_in, W_node, contexts, target, codes, points, lr, exact_sigmoid=True,
                    cbow_update="word2vec"):
    """One CBOW example with hierarchical softmax, one SGD step of the compiled kernel, **in
    place** on ``W_in`` (V, H) and ``W_node`` (V - 1, H); ``codes, points`` from
    :func:`w2vlib.huffman_codes`. Returns ``-log P(target | h)``; ``cbow_update`` as in
    :func:`cbow_example`."""
    V = W_in.shape[0]
    args = _hs_args(W_in, W_node, codes, points)
    return float(hs_kernels().cbow_hs_example(W_in, W_node, _ids(contexts, V, "contexts", 1),
                                              int(_ids([target], V, "target", 1)[0]), *args[:3],
                                              float(lr), *args[3:], bool(exact_sigmoid),
                                              cbow_update == "word2vec"))


def skipgram_hs_example(W_in, W_node, centre, contexts, codes, points, lr, exact_sigmoid=True):
    """One skip-gram example with hierarchical softmax, **in place**: the centre row walks the
    path of each of ``contexts``. Returns the summed loss of the pairs."""
    V = W_in.shape[0]
    args = _hs_args(W_in, W_node, codes, points)
    return float(hs_kernels().skipgram_hs_example(W_in, W_node, int(_ids([centre], V, "centre", 1)[0]),
                                                  _ids(contexts, V, "contexts", 1), *args[:3],
                                                  float(lr), *args[3:], bool(exact_sigmoid)))


def train_compiled(corpus, V, cfg, *, progress=True, callback=None, id_to_word=None, kept_ids=None,
                   min_count=None, max_vocab=None, chunk_words=10_000, exact_sigmoid=False,
                   guide_bits=None, prefetch=True):
    """The body of ``w2vlib.fast.train(..., backend="numba")``, called once its checks are done.

    ``corpus`` (int32 ids) and ``V`` as checked (and trimmed) by ``train``; ``cfg`` the checked
    :class:`~w2vlib.fast.config.FastConfig` (its ``alpha`` defaults to word2vec.c's for the model,
    ``min_alpha`` to ``alpha * 1e-4``). ``progress``, ``callback``, ``id_to_word``, ``min_count``
    and ``max_vocab`` as ``train`` takes them; ``kept_ids`` as ``train`` computed them.
    ``chunk_words``: words per chunk, the unit a thread takes (windows stop at chunk ends).
    ``exact_sigmoid``: compute the sigmoid instead of reading the table. ``guide_bits``: the size
    of the negatives' guide table (:func:`guide_table`; default ``numba_kernels.GUIDE_BITS``, 0 for
    the plain binary search). ``prefetch``: ask for the next word's output rows early. These four
    change only the speed (``exact_sigmoid`` a little of the arithmetic); notebook 09 can turn them
    to measure what each trick buys.
    """
    numba = require_numba()
    keep_prob = keep_probabilities(corpus, V, cfg)

    k = kernels()
    alpha, lr_end = cfg.alpha, cfg.min_alpha
    if keep_prob is None:
        keep_prob = np.ones(V)
    keep_prob = np.ascontiguousarray(keep_prob, dtype=np.float64)
    used_threads = min(int(cfg.threads), numba.config.NUMBA_NUM_THREADS)
    epochs = cfg.epochs

    t_start = time.perf_counter()
    W_in, W_out, plan_seq = weights_and_plan_seed(V, cfg)  # the numpy backend's, same seed
    if cfg.hs:  # the output layer is the tree's V - 1 inner nodes (zeros, as word2vec.c's syn1)
        W_out = np.zeros((V - 1, cfg.hidden_size), dtype=np.float32)
        paths, lengths = hs_paths(corpus, V)
    else:
        cdf = _cdf(corpus, V, cfg.power)
        guide = guide_table(cdf, k.GUIDE_BITS if guide_bits is None else guide_bits)
    sig, nll = sigmoid_tables()
    n_chunks = max(1, -(-corpus.size // int(chunk_words)))
    bounds = np.linspace(0, corpus.size, n_chunks + 1).astype(np.int64)
    seeds = np.random.default_rng(plan_seq).integers(1, 2**63, size=(epochs, n_chunks),
                                                     dtype=np.int64).astype(np.uint64)
    loss_out = np.zeros(n_chunks)
    examples_out = np.zeros(n_chunks, dtype=np.int64)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=corpus.size * epochs, unit="w", unit_scale=True,
                   desc=f"{cfg.model} x{epochs} (numba, {used_threads} threads)")
    loss_per_epoch = []
    before = numba.get_num_threads()
    numba.set_num_threads(used_threads)
    # dynamic scheduling: a thread takes the next chunk when it is done with one (on a busy
    # machine a fixed half per thread waits for the slower thread)
    chunksize_before = numba.set_parallel_chunksize(1)
    try:
        for e in range(epochs):
            # the learning rate at each chunk boundary: linear in the words done so far
            done = (e * corpus.size + bounds) / (epochs * corpus.size)
            lr_bounds = np.maximum(lr_end, alpha * (1.0 - done))
            if cfg.hs:
                hs_kernels().train_epoch_hs(
                    W_in, W_out, corpus, bounds, seeds[e], lr_bounds, keep_prob, *paths, sig, nll,
                    cfg.window_size, cfg.dynamic_window, cfg.model == "cbow",
                    cfg.cbow_update == "word2vec", bool(exact_sigmoid), loss_out, examples_out)
            else:
                k.train_epoch(W_in, W_out, corpus, bounds, seeds[e], lr_bounds, keep_prob, cdf, guide,
                              sig, nll, cfg.window_size, cfg.dynamic_window, cfg.negative,
                              cfg.model == "cbow", cfg.cbow_update == "word2vec", bool(exact_sigmoid),
                              cfg.compute_loss, bool(prefetch), loss_out, examples_out)
            n_ex = int(examples_out.sum())
            mean_loss = float(loss_out.sum()) / n_ex if n_ex and cfg.compute_loss else math.nan
            if n_ex and cfg.compute_loss and not math.isfinite(mean_loss):
                raise FloatingPointError("training diverged (loss is not finite); lower alpha")
            loss_per_epoch.append(mean_loss)
            if bar is not None:
                bar.update(corpus.size)
            if callback is not None:
                callback(e + 1, mean_loss)
    finally:
        numba.set_parallel_chunksize(chunksize_before)
        numba.set_num_threads(before)
        if bar is not None:
            bar.close()
    wall = time.perf_counter() - t_start
    for name, W in (("W_in", W_in), ("W_out", W_out)):
        if not np.all(np.isfinite(W)):
            raise FloatingPointError(f"training diverged: {name} holds nan or inf; lower alpha")
    settings = dict(cfg.settings(V), min_count=min_count, max_vocab=max_vocab)
    settings.update(alpha=alpha, min_alpha=lr_end, threads=used_threads, backend="numba",
                    batch_size=None, damping=None, chunk_words=int(chunk_words),
                    exact_sigmoid=bool(exact_sigmoid),
                    guide_bits=None if cfg.hs else int(guide.size - 1).bit_length() - 1,
                    prefetch=bool(prefetch))
    if cfg.hs:  # the loss of W_out = 0: ln 2 per node on the path, over the words kept
        kept = np.bincount(corpus, minlength=V) * keep_prob
        settings.update(loss_start=float(np.dot(kept, lengths) / kept.sum() * math.log(2)),
                        mean_code_length=float(np.dot(kept, lengths) / kept.sum()))
    return FastResult(W_in, W_out, loss_per_epoch, corpus.size * epochs / wall, wall, epochs,
                      int(corpus.size), settings, words_of(id_to_word, V), kept_ids)
