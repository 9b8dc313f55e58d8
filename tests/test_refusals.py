"""Errors as promised: everything isslearn refuses is an isslearn.IsslearnError.

Every public function, class and command is called with bad input drawn by hypothesis: dates
that are not dates, ids that are not in the catalogue, tables that are empty, cut short, missing
a column or of the wrong kind, files that are missing, folders, empty or garbage, quiz items
that cannot work. Each call either works or raises an IsslearnError subclass (whose message
says what to change); any other exception is a bug this test reports with the call that made
it. The public API is read from ``__all__``, so a new function is driven without a new test.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from clirun import isslearn as run_isslearn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import isslearn
from isslearn import IsslearnError, errors, plots, quiz, widgets

pytestmark = pytest.mark.slow  # draws about a thousand figures and explorers: a few minutes

PUBLIC = {
    f"{module.__name__}.{name}": getattr(module, name)
    for module in (isslearn, plots, widgets, quiz)
    for name in module.__all__
}
# Public names that are types a user receives or annotates with, not calls to make with input.
NOT_CALLED = {
    "isslearn.Problem": "a record of one finding; any values make one",
    "isslearn.plots.Chart": "what a figure function returns; isslearn makes it",
    "isslearn.widgets.Explorer": "the base of every explorer; driven below through update()",
    "isslearn.quiz.Feedback": "what checking an answer returns; isslearn makes it",
    "isslearn.quiz.QuizItem": "a type (MultipleChoice or Ordering), not a class to call",
}
CALLED = {
    name: thing
    for name, thing in PUBLIC.items()
    if callable(thing)
    and name not in NOT_CALLED
    and not (inspect.isclass(thing) and issubclass(thing, BaseException))
}

TABLES: dict[str, Callable[[], pd.DataFrame]] = {
    "events": isslearn.load_events,
    "modules": isslearn.load_modules,
    "stays": isslearn.load_stays,
    "expeditions": isslearn.load_expeditions,
    "agencies": isslearn.load_agencies,
    "corrections": isslearn.load_corrections,
    "flights": isslearn.load_flights,
    "attachments": isslearn.load_attachments,
}


# ---------------------------------------------------------------- bad values, by kind

TEXT = st.one_of(
    st.sampled_from(["", " ", "zarya", "ESA", "crew", "time_zone", "2011-07-21", "NaN", "-1"]),
    st.text(max_size=15),
)
DATES = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "2011-07-21",
            "1998-13-01",
            "2009-02-29",
            "July 2011",
            "",
            "0000-01-01",
            "1900-01-01",
            "2100-12-31",
            "2101-01-01",
            "21/7/2011",
            "2011",
        ]
    ),
    st.text(max_size=12),
    st.integers(-5, 3000),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(min_value=dt.datetime(1, 1, 1), timezones=st.none() | st.timezones()),
    st.just(pd.NaT),
    st.just(np.datetime64("NaT")),
    st.just(np.datetime64("2011-07-21")),
)
INTEGERS = st.one_of(st.integers(-3, 80), st.integers(-(10**12), 10**12))
WORD_LISTS = st.one_of(
    st.lists(TEXT, max_size=4),
    st.lists(st.sampled_from(["crew", "assembly", "ESA", "NASA", "Dragon", "ATV"]), max_size=4),
    TEXT,
)


@st.composite
def tables(draw: st.DrawFn, kind: str) -> pd.DataFrame:
    """The right table, or one made wrong the ways a learner makes it wrong."""
    right = TABLES[kind]()
    how = draw(st.sampled_from(["right", "empty", "few", "no column", "wrong kind", "blank"]))
    if how == "empty":
        return right.iloc[:0]
    if how == "few":
        start = draw(st.integers(0, max(len(right) - 1, 0)))
        return right.iloc[start : start + draw(st.integers(1, 4))]
    if how == "no column":
        return right.drop(columns=[draw(st.sampled_from(list(right.columns)))])
    if how == "wrong kind":
        return TABLES[draw(st.sampled_from(sorted(set(TABLES) - {kind})))]()
    if how == "blank":
        return pd.DataFrame()
    return right


def options() -> st.SearchStrategy[quiz.Option]:
    return st.builds(quiz.Option, st.sampled_from(["A", "B", "C", "", "A "]), st.booleans(), TEXT)


def items() -> st.SearchStrategy[object]:
    """Quiz items that work (the item classes are called with bad input on their own)."""
    return st.sampled_from(
        [
            quiz.launch_order_question(seed=1),
            quiz.which_agency_built("columbus"),
            quiz.MultipleChoice("Q?", (quiz.Option("A", True, "Yes."), quiz.Option("B"))),
        ]
    )


def value_for(name: str, annotation: str, files: dict[str, Path]) -> st.SearchStrategy[object]:
    """A strategy of bad (and some good) values for a parameter, by its name and type."""
    if name in TABLES and "DataFrame" in annotation:
        return st.one_of(st.none(), tables(name)) if "None" in annotation else tables(name)
    if "DateLike" in annotation:
        return DATES
    if "PathLike" in annotation:
        return st.sampled_from(sorted(files.values())).map(str) | st.sampled_from(
            [str(p) for p in files.values()] + ["~/no-such-file.csv", "~.csv"]
        )
    if "Callable" in annotation:  # a function given to isslearn: one that works, or none
        return st.sampled_from([None, str.upper]) if "None" in annotation else st.just(str.upper)
    if literal := re.search(r"Literal\[(.*?)\]", annotation):
        choices = [c.strip().strip("'\"") for c in literal.group(1).split(",")]
        return st.sampled_from(choices) | TEXT
    if name in ("items",) and "QuizItem" in annotation:
        return st.lists(items(), max_size=3) | items()
    if "QuizItem" in annotation or "MultipleChoice | Ordering" in annotation:
        return items()
    if "Option" in annotation:
        return st.lists(options(), max_size=12).map(tuple)
    if "pd.Series" in annotation:
        modules = isslearn.load_modules()
        return TEXT | st.sampled_from([modules.iloc[0], modules.iloc[0].drop("name"), pd.Series()])
    if annotation.startswith(("tuple[str", "Sequence[str]", "Iterable[str]", "str | Iterable")):
        return WORD_LISTS if "None" not in annotation else st.none() | WORD_LISTS
    if "bool" in annotation:
        return st.booleans()
    if "int" in annotation:
        return st.none() | INTEGERS if "None" in annotation else INTEGERS
    if "str" in annotation:
        return st.none() | TEXT if "None" in annotation else TEXT
    raise AssertionError(f"no strategy for {name}: {annotation}; add one to value_for")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """Files a teacher might give: missing, a folder, empty, garbage, broken and good ones."""
    folder = tmp_path_factory.mktemp("teachers files")
    found = {
        "missing": folder / "missing.csv",
        "folder": folder / "a folder",
        "empty": folder / "empty.csv",
        "garbage": folder / "garbage.csv",
        "bad": folder / "bad.csv",
        "good": folder / "good.csv",
        "good quiz": folder / "quiz.yaml",
        "bad quiz": folder / "bad.yaml",
        "zip named xlsx": folder / "fake.xlsx",
        "workbook": folder / "book.xlsx",
    }
    found["folder"].mkdir()
    found["empty"].write_bytes(b"")
    found["garbage"].write_bytes(bytes(range(256)) * 3)
    found["bad"].write_text("date,title\n2008-13-40,Bad\n", "utf-8")
    found["good"].write_text("date,title\n2005-05-05,Our visit\n", "utf-8")
    found["good quiz"].write_text(
        "- question: Q?\n  options:\n    - text: A\n      correct: true\n      feedback: Y.\n"
        "    - text: B\n      feedback: N.\n",
        "utf-8",
    )
    found["bad quiz"].write_text("- question: Q\n  options: [A\n", "utf-8")
    found["zip named xlsx"].write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    book = openpyxl.Workbook()
    book.active.append(["date", "title"])
    book.active.append([dt.date(2005, 5, 5), "Our visit"])
    book.save(found["workbook"])
    return found


def call_with_bad_input(thing: Callable[..., object], data, files: dict[str, Path]) -> object:
    """Call ``thing`` with every required parameter and some optional ones drawn."""
    kwargs = {}
    for name, parameter in inspect.signature(thing).parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        required = parameter.default is parameter.empty
        if required or data.draw(st.booleans(), label=f"give {name}"):
            strategy = value_for(name, str(parameter.annotation), files)
            kwargs[name] = data.draw(strategy, label=name)
    return thing(**kwargs)


def assert_refused_on_purpose(error: BaseException, what: str) -> None:
    if not isinstance(error, IsslearnError):
        raise AssertionError(
            f"{what} raised {type(error).__name__}, not an IsslearnError"
        ) from error
    assert str(error).strip(), f"{what} refused without saying why"


FAST = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# ---------------------------------------------------------------- the tests


def test_the_public_api_is_driven_here():
    """Every public callable is called below or named with the reason it is not."""
    assert set(CALLED) | set(NOT_CALLED) >= {n for n, t in PUBLIC.items() if callable(t)} - {
        n for n, t in PUBLIC.items() if inspect.isclass(t) and issubclass(t, BaseException)
    }
    assert len(CALLED) > 40


def test_every_exception_class_is_defined_in_errors_and_exported():
    defined = {
        name
        for name, thing in vars(errors).items()
        if inspect.isclass(thing) and issubclass(thing, BaseException)
    }
    assert defined <= set(isslearn.__all__)
    for module_path in Path(isslearn.__file__).parent.rglob("*.py"):
        text = module_path.read_text("utf-8")
        if module_path.name == "errors.py":
            continue
        # an exception class anywhere else must be private and never reach a user
        for name in re.findall(r"^class (\w+)\((?:\w+Error|Exception|BaseException)\b", text, re.M):
            assert name.startswith("_"), f"{module_path.name}: {name} belongs in errors.py"


@pytest.mark.parametrize("name", sorted(CALLED))
@FAST
@given(data=st.data())
def test_every_public_call_refuses_bad_input_with_an_isslearn_error(name, data, files):
    thing = CALLED[name]
    try:
        made = call_with_bad_input(thing, data, files)
    except BaseException as error:
        assert_refused_on_purpose(error, name)
        return
    if isinstance(made, quiz.Tries):
        answer = data.draw(TEXT | INTEGERS | st.lists(TEXT, max_size=4), label="answer")
        try:
            made.check(answer)
        except BaseException as error:
            assert_refused_on_purpose(error, f"{name}(...).check({answer!r})")
    if isinstance(made, quiz.MultipleChoice):
        choice = data.draw(TEXT | INTEGERS, label="choice")
        try:
            made.check(choice)
        except BaseException as error:
            assert_refused_on_purpose(error, f"{name}(...).check({choice!r})")


EXPLORERS = sorted(n for n in CALLED if n.startswith("isslearn.widgets."))


@functools.cache
def _explorer(name: str) -> object:
    """One explorer per kind, set again and again (as a learner does), made once."""
    return CALLED[name]()


@pytest.mark.parametrize("name", EXPLORERS)
@FAST
@given(data=st.data())
def test_every_explorer_refuses_a_bad_setting_with_an_isslearn_error(name, data):
    explorer = _explorer(name)
    value = data.draw(
        st.one_of(DATES, TEXT, INTEGERS, st.tuples(INTEGERS, INTEGERS), WORD_LISTS.map(tuple)),
        label="value",
    )
    if not isinstance(explorer, widgets.Explorer):  # the corrections browser: update(kind)
        try:
            explorer.update(value)
        except BaseException as error:
            assert_refused_on_purpose(error, f"{name}().update({value!r})")
        return
    control = data.draw(st.sampled_from([*explorer.controls, "nonsense"]), label="control")
    try:
        explorer.update(**{control: value})
    except BaseException as error:
        assert_refused_on_purpose(error, f"{name}().update({control}={value!r})")


COMMANDS = st.one_of(
    st.builds(lambda p: ["check", p], st.sampled_from(["good.csv", "bad.csv", "quiz.yaml"])),
    st.builds(
        lambda start, end: ["new-lesson", "x", "--start", start, "--end", end],
        TEXT.filter(lambda t: not t.startswith("-")),
        TEXT.filter(lambda t: not t.startswith("-")),
    ),
    st.builds(lambda n: ["new-lesson", n], TEXT.filter(lambda t: not t.startswith("-"))),
    st.builds(lambda n: ["template", n], TEXT.filter(lambda t: not t.startswith("-"))),
    st.builds(lambda n: ["guide", n], TEXT.filter(lambda t: not t.startswith("-"))),
    st.just(["info"]),
)


@FAST
@given(argv=COMMANDS)
def test_every_command_answers_bad_input_in_words(argv, tmp_path_factory, capsys, monkeypatch):
    """The command line turns every IsslearnError into one line and exit status 1; anything
    else would escape main() as a traceback, which clirun refuses."""
    folder = tmp_path_factory.mktemp("class")
    (folder / "good.csv").write_text("date,title\n2005-05-05,Our visit\n", "utf-8")
    (folder / "bad.csv").write_text("date,title\n2008-13-40,Bad\n", "utf-8")
    (folder / "quiz.yaml").write_text("- question: Q\n", "utf-8")
    monkeypatch.chdir(folder)
    ran = run_isslearn(capsys, *argv)
    assert ran.code in (0, 1, 2), ran.text
    if ran.code == 1:
        assert ran.text.strip(), "a refusal must say why"
