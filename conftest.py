"""Read by pytest for every run from this folder (`pytest tests`, `pytest --nbval notebooks`).

A relative W2VLIB_PTB_DIR or W2VLIB_DATA_DIR is made absolute here, from the folder pytest was started
in, before any notebook kernel starts: the kernels run in notebooks/ and would read it from there.
"""
from w2vlib.data import absolute_env_dirs

absolute_env_dirs()
