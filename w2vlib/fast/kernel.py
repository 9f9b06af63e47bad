"""The fused kernel: forward and backward of a whole batch of negative-sampling examples.

:func:`step` is the model: one gather of the ``k + 1`` output rows of every example, one batched
dot product, one sigmoid, and the gradients summed into the rows the batch touches by scipy
sparse products. :func:`sgd_step` applies it to the weights (plain SGD, only the touched rows).
:func:`cbow_grads` / :func:`skipgram_grads` run the same :func:`step` on one batch and return the
dense gradients in the book's convention, to compare with the layered ``CBOW``/``SkipGram``.

This is the numpy backend; another backend (e.g. numba) provides its own ``sgd_step``.
"""
from __future__ import annotations

import math

import numpy as np

from ..layers import sigmoid
from .batching import make_batches

__all__ = ["step", "sgd_step", "cbow_grads", "skipgram_grads"]

if hasattr(np, "vecdot"):  # numpy >= 2.0: a ufunc, a little faster than a stack of matmuls
    def _rowdot(Wo, h):
        return np.vecdot(Wo, h[:, None, :])
else:  # pragma: no cover
    def _rowdot(Wo, h):
        return np.matmul(Wo, h[:, :, None])[:, :, 0]


def step(batch, W_in_rows, W_out_rows, lr=1.0):
    """Forward and backward of a batch: the fused kernel.

    ``W_in_rows = W_in[batch.in_rows]``, ``W_out_rows = W_out[batch.out_rows]`` (read only).
    Returns ``(loss, d_in, d_out)``: the summed loss of the examples and ``lr`` times the damped
    summed gradients of the touched rows, ``(len(in_rows), H)`` and ``(len(out_rows), H)``.
    With ``lr=1`` and no damping these are the plain gradients of the summed loss.
    """
    h = batch.A @ W_in_rows  # (n, H): CBOW mean of the contexts / skip-gram centre row
    Wo = np.take(W_out_rows, batch.out_inv, axis=0)  # (n, k+1, H): one gather
    s = _rowdot(Wo, h)  # (n, k+1) scores
    y = sigmoid(s)
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
    G = batch.G
    np.multiply(g, batch.out_coef * np.float32(lr), out=G.data.reshape(g.shape))
    d_out = G @ h
    if lr != 1:
        dh *= np.float32(lr)
    d_in = batch.A_upd_T @ dh  # back through the mean (or word2vec's full update) to the rows
    return float(loss), d_in, d_out


def _set_rows(W, rows, X):
    """``W[rows] = X``, written through a view with one opaque item per row (a faster scatter)."""
    Wv = W.view(np.dtype((np.void, W.strides[0]))).ravel()
    Wv[rows] = np.ascontiguousarray(X).view(Wv.dtype).ravel()


def sgd_step(W_in, W_out, batch, lr) -> float:
    """One SGD step on the rows ``batch`` touches, in place; returns the batch's summed loss."""
    W_in_rows = np.take(W_in, batch.in_rows, axis=0)
    W_out_rows = np.take(W_out, batch.out_rows, axis=0)
    loss, d_in, d_out = step(batch, W_in_rows, W_out_rows, lr)
    W_in_rows -= d_in
    _set_rows(W_in, batch.in_rows, W_in_rows)
    W_out_rows -= d_out
    _set_rows(W_out, batch.out_rows, W_out_rows)
    if not math.isfinite(loss):
        raise FloatingPointError("training diverged (loss is not finite); lower alpha or raise damping")
    return loss


def _dense_grads(W_in, W_out, in_ids, indptr, weight, out, n_targets):
    """One batch of all the examples through :func:`step`; dense gradients of the batch-mean loss."""
    W_in = np.asarray(W_in, dtype=np.float32)
    W_out = np.asarray(W_out, dtype=np.float32)
    n = out.shape[0]
    (batch,) = make_batches(in_ids, indptr, weight, out, W_in.shape[0], max(n, 1), 1.0, damping=0)
    loss, d_in, d_out = step(batch, W_in[batch.in_rows], W_out[batch.out_rows])
    dW_in = np.zeros_like(W_in)
    dW_out = np.zeros_like(W_out)
    dW_in[batch.in_rows] = d_in / n_targets
    dW_out[batch.out_rows] = d_out / n_targets
    return loss / n_targets, dW_in, dW_out


def _int_arrays(*arrays):
    return [np.asarray(a, dtype=np.int32) for a in arrays]


def cbow_grads(W_in, W_out, contexts, target, negatives):
    """Loss and total gradients of the layered ``CBOW`` for one batch, by the fused kernel.

    ``contexts`` (n, 2w), ``target`` (n,), ``negatives`` (n, k). Book convention: the loss is the
    sum over the ``k + 1`` binary cross-entropies of their batch means, the hidden layer the mean
    of the context rows. Returns ``(loss, dW_in, dW_out)`` (dense, for checking).
    """
    contexts, target, negatives = _int_arrays(contexts, target, negatives)
    n, c = contexts.shape
    if target.shape != (n,) or negatives.ndim != 2 or negatives.shape[0] != n:
        raise ValueError("contexts (n, 2w), target (n,) and negatives (n, k) must agree in n")
    indptr = np.arange(0, n * c + 1, c, dtype=np.int32)
    weight = np.full(n * c, 1.0 / c, dtype=np.float32)
    out = np.concatenate([target[:, None], negatives], axis=1)
    return _dense_grads(W_in, W_out, contexts.ravel(), indptr, weight, out, n)


def skipgram_grads(W_in, W_out, contexts, target, negatives):
    """Loss and total gradients of the layered ``SkipGram`` for one batch, by the fused kernel.

    ``negatives`` has shape (n, 2w, k): one set per context position. The loss is the sum over
    the ``2w`` context positions of the book's negative-sampling loss.
    """
    contexts, target, negatives = _int_arrays(contexts, target, negatives)
    n, c = contexts.shape
    if target.shape != (n,) or negatives.shape[:2] != (n, c):
        raise ValueError("contexts (n, 2w), target (n,) and negatives (n, 2w, k) must agree")
    indptr = np.arange(n * c + 1, dtype=np.int32)
    out = np.concatenate([contexts.reshape(-1, 1), negatives.reshape(n * c, -1)], axis=1)
    return _dense_grads(W_in, W_out, np.repeat(target, c), indptr, np.ones(n * c, np.float32), out, n)
