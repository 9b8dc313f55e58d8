"""A lesson's settings in one call, so a teacher changes a lesson without touching its code.

The first code cell of every lesson reads::

    lesson = isslearn.Lesson(start="1998-01-01", end="2011-12-31")

and later cells ask it for data (``lesson.events()``) and the quiz (``lesson.quiz("01")``).
``language="fr"`` makes every word isslearn writes after it French (figures, widgets, quizzes,
the catalogue's titles); the default is English.
Everything is checked when the lesson is made, so a mistake shows in the first cell with
the fix, not halfway through a class.

Where the data comes from is decided in one place, :func:`lesson_files`, first match wins:

- events: the ``events_file`` argument, else the ``ISSLEARN_EVENTS`` environment variable (one
  file for a whole class), else the built-in catalogue alone. A teacher's events are *added*
  to the built-in ones unless ``builtin_events=False``.
- quiz: the lesson's own questions, then those of a teacher's quiz file, if one is set: the
  ``quiz_file`` argument, else the ``ISSLEARN_QUIZ`` environment variable. The teacher's
  questions are *added* after the lesson's own, and replace them only with
  ``own_questions=False``; a question in the file that names lessons (``lessons: [01, 03]``)
  is asked only in those.

``~`` means the home folder in both. An argument's relative path is read from the folder the
lesson runs in (the notebook's). A class-wide variable must name its file by a full path
(``/srv/class/events.xlsx``) or from the home folder (``~/events.xlsx``): a relative one would
mean a different file in every folder a lesson or ``isslearn info`` runs in, so it is refused,
with a message saying how to write it. ``isslearn info`` resolves the variables with the same
function, so it checks exactly the files the lessons read.

A lesson reads each file once, when it is made. A file that cannot be used never stops the
settings cell: an exception there would leave ``lesson`` undefined and every later cell would
fail with a ``NameError``. A broken file given as an argument is listed with its problems
(each run of the cell, so a teacher who fixed nothing is not told it is fine) and the lesson
goes on with the built-in events or its own questions; ``lesson.problems`` holds them. A broken
or refused file named by an environment variable was set up for the whole class, so learners
are told once to ask their teacher and the lesson goes on without it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd

from .catalogue.annotation import annotate
from .catalogue.events import check_events, combine_events
from .catalogue.summaries import select_event_rows, select_events
from .catalogue.tables import agency_codes
from .errors import Problem, SettingsError
from .language import N_, SOURCE_LANGUAGE, set_language
from .language import day as _language_day
from .language import gettext as _
from .reading import values as voc
from .reading.files import expand_home
from .reading.notices import (
    class_file_unusable,
    settings_file_unusable,
    tell,
)
from .reading.values import DateLike, as_choices, as_day

if TYPE_CHECKING:  # the quiz package is imported only when a quiz is asked for
    from .quiz.files import QuizFile
    from .quiz.items import QuizItem
    from .quiz.notebook import LessonQuiz

__all__ = ["EVENTS_ENV", "QUIZ_ENV", "Lesson", "LessonFile", "lesson_files"]

EVENTS_ENV = "ISSLEARN_EVENTS"
QUIZ_ENV = "ISSLEARN_QUIZ"


@dataclass(frozen=True)
class LessonFile:
    """One teacher's file a lesson reads: its path, and where the choice came from.

    ``origin`` is ``"argument"`` or the variable's name; ``given`` the value as written. A
    class-wide value that cannot be used has no ``path``; ``refused`` says why and ``fix`` how
    to write it.
    """

    origin: str
    given: str
    path: Path | None
    refused: str = ""
    fix: str = ""


def lesson_files(
    events_file: str | os.PathLike[str] | None = None,
    quiz_file: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> tuple[LessonFile | None, LessonFile | None]:
    """The events file and the quiz file a lesson uses: each argument, else its class-wide
    variable (``ISSLEARN_EVENTS``, ``ISSLEARN_QUIZ`` in ``environ``, by default the process's
    environment), else None. This is the one place settings become files; ``Lesson`` and
    ``isslearn info`` both ask it.

    >>> events, quiz = lesson_files("mine.csv", environ={"ISSLEARN_QUIZ": "~/class.yaml"})
    >>> events.origin, quiz.origin, quiz.path.name
    ('argument', 'ISSLEARN_QUIZ', 'class.yaml')
    >>> lesson_files(environ={"ISSLEARN_QUIZ": "class.yaml"})[1].path is None  # relative
    True
    """
    environ = os.environ if environ is None else environ
    return (
        _lesson_file(events_file, EVENTS_ENV, environ),
        _lesson_file(quiz_file, QUIZ_ENV, environ),
    )


def _lesson_file(
    argument: str | os.PathLike[str] | None, variable: str, environ: Mapping[str, str]
) -> LessonFile | None:
    if argument is not None:
        return LessonFile("argument", os.fspath(argument), expand_home(argument))
    value = environ.get(variable, "").strip()
    if not value:
        return None
    path = expand_home(value)
    if path.is_absolute():
        return LessonFile(variable, value, path)
    example = Path(value).name or "my_class.xlsx"
    why = _(
        "{variable} is set to {value}, a relative path, which would name a different file in "
        "every folder a lesson runs in"
    ).format(variable=variable, value=value)
    fix = _(
        "set {variable} to the file's full path, such as /home/you/{example}, or to its path "
        "from the home folder, such as ~/{example}"
    ).format(variable=variable, example=example)
    return LessonFile(variable, value, None, why, fix)


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
        own_questions: bool = True,
        language: str = SOURCE_LANGUAGE,
    ):
        set_language(language)  # first: every word from here on is in it
        self.language = language
        reasons: list[str] = []
        self.start = _date("start", start, reasons)
        self.end = _date("end", end, reasons)
        if self.start is not None and self.end is not None and self.start > self.end:
            reasons.append(
                _("start ({start}) is after end ({end})").format(
                    start=f"{self.start:%Y-%m-%d}", end=f"{self.end:%Y-%m-%d}"
                )
            )
        self.categories = _choices("categories", categories, voc.CATEGORIES, reasons)
        self.agencies = _choices("agencies", agencies, agency_codes(), reasons)
        self.builtin_events = builtin_events
        self.own_questions = own_questions
        if reasons:
            raise SettingsError(
                _("Lesson(...) settings: {reasons}").format(reasons=_("; ").join(reasons))
            )
        # files set but left out: (why, the setting), for describe()
        self.not_used: list[tuple[str, str]] = []
        self.problems: list[Problem] = []  # why the files left out could not be used
        events, quiz = lesson_files(events_file, quiz_file)
        self._notices: list[Problem] = []
        self.events_file, self.events_origin, own = self._read_events(events)
        self.quiz_file, self.quiz_origin, self._quiz_found = self._read_quiz(quiz)
        for notice in _examples_said_once(self._notices):
            tell(notice)
        self._in_place = events is not None and own is None  # built-in events stand in for it
        self._events = combine_events(own, builtin=builtin_events or self._in_place)
        self._check_some_events_match()

    def _read_events(
        self, chosen: LessonFile | None
    ) -> tuple[Path | None, str | None, pd.DataFrame | None]:
        """The events file (read once): its path, where it was named, and its own events.

        A broken file is left out and the lesson goes on with the built-in events: one given
        here is listed with its problems for whoever wrote ``events_file=`` to fix; one named
        by ``ISSLEARN_EVENTS`` was set up by the teacher, so a learner is told once to ask them.
        """
        instead = N_("the built-in events only")
        if chosen is None or self._refused(chosen, instead):
            return None, None, None
        assert chosen.path is not None  # not refused
        found = check_events(chosen.path, builtin=self.builtin_events)
        if found.problems:
            self._leave_out(chosen, "events_file", found.problems, instead)
            return None, None, None
        self._notices += found.notices
        return chosen.path, chosen.origin, found.value

    def _read_quiz(
        self, chosen: LessonFile | None
    ) -> tuple[Path | None, str | None, QuizFile | None]:
        """The quiz file (read once; :meth:`quiz` asks it): its path, where it was named, and
        what was read; a broken one is left out as a broken events file is."""
        instead = N_("its own questions")  # English for the file reader's notice
        if chosen is None or self._refused(chosen, instead):
            return None, None, None
        assert chosen.path is not None  # not refused
        from .quiz.files import read_quiz_file  # lazy: YAML is read only for a quiz file

        found = read_quiz_file(chosen.path)
        if found.problems:
            self._leave_out(chosen, "quiz_file", found.problems, instead)
            return None, None, None
        self._notices += found.notices
        return chosen.path, chosen.origin, found

    def _refused(self, chosen: LessonFile, instead: str) -> bool:
        """Tell once why a class-wide value cannot be used at all (a relative path)."""
        if not chosen.refused:
            return False
        tell(
            _(
                "Note: {why}, so it is not used. This lesson uses {instead}. Please ask your "
                "teacher to {fix}."
            ).format(why=chosen.refused, instead=_(instead), fix=chosen.fix)
        )
        self.not_used.append((N_("a relative path"), f"{chosen.origin}={chosen.given}"))
        return True

    def _leave_out(
        self, chosen: LessonFile, setting: str, problems: list[Problem], instead: str
    ) -> None:
        self.problems += problems
        if chosen.origin == "argument":
            self.not_used.append((N_("the file has problems"), f"{setting}={chosen.given}"))
            tell(settings_file_unusable(setting, chosen.given, problems, instead), every_time=True)
            return
        tell(class_file_unusable(chosen.origin, chosen.path, problems, instead))
        self.not_used.append((N_("the file has problems"), f"{chosen.origin}={chosen.path}"))

    def _check_some_events_match(self) -> None:
        """Refuse settings that leave no events, here, rather than in a figure's cell later."""
        events = self._events
        wanted = (self.start, self.end, self.categories, self.agencies)
        if select_event_rows(events, *wanted).any():
            return
        raise SettingsError(
            _(
                "Lesson(...) settings: no events match these settings: {reasons}; widen the "
                "dates, or choose other categories or agencies"
            ).format(reasons=_("; ").join(_why_none_match(events, *wanted)))
        )

    def events(self, *, annotated: bool = True) -> pd.DataFrame:
        """The lesson's events: built-in plus the teacher's, filtered, with derived columns.

        The files were read when the lesson was made; each call gives a new table.
        """
        chosen = select_events(self._events, self.start, self.end, self.categories, self.agencies)
        return annotate(chosen) if annotated else chosen

    def quiz(
        self,
        own: str | Sequence[QuizItem] | Callable[[], Sequence[QuizItem]] | None = None,
        *,
        default: Sequence[QuizItem] | Callable[[], Sequence[QuizItem]] | None = None,
    ) -> LessonQuiz:
        """The lesson's quiz: its own questions, then the teacher's. As a cell's last line it
        shows itself, each question once.

        ``own`` is the lesson's own questions: a lesson's name or number (``"01"``: the quiz
        file shipped for lesson 01), items, or a function making them (called only if they
        are asked). The questions of the teacher's quiz file (``quiz_file`` or
        ``ISSLEARN_QUIZ``) that are asked in this lesson follow them, under a heading; with
        ``own_questions=False`` in the settings they replace them. ``default`` is the older
        name of ``own``.
        """
        from .quiz.lessons import lesson_quiz, lesson_quiz_file  # lazy: YAML and ipywidgets
        from .quiz.notebook import LessonQuiz

        own = default if own is None else own
        name = lesson_quiz_file(own)[0] if isinstance(own, str) else None  # '01_assembly'
        mine: list[QuizItem] = []
        if self.own_questions or self._quiz_found is None:
            if name is not None:
                mine = lesson_quiz(name)
            elif own is not None and not isinstance(own, str):
                mine = list(own() if callable(own) else own)
        if self._quiz_found is None:
            return LessonQuiz(mine)
        theirs = self._quiz_found.for_lesson(name)  # the file was read when the lesson was made
        return LessonQuiz([*mine, *theirs], own=len(mine), origin=str(self.quiz_file))

    def describe(self) -> str:
        """One line per setting, in words a teacher can check at a glance (in the lesson's
        language)."""
        span = (
            _day(self.start) if self.start is not None else _("the beginning"),
            _day(self.end) if self.end is not None else _("today"),
        )
        in_use = self.builtin_events or self._in_place
        events = _("built-in catalogue") if in_use else _("no built-in events")
        if self.events_file is not None:
            events += " + " + _("{file} (from {origin})").format(
                file=self.events_file, origin=self.events_origin
            )
        not_used = [
            _("not used ({why}): {what}").format(why=_(why), what=what)
            for why, what in self.not_used
        ]
        quiz = _("the lesson's own questions")
        if self.quiz_file and self.own_questions:
            quiz += _(", then those of {file} (from {origin})").format(
                file=self.quiz_file, origin=self.quiz_origin
            )
        elif self.quiz_file:
            quiz = _("{file} (from {origin}), instead of the lesson's own").format(
                file=self.quiz_file, origin=self.quiz_origin
            )
        every = _("all")
        lines = [
            _("events: {events}").format(events=events),
            _("dates: {start} to {end}").format(start=span[0], end=span[1]),
            _("categories: {chosen}").format(
                chosen=", ".join(map(_, self.categories)) if self.categories else every
            ),
            _("agencies: {chosen}").format(
                chosen=", ".join(self.agencies) if self.agencies else every
            ),
            _("quiz: {quiz}").format(quiz=quiz),
            *not_used,
        ]
        if self.language != SOURCE_LANGUAGE:
            lines.append(_("language: {language}").format(language=self.language))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return _("Lesson settings") + "\n" + self.describe()


def _day(value: pd.Timestamp) -> str:
    """A setting's date: ISO in English (what a teacher types), the long date elsewhere."""
    return _language_day(value)


_EXAMPLES = "skipped as comments or examples"


def _examples_said_once(notices: list[Problem]) -> list[Problem | str]:
    """The notices of a lesson's files, with the template's example rows skipped in several
    sheets (Events and Quiz of one workbook) said in one line instead of one per sheet."""
    examples = [n for n in notices if _EXAMPLES in n.message]
    if len(examples) < 2:
        return list(notices)
    where = "; ".join(f"{n.file}: {n.place or f'line {n.line}'}" for n in examples)
    said = (
        f"notice: rows whose first cell starts with # were {_EXAMPLES} ({where}); "
        "to use an example row, delete its #"
    )
    return [n for n in notices if n not in examples] + [said]


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
        reasons.append(
            _("start={start} is after the last event ({last})").format(
                start=f"{start:%Y-%m-%d}", last=f"{last:%Y-%m-%d}"
            )
        )
    if end is not None and end < first:
        reasons.append(
            _("end={end} is before the first event ({first})").format(
                end=f"{end:%Y-%m-%d}", first=f"{first:%Y-%m-%d}"
            )
        )
    if categories is not None and not select_event_rows(events, categories=categories).any():
        chosen = ", ".join(categories) if categories else _("none")
        reasons.append(_("no event has the categories chosen ({chosen})").format(chosen=chosen))
    if agencies is not None and not select_event_rows(events, agencies=agencies).any():
        chosen = ", ".join(agencies) if agencies else _("none")
        reasons.append(_("no event involves the agencies chosen ({chosen})").format(chosen=chosen))
    return reasons or [_("each setting matches some events, but no event matches them all")]


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
    """A setting's choices; every unknown one is added to ``reasons`` (all are said at once)."""
    try:
        return as_choices(name, values, allowed)
    except SettingsError as exc:
        reasons.append(str(exc))
        return None
