"""UnigramSampler statistics and NegativeSamplingLoss gradients."""
import numpy as np
import pytest

from w2vlib import NegativeSamplingLoss, UnigramSampler, gradcheck, numerical_gradient, relative_error
from w2vlib.gradcheck import GRADCHECK_TOL
from w2vlib.negative_sampling import alias_draw, alias_table, unigram_distribution


def test_word_p_is_counts_to_the_075():
    corpus = np.array([0, 0, 0, 0, 1, 1, 2])  # counts 4, 2, 1; id 3 never occurs
    s = UnigramSampler(corpus, power=0.75, sample_size=2, vocab_size=4, rng=0)
    p = np.array([4, 2, 1, 0], float) ** 0.75
    np.testing.assert_allclose(s.word_p, p / p.sum())
    assert s.word_p[3] == 0


@pytest.mark.parametrize("method", ["cdf", "alias"])
def test_empirical_frequencies_match_p075(method):
    # Tolerance: each frequency within 5 standard errors of its probability (and 0.003 absolute).
    rng = np.random.default_rng(1)
    corpus = rng.zipf(1.3, 50_000) % 50
    s = UnigramSampler(corpus, power=0.75, sample_size=5, vocab_size=60, rng=2, method=method)
    n = 200_000
    draws = s.sample(n)
    freq = np.bincount(draws, minlength=60) / n
    se = np.sqrt(s.word_p * (1 - s.word_p) / n)
    assert np.all(np.abs(freq - s.word_p) <= np.maximum(5 * se, 3e-3))
    assert np.all(freq[s.word_p == 0] == 0)  # ids that never occur are never drawn


@pytest.mark.parametrize("method", ["cdf", "alias"])
def test_negatives_conditional_on_target_match_p075(method):
    # With the target excluded, the others are drawn in proportion to p^0.75 renormalised.
    corpus = np.repeat(np.arange(5), [50, 20, 10, 5, 1])
    s = UnigramSampler(corpus, 0.75, 5, rng=3, method=method)
    target = np.zeros(40_000, dtype=np.int64)
    neg = s.get_negative_sample(target)
    assert neg.shape == (40_000, 5)
    freq = np.bincount(neg.ravel(), minlength=5) / neg.size
    q = s.word_p.copy()
    q[0] = 0
    q /= q.sum()
    np.testing.assert_allclose(freq, q, atol=5e-3)


@pytest.mark.parametrize("method", ["cdf", "alias"])
def test_target_is_never_its_own_negative(method):
    corpus = np.array([0] * 90 + [1] * 5 + [2] * 5)  # word 0 dominates: many clashes to redraw
    s = UnigramSampler(corpus, 0.75, 5, rng=0, method=method)
    target = np.random.default_rng(0).integers(0, 3, 10_000)
    neg = s.get_negative_sample(target)
    assert not np.any(neg == target[:, None])
    neg2 = s.get_negative_sample(target.reshape(100, 100))
    assert neg2.shape == (100, 100, 5) and not np.any(neg2 == target.reshape(100, 100)[..., None])


def test_alias_table_is_exact():
    p = np.array([0.5, 0.25, 0.125, 0.125, 0.0])
    prob, alias = alias_table(p)
    n = p.size
    # probability mass of each outcome: own column kept + columns aliasing to it
    mass = prob / n
    np.add.at(mass, alias, (1 - prob) / n)
    np.testing.assert_allclose(mass, p, atol=1e-12)
    draws = alias_draw(np.random.default_rng(0), prob, alias, 200_000)
    freq = np.bincount(draws, minlength=n) / draws.size
    np.testing.assert_allclose(freq, p, atol=5e-3)


def test_one_distribution_and_a_public_cumulative_table():
    np.testing.assert_allclose(unigram_distribution([4, 2, 1, 0], 0.5), np.array([2, 2**0.5, 1, 0]) / (3 + 2**0.5))
    assert unigram_distribution([3, 0, 1], 0.0).tolist() == [0.5, 0.0, 0.5]  # unseen words stay at 0
    s = UnigramSampler(np.array([0, 0, 0, 1, 2, 2]), power=0.75, rng=0, method="alias")
    np.testing.assert_allclose(s.cum_table, np.cumsum(s.word_p))
    assert s.cum_table[-1] >= 1.0 and np.all(np.diff(s.cum_table) >= 0)
    with pytest.raises(ValueError, match="method"):
        UnigramSampler(np.array([0, 1]), method="walker")


def test_alias_redraw_follows_p_without_the_target():
    s = UnigramSampler(np.repeat([0, 1, 2], [100, 1, 1]), power=1.0, sample_size=5, rng=0, method="alias")
    negs = s.get_negative_sample(np.zeros(20000, dtype=np.int32))  # the very frequent word
    assert negs.shape == (20000, 5) and not np.any(negs == 0)
    assert abs(np.mean(negs == 1) - 0.5) < 0.01  # words 1 and 2 equally likely
    negs = s.get_negative_sample(np.ones(20000, dtype=np.int32))
    freq = np.bincount(negs.ravel(), minlength=3) / negs.size
    np.testing.assert_allclose(freq[[0, 2]], s.word_p[[0, 2]] / (1 - s.word_p[1]), atol=5e-3)


def test_same_seed_same_draws():
    corpus = np.arange(100) % 17
    a = UnigramSampler(corpus, 0.75, 5, rng=42).get_negative_sample(np.arange(17))
    b = UnigramSampler(corpus, 0.75, 5, rng=42).get_negative_sample(np.arange(17))
    c = UnigramSampler(corpus, 0.75, 5, rng=43).get_negative_sample(np.arange(17))
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_sampler_bad_input():
    with pytest.raises(ValueError, match="non-empty"):
        UnigramSampler(np.array([], dtype=int))
    with pytest.raises(ValueError, match="two distinct"):
        UnigramSampler(np.array([3, 3, 3]), vocab_size=5)
    s = UnigramSampler(np.array([0, 1, 2]), sample_size=1, rng=0)
    with pytest.raises(IndexError, match="outside the vocabulary"):
        s.get_negative_sample(np.array([7]))


@pytest.mark.gradcheck
def test_negative_sampling_loss_grads():
    rng = np.random.default_rng(0)
    V, H, N, k = 8, 4, 6, 3
    corpus = rng.integers(0, V, 100)
    W = rng.standard_normal((V, H))  # float64: the check's tolerance is 1e-6
    layer = NegativeSamplingLoss(W, corpus, sample_size=k, rng=1)
    h = rng.standard_normal((N, H))
    target = np.array([0, 1, 0, 7, 3, 0])
    negs = layer.sampler.get_negative_sample(target)
    layer.forward(h, target, negs)
    dh = layer.backward()
    assert relative_error(dh, numerical_gradient(lambda: layer.forward(h, target, negs), h)) < GRADCHECK_TOL
    layer.forward(h, target, negs)
    layer.backward()
    assert gradcheck(lambda: layer.forward(h, target, negs), layer.params, layer.grads) < GRADCHECK_TOL
    with pytest.raises(ValueError, match="negatives must have shape"):
        layer.forward(h, target, negs[:, :2])
