"""Hierarchical softmax: the other road around the softmax over V words.

Negative sampling (:mod:`w2vlib.negative_sampling`) replaces "which of V words?" by a few "this
word or not?" questions about words drawn at random. Hierarchical softmax (Mikolov et al. 2013,
word2vec.c's ``-hs 1``, gensim's ``hs=1``) replaces it by a *path*: the V words are the leaves of
a binary tree with ``V - 1`` inner nodes, each inner node has its own output vector, and the
probability of a word is the product of the ``sigmoid`` decisions (left or right) along the path
from the root to it. The probabilities of all V words sum to 1 by construction, and a word costs
as many dot products as its path is long.

word2vec builds the tree by Huffman's algorithm over the word counts, so frequent words get short
paths: the expected path length is within one of the entropy of the unigram distribution in bits.

* :func:`huffman_codes` builds the tree with :mod:`heapq`, in gensim's convention
  (``gensim/models/word2vec.py``: ``_build_heap`` and ``_assign_binary_codes``): ``codes[i]`` is the
  0/1 path from the root to word ``i`` and ``points[i]`` the inner-node rows along it (the root is
  row ``V - 2``; every row is ``< V - 1``).
* :class:`HierarchicalSoftmaxLoss` is the layer in the book's shape: ``params = [W]`` with ``W``
  of shape ``(V - 1, H)`` (one output vector per inner node, stored as the negative-sampling
  model's ``(V, H)`` output matrix is), ``forward(h, target)`` the mean of ``-log P(target | h)``
  over the batch, ``backward(dout=1)`` returns ``dh``.

The sign convention is word2vec.c's and gensim's: at an inner node with score ``x = h . W[point]``
the step towards code 0 has probability ``sigmoid(x)`` and the step towards code 1 has
``sigmoid(-x) = 1 - sigmoid(x)`` (word2vec.c: ``g = (1 - code - f) * alpha``).
"""
from __future__ import annotations

import heapq

import numpy as np

from ._checks import as_float_param, check_float_input, check_ids
from .layers import TracksTouchedRows, sigmoid

__all__ = ["huffman_codes", "code_lengths", "expected_code_length", "entropy_bits",
           "padded_paths", "HierarchicalSoftmaxLoss"]


class _Node:
    """A heap item compared by its count only, as gensim's ``Heapitem`` is (so ties are broken
    by the heap's own order, and the tree is the one gensim builds from the same counts)."""

    __slots__ = ("count", "index", "left", "right")

    def __init__(self, count, index, left=None, right=None):
        self.count, self.index, self.left, self.right = count, index, left, right

    def __lt__(self, other):
        return self.count < other.count


def huffman_codes(counts):
    """The Huffman tree over word counts: ``(codes, points)``, in gensim's convention.

    ``counts`` holds one non-negative count per word id (``V >= 2`` of them). Returns two lists of
    length V: ``codes[i]`` (uint8 array of 0/1) is the path from the root to word ``i`` (0 = the
    left child, the smaller of the two nodes merged), ``points[i]`` (int32 array of the same
    length) are the inner nodes it passes, as rows ``0 .. V - 2`` of the output matrix (the root is
    ``V - 2``: inner node ``j`` is the ``j``-th merge).

    The algorithm is Huffman's: put every word in a min-heap by count, pop the two smallest,
    push their merge, ``V - 1`` times (``heapq``, as gensim). Equal counts may be merged in either
    order; every such tree is optimal, so the expected code length is the same.
    """
    counts = np.asarray(counts)
    if counts.ndim != 1 or counts.size < 2:
        raise ValueError(f"counts must be a 1-D array with at least 2 words, got shape {counts.shape}")
    if not (np.issubdtype(counts.dtype, np.integer) or np.issubdtype(counts.dtype, np.floating)):
        raise TypeError(f"counts must be numbers, got dtype {counts.dtype}")
    if not np.all(np.isfinite(counts)) or np.any(counts < 0):
        raise ValueError("counts must be finite and >= 0")
    V = counts.size
    heap = [_Node(c, i) for i, c in enumerate(counts.tolist())]
    heapq.heapify(heap)
    for j in range(V - 1):  # merge j becomes inner node j (row j of W), node index V + j
        a, b = heapq.heappop(heap), heapq.heappop(heap)
        heapq.heappush(heap, _Node(a.count + b.count, V + j, a, b))
    codes, points = [None] * V, [None] * V
    stack = [(heap[0], (), ())]
    while stack:
        node, code, point = stack.pop()
        if node.index < V:  # a leaf: a word
            codes[node.index] = np.array(code, dtype=np.uint8)
            points[node.index] = np.array(point, dtype=np.int32)
        else:
            point = point + (node.index - V,)
            stack.append((node.left, code + (0,), point))
            stack.append((node.right, code + (1,), point))
    return codes, points


def code_lengths(codes) -> np.ndarray:
    """The path length (number of inner nodes, i.e. of sigmoids) of every word."""
    return np.array([len(c) for c in codes], dtype=np.int64)


def expected_code_length(counts, codes) -> float:
    """``sum(count * len(code)) / sum(count)``: the mean number of sigmoids per word of the text."""
    counts = np.asarray(counts, dtype=np.float64)
    return float(np.dot(counts, code_lengths(codes)) / counts.sum())


def entropy_bits(counts) -> float:
    """The entropy of the unigram distribution in bits, ``-sum p log2 p``: no binary code of the
    words can have a smaller expected length (Shannon), and Huffman's is less than one bit above."""
    p = np.asarray(counts, dtype=np.float64)
    p = p[p > 0] / p.sum()
    return float(-(p * np.log2(p)).sum())


def padded_paths(codes, points):
    """``(codes, points, mask)`` as ``(V, L)`` arrays, ``L`` the longest path; ``mask`` marks the
    real steps (the padding has code 0, point 0 and mask False)."""
    V = len(codes)
    if len(points) != V:
        raise ValueError(f"codes ({V}) and points ({len(points)}) must have one entry per word")
    lengths = code_lengths(codes)
    L = int(lengths.max()) if V else 0
    code_pad = np.zeros((V, L), dtype=np.int8)
    point_pad = np.zeros((V, L), dtype=np.int64)
    mask = np.arange(L)[None, :] < lengths[:, None]
    for i, (c, p) in enumerate(zip(codes, points)):
        if len(p) != len(c):
            raise ValueError(f"word {i}: its code has {len(c)} steps but its points {len(p)}")
        code_pad[i, :len(c)] = c
        point_pad[i, :len(p)] = p
    return code_pad, point_pad, mask


class HierarchicalSoftmaxLoss(TracksTouchedRows):
    """The hierarchical-softmax loss, a layer in the book's shape.

    ``W`` (``(V - 1, H)``, float32 or float64) holds one output vector per inner node of the tree
    ``(codes, points)`` from :func:`huffman_codes`. ``forward(h, target)`` takes hidden vectors
    ``h`` (N, H) and word ids ``target`` (N,) and returns the mean over the batch of
    ``-log P(target | h)``, where ``P`` is the product over the target's path of
    ``sigmoid(+x)`` (code 0) or ``sigmoid(-x)`` (code 1), ``x = h . W[point]``. ``backward(dout=1)``
    writes ``grads[0]`` (only the rows on the batch's paths are non-zero) and returns ``dh``.
    Each example touches ``len(code)`` rows of ``W`` (about ``log2 V``), not V.
    """

    def __init__(self, W, codes, points):
        W = as_float_param(W, "W", ndim=2)
        V = len(codes)
        if W.shape[0] != V - 1:
            raise ValueError(f"W must have V - 1 = {V - 1} rows (one per inner node of a tree over "
                             f"{V} words), got shape {W.shape}")
        self.codes, self.points = codes, points
        self.code_pad, self.point_pad, self.mask = padded_paths(codes, points)
        if self.point_pad.size and (self.point_pad.min() < 0 or self.point_pad.max() >= V - 1):
            raise ValueError(f"points must be rows of W, in [0, {V - 1})")
        self.vocab_size = V
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self._dirty = None
        self.cache = None

    def _scores(self, h, target):
        (W,) = self.params
        P = self.point_pad[target]  # (N, L) inner-node rows along each path
        Wp = W[P]  # (N, L, H)
        x = np.einsum("nh,nlh->nl", h, Wp)
        sign = (1 - 2 * self.code_pad[target]).astype(h.dtype)  # code 0: +1, code 1: -1
        return P, Wp, x, sign

    def forward(self, h, target) -> float:
        (W,) = self.params
        target = check_ids(target, self.vocab_size, "target")
        if target.ndim != 1:
            raise ValueError(f"target must be 1-D (batch,), got shape {target.shape}")
        h = check_float_input(h, "h", shape=(target.shape[0], W.shape[1]), dtype=W.dtype)
        P, Wp, x, sign = self._scores(h, target)
        mask = self.mask[target]
        # -log sigmoid(sign * x) = log(1 + exp(-sign * x)), stable for any x
        nll = np.where(mask, np.logaddexp(h.dtype.type(0), -sign * x), 0)
        self.cache = (h, target, P, Wp, x, sign, mask)
        return float(nll.sum(axis=1).mean(dtype=np.float64))

    def backward(self, dout=1) -> np.ndarray:
        if self.cache is None:
            raise RuntimeError("HierarchicalSoftmaxLoss.backward called before forward")
        h, target, P, Wp, x, sign, mask = self.cache
        n = target.shape[0]
        # d/dx of -log sigmoid(sign * x) is sigmoid(x) - t with t = 1 - code (word2vec's label)
        t = (sign > 0).astype(h.dtype)
        dx = np.where(mask, sigmoid(x) - t, 0).astype(h.dtype) * h.dtype.type(dout / n)
        dh = np.einsum("nl,nlh->nh", dx, Wp)
        (dW,) = self.grads
        if self._dirty is None:
            dW[...] = 0
        else:
            dW[self._dirty] = 0
        rows = P[mask]
        np.add.at(dW, rows, (dx[:, :, None] * h[:, None, :])[mask])  # a row can sit on many paths
        self._dirty = np.unique(rows)
        return dh

    def probabilities(self, h) -> np.ndarray:
        """``P(w | h)`` for every word (N, V): the product of the sigmoids along each path.

        Costs O(V log V) per row: for checks and teaching, not for training."""
        (W,) = self.params
        h = check_float_input(h, "h", last_dim=W.shape[1], dtype=W.dtype)
        h2 = np.atleast_2d(h)
        x = h2 @ W.T  # (N, V-1): every inner node's score
        logp = np.zeros((h2.shape[0], self.vocab_size), dtype=np.float64)
        for w in range(self.vocab_size):
            p = self.points[w]
            s = 1.0 - 2.0 * self.codes[w].astype(np.float64)
            logp[:, w] = -np.logaddexp(0.0, -s * x[:, p]).sum(axis=1)
        out = np.exp(logp)
        return out if h.ndim == 2 else out[0]

