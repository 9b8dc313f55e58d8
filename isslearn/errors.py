"""What isslearn refuses, and why: one base class, with a specific exception beneath it per kind.

Catch :class:`IsslearnError` to catch everything isslearn refuses on purpose (a bad file, a bad
setting, an output that would overwrite something). Each subclass also derives from the built-in
exception a Python programmer would expect (``ValueError`` for bad values, ``FileExistsError``
for an output that is already there), so older code that caught those keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CatalogueError",
    "FileProblems",
    "IsslearnError",
    "OutputExistsError",
    "Problem",
    "QuizFileError",
    "SettingsError",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, at a place a teacher can find in a text editor.

    ``line`` counts from 1 and the header is line 1, as an editor shows it. In a spreadsheet
    ``place`` says where as the program shows it ("sheet 'Events', cell B4") and ``line`` is
    the sheet's row number.
    """

    file: str
    line: int
    column: str | None
    message: str
    hint: str = ""
    place: str = ""

    def __str__(self) -> str:
        where = f"{self.file}: {self.place}: " if self.place else f"{self.file}:{self.line}: "
        what = f"column '{self.column}': {self.message}" if self.column else self.message
        return where + what + (f"; {self.hint}" if self.hint else "")


class IsslearnError(Exception):
    """Base of every error isslearn raises on purpose; its message says what to change."""


class FileProblems(IsslearnError, ValueError):
    """A teacher's or the built-in file cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        shown = "\n".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"\n... and {more} more problem(s); run `isslearn check FILE` to see them all"
        super().__init__(shown)


class CatalogueError(FileProblems):
    """An events, modules, expeditions or stays table cannot be loaded."""


class QuizFileError(FileProblems):
    """A quiz file (YAML) cannot be loaded."""


class SettingsError(IsslearnError, ValueError):
    """A setting or argument cannot be used (a lesson setting, a date given to a figure or a
    command-line option); the message lists every reason and how to fix it."""


class OutputExistsError(IsslearnError, FileExistsError):
    """A command would overwrite a file a teacher already has; isslearn never does that."""
