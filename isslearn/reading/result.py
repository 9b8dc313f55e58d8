"""What reading a file found: the one result type of every reader and every check.

A :class:`Reading` holds what a file gave (``value``: a table's rows, a teacher's events, quiz
items), every :class:`~isslearn.errors.Problem` found on the way, and how the file was read
("read as semicolon-separated", "read from sheet 'Events'"). Each finding carries its own
severity: problems stop the file being used, notices do not but a teacher should see them.

Readers never raise for bad input; everything wrong is in the result. What to do with it is
the caller's choice: a loader raises the problems (:meth:`Reading.raise_problems`) and tells
the notices once (:mod:`isslearn.reading.notices`); ``isslearn check`` prints both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..errors import FileProblems, Problem

__all__ = ["Reading"]

T = TypeVar("T")
U = TypeVar("U")


@dataclass
class Reading(Generic[T]):
    """What reading ``file`` gave (``value``), its problems and notices, and how it was read."""

    file: str
    value: T
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    read_as: str = ""  # "read as semicolon-separated", "read from sheet 'Events'", or ""

    def add(self, finding: Problem) -> None:
        """Keep ``finding`` with the problems or the notices, as its severity says."""
        (self.notices if finding.is_notice else self.problems).append(finding)

    @property
    def findings(self) -> list[Problem]:
        """Every problem, then every notice: what ``isslearn check`` prints."""
        return [*self.problems, *self.notices]

    def with_value(self, value: U) -> Reading[U]:
        """The same findings about the same file, holding ``value`` (rows become events)."""
        return Reading(self.file, value, self.problems, self.notices, self.read_as)

    def raise_problems(self, error: type[FileProblems] = FileProblems) -> None:
        """Raise ``error`` listing every problem, if there is any."""
        if self.problems:
            raise error(self.problems)
