"""Plots for the series, in one packaged style: ``plt.style.use("w2vlib.teaching")``."""
from __future__ import annotations

import numpy as np

__all__ = ["STYLE", "use_style", "plot_loss", "plot_words_2d"]

STYLE = "w2vlib.teaching"


def use_style() -> None:
    """Apply the packaged matplotlib style (fixed figure size, readable fonts)."""
    import matplotlib.pyplot as plt

    plt.style.use(STYLE)


def plot_loss(losses, ax=None, eval_interval: int = 1, ylim=None, label=None, xlabel=None):
    """Loss against iterations; returns the Axes."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots()
    losses = np.asarray(losses, dtype=float)
    x = np.arange(1, len(losses) + 1) * eval_interval
    ax.plot(x, losses, label=label)
    ax.set_xlabel(xlabel or (f"iteration (mean over {eval_interval})" if eval_interval > 1 else "iteration"))
    ax.set_ylabel("loss")
    if ylim is not None:
        ax.set_ylim(*ylim)
    if label is not None:
        ax.legend()
    return ax


def plot_words_2d(coords, words, groups=None, ax=None, fontsize: int = 9):
    """Scatter 2-D word coordinates, coloured by ``groups``, each point labelled.

    Labels are nudged away from their point (alternating above and below) to
    keep overlaps down.
    """
    import matplotlib.pyplot as plt

    coords = np.asarray(coords, dtype=float)
    if coords.ndim != 2 or coords.shape[1] != 2 or len(coords) != len(words):
        raise ValueError(f"coords must be (n, 2) with one row per word, got {coords.shape} for {len(words)} words")
    if ax is None:
        _, ax = plt.subplots()
    groups = list(groups) if groups is not None else ["words"] * len(words)
    for g in dict.fromkeys(groups):
        sel = [i for i, gi in enumerate(groups) if gi == g]
        ax.scatter(coords[sel, 0], coords[sel, 1], label=str(g), s=25)
    span = np.ptp(coords, axis=0) if len(coords) > 1 else np.ones(2)
    span = np.where(span > 0, span, 1.0)
    for i, (w, (x, y)) in enumerate(zip(words, coords)):
        dy = (0.012 if i % 2 == 0 else -0.03) * span[1]
        ax.annotate(w, (x, y), xytext=(x + 0.008 * span[0], y + dy), fontsize=fontsize)
    if len(set(groups)) > 1:
        ax.legend(loc="best", fontsize=fontsize, markerscale=0.8)
    return ax
