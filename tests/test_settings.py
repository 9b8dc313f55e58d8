"""Lesson settings: one call resolves files, checks every choice, and filters the events."""

from __future__ import annotations

import pytest

from isslearn import quiz
from isslearn.lesson import QUIZ_ENV, Lesson, SettingsError

QUIZ = """\
- question: Which came first?
  options:
    - text: Zarya
      correct: true
      feedback: Yes.
    - text: Unity
      feedback: No, later.
"""


@pytest.fixture(autouse=True)
def no_class_wide_files(monkeypatch):
    monkeypatch.delenv("ISSLEARN_EVENTS", raising=False)
    monkeypatch.delenv(QUIZ_ENV, raising=False)


def test_unknown_agency_lists_allowed_and_suggests_the_closest():
    with pytest.raises(SettingsError) as caught:
        Lesson(agencies=["NSA"])
    message = str(caught.value)
    assert "unknown agency 'NSA'" in message
    assert "allowed: NASA, Roscosmos, ESA" in message and "did you mean 'NASA'?" in message


def test_every_bad_setting_is_reported_at_once():
    with pytest.raises(SettingsError) as caught:
        Lesson(start="1998-13-01", end="1990-01-01", categories=["asembly"])
    message = str(caught.value)
    assert "start='1998-13-01'" in message and "no month 13" in message
    assert "unknown category 'asembly'" in message and "did you mean 'assembly'?" in message


def test_start_after_end_is_refused():
    with pytest.raises(SettingsError, match="is after end"):
        Lesson(start=2011, end=1998)


def test_whole_years_and_case_insensitive_choices():
    lesson = Lesson(start=1998, end=2011, agencies="esa", categories=["Assembly"])
    assert f"{lesson.start:%Y-%m-%d}" == "1998-01-01" and f"{lesson.end:%Y-%m-%d}" == "2011-12-31"
    assert lesson.agencies == ("ESA",) and lesson.categories == ("assembly",)


def test_quiz_file_from_argument_then_environment_then_default(tmp_path, monkeypatch):
    mine = tmp_path / "mine.yaml"
    mine.write_text(QUIZ, encoding="utf-8")
    default = [quiz.launch_order_question(seed=1)]
    assert Lesson().quiz(default) == default
    assert Lesson().quiz(lambda: default) == default
    monkeypatch.setenv(QUIZ_ENV, str(mine))
    from_env = Lesson()
    assert from_env.quiz_origin == QUIZ_ENV
    assert from_env.quiz(default)[1].question == "Which came first?"
    assert Lesson(quiz_file=mine).quiz_origin == "argument"


def titles(items):
    return [item.title for item in items]


def test_a_teachers_questions_follow_the_lessons_own_unless_told_to_replace_them(tmp_path):
    """Before, a class quiz file replaced every lesson's questions without a word; a teacher
    who adds a question expects it to join the lesson's own, as the key and guide then list."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(QUIZ, encoding="utf-8")
    own = quiz.lesson_quiz("01")
    added = Lesson(quiz_file=mine).quiz("01")
    assert titles(added) == [*titles(own), "Which came first?"]
    assert added.own == len(own) and added.origin == str(mine)
    assert "then those of" in Lesson(quiz_file=mine).describe()
    replaced = Lesson(quiz_file=mine, own_questions=False)
    assert titles(replaced.quiz("01")) == ["Which came first?"]
    assert "instead of the lesson's own" in replaced.describe()
    assert titles(Lesson(own_questions=False).quiz("01")) == titles(own)  # nothing to replace


def test_a_question_that_names_lessons_is_asked_only_in_them(tmp_path):
    scoped = tmp_path / "scoped.yaml"
    scoped.write_text(
        QUIZ
        + QUIZ.replace("Which came first?", "Only in 03?").replace(
            "  options:", "  lessons: [03, 05_how_we_know]\n  options:"
        ),
        encoding="utf-8",
    )
    lesson = Lesson(quiz_file=scoped, own_questions=False)
    assert titles(lesson.quiz("01")) == ["Which came first?"]
    assert titles(lesson.quiz("03_cooperation")) == ["Which came first?", "Only in 03?"]
    assert titles(lesson.quiz("how_we_know")) == ["Which came first?", "Only in 03?"]
    assert titles(lesson.quiz([])) == ["Which came first?"]  # a lesson of the teacher's own


def test_an_unknown_lesson_quiz_names_the_lessons(tmp_path):
    with pytest.raises(SettingsError, match=r"'07' names no lesson's quiz; .*01_assembly"):
        Lesson().quiz("07")


def test_a_bad_quiz_file_is_listed_with_its_line_and_the_lesson_asks_its_own(tmp_path, told):
    bad = tmp_path / "bad.yaml"
    bad.write_text(QUIZ.replace("correct: true", "correct: sure"), encoding="utf-8")
    lesson = Lesson(quiz_file=bad)
    [said] = told()
    assert "bad.yaml:4: field 'correct'" in said and "goes on with its own questions" in said
    assert [p.line for p in lesson.problems] == [4]
    assert lesson.quiz_file is None and len(lesson.quiz("01")) > 0


def test_events_are_filtered_by_every_setting_and_annotated(tmp_path):
    own = tmp_path / "class.csv"
    own.write_text("date,title,agencies\n2005-05-05,Our class watched the ISS,ESA\n", "utf-8")
    lesson = Lesson(events_file=own, start="2000-01-01", end="2010-12-31", agencies=["ESA"])
    events = lesson.events()
    assert events["date"].between("2000-01-01", "2010-12-31").all()
    assert events["agencies"].map(lambda codes: "ESA" in codes).all()
    assert "Our class watched the ISS" in set(events["title"])
    assert "era" in events.columns
    everything = Lesson(events_file=own).events(annotated=False)
    assert len(everything) > len(events)


def test_events_file_from_environment(tmp_path, monkeypatch):
    own = tmp_path / "class.csv"
    own.write_text("date,title\n2005-05-05,Class visit\n", "utf-8")
    monkeypatch.setenv("ISSLEARN_EVENTS", str(own))
    lesson = Lesson(builtin_events=False)
    assert lesson.events_origin == "ISSLEARN_EVENTS"
    assert list(lesson.events(annotated=False)["title"]) == ["Class visit"]
    assert "from ISSLEARN_EVENTS" in lesson.describe()


@pytest.mark.parametrize(
    ("settings", "why"),
    [
        ({"start": 2040}, "start=2040-01-01 is after the last event"),
        ({"end": "1950-06-30"}, "end=1950-06-30 is before the first event"),
        ({"categories": []}, "no event has the categories chosen (none)"),
        ({"agencies": ["Bigelow"], "categories": ["spacewalk"]}, "no event matches them all"),
    ],
)
def test_settings_that_match_no_events_are_refused_in_the_settings_cell(settings, why):
    with pytest.raises(SettingsError) as caught:
        Lesson(**settings)
    message = str(caught.value)
    assert message.startswith("Lesson(...) settings: no events match these settings: ")
    assert why in message
    assert message.endswith("widen the dates, or choose other categories or agencies")


def test_settings_that_match_no_teachers_events_are_refused(tmp_path):
    own = tmp_path / "class.csv"
    own.write_text("date,title\n2005-05-05,Class visit\n", "utf-8")
    with pytest.raises(SettingsError, match="after the last event \\(2005-05-05\\)"):
        Lesson(events_file=own, builtin_events=False, start=2006)


BROKEN_EVENTS = "date,title\n2005-13-05,Class visit\n"
BROKEN_QUIZ = QUIZ.replace("correct: true", "correct: sure")


def test_a_broken_class_events_file_is_left_out_with_one_message(tmp_path, monkeypatch, told):
    import isslearn

    broken = tmp_path / "class.csv"
    broken.write_text(BROKEN_EVENTS, "utf-8")
    monkeypatch.setenv("ISSLEARN_EVENTS", str(broken))
    lesson = Lesson()  # no exception: a learner cannot fix the class file
    assert lesson.events_file is None
    assert set(lesson.events(annotated=False)["origin"]) == {"built-in"}
    assert set(isslearn.load_events()["origin"]) == {"built-in"}
    [err] = told()
    assert err.count("ISSLEARN_EVENTS") == 1 and "\n" not in err, err
    assert f"ISSLEARN_EVENTS is set to {broken}, but that file cannot be used" in err
    assert f"{broken}:2: column 'date'" in err
    assert "ask your teacher" in err and f"isslearn check {broken}" in err
    assert "not used (the file has problems): ISSLEARN_EVENTS=" in lesson.describe()


def test_a_broken_class_quiz_file_gives_the_lessons_own_questions(tmp_path, monkeypatch, told):
    broken = tmp_path / "class.yaml"
    broken.write_text(BROKEN_QUIZ, "utf-8")
    monkeypatch.setenv(QUIZ_ENV, str(broken))
    default = [quiz.launch_order_question(seed=1)]
    assert Lesson().quiz(default) == default
    [err] = told()
    assert f"ISSLEARN_QUIZ is set to {broken}, but that file cannot be used" in err
    assert "This lesson uses its own questions" in err and "ask your teacher" in err


def test_a_broken_file_named_in_the_settings_cell_is_listed_each_run_and_left_out(tmp_path, told):
    """An exception here would leave `lesson` undefined and every later cell a NameError; the
    problems are listed instead, each time the cell runs, and the built-in events are used."""
    broken = tmp_path / "class.csv"
    broken.write_text(BROKEN_EVENTS, "utf-8")
    for _ in range(2):  # the teacher runs the cell again without fixing the file
        lesson = Lesson(events_file=broken, builtin_events=False)
    said = told()
    assert len(said) == 2 and said[0] == said[1]
    assert "class.csv:2: column 'date'" in said[0]
    assert "goes on with the built-in events only" in said[0] and "run this cell again" in said[0]
    assert set(lesson.events()["origin"]) == {"built-in"}
    assert "not used (the file has problems): events_file=" in repr(lesson)
    assert "events: built-in catalogue" in repr(lesson)


def test_tilde_in_the_class_quiz_variable_is_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "q.yaml").write_text(QUIZ, encoding="utf-8")
    monkeypatch.setenv(QUIZ_ENV, "~/q.yaml")
    lesson = Lesson()
    assert lesson.quiz_file == tmp_path / "q.yaml"
    assert lesson.quiz()[0].question == "Which came first?"
