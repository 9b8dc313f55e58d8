"""The quiz in a real Chromium: a learner answers a live quiz in JupyterLab (wrong, then right,
then a written answer compared with its model answer), and a reader with JavaScript off sees a
saved lesson's questions once each, with no answer in the page, as on GitHub or nbviewer.

The website's quiz (each answer on a page of its own) is read in tests/browser/
test_book_in_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbconvert import HTMLExporter

from isslearn import quiz

from .lab_driver import answer_quiz, clear_and_run_all, open_notebook, shut_down_kernels

pytestmark = [pytest.mark.browser, pytest.mark.kernel]

REPO = Path(__file__).resolve().parents[2]
SOURCE = """\
from isslearn import quiz
quiz.show([
    quiz.MultipleChoice("Which module was launched first?", [
        quiz.Option("Unity", False, "WHY-NOT-UNITY"),
        quiz.Option("Zarya", True, "EXPLAINED-ZARYA"),
        quiz.Option("Zvezda", False, "WHY-NOT-ZVEZDA"),
    ]),
    quiz.WrittenAnswer("Why did assembly stop in 2003?", "MODEL-ANSWER",
                       ("ALL-OF-IT", "SOME-OF-IT", "NONE-OF-IT")),
])
"""


@pytest.fixture
def quiz_page(lab_server, page):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(SOURCE)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, lab_server.root / "quiz_check.ipynb")  # the served copy only
    open_notebook(page, lab_server.lab_url("quiz_check.ipynb", workspace="quiz-check"))
    clear_and_run_all(page)
    yield page
    shut_down_kernels(lab_server.url, lab_server.token)


def test_a_learner_answers_a_live_quiz_wrong_then_right(quiz_page):
    live = quiz_page.locator(".isslearn-quiz")
    assert live.count() == 2
    outputs = quiz_page.locator(".jp-OutputArea")
    assert outputs.get_by_text("Which module was launched first?").count() == 1  # once
    assert not quiz_page.locator(".isslearn-quiz-static").count()
    choice, written = live.nth(0), live.nth(1)
    wrong = answer_quiz(choice, option=2)
    assert "Not yet" in wrong and "WHY-NOT-ZVEZDA" in wrong and "Try again" in wrong
    assert "EXPLAINED-ZARYA" not in wrong and "Zarya" not in wrong
    right = answer_quiz(choice, option=1)
    assert "Right" in right and "EXPLAINED-ZARYA" in right
    assert "MODEL-ANSWER" not in written.inner_text()  # not before the learner has written
    written.locator(".isslearn-quiz-check").click()
    feedback = written.locator(".isslearn-quiz-feedback")
    feedback.get_by_text("Write your answer first").wait_for()
    compared = answer_quiz(written)
    for shown in ("MODEL-ANSWER", "ALL-OF-IT", "SOME-OF-IT", "NONE-OF-IT", "Partly there"):
        assert shown in compared


@pytest.fixture(scope="module")
def exported_lesson(tmp_path_factory):
    """Lesson 01 as saved, exported the way GitHub and nbviewer render a notebook."""
    notebook = nbformat.read(REPO / "notebooks" / "01_assembly.ipynb", as_version=4)
    page, _ = HTMLExporter().from_notebook_node(notebook)
    path = tmp_path_factory.mktemp("exported") / "01_assembly.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_a_saved_lesson_read_without_javascript_asks_each_question_once(browser, exported_lesson):
    source = exported_lesson.read_text(encoding="utf-8")
    items = quiz.lesson_quiz("01")
    for item in items:
        feedback = getattr(item, "options", ())
        for option in feedback:
            assert option.feedback[:40] not in source, option.feedback
        for secret in (getattr(item, "model_answer", ""), *getattr(item, "checklist", ())):
            assert not secret or secret[:40] not in source
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(exported_lesson.as_uri(), wait_until="load")
        text = " ".join(page.locator("body").inner_text().split())
        for number, item in enumerate(items, start=1):
            title = " ".join(item.title.split())
            assert text.count(f"{number}. {title}") == 1, title
        blocks = page.locator(".isslearn-quiz-static")
        assert blocks.count() == len(items)
        assert all(blocks.nth(i).is_visible() for i in range(blocks.count()))
        assert re.search(r"Run this cell to answer here", text)
    finally:
        context.close()
