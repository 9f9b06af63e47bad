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
# Book: *Deep Learning from Scratch 2*, section 4.4 (and chapter 2's dimensionality reduction)
#
# Our word vectors have `HIDDEN_SIZE` numbers each; we cannot look at that many dimensions. This notebook projects chosen groups
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
from w2vlib.plotting import plot_word_groups
from w2vlib.pretrained import ptb_word_vectors
from w2vlib.vectors import save_projector

# %% [markdown]
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0            # seed of the vectors and of t-SNE; with the four below it must match notebook 05 to reuse its vectors
HIDDEN_SIZE = 100   # vector length (a different value trains new vectors here, about 15 s)
WINDOW_SIZE = 5     # context words on each side
NEGATIVE = 5        # negative samples per target
EPOCHS = 10         # passes over PTB
PERPLEXITY = 15     # t-SNE's effective number of neighbours per point (must be below the number of words)
PERPLEXITIES = (5, 30)  # a small and a large perplexity to compare (each clipped below the number of words)
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
PAIRED = ("verbs", "past forms")  # two groups of GROUPS whose words pair up in order (None: skip that picture)

# %% [markdown]
# ## 1. The vectors and the words
#
# We load the vectors of notebook 05 (or train them with the same settings if they are not in the cache). The
# word *may* is left out of the months on purpose: in PTB it is mostly the verb.

# %%
wv = ptb_word_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=EPOCHS)
W = wv.vectors  # a w2vlib.WordVectors, gensim's KeyedVectors conventions (notebook 06)
words = [w for ws in GROUPS.values() for w in ws.split()]
groups = [g for g, ws in GROUPS.items() for _ in ws.split()]
missing = [w for w in words if w not in wv]
assert not missing, f"not in the vocabulary: {missing}"
assert len(set(words)) == len(words), "a word is in two groups"
assert PERPLEXITY < len(words), f"PERPLEXITY must be below the number of words ({len(words)}): lower it or add words"
Wn = w2vlib.normalize(W)  # unit vectors: Euclidean distance then follows cosine
X = Wn[[wv.key_to_index[w] for w in words]]
print(f"{len(words)} words in {len(GROUPS)} groups, each a vector of {X.shape[1]} numbers")

# %% [markdown]
# One drawing function for every picture below, `w2vlib.plotting.plot_word_groups`: each group gets its own
# colour *and* marker (so any two groups stay distinguishable, also in grey or for colour-blind readers), the
# legend sits outside the axes, and the words are placed by `w2vlib.plotting.label_points`, which tries
# positions around each point and takes one where the label overlaps no other label, point or the legend.
# (`plot_words_2d(..., tidy=True)` uses the same placement; without `tidy` labels are only nudged up and down,
# faster but overlapping.)
#
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
fig, ax = plt.subplots(figsize=(10, 7))
plot_word_groups(P, groups, words, ax=ax)
ax.set_xlabel(f"PC1 ({ratios[0]:.0%} of the variance)")
ax.set_ylabel(f"PC2 ({ratios[1]:.0%} of the variance)")
ax.set_title("PCA of the word groups")
plt.show()

# %% [markdown]
# The first print says how much of the variance two directions hold, so groups that are well apart in the
# full space can sit on top of each other here. What PCA does keep is *linear structure*. Fitted on the two
# `PAIRED` groups only (a verb and its past form, by default), the arrows from each word to its partner show
# whether the relation is a shared direction:

# %%
if PAIRED and all(g in GROUPS for g in PAIRED):
    first, second = GROUPS[PAIRED[0]].split(), GROUPS[PAIRED[1]].split()
    assert len(first) == len(second), f"PAIRED groups must pair up word by word: {len(first)} and {len(second)} words"
    V2 = PCA(n_components=2).fit(Wn[[wv.key_to_index[w] for w in first + second]])
    A = V2.transform(Wn[[wv.key_to_index[w] for w in first]])
    B = V2.transform(Wn[[wv.key_to_index[w] for w in second]])
    fig, ax = plt.subplots(figsize=(8, 5))
    plot_word_groups(np.vstack([A, B]), [PAIRED[0]] * len(first) + [PAIRED[1]] * len(second), first + second,
                     ax=ax, fontsize=9)
    for a, b in zip(A, B):
        ax.annotate("", xy=b, xytext=a, arrowprops=dict(arrowstyle="->", color="gray", alpha=0.6))
    ax.set_xlabel("PC1")
    ax.set_ylabel("PC2")
    ax.set_title(f"{PAIRED[0]} -> {PAIRED[1]}, PCA of these {2 * len(first)} words")
    plt.show()
    offsets = w2vlib.normalize(Wn[[wv.key_to_index[w] for w in second]] - Wn[[wv.key_to_index[w] for w in first]])
    mean_offset = w2vlib.normalize(offsets.mean(axis=0, keepdims=True))[0]
    agree = offsets @ mean_offset
    print(f"cosine of each pair's offset with the mean offset: mean {np.mean(agree):.3f}, min {agree.min():.3f}")
else:
    print(f"PAIRED = {PAIRED!r} does not name two groups of GROUPS: this picture is skipped")


# %% [markdown]
# If every offset were the same vector, every cosine with the mean offset would be 1; random offsets in many
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
fig, ax = plt.subplots(figsize=(10, 7))
plot_word_groups(T, groups, words, ax=ax)
ax.set_xlabel("t-SNE 1 (no unit)")
ax.set_ylabel("t-SNE 2 (no unit)")
ax.set_title(f"t-SNE of the word groups (perplexity {PERPLEXITY})")
plt.show()

# %% [markdown]
# ## 4. What each picture keeps, measured
#
# Three numbers compare each 2-D picture with the original `HIDDEN_SIZE`-dimensional space:
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
assert scores["original"]["group"] > 1 / len(GROUPS), "groups should be clustered in the original space"
assert scores["t-SNE"]["trust"] > scores["PCA"]["trust"], "t-SNE should keep neighbourhoods better than PCA"
print("check passed: t-SNE keeps neighbourhoods better than PCA (trustworthiness)")
gap = scores["PCA"]["corr"] - scores["t-SNE"]["corr"]
print(f"distance correlation: PCA {scores['PCA']['corr']:.3f}, t-SNE {scores['t-SNE']['corr']:.3f}: "
      + ("PCA keeps far things far clearly better" if gap > 0.05 else
         "t-SNE keeps far things far clearly better" if gap < -0.05 else
         "neither keeps the global layout clearly better on these words"))

# %% [markdown]
# Compare the rows. The first row is the truth: how often a word's nearest neighbour in the full space is in
# its own group. A good picture for *groups* keeps that rate and a high trustworthiness; a good picture for
# *distances* keeps a high distance correlation. t-SNE is built to keep neighbourhoods, and the checked cell
# shows it does. One might expect PCA to keep the global layout instead, since its distances are a projection
# of the true ones; but with two directions out of many it throws most of the spread away, and the last line
# above says how the two compare on distances here. Neither picture is a map of the space.
#
# ### t-SNE's picture depends on its settings
#
# The same points with a small and a large perplexity:

# %%
perps = sorted({min(p, len(words) - 1) for p in PERPLEXITIES})
fig, axes = plt.subplots(1, len(perps), figsize=(12, 5), squeeze=False)
for ax, perp in zip(axes[0], perps):
    Y = tsne(X, perp)
    plot_word_groups(Y, groups, ax=ax)
    if ax is not axes[0][-1]:
        ax.get_legend().remove()
    ax.set_title(f"perplexity {perp}: trustworthiness {trustworthiness(X, Y, n_neighbors=NEIGHBOURS):.3f}")
    ax.set_xlabel("t-SNE 1 (no unit)")
    ax.set_ylabel("t-SNE 2 (no unit)")
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
vec_path, meta_path = save_projector(EXPORT_DIR, wv.vectors, wv.index_to_key)
w2v_path = wv.save_word2vec_format(EXPORT_DIR / "ptb_cbow.txt")  # gensim's method name
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
# neighbours as `w2vlib`, with the same call, `most_similar("year", topn=5)`:

# %% tags=["nbval-ignore-output"]
try:
    from gensim.models import KeyedVectors
except ImportError:  # gensim is an optional extra
    KeyedVectors = None
    print("gensim is not installed: pip install -e \".[compare]\" to run this cell")
if KeyedVectors is not None:
    kv = KeyedVectors.load_word2vec_format(str(w2v_path), binary=False)
    ours = [w for w, _ in wv.most_similar("year", topn=5)]
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
# - A 2-D picture of high-dimensional embeddings (임베딩) always throws information away; measure what it kept.
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
# Each exercise has a self-check: replace the `...` with your answer and run the cell. `q1.hint()` gives a
# hint and `q1.solution()` the reference solution.

# %%
q1, q2, q3 = w2vlib.exercises.load("07")

# %% [markdown]
# **1. The least clustered group.** In the full space (the rows of `X`, by cosine), which group of `GROUPS`
# has the smallest share of words whose nearest other drawn word is in the same group? Answer with its name.
# Then add a group of your own to `GROUPS` in the knobs cell (for example `"family": "father mother son
# daughter husband wife"`), re-run, and ask again.

# %%
answer_1 = ...  # a group name, e.g. "months"
q1.check(answer_1, X=X, groups=groups)
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. How many directions?** How many PCA components are needed to keep half of the variance of the whole
# vocabulary's unit vectors `Wn`? Compute it from `PCA().fit(Wn).explained_variance_ratio_`.

# %%
answer_2 = ...  # a whole number
q2.check(answer_2, Wn=Wn, W=W)

# %% [markdown]
# **3. Two random starts.** Run `TSNE(..., init="random", method="exact")` on `X` with two different
# `random_state`s, draw both, and measure the trustworthiness of each. What do the two pictures share?
#
# - **a** the same coordinates: t-SNE is deterministic once the perplexity is fixed;
# - **b** the same neighbourhoods (about the same trustworthiness, the same clusters), but in other places,
#   rotated or mirrored;
# - **c** nothing: with a random start the clusters dissolve;
# - **d** the distances between the clusters, but not their orientation.

# %%
answer_3 = ...  # "a", "b", "c" or "d"
q3.check(answer_3)

# %% [markdown]
# [Next: 08 Transfer learning](08_transfer_learning.ipynb)
