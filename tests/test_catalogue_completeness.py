"""The catalogue is complete by the standards a teacher expects (issue 10): every crewed flight
to the station has a launch and an arrival event, every piece of hardware is a module row with a
mass or a note saying none was found, and every dated event in the starting documents is carried."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import isslearn

# Crewed flights that reached the station without bringing a long-stay crew (Shuttle visits,
# Soyuz taxi and tourist flights, private missions). Flights that did bring one are read from
# stays.csv, so a new stay without its flight's events fails the test.
VISITING_FLIGHTS = (
    [
        "STS-88",
        "STS-96",
        "STS-101",
        "STS-106",
        "STS-92",
        "STS-97",
        "STS-98",
        "STS-100",
        "STS-104",
        "STS-110",
        "STS-112",
        "STS-114",
        "STS-115",
        "STS-118",
        "STS-129",
        "STS-130",
        "STS-131",
        "STS-132",
        "STS-133",
        "STS-134",
        "STS-135",
    ]
    + ["Soyuz TM-32", "Soyuz TM-33", "Soyuz TM-34", "Soyuz TMA-1", "Soyuz MS-20"]
    + [f"Ax-{n}" for n in range(1, 5)]
)
# Launches and arrivals that already had a story of their own under another id.
LAUNCH_EVENT = {
    "Soyuz TM-32": "dennis-tito-launch",
    "Soyuz TMA-7": "olsen-soyuz-tma-7",
    "Soyuz TMA-9": "ansari-soyuz-tma-9",
    "Soyuz TMA-10": "simonyi-soyuz-tma-10",
    "Soyuz TMA-13": "garriott-soyuz-tma-13",
    "Soyuz TMA-14": "simonyi-second-flight",
    "Soyuz TMA-16": "laliberte-soyuz-tma-16",
    "Soyuz TMA-16M": "year-long-mission-begins",
    "Soyuz MS-20": "maezawa-soyuz-ms-20",
    "STS-88": "launch-unity",
    "STS-96": "sts-96-outfitting-flight",
    "STS-101": "sts-101-outfitting-flight",
    "STS-106": "sts-106-zvezda-outfitting",
    "STS-121": "reiter-restores-three-person-crew",
}
ARRIVAL_EVENT = {
    "Soyuz TM-31": "expedition-1-boards",
    "STS-88": "attach-unity",
    "STS-115": "assembly-resumes-sts-115",
    "Soyuz TMA-2": "caretaker-crews-begin",
}


def flight_slug(flight: str) -> str:
    """'Crew Dragon Crew-5' -> 'crew-5', 'Soyuz TMA-05M' -> 'soyuz-tma-05m'."""
    name = re.sub(r"^Crew Dragon (Crew-)", r"\1", flight).replace("Boeing ", "")
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@pytest.fixture(scope="module")
def events():
    return isslearn.load_events().set_index("id", drop=False)


@pytest.fixture(scope="module")
def stays():
    return isslearn.load_stays()


@pytest.fixture(scope="module")
def modules():
    return isslearn.load_modules().set_index("id", drop=False)


def crewed_flights(stays: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys([*stays["vehicle_up"], *VISITING_FLIGHTS]))


def test_slugs_name_flights_as_event_ids_do():
    assert flight_slug("Crew Dragon Crew-12") == "crew-12"
    assert flight_slug("Crew Dragon Demo-2") == "crew-dragon-demo-2"
    assert flight_slug("Boeing Starliner CFT") == "starliner-cft"
    assert flight_slug("Soyuz TMA-05M") == "soyuz-tma-05m"


def test_every_crewed_flight_has_a_launch_and_an_arrival_event(events, stays):
    flights = crewed_flights(stays)
    assert len(flights) >= 125
    missing = []
    for flight in flights:
        launch = LAUNCH_EVENT.get(flight, f"{flight_slug(flight)}-launch")
        arrival = ARRIVAL_EVENT.get(flight, f"{flight_slug(flight)}-docks")
        missing += [e for e in (launch, arrival) if e not in events.index]
        if launch in events.index and arrival in events.index:
            days = (events.loc[arrival, "date"] - events.loc[launch, "date"]).days
            assert 0 <= days <= 3, f"{flight}: arrival {days} days after launch"
    assert not missing, missing


def test_arrival_events_agree_with_stays(events, stays):
    for flight, group in stays.groupby("vehicle_up"):
        arrival = ARRIVAL_EVENT.get(flight, f"{flight_slug(flight)}-docks")
        assert events.loc[arrival, "date"] == group["arrival"].min(), flight


def test_issue_10_events_are_present_on_their_dates(events):
    expected = {
        "sts-114-launch": "2005-07-26",
        "leonardo-first-flight": "2001-03-08",
        "sts-102-launch": "2001-03-08",
        "parmitano-helmet-leak": "2013-07-16",
        "nauka-thruster-misfire": "2021-07-29",
        "first-all-woman-spacewalk": "2019-10-18",
        "soyuz-ms-09-hole": "2018-08-30",
        "crew-dragon-demo-1-docks": "2019-03-03",
        "starliner-oft-misses-station": "2019-12-20",
        "starliner-oft-2-docks": "2022-05-21",
        "asat-test-crew-shelters": "2021-11-15",
    }
    for event_id, date in expected.items():
        assert events.loc[event_id, "date"] == pd.Timestamp(date), event_id


def test_issue_19_events_are_present_on_their_dates(events):
    expected = {
        "hague-williams-nicer-spacewalk": "2025-01-16",
        "williams-womens-spacewalk-record": "2025-01-30",
        "soyuz-ms-26-lands": "2025-04-20",
        "fifth-all-woman-spacewalk": "2025-05-01",
        "ax-4-splashdown": "2025-07-15",
        "crew-10-splashdown": "2025-08-09",
        "starliner-contract-modified": "2025-11-24",
        "baikonur-site-31-damaged": "2025-11-27",
        "nauka-radiator-moved": "2023-04-19",
        "nauka-airlock-moved": "2023-05-03",
    }
    for event_id, date in expected.items():
        assert events.loc[event_id, "date"] == pd.Timestamp(date), event_id


def test_every_all_woman_spacewalk_is_numbered_in_order(events):
    firsts = events.loc[["first-all-woman-spacewalk", "fifth-all-woman-spacewalk"], "date"]
    assert firsts.is_monotonic_increasing


# Every piece of hardware a reader may look for (external platforms and carriers, airlocks).
HARDWARE = [
    "esp-1",
    "esp-2",
    "esp-3",
    "elc-1",
    "elc-2",
    "elc-3",
    "elc-4",
    "quest",
    "pirs",
    "poisk",
    "bishop",
    "beam",
    "bartolomeo",
    "ams-02",
    "ida-2",
    "ida-3",
    "pma-1",
    "pma-2",
    "pma-3",
    "canadarm2",
    "dextre",
    "era",
    "mobile-base-system",
    "nauka",
    "prichal",
    "mobile-transporter",
    "nauka-airlock",
    "nauka-radiator",
]
SAME_HARDWARE = [("ida-2", "ida-3")]


def test_every_piece_of_hardware_is_a_module(modules):
    assert set(HARDWARE) <= set(modules.index), set(HARDWARE) - set(modules.index)


def test_a_module_without_a_mass_says_none_was_found(modules):
    unweighed = modules[modules["mass_kg"].isna()]
    silent = [m.id for m in unweighed.itertuples() if "No mass found" not in m.note]
    assert not silent, silent


@pytest.mark.parametrize(("first", "second"), SAME_HARDWARE)
def test_the_same_hardware_has_the_same_mass(modules, first, second):
    assert modules.loc[first, "mass_kg"] == modules.loc[second, "mass_kg"]


def test_who_built_each_module_and_which_segment_runs_it(modules):
    assert modules.loc["zarya", ["agency", "built_by", "segment"]].tolist() == [
        "NASA",
        "Roscosmos",
        "Russian",
    ]
    for node in ("harmony", "tranquility", "cupola"):
        assert modules.loc[node, "built_by"] == "ESA", node
    assert modules.loc["leonardo-pmm", "built_by"] == "ASI"
    # built and owned by a company, hosted by an agency: the company's
    assert modules.loc["bartolomeo", ["agency", "built_by"]].tolist() == ["Airbus", "Airbus"]
    assert modules.loc["bishop", ["agency", "built_by"]].tolist() == ["Nanoracks", "Nanoracks"]
    assert modules.loc["era", "segment"] == "Russian"
    russian_built = modules[modules["built_by"] == "Roscosmos"]
    assert (russian_built["segment"] == "Russian").all()


# Dates of the events the starting documents report (seeds/sources.csv says what each is).
# Where a document gives a local date that is not the UTC date, the row's note says so.
STARTING_DOCUMENT_EVENTS = {
    "current-events-iss": "2000-11-02 2016-04-08 2016-06-18 2016-10-17 2016-12-01 2016-12-09"
    " 2017-02-18 2017-02-19 2017-03-24 2017-03-30 2017-04-24",
    "nasa-iss-milestones": "2000-11-02 2001-09-11 2008-06-03 2009-05-29 2012-05-25 2013-11-09"
    " 2014-07-18 2014-08-28 2014-09-23 2014-11-08 2015-02-25 2015-05-09 2015-05-15 2015-08-10",
    "zarya-launch-timeline": "1998-11-20 1998-12-04 2000-10-31",
    "jpost-iss-topic": "2021-11-10 2022-11-17 2023-02-27 2023-03-02 2023-03-03 2025-08-01"
    " 2025-10-16",
}


@pytest.mark.parametrize("key", sorted(STARTING_DOCUMENT_EVENTS))
def test_every_dated_event_in_the_starting_documents_is_carried(events, key):
    cites = events[events["source"].str.split().map(lambda words: f"doc:{key}" in words)]
    for date in STARTING_DOCUMENT_EVENTS[key].split():
        day = pd.Timestamp(date)
        exact = cites[cites["date"] == day]
        near = cites[(cites["date"] - day).abs() <= pd.Timedelta(days=2)]
        explained = near[near["note"].str.contains(r"local|starting document", case=False)]
        assert not exact.empty or not explained.empty, f"doc:{key}: nothing on {date}"


# ESA's member states that have flown people or hardware to the station, or signed for it.
ESA_STATES = {
    "Belgium",
    "Denmark",
    "France",
    "Germany",
    "Italy",
    "Netherlands",
    "Norway",
    "Spain",
    "Sweden",
    "Switzerland",
    "United Kingdom",
    "Poland",
    "Hungary",
}


def test_every_esa_row_names_the_european_countries_involved(events):
    """The countries field is filled one way for every ESA row: the ESA astronaut's own
    country, the country that led the building of ESA hardware, or the member states for a
    decision ESA took as a whole. Only a row whose note says its sources name no European
    state may leave them out."""
    esa = events[events["agencies"].map(lambda codes: "ESA" in codes)]
    bare = [
        e.id
        for e in esa.itertuples()
        if not set(e.countries) & ESA_STATES and "not listed in our sources" not in e.note
    ]
    assert len(esa) > 100
    assert not bare, bare
