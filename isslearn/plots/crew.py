"""Figures of the people: how many lived aboard, and one expedition's crew as a card.

Both take the tables they draw (default: the built-in catalogue). Each crew member's dates
are that person's OWN stay from ``stays.csv``, not the expedition's: crews overlap, and people
join and leave in the middle of an expedition.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..catalogue import summaries
from ..catalogue.events import current_to
from ..catalogue.given import given_table
from ..catalogue.tables import load_agencies
from ..errors import SettingsError
from ..language import N_, SOURCE_LANGUAGE, current, day
from ..language import gettext as _
from ..reading.values import DateLike, as_optional_day
from .chart import LABEL_SIZE, SMALL_SIZE, Chart, new_figure
from .style import (
    INK,
    agency_color,
    date_axis_label,
    empty_note,
    fix_date_ticks,
    style_axes,
    text_color_on,
    title,
)

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from pandas.api.typing import NaTType
    from pandas.io.formats.style import Styler

__all__ = [
    "CrewChart",
    "expedition_card",
    "expedition_table",
    "people_aboard",
    "usual_levels",
    "usual_levels_sentence",
]

_NO_STAYS = N_("No stays to show")


def _continuous_since(steps: pd.DataFrame) -> pd.Timestamp | None:
    """The day from which someone has been aboard without a break, to the end of ``steps``
    (from :func:`isslearn.catalogue.summaries.crew_steps`); None if the last step has nobody
    aboard."""
    if steps.empty or int(steps["crew"].iloc[-1]) == 0:
        return None
    empty = steps.index[steps["crew"] == 0]
    first = 0 if len(empty) == 0 else int(empty[-1]) + 1
    return pd.Timestamp(steps["date"].iloc[first])


def _date_numbers(dates: list) -> np.ndarray:
    import matplotlib.dates as mdates

    return mdates.date2num(pd.to_datetime(pd.Series(dates)).to_numpy())


class CrewChart:
    """The people-aboard figure, built once; :meth:`show` only moves the dates shown, so the
    live explorer redraws quickly.

    ``stays`` defaults to :func:`isslearn.load_stays`; the line runs on to ``until`` (default:
    :func:`isslearn.current_to`, which a class's own events never move).
    """

    def __init__(self, stays: pd.DataFrame | None = None, until: DateLike | None = None):
        from matplotlib.ticker import MaxNLocator

        self.stays = given_table(stays, "stays")
        self.steps = (
            summaries.crew_steps(self.stays)
            if len(self.stays)
            else pd.DataFrame({"date": pd.to_datetime([]), "crew": pd.Series([], dtype=int)})
        )
        last = as_optional_day(until, "until")
        end = current_to() if last is None else last
        self.stop = max(self.steps["date"].max(), end) if len(self.steps) else end
        self.first = (
            self.steps["date"].min().replace(month=1, day=1)
            if len(self.steps)
            else self.stop - pd.DateOffset(years=1)
        )
        self.figure = new_figure()
        ax = self.figure.add_axes((0.09, 0.14, 0.88, 0.7))
        self.axes = ax
        xs, ys = self._steps_from(self.first, self.stop)
        (self.line,) = ax.step(
            xs, ys, where="post", color=INK, lw=2.5, label=_("long-duration crew")
        )
        # The area under the steps, as one patch whose data show() replaces (cheaper than a
        # new fill_between on every move of a slider).
        self.fill = ax.stairs(
            ys[:-1], _date_numbers(xs), fill=True, color=INK, alpha=0.12, linewidth=0
        )
        self.habitation_start = _continuous_since(self.steps)
        marker_at = self.habitation_start if self.habitation_start is not None else self.first
        # matplotlib's stubs say float, but a date axis takes Timestamps (its units converter).
        self.marker = ax.axvline(marker_at, color=INK, lw=1.2, ls="--")  # type: ignore[arg-type]
        self.marker_text = ax.text(
            marker_at,  # type: ignore[arg-type]
            0.97,
            " " + _("people aboard without a break since {day}").format(day=day(marker_at)),
            transform=ax.get_xaxis_transform(),
            va="top",
            fontsize=SMALL_SIZE,
            parse_math=False,
        )
        self.empty = empty_note(ax, _NO_STAYS)
        ax.set_ylim(0, max(ys) + 1.5)
        ax.set_ylabel(_("people aboard"), fontsize=LABEL_SIZE)
        date_axis_label(ax)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        style_axes(ax)
        title(self.figure, _("People living aboard: long-duration crew, day by day"))

    def _steps_from(self, x0: pd.Timestamp, x1: pd.Timestamp) -> tuple[list, list]:
        if self.steps.empty:
            return [x0, x1], [0, 0]
        xs = [min(x0, self.steps["date"].iloc[0]), *self.steps["date"], self.stop]
        ys = [0, *self.steps["crew"], int(self.steps["crew"].iloc[-1])]
        return xs, ys

    def changing(self) -> list[Artist]:
        """What a new date range redraws: everything in the plot but the people-count axis."""
        ax = self.axes
        return [a for a in ax.get_children() if a is not ax.patch and a is not ax.yaxis]

    def show(self, start: DateLike | None = None, end: DateLike | None = None) -> str:
        """Show ``start``..``end`` ('YYYY-MM-DD'; default: the whole history); returns the
        description sentence."""
        first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
        steps = self.steps
        x0 = first if first is not None else self.first
        x1 = last if last is not None else self.stop
        if x1 <= x0:
            raise SettingsError(
                _("start={start} is not before end={end}; give start earlier than end").format(
                    start=f"{x0:%Y-%m-%d}", end=f"{x1:%Y-%m-%d}"
                )
            )
        xs, ys = self._steps_from(x0, x1)
        self.line.set_data(xs, ys)
        self.fill.set_data(ys[:-1], _date_numbers(xs))
        fix_date_ticks(self.axes, x0, x1)
        # The marker and its label only when the start of habitation is in view: otherwise
        # the label would hang off the left of the plot.
        since = self.habitation_start
        in_view = since is not None and x0 <= since <= x1
        self.marker.set_visible(in_view)
        self.marker_text.set_visible(in_view)
        beyond = not steps.empty and x0 > self.stop
        runs_to = _("The data runs only to {day}").format(day=day(self.stop))
        self.empty.set_text(runs_to if beyond else _(_NO_STAYS))
        self.empty.set_visible(steps.empty or beyond)
        if steps.empty:
            return _("From {start} to {end}: the table of stays given is empty.").format(
                start=day(x0), end=day(x1)
            )
        if beyond:
            return _("No crew numbers from {start}: the data runs only to {stop}.").format(
                start=day(x0), stop=day(self.stop)
            )
        x1 = min(x1, self.stop)  # say nothing about days the data does not reach
        window = steps[(steps["date"] >= x0) & (steps["date"] <= x1)]
        before = steps[steps["date"] < x0]
        counts = [*window["crew"], *before["crew"].tail(1)]
        if before.empty:  # nobody was aboard before the first arrival
            counts.append(0)
        if counts:
            detail = _("between {low} and {high} long-duration crew members were aboard").format(
                low=min(counts), high=max(counts)
            )
        else:
            detail = _("no long-duration crew was aboard")
        tail = (
            _("; people have lived aboard without a break since {day}").format(day=day(since))
            if since is not None
            else ""
        )
        sentence = _("From {start} to {end} {detail}{tail}.").format(
            start=day(x0), end=day(x1), detail=detail, tail=tail
        )
        return sentence + usual_levels_sentence(steps, x0, x1)


def _runs(steps: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp) -> pd.DataFrame:
    """The crew count as runs (start, end, crew) cut to ``x0``..``x1``."""
    ends = [*steps["date"].iloc[1:], x1]
    runs = pd.DataFrame({"start": steps["date"], "end": ends, "crew": steps["crew"]})
    runs["start"] = runs["start"].clip(lower=x0)
    runs["end"] = runs["end"].clip(upper=x1)
    return runs[runs["end"] > runs["start"]].reset_index(drop=True)


def usual_levels(
    steps: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp
) -> list[tuple[int, int, int]]:
    """(first year, last year, crew) where the crew count held on most days of each year is the
    same: the level a reader of the chart sees, without the handover spikes."""
    runs = _runs(steps, x0, x1)
    per_year: dict[int, dict[int, int]] = {}
    for start, end, crew in zip(runs["start"], runs["end"], runs["crew"], strict=True):
        day, stop, count = pd.Timestamp(start), pd.Timestamp(end), int(crew)
        while day < stop:
            year_end = min(pd.Timestamp(year=day.year + 1, month=1, day=1), stop)
            held = per_year.setdefault(day.year, {})
            held[count] = held.get(count, 0) + (year_end - day).days
            day = year_end
    levels: list[tuple[int, int, int]] = []
    for year in sorted(per_year):
        held = per_year[year]
        crew = max(sorted(held), key=lambda n: held[n])
        if levels and levels[-1][2] == crew and levels[-1][1] == year - 1:
            levels[-1] = (levels[-1][0], year, crew)
        else:
            levels.append((year, year, crew))
    return levels


def usual_levels_sentence(steps: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp) -> str:
    """The usual crew in each stretch of years, and how often (and how long) it dropped below
    that level for at least three days, in words."""
    if steps.empty:
        return ""
    levels = usual_levels(steps, x0, x1)
    years = [f"{a}" if a == b else f"{a}–{b}" for a, b, _crew in levels]
    parts = [
        _("{crew} in {years}").format(crew=level[2], years=span)
        for level, span in zip(levels, years, strict=True)
    ]
    sentence = " " + _("The usual number aboard (held on most days of the year) was")
    sentence += " " + ", ".join(parts)
    drops = []
    runs = _runs(steps, x0, x1)
    for first, last, crew in levels:
        inside = runs[(runs["start"].dt.year >= first) & (runs["start"].dt.year <= last)]
        lower = inside[(inside["crew"] < crew) & ((inside["end"] - inside["start"]).dt.days >= 3)]
        if len(lower) >= 2:
            days = int((lower["end"] - lower["start"]).dt.days.median())
            low = int(lower["crew"].mode().iloc[0])
            drops.append(
                _(
                    "in {first}–{last} it dropped to {low} between crews {times} times, "
                    "for about {days} days each time (the median)"
                ).format(first=first, last=last, low=low, times=len(lower), days=days)
            )
    if drops:
        sentence += _("; ") + _("; ").join(drops)
    return sentence + "."


def people_aboard(
    start: DateLike | None = None,
    end: DateLike | None = None,
    stays: pd.DataFrame | None = None,
    until: DateLike | None = None,
) -> Chart:
    """How many long-duration crew members were aboard, day by day, from ``start`` to ``end``
    ('YYYY-MM-DD'; default: the whole history), with the start of continuous habitation marked.

    Counted from each person's arrival and departure (``stays``, default ``stays.csv``); short
    visitors such as Shuttle crews, tourists and private missions are not counted.

    >>> "long-duration crew" in people_aboard().description
    True
    """
    chart = CrewChart(stays, until)
    description = chart.show(start, end)
    return Chart(chart.figure, description)


# ---------------------------------------------------------------- one expedition


def _own_stay(
    person: str, stays: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp | None
) -> pd.Series | None:
    """The stay of ``person`` that overlaps the expedition ``start``..``end`` the most."""
    rows = np.flatnonzero(stays["person"].to_numpy() == person)
    if not len(rows):
        return None
    latest = end if end is not None and not pd.isna(end) else current_to()
    best, most = None, None
    arrivals, departures = list(stays["arrival"]), list(stays["departure"])
    for row in rows:
        arrival, departure = arrivals[row], departures[row]
        if arrival > latest or (not pd.isna(departure) and departure < start):
            continue
        overlap = min(latest, latest if pd.isna(departure) else departure) - max(start, arrival)
        if most is None or overlap > most:
            best, most = row, overlap
    return None if best is None else stays.iloc[best]


def expedition_table(
    number: int,
    expeditions: pd.DataFrame | None = None,
    stays: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per crew member of expedition ``number``: name, role, agency, that person's own
    arrival and departure (``stays``), days of that stay, and whether they joined or left
    during the expedition."""
    expeditions = given_table(expeditions, "expeditions")
    stays = given_table(stays, "stays")
    match = expeditions[expeditions["number"] == number]
    if match.empty:
        known = expeditions["number"]
        if len(known):
            message = _(
                "there is no expedition {number} in the table given; it has expeditions {first} "
                "to {last}, e.g. expedition_card(1)"
            )
        else:
            message = _(
                "there is no expedition {number} in the table given; it is empty, e.g. "
                "expedition_card(1)"
            )
        raise SettingsError(
            message.format(
                number=repr(number), first=known.min() if len(known) else "", last=known.max()
            )
        )
    exp = match.iloc[0]
    start, end = exp["start"], exp["end"]
    names = load_agencies().set_index("code")["name"]
    following = expeditions[expeditions["number"] == number + 1]
    next_commander = following.iloc[0]["commander"] if len(following) else None
    rows = []
    for name, agency in zip(exp["crew"], exp["crew_agencies"], strict=True):
        stay = _own_stay(name, stays, start, end)
        arrived = stay["arrival"] if stay is not None else pd.NaT
        left = stay["departure"] if stay is not None else pd.NaT
        during = []
        if not pd.isna(arrived) and arrived > start:
            during.append(f"joined {arrived:%Y-%m-%d}")
        if not pd.isna(left) and (pd.isna(end) or left < end):
            during.append(f"left {left:%Y-%m-%d}")
        days = stay["days"] if stay is not None and "days" in stay.index else pd.NA
        rows.append(
            {
                "crew member": name,
                "role": _role(name, exp, next_commander, arrived, left),
                "agency": agency,
                "agency name": names.get(agency, agency),
                "arrived": "unknown" if pd.isna(arrived) else f"{arrived:%Y-%m-%d}",
                "left": "still aboard" if pd.isna(left) else f"{left:%Y-%m-%d}",
                "days of stay": "" if pd.isna(days) else int(days),
                "during this expedition": "; ".join(during) or "aboard throughout",
            }
        )
    return pd.DataFrame(rows)


def _role(
    name: str,
    exp: pd.Series,
    next_commander: object,
    arrived: pd.Timestamp | NaTType,
    left: pd.Timestamp | NaTType,
) -> str:
    """Commander, the next expedition's commander come for the handover, or flight engineer."""
    if name == exp.get("commander"):
        return "commander"
    came_late = not pd.isna(arrived) and arrived > exp["start"]
    stayed_on = pd.isna(left) or (not pd.isna(exp["end"]) and left > exp["end"])
    if name == next_commander and came_late and stayed_on:
        return f"commander of Expedition {int(exp['number']) + 1}"
    return "flight engineer"


def _expedition_sentence(
    number: int,
    table: pd.DataFrame,
    expeditions: pd.DataFrame,
    stays: pd.DataFrame | None = None,
) -> str:
    """Expedition ``number``'s dates, crew size, who joined or left during it, and which crew
    came aboard for the handover before it ended (the next expedition's crew, not its own)."""
    exp = expeditions[expeditions["number"] == number].iloc[0]
    start, end = exp["start"], exp["end"]
    if pd.isna(end):
        span = _("from {start}, still under way").format(start=day(start))
    else:
        span = _("from {start} to {end}, {days} days").format(
            start=day(start), end=day(end), days=(end - start).days
        )
    rows = list(table.itertuples(index=False))
    stays_on = [r for r in rows if "joined" in r[-1] and "left" not in r[-1] and not pd.isna(end)]
    joined = [f"{r[0]} ({day(r.arrived)})" for r in rows if "joined" in r[-1] and r not in stays_on]
    handover = [f"{r[0]} ({day(r.arrived)})" for r in stays_on]
    left = [f"{r[0]} ({day(r.left)})" for r in rows if "left" in r[-1]]
    at_start = sum("joined" not in r[-1] for r in rows)
    sentence = _(
        "Expedition {number}: {span}; a crew of {crew}, {at_start} of them aboard from its "
        "first day."
    ).format(number=int(number), span=span, crew=len(table), at_start=at_start)
    if joined:
        sentence += " " + _("Joined during it:") + " " + ", ".join(joined) + "."
    if handover:
        sentence += (
            " "
            + _("Arrived during it and stayed on into Expedition {number}:").format(
                number=int(number) + 1
            )
            + " "
            + ", ".join(handover)
            + "."
        )
    if left:
        sentence += " " + _("Left during it:") + " " + ", ".join(left) + "."
    if not joined and not handover and not left:
        sentence += " " + _("The whole crew was aboard from its first day to its last.")
    newcomers = _handover_arrivals(exp, given_table(stays, "stays"))
    if newcomers:
        sentence += (
            " "
            + _("Came aboard for the handover before it ended, as the next crew:")
            + " "
            + ", ".join(newcomers)
            + "."
        )
    return sentence


def _handover_arrivals(expedition: pd.Series, stays: pd.DataFrame) -> list[str]:
    """'Name (date)' for everyone who arrived during the expedition without being its crew."""
    start, end = expedition["start"], expedition["end"]
    if pd.isna(end):
        return []
    arrived = stays[(stays["arrival"] > start) & (stays["arrival"] < end)]
    return [
        f"{person} ({day(arrival)})"
        for person, arrival in zip(arrived["person"], arrived["arrival"], strict=True)
        if person not in expedition["crew"]
    ]


def expedition_card(
    number: int,
    expeditions: pd.DataFrame | None = None,
    stays: pd.DataFrame | None = None,
) -> Styler:
    """Expedition ``number`` as a table: each crew member's agency, own arrival and departure,
    and whether they joined or left during the expedition; the caption says who did.

    Returns a pandas Styler (the agency column in the agency's colour); every name is
    escaped, so text shows as text.

    >>> expedition_card(1).data["crew member"].iloc[0]
    'William Shepherd'
    """
    expeditions = given_table(expeditions, "expeditions")
    table = expedition_table(number, expeditions, stays)

    def agency_style(code: str) -> str:
        background = agency_color(code)
        return f"background-color: {background}; color: {text_color_on(background)}"

    caption = _expedition_sentence(number, table, expeditions, stays)
    table = _in_words(table)
    return (
        table.style.format(escape="html")
        .map(agency_style, subset=[_("agency")])
        .hide(axis="index")
        .set_caption(html.escape(caption))
        .set_uuid(f"isslearn-expedition-{int(number)}")
    )


_CARD_COLUMNS = (
    N_("crew member"), N_("role"), N_("agency"), N_("agency name"), N_("arrived"), N_("left"),
    N_("days of stay"), N_("during this expedition"),
)  # fmt: skip
_CARD_WORDS: tuple[str, ...] = (
    N_("commander"), N_("flight engineer"), N_("unknown"), N_("still aboard"),
)  # fmt: skip
_CARD_WORDS += (N_("aboard throughout"),)


def _in_words(table: pd.DataFrame) -> pd.DataFrame:
    """The expedition table as a learner reads it in the lesson's language: its headings, roles
    and dates (:func:`expedition_table` keeps English words, which code can test)."""
    if current() == SOURCE_LANGUAGE:
        return table
    shown = table.copy()

    def when(text: str) -> str:
        return day(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _(text)

    def during(text: str) -> str:
        parts = []
        for part in text.split("; "):
            word, _space, rest = part.partition(" ")
            if word in ("joined", "left") and rest:
                said = _("joined {day}") if word == "joined" else _("left {day}")
                part = said.format(day=day(rest))
            else:
                part = _(part)
            parts.append(part)
        return _("; ").join(parts)

    def role(text: str) -> str:
        found = re.fullmatch(r"commander of Expedition (\d+)", text)
        if found:
            return _("commander of Expedition {number}").format(number=found[1])
        return _(text)

    shown["role"] = shown["role"].map(role)
    shown["arrived"] = shown["arrived"].map(when)
    shown["left"] = shown["left"].map(when)
    shown["during this expedition"] = shown["during this expedition"].map(during)
    return shown.rename(columns={column: _(column) for column in shown.columns})
