"""The fast path: word2vec with negative sampling in fused, sparse, batched numpy/scipy.

The layered models (``w2vlib.models``) teach the algorithm one layer at a time. This module
computes the same thing for a whole batch in a handful of big array operations, and touches only
the rows a batch uses:

* **one gather** of the ``k + 1`` output rows of every example (its positive word and ``k``
  negatives), one batched dot product, one sigmoid;
* **one vectorised sampler draw** per chunk of batches (an epoch is planned in chunks of 32
  batches) by the package's :class:`~w2vlib.negative_sampling.UnigramSampler` with its alias
  table over the unigram^0.75 distribution (one uniform draw per sample, exact probabilities);
* **sparse row updates**: the rows a batch touches are first renumbered ``0..n-1`` (an O(V) mark
  and ``flatnonzero``; no sort), and the per-example gradients are summed into those rows by a
  scipy sparse matrix product (compiled, public API). No dense ``V x H`` gradient and no
  optimiser state exist at any point;
* plain SGD with word2vec's **linearly decaying learning rate**, optional **subsampling** of
  frequent words (Mikolov's formula, as in word2vec and gensim) and a **dynamic window** (each
  target draws its window size uniformly from ``1..window_size``, as word2vec does);
* **damping**: the summed update of a row that occurs ``c`` times in one batch is divided by
  ``max(1, c / d)`` (``d = 4`` for CBOW and 16 for skip-gram by default). With big batches a frequent word (``the``, ``<eos>``) gets dozens of
  updates summed into one step, all computed from the same old row, so the step can be much
  longer than any single update would be. Damping shortens it; notebook 05's ablation measures what
  switching it off does on PTB (with this batch size and learning rate it does not diverge there);
* a **second thread** prepares the next batches (windows, negatives, renumbering, sparse
  structure) while the current one computes. All randomness is drawn by one generator in one
  fixed order, so a seed gives bit-identical vectors whatever the thread timing.

Negatives never equal the example's positive word: colliding draws are redrawn (word2vec itself
allows them).

The parts, in the order the data flows (read them in this order):

* :mod:`~w2vlib.fast.config`: :class:`FastConfig`, every setting checked, defaults resolved;
* :mod:`~w2vlib.fast.batching`: the :class:`~w2vlib.fast.batching.Planner` (subsampling, dynamic
  window, negatives, the sparse structure of each batch) and the thread that runs it ahead;
* :mod:`~w2vlib.fast.kernel`: the fused forward/backward of a batch and the SGD step;
* :mod:`~w2vlib.fast.training`: :func:`train`, the loop over epochs and batches (``backend="numba"``
  hands over to :mod:`~w2vlib.fast.compiled`; what both share, :class:`FastResult` among it, lives in
  :mod:`~w2vlib.fast.common`).

Conventions. The equality with the layered models holds for the *gradient functions*:
:func:`cbow_grads` and :func:`skipgram_grads` return the loss and the *total* gradients in the
book's convention (loss = sum over the ``k + 1`` binary cross-entropies of their batch means),
equal to those of the layered ``CBOW``/``SkipGram`` (``tests/test_fast.py`` checks it). They
correspond to ``train(..., cbow_update="gradient", damping=0)``. :func:`train` uses the same
kernel (:func:`w2vlib.fast.kernel.step`) but by default does *not* follow the layered models' gradient: it
uses word2vec's update (every CBOW context row receives the whole ``dL/dh``, not its share
``dL/dh / n``), damping of repeated rows, word2vec's per-example convention (summed, not
averaged, over the batch) and its decaying learning rate.
"""

from .batching import subsample_keep_prob
from .config import FastConfig
from .kernel import cbow_grads, skipgram_grads
from .common import FastResult, initial_weights
from .training import train

__all__ = ["FastResult", "FastConfig", "train", "initial_weights", "cbow_grads", "skipgram_grads",
           "subsample_keep_prob"]
