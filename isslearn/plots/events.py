"""The events time line: one dot per event, one row per category, coloured by the first agency
involved; a teacher's own events drawn larger and titled. Settings that match no event draw
an empty plot that says so, never an error.

Only the five partner agencies have colours of their own; companies and other agencies share
one, so the chart never needs more than seven colours, each named in its legend.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..catalogue import summaries
from ..catalogue.events import current_to
from ..catalogue.given import given_table
from ..errors import SettingsError
from ..language import day, ngettext
from ..language import gettext as _
from ..reading.values import CATEGORIES, DateLike, as_optional_day
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, Chart, new_figure
from .style import (
    NO_MATCH,
    OTHER_AGENCY,
    OTHER_AGENCY_COLOR,
    date_axis_label,
    empty_note,
    fix_date_ticks,
    num2date,
    partner_colors,
    style_axes,
    title,
)

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.artist import Artist

__all__ = ["EMPTY_TIMELINE_START", "MAX_TITLED", "TimelineChart", "timeline"]

MAX_TITLED = 25
"""The most events a time line titles with a boxed note; beyond that the titles would cover each
other (and thousands take a minute to draw), so none is titled and the description says so."""

_NO_AGENCY_COLOR = "#555555"  # an event that names no agency
_BUSY_ROW = "assembly"  # the row whose busy and quiet years the description states (lesson 00)
EMPTY_TIMELINE_START = pd.Timestamp("1998-01-01")  # where a time line with no events and no
# start given begins


class TimelineChart:
    """The events time line, built once for a table of events; :meth:`show` picks the dates,
    categories and agencies shown by moving dots, so the live explorer redraws quickly."""

    def __init__(self, events: pd.DataFrame | None = None, label: str = "teacher") -> None:
        import matplotlib.dates as mdates

        if label not in ("teacher", "all", "none"):
            raise SettingsError(
                _("label={label} is not allowed; use 'teacher', 'all' or 'none'").format(
                    label=repr(label)
                )
            )
        self.events = given_table(events, "events")
        self.label = label
        colors = partner_colors()
        firsts = [a[0] if len(a) else None for a in self.events["agencies"]]
        self._colors = np.array(
            [colors.get(a, OTHER_AGENCY_COLOR) if a else _NO_AGENCY_COLOR for a in firsts],
            dtype=object,
        )
        self._dates = mdates.date2num(self.events["date"]) if len(self.events) else np.zeros(0)
        self._categories = self.events["category"].astype(str).to_numpy()
        self._present = set(self._categories)  # rows come from the whole table, so moving
        self.rows: tuple[str, ...] = ()  # the dates never moves them
        self._own = (
            (self.events["origin"] != "built-in").to_numpy()
            if "origin" in self.events.columns
            else np.zeros(len(self.events), dtype=bool)
        )
        self.shown = self.events.iloc[:0]
        self.figure = new_figure()
        ax = self.figure.add_axes((0.14, 0.14, 0.83, 0.66))
        self.axes = ax
        # Drawn with every event first (so the axis knows it shows dates); show() picks.
        self.builtin = ax.scatter(
            self.events["date"], np.zeros(len(self.events)), s=45, edgecolor="white",
            linewidth=0.5, zorder=3,
        )  # fmt: skip
        self.own = self.legend = None
        if self._own.any():
            self.own = ax.scatter(
                self.events["date"], np.zeros(len(self.events)), s=160, edgecolor="black",
                linewidth=2, zorder=4, label=_("your own events"),
            )  # fmt: skip
            # Above the axes, so the legend never covers an event.
            self.legend = ax.legend(
                fontsize=SMALL_SIZE,
                loc="lower right",
                bbox_to_anchor=(1.0, 1.0),
                frameon=False,
                borderaxespad=0.2,
            )
        self._agency_legend(colors, firsts)
        self.empty = empty_note(ax, NO_MATCH)
        self.notes: list = []
        date_axis_label(ax)
        ax.set_ylabel(_("category"), fontsize=LABEL_SIZE)
        ax.grid(axis="x", color="#DDDDDD", zorder=0)
        style_axes(ax)
        title(self.figure, _("Events on a time line (colour: the first agency involved)"))

    def _agency_legend(self, colors: dict[str, str], firsts: list[str | None]) -> None:
        """The colour of each first agency in the events (a figure legend: it never changes)."""
        from matplotlib.lines import Line2D

        present = set(firsts)
        shown = [(a, colors[a]) for a in colors if a in present]
        if {a for a in present if a} - set(colors):
            shown.append((OTHER_AGENCY, OTHER_AGENCY_COLOR))
        if None in present:
            shown.append((_("no agency"), _NO_AGENCY_COLOR))
        handles = [
            Line2D([], [], marker="o", lw=0, markersize=7, color=color, label=name)
            for name, color in shown
        ]
        if handles:
            self.figure.legend(
                handles=handles,
                loc="lower left",
                bbox_to_anchor=(0.01, 0.81),
                ncol=len(handles) if len(handles) <= 7 else (len(handles) + 1) // 2,
                fontsize=SMALL_SIZE - 1,
                frameon=False,
                handletextpad=0.1,
                columnspacing=0.7,
            )

    def changing(self) -> list[Artist]:
        """What a new choice redraws: everything in the plot but the category axis, which
        changes only with the categories chosen (see :attr:`rows`)."""
        ax = self.axes
        return [a for a in ax.get_children() if a is not ax.patch and a is not ax.yaxis]

    def show(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        categories: Iterable[str] | None = None,
        agencies: Iterable[str] | None = None,
    ) -> str:
        """Show the events from ``start`` to ``end`` in ``categories`` involving ``agencies``
        (``None``: no limit); returns the description sentence."""
        from matplotlib.collections import PathCollection

        first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
        categories = None if categories is None else list(categories)
        agencies = None if agencies is None else list(agencies)
        keep = summaries.select_event_rows(self.events, first, last, categories, agencies)
        shown = self.events.loc[keep].reset_index(drop=True)
        self.shown = shown
        ax = self.axes
        shown_categories = self._categories[keep]
        rows_order = [
            c for c in CATEGORIES if c in self._present and (categories is None or c in categories)
        ]
        self.rows = tuple(rows_order)
        rows = {c: len(rows_order) - 1 - i for i, c in enumerate(rows_order)}
        ys = np.array([rows[c] for c in shown_categories], dtype=float)
        dates = self._dates[keep]
        colors = self._colors[keep]
        own = self._own[keep]
        for dots, which in ((self.builtin, ~own), (self.own, own)):
            if dots is not None:
                dots.set_offsets(np.column_stack([dates[which], ys[which]]).reshape(-1, 2))
                dots.set_facecolor(list(colors[which]) or "none")
        if self.own is not None and self.legend is not None:
            self.own.set_visible(bool(own.any()))
            self.legend.set_visible(bool(own.any()))
            handle = self.legend.legend_handles[0]
            if own.any() and isinstance(handle, PathCollection):  # the legend's dot takes
                red, green, blue, alpha = np.asarray(self.own.get_facecolor())[0]  # the colour
                handle.set_facecolor((red, green, blue, alpha))  # of the first own event
        for note in self.notes:
            note.remove()
        self.untitled = 0
        self.notes = self._titles(shown, ys, own)
        self.empty.set_visible(shown.empty)
        ax.set_yticks(list(rows.values()), [_(row) for row in rows])
        for label in ax.get_yticklabels():
            label.set_fontsize(TICK_SIZE)
        ax.set_ylim(-0.7, max(len(rows) - 0.3, 0.3))
        self._fit_dates(shown, first, last)
        sentence = _timeline_sentence(shown, own, first, last, categories, agencies)
        if self.untitled:
            sentence += (
                f" The {self.untitled} events that would be titled are too many to title on the "
                f"plot (at most {MAX_TITLED}); choose fewer years or categories to see titles."
            )
        return sentence

    def _fit_dates(
        self, shown: pd.DataFrame, first: pd.Timestamp | None, last: pd.Timestamp | None
    ) -> None:
        """The dates given, or else those of the dots shown, as matplotlib would fit them."""
        ax = self.axes
        if shown.empty:
            lo = (
                first
                if first is not None
                else min(EMPTY_TIMELINE_START, last or EMPTY_TIMELINE_START)
            )
            hi = last if last is not None else max(current_to(), lo + pd.DateOffset(years=1))
            if hi <= lo:
                hi = lo + pd.DateOffset(years=1)
            fix_date_ticks(ax, lo, hi)
            return
        lo = first if first is not None else shown["date"].min()
        hi = last if last is not None else shown["date"].max()
        if (first is not None or last is not None) and lo < hi:
            fix_date_ticks(ax, lo, hi)
            return
        ax.set_autoscalex_on(True)
        ax.ignore_existing_data_limits = True
        for dots in (self.builtin, self.own):
            if dots is not None and dots.get_visible() and len(np.asarray(dots.get_offsets())):
                ax.update_datalim(dots.get_offsets())
        ax.autoscale_view(scaley=False)
        fix_date_ticks(ax, *(num2date(v) for v in ax.get_xlim()))

    def _titles(self, shown: pd.DataFrame, ys: np.ndarray, is_own: np.ndarray) -> list:
        """Title the teacher's events (or all, or none): one boxed note per titled dot."""
        if self.label == "none" or shown.empty:
            return []
        span_start, span_end = shown["date"].min(), shown["date"].max()
        span = max((span_end - span_start).days, 1)
        titled = np.flatnonzero(is_own) if self.label == "teacher" else np.arange(len(shown))
        self.untitled = len(titled) if len(titled) > MAX_TITLED else 0
        if self.untitled:  # thousands of boxes would hide each other and take a minute to draw
            return []
        notes = []
        for i in titled:
            date, text = shown["date"].iloc[i], shown["title"].iloc[i]
            # Labels in the right part of the plot point leftwards, so they stay inside it;
            # a white box keeps them readable over the dots.
            on_right = (date - span_start).days / span > 0.6
            note = self.axes.annotate(
                text[:40] + ("…" if len(text) > 40 else ""),
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
    start: DateLike | None = None,
    end: DateLike | None = None,
    categories: Iterable[str] | None = None,
    agencies: Iterable[str] | None = None,
    label: str = "teacher",
) -> Chart:
    """Events as dots on a time line, one row per category, coloured by their first agency.

    ``events`` defaults to the built-in catalogue (:func:`~isslearn.catalogue.events.load_events`);
    a lesson passes ``lesson.events()``, which holds the class's own file too. A teacher's own
    events are drawn larger, ringed, and titled; ``label='all'`` titles every event,
    ``label='none'`` none.

    >>> timeline(start="2000-01-01", end="2000-12-31").description.startswith("Between")
    True
    """
    chart = TimelineChart(events, label)
    description = chart.show(start, end, categories, agencies)
    return Chart(chart.figure, description)


def _timeline_sentence(
    shown: pd.DataFrame,
    own: np.ndarray,
    first: pd.Timestamp | None,
    last: pd.Timestamp | None,
    categories: list[str] | None = None,
    agencies: list[str] | None = None,
) -> str:
    """Say how many events of each category the time line shows, and how many are the
    teacher's; or, when none is shown, which settings matched nothing. A limit not given is
    the first or last event shown, so a filtered table is never called "the catalogue"."""
    if first is None and not shown.empty:
        first = shown["date"].min()
    if last is None and not shown.empty:
        last = shown["date"].max()
    lo = day(first) if first is not None else _("the start")
    hi = day(last) if last is not None else _("the end of the catalogue")
    if shown.empty:
        between = _("between {start} and {end}").format(start=lo, end=hi)
        limits = [] if first is None and last is None else [between]
        none = _("none chosen")
        if categories is not None and set(categories) != set(CATEGORIES):
            limits.append(_("categories:") + " " + (", ".join(map(_, categories)) or none))
        if agencies is not None:
            limits.append(_("agencies:") + " " + (", ".join(agencies) or none))
        if not limits:
            return _("{no_match}: the table of events given has none.").format(no_match=_(NO_MATCH))
        return f"{_(NO_MATCH)} ({'; '.join(limits)})."
    counts = Counter(shown["category"].astype(str)).most_common()
    parts = ", ".join(f"{n} {_(c)}" for c, n in counts)
    mine = int(np.sum(own))
    extra = _(", {count} of them from your own file").format(count=mine) if mine else ""
    sentence = ngettext(
        "Between {start} and {end} the time line shows {count} event ({parts}){extra}.",
        "Between {start} and {end} the time line shows {count} events ({parts}){extra}.",
        len(shown),
    ).format(start=lo, end=hi, count=len(shown), parts=parts, extra=extra)
    return sentence + _ends(shown) + _busy_and_quiet(shown, _BUSY_ROW)


def _ends(shown: pd.DataFrame) -> str:
    """Name the earliest and the latest event shown (and say if the latest is only planned)."""
    if len(shown) < 2:
        return ""
    ordered = shown.sort_values("date", kind="stable")
    first, last = ordered.iloc[0], ordered.iloc[-1]
    planned = _(", planned") if str(last.get("status", "")) == "planned" else ""
    return " " + _(
        'The earliest is "{first}" ({first_date}) and the latest "{last}" ({last_date}{planned}).'
    ).format(
        first=first["title"],
        first_date=day(first["date"]),
        last=last["title"],
        last_date=day(last["date"]),
        planned=planned,
    )


def _busy_and_quiet(shown: pd.DataFrame, category: str, min_years: int = 3) -> str:
    """Split one row's years where its yearly rate of events changes most, and say so: where
    the dots of that row crowd together and where they thin out."""
    years = shown.loc[shown["category"].astype(str) == category, "date"].dt.year.to_numpy()
    if len(years) < 10:
        return ""
    lo, hi = int(years.min()), int(years.max())
    best: tuple[float, int] | None = None
    for split in range(lo + min_years - 1, hi - min_years + 1):
        before = (years <= split).sum() / (split - lo + 1)
        after = (years > split).sum() / (hi - split)
        if best is None or abs(before - after) > best[0]:
            best = (abs(before - after), split)
    if best is None:
        return ""
    split = best[1]
    early, late = int((years <= split).sum()), int((years > split).sum())
    return " " + _(
        "The {category} row has {early} events in {lo}–{split}, about {early_rate} a year, "
        "and {late} in {after}–{hi}, about {late_rate} a year."
    ).format(
        category=_(category),
        early=early,
        lo=lo,
        split=split,
        early_rate=f"{early / (split - lo + 1):.0f}",
        late=late,
        after=split + 1,
        hi=hi,
        late_rate=f"{late / (hi - split):.0f}",
    )
