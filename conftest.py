"""Read by pytest for every run from this folder (`pytest tests`, `pytest --nbval notebooks`).

A relative W2VLIB_PTB_DIR or W2VLIB_DATA_DIR is made absolute here, from the folder pytest was started
in, before any notebook kernel starts: the kernels run in notebooks/ and would read it from there.
It also lets nbval try a notebook kernel's *start* again when the kernel dies before it answers (see
`_retry_kernel_start`); cells are never re-run.
"""
from w2vlib.data import absolute_env_dirs

absolute_env_dirs()


def _retry_kernel_start(attempts: int = 3) -> None:
    """nbval starts one kernel per notebook. On a busy machine a kernel can, rarely, die before it answers
    ("Kernel died before replying to kernel_info": with two pytest workers, another process can take a port
    between jupyter_client choosing it and the kernel binding it). That says nothing about the notebook, so
    only the *start* is tried again, up to ``attempts`` times (nbval shuts a failed kernel down first); every
    cell is still run and compared once, as before."""
    try:
        from nbval import kernel as nbval_kernel
    except ImportError:  # a run without nbval
        return
    start = nbval_kernel.start_new_kernel
    if getattr(start, "w2vlib_retries", False):
        return

    def start_with_retries(*args, **kwargs):
        for attempt in range(1, attempts + 1):
            try:
                return start(*args, **kwargs)
            except RuntimeError:
                if attempt == attempts:
                    raise

    start_with_retries.w2vlib_retries = True
    nbval_kernel.start_new_kernel = start_with_retries


_retry_kernel_start()
