"""A broken class-wide file in a real kernel: one clear message, and every later cell still runs.

Learners cannot fix ``ISSLEARN_EVENTS`` or ``ISSLEARN_QUIZ``; before, they met a red traceback in
the settings cell and a ``NameError`` in every cell after it.
"""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.kernel

CELLS = [
    # the settings cell every lesson starts with
    "import isslearn\nfrom isslearn import quiz\n\nlesson = isslearn.Lesson()\nlesson",
    "events = lesson.events()\nlen(events) == len(isslearn.load_events())",
    "sorted(set(isslearn.annotate(lesson.events(annotated=False))['origin']))",  # as lesson 01
    "items = lesson.quiz(default=lambda: [quiz.launch_order_question(seed=1)])\nlen(items)",
]


def run_cells(tmp_path, monkeypatch, **env: str) -> list[dict]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    NotebookClient(
        nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    return [cell["outputs"] for cell in nb.cells]


def texts(outputs: list[dict], kind: str) -> str:
    if kind == "stderr":
        return "".join(o["text"] for o in outputs if o.get("name") == "stderr")
    return "".join(o["data"]["text/plain"] for o in outputs if o["output_type"] == kind)


def test_broken_class_files_give_one_message_and_the_lesson_goes_on(tmp_path, monkeypatch):
    events = tmp_path / "class events.csv"
    events.write_text('date,title\n2024-10-10,"Our class saw the ISS\n2025-13-12,Radio\n', "utf-8")
    quiz = tmp_path / "class quiz.yaml"
    quiz.write_text("- question: Which came first?\n  options: [Zarya\n", "utf-8")
    before = events.read_bytes(), quiz.read_bytes()

    outputs = run_cells(tmp_path, monkeypatch, ISSLEARN_EVENTS=str(events), ISSLEARN_QUIZ=str(quiz))

    for cell in outputs:
        assert not [o for o in cell if o["output_type"] == "error"], cell
    settings_err = texts(outputs[0], "stderr")
    assert "Traceback" not in settings_err
    lines = settings_err.strip().splitlines()
    assert len(lines) == 2, settings_err  # one line per broken variable, nothing else
    assert lines[0].startswith(f"Note: ISSLEARN_EVENTS is set to {events}, but that file")
    assert lines[1].startswith(f"Note: ISSLEARN_QUIZ is set to {quiz}, but that file")
    for line in lines:
        assert "ask your teacher" in line
    assert "not used (the file has problems)" in texts(outputs[0], "execute_result")
    assert texts(outputs[1], "execute_result") == "True"
    assert texts(outputs[2], "execute_result") == "['built-in']"
    assert texts(outputs[3], "execute_result") == "1"  # the lesson's own question
    for later in outputs[1:]:
        assert texts(later, "stderr") == "", "the message is shown once, not in every cell"
    assert (events.read_bytes(), quiz.read_bytes()) == before


SETTINGS_CELL = (
    "import isslearn\n\nlesson = isslearn.Lesson(events_file={!r}, quiz_file={!r})\nlesson"
)


def run_lesson(tmp_path, monkeypatch, events_file: str, quiz_file: str) -> list[dict]:
    monkeypatch.delenv("ISSLEARN_EVENTS", raising=False)
    monkeypatch.delenv("ISSLEARN_QUIZ", raising=False)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    cells = [SETTINGS_CELL.format(events_file, quiz_file), *CELLS[1:3], 'len(lesson.quiz("01"))']
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(
        nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    return [cell["outputs"] for cell in nb.cells]


@pytest.mark.parametrize("events_name", ["my_class.xlsx", "moved.xlsx", "~/moved/my_class.xlsx"])
def test_a_bad_file_in_the_settings_cell_is_listed_and_every_later_cell_runs(
    tmp_path, monkeypatch, events_name
):
    """A wrong date in the workbook, or a file that was moved: the settings cell says so calmly
    (no traceback), `lesson` exists, and the lesson goes on with the built-in events."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Events"
    book.active.append(["date", "title"])
    book.active.append(["2021-13-40", "Our class talked to the crew"])
    book.save(tmp_path / "my_class.xlsx")
    (tmp_path / "quiz.csv").write_text("date,title\n2021-05-04,Not a quiz\n", "utf-8")

    outputs = run_lesson(tmp_path, monkeypatch, events_name, "quiz.csv")

    for cell in outputs:
        assert not [o for o in cell if o["output_type"] == "error"], cell
    said = texts(outputs[0], "stderr")
    assert "Traceback" not in said
    assert f"events_file='{events_name}' cannot be used" in said
    if events_name == "my_class.xlsx":
        assert "sheet 'Events', cell A2: column 'date'" in said
    else:
        assert "file not found" in said
    assert "quiz_file='quiz.csv' cannot be used" in said and "not from a CSV file" in said
    assert "not used (the file has problems)" in texts(outputs[0], "execute_result")
    assert texts(outputs[1], "execute_result") == "True"
    assert texts(outputs[2], "execute_result") == "['built-in']"
    assert int(texts(outputs[3], "execute_result")) > 0  # the lesson's own questions
