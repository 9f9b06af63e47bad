"""Exercises of notebook 07 (visualizing embeddings)."""
from __future__ import annotations

import numpy as np

from ..similarity import normalize
from ..text import josa
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


def _group_key(answer, keys, shown=None):
    """The key of ``keys`` that ``answer`` names: the key itself or the name the figures show for it
    (``shown``, the notebook's SHOWN map), in any case and with spaces around it; None when it names none."""
    if not isinstance(answer, str):
        return None
    names = {}
    for key in keys:
        for name in (key, (shown or {}).get(key, key)):
            names.setdefault(str(name).strip().casefold(), key)
    return names.get(answer.strip().casefold())


def _check_least(answer, X=None, groups=None, shown=None):
    if X is None or groups is None:
        raise NotYet(tr("pass the context: q1.check(answer_1, X=X, groups=groups, shown=SHOWN)",
                        "채점에 필요한 값도 함께 넘겨 보세요. 부르는 법은 q1.check(answer_1, X=X, groups=groups, shown=SHOWN)입니다"))
    rates = group_nn_rates(X, groups)
    shown = shown or {}

    def named(g):  # the key, and in brackets the name the figures show when it differs ('nationalities'(국적))
        return f"{g!r}({shown[g]})" if shown.get(g, g) != g else repr(g)

    answer = _group_key(answer, rates, shown)
    if answer is None:
        raise NotYet(tr(f"answer with one group name: {', '.join(repr(g) for g in rates)}",
                        f"그룹 이름 하나로 답해 보세요: {', '.join(named(g) for g in rates)}"))
    low, high = min(rates.values()), max(rates.values())
    if rates[answer] == low:
        lowest = f"{low:.0%}"
        return tr(f"{answer!r}: nearest word in its own group for {lowest} of its words",
                  f"{named(answer)}. " + (f"단어의 {lowest}만이 가장 가까운 단어를 같은 그룹에 둡니다" if lowest != "100%"
                                          else "모든 그룹에서 단어 모두가 가장 가까운 단어를 같은 그룹에 둡니다"))
    if rates[answer] == high:
        raise NotYet(tr(f"{answer!r} is among the most clustered groups ({high:.0%}); look for the lowest rate",
                        f"{named(answer)} 그룹은 가장 잘 모인 편에 속합니다({high:.0%}). 비율이 가장 낮은 그룹을 찾아 보세요"))
    share = f"{rates[answer]:.0%}"
    raise NotYet(tr(f"{answer!r}: {share} of its words have their nearest word in the same group; another group has fewer",
                    f"{named(answer)} 그룹에서는 단어의 {josa(share, '이/가')} 최근접 이웃을 같은 그룹에 둡니다. "
                    "비율이 더 낮은 그룹이 있습니다"))


# ---- 2. how many directions hold half of the variance? ----------------------------------------------------


def _components_for_half(Wn):
    from sklearn.decomposition import PCA

    cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_)
    return int(np.searchsorted(cum, 0.5) + 1)


def _check_half(answer, Wn=None, W=None):
    if Wn is None:
        raise NotYet(tr("pass the context: q2.check(answer_2, Wn=Wn, W=W)",
                        "채점에 필요한 값도 함께 넘겨 보세요. 부르는 법은 q2.check(answer_2, Wn=Wn, W=W)입니다"))
    if isinstance(answer, (float, np.floating)) and float(answer).is_integer():
        answer = int(answer)  # 13.0 is a whole number too
    if isinstance(answer, bool) or not isinstance(answer, (int, np.integer)):
        raise NotYet(tr("answer with a whole number of components", "주성분의 개수를 정수로 답해 보세요"))
    right = _components_for_half(Wn)
    if answer == right:
        return tr(f"{right} of {np.shape(Wn)[1]} directions", f"방향 {np.shape(Wn)[1]}개 중 {right}개")
    if answer == right - 1:
        raise NotYet(tr("off by one: np.searchsorted returns an index (from 0); the number of components is index + 1",
                        "하나 모자랍니다. np.searchsorted는 (0부터 세는) 인덱스를 돌려줍니다. 주성분의 개수는 인덱스 + 1입니다"))
    if answer == right + 1:
        raise NotYet(tr("one too many: stop at the first component where the running sum (np.cumsum) reaches 0.5; "
                        "the component after it is not needed",
                        "하나 많습니다. 누적합(np.cumsum)이 처음으로 0.5에 이르는 주성분에서 멈춰 보세요. 그다음 주성분은 "
                        "필요하지 않습니다"))
    if W is not None and answer == _components_for_half(W):
        raise NotYet(tr("that is for the raw vectors W; the pictures use the unit vectors Wn",
                        "그것은 정규화하지 않은 벡터 W의 값입니다. 그림은 단위 벡터 Wn을 씁니다"))
    raise NotYet(tr("add up explained_variance_ratio_ (np.cumsum) and count components until the sum reaches 0.5",
                    "explained_variance_ratio_를 누적해서 더하고(np.cumsum), 합이 0.5에 이를 때까지 주성분을 세어 보세요"))


# ---- 3. what do two random starts of t-SNE share? ---------------------------------------------------------


def nearest(Y, k):
    """The indices of each row's ``k`` nearest other rows of ``Y`` (Euclidean), shape (n, k)."""
    from sklearn.neighbors import NearestNeighbors

    Y = np.asarray(Y, dtype=np.float64)
    return NearestNeighbors(n_neighbors=k + 1).fit(Y).kneighbors(Y, return_distance=False)[:, 1:]


def shared_neighbours(Y1, Y2, k=5):
    """The mean share of each point's ``k`` nearest neighbours in ``Y1`` that are also among them in ``Y2``."""
    a, b = nearest(Y1, k), nearest(Y2, k)
    return float(np.mean([len(set(x) & set(y)) / k for x, y in zip(a, b)]))


def _picture(Y, X, name):
    if Y is None or Y is Ellipsis:
        raise NotYet(tr(f"run the two t-SNEs and pass both pictures: q3.check(answer_3, X=X, Y1=Y1, Y2=Y2, "
                        f"k=NEIGHBOURS); the check measures your own pictures ({name} is missing)",
                        f"t-SNE를 두 번 실행하고 두 그림을 모두 넘겨 보세요. 부르는 법은 q3.check(answer_3, X=X, Y1=Y1, Y2=Y2, "
                        f"k=NEIGHBOURS)입니다. 채점은 여러분이 만든 그림을 잽니다({josa(name, '이/가')} 없습니다)"))
    try:
        Y = np.asarray(Y, dtype=np.float64)
    except (TypeError, ValueError):
        Y = None
    if Y is None or Y.ndim != 2 or Y.shape != (len(X), 2):
        raise NotYet(tr(f"{name} should be a t-SNE picture of X: one row of 2 coordinates per word, shape "
                        f"({len(X)}, 2)",
                        f"{josa(name, '은/는')} X의 t-SNE 그림이어야 합니다. 단어마다 좌표 2개인 행 하나, 모양 ({len(X)}, 2)"))
    return Y


def _check_tsne(answer, X=None, Y1=None, Y2=None, k=5):
    if not isinstance(answer, str) or answer.strip().lower().strip("()") not in ("a", "b", "c", "d"):
        raise NotYet(tr("answer with one letter: 'a', 'b', 'c' or 'd'", "글자 하나로 답해 보세요: 'a', 'b', 'c' 또는 'd'"))
    letter = answer.strip().lower().strip("()")
    if X is None:
        raise NotYet(tr("pass the context: q3.check(answer_3, X=X, Y1=Y1, Y2=Y2, k=NEIGHBOURS)",
                        "채점에 필요한 값도 함께 넘겨 보세요. 부르는 법은 q3.check(answer_3, X=X, Y1=Y1, Y2=Y2, k=NEIGHBOURS)입니다"))
    from sklearn.manifold import trustworthiness

    X = np.asarray(X, dtype=np.float64)
    Y1, Y2 = _picture(Y1, X, "Y1"), _picture(Y2, X, "Y2")
    if np.allclose(Y1, Y2):
        raise NotYet(tr("your two pictures are the same: use init='random' and two different random_state values "
                        "(with init='pca' and so few words the start does not depend on random_state, as section 3 explains)",
                        "두 그림이 똑같습니다. init='random'과 서로 다른 random_state 두 개를 써 보세요"
                        "(단어가 이만큼 적으면 init='pca'의 시작점은 random_state와 상관없이 같습니다. 3절에서 설명합니다)"))
    rng = np.random.default_rng(0)
    for name, Y in (("Y1", Y1), ("Y2", Y2)):
        trust = trustworthiness(X, Y, n_neighbors=k)
        null = np.mean([trustworthiness(X, Y[rng.permutation(len(Y))], n_neighbors=k) for _ in range(5)])
        if trust < null + 0.15:
            raise NotYet(tr(f"{name} keeps few neighbourhoods of X (trustworthiness {trust:.2f}, a random placement "
                            f"gets {null:.2f}): is it the output of TSNE(...).fit_transform(X)?",
                            f"{josa(name, '은/는')} X의 이웃 관계를 거의 지키지 않습니다(신뢰도 {trust:.2f}, 무작위 배치는 "
                            f"{null:.2f}). TSNE(...).fit_transform(X)의 출력이 맞나요?"))
    shared = shared_neighbours(Y1, Y2, k)
    chance = k / (len(X) - 1)
    right = "d" if shared == 0 else "c" if shared < 2 * chance else "a" if shared == 1 else "b"
    measured = tr(f"your two pictures share {shared:.0%} of each word's {k} nearest neighbours; two random "
                  f"placements would share about {chance:.0%}",
                  f"두 그림은 단어마다 가장 가까운 이웃 {k}개 중 {shared:.0%}를 공유합니다. 무작위 배치 두 개라면 "
                  f"약 {chance:.0%}를 공유합니다")
    if letter == right:
        return measured
    m_en, m_ko = measured["en"], measured["ko"]
    if letter == "a":
        raise NotYet(tr(f"{m_en}: not all of them, some neighbours change with the start (and the coordinates "
                        "do: the cost does not care where a cluster sits or how it is turned)",
                        f"{m_ko}. 전부는 아닙니다. 시작점에 따라 이웃 일부가 바뀝니다(좌표도 바뀝니다. 비용 함수는 "
                        "군집이 어디에 있는지, 어느 쪽으로 돌아 있는지 상관하지 않습니다)"))
    if letter == "d" and right in ("a", "b"):
        raise NotYet(tr(f"{m_en}: the clusters did not dissolve, your pictures share far more neighbours than "
                        "chance; plot Y1 and Y2 to see the groups in both",
                        f"{m_ko}. 군집은 흩어지지 않았습니다. 두 그림은 우연보다 훨씬 많은 이웃을 공유합니다. Y1과 Y2를 "
                        "그려서 두 그림의 그룹을 확인해 보세요"))
    if letter in ("c", "d") and right in ("a", "b"):
        raise NotYet(tr(f"{m_en}: far more than chance, each start finds the neighbourhoods of X",
                        f"{m_ko}. 우연보다 훨씬 많습니다. 어느 시작점에서든 X의 이웃 관계를 찾습니다"))
    if letter == "b" and right == "a":
        raise NotYet(tr(f"{m_en}: all of them, your two pictures have the same neighbourhoods",
                        f"{m_ko}. 전부입니다. 두 그림의 이웃 관계가 같습니다"))
    raise NotYet(tr(f"{m_en}: that is about chance here; did both runs finish with the default settings?",
                    f"{m_ko}. 여기서는 우연과 비슷한 수준입니다. 두 실행 모두 기본 설정으로 끝까지 돌았나요?"))


EXERCISES = [
    Exercise(
        name=tr("Exercise 1 (the least clustered group)", "문제 1 (가장 덜 모인 그룹)"),
        checker=_check_least,
        hint_text=tr("For every drawn word find its nearest other drawn word (cosine on X: the rows are unit "
                     "vectors, so S = X @ X.T, then np.fill_diagonal(S, -np.inf) and S.argmax(axis=1)), then "
                     "average 'same group?' within each group.",
                     "그린 단어마다 가장 가까운 다른 단어를 찾고(X에서 코사인. 행이 단위 벡터이므로 S = X @ X.T를 구한 뒤 "
                     "np.fill_diagonal(S, -np.inf)와 S.argmax(axis=1)), 그룹마다 '같은 그룹인가?'의 평균을 구해 보세요."),
        solution_text=tr("S = X @ X.T  # cosines: the rows of X are unit vectors\n"
                         "np.fill_diagonal(S, -np.inf)  # a word is not its own neighbour\n"
                         "labels = np.array(groups)\n"
                         "same = labels[S.argmax(axis=1)] == labels\n"
                         "rates = {g: same[labels == g].mean() for g in dict.fromkeys(groups)}\n"
                         "answer_1 = min(rates, key=rates.get)",
                         "S = X @ X.T  # 코사인 (X의 행은 단위 벡터)\n"
                         "np.fill_diagonal(S, -np.inf)  # 단어 자신은 이웃이 아닙니다\n"
                         "labels = np.array(groups)\n"
                         "same = labels[S.argmax(axis=1)] == labels\n"
                         "rates = {g: same[labels == g].mean() for g in dict.fromkeys(groups)}\n"
                         "answer_1 = min(rates, key=rates.get)"),
        reference=lambda X=None, groups=None, **_: min((r := group_nn_rates(X, groups)), key=r.get),
    ),
    Exercise(
        name=tr("Exercise 2 (directions for half of the variance)", "문제 2 (분산의 절반을 담는 방향의 수)"),
        checker=_check_half,
        hint_text=tr("cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_); the first position where cum >= 0.5 "
                     "is np.searchsorted(cum, 0.5), counted from 0.",
                     "cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_)로 누적합을 구합니다. cum >= 0.5가 처음으로 참이 되는 위치는 "
                     "np.searchsorted(cum, 0.5)이고, 0부터 셉니다."),
        solution_text="cum = np.cumsum(PCA().fit(Wn).explained_variance_ratio_)\n"
                      "answer_2 = int(np.searchsorted(cum, 0.5) + 1)",
        reference=lambda Wn=None, **_: _components_for_half(Wn),
    ),
    Exercise(
        name=tr("Exercise 3 (two random starts of t-SNE)", "문제 3 (t-SNE의 두 가지 무작위 시작)"),
        checker=_check_tsne,
        hint_text=tr("Y1 = TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact', random_state=1)"
                     ".fit_transform(X), and Y2 the same with random_state=2. Plot both; "
                     "w2vlib.exercises.nb07.shared_neighbours(Y1, Y2, NEIGHBOURS) measures the shared neighbours.",
                     "Y1 = TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact', random_state=1)"
                     ".fit_transform(X)로 만들고, Y2는 random_state=2로 똑같이 만들어 보세요. 두 그림을 모두 그려 보고, "
                     "w2vlib.exercises.nb07.shared_neighbours(Y1, Y2, NEIGHBOURS)로 공유하는 이웃을 재 보세요."),
        solution_text=tr("Y1, Y2 = (TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact',\n"
                         "                 random_state=s).fit_transform(X) for s in (1, 2))\n"
                         "print(w2vlib.exercises.nb07.shared_neighbours(Y1, Y2, NEIGHBOURS))"
                         "  # most neighbours shared, far above chance\n"
                         "answer_3 = 'b'",
                         "Y1, Y2 = (TSNE(n_components=2, perplexity=PERPLEXITY, init='random', method='exact',\n"
                         "                 random_state=s).fit_transform(X) for s in (1, 2))\n"
                         "print(w2vlib.exercises.nb07.shared_neighbours(Y1, Y2, NEIGHBOURS))"
                         "  # 이웃 대부분을 공유, 우연보다 훨씬 많음\n"
                         "answer_3 = 'b'"),
        reference=lambda **_: "b",
    ),
]
