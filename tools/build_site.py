#!/usr/bin/env python3
"""Build the series' website into build/site/ (English at the root, Korean under build/site/ko/).

    .venv/bin/python tools/build_site.py            # needs the `site` extra: pip install -e ".[site]"

Sphinx + myst-nb + sphinx-book-theme, from the committed, executed notebooks: nothing is re-executed
(nb_execution_mode = "off"), so every page shows exactly the outputs CI validated with nbval. Offline: no network
at build time, and the pages load nothing from the network (MathJax from the jupyter-server-mathjax package,
fonts from matplotlib and w2vlib/fonts/). Whatever notebooks exist (notebooks/NN_*.ipynb and
notebooks/ko/NN_*.ipynb) become pages, in number order. The two editions are built side by side in two processes.
Check the result with tools/check_site.py.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
NB_GLOB = "[0-9][0-9]_*.ipynb"

TEXT = {
    "en": {
        "notebooks": "The notebooks", "num": "#", "notebook": "notebook", "what": "what you see",
        "download": "file", "start": "Get started", "glossary": "Glossary",
        "glossary_line": "English ↔ 한국어 terms, the book's sections and the notebook that introduces each: "
                         "[the glossary](glossary.md).",
        "other": "한국어판: [the Korean edition](ko/index.html) of every page (the 한국어 button at the top of each page).",
        "site": "Build this site",
        "site_line": "This site was built from the committed, executed notebooks (nothing re-executed), with:",
        "glossary_title": "Glossary · 용어집",
    },
    "ko": {
        "notebooks": "노트북", "num": "#", "notebook": "노트북", "what": "내용",
        "download": "파일", "start": "시작하기", "glossary": "용어집",
        "glossary_line": "영어 ↔ 한국어 용어, 교재의 절, 각 용어를 처음 다루는 노트북: [용어집](glossary.md).",
        "other": "English: every page has an [English edition](../index.html) (the English button at the top of each page).",
        "site": "이 사이트 만들기",
        "site_line": "이 사이트는 커밋된 실행 결과 그대로의 노트북으로 만들었습니다(다시 실행하지 않습니다). 명령은 다음과 같습니다.",
        "glossary_title": "용어집 · Glossary",
    },
}


# ---------------------------------------------------------------------------------------------- README parts
def _readme(lang: str) -> str:
    path = ROOT / ("README.md" if lang == "en" else "README.ko.md")
    return path.read_text(encoding="utf-8") if path.exists() else (ROOT / "README.md").read_text(encoding="utf-8")


def _fence_blocks(lines: list[str], stop: int) -> list[tuple[str, str]]:
    """(caption, command) for the ```bash blocks before line `stop`; caption = the prose line above the block."""
    out, i = [], 0
    while i < stop:
        if lines[i].strip() == "```bash":
            j = i + 1
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            k = i - 1
            while k >= 0 and (not lines[k].strip() or lines[k].lstrip().startswith("<!--")):
                k -= 1
            out.append((lines[k].strip() if k >= 0 else "", "\n".join(lines[i + 1:j])))
            i = j
        i += 1
    return out


def _section_cmd(text: str, marker: str) -> str | None:
    m = re.search(rf"<!-- {marker} -->\s*```bash\n(.*?)\n```\s*<!-- /{marker} -->", text, re.S)
    return m.group(1) if m else None


def _rewrite_links(md: str, lang: str) -> str:
    """README links made to work on the site: README(s) -> landing pages, glossary -> glossary page,
    other repository files -> plain text (the site holds only the notebooks), web links kept."""
    def sub(m):
        label, target = m.group(1), m.group(2)
        base = target.rsplit("/", 1)[-1]
        if target.startswith(("http://", "https://")):
            return m.group(0)
        if base == "GLOSSARY.md":
            return f"[{label}](glossary.md)"
        if base == "README.ko.md":
            return f"[{label}](ko/index.html)" if lang == "en" else label
        if base == "README.md":
            return f"[{label}](../index.html)" if lang == "ko" else label
        return label
    return re.sub(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)", sub, md)


def _readme_rows(text: str) -> dict[str, str]:
    """{"01": "what you see", ...} from the README's notebook table (last column)."""
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^\|\s*(\d\d)\s*\|\s*`?(\d\d_[\w]+)`?\s*\|(.*)\|\s*$", line)
        if m:
            rows[m.group(1)] = m.group(3).split("|")[-1].strip()
    return rows


def _nb_title(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for line in src.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|")


def landing(lang: str, notebooks: list[Path]) -> str:
    t = TEXT[lang]
    readme = _readme(lang)
    lines = readme.splitlines()
    title = next((ln[2:].strip() for ln in lines if ln.startswith("# ")), "word2vec")
    first_h2 = next((i for i, ln in enumerate(lines) if ln.startswith("## ")), len(lines))
    blocks = _fence_blocks(lines, first_h2)[:2]
    # what it is and for whom: the README's first section, its notebook table replaced by the generated one
    end = next((i for i in range(first_h2 + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    about = [ln for ln in lines[first_h2 + 1:end] if not ln.lstrip().startswith("|")]
    about_md = _rewrite_links("\n".join(about).strip(), lang)
    rows = {**_readme_rows(_readme("en")), **_readme_rows(readme)}   # a row the translation lacks: the English one

    out = [f"# {title}", "", about_md, "", f"## {t['notebooks']}", "",
           f"| {t['num']} | {t['notebook']} | {t['what']} | {t['download']} |", "|---|---|---|---|"]
    for nb in notebooks:
        num = nb.name[:2]
        desc = _rewrite_links(rows.get(num, ""), lang)
        out.append(f"| {num} | [{_md_cell(_nb_title(nb))}]({nb.name}) | {_md_cell(desc)} | "
                   f"[.ipynb](<_sources/{nb.name}>) |")
    out += ["", t["glossary_line"], "", t["other"], "", f"## {t['start']}", ""]
    for caption, cmd in blocks:
        out += [_rewrite_links(caption, lang), "", "```bash", cmd, "```", ""]
    site_cmd = _section_cmd(_readme("en"), "site-command")
    if site_cmd:
        out += [f"## {t['site']}", "", t["site_line"], "", "```bash", site_cmd, "```", ""]
    out += ["```{toctree}", ":hidden:", ":maxdepth: 1", "", "glossary"] + [nb.stem for nb in notebooks] + ["```", ""]
    return "\n".join(out)


def glossary(lang: str) -> str:
    text = (ROOT / "notebooks" / "GLOSSARY.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    if lines and lines[0].startswith("# "):
        lines[0] = "# " + TEXT[lang]["glossary_title"]
    return _rewrite_links("\n".join(lines), lang) + "\n"


# ------------------------------------------------------------------------------------------------- assets
def make_fonts(dest: Path, only: str | None = None) -> None:
    """Web fonts for the pages, made from fonts the repository already ships (cached by source mtime):

    - W2V Mono: DejaVu Sans Mono (shipped by matplotlib), subset, for code and text outputs;
    - W2V Hangul Mono: w2vlib's Hangul font with every double-width character (wcwidth 2) widened to exactly two
      W2V Mono columns (glyph centred), so text tables stay aligned when they hold Hangul;
    - W2V Hangul Gothic: w2vlib's Hangul font as it is (a copy), for prose.
    `only` (tests): widen just these characters, skip the cache.
    """
    import logging

    import matplotlib
    from fontTools import subset
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from fontTools.ttLib import TTFont

    mono_src = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSansMono.ttf"
    hangul_src = ROOT / "w2vlib" / "fonts" / "W2VHangulGothic-Regular.ttf"
    stamp = f"{mono_src.stat().st_mtime_ns} {hangul_src.stat().st_mtime_ns} recipe 4"
    stamp_file = dest.parent / "fonts.stamp"
    if only is None and stamp_file.exists() and stamp_file.read_text() == stamp:
        return
    dest.mkdir(parents=True, exist_ok=True)

    def sub(font, unicodes):
        opts = subset.Options()
        opts.hinting, opts.layout_features, opts.flavor = False, [], "woff"
        opts.name_IDs = ["*"]
        s = subset.Subsetter(opts)
        s.populate(unicodes=unicodes)
        s.subset(font)
        return font

    mono = TTFont(mono_src)
    mono_cmap = mono.getBestCmap()
    latin = [c for c in mono_cmap if c < 0x2600 or 0x2500 <= c <= 0x259F]
    sub(mono, latin)
    mono.flavor = "woff"
    mono.save(dest / "w2v-mono.woff")
    col = TTFont(mono_src)["hmtx"][mono_cmap[ord("a")]][0] / TTFont(mono_src)["head"].unitsPerEm  # em per column

    wide = [(0x1100, 0x115F), (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3130, 0x318F), (0xAC00, 0xD7A3),
            (0xFF01, 0xFF60), (0xFFE0, 0xFFE6)]
    hangul = TTFont(hangul_src)
    cmap = hangul.getBestCmap()
    cps = [c for a, b in wide for c in range(a, b + 1) if c in cmap and (only is None or chr(c) in only)]
    upm = hangul["head"].unitsPerEm
    adv2 = round(2 * col * upm)
    glyf, hmtx = hangul["glyf"], hangul["hmtx"]
    done = set()
    for c in cps:
        name = cmap[c]
        if name in done:
            continue
        done.add(name)
        adv, lsb = hmtx[name]
        g = glyf[name]
        dx = (adv2 - adv) // 2          # centred in its two columns (most syllables are composite glyphs: move only)
        if g.isComposite():
            for comp in g.components:
                comp.x += dx
        elif g.numberOfContours > 0:
            g.coordinates.translate((dx, 0))
        g.recalcBounds(glyf)
        hmtx[name] = (adv2, lsb + dx)
    sub(hangul, cps)
    hangul.flavor = "woff"
    hangul.save(dest / "w2v-hangul-mono.woff")

    shutil.copy(hangul_src, dest / "w2v-hangul-gothic.ttf")
    shutil.copy(ROOT / "w2vlib" / "fonts" / "OFL.txt", dest / "OFL.txt")
    lic = mono_src.parent / "LICENSE_DEJAVU"
    if lic.exists():
        shutil.copy(lic, dest / "LICENSE_DEJAVU")
    if only is None:
        stamp_file.write_text(stamp)


def mathjax_dir() -> Path:
    import jupyter_server_mathjax
    return Path(jupyter_server_mathjax.__file__).resolve().parent / "static"


# --------------------------------------------------------------------------------------------------- build
def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def prepare(lang: str, notebooks: list[Path], twin_notebooks: list[Path], src: Path, fonts: Path) -> None:
    src.mkdir(parents=True, exist_ok=True)
    keep = {"conf.py", "index.md", "glossary.md"} | {nb.name for nb in notebooks}
    for old in src.iterdir():
        if old.name not in keep:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    for nb in notebooks:
        dst = src / nb.name
        if not dst.exists() or dst.read_bytes() != nb.read_bytes():
            shutil.copy2(nb, dst)
    site = {
        "lang": lang,
        "notebooks": [nb.stem for nb in notebooks],
        "twin_docs": ["index", "glossary"] + [nb.stem for nb in twin_notebooks],
        "twin_prefix": "ko/" if lang == "en" else "../",
        "fonts_dir": str(fonts),
    }
    write_if_changed(src / "conf.py", (
        "# generated by tools/build_site.py: the settings live in docs/site_conf.py\n"
        "import sys\n"
        f"sys.path.insert(0, {str(DOCS)!r})\n"
        "from site_conf import make\n"
        f"globals().update(make({site!r}))\n"))
    write_if_changed(src / "index.md", landing(lang, notebooks))
    write_if_changed(src / "glossary.md", glossary(lang))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "build" / "site"), help="output folder (default build/site)")
    ap.add_argument("--fresh", action="store_true", help="ignore Sphinx's cache (build/site-cache)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    out = Path(args.out).resolve()
    cache = ROOT / "build" / "site-cache"
    if args.fresh and cache.exists():
        shutil.rmtree(cache)
    editions = {"en": sorted((ROOT / "notebooks").glob(NB_GLOB)),
                "ko": sorted((ROOT / "notebooks" / "ko").glob(NB_GLOB))}
    if not editions["en"]:
        print("no notebooks found in notebooks/", file=sys.stderr)
        return 2
    fonts = cache / "fonts"
    make_fonts(fonts)
    if out.exists():
        shutil.rmtree(out)
    procs = {}
    for lang, nbs in editions.items():
        src = cache / "src" / lang
        prepare(lang, nbs, editions["ko" if lang == "en" else "en"], src, fonts)
        dest = out if lang == "en" else out / "ko"
        cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(cache / "doctrees" / lang),
               str(src), str(dest)]
        env = dict(os.environ, PYTHONHASHSEED="0")
        procs[lang] = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    rc = 0
    for lang, p in procs.items():
        _, err = p.communicate()
        # a warning is shown, not fatal (an unresolvable link to a repository file renders as plain text)
        for line in err.splitlines():
            print(f"[{lang}] {line}", file=sys.stderr)
        if p.returncode:
            print(f"sphinx failed for the {lang} edition (exit {p.returncode})", file=sys.stderr)
            rc = 1
    if rc:
        return rc
    mj = mathjax_dir()
    for dest in (out, out / "ko"):
        target = dest / "_static" / "mathjax"
        shutil.copytree(mj, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    for dest in (out, out / "ko"):    # myst-nb's working copies: the pages use _images/ and _sources/ instead
        shutil.rmtree(dest / "jupyter_execute", ignore_errors=True)
    (out / ".nojekyll").write_text("")   # GitHub Pages: serve _static/ and _sources/ as they are
    pages = len(list(out.rglob("*.html")))
    print(f"site: {out} ({len(editions['en'])} English + {len(editions['ko'])} Korean notebooks, "
          f"{pages} pages) in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
