"""Expedition crews come from stays.csv: each stay names the expeditions its person served in,
as the agencies list them, and the loader holds those names to the dates (seeds/README.md), so
the expedition and stay tables cannot disagree about who served when."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

import isslearn
from isslearn.catalogue.tables import HANDOVER_DAYS, check_designations, expedition_crew, overlaps

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DAY = pd.Timestamp


def _stays(*rows: tuple[str, str, str | None, tuple[int, ...]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "person": [r[0] for r in rows],
            "agency": "NASA",
            "arrival": [DAY(r[1]) for r in rows],
            "departure": [DAY(r[2]) if r[2] else pd.NaT for r in rows],
            "expeditions": [r[3] for r in rows],
            "line": range(2, len(rows) + 2),
        }
    )


EXPEDITIONS = {
    1: (DAY("2020-01-01"), DAY("2020-03-01")),
    2: (DAY("2020-03-01"), DAY("2020-06-01")),
    3: (DAY("2020-06-01"), None),
}


def test_leaving_on_the_first_day_or_arriving_on_the_last_is_not_overlapping():
    start, end = EXPEDITIONS[2]
    assert not overlaps(DAY("2020-01-01"), DAY("2020-03-01"), start, end)
    assert not overlaps(DAY("2020-06-01"), None, start, end)
    assert overlaps(DAY("2020-05-31"), None, start, end)
    assert overlaps(DAY("2020-01-01"), DAY("2020-03-02"), start, end)


def test_a_crew_is_the_stays_that_name_the_expedition():
    stays = _stays(
        ("aboard at the start", "2020-02-01", "2020-05-01", (1, 2)),
        ("arrived during it", "2020-04-01", "2020-08-01", (2, 3)),
        ("came for the handover", "2020-05-25", None, (3,)),
    )
    assert list(expedition_crew(stays, 2)["person"]) == ["aboard at the start", "arrived during it"]
    assert check_designations(stays, EXPEDITIONS) == []


def test_the_names_are_held_to_the_dates():
    stays = _stays(
        ("named an expedition before arriving", "2020-04-01", None, (1, 2, 3)),
        ("left one out mid-way", "2020-02-01", "2020-07-01", (1, 3)),
        ("named none", "2020-01-15", "2020-05-01", ()),
        ("named one that does not exist", "2020-07-01", None, (3, 9)),
        ("arrived early, named only the next", "2020-04-01", None, (3,)),
    )
    found = [(p.line, p.column, p.message) for p in check_designations(stays, EXPEDITIONS)]
    assert found == [
        (
            2,
            "expeditions",
            "named an expedition before arriving was not aboard during "
            "Expedition 1 (2020-01-01 to 2020-03-01)",
        ),
        (
            3,
            "expeditions",
            "left one out mid-way was aboard during Expedition 2 but the stay does not name it",
        ),
        (4, "expeditions", "named none's stay names no expedition"),
        (
            4,
            "expeditions",
            "named none was aboard during Expedition 1 but the stay does not name it",
        ),
        (
            4,
            "expeditions",
            "named none was aboard during Expedition 2 but the stay does not name it",
        ),
        (5, "expeditions", "there is no expedition 9"),
        (
            6,
            "expeditions",
            "arrived early, named only the next was aboard during Expedition 2 "
            "but the stay does not name it",
        ),
    ]
    assert (EXPEDITIONS[2][1] - DAY("2020-04-01")).days > HANDOVER_DAYS


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


def test_every_crew_is_the_stays_that_name_it(expeditions, stays):
    for exp in expeditions.itertuples():
        assert set(exp.crew) == set(expedition_crew(stays, exp.number)["person"]), exp.number
        assert exp.crew[0] == exp.commander
        assert exp.crew_size == len(exp.crew) >= 2


def test_a_crew_that_arrives_for_the_handover_is_the_next_expeditions(expeditions, stays):
    # Expedition 2's crew came up on STS-102 nine days before Expedition 1 ended: NASA lists
    # them as Expedition 2 only, and the card of Expedition 1 shows its own three.
    assert set(expeditions.loc[1, "crew"]) == {
        "William Shepherd",
        "Yuri Gidzenko",
        "Sergei Krikalev",
    }
    assert "James Voss" in expeditions.loc[2, "crew"]
    # Crew-6 docked on 2023-03-03, weeks before Expedition 68 ended on 2023-03-28: both.
    assert "Stephen Bowen" in expeditions.loc[68, "crew"]
    assert "Stephen Bowen" in expeditions.loc[69, "crew"]
    # No stay is left out of an expedition it overlapped except by such a handover.
    assert (
        check_designations(
            isslearn.catalogue.tables._stays_cached(),
            {
                int(e.number): (e.start, None if pd.isna(e.end) else e.end)
                for e in expeditions.itertuples()
            },
        )
        == []
    )


def test_every_stay_belongs_to_an_expedition(expeditions, stays):
    members = {p for crew in expeditions["crew"] for p in crew}
    assert set(stays["person"]) <= members


@pytest.mark.parametrize("number", [1, 6, 7, 12, 14, 16, 20, 49, 60, 64, 65])
def test_the_loaded_crew_is_the_published_crew(expeditions, number):
    assert set(expeditions.loc[number, "crew"]) == set(PUBLISHED_CREWS[number][0])
    assert expeditions.loc[number, "crew_size"] == len(PUBLISHED_CREWS[number][0])


# ---- crews as the agencies publish them (issue 19)
#
# Each expedition's crew as NASA (or, where noted, ESA or Spacefacts) lists it, with the page
# that lists it. These pages name a crew that arrives days before a handover as the *next*
# expedition's crew (Expedition 2's crew came up on STS-102 nine days before Expedition 1
# ended), but count everyone who arrives during an expedition, or leaves early in it, as its
# crew. The ``expeditions`` column of stays.csv records that designation for every stay.
PUBLISHED_CREWS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # 2000-2003: three-person crews exchanged by the Shuttle
    1: (
        ("William Shepherd", "Yuri Gidzenko", "Sergei Krikalev"),
        ("https://www.nasa.gov/image-article/stations-first-crew",),
    ),
    6: (
        ("Kenneth Bowersox", "Nikolai Budarin", "Donald Pettit"),
        ("https://www.nasa.gov/home/hqnews/2003/mar/HP_news_03127.html",),
    ),
    # 2003-2006: two-person caretaker crews
    7: (
        ("Yuri Malenchenko", "Edward Lu"),
        (
            "https://www.nasa.gov/home/hqnews/2003/mar/HP_news_03127.html",
            "http://www.esa.int/Science_Exploration/Human_and_Robotic_Exploration/"
            "Cervantes_Mission/ISS_Expedition_Seven_crew_biographies",
        ),
    ),
    12: (
        ("William McArthur", "Valery Tokarev"),
        ("http://www.nasa.gov/audience/forkids/kidsclub/text/nowinspace/Crew_12_on_ISS.html",),
    ),
    # 2006-2009: three aboard again, the third seat rotating on Shuttle flights
    14: (
        ("Michael Lopez-Alegria", "Mikhail Tyurin", "Thomas Reiter", "Sunita Williams"),
        ("http://www.nasa.gov/audience/forkids/kidsclub/text/nowinspace/Crew_14_on_ISS.html",),
    ),
    16: (
        (
            "Peggy Whitson",
            "Yuri Malenchenko",
            "Clayton Anderson",
            "Daniel Tani",
            "Léopold Eyharts",
            "Garrett Reisman",
        ),
        ("http://www.spacefacts.de/iss/english/exp_16.htm",),
    ),
    # 2009-2020: six-person crews in two overlapping Soyuz trios
    20: (
        (
            "Gennady Padalka",
            "Michael Barratt",
            "Koichi Wakata",
            "Roman Romanenko",
            "Frank De Winne",
            "Robert Thirsk",
            "Timothy Kopra",
            "Nicole Stott",
        ),
        (
            "http://www.nasa.gov/audience/forkids/kidsclub/text/nowinspace/Crew_20_on_ISS.html",
            "https://lsda.jsc.nasa.gov/Mission/miss/257",
            "https://en.wikipedia.org/wiki/Expedition_20",
        ),
    ),
    49: (
        (
            "Anatoli Ivanishin",
            "Kathleen Rubins",
            "Takuya Onishi",
            "Shane Kimbrough",
            "Sergey Ryzhikov",
            "Andrey Borisenko",
        ),
        (
            "https://blogs.nasa.gov/spacestation/2016/10/21/expedition-49-welcomes-three-new-crew-members/",
        ),
    ),
    60: (
        (
            "Aleksey Ovchinin",
            "Nick Hague",
            "Christina Koch",
            "Aleksandr Skvortsov",
            "Luca Parmitano",
            "Andrew Morgan",
        ),
        ("https://www.nasa.gov/?p=430508", "https://lsda.jsc.nasa.gov/Mission/miss/1390"),
    ),
    # 2020-: Crew Dragon and Soyuz crews
    64: (
        (
            "Sergey Ryzhikov",
            "Kathleen Rubins",
            "Sergey Kud-Sverchkov",
            "Michael Hopkins",
            "Victor Glover",
            "Shannon Walker",
            "Soichi Noguchi",
        ),
        ("https://lsda.jsc.nasa.gov/Mission/miss/3411",),
    ),
    65: (
        (
            "Shannon Walker",
            "Michael Hopkins",
            "Victor Glover",
            "Soichi Noguchi",
            "Oleg Novitskiy",
            "Pyotr Dubrov",
            "Mark Vande Hei",
            "Shane Kimbrough",
            "Megan McArthur",
            "Akihiko Hoshide",
            "Thomas Pesquet",
        ),
        (
            "https://blogs.nasa.gov/spacestation/category/expedition-64/",
            "https://www.nasa.gov/image-article/11-member-crew-aboard-international-space-station-2",
        ),
    ),
}
# The eras these lists cover: each era of crewing has at least two published crews.
CREW_ERAS = {
    "three-person": (2000, 2003),
    "caretaker": (2003, 2006),
    "three again": (2006, 2009),
    "six-person": (2009, 2020),
    "Crew Dragon": (2020, 2100),
}


def _stays_csv() -> list[dict[str, str]]:
    with (SEEDS / "stays.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_published_crews_cover_every_era(expeditions):
    assert len(PUBLISHED_CREWS) >= 10
    for era, (first, last) in CREW_ERAS.items():
        starts = [expeditions.loc[n, "start"].year for n in PUBLISHED_CREWS]
        assert sum(first <= year < last for year in starts) >= 2, era
    for names, sources in PUBLISHED_CREWS.values():
        assert sources and all(s.startswith("http") for s in sources), names


@pytest.mark.parametrize("number", sorted(PUBLISHED_CREWS))
def test_the_stays_name_the_crew_the_agencies_publish(number):
    published = set(PUBLISHED_CREWS[number][0])
    named = {r["person"] for r in _stays_csv() if str(number) in r["expeditions"].split(";")}
    assert named == published, (number, named ^ published)
