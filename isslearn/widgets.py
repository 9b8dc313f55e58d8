"""Live explorers for the lessons: stock ipywidgets controls driving the figures of
:mod:`isslearn.plots`.

Every explorer is an :class:`Explorer`: its controls on top, the picture (class
``isslearn-figure``) and a caption below, ``update(**values)`` to change controls by name and
redraw without a browser, ``forget()`` to drop remembered pictures, and ``chart``, the static
figure of what it shows now (the same object a lesson gets from :mod:`isslearn.plots`). Every
control has a ``description`` so it can be reached and named from the keyboard. Callbacks let
errors through (nbval must see them), and text from the catalogue or a teacher's file is
escaped before it goes into HTML. Settings that match nothing show an empty figure that says
so.

>>> from isslearn import widgets
>>> explorer = widgets.contributions_explorer()
>>> explorer.update(by="built_by").description.startswith("By builder")
True
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import ipywidgets as w
import numpy as np
import pandas as pd

from . import plots, summaries
from .catalogue import load_agencies, load_expeditions, load_modules
from .chart import Chart, LiveFigure, agg_canvas, new_figure, png_bytes, rgb_pixels
from .events import current_to, load_events
from .fastpng import png_from_rgb
from .plot_events import FIRST_YEAR
from .values import CATEGORIES, DateLike, as_day, as_optional_day

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = [
    "ANY_AGENCY",
    "AssemblyExplorer",
    "ChartExplorer",
    "EventExplorer",
    "ExpeditionExplorer",
    "Explorer",
    "StationFrames",
    "assembly_explorer",
    "cargo_fleet_explorer",
    "contributions_explorer",
    "crew_timeline",
    "event_timeline",
    "expedition_explorer",
]

_WIDE = {"width": "95%"}
_LABEL_STYLE = {"description_width": "initial"}
ANY_AGENCY = "(any, or none)"


def _image(png: bytes) -> w.Image:
    image = w.Image(value=png, format="png", layout={"max_width": "100%"})
    image.add_class("isslearn-figure")
    return image


def _caption_html(text: str) -> str:
    return f"<p><em>{html.escape(text)}</em></p>"


#: What an explorer shows: a Chart, or a pandas Styler for the expedition card.
ShownT = TypeVar("ShownT", bound="Chart | Styler")


class Explorer(w.VBox, Generic[ShownT]):
    """What every explorer is: ``controls`` (by name) above a ``picture`` and a ``caption``,
    and below them any ``extra`` widgets, all made in the constructor.

    Subclasses say how to show the current settings (:meth:`_show`) and what they show
    (:attr:`chart`); moving a control in the browser and calling :meth:`update` take the same
    path.
    """

    def __init__(
        self,
        controls: dict[str, w.Widget],
        picture: w.Widget,
        caption: w.HTML | None = None,
        layout_controls: w.Widget | None = None,
        extra: Sequence[w.Widget] = (),
    ) -> None:
        self.controls = controls
        self.picture = picture
        self.caption = caption
        box = layout_controls or w.HBox(list(controls.values()))
        shown = [box, picture, *([caption] if caption is not None else []), *extra]
        super().__init__(shown)
        self.add_class("isslearn-widget")
        for control in controls.values():
            control.observe(self._on_change, names="value")

    @property
    def values(self) -> dict[str, Any]:
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    @property
    def chart(self) -> ShownT:
        """The static figure of what the explorer shows now."""
        raise NotImplementedError

    def forget(self) -> None:
        """Drop remembered pictures: the next setting is drawn afresh (an explorer that
        remembers nothing has nothing to drop)."""

    def _show(self) -> None:
        """Draw the controls' current values into the picture and the caption."""
        raise NotImplementedError

    def _on_change(self, _change: dict) -> None:
        self._show()

    def _set_caption(self, text: str) -> None:
        if self.caption is not None:
            self.caption.value = _caption_html(text)

    def update(self, **values: Any) -> ShownT:
        """Set any controls given by name, redraw once, and return :attr:`chart`."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(
                f"{type(self).__name__} has no control {sorted(unknown)[0]!r}; "
                f"its controls are {', '.join(self.controls)}"
            )
        for name, value in values.items():
            control = self.controls[name]
            control.unobserve(self._on_change, names="value")
            try:
                control.value = value
            finally:
                control.observe(self._on_change, names="value")
        self._show()
        return self.chart


class ChartExplorer(Explorer[Chart]):
    """Controls on top, then the figure as a PNG, then its description as a caption.

    ``draw(**values)`` is any function returning a :class:`Chart`; each control's value is
    passed by name, so ``explorer.update(start="2001-01-01")`` redraws without a browser.

    With ``live`` (a :class:`~isslearn.chart.LiveFigure`), ``draw`` changes that one figure in
    place and only its changing artists are drawn again. The last ``remember`` pictures are
    kept by control values, so going back to a setting shows its picture at once. A control
    with a few fixed values (a toggle) can have all its pictures drawn up front: ``fixed``
    lists their settings, and those pictures are never forgotten.
    """

    caption: w.HTML  # always given

    def __init__(
        self,
        controls: dict[str, w.Widget],
        draw: Callable[..., Chart],
        layout_controls: w.Widget | None = None,
        live: LiveFigure | None = None,
        remember: int = 16,
        fixed: Iterable[dict[str, Any]] = (),
        extra: Sequence[w.Widget] = (),
    ) -> None:
        self._draw = draw
        self.live = live
        self.remember = remember
        self._pictures: OrderedDict[Hashable, tuple[Chart, bytes]] = OrderedDict()
        self._fixed: dict[Hashable, tuple[Chart, bytes]] = {}
        for values in fixed:
            chart = draw(**values)
            self._fixed[_key(values)] = (chart, self._png(chart))
        self._chart, png = self._picture({n: c.value for n, c in controls.items()})
        super().__init__(
            controls,
            _image(png),
            w.HTML(_caption_html(self._chart.description)),
            layout_controls,
            extra,
        )

    @property
    def image(self) -> w.Image:
        """The picture as an Image widget."""
        return self.picture

    @property
    def chart(self) -> Chart:
        """The Chart shown now."""
        return self._chart

    def _png(self, chart: Chart) -> bytes:
        return self.live.png() if self.live is not None else png_bytes(chart.figure, level=1)

    def _picture(self, values: dict[str, Any]) -> tuple[Chart, bytes]:
        key = _key(values)
        known = self._fixed.get(key) if key is not None else None
        if known is None and key is not None:
            known = self._pictures.get(key)
            if known is not None:
                self._pictures.move_to_end(key)
        if known is not None:
            chart, png = known
            if self.live is not None:  # one shared figure: bring it to this setting
                chart = self._draw(**values)
            return chart, png
        chart = self._draw(**values)
        png = self._png(chart)
        if key is not None and self.remember > 0:
            self._pictures[key] = (chart, png)
            while len(self._pictures) > self.remember:
                self._pictures.popitem(last=False)
        return chart, png

    def forget(self) -> None:
        """Drop the remembered pictures (the fixed ones drawn up front stay)."""
        self._pictures.clear()

    def _show(self) -> None:
        self._chart, png = self._picture(self.values)
        self.picture.value = png
        self._set_caption(self._chart.description)


def _key(values: dict[str, Any]) -> Hashable | None:
    """The control values as a dictionary key, or None when a value cannot be one."""
    key = tuple(values.items())
    try:
        hash(key)
    except TypeError:
        return None
    return key


# ---------------------------------------------------------------- assembly


class StationFrames:
    """Fast pictures of a :class:`~isslearn.plots.StationSchematic` for a slider.

    Each block sits in a fixed place, so three layers are drawn once up front: the unchanging
    rest of the figure, then on top of it every block filled and labelled, then every block as
    an outline. A date's picture is pasted together from the last two, plus a title strip drawn
    once per title.
    """

    TITLE_ROWS = 30  # pixel rows at the top that hold the title

    def __init__(self, schematic: plots.StationSchematic) -> None:
        self.schematic = schematic
        figure = schematic.figure
        canvas = agg_canvas(figure)
        blocks = [schematic.blocks[i] for i in schematic.layout["id"]]
        labels = [schematic.labels[i] for i in schematic.layout["id"]]
        title = schematic.title.get_text()
        everything = np.ones(len(schematic.layout), dtype=bool)
        schematic.title.set_text("")
        for artist in blocks + labels:
            artist.set_visible(False)
        canvas.draw()  # the layer that never changes: legend, lane names, axis label
        background = canvas.copy_from_bbox(figure.bbox)
        for block in blocks:
            block.set_visible(True)
        schematic.restyle(everything)  # also shows the labels
        renderer = canvas.get_renderer()
        for artist in blocks + labels:  # blocks (z-order 1) under their labels (3)
            figure.draw_artist(artist)
        self.full = rgb_pixels(figure).copy()
        height, width = self.full.shape[:2]
        self.regions = []
        for block, label in zip(blocks, labels, strict=True):
            box = block.get_window_extent(renderer)
            text = label.get_window_extent(renderer)
            x0, x1 = min(box.x0, text.x0) - 2, max(box.x1, text.x1) + 2
            y0, y1 = min(box.y0, text.y0) - 2, max(box.y1, text.y1) + 2
            rows = slice(max(int(height - y1), 0), min(int(height - y0) + 1, height))
            cols = slice(max(int(x0), 0), min(int(x1) + 1, width))
            self.regions.append((rows, cols))
        schematic.restyle(~everything)
        canvas.restore_region(background)
        for block in blocks:
            figure.draw_artist(block)
        self.empty = rgb_pixels(figure).copy()
        schematic.title.set_text(title)
        self._strips: dict[str, np.ndarray] = {}  # title -> its drawn pixels (one per date)
        strip_inches = self.TITLE_ROWS / figure.dpi
        self.strip = new_figure((figure.get_figwidth(), strip_inches))
        self.strip_text = self.strip.text(
            schematic.title.get_position()[0],
            1 - (1 - schematic.title.get_position()[1]) * figure.get_figheight() / strip_inches,
            "",
            fontsize=schematic.title.get_fontsize(),
            ha="left",
            va="top",
            parse_math=False,
        )

    def forget(self) -> None:
        """Drop the remembered title strips."""
        self._strips.clear()

    def png(self, date: DateLike) -> tuple[bytes, str]:
        """The PNG of the station on ``date`` and its description sentence."""
        _, there, title, sentence = self.schematic.station_state(date)
        frame = self.empty.copy()
        for attached, (rows, cols) in zip(there, self.regions, strict=True):
            if attached:
                frame[rows, cols] = self.full[rows, cols]
        strip = self._strips.get(title)
        if strip is None:
            self.strip_text.set_text(title)
            agg_canvas(self.strip).draw()
            strip = rgb_pixels(self.strip)[: self.TITLE_ROWS].copy()
            self._strips[title] = strip
        frame[: strip.shape[0]] = strip
        return png_from_rgb(frame), sentence


class AssemblyExplorer(Explorer[Chart]):
    """A date slider over the days the station changed, the station drawn on that day, and
    its module count, mass and volume in words.

    ``update(date)`` moves the slider to the last change on or before ``date`` and redraws;
    it pastes pictures from layers drawn once (on the first move), so it is quick enough to
    follow a dragged slider. When no module arrived or left between ``start`` and ``end``,
    the explorer says so instead of failing.
    """

    caption: w.HTML  # always given

    def __init__(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        modules: pd.DataFrame | None = None,
    ) -> None:
        first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
        modules = load_modules() if modules is None else modules
        dates = [
            d
            for d in summaries.change_dates(modules)
            if (first is None or d >= first) and (last is None or d <= last)
        ]
        self.dates = dates
        self.schematic = plots.StationSchematic(modules)
        self.frames: StationFrames | None = None
        if dates:
            options: list[tuple[str, pd.Timestamp | str]] = [(f"{d:%Y-%m-%d}", d) for d in dates]
            self._empty: Chart | None = None
            self.description = self.schematic.show(dates[0])
            png = png_bytes(self.schematic.figure, level=1)
        else:
            if first is not None and last is not None:
                when = f"between {first:%Y-%m-%d} and {last:%Y-%m-%d}"
            elif first is not None:
                when = f"on or after {first:%Y-%m-%d}"
            elif last is not None:
                when = f"on or before {last:%Y-%m-%d}"
            else:
                when = "in the table of modules given"
            sentence = f"{plots.NO_MATCH}: no module arrived or left {when}."
            self._empty = plots.empty_chart(
                "The station, date by date", sentence, "No module arrived or left in this range"
            )
            options = [("no change in range", "none")]
            self.description = sentence
            png = png_bytes(self._empty.figure, level=1)
        # The first picture is one plain drawing; the frames a slider needs are made when it
        # first moves, so a lesson that only shows the explorer does not wait for them.
        self.slider = w.SelectionSlider(
            options=options,
            value=options[0][1],
            description="Date (UTC)",
            continuous_update=True,
            disabled=not dates,
            layout=_WIDE,
            style=_LABEL_STYLE,
        )
        super().__init__(
            {"date": self.slider}, _image(png), w.HTML(_caption_html(self.description))
        )

    @property
    def image(self) -> w.Image:
        """The picture as an Image widget."""
        return self.picture

    @property
    def summary(self) -> w.HTML:
        """The caption under the picture."""
        return self.caption

    @property
    def chart(self) -> Chart:
        """The station on the date shown, as a static Chart (the same as ``plots.station``)."""
        if self._empty is not None:
            return self._empty
        self.schematic.show(self.slider.value)
        return Chart(self.schematic.figure, self.description)

    def forget(self) -> None:
        """Drop the remembered title strips (the next date's title is drawn afresh)."""
        if self.frames is not None:
            self.frames.forget()

    def _show(self) -> None:
        if self._empty is not None:
            return
        if self.frames is None:
            self.frames = StationFrames(self.schematic)
        png, self.description = self.frames.png(self.slider.value)
        self.picture.value = png
        self._set_caption(self.description)

    def update(self, date: DateLike | None = None) -> Chart:  # type: ignore[override]
        """Show the station on ``date`` ('YYYY-MM-DD'), or the nearest earlier change."""
        if date is None or not self.dates:
            return super().update()
        day = as_day(date)
        earlier = [d for d in self.dates if d <= day]
        return super().update(date=earlier[-1] if earlier else self.dates[0])


def assembly_explorer(
    start: DateLike | None = None, end: DateLike | None = None, modules: pd.DataFrame | None = None
) -> AssemblyExplorer:
    """Slide through the dates when the station changed and watch it grow.

    Static twin for any date: :func:`isslearn.plots.station`.

    >>> from isslearn import plots
    >>> explorer = assembly_explorer()
    >>> shown = explorer.update("2011-07-21")  # the last change on or before that day
    >>> shown.description == plots.station(explorer.controls["date"].value).description
    True
    """
    return AssemblyExplorer(start, end, modules)


# ---------------------------------------------------------------- expeditions


class ExpeditionExplorer(Explorer["Styler"]):
    """Choose an expedition from a list: its crew, agencies, each person's own dates, and who
    joined or left during it (the card of :func:`isslearn.plots.expedition_card`)."""

    def __init__(
        self,
        number: int | None = None,
        expeditions: pd.DataFrame | None = None,
        stays: pd.DataFrame | None = None,
    ) -> None:
        self.expeditions = load_expeditions() if expeditions is None else expeditions
        self.stays = stays
        numbers = [int(n) for n in self.expeditions["number"]]
        if not numbers:
            raise ValueError("the table of expeditions given is empty; give at least one")
        chosen = numbers[0] if number is None else int(number)
        if chosen not in numbers:
            raise ValueError(f"there is no expedition {number!r}; choose one of {numbers}")
        dropdown = w.Dropdown(
            options=[(f"Expedition {n}", n) for n in numbers],
            value=chosen,
            description="Expedition",
            style=_LABEL_STYLE,
        )
        self._pages: dict[int, str] = {}  # expedition number -> its card as HTML
        card = w.HTML(value=self._page(chosen))
        card.add_class("isslearn-figure")
        super().__init__({"number": dropdown}, card)

    def _page(self, number: int) -> str:
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._card(number).to_html()
        return page

    def _card(self, number: int) -> Styler:
        return plots.expedition_card(number, self.expeditions, self.stays)

    @property
    def chart(self) -> Styler:
        """The card of the expedition shown (a pandas Styler, as ``plots.expedition_card``)."""
        return self._card(self.controls["number"].value)

    def forget(self) -> None:
        """Drop the remembered cards."""
        self._pages.clear()

    def _show(self) -> None:
        self.picture.value = self._page(self.controls["number"].value)

    def update(self, number: int | None = None) -> Styler:  # type: ignore[override]
        """Show expedition ``number``."""
        return super().update() if number is None else super().update(number=int(number))


def expedition_explorer(
    number: int | None = None,
    expeditions: pd.DataFrame | None = None,
    stays: pd.DataFrame | None = None,
) -> ExpeditionExplorer:
    """Choose an expedition from a list: its crew, agencies, dates and days aboard.

    Static twin for any expedition: :func:`isslearn.plots.expedition_card`.

    >>> expedition_explorer(20).update(21).data["crew member"].iloc[0]
    'Frank De Winne'
    """
    return ExpeditionExplorer(number, expeditions, stays)


# ---------------------------------------------------------------- crew


def crew_timeline(
    stays: pd.DataFrame | None = None, until: DateLike | None = None
) -> ChartExplorer:
    """A range slider of years driving :func:`isslearn.plots.people_aboard`.

    Static twin for any range: ``plots.people_aboard(f"{lo}-01-01", f"{hi}-01-01")``.

    >>> crew_timeline().update(years=(2000, 2005)).description[:29]
    'From 2000-01-01 to 2005-01-01'
    """
    crew = plots.CrewChart(stays, until)
    first, last = crew.first.year, crew.stop.year + 1
    years = w.IntRangeSlider(
        value=(first, last),
        min=first,
        max=last,
        step=1,
        description="Years",
        continuous_update=False,
        layout=_WIDE,
        style=_LABEL_STYLE,
    )

    def draw(years: tuple[int, int]) -> Chart:
        lo, hi = years
        return Chart(crew.figure, crew.show(f"{lo}-01-01", f"{max(hi, lo + 1)}-01-01"))

    return ChartExplorer({"years": years}, draw, live=LiveFigure(crew.figure, crew.changing))


# ---------------------------------------------------------------- cooperation

_CONTRIBUTION_CHOICES = [
    ("by owner", "agency"),
    ("by builder", "built_by"),
    ("by country where built", "builder_country"),
]


def contributions_explorer(modules: pd.DataFrame | None = None) -> ChartExplorer:
    """Toggle between modules per owner, per builder and per country where they were built.

    Its three pictures are drawn once, when it is made. Static twin for each view:
    ``plots.contributions("agency")``, ``("built_by")`` and ``("builder_country")``.

    >>> contributions_explorer().update(by="builder_country").description[:26]
    'By the country where each '
    """
    modules = load_modules() if modules is None else modules
    by = w.ToggleButtons(
        options=_CONTRIBUTION_CHOICES,
        value="agency",
        description="Group",
        style=_LABEL_STYLE,
    )
    return ChartExplorer(
        {"by": by},
        lambda by: plots.contributions(by, modules),
        fixed=[{"by": value} for _, value in _CONTRIBUTION_CHOICES],
    )


def cargo_fleet_explorer(events: pd.DataFrame | None = None) -> ChartExplorer:
    """Tick the cargo ships to compare; the timeline shows only those.

    Static twin for any choice: ``plots.cargo_fleet(["ATV", "HTV"])``.

    >>> "ATV (ESA)" in cargo_fleet_explorer().update(ships=("ATV",)).description
    True
    """
    ships = w.SelectMultiple(
        options=list(summaries.CARGO_SHIPS),
        value=tuple(summaries.CARGO_SHIPS),
        description="Ships",
        rows=len(summaries.CARGO_SHIPS),
        style=_LABEL_STYLE,
    )
    fleet = plots.CargoChart(events=events)

    def draw(ships: tuple[str, ...]) -> Chart:
        return Chart(fleet.figure, fleet.show(list(ships)))

    return ChartExplorer({"ships": ships}, draw, live=LiveFigure(fleet.figure, fleet.changing))


# ---------------------------------------------------------------- events


def _year_range(
    events: pd.DataFrame, first: pd.Timestamp | None, last: pd.Timestamp | None
) -> tuple[int, int]:
    """The years a slider offers: the events' and the dates given, never an empty range."""
    years = [d.year for d in (first, last) if d is not None]
    if len(events):
        years += [int(events["date"].min().year), int(events["date"].max().year)]
    if not years:
        years = [FIRST_YEAR.year, current_to().year]
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
    events = load_events() if events is None else events
    first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
    if first is not None and last is not None and last < first:
        raise ValueError(f"end={last:%Y-%m-%d} is before start={first:%Y-%m-%d}")
    lo_year, hi_year = _year_range(events, first, last)
    chosen_years = (
        first.year if first is not None else lo_year,
        last.year if last is not None else hi_year,
    )
    years = w.IntRangeSlider(
        value=chosen_years,
        min=lo_year,
        max=hi_year,
        description="Years",
        continuous_update=False,
        layout=_WIDE,
        style=_LABEL_STYLE,
    )
    category_choice = w.SelectMultiple(
        options=list(CATEGORIES),
        value=tuple(CATEGORIES if categories is None else categories),
        description="Categories",
        rows=5,
        style=_LABEL_STYLE,
    )
    codes = list(load_agencies()["code"])
    wanted = [] if agencies is None else list(agencies)
    agency_choice = w.SelectMultiple(
        options=[ANY_AGENCY, *codes, *[a for a in wanted if a not in codes]],
        value=(ANY_AGENCY,) if agencies is None else tuple(wanted),
        description="Agencies",
        rows=5,
        style=_LABEL_STYLE,
    )
    titles = w.HTML()
    line = plots.TimelineChart(events)

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
        return f"<p>{plots.NO_MATCH}.</p>"
    own = (
        (shown["origin"] != "built-in").to_numpy()
        if "origin" in shown.columns
        else np.zeros(len(shown), dtype=bool)
    )
    order = np.concatenate([np.flatnonzero(own), np.flatnonzero(~own)])[:limit]
    dates, names = shown["date"].to_numpy()[order], shown["title"].to_numpy()[order]
    items = "".join(
        f"<li>{pd.Timestamp(date):%Y-%m-%d}: {html.escape(str(name))}"
        + (" (your event)" if is_own else "")
        + "</li>"
        for date, name, is_own in zip(dates, names, own[order], strict=True)
    )
    more = len(shown) - len(order)
    tail = f"<p>… and {more} more.</p>" if more > 0 else ""
    return f"<ul>{items}</ul>{tail}"
