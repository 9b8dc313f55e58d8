"""`isslearn lessons [FOLDER]`: the lessons copied out to open in Jupyter, never over a file.

Here the lessons come from the checkout's notebooks/ (what an editable install reads); the
installed wheel, which carries them as package data, is tested in tests/test_release.py.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path, PurePosixPath

import pytest
from clirun import isslearn
from conftest import REPO

from isslearn.teacher.lessons import DEFAULT_FOLDER, copy_lessons

NOTEBOOKS = REPO / "notebooks"


def tracked_lesson_files() -> dict[str, bytes]:
    """Every file git tracks under notebooks/, by its path inside that folder."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "notebooks"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    return {
        str(PurePosixPath(name).relative_to("notebooks")): (REPO / name).read_bytes()
        for name in listed
        if name and (REPO / name).is_file()
    }


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_copies_every_lesson_file_into_a_new_folder(tmp_path, capsys):
    target = tmp_path / "class" / "lessons"
    ran = isslearn(capsys, "lessons", str(target))
    assert ran.code == 0, ran.text
    assert _files(target) == tracked_lesson_files()
    count = len(tracked_lesson_files())
    assert ran.out.splitlines() == [
        f"{target}: {count} lesson file(s) copied; start with {target / '00_start_here.ipynb'}"
        " in Jupyter"
    ]


def test_default_folder_is_isslearn_lessons_here(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    ran = isslearn(capsys, "lessons")
    assert ran.code == 0, ran.text
    assert (tmp_path / DEFAULT_FOLDER / "00_start_here.ipynb").is_file()
    assert (tmp_path / DEFAULT_FOLDER / "glossary.md").is_file()


def test_never_replaces_a_file_and_names_each_one_it_kept(tmp_path, capsys):
    target = tmp_path / "lessons"
    isslearn(capsys, "lessons", str(target))
    changed = target / "02_crew.ipynb"
    changed.write_text('{"my": "work"}', encoding="utf-8")
    (target / "glossary.md").unlink()
    (target / "examples").rename(tmp_path / "moved-away")
    (target / "examples").mkdir()
    (target / "examples" / "our_class.xlsx").write_bytes(b"my own workbook")

    # every file that is there, changed or not, in the order the command walks the folder
    kept = sorted(
        (name for name in tracked_lesson_files() if (target / name).is_file()),
        key=lambda name: PurePosixPath(name).parts,
    )
    ran = isslearn(capsys, "lessons", str(target))
    assert ran.code == 0, ran.text
    assert changed.read_text(encoding="utf-8") == '{"my": "work"}'
    assert (target / "examples" / "our_class.xlsx").read_bytes() == b"my own workbook"
    assert (target / "glossary.md").read_bytes() == (NOTEBOOKS / "glossary.md").read_bytes()
    lines = ran.out.splitlines()
    assert "02_crew.ipynb" in kept and "examples/our_class.xlsx" in kept
    assert lines[:-1] == [
        f"{target / name}: already there, left as it is (not copied)" for name in kept
    ]
    copied = len(tracked_lesson_files()) - len(kept)  # the glossary and 4 of the 5 examples
    assert lines[-1].startswith(
        f"{target}: {copied} lesson file(s) copied, {len(kept)} already there (not replaced)"
    )


def test_a_second_run_copies_nothing_and_says_so(tmp_path, capsys):
    isslearn(capsys, "lessons", str(tmp_path))
    before = _files(tmp_path)
    ran = isslearn(capsys, "lessons", str(tmp_path))
    assert ran.code == 0
    assert _files(tmp_path) == before
    assert "nothing copied, every lesson file is already there" in ran.out.splitlines()[-1]


def test_a_symlink_in_the_way_is_kept_not_followed(tmp_path, capsys):
    outside = tmp_path / "outside.md"
    outside.write_text("mine", encoding="utf-8")
    target = tmp_path / "lessons"
    target.mkdir()
    (target / "glossary.md").symlink_to(outside)
    (target / "00_start_here.ipynb").symlink_to(tmp_path / "missing.ipynb")  # broken link
    ran = isslearn(capsys, "lessons", str(target))
    assert ran.code == 0, ran.text
    assert outside.read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "missing.ipynb").exists()
    assert f"{target / 'glossary.md'}: already there" in ran.out


def test_a_file_given_as_the_folder_is_refused_in_one_line(tmp_path, capsys):
    blocker = tmp_path / "lessons.txt"
    blocker.write_text("notes", encoding="utf-8")
    ran = isslearn(capsys, "lessons", str(blocker))
    assert ran.code == 1
    assert ran.err.strip() == f"{blocker}: is a file, not a folder; give a folder for the lessons"
    assert blocker.read_text(encoding="utf-8") == "notes"


def test_tilde_means_the_home_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    ran = isslearn(capsys, "lessons", "~/iss")
    assert ran.code == 0, ran.text
    assert (tmp_path / "home" / "iss" / "01_assembly.ipynb").is_file()
    assert not (tmp_path / "~").exists()


@pytest.mark.parametrize("path", ["~.csv", "~no-such-user/x", "x" * 300, "a/" + "y" * 300, "."])
def test_odd_folders_give_a_line_or_a_copy_never_a_traceback(tmp_path, monkeypatch, capsys, path):
    monkeypatch.chdir(tmp_path)
    ran = isslearn(capsys, "lessons", path)  # asserts no "Traceback"
    assert ran.code in (0, 1), ran.text
    if ran.code == 1:
        assert ran.err.strip() and len(ran.err.strip().splitlines()) == 1, ran.err


def test_checkpoints_and_caches_are_never_copied(tmp_path):
    source = tmp_path / "source"
    (source / ".ipynb_checkpoints").mkdir(parents=True)
    (source / ".ipynb_checkpoints" / "01-checkpoint.ipynb").write_text("{}")
    (source / "__pycache__").mkdir()
    (source / "01.ipynb").write_text("{}")
    done = copy_lessons(tmp_path / "out", source=source)
    assert done.copied == [PurePosixPath("01.ipynb")]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["01.ipynb"]


def _relative_links(notebook: Path) -> set[str]:
    """The files a lesson points at: Markdown links and quoted file names in its code."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found: set[str] = set()
    for cell in cells:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            found |= {m for m in re.findall(r"\]\(([^)\s]+)\)", text) if ":" not in m}
        else:
            found |= set(re.findall(r"[\"'](examples/[^\"']+)[\"']", text))
    return {link.split("#")[0] for link in found if link.split("#")[0]}


@pytest.mark.parametrize("lesson", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_everything_a_lesson_links_to_is_in_the_copy(lesson, tmp_path):
    copy_lessons(tmp_path)
    links = _relative_links(lesson)
    missing = sorted(link for link in links if not (tmp_path / link).is_file())
    assert not missing, f"{lesson.name} links to files the copy lacks: {missing}"
