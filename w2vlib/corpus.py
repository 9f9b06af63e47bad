"""Text to word ids, (contexts, target) pairs, and one-hot vectors."""
from __future__ import annotations

import re

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = ["TOY_TEXT", "preprocess", "create_contexts_target", "convert_one_hot", "tokenize"]

TOY_TEXT = "You say goodbye and I say hello."


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
    word_to_id: dict[str, int] = {}
    for w in words:
        if w not in word_to_id:
            word_to_id[w] = len(word_to_id)
    id_to_word = {i: w for w, i in word_to_id.items()}
    corpus = np.fromiter((word_to_id[w] for w in words), dtype=np.int32, count=len(words))
    return corpus, word_to_id, id_to_word


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
