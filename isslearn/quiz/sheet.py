"""Quiz questions kept in a workbook's "Quiz" sheet, checked as strictly as the YAML file.

One row per option; the question is typed on its first option's row and left empty below::

    question                               | option | correct | feedback
    Which module was launched first?       | Zarya  | yes     | Yes: 20 Nov 1998, ...
                                           | Unity  |         | Close; Unity followed ...

``correct`` is ``yes`` (or TRUE, x, 1) on the one right option and empty (or no, FALSE, 0) on
the others. The same problems stop the quiz as in YAML (fewer than 2 options, no right option or
two, an option twice) and the same notices are given (an option without feedback), each at
the cell a teacher would click.
"""

from __future__ import annotations

from ..errors import Problem
from ..sheets import (
    QUIZ_SHEET,
    Notice,
    SheetTable,
    check_quiz_columns,
    place_problems,
    read_sheet_table,
)
from .files import QuizFile
from .items import MultipleChoice, Option

__all__ = ["read_quiz_sheet"]

_YES = {"yes", "y", "true", "x", "1", "correct", "✓", "✔", "oui", "ja", "sí", "si"}
_NO = {"", "no", "n", "false", "0", "non", "nein"}


def read_quiz_sheet(data: bytes, name: str) -> QuizFile:
    """The quiz in the workbook ``data``'s Quiz sheet; ``name`` is what messages call the file."""
    table = read_sheet_table(data, name, QUIZ_SHEET)
    if table.header and not table.problems:
        check_quiz_columns(table)
    items: list[MultipleChoice] = []
    if table.header and not table.problems:
        items = _questions(table)
        if not items and not table.problems:
            table.problems.append(
                Problem(
                    name,
                    table.header_line,
                    "question",
                    "the sheet has a header but no questions",
                    "type a question in the row below, with its first option beside it",
                )
            )
    place_problems(table)
    if table.problems:
        return QuizFile(problems=table.problems, notices=table.notices)
    return QuizFile(items=list(items), notices=table.notices)


def _questions(table: SheetTable) -> list[MultipleChoice]:
    name, problems = table.name, table.problems
    groups: list[tuple[int, str, list[tuple[int, dict[str, str]]]]] = []
    for line, row in table.rows:
        question, option = row.get("question", ""), row.get("option", "")
        if question:
            groups.append((line, question, []))
        elif not groups:
            problems.append(
                Problem(
                    name,
                    line,
                    "question",
                    "this option has no question above it",
                    "type the question in this cell, on its first option's row",
                )
            )
            continue
        if not option:
            if row.get("correct") or row.get("feedback") or question:
                problems.append(
                    Problem(
                        name,
                        line,
                        "option",
                        "the option is empty",
                        "type the option's text here; each option has its own row",
                    )
                )
            continue
        groups[-1][2].append((line, row))
    items = []
    for line, question, rows in groups:
        before = len(problems)
        options = _options(table, line, rows)
        if len(problems) == before:
            items.append(MultipleChoice(question, tuple(options)))
    return items


def _options(table: SheetTable, line: int, rows: list[tuple[int, dict[str, str]]]) -> list[Option]:
    name, problems = table.name, table.problems
    if len(rows) < 2:
        problems.append(
            Problem(
                name,
                line,
                "option",
                f"the question has {len(rows)} option(s); it needs 2 or more",
                "put each option on its own row below the question, leaving 'question' empty",
            )
        )
        return []
    options, correct_lines, option_lines = [], [], []
    seen: dict[str, int] = {}  # option text -> its row
    for row_line, row in rows:
        text, feedback = row["option"], row.get("feedback", "")
        flag = row.get("correct", "").strip().lower()
        if flag not in _YES | _NO:
            problems.append(
                Problem(
                    name,
                    row_line,
                    "correct",
                    f"must be 'yes' or empty (got '{row['correct']}')",
                    "type 'yes' for the one right option and leave the others empty",
                )
            )
            continue
        correct = flag in _YES
        if text in seen:
            problems.append(
                Problem(
                    name,
                    row_line,
                    "option",
                    f"the option '{text}' appears twice (also in row {seen[text]})",
                    "keep one of them",
                )
            )
        seen[text] = row_line
        if correct:
            correct_lines.append(row_line)
        if not feedback:
            explain = "explains the answer" if correct else "says why it is wrong"
            table.notices.append(
                Notice(
                    name,
                    row_line,
                    "feedback",
                    f"the option '{text}' has no feedback, so a learner who picks it sees only "
                    f"'{Option(text, correct).feedback_text()}'",
                    f"type feedback here that {explain}",
                )
            )
        options.append(Option(text, correct, feedback))
        option_lines.append(row_line)
    if len(correct_lines) == 1 and len(seen) == len(options) >= 2:
        item = MultipleChoice("", tuple(options))
        for option in item.options_giving_the_answer_away():
            table.notices.append(
                Notice(
                    name,
                    option_lines[options.index(option)],
                    "feedback",
                    f"the feedback of the wrong option '{option.text}' names the right answer "
                    f"'{item.answer.text}', so a learner who tries again need not think",
                    f"say why '{option.text}' is wrong without naming the answer",
                )
            )
    if not correct_lines:
        problems.append(
            Problem(
                name,
                line,
                "correct",
                "no option of this question is marked correct",
                "type 'yes' in the 'correct' cell of the right option",
            )
        )
    for extra in correct_lines[1:]:
        problems.append(
            Problem(
                name,
                extra,
                "correct",
                "a second option is marked correct; a question has exactly one right answer",
                f"keep 'yes' only in row {correct_lines[0]}",
            )
        )
    return options
