"""Paths a teacher might type: no command writes over their files or prints a traceback.

Every case here failed before (a traceback, or a notebook or events file replaced by HTML).
The property test at the end throws odd paths at every subcommand.
"""

from __future__ import annotations

import os
import string
from pathlib import Path

import nbformat
import pytest
from clirun import isslearn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PROTECTED = [".ipynb", ".csv", ".tsv", ".yaml", ".yml", ".xlsx", ".ods", ".xls"]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A class folder: a small saved lesson, an events file, a plain file and a subfolder.

    A handout asked for as a PDF finds no Chromium here, so no path starts a browser (PDFs are
    printed by the tests marked browser)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("isslearn.teacher.handout.find_chromium", lambda: None)
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# A lesson\n\nText.")]
    )
    nbformat.write(notebook, tmp_path / "lesson.ipynb")
    (tmp_path / "my_events.csv").write_text("date,title\n2015-05-01,Radio contact\n", "utf-8")
    (tmp_path / "notes.txt").write_text("my notes", "utf-8")
    (tmp_path / "sub").mkdir()
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("suffix", PROTECTED)
@pytest.mark.parametrize("answers", [False, True])
def test_handout_never_writes_a_notebook_or_data_file(folder, capsys, suffix, answers):
    target = folder / f"mine{suffix}"
    target.write_bytes(b"a teacher's file")
    before = _snapshot(folder)
    for out in (target, folder / f"new{suffix}"):  # existing or not: the name is refused
        ran = isslearn(capsys, "handout", "lesson.ipynb", "-o", str(out), *["--answers"] * answers)
        assert ran.code == 1
        assert "never writes over notebooks or data" in ran.err
        assert "give a name ending in .html or .pdf" in ran.err
    assert _snapshot(folder) == before


def test_handout_over_its_own_notebook_and_events_file_is_refused(folder, capsys):
    before = _snapshot(folder)
    assert isslearn(capsys, "handout", "lesson.ipynb", "-o", "lesson.ipynb").code == 1
    assert isslearn(capsys, "handout", "lesson.ipynb", "-o", "my_events.csv").code == 1
    assert _snapshot(folder) == before


@pytest.mark.parametrize("suffix", PROTECTED)
def test_template_and_new_lesson_never_replace_a_file(folder, capsys, suffix):
    target = folder / f"mine{suffix}"
    target.write_bytes(b"a teacher's file")
    before = _snapshot(folder)
    assert isslearn(capsys, "template", str(target)).code == 1
    assert isslearn(capsys, "new-lesson", "lesson").code == 1
    assert _snapshot(folder) == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["template", "notes.txt/events.csv"], "notes.txt: is a file, not a folder"),
        (["template", "sub"], "sub: no template for this kind of file"),
        (["template", "sub/"], "no template for this kind of file"),
        (["new-lesson", "x", "--dir", "notes.txt"], "notes.txt: is a file, not a folder"),
        (["new-lesson", "x", "--events", "sub"], "sub:1: this is a folder"),
        (["new-lesson", "x", "--quiz", "gone.yaml"], "gone.yaml:1: file not found"),
        (["handout", "sub"], "sub: cannot read the notebook (this is a folder"),
        (["handout", "gone.ipynb"], "gone.ipynb: file not found"),
        (["handout", "notes.txt"], "notes.txt: this is not a Jupyter notebook"),
        (["handout", "lesson.ipynb/x.ipynb"], "lesson.ipynb/x.ipynb: cannot read the notebook"),
        (["handout", "lesson.ipynb", "-o", "notes.txt/a.html"], "notes.txt: is a file, not a"),
        (["handout", "lesson.ipynb", "-o", "notes.txt"], "notes.txt: a page cannot be written"),
        (["handout", "lesson.ipynb", "-o", "a.html", "--pdf"], "--pdf asks for a PDF"),
        (["guide", "99"], "99: no teacher's guide by this number or name"),
        (["guide", "lesson.ipynb"], "lesson.ipynb: no teacher's guide for this lesson"),
        (["check", "sub.csv"], "sub.csv:1: file not found"),
    ],
)
def test_bad_paths_get_one_line_and_a_fix(folder, capsys, args, message):
    before = _snapshot(folder)
    ran = isslearn(capsys, *args)
    assert ran.code == 1, ran.text
    assert message in ran.text
    assert _snapshot(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["lesson.ipynb", "my_events.csv", "notes.txt", "sub"]
    )


def test_handout_into_a_new_folder_or_a_missing_one(folder, capsys):
    ran = isslearn(capsys, "handout", "lesson.ipynb", "-o", "some_folder")
    assert ran.code == 0, ran.err
    assert (folder / "some_folder" / "lesson.handout.html").is_file()
    ran = isslearn(capsys, "handout", "lesson.ipynb", "-o", "sub", "--answers")
    assert ran.code == 0, ran.err
    assert (folder / "sub" / "lesson.key.html").is_file()
    ran = isslearn(capsys, "handout", "lesson.ipynb", "-o", "newdir/deeper/a.html")
    assert ran.code == 0, ran.err
    assert "A lesson" in (folder / "newdir" / "deeper" / "a.html").read_text("utf-8")


def test_handout_remade_replaces_its_own_html(folder, capsys):
    assert isslearn(capsys, "handout", "lesson.ipynb").code == 0
    assert isslearn(capsys, "handout", "lesson.ipynb").code == 0  # a second run just remakes it
    assert (folder / "lesson.handout.html").is_file()


# ---------------------------------------------------------------- property: any path at all

SUBCOMMANDS = [
    lambda p: ["check", p],
    lambda p: ["template", p],
    lambda p: ["new-lesson", "x", "--dir", p],
    lambda p: ["new-lesson", "x", "--events", p],
    lambda p: ["new-lesson", "x", "--quiz", p],
    lambda p: ["handout", p],
    lambda p: ["handout", "lesson.ipynb", "-o", p],
    lambda p: ["guide", p],
    lambda p: ["guide", "lesson.ipynb", "-o", p],
]

# A command line can hold any character but NUL; a path also meets existing names.
_piece = st.one_of(
    st.sampled_from(
        ["lesson.ipynb", "my_events.csv", "notes.txt", "sub", "..", ".", "~", "", "x" * 300]
    ),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
        max_size=12,
    ),
    st.text(alphabet=string.ascii_letters + "./-_", max_size=12),
)
_suffix = st.sampled_from(["", ".csv", ".yaml", ".ipynb", ".html", ".pdf", "/", ".xlsx"])
odd_paths = st.one_of(
    st.builds(lambda parts, end: "/".join(parts) + end, st.lists(_piece, max_size=4), _suffix),
    st.builds(os.fsdecode, st.binary(min_size=1, max_size=12).filter(lambda b: b"\x00" not in b)),
)


@pytest.mark.parametrize("path", ["~.csv", "~no-such-user/events.csv"])
@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_a_tilde_that_names_no_user_is_a_plain_path(folder, capsys, path, command):
    """Python's expanduser raises for '~.csv'; the command line says what is wrong instead."""
    ran = isslearn(capsys, *command(path))  # asserts no "Traceback" in the output
    assert ran.code in (0, 1, 2), ran.text
    assert "home directory" not in ran.text


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=odd_paths, command=st.sampled_from(SUBCOMMANDS))
def test_no_command_prints_a_traceback_for_any_path(folder, capsys, path, command):
    keep = {name: (folder / name).read_bytes() for name in ("lesson.ipynb", "my_events.csv")}
    ran = isslearn(capsys, *command(path))  # asserts no "Traceback" in the output
    assert ran.code in (0, 1, 2), ran.text
    if ran.code == 1:
        assert ran.text.strip(), "a refusal must say why"
    for name, content in keep.items():
        assert (folder / name).read_bytes() == content, f"{name} was changed"
