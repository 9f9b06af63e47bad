"""Text to word ids, (contexts, target) pairs, and one-hot vectors.

This module owns reading text and building a vocabulary; ``w2vlib.data`` (PTB) and the command
line use it:

* :func:`read_words` reads a text file in the PTB convention (the one reader);
* :func:`build_vocab` gives ids in order of first appearance, :func:`words_to_ids` maps words to
  them; :func:`read_corpus` is the three together (a file to the book's ``(corpus, word_to_id,
  id_to_word)``), and :func:`preprocess` is the book's version for a string;
* :func:`limit_vocab` drops rare words (``min_count``) and caps the vocabulary (``max_vocab``).
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ._io import read_text

__all__ = ["TOY_TEXT", "EOS", "preprocess", "create_contexts_target", "convert_one_hot", "tokenize",
           "read_words", "build_vocab", "words_to_ids", "read_corpus", "limit_vocab"]

TOY_TEXT = "You say goodbye and I say hello."

#: The end-of-sentence token that ends every line (PTB's and the book's).
EOS = "<eos>"


def read_words(path, encoding: str = "utf-8", eos: str = EOS, option: str = "encoding") -> list[str]:
    """The words of a text file in the PTB convention, with ``eos`` at every line end.

    * **Decoding** (by ``w2vlib._io.read_text``): a byte-order mark is dropped (Notepad's UTF-8
      BOM never becomes part of the first word); bytes that ``encoding`` cannot decode raise a
      ``UnicodeDecodeError`` naming the file, the byte offset and line, and ``option`` (the
      argument to set; the command line passes ``--encoding``).

    * **Words** are separated by any whitespace (spaces, tabs); spaces at the start or the end of
      a line (PTB ends every line with one) change nothing.
    * **Line ends**: ``\n``, ``\r\n`` and ``\r`` all end a line (Python's universal newlines).
    * Every line that holds words is followed by ``eos``, including a **last line without a final
      newline**.
    * **Blank lines** (empty, or only whitespace) add nothing: no word and no ``eos``.

    So ``"a b\n\nc"`` and ``"a b \r\nc\n"`` both give ``["a", "b", "<eos>", "c", "<eos>"]``.
    """
    text = read_text(path, encoding=encoding, option=option)  # \r\n and \r arrive as \n
    words: list[str] = []
    for line in text.split("\n"):
        tokens = line.split()
        if tokens:
            words.extend(tokens)
            words.append(eos)
    return words


def build_vocab(words) -> tuple[dict[str, int], dict[int, str]]:
    """``(word_to_id, id_to_word)``, ids given in order of first appearance (the book's rule)."""
    word_to_id: dict[str, int] = {}
    for w in words:
        if w not in word_to_id:
            word_to_id[w] = len(word_to_id)
    return word_to_id, {i: w for w, i in word_to_id.items()}


def words_to_ids(words, word_to_id) -> np.ndarray:
    """The ids of ``words`` as an int32 array; a word outside ``word_to_id`` raises ``KeyError``."""
    try:
        return np.fromiter((word_to_id[w] for w in words), dtype=np.int32, count=len(words))
    except KeyError as e:
        raise KeyError(f"word {e.args[0]!r} is not in the vocabulary") from None


def read_corpus(path, encoding: str = "utf-8", option: str = "encoding"):
    """A text file (see :func:`read_words`) as the book's ``(corpus, word_to_id, id_to_word)``."""
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"corpus {path} is a folder, not a text file")
    if not path.is_file():
        raise FileNotFoundError(f"corpus file not found: {path}")
    words = read_words(path, encoding=encoding, option=option)
    if not words:
        raise ValueError(f"corpus file {path} holds no words (it is empty or only blank lines)")
    word_to_id, id_to_word = build_vocab(words)
    return words_to_ids(words, word_to_id), word_to_id, id_to_word


def limit_vocab(corpus, id_to_word, min_count=1, max_vocab=None):
    """Drop the words seen fewer than ``min_count`` times, then keep the ``max_vocab`` most frequent.

    ``min_count=0`` keeps every word of ``id_to_word``, also one the corpus never uses (PTB's valid
    split with the train vocabulary); ``min_count=1`` drops those.

    As in word2vec.c and gensim (``min_count``, ``max_final_vocab``), the dropped words are
    removed from the corpus, not replaced by an unknown-word token. The kept words keep their
    relative order of ids (ties for the last ``max_vocab`` places go to the earlier id). Returns
    ``(corpus, word_to_id, id_to_word, n_dropped_tokens)``.
    """
    corpus = np.asarray(corpus)
    if int(min_count) != min_count or min_count < 0:
        raise ValueError(f"min_count must be an integer >= 0, got {min_count!r}")
    if max_vocab is not None and (int(max_vocab) != max_vocab or max_vocab < 1):
        raise ValueError(f"max_vocab must be a positive integer or None, got {max_vocab!r}")
    counts = np.bincount(corpus, minlength=len(id_to_word))
    keep = counts >= min_count if min_count > 0 else np.ones(counts.size, dtype=bool)
    if max_vocab is not None and keep.sum() > max_vocab:
        # the max_vocab most frequent kept words; ties go to the earlier id (stable sort)
        order = np.argsort(-np.where(keep, counts, -1), kind="stable")
        keep = np.zeros_like(keep)
        keep[order[:max_vocab]] = True
    if keep.all():
        return corpus, {w: i for i, w in id_to_word.items()}, dict(id_to_word), 0
    new_id = np.cumsum(keep) - 1
    mask = keep[corpus]
    new_corpus = new_id[corpus[mask]].astype(np.int32)
    new_i2w = {int(new_id[i]): id_to_word[i] for i in np.flatnonzero(keep)}
    return new_corpus, {w: i for i, w in new_i2w.items()}, new_i2w, int(corpus.size - mask.sum())


def tokenize(text: str) -> list[str]:
    """Lower-case and split on whitespace, with sentence punctuation as its own token."""
    text = text.lower()
    text = re.sub(r"([.,!?;:])", r" \1", text)
    return text.split()


def preprocess(text: str):
    """The book's ``preprocess``: ``text -> (corpus, word_to_id, id_to_word)``.

    Ids are given in order of first appearance; ``corpus`` is an int32 array.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    words = tokenize(text)
    if not words:
        raise ValueError("the text is empty: there is nothing to build a corpus from")
    word_to_id, id_to_word = build_vocab(words)
    return words_to_ids(words, word_to_id), word_to_id, id_to_word


def create_contexts_target(corpus, window_size: int = 1):
    """All (contexts, target) pairs: ``contexts`` (N, 2*window), ``target`` (N,).

    Vectorised with a sliding window view: row i of the view is
    ``corpus[i : i + 2*window + 1]``; its middle is the target and the rest are
    the contexts. ``N = len(corpus) - 2*window``.
    """
    corpus = np.asarray(corpus)
    if int(window_size) != window_size or window_size < 1:
        raise ValueError(f"window_size must be an integer >= 1, got {window_size!r}")
    if corpus.ndim != 1:
        raise ValueError(f"corpus must be 1-D, got shape {corpus.shape}")
    if corpus.size == 0:
        raise ValueError("the corpus is empty")
    if not np.issubdtype(corpus.dtype, np.integer):
        raise TypeError(f"corpus must hold integer ids, got dtype {corpus.dtype}")
    span = 2 * window_size + 1
    if corpus.size < span:
        raise ValueError(f"a corpus of {corpus.size} words is too short for window_size={window_size} (needs {span})")
    windows = sliding_window_view(corpus, span)
    target = windows[:, window_size].copy()
    contexts = np.delete(windows, window_size, axis=1)
    return contexts, target


def convert_one_hot(corpus, vocab_size: int, dtype=np.float32) -> np.ndarray:
    """One-hot encode ids of any shape: the result has one more axis of length ``vocab_size``.

    float32 by default so it can go straight into a :class:`~w2vlib.layers.MatMul`.
    This is the representation the chapter gets rid of: look at its size.
    """
    corpus = np.asarray(corpus)
    if not np.issubdtype(corpus.dtype, np.integer):
        raise TypeError(f"ids must be integers, got dtype {corpus.dtype}")
    if corpus.size and (corpus.min() < 0 or corpus.max() >= vocab_size):
        raise IndexError(f"ids must lie in [0, {vocab_size}), got range [{corpus.min()}, {corpus.max()}]")
    one_hot = np.zeros(corpus.shape + (vocab_size,), dtype=dtype)
    np.put_along_axis(one_hot, corpus[..., None].astype(np.intp), 1, axis=-1)
    return one_hot
