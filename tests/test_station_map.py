"""The station drawing puts each piece where attachments.csv says, on the right day, and says in
words what changed; names fit on the figure and the colours have a black-and-white twin."""

from __future__ import annotations

import pandas as pd
import pytest

import isslearn
from isslearn import plots
from isslearn.catalogue.attachments import DIRECTIONS
from isslearn.plots.station_layout import StationLayout
from isslearn.plots.station_map import HATCHES, StationMap

TWINS = ("1998-12-31", "2001-12-31", "2006-12-31", "2011-07-21", "2021-12-31")


@pytest.fixture(scope="module")
def layout():
    return StationLayout()


@pytest.fixture(scope="module")
def drawing():
    return StationMap()


def where(layout, day, piece):
    placed, _ = layout.on(day)
    found = [p for p in placed if p.piece == piece]
    assert found, f"{piece} is not drawn on {day}"
    return found[0]


def test_the_tree_walk_puts_each_piece_on_its_side_of_its_parent(layout):
    zarya, unity = where(layout, "1998-12-31", "zarya"), where(layout, "1998-12-31", "unity")
    assert unity.centre[0] > zarya.centre[0]  # Unity in front of Zarya
    zvezda = where(layout, "2000-12-31", "zvezda")
    assert zvezda.centre[0] < zarya.centre[0]  # Zvezda behind
    p6 = where(layout, "2001-12-31", "p6-truss")
    assert p6.centre[2] > unity.centre[2] and p6.axis in ("zenith", "nadir")  # upright on Z1
    harmony = where(layout, "2007-11-13", "harmony")
    assert harmony.centre[1] < unity.centre[1]  # parked on Unity's port side
    pma2 = where(layout, "2007-11-13", "pma-2")
    assert pma2.centre[1] < harmony.centre[1]  # on Harmony's forward end, pointing to port
    destiny = where(layout, "2007-11-14", "destiny")
    harmony = where(layout, "2007-11-14", "harmony")
    assert harmony.centre[0] > destiny.centre[0] and harmony.centre[1] == destiny.centre[1]
    p6_end = where(layout, "2011-07-21", "p6-truss")
    placed, _ = layout.on("2011-07-21")
    assert p6_end.centre[1] == min(p.centre[1] for p in placed)  # the far port end
    cupola_launch = where(layout, "2010-02-13", "cupola")
    tranquility = where(layout, "2010-02-13", "tranquility")
    assert cupola_launch.centre[1] < tranquility.centre[1]  # on its outboard (port) end
    cupola = where(layout, "2010-02-16", "cupola")
    assert cupola.centre[2] < tranquility.centre[2]  # then below, facing Earth
    nauka, prichal = where(layout, "2021-12-31", "nauka"), where(layout, "2021-12-31", "prichal")
    assert zvezda.centre[2] > nauka.centre[2] > prichal.centre[2]
    assert "pirs" not in {p.piece for p in layout.on("2021-12-31")[0]}


def test_no_two_pieces_are_drawn_in_one_place(layout):
    for day in layout.change_dates():
        placed, _ = layout.on(day)
        centres = [p.centre for p in placed if p.port in DIRECTIONS]
        assert len(set(centres)) == len(centres), f"{day:%Y-%m-%d}: two pieces share a spot"


def test_every_piece_of_the_station_is_drawn_named_or_said_to_be_unknown(drawing):
    """The drawing and modules.csv agree on every day the layout changed: each module
    attached that day is drawn, named as a robotic arm, or listed as not known where."""
    modules, rows = isslearn.load_modules(), isslearn.load_attachments()
    for day in drawing.change_dates():
        state = drawing.state(day)
        there = set(isslearn.station_on(day, modules)["id"])
        visits = rows[(rows["visit"] != "") & (rows["from_date"] <= day) & (rows["to_date"] > day)]
        shown = {p.piece for p in state.placed if not p.visit} | {u.piece for u in state.unplaced}
        shown -= set(visits["piece"]) - there
        assert shown == there, f"{day:%Y-%m-%d}: {sorted(shown ^ there)}"


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2007-11-14", "Harmony moved from the port side of Unity to Destiny's forward port."),
        ("2021-07-26", "Pirs left the station."),
        ("2021-07-29", "Nauka, with ERA, was attached to Zvezda's Earth-facing (nadir) port."),
        ("1998-12-07", "PMA-1, with Unity and PMA-2, was attached to Zarya's forward port."),
        (
            "2015-05-27",
            "Leonardo moved from Unity's Earth-facing (nadir) port to Tranquility's forward port.",
        ),
        ("2007-10-30", "P6 was put in its new place, the port end of P5."),
        (
            "2001-03-12",
            "Leonardo visited on STS-102, berthed to Unity's Earth-facing (nadir) port.",
        ),
    ],
)
def test_the_words_say_what_changed_that_day(drawing, day, words):
    assert words in drawing.state(day).sentence


def test_a_place_no_source_gives_is_said_on_the_figure_and_in_words(drawing):
    chart = plots.station_map("2009-09-01")
    note = " ".join(t.get_text() for t in chart.figure.texts)
    assert "PMA-3" in note and "no source we found gives the day" in note
    assert "PMA-3" in chart.description and "2009-08-08 and 2010-02-12" in chart.description
    assert "PMA-3" not in {p.piece for p in drawing.state("2009-09-01").placed}


def test_the_piece_that_changed_is_marked(drawing):
    state = drawing.state("2010-02-15")
    cupola = next(p for p in state.placed if p.piece == "cupola")
    assert state.changed[cupola.row] == "moved"
    assert [g.piece for g in state.ghosts] == ["cupola"]  # its old place drawn dashed
    looks = {p.row: look for p, look in drawing.looks(state) if not look.ghost}
    assert looks[cupola.row].mark == "moved"
    assert {row for row, look in looks.items() if look.mark} == set(state.changed)


@pytest.mark.parametrize("day", [*TWINS, None])
def test_names_are_legible_and_none_is_clipped(day):
    chart = plots.station_map(day)
    figure = chart.figure
    renderer = figure.canvas.get_renderer()
    figure.canvas.draw()
    box = figure.bbox
    from matplotlib.text import Text

    for text in figure.findobj(lambda a: isinstance(a, Text) and a.get_visible()):
        if not text.get_text().strip():
            continue
        extent = text.get_window_extent(renderer)
        assert text.get_fontsize() >= 6.5, text.get_text()
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1 + 1, f"{text.get_text()!r} runs off"
        assert box.y0 <= extent.y0 and extent.y1 <= box.y1 + 1, f"{text.get_text()!r} runs off"


def test_each_builder_has_its_own_hatching_for_black_and_white():
    builders = set(isslearn.load_modules()["built_by"])
    patterns = [HATCHES[b] for b in builders]
    assert len(set(patterns)) == len(patterns), "two builders share a hatching"


def test_a_date_is_read_as_every_date_is():
    assert plots.station_map("2000-11-2").description == plots.station_map("2000-11-02").description
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        plots.station_map("July 2011")


def test_the_default_day_is_the_catalogues_current_day():
    assert plots.station_map().description.startswith(f"On {isslearn.current_to():%Y-%m-%d}")


def test_before_the_first_piece_nothing_is_drawn():
    chart = plots.station_map("1998-01-01")
    assert chart.description == "On 1998-01-01 no part of the station was in orbit yet."
    assert pd.Timestamp("1998-11-20") == StationLayout().change_dates()[0]
