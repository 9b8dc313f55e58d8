"""Settings resolved once: arguments, then the class-wide variables, become the files a lesson
reads; each file is read once; and a path a teacher types means the same file everywhere."""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest
from clirun import isslearn as run_isslearn

import isslearn
from isslearn.lesson import EVENTS_ENV, QUIZ_ENV, Lesson, lesson_files

EVENTS = "date,title\n2005-05-05,Our class watched the ISS\n"
QUIZ = """\
- question: Which came first?
  options:
    - text: Zarya
      correct: true
      feedback: Yes, in November 1998.
    - text: Unity
      feedback: No, two weeks later.
"""


@pytest.fixture
def reads(monkeypatch):
    """How many times each file was read (Path.read_bytes is how isslearn reads a file)."""
    counted: dict[Path, int] = {}
    real = Path.read_bytes

    def counting(self: Path) -> bytes:
        key = Path(os.path.abspath(self))
        counted[key] = counted.get(key, 0) + 1
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return counted


# ---------------------------------------------------------------- one place, one read


def test_arguments_win_then_the_variables_then_nothing(tmp_path):
    environ = {EVENTS_ENV: str(tmp_path / "class.csv"), QUIZ_ENV: "~/class.yaml"}
    events, quiz = lesson_files(environ=environ)
    assert (events.origin, events.path) == (EVENTS_ENV, tmp_path / "class.csv")
    assert (quiz.origin, quiz.path) == (QUIZ_ENV, Path("~/class.yaml").expanduser())
    events, quiz = lesson_files("mine.csv", "mine.yaml", environ=environ)
    assert (events.origin, events.path, quiz.origin) == ("argument", Path("mine.csv"), "argument")
    assert lesson_files(environ={EVENTS_ENV: "  "}) == (None, None)


def test_a_lesson_reads_each_file_once(tmp_path, monkeypatch, reads):
    (tmp_path / "class.csv").write_text(EVENTS, "utf-8")
    (tmp_path / "class.yaml").write_text(QUIZ, "utf-8")
    monkeypatch.setenv(EVENTS_ENV, str(tmp_path / "class.csv"))
    monkeypatch.setenv(QUIZ_ENV, str(tmp_path / "class.yaml"))
    lesson = Lesson(start=2000)
    for _ in range(3):  # a lesson asks for its events and its quiz in many cells
        assert "Our class watched the ISS" in set(lesson.events()["title"])
        assert lesson.quiz()[0].question == "Which came first?"
    assert reads[tmp_path / "class.csv"] == 1
    assert reads[tmp_path / "class.yaml"] == 1


def test_a_workbook_for_both_events_and_quiz_is_read_once_for_each(tmp_path, reads):
    book = openpyxl.Workbook()
    book.active.title = "Events"
    book["Events"].append(["date", "title"])
    book["Events"].append(["2005-05-05", "Our class watched the ISS"])
    quiz = book.create_sheet("Quiz")
    for row in (
        ["question", "option", "correct", "feedback"],
        ["Which came first?", "Zarya", "yes", "Yes."],
        [None, "Unity", None, "Two weeks later."],
    ):
        quiz.append(row)
    path = tmp_path / "class.xlsx"
    book.save(path)
    lesson = Lesson(events_file=path, quiz_file=path)
    lesson.events()
    lesson.quiz()
    assert reads[path] == 2  # the Events sheet once, the Quiz sheet once


# ---------------------------------------------------------------- relative class-wide paths


def test_a_relative_class_variable_is_refused_by_every_lesson_and_by_info(
    tmp_path, monkeypatch, told, capsys
):
    """A relative ISSLEARN_EVENTS would name a different file in every folder a lesson runs
    in; isslearn refuses it everywhere, alike, and says how to write it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "class.csv").write_text(EVENTS, "utf-8")  # present here, but not for lessons
    monkeypatch.setenv(EVENTS_ENV, "class.csv")
    monkeypatch.setenv(QUIZ_ENV, "quiz/class.yaml")
    lesson = Lesson()
    assert lesson.events_file is None and lesson.quiz_file is None
    assert set(lesson.events()["origin"]) == {"built-in"}
    events_note, quiz_note = told()
    assert events_note == (
        "Note: ISSLEARN_EVENTS is set to class.csv, a relative path, which would name a "
        "different file in every folder a lesson runs in, so it is not used. This lesson uses "
        "the built-in events only. Please ask your teacher to set ISSLEARN_EVENTS to the file's "
        "full path, such as /home/you/class.csv, or to its path from the home folder, such as "
        "~/class.csv."
    )
    assert "This lesson uses its own questions" in quiz_note
    assert "not used (a relative path): ISSLEARN_EVENTS=class.csv" in lesson.describe()

    ran = run_isslearn(capsys, "info")
    assert ran.code == 1
    assert (
        "ISSLEARN_EVENTS=class.csv: lessons cannot use this setting (they show the built-in "
        "events and tell learners to ask you): ISSLEARN_EVENTS is set to class.csv, a relative "
        "path" in ran.out
    )
    assert "ISSLEARN_QUIZ=quiz/class.yaml: lessons cannot use this setting" in ran.out


@pytest.mark.parametrize("form", ["absolute", "home"])
def test_a_full_or_home_path_means_the_same_file_for_info_and_every_lesson(
    tmp_path, monkeypatch, capsys, form
):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "class.csv").write_text(EVENTS, "utf-8")
    value = str(tmp_path / "class.csv") if form == "absolute" else "~/class.csv"
    monkeypatch.setenv(EVENTS_ENV, value)
    seen = set()
    for folder in ("lessons", "lessons/week 2", "elsewhere"):  # wherever a lesson runs
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        monkeypatch.chdir(tmp_path / folder)
        seen.add(Lesson().events_file)
        ran = run_isslearn(capsys, "info")
        assert ran.code == 0, ran.out
        assert f"ISSLEARN_EVENTS={tmp_path / 'class.csv'}: OK, 1 event(s)" in ran.out
    assert seen == {tmp_path / "class.csv"}


# ---------------------------------------------------------------- new-lesson paths


def settings_cell(notebook: Path) -> str:
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    return next(c["source"] for c in cells if "settings" in c["metadata"].get("tags", []))


def run_settings_cell(notebook: Path, monkeypatch) -> Lesson:
    """Run the new lesson's settings cell where Jupyter runs it: in the notebook's folder."""
    monkeypatch.chdir(notebook.parent)
    namespace: dict[str, object] = {}
    exec(settings_cell(notebook), namespace)
    lesson = namespace["lesson"]
    assert isinstance(lesson, Lesson)
    return lesson


# Each form a teacher types: (where the file is, from tmp_path; what is typed; what the
# notebook in tmp_path/lessons must say).
PATH_FORMS = {
    "relative": ("class.csv", "class.csv", "../class.csv"),
    "relative-in-a-subfolder": ("data/class.csv", "data/class.csv", "../data/class.csv"),
    "dot-dot": ("class.csv", "../class.csv", "../class.csv"),  # typed from tmp_path/work
    "folder-with-spaces": ("my files/class.csv", "my files/class.csv", "../my files/class.csv"),
    "home": ("class.csv", "~/class.csv", "~/class.csv"),
    "home-folder-with-spaces": ("my files/class.csv", "~/my files/class.csv", None),
    "absolute": ("class.csv", "{tmp}/class.csv", "{tmp}/class.csv"),
}


@pytest.mark.parametrize("form", sorted(PATH_FORMS))
def test_new_lesson_writes_a_path_the_lesson_finds_when_it_runs(
    form, tmp_path, monkeypatch, capsys
):
    where, typed, expected = PATH_FORMS[form]
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / where).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / where).write_text(EVENTS, "utf-8")
    here = tmp_path / "work" if typed.startswith("..") else tmp_path
    here.mkdir(exist_ok=True)
    monkeypatch.chdir(here)
    typed = typed.format(tmp=tmp_path)
    lessons = tmp_path / "lessons"
    dir_option = os.path.relpath(lessons, here)
    ran = run_isslearn(capsys, "new-lesson", "week", f"--events={typed}", "--dir", dir_option)
    assert ran.code == 0, ran.text
    written = settings_cell(lessons / "week.ipynb")
    shown = expected.format(tmp=tmp_path) if expected else typed
    assert f"events_file={shown!r}," in written
    lesson = run_settings_cell(lessons / "week.ipynb", monkeypatch)
    assert "Our class watched the ISS" in set(lesson.events()["title"])


def test_the_reported_case_a_home_workbook_into_a_lessons_folder(tmp_path, monkeypatch, capsys):
    """`isslearn new-lesson --events=~/x.xlsx --dir lessons` wrote events_file='../~/x.xlsx'."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    book = openpyxl.Workbook()
    book.active.title = "Events"
    book["Events"].append(["date", "title"])
    book["Events"].append(["2005-05-05", "Our class watched the ISS"])
    (tmp_path / "home").mkdir()
    book.save(tmp_path / "home" / "x.xlsx")
    monkeypatch.chdir(tmp_path)
    ran = run_isslearn(capsys, "new-lesson", "week", "--events=~/x.xlsx", "--dir", "lessons")
    assert ran.code == 0, ran.text
    assert "events_file='~/x.xlsx'," in settings_cell(tmp_path / "lessons" / "week.ipynb")
    lesson = run_settings_cell(tmp_path / "lessons" / "week.ipynb", monkeypatch)
    assert lesson.events_file == tmp_path / "home" / "x.xlsx"


@pytest.mark.parametrize("typed", ["~", "~/", ".", ".."])
def test_a_folder_given_as_the_events_file_is_refused_and_nothing_written(
    typed, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    ran = run_isslearn(capsys, "new-lesson", "week", f"--events={typed}", "--dir", "lessons")
    assert ran.code == 1
    assert ":1: this is a folder, not an events file" in ran.out
    assert not (tmp_path / "lessons").exists()


def test_the_readme_says_a_class_variable_needs_a_full_or_home_path():
    readme = (Path(isslearn.__file__).parent.parent / "README.md").read_text("utf-8")
    assert "a relative path" in readme and "~/my_class.xlsx" in readme
