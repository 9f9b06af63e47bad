"""w2vlib.plotting's computational-graph figures: fixed sizes, the branches they promise, clear errors."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

from w2vlib import plotting


def _texts(ax):
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("draw,size", [(plotting.draw_embedding_graph, (8.0, 2.6)),
                                       (plotting.draw_embedding_dot_graph, (9.0, 3.0)),
                                       (plotting.draw_negative_sampling_graph, (9.0, 4.2)),
                                       (plotting.draw_cbow_ns_graph, (9.0, 3.8))])
def test_graph_figures_have_a_fixed_size(draw, size):
    ax = draw()
    assert tuple(ax.figure.get_size_inches()) == size
    assert not ax.axison
    plt.close(ax.figure)


@pytest.mark.parametrize("k", [1, 2, 3, 5, 20])
def test_negative_sampling_graph_has_k_plus_one_branches(k):
    ax = plotting.draw_negative_sampling_graph(k=k)
    labels = [t for t in _texts(ax) if t.startswith("SigmoidWithLoss")]
    assert labels[0].endswith("t = 1") and all(t.endswith("t = 0") for t in labels[1:])
    assert any(f"negative {k}" in t for t in _texts(ax))
    drawn = len(labels)
    assert drawn == k + 1 if k <= 3 else drawn == 4 and any(f"{k} negatives in all" in t for t in _texts(ax))
    plt.close(ax.figure)


def test_cbow_graph_names_window_and_k():
    ax = plotting.draw_cbow_ns_graph(window_size=2, k=7)
    texts = _texts(ax)
    assert "context 4" in texts and any("k + 1 = 8" in t for t in texts) and "× 1/4" in texts
    plt.close(ax.figure)


def test_graphs_draw_on_a_given_axes_and_refuse_bad_sizes():
    fig, ax = plt.subplots(figsize=(5, 3))
    assert plotting.draw_embedding_graph(ax=ax, title=None) is ax
    plt.close(fig)
    with pytest.raises(ValueError, match="k must be >= 1"):
        plotting.draw_negative_sampling_graph(k=0)
    with pytest.raises(ValueError, match="window_size and k"):
        plotting.draw_cbow_ns_graph(window_size=0)
