"""PTB word vectors shared by the notebooks: train once with the fast path, reuse everywhere.

Notebook 05 trains CBOW vectors on the Penn Treebank with :func:`w2vlib.fast.train` and saves
them with :func:`save_ptb_vectors`; notebooks 06-08 call :func:`ptb_vectors`, which loads those
vectors when they were made with the *same settings* (and the same trainer code, corpus and
package version) and otherwise trains them again (same function, same seed: the same vectors,
about ten seconds on two cores). So each notebook also runs on its own, in any order.

Files live in ``<cache>/vectors/`` (the cache folder of :func:`w2vlib.data.get_data_dir`, i.e.
``$W2VLIB_DATA_DIR`` or the user cache), never inside the package or the notebook folder::

    ptb_cbow_<key>.npz    the matrix and the words (w2vlib.vectors.save_vectors, no pickle)
    ptb_cbow_<key>.json   the settings, for people (and checked again on load)

``<key>`` is a short hash of everything that determines the vectors.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from . import __version__
from ._io import atomic_write
from .data import get_data_dir, load_ptb
from .vectors import load_vectors, save_vectors

__all__ = ["PTB_SETTINGS", "ptb_settings", "ptb_vectors_path", "save_ptb_vectors", "ptb_vectors",
           "ptb_word_vectors"]

#: The settings notebook 05 trains with (keyword arguments of ``w2vlib.fast.train``).
PTB_SETTINGS = dict(model="cbow", hidden_size=100, window_size=5, negative=5, epochs=10, seed=0)


def ptb_settings(**overrides) -> dict:
    """``PTB_SETTINGS`` with ``overrides`` applied (unknown names are an error)."""
    unknown = set(overrides) - set(PTB_SETTINGS)
    if unknown:
        raise TypeError(f"unknown setting(s) {sorted(unknown)}; known: {sorted(PTB_SETTINGS)}")
    settings = dict(PTB_SETTINGS, **overrides)
    if not isinstance(settings["seed"], (int, np.integer)):
        raise TypeError(f"seed must be an int (so the vectors can be cached), got {settings['seed']!r}")
    return {k: (int(v) if isinstance(v, (int, np.integer)) and not isinstance(v, bool) else v)
            for k, v in settings.items()}


#: Every source file the trained numbers depend on: the fast trainer (all of w2vlib/fast/), its
#: sampler (negative_sampling), its initialiser (models.init_weights), the sigmoid (layers) and the checks they use.
TRAINER_SOURCES = ("fast/*.py", "negative_sampling.py", "models.py", "layers.py", "_checks.py")


def trainer_files() -> list[Path]:
    """The files of :data:`TRAINER_SOURCES`, sorted (the fingerprint's input)."""
    root = Path(__file__).resolve().parent
    return sorted(p for pattern in TRAINER_SOURCES for p in root.glob(pattern))


def _trainer_fingerprint() -> str:
    """sha256 over the trainer's source files: vectors made by different trainer code are not reused."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in trainer_files():
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _identity(settings: dict) -> dict:
    from .data import DATA_HUB

    return dict(settings=settings, corpus="ptb.train", corpus_sha256=DATA_HUB["ptb.train.txt"][1],
                w2vlib=__version__, trainer_sha256=_trainer_fingerprint())


def ptb_vectors_path(cache_dir=None, **settings) -> Path:
    """Where the vectors for these settings are (or would be) stored."""
    settings = ptb_settings(**settings)
    blob = json.dumps(_identity(settings), sort_keys=True).encode()
    key = hashlib.sha256(blob).hexdigest()[:12]
    return get_data_dir(cache_dir) / "vectors" / f"ptb_{settings['model']}_{key}.npz"


def save_ptb_vectors(W, id_to_word, cache_dir=None, **settings) -> Path:
    """Save vectors trained with ``settings`` (the ``fast.train`` keywords) where :func:`ptb_vectors` looks.

    Writes the ``.npz`` and its ``.json`` sidecar (both atomically); returns the ``.npz`` path.
    """
    path = ptb_vectors_path(cache_dir, **settings)
    W = np.asarray(W, dtype=np.float32)
    save_vectors(path, W, id_to_word)
    meta = dict(_identity(ptb_settings(**settings)), shape=list(W.shape))
    side = path.with_suffix(".json")
    atomic_write(side, lambda fh: json.dump(meta, fh, indent=1, sort_keys=True), mode="w")
    _remove_stale(path, meta["settings"])
    return path


def _remove_stale(keep: Path, settings: dict) -> None:
    """Delete older files for the same settings (made by another trainer or package version)."""
    for side in keep.parent.glob(f"ptb_{settings['model']}_*.json"):
        if side == keep.with_suffix(".json"):
            continue
        try:
            if json.loads(side.read_text(encoding="utf-8")).get("settings") == settings:
                side.with_suffix(".npz").unlink(missing_ok=True)
                side.unlink(missing_ok=True)
        except (OSError, ValueError):
            continue


def _cached(path: Path, settings: dict):
    side = path.with_suffix(".json")
    if not (path.is_file() and side.is_file()):
        return None
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
        if {k: meta.get(k) for k in ("settings", "corpus_sha256", "w2vlib", "trainer_sha256")} != {
            k: v for k, v in _identity(settings).items() if k != "corpus"
        }:
            return None
        W, word_to_id, id_to_word = load_vectors(path)
    except Exception:  # noqa: BLE001 - any unreadable cache (BadZipFile, EOFError, bad JSON, ...)
        return None  # counts as missing: the vectors are trained again and the files replaced
    if list(W.shape) != meta.get("shape") or not np.all(np.isfinite(W)):
        return None
    return W, word_to_id, id_to_word


def ptb_vectors(cache_dir=None, progress: bool = False, retrain: bool = False, **settings):
    """CBOW (or skip-gram) word vectors for PTB: ``(W, word_to_id, id_to_word)``.

    Loads the vectors saved for exactly these settings (see :func:`save_ptb_vectors`); when there
    are none (or ``retrain=True``) trains them with :func:`w2vlib.fast.train` and saves them.
    ``settings`` override :data:`PTB_SETTINGS` (``hidden_size``, ``window_size``, ``negative``,
    ``epochs``, ``seed``, ``model``). The same settings always give the same vectors.
    """
    settings = ptb_settings(**settings)
    path = ptb_vectors_path(cache_dir, **settings)
    if not retrain:
        hit = _cached(path, settings)
        if hit is not None:
            return hit
    from . import fast

    corpus, word_to_id, id_to_word = load_ptb("train", cache_dir, progress=progress)
    result = fast.train(corpus, len(word_to_id), progress=progress, **settings)
    W = np.asarray(result.W_in, dtype=np.float32)
    try:
        save_ptb_vectors(W, id_to_word, cache_dir, **settings)
    except OSError:  # a read-only cache is not fatal: the vectors are simply trained next time
        pass
    return W, word_to_id, id_to_word


def ptb_word_vectors(cache_dir=None, progress: bool = False, retrain: bool = False, **settings):
    """:func:`ptb_vectors` as a :class:`w2vlib.WordVectors` (gensim's ``KeyedVectors`` conventions)."""
    from .wordvectors import WordVectors

    W, _, id_to_word = ptb_vectors(cache_dir, progress=progress, retrain=retrain, **settings)
    return WordVectors(W, id_to_word)
