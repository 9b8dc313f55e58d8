"""The built-in catalogue: where its tables live, and the loaders of all but the events.

The tables ship inside the package (``isslearn/data`` in a wheel) and are read with
:mod:`importlib.resources`; in a source checkout they are the project's ``seeds/`` folder
beside the package. Nothing is ever downloaded or read relative to the current folder.

Each table is read and checked once per session and handed out as a copy, so a learner who
changes a table changes only their own copy. The events, which a teacher's file can extend,
are loaded by :mod:`isslearn.events`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from . import values as voc
from .errors import CatalogueError, Problem
from .files import Table, read_table
from .values import DATE_HINT, parse_date, split_list, unknown_choice_hint

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10 has no importlib.resources.abc
    from importlib.abc import Traversable

__all__ = [
    "agency_codes",
    "agency_countries",
    "agency_names",
    "builtin_dir",
    "builtin_location",
    "builtin_table",
    "categorical",
    "load_agencies",
    "load_eras",
    "load_expeditions",
    "load_modules",
    "load_stays",
]

_CREW_MEMBER = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<agency>[^()]+)\)$")


def builtin_dir() -> Traversable:
    """The packaged catalogue; in a source checkout, the project's seeds/ beside the package."""
    packaged = resources.files("isslearn") / "data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "seeds"  # editable install / checkout
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("isslearn's catalogue is missing from this installation; reinstall it")


def builtin_location() -> str:
    """Where the built-in catalogue is read from (for `python -m isslearn`)."""
    return str(builtin_dir())


@functools.cache
def builtin_table(filename: str) -> Table:
    """A shipped table, parsed once; a problem in it (a hand edit of seeds/) is an error."""
    table = read_table((builtin_dir() / filename).read_bytes(), f"isslearn/data/{filename}")
    if table.problems:  # the shipped data is tested; this guards a hand edit of seeds/
        raise CatalogueError(table.problems)
    return table


@functools.cache
def agency_codes() -> tuple[str, ...]:
    """The agency codes defined in agencies.csv, in their order there."""
    return tuple(agency_names())


@functools.cache
def agency_countries() -> Mapping[str, tuple[str, ...]]:
    """Each agency code with the countries it stands for, from agencies.csv."""
    rows = builtin_table("agencies.csv").rows
    return MappingProxyType({r["code"]: tuple(split_list(r["countries"])) for _, r in rows})


@functools.cache
def agency_names() -> Mapping[str, str]:
    """Each agency code with its full name, in the order of agencies.csv."""
    return MappingProxyType({r["code"]: r["name"] for _, r in builtin_table("agencies.csv").rows})


def _check_code(
    row: dict[str, str],
    column: str,
    allowed: tuple[str, ...],
    where: tuple[str, int],
    problems: list[Problem],
    what: str,
) -> None:
    """Append a Problem when ``row[column]`` is not one of ``allowed`` (exact spelling)."""
    value = row.get(column, "")
    if value not in allowed:
        name, line = where
        problems.append(
            Problem(
                name, line, column, f"unknown {what} '{value}'", unknown_choice_hint(value, allowed)
            )
        )


def categorical(items: pd.Series | Sequence[str], categories: Sequence[str]) -> pd.Categorical:
    """``values`` as a categorical with ``categories`` in their catalogue order."""
    return pd.Categorical(list(items), categories=list(categories))


# ---------------------------------------------------------------- agencies and eras


def load_agencies() -> pd.DataFrame:
    """Agencies and providers with their kind, countries and plot colour (one per agency)."""
    table = builtin_table("agencies.csv")
    frame = pd.DataFrame([row for _, row in table.rows], columns=list(voc.AGENCY_COLUMNS))
    frame["countries"] = frame["countries"].map(lambda v: tuple(split_list(v)))
    frame["kind"] = pd.Categorical(frame["kind"], categories=voc.AGENCY_KINDS)
    return frame


def load_eras() -> pd.DataFrame:
    """The station's eras with start dates taken from the events that open them."""
    # The opening events' dates, straight from the shipped events table (checked as a whole by
    # isslearn.events); reading them here keeps this module free of the events loader.
    events = {row["id"]: parse_date(row["date"])[0] for _, row in builtin_table("events.csv").rows}
    rows = []
    for line, row in builtin_table("eras.csv").rows:
        start = events.get(row["starts_with"])
        if start is None:
            raise CatalogueError(
                [
                    Problem(
                        "isslearn/data/eras.csv",
                        line,
                        "starts_with",
                        f"no event has the id '{row['starts_with']}'",
                    )
                ]
            )
        rows.append({**row, "start": pd.Timestamp(start)})
    frame = pd.DataFrame(rows, columns=["era", "start", "starts_with", "description"])
    frame["start"] = pd.to_datetime(frame["start"])
    return frame


# ---------------------------------------------------------------- modules, expeditions, stays


def _required_date(
    row: dict[str, str],
    col: str,
    line: int,
    name: str,
    problems: list[Problem],
    *,
    optional: bool = False,
) -> dt.date | None:
    value = row.get(col, "")
    if optional and not value:
        return None
    date, why = parse_date(value)
    if date is None:
        problems.append(Problem(name, line, col, why, DATE_HINT))
    return date


def _number(
    row: dict[str, str],
    col: str,
    line: int,
    name: str,
    problems: list[Problem],
    kind: type[int] | type[float] = float,
) -> float | None:
    value = row.get(col, "")
    if not value:
        return None
    try:
        return kind(value.replace(",", "").replace("_", ""))
    except ValueError:
        problems.append(Problem(name, line, col, f"'{value}' is not a number", "write digits only"))
        return None


@functools.lru_cache(maxsize=1)
def _modules_cached() -> pd.DataFrame:
    table = builtin_table("modules.csv")
    name, problems = table.name, list(table.problems)
    agencies = agency_codes()
    records = []
    for line, row in table.rows:
        _check_code(row, "kind", voc.MODULE_KINDS, (name, line), problems, "kind")
        _check_code(row, "agency", agencies, (name, line), problems, "agency")
        _check_code(row, "built_by", agencies, (name, line), problems, "agency")
        _check_code(row, "segment", voc.SEGMENTS, (name, line), problems, "segment")
        records.append(
            {
                **row,
                "launch_date": _required_date(row, "launch_date", line, name, problems),
                "attach_date": _required_date(row, "attach_date", line, name, problems),
                "detach_date": _required_date(
                    row, "detach_date", line, name, problems, optional=True
                ),
                "mass_kg": _number(row, "mass_kg", line, name, problems, int),
                "pressurized_volume_m3": _number(
                    row, "pressurized_volume_m3", line, name, problems
                ),
            }
        )
    if problems:
        raise CatalogueError(problems)
    frame = pd.DataFrame.from_records(records, columns=list(voc.MODULE_COLUMNS))
    for col in ("launch_date", "attach_date", "detach_date"):
        frame[col] = pd.to_datetime(frame[col])
    frame["kind"] = categorical(frame["kind"], voc.MODULE_KINDS)
    frame["mass_kg"] = frame["mass_kg"].astype("Int64")
    frame["pressurized_volume_m3"] = frame["pressurized_volume_m3"].astype("Float64")
    return frame.sort_values(["attach_date", "launch_date", "id"], ignore_index=True)


def load_modules() -> pd.DataFrame:
    """Every module and major element: dates (UTC), agency, builder, launch, mass, role.

    >>> modules = load_modules()
    >>> modules.iloc[0]["name"], f"{modules.iloc[0]['launch_date']:%Y-%m-%d}"
    ('Zarya (Functional Cargo Block)', '1998-11-20')
    """
    return _modules_cached().copy()


def expedition_crew(
    stays: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp | None
) -> pd.DataFrame:
    """The stays that make up an expedition's crew, by the catalogue's one rule (seeds/README.md).

    Everyone whose long stay overlaps the expedition belongs to it: aboard at its start, or
    arriving before it ends. Someone who left on the day it began, or who arrived on the day it
    ended, belongs only to the neighbouring expedition.
    """
    ends_after_start = stays["departure"].isna() | (stays["departure"] > start)
    starts_before_end = stays["arrival"] < end if end is not None else True
    return stays[ends_after_start & starts_before_end]


@functools.lru_cache(maxsize=1)
def _expeditions_cached() -> pd.DataFrame:
    table = builtin_table("expeditions.csv")
    name, problems = table.name, list(table.problems)
    agencies = agency_codes()
    stays = _stays_cached()
    records = []
    for line, row in table.rows:
        start = _required_date(row, "start", line, name, problems)
        end = _required_date(row, "end", line, name, problems, optional=True)
        m = _CREW_MEMBER.match(row["commander"])
        if not m or m["agency"] not in agencies:
            problems.append(
                Problem(
                    name,
                    line,
                    "commander",
                    f"cannot read the commander '{row['commander']}'",
                    "write 'Full Name (AGENCY)' with an agency code",
                )
            )
            continue
        if start is None:
            continue
        members = expedition_crew(
            stays, pd.Timestamp(start), pd.Timestamp(end) if end is not None else None
        )
        commander = (m["name"], m["agency"])
        pairs = list(dict.fromkeys(zip(members["person"], members["agency"], strict=True)))
        if commander not in pairs:
            problems.append(
                Problem(
                    name,
                    line,
                    "commander",
                    f"{row['commander']} has no stay in stays.csv during this expedition",
                    "add the stay, or correct the name, agency or dates",
                )
            )
            continue
        pairs.remove(commander)
        pairs.insert(0, commander)
        records.append(
            {
                "number": _number(row, "number", line, name, problems, int),
                "start": start,
                "end": end,
                "crew": tuple(p for p, _ in pairs),
                "crew_agencies": tuple(a for _, a in pairs),
                "source": row["source"],
                "note": row["note"],
            }
        )
    if problems:
        raise CatalogueError(problems)
    frame = pd.DataFrame.from_records(records)
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["commander"] = frame["crew"].map(lambda c: c[0] if c else "")
    frame["crew_size"] = frame["crew"].map(len)
    frame["days"] = (frame["end"] - frame["start"]).dt.days.astype("Int64")
    columns = [
        "number",
        "start",
        "end",
        "days",
        "commander",
        "crew",
        "crew_agencies",
        "crew_size",
        "source",
        "note",
    ]
    return frame[columns].sort_values("number", ignore_index=True)


def load_expeditions() -> pd.DataFrame:
    """Long-duration expeditions: number, start and end (UTC; end is NaT for the current one),
    crew names with their agencies, and days from start to end.

    expeditions.csv names only the commander; the crew is derived from stays.csv by
    :func:`expedition_crew`, so the two tables cannot disagree.
    """
    return _expeditions_cached().copy()


@functools.lru_cache(maxsize=1)
def _stays_cached() -> pd.DataFrame:
    table = builtin_table("stays.csv")
    name, problems = table.name, list(table.problems)
    agencies = agency_codes()
    records = []
    for line, row in table.rows:
        _check_code(row, "agency", agencies, (name, line), problems, "agency")
        records.append(
            {
                **row,
                "arrival": _required_date(row, "arrival", line, name, problems),
                "departure": _required_date(row, "departure", line, name, problems, optional=True),
            }
        )
    if problems:
        raise CatalogueError(problems)
    frame = pd.DataFrame.from_records(records, columns=list(voc.STAY_COLUMNS))
    frame["arrival"] = pd.to_datetime(frame["arrival"])
    frame["departure"] = pd.to_datetime(frame["departure"])
    frame["days"] = (frame["departure"] - frame["arrival"]).dt.days.astype("Int64")
    return frame.sort_values(["arrival", "person"], ignore_index=True)


def load_stays() -> pd.DataFrame:
    """Long-duration stays, one row per person and flight: arrival (docking) and departure
    (undocking) dates in UTC, so the crew aboard on any day can be counted; departure is NaT
    for people still aboard."""
    return _stays_cached().copy()
