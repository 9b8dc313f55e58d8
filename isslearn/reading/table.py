"""A table as read from a file: its header, its rows with their line numbers, and its findings.

Every table isslearn reads (the built-in catalogue's CSV files, a teacher's events or
corrections as CSV or in a workbook, a workbook's Quiz sheet) becomes the same :class:`Table`,
so each kind of record is checked by one validator whatever file it came from.
:func:`check_columns` sorts a header's unknown names into problems ("did you mean") and notices
(a column nobody reads).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..errors import Problem
from ..language import gettext as _
from .result import Reading
from .values import closest, match_in_any_language

__all__ = [
    "MAX_FIELD_CHARS",
    "Row",
    "Table",
    "check_columns",
    "name_columns_as_written",
    "read_translated_header",
]

MAX_FIELD_CHARS = 20_000  # far beyond any summary; stops a runaway quote swallowing the file

Row = dict[str, str]
"""One row: lower-cased column name -> the text in that field or cell, stripped."""


@dataclass
class Table(Reading[list[tuple[int, Row]]]):
    """The :class:`~isslearn.reading.result.Reading` of a table: its ``value`` is its rows,
    each with the line (or sheet row) it starts on.

    ``header`` holds the column names in lower case; ``written`` how the file spells each;
    ``columns`` each name's 0-based position (for cell addresses); ``sheet`` the workbook sheet
    it came from ("" for CSV); ``list_columns`` the columns holding ';'-separated lists, with the
    values they may hold (for hints only); ``translated`` the columns whose header is written in
    another language, and how (``{"category": "catégorie"}``).
    """

    value: list[tuple[int, Row]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    header_line: int = 1
    written: dict[str, str] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)
    sheet: str = ""
    list_columns: Mapping[str, Sequence[str]] = field(default_factory=dict)
    translated: dict[str, str] = field(default_factory=dict)

    @property
    def rows(self) -> list[tuple[int, Row]]:
        """The rows, each with its first line: the table's ``value``."""
        return self.value


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
                        table.file,
                        table.header_line,
                        written,
                        _("this is not a column isslearn reads, so its values would be lost"),
                        _("did you mean '{name}'? rename the column in the header").format(
                            name=meant
                        ),
                    )
                )
        else:
            table.notices.append(
                Problem.notice(
                    table.file,
                    table.header_line,
                    written,
                    _("this column is not one isslearn reads, so it is ignored"),
                    _("the columns it reads are: {names}").format(names=", ".join(known)),
                )
            )


def read_translated_header(table: Table, known: Sequence[str], context: str) -> None:
    """Read a header written in another language isslearn speaks as the ``known`` columns it
    names (a French template's "catégorie" is "category"); ``context`` says which words these
    are in the catalogues. The file's own spelling stays in ``written`` for the messages."""
    rename: dict[str, str] = {}
    for name in table.header:
        meant = match_in_any_language(name, known, context) if name else None
        if meant and meant != name and meant not in table.header:
            rename[name] = meant
    if not rename:
        return
    table.translated.update({meant: name for name, meant in rename.items()})
    table.header = [rename.get(h, h) for h in table.header]
    table.columns = {rename.get(h, h): i for h, i in table.columns.items()}
    table.written = {rename.get(h, h): w for h, w in table.written.items()}
    table.value = [
        (line, {rename.get(k, k): v for k, v in row.items()}) for line, row in table.rows
    ]


def name_columns_as_written(table: Table) -> None:
    """Name each finding's column as the file's header writes it, where that header is in
    another language (a French template's "catégorie", not "category"); after the findings
    have their places, which are found by the columns' own names."""
    if not table.translated:
        return
    for findings in (table.problems, table.notices):
        findings[:] = [
            replace(p, column=table.translated.get(p.column, p.column)) if p.column else p
            for p in findings
        ]
