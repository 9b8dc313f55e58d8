"""Lesson figures: one call, one :class:`~isslearn.chart.Chart` (a PNG and a sentence).

Each function here is the static twin of a widget in :mod:`isslearn.widgets`: the lesson reads
the same on paper as it does live. Colours come from ``agencies.csv`` (the Okabe–Ito palette,
which stays readable with the common kinds of colour blindness), sizes suit a projector, and
the same data always gives the same PNG.

>>> from isslearn import plots
>>> plots.station("2011-07-21")          # doctest: +SKIP
"""

from __future__ import annotations

import html
from collections import Counter

import numpy as np
import pandas as pd

from . import summaries
from .catalogue import load_agencies, load_eras, load_expeditions, load_modules, load_stays
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, TITLE_SIZE, Chart, new_figure
from .events import load_events
from .station import station_totals
from .values import as_day, as_optional_day

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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _number(value: float) -> str:
    return f"{value:,.0f}"


def _mass_t(kg: float) -> str:
    return f"{kg / 1000:,.0f} t" if kg >= 10_000 else f"{kg / 1000:,.1f} t"


def _title(figure, text: str) -> None:
    """The figure's title, left-aligned and large enough to read from the back of a room."""
    figure.suptitle(text, fontsize=TITLE_SIZE, x=0.02, ha="left")


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
            Patch(
                facecolor="none", edgecolor=GHOST_COLOR, linestyle="--", label="not attached then"
            )
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
        self._attach = self.layout["attach_date"].to_numpy(dtype="datetime64[ns]")
        self._detach = self.layout["detach_date"].to_numpy(dtype="datetime64[ns]")
        by_id = self.modules.set_index("id").loc[self.layout["id"]]
        self._mass = by_id["mass_kg"].astype("Float64").fillna(0).to_numpy(dtype=float)
        self._mass_unknown = by_id["mass_kg"].isna().to_numpy()
        self._volume = (
            by_id["pressurized_volume_m3"].astype("Float64").fillna(0).to_numpy(dtype=float)
        )
        self._agency = self.layout["agency"].to_numpy(dtype=object)
        self.date: pd.Timestamp | None = None
        self.description = ""

    def station_state(self, date) -> tuple[pd.Timestamp, np.ndarray, str, str]:
        """For ``date``: the day, which layout rows are attached, the title and the sentence.

        Worked out with plain arrays (no DataFrame operations) so that a slider stays quick.
        """
        day = as_day(date)
        when = np.datetime64(day, "ns")
        there = (self._attach <= when) & (np.isnat(self._detach) | (self._detach > when))
        count = int(there.sum())
        mass = float(self._mass[there].sum())
        volume = float(np.round(self._volume[there].sum(), 1))
        title = (
            f"The ISS on {day:%Y-%m-%d}: {count} modules and elements, "
            f"{_mass_t(mass)}, {_number(volume)} m³ pressurized"
        )
        if count == 0:
            sentence = (
                f"On {day:%Y-%m-%d} no part of the station was in orbit yet; "
                f"the first module arrived on {pd.Timestamp(self._attach.min()):%Y-%m-%d}."
            )
        else:
            by_agency = Counter(self._agency[there]).most_common()
            parts = ", ".join(f"{n} {agency}" for agency, n in by_agency)
            unknown = int(self._mass_unknown[there].sum())
            caveat = f" (the catalogue has no mass for {unknown} of them)" if unknown else ""
            sentence = (
                f"On {day:%Y-%m-%d} the station had {count} modules and elements ({parts}), "
                f"a launch mass of {_number(mass)} kg{caveat} and {_number(volume)} m³ "
                "of pressurized volume."
            )
        return day, there, title, sentence

    def restyle(self, there: np.ndarray) -> None:
        """Fill the blocks of attached modules; outline the others."""
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

    def show(self, date) -> str:
        """Draw the station as it was on ``date``; returns the description sentence."""
        day, there, title, sentence = self.station_state(date)
        self.restyle(there)
        self.title.set_text(title)
        self.date, self.description = day, sentence
        return sentence

    def attached_ids(self) -> list[str]:
        """Ids of the blocks currently drawn as attached (filled)."""
        return [i for i, block in self.blocks.items() if block.get_fill()]


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
    _title(figure, "How the station grew: launch mass and modules attached (shaded bands: eras)")
    unknown = int(modules["mass_kg"].isna().sum())
    caveat = f"; {unknown} modules have no mass in the catalogue" if unknown else ""
    description = (
        f"From {dates[0]:%Y-%m-%d} to {dates[-1]:%Y-%m-%d} the station grew from "
        f"{count[0]} to {count[-1]} modules and elements and its launch mass from "
        f"{_mass_t(mass_t[0] * 1000)} to {_mass_t(mass_t[-1] * 1000)}{caveat}."
    )
    return Chart(figure, description)


# ---------------------------------------------------------------- launches by rocket


def launches_by_vehicle() -> Chart:
    """When each rocket carried a piece of the station up: one dot per module, one row per
    rocket family, coloured by the agency responsible for the module.

    >>> "Space Shuttle" in launches_by_vehicle().description
    True
    """
    modules = load_modules().assign(
        family=lambda m: m["launch_vehicle"].map(summaries.vehicle_family)
    )
    order = modules.groupby("family")["launch_date"].min().sort_values().index.tolist()
    colors = agency_colors()
    figure = new_figure()
    ax = figure.add_axes((0.2, 0.27, 0.77, 0.6))
    for agency, group in modules.groupby("agency", sort=False):
        ax.scatter(
            group["launch_date"],
            [len(order) - 1 - order.index(f) for f in group["family"]],
            s=90,
            color=colors.get(agency, GHOST_COLOR),
            edgecolor="white",
            linewidth=0.8,
            label=agency,
            zorder=3,
        )
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels(list(reversed(order)), fontsize=TICK_SIZE)
    ax.set_ylim(-0.6, len(order) - 0.4)
    ax.set_xlabel("launch date (UTC)", fontsize=LABEL_SIZE)
    ax.set_ylabel("rocket", fontsize=LABEL_SIZE)
    ax.grid(axis="x", color="#DDDDDD", zorder=0)
    _style_axes(ax)
    ax.legend(
        title="module's agency",
        fontsize=SMALL_SIZE,
        title_fontsize=SMALL_SIZE,
        loc="upper center",
        bbox_to_anchor=(0.45, -0.16),
        ncol=7,
        frameon=False,
    )
    _title(figure, "Which rockets launched the station's modules (one dot per module)")
    counts = modules["family"].value_counts()
    parts = ", ".join(f"{n} on {family}" for family, n in counts.items())
    description = (
        f"The catalogue's {len(modules)} modules and elements were launched between "
        f"{modules['launch_date'].min():%Y-%m-%d} and {modules['launch_date'].max():%Y-%m-%d}: "
        f"{parts}."
    )
    return Chart(figure, description)


# ---------------------------------------------------------------- people aboard


def date_ticks(x0: pd.Timestamp, x1: pd.Timestamp) -> tuple[list[float], list[str]]:
    """The ticks and labels matplotlib's automatic date axis would give ``x0``..``x1``, worked
    out once so that a redrawn figure can keep them fixed instead of locating them each draw."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator()
    formatter = mdates.AutoDateFormatter(locator)
    locator.create_dummy_axis()
    formatter.create_dummy_axis()
    locator.axis.set_view_interval(mdates.date2num(x0), mdates.date2num(x1))
    ticks = list(locator())
    formatter.axis.set_view_interval(mdates.date2num(x0), mdates.date2num(x1))
    return ticks, formatter.format_ticks(ticks)


def fix_date_ticks(ax, x0, x1) -> None:
    """Limit ``ax`` to ``x0``..``x1`` with fixed date ticks (see :func:`date_ticks`)."""
    ticks, labels = date_ticks(pd.Timestamp(x0), pd.Timestamp(x1))
    ax.set_xticks(ticks, labels)
    ax.set_xlim(x0, x1)  # after the ticks: setting ticks widens the limits to hold them all


class CrewChart:
    """The people-aboard figure, built once; :meth:`show` only moves the dates shown, so the
    live explorer redraws quickly."""

    def __init__(self):
        self.stays = load_stays()
        self.steps = summaries.crew_steps(self.stays)
        happened = load_events()
        latest = happened.loc[happened["status"] == "happened", "date"].max()
        self.stop = max(self.steps["date"].max(), latest)
        self.figure = new_figure()
        ax = self.figure.add_axes((0.09, 0.14, 0.88, 0.7))
        self.axes = ax
        self.color = agency_colors().get("NASA", "#0072B2")
        xs, ys = self._steps_from(self.steps["date"].min(), self.stop)
        (self.line,) = ax.step(
            xs, ys, where="post", color=self.color, lw=2.5, label="long-duration crew"
        )
        self.fill = ax.fill_between(xs, ys, step="post", color=self.color, alpha=0.15)
        self.habitation_start = self.stays["arrival"].min()
        self.marker = ax.axvline(self.habitation_start, color="black", lw=1.2, ls="--")
        self.marker_text = ax.text(
            self.habitation_start,
            0.97,
            f" people aboard without a break since {self.habitation_start:%Y-%m-%d}",
            transform=ax.get_xaxis_transform(),
            va="top",
            fontsize=SMALL_SIZE,
            parse_math=False,
        )
        ax.set_ylim(0, max(ys) + 1.5)
        ax.set_ylabel("people aboard", fontsize=LABEL_SIZE)
        ax.set_xlabel("date (UTC)", fontsize=LABEL_SIZE)
        ax.yaxis.get_major_locator().set_params(integer=True)
        _style_axes(ax)
        _title(self.figure, "People living aboard: long-duration crew, day by day")

    def _steps_from(self, x0: pd.Timestamp, x1: pd.Timestamp) -> tuple[list, list]:
        xs = [x0, *self.steps["date"], max(self.stop, x1)]
        ys = [0, *self.steps["crew"], int(self.steps["crew"].iloc[-1])]
        return xs, ys

    def changing(self) -> list:
        """What a new date range redraws: everything in the plot but the people-count axis."""
        ax = self.axes
        return [a for a in ax.get_children() if a is not ax.patch and a is not ax.yaxis]

    def show(self, start=None, end=None) -> str:
        """Show ``start``..``end`` ('YYYY-MM-DD'; default: the whole history); returns the
        description sentence."""
        first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
        steps = self.steps
        x0 = first if first is not None else steps["date"].min().replace(month=1, day=1)
        x1 = last if last is not None else self.stop
        if x1 <= x0:
            raise ValueError(
                f"start={x0:%Y-%m-%d} is not before end={x1:%Y-%m-%d}; give start earlier than end"
            )
        xs, ys = self._steps_from(x0, x1)
        self.line.set_data(xs, ys)
        self.fill.remove()
        self.fill = self.axes.fill_between(xs, ys, step="post", color=self.color, alpha=0.15)
        fix_date_ticks(self.axes, x0, x1)
        # The marker and its label only when the start of habitation is in view: otherwise
        # the label would hang off the left of the plot.
        in_view = x0 <= self.habitation_start <= x1
        self.marker.set_visible(in_view)
        self.marker_text.set_visible(in_view)
        window = steps[(steps["date"] >= x0) & (steps["date"] <= x1)]
        before = steps[steps["date"] < x0]
        counts = [*window["crew"], *before["crew"].tail(1)]
        if counts:
            detail = (
                f"between {min(counts)} and {max(counts)} long-duration crew members were aboard"
            )
        else:
            detail = "no long-duration crew was aboard"
        return (
            f"From {x0:%Y-%m-%d} to {x1:%Y-%m-%d} {detail}; people have lived aboard without a "
            f"break since {self.habitation_start:%Y-%m-%d}."
        )


def people_aboard(start=None, end=None) -> Chart:
    """How many long-duration crew members were aboard, day by day, from ``start`` to ``end``
    ('YYYY-MM-DD'; default: the whole history), with the start of continuous habitation marked.

    Counted from each person's arrival and departure (``stays.csv``); short visitors such as
    Shuttle crews, tourists and private missions are not counted.

    >>> "long-duration crew" in people_aboard().description
    True
    """
    chart = CrewChart()
    description = chart.show(start, end)
    return Chart(chart.figure, description)


# ---------------------------------------------------------------- one expedition


def expedition_table(number: int) -> pd.DataFrame:
    """One row per crew member of expedition ``number``: name, agency, role, dates, days."""
    expeditions = load_expeditions()
    match = expeditions[expeditions["number"] == number]
    if match.empty:
        known = expeditions["number"]
        raise ValueError(
            f"there is no expedition {number!r} in the catalogue; "
            f"it has expeditions {known.min()} to {known.max()}, e.g. expedition_card(1)"
        )
    exp = match.iloc[0]
    agencies = load_agencies().set_index("code")["name"]
    end = "still aboard" if pd.isna(exp["end"]) else f"{exp['end']:%Y-%m-%d}"
    days = "" if pd.isna(exp["days"]) else int(exp["days"])
    rows = [
        {
            "crew member": name,
            "role": "commander" if i == 0 else "flight engineer",
            "agency": agency,
            "agency name": agencies.get(agency, agency),
            "start": f"{exp['start']:%Y-%m-%d}",
            "end": end,
            "days": days,
        }
        for i, (name, agency) in enumerate(zip(exp["crew"], exp["crew_agencies"], strict=True))
    ]
    return pd.DataFrame(rows)


def expedition_card(number: int):
    """Expedition ``number`` as a table: crew with agencies, dates and days aboard.

    Returns a pandas Styler (the agency column in the agency's colour); every name is
    escaped, so text shows as text.

    >>> expedition_card(1).data["crew member"].iloc[0]
    'William Shepherd'
    """
    table = expedition_table(number)
    colors = agency_colors()

    def agency_style(code: str) -> str:
        background = colors.get(code, GHOST_COLOR)
        return f"background-color: {background}; color: {text_color_on(background)}"

    start, end = table["start"].iloc[0], table["end"].iloc[0]
    days = table["days"].iloc[0]
    length = f", {days} days" if days != "" else ""
    until = "still aboard" if end == "still aboard" else f"to {end}"
    caption = f"Expedition {int(number)}: from {start} {until}{length}, {len(table)} crew"
    return (
        table.style.format(escape="html")
        .map(agency_style, subset=["agency"])
        .hide(axis="index")
        .set_caption(html.escape(caption))
        .set_uuid(f"isslearn-expedition-{int(number)}")
    )


# ---------------------------------------------------------------- contributions


def contributions(by: str = "agency") -> Chart:
    """Modules and launch mass per agency (``by='agency'``) or per builder country
    (``by='builder_country'``, bars split by the responsible agency's colour).

    >>> contributions().description.startswith("By agency")
    True
    """
    modules = load_modules()
    table = summaries.contributions(modules, by)
    colors = agency_colors()
    figure = new_figure()
    left, right = figure.subplots(1, 2, sharey=True)
    figure.subplots_adjust(left=0.2, right=0.97, top=0.84, bottom=0.15, wspace=0.08)
    names = list(table[by])
    positions = {name: len(names) - 1 - i for i, name in enumerate(names)}
    if by == "agency":
        for ax, column in ((left, "modules"), (right, "mass_t")):
            ax.barh(
                [positions[n] for n in names],
                table[column],
                color=[colors.get(n, GHOST_COLOR) for n in names],
            )
    else:
        per = modules.assign(mass_t=modules["mass_kg"].fillna(0) / 1000)
        per = per.groupby([by, "agency"], sort=False).agg(
            modules=("id", "count"), mass_t=("mass_t", "sum")
        )
        for ax, column in ((left, "modules"), (right, "mass_t")):
            offset = {n: 0.0 for n in names}
            for (country, agency), row in per.iterrows():
                ax.barh(
                    positions[country],
                    row[column],
                    left=offset[country],
                    color=colors.get(agency, GHOST_COLOR),
                    edgecolor="white",
                )
                offset[country] += row[column]
        from matplotlib.patches import Patch

        present = [a for a in colors if a in set(modules["agency"])]
        right.legend(
            handles=[Patch(color=colors[a], label=a) for a in present],
            fontsize=SMALL_SIZE,
            title="agency",
            title_fontsize=SMALL_SIZE,
            loc="lower right",
            frameon=False,
        )
    left.set_yticks(range(len(names)))
    left.set_yticklabels(list(reversed(names)), fontsize=TICK_SIZE)
    left.set_xlabel("modules and elements (count)", fontsize=LABEL_SIZE)
    right.set_xlabel("launch mass (t)", fontsize=LABEL_SIZE)
    for ax in (left, right):
        _style_axes(ax)
    what = "agency" if by == "agency" else "country that built them"
    _title(figure, f"Who contributed the station's modules, by {what}")
    heading = "By agency" if by == "agency" else "By builder country"
    parts = "; ".join(
        f"{row[by]} {_count(row['modules'], 'module')}, {row['mass_t']:,.1f} t"
        for _, row in table.iterrows()
    )
    unknown = int(table["mass_unknown"].sum())
    caveat = f" ({unknown} modules have no mass in the catalogue)" if unknown else ""
    return Chart(figure, f"{heading}: {parts}{caveat}.")


# ---------------------------------------------------------------- cargo ships


class CargoChart:
    """The cargo-fleet figure with every ship drawn once; :meth:`show` only hides, moves and
    relabels rows, so the live explorer redraws quickly."""

    def __init__(self, ships=None):
        """``ships``: the only ships that may be shown (default: all of them)."""
        import matplotlib.dates as mdates

        _check_ships(ships)
        events = load_events()
        self.spans = summaries.cargo_spans(events)
        self.cargo = summaries.cargo_events(events)
        if ships is not None:
            self.spans = self.spans[self.spans["ship"].isin(list(ships))].reset_index(drop=True)
            self.cargo = self.cargo[self.cargo["ship"].isin(list(ships))].reset_index(drop=True)
        self._dates = mdates.date2num(self.cargo["date"])
        colors = agency_colors()
        self.figure = new_figure()
        ax = self.figure.add_axes((0.13, 0.14, 0.84, 0.7))
        self.axes = ax
        self.bars, self.notes = {}, {}
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
            self.notes[span["ship"]] = ax.text(
                span["last"],
                y,
                f"  {span['agency']}",
                va="center",
                fontsize=SMALL_SIZE,
                parse_math=False,
            )
        self.ticks = None
        self.legend = None
        if len(self.cargo):
            self.ticks = ax.scatter(
                self.cargo["date"],
                [rows[s] for s in self.cargo["ship"]],
                marker="|",
                s=300,
                color="black",
                zorder=3,
                label="an event in the catalogue",
            )
            self.legend = ax.legend(
                fontsize=SMALL_SIZE, loc="lower left", bbox_to_anchor=(0, 0.98), frameon=False
            )
        ax.set_xlabel("date (UTC)", fontsize=LABEL_SIZE)
        ax.set_ylabel("cargo ship", fontsize=LABEL_SIZE)
        ax.grid(axis="x", color="#DDDDDD", zorder=0)
        _style_axes(ax)
        _title(self.figure, "Cargo ships from four nations: first to last event in the catalogue")

    def changing(self) -> list:
        """What a new choice of ships redraws: the whole plot (rows, dates and names change)."""
        return [a for a in self.axes.get_children() if a is not self.axes.patch]

    def show(self, ships=None) -> str:
        """Show only ``ships`` (default: all of them); returns the description sentence."""
        _check_ships(ships)
        spans = self.spans
        if ships is not None:
            spans = spans[spans["ship"].isin(list(ships))].reset_index(drop=True)
        rows = {ship: len(spans) - 1 - i for i, ship in enumerate(spans["ship"])}
        for ship, bar in self.bars.items():
            bar.set_visible(ship in rows)
            self.notes[ship].set_visible(ship in rows)
            if ship in rows:
                bar.set_y(rows[ship] - bar.get_height() / 2)
                self.notes[ship].set_y(rows[ship])
        ax = self.axes
        if self.ticks is not None:
            chosen = self.cargo["ship"].isin(list(rows)).to_numpy()
            ys = [rows[s] for s in self.cargo["ship"][chosen]]
            self.ticks.set_offsets(np.column_stack([self._dates[chosen], ys]).reshape(-1, 2))
            self.legend.set_visible(bool(chosen.any()))
        ax.set_yticks(list(rows.values()), list(rows))
        for label in ax.get_yticklabels():
            label.set_fontsize(TICK_SIZE)
        ax.set_ylim(-0.7, max(len(rows) - 0.3, 0.3))
        if rows:  # the dates shown fit the ships chosen, as matplotlib would fit them
            ax.set_autoscalex_on(True)
            ax.relim(visible_only=True)
            ax.autoscale_view(scaley=False)
            x0, x1 = (mdates_num2date(v) for v in ax.get_xlim())
            fix_date_ticks(ax, x0, x1)
        parts = "; ".join(
            f"{s['ship']} ({s['agency']}) {s['first']:%Y-%m-%d} to {s['last']:%Y-%m-%d}"
            for _, s in spans.iterrows()
        )
        return f"Cargo ships in the catalogue: {parts or 'none'}."


def _check_ships(ships) -> None:
    unknown = [s for s in ships or () if s not in summaries.CARGO_SHIPS]
    if unknown:
        raise ValueError(
            f"unknown cargo ship {unknown[0]!r}; choose from " + ", ".join(summaries.CARGO_SHIPS)
        )


def mdates_num2date(value: float) -> pd.Timestamp:
    """A matplotlib date number as a naive Timestamp."""
    import matplotlib.dates as mdates

    return pd.Timestamp(mdates.num2date(value)).tz_localize(None)


def cargo_fleet(ships=None) -> Chart:
    """The cargo ships that supplied the station: a bar from each ship's first to its last
    event in the catalogue, a tick per event, coloured by the agency that flies it.

    ``ships`` limits the figure, e.g. ``cargo_fleet(["ATV", "HTV"])``.

    >>> cargo_fleet().description.startswith("Cargo ships")
    True
    """
    chart = CargoChart(ships)
    description = chart.show(ships)
    return Chart(chart.figure, description)


# ---------------------------------------------------------------- events on a timeline

TEACHER_MARK = "*"  # marks a teacher's own events on the timeline


class TimelineChart:
    """The events time line, built once for a table of events; :meth:`show` picks the dates,
    categories and agencies shown by moving dots, so the live explorer redraws quickly."""

    def __init__(self, events: pd.DataFrame | None = None, label: str = "teacher"):
        import matplotlib.dates as mdates

        if label not in ("teacher", "all", "none"):
            raise ValueError(f"label={label!r} is not allowed; use 'teacher', 'all' or 'none'")
        self.events = load_events() if events is None else events
        self.label = label
        colors = agency_colors()
        self._colors = [
            colors.get(a[0], GHOST_COLOR) if len(a) else "#555555" for a in self.events["agencies"]
        ]
        self._dates = mdates.date2num(self.events["date"])
        self._categories = self.events["category"].astype(str).to_numpy()
        self.shown = self.events.iloc[:0]
        self.figure = new_figure()
        ax = self.figure.add_axes((0.14, 0.14, 0.83, 0.7))
        self.axes = ax
        # Drawn with every event first (so the axis knows it shows dates); show() picks.
        self.builtin = ax.scatter(
            self.events["date"], np.zeros(len(self.events)), s=45, edgecolor="white",
            linewidth=0.5, zorder=3,
        )  # fmt: skip
        self.own = self.legend = None
        if "origin" in self.events.columns and (self.events["origin"] != "built-in").any():
            self.own = ax.scatter(
                self.events["date"], np.zeros(len(self.events)), s=160, edgecolor="black",
                linewidth=2, zorder=4, label="your own events",
            )  # fmt: skip
            # Above the axes, so the legend never covers an event.
            self.legend = ax.legend(
                fontsize=SMALL_SIZE,
                loc="lower right",
                bbox_to_anchor=(1.0, 1.0),
                frameon=False,
                borderaxespad=0.2,
            )
        self.notes: list = []
        ax.set_xlabel("date (UTC)", fontsize=LABEL_SIZE)
        ax.set_ylabel("category", fontsize=LABEL_SIZE)
        ax.grid(axis="x", color="#DDDDDD", zorder=0)
        _style_axes(ax)
        _title(self.figure, "Events on a time line (colour: first agency involved; grey: none)")

    def changing(self) -> list:
        """What a new choice redraws: the whole plot (dots, rows and dates change)."""
        return [a for a in self.axes.get_children() if a is not self.axes.patch]

    def show(self, start=None, end=None, categories=None, agencies=None) -> str:
        """Show the events from ``start`` to ``end`` in ``categories`` involving ``agencies``
        (``None``: no limit); returns the description sentence."""
        first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
        keep = summaries.select_event_rows(self.events, first, last, categories, agencies)
        shown = self.events.loc[keep].reset_index(drop=True)
        self.shown = shown
        ax = self.axes
        shown_categories = self._categories[keep]
        present = set(shown_categories)
        cats = [c for c in load_events_categories() if c in present]
        own = (
            shown["origin"] != "built-in"
            if "origin" in shown.columns
            else pd.Series(False, index=shown.index)
        )
        rows = {c: len(cats) - 1 - i for i, c in enumerate(cats)}
        ys = np.array([rows[c] for c in shown_categories], dtype=float)
        dates = self._dates[keep]
        colors = [c for c, k in zip(self._colors, keep, strict=True) if k]
        builtin = ~own.to_numpy()
        for dots, which in ((self.builtin, builtin), (self.own, ~builtin)):
            if dots is not None:
                dots.set_offsets(np.column_stack([dates[which], ys[which]]).reshape(-1, 2))
                dots.set_facecolor([c for c, w in zip(colors, which, strict=True) if w] or "none")
        if self.own is not None:
            self.own.set_visible(bool(own.any()))
            self.legend.set_visible(bool(own.any()))
            if own.any():  # the legend's dot takes the colour of the first own event shown
                self.legend.legend_handles[0].set_facecolor(self.own.get_facecolor()[:1])
        for note in self.notes:
            note.remove()
        self.notes = self._titles(shown, ys, ~builtin)
        ax.set_yticks(list(rows.values()), list(rows))
        for label in ax.get_yticklabels():
            label.set_fontsize(TICK_SIZE)
        ax.set_ylim(-0.7, max(len(rows) - 0.3, 0.3))
        lo = first if first is not None else shown["date"].min()
        hi = last if last is not None else shown["date"].max()
        if (first is not None or last is not None) and pd.notna(lo) and pd.notna(hi) and lo < hi:
            fix_date_ticks(ax, lo, hi)
        else:  # fit the dots shown, as matplotlib would
            ax.set_autoscalex_on(True)
            ax.ignore_existing_data_limits = True
            for dots in (self.builtin, self.own):
                if dots is not None and dots.get_visible() and len(dots.get_offsets()):
                    ax.update_datalim(dots.get_offsets())
            ax.autoscale_view(scaley=False)
            fix_date_ticks(ax, *(mdates_num2date(v) for v in ax.get_xlim()))
        return timeline_sentence(shown, own, first, last)

    def _titles(self, shown: pd.DataFrame, ys, is_own) -> list:
        """Title the teacher's events (or all, or none): one boxed note per titled dot."""
        if self.label == "none" or shown.empty:
            return []
        span_start, span_end = shown["date"].min(), shown["date"].max()
        span = max((span_end - span_start).days, 1)
        titled = np.flatnonzero(is_own) if self.label == "teacher" else np.arange(len(shown))
        notes = []
        for i in titled:
            date, title = shown["date"].iloc[i], shown["title"].iloc[i]
            # Labels in the right part of the plot point leftwards, so they stay inside it;
            # a white box keeps them readable over the dots.
            on_right = (date - span_start).days / span > 0.6
            note = self.axes.annotate(
                title[:40] + ("…" if len(title) > 40 else ""),
                (date, ys[i]),
                xytext=(-10, 7) if on_right else (10, 7),
                textcoords="offset points",
                ha="right" if on_right else "left",
                va="bottom",
                fontsize=SMALL_SIZE,
                bbox={
                    "boxstyle": "round,pad=0.2",
                    "facecolor": "white",
                    "alpha": 0.85,
                    "edgecolor": "#999999",
                },
                zorder=5,
                parse_math=False,
            )
            notes.append(note)
        return notes


def timeline(
    events: pd.DataFrame | None = None,
    start=None,
    end=None,
    categories=None,
    agencies=None,
    label: str = "teacher",
) -> Chart:
    """Events as dots on a time line, one row per category, coloured by their first agency.

    ``events`` defaults to :func:`~isslearn.catalogue.load_events` (the built-in catalogue plus
    a teacher's file from $ISSLEARN_EVENTS). A teacher's own events are drawn larger, ringed,
    and titled; ``label='all'`` titles every event, ``label='none'`` none.

    >>> timeline(start="2000-01-01", end="2000-12-31").description.startswith("Between")
    True
    """
    chart = TimelineChart(events, label)
    description = chart.show(start, end, categories, agencies)
    return Chart(chart.figure, description)


def load_events_categories() -> tuple[str, ...]:
    """The event categories in their documented order."""
    from .values import CATEGORIES

    return CATEGORIES


def timeline_sentence(shown: pd.DataFrame, own: pd.Series, first, last) -> str:
    """Say how many events of each category the timeline shows, and how many are the teacher's."""
    lo = f"{first:%Y-%m-%d}" if first is not None else "the start"
    hi = f"{last:%Y-%m-%d}" if last is not None else "the end of the catalogue"
    if shown.empty:
        return f"Between {lo} and {hi} no events match the chosen categories and agencies."
    counts = shown["category"].astype(str).value_counts()
    parts = ", ".join(f"{n} {c}" for c, n in counts.items())
    mine = int(own.sum())
    extra = f", {mine} of them from your own file" if mine else ""
    return f"Between {lo} and {hi} the time line shows {len(shown)} events ({parts}){extra}."
