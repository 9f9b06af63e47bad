"""The bundled Hangul font, so Korean plot labels render offline with no system font.

``import w2vlib`` makes matplotlib know ``fonts/W2VHangulGothic-Regular.ttf`` (a Hangul subset of Nanum Gothic,
SIL Open Font License 1.1; see ``fonts/README.md`` and ``fonts/OFL.txt``): it is added to matplotlib's font
manager as soon as matplotlib loads its font manager (at once if it already has; otherwise right after
``import matplotlib.pyplot``, so ``import w2vlib`` alone, e.g. for the command line, does not pay for importing
matplotlib).  Registering only makes the font *available*: w2vlib changes no rcParams.  The packaged style
``plt.style.use("w2vlib.teaching")`` then sets the fallback list ``font.family: DejaVu Sans, W2V Hangul Gothic``
(matplotlib >= 3.6 falls back glyph by glyph): Latin text, digits and the minus sign keep DejaVu Sans, Hangul
comes from the bundled font, with no missing-glyph warning.

Without the style, ask for the same fallback yourself::

    plt.rcParams["font.family"] = ["DejaVu Sans", w2vlib.HANGUL_FONT]
"""
from __future__ import annotations

import importlib.abc
import sys
import warnings
from pathlib import Path

__all__ = ["HANGUL_FONT", "HANGUL_FONT_FILE", "register_hangul_font", "register_when_matplotlib_loads"]

#: The family name to use in ``font.family`` (the file's name table says the same).
HANGUL_FONT = "W2V Hangul Gothic"
#: The bundled TrueType file.
HANGUL_FONT_FILE = Path(__file__).with_name("fonts") / "W2VHangulGothic-Regular.ttf"
_FONT_MANAGER = "matplotlib.font_manager"


def register_hangul_font(font_manager=None) -> str | None:
    """Add the bundled Hangul font to matplotlib's font manager (once); return its family name.

    Safe to call again (no duplicate entry).  If the file is missing from a broken install, warn (plots
    still work, Hangul shows as empty boxes) and return None instead of failing.
    """
    if font_manager is None:
        from matplotlib import font_manager
    fname = str(HANGUL_FONT_FILE)
    if any(entry.fname == fname for entry in font_manager.fontManager.ttflist):
        return HANGUL_FONT
    try:
        font_manager.fontManager.addfont(fname)
    except (OSError, RuntimeError) as err:
        warnings.warn(f"w2vlib: the bundled Hangul font {fname} could not be loaded ({err}); Korean plot "
                      "labels will show empty boxes. Reinstall w2vlib (pip install -e .) to restore it.",
                      RuntimeWarning, stacklevel=2)
        return None
    return HANGUL_FONT


def register_when_matplotlib_loads() -> None:
    """Register the font now if matplotlib's font manager is loaded, else right after it is first imported."""
    module = sys.modules.get(_FONT_MANAGER)
    if module is not None and hasattr(module, "fontManager"):
        register_hangul_font(module)
    elif not any(isinstance(f, _AfterFontManager) for f in sys.meta_path):
        sys.meta_path.insert(0, _AfterFontManager())


class _AfterFontManager(importlib.abc.MetaPathFinder):
    """A one-shot import hook: wraps the loader of ``matplotlib.font_manager`` to register the font after it runs."""

    def find_spec(self, fullname, path, target=None):
        if fullname != _FONT_MANAGER:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(fullname, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _RegisteringLoader(spec.loader)
                return spec
        return None


class _RegisteringLoader(importlib.abc.Loader):
    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):  # everything else (get_data, get_filename, …) is the real loader's
        return getattr(self._inner, name)

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        self._inner.exec_module(module)
        try:
            register_hangul_font(module)
        except Exception as err:  # never break `import matplotlib.pyplot` because of the font
            warnings.warn(f"w2vlib: could not register the bundled Hangul font ({err!r})", RuntimeWarning)
