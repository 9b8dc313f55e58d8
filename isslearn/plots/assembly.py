"""Figures of the hardware: the station on a date, how it grew, and the rockets that launched it.

Blocks and dots are coloured by the partner whose side BUILT each module (``built_by`` in
modules.csv), because these figures show hardware; who owns it is the contributions figure's
other view. Every figure takes the modules it draws (default: the built-in catalogue).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import language
from ..catalogue import summaries
from ..catalogue.events import current_to
from ..catalogue.given import given_table
from ..catalogue.station import station_totals
from ..catalogue.tables import load_eras
from ..language import N_, ngettext
from ..language import gettext as _
from ..reading.values import DateLike, as_day, as_optional_day
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, TITLE_SIZE, Chart, new_figure
from .style import (
    GHOST_COLOR,
    INK,
    OTHER_AGENCY,
    OTHER_AGENCY_COLOR,
    agency_color,
    agency_legend,
    empty_chart,
    empty_note,
    lanes_apart,
    partner_colors,
    style_axes,
    text_color_on,
    title,
)

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.axes import Axes
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text

__all__ = ["StationSchematic", "growth", "launches_by_vehicle", "station"]

_BUILT_BY_HEADING = N_("colour: partner that built it")
_NO_MODULES = N_("No modules to show")


def _number(value: float) -> str:
    return language.number(value)


def _mass_t(kg: float) -> str:
    return language.number(kg / 1000, 0 if kg >= 10_000 else 1) + " t"


def _modules(count: int) -> str:
    return _("1 module") if count == 1 else _("{count} modules and elements").format(count=count)


def _builder(modules: pd.DataFrame) -> pd.Series:
    """The partner that built each module (older tables without ``built_by``: the owner)."""
    return modules["built_by"] if "built_by" in modules.columns else modules["agency"]


# ---------------------------------------------------------------- the station on a date


class StationSchematic:
    """The station as blocks, one per module, in lanes by segment and in order of arrival.

    Every module in the catalogue gets a block once; :meth:`show` only restyles blocks and
    rewrites the title, so the live explorer can redraw a new date quickly.
    """

    def __init__(self, modules: pd.DataFrame | None = None):
        from matplotlib.patches import Patch, Rectangle

        self.modules = given_table(modules, "modules")
        self.layout = summaries.station_layout(self.modules)
        by_id = self.modules.set_index("id").loc[self.layout["id"]]
        self._builder = _builder(by_id).to_numpy(dtype=object)
        self.figure = new_figure()
        ax = self.figure.add_axes((0.17, 0.1, 0.82, 0.68))
        self.axes = ax
        self.blocks: dict[str, Rectangle] = {}
        self.labels: dict[str, Text] = {}
        lanes = len(summaries.SCHEMATIC_LANES)
        row: Any  # an itertuples row: its fields are the layout's columns, untyped
        for row, builder in zip(self.layout.itertuples(), self._builder, strict=True):
            x, y = row.slot, lanes - 1 - row.lane
            block = Rectangle((x + 0.06, y + 0.06), 0.88, 0.88, linewidth=1.2, gid=row.id)
            ax.add_artist(block)  # not add_patch: the limits are set by hand below
            self.blocks[row.id] = block
            self.labels[row.id] = ax.text(
                x + 0.5,
                y + 0.5,
                row.label,
                rotation=90,
                ha="center",
                va="center",
                fontsize=8.5,
                color=text_color_on(agency_color(builder)),
                parse_math=False,
            )
        slots = max(int(self.layout["slot"].max()) + 1, 1) if len(self.layout) else 1
        ax.set_xlim(0, slots)
        ax.set_ylim(0, lanes)
        ax.set_yticks([lanes - 0.5 - i for i in range(lanes)])
        ax.set_yticklabels(
            [_(summaries.LANE_LABELS[s]) for s in summaries.SCHEMATIC_LANES], fontsize=TICK_SIZE
        )
        ax.set_xticks([])
        ax.set_xlabel(
            _("each block is one module or element, in order of arrival (left to right)"),
            fontsize=LABEL_SIZE,
        )
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
        ax.tick_params(left=False)
        self.empty = empty_note(ax, _NO_MODULES)
        self.empty.set_visible(self.layout.empty)
        builders = {b for b in self._builder if isinstance(b, str)}
        partners = partner_colors()
        handles = [Patch(facecolor=partners[a], label=a) for a in partners if a in builders]
        if builders - set(partners):
            handles.append(Patch(facecolor=OTHER_AGENCY_COLOR, label=_(OTHER_AGENCY)))
        handles.append(
            Patch(
                facecolor="none",
                edgecolor=GHOST_COLOR,
                linestyle="--",
                label=_("not attached then"),
            )
        )
        self.figure.legend(
            handles=handles,
            title=_(_BUILT_BY_HEADING),
            title_fontsize=SMALL_SIZE,
            loc="upper center",
            ncol=len(handles),  # one row
            fontsize=SMALL_SIZE - 1 if len(handles) > 8 else SMALL_SIZE,
            frameon=False,
            bbox_to_anchor=(0.5, 0.94),
            columnspacing=0.7,
            handlelength=1.2,
            handletextpad=0.4,
        )
        self.title = self.figure.suptitle("", fontsize=TITLE_SIZE, x=0.02, ha="left", y=0.98)
        self._attach = self.layout["attach_date"].to_numpy(dtype="datetime64[ns]")
        self._detach = self.layout["detach_date"].to_numpy(dtype="datetime64[ns]")
        self._mass = by_id["mass_kg"].astype("Float64").fillna(0).to_numpy(dtype=float)
        self._mass_unknown = by_id["mass_kg"].isna().to_numpy()
        self._volume = (
            by_id["pressurized_volume_m3"].astype("Float64").fillna(0).to_numpy(dtype=float)
        )
        self._volume_unknown = (
            (by_id["kind"] == "pressurized") & by_id["pressurized_volume_m3"].isna()
        ).to_numpy(dtype=bool)
        self.date: pd.Timestamp | None = None
        self.description = ""

    def station_state(self, date: DateLike) -> tuple[pd.Timestamp, np.ndarray, str, str]:
        """For ``date``: the day, which layout rows are attached, the title and the sentence.

        Worked out with plain arrays (no DataFrame operations) so that a slider stays quick.
        """
        day = as_day(date)
        when = np.datetime64(day, "ns")
        there = (self._attach <= when) & (np.isnat(self._detach) | (self._detach > when))
        count = int(there.sum())
        mass = float(self._mass[there].sum())
        volume = float(np.round(self._volume[there].sum(), 1))
        no_volume = int(self._volume_unknown[there].sum())
        at_least = _("at least ") if no_volume else ""
        on = language.day(day)
        title = _("The ISS on {day}: {modules}, {mass}, {at_least}{volume} m³ pressurized").format(
            day=on,
            modules=_modules(count),
            mass=_mass_t(mass),
            at_least=at_least,
            volume=_number(volume),
        )
        if not len(self._attach):
            sentence = _("On {day}: the table of modules given is empty, so none is drawn.").format(
                day=on
            )
        elif count == 0:
            sentence = _(
                "On {day} no part of the station was in orbit yet; the first module arrived on "
                "{first}."
            ).format(day=on, first=language.day(self._attach.min()))
        else:
            by_builder = Counter(self._builder[there]).most_common()
            parts = ", ".join(
                _("{count} by {builder}").format(count=n, builder=agency)
                for agency, n in by_builder
            )
            unknown = int(self._mass_unknown[there].sum())
            caveat = (
                _(" (the catalogue has no mass for {count} of them)").format(count=unknown)
                if unknown
                else ""
            )
            volume_caveat = (
                ngettext(
                    " (the catalogue has no volume for {count} pressurized module)",
                    " (the catalogue has no volume for {count} pressurized modules)",
                    no_volume,
                ).format(count=no_volume)
                if no_volume
                else ""
            )
            sentence = _(
                "On {day} the station had {modules} (built {parts}), a launch mass of {mass} kg"
                "{caveat} and {at_least}{volume} m³ of pressurized volume{volume_caveat}."
            ).format(
                day=on,
                modules=_modules(count),
                parts=parts,
                mass=_number(mass),
                caveat=caveat,
                at_least=at_least,
                volume=_number(volume),
                volume_caveat=volume_caveat,
            )
        return day, there, title, sentence

    def restyle(self, there: np.ndarray) -> None:
        """Fill the blocks of attached modules; outline the others."""
        for module_id, builder, attached in zip(
            self.layout["id"], self._builder, there, strict=True
        ):
            block, label = self.blocks[module_id], self.labels[module_id]
            if attached:
                block.set_facecolor(agency_color(builder))
                block.set_edgecolor("white")
                block.set_linestyle("-")
                block.set_fill(True)
            else:
                block.set_fill(False)
                block.set_edgecolor(GHOST_COLOR)
                block.set_linestyle("--")
            label.set_visible(bool(attached))

    def show(self, date: DateLike) -> str:
        """Draw the station as it was on ``date``; returns the description sentence."""
        day, there, title, sentence = self.station_state(date)
        self.restyle(there)
        self.title.set_text(title)
        self.date, self.description = day, sentence
        return sentence

    def attached_ids(self) -> list[str]:
        """Ids of the blocks currently drawn as attached (filled)."""
        return [i for i, block in self.blocks.items() if block.get_fill()]


def station(date: DateLike, modules: pd.DataFrame | None = None) -> Chart:
    """The station on ``date`` (UTC, 'YYYY-MM-DD'): modules as blocks coloured by the partner
    that built them. ``modules`` defaults to the built-in catalogue.

    >>> chart = station("1998-12-31")
    >>> chart.description.split(" (")[0]
    'On 1998-12-31 the station had 4 modules and elements'
    """
    schematic = StationSchematic(modules)
    description = schematic.show(date)
    return Chart(schematic.figure, description)


# ---------------------------------------------------------------- growth over time


_ERA_LABEL_WIDTH = 25  # characters of an era's name on one line: " Complete and in full use"


def _shade_eras(ax: Axes, end: pd.Timestamp, label_y: float | None = None) -> None:
    eras = load_eras().sort_values("start").reset_index(drop=True)
    starts = list(eras["start"])
    for i, era in eras.iterrows():
        left = starts[i]
        right = starts[i + 1] if i + 1 < len(starts) else end
        if left >= end:
            continue
        # matplotlib's stubs say float, but a date axis takes Timestamps (its units converter).
        shade = 0.06 if i % 2 == 0 else 0.0
        ax.axvspan(left, right, color="#000000", alpha=shade, lw=0)  # type: ignore[arg-type]
        if label_y is not None:
            ax.text(
                left,
                label_y,
                # as long as the longest English name at most, or on two lines (French runs long)
                textwrap.fill(" " + era["era"], _ERA_LABEL_WIDTH),
                rotation=90,
                va="top",
                ha="left",
                fontsize=SMALL_SIZE - 1,
                color="#444444",
                transform=ax.get_xaxis_transform(),
                parse_math=False,
                bbox={"facecolor": "white", "alpha": 0.8, "linewidth": 0, "pad": 1},
            )


_GROWTH_TITLE = N_("How the station grew: launch mass and pieces attached (shaded bands: eras)")
_FLAT_YEARS = 1.5  # flat stretches of the mass line at least this long are named in words
_MILESTONES_T = (100, 200, 300)  # the masses whose first passing the description dates


def _pieces(count: int) -> str:
    return _("1 piece") if count == 1 else _("{count} pieces").format(count=count)


def _flat_stretches(
    dates: list[pd.Timestamp], mass_t: list[float], min_years: float = _FLAT_YEARS
) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Where the mass line stays level for at least ``min_years``: from the day the mass last
    changed to the day it changed again (or to the last date, for a stretch still running)."""
    stretches, since = [], dates[0]
    for day, before, after in zip(dates[1:], mass_t[:-1], mass_t[1:], strict=True):
        if after != before:
            if (day - since).days / 365.25 >= min_years:
                stretches.append((since, day))
            since = day
    if (dates[-1] - since).days / 365.25 >= min_years:  # still level on the last day shown
        stretches.append((since, dates[-1]))
    return stretches


def _growth_sentence(
    dates: list[pd.Timestamp], mass_t: list[float], count: list[int], unknown: int
) -> str:
    """Counts, masses, the days the mass first passed 100, 200 and 300 t, and the long flat
    stretches: what the lesson's questions about this chart ask for, in words."""
    sentence = _(
        "From {start} to {end} the station grew from {first} to {last} (pressurized modules and "
        "other elements) and its launch mass from {first_mass} to {last_mass}"
    ).format(
        start=language.day(dates[0]),
        end=language.day(dates[-2]),
        first=_pieces(count[0]),
        last=_pieces(count[-1]),
        first_mass=_mass_t(mass_t[0] * 1000),
        last_mass=_mass_t(mass_t[-1] * 1000),
    )
    firsts = {
        tonnes: next(d for d, m in zip(dates, mass_t, strict=True) if m > tonnes)
        for tonnes in _MILESTONES_T
        if max(mass_t) > tonnes
    }
    passed = [
        _("{tonnes} t on {day}").format(tonnes=tonnes, day=language.day(day))
        for tonnes, day in firsts.items()
    ]
    if passed:
        sentence += _("; it first passed") + " " + ", ".join(passed)
    if unknown:
        sentence += _(
            " ({count} pieces have no mass in the catalogue, so these are lower bounds)"
        ).format(count=unknown)
    flat = _flat_stretches(dates, mass_t)
    if flat:
        parts = [
            _("from {start} to {end} ({years} years)").format(
                start=language.day(a),
                end=language.day(b),
                years=language.number((b - a).days / 365.25, 1),
            )
            for a, b in flat
        ]
        sentence += (
            ngettext(
                ". The mass line stays flat for {years} years or more {count} time:",
                ". The mass line stays flat for {years} years or more {count} times:",
                len(flat),
            ).format(years=language.number(_FLAT_YEARS, 1), count=len(flat))
            + " "
            + ", ".join(parts)
        )
    return sentence + "."


def growth(modules: pd.DataFrame | None = None, until: DateLike | None = None) -> Chart:
    """The station's launch mass (tonnes) and number of modules over time, eras shaded.

    The lines run on to ``until`` (default: the date the built-in catalogue is current to,
    :func:`isslearn.current_to`; a class's own events never move it).

    >>> growth().description.startswith("From ")
    True
    """
    modules = given_table(modules, "modules")
    dates = summaries.change_dates(modules)
    if not dates:
        return empty_chart(
            _GROWTH_TITLE, _("The table of modules given is empty, so there is no growth to draw."),
            _NO_MODULES,
        )  # fmt: skip
    totals = station_totals(dates, modules)
    last = as_optional_day(until, "until")
    end = max(dates[-1], current_to() if last is None else last)
    x = [*dates, end]
    mass_t = [*(totals["station_mass_kg"].astype(float) / 1000)]
    mass_t.append(mass_t[-1])
    count = [*totals["modules_attached"].astype(int)]
    count.append(count[-1])

    figure = new_figure()
    top, bottom = figure.subplots(2, 1, sharex=True)
    figure.subplots_adjust(left=0.1, right=0.98, top=0.88, bottom=0.12, hspace=0.12)
    top.step(x, mass_t, where="post", color=INK, lw=2.5)
    bottom.step(x, count, where="post", color=INK, lw=2.5)
    top.set_ylabel(_("launch mass (t)"), fontsize=LABEL_SIZE)
    bottom.set_ylabel(_("pieces"), fontsize=LABEL_SIZE)
    bottom.set_xlabel(_("date (UTC)"), fontsize=LABEL_SIZE)
    for ax in (top, bottom):
        style_axes(ax)
        ax.set_ylim(bottom=0)
        ax.set_xlim(dates[0] - pd.Timedelta(days=180), end)
    _shade_eras(top, end, label_y=0.98)
    _shade_eras(bottom, end)
    title(figure, _GROWTH_TITLE)
    unknown = int(modules["mass_kg"].isna().sum())
    return Chart(figure, _growth_sentence(x, mass_t, count, unknown))


# ---------------------------------------------------------------- launches by rocket

_LAUNCHES_TITLE = N_("Which rockets launched the station's pieces (one dot per piece)")
_DOT_SIZE = 40  # points², as matplotlib's scatter takes it
_DOT_GAP_PX = 1.5  # clear space between two dots, so that each can be counted


def launches_by_vehicle(modules: pd.DataFrame | None = None) -> Chart:
    """When each rocket carried a piece of the station up: one dot per piece, one row per
    rocket family, coloured by the partner that built the piece. Pieces launched on the same
    flight, or close together, are stacked inside their row, so no dot hides another.

    >>> "Space Shuttle" in launches_by_vehicle().description
    True
    """
    modules = given_table(modules, "modules")
    if modules.empty:
        return empty_chart(
            _LAUNCHES_TITLE, _("The table of pieces given is empty, so no launch is drawn."),
            _NO_MODULES,
        )  # fmt: skip
    modules = modules.assign(
        family=modules["launch_vehicle"].map(summaries.vehicle_family), builder=_builder(modules)
    ).reset_index(drop=True)
    order = modules.groupby("family")["launch_date"].min().sort_values().index.tolist()
    figure = new_figure()
    ax = figure.add_axes((0.2, 0.34, 0.77, 0.54))
    x0 = modules["launch_date"].min() - pd.DateOffset(years=1)
    x1 = modules["launch_date"].max() + pd.DateOffset(years=1)
    ax.set_xlim(x0, x1)
    ax.set_ylim(-0.6, len(order) - 0.4)
    box = ax.get_position()
    width_px = box.width * figure.get_figwidth() * figure.dpi
    height_px = box.height * figure.get_figheight() * figure.dpi
    spacing_px = np.sqrt(_DOT_SIZE) * figure.dpi / 72 + _DOT_GAP_PX  # the dot's diameter + a gap
    min_days = spacing_px * (x1 - x0).days / width_px
    lane_height = spacing_px * (len(order) + 0.2) / height_px  # in rows (data units)
    y = np.zeros(len(modules))
    for family, rows in modules.groupby("family", sort=False).groups.items():
        dates = list(modules.loc[rows, "launch_date"])
        lanes = lanes_apart(dates, [min_days / 2] * len(dates))
        base = len(order) - 1 - order.index(family)
        y[list(rows)] = [base + lane * lane_height for lane in lanes]
    for builder, group in modules.groupby("builder", sort=False):
        ax.scatter(
            group["launch_date"],
            y[group.index],
            s=_DOT_SIZE,
            color=agency_color(builder),
            edgecolor="white",
            linewidth=0.6,
            zorder=3,
        )
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([_(str(family)) for family in reversed(order)], fontsize=TICK_SIZE)
    ax.set_xlabel(_("launch date (UTC)"), fontsize=LABEL_SIZE)
    ax.set_ylabel(_("rocket"), fontsize=LABEL_SIZE)
    ax.grid(axis="x", color="#DDDDDD", zorder=0)
    style_axes(ax)
    agency_legend(
        ax,
        modules["builder"],
        N_("partner that built the piece"),
        loc="upper center",
        bbox_to_anchor=(0.42, -0.2),
        ncol=4,
    )
    title(figure, _LAUNCHES_TITLE)
    counts = modules["family"].value_counts()
    parts = ", ".join(
        _("{count} on {rocket}").format(count=n, rocket=_(str(family)))
        for family, n in counts.items()
    )
    description = _(
        "The {count} pieces (pressurized modules and other elements) were launched between "
        "{first} and {last}: {parts}. Pieces launched on the same flight or close together are "
        "stacked inside their row, so each piece has a dot of its own."
    ).format(
        count=len(modules),
        first=language.day(modules["launch_date"].min()),
        last=language.day(modules["launch_date"].max()),
        parts=parts,
    )
    return Chart(figure, description)
