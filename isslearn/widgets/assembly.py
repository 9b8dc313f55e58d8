"""The assembly explorer: the station's real layout on each day it changed, drawn fast enough
for a slider."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import numpy as np
import pandas as pd

from .. import language
from ..catalogue.given import given_table
from ..language import N_
from ..language import gettext as _
from ..plots.chart import Chart, agg_canvas, png_bytes, rgb_pixels
from ..plots.fastpng import png_from_rgb
from ..plots.station_map import StationMap
from ..plots.style import NO_MATCH, empty_chart
from ..reading.values import DateLike, as_day, as_optional_day
from .base import LABEL_STYLE, WIDE, Explorer, caption_html, image_widget

if TYPE_CHECKING:
    from matplotlib.artist import Artist

__all__ = ["AssemblyExplorer", "StationFrames", "assembly_explorer"]

#: Layers a day's picture is stacked from, bottom to top, by the artists' z-order (as a full
#: matplotlib drawing orders them): solar wings, pieces (Earth side first), badges, names.
_LAYERS = ((0.0, 2.0), (2.0, 5.0), (5.0, 10.0), (10.0, 99.0))


class _Sprite:
    """Some artists rendered once on a see-through canvas, kept as their RGBA pixels and
    place. Laid over a picture, they give the pixels matplotlib's Agg would draw there, to
    within rounding."""

    __slots__ = ("cols", "order", "rgba", "rows")

    def __init__(self, rgba: np.ndarray, rows: slice, cols: slice, order: float) -> None:
        self.rgba = rgba  # uint8, kept small: a lesson's kernel holds hundreds of these
        self.rows, self.cols, self.order = rows, cols, order

    def paint(self, frame: np.ndarray) -> None:
        """Lay the sprite over ``frame`` (float32 RGB)."""
        alpha = self.rgba[..., 3:4].astype(np.float32) * (1 / 255)
        region = frame[self.rows, self.cols]
        region += (self.rgba[..., :3] - region) * alpha


class StationFrames:
    """Fast pictures of a :class:`~isslearn.plots.station_map.StationMap` for a slider.

    Pieces move between days, so no fixed layer can be pasted; instead each piece, as drawn on
    any of the slider's days, and each day's title and note, are rendered once when the
    explorer is made, and a day's picture is stacked from those sprites over the unchanging
    background in the order a full drawing uses. Each day's PNG is then kept: a thread stacks
    and encodes the slider's days in the background (numpy and zlib only, never matplotlib,
    which is not thread-safe), so by the time a learner reaches for the slider, most steps
    only hand over bytes; a day not ready yet is stacked on the spot.
    """

    def __init__(self, drawing: StationMap, dates: Iterable[pd.Timestamp]) -> None:
        self.drawing = drawing
        figure = drawing.figure
        canvas = agg_canvas(figure)
        drawing.clear()
        canvas.draw()
        self.background = rgb_pixels(figure).copy()
        self.height = self.background.shape[0]
        self._sprites: dict[tuple, list[_Sprite]] = {}
        self._texts: dict[tuple[str, str], list[_Sprite]] = {}
        self._days: dict[pd.Timestamp, list[tuple]] = {}
        for day in dates:
            state = drawing.state(day)
            keys = []
            for p, look in drawing.looks(state):
                key = (p.key(), look)
                if key not in self._sprites:
                    self._sprites[key] = self._render(drawing.artists(p, look))
                keys.append(key)
            self._days[day] = keys
            self._text(state.title, state.note)
        self._pngs: dict[pd.Timestamp, bytes] = {}
        self._worker = threading.Thread(
            target=self._stack_all,
            args=(list(self._days),),
            name="isslearn-assembly-frames",
            daemon=True,
        )
        self._worker.start()

    def _stack_all(self, days: list[pd.Timestamp]) -> None:
        """Stack and encode every day ahead of the slider (runs in the background thread)."""
        for day in days:
            state = self.drawing._states.get(day)
            texts = self._texts.get((state.title, state.note)) if state is not None else None
            if texts is None or day in self._pngs:
                continue
            self._pngs[day] = self._stack(self._days[day], texts)

    def _stack(self, keys: list[tuple], texts: list[_Sprite]) -> bytes:
        frame = self.background.astype(np.float32)
        layers: list[list[_Sprite]] = [[] for _ in _LAYERS]
        for key in keys:
            for sprite in self._sprites[key]:
                layers[_layer(sprite.order)].append(sprite)
        for layer in layers:
            for sprite in sorted(layer, key=lambda s: s.order):  # stable: drawing order on ties
                sprite.paint(frame)
        for sprite in texts:
            sprite.paint(frame)
        np.rint(frame, out=frame)
        return png_from_rgb(frame.astype(np.uint8))

    def _render(self, artists: list[Artist]) -> list[_Sprite]:
        """Render the artists alone, one sprite per layer, then take them off the figure."""
        sprites = []
        for low, high in _LAYERS:
            group = sorted(
                (a for a in artists if low <= a.get_zorder() < high), key=lambda a: a.get_zorder()
            )
            if group:
                sprites.append(self._sprite(group, min(a.get_zorder() for a in group)))
        for artist in artists:
            artist.remove()
        return sprites

    def _sprite(self, group: list[Artist], order: float) -> _Sprite:
        figure = self.drawing.figure
        canvas = agg_canvas(figure)
        renderer = canvas.get_renderer()
        boxes = [a.get_window_extent(renderer) for a in group]
        height, width = self.height, self.background.shape[1]
        x0 = max(int(min(b.x0 for b in boxes)) - 4, 0)
        x1 = min(int(max(b.x1 for b in boxes)) + 5, width)
        y0 = max(int(height - max(b.y1 for b in boxes)) - 4, 0)
        y1 = min(int(height - min(b.y0 for b in boxes)) + 5, height)
        rows, cols = slice(y0, y1), slice(x0, x1)
        buffer = np.asarray(renderer.buffer_rgba())  # writable: only the sprite's box is reset
        buffer[rows, cols] = 0
        for artist in group:
            artist.draw(renderer)
        return _Sprite(buffer[rows, cols].copy(), rows, cols, order)

    def _text(self, title: str, note: str) -> list[_Sprite]:
        known = self._texts.get((title, note))
        if known is None:
            self.drawing.title.set_text(title)
            self.drawing.note.set_text(note)
            known = [
                self._sprite([t], 0.0)
                for t in (self.drawing.title, self.drawing.note)
                if t.get_text()
            ]
            self._texts[(title, note)] = known
        return known

    def forget(self) -> None:
        """Drop the finished pictures: the next visit to each day stacks it afresh (the
        pieces' sprites stay: they are the explorer's speed)."""
        self._worker.join()
        self._pngs.clear()

    def png(self, date: DateLike) -> tuple[bytes, str]:
        """The PNG of the station on ``date`` and its description."""
        day = as_day(date)
        state = self.drawing.state(day)
        keys = self._days.get(day)
        if keys is None:  # a day outside the slider: render what it needs now
            keys = []
            for p, look in self.drawing.looks(state):
                key = (p.key(), look)
                if key not in self._sprites:
                    self._sprites[key] = self._render(self.drawing.artists(p, look))
                keys.append(key)
            self._days[day] = keys
        png = self._pngs.get(day)
        if png is None:
            png = self._pngs[day] = self._stack(keys, self._text(state.title, state.note))
        return png, state.sentence


def _layer(order: float) -> int:
    return next(i for i, (low, high) in enumerate(_LAYERS) if low <= order < high)


class AssemblyExplorer(Explorer[Chart]):
    """A date slider over the days the station changed, the station's layout on that day
    (the piece that changed marked), and what changed in words.

    ``update(date)`` moves the slider to the last change on or before ``date`` and redraws.
    Every piece, as drawn on any of the slider's days, is rendered once when the explorer is
    made, so each step only stacks pictures. When nothing arrived, moved or left between
    ``start`` and ``end``, the explorer says so instead of failing.
    """

    caption: w.HTML  # always given

    def __init__(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        modules: pd.DataFrame | None = None,
        attachments: pd.DataFrame | None = None,
    ) -> None:
        first, last = as_optional_day(start, "start"), as_optional_day(end, "end")
        modules = given_table(modules, "modules")
        attachments = given_table(attachments, "attachments")
        self.drawing = StationMap(modules, attachments)
        dates = [
            d
            for d in self.drawing.change_dates()
            if (first is None or d >= first) and (last is None or d <= last)
        ]
        self.dates = dates
        self.frames: StationFrames | None = None
        if dates:
            options: list[tuple[str, pd.Timestamp | str]] = [(language.day(d), d) for d in dates]
            self._empty: Chart | None = None
            self.description = self.drawing.show(dates[0])
            png = png_bytes(self.drawing.figure, level=1)
            self.frames = StationFrames(self.drawing, dates)
        else:
            if first is not None and last is not None:
                when = _("between {start} and {end}").format(
                    start=language.day(first), end=language.day(last)
                )
            elif first is not None:
                when = _("on or after {day}").format(day=language.day(first))
            elif last is not None:
                when = _("on or before {day}").format(day=language.day(last))
            else:
                when = _("in the table of modules given")
            sentence = _("{no_match}: no module arrived, moved or left {when}.").format(
                no_match=_(NO_MATCH), when=when
            )
            self._empty = empty_chart(
                N_("The station, date by date"),
                sentence,
                N_("No module arrived or left in this range"),
            )
            options = [(_("no change in range"), "none")]
            self.description = sentence
            png = png_bytes(self._empty.figure, level=1)
        self.slider = w.SelectionSlider(
            options=options,
            value=options[0][1],
            description=_("Date (UTC)"),
            continuous_update=True,
            disabled=not dates,
            layout=WIDE,
            style=LABEL_STYLE,
        )
        super().__init__(
            {"date": self.slider}, image_widget(png), w.HTML(caption_html(self.description))
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
        """The station on the date shown, as a static Chart (the same as
        ``plots.station_map``)."""
        if self._empty is not None:
            return self._empty
        self.drawing.show(self.slider.value)
        return Chart(self.drawing.figure, self.description)

    def forget(self) -> None:
        """Drop the remembered titles (the next date's title is drawn afresh)."""
        if self.frames is not None:
            self.frames.forget()

    def _show(self) -> None:
        if self._empty is not None or self.frames is None:
            return
        png, self.description = self.frames.png(self.slider.value)
        self.picture.value = png
        self._set_caption(self.description)

    def update(self, date: DateLike | None = None, **others: Any) -> Chart:
        """Show the station on ``date`` ('YYYY-MM-DD'), or the nearest earlier change."""
        if date is None or not self.dates or others:
            return super().update(**others)  # no date, or a control it does not have
        day = as_day(date)
        earlier = [d for d in self.dates if d <= day]
        return super().update(date=earlier[-1] if earlier else self.dates[0])


def assembly_explorer(
    start: DateLike | None = None,
    end: DateLike | None = None,
    modules: pd.DataFrame | None = None,
    attachments: pd.DataFrame | None = None,
) -> AssemblyExplorer:
    """Slide through the days the station changed and watch it take shape: each piece at
    the port it was on, the piece that arrived or moved that day marked.

    Static twin for any date: :func:`isslearn.plots.station_map`.

    >>> from isslearn import plots
    >>> explorer = assembly_explorer()
    >>> shown = explorer.update("2011-07-21")  # the last change on or before that day
    >>> shown.description == plots.station_map(explorer.controls["date"].value).description
    True
    """
    return AssemblyExplorer(start, end, modules, attachments)
