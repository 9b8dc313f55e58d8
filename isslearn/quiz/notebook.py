"""Display quiz items in a notebook: each question once, live where a kernel runs, static where
none does.

Each item becomes ONE display output whose formats are:

- ``application/vnd.jupyter.widget-view+json``: the live quiz, which JupyterLab, Notebook and
  Voilà show while the kernel runs;
- ``text/html``: the static version (:func:`~.static.static_html`), with no answer in it;
- ``text/plain``: the question and options as text.

nbconvert (and so nbviewer and GitHub, which render notebooks with it) shows the widget view
only when the notebook's saved widget state holds its model; otherwise it shows the next
format, the static HTML. A lesson saved by JupyterLab keeps no widget state by default; a lesson
executed by nbconvert does, so :func:`static_quizzes` drops the quiz's widget view and models
from a saved notebook (``make lessons`` runs it), and the lesson then opens, on GitHub, nbviewer
and in JupyterLab before it is run, with each question shown once, statically, until its cell
runs again.

The output's metadata carries what the handout and the website need (see
:mod:`.static`): the item's number and origin, its question as Markdown, and the packed item.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from IPython.display import Markdown, display

from ..errors import SettingsError
from ..language import gettext as _
from .items import MultipleChoice, Ordering, QuizItem, WrittenAnswer, md_text
from .static import METADATA_KEY, pack, paper_markdown, plain_text, static_html

__all__ = [
    "WIDGET_VIEW",
    "LessonQuiz",
    "quiz_bundle",
    "show",
    "static_quizzes",
    "static_quizzes_in_files",
]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


class LessonQuiz(list[QuizItem]):
    """A lesson's quiz: its own questions, then the teacher's (from a quiz file), in order.

    It is a list of items, and shows itself when it is a cell's last line, with a short heading
    before the teacher's questions. ``own`` counts the lesson's own questions at the start;
    ``origin`` names the teacher's file.
    """

    def __init__(self, items: Iterable[QuizItem] = (), *, own: int | None = None, origin: str = ""):
        if isinstance(items, MultipleChoice | Ordering | WrittenAnswer):
            raise SettingsError("LessonQuiz takes a list of items; for one, use [item]")
        super().__init__(items)
        self.own = len(self) if own is None else own
        self.origin = origin

    def _ipython_display_(self) -> None:
        show(self)


def quiz_bundle(
    item: QuizItem, number: int | None = None, origin: str = "lesson"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(data, metadata)`` of an item's one output: live widget, static HTML, plain text."""
    box = item.widget()
    if number:  # the title widget is the box's first child (see .live)
        box.children[0].value = box.children[0].value.replace("<strong>", f"<strong>{number}. ", 1)
    data = dict(box._repr_mimebundle_())
    data["text/html"] = static_html(item, number)
    data["text/plain"] = plain_text(item, number)
    questions = paper_markdown(item, number)
    metadata = {
        METADATA_KEY: {
            "quiz": {
                "number": number,
                "origin": origin,
                "questions": questions,
                "item": pack(item),
            }
        }
    }
    return data, metadata


def show(items: QuizItem | Iterable[QuizItem]) -> None:
    """Display quiz items in a notebook, numbered from 1, each once (see the module docstring).

    Given a :class:`LessonQuiz`, a short heading comes before the teacher's own questions.
    """
    shown = [items] if isinstance(items, QuizItem) else list(items)
    own = items.own if isinstance(items, LessonQuiz) else len(shown)
    origin = items.origin if isinstance(items, LessonQuiz) else ""
    for number, item in enumerate(shown, start=1):
        if number == own + 1 and own < len(shown):
            file = _(" (from {file})").format(file=md_text(Path(origin).name)) if origin else ""
            display(Markdown("**" + _("Your teacher's questions") + f"**{file}"))
        data, metadata = quiz_bundle(
            item, number, "lesson" if number <= own else (origin or "teacher")
        )
        display(data, raw=True, metadata=metadata)


def _models_under(state: dict[str, Any], model_id: str) -> set[str]:
    """``model_id`` and every model it refers to (children, layouts, styles), recursively."""
    found: set[str] = set()
    todo = [model_id]
    while todo:
        current = todo.pop()
        if current in found or current not in state:
            continue
        found.add(current)
        stack: list[Any] = [state[current].get("state", {})]
        while stack:
            value = stack.pop()
            if isinstance(value, str) and value.startswith("IPY_MODEL_"):
                todo.append(value.removeprefix("IPY_MODEL_"))
            elif isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
    return found


def static_quizzes(notebook: dict[str, Any], cells: Sequence[int] | None = None) -> int:
    """Keep only the static formats of the quiz outputs of a saved notebook (in place).

    Removes each quiz output's widget view, and its models from the saved widget state, so
    that every renderer without a kernel shows the static question (see the module
    docstring). ``cells`` limits this to those cell indexes. Returns the outputs changed.
    """
    state = notebook.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state")
    changed = 0
    for index, cell in enumerate(notebook.get("cells", [])):
        if cells is not None and index not in cells:
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW not in data or "quiz" not in output.get("metadata", {}).get(
                METADATA_KEY, {}
            ):
                continue
            model_id = data.pop(WIDGET_VIEW).get("model_id", "")
            if state:
                for gone in _models_under(state, model_id):
                    state.pop(gone, None)
            changed += 1
    return changed


def static_quizzes_in_files(paths: Iterable[str | os.PathLike[str]]) -> None:
    """:func:`static_quizzes` on each saved notebook file (what ``make lessons`` runs)."""
    import nbformat

    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        if static_quizzes(notebook):
            nbformat.write(notebook, path)
