"""Loading the built-in catalogue and merging a teacher's file."""

from __future__ import annotations

import pandas as pd
import pytest

import isslearn
from isslearn.reading.values import CATEGORIES


def test_builtin_events_have_the_documented_columns_and_types():
    events = isslearn.load_events()
    for col in ("id", "date", "title", "summary", "category", "agencies", "countries", "source"):
        assert col in events.columns
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    assert isinstance(events["category"].dtype, pd.CategoricalDtype)
    assert list(events["category"].cat.categories) == list(CATEGORIES)
    assert events["id"].is_unique
    assert (events["origin"] == "built-in").all()


def test_events_are_sorted_by_date():
    dates = isslearn.load_events()["date"]
    assert dates.is_monotonic_increasing


def test_first_element_and_first_crew_have_their_dates():
    events = isslearn.load_events().set_index("id")
    assert events.loc["launch-zarya", "date"] == pd.Timestamp("1998-11-20")
    assert events.loc["expedition-1-boards", "date"] == pd.Timestamp("2000-11-02")
    assert events.loc["soyuz-tm-31-launch", "date"] == pd.Timestamp("2000-10-31")


def test_agencies_are_tuples_of_known_codes():
    events = isslearn.load_events()
    known = set(isslearn.load_agencies()["code"])
    used = {code for codes in events["agencies"] for code in codes}
    assert used <= known
    assert "ESA" in used and "JAXA" in used and "CSA" in used


def test_load_events_returns_a_fresh_copy_each_time():
    first = isslearn.load_events()
    first.loc[0, "title"] = "changed by a learner"
    assert isslearn.load_events().loc[0, "title"] != "changed by a learner"


def test_teacher_file_is_merged_and_sorted(write_file):
    path = write_file(
        "class.csv",
        "date,title,category\n2001-09-11,Our school's space day,milestone\n1999-01-01,Early,\n",
    )
    builtin = isslearn.load_events()
    merged = isslearn.load_events(path)
    assert len(merged) == len(builtin) + 2
    assert merged["date"].is_monotonic_increasing
    ours = merged[merged["origin"] == "class.csv"]
    assert list(ours["title"]) == ["Early", "Our school's space day"]
    assert list(ours["category"]) == ["milestone", "milestone"]  # blank category -> default
    assert list(ours["status"]) == ["happened", "happened"]
    assert ours["id"].tolist() == ["1999-01-01-early", "2001-09-11-our-school-s-space-day"]


def test_teacher_file_alone(write_file):
    path = write_file("mine.csv", "date,title\n2000-11-2,Unpadded date\n")
    events = isslearn.load_events(path, builtin=False)
    assert events["date"].tolist() == [pd.Timestamp("2000-11-02")]


def test_the_loader_is_pure_a_class_file_is_passed_in(write_file, monkeypatch):
    """load_events() is the built-in catalogue whatever the environment holds; the class file
    (ISSLEARN_EVENTS) reaches a lesson through Lesson, which resolves it once."""
    path = write_file("class.csv", "date,title\n2010-05-05,From the class file\n")
    monkeypatch.setenv("ISSLEARN_EVENTS", str(path))
    assert set(isslearn.load_events()["origin"]) == {"built-in"}
    assert "From the class file" in set(isslearn.load_events(path)["title"])
    assert "From the class file" in set(isslearn.Lesson().events()["title"])


def test_explicit_path_wins_over_environment_variable(write_file, monkeypatch):
    monkeypatch.setenv(
        "ISSLEARN_EVENTS", str(write_file("env.csv", "date,title\n2010-05-05,Env\n"))
    )
    explicit = write_file("arg.csv", "date,title\n2010-05-05,Arg\n")
    for events in (isslearn.load_events(explicit), isslearn.Lesson(events_file=explicit).events()):
        assert "Arg" in set(events["title"]) and "Env" not in set(events["title"])


def test_byte_order_mark_and_crlf_are_accepted(write_file):
    path = write_file("excel.csv", "\ufeffdate,title\r\n2008-02-11,Columbus attached\r\n".encode())
    events = isslearn.load_events(path, builtin=False)
    assert events["title"].tolist() == ["Columbus attached"]


def test_html_in_a_title_is_kept_as_text(write_file):
    path = write_file("html.csv", 'date,title\n2008-02-11,"<b>bold</b> & <script>x</script>"\n')
    events = isslearn.load_events(path, builtin=False)
    assert events["title"].item() == "<b>bold</b> & <script>x</script>"


def test_no_builtin_and_no_file_gives_an_empty_table():
    events = isslearn.load_events(builtin=False)
    assert events.empty
    assert "date" in events.columns


@pytest.mark.parametrize("loader", [isslearn.load_modules, isslearn.load_expeditions])
def test_other_tables_return_copies(loader):
    first = loader()
    first.iloc[0, 0] = first.iloc[1, 0]
    assert not loader().iloc[0].equals(first.iloc[0])
