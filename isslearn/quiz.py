"""Quizzes for lessons: items with feedback for every answer, made from the catalogue or a file.

One import gives a lesson everything it needs::

    from isslearn import quiz
    quiz.show([quiz.launch_order_question(n=4, seed=1), quiz.which_agency_built("columbus")])

``show`` displays live widgets (with a static Markdown twin for GitHub and paper); each item's
``to_markdown(answers=...)`` gives the static text on its own. Teachers' quiz files are YAML,
read by :func:`load_quiz_file` and checked by :func:`validate_quiz_file` (see
:mod:`isslearn.quiz_file` for the format).
"""

from __future__ import annotations

from collections.abc import Iterable

from .quiz_file import load_quiz_file, validate_quiz_file
from .quiz_items import (
    Feedback,
    MultipleChoice,
    Option,
    Ordering,
    QuizItem,
    _display_items,
    static_markdown,
)
from .quiz_questions import (
    event_year_question,
    expedition_question,
    launch_order_question,
    which_agency_built,
)

__all__ = [
    "Feedback",
    "MultipleChoice",
    "Option",
    "Ordering",
    "QuizItem",
    "event_year_question",
    "expedition_question",
    "launch_order_question",
    "load_quiz_file",
    "show",
    "static_markdown",
    "validate_quiz_file",
    "which_agency_built",
]


def show(items: QuizItem | Iterable[QuizItem]) -> None:
    """Display quiz items in a notebook: a live quiz each, plus its static Markdown twin."""
    if isinstance(items, (MultipleChoice, Ordering)):
        items = [items]
    _display_items(list(items))
