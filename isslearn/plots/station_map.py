"""The station as it really was on a date: a plan in the style of the agencies' configuration
charts, laid out from attachments.csv (:mod:`isslearn.plots.station_layout`).

Seen from above with the front of the station at the top: port to the left, starboard to the
right. What points away from Earth (zenith) is drawn up and to the right, what points towards
Earth (nadir) down and to the left, behind. Pieces are coloured, and hatched for black and white,
by the partner that built them (``built_by``); the piece that arrived or moved on the day shown
is marked. Roughly to scale.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import language
from ..catalogue.events import current_to
from ..catalogue.given import given_table
from ..catalogue.translations import translated_rows
from ..language import N_
from ..language import gettext as _
from ..reading.values import DateLike, as_day
from .chart import SMALL_SIZE, TITLE_SIZE, Chart, new_figure
from .station_layout import (
    ARRAY_SEGMENTS,
    VECTORS,
    WING_LENGTH,
    WING_WIDTH,
    Placement,
    StationLayout,
    Unplaced,
)
from .style import GHOST_COLOR, INK, OTHER_AGENCY, agency_color, agency_colors

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

__all__ = [
    "HATCHES",
    "SHORT_NAMES",
    "StationMap",
    "page",
    "station_map",
    "wings",
]

#: How the drawing names each piece (short enough to fit on it).
SHORT_NAMES: dict[str, str] = {
    "zarya": "Zarya",
    "unity": "Unity",
    "pma-1": "PMA-1",
    "pma-2": "PMA-2",
    "pma-3": "PMA-3",
    "zvezda": "Zvezda",
    "z1-truss": "Z1",
    "p6-truss": "P6",
    "destiny": "Destiny",
    "canadarm2": "Canadarm2",
    "quest": "Quest",
    "pirs": "Pirs",
    "s0-truss": "S0",
    "mobile-base-system": N_("Mobile Base System"),
    "s1-truss": "S1",
    "p1-truss": "P1",
    "p3-p4-truss": "P3/P4",
    "p5-truss": "P5",
    "s3-s4-truss": "S3/S4",
    "s5-truss": "S5",
    "harmony": "Harmony",
    "columbus": "Columbus",
    "kibo-elm-ps": "Kibo ELM-PS",
    "dextre": "Dextre",
    "kibo-pm": "Kibo",
    "s6-truss": "S6",
    "kibo-ef": "Kibo EF",
    "poisk": "Poisk",
    "elc-1": "ELC-1",
    "elc-2": "ELC-2",
    "tranquility": "Tranquility",
    "cupola": "Cupola",
    "rassvet": "Rassvet",
    "leonardo-pmm": "Leonardo",
    "elc-3": "ELC-3",
    "ams-02": "AMS-02",
    "beam": "BEAM",
    "ida-2": "IDA-2",
    "ida-3": "IDA-3",
    "bartolomeo": "Bartolomeo",
    "bishop": "Bishop",
    "nauka": "Nauka",
    "era": "ERA",
    "prichal": "Prichal",
    "irosa-2021": "iROSA",
    "irosa-2022": "iROSA",
    "irosa-2023": "iROSA",
    "esp-1": "ESP-1",
    "esp-2": "ESP-2",
    "esp-3": "ESP-3",
    "elc-4": "ELC-4",
    "mobile-transporter": N_("Mobile Transporter"),
    "nauka-airlock": N_("Nauka airlock"),
    "nauka-radiator": N_("Nauka radiator"),
}
#: Hatching per builder, so the drawing reads in black and white too.
HATCHES: dict[str, str] = {
    "NASA": "",
    "Roscosmos": "////",
    "ESA": "\\\\\\\\",
    "JAXA": "....",
    "CSA": "xxx",
    "ASI": "++",
    "Bigelow": "oo",
    "Nanoracks": "--",
    "Airbus": "**",
}
_K = 0.45  # how far one metre towards zenith moves up and right on the page
_FIGSIZE = (11.0, 10.6)
_LIMITS = (-62.0, 62.0, -48.0, 66.0)  # page metres: left, right, bottom, top
_NOTE_WIDTH = 150  # characters a line of the note under the drawing holds
_MARK = "#FFD54F"  # the tag on the piece that changed (with a black border: readable in grey)
_WING = "#BFD3E6"
_PORT_WORDS = {"zenith": N_("space-facing (zenith)"), "nadir": N_("Earth-facing (nadir)")}
# The ends and sides of a piece, as the descriptions name them (through gettext).
_TAGS = (N_("new"), N_("moved"))  # the tag on a piece that changed that day
_SIDE_WORDS = (
    N_("forward"), N_("aft"), N_("port"), N_("starboard"), N_("zenith"), N_("nadir"),
)  # fmt: skip


def page(point: tuple[float, float, float]) -> tuple[float, float]:
    """Where a point of the station (x forward, y starboard, z zenith) falls on the page."""
    x, y, z = point
    return (y + _K * z, x + _K * z)


def _step(direction: str) -> tuple[float, float]:
    return page(tuple(float(c) for c in VECTORS[direction]))  # type: ignore[arg-type]


def _footprint(p: Placement) -> np.ndarray:
    """The outline of a piece on the page, as an (n, 2) array of points."""
    cu, cv = page(p.centre)
    if p.shape in ("sphere", "arm", "pallet", "platform") and p.shape != "platform":
        half = p.width / 2 if p.shape == "sphere" else min(p.length, p.width) / 2
        t = (
            np.linspace(0, 2 * np.pi, 28)
            if p.shape == "sphere"
            else np.array([0.25, 0.75, 1.25, 1.75]) * np.pi
        )
        return np.column_stack([cu + half * np.cos(t), cv + half * np.sin(t)])
    ax_u, ax_v = _step(p.axis)
    if p.axis in ("zenith", "nadir"):  # seen end-on: its outline swept along the slant
        r = p.width / 2
        if p.shape == "truss":
            ring = np.array([(-r, -r), (r, -r), (r, r), (-r, r)])
        else:
            t = np.linspace(0, 2 * np.pi, 32)
            ring = np.column_stack([r * np.cos(t), r * np.sin(t)])
        h = p.length / 2
        ends = [(cu - ax_u * h, cv - ax_v * h), (cu + ax_u * h, cv + ax_v * h)]
        return _hull(np.vstack([ring + ends[0], ring + ends[1]]))
    across = (ax_v, -ax_u) if p.axis in ("forward", "aft") else (ax_v, ax_u)
    norm = float(np.hypot(*across)) or 1.0
    across = (across[0] / norm, across[1] / norm)
    h, w = p.length / 2, p.width / 2
    w_out = w * (0.7 if p.shape == "adapter" else 1.0)  # adapters narrow outwards
    sign = 1 if p.outward == p.axis else -1
    a0 = (cu - sign * ax_u * h, cv - sign * ax_v * h)
    a1 = (cu + sign * ax_u * h, cv + sign * ax_v * h)
    return np.array(
        [
            (a0[0] + across[0] * w, a0[1] + across[1] * w),
            (a1[0] + across[0] * w_out, a1[1] + across[1] * w_out),
            (a1[0] - across[0] * w_out, a1[1] - across[1] * w_out),
            (a0[0] - across[0] * w, a0[1] - across[1] * w),
        ]
    )


def _hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (monotone chain) of 2-D points."""
    pts = sorted(map(tuple, np.round(points, 4)))

    def half(seq: list) -> list:
        out: list = []
        for q in seq:
            while (
                len(out) >= 2
                and (
                    (out[-1][0] - out[-2][0]) * (q[1] - out[-2][1])
                    - (out[-1][1] - out[-2][1]) * (q[0] - out[-2][0])
                )
                <= 0
            ):
                out.pop()
            out.append(q)
        return out

    lower, upper = half(pts), half(pts[::-1])
    return np.array(lower[:-1] + upper[:-1])


def wings(p: Placement) -> list[np.ndarray]:
    """The two big solar wings of an array segment: across the truss, one each way
    (stretched port and starboard while P6 stood upright on Z1)."""
    cu, cv = page(p.centre)
    upright = p.axis in ("zenith", "nadir")
    along = "starboard" if upright else "forward"
    du, dv = _step(along)
    su, sv = _step(p.outward if upright else p.axis)
    shift = (
        0.0 if p.axis in ("zenith", "nadir") else (p.length / 4) * (1 if p.centre[1] > 0 else -1)
    )
    top = p.length / 2 - 1.5 if upright else 0.0  # at the top of a segment standing upright
    base = (cu + su * (shift + top), cv + sv * (shift + top))
    out = []
    width = WING_WIDTH / 2
    wu, wv = (su, sv) if p.axis not in ("zenith", "nadir") else _step("forward")
    norm = float(np.hypot(wu, wv)) or 1.0
    wu, wv = wu / norm, wv / norm
    for sign in (1, -1):
        start = (base[0] + sign * du * 2.5, base[1] + sign * dv * 2.5)
        end = (start[0] + sign * du * WING_LENGTH, start[1] + sign * dv * WING_LENGTH)
        out.append(
            np.array(
                [
                    (start[0] - wu * width, start[1] - wv * width),
                    (end[0] - wu * width, end[1] - wv * width),
                    (end[0] + wu * width, end[1] + wv * width),
                    (start[0] + wu * width, start[1] + wv * width),
                ]
            )
        )
    return out


_SITES_FILE = "attachment_sites.csv"  # seeds/<lang>/: each English site's words, keyed by them


def _site(site: str) -> str:
    """Where on its parent a piece sits, in the lesson's language (the English text of
    attachments.csv is the key of seeds/<lang>/attachment_sites.csv; English if none)."""
    return translated_rows(language.current(), _SITES_FILE).get(site, {}).get("translation") or site


@dataclass(frozen=True)
class _Look:
    """How one piece is drawn on one day, beyond where it is: what to mark it with and how
    its name is placed (merged with an adapter on it, moved off a piece on top, stacked)."""

    mark: str = ""
    ghost: bool = False
    name: str = ""
    covered: bool = False
    stack: int = 0
    silent: bool = False


@dataclass
class _DayState:
    """Everything drawn for one day, worked out once."""

    day: pd.Timestamp
    placed: list[Placement]
    unplaced: list[Unplaced]
    changed: dict[int, str]  # row of attachments.csv drawn -> "new" or "moved"
    ghosts: list[Placement]
    title: str
    note: str
    sentence: str
    changes: str = ""


class StationMap:
    """The drawing and the words for any date, from one read of the catalogue.

    :meth:`state` works a day out; :meth:`artists` makes the matplotlib artists of one piece
    (the live explorer renders each once); :meth:`show` draws a whole day on :attr:`figure`.
    """

    def __init__(
        self, modules: pd.DataFrame | None = None, attachments: pd.DataFrame | None = None
    ):
        from matplotlib.patches import Patch

        modules = given_table(modules, "modules")
        attachments = _placeable(given_table(attachments, "attachments"), set(modules["id"]))
        self.builder = dict(zip(modules["id"], modules["built_by"], strict=True))
        self.kind = dict(zip(modules["id"], modules["kind"].astype(str), strict=True))
        self.names = {
            i: _(SHORT_NAMES[i]) if i in SHORT_NAMES else str(n).split(" (")[0]
            for i, n in zip(modules["id"], modules["name"], strict=True)
        }
        self.layout = StationLayout(attachments, self.names)
        self.colors = agency_colors()
        self.figure = new_figure(_FIGSIZE)
        self.axes = self.figure.add_axes((0.01, 0.1, 0.98, 0.78))
        ax = self.axes
        ax.set_xlim(_LIMITS[0], _LIMITS[1])
        ax.set_ylim(_LIMITS[2], _LIMITS[3])
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()
        self._compass(ax)
        builders = [b for b in self.colors if b in set(self.builder.values())]
        handles = [
            Patch(facecolor=agency_color(b), hatch=HATCHES.get(b, ""), edgecolor="white", label=b)
            for b in builders
        ]
        handles.append(Patch(facecolor=_MARK, edgecolor="black", label=_("changed that day")))
        handles.append(
            Patch(facecolor="none", edgecolor=INK, linestyle="--", label=_("left or moved away"))
        )
        self.figure.legend(
            handles=handles,
            title=_("colour and hatching: partner that built it ({other}: sky blue)").format(
                other=_(OTHER_AGENCY)
            ),
            title_fontsize=SMALL_SIZE - 1,
            loc="upper center",
            ncol=len(handles),
            fontsize=SMALL_SIZE - 1,
            frameon=False,
            bbox_to_anchor=(0.5, 0.945),
            columnspacing=0.8,
            handlelength=1.6,
            handletextpad=0.4,
        )
        self.figure.text(
            0.01,
            0.012,
            _(
                "Seen from above, front of the station at the top. Truss and wings to scale; "
                "the other pieces drawn 1.7 times larger.\n"
                "Docked spacecraft and the robotic arms, which move about, are not drawn."
            ),
            fontsize=SMALL_SIZE - 2,
            color="#444444",
            parse_math=False,
        )
        self.title = self.figure.suptitle("", fontsize=TITLE_SIZE, x=0.01, ha="left", y=0.99)
        self.note = self.figure.text(
            0.01, 0.035, "", fontsize=SMALL_SIZE - 1, va="bottom", parse_math=False
        )
        width_in = (
            _FIGSIZE[0]
            * 0.98
            * min(
                1.0,
                (0.78 * _FIGSIZE[1] / (_LIMITS[3] - _LIMITS[2]))
                / (0.98 * _FIGSIZE[0] / (_LIMITS[1] - _LIMITS[0])),
            )
        )
        self._points_per_metre = 72 * width_in / (_LIMITS[1] - _LIMITS[0])
        self._drawn: list[Artist] = []
        self._adapter_child: dict[tuple[str, int], str] = {}
        self._silent: set[str] = set()
        self._covered: set[tuple[str, int]] = set()
        self._stack: dict[tuple[str, int], int] = {}
        self._states: dict[pd.Timestamp, _DayState] = {}
        self.date: pd.Timestamp | None = None
        self.description = ""

    # ------------------------------------------------------------ fixed parts

    def _compass(self, ax: Axes) -> None:
        x0, y0 = _LIMITS[0] + 6, _LIMITS[2] + 6
        for direction, text in (
            ("forward", _("front (forward)")),
            ("starboard", _("starboard")),
            ("zenith", _("away from Earth")),
        ):
            du, dv = _step(direction)
            norm = float(np.hypot(du, dv))
            du, dv = 7 * du / norm, 7 * dv / norm
            ax.annotate(
                "",
                xy=(x0 + du, y0 + dv),
                xytext=(x0, y0),
                arrowprops={"arrowstyle": "-|>", "color": INK, "lw": 1.2},
            )
            ax.text(
                x0 + du * 1.15,
                y0 + dv * 1.15,
                text,
                fontsize=SMALL_SIZE - 2,
                color=INK,
                ha="left" if du > 0.5 else "center",
                va="bottom" if dv > 0 else "center",
                parse_math=False,
            )

    # ------------------------------------------------------------ one day

    def change_dates(self) -> list[pd.Timestamp]:
        """Every day the drawing changes."""
        return self.layout.change_dates()

    def state(self, date: DateLike) -> _DayState:
        """What is drawn on ``date`` (UTC), and the words that go with it."""
        day = as_day(date)
        known = self._states.get(day)
        if known is not None:
            return known
        placed, unplaced = self.layout.on(day)
        before, before_unplaced = self.layout.on(day - pd.Timedelta(days=1))
        changed: dict[int, str] = {}  # row of the table -> "new" or "moved"
        sentences: list = []  # words, or an arrival told once the pieces on it are known
        ghosts: list[Placement] = []
        missing = {u.piece: u.why for u in unplaced}
        arrived_with: dict[str, list[str]] = {}  # a piece that arrived -> pieces that came on it
        before_missing = {u.piece for u in before_unplaced}
        order = (
            [p.piece for p in placed] + [p.piece for p in before] + list(self.layout.rows["piece"])
        )
        for piece in dict.fromkeys(order):  # parents before the pieces that hang on them
            old = {p.row: p for p in before if p.piece == piece}
            new = {p.row: p for p in placed if p.piece == piece}
            came = [new[r] for r in new if r not in old]
            went = [old[r] for r in old if r not in new]
            if came and went:  # the same piece, somewhere else
                for p in came:
                    changed[p.row] = "moved"
                ghosts += went
                sentences.append(
                    _("{name} moved from {before} to {after}.").format(
                        name=self.names[piece],
                        before=self._where(went[0]),
                        after=self._where(came[0]),
                    )
                )
            elif came:
                for p in came:
                    back = piece in before_missing
                    changed[p.row] = "moved" if back else "new"
                    if not back and p.parent in arrived_with:
                        arrived_with[p.parent].append(p.piece)  # told with its parent
                        arrived_with[p.piece] = arrived_with[p.parent]
                        continue
                    arrived_with[p.piece] = []
                    sentences.append((self._arrival, p, back, arrived_with[p.piece]))
            elif went and not new and piece not in missing:
                ghosts += went
                name = self.names[piece]
                sentences.append(
                    _("{name} went home on {visit}.").format(name=name, visit=went[0].visit)
                    if went[0].visit
                    else _("{name} left the station.").format(name=name)
                )
            elif went and piece in missing:
                ghosts += went
                sentences.append(
                    _("From this day the drawing leaves {name} off {place}: {why}.").format(
                        name=self.names[piece], place=self._where(went[0]), why=missing[piece]
                    )
                )
        count = len({p.piece for p in placed if p.port != "mobile"})
        title = _("The ISS on {day}: {count} pieces in place").format(
            day=language.day(day), count=count
        )
        sentences = [
            item if isinstance(item, str) else item[0](item[1], item[2], item[3])
            for item in sentences
        ]
        if not sentences:
            last = [d for d in self.change_dates() if d < day]
            what = (
                _(
                    "Nothing arrived, moved or left on this day; the last change was on {day}:"
                ).format(day=language.day(last[-1]))
                + " "
                + self.state(last[-1]).changes
                if last and placed
                else _("Nothing arrived, moved or left on this day.")
            )
        else:
            what = " ".join(sentences)
        left_out = _("; ").join(
            f"{self.names.get(u.piece, u.piece)}{_(':')} {u.why}" for u in unplaced
        )
        not_drawn = _("Not drawn, place not known that day: {pieces}.")
        note = not_drawn.format(pieces=left_out) if left_out else ""
        note = textwrap.fill(note, _NOTE_WIDTH)  # wrapped here: quicker than matplotlib's wrap
        mobile = sorted(  # by builder, then name: the same words on every run
            (self.builder.get(p.piece, ""), self.names[p.piece])
            for p in placed
            if p.port == "mobile"
        )
        groups = {b: [n for bb, n in mobile if bb == b] for b, _name in mobile}
        arms = (
            " "
            + _("Robotic arms aboard, not drawn:")
            + " "
            + _("; ").join(
                _("{count} by {builder} ({names})").format(
                    count=len(names), builder=b, names=", ".join(names)
                )
                for b, names in groups.items()
            )
            + "."
            if mobile
            else ""
        )
        if not placed:
            sentence = _("On {day} no part of the station was in orbit yet.").format(
                day=language.day(day)
            )
        else:
            drawn = {p.piece for p in placed if p.port != "mobile"}
            counts = Counter(self.builder.get(piece, "unknown") for piece in drawn)
            rank = {b: i for i, b in enumerate(self.colors)}  # ties in agencies.csv's order
            by = sorted(counts.items(), key=lambda bn: (-bn[1], rank.get(bn[0], len(rank)), bn[0]))
            built = ", ".join(_("{count} by {builder}").format(count=n, builder=b) for b, n in by)
            sentence = _(
                "On {day}: {what} The drawing shows {count} pieces (built {built}).{arms}"
            ).format(day=language.day(day), what=what, count=count, built=built, arms=arms)
            untold = [
                f"{self.names.get(u.piece, u.piece)}{_(':')} {u.why}"
                for u in unplaced
                if self.names.get(u.piece, u.piece) not in what
            ]
            if untold:
                sentence += " " + not_drawn.format(pieces=_("; ").join(untold))
        state = _DayState(
            day, placed, unplaced, changed, ghosts, title, note, sentence, " ".join(sentences)
        )
        self._states[day] = state
        return state

    def _where(self, p: Placement) -> str:
        parent = self.names.get(p.parent, p.parent)
        if p.port in ("outside", "mobile"):
            return _("the outside of {parent}").format(parent=parent) + (
                f", {_site(p.site)}" if p.site else ""
            )
        if p.port == "unknown":
            return _("{parent} (which side, no source we found says)").format(parent=parent)
        if self.kind.get(p.parent) in ("truss", "solar_array"):
            return _("the {side} end of {parent}").format(side=_(p.port), parent=parent)
        if p.port in ("port", "starboard"):
            return _("the {side} side of {parent}").format(side=_(p.port), parent=parent)
        port = _PORT_WORDS.get(p.port, p.port)
        return _("{parent}'s {port} port").format(parent=parent, port=_(port))

    def _arrival(self, p: Placement, back: bool = False, riders: list[str] | None = None) -> str:
        name = self.names[p.piece]
        if riders:
            others = [self.names[r] for r in riders]
            listed = (
                others[0]
                if len(others) == 1
                else ", ".join(others[:-1]) + " " + _("and") + " " + others[-1]
            )
            name = _("{name}, with {others},").format(name=name, others=listed)
        if p.shape == "irosa":
            site = _site(p.site)
            where = (
                site
                if self.names[p.parent] in site
                else _("{site} on {parent}").format(site=site, parent=self.names[p.parent])
            )
            return _("A roll-out solar array (iROSA) was fitted {where}.").format(where=where)
        row = self.layout.rows.loc[p.row]
        if row["from_date"] != row["from_latest"]:
            return _(
                "{name} is drawn on {place} from this day: it got there between {first} and "
                "{last}, and no source we found gives the day."
            ).format(
                name=name,
                place=self._where(p),
                first=language.day(row["from_date"]),
                last=language.day(row["from_latest"]),
            )
        if back:
            return _("{name} was put in its new place, {place}.").format(
                name=name, place=self._where(p)
            )
        if p.piece == "zarya":
            return _("Zarya, the first piece, reached orbit.")
        if p.visit:
            return _("{name} visited on {visit}, berthed to {place}.").format(
                name=name, visit=p.visit, place=self._where(p)
            )
        return _("{name} was attached to {place}.").format(name=name, place=self._where(p))

    # ------------------------------------------------------------ drawing

    def looks(self, state: _DayState) -> list[tuple[Placement, _Look]]:
        """Every piece drawn on a day with how it is drawn, in drawing order."""
        self._prepare_labels(state.placed)
        out = [(p, _Look(ghost=True)) for p in state.ghosts]
        for p in sorted(state.placed, key=lambda q: q.centre[2]):
            if p.port == "mobile":
                continue
            key = (p.piece, p.row)
            child = self._adapter_child.get(key)
            name = self.names[p.piece] + (" + " + self.names[child] if child else "")
            name += (_(" (visiting)") if p.visit else "") + ("?" if p.port == "unknown" else "")
            out.append(
                (
                    p,
                    _Look(
                        state.changed.get(p.row, ""),
                        False,
                        name,
                        key in self._covered,
                        self._stack.get(key, 0),
                        p.piece in self._silent,
                    ),
                )
            )
        return out

    def artists(self, p: Placement, look: _Look) -> list[Artist]:
        """The artists of one piece, added to the axes (z-order: Earth side first)."""
        mark, ghost = look.mark or None, look.ghost
        from matplotlib.patches import Polygon

        ax = self.axes
        builder = self.builder.get(p.piece, "")
        color = agency_color(builder) if builder else GHOST_COLOR
        z = 2 + p.centre[2] / 100  # nadir pieces behind, zenith in front
        made: list[Artist] = []
        if ghost:
            outline = Polygon(
                _footprint(p),
                closed=True,
                fill=False,
                edgecolor=INK,
                linestyle="--",
                lw=1.2,
                zorder=z,
            )
            ax.add_artist(outline)
            return [outline]
        if p.shape == "irosa":
            badge = ax.text(
                *self._badge_spot(p, look.stack),
                "iROSA",
                fontsize=6.5,
                ha="center",
                va="center",
                color="black",
                zorder=6,
                parse_math=False,
                bbox={
                    "boxstyle": "round,pad=0.2",
                    "facecolor": "white",
                    "edgecolor": color,
                    "lw": 1,
                },
            )
            made.append(badge)
        elif p.piece in ARRAY_SEGMENTS:
            for corners in wings(p):
                wing = Polygon(
                    corners, closed=True, facecolor=_WING, edgecolor="#6C8EAD", lw=0.8, zorder=1
                )
                ax.add_artist(wing)
                made.append(wing)
        if p.shape != "irosa":
            body = Polygon(
                _footprint(p),
                closed=True,
                facecolor=color,
                edgecolor="white",
                hatch=HATCHES.get(builder, ""),
                lw=0.8,
                zorder=z,
            )
            ax.add_artist(body)
            made.append(body)
            if p.port == "unknown":
                body.set_linestyle("--")
                body.set_edgecolor(INK)
        if mark and p.shape == "irosa":
            bu, bv = self._badge_spot(p, look.stack)
            made.append(self._tag(bu + 3.0, bv, mark))
        elif mark:
            ring = Polygon(
                _footprint(p), closed=True, fill=False, edgecolor="black", lw=2.6, zorder=5.0
            )
            ax.add_artist(ring)
            made.append(ring)
        made += self._label(p, look)
        return made

    def _badge_spot(self, p: Placement, stack: int) -> tuple[float, float]:
        cu, cv = page(p.centre)
        return cu, cv - 3.2 - 2.6 * stack

    def _label(self, p: Placement, look: _Look) -> list[Artist]:
        """The piece's name: on it when it fits, else beside it on a short leader line. Black
        text with a white halo, drawn above every piece, so no piece hides another's name."""
        from matplotlib import patheffects

        if p.shape == "irosa" or look.silent:
            return []
        name, mark = look.name, look.mark or None
        pts = _footprint(p)
        span_u, span_v = float(np.ptp(pts[:, 0])), float(np.ptp(pts[:, 1]))
        cu, cv = page(p.centre)
        if look.covered:  # a piece sits on top of its middle
            au, av = _step(p.axis)
            norm = float(np.hypot(au, av)) or 1.0
            cu, cv = cu + au / norm * p.length / 4, cv + av / norm * p.length / 4
        upright = span_v > span_u * 1.2
        room = (span_v if upright else span_u) * self._points_per_metre
        size = 7.5
        halo = [patheffects.withStroke(linewidth=2.4, foreground="white")]
        fits = (
            len(name) * size * 0.62 < room - 4
            and min(span_u, span_v) * self._points_per_metre > size + 3
        )
        made: list[Artist] = []
        if fits and p.shape not in ("pallet", "arm"):
            made.append(
                self.axes.text(
                    cu,
                    cv,
                    name,
                    rotation=90 if upright else 0,
                    ha="center",
                    va="center",
                    fontsize=size,
                    color="black",
                    zorder=10,
                    path_effects=halo,
                    parse_math=False,
                )
            )
            if mark:
                made.append(self._tag(float(pts[:, 0].max()) + 0.8, cv, mark))  # beside it
            return made
        du, dv = self._leader(p)
        gap = max(span_u, span_v) / 2 + 2.5 + look.stack * 3.2
        tu, tv = cu + du * gap, cv + dv * gap
        ha = "left" if du > 0.3 else "right" if du < -0.3 else "center"
        va = "bottom" if dv > 0.3 else "top" if dv < -0.3 else "center"
        box = (
            {"boxstyle": "round,pad=0.15", "facecolor": _MARK, "edgecolor": "black"}
            if mark
            else None
        )
        text = self.axes.text(
            tu,
            tv,
            name + (f"  {_(mark).upper()}" if mark else ""),
            ha=ha,
            va=va,
            fontsize=size,
            color="black",
            zorder=10,
            parse_math=False,
            bbox=box,
            path_effects=None if mark else halo,
        )
        (line,) = self.axes.plot(
            [cu + du * (gap - 2.3), tu - du * 0.4],
            [cv + dv * (gap - 2.3), tv - dv * 0.4],
            color=INK,
            lw=0.6,
            zorder=10,
        )
        return [line, text]

    def _leader(self, p: Placement) -> tuple[float, float]:
        """Which way a name that does not fit goes: away from the truss for a pallet on it,
        outwards for a piece at the end of a chain, else to the side."""
        if p.shape == "pallet" and self.kind.get(p.parent) in ("truss", "solar_array"):
            return (0.0, 1.0) if "upper" in p.site.lower() else (0.0, -1.0)
        if p.port in VECTORS and p.outward not in ("forward", "aft"):
            du, dv = _step(p.outward)
            norm = float(np.hypot(du, dv)) or 1.0
            return du / norm, dv / norm
        return (1.0, 0.0) if p.centre[1] >= 0 else (-1.0, 0.0)

    def _prepare_labels(self, placed: list[Placement]) -> None:
        """Work out, for one day, which names to merge, shift or stack."""
        by_piece = {p.piece: p for p in placed}
        self._adapter_child = {}
        self._silent = set()
        self._covered = set()
        self._stack = {}
        for p in placed:
            parent = by_piece.get(p.parent)
            if parent is None:
                continue
            if p.shape == "adapter" and parent.shape == "adapter":
                self._adapter_child[(parent.piece, parent.row)] = p.piece
                self._silent.add(p.piece)
            if p.port in ("zenith", "nadir") and parent.axis not in ("zenith", "nadir"):
                self._covered.add((parent.piece, parent.row))
        seen: dict[tuple[str, bool], int] = {}
        for p in sorted(placed, key=lambda q: (q.parent, q.centre[1], q.centre[0])):
            if p.port == "outside":
                key = (
                    p.parent + ("irosa" if p.shape == "irosa" else ""),
                    "upper" in p.site.lower(),
                )
                self._stack[(p.piece, p.row)] = seen.get(key, 0)
                seen[key] = seen.get(key, 0) + 1

    def _tag(self, u: float, v: float, mark: str) -> Artist:
        return self.axes.text(
            u,
            v,
            mark.upper(),
            fontsize=7,
            fontweight="bold",
            ha="left",
            va="center",
            zorder=11,
            parse_math=False,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": _MARK, "edgecolor": "black"},
        )

    def clear(self) -> None:
        """Take the day's pieces, title and note off the figure (the fixed parts stay)."""
        for artist in self._drawn:
            artist.remove()
        self._drawn = []
        self.title.set_text("")
        self.note.set_text("")

    def show(self, date: DateLike) -> str:
        """Draw the station as it was on ``date``; returns the description."""
        self.clear()
        state = self.state(date)
        drawn: list[Artist] = []
        for p, look in self.looks(state):
            drawn += self.artists(p, look)
        self._drawn = drawn
        self.title.set_text(state.title)
        self.note.set_text(state.note)
        self.date, self.description = state.day, state.sentence
        return state.sentence


def _placeable(attachments: pd.DataFrame, pieces: set[str]) -> pd.DataFrame:
    """The rows of ``attachments`` that can be drawn with the modules ``pieces``: a piece among
    them, hung on nothing (Zarya) or on a piece that is itself drawn (a learner may pass a few
    modules; a piece whose parent is left out cannot be placed)."""
    rows = attachments[attachments["piece"].isin(pieces)]
    while True:
        keep = (rows["parent"] == "") | rows["parent"].isin(set(rows["piece"]))
        if keep.all():
            return rows
        rows = rows[keep]


def station_map(date: DateLike | None = None, modules: pd.DataFrame | None = None) -> Chart:
    """The station's real layout on ``date`` (UTC, 'YYYY-MM-DD'; default: the day the
    catalogue is current to), each piece at the port it was on, coloured by who built it.

    >>> chart = station_map("2007-11-13")
    >>> "Harmony" in chart.description or chart.description.startswith("On 2007-11-13")
    True
    """
    drawing = StationMap(modules)
    description = drawing.show(current_to() if date is None else date)
    return Chart(drawing.figure, description)
