"""Random and garbled teacher workbooks: isslearn always answers with problems, never a crash.

Workbooks are generated with odd sheet names (or none called 'Events'/'Quiz'), odd headers,
cells of every kind (text, huge text, dates, day numbers, numbers, booleans, formulas that have
no saved value), merged cells and empty rows; some are cut short, some saved under the other
kind's name (a .csv that is really .xlsx, an .xlsx that is really CSV text). For every one:

- ``validate`` and ``read_quiz_file`` return problems, each printed with the file and either a
  place in the workbook (``sheet 'Events', cell B4``, ``row 4``, ``workbook``) or a line;
- a problem about a row of a sheet always names its sheet and a cell or row;
- ``load_events`` raises :class:`~isslearn.CatalogueError` exactly when there are problems;
- the file on disk is byte-for-byte unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from pathlib import Path

import openpyxl
import pytest
from clirun import isslearn as run_isslearn
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import isslearn
from isslearn import CatalogueError, Problem
from isslearn.quiz.files import read_quiz_file

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SHEET_NAMES = ["Events", "events", "Quiz", "Sheet1", "Event", "Lists", "Feuil1", "Événements"]
HEADERS = [
    "date",
    "title",
    "summary",
    "category",
    "agencies",
    "status",
    "id",
    "Date",
    "Catagory",
    "question",
    "option",
    "correct",
    "feedback",
    "answer",
    None,
    "",
]
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x7f"),
    max_size=30,
)
CELLS = st.one_of(
    st.none(),
    TEXT,
    st.sampled_from(["2000-11-02", "2008-13-40", "13/3/2024", "crew", "NASA;ESA", "yes", "x"]),
    st.sampled_from(["=1/0", "=A1", "=SUM(A1:A3)", "=DATE(2000,11,2)", "=NOW()"]),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.integers(min_value=-10, max_value=100_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.just("y" * 33_000),  # beyond a cell's limit in Excel, within openpyxl's
)


@st.composite
def workbooks(draw) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    names = draw(st.lists(st.sampled_from(SHEET_NAMES), min_size=1, max_size=3, unique=True))
    for name in names:
        sheet = book.create_sheet(name)
        width = draw(st.integers(1, 6))
        header = draw(
            st.one_of(
                st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width),
                st.just(["date", "title", "category", "agencies", "status", "summary"][:width]),
                st.just(["question", "option", "correct", "feedback"]),
            )
        )
        body = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width + 1), max_size=6))
        rows = [header, *body]
        if draw(st.booleans()):
            rows.insert(0, [None])  # an empty first row
        for row in rows:
            sheet.append(row)
        for _ in range(draw(st.integers(0, 2))):
            top, left = draw(st.integers(1, 4)), draw(st.integers(1, 4))
            bottom, right = top + draw(st.integers(0, 2)), left + draw(st.integers(0, 2))
            if (bottom, right) != (top, left):
                sheet.merge_cells(
                    start_row=top, start_column=left, end_row=bottom, end_column=right
                )
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    cut = draw(st.sampled_from([None, None, None, 100, len(data) // 2, len(data) - 10]))
    return data if cut is None else data[:cut]


FOLDER = Path(tempfile.mkdtemp(prefix="isslearn-fuzz-sheets-"))
PLACE = re.compile(r"^(workbook|sheet '[^']*'(, (cell [A-Z]+[0-9]+|cells \S+|row [0-9]+))?)$")


def check_problems(problems: list[Problem], path: Path) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        shown = str(problem)
        assert shown.startswith(f"{path}: {problem.place}: " if problem.place else f"{path}:")
        assert problem.message and "Traceback" not in shown
        if problem.place:
            assert PLACE.match(problem.place), problem.place
        if problem.place.startswith("sheet") and problem.line > 1:
            assert ", cell" in problem.place or ", row" in problem.place or "cells" in problem.place


@FUZZ
@given(data=workbooks(), suffix=st.sampled_from([".xlsx", ".csv", ".ods", ".yaml"]))
@example(data=b"date,title\n2000-11-02,Plain CSV\n", suffix=".xlsx")
@example(data=b"date;title\n2000-11-02;Semicolons\n", suffix=".ods")
@example(data=b"PK\x03\x04", suffix=".xlsx")
@example(data=b"\xd0\xcf\x11\xe0" + b"\x00" * 600, suffix=".xls")
def test_garbled_workbooks_give_problems_never_a_crash(data, suffix):
    path = FOLDER / f"fuzz{suffix}"
    path.write_bytes(data)
    problems = isslearn.validate(path)
    check_problems(problems, path)
    if problems:
        with pytest.raises(CatalogueError) as caught:
            isslearn.load_events(path, builtin=False)
        assert caught.value.problems == problems
    else:
        isslearn.load_events(path, builtin=False)
    quiz = read_quiz_file(path)
    check_problems(quiz.problems, path)
    check_problems(quiz.notices, path)
    assert path.read_bytes() == data, "the teacher's file was changed"


def test_the_command_line_answers_a_garbled_workbook_in_one_line_each(capsys):
    path = FOLDER / "merged.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Events"
    for row in (["date", "title", "category"], ["=1/0", None, "crew"], [None, "B", None]):
        sheet.append(row)
    sheet.merge_cells("C2:C3")
    book.save(path)
    ran = run_isslearn(capsys, "check", str(path))
    assert ran.code == 1
    assert ran.out.splitlines() == [
        f"{path}: sheet 'Events', cells C2:C3: cells C2:C3 are merged, so only the first holds "
        "a value; unmerge them and type the value in every cell that needs it",
        f"{path}: sheet 'Events', cell A2: this cell holds a formula (=1/0) whose value was "
        "never saved, so it reads as empty; open the file in your spreadsheet program and save "
        "it again, or type the value instead of the formula",
        f"{path}: sheet 'Events', cell A3: column 'date': the date is blank; "
        "write it as YYYY-MM-DD, e.g. 2000-11-02",
    ]
