"""quiz.show in a real kernel: per item, the live widget and then its static twin (which a reader
can answer, and which carries the handout's forms); the same output on every run; and the twin
survives nbconvert's HTML export of a notebook saved with its widget state."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SOURCE = """\
from isslearn import quiz
quiz.show([
    quiz.MultipleChoice("Which module was launched first?", [
        quiz.Option("Zarya", True, "EXPLAINED"),
        quiz.Option("<b>Unity</b>", False, "WHY-UNITY"),
    ]),
    quiz.launch_order_question(n=3, seed=2),
])
"""


def run_once(folder, source=SOURCE):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


@pytest.fixture(scope="module")
def notebook(tmp_path_factory):
    return run_once(tmp_path_factory.mktemp("quiz"))


@pytest.fixture(scope="module")
def outputs(notebook):
    return notebook.cells[0].outputs


def test_each_item_is_a_live_widget_then_an_answerable_twin(outputs):
    assert [o.output_type for o in outputs] == ["display_data"] * 4
    live, twin = outputs[0], outputs[1]
    assert set(live.data) == {WIDGET_VIEW, "text/plain"}
    assert live.data["text/plain"] == "Quiz: Which module was launched first?"
    assert WIDGET_VIEW not in twin.data
    page = twin.data["text/markdown"]
    assert page.startswith("**Which module was launched first?**")
    assert "<details><summary>A) Zarya</summary>\n\n✔ Right. EXPLAINED" in page
    assert "<summary>B) &lt;b&gt;Unity&lt;/b&gt;</summary>\n\n✘ Not this one. WHY-UNITY" in page
    assert "<b>" not in page
    assert "EXPLAINED" not in twin.data["text/plain"]  # plain text: the questions only


def test_the_twin_carries_questions_without_answers_and_the_key(outputs):
    assert "isslearn" not in outputs[0].metadata  # the handout drops the live widget
    forms = outputs[1].metadata["isslearn"]["quiz"]
    assert "EXPLAINED" not in forms["questions"] and "WHY-UNITY" not in forms["questions"]
    assert "EXPLAINED" in forms["key"] and "WHY-UNITY" in forms["key"]
    order = outputs[3].metadata["isslearn"]["quiz"]
    assert "launched 20 Nov 1998" not in order["questions"]
    assert "Right order" in order["key"] and "launched 20 Nov 1998" in order["key"]


def test_saved_output_is_the_same_on_every_run(outputs, tmp_path):
    again = run_once(tmp_path).cells[0].outputs

    def stable(output):  # the widget's model id is new each run; nbval masks it
        data = {k: v for k, v in output.data.items() if k != WIDGET_VIEW}
        return data, output.metadata

    assert [stable(o) for o in again] == [stable(o) for o in outputs]


def test_html_export_with_widget_state_still_shows_the_twin(notebook):
    """nbconvert prefers the widget view of an output when the widget state is saved (as in
    the lessons); the twin, being its own output, is exported as HTML anyway."""
    assert notebook.metadata["widgets"]  # saved as the lessons are
    page, _ = HTMLExporter().from_notebook_node(notebook)
    assert "<details><summary>B) &lt;b&gt;Unity&lt;/b&gt;</summary>" in page
    assert "✘ Not this one. WHY-UNITY" in page
    assert "<details><summary>The right order</summary>" in page
