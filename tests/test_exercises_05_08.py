"""Exercises of notebooks 05-08: each check accepts the reference, refuses typical wrong answers with their own
reason, and says "not attempted" for the stub. Small synthetic inputs, so no PTB and no training."""
import math
import re

import numpy as np
import pytest

import w2vlib
from w2vlib.exercises import load


def ex(nb, i):
    return load(nb)[i]


def verdict(q, answer, **ctx):
    return q.verdict(answer, **ctx)


def assert_correct(q, answer, **ctx):
    v = verdict(q, answer, **ctx)
    assert v.startswith(f"{q.title}: correct"), v


def assert_wrong(q, answer, reason, **ctx):
    v = verdict(q, answer, **ctx)
    assert v.startswith(f"{q.title}: not yet"), v
    assert reason in v, v


@pytest.mark.parametrize("nb", ["05", "06", "07", "08"])
def test_exercise_stubs_say_not_attempted(nb):
    qs = load(nb)
    assert len(qs) >= 3

    def stub(*args):
        ...

    for q in qs:
        assert verdict(q, ...) == f"{q.title}: not attempted"
        assert verdict(q, stub) == f"{q.title}: not attempted"


# ---------------------------------------------------------------- 05
def test_exercise_05_1_start_loss():
    q = ex("05", 0)
    assert_correct(q, lambda k: (k + 1) * math.log(2), negative=5)
    assert_correct(q, q.answer_or_reference(...), negative=3)
    assert_wrong(q, lambda k: math.log(2), "one binary cross-entropy")
    assert_wrong(q, lambda k: k * math.log(2), "not the true target")
    assert_wrong(q, lambda k: math.log(k + 1), "softmax")
    assert_wrong(q, 4.159, "write a function")
    assert_wrong(q, lambda k: (k + 1) * 0.69, "ln 2 = 0.6931")   # the right formula, a rounded constant


def test_exercise_05_1_matches_a_fresh_model():
    corpus = np.random.default_rng(0).integers(0, 30, size=400)
    for k in (1, 5):
        model = w2vlib.CBOW(30, 8, 2, corpus, sample_size=k, rng=np.random.default_rng(1))
        ctx, tgt = w2vlib.create_contexts_target(corpus, window_size=2)
        loss = model.forward(ctx[:50], tgt[:50])
        assert abs(ex("05", 0).reference()(k) - loss) < 0.01


def test_exercise_05_2_lazy_adam():
    q = ex("05", 1)
    assert_correct(q, "b")
    assert_correct(q, "(B)")
    assert "another optimiser" in verdict(q, "b")
    assert "1,600 rows" in verdict(q, "b", batch_size=100, window=5, negative=5)  # numbers from the knobs
    assert "800 x (16 + 11) = 21,600 rows" in verdict(q, "b", batch_size=800, window=8, negative=10)
    assert "B x (2w + k + 1) rows" in verdict(q, "b")  # no knobs: the formula, no numbers
    assert_wrong(q, "a", "same learning rate")
    assert_wrong(q, "c", "same gradients")
    assert_wrong(q, "e", "one letter")


def test_exercise_05_3_keep_prob():
    q = ex("05", 2)
    ref = q.reference()
    assert_correct(q, ref)
    assert_correct(q, lambda c, s: np.minimum(1, (np.sqrt(c / (s * c.sum())) + 1) * s * c.sum() / c))
    assert_wrong(q, lambda c, s: (np.sqrt(c / (s * c.sum())) + 1) * s * c.sum() / c, "cannot exceed 1")
    assert_wrong(q, lambda c, s: np.minimum(1, np.sqrt(s * c.sum() / c)), "paper's keep probability")
    assert_wrong(q, lambda c, s: np.maximum(0, 1 - np.sqrt(s * c.sum() / c)), "discarding")
    assert_wrong(q, lambda c, s: np.minimum(1, (np.sqrt(c / s) + 1) * s / c), "total count")
    assert_wrong(q, lambda c, s: 1 - ref(c, s), "(1 - keep)")  # word2vec's discard probability
    ko = load("05", lang="ko")[2]
    for v in (ko.verdict(lambda c, s: 1 - ref(c, s)), ko.verdict(lambda c, s: np.ones_like(c, dtype=float))):
        assert "아직 정답이 아닙니다" in v and "vocabulary" not in v and "counts)" not in v, v


def test_exercise_05_4_skipgram_pairs():
    q = ex("05", 3)
    assert_correct(q, lambda w: w + 1)
    assert_wrong(q, lambda w: 2 * w, "fixed window")
    assert_wrong(q, lambda w: (w + 1) / 2, "two sides")
    assert_wrong(q, lambda w: w, "mean radius of w / 2")  # not the (w + 1) / 2 message, although equal at w = 1
    assert_wrong(q, lambda w: w + 2, "for w = 1 you say 3")
    assert_wrong(q, 6, "function")
    assert not re.search(r"[가-힣][:;] ", load("05", lang="ko")[3].verdict(lambda w: w + 2).split(": ", 2)[-1])


# ---------------------------------------------------------------- 06
def test_exercise_06_1_nearest():
    q = ex("06", 0)
    ref = q.reference()
    assert_correct(q, ref)

    def with_query(query, W, words, topn):
        return [query] + ref(query, W, words, topn)[:-1]

    def by_dot(query, W, words, topn):
        s = W @ W[words.index(query)]
        s[words.index(query)] = -np.inf
        return [words[i] for i in np.argsort(-s)[:topn]]

    def ascending(query, W, words, topn):
        return ref(query, W, words, topn)[::-1]

    assert_wrong(q, with_query, "its own nearest neighbour")
    assert_wrong(q, by_dot, "raw dot products")
    assert_wrong(q, ascending, "wrong order")

    def farthest(query, W, words, topn):  # the ascending-argsort slip: np.argsort(s)[:topn]
        Wn = W / np.linalg.norm(W, axis=1, keepdims=True)
        s = Wn @ Wn[words.index(query)]
        return [words[i] for i in np.argsort(s)[:topn]]

    assert_wrong(q, farthest, "farthest words")
    assert "wrong order" not in verdict(q, farthest)

    def indices(query, W, words, topn):  # the row numbers instead of the words
        Wn = W / np.linalg.norm(W, axis=1, keepdims=True)
        s = Wn @ Wn[words.index(query)]
        s[words.index(query)] = -np.inf
        return np.argsort(-s)[:topn]

    assert_wrong(q, indices, "row indices")
    assert_wrong(q, lambda *a: list(indices(*a)), "return the words (words[i])")
    ko = load("06", lang="ko")[0].verdict(indices)
    assert "행 번호가 아니라 단어(words[i])를 돌려줘 보세요" in ko, ko
    assert not re.search(r"[가-힣][:;] ", ko.split(": ", 2)[-1]), ko


def test_exercise_06_1_agrees_with_most_similar():
    rng = np.random.default_rng(0)
    W = rng.standard_normal((20, 4)).astype(np.float32)
    words = [f"w{i}" for i in range(20)]
    w2i = {w: i for i, w in enumerate(words)}
    book = [w for w, _ in w2vlib.most_similar("w3", w2i, dict(enumerate(words)), W, top=5)]
    assert ex("06", 0).reference()("w3", W, words, 5) == book


def test_exercise_06_2_cosmul():
    q = ex("06", 1)
    ref = q.reference()
    assert_correct(q, ref)

    def noshift(a, b, c, W, words, eps=1e-3):
        Wn = w2vlib.normalize(W)
        cos = lambda w: Wn @ Wn[words.index(w)]
        s = cos(b) * cos(c) / (cos(a) + eps)
        s[[words.index(w) for w in (a, b, c)]] = -np.inf
        return words[int(np.argmax(s))]

    def no_exclusion(a, b, c, W, words, eps=1e-3):
        Wn = w2vlib.normalize(W)
        cos = lambda w: (Wn @ Wn[words.index(w)] + 1) / 2
        return words[int(np.argmax(cos(b) * cos(c) / (cos(a) + eps)))]

    def cosadd(a, b, c, W, words):
        Wn = w2vlib.normalize(W)
        s = Wn @ (Wn[words.index(b)] - Wn[words.index(a)] + Wn[words.index(c)])
        s[[words.index(w) for w in (a, b, c)]] = -np.inf
        return words[int(np.argmax(s))]

    def raw_dots(a, b, c, W, words, eps=1e-3):  # the shift, but rows not normalised
        dot = lambda w: (W @ W[words.index(w)] + 1) / 2
        s = dot(b) * dot(c) / (dot(a) + eps)
        s[[words.index(w) for w in (a, b, c)]] = -np.inf
        return words[int(np.argmax(s))]

    def swapped(a, b, c, W, words):
        return ref(b, a, c, W, words)

    assert_wrong(q, noshift, "(cos + 1) / 2")
    assert_wrong(q, no_exclusion, "exclude a, b and c")
    assert_wrong(q, cosadd, "3CosAdd")
    assert_wrong(q, raw_dots, "normalise the rows")
    assert_wrong(q, swapped, "a and b are swapped")
    ko = load("06", lang="ko")[1]
    for wrong in (noshift, no_exclusion, cosadd, raw_dots, swapped):
        assert not re.search(r"[가-힣][:;] ", ko.verdict(wrong).split(": ", 2)[-1]), ko.verdict(wrong)


def test_exercise_06_3_frequency():
    q = ex("06", 2)
    rng = np.random.default_rng(3)
    rarest = np.minimum((rng.pareto(1.0, 200) * 20 + 1).astype(int), 5000)  # skewed like word counts: mean >> median
    right = rng.random(200) < np.where(rarest > 20, 0.4, 0.05)
    ctx = dict(right=right, rarest=rarest)
    ref = q.reference(**ctx)
    assert_correct(q, ref, **ctx)
    assert "frequent half scores higher" in verdict(q, ref, **ctx)
    assert_wrong(q, ref[::-1], "swapped", **ctx)
    assert_wrong(q, (right.mean(), right.mean()), "overall accuracy", **ctx)
    by_mean = rarest >= rarest.mean()
    assert_wrong(q, (right[~by_mean].mean(), right[by_mean].mean()), "median", **ctx)
    assert_wrong(q, ref, "pass the context")
    assert_correct(q, tuple(round(x, 2) for x in ref), **ctx)   # at the 2 decimals the prompt allows
    assert_wrong(q, tuple(round(x, 1) for x in ref), "too coarse", **ctx)
    frequent = rarest >= np.median(rarest)
    assert_wrong(q, (int(right[~frequent].sum()), int(right[frequent].sum())), "counts", **ctx)
    assert_wrong(q, tuple(round(100 * x, 1) for x in ref), "not percentages", **ctx)
    coarse = verdict(q, tuple(round(x, 1) for x in ref), **ctx)
    assert f"{ref[0]:.3f}" not in coarse and f"{ref[1]:.3f}" not in coarse  # the message gives no answer away
    near_miss = (ref[0] + 0.02, ref[1] - 0.02)          # wrong at 2-3 decimals: not "too coarse"
    assert "too coarse" not in verdict(q, tuple(round(x, 3) for x in near_miss), **ctx)
    assert "too coarse" not in verdict(q, tuple(round(x, 2) for x in near_miss), **ctx)
    truncated = tuple(np.floor(np.asarray(ref) * 100) / 100)
    if max(abs(a - b) for a, b in zip(truncated, ref)) > 0.0051:   # truncation differs from rounding here
        assert_wrong(q, truncated, "truncate", **ctx)
    else:
        assert_correct(q, truncated, **ctx)


def test_exercise_06_3_right_answer_accepted_before_any_diagnosis():
    """Where the mean is about the median (uniform counts), a mean split can lie closer to a 2-decimal answer than
    the right split does; the right answer must still be accepted, and a diagnosis is only for a wrong answer."""
    q = ex("06", 2)
    wrong_closer = 0
    for seed in range(200):
        rng = np.random.default_rng(seed)
        rarest = rng.integers(1, 500, size=200)
        right = rng.random(200) < 0.12
        ctx = dict(right=right, rarest=rarest)
        ref = q.reference(**ctx)
        two = tuple(round(x, 2) for x in ref)
        by_mean = rarest >= rarest.mean()
        mean_split = (right[~by_mean].mean(), right[by_mean].mean())
        overall = (right.mean(), right.mean())
        dist = lambda x, y: max(abs(a - b) for a, b in zip(x, y))
        if min(dist(two, mean_split), dist(two, overall)) < dist(two, ref):
            wrong_closer += 1  # a check that diagnosed before accepting would have refused this right answer
        assert_correct(q, two, **ctx)
        assert_correct(q, tuple(round(x, 3) for x in ref), **ctx)
        above = rarest > np.median(rarest)  # ties at the median may go either way
        splits = (ref, (right[~above].mean(), right[above].mean()))
        if min(max(abs(a - b) for a, b in zip(mean_split, s)) for s in splits) > 0.0051:  # a real mistake: diagnosed
            assert_wrong(q, mean_split, "median", **ctx)
    assert wrong_closer >= 3  # the order of the checks mattered on these data


# ---------------------------------------------------------------- 07
def _groups_data():
    rng = np.random.default_rng(7)
    centres = rng.standard_normal((3, 10)) * np.array([[4.0], [4.0], [0.3]])  # the third group is diffuse
    X = np.vstack([c + rng.standard_normal((8, 10)) for c in centres])
    groups = ["tight"] * 8 + ["also tight"] * 8 + ["diffuse"] * 8
    return X, groups


def test_exercise_07_1_least_clustered():
    q = ex("07", 0)
    X, groups = _groups_data()
    rates = w2vlib.exercises.nb07.group_nn_rates(X, groups)
    ref = q.reference(X=X, groups=groups)
    assert rates[ref] == min(rates.values())
    assert_correct(q, ref, X=X, groups=groups)
    most = max(rates, key=rates.get)
    assert_wrong(q, most, "most", X=X, groups=groups)
    assert_wrong(q, "verbs", "one group name", X=X, groups=groups)


def test_exercise_07_1_accepts_the_name_the_figures_show_in_any_case():
    X, groups = _groups_data()
    rates = w2vlib.exercises.nb07.group_nn_rates(X, groups)
    low = min(rates, key=rates.get)
    shown = {"tight": "조밀", "also tight": "또 조밀", "diffuse": "흩어짐"}
    assert_correct(ex("07", 0), f"  {low.upper()} ", X=X, groups=groups, shown=shown)
    ko = load("07", lang="ko")[0]
    assert "정답" in ko.verdict(shown[low], X=X, groups=groups, shown=shown)
    assert "그림에" not in ko.verdict(shown[low], X=X, groups=groups, shown=shown)
    other = next(g for g in rates if rates[g] > rates[low])
    assert "아직 정답이 아닙니다" in ko.verdict(shown[other], X=X, groups=groups, shown=shown)
    assert "*" not in ko.verdict(shown[max(rates, key=rates.get)], X=X, groups=groups, shown=shown)


def test_exercise_07_3_korean_messages_glue_no_particle_to_a_name():
    X, _ = _groups_data()
    ko = load("07", lang="ko")[2]
    for Y2 in (..., np.zeros((3, 2)), np.random.default_rng(0).standard_normal((len(X), 2))):
        v = ko.verdict("b", X=X, Y1=np.random.default_rng(1).standard_normal((len(X), 2)), Y2=Y2, k=3)
        assert "(는)" not in v and "(가)" not in v, v


def test_exercise_07_2_half_variance():
    q = ex("07", 1)
    rng = np.random.default_rng(2)
    W = rng.standard_normal((300, 30)) * np.linspace(3, 0.2, 30) + 2.0
    Wn = w2vlib.normalize(W)
    ref = q.reference(Wn=Wn)
    assert_correct(q, ref, Wn=Wn, W=W)
    assert_wrong(q, ref - 1, "off by one", Wn=Wn, W=W)
    assert_wrong(q, ref + 1, "one too many", Wn=Wn, W=W)
    assert_wrong(q, ref + 7, "count components", Wn=Wn, W=W)
    assert "세요" not in q.verdict(ref + 7, Wn=Wn, W=W).replace("보세요", "")
    assert_wrong(q, 0.5, "whole number", Wn=Wn)
    assert_correct(q, float(ref), Wn=Wn, W=W)  # 13.0 is a whole number too


def _tsne_pictures():
    from sklearn.manifold import TSNE

    X, groups = _groups_data()
    X = w2vlib.normalize(X)
    Y1, Y2 = (TSNE(n_components=2, perplexity=5, init="random", method="exact", random_state=s,
                   max_iter=250).fit_transform(X) for s in (1, 2))
    return X, Y1, Y2


def test_exercise_07_3_tsne_starts_measures_the_students_pictures():
    q = ex("07", 2)
    X, Y1, Y2 = _tsne_pictures()
    shared = w2vlib.exercises.nb07.shared_neighbours(Y1, Y2, 3)
    assert 2 * 3 / (len(X) - 1) < shared < 1
    assert_correct(q, "b", X=X, Y1=Y1, Y2=Y2, k=3)
    assert_correct(q, q.reference(), X=X, Y1=Y1, Y2=Y2, k=3)
    assert f"{shared:.0%}" in verdict(q, "b", X=X, Y1=Y1, Y2=Y2, k=3)
    assert_wrong(q, "a", "not all of them", X=X, Y1=Y1, Y2=Y2, k=3)
    assert_wrong(q, "c", "far more than chance", X=X, Y1=Y1, Y2=Y2, k=3)
    assert_wrong(q, "d", "did not dissolve", X=X, Y1=Y1, Y2=Y2, k=3)
    assert_wrong(q, "maybe", "one letter", X=X, Y1=Y1, Y2=Y2, k=3)


def test_exercise_07_3_tsne_starts_cannot_be_answered_without_running_tsne():
    q = ex("07", 2)
    X, Y1, Y2 = _tsne_pictures()
    assert_wrong(q, "b", "run the two t-SNEs", X=X, Y1=..., Y2=..., k=3)
    assert_wrong(q, "b", "pass the context")
    assert_wrong(q, "b", "the same", X=X, Y1=Y1, Y2=Y1.copy(), k=3)
    assert_wrong(q, "b", "shape", X=X, Y1=Y1[:5], Y2=Y2, k=3)
    noise = np.random.default_rng(0).standard_normal(Y1.shape)
    assert_wrong(q, "b", "few neighbourhoods", X=X, Y1=noise, Y2=Y2, k=3)


def test_exercise_07_3_judges_the_letter_by_the_measurement():
    nb07 = w2vlib.exercises.nb07
    X, Y1, _ = _tsne_pictures()
    # the letter follows the measured share: a mirrored copy has the same neighbourhoods, so there it is "a"
    mirrored = Y1 * np.array([-1.0, 1.0])
    assert nb07.shared_neighbours(Y1, mirrored, 3) == 1.0
    assert_correct(ex("07", 2), "a", X=X, Y1=Y1, Y2=mirrored, k=3)
    assert_wrong(ex("07", 2), "b", "all of them", X=X, Y1=Y1, Y2=mirrored, k=3)


# ---------------------------------------------------------------- 08
def _classes():
    rng = np.random.default_rng(8)
    centres = rng.standard_normal((4, 30)) * 0.35
    labels = np.repeat(np.array(["p", "q", "r", "s"]), 30)
    X = centres[np.repeat(np.arange(4), 30)] + rng.standard_normal((120, 30))
    idx = rng.permutation(120)
    return dict(X=X, labels=labels, idx_train=idx[:80], idx_test=idx[80:])


def test_exercise_08_1_knn():
    q = ex("08", 0)
    ctx = _classes()
    ref = q.reference(**ctx)
    assert_correct(q, ref, **ctx)
    assert_correct(q, round(ref, 3), **ctx)  # accepted at the precision the notebook prints
    nb08 = w2vlib.exercises.nb08
    train_acc = nb08._knn_acc(ctx["X"], ctx["labels"], ctx["idx_train"], ctx["idx_test"], on_train=True)
    assert train_acc != ref
    assert_wrong(q, train_acc, "training words", **ctx)
    assert_wrong(q, ref + 0.3, "KNeighborsClassifier", **ctx)
    assert_wrong(q, "high", "one number", **ctx)


def _splits(n=120, k=5):
    from sklearn.model_selection import train_test_split

    labels = np.repeat(np.array(["p", "q", "r", "s"]), 30)
    return [train_test_split(np.arange(n), test_size=0.3, stratify=labels, random_state=s) for s in range(k)]


def test_exercise_08_1_knn_is_graded_on_the_mean_over_splits():
    q = ex("08", 0)
    ctx = _classes()
    ctx = dict(X=ctx["X"], labels=ctx["labels"], splits=_splits())
    nb08 = w2vlib.exercises.nb08
    per_split = [nb08._knn_acc(ctx["X"], ctx["labels"], tr, te) for tr, te in ctx["splits"]]
    ref = q.reference(**ctx)
    assert abs(ref - np.mean(per_split)) < 1e-12
    assert_correct(q, ref, **ctx)
    assert_correct(q, round(ref, 2), **ctx)  # within half a test word: 2 decimals are enough
    assert_wrong(q, 100 * ref, "fraction", **ctx)
    far = [a for a in per_split if abs(a - ref) > 0.5 / 36]
    if far:
        assert_wrong(q, far[0], "one split", **ctx)
    assert_wrong(q, ref + 0.3, "KNeighborsClassifier", **ctx)
    full = ref + 0.1  # logistic regression's mean, as the notebook passes it
    assert_wrong(q, full, "logistic regression's mean", full=full, **ctx)
    assert_correct(q, ref, full=full, **ctx)
    assert "split(s)" not in verdict(q, ref, **ctx)


def test_exercise_08_3_dims_on_the_mean_over_splits_accepts_integral_floats():
    q = ex("08", 2)
    ctx = _classes()
    from sklearn.linear_model import LogisticRegression
    X, y = ctx["X"], ctx["labels"]
    splits = _splits()
    full = float(np.mean([(LogisticRegression(max_iter=5000).fit(X[tr], y[tr]).predict(X[te]) == y[te]).mean()
                          for tr, te in splits]))
    ctx = dict(X=X, labels=y, splits=splits, full=full)
    ref = q.reference(**ctx)
    by_k = w2vlib.exercises.nb08.mean_pca_accuracies(X, y, splits)
    assert ref == min(k for k, a in by_k.items() if a >= full - 0.05)
    assert_correct(q, ref, **ctx)
    assert_correct(q, float(ref), **ctx)
    assert_correct(q, str(ref), **ctx)


def test_exercise_08_2_tokyo():
    q = ex("08", 1)
    assert_correct(q, "b")
    assert_wrong(q, "c", "never")
    assert_wrong(q, "a", "rare word")
    for lang in ("en", "ko"):  # printed replies are plain text: no Markdown emphasis
        assert not any("*" in load("08", lang=lang)[1].verdict(a) for a in "abcd")


def test_exercise_08_3_dims():
    q = ex("08", 2)
    ctx = _classes()
    from sklearn.linear_model import LogisticRegression
    X, y, tr, te = ctx["X"], ctx["labels"], ctx["idx_train"], ctx["idx_test"]
    full = float((LogisticRegression(max_iter=5000).fit(X[tr], y[tr]).predict(X[te]) == y[te]).mean())
    ctx["full"] = full
    by_k = w2vlib.exercises.nb08.pca_accuracies(X, y, tr, te)
    ref = q.reference(**ctx)
    assert_correct(q, ref, **ctx)
    bigger = [k for k in by_k if k > ref]
    if bigger:
        assert_wrong(q, bigger[-1], "smaller k", **ctx)
    smaller = [k for k in by_k if k < ref]
    if smaller:
        assert_wrong(q, smaller[0], "below", **ctx)
    assert_wrong(q, 7, "one of k", **ctx)


def test_exercise_08_1_knn_names_the_mistake_it_sees():
    q = ex("08", 0)
    ctx = _classes()
    ctx = dict(X=ctx["X"], labels=ctx["labels"], splits=_splits())
    nb08 = w2vlib.exercises.nb08
    ref = q.reference(**ctx)
    per_split = [nb08._knn_acc(ctx["X"], ctx["labels"], tr, te) for tr, te in ctx["splits"]]
    for k in (1, 5):
        other = nb08._mean_knn(ctx["X"], ctx["labels"], ctx["splits"], n_neighbors=k)
        if abs(other - ref) > 1e-3 and all(abs(other - a) > 1e-3 for a in per_split):
            assert_wrong(q, other, f"n_neighbors={k}", **ctx)
    # a value that is no split's accuracy is never called "one split"
    odd = min(per_split) + 0.5 / 36
    if all(abs(odd - a) > 1e-3 for a in per_split) and abs(odd - ref) > 1e-3:
        assert "one split" not in verdict(q, odd, **ctx)
    if abs(round(ref, 1) - ref) > 0.01:
        assert_wrong(q, round(ref, 1), "3 decimals", **ctx)


def test_exercise_05_06_korean_feedback_says_hae_boseyo():
    """Korean requests in the 05/06 checks end in "...해 보세요", as the exercise prompts do (style sheet)."""
    import inspect as _inspect
    import w2vlib.exercises.nb05 as nb05
    import w2vlib.exercises.nb06 as nb06
    for mod in (nb05, nb06):
        text = _inspect.getsource(mod)
        assert not re.search(r"[가-힣]세요", text.replace("보세요", "")), mod.__name__
