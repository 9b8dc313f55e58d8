"""Tell the person at the keyboard something once, without stopping the lesson.

A notice is for what isslearn can work around: a column it does not read and ignores, a file
read as Windows-1252, or a class-wide file (``ISSLEARN_EVENTS``, ``ISSLEARN_QUIZ``) that is
broken, so the lesson goes on with the built-in events or its own questions. Learners cannot fix
a class file, so they get one plain message naming the setting and saying to ask their teacher,
instead of a traceback in this cell and a ``NameError`` in every later one.

Every notice goes through one channel, Python's standard :mod:`logging`: the logger named
``"isslearn"``, at level ``WARNING``, each message once per session. With logging not set up
(a notebook, the command line) Python prints it as a plain line on standard error, which
Jupyter shows under the cell in a tinted box, with no traceback. To silence the notices::

    import logging
    logging.getLogger("isslearn").setLevel(logging.ERROR)

or collect them with a handler of your own; a notice about a file carries it as
``record.problem`` (an :class:`~isslearn.errors.Problem` whose severity is ``"notice"``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from ..errors import Problem
from ..language import gettext as _
from .result import Reading

__all__ = [
    "LOGGER_NAME",
    "MAX_SHOWN",
    "class_file_unusable",
    "settings_file_unusable",
    "tell",
    "tell_notices",
]

MAX_SHOWN = 10
"""Problems listed under a lesson's settings cell; the rest are counted (``isslearn check``)."""

LOGGER_NAME = "isslearn"

_logger = logging.getLogger(LOGGER_NAME)


class _OncePerSession(logging.Filter):
    """Let each message through the first time only: a notice repeated in every cell would
    bury the lesson."""

    def __init__(self) -> None:
        super().__init__()
        self.told: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "every_time", False):
            return True
        message = record.getMessage()
        if message in self.told:
            return False
        self.told.add(message)
        return True


_logger.addFilter(_OncePerSession())


def tell(notice: Problem | str, *, every_time: bool = False) -> None:
    """Tell ``notice`` once per session through the ``isslearn`` logger (level WARNING);
    ``every_time`` for what must show each time its cell runs (a file still broken)."""
    extra: dict[str, object] = {"every_time": every_time}
    if isinstance(notice, Problem):
        extra["problem"] = notice
    _logger.warning("%s", notice, extra=extra)


def tell_notices(found: Reading[Any]) -> None:
    """Tell every notice of a file that was read, each once per session."""
    for notice in found.notices:
        tell(notice)


def class_file_unusable(
    variable: str, path: object, problems: Sequence[Problem], instead: str
) -> str:
    """The one message for a broken class-wide file: what is set, why it fails, what happens.

    ``instead`` says what the lesson uses in its place ("the built-in events only").
    """
    first = str(problems[0]) if problems else _("it cannot be read")
    more = (
        _(" (and {count} more problem(s))").format(count=len(problems) - 1)
        if len(problems) > 1
        else ""
    )
    return _(
        "Note: {variable} is set to {path}, but that file cannot be used: {first}{more}. "
        "This lesson uses {instead}. Please ask your teacher to run "
        "`isslearn check {path}` and fix the file."
    ).format(variable=variable, path=path, first=first, more=more, instead=_(instead))


def settings_file_unusable(
    setting: str, given: str, problems: Sequence[Problem], instead: str
) -> str:
    """The message under a settings cell whose ``events_file=``/``quiz_file=`` cannot be used:
    what happens instead, the first problems (at most :data:`MAX_SHOWN`), and how to go on."""
    shown = [f"  {p}" for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        more = _("... and {count} more problem(s)").format(count=len(problems) - MAX_SHOWN)
        shown.append(f"  {more}")
    head = _("Note: {setting}={given} cannot be used, so this lesson goes on with {instead}:")
    tail = _("Fix the file (`isslearn check {given}` lists every problem) and run this cell again.")
    return "\n".join(
        [
            head.format(setting=setting, given=repr(given), instead=_(instead)),
            *shown,
            tail.format(given=given),
        ]
    )
