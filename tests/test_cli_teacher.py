"""Teacher commands: templates, new lessons (which must run and pass strict nbval).

Called in this process (``clirun.isslearn``); the one subprocess left runs strict nbval on a
new lesson, which needs its own kernel anyway.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import isslearn


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Run each command in an empty folder, as a teacher in a fresh folder would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", ["quiz.yaml", "quiz.yml"])
def test_template_writes_a_file_that_passes_check_and_refuses_to_overwrite(here, capsys, name):
    ran = isslearn(capsys, "template", name)
    assert ran.code == 0, ran.err
    written = (here / name).read_bytes()
    assert isslearn(capsys, "check", name).code == 0
    again = isslearn(capsys, "template", name)
    assert again.code == 1
    assert f"{name}: already exists" in again.err
    assert (here / name).read_bytes() == written


def test_events_template_rows_are_examples_until_their_mark_is_deleted(here, capsys):
    ran = isslearn(capsys, "template", "events.csv")
    assert ran.code == 0 and "example rows start with # and are skipped" in ran.out
    path = here / "events.csv"
    written = path.read_bytes()
    untouched = isslearn(capsys, "check", "events.csv")
    assert untouched.code == 1  # no events yet: the examples are not the teacher's events
    assert "events.csv:1: the file has a header but no events" in untouched.out
    assert (
        "events.csv:2: notice: 3 line(s) starting with # skipped as comments or examples"
        in untouched.out
    )
    assert path.read_bytes() == written
    again = isslearn(capsys, "template", "events.csv")
    assert again.code == 1 and "events.csv: already exists" in again.err

    import isslearn as package

    lines = written.decode("utf-8").splitlines()
    rows = [line for line in lines if line.startswith("#,")]
    assert len(rows) == 2
    own = "\n".join([lines[0], rows[0], ",2024-03-01,Our own event"]) + "\n"
    (here / "mine.csv").write_text(own, "utf-8")
    mine = package.load_events("mine.csv").query("origin == 'mine.csv'")
    assert list(mine["title"]) == ["Our own event"]  # the example row is not an event

    path.write_text(written.decode("utf-8").replace("\n#,", "\n,"), "utf-8")  # mark deleted
    used = isslearn(capsys, "check", "events.csv")
    assert used.code == 0, used.out
    assert "events.csv: OK, 2 event(s) from 2009-05-29 to 2027-05-20" in used.out


def test_template_events_file_has_every_column(here, capsys):
    from isslearn.reading.values import EVENT_COLUMNS

    isslearn(capsys, "template", "events.csv")
    lines = (here / "events.csv").read_text("utf-8").splitlines()
    header = next(line for line in lines if not line.startswith("#"))
    assert header == ",".join(EVENT_COLUMNS)


def test_template_into_a_new_folder_makes_it(here, capsys):
    ran = isslearn(capsys, "template", "newfolder/events.csv")
    assert ran.code == 0, ran.err
    assert (here / "newfolder" / "events.csv").is_file()


def test_template_unknown_kind_and_bad_calls(here, capsys):
    assert isslearn(capsys, "template", "notes.txt").code == 1
    assert isslearn(capsys, "template").code == 2
    assert isslearn(capsys, "new-lesson").code == 2
    assert isslearn(capsys, "handout").code == 2
    assert isslearn(capsys, "guide").code == 2
    assert not list(here.iterdir())


def test_new_lesson_rejects_bad_settings_and_writes_nothing(here, capsys):
    ran = isslearn(capsys, "new-lesson", "lesson1", "--start", "1998-02-30")
    assert ran.code == 1 and "February 1998 has 28 days" in ran.err
    (here / "bad.yaml").write_text("- question: Q\n", "utf-8")
    ran = isslearn(capsys, "new-lesson", "lesson1", "--quiz", "bad.yaml")
    assert ran.code == 1 and "bad.yaml:1: field 'options'" in ran.out
    assert not (here / "lesson1.ipynb").exists()


def test_new_lesson_accepts_bare_years_as_lesson_04_shows(here, capsys):
    (here / "my_events.csv").write_text("date,title\n2015-05-01,Our radio contact\n", "utf-8")
    ran = isslearn(
        capsys, "new-lesson", "space_week", "--events", "my_events.csv",
        "--start", "2015", "--end", "2016",
    )  # fmt: skip
    assert ran.code == 0, ran.err
    notebook = json.loads((here / "space_week.ipynb").read_text("utf-8"))
    settings = next(c for c in notebook["cells"] if "settings" in c["metadata"].get("tags", []))
    assert "start=2015," in settings["source"] and "end=2016," in settings["source"]
    from isslearn.lesson import Lesson

    lesson = Lesson(start=2015, end=2016)
    assert (f"{lesson.start:%Y-%m-%d}", f"{lesson.end:%Y-%m-%d}") == ("2015-01-01", "2016-12-31")


@pytest.mark.parametrize(
    "args, words",
    [
        (["--start", "2015-13-01"], "--start '2015-13-01': '2015-13-01' is not a real date"),
        (
            ["--end", "15"],
            "write it as YYYY-MM-DD or as a year YYYY, e.g. --end 2000-11-02 or --end 2000",
        ),
        (["--start", "1800"], "--start 1800: the year is outside 1900 to 2100"),
        (["--start", "2016", "--end", "2015"], "--start 2016 is after --end 2015"),
    ],
)
def test_new_lesson_date_hints_are_command_line_options(here, capsys, args, words):
    ran = isslearn(capsys, "new-lesson", "lesson1", *args)
    assert ran.code == 1
    assert words in ran.err
    assert "start=" not in ran.err and "end=" not in ran.err and "Lesson(" not in ran.err
    assert not list(here.iterdir())


def test_new_lesson_help_says_a_year_is_accepted(capsys):
    ran = isslearn(capsys, "new-lesson", "--help")
    assert ran.code == 0
    assert "a year (2015 means from 1 January 2015)" in " ".join(ran.out.split())


def test_new_lesson_fills_settings_and_refuses_overwrite(here, capsys):
    isslearn(capsys, "template", "quiz.yaml")
    ran = isslearn(
        capsys, "new-lesson", "first", "--dir", "lessons", "--start", "1998-01-01",
        "--quiz", "quiz.yaml",
    )  # fmt: skip
    assert ran.code == 0, ran.err
    path = here / "lessons" / "first.ipynb"
    notebook = json.loads(path.read_text("utf-8"))
    settings = next(c for c in notebook["cells"] if "settings" in c["metadata"].get("tags", []))
    assert "start='1998-01-01'" in settings["source"]
    assert "quiz_file='../quiz.yaml'" in settings["source"]  # relative to the notebook
    before = path.read_bytes()
    again = isslearn(capsys, "new-lesson", "first", "--dir", "lessons")
    assert again.code == 1 and "already exists" in again.err
    assert path.read_bytes() == before


def test_new_lesson_dir_that_is_a_file_says_so(here, capsys):
    (here / "notes.txt").write_text("mine", "utf-8")
    ran = isslearn(capsys, "new-lesson", "first", "--dir", "notes.txt")
    assert ran.code == 1
    assert (
        ran.err.strip()
        == "notes.txt: is a file, not a folder; choose another place for first.ipynb"
    )
    assert (here / "notes.txt").read_text("utf-8") == "mine"


@pytest.mark.kernel
def test_scaffolded_lesson_executes_passes_strict_nbval_and_hides_its_answer(here, capsys):
    import nbformat
    from nbclient import NotebookClient

    isslearn(capsys, "template", "quiz.yaml")
    ran = isslearn(capsys, "new-lesson", "lesson", "--end", "2011-12-31", "--quiz", "quiz.yaml")
    assert ran.code == 0, ran.err
    path = here / "lesson.ipynb"
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(here)}}).execute()
    nbformat.write(notebook, path)

    # The try-it exercise asks how many events are 'assembly'; its starter cell must not say.
    import isslearn as package

    lesson = package.Lesson(end="2011-12-31", quiz_file=str(here / "quiz.yaml"))
    answer = int((lesson.events()["category"] == "assembly").sum())
    cells = notebook.cells
    exercise = next(i for i, c in enumerate(cells) if c.source.startswith("---\n## Try it"))
    assert f"`{'assembly'}`" in cells[exercise].source
    starter = cells[exercise + 1]
    shown = "".join(
        out.get("text", "") + out.get("data", {}).get("text/plain", "") for out in starter.outputs
    )
    assert shown, "the starter cell should show the learner something to start from"
    leaking = [line for line in shown.splitlines() if "assembly" in line and str(answer) in line]
    assert not leaking, f"the starter cell prints the answer ({answer}): {leaking}"

    env = {**os.environ, "MPLBACKEND": "Agg"}
    env.pop("ISSLEARN_EVENTS", None)
    env.pop("ISSLEARN_QUIZ", None)
    nbval = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p",
         "no:cacheprovider", "-q", "lesson.ipynb"],
        capture_output=True, text=True, cwd=here, env=env, timeout=300,
    )  # fmt: skip
    assert nbval.returncode == 0, nbval.stdout[-3000:]
    assert " passed" in nbval.stdout and "failed" not in nbval.stdout


def test_new_lesson_refuses_settings_that_match_no_events(here, capsys):
    """new-lesson cannot write a lesson whose settings show nothing (a gap between events)."""
    ran = isslearn(capsys, "new-lesson", "gap", "--start", "1998-11-22", "--end", "1998-11-25")
    assert ran.code == 1
    assert "no events match these settings" in ran.err
    assert not (here / "gap.ipynb").exists()


def test_new_lesson_explorer_cell_draws_an_empty_state_for_no_events():
    """A teacher may still empty the events by hand-editing the lesson; the template's explorer
    cell then says nothing matches instead of failing (a year slider with no years did)."""
    from types import SimpleNamespace

    import nbformat

    import isslearn as package
    from isslearn.plots import NO_MATCH

    template = Path(package.__file__).parent / "templates" / "lesson.ipynb"
    cells = nbformat.read(template, as_version=4).cells
    explorer = next(c.source for c in cells if "event_timeline" in c.source)
    namespace = {
        "events": package.load_events().iloc[:0],
        "lesson": SimpleNamespace(start=None, end=None),
    }
    *setup, last = explorer.strip().splitlines()
    exec("\n".join(setup), namespace)
    shown = eval(last, namespace)
    assert shown.chart.description.startswith(NO_MATCH), shown.chart.description
