#!/usr/bin/env python3
"""Rebuild and execute the notebooks from their jupytext sources.

Every notebook ``notebooks/[ko/]NN_name.ipynb`` is paired with a py:percent source
``notebooks/[ko/]src/NN_name.py`` (jupytext).  The source is what you edit and review;
this script turns it into the notebook students open: it reads the source, starts a
fresh ``python3`` kernel in the notebook's folder, runs every cell (restart + run all),
and saves the executed notebook (execution counts 1..n, kernelspec python3).

Usage (from the repository root, in the environment the README sets up):

    python tools/build_notebooks.py                 # every notebook, both editions
    python tools/build_notebooks.py 05 07           # only those whose name starts so
    python tools/build_notebooks.py --sync-only     # write the .ipynb from the source, keep no outputs

Set ``W2VLIB_PTB_DIR`` to a local PTB copy to build offline (as CI does).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import jupytext
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def sources() -> list[Path]:
    """All jupytext sources, English edition first, then the Korean one."""
    return sorted(NOTEBOOKS.glob("src/*.py")) + sorted(NOTEBOOKS.glob("ko/src/*.py"))


def notebook_for(src: Path) -> Path:
    return src.parent.parent / (src.stem + ".ipynb")


def build(src: Path, execute: bool = True, timeout: int = 600) -> float:
    """Write (and run) the notebook paired with ``src``; return the seconds it took."""
    nb = jupytext.read(src)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata.setdefault("jupytext", {})["formats"] = "ipynb,src//py:percent"
    nb.metadata["jupytext"].pop("text_representation", None)
    target = notebook_for(src)
    start = time.perf_counter()
    if execute:
        NotebookClient(nb, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(target.parent)}}).execute()
    seconds = time.perf_counter() - start
    jupytext.write(nb, target, fmt="ipynb")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prefixes", nargs="*", help="build only notebooks whose name starts with one of these")
    parser.add_argument("--sync-only", action="store_true", help="write the notebooks without running them")
    parser.add_argument("--ko", action="store_true", help="only the Korean edition")
    parser.add_argument("--en", action="store_true", help="only the English edition")
    args = parser.parse_args(argv)
    chosen = [s for s in sources()
              if (not args.prefixes or any(s.stem.startswith(p) for p in args.prefixes))
              and not (args.ko and "ko" not in s.parts) and not (args.en and "ko" in s.parts)]
    if not chosen:
        print("no notebook source matches", args.prefixes, file=sys.stderr)
        return 1
    for src in chosen:
        seconds = build(src, execute=not args.sync_only)
        print(f"{notebook_for(src).relative_to(ROOT)}: {seconds:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
