"""The small tables behind each lesson figure, kept apart from the drawing so they can be tested
and shown to learners as plain pandas.

Every function takes DataFrames from :mod:`isslearn.catalogue.tables` and returns a new one;
inputs are never changed.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..errors import SettingsError
from ..language import N_
from ..language import gettext as _
from .station import crew_count

__all__ = [
    "CARGO_SHIPS",
    "LANE_LABELS",
    "SCHEMATIC_LANES",
    "abbreviate_module_name",
    "cargo_events",
    "cargo_spans",
    "change_dates",
    "contributions",
    "crew_steps",
    "select_event_rows",
    "select_events",
    "station_layout",
    "vehicle_family",
]

# The lanes of the station schematic (plots.station), top to bottom.
SCHEMATIC_LANES: tuple[str, ...] = (
    "Russian segment",
    "US and partner modules",
    "Truss and solar arrays",
    "Arms, adapters, platforms",
)
# Shown through gettext by the figures (marked for the catalogues with N_).
LANE_LABELS: dict[str, str] = {
    "Russian segment": N_("Russian\nsegment"),
    "US and partner modules": N_("US and partner\nmodules"),
    "Truss and solar arrays": N_("Truss and\nsolar arrays"),
    "Arms, adapters, platforms": N_("Arms, adapters,\nplatforms"),
}

_ABBREVIATIONS = {
    "Alpha Magnetic Spectrometer": "AMS-02",
    "Pressurized Mating Adapter": "PMA",
    "International Docking Adapter": "IDA",
    "ExPRESS Logistics Carrier": "ELC",
    "Permanent Multipurpose Module": "PMM",
    "Experiment Logistics Module": "ELM",
    "Pressurized Module": "PM",
    "Exposed Facility": "EF",
}


def abbreviate_module_name(name: str) -> str:
    """A label that fits inside a block: 'Unity (Node 1)' -> 'Unity', 'Pressurized Mating
    Adapter 2' -> 'PMA 2'."""
    short = re.split(r"\s*[(,]", name, maxsplit=1)[0]
    for long, abbreviation in _ABBREVIATIONS.items():
        short = short.replace(long, abbreviation)
    return short.replace(" and solar arrays", "").strip()


def _block_label(name: str, width: int = 10) -> str:
    """The short name wrapped onto at most two lines (an ellipsis if it is longer)."""
    lines = textwrap.wrap(abbreviate_module_name(name), width, break_long_words=False) or [""]
    lines = [line if len(line) <= width + 1 else line[:width] + "…" for line in lines]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: width - 1] + "…"]
    return "\n".join(lines)


def _lane_of(module: pd.Series) -> str:
    """Which lane of the schematic a module belongs to (by segment and kind)."""
    if module.get("segment", "") == "Russian" or module["builder_country"] == "Russia":
        return SCHEMATIC_LANES[0]
    if module["kind"] in ("truss", "solar_array"):
        return SCHEMATIC_LANES[2]
    if module["kind"] == "pressurized":
        return SCHEMATIC_LANES[1]
    return SCHEMATIC_LANES[3]


def station_layout(modules: pd.DataFrame) -> pd.DataFrame:
    """Where each module sits in the schematic: its lane and slot (arrival order).

    Positions come from the whole catalogue, so a module keeps its place on every date.
    """
    layout = modules[["id", "name", "agency", "kind", "attach_date", "detach_date"]].copy()
    layout["lane_name"] = [_lane_of(row) for _, row in modules.iterrows()]
    layout["lane"] = layout["lane_name"].map(SCHEMATIC_LANES.index).astype(int)
    layout = layout.sort_values(["attach_date", "id"], kind="stable")
    layout["slot"] = layout.groupby("lane").cumcount()
    layout["label"] = layout["name"].map(_block_label)
    return layout.reset_index(drop=True)


def change_dates(modules: pd.DataFrame) -> list[pd.Timestamp]:
    """Every date on which a module arrived or left, in order."""
    dates = pd.concat([modules["attach_date"], modules["detach_date"]]).dropna()
    return sorted(pd.Timestamp(d) for d in dates.unique())


def crew_steps(stays: pd.DataFrame) -> pd.DataFrame:
    """Long-duration crew aboard, as steps: one row per date the count changed, ``crew`` from
    that date on (arrivals and departures from ``stays``)."""
    changes = sorted({*stays["arrival"], *stays["departure"].dropna()})
    if not changes:
        return pd.DataFrame({"date": pd.to_datetime([]), "crew": pd.Series([], dtype=int)})
    counts = crew_count(changes, stays)
    steps = pd.DataFrame({"date": pd.to_datetime(changes), "crew": counts.to_numpy(dtype=int)})
    keep = steps["crew"].ne(steps["crew"].shift())
    return steps[keep].reset_index(drop=True)


_CONTRIBUTION_GROUPS = ("agency", "built_by", "builder_country")


def contributions(modules: pd.DataFrame, by: str = "agency") -> pd.DataFrame:
    """Modules and launch mass per owner (``by='agency'``), per partner that built them
    (``by='built_by'``) or per country where they were built (``by='builder_country'``),
    largest mass first; ``mass_t`` in tonnes."""
    if by not in _CONTRIBUTION_GROUPS:
        raise SettingsError(
            _(
                "by={by} is not allowed; use by='agency' (owner), by='built_by' (builder) "
                "or by='builder_country'"
            ).format(by=repr(by))
        )
    grouped = modules.groupby(by, sort=False, observed=True).agg(
        modules=("id", "count"),
        mass_kg=("mass_kg", lambda s: int(s.fillna(0).sum())),
        mass_unknown=("mass_kg", lambda s: int(s.isna().sum())),
    )
    grouped["mass_t"] = (grouped["mass_kg"] / 1000).round(1)
    return grouped.sort_values(["mass_kg", "modules"], ascending=False).reset_index()


def vehicle_family(vehicle: str) -> str:
    """'Space Shuttle Endeavour' -> 'Space Shuttle', 'Proton-K' -> 'Proton'."""
    if vehicle.startswith("Space Shuttle"):
        return "Space Shuttle"
    return vehicle.split("-", 1)[0] or vehicle


# Cargo ships, the agency that flies each, and words that name it in an event's id or title.
CARGO_SHIPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Progress": ("Roscosmos", ("progress",)),
    "ATV": ("ESA", ("atv", "automated transfer vehicle")),
    "HTV": ("JAXA", ("htv", "h-ii transfer vehicle", "kounotori")),
    "Dragon": ("SpaceX", ("dragon",)),
    "Cygnus": ("Northrop", ("cygnus",)),
}


def _cargo_ship_of(event_id: str, title: str) -> str | None:
    """The cargo ship an event is about, or None (crew ships are not cargo ships)."""
    text = f"{event_id} {title}".lower()
    if "crew dragon" in text or "crew-dragon" in text:
        return None
    words = re.findall(r"[a-z0-9-]+", text)
    for ship, (_kind, keys) in CARGO_SHIPS.items():
        for key in keys:
            if " " in key:
                if key in text:
                    return ship
            elif any(w == key or w.startswith(key) for w in words):
                return ship
    return None


def cargo_events(events: pd.DataFrame) -> pd.DataFrame:
    """Vehicle events about cargo ships, with ``ship`` and the ``agency`` that flies it."""
    vehicle = events[events["category"] == "vehicle"]
    ships = [_cargo_ship_of(i, t) for i, t in zip(vehicle["id"], vehicle["title"], strict=True)]
    result = vehicle.assign(ship=ships).dropna(subset=["ship"])
    result["agency"] = result["ship"].map(lambda s: CARGO_SHIPS[s][0])
    return result.reset_index(drop=True)


def cargo_spans(events: pd.DataFrame) -> pd.DataFrame:
    """For each cargo ship: first and last event dates and the number of events."""
    cargo = cargo_events(events)
    spans = cargo.groupby("ship", sort=False).agg(
        first=("date", "min"), last=("date", "max"), events=("id", "count")
    )
    spans["agency"] = [CARGO_SHIPS[s][0] for s in spans.index]
    order = [s for s in CARGO_SHIPS if s in spans.index]
    return spans.loc[order].reset_index()


def select_events(
    events: pd.DataFrame,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    categories: Iterable[str] | None = None,
    agencies: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The events between ``start`` and ``end`` (inclusive), in any of ``categories`` and
    involving any of ``agencies``; ``None`` means no limit."""
    keep = select_event_rows(events, start, end, categories, agencies)
    return events.loc[keep].reset_index(drop=True)


def select_event_rows(
    events: pd.DataFrame,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    categories: Iterable[str] | None = None,
    agencies: Iterable[str] | None = None,
) -> np.ndarray:
    """Which rows :func:`select_events` keeps, as a boolean array (one entry per event)."""
    keep = np.ones(len(events), dtype=bool)
    if start is not None:
        keep &= (events["date"] >= start).to_numpy()
    if end is not None:
        keep &= (events["date"] <= end).to_numpy()
    if categories is not None:
        keep &= events["category"].astype(str).isin(list(categories)).to_numpy()
    if agencies is not None:
        wanted = set(agencies)
        keep &= np.array([bool(wanted.intersection(a)) for a in events["agencies"]], dtype=bool)
    return keep
