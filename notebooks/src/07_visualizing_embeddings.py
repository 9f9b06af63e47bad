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
# # 07. Visualizing embeddings
#
# Our word vectors have 100 numbers each; we cannot look at 100 dimensions. This notebook projects chosen groups
# of words (months, weekdays, numbers, countries, nationalities, verbs and their past forms, companies) to two
# dimensions in two ways, PCA and t-SNE, and measures what each picture keeps and what it distorts. Then we
# export the vectors in the two formats other tools read, so you can explore them in the Embedding Projector
# or load them in gensim.
#
# **You will learn**
# - PCA: a linear projection onto the directions of largest variance, and how much variance two directions keep;
# - t-SNE: a non-linear map that keeps neighbourhoods but distorts distances, sizes and the space between groups;
# - how to check a picture against the original space with numbers (neighbours kept, distances correlated);
# - how to export vectors to the Embedding Projector (`vectors.tsv`, `metadata.tsv`) and the word2vec text format.

# %%
# %matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
import w2vlib
import w2vlib.exercises
plt.style.use("w2vlib.teaching")
np.set_printoptions(precision=4, suppress=True)
import tempfile
from pathlib import Path

from scipy.spatial.distance import pdist
from scipy.stats import spearmanr
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, trustworthiness

from w2vlib.data import get_data_dir
from w2vlib.plotting import plot_words_2d
from w2vlib.pretrained import ptb_vectors
from w2vlib.similarity import most_similar
from w2vlib.vectors import save_projector, save_word2vec_format

# %% [markdown]
# ### Knobs: change these and re-run

# %%
SEED = 0            # seed of the vectors and of t-SNE; with the four below it must match notebook 05 to reuse its vectors
HIDDEN_SIZE = 100   # vector length (a different value trains new vectors here, about 15 s)
WINDOW_SIZE = 5     # context words on each side
NEGATIVE = 5        # negative samples per target
EPOCHS = 10         # passes over PTB
PERPLEXITY = 15     # t-SNE's effective number of neighbours per point (must be below the number of words)
NEIGHBOURS = 5      # neighbours checked when we measure what a picture keeps
GROUPS = {          # the words to draw, by group (all in PTB's vocabulary)
    "months": "january february march april june july august september october november december",
    "weekdays": "monday tuesday wednesday thursday friday saturday sunday",
    "numbers": "one two three four five six seven eight nine hundred thousand million billion",
    "countries": "japan china germany britain france canada mexico italy spain india brazil korea taiwan australia",
    "nationalities": "japanese chinese german british french canadian mexican italian spanish indian brazilian korean australian swiss",
    "verbs": "rise fall buy sell take go come pay make give",
    "past forms": "rose fell bought sold took went came paid made gave",
    "companies": "ibm ford chrysler gm nissan boeing exxon mobil texaco sony apple intel xerox kodak honda toyota",
}

# %% [markdown]
# ## 1. The vectors and the words
#
# We load the vectors of notebook 05 (or train them with the same settings if they are not in the cache). The
# word *may* is left out of the months on purpose: in PTB it is mostly the verb.

# %%
W, word_to_id, id_to_word = ptb_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE,
                                        negative=NEGATIVE, epochs=EPOCHS)
words = [w for ws in GROUPS.values() for w in ws.split()]
groups = [g for g, ws in GROUPS.items() for _ in ws.split()]
missing = [w for w in words if w not in word_to_id]
assert not missing, f"not in the vocabulary: {missing}"
assert len(set(words)) == len(words), "a word is in two groups"
Wn = W / np.linalg.norm(W, axis=1, keepdims=True)  # unit vectors: Euclidean distance then follows cosine
X = Wn[[word_to_id[w] for w in words]]
print(f"{len(words)} words in {len(GROUPS)} groups, each a vector of {X.shape[1]} numbers")

# %% [markdown]
# ## 2. PCA: the two directions of largest variance
#
# PCA rotates the space so that the first axis follows the largest spread of the points, the second the largest
# remaining spread, and so on, then keeps the first two. It is linear: straight lines stay straight and
# parallel offsets stay parallel. The *explained variance ratio* says how much of the total spread the kept
# directions hold; the rest is thrown away.

# %%
pca = PCA(n_components=2).fit(X)
P = pca.transform(X)
ratios = pca.explained_variance_ratio_
print(f"our {len(words)} words: PC1 keeps {ratios[0]:.3f}, PC2 {ratios[1]:.3f}, together {ratios.sum():.3f} of the variance")
pca_all = PCA(n_components=10).fit(Wn)
cum = np.cumsum(pca_all.explained_variance_ratio_)
print(f"the whole vocabulary: 2 components keep {cum[1]:.3f}, 10 components {cum[9]:.3f}")

# %%
fig, ax = plt.subplots(figsize=(9, 7))
plot_words_2d(P, words, groups, ax=ax, fontsize=8, tidy=True)
ax.set_xlabel(f"PC1 ({ratios[0]:.0%} of the variance)")
ax.set_ylabel(f"PC2 ({ratios[1]:.0%} of the variance)")
ax.set_title("PCA of the word groups")
plt.show()

# %% [markdown]
# Two directions hold only a small part of the variance of 100-dimensional vectors, so groups that are well
# apart in the full space can sit on top of each other here. What PCA does keep is *linear structure*.
# Fitted on the verbs and their past forms only, the arrows from each verb to its past form show whether
# "past tense" is a shared direction:

# %%
verbs, past = GROUPS["verbs"].split(), GROUPS["past forms"].split()
V2 = PCA(n_components=2).fit(Wn[[word_to_id[w] for w in verbs + past]])
A = V2.transform(Wn[[word_to_id[w] for w in verbs]])
B = V2.transform(Wn[[word_to_id[w] for w in past]])
fig, ax = plt.subplots(figsize=(7, 5))
plot_words_2d(np.vstack([A, B]), verbs + past, ["verbs"] * len(verbs) + ["past forms"] * len(past), ax=ax, fontsize=9, tidy=True)
for a, b in zip(A, B):
    ax.annotate("", xy=b, xytext=a, arrowprops=dict(arrowstyle="->", color="gray", alpha=0.6))
ax.set_xlabel("PC1")
ax.set_ylabel("PC2")
ax.set_title("verb -> past form, PCA of these 20 words")
plt.show()
offsets = Wn[[word_to_id[w] for w in past]] - Wn[[word_to_id[w] for w in verbs]]
mean_offset = offsets.mean(axis=0)
agree = [float(o @ mean_offset / (np.linalg.norm(o) * np.linalg.norm(mean_offset))) for o in offsets]
print(f"cosine of each verb's offset with the mean offset: mean {np.mean(agree):.3f}, min {min(agree):.3f}")


# %% [markdown]
# If every offset were the same vector, every cosine with the mean offset would be 1; random offsets in 100
# dimensions would give cosines near 0. The printed numbers say how shared the "past tense" direction is in
# these vectors, which is what analogies like `take:took = go:?` (notebook 06) rely on.
#
# ## 3. t-SNE: neighbourhoods first
#
# t-SNE places the points in 2-D so that each point's *neighbours* stay its neighbours: it turns distances into
# neighbour probabilities (with a width set by the perplexity) and moves the points until the 2-D
# probabilities match. It is non-linear and does not try to keep large distances, so the distance between
# two clusters, the size of a cluster and the axes mean nothing. We use the exact method, initialise from PCA
# and fix `random_state`, so the picture is reproducible.

# %%
def tsne(points, perplexity):
    return TSNE(n_components=2, perplexity=perplexity, init="pca", method="exact",
                random_state=SEED).fit_transform(points)

T = tsne(X, PERPLEXITY)
fig, ax = plt.subplots(figsize=(9, 7))
plot_words_2d(T, words, groups, ax=ax, fontsize=8, tidy=True)
ax.set_xlabel("t-SNE 1 (no unit)")
ax.set_ylabel("t-SNE 2 (no unit)")
ax.set_title(f"t-SNE of the word groups (perplexity {PERPLEXITY})")
plt.show()

# %% [markdown]
# ## 4. What each picture keeps, measured
#
# Three numbers compare each 2-D picture with the original 100-dimensional space:
#
# - **trustworthiness** (scikit-learn): 1 when the `NEIGHBOURS` nearest points of every word in the picture
#   were also near it in the original space;
# - **same-group nearest neighbour**: how often a word's nearest point belongs to its own group;
# - **distance correlation**: the Spearman correlation between all pairwise distances in the original space
#   and in the picture (do far things stay far?).

# %%
labels = np.array(groups)

def same_group_rate(points):
    D = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=-1)
    np.fill_diagonal(D, np.inf)
    return float(np.mean(labels[D.argmin(axis=1)] == labels))

d_orig = pdist(X)
scores = {}
for name, Y in [("original", X), ("PCA", P), ("t-SNE", T)]:
    scores[name] = dict(
        trust=trustworthiness(X, Y, n_neighbors=NEIGHBOURS) if name != "original" else 1.0,
        group=same_group_rate(Y),
        corr=float(spearmanr(d_orig, pdist(Y)).statistic),
    )
print(f"{'space':<10} {'trustworthiness':>16} {'same-group NN':>14} {'distance corr.':>15}")
for name, s in scores.items():
    print(f"{name:<10} {s['trust']:>16.3f} {s['group']:>14.3f} {s['corr']:>15.3f}")

# %%
for s in scores.values():
    assert 0 <= s["trust"] <= 1 and 0 <= s["group"] <= 1 and -1 <= s["corr"] <= 1
assert scores["original"]["group"] > 1 / len(GROUPS), "groups are clustered in the original space"
print("check passed")

# %% [markdown]
# Compare the rows. The first row is the truth: how often a word's nearest neighbour in the full space is in
# its own group. A good picture for *groups* keeps that rate and a high trustworthiness; a good picture for
# *distances* keeps a high distance correlation. PCA keeps the global layout (its distances are a projection
# of the true ones) but squeezes groups together; t-SNE is built to keep neighbourhoods and gives up on large
# distances.
#
# ### t-SNE's picture depends on its settings
#
# The same points with a small and a large perplexity:

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 5))
for ax, perp in zip(axes, (5, 30)):
    Y = tsne(X, perp)
    for g in GROUPS:
        sel = labels == g
        ax.scatter(Y[sel, 0], Y[sel, 1], s=20, label=g)
    ax.set_title(f"perplexity {perp}: trustworthiness {trustworthiness(X, Y, n_neighbors=NEIGHBOURS):.3f}")
    ax.set_xlabel("t-SNE 1 (no unit)")
    ax.set_ylabel("t-SNE 2 (no unit)")
axes[1].legend(fontsize=8, loc="best")
plt.show()

# %% [markdown]
# Clusters change size and move; gaps between groups appear and vanish. Read a t-SNE picture for "who is next
# to whom", never for "how far" or "how big".
#
# ## 5. Export: the Embedding Projector and the word2vec text format
#
# Two plain-text formats let other tools use our vectors:
#
# - **Embedding Projector** (https://projector.tensorflow.org): `vectors.tsv` (one vector per line, numbers
#   separated by tabs) and `metadata.tsv` (one word per line; with a single column there is **no header**).
#   Click *Load*, choose the two files, and explore PCA, t-SNE and UMAP interactively, with search.
# - **word2vec text format**: a first line `V H`, then `word v1 ... vH` per line. gensim, spaCy and many other
#   tools read it.
#
# We write them into the cache folder (run `print(EXPORT_DIR)` to see where; it is not inside the repository).

# %%
EXPORT_DIR = get_data_dir() / "export"
vec_path, meta_path = save_projector(EXPORT_DIR, W, id_to_word)
w2v_path = save_word2vec_format(EXPORT_DIR / "ptb_cbow.txt", W, id_to_word)
for p in (vec_path, meta_path, w2v_path):
    with open(p, encoding="utf-8") as fh:
        n_lines = sum(1 for _ in fh)
    print(f"{p.name:<14} {n_lines:>6,} lines")

# %%
with open(meta_path, encoding="utf-8") as fh:
    print("metadata.tsv:", [next(fh).rstrip("\n") for _ in range(5)])
with open(vec_path, encoding="utf-8") as fh:
    first = next(fh).split("\t")
print(f"vectors.tsv line 1: {len(first)} numbers, starting", [round(float(x), 3) for x in first[:4]])
with open(w2v_path, encoding="utf-8") as fh:
    header, line = next(fh).split(), next(fh).split()
print("ptb_cbow.txt header:", header, "| line 2:", line[0], [round(float(x), 3) for x in line[1:4]], "...")

# %% [markdown]
# Loading the word2vec file in gensim (an optional extra: `pip install -e ".[compare]"`) gives the same
# neighbours as `w2vlib`:

# %% tags=["nbval-ignore-output"]
try:
    from gensim.models import KeyedVectors
except ImportError:  # gensim is optional, so this cell's output depends on the machine (not compared by the tests)
    KeyedVectors = None
    print("gensim is not installed: pip install -e \".[compare]\" to run this cell")
if KeyedVectors is not None:
    kv = KeyedVectors.load_word2vec_format(str(w2v_path), binary=False)
    ours = [w for w, _ in most_similar("year", word_to_id, id_to_word, W, top=5)]
    theirs = [w for w, _ in kv.most_similar("year", topn=5)]
    print("gensim  :", theirs)
    print("w2vlib  :", ours)
    print(f"gensim read {len(kv.index_to_key):,} vectors of length {kv.vector_size}")

# %%
if KeyedVectors is not None:
    assert len(kv.index_to_key) == W.shape[0] and kv.vector_size == W.shape[1]
    assert ours == theirs, "gensim should find the same neighbours in the exported file"
print("check passed")


# %% [markdown]
# ## Summary
#
# - A 2-D picture of 100-dimensional embeddings (임베딩) always throws information away; measure what it kept.
# - **PCA** is a linear projection: the explained-variance numbers say how little two directions hold, but
#   parallel offsets (verb -> past form) stay visible, the structure behind analogies (유추).
# - **t-SNE** keeps each word's neighbours, the distributed representation's (분산 표현) most useful property,
#   but distances between clusters, cluster sizes and axes carry no meaning, and the picture changes with the
#   perplexity; fix `random_state` and `init` to reproduce it.
# - The vectors of the whole vocabulary (어휘) are exported to the Embedding Projector (`vectors.tsv` +
#   header-less `metadata.tsv`) and to the word2vec text format, which gensim reads with
#   `KeyedVectors.load_word2vec_format(path, binary=False)`.
#
# ## Exercises
#
# **1. Your own group.** Add a group to `GROUPS` in the knobs cell (for example `"family": "father mother son
# daughter husband wife"`) and re-run. The self-check below verifies a group you pass is in the vocabulary and
# reports how often its words' nearest neighbour (in the full space, among all words drawn) is in the group.

# %%
def check_exercise_1(group_words):
    ws = group_words.split()
    bad = [w for w in ws if w not in word_to_id]
    if bad:
        print(f"not in PTB's vocabulary: {bad}")
        return
    all_words = ws + [w for w in words if w not in ws]
    pts = Wn[[word_to_id[w] for w in all_words]]
    D = 1 - pts @ pts.T
    np.fill_diagonal(D, np.inf)
    rate = np.mean(D[:len(ws)].argmin(axis=1) < len(ws))
    print(f"correct: {len(ws)} words; nearest neighbour in the same group for {rate:.0%} of them")

check_exercise_1("father mother son daughter husband wife")  # reference solution


# %% [markdown]
# **2. How many directions?** How many PCA components are needed to keep half of the variance of the whole
# vocabulary? Compute it from `PCA().fit(Wn).explained_variance_ratio_`.

# %%
def check_exercise_2(answer):
    cum_all = np.cumsum(PCA().fit(Wn).explained_variance_ratio_)
    right = int(np.searchsorted(cum_all, 0.5) + 1)
    print("correct" if answer == right else "not yet: count components until the cumulative ratio reaches 0.5")

answer_2 = int(np.searchsorted(np.cumsum(PCA().fit(Wn).explained_variance_ratio_), 0.5) + 1)  # reference solution
print(f"components for half of the variance: {answer_2} of {W.shape[1]}")
check_exercise_2(answer_2)

# %% [markdown]
# **3. Seeds.** Run `tsne(X, PERPLEXITY)` with `init="random"` and two different `random_state`s (edit a copy
# of the function). Do the clusters stay? Does their layout? Measure the trustworthiness of each.

# %%
trust = []
for seed in (1, 2):  # reference solution
    Y = TSNE(n_components=2, perplexity=PERPLEXITY, init="random", method="exact",
             random_state=seed).fit_transform(X)
    trust.append(trustworthiness(X, Y, n_neighbors=NEIGHBOURS))
print("trustworthiness with two random starts:", ", ".join(f"{t:.3f}" for t in trust))
assert all(0 <= t <= 1 for t in trust)
print("check passed")

# %% [markdown]
# [Next: 08 Transfer learning](08_transfer_learning.ipynb)
