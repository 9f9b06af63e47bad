"""Plots for the series, in one packaged style: ``plt.style.use("w2vlib.teaching")``."""
from __future__ import annotations

import numpy as np

__all__ = ["STYLE", "plot_loss", "plot_words_2d", "label_points"]

STYLE = "w2vlib.teaching"


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


def plot_words_2d(coords, words, groups=None, ax=None, fontsize: int = 9, tidy: bool = False):
    """Scatter 2-D word coordinates, coloured by ``groups``, each point labelled.

    Labels are nudged away from their point (alternating above and below) to
    keep overlaps down; ``tidy=True`` places them with :func:`label_points`
    instead (no label overlaps another label or a point where there is room).
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
    if len(set(groups)) > 1:
        ax.legend(loc="best", fontsize=fontsize, markerscale=0.8)
    if tidy:
        label_points(ax, coords, words, fontsize=fontsize)
        return ax
    for i, (w, (x, y)) in enumerate(zip(words, coords)):
        dy = (0.012 if i % 2 == 0 else -0.03) * span[1]
        ax.annotate(w, (x, y), xytext=(x + 0.008 * span[0], y + dy), fontsize=fontsize)
    return ax


def label_points(ax, coords, words, fontsize: int = 9, pad: float = 1.0):
    """Label each point with its word, placed so labels do not overlap (greedy, deterministic).

    Every label tries positions around its point (8 directions at growing distances, in points) and
    takes the first whose box overlaps no earlier label, no point marker and stays inside the axes;
    if none is free it takes the candidate with the least overlap. Draw the points (and legend)
    first. Returns the list of text artists.
    """
    coords = np.asarray(coords, dtype=float)
    if coords.ndim != 2 or coords.shape[1] != 2 or len(coords) != len(words):
        raise ValueError(f"coords must be (n, 2) with one row per word, got {coords.shape} for {len(words)} words")
    fig = ax.figure
    ax.autoscale_view()
    fig.canvas.draw()  # final layout and limits, so display coordinates are right
    renderer = fig.canvas.get_renderer()
    to_px = fig.dpi / 72.0
    pts = ax.transData.transform(coords)
    r_pt = 3.0 * to_px  # half-size of a point marker, in pixels
    markers = np.column_stack([pts - r_pt, pts + r_pt])  # (n, 4): x0, y0, x1, y1
    frame = ax.get_window_extent(renderer)
    legend = ax.get_legend()
    placed = [] if legend is None else [tuple(legend.get_window_extent(renderer).extents)]
    dirs = [(1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1)]
    align = {1: "left", 0: "center", -1: "right"}, {1: "bottom", 0: "center", -1: "top"}

    def overlap(box, boxes):
        if len(boxes) == 0:
            return 0.0
        b = np.asarray(boxes, dtype=float)
        w = np.clip(np.minimum(box[2], b[:, 2]) - np.maximum(box[0], b[:, 0]), 0, None)
        h = np.clip(np.minimum(box[3], b[:, 3]) - np.maximum(box[1], b[:, 1]), 0, None)
        return float((w * h).sum())

    others_all = markers
    texts = []
    for i, (word, xy) in enumerate(zip(words, coords)):
        others = np.delete(others_all, i, axis=0)
        best = None  # (cost, offset, ha, va, box)
        for dist in (3, 7, 12, 18, 26):
            for dx, dy in dirs:
                scale = dist / np.hypot(dx, dy)
                off = (dx * scale, dy * scale)
                t = ax.annotate(word, xy, xytext=off, textcoords="offset points",
                                ha=align[0][dx], va=align[1][dy], fontsize=fontsize)
                e = t.get_window_extent(renderer).extents
                t.remove()
                box = (e[0] - pad, e[1] - pad, e[2] + pad, e[3] + pad)
                cost = overlap(box, placed) + overlap(box, others)
                if box[0] < frame.x0 or box[2] > frame.x1 or box[1] < frame.y0 or box[3] > frame.y1:
                    cost += 1e6
                if best is None or cost < best[0]:
                    best = (cost, off, align[0][dx], align[1][dy], box, dist)
                if cost == 0:
                    break
            if best[0] == 0:
                break
        _, off, ha, va, box, dist = best
        placed.append(box)
        leader = dict(arrowstyle="-", color="0.6", lw=0.5, shrinkA=0, shrinkB=2) if dist >= 12 else None
        texts.append(ax.annotate(word, xy, xytext=off, textcoords="offset points", ha=ha, va=va,
                                 fontsize=fontsize, arrowprops=leader))
    return texts
