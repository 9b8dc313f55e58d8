"""Lessons 03-05 say what the catalogue says, and their quizzes assess what they teach.

Each fact check pairs a phrase of a lesson's prose with the catalogue value it states, so a
change to either side that makes them disagree fails here instead of in front of a class.
The quiz checks read the lessons' own quiz files (isslearn/quizzes/), where their questions live.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import isslearn
from isslearn import quiz
from isslearn.quiz import MultipleChoice, Ordering, WrittenAnswer

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
GUIDES = Path(__file__).resolve().parent.parent / "isslearn" / "guides"
LESSONS = ("03_cooperation", "04_make_your_own", "05_how_we_know")


def prose(lesson: str) -> str:
    """All Markdown of a lesson, with line breaks and emphasis removed."""
    nb = nbformat.read(NOTEBOOKS / f"{lesson}.ipynb", as_version=4)
    text = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return re.sub(r"\s+", " ", text.replace("**", "").replace("*", ""))


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return isslearn.load_events().set_index("id")


@pytest.fixture(scope="module")
def modules() -> pd.DataFrame:
    return isslearn.load_modules().set_index("id")


def day(events, event_id: str) -> str:
    return f"{events.loc[event_id, 'date']:%Y-%m-%d}"


# (lesson, phrase in the prose, event id, the date the phrase states, as YYYY-MM or YYYY-MM-DD)
DATED_PHRASES = [
    ("03_cooperation", "On 29 January 1998, in Washington", "iga-1998-signed", "1998-01-29"),
    ("03_cooperation", "Japan's followed on 24 February", "mou-nasa-japan-1998", "1998-02-24"),
    (
        "03_cooperation",
        "Russia had joined the project in December 1993",
        "russia-joins-station",
        "1993-12",
    ),
    ("03_cooperation", "On 29 May 2009 the Soyuz TMA-15", "all-five-partners-aboard", "2009-05-29"),
    (
        "03_cooperation",
        "In April 2022 the head of Roscosmos",
        "rogozin-sanctions-ultimatum",
        "2022-04",
    ),
    (
        "03_cooperation",
        "in July his successor said Russia would leave",
        "russia-to-leave-after-2024",
        "2022-07",
    ),
    (
        "03_cooperation",
        "In April 2023 Russia told its partners",
        "russia-commits-until-2028",
        "2023-04",
    ),
    (
        "03_cooperation",
        "In July 2022 NASA and Roscosmos agreed to swap seats",
        "nasa-roscosmos-seat-swap",
        "2022-07",
    ),
    ("03_cooperation", "In June 2024 NASA chose SpaceX", "us-deorbit-vehicle-contract", "2024-06"),
    ("03_cooperation", "HTV-X first flew in October 2025", "htv-x1-launch", "2025-10"),
    (
        "03_cooperation",
        "Progress ships have supplied the station since 2000",
        "progress-m1-3-launch",
        "2000",
    ),
    ("03_cooperation", "ATV (five flights, 2008–2014)", "atv1-jules-verne-launch", "2008"),
    ("03_cooperation", "ATV (five flights, 2008–2014)", "atv5-georges-lemaitre-launch", "2014"),
    ("03_cooperation", "Kounotori (nine flights, 2009–2020)", "htv1-launch", "2009"),
    ("03_cooperation", "Kounotori (nine flights, 2009–2020)", "htv9-launch", "2020"),
    ("03_cooperation", "Progress M-12M (2011)", "progress-m12m-failure", "2011"),
    ("03_cooperation", "Cygnus Orb-3 (2014)", "antares-orb3-failure", "2014"),
    ("03_cooperation", "Dragon CRS-7 (2015)", "crs7-failure", "2015"),
    ("03_cooperation", "Progress MS-04 (2016)", "progress-ms04-failure", "2016"),
    (
        "05_how_we_know",
        "it was already 02:03 on 11 November",
        "crew-3-launch",
        "2021-11-11",
    ),
    (
        "05_how_we_know",
        "10 November 2021 in Florida, 11 November in UTC",
        "crew-3-launch",
        "2021-11-11",
    ),
    (
        "05_how_we_know",
        "is 11 September in Japan and 10 September in UTC",
        "htv1-launch",
        "2009-09-10",
    ),
    ("05_how_we_know", "The catalogue keeps 2012-10-08", "crs1-launch", "2012-10-08"),
    ("05_how_we_know", "on 25 May 2012", "dragon-c2-berthing", "2012-05-25"),
    ("05_how_we_know", "in December 2016 the Progress MS-04", "progress-ms04-failure", "2016-12"),
    (
        "05_how_we_know",
        "In 2010 a US law backed using the station until 2020",
        "us-extends-iss-to-2020",
        "2010",
    ),
    ("05_how_we_know", "In 2014 the United States extended it", "us-extends-iss-to-2024", "2014"),
    ("05_how_we_know", "in 2021 to 2030", "us-extends-iss-to-2030", "2021"),
    (
        "05_how_we_know",
        "In July 2022 the new head of Roscosmos",
        "russia-to-leave-after-2024",
        "2022-07",
    ),
    (
        "05_how_we_know",
        "in April 2023 Russia told its partners",
        "russia-commits-until-2028",
        "2023-04",
    ),
    ("05_how_we_know", "(glossary.md#deorbit)) in early 2031", "iss-deorbit-planned", "2031-01"),
    (
        "04_make_your_own",
        "Columbus laboratory came in February 2008",
        "attach-columbus",
        "2008-02",
    ),
    (
        "04_make_your_own",
        "first part of Japan's Kibo arrived in March 2008",
        "attach-kibo-elm-ps",
        "2008-03",
    ),
]


def lesson_text(lesson: str) -> str:
    """Prose, code and the lesson's quiz file, where some facts are stated."""
    nb = nbformat.read(NOTEBOOKS / f"{lesson}.ipynb", as_version=4)
    quiz_file = (quiz_folder() / f"{lesson}.yaml").read_text(encoding="utf-8")
    text = prose(lesson) + " ".join(c.source for c in nb.cells) + " " + quiz_file
    return re.sub(r"\s+", " ", text).replace('" "', "")


def quiz_folder():
    from importlib import resources

    return resources.files("isslearn") / "quizzes"


def right_answer(lesson: str, start: str) -> str:
    """The right option of the lesson's question that starts with ``start``."""
    (item,) = [i for i in quiz.lesson_quiz(lesson) if i.title.startswith(start)]
    return item.answer.text


@pytest.mark.parametrize(("lesson", "phrase", "event_id", "stated"), DATED_PHRASES)
def test_dates_in_the_prose_match_the_catalogue(events, lesson, phrase, event_id, stated):
    assert phrase in lesson_text(lesson), f"{lesson} no longer says {phrase!r}"
    assert day(events, event_id).startswith(stated), (
        f"{lesson} says {phrase!r}, but {event_id} is dated {day(events, event_id)}"
    )


def test_03_names_exactly_the_modules_whose_builder_and_owner_differ(modules):
    differ = modules[modules["built_by"] != modules["agency"]]
    assert set(differ.index) == {
        "zarya",
        "harmony",
        "tranquility",
        "cupola",
        "leonardo-pmm",
        "beam",
    }
    assert modules.loc["beam", ["built_by", "agency"]].tolist() == ["Bigelow", "NASA"]
    assert modules.loc["leonardo-pmm", ["built_by", "agency"]].tolist() == ["ASI", "NASA"]
    zarya = modules.loc["zarya"]
    assert (zarya["built_by"], zarya["agency"], zarya["segment"]) == (
        "Roscosmos",
        "NASA",
        "Russian",
    )
    for node in ("harmony", "tranquility", "cupola"):
        assert modules.loc[node, ["built_by", "builder_country", "agency"]].tolist() == [
            "ESA",
            "Italy",
            "NASA",
        ]
    text = prose("03_cooperation")
    assert (
        "Khrunichev factory in Moscow built it; the United States paid for it, so NASA owns it"
        in (text)
    )
    assert (
        "Harmony and Tranquility and the seven-window dome, the Cupola, were built in Turin" in text
    )


def test_03_commitments_match_the_catalogue(events):
    text = prose("03_cooperation")
    assert "Russia has committed to 2028" in text
    assert "committed to operating the station until 2030; Japan, Europe and Canada" in text
    for partner in ("japan", "esa", "canada"):
        assert f"{events.loc[f'{partner}-agrees-iss-to-2030', 'date']:%Y}" in ("2022", "2023")
    assert events.loc["iss-deorbit-planned", "status"] == "planned"


def test_05_figures_match_the_modules_table(modules):
    text = prose("05_how_we_know")
    assert "6,064 kg" in text and modules.loc["quest", "mass_kg"] == 6064
    assert "21,877 lb" in text
    assert round(21_877 * 0.45359237 / 1000, 1) == 9.9 and "almost 9.9 tonnes" in text
    assert "keeps 89 m³" in text and modules.loc["zvezda", "pressurized_volume_m3"] == 89
    assert "2,666 cubic feet" in text
    assert modules.loc["harmony", "pressurized_volume_m3"] == round(2_666 * 0.0283168, 1)


def test_04_station_picture_question_matches_the_station_on_that_day():
    # The caption counts builders, so the question asks whose side had built nothing yet.
    on_start = isslearn.station_on("2008-01-01").set_index("id")
    assert set(on_start["built_by"]) == {"NASA", "Roscosmos", "CSA", "ESA"}
    assert on_start.index[on_start["built_by"] == "ESA"].tolist() == ["harmony"]
    assert on_start.loc["harmony", "agency"] == "NASA"
    text = lesson_text("04_make_your_own")
    assert "Which partner's side had built nothing on the station yet?" in text
    assert right_answer("04", "Look at the first picture of the station") == "JAXA"
    assert "2016-01-15,Tim Peake" in (NOTEBOOKS / "examples" / "our_class_events.csv").read_text()


@pytest.mark.parametrize("lesson", LESSONS)
def test_sources_cite_no_starting_document_by_file_name(lesson):
    nb = nbformat.read(NOTEBOOKS / f"{lesson}.ipynb", as_version=4)
    everything = " ".join(c.source for c in nb.cells)
    assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", everything)
    assert "## Sources" in everything
    assert "as of {isslearn.current_to()" in everything


def quiz_items(lesson: str) -> list:
    """The lesson's own questions, from its quiz file (isslearn/quizzes/)."""
    return quiz.lesson_quiz(lesson)


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_quiz_has_five_items_with_chart_reading_and_why(lesson):
    items = quiz_items(lesson)
    assert len(items) >= 5
    stems = [item.title for item in items]
    assert any(re.search(r"\bWhy\b", s) for s in stems), stems
    assert any(re.search(r"\b(Read|Look at)\b.*\b(chart|picture|check)\b", s) for s in stems)
    for item in items:
        if not isinstance(item, MultipleChoice):
            assert isinstance(item, (Ordering, WrittenAnswer))
            continue
        right = item.answer.text.lower()
        assert item.answer.feedback, item.question
        for option in item.options:
            assert option.feedback, (item.question, option.text)
            if not option.correct:
                assert right not in option.feedback.lower(), (
                    f"wrong-answer feedback gives the answer away: {option.feedback!r}"
                )


ALL_LESSONS = sorted(p.stem for p in NOTEBOOKS.glob("0*.ipynb"))


@pytest.mark.parametrize("lesson", ALL_LESSONS)
def test_right_answer_feedback_does_not_repeat_the_quiz_mark(lesson):
    """The quiz already prints "✔ Right." before the feedback; "Right: ..." would stutter."""
    for item in quiz_items(lesson):
        if isinstance(item, MultipleChoice):
            assert not re.match(r"right\b", item.answer.feedback, re.I), item.answer.feedback


# (correction id, UTC moment of its subject, time zone of a clock a source used, the local time
# the row's `why` states, as a strftime pattern; %P is "am" or "pm")
LOCAL_CLOCKS = [
    ("atv-1-two-dates", "2008-03-09 04:03", "America/Cayenne", "%H:%M on %-d %B"),
    ("atv-1-two-dates", "2008-03-09 04:03", "America/New_York", "%-I:%M %P on %-d %B"),
    ("first-progress-two-dates", "2000-08-08 20:12:56", "Europe/Moscow", "%H:%M:%S on %-d %B"),
    ("first-progress-two-dates", "2000-08-08 20:13", "America/Chicago", "%-I:%M %P in Houston"),
    ("year-in-space-two-dates", "2015-03-27 19:42", "Asia/Almaty", "%H:%M on %-d %B"),
    ("crew-3-two-dates", "2021-11-11 02:03", "America/New_York", "%-I:%M %P"),
    ("htv-1-two-dates", "2009-09-10 17:01", "Asia/Tokyo", "%H:%M on %-d %B"),
]


@pytest.mark.parametrize("row_id, utc, zone, pattern", LOCAL_CLOCKS)
def test_local_times_in_corrections_convert_from_the_utc_moment(row_id, utc, zone, pattern):
    row = isslearn.load_corrections().set_index("id").loc[row_id]
    moment = pd.Timestamp(utc, tz="UTC")
    assert f"{moment:%Y-%m-%d}" == f"{row['subject_date']:%Y-%m-%d}", row_id
    local = moment.tz_convert(zone).strftime(pattern)
    assert local in row["why"], (row_id, zone, local)


def test_canadarm2_row_names_every_figure_and_keeps_the_modules_table_value(modules):
    row = isslearn.load_corrections().set_index("id").loc["canadarm2-mass"]
    assert modules.loc["canadarm2", "mass_kg"] == 1641
    assert row["catalogue_says"] == "1,641 kg"
    assert {"1,800 kg", "1,641 kg", "1,497 kg"} <= set(re.findall(r"\d,\d{3} kg", row["why"]))


def test_04_timeline_caption_names_the_lesson_dates_not_the_whole_catalogue():
    nb = nbformat.read(NOTEBOOKS / "04_make_your_own.ipynb", as_version=4)
    captions = [
        output["data"]["text/markdown"]
        for cell in nb.cells
        if cell.cell_type == "code" and cell.source.startswith("plots.timeline(")
        for output in cell.outputs
        if "text/markdown" in output.get("data", {})
    ]
    assert captions and captions[0].startswith("*Between 2008-01-01 and 2025-12-31 "), captions


def test_glossary_dates_the_last_berthed_dragon_by_the_catalogue(events):
    glossary = re.sub(r"\s+", " ", (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8"))
    assert "Dragon cargo ships up to March 2020" in glossary
    assert day(events, "crs20-berthing").startswith("2020-03")
    assert "Last first-generation Dragon" in events.loc["crs20-berthing", "title"]


def test_guide_03_exercise_answer_matches_the_module_masses(modules):
    owned = modules.groupby("agency")["mass_kg"].sum().astype(float)
    built = modules.groupby("built_by")["mass_kg"].sum().astype(float)
    gap = owned.sub(built, fill_value=0)
    guide = re.sub(r"\s+", " ", (GUIDES / "03_cooperation.md").read_text(encoding="utf-8"))
    assert f"NASA owns {int(gap['NASA']):,} kg more than its side built" in guide
    for module, kg in [("zarya", 19300), ("leonardo-pmm", 12320), ("beam", 1360)]:
        assert modules.loc[module, "mass_kg"] == kg and f"{kg:,} kg" in guide
    assert f"{int(-gap['ESA']):,} kg from ESA" in guide


def test_04_check_question_names_the_cell_and_line_the_check_gives():
    """Q2 of lesson 04 asks what is wrong in cell D5 of the broken workbook; its feedback says the
    CSV file's message names line 5. Both must be where the check really puts the agency."""
    text = lesson_text("04_make_your_own")
    assert "What is wrong in cell D5?" in text and "names line 5" in text
    book = [str(p) for p in isslearn.validate(NOTEBOOKS / "examples" / "broken_events.xlsx")]
    csv = [str(p) for p in isslearn.validate(NOTEBOOKS / "examples" / "broken_events.csv")]
    assert [p for p in book if "cell D5" in p and "'EAS'" in p and "'ESA'" in p]
    assert [p for p in csv if "broken_events.csv:5:" in p and "'EAS'" in p]


def test_04_settings_load_the_example_workbook_it_shows():
    """Section 1 shows the example workbook; it holds the same events as the CSV example."""
    book = isslearn.load_events(NOTEBOOKS / "examples" / "our_class.xlsx", builtin=False)
    csv = isslearn.load_events(NOTEBOOKS / "examples" / "our_class_events.csv", builtin=False)
    assert list(book["title"]) == list(csv["title"]) and list(book["date"]) == list(csv["date"])
    assert 'events_file="examples/our_class.xlsx"' in lesson_text("04_make_your_own")
