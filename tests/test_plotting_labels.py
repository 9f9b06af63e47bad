"""w2vlib.plotting.label_points: labels of crowded points do not overlap."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest

from w2vlib.plotting import label_points, plot_words_2d


def _boxes(fig, texts):
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    return [t.get_window_extent(r) for t in texts]


def test_crowded_labels_do_not_overlap():
    rng = np.random.default_rng(0)
    coords = rng.normal(size=(25, 2))
    words = [f"word{i}" for i in range(25)]
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.scatter(coords[:, 0], coords[:, 1])
    texts = label_points(ax, coords, words, fontsize=8)
    boxes = _boxes(fig, texts)
    overlaps = sum(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    plt.close(fig)
    assert len(texts) == 25 and overlaps == 0


def test_plot_words_2d_tidy_and_bad_shape():
    fig, ax = plt.subplots()
    plot_words_2d(np.array([[0, 0], [1, 1]]), ["a", "b"], ["g", "h"], ax=ax, tidy=True)
    assert [t.get_text() for t in ax.texts] == ["a", "b"]
    with pytest.raises(ValueError, match="one row per word"):
        label_points(ax, np.zeros((3, 2)), ["a"])
    plt.close(fig)


def test_plot_word_groups_distinguishes_every_pair_and_puts_the_legend_outside():
    from w2vlib.plotting import plot_word_groups

    n_groups = 12  # more groups than markers and than colours of a short cycle
    groups = [f"g{i}" for i in range(n_groups) for _ in range(2)]
    coords = np.random.default_rng(0).normal(size=(len(groups), 2))
    fig, ax = plt.subplots()
    plot_word_groups(coords, groups, words=[f"w{i}" for i in range(len(groups))], ax=ax)
    styles = []
    for coll in ax.collections:
        colour = tuple(np.round(coll.get_facecolor()[0], 3))
        path = coll.get_paths()[0]
        styles.append((colour, tuple(np.round(path.vertices.ravel(), 3))))
    assert len(ax.collections) == n_groups and len(set(styles)) == n_groups
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [f"g{i}" for i in range(n_groups)]
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    assert legend.get_window_extent(r).x0 >= ax.get_window_extent(r).x1  # outside, right of the axes
    assert len(ax.texts) == len(groups)
    with pytest.raises(ValueError, match="one row per group"):
        plot_word_groups(np.zeros((3, 2)), ["a"], ax=ax)
    with pytest.raises(ValueError, match="same length"):
        plot_word_groups(np.zeros((2, 2)), ["a", "b"], words=["x"], ax=ax)
    plt.close(fig)
