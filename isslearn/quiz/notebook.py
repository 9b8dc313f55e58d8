"""Display quiz items in a notebook: the live widget and its static twin in one output.

Each item becomes one display output holding the widget view *and* ``text/markdown`` (the
:func:`~.static.answerable_markdown` form), so a saved lesson can still be answered where
widgets do not run. The output's metadata carries the handout's two forms under
``isslearn.quiz``: ``questions`` (no answers) and ``key`` (with them).
"""

from __future__ import annotations

from collections.abc import Iterable

from IPython.display import display

from .items import QuizItem
from .static import METADATA_KEY, answerable_markdown, static_markdown

__all__ = ["show"]


def show(items: QuizItem | Iterable[QuizItem]) -> None:
    """Display quiz items in a notebook: a live quiz each, plus its static Markdown twin."""
    for item in [items] if isinstance(items, QuizItem) else list(items):
        questions, key = static_markdown([item])
        bundle = dict(item.widget()._repr_mimebundle_())
        bundle["text/plain"] = f"Quiz: {item.title}"
        bundle["text/markdown"] = answerable_markdown(item)
        meta = {METADATA_KEY: {"quiz": {"questions": questions, "key": key}}}
        display(bundle, raw=True, metadata=meta)
