import numpy as np
import pytest

from w2vlib import gradcheck, numerical_gradient, relative_error


def test_numerical_gradient_of_a_quadratic():
    x = np.array([1.0, -2.0, 3.0], np.float32)
    g = numerical_gradient(lambda: float(np.sum(x.astype(np.float64) ** 2)), x)
    np.testing.assert_allclose(g, 2 * x, rtol=1e-4)
    np.testing.assert_array_equal(x, [1.0, -2.0, 3.0])  # restored


def test_gradcheck_detects_a_wrong_gradient():
    x = np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)
    f = lambda: float(np.sum(np.sin(x.astype(np.float64))))
    good = np.cos(x)
    assert gradcheck(f, [x], [good]) < 1e-3
    assert gradcheck(f, [x], [good * 1.5]) > 0.1
    assert gradcheck(f, [x], [good], max_checks=2) < 1e-3


def test_relative_error_shapes():
    assert relative_error(np.ones(3), np.ones(3)) == 0.0
    with pytest.raises(ValueError, match="shapes differ"):
        relative_error(np.ones(3), np.ones(2))
