"""Handouts: an executed lesson printed without code, widgets or answers (the key has them)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from nbclient import NotebookClient

from isslearn.teacher.guide import REQUIRED_SECTIONS

QUIZ = """\
- question: Is <b>Zarya</b> the oldest module?
  options:
    - text: Yes
      correct: true
      feedback: SECRET-RIGHT it launched first.
    - text: No
      feedback: SECRET-WRONG it did launch first.
"""


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    """A small executed lesson: a teacher's quiz, a figure, a widget and a tagged solution."""
    folder = tmp_path_factory.mktemp("handout")
    (folder / "quiz.yaml").write_text(QUIZ, encoding="utf-8")
    cells = [
        nbformat.v4.new_markdown_cell("# Station <i>history</i>\n\nSome text to read."),
        nbformat.v4.new_code_cell(
            "from isslearn import quiz\nquiz.show(quiz.load_quiz_file('quiz.yaml'))\n"
            "quiz.show(quiz.launch_order_question(n=3, seed=2))"
        ),
        nbformat.v4.new_code_cell(
            "import io\nfrom IPython.display import Image\nfrom matplotlib.figure import Figure\n"
            "fig = Figure()\nfig.subplots().plot([1, 2])\nbuf = io.BytesIO()\n"
            "fig.savefig(buf, format='png')\nImage(buf.getvalue())"
        ),
        nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.IntSlider(description='CODE-X')"),
        nbformat.v4.new_markdown_cell(
            "<details><summary>Solution</summary>SOLUTION-TEXT</details>",
            metadata={"tags": ["answers"]},
        ),
        nbformat.v4.new_markdown_cell(
            "## Try it\n\nHow many?\n\n<details>\n<summary>Show a solution</summary>\n\n"
            "```python\nDETAILS-SOLUTION = 1\n```\nDETAILS-EXPLAINED here.\n</details>"
        ),
        nbformat.v4.new_markdown_cell("Closing words.\n<DETAILS><summary>Hint</summary>UNCLOSED"),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(folder)}}).execute()
    path = folder / "lesson.ipynb"
    nbformat.write(notebook, path)
    (folder / "lesson.guide.md").write_text(GUIDE, encoding="utf-8")
    return path


GUIDE = (
    "# Teacher's guide: station history\n\n"
    + "".join(
        f"## {section}\n\nGUIDE-TEXT for {section.lower()}.\n\n" for section in REQUIRED_SECTIONS
    )
    + "| objective | assessed by |\n| --- | --- |\n| GUIDE-OBJECTIVE | quiz item 1 |\n"
)

LEARNERS_NEVER_SEE = (
    "SECRET-RIGHT", "SECRET-WRONG", "SOLUTION-TEXT", "Right order", "DETAILS-SOLUTION",
    "DETAILS-EXPLAINED", "Show a solution", "UNCLOSED", "GUIDE-TEXT", "GUIDE-OBJECTIVE",
)  # fmt: skip


@pytest.mark.kernel  # the lesson fixture runs a notebook
def test_handout_has_questions_but_no_answers_code_or_widgets(lesson, tmp_path):
    from isslearn.teacher.handout import write_handout

    page = write_handout(lesson, tmp_path).read_text("utf-8")
    assert "Is &lt;b&gt;Zarya&lt;/b&gt; the oldest module?" in page  # teacher HTML shown as text
    assert "<b>Zarya</b>" not in page
    assert "Put these modules in the order" in page
    for secret in LEARNERS_NEVER_SEE:
        assert secret not in page and secret not in plain(page)
    assert "Some text to read" in page and "How many?" in page and "Closing words." in page
    assert "quiz.show" not in page and "IntSlider" not in page and "CODE-X" not in page
    assert page.count("data:image/png;base64") == 1  # the figure is embedded
    assert "<title>Station &lt;i&gt;history&lt;/i&gt;</title>" in page
    assert "size: A4" in page and "break-inside: avoid" in page


@pytest.mark.kernel  # the lesson fixture runs a notebook
def test_teachers_key_has_answers_feedback_and_solutions(lesson, tmp_path):
    from isslearn.teacher.handout import write_handout

    page = write_handout(lesson, tmp_path, answers=True).read_text("utf-8")
    for secret in LEARNERS_NEVER_SEE:
        assert secret in plain(page)
    assert "<b>Zarya</b>" not in page
    assert re.search(r"<details open[^>]*>\s*<summary>Show a solution", page)  # printed open
    assert "<details>" not in page
    guide_at = page.index(
        "celltag_isslearn-guide", page.index("<body>")
    )  # the guide comes last, on its own page
    assert guide_at > page.index("Closing words.")
    assert "<td>GUIDE-OBJECTIVE</td>" in page  # its objectives table is a table


@pytest.mark.kernel  # the lesson fixture runs a notebook
def test_cli_handout_exit_codes_and_no_traceback(lesson, tmp_path):
    out = tmp_path / "sheet.html"
    done = subprocess.run(
        [sys.executable, "-m", "isslearn", "handout", str(lesson), "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Is &lt;b&gt;Zarya" in out.read_text("utf-8")
    missing = subprocess.run(
        [sys.executable, "-m", "isslearn", "handout", str(tmp_path / "nope.ipynb")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert missing.returncode == 1 and "file not found" in missing.stderr
    assert "Traceback" not in missing.stdout + missing.stderr


def plain(page: str) -> str:
    """A page's text as a reader sees it (tags dropped, so highlighted code reads whole)."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def pdf_text(pdf: bytes, tmp_path) -> str | None:
    """The text of a PDF by poppler's pdftotext, or None where poppler is not installed."""
    if shutil.which("pdftotext") is None:
        return None
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


@pytest.fixture
def chromium():
    from isslearn.teacher.handout import find_chromium

    if find_chromium() is None:
        pytest.skip("Chromium is not installed; the command says so instead of writing a PDF")


@pytest.mark.kernel
@pytest.mark.browser
@pytest.mark.parametrize("pdf_flag", [False, True])
def test_pdf_name_makes_a_real_pdf_of_the_handout(lesson, tmp_path, chromium, pdf_flag):
    """Before: `-o h.pdf` wrote HTML into h.pdf, and with --pdf Chromium opened that .pdf
    name as a PDF and printed one blank page over it (about 1 KB, no text, no figure)."""
    from isslearn.teacher.handout import write_handout

    written = write_handout(lesson, tmp_path / "h.pdf", pdf=pdf_flag)
    pdf = written.read_bytes()
    assert written == tmp_path / "h.pdf" and pdf.startswith(b"%PDF")
    assert b"/Subtype /Image" in pdf, "the lesson's figure is not in the PDF"
    assert len(pdf) > 10_000
    text = pdf_text(pdf, tmp_path)
    if text is not None:
        assert "Station" in text and "Some text to read" in text
        assert "Is <b>Zarya</b> the oldest module?" in text
        for secret in LEARNERS_NEVER_SEE:
            assert secret not in text


@pytest.mark.kernel
@pytest.mark.browser
def test_teachers_key_pdf_prints_solutions_and_guide(lesson, tmp_path, chromium):
    from isslearn.teacher.handout import write_handout

    written = write_handout(lesson, tmp_path, answers=True, pdf=True)
    assert written == tmp_path / "lesson.key.pdf"
    text = pdf_text(written.read_bytes(), tmp_path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed to read the PDF's text")
    for secret in LEARNERS_NEVER_SEE:
        assert secret in text, f"{secret} is missing from the printed key"


def test_the_lessons_solutions_stay_out_of_the_learners_handout():
    """Every lesson's try-it solution is a <details> block; the handout must not carry it."""
    from isslearn.teacher.handout import handout_html

    lessons = Path(__file__).resolve().parent.parent / "notebooks"
    for notebook in sorted(lessons.glob("0*.ipynb")):
        sources = ["".join(cell["source"]) for cell in nbformat.read(notebook, as_version=4).cells]
        solutions = [s for s in sources if "<details" in s]
        page = handout_html(notebook)
        assert "<details" not in page and "Show a solution" not in page, notebook.name
        key = handout_html(notebook, answers=True)
        assert key.count("<details open") >= len(solutions) > 0, notebook.name


def _saved_quiz_lesson(folder: Path, own: int, theirs: int) -> Path:
    """A saved lesson 01 whose quiz asked ``own`` of its own questions, then ``theirs`` from a
    class file, as `lesson.quiz("01")` saves them (no kernel needed to build the outputs)."""
    from isslearn import quiz
    from isslearn.quiz.notebook import WIDGET_VIEW, quiz_bundle

    outputs = []
    asked = [
        *quiz.lesson_quiz("01")[:own],
        *[quiz.launch_order_question(seed=n) for n in range(theirs)],
    ]
    for number, item in enumerate(asked, start=1):
        data, metadata = quiz_bundle(item, number, "lesson" if number <= own else "class.yaml")
        data.pop(WIDGET_VIEW)
        outputs.append(nbformat.v4.new_output("display_data", data=data, metadata=metadata))
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 01 · Test"),
            nbformat.v4.new_code_cell("", outputs=outputs),
        ]
    )
    path = folder / "01_assembly.ipynb"
    nbformat.write(notebook, path)
    return path


@pytest.mark.parametrize(
    "own, theirs, says",
    [
        (3, 2, "Questions 1 to 3 were the lesson's own: the guide's quiz key below lists them "
               "as Q1 to Q3. Questions 4 and 5 came from your quiz file (class.yaml)"),
        (0, 2, "This lesson asked only the questions of your quiz file (class.yaml), "
               "numbered 1 and 2"),
        (3, 0, None),
    ],
)  # fmt: skip
def test_the_key_says_which_questions_the_guides_key_numbers(tmp_path, own, theirs, says):
    """Issue 23: a class quiz replaced a lesson's questions, and the key then ended with a guide
    whose quiz key listed the lesson's original answers, without a word."""
    from isslearn.teacher.handout import handout_html

    key = plain(handout_html(_saved_quiz_lesson(tmp_path, own, theirs), answers=True))
    if says is None:
        assert "About the quiz key" not in key
    else:
        assert says in " ".join(key.split())
        assert key.index("About the quiz key") < key.index("Teacher's guide: 01")


def test_a_french_lessons_key_is_french_in_an_english_terminal(tmp_path, capsys):
    """The key's own words follow the lesson's folder (notebooks/fr/), the message the
    terminal's language, and the key ends with the French guide."""
    from clirun import isslearn

    lesson = REPO / "notebooks" / "fr" / "01_assembly.ipynb"
    out = tmp_path / "cle.html"
    ran = isslearn(capsys, "handout", str(lesson), "--answers", "-o", str(out))
    assert ran.code == 0, ran.err
    assert "teacher's key written" in ran.out and "guides/fr/01_assembly.md" in ran.out
    key = html.unescape(out.read_text("utf-8"))
    assert re.search(r"Réponse\s:", key) and "Answer:" not in key
    assert '<html lang="fr">' in key
    assert "Avant le cours" in key
