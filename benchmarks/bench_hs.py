"""Hierarchical softmax on PTB: the command line (``--hs 1 --negative 0 --backend numba``) against
gensim's ``Word2Vec(hs=1, negative=0)``, CBOW, same settings, same epochs, in one run.

::

    python benchmarks/bench_hs.py                              # 5 epochs, seeds 0 1 2
    python benchmarks/bench_hs.py --epochs 5 --seeds 0 1 2 3 4 --json benchmarks/results/ptb_hs.json

For every seed: one ``python -m w2vlib train --corpus ptb --model cbow --hs 1 --negative 0
--backend numba`` process (timed from start to exit; the JIT cache is warmed by an earlier
process), its ``vectors.npz`` read back; and one gensim model with the same vector size, window,
subsampling, epochs, ``min_count=1`` (PTB's 10,000 words), 2 workers and gensim's own learning
rate (0.025; the CLI uses word2vec.c's 0.05 for CBOW); and one more gensim model with
``alpha=0.05``, the CLI's rate, so that a difference between the first two can be traced to the
learning rate or not. Quality: accuracy on gensim's copy of the
Google analogy questions (``questions-words.txt``, 3CosAdd over the whole vocabulary, questions with
a word outside it skipped, as :func:`w2vlib.evaluation.evaluate_analogies` does) and Spearman's rho
on WordSim-353 (``wordsim353.tsv``). The null is the same evaluation on random vectors (3 seeds).

"No worse than gensim" is judged per benchmark on the mean over seeds: ours >= gensim's minus two
standard errors of the difference of the means (the seed-to-seed noise), printed with the verdict;
a difference above plus two standard errors is printed as "better". The same comparison against
gensim at ``alpha=0.05`` is printed after it ("verdict_same_alpha" in the JSON).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from w2vlib.cli import load_corpus
from w2vlib.evaluation import evaluate_analogies, evaluate_similarity
from w2vlib.machine import library_versions, machine_info
from w2vlib.vectors import load_vectors

REPO = Path(__file__).resolve().parents[1]


def _split_eos(corpus, word_to_id):
    eos = word_to_id["<eos>"]
    ends = np.flatnonzero(corpus == eos) + 1
    return [s for s in np.split(corpus, ends) if s.size]


def quality(W, word_to_id, files):
    return {"google_analogy": evaluate_analogies(files["google_analogy"], W, word_to_id).accuracy,
            "wordsim353": evaluate_similarity(files["wordsim353"], W, word_to_id).spearman}


def run_cli(args, seed, tmp):
    out = Path(tmp) / f"hs_seed{seed}"
    cmd = [sys.executable, "-m", "w2vlib", "train", "--corpus", "ptb", "--model", "cbow",
           "--hs", "1", "--negative", "0", "--backend", "numba", "--epochs", str(args.epochs),
           "--hidden", str(args.hidden), "--window", str(args.window), "--subsample",
           str(args.subsample), "--seed", str(seed), "--no-progress", "--out", str(out)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    W, word_to_id, _ = load_vectors(out / "vectors.npz")
    metrics = json.loads((out / "metrics.json").read_text())
    return W, word_to_id, wall, metrics


def run_gensim(sentences, args, seed, alpha=0.025):
    from gensim.models import Word2Vec

    t0 = time.perf_counter()
    m = Word2Vec(vector_size=args.hidden, window=args.window, hs=1, negative=0, sg=0, min_count=1,
                 sample=args.subsample, workers=2, seed=seed, alpha=alpha)
    m.build_vocab(sentences)
    m.train(sentences, total_examples=len(sentences), epochs=args.epochs)
    return m.wv, time.perf_counter() - t0


def mean_sd(xs):
    xs = np.asarray(xs, dtype=float)
    return float(xs.mean()), float(xs.std(ddof=1)) if xs.size > 1 else 0.0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    p.add_argument("--hidden", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--subsample", type=float, default=1e-3)
    p.add_argument("--json", default=None, help="write the results here")
    args = p.parse_args(argv)

    from gensim.test.utils import datapath

    files = {"google_analogy": datapath("questions-words.txt"), "wordsim353": datapath("wordsim353.tsv")}
    corpus, word_to_id, id_to_word = load_corpus("ptb", progress=False)
    sentences = [[id_to_word[int(i)] for i in s] for s in _split_eos(corpus, word_to_id)]

    rows = {"cli_hs": [], "gensim_hs": [], "gensim_hs_alpha05": [], "random": []}
    with tempfile.TemporaryDirectory() as tmp:
        run_cli(argparse.Namespace(**{**vars(args), "epochs": 1}), 0, tmp)  # warm the JIT cache
        for seed in args.seeds:
            W, w2i, wall, metrics = run_cli(args, seed, tmp)
            rows["cli_hs"].append(dict(seed=seed, wall_s=wall, train_s=metrics["time_s"]["train"],
                                       loss_last=metrics["loss_last"], **quality(W, w2i, files)))
            time.sleep(2)  # let the previous run's threads go quiet
            wv, gwall = run_gensim(sentences, args, seed)
            rows["gensim_hs"].append(dict(seed=seed, wall_s=gwall, **quality(wv.vectors, wv.key_to_index, files)))
            time.sleep(2)
            wv, gwall = run_gensim(sentences, args, seed, alpha=0.05)
            rows["gensim_hs_alpha05"].append(dict(seed=seed, wall_s=gwall,
                                                  **quality(wv.vectors, wv.key_to_index, files)))
            time.sleep(2)
    for seed in range(3):
        R = np.random.default_rng(seed).standard_normal((len(word_to_id), args.hidden)).astype(np.float32)
        rows["random"].append(dict(seed=seed, **quality(R, word_to_id, files)))

    lines = [f"command: python benchmarks/bench_hs.py --epochs {args.epochs} --seeds "
             f"{' '.join(map(str, args.seeds))}",
             f"PTB CBOW, hierarchical softmax, {args.epochs} epochs, vector size {args.hidden}, window "
             f"{args.window}, sample {args.subsample:g}; mean ± sd over {len(args.seeds)} seeds", "",
             "| run | Google analogies | WordSim-353 (Spearman) | wall time (s) |", "|---|---|---|---|"]
    summary = {}
    names = {"cli_hs": "w2vlib CLI `--hs 1 --negative 0 --backend numba`",
             "gensim_hs": "gensim `hs=1, negative=0`, 2 workers",
             "gensim_hs_alpha05": "gensim `hs=1, negative=0, alpha=0.05`, 2 workers",
             "random": "random vectors (null)"}
    for key, label in names.items():
        s = {m: mean_sd([r[m] for r in rows[key]]) for m in ("google_analogy", "wordsim353")}
        wall = mean_sd([r["wall_s"] for r in rows[key]]) if key != "random" else None
        summary[key] = {**s, "wall_s": wall}
        wtxt = "" if wall is None else f"{wall[0]:.1f} ± {wall[1]:.1f}"
        lines.append(f"| {label} | {s['google_analogy'][0]:.4f} ± {s['google_analogy'][1]:.4f} | "
                     f"{s['wordsim353'][0]:.4f} ± {s['wordsim353'][1]:.4f} | {wtxt} |")
    lines.append("")
    n = len(args.seeds)

    def compare(other, label):
        out = {}
        for m in ("google_analogy", "wordsim353"):
            (a, sa), (b, sb) = summary["cli_hs"][m], summary[other][m]
            se = float(np.sqrt(sa**2 / n + sb**2 / n))
            ok, better = a >= b - 2 * se, a > b + 2 * se
            out[m] = dict(ours=a, gensim=b, diff=a - b, se_diff=se, no_worse=bool(ok), better=bool(better))
            word = "better than" if better else ("no worse than" if ok else "WORSE than")
            lines.append(f"{m}: ours - {label} = {a - b:+.4f} (standard error {se:.4f}, "
                         f"{(a - b) / se:+.1f} SE): {word} {label}")
        return out

    verdict = compare("gensim_hs", "gensim")
    verdict_same_alpha = compare("gensim_hs_alpha05", "gensim at alpha 0.05")
    ratio = summary["gensim_hs"]["wall_s"][0] / summary["cli_hs"]["wall_s"][0]
    lines.append(f"wall time, gensim / CLI (CLI includes Python start-up, loading and writing every "
                 f"export): {ratio:.2f} (one run on a shared machine: noisy)")
    text = "\n".join(lines)
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"rows": rows, "summary": summary, "verdict": verdict, "verdict_same_alpha": verdict_same_alpha,
             "settings": vars(args),
             "versions": library_versions(), "machine": machine_info(),
             "omp_num_threads": os.environ.get("OMP_NUM_THREADS")}, indent=2) + "\n")
        Path(args.json).with_suffix(".txt").write_text(text + "\n")
    return 0 if all(v["no_worse"] for v in verdict.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
