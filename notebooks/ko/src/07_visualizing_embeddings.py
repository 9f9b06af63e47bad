# ---
# jupyter:
#   jupytext:
#     formats: ipynb,src//py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07. 임베딩 시각화
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 2.4.2~2.4.3절과 2.4.5절 (차원 감소: 교재는 통계 기반 단어 벡터를 SVD로 줄이고 예문의 단어 7개를 두 차원의 그림으로 그립니다)
#
# 우리 단어 벡터는 하나하나가 숫자 `HIDDEN_SIZE`개로 이루어져 있습니다. 그만큼 많은 차원을 눈으로 볼 수는 없습니다. 교재도
# 2장에서 같은 문제를 만납니다. 통계 기반 단어 벡터를 SVD로 줄이고, 예문 "You say goodbye and I say hello."의
# 단어 7개를 처음 두 차원의 그림으로 그립니다. 이것을 차원 감소(dimensionality reduction)라고 합니다. PTB에서는
# SVD를 계산하지만 그림은 그리지 않습니다. 이 노트북은 우리 CBOW 벡터로 같은 일을 합니다. 고른 단어 그룹(월, 요일,
# 수사(數詞), 나라, 국적, 동사와 그 과거형, 회사)을 PCA와 t-SNE 두 가지 방법으로 2차원에 투영하고, 각 그림이 무엇을 지키고
# 무엇을 왜곡하는지 우연만으로 얻는 값과 비교해 측정합니다. 그다음 다른 도구가 읽는 두 가지 형식으로 벡터를
# 내보내서, Embedding Projector에서 살펴보거나 gensim으로 불러올 수 있게 합니다.
#
# **이 노트북에서 배울 내용**
# - 주성분 분석(PCA): 분산이 가장 큰 방향으로의 선형 투영, 그리고 두 방향이 분산을 얼마나 지키는지
# - 동사 → 과거형 같은 관계가 공통된 방향인지, 우연과 비교해서 판단하는 법
# - t-SNE: 이웃 관계는 지키지만 거리, 크기, 그룹 사이의 간격은 왜곡하는 비선형 지도. 그 숫자는 시작점의 마지막
#   몇 비트에 따라서도 움직입니다.
# - 그림을 원래 공간과 숫자로 대조하는 법 (지켜진 이웃, 거리의 상관관계)
# - 벡터를 Embedding Projector 형식(`vectors.tsv`, `metadata.tsv`)과 word2vec 텍스트 형식으로 내보내는 법

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
import w2vlib.exercises
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
from pathlib import Path

from scipy.spatial.distance import pdist
from scipy.stats import spearmanr
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, trustworthiness

from w2vlib.data import get_data_dir
from w2vlib.plotting import plot_word_groups
from w2vlib.pretrained import ptb_word_vectors
from w2vlib.text import format_table
from w2vlib.vectors import save_projector

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0            # 벡터와 아래 모든 무작위 추출의 시드. 아래 네 값과 함께 노트북 05와 같아야 그 벡터를 다시 씁니다
HIDDEN_SIZE = 100   # 벡터 길이 (다른 값이면 여기서 먼저 새 벡터를 학습하므로 시간이 걸립니다)
WINDOW_SIZE = 5     # 양쪽의 맥락 단어 수
NEGATIVE = 5        # 타깃당 부정적 예의 수
EPOCHS = 10         # PTB를 도는 횟수
PERPLEXITY = 15     # t-SNE에서 점 하나당 유효 이웃 수 (단어 수보다 작아야 합니다)
PERPLEXITIES = (5, 30)  # 비교할 작은 퍼플렉서티와 큰 퍼플렉서티 (각각 단어 수 아래로 잘립니다)
TSNE_RUNS = 7       # 시작점을 백만분의 1만큼 흔들어 t-SNE를 더 돌리는 횟수 (그 숫자가 얼마나 움직이는지 잽니다)
TINY_RUNS = 3       # float64로, 시작점을 1e-15만큼(float64의 마지막 몇 비트) 흔들어 t-SNE를 더 돌리는 횟수 (비교용)
NEIGHBOURS = 5      # 그림이 지킨 것을 잴 때 확인하는 이웃 수
GROUPS = {          # 그릴 단어, 그룹별로 (모두 PTB의 어휘에 있음)
    "months": "january february march april june july august september october november december",
    "weekdays": "monday tuesday wednesday thursday friday saturday sunday",
    "numbers": "one two three four five six seven eight nine hundred thousand million billion",
    "countries": "japan china germany britain france canada mexico italy spain india brazil korea taiwan australia",
    "nationalities": "japanese chinese german british french canadian mexican italian spanish indian brazilian korean australian swiss",
    "verbs": "rise fall buy sell take go come pay make give",
    "past forms": "rose fell bought sold took went came paid made gave",
    "companies": "ibm ford chrysler gm nissan boeing exxon mobil texaco sony apple intel xerox kodak honda toyota",
}
PAIRED = ("verbs", "past forms")  # 단어가 순서대로 짝을 이루는 GROUPS의 두 그룹 (None: 그 그림은 건너뜀)

# %% [markdown]
# ## 1. 벡터와 단어
#
# 노트북 05의 벡터를 불러옵니다(캐시에 없으면 같은 설정으로 학습합니다). 단어 *may*는 일부러 월에서 뺐습니다.
# PTB에서는 대부분 조동사(*may be*, *may have*)로 쓰이기 때문입니다.

# %%
# wv: w2vlib.WordVectors, gensim KeyedVectors의 규약을 따릅니다 (노트북 06)
wv = ptb_word_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=EPOCHS)
W = wv.vectors
words = [w for ws in GROUPS.values() for w in ws.split()]
groups = [g for g, ws in GROUPS.items() for _ in ws.split()]
SHOWN = {"months": "월", "weekdays": "요일", "numbers": "수사", "countries": "나라",
         "nationalities": "국적", "verbs": "동사", "past forms": "과거형", "companies": "회사"}
shown_groups = [SHOWN.get(g, g) for g in groups]  # 그림에 보이는 그룹 이름
missing = [w for w in words if w not in wv]
assert not missing, f"어휘에 없는 단어: {missing}"
assert len(set(words)) == len(words), "한 단어가 두 그룹에 들어 있습니다"
assert PERPLEXITY < len(words), f"PERPLEXITY는 단어 수({len(words)})보다 작아야 합니다. 낮추거나 단어를 추가해 보세요."
Wn = w2vlib.normalize(W)  # 단위 벡터: 그러면 유클리드 거리가 코사인을 따릅니다
X = Wn[[wv.key_to_index[w] for w in words]]
print(f"{len(GROUPS)}개 그룹의 단어 {len(words)}개, 단어마다 숫자 {X.shape[1]}개짜리 벡터")

# %% [markdown]
# 아래의 모든 그림은 `w2vlib.plotting.plot_word_groups`로 그립니다. 그룹마다 색*과* 마커를 따로 주므로 흑백에서도
# 그룹이 구별되고, 범례는 축 바깥에 놓입니다.
#
# ## 2. PCA: 분산이 가장 큰 두 방향
#
# PCA는 공간을 회전시켜 첫 번째 축이 점들이 가장 넓게 퍼진 방향을, 두 번째 축이 남은 것 중 가장 넓게 퍼진 방향을
# 따르게 하고(이하 마찬가지), 처음 두 축만 남깁니다. 벡터에서 평균을 뺀 뒤의 SVD입니다. 교재 2장의 그림과는 두
# 가지가 다릅니다. PCA는 먼저 벡터의 평균을 빼고(중심화), 좌표가 U·S라서 각 축이 특잇값만큼 늘어납니다. 교재는
# U의 열만 그립니다. 선형 변환이므로 직선은 직선으로, 평행한 차이 벡터는 평행한 채로 남습니다. *설명된 분산
# 비율*(explained variance ratio)은 남긴 방향들이 전체 퍼짐 중 얼마를 담고 있는지 말해 줍니다. 나머지는 버려집니다.

# %%
pca = PCA(n_components=2).fit(X)
P = pca.transform(X)
ratios = pca.explained_variance_ratio_
print(f"우리 단어 {len(words)}개에서 지킨 분산의 비율: PC1 {ratios[0]:.3f}, PC2 {ratios[1]:.3f}, 합계 {ratios.sum():.3f}")
pca_all = PCA(n_components=10).fit(Wn)
cum = np.cumsum(pca_all.explained_variance_ratio_)
print(f"어휘 전체에서 지킨 분산의 비율: 주성분 2개 {cum[1]:.3f}, 10개 {cum[9]:.3f}")

# %%
fig, ax = plt.subplots(figsize=(10, 7))
plot_word_groups(P, shown_groups, words, ax=ax, lang="ko")
ax.set_xlabel(f"PC1 (분산의 {ratios[0]:.0%})")
ax.set_ylabel(f"PC2 (분산의 {ratios[1]:.0%})")
ax.set_title("단어 그룹의 PCA")
plt.show()

# %% [markdown]
# 두 방향은 위에 출력된 만큼의 분산만 담으므로, 전체 공간에서는 멀리 떨어진 그룹이 이 그림에서는 겹칠 수
# 있습니다. PCA가 지키는 것은 *선형 구조*입니다. `PAIRED`의 두 그룹(기본값은 동사와 그 과거형)의 단어로만 PCA를 학습하고
# 각 단어에서 그 짝으로 화살표를 그리면, 그 관계가 공통된 방향인지 볼 수 있습니다. 셀은 그것을 측정도 합니다.
# 각 쌍의 차이 벡터와 평균 차이 벡터의 코사인을 (그림이 아니라) 전체 공간에서 구해 두 가지 우연과 나란히 보여 줍니다.

# %%
def offset_agreement(a_rows, b_rows):
    """각 쌍의 차이 벡터(b - a, 단위 벡터로)와 평균 차이 벡터의 코사인."""
    offsets = w2vlib.normalize(b_rows - a_rows)
    mean_offset = w2vlib.normalize(offsets.mean(axis=0, keepdims=True))[0]
    return offsets @ mean_offset

if PAIRED and all(g in GROUPS for g in PAIRED):
    first, second = GROUPS[PAIRED[0]].split(), GROUPS[PAIRED[1]].split()
    assert len(first) == len(second), f"PAIRED 그룹은 단어끼리 짝을 이루어야 합니다. 단어 수: {len(first)}, {len(second)}"
    assert len(first) >= 3, "우연과 비교하려면 PAIRED 그룹에 쌍이 3개 이상 있어야 합니다"
    V2 = PCA(n_components=2).fit(Wn[[wv.key_to_index[w] for w in first + second]])
    A = V2.transform(Wn[[wv.key_to_index[w] for w in first]])
    B = V2.transform(Wn[[wv.key_to_index[w] for w in second]])
    fig, ax = plt.subplots(figsize=(8, 5))
    plot_word_groups(np.vstack([A, B]), [SHOWN.get(PAIRED[0], PAIRED[0])] * len(first) + [SHOWN.get(PAIRED[1], PAIRED[1])] * len(second), first + second,
                     ax=ax, fontsize=9, lang="ko")
    for a, b in zip(A, B):
        ax.annotate("", xy=b, xytext=a, arrowprops=dict(arrowstyle="->", color="gray", alpha=0.6))
    ax.set_xlabel("PC1")
    ax.set_ylabel("PC2")
    ax.set_title(f"{SHOWN.get(PAIRED[0], PAIRED[0])} → {SHOWN.get(PAIRED[1], PAIRED[1])}, 이 단어 {2 * len(first)}개의 PCA")
    plt.show()
    Wa, Wb = Wn[[wv.key_to_index[w] for w in first]], Wn[[wv.key_to_index[w] for w in second]]
    agree = offset_agreement(Wa, Wb)
    n_pairs = len(first)
    # 우연 1: 무작위 방향의 차이 벡터 n개 (공통 방향이 전혀 없음), 2000번 추출
    R = np.random.default_rng(SEED).standard_normal((2000, n_pairs, X.shape[1]))
    R /= np.linalg.norm(R, axis=-1, keepdims=True)
    M = R.mean(axis=1)
    M /= np.linalg.norm(M, axis=-1, keepdims=True)
    random_dirs = np.einsum("dnh,dh->dn", R, M).mean(axis=1)
    # 우연 2: 같은 단어를 잘못 짝지음 (자기 짝이 아닌 무작위 짝, 5,000가지)
    perm_rng = np.random.default_rng(SEED)
    perms = []
    while len(perms) < 5000:  # 무작위 완전순열: 어느 단어도 자기 짝을 갖지 않음
        p = perm_rng.permutation(n_pairs)
        if np.all(p != np.arange(n_pairs)):
            perms.append(p)
    wrong_pairs = np.array([offset_agreement(Wa, Wb[p]).mean() for p in perms])
    p_value = (1 + np.sum(wrong_pairs >= np.mean(agree))) / (1 + len(wrong_pairs))
    print(f"각 쌍의 차이 벡터와 평균 차이 벡터의 코사인: 평균 {np.mean(agree):.3f}, 최소 {agree.min():.3f}")
    print(f"우연, 무작위 방향의 차이 벡터 {n_pairs}개: {random_dirs.mean():.3f} ± {random_dirs.std(ddof=1):.3f} "
          f"(1/√{n_pairs} = {1 / np.sqrt(n_pairs):.3f})")
    print(f"같은 단어를 잘못 짝지었을 때 (자기 짝이 없는 무작위 짝짓기 {len(wrong_pairs):,}가지): "
          f"{wrong_pairs.mean():.3f} ± {wrong_pairs.std(ddof=1):.3f}, 최대 {wrong_pairs.max():.3f}")
    n_as_good = int(np.sum(wrong_pairs >= np.mean(agree)))
    print(f"올바른 쌍만큼 또는 그보다 잘 맞는 잘못된 짝짓기: {len(wrong_pairs):,}개 중 {n_as_good:,}개. "
          f"p값 (1 + {n_as_good}) / (1 + {len(wrong_pairs):,}) = {p_value:.4f}")
else:
    print(f"PAIRED = {PAIRED!r} 값은 GROUPS의 두 그룹을 가리키지 않으므로 이 그림은 건너뜁니다")

# %% [markdown]
# 차이 벡터가 모두 같은 벡터라면 평균 차이 벡터와의 코사인은 모두 1입니다. 무작위 방향의 차이 벡터라고 해서 0이
# 나오지는 않습니다. 단위 벡터 n개의 평균은 그 각각 쪽으로 조금씩 기울어 있어서, 각각과의 코사인이 약 1/√n
# (n = 10이면 0.32)이 되고, 셀은 이것을 시뮬레이션합니다. 높은 값은 두 그룹만으로도 나올 수 있습니다. 과거형은
# 한 영역에, 기본형은 다른 영역에 모여 있으므로, 동사에서 과거형으로 가는 화살표는 *아무렇게나* 짝지어도 대략 같은
# 쪽을 가리킵니다. 잘못 짝지은 단어가 바로 그 몫을 잽니다. 셀은 무작위 짝짓기(각 단어를 남의 짝과 묶음) 중 올바른 쌍만큼 또는 그보다 잘 맞는 것의 개수를 셉니다.
# p값은 그 개수에 1을 더해 짝짓기 수에 1을 더한 값으로 나눈 것입니다(흔히 쓰는 +1은 올바른 짝짓기 자체를 셉니다).
# 그래서 짝짓기가 N개이면 p값은 1/(N + 1)보다 작아질 수 없고, 개수가 0이면 바로 그 하한이 됩니다. 다음 셀은 첫 번째 비교를 확인하고, 두 번째 비교가 무엇을
# 보여 주는지 말합니다. 올바른 쌍이 잘못 짝지은 쌍보다 더하는 몫만이 관계 자체에 속하며, `take:took = go:?` 같은
# 유추 문제(analogy problem, 노트북 06)가 기대는 것이 바로 이것입니다.

# %%
if PAIRED and all(g in GROUPS for g in PAIRED):
    assert np.mean(agree) > random_dirs.mean() + 3 * random_dirs.std(ddof=1), (
        "차이 벡터는 우연보다 더 많이 방향을 공유해야 합니다. EPOCHS가 적으면 벡터가 배운 것이 적습니다. "
        "더 오래 학습해 보세요(노트북 05는 10).")
    print("확인 통과: 차이 벡터들이 방향을 공유합니다. 무작위 방향보다 표준편차 3배 넘게 높습니다.")
    if p_value < 0.01:
        print("올바른 쌍은 잘못 짝지은 단어보다도 더 잘 맞습니다. 공통 방향의 일부는 쌍 자체의 것이고, "
              "나머지는 두 그룹 사이의 간격입니다.")
    else:
        print("하지만 잘못 짝지은 단어도 거의 그만큼 맞습니다. 공통 방향은 대부분 두 그룹 사이의 간격이지, "
              "짝끼리의 관계가 아닙니다.")

# %% [markdown]
# ## 3. t-SNE: 이웃 관계가 먼저
#
# t-SNE는 각 점의 *이웃*이 계속 이웃으로 남도록 점들을 2차원에 놓습니다. 단어 사이의 거리를 이웃 확률로 바꾸고(각
# 단어를 중심으로 한 가우스 분포이며, 그 폭은 *퍼플렉서티*(perplexity), 곧 유효 이웃 수가 `PERPLEXITY`가 되도록
# 정합니다), 2차원의 점들에는 꼬리가 더 두꺼운 스튜던트 t 곡선으로 이웃 확률을 준 다음, 두 확률이 맞을 때까지
# 점들을 움직입니다(둘 사이의 쿨백-라이블러 발산(Kullback-Leibler divergence)을 최소화합니다). 먼 거리는 지키려 하지 않으므로, 두 군집 사이의
# 거리, 군집의 크기, 축은 아무 의미가 없습니다.
#
# scikit-learn의 정확한(exact) 방법을 쓰고 PCA 그림에서 시작하므로(`init="pca"`) 무작위 시작이 없습니다. 같은
# 컴퓨터에서는 같은 코드가 같은 그림을 줍니다. `init="pca"`일 때 `random_state`를 쓸 수 있는 단계는 그 PCA
# 하나뿐입니다. 우리 단어들의 배열은 작으므로 scikit-learn의 PCA(`svd_solver="auto"`)는 정확한(무작위가 아닌) SVD를
# 계산하고, `random_state`는 아무것도 바꾸지 않습니다(그림 아래 줄이 시드 두 개로 확인합니다). `random_state`가
# 의미를 갖는 것은 `init="random"`일 때(연습 문제 3)와 더 큰 배열일 때입니다. 한 변이 500보다 큰 배열(예를 들어
# 숫자 100개짜리 벡터로 그린 단어 600개)은 무작위 SVD로 분해되고, 그 시드를 `random_state`에서 받습니다. 다만
# 세로가 가로의 10배 이상이거나(열이 1,000개 이하일 때), 성분을 80% 이상 요청하면 그렇지 않습니다.
# 하지만 같은 코드라도 모든 컴퓨터에서 같은 그림이 나오지는 않습니다. 프로세서마다 다른 부동소수점 커널을 쓰므로
# PCA 시작점, 거리, 각 단계의 합이 마지막 몇 비트에서 달라지고, t-SNE의 최적화는 그런 차이를 키웁니다. 얼마나
# 키우는지는 4절에서 잽니다.
#
# **읽기 전에 먼저 예상해 보세요**(연습 문제 3의 질문입니다). t-SNE를 *무작위* 시작점에서 두 번 돌리면, 한 그림에서
# 단어의 가장 가까운 이웃 `NEIGHBOURS`개 가운데 몇 개가 다른 그림에서도 이웃일까요? 전부, 대부분, 우연과 비슷한
# 정도(약 `NEIGHBOURS`/(단어 수 − 1)의 비율), 아니면 하나도 없을까요? 답을 적어 보세요.

# %%
def tsne(points, perplexity, init="pca"):
    return TSNE(n_components=2, perplexity=perplexity, init=init, method="exact",
                random_state=SEED).fit_transform(points)

T = tsne(X, PERPLEXITY)
same_start = np.array_equal(PCA(n_components=2, random_state=SEED).fit_transform(X),
                            PCA(n_components=2, random_state=SEED + 1).fit_transform(X))
fig, ax = plt.subplots(figsize=(10, 7))
plot_word_groups(T, shown_groups, words, ax=ax, lang="ko")
ax.set_xlabel("t-SNE 1 (단위 없음)")
ax.set_ylabel("t-SNE 2 (단위 없음)")
ax.set_title(f"단어 그룹의 t-SNE (퍼플렉서티 {PERPLEXITY})")
plt.show()
print("PCA 시작점은 random_state가 SEED일 때와 SEED + 1일 때 " + (
    "같습니다(정확한 SVD). 따라서 random_state는 이 그림을 바꾸지 않습니다." if same_start else
    "다릅니다(단어가 이만큼 많으면 무작위 SVD). 따라서 random_state가 이 그림을 바꿉니다."))

# %% [markdown]
# ## 4. 각 그림이 지키는 것, 측정하기
#
# 세 가지 숫자로 각 2차원 그림을 원래의 `HIDDEN_SIZE`차원 공간과 비교합니다.
#
# - **신뢰도**(trustworthiness, scikit-learn): 그림에서 각 단어와 가장 가까운 `NEIGHBOURS`개의 점이 원래
#   공간에서도 가까웠다면 1입니다.
# - **같은 그룹의 최근접 이웃**: 단어의 가장 가까운 점이 같은 그룹에 속하는 비율입니다.
# - **거리의 순위 상관**: 원래 공간과 그림에서 모든 쌍의 거리 사이의 스피어먼 상관계수(Spearman correlation)입니다(멀리 있던 것은 그림에서도
#   멀리 있는가?).
#
# 숫자마다 우연이 주는 값과 잡음을 함께 봅니다.
#
# - **우연**: 같은 점들을 무작위로 놓은 것입니다(PCA 그림의 행을 20번 섞음).
# - **잡음**: 시작점(PCA)을 백만분의 1만큼 흔든 뒤 다시 float32로 바꿔서 t-SNE를 `TSNE_RUNS`번 더 돌립니다. 그래야
#   이 실행들이 위의 그림과 같은 계산이 됩니다. scikit-learn은 이 t-SNE를 대부분 float32로 계산합니다. 우리 벡터가
#   float32이고, 벡터 사이의 거리를 이웃 확률로 바꾸기 전에 float32로 반올림하며, `init="pca"`이면 시작점, 점의
#   위치, 그 기울기, 모든 갱신도 float32입니다. 그러면 두 프로세서 사이의 반올림 차이는 상대적으로 약 1e-7이고,
#   백만분의 1만큼 흔드는 것은 그런 반올림 단계 열 개쯤에 해당합니다. 이 실행들(표는 위 그림의 시작점도 함께
#   셉니다)의 퍼짐이 모든 t-SNE 숫자의 잡음입니다.
# - **더 작게 흔들기**: 1e-15만큼 흔든 값은 float32에 담을 수 없습니다. 그래서 `TINY_RUNS`번의 실행은 float64
#   배열에서 시작하고, 최적화도 float64로 합니다. 위 그림과는 다른 계산이지만(표의 행 이름에 적어 두었습니다)
#   아주 작은 차이를 크게 키우는 성질(카오스)은 같습니다. 그 실행들은 서로 크게 다른 그림으로 끝나고(확인 셀이 검사합니다), 숫자도 퍼집니다. 두 행을
#   비교해 보세요.
#
# 그 잡음 때문에 테스트는 다음 셀의 출력을 비교하지 않습니다(`nbval-ignore-output` 태그가 붙어 있습니다. 다른
# 프로세서에서는 t-SNE 숫자가 달라집니다). 그다음 셀이 본문의 주장을 여유를 두고 확인합니다.

# %% tags=["nbval-ignore-output"]
labels = np.array(groups)

def same_group_rate(points):
    D = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=-1)
    np.fill_diagonal(D, np.inf)
    return float(np.mean(labels[D.argmin(axis=1)] == labels))

d_orig = pdist(X)

def measure(Y):
    return dict(trust=trustworthiness(X, Y, n_neighbors=NEIGHBOURS), group=same_group_rate(Y),
                corr=float(spearmanr(d_orig, pdist(Y)).statistic))

rng = np.random.default_rng(SEED)
start = PCA(n_components=2, random_state=SEED).fit_transform(X)  # TSNE의 init="pca"와 같은 PCA
start = start.astype(np.float32)  # scikit-learn의 init="pca"처럼 float32로 바꾼 뒤 PC1의 표준편차가 1e-4가 되도록 줄임
start = start / start[:, 0].std() * 1e-4
nudged = [tsne(X, PERPLEXITY, init=(start * (1 + 1e-6 * rng.standard_normal(start.shape))).astype(np.float32))
          for _ in range(TSNE_RUNS)]  # 다시 float32로: 위의 그림과 같은 계산
# 1e-15만큼 흔든 값은 float32에서 사라지므로, 이 시작점은 float64로 둡니다(최적화도 float64로 합니다)
tiny = [tsne(X, PERPLEXITY, init=start * (1 + 1e-15 * rng.standard_normal(start.shape))) for _ in range(TINY_RUNS)]
scores = {"original": dict(trust=1.0, group=same_group_rate(X), corr=1.0), "PCA": measure(P), "t-SNE": measure(T)}
tsne_runs = [scores["t-SNE"]] + [measure(Y) for Y in nudged]
tiny_runs = [measure(Y) for Y in tiny]
chance_runs = [measure(P[rng.permutation(len(P))]) for _ in range(20)]

def cells(runs):
    if len(runs) == 1:
        return [f"{runs[0][k]:.3f}" for k in ("trust", "group", "corr")]
    return [f"{np.mean([r[k] for r in runs]):.3f} ± {np.std([r[k] for r in runs], ddof=1):.3f} "
            f"({min(r[k] for r in runs):.3f}–{max(r[k] for r in runs):.3f})" for k in ("trust", "group", "corr")]

rows = [["원래 공간"] + cells([scores["original"]]), ["PCA"] + cells([scores["PCA"]]),
        ["t-SNE (위의 그림)"] + cells([scores["t-SNE"]])]
if TSNE_RUNS:
    rows.append([f"t-SNE, 시작점 {len(tsne_runs)}개, 1e-6 (평균 ± 표준편차 (최소–최대))"] + cells(tsne_runs))
if TINY_RUNS > 1:
    rows.append([f"t-SNE, 시작점 {len(tiny_runs)}개, 1e-15 (float64)"] + cells(tiny_runs))
rows.append(["우연: 무작위 배치"] + cells(chance_runs))
print(format_table(["공간", "신뢰도", "같은 그룹 최근접 이웃", "거리의 순위 상관"], rows, align="<>>>"))
in_words = [round((r["group"] - scores["original"]["group"]) * len(words)) for r in tsne_runs]  # 차이, 단어 수로
signed = lambda v: f"{v:+d}" if v else "0"  # "+3", "-2", 그리고 부호 없는 "0"
print(f"같은 그룹 최근접 이웃의 차이(t-SNE − 원래 공간, 단어 {len(words)}개 중 단어 수): 위의 그림 {signed(in_words[0])}, "
      f"1e-6 행의 시작점 {len(tsne_runs)}개는 {signed(min(in_words))}부터 {signed(max(in_words))}까지입니다.")
print("0과 비교하면 " + (
    "모든 실행이 원래 공간보다 높습니다. t-SNE 자신의 잡음을 넘는 우위입니다." if min(in_words) > 0 else
    "모든 실행이 원래 공간보다 낮습니다. t-SNE 자신의 잡음을 넘는 손실입니다." if max(in_words) < 0 else
    "범위가 0을 포함합니다. t-SNE의 우위(또는 손실)는 자신의 잡음 안에 있습니다."))
corr_tsne = [r["corr"] for r in tsne_runs]
print("거리의 순위 상관: " + (
    "PCA가 먼 것을 먼 채로 모든 t-SNE 실행보다 더 잘 지킵니다." if scores["PCA"]["corr"] > max(corr_tsne) + 0.02 else
    "모든 t-SNE 실행이 먼 것을 먼 채로 PCA보다 더 잘 지킵니다." if scores["PCA"]["corr"] < min(corr_tsne) - 0.02 else
    "이 단어들에서는 어느 쪽도 전체 배치를 분명히 더 잘 지키지 않습니다(PCA의 값이 t-SNE 실행들의 범위에서 0.02 이내에 있습니다)."))

# %%
chance = {k: float(np.mean([r[k] for r in chance_runs])) for k in ("trust", "group")}
assert scores["original"]["group"] > chance["group"] + 0.1, (
    "원래 공간에서 그룹이 모여 있어야 합니다. 각 그룹의 단어들이 서로 관련이 있나요?")
for name, runs in [("PCA", [scores["PCA"]]), ("t-SNE", tsne_runs)]:
    assert min(r["trust"] for r in runs) > chance["trust"] + 0.1, (
        f"{name}의 그림은 무작위 배치보다 이웃 관계를 훨씬 더 잘 지켜야 합니다")
print("확인 통과: 전체 공간에서 그룹이 모여 있고, 두 그림 모두 무작위 배치보다 이웃 관계를 훨씬 더 잘 지킵니다.")
if TINY_RUNS > 1:
    apart = max(float(np.abs(Y - tiny[0]).max()) for Y in tiny[1:])
    assert apart > 1, ("1e-15만큼 다른 시작점은 서로 다른 그림으로 끝나야 합니다. t-SNE의 최적화는 아주 작은 "
                       "차이도 크게 키웁니다(카오스).")
    print("시작점이 1e-15만큼 다른 실행들도 서로 다른 그림으로 끝납니다(좌표가 1 넘게 차이 납니다). "
          "t-SNE의 최적화는 아주 작은 차이도 크게 키웁니다(카오스).")
trust_tsne = [r["trust"] for r in tsne_runs + tiny_runs]
if min(trust_tsne) > scores["PCA"]["trust"] + 0.02:
    print("t-SNE는 모든 실행에서 PCA보다 이웃 관계를 더 잘 지킵니다(신뢰도).")
else:
    print("여기서는 PCA가 t-SNE보다 이웃 관계를 더 잘 지킵니다." if max(trust_tsne) < scores["PCA"]["trust"] - 0.02
          else "여기서는 t-SNE와 PCA가 이웃 관계를 비슷하게 지킵니다.")
    if PERPLEXITY > (len(words) - 1) / 3:
        print(f"지금의 PERPLEXITY 값({PERPLEXITY})은 단어 {len(words)}개에 비해 큽니다. 그러면 각 단어의 이웃이 전체 단어의 "
              f"3분의 1 이상을 차지해서, t-SNE가 주로 전체 배치만 봅니다. 값을 낮추고(예: "
              f"{max(2, len(words) // 5)}) 다시 실행해 보세요.")
    elif scores["PCA"]["trust"] >= 0.85:
        print(f"그룹 {len(GROUPS)}개, 단어 {len(words)}개에서는 PCA의 두 방향만으로도 이웃 관계를 대부분 "
              f"지킵니다(신뢰도 {scores['PCA']['trust']:.2f}). t-SNE는 단어들을 나타내는 데 두 방향보다 많이 필요할 "
              "때 쓸모가 있습니다. 그룹을 추가하고 다시 실행해 보세요.")
    else:
        print("여기서는 t-SNE의 결과가 설정에 따라 달라집니다. 아래의 퍼플렉서티들을 비교하거나 단어를 추가해 보세요.")

# %% [markdown]
# 행들을 비교해 보세요. 첫 행이 기준(원래 공간의 값)입니다. 그 신뢰도와 거리의 순위 상관은 정의상 1이고(공간을
# 자기 자신과 비교하므로), 같은 그룹 값은 전체 공간에서 단어의 최근접 이웃이 같은 그룹에 있는 비율입니다. t-SNE
# 그림은 이 값보다 *높게* 나올 수도 있습니다. t-SNE는 군집을 안으로 모으고 군집끼리는 밀어내므로,
# 두 그룹 사이에 있던 단어가 자기 그룹 안으로 들어갈 수 있습니다. 표 바로 아래 줄은 그 차이를 단어 수로 세어, 위의 그림과
# 흔든 시작점들의 범위를 함께 보여 주고, 그다음 줄은 그 범위를 0과 비교합니다. 모든 실행이 원래 공간보다 높을 때만
# t-SNE가 자신의 잡음을 넘어 단어를 자기 그룹으로 모은 것입니다. 범위가 0을 포함하면 그 차이는 잡음입니다.
# *그룹*을 보기에 좋은 그림은 그 비율과 높은 신뢰도를 유지하고, *거리*를 보기에 좋은 그림은 높은 거리의 순위 상관을
# 유지합니다. 마지막 행은 아무 정보도 없는 그림이 얻는 값입니다. 1e-6 행의 ± 값은 시작점이 반올림 열 단계쯤
# 움직일 때 t-SNE의 숫자가 얼마나 움직이는지 말해 줍니다. 그보다 작은 차이는 아무 의미가 없습니다. t-SNE는 이웃 관계를
# 지키도록 만들어졌고, 확인 셀은 이 단어들에서 t-SNE가 PCA보다 이웃 관계를 더 잘 지켰는지 말해 줍니다. PCA의
# 거리는 참 거리의 투영이므로, PCA가 대신 전체 배치를 지키리라 기대할 수도 있습니다. 하지만 많은 방향 중 둘만
# 남기므로 퍼짐의 대부분을 버립니다. 여기서 두 그림이 거리를 얼마나 지키는지는 표 셀의 마지막 줄이 비교합니다.
# 어느 그림도 공간의 지도는 아닙니다.
#
# ### t-SNE의 그림은 설정에 따라 달라집니다
#
# 같은 점들을 작은 퍼플렉서티와 큰 퍼플렉서티로 그려 봅니다.

# %% tags=["nbval-ignore-output"]
perps = sorted({min(p, len(words) - 1) for p in PERPLEXITIES})
fig, axes = plt.subplots(1, len(perps), figsize=(12, 5), squeeze=False)
perp_trust = []
for ax, perp in zip(axes[0], perps):
    Y = tsne(X, perp)
    perp_trust.append(trustworthiness(X, Y, n_neighbors=NEIGHBOURS))
    plot_word_groups(Y, shown_groups, ax=ax, lang="ko")
    if ax is not axes[0][-1]:
        ax.get_legend().remove()
    ax.set_title(f"퍼플렉서티 {perp}: 신뢰도 {perp_trust[-1]:.3f}")
    ax.set_xlabel("t-SNE 1 (단위 없음)")
    ax.set_ylabel("t-SNE 2 (단위 없음)")
plt.show()
if len(perps) > 1:
    gap = round(max(perp_trust), 3) - round(min(perp_trust), 3)  # 제목에 보이는 값끼리의 차이
    if len(tsne_runs) > 1:
        run_trust = [r["trust"] for r in tsne_runs]
        sd = float(np.std(run_trust, ddof=1))
        sd_diff = np.sqrt(2) * sd  # 독립된 두 실행의 차이의 표준편차
        print(f"이 그림들의 신뢰도에서 가장 큰 값과 가장 작은 값의 차이는 {gap:.3f}입니다. 4절의 t-SNE 실행 "
              f"{len(tsne_runs)}개(퍼플렉서티 {PERPLEXITY})는 ± {sd:.3f} ({min(run_trust):.3f}–{max(run_trust):.3f}) "
              f"퍼지므로, 두 실행의 차이는 ± {sd_diff:.3f}(√2 × {sd:.3f}) 퍼집니다. "
              + ("차이가 두 실행의 차이의 표준편차 2배 안에 있으므로 이것으로 순위를 매길 수 없습니다." if gap <= 2 * sd_diff else
                 "차이가 두 실행의 차이의 표준편차 2배보다 큽니다(다른 퍼플렉서티에서 잰 퍼짐이므로 참고만 하세요)."))
    else:
        print(f"이 그림들의 신뢰도에서 가장 큰 값과 가장 작은 값의 차이: {gap:.3f}. 비교할 퍼짐이 없습니다"
              "(TSNE_RUNS = 0). TSNE_RUNS를 정하고 4절을 다시 실행해 보세요.")

# %% [markdown]
# 군집의 크기가 바뀌고 자리를 옮깁니다. 그룹 사이의 틈이 생겼다 사라집니다. t-SNE 그림은 "누가 누구 옆에
# 있는가"로 읽고, "얼마나 먼가"나 "얼마나 큰가"로는 절대 읽지 마세요. 두 신뢰도 값으로 순위를 매기지도 마세요.
# 그림 아래 줄이 그 차이를 두 t-SNE 실행의 차이가 갖는 잡음과 비교합니다. 독립된 두 실행의 분산은 더해지므로 차이의
# 표준편차는 4절에서 잰 실행들의 표준편차의 √2배입니다(`PERPLEXITY`에서 쟀으므로 참고용입니다). 그 표준편차 2배
# 안의 차이는 아무 의미가 없습니다. 이 줄의 숫자도 표처럼 프로세서에 따라 달라지므로, 테스트는 이 셀의
# 출력을 비교하지 않습니다.
#
# ## 5. 내보내기: Embedding Projector와 word2vec 텍스트 형식
#
# 두 가지 일반 텍스트 형식으로 다른 도구가 우리 벡터를 쓸 수 있습니다.
#
# - **Embedding Projector** (https://projector.tensorflow.org): `vectors.tsv`(한 줄에 벡터 하나, 숫자는 탭으로
#   구분)와 `metadata.tsv`(한 줄에 단어 하나)입니다. Projector는 메타데이터의 첫 줄에 탭이 있을 때만 그 줄을 열
#   이름으로 읽으므로, 열이 하나뿐이면 **머리글 줄이 없습니다**. *Load*를 눌러 두 파일을 고르면 PCA, t-SNE,
#   UMAP을 검색 기능과 함께 대화형으로 살펴볼 수 있습니다.
# - **word2vec 텍스트 형식**: word2vec.c가 `-binary 0`으로 쓰는 형식입니다. 첫 줄이 `V H`이고, 그다음 줄마다
#   `word v1 ... vH`입니다. gensim은 `KeyedVectors.load_word2vec_format`으로 읽습니다.
#
# 파일은 캐시 폴더에 씁니다(위치는 `print(EXPORT_DIR)`로 확인해 보세요. 저장소 안이 아닙니다).

# %%
EXPORT_DIR = get_data_dir() / "export"
vec_path, meta_path = save_projector(EXPORT_DIR, wv.vectors, wv.index_to_key)
w2v_path = wv.save_word2vec_format(EXPORT_DIR / "ptb_cbow.txt")  # gensim의 메서드 이름
for p in (vec_path, meta_path, w2v_path):
    with open(p, encoding="utf-8") as fh:
        n_lines = sum(1 for _ in fh)
    print(f"{p.name:<14} {n_lines:>6,}줄")

# %%
with open(meta_path, encoding="utf-8") as fh:
    print("metadata.tsv:", [next(fh).rstrip("\n") for _ in range(5)])
with open(vec_path, encoding="utf-8") as fh:
    first = next(fh).split("\t")
print(f"vectors.tsv 첫 줄: 숫자 {len(first)}개, 처음 값", [round(float(x), 3) for x in first[:4]])
with open(w2v_path, encoding="utf-8") as fh:
    header, line = next(fh).split(), next(fh).split()
print("ptb_cbow.txt 머리글:", header, "| 둘째 줄:", line[0], [round(float(x), 3) for x in line[1:4]], "...")

# %% [markdown]
# word2vec 파일을 gensim으로 불러오면(선택 설치: `pip install -e ".[compare]"`) 같은 호출
# `most_similar("year", topn=5)`로 `w2vlib`과 같은 이웃을 얻습니다. 이 셀의 출력은 gensim이 설치되어 있는지에
# 따라 달라지므로 테스트가 비교하지 않습니다. 다음 셀이 결과를 확인합니다.

# %% tags=["nbval-ignore-output"]
try:
    from gensim.models import KeyedVectors
except ImportError:  # gensim은 선택 설치입니다
    KeyedVectors = None
    print("gensim이 설치되어 있지 않습니다. 이 셀을 실행하려면 pip install -e \".[compare]\"로 설치해 보세요.")
if KeyedVectors is not None:
    kv = KeyedVectors.load_word2vec_format(str(w2v_path), binary=False)
    ours = [w for w, _ in wv.most_similar("year", topn=5)]
    theirs = [w for w, _ in kv.most_similar("year", topn=5)]
    print("gensim  :", theirs)
    print("w2vlib  :", ours)
    print(f"gensim이 길이 {kv.vector_size}인 벡터 {len(kv.index_to_key):,}개를 읽었습니다.")

# %%
if KeyedVectors is not None:
    assert len(kv.index_to_key) == W.shape[0] and kv.vector_size == W.shape[1]
    assert ours == theirs, "gensim은 내보낸 파일에서 같은 이웃을 찾아야 합니다"
    print("확인 통과")
else:
    print("건너뜀: gensim이 설치되어 있지 않아 아무것도 확인하지 않았습니다")


# %% [markdown]
# ## 정리
#
# - 고차원 임베딩(embedding)을 2차원 그림으로 줄이는 차원 감소(dimensionality reduction)는 언제나 정보를
#   버립니다. 무엇이 남았는지 측정하고, 우연이 주는 값과 비교해 보세요.
# - **주성분 분석**(PCA)은 선형 투영, 곧 평균을 뺀 벡터의 SVD입니다. 설명된 분산 비율을 보면 두 방향이 담는 것이
#   얼마나 적은지 알 수 있습니다. PCA는 동사에서 과거형으로 가는 차이 벡터 같은 선형 구조를 지킵니다. 그 차이
#   벡터들은 무작위 방향(약 1/√n)보다 훨씬 많이 방향을 공유하지만, 그중 많은 부분은 두 그룹 사이의 간격입니다.
#   평행하다고 부르기 전에 잘못 짝지은 단어와 비교해 보세요. 올바른 쌍이 더하는 몫이 유추(analogy)를 떠받치는
#   구조입니다.
# - **t-SNE**는 각 단어의 이웃을 지킵니다. 최근접 이웃 질의가 기대는 분산 표현(distributed representation)의 성질입니다.
#   하지만 유추가 쓰는 차이 벡터는 지키지 않고, 군집 사이의 거리, 군집의 크기, 축에는 의미가 없습니다. 그림은 퍼플렉서티에 따라, 그리고 시작점의 마지막
#   몇 비트(다른 프로세서)에 따라서도 바뀝니다. 그 숫자는 퍼짐과 함께 보고하고, t-SNE에 관한 주장은 여유를 두고
#   확인해 보세요.
# - 어휘(vocabulary) 전체의 벡터를 Embedding Projector 형식(`vectors.tsv` + 머리글 없는 `metadata.tsv`)과 word2vec
#   텍스트 형식으로 내보냈습니다. gensim은 이것을 `KeyedVectors.load_word2vec_format(path, binary=False)`로 읽습니다.
#
# ## 연습 문제
#
# 연습 문제마다 자동 채점이 있습니다. `...`를 답으로 바꾸고 셀을 실행해 보세요. `q1.hint()`는 힌트를,
# `q1.solution()`은 풀이를 보여 줍니다.

# %%
q1, q2, q3 = w2vlib.exercises.load("07", lang="ko")

# %% [markdown]
# **1. 가장 덜 모인 그룹.** 전체 공간(`X`의 행, 코사인 기준)에서, 가장 가까운 다른 단어가 같은 그룹에 속하는 단어의
# 비율이 가장 작은 `GROUPS`의 그룹은 무엇일까요? 그룹 이름(`GROUPS`의 키, 예: `"months"`)으로 답해 보세요. 그다음 설정값 셀의 `GROUPS`에 여러분의
# 그룹을 추가하고(예: `"family": "father mother son daughter husband wife"`), 다시 실행해서 다시 답해 보세요.

# %%
answer_1 = ...  # 그룹 이름, 예: "months"
q1.check(answer_1, X=X, groups=groups, shown=SHOWN)
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. 방향이 몇 개 필요할까요?** 어휘 전체의 단위 벡터 `Wn`이 가진 분산의 절반을 지키려면 PCA 주성분이 몇 개
# 필요할까요? `PCA().fit(Wn).explained_variance_ratio_`로 계산해 보세요.

# %%
answer_2 = ...  # 정수 하나
q2.check(answer_2, Wn=Wn, W=W)

# %% [markdown]
# **3. 무작위 시작 두 번.** 3절에서 예상을 적어 두었습니다. 이제 재 보세요. `X`에
# `TSNE(n_components=2, perplexity=PERPLEXITY, init="random", method="exact", random_state=s)`를 서로 다른 시드
# `s` 두 개로 실행합니다. 단어마다, 첫 번째 그림에서 가장 가까운 이웃 `NEIGHBOURS`개 중 몇 개가 두 번째 그림에서도
# 가장 가까운 이웃일까요?
#
# - **a** 전부: 어느 시작점에서든 t-SNE는 정확히 같은 이웃 관계를 찾습니다.
# - **b** 우연보다 훨씬 많지만 전부는 아님: 두 그림은 이웃 관계를 대부분 공유하지만, 군집은 다른 자리에 있고
#   회전하거나 뒤집혀 있습니다.
# - **c** 무작위 배치 두 개가 우연히 공유할 만큼 (단어가 n개일 때 약 `NEIGHBOURS`²/(n − 1)개이며,
#   `NEIGHBOURS**2 / (len(words) - 1)`로 계산할 수 있습니다)
# - **d** 하나도 없음: 무작위로 시작하면 군집이 흩어집니다.
#
# 예상한 글자로 답하고, t-SNE를 두 번 실행해서 두 그림을 모두 넘겨 보세요. 채점이 그 그림들을 재므로, 예상이
# 맞았는지 알려 줍니다.

# %%
answer_3 = ...  # "a", "b", "c" 또는 "d"
Y1 = ...        # 첫 번째 그림, TSNE(...).fit_transform(X)의 출력
Y2 = ...        # 두 번째 그림, 다른 random_state로
q3.check(answer_3, X=X, Y1=Y1, Y2=Y2, k=NEIGHBOURS)

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): 교재의 코드(oreilly-japan/deep-learning-from-scratch-2:
# `ch02/count_method_small.py`는 예문의 PPMI 행렬을 `np.linalg.svd`로 줄이고 단어 7개의
# `U[:, 0]`, `U[:, 1]`을 그림으로 그립니다. `ch02/count_method_big.py`는 PTB의 SVD를 계산하지만 그림은 그리지 않습니다. `ch04/eval.py`는
# 그림을 그리지 않습니다), scikit-learn 1.9(`sklearn/manifold/_t_sne.py`: `init="pca"`인 `TSNE`는 PCA 그림을
# float32로 바꾸고 표준편차 1e-4로 줄여서 시작하고, `_joint_probabilities`는 거리를 float32로 반올림하고,
# `_gradient_descent`와 `_kl_divergence`는 시작점의 dtype을 유지합니다. `method="exact"`, 퍼플렉서티는 샘플 수보다 작아야 하고, 2차원에서는 자유도 1인 스튜던트
# t 분포, 쿨백-라이블러 비용. `trustworthiness`. `sklearn/decomposition/_pca.py`: `svd_solver="auto"`의 규칙, 그리고
# `random_state`는 잘린 SVD 방식(arpack, randomized)만 씀), Embedding Projector(tensorflow/tensorboard
# `vz_projector/data-provider.ts`: `parseTensors`는 줄을 탭으로 나누고, `parseMetadata`는 첫 줄에 탭이 있을 때만
# 머리글로 읽습니다. `vz_projector/data.ts`: `projectPCA`, `projectTSNE`, `projectUmap`이 있고, UMAP은
# `import {UMAP} from 'umap-js'`로 가져오는 npm 패키지 umap-js입니다), word2vec.c(tmikolov/word2vec `word2vec.c`: 텍스트 출력은 `V H` 다음에
# `word v1 ... vH`), gensim 4(`gensim/models/keyedvectors.py`: `KeyedVectors.load_word2vec_format`,
# `most_similar`).
#
# [다음: 08 전이 학습](08_transfer_learning.ipynb)
