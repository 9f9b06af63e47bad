import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_PTB = REPO.parent / "shared" / "data" / "ptb"

def pytest_configure(config):
    config.addinivalue_line(
        "markers", "gradcheck: a gradient check (tests/test_mutations.py runs these against planted bugs)")


@pytest.fixture(scope="session")
def ptb_dir():
    """A folder holding the three PTB files (W2VLIB_PTB_DIR, else ../shared/data/ptb), or skip."""
    env = os.environ.get("W2VLIB_PTB_DIR")
    for cand in ([Path(env)] if env else []) + [SHARED_PTB]:
        if (cand / "ptb.train.txt").is_file():
            return cand
    pytest.skip("no local PTB copy: set W2VLIB_PTB_DIR to a folder holding ptb.{train,valid,test}.txt")
