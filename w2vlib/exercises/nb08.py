"""Exercises of notebook 08 (transfer learning)."""
from __future__ import annotations

import numpy as np

from . import Exercise, NotYet

# ---- 1. a nearest-neighbour classifier ---------------------------------------------------------------------


def _knn_acc(X, labels, idx_train, idx_test, n_neighbors=3, metric="cosine", on_train=False):
    from sklearn.neighbors import KNeighborsClassifier

    labels = np.asarray(labels)
    knn = KNeighborsClassifier(n_neighbors=n_neighbors, metric=metric).fit(X[idx_train], labels[idx_train])
    idx = idx_train if on_train else idx_test
    return float((knn.predict(X[idx]) == labels[idx]).mean())


def _check_knn(answer, X=None, labels=None, idx_train=None, idx_test=None):
    if X is None or labels is None or idx_train is None or idx_test is None:
        raise NotYet("pass the context: q1.check(answer_1, X=features['word vectors'], labels=labels, "
                     "idx_train=idx_train, idx_test=idx_test)")
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet("answer with one number: the test accuracy")
    close = lambda x: abs(got - x) <= 1e-6
    want = _knn_acc(X, labels, idx_train, idx_test)
    if close(want):
        return None
    if close(_knn_acc(X, labels, idx_train, idx_test, on_train=True)):
        raise NotYet("that is the accuracy on the training words; predict the held-out test words")
    if close(_knn_acc(X, labels, idx_train, idx_test, n_neighbors=5)):
        raise NotYet("that is with the default 5 neighbours; use n_neighbors=3")
    if close(_knn_acc(X, labels, idx_train, idx_test, metric="minkowski")):
        raise NotYet("that is with the Euclidean metric; use metric='cosine'")
    raise NotYet("fit KNeighborsClassifier(n_neighbors=3, metric='cosine') on the training words and score it "
                 "on the test words")


# ---- 2. tokyo --------------------------------------------------------------------------------------------

_TOKYO_WRONG = {
    "a": "a rare word gets a noisy vector, but that would not stop the classifier from saying 'city' if it knew "
         "that category",
    "c": "tokyo is in PTB's vocabulary: it has a vector, the classifier used it",
    "d": "a linear classifier can still separate many classes; the problem is which classes exist",
}


def _check_tokyo(answer):
    if not isinstance(answer, str) or answer.strip().lower().strip("()") not in ("a", "b", "c", "d"):
        raise NotYet("answer with one letter: 'a', 'b', 'c' or 'd'")
    letter = answer.strip().lower().strip("()")
    if letter in _TOKYO_WRONG:
        raise NotYet(_TOKYO_WRONG[letter])
    return "a classifier only chooses among the categories it was trained on"


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


def _check_dims(answer, X=None, labels=None, idx_train=None, idx_test=None, full=None, ks=(2, 5, 10, 20),
                C=1.0, margin=0.05):
    if X is None or labels is None or idx_train is None or idx_test is None or full is None:
        raise NotYet("pass the context: q3.check(answer_3, X=features['word vectors'], labels=labels, "
                     "idx_train=idx_train, idx_test=idx_test, full=acc['word vectors'], C=C)")
    if isinstance(answer, bool) or not isinstance(answer, (int, np.integer)) or answer not in ks:
        raise NotYet(f"answer with one of k = {', '.join(map(str, ks))}")
    by_k = pca_accuracies(X, labels, idx_train, idx_test, ks, C)
    want = _smallest_close(by_k, full, margin)
    if want is None:
        raise NotYet(f"no k in {ks} gets within {margin} of the full vectors here; try larger k")
    if answer == want:
        return f"k = {want}: {by_k[want]:.3f} against {full:.3f} with all dimensions"
    if by_k[answer] < full - margin:
        raise NotYet(f"with k = {answer} the accuracy is {by_k[answer]:.3f}, more than {margin} below the full "
                     f"vectors' {full:.3f}")
    raise NotYet(f"k = {answer} is close enough, but a smaller k already is: the question asks for the smallest")


EXERCISES = [
    Exercise(
        name="Exercise 1 (a nearest-neighbour classifier)",
        checker=_check_knn,
        hint_text="KNeighborsClassifier(n_neighbors=3, metric='cosine').fit(X[idx_train], labels[idx_train]), "
                  "then the mean of (predict(X[idx_test]) == labels[idx_test]).",
        solution_text="from sklearn.neighbors import KNeighborsClassifier\nX = features['word vectors']\n"
                      "knn = KNeighborsClassifier(n_neighbors=3, metric='cosine').fit(X[idx_train], y_train)\n"
                      "answer_1 = float((knn.predict(X[idx_test]) == y_test).mean())",
        reference=lambda X=None, labels=None, idx_train=None, idx_test=None, **_: _knn_acc(X, labels, idx_train,
                                                                                          idx_test),
    ),
    Exercise(
        name="Exercise 2 (what is tokyo?)",
        checker=_check_tokyo,
        hint_text="Look at clf.classes_: which answers can the classifier give at all?",
        solution_text="answer_2 = 'b'   # the eight categories are all it knows; 'city' is not one of them",
        reference=lambda **_: "b",
    ),
    Exercise(
        name="Exercise 3 (how many dimensions carry the categories?)",
        checker=_check_dims,
        hint_text="w2vlib.exercises.nb08.pca_accuracies(X, labels, idx_train, idx_test, C=C) gives the accuracy "
                  "for each k; pick the smallest within 0.05 of acc['word vectors'].",
        solution_text="by_k = w2vlib.exercises.nb08.pca_accuracies(features['word vectors'], labels, idx_train, "
                      "idx_test, C=C)\nanswer_3 = min(k for k, a in by_k.items() if a >= acc['word vectors'] - 0.05)",
        reference=lambda X=None, labels=None, idx_train=None, idx_test=None, full=None, ks=(2, 5, 10, 20), C=1.0,
                  margin=0.05, **_: _smallest_close(pca_accuracies(X, labels, idx_train, idx_test, ks, C), full,
                                                    margin),
    ),
]
