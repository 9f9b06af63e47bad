"""What both trainers share (the numpy loop in :mod:`~w2vlib.fast.training` and the compiled one in
:mod:`~w2vlib.fast.compiled`): the checked corpus, the starting weights and the planner's seed,
subsampling's keep probabilities, the words of the rows, and :class:`FastResult`.

The imports run one way: ``training`` -> ``compiled`` -> ``common``, and ``training`` -> ``common``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..models import init_weights
from .batching import subsample_keep_prob
from .config import FastConfig

__all__ = ["FastResult", "initial_weights", "check_corpus", "trim_vocab", "prepare_corpus",
           "keep_probabilities", "weights_and_plan_seed", "words_of"]


@dataclass
class FastResult:
    """What :func:`train` returns. ``W_in`` are the word vectors (``wv`` offers them as WordVectors)."""

    W_in: np.ndarray
    W_out: np.ndarray
    loss_per_epoch: list
    words_per_sec: float
    wall_time: float
    epochs: int
    corpus_words: int
    settings: dict = field(default_factory=dict)
    #: The words of the rows (``train(..., id_to_word=...)``), for :attr:`wv`.
    index_to_key: list | None = None
    #: The corpus id of each row when ``min_count``/``max_vocab`` trimmed the vocabulary (else None).
    kept_ids: np.ndarray | None = None

    @property
    def word_vecs(self):
        return self.W_in

    @property
    def wv(self):
        """The trained vectors as a :class:`w2vlib.WordVectors` (gensim's ``model.wv``)."""
        if self.index_to_key is None:
            raise AttributeError("the words are unknown: pass id_to_word= to fast.train, or build "
                                 "w2vlib.WordVectors(result.W_in, id_to_word)")
        from ..wordvectors import WordVectors

        return WordVectors(self.W_in, self.index_to_key)


def weights_and_plan_seed(V, cfg):
    """The initial ``(W_in, W_out)`` and the planner's seed: two independent streams of ``cfg.seed``."""
    init_seq, plan_seq = cfg.seed_sequence.spawn(2)
    W_in, W_out = init_weights(V, cfg.hidden_size, np.random.default_rng(init_seq), init=cfg.init)
    return W_in, W_out, plan_seq


def initial_weights(vocab_size, hidden_size=100, seed=0, init="word2vec"):
    """The ``(W_in, W_out)`` that :func:`train` starts from for this int ``seed`` (before any step)."""
    W_in, W_out, _ = weights_and_plan_seed(int(vocab_size), FastConfig.create(hidden_size=hidden_size,
                                                                               seed=seed, init=init))
    return W_in, W_out


def check_corpus(corpus, vocab_size):
    """The corpus as int32 ids and the vocabulary size; clear errors for anything else."""
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
    if int(corpus.min()) == top:
        raise ValueError(f"the corpus holds one distinct word (id {top}, {corpus.size} times); word2vec "
                         "needs at least 2 (each word is trained against other words drawn as negatives)")
    return corpus.astype(np.int32, copy=False), int(vocab_size)


def trim_vocab(corpus, V, min_count, max_vocab):
    """``(corpus, V, kept_ids)`` after :func:`w2vlib.corpus.limit_vocab`; an error if too little is left."""
    from ..corpus import limit_vocab

    trimmed, _, kept, _ = limit_vocab(corpus, dict(enumerate(range(V))), min_count or 0, max_vocab)
    kept_ids = np.fromiter(kept.values(), dtype=np.int64, count=len(kept))
    if len(kept_ids) < 2 or trimmed.size < 2 or int(trimmed.min()) == int(trimmed.max()):
        raise ValueError(f"min_count={min_count}, max_vocab={max_vocab} leave {len(kept_ids)} of {V} "
                         f"words ({trimmed.size} tokens); word2vec needs at least 2 distinct words: "
                         "lower min_count")
    return trimmed.astype(np.int32), len(kept_ids), kept_ids


def prepare_corpus(corpus, vocab_size, min_count, max_vocab, id_to_word):
    """:func:`check_corpus`, then :func:`trim_vocab` when ``min_count``/``max_vocab`` ask for it.

    Returns ``(corpus, V, kept_ids, id_to_word)``: ``kept_ids`` (row -> corpus id) is None when
    nothing was trimmed, and ``id_to_word`` then holds the kept words in row order.
    """
    corpus, V = check_corpus(corpus, vocab_size)
    if min_count is None and max_vocab is None:
        return corpus, V, None, id_to_word
    corpus, V, kept_ids = trim_vocab(corpus, V, min_count, max_vocab)
    if id_to_word is not None:
        id_to_word = [id_to_word[int(i)] for i in kept_ids]
    return corpus, V, kept_ids, id_to_word


def keep_probabilities(corpus, V, cfg):
    """Subsampling's keep probability per word (None when ``sample=0``); refuses a corpus it would empty."""
    if not cfg.sample:
        return None
    counts = np.bincount(corpus, minlength=V)
    keep_prob = subsample_keep_prob(counts, cfg.sample)
    kept, need = float((counts * keep_prob).sum()), 2 * cfg.window_size + 1
    if kept < need:
        raise ValueError(
            f"subsampling (sample={cfg.sample}) keeps about {kept:.1f} of {corpus.size} words per "
            f"epoch, too few to form training windows (need at least {need} for window_size="
            f"{cfg.window_size}); for a small corpus use sample=0 (subsample=0, --subsample 0)")
    return keep_prob


def words_of(id_to_word, V):
    """The words of the ``V`` rows as a list (None when ``id_to_word`` is None)."""
    if id_to_word is None:
        return None
    words = [id_to_word[i] for i in range(V)] if isinstance(id_to_word, dict) else list(id_to_word)
    if len(words) != V:
        raise ValueError(f"id_to_word holds {len(words)} words for {V} vectors")
    return words
