"""The lessons' own quizzes (isslearn/quizzes/): checked like a teacher's file, free of test-wise
cues, and true to the catalogue. The generators are held to the same cues over their whole range.

A test-wise learner scores without knowing the history: by picking the position that is most
often right, or the longest option. So in every lesson no position holds more than 40 % of the
multiple-choice answers, C and D are right somewhere when there are that many options, and the
right option is the longest no more often than chance would make it.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest

import isslearn
from isslearn import quiz
from isslearn.quiz import MultipleChoice, Ordering, WrittenAnswer
from isslearn.quiz.generated import LESSON_MODULES

REPO = Path(__file__).resolve().parent.parent
LESSONS = sorted(p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MAX_SHARE = 0.40


def test_every_lesson_has_its_own_quiz_file_and_no_other():
    assert list(quiz.shipped_quizzes()) == LESSONS


@pytest.mark.parametrize("lesson", LESSONS)
def test_isslearn_check_finds_no_problem_and_no_notice(lesson, capsys):
    """The checker teachers use, on the file as installed: the lesson's own questions get the
    same warnings (feedback naming the answer, feedback missing) as a teacher's."""
    from isslearn.teacher.cli import main

    path = resources.files("isslearn") / "quizzes" / f"{lesson}.yaml"
    with resources.as_file(path) as file:
        assert main(["check", str(file)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].endswith(" quiz item(s)") and ": OK, " in out[0], out


def right_position(item: MultipleChoice) -> int:
    return [o.correct for o in item.options].index(True)


def is_longest(item: MultipleChoice) -> bool:
    lengths = [len(o.text) for o in item.options]
    right = lengths[right_position(item)]
    return right == max(lengths) and lengths.count(right) == 1


def assert_no_cues(items: list, what: str) -> None:
    choices = [i for i in items if isinstance(i, MultipleChoice)]
    assert choices, what
    positions = Counter(right_position(i) for i in choices)
    share = max(positions.values()) / len(choices)
    shown = {"ABCDEFGH"[k]: v for k, v in sorted(positions.items())}
    assert share <= MAX_SHARE, f"{what}: right answers by position {shown}"
    if any(len(i.options) >= 3 for i in choices):
        assert positions[2], f"{what}: no right answer is C ({shown})"
    if any(len(i.options) >= 4 for i in choices):
        assert positions[3], f"{what}: no right answer is D ({shown})"
    longest = sum(map(is_longest, choices))
    chance = sum(1 / len(i.options) for i in choices)
    assert longest <= chance, f"{what}: the right option is the longest {longest} times"


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_position_and_no_length_gives_a_lessons_answers_away(lesson):
    assert_no_cues(quiz.lesson_quiz(lesson), lesson)


def partner_modules(column: str) -> list[str]:
    modules = isslearn.load_modules()
    partners = ("NASA", "Roscosmos", "ESA", "JAXA", "CSA")
    return list(modules.loc[modules[column].isin(partners), "id"])


GENERATED = {
    "built_by": lambda: [
        quiz.which_agency_built(m, seed=s) for m in partner_modules("built_by") for s in range(3)
    ],
    "owned_by": lambda: [
        quiz.which_agency_built(m, seed=s, ask="owns")
        for m in partner_modules("agency")
        for s in range(3)
    ],
    "arrival_day": lambda: [
        quiz.arrival_day_question(m, seed=s) for m in LESSON_MODULES for s in range(3)
    ],
    "event_year": lambda: [
        quiz.event_year_question(e, seed=s)
        for e in isslearn.load_events().query("status == 'happened'")["id"].iloc[::8]
        for s in range(2)
    ],
    "commander": lambda: [
        quiz.expedition_question(n, seed=s)
        for n in isslearn.load_expeditions()["number"]
        for s in range(2)
    ],
}


@pytest.mark.parametrize("generator", sorted(GENERATED))
def test_generated_items_spread_their_answers_too(generator):
    """Before, 'which partner built' never put its answer at B and 'in which year' put it at C
    98 % of the time (the answer was never the earliest or latest year)."""
    assert_no_cues(GENERATED[generator](), generator)


# ---------------------------------------------------------------- the questions are true


def items_of(lesson: str) -> dict[str, object]:
    return {item.title: item for item in quiz.lesson_quiz(lesson)}


def find(lesson: str, start: str):
    (item,) = [i for t, i in items_of(lesson).items() if t.startswith(start)]
    return item


def test_03_the_masses_on_the_owner_chart_are_the_catalogues():
    modules = isslearn.load_modules()
    owned = modules.groupby("agency")["mass_kg"].sum() / 1000
    built = modules.groupby("built_by")["mass_kg"].sum() / 1000
    item = find("03", "Read the chart of modules by owner")
    tonnes = {o.text: o.correct for o in item.options}
    assert tonnes == {
        f"about {owned['Roscosmos']:.0f} t": True,
        f"about {built['Roscosmos']:.0f} t": False,
        f"about {owned['NASA']:.0f} t": False,
        f"about {owned['ESA']:.0f} t": False,
    }


def test_03_generated_owner_of_the_cupola_is_nasa_and_the_builder_is_the_trap():
    item = find("03", "Which partner owns the Cupola")
    assert item.answer.text == "NASA"
    assert "ESA" in [o.text for o in item.options]


def test_03_cargo_ships_first_and_last_flights_match_the_catalogue():
    events = isslearn.load_events()
    years = {}
    for ship, pattern in {
        "Progress": r"^progress",
        "ATV": r"^atv",
        "HTV (Kounotori)": r"^htv\d",
        "Dragon": r"^dragon|^crs\d",
        "Cygnus": r"^cygnus",
    }.items():
        dates = events.loc[events["id"].str.contains(pattern), "date"]
        years[ship] = (dates.min().year, dates.max().year)
    order = find("03", "Put these cargo ships")
    assert list(order.items) == sorted(years, key=lambda s: years[s][0])
    assert [int(d) for d in order.details] == [years[s][0] for s in order.items]
    last = find("03", "Read the supply-fleet chart")
    assert last.answer.text == min((o.text for o in last.options), key=lambda s: years[s][1])
    assert years["ATV"] == (2008, 2015) and years["HTV (Kounotori)"][1] == 2020


def test_05_end_dates_were_announced_when_the_catalogue_says():
    events = isslearn.load_events().set_index("id")
    order = find("05", "Put these planned end dates")
    ids = [
        "us-extends-iss-to-2020",
        "us-extends-iss-to-2024",
        "us-extends-iss-to-2030",
        "russia-commits-until-2028",
    ]
    assert list(order.details) == [f"announced {events.loc[i, 'date']:%B %Y}" for i in ids]


@pytest.mark.parametrize(
    "lesson, start, event_id, utc, local",
    [
        (
            "00",
            "A Florida newspaper says",
            "launch-p6-truss",
            "03:06 UTC on 1 December",
            "10:06 pm",
        ),
        ("05", "One account of the launch", "year-long-mission-begins", "19:42 UTC", "28 March"),
        ("05", "Japan's last HTV", "htv9-launch", "17:31 UTC on 20 May", "02:31 JST on 21 May"),
    ],
)
def test_times_in_the_time_zone_questions_are_the_catalogues(lesson, start, event_id, utc, local):
    note = isslearn.load_events().set_index("id").loc[event_id, "note"]
    assert utc in note and local in note
    assert find(lesson, start)


def test_the_time_zone_transfer_questions_convert_correctly():
    def local(moment: str, zone: str) -> pd.Timestamp:
        return pd.Timestamp(moment, tz="UTC").tz_convert(zone)

    assert f"{local('2000-12-01 03:06', 'America/New_York'):%d %H:%M}" == "30 22:06"
    assert f"{local('2015-03-27 19:42', 'Asia/Almaty'):%d %H:%M}" == "28 01:42"
    assert f"{local('2020-05-20 17:31', 'Asia/Tokyo'):%d %H:%M}" == "21 02:31"


def test_05_tranquility_figures_and_the_units_distractor():
    row = isslearn.load_corrections().set_index("id").loc["tranquility-mass"]
    assert "15,500 kg at launch and 19,000 kg on orbit" in row["why"]
    assert round(19_000 * 0.45359237) < 9_000  # "19,000 lb would be under 9 t"
    assert find("05", "ESA gives Tranquility's mass")


def test_05_time_zone_is_the_commonest_correction_but_far_from_all():
    kinds = isslearn.load_corrections()["kind"].value_counts()
    assert kinds.index[0] == "time_zone" and kinds.iloc[0] > kinds.iloc[1]
    assert kinds.iloc[0] < kinds.sum() / 2  # "far from all of them"
    assert kinds["never_happened"] == kinds.min()  # "the shortest bar"
    item = find("05", "Read the chart of corrections")
    assert item.answer.text == kinds.index[0].replace("_", " ")
    assert "most corrections" not in item.answer.feedback.lower()


def test_02_card_and_chart_questions_match_the_catalogue():
    expeditions = isslearn.load_expeditions().set_index("number")
    first = find("02", "Look at the card for Expedition 1")
    assert first.answer.text == expeditions.loc[1, "commander"]
    assert expeditions.loc[3, "commander"] == "Frank Culbertson"
    assert set(expeditions.loc[20, "crew_agencies"]) == {"NASA", "Roscosmos", "ESA", "JAXA", "CSA"}
    assert set(expeditions.loc[1, "crew_agencies"][:3]) == {"NASA", "Roscosmos"}
    assert "crew_agencies" in expeditions.columns


def test_01_generated_items_match_the_modules():
    modules = isslearn.load_modules().set_index("id")
    order = find("01", "Put these modules in the order")
    assert isinstance(order, Ordering)
    launched = [modules.loc[m, "launch_date"] for m in ("zvezda", "destiny", "columbus", "nauka")]
    assert list(order.details) == [f"launched {d.day} {d:%b %Y}" for d in launched]
    rocket = find("01", "Look at the chart of the rockets")
    assert rocket.answer.text == "Space Shuttle"
    kibo, zvezda = modules.loc["kibo-pm"], modules.loc["zvezda"]
    assert kibo["launch_vehicle"].startswith("Space Shuttle") and kibo["agency"] == "JAXA"
    assert zvezda["launch_vehicle"].startswith("Proton")
    for piece in ("destiny", "canadarm2"):
        assert modules.loc[piece, "launch_vehicle"].startswith("Space Shuttle")


def test_the_end_of_course_task_closes_lesson_05_and_asks_for_each_lesson():
    last = quiz.lesson_quiz("05")[-1]
    assert isinstance(last, WrittenAnswer) and last.prompt.startswith("End-of-course task")
    for lesson in ("01", "02", "03"):
        assert f"lesson {lesson}" in last.model_answer or f"lessons {lesson}" in last.model_answer
    assert re.search(r"one each from lessons 01, 02 and 03", last.prompt)


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_saved_lessons_keep_each_quiz_in_its_static_form_only(lesson):
    """A quiz output saved with its widget view and models would make GitHub and nbviewer draw
    an empty widget instead of the question (`make lessons` runs static_quizzes)."""
    import nbformat

    from isslearn.quiz.notebook import WIDGET_STATE, static_quizzes

    notebook = nbformat.read(REPO / "notebooks" / f"{lesson}.ipynb", as_version=4)
    quizzes = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("metadata", {}).get("isslearn", {}).get("quiz")
    ]
    assert quizzes
    for output in quizzes:
        assert set(output["data"]) == {"text/html", "text/plain"}
    state = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    titles = [m["state"].get("value", "") for m in state.values() if "state" in m]
    for output in quizzes:
        first_line = output["data"]["text/plain"].splitlines()[0]
        question = first_line.split(". ", 1)[1][:40]
        assert not any(question in str(t) for t in titles), question
    assert static_quizzes(notebook) == 0


RAW_VALUE = re.compile(r"Timestamp\(|\('[^']*',\)|\(\w[\w ]*,\)|<NA>|\bNaT\b|\bnan\b|dtype:")


def every_generated_item() -> list:
    items = [item for make in GENERATED.values() for item in make()]
    return (
        items
        + [quiz.busiest_rocket_question()]
        + [quiz.launch_order_question(n=n, seed=n) for n in range(2, 7)]
    )


def test_no_question_shows_a_raw_python_value():
    """Issue 17: learners were shown values such as '(United States,)' or a Timestamp(...)."""
    items = [i for lesson in LESSONS for i in quiz.lesson_quiz(lesson)] + every_generated_item()
    for item in items:
        text = item.to_markdown(answers=True)
        assert not RAW_VALUE.search(text), (item.title, RAW_VALUE.search(text).group(0))
