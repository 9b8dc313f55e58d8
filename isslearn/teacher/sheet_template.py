"""The spreadsheet template: an Events sheet and a Quiz sheet with drop-down lists, so that most
mistakes (a category or a status that does not exist, a date that is not a date) cannot be
typed in the first place.

The drop-downs' values come from the catalogue (categories, statuses, agency codes) and live in
a hidden "Lists" sheet that the drop-downs point at. ``agencies`` takes several codes
("NASA;ESA"), so its drop-down offers one code and lets any text through: isslearn checks each
code when the file is read.

The template is written in the current language (:mod:`isslearn.language`): a French teacher's
has French sheet names, headers, drop-down values, prompts and examples. The readers take those
words back in any language isslearn speaks (``pgettext`` contexts "sheet", "events column",
"event category", "event status", "quiz column", "quiz answer"), so the same checker reads it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING

from ..catalogue.tables import agency_codes
from ..language import N_, pgettext
from ..language import gettext as _
from ..quiz.files import parse_quiz_file
from ..quiz.items import CHECKLIST_LEVELS, MultipleChoice, WrittenAnswer
from ..quiz.sheet import QUIZ_COLUMNS
from ..reading import values as voc
from ..reading.sheets import EVENTS_SHEET, LISTS_SHEET, QUIZ_SHEET
from .scaffold import template_text

if TYPE_CHECKING:  # openpyxl is imported only when the template is written
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "EXAMPLE_NOTE",
    "EXAMPLE_WORDS",
    "drop_down_values",
    "event_headers",
    "events_workbook",
    "quiz_headers",
    "sheet_names",
]

EXAMPLE_NOTE = N_(
    "An example: rows whose first cell starts with # are skipped; delete the # in A2 to use "
    "this row, or write your own events below. Only date and title are required."
)
# The examples' words (from the CSV and YAML templates), translated where the template is
# written in another language; tests/test_template_language.py checks every one is listed.
EXAMPLE_WORDS = (
    N_("Our school talks to the station"),
    N_("Students asked the crew questions over an amateur radio link."),
    N_("Belgium"),
    N_("# Which module was the first piece of the station in orbit?"),
    N_("A Russian-built module launched in November 1998, two weeks before Unity."),
    N_("Unity came second; it was launched two weeks later to join a piece already in orbit."),
    N_("Zvezda arrived in 2000, after the first two pieces."),
    N_("# In two sentences, explain why the first crew could move in only after Zvezda arrived."),
    N_(
        "Zvezda brought the living quarters and life support that a crew needs to stay for "
        "months. Zarya and Unity alone had engines, power and hatches, but no place to live."
    ),
    N_("Says what Zvezda added (living quarters, life support) and why a crew needed it."),
    N_("Says Zvezda was needed, without saying what it added."),
    N_("Gives no reason, or names another module."),
)


def sheet_names() -> dict[str, str]:
    """The template's sheets, named in the current language."""
    return {
        EVENTS_SHEET: pgettext("sheet", "Events"),
        QUIZ_SHEET: pgettext("sheet", "Quiz"),
        LISTS_SHEET: pgettext("sheet", "Lists"),
    }


def event_headers() -> dict[str, str]:
    """Each events column as the template's header writes it in the current language."""
    return {
        "id": pgettext("events column", "id"),
        "date": pgettext("events column", "date"),
        "title": pgettext("events column", "title"),
        "summary": pgettext("events column", "summary"),
        "category": pgettext("events column", "category"),
        "agencies": pgettext("events column", "agencies"),
        "countries": pgettext("events column", "countries"),
        "status": pgettext("events column", "status"),
        "source": pgettext("events column", "source"),
        "note": pgettext("events column", "note"),
    }


def quiz_headers() -> dict[str, str]:
    """Each Quiz-sheet column as the template's header writes it in the current language."""
    return {
        "question": pgettext("quiz column", "question"),
        "option": pgettext("quiz column", "option"),
        "correct": pgettext("quiz column", "correct"),
        "feedback": pgettext("quiz column", "feedback"),
        "model_answer": pgettext("quiz column", "model_answer"),
        "complete": pgettext("quiz column", "complete"),
        "partial": pgettext("quiz column", "partial"),
        "not_yet": pgettext("quiz column", "not_yet"),
        "generate": pgettext("quiz column", "generate"),
        "lessons": pgettext("quiz column", "lessons"),
    }


def drop_down_values() -> dict[str, dict[str, str]]:
    """The drop-downs' values in the current language, by column and by the value they mean."""
    categories = {
        "assembly": pgettext("event category", "assembly"),
        "crew": pgettext("event category", "crew"),
        "cooperation": pgettext("event category", "cooperation"),
        "vehicle": pgettext("event category", "vehicle"),
        "science": pgettext("event category", "science"),
        "spacewalk": pgettext("event category", "spacewalk"),
        "record": pgettext("event category", "record"),
        "incident": pgettext("event category", "incident"),
        "milestone": pgettext("event category", "milestone"),
    }
    statuses = {
        "happened": pgettext("event status", "happened"),
        "planned": pgettext("event status", "planned"),
    }
    return {
        "category": {c: categories[c] for c in voc.CATEGORIES},
        "status": {s: statuses[s] for s in voc.STATUSES},
        "agencies": {code: code for code in agency_codes()},  # codes are the same everywhere
        "correct": {"yes": pgettext("quiz answer", "yes")},
    }


_EXAMPLE_MARK = "#"  # as in the CSV template: a row whose first cell starts with # is skipped
_ROWS = 500  # rows below the header that get the drop-downs and the date check


def _example_event() -> dict[str, object]:
    """The CSV template's first example row, so the two templates show the same event (its
    words in the current language)."""
    lines = template_text("events.csv").splitlines()
    header = next(csv.reader(lines[:1]))
    row = next(r for r in csv.reader(lines[1:]) if r and r[0] == _EXAMPLE_MARK)
    example: dict[str, object] = dict(zip(header, row, strict=True))
    for column in ("title", "summary", "countries"):
        example[column] = _(str(example[column]))
    values = drop_down_values()
    for column in ("category", "status"):
        example[column] = values[column][str(example[column])]
    example["date"] = dt.date.fromisoformat(str(example["date"]))  # a real date cell
    example["note"] = _(EXAMPLE_NOTE)
    return example


def _example_quiz() -> list[list[str]]:
    """The YAML template's first question of each kind as Quiz-sheet rows (in the order of
    QUIZ_COLUMNS), each marked with #: a multiple-choice question (a row per option), a
    written task and a question made from the catalogue (a row each)."""
    found = parse_quiz_file(template_text("quiz.yaml").encode("utf-8"), "quiz.yaml")
    item = next(i for i in found.items if isinstance(i, MultipleChoice))
    yes = drop_down_values()["correct"]["yes"]
    asked = f"{_EXAMPLE_MARK} {item.question}"
    rows: list[dict[str, str]] = [
        {
            "question": _(asked) if n == 0 else _EXAMPLE_MARK,
            "option": option.text,
            "correct": yes if option.correct else "",
            "feedback": _(option.feedback),
        }
        for n, option in enumerate(item.options)
    ]
    written = next(i for i in found.items if isinstance(i, WrittenAnswer))
    task = f"{_EXAMPLE_MARK} {written.prompt}"
    rows.append(
        {
            "question": _(task),
            "model_answer": _(written.model_answer),
            **dict(zip(CHECKLIST_LEVELS, [_(text) for text in written.checklist], strict=True)),
        }
    )
    rows.append(
        {"question": _EXAMPLE_MARK, "generate": "launch_order: zarya, unity, zvezda, destiny"}
    )
    return [[row.get(column, "") for column in QUIZ_COLUMNS] for row in rows]


def events_workbook() -> bytes:
    """The template workbook (.xlsx) as bytes: Events and Quiz sheets, each with an example,
    in the current language."""
    from openpyxl import Workbook  # lazy: only the template needs it
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    named, headers, values = sheet_names(), event_headers(), drop_down_values()
    book = Workbook()
    events = book.active
    assert isinstance(events, Worksheet)  # a new workbook starts with one worksheet
    events.title = named[EVENTS_SHEET]
    columns = list(voc.EVENT_COLUMNS)
    events.append([headers[column] for column in columns])
    example = _example_event()
    events.append([example.get(column) for column in columns])
    letter = {column: chr(ord("A") + i) for i, column in enumerate(columns)}
    last = _ROWS + 1

    lists_name = named[LISTS_SHEET]
    lists = book.create_sheet(lists_name)
    lists.sheet_state = "hidden"
    column_names = {**headers, "correct": quiz_headers()["correct"]}
    for col, (name, choices) in enumerate(values.items(), start=1):
        lists.cell(row=1, column=col, value=column_names[name])
        for row, value in enumerate(choices.values(), start=2):
            lists.cell(row=row, column=col, value=value)

    def drop_down(
        sheet: Worksheet, name: str, cells: str, prompt: str, *, strict: bool = True
    ) -> None:
        col = chr(ord("A") + list(values).index(name))
        shown = column_names[name]
        rule = DataValidation(
            type="list",
            formula1=f"{lists_name}!${col}${2}:${col}${len(values[name]) + 1}",
            allow_blank=True,
            showErrorMessage=strict,
            errorTitle=_("Not a {name}").format(name=shown),
            error=_("Choose a {name} from the list.").format(name=shown),
            promptTitle=shown,
            prompt=prompt,
            showInputMessage=True,
        )
        rule.add(cells)
        sheet.add_data_validation(rule)

    def column_cells(column: str) -> str:
        return f"{letter[column]}2:{letter[column]}{last}"

    milestone, planned = values["category"]["milestone"], values["status"]["planned"]
    happened = values["status"]["happened"]
    drop_down(
        events,
        "category",
        column_cells("category"),
        _("Choose one; empty means {milestone}.").format(milestone=milestone),
    )
    drop_down(
        events,
        "status",
        column_cells("status"),
        _("{happened}, or {planned} for the future.").format(happened=happened, planned=planned),
    )
    drop_down(
        events,
        "agencies",
        column_cells("agencies"),
        _("Choose one, or type several separated by ';' (NASA;ESA)."),
        strict=False,
    )
    dates = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({voc.EARLIEST_YEAR},1,1)",
        formula2=f"DATE({voc.LATEST_YEAR},12,31)",
        showErrorMessage=True,
        errorTitle=_("Not a date"),
        error=_("Type a date such as 2000-11-02."),
    )
    dates.add(column_cells("date"))
    events.add_data_validation(dates)
    for row in range(2, last + 1):
        events[f"{letter['date']}{row}"].number_format = "yyyy-mm-dd"
    _widths(events, {"date": 12, "title": 40, "summary": 60, "source": 30, "note": 40}, letter)
    events.freeze_panes = "A2"

    quiz = book.create_sheet(named[QUIZ_SHEET])
    quiz.append([quiz_headers()[column] for column in QUIZ_COLUMNS])
    for quiz_row in _example_quiz():
        quiz.append(list(quiz_row))
    quiz_letter = {column: chr(ord("A") + i) for i, column in enumerate(QUIZ_COLUMNS)}
    drop_down(
        quiz,
        "correct",
        f"{quiz_letter['correct']}2:{quiz_letter['correct']}{last}",
        _("{yes} for the one right option; leave the others empty.").format(
            yes=values["correct"]["yes"]
        ),
    )
    wide = {"question": 50, "option": 25, "feedback": 60, "model_answer": 60, "generate": 40}
    _widths(quiz, {**dict.fromkeys(CHECKLIST_LEVELS, 40), **wide}, quiz_letter)
    quiz.freeze_panes = "A2"
    book.move_sheet(lists_name, offset=1)  # Events, Quiz, then the hidden Lists

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _widths(sheet: Worksheet, widths: dict[str, int], letter: dict[str, str]) -> None:
    for column, width in widths.items():
        sheet.column_dimensions[letter[column]].width = width
