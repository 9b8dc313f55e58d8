"""Expedition crews are derived from stays.csv by one documented rule (seeds/README.md), so the
expedition and stay tables cannot disagree about who served when."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

import isslearn
from isslearn.catalogue import expedition_crew

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DAY = pd.Timestamp


def _stays(*rows: tuple[str, str, str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "person": [r[0] for r in rows],
            "agency": "NASA",
            "arrival": [DAY(r[1]) for r in rows],
            "departure": [DAY(r[2]) if r[2] else pd.NaT for r in rows],
        }
    )


def test_the_rule_takes_everyone_whose_stay_overlaps_the_expedition():
    stays = _stays(
        ("left at the handover", "2020-01-01", "2020-03-01"),
        ("aboard at the start", "2020-02-01", "2020-05-01"),
        ("arrived during it", "2020-04-01", "2020-08-01"),
        ("arrived on the last day", "2020-06-01", None),
        ("still aboard", "2020-05-20", None),
    )
    crew = expedition_crew(stays, DAY("2020-03-01"), DAY("2020-06-01"))
    assert list(crew["person"]) == ["aboard at the start", "arrived during it", "still aboard"]
    current = expedition_crew(stays, DAY("2020-06-01"), None)
    assert list(current["person"]) == [
        "arrived during it",
        "arrived on the last day",
        "still aboard",
    ]


def test_expeditions_csv_names_only_the_commander():
    with (SEEDS / "expeditions.csv").open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert "crew" not in header
    assert "commander" in header


@pytest.fixture(scope="module")
def expeditions():
    return isslearn.load_expeditions().set_index("number", drop=False)


@pytest.fixture(scope="module")
def stays():
    return isslearn.load_stays()


def test_every_crew_is_the_rule_applied_to_stays(expeditions, stays):
    for exp in expeditions.itertuples():
        end = None if pd.isna(exp.end) else exp.end
        expected = set(expedition_crew(stays, exp.start, end)["person"])
        assert set(exp.crew) == expected, exp.number
        assert exp.crew[0] == exp.commander
        assert exp.crew_size == len(exp.crew) >= 2


def test_crews_that_arrive_before_a_handover_count_in_the_ending_expedition(expeditions):
    # Expedition 2's crew came up on STS-102 nine days before Expedition 1 ended.
    assert set(expeditions.loc[1, "crew"]) == {
        "William Shepherd",
        "Yuri Gidzenko",
        "Sergei Krikalev",
        "Yury Usachev",
        "James Voss",
        "Susan Helms",
    }
    # Crew-6 docked on 2023-03-03, weeks before Expedition 68 ended on 2023-03-28.
    assert "Stephen Bowen" in expeditions.loc[68, "crew"]
    assert "Stephen Bowen" in expeditions.loc[69, "crew"]


def test_every_stay_belongs_to_an_expedition(expeditions, stays):
    members = {p for crew in expeditions["crew"] for p in crew}
    assert set(stays["person"]) <= members
