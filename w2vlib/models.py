"""The chapter's models: the slow one-hot baseline and the two fast word2vec models.

* :class:`SimpleCBOW`: contexts arrive as one-hot vectors, pass through a
  :class:`~w2vlib.layers.MatMul`, and the output is a softmax over the whole
  vocabulary. Correct, simple, and O(V) twice per word.
* :class:`CBOW` and :class:`SkipGram`: an :class:`~w2vlib.layers.Embedding`
  lookup replaces the one-hot product and negative sampling replaces the
  softmax.

Every model has ``params = [W_in, W_out]`` (each shared matrix listed once),
``grads`` with the total gradient of each, ``forward(...) -> loss`` and
``backward(dout=1)``. ``word_vecs`` is ``W_in``, the word vectors we keep. The weights are
float32 unless ``dtype=np.float64`` is asked for (gradient checks); both come from
:func:`init_weights`, the book's ``0.01 * N(0, 1)``.
"""
from __future__ import annotations

import numpy as np

from ._checks import PARAM_DTYPES, as_rng
from .corpus import convert_one_hot
from .layers import Embedding, MatMul, SoftmaxWithLoss
from .negative_sampling import NegativeSamplingLoss, UnigramSampler, sum_embedding_grads

__all__ = ["SimpleCBOW", "CBOW", "SkipGram", "init_weights"]


def init_weights(vocab_size: int, hidden_size: int, rng=None, scale: float = 0.01, init: str = "book",
                 dtype=np.float32):
    """The initial ``(W_in, W_out)``, both of shape (V, H): the one initialiser of the package.

    ``init="book"``: both ``scale * N(0, 1)`` (the book's ``0.01 * np.random.randn``).
    ``init="word2vec"``: ``W_in`` uniform in ``[-0.5, 0.5) / hidden_size`` and ``W_out`` zeros, as
    word2vec.c and gensim do (``scale`` is not used). ``dtype`` is float32 (the default everywhere)
    or float64 (for gradient checks). ``rng``: a seed or ``np.random.Generator``; the same seed
    gives the same matrices.
    """
    if vocab_size < 1 or hidden_size < 1:
        raise ValueError(f"vocab_size and hidden_size must be >= 1, got {vocab_size}, {hidden_size}")
    dtype = np.dtype(dtype)
    if dtype not in PARAM_DTYPES:
        raise TypeError(f"dtype must be float32 or float64, got {dtype}")
    rng = as_rng(rng)
    shape = (vocab_size, hidden_size)
    if init == "book":
        W_in = (scale * rng.standard_normal(shape)).astype(dtype)
        W_out = (scale * rng.standard_normal(shape)).astype(dtype)
    elif init == "word2vec":
        W_in = ((rng.random(shape, dtype=dtype) - 0.5) / hidden_size).astype(dtype)
        W_out = np.zeros(shape, dtype=dtype)
    else:
        raise ValueError(f"init must be 'book' or 'word2vec', got {init!r}")
    return W_in, W_out


def _check_window(window_size: int) -> int:
    if int(window_size) != window_size or window_size < 1:
        raise ValueError(f"window_size must be an integer >= 1, got {window_size!r}")
    return int(window_size)


class SimpleCBOW:
    """CBOW with one-hot inputs and a full softmax: the chapter's slow baseline.

    ``forward(contexts, target)``: ``contexts`` is one-hot (N, 2*window, V) (or
    integer ids (N, 2*window), which are turned into one-hot first, as the book
    does), ``target`` ids (N,) or one-hot (N, V). As in the book, the output
    matrix ``params[1]`` has shape (H, V): the output layer computes
    ``h @ W_out`` (the negative-sampling models store ``W_out`` as (V, H), one row
    per word).
    """

    def __init__(self, vocab_size: int, hidden_size: int, window_size: int = 1, rng=None, dtype=np.float32):
        self.window_size = _check_window(window_size)
        self.vocab_size = vocab_size
        W_in, W_out = init_weights(vocab_size, hidden_size, rng, dtype=dtype)  # W_out (V, H), stored transposed below
        self.in_layer = MatMul(W_in)  # one layer, applied to all 2*window positions at once
        self._W_out_T = np.ascontiguousarray(W_out.T)
        self.out_layer = MatMul(self._W_out_T)
        self.loss_layer = SoftmaxWithLoss()
        self.params = [W_in, self._W_out_T]
        self.grads = [self.in_layer.grads[0], self.out_layer.grads[0]]
        self.word_vecs = W_in

    def forward(self, contexts, target) -> float:
        contexts = np.asarray(contexts)
        if np.issubdtype(contexts.dtype, np.integer):
            contexts = convert_one_hot(contexts, self.vocab_size, dtype=self.params[0].dtype)
        if contexts.ndim != 3 or contexts.shape[1] != 2 * self.window_size:
            raise ValueError(
                f"contexts must be (batch, {2 * self.window_size}, V) one-hot or (batch, {2 * self.window_size}) ids, "
                f"got shape {contexts.shape}"
            )
        hs = self.in_layer.forward(contexts)  # (N, C, H)
        h = hs.mean(axis=1)
        score = self.out_layer.forward(h)
        return self.loss_layer.forward(score, target)

    def backward(self, dout=1):
        ds = self.loss_layer.backward(dout)
        dh = self.out_layer.backward(ds)
        C = 2 * self.window_size
        dhs = np.repeat((dh / np.float32(C))[:, None, :], C, axis=1)
        self.in_layer.backward(dhs)
        return None


class CBOW:
    """Continuous bag of words with an Embedding input and negative sampling.

    ``h`` is the mean of the 2*window context rows of ``W_in``; the loss asks
    "is ``target`` the word in the middle?" for the true target and k sampled
    negatives. ``forward(contexts, target, negatives=None)``; negatives can be
    injected (shape (N, sample_size)) to compare against other implementations.
    """

    def __init__(self, vocab_size, hidden_size, window_size, corpus, sample_size: int = 5, power: float = 0.75, rng=None,
                 dtype=np.float32):
        self.window_size = _check_window(window_size)
        rng = as_rng(rng)
        W_in, W_out = init_weights(vocab_size, hidden_size, rng, dtype=dtype)
        self.in_layer = Embedding(W_in)  # one layer for all context positions; repeats accumulate
        sampler = UnigramSampler(corpus, power, sample_size, vocab_size=vocab_size, rng=rng)
        self.ns_loss = NegativeSamplingLoss(W_out, sampler=sampler)
        self.sampler = sampler
        self.params = [W_in, W_out]
        self.grads = [self.in_layer.grads[0], self.ns_loss.grads[0]]
        self.word_vecs = W_in

    def forward(self, contexts, target, negatives=None) -> float:
        contexts = np.asarray(contexts)
        if contexts.ndim != 2 or contexts.shape[1] != 2 * self.window_size:
            raise ValueError(f"contexts must have shape (batch, {2 * self.window_size}), got {contexts.shape}")
        if np.shape(target) != (contexts.shape[0],):
            raise ValueError(f"target must have shape ({contexts.shape[0]},), got {np.shape(target)}")
        h = self.in_layer.forward(contexts).mean(axis=1)
        return self.ns_loss.forward(h, target, negatives)

    def backward(self, dout=1):
        dh = self.ns_loss.backward(dout)
        C = 2 * self.window_size
        dhs = np.broadcast_to((dh / np.float32(C))[:, None, :], dh.shape[:1] + (C,) + dh.shape[1:])
        self.in_layer.backward(dhs)
        return None

    def touched_rows(self):
        """Rows of ``W_in`` and ``W_out`` the last backward wrote (for ``Adam(lazy=True)``)."""
        return [self.in_layer.touched_rows, self.ns_loss.touched_rows]


class SkipGram:
    """Skip-gram: predict each of the 2*window context words from the centre word.

    ``h = W_in[target]``; the loss is the sum over context positions of a
    negative-sampling loss. ``negatives`` (optional) has shape
    (N, 2*window, sample_size).
    """

    def __init__(self, vocab_size, hidden_size, window_size, corpus, sample_size: int = 5, power: float = 0.75, rng=None,
                 dtype=np.float32):
        self.window_size = _check_window(window_size)
        rng = as_rng(rng)
        W_in, W_out = init_weights(vocab_size, hidden_size, rng, dtype=dtype)
        self.in_layer = Embedding(W_in)
        sampler = UnigramSampler(corpus, power, sample_size, vocab_size=vocab_size, rng=rng)
        self.sampler = sampler
        C = 2 * self.window_size
        self.loss_layers = [NegativeSamplingLoss(W_out, sampler=sampler) for _ in range(C)]
        self.params = [W_in, W_out]
        self.grads = [self.in_layer.grads[0], np.zeros_like(W_out)]
        self._dirty = None
        self.word_vecs = W_in

    def forward(self, contexts, target, negatives=None) -> float:
        contexts = np.asarray(contexts)
        C = 2 * self.window_size
        if contexts.ndim != 2 or contexts.shape[1] != C:
            raise ValueError(f"contexts must have shape (batch, {C}), got {contexts.shape}")
        if np.shape(target) != (contexts.shape[0],):
            raise ValueError(f"target must have shape ({contexts.shape[0]},), got {np.shape(target)}")
        if negatives is not None and np.shape(negatives)[:2] != contexts.shape:
            raise ValueError(f"negatives must have shape (batch, {C}, sample_size), got {np.shape(negatives)}")
        h = self.in_layer.forward(target)
        loss = 0.0
        for i, layer in enumerate(self.loss_layers):
            loss += layer.forward(h, contexts[:, i], None if negatives is None else negatives[:, i])
        return loss

    def backward(self, dout=1):
        dh = 0
        for layer in self.loss_layers:
            dh = dh + layer.backward(dout)
        self.in_layer.backward(dh)
        embeds = [e.embed for layer in self.loss_layers for e in layer.embed_dot_layers]
        self._dirty = sum_embedding_grads(self.grads[1], embeds, self._dirty)
        return None

    def touched_rows(self):
        """Rows of ``W_in`` and ``W_out`` the last backward wrote (for ``Adam(lazy=True)``)."""
        return [self.in_layer.touched_rows, self._dirty]
