"""Where each piece of the station was attached, and when: the table ``attachments.csv``.

One row is one stay of a piece at one place: the piece, the piece it hangs on (``parent``),
the port or place on that parent, and the dates it arrived and left. Following the rows from
Zarya outwards gives the shape of the station on any day, which is how the station drawing is
laid out (:mod:`isslearn.plots.station_map`). A date the sources do not give is written as the
range it must lie in (``2009-08-07/2010-02-12``, ISO 8601's way of writing an interval), never
as a guess.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection

import pandas as pd

from ..errors import CatalogueError, Problem
from ..reading.table import Table
from ..reading.values import DATE_HINT, parse_date, unknown_choice_hint
from .tables import builtin_table, load_modules

__all__ = [
    "ATTACHMENT_COLUMNS",
    "DIRECTIONS",
    "PLACES",
    "ROOT",
    "frame_from_table",
    "load_attachments",
]

ATTACHMENT_COLUMNS: tuple[str, ...] = (
    "piece",
    "parent",
    "port",
    "by",
    "site",
    "from_date",
    "to_date",
    "visit",
    "source",
    "note",
)

#: The six directions a port can face, in the parent's own frame (for a piece in its usual
#: place, the station's: forward is the way the station flies, zenith is away from Earth).
DIRECTIONS: tuple[str, ...] = ("forward", "aft", "zenith", "nadir", "port", "starboard")

#: What ``port`` may hold: a direction, or ``outside`` (fixed on the parent's outside; ``site``
#: says where), ``mobile`` (moves about, such as a robotic arm) or ``unknown`` (on the parent,
#: but no source says on which side).
PLACES: tuple[str, ...] = (*DIRECTIONS, "outside", "mobile", "unknown")

ROOT = "zarya"
_RANGE_HINT = (
    "write a date as YYYY-MM-DD, or one not known exactly as FIRST/LAST, e.g. 2010-01-01/2010-01-31"
)


def _date_or_range(
    value: str, where: tuple[str, int], column: str, problems: list[Problem]
) -> tuple[dt.date | None, dt.date | None]:
    """``(earliest, latest)`` for a date or a ``first/last`` range; ``(None, None)`` if empty."""
    name, line = where
    if not value:
        return None, None
    parts = value.split("/")
    if len(parts) > 2:
        problems.append(
            Problem(name, line, column, f"'{value}' has more than one '/'", _RANGE_HINT)
        )
        return None, None
    days = []
    for part in parts:
        day, why = parse_date(part.strip())
        if day is None:
            problems.append(
                Problem(name, line, column, why, _RANGE_HINT if "/" in value else DATE_HINT)
            )
            return None, None
        days.append(day)
    if days[0] > days[-1]:
        problems.append(
            Problem(name, line, column, f"the range '{value}' ends before it starts", _RANGE_HINT)
        )
        return None, None
    return days[0], days[-1]


def _check_row(
    row: dict[str, str], line: int, name: str, pieces: set[str], problems: list[Problem]
) -> dict:
    for column in ("piece", "source"):
        if not row.get(column, ""):
            problems.append(
                Problem(name, line, column, "the field is empty", "every row needs one")
            )
    piece, parent, port = row.get("piece", ""), row.get("parent", ""), row.get("port", "")
    if piece and piece not in pieces:
        problems.append(
            Problem(name, line, "piece", f"no module has the id '{piece}'",
                    "use an id from modules.csv, or add the module there first")
        )  # fmt: skip
    if parent and parent not in pieces:
        problems.append(
            Problem(name, line, "parent", f"no module has the id '{parent}'",
                    "use an id from modules.csv")
        )  # fmt: skip
    if parent and parent == piece:
        problems.append(Problem(name, line, "parent", f"'{piece}' cannot hang on itself"))
    if not parent and piece != ROOT:
        problems.append(
            Problem(name, line, "parent", "the field is empty",
                    f"only {ROOT}, the first piece, has no parent")
        )  # fmt: skip
    if parent and port not in PLACES:
        problems.append(
            Problem(name, line, "port", f"unknown port '{port}'", unknown_choice_hint(port, PLACES))
        )
    by = row.get("by", "")
    if by and by not in DIRECTIONS:
        problems.append(
            Problem(
                name, line, "by", f"unknown direction '{by}'", unknown_choice_hint(by, DIRECTIONS)
            )
        )
    start, start_latest = _date_or_range(
        row.get("from_date", ""), (name, line), "from_date", problems
    )
    if start is None and row.get("from_date", "") == "":
        problems.append(Problem(name, line, "from_date", "the date is blank", _RANGE_HINT))
    end_earliest, end = _date_or_range(row.get("to_date", ""), (name, line), "to_date", problems)
    if start_latest is not None and end_earliest is not None and end_earliest < start_latest:
        problems.append(
            Problem(name, line, "to_date", f"'{row['to_date']}' is before from_date "
                    f"'{row['from_date']}'", "a piece leaves after it arrives")
        )  # fmt: skip
    return {
        **row,
        "from_date": start,
        "from_latest": start_latest,
        "to_earliest": end_earliest,
        "to_date": end,
        "line": line,
    }


def frame_from_table(table: Table, pieces: Collection[str]) -> pd.DataFrame:
    """The rows of an attachments table, checked: ``pieces`` are the ids a row may name.

    Raises :class:`~isslearn.errors.CatalogueError` naming the line and column of every
    problem.
    """
    problems = list(table.problems)
    missing = [c for c in ATTACHMENT_COLUMNS if c not in table.header]
    if missing:
        problems.append(Problem(table.file, 1, None, f"missing column '{missing[0]}'",
                                "the header is " + ",".join(ATTACHMENT_COLUMNS)))  # fmt: skip
        raise CatalogueError(problems)
    known = set(pieces)
    records = [_check_row(row, line, table.file, known, problems) for line, row in table.rows]
    roots = [r["line"] for r in records if not r["parent"]]
    if len(roots) != 1:
        problems.append(
            Problem(table.file, roots[1] if len(roots) > 1 else 1, "parent",
                    f"{len(roots)} rows have no parent", f"exactly one row, {ROOT}'s, has none")
        )  # fmt: skip
    if problems:
        raise CatalogueError(problems)
    columns = [*ATTACHMENT_COLUMNS[:5], "from_date", "from_latest", "to_earliest", "to_date",
               *ATTACHMENT_COLUMNS[7:], "line"]  # fmt: skip
    frame = pd.DataFrame.from_records(records, columns=columns)
    for column in ("from_date", "from_latest", "to_earliest", "to_date"):
        frame[column] = pd.to_datetime(frame[column])
    return frame.sort_values(["from_date", "piece", "line"], ignore_index=True)


@functools.lru_cache(maxsize=1)
def _attachments_cached() -> pd.DataFrame:
    return frame_from_table(builtin_table("attachments.csv"), load_modules()["id"])


def load_attachments() -> pd.DataFrame:
    """Every stay of every piece at one place: ``piece`` hung on ``parent`` at ``port``
    (see :data:`PLACES`), from ``from_date`` to ``to_date`` (UTC; NaT while it is still
    there). A date the sources do not pin down is a range: the piece arrived between
    ``from_date`` and ``from_latest`` and left between ``to_earliest`` and ``to_date``; for an
    exact date the two are equal. ``by`` names the piece's own port that faces the parent when
    the piece is turned from its usual way (Harmony on Unity's side), ``visit`` the flight of a
    piece that came and went home on it (Leonardo as a cargo carrier), and ``line`` the row's
    line in the file.

    >>> rows = load_attachments()
    >>> rows[rows["piece"] == "harmony"][["parent", "port"]].values.tolist()
    [['unity', 'port'], ['destiny', 'forward']]
    """
    return _attachments_cached().copy()
