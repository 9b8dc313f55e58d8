"""The one workbook reader: a sheet of a teacher's .xlsx, .ods or .xls file as a table.

A sheet becomes the same :class:`~isslearn.reading.table.Table` the CSV reader makes, so events,
corrections and quiz questions are checked by the same code wherever they come from. What
differs is *where* a problem is: in a workbook it is a sheet and a cell as the spreadsheet
program shows them (``events.xlsx: sheet 'Events', cell B4: column 'date': ...``), which
:func:`place_problems` writes into each :class:`~isslearn.errors.Problem`.

Workbooks are read with python-calamine (the engine pandas uses for ``read_excel``; it reads
.xlsx, .ods and old .xls, and is many times faster than openpyxl); openpyxl writes the template
with its drop-down lists. A teacher's file is only ever read, never changed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from ..errors import Problem
from ..language import gettext as _
from ..language import in_every_language, pgettext
from .sheet_xml import hidden_rows, ods_merged_ranges, xlsx_unsaved_formulas
from .table import MAX_FIELD_CHARS, Table
from .values import EARLIEST_YEAR, LATEST_YEAR, closest

if TYPE_CHECKING:  # the workbook reader is imported only when a workbook is read
    from python_calamine import CalamineWorkbook

T = TypeVar("T")

__all__ = [
    "EVENTS_SHEET",
    "LISTS_SHEET",
    "QUIZ_SHEET",
    "WORKBOOK_SUFFIXES",
    "is_workbook",
    "place_problems",
    "placed",
    "read_sheet_table",
    "sheet_names",
]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls")
EVENTS_SHEET = "Events"
QUIZ_SHEET = "Quiz"
LISTS_SHEET = "Lists"  # the template's drop-down values

_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"  # .xlsx/.ods are zip files; old .xls is OLE
# Spreadsheet day numbers (1900 date system): 10000 is 1927-05-18, 73415 is 2100-12-31. A
# smaller number in a date cell is more likely a year or a typo, so it keeps the text rules.
_SERIAL_DAYS = (10_000, 73_415)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Words that mark the header row of events, quiz and corrections sheets.
_HEADER_WORDS = {"date", "title", "question", "option", "id", "subject"}


# ---------------------------------------------------------------- what kind of file


def is_workbook(data: bytes) -> bool:
    """True when ``data`` is a workbook (.xlsx/.ods/.xls) whatever its name says."""
    return data.startswith((_ZIP, _OLE))


def _cell_name(column: int, row: int) -> str:
    """The address a spreadsheet shows for a 0-based ``column`` and a 1-based ``row``.

    >>> _cell_name(1, 4), _cell_name(26, 1)
    ('B4', 'AA1')
    """
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


# ---------------------------------------------------------------- workbooks


def sheet_names(data: bytes) -> list[str] | None:
    """The sheet names of a workbook, or None if it cannot be opened."""
    try:
        return _guarded(lambda: list(_open_workbook(data).sheet_names))
    except _ReaderFailure:
        return None


def _open_workbook(data: bytes) -> CalamineWorkbook:
    from python_calamine import CalamineWorkbook  # lazy: only a workbook needs it

    return CalamineWorkbook.from_filelike(io.BytesIO(data))


class _ReaderFailure(Exception):
    """The workbook reader failed on a teacher's file (its own error, a zip or XML error, or a
    panic in its Rust code, which Python sees as a BaseException): reported, never a traceback."""


def _guarded(action: Callable[[], T]) -> T:
    try:
        return action()
    except Exception as exc:
        raise _ReaderFailure(str(exc).strip() or type(exc).__name__) from exc
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise  # Ctrl-C and the like pass through
        raise _ReaderFailure("the reader stopped on something it does not handle") from exc


def read_sheet_table(
    data: bytes, name: str, wanted: str, *, date_columns: Sequence[str] = ()
) -> Table:
    """The sheet ``wanted`` of the workbook ``data`` as a table whose rows are the sheet's rows;
    ``name`` is what messages call the file. Never raises for bad input.

    The sheet is found by name in any case; for any table but the quiz, a workbook's only
    sheet besides 'Quiz' and 'Lists' is taken too. Cells become text as the sheet shows them;
    in ``date_columns`` a date cell (or a day number) becomes YYYY-MM-DD so it passes the same
    date check as typed text.
    """
    table = Table(name)
    try:
        workbook = _guarded(lambda: _open_workbook(data))
        names = _guarded(lambda: list(workbook.sheet_names))
    except _ReaderFailure as exc:
        table.problems.append(_unreadable(name, exc))
        return table
    sheet_name = _choose_sheet(names, wanted, table)
    if sheet_name is None:
        return table
    table.sheet = sheet_name
    table.read_as = _("read from sheet '{sheet}'").format(sheet=sheet_name)
    try:
        sheet = _guarded(lambda: workbook.get_sheet_by_name(sheet_name))
        cells = _guarded(lambda: sheet.to_python(skip_empty_area=False))
        merged = _guarded(lambda: sheet.merged_cell_ranges)
    except _ReaderFailure as exc:
        table.problems.append(_unreadable(name, exc))
        return table
    if merged is None:  # the reader gives merged cells for .xlsx and .xls only
        merged = ods_merged_ranges(data, sheet_name)
    unsaved = xlsx_unsaved_formulas(data, sheet_name)
    _fill_from_cells(table, cells, merged, date_columns, unsaved)
    _notice_hidden_rows(table, hidden_rows(data, sheet_name))
    return table


def _notice_hidden_rows(table: Table, hidden: list[tuple[int, int]]) -> None:
    """Say which rows that were read are hidden in the spreadsheet: the teacher cannot see what
    the lessons will show."""
    read = [line for line, _ in table.rows if any(a <= line - 1 <= b for a, b in hidden)]
    if not read:
        return
    shown = ", ".join(map(str, read[:10])) + (", ..." if len(read) > 10 else "")
    table.notices.append(
        Problem.notice(
            table.file,
            read[0],
            None,
            _("{count} hidden row(s) were read like the others (row(s) {rows})").format(
                count=len(read), rows=shown
            ),
            _(
                "unhide them in your spreadsheet program to check what they hold, or delete them "
                "if they should not be used"
            ),
            place=_at_row(_sheet(table.sheet), read[0]),
        )
    )


def _holds(sheet: str) -> str:
    """What a wanted sheet holds, as the message says it ("events"; French "les événements")."""
    holds = {
        "events": pgettext("what a sheet holds", "events"),
        "quiz": pgettext("what a sheet holds", "quiz"),
        "corrections": pgettext("what a sheet holds", "corrections"),
    }
    return holds.get(sheet.lower(), sheet.lower())


def _sheet(name: str) -> str:
    """A sheet as messages name it: ``sheet 'Events'``."""
    return _("sheet '{sheet}'").format(sheet=name)


def _at_row(where: str, row: int) -> str:
    return _("{where}, row {row}").format(where=where, row=row)


def _at_cell(where: str, cell: str) -> str:
    return _("{where}, cell {cell}").format(where=where, cell=cell)


def _unreadable(name: str, exc: BaseException) -> Problem:
    return Problem(
        name,
        1,
        None,
        f"this workbook cannot be read ({exc})",
        "open it in your spreadsheet program and save it again as .xlsx or .ods",
        place=_("workbook"),
    )


def _choose_sheet(names: list[str], wanted: str, table: Table) -> str | None:
    """The sheet named ``wanted`` (any case), else a workbook's only other sheet (not for the
    quiz: a workbook without a Quiz sheet has no questions)."""
    folded = {n.strip().casefold(): n for n in names}
    for spelled in in_every_language("sheet", wanted):  # a French template's 'Événements'
        if spelled.casefold() in folded:
            return folded[spelled.casefold()]
    not_tables = {
        name.casefold()
        for sheet in (QUIZ_SHEET, LISTS_SHEET)
        for name in in_every_language("sheet", sheet)
    }
    others = [n for n in names if n.strip().casefold() not in not_tables]
    if wanted != QUIZ_SHEET and len(others) == 1:
        return others[0]
    listed = ", ".join(f"'{n}'" for n in names)
    meant = closest(wanted.casefold(), list(folded), cutoff=0.6)
    hint = _("did you mean '{name}'? ").format(name=folded[meant]) if meant else ""
    table.problems.append(
        Problem(
            table.file,
            1,
            None,
            _("there is no sheet named '{sheet}' (the sheets are {sheets})").format(
                sheet=wanted, sheets=listed
            ),
            hint
            + _("name the sheet that holds the {what} '{sheet}'").format(
                what=_holds(wanted), sheet=wanted
            ),
            place=_("workbook"),
        )
    )
    return None


def _fill_from_cells(
    table: Table,
    cells: list[list],
    merged: list,
    date_columns: Sequence[str],
    unsaved: dict[tuple[int, int], str],
) -> None:
    where = _sheet(table.sheet)
    rows = [[_cell_text(v) for v in row] for row in cells]
    filled = [i for i, row in enumerate(rows) if any(v.strip() for v in row)]
    # The header is the first row naming a column isslearn reads, so a title typed above it
    # ("Our class events", often merged across) is not taken for the header.
    header_index = next(
        (i for i in filled if _HEADER_WORDS & {v.strip().lower() for v in rows[i]}),
        filled[0] if filled else None,
    )
    if header_index is None:
        table.problems.append(
            Problem(
                table.file,
                1,
                None,
                _("the sheet is empty"),
                _("type the column names in row 1 (at least 'date' and 'title'), one per cell"),
                place=where,
            )
        )
        return
    above = [i for i in filled if i < header_index]
    if above:
        table.notices.append(
            Problem.notice(
                table.file,
                above[0] + 1,
                None,
                _("row(s) {first} to {last} above the header are not read").format(
                    first=above[0] + 1, last=header_index
                ),
                _("that is fine for a title; put events only below the header"),
                place=_at_row(where, above[0] + 1),
            )
        )
    for (top, left), (bottom, right) in merged:
        if bottom < header_index:
            continue  # a title merged across, above the header
        span = f"{_cell_name(left, top + 1)}:{_cell_name(right, bottom + 1)}"
        table.problems.append(
            Problem(
                table.file,
                top + 1,
                None,
                _("cells {span} are merged, so only the first holds a value").format(span=span),
                _("unmerge them and type the value in every cell that needs it"),
                place=_("{where}, cells {span}").format(where=where, span=span),
            )
        )
    header_line = table.header_line = header_index + 1
    header_row = rows[header_index]
    width = max((i + 1 for i, v in enumerate(header_row) if v), default=0)
    for index, value in enumerate(header_row[:width]):
        column = value.strip().lower()
        cell = _at_cell(where, _cell_name(index, header_line))
        if not column:
            if any(i < len(r) and r[i] for r in rows[header_index + 1 :] for i in [index]):
                table.problems.append(
                    Problem(
                        table.file,
                        header_line,
                        None,
                        _("this column has values but no name in the header"),
                        _("type a column name here, or delete the column"),
                        place=cell,
                    )
                )
            continue
        if column in table.columns:
            table.problems.append(
                Problem(
                    table.file,
                    header_line,
                    None,
                    _("the column '{name}' appears twice in the header").format(name=value.strip()),
                    _("keep one of them"),
                    place=cell,
                )
            )
            continue
        table.columns[column] = index
        table.written[column] = value.strip()
        table.header.append(column)
    for (row0, col0), formula in sorted(unsaved.items()):
        if row0 > header_index and col0 < width:
            table.problems.append(
                Problem(
                    table.file,
                    row0 + 1,
                    None,
                    f"this cell holds a formula (={formula}) whose value was never saved, "
                    "so it reads as empty",
                    "open the file in your spreadsheet program and save it again, "
                    "or type the value instead of the formula",
                    place=_at_cell(where, _cell_name(col0, row0 + 1)),
                )
            )
    skipped: list[int] = []
    for index, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if row and row[0].lstrip().startswith("#"):
            skipped.append(index)  # a comment, or an example row as `isslearn template` writes
            continue
        if any((index - 1, col) in unsaved for col in range(width)):
            continue  # reported above; its other cells are checked once it has values
        _add_sheet_row(table, index, row, cells[index - 1], width, date_columns)
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (", ..." if len(skipped) > 10 else "")
        table.notices.append(
            Problem.notice(
                table.file,
                skipped[0],
                None,
                _(
                    "{count} row(s) whose first cell starts with # skipped as comments or "
                    "examples (row(s) {rows})"
                ).format(count=len(skipped), rows=shown),
                _("to use an example row, delete its #"),
                place=_at_row(where, skipped[0]),
            )
        )


def _add_sheet_row(
    table: Table, line: int, row: list[str], raw: list, width: int, dates: Sequence[str]
) -> None:
    if not any(v.strip() for v in row):
        return  # empty rows are harmless
    where = _sheet(table.sheet)
    for index, value in enumerate(row[width:], start=width):
        if value.strip():
            table.problems.append(
                Problem(
                    table.file,
                    line,
                    None,
                    _("this cell is right of the table, in a column with no name in the header"),
                    _("move it into the right column, or give its column a name in the header"),
                    place=_at_cell(where, _cell_name(index, line)),
                )
            )
            return
    record: dict[str, str] = {}
    for column, index in table.columns.items():
        value = row[index].strip() if index < len(row) else ""
        if len(value) > MAX_FIELD_CHARS:
            table.problems.append(
                Problem(
                    table.file,
                    line,
                    column,
                    f"the cell holds {len(value):,} characters (at most {MAX_FIELD_CHARS:,})",
                    "shorten it: a summary needs a sentence or two",
                )
            )
            return
        if column in dates and index < len(raw):
            value = _date_text(raw[index], value)
            if (number := _number_shown_as_date(raw[index])) is not None:
                table.problems.append(_number_as_date(table.file, line, column, number, value))
        record[column] = " ".join(value.split()) if "\n" in value else value
    table.rows.append((line, record))


def _cell_text(value: object) -> str:
    """A cell as text the way the sheet shows it: 2000 not 2000.0, TRUE as 'true'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _date_text(raw: object, text: str) -> str:
    """A date cell as YYYY-MM-DD; a spreadsheet day number too (36832 is 2000-11-02)."""
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if (
        isinstance(raw, (int, float))
        and not isinstance(raw, bool)
        and _SERIAL_DAYS[0] <= raw <= _SERIAL_DAYS[1]
    ):
        return (_EXCEL_EPOCH + dt.timedelta(days=int(raw))).isoformat()
    return text


_EXCEL_1904_EPOCH = dt.date(1904, 1, 1)


def _number_shown_as_date(raw: object) -> int | None:
    """The number a date cell really holds when it is not a plausible date: a year typed into
    a cell formatted as a date (2021 shows as 1905-07-13 in the 1900 date system, 1909-07-14 in
    the 1904 one) or a small number (45 shows as 1900-02-13). None for an ordinary date.

    >>> _number_shown_as_date(dt.datetime(1905, 7, 13)), _number_shown_as_date(dt.date(2021, 7, 13))
    (2021, None)
    """
    if not isinstance(raw, dt.date):
        return None
    day = raw.date() if isinstance(raw, dt.datetime) else raw
    for epoch in (_EXCEL_EPOCH, _EXCEL_1904_EPOCH):
        number = (day - epoch).days
        if EARLIEST_YEAR <= number <= LATEST_YEAR:
            return number
    number = (day - _EXCEL_EPOCH).days
    if number > 366:
        return None
    return number - 1 if number <= 60 else number  # Excel counts a 29 February 1900


def _number_as_date(file: str, line: int, column: str, number: int, shown: str) -> Problem:
    if EARLIEST_YEAR <= number <= LATEST_YEAR:
        what = f"holds the number {number}, probably a year, which the spreadsheet shows as {shown}"
        fix = f"type the whole date as YYYY-MM-DD, e.g. {number}-05-04"
    else:
        what = f"holds the number {number}, which the spreadsheet shows as the date {shown}"
        fix = "type the date as YYYY-MM-DD, e.g. 2000-11-02"
    return Problem(file, line, column, f"this date cell {what}", fix)


# ---------------------------------------------------------------- where a problem is


def place_problems(table: Table) -> None:
    """Give each problem and notice of a sheet its place as the spreadsheet shows it
    ("sheet 'Events', cell B4", or "row 4" when no single cell is at fault). CSV tables are
    left as they are: a line number is what a text editor shows."""
    table.problems[:] = placed(table.problems, table)
    table.notices[:] = placed(table.notices, table)


def placed(problems: list[Problem], table: Table) -> list[Problem]:
    """``problems`` found in ``table``, each with its place in the sheet (as
    :func:`place_problems` gives them); unchanged for a CSV table."""
    if not table.sheet:
        return list(problems)
    return [_placed(p, table) for p in problems]


def _placed(problem: Problem, table: Table) -> Problem:
    if problem.place or problem.file != table.file:
        return problem
    where = _sheet(table.sheet)
    column = (problem.column or "").strip().lower()
    if column in table.columns and problem.line >= 1:
        cell = _cell_name(table.columns[column], problem.line)
        return replace(problem, place=_at_cell(where, cell))
    return replace(problem, place=_at_row(where, problem.line))
