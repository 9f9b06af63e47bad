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
# # 06. Similarity and analogies
#
# Notebook 05 trained CBOW vectors on the Penn Treebank. What did they learn? The chapter's answer: words used
# in similar contexts end up close together, and some relations between words become *directions* in the
# space, so that `king - man + woman` lands near `queen`. This notebook tests both claims on our vectors, with
# numbers, and is honest about what a one-million-word corpus can and cannot learn.
#
# **You will learn**
# - cosine similarity, and why we compare directions rather than raw dot products;
# - nearest neighbours (`most_similar`) of *you*, *year*, *car* and *toyota*, next to how often each word occurs;
# - analogies by vector arithmetic (3CosAdd), with the top 5 answers and their scores;
# - how to score vectors on a whole analogy file: accuracy per category, coverage, 3CosAdd vs 3CosMul;
# - how the book's unnormalised dot-product ranking differs from proper cosine ranking, on the same vectors.

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
import w2vlib.exercises
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
from pathlib import Path

from scipy.stats import spearmanr

from w2vlib.data import load_ptb
from w2vlib.evaluation import evaluate_analogies, read_analogies
from w2vlib.pretrained import ptb_vectors
from w2vlib.similarity import analogy, cos_similarity, most_similar

# %% [markdown]
# ### Knobs: change these and re-run

# %%
SEED = 0            # seed of the vectors; with the four below it must match notebook 05 to reuse its vectors
HIDDEN_SIZE = 100   # vector length (a different value trains new vectors here, about 15 s)
WINDOW_SIZE = 5     # context words on each side
NEGATIVE = 5        # negative samples per target
EPOCHS = 10         # passes over PTB
TOP = 5             # how many neighbours / answers to show
QUERIES = ["you", "year", "car", "toyota"]               # words whose neighbours we list
ANALOGY_FILE = Path("..") / "data" / "analogies_ptb.txt"  # the project's analogy questions

# %% [markdown]
# ## 1. The vectors
#
# `ptb_vectors` loads the vectors notebook 05 saved, when the settings match; otherwise it trains them with the
# same fast trainer and seed (the same vectors), so this notebook also runs on its own. We also load the
# corpus, only to count how often each word occurs.

# %%
W, word_to_id, id_to_word = ptb_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE,
                                        negative=NEGATIVE, epochs=EPOCHS)
corpus, _, _ = load_ptb("train")
counts = np.bincount(corpus, minlength=len(word_to_id))
print(f"{W.shape[0]:,} word vectors of length {W.shape[1]}, from a corpus of {len(corpus):,} tokens")


# %% [markdown]
# ## 2. Cosine similarity
#
# Two vectors point the same way when the angle between them is small. The cosine of that angle,
#
# $$\cos(\mathbf{x}, \mathbf{y}) = \frac{\mathbf{x} \cdot \mathbf{y}}{\lVert\mathbf{x}\rVert \, \lVert\mathbf{y}\rVert},$$
#
# is 1 for the same direction, 0 for orthogonal vectors and -1 for opposite ones. Dividing by the lengths
# matters: the length of a word vector says more about how often and in how many contexts the word was
# updated than about its meaning.

# %%
def vec(word):
    return W[word_to_id[word]]

for a, b in [("year", "month"), ("car", "truck"), ("year", "car")]:
    print(f"cos({a}, {b}) = {cos_similarity(vec(a), vec(b)):+.3f}   dot = {float(vec(a) @ vec(b)):+.3f}")

# %%
norms = np.linalg.norm(W, axis=1)
seen = counts > 0
rho = spearmanr(norms[seen], counts[seen]).statistic
print(f"Spearman correlation between vector length and word frequency: {rho:.3f}")

# %% [markdown]
# The length of a vector is tied to the word's frequency (the correlation above), so a raw dot product would
# mix "similar" with "frequent". Section 5 shows what that does to analogies.
#
# ## 3. Nearest neighbours
#
# `most_similar` ranks every other word by cosine similarity to the query (the query itself is excluded). Next
# to each query we print how many times it occurs in the training corpus.

# %%
neighbours = {}
for query in QUERIES:
    neighbours[query] = most_similar(query, word_to_id, id_to_word, W, top=TOP)
    print(f"{query} (seen {int(counts[word_to_id[query]]):,} times)")
    for word, score in neighbours[query]:
        print(f"    {word:<14} {score:.3f}   (seen {int(counts[word_to_id[word]]):,} times)")

# %%
for query, near in neighbours.items():
    words, scores = [w for w, _ in near], [s for _, s in near]
    assert query not in words and len(words) == TOP
    assert all(-1.0001 <= s <= 1.0001 for s in scores)
    assert scores == sorted(scores, reverse=True)
print("check passed: the query is never its own neighbour, scores are cosines, sorted")

# %% [markdown]
# Read the lists with the counts in mind. Frequent queries such as *you* and *year* occurred in
# thousands of contexts, and their neighbours are words of the same kind. For rarer words (and rare
# neighbours: look at their counts) a score rests on a few dozen examples, and a list can mix good
# neighbours with words that merely appeared in the same news stories. The vectors learn what kind of slot a
# word fills in a sentence; finer distinctions need far more text.
#
# ## 4. Analogies by vector arithmetic
#
# To solve `a : b = c : ?` we look for the word whose vector is closest (by cosine) to `b - a + c` over
# normalised vectors, excluding the three question words (3CosAdd). The book's examples:

# %%
QUESTIONS = [("king", "man", "queen", "woman"), ("take", "took", "go", "went"),
             ("car", "cars", "child", "children"), ("good", "better", "bad", "worse")]
V = len(word_to_id)
ranks = {}
for a, b, c, expected in QUESTIONS:
    answers = analogy(a, b, c, word_to_id, id_to_word, W, top=V)  # the full ranking
    ranks[(a, b, c)] = [w for w, _ in answers].index(expected) + 1
    print(f"{a}:{b} = {c}:?   (expected {expected}: rank {ranks[(a, b, c)]} of {len(answers):,})")
    print("    " + ", ".join(f"{w} {s:.3f}" for w, s in answers[:TOP]))

# %%
for a, b, c, expected in QUESTIONS:
    top = analogy(a, b, c, word_to_id, id_to_word, W, top=TOP)
    assert not {a, b, c} & {w for w, _ in top}, "question words are never answers"
    assert [s for _, s in top] == sorted((s for _, s in top), reverse=True)
    assert 1 <= ranks[(a, b, c)] <= V - 3
print("check passed")

# %% [markdown]
# ### What PTB's size can and cannot learn
#
# Whether an analogy works depends a lot on how often its words occur. The table below puts each question's
# rarest word next to the result, and compares the corpus with the one behind the vectors that made these
# analogies famous.

# %%
GOOGLE_NEWS_TOKENS = 100e9  # training corpus of the published word2vec vectors (Mikolov et al., 2013)
print(f"{'question':<26} {'rarest word':<16} {'rank of answer':>14}   nearest word to b alone")
for a, b, c, expected in QUESTIONS:
    rarest = min((a, b, c, expected), key=lambda w: counts[word_to_id[w]])
    r = ranks[(a, b, c)]
    near_b = [w for w, _ in most_similar(b, word_to_id, id_to_word, W, top=4) if w not in (a, c)][0]
    print(f"{a}:{b} = {c}:{expected:<10} {rarest + f' ({int(counts[word_to_id[rarest]])}x)':<16} "
          f"{r:>6} {'(top 1)' if r == 1 else '(top 5)' if r <= TOP else '':<8} {near_b}")
solved = sum(r == 1 for r in ranks.values())
print(f"solved exactly: {solved} of {len(QUESTIONS)}; in the top {TOP}: {sum(r <= TOP for r in ranks.values())}")
print(f"PTB has {len(corpus):,} tokens, about {GOOGLE_NEWS_TOKENS / len(corpus):,.0f} times fewer than Google News")

# %% [markdown]
# A word seen only a handful of times has had only that many updates: its vector is mostly its random
# start plus noise, so it hardly moves the sum `b - a + c`. The last column is a warning sign: when the
# expected answer is simply the nearest word to `b` on its own, a "solved" analogy may show similarity, not
# a learned relation. Grammatical relations between frequent words (a verb and its past tense, a noun and
# its plural) have many examples and work more often. With five orders of magnitude less text than the
# famous vectors, PTB vectors learn the *kind* of a word well, its grammatical relations sometimes, and
# world knowledge (countries and capitals, royalty and gender) rarely. The next section measures this on a
# whole question file.
#
# ## 5. A benchmark: the project's analogy file
#
# `data/analogies_ptb.txt` holds analogy questions in the Google format (`: section` lines, then `a b c d`),
# built from PTB's vocabulary. `evaluate_analogies` answers every question and reports accuracy (correct
# over answered) and coverage (answered over total; a question with an out-of-vocabulary word is skipped).
# 3CosMul (Levy & Goldberg, 2014) multiplies the similarities instead of adding them, so one very similar
# word cannot dominate.

# %%
res = {m: evaluate_analogies(ANALOGY_FILE, W, word_to_id, method=m) for m in ("add", "mul")}
print(res["add"].table())

# %%
print(f"{'section':<22} {'3CosAdd':>8} {'3CosMul':>8}")
for name in res["add"].sections:
    print(f"{name:<22} {res['add'].sections[name].accuracy:>8.3f} {res['mul'].sections[name].accuracy:>8.3f}")
for m in ("add", "mul"):
    print(res[m])
print(f"chance (one guess among {V:,} words): {1 / V:.4f}")

# %%
for r in res.values():
    assert 0 <= r.accuracy <= 1 and 0 <= r.coverage <= 1
    assert r.n_correct <= r.n_answered <= r.n_total
assert res["add"].accuracy > 10 / V, "far better than chance"
print("check passed")

# %% [markdown]
# The sections differ a lot: grammatical sections built from frequent words do best; sections that need
# world knowledge or rare words do worst. The overall accuracy is low next to published results on billions
# of words, but far above chance. Compare the two methods per section above.
#
# ## 6. The book's dot-product ranking vs cosine
#
# The book's `analogy` normalises the query vector `b - a + c` but then ranks words by the dot product with the
# *unnormalised* word vectors. A long vector then scores high whatever its direction, and section 2 showed that
# long vectors belong to frequent words. `w2vlib.similarity.analogy(..., method="dot")` reproduces the book's
# ranking; `method="cosine"` (the default) normalises every vector. Same vectors, same question:

# %%
for method in ("dot", "cosine"):
    top = analogy("king", "man", "queen", word_to_id, id_to_word, W, top=TOP, method=method)
    print(f"{method:>6}: " + ", ".join(f"{w} {s:.3f}" for w, s in top))

# %% [markdown]
# Now every question of the file, answered both ways (top 1):

# %%
questions = [tuple(w.lower() for w in q) for _, qs in read_analogies(ANALOGY_FILE) for q in qs]
questions = [q for q in questions if all(w in word_to_id for w in q)]
picked = {"dot": [], "cosine": []}
for a, b, c, d in questions:
    for method in picked:
        picked[method].append(analogy(a, b, c, word_to_id, id_to_word, W, top=1, method=method)[0][0])
gold = [q[3] for q in questions]
for method, answers in picked.items():
    acc = np.mean([p == g for p, g in zip(answers, gold)])
    med = np.median([counts[word_to_id[p]] for p in answers])
    print(f"{method:>6}: accuracy {acc:.3f}; median corpus count of its answers {med:,.0f}")
differ = sum(p != q for p, q in zip(picked["dot"], picked["cosine"]))
print(f"the two rankings pick different answers for {differ} of {len(questions)} questions")

# %%
assert len(picked["dot"]) == len(picked["cosine"]) == len(questions) == res["add"].n_answered
cos_acc = np.mean([p == g for p, g in zip(picked["cosine"], gold)])
assert abs(cos_acc - res["add"].accuracy) < 1e-9, "cosine ranking = the evaluator's 3CosAdd"
assert 0 <= differ <= len(questions)
print("check passed: method='cosine' agrees with evaluate_analogies(method='add')")


# %% [markdown]
# Where the two differ, the dot ranking tends to pick more frequent words (compare the median counts): the
# length of the vector, not its direction, decided. Cosine ranking is the standard, and it is what
# `evaluate_analogies` uses.
#
# ## Summary
#
# - Words are compared by **cosine similarity** of their vectors, the angle between them; vector length follows
#   word frequency, so raw dot products mix "similar" with "frequent".
# - Nearest neighbours show that the distributed representation (분산 표현) puts words used in similar contexts
#   (맥락) close together: pronouns with pronouns, time words with time words.
# - **Analogies** (유추) are solved by vector arithmetic, `b - a + c`, ranked by cosine over the vocabulary
#   (어휘), excluding the question words (3CosAdd); 3CosMul is a variant.
# - On a corpus (말뭉치) of about a million tokens, frequent words and grammatical relations are learned well,
#   rare words and world knowledge poorly: accuracy per category and coverage tell which.
# - The book's ranking by unnormalised dot products changes many answers; use cosine.
#
# ## Exercises
#
# **1. Your own neighbours.** Pick a word (try a weekday, a month, a verb, a company) and list its `TOP`
# neighbours. Is its count in the corpus high or low, and do the neighbours make sense?

# %%
def check_exercise_1(word):
    near = most_similar(word, word_to_id, id_to_word, W, top=TOP)
    assert word not in [w for w, _ in near]
    print(f"{word} (seen {int(counts[word_to_id[word]]):,} times): " + ", ".join(w for w, _ in near))
    print("correct: now judge the list against the count")

my_word = "monday"  # reference solution: any word in the vocabulary
check_exercise_1(my_word)


# %% [markdown]
# **2. 3CosMul by hand.** Write `cosmul(a, b, c)` returning the best answer by
# `argmax_d cos'(d, b) cos'(d, c) / (cos'(d, a) + 0.001)` with `cos' = (cos + 1) / 2` over normalised vectors,
# excluding `a`, `b`, `c`. The check compares it with the package's evaluator on every question of the file.

# %%
def cosmul(a, b, c, eps=1e-3):  # reference solution
    Wn = W / np.linalg.norm(W, axis=1, keepdims=True)
    cos = lambda w: (Wn @ Wn[word_to_id[w]] + 1) / 2
    scores = cos(b) * cos(c) / (cos(a) + eps)
    scores[[word_to_id[w] for w in (a, b, c)]] = -np.inf
    return id_to_word[int(np.argmax(scores))]

def check_exercise_2(fn):
    n_right = sum(fn(a, b, c) == d for a, b, c, d in questions)
    print("correct" if n_right == res["mul"].n_correct else
          f"not yet: {n_right} right answers, the evaluator finds {res['mul'].n_correct}")

check_exercise_2(cosmul)

# %% [markdown]
# **3. Frequency decides.** Split the answerable questions by the count of their rarest word (below or above
# the median) and compute the 3CosAdd accuracy of each half from `picked["cosine"]`. Which half is easier?

# %%
rarest = np.array([min(counts[word_to_id[w]] for w in q) for q in questions])
frequent = rarest >= np.median(rarest)
right = np.array([p == g for p, g in zip(picked["cosine"], gold)])
acc_rare, acc_frequent = right[~frequent].mean(), right[frequent].mean()  # reference solution
print(f"accuracy with a rare word: {acc_rare:.3f}; with only frequent words: {acc_frequent:.3f}")
assert 0 <= acc_rare <= 1 and 0 <= acc_frequent <= 1
print("check passed")

# %% [markdown]
# [Next: 07 Visualizing embeddings](07_visualizing_embeddings.ipynb)
