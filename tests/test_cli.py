"""``python -m w2vlib train`` writes vectors that other tools load."""

import json
import os
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
    assert len(metrics["loss_per_epoch"]) == 1
    loss = metrics["loss_per_epoch"][0]
    assert loss is not None and np.isfinite(loss) and loss > 0
    # the vectors were trained: they moved away from their initialisation (seed 0, as fast.train)
    init_rng = np.random.default_rng(np.random.SeedSequence(0).spawn(2)[0])
    W0 = ((init_rng.random((31, 8), dtype=np.float32) - 0.5) / 8).astype(np.float32)
    assert np.abs(W - W0).max() > 1e-4  # ~7e-4 after this one short epoch
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


def test_last_line_without_newline_gets_eos_blank_lines_add_nothing(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("a b\n\n  \nc", encoding="utf-8")
    corpus, w2i, i2w = read_text_corpus(p)
    assert [i2w[i] for i in corpus] == ["a", "b", "<eos>", "c", "<eos>"]
    p.write_text("a b\nc\n", encoding="utf-8")
    corpus, w2i, i2w = read_text_corpus(p)
    assert [i2w[i] for i in corpus] == ["a", "b", "<eos>", "c", "<eos>"]


def test_tiny_corpus_needs_subsample_0(tmp_path, capsys):
    p = tmp_path / "tiny.txt"
    p.write_text("the cat sat on the mat\n", encoding="utf-8")
    rc = main(["train", "--corpus", str(p), "--epochs", "3", "--hidden", "8", "--no-progress",
               "--min-count", "1", "--out", str(tmp_path / "o1")])
    assert rc == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "--subsample 0" in err
    out = tmp_path / "o2"
    rc = main(["train", "--corpus", str(p), "--epochs", "3", "--hidden", "8", "--window", "2",
               "--subsample", "0", "--min-count", "1", "--no-progress", "--out", str(out)])
    assert rc == 0
    losses = json.loads((out / "metrics.json").read_text())["loss_per_epoch"]
    assert len(losses) == 3 and all(x is not None and np.isfinite(x) and x > 0 for x in losses)


def test_offline_ptb_missing_is_a_clear_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    env = dict(os.environ, W2VLIB_PTB_DIR=str(empty))
    r = subprocess.run([sys.executable, "-m", "w2vlib", "train", "--corpus", "ptb", "--no-progress",
                        "--out", str(tmp_path / "o")], capture_output=True, text=True, timeout=60,
                       env=env)
    assert r.returncode == 2
    assert r.stderr.startswith("error: ") and "W2VLIB_PTB_DIR" in r.stderr
    assert "Traceback" not in r.stderr


def test_out_is_a_file_is_a_clear_error(tiny_corpus, tmp_path, capsys):
    out = tmp_path / "file"
    out.write_text("x")
    rc = main(["train", "--corpus", str(tiny_corpus), "--epochs", "1", "--hidden", "8",
               "--no-progress", "--out", str(out)])
    assert rc == 2 and capsys.readouterr().err.startswith("error: ")


@pytest.mark.parametrize("opt,value", [("--subsample", "-1"), ("--damping", "-0.5"),
                                       ("--subsample", "nan"), ("--damping", "x")])
def test_negative_floats_rejected_by_argparse(opt, value, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["train", opt, value, "--out", str(tmp_path / "o")])
    assert exc.value.code == 2
    assert opt in capsys.readouterr().err


def test_hs_flag_trains_hierarchical_softmax_and_refuses_mixtures(tiny_corpus, tmp_path, capsys):
    pytest.importorskip("numba")
    out = tmp_path / "hs"
    common = ["train", "--corpus", str(tiny_corpus), "--epochs", "2", "--hidden", "8", "--window", "2",
              "--subsample", "0", "--no-progress"]
    assert main(common + ["--hs", "1", "--negative", "0", "--backend", "numba", "--out", str(out)]) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["settings"]["hs"] == 1 and metrics["settings"]["negative"] == 0
    # the loss starts at ln 2 per node of the path (W_out = 0), not at (k + 1) ln 2
    assert metrics["loss_start"] == pytest.approx(np.log(2) * metrics["settings"]["mean_code_length"])
    for extra, match in ((["--hs", "1", "--backend", "numba"], "--negative 0"),
                         (["--hs", "1", "--negative", "0"], "--backend numba"),
                         (["--negative", "0"], "--hs 1")):
        capsys.readouterr()
        assert main(common + extra + ["--out", str(tmp_path / "no")]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and match in err
        assert not (tmp_path / "no").exists()
