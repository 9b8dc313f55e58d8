"""The catalogue tables agree with each other, and every row is sourced and plausible."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

import isslearn

SOURCE_WORD = re.compile(r"^(https?://\S+|doc:[a-z0-9-]+)$")
# Personal wiki pages (user pages, sandboxes) are drafts, not sources.
NOT_A_SOURCE = re.compile(r"(Benutzer:|User:|/Baustelle|[Ss]andbox)")


@pytest.fixture(scope="module")
def events():
    return isslearn.load_events().set_index("id", drop=False)


@pytest.fixture(scope="module")
def modules():
    return isslearn.load_modules()


@pytest.fixture(scope="module")
def expeditions():
    return isslearn.load_expeditions()


def test_catalogue_is_big_enough(events, modules, expeditions):
    assert len(events) >= 250
    assert len(modules) >= 30
    assert expeditions["number"].tolist() == list(range(1, len(expeditions) + 1))
    assert len(expeditions) >= 70


def test_every_module_launch_and_attachment_is_an_event_on_the_same_date(events, modules):
    for module in modules.itertuples():
        launch = f"launch-{module.id}"
        assert launch in events.index, f"no event {launch}"
        assert events.loc[launch, "date"] == module.launch_date, launch
        if module.attach_date != module.launch_date:
            attach = f"attach-{module.id}"
            assert attach in events.index, f"no event {attach}"
            assert events.loc[attach, "date"] == module.attach_date, attach
        if not pd.isna(module.detach_date):
            assert events.loc[f"detach-{module.id}", "date"] == module.detach_date


def test_modules_are_attached_after_launch_and_detached_after_that(modules):
    assert (modules["attach_date"] >= modules["launch_date"]).all()
    gone = modules.dropna(subset=["detach_date"])
    assert (gone["detach_date"] > gone["attach_date"]).all()


def test_expeditions_follow_each_other_without_overlapping(expeditions):
    assert expeditions["start"].is_monotonic_increasing
    finished = expeditions.dropna(subset=["end"])
    assert (finished["end"] > finished["start"]).all()
    following_start = expeditions["start"].shift(-1)
    overlaps = expeditions[expeditions["end"] > following_start]
    assert overlaps.empty, overlaps[["number", "start", "end"]]
    assert expeditions["end"].isna().sum() <= 1, "only the current expedition is open"
    assert pd.isna(expeditions["end"].iloc[-1]) or expeditions["end"].iloc[-1] <= pd.Timestamp.now()


def test_every_expedition_start_is_an_event(events, expeditions):
    for row in expeditions.itertuples():
        event_id = "expedition-1-boards" if row.number == 1 else f"expedition-{row.number}-begins"
        assert event_id in events.index, f"no event {event_id}"
        assert events.loc[event_id, "date"] == row.start, event_id


def test_no_event_after_today_unless_planned(events):
    today = pd.Timestamp(dt.date.today())
    future = events[(events["date"] > today) & (events["status"] != "planned")]
    assert future.empty, future[["id", "date"]]
    assert (events.loc[events["status"] == "planned", "date"] > pd.Timestamp("2026-01-01")).all()


@pytest.fixture(scope="module")
def stays():
    return isslearn.load_stays()


@pytest.mark.parametrize("table", ["events", "modules", "expeditions", "stays"])
def test_every_row_cites_a_source(table, events, modules, expeditions, stays):
    frame = {"events": events, "modules": modules, "expeditions": expeditions, "stays": stays}[
        table
    ]
    for row in frame.itertuples():
        words = str(row.source).split()
        assert words, f"{table}: row {row.Index} has no source"
        for word in words:
            assert SOURCE_WORD.match(word), f"{table}: row {row.Index}: odd source {word!r}"
            assert not NOT_A_SOURCE.search(word), f"{table}: row {row.Index}: {word!r}"


def test_builtin_text_is_plain_and_short(events):
    assert (events["title"].str.len() <= 80).all()
    assert (events["summary"].str.len() > 0).all()
    for col in ("title", "summary"):
        assert not events[col].str.contains(r"<[a-zA-Z/]", regex=True).any(), col


def test_every_category_is_used(events):
    counts = events["category"].value_counts()
    assert (counts > 0).all(), counts


def test_key_dates(events):
    expected = {
        "launch-zarya": "1998-11-20",
        "launch-unity": "1998-12-04",
        "soyuz-tm-31-launch": "2000-10-31",
        "expedition-1-boards": "2000-11-02",
        "columbia-accident": "2003-02-01",
        "shuttle-final-landing": "2011-07-21",
        "crew-dragon-demo-2-launch": "2020-05-30",
    }
    for event_id, date in expected.items():
        assert events.loc[event_id, "date"] == pd.Timestamp(date), event_id


def test_eras_start_in_order():
    eras = isslearn.catalogue.tables.load_eras()
    assert eras["start"].is_monotonic_increasing
    assert eras["era"].iloc[0] == "First elements"


def test_stays_are_in_order(stays):
    finished = stays.dropna(subset=["departure"])
    assert (finished["departure"] >= finished["arrival"]).all()
    assert stays["arrival"].min() == pd.Timestamp("2000-11-02")
    everyone = {p for crew in isslearn.load_expeditions()["crew"] for p in crew}
    assert set(stays["person"]) == everyone
