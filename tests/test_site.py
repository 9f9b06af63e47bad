"""The website's build helpers and checker (issue 21), without building the site or starting a browser.

The real build and the browser check run in CI (.ci/run: the README's site command, then tools/check_site.py);
these tests pin what each piece promises: pages for whatever notebooks exist, in order; the README's commands on
the landing page; fonts that keep Hangul at exactly two monospace columns; a checker that catches broken links,
missing images and network assets.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


build_site = _load("build_site")
check_site = _load("check_site")


def _fake_notebook(path: Path, title: str) -> Path:
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": [f"# {title}\n", "\n", "text"]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_landing_lists_every_notebook_in_order_with_the_readme_descriptions(tmp_path):
    real = sorted((ROOT / "notebooks").glob(build_site.NB_GLOB))
    extra = _fake_notebook(tmp_path / "99_a_new_notebook.ipynb", "99. A notebook added later")
    md = build_site.landing("en", real + [extra])
    rows = re.findall(r"^\| (\d\d) \| \[([^\]]+)\]\((\d\d_\w+)\.ipynb\)", md, re.M)
    assert [r[0] for r in rows] == [p.name[:2] for p in real] + ["99"]
    assert rows[-1][1] == "99. A notebook added later"
    readme_rows = build_site._readme_rows((ROOT / "README.md").read_text(encoding="utf-8"))
    for num, desc in readme_rows.items():
        if any(p.name.startswith(num) for p in real):
            assert build_site._md_cell(build_site._rewrite_links(desc, "en")) in md
    # every notebook also in the hidden toctree (sidebar, previous/next), in the same order
    toc = md.split("```{toctree}", 1)[1]
    assert [ln for ln in toc.splitlines() if re.match(r"\d\d_", ln)] == [p.stem for p in real] + [extra.stem]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_landing_shows_the_readme_commands(lang):
    md = build_site.landing(lang, sorted((ROOT / "notebooks").glob(build_site.NB_GLOB)))
    readme = (ROOT / ("README.md" if lang == "en" else "README.ko.md")).read_text(encoding="utf-8")
    first_h2 = readme.index("\n## ")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme[:first_h2], re.S)
    assert len(blocks) >= 2
    for cmd in blocks[:2]:
        assert f"```bash\n{cmd}\n```" in md
    site_cmd = build_site._section_cmd((ROOT / "README.md").read_text(encoding="utf-8"), "site-command")
    assert site_cmd and "tools/build_site.py" in site_cmd and f"```bash\n{site_cmd}\n```" in md


def test_readme_links_become_site_links():
    md = ("see [README.ko.md](README.ko.md), [the glossary](notebooks/GLOSSARY.md), "
          "[data](data/README.md) and [numba](https://numba.pydata.org)")
    en = build_site._rewrite_links(md, "en")
    assert "[README.ko.md](ko/index.html)" in en and "[the glossary](glossary.md)" in en
    assert "[data]" not in en and "data" in en                 # a repository file: plain text, no broken link
    assert "[numba](https://numba.pydata.org)" in en


def test_hangul_monospace_font_is_exactly_two_columns(tmp_path):
    from fontTools.ttLib import TTFont

    build_site.make_fonts(tmp_path / "fonts", only="가힣한글，")
    mono = TTFont(tmp_path / "fonts" / "w2v-mono.woff")
    hangul = TTFont(tmp_path / "fonts" / "w2v-hangul-mono.woff")
    col = mono["hmtx"][mono.getBestCmap()[ord("a")]][0] / mono["head"].unitsPerEm
    for ch in "aZ0|-":
        assert mono["hmtx"][mono.getBestCmap()[ord(ch)]][0] / mono["head"].unitsPerEm == col
    cmap = hangul.getBestCmap()
    for ch in "가힣한글，":
        width = hangul["hmtx"][cmap[ord(ch)]][0] / hangul["head"].unitsPerEm
        assert abs(width - 2 * col) < 0.001, (ch, width, col)
        g = hangul["glyf"][cmap[ord(ch)]]
        assert 0 <= g.xMin and g.xMax <= hangul["hmtx"][cmap[ord(ch)]][0]      # the glyph inside its cell
    assert (tmp_path / "fonts" / "OFL.txt").exists()


def _site(tmp_path: Path, body: str) -> Path:
    site = tmp_path / "site"
    (site / "_static").mkdir(parents=True)
    (site / "_static" / "ok.css").write_text("body{}")
    (site / "img.png").write_bytes(b"png")
    (site / "other.html").write_text('<html><body><h1 id="there">x</h1></body></html>')
    (site / "index.html").write_text(f'<html><head><link rel="stylesheet" href="_static/ok.css"></head>'
                                     f'<body><p id="here">x</p>{body}</body></html>')
    return site


def _problems(site: Path) -> list[tuple[str, str]]:
    errors = check_site.Problems()
    check_site.static_checks(site, errors)
    return list(errors)


def test_checker_passes_a_sound_page(tmp_path):
    site = _site(tmp_path, '<a href="other.html#there">a</a><a href="#here">b</a><img src="img.png">'
                           '<a href="https://example.org/">a web link is fine</a>')
    assert _problems(site) == []


@pytest.mark.parametrize("body, check", [
    ('<a href="missing.html">x</a>', "internal links resolve"),
    ('<a href="other.html#nowhere">x</a>', "internal links resolve"),
    ('<a href="#nowhere">x</a>', "internal links resolve"),
    ('<img src="missing.png">', "images exist"),
    ('<script src="https://cdn.example.org/mathjax.js"></script>', "no network assets"),
    ('<link rel="stylesheet" href="https://fonts.example.org/css">', "no network assets"),
    ('<img src="http://example.org/x.png">', "no network assets"),
])
def test_checker_catches(tmp_path, body, check):
    problems = _problems(_site(tmp_path, body))
    assert [name for name, _ in problems] == [check], problems


def test_checker_catches_a_web_font_in_a_stylesheet(tmp_path):
    site = _site(tmp_path, "")
    (site / "_static" / "ok.css").write_text('@font-face{font-family:x;src:url("https://fonts.example.org/x.woff")}')
    assert [name for name, _ in _problems(site)] == ["no network assets"]


def test_raw_math_pattern():
    assert check_site.RAW_MATH.search("the loss $L = -\\log y$ here")
    assert check_site.RAW_MATH.search("\\(x\\)")
    assert not check_site.RAW_MATH.search("costs $5 and $10 a month")   # prices are not math
