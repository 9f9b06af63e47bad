"""Negative sampling: turn "which of V words?" into a few "this word or not?" questions.

:class:`UnigramSampler` draws negative words from the unigram distribution
raised to the power 0.75 (rare words gain, frequent words lose), in one
vectorised draw per batch. :class:`NegativeSamplingLoss` is the book's
composition: one :class:`~w2vlib.layers.EmbeddingDot` + :class:`~w2vlib.layers.SigmoidWithLoss`
pair for the positive (the true target) and one pair for each of the k negatives.
"""
from __future__ import annotations

import numpy as np

from ._checks import as_rng, check_ids
from .layers import EmbeddingDot, SigmoidWithLoss

__all__ = ["UnigramSampler", "NegativeSamplingLoss", "sum_embedding_grads"]


class UnigramSampler:
    """Draw negatives with probability ``count(w) ** power / sum``.

    Parameters
    ----------
    corpus : 1-D array of word ids
    power : the smoothing exponent (0.75 in word2vec and the book)
    sample_size : how many negatives per target (k)
    vocab_size : the vocabulary size; defaults to ``corpus.max() + 1``. Ids that
        never occur get probability 0 and are never drawn.
    rng : a seed or ``np.random.Generator`` (all randomness comes from it)

    Unlike the book (``np.random.choice(..., replace=False)`` once per row, a
    Python loop), all rows are drawn at once by inverting the cumulative
    distribution with ``searchsorted``. Negatives are drawn *with*
    replacement, as in word2vec; a negative equal to its row's target is
    redrawn, so a target is never its own negative.
    """

    def __init__(self, corpus, power: float = 0.75, sample_size: int = 5, vocab_size: int | None = None, rng=None):
        corpus = np.asarray(corpus)
        if corpus.ndim != 1 or corpus.size == 0:
            raise ValueError("corpus must be a non-empty 1-D array of word ids")
        if vocab_size is None:
            vocab_size = int(corpus.max()) + 1
        corpus = check_ids(corpus, vocab_size, "corpus")
        if sample_size < 1:
            raise ValueError(f"sample_size must be >= 1, got {sample_size}")
        counts = np.bincount(corpus, minlength=vocab_size).astype(np.float64)
        if np.count_nonzero(counts) < 2:
            raise ValueError("negative sampling needs at least two distinct words in the corpus")
        self.vocab_size = int(vocab_size)
        self.sample_size = int(sample_size)
        self.power = float(power)
        self.counts = counts
        p = counts**power
        p[counts == 0] = 0.0
        self.word_p = p / p.sum()
        self._cdf = np.cumsum(self.word_p)
        self._cdf[-1] = 1.0
        self.rng = as_rng(rng)

    def sample(self, size) -> np.ndarray:
        """Draw ids of the given shape from ``word_p`` (no target exclusion)."""
        u = self.rng.random(size)
        ids = np.searchsorted(self._cdf, u, side="right")
        return np.minimum(ids, self.vocab_size - 1).astype(np.int32)

    def get_negative_sample(self, target) -> np.ndarray:
        """Negatives of shape ``target.shape + (sample_size,)``, never equal to their target."""
        target = check_ids(target, self.vocab_size, "target")
        neg = self.sample(target.shape + (self.sample_size,))
        tgt = np.broadcast_to(target[..., None], neg.shape)
        clash = neg == tgt
        for _ in range(1000):
            n = int(clash.sum())
            if n == 0:
                return neg
            neg[clash] = self.sample(n)
            clash = neg == tgt
        raise RuntimeError("could not draw negatives different from the target; is one word almost the whole corpus?")


def sum_embedding_grads(dst: np.ndarray, embeds, dirty):
    """``dst = sum(e.grads[0] for e in embeds)``, touching only rows that were written.

    The layers share one weight matrix but keep their own (mostly zero)
    gradients; summing whole V x H matrices would cost O(V) per step, so only the
    rows each layer touched are added. Returns the rows now non-zero in
    ``dst``; pass them back as ``dirty`` next time so they are cleared.
    """
    if dirty is None:
        dst[...] = 0
    else:
        dst[dirty] = 0
    rows = []
    for e in embeds:
        r = e.touched_rows
        dst[r] += e.grads[0][r]  # r has no repeats, so fancy += is safe here
        rows.append(r)
    return np.unique(np.concatenate(rows))


class NegativeSamplingLoss:
    """The book's negative-sampling loss: k+1 EmbeddingDot + SigmoidWithLoss pairs.

    ``forward(h, target, negatives=None)`` returns the positive loss plus the k
    negative losses (each a batch mean). Negatives are drawn from the sampler
    unless given (tests inject them). ``params``/``grads`` hold the shared
    output matrix ``W`` once, with the total gradient of all k+1 layers.
    """

    def __init__(self, W, corpus=None, power: float = 0.75, sample_size: int = 5, rng=None, vocab_size=None, sampler=None):
        if sampler is None:
            if corpus is None:
                raise ValueError("give either a corpus (to build a UnigramSampler) or a sampler")
            sampler = UnigramSampler(corpus, power, sample_size, vocab_size=vocab_size or W.shape[0], rng=rng)
        if sampler.vocab_size != W.shape[0]:
            raise ValueError(f"sampler vocabulary ({sampler.vocab_size}) does not match W ({W.shape[0]} rows)")
        self.sampler = sampler
        self.sample_size = sampler.sample_size
        self.loss_layers = [SigmoidWithLoss() for _ in range(self.sample_size + 1)]
        self.embed_dot_layers = [EmbeddingDot(W) for _ in range(self.sample_size + 1)]
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self._dirty = None
        self.negatives = None

    def forward(self, h, target, negatives=None) -> float:
        target = np.asarray(target)
        if target.ndim != 1:
            raise ValueError(f"target must be 1-D (batch,), got shape {target.shape}")
        batch = target.shape[0]
        if negatives is None:
            negatives = self.sampler.get_negative_sample(target)
        negatives = np.asarray(negatives)
        if negatives.shape != (batch, self.sample_size):
            raise ValueError(f"negatives must have shape {(batch, self.sample_size)}, got {negatives.shape}")
        self.negatives = negatives

        score = self.embed_dot_layers[0].forward(h, target)
        loss = self.loss_layers[0].forward(score, np.ones(batch, dtype=np.int32))
        zeros = np.zeros(batch, dtype=np.int32)
        for i in range(self.sample_size):
            score = self.embed_dot_layers[1 + i].forward(h, negatives[:, i])
            loss += self.loss_layers[1 + i].forward(score, zeros)
        return loss

    def backward(self, dout=1) -> np.ndarray:
        dh = 0
        for l0, l1 in zip(self.loss_layers, self.embed_dot_layers):
            dh = dh + l1.backward(l0.backward(dout))
        self._dirty = sum_embedding_grads(self.grads[0], [l.embed for l in self.embed_dot_layers], self._dirty)
        return dh

    @property
    def touched_rows(self) -> np.ndarray:
        """Rows of ``W`` with a (possibly) non-zero total gradient after the last backward."""
        if self._dirty is None:
            raise RuntimeError("no backward has run yet")
        return self._dirty
