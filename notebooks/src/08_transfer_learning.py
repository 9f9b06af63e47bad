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
# # 08. Transfer learning: word vectors as features
#
# Book: *Deep Learning from Scratch 2*, section 4.4.1
#
# The last point of the chapter (and of the study notes: *word2vec은 전이 학습 측면에서 특히 중요하며, 그 단어의
# 분산 표현은 다양한 자연어 처리 작업에 이용할 수 있다*) is that vectors learned on one task help another. Our CBOW
# vectors were trained for one thing only: guessing a word from its neighbours in PTB. Nobody told them that
# *japan* is a country or *rose* a verb in the past tense. Can a classifier that sees a few labelled words use
# them to label words it has never seen?
#
# **You will learn**
# - how to set up a small downstream task with scikit-learn: labelled words, a stratified train/test split
#   with a fixed seed, logistic regression;
# - why one-hot features cannot generalise to unseen words, and how to measure that with baselines
#   (majority class, one-hot, random vectors) on the *same* split;
# - how much the transferred vectors help, per category, across many splits, and with few labels.

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
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split

from w2vlib.pretrained import ptb_word_vectors

# %% [markdown]
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0            # seed of the vectors, of the split and of the random baseline
HIDDEN_SIZE = 100   # vector length; with the three below it must match notebook 05 to reuse its vectors
WINDOW_SIZE = 5     # context words on each side
NEGATIVE = 5        # negative samples per target
EPOCHS = 10         # passes over PTB
TEST_SIZE = 0.3     # fraction of the labelled words held out (never seen in training)
C = 1.0             # inverse regularisation strength of the logistic regression
N_SPLITS = 10       # random splits for the robustness check
CATEGORIES_FILE = Path("..") / "data" / "word_categories.tsv"  # word<TAB>category

# %% [markdown]
# ## 1. The task: which category is this word?
#
# `data/word_categories.tsv` lists a few hundred PTB words, each with one of eight categories (countries,
# nationalities, companies, occupations, finance terms, past-tense verbs, time words, adjectives). The task:
# given a word, predict its category.

# %%
rows = [line.split("\t") for line in CATEGORIES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")]
words = np.array([w for w, _ in rows])
labels = np.array([c for _, c in rows])
classes, sizes = np.unique(labels, return_counts=True)
print(f"{len(words)} words in {len(classes)} categories:")
for c, n in zip(classes, sizes):
    examples = ", ".join(words[labels == c][:5])
    print(f"    {c:<12} {n:>3}  e.g. {examples}")

# %%
wv = ptb_word_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=EPOCHS)
missing = [w for w in words if w not in wv]
assert not missing, f"not in the vocabulary: {missing}"
ids = np.array([wv.key_to_index[w] for w in words])
print(f"vectors: {len(wv):,} words x {wv.vector_size}")

# %% [markdown]
# ## 2. One split, fixed
#
# A stratified split keeps the share of each category equal in training and test. The test words are
# **never seen in training**: this is what makes the task a test of generalisation.

# %%
idx_train, idx_test = train_test_split(np.arange(len(words)), test_size=TEST_SIZE, stratify=labels,
                                       random_state=SEED)
assert not set(words[idx_train]) & set(words[idx_test])
y_train, y_test = labels[idx_train], labels[idx_test]
print(f"train: {len(idx_train)} words, test: {len(idx_test)} words (seed {SEED})")
print("test words include:", ", ".join(sorted(words[idx_test])[:10]), "...")

# %% [markdown]
# ## 3. Features: transferred vectors vs baselines
#
# Every method below uses the same classifier (multinomial logistic regression) and the same split; only the
# features change.
#
# - **word vectors**: the word's CBOW vector (normalised to length 1), learned on PTB;
# - **one-hot** (원-핫): a vocabulary-sized vector with a single 1. A test word's 1 sits in a column that was zero
#   for every training word, so its weights never moved: the classifier can only fall back on its biases;
# - **random vectors**: a random vector per word, of the same size as ours: any success of the word vectors
#   beyond this comes from what they learned, not from their dimension;
# - **majority class**: always predict the largest category (no features at all).

# %%
rng = np.random.default_rng(SEED)
Wn = w2vlib.normalize(wv.vectors)
features = {
    "word vectors": Wn[ids],
    "one-hot": sp.csr_matrix((np.ones(len(ids)), (np.arange(len(ids)), ids)), shape=(len(ids), len(wv))),
    "random vectors": rng.standard_normal((len(ids), wv.vector_size)) / np.sqrt(wv.vector_size),
}

def accuracy(X, train, test, y):
    clf = LogisticRegression(C=C, max_iter=5000).fit(X[train], y[train])
    return float((clf.predict(X[test]) == y[test]).mean()), clf

acc = {}
for name, X in features.items():
    acc[name], _ = accuracy(X, idx_train, idx_test, labels)
majority = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(idx_train), 1)), y_train)
acc["majority class"] = float((majority.predict(np.zeros((len(idx_test), 1))) == y_test).mean())
for name, a in acc.items():
    print(f"{name:<15} test accuracy {a:.3f}")
print(f"chance with {len(classes)} categories: {1 / len(classes):.3f}")

# %%
FEW_EPOCHS = "; with few EPOCHS the vectors have learned little: train longer (notebook 05 uses 10)"
assert acc["one-hot"] == acc["majority class"], "one-hot should fall back on the biases, i.e. the majority class"
for base in ("one-hot", "majority class", "random vectors"):
    assert acc["word vectors"] > acc[base] + 0.2, f"the word vectors should beat {base} by a clear margin" + FEW_EPOCHS
print("check passed: one-hot scores exactly like the majority class; the word vectors beat every baseline by "
      "more than 0.2")

# %% [markdown]
# One-hot features score exactly like the majority class: they memorise the training words and know nothing
# about new ones. Random vectors of the same size do not help either (their accuracy is printed next to
# chance). The CBOW vectors were never trained on categories, yet a linear classifier on top of them labels
# unseen words far better than any baseline: the knowledge came from the contexts in which PTB uses each
# word. That is transfer learning (전이 학습).
#
# ## 4. Where does it go wrong?
#
# The confusion matrix counts, for each true category (row), the predicted categories (columns). Look at
# where the mistakes fall: do the confused categories share contexts in news text?

# %%
_, clf = accuracy(features["word vectors"], idx_train, idx_test, labels)
pred = clf.predict(features["word vectors"][idx_test])
cm = confusion_matrix(y_test, pred, labels=classes)
short = [c[:6] for c in classes]
print(" " * 13 + " ".join(f"{s:>6}" for s in short))
for c, row in zip(classes, cm):
    print(f"{c:<12} " + " ".join(f"{int(n):>6}" for n in row))
wrong = [(w, t, p) for w, t, p in zip(words[idx_test], y_test, pred) if t != p]
print(f"\nmistakes ({len(wrong)} of {len(idx_test)}):")
print(", ".join(f"{w} ({t} -> {p})" for w, t, p in wrong))

# %%
assert cm.sum() == len(idx_test) and np.trace(cm) == len(idx_test) - len(wrong)
print("check passed")

# %% [markdown]
# ## 5. Not a lucky split
#
# One split of a few hundred words is noisy. We repeat the comparison over `N_SPLITS` different seeds and
# report the mean and the spread.

# %%
runs = {name: [] for name in features}
for split_seed in range(SEED, SEED + N_SPLITS):
    tr, te = train_test_split(np.arange(len(words)), test_size=TEST_SIZE, stratify=labels, random_state=split_seed)
    for name, X in features.items():
        runs[name].append(accuracy(X, tr, te, labels)[0])
for name, r in runs.items():
    print(f"{name:<15} mean accuracy {np.mean(r):.3f} (min {min(r):.3f}, max {max(r):.3f}) over {N_SPLITS} splits")

# %%
assert min(runs["word vectors"]) > max(runs["one-hot"]), "on every split the vectors should beat one-hot" + FEW_EPOCHS
assert min(runs["word vectors"]) > max(runs["random vectors"]), (
    "on every split the vectors should beat random vectors" + FEW_EPOCHS)
print(f"check passed: on each of the {N_SPLITS} splits the word vectors beat both one-hot and random vectors")

# %% [markdown]
# ## 6. How many labels are needed?
#
# The point of transfer is that the hard part (what words mean) was learned from unlabelled text, so the
# downstream task should need few labels. We train on only `n` words per category (from the training part of
# the split) and test on the same held-out words.

# %%
per_class = [1, 2, 4, 8, 16]
curve = {name: [] for name in ("word vectors", "random vectors")}
pick_rng = np.random.default_rng(SEED)
train_by_class = {c: pick_rng.permutation(idx_train[y_train == c]) for c in classes}
for n in per_class:
    tr = np.concatenate([train_by_class[c][:n] for c in classes])
    for name in curve:
        curve[name].append(accuracy(features[name], tr, idx_test, labels)[0])
fig, ax = plt.subplots(figsize=(6.4, 3.6))
for name, accs in curve.items():
    ax.plot(per_class, accs, marker="o", label=name)
ax.axhline(acc["majority class"], ls="--", color="gray", label="majority class")
ax.set_xscale("log", base=2)
ax.set_xticks(per_class, labels=[str(n) for n in per_class])
ax.set_xlabel("training words per category")
ax.set_ylabel("test accuracy")
ax.set_ylim(0, 1)
ax.set_title("learning curve: test accuracy against labelled words")
ax.legend()
plt.show()
for name, accs in curve.items():
    print(f"{name + ':':<15}", ", ".join(f"{n}/class {a:.3f}" for n, a in zip(per_class, accs)))
print(f"majority class: {acc['majority class']:.3f}, chance: {1 / len(classes):.3f}")

# %%
assert all(v > r for v, r in zip(curve["word vectors"], curve["random vectors"])), (
    "with any number of labels the word vectors should beat random vectors" + FEW_EPOCHS)
print("check passed: for every number of labels the word vectors beat random vectors")

# %% [markdown]
# Compare the two rows above with the majority class: they show how far a handful of examples per category
# already gets with the transferred vectors, and how little random vectors gain from more words, because a new
# word's random vector says nothing about it.
#
# ## Summary
#
# - Word vectors learned by CBOW on a corpus (말뭉치) for one task (predict the target (타깃) from its context
#   (맥락)) serve as features for another task: this is **transfer learning** (전이 학습).
# - The downstream task here: classify unseen words into eight categories with logistic regression, on a
#   stratified split with a fixed seed.
# - **One-hot** (원-핫) features cannot generalise to words outside the training set: they score like the
#   majority class. Random vectors of the same size do not help either. The distributed representation
#   (분산 표현) does much better, on every split, and with few labels.
# - The same idea scales up: pretrained embeddings (임베딩) are the first layer of many NLP models.
#
# ## Exercises
#
# Each exercise has a self-check: replace the `...` with your answer and run the cell. `q1.hint()` gives a
# hint and `q1.solution()` the reference solution.

# %%
q1, q2, q3 = w2vlib.exercises.load("08")

# %% [markdown]
# **1. A nearest-neighbour classifier.** Replace logistic regression by `KNeighborsClassifier(n_neighbors=3,
# metric="cosine")` (from `sklearn.neighbors`) on the word vectors, with the same split. What is its test
# accuracy? Compare it with the majority class and with logistic regression.

# %%
answer_1 = ...  # the kNN test accuracy, a number
q1.check(answer_1, X=features["word vectors"], labels=labels, idx_train=idx_train, idx_test=idx_test)
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. Words outside the file.** The classifier can label *any* word in PTB's vocabulary. Here it is trained on
# all labelled words and asked about five words that are not in the file:

# %%
full = LogisticRegression(C=C, max_iter=5000).fit(features["word vectors"], labels)
new_words = [w for w in ["analysts", "stocks", "weeks", "reached", "tokyo"] if w in wv and w not in set(words)]
print(", ".join(f"{w} -> {g}" for w, g in zip(new_words, full.predict(Wn[[wv.key_to_index[w] for w in new_words]]))))

# %% [markdown]
# *tokyo* is a city, yet the classifier can never say so. Why? Answer with one letter:
#
# - **a** *tokyo* is too rare in PTB to have a good vector;
# - **b** the classifier only chooses among the categories it was trained on, and "city" is not one of them;
# - **c** *tokyo* is not in PTB's vocabulary;
# - **d** a linear classifier cannot separate more than a few classes.

# %%
answer_2 = ...  # "a", "b", "c" or "d"
q2.check(answer_2)

# %% [markdown]
# **3. How many dimensions carry the categories?** Project the word vectors on their first `k` principal
# components (`sklearn.decomposition.PCA`, fitted on the training words) for `k` in 2, 5, 10, 20, and measure
# the test accuracy with the `accuracy` function above. What is the smallest of these `k` whose accuracy is
# within 0.05 of the full vectors' `acc["word vectors"]`?

# %%
answer_3 = ...  # one of 2, 5, 10, 20
q3.check(answer_3, X=features["word vectors"], labels=labels, idx_train=idx_train, idx_test=idx_test,
         full=acc["word vectors"], C=C)

# %% [markdown]
# [Next: 09 The last mile (per-word SGD compiled, as word2vec.c and gensim do it)](09_the_last_mile.ipynb) · [Back to the start: 01 The one-hot bottleneck](01_one_hot_bottleneck.ipynb) · [README](../README.md)
