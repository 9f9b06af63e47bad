"""``WordVectors``: trained word vectors with gensim's ``KeyedVectors`` conventions, on plain numpy.

The notebooks of the book pass ``(W, word_to_id, id_to_word)`` around; a gensim user expects one
object. :class:`WordVectors` is that object, with gensim's names, arguments and return shapes::

    wv = WordVectors(W, id_to_word)              # or result.wv, ptb_word_vectors(), WordVectors.load(p)
    wv["king"]                                   # the vector (a list of words: a 2-D array)
    "king" in wv, len(wv), wv.key_to_index["king"], wv.index_to_key[0]
    wv.most_similar("king", topn=5)              # [(word, cosine), ...]
    wv.most_similar(positive=["woman", "king"], negative=["man"])
    wv.similarity("car", "truck"), wv.doesnt_match(["car", "truck", "apple"])
    score, sections = wv.evaluate_word_analogies("data/analogies_ptb.txt")
    pearson, spearman, oov_percent = wv.evaluate_word_pairs("wordsim353.tsv")
    wv.save("vecs.npz"); WordVectors.load("vecs.npz")           # .npz, no pickle
    wv.save_word2vec_format("vecs.txt"); WordVectors.load_word2vec_format("vecs.txt")

Unit-length rows are computed once and cached (gensim recomputes nothing either); assigning a new
matrix to ``wv.vectors`` drops the cache. After changing ``wv.vectors`` *in place*, call
``wv.fill_norms(force=True)``.

The answers equal gensim's ``KeyedVectors`` on the same vectors (``tests/test_wordvectors.py``
checks it when gensim is installed). Differences: the readers of the evaluation files are
:func:`w2vlib.evaluation.read_analogies` / :func:`~w2vlib.evaluation.read_word_pairs`, which
raise a ``ValueError`` naming the line for a malformed line where gensim skips it silently;
``oov_ratio`` is, as in gensim, a *percentage* (0 to 100).
"""
from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np

from .evaluation import read_analogies, read_word_pairs
from .similarity import analogy_scores, check_finite_rows, check_top, lookup, normalize

__all__ = ["WordVectors"]

_MAX_SCORE_ELEMENTS = 1 << 24  # questions x vocabulary scored at once (about 64 MB of float32)


def _as_list(words):
    """gensim accepts one word or a list of words."""
    if words is None:
        return []
    if isinstance(words, (str, np.ndarray)):
        return [words]
    return list(words)


class WordVectors:
    """Word vectors ``vectors`` (V, H), one row per word of ``index_to_key``.

    ``index_to_key``: a list of words, or the book's ``id_to_word`` dict (ids ``0..V-1``).
    """

    def __init__(self, vectors, index_to_key):
        if isinstance(index_to_key, dict):
            index_to_key = [index_to_key[i] for i in range(len(index_to_key))]
        self.index_to_key = [str(w) for w in index_to_key]
        self.key_to_index = {w: i for i, w in enumerate(self.index_to_key)}
        if len(self.key_to_index) != len(self.index_to_key):
            raise ValueError("index_to_key holds a word twice: every word needs its own row")
        self.vectors = vectors

    # ------------------------------------------------------------------ the matrix and its rows
    @property
    def vectors(self) -> np.ndarray:
        return self._vectors

    @vectors.setter
    def vectors(self, value):
        value = np.asarray(value)
        if value.ndim != 2 or value.shape[0] != len(self.index_to_key):
            raise ValueError(f"vectors must be (V, H) with V = {len(self.index_to_key)} words, "
                             f"got shape {value.shape}")
        if not np.issubdtype(value.dtype, np.floating):
            raise TypeError(f"vectors must hold floats, got dtype {value.dtype}")
        self._vectors = value
        self._unit = None  # a new matrix: the cached unit rows are stale

    @property
    def vector_size(self) -> int:
        return self._vectors.shape[1]

    def fill_norms(self, force: bool = False) -> None:
        """Compute (or, with ``force``, recompute) the cached unit-length rows."""
        if self._unit is None or force:
            self._unit = normalize(self._vectors)

    def get_normed_vectors(self) -> np.ndarray:
        """All rows scaled to unit length (cached; zero rows stay zero)."""
        self.fill_norms()
        return self._unit

    def get_index(self, key) -> int:
        """The row of ``key``; a missing word raises ``KeyError`` (:func:`w2vlib.similarity.lookup`)."""
        return lookup(key, self.key_to_index)

    def get_vector(self, key, norm: bool = False) -> np.ndarray:
        i = self.get_index(key)
        return self.get_normed_vectors()[i] if norm else self._vectors[i]

    def __getitem__(self, key_or_keys):
        if isinstance(key_or_keys, str):
            return self.get_vector(key_or_keys)
        return np.vstack([self.get_vector(k) for k in key_or_keys])

    def __contains__(self, key) -> bool:
        try:
            self.get_index(key)
        except (KeyError, TypeError):
            return False
        return True

    def __len__(self) -> int:
        return len(self.index_to_key)

    def __repr__(self) -> str:
        return f"WordVectors({len(self)} words x {self.vector_size} dimensions)"

    # ------------------------------------------------------------------ similarity
    def similarity(self, w1: str, w2: str) -> float:
        """Cosine similarity of two words."""
        u = self.get_normed_vectors()
        return float(u[self.get_index(w1)] @ u[self.get_index(w2)])

    def most_similar(self, positive=None, negative=None, topn: int | None = 10, restrict_vocab=None):
        """The ``topn`` words closest to the mean of the ``positive`` unit vectors minus the ``negative`` ones.

        ``positive``/``negative``: a word, a vector, or a list of them. Returns ``[(word, cosine)]``,
        most similar first, the query words left out; ``topn=None`` returns the cosines of all words
        (as gensim). ``restrict_vocab``: only the first that many words are candidates.
        """
        positive, negative = _as_list(positive), _as_list(negative)
        if not positive and not negative:
            raise ValueError("most_similar needs at least one positive or negative word")
        if topn is not None:
            check_top(topn, "topn")
        u = self.get_normed_vectors()
        query = np.zeros(self.vector_size, dtype=np.float64)
        exclude = set()
        for sign, items in ((1.0, positive), (-1.0, negative)):
            for item in items:
                if isinstance(item, str):
                    i = self.get_index(item)
                    check_finite_rows(self._vectors, [i], [item])
                    exclude.add(i)
                    query += sign * u[i]
                else:
                    query += sign * np.asarray(item, dtype=np.float64)
        if not np.all(np.isfinite(query)):
            raise ValueError("the query vector holds nan or inf, so no similarity can be computed")
        query /= max(np.linalg.norm(query), 1e-12)
        stop = len(self) if restrict_vocab is None else min(int(restrict_vocab), len(self))
        scores = u[:stop] @ query.astype(u.dtype)
        if topn is None:
            return scores
        scores = scores.astype(np.float64)
        scores[[i for i in exclude if i < stop]] = -np.inf
        n = max(0, min(int(topn), int(np.isfinite(scores).sum())))
        best = np.argsort(-scores, kind="stable")[:n]
        return [(self.index_to_key[i], float(scores[i])) for i in best]

    def doesnt_match(self, words) -> str:
        """The word furthest from the mean of the words' unit vectors (words not in the vocabulary are
        ignored with a warning, as gensim does)."""
        words = _as_list(words)
        used = [w for w in words if w in self]
        if len(used) != len(words):
            warnings.warn(f"ignoring words not in the vocabulary: {sorted(set(words) - set(used))}",
                          stacklevel=2)
        if not used:
            raise ValueError("cannot select a word from an empty list")
        vecs = self.get_normed_vectors()[[self.get_index(w) for w in used]]
        mean = vecs.mean(axis=0)
        mean /= max(np.linalg.norm(mean), 1e-12)
        dists = vecs @ mean
        return sorted(zip(dists.tolist(), used), reverse=True)[-1][1]

    # ------------------------------------------------------------------ evaluation (gensim's shapes)
    def _ok_vocab(self, restrict_vocab, case_insensitive):
        keys = self.index_to_key[:restrict_vocab]
        if case_insensitive:  # the first (most frequent) spelling wins, as in gensim
            return {k.upper(): i for i, k in reversed(list(enumerate(keys)))}
        return {k: i for i, k in enumerate(keys)}

    def evaluate_word_analogies(self, analogies, restrict_vocab: int = 300_000,
                                case_insensitive: bool = True, dummy4unknown: bool = False):
        """Analogy accuracy (3CosAdd, as gensim's ``most_similar(positive=[b, c], negative=[a])``).

        ``analogies``: a file in the Google ``questions-words.txt`` format. Returns
        ``(score, sections)``: ``sections`` is a list of dicts ``{"section", "correct",
        "incorrect"}`` holding the questions (upper-cased when ``case_insensitive``), the last one
        ``"Total accuracy"``; ``score`` is correct / (correct + incorrect) over all of them.
        Questions with a word outside the first ``restrict_vocab`` words are skipped (or counted
        incorrect with ``dummy4unknown``). (gensim also passes over a candidate that is another
        spelling of a query word, e.g. ``Paris`` for ``paris``; with one spelling per word, as in
        PTB, the answers are the same.)
        """
        ok = self._ok_vocab(restrict_vocab, case_insensitive)
        u = self.get_normed_vectors()[:restrict_vocab]
        sections, asked = [], []
        for name, questions in read_analogies(analogies):
            section = {"section": name, "correct": [], "incorrect": []}
            sections.append(section)
            for q in questions:
                q = tuple(w.upper() for w in q) if case_insensitive else tuple(q)
                if all(w in ok for w in q):
                    asked.append((section, q))
                elif dummy4unknown:
                    section["incorrect"].append(q)
        batch = max(1, _MAX_SCORE_ELEMENTS // max(u.shape[0], 1))
        for start in range(0, len(asked), batch):
            part = asked[start:start + batch]
            a, b, c = (np.array([ok[q[j]] for _, q in part]) for j in range(3))
            best = analogy_scores(u, a, b, c, "add", Wn=u).argmax(axis=1)
            for (section, q), i in zip(part, best):
                predicted = self.index_to_key[i].upper() if case_insensitive else self.index_to_key[i]
                section["correct" if predicted == q[3] else "incorrect"].append(q)
        total = {"section": "Total accuracy",
                 "correct": [q for s in sections for q in s["correct"]],
                 "incorrect": [q for s in sections for q in s["incorrect"]]}
        n = len(total["correct"]) + len(total["incorrect"])
        score = len(total["correct"]) / n if n else 0.0
        return score, sections + [total]

    def evaluate_word_pairs(self, pairs, restrict_vocab: int = 300_000, case_insensitive: bool = True,
                            dummy4unknown: bool = False, score_col: int = 2):
        """Correlation of the words' cosine similarities with human scores (WordSim-353, SimLex-999).

        ``pairs``: ``word1<TAB>word2<TAB>score`` lines (:func:`w2vlib.evaluation.read_word_pairs`).
        Returns gensim's ``(pearson, spearman, oov_ratio)``: two scipy results (statistic,
        pvalue) and the **percentage** (0-100) of pairs with a word outside the first
        ``restrict_vocab`` words (skipped, or scored 0 with ``dummy4unknown``).
        """
        from scipy.stats import pearsonr, spearmanr

        ok = self._ok_vocab(restrict_vocab, case_insensitive)
        u = self.get_normed_vectors()
        gold, model, oov = [], [], 0
        for w1, w2, score in read_word_pairs(pairs, score_col=score_col):
            if case_insensitive:
                w1, w2 = w1.upper(), w2.upper()
            if w1 in ok and w2 in ok:
                gold.append(score)
                model.append(float(u[ok[w1]] @ u[ok[w2]]))
            else:
                oov += 1
                if dummy4unknown:
                    gold.append(score)
                    model.append(0.0)
        if len(gold) < 2:
            nan = (math.nan, math.nan)
            pearson = spearman = nan
        else:
            pearson, spearman = pearsonr(gold, model), spearmanr(gold, model)
        denominator = len(gold) if dummy4unknown else len(gold) + oov
        return pearson, spearman, 100.0 * oov / denominator if denominator else math.nan

    # ------------------------------------------------------------------ files (w2vlib.vectors does the I/O)
    def save(self, path) -> Path:
        """Save as ``.npz`` (the matrix and the words; no pickle). Returns the path written."""
        from .vectors import save_vectors

        return save_vectors(path, self._vectors, self.index_to_key)

    @classmethod
    def load(cls, path) -> "WordVectors":
        """Read what :meth:`save` (or :func:`w2vlib.vectors.save_vectors`) wrote."""
        from .vectors import load_vectors

        W, _, id_to_word = load_vectors(path)
        return cls(W, id_to_word)

    def save_word2vec_format(self, path, binary: bool = False, precision: int = 6) -> Path:
        """The word2vec format, text by default; ``binary=True`` for word2vec.c's binary format.

        gensim's ``KeyedVectors.load_word2vec_format(path, binary=...)`` reads either.
        """
        from .vectors import save_word2vec_format

        return save_word2vec_format(path, self._vectors, self.index_to_key, precision=precision,
                                    binary=binary)

    @classmethod
    def load_word2vec_format(cls, path, binary: bool = False, encoding: str = "utf-8",
                             limit=None) -> "WordVectors":
        """Read the word2vec format, as gensim's ``KeyedVectors.load_word2vec_format``.

        ``binary=True`` for word2vec.c's binary format (``GoogleNews-vectors-negative300.bin`` and
        most downloaded vectors); ``limit=N`` loads only the first ``N`` vectors of a huge file.
        Text files may end their lines with a space, as word2vec.c and fastText write them.
        """
        from .vectors import load_word2vec_format

        W, _, id_to_word = load_word2vec_format(path, encoding=encoding, binary=binary, limit=limit)
        return cls(W, id_to_word)
