"""Every kind of bad teacher file is refused with its file, line and column, never a traceback.

Each case also checks that the file on disk is left exactly as it was.
"""

from __future__ import annotations

import pytest

import isslearn
from isslearn import CatalogueError

GOOD_HEADER = "date,title,category,agencies\n"

CASES = {
    # name: (file content, expected line, expected column or None, words the message must hold)
    "impossible-date": (
        GOOD_HEADER + "2008-02-11,Fine,assembly,ESA\n2008-13-40,Bad date,,\n",
        3,
        "date",
        ["2008-13-40", "no month 13", "YYYY-MM-DD"],
    ),
    "day-out-of-range": (
        "date,title\n2009-02-29,Not a leap year\n",
        2,
        "date",
        ["February 2009 has 28 days"],
    ),
    "year-zero": (
        "date,title\n0000-01-01,Too early\n",
        2,
        "date",
        ["outside the years 1900 to 2100"],
    ),
    "blank-date": ("date,title\n,No date\n", 2, "date", ["blank", "YYYY-MM-DD"]),
    "words-as-date": ("date,title\nlast tuesday,Vague\n", 2, "date", ["'last tuesday'"]),
    "missing-title-column": (
        "date,titel\n2000-11-02,Typo in header\n",
        1,
        "title",
        ["required column is missing", "titel"],
    ),
    "missing-date-column": ("title\nNo dates at all\n", 1, "date", ["required column is missing"]),
    "blank-title": ("date,title\n2000-11-02,\n", 2, "title", ["blank"]),
    "unknown-category": (
        GOOD_HEADER + "2000-11-02,Lab work,scince,\n",
        2,
        "category",
        ["'scince'", "assembly, crew", "did you mean 'science'"],
    ),
    "unknown-agency": (
        GOOD_HEADER + "2000-11-02,Who?,crew,NASA;NASDAQ\n",
        2,
        "agencies",
        ["'NASDAQ'", "Roscosmos", "did you mean 'NASA'"],
    ),
    "duplicate-id": (
        "id,date,title\nvisit,2000-11-02,One\nvisit,2001-01-01,Two\n",
        3,
        "id",
        ["duplicate id 'visit'", "line 2"],
    ),
    "builtin-id": (
        "id,date,title\nlaunch-zarya,1998-11-20,Mine\n",
        2,
        "id",
        ["already used by the built-in catalogue"],
    ),
    "bad-id": ("id,date,title\nMy Visit!,2000-11-02,One\n", 2, "id", ["not a valid id"]),
    "too-many-fields": (
        "date,title\n2000-11-02,Crew boards, with a comma\n",
        2,
        None,
        ["3 fields", "header has 2", "double quotes"],
    ),
    "unknown-status": (
        "date,title,status\n2031-01-01,Deorbit,maybe\n",
        2,
        "status",
        ["'maybe'", "happened, planned"],
    ),
    "empty-file": ("", 1, None, ["empty"]),
    "only-whitespace": ("\n  \n", 1, None, ["empty"]),
    "header-only": ("date,title\n", 1, None, ["no events"]),
    # Semicolons, tabs and Windows-1252 text are read (tests/test_sheets.py); a byte that no
    # Western encoding reads as a letter is refused.
    "not-utf8": (
        "date,title\n2000-11-02,Caf\x81\n".encode("latin-1"),
        2,
        None,
        ["not UTF-8", "0x81", "CSV UTF-8"],
    ),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, None, ["not"]),
    "nul-byte": (b"date,title\n2000-11-02,A\x00B\n", 2, None, ["NUL"]),
    "duplicate-column": ("date,title,title\n2000-11-02,A,B\n", 1, "title", ["twice"]),
    # Silent traps a teacher met (issue 14): each was accepted as OK before.
    "misspelled-column": (
        "Date,Title,Catagory\n2000-11-02,A,crew\n",
        1,
        "Catagory",
        ["values would be lost", "did you mean 'category'"],
    ),
    "synonym-column": (
        "date,title,Agency\n2000-11-02,A,NASA\n",
        1,
        "Agency",
        ["did you mean 'agencies'"],
    ),
    "unclosed-quote": (
        'date,title\n2000-11-02,A\n2000-11-03,"Unclosed title\n2000-11-04,C\n2000-11-05,D\n',
        3,
        "title",
        ["double quote opened on line 3", "to line 5", "2 more row(s)", "close the quote"],
    ),
    "quote-inside-a-field": (  # found by the property test: the summary was silently lost
        'date,title,summary\n2000-11-02,"Zarya" launches,Details\n',
        2,
        None,
        ["not where CSV expects it", '""'],
    ),
    "extra-empty-fields": (
        "date,title\n2000-11-02,A,,\n",
        2,
        None,
        ["4 fields", "header has 2", "extra ones are empty", "delete the extra commas"],
    ),
    "agencies-with-comma": (
        'date,title,agencies\n2000-11-02,A,"ESA, NASA"\n',
        2,
        "agencies",
        ["'ESA, NASA'", "separate agencies with ';', e.g. 'ESA;NASA'"],
    ),
    "agencies-with-comma-unquoted": (
        GOOD_HEADER + "2000-11-02,A,crew,ESA, NASA\n",
        2,
        None,
        ["5 fields but the header has 4", "separate agencies with ';', e.g. 'ESA;NASA'"],
    ),
    "comma-in-a-title-before-agencies": (  # no agency guessed from a piece of the title
        GOOD_HEADER + "2000-11-02,Crew boards, at last,crew,NASA\n",
        2,
        None,
        ["5 fields but the header has 4", "wrap any field that contains a comma"],
    ),
    "countries-unquoted": (
        "date,title,countries\n2000-11-02,A,Italy, Japan\n",
        2,
        None,
        ["separate countries with ';', e.g. 'Italy;Japan'"],
    ),
    "countries-with-comma": (
        'date,title,countries\n2000-11-02,A,"Italy, Japan"\n',
        2,
        "countries",
        ["separate countries with ';', e.g. 'Italy;Japan'"],
    ),
    "day-first-date": ("date,title\n13/3/2024,A\n", 2, "date", ["YYYY-MM-DD: 2024-03-13"]),
    "month-first-date": ("date,title\n3/13/2024,A\n", 2, "date", ["YYYY-MM-DD: 2024-03-13"]),
    "ambiguous-date": (
        "date,title\n1/3/2024,A\n",
        2,
        "date",
        ["is it 2024-03-01 (1 March) or 2024-01-03 (3 January)?"],
    ),
    "date-in-words": ("date,title\n21 July 2011,A\n", 2, "date", ["YYYY-MM-DD: 2011-07-21"]),
    "former-agency-nasda": (
        GOOD_HEADER + "1998-12-01,A,crew,NASDA\n",
        2,
        "agencies",
        ["'NASDA'", "did you mean 'JAXA'?", "1 October 2003"],
    ),
    "former-agency-rka": (
        GOOD_HEADER + "1998-12-01,A,crew,Russian Space Agency\n",
        2,
        "agencies",
        ["did you mean 'Roscosmos'?"],
    ),
    "agency-full-name": (
        GOOD_HEADER + "1998-12-01,A,crew,European Space Agency\n",
        2,
        "agencies",
        ["did you mean 'ESA'?"],
    ),
    "huge-field": (
        "date,title\n2000-11-02," + "x" * 30_000 + "\n",
        2,
        "title",
        ["characters long"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_refused_with_its_line(case, write_file):
    content, line, column, words = CASES[case]
    path = write_file(f"{case}.csv", content)
    before = path.read_bytes()

    problems = isslearn.validate(path)
    assert problems, f"{case}: no problem reported"
    first = problems[0]
    assert first.file == str(path)
    assert first.line == line
    assert first.column == column
    message = str(first)
    assert message.startswith(f"{path}:{line}: ")
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"

    with pytest.raises(CatalogueError) as caught:
        isslearn.load_events(path)
    assert str(first) in str(caught.value)
    assert caught.value.problems == problems
    assert path.read_bytes() == before, "the teacher's file was changed"


def test_every_problem_is_reported_not_just_the_first(write_file):
    path = write_file("many.csv", GOOD_HEADER + "2008-13-40,A,,\n2000-01-01,B,party,\n,C,,ESAA\n")
    problems = isslearn.validate(path)
    assert [(p.line, p.column) for p in problems] == [
        (2, "date"),
        (3, "category"),
        (4, "date"),
        (4, "agencies"),
    ]


def test_multiline_quoted_field_is_reported_and_keeps_line_numbers_right(write_file):
    path = write_file("multi.csv", 'date,title,summary\n2000-11-02,A,"two\nlines"\n2008-13-40,B,\n')
    problems = isslearn.validate(path)
    assert [(p.line, p.column) for p in problems] == [(2, "summary"), (4, "date")]
    assert "opened on line 2 runs on to line 3" in str(problems[0])


def test_case_and_spacing_of_choices_are_forgiven(write_file):
    path = write_file("loose.csv", "date,title,category,agencies\n2000-11-02,A,Crew, nasa ; esa\n")
    events = isslearn.load_events(path, builtin=False)
    assert events["category"].item() == "crew"
    assert events["agencies"].item() == ("NASA", "ESA")


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    [problem] = isslearn.validate(tmp_path / "nope.csv")
    assert "file not found" in str(problem)


def test_good_file_has_no_problems(write_file):
    path = write_file("ok.csv", "date,title\n2000-11-02,Fine\n")
    assert isslearn.validate(path) == []


def test_every_misread_column_of_a_teachers_header_is_named(write_file):
    """The header from the report: three columns were silently dropped, 'OK, 1 event(s)'."""
    path = write_file("h.csv", "Date,Title,Catagory,Agency,Description\n2000-11-02,A,crew,NASA,B\n")
    problems = isslearn.validate(path)
    assert [(p.line, p.column) for p in problems] == [
        (1, "Catagory"),
        (1, "Agency"),
        (1, "Description"),
    ]
    hints = [p.hint for p in problems]
    assert hints == [
        f"did you mean '{c}'? rename the column in the header"
        for c in ("category", "agencies", "summary")
    ]


def test_a_missing_required_column_is_reported_once(write_file):
    path = write_file("h.csv", "date,titel\n2000-11-02,A\n")
    [problem] = isslearn.validate(path)
    assert (problem.column, problem.message) == ("title", "required column is missing")
    assert "where it says 'titel'" in problem.hint


def test_a_synonym_of_a_missing_required_column_is_named(write_file):
    path = write_file("h.csv", "when,title\n2000-11-02,A\n")
    [problem] = isslearn.validate(path)
    assert problem.column == "date" and "where it says 'when'" in problem.hint


def test_an_unknown_column_is_a_notice_not_silence(write_file, told):
    path = write_file("n.csv", "date,title,Teacher\n2000-11-02,A,Ms Smith\n")
    before = path.read_bytes()
    assert isslearn.validate(path) == []
    check = isslearn.catalogue.events.check_events(path)
    [notice] = check.notices
    assert notice.severity == "notice"
    assert str(notice) == (  # 'notice:' after the line, as from a workbook or a quiz file
        f"{path}:1: notice: column 'Teacher': this column is not one isslearn reads, so it is "
        "ignored; the columns it reads are: id, date, title, summary, category, agencies, "
        "countries, status, source, note"
    )
    assert len(check.value) == 1
    isslearn.load_events(path)
    isslearn.load_events(path)
    assert told() == [str(notice)], "told once per session"
    assert path.read_bytes() == before


def test_a_near_miss_beside_its_real_column_is_only_a_notice(write_file):
    """'source_url' next to 'source' loses nothing: both are read or reported, not refused."""
    path = write_file("n.csv", "date,title,source,sources\n2000-11-02,A,x,y\n")
    assert isslearn.validate(path) == []
    assert [n.column for n in isslearn.catalogue.events.check_events(path).notices] == ["sources"]


def test_a_row_problem_does_not_hide_the_rows_after_it(write_file):
    path = write_file("r.csv", "date,title\n2000-11-02,A,,\n2000-13-01,B\n")
    assert [(p.line, p.column) for p in isslearn.validate(path)] == [(2, None), (3, "date")]


def test_tilde_in_the_class_events_variable_is_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "class.csv").write_text("date,title\n2000-11-02,Our visit\n", encoding="utf-8")
    monkeypatch.setenv("ISSLEARN_EVENTS", "~/class.csv")
    events = isslearn.Lesson(builtin_events=False).events()
    assert events["title"].tolist() == ["Our visit"]
    assert isslearn.load_events("~/class.csv", builtin=False)["title"].tolist() == ["Our visit"]


def test_a_header_in_another_language_is_told_which_columns_it_means(write_file):
    path = write_file("de.csv", "Datum,Titel,Kategorie,Beschreibung\n2000-11-02,A,crew,B\n")
    problems = isslearn.validate(path)
    assert [(p.column, p.hint.split(";")[-1].strip()) for p in problems] == [
        ("date", "did you mean 'date' where it says 'Datum'?"),
        ("title", "did you mean 'title' where it says 'Titel'?"),
        ("Kategorie", "did you mean 'category'? rename the column in the header"),
        ("Beschreibung", "did you mean 'summary'? rename the column in the header"),
    ]


def test_a_file_with_no_header_line_is_a_problem(write_file):
    """Found by the property test: blank lines and an empty quoted field passed as 'fine'."""
    for content in ('\n""', "# only a comment\n\n"):
        path = write_file("no_header.csv", content)
        [problem] = isslearn.validate(path)
        assert str(problem) == (
            f"{path}:1: the file has no header line, only blank lines, empty fields or # "
            "comments; it needs a header line such as 'date,title'"
        )
