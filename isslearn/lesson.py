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

A broken file given as an argument stops the settings cell with every problem listed: whoever
typed it can fix it there. A broken file named by an environment variable was set up for the
whole class, so learners are told once to ask their teacher and the lesson goes on without it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd

from . import values as voc
from .annotation import annotate
from .catalogue import agency_codes
from .errors import FileProblems, SettingsError
from .events import (
    EVENTS_ENV,
    check_events,
    instead_of_class_events,
    load_events,
    teacher_events_path,
)
from .files import expand_home
from .notices import class_file_unusable, tell
from .summaries import select_event_rows, select_events
from .values import DateLike, as_day, match_choice, unknown_choice_hint

if TYPE_CHECKING:  # the quiz package is imported only when a quiz file is read
    from .quiz.items import QuizItem

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
        self.not_used: list[str] = []  # class-wide files set but broken, so left out
        if reasons:
            raise SettingsError("Lesson(...) settings: " + "; ".join(reasons))
        self._check_files()
        self._check_some_events_match()

    def _check_files(self) -> None:
        """A broken file given here is an error; one set for the class is left out, with a note.

        The person who wrote ``events_file=`` can fix it in this cell. A file named by
        ``ISSLEARN_EVENTS`` or ``ISSLEARN_QUIZ`` was set up by the teacher, and a learner can
        only ask them: the learner is told so once, and the lesson goes on without it.
        """
        problems = []
        if self.events_file is not None:
            check = check_events(self.events_file)
            if check.problems and self.events_origin == EVENTS_ENV:
                instead = instead_of_class_events(self.builtin_events)
                tell(class_file_unusable(EVENTS_ENV, self.events_file, check.problems, instead))
                self.not_used.append(f"{EVENTS_ENV}={self.events_file}")
                self.events_file = self.events_origin = None
            else:
                problems += check.problems
                for notice in check.notices:
                    tell(str(notice))
        if self.quiz_file is not None:
            from .quiz.files import validate_quiz_file  # lazy: YAML is read only for a quiz file

            quiz_problems = validate_quiz_file(self.quiz_file)
            if quiz_problems and self.quiz_origin == QUIZ_ENV:
                instead = "its own questions"
                tell(class_file_unusable(QUIZ_ENV, self.quiz_file, quiz_problems, instead))
                self.not_used.append(f"{QUIZ_ENV}={self.quiz_file}")
                self.quiz_file = self.quiz_origin = None
            else:
                problems += quiz_problems
        if problems:
            raise FileProblems(problems)

    def _check_some_events_match(self) -> None:
        """Refuse settings that leave no events, here, rather than in a figure's cell later."""
        events = load_events(self.events_file, builtin=self.builtin_events)
        wanted = (self.start, self.end, self.categories, self.agencies)
        if select_event_rows(events, *wanted).any():
            return
        raise SettingsError(
            "Lesson(...) settings: no events match these settings: "
            + "; ".join(_why_none_match(events, *wanted))
            + "; widen the dates, or choose other categories or agencies"
        )

    def events(self, *, annotated: bool = True) -> pd.DataFrame:
        """The lesson's events: built-in plus the teacher's, filtered, with derived columns."""
        events = load_events(self.events_file, builtin=self.builtin_events)
        chosen = select_events(events, self.start, self.end, self.categories, self.agencies)
        return annotate(chosen) if annotated else chosen

    def quiz(
        self, default: Sequence[QuizItem] | Callable[[], Sequence[QuizItem]] | None = None
    ) -> list[QuizItem]:
        """The teacher's quiz items if a quiz file is set, else ``default`` (items or a function).

        Passing a function keeps the lesson's own questions from being built when a teacher's
        file replaces them.
        """
        if self.quiz_file is not None:
            from .quiz.files import load_quiz_file  # lazy: YAML is read only for a quiz file

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
        not_used = [f"not used (the file has problems): {what}" for what in self.not_used]
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
                *not_used,
            ]
        )

    def __repr__(self) -> str:
        return "Lesson settings\n" + self.describe()


def _quiz_path(quiz_file: str | os.PathLike[str] | None) -> Path | None:
    """The quiz file in force: the argument, else $ISSLEARN_QUIZ; ``~`` is the home folder."""
    if quiz_file is not None:
        return expand_home(quiz_file)
    from_env = os.environ.get(QUIZ_ENV, "").strip()
    return expand_home(from_env) if from_env else None


def _why_none_match(
    events: pd.DataFrame,
    start: pd.Timestamp | None,
    end: pd.Timestamp | None,
    categories: tuple[str, ...] | None,
    agencies: tuple[str, ...] | None,
) -> list[str]:
    """Which settings, each on its own, already leave no events (or that only all together do)."""
    if events.empty:
        return ["there are no events at all (builtin_events=False and no events file)"]
    first, last = events["date"].min(), events["date"].max()
    reasons = []
    if start is not None and start > last:
        reasons.append(f"start={start:%Y-%m-%d} is after the last event ({last:%Y-%m-%d})")
    if end is not None and end < first:
        reasons.append(f"end={end:%Y-%m-%d} is before the first event ({first:%Y-%m-%d})")
    if categories is not None and not select_event_rows(events, categories=categories).any():
        chosen = ", ".join(categories) if categories else "none"
        reasons.append(f"no event has the categories chosen ({chosen})")
    if agencies is not None and not select_event_rows(events, agencies=agencies).any():
        chosen = ", ".join(agencies) if agencies else "none"
        reasons.append(f"no event involves the agencies chosen ({chosen})")
    return reasons or ["each setting matches some events, but no event matches them all"]


def _date(
    name: Literal["start", "end"], value: DateLike | None, reasons: list[str]
) -> pd.Timestamp | None:
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
