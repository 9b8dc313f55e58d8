"""Teachers' guides: found by a lesson's number, name or notebook, printed offline, and kept
out of the learners' handout (tests/test_handout.py checks that side)."""

from __future__ import annotations

import html
import re

import nbformat
import pytest
from clirun import isslearn
from conftest import REPO

from isslearn.errors import GuideError
from isslearn.teacher import guide as guides
from isslearn.teacher.guide import REQUIRED_SECTIONS, find_guide, missing_sections, shipped_guides

GUIDE = (
    "# Teacher's guide: building the station\n\n"
    + "".join(f"## {s}\n\nNotes on {s.lower()}.\n\n" for s in REQUIRED_SECTIONS)
    + "| objective | assessed by |\n| --- | --- |\n| name the first module | quiz item 1 |\n"
    + "\nA <script>alert(1)</script> never runs on paper.\n"
)


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """Guides installed with isslearn, as the lessons' helpers ship them (NN_name.md)."""
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "00_start_here.md").write_text("# Guide zero\n\n## Discussion prompts\n", "utf-8")
    (folder / "01_assembly.md").write_text(GUIDE, "utf-8")
    monkeypatch.setattr(guides, "_guides_folder", lambda: folder)
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.mark.parametrize(
    "lesson",
    ["01", "1", "01_assembly", "assembly", "01_assembly.md", "notebooks/01_assembly.ipynb"],
)
def test_a_lesson_is_found_by_number_name_or_notebook(shipped, lesson):
    found = find_guide(lesson)
    assert (found.lesson, found.location) == ("01_assembly", "isslearn/guides/01_assembly.md")
    assert found.title == "Teacher's guide: building the station"


def test_a_guide_beside_a_teachers_notebook_comes_first(shipped, tmp_path):
    (tmp_path / "01_assembly.guide.md").write_text("# Mine\n", "utf-8")
    assert find_guide(tmp_path / "01_assembly.ipynb").text == "# Mine\n"
    assert find_guide("01").text == GUIDE  # a number still means the shipped guide


def test_unknown_lesson_lists_the_guides_there_are(shipped):
    with pytest.raises(GuideError, match=r"guides: 00_start_here, 01_assembly\)"):
        find_guide("07")


def test_missing_sections_lists_what_a_guide_lacks():
    assert missing_sections(GUIDE) == []
    assert missing_sections("# G\n\n## Discussion prompts\n") == [
        s for s in REQUIRED_SECTIONS if s != "Discussion prompts"
    ]


def test_guide_command_writes_a_printable_offline_page(shipped, tmp_path, capsys):
    ran = isslearn(capsys, "guide", "01")
    assert ran.code == 0, ran.err
    assert ran.out.strip() == (
        "01_assembly.guide.html: teacher's guide written (from isslearn/guides/01_assembly.md)"
    )
    page = (tmp_path / "01_assembly.guide.html").read_text("utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    for section in REQUIRED_SECTIONS:
        assert f"Notes on {section.lower()}." in text
    assert "<td>name the first module</td>" in page  # the objectives map is a table
    assert "size: A4" in page  # the handouts' stylesheet
    assert "<title>Teacher's guide: building the station</title>" in html.unescape(page)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "the page loads from the web"
    assert "content=\"default-src 'none'; img-src data:;" in page  # no script, nothing fetched


def test_guide_command_to_a_folder_and_for_a_notebook(shipped, tmp_path, capsys):
    notebook = tmp_path / "lessons" / "01_assembly.ipynb"
    notebook.parent.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), notebook)
    ran = isslearn(capsys, "guide", str(notebook))
    assert ran.code == 0, ran.err
    assert (tmp_path / "01_assembly.guide.html").is_file()  # here, not among the lessons
    assert not (tmp_path / "lessons" / "01_assembly.guide.html").exists()
    ran = isslearn(capsys, "guide", "assembly", "-o", "printouts")
    assert ran.code == 0, ran.err
    assert (tmp_path / "printouts" / "01_assembly.guide.html").is_file()


@pytest.mark.browser
def test_guide_as_pdf(shipped, tmp_path, capsys):
    from test_handout import pdf_text

    from isslearn.teacher.handout import find_chromium

    if find_chromium() is None:
        pytest.skip("Chromium is not installed")
    ran = isslearn(capsys, "guide", "01", "-o", "guide.pdf")
    assert ran.code == 0, ran.err
    pdf = (tmp_path / "guide.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
    text = pdf_text(pdf, tmp_path)
    if text is not None:
        assert "Timed plan" in text and "Notes on sensitive topics." in text


def test_teachers_key_of_a_lesson_ends_with_its_shipped_guide(shipped, tmp_path, capsys):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Lesson one")])
    nbformat.write(notebook, tmp_path / "01_assembly.ipynb")
    ran = isslearn(capsys, "handout", "01_assembly.ipynb", "--answers")
    assert ran.code == 0, ran.err
    assert "ends with the teacher's guide isslearn/guides/01_assembly.md" in ran.out
    key = (tmp_path / "01_assembly.key.html").read_text("utf-8")
    assert "Notes on misconceptions." in key
    assert isslearn(capsys, "handout", "01_assembly.ipynb").code == 0
    assert "Notes on" not in (tmp_path / "01_assembly.handout.html").read_text("utf-8")


def test_every_shipped_guide_has_every_section():
    """The lessons' own guides (isslearn/guides/NN_name.md) as the issue asks for them."""
    found = shipped_guides()
    lessons = {p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert lessons and set(found) >= lessons, (
        f"lessons without a shipped guide: {lessons - set(found)}"
    )
    lacking = {
        name: missing_sections(item.read_text(encoding="utf-8")) for name, item in found.items()
    }
    assert not {name: gaps for name, gaps in lacking.items() if gaps}


def test_a_guide_is_in_the_language_of_its_lesson(tmp_path, monkeypatch, capsys):
    """The French lesson's key ends with the French guide; a lesson named by number gets the
    guide in the command line's language (its locale), English otherwise."""
    from isslearn.language import set_language

    english, french = find_guide("01"), find_guide(REPO / "notebooks" / "fr" / "01_assembly.ipynb")
    assert english.location == "isslearn/guides/01_assembly.md"
    assert french.location == "isslearn/guides/fr/01_assembly.md"
    assert french.text != english.text and "Avant le cours" in french.text
    set_language("fr")
    try:
        assert find_guide("01").location == "isslearn/guides/fr/01_assembly.md"
        assert set(shipped_guides()) == set(shipped_guides("en"))
    finally:
        set_language("en")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    ran = isslearn(capsys, "guide", "01")
    assert ran.code == 0, ran.err
    assert "isslearn/guides/fr/01_assembly.md" in ran.out
    page = (tmp_path / "01_assembly.guide.html").read_text("utf-8")
    assert "Avant le cours" in html.unescape(page)
