"""The notebook series is sortable and opens with the right kernel.

Every notebook in notebooks/ is named ``NN_snake_title.ipynb`` (two digits, then lower-case words joined by
underscores), the numbers run 01, 02, ... N with no gap or repeat, and each declares the ``python3`` kernel.
Reads the JSON only; no kernel is started.
"""
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAME = re.compile(r"^(\d{2})_[a-z0-9]+(?:_[a-z0-9]+)*\.ipynb$")


def notebooks():
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks():
    assert notebooks(), f"no notebooks found in {NOTEBOOKS.name}/"


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_name_is_nn_snake_title(path):
    assert NAME.match(path.name), f"{path.name} does not match NN_snake_title.ipynb (e.g. 01_one_hot_bottleneck.ipynb)"


def test_numbers_are_consecutive_from_01():
    numbers = [int(m.group(1)) for p in notebooks() if (m := NAME.match(p.name))]
    expected = list(range(1, len(numbers) + 1))
    assert numbers == expected, f"notebook numbers {numbers} should be exactly {expected} (no gaps, no repeats)"


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_kernelspec_is_python3(path):
    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    name = meta.get("kernelspec", {}).get("name")
    assert name == "python3", f"{path.name}: kernelspec name is {name!r}, expected 'python3'"


WARNING_LINE = re.compile(r"^(findfont: |.*(Warning|DeprecationWarning|RuntimeWarning|UserWarning): )", re.M)


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(NOTEBOOKS.glob("ko/*.ipynb")),
                         ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_no_warnings_stored_in_outputs(path):
    """A warning in a stored output is the building machine talking, not the lesson (a broken matplotlib
    font cache once stored 21 'findfont' lines above a figure): rebuild the notebook on a clean setup."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                text = "".join(out.get("text", ""))
                m = WARNING_LINE.search(text)
                if m:
                    found.append(f"cell {i}: {text[m.start():m.start() + 90]!r}")
    assert not found, f"{path.name} stores warnings: {found[:3]}"
