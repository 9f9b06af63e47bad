"""Each notebook is paired with a jupytext source (notebooks/[ko/]src/NN_name.py), and the two agree.

Edit the source, then rebuild with ``python tools/build_notebooks.py NN`` (see the README's contributor section).
"""
from pathlib import Path

import pytest

jupytext = pytest.importorskip("jupytext")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PAIRS = [(nb, nb.parent / "src" / (nb.stem + ".py"))
         for nb in sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(NOTEBOOKS.glob("ko/*.ipynb"))]


def _cells(path):
    nb = jupytext.read(path)
    return [(c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", []))) for c in nb.cells]


def test_every_notebook_has_a_source():
    assert PAIRS, "no notebooks found"
    missing = [str(src.relative_to(NOTEBOOKS)) for _, src in PAIRS if not src.is_file()]
    assert not missing, f"notebooks without a jupytext source: {missing}"
    orphans = [p for p in list(NOTEBOOKS.glob("src/*.py")) + list(NOTEBOOKS.glob("ko/src/*.py"))
               if not (p.parent.parent / (p.stem + ".ipynb")).is_file()]
    assert not orphans, f"sources without a notebook: {orphans}"


@pytest.mark.parametrize("nb,src", PAIRS, ids=[str(p.relative_to(NOTEBOOKS)) for p, _ in PAIRS])
def test_notebook_and_source_in_sync(nb, src):
    a, b = _cells(nb), _cells(src)
    assert len(a) == len(b), f"{nb.name}: {len(a)} cells, its source {len(b)}; rebuild with tools/build_notebooks.py"
    for i, (x, y) in enumerate(zip(a, b)):
        assert x == y, f"{nb.name} cell {i} differs from {src.name}; rebuild with tools/build_notebooks.py"
