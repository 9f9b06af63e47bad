"""WordVectors: gensim's KeyedVectors conventions, and gensim's answers on the same vectors."""
import math

import numpy as np
import pytest

from w2vlib import WordVectors, fast
from w2vlib.pretrained import ptb_word_vectors  # noqa: F401  (offered by pretrained)

WORDS = [f"w{i}" for i in range(60)]


@pytest.fixture
def vectors():
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((6, 12))
    W = centres[np.arange(60) % 6] + 0.3 * rng.standard_normal((60, 12))  # six groups of ten
    return W.astype(np.float32)


@pytest.fixture
def wv(vectors):
    return WordVectors(vectors, WORDS)


@pytest.fixture
def eval_files(tmp_path):
    rng = np.random.default_rng(1)
    lines = []
    for s in range(3):
        lines.append(f": section-{s}")
        for _ in range(40):
            lines.append(" ".join(WORDS[i] for i in rng.choice(60, 4, replace=False)))
    lines.append("W1 w2 w3 notaword")  # out of vocabulary; upper case found case-insensitively
    analogies = tmp_path / "analogies.txt"
    analogies.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pairs = tmp_path / "pairs.tsv"
    rows = [f"{WORDS[a]}\t{WORDS[b]}\t{rng.uniform(0, 10):.2f}" for a, b in rng.integers(0, 60, (50, 2))]
    rows += ["w1\tzebra\t3.0"]  # out of vocabulary
    pairs.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return analogies, pairs


def test_keyed_vectors_basics(wv, vectors):
    assert len(wv) == 60 and "w3" in wv and "zebra" not in wv
    assert wv.key_to_index["w3"] == 3 and wv.index_to_key[3] == "w3" and wv.vector_size == 12
    np.testing.assert_array_equal(wv["w3"], vectors[3])
    np.testing.assert_array_equal(wv[["w3", "w5"]], vectors[[3, 5]])
    with pytest.raises(KeyError, match="'zebra' is not in the vocabulary"):
        wv["zebra"]
    assert WordVectors(vectors, dict(enumerate(WORDS))).index_to_key == WORDS  # the book's id_to_word
    with pytest.raises(ValueError, match="twice"):
        WordVectors(vectors[:2], ["a", "a"])
    with pytest.raises(ValueError, match="60 words"):
        WordVectors(vectors[:5], WORDS)


def test_most_similar_single_word_or_list(wv):
    one = wv.most_similar("w0", topn=5)
    assert one == wv.most_similar(positive=["w0"], topn=5)
    assert len(one) == 5 and "w0" not in [w for w, _ in one]
    assert all(int(w[1:]) % 6 == 0 for w, _ in one)  # its group
    assert [s for _, s in one] == sorted((s for _, s in one), reverse=True)
    assert wv.most_similar(positive="w0", negative="w1", topn=3)[0][0] != "w1"
    with pytest.raises(ValueError, match="at least one"):
        wv.most_similar()


def test_unit_rows_are_cached_and_dropped_when_vectors_are_replaced(wv, vectors):
    u1 = wv.get_normed_vectors()
    assert wv.get_normed_vectors() is u1  # computed once
    wv.vectors = -vectors
    np.testing.assert_allclose(wv.get_normed_vectors(), -u1, rtol=1e-6)
    assert wv.most_similar("w0", topn=1)[0][0] == WordVectors(-vectors, WORDS).most_similar("w0", topn=1)[0][0]
    with pytest.raises(ValueError, match="60 words"):
        wv.vectors = vectors[:3]


def test_save_and_load_round_trips(wv, tmp_path):
    p = wv.save(tmp_path / "v.npz")
    again = WordVectors.load(p)
    np.testing.assert_array_equal(again.vectors, wv.vectors)
    assert again.index_to_key == wv.index_to_key
    t = wv.save_word2vec_format(tmp_path / "v.txt")
    back = WordVectors.load_word2vec_format(t)
    np.testing.assert_allclose(back.vectors, wv.vectors, rtol=1e-5)


def test_load_word2vec_format_accepts_a_trailing_space(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("2 3\nab 1 2 3 \ncd 4 5 6 \n", encoding="utf-8")  # as word2vec.c and fastText write
    wv = WordVectors.load_word2vec_format(p)
    assert wv.index_to_key == ["ab", "cd"]
    np.testing.assert_array_equal(wv["cd"], [4, 5, 6])


def test_fast_result_offers_word_vectors():
    corpus = np.tile(np.arange(10, dtype=np.int32), 30)
    r = fast.train(corpus, epochs=1, hidden_size=4, subsample=0, progress=False,
                   id_to_word={i: f"w{i}" for i in range(10)})
    assert r.wv.index_to_key[3] == "w3" and r.wv.vectors is r.W_in
    r.index_to_key = None
    with pytest.raises(AttributeError, match="id_to_word"):
        r.wv


def test_answers_equal_gensim(wv, vectors, eval_files):
    gensim_models = pytest.importorskip("gensim.models")
    kv = gensim_models.KeyedVectors(12)
    kv.add_vectors(WORDS, vectors)
    analogies, pairs = eval_files
    for q in ("w0", "w7", "w33"):
        ours, theirs = wv.most_similar(q, topn=8), kv.most_similar(q, topn=8)
        assert [w for w, _ in ours] == [w for w, _ in theirs]
        np.testing.assert_allclose([s for _, s in ours], [s for _, s in theirs], rtol=1e-5, atol=1e-6)
    ours = wv.most_similar(positive=["w1", "w2"], negative=["w3"], topn=6)
    theirs = kv.most_similar(positive=["w1", "w2"], negative=["w3"], topn=6)
    assert [w for w, _ in ours] == [w for w, _ in theirs]
    assert wv.similarity("w1", "w8") == pytest.approx(float(kv.similarity("w1", "w8")), rel=1e-5)
    group = ["w0", "w6", "w12", "w18", "w5"]
    assert wv.doesnt_match(group) == kv.doesnt_match(group) == "w5"
    score, sections = wv.evaluate_word_analogies(analogies)
    g_score, g_sections = kv.evaluate_word_analogies(str(analogies))
    assert score == pytest.approx(g_score) and 0 < score < 1
    assert [s["section"] for s in sections] == [s["section"] for s in g_sections]
    for s, g in zip(sections, g_sections):
        assert s["correct"] == g["correct"] and s["incorrect"] == g["incorrect"]
    pearson, spearman, oov = wv.evaluate_word_pairs(pairs)
    g_pearson, g_spearman, g_oov = kv.evaluate_word_pairs(str(pairs))
    assert pearson[0] == pytest.approx(g_pearson[0], rel=1e-5)
    assert spearman[0] == pytest.approx(g_spearman[0], rel=1e-5)
    assert oov == pytest.approx(g_oov) == 100 / 51  # a percentage, as gensim


def test_evaluation_with_no_covered_pairs_is_nan(wv, tmp_path):
    p = tmp_path / "p.tsv"
    p.write_text("x\ty\t1.0\nw1\tz\t2.0\n", encoding="utf-8")
    pearson, spearman, oov = wv.evaluate_word_pairs(p)
    assert math.isnan(spearman[0]) and oov == 100.0
