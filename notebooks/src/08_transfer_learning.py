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
# The last point of the study notes' chapter summary reads *word2vec 은 전이 학습 측면에서 특히 중요하며, 그 단어의
# 분산 표현은 다양한 자연어 처리 작업에 이용 할 수있다.* (quoted as written, spacing included; roughly: "word2vec is
# especially important for transfer learning: its distributed representations of words can be used in many
# natural language processing tasks"). The claim behind it: vectors learned on one task can serve another. Our
# CBOW vectors were trained for one thing only: guessing a word from its neighbours in PTB. Nobody told them that
# *japan* is a country or *rose* a verb in the past tense. Can a classifier that sees a few labelled words use
# them to label words it has never seen?
#
# **You will learn**
# - how to set up a small downstream task with scikit-learn: labelled words, a stratified train/test split
#   with a fixed seed, logistic regression;
# - why one-hot features cannot generalise to unseen words, and how to measure that with baselines
#   (majority class, one-hot, random vectors) on the *same* split;
# - how to report a result honestly: the mean and spread over many splits, not one lucky split;
# - how much the transferred vectors help, per category, and with few labels.
#
# The task here is the simplest downstream task there is: one word in, one label out. Tasks on whole sentences
# or documents first have to turn a sequence of word vectors into one fixed-length vector; this notebook skips
# that step.

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
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0            # seed of the vectors, of the first split and of the random baseline
HIDDEN_SIZE = 100   # vector length; with the three below it must match notebook 05 to reuse its vectors
WINDOW_SIZE = 5     # context words on each side
NEGATIVE = 5        # negative samples per target
EPOCHS = 10         # passes over PTB
TEST_SIZE = 0.3     # fraction of the labelled words held out (never seen in training)
C = 1.0             # inverse regularisation strength of the logistic regression
N_SPLITS = 10       # random splits (seeds SEED, SEED + 1, ...): every result is reported over all of them
RANDOM_DRAWS = 5    # draws of the random vectors (the first is the table's): how much another draw moves them
CATEGORIES_FILE = Path("..") / "data" / "word_categories.tsv"  # word<TAB>category

# %% [markdown]
# ## 1. The task: which category is this word?
#
# `data/word_categories.tsv` lists a few hundred PTB words, each with one category (the cell prints them:
# countries, nationalities, companies, occupations, finance terms, past-tense verbs, time words, adjectives).
# The task: given a word, predict its category.

# %%
rows = [line.split("\t") for line in CATEGORIES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")]
words = np.array([w for w, _ in rows])
labels = np.array([c for _, c in rows])
classes, sizes = np.unique(labels, return_counts=True)
# the names the outputs show (the Korean edition translates these)
CATEGORY_NAMES = {"adjective": "adjective", "company": "company", "country": "country", "finance": "finance",
                  "nationality": "nationality", "occupation": "occupation", "past_verb": "past verb",
                  "time": "time"}  # the category names printed and drawn
print(f"{len(words)} words in {len(classes)} categories:")
for c, n in zip(classes, sizes):
    examples = ", ".join(words[labels == c][:5])
    print(f"    {pad(CATEGORY_NAMES.get(c, c), 12)} {n:>3}  e.g. {examples}")

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
# **never seen in training**: this is what makes the task a test of generalisation. The results below use this
# split and `N_SPLITS - 1` more; exercises 1 and 3 use all the splits, of which this one is the first.

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
# Every method below uses the same splits, and the first three the same classifier (multinomial logistic
# regression); only the features change.
#
# - **word vectors**: the word's CBOW vector (normalised to length 1), learned on PTB;
# - **one-hot** (원-핫): a vocabulary-sized vector with a single 1. A test word's 1 sits in a column that was zero
#   for every training word, so its weights never moved: the classifier can only fall back on its biases;
# - **random vectors**: a random vector per word, of the same size as ours: any success of the word vectors
#   beyond this comes from what they learned, not from their dimension;
# - **majority class**: always predict the largest category (no features at all).
#
# A few hundred words give a noisy accuracy: one split may be lucky. So every method is trained and tested on
# `N_SPLITS` different splits, and the headline is the mean ± standard deviation over them; the first column
# shows the fixed split of section 2 for comparison. The spread covers the splits only: the vectors are one
# training run (`SEED`), and a different training seed would move their numbers too; the random vectors in the
# table are one draw, and the line under it shows how far `RANDOM_DRAWS - 1` more draws move their mean. The
# splits also overlap, so the sd is a spread, not a standard error.

# %%
rng = np.random.default_rng(SEED)
Wn = w2vlib.normalize(wv.vectors)
features = {
    "word vectors": Wn[ids],
    "one-hot": sp.csr_matrix((np.ones(len(ids)), (np.arange(len(ids)), ids)), shape=(len(ids), len(wv))),
    "random vectors": rng.standard_normal((len(ids), wv.vector_size)) / np.sqrt(wv.vector_size),
}
assert RANDOM_DRAWS >= 1, "RANDOM_DRAWS must be at least 1: the table's random vectors are the first draw"
random_draws = [features["random vectors"]] + [rng.standard_normal((len(ids), wv.vector_size)) / np.sqrt(wv.vector_size)
                                               for _ in range(RANDOM_DRAWS - 1)]  # more draws of the same kind
# (the Korean edition translates these)
shown = {"word vectors": "word vectors", "one-hot": "one-hot", "random vectors": "random vectors",
         "majority class": "majority class"}  # the names printed and drawn

def accuracy(X, train, test, y):
    clf = LogisticRegression(C=C, max_iter=5000).fit(X[train], y[train])
    return float((clf.predict(X[test]) == y[test]).mean()), clf

assert N_SPLITS >= 2, "N_SPLITS must be at least 2: a spread needs two splits"
splits = [train_test_split(np.arange(len(words)), test_size=TEST_SIZE, stratify=labels, random_state=s)
          for s in range(SEED, SEED + N_SPLITS)]  # splits[0] is the fixed split of section 2
runs = {name: [] for name in features}
one_hot_guesses = []  # the distinct categories one-hot gives the test words of each split
for tr, te in splits:
    for name, X in features.items():
        a, clf = accuracy(X, tr, te, labels)
        runs[name].append(a)
        if name == "one-hot":
            one_hot_guesses.append(set(clf.predict(X[te])))
runs["majority class"] = [
    float((DummyClassifier(strategy="most_frequent").fit(np.zeros((len(tr), 1)), labels[tr])
           .predict(np.zeros((len(te), 1))) == labels[te]).mean()) for tr, te in splits]
acc = {name: r[0] for name, r in runs.items()}  # the fixed split
draw_means = [np.mean(runs["random vectors"])] + [np.mean([accuracy(R, tr, te, labels)[0] for tr, te in splits])
                                                  for R in random_draws[1:]]  # each draw's mean over the splits
print(format_table(["features", f"split {SEED}", f"mean ± sd over {N_SPLITS} splits", "min–max"],
                   [[shown[name], f"{r[0]:.3f}", f"{np.mean(r):.3f} ± {np.std(r, ddof=1):.3f}", f"{min(r):.3f}–{max(r):.3f}"]
                    for name, r in runs.items()], align="<>>>"))
print(f"chance with {len(classes)} categories: {1 / len(classes):.3f}")
if RANDOM_DRAWS > 1:
    print(f"random vectors, {RANDOM_DRAWS} draws (the first is the table's): mean over the splits "
          f"{min(draw_means):.3f} to {max(draw_means):.3f} depending on the draw, {np.mean(draw_means):.3f} on average")
rank = 1 + sum(a > acc["word vectors"] for a in runs["word vectors"])
print(f"headline: the word vectors classify unseen words with accuracy {np.mean(runs['word vectors']):.3f} "
      f"± {np.std(runs['word vectors'], ddof=1):.3f}; the fixed split's {acc['word vectors']:.3f} ranks {rank} "
      f"of {N_SPLITS}")

# %%
FEW_EPOCHS = ". With few EPOCHS the vectors have learned little: train longer (notebook 05 uses 10)"
assert all(len(g) == 1 for g in one_hot_guesses), "one-hot should give every unseen word the same category (its largest bias)"
ties = sum(o == m for o, m in zip(runs["one-hot"], runs["majority class"]))
same_counts = len({tuple(int(np.sum(labels[te] == c)) for c in classes) for _, te in splits}) == 1
for base in ("one-hot", "majority class", "random vectors"):
    assert all(v > b + 0.2 for v, b in zip(runs["word vectors"], runs[base])), (
        f"the word vectors should beat {shown[base]} by a clear margin on every split" + FEW_EPOCHS)
majority = float(np.mean(runs["majority class"]))
assert np.mean(draw_means) < majority + 0.05, (
    "random vectors should not beat the majority class: they say nothing about a word's category")
print(f"check passed: on each of the {N_SPLITS} splits one-hot gives every test word the same category, the word "
      f"vectors beat every baseline by more than 0.2, and random vectors do no better than the majority class, "
      f"within 0.05 ({np.mean(draw_means):.3f}, the mean of {RANDOM_DRAWS} draws, against {majority:.3f})")
print(f"one-hot ties with the majority class on {ties} of {N_SPLITS} splits (a single guess per split can at best "
      "tie with it: stratified splits keep the largest category largest in the test set)")
hits = [round(m * len(te)) for m, (_, te) in zip(runs["majority class"], splits)]  # its right answers per split
counts = ("every split's test set holds the same number of words of each category" if same_counts else
          "the splits' test sets differ in how many words of each category they hold")
if len(set(hits)) == 1:
    print(f"{counts}, and the category the majority class predicts holds {hits[0]} of the {len(splits[0][1])} "
          "test words on every split, so its ± is 0" + (" and, as they tie on every split, so is one-hot's"
                                                         if ties == N_SPLITS else ""))
else:
    print(f"{counts}: the category the majority class predicts holds {min(hits)} to {max(hits)} of the "
          f"{len(splits[0][1])} test words, depending on the split, so its ± is not 0")
top = [c for c, n in zip(classes, sizes) if n == sizes.max()]  # the largest categories
if len(top) == 1:
    print(f"no tie of sizes: the largest category, {top[0]}, has {sizes.max()} words, more than any other")
else:
    even = all(len({int(np.sum(labels[te] == c)) for c in top}) == 1 for _, te in splits)
    print(f"a tie of sizes: the {len(top)} largest categories ({', '.join(top)}) have {sizes.max()} words each; "
          + ("they hold the same number of test words on every split, so either guess scores the same" if even else
             "on some splits they hold different numbers of test words, so which one is guessed can matter"))

# %% [markdown]
# One-hot features memorise the training words and know nothing about new ones: they give every unseen word
# the same category, the one with the largest bias. With stratified splits the training set's largest category
# is also the test set's, so one-hot can at best tie with the majority class (this follows from the single guess,
# so the check cell counts the ties rather than testing it). The last lines of the check cell say on how many
# splits they tie, whether the category they predict holds the same number of test words on every split (which
# is when a ± is 0), and whether two categories share the largest size, so that either could be the guess.
# Random vectors of the same size do not help either. Compare their mean with the majority class, not with
# chance: on these unbalanced training sets a classifier that learns nothing from its features still learns the
# category shares (section 5 explains why chance is the reference only for balanced training sets). One split,
# or one draw, can be their lucky one, so read the line with all `RANDOM_DRAWS` draws. The CBOW vectors were
# never trained on categories, yet a linear classifier on top of them labels unseen words far better than any
# baseline, on every split: the knowledge came from the contexts in which PTB uses each word. That is transfer
# learning (전이 학습).
#
# ## 4. Where does it go wrong?
#
# The confusion matrix counts, for each true category (row), the predicted categories (columns), here summed
# over all `N_SPLITS` splits (on average a word is a test word in about `TEST_SIZE` × `N_SPLITS` of them; the cell
# prints how many never are). The diagonal holds the right answers; look at where the rest fall: do the confused categories share
# contexts in news text? The cell also prints the category the vectors get right least often and where its
# words go; compare it with notebook 07's exercise 1, the least clustered group of word vectors.

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
ax.grid(False)  # no grid lines across the cells
ax.set_xlabel("predicted category")
ax.set_ylabel("true category")
ax.set_title(f"confusion matrix, summed over {N_SPLITS} splits")
plt.show()
tested, missed = {}, {}
for w, t, p in zip(test_words, true_all, pred_all):
    tested[w] = tested.get(w, 0) + 1
    if t != p:
        missed.setdefault(w, []).append(p)
often = sorted((w for w in missed if len(missed[w]) * 2 >= tested[w]), key=lambda w: (-len(missed[w]) / tested[w], w))
print(f"wrong in at least half of the splits that test them ({len(often)} words):")
print(", ".join(f"{w} ({CATEGORY_NAMES.get(labels[words == w][0])} -> {CATEGORY_NAMES.get(max(sorted(set(missed[w])), key=missed[w].count))}, "
                f"{len(missed[w])} of {tested[w]})" for w in often))
recall = np.diag(cm) / cm.sum(axis=1)
worst = int(np.argmin(recall))
goes_to = max((j for j in range(len(classes)) if j != worst), key=lambda j: cm[worst, j])
print(f"right least often: {CATEGORY_NAMES.get(classes[worst])}, {recall[worst]:.0%} of its test words "
      f"({cm[worst, goes_to]} of {cm[worst].sum()} predicted {CATEGORY_NAMES.get(classes[goes_to])}); "
      f"the other categories: {np.floor(100 * recall[np.arange(len(classes)) != worst].min() + 1e-9) / 100:.0%} or more")
never = sorted(set(words) - set(test_words))
print(f"{len(words) - len(never)} of {len(words)} words were test words in at least one split; never tested: "
      f"{len(never)}" + (f" ({', '.join(never)})" if never else ""))
# bookkeeping: the matrix holds the same runs as the table of section 3
assert cm.sum() == N_SPLITS * len(splits[0][1])
assert abs(np.trace(cm) / cm.sum() - np.mean(runs["word vectors"])) < 1e-9, "the matrix should hold the same runs"

# %% [markdown]
# ## 5. How many labels are needed?
#
# The point of transfer is that the hard part (what words mean) was learned from unlabelled text, so the
# downstream task should need few labels. We train on only `n` words per category (drawn from the training part
# of each split; the cell prints the values of `n`, up to 16) and test on that split's held-out words, for every
# split; the band shows ± one standard deviation over the splits (for random vectors, over the splits and the
# `RANDOM_DRAWS` draws together). These training sets are balanced, so they have
# no majority class: the reference line is chance, 1 over the number of categories. A classifier whose features
# say nothing about the category has no reason to prefer one category when every category has `n` training
# words, so it is right that often on average, whatever the test set's shares.

# %%
fewest = min(int(np.sum(labels[tr] == c)) for tr, _ in splits for c in classes)  # smallest category's training words
per_class = [n for n in (1, 2, 4, 8) if n < fewest] + [min(16, fewest)]  # at most 16, never more than it has
print(f"training words per category: {', '.join(map(str, per_class))} (the smallest category has {fewest} "
      "training words on its smallest split)")
curve = {"word vectors": np.zeros((N_SPLITS, len(per_class))),
         "random vectors": np.zeros((RANDOM_DRAWS, N_SPLITS, len(per_class)))}  # every draw of section 3
balanced_pred = []  # the word vectors' test predictions at the largest n, split after split (as true_all in section 4)
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
pooled = {name: accs.reshape(-1, len(per_class)) for name, accs in curve.items()}  # rows: splits (and draws)
fig, ax = plt.subplots(figsize=(6.4, 3.6))
for name, accs in pooled.items():
    mean, sd = accs.mean(axis=0), accs.std(axis=0, ddof=1)
    ax.plot(per_class, mean, marker="o",
            label=shown[name] + (f", {RANDOM_DRAWS} draws" if name == "random vectors" and RANDOM_DRAWS > 1 else ""))
    ax.fill_between(per_class, mean - sd, mean + sd, alpha=0.2)
ax.axhline(1 / len(classes), ls="--", color="gray", label=f"chance (1/{len(classes)}, balanced training sets)")
ax.set_xscale("log", base=2)
ax.set_xticks(per_class, labels=[str(n) for n in per_class])
ax.set_xlabel("training words per category")
ax.set_ylabel("test accuracy")
ax.set_ylim(0, 1)
ax.set_title(f"learning curve: mean ± sd over {N_SPLITS} splits" + (f" (× {RANDOM_DRAWS} draws for random vectors)" if RANDOM_DRAWS > 1 else ""))
ax.legend()
plt.show()
for name, accs in pooled.items():
    print(pad(shown[name] + ":", 15), ", ".join(f"{n}/class {m:.3f}" for n, m in zip(per_class, accs.mean(axis=0))))
if RANDOM_DRAWS > 1:
    draw_rows = curve["random vectors"].mean(axis=1)  # each draw's row: its mean over the splits, at every n
    print(pad("", 15), f"each of the {RANDOM_DRAWS} draws alone: " + ", ".join(
        f"{n}/class {lo:.3f}–{hi:.3f}" for n, lo, hi in zip(per_class, draw_rows.min(axis=0), draw_rows.max(axis=0))))
print(f"chance (the dashed line): {1 / len(classes):.3f}; section 3's majority class, "
      f"{np.mean(runs['majority class']):.3f}, is not a baseline here: it comes from the full, unbalanced training sets")
diff = curve["word vectors"][:, -1] - np.array(runs["word vectors"])  # balanced at the largest n minus full, per split
hard = classes[worst]  # section 4's category right least often
balanced_recall = float(np.mean(np.array(balanced_pred)[np.array(true_all) == hard] == hard))
print(f"{per_class[-1]}/class minus the full training sets, split by split: {diff.mean():+.3f} on average "
      f"({diff.min():+.3f} to {diff.max():+.3f})")
print(f"{CATEGORY_NAMES.get(hard)} ({sizes[worst]} labelled words; the largest category has {sizes.max()}): right "
      f"{recall[worst]:.0%} of the time with the full training sets (section 4), {balanced_recall:.0%} with "
      f"{per_class[-1]}/class")

# %%
assert np.all(pooled["word vectors"].min(axis=0) > pooled["random vectors"].max(axis=0)), (
    "with any number of labels the word vectors should beat random vectors on every split" + FEW_EPOCHS)
print("check passed: for every number of labels the word vectors beat random vectors, on every split"
      + (" and every draw" if RANDOM_DRAWS > 1 else ""))
r_mean, r_sd = pooled["random vectors"].mean(axis=0), pooled["random vectors"].std(axis=0, ddof=1)
inside = np.abs(r_mean - 1 / len(classes)) <= r_sd
band = "the random vectors' band (mean ± sd over the splits" + (f" and the {RANDOM_DRAWS} draws" if RANDOM_DRAWS > 1 else "") + ")"
print("chance lies "
      + (f"inside {band} at every n ({len(per_class)} values)" if inside.all() else
         f"inside {band} at {int(inside.sum())} of the {len(per_class)} values of n; outside it at n = "
         f"{', '.join(str(n) for n, i in zip(per_class, inside) if not i)}"))

# %% [markdown]
# Compare the first two rows of the curve cell with chance: they show how far a handful of examples per
# category already gets with the transferred vectors. Random vectors stay near chance (the check cell says for
# how many values of `n` chance lies inside their band), and more training words do not help them: a new word's
# random vector says nothing about it. Their band is the spread over the splits and over the `RANDOM_DRAWS`
# draws of random vectors together, so it includes how much another draw moves the whole row; the line under
# theirs shows that part alone, the range of the draws' means over the splits.
#
# The last two lines of the curve cell compare the balanced training sets at the largest `n` with the full ones
# of section 3, on the same splits. The full training sets are unbalanced, and logistic regression learns each
# category's share among them: its intercepts favour the larger categories, and with the L2 penalty keeping the
# weights small, that prior can decide an uncertain word. Balanced training sets remove the prior, which is why
# fewer training words need not do worse (read the average difference against its range over the splits), and
# the recall line shows what removing it does to the category section 4 found hardest.
# `LogisticRegression(class_weight="balanced")` would remove the prior while keeping every training word.
#
# ## Summary
#
# - Word vectors learned by CBOW on a corpus (말뭉치) for one task (predict the target (타깃) from its context
#   (맥락)) serve as features for another task: this is **transfer learning** (전이 학습).
# - The downstream task here: classify unseen words into the file's categories with logistic regression, on
#   stratified splits with fixed seeds. Report the mean ± standard deviation over many splits: a single split
#   can be a lucky one.
# - **One-hot** (원-핫) features cannot generalise to words outside the training set: they give every unseen
#   word the same category and, with stratified splits, cannot beat the majority class. Random vectors of the
#   same size do not help either. The distributed representation (분산 표현) does much better, on every split,
#   and with few labels.
# - Larger models use the same idea: pretrained embeddings (임베딩) can be their first layer. In PyTorch,
#   `nn.Embedding.from_pretrained(vectors)` builds that layer from a (V, H) matrix, and by default
#   (`freeze=True`) the vectors stay fixed while the rest of the model trains.
#
# ## Exercises
#
# Each exercise has a self-check: replace the `...` with your answer and run the cell. `q1.hint()` gives a
# hint and `q1.solution()` the reference solution.

# %%
q1, q2, q3 = w2vlib.exercises.load("08")

# %% [markdown]
# **1. A nearest-neighbour classifier.** Replace logistic regression by `KNeighborsClassifier(n_neighbors=3,
# metric="cosine")` (from `sklearn.neighbors`) on the word vectors. What is its mean test accuracy over the
# `splits` (train and score it on each split, then average; answer as a fraction, 3 decimals)? Compare it with
# the majority class and with logistic regression's mean over the same splits (`np.mean(runs["word vectors"])`).

# %%
answer_1 = ...  # the kNN mean test accuracy, a fraction
q1.check(answer_1, X=features["word vectors"], labels=labels, splits=splits, full=np.mean(runs["word vectors"]))
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. Words outside the file.** The classifier can label *any* word in PTB's vocabulary. Here it is trained on
# all labelled words and asked about five words that are not in the file:

# %%
full = LogisticRegression(C=C, max_iter=5000).fit(features["word vectors"], labels)
new_words = [w for w in ["analysts", "stocks", "weeks", "reached", "tokyo"] if w in wv and w not in set(words)]
print(", ".join(f"{w} -> {CATEGORY_NAMES.get(g, g)}" for w, g in zip(new_words, full.predict(Wn[[wv.key_to_index[w] for w in new_words]]))))

# %% [markdown]
# Check the labels you can: a plural need not get its singular's category (the file lists *analyst* as an
# occupation), because plurals appear in other contexts. *tokyo* is a city, and the line above shows the label it
# got instead. Would a better vector for *tokyo* (one trained on more text, say) let this classifier answer
# "city"? Pick the reason that decides it, as one letter:
#
# - **a** *tokyo* is too rare in PTB to have a good vector;
# - **b** the classifier only chooses among the categories it was trained on, and "city" is not one of them;
# - **c** in PTB *tokyo* mostly appears in business news (the Tokyo stock market, Japanese firms), so its vector
#   looks like a company's or a country's;
# - **d** a linear classifier cannot separate more than a few classes.

# %%
answer_2 = ...  # "a", "b", "c" or "d"
q2.check(answer_2)

# %% [markdown]
# **3. How many dimensions carry the categories?** Project the word vectors on their first `k` principal
# components (`sklearn.decomposition.PCA`, fitted on the training words) for `k` in 2, 5, 10, 20, and measure
# the test accuracy with the `accuracy` function above, on every split of `splits`. What is the smallest of
# these `k` whose mean accuracy over the splits is within 0.05 of the full vectors' mean,
# `np.mean(runs["word vectors"])`? (One split would not do: a single test word moves its accuracy by
# 1/`len(idx_test)`, which can decide the answer.)

# %%
answer_3 = ...  # one of 2, 5, 10, 20
q3.check(answer_3, X=features["word vectors"], labels=labels, splits=splits,
         full=np.mean(runs["word vectors"]), C=C)

# %% [markdown]
# **Sources** (checked for this notebook): the study notes this series starts from (a student's Korean notes on
# chapter 4 of the book; `w2vlib/notes.py` keeps their code as written and the chapter summary's last point, quoted
# above as written, spacing included, as `w2vlib.notes.SUMMARY_LAST_POINT`); the book's code (oreilly-japan/deep-learning-from-scratch-2
# and its Korean edition WegraLee/deep-learning-from-scratch-2: `ch04/` holds `cbow.py`, `skip_gram.py`,
# `negative_sampling_layer.py`, `train.py` and `eval.py`, and no script for section 4.4.1; the book's own text of
# 4.4.1 was not available to check, so this notebook does not describe it); scikit-learn (`LogisticRegression`: lbfgs, multinomial for several classes, an L2 penalty;
# `train_test_split(stratify=...)`; `DummyClassifier(strategy="most_frequent")`; `confusion_matrix` and
# `ConfusionMatrixDisplay`, rows are the true labels); PyTorch (the `torch.nn.Embedding` documentation:
# `from_pretrained(embeddings, freeze=True, ...)` makes the layer from a 2-D tensor, `freeze` keeps it fixed).
#
# [Next: 09 The last mile (per-word SGD compiled, as word2vec.c and gensim do it)](09_the_last_mile.ipynb) · [Back to the start: 01 The one-hot bottleneck](01_one_hot_bottleneck.ipynb) · [README](../README.md)
