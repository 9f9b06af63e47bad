"""Small Sphinx extension for the notebook site (both editions).

- the language switch: every page links to its twin in the other edition (same page name), else to the
  other edition's landing page; notebook pages also get a download link to their committed .ipynb;
- links in the notebooks to the README (../README.md, ../../README.ko.md) or GLOSSARY.md go to this
  site's landing page and glossary;
- the exercises' "not attempted" outputs are marked as prompts (class w2v-prompt) and their "correct" ones as
  such (w2v-correct), so the theme does not show them like errors;
- a MathJax start-up hook records, on <html data-w2v-math="typeset">, that MathJax has finished (CI's browser
  check reads it).
"""
from __future__ import annotations

import posixpath
import re

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

PROMPT = re.compile(r"not attempted|아직 풀지 않았습니다")
WRONG = re.compile(r": (not yet|아직 정답이 아닙니다)")
CORRECT = re.compile(r"^[^\n]*: (correct|정답입니다)", re.M)

LABELS = {
    "en": {"switch": "한국어", "switch_title": "이 페이지의 한국어판 (Korean edition)", "download": ".ipynb",
           "download_title": "Download this notebook (.ipynb), with its outputs"},
    "ko": {"switch": "English", "switch_title": "English edition of this page (영어판)", "download": ".ipynb",
           "download_title": "이 노트북(.ipynb)을 실행 결과와 함께 내려받기"},
}

MATH_DONE = ("MathJax.Hub.Register.StartupHook('End', function () {"
             " document.documentElement.setAttribute('data-w2v-math', 'typeset'); });")


def _page_context(app, pagename, templatename, context, doctree):
    site = app.config.w2v_site
    lang = site["lang"]
    twins = set(site["twin_docs"]) | {"search", "genindex"}
    target = pagename if pagename in twins else "index"
    context["w2v_twin_url"] = posixpath.join(site["twin_prefix"], target + ".html")
    context["w2v_twin_lang"] = "ko" if lang == "en" else "en"
    context["w2v_labels"] = LABELS[lang]
    if pagename in site["notebooks"]:
        context["w2v_ipynb_url"] = "_sources/" + pagename + ".ipynb"
        context["w2v_ipynb_name"] = pagename + ".ipynb"
    else:
        context["w2v_ipynb_url"] = ""


def _mark_outputs(app, doctree, docname):
    for node in doctree.findall(nodes.literal_block):
        classes = node.get("classes", [])
        if "output" not in classes:
            continue
        text = node.astext()
        if PROMPT.search(text) or WRONG.search(text):
            classes.append("w2v-prompt")
        elif CORRECT.search(text):
            classes.append("w2v-correct")


class LocalLinks(SphinxPostTransform):
    """Links MyST cannot resolve as documents, resolved before MyST warns about them: the README(s) -> the
    landing page, GLOSSARY.md -> the glossary page, and literal site paths (an .html page of the other edition,
    a notebook's _sources/ copy) kept as they are."""

    default_priority = 5   # before MyST's own resolver (9)

    def run(self, **kwargs):
        env = self.env
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") not in (None, "") and node.get("reftype") != "myst":
                continue
            target = node.get("reftarget", "")
            base = posixpath.basename(target.split("#")[0])
            doc = {"README.md": "index", "README.ko.md": "index", "GLOSSARY.md": "glossary"}.get(base)
            if doc is not None and doc in env.all_docs:
                uri = self.app.builder.get_relative_uri(node.get("refdoc", env.docname), doc)
            elif target.startswith("_sources/") or target.split("#")[0].endswith(".html"):
                uri = target
            else:
                continue
            ref = nodes.reference("", "", internal=True, refuri=uri)
            ref += node.children
            node.replace_self(ref)


def setup(app):
    app.add_config_value("w2v_site", {}, "env")
    app.connect("html-page-context", _page_context)
    app.connect("doctree-resolved", _mark_outputs)
    app.add_post_transform(LocalLinks)
    app.add_js_file(None, body=MATH_DONE, type="text/x-mathjax-config")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
