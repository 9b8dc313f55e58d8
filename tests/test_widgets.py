"""The live explorers respond to their controls, follow one protocol, show exactly what a full
drawing shows, draw an honest empty state, escape text, and let errors through."""

import os

os.environ.setdefault("MPLBACKEND", "Agg")  # tests never open windows

import html
import io

import numpy as np
import pandas as pd
import pytest
from conftest import css_classes

from isslearn import SettingsError, plots, widgets
from isslearn.catalogue.tables import load_expeditions, load_modules, load_stays
from isslearn.plots import chart as chart_module
from isslearn.plots.chart import Chart, png_bytes
from isslearn.widgets.base import ChartExplorer

ALL_EXPLORERS = {
    "assembly_explorer": lambda: widgets.assembly_explorer(),
    "expedition_explorer": lambda: widgets.expedition_explorer(),
    "crew_timeline": lambda: widgets.crew_timeline(),
    "contributions_explorer": lambda: widgets.contributions_explorer(),
    "cargo_fleet_explorer": lambda: widgets.cargo_fleet_explorer(),
    "event_timeline": lambda: widgets.event_timeline(),
}


def picture(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


ROBOT_ARMS = ("Canadarm2", "Dextre", "Mobile Base System")  # all three aboard by 2008


def count_on(day: str) -> int:
    modules = load_modules()
    when = pd.Timestamp(day)
    there = (modules["attach_date"] <= when) & (
        modules["detach_date"].isna() | (modules["detach_date"] > when)
    )
    return int(there.sum())


def test_every_public_explorer_is_covered_here():
    public = {n for n in widgets.__all__ if n.endswith(("_explorer", "_timeline"))}
    assert public == set(ALL_EXPLORERS)


@pytest.mark.parametrize("name", sorted(ALL_EXPLORERS))
def test_every_explorer_follows_the_one_protocol(name):
    explorer = ALL_EXPLORERS[name]()
    assert isinstance(explorer, widgets.Explorer)
    assert "isslearn-widget" in css_classes(explorer)
    assert "isslearn-figure" in css_classes(explorer.picture)
    assert explorer.picture in explorer.children
    children = explorer.children
    for control in explorer.controls.values():
        assert control.description  # reachable and named from the keyboard
    before = explorer.chart
    returned = explorer.update()  # no change: redraws the same setting
    explorer.forget()
    assert explorer.children == children  # nothing added after construction
    if isinstance(before, Chart):
        assert returned.description == before.description
    else:
        assert returned.to_html() == before.to_html()
    with pytest.raises(SettingsError, match="has no control"):
        widgets.Explorer.update(explorer, nonsense=1)


def test_moving_the_assembly_slider_changes_picture_and_words():
    explorer = widgets.assembly_explorer()
    before = explorer.image.value
    later = explorer.dates[len(explorer.dates) // 2]
    explorer.controls["date"].value = later  # as a person dragging the slider would
    assert explorer.image.value != before
    drawn = count_on(f"{later:%Y-%m-%d}") - len(ROBOT_ARMS)  # arms move about: named, not drawn
    assert f"The drawing shows {drawn} pieces (built " in explorer.summary.value
    assert all(arm in explorer.summary.value for arm in ROBOT_ARMS)


def test_assembly_update_snaps_to_the_last_change_and_matches_the_static_twin():
    explorer = widgets.assembly_explorer()
    shown = explorer.update("2011-07-21")
    day = explorer.controls["date"].value
    assert day <= pd.Timestamp("2011-07-21")
    assert shown.description == plots.station_map(day).description


def live_frames_match_a_full_drawing(explorer, settings) -> None:
    """After each setting, the picture sent to the browser is pixel for pixel the figure as
    matplotlib draws it in full (no pasted text, no stale background, nothing shifted)."""
    for values in settings:
        shown = explorer.update(**values)
        live = picture(explorer.picture.value)
        full = picture(png_bytes(shown.figure))
        assert live.shape == full.shape
        differ = np.abs(live - full).max(axis=2) > 0
        assert not differ.any(), f"{values}: {differ.mean():.2%} of pixels differ"


def test_live_crew_frames_equal_a_full_drawing_and_the_static_twin():
    explorer = widgets.crew_timeline()
    live_frames_match_a_full_drawing(
        explorer, [{"years": (2001, 2002)}, {"years": (2003, 2010)}, {"years": (1999, 2027)}]
    )
    explorer.update(years=(2003, 2010))
    twin = plots.people_aboard("2003-01-01", "2010-01-01")
    assert (picture(explorer.image.value) == picture(twin.png())).all()
    assert explorer.chart.description == twin.description


def test_live_event_frames_equal_a_full_drawing_and_the_static_twin():
    explorer = widgets.event_timeline(start="2000-01-01", end="2005-12-31")
    live_frames_match_a_full_drawing(
        explorer,
        [
            {"years": (2003, 2008)},
            {"categories": ("crew", "assembly")},  # new rows: a new background
            {"years": (2010, 2011)},
            {"categories": explorer.controls["categories"].options},  # the first rows again
        ],
    )
    explorer.update(years=(2003, 2008), categories=("crew", "assembly"))
    twin = plots.timeline(start="2003-01-01", end="2008-12-31", categories=["crew", "assembly"])
    assert (picture(explorer.image.value) == picture(twin.png())).all()


def test_live_cargo_frames_equal_a_full_drawing():
    explorer = widgets.cargo_fleet_explorer()
    live_frames_match_a_full_drawing(
        explorer, [{"ships": ("ATV",)}, {"ships": ("HTV", "Dragon")}, {"ships": ("ATV",)}]
    )


def test_the_pixel_check_fails_when_a_live_frame_is_wrong(monkeypatch):
    """The check above is strict: a frame drawn in the wrong order fails it."""

    def wrong_order(self, level: int = 1) -> bytes:
        canvas = self.figure.canvas
        canvas.draw()
        for artist in sorted(self.changing(), key=lambda a: -a.get_zorder()):
            self.figure.draw_artist(artist)  # grid over the dots: not what a full draw shows
        return chart_module.png_from_rgba(np.asarray(canvas.buffer_rgba()), level)

    monkeypatch.setattr(chart_module.LiveFigure, "png", wrong_order)
    explorer = widgets.event_timeline(start="2000-01-01", end="2005-12-31")
    with pytest.raises(AssertionError, match="pixels differ"):
        live_frames_match_a_full_drawing(explorer, [{"years": (2003, 2008)}])


def stacked_frame_is_the_full_drawing(explorer) -> None:
    """The assembly explorer stacks pieces rendered once; the result is what matplotlib draws
    in full, to within rounding: no pixel more than 3 levels off, bar a few at anti-aliased
    edges where two sprites meet (at most 0.01% of the picture)."""
    live, full = picture(explorer.picture.value), picture(explorer.chart.png())
    assert live.shape == full.shape
    off = np.abs(live - full).max(axis=2)
    assert (off > 3).mean() <= 1e-4, f"{(off > 3).sum()} pixels differ, by up to {off.max()}"


def test_assembly_first_picture_matches_the_stacked_frames_and_a_full_drawing():
    explorer = widgets.assembly_explorer()
    first = explorer.image.value
    explorer.update(explorer.dates[3])
    explorer.update(explorer.dates[0])
    assert (np.abs(picture(first) - picture(explorer.image.value)).max(axis=2) > 3).mean() <= 1e-4
    for day in ("2000-12-03", "2007-11-14", "2010-02-12", "2021-07-29", explorer.dates[-1]):
        explorer.update(day)
        stacked_frame_is_the_full_drawing(explorer)


def test_the_stacked_frame_check_catches_a_piece_left_out(monkeypatch):
    explorer = widgets.assembly_explorer()
    explorer.update("2007-11-14")
    frames = explorer.frames
    day = pd.Timestamp("2007-11-14")
    monkeypatch.setitem(frames._days, day, frames._days[day][:-3])  # three pieces fewer
    explorer.forget()  # the finished picture of that day would hide the change
    explorer.update("2007-11-12")
    explorer.update("2007-11-14")
    with pytest.raises(AssertionError, match="pixels differ"):
        stacked_frame_is_the_full_drawing(explorer)


def test_expedition_explorer_shows_each_persons_own_dates():
    explorer = widgets.expedition_explorer(20)
    card = explorer.picture
    explorer.update(int(load_expeditions().iloc[-1]["number"]))
    for name in load_expeditions().iloc[-1]["crew"]:
        assert html.escape(name) in card.value
    explorer.update(20)
    assert "Timothy Kopra" in card.value and "2009-07-17" in card.value
    assert "2009-09-08" in card.value
    assert explorer.chart.to_html() == card.value


def test_crew_timeline_redraws_for_a_new_range():
    explorer = widgets.crew_timeline()
    before = explorer.image.value
    shown = explorer.update(years=(2001, 2004))
    assert explorer.image.value != before
    assert "From 2001-01-01 to 2004-01-01" in shown.description
    assert "From 2001-01-01" in explorer.caption.value


def test_contributions_explorer_has_an_owner_a_builder_and_a_country_view():
    explorer = widgets.contributions_explorer()
    views = {}
    for by in ("agency", "built_by", "builder_country"):
        shown = explorer.update(by=by)
        assert shown.description == plots.contributions(by).description  # the static twin
        views[by] = explorer.image.value
    assert len(set(views.values())) == 3
    explorer.forget()  # the three views are drawn once and kept
    explorer.controls["by"].value = "built_by"
    assert explorer.image.value == views["built_by"]
    assert "By builder" in explorer.caption.value


def test_cargo_explorer_shows_only_the_chosen_ships():
    fleet = widgets.cargo_fleet_explorer()
    shown = fleet.update(ships=("ATV",))
    assert "ATV" in shown.description and "Progress" not in shown.description


def test_explorers_remember_pictures_but_keep_the_figure_in_step():
    explorer = widgets.cargo_fleet_explorer()
    first = explorer.update(ships=("ATV",))
    atv = explorer.image.value
    explorer.update(ships=("HTV", "Dragon"))
    again = explorer.update(ships=("ATV",))
    assert explorer.image.value == atv
    assert again.description == first.description
    assert [t.get_text() for t in again.figure.axes[0].get_yticklabels()] == ["ATV (ESA)"]
    explorer.forget()
    explorer.update(ships=("HTV",))
    assert "HTV (JAXA)" in explorer.caption.value


def teacher_events(tmp_path, title):
    from isslearn import load_events

    path = tmp_path / "my_events.csv"
    path.write_text(f'date,title,category\n2009-05-04,"{title}",milestone\n', encoding="utf-8")
    return load_events(path)


def test_event_timeline_escapes_teacher_titles(tmp_path):
    events = teacher_events(tmp_path, "<script>alert(1)</script>")
    explorer = widgets.event_timeline(events, start="2009-01-01", end="2009-12-31")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in explorer.titles.value
    assert "<script>" not in explorer.titles.value
    assert "1 of them from your own file" in explorer.chart.description


def test_event_timeline_filters_by_category():
    explorer = widgets.event_timeline(start="2000-01-01", end="2012-12-31")
    shown = explorer.update(categories=("assembly",))
    assert "assembly" in shown.description
    assert "vehicle" not in shown.description.split("(")[1]


# ---------------------------------------------------------------- empty states


def test_settings_that_match_no_event_draw_an_honest_empty_explorer():
    for explorer in (
        widgets.event_timeline(agencies=["ISRO"], categories=["science"]),
        widgets.event_timeline(start="2040-01-01"),
        widgets.event_timeline(start="2040-01-01", end="2041-12-31"),
    ):
        assert explorer.chart.description.startswith(plots.NO_MATCH)
        assert plots.NO_MATCH in explorer.titles.value
        assert explorer.chart.png().startswith(b"\x89PNG")


def test_every_explorer_with_an_empty_table():
    events = teacher_events_empty()
    stays, modules = load_stays().iloc[:0], load_modules().iloc[:0]
    timeline = widgets.event_timeline(events, start=None)
    assert timeline.chart.description.startswith(plots.NO_MATCH)
    crew = widgets.crew_timeline(stays)
    assert "empty" in crew.update(years=(2001, 2004)).description
    contributions = widgets.contributions_explorer(modules)
    assert "empty" in contributions.update(by="built_by").description
    no_flights = pd.DataFrame(columns=["flight", "kind", "launch_utc", "arrival_method"])
    cargo = widgets.cargo_fleet_explorer(no_flights)
    assert "the table of flights given is empty" in cargo.update(ships=("ATV",)).description
    assembly = widgets.assembly_explorer(modules=modules)
    assert assembly.chart.description.startswith(plots.NO_MATCH)
    with pytest.raises(ValueError, match="empty"):
        widgets.expedition_explorer(expeditions=load_expeditions().iloc[:0])


def teacher_events_empty() -> pd.DataFrame:
    from isslearn import load_events

    return load_events().iloc[:0]


def test_assembly_explorer_with_no_change_in_range_says_so():
    explorer = widgets.assembly_explorer(start="2040-01-01", end="2040-12-31")
    assert explorer.controls["date"].disabled
    assert (
        "no module arrived, moved or left between 2040-01-01 and 2040-12-31"
        in explorer.caption.value
    )
    assert explorer.update("2040-06-01").description == explorer.chart.description


def test_assembly_explorer_range_and_bad_dates():
    explorer = widgets.assembly_explorer(start="2000-01-01", end="2005-12-31")
    assert all(
        pd.Timestamp("2000-01-01") <= d <= pd.Timestamp("2005-12-31") for d in explorer.dates
    )
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        explorer.update("July 2011")


def test_a_failing_callback_raises_instead_of_hiding_the_error():
    import ipywidgets

    def draw(when):
        return plots.station(when)  # a bad date raises ValueError

    picker = ipywidgets.Text(value="2000-01-01", description="Date")
    ChartExplorer({"when": picker}, draw)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        picker.value = "not a date"


def test_settings_of_a_lesson_that_match_nothing_still_show_every_figure_and_explorer():
    """Issue 14: agencies=["ISRO"] from 2040 made lesson cells fail with a NaN error."""
    from isslearn import load_events
    from isslearn.catalogue.summaries import select_events

    start = pd.Timestamp("2040-01-01")
    events = select_events(load_events(), start=start, agencies=["ISRO"])
    assert events.empty
    assert plots.timeline(events).description.startswith(plots.NO_MATCH)
    timeline = widgets.event_timeline(events, start=start)
    assert timeline.chart.description.startswith(plots.NO_MATCH)
    assert timeline.controls["years"].min <= 2040 <= timeline.controls["years"].max
    assembly = widgets.assembly_explorer(start)
    assert "no module arrived, moved or left on or after 2040-01-01" in assembly.chart.description
