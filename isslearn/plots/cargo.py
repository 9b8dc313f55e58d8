"""The cargo fleet: one row per kind of cargo ship, one mark per flight, at its launch date.

Drawn from the catalogue's table of visiting flights (seeds/flights.csv: one row per flight,
with its ``kind``, ``launch_utc`` and ``arrival_method``), so a mark is a flight and not an
event about a ship. A flight that never reached the station (``arrival_method`` "none") is a
cross; HTV and its successor HTV-X have a row each. Marks close together in time are stacked
inside their row, so every flight can be counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import language
from ..catalogue.given import given_table
from ..errors import SettingsError
from ..language import N_, ngettext
from ..language import gettext as _
from .chart import SMALL_SIZE, TICK_SIZE, Chart, new_figure
from .style import (
    GHOST_COLOR,
    agency_colors,
    date_axis_label,
    empty_note,
    fix_date_ticks,
    lanes_apart,
    style_axes,
    title,
)

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.artist import Artist
    from matplotlib.collections import PathCollection

__all__ = ["CARGO_SHIPS", "CROSS_PT", "TICK_PT", "CargoChart", "cargo_fleet", "cargo_flights"]

_FLIGHT_COLUMNS = ("flight", "kind", "launch_utc", "arrival_method")  # what the chart reads

# A cargo ship's name on the chart -> (the flights table's kind, the agency that flies it).
# In order of first flight; HTV-X, HTV's successor, is a ship of its own.
CARGO_SHIPS: dict[str, tuple[str, str]] = {
    "Progress": ("progress", "Roscosmos"),
    "ATV": ("atv", "ESA"),
    "HTV": ("htv", "JAXA"),
    "Dragon": ("cargo-dragon", "SpaceX"),
    "Cygnus": ("cygnus", "Northrop"),
    "HTV-X": ("htv-x", "JAXA"),
}
_LOST = "none"  # the arrival_method of a flight that never reached the station
_NO_CARGO = N_("No cargo flights to show")
_CARGO_TITLE = N_("Cargo flights to the station: one mark per flight, at its launch (UTC)")
TICK_PT, CROSS_PT = 9.0, 8.0  # marker sizes in points: a flight, and a flight lost on the way
_GAP_PX = 1.5  # clear space kept between two marks on a row


def cargo_flights(flights: pd.DataFrame) -> pd.DataFrame:
    """The cargo flights of ``flights``, one row each: ``ship`` (the chart's name for it),
    ``agency``, ``flight``, ``launch`` (naive UTC) and ``lost`` (never reached the station),
    in order of launch."""
    flights = given_table(flights, "flights", needs=_FLIGHT_COLUMNS)
    by_kind = {kind: ship for ship, (kind, _) in CARGO_SHIPS.items()}
    kinds = flights["kind"].astype(str)
    cargo = flights[kinds.isin(list(by_kind))]
    launch = pd.to_datetime(cargo["launch_utc"], utc=True).dt.tz_localize(None)
    table = pd.DataFrame(
        {
            "ship": kinds[cargo.index].map(by_kind),
            "flight": cargo["flight"],
            "launch": launch,
            "lost": cargo["arrival_method"].astype(str) == _LOST,
        }
    )
    table["agency"] = table["ship"].map(lambda ship: CARGO_SHIPS[ship][1])
    return table.sort_values(["launch", "flight"], kind="stable").reset_index(drop=True)


def _check_ships(ships: Iterable[str] | None) -> None:
    unknown = [s for s in ships or () if s not in CARGO_SHIPS]
    if unknown:
        raise SettingsError(
            _("unknown cargo ship {ship}; choose from {ships}").format(
                ship=repr(unknown[0]), ships=", ".join(CARGO_SHIPS)
            )
        )


class CargoChart:
    """The cargo-fleet figure with every flight drawn once; :meth:`show` only hides and moves
    rows, so the live explorer redraws quickly.

    ``flights``: the visiting flights to draw (default: the catalogue's, see
    :func:`isslearn.load_flights`); ``ships``: the only ships that may be shown (default: all).
    """

    def __init__(
        self, ships: Iterable[str] | None = None, flights: pd.DataFrame | None = None
    ) -> None:
        from matplotlib.lines import Line2D

        _check_ships(ships)
        self.flights = cargo_flights(given_table(flights, "flights", needs=_FLIGHT_COLUMNS))
        if ships is not None:
            self.flights = self.flights[self.flights["ship"].isin(list(ships))]
            self.flights = self.flights.reset_index(drop=True)
        self.ships = [s for s in CARGO_SHIPS if s in set(self.flights["ship"])]
        self.figure = new_figure()
        ax = self.figure.add_axes((0.22, 0.16, 0.75, 0.6))
        self.axes = ax
        colors = agency_colors()
        self.marks: dict[tuple[str, bool], PathCollection] = {}
        self._lanes = np.zeros(len(self.flights))
        if len(self.flights):
            x0 = self.flights["launch"].min() - pd.DateOffset(years=1)
            x1 = self.flights["launch"].max() + pd.DateOffset(years=1)
            self._span = (x0, x1)
            self._lanes = self._place(x0, x1)
            for (ship, lost), group in self.flights.groupby(["ship", "lost"], sort=False):
                agency = CARGO_SHIPS[str(ship)][1]
                self.marks[(str(ship), bool(lost))] = ax.scatter(
                    group["launch"],
                    np.zeros(len(group)),
                    marker="x" if lost else "|",
                    s=(CROSS_PT if lost else TICK_PT) ** 2,
                    linewidths=1.8 if lost else 1.6,
                    color=colors.get(agency, GHOST_COLOR),
                    zorder=3,
                )
        handles: list[Artist] = [
            Line2D(
                [], [], marker="|", markersize=TICK_PT, color="#333333", lw=0,
                label=_("a flight"),
            ),
            Line2D(
                [], [], marker="x", markersize=CROSS_PT, color="#333333", lw=0,
                label=_("lost before reaching the station"),
            ),
        ]  # fmt: skip
        fleet = {agency for _, agency in CARGO_SHIPS.values()}  # the same key on every
        handles += [  # cargo figure, whichever ships it shows
            Line2D([], [], marker="s", markersize=8, color=colors[a], lw=0, label=a)
            for a in colors
            if a in fleet
        ]
        self.legend = self.figure.legend(
            handles=handles,
            title=_("mark: one flight; colour: agency that flies the ship"),
            fontsize=SMALL_SIZE,
            title_fontsize=SMALL_SIZE,
            loc="lower left",
            bbox_to_anchor=(0.01, 0.785),
            ncol=4,
            frameon=False,
            columnspacing=1.0,
            handletextpad=0.3,
            alignment="left",
        )
        self.legend.set_visible(bool(len(self.flights)))
        self.empty = empty_note(ax, _NO_CARGO)
        date_axis_label(ax)
        ax.grid(axis="x", color="#DDDDDD", zorder=0)
        style_axes(ax)
        title(self.figure, _CARGO_TITLE)

    def _place(self, x0: pd.Timestamp, x1: pd.Timestamp) -> np.ndarray:
        """Each flight's lane inside its row, worked out from the marks' widths on screen."""
        box = self.axes.get_position()
        px_per_day = box.width * self.figure.get_figwidth() * self.figure.dpi / (x1 - x0).days
        half_px = {
            False: 1.6 * self.figure.dpi / 72 / 2 + _GAP_PX / 2,  # a tick is its line's width
            True: CROSS_PT * self.figure.dpi / 72 / 2 + _GAP_PX / 2,
        }
        lanes = np.zeros(len(self.flights))
        for _ship, rows in self.flights.groupby("ship", sort=False).groups.items():
            dates = list(self.flights.loc[rows, "launch"])
            half = [half_px[bool(lost)] / px_per_day for lost in self.flights.loc[rows, "lost"]]
            lanes[list(rows)] = lanes_apart(dates, half)
        return lanes

    def changing(self) -> list[Artist]:
        """What a new choice of ships redraws: the whole plot (rows, dates and names change)."""
        return [a for a in self.axes.get_children() if a is not self.axes.patch]

    def show(self, ships: Iterable[str] | None = None) -> str:
        """Show only ``ships`` (default: all of them); returns the description sentence."""
        _check_ships(ships)
        chosen = [s for s in self.ships if ships is None or s in set(ships)]
        rows = {ship: len(chosen) - 1 - i for i, ship in enumerate(chosen)}
        ax = self.axes
        height_px = ax.get_position().height * self.figure.get_figheight() * self.figure.dpi
        lane = (TICK_PT + 2) * self.figure.dpi / 72 / (height_px / max(len(rows) + 0.4, 1))
        for (ship, lost), marks in self.marks.items():
            marks.set_visible(ship in rows)
            if ship in rows:
                which = (self.flights["ship"] == ship) & (self.flights["lost"] == lost)
                y = rows[ship] + self._lanes[which.to_numpy()] * lane
                x = _date_numbers(self.flights.loc[which, "launch"])
                marks.set_offsets(np.column_stack([x, y]))
        self.empty.set_visible(not rows)
        labels = [f"{ship} ({CARGO_SHIPS[ship][1]})" for ship in chosen]
        ax.set_yticks(list(rows.values()), labels)
        for label in ax.get_yticklabels():
            label.set_fontsize(TICK_SIZE)
        ax.set_ylim(-0.7, max(len(rows) - 0.3, 0.3))
        shown = self.flights[self.flights["ship"].isin(chosen)]
        if self.flights.empty:
            return _("{no_cargo}: the table of flights given is empty.").format(
                no_cargo=_(_NO_CARGO)
            )
        if len(shown):
            fix_date_ticks(
                ax,
                shown["launch"].min() - pd.DateOffset(years=1),
                shown["launch"].max() + pd.DateOffset(years=1),
            )
        return _cargo_sentence(shown, chosen)


def _date_numbers(dates: pd.Series) -> np.ndarray:
    import matplotlib.dates as mdates

    return np.asarray(mdates.date2num(dates.to_numpy()), dtype=float)


def _cargo_sentence(flights: pd.DataFrame, ships: list[str]) -> str:
    """Per ship: flights, the years of the first and last launch, and the flights lost."""
    if flights.empty:
        return f"{_(_NO_CARGO)}."
    parts = []
    for ship in ships:
        mine = flights[flights["ship"] == ship]
        n, lost = len(mine), int(mine["lost"].sum())
        first, last = mine["launch"].min().year, mine["launch"].max().year
        years = f"{first}" if first == last else f"{first}–{last}"
        losses = (
            ngettext(", {count} lost", ", {count} lost", lost).format(count=lost) if lost else ""
        )
        parts.append(
            ngettext(
                "{ship} ({agency}) {count} flight, {years}{losses}",
                "{ship} ({agency}) {count} flights, {years}{losses}",
                n,
            ).format(ship=ship, agency=CARGO_SHIPS[ship][1], count=n, years=years, losses=losses)
        )
    sentence = _("Cargo flights to the station, one mark per flight:") + " "
    sentence += _("; ").join(parts) + "."
    lost = flights[flights["lost"]]
    if len(lost):
        sentence += (
            " "
            + _("Lost before reaching the station:")
            + " "
            + ", ".join(f"{row.flight} ({language.day(row.launch)})" for row in lost.itertuples())
            + "."
        )
    return sentence


def cargo_fleet(ships: Iterable[str] | None = None, flights: pd.DataFrame | None = None) -> Chart:
    """The cargo flights to the station: a row per ship, a mark per flight at its launch date,
    a cross for a flight lost on the way, coloured by the agency that flies the ship.

    ``ships`` limits the figure, e.g. ``cargo_fleet(["ATV", "HTV"])``; ``flights`` is a table
    of visiting flights (default: the catalogue's).
    """
    chart = CargoChart(ships, flights)
    description = chart.show(ships)
    return Chart(chart.figure, description)
