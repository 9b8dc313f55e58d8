"""Display quiz items in a notebook: the live widget, then its static twin as its own output.

Each item becomes two display outputs:

1. the live widget (``application/vnd.jupyter.widget-view+json``, with a one-line
   ``text/plain``);
2. the static twin: ``text/markdown`` in the :func:`~.static.answerable_markdown` form, which a
   reader answers by opening an option. Its metadata carries the handout's two forms under
   ``isslearn.quiz``: ``questions`` (no answers) and ``key`` (with them).

The twin is a separate output, not a second format of the widget's output, because a lesson is
saved with its widget state: nbconvert, nbviewer and the lessons' website then pick the widget
view over any other format of the same output, and with JavaScript off (or no kernel) that view
shows nothing a reader can use. Like the lessons' figure twins, the quiz twin also appears in a
live notebook, below the widget.
"""

from __future__ import annotations

from collections.abc import Iterable

from IPython.display import display

from .items import QuizItem
from .static import METADATA_KEY, answerable_markdown, static_markdown

__all__ = ["show", "static_twin_bundle"]


def static_twin_bundle(item: QuizItem) -> tuple[dict[str, str], dict[str, object]]:
    """``(data, metadata)`` of an item's static twin output (see the module docstring)."""
    questions, key = static_markdown([item])
    data = {"text/markdown": answerable_markdown(item), "text/plain": questions}
    return data, {METADATA_KEY: {"quiz": {"questions": questions, "key": key}}}


def show(items: QuizItem | Iterable[QuizItem]) -> None:
    """Display quiz items in a notebook: a live quiz each, then its static twin."""
    for item in [items] if isinstance(items, QuizItem) else list(items):
        live = dict(item.widget()._repr_mimebundle_())
        live["text/plain"] = f"Quiz: {item.title}"
        display(live, raw=True)
        data, metadata = static_twin_bundle(item)
        display(data, raw=True, metadata=metadata)
