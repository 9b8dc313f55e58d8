"""The event explorer: the catalogue's time line, filtered by years, categories and agency."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd

from .. import language, plots
from ..catalogue.events import current_to
from ..catalogue.given import given_table
from ..catalogue.tables import load_agencies
from ..errors import SettingsError
from ..language import day
from ..language import gettext as _
from ..plots.chart import Chart, LiveFigure
from ..plots.events import EMPTY_TIMELINE_START, TimelineChart
from ..reading.values import CATEGORIES, DateLike, as_choices, as_optional_day
from .base import ANY_AGENCY, LABEL_STYLE, WIDE, ChartExplorer

__all__ = ["EventExplorer", "event_timeline"]

# ---------------------------------------------------------------- events


def _year_range(
    events: pd.DataFrame, first: pd.Timestamp | None, last: pd.Timestamp | None
) -> tuple[int, int]:
    """The years a slider offers: the events' and the dates given, never an empty range."""
    years = [d.year for d in (first, last) if d is not None]
    if len(events):
        years += [int(events["date"].min().year), int(events["date"].max().year)]
    if not years:
        years = [EMPTY_TIMELINE_START.year, current_to().year]
    lo, hi = min(years), max(years)
    return lo, max(hi, lo + 1)


def event_timeline(
    events: pd.DataFrame | None = None,
    start: DateLike | None = "1998-01-01",
    end: DateLike | None = None,
    categories: Iterable[str] | None = None,
    agencies: Iterable[str] | None = None,
) -> EventExplorer:
    """Filter events by date, category and agency; a teacher's own events stand out, and
    the titles of the events shown are listed below as text (escaped).

    Static twin for any setting: ``plots.timeline(events, start, end, categories, agencies)``.

    >>> event_timeline(start="2000-01-01", end="2001-12-31").chart.description[:29]
    'Between 2000-01-01 and 2001-1'
    """
    events = given_table(events, "events")
    first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
    if first is not None and last is not None and last < first:
        raise SettingsError(
            _("end={end} is before start={start}").format(
                end=f"{last:%Y-%m-%d}", start=f"{first:%Y-%m-%d}"
            )
        )
    lo_year, hi_year = _year_range(events, first, last)
    chosen_years = (
        first.year if first is not None else lo_year,
        last.year if last is not None else hi_year,
    )
    years = w.IntRangeSlider(
        value=chosen_years,
        min=lo_year,
        max=hi_year,
        description=_("Years"),
        continuous_update=False,
        layout=WIDE,
        style=LABEL_STYLE,
    )
    chosen_categories = as_choices("categories", categories, CATEGORIES)
    category_choice = w.SelectMultiple(
        options=_labelled(CATEGORIES),
        value=CATEGORIES if chosen_categories is None else chosen_categories,
        description=_("Categories"),
        rows=5,
        style=LABEL_STYLE,
    )
    codes = list(load_agencies()["code"])
    wanted = [] if agencies is None else [agencies] if isinstance(agencies, str) else list(agencies)
    agency_choice = w.SelectMultiple(
        options=_labelled([ANY_AGENCY, *codes, *[a for a in wanted if a not in codes]]),
        value=(ANY_AGENCY,) if agencies is None else tuple(wanted),
        description=_("Agencies"),
        rows=5,
        style=LABEL_STYLE,
    )
    titles = w.HTML()
    line = TimelineChart(events)

    def draw(
        years: tuple[int, int], categories: tuple[str, ...], agencies: tuple[str, ...]
    ) -> Chart:
        lo, hi = years
        chosen = None if ANY_AGENCY in agencies else list(agencies)
        start_day, end_day = pd.Timestamp(f"{lo}-01-01"), pd.Timestamp(f"{hi}-12-31")
        description = line.show(start_day, end_day, list(categories), chosen)
        titles.value = _event_list_html(line.shown)
        return Chart(line.figure, description)

    controls = {"years": years, "categories": category_choice, "agencies": agency_choice}
    layout = w.VBox([years, w.HBox([category_choice, agency_choice])])
    live = LiveFigure(line.figure, line.changing, lambda: line.rows)
    return EventExplorer(controls, draw, titles, layout_controls=layout, live=live)


def _labelled(values: Sequence[str]) -> list[str] | list[tuple[str, str]]:
    """The choices as they are in English; in another language, (its word, the value) pairs, so
    code keeps choosing ``"crew"`` while the learner reads ``"équipage"``."""
    if language.current() == language.SOURCE_LANGUAGE:
        return list(values)
    return [(_(value), value) for value in values]


class EventExplorer(ChartExplorer):
    """A :class:`ChartExplorer` of the events time line with, under the caption, the titles
    of the events shown as an escaped list (``titles``)."""

    def __init__(
        self,
        controls: dict[str, w.Widget],
        draw: Callable[..., Chart],
        titles: w.HTML,
        **options: Any,
    ) -> None:
        self.titles = titles
        super().__init__(controls, draw, extra=[titles], **options)


def _event_list_html(shown: pd.DataFrame, limit: int = 12) -> str:
    """The newest events shown (a teacher's first), as an escaped HTML list."""
    if shown.empty:
        return f"<p>{_(plots.NO_MATCH)}.</p>"
    own = (
        (shown["origin"] != "built-in").to_numpy()
        if "origin" in shown.columns
        else np.zeros(len(shown), dtype=bool)
    )
    order = np.concatenate([np.flatnonzero(own), np.flatnonzero(~own)])[:limit]
    dates, names = shown["date"].to_numpy()[order], shown["title"].to_numpy()[order]
    items = "".join(
        f"<li>{day(date)}{_(':')} {html.escape(str(name))}"
        + (_(" (your event)") if is_own else "")
        + "</li>"
        for date, name, is_own in zip(dates, names, own[order], strict=True)
    )
    more = len(shown) - len(order)
    tail = "<p>" + _("… and {count} more.").format(count=more) + "</p>" if more > 0 else ""
    return f"<ul>{items}</ul>{tail}"
