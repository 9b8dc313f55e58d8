"""Visiting flights: every crewed and cargo spacecraft that flew to the station, with its launch,
arrival and departure times in UTC (seeds/flights.csv).

The events table keeps dates; this table keeps the minutes, so an elapsed time a summary states
("docked six hours after launch") can be computed instead of counted in calendar days.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import pandas as pd

from ..errors import CatalogueError, Problem
from .tables import builtin_table, categorical

__all__ = [
    "ARRIVAL_METHODS",
    "FAST_RENDEZVOUS_HOURS",
    "FLIGHT_COLUMNS",
    "FLIGHT_KINDS",
    "elapsed_phrase",
    "load_flights",
    "parse_utc",
]

FLIGHT_COLUMNS: tuple[str, ...] = (
    "flight",
    "kind",
    "crewed",
    "launch_utc",
    "arrival_utc",
    "arrival_method",
    "departure_utc",
    "source",
    "note",
)
FLIGHT_KINDS: tuple[str, ...] = (
    "shuttle",
    "soyuz",
    "crew-dragon",
    "starliner",
    "progress",
    "cargo-dragon",
    "cygnus",
    "atv",
    "htv",
    "htv-x",
)
# How a ship joined the station: docked by itself, berthed by the arm, never arrived (a launch
# failure or an aborted flight), or arrived by plan but no report confirms it yet.
ARRIVAL_METHODS: tuple[str, ...] = ("docked", "berthed", "none", "unconfirmed")
# A flight shorter than this from launch to arrival is told in hours ("about 6 hours after
# launch", "about 42 hours"), a longer one in days ("about 2 days"); seeds/README.md states it.
FAST_RENDEZVOUS_HOURS = 48

_MINUTE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})Z$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UTC_HINT = "write the UTC time as YYYY-MM-DDTHH:MMZ, e.g. 2000-11-02T09:20Z"


def parse_utc(text: str, *, day_allowed: bool = False) -> tuple[pd.Timestamp | None, bool, str]:
    """``(moment, to_the_minute, why_not)`` for a time written ``2000-11-02T09:20Z``.

    With ``day_allowed``, a bare ``2000-11-02`` (a day whose minute no source gives) is read as
    that day with ``to_the_minute`` False.
    """
    match = _MINUTE.match(text)
    if match:
        day, hour, minute = match.groups()
        try:
            moment = dt.datetime.fromisoformat(f"{day}T{hour}:{minute}:00+00:00")
        except ValueError as error:
            return None, False, f"'{text}' is not a real time ({error})"
        return pd.Timestamp(moment), True, ""
    if day_allowed and _DAY.match(text):
        try:
            return pd.Timestamp(dt.date.fromisoformat(text), tz="UTC"), False, ""
        except ValueError as error:
            return None, False, f"'{text}' is not a real date ({error})"
    return None, False, f"'{text}' is not a UTC time to the minute"


def _records(rows: list[tuple[int, dict[str, str]]], name: str) -> tuple[list[dict], list[Problem]]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    records = []
    for line, row in rows:

        def problem(column: str, message: str, hint: str = "", line: int = line) -> None:
            problems.append(Problem(name, line, column, message, hint))

        flight = row.get("flight", "")
        if not flight:
            problem("flight", "the flight has no name", "name it as stays.csv does, e.g. STS-102")
        elif flight in seen:
            problem("flight", f"'{flight}' is already on line {seen[flight]}", "one row a flight")
        seen.setdefault(flight, line)
        if row.get("kind") not in FLIGHT_KINDS:
            problem(
                "kind", f"unknown kind '{row.get('kind', '')}'", "one of " + ", ".join(FLIGHT_KINDS)
            )
        if row.get("crewed") not in ("yes", "no"):
            problem("crewed", f"'{row.get('crewed', '')}' is not yes or no", "write yes or no")
        method = row.get("arrival_method", "")
        if method not in ARRIVAL_METHODS:
            problem(
                "arrival_method", f"unknown arrival method '{method}'", ", ".join(ARRIVAL_METHODS)
            )
        record: dict = {
            "flight": flight,
            "kind": row.get("kind"),
            "crewed": row.get("crewed") == "yes",
            "arrival_method": method,
        }
        launch, _, why = parse_utc(row.get("launch_utc", ""))
        if launch is None:
            problem("launch_utc", why or "the launch time is missing", _UTC_HINT)
        record["launch_utc"] = launch
        for column in ("arrival_utc", "departure_utc"):
            text = row.get(column, "")
            moment, exact = None, False
            if text:
                moment, exact, why = parse_utc(text, day_allowed=True)
                if moment is None:
                    problem(column, why, _UTC_HINT + " (or only the day, YYYY-MM-DD)")
            record[column] = moment
            record[column.replace("_utc", "_to_minute")] = exact
        arrival = record["arrival_utc"]
        if method in ("docked", "berthed") and not row.get("arrival_utc"):
            problem("arrival_utc", f"a ship that {method} needs its arrival time", _UTC_HINT)
        if method in ("none", "unconfirmed") and row.get("arrival_utc"):
            problem(
                "arrival_method",
                f"'{method}' but an arrival time is given",
                "say docked or berthed",
            )
        if launch is not None and arrival is not None and arrival < launch.floor("D"):
            problem("arrival_utc", "arrives before it was launched", "check the dates")
        departure = record["departure_utc"]
        if arrival is not None and departure is not None and departure < arrival:
            problem("departure_utc", "leaves before it arrived", "check the dates")
        if not row.get("source", "").strip():
            problem(
                "source", "the flight cites no source", "cite the agency page that gives the times"
            )
        record["source"] = row.get("source", "")
        record["note"] = row.get("note", "")
        records.append(record)
    return records, problems


@functools.lru_cache(maxsize=1)
def _flights_cached() -> pd.DataFrame:
    table = builtin_table("flights.csv")
    records, problems = _records(table.rows, table.file)
    if problems:
        raise CatalogueError(problems)
    frame = pd.DataFrame.from_records(records)
    for column in ("launch_utc", "arrival_utc", "departure_utc"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    frame["kind"] = categorical(frame["kind"], FLIGHT_KINDS)
    frame["hours_to_arrival"] = (
        frame["arrival_utc"] - frame["launch_utc"]
    ).dt.total_seconds() / 3600
    frame.loc[~frame["arrival_to_minute"], "hours_to_arrival"] = float("nan")
    return frame.sort_values(["launch_utc", "flight"], ignore_index=True)


def load_flights() -> pd.DataFrame:
    """Every visiting flight, crewed and cargo, with launch, arrival and departure in UTC
    (tz-aware Timestamps; NaT where the ship never arrived or is still there).

    ``arrival_to_minute`` and ``departure_to_minute`` are False where a source gives only the
    day; ``hours_to_arrival`` is the time from launch to docking or berthing, where both are
    known to the minute.

    >>> flights = load_flights().set_index("flight")
    >>> round(flights.loc["Soyuz TMA-01M", "hours_to_arrival"])
    49
    """
    return _flights_cached().copy()


def elapsed_phrase(hours: float) -> str:
    """How a summary says the time from launch to arrival, by the catalogue's one rule.

    Under :data:`FAST_RENDEZVOUS_HOURS` it is whole hours ("about 6 hours"); from there on, days
    rounded to the nearest whole day ("about 2 days").

    >>> elapsed_phrase(6.2), elapsed_phrase(41.6), elapsed_phrase(49.1)
    ('about 6 hours', 'about 42 hours', 'about 2 days')
    """
    if hours < FAST_RENDEZVOUS_HOURS:
        whole = max(1, round(hours))
        return f"about {whole} hour{'s' if whole != 1 else ''}"
    days = round(hours / 24)
    return f"about {days} day{'s' if days != 1 else ''}"
