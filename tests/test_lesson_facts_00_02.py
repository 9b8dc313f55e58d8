"""Dates and numbers in the prose of lessons 00-02 agree with the catalogue.

Each fact names a phrase the lesson's Markdown must contain and the catalogue row it comes from.
If someone edits the catalogue, or the sentence, without the other, the test fails, so the
text a learner reads cannot drift away from the data the figures are drawn from.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import isslearn
from isslearn import plots, quiz

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
LESSONS = {
    "00": "00_start_here.ipynb",
    "01": "01_assembly.ipynb",
    "02": "02_crew.ipynb",
}


@cache
def _cells(lesson: str) -> tuple[str, str]:
    """(markdown, code) of a lesson, whitespace collapsed so line breaks do not matter."""
    nb = nbformat.read(NOTEBOOKS / LESSONS[lesson], as_version=4)

    def joined(kind: str) -> str:
        text = "\n".join(c.source for c in nb.cells if c.cell_type == kind)
        return re.sub(r"\s+", " ", text)

    return joined("markdown"), joined("code")


def prose(lesson: str) -> str:
    return _cells(lesson)[0]


def quiz_source(lesson: str) -> str:
    """The text of the lesson's own quiz file (isslearn/quizzes/), line breaks collapsed."""
    text = (resources.files("isslearn") / "quizzes" / f"{LESSONS[lesson][:-6]}.yaml").read_text(
        encoding="utf-8"
    )
    return re.sub(r"\s+", " ", text)


def right_answer(lesson: str, start: str) -> str:
    """The right option of the lesson's question that starts with ``start``."""
    (item,) = [i for i in quiz.lesson_quiz(lesson) if i.title.startswith(start)]
    return item.answer.text


def wrong_option(lesson: str, start: str, text: str):
    """The wrong option ``text`` of the lesson's question that starts with ``start``."""
    (item,) = [i for i in quiz.lesson_quiz(lesson) if i.title.startswith(start)]
    option = item.option(text)
    assert not option.correct
    return option


def long_date(date: pd.Timestamp) -> str:
    return f"{date.day} {date:%B %Y}"


def month_year(date: pd.Timestamp) -> str:
    return f"{date:%B %Y}"


@cache
def events() -> pd.DataFrame:
    return isslearn.load_events().set_index("id")


def event_date(event_id: str) -> pd.Timestamp:
    return events().loc[event_id, "date"]


# (lesson, catalogue event id, how the lesson writes its date)
DATED_EVENTS = [
    ("00", "expedition-1-boards", long_date),
    ("00", "crew-1-launch", long_date),
    ("01", "launch-zarya", long_date),
    ("01", "launch-unity", long_date),
    ("01", "attach-zvezda", long_date),
    ("01", "expedition-1-boards", long_date),
    ("01", "columbia-accident", long_date),
    ("01", "launch-columbus", month_year),
    ("01", "launch-p3-p4-truss", month_year),
    ("01", "shuttle-final-landing", long_date),
    ("02", "expedition-1-boards", long_date),
    ("02", "soyuz-tm-31-launch", long_date),
    ("02", "columbia-accident", long_date),
    ("02", "caretaker-crews-begin", month_year),
    ("02", "reiter-restores-three-person-crew", month_year),
    ("02", "first-six-person-crew", long_date),
    ("02", "crew-1-docks", month_year),
    ("02", "dennis-tito-launch", month_year),
    ("02", "year-long-mission-begins", long_date),
    ("02", "year-long-mission-ends", long_date),
    ("02", "whitson-us-cumulative-record", long_date),
    ("02", "kononenko-cumulative-world-record", long_date),
    ("02", "ax-1-launch", month_year),
    ("02", "soyuz-ms-22-coolant-leak", long_date),
    ("02", "soyuz-ms-23-uncrewed-launch", long_date),
    ("02", "starliner-cft-docks", month_year),
    ("02", "starliner-uncrewed-return", month_year),
    ("02", "crew-11-medical-undocking", month_year),
    ("02", "crew-12-docks", month_year),
]


@pytest.mark.parametrize(("lesson", "event_id", "style"), DATED_EVENTS)
def test_dates_in_prose_match_the_catalogue(lesson, event_id, style):
    written = style(event_date(event_id))
    assert written in prose(lesson), (
        f"lesson {lesson}: the catalogue dates {event_id} to {written}, "
        f"but the lesson's text does not say {written!r}"
    )


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_each_lesson_says_how_far_the_catalogue_reaches(lesson):
    as_of = long_date(isslearn.current_to())
    assert f"current to **{as_of}**" in prose(lesson), f"lesson {lesson} should say 'as of' {as_of}"
    assert f"current to {as_of}" in prose(lesson), f"lesson {lesson}'s sources should too"


def test_crew_1_example_of_utc_matches_the_catalogue_note():
    note = events().loc["crew-1-launch", "note"]
    assert "15 November" in note and event_date("crew-1-launch") == pd.Timestamp("2020-11-16")
    assert "evening of 15 November 2020, which was already 16 November 2020 in UTC" in prose("00")


def test_five_partner_agencies_and_fifteen_countries():
    agencies = isslearn.load_agencies()
    assert (agencies["kind"] == "partner").sum() == 5
    assert events().loc["iga-1998-signed", "title"].startswith("Fifteen governments")
    assert "five agencies" in quiz_source("00")
    assert "five partner agencies" in prose("02")


def test_most_assembly_events_fall_before_2012_as_the_timeline_question_says():
    assembly = isslearn.load_events().query("category == 'assembly'")
    early = (assembly["date"].dt.year <= 2011).sum()
    late = (assembly["date"].dt.year >= 2012).sum()
    assert early > 2 * late
    assert right_answer("00", "Look at the assembly row") == "From 1998 to 2011"


def test_zarya_was_built_paid_for_and_run_by_whom_the_lesson_says():
    zarya = isslearn.load_modules().set_index("id").loc["zarya"]
    assert (zarya["built_by"], zarya["agency"], zarya["segment"]) == (
        "Roscosmos",
        "NASA",
        "Russian",
    )
    text = prose("01")
    assert "who paid for it:** the United States" in text
    assert "Russian [segment]" in text
    assert right_answer("01", "Zarya, the first piece") == "The United States"


def test_longest_pause_before_2011_is_late_2002_to_late_2006():
    """The growth chart's mass line: only pieces with a known mass move it."""
    modules = isslearn.load_modules().dropna(subset=["mass_kg"])
    dates = pd.Series(sorted(modules["attach_date"].dropna().unique()))
    dates = dates[dates <= pd.Timestamp("2011-07-21")].reset_index(drop=True)
    gaps = dates.diff()
    longest = gaps.idxmax()
    before, after = dates[longest - 1], dates[longest]
    assert (before.year, after.year) == (2002, 2006)
    assert before.month >= 9 and after.month >= 9  # "late" in both years
    assert right_answer("01", "Look at the growth chart") == "From late 2002 to late 2006"


def test_the_shuttle_launched_the_most_pieces():
    vehicles = isslearn.load_modules()["launch_vehicle"].str.replace(
        r"^Space Shuttle .*", "Space Shuttle", regex=True
    )
    assert vehicles.value_counts().index[0] == "Space Shuttle"
    assert right_answer("01", "Look at the chart of the rockets") == "Space Shuttle"


def test_only_rassvet_among_russian_modules_rode_a_shuttle():
    modules = isslearn.load_modules()
    russian = modules[modules["builder_country"] == "Russia"]
    on_shuttle = russian[russian["launch_vehicle"].str.startswith("Space Shuttle")]
    # the only Russian *module*; Nauka's airlock and spare radiator rode on Rassvet's outside
    assert list(on_shuttle.loc[on_shuttle["kind"] == "pressurized", "id"]) == ["rassvet"]
    riders = on_shuttle[on_shuttle["kind"] != "pressurized"]
    assert set(riders["id"]) == {"nauka-airlock", "nauka-radiator"}
    rassvet = modules.set_index("id").loc["rassvet"]
    assert (riders["launch_date"] == rassvet["launch_date"]).all()
    assert "one, Rassvet, rode on a Shuttle" in prose("01")


def _aboard(day: str) -> int:
    stays = isslearn.load_stays()
    t = pd.Timestamp(day)
    return int(
        ((stays["arrival"] <= t) & (stays["departure"].isna() | (stays["departure"] > t))).sum()
    )


def test_crew_sizes_in_the_text_and_chart_question_match_the_stays():
    assert _aboard("2002-01-01") == 3
    assert _aboard("2004-07-01") == 2 and _aboard("2005-07-01") == 2
    assert right_answer("02", "Look at the crew chart") == "Two"
    assert _aboard("2009-06-15") == 6
    assert _aboard("2022-01-01") == 7
    text = prose("02")
    for words in ("crews of **three**", "cut to **two**", "doubled to **six**", "been **seven**"):
        assert words in text


@pytest.mark.parametrize(
    ("event_id", "number", "phrase"),
    [
        ("year-long-mission-ends", "340 days", "340 days later"),
        ("whitson-returns-665-days", "665 days", "had 665 days"),
        ("rubio-returns-371-days", "371 days", "371 days in space"),
        ("kononenko-1000-days", "1,000 days", "pass 1,000 days"),
    ],
)
def test_record_numbers_match_the_catalogue(event_id, number, phrase):
    assert number in events().loc[event_id, "title"]
    assert phrase in prose("02")


def test_expedition_1_commander_and_the_quiz_agree():
    expeditions = isslearn.load_expeditions().set_index("number")
    assert expeditions.loc[1, "commander"] == "William Shepherd"
    assert expeditions.loc[2, "commander"] == "Yury Usachev"  # the distractor led a later one
    assert expeditions.loc[20, "start"] == event_date("first-six-person-crew")
    assert right_answer("02", "Look at the card for Expedition 1") == "William Shepherd"


def test_medical_return_is_called_a_first_for_the_iss_only():
    text = prose("02")
    assert "first time a crew had left the ISS early for a medical reason" in text
    assert "Salyut 7" in text
    assert "first time a crew had left early for a medical reason" not in text


def test_sources_cite_no_bare_file_names():
    for lesson in LESSONS:
        assert not re.search(r"\b\d{3}_[0-9a-f]{16}\.txt\b", prose(lesson)), lesson


GUIDES = NOTEBOOKS.parent / "isslearn" / "guides"


def test_guide_answers_match_the_catalogue():
    """The teacher's answers quote results the catalogue gives; they must move with it."""
    annotated = isslearn.annotate(isslearn.load_events())
    heavy = annotated[annotated["station_mass_kg"] > 200_000].iloc[0]
    guide_01 = re.sub(r"\s+", " ", (GUIDES / "01_assembly.md").read_text(encoding="utf-8"))
    assert f"{long_date(heavy['date'])}, the day the European laboratory Columbus" in guide_01
    assert "Columbus" in heavy["title"]

    expeditions = isslearn.load_expeditions()
    longest = expeditions.sort_values("days", ascending=False).iloc[0]
    guide_02 = re.sub(r"\s+", " ", (GUIDES / "02_crew.md").read_text(encoding="utf-8"))
    assert f"Expedition {longest['number']} ({int(longest['days'])} days)" in guide_02
    as_of = long_date(isslearn.current_to())
    assert f"current to {as_of} it is Expedition {longest['number']}" in guide_02


def _years_between(first: str, second: str) -> float:
    return (event_date(second) - event_date(first)).days / 365.25


def test_spans_of_time_the_lessons_state():
    # 02 Overview: "more than a quarter of a century without a single day empty"
    assert (isslearn.current_to() - event_date("expedition-1-boards")).days / 365.25 > 25
    assert "more than a quarter of a century" in prose("02")
    # 01 section 1: "For almost two years nobody lived aboard"
    assert 1.75 < _years_between("attach-unity", "expedition-1-boards") < 2
    assert "For almost two years nobody lived aboard" in prose("01")
    # 02 section 3: "For the first two and a half years, crews of three"
    assert 2.4 < _years_between("expedition-1-boards", "caretaker-crews-begin") < 2.6
    assert "For the first two and a half years" in prose("02")
    # 01 summary: Columbia "stopped construction for more than three years"
    assert 3 < _years_between("columbia-accident", "launch-p3-p4-truss") < 4
    assert "stopped construction for more than three years" in prose("01")


def test_three_aboard_between_crew_11_and_crew_12():
    for day in ("2026-01-20", "2026-02-01", "2026-02-13"):
        assert _aboard(day) == 3, day
    assert _aboard("2026-02-15") == 7
    assert "The ISS ran with three people until Crew-12 arrived" in prose("02")


def test_roll_out_solar_arrays_came_in_pairs_from_2021_to_2023():
    modules = isslearn.load_modules()
    irosa = modules[modules["id"].str.startswith("irosa-")]
    assert sorted(irosa["launch_date"].dt.year) == [2021, 2022, 2023]
    assert irosa["name"].str.contains("pair").all()
    assert "in pairs from 2021 to 2023" in prose("01")


def test_guide_00_names_the_largest_categories():
    counts = isslearn.load_events()["category"].value_counts()
    assert list(counts.index[:2]) == ["crew", "assembly"]
    assert counts["crew"] > 2 * counts["assembly"]  # "by far"
    guide = re.sub(r"\s+", " ", (GUIDES / "00_start_here.md").read_text(encoding="utf-8"))
    assert "crew is by far the largest, followed by assembly" in guide


def test_who_left_and_joined_expedition_20_matches_the_stays():
    stays = isslearn.load_stays()
    expedition = isslearn.load_expeditions().set_index("number").loc[20]
    wakata = stays[
        (stays["person"] == "Koichi Wakata") & (stays["departure"] > expedition["start"])
    ]
    stott = stays[(stays["person"] == "Nicole Stott") & (stays["arrival"] > expedition["start"])]
    assert month_year(wakata["departure"].iloc[0]) == "July 2009"
    assert month_year(stott["arrival"].iloc[0]) == "August 2009"
    assert stott["arrival"].iloc[0] < expedition["end"]
    assert "Koichi Wakata left in July 2009 and Nicole Stott joined in August 2009" in prose("02")


# ---- checks added by the independent fact-check of lessons 00-02 (review-a)


def _people_on(day: pd.Timestamp) -> set[str]:
    stays = isslearn.load_stays()
    aboard = (stays["arrival"] <= day) & (stays["departure"].isna() | (stays["departure"] > day))
    return set(stays.loc[aboard, "person"])


def test_expedition_1_quiz_distractor_is_not_on_its_card():
    """The feedback asks 'Is his name on Expedition 1's card?': the answer must be no."""
    expeditions = isslearn.load_expeditions().set_index("number")
    first = expeditions.loc[1]
    stays = isslearn.load_stays()
    on_card = stays[(stays["arrival"] < first["end"]) & (stays["departure"] > first["start"])]
    assert expeditions.loc[3, "commander"] == "Frank Culbertson"
    assert "Frank Culbertson" not in set(on_card["person"])
    culbertson = wrong_option("02", "Look at the card for Expedition 1", "Frank Culbertson")
    assert "the third. Is his name on Expedition 1's card?" in culbertson.feedback


def _stay_during(person: str, expedition: pd.Series) -> pd.Series:
    """The one stay of ``person`` that overlaps ``expedition``."""
    stays = isslearn.load_stays()
    overlap = stays[
        (stays["person"] == person)
        & (stays["arrival"] < expedition["end"])
        & (stays["departure"] > expedition["start"])
    ]
    assert len(overlap) == 1, (person, len(overlap))
    return overlap.iloc[0]


def test_handover_crews_the_lesson_names_match_the_stays():
    expeditions = isslearn.load_expeditions().set_index("number")
    first = expeditions.loc[1]
    for person in ("James Voss", "Susan Helms", "Yury Usachev"):
        stay = _stay_during(person, first)
        assert stay["arrival"] == pd.Timestamp("2001-03-10"), person
        assert stay["departure"] > first["end"], person
    assert (first["end"] - pd.Timestamp("2001-03-10")).days == 9
    assert expeditions.loc[2, "commander"] == "Yury Usachev"
    text = prose("02")
    assert "came aboard on 10 March 2001, nine days before Expedition 1 left" in text
    assert len(_people_on(first["start"])) == 3
    assert set(first["crew"]) == {"William Shepherd", "Yuri Gidzenko", "Sergei Krikalev"}
    assert "James Voss" in expeditions.loc[2, "crew"]
    assert "Expedition 1 was three men; the caption also names the crew of Expedition 2" in (
        prose("00")
    )
    assert "who came aboard on 10 March 2001 for the handover" in prose("00")
    assert "not part of Expedition 1: James Voss, Susan Helms and Yury Usachev" in text

    seventh = expeditions.loc[7]
    assert _people_on(seventh["start"]) == {"Yuri Malenchenko", "Edward Lu"}
    assert set(seventh["crew"]) == {"Yuri Malenchenko", "Edward Lu"}
    assert "Expedition 7, for example, was only Yuri Malenchenko and Edward Lu" in text
    every_stay = isslearn.load_stays()
    tma3 = every_stay[every_stay["vehicle_up"] == "Soyuz TMA-3"]
    assert (seventh["end"] - tma3["arrival"].min()).days == 7
    assert (
        set(tma3["person"])
        == set(expeditions.loc[8, "crew"])
        == {"Michael Foale", "Alexander Kaleri"}
    )
    assert "Michael Foale and Alexander Kaleri, who docked seven days before it" in text
    # Expedition 20's handover crew: docked nine days before the end, Expedition 21's crew.
    twentieth, stays = expeditions.loc[20], isslearn.load_stays()
    williams = stays[
        (stays["person"] == "Jeffrey Williams") & (stays["vehicle_up"] == "Soyuz TMA-16")
    ]
    assert (twentieth["end"] - williams["arrival"].iloc[0]).days == 9
    assert "Jeffrey Williams" not in twentieth["crew"]
    assert "Jeffrey Williams" in expeditions.loc[21, "crew"]
    assert "Jeffrey Williams and Maksim Surayev, who docked nine days before Expedition 20" in text

    twentieth, next_one = expeditions.loc[20], expeditions.loc[21]
    for person in ("Jeffrey Williams", "Maksim Surayev"):
        stay = _stay_during(person, twentieth)
        assert twentieth["start"] < stay["arrival"] < twentieth["end"], person
        assert stay["departure"] > next_one["end"], person


def test_expedition_lengths_by_era_as_the_solution_says():
    expeditions = isslearn.load_expeditions().dropna(subset=["days"])
    year = expeditions["start"].dt.year
    six_months, two_to_four = (150, 200), (60, 125)
    early, middle, late = year < 2009, (year >= 2009) & (year <= 2020), year > 2020
    for era in (early, late):
        assert six_months[0] < expeditions.loc[era, "days"].median() < six_months[1]
    middle_days = expeditions.loc[middle, "days"]
    assert two_to_four[0] < middle_days.median() < two_to_four[1]
    assert middle_days.between(*two_to_four).mean() > 0.5  # "most"
    assert "most lasted two to four months" in re.sub(r"\s+", " ", prose("02"))


def test_guide_02_names_every_expedition_over_200_days():
    expeditions = isslearn.load_expeditions()
    over = sorted(expeditions.loc[expeditions["days"] > 200, "number"])
    assert over == [14, 72, 73]
    guide = re.sub(r"\s+", " ", (GUIDES / "02_crew.md").read_text(encoding="utf-8"))
    assert "Expeditions 14, 72 and 73 lasted more than 200 days" in guide


def test_station_figure_colours_and_counts_builders_as_lesson_01_and_its_guide_say():
    caption = plots.station_map("2011-07-21").description
    builders = re.findall(r"\d+ by (\w+)", caption)
    assert len(set(builders)) == 6 and "ASI" in builders  # the arms are counted apart
    guide = re.sub(r"\s+", " ", (GUIDES / "01_assembly.md").read_text(encoding="utf-8"))
    assert "counts pieces built by six space agencies (Italy's ASI among them)" in guide
    assert "coloured by the partner that built it" in prose("01")


def test_zvezda_was_the_passive_partner_in_its_docking():
    note = events().loc["attach-zvezda", "note"]
    assert "Zarya as the active vehicle" in note
    assert "Zvezda waited as the passive target" in prose("01")


def test_the_one_piece_of_2003_2006_has_no_mass_as_the_quiz_feedback_says():
    modules = isslearn.load_modules()
    paused = modules[
        (modules["attach_date"] > pd.Timestamp("2002-12-31"))
        & (modules["attach_date"] < pd.Timestamp("2006-09-01"))
    ]
    assert list(paused["id"]) == ["esp-2"]
    assert paused["launch_date"].dt.year.tolist() == [2005]
    assert paused["mass_kg"].isna().all()
    assert "A small spare-parts platform came in 2005, but the catalogue has no mass" in (
        quiz_source("01")
    )


def test_glossary_says_summed_launch_masses_fall_well_short_of_the_stations_mass():
    """NASA's facts page gives about 420 t in orbit; the catalogue's sum must stay well below."""
    total = isslearn.load_modules()["mass_kg"].sum()
    assert total < 0.9 * 420_000
    assert isslearn.load_modules()["mass_kg"].isna().any()  # "a few pieces have no mass"
    glossary = re.sub(r"\s+", " ", (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8"))
    assert "well below the station's mass in orbit today (about 420 tonnes" in glossary
