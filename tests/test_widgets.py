"""The live explorers respond to their controls, escape text, and let errors through."""

import os

os.environ.setdefault("MPLBACKEND", "Agg")  # tests never open windows

import html
import statistics
import time

import pandas as pd
import pytest

from isslearn import widgets
from isslearn.catalogue import load_modules


def count_on(day: str) -> int:
    modules = load_modules()
    when = pd.Timestamp(day)
    there = (modules["attach_date"] <= when) & (
        modules["detach_date"].isna() | (modules["detach_date"] > when)
    )
    return int(there.sum())


def test_moving_the_assembly_slider_changes_picture_and_words():
    explorer = widgets.assembly_explorer()
    assert "isslearn-widget" in explorer._dom_classes
    assert "isslearn-figure" in explorer.image._dom_classes
    assert explorer.slider.description
    before = explorer.image.value
    later = explorer.dates[len(explorer.dates) // 2]
    explorer.slider.value = later  # as a person dragging the slider would
    assert explorer.image.value != before
    assert f"had {count_on(f'{later:%Y-%m-%d}')} modules" in explorer.summary.value


def test_assembly_update_snaps_to_the_last_change_and_matches_the_static_figure():
    from isslearn import plots

    explorer = widgets.assembly_explorer()
    sentence = explorer.update("2011-07-21")
    shown = explorer.slider.value
    assert shown <= pd.Timestamp("2011-07-21")
    assert sentence == plots.station(shown).description


def test_assembly_update_is_quick():
    explorer = widgets.assembly_explorer()
    times = []
    for i in range(30):
        start = time.perf_counter()
        explorer.update(explorer.dates[(i * 7) % len(explorer.dates)])
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.1  # goal 0.05 s; slack for a busy test machine


def test_assembly_explorer_range_and_bad_dates():
    explorer = widgets.assembly_explorer(start="2000-01-01", end="2005-12-31")
    assert all(
        pd.Timestamp("2000-01-01") <= d <= pd.Timestamp("2005-12-31") for d in explorer.dates
    )
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        explorer.update("July 2011")
    with pytest.raises(ValueError, match="widen the range"):
        widgets.assembly_explorer(start="1990-01-01", end="1990-12-31")


def test_expedition_explorer_shows_the_chosen_crew():
    from isslearn.catalogue import load_expeditions

    expeditions = load_expeditions()
    last = expeditions.iloc[-1]
    box = widgets.expedition_explorer()
    card = box.children[1]
    assert "isslearn-figure" in card._dom_classes
    box.update(int(last["number"]))
    for name in last["crew"]:
        assert html.escape(name) in card.value


def test_crew_timeline_redraws_for_a_new_range():
    explorer = widgets.crew_timeline()
    before = explorer.image.value
    chart = explorer.update(years=(2001, 2004))
    assert explorer.image.value != before
    assert "From 2001-01-01 to 2004-01-01" in chart.description
    assert "From 2001-01-01" in explorer.caption.value


def test_cooperation_explorers_respond():
    contributions = widgets.contributions_explorer()
    before = contributions.image.value
    contributions.controls["by"].value = "builder_country"
    assert contributions.image.value != before
    assert "By builder country" in contributions.caption.value

    fleet = widgets.cargo_fleet_explorer()
    chart = fleet.update(ships=("ATV",))
    assert "ATV" in chart.description and "Progress" not in chart.description


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
    chart = explorer.update(categories=("assembly",))
    assert "assembly" in chart.description
    assert "vehicle" not in chart.description.split("(")[1]


def test_a_failing_callback_raises_instead_of_hiding_the_error():
    import ipywidgets

    from isslearn import plots

    def draw(when):
        return plots.station(when)  # a bad date raises ValueError

    picker = ipywidgets.Text(value="2000-01-01", description="Date")
    widgets.ChartExplorer({"when": picker}, draw)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        picker.value = "not a date"


def picture(png: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def test_a_redrawn_explorer_looks_like_the_static_figure():
    """Drawn in layers with pasted text, at most half a pixel from a full drawing."""
    import numpy as np

    from isslearn import plots

    explorer = widgets.crew_timeline()
    explorer.update(years=(2001, 2002))
    explorer.update(years=(2003, 2010))
    live = picture(explorer.image.value)
    static = picture(plots.people_aboard("2003-01-01", "2010-01-01").png())
    assert live.shape == static.shape
    differ = np.abs(live - static).max(axis=2) > 0
    assert differ.mean() < 0.05  # only the edges of letters
    # the ink is the same: no text lost, doubled or moved far
    assert abs((255 - live).sum() - (255 - static).sum()) / (255 - static).sum() < 0.02


def test_explorers_remember_pictures_but_keep_the_figure_in_step():
    explorer = widgets.cargo_fleet_explorer()
    first = explorer.update(ships=("ATV",))
    atv = explorer.image.value
    explorer.update(ships=("HTV", "Dragon"))
    again = explorer.update(ships=("ATV",))
    assert explorer.image.value == atv
    assert again.description == first.description
    assert [t.get_text() for t in again.figure.axes[0].get_yticklabels()] == ["ATV"]
    explorer.forget()
    explorer.update(ships=("HTV",))
    assert "HTV (JAXA)" in explorer.caption.value


def test_assembly_first_picture_matches_the_pasted_frames():
    explorer = widgets.assembly_explorer()
    first = explorer.image.value
    explorer.update(explorer.dates[3])
    explorer.update(explorer.dates[0])
    assert (picture(first) == picture(explorer.image.value)).all()
