import sys

from w2vlib.machine import library_versions, machine_info


def test_library_versions_come_from_metadata_without_importing():
    sys.modules.pop("gensim", None)
    v = library_versions()
    import numpy

    assert v["numpy"] == numpy.__version__ and "python" in v and "w2vlib" in v
    assert "gensim" not in sys.modules  # read from the metadata, not by importing it
    assert "not-a-package" not in library_versions(("not-a-package",))


def test_machine_info_has_the_basics():
    info = machine_info()
    assert info["cpu_count"] >= 1 and info["machine"]
