"""Random and garbled teacher CSV files: isslearn always answers with problems, never a crash.

Properties checked for every generated file (bad bytes, other delimiters, huge fields, missing
columns, odd dates, random unicode, stray quotes, byte-order marks, CRLF and CR line ends):

- ``validate`` returns a list of :class:`~isslearn.Problem`, each printed as ``FILE:LINE: ...``
  with a line inside the file (at most one past its last line);
- ``load_events`` raises :class:`~isslearn.CatalogueError` exactly when ``validate`` finds
  problems, and no other exception;
- the file on disk is byte-for-byte unchanged;
- ``isslearn check FILE`` exits 0 or 1 and never prints a traceback (a few files only: each is
  a new process).
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from clirun import isslearn as run_isslearn
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import isslearn
from isslearn import CatalogueError, Problem

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

COLUMNS = ["id", "date", "title", "summary", "category", "agencies", "countries", "status"]
ODD_COLUMNS = ["Date", " TITLE ", "titel", "dat", "", "date", "title", "é", "a,b", '"date"']
ODD_DATES = [
    "2000-11-02",
    "2000-11-2",
    "2000-1-1",
    "1998-11-20",
    "2009-02-29",
    "2008-02-29",
    "2008-13-40",
    "0000-01-01",  # once crashed fields.parse_date (datetime has no year 0)
    "0001-01-01",
    "9999-12-31",
    "1677-09-21",
    "2262-04-12",
    "1900-02-29",
    "2000-00-10",
    "2000-10-00",
    "2000/11/02",
    "02.11.2000",
    "11/02/2000",
    "2000-11-02T10:00",
    " 2000-11-02 ",
    "２０００-１１-０２",
    "٢٠٠٠-١١-٠٢",
    "last tuesday",
    "",
    "2000-11-02\n",
]
ODD_TEXT = [
    "<script>alert(1)</script>",
    '"quoted"',
    'a "stray quote',
    "comma, inside",
    "x" * 25_000,
    "line\nbreak",
    "\u202eright-to-left",
    "\x00",
    "NASA;ESA;",
    "NASA; nasda",
    "assembly",
    "Planned",
    "launch-zarya",
    "my-class-visit",
    "Bad Id!",
]

delimiters = st.sampled_from([",", ",", ",", ";", "\t", "|"])
line_ends = st.sampled_from(["\n", "\r\n", "\r"])
texts = st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=40))
fields = st.one_of(st.sampled_from(ODD_DATES), texts, st.sampled_from(COLUMNS))


@st.composite
def quoted(draw, value: str) -> str:
    """A CSV field, sometimes quoted properly, sometimes badly."""
    how = draw(st.sampled_from(["plain", "plain", "quoted", "open-quote"]))
    if how == "quoted":
        return '"' + value.replace('"', '""') + '"'
    if how == "open-quote":
        return '"' + value
    return value


@st.composite
def csv_texts(draw) -> str:
    header = draw(
        st.one_of(
            st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=8),
            st.lists(st.sampled_from(COLUMNS + ODD_COLUMNS), min_size=0, max_size=8),
            st.just(["date", "title"]),
        )
    )
    sep, end = draw(delimiters), draw(line_ends)
    lines = [sep.join(header)]
    for _ in range(draw(st.integers(0, 6))):
        width = draw(st.integers(0, len(header) + 2))
        values = [draw(quoted(draw(fields))) for _ in range(width)]
        lines.append(sep.join(values))
    text = end.join(lines) + draw(st.sampled_from(["", end, end + end]))
    return draw(st.sampled_from(["", "", "\ufeff"])) + text


@st.composite
def csv_bytes(draw) -> bytes:
    """Whole files: structured-but-wrong CSV in several encodings, or any bytes at all."""
    kind = draw(st.sampled_from(["csv", "csv", "csv", "csv-latin1", "csv-utf16", "garbled"]))
    if kind == "garbled":
        return draw(st.binary(max_size=300))
    text = draw(csv_texts())
    if kind == "csv-utf16":
        return text.encode("utf-16")
    if kind == "csv-latin1":
        return text.encode("latin-1", errors="replace")
    data = text.encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return data


def editor_lines(data: bytes) -> int:
    """Lines as a text editor counts them (\\n, \\r\\n or \\r end a line)."""
    return len(re.split(rb"\r\n|\r|\n", data))


_FOLDER = Path(tempfile.mkdtemp(prefix="isslearn-fuzz-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)


def _write(data: bytes) -> Path:
    path = _FOLDER / "teacher events.csv"  # a space in the name, as teachers' files often have
    path.write_bytes(data)
    return path


def check_problems(problems: list, path: Path, data: bytes) -> None:
    assert isinstance(problems, list)
    last = editor_lines(data) + 1
    for problem in problems:
        assert isinstance(problem, Problem)
        if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # a workbook's first bytes
            # (found by this test): read as the workbook it says it is, placed in it
            assert str(problem).startswith(f"{path}: workbook: "), problem
            continue
        m = re.match(re.escape(str(path)) + r":(\d+): \S", str(problem))
        assert m, f"not FILE:LINE: ... -> {problem}"
        assert 1 <= int(m.group(1)) <= last, f"line {m.group(1)} outside 1..{last}: {problem}"


def check_file(data: bytes) -> None:
    path = _write(data)
    problems = isslearn.validate(path)
    check_problems(problems, path, data)
    try:
        events = isslearn.load_events(path)
    except CatalogueError as exc:
        assert problems, f"load_events refused a file validate passed: {exc}"
        assert exc.problems == problems
    else:
        assert not problems, f"load_events accepted a file with problems: {problems}"
        assert isinstance(events, pd.DataFrame)
        assert (events["origin"] == path.name).any()
    assert path.read_bytes() == data, "the teacher's file was changed"


@FUZZ
@given(csv_bytes())
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"date,title\r\n2000-11-02,A\r\n")
@example(b"date,title\r2000-11-02,A\r")
@example(b'date,title\n2000-11-02,"unclosed\n2000-11-03,B\n')
@example(b"date;title\n2000-11-02;A\n")
@example(("date,title\n2000-11-02," + "x" * 30_000 + "\n").encode())
@example(b"date,title\n\xff\xfe,A\n")
def test_garbled_files_give_problems_never_a_crash(data):
    check_file(data)


@FUZZ
@given(
    st.lists(
        st.tuples(st.sampled_from(ODD_DATES), texts, st.sampled_from(["", "crew", "Crew", "x"])),
        min_size=1,
        max_size=5,
    )
)
def test_well_formed_files_with_odd_values(rows):
    """Properly quoted CSV, so only the values are odd: dates, unicode, markup, categories."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "title", "category"])
    writer.writerows(rows)
    check_file(out.getvalue().encode("utf-8", errors="surrogatepass"))


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=csv_bytes())
@example(data=b"date,title\n2000-13-02,A\n")
@example(data=b"date,title\n2000-11-02,A\n")
def test_check_command_exits_0_or_1_without_traceback(data, capsys):
    """In this process, as `isslearn check FILE` runs it (tests/test_cli.py runs the installed
    command once in a new process)."""
    path = _write(data)
    ran = run_isslearn(capsys, "check", str(path))  # asserts no traceback
    assert ran.code in (0, 1), ran.text[-2000:]
    assert path.read_bytes() == data


@pytest.mark.parametrize("value", ODD_DATES)
def test_each_odd_date_alone(value):
    """Every odd date on its own line, so a crash names the date that caused it."""
    check_file(f'date,title\n"{value}",An event\n'.encode())


def test_year_zero_is_a_problem_not_a_crash():
    """The first crash this file found: year 0 reached datetime.date and raised ValueError."""
    path = _write(b"date,title\n0000-01-01,An event\n")
    problems = isslearn.validate(path)
    assert [p.line for p in problems] == [2]
    assert problems[0].column == "date"


# ---------------------------------------------------------------- nothing read half-way
# A teacher's file that validates must have been read whole: every row an event, every field's
# text in its column, every header column either read or named in a notice. The files are
# written the way people write them by hand: fields quoted properly, not at all, or with a
# quote never closed; now and then a trailing comma.

KNOWN_TEXT_COLUMNS = ["title", "summary", "source", "note"]
OTHER_COLUMNS = ["Teacher", "Catagory", "Agency", "Description", "room", "sources"]
GOOD_DATES = ["2000-11-02", "1998-11-20", "2024-02-29", "2031-01-01"]
field_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30
).filter(lambda t: t.strip())
tricky_text = st.one_of(
    field_text,
    st.sampled_from(['say "hi"', '"quoted"', "a, b", "a,\nb", "x\r\ny", '"open', "2000-01-01,Z"]),
)


@st.composite
def hand_written_files(draw) -> tuple[list[str], list[dict[str, str]], str]:
    extra = draw(st.lists(st.sampled_from(KNOWN_TEXT_COLUMNS + OTHER_COLUMNS), unique=True))
    header = ["date", "title", *[c for c in extra if c != "title"]]
    rows = []
    for _ in range(draw(st.integers(1, 5))):
        row = {"date": draw(st.sampled_from(GOOD_DATES))}
        row |= {col: draw(tricky_text) for col in header[1:]}
        rows.append(row)
    lines = [",".join(header)]
    for row in rows:
        cells = []
        for col in header:
            value = row[col]
            how = draw(st.sampled_from(["quoted", "quoted", "plain", "open-quote"]))
            if how == "plain" and not re.search(r"[\r\n]", value):
                cells.append(value)
            elif how == "open-quote":
                cells.append('"' + value)
            else:
                cells.append('"' + value.replace('"', '""') + '"')
        lines.append(",".join(cells) + draw(st.sampled_from(["", "", "", ","])))
    return header, rows, "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def as_read(text: str) -> str:
    """What a careful reading keeps of a field: quote characters may go, outer spaces do."""
    return text.replace('"', "").strip()


@FUZZ
@given(hand_written_files())
@example(  # the report's case: an unclosed quote swallowed the next rows into one title
    (
        ["date", "title"],
        [{"date": d, "title": t} for d, t in [("2000-11-02", "A"), ("2000-11-03", "B")]],
        'date,title\n2000-11-02,"A\n2000-11-03,B\n',
    )
)
def test_a_file_that_validates_was_read_whole(case):
    header, rows, text = case
    path = _write(text.encode("utf-8"))
    if isslearn.validate(path):
        return
    events = isslearn.load_events(path, builtin=False)
    assert len(events) == len(rows), f"{len(rows)} rows written, {len(events)} read:\n{text}"
    for col in [c for c in header if c in KNOWN_TEXT_COLUMNS]:
        written = sorted(as_read(row[col]) for row in rows)
        assert sorted(as_read(v) for v in events[col]) == written, f"column {col}:\n{text}"
    read = set(COLUMNS) | {"source", "note"}
    ignored = {n.column for n in isslearn.catalogue.events.check_events(path).notices}
    assert ignored == {c for c in header if c not in read}, f"columns dropped silently:\n{text}"
