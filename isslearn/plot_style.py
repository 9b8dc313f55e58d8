"""What every lesson figure shares: agency colours, titles, fixed date ticks, legends and the
honest empty state a figure draws when the settings leave it nothing to show."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from .catalogue import load_agencies
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, TITLE_SIZE, Chart, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = [
    "GHOST_COLOR",
    "INK",
    "MAX_DATE_TICKS",
    "NO_MATCH",
    "agency_colors",
    "agency_legend",
    "date_axis_label",
    "date_ticks",
    "empty_chart",
    "empty_note",
    "fix_date_ticks",
    "num2date",
    "style_axes",
    "text_color_on",
    "title",
]

GHOST_COLOR = "#BBBBBB"  # outlines of modules not attached on the date shown; "no agency"
INK = "#333333"  # lines that stand for no agency (crew counts, mass): not an agency's colour
NO_MATCH = "No events match these settings"


def agency_colors() -> dict[str, str]:
    """Agency code -> plot colour, from agencies.csv."""
    agencies = load_agencies()
    return dict(zip(agencies["code"], agencies["color"], strict=True))


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (a '#RRGGBB' colour)."""
    r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.4 else "white"


def title(figure: Figure, text: str) -> Text:
    """The figure's title, left-aligned and large enough to read from the back of a room."""
    return figure.suptitle(text, fontsize=TITLE_SIZE, x=0.02, ha="left")


def style_axes(ax: Axes) -> None:
    """Projector-sized tick labels and no box on the top and right."""
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def agency_legend(
    target: Axes | Figure,
    agencies: Iterable[str],
    heading: str,
    extra: Iterable[tuple[str, str]] = (),
    hatched: str | None = None,
    **placement: Any,
) -> None:
    """A legend naming the colour of each agency in ``agencies`` (in agencies.csv order),
    then any ``extra`` (label, colour) pairs and a ``hatched`` entry, under ``heading``
    (what the colour means)."""
    from matplotlib.patches import Patch

    colors = agency_colors()
    wanted = {a for a in agencies if isinstance(a, str) and a}
    handles = [Patch(facecolor=colors[a], label=a) for a in colors if a in wanted]
    handles += [Patch(facecolor=GHOST_COLOR, label=a) for a in sorted(wanted - set(colors))]
    handles += [Patch(facecolor=color, label=label) for label, color in extra]
    if hatched:
        handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="///", label=hatched))
    settings = {"fontsize": SMALL_SIZE, "title_fontsize": SMALL_SIZE, "frameon": False}
    target.legend(handles=handles, title=heading, **(settings | placement))


def empty_note(ax: Axes, message: str = NO_MATCH) -> Text:
    """A large note in the middle of ``ax`` saying why it is empty (hidden until needed)."""
    return ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=LABEL_SIZE + 2,
        color="#555555",
        visible=False,
        parse_math=False,
    )


def empty_chart(heading: str, sentence: str, message: str = NO_MATCH) -> Chart:
    """A figure with ``heading`` and nothing but ``message`` in it, and ``sentence`` as its
    description: what a figure shows when the settings match nothing, instead of an error."""
    figure = new_figure()
    title(figure, heading)
    ax = figure.add_axes((0.05, 0.1, 0.9, 0.7))
    ax.set_axis_off()
    empty_note(ax, message).set_visible(True)
    return Chart(figure, sentence)


MAX_DATE_TICKS = 7  # a light axis: 3 to 6 dates, readable from the back of a room, and quick
# to redraw (each label is laid out and drawn afresh on every picture of a live explorer)


def date_ticks(x0: pd.Timestamp, x1: pd.Timestamp) -> tuple[list[float], list[str]]:
    """The ticks and labels matplotlib's automatic date axis gives ``x0``..``x1`` with at most
    :data:`MAX_DATE_TICKS` ticks, worked out once so that a redrawn figure can keep them fixed
    instead of locating them on each draw."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=MAX_DATE_TICKS)
    formatter = mdates.AutoDateFormatter(locator)
    locator.create_dummy_axis()
    formatter.create_dummy_axis()
    lo, hi = mdates.date2num(x0), mdates.date2num(x1)
    for axis in (locator.axis, formatter.axis):
        assert axis is not None  # made just above
        axis.set_view_interval(lo, hi)
    ticks = list(locator())
    return ticks, formatter.format_ticks(ticks)


def fix_date_ticks(ax: Axes, x0: pd.Timestamp, x1: pd.Timestamp) -> None:
    """Limit ``ax`` to ``x0``..``x1`` with fixed date ticks (see :func:`date_ticks`)."""
    ticks, labels = date_ticks(pd.Timestamp(x0), pd.Timestamp(x1))
    ax.set_xticks(ticks, labels)
    # matplotlib's stubs say float, but a date axis takes Timestamps (its units converter).
    ax.set_xlim(x0, x1)  # type: ignore[arg-type]  # after the ticks: setting ticks widens the limits to hold them all


def date_axis_label(ax: Axes, text: str = "date (UTC)") -> Text:
    """The date axis's label as a figure text under ``ax``: it never moves, so a live
    explorer keeps it in the background it draws once instead of redrawing it every time."""
    box = ax.get_position()
    return ax.figure.text(
        (box.x0 + box.x1) / 2, box.y0 - 0.095, text, ha="center", va="top", fontsize=LABEL_SIZE
    )


def num2date(value: float) -> pd.Timestamp:
    """A matplotlib date number as a naive Timestamp."""
    import matplotlib.dates as mdates

    return pd.Timestamp(mdates.num2date(value)).tz_localize(None)
