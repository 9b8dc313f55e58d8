"""The quiz's static twin answered in Chromium with JavaScript off, as a reader of an exported
lesson (nbviewer-style HTML, the lessons' website, a locked-down school browser) would."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

pytestmark = pytest.mark.browser

SOURCE = """\
from isslearn import quiz
quiz.show(quiz.MultipleChoice("Which module was launched first?", [
    quiz.Option("Zarya", True, "EXPLAINED-ZARYA"),
    quiz.Option("Unity", False, "WHY-NOT-UNITY"),
    quiz.Option("Zvezda", False, "WHY-NOT-ZVEZDA"),
]))
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("static_quiz")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(SOURCE)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(folder)}}).execute()
    exporter = HTMLExporter(exclude_input=True)  # the page a reader sees: outputs, no code
    body, _ = exporter.from_notebook_node(notebook)  # widget state saved, as in the lessons
    path = folder / "lesson.html"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_reader_without_javascript_answers_by_opening_an_option(browser, exported):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(exported.as_uri(), wait_until="load")
        body = page.locator("body")
        assert "Which module was launched first?" in body.inner_text()
        feedback = {name: page.get_by_text(name) for name in ("WHY-NOT-UNITY", "EXPLAINED-ZARYA")}
        assert not feedback["WHY-NOT-UNITY"].is_visible()  # nothing given away before a choice
        page.get_by_text("B) Unity", exact=True).click()
        assert feedback["WHY-NOT-UNITY"].is_visible()
        assert "✘ Not this one." in page.locator("details[open]").inner_text()
        assert not feedback["EXPLAINED-ZARYA"].is_visible()  # trying again is still possible
        page.get_by_text("A) Zarya", exact=True).click()
        assert feedback["EXPLAINED-ZARYA"].is_visible()
    finally:
        context.close()
