"""A figure together with the sentence that says what it shows.

Every lesson figure is a :class:`Chart`: the picture for people who can see it, and a
one-sentence ``description`` computed from the same data for everyone else (screen readers,
paper copies, the test that checks the numbers). In a notebook it shows as a PNG followed by
the description as a caption, so the lesson reads the same on GitHub, nbviewer and paper.
"""

from __future__ import annotations

import html
import io
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .fastpng import opaque_rgb, png_from_rgb, png_from_rgba

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from collections.abc import Callable, Hashable, Iterable

    from matplotlib.artist import Artist
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

__all__ = [
    "LABEL_SIZE",
    "SMALL_SIZE",
    "TICK_SIZE",
    "TITLE_SIZE",
    "Chart",
    "LiveFigure",
    "agg_canvas",
    "new_figure",
    "png_bytes",
    "rgb_pixels",
]

# Sized for a projector: wide enough for a timeline, text readable from the back of a room.
_FIGSIZE = (9.0, 4.5)
_DPI = 100
TITLE_SIZE = 14
LABEL_SIZE = 12
TICK_SIZE = 11
SMALL_SIZE = 10


def new_figure(figsize: tuple[float, float] = _FIGSIZE) -> Figure:
    """A fresh Figure with its own Agg canvas: no pyplot, no global state, nothing auto-shown."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=figsize, dpi=_DPI, layout=None)
    FigureCanvasAgg(figure)
    return figure


def agg_canvas(figure: Figure) -> FigureCanvasAgg:
    """The figure's Agg canvas (every figure from :func:`new_figure` has one)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        raise TypeError(f"expected a figure drawn on an Agg canvas, got {type(canvas).__name__}")
    return canvas


def png_bytes(figure: Figure, level: int = 6) -> bytes:
    """The figure as PNG bytes, identical from run to run (no timestamp or version stamped in).

    Drawn on the figure's own Agg canvas and encoded by :mod:`isslearn.plots.fastpng`: the same
    pixels as ``savefig`` at a fraction of the time (Pillow tries every row filter).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else None
    if canvas is None or figure.dpi != _DPI:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
        return buffer.getvalue()
    canvas.draw()
    return png_from_rgb(rgb_pixels(figure), level)


def rgb_pixels(figure: Figure) -> np.ndarray:
    """The pixels of the figure as last drawn on its Agg canvas, as an (h, w, 3) array view
    (checked to be fully opaque, so dropping the alpha changes nothing)."""
    return opaque_rgb(np.asarray(agg_canvas(figure).buffer_rgba()))


class LiveFigure:
    """One figure redrawn in place for a widget, by blitting as matplotlib's own blitting
    guide does it: the parts that do not change are drawn once and kept as pixels
    (``copy_from_bbox``); each picture restores them (``restore_region``) and draws only the
    changing artists on top (``Figure.draw_artist``), in z-order as their Axes would.

    ``changing()`` returns the artists that may change; they are hidden while the background
    is drawn. Some parts change only now and then (the rows of a chart when a different set of
    categories is chosen): ``background_key()`` names the state of those parts, and a new key
    draws (and keeps) a new background. A picture is the same, pixel for pixel, as a full
    draw of the figure.
    """

    KEEP = 8  # backgrounds kept, by key

    def __init__(
        self,
        figure: Figure,
        changing: Callable[[], Iterable[Artist]],
        background_key: Callable[[], Hashable] | None = None,
    ) -> None:
        self.figure = figure
        self.changing = changing
        self.background_key = background_key or (lambda: None)
        self._backgrounds: dict[Hashable, object] = {}

    def _draw_background(self) -> object:
        artists = list(self.changing())
        shown = [a.get_visible() for a in artists]
        for artist in artists:
            artist.set_visible(False)
        canvas = agg_canvas(self.figure)
        try:
            canvas.draw()
        finally:
            for artist, visible in zip(artists, shown, strict=True):
                artist.set_visible(visible)
        return canvas.copy_from_bbox(self.figure.bbox)

    def png(self, level: int = 1) -> bytes:
        """PNG bytes of the figure as it is now, drawn on top of the kept background."""
        key = self.background_key()
        background = self._backgrounds.get(key)
        if background is None:
            if len(self._backgrounds) >= self.KEEP:
                self._backgrounds.pop(next(iter(self._backgrounds)))
            background = self._backgrounds[key] = self._draw_background()
        canvas = agg_canvas(self.figure)
        canvas.restore_region(background)
        for artist in sorted(self.changing(), key=lambda a: a.get_zorder()):
            self.figure.draw_artist(artist)
        canvas.blit(self.figure.bbox)
        return png_from_rgba(np.asarray(canvas.buffer_rgba()), level)


@dataclass(frozen=True)
class Chart:
    """A lesson figure and its one-sentence description.

    >>> from isslearn import plots
    >>> chart = plots.station("1998-12-31")
    >>> chart.description.startswith("On 1998-12-31 the station had")
    True
    """

    figure: Figure
    description: str

    def png(self) -> bytes:
        """The figure as PNG bytes (deterministic)."""
        return png_bytes(self.figure)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the figure as a PNG file, e.g. for a handout."""
        with open(path, "wb") as out:
            out.write(self.png())

    def caption_markdown(self) -> str:
        """The description as an italic Markdown caption, with any markup shown as text."""
        return "*" + html.escape(self.description) + "*"

    def _ipython_display_(self) -> None:
        from IPython.display import Image, display

        display(Image(data=self.png(), format="png", alt=self.description))
        # The caption's plain-text form is the sentence itself, so consoles, nbval and
        # screen readers get the words rather than an object's repr.
        caption = {"text/markdown": self.caption_markdown(), "text/plain": self.description}
        display(caption, raw=True)

    def __repr__(self) -> str:
        return f"Chart({self.description!r})"
