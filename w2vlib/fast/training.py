"""``train``: word2vec's training loop over the planner's batches and the kernel's steps."""
from __future__ import annotations

import itertools
import math
import time
import warnings

import numpy as np

from .batching import Planner, prefetch
from .common import (FastResult, initial_weights, keep_probabilities, prepare_corpus,
                     weights_and_plan_seed, words_of)
from .compiled import train_compiled
from .config import FastConfig, default_batch_size

__all__ = ["FastResult", "train", "initial_weights"]


def check_trained(W_in, W_out, loss_per_epoch, n_tokens, cfg):
    """After the last update: the weights must be finite (the loss is computed before each update,
    so the last one is checked here), and a loss that did not fall is said in words (a warning)."""
    for name, W in (("W_in", W_in), ("W_out", W_out)):
        if not np.all(np.isfinite(W)):
            raise FloatingPointError(f"training diverged: {name} holds nan or inf after the last "
                                     "update; lower alpha or raise damping")
    start = (cfg.negative + 1) * math.log(2)  # the loss of W_out = 0 (word2vec's initialisation)
    losses = [x for x in loss_per_epoch if math.isfinite(x)]
    if losses and losses[-1] > 0.95 * start:
        warnings.warn(
            f"the loss did not fall: {start:.4f} at the start, {losses[-1]:.4f} in the last epoch "
            f"(corpus of {n_tokens:,} tokens, batch_size={cfg.batch_size}, epochs={cfg.epochs}, "
            f"alpha={cfg.alpha:g}); the vectors are barely trained. Try more epochs, a smaller "
            "batch_size, a larger alpha, or sample=0 on a small corpus", RuntimeWarning, stacklevel=3)


def sgd_step_of(backend):
    """The kernel that applies one batch: the numpy kernel, or another backend's."""
    if backend == "numpy":
        from .kernel import sgd_step

        return sgd_step
    raise ValueError(f"backend={backend!r} is not available in this version of w2vlib (only 'numpy')")


class _Progress:
    """A tqdm bar over the corpus words (or nothing), updated about every 200,000 words."""

    def __init__(self, show, total, desc):
        from tqdm.auto import tqdm

        self.total = int(total)
        self.bar = tqdm(total=self.total, unit="w", unit_scale=True, desc=desc, smoothing=0.1,
                        mininterval=0.5, disable=not show)

    def update(self, done_words):
        if done_words - self.bar.n > 2e5:
            self.bar.update(int(done_words) - self.bar.n)

    def close(self, finished):
        if finished:
            self.bar.update(self.total - self.bar.n)
        self.bar.close()


def train(corpus, vocab_size=None, model="cbow", hidden_size=100, window_size=5, negative=5,
          epochs=10, batch_size=None, alpha=None, min_alpha=None, seed=0, sample=1e-3, power=0.75,
          dynamic_window=True, damping=None, init="word2vec", cbow_update="word2vec",
          progress=True, callback=None, threads=2, id_to_word=None, backend="numpy", min_count=None,
          max_vocab=None, compute_loss=True, hs=0, **aliases):
    """Train word2vec (CBOW or skip-gram; negative sampling, or hierarchical softmax with
    ``backend="numba"``) on a corpus of ids, fast.

    Parameters
    ----------
    corpus : 1-D int array of word ids (the book's ``corpus``, e.g. from ``load_ptb``).
    vocab_size : number of words (default ``corpus.max() + 1``).
    model : ``"cbow"`` or ``"skipgram"``.
    hidden_size, window_size : vector size and maximum window radius (the book's names, shared
        with the layered models and ``w2vlib.pretrained``).
    negative : negatives per example (0 with ``hs=1``).
    hs : 1 trains hierarchical softmax instead of negative sampling (gensim's ``hs=1``,
        word2vec.c's ``-hs 1``): pass ``negative=0`` and ``backend="numba"``. The output matrix
        ``W_out`` then holds the ``V - 1`` inner nodes of the Huffman tree
        (:func:`w2vlib.huffman_codes`), gensim's ``syn1``. ``hs=1`` with ``negative > 0`` is
        refused (gensim trains both output layers then, and warns it is probably a mistake).
    epochs : passes over the corpus.
    batch_size : examples per step (default 1024 for CBOW, 4096 pairs for skip-gram, smaller on a
        small corpus so that an epoch gives about 100 updates: :func:`~w2vlib.fast.config.default_batch_size`).
    alpha : starting learning rate (default 0.1 at 5 negatives and window 5, smaller when more
        negatives, or a wider skip-gram window, make the summed update of a batch larger:
        :func:`~w2vlib.fast.config.default_alpha`; with ``backend="numba"`` word2vec.c's 0.05 for
        CBOW, 0.025 for skip-gram); it decays linearly to ``min_alpha`` (default
        ``alpha * 1e-4``) over training, as in word2vec and gensim.
    seed : int, ``np.random.Generator`` or ``np.random.SeedSequence``; the same int seed gives
        bit-identical vectors. A Generator is used once, to draw an int seed
        (``seed.integers(2**63)``), which is recorded in ``settings["seed"]``: passing that int
        reproduces the run.
    sample : Mikolov's subsampling threshold of frequent words (word2vec's ``-sample``; 0 or None
        turns it off). On a small corpus the default keeps almost nothing (a word seen once in
        ``M`` words is kept with probability about ``sqrt(1e-3 * M)``); if the expected number of
        kept words per epoch is too small to form a window, a ValueError says so: use ``sample=0``.
    power : the exponent of the negative-sampling distribution ``count**power`` (0.75); drawn by
        :class:`w2vlib.negative_sampling.UnigramSampler` with its alias table.
    dynamic_window : draw each target's window radius from ``1..window_size`` (word2vec).
    damping : divide the summed update of a row seen ``c`` times in a batch by ``max(1, c/damping)``
        (0 turns it off: each step then applies the whole summed update; notebook 05 measures the effect). Default 4 for CBOW, 16 for skip-gram (a
        centre word is the input of all its ~2w pairs, which sit in the same batch).
    init : ``"word2vec"`` (W_in uniform in ``±0.5/hidden_size``, W_out zeros, as word2vec and
        gensim) or ``"book"`` (both ``0.01 * standard normal``); see :func:`w2vlib.models.init_weights`.
    cbow_update : ``"word2vec"`` (default): every context row receives the whole ``dL/dh``, as in
        word2vec.c and gensim; ``"gradient"``: each receives its exact share ``dL/dh / n`` (the
        gradient of the mean, what :func:`cbow_grads` and the layered ``CBOW`` compute). The
        word2vec rule trains the input vectors ``n`` times faster and gives better vectors.
    progress : show a tqdm progress bar.
    callback : called as ``callback(epoch, loss)`` after every epoch.
    threads : 1 computes everything in the calling thread; 2 (default) prepares the batches in a
        background thread. The result is bit-identical in both modes.
    id_to_word : the words of the ids (dict or list), optional: then ``result.wv`` is a
        :class:`w2vlib.WordVectors`.
    backend : ``"numpy"`` (the kernel of :mod:`w2vlib.fast.kernel`) or ``"numba"`` (compiled
        per-word SGD, :mod:`w2vlib.fast.compiled`; needs numba).
    min_count, max_vocab : drop the words seen fewer than ``min_count`` times, then keep the
        ``max_vocab`` most frequent (:func:`w2vlib.corpus.limit_vocab`; as gensim, the dropped
        words leave the corpus). Default None: every id keeps its row. When they trim, the rows
        are the kept ids in order: ``result.kept_ids`` maps row -> corpus id (and ``result.wv``
        holds the kept words).
    compute_loss : ``backend="numba"`` only: False skips the loss (``loss_per_epoch`` then holds
        nan), as gensim's ``compute_loss=False``; the weights are the same either way. The numpy
        kernel always computes it (its step needs the scores anyway).
    subsample, lr : older names of ``sample`` and ``alpha``, still accepted.

    The layered model (``w2vlib.CBOW`` + ``Trainer``) and this function differ in exactly these
    knobs; set them as in the last column to follow the layered model's gradient:

    ==============================  ================================  ==========================
    knob                            word2vec / default here            like the layered model
    ==============================  ================================  ==========================
    ``cbow_update``                 ``"word2vec"`` (whole dL/dh)       ``"gradient"``
    ``damping``                     4 (CBOW), 16 (skip-gram)           ``0``
    ``sample``                      ``1e-3``                           ``0``
    ``dynamic_window``              ``True``                           ``False``
    ``power``                       ``0.75``                           ``0.75`` (the book's)
    ==============================  ================================  ==========================

    Our names and gensim's ``gensim.models.Word2Vec``:

    ==============================  ==========================================================
    ``w2vlib.fast.train``           ``gensim.models.Word2Vec``
    ==============================  ==========================================================
    ``hidden_size=100``             ``vector_size=100``
    ``window_size=5``               ``window=5`` (both draw the radius from 1..window)
    ``negative=5``                  ``negative=5`` (with ``hs=0``)
    ``hs=1, negative=0``            ``hs=1, negative=0`` (numba backend; both > 0: refused here,
                                    both trained by gensim)
    ``sample=1e-3``                 ``sample=1e-3``
    ``alpha=0.1``, ``min_alpha``    ``alpha=0.025``, ``min_alpha=0.0001`` (our big batches
                                    sum many examples into one step, hence another alpha)
    ``model="cbow"|"skipgram"``     ``sg=0`` / ``sg=1`` (``cbow_mean=1``)
    ``power=0.75``                  ``ns_exponent=0.75``
    ``threads=1|2``                 ``workers`` (ours: 2 = one thread prepares batches)
    ``epochs=10``                   ``epochs=5``
    ``seed=0``                      ``seed=1``
    ``min_count=None`` (keep all)   ``min_count=5`` (the command line's ``--min-count`` is 5)
    ``max_vocab``                   ``max_final_vocab``
    ``compute_loss=True``           ``compute_loss=False`` (ours: only the numba backend skips it)
    ==============================  ==========================================================

    Returns a :class:`FastResult`. ``loss_per_epoch`` holds the mean loss per example of each
    epoch; an epoch in which subsampling happened to leave no examples records ``nan``.
    """
    corpus, V, kept_ids, id_to_word = prepare_corpus(corpus, vocab_size, min_count, max_vocab, id_to_word)
    batch_size = default_batch_size(corpus.size, model) if batch_size is None else batch_size
    cfg = FastConfig.create(model, hidden_size, window_size, negative, epochs, batch_size, alpha,
                            min_alpha, seed, sample, power, dynamic_window, damping, init, cbow_update,
                            threads, backend, compute_loss, hs, **aliases)
    if cfg.backend == "numba":  # compiled per-word SGD, no batches: w2vlib/fast/compiled.py
        return train_compiled(corpus, V, cfg, progress=progress, callback=callback, id_to_word=id_to_word,
                              kept_ids=kept_ids, min_count=min_count, max_vocab=max_vocab)
    keep_prob, sgd_step = keep_probabilities(corpus, V, cfg), sgd_step_of(cfg.backend)
    t_start = time.perf_counter()
    W_in, W_out, plan_seq = weights_and_plan_seed(V, cfg)
    planner = Planner(corpus, V, cfg, keep_prob, plan_seq)
    chunks = prefetch(planner.all_epochs(), depth=3) if cfg.threads == 2 else planner.all_epochs()
    total_words, done_words, loss_per_epoch = float(corpus.size) * cfg.epochs, 0.0, []
    bar = _Progress(progress, total_words, f"{cfg.model} x{cfg.epochs}")
    try:
        for epoch, epoch_chunks in itertools.groupby(chunks, key=lambda chunk: chunk.epoch):
            epoch_loss, epoch_items = 0.0, 0
            for batch in (b for chunk in epoch_chunks for b in chunk.batches):
                lr = max(cfg.min_alpha, cfg.alpha * (1.0 - done_words / total_words))  # linear decay
                epoch_loss += sgd_step(W_in, W_out, batch, lr)
                epoch_items += batch.n_items
                done_words += batch.n_words
                bar.update(done_words)
            # an epoch that subsampling left without examples has no loss: nan, not 0
            loss_per_epoch.append(epoch_loss / epoch_items if epoch_items else math.nan)
            if callback is not None:
                callback(epoch + 1, loss_per_epoch[-1])
    finally:
        chunks.close()
        bar.close(finished=len(loss_per_epoch) == cfg.epochs)
    wall = time.perf_counter() - t_start
    check_trained(W_in, W_out, loss_per_epoch, corpus.size, cfg)
    return FastResult(W_in, W_out, loss_per_epoch, total_words / wall, wall, cfg.epochs, int(corpus.size),
                      dict(cfg.settings(V), min_count=min_count, max_vocab=max_vocab),
                      words_of(id_to_word, V), kept_ids)
