"""Where the commands write: '~' is the home folder in every output path (never a literal './~'
folder, which a later `rm -rf ~` would turn into a disaster), printouts go to the folder the
command runs in (not into the repository's notebooks/), a lesson that was never run gets no
empty handout, and a PDF finds Chromium, Chrome or Edge where each system installs it."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from clirun import isslearn

from isslearn.teacher.handout import CHROMIUM_VARIABLE, find_chromium


def run_lesson(folder: Path, name: str = "week.ipynb", *, ran: bool = True) -> Path:
    """A saved lesson with a code cell, with its output (as after Run All) or without."""
    cell = nbformat.v4.new_code_cell("print('Zarya launched in 1998')")
    if ran:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="Zarya 1998\n")]
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# ISS week\n\nRead this."), cell]
    )
    path = folder / name
    nbformat.write(notebook, path)
    return path


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder of its own, and the command run from another folder."""
    home, here = tmp_path / "home", tmp_path / "here"
    home.mkdir()
    here.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(here)
    return home


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["template", "~/t.xlsx"], "t.xlsx"),
        (["template", "~/quiz.yaml"], "quiz.yaml"),
        (["new-lesson", "week2", "--dir=~/isslessons"], "isslessons/week2.ipynb"),
        (["new-lesson", "week2", "--dir", "~/isslessons"], "isslessons/week2.ipynb"),
        (["handout", "../lesson/week.ipynb", "-o", "~/printed/h.html"], "printed/h.html"),
        (["handout", "~/week.ipynb", "-o", "~/"], "week.handout.html"),
        (["guide", "01", "-o", "~/g.html"], "g.html"),
        (["worksheet", "01", "-o", "~/w.html"], "w.html"),
    ],
)
def test_tilde_in_an_output_path_is_the_home_folder(home, capsys, args, written):
    run_lesson(home)
    (home.parent / "lesson").mkdir()
    run_lesson(home.parent / "lesson")
    ran = isslearn(capsys, *args)
    assert ran.code == 0, ran.text
    assert (home / written).is_file()
    assert not any(p.name == "~" for p in home.parent.rglob("~")), "a literal ~ folder was made"


def test_a_handout_goes_to_the_folder_the_command_runs_in(home, capsys, monkeypatch):
    lessons = home / "clone" / "notebooks"
    lessons.mkdir(parents=True)
    run_lesson(lessons, "01_assembly.ipynb")
    monkeypatch.chdir(home)
    monkeypatch.setattr("isslearn.teacher.handout.find_chromium", lambda: None)
    assert isslearn(capsys, "handout", "clone/notebooks/01_assembly.ipynb").code == 0
    assert (home / "01_assembly.handout.html").is_file()
    ran = isslearn(capsys, "handout", "clone/notebooks/01_assembly.ipynb", "--pdf")
    assert ran.code == 1 and "no PDF printer found" in ran.err
    assert sorted(p.name for p in lessons.iterdir()) == ["01_assembly.ipynb"]


def test_a_lesson_never_run_gets_no_empty_handout(home, capsys):
    lesson = run_lesson(home, ran=False)
    for answers in ([], ["--answers"]):
        ran = isslearn(capsys, "handout", str(lesson), *answers)
        assert ran.code == 1
        assert "this lesson has not been run" in ran.err and "Run All Cells" in ran.err
    assert sorted(p.name for p in home.iterdir()) == ["week.ipynb"]
    assert not list(Path().iterdir())


@pytest.mark.browser  # looks for a browser (starts none)
def test_chromium_is_found_where_windows_and_the_user_put_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv(CHROMIUM_VARIABLE, raising=False)
    for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)
    assert find_chromium() is None or find_chromium().startswith("/Applications/")
    edge = tmp_path / "Program Files (x86)" / "Microsoft" / "Edge" / "Application" / "msedge.exe"
    edge.parent.mkdir(parents=True)
    edge.write_bytes(b"")
    monkeypatch.setenv("PROGRAMFILES(X86)", str(tmp_path / "Program Files (x86)"))
    assert find_chromium() == str(edge)
    mine = tmp_path / "my chrome"
    mine.write_bytes(b"")
    monkeypatch.setenv(CHROMIUM_VARIABLE, str(mine))
    assert find_chromium() == str(mine)
    monkeypatch.setenv(CHROMIUM_VARIABLE, str(tmp_path / "gone"))
    assert find_chromium() is None


@pytest.mark.browser  # looks for a browser (starts none)
def test_chromium_on_the_path_is_found_by_any_of_its_names(tmp_path, monkeypatch):
    monkeypatch.delenv(CHROMIUM_VARIABLE, raising=False)
    chrome = tmp_path / "google-chrome-stable"
    chrome.write_text("#!/bin/sh\n")
    chrome.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_chromium() == str(chrome)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("ISS_week2", "ISS week2"),
        ("iss-and-esa", "ISS and ESA"),
        ("the_ISS_at_25", "The ISS at 25"),
    ],
)
def test_a_title_made_from_the_file_name_keeps_iss_in_capitals(home, capsys, name, title):
    assert isslearn(capsys, "new-lesson", name).code == 0
    notebook = nbformat.read(Path(f"{name}.ipynb"), as_version=4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert f"# {title}" in text, text[:300]
