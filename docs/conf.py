"""Sphinx settings for the lessons' website (built by `make book`, see docs/make_book.py).

The site is built from the saved notebooks and must work with no network at all, at build
time and when read: nothing here may point a page at another host.
"""

from __future__ import annotations

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
# No ipywidgets JavaScript (require.js and the widget manager come from CDNs): every widget
# view is removed while staging, and each one has a static figure beside it in the lesson.
nb_ipywidgets_js = {}
# The quizzes' static twins are Markdown with <details> blocks; render them as Markdown.
nb_render_markdown_format = "myst"
nb_merge_streams = True
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

html_theme = "sphinx_book_theme"
html_title = "isslearn: the history of the International Space Station"
html_static_path = ["_static"]
html_css_files = ["isslearn.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    # No repository buttons, launch menus, analytics or version switchers: they point at
    # other hosts. The launch links are plain links written into each lesson page instead.
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_source_button": False,
    "use_issues_button": False,
    "use_edit_page_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
# Sphinx loads MathJax from a CDN on pages with maths. The lessons have none (no dollar-maths
# extension is enabled); tests/test_book.py fails if any page asks for it.
# The theme logs a console error on first visit unless a colour mode is named; light suits a
# projector.
html_context = {"default_mode": "light"}
