"""The compiled (numba) backend computes what the layered models compute, trains like the numpy
backend, is reproducible with one thread, and fails clearly without numba."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from w2vlib import fast
from w2vlib.fast import compiled
from w2vlib.models import CBOW, SkipGram

REPO = Path(__file__).resolve().parents[1]
needs_numba = pytest.mark.skipif(not compiled.available(), reason="numba is not installed")


def _weights(model, rng):
    W_in, W_out = model.params
    W_in[...] = rng.standard_normal(W_in.shape).astype(np.float32) * 0.5
    W_out[...] = rng.standard_normal(W_out.shape).astype(np.float32) * 0.5
    return W_in.copy(), W_out.copy()


def _distinct(rng, V, n, avoid):
    pool = np.setdiff1d(np.arange(V), np.atleast_1d(avoid))
    return rng.choice(pool, size=n, replace=False).astype(np.int32)


@needs_numba
@pytest.mark.parametrize("window", [1, 2])
@pytest.mark.parametrize("repeat", [False, True])
def test_cbow_single_example_equals_layered_sgd_step(window, repeat):
    rng = np.random.default_rng(window + 10 * repeat)
    V, H, k, lr = 30, 8, 5, 0.3
    model = CBOW(V, H, window, np.arange(V), sample_size=k, rng=np.random.default_rng(1))
    W_in0, W_out0 = _weights(model, rng)
    contexts = rng.integers(0, V, size=2 * window).astype(np.int32)
    if repeat:
        contexts[-1] = contexts[0]  # a repeated context word accumulates
    target = int(rng.integers(V))
    negs = _distinct(rng, V, k, target)  # distinct: the layered step sums at the old weights
    # the layered model: forward, backward, one SGD step W -= lr * grad
    loss_layered = model.forward(contexts[None], np.array([target]), negs[None])
    model.backward()
    want_in = W_in0 - lr * model.grads[0]
    want_out = W_out0 - lr * model.grads[1]
    # the compiled kernel's single example, in place, with the exact sigmoid and the gradient
    W_in, W_out = W_in0.copy(), W_out0.copy()
    loss = compiled.cbow_example(W_in, W_out, contexts, target, negs, lr, exact_sigmoid=True,
                                 cbow_update="gradient")
    assert loss == pytest.approx(loss_layered, rel=1e-5)
    np.testing.assert_allclose(W_in, want_in, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(W_out, want_out, rtol=1e-5, atol=1e-6)
    changed = np.flatnonzero(np.any(W_out != W_out0, axis=1))
    assert set(changed) == {target, *negs.tolist()}  # only the k + 1 output rows move
    assert set(np.flatnonzero(np.any(W_in != W_in0, axis=1))) == set(contexts.tolist())


@needs_numba
def test_cbow_word2vec_update_gives_every_context_the_whole_dh():
    rng = np.random.default_rng(3)
    V, H, k, lr = 20, 6, 3, 0.2
    model = CBOW(V, H, 2, np.arange(V), sample_size=k, rng=np.random.default_rng(1))
    W_in0, W_out0 = _weights(model, rng)
    contexts = np.array([1, 2, 3, 4], dtype=np.int32)
    negs = _distinct(rng, V, k, 7)
    model.forward(contexts[None], np.array([7]), negs[None])
    model.backward()
    W_in, W_out = W_in0.copy(), W_out0.copy()
    compiled.cbow_example(W_in, W_out, contexts, 7, negs, lr, cbow_update="word2vec")
    # each context row moves by the whole -lr * dL/dh = 4 x its share of the mean's gradient
    np.testing.assert_allclose(W_in - W_in0, -lr * 4 * model.grads[0], rtol=1e-5, atol=1e-6)


@needs_numba
@pytest.mark.parametrize("window", [1, 2])
def test_skipgram_single_example_equals_layered_sgd_step(window):
    rng = np.random.default_rng(20 + window)
    V, H, k, lr = 40, 8, 3, 0.3
    C = 2 * window
    model = SkipGram(V, H, window, np.arange(V), sample_size=k, rng=np.random.default_rng(1))
    W_in0, W_out0 = _weights(model, rng)
    centre = 0
    out = _distinct(rng, V, C * (k + 1), centre)  # every output row distinct
    contexts, negs = out[:C], out[C:].reshape(C, k)
    loss_layered = model.forward(contexts[None], np.array([centre]), negs[None])
    model.backward()
    want_in = W_in0 - lr * model.grads[0]
    want_out = W_out0 - lr * model.grads[1]
    W_in, W_out = W_in0.copy(), W_out0.copy()
    loss = compiled.skipgram_example(W_in, W_out, centre, contexts, negs, lr, exact_sigmoid=True)
    assert loss == pytest.approx(loss_layered, rel=1e-5)
    np.testing.assert_allclose(W_in, want_in, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(W_out, want_out, rtol=1e-5, atol=1e-6)


@needs_numba
def test_sigmoid_table_is_close_to_the_exact_sigmoid():
    rng = np.random.default_rng(5)
    V, H, k = 30, 16, 5
    model = CBOW(V, H, 2, np.arange(V), sample_size=k, rng=np.random.default_rng(1))
    W_in0, W_out0 = _weights(model, rng)
    contexts = np.array([1, 2, 3, 4], dtype=np.int32)
    negs = _distinct(rng, V, k, 9)
    a = [W_in0.copy(), W_out0.copy()]
    b = [W_in0.copy(), W_out0.copy()]
    exact = compiled.cbow_example(*a, contexts, 9, negs, 0.1, exact_sigmoid=True)
    table = compiled.cbow_example(*b, contexts, 9, negs, 0.1, exact_sigmoid=False)
    assert table == pytest.approx(exact, rel=2e-2)
    assert table != exact  # the table is really used
    np.testing.assert_allclose(b[1], a[1], atol=2e-2)
    sig, nll = compiled.sigmoid_tables()
    x = (np.arange(sig.size) / sig.size * 2 - 1) * 6
    np.testing.assert_allclose(sig, 1 / (1 + np.exp(-x)), atol=1e-6)
    np.testing.assert_allclose(nll, np.log1p(np.exp(-x)), rtol=1e-5, atol=1e-6)


@needs_numba
def test_lcg_and_bisection_match_word2vec_and_searchsorted():
    k = compiled.kernels()
    s = np.uint64(1)
    s1 = k.lcg_next(s)
    assert int(s1) == (1 * 25214903917 + 11) % 2**64
    big = np.uint64(2**64 - 1)
    assert int(k.lcg_next(big)) == ((2**64 - 1) * 25214903917 + 11) % 2**64  # wraps
    cdf = np.cumsum(np.random.default_rng(0).random(1000))
    cdf /= cdf[-1]
    u = np.random.default_rng(1).random(500)
    got = np.array([k.bisect_right(cdf, x) for x in u])
    np.testing.assert_array_equal(got, np.searchsorted(cdf, u, side="right"))
    # the guide table's head start gives the same words as the plain search, whatever its size
    for bits in (0, 1, 4, 13):
        guide = compiled.guide_table(cdf, bits)
        assert guide.size == 2**bits + 1
        np.testing.assert_array_equal([k.draw_word(cdf, guide, x) for x in u], got)
    edge = np.array([0.0, cdf[0], cdf[10], np.nextafter(cdf[-1], 0), 1 - 2**-53])  # u < 1
    guide = compiled.guide_table(cdf)
    np.testing.assert_array_equal([k.draw_word(cdf, guide, x) for x in edge],
                                  np.minimum(np.searchsorted(cdf, edge, side="right"), cdf.size - 1))
    # draw_negatives gives the words of one search per draw, in the generator's order
    out = np.empty(50, np.int32)
    avoid = np.full(1, -1, np.int32)
    state = k.draw_negatives(np.uint64(7), cdf, guide, out, 50, avoid, 50)
    st, want = np.uint64(7), []
    for _ in range(50):
        st = np.uint64(k.lcg_next(st))  # numba hands back a Python int
        want.append(k.bisect_right(cdf, k.lcg_uniform(st)))
    np.testing.assert_array_equal(out, want)
    assert int(state) == int(st)
    # avoid: no draw equals its example's word (draw d belongs to example d // per)
    avoid = np.array([out[0], out[1]], np.int32)
    k.draw_negatives(np.uint64(7), cdf, guide, out, 50, avoid, 25)
    assert not np.any(out[:25] == avoid[0]) and not np.any(out[25:] == avoid[1])


@needs_numba
def test_training_without_the_loss_gives_the_same_weights():
    """compute_loss=False (gensim's option) skips the loss, not the learning: same weights, nan loss."""
    corpus = _corpus(5, n=6000)
    kw = dict(hidden_size=8, window_size=2, negative=3, epochs=2, subsample=0, progress=False,
              threads=1, backend="numba", seed=1)
    a = fast.train(corpus, **kw)
    b = fast.train(corpus, compute_loss=False, **kw)
    np.testing.assert_array_equal(a.W_in, b.W_in)
    np.testing.assert_array_equal(a.W_out, b.W_out)
    assert all(np.isfinite(a.loss_per_epoch)) and all(np.isnan(b.loss_per_epoch))
    assert b.settings["compute_loss"] is False


@needs_numba
def test_the_guide_table_and_the_prefetch_change_the_speed_only():
    """guide_bits=0 (the plain binary search), no prefetch, and the defaults train the same weights."""
    corpus = _corpus(6, n=6000)
    cfg = fast.FastConfig.create(hidden_size=8, window_size=2, negative=3, epochs=1, sample=0,
                                 threads=1, backend="numba", seed=2)
    a = compiled.train_compiled(corpus, 40, cfg, progress=False)
    b = compiled.train_compiled(corpus, 40, cfg, progress=False, guide_bits=0, prefetch=False)
    np.testing.assert_array_equal(a.W_in, b.W_in)
    np.testing.assert_array_equal(a.W_out, b.W_out)
    assert (a.settings["guide_bits"], b.settings["guide_bits"]) == (compiled.kernels().GUIDE_BITS, 0)
    assert a.settings["prefetch"] and not b.settings["prefetch"]
    sg = fast.FastConfig.create(model="skipgram", hidden_size=8, window_size=2, negative=3,
                                epochs=1, sample=0, threads=1, backend="numba", seed=2)
    c = compiled.train_compiled(corpus, 40, sg, progress=False)
    d = compiled.train_compiled(corpus, 40, sg, progress=False, guide_bits=0, prefetch=False)
    np.testing.assert_array_equal(c.W_in, d.W_in)


def _corpus(seed=0, V=40, n=30_000):
    """A corpus with structure: words come in groups of 4 that follow each other."""
    rng = np.random.default_rng(seed)
    groups = rng.integers(0, V // 4, size=n // 4)
    return (groups[:, None] * 4 + rng.integers(0, 4, size=(n // 4, 4))).ravel().astype(np.int32)


@needs_numba
@pytest.mark.parametrize("model", ["cbow", "skipgram"])
def test_both_backends_loss_falls_similarly(model):
    corpus = _corpus()
    kw = dict(model=model, hidden_size=16, window_size=2, negative=3, epochs=6, subsample=0,
              progress=False, seed=0)
    # small batches for the numpy CBOW, so that it takes enough steps on this small corpus
    a = fast.train(corpus, **kw, threads=1, batch_size=128 if model == "cbow" else None)
    b = fast.train(corpus, **kw, threads=1, backend="numba")
    for r in (a, b):
        la = r.loss_per_epoch
        assert all(np.isfinite(la))
        assert la[-1] < 0.92 * la[0]
        assert np.all(np.diff(la) < 0.02)
    # same model, same loss convention (per CBOW target / skip-gram pair): the curves end together
    assert b.loss_per_epoch[-1] == pytest.approx(a.loss_per_epoch[-1], rel=0.05)
    # and both learned the groups: a word's nearest neighbour is in its own group
    for r in (a, b):
        W = r.W_in / np.linalg.norm(r.W_in, axis=1, keepdims=True)
        S = W @ W.T
        np.fill_diagonal(S, -2)
        assert np.mean(S.argmax(axis=1) // 4 == np.arange(40) // 4) > 0.8


@needs_numba
def test_one_thread_is_reproducible_and_the_seed_matters():
    corpus = _corpus(1, n=8000)
    kw = dict(hidden_size=8, window_size=2, negative=3, epochs=2, subsample=0, progress=False,
              threads=1)
    a = fast.train(corpus, seed=3, backend="numba", **kw)
    b = fast.train(corpus, seed=3, backend="numba", **kw)
    c = fast.train(corpus, seed=4, backend="numba", **kw)
    np.testing.assert_array_equal(a.W_in, b.W_in)
    np.testing.assert_array_equal(a.W_out, b.W_out)
    assert a.loss_per_epoch == b.loss_per_epoch
    assert not np.array_equal(a.W_in, c.W_in)
    assert a.settings["backend"] == "numba" and a.settings["threads"] == 1


@needs_numba
def test_same_initialisation_as_the_numpy_backend():
    """The compiled backend starts from ``fast.initial_weights`` (the numpy backend's start): after
    one epoch with alpha ~ 0, W_in is still exactly the initial matrix."""
    corpus = _corpus(2, n=2000)
    b = fast.train(corpus, backend="numba", hidden_size=8, epochs=1, subsample=0, progress=False,
                   seed=5, alpha=1e-30, threads=1)
    W_in0, W_out0 = fast.initial_weights(int(corpus.max()) + 1, hidden_size=8, seed=5)
    np.testing.assert_array_equal(b.W_in, W_in0)
    assert not W_out0.any() and np.abs(b.W_in).max() <= 0.5 / 8


@needs_numba
def test_two_threads_train_too():
    corpus = _corpus(3, n=20_000)
    r = fast.train(corpus, backend="numba", hidden_size=8, window_size=2, negative=3, epochs=2, subsample=0,
                       progress=False, threads=2)
    assert all(np.isfinite(r.loss_per_epoch)) and r.loss_per_epoch[1] < r.loss_per_epoch[0]
    assert r.settings["threads"] in (1, 2)


@needs_numba
@pytest.mark.parametrize("kw, match", [
    (dict(model="glove"), "model"),
    (dict(threads=0), "threads"),
    (dict(hidden_size=0), "hidden_size"),
    (dict(lr=-1.0), "lr"),
    (dict(cbow_update="mean"), "cbow_update"),
    (dict(subsample=1e-5), "subsampling"),
])
def test_bad_input_is_refused(kw, match):
    corpus = _corpus(4, n=200)
    kw = {"subsample": 0, **kw}
    with pytest.raises(ValueError, match=match):
        fast.train(corpus, progress=False, backend="numba", **kw)


@needs_numba
def test_example_functions_check_their_input():
    W = np.zeros((5, 3), np.float32)
    with pytest.raises(TypeError, match="float32"):
        compiled.cbow_example(W.astype(np.float64), W, [1, 2], 0, [3], 0.1)
    with pytest.raises(IndexError, match="outside the vocabulary"):
        compiled.cbow_example(W, W.copy(), [1, 9], 0, [3], 0.1)
    with pytest.raises(ValueError, match="2-D"):
        compiled.skipgram_example(W, W.copy(), 0, [1, 2], [3, 4], 0.1)


def test_without_numba_the_package_works_and_the_error_says_how_to_install(tmp_path):
    """Simulate a machine without numba: a meta-path finder that refuses to import it."""
    code = textwrap.dedent("""
        import sys
        class NoNumba:
            def find_spec(self, name, path=None, target=None):
                if name == "numba" or name.startswith("numba."):
                    raise ImportError("No module named 'numba' (simulated)")
        sys.meta_path.insert(0, NoNumba())
        import numpy as np
        import w2vlib
        from w2vlib import fast
        from w2vlib.fast import compiled
        assert not compiled.available()
        corpus = np.random.default_rng(0).integers(0, 20, 2000)
        r = fast.train(corpus, hidden_size=4, epochs=1, subsample=0, progress=False)
        assert np.isfinite(r.loss_per_epoch[0])
        errors = []
        for call in (lambda: compiled.require_numba(),
                     lambda: fast.train(corpus, progress=False, backend="numba")):
            try:
                call()
            except ImportError as err:
                errors.append(str(err))
        print("\\n".join(errors))
    """)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 2
    for line in lines:
        assert "pip install numba" in line and ".[notebooks]" in line


@needs_numba
def test_kernels_are_cached_on_disk_so_a_second_process_does_not_recompile(tmp_path):
    code = textwrap.dedent("""
        import json, numpy as np
        from w2vlib import fast
        from w2vlib.fast import compiled
        corpus = np.random.default_rng(0).integers(0, 20, 3000)
        fast.train(corpus, backend="numba", hidden_size=4, epochs=1, subsample=0, progress=False, threads=1)
        k = compiled.kernels()
        st = k.train_epoch.stats
        print(json.dumps({"hits": sum(st.cache_hits.values()),
                          "misses": sum(st.cache_misses.values())}))
    """)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = []
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env=env, cwd=tmp_path, timeout=600)
        assert out.returncode == 0, out.stderr
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert runs[1]["hits"] >= 1 and runs[1]["misses"] == 0, runs
