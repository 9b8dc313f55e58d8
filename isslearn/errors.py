"""What isslearn refuses, and why: one base class, with a specific exception beneath it per kind.

Catch :class:`IsslearnError` to catch everything isslearn refuses on purpose (a bad file, a bad
setting or argument, an output that would overwrite something). Each subclass also derives from
the built-in exception a Python programmer would expect (``ValueError`` for bad values,
``FileExistsError`` for an output that is already there), so older code that caught those keeps
working. Every exception isslearn raises on purpose is defined here::

    IsslearnError
    ├── FileProblems          a teacher's or the built-in file cannot be used (``.problems``)
    │   ├── CatalogueError    ... an events, corrections, modules, expeditions or stays table
    │   └── QuizFileError     ... a quiz file (YAML, or a workbook's Quiz sheet)
    ├── SettingsError         a setting or argument cannot be used (a date, an id, a choice)
    │   ├── OptionError       ... a command-line option
    │   └── LanguageError     ... a language isslearn has no catalogue for
    ├── OutputExistsError     a command would overwrite a file (also a FileExistsError)
    ├── OutputPathError       an output cannot go where it was asked to
    ├── ScaffoldError         a template or new lesson cannot be made
    ├── GuideError            no teacher's guide matches, or it cannot be read
    └── HandoutError          a handout or guide page cannot be made

A :class:`Problem` is one thing found in a file, at a place a teacher can find; its ``severity``
says whether it stops the file being used (``"problem"``) or is only worth knowing (``"notice"``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

__all__ = [
    "PROBLEM_WORDS",
    "CatalogueError",
    "FileProblems",
    "GuideError",
    "HandoutError",
    "IsslearnError",
    "LanguageError",
    "OptionError",
    "OutputExistsError",
    "OutputPathError",
    "PresentError",
    "Problem",
    "QuizFileError",
    "ScaffoldError",
    "SettingsError",
    "Severity",
]

Severity = Literal["problem", "notice"]
"""A finding's weight: a ``"problem"`` stops the file being used; a ``"notice"`` does not."""


def _english(message: str) -> str:
    return message


# How a finding's own words ("notice:", "column") are translated when it is printed: English
# until isslearn.language, a floor above this one, puts its gettext here.
PROBLEM_WORDS: list[Callable[[str], str]] = [_english]


@dataclass(frozen=True)
class Problem:
    """One thing found in a data file, at a place a teacher can find in a text editor.

    ``line`` counts from 1 and the header is line 1, as an editor shows it. In a spreadsheet
    ``place`` says where as the program shows it ("sheet 'Events', cell B4") and ``line`` is
    the sheet's row number. A ``severity="notice"`` finding (made with :meth:`notice`) does not
    stop the file being used; it prints with ``notice:`` after its place, from every kind of
    file alike.
    """

    file: str
    line: int
    column: str | None
    message: str
    hint: str = ""
    place: str = ""
    severity: Severity = "problem"

    # What the file kind calls a column: "column" in a table, "field" in a YAML file.
    column_word: ClassVar[str] = "column"

    @classmethod
    def notice(
        cls,
        file: str,
        line: int,
        column: str | None,
        message: str,
        hint: str = "",
        place: str = "",
    ) -> Problem:
        """A finding worth knowing that does not stop the file being used."""
        return cls(file, line, column, message, hint, place, severity="notice")

    @property
    def is_notice(self) -> bool:
        return self.severity == "notice"

    def __str__(self) -> str:
        _ = PROBLEM_WORDS[0]  # the current language's gettext, once isslearn.language is loaded
        where = f"{self.file}: {self.place}: " if self.place else f"{self.file}:{self.line}: "
        mark = _("notice: ") if self.is_notice else ""
        word = {"column": _("column"), "field": _("field")}.get(self.column_word, self.column_word)
        what = _("{word} '{name}': ").format(word=word, name=self.column) if self.column else ""
        hint = _("; {hint}").format(hint=self.hint) if self.hint else ""
        return where + mark + what + self.message + hint


class IsslearnError(Exception):
    """Base of every error isslearn raises on purpose; its message says what to change."""


class FileProblems(IsslearnError, ValueError):
    """A teacher's or the built-in file cannot be used; ``problems`` lists every reason.

    ``Lesson(events_file=..., quiz_file=...)`` raises this one when both files have problems;
    loaders raise the subclass for their kind of file.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        shown = "\n".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"\n... and {more} more problem(s); run `isslearn check FILE` to see them all"
        super().__init__(shown)


class CatalogueError(FileProblems):
    """An events, corrections, modules, expeditions or stays table cannot be loaded."""


class QuizFileError(FileProblems):
    """A quiz file (YAML, or a workbook's Quiz sheet) cannot be loaded."""


class SettingsError(IsslearnError, ValueError):
    """A setting or argument cannot be used (a lesson setting, a date given to a figure, an id
    that is not in the catalogue, a choice that does not exist); the message says every reason
    and how to write it instead."""


class OptionError(SettingsError):
    """A command-line option's value cannot be used; the message says what to type instead."""


class LanguageError(SettingsError):
    """A lesson asked for a language isslearn has no translation of; the message lists those
    it has (found from its files, so a new language needs no code)."""


class OutputExistsError(IsslearnError, FileExistsError):
    """A command would overwrite a file a teacher already has; isslearn never does that."""


class OutputPathError(IsslearnError, ValueError):
    """An output cannot go where it was asked to (a folder in the way, no permission, ...)."""


class ScaffoldError(IsslearnError, ValueError):
    """A template or new lesson cannot be made (an unknown kind of file, a name that is not a
    plain name). A file that already exists is an :class:`OutputExistsError`."""


class GuideError(IsslearnError, ValueError):
    """No teacher's guide matches the lesson asked for, or its file cannot be read."""


class HandoutError(IsslearnError, ValueError):
    """A handout or guide page cannot be made (not a notebook, a wrong output name, no
    Chromium for a PDF)."""


class PresentError(IsslearnError, ValueError):
    """The presenter view cannot start: no such lesson, a busy port, or Voilà is missing."""
