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
