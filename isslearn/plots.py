"""Lesson figures: one call, one :class:`~isslearn.chart.Chart` (a PNG and a sentence).

Each function here is the static twin of a widget in :mod:`isslearn.widgets`: the lesson reads
the same on paper as it does live. Colours come from ``agencies.csv`` (the Okabe–Ito palette,
which stays readable with the common kinds of colour blindness), sizes suit a projector, and
the same data always gives the same PNG.

>>> from isslearn import plots
>>> plots.station("2011-07-21")          # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from . import summaries
from .catalogue import load_agencies, load_eras, load_events, load_expeditions, load_modules
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, TITLE_SIZE, Chart, new_figure
from .dateargs import as_day, as_optional_day
from .station import station_totals

GHOST_COLOR = "#BBBBBB"  # outlines of modules not attached on the date shown


def agency_colors() -> dict[str, str]:
    """Agency code -> plot colour, from agencies.csv."""
    agencies = load_agencies()
    return dict(zip(agencies["code"], agencies["color"], strict=True))


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (a '#RRGGBB' colour)."""
    r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.4 else "white"


def _number(value: float) -> str:
    return f"{value:,.0f}"


def _mass_t(kg: float) -> str:
    return f"{kg / 1000:,.0f} t" if kg >= 10_000 else f"{kg / 1000:,.1f} t"


def _style_axes(ax) -> None:
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


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
        self.colors = agency_colors()
        self.figure = new_figure()
        ax = self.figure.add_axes((0.17, 0.1, 0.82, 0.68))
        self.axes = ax
        self.blocks = {}
        self.labels = {}
        for row in self.layout.itertuples():
            x, y = row.slot, len(summaries.SEGMENTS) - 1 - row.lane
            block = Rectangle((x + 0.06, y + 0.06), 0.88, 0.88, linewidth=1.2, gid=row.id)
            ax.add_patch(block)
            self.blocks[row.id] = block
            self.labels[row.id] = ax.text(
                x + 0.5,
                y + 0.5,
                row.label,
                rotation=90,
                ha="center",
                va="center",
                fontsize=8.5,
                color=text_color_on(self.colors.get(row.agency, GHOST_COLOR)),
                parse_math=False,
            )
        slots = max(int(self.layout["slot"].max()) + 1, 1) if len(self.layout) else 1
        ax.set_xlim(0, slots)
        ax.set_ylim(0, len(summaries.SEGMENTS))
        ax.set_yticks([len(summaries.SEGMENTS) - 0.5 - i for i in range(len(summaries.SEGMENTS))])
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
        present = [a for a in self.colors if a in set(self.layout["agency"])]
        handles = [Patch(facecolor=self.colors[a], label=a) for a in present]
        handles.append(
            Patch(facecolor="none", edgecolor=GHOST_COLOR, linestyle="--", label="not there yet")
        )
        self.figure.legend(
            handles=handles,
            loc="upper center",
            ncol=min(len(handles), 7),
            fontsize=SMALL_SIZE,
            frameon=False,
            bbox_to_anchor=(0.5, 0.935),
            columnspacing=0.8,
            handlelength=1.2,
        )
        self.title = self.figure.suptitle("", fontsize=TITLE_SIZE, x=0.02, ha="left", y=0.98)
        self.date: pd.Timestamp | None = None
        self.description = ""

    def show(self, date) -> str:
        """Draw the station as it was on ``date``; returns the description sentence."""
        day = as_day(date)
        attach = self.layout["attach_date"]
        detach = self.layout["detach_date"]
        there = (attach <= day) & (detach.isna() | (detach > day))
        for module_id, agency, attached in zip(
            self.layout["id"], self.layout["agency"], there, strict=True
        ):
            block, label = self.blocks[module_id], self.labels[module_id]
            if attached:
                block.set_facecolor(self.colors.get(agency, GHOST_COLOR))
                block.set_edgecolor("white")
                block.set_linestyle("-")
                block.set_fill(True)
            else:
                block.set_fill(False)
                block.set_edgecolor(GHOST_COLOR)
                block.set_linestyle("--")
            label.set_visible(bool(attached))
        totals = station_totals([day], self.modules).iloc[0]
        count = int(totals["modules_attached"])
        mass = float(totals["station_mass_kg"])
        volume = float(totals["pressurized_volume_m3"])
        self.title.set_text(
            f"The ISS on {day:%Y-%m-%d}: {count} modules and elements, "
            f"{_mass_t(mass)}, {_number(volume)} m³ pressurized"
        )
        self.date = day
        self.description = station_sentence(day, self.modules, count, mass, volume)
        return self.description

    def attached_ids(self) -> list[str]:
        """Ids of the blocks currently drawn as attached (filled)."""
        return [i for i, block in self.blocks.items() if block.get_fill()]


def station_sentence(day, modules, count: int, mass: float, volume: float) -> str:
    """One sentence for a screen reader: what the station was on ``day``."""
    if count == 0:
        first = modules["attach_date"].min()
        return (
            f"On {day:%Y-%m-%d} no part of the station was in orbit yet; "
            f"the first module arrived on {first:%Y-%m-%d}."
        )
    there = (modules["attach_date"] <= day) & (
        modules["detach_date"].isna() | (modules["detach_date"] > day)
    )
    unknown = int(modules.loc[there, "mass_kg"].isna().sum())
    by_agency = modules.loc[there, "agency"].value_counts()
    parts = ", ".join(f"{n} {agency}" for agency, n in by_agency.items())
    caveat = f" (the catalogue has no mass for {unknown} of them)" if unknown else ""
    return (
        f"On {day:%Y-%m-%d} the station had {count} modules and elements ({parts}), "
        f"a launch mass of {_number(mass)} kg{caveat} and {_number(volume)} m³ "
        "of pressurized volume."
    )


def station(date) -> Chart:
    """The station on ``date`` (UTC, 'YYYY-MM-DD'): modules as blocks coloured by agency.

    >>> chart = station("1998-12-31")
    >>> chart.description.split(" (")[0]
    'On 1998-12-31 the station had 4 modules and elements'
    """
    schematic = StationSchematic()
    description = schematic.show(date)
    return Chart(schematic.figure, description)


# ---------------------------------------------------------------- growth over time


def _shade_eras(ax, end: pd.Timestamp, label_y: float | None = None) -> None:
    eras = load_eras().sort_values("start").reset_index(drop=True)
    starts = list(eras["start"])
    for i, era in eras.iterrows():
        left = starts[i]
        right = starts[i + 1] if i + 1 < len(starts) else end
        if left >= end:
            continue
        ax.axvspan(left, right, color="#000000", alpha=0.06 if i % 2 == 0 else 0.0, lw=0)
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


def growth() -> Chart:
    """The station's launch mass (tonnes) and number of modules over time, eras shaded.

    >>> growth().description.startswith("From ")
    True
    """
    modules = load_modules()
    dates = summaries.change_dates(modules)
    totals = station_totals(dates, modules)
    events = load_events()
    end = max(dates[-1], events.loc[events["status"] == "happened", "date"].max())
    x = [*dates, end]
    mass_t = [*(totals["station_mass_kg"].astype(float) / 1000), None]
    mass_t[-1] = mass_t[-2]
    count = [*totals["modules_attached"].astype(int)]
    count.append(count[-1])

    figure = new_figure()
    top, bottom = figure.subplots(2, 1, sharex=True)
    figure.subplots_adjust(left=0.1, right=0.98, top=0.88, bottom=0.12, hspace=0.12)
    nasa = agency_colors().get("NASA", "#0072B2")
    top.step(x, mass_t, where="post", color=nasa, lw=2.5)
    bottom.step(x, count, where="post", color=agency_colors().get("Roscosmos", "#D55E00"), lw=2.5)
    top.set_ylabel("launch mass (t)", fontsize=LABEL_SIZE)
    bottom.set_ylabel("modules", fontsize=LABEL_SIZE)
    bottom.set_xlabel("date (UTC)", fontsize=LABEL_SIZE)
    for ax in (top, bottom):
        _style_axes(ax)
        ax.set_ylim(bottom=0)
        ax.set_xlim(dates[0] - pd.Timedelta(days=180), end)
    _shade_eras(top, end, label_y=0.98)
    _shade_eras(bottom, end)
    figure.suptitle(
        "How the station grew: launch mass and modules attached (shaded bands: eras)",
        fontsize=TITLE_SIZE,
        x=0.02,
        ha="left",
    )
    unknown = int(modules["mass_kg"].isna().sum())
    caveat = f"; {unknown} modules have no mass in the catalogue" if unknown else ""
    description = (
        f"From {dates[0]:%Y-%m-%d} to {dates[-1]:%Y-%m-%d} the station grew from "
        f"{count[0]} to {count[-1]} modules and elements and its launch mass from "
        f"{_mass_t(mass_t[0] * 1000)} to {_mass_t(mass_t[-1] * 1000)}{caveat}."
    )
    return Chart(figure, description)


__all__ = ["StationSchematic", "agency_colors", "growth", "station"]
_ = (load_expeditions, as_optional_day)  # used by the figures below
