"""Handouts: an executed lesson printed without code, widgets or answers (the key has them)."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

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
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(folder)}}).execute()
    path = folder / "lesson.ipynb"
    nbformat.write(notebook, path)
    return path


def test_handout_has_questions_but_no_answers_code_or_widgets(lesson):
    from isslearn.handout import write_handout

    page = write_handout(lesson).read_text("utf-8")
    assert "Is &lt;b&gt;Zarya&lt;/b&gt; the oldest module?" in page  # teacher HTML shown as text
    assert "<b>Zarya</b>" not in page
    assert "Put these modules in the order" in page
    for secret in ("SECRET-RIGHT", "SECRET-WRONG", "SOLUTION-TEXT", "Right order"):
        assert secret not in page
    assert "quiz.show" not in page and "IntSlider" not in page and "CODE-X" not in page
    assert page.count("data:image/png;base64") == 1  # the figure is embedded
    assert "<title>Station &lt;i&gt;history&lt;/i&gt;</title>" in page
    assert "size: A4" in page and "break-inside: avoid" in page


def test_teachers_key_has_answers_feedback_and_solutions(lesson):
    from isslearn.handout import write_handout

    page = write_handout(lesson, answers=True).read_text("utf-8")
    for secret in ("SECRET-RIGHT", "SECRET-WRONG", "SOLUTION-TEXT", "Right order"):
        assert secret in page
    assert "<b>Zarya</b>" not in page


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


def test_pdf_when_chromium_is_installed(lesson, tmp_path):
    from isslearn.handout import find_chromium, to_pdf, write_handout

    if find_chromium() is None:
        pytest.skip("Chromium is not installed; the CLI says so instead of writing a PDF")
    pdf = to_pdf(write_handout(lesson, tmp_path / "h.html"), tmp_path / "h.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
