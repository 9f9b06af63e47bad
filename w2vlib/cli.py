"""Command line: ``python -m w2vlib train ...`` trains word vectors with the fast path.

::

    python -m w2vlib train --corpus ptb --model cbow --epochs 10 --hidden 100 --window 5 \\
        --negative 5 --out runs/ptb_cbow

writes into ``--out``: ``vectors.npz`` (the vectors and their words, no pickle), ``vectors.txt``
(word2vec text format, loadable by ``gensim.models.KeyedVectors.load_word2vec_format``),
``vectors.tsv`` + ``metadata.tsv`` (TensorFlow Embedding Projector) and ``metrics.json``
(words/s, wall time, loss per epoch, the settings and the library versions).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from .machine import library_versions, machine_info


def read_text_corpus(path):
    """A plain-text file in the PTB convention: whitespace tokens, ``<eos>`` at every line end.

    Read by :func:`w2vlib.corpus.read_corpus` (every line that holds words ends with ``<eos>``,
    blank lines add nothing). Returns ``(corpus, word_to_id, id_to_word)``.
    """
    from .corpus import read_corpus

    return read_corpus(path)


def load_corpus(spec, progress=True):
    """``"ptb"`` (PTB train split via ``w2vlib.data.load_ptb``), ``"ptb:valid"``, or a file path."""
    if spec == "ptb" or spec.startswith("ptb:"):
        from .data import load_ptb

        split = spec.split(":", 1)[1] if ":" in spec else "train"
        return load_ptb(split, progress=progress)
    return read_text_corpus(spec)


class _HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Show '(default: X)' only where it says something (not None/False, not already in the help)."""

    def _get_help_string(self, action):
        text = action.help or ""
        if "default" in text or action.default is None or action.default is False or action.default == argparse.SUPPRESS:
            return text
        return super()._get_help_string(action)


def _positive_int(s):
    v = int(s)
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {s}")
    return v


def _nonneg_float(s):
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number >= 0, got {s!r}") from None
    if not v >= 0:  # also rejects nan
        raise argparse.ArgumentTypeError(f"must be a number >= 0, got {s}")
    return v


def build_parser():
    p = argparse.ArgumentParser(prog="python -m w2vlib", description="w2vlib: word2vec made fast.")
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser(
        "train", help="train word vectors with the fast path and export them",
        description="Train word2vec (negative sampling) with w2vlib.fast and write vectors.npz, "
                    "vectors.txt (word2vec text format), vectors.tsv + metadata.tsv (Embedding "
                    "Projector) and metrics.json into --out.",
        formatter_class=_HelpFormatter)
    t.add_argument("--corpus", default="ptb",
                   help="'ptb' (PTB train split; set W2VLIB_PTB_DIR for an offline copy), "
                        "'ptb:valid'/'ptb:test', or the path of a plain-text file "
                        "(whitespace tokens, <eos> at every line end)")
    t.add_argument("--model", choices=["cbow", "skipgram"], default="cbow", help="architecture")
    t.add_argument("--epochs", type=_positive_int, default=10, help="passes over the corpus")
    t.add_argument("--hidden", type=_positive_int, default=100, help="vector size (hidden_size)")
    t.add_argument("--window", type=_positive_int, default=5,
                   help="maximum window radius (window_size)")
    t.add_argument("--negative", type=_positive_int, default=5, help="negatives per example")
    t.add_argument("--batch-size", type=_positive_int, default=None,
                   help="examples per step (default: 1024 for cbow, 4096 pairs for skipgram)")
    t.add_argument("--lr", type=float, default=None,
                   help="starting learning rate, decayed linearly (default: 0.1)")
    t.add_argument("--subsample", type=_nonneg_float, default=1e-3,
                   help="subsampling threshold of frequent words (0 = off; use 0 for a small "
                        "corpus, where the default keeps too few words)")
    t.add_argument("--fixed-window", action="store_true",
                   help="use the full window for every target instead of word2vec's dynamic window")
    t.add_argument("--damping", type=_nonneg_float, default=None,
                   help="divide a row's summed update by max(1, count/damping) (0 = off; "
                        "default 4 for cbow, 16 for skipgram)")
    t.add_argument("--threads", type=int, choices=[1, 2], default=2,
                   help="1: one thread; 2: batches prepared in a background thread "
                        "(same result either way)")
    t.add_argument("--seed", type=int, default=0, help="random seed (same seed, same vectors)")
    t.add_argument("--no-progress", action="store_true", help="no progress bar")
    t.add_argument("--out", required=True, help="output folder (created if needed)")
    return p


def cmd_train(args):
    from . import fast
    from .vectors import save_projector, save_vectors, save_word2vec_format

    progress = not args.no_progress
    corpus, word_to_id, id_to_word = load_corpus(args.corpus, progress=progress)
    vocab_size = len(word_to_id)
    result = fast.train(corpus, vocab_size, model=args.model, hidden_size=args.hidden,
                        window_size=args.window, negative=args.negative, epochs=args.epochs,
                        batch_size=args.batch_size, lr=args.lr, seed=args.seed,
                        subsample=args.subsample, dynamic_window=not args.fixed_window,
                        damping=args.damping, progress=progress, threads=args.threads)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    W = result.W_in
    save_vectors(out / "vectors.npz", W, id_to_word)
    save_word2vec_format(out / "vectors.txt", W, id_to_word)
    save_projector(out, W, id_to_word)
    metrics = {
        "words_per_sec": result.words_per_sec,
        "wall_time_s": result.wall_time,
        "loss_per_epoch": result.loss_per_epoch,
        "corpus": args.corpus,
        "corpus_words": result.corpus_words,
        "vocab_size": vocab_size,
        "settings": result.settings,
        "versions": library_versions(),  # from w2vlib.machine
        "machine": machine_info(),
    }
    with open(out / "metrics.json", "w", encoding="utf-8") as fh:
        json.dump(metrics, fh, indent=2)
        fh.write("\n")
    print(f"{result.corpus_words * result.epochs:,} words in {result.wall_time:.2f} s "
          f"({result.words_per_sec:,.0f} words/s); final loss {result.loss_per_epoch[-1]:.4f}")
    print(f"wrote {out}/vectors.npz, vectors.txt, vectors.tsv, metadata.tsv, metrics.json")
    return 0


def main(argv=None):
    """Run the command line; returns the exit code (2 with ``error: ...`` on stderr for bad input,
    missing or corrupt data, unwritable output or a diverged run)."""
    from .data import DataError

    args = build_parser().parse_args(argv)
    try:
        if args.command == "train":
            return cmd_train(args)
    except (DataError, OSError, ValueError, FloatingPointError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1
