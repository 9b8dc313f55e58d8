"""Tell the person at the keyboard something once, without stopping the lesson.

A notice is for what isslearn can work around: a column it does not read and ignores, or a
class-wide file (``ISSLEARN_EVENTS``, ``ISSLEARN_QUIZ``) that is broken, so the lesson goes on
with the built-in events or its own questions. Learners cannot fix a class file, so they get one
plain message naming the setting and saying to ask their teacher, instead of a traceback in this
cell and a ``NameError`` in every later one.

Each notice is printed once per session to standard error, which Jupyter shows under the cell
in a tinted box, with no traceback; the command line prints it as one line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .errors import Problem

__all__ = ["class_file_unusable", "tell"]

_told: set[str] = set()


def tell(message: str) -> bool:
    """Print ``message`` to standard error unless this session has shown it; True if shown."""
    if message in _told:
        return False
    _told.add(message)
    print(message, file=sys.stderr)
    return True


def class_file_unusable(
    variable: str, path: object, problems: Sequence[Problem], instead: str
) -> str:
    """The one message for a broken class-wide file: what is set, why it fails, what happens.

    ``instead`` says what the lesson uses in its place ("the built-in events only").
    """
    first = str(problems[0]) if problems else "it cannot be read"
    more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
    return (
        f"Note: {variable} is set to {path}, but that file cannot be used: {first}{more}. "
        f"This lesson uses {instead}. Please ask your teacher to run "
        f"`isslearn check {path}` and fix the file."
    )
