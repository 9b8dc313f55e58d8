"""Live explorers for the lessons: stock ipywidgets controls driving the figures of
:mod:`isslearn.plots`.

Every explorer is an ipywidgets container with the CSS class ``isslearn-widget``; the element
showing the figure has ``isslearn-figure``. Every control has a ``description`` so it can be
reached and named from the keyboard. Callbacks let errors through (nbval must see them), and any
text from the catalogue or a teacher's file is escaped before it goes into HTML.

>>> from isslearn import widgets
>>> explorer = widgets.assembly_explorer()      # doctest: +SKIP
>>> explorer.update("2011-07-21")               # redraw without a browser (benchmarks, tests)
"""

from __future__ import annotations

import html
from collections import OrderedDict

import ipywidgets as w
import pandas as pd

from . import plots, summaries
from .catalogue import load_expeditions, load_modules
from .chart import Chart, LiveFigure, png_bytes
from .fastpng import png_from_rgb
from .values import CATEGORIES, as_day, as_optional_day

_WIDE = {"width": "95%"}
_LABEL_STYLE = {"description_width": "initial"}


def _image(png: bytes) -> w.Image:
    image = w.Image(value=png, format="png", layout={"max_width": "100%"})
    image.add_class("isslearn-figure")
    return image


def _caption_html(text: str) -> str:
    return f"<p><em>{html.escape(text)}</em></p>"


def _caption(text: str) -> w.HTML:
    return w.HTML(value=_caption_html(text))


class ChartExplorer(w.VBox):
    """Controls on top, then the figure as a PNG, then its description as a caption.

    ``draw(**values)`` is any function returning a :class:`Chart`; each control's value is
    passed by name, so ``explorer.update(start="2001-01-01")`` redraws without a browser.

    With ``live`` (a :class:`~isslearn.chart.LiveFigure`), ``draw`` changes that one figure in
    place and only its changing artists are drawn again. The last ``remember`` pictures are
    kept by control values, so going back to a setting shows its picture at once; the figure
    and the caption are still brought up to date, only the drawing is skipped.
    """

    def __init__(
        self,
        controls: dict[str, w.Widget],
        draw,
        layout_controls=None,
        live: LiveFigure | None = None,
        remember: int = 16,
    ):
        self.controls = controls
        self._draw = draw
        self.live = live
        self.remember = remember
        self._pictures: OrderedDict = OrderedDict()
        first, png = self._picture()
        self.image = _image(png)
        self.caption = _caption(first.description)
        self.chart = first
        box = layout_controls or w.HBox(list(controls.values()))
        super().__init__([box, self.image, self.caption])
        self.add_class("isslearn-widget")
        for control in controls.values():
            control.observe(self._on_change, names="value")

    def _picture(self) -> tuple[Chart, bytes]:
        values = {name: c.value for name, c in self.controls.items()}
        try:
            key = tuple(values.items())
            hash(key)
        except TypeError:  # a control whose value cannot be a key: always draw
            key = None
        remembered = self._pictures.get(key) if key is not None else None
        if remembered is not None:
            self._pictures.move_to_end(key)
            chart, png = remembered
            if self.live is not None:  # one shared figure: bring it to this setting
                chart = self._draw(**values)
            return chart, png
        chart = self._draw(**values)
        png = self.live.png() if self.live is not None else png_bytes(chart.figure, level=1)
        if key is not None and self.remember > 0:
            self._pictures[key] = (chart, png)
            while len(self._pictures) > self.remember:
                self._pictures.popitem(last=False)
        return chart, png

    def forget(self) -> None:
        """Drop the remembered pictures (the next update of any setting draws it afresh)."""
        self._pictures.clear()

    def _on_change(self, _change) -> None:
        self.update()

    def update(self, **values) -> Chart:
        """Set any controls given by name, then redraw; returns the new Chart."""
        with self.hold_trait_notifications():
            for name, value in values.items():
                self.controls[name].unobserve(self._on_change, names="value")
                try:
                    self.controls[name].value = value
                finally:
                    self.controls[name].observe(self._on_change, names="value")
        chart, png = self._picture()
        self.chart = chart
        self.image.value = png
        self.caption.value = _caption_html(chart.description)
        return chart


# ---------------------------------------------------------------- assembly


class StationFrames:
    """Fast pictures of a :class:`~isslearn.plots.StationSchematic` for a slider.

    Drawing the whole figure takes a hundred milliseconds or more (mostly text). Each block
    sits in a fixed place, so three layers are drawn once up front: the unchanging rest of the
    figure, then on top of it every block filled and labelled, then every block as an outline.
    A date's picture is pasted together from the last two, plus a freshly drawn title strip.
    """

    TITLE_ROWS = 30  # pixel rows at the top that hold the title

    def __init__(self, schematic: plots.StationSchematic):
        import numpy as np

        from .chart import rgb_pixels

        self.schematic = schematic
        figure = schematic.figure
        canvas = figure.canvas
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
            artist.draw(renderer)
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
            block.draw(renderer)
        self.empty = rgb_pixels(figure).copy()
        schematic.title.set_text(title)
        self._strips: dict[str, np.ndarray] = {}  # title -> its drawn pixels (one per date)
        strip_inches = self.TITLE_ROWS / figure.dpi
        self.strip = plots.new_figure((figure.get_figwidth(), strip_inches))
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

    def png(self, date) -> tuple[bytes, str]:
        """The PNG of the station on ``date`` and its description sentence."""
        import numpy as np

        _, there, title, sentence = self.schematic.station_state(date)
        frame = self.empty.copy()
        for attached, (rows, cols) in zip(there, self.regions, strict=True):
            if attached:
                frame[rows, cols] = self.full[rows, cols]
        strip = self._strips.get(title)
        if strip is None:
            self.strip_text.set_text(title)
            self.strip.canvas.draw()
            strip = np.asarray(self.strip.canvas.buffer_rgba())[: self.TITLE_ROWS, :, :3].copy()
            self._strips[title] = strip
        frame[: strip.shape[0]] = strip
        return png_from_rgb(frame), sentence


class AssemblyExplorer(w.VBox):
    """A date slider over the days the station changed, the station drawn on that day, and
    its module count, mass and volume in words.

    ``update(date)`` moves the slider to the last change on or before ``date`` and redraws;
    it pastes pictures from layers drawn once (on the first move), so it is quick enough to
    follow a dragged slider.
    """

    def __init__(self, start=None, end=None):
        first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
        modules = load_modules()
        dates = summaries.change_dates(modules)
        dates = [d for d in dates if (first is None or d >= first) and (last is None or d <= last)]
        if not dates:
            raise ValueError(
                "no module arrived or left between start and end; widen the range, e.g. "
                "assembly_explorer(start='1998-11-20', end='2011-07-21')"
            )
        self.dates = dates
        self.schematic = plots.StationSchematic(modules)
        self.slider = w.SelectionSlider(
            options=[(f"{d:%Y-%m-%d}", d) for d in dates],
            value=dates[0],
            description="Date (UTC)",
            continuous_update=True,
            layout=_WIDE,
            style=_LABEL_STYLE,
        )
        # The first picture is one plain drawing; the frames a slider needs are made when it
        # first moves, so a lesson that only shows the explorer does not wait for them.
        self.frames: StationFrames | None = None
        self.description = self.schematic.show(dates[0])
        png = png_bytes(self.schematic.figure, level=1)
        self.image = _image(png)
        self.summary = _caption(self.description)
        self.slider.observe(self._on_change, names="value")
        super().__init__([self.slider, self.image, self.summary])
        self.add_class("isslearn-widget")

    def forget(self) -> None:
        """Drop the remembered title strips (the next date's title is drawn afresh)."""
        if self.frames is not None:
            self.frames.forget()

    def _on_change(self, change) -> None:
        self._redraw(change["new"])

    def _redraw(self, day: pd.Timestamp) -> None:
        if self.frames is None:
            self.frames = StationFrames(self.schematic)
        png, self.description = self.frames.png(day)
        self.image.value = png
        self.summary.value = _caption_html(self.description)

    def update(self, date) -> str:
        """Show the station on ``date`` ('YYYY-MM-DD'); returns the description sentence."""
        day = as_day(date)
        earlier = [d for d in self.dates if d <= day]
        target = earlier[-1] if earlier else self.dates[0]
        if self.slider.value == target:
            self._redraw(target)
        else:
            self.slider.value = target  # the observer redraws
        return self.description


def assembly_explorer(start=None, end=None) -> AssemblyExplorer:
    """Slide through the dates when the station changed and watch it grow.

    >>> explorer = assembly_explorer()                 # doctest: +SKIP
    >>> explorer.update("2011-07-21")                  # doctest: +SKIP
    'On 2011-07-21 the station had ...'
    """
    return AssemblyExplorer(start, end)


# ---------------------------------------------------------------- expeditions


def expedition_explorer(number: int | None = None) -> w.VBox:
    """Choose an expedition from a list: its crew, agencies, dates and days aboard.

    >>> widgets.expedition_explorer(1)                 # doctest: +SKIP
    """
    expeditions = load_expeditions()
    numbers = [int(n) for n in expeditions["number"]]
    chosen = numbers[0] if number is None else int(number)
    if chosen not in numbers:
        raise ValueError(f"there is no expedition {number!r}; choose one of {numbers}")
    dropdown = w.Dropdown(
        options=[(f"Expedition {n}", n) for n in numbers],
        value=chosen,
        description="Expedition",
        style=_LABEL_STYLE,
    )
    card = w.HTML(value=plots.expedition_card(chosen).to_html())
    card.add_class("isslearn-figure")

    def show(change) -> None:
        card.value = plots.expedition_card(change["new"]).to_html()

    dropdown.observe(show, names="value")
    box = w.VBox([dropdown, card])
    box.add_class("isslearn-widget")
    box.update = lambda n: setattr(dropdown, "value", int(n))  # redraw without a browser
    return box


# ---------------------------------------------------------------- crew


def crew_timeline() -> ChartExplorer:
    """A range slider of years driving :func:`isslearn.plots.people_aboard`.

    >>> widgets.crew_timeline().update(years=(2000, 2005))   # doctest: +SKIP
    """
    expeditions = load_expeditions()
    first = int(expeditions["start"].min().year)
    last = int(max(expeditions["start"].max(), expeditions["end"].max()).year) + 1
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

    crew = plots.CrewChart()

    def draw(years) -> Chart:
        lo, hi = years
        if hi <= lo:
            hi = lo + 1
        return Chart(crew.figure, crew.show(f"{lo}-01-01", f"{hi}-01-01"))

    return ChartExplorer({"years": years}, draw, live=LiveFigure(crew.figure, crew.changing))


# ---------------------------------------------------------------- cooperation


def contributions_explorer() -> ChartExplorer:
    """Toggle between modules per agency and per builder country.

    >>> widgets.contributions_explorer().update(by="builder_country")   # doctest: +SKIP
    """
    by = w.ToggleButtons(
        options=[("by agency", "agency"), ("by country that built it", "builder_country")],
        value="agency",
        description="Group",
        style=_LABEL_STYLE,
    )
    return ChartExplorer({"by": by}, lambda by: plots.contributions(by))


def cargo_fleet_explorer() -> ChartExplorer:
    """Tick the cargo ships to compare; the timeline shows only those.

    >>> widgets.cargo_fleet_explorer().update(ships=("ATV", "HTV"))   # doctest: +SKIP
    """
    ships = w.SelectMultiple(
        options=list(summaries.CARGO_SHIPS),
        value=tuple(summaries.CARGO_SHIPS),
        description="Ships",
        rows=len(summaries.CARGO_SHIPS),
        style=_LABEL_STYLE,
    )
    fleet = plots.CargoChart()

    def draw(ships) -> Chart:
        return Chart(fleet.figure, fleet.show(list(ships)))

    return ChartExplorer({"ships": ships}, draw, live=LiveFigure(fleet.figure, fleet.changing))


# ---------------------------------------------------------------- events


def event_timeline(
    events: pd.DataFrame | None = None,
    start="1998-01-01",
    end=None,
    categories=None,
    agencies=None,
) -> ChartExplorer:
    """Filter events by date, category and agency; a teacher's own events stand out, and
    the titles of the events shown are listed below as text (escaped).

    >>> from isslearn import load_events
    >>> widgets.event_timeline(load_events("my_events.csv"))   # doctest: +SKIP
    """
    from .catalogue import load_agencies
    from .events import load_events

    events = load_events() if events is None else events
    first = as_day(start, "start") if start is not None else events["date"].min()
    last = as_day(end, "end") if end is not None else events["date"].max()
    if last < first:
        raise ValueError(f"end={last:%Y-%m-%d} is before start={first:%Y-%m-%d}")
    lo_year, hi_year = int(events["date"].min().year), int(events["date"].max().year)
    lo_year, hi_year = min(lo_year, first.year), max(hi_year, last.year)
    years = w.IntRangeSlider(
        value=(first.year, last.year),
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
    agency_choice = w.SelectMultiple(
        options=["(any, or none)", *codes],
        value=("(any, or none)",) if agencies is None else tuple(agencies),
        description="Agencies",
        rows=5,
        style=_LABEL_STYLE,
    )
    titles = w.HTML()

    def draw(years, categories, agencies) -> Chart:
        lo, hi = years
        chosen = None if "(any, or none)" in agencies else list(agencies)
        start_day, end_day = pd.Timestamp(f"{lo}-01-01"), pd.Timestamp(f"{hi}-12-31")
        description = line.show(start_day, end_day, list(categories), chosen)
        titles.value = _event_list_html(line.shown)
        return Chart(line.figure, description)

    line = plots.TimelineChart(events)
    controls = {"years": years, "categories": category_choice, "agencies": agency_choice}
    layout = w.VBox([years, w.HBox([category_choice, agency_choice])])
    live = LiveFigure(line.figure, line.changing)
    explorer = ChartExplorer(controls, draw, layout_controls=layout, live=live)
    explorer.titles = titles
    explorer.children = (*explorer.children, titles)
    return explorer


def _event_list_html(shown: pd.DataFrame, limit: int = 12) -> str:
    """The newest events shown (a teacher's first), as an escaped HTML list."""
    import numpy as np

    if shown.empty:
        return "<p>No events match.</p>"
    own = (
        (shown["origin"] != "built-in").to_numpy()
        if "origin" in shown.columns
        else shown["date"].isna().to_numpy()
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
