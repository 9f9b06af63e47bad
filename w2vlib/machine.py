"""Facts about the machine and the installed libraries, recorded next to every measured number.

Benchmarks (``benchmarks/bench_ptb.py``) and the command line (``metrics.json``) store them so a
words/s figure can be read with the machine and the versions that produced it. Library versions
come from the installed packages' metadata (``importlib.metadata``): nothing is imported, so
asking costs nothing and an optional library (numba, gensim) that is missing is simply left out.
"""
from __future__ import annotations

import os
import platform
from importlib.metadata import PackageNotFoundError, version

__all__ = ["LIBRARIES", "library_versions", "machine_info"]

#: The libraries whose versions can change a result or a timing.
LIBRARIES = ("w2vlib", "numpy", "scipy", "numba", "gensim")


def library_versions(libraries=LIBRARIES) -> dict:
    """``{"python": ..., name: version}`` for each installed library of ``libraries``."""
    versions = {"python": platform.python_version()}
    for name in libraries:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            pass
    return versions


def machine_info() -> dict:
    """Platform, architecture, CPU count and (on Linux) the CPU model."""
    info = {"platform": platform.platform(), "machine": platform.machine(), "cpu_count": os.cpu_count()}
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return info
