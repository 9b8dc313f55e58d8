"""Single values: the catalogue's fixed words, dates, choices, ids and ``;`` lists.

Everything that checks one value lives here, so a date or an agency is read the same way
wherever it comes from: a teacher's CSV file, a lesson setting, a figure's argument, a widget or
the command line. Each check says what is wrong and how to write it instead.

>>> as_day("2000-11-2")
Timestamp('2000-11-02 00:00:00')
>>> as_day("2015", "end", year="end")
Timestamp('2015-12-31 00:00:00')
>>> split_list("NASA; ESA;")
['NASA', 'ESA']
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .errors import SettingsError

__all__ = [
    "AGENCY_COLUMNS",
    "AGENCY_KINDS",
    "CATEGORIES",
    "DATE_HINT",
    "DEFAULT_CATEGORY",
    "DEFAULT_STATUS",
    "ERA_COLUMNS",
    "EVENT_COLUMNS",
    "EVENT_REQUIRED",
    "EXPEDITION_COLUMNS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MODULE_COLUMNS",
    "MODULE_KINDS",
    "SEGMENTS",
    "STATUSES",
    "STAY_COLUMNS",
    "DateLike",
    "as_day",
    "as_optional_day",
    "closest",
    "is_slug",
    "match_choice",
    "parse_date",
    "slugify",
    "split_list",
    "unknown_choice_hint",
]

# ---------------------------------------------------------------- the catalogue's fixed words

CATEGORIES: tuple[str, ...] = (
    "assembly",
    "crew",
    "cooperation",
    "vehicle",
    "science",
    "spacewalk",
    "record",
    "incident",
    "milestone",
)
DEFAULT_CATEGORY = "milestone"

STATUSES: tuple[str, ...] = ("happened", "planned")
DEFAULT_STATUS = "happened"

MODULE_KINDS: tuple[str, ...] = (
    "pressurized",
    "truss",
    "robotics",
    "solar_array",
    "adapter",
    "external",
)

AGENCY_KINDS: tuple[str, ...] = ("partner", "commercial", "other")

SEGMENTS: tuple[str, ...] = ("Russian", "US")  # the two halves the station is run as

EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "title",
    "summary",
    "category",
    "agencies",
    "countries",
    "status",
    "source",
    "note",
)
EVENT_REQUIRED: tuple[str, ...] = ("date", "title")

MODULE_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "agency",
    "builder_country",
    "built_by",
    "segment",
    "launch_date",
    "attach_date",
    "detach_date",
    "launch_vehicle",
    "flight",
    "mass_kg",
    "pressurized_volume_m3",
    "role",
    "source",
    "note",
)

EXPEDITION_COLUMNS: tuple[str, ...] = ("number", "start", "end", "crew", "source", "note")

STAY_COLUMNS: tuple[str, ...] = (
    "person",
    "agency",
    "arrival",
    "departure",
    "vehicle_up",
    "vehicle_down",
    "source",
    "note",
)

AGENCY_COLUMNS: tuple[str, ...] = ("code", "name", "kind", "countries", "color")

ERA_COLUMNS: tuple[str, ...] = ("era", "starts_with", "description")

# ---------------------------------------------------------------- dates

# ASCII digits only and the whole string: ``\d`` and ``$`` would let full-width digits and a
# trailing newline through.
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_YEAR = re.compile(r"[0-9]{4}", re.ASCII)

DATE_HINT = "write it as YYYY-MM-DD, e.g. 2000-11-02"
# Generous for a station history, and inside what pandas' timestamps can hold.
FIRST_YEAR, LAST_YEAR = 1900, 2100

DateLike = str | int | dt.date | pd.Timestamp | np.datetime64
"""What a date argument may be: ``'2011-07-21'``, a ``datetime.date`` or ``datetime``, a
Timestamp, or (where a range makes sense, ``year="start"``/``"end"``) a bare year ``2015``."""


def parse_date(value: str) -> tuple[dt.date | None, str]:
    """Return ``(date, "")`` or ``(None, why it is not a date)``. Accepts 2000-11-2 as well.

    >>> parse_date("2008-13-40")
    (None, "'2008-13-40' is not a real date (there is no month 13)")
    """
    if not value:
        return None, "the date is blank"
    m = _DATE.fullmatch(value)
    if not m:
        return None, f"{value!r} is not a date in the form YYYY-MM-DD"
    year, month, day = (int(g) for g in m.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None, f"'{value}' is outside the years {FIRST_YEAR} to {LAST_YEAR}"
    if not 1 <= month <= 12:
        return None, f"'{value}' is not a real date (there is no month {month})"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return None, (
            f"'{value}' is not a real date ({calendar.month_name[month]} {year} has {last} days)"
        )
    return dt.date(year, month, day), ""


def _example(argument: str, year: str | None) -> str:
    """How to write ``argument`` correctly, as a Python keyword or a command-line option."""
    if argument.startswith("-"):
        return f"{argument} 2000-11-02" + (f" or {argument} 2000" if year else "")
    return f"{argument}='2000-11-02'" + (f" or {argument}=2000" if year else "")


def as_day(
    value: DateLike, argument: str = "date", *, year: Literal["start", "end"] | None = None
) -> pd.Timestamp:
    """A midnight Timestamp from ``'2011-07-21'``, a ``datetime.date``/``datetime`` or Timestamp.

    This is the one reader of dates given to isslearn (lesson settings, figures, widgets, the
    command line). With ``year="start"`` or ``year="end"`` a bare year (``2015`` or ``'2015'``)
    means 1 January or 31 December of that year. Anything else raises
    :class:`~isslearn.errors.SettingsError` naming ``argument`` and the accepted form:

    >>> as_day("July 2011")
    Traceback (most recent call last):
    ...
    isslearn.errors.SettingsError: date='July 2011': 'July 2011' is not a date in the form \
YYYY-MM-DD; write it as YYYY-MM-DD, e.g. date='2000-11-02'
    """
    example = _example(argument, year)
    shown = argument if argument.startswith("-") else f"{argument}="
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, dt.date) and pd.isna(value):  # NaT is a datetime
        raise SettingsError(f"{argument} is missing; write it as YYYY-MM-DD, e.g. {example}")
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None).normalize() if value.tzinfo else value.normalize()
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.replace(tzinfo=None)).normalize()
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, int) and not isinstance(value, bool) and year is not None:
        value = str(value)
    if isinstance(value, str):
        if year is not None and _YEAR.fullmatch(value):
            number = int(value)
            if FIRST_YEAR <= number <= LAST_YEAR:
                return (
                    pd.Timestamp(number, 1, 1) if year == "start" else pd.Timestamp(number, 12, 31)
                )
            raise SettingsError(
                f"{shown}{value}: the year is outside {FIRST_YEAR} to {LAST_YEAR}; e.g. {example}"
            )
        parsed, why = parse_date(value)
        if parsed is not None:
            return pd.Timestamp(parsed)
        form = "YYYY-MM-DD or a year YYYY" if year else "YYYY-MM-DD"
        raise SettingsError(f"{shown}{value!r}: {why}; write it as {form}, e.g. {example}")
    raise SettingsError(
        f"{shown}{value!r} is not a date; write it as a string 'YYYY-MM-DD', e.g. {example}"
    )


def as_optional_day(
    value: DateLike | None, argument: str, *, year: Literal["start", "end"] | None = None
) -> pd.Timestamp | None:
    """Like :func:`as_day`, but ``None`` stays ``None`` (meaning 'no limit')."""
    return None if value is None else as_day(value, argument, year=year)


# ---------------------------------------------------------------- choices and "did you mean"


def match_choice(value: str, allowed: Sequence[str]) -> str | None:
    """The allowed spelling of ``value``, ignoring case and spaces; None if not allowed.

    >>> match_choice("roscosmos", ("NASA", "Roscosmos"))
    'Roscosmos'
    """
    folded = {a.casefold().replace(" ", ""): a for a in allowed}
    return folded.get(value.casefold().replace(" ", ""))


def closest(value: str, options: Sequence[str], cutoff: float = 0.5) -> str | None:
    """The option most like ``value`` (ignoring case), if any is reasonably close."""
    folded = {o.casefold(): o for o in options}
    found = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=cutoff)
    return folded[found[0]] if found else None


def unknown_choice_hint(value: str, allowed: Sequence[str]) -> str:
    """'allowed: a, b, c; did you mean b?' — the fix, shown where the mistake is.

    >>> unknown_choice_hint("scince", ("crew", "science"))
    "allowed: crew, science; did you mean 'science'?"
    """
    hint = "allowed: " + ", ".join(allowed)
    suggestion = closest(value, allowed)
    return hint + (f"; did you mean '{suggestion}'?" if suggestion else "")


# ---------------------------------------------------------------- lists and ids

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)


def split_list(value: str) -> list[str]:
    """Split a ';'-separated field, dropping blanks: 'NASA; ESA;' -> ['NASA', 'ESA']."""
    return [part.strip() for part in value.split(";") if part.strip()]


def is_slug(value: str) -> bool:
    """Is ``value`` a valid id: lower-case ASCII letters and digits joined by single dashes?"""
    return bool(_SLUG.fullmatch(value))


def slugify(text: str, max_len: int = 60) -> str:
    """A readable id from a title.

    >>> slugify("Kibo's PM arrives!")
    'kibo-s-pm-arrives'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].rstrip("-") or "event"
