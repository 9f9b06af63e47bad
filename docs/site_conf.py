"""Sphinx settings shared by both editions of the site (English at the root, Korean under ko/).

tools/build_site.py writes a small conf.py into each generated source folder that calls make(); nothing here
executes a notebook: the pages show the committed outputs, exactly what CI validated with nbval.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

TITLES = {"en": "word2vec, made fast", "ko": "word2vec 속도 개선"}


def make(site: dict) -> dict:
    lang = site["lang"]
    return dict(
        project=TITLES[lang],
        author="w2vlib contributors",
        copyright="w2vlib contributors (MIT); fonts under the SIL OFL 1.1 and the Bitstream Vera licence",
        language=lang,
        extensions=["myst_nb", "sphinx.ext.mathjax", "w2v_site"],
        w2v_site=site,
        templates_path=[str(HERE / "_templates")],
        html_static_path=[str(HERE / "_static"), site["fonts_dir"]],
        html_css_files=["w2v.css"],
        html_theme="sphinx_book_theme",
        html_title=TITLES[lang],
        html_copy_source=True,          # the committed .ipynb, as the download link's target
        html_sourcelink_suffix="",      # _sources/NN_name.ipynb, not NN_name.ipynb.txt
        html_show_sourcelink=False,
        html_last_updated_fmt=None,
        html_permalinks_icon="#",
        html_theme_options={
            "home_page_in_toc": True,
            "show_navbar_depth": 1,
            "use_download_button": True,
            "use_fullscreen_button": False,
            "use_repository_button": False,
            "show_prev_next": True,
            "article_header_end": ["w2v-lang.html", "article-header-buttons.html"],
            "navigation_with_keys": False,
            "footer_content_items": ["copyright.html"],
        },
        # Math from a local copy of MathJax 2.7 (the jupyter-server-mathjax package ships it; tools/build_site.py
        # copies it to _static/mathjax). HTML-CSS output with its STIX web fonts, also shipped.
        mathjax_path="mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full",
        mathjax2_config={
            "tex2jax": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]],
                        "processRefs": False, "processEnvironments": False,
                        "processClass": "tex2jax_process|mathjax_process|math|output_area",
                        "ignoreClass": "tex2jax_ignore|mathjax_ignore|document"},
            "HTML-CSS": {"availableFonts": [], "preferredFont": None, "webFont": "STIX-Web",
                         "imageFont": None, "linebreaks": {"automatic": True}},
            "showMathMenu": False,
            "messageStyle": "none",
            "menuSettings": {"zoom": "None"},
        },
        mathjax3_config=None,
        highlight_language="none",      # unlabelled fences (glossary, README) as plain text; notebook cells say python
        myst_enable_extensions=["dollarmath", "amsmath", "colon_fence"],
        myst_heading_anchors=3,
        nb_execution_mode="off",        # never re-execute: the committed outputs are the page
        nb_merge_streams=True,
        nb_ipywidgets_js={},            # no widget manager from a CDN
        nb_output_stderr="show",
        suppress_warnings=["myst.header", "mystnb.unknown_mime_type", "misc.highlighting_failure"],
        exclude_patterns=["_build"],
        html_search_language="en",    # Sphinx has no Korean splitter; words split on spaces
    )
