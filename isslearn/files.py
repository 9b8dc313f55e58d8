"""Read a file a teacher gives into rows that remember their line numbers, or clear problems.

This module knows nothing of events or modules: it turns a path into bytes
(:func:`read_bytes`), bytes into text (:func:`decode`) and CSV text into a header and rows
(:func:`read_table`), and everything that can go wrong on the way (missing, a folder, not UTF-8,
not CSV, empty, ragged rows) into a :class:`~isslearn.errors.Problem` with the line a teacher
would look at. Other readers (the quiz file's YAML) reuse :func:`read_bytes` and :func:`decode`.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .values import closest, match_choice

__all__ = [
    "MAX_FIELD_CHARS",
    "Table",
    "check_columns",
    "decode",
    "expand_home",
    "fill_table",
    "read_bytes",
    "read_table",
    "read_table_file",
]

MAX_FIELD_CHARS = 20_000  # far beyond any summary; stops a runaway quote swallowing the file


def expand_home(path: str | os.PathLike[str]) -> Path:
    """``path`` with a leading ``~`` meaning the home folder, as in a shell.

    A ``~name`` that names no user (``~.csv``) stays as written, so the teacher is told the
    file is not there instead of meeting Python's "Could not determine home directory".
    """
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACE_AFTER_QUOTE = re.compile(r'"[ \t]+(?=,|\r|\n|$)')
_LOOKS_LIKE_A_ROW = re.compile(r"^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\s*,|,.*,")


@dataclass
class Table:
    """A parsed CSV: lower-cased header names and rows as dicts, each with its first line.

    ``problems`` stop the file being used; ``notices`` are things a teacher should know that do
    not (a column nobody reads, for instance).
    """

    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    header_line: int = 1
    written: dict[str, str] = field(default_factory=dict)  # header name as the file spells it
    # Columns holding ';'-separated lists, with the values they may hold (for hints only).
    list_columns: Mapping[str, Sequence[str]] = field(default_factory=dict)


def read_table(
    data: bytes, name: str, list_columns: Mapping[str, Sequence[str]] | None = None
) -> Table:
    """Parse CSV bytes; ``name`` is what messages call the file. Never raises for bad input.

    ``list_columns`` maps columns that hold ``;``-separated lists to the values they may hold:
    a row whose extra fields are such values, split by commas, gets a hint to use ``;``.
    """
    table = Table(name=name, header=[], list_columns=dict(list_columns or {}))
    text = decode(data, name, table.problems, save_as="CSV UTF-8")
    if text is not None:
        fill_table(text, table)
    return table


def fill_table(text: str, table: Table, delimiter: str = ",") -> None:
    """Parse decoded CSV ``text`` into ``table``; ``delimiter`` may be ';' or a tab (a
    spreadsheet's export in many languages), as :mod:`isslearn.sheets` detects it."""
    name = table.name
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


def read_bytes(
    path: str | os.PathLike[str], problems: list[Problem], kind: str = "file"
) -> bytes | None:
    """The bytes of ``path`` (never written to), or None with the reason added to ``problems``.

    ``kind`` names what was expected ("CSV file", "quiz file") in the message for a folder.
    """
    name = str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, 1, None, "file not found", "check the name and the folder"))
    except IsADirectoryError:
        problems.append(Problem(name, 1, None, f"this is a folder, not a {kind}"))
    except OSError as exc:
        problems.append(Problem(name, 1, None, f"cannot read the file ({exc.strerror})"))
    return None


def decode(data: bytes, name: str, problems: list[Problem], save_as: str = "UTF-8") -> str | None:
    """The UTF-8 text of ``data`` without a byte-order mark, or None with a Problem added.

    ``save_as`` is the format the fix asks for ("CSV UTF-8" for a spreadsheet's export).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            Problem(
                name,
                line,
                None,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read)",
                f"save it as '{save_as}' from your spreadsheet or editor",
            )
        )
        return None
    return text.removeprefix("\ufeff")  # byte-order mark written by Excel


def read_table_file(
    path: str | os.PathLike[str], list_columns: Mapping[str, Sequence[str]] | None = None
) -> Table:
    """Read ``path`` (never written to) and parse it; a missing file is a problem, not a crash."""
    problems: list[Problem] = []
    data = read_bytes(path, problems, kind="CSV file")
    if data is None:
        return Table(str(path), [], problems=problems)
    return read_table(data, str(path), list_columns)


def _parse(text: str, table: Table, delimiter: str = ",") -> None:
    name = table.name
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    lines = io.StringIO(text, newline="").readlines()  # split as the reader splits them
    previous_end = 0
    header_line = 0
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
                header_line = start
                table.header_line = header_line
                table.header = [f.strip().lower() for f in fields]
                table.written = {f.strip().lower(): f.strip() for f in fields}
                _check_header(table, header_line)
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
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (", ..." if len(skipped) > 10 else "")
        table.notices.append(
            Problem(
                name,
                skipped[0],
                None,
                f"{len(skipped)} line(s) starting with # skipped as comments or examples "
                f"(line(s) {shown})",
                "to use an example row as an event, delete its #",
            )
        )


def _check_header(table: Table, line: int) -> None:
    seen: set[str] = set()
    for col in table.header:
        if not col:
            table.problems.append(
                Problem(
                    table.name,
                    line,
                    None,
                    "the header has an empty column name",
                    "give every column a name, or delete the empty column",
                )
            )
        elif col in seen:
            table.problems.append(
                Problem(
                    table.name,
                    line,
                    col,
                    "this column appears twice in the header",
                    "keep one of them",
                )
            )
        seen.add(col)
    if len(table.header) == 1 and any(sep in table.header[0] for sep in ";\t|"):
        sep = next(s for s in ";\t|" if s in table.header[0])
        shown = {"\t": "tabs"}.get(sep, f"'{sep}'")
        table.problems.append(
            Problem(
                table.name,
                line,
                None,
                f"the fields seem to be separated by {shown}, not commas",
                "save the file as comma-separated CSV",
            )
        )


def _add_row(table: Table, line: int, fields: list[str], raw: str) -> None:
    width = len(table.header)
    if len(fields) > width:
        extra = fields[width:]
        empty = not any(f.strip() for f in extra)
        table.problems.append(
            Problem(
                table.name,
                line,
                None,
                f"this row has {len(fields)} fields but the header has {width}"
                + (" (the extra ones are empty)" if empty else ""),
                "delete the extra commas at the end of the row"
                if empty
                else _list_hint(table, fields)
                or "wrap any field that contains a comma in double quotes, "
                "or add the missing column to the header",
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
                    table.name,
                    line,
                    col,
                    f"the field is {len(value):,} characters long (at most {MAX_FIELD_CHARS:,})",
                    "look for an unclosed double quote before this line",
                )
            )
            return
    if not _quotes_closed_cleanly(raw):
        table.problems.append(
            Problem(
                table.name,
                line,
                None,
                "a double quote in this row is not where CSV expects it, so fields run together",
                'wrap a whole field in double quotes and write a quote inside it as two (""), '
                'e.g. "He said ""hello"", then left"',
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
            return f"separate {col} with ';', e.g. '{';'.join(pieces)}'"
    return ""


def _field_over_lines(table: Table, line: int, fields: list[str], index: int) -> Problem:
    """A quoted field that runs over several lines: most often a double quote never closed."""
    opened = line + sum(len(_LINE_BREAK.findall(f)) for f in fields[:index])
    value = fields[index].rstrip("\r\n")  # an unclosed quote also takes the file's last line end
    last = opened + len(_LINE_BREAK.findall(value))
    following = _LINE_BREAK.split(value)[1:]
    rows = sum(1 for text in following if _LOOKS_LIKE_A_ROW.search(text))
    swallowed = f", and swallows what look like {rows} more row(s)" if rows else ""
    return Problem(
        table.name,
        opened,
        table.header[index],
        f"a double quote opened on line {opened} runs on to line {last}{swallowed}",
        "close the quote on that line; each row must fit on one line, "
        "so remove any line break inside a field",
    )


def check_columns(
    table: Table,
    known: Sequence[str],
    synonyms: Mapping[str, str] | None = None,
    *,
    reported: Sequence[str] = (),
) -> None:
    """Sort the header's unknown names into problems and notices; nothing is dropped silently.

    A name that is a near miss or a synonym of a ``known`` column the header lacks is a problem
    with "did you mean", since its values would otherwise be lost (``Catagory``, ``Agency``,
    ``Description``); ``reported`` are known columns already reported missing, not repeated.
    Any other unknown name is a notice that its column is ignored.
    """
    synonyms = synonyms or {}
    present = set(table.header)
    for col in table.header:
        if not col or col in known:
            continue
        written = table.written.get(col, col)
        meant = synonyms.get(col.replace(" ", "_")) or closest(col, known, cutoff=0.75)
        if meant and meant not in present:
            if meant not in reported:
                table.problems.append(
                    Problem(
                        table.name,
                        table.header_line,
                        written,
                        "this is not a column isslearn reads, so its values would be lost",
                        f"did you mean '{meant}'? rename the column in the header",
                    )
                )
        else:
            table.notices.append(
                Problem(
                    table.name,
                    table.header_line,
                    written,
                    "this column is not one isslearn reads, so it is ignored",
                    "the columns it reads are: " + ", ".join(known),
                )
            )
