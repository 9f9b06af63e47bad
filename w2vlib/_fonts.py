"""The bundled Hangul font, so Korean plot labels render offline with no system font.

``import w2vlib`` registers ``fonts/W2VHangulGothic-Regular.ttf`` (a Hangul subset of Nanum Gothic, SIL Open
Font License 1.1; see ``fonts/README.md`` and ``fonts/OFL.txt``) with matplotlib's font manager.  Registering
only makes the font *available*: importing w2vlib changes no rcParams.  The packaged style
``plt.style.use("w2vlib.teaching")`` then sets the fallback list ``font.family: DejaVu Sans, W2V Hangul
Gothic`` (matplotlib >= 3.6 falls back glyph by glyph): Latin text, digits and the minus sign keep DejaVu
Sans, Hangul comes from the bundled font, with no missing-glyph warning.

Without the style, ask for the same fallback yourself::

    plt.rcParams["font.family"] = ["DejaVu Sans", w2vlib.HANGUL_FONT]
"""
from __future__ import annotations

import warnings
from pathlib import Path

__all__ = ["HANGUL_FONT", "HANGUL_FONT_FILE", "register_hangul_font"]

#: The family name to use in ``font.family`` (the file's name table says the same).
HANGUL_FONT = "W2V Hangul Gothic"
#: The bundled TrueType file.
HANGUL_FONT_FILE = Path(__file__).with_name("fonts") / "W2VHangulGothic-Regular.ttf"


def register_hangul_font() -> str | None:
    """Add the bundled Hangul font to matplotlib's font manager (once); return its family name.

    Safe to call again (no duplicate entry).  If the file is missing from a broken install, warn (plots
    still work, Hangul shows as empty boxes) and return None instead of failing ``import w2vlib``.
    """
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
