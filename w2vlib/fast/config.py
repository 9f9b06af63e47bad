"""The fast trainer's settings: one frozen dataclass that checks every value and fills the defaults."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np


#: Older names still accepted by :func:`w2vlib.fast.train` (and the names they stand for).
ALIASES = {"subsample": "sample", "lr": "alpha"}

MODELS = ("cbow", "skipgram")
BACKENDS = ("numpy", "numba")
#: The default ``alpha`` of each backend: the numpy fast path's batches take 0.1; the compiled
#: per-word SGD takes word2vec.c's starting learning rates.
DEFAULT_ALPHA = {"numpy": {"cbow": 0.1, "skipgram": 0.1}, "numba": {"cbow": 0.05, "skipgram": 0.025}}
#: The settings at which the numpy path's default ``alpha`` is ``DEFAULT_ALPHA["numpy"]`` unchanged.
REFERENCE_NEGATIVE, REFERENCE_WINDOW = 5, 5


def default_alpha(backend="numpy", model="cbow", negative=5, window_size=5, dynamic_window=True) -> float:
    """The default starting learning rate; for the numpy path it shrinks as the summed update grows.

    A numpy step sums many examples. An input row's update is ``dL/dh = sum_j g_j W_out[j]`` over
    the ``k + 1`` scored rows of each example it serves, added up over its (damped) repeats in the
    batch. Measured on PTB (a constant rate for one epoch of 200,000 words, issue 17), the largest
    stable rate falls like ``(k + 1) ** -0.6`` with the negatives; for skip-gram it also
    falls with the window (a centre row is the input of all its ``~w + 1`` pairs, in one batch),
    while for CBOW the window does not move it (damping caps a context row's repeats). So::

        alpha = DEFAULT_ALPHA * sqrt((5 + 1) / (negative + 1))                   # CBOW
        alpha = DEFAULT_ALPHA * sqrt(6 / (negative + 1)) * min(1, 6 / pairs)      # skip-gram

    with ``pairs = window_size + 1`` (dynamic window; ``2 * window_size`` fixed). At the defaults
    (5 negatives, window 5) this is 0.1, as before; 20 negatives and window 10 give 0.053 (CBOW) and
    0.029 (skip-gram). The compiled backend's per-word SGD keeps word2vec.c's rates.
    """
    base = DEFAULT_ALPHA[backend][model]
    if backend != "numpy":
        return base
    alpha = base * math.sqrt((REFERENCE_NEGATIVE + 1) / (max(int(negative), 1) + 1))
    if model == "skipgram":
        pairs = window_size + 1 if dynamic_window else 2 * window_size
        alpha *= min(1.0, (REFERENCE_WINDOW + 1) / pairs)
    return alpha


def default_batch_size(n_tokens, model="cbow", updates_per_epoch=100) -> int:
    """The default batch: 1024 CBOW targets or 4096 skip-gram pairs, smaller on a small corpus.

    With big batches a small corpus gets only a few updates per epoch (3,000 tokens make 3 batches
    of 1024), and ``W_out`` starts at zero: the loss does not move (4.1589 to 4.1588 in ten
    epochs). So the batch is capped to give about ``updates_per_epoch`` updates per epoch, and at
    least 16 examples. PTB (929,589 tokens) keeps the full batch. ``n_tokens=None``: the full batch.
    """
    full = 1024 if model == "cbow" else 4096
    if n_tokens is None:
        return full
    items = n_tokens if model == "cbow" else 4 * n_tokens  # ~2w * 0.6 pairs per kept word
    return int(min(full, max(16, items // updates_per_epoch)))


def check_output_layer(hs, negative, backend):
    """Negative sampling (``hs=0, negative=k >= 1``) or hierarchical softmax (``hs=1, negative=0``),
    gensim's names. Both at once is refused: gensim trains both output layers then, and warns that
    it "is probably a mistake" (``Word2Vec._check_training_sanity``)."""
    if hs not in (0, 1) or isinstance(hs, float):
        raise ValueError(f"hs must be 0 (negative sampling) or 1 (hierarchical softmax), got {hs!r}")
    if int(negative) != negative or negative < 0:
        raise ValueError(f"negative must be an integer >= 0, got {negative!r}")
    if hs and negative:
        raise ValueError(f"hs=1 with negative={negative}: w2vlib trains one output layer at a time; "
                         "for hierarchical softmax pass negative=0 (gensim would train both, and "
                         "warns that this is probably a mistake)")
    if not hs and not negative:
        raise ValueError("negative must be a positive integer (negatives per example), got 0; for "
                         "hierarchical softmax instead pass hs=1, negative=0")
    if hs and backend != "numba":
        raise ValueError(f"hs=1 (hierarchical softmax) is trained by the compiled backend only: pass "
                         f"backend='numba' (got backend={backend!r}; the numpy fast path's batches "
                         "are built for negative sampling)")


@dataclass(frozen=True)
class FastConfig:
    """Every setting of :func:`w2vlib.fast.train`, checked; ``None`` defaults already resolved.

    Build it with :meth:`create` (which checks and fills in); the fields are the ``train``
    keywords (see its docstring and the table there that maps them to gensim's ``Word2Vec``).
    """

    model: str = "cbow"
    hidden_size: int = 100
    window_size: int = 5
    negative: int = 5
    epochs: int = 10
    batch_size: int = 1024
    alpha: float = 0.1
    min_alpha: float = 1e-5
    seed: int | np.random.SeedSequence = 0
    sample: float = 1e-3
    power: float = 0.75
    dynamic_window: bool = True
    damping: float = 4.0
    init: str = "word2vec"
    cbow_update: str = "word2vec"
    threads: int = 2
    backend: str = "numpy"
    compute_loss: bool = True
    hs: int = 0

    @classmethod
    def create(cls, model="cbow", hidden_size=100, window_size=5, negative=5, epochs=10, batch_size=None,
               alpha=None, min_alpha=None, seed=0, sample=1e-3, power=0.75, dynamic_window=True,
               damping=None, init="word2vec", cbow_update="word2vec", threads=2, backend="numpy",
               compute_loss=True, hs=0, **aliases):
        """Check the values, resolve the defaults that depend on the model, accept the old names."""
        for old, value in aliases.items():
            if old not in ALIASES:
                raise TypeError(f"train() got an unexpected keyword argument {old!r}")
            new = ALIASES[old]
            if new == "sample":
                sample = value
            else:
                alpha = value
        if model not in MODELS:
            raise ValueError(f"model must be 'cbow' or 'skipgram', got {model!r}")
        for name, v in (("hidden_size", hidden_size), ("window_size", window_size), ("epochs", epochs)):
            if int(v) != v or v < 1:
                raise ValueError(f"{name} must be a positive integer, got {v!r}")
        check_output_layer(hs, negative, backend)
        if cbow_update not in ("word2vec", "gradient"):
            raise ValueError("cbow_update must be 'word2vec' or 'gradient'")
        if init not in ("word2vec", "book"):
            raise ValueError("init must be 'word2vec' or 'book'")
        if threads not in (1, 2):
            raise ValueError("threads must be 1 or 2")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
        batch_size = default_batch_size(None, model) if batch_size is None else batch_size
        alpha = default_alpha(backend, model, negative, window_size, dynamic_window) if alpha is None else alpha
        damping = (4.0 if model == "cbow" else 16.0) if damping is None else damping
        if int(batch_size) != batch_size or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        if not (math.isfinite(alpha) and alpha > 0):  # also refuses nan and inf
            raise ValueError(f"alpha (lr) must be a finite number > 0, got {alpha!r}")
        min_alpha = alpha * 1e-4 if min_alpha is None else min_alpha
        if not 0 <= min_alpha <= alpha:
            raise ValueError(f"min_alpha must lie in [0, alpha={alpha}], got {min_alpha!r}")
        if sample is None:
            sample = 0.0
        if not (float(sample) >= 0 and math.isfinite(sample)):
            raise ValueError(f"sample must be >= 0 (0 turns it off) and finite, got {sample!r}")
        if not (float(damping) >= 0 and math.isfinite(damping)):
            raise ValueError(f"damping must be >= 0 (0 turns it off) and finite, got {damping!r}")
        if isinstance(seed, np.random.Generator):  # drawn once, recorded: passing it back reproduces the run
            seed = int(seed.integers(2**63))
        elif isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
            seed = int(seed)
            if seed < 0:
                raise ValueError(f"seed must be an integer >= 0, got {seed}")
        elif not isinstance(seed, np.random.SeedSequence):
            raise TypeError(f"seed must be an int >= 0, a np.random.Generator or a SeedSequence, "
                            f"got {seed!r}")
        return cls(model, int(hidden_size), int(window_size), int(negative), int(epochs), int(batch_size),
                   float(alpha), float(min_alpha), seed, float(sample), float(power), bool(dynamic_window),
                   float(damping), init, cbow_update, threads, backend, bool(compute_loss), int(hs))

    @property
    def seed_sequence(self) -> np.random.SeedSequence:
        s = self.seed
        return s if isinstance(s, np.random.SeedSequence) else np.random.SeedSequence(s)

    def settings(self, vocab_size: int) -> dict:
        """The settings as a plain dict (for ``FastResult.settings`` and ``metrics.json``)."""
        d = asdict(self)
        d["seed"] = self.seed if isinstance(self.seed, int) else None
        d["subsample"] = self.sample  # the older name of ``sample`` (notebook 05 reads it)
        return dict(vocab_size=int(vocab_size), **d)
