"""Hangul renders in plots with no system font, offline, and Latin text keeps DejaVu Sans.

``import w2vlib`` registers the bundled font (w2vlib/fonts, a renamed Hangul subset of Nanum Gothic, SIL OFL
1.1) with matplotlib as soon as matplotlib's font manager loads, and changes no rcParams; ``plt.style.use("w2vlib.teaching")`` sets the fallback list ``DejaVu Sans, W2V
Hangul Gothic``.  Without the style, Hangul needs ``rcParams["font.family"] = ["DejaVu Sans",
w2vlib.HANGUL_FONT]`` (a test below shows the default really warns, so the warning checks can fail).
"""
import io
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import numpy as np
import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.ft2font import FT2Font  # noqa: E402

import w2vlib  # noqa: E402
from w2vlib import _fonts  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FONTS = REPO / "w2vlib" / "fonts"
STYLE = "w2vlib.teaching"
KOREAN = "말뭉치분산표현임베딩계층네거티브샘플링"  # no spaces: a space is a Latin glyph, drawn by DejaVu Sans


def hangul_figure():
    """A figure with Hangul in the title, axis labels, tick labels, legend and an annotation, and negative ticks."""
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([-2, 0, 2], [1.5, -1.0, 0.5], label="손실 (loss)")
    ax.plot([-2, 0, 2], [0.5, 0.0, -0.5], label="긍정적 예 / 부정적 예")
    ax.set_title("다중 분류 → 이진 분류")
    ax.set_xlabel("어휘 수 (vocabulary size)")
    ax.set_ylabel("코사인 유사도")
    ax.set_xticks([-2, 0, 2], ["왕", "여왕", "남자"])
    ax.annotate("하위 샘플링", (0, -1.0))
    ax.legend(title="차원 축소")
    return fig


def render(draw, style=STYLE, rc=None, fmt="png"):
    """Draw with ``draw()`` under a style and rc overrides, save as ``fmt``; return RGBA pixels (png)."""
    with plt.style.context(style), mpl.rc_context(rc or {}):
        fig = draw()
        try:
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt)
            if fmt != "png":
                return buf.getvalue()
            fig.canvas.draw()
            return np.asarray(fig.canvas.buffer_rgba()).copy()
        finally:
            plt.close(fig)


def text_only(text):
    def draw():
        fig = plt.figure(figsize=(4, 0.8))
        fig.text(0.02, 0.3, text, fontsize=14)
        return fig
    return draw


def run_fresh(code):
    """Run ``code`` in a fresh interpreter; return its stdout (fails on a non-zero exit)."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)],
                         capture_output=True, text=True, cwd=REPO, env={**os.environ, "MPLBACKEND": "Agg"})
    assert out.returncode == 0, out.stderr
    return out.stdout


# ---- the shipped font -------------------------------------------------------------------------------

def test_font_and_licence_are_shipped():
    assert _fonts.HANGUL_FONT_FILE.is_file()
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
    assert "NAVER Corporation" in licence and "Reserved Font Name" in licence
    assert "fontTools" in (FONTS / "README.md").read_text(encoding="utf-8")


def test_font_is_renamed_as_the_ofl_requires_and_named_as_w2vlib_says():
    font = FT2Font(str(_fonts.HANGUL_FONT_FILE))
    assert font.family_name == w2vlib.HANGUL_FONT == "W2V Hangul Gothic"
    names = " ".join(str(v) for k, v in font.get_sfnt().items() if k[3] in (1, 4, 6, 16))  # primary names
    assert "nanum" not in names.lower(), "a modified OFL font must not use its Reserved Font Names"


def test_font_covers_every_hangul_syllable_and_the_jamo():
    charmap = FT2Font(str(_fonts.HANGUL_FONT_FILE)).get_charmap()
    wanted = [*range(0xAC00, 0xD7A4), *range(0x3131, 0x318F), *range(0x1100, 0x1113), *map(ord, "。、「」『』·…→①②")]
    missing = [hex(c) for c in wanted if c not in charmap]
    assert not missing, f"{len(missing)} characters missing, e.g. {missing[:5]}"


def test_package_data_ships_the_font_and_licence():
    tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")
    data = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["w2vlib"]
    assert "fonts/*.ttf" in data and "fonts/*.txt" in data


# ---- registration -----------------------------------------------------------------------------------

@pytest.mark.parametrize("matplotlib_first", [True, False], ids=["matplotlib-first", "w2vlib-first"])
def test_import_registers_the_font_and_changes_no_rcparams(matplotlib_first):
    imports = ["import matplotlib.pyplot as plt", "import w2vlib"]
    out = run_fresh("\n".join(imports if matplotlib_first else imports[::-1]) + """
import matplotlib as mpl
from matplotlib import font_manager
changed = [k for k in mpl.rcParams if k != "backend" and mpl.rcParams[k] != mpl.rcParamsOrig[k]]
assert not changed, f"w2vlib must not restyle plots: {changed}"
props = font_manager.FontProperties(family=w2vlib.HANGUL_FONT)
print(font_manager.findfont(props, fallback_to_default=False))
""")
    assert Path(out.strip()) == _fonts.HANGUL_FONT_FILE


def test_import_w2vlib_alone_does_not_import_matplotlib():
    """The command line and numpy-only users do not pay for matplotlib: the font waits for it."""
    assert run_fresh("import sys, w2vlib; print('matplotlib' in sys.modules)").strip() == "False"


def test_a_broken_font_file_never_breaks_importing_pyplot():
    out = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        from pathlib import Path
        import w2vlib._fonts
        w2vlib._fonts.HANGUL_FONT_FILE = Path("/nonexistent/font.ttf")
        import matplotlib.pyplot as plt
        print("imported")
    """)], capture_output=True, text=True, cwd=REPO, env={**os.environ, "MPLBACKEND": "Agg"})
    assert out.returncode == 0 and out.stdout.strip() == "imported", out.stderr
    assert "Hangul font" in out.stderr and "RuntimeWarning" in out.stderr


def test_registering_again_adds_no_duplicate():
    count = lambda: sum(e.fname == str(_fonts.HANGUL_FONT_FILE) for e in font_manager.fontManager.ttflist)  # noqa: E731
    assert count() == 1
    assert _fonts.register_hangul_font() == w2vlib.HANGUL_FONT
    assert count() == 1


def test_missing_font_file_warns_instead_of_breaking_import(monkeypatch, tmp_path):
    monkeypatch.setattr(_fonts, "HANGUL_FONT_FILE", tmp_path / "gone.ttf")
    with pytest.warns(RuntimeWarning, match="Hangul font"):
        assert _fonts.register_hangul_font() is None


def test_style_puts_dejavu_sans_first_then_the_hangul_font():
    with plt.style.context(STYLE):
        assert list(mpl.rcParams["font.family"]) == ["DejaVu Sans", w2vlib.HANGUL_FONT]


# ---- rendering --------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_hangul_figure_renders_with_no_warning(fmt):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render(hangul_figure, fmt=fmt)


def test_style_alone_in_a_fresh_process_renders_hangul_with_no_warning():
    """plt.style.use("w2vlib.teaching") imports w2vlib itself, so the font is there even without `import w2vlib`."""
    run_fresh("""
        import io
        import warnings
        import matplotlib.pyplot as plt
        plt.style.use("w2vlib.teaching")
        warnings.simplefilter("error")  # from here on: any warning, a missing glyph included, fails
        fig, ax = plt.subplots()
        ax.plot([-1, 1], [1, -1], label="단어 벡터")
        ax.set_title("코사인 유사도"); ax.legend()
        fig.savefig(io.BytesIO(), format="png")
    """)


def test_hangul_glyphs_come_from_the_bundled_font():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        styled = render(text_only(KOREAN))
        bundled_only = render(text_only(KOREAN), rc={"font.family": [w2vlib.HANGUL_FONT]})
    assert (styled[..., :3] < 128).any(), "no ink: nothing was drawn"
    np.testing.assert_array_equal(styled, bundled_only)


def test_latin_text_and_minus_sign_keep_dejavu_sans():
    text = "loss \N{MINUS SIGN}0.25, words/s 1,234 (CBOW)"
    styled = render(text_only(text))
    dejavu_only = render(text_only(text), rc={"font.family": ["DejaVu Sans"]})
    np.testing.assert_array_equal(styled, dejavu_only)


def test_without_the_style_hangul_warns_and_the_documented_rc_line_fixes_it():
    """The decision: importing w2vlib does not restyle plots, so outside the style Hangul needs one rc line."""
    with pytest.warns(UserWarning, match="missing from font"):
        render(hangul_figure, style="default")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render(hangul_figure, style="default", rc={"font.family": ["DejaVu Sans", w2vlib.HANGUL_FONT]})
