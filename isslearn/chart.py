"""A figure together with the sentence that says what it shows.

Every lesson figure is a :class:`Chart`: the picture for people who can see it, and a
one-sentence ``description`` computed from the same data for everyone else (screen readers,
paper copies, the test that checks the numbers). In a notebook it shows as a PNG followed by
the description as a caption, so the lesson reads the same on GitHub, nbviewer and paper.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib is imported only when a figure is drawn
    from matplotlib.figure import Figure

# Sized for a projector: wide enough for a timeline, text readable from the back of a room.
FIGSIZE = (9.0, 4.5)
DPI = 100
TITLE_SIZE = 14
LABEL_SIZE = 12
TICK_SIZE = 11
SMALL_SIZE = 10


def new_figure(figsize: tuple[float, float] = FIGSIZE) -> Figure:
    """A fresh Figure with its own Agg canvas: no pyplot, no global state, nothing auto-shown."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=figsize, dpi=DPI, layout=None)
    FigureCanvasAgg(figure)
    return figure


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG bytes, identical from run to run (no timestamp or version stamped in)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


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

    def save(self, path) -> None:
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
