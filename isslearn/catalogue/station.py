"""What the station was like on a given date, worked out from the modules and expeditions tables.

Everything here is derived from the catalogue, never typed in, so a corrected date in
``modules.csv`` or ``expeditions.csv`` corrects every lesson at once.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..reading.values import DateLike, as_day, as_days
from .given import given_table

__all__ = ["crew_count", "habitation", "station_on", "station_totals"]


def _as_dates(dates: Iterable[DateLike]) -> np.ndarray:
    return as_days(dates).to_numpy(dtype="datetime64[ns]")


def _attached_mask(dates: Iterable[DateLike], modules: pd.DataFrame) -> np.ndarray:
    """Boolean matrix [date, module]: was the module part of the station on that date?"""
    when = _as_dates(dates)[:, None]
    attach = modules["attach_date"].to_numpy(dtype="datetime64[ns]")[None, :]
    detach = modules["detach_date"].to_numpy(dtype="datetime64[ns]")[None, :]
    still_there = np.isnat(detach) | (detach > when)
    return (attach <= when) & still_there


def station_on(date: DateLike, modules: pd.DataFrame | None = None) -> pd.DataFrame:
    """The modules and elements attached on ``date`` (UTC), in the order they arrived.

    >>> station_on("1998-12-31")["id"].tolist()
    ['zarya', 'pma-1', 'pma-2', 'unity']

    ``date`` is read by :func:`~isslearn.reading.values.as_day`, as every date argument is; a
    date it cannot read is refused with the form to use (``station_on("July 2011")`` raises
    :class:`~isslearn.errors.SettingsError`).
    """
    modules = given_table(modules, "modules")
    mask = _attached_mask([as_day(date)], modules)[0]
    return modules.loc[mask].reset_index(drop=True)


def station_totals(dates: Iterable[DateLike], modules: pd.DataFrame | None = None) -> pd.DataFrame:
    """Module count, mass (kg) and pressurized volume (m³) of the station on each date."""
    modules = given_table(modules, "modules")
    mask = _attached_mask(dates, modules)
    mass = modules["mass_kg"].fillna(0).to_numpy(dtype=float)
    volume = modules["pressurized_volume_m3"].fillna(0).to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "modules_attached": pd.array(mask.sum(axis=1), dtype="Int64"),
            "station_mass_kg": pd.array(np.rint(mask @ mass).astype(int), dtype="Int64"),
            "pressurized_volume_m3": pd.array(np.round(mask @ volume, 1), dtype="Float64"),
        }
    )


def _crew_runs(expeditions: pd.DataFrame) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Spans of unbroken habitation: consecutive expeditions whose ends and starts meet.

    The last span is open (its end is NaT) while the current expedition goes on.
    """
    runs: list[list[pd.Timestamp]] = []
    for start, end in zip(expeditions["start"], expeditions["end"], strict=False):
        if runs and not pd.isna(runs[-1][1]) and start <= runs[-1][1]:
            runs[-1][1] = end
        else:
            runs.append([start, end])
    return [(s, e) for s, e in runs]


def habitation(dates: Iterable[DateLike], expeditions: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each date: was a resident crew aboard, and for how many days without a break?"""
    expeditions = given_table(expeditions, "expeditions")
    when = _as_dates(dates)
    aboard = np.zeros(len(when), dtype=bool)
    days = np.zeros(len(when), dtype=np.int64)
    for start, end in _crew_runs(expeditions):
        start64 = np.datetime64(start, "ns")
        inside = when >= start64
        if not pd.isna(end):
            inside &= when < np.datetime64(end, "ns")
        aboard |= inside
        days[inside] = (when[inside] - start64) // np.timedelta64(1, "D")
    return pd.DataFrame(
        {
            "resident_crew_aboard": pd.array(aboard, dtype="boolean"),
            "days_continuously_crewed": pd.array(days, dtype="Int64"),
        }
    )


def crew_count(dates: Iterable[DateLike], stays: pd.DataFrame | None = None) -> pd.Series:
    """Long-duration crew members aboard on each date: arrived on or before it, not yet left.

    Someone who undocks on a date no longer counts that day, so a handover day shows the
    crew that stays, plus any new arrivals.
    """
    stays = given_table(stays, "stays")
    when = _as_dates(dates)[:, None]
    arrival = stays["arrival"].to_numpy(dtype="datetime64[ns]")[None, :]
    departure = stays["departure"].to_numpy(dtype="datetime64[ns]")[None, :]
    aboard = (arrival <= when) & (np.isnat(departure) | (departure > when))
    return pd.Series(aboard.sum(axis=1), dtype="Int64", name="people_aboard")
