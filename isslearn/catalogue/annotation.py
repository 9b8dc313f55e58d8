"""Add derived, documented columns to an events table: era, age, crew aboard, station size.

The module is called ``annotation`` so that ``isslearn.annotate`` is only ever the function.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import SettingsError
from ..reading.values import as_days
from .station import crew_count, habitation, station_totals
from .tables import load_eras, load_expeditions, load_modules

__all__ = ["ANNOTATION_COLUMNS", "BEFORE_LAUNCH", "annotate"]

BEFORE_LAUNCH = "Before launch"

ANNOTATION_COLUMNS: dict[str, str] = {
    "era": "phase of the station's life on that date (from eras.csv); 'Before launch' before Zarya",
    "station_age_days": "days since the first module (Zarya) was launched; empty before that",
    "station_age_years": "the same in years (365.25 days), to two decimals",
    "resident_crew_aboard": "whether a long-duration expedition crew was living aboard",
    "days_continuously_crewed": (
        "days of unbroken habitation up to that date (0 when nobody lived there)"
    ),
    "people_aboard": "long-duration crew members aboard that day (from stays.csv)",
    "modules_attached": "modules and major elements attached to the station on that date",
    "station_mass_kg": "their launch masses added up, in kilograms",
    "pressurized_volume_m3": "their pressurized volumes added up, in cubic metres",
}


def annotate(events: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``events`` with the columns in :data:`ANNOTATION_COLUMNS` added.

    The input is never changed. Crew columns are empty for planned events, whose crew is
    not known yet.

    >>> from isslearn import load_events
    >>> first = annotate(load_events()).set_index("id").loc["expedition-1-boards"]
    >>> bool(first.resident_crew_aboard), int(first.days_continuously_crewed)
    (True, 0)
    """
    if "date" not in events.columns:
        raise SettingsError(
            "annotate() needs a 'date' column; the table has: " + ", ".join(events.columns)
        )
    result = events.copy()
    dates = as_days(result["date"])
    modules = load_modules()

    eras = load_eras().sort_values("start")
    position = np.searchsorted(eras["start"].to_numpy(), dates.to_numpy(), side="right") - 1
    names = np.array([BEFORE_LAUNCH, *eras["era"]], dtype=object)
    result["era"] = pd.Categorical(names[position + 1], categories=list(names))

    first_launch = modules["launch_date"].min()
    age = (dates - first_launch).dt.days
    age = age.where(age >= 0)
    result["station_age_days"] = pd.array(age, dtype="Int64")
    result["station_age_years"] = pd.array((age / 365.25).round(2), dtype="Float64")

    crew = habitation(dates, load_expeditions())
    crew["people_aboard"] = crew_count(dates).array
    if "status" in result.columns:
        planned = (result["status"] == "planned").to_numpy()
        crew.loc[planned, :] = pd.NA
    totals = station_totals(dates, modules)
    for frame in (crew, totals):
        for col in frame.columns:
            result[col] = frame[col].to_numpy()
            result[col] = result[col].astype(frame[col].dtype)
    return result
