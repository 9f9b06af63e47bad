"""The compiled hierarchical-softmax path (fast.train(..., hs=1, negative=0, backend="numba")) takes
the readable layer's step on a tiny case, trains, and refuses what it does not do."""
import numpy as np
import pytest

from w2vlib import HierarchicalSoftmaxLoss, fast, huffman_codes
from w2vlib.fast import compiled

needs_numba = pytest.mark.skipif(not compiled.available(), reason="numba is not installed")


def _tiny(seed, V=13, H=6):
    rng = np.random.default_rng(seed)
    codes, points = huffman_codes(rng.integers(1, 40, V))
    W_in = (rng.standard_normal((V, H)) * 0.5).astype(np.float32)
    W_node = (rng.standard_normal((V - 1, H)) * 0.5).astype(np.float32)
    return rng, codes, points, W_in, W_node


@needs_numba
@pytest.mark.parametrize("repeat", [False, True])
def test_cbow_example_equals_the_layer_sgd_step(repeat):
    rng, codes, points, W_in0, W_node0 = _tiny(1 + repeat)
    lr = 0.3
    contexts = np.array([2, 5, 7, 2 if repeat else 9], dtype=np.int32)
    target = 11
    # the readable layer in float64: h = mean of the context rows, loss, dh, dW
    layer = HierarchicalSoftmaxLoss(W_node0.astype(np.float64), codes, points)
    h = W_in0[contexts].astype(np.float64).mean(axis=0)
    want_loss = layer.forward(h[None], np.array([target]))
    dh = layer.backward()[0]
    want_node = W_node0 - lr * layer.grads[0]
    want_in = W_in0.astype(np.float64).copy()
    np.add.at(want_in, contexts, -lr * dh / contexts.size)  # the gradient of the mean
    W_in, W_node = W_in0.copy(), W_node0.copy()
    loss = compiled.cbow_hs_example(W_in, W_node, contexts, target, codes, points, lr,
                                    exact_sigmoid=True, cbow_update="gradient")
    assert loss == pytest.approx(want_loss, rel=1e-5)
    np.testing.assert_allclose(W_node, want_node, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(W_in, want_in, rtol=1e-5, atol=1e-6)
    moved = set(np.flatnonzero(np.any(W_node != W_node0, axis=1)).tolist())
    assert moved == set(points[target].tolist())  # only the target's path moves
    # word2vec's update: every context row gets the whole dh (4 times its share here)
    W_in2, W_node2 = W_in0.copy(), W_node0.copy()
    compiled.cbow_hs_example(W_in2, W_node2, contexts, target, codes, points, lr, exact_sigmoid=True)
    np.testing.assert_allclose(W_node2, W_node, rtol=1e-6)
    ctx = np.unique(contexts)
    counts = np.bincount(contexts, minlength=W_in0.shape[0])[ctx]
    np.testing.assert_allclose(W_in2[ctx] - W_in0[ctx], -lr * counts[:, None] * dh, rtol=1e-4, atol=1e-6)


@needs_numba
def test_skipgram_example_equals_the_layer_steps_one_context_after_another():
    rng, codes, points, W_in0, W_node0 = _tiny(3)
    lr, centre, contexts = 0.2, 4, np.array([1, 8, 12], dtype=np.int32)
    # reference: h fixed, the node rows updated after each context, the centre row at the end
    W_node = W_node0.astype(np.float64)
    h = W_in0[centre].astype(np.float64)
    dh_total, want_loss = np.zeros_like(h), 0.0
    for c in contexts:
        layer = HierarchicalSoftmaxLoss(W_node, codes, points)
        want_loss += layer.forward(h[None], np.array([c]))
        dh_total += layer.backward()[0]
        W_node -= lr * layer.grads[0]
    W_in, W_n = W_in0.copy(), W_node0.copy()
    loss = compiled.skipgram_hs_example(W_in, W_n, centre, contexts, codes, points, lr, exact_sigmoid=True)
    assert loss == pytest.approx(want_loss, rel=1e-5)
    np.testing.assert_allclose(W_n, W_node, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(W_in[centre], h - lr * dh_total, rtol=1e-5, atol=1e-6)
    assert np.array_equal(np.delete(W_in, centre, 0), np.delete(W_in0, centre, 0))


def _clustered_corpus(seed, n=20_000):
    """Two topics of 20 words each; a sentence stays in one topic."""
    rng = np.random.default_rng(seed)
    topic = np.repeat(rng.integers(0, 2, n // 10), 10)
    return (topic * 20 + rng.integers(0, 20, n)).astype(np.int32)


@needs_numba
@pytest.mark.parametrize("model", ["cbow", "skipgram"])
def test_hs_training_learns_and_reproduces(model):
    corpus = _clustered_corpus(0)
    kw = dict(model=model, hs=1, negative=0, backend="numba", hidden_size=16, window_size=3,
              epochs=3, sample=0, progress=False, threads=1, seed=2)
    r = fast.train(corpus, **kw)
    r2 = fast.train(corpus, **kw)
    np.testing.assert_array_equal(r.W_in, r2.W_in)  # one thread: bit-identical
    assert r.W_out.shape == (39, 16) and r.settings["hs"] == 1 and r.settings["negative"] == 0
    loss = r.loss_per_epoch
    assert all(np.isfinite(loss)) and loss[-1] < loss[0] < r.settings["loss_start"]
    # it learnt the topics: well below log(40), the loss of knowing only that all 40 words are
    # equally frequent (the best possible, knowing the topic, is log(20) = 3.0)
    assert loss[-1] < np.log(40) - 0.3
    Wn = r.W_in / np.linalg.norm(r.W_in, axis=1, keepdims=True)
    nearest = np.argsort(-(Wn @ Wn.T), axis=1)[:, 1]
    assert np.mean((nearest < 20) == (np.arange(40) < 20)) >= 0.9  # neighbours share the topic


@pytest.mark.parametrize("kw, match", [
    (dict(hs=1), "negative=0"),  # hs=1 with the default negative=5: refused, not both trained
    (dict(hs=1, negative=3, backend="numba"), "negative=0"),
    (dict(hs=1, negative=0), "backend='numba'"),
    (dict(hs=0, negative=0), "hs=1, negative=0"),
    (dict(hs=2, negative=0, backend="numba"), "hs must be 0"),
    (dict(hs=1, negative=-1, backend="numba"), "negative must be"),
])
def test_what_hs_refuses(kw, match):
    with pytest.raises(ValueError, match=match):
        fast.train(_clustered_corpus(1, 500), sample=0, progress=False, **kw)


@needs_numba
def test_example_functions_check_their_input():
    codes, points = huffman_codes([5, 4, 3, 2, 1])
    W = np.zeros((5, 3), np.float32)
    with pytest.raises(ValueError, match="V - 1"):
        compiled.cbow_hs_example(W, W.copy(), [1, 2], 0, codes, points, 0.1)
    with pytest.raises(TypeError, match="float32"):
        compiled.cbow_hs_example(W, np.zeros((4, 3)), [1, 2], 0, codes, points, 0.1)
    with pytest.raises(IndexError, match="outside the vocabulary"):
        compiled.skipgram_hs_example(W, np.zeros((4, 3), np.float32), 0, [1, 7], codes, points, 0.1)
