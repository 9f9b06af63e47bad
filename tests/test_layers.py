"""Gradient checks for every layer (float64, tolerance 1e-6), the repeated-id case, dtypes and bad input."""
import numpy as np
import pytest

from w2vlib import (
    Embedding, EmbeddingDot, MatMul, Sigmoid, SigmoidWithLoss, Softmax, SoftmaxWithLoss,
    gradcheck, numerical_gradient, relative_error,
)
from w2vlib.gradcheck import GRADCHECK_TOL as TOL  # 1e-6: float64, centred differences with eps=1e-6

pytestmark = pytest.mark.gradcheck


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def f64(rng, *shape):
    return rng.standard_normal(shape)


def f32(rng, *shape):
    return rng.standard_normal(shape).astype(np.float32)


def check_input_grad(forward, backward, x, dout):
    """Compare backward's input gradient with the numerical gradient of sum(forward(x) * dout)."""
    forward(x)
    dx = backward(dout)
    num = numerical_gradient(lambda: float(np.sum(forward(x) * dout, dtype=np.float64)), x)
    return relative_error(dx, num)


def test_matmul_grads(rng):
    layer = MatMul(f64(rng, 4, 3))
    x, dout = f64(rng, 5, 4), f64(rng, 5, 3)
    assert check_input_grad(layer.forward, layer.backward, x, dout) < TOL
    layer.forward(x)
    layer.backward(dout)
    err = gradcheck(lambda: float(np.sum(layer.forward(x) * dout, dtype=np.float64)), layer.params, layer.grads)
    assert err < TOL


def test_matmul_3d_input_accumulates_over_positions(rng):
    layer = MatMul(f64(rng, 4, 3))
    x, dout = f64(rng, 5, 2, 4), f64(rng, 5, 2, 3)
    layer.forward(x)
    layer.backward(dout)
    err = gradcheck(lambda: float(np.sum(layer.forward(x) * dout, dtype=np.float64)), layer.params, layer.grads)
    assert err < TOL


@pytest.mark.parametrize("idx", [[0, 2, 0, 4], [1, 1, 1, 1], [3, 2, 1, 0]])
def test_embedding_grads_with_repeated_ids(rng, idx):
    layer = Embedding(f64(rng, 5, 3))
    idx = np.array(idx)
    dout = f64(rng, len(idx), 3)
    assert np.array_equal(layer.forward(idx), layer.params[0][idx])
    layer.backward(dout)
    err = gradcheck(lambda: float(np.sum(layer.forward(idx) * dout, dtype=np.float64)), layer.params, layer.grads)
    assert err < TOL


def test_embedding_backward_accumulates_exactly(rng):
    layer = Embedding(f64(rng, 5, 3))
    idx = np.array([0, 2, 0, 4])
    dout = f64(rng, 4, 3)
    layer.forward(idx)
    layer.backward(dout)
    dW = layer.grads[0]
    np.testing.assert_allclose(dW[0], dout[0] + dout[2], rtol=1e-6)
    np.testing.assert_array_equal(dW[1], 0)
    np.testing.assert_array_equal(dW[3], 0)


def test_embedding_backward_clears_previous_rows(rng):
    layer = Embedding(f64(rng, 6, 3))
    layer.forward(np.array([0, 1]))
    layer.backward(f64(rng, 2, 3))
    layer.forward(np.array([2, 2]))
    d = f64(rng, 2, 3)
    layer.backward(d)
    expected = np.zeros((6, 3))
    expected[2] = d[0] + d[1]
    np.testing.assert_allclose(layer.grads[0], expected, rtol=1e-6)


def test_embedding_dot_grads(rng):
    layer = EmbeddingDot(f64(rng, 6, 4))
    h, idx, dout = f64(rng, 5, 4), np.array([0, 3, 0, 5, 3]), f64(rng, 5)
    out = layer.forward(h, idx)
    np.testing.assert_allclose(out, np.sum(layer.params[0][idx] * h, axis=1), rtol=1e-6)
    dh = layer.backward(dout)
    num = numerical_gradient(lambda: float(np.sum(layer.forward(h, idx) * dout, dtype=np.float64)), h)
    assert relative_error(dh, num) < TOL
    layer.forward(h, idx)
    layer.backward(dout)
    err = gradcheck(lambda: float(np.sum(layer.forward(h, idx) * dout, dtype=np.float64)), layer.params, layer.grads)
    assert err < TOL


def test_sigmoid_and_softmax_input_grads(rng):
    for layer in (Sigmoid(), Softmax()):
        x, dout = f64(rng, 4, 5), f64(rng, 4, 5)
        assert check_input_grad(layer.forward, layer.backward, x, dout) < TOL


def test_sigmoid_with_loss(rng):
    layer = SigmoidWithLoss()
    x = f64(rng, 8)
    t = rng.integers(0, 2, 8)
    loss = layer.forward(x, t)
    y = 1 / (1 + np.exp(-x.astype(np.float64)))
    expected = -np.mean(t * np.log(y) + (1 - t) * np.log(1 - y))
    assert loss == pytest.approx(expected, rel=1e-5)
    dx = layer.backward()
    num = numerical_gradient(lambda: layer.forward(x, t), x)
    assert relative_error(dx, num) < TOL
    assert np.isfinite(layer.forward(np.array([100.0, -100.0]), np.array([0, 1])))


def test_softmax_with_loss_ids_and_one_hot(rng):
    layer = SoftmaxWithLoss()
    x = f64(rng, 4, 6)
    t = np.array([0, 5, 2, 2])
    loss_ids = layer.forward(x, t)
    dx = layer.backward()
    num = numerical_gradient(lambda: layer.forward(x, t), x)
    assert relative_error(dx, num) < TOL
    assert layer.forward(x, np.eye(6, dtype=np.int32)[t]) == pytest.approx(loss_ids)


def test_float32_end_to_end(rng):
    W = f32(rng, 6, 4)
    emb = EmbeddingDot(W)
    h = rng.standard_normal((3, 4))  # float64 input is cast
    out = emb.forward(h, np.array([1, 2, 3]))
    assert out.dtype == np.float32
    dh = emb.backward(np.ones(3, np.float32))
    assert dh.dtype == np.float32 and emb.grads[0].dtype == np.float32
    mm = MatMul(W.T.copy())
    assert mm.forward(f32(rng, 2, 4)).dtype == np.float32


def test_float64_parameters_are_kept_and_inputs_follow_them(rng):
    emb = Embedding(np.zeros((4, 3)))  # float64 parameters are accepted and kept
    assert emb.params[0].dtype == np.float64 and emb.forward(np.array([0, 3])).dtype == np.float64
    emb.backward(np.ones((2, 3), np.float32))  # a float32 dout is cast to the parameters' dtype
    assert emb.grads[0].dtype == np.float64
    mm = MatMul(f64(rng, 4, 3))
    assert mm.forward(f32(rng, 2, 4)).dtype == np.float64
    ed = EmbeddingDot(f32(rng, 5, 3))
    assert ed.forward(f64(rng, 2, 3), np.array([0, 1])).dtype == np.float32  # float64 h follows float32 W
    swl = SigmoidWithLoss()
    swl.forward(f64(rng, 3), np.array([0, 1, 1]))
    assert swl.backward().dtype == np.float64
    assert Softmax().forward(f64(rng, 2, 3)).dtype == np.float64
    assert Sigmoid().forward(f32(rng, 2, 3)).dtype == np.float32


def test_bad_input_errors(rng):
    for bad in (np.zeros((3, 2), dtype=np.int64), np.zeros((3, 2), dtype=object), np.zeros((3, 2), dtype=bool)):
        with pytest.raises(TypeError, match="must be float32 .or float64"):
            Embedding(bad)
    emb = Embedding(f32(rng, 5, 3))
    with pytest.raises(IndexError, match="outside the vocabulary"):
        emb.forward(np.array([0, 5]))
    with pytest.raises(IndexError, match="outside the vocabulary"):
        emb.forward(np.array([-1]))
    with pytest.raises(TypeError, match="integer"):
        emb.forward(np.array([0.0, 1.0]))
    emb.forward(np.array([0, 1]))
    with pytest.raises(ValueError, match="shape"):
        emb.backward(f32(rng, 3, 3))
    mm = MatMul(f32(rng, 4, 3))
    with pytest.raises(ValueError, match="last dimension"):
        mm.forward(f32(rng, 2, 5))
    with pytest.raises(TypeError, match="floats"):
        mm.forward(np.ones((2, 4), dtype=np.int64))
    ed = EmbeddingDot(f32(rng, 5, 3))
    with pytest.raises(ValueError, match="shape"):
        ed.forward(f32(rng, 2, 4), np.array([0, 1]))
    with pytest.raises(ValueError, match="shape"):
        SigmoidWithLoss().forward(f32(rng, 3), np.array([0, 1]))
