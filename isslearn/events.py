"""Events: the built-in catalogue's and a teacher's own, checked, merged and sorted by date.

Where a teacher's events come from, in this order: the ``path`` argument, else the
``ISSLEARN_EVENTS`` environment variable (one file for a whole class), else none. A teacher's
file is only ever read, never changed.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

from . import values as voc
from .catalogue import agency_codes, builtin_table, categorical
from .errors import CatalogueError, Problem
from .files import Table, read_table_file
from .values import (
    DATE_HINT,
    closest,
    is_slug,
    match_choice,
    parse_date,
    slugify,
    split_list,
    unknown_choice_hint,
)

__all__ = ["EVENTS_ENV", "current_to", "load_events", "teacher_events_path", "validate"]

EVENTS_ENV = "ISSLEARN_EVENTS"


def teacher_events_path(path: str | os.PathLike[str] | None = None) -> Path | None:
    """The teacher's events file in force: ``path``, else $ISSLEARN_EVENTS, else None."""
    if path is not None:
        return Path(path)
    from_env = os.environ.get(EVENTS_ENV, "").strip()
    return Path(from_env) if from_env else None


# ---------------------------------------------------------------- events


def _event_records(table: Table, *, strict: bool, taken_ids: set[str]) -> list[dict]:
    """Turn parsed rows into event records, appending a Problem to ``table.problems`` per fault.

    ``strict`` (the built-in catalogue) requires every column and an explicit id;
    a teacher's file needs only ``date`` and ``title``.
    """
    name, problems = table.name, table.problems
    required = voc.EVENT_COLUMNS if strict else voc.EVENT_REQUIRED
    header = set(table.header)
    missing = [c for c in required if c not in header]
    for col in missing:
        hint = "the header has: " + ", ".join(table.header)
        typo = closest(col, [h for h in table.header if h and h not in voc.EVENT_COLUMNS])
        if typo:
            hint += f"; did you mean '{col}' where it says '{typo}'?"
        problems.append(Problem(name, 1, col, "required column is missing", hint))
    if missing or not table.header:
        return []
    if not table.rows:
        problems.append(
            Problem(
                name,
                1,
                None,
                "the file has a header but no events",
                "add one event per line below the header",
            )
        )
        return []

    agencies = agency_codes()
    records: list[dict] = []
    first_line_of_id: dict[str, int] = {}
    for line, row in table.rows:
        before = len(problems)
        record = _event_record(row, line, name, agencies, problems)
        if len(problems) > before:
            continue
        event_id = record["id"]
        if not event_id:
            if strict:
                problems.append(
                    Problem(name, line, "id", "the id is blank", "built-in events need a stable id")
                )
                continue
            event_id = _unique_id(
                f"{record['date']:%Y-%m-%d}-{slugify(record['title'])}",
                taken_ids | set(first_line_of_id),
            )
        elif event_id in first_line_of_id:
            problems.append(
                Problem(
                    name,
                    line,
                    "id",
                    f"duplicate id '{event_id}'",
                    f"it is already used on line {first_line_of_id[event_id]}; ids must be unique",
                )
            )
            continue
        elif event_id in taken_ids:
            problems.append(
                Problem(
                    name,
                    line,
                    "id",
                    f"the id '{event_id}' is already used by the built-in catalogue",
                    "choose another id, or leave the id blank to have one made",
                )
            )
            continue
        first_line_of_id[event_id] = line
        record["id"] = event_id
        records.append(record)
    return records


def _event_record(
    row: dict[str, str], line: int, name: str, agencies: tuple[str, ...], problems: list[Problem]
) -> dict:
    def problem(column: str, message: str, hint: str = "") -> None:
        problems.append(Problem(name, line, column, message, hint))

    event_id = row.get("id", "")
    if event_id and not is_slug(event_id):
        problem(
            "id",
            f"'{event_id}' is not a valid id",
            "use lower-case letters, digits and dashes, e.g. 'my-class-visit'",
        )
    date, why = parse_date(row.get("date", ""))
    if date is None:
        problem("date", why, DATE_HINT)
    title = row.get("title", "")
    if not title:
        problem("title", "the title is blank", "every event needs a short title")
    category = row.get("category", "") or voc.DEFAULT_CATEGORY
    matched_category = match_choice(category, voc.CATEGORIES)
    if matched_category is None:
        problem(
            "category",
            f"unknown category '{category}'",
            unknown_choice_hint(category, voc.CATEGORIES),
        )
    status = row.get("status", "") or voc.DEFAULT_STATUS
    matched_status = match_choice(status, voc.STATUSES)
    if matched_status is None:
        problem("status", f"unknown status '{status}'", unknown_choice_hint(status, voc.STATUSES))
    codes = []
    for code in split_list(row.get("agencies", "")):
        matched = match_choice(code, agencies)
        if matched is None:
            problem("agencies", f"unknown agency '{code}'", unknown_choice_hint(code, agencies))
        else:
            codes.append(matched)
    return {
        "id": event_id,
        "date": date,
        "title": title,
        "summary": row.get("summary", ""),
        "category": matched_category,
        "agencies": tuple(codes),
        "countries": tuple(split_list(row.get("countries", ""))),
        "status": matched_status,
        "source": row.get("source", ""),
        "note": row.get("note", ""),
    }


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _events_frame(records: list[dict], origin: str) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(voc.EVENT_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    frame["origin"] = origin
    return frame


@functools.lru_cache(maxsize=1)
def _builtin_events_cached() -> pd.DataFrame:
    table = builtin_table("events.csv")
    records = _event_records(table, strict=True, taken_ids=set())
    if table.problems:
        raise CatalogueError(table.problems)
    return _events_frame(records, "built-in")


def _builtin_events() -> pd.DataFrame:
    return _builtin_events_cached().copy()


def _teacher_records(path: Path, taken_ids: set[str]) -> tuple[list[dict], list[Problem]]:
    table = read_table_file(path)
    records = _event_records(table, strict=False, taken_ids=taken_ids) if not table.problems else []
    return records, table.problems


def validate(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem that would stop ``load_events(path)``; an empty list means the file is fine.

    The file is only read, never changed.
    """
    taken = set(_builtin_events_cached()["id"])
    return _teacher_records(Path(path), taken)[1]


def load_events(
    path: str | os.PathLike[str] | None = None, *, builtin: bool = True
) -> pd.DataFrame:
    """Events sorted by date: the built-in catalogue plus a teacher's file, if one is given.

    >>> events = load_events()
    >>> events.loc[events.id == "expedition-1-boards", "date"].dt.strftime("%Y-%m-%d").item()
    '2000-11-02'

    A teacher's file comes from ``path`` or the ``ISSLEARN_EVENTS`` environment variable; its
    rows have ``origin`` set to the file name. Raises :class:`CatalogueError` listing every
    problem (file, line, column) when the file cannot be used.
    """
    frames = [_builtin_events()] if builtin else []
    teacher = teacher_events_path(path)
    if teacher is not None:
        taken = set(_builtin_events_cached()["id"]) if builtin else set()
        records, problems = _teacher_records(teacher, taken)
        if problems:
            raise CatalogueError(problems)
        frames.append(_events_frame(records, teacher.name))
    if not frames:
        return _events_frame([], "none").assign(category=categorical([], voc.CATEGORIES))
    events = pd.concat(frames, ignore_index=True)
    events["category"] = categorical(events["category"], voc.CATEGORIES)
    events["status"] = categorical(events["status"], voc.STATUSES)
    return events.sort_values(["date", "id"], kind="stable", ignore_index=True)


def current_to() -> pd.Timestamp:
    """The date the built-in catalogue is current to: its latest event that has happened.

    Lessons say "as of" this date, so the claim moves with the data instead of going stale.

    >>> current_to() >= pd.Timestamp("2026-01-01")
    True
    """
    events = _builtin_events_cached()
    return events.loc[events["status"] == "happened", "date"].max()
