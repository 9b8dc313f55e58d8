"""Times, not calendar gaps (issue 19): every elapsed time a summary states ("docked about 6
hours after launch") is recomputed here from the launch and arrival times in seeds/flights.csv,
by the one rule in seeds/README.md."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_catalogue_completeness import ARRIVAL_EVENT, flight_slug
from test_catalogue_flights import CARGO_EVENTS

import isslearn
from isslearn.catalogue.flights import FAST_RENDEZVOUS_HOURS, elapsed_phrase

STATED = re.compile(r"\babout (\d+) (hours?|days?) after launch\b", re.IGNORECASE)
# Any other way of saying how long a ship took: each must be rewritten in the stated form.
LOOSE = re.compile(
    r"(\bsame day (it|they) launched\b|\b(a|one|two|three|\d+) days? after launch\b|"
    r"\bday after launch\b|\bhours? after launch\b|\b\d+-(hour|day) chase\b|"
    r"\bchase of (about )?\d+ (hours|days)\b|\bafter (a |about )?(\w+[- ])?(days?|hours?) of "
    r"free flight\b|\b(docking|docked|arrived|arrival) (\d+|one|two|three) days? later\b|"
    r"\b(docking|docked|arrival) the same day\b)",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def flights():
    return isslearn.load_flights().set_index("flight")


@pytest.fixture(scope="module")
def events():
    return isslearn.load_events().set_index("id", drop=False)


def _arrival_events(flights: pd.DataFrame) -> dict[str, str]:
    """Each arrival event's id with its flight."""
    found = {ARRIVAL_EVENT.get(f, f"{flight_slug(f)}-docks"): f for f in flights.index}
    found.update({e: f for e, (f, column) in CARGO_EVENTS.items() if column == "arrival_utc"})
    return found


def test_the_rule_in_words():
    assert elapsed_phrase(3.05) == "about 3 hours"
    assert elapsed_phrase(21.5) == "about 22 hours"  # not "the same day"
    assert elapsed_phrase(45.2) == "about 45 hours"  # not "1 day" by the calendar
    assert elapsed_phrase(49.0) == "about 2 days"  # not "3 days" across two midnights
    assert elapsed_phrase(FAST_RENDEZVOUS_HOURS) == "about 2 days"


def test_every_stated_elapsed_time_is_the_recorded_one(flights, events):
    arrivals = _arrival_events(flights)
    checked = 0
    for event in events.itertuples():
        for text in (event.title, event.summary):
            for match in STATED.finditer(text):
                assert event.id in arrivals, f"{event.id}: states '{match[0]}' but names no flight"
                hours = flights.loc[arrivals[event.id], "hours_to_arrival"]
                assert not pd.isna(hours), f"{event.id}: the flights table has no arrival minute"
                expected = elapsed_phrase(hours)
                stated = f"about {match[1]} {match[2].lower()}"
                assert stated == expected, f"{event.id}: says '{stated}', recorded {hours:.1f} h"
                checked += 1
    assert checked >= 120


def test_no_summary_counts_calendar_days(events):
    loose = [
        (event.id, column, match[0])
        for event in events.itertuples()
        for column in ("title", "summary", "note")
        for match in LOOSE.finditer(getattr(event, column))
        if not STATED.search(getattr(event, column)[max(0, match.start() - 12) : match.end()])
    ]
    assert not loose, loose


def test_the_pattern_catches_calendar_gaps():
    for phrase in (
        "docked at the station 1 day after launch",
        "docked at the station the same day it launched",
        "after a 27-hour chase",
        "docking 2 days later on 2019-03-15",
        "After two days of free flight",
    ):
        assert LOOSE.search(phrase), phrase
    assert not LOOSE.search("crew members arrived for the handover")
