"""Exercises of notebook 06 (similarity and analogies)."""
from __future__ import annotations

import numpy as np

from ..similarity import normalize
from . import Exercise, NotYet, last_digit, tr

# ---- 1. nearest neighbours by cosine -------------------------------------------------------------------


def _reference_nearest(query, W, words, topn):
    Wn = normalize(np.asarray(W, dtype=np.float64))
    q = words.index(query)
    scores = Wn @ Wn[q]
    scores[q] = -np.inf
    return [words[i] for i in np.argsort(-scores, kind="stable")[:topn]]


def _dot_nearest(query, W, words, topn):
    W = np.asarray(W, dtype=np.float64)
    q = words.index(query)
    scores = W @ W[q]
    scores[q] = -np.inf
    return [words[i] for i in np.argsort(-scores, kind="stable")[:topn]]


def _nearest_cases():
    rng = np.random.default_rng(6)
    V, H = 40, 8
    W = rng.standard_normal((V, H)) * rng.uniform(0.1, 5.0, size=(V, 1))  # lengths vary like frequencies
    words = [f"w{i}" for i in range(V)]
    for q, topn in (("w0", 5), ("w7", 1), ("w13", 3), ("w21", 8)):
        yield W, words, q, topn


def _as_words(out):
    out = list(out)
    return [w[0] if isinstance(w, (tuple, list)) else w for w in out]


def _check_nearest(fn):
    if not callable(fn):
        raise NotYet(tr("write a function nearest(query, W, words, topn) returning a list of words",
                        "단어 리스트를 돌려주는 함수 nearest(query, W, words, topn)를 작성해 보세요"))
    for W, words, q, topn in _nearest_cases():
        got = _as_words(fn(q, W.copy(), list(words), topn))
        want = _reference_nearest(q, W, words, topn)
        if got == want:
            continue
        if got and all(isinstance(w, (int, np.integer)) and not isinstance(w, bool) for w in got):
            raise NotYet(tr("those are row indices: return the words (words[i]), not the row numbers",
                            "그것은 행 번호입니다. 행 번호가 아니라 단어(words[i])를 돌려줘 보세요"))
        if q in got:
            raise NotYet(tr("the query is its own nearest neighbour (cosine 1): exclude it",
                            "질의 단어는 자기 자신의 최근접 이웃입니다(코사인 1). 빼 보세요"))
        if len(got) != topn:
            raise NotYet(tr(f"return exactly topn words (topn = {topn}, you returned {len(got)})",
                            f"정확히 topn개의 단어를 돌려줘 보세요(topn = {topn}, 여러분은 {len(got)}개를 돌려주었습니다)"))
        if got == _dot_nearest(q, W, words, topn):
            raise NotYet(tr("that ranks by raw dot products, so long vectors win: normalise the rows first "
                            "(w2vlib.normalize)",
                            "내적 그대로 순위를 매겨서 긴 벡터가 이깁니다. 먼저 행을 정규화해 보세요(w2vlib.normalize)"))
        farthest = _reference_nearest(q, W, words, len(words))[::-1][1:topn + 1]  # the query itself sorts last
        if sorted(got) == sorted(farthest) and sorted(got) != sorted(want):
            raise NotYet(tr("those are the farthest words (the smallest cosines): np.argsort sorts in ascending "
                            "order, so take the largest cosines, e.g. np.argsort(-s)",
                            "그것은 가장 먼 단어들(코사인이 가장 작은 것)입니다. np.argsort는 오름차순으로 정렬하므로 "
                            "코사인이 가장 큰 것을 골라 보세요(예: np.argsort(-s))"))
        if sorted(got) == sorted(want):
            raise NotYet(tr("right words, wrong order: the best (largest cosine) first",
                            "단어는 맞지만 순서가 틀렸습니다. 가장 좋은 것(코사인이 가장 큰 것)이 먼저 와야 합니다"))
        raise NotYet(tr(f"for {q!r} with topn = {topn} you return {got}, cosine ranking gives {want}",
                        f"{q!r}, topn = {topn}일 때 여러분의 답은 {got}이고, 코사인 순위는 {want}입니다"))
    return None


# ---- 2. 3CosMul by hand -----------------------------------------------------------------------------------


def _cosmul_scores(a, b, c, W, words, shift=True, eps=1e-3):
    Wn = normalize(np.asarray(W, dtype=np.float64))
    cos = lambda w: Wn @ Wn[words.index(w)]
    ca, cb, cc = cos(a), cos(b), cos(c)
    if shift:
        ca, cb, cc = (ca + 1) / 2, (cb + 1) / 2, (cc + 1) / 2
    return cb * cc / (ca + eps)


def _best(scores, words, exclude):
    scores = scores.copy()
    scores[[words.index(w) for w in exclude]] = -np.inf
    return words[int(np.argmax(scores))]


def reference_cosmul(a, b, c, W, words, eps=1e-3):
    """3CosMul's answer to a : b = c : ? (Levy & Goldberg 2014), the three question words excluded."""
    return _best(_cosmul_scores(a, b, c, W, words, True, eps), words, (a, b, c))


def _cosmul_cases():
    rng = np.random.default_rng(66)
    V, H = 60, 10
    W = rng.standard_normal((V, H)) * rng.uniform(0.2, 3.0, size=(V, 1))
    words = [f"w{i}" for i in range(V)]
    for _ in range(25):
        a, b, c = rng.choice(V, size=3, replace=False)
        yield W, words, words[a], words[b], words[c]


def _raw_cosmul(a, b, c, W, words, eps=1e-3):
    """3CosMul's formula on raw dot products (rows not normalised), with or without the shift."""
    W = np.asarray(W, dtype=np.float64)
    dot = lambda w: W @ W[words.index(w)]
    shifted = ((dot(b) + 1) / 2) * ((dot(c) + 1) / 2) / ((dot(a) + 1) / 2 + eps)
    plain = dot(b) * dot(c) / (dot(a) + eps)
    return {_best(shifted, words, (a, b, c)), _best(plain, words, (a, b, c))}


def _check_cosmul(fn):
    if not callable(fn):
        raise NotYet(tr("write a function cosmul(a, b, c, W, words) returning one word",
                        "단어 하나를 돌려주는 함수 cosmul(a, b, c, W, words)를 작성해 보세요"))
    explained = {"question": 0, "raw": 0, "swapped": 0, "noshift": 0, "add": 0}
    first, n_wrong = None, 0
    for W, words, a, b, c in _cosmul_cases():
        got = fn(a, b, c, W.copy(), list(words))
        want = reference_cosmul(a, b, c, W, words)
        if got == want:
            continue
        n_wrong += 1
        first = first or (a, b, c, got, want)
        Wn = normalize(np.asarray(W, dtype=np.float64))
        explained["question"] += got in (a, b, c)
        explained["raw"] += got in _raw_cosmul(a, b, c, W, words)
        explained["swapped"] += got == reference_cosmul(b, a, c, W, words)
        explained["noshift"] += got == _best(_cosmul_scores(a, b, c, W, words, shift=False), words, (a, b, c))
        explained["add"] += got == _best(Wn @ (Wn[words.index(b)] - Wn[words.index(a)] + Wn[words.index(c)]), words,
                                         (a, b, c))
    if first is None:
        return None
    if explained["question"]:
        raise NotYet(tr("your answer is sometimes a question word: exclude a, b and c",
                        "답이 문제의 단어일 때가 있습니다. a, b, c를 빼 보세요"))
    # the mistake that explains the most wrong answers (ties: in this order)
    reasons = {
        "raw": tr("that uses raw dot products: normalise the rows first (w2vlib.normalize), so that every "
                  "similarity is a cosine",
                  "내적을 그대로 썼습니다. 먼저 행을 정규화해서(w2vlib.normalize) 모든 유사도가 코사인이 되게 해 보세요"),
        "swapped": tr("a and b are swapped: b (and c) go in the numerator, a in the denominator "
                      "(a : b = c : ?)",
                      "a와 b가 바뀌었습니다. 분자에는 b(와 c)가, 분모에는 a가 들어갑니다(a : b = c : ?)"),
        "noshift": tr("shift every cosine to [0, 1] with (cos + 1) / 2 before multiplying and dividing: a negative "
                      "cosine would flip the sign of the product",
                      "곱하고 나누기 전에 모든 코사인을 (cos + 1) / 2로 [0, 1]에 옮겨 보세요. 음수 코사인은 곱의 "
                      "부호를 뒤집습니다"),
        "add": tr("that is 3CosAdd (cosine with b - a + c); 3CosMul multiplies and divides the similarities",
                  "그것은 3CosAdd(b - a + c와의 코사인)입니다. 3CosMul은 유사도들을 곱하고 나눕니다"),
    }
    best = max(reasons, key=lambda k: explained[k])
    if explained[best] >= max(1, n_wrong // 2):
        raise NotYet(reasons[best])
    a, b, c, got, want = first
    raise NotYet(tr(f"for {a} : {b} = {c} : ? you answer {got}, 3CosMul answers {want}",
                    f"{a} : {b} = {c} : ?에 대한 여러분의 답은 {got}, 3CosMul의 답은 {want}입니다"))


# ---- 3. does frequency decide? ---------------------------------------------------------------------------


def _split_acc(right, rarest, op):
    right, rarest = np.asarray(right, dtype=bool), np.asarray(rarest, dtype=np.float64)
    frequent = op(rarest, np.median(rarest))
    return float(right[~frequent].mean()), float(right[frequent].mean())


def _check_frequency(answer, right=None, rarest=None):
    if right is None or rarest is None:
        raise NotYet(tr("pass the context: q3.check(answer_3, right=right, rarest=rarest)",
                        "채점에 필요한 값도 함께 넘겨 보세요(q3.check(answer_3, right=right, rarest=rarest))"))
    try:
        got = tuple(float(x) for x in answer)
        assert len(got) == 2
    except (TypeError, ValueError, AssertionError):
        raise NotYet(tr("answer with a pair: (accuracy of the rare half, accuracy of the frequent half)",
                        "(드문 절반의 정확도, 자주 나오는 절반의 정확도) 쌍으로 답해 보세요"))
    # a right answer is accepted first: to 2 or 3 decimals (rounding to 2 decimals errs by at most 0.005), whatever
    # a wrong split would give; only an answer that is not right is then matched against the typical mistakes
    err = lambda x, y: max(abs(p - q) for p, q in zip(x, y))
    ge, gt = _split_acc(right, rarest, np.greater_equal), _split_acc(right, rarest, np.greater)
    right_a = np.asarray(right, dtype=bool)
    rarest_a = np.asarray(rarest, dtype=np.float64)
    by_mean = rarest_a >= rarest_a.mean()
    overall = float(right_a.mean())
    wrong = {
        "swapped": (min(err(got, ge[::-1]), err(got, gt[::-1])),
                    tr("swapped: the first number is the half whose rarest word is *below* the median count",
                       "순서가 바뀌었습니다. 첫 번째 숫자는 가장 드문 단어의 출현 횟수가 중앙값 *미만*인 절반입니다")),
        "mean": (err(got, (float(right_a[~by_mean].mean()), float(right_a[by_mean].mean()))),
                 tr("split at the median count (half the questions each side), not at the mean",
                    "평균이 아니라 출현 횟수의 중앙값(양쪽에 문제가 절반씩)에서 나눠 보세요")),
        "overall": (err(got, (overall, overall)),
                    tr("both numbers are the overall accuracy: compute each on its own half of the questions",
                       "두 숫자가 모두 전체 정확도입니다. 각각을 자기 절반의 문제에서 계산해 보세요")),
    }
    counts_ge = tuple(float(right_a[m].sum()) for m in (rarest_a < np.median(rarest_a), rarest_a >= np.median(rarest_a)))
    if err(got, counts_ge) <= 1e-9 and max(got) > 1:
        raise NotYet(tr("those are counts of right answers: divide each by the number of questions in its half",
                        "그것은 맞힌 문제의 수입니다. 각각을 그 절반의 문제 수로 나눠 보세요"))
    if max(got) > 1 and min(err(tuple(x / 100 for x in got), ge), err(tuple(x / 100 for x in got), gt)) <= 0.0051:
        raise NotYet(tr("give shares between 0 and 1, not percentages",
                        "백분율이 아니라 0과 1 사이의 비율로 답해 보세요"))
    best = min(err(got, ge), err(got, gt))
    if best <= 0.0051:
        rare, freq = ge
        if freq > rare:
            return tr("the frequent half scores higher here; the next cell tests whether the gap is more than chance",
                      "여기서는 자주 나오는 절반의 정확도가 더 높습니다. 그 차이가 우연 이상인지는 다음 셀이 검정합니다")
        if rare > freq:
            return tr("the rare half scores higher here; the next cell tests whether the gap is more than chance",
                      "여기서는 드문 절반의 정확도가 더 높습니다. 그 차이가 우연 이상인지는 다음 셀이 검정합니다")
        return tr("both halves score the same here", "여기서는 두 절반의 정확도가 같습니다")
    nearest_wrong = min(wrong.values(), key=lambda x: x[0])
    if nearest_wrong[0] <= 0.0051:
        raise NotYet(nearest_wrong[1])
    truncated = [tuple(np.floor(np.asarray(t) * 100 * (1 + 1e-12)) / 100) for t in (ge, gt)]
    if any(err(got, t) <= 1e-9 for t in truncated) and min(err(got, ge), err(got, gt)) > 1e-9:
        raise NotYet(tr("round, do not truncate: cutting off the third decimal (0.037 -> 0.03) is not rounding "
                        "(0.037 -> 0.04)",
                        "버리지 말고 반올림해 보세요. 셋째 자리를 잘라 내는 것(0.037 -> 0.03)은 반올림(0.037 -> 0.04)이 "
                        "아닙니다"))
    if best <= 0.051 and all(last_digit(x)[0] >= 0.1 for x in got):   # right, but rounded to one decimal or less
        raise NotYet(tr("close, but too coarse: give each accuracy to 2 or 3 decimals (e.g. 0.38 or 0.375, not 0.4)",
                        "거의 맞았지만 너무 거칩니다. 정확도마다 소수점 아래 두세 자리로 답해 보세요(예: 0.4가 아니라 0.38이나 "
                        "0.375)"))
    raise NotYet(tr("split the questions by the count of their rarest word (at the median) and take the mean of "
                    "`right` in each half",
                    "문제를 가장 드문 단어의 출현 횟수로 (중앙값에서) 나누고, 각 절반에서 `right`의 평균을 구해 보세요"))

EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (nearest neighbours by cosine)", "문제 1 (코사인으로 찾는 최근접 이웃)"),
        checker=_check_nearest,
        hint_text=tr("Normalise every row (w2vlib.normalize), take the dot products with the query's unit row, "
                     "exclude the query itself, and sort from the largest down.",
                     "모든 행을 정규화하고(w2vlib.normalize), 질의 단어의 단위 행과 내적한 뒤, 질의 단어 자신을 "
                     "빼고 큰 것부터 정렬해 보세요."),
        solution_text="def nearest(query, W, words, topn):\n    Wn = w2vlib.normalize(W)\n"
                      "    q = words.index(query)\n    scores = Wn @ Wn[q]\n    scores[q] = -np.inf\n"
                      "    return [words[i] for i in np.argsort(-scores)[:topn]]",
        reference=lambda **_: _reference_nearest,
    ),
    Exercise(
        name=tr("Exercise 2 (3CosMul by hand)", "문제 2 (3CosMul 직접 구현하기)"),
        checker=_check_cosmul,
        hint_text=tr("With unit rows, cos(d, x) = Wn @ Wn[x] for every d at once. Shift each to (cos + 1) / 2, "
                     "then score = cos'(d, b) * cos'(d, c) / (cos'(d, a) + 0.001); exclude a, b, c.",
                     "행이 단위 벡터이면 모든 d에 대해 한 번에 cos(d, x) = Wn @ Wn[x]입니다. 각각을 (cos + 1) / 2로 "
                     "옮긴 뒤 score = cos'(d, b) * cos'(d, c) / (cos'(d, a) + 0.001)을 구하고, a, b, c는 빼 보세요."),
        solution_text="def cosmul(a, b, c, W, words, eps=1e-3):\n    Wn = w2vlib.normalize(W)\n"
                      "    cos = lambda w: (Wn @ Wn[words.index(w)] + 1) / 2\n"
                      "    scores = cos(b) * cos(c) / (cos(a) + eps)\n"
                      "    scores[[words.index(w) for w in (a, b, c)]] = -np.inf\n"
                      "    return words[int(np.argmax(scores))]",
        reference=lambda **_: reference_cosmul,
    ),
    Exercise(
        name=tr("Exercise 3 (does frequency decide?)", "문제 3 (빈도의 영향)"),
        checker=_check_frequency,
        hint_text=tr("Make a boolean mask of the questions whose rarest count is at or above the median; the "
                     "accuracy of a half is the mean of `right` over that half.",
                     "가장 드문 단어의 출현 횟수가 중앙값 이상인 문제를 고르는 불리언 마스크를 만들어 보세요. 한쪽 절반의 "
                     "정확도는 그 절반에서 `right`의 평균입니다."),
        solution_text="frequent = rarest >= np.median(rarest)\n"
                      "answer_3 = (right[~frequent].mean(), right[frequent].mean())",
        reference=lambda right=None, rarest=None, **_: _split_acc(right, rarest, np.greater_equal),
    ),
]
