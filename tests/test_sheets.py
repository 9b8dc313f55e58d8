"""Teachers' files as teachers keep them: workbooks (.xlsx, .ods) and CSV as any spreadsheet saves
it (semicolons, tabs, Windows-1252, UTF-16). Each is read to the same events and quiz items as
the plain CSV and YAML files, each problem names its sheet and cell with the CSV wording, and
the teacher's file is never changed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import textwrap
import zipfile

import nbformat
import openpyxl
import pandas as pd
import pytest
from clirun import isslearn as run_isslearn
from nbclient import NotebookClient

import isslearn
from isslearn import CatalogueError
from isslearn.catalogue.events import check_events
from isslearn.catalogue.tables import agency_codes
from isslearn.errors import QuizFileError
from isslearn.lesson import Lesson
from isslearn.quiz.files import load_quiz_file, read_quiz_file
from isslearn.reading.values import CATEGORIES, STATUSES
from tests.conftest import REPO

EXAMPLES = REPO / "notebooks" / "examples"


def write_workbook(path, sheets: dict[str, list[list]], merged: dict[str, list[str]] | None = None):
    """An .xlsx file with the given sheets (rows of cell values, None for an empty cell)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merged or {}).get(name, []):
            sheet.merge_cells(cells)
    book.save(path)
    return path


QUIZ_ROWS = [
    ["question", "option", "correct", "feedback"],
    ["Which module was launched first?", "Zarya", "yes", "Yes, in November 1998."],
    [None, "Unity", None, "Unity followed two weeks later."],
    [None, None, None, None],
    ["How long is one orbit?", "About 90 minutes", True, "Right."],
    [None, "About a day", False, "That is one turn of the Earth."],
]


def titles(events: pd.DataFrame, path) -> dict[str, str]:
    mine = events[events["origin"] == path.name]
    return dict(zip(mine["title"], mine["date"].dt.strftime("%Y-%m-%d"), strict=True))


# ---------------------------------------------------------------- reading workbooks


def test_date_cells_and_day_numbers_are_dates_and_text_dates_keep_their_rules(tmp_path):
    path = write_workbook(
        tmp_path / "events.xlsx",
        {
            "Events": [
                ["Date", "Title", "Category"],
                [dt.date(2000, 11, 2), "A date cell", "crew"],
                [dt.datetime(2001, 2, 7, 15, 30), "A date-and-time cell", None],
                [36832, "A day number", None],
                ["2000-11-2", "Typed text", None],
                [None, None, None],  # an empty row is skipped
            ]
        },
    )
    events = isslearn.load_events(path, builtin=False)
    assert titles(events, path) == {
        "A date cell": "2000-11-02",
        "A date-and-time cell": "2001-02-07",
        "A day number": "2000-11-02",
        "Typed text": "2000-11-02",
    }
    bad = write_workbook(
        tmp_path / "bad.xlsx", {"Events": [["date", "title"], ["2/11/2000", "Text, day first"]]}
    )
    (problem,) = isslearn.validate(bad)
    assert str(problem).startswith(f"{bad}: sheet 'Events', cell A2: column 'date': ")
    assert "is it 2000-11-02 (2 November) or 2000-02-11 (11 February)?" in str(problem)


def test_ods_workbooks_are_read_with_real_dates(tmp_path):
    path = tmp_path / "events.ods"
    frame = pd.DataFrame(
        {"date": [dt.datetime(2016, 1, 15)], "title": ["A spacewalk"], "category": ["spacewalk"]}
    )
    with pd.ExcelWriter(path, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Events", index=False)
        pd.DataFrame(QUIZ_ROWS[1:], columns=QUIZ_ROWS[0]).to_excel(
            writer, sheet_name="Quiz", index=False
        )
    assert titles(isslearn.load_events(path), path) == {"A spacewalk": "2016-01-15"}
    assert [item.question for item in load_quiz_file(path)] == [
        "Which module was launched first?",
        "How long is one orbit?",
    ]


# Bad events as CSV text: the same rows in a workbook must give the same message and fix.
SAME_AS_CSV = {
    "bad-date": ("date,title\n2008-13-40,A\n", "A2"),
    "unknown-category": ("date,title,category\n2000-11-02,A,crewz\n", "C2"),
    "former-agency": ("date,title,agencies\n2000-11-02,A,NASDA\n", "C2"),
    "misspelled-column": ("date,title,Catagory\n2000-11-02,A,crew\n", "C1"),
    "blank-title": ("date,title,summary\n2000-11-02,,A summary\n", "B2"),
    "builtin-id": ("id,date,title\nlaunch-zarya,1998-11-20,Mine\n", "A2"),
}


@pytest.mark.parametrize("case", sorted(SAME_AS_CSV))
def test_a_problem_names_the_sheet_and_cell_with_the_csv_wording(case, tmp_path):
    text, cell = SAME_AS_CSV[case]
    csv_path = tmp_path / f"{case}.csv"
    csv_path.write_text(text, encoding="utf-8")
    rows = [line.split(",") for line in text.splitlines()]
    book = write_workbook(tmp_path / f"{case}.xlsx", {"Events": rows})
    before = book.read_bytes()

    (from_csv,) = isslearn.validate(csv_path)
    (from_book,) = isslearn.validate(book)
    assert (from_book.message, from_book.hint) == (from_csv.message, from_csv.hint)
    column = f"column '{from_csv.column}': " if from_csv.column else ""
    assert str(from_book) == (
        f"{book}: sheet 'Events', cell {cell}: {column}{from_csv.message}; {from_csv.hint}"
    )
    with pytest.raises(CatalogueError) as caught:
        isslearn.load_events(book)
    assert caught.value.problems == [from_book]
    assert book.read_bytes() == before, "the teacher's workbook was changed"


def test_a_notice_reads_the_same_from_a_csv_file_and_from_a_sheet(tmp_path):
    """One kind of finding, one form: 'notice:' after the place, whichever file it is in."""
    text = "date,title,Teacher\n2000-11-02,A,Ms Smith\n"
    csv_path = tmp_path / "n.csv"
    csv_path.write_text(text, encoding="utf-8")
    book = write_workbook(
        tmp_path / "n.xlsx", {"Events": [r.split(",") for r in text.splitlines()]}
    )
    (from_csv,) = check_events(csv_path).notices
    (from_book,) = check_events(book).notices
    assert (from_csv.severity, from_book.severity) == ("notice", "notice")
    said = "notice: column 'Teacher': this column is not one isslearn reads, so it is ignored"
    assert str(from_csv).startswith(f"{csv_path}:1: {said}")
    assert str(from_book).startswith(f"{book}: sheet 'Events', cell C1: {said}")
    assert str(from_csv).split(": notice: ")[1] == str(from_book).split(": notice: ")[1]


def test_a_title_above_the_header_is_left_out_with_a_notice(tmp_path):
    path = write_workbook(
        tmp_path / "e.xlsx",
        {"Events": [["Our class events"], [], ["date", "title"], ["2000-11-02", "A"]]},
        merged={"Events": ["A1:B1"]},
    )
    check = check_events(path)
    assert (check.problems, len(check.value)) == ([], 1)
    (notice,) = check.notices
    assert str(notice).startswith(
        f"{path}: sheet 'Events', row 1: notice: row(s) 1 to 2 above the header are not read"
    )


def test_a_missing_column_names_the_header_row(tmp_path):
    path = write_workbook(tmp_path / "e.xlsx", {"Events": [["day", "title"], ["2000", "A"]]})
    (problem,) = isslearn.validate(path)
    assert str(problem).startswith(f"{path}: sheet 'Events', row 1: column 'date': required")


def test_the_events_sheet_is_found_by_name_or_as_the_only_sheet(tmp_path):
    only = write_workbook(
        tmp_path / "only.xlsx", {"Sheet1": [["date", "title"], ["2000-11-02", "A"]]}
    )
    assert titles(isslearn.load_events(only), only) == {"A": "2000-11-02"}
    named = write_workbook(
        tmp_path / "named.xlsx",
        {"Notes": [["x"]], "EVENTS": [["date", "title"], ["2000-11-03", "B"]], "Quiz": QUIZ_ROWS},
    )
    assert titles(isslearn.load_events(named), named) == {"B": "2000-11-03"}
    wrong = write_workbook(
        tmp_path / "wrong.xlsx", {"Notes": [["x"]], "Event": [["date", "title"]]}
    )
    (problem,) = isslearn.validate(wrong)
    assert str(problem) == (
        f"{wrong}: workbook: there is no sheet named 'Events' (the sheets are 'Notes', "
        "'Event'); did you mean 'Event'? name the sheet that holds the events 'Events'"
    )


def test_merged_cells_stray_cells_and_huge_cells_are_refused_at_their_cells(tmp_path):
    path = write_workbook(
        tmp_path / "e.xlsx",
        {
            "Events": [
                ["date", "title", "category"],
                ["2000-11-02", "A", "crew"],
                ["2000-11-03", "B", None],
                ["2000-11-04", "C", None, "stray"],
                ["2000-11-05", "x" * 25_000, None],
            ]
        },
        merged={"Events": ["C2:C3"]},
    )
    shown = [str(p) for p in isslearn.validate(path)]
    assert shown[0].startswith(f"{path}: sheet 'Events', cells C2:C3: cells C2:C3 are merged")
    assert any(
        s.startswith(f"{path}: sheet 'Events', cell D4: this cell is right of") for s in shown
    )
    assert any(
        s.startswith(f"{path}: sheet 'Events', cell B5: column 'title': the cell holds 25,000")
        for s in shown
    )


def test_merged_cells_in_an_ods_sheet_are_refused_at_their_cells(tmp_path):
    plain = tmp_path / "plain.ods"
    frame = pd.DataFrame({"date": ["2000-11-02", "2000-11-03"], "category": ["crew", "none"]})
    frame.insert(1, "title", ["A", "B"])
    with pd.ExcelWriter(plain, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Events", index=False)
    with zipfile.ZipFile(plain) as source:
        parts = {info: source.read(info) for info in source.infolist()}
    path = tmp_path / "merged.ods"
    with zipfile.ZipFile(path, "w") as target:
        for info, content in parts.items():
            if info.filename == "content.xml":
                text = content.decode("utf-8")
                crew = '<table:table-cell office:value-type="string" office:string-value="crew">'
                assert crew in text
                text = text.replace(crew, crew.replace(">", ' table:number-rows-spanned="2">'))
                none = re.search(r'<table:table-cell[^>]*"none">.*?</table:table-cell>', text)
                text = text.replace(none.group(0), "<table:covered-table-cell/>")
                content = text.encode("utf-8")
            target.writestr(info, content)
    assert isslearn.validate(plain)[0].column == "category"  # 'none' is no category
    (problem,) = isslearn.validate(path)
    assert str(problem).startswith(f"{path}: sheet 'Events', cells C2:C3: cells C2:C3 are merged")


def test_a_damaged_workbook_is_refused_without_a_traceback(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    (problem,) = isslearn.validate(path)
    assert str(problem).startswith(f"{path}: workbook: this workbook cannot be read (")
    assert "save it again as .xlsx or .ods" in str(problem)


def test_a_renamed_file_is_read_by_what_it_is_with_a_notice(tmp_path, capsys):
    book = write_workbook(
        tmp_path / "real.xlsx", {"Events": [["date", "title"], ["2000-11-02", "A"]]}
    )
    as_csv = tmp_path / "really_a_workbook.csv"
    shutil.copy(book, as_csv)
    check = check_events(as_csv)
    assert (check.problems, len(check.value)) == ([], 1)
    assert "is a spreadsheet workbook although its name ends in '.csv'" in str(check.notices[0])
    as_xlsx = tmp_path / "really_text.xlsx"
    as_xlsx.write_text("date;title\n2000-11-02;A\n", encoding="utf-8")
    check = check_events(as_xlsx)
    assert (check.problems, len(check.value)) == ([], 1)
    assert str(check.notices[0]).startswith(f"{as_xlsx}:1: notice: this file is text (CSV)")


# ---------------------------------------------------------------- CSV as spreadsheets save it


@pytest.mark.parametrize(("separator", "said"), [(";", "semicolon"), ("\t", "tab")])
def test_semicolon_and_tab_separated_files_are_read_and_check_says_so(
    separator, said, tmp_path, capsys
):
    path = tmp_path / "events.csv"
    rows = [["date", "title", "summary"], ["2000-11-02", "Crew", "One, two; three"]]
    path.write_text(
        "\n".join(separator.join(f'"{v}"' if separator in v else v for v in r) for r in rows),
        encoding="utf-8",
    )
    events = isslearn.load_events(path, builtin=False)
    assert events["summary"].tolist() == ["One, two; three"]
    ran = run_isslearn(capsys, "check", str(path))
    assert ran.code == 0
    assert ran.out.strip().endswith(f"(read as {said}-separated)")


def test_a_windows_1252_file_is_read_with_a_notice(tmp_path, capsys, told):
    path = tmp_path / "events.csv"
    text = "date;title;countries\n2001-02-03;Visite à l’École de Zürich;Suisse\n"
    path.write_bytes(text.encode("cp1252"))
    before = path.read_bytes()
    check = check_events(path)
    assert (check.problems, len(check.value)) == ([], 1)
    (notice,) = check.notices
    assert "read as Windows-1252" in str(notice)
    assert "'à', 'l’École', 'Zürich'" in str(notice)
    assert "CSV UTF-8" in notice.hint
    events = isslearn.load_events(path, builtin=False)
    assert events["title"].tolist() == ["Visite à l’École de Zürich"]
    assert [str(notice)] == told()  # a lesson shows the notice
    ran = run_isslearn(capsys, "check", str(path))
    assert ran.code == 0
    assert ran.out.strip().endswith("(read as Windows-1252, semicolon-separated)")
    assert path.read_bytes() == before


def test_a_file_in_another_legacy_encoding_is_refused_with_how_to_save_it(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes("date,title\n2001-02-03,Wizyta w Łodzi\n".encode("iso-8859-2"))
    (problem,) = isslearn.validate(path)
    assert str(problem).startswith(f"{path}:2: the file is not UTF-8 text (byte 0xa3")
    assert "'CSV UTF-8 (Comma delimited)'" in problem.hint
    assert "'Unicode (UTF-8)'" in problem.hint


def test_utf16_unicode_text_from_excel_is_read(tmp_path):
    path = tmp_path / "events.txt"
    path.write_bytes("date\ttitle\n2001-02-03\tÉtoile\n".encode("utf-16"))
    events = isslearn.load_events(path, builtin=False)
    assert events["title"].tolist() == ["Étoile"]


# ---------------------------------------------------------------- quiz sheet


def test_a_quiz_sheet_gives_the_same_items_as_yaml(tmp_path):
    path = write_workbook(tmp_path / "class.xlsx", {"Quiz": QUIZ_ROWS})
    items = load_quiz_file(path)
    assert [(i.question, [(o.text, o.correct, o.feedback) for o in i.options]) for i in items] == [
        (
            "Which module was launched first?",
            [
                ("Zarya", True, "Yes, in November 1998."),
                ("Unity", False, "Unity followed two weeks later."),
            ],
        ),
        (
            "How long is one orbit?",
            [
                ("About 90 minutes", True, "Right."),
                ("About a day", False, "That is one turn of the Earth."),
            ],
        ),
    ]


QUIZ_PROBLEMS = {
    "one-option": (
        [["Q?", "A", "yes", "f"]],
        "cell B2: column 'option': the question has 1 option(s); it needs 2 or more",
    ),
    "none-correct": (
        [["Q?", "A", None, "f"], [None, "B", None, "f"]],
        "cell C2: column 'correct': no option of this question is marked correct",
    ),
    "two-correct": (
        [["Q?", "A", "yes", "f"], [None, "B", "yes", "f"]],
        "cell C3: column 'correct': a second option is marked correct; a question has exactly "
        "one right answer; keep 'yes' only in row 2",
    ),
    "not-yes": (
        [["Q?", "A", "maybe", "f"], [None, "B", None, "f"]],
        "cell C2: column 'correct': must be 'yes' or empty (got 'maybe')",
    ),
    "twice": (
        [["Q?", "A", "yes", "f"], [None, "A", None, "f"]],
        "cell B3: column 'option': the option 'A' appears twice (also in row 2)",
    ),
    "no-question": (
        [[None, "A", "yes", "f"]],
        "cell A2: column 'question': this option has no question above it",
    ),
}


@pytest.mark.parametrize("case", sorted(QUIZ_PROBLEMS))
def test_quiz_sheet_problems_name_their_cell(case, tmp_path):
    rows, expected = QUIZ_PROBLEMS[case]
    path = write_workbook(tmp_path / "q.xlsx", {"Quiz": [QUIZ_ROWS[0], *rows]})
    before = path.read_bytes()
    problems = read_quiz_file(path).problems
    assert any(str(p).startswith(f"{path}: sheet 'Quiz', {expected}") for p in problems), problems
    with pytest.raises(QuizFileError):
        load_quiz_file(path)
    assert path.read_bytes() == before


def test_quiz_sheet_columns_get_did_you_mean_and_missing_feedback_a_notice(tmp_path, told):
    typo = write_workbook(
        tmp_path / "typo.xlsx", {"Quiz": [["question", "answer", "correct"], ["Q?", "A", "yes"]]}
    )
    shown = [str(p) for p in read_quiz_file(typo).problems]
    assert f"{typo}: sheet 'Quiz', row 1: column 'option': required column is missing" in shown[0]
    assert "did you mean 'option' where it says 'answer'?" in shown[0]
    quiet = write_workbook(
        tmp_path / "quiet.xlsx", {"Quiz": [QUIZ_ROWS[0], ["Q?", "A", "yes", "f"], [None, "B"]]}
    )
    (notice,) = read_quiz_file(quiet).notices
    assert str(notice).startswith(f"{quiet}: sheet 'Quiz', cell D3: notice: column 'feedback'")
    load_quiz_file(quiet)
    assert told() == [str(notice)]
    away = write_workbook(
        tmp_path / "away.xlsx",
        {
            "Quiz": [
                QUIZ_ROWS[0],
                ["Q?", "Zarya", "yes", "f"],
                [None, "Unity", None, "After Zarya."],
            ]
        },
    )
    (notice,) = read_quiz_file(away).notices
    assert str(notice).startswith(
        f"{away}: sheet 'Quiz', cell D3: notice: column 'feedback': the feedback of the wrong "
        "option 'Unity' names the right answer 'Zarya'"
    )


# ---------------------------------------------------------------- the template


def test_the_template_workbook_has_drop_downs_from_the_catalogue(tmp_path, capsys):
    from isslearn.teacher.sheet_template import EXAMPLE_NOTE

    path = tmp_path / "events.xlsx"
    assert run_isslearn(capsys, "template", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Events", "Quiz", "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    events = book["Events"]
    header = [c.value for c in events[1]]
    assert header == list(isslearn.reading.values.EVENT_COLUMNS)
    example = dict(zip(header, [c.value for c in events[2]], strict=True))
    assert example["note"] == EXAMPLE_NOTE and example["date"].date() == dt.date(2009, 5, 29)
    assert example["id"] == "#"  # marked as the CSV template marks its examples

    def values_of(rule):
        sheet, cells = rule.formula1.split("!")
        return [c.value for row in book[sheet][cells.replace("$", "")] for c in row]

    rules = {str(r.sqref): r for r in events.data_validations.dataValidation}
    column = {name: chr(ord("A") + i) for i, name in enumerate(header)}

    def rule_for(name):
        return rules[f"{column[name]}2:{column[name]}501"]

    assert values_of(rule_for("category")) == list(CATEGORIES)
    assert values_of(rule_for("status")) == list(STATUSES)
    assert values_of(rule_for("agencies")) == list(agency_codes())
    assert rule_for("category").showErrorMessage and not rule_for("agencies").showErrorMessage
    assert rule_for("date").type == "date"
    (correct,) = book["Quiz"].data_validations.dataValidation
    assert str(correct.sqref) == "C2:C501" and values_of(correct) == ["yes"]

    as_written = run_isslearn(capsys, "check", str(path))  # examples only: nothing to use yet
    assert as_written.code == 1
    assert f"{path}: sheet 'Events', row 1: the file has a header but no events" in as_written.out
    assert f"{path}: sheet 'Events', row 2: notice: 1 row(s) whose first cell starts with #" in (
        as_written.out
    )
    assert f"{path}: sheet 'Quiz', cell A1: column 'question': the sheet has a header but no" in (
        as_written.out
    )

    book["Events"]["A2"] = None  # a teacher deletes the #s to use the examples
    quiz = book["Quiz"]
    quiz["A2"] = quiz["A2"].value.removeprefix("# ")
    quiz["A3"] = quiz["A4"] = None
    used = tmp_path / "used.xlsx"
    book.save(used)
    ran = run_isslearn(capsys, "check", str(used))
    assert ran.code == 0, ran.text
    assert "OK, 1 event(s) from 2009-05-29 to 2009-05-29 (read from sheet 'Events')" in ran.out
    assert "OK, 1 quiz item(s) (read from sheet 'Quiz')" in ran.out
    before = path.read_bytes()
    again = run_isslearn(capsys, "template", str(path))
    assert again.code == 1 and "already exists" in again.err
    assert path.read_bytes() == before


# ---------------------------------------------------------------- a lesson from a workbook


def test_the_example_workbook_holds_the_example_csv_and_yaml(capsys):
    book = EXAMPLES / "our_class.xlsx"
    from_csv = isslearn.load_events(EXAMPLES / "our_class_events.csv", builtin=False)
    from_book = isslearn.load_events(book, builtin=False)
    columns = ["date", "title", "summary", "category", "agencies", "countries", "source"]
    pd.testing.assert_frame_equal(from_book[columns], from_csv[columns])
    yaml_items = [
        i for i in load_quiz_file(EXAMPLES / "our_class_quiz.yaml") if hasattr(i, "options")
    ]
    assert load_quiz_file(book) == yaml_items
    assert run_isslearn(capsys, "check", str(book)).code == 0


def test_workbook_via_settings_and_environment(tmp_path, monkeypatch):
    book = shutil.copy(EXAMPLES / "our_class.xlsx", tmp_path / "class.xlsx")
    lesson = Lesson(events_file=book, quiz_file=book)
    assert "Tim Peake's first spacewalk" in set(lesson.events()["title"])
    assert len(lesson.quiz()) == 2
    monkeypatch.setenv("ISSLEARN_EVENTS", str(book))
    monkeypatch.setenv("ISSLEARN_QUIZ", str(book))
    lesson = Lesson()
    assert "Our class saw the station fly over" in set(lesson.events()["title"])
    assert lesson.quiz()[0].question.startswith("Which astronaut made the first spacewalk")


@pytest.mark.slow
@pytest.mark.kernel
def test_a_workbook_drives_a_lesson_in_a_real_kernel_with_no_code_edits(tmp_path):
    shutil.copy(EXAMPLES / "our_class.xlsx", tmp_path / "our_class.xlsx")
    before = (tmp_path / "our_class.xlsx").read_bytes()
    source = textwrap.dedent(
        """\
        from isslearn.lesson import Lesson
        lesson = Lesson(events_file="our_class.xlsx", quiz_file="our_class.xlsx")
        events = lesson.events()
        print(sorted(events.loc[events.origin == "our_class.xlsx", "title"]))
        print([item.question for item in lesson.quiz()])
        """
    )
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = "".join(o.get("text", "") for o in notebook.cells[0].outputs)
    assert "['Our class saw the station fly over', \"Tim Peake's first spacewalk\"," in text
    assert "'Which astronaut made the first spacewalk as an official British astronaut?'" in text
    assert (tmp_path / "our_class.xlsx").read_bytes() == before


def test_the_readme_quotes_the_message_check_prints_for_a_workbook(tmp_path, capsys):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r"`(my_class\.xlsx: sheet [^`]+)`", readme)
    assert quoted, "the README no longer quotes a workbook's message"
    path = write_workbook(
        tmp_path / "my_class.xlsx",
        {
            "Events": [  # laid out as the template is: id first, so the dates are in B
                ["id", "date", "title"],
                [None, dt.date(2000, 11, 2), "One"],
                [None, dt.date(2001, 1, 1), "Two"],
                [None, "2008-13-40", "Columbus arrives"],
            ]
        },
    )
    ran = run_isslearn(capsys, "check", str(path))
    assert ran.code == 1
    assert ran.out.strip().replace(str(path), "my_class.xlsx") == quoted.group(1)


def test_the_broken_example_workbook_has_the_csv_mistakes_at_their_cells():
    from_csv = isslearn.validate(EXAMPLES / "broken_events.csv")
    from_book = isslearn.validate(EXAMPLES / "broken_events.xlsx")
    assert [(p.message, p.hint) for p in from_book] == [(p.message, p.hint) for p in from_csv]
    assert [p.place for p in from_book] == [
        "sheet 'Events', cell A3",
        "sheet 'Events', cell C4",
        "sheet 'Events', cell D5",
    ]


# ---------------------------------------------------------------- one validator, two formats

HEADER = ["question", "option", "correct", "feedback", "model_answer", "complete", "partial",
          "not_yet", "generate", "lessons"]  # fmt: skip


def sheet_rows(*rows: dict) -> list[list]:
    return [HEADER, *[[row.get(column) for column in HEADER] for row in rows]]


def test_a_sheet_holds_written_and_generated_questions(tmp_path):
    written = {"question": "Why?", "model_answer": "Because.", "lessons": "01, 3"}
    written |= {"complete": "a", "partial": "b", "not_yet": "c"}
    rows = [written, {"generate": "launch_order: unity, zarya"}, {"generate": "built_by: columbus"}]
    path = write_workbook(tmp_path / "kinds.xlsx", {"Quiz": sheet_rows(*rows)})
    found = read_quiz_file(path)
    assert not found.problems and not found.notices
    written, order, built = found.items
    assert written.checklist == ("a", "b", "c") and found.scopes[0] == ("01", "03")
    assert order.items == ("Zarya", "Unity") and built.answer.text == "ESA"


SAME_MISTAKE = {
    "two right options": (
        "- question: Q?\n  options:\n    - text: A\n      correct: true\n      feedback: f\n"
        "    - text: B\n      correct: true\n      feedback: f\n",
        [{"question": "Q?", "option": "A", "correct": "yes", "feedback": "f"},
         {"option": "B", "correct": "yes", "feedback": "f"}],
    ),
    "no right option": (
        "- question: Q?\n  options:\n    - text: A\n      feedback: f\n"
        "    - text: B\n      feedback: f\n",
        [{"question": "Q?", "option": "A", "feedback": "f"}, {"option": "B", "feedback": "f"}],
    ),
    "an option twice": (
        "- question: Q?\n  options:\n    - text: A\n      correct: true\n      feedback: f\n"
        "    - text: A\n      feedback: f\n",
        [{"question": "Q?", "option": "A", "correct": "yes", "feedback": "f"},
         {"option": "A", "feedback": "f"}],
    ),
    "feedback naming the answer": (
        "- question: Q?\n  options:\n    - text: Zarya\n      correct: true\n      feedback: f\n"
        "    - text: Unity\n      feedback: After Zarya.\n",
        [{"question": "Q?", "option": "Zarya", "correct": "yes", "feedback": "f"},
         {"option": "Unity", "feedback": "After Zarya."}],
    ),
    "a checklist level missing": (
        "- write: Why?\n  model_answer: Because.\n  checklist:\n    complete: a\n"
        "    not_yet: c\n",
        [{"question": "Why?", "model_answer": "Because.", "complete": "a", "not_yet": "c"}],
    ),
    "an unknown generator": (
        "- generate: who_built\n",
        [{"generate": "who_built"}],
    ),
    "a module the catalogue lacks": (
        "- generate: owned_by\n  module: kibo\n",
        [{"generate": "owned_by: kibo"}],
    ),
}  # fmt: skip


def messages(problems) -> list[str]:
    return sorted(re.sub(r"\((also) [^)]*\)", r"(\1 ...)", p.message) for p in problems)


@pytest.mark.parametrize("case", sorted(SAME_MISTAKE))
def test_the_same_mistake_gets_the_same_message_in_yaml_and_in_a_sheet(case, tmp_path):
    """Issue 18: the YAML reader and the Quiz-sheet reader validated with separate code, and
    their messages had drifted apart ('no option is marked correct' / '... of this question')."""
    text, rows = SAME_MISTAKE[case]
    (tmp_path / "q.yaml").write_text(text, encoding="utf-8")
    from_yaml = read_quiz_file(tmp_path / "q.yaml")
    from_sheet = read_quiz_file(write_workbook(tmp_path / "q.xlsx", {"Quiz": sheet_rows(*rows)}))
    assert messages(from_yaml.problems) == messages(from_sheet.problems)
    assert messages(from_yaml.notices) == messages(from_sheet.notices)
    assert from_yaml.problems or from_yaml.notices
