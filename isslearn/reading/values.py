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
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import SettingsError
from ..language import N_, SOURCE_LANGUAGE, current, in_every_language
from ..language import gettext as _

__all__ = [
    "AGENCY_COLUMNS",
    "AGENCY_KINDS",
    "CATEGORIES",
    "DATE_HINT",
    "DEFAULT_CATEGORY",
    "DEFAULT_STATUS",
    "EARLIEST_YEAR",
    "EVENT_COLUMNS",
    "EVENT_COLUMN_SYNONYMS",
    "EVENT_REQUIRED",
    "LATEST_YEAR",
    "MODULE_COLUMNS",
    "MODULE_KINDS",
    "ORBITAL_SEGMENTS",
    "STATUSES",
    "STAY_COLUMNS",
    "DateLike",
    "agency_hint",
    "as_choices",
    "as_day",
    "as_days",
    "as_optional_day",
    "closest",
    "date_hint",
    "is_slug",
    "match_choice",
    "match_in_any_language",
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

# Earlier names and full names of the catalogue's agencies (folded: lower case, no spaces, dots
# or dashes). A file using one is refused with "did you mean" and the history, not silently
# renamed: the teacher decides, and the events table keeps one code per agency.
_FORMER_AGENCY_NAMES: dict[str, tuple[str, str]] = {
    "nasda": ("JAXA", "NASDA joined ISAS and NAL to form JAXA on 1 October 2003"),
    "isas": ("JAXA", "ISAS became part of JAXA on 1 October 2003"),
    "rka": ("Roscosmos", "the Russian Space Agency (RKA) is today's Roscosmos"),
    "rsa": ("Roscosmos", "the Russian Space Agency (RSA) is today's Roscosmos"),
    "russianspaceagency": ("Roscosmos", "the Russian Space Agency is today's Roscosmos"),
    "rosaviakosmos": ("Roscosmos", "Rosaviakosmos (1999-2004) is today's Roscosmos"),
    "russianaviationandspaceagency": ("Roscosmos", "that agency is today's Roscosmos"),
    "federalspaceagency": ("Roscosmos", "the Federal Space Agency is today's Roscosmos"),
    "roskosmos": ("Roscosmos", "the catalogue spells it Roscosmos"),
    "orbital": ("Northrop", "Orbital Sciences is today part of Northrop Grumman"),
    "orbitalsciences": ("Northrop", "Orbital Sciences is today part of Northrop Grumman"),
    "orbitalatk": ("Northrop", "Orbital ATK became part of Northrop Grumman in 2018"),
    "northropgrumman": ("Northrop", "the catalogue's code for Northrop Grumman is Northrop"),
    "asc": ("CSA", "ASC is the Canadian Space Agency's French initials"),
    "spacexcorp": ("SpaceX", "the catalogue's code is SpaceX"),
}

ORBITAL_SEGMENTS: tuple[str, ...] = ("Russian", "US")  # the halves the station is run as

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

# Header names teachers use for an events column (lower case, spaces as underscores); a file
# with one of these and without the column itself is told which column was meant.
EVENT_COLUMN_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(["day", "when", "datum", "fecha", "data", "event_date"], "date"),
    **dict.fromkeys(["event", "name", "headline", "heading", "titre", "titulo"], "title"),
    **dict.fromkeys(["description", "details", "detail", "text", "desc", "abstract"], "summary"),
    **dict.fromkeys(["type", "kind", "topic", "tag", "tags", "theme", "categories"], "category"),
    **dict.fromkeys(["agency", "organisation", "organization", "partner", "partners"], "agencies"),
    **dict.fromkeys(["country", "nation", "nations"], "countries"),
    **dict.fromkeys(["state", "planned"], "status"),
    **dict.fromkeys(["url", "link", "links", "reference", "references", "sources"], "source"),
    **dict.fromkeys(["notes", "comment", "comments", "remark", "remarks"], "note"),
    **dict.fromkeys(["identifier", "event_id", "slug"], "id"),
    # the same columns in the languages of the partner countries' classrooms
    **dict.fromkeys(["titel", "titolo", "título", "タイトル", "название"], "title"),
    **dict.fromkeys(["дата", "日付"], "date"),
    **dict.fromkeys(
        ["beschreibung", "zusammenfassung", "résumé", "resume", "resumen", "descripción"],
        "summary",
    ),
    **dict.fromkeys(["descripcion", "descrizione", "riassunto", "описание"], "summary"),
    **dict.fromkeys(["kategorie", "categoría", "categoria", "catégorie", "категория"], "category"),
    **dict.fromkeys(["agentur", "agence", "agencia", "agenzia", "агентство"], "agencies"),
    **dict.fromkeys(["land", "länder", "pays", "país", "países", "paese", "paesi"], "countries"),
    **dict.fromkeys(["страна", "国"], "countries"),
    **dict.fromkeys(["quelle", "fuente", "fonte", "источник"], "source"),
}

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

STAY_COLUMNS: tuple[str, ...] = (
    "person",
    "agency",
    "arrival",
    "departure",
    "vehicle_up",
    "vehicle_down",
    "expeditions",
    "source",
    "note",
)

AGENCY_COLUMNS: tuple[str, ...] = ("code", "name", "kind", "countries", "color")

# ---------------------------------------------------------------- dates

# ASCII digits only and the whole string: ``\d`` and ``$`` would let full-width digits and a
# trailing newline through.
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_YEAR = re.compile(r"[0-9]{4}", re.ASCII)

DATE_HINT = N_("write it as YYYY-MM-DD, e.g. 2000-11-02")
# The earliest and latest year a date may have: generous for a station history, and inside
# what pandas' timestamps can hold.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100

DateLike = str | int | dt.date | pd.Timestamp | np.datetime64
"""What a date argument may be: ``'2011-07-21'``, a ``datetime.date`` or ``datetime``, a
Timestamp, or (where a range makes sense, ``year="start"``/``"end"``) a bare year ``2015``."""


def parse_date(value: str) -> tuple[dt.date | None, str]:
    """Return ``(date, "")`` or ``(None, why it is not a date)``. Accepts 2000-11-2 as well.

    >>> parse_date("2008-13-40")
    (None, "'2008-13-40' is not a real date (there is no month 13)")
    """
    if not value:
        return None, _("the date is blank")
    m = _DATE.fullmatch(value)
    if not m:
        return None, _("{value} is not a date in the form YYYY-MM-DD").format(value=repr(value))
    year, month, day = (int(g) for g in m.groups())
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None, _("'{value}' is outside the years {first} to {last}").format(
            value=value, first=EARLIEST_YEAR, last=LATEST_YEAR
        )
    if not 1 <= month <= 12:
        return None, _("'{value}' is not a real date (there is no month {month})").format(
            value=value, month=month
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return None, _("'{value}' is not a real date ({month} has {days} days)").format(
            value=value, month=_month(year, month), days=last
        )
    return dt.date(year, month, day), ""


_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})", re.ASCII)
_YEAR_MONTH_DAY = re.compile(r"([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})", re.ASCII)
_MONTHS = {name.casefold(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name}
_WORDS_DAY_FIRST = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+([0-9]{4})")
_WORDS_MONTH_FIRST = re.compile(r"([A-Za-z]+)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_hint(value: str) -> str:
    """How to write ``value`` as YYYY-MM-DD: a rewrite when it can only mean one day, else a
    question, else the general form.

    >>> date_hint("13/3/2024")
    'write it as YYYY-MM-DD: 2024-03-13'
    >>> date_hint("1/3/2024")
    'write it as YYYY-MM-DD: is it 2024-03-01 (1 March) or 2024-01-03 (3 January)?'
    """
    text = value.strip()
    candidates: list[str | None] = []
    if m := _DAY_MONTH_YEAR.fullmatch(text):
        first, second, year = (int(g) for g in m.groups())
        candidates = [_iso(year, second, first), _iso(year, first, second)]
    elif m := _YEAR_MONTH_DAY.fullmatch(text):
        candidates = [_iso(*(int(g) for g in m.groups()))]
    elif m := _WORDS_DAY_FIRST.fullmatch(text):
        month = _MONTHS.get(m[2].casefold())
        candidates = [_iso(int(m[3]), month, int(m[1]))] if month else []
    elif m := _WORDS_MONTH_FIRST.fullmatch(text):
        month = _MONTHS.get(m[1].casefold())
        candidates = [_iso(int(m[3]), month, int(m[2]))] if month else []
    found = list(dict.fromkeys(c for c in candidates if c))
    if len(found) == 1:
        return _("write it as YYYY-MM-DD: {day}").format(day=found[0])
    if len(found) == 2:
        a, b = (dt.date.fromisoformat(d) for d in found)
        return _("write it as YYYY-MM-DD: is it {first} ({a}) or {second} ({b})?").format(
            first=found[0], a=_day_month(a), second=found[1], b=_day_month(b)
        )
    return _(DATE_HINT)


def _month(year: int, month: int) -> str:
    """'February 2023' in English, as the current language writes a month."""
    if current() == SOURCE_LANGUAGE:
        return f"{calendar.month_name[month]} {year}"
    from babel.dates import format_date

    return format_date(dt.date(year, month, 1), "MMMM y", locale=current())


def _day_month(day: dt.date) -> str:
    """'1 March' in English, as the current language writes a day of a month."""
    if current() == SOURCE_LANGUAGE:
        return f"{day.day} {day:%B}"
    from babel.dates import format_date

    return format_date(day, "d MMMM", locale=current())


def agency_hint(value: str, allowed: Sequence[str], names: Mapping[str, str] | None = None) -> str:
    """The fix for an unknown agency: a list split wrongly, an earlier name, a full name
    (``names`` maps codes to names), or a near miss.

    >>> agency_hint("ESA, NASA", ("NASA", "ESA"))
    "separate agencies with ';', e.g. 'ESA;NASA'"
    >>> agency_hint("NASDA", ("NASA", "JAXA"))
    "did you mean 'JAXA'? NASDA joined ISAS and NAL to form JAXA on 1 October 2003"
    """
    parts = [p.strip() for p in re.split(r"[,/&+]|\band\b", value) if p.strip()]
    if len(parts) > 1 and all(match_choice(p, allowed) for p in parts):
        return _("separate agencies with ';', e.g. '{shown}'").format(shown=";".join(parts))
    former = _FORMER_AGENCY_NAMES.get(_fold(value))
    if former and former[0] in allowed:
        return f"did you mean '{former[0]}'? {former[1]}"
    for code, name in (names or {}).items():  # 'European Space Agency' -> ESA
        if _fold(value) == _fold(name.split(" (")[0]):
            return _("did you mean '{code}'? the catalogue writes {name} as {code}").format(
                code=code, name=name.split(" (")[0]
            )
    return unknown_choice_hint(value, allowed)


def _fold(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text.casefold())


def _example(argument: str, year: str | None) -> str:
    """How to write ``argument`` correctly, as a Python keyword or a command-line option."""
    if argument.startswith("-"):
        day, whole_year = f"{argument} 2000-11-02", f"{argument} 2000"
    else:
        day, whole_year = f"{argument}='2000-11-02'", f"{argument}=2000"
    return _("{day} or {year}").format(day=day, year=whole_year) if year else day


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
    isslearn.errors.SettingsError: date='July 2011' is not a date; write it as YYYY-MM-DD, \
e.g. date='2000-11-02'
    """
    example = _example(argument, year)
    shown = f"{argument} " if argument.startswith("-") else f"{argument}="
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, dt.date) and pd.isna(value):  # NaT is a datetime
        raise SettingsError(
            _("{argument} is missing; write it as YYYY-MM-DD, e.g. {example}").format(
                argument=argument, example=example
            )
        )
    if isinstance(value, dt.datetime):  # Timestamps too; the catalogue's days are UTC days
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        return stamp.normalize()
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, int) and not isinstance(value, bool) and year is not None:
        value = str(value)
    if isinstance(value, str):
        if year is not None and _YEAR.fullmatch(value):
            number = int(value)
            if EARLIEST_YEAR <= number <= LATEST_YEAR:
                return (
                    pd.Timestamp(number, 1, 1) if year == "start" else pd.Timestamp(number, 12, 31)
                )
            raise SettingsError(
                _("{setting}{value}: the year is outside {first} to {last}; e.g. {example}").format(
                    setting=shown,
                    value=value,
                    first=EARLIEST_YEAR,
                    last=LATEST_YEAR,
                    example=example,
                )
            )
        parsed, why = parse_date(value)
        if parsed is not None:
            return pd.Timestamp(parsed)
        if _DATE.fullmatch(value) and year:
            message = _(
                "{setting}{value}: {why}; write it as YYYY-MM-DD or as a year YYYY, e.g. {example}"
            )
        elif _DATE.fullmatch(value):
            message = _("{setting}{value}: {why}; write it as YYYY-MM-DD, e.g. {example}")
        elif year:
            message = _(
                "{setting}{value} is not a date; write it as YYYY-MM-DD or as a year YYYY, "
                "e.g. {example}"
            )
        else:
            message = _("{setting}{value} is not a date; write it as YYYY-MM-DD, e.g. {example}")
        raise SettingsError(
            message.format(setting=shown, value=repr(value), why=why, example=example)
        )
    raise SettingsError(
        _(
            "{setting}{value} is not a date; write it as a string 'YYYY-MM-DD', e.g. {example}"
        ).format(setting=shown, value=repr(value), example=example)
    )


def as_days(values: Iterable[DateLike], argument: str = "date") -> pd.Series:
    """Many dates as a datetime Series: a datetime column as it is (NaT included, time zones
    as UTC days), anything else read one by one with :func:`as_day`."""
    series = pd.Series(values)
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.normalize()
    return pd.Series([as_day(v, argument) for v in series], index=series.index, dtype="M8[ns]")


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


def match_in_any_language(value: str, allowed: Sequence[str], context: str) -> str | None:
    """The allowed word ``value`` is, as isslearn writes it in any language it speaks (a French
    template's drop-down offers "assemblage" for "assembly"; ``context`` says which words these
    are in the catalogues); ignoring case and spaces. None if it is none of them.

    >>> match_in_any_language("Assemblage", ("assembly", "crew"), "event category")
    'assembly'
    """
    matched = match_choice(value, allowed)
    if matched is not None:
        return matched
    folded = value.casefold().replace(" ", "")
    for word in allowed:
        names = in_every_language(context, word)
        if any(name.casefold().replace(" ", "") == folded for name in names):
            return word
    return None


# Whole sentences for the settings that take choices (a translation needs the noun's gender).
_UNKNOWN_CHOICE = {
    "categories": N_("categories: unknown category {value}"),
    "agencies": N_("agencies: unknown agency {value}"),
    "": N_("{argument}: unknown {singular} {value}"),  # any other setting
}


def as_choices(
    argument: str, values: str | Iterable[str] | None, allowed: Sequence[str]
) -> tuple[str, ...] | None:
    """The allowed spellings of ``values`` (one word or several), or None for None (no limit).

    This is the one reader of choices given to isslearn (a lesson's categories and agencies, an
    explorer's). Anything not allowed raises :class:`~isslearn.errors.SettingsError` naming
    ``argument``, every unknown value, what is allowed, and the closest:

    >>> as_choices("categories", ["Crew", "asembly"], ("crew", "assembly"))
    Traceback (most recent call last):
    ...
    isslearn.errors.SettingsError: categories: unknown category 'asembly'; allowed: crew, \
assembly; did you mean 'assembly'?
    """
    if values is None:
        return None
    given = [values] if isinstance(values, str) else list(values)
    singular = argument.removesuffix("ies") + "y" if argument.endswith("ies") else argument[:-1]
    chosen, reasons = [], []
    for value in given:
        matched = match_choice(str(value), tuple(allowed))
        if matched is None:
            hint = unknown_choice_hint(str(value), allowed)
            message = _(_UNKNOWN_CHOICE.get(argument, _UNKNOWN_CHOICE[""]))
            words = {"argument": argument, "singular": singular, "value": repr(value)}
            reasons.append(message.format(**words) + _("; {hint}").format(hint=hint))
        else:
            chosen.append(matched)
    if reasons:
        raise SettingsError("; ".join(reasons))
    return tuple(chosen)


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
    hint = _("allowed: {names}").format(names=", ".join(allowed))
    suggestion = closest(value, allowed)
    meant = _("; did you mean '{name}'?").format(name=suggestion) if suggestion else ""
    return hint + meant


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
