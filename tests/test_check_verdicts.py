"""`isslearn check` as a teacher meets it the evening before a class: a workbook made from the
template with one part filled in, a year typed into a date cell, a renamed sheet, a lock file,
a typo in the name, thousands of bad rows. `check` gives the verdict the lessons give, once per
mistake, with the file or cell meant."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from clirun import isslearn

from isslearn.catalogue.events import check_events
from isslearn.lesson import Lesson
from isslearn.teacher.cli import MAX_LINES


def from_template(tmp_path, capsys, name="my_class.xlsx", *, events=(), quiz=False, **kw):
    """A workbook made by `isslearn template`, with ``events`` typed from row 3 of the Events
    sheet (date in B, title in C) and, with ``quiz``, the Quiz sheet's examples un-#ed."""
    path = tmp_path / name
    assert isslearn(capsys, "template", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    sheet = book["Events"]
    for row, (date, title) in enumerate(events, start=3):
        sheet.cell(row, 2).value = date
        sheet.cell(row, 3).value = title
        if kw.get("date_format"):
            sheet.cell(row, 2).number_format = kw["date_format"]
    if quiz:
        for row in book["Quiz"].iter_rows(min_row=2):
            text = row[0].value
            if isinstance(text, str) and text.startswith("#"):
                row[0].value = text[1:].strip() or None
    if kw.get("rename_quiz"):
        book["Quiz"].title = kw["rename_quiz"]
    if kw.get("epoch"):
        book.epoch = kw["epoch"]
    book.save(path)
    return path


def test_an_events_only_workbook_with_the_quiz_sheet_untouched_is_ok(tmp_path, capsys):
    path = from_template(tmp_path, capsys, events=[("2021-05-04", "Our planetarium visit")])
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 0, ran.text
    assert f"{path}: OK, 1 event(s) from 2021-05-04 to 2021-05-04" in ran.out
    assert "problem(s)" not in ran.text
    assert (
        "sheet 'Quiz', cell A1: notice: column 'question': the sheet has a header but no "
        "questions yet, so it adds nothing" in ran.out
    )


def test_a_quiz_only_workbook_with_the_events_sheet_untouched_is_ok(tmp_path, capsys):
    path = from_template(tmp_path, capsys, quiz=True)
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 0, ran.text
    assert "quiz item(s) (read from sheet 'Quiz')" in ran.out
    assert "the file has a header but no events yet" in ran.out


def test_an_untouched_template_is_still_not_ok(tmp_path, capsys):
    path = from_template(tmp_path, capsys)
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 1
    assert "has a header but no events;" in ran.out and "but no questions;" in ran.out


def test_a_renamed_quiz_sheet_gets_the_lessons_did_you_mean_in_check(tmp_path, capsys):
    path = from_template(tmp_path, capsys, events=[("2021-05-04", "Visit")], rename_quiz="Quizz")
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 1
    said = (
        "there is no sheet named 'Quiz' (the sheets are 'Events', 'Quizz', 'Lists'); "
        "did you mean 'Quizz'?"
    )
    assert said in ran.out
    assert said in str(Lesson(quiz_file=path).problems[0])  # the lessons' verdict


def test_a_csv_given_as_the_quiz_is_refused_in_one_line(tmp_path, capsys, monkeypatch):
    csv = tmp_path / "my_class.csv"
    csv.write_text("date,title\n2021-05-04,Visit\n", "utf-8")
    [problem] = Lesson(quiz_file=csv).problems
    assert "not from a CSV file" in problem.message and "YAML" not in problem.hint
    monkeypatch.setenv("ISSLEARN_QUIZ", str(csv))
    ran = isslearn(capsys, "info")
    assert ran.code == 1 and "not from a CSV file" in ran.out
    assert "mapping" not in ran.out and "line 2" not in ran.out  # no YAML parse errors


# A number in a cell formatted as a date: the spreadsheet shows it as a day of 1899-1909.
@pytest.mark.parametrize(
    ("number", "epoch", "shown"),
    [
        (2021, None, "1905-07-13"),
        (1998, None, "1905-06-20"),
        (2030, None, "1905-07-22"),
        (2021, openpyxl.utils.datetime.CALENDAR_MAC_1904, "1909-07-14"),
        (45, None, "1900-02-14"),
    ],
)
def test_a_number_in_a_date_cell_is_refused_at_its_cell(tmp_path, capsys, number, epoch, shown):
    path = from_template(
        tmp_path, capsys, events=[(number, "Year typed")], date_format="yyyy-mm-dd", epoch=epoch
    )
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 1, ran.text
    assert f"sheet 'Events', cell B3: column 'date': this date cell holds the number {number}" in (
        ran.out
    )
    assert shown in ran.out and "OK" not in ran.out
    [problem] = Lesson(events_file=path).problems
    assert problem.place == "sheet 'Events', cell B3"


def test_a_year_in_an_ods_date_cell_is_refused_and_real_dates_pass(tmp_path):
    path = tmp_path / "events.ods"
    frame = pd.DataFrame(
        {"date": [dt.datetime(2021, 7, 13), dt.datetime(1905, 7, 13)], "title": ["Real", "Year"]}
    )
    frame.to_excel(path, sheet_name="Events", index=False, engine="odf")
    [problem] = check_events(path).problems
    assert problem.place == "sheet 'Events', cell A3" and "number 2021" in problem.message


def test_a_year_as_a_plain_number_is_refused_too(tmp_path, capsys):
    path = from_template(tmp_path, capsys, events=[(2021, "Year")], date_format="General")
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 1 and "cell B3: column 'date': '2021' is not a date" in ran.out


def test_a_workbook_from_the_home_folder_is_read_once_for_both_parts(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    from_template(tmp_path, capsys, events=[("2021-05-04", "Visit")], quiz=True)
    ran = isslearn(capsys, "check", "~/my_class.xlsx")
    assert ran.code == 0, ran.text
    assert "OK, 1 event(s)" in ran.out and "quiz item(s)" in ran.out
    assert "not found" not in ran.text


def test_a_typo_in_the_name_is_said_once_with_the_file_meant(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from_template(tmp_path, capsys, "my_class.xlsx")
    for typed in ("my_class", "my_clas.xlsx", "My_class.xlsx"):
        ran = isslearn(capsys, "check", typed)
        assert ran.code == 1
        lines = ran.out.strip().splitlines()
        assert lines == [f"{typed}:1: file not found; did you mean 'my_class.xlsx'?"], ran.out


@pytest.mark.parametrize("lock", ["~$my_class.xlsx", ".~lock.my_class.xlsx#"])
def test_a_spreadsheet_lock_file_names_the_workbook(tmp_path, capsys, lock):
    (tmp_path / lock).write_bytes(b"\x05teacher" + b" " * 100)
    ran = isslearn(capsys, "check", str(tmp_path / lock))
    assert ran.code == 1
    assert "lock file a spreadsheet program keeps" in ran.out
    assert f"check '{tmp_path / 'my_class.xlsx'}' instead" in ran.out
    assert "UTF-8" not in ran.out and "csv" not in ran.out.lower()
    assert "lock file" in str(Lesson(events_file=tmp_path / lock).problems[0])


@pytest.mark.parametrize("name", ["my_class.xlsx", "my_class.ods"])
def test_an_empty_workbook_gets_advice_for_a_workbook(tmp_path, capsys, name):
    (tmp_path / name).write_bytes(b"")
    ran = isslearn(capsys, "check", str(tmp_path / name))
    assert ran.code == 1
    assert "the file is empty (0 bytes), so it holds no workbook" in ran.out
    assert "CSV" not in ran.out and "date,title" not in ran.out


def test_thousands_of_bad_rows_are_capped_with_a_count(tmp_path, capsys):
    path = tmp_path / "big.csv"
    path.write_text("date,title\n" + "2021-13-01,Bad month\n" * 4500, "utf-8")
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 1
    lines = ran.out.strip().splitlines()
    assert len(lines) == MAX_LINES + 1
    assert f"... and {4500 - MAX_LINES} more problem(s) not shown (4500 in all)" in lines[-1]
    assert "4500 problem(s)" in ran.err


def test_hidden_rows_of_an_xlsx_sheet_are_mentioned(tmp_path, capsys):
    path = from_template(tmp_path, capsys, events=[("2021-05-04", "Seen"), ("2021-06-01", "Not")])
    book = openpyxl.load_workbook(path)
    book["Events"].row_dimensions[4].hidden = True
    book.save(path)
    ran = isslearn(capsys, "check", str(path))
    assert ran.code == 0, ran.text
    assert "sheet 'Events', row 4: notice: 1 hidden row(s) were read like the others" in ran.out
    assert "OK, 2 event(s)" in ran.out


def test_hidden_and_filtered_rows_of_an_ods_sheet_are_mentioned(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Events")
    rows = [("date", "title", None), ("2021-05-04", "Seen", None)]
    rows += [("2021-06-01", "Collapsed", "collapse"), ("2021-07-01", "Filtered", "filter")]
    for date, title, visibility in rows:
        row = TableRow(visibility=visibility) if visibility else TableRow()
        for value in (date, title):
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    path = tmp_path / "events.ods"
    document.save(str(path))
    found = check_events(path)
    assert not found.problems and len(found.value) == 3
    [hidden] = [n for n in found.notices if "hidden" in n.message]
    assert "2 hidden row(s) were read like the others (row(s) 3, 4)" in hidden.message


def test_the_example_rows_notice_is_said_once_per_lesson(tmp_path, capsys, monkeypatch, told):
    """Events and questions typed below the template's examples, in one workbook for both."""
    path = from_template(tmp_path, capsys, events=[("2021-05-04", "Visit")])
    book = openpyxl.load_workbook(path)
    quiz = book["Quiz"]
    quiz.append(["Which module came first?", "Zarya", "yes", "Yes: November 1998."])
    quiz.append([None, "Unity", None, "It came two weeks later."])
    book.save(path)
    monkeypatch.setenv("ISSLEARN_EVENTS", str(path))
    monkeypatch.setenv("ISSLEARN_QUIZ", str(path))
    lesson = Lesson()
    assert lesson.problems == [] and len(lesson.quiz("01")) > 1
    said = [line for line in told() if "skipped as comments or examples" in line]
    assert len(said) == 1, said
    assert "sheet 'Events', row 2" in said[0] and "sheet 'Quiz', row 2" in said[0]


def test_info_caps_a_class_file_with_thousands_of_bad_rows(tmp_path, capsys, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("date,title\n" + "2021-13-01,Bad month\n" * 4500, "utf-8")
    monkeypatch.setenv("ISSLEARN_EVENTS", str(path))
    monkeypatch.delenv("ISSLEARN_QUIZ", raising=False)
    ran = isslearn(capsys, "info")
    assert ran.code == 1
    assert len(ran.out.splitlines()) < MAX_LINES + 10
    assert f"... and {4500 - MAX_LINES} more problem(s) not shown" in ran.out


def test_a_quiz_file_given_as_the_events_is_refused_in_one_line(tmp_path, capsys):
    assert isslearn(capsys, "template", str(tmp_path / "quiz.yaml")).code == 0
    [problem] = Lesson(events_file=tmp_path / "quiz.yaml").problems
    assert "a YAML file holds quiz questions, not a table; an events file is read" in str(problem)
    ran = isslearn(
        capsys, "new-lesson", "x", "--dir", str(tmp_path), "--events", str(tmp_path / "quiz.yaml")
    )
    assert ran.code == 1 and "a YAML file holds quiz questions" in ran.out
    assert "required column" not in ran.out
