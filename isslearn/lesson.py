"""A lesson's settings in one call, so a teacher changes a lesson without touching its code.

The first code cell of every lesson reads::

    lesson = isslearn.Lesson(start="1998-01-01", end="2011-12-31")

and later cells ask it for data (``lesson.events()``) and quiz items (``lesson.quiz(...)``).
Everything is checked when the lesson is made, so a mistake shows in the first cell with
the fix, not halfway through a class.

Where the data comes from, first match wins:

- events: the ``events_file`` argument, else the ``ISSLEARN_EVENTS`` environment variable (one
  file for a whole class), else the built-in catalogue alone. A teacher's events are *added*
  to the built-in ones unless ``builtin_events=False``.
- quiz: the ``quiz_file`` argument, else the ``ISSLEARN_QUIZ`` environment variable, else the
  lesson's own questions (the ``default`` given to :meth:`Lesson.quiz`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from . import values as voc
from .annotation import annotate
from .catalogue import agency_codes
from .errors import FileProblems, SettingsError
from .events import EVENTS_ENV, load_events, teacher_events_path, validate
from .summaries import select_events
from .values import DateLike, as_day, match_choice, unknown_choice_hint

__all__ = ["QUIZ_ENV", "Lesson"]

QUIZ_ENV = "ISSLEARN_QUIZ"


class Lesson:
    """A lesson's choices: which events (file, dates, categories, agencies) and which quiz."""

    def __init__(
        self,
        *,
        events_file: str | os.PathLike[str] | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        categories: str | Iterable[str] | None = None,
        agencies: str | Iterable[str] | None = None,
        quiz_file: str | os.PathLike[str] | None = None,
        builtin_events: bool = True,
    ):
        reasons: list[str] = []
        self.start = _date("start", start, reasons)
        self.end = _date("end", end, reasons)
        if self.start is not None and self.end is not None and self.start > self.end:
            reasons.append(f"start ({self.start:%Y-%m-%d}) is after end ({self.end:%Y-%m-%d})")
        self.categories = _choices("categories", categories, voc.CATEGORIES, reasons)
        self.agencies = _choices("agencies", agencies, agency_codes(), reasons)
        self.events_file = teacher_events_path(events_file)
        self.events_origin = (
            "argument" if events_file is not None else EVENTS_ENV if self.events_file else None
        )
        self.quiz_file = _quiz_path(quiz_file)
        self.quiz_origin = (
            "argument" if quiz_file is not None else QUIZ_ENV if self.quiz_file else None
        )
        self.builtin_events = builtin_events
        if reasons:
            raise SettingsError("Lesson(...) settings: " + "; ".join(reasons))
        self._check_files()

    def _check_files(self) -> None:
        problems = []
        if self.events_file is not None:
            problems += validate(self.events_file)
        if self.quiz_file is not None:
            from .quiz_file import validate_quiz_file  # lazy: YAML is read only for a quiz file

            problems += validate_quiz_file(self.quiz_file)
        if problems:
            raise FileProblems(problems)

    def events(self, *, annotated: bool = True) -> pd.DataFrame:
        """The lesson's events: built-in plus the teacher's, filtered, with derived columns."""
        events = load_events(self.events_file, builtin=self.builtin_events)
        chosen = select_events(events, self.start, self.end, self.categories, self.agencies)
        return annotate(chosen) if annotated else chosen

    def quiz(self, default: Sequence | Callable[[], Sequence] | None = None) -> list:
        """The teacher's quiz items if a quiz file is set, else ``default`` (items or a function).

        Passing a function keeps the lesson's own questions from being built when a teacher's
        file replaces them.
        """
        if self.quiz_file is not None:
            from .quiz_file import load_quiz_file  # lazy: YAML is read only for a quiz file

            return load_quiz_file(self.quiz_file)
        if default is None:
            return []
        return list(default() if callable(default) else default)

    def describe(self) -> str:
        """One line per setting, in words a teacher can check at a glance."""
        span = (
            f"{self.start:%Y-%m-%d}" if self.start is not None else "the beginning",
            f"{self.end:%Y-%m-%d}" if self.end is not None else "today",
        )
        events = "built-in catalogue" if self.builtin_events else "no built-in events"
        if self.events_file is not None:
            events += f" + {self.events_file} (from {self.events_origin})"
        quiz = (
            f"{self.quiz_file} (from {self.quiz_origin})"
            if self.quiz_file
            else "the lesson's own questions"
        )
        return "\n".join(
            [
                f"events: {events}",
                f"dates: {span[0]} to {span[1]}",
                "categories: " + (", ".join(self.categories) if self.categories else "all"),
                "agencies: " + (", ".join(self.agencies) if self.agencies else "all"),
                f"quiz: {quiz}",
            ]
        )

    def __repr__(self) -> str:
        return "Lesson settings\n" + self.describe()


def _quiz_path(quiz_file: str | os.PathLike[str] | None) -> Path | None:
    if quiz_file is not None:
        return Path(quiz_file)
    from_env = os.environ.get(QUIZ_ENV, "").strip()
    return Path(from_env) if from_env else None


def _date(name: Literal["start", "end"], value: DateLike | None, reasons: list[str]):
    """A setting's date; a bare year means 1 January for ``start`` and 31 December for ``end``."""
    if value is None:
        return None
    try:
        return as_day(value, name, year=name)
    except SettingsError as exc:
        reasons.append(str(exc))
        return None


def _choices(
    name: str, values: str | Iterable[str] | None, allowed: Sequence[str], reasons: list[str]
) -> tuple[str, ...] | None:
    if values is None:
        return None
    given = [values] if isinstance(values, str) else list(values)
    chosen = []
    for value in given:
        matched = match_choice(str(value), tuple(allowed))
        if matched is None:
            singular = name.removesuffix("ies") + "y" if name.endswith("ies") else name[:-1]
            reasons.append(
                f"{name}: unknown {singular} {value!r}; {unknown_choice_hint(str(value), allowed)}"
            )
        else:
            chosen.append(matched)
    return tuple(chosen)
