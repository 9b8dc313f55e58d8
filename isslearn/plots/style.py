"""What every lesson figure shares: agency colours, titles, fixed date ticks, legends and the
honest empty state a figure draws when the settings leave it nothing to show."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..catalogue.tables import load_agencies
from ..language import N_
from ..language import gettext as _
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
    "OTHER_AGENCY",
    "OTHER_AGENCY_COLOR",
    "VOCABULARY",
    "agency_color",
    "agency_colors",
    "agency_legend",
    "date_axis_label",
    "date_ticks",
    "empty_chart",
    "empty_note",
    "fix_date_ticks",
    "lanes_apart",
    "num2date",
    "partner_colors",
    "style_axes",
    "text_color_on",
    "title",
]

GHOST_COLOR = "#BBBBBB"  # outlines of modules not attached on the date shown; "no agency"
INK = "#333333"  # lines that stand for no agency (crew counts, mass): not an agency's colour
NO_MATCH = N_("No events match these settings")  # through gettext where it is shown
# Only the five partner agencies have colours of their own in a figure; companies and other
# agencies share one, so no figure needs more than eight colours (bars and rows name them).
OTHER_AGENCY = N_("company or other agency")
OTHER_AGENCY_COLOR = "#56B4E9"  # Okabe-Ito sky blue, which no partner uses


# The words of the catalogue's vocabularies a figure shows (category rows, module kinds, event
# statuses), marked here so the catalogues hold them; a figure passes each through gettext.
VOCABULARY = (
    N_("assembly"), N_("crew"), N_("cooperation"), N_("vehicle"), N_("science"),
    N_("spacewalk"), N_("record"), N_("incident"), N_("milestone"),
    N_("happened"), N_("planned"),
)  # fmt: skip


def agency_colors() -> dict[str, str]:
    """Agency code -> plot colour, from agencies.csv."""
    agencies = load_agencies()
    return dict(zip(agencies["code"], agencies["color"], strict=True))


def partner_colors() -> dict[str, str]:
    """The five partner agencies' colours, in agencies.csv order: the only agencies with their
    own colour in a figure."""
    agencies = load_agencies().query("kind == 'partner'")
    return dict(zip(agencies["code"], agencies["color"], strict=True))


def agency_color(code: object) -> str:
    """The colour a figure draws ``code`` in: its own for a partner, the shared
    :data:`OTHER_AGENCY_COLOR` for a company or other agency, grey for none."""
    if not isinstance(code, str) or not code:
        return GHOST_COLOR
    return partner_colors().get(code, OTHER_AGENCY_COLOR)


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (a '#RRGGBB' colour)."""
    r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.4 else "white"


def title(figure: Figure, text: str) -> Text:
    """The figure's title, left-aligned and large enough to read from the back of a room."""
    return figure.suptitle(_(text), fontsize=TITLE_SIZE, x=0.02, ha="left")


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
    """A legend naming the colour of each partner agency in ``agencies`` (in agencies.csv
    order) and, if any other appears, the shared colour of companies and other agencies, then
    any ``extra`` (label, colour) pairs and a ``hatched`` entry, under ``heading`` (what the
    colour means)."""
    from matplotlib.patches import Patch

    partners = partner_colors()
    wanted = {a for a in agencies if isinstance(a, str) and a}
    handles = [Patch(facecolor=partners[a], label=a) for a in partners if a in wanted]
    if wanted - set(partners):
        handles.append(Patch(facecolor=OTHER_AGENCY_COLOR, label=_(OTHER_AGENCY)))
    handles += [Patch(facecolor=color, label=label) for label, color in extra]
    if hatched:
        handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="///", label=hatched))
    settings = {"fontsize": SMALL_SIZE, "title_fontsize": SMALL_SIZE, "frameon": False}
    target.legend(handles=handles, title=_(heading), **(settings | placement))


def empty_note(ax: Axes, message: str = NO_MATCH) -> Text:
    """A large note in the middle of ``ax`` saying why it is empty (hidden until needed)."""
    return ax.text(
        0.5,
        0.5,
        _(message),
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


def date_axis_label(ax: Axes, text: str = N_("date (UTC)")) -> Text:
    """The date axis's label as a figure text under ``ax``: it never moves, so a live
    explorer keeps it in the background it draws once instead of redrawing it every time."""
    box = ax.get_position()
    return ax.figure.text(
        (box.x0 + box.x1) / 2, box.y0 - 0.095, _(text), ha="center", va="top", fontsize=LABEL_SIZE
    )


def num2date(value: float) -> pd.Timestamp:
    """A matplotlib date number as a naive Timestamp."""
    import matplotlib.dates as mdates

    return pd.Timestamp(mdates.num2date(value)).tz_localize(None)


def lanes_apart(dates: list[pd.Timestamp], half_days: list[float]) -> list[int]:
    """A lane for each mark on one row of a time chart, so that no mark overlaps another: a
    mark takes the first lane (0, the row's centre line, then 1, -1, 2, -2, ...) where it keeps
    clear of the last mark placed there. ``half_days`` is each mark's half width in days, so a
    wide mark keeps more room around it than a thin one."""
    order = sorted(range(len(dates)), key=lambda i: dates[i])
    last: dict[int, int] = {}
    lanes = [0] * len(dates)
    for i in order:
        k = 0
        while True:
            free = [
                lane
                for lane in ((0,) if k == 0 else (k, -k))
                if lane not in last
                or (dates[i] - dates[last[lane]]).days >= half_days[i] + half_days[last[lane]]
            ]
            if free:
                break
            k += 1
        last[free[0]] = i
        lanes[i] = free[0]
    return lanes
