"""The lessons' own questions: one quiz file per lesson, shipped in ``isslearn/quizzes/``
(and, for each other language, in ``isslearn/quizzes/<lang>/``, read when a lesson is in it).

They are written in the same YAML format teachers use (see :mod:`.files`), so ``isslearn
check`` checks them like any teacher's file, and no answer sits in a lesson's code: the quiz
cell of lesson 01 is one line, ``lesson.quiz("01")``. They are read with
:mod:`importlib.resources`, so an installed package finds them offline.
"""

from __future__ import annotations

import sys
from importlib import resources

from ..errors import QuizFileError, SettingsError
from ..language import SOURCE_LANGUAGE, current, files_in_language
from .files import QuizFile, parse_quiz_file
from .items import QuizItem

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = ["lesson_quiz", "lesson_quiz_file", "read_lesson_quiz", "shipped_quizzes"]

FOLDER = "quizzes"


def shipped_quizzes(language: str | None = None) -> dict[str, Traversable]:
    """The lessons' quiz files in ``language`` (by default the lesson's), by lesson name
    (``01_assembly``), sorted."""
    return files_in_language(resources.files("isslearn") / FOLDER, ".yaml", language)


def lesson_quiz_file(lesson: str) -> tuple[str, Traversable]:
    """``(name, file)`` of the quiz of ``lesson``: '01', '1', '01_assembly' or 'assembly'."""
    quizzes = shipped_quizzes()
    wanted = lesson.strip().lower().removesuffix(".ipynb").removesuffix(".yaml")
    for name, item in quizzes.items():
        number, _, rest = name.partition("_")
        if wanted in (name, rest) or (wanted.isdigit() and int(wanted) == int(number)):
            return name, item
    known = ", ".join(quizzes) or "none are installed"
    raise SettingsError(f"{lesson!r} names no lesson's quiz; the lessons' quizzes are: {known}")


def read_lesson_quiz(lesson: str) -> QuizFile:
    """What reading the quiz file of ``lesson`` found (items, problems, notices)."""
    item = lesson_quiz_file(lesson)[1]
    folder = FOLDER if current() == SOURCE_LANGUAGE else f"{FOLDER}/{current()}"
    return parse_quiz_file(item.read_bytes(), f"isslearn/{folder}/{item.name}")


def lesson_quiz(lesson: str) -> list[QuizItem]:
    """The lesson's own questions, in order; raises :class:`QuizFileError` if its file is
    broken (a test keeps every shipped file free of problems and notices)."""
    found = read_lesson_quiz(lesson)
    if found.problems:
        raise QuizFileError(found.problems)
    return found.items
