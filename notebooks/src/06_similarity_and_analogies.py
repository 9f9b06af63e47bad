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
# Book: *Deep Learning from Scratch 2*, sections 4.3.3, 4.4.2
#
# Notebook 05 trained CBOW vectors on the Penn Treebank. What did they learn? The chapter's answer: words used
# in similar contexts end up close together, and some relations between words become *directions* in the
# space, so that `king - man + woman` lands near `queen`. This notebook tests both claims on our vectors, with
# numbers, and is honest about what a one-million-word corpus can and cannot learn.
#
# **You will learn**
# - cosine similarity, and why we compare directions rather than raw dot products;
# - nearest neighbours (`most_similar`) of *you*, *year*, *car* and *toyota*, next to how often each word occurs;
# - analogies by vector arithmetic (3CosAdd), with the best answers and their scores;
# - how to score vectors on a whole analogy file: accuracy per category (as a bar chart), coverage, 3CosAdd vs 3CosMul;
# - how the book's unnormalised dot-product ranking differs from cosine ranking, on the book's four questions and on
#   the whole file, with the same vectors.

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
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0            # seed of the vectors; with the four below it must match notebook 05 to reuse its vectors
HIDDEN_SIZE = 100   # vector length (a different value trains new vectors here, as notebook 05 does)
WINDOW_SIZE = 5     # context words on each side
NEGATIVE = 5        # negative samples per target
EPOCHS = 10         # passes over PTB
TOP = 5             # how many neighbours / answers to show
QUERIES = ["you", "year", "car", "toyota"]               # words whose neighbours we list
ANALOGY_FILE = Path("..") / "data" / "analogies_ptb.txt"  # the project's analogy questions

# %% [markdown]
# ## 1. The vectors
#
# `ptb_word_vectors` loads the vectors notebook 05 saved, when the settings match; otherwise it trains them
# with the same fast trainer and seed (the same vectors), so this notebook also runs on its own. It returns a
# `w2vlib.WordVectors`, which answers with the names of gensim's `KeyedVectors`: `wv["car"]` is a vector,
# `wv.similarity`, `wv.most_similar`, `wv.key_to_index`, `wv.index_to_key`, `wv.vectors`. What you learn here
# carries over to gensim. For the book's own functions we also name its three pieces. We load the corpus
# only to count how often each word occurs.

# %%
wv = ptb_word_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=EPOCHS)
W, word_to_id, id_to_word = wv.vectors, wv.key_to_index, wv.index_to_key  # the book's names
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
# matters: the length of a word vector follows how often and in how many contexts the word was updated (a
# cell below measures how closely it follows the word's count), which is not what we mean by similarity.

# %%
for a, b in [("year", "month"), ("car", "truck"), ("year", "car")]:
    print(f"cos({a}, {b}) = {wv.similarity(a, b):+.3f}   dot = {float(wv[a] @ wv[b]):+.3f}")

# %%
norms = np.linalg.norm(W, axis=1)
seen = counts > 0
rho = spearmanr(norms[seen], counts[seen]).statistic
print(f"Spearman correlation between vector length and word frequency: {rho:.3f}")

# %%
assert rho > 0.3, "vector length should grow with frequency (with very few EPOCHS the vectors are still near their start)"
print("check passed: frequent words have longer vectors")

# %% [markdown]
# The length of a vector is tied to the word's frequency (the correlation above), so a raw dot product would
# mix "similar" with "frequent". Section 6 shows what that does to analogies.
#
# ## 3. Nearest neighbours
#
# `wv.most_similar(word, topn=...)` ranks every other word by cosine similarity to the query (the query
# itself is excluded). Next to each query we print how many times it occurs in the training corpus.

# %%
neighbours = {}
for query in QUERIES:
    neighbours[query] = wv.most_similar(query, topn=TOP)
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
by_count = sorted(QUERIES, key=lambda q: counts[word_to_id[q]])
print(f"most frequent query: {by_count[-1]} ({int(counts[word_to_id[by_count[-1]]]):,} times); "
      f"rarest: {by_count[0]} ({int(counts[word_to_id[by_count[0]]]):,} times)")

# %% [markdown]
# The book writes the same search as a function of the three pieces,
# `most_similar(query, word_to_id, id_to_word, word_matrix)`; `w2vlib.most_similar` keeps that shape, and it
# gives the same ranking:

# %%
for query in QUERIES:
    book = most_similar(query, word_to_id, id_to_word, W, top=TOP)
    assert [w for w, _ in book] == [w for w, _ in neighbours[query]]
    assert np.allclose([s for _, s in book], [s for _, s in neighbours[query]], atol=1e-5)
print("check passed: the book's most_similar and wv.most_similar agree on every query")

# %% [markdown]
# Is a cosine of 0.5 "close"? It depends on the dimension and on how many candidates compete. The cell below
# computes what chance gives: the largest cosine a vector has with as many others as our vocabulary has words,
# when no word is related to any other. Two versions of "no relation": random directions, spread evenly over
# all directions (isotropic), and our own vectors with every column shuffled on its own. The shuffle keeps each
# dimension's values, so it keeps what all trained vectors share, but it breaks every word's identity. Trained
# vectors are not isotropic, so the first level can understate chance; the shuffled level is the fairer one (the
# cell prints both, and which is higher). A mean of maxima is not a threshold (some of the null rows always lie
# above their own mean), so each query is compared with the largest of them.
#
# How much do these vectors share? Notebook 05 measured a large shared direction only after its short layered
# run, not after the fast run that made these vectors. The cell's first line repeats 05's measure (the mean
# cosine of two of the 1,000 most frequent words) on these vectors.

# %%
H = W.shape[1]
null_rng = np.random.default_rng(SEED)
R = w2vlib.normalize(null_rng.standard_normal((len(word_to_id), H)))  # isotropic random directions
P = w2vlib.normalize(null_rng.permuted(W, axis=0))  # each column of W shuffled independently of the others
null_q = np.arange(20)

def top_cosines(M):
    """The largest cosine of each of the first rows with all the other rows (its best match)."""
    sims = M[null_q] @ M.T
    sims[np.arange(len(null_q)), null_q] = -np.inf  # a vector is not its own neighbour
    return sims.max(axis=1)

null_iso, null_perm = top_cosines(R), top_cosines(P)
frequent_ids = np.argsort(-counts, kind="stable")[:1000]  # notebook 05's measure of a shared direction
i, j = np.random.default_rng(SEED).integers(0, len(frequent_ids), size=(2, 2000))
Wf = w2vlib.normalize(W[frequent_ids])
print(f"shared direction: the mean cosine of two frequent words is {np.mean(np.sum(Wf[i] * Wf[j], axis=1)):+.3f} "
      "(near 0: little in common; near 1: one shared direction)")
print(f"chance: the largest cosine of a vector with {len(word_to_id) - 1:,} unrelated ones in {H} dimensions, "
      f"averaged over {len(null_q)} vectors: {null_iso.mean():.3f} for random directions, {null_perm.mean():.3f} for "
      f"our vectors with shuffled columns ({'higher' if null_perm.mean() > null_iso.mean() else 'not higher'} than "
      f"for random directions); the best match of the {len(null_q)} shuffled rows ranges from "
      f"{null_perm.min():.3f} to {null_perm.max():.3f}")
for query, near in neighbours.items():
    lowest = near[-1][1]
    print(f"    {query}: its top {TOP} neighbours' cosines are {'all above' if lowest > null_perm.max() else 'not all above'} "
          f"every shuffled row's best match (lowest {lowest:.3f})")

# %% [markdown]
# Read the lists with the counts in mind: the number of updates of a word's vector grows with its count
# (in CBOW the vector is updated each time the word is a context word), so a vector seen hundreds or thousands of times rests on far more evidence than one seen a few
# dozen times. A rare neighbour (look at the counts) may be a word that merely appeared in the same few
# news stories, or a sensible one that happened to get enough good updates: with a few dozen occurrences you
# cannot tell which from the vector alone. The vectors learn what kind of slot a word fills in a sentence;
# finer distinctions need far more text.
#
# ## 4. Analogies by vector arithmetic
#
# To solve `a : b = c : ?` we look for the word whose vector is closest (by cosine) to `b - a + c` over
# normalised vectors, excluding the three question words (3CosAdd). In gensim's words that is
# `wv.most_similar(positive=[b, c], negative=[a])`. The book's examples:

# %%
QUESTIONS = [("king", "man", "queen", "woman"), ("take", "took", "go", "went"),
             ("car", "cars", "child", "children"), ("good", "better", "bad", "worse")]
V = len(word_to_id)
ranks = {}
for a, b, c, expected in QUESTIONS:
    answers = wv.most_similar(positive=[b, c], negative=[a], topn=V)  # the full ranking
    ranks[(a, b, c)] = [w for w, _ in answers].index(expected) + 1
    print(f"{a}:{b} = {c}:?   (expected {expected}: rank {ranks[(a, b, c)]} of {len(answers):,})")
    print("    " + ", ".join(f"{w} {s:.3f}" for w, s in answers[:TOP]))

# %%
for a, b, c, expected in QUESTIONS:
    top = wv.most_similar(positive=[b, c], negative=[a], topn=TOP)
    assert [w for w, _ in top] == [w for w, _ in analogy(a, b, c, word_to_id, id_to_word, W, top=TOP)]
    assert not {a, b, c} & {w for w, _ in top}, "question words are never answers"
    assert [s for _, s in top] == sorted((s for _, s in top), reverse=True)
    assert 1 <= ranks[(a, b, c)] <= V - 3
print("check passed")

# %% [markdown]
# ### What PTB's size can and cannot learn
#
# Whether an analogy works may depend on how often its words occur (exercise 3 measures it over the whole file). The table below puts each question's
# rarest word next to the result, and compares the corpus with the one behind the published GoogleNews vectors,
# on which these analogies are usually tried.

# %%
GOOGLE_NEWS_TOKENS = 100e9  # the published word2vec vectors: "part of Google News dataset (about 100 billion words)"
ratio_to_ptb = float(f"{GOOGLE_NEWS_TOKENS / len(corpus):.2g}")  # two significant figures: the 100 billion is itself "about"
rows = []
for a, b, c, expected in QUESTIONS:
    rarest = min((a, b, c, expected), key=lambda w: counts[word_to_id[w]])
    r = ranks[(a, b, c)]
    near_b = [w for w, _ in wv.most_similar(b, topn=4) if w not in (a, c)][0]
    rows.append([f"{a}:{b} = {c}:{expected}", rarest, int(counts[word_to_id[rarest]]), r,
                 "yes" if r <= TOP else "no", near_b])
print(format_table(["question", "rarest word", "its count", "rank of answer", f"in top {TOP}", "nearest word to b alone"], rows))
solved = sum(r == 1 for r in ranks.values())
print(f"solved exactly: {solved} of {len(QUESTIONS)}; in the top {TOP}: {sum(r <= TOP for r in ranks.values())}")
print(f"PTB has {len(corpus):,} tokens, about {ratio_to_ptb:,.0f} times fewer than Google News")

# %% [markdown]
# A word seen only a handful of times has had few updates, so its direction is noisier and less reliable. And
# 3CosAdd works on normalised vectors: every word of the question, rare or frequent, adds a whole unit vector
# to `b - a + c`. A rare word therefore moves the sum as far as a frequent one, in a noisy direction, and can
# steer the answer away from the relation (the cell below shows each word's share of the sum). The last column of the table is a warning sign too: when the expected answer
# is simply the nearest word to `b` on its own, a "solved" analogy may show similarity, not a learned relation.
# Four questions prove little either way; the next section scores a whole question file against exactly that
# baseline, and exercise 3 asks whether the rarest word's count decides.

# %%
Wn = w2vlib.normalize(W)
for a, b, c, expected in QUESTIONS:
    q = Wn[word_to_id[b]] - Wn[word_to_id[a]] + Wn[word_to_id[c]]
    shares = {w: sign * float(Wn[word_to_id[w]] @ q) / float(q @ q) for w, sign in ((a, -1), (b, 1), (c, 1))}
    print(f"{a}:{b} = {c}:?  length of b - a + c: {np.linalg.norm(q):.2f}; each word's share of it: "
          + ", ".join(f"{w} (seen {int(counts[word_to_id[w]])}) {x:+.2f}" for w, x in shares.items()))
print(f"the shares add up to 1; each word adds a unit vector (three orthogonal ones give a length of {np.sqrt(3):.2f})")

# %%
for a, b, c, expected in QUESTIONS:
    assert all(abs(np.linalg.norm(Wn[word_to_id[w]]) - 1) < 1e-4 for w in (a, b, c))
print("check passed: every question word enters the sum as a unit vector, whatever its count")

# %% [markdown]
# ## 5. A benchmark: the project's analogy file
#
# `data/analogies_ptb.txt` holds analogy questions in the format of word2vec's `questions-words.txt` (`: section`
# lines, then `a b c d`). It is not Mikolov's set: this project wrote it (`data/make_analogies.py`, from
# hand-picked word pairs), so that every word is in PTB's 10,000-word vocabulary. `evaluate_analogies` answers every question and reports accuracy (correct
# over answered) and coverage (answered over total; a question with an out-of-vocabulary word is skipped).
#
# 3CosAdd adds three cosines, so one very large similarity (say, a candidate almost identical to `b`) can
# outweigh the other two. **3CosMul** (Levy & Goldberg, 2014) was proposed against that: it multiplies and
# divides the similarities (shifted to `[0, 1]`), so each one must be good. gensim implements it as
# `most_similar_cosmul` (citing the paper's equation 4, with the same shift; its ε is 1e-6, ours 0.001). The
# paper reports that 3CosMul improved on 3CosAdd, improving the state of the art on two analogy sets. Whether it does better on our vectors, the lines below the table say, with a paired test: both
# methods answer the same questions, so what counts is the questions on which exactly one of them is right. If
# 3CosMul does not win here, our result differs from the paper's, whose corpus and vectors are not ours.
#
# The same lines answer the question of section 4 for the whole file: does 3CosAdd beat the baseline that
# ignores the relation, the nearest word to `b` alone (or to `c` alone), question by question?

# %%
res = {m: evaluate_analogies(ANALOGY_FILE, W, word_to_id, method=m) for m in ("add", "mul")}
print(res["add"].table())

# %%
print(format_table(["section", "3CosAdd", "3CosMul"],
                   [[name, f"{res['add'].sections[name].accuracy:.3f}", f"{res['mul'].sections[name].accuracy:.3f}"]
                    for name in res["add"].sections]))
for m in ("add", "mul"):
    print(res[m].summary())
print(f"chance (one guess among {V:,} words): {1 / V:.4f}")
sec = list(res["add"].sections)
wins = sum(res["mul"].sections[n].accuracy > res["add"].sections[n].accuracy for n in sec)
losses = sum(res["mul"].sections[n].accuracy < res["add"].sections[n].accuracy for n in sec)
print(f"3CosMul beats 3CosAdd in {wins} of {len(sec)} sections, loses in {losses}, ties in {len(sec) - wins - losses}; "
      f"overall {'better' if res['mul'].accuracy > res['add'].accuracy else 'not better'} "
      f"({res['mul'].accuracy:.3f} vs {res['add'].accuracy:.3f})")
questions = [tuple(w.lower() for w in q) for _, qs in read_analogies(ANALOGY_FILE) for q in qs]
questions = [q for q in questions if all(w in word_to_id for w in q)]
ids = np.array([[word_to_id[w] for w in q] for q in questions])
right_by = {m: analogy_scores(W, ids[:, 0], ids[:, 1], ids[:, 2], method=m).argmax(axis=1) == ids[:, 3]
            for m in ("add", "mul")}
only_add, only_mul = int((right_by["add"] & ~right_by["mul"]).sum()), int((right_by["mul"] & ~right_by["add"]).sum())
p_mul = binomtest(only_mul, only_add + only_mul, 0.5).pvalue if only_add + only_mul else 1.0
print(f"questions only 3CosAdd answers right: {only_add}, only 3CosMul: {only_mul}; if the two were equally good, "
      f"a split at least this uneven has probability p {'< 0.001' if p_mul < 0.001 else f'= {p_mul:.3f}'} (two-sided sign test)")
Wn_all = w2vlib.normalize(W)
baseline = {}
for col, col_name in ((1, "b"), (2, "c")):  # the answer is just the nearest word to b (or to c), a, b, c excluded
    s_b = Wn_all[ids[:, col]] @ Wn_all.T
    s_b[np.arange(len(ids))[:, None], ids[:, :3]] = -np.inf
    r = s_b.argmax(axis=1) == ids[:, 3]
    n_add, n_base = int((right_by["add"] & ~r).sum()), int((r & ~right_by["add"]).sum())
    p_b = binomtest(n_add, n_add + n_base, 0.5).pvalue if n_add + n_base else 1.0
    baseline[col_name] = (n_add, n_base, p_b)
    print(f"nearest word to {col_name} alone (a, b, c excluded): accuracy {r.mean():.3f}; 3CosAdd right where it is "
          f"wrong: {n_add}, the reverse: {n_base}; sign test p {'< 0.001' if p_b < 0.001 else f'= {p_b:.3f}'}")

# %%
acc_add = np.array([res["add"].sections[n].accuracy for n in sec])
acc_mul = np.array([res["mul"].sections[n].accuracy for n in sec])

def wilson_errors(method):
    """Asymmetric error bars: the 95% Wilson interval of each section's accuracy (binomial, n = its questions)."""
    lo_hi = [binomtest(s.correct, s.answered).proportion_ci(method="wilson") for s in res[method].sections.values()]
    acc = np.array([s.accuracy for s in res[method].sections.values()])
    return np.array([acc - [ci.low for ci in lo_hi], [ci.high for ci in lo_hi] - acc])

fig, ax = plt.subplots(figsize=(9, 4))
y = np.arange(len(sec))
ax.barh(y - 0.2, acc_add, height=0.4, xerr=wilson_errors("add"), capsize=2, label="3CosAdd")
ax.barh(y + 0.2, acc_mul, height=0.4, xerr=wilson_errors("mul"), capsize=2, label="3CosMul", hatch="//")
ax.set_yticks(y, labels=sec)
ax.invert_yaxis()
ax.set_xlabel("accuracy (share of the section's questions answered right)")
ax.set_title("analogy accuracy per section (lines: 95% Wilson intervals)")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
plt.show()

# %%
section_words = {n: [w.lower() for q in qs for w in q] for n, qs in read_analogies(ANALOGY_FILE)}
median_count = [np.median([counts[word_to_id[w]] for w in section_words[n] if w in word_to_id]) for n in sec]
rho_test = spearmanr(median_count, acc_add)
rho_sec = rho_test.statistic
best, worst = sec[int(np.argmax(acc_add))], sec[int(np.argmin(acc_add))]
n_sec = res["add"].sections[best].answered
k_sec = int(round(acc_add.mean() * n_sec))  # the mean accuracy as a count of right answers in one section
ci = binomtest(k_sec, n_sec).proportion_ci(method="wilson")  # the interval the bars show
print(f"best section: {best} ({acc_add.max():.3f}); worst: {worst} ({acc_add.min():.3f}); with {n_sec} questions "
      f"per section, an accuracy near {acc_add.mean():.3f} ({k_sec} of {n_sec} right) has a 95% Wilson interval of "
      f"{ci.low:.3f} to {ci.high:.3f}")
print(f"Spearman correlation between a section's median word count and its 3CosAdd accuracy: {rho_sec:.2f} "
      f"over {len(sec)} sections (p = {rho_test.pvalue:.2f}: the chance of a correlation at least this strong, "
      "of either sign, with no link)")

# %%
for r in res.values():
    assert 0 <= r.accuracy <= 1 and 0 <= r.coverage <= 1
    assert r.n_correct <= r.n_answered <= r.n_total
n_add, n_base, p_b = baseline["b"]
assert n_add > n_base and p_b < 0.05, \
    "3CosAdd should beat the nearest word to b alone (with very few EPOCHS the relations are not learned yet)"
score, sections = wv.evaluate_word_analogies(ANALOGY_FILE)  # gensim's name and return shape
assert abs(score - res["add"].accuracy) < 1e-9 and sections[-1]["section"] == "Total accuracy"
assert int(right_by["add"].sum()) == res["add"].n_correct and int(right_by["mul"].sum()) == res["mul"].n_correct
assert only_add - only_mul == res["add"].n_correct - res["mul"].n_correct
print("check passed: 3CosAdd beats the nearest word to b alone (sign test p < 0.05); wv.evaluate_word_analogies "
      "(gensim's shape) gives the same 3CosAdd score")

# %% [markdown]
# The sections differ, but read the error bars first: each section has only a few dozen questions, so two
# sections whose intervals overlap may not differ at all, and the line above gives the 95% interval of one
# section's accuracy. The correlation with word frequency is computed over 12 sections only; its p-value says
# whether it is more than chance (exercise 3 asks the same question of the questions themselves, with far more
# power). The overall accuracy is far above one guess among all words, but the baseline that matters is the
# nearest word to `b` alone: the checked cell asserts that 3CosAdd beats it, question by question. These intervals
# and tests treat the questions as independent, but the file builds each section from a small set of word pairs, each reused in
# several questions (`data/make_analogies.py`), so read them as somewhat optimistic.
#
# ## 6. The book's dot-product ranking vs cosine
#
# The book's `analogy` (`common/util.py`) builds `b - a + c` from the raw, unnormalised rows of the word matrix,
# normalises that sum, and ranks words by the dot product with the raw rows. Length therefore enters twice: in
# the query, where a frequent (long) question word outweighs the others (the opposite of section 4, where each
# question word adds one unit vector), and in the ranking, where a long vector scores high whatever its direction.
# Section 2 showed that long vectors belong to frequent words. `w2vlib.similarity.analogy(..., method="dot")`
# reproduces the book's function (the checked cell below compares it with a four-line copy of the book's code);
# `method="cosine"` (the default, 3CosAdd) normalises every vector. Same vectors, the book's four questions:

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
print(format_table(["question", "count of answer", "dot: first (count)", "dot: rank", "cosine: first (count)",
                    "cosine: rank"], rows))
first_right = {m: sum(r == 1 for r in book_rank[m]) for m in book_rank}
print(f"expected answer ranked first: dot (the book's ranking) {first_right['dot']} of {len(QUESTIONS)}, "
      f"cosine {first_right['cosine']} of {len(QUESTIONS)}")
vocab_med = np.median(counts[seen])
exp_counts = [int(counts[word_to_id[q[3]]]) for q in QUESTIONS]
print(f"the expected answers are seen {', '.join(f'{x:,}' for x in exp_counts)} times; the median word of the "
      f"vocabulary is seen {vocab_med:,.0f} times")

# %%
def book_analogy(a, b, c, word_matrix, top):
    """The book's common/util.py analogy, without its prints: raw rows, normalised query, raw dot products."""
    query_vec = word_matrix[word_to_id[b]] - word_matrix[word_to_id[a]] + word_matrix[word_to_id[c]]
    similarity = word_matrix @ (query_vec / np.sqrt((query_vec * query_vec).sum()))
    return [id_to_word[i] for i in (-similarity).argsort() if id_to_word[i] not in (a, b, c)][:top]

for i, (a, b, c, expected) in enumerate(QUESTIONS):
    assert book_analogy(a, b, c, W, TOP) == [w for w, _ in analogy(a, b, c, word_to_id, id_to_word, W, top=TOP,
                                                                   method="dot")]
    assert book_rank["cosine"][i] == ranks[(a, b, c)], "method='cosine' is section 4's ranking"
print("check passed: method='dot' gives the book's top answers on its four questions; method='cosine' gives "
      "section 4's ranks")

# %% [markdown]
# The table is the book's own test, and on it the book's ranking can look better than cosine (the line under
# the table counts the first places). The book's expected answers are frequent words (the last line compares
# them with the vocabulary's median word), and a long vector scores high in the dot ranking: does that help when
# the answer is frequent? Four questions cannot tell; the whole file, split by the expected answer's count, can
# (below). Cosine ignores length, so its first answer can be a rare word whose short, noisy vector happens to point the
# right way (look at the counts in its column). Four questions chosen by the book do not measure either
# ranking. Now every question of the file, answered both ways (top 1):

# %%
picked = {}
LABELS = {"dot": "dot", "cosine": "cosine", "gold": "gold"}
for method in ("dot", "cosine"):  # analogy() for all questions at once: one (questions x V) score matrix
    best = analogy_scores(W, ids[:, 0], ids[:, 1], ids[:, 2], method=method).argmax(axis=1)
    picked[method] = [id_to_word[int(i)] for i in best]
gold = [q[3] for q in questions]
gold_med = np.median([counts[word_to_id[g]] for g in gold])
label_width = max(display_width(label) for label in LABELS.values())
for method, answers in picked.items():
    acc = np.mean([p == g for p, g in zip(answers, gold)])
    med = np.median([counts[word_to_id[p]] for p in answers])
    side = "more frequent than" if med > gold_med else "less frequent than" if med < gold_med else "as frequent as"
    print(f"{pad(LABELS[method], label_width, '>')}: accuracy {acc:.3f}; median corpus count of its answers {med:,.0f}, "
          f"{side} the expected answers")
print(f"{pad(LABELS['gold'], label_width, '>')}: median corpus count of the expected answers {gold_med:,.0f} "
      "(the reference point for both)")
differ = sum(p != q for p, q in zip(picked["dot"], picked["cosine"]))
print(f"the two rankings pick different answers for {differ} of {len(questions)} questions")

# %%
assert len(picked["dot"]) == len(picked["cosine"]) == len(questions) == res["add"].n_answered
cos_acc = np.mean([p == g for p, g in zip(picked["cosine"], gold)])
assert abs(cos_acc - res["add"].accuracy) < 1e-9, "cosine ranking = the evaluator's 3CosAdd"
print("check passed: method='cosine' agrees with evaluate_analogies(method='add')")


# %%
dot_acc = np.mean([p == g for p, g in zip(picked["dot"], gold)])
only_cos = sum(c == g != d for c, d, g in zip(picked["cosine"], picked["dot"], gold))
only_dot = sum(d == g != c for c, d, g in zip(picked["cosine"], picked["dot"], gold))
p_dot = binomtest(only_cos, only_cos + only_dot, 0.5).pvalue if only_cos + only_dot else 1.0
print(f"over the file, cosine ranking is {'more' if cos_acc > dot_acc else 'not more'} accurate "
      f"({cos_acc:.3f} vs {dot_acc:.3f}), and the dot ranking's answers are "
      f"{'more' if np.median([counts[word_to_id[p]] for p in picked['dot']]) > np.median([counts[word_to_id[p]] for p in picked['cosine']]) else 'not more'}"
      " frequent words")
print(f"questions only cosine gets right: {only_cos}, only dot: {only_dot}; if both rankings were equally good, "
      f"a split at least this uneven has probability p {'< 0.001' if p_dot < 0.001 else f'= {p_dot:.3f}'} (two-sided sign test)")
print(f"so over the file: {'a clear difference at the 5% level' if p_dot < 0.05 else 'no clear winner at the 5% level'}; "
      f"on the book's four questions: dot first in {first_right['dot']}, cosine in {first_right['cosine']}")
gold_count = np.array([counts[word_to_id[g]] for g in gold])
right_dot = np.array([p == g for p, g in zip(picked["dot"], gold)])
right_cos = np.array([p == g for p, g in zip(picked["cosine"], gold)])
for half, mask in (("rarer", gold_count < gold_med), ("more frequent", gold_count >= gold_med)):
    n_cos, n_dot = int(np.sum(right_cos & ~right_dot & mask)), int(np.sum(right_dot & ~right_cos & mask))
    p_half = binomtest(n_cos, n_cos + n_dot, 0.5).pvalue if n_cos + n_dot else 1.0
    lead = ("no clear winner" if p_half >= 0.05 else "cosine ahead" if n_cos > n_dot else "dot ahead")
    print(f"questions with {half} answers ({int(mask.sum())}, split at the expected answers' median count "
          f"{gold_med:,.0f}): only cosine right {n_cos}, only dot right {n_dot}, sign test p "
          f"{'< 0.001' if p_half < 0.001 else f'= {p_half:.3f}'}: {lead} at the 5% level")

# %% [markdown]
# Read the sign test before the accuracies: the two rankings disagree on many questions, but on most of them
# both are wrong, and only the questions where exactly one is right compare them. The p-value says whether that
# split is more than chance; on one file of a few hundred questions it need not be. The last two lines ask the
# same question within each half of the file, split at the expected answers' median count: whether the dot
# ranking gains on questions with frequent answers, and what it loses on questions with rare ones. Over the file
# the dot ranking's answers lean towards frequent words and cosine's can lean towards rare ones (compare both
# medians with the expected answers' median above). The book's four questions favour one ranking or the other
# (the line before the halves) by a handful of answers, too few to say which is better.
#
# So we rank by cosine as a choice of principle, not as a measured win: cosine asks about the *direction* of
# `b - a + c`, the relation, while the dot product mixes in word frequency (vector length, section 2) twice: the
# question words' lengths in the query, and the candidate's length in the ranking. Cosine is also what `evaluate_analogies` and gensim's `most_similar` use.
#
# ## Summary
#
# - Words are compared by **cosine similarity** of their vectors, the angle between them; vector length follows
#   word frequency, so raw dot products mix "similar" with "frequent".
# - Nearest neighbours show that the distributed representation (분산 표현) puts words used in similar contexts
#   (맥락) close together: pronouns with pronouns, time words with time words.
# - **Analogies** (유추) are solved by vector arithmetic, `b - a + c`, ranked by cosine over the vocabulary
#   (어휘), excluding the question words (3CosAdd); 3CosMul is a variant.
# - On a corpus (말뭉치) of about a million tokens, the observed accuracy varies between categories; with a few dozen
#   questions per category the binomial (Wilson) error bars are wide: overlapping bars do not show that two categories
#   are alike, and with this many categories some pairs of bars can miss each other by chance alone: a claimed
#   difference needs a test corrected for the number of comparisons. In 3CosAdd every question
#   word adds a unit vector, so a rare word's noisy direction weighs as much as a frequent word's.
# - 3CosMul was designed to stop one similarity from dominating; measure before trusting it: on these
#   vectors the lines under section 5's table compare it with 3CosAdd, question by question (a sign test), and
#   compare 3CosAdd with the nearest word to `b` or `c` alone.
# - The book's `analogy` builds `b - a + c` from raw vectors and ranks by raw dot products, so frequency (vector
#   length) enters twice. Section 6 compares the two rankings over the whole file and within the questions
#   with rarer and with more frequent answers (a sign test each); the book's own four questions are too few
#   to separate them. We rank by cosine as a choice of principle (the direction of the relation, not frequency), not as
#   a measured win.
#
# ## Exercises
#
# Each exercise has a self-check: replace the `...` with your answer and run the cell. `q1.hint()` gives a
# hint and `q1.solution()` the reference solution.

# %%
q1, q2, q3 = w2vlib.exercises.load("06")

# %% [markdown]
# **1. Nearest neighbours by cosine, yourself.** Write `nearest(query, W, words, topn)`: the `topn` words
# (a list, best first) whose rows of `W` have the largest cosine with the query's row, the query excluded.
# `words` is the list of words (`words[i]` is row `i`). Use `w2vlib.normalize`. The check runs it on fresh
# random vectors whose lengths vary, as real ones do.

# %%
def nearest(query, W, words, topn):
    ...  # your code

q1.check(nearest)
# q1.hint()
# q1.solution()

# %%
mine = q1.answer_or_reference(nearest)
print("neighbours of 'monday':", mine("monday", wv.vectors, wv.index_to_key, TOP))

# %% [markdown]
# **2. 3CosMul by hand.** Write `cosmul(a, b, c, W, words)` returning the best answer to `a : b = c : ?` by
# `argmax_d cos'(d, b) cos'(d, c) / (cos'(d, a) + 0.001)` with `cos' = (cos + 1) / 2` over normalised vectors,
# excluding `a`, `b`, `c`. The check compares it with a reference on fresh random vectors.

# %%
def cosmul(a, b, c, W, words):
    ...  # your code

q2.check(cosmul)

# %% [markdown]
# **3. Does frequency decide?** Split the answerable questions by the count of their rarest word (below the
# median count, or at/above it) and compute the 3CosAdd accuracy of each half from `right` (one bool per
# question). Answer with the pair `(accuracy of the rare half, accuracy of the frequent half)`, each to 2 or 3
# decimals.

# %%
rarest = np.array([min(counts[word_to_id[w]] for w in q) for q in questions])
right = np.array([p == g for p, g in zip(picked["cosine"], gold)])
answer_3 = ...  # (acc_rare, acc_frequent)
q3.check(answer_3, right=right, rarest=rarest)

# %% [markdown]
# **After you answer:** is the difference between the two halves more than chance? Fisher's exact test on the
# 2 x 2 table (half x right/wrong) answers it (the cell shows the halves' counts once your answer passes). Section 5's correlation asked a similar question with only
# 12 points, one median count per section, each section a mix of rare and frequent questions, so it has little
# power; splitting the questions themselves uses every question (though questions that share a word pair are not
# independent).

# %%
frequent = rarest >= np.median(rarest)
p_f = fisher_exact([[int(right[~frequent].sum()), int((~right[~frequent]).sum())],
                    [int(right[frequent].sum()), int((~right[frequent]).sum())]]).pvalue
print(f"Fisher's exact test p {'< 0.001' if p_f < 0.001 else f'= {p_f:.3f}'} (two-sided), against the "
      f"section-level Spearman p = {rho_test.pvalue:.2f}")
if q3.passes(answer_3, right=right, rarest=rarest):
    print(f"rare half: {int(right[~frequent].sum())} of {int((~frequent).sum())} right; frequent half: "
          f"{int(right[frequent].sum())} of {int(frequent.sum())}")
else:
    print("(answer exercise 3 to see the two halves' counts here)")

# %% [markdown]
# **Sources** (checked for this notebook): the book's code (oreilly-japan/deep-learning-from-scratch-2:
# `common/util.py` `most_similar`, `analogy`, `normalize`; `ch04/eval.py` for the four queries and four analogies),
# gensim 4 (`gensim/models/keyedvectors.py`: `most_similar` on unit vectors, `evaluate_word_analogies`, `most_similar_cosmul` with its
# shift to `[0, 1]` and ε = 1e-6), Levy & Goldberg 2014, *Linguistic Regularities in Sparse and Explicit Word
# Representations*, CoNLL 2014 (3CosMul; its abstract, ACL Anthology W14-1618, reports "improving the
# state-of-the-art results on two recent word-analogy datasets"; the paper's body was not read here: the
# equation number 4 is the one gensim's `most_similar_cosmul` docstring cites), the word2vec project page's description of the GoogleNews vectors (about 100
# billion words, code.google.com/archive/p/word2vec), word2vec's analogy file format (tmikolov/word2vec:
# `questions-words.txt`, read by `compute-accuracy.c`).
#
# [Next: 07 Visualizing embeddings](07_visualizing_embeddings.ipynb)
