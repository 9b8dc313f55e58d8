"""Where each piece sits on a date, worked out from attachments.csv by walking the tree of ports.

Nothing here is placed by hand: Zarya is put at the origin, and every piece attached on that
day is put against its parent's port, one after the other outwards, using the direction of
the port and the size of each piece (:data:`SIZES`). Coordinates are metres in the station's
frame: x forward (the way it flies), y starboard, z zenith (away from Earth). The drawing
(:mod:`isslearn.plots.station_map`) projects them onto the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import language
from ..catalogue.attachments import DIRECTIONS, ROOT, load_attachments
from ..language import gettext as _

__all__ = [
    "ARRAY_SEGMENTS",
    "SIZES",
    "VECTORS",
    "WING_LENGTH",
    "WING_WIDTH",
    "Placement",
    "StationLayout",
    "Unplaced",
]

VECTORS: dict[str, tuple[int, int, int]] = {
    "forward": (1, 0, 0),
    "aft": (-1, 0, 0),
    "starboard": (0, 1, 0),
    "port": (0, -1, 0),
    "zenith": (0, 0, 1),
    "nadir": (0, 0, -1),
}
_NAMES = {v: k for k, v in VECTORS.items()}

#: Each piece's shape and size in metres: (shape, length along its axis, diameter or width),
#: rounded from the agencies' fact sheets. A truss segment's axis runs port to starboard; every
#: other piece's runs away from its parent. The drawing enlarges every piece but the truss and
#: its wings by :data:`MODULE_SCALE`, as the agencies' charts do, so the rooms can be read.
SIZES: dict[str, tuple[str, float, float]] = {
    "zarya": ("module", 12.6, 4.1),
    "unity": ("node", 5.5, 4.6),
    "pma-1": ("adapter", 1.9, 2.0),
    "pma-2": ("adapter", 1.9, 2.0),
    "pma-3": ("adapter", 1.9, 2.0),
    "zvezda": ("module", 13.1, 4.2),
    "z1-truss": ("truss", 4.6, 4.2),
    "p6-truss": ("truss", 14.0, 4.6),
    "destiny": ("module", 8.5, 4.3),
    "canadarm2": ("arm", 17.6, 0.4),
    "quest": ("module", 5.5, 4.0),
    "pirs": ("module", 4.9, 2.6),
    "s0-truss": ("truss", 13.4, 4.6),
    "mobile-base-system": ("arm", 5.7, 4.5),
    "s1-truss": ("truss", 15.0, 4.6),
    "p1-truss": ("truss", 15.0, 4.6),
    "p3-p4-truss": ("truss", 13.7, 4.6),
    "p5-truss": ("truss", 3.4, 4.6),
    "s3-s4-truss": ("truss", 13.7, 4.6),
    "s5-truss": ("truss", 3.4, 4.6),
    "harmony": ("node", 7.2, 4.4),
    "columbus": ("module", 6.9, 4.5),
    "kibo-elm-ps": ("module", 4.2, 4.4),
    "dextre": ("arm", 3.5, 2.0),
    "kibo-pm": ("module", 11.2, 4.4),
    "s6-truss": ("truss", 14.0, 4.6),
    "kibo-ef": ("platform", 5.0, 5.6),
    "poisk": ("module", 4.0, 2.6),
    "elc-1": ("pallet", 4.9, 4.3),
    "elc-2": ("pallet", 4.9, 4.3),
    "tranquility": ("node", 6.7, 4.5),
    "cupola": ("dome", 1.5, 3.0),
    "rassvet": ("module", 6.0, 2.4),
    "leonardo-pmm": ("module", 6.6, 4.6),
    "elc-3": ("pallet", 4.9, 4.3),
    "ams-02": ("pallet", 3.0, 4.0),
    "beam": ("module", 4.0, 3.2),
    "ida-2": ("adapter", 1.1, 1.6),
    "ida-3": ("adapter", 1.1, 1.6),
    "bartolomeo": ("pallet", 2.0, 3.0),
    "bishop": ("module", 2.0, 2.1),
    "nauka": ("module", 13.1, 4.3),
    "era": ("arm", 11.3, 0.4),
    "prichal": ("sphere", 4.9, 3.3),
    "irosa-2021": ("irosa", 19.0, 6.0),
    "irosa-2022": ("irosa", 19.0, 6.0),
    "irosa-2023": ("irosa", 19.0, 6.0),
    "esp-1": ("pallet", 2.5, 2.0),
    "esp-2": ("pallet", 3.0, 2.5),
    "esp-3": ("pallet", 3.0, 2.5),
    "elc-4": ("pallet", 4.9, 4.3),
    "mobile-transporter": ("arm", 2.7, 2.7),
    "nauka-airlock": ("pallet", 1.5, 1.2),
    "nauka-radiator": ("pallet", 2.0, 1.5),
}
_DEFAULT_SIZE = ("module", 4.0, 3.0)
#: Truss segments that carry a pair of big solar wings (35 m long, 11.6 m wide, one each way).
_MODULE_SCALE = 1.7
ARRAY_SEGMENTS = ("p6-truss", "p3-p4-truss", "s3-s4-truss", "s6-truss")
WING_LENGTH, WING_WIDTH = 35.0, 11.6


def _size(piece: str) -> tuple[str, float, float]:
    """A piece's shape and drawn size: real for the truss, enlarged for the rest."""
    shape, length, width = SIZES.get(piece, _DEFAULT_SIZE)
    if shape in ("truss", "irosa"):
        return shape, length, width
    return shape, round(length * _MODULE_SCALE, 2), round(width * _MODULE_SCALE, 2)


def _opposite(direction: str) -> str:
    x, y, z = VECTORS[direction]
    return _NAMES[(-x, -y, -z)]


def _cross(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _turn(face: str, toward: str) -> dict[str, str]:
    """The smallest turn taking direction ``face`` onto ``toward``, as a map of direction names."""
    a, b = VECTORS[face], VECTORS[toward]
    if a == b:
        return {d: d for d in DIRECTIONS}
    axis = _cross(a, b)
    turn: dict[str, str] = {}
    if axis == (0, 0, 0):  # opposite: half a turn about zenith (about forward for zenith/nadir)
        n = (0, 0, 1) if a[2] == 0 else (1, 0, 0)
        for d, v in VECTORS.items():
            dot = n[0] * v[0] + n[1] * v[1] + n[2] * v[2]
            turn[d] = _NAMES[(2 * dot * n[0] - v[0], 2 * dot * n[1] - v[1], 2 * dot * n[2] - v[2])]
        return turn
    for d, v in VECTORS.items():  # a quarter turn about ``axis``: v -> axis x v (+ parallel part)
        dot = axis[0] * v[0] + axis[1] * v[1] + axis[2] * v[2]
        c = _cross(axis, v)
        turn[d] = _NAMES[(axis[0] * dot + c[0], axis[1] * dot + c[1], axis[2] * dot + c[2])]
    return turn


@dataclass(frozen=True)
class Placement:
    """One piece drawn on one day: its row in the table, centre (m), and the station
    direction its axis runs along (``axis``) and points to from its parent (``outward``)."""

    piece: str
    row: int
    shape: str
    length: float
    width: float
    centre: tuple[float, float, float]
    axis: str
    outward: str
    parent: str
    port: str
    site: str
    visit: str
    frame: tuple[tuple[str, str], ...] = field(default=())

    def key(self) -> tuple:
        """What makes two days' drawings of this piece the same picture."""
        return (self.piece, self.row, self.centre, self.axis, self.outward)


@dataclass(frozen=True)
class Unplaced:
    """A piece that belongs to the station on a day but is not drawn: where it was is not
    known, or it was being moved between two ports."""

    piece: str
    why: str


def _half(shape: str, length: float, width: float, axis: str, direction: str) -> float:
    """Half the size of a piece along a station direction."""
    if shape == "sphere":
        return width / 2
    return (
        length / 2
        if VECTORS[axis] in (VECTORS[direction], VECTORS[_opposite(direction)])
        else width / 2
    )


class StationLayout:
    """Every day's placements, from one read of the attachments table.

    >>> layout = StationLayout()
    >>> [p.piece for p in layout.on("1998-12-31")[0]]
    ['zarya', 'pma-1', 'unity', 'pma-2']
    """

    def __init__(
        self, attachments: pd.DataFrame | None = None, names: dict[str, str] | None = None
    ):
        self.rows = (load_attachments() if attachments is None else attachments).reset_index(
            drop=True
        )
        self.names = names or {}
        far = pd.Timestamp("2262-01-01")
        self._start = self.rows["from_date"].to_numpy(dtype="datetime64[ns]")
        self._sure = self.rows["from_latest"].to_numpy(dtype="datetime64[ns]")
        self._stop = self.rows["to_date"].fillna(far).to_numpy(dtype="datetime64[ns]")
        self._stop_sure = self.rows["to_earliest"].fillna(far).to_numpy(dtype="datetime64[ns]")
        self._days: dict[pd.Timestamp, tuple[list[Placement], list[Unplaced]]] = {}
        self._records = self.rows.to_dict("records")  # plain dicts: quick to read row by row
        self._stays: dict[str, np.ndarray] = {
            str(piece): idx.to_numpy() for piece, idx in self.rows.groupby("piece").groups.items()
        }
        self._only_stays = {
            piece: all(self._records[i]["visit"] == "" for i in idx)
            for piece, idx in self._stays.items()
        }

    def change_dates(self) -> list[pd.Timestamp]:
        """Every day the layout changed: a piece arrived, moved or left (exact dates, and the
        first and last day of each range in which a date is not known)."""
        days = pd.concat(
            [self.rows[c] for c in ("from_date", "from_latest", "to_earliest", "to_date")]
        )
        return sorted(pd.Timestamp(d) for d in days.dropna().unique())

    def on(self, date: pd.Timestamp | str) -> tuple[list[Placement], list[Unplaced]]:
        """The pieces drawn on ``date`` (parents before children) and those that are not."""
        day = pd.Timestamp(date)
        known = self._days.get(day)
        if known is None:
            known = self._days[day] = self._walk(day)
        return list(known[0]), list(known[1])

    def _walk(self, day: pd.Timestamp) -> tuple[list[Placement], list[Unplaced]]:
        when = np.datetime64(day, "ns")
        sure = (self._sure <= when) & (when < self._stop_sure)
        maybe = ((self._start <= when) & (when < self._stop)) & ~sure
        records = self._records
        children: dict[str, list[int]] = {}
        root = None
        for i in np.flatnonzero(sure):
            parent = records[i]["parent"]
            if not parent:
                root = int(i)
            else:
                children.setdefault(parent, []).append(int(i))
        placed: list[Placement] = []
        if root is not None:
            shape, length, width = _size(ROOT)
            identity = tuple((d, d) for d in DIRECTIONS)
            first = Placement(
                ROOT,
                root,
                shape,
                length,
                width,
                (0.0, 0.0, 0.0),
                "forward",
                "forward",
                "",
                "",
                "",
                "",
                identity,
            )
            placed.append(first)
            queue = [first]
            while queue:
                parent = queue.pop(0)
                beside = 0  # pieces already put on this parent's outside
                for row in children.get(parent.piece, []):
                    child = self._place(parent, row, beside)
                    beside += child.port not in DIRECTIONS
                    placed.append(child)
                    queue.append(child)
        drawn = {p.piece for p in placed}
        unplaced: list[Unplaced] = []
        for i in np.flatnonzero(maybe):
            piece = records[i]["piece"]
            if piece not in drawn and piece not in {u.piece for u in unplaced}:
                unplaced.append(Unplaced(piece, self._unknown(piece, int(i))))
        hanging = {records[i]["piece"] for i in np.flatnonzero(sure)} - drawn
        for piece in sorted(hanging):  # its parent is not drawn that day
            unplaced.append(
                Unplaced(
                    piece,
                    _("it hangs on {parent}, whose place that day is not known").format(
                        parent=self._name(self._parent_of(piece, sure))
                    ),
                )
            )
        moving = self._in_transit(when, sure | maybe)
        unplaced += [Unplaced(p, why) for p, why in moving if p not in drawn]
        return placed, unplaced

    def _name(self, piece: str) -> str:
        return self.names.get(piece, piece)

    def _parent_of(self, piece: str, mask: np.ndarray) -> str:
        return next(str(self._records[i]["parent"]) for i in self._stays[piece] if mask[i])

    def _unknown(self, piece: str, i: int) -> str:
        row = self._records[i]
        if row["from_date"] != row["from_latest"]:
            return _(
                "it reached {parent} between {first} and {last}; no source we found gives the day"
            ).format(
                parent=self._name(row["parent"]),
                first=language.day(row["from_date"]),
                last=language.day(row["from_latest"]),
            )
        return _(
            "it left {parent} between {first} and {last}; no source we found gives the day"
        ).format(
            parent=self._name(row["parent"]),
            first=language.day(row["to_earliest"]),
            last=language.day(row["to_date"]),
        )

    def _in_transit(self, when: np.datetime64, here: np.ndarray) -> list[tuple[str, str]]:
        """Pieces between two stays that day (held by a robotic arm while being moved)."""
        moving = []
        for piece, idx in self._stays.items():
            if len(idx) < 2 or here[idx].any():
                continue
            before = self._stop[idx] <= when
            after = self._start[idx] > when
            if before.any() and after.any() and self._only_stays[piece]:
                moving.append(
                    (
                        str(piece),
                        _("it was unbolted and held by the robotic arms, between two places"),
                    )
                )
        return moving

    def _place(self, parent: Placement, i: int, beside: int = 0) -> Placement:
        row = self._records[i]
        piece, port, by = row["piece"], row["port"], row["by"]
        shape, length, width = _size(piece)
        frame = dict(parent.frame)
        base = (row["port"], row["site"], row["visit"])
        if port not in DIRECTIONS:  # outside, mobile or unknown: drawn beside the parent
            centre = self._beside(parent, row["site"], beside)
            return Placement(
                piece,
                i,
                shape,
                length,
                width,
                centre,
                parent.axis,
                parent.outward,
                parent.piece,
                *base,
                tuple(frame.items()),
            )
        toward = frame[port]  # the port's direction in the station's frame
        own = by or _opposite(port)
        turn = _turn(own, _opposite(port))
        child_frame = {d: frame[turn[d]] for d in DIRECTIONS}
        axis = child_frame["starboard"] if shape == "truss" else toward
        gap = _half(parent.shape, parent.length, parent.width, parent.axis, toward)
        gap += _half(shape, length, width, axis, toward)
        step = VECTORS[toward]
        centre = (
            round(parent.centre[0] + step[0] * gap, 3),
            round(parent.centre[1] + step[1] * gap, 3),
            round(parent.centre[2] + step[2] * gap, 3),
        )
        return Placement(
            piece,
            i,
            shape,
            length,
            width,
            centre,
            axis,
            toward,
            parent.piece,
            *base,
            tuple(child_frame.items()),
        )

    def _beside(self, parent: Placement, site: str, slot: int) -> tuple[float, float, float]:
        """A spot on the parent's outside for a pallet or arm: the side its ``site`` names,
        and, when the site says nothing of inboard or outboard, moved along the parent by its
        ``slot`` (0, 1, 2... among the pieces on that parent's outside) so none hides another."""
        words = site.lower()
        side = "zenith" if "upper" in words else "nadir" if "lower" in words else None
        for name in ("port", "starboard", "forward", "aft"):
            if f"{name} side" in words:
                side = name
        if side is None:
            side = "port" if parent.axis in ("zenith", "nadir") else "zenith"
        step = VECTORS[side]
        reach = _half(parent.shape, parent.length, parent.width, parent.axis, side) + 1.5
        centre = [parent.centre[k] + step[k] * reach for k in range(3)]
        along = VECTORS[parent.axis]
        shift = 0.0
        if "inboard" in words or "outboard" in words:
            outward = 1 if parent.centre[1] >= 0 else -1
            shift = parent.length / 4 * (outward if "outboard" in words else -outward)
        elif slot:
            shift = 3.5 * ((slot + 1) // 2) * (1 if slot % 2 else -1)
        centre = [centre[k] + along[k] * shift for k in range(3)]
        return (round(centre[0], 3), round(centre[1], 3), round(centre[2], 3))
