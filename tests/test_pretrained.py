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
