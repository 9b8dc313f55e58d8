"""The spreadsheet template: an Events sheet and a Quiz sheet with drop-down lists, so that most
mistakes (a category or a status that does not exist, a date that is not a date) cannot be
typed in the first place.

The drop-downs' values come from the catalogue (categories, statuses, agency codes) and live in
a hidden "Lists" sheet that the drop-downs point at. ``agencies`` takes several codes
("NASA;ESA"), so its drop-down offers one code and lets any text through: isslearn checks each
code when the file is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING

from ..catalogue.tables import agency_codes
from ..quiz.files import parse_quiz_file
from ..quiz.items import CHECKLIST_LEVELS, MultipleChoice, WrittenAnswer
from ..quiz.sheet import QUIZ_COLUMNS
from ..reading import values as voc
from ..reading.sheets import EVENTS_SHEET, LISTS_SHEET, QUIZ_SHEET
from .scaffold import template_text

if TYPE_CHECKING:  # openpyxl is imported only when the template is written
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["EXAMPLE_NOTE", "events_workbook"]

EXAMPLE_NOTE = (
    "An example: rows whose first cell starts with # are skipped; delete the # in A2 to use "
    "this row, or write your own events below. Only date and title are required."
)
_EXAMPLE_MARK = "#"  # as in the CSV template: a row whose first cell starts with # is skipped
_ROWS = 500  # rows below the header that get the drop-downs and the date check


def _example_event() -> dict[str, object]:
    """The CSV template's first example row, so the two templates show the same event."""
    lines = template_text("events.csv").splitlines()
    header = next(csv.reader(lines[:1]))
    row = next(r for r in csv.reader(lines[1:]) if r and r[0] == _EXAMPLE_MARK)
    example: dict[str, object] = dict(zip(header, row, strict=True))
    example["date"] = dt.date.fromisoformat(str(example["date"]))  # a real date cell
    example["note"] = EXAMPLE_NOTE
    return example


def _example_quiz() -> list[list[str]]:
    """The YAML template's first question of each kind as Quiz-sheet rows (in the order of
    QUIZ_COLUMNS), each marked with #: a multiple-choice question (a row per option), a
    written task and a question made from the catalogue (a row each)."""
    found = parse_quiz_file(template_text("quiz.yaml").encode("utf-8"), "quiz.yaml")
    item = next(i for i in found.items if isinstance(i, MultipleChoice))
    rows: list[dict[str, str]] = [
        {
            "question": f"{_EXAMPLE_MARK} {item.question}" if n == 0 else _EXAMPLE_MARK,
            "option": option.text,
            "correct": "yes" if option.correct else "",
            "feedback": option.feedback,
        }
        for n, option in enumerate(item.options)
    ]
    written = next(i for i in found.items if isinstance(i, WrittenAnswer))
    rows.append(
        {
            "question": f"{_EXAMPLE_MARK} {written.prompt}",
            "model_answer": written.model_answer,
            **dict(zip(CHECKLIST_LEVELS, written.checklist, strict=True)),
        }
    )
    rows.append(
        {"question": _EXAMPLE_MARK, "generate": "launch_order: zarya, unity, zvezda, destiny"}
    )
    return [[row.get(column, "") for column in QUIZ_COLUMNS] for row in rows]


def events_workbook() -> bytes:
    """The template workbook (.xlsx) as bytes: Events and Quiz sheets, each with an example."""
    from openpyxl import Workbook  # lazy: only the template needs it
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    events = book.active
    assert isinstance(events, Worksheet)  # a new workbook starts with one worksheet
    events.title = EVENTS_SHEET
    columns = list(voc.EVENT_COLUMNS)
    events.append(columns)
    example = _example_event()
    events.append([example.get(column) for column in columns])
    letter = {column: chr(ord("A") + i) for i, column in enumerate(columns)}
    last = _ROWS + 1

    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    choices = {
        "category": voc.CATEGORIES,
        "status": voc.STATUSES,
        "agencies": agency_codes(),
        "correct": ("yes",),
    }
    for col, (name, values) in enumerate(choices.items(), start=1):
        lists.cell(row=1, column=col, value=name)
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=col, value=value)

    def drop_down(
        sheet: Worksheet, name: str, cells: str, prompt: str, *, strict: bool = True
    ) -> None:
        col = chr(ord("A") + list(choices).index(name))
        rule = DataValidation(
            type="list",
            formula1=f"{LISTS_SHEET}!${col}$2:${col}${len(choices[name]) + 1}",
            allow_blank=True,
            showErrorMessage=strict,
            errorTitle=f"Not a {name}",
            error=f"Choose a {name} from the list.",
            promptTitle=name,
            prompt=prompt,
            showInputMessage=True,
        )
        rule.add(cells)
        sheet.add_data_validation(rule)

    def column_cells(column: str) -> str:
        return f"{letter[column]}2:{letter[column]}{last}"

    drop_down(events, "category", column_cells("category"), "Choose one; empty means milestone.")
    drop_down(events, "status", column_cells("status"), "happened, or planned for the future.")
    drop_down(
        events,
        "agencies",
        column_cells("agencies"),
        "Choose one, or type several separated by ';' (NASA;ESA).",
        strict=False,
    )
    dates = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({voc.EARLIEST_YEAR},1,1)",
        formula2=f"DATE({voc.LATEST_YEAR},12,31)",
        showErrorMessage=True,
        errorTitle="Not a date",
        error="Type a date such as 2000-11-02.",
    )
    dates.add(column_cells("date"))
    events.add_data_validation(dates)
    for row in range(2, last + 1):
        events[f"{letter['date']}{row}"].number_format = "yyyy-mm-dd"
    _widths(events, {"date": 12, "title": 40, "summary": 60, "source": 30, "note": 40}, letter)
    events.freeze_panes = "A2"

    quiz = book.create_sheet(QUIZ_SHEET)
    quiz.append(list(QUIZ_COLUMNS))
    for quiz_row in _example_quiz():
        quiz.append(list(quiz_row))
    quiz_letter = {column: chr(ord("A") + i) for i, column in enumerate(QUIZ_COLUMNS)}
    drop_down(
        quiz,
        "correct",
        f"{quiz_letter['correct']}2:{quiz_letter['correct']}{last}",
        "yes for the one right option; leave the others empty.",
    )
    wide = {"question": 50, "option": 25, "feedback": 60, "model_answer": 60, "generate": 40}
    _widths(quiz, {**dict.fromkeys(CHECKLIST_LEVELS, 40), **wide}, quiz_letter)
    quiz.freeze_panes = "A2"
    book.move_sheet(LISTS_SHEET, offset=1)  # Events, Quiz, then the hidden Lists

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _widths(sheet: Worksheet, widths: dict[str, int], letter: dict[str, str]) -> None:
    for column, width in widths.items():
        sheet.column_dimensions[letter[column]].width = width
