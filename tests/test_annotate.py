"""annotate(): derived columns checked against values worked out by hand from the history."""

from __future__ import annotations

import pandas as pd
import pytest

import isslearn
from isslearn.catalogue.annotation import ANNOTATION_COLUMNS, BEFORE_LAUNCH


@pytest.fixture(scope="module")
def annotated():
    return isslearn.annotate(isslearn.load_events()).set_index("id")


def on(*dates: str) -> pd.DataFrame:
    return isslearn.annotate(pd.DataFrame({"date": pd.to_datetime(list(dates))}))


def test_all_documented_columns_are_added(annotated):
    assert set(ANNOTATION_COLUMNS) <= set(annotated.columns)


def test_input_is_not_changed():
    events = isslearn.load_events()
    before = events.copy()
    isslearn.annotate(events)
    pd.testing.assert_frame_equal(events, before)


def test_continuous_habitation_starts_2000_11_02(annotated):
    first = annotated.loc["expedition-1-boards"]
    assert bool(first.resident_crew_aboard) is True
    assert first.days_continuously_crewed == 0
    assert first.era == "Resident crews"
    day_before = on("2000-11-01").iloc[0]
    assert bool(day_before.resident_crew_aboard) is False
    assert day_before.days_continuously_crewed == 0


@pytest.mark.parametrize(
    ("event_id", "days"),
    [
        ("continuous-presence-10-years", 3652),  # 10 x 365 + 2004 and 2008 leap days
        ("continuous-presence-20-years", 7305),  # 20 x 365 + five leap days (2004..2020)
        ("continuous-presence-25-years", 9131),
    ],
)
def test_anniversaries_count_the_days_of_habitation(annotated, event_id, days):
    assert annotated.loc[event_id, "days_continuously_crewed"] == days


def test_station_age(annotated):
    assert annotated.loc["launch-zarya", "station_age_days"] == 0
    assert annotated.loc["shuttle-final-landing", "station_age_days"] == 4626
    assert annotated.loc["shuttle-final-landing", "station_age_years"] == pytest.approx(12.67)
    before = on("1998-01-29").iloc[0]
    assert pd.isna(before.station_age_days)
    assert before.era == BEFORE_LAUNCH
    assert before.modules_attached == 0 and before.station_mass_kg == 0


def test_eras_change_on_their_events(annotated):
    assert annotated.loc["launch-zarya", "era"] == "First elements"
    assert annotated.loc["columbia-accident", "era"] == "Pause after Columbia"
    assert annotated.loc["launch-p3-p4-truss", "era"] == "Assembly resumes"
    assert annotated.loc["shuttle-final-landing", "era"] == "Complete and in full use"
    assert annotated.loc["crew-dragon-demo-2-launch", "era"] == "Commercial crew"
    assert on("2003-01-31").iloc[0].era == "Resident crews"


def test_module_count_and_mass_follow_the_assembly():
    first = on("1998-11-20", "1998-12-31").reset_index(drop=True)
    zarya = isslearn.load_modules().set_index("id").loc["zarya"]
    assert first.loc[0, "modules_attached"] == 1
    assert first.loc[0, "station_mass_kg"] == zarya.mass_kg
    # STS-88 joined Unity, with PMA-1 and PMA-2 on its ends, to Zarya in December 1998.
    assert first.loc[1, "modules_attached"] == 4


def test_pirs_leaves_on_2021_07_26():
    assert "pirs" in set(isslearn.station_on("2021-07-25")["id"])
    assert "pirs" not in set(isslearn.station_on("2021-07-26")["id"])
    days = on("2021-07-25", "2021-07-26").reset_index(drop=True)
    assert days.loc[1, "modules_attached"] == days.loc[0, "modules_attached"] - 1


def test_station_grows_over_the_shuttle_years():
    sizes = on("2000-01-01", "2005-01-01", "2011-07-21")["modules_attached"].tolist()
    assert sizes[0] < sizes[1] < sizes[2]


def test_planned_events_have_no_crew_yet(annotated):
    planned = annotated[annotated["status"] == "planned"]
    assert not planned.empty
    assert planned["resident_crew_aboard"].isna().all()


def test_teacher_rows_are_annotated_too(write_file):
    path = write_file("class.csv", "date,title\n2009-05-29,Six aboard\n")
    events = isslearn.annotate(isslearn.load_events(path, builtin=False))
    row = events.iloc[0]
    assert bool(row.resident_crew_aboard) is True
    assert row.era == "Assembly resumes"


def test_a_table_without_dates_is_refused_clearly():
    with pytest.raises(isslearn.SettingsError, match="needs a 'date' column; the table has: title"):
        isslearn.annotate(pd.DataFrame({"title": ["x"]}))


@pytest.mark.parametrize(
    ("date", "people"),
    [
        ("2000-11-02", 3),  # Expedition 1 moves in
        ("2003-06-01", 2),  # caretaker crews after Columbia
        ("2006-07-10", 3),  # Thomas Reiter restores a crew of three
        ("2009-05-29", 6),  # Soyuz TMA-15 docks: the first six-person crew
        ("2021-01-01", 7),  # commercial crew: seven aboard
        ("2026-01-20", 3),  # after Crew-11's early medical return
        ("2026-02-20", 7),  # Crew-12 restores a full crew
    ],
)
def test_people_aboard_counts_long_duration_crew(date, people):
    assert on(date).iloc[0].people_aboard == people


def test_annotate_reads_dates_as_every_other_entry_point_does():
    import pandas as pd
    import pytest

    table = pd.DataFrame({"date": ["2011-07-21"], "title": ["Last Shuttle landing"]})
    [people] = isslearn.annotate(table)["people_aboard"]
    assert people == isslearn.catalogue.station.crew_count([pd.Timestamp("2011-07-21")])[0]
    with pytest.raises(isslearn.SettingsError, match="date='July 2011' is not a date"):
        isslearn.annotate(pd.DataFrame({"date": ["July 2011"]}))
