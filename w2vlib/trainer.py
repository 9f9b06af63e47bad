"""A small mini-batch trainer in the book's shape, with a loss history and a plot."""
from __future__ import annotations

import time

import numpy as np
from tqdm.auto import tqdm

from ._checks import as_rng

__all__ = ["Trainer", "clip_grads"]


def clip_grads(grads, max_norm: float) -> None:
    """Scale all gradients in place so their global L2 norm is at most ``max_norm``."""
    total = np.sqrt(sum(float(np.sum(g * g, dtype=np.float64)) for g in grads))
    rate = max_norm / (total + 1e-6)
    if rate < 1:
        for g in grads:
            g *= np.float32(rate)


class Trainer:
    """``Trainer(model, optimizer).fit(x, t, ...)``: shuffled mini-batches, loss history, plot.

    ``x`` and ``t`` are the model's inputs (contexts and target). Each epoch
    visits the data in an order drawn from ``rng`` (a seed or a
    ``np.random.Generator``); pass the same seed to get the same run.

    After ``fit``: ``loss_list`` holds the mean loss of every ``eval_interval``
    iterations (the book's curve), ``iter_losses`` every iteration's loss,
    ``words_per_sec`` the measured throughput (target words per second) and
    ``elapsed`` the wall time in seconds.

    A loss that is not finite stops training with a ``FloatingPointError`` (the weights are then
    garbage: there is nothing to continue from); so do non-finite weights after the last update.
    """

    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer
        self.loss_list: list[float] = []
        self.iter_losses: list[float] = []
        self.eval_interval = None
        self.words_per_sec = float("nan")
        self.elapsed = 0.0

    def fit(self, x, t, max_epoch: int = 10, batch_size: int = 32, max_grad=None, eval_interval: int = 20,
            rng=None, progress: bool = True, max_iters: int | None = None):
        x, t = np.asarray(x), np.asarray(t)
        if len(x) != len(t):
            raise ValueError(f"x and t must have the same length, got {len(x)} and {len(t)}")
        if len(x) == 0:
            raise ValueError("no training data (x is empty)")
        if batch_size < 1 or max_epoch < 1:
            raise ValueError("batch_size and max_epoch must be >= 1")
        rng = as_rng(rng)
        data_size = len(x)
        max_iters_per_epoch = max(1, data_size // batch_size)
        total = max_epoch * max_iters_per_epoch
        if max_iters is not None:
            total = min(total, max_iters)
        self.eval_interval = eval_interval
        self.loss_list, self.iter_losses = [], []
        model, optimizer = self.model, self.optimizer

        bar = tqdm(total=total, disable=not progress, unit="batch", mininterval=0.5)
        start = time.perf_counter()
        done, words, window_loss, window_count = 0, 0, 0.0, 0
        try:
            for _ in range(max_epoch):
                order = rng.permutation(data_size)
                for it in range(max_iters_per_epoch):
                    if done >= total:
                        break
                    sel = order[it * batch_size:(it + 1) * batch_size]
                    loss = model.forward(x[sel], t[sel])
                    model.backward()
                    if max_grad is not None:
                        clip_grads(model.grads, max_grad)
                    if getattr(optimizer, "lazy", False) and hasattr(model, "touched_rows"):
                        optimizer.update(model.params, model.grads, rows=model.touched_rows())
                    else:
                        optimizer.update(model.params, model.grads)
                    if not np.isfinite(loss):
                        raise FloatingPointError(
                            f"the loss is {float(loss)} at iteration {done + 1} (epoch "
                            f"{done // max_iters_per_epoch + 1}): training diverged, the weights are "
                            "no longer usable; lower the learning rate or pass max_grad=... to clip "
                            "the gradients")
                    self.iter_losses.append(float(loss))
                    window_loss += loss
                    window_count += 1
                    done += 1
                    words += len(sel)
                    if window_count == eval_interval:
                        avg = window_loss / window_count
                        self.loss_list.append(float(avg))
                        bar.set_postfix(loss=f"{avg:.3f}")
                        window_loss, window_count = 0.0, 0
                    bar.update(1)
        finally:
            bar.close()
        if window_count:
            self.loss_list.append(float(window_loss / window_count))
        # the loss is computed before each update: check the weights after the last one too
        for i, p in enumerate(model.params):
            if not np.all(np.isfinite(p)):
                raise FloatingPointError(
                    f"model.params[{i}] holds nan or inf after the last update: training diverged; "
                    "lower the learning rate or pass max_grad=... to clip the gradients")
        self.elapsed = time.perf_counter() - start
        self.words_per_sec = words / self.elapsed if self.elapsed > 0 else float("nan")
        return self

    def plot(self, ax=None, ylim=None, lang: str = "en"):
        """Plot ``loss_list`` against iterations; returns the Axes. Axis labels in ``lang`` ("en" or "ko")."""
        from .plotting import plot_loss

        return plot_loss(self.loss_list, ax=ax, eval_interval=self.eval_interval or 1, ylim=ylim, lang=lang)
