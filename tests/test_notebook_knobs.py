"""Every notebook has one knobs cell tagged ``parameters``, and runs with other, plausible knob values.

For a notebook ``notebooks/[ko/]NN_name.ipynb`` the variant values live in ``tests/knobs/NN_name.json``
(one JSON object ``{"KNOB": value, ...}``, or a list of such objects, one per variant; both editions share
it). A variant marked ``"_extended": true`` is part of the full sweep only: CI runs the others (the core
set, which holds every variant an issue named), and ``W2VLIB_ALL_KNOBS=1 pytest tests/test_notebook_knobs.py``
runs all of them (about ten minutes on 2 cores). The test executes the notebook with a
cell injected right after the parameters cell that assigns those values (papermill's convention: the new
cell is tagged ``injected-parameters``), in a fresh ``python3`` kernel whose working folder is the
notebook's, and fails on any error, showing the failing cell. Choose values a student would try: smaller
sizes, another seed, other words. Keep each variant fast: all of them together must stay within a few
minutes on 2 cores.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KNOBS = Path(__file__).resolve().parent / "knobs"
ALL = sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(NOTEBOOKS.glob("ko/*.ipynb"))
ENGLISH = sorted(NOTEBOOKS.glob("*.ipynb"))
TIMEOUT = 600  # seconds per cell: generous, the machine may be busy


def _id(path: Path) -> str:
    return str(path.relative_to(NOTEBOOKS))


def _parameters_cells(nb) -> list[int]:
    return [i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])]


def variants_for(path: Path) -> list[dict] | None:
    """Every variant of knob values for a notebook (None when it has no knobs file)."""
    file = KNOBS / f"{path.stem}.json"
    if not file.is_file():
        return None
    values = json.loads(file.read_text(encoding="utf-8"))
    variants = values if isinstance(values, list) else [values]
    if not variants or not all(isinstance(v, dict) and v for v in variants):
        raise ValueError(f"{file.name} must hold a non-empty JSON object {{\"KNOB\": value, ...}} "
                         "or a non-empty list of them (one per variant)")
    return [{k: v for k, v in variant.items() if not k.startswith("_")} | {"_extended": bool(variant.get("_extended"))}
            for variant in variants]


def knob_values(variant: dict) -> dict:
    """The knob assignments of a variant (without its ``_``-prefixed markers)."""
    return {k: v for k, v in variant.items() if not k.startswith("_")}


ALL_KNOBS = os.environ.get("W2VLIB_ALL_KNOBS", "") not in ("", "0")


def knobs_for(path: Path) -> dict | None:
    """The knob values of all variants together (None when the notebook has no knobs file)."""
    variants = variants_for(path)
    return None if variants is None else {k: v for variant in variants for k, v in knob_values(variant).items()}


def _variant_cases(paths):
    """(path, variant index) for every variant of every notebook with a knobs file (one case without)."""
    cases = []
    for path in paths:
        variants = variants_for(path)
        n = 1 if variants is None else len(variants)
        for i in range(n):
            extended = variants is not None and variants[i]["_extended"]
            marks = [pytest.mark.skipif(extended and not ALL_KNOBS,
                                        reason="an extended knob variant: W2VLIB_ALL_KNOBS=1 runs it")]
            cases.append(pytest.param(path, i, id=_id(path) if n == 1 else f"{_id(path)}[{i}]", marks=marks))
    return cases


def inject(nb, values: dict):
    """Insert, right after the parameters cell, a cell that assigns ``values`` (tagged injected-parameters)."""
    (i,) = _parameters_cells(nb)
    source = "# Injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in values.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(i + 1, cell)
    return nb


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_notebook_has_one_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    cells = _parameters_cells(nb)
    assert len(cells) == 1, (f"{_id(path)}: {len(cells)} code cells tagged 'parameters'; "
                             "tag exactly one, the knobs cell (# %% tags=[\"parameters\"] in its source)")


@pytest.mark.parametrize("path", ENGLISH, ids=_id)
def test_every_english_notebook_has_knob_variants(path):
    assert (KNOBS / f"{path.stem}.json").is_file(), \
        f"add tests/knobs/{path.stem}.json with other plausible knob values for {path.name}"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_knob_names_exist(path):
    values = knobs_for(path)
    if values is None:
        pytest.skip("no knobs file")
    nb = nbformat.read(path, as_version=4)
    cells = _parameters_cells(nb)
    assert len(cells) == 1
    knobs_cell = nb.cells[cells[0]].source
    unknown = [k for k in values if not re.search(rf"^{re.escape(k)}\s*=", knobs_cell, re.M)]
    assert not unknown, f"{path.stem}.json sets knobs that the parameters cell does not define: {unknown}"


# The Korean twins run their default knobs under nbval; their code is token-identical to the English
# (tests/test_korean_edition.py), so the variant runs cover both editions' code once, which keeps CI short.
@pytest.mark.parametrize("path,variant", _variant_cases(ENGLISH))
def test_notebook_runs_with_other_knobs(path, variant):
    variants = variants_for(path)
    if variants is None:
        pytest.skip("no knobs file")
    values = knob_values(variants[variant])
    nb = inject(nbformat.read(path, as_version=4), values)
    client = nbclient.NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as err:
        pytest.fail(f"{_id(path)} with knobs {values} failed:\n{err}"[:6000], pytrace=False)
