"""Command line: ``python -m w2vlib train ...`` trains word vectors with the fast path.

::

    python -m w2vlib train --corpus ptb --model cbow --epochs 10 --hidden 100 --window 5 \\
        --negative 5 --out runs/ptb_cbow
    python -m w2vlib train --corpus my_text.txt --encoding cp949 --out runs/mine

writes into ``--out``: ``vectors.npz`` (the vectors and their words, no pickle), ``vectors.txt``
(word2vec text format, loadable by ``gensim.models.KeyedVectors.load_word2vec_format``),
``vectors.tsv`` + ``metadata.tsv`` (TensorFlow Embedding Projector) and ``metrics.json``
(the loss per epoch, words/s, where the time went, the settings and the library versions).

A run is all or nothing:

* ``--out`` and the numeric options are checked before any work (exit 2 with ``error: ...``);
* the files are written into a temporary folder beside (or, for an existing folder, inside) the
  target and moved in together at the end, so an interrupted or failed run leaves the previous
  run's files as they were, and a rerun into the same folder replaces the whole set;
* a run whose loss or vectors are not finite writes nothing, and a run whose loss did not fall
  says so on stderr, with what to change.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import signal
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

from .machine import library_versions, machine_info

#: the files of one run, in the order they are moved into ``--out`` (metrics.json last)
RUN_FILES = ("vectors.npz", "vectors.txt", "vectors.tsv", "metadata.tsv", "metrics.json")


class UsageError(ValueError):
    """A command-line value that cannot work; the message names the option."""


# --------------------------------------------------------------------------------------------
# corpus
# --------------------------------------------------------------------------------------------
def read_text_corpus(path, encoding="utf-8", option="encoding"):
    """A plain-text file in the PTB convention, read by :func:`w2vlib.corpus.read_corpus` (the
    package's one reader): whitespace tokens, ``<eos>`` after every line that holds words, blank
    lines add nothing, a byte-order mark is dropped, and bytes that ``encoding`` cannot decode
    raise an error naming the file, the byte offset and ``option``.
    Returns ``(corpus, word_to_id, id_to_word)``.
    """
    from .corpus import read_corpus

    return read_corpus(path, encoding=encoding, option=option)


def load_corpus(spec, progress=True, encoding="utf-8"):
    """``"ptb"`` (PTB train split via ``w2vlib.data.load_ptb``), ``"ptb:valid"``, or a file path."""
    if spec == "ptb" or spec.startswith("ptb:"):
        from .data import load_ptb

        split = spec.split(":", 1)[1] if ":" in spec else "train"
        return load_ptb(split, progress=progress)
    return read_text_corpus(spec, encoding=encoding, option="--encoding")


# --------------------------------------------------------------------------------------------
# the output folder as a unit
# --------------------------------------------------------------------------------------------
def check_out(out) -> Path:
    """Validate ``--out`` before any work; returns it as a Path. Raises :class:`UsageError`."""
    if out is None or not str(out).strip():
        raise UsageError("--out is empty: give the folder to write the run into, e.g. --out runs/my_run")
    path = Path(out).expanduser()
    if path.exists() and not path.is_dir():
        raise UsageError(f"--out {out} is an existing file, not a folder: choose a folder name "
                         "(it is created if needed)")
    if path.is_dir():
        stray = [n for n in RUN_FILES if (path / n).exists() and not (path / n).is_file()]
        if stray:
            raise UsageError(f"--out {out} holds a folder named {stray[0]}, where the run would "
                             "write a file: choose another --out")
    anc = path.absolute()
    while not anc.exists():
        anc = anc.parent
    if not anc.is_dir():
        raise UsageError(f"--out {out}: {anc} is a file, so the folder cannot be created there")
    if not os.access(anc, os.W_OK | os.X_OK):
        raise UsageError(f"--out {out}: the folder {anc} is not writable")
    return path


class _Staging:
    """A temporary folder for the run's files, moved into ``target`` as a unit by :meth:`commit`.

    For a new target, the folder is created beside it and renamed into place (one atomic step).
    For an existing folder, it is created inside it and the files are moved in with ``os.replace``
    while SIGINT/SIGTERM are held back, so Ctrl-C cannot leave a mix of two runs. Until
    :meth:`commit`, the target is untouched; :meth:`discard` removes everything the run created.
    """

    def __init__(self, target: Path):
        self.target = target
        self.created: list[Path] = []  # parent folders made for a new target (removed on discard)
        try:
            if target.is_dir():
                self.dir = Path(tempfile.mkdtemp(dir=target, prefix=".w2vlib-run-"))
            else:
                missing = []
                p = target.absolute().parent
                while not p.exists():
                    missing.append(p)
                    p = p.parent
                for p in reversed(missing):
                    p.mkdir()
                    self.created.append(p)
                self.dir = Path(tempfile.mkdtemp(dir=target.absolute().parent,
                                                 prefix=f".{target.name}.w2vlib-run-"))
                os.chmod(self.dir, 0o755)  # mkdtemp makes it private; the run folder is not secret
        except OSError as exc:
            self.discard()
            raise UsageError(f"--out {target}: cannot create a folder there ({exc.strerror or exc})") from None

    def commit(self):
        with _signals_held():
            try:
                os.rename(self.dir, self.target)  # new target: one atomic step
                self.created = []
                return
            except OSError:
                if not self.target.is_dir():
                    raise
            for name in RUN_FILES:  # existing folder: metrics.json (the run's record) last
                os.replace(self.dir / name, self.target / name)
            self.dir.rmdir()

    def discard(self):
        if getattr(self, "dir", None) is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
        for p in reversed(self.created):
            with contextlib.suppress(OSError):
                p.rmdir()  # only if still empty


@contextlib.contextmanager
def _signals_held():
    """Hold SIGINT/SIGTERM back for a few renames, then deliver them."""
    got = []
    old = {}
    sigs = [signal.SIGINT] + ([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])
    try:
        for s in sigs:
            old[s] = signal.signal(s, lambda sig, frame: got.append(sig))
    except ValueError:  # not the main thread: signals cannot be handled here anyway
        pass
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)
        for s in got:
            signal.raise_signal(s)


def _write_json(path, obj):
    from ._io import atomic_write

    text = json.dumps(obj, indent=2, allow_nan=False) + "\n"
    atomic_write(path, lambda fh: fh.write(text), mode="w")


def _finite_or_none(x):
    return float(x) if x is not None and math.isfinite(x) else None


# --------------------------------------------------------------------------------------------
# arguments
# --------------------------------------------------------------------------------------------
class _HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Show '(default: X)' only where it says something (not None/False, not already in the help)."""

    def _get_help_string(self, action):
        text = action.help or ""
        if "default" in text or action.default is None or action.default is False or action.default == argparse.SUPPRESS:
            return text
        return super()._get_help_string(action)


def _int(s, lo, what):
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be {what}, got {s!r}") from None
    if v < lo:
        raise argparse.ArgumentTypeError(f"must be {what}, got {s}")
    return v


def _positive_int(s):
    return _int(s, 1, "a positive integer")


def _nonneg_int(s):
    return _int(s, 0, "an integer >= 0")


def _nonneg_float(s):
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number >= 0, got {s!r}") from None
    if not (v >= 0 and math.isfinite(v)):  # also rejects nan and inf
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0, got {s}")
    return v


def _positive_float(s):
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number > 0, got {s!r}") from None
    if not (v > 0 and math.isfinite(v)):
        raise argparse.ArgumentTypeError(f"must be a finite number > 0, got {s}")
    return v


def build_parser():
    p = argparse.ArgumentParser(prog="python -m w2vlib", description="w2vlib: word2vec made fast.")
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser(
        "train", help="train word vectors with the fast path and export them",
        description="Train word2vec (negative sampling, or hierarchical softmax with --hs 1) with w2vlib.fast and write vectors.npz, "
                    "vectors.txt (word2vec text format), vectors.tsv + metadata.tsv (Embedding "
                    "Projector) and metrics.json into --out.",
        formatter_class=_HelpFormatter)
    t.add_argument("--corpus", default="ptb",
                   help="'ptb' (PTB train split; set W2VLIB_PTB_DIR for an offline copy), "
                        "'ptb:valid'/'ptb:test', or the path of a plain-text file "
                        "(whitespace tokens, <eos> at every line end)")
    t.add_argument("--encoding", default="utf-8",
                   help="text encoding of a corpus file (e.g. cp949 for Korean Windows text); a "
                        "byte-order mark is skipped")
    t.add_argument("--min-count", type=_nonneg_int, default=None,
                   help="drop words seen fewer times (default: 5 for a text file, as gensim; 0 "
                        "for PTB, which keeps its 10,000 words; 0 keeps every word)")
    t.add_argument("--max-vocab", type=_positive_int, default=None,
                   help="keep at most this many of the most frequent words")
    t.add_argument("--model", choices=["cbow", "skipgram"], default="cbow", help="architecture")
    t.add_argument("--epochs", type=_positive_int, default=10, help="passes over the corpus")
    t.add_argument("--hidden", type=_positive_int, default=100, help="vector size (hidden_size)")
    t.add_argument("--window", type=_positive_int, default=5,
                   help="maximum window radius (window_size)")
    t.add_argument("--negative", type=_nonneg_int, default=5,
                   help="negatives per example (0 with --hs 1)")
    t.add_argument("--hs", type=int, choices=[0, 1], default=0,
                   help="1: hierarchical softmax instead of negative sampling (needs --negative 0 "
                        "and --backend numba; gensim's hs=1)")
    t.add_argument("--batch-size", type=_positive_int, default=None,
                   help="examples per step (default: 1024 for cbow, 4096 pairs for skipgram, "
                        "smaller on a small corpus so that an epoch gives about 100 updates)")
    t.add_argument("--lr", "--alpha", dest="lr", type=_positive_float, default=None,
                   help="starting learning rate (word2vec's alpha), decayed linearly "
                        "(default: 0.1 at 5 negatives and window 5, smaller with more negatives "
                        "or a wider skip-gram window; numba: 0.05 cbow, 0.025 skipgram)")
    t.add_argument("--subsample", type=_nonneg_float, default=1e-3,
                   help="subsampling threshold of frequent words, word2vec's -sample (0 = off; "
                        "a corpus of a few dozen words needs 0: the error says so)")
    t.add_argument("--fixed-window", action="store_true",
                   help="use the full window for every target instead of word2vec's dynamic window")
    t.add_argument("--damping", type=_nonneg_float, default=None,
                   help="divide a row's summed update by max(1, count/damping) (0 = off; "
                        "default 4 for cbow, 16 for skipgram)")
    t.add_argument("--backend", choices=["numpy", "numba"], default="numpy",
                   help="numpy: the fast path of the notebooks; numba: per-word SGD compiled "
                        "(needs numba)")
    t.add_argument("--threads", type=int, choices=[1, 2], default=2,
                   help="1: one thread; 2: batches prepared in a background thread "
                        "(same result either way)")
    t.add_argument("--seed", type=_nonneg_int, default=0,
                   help="random seed, an integer >= 0 (same seed, same vectors)")
    t.add_argument("--no-progress", action="store_true", help="no progress bar")
    t.add_argument("--out", required=True,
                   help="output folder (created if needed; the files of an earlier run in it are "
                        "replaced together at the end)")
    return p


# --------------------------------------------------------------------------------------------
# train
# --------------------------------------------------------------------------------------------
def _loss_fell(losses, start):
    """Did the loss clearly fall below its starting value (W_out starts at 0): ``(k + 1) ln 2`` for
    negative sampling, ``ln 2`` times the mean path length for hierarchical softmax?"""
    finite = [x for x in losses if x is not None and math.isfinite(x)]
    return bool(finite) and finite[-1] < 0.95 * start


def _process_age():
    """Seconds since this process started (Linux; None elsewhere): the interpreter's start-up and
    the imports before :func:`cmd_train` ran."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def cmd_train(args):
    t0 = time.perf_counter()
    args.startup_s = _process_age()
    out = check_out(args.out)
    staging = _Staging(out)  # a real write test before any work, and the run's scratch folder
    try:
        code = _train_into(args, staging, t0)
        args.committed = True  # from here on, a Ctrl-C is held until the whole set is in --out
        staging.commit()
    finally:
        staging.discard()
    print(f"wrote {out}{os.sep}: {', '.join(RUN_FILES)}")
    return code


def _train_into(args, staging, t0):
    import inspect

    from . import fast
    from .corpus import limit_vocab
    from .vectors import save_text_exports, save_vectors

    progress = not args.no_progress
    kwargs = {}
    numba_import_s = 0.0
    if args.hs and args.negative:
        raise UsageError(f"--hs 1 with --negative {args.negative}: train one output layer at a time; "
                         "for hierarchical softmax pass --hs 1 --negative 0 (gensim trains both and "
                         "warns that this is probably a mistake)")
    if not args.hs and not args.negative:
        raise UsageError("--negative 0 leaves no output layer: give --negative 5, or --hs 1 for "
                         "hierarchical softmax")
    if args.hs:
        if args.backend != "numba":
            raise UsageError("--hs 1 (hierarchical softmax) needs --backend numba")
        kwargs["hs"] = 1
    if args.backend == "numba":
        import importlib.util

        if importlib.util.find_spec("numba") is None:
            raise UsageError("--backend numba needs numba: pip install numba (or pip install -e "
                             "'.[notebooks]'), or use --backend numpy")
        t_numba = time.perf_counter()
        import numba  # noqa: F401  (imported here to time it: metrics.json time_s["numba_import"])

        numba_import_s = time.perf_counter() - t_numba
    if args.backend != "numpy":
        if "backend" not in inspect.signature(fast.train).parameters:
            raise UsageError(f"--backend {args.backend}: this version of w2vlib has only the numpy "
                             "backend")
        kwargs["backend"] = args.backend

    corpus, word_to_id, id_to_word = load_corpus(args.corpus, progress=progress,
                                                 encoding=args.encoding)
    is_ptb = args.corpus == "ptb" or args.corpus.startswith("ptb:")
    min_count = args.min_count if args.min_count is not None else (0 if is_ptb else 5)
    n_read, v_read = int(corpus.size), len(id_to_word)
    real_read = v_read - ("<eos>" in word_to_id)  # the line-end token is not a word of the text
    corpus, word_to_id, id_to_word, dropped = limit_vocab(corpus, id_to_word, min_count,
                                                          args.max_vocab)  # from w2vlib.corpus
    vocab_size = len(word_to_id)
    real = [w for w in word_to_id if w != "<eos>"]
    if len(real) < 2:
        if real_read > len(real):
            what = (f"after --min-count {min_count}, {len(real)} of its distinct words remain "
                    f"{real}; lower --min-count")
        else:
            what = f"it holds {len(real)} distinct word{'s' if len(real) != 1 else ''} {real}"
        raise ValueError(
            f"corpus {args.corpus}: {what}; word2vec needs at least 2 distinct words (each word is "
            "trained against other words drawn as negatives)")
    t_load = time.perf_counter()

    with warnings.catch_warnings():  # the CLI says it below, with its own option names
        warnings.filterwarnings("ignore", message="the loss did not fall", category=RuntimeWarning)
        result = fast.train(corpus, vocab_size, model=args.model, hidden_size=args.hidden,
                            window_size=args.window, negative=args.negative, epochs=args.epochs,
                            batch_size=args.batch_size, lr=args.lr, seed=args.seed,
                            subsample=args.subsample, dynamic_window=not args.fixed_window,
                            damping=args.damping, progress=progress, threads=args.threads,
                            **kwargs)
    t_train = time.perf_counter()

    losses = [_finite_or_none(x) for x in result.loss_per_epoch]
    if not np.all(np.isfinite(result.W_in)):
        raise FloatingPointError("training diverged: the vectors hold nan or inf; lower --lr or "
                                 "raise --damping (nothing was written)")
    W = result.W_in
    save_vectors(staging.dir / "vectors.npz", W, id_to_word)
    save_text_exports(staging.dir, W, id_to_word)
    t_write = time.perf_counter()

    batch_size = result.settings["batch_size"]
    loss_start = result.settings.get("loss_start", (args.negative + 1) * math.log(2))
    fell = _loss_fell(losses, loss_start)
    metrics = {
        "words_per_sec": result.words_per_sec,
        "wall_time_s": result.wall_time,
        "loss_per_epoch": losses,
        "loss_first": losses[0] if losses else None,
        "loss_last": losses[-1] if losses else None,
        "loss_start": loss_start,
        "loss_fell": fell,
        "time_s": {"startup": None if args.startup_s is None else round(args.startup_s, 2),
                   "load": round(t_load - t0 - numba_import_s, 4),
                   **({"numba_import": round(numba_import_s, 4)} if args.backend == "numba" else {}),
                   "train": round(t_train - t_load, 4),
                   "write": round(t_write - t_train, 4)},
        "corpus": args.corpus,
        "encoding": args.encoding,
        "corpus_tokens_read": n_read,
        "corpus_words": result.corpus_words,
        "vocab_read": v_read,
        "vocab_size": vocab_size,
        "min_count": min_count,
        "max_vocab": args.max_vocab,
        "tokens_dropped": dropped,
        "settings": result.settings,
        "versions": library_versions(),
        "machine": machine_info(),
    }
    _write_json(staging.dir / "metrics.json", metrics)

    first, last = metrics["loss_first"], metrics["loss_last"]
    fmt = lambda x: "nan" if x is None else f"{x:.4f}"  # noqa: E731
    print(f"corpus: {result.corpus_words:,} tokens, {vocab_size:,} words (min_count {min_count}"
          + (f", {dropped:,} rarer tokens dropped" if dropped else "") + ")")
    print(f"{result.corpus_words * result.epochs:,} words in {result.wall_time:.2f} s "
          f"({result.words_per_sec:,.0f} words/s); loss: first epoch {fmt(first)}, "
          f"last epoch {fmt(last)} (start {metrics['loss_start']:.4f})")
    startup = "" if args.startup_s is None else f"start-up {args.startup_s:.2f} s, "
    numba_part = f"import numba {numba_import_s:.2f} s, " if args.backend == "numba" else ""
    print(f"time: {startup}load {t_load - t0 - numba_import_s:.2f} s, {numba_part}"
          f"train {t_train - t_load:.2f} s, "
          f"write {t_write - t_train:.2f} s")
    if not fell:
        print(f"warning: the loss did not fall (from {metrics['loss_start']:.4f} to {fmt(last)}): "
              f"the vectors are barely trained. Corpus of {result.corpus_words:,} tokens, "
              f"{result.epochs} epochs, batch {batch_size}; try more --epochs, a smaller "
              f"--batch-size, a larger --lr, or --subsample 0 on a small corpus", file=sys.stderr)
    return 0


def main(argv=None):
    """Run the command line; returns the exit code (2 with ``error: ...`` on stderr for bad input,
    missing or corrupt data, unwritable output or a diverged run; 130 after Ctrl-C)."""
    from .data import DataError

    args = build_parser().parse_args(argv)
    args.committed = False
    try:
        if args.command == "train":
            return cmd_train(args)
    except (DataError, OSError, ValueError, FloatingPointError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        where = getattr(args, "out", "--out")
        if args.committed:
            print(f"interrupted after the run's files were moved into {where}: they are complete",
                  file=sys.stderr)
        else:
            print(f"interrupted: nothing was written; {where} is as it was", file=sys.stderr)
        return 130  # 128 + SIGINT, as shells report Ctrl-C
    return 1
