"""environment.yml and pyproject.toml must name the same dependencies with the same bounds."""
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[; ]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject():
    data = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return data


def env_pip_lines():
    text = (REPO / "environment.yml").read_text()
    lines = []
    in_pip = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if re.match(r"^\s*- pip:\s*$", line):
            in_pip = True
            continue
        if in_pip and re.match(r"^\s{6,}- ", line):
            lines.append(line.strip()[2:].strip())
    return lines


def test_environment_installs_the_package_with_its_extras():
    lines = env_pip_lines()
    assert "-e .[notebooks,test]" in lines


def test_environment_and_pyproject_name_the_same_dependencies():
    proj = pyproject()
    wanted = list(proj["dependencies"]) + proj["optional-dependencies"]["notebooks"] + proj["optional-dependencies"]["test"]
    listed = [l for l in env_pip_lines() if not l.startswith("-e")]
    assert sorted(_name(r) for r in listed) == sorted(_name(r) for r in wanted)
    # and with the same bounds
    assert sorted(r.replace(" ", "") for r in listed) == sorted(r.replace(" ", "") for r in wanted)


def test_lower_bounds_only():
    proj = pyproject()
    reqs = list(proj["dependencies"]) + [r for extra in proj["optional-dependencies"].values() for r in extra]
    for r in reqs:
        spec = r.split(";")[0]  # an environment marker (python_version < '3.11') is not a pin
        assert "==" not in spec and "<" not in spec, f"{r}: use lower bounds only (no pins in the package)"


def test_python_version_in_environment_matches_requires_python():
    env = (REPO / "environment.yml").read_text()
    assert f"python{pyproject()['requires-python']}" in env.replace(" ", "")


def test_no_merge_conflict_markers_left():
    """A merge that left <<<<<<< / >>>>>>> lines in a tracked text file (it happened once, in the glossary)."""
    import subprocess

    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True).stdout.split()
    if not files:
        import pytest

        pytest.skip("not a git checkout")
    bad = []
    for name in files:
        path = REPO / name
        if path.suffix not in {".py", ".md", ".json", ".toml", ".yml", ".cfg", ".txt", ".ipynb"} or not path.is_file():
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "<<<<<<<":
                bad.append(f"{name}:{i}")
    assert not bad, f"merge conflict markers left in: {bad[:10]}"
