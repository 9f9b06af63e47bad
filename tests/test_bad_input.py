"""Bad input, as a new user tries it: a clear error or a correct result, never silent garbage.

One test per case of the bad-input issue (its number in brackets), plus others. Each failing case
checks the error type, that the message names the problem, and that nothing half-written is left.
"""
import json
import math
import os
from pathlib import Path

import numpy as np
import pytest

from w2vlib import cli, fast
from w2vlib.cli import main, read_text_corpus
from w2vlib.trainer import Trainer
from w2vlib.vectors import (load_vectors, load_word2vec_format, save_projector, save_text_exports,
                            save_vectors, save_word2vec_format)

DATA = Path(__file__).parent / "data"
KO = DATA / "ko_small.txt"
SMALL = ["--epochs", "2", "--hidden", "8", "--window", "2", "--negative", "3", "--no-progress"]


@pytest.fixture
def corpus_file(tmp_path):
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(30)]
    path = tmp_path / "tiny.txt"
    path.write_text("\n".join(" ".join(rng.choice(words, size=12)) for _ in range(60)) + "\n",
                    encoding="utf-8")
    return path


def leftovers(folder):
    """Files and folders the CLI left in ``folder`` (temporary run folders included)."""
    return sorted(p.name for p in Path(folder).iterdir()) if Path(folder).exists() else []


def run(argv, capsys):
    rc = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


@pytest.fixture
def no_training(monkeypatch):
    """Fail the test if training starts (the CLI must refuse before any work)."""
    def boom(*a, **k):
        raise AssertionError("training started")
    monkeypatch.setattr(fast, "train", boom)


# --------------------------------------------------------------------------------------------
# [1] a small corpus: it trains with the defaults, or says in words that it did not
# --------------------------------------------------------------------------------------------
def test_small_korean_corpus_trains_with_defaults(tmp_path, capsys):
    out = tmp_path / "ko"
    rc, stdout, err = run(["train", "--corpus", KO, "--no-progress", "--out", out], capsys)
    assert rc == 0, err
    assert "warning" not in err
    m = json.loads((out / "metrics.json").read_text())
    assert m["corpus_words"] < 5000 and m["loss_fell"] is True
    assert m["loss_last"] < 0.8 * m["loss_start"]  # ~2.66 against 4.16
    assert len(m["loss_per_epoch"]) == 10 and m["settings"]["batch_size"] == 41  # 4,123 tokens
    assert "first epoch" in stdout and "last epoch" in stdout
    W, w2i, i2w = load_vectors(out / "vectors")
    Wn = W / np.linalg.norm(W, axis=1, keepdims=True)
    cities = {"서울", "부산", "대구", "광주", "제주"}
    animals = {"고양이", "강아지", "토끼", "햄스터", "앵무새"}
    for word, group in (("서울", cities), ("고양이", animals)):
        sims = Wn @ Wn[w2i[word]]
        sims[w2i[word]] = -np.inf
        top = {i2w[i] for i in np.argsort(-sims)[:5]}
        assert len(top & group) >= 2, (word, top)


def test_loss_that_does_not_fall_is_said_in_words(corpus_file, tmp_path, capsys):
    out = tmp_path / "o"
    rc, stdout, err = run(["train", "--corpus", corpus_file, *SMALL, "--lr", "1e-6",
                           "--out", out], capsys)
    assert rc == 0
    assert "warning: the loss did not fall" in err and "--epochs" in err and "tokens" in err
    assert json.loads((out / "metrics.json").read_text())["loss_fell"] is False


@pytest.mark.filterwarnings("ignore:the loss did not fall")
def test_small_corpus_gets_a_smaller_batch():
    from w2vlib.fast.config import default_batch_size

    assert default_batch_size(929_589, "cbow") == 1024  # PTB keeps the fast path's batch
    assert default_batch_size(3_000, "cbow") == 30
    assert default_batch_size(500, "cbow") == 16
    assert default_batch_size(100_000, "skipgram") == 4000
    corpus = read_text_corpus(KO)[0]
    r = fast.train(corpus, epochs=1, hidden_size=8, progress=False)
    assert r.settings["batch_size"] == corpus.size // 100


def test_min_count_drops_typos(tmp_path, capsys):
    p = tmp_path / "typos.txt"
    p.write_text("the cat sat on the mat\n" * 6 + "teh cat sta on hte mat\n", encoding="utf-8")
    out = tmp_path / "o"
    rc, stdout, err = run(["train", "--corpus", p, *SMALL, "--subsample", "0", "--out", out], capsys)
    assert rc == 0, err
    _, w2i, _ = load_vectors(out / "vectors.npz")
    assert set(w2i) == {"the", "cat", "sat", "on", "mat", "<eos>"}
    m = json.loads((out / "metrics.json").read_text())
    assert m["min_count"] == 5 and m["tokens_dropped"] == 3 and "3 rarer tokens dropped" in stdout


def test_max_vocab_keeps_the_most_frequent(tmp_path, capsys):
    p = tmp_path / "c.txt"
    p.write_text("a a a a b b b c c d\n" * 5, encoding="utf-8")
    out = tmp_path / "o"
    rc, _, err = run(["train", "--corpus", p, *SMALL, "--subsample", "0", "--min-count", "1",
                      "--max-vocab", "3", "--out", out], capsys)
    assert rc == 0, err
    assert set(load_vectors(out / "vectors.npz")[1]) == {"a", "b", "c"}  # 20, 15, 10; not <eos>, d (5)


def test_min_count_that_leaves_nothing_says_so(corpus_file, tmp_path, capsys, no_training):
    out = tmp_path / "o"
    rc, _, err = run(["train", "--corpus", corpus_file, *SMALL, "--min-count", "1000",
                      "--out", out], capsys)
    assert rc == 2 and "--min-count" in err and "lower" in err
    assert leftovers(tmp_path) == ["tiny.txt"]


# --------------------------------------------------------------------------------------------
# [2] encodings
# --------------------------------------------------------------------------------------------
def test_cp949_corpus_names_file_offset_and_option(tmp_path, capsys, no_training):
    p = tmp_path / "ansi.txt"
    p.write_bytes("고양이 가 운다\n".encode("utf-8") + "강아지 가 짖는다\n".encode("cp949"))
    rc, _, err = run(["train", "--corpus", p, "--out", tmp_path / "o"], capsys)
    assert rc == 2
    assert str(p) in err and "byte 21" in err and "line 2" in err and "--encoding" in err
    assert "cp949" in err
    assert leftovers(tmp_path) == ["ansi.txt"]


def test_cp949_corpus_reads_with_encoding(tmp_path):
    p = tmp_path / "ansi.txt"
    p.write_bytes(KO.read_text(encoding="utf-8").encode("cp949"))
    corpus, w2i, _ = read_text_corpus(p, encoding="cp949")
    assert "고양이" in w2i and corpus.size == read_text_corpus(KO)[0].size


def test_binary_corpus_is_a_clear_error(tmp_path, capsys, no_training):
    p = tmp_path / "model.bin"
    p.write_bytes(bytes(range(256)) * 4)
    rc, _, err = run(["train", "--corpus", p, "--out", tmp_path / "o"], capsys)
    assert rc == 2 and str(p) in err and "byte 128" in err and "--encoding" in err
    assert "Traceback" not in err


def test_unknown_encoding_names_the_option(corpus_file, tmp_path, capsys, no_training):
    rc, _, err = run(["train", "--corpus", corpus_file, "--encoding", "klingon",
                      "--out", tmp_path / "o"], capsys)
    assert rc == 2 and "klingon" in err and "--encoding" in err


def test_utf8_bom_is_not_part_of_the_first_word(tmp_path):
    p = tmp_path / "notepad.txt"
    p.write_bytes(b"\xef\xbb\xbfhello world\nhello again\n")
    _, w2i, _ = read_text_corpus(p)
    assert "hello" in w2i and not any("\ufeff" in w for w in w2i)
    assert list(w2i)[0] == "hello"


def test_blank_lines_and_crlf(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes(b"a b\r\n\r\n   \r\nc\r\n")
    corpus, _, i2w = read_text_corpus(p)
    assert [i2w[i] for i in corpus] == ["a", "b", "<eos>", "c", "<eos>"]


# --------------------------------------------------------------------------------------------
# [3] --out is checked before any work
# --------------------------------------------------------------------------------------------
def test_out_existing_file_refused_before_training(corpus_file, tmp_path, capsys, no_training):
    f = tmp_path / "some_file"
    f.write_text("keep me")
    rc, _, err = run(["train", "--corpus", corpus_file, "--out", f], capsys)
    assert rc == 2 and "existing file" in err and "--out" in err
    assert f.read_text() == "keep me" and leftovers(tmp_path) == ["some_file", "tiny.txt"]


@pytest.mark.parametrize("value", ["", "   "])
def test_out_empty_refused(value, corpus_file, tmp_path, capsys, no_training, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rc, _, err = run(["train", "--corpus", corpus_file, "--out", value], capsys)
    assert rc == 2 and "--out is empty" in err
    assert leftovers(tmp_path) == ["tiny.txt"]


def test_out_below_a_file_refused(corpus_file, tmp_path, capsys, no_training):
    f = tmp_path / "file"
    f.write_text("x")
    rc, _, err = run(["train", "--corpus", corpus_file, "--out", f / "sub" / "run"], capsys)
    assert rc == 2 and "is a file" in err
    assert leftovers(tmp_path) == ["file", "tiny.txt"]


def test_out_unwritable_folder_refused(corpus_file, tmp_path, capsys, no_training):
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root writes anywhere, except in /sys
        if not Path("/sys/kernel").is_dir():
            pytest.skip("no unwritable folder available to root")
        target = Path("/sys/w2vlib-test-run")
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        target = ro / "run"
    try:
        rc, _, err = run(["train", "--corpus", corpus_file, "--out", target], capsys)
    finally:
        if target.parent != Path("/sys"):
            target.parent.chmod(0o755)
    assert rc == 2 and "--out" in err and ("not writable" in err or "cannot create" in err)
    assert not target.exists()


def test_out_nested_new_folders_created_and_cleaned_on_failure(corpus_file, tmp_path, capsys,
                                                               monkeypatch):
    def fails(*a, **k):
        raise ValueError("simulated failure")
    monkeypatch.setattr(fast, "train", fails)
    rc, _, err = run(["train", "--corpus", corpus_file, "--out", tmp_path / "a" / "b" / "run"],
                     capsys)
    assert rc == 2 and "simulated failure" in err
    assert leftovers(tmp_path) == ["tiny.txt"]  # a/ and a/b/ were made by the run: removed


# --------------------------------------------------------------------------------------------
# [4] outputs as a unit
# --------------------------------------------------------------------------------------------
def _snapshot(folder):
    return {p.name: p.read_bytes() for p in Path(folder).iterdir()}


@pytest.mark.parametrize("where", ["train", "write_text", "write_json"])
def test_interrupted_rerun_leaves_previous_run_intact(where, corpus_file, tmp_path, capsys,
                                                      monkeypatch):
    out = tmp_path / "run"
    assert run(["train", "--corpus", corpus_file, *SMALL, "--out", out], capsys)[0] == 0
    before = _snapshot(out)
    assert sorted(before) == sorted(cli.RUN_FILES)

    def interrupt(*a, **k):
        raise KeyboardInterrupt
    if where == "train":
        monkeypatch.setattr(fast, "train", interrupt)
    elif where == "write_text":
        monkeypatch.setattr("w2vlib.vectors.save_text_exports", interrupt)
    else:
        monkeypatch.setattr(cli, "_write_json", interrupt)
    rc, _, err = run(["train", "--corpus", corpus_file, *SMALL, "--seed", "7", "--out", out], capsys)
    assert rc == 130 and "interrupted: nothing was written" in err
    assert _snapshot(out) == before  # same files, same bytes, no temp folder inside
    assert leftovers(tmp_path) == ["run", "tiny.txt"]


def test_rerun_replaces_the_whole_set(corpus_file, tmp_path, capsys):
    out = tmp_path / "run"
    assert run(["train", "--corpus", corpus_file, *SMALL, "--out", out], capsys)[0] == 0
    before = _snapshot(out)
    (out / "notes.md").write_text("mine")  # a file of the user's survives
    assert run(["train", "--corpus", corpus_file, *SMALL, "--seed", "7", "--out", out], capsys)[0] == 0
    after = _snapshot(out)
    assert sorted(after) == sorted([*cli.RUN_FILES, "notes.md"])
    for name in cli.RUN_FILES:
        if name != "metadata.tsv":  # the same words
            assert after[name] != before[name], name
    assert json.loads(after["metrics.json"])["settings"]["seed"] == 7


def test_metrics_json_is_strict_json(corpus_file, tmp_path, capsys):
    out = tmp_path / "run"
    assert run(["train", "--corpus", corpus_file, *SMALL, "--out", out], capsys)[0] == 0
    m = json.loads((out / "metrics.json").read_text(), parse_constant=pytest.fail)
    assert set(m["time_s"]) == {"startup", "load", "train", "write"}
    assert all(v is None or v >= 0 for v in m["time_s"].values())
    assert {"numpy", "scipy", "python"} <= set(m["versions"])


# --------------------------------------------------------------------------------------------
# [5] finite or nothing
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("opt", ["--lr", "--alpha"])
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-0.1"])
def test_non_finite_or_non_positive_lr_refused(opt, value, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["train", f"{opt}={value}", "--out", str(tmp_path / "o")])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--lr" in err and "finite number > 0" in err
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("opt", ["--subsample", "--damping"])
def test_infinite_subsample_and_damping_refused(opt, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["train", opt, "inf", "--out", str(tmp_path / "o")])
    assert exc.value.code == 2 and opt in capsys.readouterr().err


def test_non_finite_vectors_after_the_last_update_write_nothing(corpus_file, tmp_path, capsys,
                                                                 monkeypatch):
    real_train = fast.train

    def diverges_at_the_end(*a, **k):
        r = real_train(*a, **k)
        r.W_in[3, 0] = np.nan  # as if the very last update blew up
        return r
    monkeypatch.setattr(fast, "train", diverges_at_the_end)
    rc, _, err = run(["train", "--corpus", corpus_file, *SMALL, "--out", tmp_path / "o"], capsys)
    assert rc == 2 and "nan or inf" in err and "--lr" in err
    assert leftovers(tmp_path) == ["tiny.txt"]


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("exporter", ["npz", "word2vec", "projector", "text"])
def test_exporters_refuse_non_finite_vectors(exporter, bad, tmp_path):
    W = np.ones((3, 2), dtype=np.float32)
    W[1, 1] = bad
    words = {0: "a", 1: "b", 2: "c"}
    call = {"npz": lambda: save_vectors(tmp_path / "v.npz", W, words),
            "word2vec": lambda: save_word2vec_format(tmp_path / "v.txt", W, words),
            "projector": lambda: save_projector(tmp_path, W, words),
            "text": lambda: save_text_exports(tmp_path, W, words)}[exporter]
    with pytest.raises(ValueError, match=r"nan or inf \(first: word 'b'\)"):
        call()
    assert leftovers(tmp_path) == []


class _ToyModel:
    """One parameter; the loss is what ``losses`` says, then the weights are set to ``final``."""

    def __init__(self, losses, final=1.0):
        self.params, self.grads = [np.zeros(2, np.float32)], [np.zeros(2, np.float32)]
        self.losses, self.final, self.calls = list(losses), final, 0

    def forward(self, x, t):
        self.calls += 1
        return self.losses.pop(0)

    def backward(self):
        pass


class _SetWeights:
    def __init__(self, model):
        self.model = model

    def update(self, params, grads):
        if not self.model.losses:  # the last update
            params[0][:] = self.model.final


def test_trainer_stops_on_a_non_finite_loss():
    model = _ToyModel([1.0, 0.9, np.nan, 0.5, 0.4])
    with pytest.raises(FloatingPointError, match=r"loss is nan at iteration 3 .*learning rate"):
        Trainer(model, _SetWeights(model)).fit(np.zeros(5), np.zeros(5), max_epoch=1,
                                               batch_size=1, progress=False)
    assert model.calls == 3  # it stopped there


def test_trainer_checks_the_weights_after_the_last_update():
    model = _ToyModel([1.0, 0.9], final=np.inf)
    with pytest.raises(FloatingPointError, match=r"params\[0\] holds nan or inf after the last update"):
        Trainer(model, _SetWeights(model)).fit(np.zeros(2), np.zeros(2), max_epoch=1,
                                               batch_size=1, progress=False)


# --------------------------------------------------------------------------------------------
# [7] file round-trips
# --------------------------------------------------------------------------------------------
def test_load_vectors_finds_the_npz_save_vectors_wrote(tmp_path):
    W = np.arange(6, dtype=np.float32).reshape(3, 2)
    written = save_vectors(tmp_path / "vecs", W, {0: "a", 1: "b", 2: "c"})
    assert written.name == "vecs.npz"
    W2, w2i, _ = load_vectors(tmp_path / "vecs")
    np.testing.assert_array_equal(W2, W)
    assert w2i == {"a": 0, "b": 1, "c": 2}
    with pytest.raises(FileNotFoundError, match=r"other \(nor other.npz\)"):
        load_vectors(tmp_path / "other")


def test_dotted_name_keeps_its_dot(tmp_path):
    W = np.ones((1, 2), dtype=np.float32)
    assert save_vectors(tmp_path / "run.v1", W, ["a"]).name == "run.v1.npz"
    assert load_vectors(tmp_path / "run.v1")[1] == {"a": 0}


@pytest.mark.parametrize("exporter", ["npz", "word2vec", "projector", "text"])
def test_duplicate_words_refused_at_export(exporter, tmp_path):
    W = np.ones((3, 2), dtype=np.float32)
    words = ["a", "b", "a"]
    call = {"npz": lambda: save_vectors(tmp_path / "v.npz", W, words),
            "word2vec": lambda: save_word2vec_format(tmp_path / "v.txt", W, words),
            "projector": lambda: save_projector(tmp_path, W, words),
            "text": lambda: save_text_exports(tmp_path, W, words)}[exporter]
    with pytest.raises(ValueError, match=r"duplicate words \['a'\]"):
        call()
    assert leftovers(tmp_path) == []


def test_word2vec_reader_accepts_word2vec_c_and_fasttext_lines(tmp_path):
    p = tmp_path / "w2v_c.txt"
    # word2vec.c and fastText end every vector line with a space; Windows adds \r
    p.write_bytes(b"\xef\xbb\xbf2 3\r\nthe 0.1 0.2 0.3 \r\n\xea\xb3\xa0\xec\x96\x91\xec\x9d\xb4 1 2 3 \r\n")
    W, w2i, _ = load_word2vec_format(p)
    assert w2i == {"the": 0, "고양이": 1}
    np.testing.assert_allclose(W, [[0.1, 0.2, 0.3], [1, 2, 3]], rtol=1e-6)


def test_word2vec_reader_errors_name_the_line(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("2 3\na 1 2 3\nb 1 2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3 has 2 numbers, expected 3"):
        load_word2vec_format(p)
    p.write_text("3 3\na 1 2 3\nb 1 2 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="announces 3 vectors, the file holds 2"):
        load_word2vec_format(p)
    p.write_text("2 3\na 1 2 3\nb 1 x 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3 holds something that is not a number"):
        load_word2vec_format(p)
    p.write_text("hello world\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1 must be 'V H'"):
        load_word2vec_format(p)


def test_text_exports_round_trip_and_match_the_single_exporters(tmp_path):
    rng = np.random.default_rng(0)
    W = rng.standard_normal((5, 4)).astype(np.float32)
    words = ["a", "b", "c", "고양이", "<eos>"]
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    save_text_exports(tmp_path / "one", W, words)
    save_word2vec_format(tmp_path / "two" / "vectors.txt", W, words)
    save_projector(tmp_path / "two", W, words)
    for name in ("vectors.txt", "vectors.tsv", "metadata.tsv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    W2, w2i, _ = load_word2vec_format(tmp_path / "one" / "vectors.txt")
    np.testing.assert_allclose(W2, W, rtol=1e-5)
    assert list(w2i) == words


# --------------------------------------------------------------------------------------------
# [8] argument errors
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["same same same same same same\n" * 3, "\n\n   \n\n", ""])
def test_one_distinct_word_or_blank_lines(text, tmp_path, capsys, no_training):
    p = tmp_path / "c.txt"
    p.write_text(text, encoding="utf-8")
    rc, _, err = run(["train", "--corpus", p, "--min-count", "1", "--out", tmp_path / "o"], capsys)
    assert rc == 2 and "cannot draw" not in err
    if text.strip():  # 'same' and the line ends' <eos>: one word of the text
        assert "1 distinct word ['same']" in err and "at least 2 distinct words" in err
    else:
        assert "holds no words" in err and "blank lines" in err
    assert leftovers(tmp_path) == ["c.txt"]


def test_one_distinct_word_without_line_ends(tmp_path, capsys, no_training):
    p = tmp_path / "c.txt"
    p.write_text("same " * 20, encoding="utf-8")
    rc, _, err = run(["train", "--corpus", p, "--min-count", "1", "--out", tmp_path / "o"], capsys)
    assert rc == 2 and "distinct word" in err and "at least 2" in err


@pytest.mark.parametrize("value", ["-1", "1.5", "x"])
def test_seed_must_be_a_non_negative_integer(value, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["train", "--seed", value, "--out", str(tmp_path / "o")])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--seed" in err and "integer >= 0" in err


def test_backend_numba_trains_or_is_refused_in_words(corpus_file, tmp_path, capsys):
    out = tmp_path / "o"
    rc, _, err = run(["train", "--corpus", corpus_file, *SMALL, "--backend", "numba",
                      "--out", out], capsys)
    if rc == 0:  # the compiled backend is there: it was used
        assert json.loads((out / "metrics.json").read_text())["settings"]["backend"] == "numba"
    else:
        assert rc == 2 and "numba" in err and "Traceback" not in err
        assert leftovers(tmp_path) == ["tiny.txt"]


def test_backend_numpy_is_the_default(corpus_file, tmp_path, capsys):
    out = tmp_path / "o"
    assert run(["train", "--corpus", corpus_file, *SMALL, "--out", out], capsys)[0] == 0
    assert json.loads((out / "metrics.json").read_text())["settings"]["backend"] == "numpy"


@pytest.fixture
def sigint_default():
    """Python's own Ctrl-C handler (KeyboardInterrupt) for the test: pytest-xdist's workers ignore SIGINT
    (and a child process inherits an ignored signal), which would make a Ctrl-C test pass nothing."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers can only be set from the main thread")
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)


def _sigint_as_default():
    """For a child process: Ctrl-C handled as usual even if this process ignores it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_while_files_move_in_is_held_until_the_set_is_complete(corpus_file, tmp_path,
                                                                      capsys, monkeypatch, sigint_default):
    import signal

    out = tmp_path / "run"
    assert run(["train", "--corpus", corpus_file, *SMALL, "--out", out], capsys)[0] == 0
    real_replace = os.replace
    calls = []

    def replace_then_ctrl_c(src, dst):
        real_replace(src, dst)
        if Path(dst).parent != out:  # a file written into the staging folder
            return
        calls.append(Path(dst).name)
        if len(calls) == 1:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C after the first file moved in
    monkeypatch.setattr(cli.os, "replace", replace_then_ctrl_c)
    rc, _, err = run(["train", "--corpus", corpus_file, *SMALL, "--seed", "7", "--out", out], capsys)
    assert rc == 130 and "interrupted after the run's files were moved" in err
    assert calls == list(cli.RUN_FILES)  # all five moved in before the interrupt was delivered
    assert json.loads((out / "metrics.json").read_text())["settings"]["seed"] == 7
    assert leftovers(out) == sorted(cli.RUN_FILES)


# --------------------------------------------------------------------------------------------
# [8] layer arguments
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("idx", [[], np.array([], dtype=np.int64), ()])
def test_embedding_forward_of_no_ids(idx):
    from w2vlib.layers import Embedding

    with pytest.raises(ValueError, match="idx is empty: Embedding.forward needs at least one word id"):
        Embedding(np.ones((3, 2), np.float32)).forward(idx)


@pytest.mark.parametrize("labels", [[0, 2], [1, -1], [0.5, 1], [np.nan, 0]])
def test_sigmoid_with_loss_labels_are_0_or_1(labels):
    from w2vlib.layers import SigmoidWithLoss

    with pytest.raises(ValueError, match="labels t must be 0 or 1"):
        SigmoidWithLoss().forward(np.zeros(2, np.float32), np.array(labels))


def test_sigmoid_with_loss_accepts_bool_and_float_labels():
    from w2vlib.layers import SigmoidWithLoss

    a = SigmoidWithLoss().forward(np.array([0.3, -1.2], np.float32), np.array([True, False]))
    b = SigmoidWithLoss().forward(np.array([0.3, -1.2], np.float32), np.array([1.0, 0.0]))
    assert a == b and math.isfinite(a)


# --------------------------------------------------------------------------------------------
# [6] a damaged pretrained cache is trained again
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("damage", ["truncate", "empty", "garbage", "bad_json", "nan"])
def test_damaged_pretrained_cache_is_retrained(damage, tmp_path, monkeypatch):
    from w2vlib import pretrained

    W = np.arange(6, dtype=np.float32).reshape(2, 3)
    path = pretrained.save_ptb_vectors(W, ["x", "y"], tmp_path, hidden_size=3)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])  # BadZipFile
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "garbage":
        path.write_bytes(b"PK\x03\x04" + bytes(200))  # a zip header, then nothing readable
    elif damage == "bad_json":
        path.with_suffix(".json").write_text("{", encoding="utf-8")
    else:
        W_nan = W.copy()
        W_nan[0, 0] = np.nan
        np.savez(path, W=W_nan, words=np.array(["x", "y"]))
    trained = []

    class Result:
        W_in = W + 1

    def fake_train(corpus, V, **kw):
        trained.append(kw)
        return Result()
    monkeypatch.setattr(pretrained, "load_ptb", lambda *a, **k: (None, {"x": 0, "y": 1}, {0: "x", 1: "y"}))
    monkeypatch.setattr(fast, "train", fake_train)
    W2, w2i, _ = pretrained.ptb_vectors(tmp_path, hidden_size=3)
    assert len(trained) == 1 and np.array_equal(W2, W + 1) and w2i == {"x": 0, "y": 1}
    # and the damaged file was replaced by a good one
    assert np.array_equal(pretrained._cached(path, pretrained.ptb_settings(hidden_size=3))[0], W + 1)


# --------------------------------------------------------------------------------------------
# [2] evaluation files with a BOM or in another encoding
# --------------------------------------------------------------------------------------------
def test_evaluate_analogies_accepts_a_bom(tmp_path):
    from w2vlib.evaluation import evaluate_analogies, read_analogies

    p = tmp_path / "questions.txt"
    p.write_bytes("\ufeff: capital\r\nathens greece berlin germany\r\n".encode("utf-8"))
    assert read_analogies(p) == [("capital", [("athens", "greece", "berlin", "germany")])]
    words = ["athens", "greece", "berlin", "germany"]
    W = np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1]], dtype=np.float32)
    res = evaluate_analogies(p, W, {w: i for i, w in enumerate(words)})
    assert res.accuracy == 1.0


def test_evaluation_file_in_another_encoding_is_named(tmp_path):
    from w2vlib.evaluation import read_word_pairs

    p = tmp_path / "pairs.txt"
    p.write_bytes("고양이\t강아지\t8.5\n".encode("cp949"))
    with pytest.raises(UnicodeDecodeError, match=r"pairs.txt: byte 0 \(line 1\) is not valid utf-8"):
        read_word_pairs(p)


# --------------------------------------------------------------------------------------------
# [5] [8] similarity queries: non-finite rows, negative top
# --------------------------------------------------------------------------------------------
def _vocab_with_a_nan_row():
    W = np.array([[1, 0], [np.nan, 1], [0, 1], [1, 1]], dtype=np.float32)
    words = ["a", "b", "c", "d"]
    return W, {w: i for i, w in enumerate(words)}, dict(enumerate(words))


def test_most_similar_refuses_a_non_finite_query_row():
    from w2vlib.similarity import most_similar

    W, w2i, i2w = _vocab_with_a_nan_row()
    with pytest.raises(ValueError, match="vector of the query word 'b' holds nan or inf"):
        most_similar("b", w2i, i2w, W)
    assert [w for w, _ in most_similar("a", w2i, i2w, W, top=3)] == ["d", "c"]  # not b (nan)


def test_analogy_refuses_a_non_finite_query_row():
    from w2vlib.similarity import analogy

    W, w2i, i2w = _vocab_with_a_nan_row()
    with pytest.raises(ValueError, match="'b' holds nan or inf"):
        analogy("a", "b", "c", w2i, i2w, W)


@pytest.mark.parametrize("top", [-1, 1.5, float("nan"), "3"])
def test_top_must_be_a_non_negative_integer(top):
    from w2vlib.similarity import analogy, most_similar

    W, w2i, i2w = _vocab_with_a_nan_row()
    W[1, 0] = 0
    with pytest.raises(ValueError, match="top must be an integer >= 0"):
        most_similar("a", w2i, i2w, W, top=top)
    with pytest.raises(ValueError, match="top must be an integer >= 0"):
        analogy("a", "b", "c", w2i, i2w, W, top=top)
    assert most_similar("a", w2i, i2w, W, top=0) == []


def test_word_vectors_refuse_nan_queries_and_negative_topn():
    from w2vlib.wordvectors import WordVectors

    W, _, i2w = _vocab_with_a_nan_row()
    wv = WordVectors(W, [i2w[i] for i in range(4)])
    with pytest.raises(ValueError, match="'b' holds nan or inf"):
        wv.most_similar("b")
    with pytest.raises(ValueError, match="query vector holds nan"):
        wv.most_similar([np.array([np.nan, 1.0])])
    with pytest.raises(ValueError, match="topn must be an integer >= 0"):
        wv.most_similar("a", topn=-1)


def test_every_reader_takes_an_encoding(tmp_path):
    from w2vlib.evaluation import evaluate_similarity, read_analogies, read_word_pairs
    from w2vlib.wordvectors import WordVectors

    q = tmp_path / "q.txt"
    q.write_bytes(": 수도\n서울 한국 도쿄 일본\n".encode("cp949"))
    assert read_analogies(q, encoding="cp949")[0][0] == "수도"
    pairs = tmp_path / "pairs.txt"
    pairs.write_bytes("고양이\t강아지\t8.5\n고양이\t서울\t1.0\n강아지\t서울\t2\n".encode("cp949"))
    assert read_word_pairs(pairs, encoding="cp949")[0] == ("고양이", "강아지", 8.5)
    W = np.array([[1, 0], [0.9, 0.1], [0, 1]], dtype=np.float32)
    res = evaluate_similarity(pairs, W, {"고양이": 0, "강아지": 1, "서울": 2}, encoding="cp949")
    assert res.n_pairs == 3
    v = tmp_path / "v.txt"
    v.write_bytes("1 2\n고양이 1 2\n".encode("cp949"))
    assert WordVectors.load_word2vec_format(v, encoding="cp949").index_to_key == ["고양이"]


def test_limit_vocab_arguments_and_min_count_0():
    from w2vlib.corpus import limit_vocab

    corpus = np.array([0, 1, 0, 0, 1, 2], dtype=np.int32)
    i2w = {0: "a", 1: "b", 2: "c", 3: "never"}
    c, w2i, _, dropped = limit_vocab(corpus, i2w, 0)
    assert list(w2i) == ["a", "b", "c", "never"] and dropped == 0 and np.array_equal(c, corpus)
    c, w2i, _, dropped = limit_vocab(corpus, i2w, 2)
    assert list(w2i) == ["a", "b"] and dropped == 1 and c.tolist() == [0, 1, 0, 0, 1]
    for bad in (-1, 1.5):
        with pytest.raises(ValueError, match="min_count must be an integer >= 0"):
            limit_vocab(corpus, i2w, bad)
    with pytest.raises(ValueError, match="max_vocab must be a positive integer"):
        limit_vocab(corpus, i2w, 1, max_vocab=0)


# --------------------------------------------------------------------------------------------
# fast.train refuses what the CLI refuses
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["alpha", "lr"])
@pytest.mark.parametrize("value", [np.nan, np.inf, 0.0, -0.1])
def test_fast_train_refuses_a_non_finite_alpha(name, value):
    with pytest.raises(ValueError, match=r"alpha \(lr\) must be a finite number > 0"):
        fast.train(np.arange(20) % 4, epochs=1, progress=False, **{name: value})


@pytest.mark.parametrize("name", ["sample", "damping"])
def test_fast_train_refuses_infinite_sample_and_damping(name):
    with pytest.raises(ValueError, match=f"{name} must be >= 0 .* and finite"):
        fast.train(np.arange(20) % 4, epochs=1, progress=False, **{name: np.inf})


@pytest.mark.parametrize("seed", [-1, 1.5, "0"])
def test_fast_train_seed_is_a_non_negative_integer(seed):
    with pytest.raises((ValueError, TypeError), match="seed must be an int"):
        fast.train(np.arange(20) % 4, epochs=1, progress=False, seed=seed)


def test_fast_train_one_distinct_word_is_a_clear_error():
    with pytest.raises(ValueError, match="one distinct word .*at least 2"):
        fast.train(np.full(50, 3), vocab_size=5, epochs=1, progress=False)


def test_fast_train_says_when_the_loss_did_not_fall():
    corpus = read_text_corpus(KO)[0]
    with pytest.warns(RuntimeWarning, match=r"the loss did not fall: 4.1589 at the start.*tokens, "
                                            r"batch_size=1024.*smaller batch_size"):
        fast.train(corpus, batch_size=1024, hidden_size=8, progress=False)  # the case


def test_fast_train_checks_the_weights_after_the_last_update(monkeypatch):
    from w2vlib.fast import training

    real = training.sgd_step_of

    def poisoned(backend):
        step = real(backend)
        calls = []

        def sgd_step(W_in, W_out, batch, lr):
            loss = step(W_in, W_out, batch, lr)
            calls.append(1)
            W_out[0, 0] = np.inf  # the update blows a weight up; this step's loss was finite
            return loss
        return sgd_step
    monkeypatch.setattr(training, "sgd_step_of", poisoned)
    with pytest.raises(FloatingPointError, match="W_out holds nan or inf after the last update"):
        fast.train(np.arange(40) % 5, epochs=1, batch_size=64, hidden_size=4, sample=0,
                   progress=False)


def test_fast_train_min_count_and_max_vocab():
    corpus = np.array([0, 1, 0, 2, 0, 1, 3, 0, 1, 0, 2, 1] * 5)  # counts 25, 20, 10, 5
    words = {0: "the", 1: "cat", 2: "sat", 3: "teh"}
    r = fast.train(corpus, 4, epochs=1, hidden_size=4, sample=0, progress=False, min_count=6,
                   id_to_word=words)
    assert r.kept_ids.tolist() == [0, 1, 2] and r.W_in.shape == (3, 4)
    assert r.wv.index_to_key == ["the", "cat", "sat"] and r.corpus_words == 55
    assert r.settings["min_count"] == 6 and r.settings["vocab_size"] == 3
    r = fast.train(corpus, 4, epochs=1, hidden_size=4, sample=0, progress=False, max_vocab=2)
    assert r.kept_ids.tolist() == [0, 1] and r.index_to_key is None
    assert fast.train(corpus, 4, epochs=1, hidden_size=4, sample=0, progress=False).kept_ids is None
    with pytest.raises(ValueError, match=r"min_count=30, max_vocab=None leave 0 of 4 words .*lower min_count"):
        fast.train(corpus, 4, epochs=1, progress=False, min_count=30)


def test_corpus_that_is_a_folder(tmp_path, capsys, no_training):
    (tmp_path / "texts").mkdir()
    rc, _, err = run(["train", "--corpus", tmp_path / "texts", "--out", tmp_path / "o"], capsys)
    assert rc == 2 and "is a folder, not a text file" in err
    assert leftovers(tmp_path) == ["texts"]


@pytest.mark.parametrize("kind", ["gzip", "bz2", "zip"])
def test_compressed_corpus_says_decompress(kind, tmp_path, capsys, no_training):
    import bz2
    import gzip
    import zipfile

    p = tmp_path / f"corpus.{kind}"
    text = b"the cat sat on the mat\n" * 50
    if kind == "gzip":
        p.write_bytes(gzip.compress(text))
    elif kind == "bz2":
        p.write_bytes(bz2.compress(text))
    else:
        with zipfile.ZipFile(p, "w") as z:
            z.writestr("corpus.txt", text)
    rc, _, err = run(["train", "--corpus", p, "--out", tmp_path / "o"], capsys)
    assert rc == 2 and "compressed file, not text: decompress it first" in err
    assert leftovers(tmp_path) == [p.name]


def test_real_ctrl_c_during_training_leaves_the_previous_run(corpus_file, tmp_path, capsys, sigint_default):
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "run"
    assert run(["train", "--corpus", corpus_file, *SMALL, "--out", out], capsys)[0] == 0
    before = _snapshot(out)
    big = tmp_path / "big.txt"
    rng = np.random.default_rng(0)
    big.write_text("\n".join(" ".join(rng.choice([f"w{i}" for i in range(200)], 20))
                             for _ in range(2000)) + "\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(cli.__file__).parents[1]))
    proc = subprocess.Popen([sys.executable, "-m", "w2vlib", "train", "--corpus", str(big),
                             "--epochs", "500", "--no-progress", "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=_sigint_as_default)
    deadline = time.monotonic() + 60
    while not list(out.glob(".w2vlib-run-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the staging folder appears before the corpus is read
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted: nothing was written" in err and "Traceback" not in err
    assert _snapshot(out) == before


def test_two_concurrent_runs_into_one_out_each_leave_a_consistent_set(corpus_file, tmp_path):
    """Two processes train into the same --out at once: both finish, and the files left are one run's."""
    import subprocess
    import sys

    out = tmp_path / "shared"
    env = dict(os.environ, PYTHONPATH=str(Path(cli.__file__).parents[1]))
    procs = [subprocess.Popen([sys.executable, "-m", "w2vlib", "train", "--corpus", str(corpus_file), *SMALL,
                               "--seed", str(seed), "--out", str(out)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for seed in (1, 2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    W, _, id_to_word = load_vectors(out / "vectors.npz")
    Wt, _, id_to_word_t = load_word2vec_format(out / "vectors.txt")
    assert id_to_word == id_to_word_t
    np.testing.assert_allclose(Wt, W, rtol=1e-5, atol=1e-6)  # the text export belongs to the same run
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert json.dumps(metrics).count('"seed"') >= 1
    assert not list(out.glob(".w2vlib-run-*")), "a staging folder was left behind"


def test_a_long_corpus_on_one_line_trains(tmp_path, capsys):
    """4.4 million tokens with no line break (a scraped text dump): one line, one <eos>, and it trains."""
    rng = np.random.default_rng(0)
    vocab = np.array([f"w{i}" for i in range(500)])
    words = vocab[rng.zipf(1.3, size=4_400_000) % 500]
    path = tmp_path / "one_line.txt"
    path.write_text(" ".join(words.tolist()), encoding="utf-8")
    corpus, word_to_id, _ = read_text_corpus(path)
    assert len(corpus) == 4_400_001 and corpus[-1] == word_to_id["<eos>"]
    rc, _, err = run(["train", "--corpus", path, "--epochs", "1", "--hidden", "8", "--window", "2",
                      "--negative", "2", "--no-progress", "--out", tmp_path / "o"], capsys)
    assert rc == 0, err
    assert (tmp_path / "o" / "vectors.npz").exists()
