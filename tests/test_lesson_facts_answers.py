"""The answers, rules and names the lessons' prose gives, checked against the catalogue.

Issue 17: the exercises' solutions now state their answers in words, the time-zone rule is
stated with its hours, and some names are explained before the figures use them. Each check
pairs a phrase of a lesson with the catalogue value or behaviour it states.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import isslearn
from isslearn.catalogue import summaries

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"


@cache
def _notebook(lesson: str) -> nbformat.NotebookNode:
    (path,) = NOTEBOOKS.glob(f"{lesson}_*.ipynb")
    return nbformat.read(path, as_version=4)


def prose(lesson: str) -> str:
    """A lesson's Markdown, line breaks and emphasis removed."""
    text = " ".join(c.source for c in _notebook(lesson).cells if c.cell_type == "markdown")
    return re.sub(r"\s+", " ", text.replace("**", ""))


def glossary() -> str:
    return re.sub(r"\s+", " ", (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8"))


@cache
def events() -> pd.DataFrame:
    return isslearn.load_events().set_index("id")


def long_date(day: pd.Timestamp) -> str:
    return f"{day.day} {day:%B %Y}"


# ---------------------------------------------------------------- time zones


def _utc_day(local: str, zone: str) -> pd.Timestamp:
    return pd.Timestamp(local, tz=zone).tz_convert("UTC").normalize().tz_localize(None)


@pytest.mark.parametrize(
    ("winter", "summer"), [("2020-11-15", "2021-07-15"), ("2012-01-10", "2012-10-07")]
)
def test_a_florida_launch_changes_date_only_after_7_pm_est_or_8_pm_edt(winter, summer):
    florida = "America/New_York"
    for day, hour in ((winter, 19), (summer, 20)):
        late = _utc_day(f"{day} {hour:02d}:00", florida)
        early = _utc_day(f"{day} {hour - 1:02d}:59", florida)
        assert late == pd.Timestamp(day) + pd.Timedelta(days=1), (day, hour)
        assert early == pd.Timestamp(day), (day, hour)
    assert "after 7 pm in winter, after 8 pm in summer" in prose("00")
    assert "only when it lifts off after 7 pm in winter or 8 pm in summer" in prose("00")
    assert "after 7 pm EST or 8 pm EDT" in glossary()
    assert "only a launch after 7 pm there falls on the next day in UTC" in prose("05")


def test_crew_1_time_in_lesson_00_is_the_catalogue_note():
    note = events().loc["crew-1-launch", "note"]
    assert "00:27 UTC" in note and "7:27 p.m. EST" in note
    assert _utc_day("2020-11-15 19:27", "America/New_York") == events().loc["crew-1-launch", "date"]
    assert "Crew-1 left Florida at 7:27 pm EST on the evening of 15 November 2020" in prose("00")


def test_japan_rule_in_lesson_05_and_the_glossary():
    tokyo = "Asia/Tokyo"
    assert _utc_day("2009-09-11 08:59", tokyo) == pd.Timestamp("2009-09-10")
    assert _utc_day("2009-09-11 09:00", tokyo) == pd.Timestamp("2009-09-11")
    assert "in the first nine hours of the local day" in prose("05")
    assert "the previous day's date if it lifts off before 9 am" in glossary()
    # the exercise: 12:13 UTC is 21:13 the same day in Japan; the date changes after 15:00 UTC
    local = pd.Timestamp("2020-05-25 12:13", tz="UTC").tz_convert(tokyo)
    assert f"{local:%H:%M} on {long_date(local)}" == "21:13 on 25 May 2020"
    assert "21:13 on 25 May 2020 in Japan" in prose("05")
    assert pd.Timestamp("2020-05-25 15:00", tz="UTC").tz_convert(tokyo).day == 26


# ---------------------------------------------------------------- exercises' answers


def test_lesson_00_exercise_answer():
    catalogue = isslearn.load_events()
    counts = catalogue["category"].value_counts()
    assert list(counts.index[:2]) == ["crew", "assembly"]
    assert 0.4 < counts["crew"] / len(catalogue) < 0.6  # "about half"
    latest = catalogue.sort_values("date").iloc[-1]
    assert latest["id"] == "iss-deorbit-planned" and latest["status"] == "planned"
    assert (catalogue["status"] == "planned").sum() == 1  # "the only planned event"
    assert f"{latest['date']:%B %Y}" == "January 2031"
    text = prose("00")
    assert "crew is by far the largest category, about half of all the events" in text
    assert "planned controlled deorbit of the station at the end of January 2031" in text
    assert "it is the only planned event in the catalogue" in text
    earliest = catalogue.sort_values("date").head(3)
    assert (earliest["date"] < events().loc["launch-zarya", "date"]).all()
    assert (earliest["category"] == "cooperation").all()  # "agreements made years before"


def test_lesson_00_exercise_no_code_version_reads_the_timeline_description():
    from isslearn import plots

    words = plots.timeline(isslearn.load_events()).description
    latest = events().loc["iss-deorbit-planned"]
    assert latest["title"] in words and "crew" in words
    assert "names the earliest and the latest event" in prose("00")


def test_lesson_01_exercise_answer():
    annotated = isslearn.annotate(isslearn.load_events())
    heavy = annotated[annotated["station_mass_kg"] > 200_000].iloc[0]
    assert "Columbus" in heavy["title"]
    tonnes = round(heavy["station_mass_kg"] / 1000)
    assert (
        f"first passed 200 t on {long_date(heavy['date'])}, when the European laboratory Columbus"
        in prose("01")
    )
    assert f"that took it to about {tonnes} t" in prose("01")


def test_lesson_01_total_launch_mass_is_explained_against_nasas_420_t():
    modules = isslearn.station_on(isslearn.current_to())
    total_t = modules["mass_kg"].sum() / 1000
    assert 300 < total_t < 0.9 * 420  # "well below"
    assert modules["mass_kg"].isna().any()  # "no mass for a few pieces"
    assert "NASA gives the mass of the assembled station as about 420 t" in prose("01")
    assert "The sum above is well below that" in prose("01")


def test_lesson_02_exercise_answer():
    expeditions = isslearn.load_expeditions()
    longest = expeditions.sort_values("days", ascending=False).iloc[0]
    text = prose("02")
    assert f"Expedition {longest['number']}, which lasted {int(longest['days'])} days" in text
    assert f"from {longest['start']:%B} to {longest['end']:%B %Y}" in text
    stays = isslearn.load_stays()
    canadians = stays[stays["agency"] == "CSA"].sort_values("arrival")
    said = re.findall(r"(Robert Thirsk|Chris Hadfield|David Saint-Jacques) in ([\d–]+)", text)
    assert [name for name, _ in said] == list(canadians["person"])
    for (_, years), (_, stay) in zip(said, canadians.iterrows(), strict=True):
        span = sorted({stay["arrival"].year, stay["departure"].year})
        assert years == "–".join(str(y) for y in span)
    cards = expeditions.set_index("number").loc[[1, 7, 20], "days"]
    assert cards.idxmax() == 7 and "Expedition 7 lasted longest" in text


def _crew_runs() -> pd.DataFrame:
    steps = summaries.crew_steps(isslearn.load_stays())
    return steps.assign(until=steps["date"].shift(-1))


def test_lesson_02_drops_to_three_between_soyuz_crews():
    runs = _crew_runs()
    middle = runs[(runs["date"] > "2009-06-01") & (runs["until"] < "2020-11-01")]
    threes = middle[middle["crew"] == 3]
    assert len(threes) >= 20  # "again and again"
    days = (threes["until"] - threes["date"]).dt.days
    assert 14 <= days.median() <= 21  # "usually two or three weeks later"
    abort = events().loc["soyuz-ms-10-launch-abort", "date"]
    during = runs[(runs["date"] <= abort) & (runs["until"] > abort)].iloc[0]
    assert during["crew"] == 3
    assert during["until"] == events().loc["soyuz-ms-11-docks", "date"]
    text = prose("02")
    assert "the line also drops to three again and again" in text
    assert "usually two or three weeks later" in text
    assert f"failed on its way up in {abort:%B %Y}" in text
    assert f"until Soyuz MS-11 arrived in {during['until']:%B %Y}" in text


def test_lesson_03_exercise_answer():
    modules = isslearn.load_modules().set_index("id")
    owned = modules.groupby("agency")["mass_kg"].sum().astype(float)
    built = modules.groupby("built_by")["mass_kg"].sum().astype(float)
    gap = owned.sub(built, fill_value=0) / 1000
    text = prose("03")
    assert f"NASA owns about {gap['NASA']:.0f} t more than its side built" in text
    nodes = modules.loc[["harmony", "tranquility", "cupola"], "mass_kg"].sum() / 1000
    for what, tonnes in [
        ("Zarya (about", modules.loc["zarya", "mass_kg"] / 1000),
        ("Harmony, Tranquility and the Cupola (about", nodes),
        ("Leonardo (about", modules.loc["leonardo-pmm", "mass_kg"] / 1000),
        ("BEAM (about", modules.loc["beam", "mass_kg"] / 1000),
    ]:
        assert f"{what} {tonnes:.0f} t" in text, what
    # every owner whose two totals are equal is named, companies included (Airbus: Bartolomeo)
    even = sorted(gap.index[(gap.abs() < 1e-9) & (owned.reindex(gap.index).fillna(0) > 0)])
    assert even == ["Airbus", "CSA", "JAXA", "Nanoracks"], even
    assert "JAXA, CSA, Nanoracks and Airbus own exactly what they built" in text


def test_lesson_03_names_every_cargo_ship_lost_before_reaching_the_station():
    lost = [  # (event, the lesson's name for the flight, the flight's name in the event's title)
        ("progress-m12m-failure", "Progress M-12M", "M-12M"),
        ("antares-orb3-failure", "Cygnus Orb-3", "Orb-3"),
        ("crs7-failure", "Dragon CRS-7", "CRS-7"),
        ("progress-ms04-failure", "Progress MS-04", "MS-04"),
        ("progress-m27m-launch-failure", "Progress M-27M", "M-27M"),
    ]
    text = prose("03")
    for event_id, name, flight in lost:
        year = events().loc[event_id, "date"].year
        assert flight in events().loc[event_id, "title"]
        assert f"{name} ({year})" in text or f"in {year} {name}" in text, name
    catalogue = isslearn.load_events()
    named = {e for e, _, _ in lost}
    failures = catalogue[
        catalogue["id"].str.contains("fail")
        & catalogue["title"].str.contains("Progress|Cygnus|Dragon")
    ]
    assert set(failures["id"]) <= named, set(failures["id"]) - named


def test_lesson_04_exercise_answer_and_the_broken_file_rules(write_file, monkeypatch):
    europe = isslearn.Lesson(start="2008-01-01", agencies=["ESA"]).events()
    first = europe.sort_values("date").iloc[0]
    assert first["id"] == "launch-columbus"
    assert f"the launch of Columbus on {long_date(first['date'])}" in prose("04")
    broken = write_file("class.csv", "date,title\n2008-13-40,Not a date\n")
    named = isslearn.Lesson(events_file=broken)  # "lists the same messages under it"
    assert named.problems and (named.events()["origin"] == "built-in").all()
    monkeypatch.setenv("ISSLEARN_EVENTS", str(broken))
    lesson = isslearn.Lesson()  # "each lesson carries on with the built-in events only"
    assert "not used (the file has problems)" in repr(lesson)
    assert (lesson.events()["origin"] == "built-in").all()
    text = prose("04")
    assert "the settings cell lists the same messages under it" in text
    assert "the rest of the lesson still runs" in text
    assert "each lesson carries on with the built-in events only" in text
    assert "stops in its first cell" not in text


def test_lesson_05_exercise_answer():
    fixes = isslearn.load_corrections()
    about_pieces = fixes[fixes["subject_table"] == "modules"]
    kinds = about_pieces["kind"].value_counts()
    assert len(about_pieces) == 10 and kinds["figure_disagrees"] == 8 and kinds["ownership"] == 2
    assert set(about_pieces.loc[about_pieces["kind"] == "ownership", "subject"]) == {
        "zarya",
        "cupola",
    }
    text = prose("05")
    assert "Ten corrections are about pieces of the station: eight where sources give" in text


# ---------------------------------------------------------------- names before their use


def _first_index(lesson: str, predicate) -> int:
    return next(i for i, c in enumerate(_notebook(lesson).cells) if predicate(c))


def _outputs_say(cell, word: str) -> bool:
    return any(
        re.search(rf"\b{word}\b", str(v))
        for o in cell.get("outputs", [])
        for k, v in o.get("data", {}).items()
        if k.startswith("text")
    )


@pytest.mark.parametrize(
    ("lesson", "name", "explained"),
    [
        ("01", "ASI", "ASI, the Italian Space Agency"),
        ("01", "PMA", "pressurized mating adapters"),
        ("01", "ELC", "ExPRESS Logistics Carriers"),
        ("03", "ASI", "Italy's own space agency, ASI"),
        ("03", "Nanoracks", "Nanoracks (now part of the company Voyager)"),
        ("04", "Nanoracks", "Nanoracks the Bishop airlock"),
    ],
)
def test_names_are_explained_before_a_figure_or_table_shows_them(lesson, name, explained):
    said = _first_index(
        lesson,
        lambda c: (
            c.cell_type == "markdown"
            and explained in re.sub(r"\s+", " ", c.source.replace("**", ""))
        ),
    )
    shown = [
        i
        for i, c in enumerate(_notebook(lesson).cells)
        if c.cell_type == "code" and _outputs_say(c, name)
    ]
    pictures = [
        i
        for i, c in enumerate(_notebook(lesson).cells)
        if c.cell_type == "code" and re.search(r"plots\.station(_map)?\(", c.source)
    ]  # the station pictures show short names (PMA, ELC) in images, not in text
    assert said < min([*shown, *pictures]), (lesson, name)
