#!/usr/bin/env python3
"""Check the built site (build/site/, made by tools/build_site.py); exit 1 on any failure.

Static checks, over every HTML page of both editions:
  - every notebook of both editions (notebooks/NN_*.ipynb, notebooks/ko/NN_*.ipynb) has a page, with a
    language switch to its twin and a link to its .ipynb;
  - every internal link resolves (the file exists; a #fragment names an id in the target page);
  - every image file exists;
  - no page, and no stylesheet, references an http(s):// script, stylesheet, font or image.
In headless Chromium (--browser, the default when chromium is installed):
  - the landing page and the notebook page with the most formulas load; MathJax has finished
    (<html data-w2v-math="typeset">), every formula became MathJax output, no MathJax error, no raw $…$ or \\(…\\)
    left in the visible text; the same for that page's Korean twin;
  - the site's search finds a notebook from search.html?q=…;
  - in the pages' monospace (code and outputs), Hangul measures exactly two Latin columns (text tables align);
  - Chromium's own network log of those loads holds no http(s) request;
  - screenshots of the landing page, the Korean formula page (desktop and phone width) and a Korean page's text
    table go to build/site-check/.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
NB_GLOB = "[0-9][0-9]_*.ipynb"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--mute-audio"]


class Problems(list):
    """The problems found, each filed under the check that found it (for the closing 'N passed, N failed')."""

    def __init__(self):
        super().__init__()
        self.checks, self.current = [], "setup"

    def check(self, name: str) -> None:
        self.current = name
        if name not in self.checks:
            self.checks.append(name)

    def append(self, msg: str) -> None:
        name = self.current
        if self.current == "links, images, network assets":
            name = ("no network assets" if "from the network" in msg else
                    "images exist" if "broken image" in msg else "internal links resolve")
        super().append((name, msg))


STATIC_CHECKS = ["internal links resolve", "images exist", "no network assets"]


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.refs, self.text = set(), [], []
        self._skip = 0
        self.classes = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if "name" in a and tag == "a":
            self.ids.add(a["name"])
        self.classes.append((tag, a.get("class") or ""))
        rel = (a.get("rel") or "").lower()
        if tag == "a" and a.get("href"):
            self.refs.append(("a", a["href"], ""))
        elif tag == "link" and a.get("href"):
            kind = "stylesheet" if "stylesheet" in rel else ("font" if a.get("as") == "font" else
                                                              ("script" if a.get("as") == "script" else rel))
            self.refs.append(("link", a["href"], kind))
        elif tag == "script" and a.get("src"):
            self.refs.append(("script", a["src"], "script"))
        elif tag in ("img", "source", "iframe", "embed", "video", "audio") and (a.get("src") or a.get("srcset")):
            for src in ([a["src"]] if a.get("src") else []) + [s.split()[0] for s in (a.get("srcset") or "").split(",") if s.strip()]:
                self.refs.append((tag, src, "image" if tag in ("img", "source") else tag))
        if a.get("style") and re.search(r"url\(\s*['\"]?https?:", a["style"]):
            self.refs.append(("style", a["style"], "inline-style"))
        if tag in ("script", "style", "pre", "code", "textarea", "noscript"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "pre", "code", "textarea", "noscript") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> Page:
    p = Page()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    return p


def static_checks(site: Path, errors: Problems) -> dict[Path, Page]:
    errors.check("links, images, network assets")
    pages = {p: parse(p) for p in sorted(site.rglob("*.html")) if "_static" not in p.parts}
    for path, page in pages.items():
        rel = path.relative_to(site)
        for tag, ref, kind in page.refs:
            if tag == "style":
                errors.append(f"{rel}: inline style loads from the network: {ref[:80]}")
                continue
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https") or ref.startswith("//"):
                if tag != "a":
                    errors.append(f"{rel}: <{tag}> loads {kind or 'a file'} from the network: {ref}")
                continue
            if parts.scheme in ("mailto", "javascript", "data", "tel") or parts.scheme:
                continue
            if not parts.path:          # "#anchor" on the same page
                if parts.fragment and parts.fragment not in page.ids and tag == "a":
                    errors.append(f"{rel}: link to a missing anchor #{parts.fragment}")
                continue
            target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                what = "image" if kind == "image" else "link"
                errors.append(f"{rel}: broken {what} -> {ref}")
                continue
            try:
                target.relative_to(site.resolve())
            except ValueError:
                errors.append(f"{rel}: link leaves the site folder -> {ref}")
            if parts.fragment and target.suffix == ".html" and tag == "a":
                tpage = pages.get(target) or parse(target)
                if unquote(parts.fragment) not in tpage.ids:
                    errors.append(f"{rel}: link to a missing anchor -> {ref}")
    # stylesheets: no web fonts or imports from the network, local url()s exist
    for css in sorted(site.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"(?:@import\s+(?:url\()?|url\()\s*['\"]?([^'\")\s]+)", text):
            ref = m.group(1)
            if re.match(r"(https?:)?//", ref):
                errors.append(f"{css.relative_to(site)}: loads from the network: {ref}")
            elif not ref.startswith(("data:", "#")) and "mathjax" not in css.parts:
                if not (css.parent / unquote(urlsplit(ref).path)).exists():
                    errors.append(f"{css.relative_to(site)}: missing file {ref}")
    return pages


def notebook_checks(site: Path, pages: dict[Path, Page], errors: Problems) -> int:
    errors.check("every notebook has a page")
    n = 0
    for lang, folder, out in (("en", ROOT / "notebooks", site), ("ko", ROOT / "notebooks" / "ko", site / "ko")):
        for nb in sorted(folder.glob(NB_GLOB)):
            page = out / (nb.stem + ".html")
            if page not in pages:
                errors.append(f"no page for {nb.relative_to(ROOT)}")
                continue
            n += 1
            refs = {ref for _, ref, _ in pages[page].refs}
            twin = ("ko/" if lang == "en" else "../") + nb.stem + ".html"
            if twin not in refs:
                errors.append(f"{page.relative_to(site)}: no language switch to {twin}")
            if f"_sources/{nb.name}" not in refs:
                errors.append(f"{page.relative_to(site)}: no download link to its .ipynb")
            src = out / "_sources" / nb.name
            if not src.exists() or src.read_bytes() != nb.read_bytes():
                errors.append(f"{src.relative_to(site)} is not the committed {nb.relative_to(ROOT)}")
            if lang == "en" and not any(f"{nb.stem}.html" in r for r in
                                        {ref for _, ref, _ in pages[site / "index.html"].refs}):
                errors.append(f"the landing page does not link {nb.stem}")
    return n


# ------------------------------------------------------------------------------------------------ browser
def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chrome(binary: str, url: str, *, dump: bool = False, shot: Path | None = None, size=(1280, 1800),
           netlog: Path | None = None, budget: int = 10000) -> str:
    with tempfile.TemporaryDirectory(prefix="w2v-chrome-") as profile:
        cmd = [binary, *CHROME_FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
               f"--virtual-time-budget={budget}"]
        if netlog:
            cmd.append(f"--log-net-log={netlog}")
        if dump:
            cmd.append("--dump-dom")
        if shot:
            cmd.append(f"--screenshot={shot}")
        cmd.append(url)
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if r.returncode:
            raise RuntimeError(f"chromium exited {r.returncode} on {url}: {r.stderr[-500:]}")
        return r.stdout


MATH_SRC = re.compile(r'<(span|div) class="math[ "]')
MJ_OUT = re.compile(r'class="(MathJax|MathJax_Display|MathJax_SVG|MathJax_CHTML|mjx-chtml)[ "]|<mjx-container')
RAW_MATH = re.compile(r"\$\$|(?<![\w$])\$[^$\s][^$\n]{0,200}?[^$\s\\]\$(?![\w$])|\\\(|\\\[")


def math_check(name: str, dom: str, errors: list[str], expect_math: bool) -> str:
    if "<html" not in dom:
        errors.append(f"{name}: Chromium returned no DOM")
        return "no DOM"
    sources = len(MATH_SRC.findall(dom))
    rendered = len(MJ_OUT.findall(dom))
    done = 'data-w2v-math="typeset"' in dom
    page = Page()
    page.feed(dom)
    text = " ".join(page.text)
    raw = RAW_MATH.findall(text)
    if expect_math:
        if sources == 0:
            errors.append(f"{name}: no formulas found (expected a page with formulas)")
        if not done:
            errors.append(f"{name}: MathJax did not finish (no data-w2v-math on <html>)")
        if rendered < sources:
            errors.append(f"{name}: {sources} formulas but only {rendered} typeset by MathJax")
    if re.search(r'class="[^"]*\b(MathJax_Error|merror|mjx-merror)\b', dom) or "Math input error" in dom:
        errors.append(f"{name}: MathJax reported an error")
    if raw:
        errors.append(f"{name}: raw math left in the page text: {raw[:3]}")
    return f"{sources} formulas, {rendered} MathJax elements, finished={done}, raw left={len(raw)}"


def netlog_http(path: Path) -> list[str]:
    """http(s) URLs that a page asked for, from Chromium's NetLog (--log-net-log). Chromium's own background
    requests (time sync, accounts) start with initiator 'not an origin'; a page's have the page's origin
    ("null" for file://)."""
    if not path.exists():
        return []
    try:
        log = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except json.JSONDecodeError:   # a log cut short when Chromium exits: close it
        text = path.read_text(encoding="utf-8", errors="replace").rstrip().rstrip(",")
        log = json.loads(text + "]}")
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for e in log.get("events", []):
        p = e.get("params") or {}
        if e.get("type") == start and str(p.get("url", "")).startswith(("http:", "https:")) \
                and p.get("initiator") != "not an origin":
            urls.add(p["url"])
    return sorted(urls)


def netlog_selftest(binary: str, tmp: Path) -> bool:
    """The NetLog filter must see a page's own request: a page that loads a script from the network."""
    page, log = tmp / "netlog-selftest.html", tmp / "netlog-selftest.json"
    page.write_text('<!doctype html><html><head><script src="https://w2v-site-check.invalid/x.js"></script>'
                    '</head><body>x</body></html>')
    chrome(binary, page.resolve().as_uri(), dump=True, netlog=log, budget=2000)
    seen = any("w2v-site-check.invalid" in u for u in netlog_http(log))
    page.unlink()
    log.unlink(missing_ok=True)
    return seen


ALIGN_PROBE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="_static/styles/pydata-sphinx-theme.css">
<link rel="stylesheet" href="_static/w2v.css"></head><body>
<div class="cell_output"><div class="output stream"><div class="highlight"><pre><span id="l">abcdefghij012345</span>
<span id="h">가나다라마바사힣</span>
<span id="m">ab가나cd다라ef마</span></pre></div></div></div>
<script>
document.fonts.load('16px "W2V Hangul Mono"', '가').then(function () { return document.fonts.ready; }).then(function () {
  var w = function (id) { return document.getElementById(id).getBoundingClientRect().width.toFixed(2); };
  document.body.setAttribute('data-widths', [w('l'), w('h'), w('m'),
    document.fonts.check('16px "W2V Hangul Mono"', '가')].join(','));
});
</script></body></html>
"""


def browser_checks(site: Path, binary: str, shots: Path, errors: list[str], report: list[str]) -> None:
    shots.mkdir(parents=True, exist_ok=True)
    url = lambda p: p.resolve().as_uri()  # noqa: E731
    netlogs = []

    def load(name, page, expect_math, **kw):
        log = shots / f"netlog-{name}.json"
        netlogs.append(log)
        dom = chrome(binary, url(page), dump=True, netlog=log, **kw)
        report.append(f"  {name}: {page.relative_to(site)}: " + math_check(name, dom, errors, expect_math))
        return dom

    # the landing page: loads, lists every notebook, language switch present
    errors.check("landing page in Chromium")
    dom = load("landing", site / "index.html", False)
    n_links = len(set(re.findall(r'href="(\d\d_\w+)\.html"', dom)))
    n_nbs = len(list((ROOT / "notebooks").glob(NB_GLOB)))
    if n_links < n_nbs:
        errors.append(f"landing page (in Chromium): links {n_links} notebooks of {n_nbs}")
    if 'class="btn btn-sm w2v-lang-switch"' not in dom:
        errors.append("landing page (in Chromium): no language switch")

    # the notebook page with the most formulas, and its Korean twin
    counts = {p: len(MATH_SRC.findall(p.read_text(encoding="utf-8"))) for p in sorted(site.glob("[0-9][0-9]_*.html"))}
    best = max(counts, key=counts.get)
    errors.check("formulas typeset (English)")
    load("formulas-en", best, True)
    ko = site / "ko" / best.name
    if ko.exists():
        errors.check("formulas typeset (Korean)")
        load("formulas-ko", ko, True)

    # search (Sphinx's own, client side): a notebook's title word finds that page
    errors.check("search finds a notebook")
    dom = chrome(binary, url(site / "search.html") + "?q=negative+sampling", dump=True, budget=15000)
    hits = set(re.findall(r'href="(\d\d_\w+)\.html[^"]*"', dom.split('id="search-results"', 1)[-1]))
    report.append(f"  search 'negative sampling': {len(hits)} pages found")
    if not any("negative_sampling" in h for h in hits):
        errors.append("search.html?q=negative+sampling did not find 04_negative_sampling")

    errors.check("no network request from the pages")
    if not netlog_selftest(binary, shots):
        errors.append("the network-log check did not see a test page's request to the network (check broken)")
    bad = sorted({u for log in netlogs for u in netlog_http(log)})
    report.append(f"  network requests (http/https) in Chromium's net log: {len(bad)}")
    if bad:
        errors.append(f"pages requested from the network: {bad[:5]}")
    for log in netlogs:
        log.unlink(missing_ok=True)

    # text tables: in the pages' own monospace, 8 Hangul syllables (and 4 mixed with 6 Latin) are exactly 16 columns
    errors.check("Hangul is two monospace columns")
    probe = site / "ko" / "_w2v_align_probe.html"
    probe.write_text(ALIGN_PROBE, encoding="utf-8")
    try:
        dom = chrome(binary, url(probe), dump=True, budget=5000)
    finally:
        probe.unlink()
    m = re.search(r'data-widths="([^"]*)"', dom)
    if not m:
        errors.append("alignment probe: no measurement (fonts did not load?)")
    else:
        latin, hangul, mixed, loaded = m.group(1).split(",")
        report.append(f"  monospace widths: 16 Latin {latin} px, 8 Hangul {hangul} px, mixed {mixed} px, "
                      f"Hangul font loaded: {loaded}")
        if loaded != "true" or max(abs(float(hangul) - float(latin)), abs(float(mixed) - float(latin))) > 0.5:
            errors.append(f"Hangul is not two monospace columns: {m.group(1)}")

    # screenshots: look at them
    errors.check("screenshots")
    chrome(binary, url(site / "index.html"), shot=shots / "landing-en.png", size=(1280, 1600))
    kopage = ko if ko.exists() else best
    chrome(binary, url(kopage), shot=shots / f"ko-{kopage.stem}.png", size=(1280, 2400))
    chrome(binary, url(kopage), shot=shots / f"ko-{kopage.stem}-phone.png", size=(400, 1600))
    # a Korean page with a text table holding Hangul (06's neighbours and analogies), whole page
    tables = sorted((site / "ko").glob("06_*.html")) or sorted((site / "ko").glob("[0-9][0-9]_*.html"))
    if tables:
        chrome(binary, url(tables[0]), shot=shots / f"ko-{tables[0].stem}-full.png", size=(1280, 9000))
    for png in (shots / "landing-en.png", shots / f"ko-{kopage.stem}.png"):
        if not png.exists() or png.stat().st_size < 10_000:
            errors.append(f"screenshot {png.name} missing or blank")
    report.append(f"  screenshots: {', '.join(sorted(p.name for p in shots.glob('*.png')))} in {shots}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", default=str(ROOT / "build" / "site"))
    ap.add_argument("--shots", default=str(ROOT / "build" / "site-check"))
    ap.add_argument("--no-browser", action="store_true", help="static checks only")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    site = Path(args.site)
    errors, report = Problems(), []
    if not (site / "index.html").exists():
        print(f"no site at {site}: run tools/build_site.py first", file=sys.stderr)
        return 2
    for name in STATIC_CHECKS:
        errors.check(name)
    pages = static_checks(site, errors)
    nbs = notebook_checks(site, pages, errors)
    n_links = sum(len(p.refs) for p in pages.values())
    report.insert(0, f"  {len(pages)} pages, {nbs} notebook pages, {n_links} links/assets checked")
    if not args.no_browser:
        binary = find_chromium()
        if not binary:
            errors.check("browser checks")
            errors.append("chromium not found (apt-get install -y chromium), browser checks not run")
        else:
            browser_checks(site, binary, Path(args.shots), errors, report)
    print("site check:")
    print("\n".join(report))
    for name, msg in errors:
        print(f"  FAIL [{name}] {msg}")
    checks = [c for c in errors.checks if c != "links, images, network assets"]
    failed = {name for name, _ in errors}
    print(f"site check: {'FAILED' if errors else 'passed'} in {time.perf_counter() - t0:.1f} s: "
          + "; ".join(f"{c} {'FAILED' if c in failed else 'ok'}" for c in checks))
    print(f"site-check: {len([c for c in checks if c not in failed])} passed, {len(failed)} failed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
