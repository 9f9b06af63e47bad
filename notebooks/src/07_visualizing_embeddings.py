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
# Book: *Deep Learning from Scratch 2*, sections 2.4.2–2.4.3 and 2.4.5 (dimensionality reduction: the book reduces its count-based vectors with SVD and plots two dimensions for the 7 words of its toy sentence)
#
# Our word vectors have `HIDDEN_SIZE` numbers each; we cannot look at that many dimensions. The book meets the
# same problem in chapter 2: it reduces its count-based word vectors with an SVD and plots the first two
# dimensions for the 7 words of its toy sentence, "You say goodbye and I say hello." (dimensionality reduction,
# 차원 감소). For PTB it computes the SVD but draws no picture. This notebook does the same for our CBOW vectors. It projects
# chosen groups of words (months, weekdays, numbers, countries, nationalities, verbs and their past forms,
# companies) to two dimensions in two ways, PCA and t-SNE, and measures what each picture keeps and what it
# distorts, against what chance alone would give. Then we export the vectors in the two formats other tools
# read, so you can explore them in the Embedding Projector or load them in gensim.
#
# **You will learn**
# - PCA: a linear projection onto the directions of largest variance, and how much variance two directions keep;
# - whether a relation such as verb → past form is a shared direction, compared with chance;
# - t-SNE: a non-linear map that keeps neighbourhoods but distorts distances, sizes and the space between groups,
#   and whose numbers move with the last bits of its start;
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
# ### Knobs: change these and re-run

# %% tags=["parameters"]
SEED = 0            # seed of the vectors and of every random draw below; with the four below it must match notebook 05 to reuse its vectors
HIDDEN_SIZE = 100   # vector length (another value trains new vectors here first, which takes a while)
WINDOW_SIZE = 5     # context words on each side
NEGATIVE = 5        # negative samples per target
EPOCHS = 10         # passes over PTB
PERPLEXITY = 15     # t-SNE's effective number of neighbours per point (must be below the number of words)
PERPLEXITIES = (5, 30)  # a small and a large perplexity to compare (each clipped below the number of words)
TSNE_RUNS = 7       # extra t-SNE runs from a start nudged by one part in a million, to measure how much its numbers move
TINY_RUNS = 3       # extra t-SNE runs in float64, from a start nudged by 1e-15 (a few units in the last place of a float64)
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
# word *may* is left out of the months on purpose: in PTB it is mostly the modal verb (*may be*, *may have*).

# %%
# wv: a w2vlib.WordVectors, with gensim's KeyedVectors conventions (notebook 06)
wv = ptb_word_vectors(seed=SEED, hidden_size=HIDDEN_SIZE, window_size=WINDOW_SIZE, negative=NEGATIVE, epochs=EPOCHS)
W = wv.vectors
words = [w for ws in GROUPS.values() for w in ws.split()]
groups = [g for g, ws in GROUPS.items() for _ in ws.split()]
# the names the figures show (the Korean edition translates these)
SHOWN = {"months": "months", "weekdays": "weekdays", "numbers": "numbers", "countries": "countries",
         "nationalities": "nationalities", "verbs": "verbs", "past forms": "past forms", "companies": "companies"}
shown_groups = [SHOWN.get(g, g) for g in groups]  # group names as the figures show them
missing = [w for w in words if w not in wv]
assert not missing, f"not in the vocabulary: {missing}"
assert len(set(words)) == len(words), "a word is in two groups"
assert PERPLEXITY < len(words), f"PERPLEXITY must be below the number of words ({len(words)}): lower it or add words"
Wn = w2vlib.normalize(W)  # unit vectors: Euclidean distance then follows cosine
X = Wn[[wv.key_to_index[w] for w in words]]
print(f"{len(words)} words in {len(GROUPS)} groups, each a vector of {X.shape[1]} numbers")

# %% [markdown]
# Every picture below is drawn by `w2vlib.plotting.plot_word_groups`: a colour *and* a marker per group (so
# groups stay distinguishable in grey too), with the legend outside the axes.
#
# ## 2. PCA: the two directions of largest variance
#
# PCA rotates the space so that the first axis follows the largest spread of the points, the second the largest
# remaining spread, and so on, then keeps the first two. It is the SVD of the vectors after their mean is
# subtracted. It differs from the book's chapter 2 picture in two ways: PCA centres the vectors first, and its
# coordinates are U·S, each axis scaled by its singular value, where the book plots the columns of U alone. It is linear: straight lines stay
# straight and parallel offsets stay parallel. The *explained variance ratio* says how much of the total spread
# the kept directions hold; the rest is thrown away.

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
plot_word_groups(P, shown_groups, words, ax=ax)
ax.set_xlabel(f"PC1 ({ratios[0]:.0%} of the variance)")
ax.set_ylabel(f"PC2 ({ratios[1]:.0%} of the variance)")
ax.set_title("PCA of the word groups")
plt.show()

# %% [markdown]
# Two directions hold only the share of the variance printed above, so groups that are well apart in the full
# space can overlap in this picture. What PCA does keep is *linear structure*. Fitted on the two `PAIRED`
# groups only (a verb and its past form, by default), the arrows from each word to its partner show whether
# the relation is a shared direction. The cell also measures it: the cosine of each pair's offset with the
# mean offset, in the full space (not in the picture), next to two kinds of chance.

# %%
def offset_agreement(a_rows, b_rows):
    """Cosine of each pair's offset (b - a, as a unit vector) with the mean offset."""
    offsets = w2vlib.normalize(b_rows - a_rows)
    mean_offset = w2vlib.normalize(offsets.mean(axis=0, keepdims=True))[0]
    return offsets @ mean_offset

if PAIRED and all(g in GROUPS for g in PAIRED):
    first, second = GROUPS[PAIRED[0]].split(), GROUPS[PAIRED[1]].split()
    assert len(first) == len(second), f"PAIRED groups must pair up word by word: {len(first)} and {len(second)} words"
    assert len(first) >= 3, "PAIRED groups need at least 3 pairs to compare with chance"
    V2 = PCA(n_components=2).fit(Wn[[wv.key_to_index[w] for w in first + second]])
    A = V2.transform(Wn[[wv.key_to_index[w] for w in first]])
    B = V2.transform(Wn[[wv.key_to_index[w] for w in second]])
    fig, ax = plt.subplots(figsize=(8, 5))
    plot_word_groups(np.vstack([A, B]), [SHOWN.get(PAIRED[0], PAIRED[0])] * len(first) + [SHOWN.get(PAIRED[1], PAIRED[1])] * len(second), first + second,
                     ax=ax, fontsize=9)
    for a, b in zip(A, B):
        ax.annotate("", xy=b, xytext=a, arrowprops=dict(arrowstyle="->", color="gray", alpha=0.6))
    ax.set_xlabel("PC1")
    ax.set_ylabel("PC2")
    ax.set_title(f"{SHOWN.get(PAIRED[0], PAIRED[0])} → {SHOWN.get(PAIRED[1], PAIRED[1])}, PCA of these {2 * len(first)} words")
    plt.show()
    Wa, Wb = Wn[[wv.key_to_index[w] for w in first]], Wn[[wv.key_to_index[w] for w in second]]
    agree = offset_agreement(Wa, Wb)
    n_pairs = len(first)
    # chance 1: n offsets in random directions (no shared direction at all), 2000 draws
    R = np.random.default_rng(SEED).standard_normal((2000, n_pairs, X.shape[1]))
    R /= np.linalg.norm(R, axis=-1, keepdims=True)
    M = R.mean(axis=1)
    M /= np.linalg.norm(M, axis=-1, keepdims=True)
    random_dirs = np.einsum("dnh,dh->dn", R, M).mean(axis=1)
    # chance 2: the same words wrongly paired (each word with a partner not its own: 5,000 random pairings)
    perm_rng = np.random.default_rng(SEED)
    perms = []
    while len(perms) < 5000:  # random derangements: no word keeps its own partner
        p = perm_rng.permutation(n_pairs)
        if np.all(p != np.arange(n_pairs)):
            perms.append(p)
    wrong_pairs = np.array([offset_agreement(Wa, Wb[p]).mean() for p in perms])
    p_value = (1 + np.sum(wrong_pairs >= np.mean(agree))) / (1 + len(wrong_pairs))
    print(f"cosine of each pair's offset with the mean offset: mean {np.mean(agree):.3f}, min {agree.min():.3f}")
    print(f"chance, {n_pairs} offsets in random directions: {random_dirs.mean():.3f} ± {random_dirs.std(ddof=1):.3f} "
          f"(1/√{n_pairs} = {1 / np.sqrt(n_pairs):.3f})")
    print(f"the same words wrongly paired ({len(wrong_pairs):,} random pairings, no word with its partner): "
          f"{wrong_pairs.mean():.3f} ± {wrong_pairs.std(ddof=1):.3f}, max {wrong_pairs.max():.3f}")
    n_as_good = int(np.sum(wrong_pairs >= np.mean(agree)))
    print(f"wrong pairings that agree at least as well as the true pairs: {n_as_good:,} of {len(wrong_pairs):,}; "
          f"p-value (1 + {n_as_good}) / (1 + {len(wrong_pairs):,}) = {p_value:.4f}")
else:
    print(f"PAIRED = {PAIRED!r} does not name two groups of GROUPS: this picture is skipped")

# %% [markdown]
# If every offset were the same vector, every cosine with the mean offset would be 1. Offsets in random
# directions would not give 0: the mean of n unit vectors leans towards each of them, and its cosine with each
# is about 1/√n (0.32 for n = 10), which the cell simulates. A high number can also come from the two groups
# alone: past forms sit in one region and base forms in another, so *any* arrow from a verb to a past form
# points roughly the same way. The wrongly paired words measure that part: the cell counts the random
# pairings (each word with someone else's partner) that agree at least as well as the true pairs. The p-value
# is that count plus 1 over their number plus 1 (the usual +1 counts the true pairing itself), so it cannot go
# below 1/(N + 1) for N pairings: when the count is 0 it is that floor. The next cell checks the first
# comparison and says what the second one shows; only what the true pairs add beyond wrong pairs belongs to
# the relation itself, which is what analogies like `take:took = go:?` (notebook 06) rely on.

# %%
if PAIRED and all(g in GROUPS for g in PAIRED):
    assert np.mean(agree) > random_dirs.mean() + 3 * random_dirs.std(ddof=1), (
        "the offsets should share a direction beyond chance; with few EPOCHS the vectors have learned little: "
        "train longer (notebook 05 uses 10)")
    print("check passed: the offsets share a direction, more than 3 standard deviations above random directions")
    if p_value < 0.01:
        print("the true pairs also agree more than wrongly paired words: part of the shared direction belongs to "
              "the pairs, the rest is the gap between the two groups")
    else:
        print("but wrongly paired words agree about as well: the shared direction is mostly the gap between the "
              "two groups, not a relation between partners")

# %% [markdown]
# ## 3. t-SNE: neighbourhoods first
#
# t-SNE places the points in 2-D so that each point's *neighbours* stay its neighbours. It turns the distances
# between the words into neighbour probabilities (a Gaussian around each word, whose width is set so that its
# *perplexity*, an effective number of neighbours, is `PERPLEXITY`), gives the 2-D points neighbour
# probabilities from a heavier-tailed Student-t curve, and moves the points until the two sets of probabilities
# match (it minimises their Kullback-Leibler divergence). It does not try to keep large distances, so the
# distance between two clusters, the size of a cluster and the axes mean nothing.
#
# We use scikit-learn's exact method and start from the PCA picture (`init="pca"`), so there is no random
# start: the same code gives the same picture on the same computer. With `init="pca"` the only step that could
# use `random_state` is that PCA. Our array of words is small, so scikit-learn's PCA (`svd_solver="auto"`)
# computes an exact, non-random SVD and `random_state` changes nothing (the line under the figure checks it
# with two seeds). It matters with `init="random"` (exercise 3), and for larger arrays: one with a side above
# 500 (600 words of 100 numbers each, say) gets a randomized SVD, which takes its seed from `random_state`,
# unless it is at least ten times taller than wide (with at most 1,000 columns) or we ask for 80% or more of its
# components. The same code does not give the same picture on every computer, though. Processors run different
# floating-point kernels, so the PCA start, the distances and the sums of every step differ in the last bits,
# and t-SNE's optimisation amplifies such differences; section 4 measures by how much.
#
# **Predict before you read on** (exercise 3 asks it): if t-SNE starts twice from *random* starts, how many of a
# word's `NEIGHBOURS` nearest neighbours in one picture will also be its neighbours in the other? All, most,
# about as many as chance (a share of about `NEIGHBOURS`/(number of words − 1)), or none? Write your answer down.

# %%
def tsne(points, perplexity, init="pca"):
    return TSNE(n_components=2, perplexity=perplexity, init=init, method="exact",
                random_state=SEED).fit_transform(points)

T = tsne(X, PERPLEXITY)
same_start = np.array_equal(PCA(n_components=2, random_state=SEED).fit_transform(X),
                            PCA(n_components=2, random_state=SEED + 1).fit_transform(X))
fig, ax = plt.subplots(figsize=(10, 7))
plot_word_groups(T, shown_groups, words, ax=ax)
ax.set_xlabel("t-SNE 1 (no unit)")
ax.set_ylabel("t-SNE 2 (no unit)")
ax.set_title(f"t-SNE of the word groups (perplexity {PERPLEXITY})")
plt.show()
print("the PCA start with random_state SEED and SEED + 1: " + (
    "identical (an exact SVD), so random_state does not change this picture" if same_start else
    "different (a randomized SVD for this many words), so random_state changes this picture"))

# %% [markdown]
# ## 4. What each picture keeps, measured
#
# Three numbers compare each 2-D picture with the original `HIDDEN_SIZE`-dimensional space:
#
# - **trustworthiness** (scikit-learn): 1 when the `NEIGHBOURS` nearest points of every word in the picture
#   were also near it in the original space;
# - **same-group nearest neighbour**: how often a word's nearest point belongs to its own group;
# - **rank correlation of distances**: the Spearman correlation between all pairwise distances in the original space
#   and in the picture (do far things stay far?).
#
# Each number comes with what chance gives and with its noise:
#
# - **chance**: the same points placed at random (the rows of the PCA picture shuffled, 20 times);
# - **noise**: t-SNE run again `TSNE_RUNS` times from its PCA start nudged by one part in a million, then cast
#   back to float32, so that these runs are the same computation as the picture above. scikit-learn computes
#   this t-SNE mostly in float32: our vectors are float32, it rounds the distances between them to float32
#   before it turns them into neighbour probabilities, and with `init="pca"` the start, the points, their
#   gradients and every update are float32 too. Rounding differences between two processors are then about
#   1e-7 relative, and a nudge of one part in a million is about ten of them. The spread of these runs (the
#   table counts the picture's own start among them) is the noise of every t-SNE number.
# - **a smaller nudge**: a nudge of 1e-15 cannot be stored in float32. So the `TINY_RUNS` runs start from
#   float64 arrays, and the optimiser then works in float64: a different computation from the picture's (the
#   table labels the row), but with the same chaos: their pictures end far apart (the check cell tests it), and
#   their numbers spread too; compare the two rows.
#
# That noise is also why the tests do not compare the next cell's output (it is tagged
# `nbval-ignore-output`: on another processor its t-SNE digits differ). The cell after it checks what the text
# claims, with margins.

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
start = PCA(n_components=2, random_state=SEED).fit_transform(X)  # the same PCA as TSNE's init="pca"
start = start.astype(np.float32)  # as scikit-learn's init="pca" does: float32, then PC1 scaled to std 1e-4
start = start / start[:, 0].std() * 1e-4
nudged = [tsne(X, PERPLEXITY, init=(start * (1 + 1e-6 * rng.standard_normal(start.shape))).astype(np.float32))
          for _ in range(TSNE_RUNS)]  # cast back to float32: the same computation as the picture above
# a nudge of 1e-15 would vanish in float32, so these starts stay float64 (and so does their optimisation)
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

rows = [["original"] + cells([scores["original"]]), ["PCA"] + cells([scores["PCA"]]),
        ["t-SNE (the picture above)"] + cells([scores["t-SNE"]])]
if TSNE_RUNS:
    rows.append([f"t-SNE, {len(tsne_runs)} starts, 1e-6 (mean ± sd (min–max))"] + cells(tsne_runs))
if TINY_RUNS > 1:
    rows.append([f"t-SNE, {len(tiny_runs)} starts, 1e-15 (float64)"] + cells(tiny_runs))
rows.append(["chance: random placement"] + cells(chance_runs))
print(format_table(["space", "trustworthiness", "same-group NN", "rank corr. of distances"], rows, align="<>>>"))
in_words = [round((r["group"] - scores["original"]["group"]) * len(words)) for r in tsne_runs]  # gaps, in words
signed = lambda v: f"{v:+d}" if v else "0"  # "+3", "-2", and a plain "0"
print(f"same-group NN, t-SNE minus original, in words out of {len(words)}: the picture {signed(in_words[0])}, "
      f"the {len(tsne_runs)} starts of the 1e-6 row {signed(min(in_words))} to {signed(max(in_words))}")
print("compared with 0: " + (
    "every run is above the original, a lead beyond t-SNE's own noise" if min(in_words) > 0 else
    "every run is below the original, a loss beyond t-SNE's own noise" if max(in_words) < 0 else
    "the range includes 0, so t-SNE's lead (or loss) is within its own noise"))
corr_tsne = [r["corr"] for r in tsne_runs]
print("rank correlation of distances: " + (
    "PCA keeps far things far better than every t-SNE run" if scores["PCA"]["corr"] > max(corr_tsne) + 0.02 else
    "every t-SNE run keeps far things far better than PCA" if scores["PCA"]["corr"] < min(corr_tsne) - 0.02 else
    "neither keeps the global layout clearly better on these words (PCA's value is within 0.02 of the t-SNE runs' range)"))

# %%
chance = {k: float(np.mean([r[k] for r in chance_runs])) for k in ("trust", "group")}
assert scores["original"]["group"] > chance["group"] + 0.1, (
    "groups should be clustered in the original space: are the words of each group related?")
for name, runs in [("PCA", [scores["PCA"]]), ("t-SNE", tsne_runs)]:
    assert min(r["trust"] for r in runs) > chance["trust"] + 0.1, (
        f"{name} should keep neighbourhoods far better than a random placement")
print("check passed: the groups are clustered in the full space, and both pictures keep neighbourhoods far better "
      "than a random placement")
if TINY_RUNS > 1:
    apart = max(float(np.abs(Y - tiny[0]).max()) for Y in tiny[1:])
    assert apart > 1, "starts 1e-15 apart should end in different pictures: t-SNE's optimisation is chaotic"
    print("the runs whose starts differ by 1e-15 end in different pictures (coordinates more than 1 apart): "
          "t-SNE's optimisation is chaotic")
trust_tsne = [r["trust"] for r in tsne_runs + tiny_runs]
if min(trust_tsne) > scores["PCA"]["trust"] + 0.02:
    print("t-SNE keeps neighbourhoods better than PCA in every run (trustworthiness)")
else:
    print("PCA keeps neighbourhoods better than t-SNE here" if max(trust_tsne) < scores["PCA"]["trust"] - 0.02
          else "t-SNE and PCA keep neighbourhoods about equally well here")
    if PERPLEXITY > (len(words) - 1) / 3:
        print(f"PERPLEXITY = {PERPLEXITY} is large for {len(words)} words: each word's neighbourhood then takes in "
              f"a third or more of all words, so t-SNE sees mostly the global layout. Lower it (try "
              f"{max(2, len(words) // 5)}) and re-run.")
    elif scores["PCA"]["trust"] >= 0.85:
        print(f"With {len(words)} words in {len(GROUPS)} groups, two PCA directions already keep most "
              f"neighbourhoods (trustworthiness {scores['PCA']['trust']:.2f}). t-SNE pays off when the words need "
              "more than two directions: add groups and re-run.")
    else:
        print("t-SNE's result depends on its settings here: compare the perplexities below, or add words.")

# %% [markdown]
# Compare the rows. The first row is the reference: its trustworthiness and rank correlation are 1 by
# definition (the space compared with itself), and its same-group value is how often a word's nearest neighbour
# in the full space is in its own group. A t-SNE picture can score *above* that value: t-SNE pulls each cluster together and pushes clusters
# apart, so a word that sat between two groups can land inside its own. The first line under the table counts the gap
# in words, for the picture and for its nudged starts, and the next line compares that range with 0: only if every
# run is above the original has t-SNE pulled words into their own groups beyond its own noise; if the range
# includes 0, the gap is noise. A good picture for *groups* keeps that rate and a high trustworthiness; a good picture for
# *distances* keeps a high rank correlation of distances; the last row is what a picture with no information gets. The
# ± of the 1e-6 row says how much t-SNE's numbers move when its start moves by about ten rounding steps: differences
# smaller than that mean nothing. t-SNE is built to keep neighbourhoods, and the check cell says whether it kept them
# better than PCA on these words. One might expect PCA to keep the global layout instead, since its distances
# are a projection of the true ones; but with two directions out of many it throws most of the spread away,
# and the last line of the table cell says how the two compare on distances here. Neither picture is a map of
# the space.
#
# ### t-SNE's picture depends on its settings
#
# The same points with a small and a large perplexity:

# %% tags=["nbval-ignore-output"]
perps = sorted({min(p, len(words) - 1) for p in PERPLEXITIES})
fig, axes = plt.subplots(1, len(perps), figsize=(12, 5), squeeze=False)
perp_trust = []
for ax, perp in zip(axes[0], perps):
    Y = tsne(X, perp)
    perp_trust.append(trustworthiness(X, Y, n_neighbors=NEIGHBOURS))
    plot_word_groups(Y, shown_groups, ax=ax)
    if ax is not axes[0][-1]:
        ax.get_legend().remove()
    ax.set_title(f"perplexity {perp}: trustworthiness {perp_trust[-1]:.3f}")
    ax.set_xlabel("t-SNE 1 (no unit)")
    ax.set_ylabel("t-SNE 2 (no unit)")
plt.show()
if len(perps) > 1:
    gap = round(max(perp_trust), 3) - round(min(perp_trust), 3)  # of the values in the titles
    if len(tsne_runs) > 1:
        run_trust = [r["trust"] for r in tsne_runs]
        sd = float(np.std(run_trust, ddof=1))
        sd_diff = np.sqrt(2) * sd  # the sd of a difference of two independent runs
        print(f"trustworthiness, largest minus smallest of these pictures: {gap:.3f}; the {len(tsne_runs)} t-SNE runs "
              f"of section 4 (perplexity {PERPLEXITY}) spread ± {sd:.3f} ({min(run_trust):.3f}–{max(run_trust):.3f}), "
              f"so a difference of two runs spreads ± {sd_diff:.3f} (√2 × {sd:.3f}): "
              + ("within two sd of that difference, so not a ranking" if gap <= 2 * sd_diff else
                 "more than two sd of that difference (a guide only: it was measured at another perplexity)"))
    else:
        print(f"trustworthiness, largest minus smallest of these pictures: {gap:.3f}; no spread to compare it with "
              "(TSNE_RUNS = 0): set TSNE_RUNS and re-run section 4")

# %% [markdown]
# Clusters change size and move; gaps between groups appear and vanish. Read a t-SNE picture for "who is next
# to whom", never for "how far" or "how big". Nor read the two trustworthiness values as a ranking: the line
# under the figures compares their difference with the noise of a difference of two t-SNE runs: √2 times the
# sd of the runs of section 4, because the variances of two independent runs add (measured at `PERPLEXITY`, so
# only a guide); a difference within two of those sd means nothing. Its digits, like the table's,
# depend on the processor, so the tests do not compare that cell's output.
#
# ## 5. Export: the Embedding Projector and the word2vec text format
#
# Two plain-text formats let other tools use our vectors:
#
# - **Embedding Projector** (https://projector.tensorflow.org): `vectors.tsv` (one vector per line, numbers
#   separated by tabs) and `metadata.tsv` (one word per line). The projector reads a first metadata line as
#   column names only when it contains a tab, so a single column has **no header**. Click *Load*, choose the
#   two files, and explore PCA, t-SNE and UMAP interactively, with search.
# - **word2vec text format**: the format word2vec.c writes with `-binary 0`, a first line `V H`, then
#   `word v1 ... vH` per line. gensim reads it with `KeyedVectors.load_word2vec_format`.
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
# neighbours as `w2vlib`, with the same call, `most_similar("year", topn=5)`. The cell's output depends on
# whether gensim is installed, so the tests do not compare it; the cell after it checks the claim.

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
else:
    print("skipped: gensim is not installed, so nothing was checked")


# %% [markdown]
# ## Summary
#
# - A 2-D picture of high-dimensional embeddings (임베딩) always throws information away; measure what it kept,
#   and compare with what chance gives (dimensionality reduction, 차원 감소).
# - **PCA** is a linear projection, the SVD of the centred vectors: the explained-variance numbers say how
#   little two directions hold. It keeps linear structure, such as the offsets from a verb to its past form.
#   Those offsets share a direction well beyond random directions (about 1/√n), but much of it is the gap
#   between the two groups, so compare with wrongly paired words before calling them parallel; what the true
#   pairs add is the structure behind analogies (유추).
# - **t-SNE** keeps each word's neighbours, the property of the distributed representation (분산 표현) that
#   nearest-neighbour queries rely on; it does not keep the offsets that analogies use, and distances between clusters, cluster sizes and axes carry no meaning. The picture changes with the
#   perplexity, and even with the last bits of its start (another processor): report its numbers with their
#   spread, and check claims about it with margins.
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
q1.check(answer_1, X=X, groups=groups, shown=SHOWN)
# q1.hint()
# q1.solution()

# %% [markdown]
# **2. How many directions?** How many PCA components are needed to keep half of the variance of the whole
# vocabulary's unit vectors `Wn`? Compute it from `PCA().fit(Wn).explained_variance_ratio_`.

# %%
answer_2 = ...  # a whole number
q2.check(answer_2, Wn=Wn, W=W)

# %% [markdown]
# **3. Two random starts.** You wrote down a prediction in section 3; now measure it. Run
# `TSNE(n_components=2, perplexity=PERPLEXITY, init="random", method="exact", random_state=s)` on `X` with two
# different seeds `s`. For each word, how many of its `NEIGHBOURS` nearest neighbours in the first picture are
# also among its nearest neighbours in the second?
#
# - **a** all of them: from any start t-SNE finds exactly the same neighbourhoods;
# - **b** far more than chance, but not all: the two pictures share most neighbourhoods, though the clusters
#   sit in other places, rotated or mirrored;
# - **c** about as many as two random placements would share: about `NEIGHBOURS`²/(n − 1) of them for n words
#   (`NEIGHBOURS**2 / (len(words) - 1)` computes it), by chance;
# - **d** none: with a random start the clusters dissolve.
#
# Answer with the letter you predicted, run the two t-SNEs and pass both pictures: the check measures them, so
# it tells you whether your prediction holds.

# %%
answer_3 = ...  # "a", "b", "c" or "d"
Y1 = ...        # your first picture, the output of TSNE(...).fit_transform(X)
Y2 = ...        # your second picture, with another random_state
q3.check(answer_3, X=X, Y1=Y1, Y2=Y2, k=NEIGHBOURS)

# %% [markdown]
# **Sources** (checked for this notebook): the book's code (oreilly-japan/deep-learning-from-scratch-2:
# `ch02/count_method_small.py` reduces the PPMI matrix of its toy sentence with `np.linalg.svd` and plots
# `U[:, 0]`, `U[:, 1]` for its 7 words; `ch02/count_method_big.py` computes PTB's SVD and plots nothing;
# `ch04/eval.py` plots nothing); scikit-learn 1.9 (`sklearn/manifold/_t_sne.py`: `TSNE` with `init="pca"` casts
# the PCA picture to float32 and scales it to a standard deviation of 1e-4, `_joint_probabilities` rounds the
# distances to float32, `_gradient_descent` and `_kl_divergence` keep the dtype of the start, `method="exact"`,
# the perplexity must be below the number of samples, a Student-t with one degree of freedom in 2-D, the
# Kullback-Leibler cost; `trustworthiness`; `sklearn/decomposition/_pca.py`: the `svd_solver="auto"` rule, and
# `random_state` used only by the truncated solvers, arpack and randomized); the Embedding Projector
# (tensorflow/tensorboard `vz_projector/data-provider.ts`: `parseTensors` splits lines at tabs, `parseMetadata`
# takes a header only when the first line has a tab; `vz_projector/data.ts`: `projectPCA`, `projectTSNE` and
# `projectUmap`, whose UMAP is the npm package umap-js, `import {UMAP} from 'umap-js'`); word2vec.c
# (tmikolov/word2vec `word2vec.c`: the text output, `V H` then `word v1 ... vH`); gensim 4
# (`gensim/models/keyedvectors.py`: `KeyedVectors.load_word2vec_format`, `most_similar`).
#
# [Next: 08 Transfer learning](08_transfer_learning.ipynb)
