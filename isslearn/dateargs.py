"""Read a date given to a plot or widget, and say how to write it when it is wrong."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .fields import parse_date


def as_day(value: str | dt.date | pd.Timestamp, argument: str = "date") -> pd.Timestamp:
    """A midnight Timestamp from ``'2011-07-21'``, a ``datetime.date`` or a Timestamp.

    >>> as_day("2000-11-2")
    Timestamp('2000-11-02 00:00:00')

    Anything else raises ValueError naming the accepted form, e.g. for ``"21/07/2011"``:
    ``date='21/07/2011' is not a date in the form YYYY-MM-DD; write it as YYYY-MM-DD, e.g. ...``
    """
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise ValueError(f"{argument} is missing; write it as YYYY-MM-DD, e.g. 2000-11-02")
        return value.tz_localize(None).normalize() if value.tzinfo else value.normalize()
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.replace(tzinfo=None)).normalize()
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, str):
        parsed, why = parse_date(value.strip())
        if parsed is not None:
            return pd.Timestamp(parsed)
        raise ValueError(
            f"{argument}={value!r}: {why}; write it as YYYY-MM-DD, e.g. {argument}='2000-11-02'"
        )
    raise ValueError(
        f"{argument}={value!r} is not a date; write it as a string 'YYYY-MM-DD', "
        f"e.g. {argument}='2000-11-02'"
    )


def as_optional_day(value, argument: str) -> pd.Timestamp | None:
    """Like :func:`as_day`, but ``None`` stays ``None`` (meaning 'no limit')."""
    return None if value is None else as_day(value, argument)
