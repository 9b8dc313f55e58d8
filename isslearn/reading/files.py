"""From a path a teacher gives to the reader its bytes need: CSV text or a workbook.

:func:`expand_home` reads ``~`` as the shell does; :func:`read_bytes` turns a missing file, a
folder or an unreadable file into a :class:`~isslearn.errors.Problem`; :func:`read_table_file`
sends the bytes to the CSV reader or the workbook reader by what they are, whatever the
file's name says (and says so in a notice when the name is misleading). Events, corrections
and every other table a teacher gives are read through it, so a file one loader accepts the
others accept too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..errors import Problem
from .csv_file import read_csv
from .sheets import WORKBOOK_SUFFIXES, is_workbook, read_sheet_table
from .table import Table

__all__ = ["expand_home", "read_bytes", "read_table_file"]


def expand_home(path: str | os.PathLike[str]) -> Path:
    """``path`` with a leading ``~`` meaning the home folder, as in a shell.

    A ``~name`` that names no user (``~.csv``) stays as written, so the teacher is told the
    file is not there instead of meeting Python's "Could not determine home directory".
    """
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


def read_bytes(
    path: str | os.PathLike[str], problems: list[Problem], kind: str = "file"
) -> bytes | None:
    """The bytes of ``path`` (never written to), or None with the reason added to ``problems``.

    ``kind`` names what was expected ("events file", "quiz file") in the message for a folder.
    """
    name = str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, 1, None, "file not found", "check the name and the folder"))
    except IsADirectoryError:
        article = "an" if kind[:1] in "aeiou" else "a"
        problems.append(Problem(name, 1, None, f"this is a folder, not {article} {kind}"))
    except OSError as exc:
        problems.append(Problem(name, 1, None, f"cannot read the file ({exc.strerror})"))
    return None


def read_table_file(
    path: str | os.PathLike[str],
    *,
    sheet: str,
    kind: str = "file",
    list_columns: Mapping[str, Sequence[str]] | None = None,
    date_columns: Sequence[str] = (),
) -> Table:
    """The table in the file at ``path``: a workbook's ``sheet``, or CSV text (any separator,
    any common encoding). The file is only read, never changed; nothing here raises for it.

    ``kind`` names the file in messages ("events file"); ``list_columns`` are as for
    :func:`~isslearn.reading.csv_file.read_csv`; ``date_columns`` as for
    :func:`~isslearn.reading.sheets.read_sheet_table`.
    """
    path = Path(path)
    name = str(path)
    problems: list[Problem] = []
    data = read_bytes(path, problems, kind=kind)
    if data is None:
        return Table(name, problems=problems)
    named_as_workbook = path.suffix.lower() in WORKBOOK_SUFFIXES
    if is_workbook(data):
        table = read_sheet_table(data, name, sheet, date_columns=date_columns)
        if not named_as_workbook:
            table.notices.append(_renamed(name, path, "a spreadsheet workbook", ".xlsx or .ods"))
        return table
    table = read_csv(data, name, list_columns)
    if named_as_workbook:
        table.notices.insert(0, _renamed(name, path, "text (CSV)", ".csv"))
    return table


def _renamed(name: str, path: Path, really: str, suffix: str) -> Problem:
    return Problem.notice(
        name,
        1,
        None,
        f"this file is {really} although its name ends in '{path.suffix}'; it was read as such",
        f"rename it to end in {suffix} so that other programs open it too",
    )
