"""Figures of the partnership: who contributed the modules, and the cargo ships that kept the
station supplied.

Who built a module and who owns it are different questions (Zarya was built in Russia, paid
for by the United States and is NASA's; Harmony, Tranquility and the Cupola were built for
ESA in Italy and are NASA's), so :func:`contributions` has one view per question and its
caption says which one it shows and names the modules where the answers differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from . import summaries
from .catalogue import load_modules
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, Chart, new_figure
from .events import load_events
from .plot_style import (
    GHOST_COLOR,
    agency_colors,
    agency_legend,
    date_axis_label,
    empty_chart,
    empty_note,
    fix_date_ticks,
    num2date,
    style_axes,
    title,
)

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.artist import Artist


__all__ = ["CONTRIBUTION_VIEWS", "CargoChart", "cargo_fleet", "contributions"]

# by= value -> (heading of the caption, what the title says, what the colour means)
CONTRIBUTION_VIEWS: dict[str, tuple[str, str, str]] = {
    "agency": (
        "By owner (the partner that owns or is responsible for each module)",
        "by the partner that owns them",
        "owner",
    ),
    "built_by": (
        "By builder (the partner whose side built each module)",
        "by the partner that built them",
        "builder",
    ),
    "builder_country": (
        "By the country where each was built, coloured by the partner that owns it",
        "by the country where they were built",
        "owner",
    ),
}


def _owned_but_built_elsewhere(modules: pd.DataFrame) -> pd.DataFrame:
    return modules[modules["agency"] != modules["built_by"]]


def _differences(modules: pd.DataFrame) -> str:
    """A sentence naming the modules built by one partner and owned by another."""
    differ = _owned_but_built_elsewhere(modules)
    if differ.empty:
        return " Every module here is owned by the partner that built it."
    name = summaries.abbreviate_module_name
    parts = [
        f"{name(m['name'])} (built by {m['built_by']} in {m['builder_country']}, "
        f"owned by {m['agency']})"
        for _, m in differ.iterrows()
    ]
    return " Built by one partner and owned by another: " + ", ".join(parts) + "."


def contributions(by: str = "agency", modules: pd.DataFrame | None = None) -> Chart:
    """Modules and launch mass per owner (``by='agency'``), per builder (``by='built_by'``),
    or per country where they were built (``by='builder_country'``, bars split by owner).

    >>> contributions().description.startswith("By owner")
    True
    """
    modules = load_modules() if modules is None else modules
    table = summaries.contributions(modules, by)  # checks ``by``
    heading, in_title, colour_means = CONTRIBUTION_VIEWS[by]
    heading_title = f"Who contributed the station's modules, {in_title}"
    if table.empty:
        return empty_chart(
            heading_title, f"{heading}: the table of modules given is empty.", "No modules to show"
        )
    colors = agency_colors()
    figure = new_figure()
    left, right = figure.subplots(1, 2, sharey=True)
    figure.subplots_adjust(left=0.2, right=0.97, top=0.76, bottom=0.15, wspace=0.08)
    names = list(table[by])
    positions = {name: len(names) - 1 - i for i, name in enumerate(names)}
    colour_column = "built_by" if colour_means == "builder" else "agency"
    other_column = "agency" if colour_column == "built_by" else "built_by"
    per = modules.assign(mass_t=modules["mass_kg"].astype("Float64").fillna(0) / 1000)
    per = per.groupby([by, colour_column, other_column], sort=False, observed=True).agg(
        modules=("id", "count"), mass_t=("mass_t", "sum")
    )
    for ax, column in ((left, "modules"), (right, "mass_t")):
        offset = dict.fromkeys(names, 0.0)
        for (group, partner, other), row in per.iterrows():
            # Modules built by one partner and owned by another are hatched in the colour
            # of that other partner, so the picture says it too, not only the caption.
            differs = partner != other
            ax.barh(
                positions[group],
                float(row[column]),
                left=offset[group],
                color=colors.get(partner, GHOST_COLOR),
                edgecolor=colors.get(other, GHOST_COLOR) if differs else "white",
                hatch="///" if differs else None,
                linewidth=0.8 if differs else 1.0,
            )
            offset[group] += float(row[column])
    hatched = (
        "hatched: owner (hatch colour) differs"
        if colour_means == "builder"
        else "hatched: builder (hatch colour) differs"
    )
    agency_legend(
        figure,
        modules[colour_column],
        "colour: partner that built it"
        if colour_means == "builder"
        else "colour: partner that owns it",
        hatched=hatched if (modules["agency"] != modules["built_by"]).any() else None,
        loc="lower left",
        bbox_to_anchor=(0.01, 0.79),
        ncol=20,  # one row
        fontsize=SMALL_SIZE - 1,
        columnspacing=0.6,
        handlelength=1.2,
        handletextpad=0.4,
        alignment="left",
    )
    left.set_yticks(range(len(names)))
    left.set_yticklabels(list(reversed(names)), fontsize=TICK_SIZE)
    left.set_xlabel("modules and elements (count)", fontsize=LABEL_SIZE)
    right.set_xlabel("launch mass (t)", fontsize=LABEL_SIZE)
    for ax in (left, right):
        style_axes(ax)
    title(figure, heading_title)
    parts = "; ".join(
        f"{row[by]} {row['modules']} module{'' if row['modules'] == 1 else 's'}, "
        f"{row['mass_t']:,.1f} t"
        for _, row in table.iterrows()
    )
    unknown = int(table["mass_unknown"].sum())
    caveat = f" ({unknown} modules have no mass in the catalogue)" if unknown else ""
    return Chart(figure, f"{heading}: {parts}{caveat}.{_differences(modules)}")


# ---------------------------------------------------------------- cargo ships

NO_CARGO = "No cargo-ship events match these settings"
CARGO_TITLE = "The cargo ships that supplied the station: first to last event in the catalogue"


class CargoChart:
    """The cargo-fleet figure with every ship drawn once; :meth:`show` only hides, moves and
    relabels rows, so the live explorer redraws quickly.

    ``ships``: the only ships that may be shown (default: all); ``events``: the events to find
    cargo flights in (default: :func:`isslearn.load_events`).
    """

    def __init__(
        self, ships: Iterable[str] | None = None, events: pd.DataFrame | None = None
    ) -> None:
        import matplotlib.dates as mdates
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        _check_ships(ships)
        events = load_events() if events is None else events
        self.spans = summaries.cargo_spans(events)
        self.cargo = summaries.cargo_events(events)
        if ships is not None:
            self.spans = self.spans[self.spans["ship"].isin(list(ships))].reset_index(drop=True)
            self.cargo = self.cargo[self.cargo["ship"].isin(list(ships))].reset_index(drop=True)
        self._dates = mdates.date2num(self.cargo["date"]) if len(self.cargo) else np.zeros(0)
        colors = agency_colors()
        self.figure = new_figure()
        ax = self.figure.add_axes((0.16, 0.14, 0.81, 0.7))
        self.axes = ax
        self.bars = {}
        self._names = {
            s: f"{s} ({a})" for s, a in zip(self.spans["ship"], self.spans["agency"], strict=True)
        }
        rows = {ship: len(self.spans) - 1 - i for i, ship in enumerate(self.spans["ship"])}
        for _, span in self.spans.iterrows():
            color = colors.get(span["agency"], GHOST_COLOR)
            y = rows[span["ship"]]
            (self.bars[span["ship"]],) = ax.barh(
                y,
                span["last"] - span["first"],
                left=span["first"],
                height=0.5,
                color=color,
                alpha=0.5,
            )
        self.ticks = None
        if len(self.cargo):
            self.ticks = ax.scatter(
                self.cargo["date"],
                [rows[s] for s in self.cargo["ship"]],
                marker="|",
                s=300,
                color="black",
                zorder=3,
            )
        # A figure legend, drawn once: the colour of each agency that flies a cargo ship.
        handles: list[Artist] = [
            Line2D([], [], marker="|", markersize=12, color="black", lw=0, label="an event")
        ]
        fleet = {agency for agency, _ in summaries.CARGO_SHIPS.values()}  # the same key on
        handles += [  # every cargo figure, whichever ships it shows
            Patch(facecolor=colors[a], alpha=0.5, label=a) for a in colors if a in fleet
        ]
        self.legend = self.figure.legend(
            handles=handles,
            title="colour: agency that flies the ship",
            fontsize=SMALL_SIZE,
            title_fontsize=SMALL_SIZE,
            loc="lower left",
            bbox_to_anchor=(0.12, 0.835),
            ncol=len(handles),
            frameon=False,
        )
        self.legend.set_visible(bool(len(self.spans)))
        self.empty = empty_note(ax, NO_CARGO)
        date_axis_label(ax)
        ax.grid(axis="x", color="#DDDDDD", zorder=0)
        style_axes(ax)
        title(self.figure, CARGO_TITLE)

    def changing(self) -> list[Artist]:
        """What a new choice of ships redraws: the whole plot (rows, dates and names change)."""
        return [a for a in self.axes.get_children() if a is not self.axes.patch]

    def show(self, ships: Iterable[str] | None = None) -> str:
        """Show only ``ships`` (default: all of them); returns the description sentence."""
        _check_ships(ships)
        spans = self.spans
        if ships is not None:
            spans = spans[spans["ship"].isin(list(ships))].reset_index(drop=True)
        rows = {ship: len(spans) - 1 - i for i, ship in enumerate(spans["ship"])}
        for ship, bar in self.bars.items():
            bar.set_visible(ship in rows)
            if ship in rows:
                bar.set_y(rows[ship] - bar.get_height() / 2)
        ax = self.axes
        if self.ticks is not None:
            chosen = self.cargo["ship"].isin(list(rows)).to_numpy()
            ys = [rows[s] for s in self.cargo["ship"][chosen]]
            self.ticks.set_offsets(np.column_stack([self._dates[chosen], ys]).reshape(-1, 2))
        self.empty.set_visible(not rows)
        ax.set_yticks(list(rows.values()), [self._names[s] for s in rows])
        for label in ax.get_yticklabels():
            label.set_fontsize(TICK_SIZE)
        ax.set_ylim(-0.7, max(len(rows) - 0.3, 0.3))
        if rows:  # the dates shown fit the ships chosen, as matplotlib would fit them
            ax.set_autoscalex_on(True)
            ax.relim(visible_only=True)
            ax.autoscale_view(scaley=False)
            fix_date_ticks(ax, *(num2date(v) for v in ax.get_xlim()))
        parts = "; ".join(
            f"{s['ship']} ({s['agency']}) {s['first']:%Y-%m-%d} to {s['last']:%Y-%m-%d}"
            for _, s in spans.iterrows()
        )
        if not parts:
            return f"{NO_CARGO}."
        return (
            "Cargo ships in the catalogue, each from the first to the last event it records "
            f"about that ship (such as a launch, an arrival or a re-entry): {parts}."
        )


def _check_ships(ships: Iterable[str] | None) -> None:
    unknown = [s for s in ships or () if s not in summaries.CARGO_SHIPS]
    if unknown:
        raise ValueError(
            f"unknown cargo ship {unknown[0]!r}; choose from " + ", ".join(summaries.CARGO_SHIPS)
        )


def cargo_fleet(ships: Iterable[str] | None = None, events: pd.DataFrame | None = None) -> Chart:
    """The cargo ships that supplied the station: a bar from each ship's first to its last
    event in the catalogue, a tick per event, coloured by the agency that flies it.

    ``ships`` limits the figure, e.g. ``cargo_fleet(["ATV", "HTV"])``.

    >>> cargo_fleet().description.startswith("Cargo ships")
    True
    """
    chart = CargoChart(ships, events)
    description = chart.show(ships)
    return Chart(chart.figure, description)
