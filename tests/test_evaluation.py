"""Tests for w2vlib.evaluation (analogies, word-pair similarity) and data/analogies_ptb.txt."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import spearmanr

from w2vlib import data
from w2vlib.evaluation import (
    AnalogyResult,
    evaluate_analogies,
    evaluate_similarity,
    read_analogies,
    read_word_pairs,
)

REPO = Path(__file__).resolve().parents[1]
ANALOGY_FILE = REPO / "data" / "analogies_ptb.txt"


def write(tmp_path, text, name="q.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- exact synthetic vectors


def relation_vectors(sections: dict[str, list[tuple[str, str]]], extra=(), seed=0):
    """Unit vectors where every analogy inside a section is exactly solvable.

    With orthonormal entity vectors e_k and relation vectors r0, r1 (one pair per section),
    x_k = (e_k + r0)/sqrt2 and y_k = (e_k + r1)/sqrt2, so y_i - x_i + x_j == y_j exactly.
    """
    words = [w for pairs in sections.values() for pair in pairs for w in pair] + list(extra)
    n_basis = sum(len(p) for p in sections.values()) + 2 * len(sections) + len(extra)
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((n_basis + 3, n_basis)))
    basis = iter(Q.T)  # orthonormal rows
    W = np.zeros((len(words), n_basis + 3), dtype=np.float32)
    word_to_id = {w: i for i, w in enumerate(words)}
    for pairs in sections.values():
        r0, r1 = next(basis), next(basis)
        for x, y in pairs:
            e = next(basis)
            W[word_to_id[x]] = (e + r0) / np.sqrt(2)
            W[word_to_id[y]] = (e + r1) / np.sqrt(2)
    for w in extra:
        W[word_to_id[w]] = next(basis)
    return W, word_to_id


SECTIONS = {
    "gender": [("man", "woman"), ("king", "queen"), ("boy", "girl"), ("he", "she")],
    "tense": [("go", "went"), ("say", "said"), ("take", "took")],
}


@pytest.fixture
def exact():
    return relation_vectors(SECTIONS, extra=["noise"])


QUESTIONS = """\
: gender
man woman king queen
King Queen boy girl
boy girl he she
man woman dragon dragoness
: tense
go went say said
say said take took
take took go went
take took go goes
go went say took
"""


@pytest.mark.parametrize("method", ["add", "mul"])
def test_exact_analogies(tmp_path, exact, method):
    W, word_to_id = exact
    res = evaluate_analogies(write(tmp_path, QUESTIONS), W, word_to_id, method=method)
    assert isinstance(res, AnalogyResult) and res.method == method
    # gender: 4 questions, one has OOV words (dragon); tense: 5 questions, the last two have a
    # wrong expected answer (goes is OOV -> skipped; "took" is the wrong answer for say -> wrong).
    assert (res.n_total, res.n_answered, res.n_correct) == (9, 7, 6)
    assert res.n_oov == 2
    assert res.accuracy == pytest.approx(6 / 7)
    assert res.coverage == pytest.approx(7 / 9)
    g, t = res.sections["gender"], res.sections["tense"]
    assert (g.correct, g.answered, g.total) == (3, 3, 4)
    assert (t.correct, t.answered, t.total) == (3, 4, 5)
    assert g.accuracy == 1.0 and t.accuracy == 0.75 and g.coverage == 0.75
    assert list(res.sections) == ["gender", "tense"]  # file order
    # one flag per answered question, in file order (dragon and goes are skipped; "took" is wrong)
    assert res.correct.tolist() == [True, True, True, True, True, True, False]
    assert res.questions.shape == (7, 4)
    assert res.questions[0].tolist() == [word_to_id[w] for w in ("man", "woman", "king", "queen")]


def test_lowercase_flag(tmp_path, exact):
    W, word_to_id = exact
    path = write(tmp_path, ": s\nMAN WOMAN KING QUEEN\n")
    assert evaluate_analogies(path, W, word_to_id).n_correct == 1
    assert evaluate_analogies(path, W, word_to_id, lowercase=False).n_answered == 0


def test_cased_vocabulary_still_found_with_lowercase(tmp_path):
    W, word_to_id = relation_vectors({"c": [("Paris", "France"), ("Tokyo", "Japan")]})
    path = write(tmp_path, ": c\nParis France Tokyo Japan\n")
    assert evaluate_analogies(path, W, word_to_id).n_correct == 1


def brute_force(W, q_ids, method, eps=1e-3):
    """One question at a time, plain loops: the reference for the vectorised code."""
    Wn = W / np.linalg.norm(W, axis=1, keepdims=True)
    a, b, c = q_ids
    best, best_score = None, -np.inf
    for d in range(len(Wn)):
        if d in (a, b, c):
            continue
        if method == "add":
            score = Wn[d] @ (Wn[b] - Wn[a] + Wn[c])
        else:
            cos = lambda u: (Wn[d] @ Wn[u] + 1) / 2  # noqa: E731
            score = cos(b) * cos(c) / (cos(a) + eps)
        if score > best_score:
            best, best_score = d, score
    return best


@pytest.mark.parametrize("method", ["add", "mul"])
def test_matches_brute_force_and_excludes_query_words(tmp_path, method):
    rng = np.random.default_rng(1)
    V = 40
    W = rng.standard_normal((V, 6)).astype(np.float32)
    words = [f"w{i}" for i in range(V)]
    word_to_id = {w: i for i, w in enumerate(words)}
    qs = [tuple(rng.choice(V, size=3, replace=False)) for _ in range(60)]
    qs += [(3, 3, 5), (7, 8, 7)]  # repeated query words are excluded too
    answers = [brute_force(W, q, method) for q in qs]
    lines = [": right"] + [" ".join(words[i] for i in (*q, d)) for q, d in zip(qs, answers)]
    # The same questions with the third query word as the expected answer: never predicted.
    lines += [": excluded"] + [" ".join(words[i] for i in (*q, q[2])) for q in qs]
    path = write(tmp_path, "\n".join(lines) + "\n")
    for batch_size in (1, 7, None):
        res = evaluate_analogies(path, W, word_to_id, method=method, batch_size=batch_size)
        assert res.sections["right"].correct == len(qs)
        assert res.sections["excluded"].correct == 0


def test_add_and_mul_can_disagree(tmp_path):
    rng = np.random.default_rng(2)
    W = rng.standard_normal((60, 4)).astype(np.float32)
    word_to_id = {f"w{i}": i for i in range(60)}
    qs = [tuple(rng.choice(60, size=3, replace=False)) for _ in range(80)]
    adds = [brute_force(W, q, "add") for q in qs]
    muls = [brute_force(W, q, "mul") for q in qs]
    assert adds != muls  # so the two code paths are really tested separately
    path = write(tmp_path, ": s\n" + "".join(f"w{a} w{b} w{c} w{d}\n" for (a, b, c), d in zip(qs, adds)))
    assert evaluate_analogies(path, W, word_to_id, method="add").n_correct == len(qs)
    n_same = sum(x == y for x, y in zip(adds, muls))
    assert evaluate_analogies(path, W, word_to_id, method="mul").n_correct == n_same


def test_zero_rows_do_not_break_scoring(tmp_path, exact):
    W, word_to_id = exact
    W = np.vstack([W, np.zeros((1, W.shape[1]), np.float32)])
    word_to_id = dict(word_to_id, blank=len(W) - 1)
    path = write(tmp_path, ": s\nman woman king queen\nman woman blank girl\n")
    with np.errstate(all="raise"):
        res = evaluate_analogies(path, W, word_to_id)
    assert (res.n_answered, res.sections["s"].correct) == (2, 1)


def test_result_table_and_str(tmp_path, exact):
    W, word_to_id = exact
    res = evaluate_analogies(write(tmp_path, QUESTIONS), W, word_to_id)
    table = res.table()
    assert "gender" in table and "tense" in table and "overall" in table
    assert "0.8571" in table  # 6/7
    assert "accuracy 0.8571" in str(res) and "2 of 9" in str(res)


def test_nothing_answered_gives_nan_accuracy(tmp_path, exact):
    W, word_to_id = exact
    res = evaluate_analogies(write(tmp_path, ": s\na b c d\n"), W, word_to_id)
    assert res.n_answered == 0 and res.coverage == 0 and math.isnan(res.accuracy)
    assert "-" in res.table()


@pytest.mark.parametrize(
    "text, match",
    [
        ("", "no analogy questions"),
        (": only\n: headers\n", "no analogy questions"),
        ("man woman king queen\n", r"q\.txt:1: question before"),
        (": s\nman woman king queen\nman woman king\n", r"q\.txt:3: expected 4 words"),
        (":\nman woman king queen\n", "empty section"),
    ],
)
def test_analogy_file_errors(tmp_path, exact, text, match):
    W, word_to_id = exact
    with pytest.raises(ValueError, match=match):
        evaluate_analogies(write(tmp_path, text), W, word_to_id)


def test_analogy_argument_errors(tmp_path, exact):
    W, word_to_id = exact
    path = write(tmp_path, QUESTIONS)
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        evaluate_analogies(tmp_path / "nope.txt", W, word_to_id)
    with pytest.raises(ValueError, match="method"):
        evaluate_analogies(path, W, word_to_id, method="cos")
    with pytest.raises(ValueError, match="2-D"):
        evaluate_analogies(path, W[0], word_to_id)
    with pytest.raises(ValueError, match="batch_size"):
        evaluate_analogies(path, W, word_to_id, batch_size=0)
    with pytest.raises(ValueError, match="outside"):
        evaluate_analogies(path, W[:3], word_to_id)


def test_read_analogies_structure(tmp_path):
    sections = read_analogies(write(tmp_path, ": a\nw x y z\n\n: b\np q r s\nt u v w\n"))
    assert sections == [("a", [("w", "x", "y", "z")]), ("b", [("p", "q", "r", "s"), ("t", "u", "v", "w")])]


# ----------------------------------------------------------------------------- similarity


@pytest.fixture
def sim_setup(tmp_path):
    rng = np.random.default_rng(3)
    V = 30
    W = rng.standard_normal((V, 5)).astype(np.float32)
    word_to_id = {f"w{i}": i for i in range(V)}
    pairs = [tuple(rng.choice(V, size=2, replace=False)) for _ in range(25)]
    scores = rng.uniform(0, 10, size=len(pairs)).round(2)
    lines = ["# a comment", "Word 1\tWord 2\tHuman (mean)"]
    lines += [f"W{a}\tw{b}\t{s}" for (a, b), s in zip(pairs, scores)]
    lines += ["w1\tunknownword\t5.0", "zzz\tw2\t1.0", ""]
    path = write(tmp_path, "\n".join(lines), "pairs.tsv")
    Wn = W / np.linalg.norm(W, axis=1, keepdims=True)
    cos = [float(Wn[a] @ Wn[b]) for a, b in pairs]
    return path, W, word_to_id, spearmanr(cos, scores)


def test_similarity_matches_scipy(sim_setup):
    path, W, word_to_id, expected = sim_setup
    res = evaluate_similarity(path, W, word_to_id)
    assert res.spearman == pytest.approx(expected.statistic, abs=1e-6)
    assert res.pvalue == pytest.approx(expected.pvalue, rel=1e-4)
    assert (res.n_total, res.n_pairs, res.n_oov) == (27, 25, 2)
    assert res.oov_ratio == pytest.approx(2 / 27)
    assert "Spearman" in str(res)


def test_similarity_perfect_ranking(tmp_path):
    # Scores that are an increasing function of the true cosine: rho is exactly 1.
    rng = np.random.default_rng(4)
    W = rng.standard_normal((12, 3))
    Wn = W / np.linalg.norm(W, axis=1, keepdims=True)
    word_to_id = {f"w{i}": i for i in range(12)}
    pairs = [(i, j) for i in range(12) for j in range(i + 1, 12)][:30]
    lines = [f"w{i}\tw{j}\t{10 * np.exp(Wn[i] @ Wn[j]):.6f}" for i, j in pairs]
    res = evaluate_similarity(write(tmp_path, "\n".join(lines)), W, word_to_id)
    assert res.spearman == pytest.approx(1.0) and res.n_oov == 0


def test_similarity_score_column_and_spaces(tmp_path, sim_setup):
    _, W, word_to_id, _ = sim_setup
    simlex = "word1\tword2\tPOS\tSimLex999\nw1\tw2\tA\t3.5\nw3\tw4\tN\t7.0\nw5\tw6\tV\t1.0\n"
    res = evaluate_similarity(write(tmp_path, simlex), W, word_to_id, score_col=3)
    assert res.n_pairs == 3
    spaced = "w1 w2 3.5\nw3 w4 7\nw5 w6 1\n"
    assert read_word_pairs(write(tmp_path, spaced, "s.txt")) == [
        ("w1", "w2", 3.5), ("w3", "w4", 7.0), ("w5", "w6", 1.0)
    ]


def test_similarity_too_few_pairs_is_nan(tmp_path, sim_setup):
    _, W, word_to_id, _ = sim_setup
    res = evaluate_similarity(write(tmp_path, "w1\tw2\t3\nw1\tnope\t4\n"), W, word_to_id)
    assert math.isnan(res.spearman) and res.n_pairs == 1 and res.oov_ratio == 0.5


@pytest.mark.parametrize(
    "text, match",
    [
        ("", "no word pairs"),
        ("# only a comment\n", "no word pairs"),
        ("w1\tw2\t1\nw3\tw4\n", r"p\.tsv:2: expected"),
        ("w1\tw2\t1\nw3\tw4\thigh\n", r"p\.tsv:2: score 'high'"),
    ],
)
def test_similarity_file_errors(tmp_path, sim_setup, text, match):
    _, W, word_to_id, _ = sim_setup
    with pytest.raises(ValueError, match=match):
        evaluate_similarity(write(tmp_path, text, "p.tsv"), W, word_to_id)


def test_similarity_missing_file(tmp_path, sim_setup):
    _, W, word_to_id, _ = sim_setup
    with pytest.raises(FileNotFoundError):
        evaluate_similarity(tmp_path / "missing.tsv", W, word_to_id)


# ----------------------------------------------------------------------------- data/analogies_ptb.txt


def test_project_analogy_file_shape():
    sections = read_analogies(ANALOGY_FILE)
    n_questions = sum(len(q) for _, q in sections)
    assert n_questions >= 150
    assert len(sections) >= 6
    assert all(len(q) >= 20 for _, q in sections)
    names = [name for name, _ in sections]
    assert len(set(names)) == len(names)
    for _, qs in sections:
        assert len(set(qs)) == len(qs)  # no duplicate questions
        for a, b, c, d in qs:
            assert (a, b) != (c, d) and a == a.lower()


def test_project_analogy_file_is_generated_by_the_script():
    spec = importlib.util.spec_from_file_location("make_analogies", REPO / "data" / "make_analogies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render() == ANALOGY_FILE.read_text(encoding="utf-8")


@pytest.fixture
def ptb_vocab(monkeypatch, tmp_path, ptb_dir):
    monkeypatch.setenv("W2VLIB_PTB_DIR", str(ptb_dir))
    return data.ptb_vocab(tmp_path)


def test_every_analogy_word_is_in_the_ptb_vocabulary(ptb_vocab):
    word_to_id, _ = ptb_vocab
    words = {w for _, qs in read_analogies(ANALOGY_FILE) for q in qs for w in q}
    missing = sorted(words - word_to_id.keys())
    assert not missing, f"not in the PTB vocabulary: {missing}"


def test_project_analogy_file_with_any_vectors(ptb_vocab):
    word_to_id, _ = ptb_vocab
    W = np.random.default_rng(0).standard_normal((len(word_to_id), 16)).astype(np.float32)
    for method in ("add", "mul"):
        res = evaluate_analogies(ANALOGY_FILE, W, word_to_id, method=method)
        assert res.coverage == 1.0 and res.n_total >= 150
        assert res.accuracy < 0.05  # random vectors answer almost nothing (chance is 1 in 10,000)
        assert sum(s.total for s in res.sections.values()) == res.n_total


def test_result_table_and_summary_in_korean(tmp_path, exact):
    from w2vlib.text import display_width

    W, word_to_id = exact
    res = evaluate_analogies(write(tmp_path, QUESTIONS), W, word_to_id)
    table = res.table(lang="ko")
    lines = table.splitlines()
    assert lines[0].split() == ["범주", "정답", "답함", "전체", "정확도", "커버리지"]
    assert lines[-1].startswith("전체") and "0.8571" in lines[-1]
    assert "overall" not in table and "accuracy" not in table
    # aligned by display width: every line that is not a rule ends in the same column
    assert len({display_width(line) for line in lines}) == 1
    assert res.table(lang="en") == res.table()
    assert res.summary(lang="ko").startswith("유추 (add): 정확도 0.8571") and str(res) == res.summary()
    with pytest.raises(ValueError, match="lang must be one of"):
        res.table(lang="kr")


def test_similarity_summary_in_korean(tmp_path, exact):
    W, word_to_id = exact
    pairs = tmp_path / "pairs.txt"
    words = list(word_to_id)[:4]
    pairs.write_text("".join(f"{a}\t{b}\t{s}\n" for a, b, s in zip(words, words[1:], (1.0, 5.0, 3.0))),
                     encoding="utf-8")
    res = evaluate_similarity(pairs, W, word_to_id)
    assert res.summary(lang="ko").startswith("유사도: 스피어먼 rho") and str(res) == res.summary("en")
