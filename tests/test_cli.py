"""``python -m w2vlib train`` writes vectors that other tools load."""

import json
import subprocess
import sys

import numpy as np
import pytest

from w2vlib.cli import main, read_text_corpus
from w2vlib.vectors import load_vectors


@pytest.fixture
def tiny_corpus(tmp_path):
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(30)]
    lines = [" ".join(rng.choice(words, size=12)) for _ in range(60)]
    path = tmp_path / "tiny.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_text_corpus(tiny_corpus):
    corpus, w2i, i2w = read_text_corpus(tiny_corpus)
    assert corpus.dtype == np.int32 and corpus.size == 60 * 13
    assert "<eos>" in w2i and i2w[corpus[0]] == tiny_corpus.read_text().split()[0]


def test_train_writes_all_files(tiny_corpus, tmp_path):
    out = tmp_path / "run"
    rc = main(["train", "--corpus", str(tiny_corpus), "--epochs", "1", "--hidden", "8",
               "--window", "2", "--negative", "3", "--batch-size", "64", "--no-progress",
               "--out", str(out)])
    assert rc == 0
    W, w2i, i2w = load_vectors(out / "vectors.npz")
    assert W.shape == (31, 8) and W.dtype == np.float32
    header = (out / "vectors.txt").read_text().splitlines()[0]
    assert header == "31 8"
    assert len((out / "metadata.tsv").read_text().splitlines()) == 31
    assert len((out / "vectors.tsv").read_text().splitlines()) == 31
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["words_per_sec"] > 0 and len(metrics["loss_per_epoch"]) == 1
    assert metrics["settings"]["hidden_size"] == 8 and "numpy" in metrics["versions"]

    gensim_models = pytest.importorskip("gensim.models")
    kv = gensim_models.KeyedVectors.load_word2vec_format(str(out / "vectors.txt"), binary=False)
    assert kv.vectors.shape == (31, 8)
    np.testing.assert_allclose(kv["w0"], W[w2i["w0"]], atol=1e-5)


def test_module_entry_point_help():
    r = subprocess.run([sys.executable, "-m", "w2vlib", "train", "--help"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0
    for opt in ("--corpus", "--model", "--epochs", "--hidden", "--window", "--negative", "--out"):
        assert opt in r.stdout


def test_missing_corpus_is_a_clear_error(tmp_path, capsys):
    rc = main(["train", "--corpus", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")])
    assert rc == 2
    assert "not found" in capsys.readouterr().err
