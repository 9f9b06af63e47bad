"""w2vlib.notes keeps the study notes' code as written: each bug shows, and the gradient check catches the
overwriting backward (the one home of that class, shared with notebook 02)."""
import numpy as np
import pytest

from w2vlib import Embedding, EmbeddingDot, gradcheck, notes
from w2vlib.gradcheck import GRADCHECK_TOL


def _f64(rng, *shape):
    return rng.standard_normal(shape)


def _embedding_error(cls, idx, seed=0):
    rng = np.random.default_rng(seed)
    layer = cls(_f64(rng, 5, 3))
    G = _f64(rng, len(idx), 3)
    loss = lambda: float(np.sum(layer.forward(idx) * G))
    loss()
    layer.backward(G)
    return gradcheck(loss, layer.params, layer.grads)


def test_gradcheck_catches_the_notes_overwriting_backward():
    assert _embedding_error(notes.OverwritingEmbedding, np.array([0, 2, 0, 4])) > 0.1


def test_overwriting_backward_is_invisible_without_repeats():
    # without a repeated id the bug cannot show: that is why notebook 02 keeps one in IDS
    assert _embedding_error(notes.OverwritingEmbedding, np.array([0, 2, 4])) < GRADCHECK_TOL


def test_the_notes_loop_backward_is_right():
    assert _embedding_error(notes.LoopEmbedding, np.array([1, 1, 1, 3])) < GRADCHECK_TOL
    layer = notes.LoopEmbedding(np.zeros((4, 2)))
    layer.forward(np.array([0, 0]))
    layer.backward(np.ones((2, 2)))
    ref = Embedding(np.zeros((4, 2)))
    ref.forward(np.array([0, 0]))
    ref.backward(np.ones((2, 2)))
    np.testing.assert_array_equal(layer.grads[0], ref.grads[0])


def test_notes_embedding_forward_fails_as_written():
    layer = notes.Embedding(np.zeros((4, 2)))
    with pytest.raises(TypeError, match="scalar index|list indices"):
        layer.forward(np.array([1]))


def test_notes_embedding_dot_has_no_constructor():
    assert "__intit__" in vars(notes.EmbeddingDot) and "__init__" not in vars(notes.EmbeddingDot)
    with pytest.raises(TypeError, match="takes no arguments"):
        notes.EmbeddingDot(np.zeros((4, 2)))


def test_notes_embedding_dot_forward_names_an_undefined_W():
    layer = object.__new__(notes.EmbeddingDot)
    layer.__intit__(np.zeros((4, 2)))
    with pytest.raises(NameError, match="'W'"):
        layer.forward(np.zeros((1, 2)), np.array([0]))


def test_notes_negative_sampling_loss_stops_twice(monkeypatch):
    corpus = np.array([0, 1, 2, 3, 4, 1, 5, 6])
    W = np.zeros((7, 3), dtype=np.float32)
    with pytest.raises(TypeError, match="takes no arguments"):
        notes.NegativeSamplingLoss(W, corpus)
    monkeypatch.setattr(notes, "EmbeddingDot", EmbeddingDot)
    with pytest.raises(AttributeError, match="grads"):
        notes.NegativeSamplingLoss(W, corpus)


def test_source_shows_the_notes_code_and_refuses_unknown_names():
    assert "def __intit__(self,W):" in notes.source("EmbeddingDot")
    assert "self.params,self.grad=[],[]" in notes.source("NegativeSamplingLoss")
    with pytest.raises(ValueError, match="no such class"):
        notes.source("Softmax")


@pytest.mark.parametrize("src", ["notebooks/src/08_transfer_learning.py", "notebooks/ko/src/08_transfer_learning.py"])
def test_notebook_08_quotes_the_summary_as_kept(src):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / src).read_text(encoding="utf-8")
    prose = " ".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in text.splitlines())
    assert f"*{notes.SUMMARY_LAST_POINT}*" in prose


def test_source_in_korean_translates_only_the_package_docstring():
    for name in ["OverwritingEmbedding", "LoopEmbedding"]:
        en, ko = notes.source(name), notes.source(name, lang="ko")
        assert '"""' in ko and "학습 노트" in ko and "The notes'" not in ko
        code = lambda text: [line for line in text.splitlines() if line.startswith("    def") or line.startswith("        ")]
        assert code(en) == code(ko)          # the notes' own lines are verbatim in both languages
    assert notes.source("Embedding", lang="ko") == notes.source("Embedding")
    with pytest.raises(ValueError):
        notes.source("Embedding", lang="fr")
