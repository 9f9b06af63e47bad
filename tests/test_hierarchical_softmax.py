"""huffman_codes (gensim's tree, optimal) and HierarchicalSoftmaxLoss (gradients, probabilities)."""
import numpy as np
import pytest

from w2vlib import HierarchicalSoftmaxLoss, gradcheck, huffman_codes, numerical_gradient, relative_error
from w2vlib.gradcheck import GRADCHECK_TOL
from w2vlib.hierarchical_softmax import code_lengths, entropy_bits, expected_code_length


def _is_prefix_free(codes):
    words = sorted("".join(map(str, c)) for c in codes)
    return all(not b.startswith(a) for a, b in zip(words, words[1:]))


def test_textbook_example():
    # CLRS's Huffman example: counts 5, 9, 12, 13, 16, 45 give code lengths 4, 4, 3, 3, 3, 1
    counts = np.array([5, 9, 12, 13, 16, 45])
    codes, points = huffman_codes(counts)
    np.testing.assert_array_equal(code_lengths(codes), [4, 4, 3, 3, 3, 1])
    assert expected_code_length(counts, codes) == pytest.approx(224 / 100)
    assert _is_prefix_free(codes)
    for c, p in zip(codes, points):
        assert c.dtype == np.uint8 and set(c.tolist()) <= {0, 1}
        assert len(c) == len(p) and p[0] == len(counts) - 2  # every path starts at the root, row V - 2
        assert np.all((0 <= p) & (p < len(counts) - 1))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_counts_optimal_prefix_free_and_near_entropy(seed):
    rng = np.random.default_rng(seed)
    counts = rng.zipf(1.5, 300) % 1000 + 1
    codes, points = huffman_codes(counts)
    assert _is_prefix_free(codes)
    # Kraft's equality: a full binary tree
    assert np.sum(2.0 ** -code_lengths(codes)) == pytest.approx(1.0)
    H, L = entropy_bits(counts), expected_code_length(counts, codes)
    assert H <= L < H + 1  # Shannon's bound and Huffman's guarantee
    # inner nodes: each used by at least two words, all V - 1 of them used
    assert set(np.concatenate(points).tolist()) == set(range(len(counts) - 1))


def test_two_words_and_bad_input():
    codes, points = huffman_codes([3, 1])
    assert [c.tolist() for c in codes] == [[1], [0]] and [p.tolist() for p in points] == [[0], [0]]
    with pytest.raises(ValueError, match="at least 2"):
        huffman_codes([5])
    with pytest.raises(ValueError, match=">= 0"):
        huffman_codes([3, -1, 2])
    with pytest.raises(ValueError, match="finite"):
        huffman_codes([3, np.nan, 2])


def _layer(V=12, H=5, seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 50, V)
    codes, points = huffman_codes(counts)
    W = rng.standard_normal((V - 1, H)).astype(dtype)
    return HierarchicalSoftmaxLoss(W, codes, points), rng


@pytest.mark.gradcheck
@pytest.mark.parametrize("dout", [1.0, 0.7])
def test_gradcheck_float64(dout):
    layer, rng = _layer()
    h = rng.standard_normal((7, 5))
    target = np.array([0, 3, 3, 11, 5, 0, 7])  # repeated targets share inner nodes
    layer.forward(h, target)
    dh = layer.backward(dout)
    f = lambda: dout * layer.forward(h, target)  # noqa: E731
    assert gradcheck(f, layer.params, layer.grads) < GRADCHECK_TOL
    assert relative_error(dh, numerical_gradient(f, h)) < GRADCHECK_TOL


def test_probabilities_of_all_words_sum_to_one_and_match_forward():
    layer, rng = _layer(V=30, H=4, seed=3)
    h = rng.standard_normal((6, 4)) * 2
    P = layer.probabilities(h)
    assert P.shape == (6, 30) and np.all(P > 0)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-12)
    target = rng.integers(0, 30, 6)
    assert layer.forward(h, target) == pytest.approx(-np.log(P[np.arange(6), target]).mean(), rel=1e-12)


def test_path_probability_is_a_product_of_sigmoids():
    layer, rng = _layer(V=9, H=3, seed=4)
    W = layer.params[0]
    h = rng.standard_normal(3)
    w = 4
    p = 1.0
    for code, node in zip(layer.codes[w], layer.points[w]):
        x = h @ W[node]
        p *= 1 / (1 + np.exp(-x)) if code == 0 else 1 / (1 + np.exp(x))
    assert layer.probabilities(h)[w] == pytest.approx(p, rel=1e-12)


def test_follows_float32_and_touches_only_path_rows():
    layer, rng = _layer(V=40, H=6, seed=5, dtype=np.float32)
    h = rng.standard_normal((3, 6))
    target = np.array([1, 2, 1])
    loss = layer.forward(h, target)
    dh = layer.backward()
    assert isinstance(loss, float) and dh.dtype == np.float32 and layer.grads[0].dtype == np.float32
    on_paths = set(np.concatenate([layer.points[t] for t in target]).tolist())
    assert set(np.flatnonzero(np.any(layer.grads[0] != 0, axis=1)).tolist()) == on_paths
    # the next backward clears the rows of the previous batch
    layer.forward(h[:1], np.array([30]))
    layer.backward()
    assert set(np.flatnonzero(np.any(layer.grads[0] != 0, axis=1)).tolist()) == set(layer.points[30].tolist())


def test_bad_input_is_refused_clearly():
    codes, points = huffman_codes([4, 3, 2, 1])
    with pytest.raises(ValueError, match="V - 1 = 3 rows"):
        HierarchicalSoftmaxLoss(np.zeros((4, 2)), codes, points)
    layer = HierarchicalSoftmaxLoss(np.zeros((3, 2)), codes, points)
    with pytest.raises(IndexError, match="outside the vocabulary"):
        layer.forward(np.zeros((1, 2)), np.array([4]))
    with pytest.raises(ValueError, match="shape"):
        layer.forward(np.zeros((2, 3)), np.array([0, 1]))
    with pytest.raises(RuntimeError, match="before forward"):
        HierarchicalSoftmaxLoss(np.zeros((3, 2)), codes, points).backward()


def _gensim_ptb_vocab(ptb_dir):
    gensim_models = pytest.importorskip("gensim.models")
    with open(ptb_dir / "ptb.train.txt", encoding="utf-8") as fh:
        sentences = [line.split() + ["<eos>"] for line in fh if line.split()]
    model = gensim_models.Word2Vec(vector_size=10, min_count=1, hs=1, negative=0, workers=1)
    model.build_vocab(sentences)
    return model.wv


def test_gensim_tree_on_ptb_has_the_same_expected_code_length(ptb_dir, monkeypatch, tmp_path):
    from w2vlib.data import load_ptb

    wv = _gensim_ptb_vocab(ptb_dir)
    g_counts = np.array([wv.get_vecattr(i, "count") for i in range(len(wv))])
    g_lengths = np.array([len(wv.get_vecattr(i, "code")) for i in range(len(wv))])
    monkeypatch.setenv("W2VLIB_PTB_DIR", str(ptb_dir))
    corpus, word_to_id, _ = load_ptb("train", data_dir=tmp_path, progress=False)
    counts = np.bincount(corpus, minlength=len(word_to_id))
    assert sorted(counts.tolist()) == sorted(g_counts.tolist())  # the same counts, in another order
    codes, _ = huffman_codes(counts)
    ours = expected_code_length(counts, codes)
    theirs = float(np.dot(g_counts, g_lengths) / g_counts.sum())
    assert ours == pytest.approx(theirs, rel=1e-12)
    assert entropy_bits(counts) <= ours < entropy_bits(counts) + 1
    # given gensim's own word order, the tree is gensim's, node for node
    codes_g, points_g = huffman_codes(g_counts)
    for i in range(len(wv)):
        np.testing.assert_array_equal(codes_g[i], wv.get_vecattr(i, "code"))
        np.testing.assert_array_equal(points_g[i], wv.get_vecattr(i, "point"))


def test_words_that_never_occur_get_a_balanced_subtree_not_a_chain():
    counts = np.zeros(1000, dtype=np.int64)
    counts[:10] = np.arange(10, 0, -1)  # 990 ids never occur
    codes, points = huffman_codes(counts)
    lengths = code_lengths(codes)
    assert lengths.max() <= 10 + int(np.ceil(np.log2(990)))  # about log2 of their number, not 990
    assert np.sum(2.0 ** -lengths) == pytest.approx(1.0)
    H, L = entropy_bits(counts), expected_code_length(counts, codes)
    assert H <= L < H + 1
    assert set(np.concatenate(points).tolist()) == set(range(999))
    layer = HierarchicalSoftmaxLoss(np.random.default_rng(0).standard_normal((999, 3)), codes, points)
    P = layer.probabilities(np.ones(3))
    assert P.sum() == pytest.approx(1.0)


def test_draw_huffman_tree_in_both_languages():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from w2vlib.plotting import draw_huffman_tree

    counts = np.array([1, 2, 1, 1, 1, 1, 1])
    codes, points = huffman_codes(counts)
    words = ["you", "say", "goodbye", "and", "i", "hello", "."]
    for lang, title_word in (("en", "Huffman"), ("ko", "허프만")):
        ax = draw_huffman_tree(codes, points, words, counts=counts, highlight=1, lang=lang)
        texts = [t.get_text() for t in ax.texts]
        assert title_word in ax.get_title()
        assert sum(t.startswith("n") and t[1:].isdigit() for t in texts) == len(words) - 1  # inner nodes
        assert sum(t in ("0", "1") for t in texts) == 2 * (len(words) - 1)  # one bit per edge
        assert "say\n(2)" in texts
        plt.close(ax.figure)
    with pytest.raises(ValueError, match="lang"):
        draw_huffman_tree(codes, points, words, lang="fr")
