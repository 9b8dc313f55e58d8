"""Each lesson has one time, said the same way everywhere, and a plan that leaves room for the
quiz and the exercise; each exercise can be done without code, with one blank, or alone.

The time of a lesson is stated in four places: the lesson's own "Time to learn", lesson 00's
table of lessons, the heading of the teacher's guide's timed plan, and the website's planning
page (made by docs/make_book.py from the lesson). Issue 17 found them disagreeing (35, 30 and 40
minutes against "about 45"); these tests keep them equal.
"""

from __future__ import annotations

import itertools
import re
import sys
from functools import cache
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
GUIDES = REPO / "isslearn" / "guides"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
IDS = [p.stem for p in LESSONS]

sys.path.insert(0, str(REPO / "docs"))
import make_book  # noqa: E402

QUIZ_MINUTES = 10  # at least: reading each item, a second try, the explanations
EXERCISE_MINUTES = 8  # at least: the no-code version for everyone, then code for some


@cache
def notebook(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def markdown(path: Path) -> str:
    return "\n".join(c.source for c in notebook(path).cells if c.cell_type == "markdown")


def minutes(text: str, where: str) -> int:
    found = re.search(r"(\d+)\s*min", text)
    assert found, f"{where}: no time in minutes in {text!r}"
    return int(found.group(1))


def time_in_lesson(lesson: Path) -> int:
    found = re.search(r"\*\*Time to learn:\*\*\s*(.+)", markdown(lesson))
    assert found, f"{lesson.name}: no '**Time to learn:**' line"
    assert "(" not in found.group(1) and " or " not in found.group(1), (
        f"{lesson.name}: one time, please, not {found.group(1)!r}"
    )
    return minutes(found.group(1), lesson.name)


def time_in_lesson_00(lesson: Path) -> int:
    rows = re.findall(
        rf"^\|\s*`{lesson.name}`\s*\|.*\|\s*([^|]+?)\s*\|\s*$", markdown(LESSONS[0]), re.M
    )
    assert len(rows) == 1, f"lesson 00's table should list {lesson.name} once, found {len(rows)}"
    return minutes(rows[0], f"lesson 00's row for {lesson.name}")


def guide(lesson: Path) -> str:
    return (GUIDES / f"{lesson.stem}.md").read_text(encoding="utf-8")


def time_in_guide(lesson: Path) -> int:
    headings = re.findall(r"^## Timed plan: (.+)$", guide(lesson), re.M)
    assert len(headings) == 1, f"{lesson.stem}.md: one timed plan, found {headings}"
    return minutes(headings[0], f"{lesson.stem}.md")


def time_on_website(lesson: Path) -> int:
    facts = make_book.lesson_facts(lesson, notebook(lesson))
    site = make_book.Site("https://github.com/o/r", "main", "https://hub", "https://mybinder.org")
    page = make_book.about_page(site, facts, None)
    found = re.search(r"^\*\*Time:\*\* (.+)$", page, re.M)
    assert found, f"{lesson.stem}: the planning page states no time"
    return minutes(found.group(1), f"the website's planning page of {lesson.stem}")


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_one_time_per_lesson_everywhere(lesson):
    times = {
        "the lesson": time_in_lesson(lesson),
        "the guide's plan": time_in_guide(lesson),
        "the website's planning page": time_on_website(lesson),
    }
    if lesson != LESSONS[0]:
        times["lesson 00's table"] = time_in_lesson_00(lesson)
    assert len(set(times.values())) == 1, f"{lesson.stem}: times disagree: {times}"


def plan_rows(lesson: Path) -> list[tuple[int, int, str]]:
    """(start, end, what happens) for each row of the guide's timed plan."""
    body = guide(lesson).split("## Timed plan:", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in body.splitlines():
        found = re.match(r"^\|\s*(\d+)\s*[–-]\s*(\d+)\s*\|([^|]*)\|", line)
        if found:
            rows.append((int(found.group(1)), int(found.group(2)), found.group(3)))
    return rows


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_the_plan_fills_the_time_and_leaves_room_for_quiz_and_exercise(lesson):
    rows = plan_rows(lesson)
    assert rows, f"{lesson.stem}.md: the timed plan has no rows"
    assert rows[0][0] == 0 and rows[-1][1] == time_in_guide(lesson), rows
    for (_, end, _), (start, _, _) in itertools.pairwise(rows):
        assert end == start, f"{lesson.stem}.md: the plan jumps from minute {end} to {start}"
    quiz = sum(b - a for a, b, what in rows if re.search(r"\bquiz\b", what))
    exercise = sum(b - a for a, b, what in rows if "Try it yourself" in what)
    assert quiz >= QUIZ_MINUTES, f"{lesson.stem}.md: {quiz} minutes for the quiz"
    assert exercise >= EXERCISE_MINUTES, f"{lesson.stem}.md: {exercise} minutes for the exercise"


def exercise_cells(lesson: Path) -> list[nbformat.NotebookNode]:
    """The cells from the 'Try it yourself' heading to the next rule-and-heading."""
    cells = notebook(lesson).cells
    start = next(
        i
        for i, c in enumerate(cells)
        if c.cell_type == "markdown" and "## Try it yourself" in c.source
    )
    end = next(
        (i for i in range(start + 1, len(cells)) if re.search(r"^##\s", cells[i].source, re.M)),
        len(cells),
    )
    return cells[start:end]


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_every_exercise_has_a_no_code_a_one_blank_and_a_worded_answer(lesson):
    cells = exercise_cells(lesson)
    text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "**Without code:**" in text, f"{lesson.stem}: no version without code"
    blanks = re.search(r"\*\*With one blank[^*]*:\*\*(.+?)```python\n(.+?)```", text, re.S)
    assert blanks, f"{lesson.stem}: no version with one blank"
    lines = [line for line in blanks.group(2).splitlines() if "___" in line]
    assert lines and all(line.count("___") == 1 for line in lines), blanks.group(2)
    solution = text.split("<details>", 1)[-1]
    assert "<summary>Show a solution</summary>" in solution, f"{lesson.stem}: no hidden solution"
    assert "In words:" in solution, f"{lesson.stem}: the solution does not state the answer"
    code = [c for c in cells if c.cell_type == "code"]
    assert any(c.source.startswith("# Your code here") for c in code), (
        f"{lesson.stem}: no empty cell for the learner's own code"
    )


# Pandas steps an exercise's code may use only if the lesson (or an earlier lesson in the
# learners' order) showed them in a code cell before the exercise.
IDIOMS = {
    ".value_counts(": r"\.value_counts\(",
    ".sort_values(": r"\.sort_values\(",
    "ascending=False": r"ascending=False",
    ".groupby(": r"\.groupby\(",
    "a filter": r"\w+\[\w+\[\"\w+\"\]\s*(?:==|>|<)",
    ".tz_convert(": r"\.tz_convert\(",
}
NEVER = {".iloc[[": r"\.iloc\[\[", ".map(lambda": r"\.map\(lambda", ".apply(": r"\.apply\("}


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_exercise_code_uses_only_pandas_steps_shown_before_it(lesson):
    cells = notebook(lesson).cells
    first = cells.index(exercise_cells(lesson)[0])
    exercise = "\n".join(c.source for c in exercise_cells(lesson))
    before = "\n".join(c.source for c in cells[:first] if c.cell_type == "code")
    # worked examples inside the exercise section, before the task, count as shown
    task = next(i for i, c in enumerate(exercise_cells(lesson)) if "**Without code:**" in c.source)
    before += "\n".join(c.source for c in exercise_cells(lesson)[:task] if c.cell_type == "code")
    for name, pattern in NEVER.items():
        assert not re.search(pattern, exercise), f"{lesson.stem}: the exercise uses {name}"
    for name, pattern in IDIOMS.items():
        if re.search(pattern, exercise):
            assert re.search(pattern, before), (
                f"{lesson.stem}: the exercise needs {name}, which the lesson does not show first"
            )
