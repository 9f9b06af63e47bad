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
from collections import deque

import numpy as np

from ._checks import as_float_param, check_float_input, check_ids
from .layers import TracksTouchedRows, sigmoid

__all__ = ["huffman_codes", "code_lengths", "expected_code_length", "entropy_bits", "flat_paths",
           "HierarchicalSoftmaxLoss"]


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

    Words with count 0 (ids that never occur; gensim and word2vec.c never have them) are first
    paired into a balanced subtree, itself a node of count 0: merged one by one through the heap they
    would form a chain as deep as their number (the merge of two zeros ties with the next zero).
    """
    counts = np.asarray(counts)
    if counts.ndim != 1 or counts.size < 2:
        raise ValueError(f"counts must be a 1-D array with at least 2 words, got shape {counts.shape}")
    if not (np.issubdtype(counts.dtype, np.integer) or np.issubdtype(counts.dtype, np.floating)):
        raise TypeError(f"counts must be numbers, got dtype {counts.dtype}")
    if not np.all(np.isfinite(counts)) or np.any(counts < 0):
        raise ValueError("counts must be finite and >= 0")
    V = counts.size
    values = counts.tolist()
    zeros = deque(_Node(values[i], i) for i in np.flatnonzero(counts == 0).tolist())
    j = 0  # merge j becomes inner node j (row j of W), node index V + j
    while len(zeros) > 1:  # pair the zeros level by level (first in, first out): a balanced subtree
        a, b = zeros.popleft(), zeros.popleft()
        zeros.append(_Node(a.count + b.count, V + j, a, b))
        j += 1
    heap = [_Node(c, i) for i, c in enumerate(values) if c != 0] + list(zeros)
    heapq.heapify(heap)
    for j in range(j, V - 1):
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


def flat_paths(codes, points):
    """``(code_flat, point_flat, starts)``: all paths one after the other (uint8, int32) and where
    each word's begins (int64, ``V + 1`` entries), as the compiled kernels read them."""
    lengths = code_lengths(codes)
    starts = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    code_flat = np.concatenate(codes).astype(np.uint8) if len(codes) else np.zeros(0, np.uint8)
    point_flat = np.concatenate(points).astype(np.int32) if len(points) else np.zeros(0, np.int32)
    return code_flat, point_flat, starts


class HierarchicalSoftmaxLoss(TracksTouchedRows):
    """The hierarchical-softmax loss, a layer in the book's shape.

    ``W`` (``(V - 1, H)``, float32 or float64) holds one output vector per inner node of the tree
    ``(codes, points)`` from :func:`huffman_codes`. ``forward(h, target)`` takes hidden vectors
    ``h`` (N, H) and word ids ``target`` (N,) and returns the mean over the batch of
    ``-log P(target | h)``, where ``P`` is the product over the target's path of
    ``sigmoid(+x)`` (code 0) or ``sigmoid(-x)`` (code 1), ``x = h . W[point]``. ``backward(dout=1)``
    writes ``grads[0]`` (only the rows on the batch's paths are non-zero) and returns ``dh``.
    Each example touches ``len(code)`` rows of ``W`` (about ``log2 V``), not V: the batch's paths
    are laid end to end (one step per inner node visited), never padded to the longest path.
    """

    def __init__(self, W, codes, points):
        W = as_float_param(W, "W", ndim=2)
        V = len(codes)
        if W.shape[0] != V - 1:
            raise ValueError(f"W must have V - 1 = {V - 1} rows (one per inner node of a tree over "
                             f"{V} words), got shape {W.shape}")
        if len(points) != V:
            raise ValueError(f"codes ({V}) and points ({len(points)}) must have one entry per word")
        for i, (c, p) in enumerate(zip(codes, points)):
            if len(c) != len(p) or len(c) == 0:
                raise ValueError(f"word {i}: its code has {len(c)} steps and its points {len(p)}; "
                                 "every word needs a path of at least one step (use huffman_codes)")
        self.codes, self.points = codes, points
        self.code_flat, self.point_flat, self.starts = flat_paths(codes, points)
        if self.point_flat.min() < 0 or self.point_flat.max() >= V - 1:
            raise ValueError(f"points must be rows of W, in [0, {V - 1})")
        self.vocab_size = V
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self._dirty = None
        self.cache = None

    def forward(self, h, target) -> float:
        (W,) = self.params
        target = check_ids(target, self.vocab_size, "target")
        if target.ndim != 1:
            raise ValueError(f"target must be 1-D (batch,), got shape {target.shape}")
        n = target.shape[0]
        h = check_float_input(h, "h", shape=(n, W.shape[1]), dtype=W.dtype)
        begin = self.starts[target]
        lengths = self.starts[target + 1] - begin
        offsets = np.zeros(n, dtype=np.int64)  # where each example's steps start
        np.cumsum(lengths[:-1], out=offsets[1:])
        example = np.repeat(np.arange(n), lengths)  # the example of every step
        step = np.arange(example.size) - offsets[example] + begin[example]  # into code_flat/point_flat
        nodes = self.point_flat[step]
        sign = (1 - 2 * self.code_flat[step].astype(np.int8)).astype(h.dtype)  # code 0: +1, code 1: -1
        Wp = W[nodes]  # (steps, H)
        x = np.einsum("sh,sh->s", h[example], Wp)
        # -log sigmoid(sign * x) = log(1 + exp(-sign * x)), stable for any x
        nll = np.logaddexp(h.dtype.type(0), -sign * x)
        self.cache = (h, n, example, offsets, nodes, Wp, x, sign)
        return float(np.add.reduceat(nll.astype(np.float64), offsets).mean())

    def backward(self, dout=1) -> np.ndarray:
        if self.cache is None:
            raise RuntimeError("HierarchicalSoftmaxLoss.backward called before forward")
        h, n, example, offsets, nodes, Wp, x, sign = self.cache
        # d/dx of -log sigmoid(sign * x) is sigmoid(x) - t with t = 1 - code (word2vec's label)
        t = (sign > 0).astype(h.dtype)
        dx = ((sigmoid(x) - t) * h.dtype.type(dout / n)).astype(h.dtype)
        dh = np.add.reduceat(dx[:, None] * Wp, offsets, axis=0)  # each example's steps are contiguous
        (dW,) = self.grads
        if self._dirty is None:
            dW[...] = 0
        else:
            dW[self._dirty] = 0
        # a row (the root, say) sits on many paths: sort the steps by row and sum each row's run
        # (what np.add.at(dW, nodes, ...) does, several times faster)
        order = np.argsort(nodes, kind="stable")
        sorted_nodes = nodes[order]
        first = np.flatnonzero(np.r_[True, sorted_nodes[1:] != sorted_nodes[:-1]])
        rows = sorted_nodes[first]
        dW[rows] = np.add.reduceat((dx[:, None] * h[example])[order], first, axis=0)
        self._dirty = rows
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
