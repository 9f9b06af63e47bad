"""Negative sampling: turn "which of V words?" into a few "this word or not?" questions.

:class:`UnigramSampler` draws negative words from the unigram distribution
raised to the power 0.75 (rare words gain, frequent words lose), in one
vectorised draw per batch, by a cumulative table or an alias table. This module
owns that distribution and the draws; ``w2vlib.fast`` uses the same sampler. :class:`NegativeSamplingLoss` is the book's
composition: one :class:`~w2vlib.layers.EmbeddingDot` + :class:`~w2vlib.layers.SigmoidWithLoss`
pair for the positive (the true target) and one pair for each of the k negatives.
"""
from __future__ import annotations

import numpy as np

from ._checks import as_rng, check_ids
from .layers import EmbeddingDot, SigmoidWithLoss, TracksTouchedRows

__all__ = ["UnigramSampler", "NegativeSamplingLoss", "sum_embedding_grads", "unigram_distribution",
           "alias_table", "alias_draw"]

#: How a :class:`UnigramSampler` turns uniform numbers into word ids.
SAMPLER_METHODS = ("cdf", "alias")


def unigram_distribution(counts, power: float = 0.75) -> np.ndarray:
    """The negative-sampling distribution ``counts**power / sum`` (float64, sums to 1).

    Words that never occur get probability 0 (also for ``power=0``).
    """
    counts = np.asarray(counts, dtype=np.float64)
    if counts.ndim != 1 or counts.size == 0 or np.any(counts < 0) or not counts.sum() > 0:
        raise ValueError("counts must be a non-empty 1-D array of non-negative numbers with a positive sum")
    p = counts**power
    p[counts == 0] = 0.0
    return p / p.sum()


def alias_table(p):
    """Walker/Vose alias table for the distribution ``p``: returns ``(prob, alias)``.

    A draw picks a column ``i`` uniformly, then keeps ``i`` with probability ``prob[i]`` and
    otherwise takes ``alias[i]``. Every outcome has exactly probability ``p[i]`` (up to float64
    rounding), and a draw costs one uniform whatever the vocabulary size (see :func:`alias_draw`).
    """
    p = np.asarray(p, dtype=np.float64)
    n = p.size
    scaled = p * n / p.sum()
    prob = np.ones(n, dtype=np.float64)
    alias = np.arange(n, dtype=np.int64)
    small = [i for i in range(n) if scaled[i] < 1.0]
    large = [i for i in range(n) if scaled[i] >= 1.0]
    while small and large:
        s = small.pop()
        l = large[-1]
        prob[s] = scaled[s]
        alias[s] = l
        scaled[l] -= 1.0 - scaled[s]
        if scaled[l] < 1.0:
            large.pop()
            small.append(l)
    # leftovers are 1 up to rounding
    return prob, alias


def alias_draw(rng, prob, alias, size) -> np.ndarray:
    """Draw ids from an alias table (vectorised).

    One uniform ``u`` per draw: its integer part ``floor(u * n)`` picks the column and its
    fractional part (again uniform on [0, 1)) decides between the column and its alias.
    """
    n = prob.size
    u = rng.random(size=size) * n
    col = u.astype(np.int64)
    np.minimum(col, n - 1, out=col)
    u -= col
    return np.where(u < prob[col], col, alias[col]).astype(np.int32)


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
    method : how a uniform number becomes an id:

        * ``"cdf"`` (default): invert the cumulative table :attr:`cum_table` with
          ``searchsorted`` (a bisection, as gensim's ``bisect_left`` on its ``cum_table``;
          word2vec.c instead reads a 10^8-entry table); a negative equal to its
          row's target is drawn again until it differs.
        * ``"alias"``: Walker's alias table (one uniform and two lookups per draw, whatever the
          vocabulary size; what ``w2vlib.fast`` uses); the few negatives equal to their target are
          redrawn in one pass from the distribution with the target removed.

        Both give every negative the probability ``word_p`` renormalised without its target.

    Unlike the book (``np.random.choice(..., replace=False)`` once per row, a
    Python loop), all rows are drawn at once. Negatives are drawn *with*
    replacement, as in word2vec, and a target is never its own negative.

    Attributes: ``word_p`` (the distribution), ``cum_table`` (its cumulative sums, float64, the
    last one at least 1.0), ``counts``, ``power``, ``sample_size``, ``vocab_size``, ``rng``.
    """

    def __init__(self, corpus, power: float = 0.75, sample_size: int = 5, vocab_size: int | None = None, rng=None,
                 method: str = "cdf"):
        corpus = np.asarray(corpus)
        if corpus.ndim != 1 or corpus.size == 0:
            raise ValueError("corpus must be a non-empty 1-D array of word ids")
        if vocab_size is None:
            vocab_size = int(corpus.max()) + 1
        corpus = check_ids(corpus, vocab_size, "corpus")
        if sample_size < 1:
            raise ValueError(f"sample_size must be >= 1, got {sample_size}")
        if method not in SAMPLER_METHODS:
            raise ValueError(f"method must be one of {SAMPLER_METHODS}, got {method!r}")
        counts = np.bincount(corpus, minlength=vocab_size).astype(np.float64)
        if np.count_nonzero(counts) < 2:
            raise ValueError("negative sampling needs at least two distinct words in the corpus")
        self.vocab_size = int(vocab_size)
        self.sample_size = int(sample_size)
        self.power = float(power)
        self.method = method
        self.counts = counts
        self.word_p = unigram_distribution(counts, power)
        self.cum_table = np.cumsum(self.word_p)
        self.cum_table[-1] = max(self.cum_table[-1], 1.0)  # no uniform in [0, 1) falls off the end
        self.alias_prob, self.alias = alias_table(self.word_p) if method == "alias" else (None, None)
        self.rng = as_rng(rng)

    def sample(self, size) -> np.ndarray:
        """Draw ids of the given shape from ``word_p`` (no target exclusion)."""
        if self.method == "alias":
            return alias_draw(self.rng, self.alias_prob, self.alias, size)
        u = self.rng.random(size)
        ids = np.searchsorted(self.cum_table, u, side="right")
        return np.minimum(ids, self.vocab_size - 1).astype(np.int32)

    def get_negative_sample(self, target) -> np.ndarray:
        """Negatives of shape ``target.shape + (sample_size,)``, never equal to their target."""
        target = check_ids(target, self.vocab_size, "target")
        neg = self.sample(target.shape + (self.sample_size,))
        tgt = np.broadcast_to(target[..., None], neg.shape)
        if self.method == "alias":
            return self._redraw_without_target(neg, tgt)
        clash = neg == tgt
        for _ in range(1000):
            n = int(clash.sum())
            if n == 0:
                return neg
            neg[clash] = self.sample(n)
            clash = neg == tgt
        raise RuntimeError("could not draw negatives different from the target; is one word almost the whole corpus?")

    def _redraw_without_target(self, neg, tgt):
        """Redraw the negatives equal to their target from ``word_p`` with the target's interval cut
        out of the cumulative table: what "draw again until different" gives, in one pass."""
        bad = neg == tgt
        nbad = int(bad.sum())
        if nbad:
            w = tgt[bad]
            pw = self.word_p[w]
            if np.any(pw >= 1.0 - 1e-12):
                raise ValueError("cannot draw a negative different from a word that has all the probability")
            lo = self.cum_table[w] - pw  # start of the target's interval
            x = self.rng.random(nbad) * (1.0 - pw)
            x = np.where(x >= lo, x + pw, x)
            neg[bad] = np.minimum(np.searchsorted(self.cum_table, x, side="right"), self.vocab_size - 1)
        return neg


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


class NegativeSamplingLoss(TracksTouchedRows):
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
