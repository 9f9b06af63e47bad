"""PTB benchmark: the command line against gensim in alternating rounds, and (optionally) every trainer.

::

    python benchmarks/bench_ptb.py                     # 3 rounds: CLI (numba, numpy) vs gensim
    python benchmarks/bench_ptb.py --rounds 5 --json results.json
    python benchmarks/bench_ptb.py --rounds 1 --epochs 2 --no-numpy     # a quick sanity run
    python benchmarks/bench_ptb.py --rounds 0 --in-process --seeds 0 1 2 --layered-steps 300

**Rounds** (the headline; ``--rounds N``, default 3). Each round runs ours, pauses 2 s, runs gensim,
pauses 2 s: ``python -m w2vlib train --corpus ptb --backend numba`` in a fresh process, timed from
start to exit (Python start-up, imports, loading PTB, training, writing every export), then gensim's
``Word2Vec`` with ``workers=2`` in this process (vocabulary scan + training, not its import); then
(unless ``--no-numpy``) ``--backend numpy`` against gensim with 1 worker the same way. Round ``r``
uses seed ``r`` for every system. A first, untimed 1-epoch process fills numba's on-disk cache. The
script prints each system's rounds, median and range (min-max), the ratio of the medians, the CLI's
own phases (``metrics.json``), and the quality of every round's vectors (so ``N`` seeds), with the
machine (CPU model, the OpenBLAS core type that threadpoolctl reports), the versions, the load
average and the date. Alternating rounds share out the load of other programs between the systems;
the median drops the round that one of them had to share the machine.

**In-process rows** (``--in-process``, once per ``--seeds`` seed):

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

At the end the script prints the tables in the README's markdown, with the command, the machine,
the versions and the date.

Quality (mean ± sample std over seeds) on the project's analogy file ``data/analogies_ptb.txt``,
gensim's copies of the Google analogy questions (``questions-words.txt``) and WordSim-353 when
gensim is installed, and any ``--analogy``/``--similarity`` files given. Words/s counts corpus
words (929,589 per PTB epoch) over wall time: setup included for the fast path (epoch planning) and
gensim (vocabulary scan); the layered row times its training steps only (after a 5-step warm-up) and
extrapolates them to 10 epochs.
"""

from __future__ import annotations

import argparse
import datetime
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


def blas_info():
    """The BLAS libraries loaded in this process (numpy's OpenBLAS and its core type), by threadpoolctl."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return []
    keys = ("internal_api", "version", "architecture", "threading_layer", "num_threads")
    return [{**{k: d.get(k) for k in keys}, "library": Path(d.get("filepath", "?")).parent.name}
            for d in threadpool_info() if d.get("user_api") == "blas"]


def blas_text(blas):
    parts = [f"{b['internal_api']} {b.get('version') or ''} in {b.get('library')} (core type "
             f"{b.get('architecture') or '?'}, {b.get('num_threads')} threads)" for b in blas]
    core = os.environ.get("OPENBLAS_CORETYPE")
    return (", ".join(parts) or "none found") + (f"; OPENBLAS_CORETYPE={core}" if core else "")


def median_range(xs, fmt="{:.2f}"):
    """``median (min-max)`` of a list of numbers, as text."""
    xs = sorted(xs)
    return f"{fmt.format(float(np.median(xs)))} ({fmt.format(xs[0])}-{fmt.format(xs[-1])})"


def run_rounds(args, word_to_id, id_to_word, sentences, evaluate, have_numba, have_gensim):
    """The alternating rounds: ours (CLI), 2 s, gensim, 2 s; per round a new seed. Returns the results."""
    pairs = []
    if have_numba:
        pairs.append(("numba", 2))
    if not args.no_numpy:
        pairs.append(("numpy", 1))
    out = {"systems": {}, "order": []}
    with tempfile.TemporaryDirectory() as tmp:
        if have_numba:  # a first process fills numba's on-disk cache (not timed)
            print("[rounds] warming the JIT cache (1 epoch, not timed) ...", flush=True)
            run_cli(args, 0, "numba", Path(tmp) / "warm", epochs=1)
            settle()
        for r in range(args.rounds):
            seed = r
            for backend, workers in pairs:
                ours, theirs = f"cli_{backend}", f"gensim{workers}"
                print(f"[round {r + 1}/{args.rounds}] python -m w2vlib train --backend {backend}, "
                      f"seed {seed} ...", flush=True)
                W, w2i, info = run_cli(args, seed, backend, Path(tmp) / f"{backend}{r}")
                info["quality"] = evaluate(W, w2i)
                out["systems"].setdefault(ours, []).append(info)
                settle()
                if have_gensim:
                    print(f"[round {r + 1}/{args.rounds}] gensim Word2Vec, {workers} worker(s), "
                          f"seed {seed} ...", flush=True)
                    wv, ginfo = run_gensim(sentences, args, seed, workers=workers)
                    Wg = np.stack([wv[id_to_word[i]] for i in range(len(id_to_word))])
                    ginfo["quality"] = evaluate(Wg, word_to_id)
                    out["systems"].setdefault(theirs, []).append(ginfo)
                    settle()
                for key in (ours, theirs):
                    if key not in out["order"] and key in out["systems"]:
                        out["order"].append(key)
    out["pairs"] = pairs
    return out


def rounds_tables(args, rounds, corpus_size, metric_names):
    """The README's tables of the rounds (markdown lines)."""
    names = {"cli_numba": f"`python -m w2vlib train --corpus {args.corpus} --backend numba`",
             "cli_numpy": f"`python -m w2vlib train --corpus {args.corpus} --backend numpy`",
             "gensim2": "gensim `Word2Vec`, `workers=2`", "gensim1": "gensim `Word2Vec`, `workers=1`"}
    systems = rounds["systems"]
    lines = []
    emit = lines.append
    n = args.rounds
    emit(f"Speed: {n} alternating rounds (ours, 2 s pause, gensim, 2 s pause; round r uses seed r), "
         f"{args.epochs} epoch{'s' if args.epochs != 1 else ''} of {corpus_size:,} words, CBOW, hidden {args.hidden}, window "
         f"{args.window}, {args.negative} negatives, subsampling {args.subsample}. Ours: a fresh process "
         "timed from start to exit (start-up, loading PTB, training, writing vectors.npz, vectors.txt, "
         "the projector TSVs and metrics.json; numba's cache warm). gensim: in-process vocabulary scan + "
         "training (its import not counted).")
    emit("")
    emit("| system | " + " | ".join(f"round {r + 1} (s)" for r in range(n)) + " | median (range), s |")
    emit("|---|" + "---|" * (n + 1))
    for key in rounds["order"]:
        walls = [x["wall_s"] for x in systems[key]]
        emit(f"| {names[key]} | " + " | ".join(f"{w:.2f}" for w in walls) + f" | {median_range(walls)} |")
    emit("")
    for backend, workers in rounds["pairs"]:
        ours, theirs = systems.get(f"cli_{backend}"), systems.get(f"gensim{workers}")
        if not ours or not theirs:
            continue
        mo = float(np.median([x["wall_s"] for x in ours]))
        mt = float(np.median([x["wall_s"] for x in theirs]))
        per_round = ", ".join(f"{t['wall_s'] / o['wall_s']:.2f}x" for o, t in zip(ours, theirs))
        emit(f"- `--backend {backend}` against gensim with {workers} worker{'s' if workers > 1 else ''}: "
             f"**{mt / mo:.2f}x** as the ratio of the medians ({mt:.2f} s / {mo:.2f} s); per round "
             f"{per_round}.")
    for backend, _ in rounds["pairs"]:
        ours = systems.get(f"cli_{backend}")
        phases = [x.get("time_s") or {} for x in (ours or [])]
        keys = [k for k in ("startup", "load", "numba_import", "train", "write") if all(p.get(k) is not None for p in phases)]
        if ours and keys:
            emit(f"- `--backend {backend}`, its own phases (`metrics.json` `time_s`, median over the rounds): "
                 + ", ".join(f"{k} {float(np.median([p[k] for p in phases])):.2f} s" for k in keys)
                 + f"; wall from the shell {float(np.median([x['wall_s'] for x in ours])):.2f} s.")
    emit("")
    emit(f"Quality after {args.epochs} epoch{'s' if args.epochs != 1 else ''} (mean ± sample std over "
         f"the {n} rounds' seeds; analogies: "
         "3CosAdd accuracy over the covered questions; similarity: Spearman)")
    emit("")
    order = rounds["order"]
    emit("| metric | " + " | ".join(names[k] for k in order) + " |")
    emit("|---|" + "---|" * len(order))
    for m in metric_names:
        cells = []
        for k in order:
            mean, sd = mean_std([x["quality"][m] for x in systems[k]])
            cells.append(f"{mean:.4f}" + (f" ± {sd:.4f}" if n > 1 else ""))
        emit(f"| {m} | " + " | ".join(cells) + " |")
    for backend, workers in rounds["pairs"]:
        ours, theirs = systems.get(f"cli_{backend}"), systems.get(f"gensim{workers}")
        if not ours or not theirs:
            continue
        verdict = []
        for m in metric_names:
            a = mean_std([x["quality"][m] for x in ours])[0]
            b = mean_std([x["quality"][m] for x in theirs])[0]
            verdict.append(f"{m} {a / b:.2f}x" if b else f"{m} -")
        emit("")
        emit(f"`--backend {backend}` / gensim {workers} worker{'s' if workers > 1 else ''}, mean quality: "
             + ", ".join(verdict) + ".")
    return lines


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=3,
                   help="alternating rounds of ours (CLI) and gensim, each with a new seed (0: none)")
    p.add_argument("--no-numpy", action="store_true",
                   help="rounds: only the numba CLI against gensim with 2 workers (not the numpy CLI "
                        "against gensim with 1 worker)")
    p.add_argument("--in-process", action="store_true",
                   help="also the in-process rows: layered, numpy fast path, numba with 1 and 2 "
                        "threads, gensim with 1 and 2 workers, once per --seeds seed")
    p.add_argument("--corpus", default="ptb", help="'ptb' or a plain-text file (see w2vlib.cli)")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--hidden", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negative", type=int, default=5)
    p.add_argument("--subsample", type=float, default=1e-3)
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="--in-process: the seeds")
    p.add_argument("--layered-steps", type=int, default=300, help="--in-process: steps of the layered rows")
    p.add_argument("--threads", type=int, default=2, choices=[1, 2],
                   help="threads of the numpy fast path in-process (see w2vlib.fast.train)")
    p.add_argument("--analogy", nargs="*", default=[], help="extra analogy files (Google format)")
    p.add_argument("--similarity", nargs="*", default=[], help="extra word-pair files (w1 w2 score)")
    p.add_argument("--no-gensim", action="store_true")
    p.add_argument("--no-numba", action="store_true", help="skip the compiled backend's rows")
    p.add_argument("--no-fast", action="store_true", help="--in-process: skip the numpy fast path's rows")
    p.add_argument("--json", help="also write the results here")
    args = p.parse_args(argv)

    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    corpus, word_to_id, id_to_word = load_corpus(args.corpus, progress=False)
    V = len(word_to_id)

    analogy_files, similarity_files = {}, {}
    if (REPO / "data" / "analogies_ptb.txt").is_file():
        analogy_files["analogies_ptb"] = REPO / "data" / "analogies_ptb.txt"
    have_gensim = False
    if not args.no_gensim:
        try:
            import gensim  # noqa: F401
            from gensim.test.utils import datapath  # gensim ships both files: no download

            have_gensim = True
            if os.path.isfile(datapath("questions-words.txt")):
                analogy_files["google_analogy"] = datapath("questions-words.txt")
            if os.path.isfile(datapath("wordsim353.tsv")):
                similarity_files["wordsim353"] = datapath("wordsim353.tsv")
        except ImportError:
            print("gensim not installed: skipping the gensim rows (pip install w2vlib[compare])")
    for f in args.analogy:
        analogy_files[Path(f).stem] = f
    for f in args.similarity:
        similarity_files[Path(f).stem] = f
    metric_names = list(analogy_files) + list(similarity_files)

    def evaluate(W, w2i):
        return quality(W, w2i, analogy_files, similarity_files)

    blas = blas_info()
    results = {"machine": machine_info(), "versions": library_versions(), "blas": blas,
               "date_utc": started.isoformat(timespec="seconds"),
               "settings": {k: v for k, v in vars(args).items() if k != "json"},
               "corpus_words": int(corpus.size), "vocab_size": V}
    mach = results["machine"]
    print(f"corpus: {args.corpus} ({corpus.size:,} words, V={V:,}); CBOW, hidden {args.hidden}, "
          f"window {args.window}, {args.negative} negatives, subsample {args.subsample}, "
          f"{args.epochs} epochs", flush=True)
    print(f"machine: {mach.get('cpu', '?')}, {mach['cpu_count']} cores; BLAS: {blas_text(blas)}", flush=True)

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

    sentences = None
    if have_gensim:  # gensim's input, built once and not timed
        sentences = [[id_to_word[i] for i in s] for s in _split_eos(corpus, word_to_id)]

    lines = []
    emit = lines.append
    cmd = "python benchmarks/bench_ptb.py " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.rounds > 0:
        rounds = run_rounds(args, word_to_id, id_to_word, sentences, evaluate, have_numba, have_gensim)
        results["rounds"] = rounds
        lines += rounds_tables(args, rounds, corpus.size, metric_names)
    if args.in_process:
        results["in_process"] = {}
        lines += [""] + run_in_process(args, corpus, V, word_to_id, id_to_word, sentences, analogy_files,
                                       similarity_files, have_numba, have_gensim, results["in_process"])

    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None
    results["loadavg_before"], results["loadavg_after"] = load_before, load_after
    vers = results["versions"]
    la = (lambda xs: " ".join(f"{x:.2f}" for x in xs) if xs else "?")  # noqa: E731
    header = [f"Command: `{cmd.strip()}`", "",
              f"Machine: {mach.get('cpu', '?')}, {mach.get('cpu_count', '?')} cores, "
              f"{mach.get('platform', '')}; BLAS: {blas_text(blas)}; "
              + ", ".join(f"{k} {v}" for k, v in vers.items() if v) + "; load average (1, 5, 15 min) "
              f"before the run {la(load_before)}, after {la(load_after)}; "
              f"date {started.strftime('%Y-%m-%d %H:%M')} UTC", ""]
    lines = header + lines
    print()
    print("\n".join(lines))
    results["readme"] = lines
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2, default=float)
    return 0


def run_in_process(args, corpus, V, word_to_id, id_to_word, sentences, analogy_files, similarity_files,
                   have_numba, have_gensim, results):
    """The in-process rows (``--in-process``); returns the README's markdown lines."""
    n_words = corpus.size * args.epochs
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

    def ms(xs, fmt="{:.2f}"):
        m, sd = mean_std(xs)
        return fmt.format(m) + (f" ± {fmt.format(sd)}" if len(xs) > 1 else "")

    lines = []
    emit = lines.append
    emit(f"In-process speed: {args.epochs} epochs of {corpus.size:,} words; wall time includes setup, "
         "never JIT compilation")
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
    emit("")
    emit(f"In-process quality after {args.epochs} epochs (mean ± sample std over seeds "
         f"{', '.join(map(str, args.seeds))})")
    emit("")
    cols = [k for k in ("fast", "numba2", "gensim1", "gensim2") if qual[k]]
    emit("| metric | " + " | ".join(names[k] for k in cols) + " |")
    emit("|---|" + "---|" * len(cols))
    for name in list(analogy_files) + list(similarity_files):
        emit(f"| {name} | " + " | ".join(ms([q[name] for q in qual[k]], "{:.4f}") for k in cols) + " |")
    if runs["numba1"] and runs["numba2"]:
        w1 = runs["numba1"][0]["words_per_sec"]
        w2 = mean_std([r["words_per_sec"] for r in runs["numba2"]])[0]
        emit("")
        emit(f"2-core limit: 2 x the 1-thread rate = {2 * w1:,.0f} words/s; the 2-thread kernel ran at "
             f"{w2:,.0f} words/s, {w2 / (2 * w1):.0%} of it ({w2 / w1:.2f}x one thread).")
    return lines


def _split_eos(corpus, word_to_id):
    """Sentences for gensim: the corpus cut after every ``<eos>`` (kept as a token)."""
    eos = word_to_id.get("<eos>")
    if eos is None:
        return [corpus[i:i + 1000] for i in range(0, corpus.size, 1000)]
    ends = np.flatnonzero(corpus == eos) + 1
    return [s for s in np.split(corpus, ends) if s.size]


if __name__ == "__main__":
    sys.exit(main())
