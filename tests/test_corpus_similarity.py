"""Corpus tools, similarity, analogies, and the vectors file formats."""
import numpy as np
import pytest

from w2vlib import (
    TOY_TEXT, analogy, convert_one_hot, cos_similarity, create_contexts_target, load_vectors, most_similar,
    preprocess, save_projector, save_vectors, save_word2vec_format,
)
from w2vlib.vectors import load_word2vec_format


def test_preprocess_toy():
    corpus, w2i, i2w = preprocess(TOY_TEXT)
    assert corpus.tolist() == [0, 1, 2, 3, 4, 1, 5, 6]
    assert corpus.dtype == np.int32
    assert w2i["say"] == 1 and i2w[6] == "."


def test_contexts_target_match_the_loop():
    corpus = np.random.default_rng(0).integers(0, 20, 50)
    for w in (1, 2, 5):
        contexts, target = create_contexts_target(corpus, w)
        loop_c = [[corpus[i + o] for o in range(-w, w + 1) if o] for i in range(w, len(corpus) - w)]
        assert np.array_equal(contexts, loop_c)
        assert np.array_equal(target, corpus[w:-w])


def test_corpus_bad_input():
    with pytest.raises(ValueError, match="empty"):
        preprocess("   ")
    with pytest.raises(ValueError, match="empty"):
        create_contexts_target(np.array([], dtype=int), 1)
    with pytest.raises(ValueError, match="window_size"):
        create_contexts_target(np.arange(10), 0)
    with pytest.raises(ValueError, match="too short"):
        create_contexts_target(np.arange(3), 2)
    with pytest.raises(IndexError):
        convert_one_hot(np.array([0, 9]), 5)


def test_convert_one_hot():
    oh = convert_one_hot(np.array([[0, 2], [1, 1]]), 3)
    assert oh.shape == (2, 2, 3) and oh.dtype == np.float32
    assert np.array_equal(oh.argmax(-1), [[0, 2], [1, 1]]) and oh.sum() == 4


@pytest.fixture
def space():
    words = ["king", "queen", "man", "woman", "apple", "car"]
    w2i = {w: i for i, w in enumerate(words)}
    i2w = dict(enumerate(words))
    W = np.array([[1, 1, 0, 0], [1, -1, 0, 0], [0, 1, 0, 0.1], [0, -1, 0, 0.1], [0, 0, 1, 0], [0, 0, 0, 1]], np.float32)
    return w2i, i2w, W


def test_cos_similarity():
    assert cos_similarity(np.array([1.0, 0]), np.array([2.0, 0])) == pytest.approx(1.0)
    assert cos_similarity(np.array([1.0, 0]), np.array([0.0, 3])) == pytest.approx(0.0)
    assert cos_similarity(np.zeros(2), np.ones(2)) == 0.0


def test_most_similar_and_analogy(space):
    w2i, i2w, W = space
    top = most_similar("king", w2i, i2w, W, top=3)
    assert [w for w, _ in top][0] in ("queen", "man") and "king" not in [w for w, _ in top]
    assert len(top) == 3 and top[0][1] >= top[1][1] >= top[2][1]
    res = analogy("man", "king", "woman", w2i, i2w, W, top=2)
    assert res[0][0] == "queen"
    assert {"man", "king", "woman"}.isdisjoint(w for w, _ in res)


def test_dot_ranking_differs_from_cosine():
    # A long vector wins the book's raw dot product even though its angle is worse.
    words = ["a", "b", "c", "right", "long"]
    w2i = {w: i for i, w in enumerate(words)}
    i2w = dict(enumerate(words))
    W = np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1], [0, 10, 3]], np.float32)
    assert analogy("a", "b", "c", w2i, i2w, W, top=1)[0][0] == "right"
    assert analogy("a", "b", "c", w2i, i2w, W, top=1, method="dot")[0][0] == "long"


def test_unknown_words_raise_keyerror_naming_them(space):
    w2i, i2w, W = space
    with pytest.raises(KeyError, match="zebra"):
        most_similar("zebra", w2i, i2w, W)
    with pytest.raises(KeyError, match="zebra"):
        analogy("king", "zebra", "man", w2i, i2w, W)
    with pytest.raises(ValueError, match="method"):
        analogy("king", "queen", "man", w2i, i2w, W, method="euclid")


def test_vector_files_round_trip(tmp_path, space):
    w2i, i2w, W = space
    path = save_vectors(tmp_path / "vecs.npz", W, i2w)
    W2, w2i2, i2w2 = load_vectors(path)
    assert np.array_equal(W, W2) and w2i2 == w2i and i2w2 == i2w
    with np.load(path, allow_pickle=False) as data:  # no pickle needed
        assert set(data.files) == {"W", "words"}
    save_word2vec_format(tmp_path / "vecs.txt", W, i2w)
    lines = (tmp_path / "vecs.txt").read_text().splitlines()
    assert lines[0] == "6 4" and lines[1].split()[0] == "king" and len(lines) == 7
    W3, w2i3, _ = load_word2vec_format(tmp_path / "vecs.txt")
    np.testing.assert_allclose(W3, W, atol=1e-6)
    assert w2i3 == w2i
    vec, meta = save_projector(tmp_path / "proj", W, i2w)
    assert meta.read_text().splitlines() == list(w2i)  # single column: no header row
    rows = [r.split("\t") for r in vec.read_text().splitlines()]
    assert len(rows) == 6 and all(len(r) == 4 for r in rows)


def test_written_files_are_readable_by_others(tmp_path, space):
    w2i, i2w, W = space
    paths = [save_vectors(tmp_path / "v.npz", W, i2w), save_word2vec_format(tmp_path / "v.txt", W, i2w),
             *save_projector(tmp_path / "proj", W, i2w)]
    for p in paths:
        assert p.stat().st_mode & 0o777 == 0o644, p.name
    assert sorted(f.name for f in tmp_path.iterdir()) == ["proj", "v.npz", "v.txt"]  # no temp files left


def test_word2vec_text_loads_in_gensim(tmp_path, space):
    gensim_models = pytest.importorskip("gensim.models")
    w2i, i2w, W = space
    save_word2vec_format(tmp_path / "vecs.txt", W, i2w)
    kv = gensim_models.KeyedVectors.load_word2vec_format(str(tmp_path / "vecs.txt"), binary=False)
    np.testing.assert_allclose(kv["queen"], W[1], atol=1e-6)


def test_vector_files_bad_input(tmp_path):
    with pytest.raises(ValueError, match="whitespace"):
        save_word2vec_format(tmp_path / "x.txt", np.zeros((1, 2), np.float32), {0: "new york"})
    with pytest.raises(ValueError, match="words for"):
        save_vectors(tmp_path / "x.npz", np.zeros((2, 2), np.float32), {0: "a"})
    np.savez(tmp_path / "other.npz", X=np.zeros(2))
    with pytest.raises(ValueError, match="not a w2vlib vectors file"):
        load_vectors(tmp_path / "other.npz")


def test_similarity_needs_one_row_per_word(space):
    w2i, i2w, W = space
    with pytest.raises(ValueError, match="must match"):
        most_similar("king", w2i, i2w, np.vstack([W, W]))
    with pytest.raises(ValueError, match="integer"):
        most_similar("king", w2i, i2w, W, top=2.5)
    assert len(most_similar("king", w2i, i2w, W, top=100)) == len(w2i) - 1  # top > V: every other word


# ----------------------------------------------------------------------------- the one text reader
from w2vlib.corpus import build_vocab, read_corpus, read_words, words_to_ids  # noqa: E402


def _words_of(tmp_path, raw: bytes):
    p = tmp_path / "c.txt"
    p.write_bytes(raw)
    return read_words(p)


def test_reader_puts_eos_at_every_line_end(tmp_path):
    assert _words_of(tmp_path, b"a b\nc\n") == ["a", "b", "<eos>", "c", "<eos>"]


def test_reader_last_line_without_newline_gets_eos(tmp_path):
    assert _words_of(tmp_path, b"a b\nc") == ["a", "b", "<eos>", "c", "<eos>"]


def test_reader_blank_lines_add_nothing(tmp_path):
    assert _words_of(tmp_path, b"a b\n\n   \n\t\nc\n\n") == ["a", "b", "<eos>", "c", "<eos>"]


def test_reader_line_ends_crlf_and_cr(tmp_path):
    assert _words_of(tmp_path, b"a b\r\nc\rd\n") == ["a", "b", "<eos>", "c", "<eos>", "d", "<eos>"]


def test_reader_trailing_and_leading_spaces_change_nothing(tmp_path):
    # PTB writes " a b \n": a space before and after every line; the old two readers disagreed on
    # "b<eos>c" only when the space was missing.
    assert _words_of(tmp_path, b" a  b \n c\t\n") == _words_of(tmp_path, b"a b\nc\n")


def test_read_corpus_builds_the_vocabulary_by_first_appearance(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("b a b\nc\n", encoding="utf-8")
    corpus, w2i, i2w = read_corpus(p)
    assert w2i == {"b": 0, "a": 1, "<eos>": 2, "c": 3} and corpus.tolist() == [0, 1, 0, 2, 3, 2]
    assert i2w == {i: w for w, i in w2i.items()} and corpus.dtype == np.int32
    assert build_vocab(["x", "y", "x"])[0] == {"x": 0, "y": 1}
    with pytest.raises(KeyError, match="'z' is not in the vocabulary"):
        words_to_ids(["x", "z"], {"x": 0})
    (tmp_path / "blank.txt").write_text("\n \n", encoding="utf-8")
    with pytest.raises(ValueError, match="holds no words"):
        read_corpus(tmp_path / "blank.txt")
    with pytest.raises(FileNotFoundError, match="not found"):
        read_corpus(tmp_path / "missing.txt")


def test_reader_encoding_parameter(tmp_path):
    p = tmp_path / "ko.txt"
    p.write_bytes("한국어 단어\n".encode("cp949"))
    assert read_words(p, encoding="cp949") == ["한국어", "단어", "<eos>"]
