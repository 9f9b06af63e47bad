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
# # 06. 유사도와 유추
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.3.3절, 4.4.2절
#
# 노트북 05에서 PTB 데이터셋으로 CBOW 단어 벡터를 학습했습니다. 이 벡터는 무엇을 배웠을까요? 교재의 답은 이렇습니다.
# 비슷한 맥락(context)에서 쓰이는 단어는 서로 가까워지고, 단어 사이의 어떤 관계는 공간 안의 *방향*이 되어서
# `king - man + woman`이 `queen` 근처에 놓입니다. 이 노트북에서는 두 주장을 우리 벡터에서 숫자로 확인하고, 백만
# 단어짜리 말뭉치(corpus)가 배울 수 있는 것과 없는 것을 솔직하게 살펴봅니다.
#
# **이 노트북에서 배울 내용**
# - 코사인 유사도(cosine similarity), 그리고 내적 그대로가 아니라 방향을 비교하는 이유
# - *you*, *year*, *car*, *toyota*의 최근접 이웃(nearest neighbours, `most_similar`)을 각 단어의 출현 횟수와 함께 보기
# - 벡터 연산으로 푸는 유추 문제(analogy problem, 3CosAdd), 가장 좋은 답과 그 점수
# - 유추 문제 파일 전체로 벡터를 평가하는 법: 범주별 정확도(accuracy, 막대 그래프), 커버리지(coverage), 3CosAdd 대 3CosMul
# - 교재의 정규화하지 않은 내적 순위가 코사인 순위와 어떻게 다른지, 같은 벡터로 교재의 네 문제와 파일 전체에서 비교하기

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
import w2vlib.exercises
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
from pathlib import Path

from scipy.stats import binomtest, fisher_exact, spearmanr

from w2vlib.data import load_ptb
from w2vlib.evaluation import evaluate_analogies, read_analogies
from w2vlib.pretrained import ptb_word_vectors
from w2vlib.similarity import analogy, analogy_scores, most_similar
from w2vlib.text import display_width, format_table, pad

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0            # 벡터의 시드. 아래 네 값과 함께 노트북 05와 같아야 그 벡터를 다시 씁니다
HIDDEN_SIZE = 100   # 벡터 길이 (다른 값이면 노트북 05처럼 여기서 새 벡터를 학습합니다)
WINDOW_SIZE = 5     # 양쪽의 맥락 단어 수
NEGATIVE = 5        # 타깃(target)당 부정적 예(negative example)의 수
EPOCHS = 10         # PTB를 도는 횟수
TOP = 5             # 보여 줄 이웃 / 답의 수
QUERIES = ["you", "year", "car", "toyota"]               # 이웃을 나열할 단어
ANALOGY_FILE = Path("../..") / "data" / "analogies_ptb.txt"  # 이 프로젝트의 유추 문제

# %% [markdown]
# ## 1. 벡터
#
# `ptb_word_vectors`는 설정이 같으면 노트북 05가 저장한 벡터를 불러오고, 그렇지 않으면 같은 고속 학습 함수와
# 시드로 학습합니다(같은 벡터가 나옵니다). 그래서 이 노트북은 혼자서도 실행됩니다. 돌려주는 값은
# `w2vlib.WordVectors`이고, gensim의 `KeyedVectors`와 같은 이름의 속성과 메서드를 가집니다. `wv["car"]`는 벡터이고,
# `wv.similarity`, `wv.most_similar`, `wv.key_to_index`, `wv.index_to_key`, `wv.vectors`가 있습니다. 여기서 배운
# 것은 gensim에서도 그대로 쓸 수 있습니다. 교재의 함수를 쓰기 위해 세 구성 요소에도 교재의 이름을 붙입니다. 말뭉치는 각
# 단어의 출현 횟수를 세기 위해서만 불러옵니다.

# %%
wv = ptb_word_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=EPOCHS)
W, word_to_id, id_to_word = wv.vectors, wv.key_to_index, wv.index_to_key  # 교재의 이름
corpus, _, _ = load_ptb("train")
counts = np.bincount(corpus, minlength=len(word_to_id))
print(f"길이 {W.shape[1]}인 단어 벡터 {W.shape[0]:,}개, 토큰 {len(corpus):,}개짜리 말뭉치에서 학습")


# %% [markdown]
# ## 2. 코사인 유사도
#
# 두 벡터 사이의 각도가 작으면 두 벡터는 같은 쪽을 가리킵니다. 그 각도의 코사인은 다음과 같습니다.
#
# $$\cos(\mathbf{x}, \mathbf{y}) = \frac{\mathbf{x} \cdot \mathbf{y}}{\lVert\mathbf{x}\rVert \, \lVert\mathbf{y}\rVert}$$
#
# 이 값은 방향이 같으면 1이고 직교하면 0이며 반대이면 -1입니다. 길이로 나누는 것이 중요합니다. 단어 벡터의 길이는 그 단어가
# 얼마나 자주, 얼마나 많은 맥락에서 갱신되었는지를 따르고(뒤에 나오는 셀이 길이가 출현 횟수를 얼마나 따르는지
# 잽니다), 그것은 우리가 말하는 유사도가 아니기 때문입니다.

# %%
for a, b in [("year", "month"), ("car", "truck"), ("year", "car")]:
    print(f"cos({a}, {b}) = {wv.similarity(a, b):+.3f}   dot = {float(wv[a] @ wv[b]):+.3f}")

# %%
norms = np.linalg.norm(W, axis=1)
seen = counts > 0
rho = spearmanr(norms[seen], counts[seen]).statistic
print(f"벡터 길이와 단어 빈도의 스피어먼 상관계수: {rho:.3f}")

# %%
assert rho > 0.3, "벡터 길이는 빈도와 함께 커져야 합니다 (EPOCHS가 아주 적으면 벡터가 아직 초깃값 근처에 있습니다)"
print("확인 통과: 자주 나오는 단어일수록 벡터가 깁니다")

# %% [markdown]
# 벡터의 길이는 단어의 빈도와 묶여 있으므로(위의 상관계수), 내적을 그대로 쓰면 "비슷하다"와 "자주 나온다"가
# 섞입니다. 이것이 유추에 어떤 영향을 주는지는 이 노트북의 6절에서 봅니다.
#
# ## 3. 최근접 이웃
#
# `wv.most_similar(word, topn=...)`은 다른 모든 단어의 순위를 질의 단어와의 코사인 유사도로 매깁니다(질의 단어
# 자신은 빠집니다). 질의 단어마다 학습 말뭉치에 나온 횟수를 함께 출력합니다.

# %%
neighbours = {}
for query in QUERIES:
    neighbours[query] = wv.most_similar(query, topn=TOP)
    print(f"{query} ({int(counts[word_to_id[query]]):,}번 출현)")
    for word, score in neighbours[query]:
        print(f"    {word:<14} {score:.3f}   ({int(counts[word_to_id[word]]):,}번 출현)")

# %%
for query, near in neighbours.items():
    words, scores = [w for w, _ in near], [s for _, s in near]
    assert query not in words and len(words) == TOP
    assert all(-1.0001 <= s <= 1.0001 for s in scores)
    assert scores == sorted(scores, reverse=True)
print("확인 통과: 질의 단어는 자기 이웃이 아니고, 점수는 코사인이며, 정렬되어 있습니다")
by_count = sorted(QUERIES, key=lambda q: counts[word_to_id[q]])
print(f"가장 자주 나오는 질의 단어는 {by_count[-1]} ({int(counts[word_to_id[by_count[-1]]]):,}번), "
      f"가장 드문 단어는 {by_count[0]} ({int(counts[word_to_id[by_count[0]]]):,}번)")

# %% [markdown]
# 교재는 같은 검색을 세 구성 요소의 함수 `most_similar(query, word_to_id, id_to_word, word_matrix)`로 씁니다.
# `w2vlib.most_similar`는 그 형태를 유지하고, 같은 순위를 줍니다.

# %%
for query in QUERIES:
    book = most_similar(query, word_to_id, id_to_word, W, top=TOP)
    assert [w for w, _ in book] == [w for w, _ in neighbours[query]]
    assert np.allclose([s for _, s in book], [s for _, s in neighbours[query]], atol=1e-5)
print("확인 통과: 교재의 most_similar와 wv.most_similar가 모든 질의 단어에서 일치합니다")

# %% [markdown]
# 코사인 0.5는 "가까운" 것일까요? 차원과 경쟁하는 후보의 수에 달려 있습니다. 아래 셀은 우연 수준을 계산합니다.
# 어떤 단어도 다른 단어와 관계가 없을 때, 벡터 하나가 어휘의 단어 수만큼의 다른 벡터와 이루는 가장 큰 코사인입니다.
# "관계 없음"을 두 가지로 만듭니다. 하나는 모든 방향에 고르게 퍼진(등방성, isotropic) 무작위 방향이고, 다른 하나는 우리 벡터의
# 열을 하나하나 따로 섞은 것입니다. 열을 섞으면 차원마다의 값은 그대로이므로 학습된 벡터가 모두 공유하는 것은 남지만,
# 단어의 정체는 모두 깨집니다. 학습된 벡터는 등방성이 아니므로 첫 번째 수준은 우연을 낮게 잡을 수 있고, 열을 섞은
# 수준이 더 공정한 기준입니다(셀이 둘 다, 그리고 어느 쪽이 높은지 출력합니다). 최댓값의 평균은 문턱값이 아닙니다(무작위
# 행 가운데 몇은 늘 그 평균보다 위에 있습니다). 그래서 질의 단어마다 그중 가장 큰 값과 비교합니다.
#
# 이 벡터들은 얼마나 많은 것을 공유할까요? 노트북 05에서 큰 공통 방향이 나타난 것은 짧게 학습한 계층 모델이었고, 이
# 벡터를 만든 고속 경로의 학습이 아니었습니다. 셀의 첫 줄은 05의 측정(자주 나오는 단어 1,000개 중 두 단어의 평균
# 코사인)을 이 벡터에서 다시 계산합니다.

# %%
H = W.shape[1]
null_rng = np.random.default_rng(SEED)
R = w2vlib.normalize(null_rng.standard_normal((len(word_to_id), H)))  # 등방성 무작위 방향
P = w2vlib.normalize(null_rng.permuted(W, axis=0))  # W의 열마다 서로 독립적으로 섞음
null_q = np.arange(20)

def top_cosines(M):
    """처음 몇 행이 각각 다른 모든 행과 이루는 가장 큰 코사인(가장 잘 맞는 짝)."""
    sims = M[null_q] @ M.T
    sims[np.arange(len(null_q)), null_q] = -np.inf  # 벡터는 자기 자신의 이웃이 아닙니다
    return sims.max(axis=1)

null_iso, null_perm = top_cosines(R), top_cosines(P)
frequent_ids = np.argsort(-counts, kind="stable")[:1000]  # 노트북 05의 공통 방향 측정
i, j = np.random.default_rng(SEED).integers(0, len(frequent_ids), size=(2, 2000))
Wf = w2vlib.normalize(W[frequent_ids])
print(f"공통 방향: 자주 나오는 두 단어의 평균 코사인은 {np.mean(np.sum(Wf[i] * Wf[j], axis=1)):+.3f}입니다 "
      "(0에 가까우면 공통된 것이 적고, 1에 가까우면 한 방향을 공유합니다)")
print(f"우연 수준: {H}차원에서 벡터 하나가 관계없는 벡터 {len(word_to_id) - 1:,}개와 이루는 가장 큰 코사인의 평균"
      f"(벡터 {len(null_q)}개)은 무작위 방향에서 {null_iso.mean():.3f}, 열을 섞은 우리 벡터에서 {null_perm.mean():.3f}입니다"
      f"(열을 섞은 쪽이 {'더 높습니다' if null_perm.mean() > null_iso.mean() else '더 높지 않습니다'}). "
      f"열을 섞은 행 {len(null_q)}개의 가장 큰 코사인은 {null_perm.min():.3f}에서 {null_perm.max():.3f} 사이입니다.")
for query, near in neighbours.items():
    lowest = near[-1][1]
    print(f"    {query}: 상위 {TOP}개 이웃의 코사인은 열을 섞은 모든 행의 가장 큰 코사인보다 "
          f"{'모두 높습니다' if lowest > null_perm.max() else '모두 높지는 않습니다'} (가장 낮은 값 {lowest:.3f})")

# %% [markdown]
# 목록은 출현 횟수를 염두에 두고 읽으세요. 단어의 벡터가 갱신되는 횟수는 출현 횟수와 함께 늘어나므로(CBOW에서는 단어가 맥락 단어가 될 때마다 그 벡터가
# 갱신됩니다),
# 수백, 수천 번 나온 단어의 벡터는 몇십 번 나온 단어보다 훨씬 많은 근거 위에 서 있습니다. 드문 이웃(출현 횟수를
# 보세요)은 그저 같은 몇몇 뉴스 기사에 함께 나온 단어일 수도 있고, 마침 좋은 갱신을 충분히 받은 그럴듯한 단어일
# 수도 있습니다. 몇십 번 나온 단어라면 벡터만 보고는 어느 쪽인지 알 수 없습니다. 벡터는 단어가 문장에서 어떤 자리를
# 채우는지를 배웁니다. 더 세밀한 구별에는 훨씬 많은 텍스트가 필요합니다.
#
# ## 4. 벡터 연산으로 푸는 유추
#
# `a : b = c : ?`를 풀려면, 문제의 세 단어를 제외하고 정규화한 벡터에서 `b - a + c`와 (코사인으로) 가장 가까운
# 단어를 찾습니다(3CosAdd). gensim으로 쓰면 `wv.most_similar(positive=[b, c], negative=[a])`입니다. 교재의
# 예입니다.

# %%
QUESTIONS = [("king", "man", "queen", "woman"), ("take", "took", "go", "went"),
             ("car", "cars", "child", "children"), ("good", "better", "bad", "worse")]
V = len(word_to_id)
ranks = {}
for a, b, c, expected in QUESTIONS:
    answers = wv.most_similar(positive=[b, c], negative=[a], topn=V)  # 전체 순위
    ranks[(a, b, c)] = [w for w, _ in answers].index(expected) + 1
    print(f"{a}:{b} = {c}:?   (기대하는 답 {expected}: {len(answers):,}개 중 {ranks[(a, b, c)]}위)")
    print("    " + ", ".join(f"{w} {s:.3f}" for w, s in answers[:TOP]))

# %%
for a, b, c, expected in QUESTIONS:
    top = wv.most_similar(positive=[b, c], negative=[a], topn=TOP)
    assert [w for w, _ in top] == [w for w, _ in analogy(a, b, c, word_to_id, id_to_word, W, top=TOP)]
    assert not {a, b, c} & {w for w, _ in top}, "문제의 단어는 답이 될 수 없습니다"
    assert [s for _, s in top] == sorted((s for _, s in top), reverse=True)
    assert 1 <= ranks[(a, b, c)] <= V - 3
print("확인 통과")

# %% [markdown]
# ### PTB 크기로 배울 수 있는 것과 없는 것
#
# 유추가 통하는지는 그 단어들이 얼마나 자주 나오는지에 좌우될 수 있습니다(연습 문제 3이 파일 전체에서 잽니다). 아래 표는 문제마다 가장 드문 단어를 결과
# 옆에 놓습니다. 또 이 말뭉치의 크기를, 이런 유추를 흔히 시험하는 공개 GoogleNews 벡터의 학습 말뭉치와 비교합니다.

# %%
GOOGLE_NEWS_TOKENS = 100e9  # 공개된 word2vec 벡터: "part of Google News dataset (about 100 billion words)"
ratio_to_ptb = float(f"{GOOGLE_NEWS_TOKENS / len(corpus):.2g}")  # 유효숫자 두 자리: 1,000억도 "약"입니다
rows = []
for a, b, c, expected in QUESTIONS:
    rarest = min((a, b, c, expected), key=lambda w: counts[word_to_id[w]])
    r = ranks[(a, b, c)]
    near_b = [w for w, _ in wv.most_similar(b, topn=4) if w not in (a, c)][0]
    rows.append([f"{a}:{b} = {c}:{expected}", rarest, int(counts[word_to_id[rarest]]), r,
                 "예" if r <= TOP else "아니요", near_b])
print(format_table(["문제", "가장 드문 단어", "출현 횟수", "답의 순위", f"상위 {TOP} 안", "b만으로 찾은 최근접 단어"], rows))
solved = sum(r == 1 for r in ranks.values())
print(f"정확히 맞힌 문제는 {len(QUESTIONS)}개 중 {solved}개, 상위 {TOP} 안에 든 문제는 {sum(r <= TOP for r in ranks.values())}개입니다")
print(f"PTB의 토큰은 {len(corpus):,}개로, Google News보다 약 {ratio_to_ptb:,.0f}배 적습니다")

# %% [markdown]
# 몇 번밖에 나오지 않은 단어는 조금밖에 갱신되지 않았으므로 그 방향은 잡음이 더 많고 덜 믿을 만합니다. 그런데 3CosAdd는 정규화한
# 벡터로 계산합니다. 문제의 단어는 드물든 흔하든 모두 단위 벡터 하나를 `b - a + c`에 더합니다. 그래서 드문 단어도
# 흔한 단어만큼 합을 움직이고, 그 방향은 잡음이 많아서 답을 관계에서 멀어지게 할 수 있습니다(아래 셀은 단어마다
# 합에서 차지하는 몫을 보여 줍니다).
# 표의 마지막 열도 경고 신호입니다. 기대하는 답이 그저 `b`만으로 찾은 최근접 단어라면, "풀린" 유추는 학습된
# 관계가 아니라 유사도를 보여 주는 것일 수 있습니다. 문제 네 개로는 어느 쪽도 증명하지 못합니다. 다음 절은 문제
# 파일 전체를 바로 그 기준선과 비교하고, 연습 문제 3은 가장 드문 단어의 출현 횟수가 결과를 좌우하는지 묻습니다.

# %%
Wn = w2vlib.normalize(W)
for a, b, c, expected in QUESTIONS:
    q = Wn[word_to_id[b]] - Wn[word_to_id[a]] + Wn[word_to_id[c]]
    shares = {w: sign * float(Wn[word_to_id[w]] @ q) / float(q @ q) for w, sign in ((a, -1), (b, 1), (c, 1))}
    print(f"{a}:{b} = {c}:?  b - a + c의 길이 {np.linalg.norm(q):.2f}, 단어마다 그 안에서 차지하는 몫은 "
          + ", ".join(f"{w} ({int(counts[word_to_id[w]])}번) {x:+.2f}" for w, x in shares.items()))
print(f"몫을 모두 더하면 1입니다. 단어마다 단위 벡터 하나를 더합니다(서로 직교하는 세 개를 더하면 길이는 {np.sqrt(3):.2f}).")

# %%
for a, b, c, expected in QUESTIONS:
    assert all(abs(np.linalg.norm(Wn[word_to_id[w]]) - 1) < 1e-4 for w in (a, b, c))
print("확인 통과: 문제의 단어는 출현 횟수와 상관없이 모두 단위 벡터로 합에 들어갑니다")

# %% [markdown]
# ## 5. 벤치마크: 이 프로젝트의 유추 문제 파일
#
# `data/analogies_ptb.txt`에는 word2vec의 `questions-words.txt`와 같은 형식(`: section` 줄 다음에 `a b c d`)의 유추
# 문제가 들어 있습니다. Mikolov의 문제 묶음이 아니라 이 프로젝트가 만든 것입니다(`data/make_analogies.py`, 손으로 고른
# 단어 쌍). 그래서 모든 단어가 PTB의 어휘(vocabulary) 10,000단어 안에 있습니다. `evaluate_analogies`는 모든 문제에 답하고 정확도(답한 문제 중 맞힌 비율)와 커버리지(전체 중
# 답한 비율. 어휘에 없는 단어가 있는 문제는 건너뜁니다)를 보고합니다.
#
# 3CosAdd는 코사인 세 개를 더하므로, 아주 큰 유사도 하나(예를 들어 `b`와 거의 같은 후보)가 나머지 둘을 압도할 수
# 있습니다. **3CosMul**(Levy & Goldberg, 2014)은 이에 대한 대책으로 제안되었습니다. 유사도들을(`[0, 1]`로 옮긴 뒤)
# 곱하고 나누므로 하나하나가 모두 좋아야 합니다. gensim은 이것을 `most_similar_cosmul`로 구현합니다(논문의 식 4를
# 인용하고, 같은 이동을 씁니다. ε는 gensim이 1e-6, 여기서는 0.001입니다). 논문은 3CosMul이 3CosAdd보다 나아서 유추
# 문제 묶음 두 개에서 최고 기록을 높였다고 보고합니다. 우리 벡터에서 더 좋은지는 표 아래의 줄들이
# 짝지은 검정으로 말해 줍니다. 두 방법이 같은 문제에 답하므로, 중요한 것은 둘 중 정확히 하나만 맞힌 문제들입니다.
# 여기서 3CosMul이 이기지 못한다면 우리 결과는 논문과 다릅니다. 논문의 말뭉치와 벡터는 우리 것과 다릅니다.
#
# 같은 줄들이 4절의 질문에도 파일 전체로 답합니다. 관계를 무시하는 기준선, 즉 `b`만으로(또는 `c`만으로) 찾은
# 최근접 단어를 3CosAdd가 문제마다 이기는지입니다.

# %%
res = {m: evaluate_analogies(ANALOGY_FILE, W, word_to_id, method=m) for m in ("add", "mul")}
print(res["add"].table(lang="ko"))

# %%
print(format_table(["범주", "3CosAdd", "3CosMul"],
                   [[name, f"{res['add'].sections[name].accuracy:.3f}", f"{res['mul'].sections[name].accuracy:.3f}"]
                    for name in res["add"].sections]))
for m in ("add", "mul"):
    print(res[m].summary(lang="ko"))
print(f"우연 수준 (단어 {V:,}개 중 하나를 찍을 때): {1 / V:.4f}")
sec = list(res["add"].sections)
wins = sum(res["mul"].sections[n].accuracy > res["add"].sections[n].accuracy for n in sec)
losses = sum(res["mul"].sections[n].accuracy < res["add"].sections[n].accuracy for n in sec)
print(f"3CosMul은 {len(sec)}개 범주 중 {wins}개에서 3CosAdd를 이기고, {losses}개에서 지고, {len(sec) - wins - losses}개에서 비깁니다. "
      f"전체로는 {'더 좋습니다' if res['mul'].accuracy > res['add'].accuracy else '더 좋지 않습니다'}"
      f"({res['mul'].accuracy:.3f} 대 {res['add'].accuracy:.3f}).")
questions = [tuple(w.lower() for w in q) for _, qs in read_analogies(ANALOGY_FILE) for q in qs]
questions = [q for q in questions if all(w in word_to_id for w in q)]
ids = np.array([[word_to_id[w] for w in q] for q in questions])
right_by = {m: analogy_scores(W, ids[:, 0], ids[:, 1], ids[:, 2], method=m).argmax(axis=1) == ids[:, 3]
            for m in ("add", "mul")}
only_add, only_mul = int((right_by["add"] & ~right_by["mul"]).sum()), int((right_by["mul"] & ~right_by["add"]).sum())
p_mul = binomtest(only_mul, only_add + only_mul, 0.5).pvalue if only_add + only_mul else 1.0
print(f"3CosAdd만 맞힌 문제는 {only_add}개, 3CosMul만 맞힌 문제는 {only_mul}개입니다. 두 방법이 똑같이 좋다면 "
      f"이만큼 치우친 결과가 나올 확률은 p {'< 0.001' if p_mul < 0.001 else f'= {p_mul:.3f}'}입니다(양측 부호 검정, two-sided sign test).")
Wn_all = w2vlib.normalize(W)
baseline = {}
for col, col_name in ((1, "b"), (2, "c")):  # 답이 그저 b(또는 c)의 최근접 단어일 때. a, b, c는 제외
    s_b = Wn_all[ids[:, col]] @ Wn_all.T
    s_b[np.arange(len(ids))[:, None], ids[:, :3]] = -np.inf
    r = s_b.argmax(axis=1) == ids[:, 3]
    n_add, n_base = int((right_by["add"] & ~r).sum()), int((r & ~right_by["add"]).sum())
    p_b = binomtest(n_add, n_add + n_base, 0.5).pvalue if n_add + n_base else 1.0
    baseline[col_name] = (n_add, n_base, p_b)
    print(f"{col_name}만으로 찾은 최근접 단어 (a, b, c 제외): 정확도 {r.mean():.3f}. 3CosAdd만 맞힌 문제 {n_add}개, "
          f"기준선만 맞힌 문제 {n_base}개, 부호 검정 p {'< 0.001' if p_b < 0.001 else f'= {p_b:.3f}'}")

# %%
acc_add = np.array([res["add"].sections[n].accuracy for n in sec])
acc_mul = np.array([res["mul"].sections[n].accuracy for n in sec])

def wilson_errors(method):
    """비대칭 오차 막대: 범주마다 정확도의 95% 윌슨 구간 (이항분포, n = 그 범주의 문제 수)."""
    lo_hi = [binomtest(s.correct, s.answered).proportion_ci(method="wilson") for s in res[method].sections.values()]
    acc = np.array([s.accuracy for s in res[method].sections.values()])
    return np.array([acc - [ci.low for ci in lo_hi], [ci.high for ci in lo_hi] - acc])

fig, ax = plt.subplots(figsize=(9, 4))
y = np.arange(len(sec))
ax.barh(y - 0.2, acc_add, height=0.4, xerr=wilson_errors("add"), capsize=2, label="3CosAdd")
ax.barh(y + 0.2, acc_mul, height=0.4, xerr=wilson_errors("mul"), capsize=2, label="3CosMul", hatch="//")
ax.set_yticks(y, labels=sec)
ax.invert_yaxis()
ax.set_xlabel("정확도 (범주의 문제 중 맞힌 비율)")
ax.set_title("범주별 유추 정확도 (선: 95% 윌슨 구간)")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
plt.show()

# %%
section_words = {n: [w.lower() for q in qs for w in q] for n, qs in read_analogies(ANALOGY_FILE)}
median_count = [np.median([counts[word_to_id[w]] for w in section_words[n] if w in word_to_id]) for n in sec]
rho_test = spearmanr(median_count, acc_add)
rho_sec = rho_test.statistic
best, worst = sec[int(np.argmax(acc_add))], sec[int(np.argmin(acc_add))]
n_sec = res["add"].sections[best].answered
k_sec = int(round(acc_add.mean() * n_sec))  # 평균 정확도를 범주 하나에서 맞힌 문제 수로 나타낸 것
ci = binomtest(k_sec, n_sec).proportion_ci(method="wilson")  # 막대 그래프의 구간과 같음
print(f"가장 좋은 범주는 {best} ({acc_add.max():.3f}), 가장 나쁜 범주는 {worst} ({acc_add.min():.3f})입니다. 범주마다 "
      f"문제가 {n_sec}개이므로, {acc_add.mean():.3f} 근처 정확도({n_sec}개 중 {k_sec}개 맞힘)의 95% 윌슨 구간(Wilson interval)은 "
      f"{ci.low:.3f}~{ci.high:.3f}입니다.")
print(f"범주 단어의 출현 횟수 중앙값과 3CosAdd 정확도의 스피어먼 상관계수는 범주 {len(sec)}개에서 {rho_sec:.2f}입니다 "
      f"(p = {rho_test.pvalue:.2f}, 아무 관계가 없을 때 부호와 상관없이 "
      "적어도 이만큼 강한 상관이 나올 확률)")

# %%
for r in res.values():
    assert 0 <= r.accuracy <= 1 and 0 <= r.coverage <= 1
    assert r.n_correct <= r.n_answered <= r.n_total
n_add, n_base, p_b = baseline["b"]
assert n_add > n_base and p_b < 0.05, \
    "3CosAdd는 b만으로 찾은 최근접 단어를 이겨야 합니다 (EPOCHS가 아주 적으면 관계를 아직 배우지 못했습니다)"
score, sections = wv.evaluate_word_analogies(ANALOGY_FILE)  # gensim의 이름과 반환 형태
assert abs(score - res["add"].accuracy) < 1e-9 and sections[-1]["section"] == "Total accuracy"
assert int(right_by["add"].sum()) == res["add"].n_correct and int(right_by["mul"].sum()) == res["mul"].n_correct
assert only_add - only_mul == res["add"].n_correct - res["mul"].n_correct
print("확인 통과: 3CosAdd가 b만으로 찾은 최근접 단어를 이기고(부호 검정 p < 0.05), "
      "wv.evaluate_word_analogies(gensim의 형태)가 같은 3CosAdd 점수를 줍니다")

# %% [markdown]
# 범주마다 차이가 있지만, 먼저 오차 막대를 보세요. 범주마다 문제가 몇십 개뿐이므로 구간이 겹치는 두 범주는 실제로는
# 전혀 다르지 않을 수도 있습니다. 위의 줄은 범주 하나의 정확도에 대한 95% 구간을 말해 줍니다. 단어 빈도와의 상관은
# 범주 12개만으로 계산했으므로, 그것이 우연 이상인지는 p값이 말해 줍니다(연습 문제 3은 같은 질문을 문제 자체에
# 던지므로 검정력이 훨씬 큽니다). 전체 정확도는 모든 단어 중 하나를 찍는 것보다 훨씬 높지만, 중요한 기준선은
# `b`만으로 찾은 최근접 단어입니다. 확인 셀은 3CosAdd가 문제마다 그것을 이긴다는 것을 검사합니다. 이 구간과 검정은
# 문제들이 서로 독립이라고 가정합니다. 그런데 문제 파일은 각 범주를 많지 않은 단어 쌍으로 만들고 한 쌍을 여러 문제에 다시
# 쓰므로(`data/make_analogies.py`), 다소 낙관적인 값으로 읽어야 합니다.
#
# ## 6. 교재의 내적 순위 대 코사인
#
# 교재의 `analogy`(`common/util.py`)는 단어 행렬의 정규화하지 않은 행 그대로 `b - a + c`를 만들고, 그 합을
# 정규화한 뒤, 정규화하지 않은 행과의 내적으로 단어의 순위를 매깁니다. 그래서 길이가 두 번 들어갑니다. 한 번은
# 질의 벡터에서입니다. 자주 나오는(긴) 문제 단어가 다른 단어를 압도합니다. 문제 단어마다 단위 벡터 하나를 더하는
# 4절과 반대입니다. 또 한 번은 순위에서입니다. 긴 벡터는 방향과 상관없이 높은 점수를 받습니다. 이 노트북의 2절에서
# 본 것처럼 긴 벡터는 자주 나오는 단어의 것입니다. `w2vlib.similarity.analogy(..., method="dot")`는 교재의 함수를
# 재현하고(아래 확인 셀이 교재 코드를 네 줄로 옮긴 것과 비교합니다), `method="cosine"`(기본값, 3CosAdd)은 모든
# 벡터를 정규화합니다. 같은 벡터로 교재의 네 문제를 풀어 봅니다.

# %%
book_ids = np.array([[word_to_id[w] for w in q] for q in QUESTIONS])
book_rank, book_first = {}, {}
for method in ("dot", "cosine"):
    order = np.argsort(-analogy_scores(W, book_ids[:, 0], book_ids[:, 1], book_ids[:, 2], method=method),
                       axis=1, kind="stable")
    book_rank[method] = [int(np.flatnonzero(order[i] == book_ids[i, 3])[0]) + 1 for i in range(len(QUESTIONS))]
    book_first[method] = [id_to_word[int(order[i, 0])] for i in range(len(QUESTIONS))]
rows = []
for i, (a, b, c, expected) in enumerate(QUESTIONS):
    rows.append([f"{a}:{b} = {c}:{expected}", int(counts[word_to_id[expected]])]
                + [x for m in ("dot", "cosine")
                   for x in (f"{book_first[m][i]} ({int(counts[word_to_id[book_first[m][i]]]):,})", book_rank[m][i])])
print(format_table(["문제", "답의 출현 횟수", "내적: 1위 (횟수)", "내적: 정답 순위", "코사인: 1위 (횟수)",
                    "코사인: 정답 순위"], rows))
first_right = {m: sum(r == 1 for r in book_rank[m]) for m in book_rank}
print(f"정답을 1위로 고른 문제는 내적(교재의 순위)이 {len(QUESTIONS)}개 중 {first_right['dot']}개, "
      f"코사인이 {len(QUESTIONS)}개 중 {first_right['cosine']}개입니다")
vocab_med = np.median(counts[seen])
exp_counts = [int(counts[word_to_id[q[3]]]) for q in QUESTIONS]
print(f"기대하는 답의 출현 횟수는 {', '.join(f'{x:,}' for x in exp_counts)}번이고, 어휘의 중앙값 단어는 "
      f"{vocab_med:,.0f}번 나옵니다")

# %%
def book_analogy(a, b, c, word_matrix, top):
    """교재 common/util.py의 analogy에서 출력만 뺀 것. 원래 행, 정규화한 질의, 원래 행과의 내적."""
    query_vec = word_matrix[word_to_id[b]] - word_matrix[word_to_id[a]] + word_matrix[word_to_id[c]]
    similarity = word_matrix @ (query_vec / np.sqrt((query_vec * query_vec).sum()))
    return [id_to_word[i] for i in (-similarity).argsort() if id_to_word[i] not in (a, b, c)][:top]

for i, (a, b, c, expected) in enumerate(QUESTIONS):
    assert book_analogy(a, b, c, W, TOP) == [w for w, _ in analogy(a, b, c, word_to_id, id_to_word, W, top=TOP,
                                                                   method="dot")]
    assert book_rank["cosine"][i] == ranks[(a, b, c)], "method='cosine'은 4절의 순위입니다"
print("확인 통과: method='dot'은 교재의 네 문제에서 교재와 같은 상위 답을 주고, method='cosine'은 4절의 "
      "순위를 줍니다")

# %% [markdown]
# 이 표는 교재 자신의 시험이고, 여기서는 교재의 순위가 코사인보다 나아 보일 수 있습니다(표 아래 줄이 1위를 셉니다).
# 교재가 기대하는 답은 자주 나오는 단어이고(마지막 줄이 어휘의 중앙값 단어와 비교합니다), 내적 순위에서는 긴 벡터가
# 높은 점수를 받습니다. 답이 자주 나오는 단어일 때 그것이 도움이 될까요? 문제 네 개로는 알 수 없고, 파일 전체를
# 기대하는 답의 출현 횟수로 나누면 알 수 있습니다(아래). 코사인은 길이를 무시하므로, 짧고 잡음 많은 벡터가 우연히
# 맞는 쪽을 가리키는 드문 단어를 1위로 고를 수 있습니다(코사인 열의 출현 횟수를 보세요). 교재가 고른 문제 네 개로는
# 어느 순위도 측정하지 못합니다. 이제 파일의 모든 문제에 두 방식으로 답해 봅니다(1위 답).

# %%
picked = {}
LABELS = {"dot": "내적", "cosine": "코사인", "gold": "기대하는 답"}
for method in ("dot", "cosine"):  # 모든 문제에 대한 analogy()를 한 번에: (문제 수 x V) 점수 행렬 하나
    best = analogy_scores(W, ids[:, 0], ids[:, 1], ids[:, 2], method=method).argmax(axis=1)
    picked[method] = [id_to_word[int(i)] for i in best]
gold = [q[3] for q in questions]
gold_med = np.median([counts[word_to_id[g]] for g in gold])
label_width = max(display_width(label) for label in LABELS.values())
for method, answers in picked.items():
    acc = np.mean([p == g for p, g in zip(answers, gold)])
    med = np.median([counts[word_to_id[p]] for p in answers])
    side = "기대하는 답보다 자주 나오는 단어" if med > gold_med else "기대하는 답보다 드문 단어" if med < gold_med else "기대하는 답만큼 나오는 단어"
    print(f"{pad(LABELS[method], label_width, '>')}: 정확도 {acc:.3f}, 고른 답의 말뭉치 출현 횟수 중앙값 {med:,.0f}, "
          f"즉 {side}")
print(f"{pad(LABELS['gold'], label_width, '>')}: 말뭉치 출현 횟수 중앙값 {gold_med:,.0f} "
      "(두 순위의 기준점)")
differ = sum(p != q for p, q in zip(picked["dot"], picked["cosine"]))
print(f"두 순위는 {len(questions)}개 문제 중 {differ}개에서 다른 답을 고릅니다")

# %%
assert len(picked["dot"]) == len(picked["cosine"]) == len(questions) == res["add"].n_answered
cos_acc = np.mean([p == g for p, g in zip(picked["cosine"], gold)])
assert abs(cos_acc - res["add"].accuracy) < 1e-9, "코사인 순위 = 평가 함수의 3CosAdd"
print("확인 통과: method='cosine'이 evaluate_analogies(method='add')와 일치합니다")


# %%
dot_acc = np.mean([p == g for p, g in zip(picked["dot"], gold)])
only_cos = sum(c == g != d for c, d, g in zip(picked["cosine"], picked["dot"], gold))
only_dot = sum(d == g != c for c, d, g in zip(picked["cosine"], picked["dot"], gold))
p_dot = binomtest(only_cos, only_cos + only_dot, 0.5).pvalue if only_cos + only_dot else 1.0
print(f"파일 전체에서 코사인 순위는 {'더 정확하고' if cos_acc > dot_acc else '정확도가 높지 않고'}"
      f"({cos_acc:.3f} 대 {dot_acc:.3f}), 내적 순위의 답은 "
      f"{'더 자주 나오는 단어입니다' if np.median([counts[word_to_id[p]] for p in picked['dot']]) > np.median([counts[word_to_id[p]] for p in picked['cosine']]) else '더 자주 나오는 단어가 아닙니다'}"
      ".")
print(f"코사인만 맞힌 문제는 {only_cos}개, 내적만 맞힌 문제는 {only_dot}개입니다. 두 순위가 똑같이 좋다면 "
      f"이만큼 치우친 결과가 나올 확률은 p {'< 0.001' if p_dot < 0.001 else f'= {p_dot:.3f}'}입니다(양측 부호 검정).")
print(f"따라서 파일 전체에서는 {'5% 수준에서 뚜렷한 차이가 있습니다' if p_dot < 0.05 else '5% 수준에서 뚜렷한 승자가 없습니다'}. "
      f"교재의 네 문제에서는 내적이 {first_right['dot']}개, 코사인이 {first_right['cosine']}개를 1위로 맞힙니다.")
gold_count = np.array([counts[word_to_id[g]] for g in gold])
right_dot = np.array([p == g for p, g in zip(picked["dot"], gold)])
right_cos = np.array([p == g for p, g in zip(picked["cosine"], gold)])
for half, mask in (("더 드문", gold_count < gold_med), ("더 자주 나오는", gold_count >= gold_med)):
    n_cos, n_dot = int(np.sum(right_cos & ~right_dot & mask)), int(np.sum(right_dot & ~right_cos & mask))
    p_half = binomtest(n_cos, n_cos + n_dot, 0.5).pvalue if n_cos + n_dot else 1.0
    lead = ("뚜렷한 승자가 없습니다" if p_half >= 0.05 else "코사인이 앞섭니다" if n_cos > n_dot else "내적이 앞섭니다")
    print(f"답이 {half} 단어인 문제 {int(mask.sum())}개(기대하는 답의 출현 횟수 중앙값 {gold_med:,.0f}에서 나눔)에서 "
          f"코사인만 맞힌 문제는 {n_cos}개, 내적만 맞힌 문제는 {n_dot}개이고 부호 검정 p "
          f"{'< 0.001' if p_half < 0.001 else f'= {p_half:.3f}'}입니다. 5% 수준에서 {lead}.")

# %% [markdown]
# 정확도보다 부호 검정을 먼저 읽으세요. 두 순위는 많은 문제에서 다른 답을 고르지만 그중 대부분은 둘 다 틀리고,
# 둘 중 정확히 하나만 맞힌 문제만이 두 순위를 비교해 줍니다. 그 갈림이 우연 이상인지는 p값이 말해 주며, 몇백 문제짜리
# 파일 하나에서는 우연 이상이 아닐 수도 있습니다. 마지막 두 줄은 기대하는 답의 출현 횟수 중앙값에서 파일을 둘로 나누고
# 각 절반 안에서 같은 질문을 합니다. 답이 자주 나오는 문제에서 내적 순위가 얻는 것이 있는지, 답이 드문 문제에서 무엇을
# 잃는지입니다. 파일 전체에서는 내적 순위의 답이 자주 나오는 단어 쪽으로 기울고, 코사인의 답은 드문 단어 쪽으로 기울 수
# 있습니다(두 중앙값을 위의 기대하는 답의 중앙값과 비교해 보세요). 교재의 네 문제는 어느 한쪽에 유리하게 나오더라도(절반들
# 앞의 줄) 답 몇 개 차이일 뿐이어서, 어느 순위가 나은지 말하기에는 너무 적습니다.
#
# 그래서 우리는 측정으로 이겨서가 아니라 원칙에 따라 코사인으로 순위를 매깁니다. 코사인은 `b - a + c`의 *방향*, 즉
# 관계를 묻지만, 내적은 빈도(벡터의 길이, 2절)를 두 번 섞어 넣습니다. 질의에는 문제 단어들의 길이로, 순위에는 후보의
# 길이로 들어갑니다.
# `evaluate_analogies`와 gensim의 `most_similar`도 코사인을 씁니다.
#
# ## 정리
#
# - 단어는 벡터의 **코사인 유사도**(cosine similarity), 즉 벡터 사이의 각도로 비교합니다. 벡터 길이는 단어 빈도를
#   따르므로, 내적을 그대로 쓰면 "비슷하다"와 "자주 나온다"가 섞입니다.
# - 최근접 이웃을 보면 분산 표현(distributed representation)이 비슷한 맥락(context)에서 쓰이는 단어를 가까이 놓는다는
#   것을 알 수 있습니다. 대명사는 대명사끼리, 시간을 나타내는 단어는 그런 단어끼리 모입니다.
# - **유추 문제**(analogy problem)는 벡터 연산 `b - a + c`로 풀고, 문제의 단어를 뺀 어휘(vocabulary) 전체에서 코사인으로
#   순위를 매깁니다(3CosAdd). 3CosMul은 그 변형입니다.
# - 토큰이 약 백만 개인 말뭉치(corpus)에서 관찰한 정확도는 범주마다 다릅니다. 범주마다 문제가 몇십 개뿐이므로 이항(윌슨)
#   오차 막대가 넓습니다. 막대가 겹친다고 두 범주가 비슷하다는 뜻은 아니고, 범주가 이만큼 많으면
#   우연만으로도 서로 겹치지 않는 막대 쌍이 생길 수 있습니다. 차이를 말하려면 비교 횟수를 보정한 검정이 필요합니다. 3CosAdd에서는 문제의 단어마다 단위 벡터 하나를 더하므로, 드문 단어의
#   잡음 많은 방향도 흔한 단어의 방향만큼 무게를 가집니다.
# - 3CosMul은 유사도 하나가 지배하는 것을 막으려고 만들어졌습니다. 믿기 전에 측정하세요. 이 벡터에서는 5절 표
#   아래의 줄들이 문제마다 짝지어(부호 검정) 3CosAdd와 비교하고, 3CosAdd를 `b`나 `c`만으로 찾은 최근접 단어와도
#   비교합니다.
# - 교재의 `analogy`는 정규화하지 않은 벡터로 `b - a + c`를 만들고 정규화하지 않은 내적으로 순위를 매기므로, 빈도(벡터
#   길이)가 두 번 들어갑니다. 6절은 두 순위를 파일 전체에서, 그리고 답이 더 드문 문제와 더 자주 나오는 문제 안에서
#   각각 부호 검정으로 비교합니다. 교재의 네 문제는 둘을 가려내기에 너무 적습니다. 우리는 측정으로 이겨서가 아니라
#   원칙에 따라(빈도가 아니라 관계의 방향) 코사인으로 순위를 매깁니다.
#
# ## 연습 문제
#
# 연습 문제마다 자동 채점이 있습니다. `...`를 답으로 바꾸고 셀을 실행해 보세요. `q1.hint()`는 힌트를,
# `q1.solution()`은 풀이를 보여 줍니다.

# %%
q1, q2, q3 = w2vlib.exercises.load("06", lang="ko")

# %% [markdown]
# **1. 코사인으로 찾는 최근접 이웃, 직접 만들기.** `nearest(query, W, words, topn)`을 작성해 보세요. 질의 단어의 행과
# 코사인이 가장 큰 `W`의 행에 해당하는 단어 `topn`개를 (가장 좋은 것부터, 리스트로) 돌려주고, 질의 단어는 뺍니다.
# `words`는 단어 리스트입니다(`words[i]`가 행 `i`). `w2vlib.normalize`를 쓰면 됩니다. 자동 채점은 실제 벡터처럼 길이가
# 제각각인 새 무작위 벡터로 실행합니다.

# %%
def nearest(query, W, words, topn):
    ...  # 여러분의 코드

q1.check(nearest)
# q1.hint()
# q1.solution()

# %%
mine = q1.answer_or_reference(nearest)
print("'monday'의 이웃:", mine("monday", wv.vectors, wv.index_to_key, TOP))

# %% [markdown]
# **2. 3CosMul 직접 구현하기.** `a : b = c : ?`의 가장 좋은 답을 돌려주는 `cosmul(a, b, c, W, words)`를 작성해
# 보세요. 정규화한 벡터에서 `cos' = (cos + 1) / 2`로 두고 `argmax_d cos'(d, b) cos'(d, c) / (cos'(d, a) + 0.001)`을
# 구하며, `a`, `b`, `c`는 뺍니다. 자동 채점은 새 무작위 벡터로 참조 구현과 비교합니다.

# %%
def cosmul(a, b, c, W, words):
    ...  # 여러분의 코드

q2.check(cosmul)

# %% [markdown]
# **3. 빈도가 결과를 좌우할까요?** 답할 수 있는 문제를 가장 드문 단어의 출현 횟수로 나누고(중앙값 미만, 또는 중앙값
# 이상), 각 절반의 3CosAdd 정확도를 `right`(문제마다 bool 하나)에서 계산해 보세요. 답은
# `(드문 절반의 정확도, 자주 나오는 절반의 정확도)` 쌍이고, 각각 소수점 아래 두세 자리로 답해 보세요.

# %%
rarest = np.array([min(counts[word_to_id[w]] for w in q) for q in questions])
right = np.array([p == g for p, g in zip(picked["cosine"], gold)])
answer_3 = ...  # (acc_rare, acc_frequent)
q3.check(answer_3, right=right, rarest=rarest)

# %% [markdown]
# **답한 뒤에:** 두 절반의 차이는 우연 이상일까요? 2 x 2 표(절반 x 맞힘/틀림)에 대한 피셔의 정확 검정(Fisher's exact
# test)이 답해 줍니다(답이 통과하면 셀이 두 절반의 맞힌 수도 보여 줍니다). 5절의 상관계수는 비슷한 질문을 점 12개, 즉 범주마다 출현 횟수 중앙값 하나로 물었고, 범주마다
# 드문 문제와 흔한 문제가 섞여 있어 검정력이 약합니다. 문제 자체를 나누면 문제를 모두 씁니다(다만 단어 쌍을 공유하는 문제들은 서로 독립이 아닙니다).

# %%
frequent = rarest >= np.median(rarest)
p_f = fisher_exact([[int(right[~frequent].sum()), int((~right[~frequent]).sum())],
                    [int(right[frequent].sum()), int((~right[frequent]).sum())]]).pvalue
print(f"피셔의 정확 검정 p {'< 0.001' if p_f < 0.001 else f'= {p_f:.3f}'} (양측), "
      f"범주 수준의 스피어먼 p = {rho_test.pvalue:.2f}")
if q3.passes(answer_3, right=right, rarest=rarest):
    print(f"드문 절반은 {int((~frequent).sum())}개 중 {int(right[~frequent].sum())}개, 자주 나오는 절반은 "
          f"{int(frequent.sum())}개 중 {int(right[frequent].sum())}개를 맞힙니다")
else:
    print("(연습 문제 3에 답하면 두 절반의 맞힌 수를 여기에 보여 줍니다)")

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): 교재의 코드 (oreilly-japan/deep-learning-from-scratch-2: `common/util.py`의
# `most_similar`, `analogy`, `normalize`, 질의 단어 네 개와 유추 문제 네 개는 `ch04/eval.py`), gensim 4
# (`gensim/models/keyedvectors.py`: 단위 벡터로 계산하는 `most_similar`, `evaluate_word_analogies`, `[0, 1]`로 옮기고
# ε = 1e-6을 쓰는 `most_similar_cosmul`), Levy & Goldberg 2014, *Linguistic Regularities in Sparse and Explicit Word
# Representations*, CoNLL 2014(3CosMul. 초록(ACL Anthology W14-1618)은 "improving the state-of-the-art results on two recent
# word-analogy datasets"라고 보고합니다. 논문 본문은 여기서 읽지 않았고, 식 번호 4는
# gensim `most_similar_cosmul`의 docstring이 인용하는 것입니다), word2vec 프로젝트 페이지의 GoogleNews 벡터 설명("about 100 billion words",
# code.google.com/archive/p/word2vec), word2vec의 유추 문제 파일 형식(tmikolov/word2vec: `compute-accuracy.c`가 읽는
# `questions-words.txt`).
#
# [다음: 07 임베딩 시각화](07_visualizing_embeddings.ipynb)
