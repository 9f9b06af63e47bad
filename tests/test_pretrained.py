"""w2vlib.pretrained: the cache of PTB vectors shared by notebooks 05-08 (no training here)."""
import json

import numpy as np
import pytest

from w2vlib import pretrained


def test_settings_defaults_and_errors():
    assert pretrained.ptb_settings() == pretrained.PTB_SETTINGS
    assert pretrained.ptb_settings(epochs=3)["epochs"] == 3
    with pytest.raises(TypeError, match="unknown setting"):
        pretrained.ptb_settings(epoch=3)
    with pytest.raises(TypeError, match="seed must be an int"):
        pretrained.ptb_settings(seed=None)


def test_path_depends_on_settings(tmp_path):
    a = pretrained.ptb_vectors_path(tmp_path)
    assert a == pretrained.ptb_vectors_path(tmp_path, **pretrained.PTB_SETTINGS)
    assert a != pretrained.ptb_vectors_path(tmp_path, hidden_size=50)
    assert a.parent == tmp_path / "vectors" and a.suffix == ".npz"


def test_save_then_cache_hit(tmp_path, monkeypatch):
    rng = np.random.default_rng(0)
    W = rng.standard_normal((4, 3)).astype(np.float32)
    words = {0: "a", 1: "b", 2: "c", 3: "d"}
    path = pretrained.save_ptb_vectors(W, words, tmp_path, hidden_size=3)
    meta = json.loads(path.with_suffix(".json").read_text())
    assert meta["settings"]["hidden_size"] == 3 and meta["shape"] == [4, 3]

    def no_training(*args, **kwargs):
        raise AssertionError("should have been loaded from the cache")

    monkeypatch.setattr(pretrained, "load_ptb", no_training)
    W2, w2i, i2w = pretrained.ptb_vectors(tmp_path, hidden_size=3)
    assert np.array_equal(W2, W) and i2w == words and w2i["c"] == 2


def test_mismatched_sidecar_is_not_used(tmp_path):
    W = np.ones((2, 3), dtype=np.float32)
    path = pretrained.save_ptb_vectors(W, ["x", "y"], tmp_path, hidden_size=3)
    side = path.with_suffix(".json")
    meta = json.loads(side.read_text())
    meta["trainer_sha256"] = "0" * 64
    side.write_text(json.dumps(meta))
    assert pretrained._cached(path, pretrained.ptb_settings(hidden_size=3)) is None


def test_stale_files_for_same_settings_are_removed(tmp_path):
    W = np.ones((2, 3), dtype=np.float32)
    path = pretrained.save_ptb_vectors(W, ["x", "y"], tmp_path, hidden_size=3)
    stale = path.with_name("ptb_cbow_000000000000.npz")
    path.rename(stale)
    path.with_suffix(".json").rename(stale.with_suffix(".json"))
    pretrained.save_ptb_vectors(W, ["x", "y"], tmp_path, hidden_size=3)
    assert not stale.exists() and not stale.with_suffix(".json").exists()
    assert path.exists()


def test_fingerprint_covers_every_file_the_trainer_imports():
    import ast
    from pathlib import Path

    root = Path(pretrained.__file__).resolve().parent
    covered = {p.relative_to(root).as_posix() for p in pretrained.trainer_files()}
    fast_files = {p.relative_to(root).as_posix() for p in (root / "fast").glob("*.py")}
    assert fast_files <= covered and {"fast/kernel.py", "fast/batching.py"} <= fast_files
    for name in fast_files:  # every package module the fast trainer imports at the top (``from ..x import``)
        for node in ast.parse((root / name).read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.level == 2 and node.module:
                assert f"{node.module}.py" in covered, f"{name} imports {node.module}, not fingerprinted"


def test_fingerprint_changes_with_any_trainer_file(monkeypatch):
    from pathlib import Path

    before = pretrained._trainer_fingerprint()
    target = next(p for p in pretrained.trainer_files() if p.name == "kernel.py")
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: real(self) + (b"#" if self == target else b""))
    assert pretrained._trainer_fingerprint() != before
