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
from ..language import N_
from ..language import gettext as _
from .csv_file import read_csv
from .sheets import WORKBOOK_SUFFIXES, is_workbook, read_sheet_table
from .table import Table
from .values import closest

__all__ = ["expand_home", "missing_file_hint", "read_bytes", "read_table_file"]


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
    A spreadsheet program's lock file (``~$my_class.xlsx``, ``.~lock.my_class.xlsx#``) and an
    empty workbook are refused with advice for what they are, not read as broken CSV text.
    """
    name = str(path)
    real = expand_home(path)
    owner = _owner_of(real)
    if owner is not None and real.exists():
        problems.append(
            Problem(
                name,
                1,
                None,
                _(
                    "this is the small lock file a spreadsheet program keeps while a workbook is "
                    "open, not the workbook itself"
                ),
                _(
                    "check '{owner}' instead (save it and close it in the spreadsheet program "
                    "first)"
                ).format(owner=owner),
            )
        )
        return None
    try:
        data = real.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, 1, None, _("file not found"), missing_file_hint(real)))
        return None
    except IsADirectoryError:
        problems.append(Problem(name, 1, None, _(_FOLDER.get(kind, _FOLDER["file"]))))
        return None
    except OSError as exc:
        why = _("cannot read the file ({reason})").format(reason=exc.strerror)
        problems.append(Problem(name, 1, None, why))
        return None
    if not data.strip() and real.suffix.lower() in WORKBOOK_SUFFIXES:
        problems.append(
            Problem(
                name,
                1,
                None,
                _("the file is empty ({count} bytes), so it holds no workbook").format(
                    count=len(data)
                ),
                _(
                    "it was probably not saved completely or copied while still open; open your "
                    "workbook in the spreadsheet program, save it again, and use that file"
                ),
            )
        )
        return None
    return data


def _owner_of(path: Path) -> str | None:
    """The workbook a lock file stands for (Excel's ``~$x.xlsx``, LibreOffice's
    ``.~lock.x.xlsx#``), or None for an ordinary file name."""
    name = path.name
    if name.startswith("~$") and len(name) > 2:
        return str(path.with_name(name[2:]))
    if name.startswith(".~lock.") and name.endswith("#") and len(name) > 8:
        return str(path.with_name(name[len(".~lock.") : -1]))
    return None


_READ_SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv", ".tsv", ".txt", ".yaml", ".yml")


def missing_file_hint(path: Path) -> str:
    """What to do about a file that is not there: the file meant, when the folder holds one
    with the same name and an ending (``my_class`` -> ``my_class.xlsx``) or a close name."""
    folder = path.parent
    try:
        here = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    except OSError:
        here = []
    readable = [
        n for n in here if n.lower().endswith(_READ_SUFFIXES) and _owner_of(Path(n)) is None
    ]
    same_stem = [n for n in readable if Path(n).stem == path.name or Path(n).stem == path.stem]
    meant = same_stem[0] if len(same_stem) == 1 else closest(path.name, readable, cutoff=0.75)
    if meant and meant != path.name:
        return _("did you mean '{name}'?").format(
            name=folder / meant if str(folder) != "." else meant
        )
    if not folder.is_dir():
        return _("there is no folder '{folder}'; check the path").format(folder=folder)
    return _("check the name and the folder")


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
    if path.suffix.lower() in (".yaml", ".yml") and not is_workbook(data):
        problems.append(
            Problem(
                name,
                1,
                None,
                _(_YAML_NOT_TABLE.get(kind, _YAML_NOT_TABLE["file"])),
                _(
                    "give this file as the quiz (quiz_file=..., --quiz, ISSLEARN_QUIZ), and your "
                    "events in a file made by `isslearn template my_class.xlsx`"
                ),
            )
        )
        return Table(name, problems=problems)
    if is_workbook(data):
        table = read_sheet_table(data, name, sheet, date_columns=date_columns)
        if not named_as_workbook:
            workbook = _("a spreadsheet workbook")
            table.notices.append(_renamed(name, path, workbook, _(".xlsx or .ods")))
        return table
    table = read_csv(data, name, list_columns)
    if named_as_workbook:
        table.notices.insert(0, _renamed(name, path, _("text (CSV)"), ".csv"))
    return table


# Whole sentences for each kind of file a reader expects (a translation needs the noun's
# article and gender, so the sentence is not built from "a"/"an" and the kind's name).
_FOLDER = {
    "file": N_("this is a folder, not a file"),
    "events file": N_("this is a folder, not an events file"),
    "quiz file": N_("this is a folder, not a quiz file"),
    "workbook": N_("this is a folder, not a workbook"),
    "corrections file": N_("this is a folder, not a corrections file"),
}
_YAML_NOT_TABLE = {
    "file": N_(
        "a YAML file holds quiz questions, not a table; a file is read from a spreadsheet "
        "(.xlsx, .ods) or a CSV file"
    ),
    "events file": N_(
        "a YAML file holds quiz questions, not a table; an events file is read from a "
        "spreadsheet (.xlsx, .ods) or a CSV file"
    ),
    "corrections file": N_(
        "a YAML file holds quiz questions, not a table; a corrections file is read from a "
        "spreadsheet (.xlsx, .ods) or a CSV file"
    ),
}


def _renamed(name: str, path: Path, really: str, suffix: str) -> Problem:
    return Problem.notice(
        name,
        1,
        None,
        _("this file is {really} although its name ends in '{suffix}'; it was read as such").format(
            really=really, suffix=path.suffix
        ),
        _("rename it to end in {suffix} so that other programs open it too").format(suffix=suffix),
    )
