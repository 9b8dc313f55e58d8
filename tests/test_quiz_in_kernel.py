"""quiz.show in a real kernel: each item is ONE output (the live widget, with the static HTML and
plain text as its other formats), the same on every run, and what nbconvert (so nbviewer and
GitHub) renders from it holds the question once and no answer."""

from __future__ import annotations

import copy
import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from isslearn.quiz.notebook import WIDGET_STATE, static_quizzes
from isslearn.quiz.static import key_markdown

pytestmark = pytest.mark.kernel

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SOURCE = """\
from isslearn import quiz
quiz.show([
    quiz.MultipleChoice("Which module was launched first?", [
        quiz.Option("Zarya", True, "EXPLAINED"),
        quiz.Option("<b>Unity</b>", False, "WHY-UNITY"),
    ]),
    quiz.launch_order_question(n=3, seed=2),
    quiz.WrittenAnswer("Why two crews?", "MODEL-ANSWER", ("ALL", "SOME", "NONE")),
])
"""
SECRETS = ("EXPLAINED", "WHY-UNITY", "launched 20 Nov 1998", "MODEL-ANSWER", "Right order")


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


def test_each_item_is_one_output_live_and_static(outputs):
    """Before, each item was two outputs (widget, then a static twin) and a live notebook showed
    every question twice."""
    assert [o.output_type for o in outputs] == ["display_data"] * 3
    for output in outputs:
        assert set(output.data) == {WIDGET_VIEW, "text/html", "text/plain"}
    first = outputs[0].data
    assert "<strong>1. Which module was launched first?</strong>" in first["text/html"]
    assert "<li>B) &lt;b&gt;Unity&lt;/b&gt;</li>" in first["text/html"]
    assert first["text/plain"].splitlines()[0] == "1. Which module was launched first?"
    for output in outputs:
        shown = output.data["text/html"] + output.data["text/plain"]
        for secret in SECRETS:
            assert secret not in shown, secret


def test_the_metadata_carries_the_handouts_questions_and_a_packed_key(outputs):
    forms = outputs[0].metadata["isslearn"]["quiz"]
    assert forms["number"] == 1 and forms["origin"] == "lesson"
    assert forms["questions"].startswith("**1. Which module was launched first?**")
    for secret in SECRETS:
        assert secret not in str(outputs[0].metadata) + str(outputs[1].metadata), secret
    assert "EXPLAINED" in key_markdown(forms["item"]) and "WHY-UNITY" in key_markdown(forms["item"])
    order = key_markdown(outputs[1].metadata["isslearn"]["quiz"]["item"])
    assert "Right order" in order and "launched 20 Nov 1998" in order
    assert "MODEL-ANSWER" in key_markdown(outputs[2].metadata["isslearn"]["quiz"]["item"])


def test_saved_output_is_the_same_on_every_run(outputs, tmp_path):
    again = run_once(tmp_path).cells[0].outputs

    def stable(output):  # the widget's model id is new each run; nbval masks it
        data = {k: v for k, v in output.data.items() if k != WIDGET_VIEW}
        return data, output.metadata

    assert [stable(o) for o in again] == [stable(o) for o in outputs]


def exported(notebook) -> str:
    page, _ = HTMLExporter(exclude_input=True).from_notebook_node(notebook)
    return page


def test_nbconvert_shows_the_static_version_once_a_saved_lesson_drops_the_quiz_state(notebook):
    """nbconvert (as nbviewer and GitHub use it) renders a widget view whose model is in the
    saved widget state: an empty box without JavaScript or a kernel. static_quizzes, which
    `make lessons` runs, removes the quiz's views and models, so the static HTML is shown."""
    with_state = exported(notebook)
    assert 'class="isslearn-quiz-static"' not in with_state  # only the widget's script
    saved = copy.deepcopy(notebook)
    state = saved.metadata["widgets"][WIDGET_STATE]["state"]
    before = len(state)
    assert static_quizzes(saved) == 3
    assert len(state) < before
    assert not any(WIDGET_VIEW in o.data for o in saved.cells[0].outputs)
    page = exported(saved)
    assert page.count("Which module was launched first?") == 1
    assert page.count("Why two crews?") == 1
    for secret in SECRETS:
        assert secret not in page, secret
    assert re.search(r"<li>B\) &lt;b&gt;Unity&lt;/b&gt;</li>", page)


def test_a_quiz_saved_without_widget_state_shows_its_static_version(notebook):
    """JupyterLab saves no widget state by default: a learner's saved lesson shows the static
    question on GitHub even before static_quizzes runs."""
    plain = copy.deepcopy(notebook)
    del plain.metadata["widgets"]
    page = exported(plain)
    assert page.count("Which module was launched first?") == 1
    for secret in SECRETS:
        assert secret not in page
