"""Events: the built-in catalogue's and a teacher's own, checked, merged and sorted by date.

The loaders are pure: :func:`load_events` with no argument is the built-in catalogue, and a
teacher's file is added only when it is passed in. Which file a lesson uses (an argument, or
``ISSLEARN_EVENTS`` for a whole class) is decided once, by :func:`isslearn.lesson.lesson_files`.
One validator checks every event, from the built-in CSV, a teacher's CSV or a workbook's Events
sheet alike. A teacher's file is only ever read, never changed.
"""

from __future__ import annotations

import functools
import os

import pandas as pd

from ..errors import CatalogueError, Problem
from ..language import gettext as _
from ..language import pgettext
from ..reading import values as voc
from ..reading.files import expand_home, read_table_file
from ..reading.notices import tell_notices
from ..reading.result import Reading
from ..reading.sheets import EVENTS_SHEET, place_problems
from ..reading.table import Table, check_columns, name_columns_as_written, read_translated_header
from ..reading.values import (
    agency_hint,
    closest,
    date_hint,
    is_slug,
    match_choice,
    match_in_any_language,
    parse_date,
    slugify,
    split_list,
    unknown_choice_hint,
)
from .tables import agency_codes, agency_countries, agency_names, builtin_table, categorical

__all__ = ["check_events", "combine_events", "current_to", "load_events", "validate"]


# ---------------------------------------------------------------- events


def _event_records(table: Table, *, strict: bool, taken_ids: set[str]) -> list[dict]:
    """Turn parsed rows into event records, appending a Problem to ``table.problems`` per fault.

    ``strict`` (the built-in catalogue) requires every column and an explicit id;
    a teacher's file needs only ``date`` and ``title``.
    """
    name, problems = table.file, table.problems
    required = voc.EVENT_COLUMNS if strict else voc.EVENT_REQUIRED
    header = set(table.header)
    missing = [c for c in required if c not in header]
    for col in missing:
        hint = _("the header has: {names}").format(
            names=", ".join(table.written.get(h, h) for h in table.header)
        )
        unknown = [h for h in table.header if h and h not in voc.EVENT_COLUMNS]
        typo = next(
            (h for h in unknown if voc.EVENT_COLUMN_SYNONYMS.get(h.replace(" ", "_")) == col),
            None,
        ) or closest(col, unknown)
        if typo:
            hint += _("; did you mean '{column}' where it says '{written}'?").format(
                column=col, written=table.written.get(typo, typo)
            )
        problems.append(
            Problem(name, table.header_line, col, _("required column is missing"), hint)
        )
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
                _("the file has a header but no events"),
                _("add one event per line below the header"),
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
                    _("duplicate id '{id}'").format(id=event_id),
                    _("it is already used on line {line}; ids must be unique").format(
                        line=first_line_of_id[event_id]
                    ),
                )
            )
            continue
        elif event_id in taken_ids:
            problems.append(
                Problem(
                    name,
                    line,
                    "id",
                    _("the id '{id}' is already used by the built-in catalogue").format(
                        id=event_id
                    ),
                    _("choose another id, or leave the id blank to have one made"),
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
            _("'{id}' is not a valid id").format(id=event_id),
            _("use lower-case letters, digits and dashes, e.g. 'my-class-visit'"),
        )
    date, why = parse_date(row.get("date", ""))
    if date is None:
        problem("date", why, date_hint(row.get("date", "")))
    title = row.get("title", "")
    if not title:
        problem("title", _("the title is blank"), _("every event needs a short title"))
    category = row.get("category", "") or voc.DEFAULT_CATEGORY
    matched_category = match_in_any_language(category, voc.CATEGORIES, "event category")
    if matched_category is None:
        problem(
            "category",
            _("unknown category '{category}'").format(category=category),
            unknown_choice_hint(category, _in_language("event category", voc.CATEGORIES)),
        )
    status = row.get("status", "") or voc.DEFAULT_STATUS
    matched_status = match_in_any_language(status, voc.STATUSES, "event status")
    if matched_status is None:
        problem(
            "status",
            _("unknown status '{status}'").format(status=status),
            unknown_choice_hint(status, _in_language("event status", voc.STATUSES)),
        )
    codes = []
    for code in split_list(row.get("agencies", "")):
        matched = match_choice(code, agencies)
        if matched is None:
            problem(
                "agencies",
                _("unknown agency '{code}'").format(code=code),
                agency_hint(code, agencies, names),
            )
        else:
            codes.append(matched)
    countries = split_list(row.get("countries", ""))
    if any("," in country for country in countries):
        shown = ";".join(c.strip() for country in countries for c in country.split(","))
        problem(
            "countries",
            _("'{countries}' looks like several countries in one").format(
                countries=row["countries"]
            ),
            _("separate countries with ';', e.g. '{shown}'").format(shown=shown),
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


def _in_language(context: str, words: tuple[str, ...]) -> list[str]:
    """The allowed words as a hint lists them: in the current language, which the file may use
    (a French template's drop-downs), like the English ones."""
    return [pgettext(context, word) for word in words]


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
    """The built-in events, their titles and summaries in the lesson's language."""
    from .translations import translated

    columns = {"title": "title", "summary": "summary"}
    return translated(_builtin_events_cached().copy(), "events.csv", "id", columns)


def check_events(path: str | os.PathLike[str], *, builtin: bool = True) -> Reading[pd.DataFrame]:
    """Read a teacher's events file and report everything found: its problems, its notices,
    and its own events sorted by date (none when it has problems).

    ids are checked against the built-in catalogue's unless ``builtin=False``. This is what
    ``isslearn check`` prints and what :func:`load_events` and a lesson use; the file is read
    once, and only read, never changed.
    """
    path = expand_home(path)
    countries = sorted({c for name in agency_countries().values() for c in name})
    table = read_table_file(  # CSV (any separator) or a workbook's Events sheet
        path,
        sheet=EVENTS_SHEET,
        kind="events file",
        list_columns={"agencies": agency_codes(), "countries": countries},
        date_columns=("date",),
    )
    read_translated_header(table, voc.EVENT_COLUMNS, "events column")  # a French template's
    # Rows are checked whenever the header could be read, so every problem shows in one go.
    header_read = table.header and all(p.line > table.header_line for p in table.problems)
    taken = set(_builtin_events_cached()["id"]) if builtin else set()
    records = _event_records(table, strict=False, taken_ids=taken) if header_read else []
    place_problems(table)  # in a workbook: sheet and cell, as the spreadsheet shows them
    name_columns_as_written(table)
    if table.problems:  # a file with any problem adds no events
        records = []
    return table.with_value(_sorted(_events_frame(records, path.name)))


def validate(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem that would stop ``load_events(path)``; an empty list means the file is fine.

    The file is only read, never changed. :func:`check_events` also gives the notices.
    """
    return check_events(path).problems


def load_events(
    path: str | os.PathLike[str] | None = None, *, builtin: bool = True
) -> pd.DataFrame:
    """Events sorted by date: the built-in catalogue, plus a teacher's file if ``path`` is given.

    >>> events = load_events()
    >>> events.loc[events.id == "expedition-1-boards", "date"].dt.strftime("%Y-%m-%d").item()
    '2000-11-02'

    The teacher's rows have ``origin`` set to the file name. A file that cannot be used raises
    :class:`CatalogueError` listing every problem (file, line, column); its notices (an ignored
    column) are told once (:mod:`isslearn.reading.notices`). Nothing else is read: for the
    class-wide ``ISSLEARN_EVENTS`` file use :class:`isslearn.Lesson`, which reads it once.
    """
    if path is None:
        return combine_events(None, builtin=builtin)
    found = check_events(path, builtin=builtin)
    found.raise_problems(CatalogueError)
    tell_notices(found)
    return combine_events(found.value, builtin=builtin)


def combine_events(own: pd.DataFrame | None, *, builtin: bool = True) -> pd.DataFrame:
    """A teacher's own events (from :func:`check_events`) with the built-in ones, by date."""
    frames = [_builtin_events()] if builtin else []
    if own is not None:
        frames.append(own)
    if not frames:
        return _sorted(_events_frame([], "none"))
    return _sorted(pd.concat(frames, ignore_index=True))


def _sorted(events: pd.DataFrame) -> pd.DataFrame:
    """Events with their categorical columns, in date order (then id, for a stable order)."""
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
