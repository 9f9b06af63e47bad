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


# ---- both editions: lang="en" | "ko" ----------------------------------------------------------------

import re

import numpy as np

HANGUL = re.compile("[가-힣]")
ENGLISH_WORDS = re.compile(r"\b(forward|backward|negatives?|target|context|branch(es)?|score|word|copied|rows?|"
                           r"iteration|loss|mean|share|gradient|one|and|of|the)\b")


def _all_text(ax):
    texts = [t.get_text() for t in ax.texts] + [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    legend = ax.get_legend()
    if legend is not None:
        texts += [t.get_text() for t in legend.get_texts()]
    return [t for t in texts if t]


GRAPHS = [plotting.draw_embedding_graph, plotting.draw_embedding_dot_graph,
          plotting.draw_negative_sampling_graph, plotting.draw_cbow_ns_graph]


@pytest.mark.parametrize("draw", GRAPHS, ids=lambda f: f.__name__)
def test_graphs_speak_korean_with_lang_ko_and_keep_the_figure_size(draw):
    en, ko = draw(), draw(lang="ko")
    assert en.figure.get_size_inches().tolist() == ko.figure.get_size_inches().tolist()
    assert len(en.texts) == len(ko.texts) and len(en.patches) == len(ko.patches)
    assert not any(HANGUL.search(t) for t in _all_text(en))
    assert HANGUL.search(ko.get_title())
    english_left = [t for t in _all_text(ko) if ENGLISH_WORDS.search(t.replace("W_out", "").replace("W_in", ""))]
    assert not english_left, f"English words in the Korean figure: {english_left}"
    plt.close(en.figure)
    plt.close(ko.figure)


@pytest.mark.parametrize("draw", GRAPHS, ids=lambda f: f.__name__)
def test_graphs_refuse_an_unknown_language_and_keep_a_given_title(draw):
    with pytest.raises(ValueError, match="lang must be one of"):
        draw(lang="kr")
    ax = draw(title="my title", lang="ko")
    assert ax.get_title() == "my title"
    plt.close(ax.figure)
    ax = draw(title=None, lang="ko")
    assert ax.get_title() == ""
    plt.close(ax.figure)


def test_the_embedding_graph_shows_the_packages_backward():
    texts = " ".join(_texts(plotting.draw_embedding_graph()))
    assert "dW[last_idx] = 0" in texts and "np.add.at(dW, idx, dout)" in texts and "dW[...] = 0" not in texts
    plt.close("all")


def test_korean_particles_in_the_cbow_graph_follow_the_number():
    for window, particle in [(1, "2를"), (3, "6을")]:
        texts = " ".join(_texts(plotting.draw_cbow_ns_graph(window_size=window, lang="ko")))
        assert f"dh / {particle}" in texts
    plt.close("all")


@pytest.mark.parametrize("lang,xlabel,ylabel,xlabel_mean", [("en", "iteration", "loss", "iteration (mean over 20)"),
                                                            ("ko", "반복", "손실", "반복 (20회 평균)")])
def test_loss_plots_and_trainer_plot_label_their_axes_in_the_language(lang, xlabel, ylabel, xlabel_mean):
    from w2vlib import SGD, SimpleCBOW, Trainer

    ax = plotting.plot_loss([3.0, 2.0, 1.0], lang=lang)
    assert (ax.get_xlabel(), ax.get_ylabel()) == (xlabel, ylabel)
    plt.close(ax.figure)
    model = SimpleCBOW(vocab_size=7, hidden_size=3, rng=0)
    contexts = np.array([[0, 2], [1, 3], [2, 4], [3, 5]])
    target = np.array([1, 2, 3, 4])
    trainer = Trainer(model, SGD(lr=0.1)).fit(contexts, target, max_epoch=20, batch_size=2, eval_interval=20,
                                              rng=0, progress=False)
    ax = trainer.plot(lang=lang)
    assert (ax.get_xlabel(), ax.get_ylabel()) == (xlabel_mean, ylabel)
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="lang must be one of"):
        trainer.plot(lang="fr")


def test_word_plots_take_lang():
    ax = plotting.plot_words_2d(np.array([[0.0, 0.0], [1.0, 1.0]]), ["a", "b"], lang="ko")
    assert [c.get_label() for c in ax.collections] == ["단어"]
    plt.close(ax.figure)
    ax = plotting.plot_word_groups(np.zeros((2, 2)), ["가", "나"], lang="ko")
    plt.close(ax.figure)
    for call in (lambda: plotting.plot_words_2d(np.zeros((1, 2)), ["a"], lang="jp"),
                 lambda: plotting.plot_word_groups(np.zeros((1, 2)), ["a"], lang="jp"),
                 lambda: plotting.plot_loss([1.0], lang="jp")):
        with pytest.raises(ValueError, match="lang must be one of"):
            call()
