"""The exercises of notebooks 01-04: each check accepts the reference, refuses typical wrong answers with
their own reasons, and says "not attempted" for the committed stub. (``pytest -k exercise`` selects these.)"""
import numpy as np
import pytest

import w2vlib.exercises as ex
from w2vlib import notes
from w2vlib.layers import sigmoid


def _stub_function(*args):
    ...


class _StubClass:
    def backward(self, dout):
        ...


class _EmptyStubClass:
    ...


def verdicts(q, answers, **ctx):
    return [q.verdict(a, **ctx) for a in answers]


def assert_correct(q, answer, **ctx):
    v = q.verdict(answer, **ctx)
    assert v.startswith(f"{q.title}: correct"), v


def assert_not_yet(q, answer, reason, **ctx):
    v = q.verdict(answer, **ctx)
    assert v.startswith(f"{q.title}: not yet:") and reason in v, v
    return v


def assert_unattempted(q, stub, **ctx):
    assert q.verdict(stub, **ctx) == f"{q.title}: not attempted"


# ---- notebook 01 ------------------------------------------------------------------------------------------

Q01 = ex.load("01")


def test_exercise_01_1_memory():
    q = Q01[0]
    assert_unattempted(q, ...)
    assert_correct(q, 4000)                 # 100 targets x 10 context words x 1,000,000 x 4 bytes
    assert_correct(q, q.reference())
    reasons = {assert_not_yet(q, 400, "10 context words"), assert_not_yet(q, 8000, "float64"),
               assert_not_yet(q, 1000, "counts numbers"), assert_not_yet(q, 4, "unit"),
               assert_not_yet(q, 800, "2 context words per target"), assert_not_yet(q, 3814.7, "MiB"),
               assert_not_yet(q, 4194.3, "MiB"),
               assert_not_yet(q, 2000, "a window of 5 on each side gives 10")}
    assert len(reasons) == 7
    assert_correct(q, 800, contexts=2)      # the context follows the question's data
    assert_not_yet(q, "lots", "one number")
    assert_not_yet(q, "4000", "one number")  # a number, not a string


def test_exercise_01_2_column_lookup():
    q = Q01[1]
    assert_unattempted(q, _stub_function)
    assert_correct(q, q.reference())
    assert_correct(q, lambda W, ids: np.take(W, ids, axis=1).transpose(*range(1, np.ndim(ids) + 1), 0))
    assert_correct(q, lambda W, ids: np.moveaxis(W[:, ids], 0, -1))
    from w2vlib import convert_one_hot
    assert_not_yet(q, lambda W, ids: convert_one_hot(ids, W.shape[1]) @ W.T, "one-hot product in disguise")
    assert_not_yet(q, lambda W, ids: W[ids], "picks rows of W_out")          # rows of an (H, V) matrix
    assert_not_yet(q, lambda W, ids: W[ids + 100], "raised IndexError")
    assert_not_yet(q, lambda W, ids: W[:, ids], "word axis comes last")
    assert_not_yet(q, lambda W, ids: W[:, ids].T, "shape")                    # right for 1-D ids only
    assert_not_yet(q, lambda W, ids: W.T[np.sort(ids, axis=None)].reshape(np.shape(ids) + (W.shape[0],)),
                   "row k of the result")


def _softmax(s):
    y = np.exp(s - s.max(axis=1, keepdims=True))
    return y / y.sum(axis=1, keepdims=True)


def _onehot(t, v):
    return np.eye(v)[t]


def test_exercise_01_3_dscore():
    q = Q01[2]
    assert_unattempted(q, _stub_function)
    assert_correct(q, q.reference())
    wrong = {
        "sign": lambda s, t: (_onehot(t, s.shape[1]) - _softmax(s)) / len(t),
        "1/N": lambda s, t: _softmax(s) - _onehot(t, s.shape[1]),
        "probabilities": lambda s, t: (s - _onehot(t, s.shape[1])) / len(t),
        "only at the target": lambda s, t: (_softmax(s) - 1) / len(t),
        "raised": lambda s, t: s[t],
    }
    reasons = {name: assert_not_yet(q, fn, name) for name, fn in wrong.items()}
    assert len(set(reasons.values())) == len(wrong)


def test_exercise_01_3_dscore_accepts_float32_at_float32_precision():
    q = Q01[2]
    v = q.verdict(lambda s, t: (_softmax(s.astype(np.float32)) - _onehot(t, s.shape[1])).astype(np.float32) / len(t))
    assert v.startswith(f"{q.title}: correct") and "float32" in v, v
    assert_not_yet(q, lambda s, t: ((_onehot(t, s.shape[1]) - _softmax(s)) / len(t)).astype(np.float32), "sign")


def _measure(slopes, calls=None):
    """A fake timing function: seconds ∝ size**slope for each piece (records the sizes it was called with)."""
    def measure(size):
        if calls is not None:
            calls.append(size)
        return {name: 1e-3 * (size / 1_000) ** a for name, a in slopes.items()}
    return measure


SIZES = [1_000, 10_000, 100_000]


def test_exercise_01_4_slopes_are_judged_before_anything_is_measured():
    q = Q01[3]
    calls = []
    measure = _measure({"one-hot": 0.95, "output": 0.8}, calls)
    assert_unattempted(q, ..., measure=measure, sizes=SIZES)
    assert calls == []                                  # a stub never triggers the measurement
    v = q.verdict(q.reference(), measure=measure, sizes=SIZES)
    assert v.startswith(f"{q.title}: correct: measured log-log slopes: 0.95 for one-hot, 0.80 for output"), v
    assert calls == SIZES
    calls.clear()
    reasons = {assert_not_yet(q, {"one-hot": 0, "output": 1}, "xᵀ @ dout", measure=measure, sizes=SIZES),
               assert_not_yet(q, {"one-hot": 1, "output": 0}, "with respect to the scores", measure=measure, sizes=SIZES)}
    assert len(reasons) == 2 and calls == []            # a wrong prediction is told why, and nothing is measured
    # the precision of the answer: 0.45 is neither flat nor proportional
    assert_not_yet(q, {"one-hot": 0.45, "output": 1}, "the log-log slope of one-hot is not 0.45")
    assert_correct(q, {"one-hot": 0.9, "output": 1.1})
    assert_not_yet(q, [1, 1], "dict")
    assert_not_yet(q, {"one-hot": "one", "output": 1}, "give a number")
    # the lookup is not asked here (notebook 02 shows its backward first)
    assert "lookup" not in q.reference()
    # a measurement far from the theory is reported as noise, not held against the student
    noisy = q.verdict(q.reference(), measure=_measure({"one-hot": 1, "output": 0.3}), sizes=SIZES)
    assert "correct" in noisy and "busy" in noisy
    short = q.verdict(q.reference(), measure=measure, sizes=[1_000, 2_000])
    assert "correct" in short and "10x" in short


# ---- notebook 02 ------------------------------------------------------------------------------------------

Q02 = ex.load("02")


def test_exercise_02_1_predict_the_gradient():
    q = Q02[0]
    assert_unattempted(q, ...)
    assert_correct(q, ([7, 7], [4, 4]))
    assert_correct(q, q.reference())
    a = assert_not_yet(q, ([4, 4], [4, 4]), "sum of its three gradients")
    q_ko = ex.load("02", lang="ko")[0]
    for row in ([1, 1], [2, 2]):                # NumPy does not promise which write survives: any one row is fair
        v = q.verdict(([7, 7], row))
        assert v.startswith(f"{q.title}: correct") and "does not promise" in v and "[4, 4]" in v, v
        v = q_ko.verdict(([7, 7], row))
        assert "정답입니다." in v and "보장하지 않으므로" in v and "아직" not in v, v
    b = assert_not_yet(q, ([7, 7], [3, 3]), "which one")
    c = assert_not_yet(q, ([7, 7], [7, 7]), "does not add")
    assert_not_yet(q, ([4, 4], [7, 7]), "swapped")
    assert len({a, b, c}) == 3
    assert_not_yet(q, 7, "pair")


def test_exercise_02_2_cbow_input_backward():
    q = Q02[1]
    ref = q.reference()
    assert_unattempted(q, _stub_function)
    assert_correct(q, ref)

    def broadcast(contexts, dh, V):
        dW = np.zeros((V, dh.shape[1]))
        np.add.at(dW, contexts, dh[:, None, :] / contexts.shape[1])
        return dW

    def loop(contexts, dh, V):
        dW = np.zeros((V, dh.shape[1]))
        for i, row in enumerate(contexts):
            for w in row:
                dW[w] += dh[i] / len(row)
        return dW

    def no_mean(contexts, dh, V):
        return ref(contexts, dh, V) * contexts.shape[1]

    def buffered(contexts, dh, V):
        dW = np.zeros((V, dh.shape[1]))
        dW[contexts] += np.repeat(dh[:, None, :] / contexts.shape[1], contexts.shape[1], axis=1)
        return dW

    def column_plus_equals(contexts, dh, V):           # the section-4 pitfall, one column at a time
        dW = np.zeros((V, dh.shape[1]))
        for j in range(contexts.shape[1]):
            dW[contexts[:, j]] += dh / contexts.shape[1]
        return dW

    assert_correct(q, broadcast)
    assert_correct(q, loop)
    as32 = lambda contexts, dh, V: ref(contexts, dh, V).astype(np.float32)   # the book's dtype
    assert_correct(q, as32)
    assert "float32 is fine" in q.verdict(as32)
    reasons = {assert_not_yet(q, no_mean, "2 times too large"),
               assert_not_yet(q, buffered, "repeated ids lose rows"),
               assert_not_yet(q, column_plus_equals, "np.add.at(dW, contexts[:, j], dh / C)"),
               assert_not_yet(q, lambda c, dh, V: np.zeros((V, 2)), "shape"),
               assert_not_yet(q, lambda c, dh, V: -ref(c, dh, V), "differs from the reference")}
    assert len(reasons) == 5


def test_exercise_02_3_slopes():
    q = Q02[2]
    calls = []
    measure = _measure({"notes loop": 0.8, "w2vlib": 0.05}, calls)
    assert_unattempted(q, ..., measure=measure, sizes=SIZES)
    assert calls == []
    assert_correct(q, q.reference(), measure=measure, sizes=SIZES)
    assert calls == SIZES
    assert_not_yet(q, {"notes loop": 0, "w2vlib": 0}, "dw[...]=0", measure=measure, sizes=SIZES)
    assert_not_yet(q, {"notes loop": 1, "w2vlib": 1}, "clears only the rows", measure=measure, sizes=SIZES)
    assert_not_yet(q, {"notes loop": 1, "w2vlib": 0.5}, "the log-log slope of w2vlib is not 0.5")
    assert_not_yet(q, {"loop": 1}, "dict")
    assert "SLOPE_VS" in q.verdict(q.reference(), measure=measure, sizes=[1_000, 3_000])


# ---- notebook 03 ------------------------------------------------------------------------------------------

Q03 = ex.load("03")


def _with(base, **methods):
    return type("Attempt", (base,), methods)


def _fixed_init(self, W):
    self.embed = ex.nb03._FixedEmbedding(W)
    self.params = self.embed.params
    self.grads = self.embed.grads
    self.cache = None


def _fixed_init_notes_embedding(self, W):
    self.embed = notes.Embedding(W)
    self.params = self.embed.params
    self.grads = self.embed.grads
    self.cache = None


def _fixed_forward(self, h, idx):
    target_W = self.embed.forward(idx)
    out = np.sum(target_W * h, axis=1)
    self.cache = (h, target_W)
    return out


def test_exercise_03_1_bug_hunt_is_staged():
    q = Q03[0]
    assert_unattempted(q, _EmptyStubClass)
    assert_correct(q, q.reference())
    assert_correct(q, ex.nb03._FixedEmbeddingDot)
    # each stage of the hunt has its own reason
    a = assert_not_yet(q, notes.EmbeddingDot, "check 1 (constructs from W)")
    b = assert_not_yet(q, _with(notes.EmbeddingDot, __init__=_fixed_init), "NameError")
    c = assert_not_yet(q, _with(notes.EmbeddingDot, __init__=_fixed_init_notes_embedding,
                                forward=_fixed_forward), "is W the array")
    assert len({a, b, c}) == 3 and "0 of 5" in a and "3 of 5" in b and "3 of 5" in c
    assert_not_yet(q, notes.EmbeddingDot(np.zeros((2, 2))) if False else object(), "the class itself")


def test_exercise_03_1_hints_for_two_copying_slips():
    q = Q03[0]
    fixed = ex.nb03._FixedEmbeddingDot

    def no_reshape(self, dout):                      # forgot dout.reshape(N, 1)
        h, target_W = self.cache
        self.embed.backward(dout * h)
        return dout * target_W

    assert_not_yet(q, _with(fixed, backward=no_reshape), "reshape it to (N, 1)")

    def kept_embedding(self, W):                     # kept the notes' name Embedding instead of MyEmbedding
        self.embed = Embedding(W)  # noqa: F821
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache = None

    assert_not_yet(q, _with(fixed, __init__=kept_embedding), "use your MyEmbedding")


def test_exercise_03_1_refuses_the_packages_own_layers():
    from w2vlib.layers import Embedding, EmbeddingDot

    q = Q03[0]
    assert_not_yet(q, EmbeddingDot, "w2vlib's own EmbeddingDot")

    class Sub(EmbeddingDot):
        def forward(self, h, idx):
            return super().forward(h, idx)

    assert_not_yet(q, Sub, "w2vlib's own EmbeddingDot")

    def package_embedding_init(self, W):
        self.embed = Embedding(W)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache = None

    assert_not_yet(q, _with(ex.nb03._FixedEmbeddingDot, __init__=package_embedding_init), "notes' Embedding.forward")


def test_exercise_03_1_catches_a_wrong_backward_and_the_grad_typo():
    q = Q03[0]

    def no_accumulate_backward(self, dout):
        h, target_W = self.cache
        dW, = self.grads
        dW[...] = 0
        dW[self.embed.idx] = dout[:, None] * h
        return dout[:, None] * target_W

    def grad_typo_init(self, W):
        _fixed_init(self, W)
        self.grad = self.grads
        del self.grads

    assert_not_yet(q, _with(ex.nb03._FixedEmbeddingDot, backward=no_accumulate_backward), "gradient check fails")
    assert_not_yet(q, _with(ex.nb03._FixedEmbeddingDot, backward=no_accumulate_backward),
                   "dW is wrong while dh is right")
    assert_not_yet(q, _with(ex.nb03._FixedEmbeddingDot, __init__=grad_typo_init), "check 3 (grads is [dW])")
    assert_not_yet(q, _with(ex.nb03._FixedEmbeddingDot, __init__=grad_typo_init), "spelled self.grads")

    def no_clear_backward(self, dout):
        h, target_W = self.cache
        dW, = self.grads
        np.add.at(dW, self.embed.idx, dout[:, None] * h)
        return dout[:, None] * target_W

    assert_not_yet(q, _with(ex.nb03._FixedEmbeddingDot, backward=no_clear_backward), "clear dW before adding")


def test_exercise_03_2_bce():
    q = Q03[1]
    assert_unattempted(q, ...)
    assert_correct(q, 0.6931)
    for at_its_precision in (0.69, 0.693, 0.6931, 0.69315):
        assert_correct(q, at_its_precision)
    assert_not_yet(q, 0.7, "one decimal")                   # right at its precision, too coarse
    assert_not_yet(q, 0.70, "one decimal")
    assert_not_yet(q, 0.68, "close")
    assert_correct(q, q.reference())
    reasons = {assert_not_yet(q, 0.5, "σ(0)"), assert_not_yet(q, -0.6931, "never negative"),
               assert_not_yet(q, 0.3010, "natural logarithm"), assert_not_yet(q, 1, "log₂ 2")}
    assert len(reasons) == 4
    assert_not_yet(q, 1.0, "in bits")


def test_exercise_03_3_gradient_by_hand():
    q = Q03[2]
    x, t = np.array([2.0, -1.0]), np.array([1, 0])
    assert_unattempted(q, ...)
    assert_correct(q, q.reference())
    assert_correct(q, [-0.0596, 0.1345])                      # the solution as it prints it, rounded
    for rounded in ([-0.06, 0.13], [-0.060, 0.134], [-0.0596, 0.134], [-0.05960, 0.13447]):
        assert_correct(q, rounded)                              # right to the digits given
    assert_not_yet(q, [-0.1, 0.1], "at least two decimals")
    assert_not_yet(q, [-0.0596, 0.1347], "close")
    assert_not_yet(q, [-0.1192, 0.2689], "twice too large")   # unscaled and rounded
    reasons = {assert_not_yet(q, sigmoid(x) - t, "twice too large"),
               assert_not_yet(q, (t - sigmoid(x)) / 2, "sign"),
               assert_not_yet(q, (x - t) / 2, "probabilities")}
    assert len(reasons) == 3
    assert_not_yet(q, [1, 2, 3], "one number per score")


# ---- notebook 04 ------------------------------------------------------------------------------------------

Q04 = ex.load("04")
COUNTS = np.array([50, 7, 3, 1, 0, 12])           # "the" = id 0; the rarest seen word has count 1


def test_exercise_04_1_ratio_follows_the_power_knob():
    q = Q04[0]
    for power in (0.75, 0.5):
        ctx = dict(counts=COUNTS, the=0, power=power)
        assert_unattempted(q, ..., **ctx)
        assert_correct(q, 50 ** power, **ctx)
        assert_correct(q, q.reference(**ctx), **ctx)
        a = assert_not_yet(q, 50.0, "raw unigram", **ctx)
        b = assert_not_yet(q, 50 ** -power, "upside down", **ctx)
        assert a != b
    assert_not_yet(q, 50 ** 0.75, "your POWER knob is 0.5", counts=COUNTS, the=0, power=0.5)
    ctx = dict(counts=COUNTS, the=0, power=0.75)              # 50 ** 0.75 = 18.80...
    for rounded in (18.8, 18.80, 19):
        assert_correct(q, rounded, **ctx)
    assert_not_yet(q, 20, "two significant digits", **ctx)
    assert_not_yet(q, 18.7, "close", **ctx)
    assert_not_yet(q, round(50 ** 0.5625, 2), "POWER twice", **ctx)
    assert_not_yet(q, 30.0, "compute (count of 'the' / count of the rarest word) ** POWER", **ctx)
    assert_not_yet(q, 1.0, "pass the context")


def test_exercise_04_2_skips_use_the_student_knobs():
    q = Q04[1]
    raw = COUNTS / COUNTS.sum()
    for power, k in [(0.75, 5), (0.5, 3)]:
        word_p = COUNTS ** power / np.sum(COUNTS ** power)
        ctx = dict(word_p=word_p, the=0, k=k, raw_p=raw)
        want = k * word_p[0]
        assert_unattempted(q, ..., **ctx)
        assert_correct(q, want, **ctx)
        assert_correct(q, q.reference(**ctx), **ctx)
        reasons = {assert_not_yet(q, k * raw[0], "raw unigram", **ctx),
                   assert_not_yet(q, 1 - (1 - word_p[0]) ** k, "at least one draw", **ctx),
                   assert_not_yet(q, k * (1 - word_p[0]), "keeps", **ctx),
                   assert_not_yet(q, word_p[0], "one draw", **ctx)}
        assert len(reasons) == 4
    word_p = COUNTS ** 0.5 / np.sum(COUNTS ** 0.5)
    assert_not_yet(q, 5 * word_p[0], "your SAMPLE_SIZE knob is 3", word_p=word_p, the=0, k=3)
    # one tolerance rule: right to the digits given
    word_p = np.array([0.0853678, 0.9146322])
    ctx = dict(word_p=word_p, the=0, k=2)                   # 2 q = 0.1707356
    for rounded in (0.17, 0.171, 0.1707):
        assert_correct(q, rounded, **ctx)
    assert_not_yet(q, 0.2, "two significant digits", **ctx)
    assert_not_yet(q, 0.1705, "close", **ctx)
    assert_not_yet(q, 2.5, "between 0 and k", **ctx)


def test_exercise_04_3_negative_sampling_derivation():
    q = Q04[2]
    ref = q.reference()
    assert_unattempted(q, _stub_function)
    assert_correct(q, ref)
    assert "float64" in q.verdict(ref)
    as32 = lambda h, rows, labels: tuple(np.asarray(a, dtype=np.float32) for a in ref(h, rows, labels))
    assert_correct(q, as32)                                   # float32 answers: judged at float32 precision
    assert "float32: fine" in q.verdict(as32)
    reasons = {
        assert_not_yet(q, lambda h, rows, labels: tuple(-a for a in ref(h, rows, labels)), "sign"),
        assert_not_yet(q, lambda h, rows, labels: ((sigmoid(rows @ h)) @ rows,
                                                   sigmoid(rows @ h)[:, None] * h[None, :]), "labels are missing"),
        assert_not_yet(q, lambda h, rows, labels: ((sigmoid(rows[0] @ h) - 1) * rows[0],
                                                   ref(h, rows, labels)[1]), "dh misses the negatives"),
        assert_not_yet(q, lambda h, rows, labels: (ref(h, rows, labels)[0], ref(h, rows, labels)[1] * 2),
                       "dh is right but dW_out"),
        # the /N habit of SigmoidWithLoss, applied over the k + 1 rows
        assert_not_yet(q, lambda h, rows, labels: tuple(a / len(rows) for a in ref(h, rows, labels)),
                       "do not divide by k + 1"),
        # labels ignored, every row treated as the target (factor sigmoid(s) - 1)
        assert_not_yet(q, lambda h, rows, labels: ((sigmoid(rows @ h) - 1) @ rows,
                                                   (sigmoid(rows @ h) - 1)[:, None] * h[None, :]),
                       "every row is treated as a target"),
    }
    assert len(reasons) == 6
    assert_not_yet(q, lambda h, rows, labels: ref(h, rows, labels)[0], "pair")


def test_exercise_04_3_catches_an_error_only_in_the_edge_cases():
    # right for distinct rows, but it merges rows by value: wrong when a negative repeats or equals the target
    q = Q04[2]
    ref = q.reference()

    def dedup(h, rows, labels):
        dh, drows = ref(h, rows, labels)
        _, first = np.unique(rows, axis=0, return_index=True)
        keep = np.zeros(len(rows), dtype=bool)
        keep[first] = True
        return dh, drows * keep[:, None]

    v = assert_not_yet(q, dedup, "dW_out")
    assert "a negative drawn twice" in v


def test_exercise_04_4_slope_in_k():
    q = Q04[3]
    calls = []

    def measure(k):
        calls.append(k)
        return {"k + 1": 1e-3 * (k + 1) ** 0.9}

    ks = [2, 5, 10, 20]
    assert_unattempted(q, ..., measure=measure, sizes=ks)
    assert calls == []
    v = q.verdict(q.reference(), measure=measure, sizes=ks)
    assert v.startswith(f"{q.title}: correct: measured log-log slope in k + 1: 0.90"), v
    assert_correct(q, {"k + 1": 1})
    low, high = assert_not_yet(q, 0, "too low"), assert_not_yet(q, 2, "too high")
    assert assert_not_yet(q, 0.5, "the log-log slope in k + 1 is not 0.5") == low.replace("not 0;", "not 0.5;")
    assert_not_yet(q, -1, "more negatives make the step faster")
    assert_not_yet(q, {"k + 1": 1.3}, "too high")
    for v in (low, high):                         # direction only: a wrong guess is never told the answer
        assert "proportion" not in v and "k + 1 is not" in v and " 1 " not in v.split("is not")[1], v
    n = len(calls)
    assert_not_yet(q, 2, "too high", measure=measure, sizes=ks)
    assert len(calls) == n                        # a wrong prediction starts no timing
    assert "K_VALUES" in q.verdict(1, measure=measure, sizes=[5, 6])


def test_exercises_01_04_never_raise_and_load_in_korean():
    for nb in ("01", "02", "03", "04"):
        for q in ex.load(nb, lang="ko"):
            assert "아직 풀지 않았습니다" in q.verdict(...)
            assert q.verdict(lambda *a, **k: 1 / 0) is not None


def test_exercise_mechanism_is_stub_sees_stub_classes_and_bodies():
    from w2vlib.exercises import is_stub

    class Filled:
        def backward(self, dout):
            return dout

    def returns_text():
        return "abc"

    def documented():
        """doc"""
        ...

    assert is_stub(...) and is_stub(None) and is_stub(_stub_function) and is_stub(documented)
    assert is_stub(_StubClass) and is_stub(_EmptyStubClass)
    assert not is_stub(Filled) and not is_stub(returns_text) and not is_stub(lambda: 1) and not is_stub(0)


# ---- numeric answers that are not numbers: NaN, infinities and bools ------------------------------------------

NOT_FINITE = [float("nan"), float("inf"), -np.inf, np.float32("nan")]
TRUTH_VALUES = [True, False, np.True_]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_exercises_04_refuse_nan_inf_and_bools_before_any_other_test(lang):
    q1, q2, q3, q4 = ex.load("04", lang=lang)
    word_p = COUNTS ** 0.75 / np.sum(COUNTS ** 0.75)
    checks = [(q1, dict(counts=COUNTS, the=0, power=0.75)), (q1, {}),          # before the context test too
              (q2, dict(word_p=word_p, the=0, k=5, raw_p=COUNTS / COUNTS.sum())), (q2, {}),
              (q4, dict(measure=lambda k: {"k + 1": 1.0 * (k + 1)}, sizes=[2, 20])), (q4, {})]
    finite = {"en": "give a finite number; got ", "ko": "유한한 숫자를 넣어 보세요. 받은 값은 "}[lang]
    truth = {"en": "give a number, not a truth value; got ", "ko": "참/거짓 값이 아니라 숫자를 넣어 보세요. 받은 값은 "}[lang]
    wrong = ex.VERDICTS[lang]["wrong"]
    for q, ctx in checks:
        for bad in NOT_FINITE:
            v = q.verdict(bad, **ctx)
            assert v.startswith(f"{q.title}: {wrong}") and finite in v, v
            assert ("inf" if "inf" in str(bad) else "nan") in v.split(finite)[1], v
            assert not q.passes(bad, **ctx)
        for bad in TRUTH_VALUES:
            v = q.verdict(bad, **ctx)
            assert v.startswith(f"{q.title}: {wrong}") and truth + str(bool(bad)) in v, v
    ref = q3.reference()
    v = q3.verdict(lambda h, rows, labels: (ref(h, rows, labels)[0] * np.nan, ref(h, rows, labels)[1]))
    assert v.startswith(f"{q3.title}: {wrong}") and "NaN" in v, v


def test_exercise_04_4_names_the_variable_of_a_non_number():
    en, ko = ex.load("04")[3], ex.load("04", lang="ko")[3]
    assert "give the log-log slope in k + 1 as a number; got 'one'" in en.verdict("one")
    assert "prediction_4에는 k + 1에 대한 로그-로그 기울기를 숫자로 넣어 보세요. 받은 값은 'one'입니다." in ko.verdict("one")


def test_shared_slope_judge_and_rounding_refuse_non_finite_answers():
    # notebooks 01 and 02 judge dicts of slopes with the same helper: a NaN is never "within the tolerance"
    for nb, keys in (("01", ["one-hot", "output"]), ("02", ["notes loop", "w2vlib"])):
        q = ex.load(nb)[-1]
        ref = q.reference()
        for bad in (float("nan"), float("inf"), True):
            answer = dict(ref, **{keys[0]: bad})
            v = q.verdict(answer)
            assert v.startswith(f"{q.title}: not yet:") and ("finite" in v or "truth value" in v), v
    assert ex.rounds_to(float("nan"), 0.5) is False and ex.rounds_to([0.5, float("inf")], [0.5, 1.0]) is False
    assert ex.last_digit(float("nan")) == (np.inf, 0) and ex.last_digit(0.085) == (0.001, 2)
    q = ex.load("03")[1]                            # a check built on rounds_to: no crash, a plain "not yet"
    assert q.verdict(float("nan")).startswith(f"{q.title}: not yet:") and "raised" not in q.verdict(float("nan"))


# ---- review 17: feedback for 0, coarse digits, commas, float32 derivations, the direction of a wrong slope ----

@pytest.mark.parametrize("lang", ["en", "ko"])
def test_exercises_04_new_feedback_in_both_languages(lang):
    q1, q2, q3, q4 = ex.load("04", lang=lang)
    en = lang == "en"
    wrong, right = ex.VERDICTS[lang]["wrong"], ex.VERDICTS[lang]["correct"]

    def assert_not_yet(q, answer, reason, **ctx):
        v = q.verdict(answer, **ctx)
        assert v.startswith(f"{q.title}: {wrong}") and reason in v, v
        return v

    def assert_correct(q, answer, **ctx):
        assert q.verdict(answer, **ctx).startswith(f"{q.title}: {right}")
    c1 = dict(counts=COUNTS, the=0, power=0.75)                      # 50 ** 0.75 = 18.80...
    for zero in (0, 0.0, -18.8):
        v = assert_not_yet(q1, zero, "a ratio of two probabilities is positive" if en else "두 확률의 비는 양수입니다", **c1)
        assert ("upside down" if en else "거꾸로") not in v
    v = assert_not_yet(q1, "18,8", "without a comma" if en else "쉼표 없이", **c1)
    assert "'18,8'" in v
    assert_not_yet(q1, "18.8", "give a number, not a string; got '18.8'" if en else
                   "문자열이 아니라 숫자를 넣어 보세요. 받은 값은 '18.8'입니다", **c1)
    c2 = dict(word_p=np.array([0.0442, 0.9558]), the=0, k=2)         # k q = 0.0884, as "the" on PTB
    for zero in (0, 0.0):
        v = assert_not_yet(q2, zero, "0 would mean" if en else "0이라면", **c2)
        assert ("one digit" if en else "한 자리") not in v
    assert_not_yet(q2, 0.09, "right to the one digit you gave" if en else "여러분이 준 한 자리까지는 맞습니다", **c2)
    v = assert_not_yet(q2, 0.1, "", **c2)           # 0.0884 is 0.09 at one significant digit, never 0.1
    assert ("one digit" if en else "한 자리") not in v, v
    ref = q3.reference()
    cast = lambda h, rows, labels: tuple(np.asarray(a, dtype=np.float64) for a in
                                         ref(h.astype(np.float32), rows.astype(np.float32), labels.astype(np.float32)))
    assert_not_yet(q3, cast, "right to float32 precision" if en else "float32 정밀도로는 맞습니다")
    low = assert_not_yet(q4, 0.5, "too low" if en else "너무 작습니다")
    high = assert_not_yet(q4, 2, "too high" if en else "너무 큽니다")
    assert low != high
    for v in (low, high):
        assert ("proportion" if en else "비례") not in v, v
    assert ("such as h" if en else "h처럼") not in q4.verdict(0.5) + str(q4.solution_text)


def test_korean_error_verdict_has_no_colon_after_a_sentence():
    q = ex.load("04", lang="ko")[2]
    v = q.verdict(lambda *a: 1 / 0)
    assert v.endswith("답을 실행하는 중 오류가 났습니다(ZeroDivisionError: division by zero)."), v
    assert "났습니다:" not in v
    assert ex.load("04")[2].verdict(lambda *a: 1 / 0).endswith("not yet: your answer raised ZeroDivisionError: division by zero")


# ---- review 18: numbers written as strings, the short-range note, the Korean float64 message ------------------

@pytest.mark.parametrize("lang", ["en", "ko"])
def test_exercises_04_refuse_numbers_written_as_strings(lang):
    q1, q2, q3, q4 = ex.load("04", lang=lang)
    word_p = COUNTS ** 0.75 / np.sum(COUNTS ** 0.75)
    checks = [(q1, "3382", dict(counts=COUNTS, the=0, power=0.75)), (q1, "18.8", dict(counts=COUNTS, the=0, power=0.75)),
              (q1, "3382", {}), (q2, "0.0884", dict(word_p=word_p, the=0, k=5)), (q2, "nan", {}),
              (q4, "1", dict(measure=lambda k: {"k + 1": 1.0 * (k + 1)}, sizes=[2, 20])), (q4, "1", {}),
              (q4, {"k + 1": "1"}, {}), (q4, "inf", {})]
    wrong = ex.VERDICTS[lang]["wrong"]
    for q, bad, ctx in checks:
        shown = repr(bad["k + 1"] if isinstance(bad, dict) else bad)
        reason = {"en": f"give a number, not a string; got {shown}",
                  "ko": f"문자열이 아니라 숫자를 넣어 보세요. 받은 값은 {shown}입니다"}[lang]
        v = q.verdict(bad, **ctx)
        assert v.startswith(f"{q.title}: {wrong}") and reason in v, v
        assert not q.passes(bad, **ctx)
    assert q1.passes(18.8, counts=COUNTS, the=0, power=0.75) and q4.passes(1)
    # a text that is no number keeps the exercise's own reasons
    assert ("without a comma" if lang == "en" else "쉼표 없이") in q1.verdict("3,382", counts=COUNTS, the=0, power=0.75)
    assert ("as a number; got 'one'" if lang == "en" else "숫자로 넣어 보세요. 받은 값은 'one'입니다") in q4.verdict("one")


def test_exercise_04_4_short_range_note_reads_as_a_sentence():
    en, ko = ex.load("04")[3], ex.load("04", lang="ko")[3]
    ctx = dict(measure=lambda k: {"k + 1": 1.0 * (k + 1)}, sizes=[5])
    v = en.verdict(1, **ctx)
    assert v == f"{en.title}: correct: not measured (give K_VALUES a range of at least 3x to fit slopes)", v
    assert ": (" not in v
    v = ko.verdict(1, **ctx)
    assert v == (f"{ko.title}: 정답입니다. 측정은 하지 않았습니다. 로그-로그 기울기를 구하려면 K_VALUES의 범위를 "
                 "3배 이상으로 해 보세요."), v


def test_exercise_04_3_korean_float64_message_is_two_sentences():
    ko = ex.load("04", lang="ko")[2]
    v = ko.verdict(ko.reference())
    assert v.endswith("이내로 같습니다. float64로, 반복된 ID와 부정적 예 속의 타깃도 포함해 확인했습니다."), v
    assert "같습니다 (" not in v
