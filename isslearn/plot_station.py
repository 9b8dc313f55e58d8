"""Figures of the hardware: the station on a date, how it grew, and the rockets that launched it.

Blocks and dots are coloured by the partner whose side BUILT each module (``built_by`` in
modules.csv), because these figures show hardware; who owns it is the contributions figure's
other view. Every figure takes the modules it draws (default: the built-in catalogue).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import summaries
from .catalogue import load_eras, load_modules
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, TITLE_SIZE, Chart, new_figure
from .events import current_to
from .plot_style import (
    GHOST_COLOR,
    INK,
    agency_colors,
    agency_legend,
    empty_chart,
    empty_note,
    style_axes,
    text_color_on,
    title,
)
from .station import station_totals
from .values import DateLike, as_day, as_optional_day

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.axes import Axes
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text

__all__ = ["BUILT_BY_HEADING", "StationSchematic", "growth", "launches_by_vehicle", "station"]

BUILT_BY_HEADING = "colour: partner that built it"
NO_MODULES = "No modules to show"


def _number(value: float) -> str:
    return f"{value:,.0f}"


def _mass_t(kg: float) -> str:
    return f"{kg / 1000:,.0f} t" if kg >= 10_000 else f"{kg / 1000:,.1f} t"


def _modules(count: int) -> str:
    return "1 module" if count == 1 else f"{count} modules and elements"


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

        self.modules = load_modules() if modules is None else modules
        self.layout = summaries.station_layout(self.modules)
        by_id = self.modules.set_index("id").loc[self.layout["id"]]
        self._builder = _builder(by_id).to_numpy(dtype=object)
        self.colors = agency_colors()
        self.figure = new_figure()
        ax = self.figure.add_axes((0.17, 0.1, 0.82, 0.68))
        self.axes = ax
        self.blocks: dict[str, Rectangle] = {}
        self.labels: dict[str, Text] = {}
        lanes = len(summaries.SEGMENTS)
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
                color=text_color_on(self.colors.get(builder, GHOST_COLOR)),
                parse_math=False,
            )
        slots = max(int(self.layout["slot"].max()) + 1, 1) if len(self.layout) else 1
        ax.set_xlim(0, slots)
        ax.set_ylim(0, lanes)
        ax.set_yticks([lanes - 0.5 - i for i in range(lanes)])
        ax.set_yticklabels(
            [summaries.SEGMENT_LABELS[s] for s in summaries.SEGMENTS], fontsize=TICK_SIZE
        )
        ax.set_xticks([])
        ax.set_xlabel(
            "each block is one module or element, in order of arrival (left to right)",
            fontsize=LABEL_SIZE,
        )
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
        ax.tick_params(left=False)
        self.empty = empty_note(ax, NO_MODULES)
        self.empty.set_visible(self.layout.empty)
        builders = {b for b in self._builder if isinstance(b, str)}
        present = [a for a in self.colors if a in builders]
        handles = [Patch(facecolor=self.colors[a], label=a) for a in present]
        handles += [Patch(facecolor=GHOST_COLOR, label=a) for a in sorted(builders - set(present))]
        handles.append(
            Patch(
                facecolor="none", edgecolor=GHOST_COLOR, linestyle="--", label="not attached then"
            )
        )
        self.figure.legend(
            handles=handles,
            title=BUILT_BY_HEADING,
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
        at_least = "at least " if no_volume else ""
        title = (
            f"The ISS on {day:%Y-%m-%d}: {_modules(count)}, "
            f"{_mass_t(mass)}, {at_least}{_number(volume)} m³ pressurized"
        )
        if not len(self._attach):
            sentence = f"On {day:%Y-%m-%d}: the table of modules given is empty, so none is drawn."
        elif count == 0:
            sentence = (
                f"On {day:%Y-%m-%d} no part of the station was in orbit yet; "
                f"the first module arrived on {pd.Timestamp(self._attach.min()):%Y-%m-%d}."
            )
        else:
            by_builder = Counter(self._builder[there]).most_common()
            parts = ", ".join(f"{n} by {agency}" for agency, n in by_builder)
            unknown = int(self._mass_unknown[there].sum())
            caveat = f" (the catalogue has no mass for {unknown} of them)" if unknown else ""
            volume_caveat = (
                f" (the catalogue has no volume for {no_volume} pressurized "
                f"module{'' if no_volume == 1 else 's'})"
                if no_volume
                else ""
            )
            sentence = (
                f"On {day:%Y-%m-%d} the station had {_modules(count)} (built {parts}), "
                f"a launch mass of {_number(mass)} kg{caveat} and {at_least}"
                f"{_number(volume)} m³ of pressurized volume{volume_caveat}."
            )
        return day, there, title, sentence

    def restyle(self, there: np.ndarray) -> None:
        """Fill the blocks of attached modules; outline the others."""
        for module_id, builder, attached in zip(
            self.layout["id"], self._builder, there, strict=True
        ):
            block, label = self.blocks[module_id], self.labels[module_id]
            if attached:
                block.set_facecolor(self.colors.get(builder, GHOST_COLOR))
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
                " " + era["era"],
                rotation=90,
                va="top",
                ha="left",
                fontsize=SMALL_SIZE - 1,
                color="#444444",
                transform=ax.get_xaxis_transform(),
                parse_math=False,
                bbox={"facecolor": "white", "alpha": 0.8, "linewidth": 0, "pad": 1},
            )


GROWTH_TITLE = "How the station grew: launch mass and modules attached (shaded bands: eras)"


def growth(modules: pd.DataFrame | None = None, until: DateLike | None = None) -> Chart:
    """The station's launch mass (tonnes) and number of modules over time, eras shaded.

    The lines run on to ``until`` (default: the date the built-in catalogue is current to,
    :func:`isslearn.current_to`; a class's own events never move it).

    >>> growth().description.startswith("From ")
    True
    """
    modules = load_modules() if modules is None else modules
    dates = summaries.change_dates(modules)
    if not dates:
        return empty_chart(
            GROWTH_TITLE, "The table of modules given is empty, so there is no growth to draw.",
            NO_MODULES,
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
    top.set_ylabel("launch mass (t)", fontsize=LABEL_SIZE)
    bottom.set_ylabel("modules", fontsize=LABEL_SIZE)
    bottom.set_xlabel("date (UTC)", fontsize=LABEL_SIZE)
    for ax in (top, bottom):
        style_axes(ax)
        ax.set_ylim(bottom=0)
        ax.set_xlim(dates[0] - pd.Timedelta(days=180), end)
    _shade_eras(top, end, label_y=0.98)
    _shade_eras(bottom, end)
    title(figure, GROWTH_TITLE)
    unknown = int(modules["mass_kg"].isna().sum())
    caveat = f"; {unknown} modules have no mass in the catalogue" if unknown else ""
    description = (
        f"From {dates[0]:%Y-%m-%d} to {dates[-1]:%Y-%m-%d} the station grew from "
        f"{count[0]} to {count[-1]} modules and elements and its launch mass from "
        f"{_mass_t(mass_t[0] * 1000)} to {_mass_t(mass_t[-1] * 1000)}{caveat}."
    )
    return Chart(figure, description)


# ---------------------------------------------------------------- launches by rocket

LAUNCHES_TITLE = "Which rockets launched the station's modules (one dot per module)"


def launches_by_vehicle(modules: pd.DataFrame | None = None) -> Chart:
    """When each rocket carried a piece of the station up: one dot per module, one row per
    rocket family, coloured by the partner that built the module.

    >>> "Space Shuttle" in launches_by_vehicle().description
    True
    """
    modules = load_modules() if modules is None else modules
    if modules.empty:
        return empty_chart(
            LAUNCHES_TITLE, "The table of modules given is empty, so no launch is drawn.",
            NO_MODULES,
        )  # fmt: skip
    modules = modules.assign(
        family=modules["launch_vehicle"].map(summaries.vehicle_family), builder=_builder(modules)
    )
    order = modules.groupby("family")["launch_date"].min().sort_values().index.tolist()
    colors = agency_colors()
    figure = new_figure()
    ax = figure.add_axes((0.2, 0.27, 0.77, 0.6))
    for builder, group in modules.groupby("builder", sort=False):
        ax.scatter(
            group["launch_date"],
            [len(order) - 1 - order.index(f) for f in group["family"]],
            s=90,
            color=colors.get(str(builder), GHOST_COLOR),
            edgecolor="white",
            linewidth=0.8,
            zorder=3,
        )
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels(list(reversed(order)), fontsize=TICK_SIZE)
    ax.set_ylim(-0.6, len(order) - 0.4)
    ax.set_xlabel("launch date (UTC)", fontsize=LABEL_SIZE)
    ax.set_ylabel("rocket", fontsize=LABEL_SIZE)
    ax.grid(axis="x", color="#DDDDDD", zorder=0)
    style_axes(ax)
    agency_legend(
        ax,
        modules["builder"],
        "partner that built the module",
        loc="upper center",
        bbox_to_anchor=(0.45, -0.16),
        ncol=8,
    )
    title(figure, LAUNCHES_TITLE)
    counts = modules["family"].value_counts()
    parts = ", ".join(f"{n} on {family}" for family, n in counts.items())
    description = (
        f"The {len(modules)} modules and elements were launched between "
        f"{modules['launch_date'].min():%Y-%m-%d} and {modules['launch_date'].max():%Y-%m-%d}: "
        f"{parts}."
    )
    return Chart(figure, description)
