"""Exercises of notebook 07 (visualizing embeddings)."""
from __future__ import annotations

import numpy as np

from ..similarity import normalize
from . import Exercise, NotYet

# ---- 1. which group is least clustered? ------------------------------------------------------------------


def group_nn_rates(X, groups):
    """For each group: how often a word's nearest other word (by cosine, among the rows of X) is in its group."""
    Xn = normalize(np.asarray(X, dtype=np.float64))
    labels = np.asarray(groups)
    S = Xn @ Xn.T
    np.fill_diagonal(S, -np.inf)
    same = labels[S.argmax(axis=1)] == labels
    return {g: float(same[labels == g].mean()) for g in dict.fromkeys(groups)}


def _check_least(answer, X=None, groups=None):
    if X is None or groups is None:
        raise NotYet("pass the context: q1.check(answer_1, X=X, groups=groups)")
    rates = group_nn_rates(X, groups)
    if answer not in rates:
        raise NotYet(f"answer with one group name: {', '.join(repr(g) for g in rates)}")
    low, high = min(rates.values()), max(rates.values())
    if rates[answer] == low:
        return f"{answer!r}: nearest word in its own group for {low:.0%} of its words"
    if rates[answer] == high:
        raise NotYet(f"{answer!r} is among the *most* clustered ({high:.0%}); look for the lowest rate")
    raise NotYet(f"{answer!r} keeps {rates[answer]:.0%} of its words' nearest neighbours; another group keeps fewer")


# ---- 2. how many directions hold half of the variance? ----------------------------------------------------


def _components_for_half(Wn):
    from sklearn.decomposition import PCA

    cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_)
    return int(np.searchsorted(cum, 0.5) + 1)


def _check_half(answer, Wn=None, W=None):
    if Wn is None:
        raise NotYet("pass the context: q2.check(answer_2, Wn=Wn, W=W)")
    if isinstance(answer, bool) or not isinstance(answer, (int, np.integer)):
        raise NotYet("answer with a whole number of components")
    right = _components_for_half(Wn)
    if answer == right:
        return f"{right} of {np.shape(Wn)[1]} directions"
    if answer == right - 1:
        raise NotYet("off by one: np.searchsorted returns an index (from 0); the number of components is index + 1")
    if W is not None and answer == _components_for_half(W):
        raise NotYet("that is for the raw vectors W; the pictures use the unit vectors Wn")
    raise NotYet("add up explained_variance_ratio_ (np.cumsum) and count components until the sum reaches 0.5")


# ---- 3. what do two random starts of t-SNE share? ---------------------------------------------------------

_TSNE_WRONG = {
    "a": "the optimisation starts from different random points, and its cost does not care about rotation, "
         "reflection or where a cluster sits: the coordinates change",
    "c": "each start finds neighbourhoods about as well (measure trustworthiness for both): the clusters stay",
    "d": "distances between clusters carry no meaning in either picture, so they cannot be 'kept'",
}


def _check_tsne(answer):
    if not isinstance(answer, str) or answer.strip().lower().strip("()") not in "abcd" or not answer.strip():
        raise NotYet("answer with one letter: 'a', 'b', 'c' or 'd'")
    letter = answer.strip().lower().strip("()")
    if letter in _TSNE_WRONG:
        raise NotYet(_TSNE_WRONG[letter])
    return None


EXERCISES = [
    Exercise(
        name="Exercise 1 (the least clustered group)",
        checker=_check_least,
        hint_text="For every drawn word find its nearest other drawn word (cosine on X), then average 'same "
                  "group?' within each group. w2vlib.exercises.nb07.group_nn_rates does exactly that, if you "
                  "want to compare.",
        solution_text="rates = w2vlib.exercises.nb07.group_nn_rates(X, groups)\n"
                      "answer_1 = min(rates, key=rates.get)",
        reference=lambda X=None, groups=None, **_: min((r := group_nn_rates(X, groups)), key=r.get),
    ),
    Exercise(
        name="Exercise 2 (directions for half of the variance)",
        checker=_check_half,
        hint_text="cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_); the first position where cum >= 0.5 "
                  "is np.searchsorted(cum, 0.5), counted from 0.",
        solution_text="cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_)\n"
                      "answer_2 = int(np.searchsorted(cum, 0.5) + 1)",
        reference=lambda Wn=None, **_: _components_for_half(Wn),
    ),
    Exercise(
        name="Exercise 3 (two random starts of t-SNE)",
        checker=_check_tsne,
        hint_text="Run it: Y = TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact', "
                  "random_state=s).fit_transform(X) for s = 1, 2; plot both and compute trustworthiness(X, Y, "
                  "n_neighbors=NEIGHBOURS).",
        solution_text="answer_3 = 'b'\n# the check, measured:\nfor s in (1, 2):\n"
                      "    Y = TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact',\n"
                      "             random_state=s).fit_transform(X)\n"
                      "    print(s, trustworthiness(X, Y, n_neighbors=NEIGHBOURS))  # about equal; the layouts differ",
        reference=lambda **_: "b",
    ),
]
