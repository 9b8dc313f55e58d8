"""Sphinx settings for the lessons' website (built by `make book`, see docs/make_book.py).

The site is built from the saved notebooks and must work with no network at all, at build
time and when read: nothing here may point a page at another host (a link is fine; loading a
script, style, font or image from elsewhere is not). tests/test_book.py and
tests/browser/test_book_in_browser.py check both, and that no page has a serious or critical
WCAG 2 A/AA violation as axe-core measures it.

Where sphinx-book-theme or MyST-NB has a setting for something, it is used here rather than
done by hand in make_book.py: the launch buttons, leaving widget views out, and the MyST-NB
cell tags a lesson author sets (``remove-cell``, ``remove-input``, ``remove-output``,
``hide-input``...), which the website honours.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# docs/ is a folder, not a package: make_book is imported from beside this file.
from make_book import SITE_FILE, WIDGET_VIEW, Site

# Where the lessons live and where a school's JupyterHub runs: docs/site.toml, the one place
# these are set. The launch buttons below, the landing and planning pages and the README's
# links are all made from it (tests/test_book.py checks that they agree).
site = Site.load()

project = "isslearn"
author = "isslearn developers"
copyright = "isslearn developers"

extensions = ["myst_nb"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
root_doc = "index"
# Show the lessons' text exactly as written (no curly quotes swapped in).
smartquotes = False

# Show the outputs saved in the notebooks; never start a kernel.
nb_execution_mode = "off"
# Widgets need a kernel, so the pages show what stands in for them. MyST-NB never renders a
# widget view (priority None drops that mime type for every builder): an output that also
# holds a static form (Markdown, an image) shows that form. A cell whose outputs are only
# widgets is tagged remove-cell while staging (make_book.without_widgets); each explorer has a
# static figure beside it in the lesson. No ipywidgets JavaScript either: by default MyST-NB
# loads require.js and the widget manager from CDNs.
nb_mime_priority_overrides = [("*", WIDGET_VIEW, None)]
nb_ipywidgets_js = {}
# The quizzes' static twins are Markdown with <details> blocks; render them as Markdown.
nb_render_markdown_format = "myst"
nb_merge_streams = True
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
# French typography puts a narrow no-break space before "?" and ":", also in the YAML examples
# of a French lesson; Pygments' YAML lexer stops there and Sphinx shows the block unhighlighted,
# which is all a reader needs, so that one warning does not fail the build.
suppress_warnings = ["mystnb.unknown_mime_type", "misc.highlighting_failure"]

html_theme = "sphinx_book_theme"
html_title = "isslearn: the history of the International Space Station"
html_static_path = ["_static"]
# The presenter fallback for a room with no network or no kernel: a "Present" button on each
# lesson page (present.js) for large type, no code and one section per screen (present.css).
html_css_files = ["isslearn.css", "present.css"]
html_js_files = ["present.js"]
# Theme templates overridden where the theme's own markup fails an accessibility check; each
# file says why (search-button-field.html: WCAG 2.5.3, label in name). pydata-sphinx-theme looks
# up its components by file name, so an override sits at the top of _templates/.
templates_path = ["_templates"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    # The theme's launch buttons (a rocket menu at the top of every lesson page): Binder, and
    # the school's JupyterHub through nbgitpuller. They are links: nothing is loaded from those
    # hosts while a page is read. The theme makes each lesson's path in the repository from its
    # page name; lessons are staged under notebooks/ as in the repository, so path_to_docs is
    # empty.
    "repository_url": site.repository,
    "repository_branch": site.branch,
    "path_to_docs": "",
    "launch_buttons": {
        "binderhub_url": site.binderhub,
        "jupyterhub_url": site.hub,
        "notebook_interface": "jupyterlab",
    },
    # No repository, source, issue or edit buttons, downloads, analytics or version switchers.
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_source_button": False,
    "use_issues_button": False,
    "use_edit_page_button": False,
    "show_toc_level": 2,
    # The sidebar's toggle, then the language switch (_templates/language-switch.html): on a
    # phone the buttons at the other end leave room for it there.
    "article_header_start": ["toggle-primary-sidebar.html", "language-switch.html"],
    "navigation_with_keys": False,
}
# Sphinx loads MathJax from a CDN on pages with maths. The lessons have none (no dollar-maths
# extension is enabled); tests/test_book.py fails if any page asks for it.
# The theme logs a console error on first visit unless a colour mode is named; light suits a
# projector.
html_context = {"default_mode": "light"}


# Each language is its own build (make_book.build: ``-D language=CODE``); staging writes
# SITE_FILE beside the pages: for every page, its counterparts in the other languages, and the
# words of the Present button. The switch is a link per language at the top of every page.
def _language_switch(app, pagename, templatename, context, doctree):
    switch = app.config.isslearn_site
    context["isslearn_switch"] = switch.get("pages", {}).get(pagename) or [
        dict(other, url="../" * pagename.count("/") + other["url"])
        for other in switch.get("front_pages", [])
    ]
    context["isslearn_switch_label"] = switch.get("label", "")


def setup(app):
    path = Path(app.srcdir) / SITE_FILE
    site_map = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    app.add_config_value("isslearn_site", site_map, "html")
    if site_map.get("present"):
        words = json.dumps(site_map["present"], ensure_ascii=False)
        app.add_js_file(None, body=f"window.ISSLEARN_PRESENT_WORDS = {words};")
    app.connect("html-page-context", _language_switch)
