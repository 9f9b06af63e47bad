"""Exercises of notebook 04 (negative sampling)."""
from __future__ import annotations

import numpy as np

from ..layers import sigmoid
from ..negative_sampling import NegativeSamplingLoss
from . import Exercise, NotYet

# ---- 1. how much more often is "the" drawn than the rarest word? -----------------------------------------


def _ratio(counts, the, power):
    counts = np.asarray(counts, dtype=np.float64)
    rarest = counts[counts > 0].min()
    return float((counts[the] / rarest) ** power)


def _check_ratio(answer, counts=None, the=None, power=0.75):
    if counts is None or the is None:
        raise NotYet("pass the context: q1.check(answer_1, counts=counts, the=word_to_id['the'], power=POWER)")
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet("give one number, a ratio of two probabilities")
    want = _ratio(counts, the, power)
    close = lambda x: abs(got - x) <= 0.01 * abs(x)
    if close(want):
        return f"{want:,.1f}x at POWER = {power:g}"
    if close(_ratio(counts, the, 1.0)):
        raise NotYet("that is the ratio of the raw unigram probabilities; raise the counts to POWER first")
    if close(1 / want):
        raise NotYet("upside down: how many times *more* often is 'the' drawn than the rarest word?")
    if power != 0.75 and close(_ratio(counts, the, 0.75)):
        raise NotYet(f"that is for the power 0.75; your POWER knob is {power:g}")
    raise NotYet("p^POWER(w) is count(w)**POWER / sum, and the sum cancels in the ratio")


# ---- 2. how often would "the" spoil its own example? ------------------------------------------------------


def _spoil(word_p, the, k):
    return float(1 - (1 - word_p[the]) ** k)


def _check_spoil(answer, word_p=None, the=None, k=5, raw_p=None):
    if word_p is None or the is None:
        raise NotYet("pass the context: q2.check(answer_2, word_p=sampler.word_p, the=word_to_id['the'], "
                     "k=SAMPLE_SIZE)")
    try:
        got = float(answer)
    except (TypeError, ValueError):
        raise NotYet("give one probability, a number between 0 and 1")
    want = _spoil(word_p, the, k)
    q = float(word_p[the])
    close = lambda x: abs(got - x) <= max(1e-4, 0.002 * abs(x))
    if close(want):
        return f"{want:.2%} with k = {k} and your POWER"
    if raw_p is not None and close(_spoil(raw_p, the, k)):
        raise NotYet("that uses the raw unigram p; the sampler draws from p^POWER (p_pow)")
    if close(k * q):
        raise NotYet("k q is the expected number of draws of 'the', not the probability of at least one")
    if close(1 - want):
        raise NotYet("that is the probability that none of the k draws is 'the'; you want at least one")
    if k != 5 and close(_spoil(word_p, the, 5)):
        raise NotYet(f"that is for k = 5; your SAMPLE_SIZE knob is {k}")
    if close(q):
        raise NotYet("that is one draw; there are k of them")
    raise NotYet("1 - P(none of the k draws is 'the'), and one draw misses 'the' with probability 1 - q")


# ---- 3. derive the negative-sampling gradients (a paper derivation) -------------------------------------


def _ref_ns_grads(h, rows, labels):
    """dL/dh and dL/drows for L = sum_i BCE(sigmoid(rows[i] . h), labels[i]) (one target, k negatives)."""
    g = sigmoid(rows @ h) - labels          # (k+1,): y_i - t_i
    return g @ rows, g[:, None] * h[None, :]


def _layered(h, W, target, negatives, dtype):
    """dL/dh and dL/dW_out of NegativeSamplingLoss for one example (batch 1), from the layers' backward."""
    W = W.astype(dtype)
    layer = NegativeSamplingLoss(W, sampler=_FixedSampler(W.shape[0], len(negatives)))
    layer.forward(h[None, :].astype(dtype), np.array([target]), np.array([negatives]))
    dh = np.asarray(layer.backward(), dtype=np.float64)[0]
    return dh, np.array(layer.grads[0], dtype=np.float64)


class _FixedSampler:
    """The minimum NegativeSamplingLoss needs when the negatives are injected."""

    def __init__(self, vocab_size, sample_size):
        self.vocab_size, self.sample_size = vocab_size, sample_size


def _cases():
    rng = np.random.default_rng(4)
    V, H = 8, 5
    yield "random ids", rng, V, H, 3, [5, 1, 6, 2, 7]
    yield "a negative drawn twice", rng, V, H, 0, [4, 4, 2]
    yield "a negative equal to the target", rng, V, H, 6, [6, 1, 3, 6]
    yield "k = 1", rng, V, H, 2, [5]


def _check_ns_grads(fn):
    dtype = np.float64                                      # float64 layers: a tight tolerance
    tol = 1e-10
    for case, rng, V, H, target, negatives in _cases():
        W = rng.standard_normal((V, H))
        h = rng.standard_normal(H)
        idx = np.array([target] + list(negatives))
        labels = np.array([1.0] + [0.0] * len(negatives))
        want_dh, want_dW = _layered(h, W, target, negatives, dtype)
        out = fn(h.copy(), W[idx].copy(), labels.copy())
        try:
            dh, drows = (np.asarray(a, dtype=np.float64) for a in out)
        except (TypeError, ValueError):
            raise NotYet("return a pair (dh, drows): dh of shape (H,), drows of shape (k + 1, H)")
        if dh.shape != (H,) or drows.shape != (len(idx), H):
            raise NotYet(f"shapes: dh should be {(H,)}, drows {(len(idx), H)}; got {dh.shape} and {drows.shape}")
        dW = np.zeros((V, H))
        np.add.at(dW, idx, drows)                        # rows of the same word add up
        scale = max(np.abs(want_dh).max(), np.abs(want_dW).max())
        err_h = np.abs(dh - want_dh).max() / scale
        err_W = np.abs(dW - want_dW).max() / scale
        if max(err_h, err_W) <= tol:
            continue
        ref_dh, ref_drows = _ref_ns_grads(h, W[idx], labels)
        ys = sigmoid(W[idx] @ h)
        if np.allclose(dh, -ref_dh) and np.allclose(drows, -ref_drows):
            raise NotYet("the sign is flipped: row i's factor is sigmoid(s_i) - t_i (prediction minus label)")
        if np.allclose(drows, ys[:, None] * h[None, :]):
            raise NotYet("the labels are missing: the target (t = 1) has the factor sigmoid(s) - 1, "
                         "the negatives (t = 0) sigmoid(s)")
        if np.allclose(dh, (ys[0] - 1) * W[idx[0]]):
            raise NotYet("dh misses the negatives: every one of the k + 1 rows sends (sigmoid(s_i) - t_i) w_i to h")
        if err_h <= tol:
            raise NotYet(f"dh is right but dW_out is not ({case}): row i gets (sigmoid(s_i) - t_i) h")
        if err_W <= tol:
            raise NotYet(f"dW_out is right but dh is not ({case}): dh = sum_i (sigmoid(s_i) - t_i) w_i")
        raise NotYet(f"both differ from NegativeSamplingLoss.backward ({case}); start from "
                     "L = -log σ(w_t·h) - Σ_j log σ(-w_j·h)")
    return f"equal to the layered backward within {tol:g} (float64), repeated ids and a target among the negatives included"


# ---- 4. predict how the step's cost scales with V and with k, then measure -------------------------------


def measured_slopes(steps, k_times):
    """Log-log slopes of the negative-sampling step: against V (``steps``, the section 5 table) and
    against k + 1 (``k_times``: k -> seconds)."""
    Vs = np.array([s["V"] for s in steps], dtype=float)
    ks = np.array(sorted(k_times), dtype=float)
    return {"V": float(np.polyfit(np.log(Vs), np.log([s["negative sampling"] for s in steps]), 1)[0]),
            "k": float(np.polyfit(np.log(ks + 1), np.log([k_times[int(k)] for k in ks]), 1)[0])}


def _check_slopes(answer, steps=None, k_times=None, tolerance=0.5):
    if not isinstance(answer, dict) or set(answer) != {"V", "k"}:
        raise NotYet("give a dict {'V': slope, 'k': slope}: how the step's time grows with V and with k + 1 "
                     "(0 = flat, 1 = proportional)")
    if steps is None or k_times is None:
        raise NotYet("pass the measurements: q4.check(prediction, steps=steps, k_times=k_times)")
    Vs, ks = [s["V"] for s in steps], sorted(k_times)
    if len(Vs) < 2 or max(Vs) < 10 * min(Vs):
        raise NotYet("the V slope needs V over at least a 10x range: change VOCAB_SIZES and re-run")
    if len(ks) < 2 or ks[-1] + 1 < 3 * (ks[0] + 1):
        raise NotYet("the k slope needs k + 1 over at least a 3x range: change K_VALUES and re-run")
    slopes = measured_slopes(steps, k_times)
    why = {"V": "Each step touches BATCH x (k + 1) rows of W_out, whatever V is.",
           "k": "Each of the k + 1 EmbeddingDot + SigmoidWithLoss pairs costs about the same."}
    for name in ("V", "k"):
        pred = float(answer[name])
        if abs(pred - slopes[name]) > tolerance:
            raise NotYet(f"against {name}: you predicted slope {pred:g}, the measured slope is "
                         f"{slopes[name]:.2f}. {why[name]}")
    return f"measured slopes: V {slopes['V']:.2f}, k + 1 {slopes['k']:.2f}"


EXERCISES = [
    Exercise(
        name="Exercise 1 ('the' against the rarest word)",
        checker=_check_ratio,
        solution_text="(counts[the] / counts[counts > 0].min()) ** POWER: the normalising sum cancels in the "
                      "ratio, so only the two counts and the power matter.",
        hint_text="Write both probabilities as count**POWER / sum and divide one by the other.",
        reference=lambda counts=None, the=None, power=0.75, **ctx: _ratio(counts, the, power),
    ),
    Exercise(
        name="Exercise 2 (how often would 'the' spoil its own example?)",
        checker=_check_spoil,
        solution_text="q = p_pow[word_to_id['the']]; answer_2 = 1 - (1 - q) ** SAMPLE_SIZE: one draw misses "
                      "'the' with probability 1 - q, all k independent draws miss it with (1 - q)^k.",
        hint_text="Compute the probability that all k draws miss 'the', then take the complement.",
        reference=lambda word_p=None, the=None, k=5, **ctx: _spoil(word_p, the, k),
    ),
    Exercise(
        name="Exercise 3 (derive the negative-sampling gradients)",
        checker=_check_ns_grads,
        solution_text="""def ns_grads(h, rows, labels):
    g = sigmoid(rows @ h) - labels        # (k+1,): y_i - t_i for the target (t = 1) and the k negatives (t = 0)
    dh = g @ rows                         # dL/dh = sum_i (y_i - t_i) w_i
    drows = g[:, None] * h[None, :]       # dL/dw_i = (y_i - t_i) h
    return dh, drows

On paper: L = -log σ(w_0·h) - Σ_{j=1..k} log σ(-w_j·h). With s_i = w_i·h and dBCE/ds = σ(s) - t,
dL/dh = Σ_i (σ(s_i) - t_i) w_i and dL/dw_i = (σ(s_i) - t_i) h. Rows of the same word (a negative drawn
twice, or equal to the target) add up in dL/dW_out: np.add.at(dW, idx, drows).""",
        hint_text="Each of the k + 1 rows is one sigmoid + binary cross-entropy with the gradient σ(s) - t "
                  "with respect to its score s = w·h. Apply the chain rule through s = w·h.",
        reference=lambda **ctx: _ref_ns_grads,
    ),
    Exercise(
        name="Exercise 4 (predict the slopes, then measure)",
        checker=_check_slopes,
        solution_text="{'V': 0, 'k': 1}: the step touches BATCH x (k + 1) rows whatever V is (flat in V, up to "
                      "cache effects and the sampler's log V search) and runs k + 1 layer pairs (about ∝ k + 1, "
                      "minus the parts that do not depend on k). The check accepts ±0.5.",
        hint_text="Count the rows of W_out one step reads and writes. Does V appear? Does k?",
        reference=lambda **ctx: {"V": 0.0, "k": 1.0},
    ),
]
