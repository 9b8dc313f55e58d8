"""Check single values (a date, a category, a list of agencies) and say how to fix a bad one."""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

DATE_HINT = "write it as YYYY-MM-DD, e.g. 2000-11-02"
# Generous for a station history, and inside what pandas' timestamps can hold.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def parse_date(value: str) -> tuple[dt.date | None, str]:
    """Return ``(date, "")`` or ``(None, why it is not a date)``. Accepts 2000-11-2 as well."""
    if not value:
        return None, "the date is blank"
    m = _DATE.match(value)
    if not m:
        return None, f"'{value}' is not a date in the form YYYY-MM-DD"
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


def match_choice(value: str, allowed: tuple[str, ...] | list[str]) -> str | None:
    """The allowed spelling of ``value``, ignoring case and spaces; None if not allowed."""
    folded = {a.casefold().replace(" ", ""): a for a in allowed}
    return folded.get(value.casefold().replace(" ", ""))


def closest(value: str, options: tuple[str, ...] | list[str]) -> str | None:
    """The option most like ``value`` (ignoring case), if any is reasonably close."""
    folded = {o.casefold(): o for o in options}
    found = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.5)
    return folded[found[0]] if found else None


def unknown_choice_hint(value: str, allowed: tuple[str, ...] | list[str]) -> str:
    """'allowed: a, b, c; did you mean b?' — the fix, shown where the mistake is."""
    hint = "allowed: " + ", ".join(allowed)
    suggestion = closest(value, allowed)
    return hint + (f"; did you mean '{suggestion}'?" if suggestion else "")


def split_list(value: str) -> list[str]:
    """Split a ';'-separated field, dropping blanks: 'NASA; ESA;' -> ['NASA', 'ESA']."""
    return [part.strip() for part in value.split(";") if part.strip()]


def is_slug(value: str) -> bool:
    return bool(_SLUG.match(value))


def slugify(text: str, max_len: int = 60) -> str:
    """A readable id from a title: 'Kibo's PM arrives!' -> 'kibo-s-pm-arrives'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].rstrip("-") or "event"
