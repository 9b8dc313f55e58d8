"""Figures that serve the lessons' questions (issue 17, part 6).

Every lesson figure must be readable as drawn: no text cut off at the figure's edge, at most
eight colours each named in a legend, and no mark hiding another where a question asks
learners to count marks. Its description must state what the lesson's questions about it ask
(a trend, a level, a gap), so a reader on paper or with a screen reader can answer too.
"""

from __future__ import annotations

import re

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

import isslearn
from isslearn import plots
from isslearn.catalogue import summaries
from isslearn.plots.cargo import CargoChart
from isslearn.plots.chart import Chart
from isslearn.plots.events import OTHER_AGENCY


def _lesson_04_events() -> pd.DataFrame:
    from pathlib import Path

    book = Path(__file__).resolve().parent.parent / "notebooks" / "examples" / "our_class.xlsx"
    return isslearn.load_events(book)


def lesson_figures() -> dict[str, Chart]:
    """Every figure the lessons draw, with the settings they draw it with."""
    return {
        "00 timeline": plots.timeline(isslearn.load_events()),
        "01 growth": plots.growth(),
        "01 launches": plots.launches_by_vehicle(),
        "02 crew": plots.people_aboard(),
        "02 crew 2002-2007": plots.people_aboard("2002-01-01", "2007-12-31"),
        "03 by owner": plots.contributions("agency"),
        "03 by builder": plots.contributions("built_by"),
        "03 by country": plots.contributions("builder_country"),
        "03 cargo": plots.cargo_fleet(),
        "04 timeline": plots.timeline(_lesson_04_events(), start="2008-01-01", end="2025-12-31"),
        "05 corrections": plots.corrections_chart(),
    }


@pytest.fixture(scope="module")
def figures() -> dict[str, Chart]:
    return lesson_figures()


def drawn_texts(figure) -> list[Text]:
    """The texts a reader sees: visible, not empty, and no tick label of a tick outside its
    axis's view (matplotlib keeps those but does not draw them)."""
    hidden = set()
    for ax in figure.axes:
        for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            lo, hi = sorted(limits)
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return [
        t
        for t in figure.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]


def test_no_text_of_any_lesson_figure_is_cut_off(figures):
    for name, chart in figures.items():
        figure = chart.figure
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()
        box = figure.bbox
        for text in drawn_texts(figure):
            window = text.get_window_extent(renderer)
            inside = (
                window.x0 >= box.x0 - 0.5
                and window.y0 >= box.y0 - 0.5
                and window.x1 <= box.x1 + 0.5
                and window.y1 <= box.y1 + 0.5
            )
            assert inside, f"{name}: {text.get_text()!r} is cut off at {window.extents.round()}"


def test_the_clipping_check_can_fail():
    figure = plots.growth().figure
    figure.text(0.99, 0.5, "a label that runs off the edge")
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    windows = [t.get_window_extent(renderer) for t in drawn_texts(figure)]
    assert any(w.x1 > figure.bbox.x1 for w in windows)


def _hex(color) -> str | None:
    rgba = mcolors.to_rgba(color)
    return None if rgba[3] < 0.2 else mcolors.to_hex(rgba[:3]).upper()


def data_colours(figure) -> set[str]:
    """The colours of the marks that carry data: dots, bars, lines, not the axes, the grid,
    white edges or faint shading."""
    found: set[str] = set()
    for ax in figure.axes:
        for collection in ax.collections:
            if isinstance(collection, PathCollection) and collection.get_visible():
                colours = list(collection.get_facecolors()) or list(collection.get_edgecolors())
                if not len(collection.get_facecolors()):
                    colours = list(collection.get_edgecolors())
                found.update(filter(None, (_hex(c) for c in colours)))
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and patch.get_visible() and patch.get_fill():
                found.add(_hex(patch.get_facecolor()) or "")
        for line in ax.lines:
            if line.get_visible():
                found.add(_hex(line.get_color()) or "")
    return found - {"", "#FFFFFF"}


def legend_colours(figure) -> set[str]:
    legends = list(figure.legends) + [ax.get_legend() for ax in figure.axes if ax.get_legend()]
    found: set[str] = set()
    for legend in legends:
        for handle in legend.legend_handles:
            if isinstance(handle, Patch):
                found.add(_hex(handle.get_facecolor()) or "")
            elif isinstance(handle, Line2D):
                found.update(
                    {_hex(handle.get_color()) or "", _hex(handle.get_markerfacecolor()) or ""}
                )
            elif isinstance(handle, PathCollection):
                found.update(filter(None, (_hex(c) for c in handle.get_facecolors())))
    return found - {""}


def test_at_most_eight_colours_in_a_figure_each_named_in_its_legend(figures):
    for name, chart in figures.items():
        colours = data_colours(chart.figure)
        assert len(colours) <= 8, f"{name}: {len(colours)} colours: {sorted(colours)}"
        if len(colours) > 1:  # one colour alone means nothing a legend must say
            unnamed = colours - legend_colours(chart.figure)
            assert not unnamed, f"{name}: colours with no legend entry: {sorted(unnamed)}"


def test_timeline_gives_only_partners_their_own_colour():
    legend = plots.timeline().figure.legends[0]
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels[:5] == ["NASA", "Roscosmos", "ESA", "JAXA", "CSA"]
    assert OTHER_AGENCY in labels and "no agency" in labels and len(labels) <= 8


def _centres_px(ax, collections) -> np.ndarray:
    points = [np.asarray(c.get_offsets()) for c in collections if len(c.get_offsets())]
    return ax.transData.transform(np.concatenate(points))


def _closest(points: np.ndarray) -> float:
    gaps = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=-1)
    np.fill_diagonal(gaps, np.inf)
    return float(gaps.min())


def test_no_launch_dot_hides_another():
    """Lesson 01 asks learners to count the dots on a rocket's row."""
    chart = plots.launches_by_vehicle()
    ax = chart.figure.axes[0]
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    centres = _centres_px(ax, dots)
    assert len(centres) == len(isslearn.load_modules())
    diameter = np.sqrt(dots[0].get_sizes()[0]) * chart.figure.dpi / 72
    assert _closest(centres) >= diameter, "two launch dots overlap"
    rows = len(ax.get_yticks())
    for y in ax.transData.inverted().transform(centres)[:, 1]:
        assert min(abs(y - r) for r in range(rows)) < 0.45, "a dot left its rocket's row"


def test_launch_rows_count_the_pieces_each_rocket_carried():
    modules = isslearn.load_modules()
    counts = modules["launch_vehicle"].map(summaries.vehicle_family).value_counts()
    text = plots.launches_by_vehicle().description
    for family, n in counts.items():
        assert f"{n} on {family}" in text
    assert counts.index[0] == "Space Shuttle"


# ---------------------------------------------------------------- the cargo chart


@pytest.fixture(scope="module")
def flights() -> pd.DataFrame:
    return isslearn.load_flights()


def test_cargo_chart_has_one_mark_per_cargo_flight(flights):
    cargo = plots.cargo_flights(flights)
    kinds = flights["kind"].astype(str)
    assert len(cargo) == kinds.isin([k for k, _ in plots.CARGO_SHIPS.values()]).sum()
    chart = CargoChart(flights=flights)
    chart.show()
    marks = sum(len(c.get_offsets()) for c in chart.marks.values() if c.get_visible())
    assert marks == len(cargo)
    rows = [label.get_text() for label in chart.axes.get_yticklabels()]
    assert "HTV (JAXA)" in rows and "HTV-X (JAXA)" in rows  # two ships, two rows


def test_cargo_description_counts_flights_and_names_the_lost(flights):
    cargo = plots.cargo_flights(flights)
    text = plots.cargo_fleet(flights=flights).description
    for ship, mine in cargo.groupby("ship"):
        n = len(mine)
        assert f"{ship} ({plots.CARGO_SHIPS[ship][1]}) {n} flight{'' if n == 1 else 's'}" in text
    for row in cargo[cargo["lost"]].itertuples():
        assert f"{row.flight} ({row.launch:%Y-%m-%d})" in text
    atv = cargo[cargo["ship"] == "ATV"]
    assert len(atv) == 5 and atv["launch"].max().year == 2014  # lesson 03: five flights, to 2014
    htv = cargo[cargo["ship"] == "HTV"]
    assert len(htv) == 9 and (htv["launch"].dt.year.min(), htv["launch"].dt.year.max()) == (
        2009,
        2020,
    )
    assert cargo.loc[cargo["ship"] == "HTV-X", "launch"].min().strftime("%Y-%m") == "2025-10"


def test_no_cargo_mark_hides_another(flights):
    chart = CargoChart(flights=flights)
    chart.show()
    ax = chart.axes
    for ship in chart.ships:
        marks = [c for (s, _), c in chart.marks.items() if s == ship]
        centres = _centres_px(ax, marks)
        if len(centres) < 2:
            continue
        order = np.argsort(centres[:, 0])
        x, y = centres[order, 0], centres[order, 1]
        lost = np.concatenate(
            [
                np.full(len(c.get_offsets()), s_lost)
                for (s, s_lost), c in chart.marks.items()
                if s == ship
            ]
        )[order]
        half = np.where(lost, plots.cargo.CROSS_PT, 1.6) * chart.figure.dpi / 72 / 2
        tick_height = plots.cargo.TICK_PT * chart.figure.dpi / 72
        for i in range(len(x)):
            for j in range(i + 1, len(x)):
                if x[j] - x[i] >= half[i] + half[j]:
                    break
                assert abs(y[j] - y[i]) >= tick_height, (
                    f"{ship}: two marks overlap near {x[i]:.0f}px"
                )


def test_the_cargo_explorer_shows_the_chosen_ships_only(flights):
    from isslearn import widgets

    explorer = widgets.cargo_fleet_explorer(flights)
    text = explorer.update(ships=("ATV", "HTV-X")).description
    assert text.startswith("Cargo flights to the station") and "ATV (ESA) 5 flights" in text
    assert "Progress" not in text.split("Lost")[0]


def test_a_reused_cargo_chart_draws_the_same_as_a_fresh_one(flights):
    from test_plots import pixels

    from isslearn.plots.chart import png_bytes

    reused = CargoChart(flights=flights)
    reused.show(["Progress", "ATV"])
    description = reused.show(["HTV", "HTV-X"])
    fresh = plots.cargo_fleet(["HTV", "HTV-X"], flights=flights)
    assert description == fresh.description
    assert np.array_equal(pixels(png_bytes(reused.figure)), pixels(png_bytes(fresh.figure)))


def test_unknown_ship_names_the_ships_there_are(flights):
    with pytest.raises(ValueError, match="choose from Progress, ATV, HTV, Dragon, Cygnus, HTV-X"):
        plots.cargo_fleet(["Enterprise"], flights=flights)


# ---------------------------------------------------------------- descriptions


def test_growth_description_dates_the_flat_stretches_and_the_200_t_day():
    text = plots.growth().description
    assert "from 2002-11-26 to 2006-09-12 (3.8 years)" in text  # lesson 01's question
    assert "from 1998-12-07 to 2000-07-26 (1.6 years)" in text  # its shorter distractor
    annotated = isslearn.annotate(isslearn.load_events())
    first = annotated.loc[annotated["station_mass_kg"] > 200_000, "date"].min()
    modules = isslearn.load_modules()
    attached = modules.loc[modules["attach_date"] <= first].dropna(subset=["mass_kg"])
    assert attached["mass_kg"].sum() > 200_000
    assert f"200 t on {first:%Y-%m-%d}" in text


def test_crew_description_gives_the_usual_levels_the_questions_ask_for():
    text = plots.people_aboard().description
    assert "2 in 2003–2006" in text  # lesson 02: how many in 2004 and 2005
    assert "6 in 2009–2019" in text and "7 in 2021–2026" in text
    found = re.search(r"in 2009–2019 it dropped to 3 between crews (\d+) times", text)
    assert found and int(found.group(1)) >= 20  # the dips to three, told in words
    zoom = plots.people_aboard("2002-01-01", "2007-12-31").description
    assert "2 in 2003–2006" in zoom


def test_timeline_description_names_the_ends_and_the_busy_assembly_years():
    events = isslearn.load_events()
    text = plots.timeline(events).description
    assembly = events[events["category"] == "assembly"]["date"].dt.year
    early, late = int((assembly <= 2011).sum()), int((assembly > 2011).sum())
    assert f"The assembly row has {early} events in {assembly.min()}–2011" in text
    assert f"and {late} in 2012–{assembly.max()}" in text
    latest = events.sort_values("date").iloc[-1]
    assert f'the latest "{latest["title"]}" ({latest["date"]:%Y-%m-%d}, planned)' in text


def test_corrections_description_gives_the_share_of_the_largest_kind():
    fixes = isslearn.load_corrections()
    counts = fixes["kind"].value_counts()
    text = plots.corrections_chart().description
    top = counts.index[0].replace("_", " ")
    assert f"The largest kind, {top}, is {counts.iloc[0]} of the {len(fixes)} corrections" in text
    assert counts.iloc[0] * 2 <= len(fixes) and "but not most of them" in text
