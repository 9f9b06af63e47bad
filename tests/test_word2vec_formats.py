"""word2vec files as users meet them: binary (word2vec.c's -binary 1, gensim's binary=True), limit=, and
Korean text saved in Unicode NFD (decomposed jamo, as some macOS tools write it)."""
import unicodedata

import numpy as np
import pytest

from w2vlib import WordVectors
from w2vlib.corpus import read_corpus, read_words
from w2vlib.vectors import load_word2vec_format, save_word2vec_format

WORDS = ["서울", "king", "café", "<eos>"]


def _wv(seed=0):
    rng = np.random.default_rng(seed)
    return WordVectors(rng.standard_normal((len(WORDS), 5)).astype(np.float32), WORDS)


@pytest.mark.parametrize("binary", [False, True])
def test_round_trip_own_format(tmp_path, binary):
    wv = _wv()
    path = wv.save_word2vec_format(tmp_path / "v.bin", binary=binary)
    back = WordVectors.load_word2vec_format(path, binary=binary)
    assert back.index_to_key == WORDS
    np.testing.assert_allclose(back.vectors, wv.vectors, rtol=0 if binary else 1e-5, atol=0 if binary else 1e-6)


@pytest.mark.parametrize("binary", [False, True])
def test_gensim_reads_what_we_write(tmp_path, binary):
    gensim_models = pytest.importorskip("gensim.models")
    wv = _wv(1)
    path = wv.save_word2vec_format(tmp_path / "ours", binary=binary)
    kv = gensim_models.KeyedVectors.load_word2vec_format(str(path), binary=binary)
    assert list(kv.index_to_key) == WORDS
    np.testing.assert_allclose(kv.vectors, wv.vectors, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("binary", [False, True])
def test_we_read_what_gensim_writes(tmp_path, binary):
    gensim_models = pytest.importorskip("gensim.models")
    wv = _wv(2)
    kv = gensim_models.KeyedVectors(vector_size=5)
    kv.add_vectors(WORDS, wv.vectors)
    path = tmp_path / "theirs"
    kv.save_word2vec_format(str(path), binary=binary)
    back = WordVectors.load_word2vec_format(path, binary=binary)
    assert back.index_to_key == WORDS
    np.testing.assert_allclose(back.vectors, wv.vectors, rtol=1e-5, atol=1e-6)
    assert "서울" in back and np.array_equal(back["서울"], back.vectors[0])


@pytest.mark.parametrize("binary", [False, True])
def test_limit_reads_only_the_first_vectors(tmp_path, binary):
    wv = _wv(3)
    path = wv.save_word2vec_format(tmp_path / "v", binary=binary)
    two = WordVectors.load_word2vec_format(path, binary=binary, limit=2)
    assert two.index_to_key == WORDS[:2] and two.vectors.shape == (2, 5)
    assert WordVectors.load_word2vec_format(path, binary=binary, limit=99).index_to_key == WORDS
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="limit"):
            WordVectors.load_word2vec_format(path, binary=binary, limit=bad)


def test_text_read_of_a_binary_file_names_binary_true(tmp_path):
    path = _wv(4).save_word2vec_format(tmp_path / "v.bin", binary=True)
    with pytest.raises(ValueError, match="binary=True") as err:
        WordVectors.load_word2vec_format(path)
    assert "cp949" not in str(err.value)


def test_truncated_binary_file_is_reported(tmp_path):
    path = _wv(5).save_word2vec_format(tmp_path / "v.bin", binary=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 10])
    with pytest.raises(ValueError, match="ends after 3 of the 4 vectors"):
        WordVectors.load_word2vec_format(path, binary=True)


def test_binary_word_in_another_encoding_is_reported(tmp_path):
    path = tmp_path / "v.bin"
    path.write_bytes(b"1 2\n" + "고양이".encode("cp949") + b" " + np.zeros(2, "<f4").tobytes() + b"\n")
    with pytest.raises(ValueError, match="not valid utf-8"):
        WordVectors.load_word2vec_format(path, binary=True)
    wv = WordVectors.load_word2vec_format(path, binary=True, encoding="cp949")
    assert wv.index_to_key == ["고양이"]


def test_nfd_corpus_is_read_as_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "서울 은 크다\n서울 에 간다\n")
    assert nfd != unicodedata.normalize("NFC", nfd)
    path = tmp_path / "ko.txt"
    path.write_text(nfd, encoding="utf-8")
    words = read_words(path)
    assert words[0] == "서울" and all(unicodedata.is_normalized("NFC", w) for w in words)
    corpus, word_to_id, id_to_word = read_corpus(path)
    assert "서울" in word_to_id and corpus.tolist().count(word_to_id["서울"]) == 2


def test_nfd_query_finds_an_nfc_word_and_back():
    wv = _wv(6)
    nfd = unicodedata.normalize("NFD", "서울")
    assert nfd != "서울"
    assert nfd in wv and np.array_equal(wv[nfd], wv["서울"])
    assert wv.most_similar(nfd, topn=1)[0][0] != "서울"
    stored_nfd = WordVectors(wv.vectors, [nfd] + WORDS[1:])  # vectors built by other tools, words as they were
    assert "서울" in stored_nfd and stored_nfd.get_index("서울") == 0
    assert "부산" not in wv
    with pytest.raises(KeyError, match="not in the vocabulary"):
        wv["부산"]


def test_nfd_word2vec_text_file_is_read_as_nfc(tmp_path):
    path = tmp_path / "v.txt"
    path.write_text(unicodedata.normalize("NFD", "1 2\n서울 0.5 0.25\n"), encoding="utf-8")
    W, word_to_id, _ = load_word2vec_format(path)
    assert list(word_to_id) == ["서울"]
    save_word2vec_format(tmp_path / "again.txt", W, ["서울"])
