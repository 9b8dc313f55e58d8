"""quiz.show in a real kernel: one output per item with the widget, the static twin a reader
can answer, and the handout's two forms in the metadata; the same output on every run."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

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


def run_once(folder):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(SOURCE)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(folder)}}).execute()
    return notebook.cells[0].outputs


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    return run_once(tmp_path_factory.mktemp("quiz"))


def test_each_item_is_one_output_with_widget_and_answerable_twin(outputs):
    assert [o.output_type for o in outputs] == ["display_data", "display_data"]
    first = outputs[0]
    assert "application/vnd.jupyter.widget-view+json" in first.data
    assert first.data["text/plain"] == "Quiz: Which module was launched first?"
    page = first.data["text/markdown"]
    assert "<details><summary>A) Zarya</summary>\n\n✔ Right. EXPLAINED" in page
    assert "<summary>B) &lt;b&gt;Unity&lt;/b&gt;</summary>\n\n✘ Not this one. WHY-UNITY" in page
    assert "<b>" not in page


def test_metadata_carries_questions_without_answers_and_the_key(outputs):
    forms = outputs[0].metadata["isslearn"]["quiz"]
    assert "EXPLAINED" not in forms["questions"] and "WHY-UNITY" not in forms["questions"]
    assert "EXPLAINED" in forms["key"] and "WHY-UNITY" in forms["key"]
    order = outputs[1].metadata["isslearn"]["quiz"]
    assert "launched 20 Nov 1998" not in order["questions"]
    assert "Right order" in order["key"] and "launched 20 Nov 1998" in order["key"]


def test_saved_output_is_the_same_on_every_run(outputs, tmp_path):
    again = run_once(tmp_path)

    def stable(output):  # the widget's model id is new each run; nbval masks it
        data = {k: v for k, v in output.data.items() if "widget" not in k}
        return data, output.metadata

    assert [stable(o) for o in again] == [stable(o) for o in outputs]
