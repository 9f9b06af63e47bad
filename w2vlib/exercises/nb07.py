"""Exercises of notebook 07 (visualizing embeddings)."""
from __future__ import annotations

import numpy as np

from ..similarity import normalize
from . import Exercise, NotYet, tr

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
        raise NotYet(tr("pass the context: q1.check(answer_1, X=X, groups=groups)",
                        "채점에 필요한 값도 함께 넘기세요: q1.check(answer_1, X=X, groups=groups)"))
    rates = group_nn_rates(X, groups)
    if answer not in rates:
        raise NotYet(tr(f"answer with one group name: {', '.join(repr(g) for g in rates)}",
                        f"그룹 이름 하나로 답하세요: {', '.join(repr(g) for g in rates)}"))
    low, high = min(rates.values()), max(rates.values())
    if rates[answer] == low:
        return tr(f"{answer!r}: nearest word in its own group for {low:.0%} of its words",
                  f"{answer!r}: 단어의 {low:.0%}만 가장 가까운 단어가 같은 그룹에 있습니다")
    if rates[answer] == high:
        raise NotYet(tr(f"{answer!r} is among the *most* clustered ({high:.0%}); look for the lowest rate",
                        f"{answer!r} 그룹은 *가장* 잘 모인 편에 속합니다 ({high:.0%}); 비율이 가장 낮은 그룹을 찾으세요"))
    raise NotYet(tr(f"{answer!r} keeps {rates[answer]:.0%} of its words' nearest neighbours; another group keeps fewer",
                    f"{answer!r} 그룹에서는 단어의 {rates[answer]:.0%}가 최근접 이웃을 같은 그룹에 둡니다; 비율이 더 낮은 그룹이 있습니다"))


# ---- 2. how many directions hold half of the variance? ----------------------------------------------------


def _components_for_half(Wn):
    from sklearn.decomposition import PCA

    cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_)
    return int(np.searchsorted(cum, 0.5) + 1)


def _check_half(answer, Wn=None, W=None):
    if Wn is None:
        raise NotYet(tr("pass the context: q2.check(answer_2, Wn=Wn, W=W)",
                        "채점에 필요한 값도 함께 넘기세요: q2.check(answer_2, Wn=Wn, W=W)"))
    if isinstance(answer, bool) or not isinstance(answer, (int, np.integer)):
        raise NotYet(tr("answer with a whole number of components", "주성분의 개수를 정수로 답하세요"))
    right = _components_for_half(Wn)
    if answer == right:
        return tr(f"{right} of {np.shape(Wn)[1]} directions", f"방향 {np.shape(Wn)[1]}개 중 {right}개")
    if answer == right - 1:
        raise NotYet(tr("off by one: np.searchsorted returns an index (from 0); the number of components is index + 1",
                        "하나 모자랍니다: np.searchsorted는 (0부터 세는) 인덱스를 돌려줍니다; 주성분의 개수는 인덱스 + 1입니다"))
    if W is not None and answer == _components_for_half(W):
        raise NotYet(tr("that is for the raw vectors W; the pictures use the unit vectors Wn",
                        "그것은 정규화하지 않은 벡터 W의 값입니다; 그림은 단위 벡터 Wn을 씁니다"))
    raise NotYet(tr("add up explained_variance_ratio_ (np.cumsum) and count components until the sum reaches 0.5",
                    "explained_variance_ratio_를 누적해서 더하고(np.cumsum), 합이 0.5에 이를 때까지 주성분을 세세요"))


# ---- 3. what do two random starts of t-SNE share? ---------------------------------------------------------

_TSNE_WRONG = {
    "a": tr("the optimisation starts from different random points, and its cost does not care about rotation, "
            "reflection or where a cluster sits: the coordinates change",
            "최적화가 서로 다른 무작위 점에서 시작하고, 그 비용 함수는 회전, 반전, 군집의 위치에 무관합니다: "
            "좌표는 바뀝니다"),
    "c": tr("each start finds neighbourhoods about as well (measure trustworthiness for both): the clusters stay",
            "어느 시작에서든 이웃 관계를 비슷하게 잘 찾습니다(둘 다 신뢰도를 재 보세요): 군집은 남습니다"),
    "d": tr("distances between clusters carry no meaning in either picture, so they cannot be 'kept'",
            "군집 사이의 거리는 어느 그림에서도 의미가 없으므로 '지켜질' 수 없습니다"),
}


def _check_tsne(answer):
    if not isinstance(answer, str) or answer.strip().lower().strip("()") not in "abcd" or not answer.strip():
        raise NotYet(tr("answer with one letter: 'a', 'b', 'c' or 'd'", "글자 하나로 답하세요: 'a', 'b', 'c' 또는 'd'"))
    letter = answer.strip().lower().strip("()")
    if letter in _TSNE_WRONG:
        raise NotYet(_TSNE_WRONG[letter])
    return None


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (the least clustered group)", "문제 1 (가장 덜 모인 그룹)"),
        checker=_check_least,
        hint_text=tr("For every drawn word find its nearest other drawn word (cosine on X), then average 'same "
                     "group?' within each group. w2vlib.exercises.nb07.group_nn_rates does exactly that, if you "
                     "want to compare.",
                     "그린 단어마다 가장 가까운 다른 단어를 찾고(X에서 코사인), 그룹마다 '같은 그룹인가?'의 평균을 "
                     "구하세요. 비교해 보고 싶다면 w2vlib.exercises.nb07.group_nn_rates가 바로 그 일을 합니다."),
        solution_text="rates = w2vlib.exercises.nb07.group_nn_rates(X, groups)\n"
                      "answer_1 = min(rates, key=rates.get)",
        reference=lambda X=None, groups=None, **_: min((r := group_nn_rates(X, groups)), key=r.get),
    ),
    Exercise(
        name=tr("Exercise 2 (directions for half of the variance)", "문제 2 (분산의 절반을 담는 방향의 수)"),
        checker=_check_half,
        hint_text=tr("cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_); the first position where cum >= 0.5 "
                     "is np.searchsorted(cum, 0.5), counted from 0.",
                     "cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_); cum >= 0.5가 처음으로 참이 되는 위치는 "
                     "np.searchsorted(cum, 0.5)이고, 0부터 셉니다."),
        solution_text="cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_)\n"
                      "answer_2 = int(np.searchsorted(cum, 0.5) + 1)",
        reference=lambda Wn=None, **_: _components_for_half(Wn),
    ),
    Exercise(
        name=tr("Exercise 3 (two random starts of t-SNE)", "문제 3 (t-SNE의 두 가지 무작위 시작)"),
        checker=_check_tsne,
        hint_text=tr("Run it: Y = TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact', "
                     "random_state=s).fit_transform(X) for s = 1, 2; plot both and compute trustworthiness(X, Y, "
                     "n_neighbors=NEIGHBOURS).",
                     "실행해 보세요: s = 1, 2에 대해 Y = TSNE(n_components=2, perplexity=PERPLEXITY, init='random', "
                     "method='exact', random_state=s).fit_transform(X); 두 그림을 모두 그린 뒤 각각 trustworthiness(X, Y, "
                     "n_neighbors=NEIGHBOURS)를 계산하세요."),
        solution_text=tr("answer_3 = 'b'\n# the check, measured:\nfor s in (1, 2):\n"
                         "    Y = TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact',\n"
                         "             random_state=s).fit_transform(X)\n"
                         "    print(s, trustworthiness(X, Y, n_neighbors=NEIGHBOURS))"
                         "  # about equal; the layouts differ",
                         "answer_3 = 'b'\n# 측정으로 확인:\nfor s in (1, 2):\n"
                         "    Y = TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact',\n"
                         "             random_state=s).fit_transform(X)\n"
                         "    print(s, trustworthiness(X, Y, n_neighbors=NEIGHBOURS))  # 거의 같음; 배치는 다름"),
        reference=lambda **_: "b",
    ),
]
