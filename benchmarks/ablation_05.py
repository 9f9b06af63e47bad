"""Notebook 05's ablation, measured properly: every trick of the fast path switched off one at a time,
over several seeds and two epoch budgets, reported as mean ± sample sd.

::

    export W2VLIB_PTB_DIR=../shared/data/ptb
    python benchmarks/ablation_05.py --json benchmarks/results/ablation_05.json   # 36 trainings: minutes
    python benchmarks/ablation_05.py --seeds 0 --epochs 1 --no-stability          # a quick sanity run

Rows (PTB, CBOW, hidden 100, window 5, 5 negatives, ``fast.train``'s other defaults):

* ``all on``: the fast path as it ships (word2vec's CBOW update, damping, subsampling, dynamic window);
* ``exact gradient share``: ``cbow_update="gradient"``;
* ``no damping``: ``damping=0``;
* ``no subsampling``: ``sample=0``;
* ``fixed window``: ``dynamic_window=False``.

Each row is trained once per seed and per epoch budget, and scored on the project's analogy file
(3CosAdd accuracy over its answered questions) and, when gensim is installed, on WordSim-353
(Spearman correlation over the covered pairs). Notebook 05 reads the JSON this script writes and
runs a small live version of the same comparison.

``--stability`` (on by default) also trains the larger settings that issue 17 names (hidden 200,
window 8, 10 negatives) with and without damping, and records whether the run diverged (a
``FloatingPointError``) or, if not, its last epoch's loss (``--stability-epochs``, by default the largest of ``--epochs``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

from w2vlib import fast
from w2vlib.data import load_ptb
from w2vlib.evaluation import evaluate_analogies, evaluate_similarity
from w2vlib.machine import library_versions, machine_info

REPO = Path(__file__).resolve().parents[1]
ANALOGY_FILE = REPO / "data" / "analogies_ptb.txt"

ROWS = [("all on", {}), ("exact gradient share", dict(cbow_update="gradient")),
        ("no damping", dict(damping=0)), ("no subsampling", dict(sample=0)),
        ("fixed window", dict(dynamic_window=False))]
BASE = dict(model="cbow", hidden_size=100, window_size=5, negative=5)
LARGER = dict(model="cbow", hidden_size=200, window_size=8, negative=10)


def wordsim_file():
    try:
        from gensim.test.utils import datapath
    except ImportError:
        return None
    path = datapath("wordsim353.tsv")
    return path if os.path.isfile(path) else None


def one_run(corpus, V, word_to_id, settings, wordsim):
    """Train once; the scores, or ``diverged`` when the loss or the weights stop being finite."""
    t0 = time.perf_counter()
    try:
        res = fast.train(corpus, V, progress=False, **settings)
    except FloatingPointError as err:
        return dict(diverged=True, error=str(err).splitlines()[0], seconds=time.perf_counter() - t0)
    row = dict(diverged=False, seconds=res.wall_time, words_per_sec=res.words_per_sec,
               last_loss=float(res.loss_per_epoch[-1]),
               damping=res.settings.get("damping"), alpha=res.settings.get("alpha"),
               batch_size=res.settings.get("batch_size"))
    ana = evaluate_analogies(ANALOGY_FILE, res.W_in, word_to_id)
    row.update(analogy=ana.accuracy, analogy_correct=ana.n_correct, analogy_answered=ana.n_answered)
    if wordsim:
        sim = evaluate_similarity(wordsim, res.W_in, word_to_id)
        # the pairs with both words in the vocabulary: rho rests on these (the same for every run on PTB)
        row.update(wordsim=sim.spearman, wordsim_pairs=sim.n_pairs, wordsim_total=sim.n_total)
    return row


def summary(values):
    v = np.asarray([x for x in values if x is not None and np.isfinite(x)], dtype=float)
    if v.size == 0:
        return None
    return dict(mean=float(v.mean()), sd=float(v.std(ddof=1)) if v.size > 1 else 0.0, n=int(v.size))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    p.add_argument("--epochs", type=int, nargs="+", default=[3, 10])
    p.add_argument("--no-stability", action="store_true", help="skip the larger settings with/without damping")
    p.add_argument("--stability-epochs", type=int, default=None,
                   help="epochs of each larger-settings run (default: the largest of --epochs)")
    p.add_argument("--json", type=Path, help="write the results here")
    args = p.parse_args(argv)
    if args.stability_epochs is None:
        args.stability_epochs = max(args.epochs)

    corpus, word_to_id, _ = load_ptb("train")
    V = len(word_to_id)
    wordsim = wordsim_file()
    runs = []
    for epochs in args.epochs:
        for name, change in ROWS:
            for seed in args.seeds:
                settings = dict(BASE, epochs=epochs, seed=seed, **change)
                row = one_run(corpus, V, word_to_id, settings, wordsim)
                row.update(row_name=name, change=change, epochs=epochs, seed=seed, settings="base")
                runs.append(row)
                print(f"{epochs:>2} ep  {name:<21} seed {seed}: "
                      + ("diverged" if row["diverged"] else
                         f"analogy {row['analogy']:.4f}" + (f"  wordsim {row['wordsim']:.4f}" if wordsim else "")
                         + f"  {row['seconds']:.1f} s"), flush=True)
    if not args.no_stability:
        for name, change in (("all on", {}), ("no damping", dict(damping=0))):
            for seed in args.seeds:
                settings = dict(LARGER, epochs=args.stability_epochs, seed=seed, **change)
                row = one_run(corpus, V, word_to_id, settings, wordsim)
                row.update(row_name=name, change=change, epochs=args.stability_epochs, seed=seed, settings="larger")
                runs.append(row)
                print(f"larger {name:<12} seed {seed}: "
                      + ("diverged: " + row["error"] if row["diverged"] else
                         f"last loss {row['last_loss']:.4f}  analogy {row['analogy']:.4f}"), flush=True)

    table = []
    for settings in ("base", "larger"):
        for epochs in args.epochs if settings == "base" else [args.stability_epochs]:
            for name, _ in ROWS:
                rs = [r for r in runs if r["settings"] == settings and r["epochs"] == epochs and r["row_name"] == name]
                if not rs:
                    continue
                table.append(dict(settings=settings, epochs=epochs, row_name=name, n_runs=len(rs),
                                  n_diverged=sum(r["diverged"] for r in rs),
                                  analogy=summary([r.get("analogy") for r in rs]),
                                  wordsim=summary([r.get("wordsim") for r in rs]),
                                  words_per_sec=summary([r.get("words_per_sec") for r in rs])))
    print()
    print(f"{'settings':<8} {'ep':>3} {'row':<21} {'analogy acc. (mean ± sd)':>25} {'WordSim rho':>18} diverged")
    for t in table:
        a, w = t["analogy"], t["wordsim"]
        fa = f"{a['mean']:.4f} ± {a['sd']:.4f}" if a else "-"
        fw = f"{w['mean']:.4f} ± {w['sd']:.4f}" if w else "-"
        print(f"{t['settings']:<8} {t['epochs']:>3} {t['row_name']:<21} {fa:>25} {fw:>18} {t['n_diverged']}/{t['n_runs']}")
    out = dict(command="python benchmarks/ablation_05.py " + " ".join(sys.argv[1:] if argv is None else argv),
               base=BASE, larger=LARGER, seeds=args.seeds, epochs=args.epochs, machine=machine_info(),
               versions=library_versions(), analogy_file=ANALOGY_FILE.name, runs=runs, table=table)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return out


if __name__ == "__main__":
    main()
