"""Teachers' files the way teachers keep them: workbooks (.xlsx, .ods), and CSV as any
spreadsheet saves it (commas, semicolons or tabs; UTF-8, UTF-16 or Windows-1252).

Everything becomes the same :class:`~isslearn.files.Table` the CSV reader makes, so events and
quiz questions are checked by the same code wherever they come from. What differs is *where* a
problem is: in a workbook it is a sheet and a cell as the spreadsheet program shows them
(``events.xlsx: sheet 'Events', cell B4: column 'date': ...``), which :func:`place_problems`
writes into each :class:`~isslearn.errors.Problem`.

Workbooks are read with python-calamine (the engine pandas uses for ``read_excel``; it reads
.xlsx, .ods and old .xls, and is many times faster than openpyxl); openpyxl writes the template
with its drop-down lists. A teacher's file is only ever read, never changed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .errors import Problem
from .files import MAX_FIELD_CHARS, Table, check_columns, fill_table, read_bytes
from .sheet_xml import ods_merged_ranges, xlsx_unsaved_formulas
from .values import closest

if TYPE_CHECKING:  # the workbook reader is imported only when a workbook is read
    from python_calamine import CalamineWorkbook

T = TypeVar("T")

__all__ = [
    "EVENTS_SHEET",
    "LISTS_SHEET",
    "QUIZ_COLUMNS",
    "QUIZ_SHEET",
    "WORKBOOK_SUFFIXES",
    "SheetTable",
    "cell_name",
    "detect_delimiter",
    "is_workbook",
    "place_problems",
    "read_as",
    "read_events_table",
    "read_sheet_table",
    "sheet_names",
]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls")
EVENTS_SHEET = "Events"
QUIZ_SHEET = "Quiz"
LISTS_SHEET = "Lists"  # the template's drop-down values
QUIZ_COLUMNS = ("question", "option", "correct", "feedback")

_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"  # .xlsx/.ods are zip files; old .xls is OLE
_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
# Spreadsheet day numbers (1900 date system): 10000 is 1927-05-18, 73415 is 2100-12-31. A
# smaller number in a date cell is more likely a year or a typo, so it keeps the text rules.
_SERIAL_DAYS = (10_000, 73_415)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SAVE_UTF8 = (
    "save it as UTF-8: in Excel, File > Save As > 'CSV UTF-8 (Comma delimited)'; in "
    "LibreOffice, File > Save As > 'Text CSV', tick 'Edit filter settings' and choose "
    "'Unicode (UTF-8)'; or save the workbook itself (.xlsx or .ods) and use that"
)
_HEADER_WORDS = {"date", "title", "question", "option"}
_LEGACY_PUNCTUATION = set("’‘“”–—€…«»°·×÷¡¿ºª§©®™•\xa0")


@dataclass
class SheetTable(Table):
    """A :class:`Table` that knows where it came from: its sheet (none for CSV), the column
    index of each header name (for cell addresses) and how it was read ("semicolon-separated")."""

    sheet: str = ""
    columns: dict[str, int] = field(default_factory=dict)
    read_as: str = ""


class Notice(Problem):
    """Something a teacher should know that does not stop the file being used."""

    def __str__(self) -> str:
        text = super().__str__()
        where = f"{self.file}: {self.place}: " if self.place else f"{self.file}:{self.line}: "
        return where + "notice: " + text[len(where) :]


# ---------------------------------------------------------------- what kind of file


def is_workbook(data: bytes) -> bool:
    """True when ``data`` is a workbook (.xlsx/.ods/.xls) whatever its name says."""
    return data.startswith((_ZIP, _OLE))


def _looks_like_workbook_name(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES


def cell_name(column: int, row: int) -> str:
    """The address a spreadsheet shows for a 0-based ``column`` and a 1-based ``row``.

    >>> cell_name(1, 4), cell_name(26, 1)
    ('B4', 'AA1')
    """
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


# ---------------------------------------------------------------- events, any kind of file


def read_events_table(
    path: str | os.PathLike[str], list_columns: Mapping[str, Sequence[str]] | None = None
) -> SheetTable:
    """The teacher's events file at ``path`` as a table: a workbook's 'Events' sheet, or CSV
    text with its separator and encoding detected. Never raises for bad input.

    ``list_columns`` is as for :func:`isslearn.files.read_table` (hints for CSV fields split
    by commas that should have been ';').
    """
    path = Path(path)
    name = str(path)
    table = SheetTable(name=name, header=[], list_columns=dict(list_columns or {}))
    data = read_bytes(path, table.problems, kind="events file")
    if data is None:
        return table
    if is_workbook(data):
        sheet = read_sheet_table(data, name, EVENTS_SHEET, date_columns=("date",))
        if not _looks_like_workbook_name(path):
            sheet.notices.append(_renamed(name, path, "a spreadsheet workbook", ".xlsx or .ods"))
        return sheet
    if _looks_like_workbook_name(path):
        table.notices.append(_renamed(name, path, "text (CSV)", ".csv"))
    read_text_table(data, table)
    return table


def _renamed(name: str, path: Path, really: str, suffix: str) -> Notice:
    return Notice(
        name,
        1,
        None,
        f"this file is {really} although its name ends in '{path.suffix}'; it was read as such",
        f"rename it to end in {suffix} so that other programs open it too",
    )


def read_text_table(data: bytes, table: SheetTable) -> None:
    """Fill ``table`` from CSV bytes: encoding and separator detected, each said in a notice
    or in ``table.read_as`` rather than guessed silently."""
    text = _decode_any(data, table)
    if text is None:
        return
    delimiter = detect_delimiter(text)
    how = [table.read_as] if table.read_as else []  # the encoding, when not UTF-8
    if delimiter != ",":
        how.append(f"{_SEPARATORS[delimiter]}-separated")
    table.read_as = "read as " + ", ".join(how) if how else ""
    fill_table(text, table, delimiter)
    table.columns = {col: i for i, col in reversed(list(enumerate(table.header)))}


def detect_delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of ',', ';' and tab outside quotes
    (a comma on a tie, as most files are comma-separated).

    >>> detect_delimiter("date;title;summary\\n2000-11-02;Crew;\\"One, two\\"\\n")
    ';'
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {sep: unquoted.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def _decode_any(data: bytes, table: SheetTable) -> str | None:
    """UTF-8 (with or without a byte-order mark), UTF-16 with its mark (Excel's "Unicode
    text"), or Windows-1252 when every accented character it gives is a plausible letter; else
    a problem that says exactly how to save the file."""
    name = table.name
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            table.read_as = "UTF-16 text"
            return text.removeprefix("\ufeff")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    odd = _implausible(text) if text is not None else None
    if text is not None and odd is None:
        words = sorted(set(re.findall(r'[^\s,;"]*[^\x00-\x7f][^\s,;"]*', text)), key=text.index)
        shown = ", ".join(f"'{w}'" for w in words[:3])
        table.notices.append(
            Notice(
                name,
                1,
                None,
                "this file is not UTF-8, so it was read as Windows-1252 (Western European); "
                f"check that accented words look right, e.g. {shown}",
                "if they do not, " + _SAVE_UTF8,
            )
        )
        table.read_as = "Windows-1252"  # the separator is added after
        return text
    line = data.count(b"\n", 0, first_bad) + 1
    table.problems.append(
        Problem(
            name,
            line,
            None,
            f"the file is not UTF-8 text (byte 0x{data[first_bad]:02x} cannot be read), and "
            "it is not Windows-1252 either, so its accented letters would come out wrong",
            _SAVE_UTF8,
        )
    )
    return None


def _implausible(text: str) -> str | None:
    """The first character that Windows-1252 reading makes unlikely (a control character, a
    symbol where a letter should be): a sign the file is in another encoding."""
    for char in text:
        if char.isascii() or char in _LEGACY_PUNCTUATION:
            continue
        if not unicodedata.category(char).startswith("L"):
            return char
    return None


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
) -> SheetTable:
    """The sheet ``wanted`` of the workbook ``data`` as a table whose rows are the sheet's rows.

    Cells become text as the sheet shows them; in ``date_columns`` a date cell (or a day
    number) becomes YYYY-MM-DD so it passes the same date check as typed text.
    """
    table = SheetTable(name=name, header=[])
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
    return table


def _unreadable(name: str, exc: BaseException) -> Problem:
    return Problem(
        name,
        1,
        None,
        f"this workbook cannot be read ({exc})",
        "open it in your spreadsheet program and save it again as .xlsx or .ods",
        place="workbook",
    )


def _choose_sheet(names: list[str], wanted: str, table: SheetTable) -> str | None:
    """The sheet named ``wanted`` (any case); for events also a workbook's only other sheet."""
    folded = {n.strip().casefold(): n for n in names}
    if wanted.casefold() in folded:
        return folded[wanted.casefold()]
    others = [n for n in names if n.strip().casefold() not in ("quiz", LISTS_SHEET.casefold())]
    if wanted == EVENTS_SHEET and len(others) == 1:
        return others[0]
    listed = ", ".join(f"'{n}'" for n in names)
    meant = closest(wanted.casefold(), list(folded), cutoff=0.6)
    hint = f"did you mean '{folded[meant]}'? " if meant else ""
    table.problems.append(
        Problem(
            table.name,
            1,
            None,
            f"there is no sheet named '{wanted}' (the sheets are {listed})",
            hint + f"name the sheet that holds the {wanted.lower()} '{wanted}'",
            place="workbook",
        )
    )
    return None


def _fill_from_cells(
    table: SheetTable,
    cells: list[list],
    merged: list,
    date_columns: Sequence[str],
    unsaved: dict[tuple[int, int], str],
) -> None:
    where = f"sheet '{table.sheet}'"
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
                table.name,
                1,
                None,
                "the sheet is empty",
                "type the column names in row 1 (at least 'date' and 'title'), one per cell",
                place=where,
            )
        )
        return
    above = [i for i in filled if i < header_index]
    if above:
        table.notices.append(
            Notice(
                table.name,
                above[0] + 1,
                None,
                f"row(s) {above[0] + 1} to {header_index} above the header are not read",
                "that is fine for a title; put events only below the header",
                place=f"{where}, row {above[0] + 1}",
            )
        )
    for (top, left), (bottom, right) in merged:
        if bottom < header_index:
            continue  # a title merged across, above the header
        span = f"{cell_name(left, top + 1)}:{cell_name(right, bottom + 1)}"
        table.problems.append(
            Problem(
                table.name,
                top + 1,
                None,
                f"cells {span} are merged, so only the first holds a value",
                "unmerge them and type the value in every cell that needs it",
                place=f"{where}, cells {span}",
            )
        )
    header_line = table.header_line = header_index + 1
    header_row = rows[header_index]
    width = max((i + 1 for i, v in enumerate(header_row) if v), default=0)
    for index, value in enumerate(header_row[:width]):
        column = value.strip().lower()
        cell = f"{where}, cell {cell_name(index, header_line)}"
        if not column:
            if any(i < len(r) and r[i] for r in rows[header_index + 1 :] for i in [index]):
                table.problems.append(
                    Problem(
                        table.name,
                        header_line,
                        None,
                        "this column has values but no name in the header",
                        "type a column name here, or delete the column",
                        place=cell,
                    )
                )
            continue
        if column in table.columns:
            table.problems.append(
                Problem(
                    table.name,
                    header_line,
                    None,
                    f"the column '{value.strip()}' appears twice in the header",
                    "keep one of them",
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
                    table.name,
                    row0 + 1,
                    None,
                    f"this cell holds a formula (={formula}) whose value was never saved, "
                    "so it reads as empty",
                    "open the file in your spreadsheet program and save it again, "
                    "or type the value instead of the formula",
                    place=f"{where}, cell {cell_name(col0, row0 + 1)}",
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
            Notice(
                table.name,
                skipped[0],
                None,
                f"{len(skipped)} row(s) whose first cell starts with # skipped as comments or "
                f"examples (row(s) {shown})",
                "to use an example row, delete its #",
                place=f"{where}, row {skipped[0]}",
            )
        )


def _add_sheet_row(
    table: SheetTable, line: int, row: list[str], raw: list, width: int, dates: Sequence[str]
) -> None:
    if not any(v.strip() for v in row):
        return  # empty rows are harmless
    where = f"sheet '{table.sheet}'"
    for index, value in enumerate(row[width:], start=width):
        if value.strip():
            table.problems.append(
                Problem(
                    table.name,
                    line,
                    None,
                    "this cell is right of the table, in a column with no name in the header",
                    "move it into the right column, or give its column a name in the header",
                    place=f"{where}, cell {cell_name(index, line)}",
                )
            )
            return
    record: dict[str, str] = {}
    for column, index in table.columns.items():
        value = row[index].strip() if index < len(row) else ""
        if len(value) > MAX_FIELD_CHARS:
            table.problems.append(
                Problem(
                    table.name,
                    line,
                    column,
                    f"the cell holds {len(value):,} characters (at most {MAX_FIELD_CHARS:,})",
                    "shorten it: a summary needs a sentence or two",
                )
            )
            return
        if column in dates and index < len(raw):
            value = _date_text(raw[index], value)
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


# ---------------------------------------------------------------- where a problem is


def place_problems(table: Table) -> None:
    """Give each problem and notice of a sheet its place as the spreadsheet shows it
    ("sheet 'Events', cell B4", or "row 4" when no single cell is at fault). CSV tables are
    left as they are: a line number is what a text editor shows."""
    if not isinstance(table, SheetTable) or not table.sheet:
        return
    table.problems[:] = [_placed(p, table) for p in table.problems]
    table.notices[:] = [_placed(p, table) for p in table.notices]


def _placed(problem: Problem, table: SheetTable) -> Problem:
    if problem.place or problem.file != table.name:
        return problem
    where = f"sheet '{table.sheet}'"
    column = (problem.column or "").strip().lower()
    if column in table.columns and problem.line >= 1:
        cell = cell_name(table.columns[column], problem.line)
        return replace(problem, place=f"{where}, cell {cell}")
    return replace(problem, place=f"{where}, row {problem.line}")


def read_as(table: SheetTable) -> str:
    """How ``isslearn check`` says the file was read: "read as semicolon-separated", "read
    from sheet 'Events'", or "" for a plain comma-separated UTF-8 file."""
    if table.sheet:
        return f"read from sheet '{table.sheet}'"
    return table.read_as


def check_quiz_columns(table: Table) -> None:
    """Unknown and missing quiz columns, with "did you mean", as for the events' columns."""
    synonyms = {
        "answer": "option",
        "options": "option",
        "text": "option",
        "right": "correct",
        "explanation": "feedback",
        "questions": "question",
    }
    missing = [c for c in QUIZ_COLUMNS[:3] if c not in table.header]
    unknown = [h for h in table.header if h not in QUIZ_COLUMNS]
    for column in missing:
        hint = "the Quiz sheet's columns are: " + ", ".join(QUIZ_COLUMNS)
        typo = next((h for h in unknown if synonyms.get(h) == column), None) or closest(
            column, unknown
        )
        if typo:
            hint += f"; did you mean '{column}' where it says '{table.written.get(typo, typo)}'?"
        table.problems.append(
            Problem(table.name, table.header_line, column, "required column is missing", hint)
        )
    check_columns(table, QUIZ_COLUMNS, synonyms, reported=missing)
