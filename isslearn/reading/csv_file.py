"""The one CSV reader: the built-in tables, and teachers' files as any spreadsheet saves them.

:func:`read_csv` turns bytes into a :class:`~isslearn.reading.table.Table`. It reads CSV the way
spreadsheets write it in any language: commas, semicolons or tabs between fields (the separator
of the header line, said in ``read_as``), and UTF-8, UTF-16 with its byte-order mark (Excel's
"Unicode text") or Windows-1252 (with a notice asking to check the accented letters). Everything
that can go wrong (not text, empty, ragged rows, a double quote left open) becomes a
:class:`~isslearn.errors.Problem` on the line a teacher would look at; it never raises.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence

from ..errors import Problem
from ..language import N_, number
from ..language import gettext as _
from .table import MAX_FIELD_CHARS, Table
from .values import match_choice

__all__ = ["read_csv"]

_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
_SAVE_UTF8 = N_(
    "save it as UTF-8: in Excel, File > Save As > 'CSV UTF-8 (Comma delimited)'; in "
    "LibreOffice, File > Save As > 'Text CSV', tick 'Edit filter settings' and choose "
    "'Unicode (UTF-8)'; or save the workbook itself (.xlsx or .ods) and use that"
)
_LEGACY_PUNCTUATION = set("’‘“”–—€…«»°·×÷¡¿ºª§©®™•\xa0")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACE_AFTER_QUOTE = re.compile(r'"[ \t]+(?=,|\r|\n|$)')
_LOOKS_LIKE_A_ROW = re.compile(r"^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\s*,|,.*,")


def read_csv(
    data: bytes, file: str, list_columns: Mapping[str, Sequence[str]] | None = None
) -> Table:
    """The CSV ``data`` as a table; ``file`` is what messages call it. Never raises.

    ``list_columns`` maps columns that hold ``;``-separated lists to the values they may hold:
    a row whose extra fields are such values, split by commas, gets a hint to use ``;``.
    """
    table = Table(file, list_columns=dict(list_columns or {}))
    text = _decode(data, table)
    if text is None:
        return table
    delimiter = _detect_delimiter(text)
    how = [table.read_as] if table.read_as else []  # the encoding, when not UTF-8
    if delimiter != ",":
        how.append(f"{_SEPARATORS[delimiter]}-separated")
    table.read_as = "read as " + ", ".join(how) if how else ""
    _fill(text, table, delimiter)
    table.columns = {col: i for i, col in reversed(list(enumerate(table.header)))}
    return table


def _detect_delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of ',', ';' and tab outside quotes
    (a comma on a tie, as most files are comma-separated).

    >>> _detect_delimiter("date;title;summary\\n2000-11-02;Crew;\\"One, two\\"\\n")
    ';'
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {sep: unquoted.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


# ---------------------------------------------------------------- bytes to text


def _decode(data: bytes, table: Table) -> str | None:
    """UTF-8 (with or without a byte-order mark), UTF-16 with its mark (Excel's "Unicode
    text"), or Windows-1252 when every accented character it gives is a plausible letter; else
    a problem that says exactly how to save the file."""
    name = table.file
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            table.read_as = "UTF-16 text"
            return text.removeprefix("\ufeff")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # the mark Excel writes
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
            Problem.notice(
                name,
                1,
                None,
                _(
                    "this file is not UTF-8, so it was read as Windows-1252 (Western European); "
                    "check that accented words look right, e.g. {words}"
                ).format(words=shown),
                _("if they do not, {fix}").format(fix=_(_SAVE_UTF8)),
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
            _(
                "the file is not UTF-8 text (byte {byte} cannot be read), and "
                "it is not Windows-1252 either, so its accented letters would come out wrong"
            ).format(byte=f"0x{data[first_bad]:02x}"),
            _(_SAVE_UTF8),
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


# ---------------------------------------------------------------- text to rows


def _fill(text: str, table: Table, delimiter: str) -> None:
    name = table.file
    if not text.strip():
        table.problems.append(
            Problem(
                name, 1, None, "the file is empty", "it needs a header line such as 'date,title'"
            )
        )
        return
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        table.problems.append(
            Problem(
                name,
                line,
                None,
                "this is not a CSV text file (it contains NUL bytes)",
                "save it from your spreadsheet as 'CSV UTF-8 (comma delimited)'",
            )
        )
        return
    _parse(text, table, delimiter)


def _parse(text: str, table: Table, delimiter: str) -> None:
    name = table.file
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    lines = io.StringIO(text, newline="").readlines()  # split as the reader splits them
    previous_end = 0
    skipped: list[int] = []
    try:
        for fields in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if not fields or all(not f.strip() for f in fields):
                continue  # blank lines are harmless
            if fields[0].lstrip().startswith("#"):
                skipped.append(start)  # a comment, or an example row as `isslearn template` writes
                continue
            if not table.header:
                table.header_line = start
                table.header = [f.strip().lower() for f in fields]
                table.written = {f.strip().lower(): f.strip() for f in fields}
                _check_header(table, start)
                continue
            _add_row(table, start, fields, "".join(lines[start - 1 : previous_end]))
    except csv.Error as exc:
        table.problems.append(
            Problem(
                name,
                previous_end + 1,
                None,
                f"the CSV cannot be read here ({exc})",
                "check for a stray double quote; a field containing quotes or commas "
                "must be wrapped in double quotes",
            )
        )
    if not table.header and not table.problems:  # only blank lines, empty fields or comments
        table.problems.append(
            Problem(
                name,
                1,
                None,
                _("the file has no header line, only blank lines, empty fields or # comments"),
                _("it needs a header line such as 'date,title'"),
            )
        )
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (", ..." if len(skipped) > 10 else "")
        table.notices.append(
            Problem.notice(
                name,
                skipped[0],
                None,
                _(
                    "{count} line(s) starting with # skipped as comments or examples "
                    "(line(s) {lines})"
                ).format(count=len(skipped), lines=shown),
                _("to use an example row as an event, delete its #"),
            )
        )


def _check_header(table: Table, line: int) -> None:
    seen: set[str] = set()
    for col in table.header:
        if not col:
            table.problems.append(
                Problem(
                    table.file,
                    line,
                    None,
                    _("the header has an empty column name"),
                    _("give every column a name, or delete the empty column"),
                )
            )
        elif col in seen:
            table.problems.append(
                Problem(
                    table.file,
                    line,
                    col,
                    _("this column appears twice in the header"),
                    _("keep one of them"),
                )
            )
        seen.add(col)
    if len(table.header) == 1 and "|" in table.header[0]:
        table.problems.append(
            Problem(
                table.file,
                line,
                None,
                _("the fields seem to be separated by '|', not commas"),
                _("save the file as comma-separated CSV"),
            )
        )


def _add_row(table: Table, line: int, fields: list[str], raw: str) -> None:
    width = len(table.header)
    if len(fields) > width:
        extra = fields[width:]
        empty = not any(f.strip() for f in extra)
        table.problems.append(
            Problem(
                table.file,
                line,
                None,
                _("this row has {count} fields but the header has {width}").format(
                    count=len(fields), width=width
                )
                + (_(" (the extra ones are empty)") if empty else ""),
                _("delete the extra commas at the end of the row")
                if empty
                else _list_hint(table, fields)
                or _(
                    "wrap any field that contains a comma in double quotes, "
                    "or add the missing column to the header"
                ),
            )
        )
        return
    for i, (col, value) in enumerate(zip(table.header, fields, strict=False)):
        if _LINE_BREAK.search(value):
            table.problems.append(_field_over_lines(table, line, fields, i))
            return
        if len(value) > MAX_FIELD_CHARS:
            table.problems.append(
                Problem(
                    table.file,
                    line,
                    col,
                    _("the field is {count} characters long (at most {most})").format(
                        count=number(len(value)), most=number(MAX_FIELD_CHARS)
                    ),
                    _("look for an unclosed double quote before this line"),
                )
            )
            return
    if not _quotes_closed_cleanly(raw):
        table.problems.append(
            Problem(
                table.file,
                line,
                None,
                _("a double quote in this row is not where CSV expects it, so fields run together"),
                _(
                    'wrap a whole field in double quotes and write a quote inside it as two (""), '
                    'e.g. "He said ""hello"", then left"'
                ),
            )
        )
        return
    row = {
        col: (fields[i].strip() if i < len(fields) else "") for i, col in enumerate(table.header)
    }
    table.rows.append((line, row))


def _quotes_closed_cleanly(raw: str) -> bool:
    """Does the row read the same under CSV's strict quoting rules (spaces after a quote aside)?

    The forgiving reader joins ``"0,"0`` into one field without a word, and the columns after
    it are lost; the strict one refuses it.
    """
    for text in (raw, _SPACE_AFTER_QUOTE.sub('"', raw)):
        try:
            list(csv.reader(io.StringIO(text, newline=""), strict=True))
            return True
        except csv.Error:
            continue
    return False


def _list_hint(table: Table, fields: list[str]) -> str:
    """'separate agencies with ;' when the row overflows from a list column into nothing."""
    spill = len(fields) - len(table.header)
    for col, allowed in table.list_columns.items():
        if col not in table.header:
            continue
        at = table.header.index(col)
        pieces = [f.strip() for f in fields[at : at + spill + 1]]
        if all(match_choice(p, allowed) for p in pieces):
            return _("separate {column} with ';', e.g. '{shown}'").format(
                column=col, shown=";".join(pieces)
            )
    return ""


def _field_over_lines(table: Table, line: int, fields: list[str], index: int) -> Problem:
    """A quoted field that runs over several lines: most often a double quote never closed."""
    opened = line + sum(len(_LINE_BREAK.findall(f)) for f in fields[:index])
    value = fields[index].rstrip("\r\n")  # an unclosed quote also takes the file's last line end
    last = opened + len(_LINE_BREAK.findall(value))
    following = _LINE_BREAK.split(value)[1:]
    rows = sum(1 for text in following if _LOOKS_LIKE_A_ROW.search(text))
    swallowed = ""
    if rows:
        swallowed = _(", and swallows what look like {count} more row(s)").format(count=rows)
    return Problem(
        table.file,
        opened,
        table.header[index],
        _("a double quote opened on line {first} runs on to line {last}{swallowed}").format(
            first=opened, last=last, swallowed=swallowed
        ),
        _(
            "close the quote on that line; each row must fit on one line, "
            "so remove any line break inside a field"
        ),
    )
