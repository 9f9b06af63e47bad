"""The numpy fast path trains at every sensible setting with its default step size (issue 17, step 3).

A numpy step sums many examples, so a step size that is safe at 5 negatives and window 5 can blow up
at 20 negatives and window 10 (before issue 17, skip-gram with hidden 300, window 10 and 20 negatives
reached ``nan`` within one epoch at the old fixed ``alpha=0.1``). The default ``alpha`` now shrinks with
what makes the summed update large (:func:`w2vlib.fast.config.default_alpha`). This grid holds it to
that: the corners of the range a student can reach in the notebooks (negatives 1..20, window 1..10,
hidden 50..300, the batch sizes the notebooks offer, CBOW and skip-gram), each trained on the first
250,000 (CBOW) or 100,000 (skip-gram) PTB words with the *default* ``alpha`` and damping, for two
epochs. A case fails on a non-finite loss or weight (``fast.train`` raises FloatingPointError), or on
a loss that does not fall: the second
epoch's mean loss must be below the first's, and below the loss of the untrained model,
``(k + 1) ln 2`` (``W_out`` starts at zero). With one negative the fall is slow at first (the loss
stays near ``2 ln 2`` for a few hundred thousand words, and ``fast.train`` warns that the vectors are
barely trained), but it falls; only that is asserted here. Hidden 300 sits at the corners where every
other knob is largest too (the cost grows with it; the step size does not depend on it).
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from w2vlib import fast
from w2vlib.corpus import read_corpus
from w2vlib.fast.config import FastConfig, default_alpha

#: PTB words per case: CBOW trains one example per word; skip-gram about ``window + 1`` pairs per word,
#: so it gets fewer words for a similar number of examples (100,000 words at window 10: ~650,000 pairs
#: after subsampling, about 160 steps of 4,096 pairs per epoch).
N_WORDS = {"cbow": 250_000, "skipgram": 100_000}

# (model, hidden_size, window_size, negative, batch_size); None = the default batch (1024 / 4096).
GRID = [
    ("cbow", 300, 10, 20, None),   # every knob at its largest
    ("cbow", 300, 1, 20, None),    # many negatives, narrow window
    ("cbow", 100, 10, 1, None),    # wide window, one negative
    ("cbow", 200, 8, 10, 200),     # issue 17's "larger settings" of notebook 05, its batch
    ("cbow", 50, 2, 2, 32),        # issue 17's "smaller settings", the smallest batch offered
    ("skipgram", 300, 10, 20, None),
    ("skipgram", 100, 1, 20, None),
    ("skipgram", 100, 10, 1, None),
    ("skipgram", 50, 2, 2, 100),
    ("skipgram", 100, 8, 10, 1024),   # a quarter of the default batch: more, smaller steps
]


@pytest.fixture(scope="module")
def ptb_words(ptb_dir):
    corpus, _, _ = read_corpus(ptb_dir / "ptb.train.txt")
    return corpus[:max(N_WORDS.values())]


@pytest.mark.parametrize("model,hidden,window,negative,batch", GRID,
                         ids=[f"{m}-H{h}-w{w}-k{k}-b{b or 'default'}" for m, h, w, k, b in GRID])
def test_default_step_is_stable_and_learns(ptb_words, model, hidden, window, negative, batch):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the assert below is the check
        r = fast.train(ptb_words[:N_WORDS[model]], model=model, hidden_size=hidden, window_size=window, negative=negative,
                       batch_size=batch, epochs=2, seed=0, threads=1, progress=False)
    losses = r.loss_per_epoch
    assert all(math.isfinite(x) for x in losses), losses
    assert np.isfinite(r.W_in).all() and np.isfinite(r.W_out).all()
    start = (negative + 1) * math.log(2)
    assert losses[-1] < losses[0] and losses[-1] < start, (start, losses)


def test_default_alpha_shrinks_with_the_summed_update():
    """The rule itself: 0.1 at the defaults, smaller with more negatives or a wider skip-gram window,
    an explicit alpha untouched, the compiled backend's rates unchanged."""
    assert default_alpha("numpy", "cbow", 5, 5) == pytest.approx(0.1)
    assert default_alpha("numpy", "skipgram", 5, 5) == pytest.approx(0.1)
    assert default_alpha("numpy", "cbow", 20, 5) < default_alpha("numpy", "cbow", 10, 5) < 0.1
    assert default_alpha("numpy", "cbow", 20, 10) == default_alpha("numpy", "cbow", 20, 1)
    assert default_alpha("numpy", "skipgram", 5, 10) < default_alpha("numpy", "skipgram", 5, 5)
    assert default_alpha("numpy", "skipgram", 5, 2) == pytest.approx(0.1)  # never above the reference
    assert default_alpha("numba", "cbow", 20, 10) == 0.05
    assert FastConfig.create(negative=20).alpha == pytest.approx(default_alpha("numpy", "cbow", 20, 5))
    assert FastConfig.create(negative=20, alpha=0.3).alpha == 0.3
