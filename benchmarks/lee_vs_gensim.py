"""The command line's defaults against gensim's Word2Vec defaults on a small real corpus, in one run.

gensim ships ``lee_background.cor`` (about 60k words of news text, 300 lines) in its test data.
This script runs ``python -m w2vlib train --corpus lee_background.cor`` with every default (its
wall time measured around the process), then gensim's ``Word2Vec`` with its defaults (CBOW, 5
epochs, alpha 0.025, min_count 5, sample 1e-3, 1 worker) and with 10 epochs, and prints the CLI's
first and last loss and the nearest neighbours of a few frequent words from all three::

    python benchmarks/lee_vs_gensim.py [word ...]

Needs gensim (``pip install -e ".[compare]"``). Timings on a shared machine are noisy; the
neighbours are deterministic (seed 0, one worker).
"""
import json
import subprocess
import sys
import tempfile
import time

import numpy as np

from w2vlib.vectors import load_vectors


def main(words):
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence
    from gensim.test.utils import datapath

    path = datapath("lee_background.cor")
    with tempfile.TemporaryDirectory() as tmp:
        out = f"{tmp}/lee"
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "w2vlib", "train", "--corpus", path, "--no-progress",
                            "--out", out], capture_output=True, text=True, check=True)
        cli_wall = time.perf_counter() - t
        print(r.stdout + r.stderr)
        with open(f"{out}/metrics.json", encoding="utf-8") as fh:
            m = json.load(fh)
        W, w2i, i2w = load_vectors(f"{out}/vectors.npz")
    Wn = W / np.linalg.norm(W, axis=1, keepdims=True)

    def ours(w, k=8):
        s = Wn @ Wn[w2i[w]]
        s[w2i[w]] = -np.inf
        return [i2w[i] for i in np.argsort(-s)[:k]]

    t = time.perf_counter()
    g5 = Word2Vec(LineSentence(path), workers=1, seed=0)
    g5_wall = time.perf_counter() - t
    t = time.perf_counter()
    g10 = Word2Vec(LineSentence(path), workers=1, seed=0, epochs=10)
    g10_wall = time.perf_counter() - t
    print(f"w2vlib CLI defaults: {cli_wall:.2f} s wall (train {m['time_s']['train']:.2f} s), "
          f"{m['corpus_words']:,} tokens, {m['vocab_size']:,} words, batch {m['settings']['batch_size']}, "
          f"{m['settings']['epochs']} epochs; loss {m['loss_start']:.4f} at the start, first epoch "
          f"{m['loss_first']:.4f}, last epoch {m['loss_last']:.4f}")
    print(f"gensim Word2Vec defaults (5 epochs): {g5_wall:.2f} s, {len(g5.wv):,} words; "
          f"with epochs=10: {g10_wall:.2f} s")
    for w in words:
        print(f"\n{w}\n  w2vlib CLI:      {ours(w)}"
              f"\n  gensim defaults: {[x for x, _ in g5.wv.most_similar(w, topn=8)]}"
              f"\n  gensim 10 ep.:   {[x for x, _ in g10.wv.most_similar(w, topn=8)]}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["government", "police", "Arafat", "Afghanistan"])
