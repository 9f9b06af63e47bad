"""Each model's total loss is gradient-checked (float64, tolerance 1e-6) w.r.t. every parameter; CBOW learns the toy corpus."""
import numpy as np
import pytest

from w2vlib import (
    CBOW, SGD, Adam, SimpleCBOW, SkipGram, TOY_TEXT, Trainer, create_contexts_target, gradcheck,
    most_similar, preprocess,
)
from w2vlib.models import init_weights
from w2vlib.gradcheck import GRADCHECK_TOL as TOL  # 1e-6, float64


def toy(window=1):
    corpus, w2i, i2w = preprocess(TOY_TEXT)
    contexts, target = create_contexts_target(corpus, window)
    return corpus, w2i, i2w, contexts, target


def scale_up(model, rng):
    # The book's 0.01 initial weights give tiny gradients; larger weights make the check meaningful.
    for p in model.params:
        p[...] = rng.standard_normal(p.shape)


@pytest.mark.gradcheck
@pytest.mark.parametrize("window", [1, 2])
def test_simple_cbow_gradcheck(window):
    corpus, w2i, _, contexts, target = toy(window)
    model = SimpleCBOW(len(w2i), 5, window, rng=0, dtype=np.float64)
    scale_up(model, np.random.default_rng(1))
    model.forward(contexts, target)
    model.backward()
    assert gradcheck(lambda: model.forward(contexts, target), model.params, model.grads) < TOL


@pytest.mark.gradcheck
@pytest.mark.parametrize("cls", [CBOW, SkipGram])
@pytest.mark.parametrize("window", [1, 2])
def test_ns_models_gradcheck(cls, window):
    corpus, w2i, _, contexts, target = toy(window)
    model = cls(len(w2i), 5, window, corpus, sample_size=3, rng=0, dtype=np.float64)
    scale_up(model, np.random.default_rng(1))
    shape = target.shape if cls is CBOW else contexts.shape
    negs = model.sampler.get_negative_sample(target if cls is CBOW else contexts)
    assert negs.shape == shape + (3,)
    model.forward(contexts, target, negs)
    model.backward()
    assert gradcheck(lambda: model.forward(contexts, target, negs), model.params, model.grads) < TOL


def test_init_weights_is_the_models_initialiser():
    W_in, W_out = init_weights(7, 3, rng=5)
    assert W_in.dtype == W_out.dtype == np.float32 and W_in.shape == W_out.shape == (7, 3)
    model = CBOW(7, 3, 1, np.arange(7), 2, rng=5)
    np.testing.assert_array_equal(model.params[0], W_in)
    np.testing.assert_array_equal(model.params[1], W_out)
    w_in, w_out = init_weights(7, 3, rng=5, init="word2vec")
    assert np.all(w_out == 0) and np.abs(w_in).max() <= 0.5 / 3
    d_in, _ = init_weights(7, 3, rng=5, dtype=np.float64)
    assert d_in.dtype == np.float64
    np.testing.assert_allclose(d_in, W_in, rtol=1e-6)  # the same draws, kept in float64
    with pytest.raises(ValueError, match="init must be"):
        init_weights(7, 3, init="xavier")
    with pytest.raises(TypeError, match="dtype"):
        init_weights(7, 3, dtype=np.int32)


def test_models_list_each_matrix_once_and_stay_float32():
    corpus, w2i, _, contexts, target = toy()
    for model in (SimpleCBOW(len(w2i), 5, rng=0), CBOW(len(w2i), 5, 1, corpus, 2, rng=0), SkipGram(len(w2i), 5, 1, corpus, 2, rng=0)):
        assert len(model.params) == 2 and len({id(p) for p in model.params}) == 2
        model.forward(contexts, target)
        model.backward()
        Adam().update(model.params, model.grads)
        assert all(p.dtype == np.float32 for p in model.params)
        assert all(g.dtype == np.float32 for g in model.grads)


def test_optimizers_keep_float32_under_numpy2_promotion():
    p = np.ones((3, 2), np.float32)
    g = np.full((3, 2), 0.5, np.float32)
    SGD(lr=np.float64(0.1)).update([p], [g])
    np.testing.assert_allclose(p, 0.95)
    opt = Adam(lr=0.1)
    opt.update([p], [g])
    assert p.dtype == np.float32
    np.testing.assert_allclose(p, 0.95 - 0.1, rtol=1e-5)  # first Adam step moves by lr


def test_cbow_learns_the_toy_corpus():
    corpus, w2i, i2w, contexts, target = toy()
    model = CBOW(len(w2i), 5, 1, corpus, sample_size=2, rng=0)
    trainer = Trainer(model, Adam()).fit(contexts, target, max_epoch=1000, batch_size=3, rng=0, progress=False)
    first, last = trainer.loss_list[0], trainer.loss_list[-1]
    # Start: 3 binary losses of log(2) = 2.08. Threshold: at least halved, below 1.0.
    assert first == pytest.approx(3 * np.log(2), abs=0.05)
    assert last < 1.0 and last < first / 2
    for query in ("goodbye", "hello"):
        top = most_similar(query, w2i, i2w, model.word_vecs, top=3)
        assert len(top) == 3 and all(w != query for w, _ in top)
        scores = [s for _, s in top]
        assert scores == sorted(scores, reverse=True)
    # goodbye and hello share both contexts ("say _ and" / "say _ ."): they end up among each other's neighbours.
    assert "hello" in [w for w, _ in most_similar("goodbye", w2i, i2w, model.word_vecs, top=3)]


def test_simple_cbow_learns_the_toy_corpus():
    corpus, w2i, _, contexts, target = toy()
    model = SimpleCBOW(len(w2i), 5, rng=0)
    trainer = Trainer(model, Adam()).fit(contexts, target, max_epoch=500, batch_size=3, rng=0, progress=False)
    assert trainer.loss_list[0] == pytest.approx(np.log(len(w2i)), abs=0.05)
    assert trainer.loss_list[-1] < 1.0


def test_trainer_is_reproducible():
    corpus, w2i, _, contexts, target = toy()
    runs = []
    for _ in range(2):
        model = CBOW(len(w2i), 5, 1, corpus, 2, rng=7)
        Trainer(model, Adam()).fit(contexts, target, max_epoch=20, batch_size=3, rng=7, progress=False)
        runs.append(model.word_vecs.copy())
    np.testing.assert_array_equal(*runs)


def test_model_bad_input():
    corpus, w2i, _, contexts, target = toy()
    with pytest.raises(ValueError, match="window_size"):
        CBOW(len(w2i), 5, 0, corpus)
    model = CBOW(len(w2i), 5, 1, corpus, 2, rng=0)
    with pytest.raises(ValueError, match="contexts must have shape"):
        model.forward(contexts[:, :1], target)
    with pytest.raises(ValueError, match="target must have shape"):
        model.forward(contexts, target[:-1])
    with pytest.raises(IndexError, match="outside the vocabulary"):
        model.forward(contexts + 100, target)
    with pytest.raises(ValueError, match="contexts must be"):
        SimpleCBOW(len(w2i), 5, rng=0).forward(contexts[:, :1], target)
    with pytest.raises(ValueError, match="same length"):
        Trainer(model, SGD()).fit(contexts, target[:-1], progress=False)


def test_lazy_adam_equals_dense_adam_on_touched_rows_and_skips_the_rest():
    rng = np.random.default_rng(0)
    p_dense = rng.standard_normal((6, 3)).astype(np.float32)
    p_lazy = p_dense.copy()
    dense, lazy = Adam(lr=0.1), Adam(lr=0.1, lazy=True)
    for _ in range(3):
        g = rng.standard_normal((6, 3)).astype(np.float32)  # every row has a gradient
        dense.update([p_dense], [g])
        lazy.update([p_lazy], [g])
    np.testing.assert_allclose(p_lazy, p_dense, rtol=1e-5)
    before = p_lazy.copy()
    g = np.zeros((6, 3), np.float32)
    g[2] = 1.0
    lazy.update([p_lazy], [g])
    np.testing.assert_array_equal(np.delete(p_lazy, 2, axis=0), np.delete(before, 2, axis=0))
    assert not np.array_equal(p_lazy[2], before[2])


@pytest.mark.parametrize("cls", [CBOW, SkipGram])
def test_touched_rows_cover_every_nonzero_gradient_row(cls):
    corpus, w2i, _, contexts, target = toy(2)
    model = cls(len(w2i), 4, 2, corpus, sample_size=2, rng=0)
    for sl in (slice(0, 2), slice(2, 4)):  # twice: rows of the first batch must be cleared
        model.forward(contexts[sl], target[sl])
        model.backward()
        for g, rows in zip(model.grads, model.touched_rows()):
            nonzero = np.flatnonzero(g.any(axis=1))
            assert set(nonzero) <= set(rows.tolist())
    # with the hints, lazy Adam gives exactly what it gives by scanning the gradients
    a = cls(len(w2i), 4, 2, corpus, sample_size=2, rng=0)
    b = cls(len(w2i), 4, 2, corpus, sample_size=2, rng=0)
    Trainer(a, Adam(lazy=True)).fit(contexts, target, max_epoch=3, batch_size=2, rng=0, progress=False)
    opt = Adam(lazy=True)
    order_rng = np.random.default_rng(0)
    for _ in range(3):
        order = order_rng.permutation(len(target))
        for i in range(len(target) // 2):
            sel = order[2 * i:2 * i + 2]
            b.forward(contexts[sel], target[sel])
            b.backward()
            opt.update(b.params, b.grads)
    np.testing.assert_array_equal(a.word_vecs, b.word_vecs)
