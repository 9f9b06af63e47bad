"""The repository's conftest.py retries only the start of a notebook kernel (a rare port race under
pytest-xdist), never a cell: a start that keeps failing still fails the run."""
import importlib.util
from pathlib import Path

import pytest

nbval_kernel = pytest.importorskip("nbval.kernel")


def _load_conftest():
    spec = importlib.util.spec_from_file_location("root_conftest", Path(__file__).resolve().parent.parent / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_kernel_start_is_retried_then_gives_up(monkeypatch):
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) < 3:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return "km", "kc"

    monkeypatch.setattr(nbval_kernel, "start_new_kernel", flaky)
    _load_conftest()
    assert nbval_kernel.start_new_kernel(kernel_name="python3") == ("km", "kc") and len(calls) == 3

    def dead(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(nbval_kernel, "start_new_kernel", dead)
    _load_conftest()
    calls.clear()
    with pytest.raises(RuntimeError, match="Kernel died"):
        nbval_kernel.start_new_kernel(kernel_name="python3")
    assert len(calls) == 3
