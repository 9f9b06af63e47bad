"""Plots for the series, in one packaged style: ``plt.style.use("w2vlib.teaching")``.

Every public function that draws text of its own (axis labels, legends, titles, the words inside the
computational graphs) takes ``lang="en"`` or ``lang="ko"``: the Korean edition passes ``lang="ko"`` and
gets Korean labels (Hangul renders offline with the bundled font). Text you pass in (words, group
names, titles, labels) is drawn as given.
"""
from __future__ import annotations

import numpy as np

from .text import check_lang, josa

__all__ = ["STYLE", "plot_loss", "plot_words_2d", "label_points", "draw_embedding_graph",
           "draw_embedding_dot_graph", "draw_negative_sampling_graph", "draw_cbow_ns_graph",
           "draw_huffman_tree"]

STYLE = "w2vlib.teaching"


def _t(lang: str, en: str, ko: str) -> str:
    """The English or the Korean text, by ``lang`` (checked)."""
    return ko if check_lang(lang) == "ko" else en


def plot_loss(losses, ax=None, eval_interval: int = 1, ylim=None, label=None, xlabel=None, lang: str = "en"):
    """Loss against iterations; returns the Axes. Axis labels in ``lang`` ("en" or "ko")."""
    import matplotlib.pyplot as plt

    check_lang(lang)
    if ax is None:
        _, ax = plt.subplots()
    losses = np.asarray(losses, dtype=float)
    x = np.arange(1, len(losses) + 1) * eval_interval
    ax.plot(x, losses, label=label)
    if eval_interval > 1:
        default = _t(lang, f"iteration (mean over {eval_interval})", f"반복 ({eval_interval}회 평균)")
    else:
        default = _t(lang, "iteration", "반복")
    ax.set_xlabel(xlabel or default)
    ax.set_ylabel(_t(lang, "loss", "손실"))
    if ylim is not None:
        ax.set_ylim(*ylim)
    if label is not None:
        ax.legend()
    return ax


def plot_words_2d(coords, words, groups=None, ax=None, fontsize: int = 9, tidy: bool = False, lang: str = "en"):
    """Scatter 2-D word coordinates, coloured by ``groups``, each point labelled.

    Labels are nudged away from their point (alternating above and below) to
    keep overlaps down; ``tidy=True`` places them with :func:`label_points`
    instead (no label overlaps another label or a point where there is room). Without ``groups``
    the one group is called "words" (단어 with ``lang="ko"``).
    """
    import matplotlib.pyplot as plt

    check_lang(lang)
    coords = np.asarray(coords, dtype=float)
    if coords.ndim != 2 or coords.shape[1] != 2 or len(coords) != len(words):
        raise ValueError(f"coords must be (n, 2) with one row per word, got {coords.shape} for {len(words)} words")
    if ax is None:
        _, ax = plt.subplots()
    groups = list(groups) if groups is not None else [_t(lang, "words", "단어")] * len(words)
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


GROUP_MARKERS = "os^DvP*X"


def plot_word_groups(coords, groups, words=None, ax=None, fontsize: int = 8, s: float = 30, lang: str = "en"):
    """Scatter 2-D points with one colour *and* one marker per group, the legend outside the axes.

    Any two groups stay distinguishable (also in grey or for colour-blind readers): colours follow the
    style's colour cycle and markers :data:`GROUP_MARKERS`, shifted so that a colour that comes round
    again gets another marker. With ``words``, the points are labelled by :func:`label_points`
    (after the legend is placed, so labels avoid it). Returns the axes. The function draws no text of
    its own (``lang`` is accepted, and checked, so every plotting call of a notebook can pass it).
    """
    import matplotlib.pyplot as plt

    check_lang(lang)
    coords = np.asarray(coords, dtype=float)
    groups = list(groups)
    if coords.ndim != 2 or coords.shape[1] != 2 or len(coords) != len(groups):
        raise ValueError(f"coords must be (n, 2) with one row per group label, got {coords.shape} "
                         f"for {len(groups)} group labels")
    if words is not None and len(words) != len(groups):
        raise ValueError(f"words and groups must have the same length, got {len(words)} and {len(groups)}")
    if ax is None:
        _, ax = plt.subplots()
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    m = len(GROUP_MARKERS)
    for n, g in enumerate(dict.fromkeys(groups)):
        sel = [i for i, gi in enumerate(groups) if gi == g]
        ax.scatter(coords[sel, 0], coords[sel, 1], s=s, label=str(g), color=colours[n % len(colours)],
                   marker=GROUP_MARKERS[(n + n // m) % m])
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=fontsize)
    if words is not None:
        label_points(ax, coords, list(words), fontsize=fontsize)
    return ax


def label_points(ax, coords, words, fontsize: int = 9, pad: float = 1.0, lang: str = "en"):
    """Label each point with its word, placed so labels do not overlap (greedy, deterministic).

    Every label tries positions around its point (8 directions at growing distances, in points) and
    takes the first whose box overlaps no earlier label, no point marker and stays inside the axes;
    if none is free it takes the candidate with the least overlap. Draw the points (and legend)
    first. Boxes get about a space's width more on the left and right, so two labels side by side stay two.
    Returns the list of text artists. (``lang`` is accepted and checked; the labels are the words.)
    """
    check_lang(lang)
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
    padx = pad + 0.3 * fontsize * to_px  # about a space's width more, so labels side by side never read as one
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
                box = (e[0] - padx, e[1] - pad, e[2] + padx, e[3] + pad)
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


# ---- computational graphs, in the spirit of the book's figures ----------------------------------------------
#
# Forward values travel left to right on black arrows (labels above); gradients travel back on red arrows
# (labels below), as in the book's figures. Symbols and code stay as they are; the words around them follow
# ``lang`` ("en" or "ko").
# Every figure has a fixed size; each function returns the Axes it drew on.

_FWD, _BWD = "black", "#C0392B"
_LAYER_FC, _OP_FC, _LOSS_FC = "#DCEBF7", "#FFFFFF", "#FCE4D6"


class _Graph:
    def __init__(self, ax, width, height, figsize):
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=figsize, layout="constrained")
        ax.set_xlim(0, width)
        ax.set_ylim(0, height)
        ax.set_aspect("auto")
        ax.axis("off")
        self.ax = ax
        self.sx, self.sy = width / figsize[0], height / figsize[1]   # data units per inch (about)

    def box(self, x, y, text, w=1.6, h=0.7, fc=_LAYER_FC, fontsize=10, round_=True):
        from matplotlib.patches import FancyBboxPatch

        style = "round,pad=0.02,rounding_size=0.12" if round_ else "square,pad=0.02"
        self.ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle=style, fc=fc, ec="0.2", lw=1.2))
        self.ax.text(x, y, text, ha="center", va="center", fontsize=fontsize)
        return (x, y, w, h)

    def op(self, x, y, text, r=0.2, fontsize=11):
        """A round operator node of radius ``r`` inches (drawn as a circle whatever the axis scales)."""
        from matplotlib.patches import Ellipse

        w, h = 2 * r * self.sx, 2 * r * self.sy
        self.ax.add_patch(Ellipse((x, y), w, h, fc=_OP_FC, ec="0.2", lw=1.2))
        self.ax.text(x, y, text, ha="center", va="center", fontsize=fontsize)
        return (x, y, w, h)

    def text(self, x, y, text, fontsize=10, color="black", **kw):
        self.ax.text(x, y, text, ha=kw.pop("ha", "center"), va=kw.pop("va", "center"), fontsize=fontsize,
                     color=color, **kw)

    def arrow(self, a, b, label=None, color=_FWD, side=1, fontsize=9, offset=0.0, shrink=0.0):
        """An arrow from point a to point b (x, y), its label above (side=1) or below (side=-1) its middle."""
        (x0, y0), (x1, y1) = a, b
        self.ax.annotate("", xy=(x1, y1 + offset), xytext=(x0, y0 + offset),
                         arrowprops=dict(arrowstyle="-|>", color=color, lw=1.4, shrinkA=shrink, shrinkB=shrink,
                                         mutation_scale=12))
        if label:
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2 + offset
            self.ax.text(mx, my + side * 0.12, label, ha="center", va="bottom" if side > 0 else "top",
                         fontsize=fontsize, color=color)


def _right(node):
    return node[0] + node[2] / 2, node[1]


def _left(node):
    return node[0] - node[2] / 2, node[1]


def _pair(g, a_node, b_node, fwd=None, bwd=None, gap=0.09, **kw):
    """A forward arrow a -> b (label above) and a backward arrow b -> a just below it (label below)."""
    a, b = _right(a_node), _left(b_node)
    g.arrow(a, b, fwd, offset=gap, **kw)
    if bwd is not None:
        g.arrow(b, a, bwd, color=_BWD, side=-1, offset=-gap, **kw)


def _title(g, title, lang, en, ko):
    """Set the default title (in ``lang``) when ``title`` is ``...``, the given one, or none for None/""."""
    if title is ...:
        title = _t(lang, en, ko)
    if title:
        g.ax.set_title(title)
    return g.ax


def draw_embedding_graph(ax=None, title=..., lang: str = "en"):
    """The Embedding layer (notebook 02): ``out = W[idx]``; backward adds each row of ``dout`` into ``dW``.

    The backward shown is the package's (:class:`w2vlib.layers.Embedding`): it clears only the rows of
    ``dW`` the previous call wrote (the book clears all of ``dW``, an O(V) step), then scatter-adds with
    ``np.add.at``. ``title=None`` draws no title; the default title and the words follow ``lang``.
    """
    check_lang(lang)
    g = _Graph(ax, 10, 3.2, figsize=(8.0, 2.6))
    src = g.box(1.2, 1.5, _t(lang, "idx\n(word ids)", "idx\n(단어 ID)"), w=1.6, fc="white", round_=False)
    emb = g.box(5.0, 1.5, "Embedding\nparams = [W]  (V × H)", w=3.0, h=0.9)
    out = g.box(8.8, 1.5, "out\n(N × H)", w=1.5, fc="white", round_=False)
    _pair(g, src, emb, "idx", None)
    _pair(g, emb, out, "W[idx]", "dout")
    g.text(5.0, 0.62, _t(lang, "backward: dW[last_idx] = 0   (only the rows the previous call wrote)",
                         "역전파: dW[last_idx] = 0   (이전 호출이 쓴 행만 지웁니다)"), color=_BWD, fontsize=9)
    g.text(5.0, 0.28, _t(lang, "np.add.at(dW, idx, dout)   (a repeated id adds up its rows)",
                         "np.add.at(dW, idx, dout)   (같은 ID가 여러 번 나오면 그 행들이 더해집니다)"),
           color=_BWD, fontsize=9)
    g.text(5.0, 2.55, _t(lang, "forward: pick rows of W, no one-hot product",
                         "순전파: W의 행을 고릅니다 (원핫 곱 없음)"), fontsize=9)
    return _title(g, title, lang, "Embedding: forward and backward", "Embedding: 순전파와 역전파")


def draw_embedding_dot_graph(ax=None, title=..., lang: str = "en"):
    """EmbeddingDot (notebook 03): ``out[i] = W[idx[i]] · h[i]`` as Embedding, × and a row sum."""
    check_lang(lang)
    g = _Graph(ax, 12, 4.0, figsize=(9.0, 3.0))
    idx = g.box(1.0, 1.2, "idx", w=1.1, fc="white", round_=False)
    emb = g.box(3.6, 1.2, "Embedding\n(W_out)", w=1.9, h=0.8)
    h = g.box(1.0, 3.1, "h\n(N × H)", w=1.1, fc="white", round_=False)
    mul = g.op(6.4, 2.1, "×")
    ssum = g.box(8.5, 2.1, "sum\n(axis=1)", w=1.4, h=0.8, fc=_OP_FC)
    out = g.box(11.0, 2.1, "out\n(N,)", w=1.1, fc="white", round_=False)
    _pair(g, idx, emb, "idx")
    g.arrow(_right(emb), (mul[0] - 0.2, mul[1] - 0.1), None)
    mx, my = (_right(emb)[0] + mul[0] - 0.2) / 2, (_right(emb)[1] + mul[1] - 0.1) / 2
    g.text(mx - 0.1, my + 0.12, "target_W", fontsize=9, ha="right", va="bottom")   # left of the rising arrow
    g.arrow((mul[0] - 0.22, mul[1] - 0.25), (emb[0] + 0.95, emb[1] - 0.25), "dout · h", color=_BWD, side=-1)
    g.arrow(_right(h), (mul[0] - 0.2, mul[1] + 0.1), "h", side=-1)
    g.arrow((mul[0] - 0.2, mul[1] + 0.35), (h[0] + 0.55, h[1] + 0.25), None, color=_BWD)
    g.text(3.9, 3.45, "dh = dout · target_W", color=_BWD, fontsize=9)    # above the red arrow, off both lines
    _pair(g, mul, ssum, "", _t(lang, "dout (copied\nto H columns)", "dout\n(열 H개로\n복사)"))
    _pair(g, ssum, out, "out", "dout")
    g.text(3.6, 0.3, _t(lang, "backward into W_out: np.add.at(dW, idx, dout · h)",
                        "W_out으로의 역전파: np.add.at(dW, idx, dout · h)"), color=_BWD, fontsize=9)
    return _title(g, title, lang, "EmbeddingDot: forward and backward", "EmbeddingDot: 순전파와 역전파")


def draw_negative_sampling_graph(k=5, ax=None, shown=3, title=..., lang: str = "en"):
    """NegativeSamplingLoss (notebook 04): k + 1 EmbeddingDot → SigmoidWithLoss branches sharing W_out.

    ``k`` is the number of negatives (the label says how many); at most ``shown`` negative branches are
    drawn, the rest stand behind a "⋮". The figure size does not depend on k.
    """
    check_lang(lang)
    k = int(k)
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    drawn = min(k, shown)
    rows = 1 + drawn + (1 if k > drawn else 0)
    g = _Graph(ax, 12, rows + 1.2, figsize=(9.0, 4.2))
    ys = [rows + 0.4 - i for i in range(rows)]
    h = g.box(0.8, (ys[0] + ys[-1]) / 2, "h", w=0.9, fc="white", round_=False)
    total = g.op(10.4, (ys[0] + ys[-1]) / 2, "+")
    loss = g.box(11.5, total[1], "L", w=0.7, fc="white", round_=False)
    target, negative = _t(lang, "target", "타깃"), _t(lang, "negative", "부정적 예")
    branches = [(target, "1")] + [(f"{negative} {i + 1}", "0") for i in range(drawn - (1 if k > drawn else 0))]
    if k > drawn:
        branches += [("⋮", None), (f"{negative} {k}", "0")]
    for y, (name, label) in zip(ys, branches):
        if label is None:
            g.text(4.6, y, _t(lang, f"⋮   ({k} negatives in all)", f"⋮   (부정적 예는 모두 {k}개)"), fontsize=10)
            continue
        ed = g.box(4.6, y, f"EmbeddingDot\nidx = {name}", w=2.4, h=0.7, fontsize=9)
        sl = g.box(8.0, y, f"SigmoidWithLoss\nt = {label}", w=2.1, h=0.7, fc=_LOSS_FC, fontsize=9)
        g.arrow(_right(h), _left(ed), None)
        _pair(g, ed, sl, _t(lang, "score", "점수"), "(y − t)/N", gap=0.1, fontsize=8)
        g.arrow(_right(sl), _left(total), None)
    g.arrow(_right(total), _left(loss), None)
    g.text(0.8, ys[-1] - 0.75, _t(lang, "dh = Σ of the k + 1 branches' dh", "dh = k + 1개 가지의 dh의 합"),
           color=_BWD, fontsize=9, ha="left")
    g.text(6.8, ys[-1] - 0.75, _t(lang, "all branches share W_out: its gradient is the sum",
                                  "모든 가지가 W_out을 공유하므로 기울기는 그 합입니다"), color=_BWD, fontsize=9,
           ha="left")
    return _title(g, title, lang, "NegativeSamplingLoss: one positive and k negative branches",
                  "NegativeSamplingLoss: 긍정적 예 1개, 부정적 예 k개로 갈라지는 계산")


def draw_cbow_ns_graph(window_size=1, k=5, ax=None, title=..., lang: str = "en"):
    """CBOW with Embedding input and negative-sampling output (notebook 05): 2·window context lookups in
    ``W_in``, averaged into ``h``, then NegativeSamplingLoss (k + 1 branches in ``W_out``) against the target.

    At most four context branches are drawn (the rest behind a "⋮"); the figure size is fixed.
    """
    check_lang(lang)
    window_size, k = int(window_size), int(k)
    if window_size < 1 or k < 1:
        raise ValueError(f"window_size and k must be >= 1, got {window_size}, {k}")
    n_ctx = 2 * window_size
    context = _t(lang, "context", "맥락")
    labels = [f"{context} {i + 1}" for i in range(n_ctx)]
    if n_ctx > 4:
        labels = labels[:3] + ["⋮", f"{context} {n_ctx}"]
    rows = len(labels)
    g = _Graph(ax, 12, rows + 1.4, figsize=(9.0, 3.8))
    ys = [rows + 0.5 - i for i in range(rows)]
    mid = (ys[0] + ys[-1]) / 2
    add = g.op(5.0, mid, "+")
    scale = g.box(6.5, mid, f"× 1/{n_ctx}", w=1.0, h=0.6, fc=_OP_FC)
    ns = g.box(9.2, mid, _t(lang, f"NegativeSampling\nLoss (W_out)\nk + 1 = {k + 1} branches",
                            f"NegativeSampling\nLoss (W_out)\n가지 k + 1 = {k + 1}개"), w=2.4, h=1.2,
               fc=_LOSS_FC, fontsize=9)
    loss = g.box(11.4, mid, "L", w=0.6, fc="white", round_=False)
    for y, name in zip(ys, labels):
        if name == "⋮":
            g.text(2.5, y, "⋮", fontsize=12)
            continue
        c = g.box(0.9, y, name, w=1.5, h=0.5, fc="white", round_=False, fontsize=9)
        e = g.box(3.0, y, "Embedding\n(W_in)", w=1.5, h=0.65, fontsize=9)
        g.arrow(_right(c), _left(e), None)
        g.arrow(_right(e), _left(add), None)
    _pair(g, add, scale, "", None)
    _pair(g, scale, ns, "h", "dh")
    g.arrow((9.2, 0.2), (9.2, ns[1] - 0.6), None)   # vertical: its label goes beside it, not across it
    g.text(9.32, (0.2 + ns[1] - 0.6) / 2, _t(lang, "target", "타깃"), fontsize=9, color=_FWD, ha="left", va="center")
    g.arrow(_right(ns), _left(loss), None)
    g.text(3.0, 0.25, _t(lang, f"backward: every context row of W_in gets dh / {n_ctx} (np.add.at: repeats add up)",
                         f"역전파: W_in의 맥락 행마다 {josa(f'dh / {n_ctx}', '을/를')} 받습니다 (np.add.at: 반복은 더해집니다)"),
           color=_BWD, fontsize=9)
    return _title(g, title, lang, "CBOW with negative sampling", "네거티브 샘플링을 쓰는 CBOW")


# ---- the Huffman tree of hierarchical softmax --------------------------------------------------------------------

def draw_huffman_tree(codes, points, words, counts=None, highlight=None, ax=None, title=..., lang: str = "en"):
    """Draw the tree of :func:`w2vlib.huffman_codes`: the root on top, every inner node labelled with its
    row of ``W`` (``n3`` is ``W[3]``), every edge with its bit (0 left, 1 right), the words as leaves (with
    their counts when ``counts`` is given). ``highlight`` (a word id) draws that word's path in red. Returns
    the Axes; the figure is 9 x 4.2 inches. ``title=None`` draws no title; the default follows ``lang``."""
    import matplotlib.pyplot as plt

    check_lang(lang)
    V = len(codes)
    if len(points) != V or len(words) != V:
        raise ValueError(f"codes, points and words must have one entry per word, got {len(codes)}, "
                         f"{len(points)} and {len(words)}")
    # rebuild the tree from the paths: node key = the code prefix; leaves are words, inner nodes rows
    inner, leaf = {}, {}
    for w in range(V):
        code = tuple(int(b) for b in codes[w])
        for d, row in enumerate(points[w]):
            inner[code[:d]] = int(row)
        leaf[code] = w
    depth = max(len(tuple(c)) for c in codes)
    x, order = {}, []

    def place(prefix):  # in-order: leaves get x = 0, 1, 2, ... from left to right
        if prefix in leaf:
            x[prefix] = float(len(order))
            order.append(prefix)
            return
        place(prefix + (0,))
        place(prefix + (1,))
        x[prefix] = (x[prefix + (0,)] + x[prefix + (1,)]) / 2

    place(())
    if ax is None:
        _, ax = plt.subplots(figsize=(9.0, 4.2), layout="constrained")
    path = set()
    if highlight is not None:
        hc = tuple(int(b) for b in codes[int(highlight)])
        path = {hc[:d] for d in range(len(hc) + 1)}
    for prefix in inner:
        for bit in (0, 1):
            child = prefix + (bit,)
            on = prefix in path and child in path
            ax.plot([x[prefix], x[child]], [-len(prefix), -len(child)], color=_BWD if on else "0.45",
                    lw=2.2 if on else 1.2, zorder=1)
            ax.text((x[prefix] + x[child]) / 2 + (-0.12 if bit == 0 else 0.12), -len(prefix) - 0.5, str(bit),
                    ha="center", va="center", fontsize=9, color=_BWD if on else "0.3")
    for prefix, row in inner.items():
        ax.text(x[prefix], -len(prefix), f"n{row}", ha="center", va="center", fontsize=9, zorder=2,
                bbox=dict(boxstyle="circle,pad=0.25", fc=_LAYER_FC, ec=_BWD if prefix in path else "0.2"))
    for prefix, w in leaf.items():
        label = str(words[w]) if counts is None else f"{words[w]}\n({int(counts[w])})"
        ax.text(x[prefix], -len(prefix), label, ha="center", va="top", fontsize=9, zorder=2,
                bbox=dict(boxstyle="round,pad=0.25", fc=_LOSS_FC if prefix in path else "white",
                          ec=_BWD if prefix in path else "0.2"))
    ax.set_xlim(-0.7, len(order) - 0.3)
    ax.set_ylim(-depth - 0.9, 0.5)
    ax.axis("off")
    if title is ...:
        title = _t(lang, "Huffman tree: rows of W at the inner nodes, words at the leaves",
                   "허프만 트리: 내부 노드는 W의 행, 잎은 단어")
    if title:
        ax.set_title(title)
    return ax
