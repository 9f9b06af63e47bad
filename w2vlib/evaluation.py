"""How good are the vectors? Word analogies and word-pair similarity.

Two standard intrinsic evaluations, each taking any file path so they work on the project's own
``data/analogies_ptb.txt`` as well as on the public benchmark files:

* :func:`evaluate_analogies` — accuracy on "a is to b as c is to d" questions in the Google format
  of ``questions-words.txt`` (a line ``: section`` opens a section, then four words per line).
  Ranking by 3CosAdd (``argmax_d cos(d, b - a + c)``) or 3CosMul (Levy & Goldberg 2014), always
  excluding the three query words. Questions with an out-of-vocabulary word are skipped and
  counted, so coverage is reported next to accuracy.
* :func:`evaluate_similarity` — Spearman correlation between the cosine similarity of word pairs
  and human scores (``word1<TAB>word2<TAB>score`` lines, as in WordSim-353 or SimLex-999).

``W`` is any ``(vocab_size, hidden_size)`` matrix (e.g. ``model.word_vecs``) and ``word_to_id``
maps words to its rows.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

import numpy as np

from ._io import read_text
from .similarity import analogy_method, analogy_scores, normalize
from .text import check_lang, format_table

__all__ = [
    "SectionResult",
    "AnalogyResult",
    "SimilarityResult",
    "read_analogies",
    "read_word_pairs",
    "evaluate_analogies",
    "evaluate_similarity",
]

_MAX_SCORE_ELEMENTS = 1 << 24  # batch_size * vocab_size kept below ~64 MB of float32 scores


# ----------------------------------------------------------------------------- results


@dataclass
class SectionResult:
    """Counts for one section of an analogy file."""

    correct: int = 0
    answered: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """correct / answered (nan when nothing was answered)."""
        return self.correct / self.answered if self.answered else math.nan

    @property
    def coverage(self) -> float:
        """answered / total (the rest had an out-of-vocabulary word)."""
        return self.answered / self.total if self.total else math.nan


@dataclass
class AnalogyResult:
    """Outcome of :func:`evaluate_analogies`.

    ``accuracy`` is ``n_correct / n_answered``: skipped (out-of-vocabulary) questions do not count
    as wrong; ``coverage = n_answered / n_total`` says how many were skipped. ``correct`` holds one
    bool per answered question, in file order (True: answered right), and ``questions`` its four
    row ids ``a, b, c, d`` (``d`` the expected answer), shape ``(n_answered, 4)``. The answered
    questions depend only on the vocabulary, so two sets of vectors over the same words are scored on
    the same questions, and ``correct`` pairs them up (a paired test such as McNemar's).
    """

    method: str
    n_total: int
    n_answered: int
    n_correct: int
    sections: dict[str, SectionResult] = field(default_factory=dict)
    correct: np.ndarray | None = field(default=None, repr=False, compare=False)
    questions: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def overall(self) -> SectionResult:
        """The counts of all sections together."""
        return SectionResult(self.n_correct, self.n_answered, self.n_total)

    @property
    def accuracy(self) -> float:
        return self.overall.accuracy

    @property
    def coverage(self) -> float:
        return self.overall.coverage

    @property
    def n_oov(self) -> int:
        """Questions skipped because a word is out of vocabulary."""
        return self.n_total - self.n_answered

    def table(self, lang: str = "en") -> str:
        """A plain-text table: one row per section, then the overall row; headers in ``lang`` ("en" or
        "ko"), columns aligned by display width (:func:`w2vlib.text.format_table`)."""
        ko = check_lang(lang) == "ko"
        headers = (["범주", "정답", "답함", "전체", "정확도", "커버리지"] if ko else
                   ["section", "correct", "answered", "total", "accuracy", "coverage"])

        def row(name, c, a, t):
            return [name, c, a, t, f"{c / a:.4f}" if a else "-", f"{a / t:.4f}" if t else "-"]

        rows = [row(name, s.correct, s.answered, s.total) for name, s in self.sections.items()]
        rows += [None, row("전체" if ko else "overall", self.n_correct, self.n_answered, self.n_total)]
        return format_table(headers, rows, align="<>>>>>")

    def summary(self, lang: str = "en") -> str:
        """One line: accuracy, counts and coverage, in ``lang`` ("en" or "ko"); ``str(result)`` is the English."""
        if check_lang(lang) == "ko":
            return (f"유추 ({self.method}): 정확도 {self.accuracy:.4f} ({self.n_correct}/{self.n_answered}), "
                    f"커버리지 {self.coverage:.4f} (전체 {self.n_total}문제, 어휘에 없는 단어 때문에 건너뛴 문제 "
                    f"{self.n_oov}개)")
        return (
            f"analogy ({self.method}): accuracy {self.accuracy:.4f} "
            f"({self.n_correct}/{self.n_answered}), coverage {self.coverage:.4f} "
            f"({self.n_oov} of {self.n_total} skipped as out of vocabulary)"
        )

    def __str__(self) -> str:
        return self.summary()


@dataclass
class SimilarityResult:
    """Outcome of :func:`evaluate_similarity`."""

    spearman: float
    pvalue: float
    n_total: int
    n_pairs: int

    @property
    def n_oov(self) -> int:
        """Pairs skipped because a word is out of vocabulary."""
        return self.n_total - self.n_pairs

    @property
    def oov_ratio(self) -> float:
        return self.n_oov / self.n_total if self.n_total else math.nan

    def summary(self, lang: str = "en") -> str:
        """One line: Spearman's rho, its p-value and the pairs used, in ``lang`` ("en" or "ko")."""
        if check_lang(lang) == "ko":
            return (f"유사도: 스피어먼 rho {self.spearman:.4f} (p={self.pvalue:.4g}), 전체 {self.n_total}쌍 중 "
                    f"{self.n_pairs}쌍 사용, 어휘에 없는 단어가 있는 쌍의 비율 {self.oov_ratio:.4f}")
        return (
            f"similarity: Spearman rho {self.spearman:.4f} (p={self.pvalue:.4g}) on "
            f"{self.n_pairs} of {self.n_total} pairs, out-of-vocabulary ratio {self.oov_ratio:.4f}"
        )

    def __str__(self) -> str:
        return self.summary()


# ----------------------------------------------------------------------------- readers


def _open_lines(path, encoding="utf-8"):
    """The file's lines, decoded by the package's one decoder (a BOM is dropped, bad bytes named)."""
    if not os.path.isfile(path):
        raise FileNotFoundError(f"evaluation file not found: {os.fspath(path)!r}")
    return read_text(path, encoding=encoding).split("\n")


def read_analogies(path, encoding: str = "utf-8") -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """Parse a Google-format analogy file into ``[(section, [(a, b, c, d), ...]), ...]``.

    Blank lines are ignored. Raises ``ValueError`` (with the line number) for a question before
    the first ``: section`` line or a line without exactly four words, and for a file with no
    questions.
    """
    sections: list[tuple[str, list]] = []
    for lineno, line in enumerate(_open_lines(path, encoding), start=1):
        line = line.strip()
        if not line:
            continue
        if line.startswith(":"):
            name = line[1:].strip()
            if not name:
                raise ValueError(f"{path}:{lineno}: empty section name")
            sections.append((name, []))
            continue
        words = line.split()
        if len(words) != 4:
            raise ValueError(
                f"{path}:{lineno}: expected 4 words (a b c d), got {len(words)}: {line!r}"
            )
        if not sections:
            raise ValueError(
                f"{path}:{lineno}: question before the first ': section' line "
                "(Google format needs a section header)"
            )
        sections[-1][1].append(tuple(words))
    if not any(qs for _, qs in sections):
        raise ValueError(f"{path}: no analogy questions found (expected ': section' lines "
                         "followed by lines of four words)")
    return sections


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def read_word_pairs(path, score_col: int = 2, encoding: str = "utf-8") -> list[tuple[str, str, float]]:
    """Parse a word-pair file into ``[(word1, word2, score), ...]``.

    Fields are tab-separated (whitespace when a line has no tab); the score is in column
    ``score_col`` (0-based; 2 for WordSim-353, 3 for SimLex-999). Blank lines and lines starting
    with ``#`` are skipped, and so is a first line whose score is not a number (a header).
    """
    pairs = []
    header_skipped = False
    for lineno, line in enumerate(_open_lines(path, encoding), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        fields = stripped.split("\t") if "\t" in stripped else stripped.split()
        fields = [f.strip() for f in fields]
        if len(fields) <= max(2, score_col):
            raise ValueError(
                f"{path}:{lineno}: expected word1, word2 and a score in column {score_col}, "
                f"got {len(fields)} field(s): {stripped!r}"
            )
        if not _is_number(fields[score_col]):
            if not pairs and not header_skipped:
                header_skipped = True  # a header line such as "word1  word2  score"
                continue
            raise ValueError(f"{path}:{lineno}: score {fields[score_col]!r} is not a number")
        pairs.append((fields[0], fields[1], float(fields[score_col])))
    if not pairs:
        raise ValueError(f"{path}: no word pairs found")
    return pairs


# ----------------------------------------------------------------------------- scoring


def _unit_rows(W) -> np.ndarray:
    W = np.asarray(W)
    if W.ndim != 2:
        raise ValueError(f"W must be a 2-D (vocab_size, hidden_size) matrix, got shape {W.shape}")
    if W.dtype != np.float64:
        W = W.astype(np.float32, copy=False)
    return normalize(W)  # zero rows stay zero


def _row_finder(word_to_id, vocab_size: int, lowercase: bool):
    """``get(word)``: the word's row (lower-cased first when ``lowercase``), or None when out of vocabulary."""
    def get(word):
        i = word_to_id.get(word.lower()) if lowercase else None
        if i is None:
            i = word_to_id.get(word)
        if i is not None and not 0 <= i < vocab_size:
            raise ValueError(f"word_to_id[{word!r}] = {i} is outside W's {vocab_size} rows")
        return i

    return get


def evaluate_analogies(
    path,
    W,
    word_to_id,
    method: str = "add",
    lowercase: bool = True,
    batch_size: int | None = None,
    eps: float = 1e-3,
    encoding: str = "utf-8",
) -> AnalogyResult:
    """Analogy accuracy of the word vectors ``W`` on the questions in ``path``.

    Parameters
    ----------
    path : a Google-format question file (``: section`` lines, then ``a b c d`` lines).
    W : ``(vocab_size, hidden_size)`` array; rows are normalised here (zero rows stay zero).
    word_to_id : dict word -> row of ``W``.
    method : ``"add"`` (3CosAdd: ``argmax cos(d, b - a + c)``), ``"mul"`` (3CosMul:
        ``argmax cos'(d, b) cos'(d, c) / (cos'(d, a) + eps)`` with ``cos' = (cos + 1) / 2``) or
        ``"dot"`` (the book's ranking); scored by :func:`w2vlib.similarity.analogy_scores`, the
        scorer :func:`w2vlib.similarity.analogy` uses. The three query words are never predicted.
    lowercase : look words up lower-cased first (PTB is lower-case; the Google file is not),
        falling back to the word as written.
    batch_size : questions scored per matrix product; default chosen from the vocabulary size.
    encoding : the file's text encoding (a byte-order mark is skipped).

    Returns
    -------
    AnalogyResult with accuracy (over answered questions), coverage and per-section counts.
    """
    method = analogy_method(method)
    sections = read_analogies(path, encoding=encoding)
    Wn = _unit_rows(W)
    vocab_size = Wn.shape[0]
    if batch_size is None:
        per_question = vocab_size * (4 if method == "mul" else 1)  # 3CosMul holds 4 matrices
        batch_size = max(1, min(1024, _MAX_SCORE_ELEMENTS // max(per_question, 1)))
    elif batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    get = _row_finder(word_to_id, vocab_size, lowercase)

    ids, owner, results = [], [], {}
    for name, questions in sections:
        res = results.setdefault(name, SectionResult())
        res.total += len(questions)
        for q in questions:
            q_ids = [get(w) for w in q]
            if None not in q_ids:
                ids.append(q_ids)
                owner.append(name)
                res.answered += 1
    ids = np.asarray(ids, dtype=np.int64).reshape(-1, 4)

    correct = np.zeros(len(ids), dtype=bool)
    for start in range(0, len(ids), batch_size):
        a, b, c, d = ids[start : start + batch_size].T
        scores = analogy_scores(W, a, b, c, method, Wn=Wn, eps=eps)
        correct[start : start + len(a)] = scores.argmax(axis=1) == d

    for name, ok in zip(owner, correct):
        results[name].correct += int(ok)
    n_total = sum(r.total for r in results.values())
    return AnalogyResult(
        method=method,
        n_total=n_total,
        n_answered=len(ids),
        n_correct=int(correct.sum()),
        sections=results,
        correct=correct,
        questions=ids,
    )


def evaluate_similarity(
    path, W, word_to_id, lowercase: bool = True, score_col: int = 2, encoding: str = "utf-8"
) -> SimilarityResult:
    """Spearman correlation between cosine similarities from ``W`` and human scores.

    ``path`` holds ``word1<TAB>word2<TAB>score`` lines (see :func:`read_word_pairs`). Pairs with
    an out-of-vocabulary word are skipped and reported as ``n_oov`` / ``oov_ratio``. With fewer
    than two covered pairs the correlation is ``nan``.
    """
    from scipy.stats import spearmanr

    pairs = read_word_pairs(path, score_col=score_col, encoding=encoding)
    Wn = _unit_rows(W)
    get = _row_finder(word_to_id, Wn.shape[0], lowercase)
    i1, i2, human = [], [], []
    for w1, w2, score in pairs:
        a, b = get(w1), get(w2)
        if a is not None and b is not None:
            i1.append(a)
            i2.append(b)
            human.append(score)
    if len(human) < 2:
        rho, p = math.nan, math.nan
    else:
        cos = np.einsum("ij,ij->i", Wn[i1], Wn[i2])
        res = spearmanr(cos, human)
        rho, p = float(res.statistic), float(res.pvalue)
    return SimilarityResult(spearman=rho, pvalue=p, n_total=len(pairs), n_pairs=len(human))
