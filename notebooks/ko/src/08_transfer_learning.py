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
# # 08. 전이 학습: 특징으로 쓰는 단어 벡터
#
# 교재: 밑바닥부터 시작하는 딥러닝 2, 4.4.1절
#
# 학습 노트의 4장 요약은 이 요점으로 끝납니다(띄어쓰기까지 원문 그대로 인용). *word2vec 은 전이 학습 측면에서
# 특히 중요하며, 그 단어의 분산 표현은 다양한 자연어 처리 작업에 이용 할 수있다.* 전이 학습(transfer learning)은 한
# 작업에서 배운 것을 다른 작업에 쓰는 일입니다. 그 바탕에는 한 작업에서 배운 벡터가 다른 작업에도 쓰일 수 있다는
# 주장이 있습니다. 우리 CBOW 벡터는 단 한 가지, PTB에서 이웃 단어로 가운데 단어를 맞히는 일만 배웠습니다.
# *japan*이 나라이고 *rose*가 과거형 동사라고 알려 준 사람은 없습니다. 레이블이 붙은 단어 몇 개만 보는 분류기가 이 벡터를 써서 처음 보는 단어에 레이블을
# 붙일 수 있을까요?
#
# **이 노트북에서 배울 내용**
# - scikit-learn으로 작은 후속 작업(downstream task)을 꾸리는 법: 레이블이 붙은 단어, 시드를 고정한 층화(stratified)
#   학습/테스트 분할, 로지스틱 회귀(logistic regression)
# - 원핫(one-hot) 특징(feature)이 처음 보는 단어로 일반화할 수 없는 이유, 그리고 그것을 *같은* 분할에서 기준선(baseline)인
#   다수 클래스, 원핫, 무작위 벡터로 측정하는 법
# - 결과를 정직하게 보고하는 법: 운 좋은 분할 하나가 아니라 여러 분할의 평균과 퍼짐
# - 전이된 벡터가 얼마나 도움이 되는지: 범주별로, 그리고 적은 레이블로
#
# 여기서 푸는 작업은 가장 단순한 후속 작업입니다. 단어 하나를 넣으면 레이블 하나가 나옵니다. 문장이나 문서를 다루는
# 작업은 먼저 단어 벡터의 나열을 고정 길이 벡터 하나로 바꿔야 하는데, 이 노트북은 그 단계를 건너뜁니다.

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
import w2vlib.exercises
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
from pathlib import Path

import scipy.sparse as sp
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay, confusion_matrix
from sklearn.model_selection import train_test_split

from w2vlib.pretrained import ptb_word_vectors
from w2vlib.text import format_table, josa, pad

# %% [markdown]
# ### 설정값(knobs): 바꾸고 다시 실행해 보세요

# %% tags=["parameters"]
SEED = 0            # 벡터, 첫 번째 분할, 무작위 기준선의 시드
HIDDEN_SIZE = 100   # 벡터 길이. 아래 세 값과 함께 노트북 05와 같아야 그 벡터를 다시 씁니다
WINDOW_SIZE = 5     # 양쪽의 맥락 단어 수
NEGATIVE = 5        # 타깃당 부정적 예의 수
EPOCHS = 10         # PTB를 도는 횟수
TEST_SIZE = 0.3     # 떼어 두는 레이블 단어의 비율 (학습 중에는 한 번도 보지 않음)
C = 1.0             # 로지스틱 회귀의 규제 강도의 역수
N_SPLITS = 10       # 무작위 분할 수 (시드 SEED, SEED + 1, ...). 모든 결과를 이 분할 전체에 대해 보고합니다
RANDOM_DRAWS = 5    # 무작위 벡터를 뽑는 횟수 (첫 번째가 표의 것). 다시 뽑으면 결과가 얼마나 움직이는지 잽니다
CATEGORIES_FILE = Path("../..") / "data" / "word_categories.tsv"  # word<TAB>category

# %% [markdown]
# ## 1. 작업: 단어의 범주 맞히기
#
# `data/word_categories.tsv`에는 PTB 단어 몇백 개가 범주 하나씩과 함께 들어 있습니다(셀이 출력하는 범주는 나라,
# 국적, 회사, 직업, 금융 용어, 과거형 동사, 시간을 나타내는 단어, 형용사입니다). 작업은 단어가 주어지면 그 범주를
# 예측하는 것입니다.

# %%
rows = [line.split("\t") for line in CATEGORIES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")]
words = np.array([w for w, _ in rows])
labels = np.array([c for _, c in rows])
classes, sizes = np.unique(labels, return_counts=True)
CATEGORY_NAMES = {"adjective": "형용사", "company": "회사", "country": "나라", "finance": "금융",
                  "nationality": "국적", "occupation": "직업", "past_verb": "과거형 동사",
                  "time": "시간"}  # 출력과 그림에 쓰는 범주 이름
print(f"{len(classes)}개 범주의 단어 {len(words)}개:")
for c, n in zip(classes, sizes):
    examples = ", ".join(words[labels == c][:5])
    print(f"    {pad(CATEGORY_NAMES.get(c, c), 12)} {n:>3}  예: {examples}")

# %%
wv = ptb_word_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=EPOCHS)
missing = [w for w in words if w not in wv]
assert not missing, f"어휘에 없는 단어: {missing}"
ids = np.array([wv.key_to_index[w] for w in words])
print(f"벡터: 단어 {len(wv):,}개 x {wv.vector_size}")

# %% [markdown]
# ## 2. 고정된 분할 하나
#
# 층화 분할은 각 범주의 비율을 학습 세트와 테스트 세트에서 같게 유지합니다. 테스트 단어는 **학습 중에 한 번도
# 보지 않습니다**. 그래서 이 작업은 일반화를 시험합니다. 아래의 결과는 이 분할에
# `N_SPLITS - 1`개의 분할을 더해서 얻습니다. 연습 문제 1과 3은 모든 분할을 쓰며, 이 분할이 그 첫 번째입니다.

# %%
idx_train, idx_test = train_test_split(np.arange(len(words)), test_size=TEST_SIZE, stratify=labels,
                                       random_state=SEED)
assert not set(words[idx_train]) & set(words[idx_test])
y_train, y_test = labels[idx_train], labels[idx_test]
print(f"학습: 단어 {len(idx_train)}개, 테스트: 단어 {len(idx_test)}개 (시드 {SEED})")
print("테스트 단어의 예:", ", ".join(sorted(words[idx_test])[:10]), "...")

# %% [markdown]
# ## 3. 특징: 전이된 벡터 대 기준선
#
# 아래의 모든 방법은 같은 분할을 쓰고, 처음 세 방법은 같은 분류기(다항 로지스틱 회귀)도 씁니다. 바뀌는 것은
# 특징뿐입니다.
#
# - **단어 벡터**(word vectors): PTB에서 학습한 단어의 CBOW 벡터(길이 1로 정규화)
# - **원핫**(one-hot): 1이 하나뿐이고 길이가 어휘 수인 벡터. 테스트 단어의 1은 모든 학습 단어에서 0이었던 열에 있으므로
#   그 가중치는 한 번도 움직이지 않았습니다. 분류기는 편향에만 기댈 수 있습니다.
# - **무작위 벡터**(random vectors): 단어마다 우리 벡터와 같은 크기의 무작위 벡터. 단어 벡터가 이보다 잘한다면
#   그것은 차원 수 덕분이 아니라 배운 내용 덕분입니다.
# - **다수 클래스**(majority class): 항상 가장 큰 범주를 예측합니다(특징이 전혀 없음).
#
# 단어 몇백 개로 잰 정확도에는 잡음이 많습니다. 분할 하나가 운이 좋을 수도 있습니다. 그래서 모든 방법을 서로 다른
# 분할 `N_SPLITS`개에서 학습하고 평가하며, 대표 결과는 그 평균 ± 표준편차입니다. 첫 번째 열은 비교를 위해 2절의
# 고정된 분할을 보여 줍니다. 이 퍼짐은 분할만 바꾼 것입니다. 벡터는 한 번의 학습(`SEED`)이므로 학습 시드가 다르면
# 그 숫자도 움직입니다. 표의 무작위 벡터는 한 번 뽑은 것이고, 표 아래 줄은 `RANDOM_DRAWS - 1`번 더 뽑았을 때 그 평균이
# 얼마나 움직이는지 보여 줍니다. 또 분할끼리 겹치므로 표준편차는 퍼짐이지 표준오차가 아닙니다.

# %%
rng = np.random.default_rng(SEED)
Wn = w2vlib.normalize(wv.vectors)
features = {
    "word vectors": Wn[ids],
    "one-hot": sp.csr_matrix((np.ones(len(ids)), (np.arange(len(ids)), ids)), shape=(len(ids), len(wv))),
    "random vectors": rng.standard_normal((len(ids), wv.vector_size)) / np.sqrt(wv.vector_size),
}
assert RANDOM_DRAWS >= 1, "RANDOM_DRAWS는 1 이상이어야 합니다. 표의 무작위 벡터가 첫 번째 뽑기입니다."
random_draws = [features["random vectors"]] + [rng.standard_normal((len(ids), wv.vector_size)) / np.sqrt(wv.vector_size)
                                               for _ in range(RANDOM_DRAWS - 1)]  # 같은 방식으로 더 뽑은 무작위 벡터
shown = {"word vectors": "단어 벡터", "one-hot": "원핫", "random vectors": "무작위 벡터",
         "majority class": "다수 클래스"}  # 출력과 그림에 쓰는 이름

def accuracy(X, train, test, y):
    clf = LogisticRegression(C=C, max_iter=5000).fit(X[train], y[train])
    return float((clf.predict(X[test]) == y[test]).mean()), clf

assert N_SPLITS >= 2, "N_SPLITS는 2 이상이어야 합니다. 퍼짐을 재려면 분할이 두 개 필요합니다."
splits = [train_test_split(np.arange(len(words)), test_size=TEST_SIZE, stratify=labels, random_state=s)
          for s in range(SEED, SEED + N_SPLITS)]  # splits[0]이 2절의 고정된 분할입니다
runs = {name: [] for name in features}
one_hot_guesses = []  # 분할마다 원핫이 테스트 단어에 준 서로 다른 범주들
for tr, te in splits:
    for name, X in features.items():
        a, clf = accuracy(X, tr, te, labels)
        runs[name].append(a)
        if name == "one-hot":
            one_hot_guesses.append(set(clf.predict(X[te])))
runs["majority class"] = [
    float((DummyClassifier(strategy="most_frequent").fit(np.zeros((len(tr), 1)), labels[tr])
           .predict(np.zeros((len(te), 1))) == labels[te]).mean()) for tr, te in splits]
acc = {name: r[0] for name, r in runs.items()}  # 고정된 분할의 값
draw_means = [np.mean(runs["random vectors"])] + [np.mean([accuracy(R, tr, te, labels)[0] for tr, te in splits])
                                                  for R in random_draws[1:]]  # 뽑기마다 분할에 걸친 평균
print(format_table(["특징", f"분할 {SEED}", f"분할 {N_SPLITS}개의 평균 ± 표준편차", "최소–최대"],
                   [[shown[name], f"{r[0]:.3f}", f"{np.mean(r):.3f} ± {np.std(r, ddof=1):.3f}", f"{min(r):.3f}–{max(r):.3f}"]
                    for name, r in runs.items()], align="<>>>"))
print(f"범주 {len(classes)}개에서의 우연 수준: {1 / len(classes):.3f}")
if RANDOM_DRAWS > 1:
    print(f"무작위 벡터를 {RANDOM_DRAWS}번 뽑으면(첫 번째가 표의 것) 분할에 걸친 평균은 뽑기에 따라 "
          f"{min(draw_means):.3f}~{max(draw_means):.3f}이고, 그 평균은 {np.mean(draw_means):.3f}입니다.")
rank = 1 + sum(a > acc["word vectors"] for a in runs["word vectors"])
print(f"대표 결과: 처음 보는 단어를 분류하는 단어 벡터의 정확도는 {np.mean(runs['word vectors']):.3f} "
      f"± {np.std(runs['word vectors'], ddof=1):.3f}입니다. 고정된 분할의 값 {josa(format(acc['word vectors'], '.3f'), '은/는')} "
      f"분할 {N_SPLITS}개 중 {rank}위입니다.")

# %%
FEW_EPOCHS = ". EPOCHS가 적으면 벡터가 배운 것이 거의 없습니다. 더 오래 학습해 보세요(노트북 05는 10)."
assert all(len(g) == 1 for g in one_hot_guesses), "원핫은 처음 보는 단어 모두에 같은 범주(편향이 가장 큰 범주)를 줘야 합니다"
ties = sum(o == m for o, m in zip(runs["one-hot"], runs["majority class"]))
same_counts = len({tuple(int(np.sum(labels[te] == c)) for c in classes) for _, te in splits}) == 1
for base in ("one-hot", "majority class", "random vectors"):
    assert all(v > b + 0.2 for v, b in zip(runs["word vectors"], runs[base])), (
        f"모든 분할에서 단어 벡터가 기준선인 {shown[base]}보다 분명히 높아야 합니다" + FEW_EPOCHS)
majority = float(np.mean(runs["majority class"]))
assert np.mean(draw_means) < majority + 0.05, (
    "무작위 벡터는 다수 클래스보다 나으면 안 됩니다. 무작위 벡터는 단어의 범주에 대해 아무것도 말해 주지 않습니다")
print(f"확인 통과: 분할 {N_SPLITS}개 모두에서 원핫은 테스트 단어 모두에 같은 범주를 주고, 단어 벡터는 모든 기준선을 "
      f"0.2 넘게 앞서며, 무작위 벡터는 0.05의 여유 안에서 다수 클래스보다 낫지 않습니다({RANDOM_DRAWS}번 뽑은 평균 "
      f"{np.mean(draw_means):.3f}, 다수 클래스 {majority:.3f}).")
print(f"원핫은 분할 {N_SPLITS}개 중 {ties}개에서 다수 클래스와 정확도가 같습니다(분할마다 한 범주만 고르므로 잘해야 "
      "같습니다. 층화 분할에서는 가장 큰 범주가 테스트 세트에서도 가장 큽니다).")
hits = [round(m * len(te)) for m, (_, te) in zip(runs["majority class"], splits)]  # 분할마다 맞힌 수
counts = ("모든 분할의 테스트 세트에 범주마다 같은 수의 단어가 들어 있습니다" if same_counts else
          "분할마다 테스트 세트에 든 범주별 단어 수가 다릅니다")
if len(set(hits)) == 1:
    print(f"{counts}. 다수 클래스가 예측하는 범주는 모든 분할에서 테스트 단어 {len(splits[0][1])}개 중 {hits[0]}개를 "
          "차지하므로 다수 클래스의 ± 값은 0입니다" + (". 원핫도 모든 분할에서 다수 클래스와 정확도가 같으므로 ± 값이 0입니다."
                                                         if ties == N_SPLITS else "."))
else:
    print(f"{counts}. 다수 클래스가 예측하는 범주는 분할에 따라 테스트 단어 {len(splits[0][1])}개 중 {min(hits)}~{max(hits)}개를 "
          f"차지하므로 다수 클래스의 ± 값은 0이 아닙니다.")
top = [c for c, n in zip(classes, sizes) if n == sizes.max()]  # 가장 큰 범주들
if len(top) == 1:
    print(f"크기가 같은 범주는 없습니다. 가장 큰 범주인 {josa(CATEGORY_NAMES.get(top[0], top[0]), '은/는')} "
          f"단어가 {sizes.max()}개로 다른 어느 범주보다 많습니다.")
else:
    even = all(len({int(np.sum(labels[te] == c)) for c in top}) == 1 for _, te in splits)
    print(f"가장 큰 범주 {len(top)}개({', '.join(CATEGORY_NAMES.get(c, c) for c in top)})는 크기가 같습니다(각각 단어 "
          f"{sizes.max()}개). " + ("모든 분할에서 이 범주들의 테스트 단어 수도 같으므로 어느 쪽을 골라도 정확도가 같습니다."
                                   if even else "어떤 분할에서는 이 범주들의 테스트 단어 수가 달라서, 어느 쪽을 고르는지에 "
                                   "따라 정확도가 달라질 수 있습니다."))

# %% [markdown]
# 원핫 특징은 학습 단어를 외울 뿐, 새 단어에 대해서는 아무것도 모릅니다. 그래서 처음 보는 단어 모두에 같은
# 범주(편향이 가장 큰 범주)를 줍니다. 층화 분할에서는 학습 세트에서 가장 큰 범주가 테스트 세트에서도 가장 크므로,
# 원핫은 잘해야 다수 클래스와 같습니다(한 범주만 고른다는 사실에서 바로 나오므로, 확인 셀은 이것을 시험하지 않고
# 같은 분할의 수를 셉니다). 확인 셀의 마지막 줄들은 둘의 정확도가 몇 개의 분할에서 같은지, 둘이 예측하는
# 범주가 모든 분할에서 같은 수의 테스트 단어를 차지하는지(같은 수를 차지할 때 ± 값이 0이 됩니다), 그리고 가장 큰
# 범주가 둘 이상이라 어느 쪽이든 예측될 수 있는지 알려 줍니다.
# 같은 크기의 무작위 벡터도 도움이 되지 않습니다. 그 평균을 우연 수준이 아니라 다수 클래스와 비교해 보세요. 범주마다
# 단어 수가 다른 이 학습 세트에서는 특징에서 아무것도 배우지 못하는 분류기도 범주의 비율은 배웁니다(우연 수준이
# 기준선인 것은 범주마다 학습 단어 수가 같을 때뿐인데, 그 이유는 5절에서 설명합니다). 분할 하나나 뽑기 한 번은 운이
# 좋을 수 있으므로 `RANDOM_DRAWS`번 뽑은 결과를 담은 줄을 읽어 보세요. CBOW 벡터는 범주를 배운 적이 없는데도,
# 그 위의 선형 분류기는 처음 보는 단어에 어느 기준선보다 훨씬 정확하게, 모든 분할에서 레이블을 붙입니다.
# 그 지식은 PTB가 각 단어를 쓰는 맥락(context)에서 왔습니다. 이것이 전이 학습입니다.
#
# ## 4. 오류 분석: 틀리는 곳
#
# 혼동 행렬(confusion matrix)은 실제 범주(행)마다 예측한 범주(열)를 셉니다. 여기서는 분할 `N_SPLITS`개 전체에 대해
# 더했습니다(단어 하나는 평균 약 `TEST_SIZE` × `N_SPLITS`개의 분할에서 테스트 단어가 됩니다. 한 번도 테스트되지 않은
# 단어의 수는 셀이 출력합니다). 대각선이 맞힌 답입니다. 나머지가 어디에 몰리는지 보세요. 헷갈린 범주들은 뉴스 기사에서 맥락을
# 공유할까요? 셀은 벡터가 가장 자주 틀리는 범주와 그 단어들이 어디로 가는지도 출력합니다. 노트북 07의 연습 문제 1에서
# 가장 덜 모인 그룹과 비교해 보세요.

# %%
true_all, pred_all, test_words = [], [], []
for tr, te in splits:
    _, clf = accuracy(features["word vectors"], tr, te, labels)
    true_all += list(labels[te])
    pred_all += list(clf.predict(features["word vectors"][te]))
    test_words += list(words[te])
cm = confusion_matrix(true_all, pred_all, labels=classes)
fig, ax = plt.subplots(figsize=(7, 6))
ConfusionMatrixDisplay(cm, display_labels=[CATEGORY_NAMES.get(c, c) for c in classes]).plot(ax=ax, cmap="Blues", colorbar=False, xticks_rotation=45,
                                                        values_format="d")
ax.grid(False)  # 칸을 가로지르는 격자선 없이
ax.set_xlabel("예측한 범주")
ax.set_ylabel("실제 범주")
ax.set_title(f"혼동 행렬, 분할 {N_SPLITS}개의 합계")
plt.show()
tested, missed = {}, {}
for w, t, p in zip(test_words, true_all, pred_all):
    tested[w] = tested.get(w, 0) + 1
    if t != p:
        missed.setdefault(w, []).append(p)
often = sorted((w for w in missed if len(missed[w]) * 2 >= tested[w]), key=lambda w: (-len(missed[w]) / tested[w], w))
print(f"테스트 단어로 쓰인 분할의 절반 이상에서 틀린 단어 ({len(often)}개):")
print(", ".join(f"{w} ({CATEGORY_NAMES.get(labels[words == w][0])} -> {CATEGORY_NAMES.get(max(sorted(set(missed[w])), key=missed[w].count))}, "
                f"{tested[w]}번 중 {len(missed[w])}번)" for w in often))
recall = np.diag(cm) / cm.sum(axis=1)
worst = int(np.argmin(recall))
goes_to = max((j for j in range(len(classes)) if j != worst), key=lambda j: cm[worst, j])
print(f"가장 자주 틀리는 범주: {CATEGORY_NAMES.get(classes[worst])}, 테스트 단어의 {recall[worst]:.0%}만 맞힘 "
      f"({cm[worst].sum()}번 중 {cm[worst, goes_to]}번은 {josa(CATEGORY_NAMES.get(classes[goes_to]), '으로/로')} 예측). "
      f"다른 범주는 모두 {np.floor(100 * recall[np.arange(len(classes)) != worst].min() + 1e-9) / 100:.0%} 이상입니다.")
never = sorted(set(words) - set(test_words))
print(f"단어 {len(words)}개 중 {len(words) - len(never)}개가 한 번 이상 테스트 단어로 쓰였습니다. 한 번도 테스트되지 "
      f"않은 단어: {len(never)}개" + (f" ({', '.join(never)})" if never else ""))
# 장부 확인: 행렬은 3절의 표와 같은 실행들을 담습니다
assert cm.sum() == N_SPLITS * len(splits[0][1])
assert abs(np.trace(cm) / cm.sum() - np.mean(runs["word vectors"])) < 1e-9, "행렬은 같은 실행들을 담아야 합니다"

# %% [markdown]
# ## 5. 필요한 레이블의 수
#
# 전이의 요점은 어려운 부분(단어의 의미)을 레이블 없는 텍스트에서 이미 배웠다는 것입니다. 그러니 후속 작업에는
# 레이블이 조금만 필요해야 합니다. 범주마다 `n`개의 단어(각 분할의 학습 부분에서 고름. 셀이 `n`의 값들을 출력하며,
# 최대 16입니다)로만 학습하고, 그 분할의 떼어 둔 단어로 평가합니다. 이것을 모든 분할에서 반복합니다. 띠는 평균에서
# 위아래로 분할 사이 표준편차 하나만큼의 범위입니다(무작위 벡터는 분할과 `RANDOM_DRAWS`번의 뽑기를 함께 본
# 표준편차). 이 학습 세트는 범주마다 단어 수가 같아서 다수 클래스가 없습니다.
# 그래서 기준선은 우연 수준, 곧 1을 범주 수로 나눈 값입니다. 모든 범주에 학습 단어가 `n`개씩 있으면, 범주에 대해
# 아무것도 알려 주지 않는 특징을 쓰는 분류기는 어느 범주도 더 좋아할 이유가 없습니다. 그래서 테스트 세트의 범주
# 비율이 어떻든 평균적으로 그만큼 맞힙니다.

# %%
fewest = min(int(np.sum(labels[tr] == c)) for tr, _ in splits for c in classes)  # 가장 작은 범주의 학습 단어 수
per_class = [n for n in (1, 2, 4, 8) if n < fewest] + [min(16, fewest)]  # 최대 16, 범주가 가진 수보다 많지 않게
print(f"범주마다 쓰는 학습 단어 수: {', '.join(map(str, per_class))} (가장 작은 범주의 학습 단어는 가장 적은 "
      f"분할에서 {fewest}개)")
curve = {"word vectors": np.zeros((N_SPLITS, len(per_class))),
         "random vectors": np.zeros((RANDOM_DRAWS, N_SPLITS, len(per_class)))}  # 3절의 모든 뽑기
balanced_pred = []  # 가장 큰 n에서 단어 벡터의 테스트 예측, 분할 순서대로 (4절의 true_all과 같은 순서)
for i, (tr, te) in enumerate(splits):
    pick_rng = np.random.default_rng(SEED + i)
    train_by_class = {c: pick_rng.permutation(tr[labels[tr] == c]) for c in classes}
    for j, n in enumerate(per_class):
        sub = np.concatenate([train_by_class[c][:n] for c in classes])
        curve["word vectors"][i, j], clf = accuracy(features["word vectors"], sub, te, labels)
        if j == len(per_class) - 1:
            balanced_pred += list(clf.predict(features["word vectors"][te]))
        for d, R in enumerate(random_draws):
            curve["random vectors"][d, i, j] = accuracy(R, sub, te, labels)[0]
pooled = {name: accs.reshape(-1, len(per_class)) for name, accs in curve.items()}  # 행: 분할 (과 뽑기)
fig, ax = plt.subplots(figsize=(6.4, 3.6))
for name, accs in pooled.items():
    mean, sd = accs.mean(axis=0), accs.std(axis=0, ddof=1)
    ax.plot(per_class, mean, marker="o",
            label=shown[name] + (f", {RANDOM_DRAWS}번 뽑기" if name == "random vectors" and RANDOM_DRAWS > 1 else ""))
    ax.fill_between(per_class, mean - sd, mean + sd, alpha=0.2)
ax.axhline(1 / len(classes), ls="--", color="gray", label=f"우연 수준 (1/{len(classes)}, 범주마다 학습 단어 수가 같음)")
ax.set_xscale("log", base=2)
ax.set_xticks(per_class, labels=[str(n) for n in per_class])
ax.set_xlabel("범주당 학습 단어 수")
ax.set_ylabel("테스트 정확도")
ax.set_ylim(0, 1)
ax.set_title(f"학습 곡선: 분할 {N_SPLITS}개의 평균 ± 표준편차" + (f" (무작위 벡터는 {RANDOM_DRAWS}번 뽑기도 함께)" if RANDOM_DRAWS > 1 else ""))
ax.legend()
plt.show()
for name, accs in pooled.items():
    print(pad(shown[name] + ":", 15), ", ".join(f"범주당 {n}개 {m:.3f}" for n, m in zip(per_class, accs.mean(axis=0))))
if RANDOM_DRAWS > 1:
    draw_rows = curve["random vectors"].mean(axis=1)  # 뽑기마다의 줄: 분할에 걸친 평균, n마다
    print(pad("", 15), f"{RANDOM_DRAWS}번의 뽑기 각각: " + ", ".join(
        f"범주당 {n}개 {lo:.3f}–{hi:.3f}" for n, lo, hi in zip(per_class, draw_rows.min(axis=0), draw_rows.max(axis=0))))
print(f"우연 수준(점선): {1 / len(classes):.3f}. 3절의 다수 클래스 값 {josa(format(np.mean(runs['majority class']), '.3f'), '은/는')} "
      f"전체 학습 세트(범주마다 단어 수가 다름)에서 나온 것이므로 여기서는 기준선이 아닙니다.")
diff = curve["word vectors"][:, -1] - np.array(runs["word vectors"])  # 분할마다, 가장 큰 n의 균형 세트 빼기 전체 세트
hard = classes[worst]  # 4절에서 가장 자주 틀린 범주
balanced_recall = float(np.mean(np.array(balanced_pred)[np.array(true_all) == hard] == hard))
print(f"분할마다 범주당 {per_class[-1]}개에서 전체 학습 세트를 뺀 정확도 차이는 평균 {diff.mean():+.3f}"
      f"({diff.min():+.3f}~{diff.max():+.3f})입니다.")
print(f"4절에서 가장 자주 틀린 범주인 {CATEGORY_NAMES.get(hard)}(레이블이 있는 단어 {sizes[worst]}개, 가장 큰 범주는 "
      f"{sizes.max()}개)에서 맞히는 비율은 전체 학습 세트로 {recall[worst]:.0%}, 범주당 {per_class[-1]}개로 {balanced_recall:.0%}입니다.")

# %%
assert np.all(pooled["word vectors"].min(axis=0) > pooled["random vectors"].max(axis=0)), (
    "레이블 수와 상관없이 모든 분할에서 단어 벡터가 무작위 벡터를 이겨야 합니다" + FEW_EPOCHS)
print("확인 통과: 레이블 수마다, 모든 분할에서 단어 벡터가 무작위 벡터를 이깁니다."
      + (" 무작위 벡터를 다시 뽑은 모든 경우에서도 그렇습니다." if RANDOM_DRAWS > 1 else ""))
r_mean, r_sd = pooled["random vectors"].mean(axis=0), pooled["random vectors"].std(axis=0, ddof=1)
inside = np.abs(r_mean - 1 / len(classes)) <= r_sd
band = "무작위 벡터의 띠(분할" + (f"과 {RANDOM_DRAWS}번의 뽑기" if RANDOM_DRAWS > 1 else "") + "에 걸친 평균 ± 표준편차)"
print("우연 수준은 "
      + (f"모든 n({len(per_class)}가지)에서 {band} 안에 있습니다." if inside.all() else
         f"n {len(per_class)}가지 중 {int(inside.sum())}가지에서 {band} 안에 있습니다. "
         f"띠 밖인 n은 {', '.join(str(n) for n, i in zip(per_class, inside) if not i)}입니다."))

# %% [markdown]
# 학습 곡선 셀이 출력한 처음 두 줄을 우연 수준과 비교해 보세요. 전이된 벡터를 쓰면 범주마다 예시 몇 개만으로도
# 정확도가 얼마나 올라가는지 알 수 있습니다. 무작위 벡터는 우연 수준 근처에 머물고(우연 수준이 몇 가지 `n`에서 그 띠
# 안에 있는지는 확인 셀이 알려 줍니다), 학습 단어가 늘어도 나아지지 않습니다. 새 단어의 무작위 벡터는 그 단어에 대해
# 아무것도 말해 주지 않기 때문입니다. 그 띠는 분할과 무작위 벡터의 `RANDOM_DRAWS`번 뽑기를 함께 본 퍼짐이므로, 다시
# 뽑으면 줄 전체가 얼마나 움직이는지도 담고 있습니다. 그 부분만 따로 보여 주는 것이 무작위 벡터 아래 줄, 곧 뽑기마다
# 분할에 걸쳐 낸 평균의 범위입니다.
#
# 학습 곡선 셀의 마지막 두 줄은 가장 큰 `n`의 균형 잡힌 학습 세트를 3절의 전체 학습 세트와 같은 분할에서
# 비교합니다. 전체 학습 세트는 범주마다 단어 수가 다르고, 로지스틱 회귀는 그 안에서 각 범주가 차지하는 몫을
# 배웁니다. 절편이 큰 범주 쪽으로 기울고, L2 규제가 가중치를 작게 묶어 두므로 애매한 단어에서는 그 사전 확률이
# 답을 가를 수 있습니다. 균형 잡힌 학습 세트에는 그 사전 확률이 없습니다. 그래서 학습 단어가 더 적어도 꼭 더
# 나쁘지는 않습니다(평균 차이를 분할 사이의 범위와 함께 읽어 보세요). 마지막 줄은 사전 확률을 없앴을 때 4절에서 가장
# 어려웠던 범주가 어떻게 되는지 보여 줍니다. `LogisticRegression(class_weight="balanced")`를 쓰면 학습 단어를
# 모두 쓰면서도 사전 확률을 없앨 수 있습니다.
#
# ## 정리
#
# - 말뭉치(corpus)에서 한 작업(맥락(context)으로 타깃(target) 예측하기)을 위해 CBOW로 학습한 단어 벡터가 다른 작업의
#   특징으로 쓰입니다. 이것이 **전이 학습**(transfer learning)입니다.
# - 여기서의 후속 작업: 시드를 고정한 층화 분할에서, 처음 보는 단어를 로지스틱 회귀로 파일의 범주로 분류하기.
#   결과는 여러 분할의 평균 ± 표준편차로 보고합니다. 분할 하나는 운이 좋은 것일 수 있습니다.
# - **원핫**(one-hot) 특징은 학습 세트 밖의 단어로 일반화할 수 없습니다. 처음 보는 단어 모두에 같은 범주를 주므로, 층화 분할에서는
#   다수 클래스보다 나을 수 없습니다. 같은 크기의
#   무작위 벡터도 도움이 되지 않습니다. 분산 표현(distributed representation)은 모든 분할에서, 적은 레이블로도 훨씬
#   잘합니다.
# - 더 큰 모델도 같은 생각을 씁니다. 사전 학습된 임베딩(embedding)은 그 모델의 첫 번째 계층이 될 수 있습니다.
#   PyTorch에서는 `nn.Embedding.from_pretrained(vectors)`가 (V, H) 행렬로 그 계층을 만들고, 기본값(`freeze=True`)이면
#   모델의 나머지를 학습하는 동안 벡터는 고정됩니다.
#
# ## 연습 문제
#
# 연습 문제마다 자동 채점이 있습니다. `...`를 답으로 바꾸고 셀을 실행해 보세요. `q1.hint()`는 힌트를,
# `q1.solution()`은 풀이를 보여 줍니다.

# %%
q1, q2, q3 = w2vlib.exercises.load("08", lang="ko")

# %% [markdown]
# **1. 최근접 이웃 분류기.** 로지스틱 회귀 대신 단어 벡터에 `KNeighborsClassifier(n_neighbors=3,
# metric="cosine")`(`sklearn.neighbors`에 있음)를 써 보세요. `splits`의 분할마다 학습하고 평가한 뒤 평균을 내면, 평균
# 테스트 정확도는 얼마일까요(0과 1 사이의 비율로, 소수 셋째 자리까지)? 다수 클래스, 그리고 같은 분할들에서 로지스틱
# 회귀의 평균(`np.mean(runs["word vectors"])`)과 비교해 보세요.

# %%
answer_1 = ...  # kNN의 평균 테스트 정확도, 0과 1 사이의 비율
q1.check(answer_1, X=features["word vectors"], labels=labels, splits=splits, full=np.mean(runs["word vectors"]))
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. 파일에 없는 단어.** 분류기는 PTB 어휘의 *어떤* 단어에도 레이블을 붙일 수 있습니다. 여기서는 레이블 단어 전부로
# 학습하고, 파일에 없는 다섯 단어를 물어봅니다.

# %%
full = LogisticRegression(C=C, max_iter=5000).fit(features["word vectors"], labels)
new_words = [w for w in ["analysts", "stocks", "weeks", "reached", "tokyo"] if w in wv and w not in set(words)]
print(", ".join(f"{w} -> {CATEGORY_NAMES.get(g, g)}" for w, g in zip(new_words, full.predict(Wn[[wv.key_to_index[w] for w in new_words]]))))

# %% [markdown]
# 확인할 수 있는 레이블은 확인해 보세요. 복수형은 단수형의 범주를 받지 않을 수도 있습니다(파일에서 *analyst*는
# 직업입니다). 복수형은 다른 맥락에 나오기 때문입니다. *tokyo*는 도시인데, 위의 줄은 그 대신 받은 레이블을 보여
# 줍니다. *tokyo*의 벡터가 더 좋다면(예를 들어 더 많은 텍스트로 학습했다면) 이 분류기가 "도시"라고 답할 수 있을까요?
# 그것을 결정하는 이유를 글자 하나로 골라 보세요.
#
# - **a** *tokyo*는 PTB에서 너무 드물어서 좋은 벡터가 없습니다.
# - **b** 분류기는 학습한 범주 중에서만 고르는데, "도시"는 그중 하나가 아닙니다.
# - **c** PTB에서 *tokyo*는 주로 경제 뉴스(도쿄 주식 시장, 일본 기업)에 나오므로, 그 벡터가 회사나 나라의 벡터처럼
#   보입니다.
# - **d** 선형 분류기는 클래스를 몇 개 넘게 나눌 수 없습니다.

# %%
answer_2 = ...  # "a", "b", "c" 또는 "d"
q2.check(answer_2)

# %% [markdown]
# **3. 범주를 담는 차원은 몇 개일까요?** 단어 벡터를 처음 `k`개의 주성분(`sklearn.decomposition.PCA`를 학습 단어로
# 학습한 것)에 투영하고, `k`가 2, 5, 10, 20일 때 위의 `accuracy` 함수로 `splits`의 모든 분할에서 테스트 정확도를 재 보세요.
# 분할에 걸친 평균 정확도가 전체 벡터의 평균 `np.mean(runs["word vectors"])`와 0.05 이내인 `k` 중 가장 작은 값은
# 무엇일까요? (분할 하나로는 안 됩니다. 테스트 단어 하나가 그 정확도를 1/`len(idx_test)`만큼 움직이고, 그것이 답을
# 바꿀 수 있습니다.)

# %%
answer_3 = ...  # 2, 5, 10, 20 중 하나
q3.check(answer_3, X=features["word vectors"], labels=labels, splits=splits,
         full=np.mean(runs["word vectors"]), C=C)

# %% [markdown]
# **출처**(이 노트북에서 확인한 것): 이 시리즈가 출발한 학습 노트(한 학생이 교재 4장을 한국어로 정리한 노트.
# `w2vlib/notes.py`에 그 코드가 쓰인 그대로 있고, 위에서 띄어쓰기까지 원문 그대로 인용한 4장 요약의 마지막 요점도
# `w2vlib.notes.SUMMARY_LAST_POINT`로 있습니다), 교재의 코드(oreilly-japan/deep-learning-from-scratch-2와 한국어판
# WegraLee/deep-learning-from-scratch-2: `ch04/`에는 `cbow.py`, `skip_gram.py`, `negative_sampling_layer.py`,
# `train.py`, `eval.py`가 있고 4.4.1절을 위한 스크립트는 없습니다. 4.4.1절의 본문은 확인할 수 없었으므로 이 노트북은
# 그 내용을 설명하지 않습니다), scikit-learn
# (`LogisticRegression`: lbfgs, 클래스가 여럿이면 다항, L2 규제. `train_test_split(stratify=...)`.
# `DummyClassifier(strategy="most_frequent")`. `confusion_matrix`와 `ConfusionMatrixDisplay`, 행이 실제 레이블), PyTorch(`torch.nn.Embedding` 문서:
# `from_pretrained(embeddings, freeze=True, ...)`는 2차원 텐서로 계층을 만들고, `freeze`는 그것을 고정합니다).
#
# [다음: 09 마지막 한 걸음 (word2vec.c와 gensim처럼 단어 단위 SGD를 컴파일하기)](09_the_last_mile.ipynb) · [처음으로: 01 원핫 표현의 병목](01_one_hot_bottleneck.ipynb) · [README](../../README.ko.md)
