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
    "semicolons": ("date;title\n2000-11-02;Crew\n", 1, None, ["separated by ';'"]),
    "tabs": ("date\ttitle\n2000-11-02\tCrew\n", 1, None, ["separated by tabs"]),
    "not-utf8": (
        "date,title\n2000-11-02,Caf\xe9\n".encode("latin-1"),
        2,
        None,
        ["not UTF-8", "0xe9"],
    ),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, None, ["not"]),
    "nul-byte": (b"date,title\n2000-11-02,A\x00B\n", 2, None, ["NUL"]),
    "duplicate-column": ("date,title,title\n2000-11-02,A,B\n", 1, "title", ["twice"]),
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


def test_multiline_quoted_field_keeps_line_numbers_right(write_file):
    path = write_file("multi.csv", 'date,title,summary\n2000-11-02,A,"two\nlines"\n2008-13-40,B,\n')
    [problem] = isslearn.validate(path)
    assert problem.line == 4


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
