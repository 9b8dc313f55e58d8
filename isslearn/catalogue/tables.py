"""The built-in catalogue: where its tables live, and the loaders of all but the events.

The tables ship inside the package (``isslearn/data`` in a wheel) and are read with
:mod:`importlib.resources`; in a source checkout they are the project's ``seeds/`` folder
beside the package. Nothing is ever downloaded or read relative to the current folder.

Each table is read and checked once per session and handed out as a copy, so a learner who
changes a table changes only their own copy. The events, which a teacher's file can extend,
are loaded by :mod:`isslearn.catalogue.events`.
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

from ..errors import CatalogueError, Problem
from ..language import current
from ..reading import values as voc
from ..reading.csv_file import read_csv
from ..reading.table import Table
from ..reading.values import DATE_HINT, parse_date, split_list, unknown_choice_hint

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10 has no importlib.resources.abc
    from importlib.abc import Traversable

__all__ = [
    "HANDOVER_DAYS",
    "agency_codes",
    "agency_countries",
    "agency_names",
    "builtin_dir",
    "builtin_location",
    "builtin_table",
    "categorical",
    "check_designations",
    "expedition_crew",
    "load_agencies",
    "load_eras",
    "load_expeditions",
    "load_modules",
    "load_stays",
    "overlaps",
]

_CREW_MEMBER = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<agency>[^()]+)\)$")


def builtin_dir() -> Traversable:
    """The packaged catalogue; in a source checkout, the project's seeds/ beside the package."""
    packaged = resources.files("isslearn") / "data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "seeds"  # editable install / checkout
    if checkout.is_dir():
        return checkout
    missing = Problem(
        str(packaged),
        1,
        None,
        "isslearn's catalogue is missing from this installation",
        "reinstall it",
    )
    raise CatalogueError([missing])


def builtin_location() -> str:
    """Where the built-in catalogue is read from (for `python -m isslearn`)."""
    return str(builtin_dir())


@functools.cache
def builtin_table(filename: str) -> Table:
    """A shipped table, parsed once; a problem in it (a hand edit of seeds/) is an error."""
    table = read_csv((builtin_dir() / filename).read_bytes(), f"isslearn/data/{filename}")
    table.raise_problems(CatalogueError)  # the shipped data is tested; this guards a hand edit
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


def agency_names() -> Mapping[str, str]:
    """Each agency code with its full name (in the lesson's language), in the order of
    agencies.csv."""
    return _agency_names(current())


@functools.cache
def _agency_names(language: str) -> Mapping[str, str]:
    from .translations import translated_rows

    words = translated_rows(language, "agencies.csv")
    return MappingProxyType(
        {
            r["code"]: words.get(r["code"], {}).get("name") or r["name"]
            for _, r in builtin_table("agencies.csv").rows
        }
    )


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
    return _words(frame, "agencies.csv", "code", {"name": "name"})


def load_eras() -> pd.DataFrame:
    """The station's eras with start dates taken from the events that open them."""
    # The opening events' dates, straight from the shipped events table (checked as a whole by
    # isslearn.catalogue.events); reading them here keeps this module free of the events loader.
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
    return _words(frame, "eras.csv", "era", {"description": "description", "era": "name"})


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


def _numbers(
    row: dict[str, str], col: str, line: int, name: str, problems: list[Problem]
) -> tuple[int, ...]:
    """A ``;`` list of whole numbers, such as an expedition list '49;50'."""
    numbers = []
    for word in split_list(row.get(col, "")):
        if word.isdigit():
            numbers.append(int(word))
        else:
            problems.append(
                Problem(name, line, col, f"'{word}' is not a number", "write numbers such as 49;50")
            )
    return tuple(numbers)


@functools.lru_cache(maxsize=1)
def _modules_cached() -> pd.DataFrame:
    table = builtin_table("modules.csv")
    name, problems = table.file, list(table.problems)
    agencies = agency_codes()
    records = []
    for line, row in table.rows:
        _check_code(row, "kind", voc.MODULE_KINDS, (name, line), problems, "kind")
        _check_code(row, "agency", agencies, (name, line), problems, "agency")
        _check_code(row, "built_by", agencies, (name, line), problems, "agency")
        _check_code(row, "segment", voc.ORBITAL_SEGMENTS, (name, line), problems, "segment")
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
    return _words(_modules_cached().copy(), "modules.csv", "id", {"name": "name", "role": "role"})


def _words(frame: pd.DataFrame, filename: str, key: str, columns: dict[str, str]) -> pd.DataFrame:
    """The table's words in the lesson's language (:mod:`.translations`)."""
    from .translations import translated

    return translated(frame, filename, key, columns)


# A crew that docks in the last days of an expedition, to take over from the crew about to
# leave, is the next expedition's crew; the agencies list it there (seeds/README.md).
HANDOVER_DAYS = 30


def expedition_crew(stays: pd.DataFrame, number: int) -> pd.DataFrame:
    """The stays that make up Expedition ``number``'s crew: those whose ``expeditions`` name it.

    stays.csv records each crew's expeditions as the agencies designate them ("Expedition
    49/50"); :func:`check_designations` holds that record to the dates.
    """
    return stays[stays["expeditions"].map(lambda numbers: number in numbers)]


def overlaps(
    arrival: pd.Timestamp,
    departure: pd.Timestamp | None,
    start: pd.Timestamp,
    end: pd.Timestamp | None,
) -> bool:
    """Was someone aboard during the expedition? Leaving on its first day or arriving on its
    last day does not count: that person belongs to the neighbouring expedition."""
    left_after_start = departure is None or pd.isna(departure) or departure > start
    came_before_end = end is None or pd.isna(end) or arrival < end
    return bool(left_after_start and came_before_end)


def check_designations(
    stays: pd.DataFrame, expeditions: Mapping[int, tuple[pd.Timestamp, pd.Timestamp | None]]
) -> list[Problem]:
    """Problems with the ``expeditions`` column of stays.csv, judged against the dates.

    A stay names every expedition it overlaps, and only those; it may leave out the one during
    whose last :data:`HANDOVER_DAYS` days it arrived, when the agencies count that crew in the
    next expedition only (Expedition 2's crew, who came up nine days before Expedition 1 ended).
    ``stays`` needs a ``line`` column (its line in stays.csv).
    """
    name = "isslearn/data/stays.csv"
    problems = []
    for stay in stays.to_dict("records"):
        person, line = str(stay["person"]), int(stay["line"])
        arrival = pd.Timestamp(stay["arrival"])
        departure = None if pd.isna(stay["departure"]) else pd.Timestamp(stay["departure"])
        named = set(stay["expeditions"])
        during = {
            number
            for number, (start, end) in expeditions.items()
            if overlaps(arrival, departure, start, end)
        }

        def problem(message: str, hint: str = "", line: int = line) -> None:
            problems.append(Problem(name, line, "expeditions", message, hint))

        if not named:
            listed = ";".join(map(str, sorted(during)))
            problem(f"{person}'s stay names no expedition", f"name those it overlaps: {listed}")
        for number in sorted(named - set(expeditions)):
            problem(f"there is no expedition {number}", "use a number from expeditions.csv")
        for number in sorted((named & set(expeditions)) - during):
            start, end = expeditions[number]
            until = "now" if end is None else f"{end:%Y-%m-%d}"
            problem(
                f"{person} was not aboard during Expedition {number} ({start:%Y-%m-%d} to {until})",
                "name only the expeditions the stay overlaps",
            )
        for number in sorted(during - named):
            end = expeditions[number][1]
            if end is None or (end - arrival).days > HANDOVER_DAYS:
                problem(
                    f"{person} was aboard during Expedition {number} but the stay does not name it",
                    f"add {number}; only a crew arriving in the last {HANDOVER_DAYS} days of an "
                    "expedition may be counted in the next one alone",
                )
    return problems


@functools.lru_cache(maxsize=1)
def _expeditions_cached() -> pd.DataFrame:
    table = builtin_table("expeditions.csv")
    name, problems = table.file, list(table.problems)
    agencies = agency_codes()
    stays = _stays_cached()
    records = []
    dates: dict[int, tuple[pd.Timestamp, pd.Timestamp | None]] = {}
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
        number = _number(row, "number", line, name, problems, int)
        if start is None or number is None:
            continue
        dates[int(number)] = (pd.Timestamp(start), pd.Timestamp(end) if end is not None else None)
        members = expedition_crew(stays, int(number))
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
                "number": int(number),
                "start": start,
                "end": end,
                "crew": tuple(p for p, _ in pairs),
                "crew_agencies": tuple(a for _, a in pairs),
                "source": row["source"],
                "note": row["note"],
            }
        )
    problems += check_designations(stays, dates)
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

    expeditions.csv names only the commander; the crew is everyone whose stay in stays.csv
    names the expedition (:func:`expedition_crew`), checked against the dates by
    :func:`check_designations`, so the two tables cannot disagree.
    """
    return _expeditions_cached().copy()


@functools.lru_cache(maxsize=1)
def _stays_cached() -> pd.DataFrame:
    table = builtin_table("stays.csv")
    name, problems = table.file, list(table.problems)
    agencies = agency_codes()
    records = []
    for line, row in table.rows:
        _check_code(row, "agency", agencies, (name, line), problems, "agency")
        records.append(
            {
                **row,
                "arrival": _required_date(row, "arrival", line, name, problems),
                "departure": _required_date(row, "departure", line, name, problems, optional=True),
                "expeditions": _numbers(row, "expeditions", line, name, problems),
                "line": line,
            }
        )
    if problems:
        raise CatalogueError(problems)
    frame = pd.DataFrame.from_records(records, columns=[*voc.STAY_COLUMNS, "line"])
    frame["arrival"] = pd.to_datetime(frame["arrival"])
    frame["departure"] = pd.to_datetime(frame["departure"])
    frame["days"] = (frame["departure"] - frame["arrival"]).dt.days.astype("Int64")
    return frame.sort_values(["arrival", "person"], ignore_index=True)


def load_stays() -> pd.DataFrame:
    """Long-duration stays, one row per person and flight: arrival (docking) and departure
    (undocking) dates in UTC, so the crew aboard on any day can be counted; departure is NaT
    for people still aboard; ``expeditions`` holds the numbers of the expeditions whose crew
    the person was, as the agencies list them."""
    return _stays_cached().drop(columns="line")
