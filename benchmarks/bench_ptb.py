"""PTB benchmark: the layered teaching path, the fast path and gensim, in one process and one run.

::

    python benchmarks/bench_ptb.py                     # PTB via w2vlib.data.load_ptb
    python benchmarks/bench_ptb.py --seeds 0 1 2 --layered-steps 300 \\
        --analogy extra_questions.txt --similarity extra_pairs.tsv --json results.json

Rows:

1. ``layered``: the book-shaped path as the series teaches it: ``CBOW`` (Embedding + 6
   EmbeddingDot, vectorised sampler, float32) + ``Adam`` + ``Trainer``, batch 100, for a bounded
   number of steps (its words/s extrapolates to 10 epochs).
2. ``fast``: ``w2vlib.fast.train`` for the full number of epochs, once per seed.
3. ``gensim``: ``gensim.models.Word2Vec`` with the same settings (CBOW, negative sampling,
   same vector size, window, negatives, subsampling, epochs, min_count=1), one worker, once per seed;
   and once with two workers (gensim's best on a 2-core machine). Skipped if gensim is missing
   (``pip install w2vlib[compare]``).

Quality (mean ± sample std over seeds) on the project's analogy file ``data/analogies_ptb.txt``,
gensim's copies of the Google analogy questions (``questions-words.txt``) and WordSim-353 when
gensim is installed, and any ``--analogy``/``--similarity`` files given. Words/s counts corpus
words (929,589 per PTB epoch) over wall time: setup included for the fast path (epoch planning) and
gensim (vocabulary scan); the layered row times its training steps only (after a 5-step warm-up) and
extrapolates them to 10 epochs.
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
from w2vlib.cli import load_corpus
from w2vlib.machine import library_versions, machine_info
from w2vlib.evaluation import evaluate_analogies, evaluate_similarity

REPO = Path(__file__).resolve().parents[1]


def quality(W, word_to_id, analogy_files, similarity_files):
    out = {}
    for name, path in analogy_files.items():
        out[name] = evaluate_analogies(path, W, word_to_id).accuracy
    for name, path in similarity_files.items():
        out[name] = evaluate_similarity(path, W, word_to_id).spearman
    return out


def run_layered(corpus, V, args, lazy=False):
    from w2vlib import CBOW, Adam, Trainer
    from w2vlib.corpus import create_contexts_target

    contexts, target = create_contexts_target(corpus, args.window)
    rng = np.random.default_rng(0)
    model = CBOW(V, args.hidden, args.window, corpus, sample_size=args.negative, rng=rng)
    trainer = Trainer(model, Adam(lazy=lazy))
    # warm-up (first-touch of the arrays), then the timed steps
    trainer.fit(contexts, target, max_epoch=1, batch_size=100, rng=rng, progress=False, max_iters=5)
    t0 = time.perf_counter()
    trainer.fit(contexts, target, max_epoch=1, batch_size=100, rng=rng, progress=False,
                max_iters=args.layered_steps)
    wall = time.perf_counter() - t0
    wps = len(trainer.iter_losses) * 100 / wall  # steps actually run (capped by a small corpus)
    return {"words_per_sec": wps, "steps": args.layered_steps, "wall_steps_s": wall,
            "wall_10ep_s_extrapolated": corpus.size * args.epochs / wps}


def run_fast(corpus, V, args, seed):
    r = fast.train(corpus, V, model="cbow", hidden_size=args.hidden, window_size=args.window,
                   negative=args.negative, epochs=args.epochs, seed=seed, subsample=args.subsample,
                   progress=False, threads=args.threads)
    return r.W_in, {"wall_s": r.wall_time, "words_per_sec": r.words_per_sec,
                    "loss_per_epoch": r.loss_per_epoch}


def run_gensim(sentences, args, seed, workers):
    from gensim.models import Word2Vec

    t0 = time.perf_counter()
    m = Word2Vec(vector_size=args.hidden, window=args.window, negative=args.negative, sg=0,
                 min_count=1, sample=args.subsample, workers=workers, seed=seed)
    m.build_vocab(sentences)
    t1 = time.perf_counter()
    m.train(sentences, total_examples=len(sentences), epochs=args.epochs)
    t2 = time.perf_counter()
    return m.wv, {"wall_s": t2 - t0, "train_only_s": t2 - t1}


def mean_std(xs):
    xs = np.asarray(xs, dtype=float)
    return float(xs.mean()), float(xs.std(ddof=1)) if xs.size > 1 else 0.0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default="ptb", help="'ptb' or a plain-text file (see w2vlib.cli)")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--hidden", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negative", type=int, default=5)
    p.add_argument("--subsample", type=float, default=1e-3)
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    p.add_argument("--layered-steps", type=int, default=300)
    p.add_argument("--threads", type=int, default=2, choices=[1, 2],
                   help="threads of the fast path (see w2vlib.fast.train)")
    p.add_argument("--analogy", nargs="*", default=[], help="extra analogy files (Google format)")
    p.add_argument("--similarity", nargs="*", default=[], help="extra word-pair files (w1 w2 score)")
    p.add_argument("--no-gensim", action="store_true")
    p.add_argument("--json", help="also write the results here")
    args = p.parse_args(argv)

    corpus, word_to_id, id_to_word = load_corpus(args.corpus, progress=False)
    V = len(word_to_id)
    n_words = corpus.size * args.epochs

    analogy_files, similarity_files = {}, {}
    if (REPO / "data" / "analogies_ptb.txt").is_file():
        analogy_files["analogies_ptb"] = REPO / "data" / "analogies_ptb.txt"
    have_gensim = False
    if not args.no_gensim:
        try:
            import gensim  # noqa: F401
            from gensim.test.utils import datapath

            have_gensim = True
            for name, fname in (("google_analogy", "questions-words.txt"),):
                if os.path.isfile(datapath(fname)):
                    analogy_files[name] = datapath(fname)
            if os.path.isfile(datapath("wordsim353.tsv")):
                similarity_files["wordsim353"] = datapath("wordsim353.tsv")
        except ImportError:
            print("gensim not installed: skipping the gensim rows (pip install w2vlib[compare])")
    for f in args.analogy:
        analogy_files[Path(f).stem] = f
    for f in args.similarity:
        similarity_files[Path(f).stem] = f

    results = {"machine": machine_info(), "versions": library_versions(),
               "settings": {k: v for k, v in vars(args).items() if k != "json"},
               "corpus_words": int(corpus.size), "vocab_size": V}

    print(f"corpus: {args.corpus} ({corpus.size:,} words, V={V:,}); CBOW, hidden {args.hidden}, "
          f"window {args.window}, {args.negative} negatives, subsample {args.subsample}, "
          f"{args.epochs} epochs; seeds {args.seeds}", flush=True)
    print(f"machine: {results['machine'].get('cpu', '?')}, {results['machine']['cpu_count']} cores",
          flush=True)

    print(f"[1/3] layered CBOW + Adam, batch 100, {args.layered_steps} steps ...", flush=True)
    results["layered"] = run_layered(corpus, V, args)
    print(f"[1/3] layered CBOW + Adam(lazy=True), batch 100, {args.layered_steps} steps ...", flush=True)
    results["layered_lazy"] = run_layered(corpus, V, args, lazy=True)

    runs = {"fast": [], "gensim": []}
    qual = {"fast": [], "gensim": []}
    sentences = None
    if have_gensim:
        sentences = [[id_to_word[i] for i in s] for s in _split_eos(corpus, word_to_id)]
    for seed in args.seeds:
        print(f"[2/3] fast path, seed {seed} ...", flush=True)
        W, info = run_fast(corpus, V, args, seed)
        runs["fast"].append(info)
        qual["fast"].append(quality(W, word_to_id, analogy_files, similarity_files))
        if have_gensim:
            print(f"[3/3] gensim, 1 worker, seed {seed} ...", flush=True)
            wv, ginfo = run_gensim(sentences, args, seed, workers=1)
            runs["gensim"].append(ginfo)
            Wg = np.stack([wv[id_to_word[i]] for i in range(V)])
            qual["gensim"].append(quality(Wg, word_to_id, analogy_files, similarity_files))
    if have_gensim:
        print("[3/3] gensim, 2 workers ...", flush=True)
        _, g2 = run_gensim(sentences, args, args.seeds[0], workers=2)
        results["gensim_2_workers"] = g2
    results["fast"] = runs["fast"]
    results["gensim"] = runs["gensim"]
    results["quality"] = qual

    # ---- table ----
    lay = results["layered"]
    f_wall = mean_std([r["wall_s"] for r in runs["fast"]])
    lazy = results["layered_lazy"]
    rows = [("layered (CBOW+Adam, batch 100)", lay["wall_10ep_s_extrapolated"], None,
             lay["words_per_sec"], "extrapolated from "
             f"{lay['steps']} steps"),
            ("layered, Adam(lazy=True)", lazy["wall_10ep_s_extrapolated"], None,
             lazy["words_per_sec"], f"extrapolated from {lazy['steps']} steps")]
    rows.append((f"fast (w2vlib.fast, threads={args.threads})", f_wall[0], f_wall[1], n_words / f_wall[0],
                 f"{len(args.seeds)} runs"))
    if have_gensim:
        g_wall = mean_std([r["wall_s"] for r in runs["gensim"]])
        rows.append(("gensim 4 Word2Vec, 1 worker", g_wall[0], g_wall[1], n_words / g_wall[0],
                     f"{len(args.seeds)} runs"))
        rows.append(("gensim 4 Word2Vec, 2 workers", g2["wall_s"], None, n_words / g2["wall_s"],
                     "1 run"))
    print()
    print(f"Speed ({args.epochs} epochs of {corpus.size:,} words; wall time includes setup)")
    print(f"| {'path':32s} | {'wall s (10 ep)':>15s} | {'words/s':>12s} | note")
    print(f"|{'-' * 34}|{'-' * 17}|{'-' * 14}|------")
    for name, wall, sd, wps, note in rows:
        w = f"{wall:.2f}" + (f" ± {sd:.2f}" if sd is not None else "")
        print(f"| {name:32s} | {w:>15s} | {wps:>12,.0f} | {note}")
    print()
    f_wps = n_words / f_wall[0]
    print(f"fast / layered words/s: {f_wps / lay['words_per_sec']:.1f}x "
          f"(fast / layered with lazy Adam: {f_wps / lazy['words_per_sec']:.1f}x; "
          f"lazy / dense Adam: {lazy['words_per_sec'] / lay['words_per_sec']:.1f}x)")
    if have_gensim:
        print(f"fast / gensim 1 worker words/s: {f_wps / (n_words / g_wall[0]):.2f}x "
              f"(gensim train-only {mean_std([r['train_only_s'] for r in runs['gensim']])[0]:.2f} s)")
        print(f"fast / gensim 2 workers words/s: {f_wps / (n_words / g2['wall_s']):.2f}x")
    print()
    print(f"Quality after {args.epochs} epochs (mean ± std over seeds {args.seeds}; analogy: "
          "3CosAdd accuracy over covered questions, similarity: Spearman)")
    names = list(analogy_files) + list(similarity_files)
    header = "| metric | fast | " + ("gensim 1 worker | fast / gensim |" if have_gensim else "")
    print(header)
    print("|---|---|" + ("---|---|" if have_gensim else ""))
    for name in names:
        fm, fs = mean_std([q[name] for q in qual["fast"]])
        line = f"| {name} | {fm:.4f} ± {fs:.4f} |"
        if have_gensim:
            gm, gs = mean_std([q[name] for q in qual["gensim"]])
            line += f" {gm:.4f} ± {gs:.4f} | {fm / gm:.2f}x |"
        print(line)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2, default=float)
    return 0


def _split_eos(corpus, word_to_id):
    """Sentences for gensim: the corpus cut after every ``<eos>`` (kept as a token)."""
    eos = word_to_id.get("<eos>")
    if eos is None:
        return [corpus[i:i + 1000] for i in range(0, corpus.size, 1000)]
    ends = np.flatnonzero(corpus == eos) + 1
    return [s for s in np.split(corpus, ends) if s.size]


if __name__ == "__main__":
    sys.exit(main())
