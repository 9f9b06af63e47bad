import numpy as np
import pytest

from w2vlib import gradcheck, numerical_gradient, relative_error
from w2vlib.gradcheck import GRADCHECK_TOL, default_eps

pytestmark = pytest.mark.gradcheck


def test_numerical_gradient_of_a_quadratic():
    x = np.array([1.0, -2.0, 3.0])
    g = numerical_gradient(lambda: float(np.sum(x**2)), x)
    np.testing.assert_allclose(g, 2 * x, rtol=1e-8)
    np.testing.assert_array_equal(x, [1.0, -2.0, 3.0])  # restored


def test_default_step_follows_the_dtype():
    assert default_eps(np.zeros(2)) == 1e-6
    assert default_eps(np.zeros(2, np.float32)) == 1e-2


def test_gradcheck_in_float64_catches_a_one_percent_error():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    f = lambda: float(np.sum(np.sin(x) * x))
    good = np.cos(x) * x + np.sin(x)
    assert gradcheck(f, [x], [good]) < 1e-8  # a correct gradient: far below the tolerance
    assert gradcheck(f, [x], [good * 1.01]) > 100 * GRADCHECK_TOL  # 1% off: about 5e-3
    assert gradcheck(f, [x], [good * 1.002]) > GRADCHECK_TOL  # even 0.2% off
    assert gradcheck(f, [x], [good], max_checks=2) < 1e-8


def test_relative_error_shapes():
    assert relative_error(np.ones(3), np.ones(3)) == 0.0
    with pytest.raises(ValueError, match="shapes differ"):
        relative_error(np.ones(3), np.ones(2))
