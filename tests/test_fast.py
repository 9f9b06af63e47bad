"""The fast path computes what the layered models compute, and trains reproducibly."""

import math

import numpy as np
import pytest

from w2vlib import fast
from w2vlib.corpus import TOY_TEXT, preprocess
from w2vlib.models import CBOW, SkipGram


def _toy(rng, V=30, n=400):
    return rng.integers(0, V, size=n).astype(np.int32)


def _negatives_avoiding(rng, positive, shape, V):
    negs = rng.integers(0, V, size=shape)
    pos = np.broadcast_to(np.asarray(positive).reshape(positive.shape + (1,) * (len(shape) - positive.ndim)), shape)
    while np.any(negs == pos):
        bad = negs == pos
        negs[bad] = rng.integers(0, V, size=int(bad.sum()))
    return negs


@pytest.mark.parametrize("window", [1, 2])
def test_cbow_grads_equal_layered(window):
    rng = np.random.default_rng(0)
    V, H, N, k = 30, 8, 16, 5
    corpus = _toy(rng, V)
    model = CBOW(V, H, window, corpus, sample_size=k, rng=np.random.default_rng(1))
    W_in, W_out = model.params
    W_in[...] = rng.standard_normal(W_in.shape).astype(np.float32) * 0.5
    W_out[...] = rng.standard_normal(W_out.shape).astype(np.float32) * 0.5
    contexts = rng.integers(0, V, size=(N, 2 * window))
    contexts[0, :] = contexts[0, 0]  # a repeated context word
    target = rng.integers(0, V, size=N)
    target[1] = target[2]  # a repeated target
    negs = _negatives_avoiding(rng, target, (N, k), V)
    negs[3, :2] = negs[3, 2]  # a repeated negative within a row

    loss_ref = model.forward(contexts, target, negatives=negs)
    model.backward()
    loss, dW_in, dW_out = fast.cbow_grads(W_in.copy(), W_out.copy(), contexts, target, negs)
    assert loss == pytest.approx(loss_ref, rel=1e-5)
    np.testing.assert_allclose(dW_in, model.grads[0], rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(dW_out, model.grads[1], rtol=1e-4, atol=1e-6)


def test_skipgram_grads_equal_layered():
    rng = np.random.default_rng(2)
    V, H, N, k, window = 25, 6, 12, 3, 2
    corpus = _toy(rng, V)
    model = SkipGram(V, H, window, corpus, sample_size=k, rng=np.random.default_rng(3))
    W_in, W_out = model.params
    W_in[...] = rng.standard_normal(W_in.shape).astype(np.float32) * 0.5
    W_out[...] = rng.standard_normal(W_out.shape).astype(np.float32) * 0.5
    contexts = rng.integers(0, V, size=(N, 2 * window))
    target = rng.integers(0, V, size=N)
    target[4] = target[5]
    negs = _negatives_avoiding(rng, contexts, (N, 2 * window, k), V)

    loss_ref = model.forward(contexts, target, negatives=negs)
    model.backward()
    loss, dW_in, dW_out = fast.skipgram_grads(W_in.copy(), W_out.copy(), contexts, target, negs)
    assert loss == pytest.approx(loss_ref, rel=1e-5)
    np.testing.assert_allclose(dW_in, model.grads[0], rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(dW_out, model.grads[1], rtol=1e-4, atol=1e-6)


def test_grads_reject_mismatched_shapes():
    W = np.zeros((10, 4), np.float32)
    with pytest.raises(ValueError):
        fast.cbow_grads(W, W, np.zeros((3, 2), int), np.zeros(4, int), np.ones((3, 2), int))


def test_subsample_keep_prob():
    keep = fast.subsample_keep_prob([1000, 10, 0], 1e-2)
    t = 1e-2 * 1010
    assert keep[0] == pytest.approx((np.sqrt(1000 / t) + 1) * t / 1000)
    assert keep[1] == 1.0 and keep[2] == 1.0
    assert np.all(fast.subsample_keep_prob([5, 5], 0) == 1)


def _small_corpus():
    # a corpus with structure: two "topics" whose words co-occur
    rng = np.random.default_rng(5)
    a, b = np.arange(0, 20), np.arange(20, 40)
    parts = [rng.choice(a if i % 2 else b, size=50) for i in range(80)]
    return np.concatenate(parts).astype(np.int32)


@pytest.mark.parametrize("model", ["cbow", "skipgram"])
def test_train_loss_decreases_and_is_reproducible(model):
    corpus = _small_corpus()
    kw = dict(model=model, hidden_size=16, window_size=2, negative=3, epochs=4, batch_size=64,
              lr=0.05, subsample=1e-2, progress=False)
    r1 = fast.train(corpus, 40, seed=7, **kw)
    r2 = fast.train(corpus, 40, seed=7, threads=1, **kw)
    r3 = fast.train(corpus, 40, seed=8, **kw)
    assert r1.loss_per_epoch[-1] < r1.loss_per_epoch[0]
    assert np.array_equal(r1.W_in, r2.W_in) and np.array_equal(r1.W_out, r2.W_out)
    assert not np.array_equal(r1.W_in, r3.W_in)
    assert r1.W_in.dtype == np.float32 and r1.W_in.shape == (40, 16)
    assert len(r1.loss_per_epoch) == 4
    assert all(math.isfinite(x) and x > 0 for x in r1.loss_per_epoch)
    # the vectors moved away from their initialisation (W_out starts at zero)
    W0, W0_out = fast.initial_weights(40, 16, seed=7)
    assert np.all(W0_out == 0) and np.abs(W0).max() <= 0.5 / 16  # word2vec's initialisation
    assert np.abs(r1.W_in - W0).max() > 1e-2
    assert np.abs(r1.W_out).max() > 1e-2
    # the two topics separate: every word's nearest neighbour (centred cosine) is in its topic
    W = r1.W_in - r1.W_in.mean(axis=0)
    W /= np.linalg.norm(W, axis=1, keepdims=True)
    S = W @ W.T
    np.fill_diagonal(S, -2)
    nearest = S.argmax(axis=1)
    assert np.mean((nearest < 20) == (np.arange(40) < 20)) >= 0.9


def test_train_callback_and_bad_input():
    corpus = _small_corpus()
    seen = []
    fast.train(corpus, epochs=2, hidden_size=8, batch_size=50, progress=False,
               callback=lambda e, loss: seen.append((e, loss)))
    assert [e for e, _ in seen] == [1, 2]
    with pytest.raises(ValueError, match="model"):
        fast.train(corpus, model="glove", progress=False)
    with pytest.raises(ValueError, match="vocab_size"):
        fast.train(corpus, vocab_size=10, progress=False)
    with pytest.raises(TypeError):
        fast.train(corpus.astype(float), progress=False)
    with pytest.raises(ValueError, match="epochs"):
        fast.train(corpus, epochs=0, progress=False)


def test_small_corpus_default_subsample_is_a_clear_error():
    corpus = preprocess(TOY_TEXT)[0]
    with pytest.raises(ValueError, match=r"keeps about .* of 8 words.*subsample=0"):
        fast.train(corpus, epochs=10, progress=False)


@pytest.mark.parametrize("model", ["cbow", "skipgram"])
def test_small_corpus_trains_without_subsampling(model):
    corpus = preprocess(TOY_TEXT)[0]
    r = fast.train(corpus, model=model, hidden_size=8, window_size=1, epochs=30, lr=0.5,
                   subsample=0, progress=False)
    losses = r.loss_per_epoch
    assert len(losses) == 30
    assert all(math.isfinite(x) and x > 0 for x in losses)
    assert losses[-1] < losses[0] - 0.1  # it learns
    assert np.abs(r.W_out).max() > 1e-2  # W_out starts at zero


def test_epoch_without_examples_records_nan():
    # 100 distinct words, subsampled to about 3.6 per epoch: most epochs train, a few keep < 2
    corpus = np.arange(100, dtype=np.int32)
    r = fast.train(corpus, epochs=30, subsample=1.2e-5, window_size=1, hidden_size=8,
                   progress=False, seed=0)
    nan = [math.isnan(x) for x in r.loss_per_epoch]
    assert any(nan) and not all(nan)
    assert all(x > 0 for x in r.loss_per_epoch if not math.isnan(x))


def test_negative_sample_or_damping_rejected():
    corpus = _small_corpus()
    with pytest.raises(ValueError, match="sample must be >= 0"):
        fast.train(corpus, sample=-1e-3, progress=False)
    with pytest.raises(ValueError, match="sample must be >= 0"):
        fast.train(corpus, subsample=-1e-3, progress=False)  # the older name
    with pytest.raises(TypeError, match="unexpected keyword argument 'hidden'"):
        fast.train(corpus, hidden=8, progress=False)
    with pytest.raises(ValueError, match="backend must be one of"):
        fast.train(corpus, backend="cuda", progress=False)
    with pytest.raises(ValueError, match="min_alpha"):
        fast.train(corpus, alpha=0.1, min_alpha=0.5, progress=False)
    with pytest.raises(ValueError, match="damping"):
        fast.train(corpus, damping=-1, progress=False)


def test_seed_int_numpy_int_and_generator():
    corpus = _small_corpus()
    kw = dict(hidden_size=8, window_size=2, epochs=1, batch_size=64, progress=False)
    r_int = fast.train(corpus, seed=3, **kw)
    r_np = fast.train(corpus, seed=np.int64(3), **kw)
    assert np.array_equal(r_int.W_in, r_np.W_in)
    assert r_int.settings["seed"] == 3 and r_np.settings["seed"] == 3
    assert type(r_np.settings["seed"]) is int
    g1 = fast.train(corpus, seed=np.random.default_rng(11), **kw)
    g2 = fast.train(corpus, seed=np.random.default_rng(11), **kw)
    g3 = fast.train(corpus, seed=np.random.default_rng(12), **kw)
    assert np.array_equal(g1.W_in, g2.W_in) and not np.array_equal(g1.W_in, g3.W_in)
    # the recorded int seed reproduces a Generator run
    seed = g1.settings["seed"]
    assert isinstance(seed, int)
    assert np.array_equal(fast.train(corpus, seed=seed, **kw).W_in, g1.W_in)


def test_power_reaches_the_sampler():
    corpus = _small_corpus()
    kw = dict(hidden_size=8, window_size=2, epochs=1, batch_size=64, subsample=0, progress=False)
    default = fast.train(corpus, seed=1, **kw)
    same = fast.train(corpus, seed=1, power=0.75, **kw)
    flat = fast.train(corpus, seed=1, power=0.0, **kw)
    assert np.array_equal(default.W_in, same.W_in) and not np.array_equal(default.W_in, flat.W_in)
    assert flat.settings["power"] == 0.0


def test_gensim_names_and_older_names_train_the_same():
    corpus = _small_corpus()
    kw = dict(hidden_size=8, window_size=2, epochs=2, batch_size=64, progress=False, seed=4)
    new = fast.train(corpus, sample=1e-2, alpha=0.05, **kw)
    old = fast.train(corpus, subsample=1e-2, lr=0.05, **kw)
    assert np.array_equal(new.W_in, old.W_in)
    assert new.settings["sample"] == new.settings["subsample"] == 1e-2 and new.settings["alpha"] == 0.05
    cfg = fast.FastConfig.create(model="skipgram")
    assert (cfg.batch_size, cfg.damping, cfg.min_alpha) == (4096, 16.0, 0.1 * 1e-4)
    with pytest.raises(Exception):
        cfg.alpha = 1.0  # frozen


def test_train_body_reads_short():
    import ast
    import inspect

    fn = ast.parse(inspect.getsource(fast.training.train)).body[0]
    body = fn.body[1:]  # the docstring aside
    assert body[-1].end_lineno - body[0].lineno + 1 <= 40  # the numba backend's dispatch included


def test_fast_modules_import_one_way():
    """training -> compiled -> common: the compiled path and the shared module never import training."""
    import ast
    from pathlib import Path

    here = Path(fast.__file__).parent
    for name in ("common", "compiled", "config", "batching"):
        tree = ast.parse((here / f"{name}.py").read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1}
        assert "training" not in imported, name
