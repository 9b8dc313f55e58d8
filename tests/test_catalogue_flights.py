"""The flights table (seeds/flights.csv): every visiting spacecraft with its times in UTC, and
the events and stays that date the same moments agree with it to the day."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from source_rules import is_agency_or_reference
from test_catalogue_completeness import ARRIVAL_EVENT, LAUNCH_EVENT, VISITING_FLIGHTS, flight_slug

import isslearn
from isslearn.catalogue.flights import _records, elapsed_phrase, load_flights, parse_utc

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Cargo events whose ids do not follow '<flight>-launch' / '<flight>-docks', with the flight
# and the moment each one dates.
CARGO_EVENTS = {
    "progress-m1-3-launch": ("Progress M1-3", "launch_utc"),
    "progress-m1-3-docking": ("Progress M1-3", "arrival_utc"),
    "progress-m1-3-undocking": ("Progress M1-3", "departure_utc"),
    "atv1-jules-verne-launch": ("ATV-1 Jules Verne", "launch_utc"),
    "atv1-jules-verne-docking": ("ATV-1 Jules Verne", "arrival_utc"),
    "atv1-jules-verne-undocking": ("ATV-1 Jules Verne", "departure_utc"),
    "htv1-launch": ("HTV-1", "launch_utc"),
    "htv1-berthing": ("HTV-1", "arrival_utc"),
    "htv1-release": ("HTV-1", "departure_utc"),
    "progress-m12m-failure": ("Progress M-12M", "launch_utc"),
    "dragon-c2-launch": ("Dragon C2+", "launch_utc"),
    "dragon-c2-berthing": ("Dragon C2+", "arrival_utc"),
    "crs1-launch": ("Dragon CRS-1", "launch_utc"),
    "crs1-berthing": ("Dragon CRS-1", "arrival_utc"),
    "cygnus-orb-d1-launch": ("Cygnus Orb-D1", "launch_utc"),
    "cygnus-orb-d1-berthing": ("Cygnus Orb-D1", "arrival_utc"),
    "atv5-georges-lemaitre-launch": ("ATV-5 Georges Lemaître", "launch_utc"),
    "atv5-georges-lemaitre-docking": ("ATV-5 Georges Lemaître", "arrival_utc"),
    "atv5-undocking": ("ATV-5 Georges Lemaître", "departure_utc"),
    "progress-m27m-launch-failure": ("Progress M-27M", "launch_utc"),
    "crs7-failure": ("Dragon CRS-7", "launch_utc"),
    "crs8-berthing": ("Dragon CRS-8", "arrival_utc"),
    "cygnus-oa5-berthing": ("Cygnus OA-5", "arrival_utc"),
    "progress-ms04-failure": ("Progress MS-04", "launch_utc"),
    "htv6-launch": ("HTV-6", "launch_utc"),
    "htv6-berthing": ("HTV-6", "arrival_utc"),
    "crs10-launch": ("Dragon CRS-10", "launch_utc"),
    "progress-ms-05-launch": ("Progress MS-05", "launch_utc"),
    "progress-ms-05-docking": ("Progress MS-05", "arrival_utc"),
    "cygnus-ng-10-launch": ("Cygnus NG-10", "launch_utc"),
    "crs20-berthing": ("Dragon CRS-20", "arrival_utc"),
    "htv9-launch": ("HTV-9", "launch_utc"),
    "htv9-berthing": ("HTV-9", "arrival_utc"),
    "cygnus-ng-20-launch": ("Cygnus NG-20", "launch_utc"),
    "cygnus-ng-20-capture": ("Cygnus NG-20", "arrival_utc"),
    "cygnus-ng-21-launch": ("Cygnus NG-21", "launch_utc"),
    "cygnus-ng-21-capture": ("Cygnus NG-21", "arrival_utc"),
    "dragon-crs-31-launch": ("Cargo Dragon CRS-31", "launch_utc"),
    "dragon-crs-31-docking": ("Cargo Dragon CRS-31", "arrival_utc"),
    "progress-ms-30-launch": ("Progress MS-30", "launch_utc"),
    "progress-ms-30-docking": ("Progress MS-30", "arrival_utc"),
    "dragon-crs-32-launch": ("Cargo Dragon CRS-32", "launch_utc"),
    "dragon-crs-32-docking": ("Cargo Dragon CRS-32", "arrival_utc"),
    "progress-ms-31-launch": ("Progress MS-31", "launch_utc"),
    "progress-ms-31-docking": ("Progress MS-31", "arrival_utc"),
    "dragon-crs-33-launch": ("Cargo Dragon CRS-33", "launch_utc"),
    "dragon-crs-33-docking": ("Cargo Dragon CRS-33", "arrival_utc"),
    "progress-ms-32-launch": ("Progress MS-32", "launch_utc"),
    "progress-ms-32-docking": ("Progress MS-32", "arrival_utc"),
    "cygnus-ng-23-launch": ("Cygnus NG-23", "launch_utc"),
    "cygnus-ng-23-capture": ("Cygnus NG-23", "arrival_utc"),
    "htv-x1-launch": ("HTV-X1", "launch_utc"),
    "htv-x1-capture": ("HTV-X1", "arrival_utc"),
    "progress-ms-33-launch": ("Progress MS-33", "launch_utc"),
    "progress-ms-34-launch": ("Progress MS-34", "launch_utc"),
    "dragon-crs-34-launch": ("Cargo Dragon CRS-34", "launch_utc"),
    "dragon-crs-34-docking": ("Cargo Dragon CRS-34", "arrival_utc"),
    "soyuz-ms-14-launch": ("Soyuz MS-14", "launch_utc"),
    "soyuz-ms-14-docks": ("Soyuz MS-14", "arrival_utc"),
    "soyuz-ms-23-uncrewed-launch": ("Soyuz MS-23", "launch_utc"),
    "soyuz-ms-23-docks": ("Soyuz MS-23", "arrival_utc"),
}


def test_every_uncrewed_soyuz_has_its_launch_and_docking_events(flights):
    uncrewed = flights[(flights["kind"] == "soyuz") & ~flights["crewed"]]
    covered = {flight for flight, _ in CARGO_EVENTS.values()}
    assert set(uncrewed["flight"]) <= covered, set(uncrewed["flight"]) - covered


@pytest.fixture(scope="module")
def flights():
    return load_flights().set_index("flight", drop=False)


@pytest.fixture(scope="module")
def events():
    return isslearn.load_events().set_index("id", drop=False)


@pytest.fixture(scope="module")
def stays():
    return isslearn.load_stays()


def crewed_flights(stays: pd.DataFrame) -> list[str]:
    named = [f for f in [*stays["vehicle_up"], *stays["vehicle_down"]] if f]
    return list(dict.fromkeys([*named, *VISITING_FLIGHTS]))


def test_the_table_holds_every_visiting_flight(flights, stays):
    assert len(flights) >= 300
    assert flights["flight"].is_unique
    missing = [f for f in crewed_flights(stays) if f not in flights.index]
    assert not missing, missing
    kinds = flights["kind"].value_counts()
    assert kinds["progress"] >= 95 and kinds["soyuz"] >= 70 and kinds["shuttle"] >= 37
    assert flights.loc["Soyuz MS-14", "crewed"] == False  # noqa: E712 - a numpy bool
    assert flights["launch_utc"].is_monotonic_increasing


def test_crewed_flights_carry_their_times_to_the_minute(flights):
    crewed = flights[flights["crewed"]]
    arrived = crewed[crewed["arrival_method"].isin(["docked", "berthed"])]
    assert arrived["arrival_to_minute"].all(), list(arrived.index[~arrived["arrival_to_minute"]])
    assert (arrived["arrival_utc"] > arrived["launch_utc"]).all()
    gone = arrived.dropna(subset=["departure_utc"])
    assert (gone["departure_utc"] > gone["arrival_utc"]).all()
    assert gone["departure_to_minute"].all(), list(gone.index[~gone["departure_to_minute"]])


def test_a_fast_rendezvous_and_a_two_day_one(flights):
    # Soyuz TMA-01M took about 49 hours; Soyuz MS-17 reached the station in about three.
    assert round(flights.loc["Soyuz TMA-01M", "hours_to_arrival"]) == 49
    assert round(flights.loc["Soyuz MS-17", "hours_to_arrival"]) == 3
    assert elapsed_phrase(flights.loc["Soyuz TMA-01M", "hours_to_arrival"]) == "about 2 days"
    assert elapsed_phrase(flights.loc["Soyuz MS-17", "hours_to_arrival"]) == "about 3 hours"


def test_launch_and_arrival_events_fall_on_the_flights_utc_days(flights, events, stays):
    checked = 0
    for flight in crewed_flights(stays):
        row = flights.loc[flight]
        for event_id, column in (
            (LAUNCH_EVENT.get(flight, f"{flight_slug(flight)}-launch"), "launch_utc"),
            (ARRIVAL_EVENT.get(flight, f"{flight_slug(flight)}-docks"), "arrival_utc"),
        ):
            if event_id in events.index and not pd.isna(row[column]):
                assert events.loc[event_id, "date"].date() == row[column].date(), event_id
                checked += 1
    for event_id, (flight, column) in CARGO_EVENTS.items():
        moment = flights.loc[flight, column]
        assert events.loc[event_id, "date"].date() == moment.date(), event_id
        checked += 1
    assert checked >= 300


def test_stays_begin_and_end_on_their_flights_utc_days(flights, stays):
    for stay in stays.itertuples():
        arrival = flights.loc[stay.vehicle_up, "arrival_utc"]
        assert stay.arrival.date() == arrival.date(), (stay.person, stay.vehicle_up)
        if not pd.isna(stay.departure):
            departure = flights.loc[stay.vehicle_down, "departure_utc"]
            assert stay.departure.date() == departure.date(), (stay.person, stay.vehicle_down)


def test_crewed_flights_cite_an_agency_page_or_a_reference_work(flights):
    crewed = flights[flights["crewed"]]
    bare = [
        f.flight
        for f in crewed.itertuples()
        if not any(map(is_agency_or_reference, f.source.split()))
    ]
    assert not bare, bare


def test_ships_still_aboard_or_unconfirmed_say_so(flights):
    for flight in flights[flights["arrival_method"] == "unconfirmed"].itertuples():
        assert "planned" in flight.note or "confirm" in flight.note, flight.flight
    for flight in flights[flights["arrival_method"] == "none"].itertuples():
        assert pd.isna(flight.arrival_utc), flight.flight


def test_utc_times_are_read_to_the_minute_or_as_a_day():
    assert parse_utc("2000-11-02T09:20Z")[:2] == (pd.Timestamp("2000-11-02 09:20", tz="UTC"), True)
    assert parse_utc("2000-11-02", day_allowed=True)[1] is False
    assert parse_utc("2000-11-02")[0] is None
    assert "not a real time" in parse_utc("2000-11-02T25:20Z")[2]


def test_a_bad_row_is_named_by_file_line_and_column():
    rows = [
        (
            2,
            {
                "flight": "Soyuz X",
                "kind": "soyouz",
                "crewed": "maybe",
                "launch_utc": "2000-11-02 09:20",
                "arrival_utc": "",
                "arrival_method": "docked",
                "departure_utc": "",
                "source": "",
                "note": "",
            },
        ),
        (
            3,
            {
                "flight": "Soyuz X",
                "kind": "soyuz",
                "crewed": "yes",
                "launch_utc": "2000-11-02T09:20Z",
                "arrival_utc": "2000-11-01T10:00Z",
                "arrival_method": "docked",
                "departure_utc": "",
                "source": "https://www.nasa.gov/",
                "note": "",
            },
        ),
    ]
    _, problems = _records(rows, "flights.csv")
    found = {(p.line, p.column) for p in problems}
    assert {
        (2, "kind"),
        (2, "crewed"),
        (2, "launch_utc"),
        (2, "arrival_utc"),
        (2, "source"),
        (3, "flight"),
        (3, "arrival_utc"),
    } <= found
    assert all(str(p).startswith("flights.csv:") for p in problems)
    assert re.search(r"already on line 2", " ".join(p.message for p in problems))


def test_the_readme_counts_the_flights_as_the_table_does(flights):
    readme = re.sub(r"\s+", " ", (SEEDS / "README.md").read_text(encoding="utf-8"))
    uncrewed = flights[~flights["crewed"]]
    arrived = uncrewed["arrival_method"].isin(["docked", "berthed"]).sum()
    assert f"for each of the **{arrived}** uncrewed arrivals" in readme
    bare = sum(not any(map(is_agency_or_reference, f.split())) for f in flights["source"])
    assert f"**{bare}** cargo flights" in readme
