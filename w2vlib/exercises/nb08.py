"""Exercises of notebook 08 (transfer learning)."""
from __future__ import annotations

import numpy as np

from . import Exercise, NotYet, tr

# ---- 1. a nearest-neighbour classifier ---------------------------------------------------------------------


def _knn_acc(X, labels, idx_train, idx_test, n_neighbors=3, metric="cosine", on_train=False):
    from sklearn.neighbors import KNeighborsClassifier

    labels = np.asarray(labels)
    knn = KNeighborsClassifier(n_neighbors=n_neighbors, metric=metric).fit(X[idx_train], labels[idx_train])
    idx = idx_train if on_train else idx_test
    return float((knn.predict(X[idx]) == labels[idx]).mean())


def _as_splits(splits, idx_train, idx_test):
    if splits is None and idx_train is not None and idx_test is not None:
        splits = [(idx_train, idx_test)]
    return None if splits is None else [(np.asarray(tr_), np.asarray(te_)) for tr_, te_ in splits]


def _mean_knn(X, labels, splits, **kw):
    return float(np.mean([_knn_acc(X, labels, tr_, te_, **kw) for tr_, te_ in splits]))


def _check_knn(answer, X=None, labels=None, splits=None, idx_train=None, idx_test=None, full=None):
    splits = _as_splits(splits, idx_train, idx_test)
    if X is None or labels is None or splits is None:
        raise NotYet(tr("pass the context: q1.check(answer_1, X=features['word vectors'], labels=labels, "
                        "splits=splits)",
                        "채점에 필요한 값도 함께 넘겨 보세요. 부르는 법은 q1.check(answer_1, X=features['word vectors'], labels=labels, "
                        "splits=splits)입니다"))
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet(tr("answer with one number: the mean test accuracy", "평균 테스트 정확도를 숫자 하나로 답해 보세요"))
    # right when it is the mean rounded to 3 decimals (as asked) or to 2; a wrong value gets a specific reason
    # only when it is, to the same precision, the value of a known mistake (the nearest one)
    at3 = lambda x: abs(got - x) <= 5e-4 + 1e-9
    at2 = lambda x: abs(got - round(x, 2)) < 1e-9
    want = _mean_knn(X, labels, splits)
    if at3(want) or at2(want):
        over = f"{len(splits)} splits" if len(splits) > 1 else "one split"
        return tr(f"kNN: {want:.3f} on average over {over}",
                  f"kNN: 분할 {len(splits)}개의 평균 {want:.3f}")
    if 1 < got <= 100 and (abs(got / 100 - want) <= 5e-4 + 1e-9 or abs(got / 100 - round(want, 2)) < 1e-9):
        raise NotYet(tr("that looks like a percentage: give a fraction between 0 and 1",
                        "백분율처럼 보입니다. 0과 1 사이의 비율로 답해 보세요"))
    mistakes = []  # (value, reason)
    if full is not None:
        mistakes.append((float(full), tr(
            "that is logistic regression's mean (np.mean(runs['word vectors'])); the question asks for "
            "kNN's: fit KNeighborsClassifier(n_neighbors=3, metric='cosine') on each split instead",
            "그것은 로지스틱 회귀의 평균(np.mean(runs['word vectors']))입니다. 문제는 kNN의 평균을 묻습니다. "
            "분할마다 KNeighborsClassifier(n_neighbors=3, metric='cosine')를 대신 학습시켜 보세요")))
    mistakes.append((_mean_knn(X, labels, splits, on_train=True), tr(
        "that is the accuracy on the training words; predict the held-out test words",
        "그것은 학습 단어에서의 정확도입니다. 떼어 둔 테스트 단어를 예측해 보세요")))
    for k in (1, 5):
        mistakes.append((_mean_knn(X, labels, splits, n_neighbors=k), tr(
            f"that is the mean with n_neighbors={k}; the question uses n_neighbors=3",
            f"그것은 n_neighbors={k}일 때의 평균입니다. 문제는 n_neighbors=3을 씁니다")))
    mistakes.append((_mean_knn(X, labels, splits, metric="minkowski"), tr(
        "that is the mean with the Euclidean metric; use metric='cosine'",
        "그것은 유클리드 거리일 때의 평균입니다. metric='cosine'을 써 보세요")))
    if len(splits) > 1:
        mistakes += [(_knn_acc(X, labels, tr_, te_), tr(
            "that is the accuracy on one split; give the mean over all the splits",
            "그것은 분할 하나에서의 정확도입니다. 모든 분할의 평균으로 답해 보세요")) for tr_, te_ in splits]
    hits = [mistakes[i][1] for _, i in sorted((abs(got - v), i) for i, (v, _) in enumerate(mistakes) if at3(v))]
    reasons = [why for v, why in mistakes if at2(v)]
    if hits:
        raise NotYet(hits[0])
    if abs(got - round(want, 1)) < 1e-9:
        raise NotYet(tr("rounded too coarsely: give 3 decimals",
                        "너무 거칠게 반올림했습니다. 소수 셋째 자리까지 답해 보세요"))
    if reasons and all(why == reasons[0] for why in reasons):  # rounded to 2 decimals, one kind of mistake
        raise NotYet(reasons[0])
    raise NotYet(tr("that is not the kNN mean (to 3 decimals): for each split, fit KNeighborsClassifier(n_neighbors=3, "
                    "metric='cosine') on its training words, score it on its test words, and average",
                    "kNN 평균(소수 셋째 자리까지)과 다릅니다. 분할마다 KNeighborsClassifier(n_neighbors=3, metric='cosine')를 "
                    "학습 단어로 학습시키고 테스트 단어로 평가한 다음, 평균을 내 보세요"))


# ---- 2. tokyo --------------------------------------------------------------------------------------------

_TOKYO_WRONG = {
    "a": tr("a rare word gets a noisy vector, but that would not stop the classifier from saying 'city' if it knew "
            "that category",
            "드문 단어의 벡터는 잡음이 많지만, 그것 때문에 '도시'라고 답하지 못하는 것은 아닙니다. 분류기가 그 "
            "범주를 알았다면 그렇게 답할 수 있었을 것입니다"),
    "c": tr("that may explain which wrong label tokyo gets, but not why the classifier can never say 'city': even a "
            "vector in the middle of other cities would get one of the categories it was trained on",
            "그것은 tokyo가 어떤 틀린 레이블을 받는지는 설명할 수 있어도, 분류기가 왜 결코 '도시'라고 답할 수 없는지는 "
            "설명하지 못합니다. 다른 도시들 한가운데 있는 벡터라도 학습한 범주 중 하나를 받습니다"),
    "d": tr("a linear classifier can still separate many classes; the problem is which classes exist",
            "선형 분류기도 많은 클래스를 나눌 수 있습니다. 문제는 어떤 클래스가 있느냐입니다"),
}


def _check_tokyo(answer):
    if not isinstance(answer, str) or answer.strip().lower().strip("()") not in ("a", "b", "c", "d"):
        raise NotYet(tr("answer with one letter: 'a', 'b', 'c' or 'd'", "글자 하나로 답해 보세요: 'a', 'b', 'c' 또는 'd'"))
    letter = answer.strip().lower().strip("()")
    if letter in _TOKYO_WRONG:
        raise NotYet(_TOKYO_WRONG[letter])
    return tr("a classifier only chooses among the categories it was trained on",
              "분류기는 학습한 범주 중에서만 고릅니다")


# ---- 3. how many dimensions carry the categories? ----------------------------------------------------------


def pca_accuracies(X, labels, idx_train, idx_test, ks=(2, 5, 10, 20), C=1.0):
    """Test accuracy of logistic regression on the first k principal components (fitted on the training rows)."""
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression

    labels = np.asarray(labels)
    out = {}
    for k in ks:
        Z = PCA(n_components=k).fit(X[idx_train]).transform(X)
        clf = LogisticRegression(C=C, max_iter=5000).fit(Z[idx_train], labels[idx_train])
        out[k] = float((clf.predict(Z[idx_test]) == labels[idx_test]).mean())
    return out


def _smallest_close(by_k, full, margin):
    ok = [k for k, a in sorted(by_k.items()) if a >= full - margin]
    return ok[0] if ok else None


def mean_pca_accuracies(X, labels, splits, ks=(2, 5, 10, 20), C=1.0):
    """pca_accuracies averaged over the splits (a list of (idx_train, idx_test))."""
    per_split = [pca_accuracies(X, labels, tr_, te_, ks, C) for tr_, te_ in splits]
    return {k: float(np.mean([d[k] for d in per_split])) for k in ks}


def _check_dims(answer, X=None, labels=None, splits=None, idx_train=None, idx_test=None, full=None,
                ks=(2, 5, 10, 20), C=1.0, margin=0.05):
    splits = _as_splits(splits, idx_train, idx_test)
    if X is None or labels is None or splits is None or full is None:
        raise NotYet(tr("pass the context: q3.check(answer_3, X=features['word vectors'], labels=labels, "
                        "splits=splits, full=np.mean(runs['word vectors']), C=C)",
                        "채점에 필요한 값도 함께 넘겨 보세요. 부르는 법은 q3.check(answer_3, X=features['word vectors'], labels=labels, "
                        "splits=splits, full=np.mean(runs['word vectors']), C=C)입니다"))
    if isinstance(answer, str) and answer.strip().isdigit():
        answer = int(answer.strip())
    if isinstance(answer, (float, np.floating)) and float(answer).is_integer():
        answer = int(answer)
    if isinstance(answer, bool) or not isinstance(answer, (int, np.integer)) or answer not in ks:
        raise NotYet(tr(f"answer with one of k = {', '.join(map(str, ks))}",
                        f"k = {', '.join(map(str, ks))} 중 하나로 답해 보세요"))
    by_k = mean_pca_accuracies(X, labels, splits, ks, C)
    want = _smallest_close(by_k, full, margin)
    if want is None:
        raise NotYet(tr(f"no k in {ks} gets within {margin} of the full vectors here; try larger k",
                        f"여기서는 {ks}의 어떤 k도 전체 벡터와 {margin} 이내에 들지 않습니다. 더 큰 k를 시도해 보세요"))
    if answer == want:
        return tr(f"k = {want}: {by_k[want]:.3f} against {full:.3f} with all dimensions",
                  f"k = {want}: {by_k[want]:.3f}, 모든 차원일 때는 {full:.3f}")
    if by_k[answer] < full - margin:
        raise NotYet(tr(f"with k = {answer} the accuracy is {by_k[answer]:.3f}, more than {margin} below the full "
                        f"vectors' {full:.3f}",
                        f"k = {answer}일 때 정확도는 {by_k[answer]:.3f}이며, 전체 벡터의 {full:.3f}보다 {margin} 넘게 "
                        "낮습니다"))
    raise NotYet(tr(f"k = {answer} is close enough, but a smaller k already is: the question asks for the smallest",
                    f"k = {answer}도 충분히 가깝지만, 더 작은 k도 이미 그렇습니다. 문제는 가장 작은 값을 묻습니다"))


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (a nearest-neighbour classifier)", "문제 1 (최근접 이웃 분류기)"),
        checker=_check_knn,
        hint_text=tr("for tr, te in splits: KNeighborsClassifier(n_neighbors=3, metric='cosine').fit(X[tr], labels[tr]), "
                     "then the mean of (predict(X[te]) == labels[te]); average the accuracies over the splits.",
                     "for tr, te in splits: KNeighborsClassifier(n_neighbors=3, metric='cosine').fit(X[tr], labels[tr]) "
                     "다음에 (predict(X[te]) == labels[te])의 평균을 구하고, 그 정확도를 분할에 걸쳐 평균해 보세요."),
        solution_text="from sklearn.neighbors import KNeighborsClassifier\nX = features['word vectors']\n"
                      "knn_accs = []\nfor tr, te in splits:\n"
                      "    knn = KNeighborsClassifier(n_neighbors=3, metric='cosine').fit(X[tr], labels[tr])\n"
                      "    knn_accs.append((knn.predict(X[te]) == labels[te]).mean())\n"
                      "answer_1 = float(np.mean(knn_accs))",
        reference=lambda X=None, labels=None, splits=None, idx_train=None, idx_test=None, **_: _mean_knn(
            X, labels, _as_splits(splits, idx_train, idx_test)),
    ),
    Exercise(
        name=tr("Exercise 2 (what is tokyo?)", "문제 2 (tokyo는 무엇일까요?)"),
        checker=_check_tokyo,
        hint_text=tr("Look at full.classes_: which answers can the classifier give at all?",
                     "full.classes_를 보세요. 분류기가 내놓을 수 있는 답은 애초에 무엇일까요?"),
        solution_text=tr("answer_2 = 'b'   # the categories it was trained on are all it knows; 'city' is not one of them",
                         "answer_2 = 'b'   # 분류기가 아는 것은 학습한 범주뿐이고, '도시'는 그중 하나가 아닙니다"),
        reference=lambda **_: "b",
    ),
    Exercise(
        name=tr("Exercise 3 (how many dimensions carry the categories?)", "문제 3 (범주를 담는 차원은 몇 개일까요?)"),
        checker=_check_dims,
        hint_text=tr("for each k and each split (tr, te): Z = PCA(n_components=k).fit(X[tr]).transform(X), then "
                     "accuracy(Z, tr, te, labels)[0]; average over the splits and compare with "
                     "np.mean(runs['word vectors']).",
                     "k마다, 분할 (tr, te)마다 Z = PCA(n_components=k).fit(X[tr]).transform(X)를 만들고 "
                     "accuracy(Z, tr, te, labels)[0]을 잽니다. 분할에 걸쳐 평균하고 np.mean(runs['word vectors'])와 "
                     "비교해 보세요."),
        solution_text="by_k = w2vlib.exercises.nb08.mean_pca_accuracies(features['word vectors'], labels, splits, "
                      "C=C)\nanswer_3 = min(k for k, a in by_k.items() if a >= np.mean(runs['word vectors']) - 0.05)",
        reference=lambda X=None, labels=None, splits=None, idx_train=None, idx_test=None, full=None,
                  ks=(2, 5, 10, 20), C=1.0, margin=0.05, **_: _smallest_close(
                      mean_pca_accuracies(X, labels, _as_splits(splits, idx_train, idx_test), ks, C), full, margin),
    ),
]
