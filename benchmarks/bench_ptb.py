"""PTB benchmark: the layered teaching path, the fast path and gensim, in one process and one run.

::

    python benchmarks/bench_ptb.py                     # PTB via w2vlib.data.load_ptb
    python benchmarks/bench_ptb.py --seeds 0 1 2 --layered-steps 300 --cli \\
        --analogy extra_questions.txt --similarity extra_pairs.tsv --json results.json
    python benchmarks/bench_ptb.py --epochs 2 --seeds 0 --layered-steps 0 --cli   # a quick sanity run

Rows:

1. ``layered``: the book-shaped path as the series teaches it: ``CBOW`` (Embedding + 6
   EmbeddingDot, vectorised sampler, float32) + ``Adam`` + ``Trainer``, batch 100, for a bounded
   number of steps (its words/s extrapolates to 10 epochs).
2. ``fast``: ``w2vlib.fast.train`` for the full number of epochs, once per seed.
3. ``numba``: ``w2vlib.fast.train(..., backend="numba")`` (compiled per-word SGD, Hogwild
   threads), with 2 threads once per seed and with 1 thread once; the JIT is warmed up first, so
   no compile time is counted. Skipped if numba is missing or with ``--no-numba``.
4. ``gensim``: ``gensim.models.Word2Vec`` with the same settings (CBOW, negative sampling,
   same vector size, window, negatives, subsampling, epochs, min_count=1, its own default learning
   rate 0.025), one worker and two workers (gensim's best on a 2-core machine), once per seed each.
   Skipped if gensim is missing (``pip install w2vlib[compare]``).
5. ``--cli``: the command line end to end, ``python -m w2vlib train --corpus ptb --backend numba``
   (and ``--backend numpy``), one process per seed timed from start to exit (Python start-up,
   loading, training, writing every export), with the JIT cache warmed by an earlier process;
   against gensim's in-process ``Word2Vec`` time (vocabulary scan + training) with 2 workers (1
   for the numpy backend). The quality of the CLI's vectors is read back from its ``vectors.npz``.

At the end the script prints the tables in the README's markdown, with the command, the machine
and the versions.

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
import subprocess
import sys
import tempfile
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


def _numba_train(corpus, V, **kw):
    return fast.train(corpus, V, backend="numba", **kw)


def run_numba(corpus, V, args, seed, threads):
    r = _numba_train(corpus, V, model="cbow", hidden_size=args.hidden, window_size=args.window,
                     negative=args.negative, epochs=args.epochs, seed=seed,
                     subsample=args.subsample, progress=False, threads=threads)
    return r.W_in, {"wall_s": r.wall_time, "words_per_sec": r.words_per_sec,
                    "loss_per_epoch": r.loss_per_epoch, "threads": r.settings.get("threads")}


SETTLE_S = 2.0


def settle():
    """Let the machine go quiet before a timed run.

    After parallel work, OpenMP/BLAS worker threads keep spinning for a moment; a run started at once
    competes with them for the 2 cores (measured: the CLI right after an in-process numba run took
    6.4 s, the same command 2 s later 4.2 s). Every timed run starts after this pause.
    """
    time.sleep(SETTLE_S)


def run_cli(args, seed, backend, out_dir, epochs=None):
    """Wall time of ``python -m w2vlib train`` in a fresh process, and its vectors."""
    from w2vlib.vectors import load_vectors

    cmd = [sys.executable, "-m", "w2vlib", "train", "--corpus", args.corpus,
           "--backend", backend, "--model", "cbow", "--epochs", str(epochs or args.epochs),
           "--hidden", str(args.hidden), "--window", str(args.window),
           "--negative", str(args.negative), "--subsample", str(args.subsample),
           "--seed", str(seed), "--no-progress", "--out", str(out_dir)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr.strip()[-2000:]}")
    W, w2i, _ = load_vectors(Path(out_dir) / "vectors.npz")
    metrics = json.loads((Path(out_dir) / "metrics.json").read_text(encoding="utf-8"))
    return W, w2i, {"wall_s": wall, "command": " ".join(cmd[1:]),
                    "train_s": metrics.get("wall_time_s"), "time_s": metrics.get("time_s")}


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
    p.add_argument("--no-numba", action="store_true", help="skip the compiled backend's rows")
    p.add_argument("--no-fast", action="store_true", help="skip the numpy fast path's rows")
    p.add_argument("--cli", action="store_true",
                   help="also time `python -m w2vlib train --backend numba|numpy` end to end "
                        "against gensim with 2|1 workers, once per seed")
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

    if os.environ.get("OMP_NUM_THREADS"):
        print(f"note: OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']} is set; numba's OpenMP threading "
              "layer runs its 2-thread rows much slower with it (measured 4.8 s against 3.1 s for 10 PTB "
              "epochs). Unset it to time what a user's shell gives.", flush=True)
        results["omp_num_threads"] = os.environ["OMP_NUM_THREADS"]

    have_numba = False
    if not args.no_numba:
        try:
            import numba

            have_numba = True
            results["versions"].setdefault("numba", numba.__version__)
        except ImportError:
            print("numba not installed: skipping the numba rows (pip install numba)")

    if args.layered_steps > 0:
        print(f"[layered] CBOW + Adam, batch 100, {args.layered_steps} steps ...", flush=True)
        results["layered"] = run_layered(corpus, V, args)
        print(f"[layered] CBOW + Adam(lazy=True), batch 100, {args.layered_steps} steps ...",
              flush=True)
        results["layered_lazy"] = run_layered(corpus, V, args, lazy=True)

    names = {"fast": f"w2vlib.fast, numpy (threads={args.threads})",
             "numba2": "w2vlib.fast, numba, 2 threads", "numba1": "w2vlib.fast, numba, 1 thread",
             "gensim1": "gensim Word2Vec, 1 worker", "gensim2": "gensim Word2Vec, 2 workers"}
    runs = {k: [] for k in names}
    qual = {k: [] for k in names}
    sentences = None
    if have_gensim:
        sentences = [[id_to_word[i] for i in s] for s in _split_eos(corpus, word_to_id)]
    if have_numba:  # compile (or load from the cache) before anything is timed
        _numba_train(corpus[:5000], V, epochs=1, progress=False, threads=1)
        _numba_train(corpus[:5000], V, epochs=1, progress=False, threads=2)
    for seed in args.seeds:
        if not args.no_fast:
            print(f"[fast] numpy fast path, seed {seed} ...", flush=True)
            settle()
            W, info = run_fast(corpus, V, args, seed)
            runs["fast"].append(info)
            qual["fast"].append(quality(W, word_to_id, analogy_files, similarity_files))
        if have_numba:
            for threads in ((2, 1) if seed == args.seeds[0] else (2,)):
                print(f"[numba] compiled backend, {threads} thread(s), seed {seed} ...", flush=True)
                settle()
                W, info = run_numba(corpus, V, args, seed, threads)
                runs[f"numba{threads}"].append(info)
                qual[f"numba{threads}"].append(quality(W, word_to_id, analogy_files,
                                                       similarity_files))
        if have_gensim:
            for workers in (1, 2):
                print(f"[gensim] {workers} worker(s), seed {seed} ...", flush=True)
                settle()
                wv, ginfo = run_gensim(sentences, args, seed, workers=workers)
                runs[f"gensim{workers}"].append(ginfo)
                Wg = np.stack([wv[id_to_word[i]] for i in range(V)])
                qual[f"gensim{workers}"].append(quality(Wg, word_to_id, analogy_files,
                                                        similarity_files))
    results["runs"] = runs
    results["quality"] = qual

    cli = {}
    if args.cli:
        backends = (["numba"] if have_numba else []) + ([] if args.no_fast else ["numpy"])
        with tempfile.TemporaryDirectory() as tmp:
            if "numba" in backends:  # a first process fills numba's on-disk cache
                print("[cli] warming the JIT cache (1 epoch, not timed) ...", flush=True)
                try:
                    run_cli(args, 0, "numba", Path(tmp) / "warm", epochs=1)
                except RuntimeError as err:
                    print(f"[cli] skipped: {err}")
                    backends = []
            for backend in backends:
                cli[backend] = {"runs": [], "quality": []}
                for seed in args.seeds:
                    print(f"[cli] python -m w2vlib train --backend {backend}, seed {seed} ...",
                          flush=True)
                    settle()
                    W, w2i, info = run_cli(args, seed, backend, Path(tmp) / f"{backend}{seed}")
                    cli[backend]["runs"].append(info)
                    cli[backend]["quality"].append(quality(W, w2i, analogy_files,
                                                           similarity_files))
    results["cli"] = cli

    # ---- the README's tables ----
    def ms(xs, fmt="{:.2f}"):
        m, sd = mean_std(xs)
        return fmt.format(m) + (f" ± {fmt.format(sd)}" if len(xs) > 1 else "")

    lines = []
    emit = lines.append
    cmd = "python benchmarks/bench_ptb.py " + " ".join(argv if argv is not None else sys.argv[1:])
    mach = results["machine"]
    vers = results["versions"]
    emit(f"Command: `{cmd.strip()}`")
    emit("")
    emit(f"Machine: {mach.get('cpu', '?')}, {mach.get('cpu_count', '?')} cores, "
         f"{mach.get('platform', mach.get('system', ''))}; "
         + ", ".join(f"{k} {v}" for k, v in vers.items() if v) + "; load average before the run: "
         + (" ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"))
    emit("")
    emit(f"Speed: {args.epochs} epochs of {corpus.size:,} words, CBOW, hidden {args.hidden}, window "
         f"{args.window}, {args.negative} negatives, subsampling {args.subsample}; wall time "
         "includes setup, never JIT compilation")
    emit("")
    emit(f"| path | wall s ({args.epochs} epochs) | words/s | vs gensim, 2 workers | runs |")
    emit("|---|---|---|---|---|")
    g2 = mean_std([r["wall_s"] for r in runs["gensim2"]])[0] if runs["gensim2"] else None
    if "layered" in results:
        for key, label in (("layered", "layered `CBOW` + `Adam`, batch 100 (the book's shape)"),
                           ("layered_lazy", "layered `CBOW` + `Adam(lazy=True)`, batch 100")):
            lay = results[key]
            vs = f"{g2 / lay['wall_10ep_s_extrapolated']:.3f}x" if g2 else "-"
            emit(f"| {label} | {lay['wall_10ep_s_extrapolated']:.0f} (extrapolated from "
                 f"{lay['steps']} steps) | {lay['words_per_sec']:,.0f} | {vs} | 1 |")
    for key in ("fast", "numba1", "numba2", "gensim1", "gensim2"):
        if not runs[key]:
            continue
        walls = [r["wall_s"] for r in runs[key]]
        m = mean_std(walls)[0]
        vs = f"{g2 / m:.2f}x" if g2 else "-"
        emit(f"| {names[key]} | {ms(walls)} | {n_words / m:,.0f} | {vs} | {len(walls)} |")
    if cli:
        emit("")
        emit(f"The command line end to end ({args.epochs} epochs, a fresh process per seed: start-up, "
             "loading PTB, training, writing vectors.npz, vectors.txt, the projector TSVs and "
             "metrics.json; the JIT cache warm) against gensim in-process (vocabulary scan + training):")
        emit("")
        emit("| command | wall s | gensim, same settings | speed-up | seeds |")
        emit("|---|---|---|---|---|")
        for backend, workers in (("numba", 2), ("numpy", 1)):
            if backend not in cli:
                continue
            walls = [r["wall_s"] for r in cli[backend]["runs"]]
            g = runs[f"gensim{workers}"]
            gw = [r["wall_s"] for r in g]
            ratio = f"{mean_std(gw)[0] / mean_std(walls)[0]:.2f}x" if gw else "-"
            emit(f"| `python -m w2vlib train --corpus {args.corpus} --backend {backend}` | "
                 f"{ms(walls)} | {ms(gw) if gw else '-'} ({workers} worker{'s' if workers > 1 else ''}) "
                 f"| {ratio} | {len(walls)} |")
    emit("")
    emit(f"Quality after {args.epochs} epochs (mean ± sample std over seeds "
         f"{', '.join(map(str, args.seeds))}; analogies: 3CosAdd accuracy over the covered questions; "
         "similarity: Spearman)")
    emit("")
    cols = [k for k in ("fast", "numba2", "gensim1", "gensim2") if qual[k]]
    col_names = [names[k] for k in cols]
    if cli.get("numba"):
        cols.append("cli_numba")
        col_names.append("CLI, numba")
    emit("| metric | " + " | ".join(col_names) + " |")
    emit("|---|" + "---|" * len(cols))
    for name in list(analogy_files) + list(similarity_files):
        cells = []
        for k in cols:
            qs = cli["numba"]["quality"] if k == "cli_numba" else qual[k]
            cells.append(ms([q[name] for q in qs], "{:.4f}"))
        emit(f"| {name} | " + " | ".join(cells) + " |")
    if runs["numba1"] and runs["numba2"]:
        w1 = runs["numba1"][0]["words_per_sec"]
        w2 = mean_std([r["words_per_sec"] for r in runs["numba2"]])[0]
        emit("")
        emit(f"2-core limit: 2 x the 1-thread rate = {2 * w1:,.0f} words/s; the 2-thread kernel ran at "
             f"{w2:,.0f} words/s, {w2 / (2 * w1):.0%} of it ({w2 / w1:.2f}x one thread).")
    print()
    print("\n".join(lines))
    results["readme"] = lines
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
