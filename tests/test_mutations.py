"""Mutation test: a 1% scale error planted in any layer's backward makes the gradient checks fail.

How the bugs are planted: :func:`plant_bug` replaces ``Class.backward`` by a wrapper that calls
the real one and multiplies one of its outputs by 1.01: the returned input gradient (``dx``) or
one parameter gradient (``grads0``/``grads1``, scaled in place). A child process (this file run
as a script) runs every test marked ``gradcheck`` once with no bug (all must pass) and then once
per entry of :data:`MUTANTS`, with that one bug planted and removed afterwards (each run must
fail). The child runs ``pytest.main`` in one interpreter, so the runs cost seconds, not minutes.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

TESTS = Path(__file__).resolve().parent
FACTOR = 1.01

#: Every backward of the layers, the negative-sampling and hierarchical-softmax losses and the models, and each output.
MUTANTS = [
    "MatMul:dx", "MatMul:grads0",
    "Embedding:grads0",
    "EmbeddingDot:dx", "EmbeddingDot:grads0",
    "Sigmoid:dx", "SigmoidWithLoss:dx",
    "Softmax:dx", "SoftmaxWithLoss:dx",
    "NegativeSamplingLoss:dx", "NegativeSamplingLoss:grads0",
    "HierarchicalSoftmaxLoss:dx", "HierarchicalSoftmaxLoss:grads0",
    "SimpleCBOW:grads0", "SimpleCBOW:grads1",
    "CBOW:grads0", "CBOW:grads1",
    "SkipGram:grads0", "SkipGram:grads1",
]


def plant_bug(spec: str, factor: float = FACTOR):
    """Make ``Class.backward`` return (``dx``) or store (``grads<i>``) ``factor`` times the truth.

    Returns ``(cls, original)``; ``cls.backward = original`` removes the bug.
    """
    from w2vlib import hierarchical_softmax, layers, models, negative_sampling

    name, part = spec.split(":")
    cls = next(getattr(m, name) for m in (layers, models, negative_sampling, hierarchical_softmax) if hasattr(m, name))
    original = cls.__dict__["backward"]

    def backward(self, *args, **kwargs):
        out = original(self, *args, **kwargs)
        if part == "dx":
            return out * factor
        self.grads[int(part.removeprefix("grads"))][...] *= factor
        return out

    cls.backward = backward
    return cls, original


def _run_all():
    """In the child: the gradient-check suite without a bug, then with each bug; exit codes as JSON."""
    import pytest

    args = ["-q", "-x", "-m", "gradcheck", "-p", "no:cacheprovider", "--rootdir", str(TESTS.parent),
            str(TESTS)]
    codes = {"none": int(pytest.main(args))}
    for spec in MUTANTS:
        cls, original = plant_bug(spec)
        try:
            codes[spec] = int(pytest.main(args))
        finally:
            cls.backward = original
    print("RESULT " + json.dumps(codes))


def test_plant_bug_scales_one_output_by_one_percent():
    from w2vlib import MatMul

    def dx():
        layer = MatMul(np.ones((2, 2)))
        layer.forward(np.ones((1, 2)))
        return layer.backward(np.ones((1, 2)))

    clean = dx()
    cls, original = plant_bug("MatMul:dx")
    try:
        np.testing.assert_allclose(dx(), FACTOR * clean)
    finally:
        cls.backward = original
    np.testing.assert_array_equal(dx(), clean)


def test_every_planted_one_percent_bug_is_caught():
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    r = subprocess.run([sys.executable, __file__], env=env, cwd=TESTS.parent, capture_output=True,
                       text=True, timeout=900)
    lines = [l for l in r.stdout.splitlines() if l.startswith("RESULT ")]
    assert lines, r.stdout[-3000:] + r.stderr[-3000:]
    codes = json.loads(lines[-1][len("RESULT "):])
    assert codes.pop("none") == 0, "the gradient checks fail without a planted bug:\n" + r.stdout[-3000:]
    survivors = [spec for spec in MUTANTS if codes[spec] != 1]  # 1: tests ran and some failed
    assert not survivors, f"planted 1% bugs not caught by the gradient checks: {survivors}"


if __name__ == "__main__":
    sys.path.insert(0, str(TESTS.parent))
    _run_all()
