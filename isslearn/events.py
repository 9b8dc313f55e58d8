"""Events: the built-in catalogue's and a teacher's own, checked, merged and sorted by date.

Where a teacher's events come from, in this order: the ``path`` argument, else the
``ISSLEARN_EVENTS`` environment variable (one file for a whole class), else none. A teacher's
file is only ever read, never changed.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import values as voc
from .catalogue import agency_codes, agency_countries, agency_names, builtin_table, categorical
from .errors import CatalogueError, Problem
from .files import Table, check_columns, expand_home
from .notices import class_file_unusable, tell
from .sheets import place_problems, read_as, read_events_table
from .values import (
    agency_hint,
    closest,
    date_hint,
    is_slug,
    match_choice,
    parse_date,
    slugify,
    split_list,
    unknown_choice_hint,
)

__all__ = [
    "EVENTS_ENV",
    "EventsCheck",
    "check_events",
    "current_to",
    "instead_of_class_events",
    "load_events",
    "teacher_events_path",
    "validate",
]

EVENTS_ENV = "ISSLEARN_EVENTS"


def teacher_events_path(path: str | os.PathLike[str] | None = None) -> Path | None:
    """The teacher's events file in force: ``path``, else $ISSLEARN_EVENTS, else None.

    A leading ``~`` means the home folder, as it does in a shell.
    """
    if path is not None:
        return expand_home(path)
    from_env = os.environ.get(EVENTS_ENV, "").strip()
    return expand_home(from_env) if from_env else None


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
        hint = "the header has: " + ", ".join(table.written.get(h, h) for h in table.header)
        unknown = [h for h in table.header if h and h not in voc.EVENT_COLUMNS]
        typo = next(
            (h for h in unknown if voc.EVENT_COLUMN_SYNONYMS.get(h.replace(" ", "_")) == col),
            None,
        ) or closest(col, unknown)
        if typo:
            hint += f"; did you mean '{col}' where it says '{table.written.get(typo, typo)}'?"
        problems.append(Problem(name, table.header_line, col, "required column is missing", hint))
    if table.header:
        check_columns(table, voc.EVENT_COLUMNS, voc.EVENT_COLUMN_SYNONYMS, reported=missing)
    if missing or not table.header:
        return []
    if not table.rows and not problems:
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

    records: list[dict] = []
    first_line_of_id: dict[str, int] = {}
    for line, row in table.rows:
        before = len(problems)
        record = _event_record(row, line, name, problems)
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


def _event_record(row: dict[str, str], line: int, name: str, problems: list[Problem]) -> dict:
    agencies, names = agency_codes(), agency_names()

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
        problem("date", why, date_hint(row.get("date", "")))
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
            problem("agencies", f"unknown agency '{code}'", agency_hint(code, agencies, names))
        else:
            codes.append(matched)
    countries = split_list(row.get("countries", ""))
    if any("," in country for country in countries):
        shown = ";".join(c.strip() for country in countries for c in country.split(","))
        problem(
            "countries",
            f"'{row['countries']}' looks like several countries in one",
            f"separate countries with ';', e.g. '{shown}'",
        )
    return {
        "id": event_id,
        "date": date,
        "title": title,
        "summary": row.get("summary", ""),
        "category": matched_category,
        "agencies": tuple(codes),
        "countries": tuple(countries),
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


@dataclass(frozen=True)
class EventsCheck:
    """What reading a teacher's events file found: its problems, its notices, its events.

    ``problems`` stop the file being used (``load_events`` raises them); ``notices`` do not
    (a column isslearn ignores) but a teacher should see them; ``events`` are the file's own
    events, sorted by date (none when it has problems).
    """

    path: Path
    problems: list[Problem]
    notices: list[Problem]
    events: pd.DataFrame
    read_as: str = ""  # "read as semicolon-separated", "read from sheet 'Events'", or ""

    @property
    def count(self) -> int:
        """How many events the file adds."""
        return len(self.events)


def _read_teacher(path: Path, taken_ids: set[str]) -> tuple[list[dict], EventsCheck]:
    countries = sorted({c for name in agency_countries().values() for c in name})
    # CSV (any separator) or a workbook's Events sheet
    table = read_events_table(path, {"agencies": agency_codes(), "countries": countries})
    # Rows are checked whenever the header could be read, so every problem shows in one go.
    header_read = table.header and all(p.line > table.header_line for p in table.problems)
    records = _event_records(table, strict=False, taken_ids=taken_ids) if header_read else []
    place_problems(table)  # in a workbook: sheet and cell, as the spreadsheet shows them
    if table.problems:  # a file with any problem adds no events
        records = []
    events = _sorted(_events_frame(records, path.name))
    return records, EventsCheck(path, table.problems, table.notices, events, read_as(table))


def check_events(path: str | os.PathLike[str]) -> EventsCheck:
    """Read a teacher's events file as :func:`load_events` would, and report everything found.

    This is what ``isslearn check`` prints. The file is only read, never changed.
    """
    taken = set(_builtin_events_cached()["id"])
    return _read_teacher(expand_home(path), taken)[1]


def validate(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem that would stop ``load_events(path)``; an empty list means the file is fine.

    The file is only read, never changed. :func:`check_events` also gives the notices.
    """
    return check_events(path).problems


def load_events(
    path: str | os.PathLike[str] | None = None, *, builtin: bool = True
) -> pd.DataFrame:
    """Events sorted by date: the built-in catalogue plus a teacher's file, if one is given.

    >>> events = load_events()
    >>> events.loc[events.id == "expedition-1-boards", "date"].dt.strftime("%Y-%m-%d").item()
    '2000-11-02'

    A teacher's file comes from ``path`` or the ``ISSLEARN_EVENTS`` environment variable; its
    rows have ``origin`` set to the file name. A file given as ``path`` that cannot be used
    raises :class:`CatalogueError` listing every problem (file, line, column). A broken file
    named by ``ISSLEARN_EVENTS`` does not: learners cannot fix it, so they are told once to ask
    their teacher and get the built-in events. Notices (an ignored column) are printed once.
    """
    frames = [_builtin_events()] if builtin else []
    teacher = teacher_events_path(path)
    if teacher is not None:
        taken = set(_builtin_events_cached()["id"]) if builtin else set()
        records, check = _read_teacher(teacher, taken)
        if check.problems and path is None:
            tell(
                class_file_unusable(
                    EVENTS_ENV, teacher, check.problems, instead_of_class_events(builtin)
                )
            )
        elif check.problems:
            raise CatalogueError(check.problems)
        else:
            for notice in check.notices:
                tell(str(notice))
            frames.append(_events_frame(records, teacher.name))
    if not frames:
        return _sorted(_events_frame([], "none"))
    return _sorted(pd.concat(frames, ignore_index=True))


def _sorted(events: pd.DataFrame) -> pd.DataFrame:
    """Events with their categorical columns, in date order (then id, for a stable order)."""
    events["category"] = categorical(events["category"], voc.CATEGORIES)
    events["status"] = categorical(events["status"], voc.STATUSES)
    return events.sort_values(["date", "id"], kind="stable", ignore_index=True)


def instead_of_class_events(builtin: bool) -> str:
    """What a lesson uses when the class events file is left out (for the one message)."""
    return "the built-in events only" if builtin else "no events"


def current_to() -> pd.Timestamp:
    """The date the built-in catalogue is current to: its latest event that has happened.

    Lessons say "as of" this date, so the claim moves with the data instead of going stale.

    >>> current_to() >= pd.Timestamp("2026-01-01")
    True
    """
    events = _builtin_events_cached()
    return events.loc[events["status"] == "happened", "date"].max()
