"""One date reader for every entry point: the API, lesson settings, figures, widgets, the CLI."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import isslearn
from isslearn import SettingsError, plots
from isslearn.reading.values import as_day, parse_date

NOT_DATES = [
    "July 2011",
    "2011-07-21\n",  # a trailing newline once passed a regex ending in $
    "２０１１-07-21",  # full-width digits once passed \d
    "2011-07-21 ",
    " 2011-07-21",
    "21/07/2011",
    "2011-07",
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_parse_date_reads_the_whole_string_in_ascii_digits_only(text):
    date, why = parse_date(text)
    assert date is None and why


@pytest.mark.parametrize("text", NOT_DATES)
def test_station_on_and_the_station_figure_refuse_alike(text):
    with pytest.raises(SettingsError) as api:
        isslearn.station_on(text)
    with pytest.raises(SettingsError) as figure:
        plots.station(text)
    assert str(api.value) == str(figure.value)
    assert "YYYY-MM-DD" in str(api.value) and "date=" in str(api.value)


def test_the_refusal_says_what_was_given_and_how_to_write_it():
    expected = r"^date='July 2011' is not a date; .*e\.g\. date='2000-11-02'$"
    with pytest.raises(SettingsError, match=expected):
        isslearn.station_on("July 2011")


def test_settings_errors_are_still_value_errors_for_older_code():
    with pytest.raises(ValueError):
        as_day("2011-02-30")


@pytest.mark.parametrize(
    "value",
    [
        "2011-07-21",
        "2011-7-21",
        dt.date(2011, 7, 21),
        dt.datetime(2011, 7, 21, 23, 59),
        pd.Timestamp("2011-07-21 12:00"),
        np.datetime64("2011-07-21T06:00"),
    ],
)
def test_every_kind_of_date_is_the_same_day(value):
    assert as_day(value) == pd.Timestamp("2011-07-21")


def test_a_time_zone_is_converted_to_the_catalogues_utc_day():
    # 23:30 in New York on 20 July is 03:30 UTC on 21 July
    eastern = dt.timezone(dt.timedelta(hours=-4))
    assert as_day(dt.datetime(2011, 7, 20, 23, 30, tzinfo=eastern)) == pd.Timestamp("2011-07-21")
    assert as_day(pd.Timestamp("2011-07-20 23:30", tz="America/New_York")) == pd.Timestamp(
        "2011-07-21"
    )


def test_missing_dates_are_refused():
    with pytest.raises(SettingsError, match="missing"):
        as_day(pd.NaT)
    with pytest.raises(SettingsError, match="not a date"):
        as_day(None)  # type: ignore[arg-type]


def test_a_bare_year_only_where_a_range_makes_sense():
    assert as_day("2015", "start", year="start") == pd.Timestamp("2015-01-01")
    assert as_day(2015, "end", year="end") == pd.Timestamp("2015-12-31")
    with pytest.raises(SettingsError, match="YYYY-MM-DD"):
        as_day("2015")
    with pytest.raises(SettingsError):
        as_day(2015)  # type: ignore[arg-type]
    with pytest.raises(SettingsError, match="outside"):
        as_day(3015, "end", year="end")
    with pytest.raises(SettingsError):
        as_day(True, "end", year="end")  # type: ignore[arg-type]


def test_lesson_settings_read_a_year_as_text_or_number():
    by_text = isslearn.Lesson(start="2015", end="2016")
    by_number = isslearn.Lesson(start=2015, end=2016)
    for lesson in (by_text, by_number):
        assert lesson.start == pd.Timestamp("2015-01-01")
        assert lesson.end == pd.Timestamp("2016-12-31")


def test_command_line_options_get_command_line_examples():
    with pytest.raises(SettingsError) as caught:
        as_day("next year", "--start", year="start")
    message = str(caught.value)
    assert "--start 2000-11-02" in message and "--start 2000" in message
    assert "=" not in message  # no Python keyword syntax on a command line


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=14), st.from_regex(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\s?")))
def test_any_text_is_read_whole_as_ascii_yyyy_mm_dd_or_refused(text):
    try:
        day = as_day(text)
    except SettingsError:
        return
    assert re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", text, flags=re.ASCII), text
    year, month, date = (int(part) for part in text.split("-"))
    assert (day.year, day.month, day.day) == (year, month, date)
