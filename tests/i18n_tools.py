"""Translations of the catalogue's words: what is missing or stale, and what facts a text holds.

The English catalogue is ``seeds/*.csv``; each translation is a folder ``seeds/<lang>/`` holding
the same five files with one row per English id (seeds/README.md describes them). A row's
``translated_from`` is the fingerprint of the English it was translated from, so when the English
changes the translation shows up here as stale. Run it from anywhere::

    python tests/i18n_tools.py                  # every language folder: counts and problems
    python tests/i18n_tools.py fr --show        # also print the English of each row to do
    python tests/i18n_tools.py fr --english DIR # compare with the English in another seeds/ folder

It exits with status 1 when a row is missing, stale, orphaned, duplicated or empty. The tests in
``tests/test_translations_catalogue.py`` use the same functions.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import get_date_format, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SOURCE_LANGUAGE = "en"
FINGERPRINT_LENGTH = 12


@dataclass(frozen=True)
class Table:
    """One translated file: its key column and which English column each text column renders."""

    file: str
    key: str
    fields: tuple[tuple[str, str], ...]  # (English column, translated column), in file order

    @property
    def header(self) -> list[str]:
        return [self.key, *(translated for _, translated in self.fields), "translated_from"]

    @property
    def english_columns(self) -> list[str]:
        return [english for english, _ in self.fields]


TABLES: tuple[Table, ...] = (
    Table("events.csv", "id", (("title", "title"), ("summary", "summary"))),
    Table("modules.csv", "id", (("name", "name"), ("role", "role"))),
    Table("agencies.csv", "code", (("name", "name"),)),
    Table("eras.csv", "era", (("era", "name"), ("description", "description"))),
    Table(
        "corrections.csv",
        "id",
        (
            ("source_says", "source_says"),
            ("catalogue_says", "catalogue_says"),
            ("why", "why"),
        ),
    ),
)


class TranslationFileError(ValueError):
    """A translation file that cannot be read as the table it should be."""


def fingerprint(english_row: dict[str, str], table: Table) -> str:
    """The first 12 hex digits of SHA-256 over the translated English fields joined by newlines."""
    text = "\n".join(english_row[column] for column in table.english_columns)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def read_rows(path: Path, expected_header: list[str] | None = None) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file; a wrong header or a short row names the file and line."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if expected_header is not None and reader.fieldnames != expected_header:
            raise TranslationFileError(
                f"{path}, line 1: the header is {reader.fieldnames}; it must be {expected_header}"
            )
        rows = []
        for row in reader:
            if None in row or any(value is None for value in row.values()):
                raise TranslationFileError(
                    f"{path}, line {reader.line_num}: the row does not have "
                    f"{len(reader.fieldnames or [])} fields (a comma outside double quotes?)"
                )
            rows.append(row)
    return rows


def languages(seeds: Path = SEEDS) -> list[str]:
    """Every translation folder under seeds/: a subfolder holding one of the translated files."""
    return sorted(
        folder.name
        for folder in seeds.iterdir()
        if folder.is_dir() and any((folder / table.file).is_file() for table in TABLES)
    )


@dataclass
class TableStatus:
    """How complete one language's translation of one table is."""

    language: str
    table: Table
    english_rows: int = 0
    translated_rows: int = 0
    missing: list[str] = field(default_factory=list)  # English ids with no translated row
    stale: list[str] = field(default_factory=list)  # rows whose English changed since
    orphans: list[str] = field(default_factory=list)  # translated ids the English lacks
    duplicates: list[str] = field(default_factory=list)  # ids with more than one row
    empty: list[str] = field(default_factory=list)  # "id: column" left empty, English not

    @property
    def complete(self) -> bool:
        return not (self.missing or self.stale or self.orphans or self.duplicates or self.empty)

    @property
    def up_to_date(self) -> int:
        return self.translated_rows - len(self.stale) - len(self.orphans)


def english_table(table: Table, english: Path = SEEDS) -> dict[str, dict[str, str]]:
    """The English rows of a table by key."""
    return {row[table.key]: row for row in read_rows(english / table.file)}


def translated_rows(table: Table, language: str, seeds: Path = SEEDS) -> list[dict[str, str]]:
    """A language's rows of a table (none when its file does not exist yet)."""
    path = seeds / language / table.file
    return read_rows(path, table.header) if path.is_file() else []


def status(
    language: str, table: Table, seeds: Path = SEEDS, english: Path | None = None
) -> TableStatus:
    """Compare one translated table with the English it renders."""
    source = english_table(table, english or seeds)
    rows = translated_rows(table, language, seeds)
    result = TableStatus(language, table, english_rows=len(source), translated_rows=len(rows))
    seen: Counter[str] = Counter(row[table.key] for row in rows)
    result.duplicates = sorted(key for key, count in seen.items() if count > 1)
    result.missing = [key for key in source if key not in seen]
    for row in rows:
        key = row[table.key]
        if key not in source:
            result.orphans.append(key)
            continue
        if row["translated_from"] != fingerprint(source[key], table):
            result.stale.append(key)
        for english_column, column in table.fields:
            if source[key][english_column].strip() and not row[column].strip():
                result.empty.append(f"{key}: {column}")
    return result


# --- Dates, clock times and numbers in a text --------------------------------------------------

ORDINAL_SUFFIXES = ("er", "re", "st", "nd", "rd", "th", "e", ".")  # 1er, 1st, 2nd, 2e, 1.
_DAY = r"(?P<day>\d{1,2})(?:" + "|".join(re.escape(s) for s in ORDINAL_SUFFIXES) + r")?"
_PERIOD = r"(?P<period>[ap]\.?m\.?)(?![A-Za-z])"
# 21:03, 00:12:56, 9:03 pm, 21 h 03, 0 h 12 min 56 s, 9 pm, 21 h.
_TIME = (
    r"(?<![\d,.])(?P<hour>\d{1,2})(?:"
    r":(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s?" + _PERIOD + r")?"
    r"|\s?h\s?(?P<hminute>\d{2})(?:\s?min\s?(?P<hsecond>\d{2})\s?s)?(?![\w])"
    r"|\s?h(?![\w])"
    r"|\s?(?P<period2>[ap]\.?m\.?)(?![A-Za-z])"
    r")"
)


# A name joined by hyphens or dots (STS-88, Soyuz-2.1b, M1-3): its digits are not decimals.
_NAME = re.compile(r"(?<![\w.-])[^\W\d_]\w*(?:[-.]\w+)+(?<=\d|\w)(?![\w-])")


@dataclass(frozen=True)
class Facts:
    """The dates, clock times and numbers written in a text, as multisets."""

    dates: Counter[tuple[int | None, int | None, int | None]]  # (year, month, day)
    times: Counter[tuple[int, int, int | None]]  # (hour 0-23, minute, second)
    numbers: Counter[Decimal]  # each run of digits in a name (STS-88, Soyuz-2.1b) is one


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int], str]:
    """The date and number patterns of a language, from its CLDR data (month names, separators).

    The last item is "dm" or "md": the order of day and month in the language's short numeric
    dates ("11/09" in French, "9/11" in English), or "" when its short dates start with the year.
    """
    locale = Locale.parse(language)
    months = {
        str(name): number
        for number, name in get_month_names("wide", context="format", locale=locale).items()
    }
    month = "(?P<{}>" + "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
    month += r")(?![\w])"
    dates = re.compile(
        r"(?<![\w-])(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\w-])"
        r"|(?<![\w,.\-])" + _DAY + r"\s+" + month.format("dm") + r"(?:,?\s+(?P<dy>\d{4})(?!\d))?"
        r"|(?<![\w])" + month.format("mm") + r"(?:\s+(?P<my>\d{4})(?!\d))?"
    )
    group = get_group_symbol(locale)
    decimal = get_decimal_symbol(locale)
    groups = {group}
    if group.isspace():  # a language grouping with a space takes either no-break space
        groups |= {"\u00a0", "\u202f"}
    group_class = "[" + "".join(re.escape(g) for g in sorted(groups)) + "]"
    numbers = re.compile(
        r"(?<!\d)(?P<int>\d{1,3}(?:" + group_class + r"\d{3})+|\d+)"
        r"(?:" + re.escape(decimal) + r"(?P<frac>\d+))?(?!\d)"
    )
    short = get_date_format("short", locale=locale).pattern
    fields = "".join(dict.fromkeys(c for c in short if c in "dMy"))
    order = {"dMy": "dm", "Mdy": "md"}.get(fields, "")
    separator = re.escape(short[short.index(fields[1]) - 1]) if order else ""
    numeric = (
        r"|(?<![\w/.,])(?P<n1>\d{1,2})" + separator + r"(?P<n2>\d{1,2})"
        r"(?:" + separator + r"(?P<ny>\d{4}|\d{2}))?(?![\w/])"
        if order
        else ""
    )
    dates = re.compile(dates.pattern + numeric)
    return dates, numbers, months, order


def _period_hour(hour: int, period: str | None) -> int:
    if period is None:
        return hour
    pm = period.lower().startswith("p")
    return (hour % 12) + (12 if pm else 0)


def facts(text: str, language: str) -> Facts:
    """Every date, clock time and number in a text written in ``language``.

    Dates are "20 November 1998", "1er février 2003", "2021-11-11", "May 2009", a bare month,
    or a short numeric date in the language's own order ("9/11" in English, "11/09" in French);
    clock times "21:03", "9:03 pm", "21 h 03"; numbers use the language's own separators
    ("1,641.5" in English, "1 641,5" in French with a no-break space), except inside a name such
    as "Soyuz-2.1b", whose runs of digits count one by one. A number in a date or a
    time counts only there. Durations in hours are words ("2 hours", "2 heures"): "h" after a
    number is a clock time.
    """
    date_pattern, number_pattern, months, order = _patterns(language)
    dates: Counter[tuple[int | None, int | None, int | None]] = Counter()
    times: Counter[tuple[int, int, int | None]] = Counter()
    numbers: Counter[Decimal] = Counter()

    def take_date(match: re.Match[str]) -> str:
        if match["n1"]:
            first, second = int(match["n1"]), int(match["n2"])
            day, month = (first, second) if order == "dm" else (second, first)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return match[0]  # not a date ("24/7"): its numbers count as numbers
            year = int(match["ny"]) if match["ny"] else None
            if year is not None and year < 100:
                year += 2000 if year < 50 else 1900
            dates[(year, month, day)] += 1
        elif match["iso"]:
            dates[(int(match["iy"]), int(match["im"]), int(match["id"]))] += 1
        elif match["dm"]:
            year = int(match["dy"]) if match["dy"] else None
            dates[(year, months[match["dm"]], int(match["day"]))] += 1
        else:
            year = int(match["my"]) if match["my"] else None
            dates[(year, months[match["mm"]], None)] += 1
        return " \x00 "

    def take_time(match: re.Match[str]) -> str:
        hour = int(match["hour"])
        minute = match["minute"] or match["hminute"] or "0"
        second = match["second"] or match["hsecond"]
        period = match["period"] or match["period2"]
        times[(_period_hour(hour, period), int(minute), int(second) if second else None)] += 1
        return " \x00 "

    def take_name(match: re.Match[str]) -> str:
        for digits in re.findall(r"\d+", match[0]):  # no decimal point or comma in a name
            numbers[Decimal(digits).normalize()] += 1
        return " \x00 "

    rest = date_pattern.sub(take_date, text)
    rest = re.sub(_TIME, take_time, rest)
    rest = _NAME.sub(take_name, rest)
    for match in number_pattern.finditer(rest):
        whole = re.sub(r"\D", "", match["int"])
        value = Decimal(whole + ("." + match["frac"] if match["frac"] else ""))
        numbers[value.normalize()] += 1
    return Facts(dates, times, numbers)


def _listed(values: Iterable[object]) -> list[str]:
    return sorted(format(v, "f") if isinstance(v, Decimal) else str(v) for v in values)


def fact_differences(english: str, translated: str, language: str) -> list[str]:
    """How the dates, times and numbers of a translation differ from its English (empty if none)."""
    source, target = facts(english, SOURCE_LANGUAGE), facts(translated, language)
    problems = []
    for kind in ("dates", "times", "numbers"):
        a, b = getattr(source, kind), getattr(target, kind)
        if a != b:
            lost, added = _listed((a - b).elements()), _listed((b - a).elements())
            problems.append(f"{kind}: English only {lost}, translation only {added}")
    return problems


# --- Typography --------------------------------------------------------------------------------

NBSP, NNBSP = "\u00a0", "\u202f"
FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août")
FRENCH_MONTHS += ("septembre", "octobre", "novembre", "décembre")

TYPOGRAPHY: dict[str, list[tuple[re.Pattern[str], str]]] = {
    # French rules (Lexique des règles typographiques de l'Imprimerie nationale).
    "fr": [
        (re.compile(r"(?<![\d" + NBSP + r"]):|(?<=\d):(?!\d)"), "a no-break space before ':'"),
        (re.compile(r"[^" + NNBSP + r"][;!?]"), "a narrow no-break space before ';', '!', '?'"),
        (re.compile(r"«[^" + NBSP + NNBSP + r"]"), "a no-break space after '«'"),
        (re.compile(r"[^" + NBSP + NNBSP + r"]»"), "a no-break space before '»'"),
        (re.compile(r"[\"“”]"), "« guillemets » instead of straight or English quotes"),
        (re.compile(r"'"), "the apostrophe ’ instead of '"),
        (re.compile(r"(?<!\d)1\s+(?=(" + "|".join(FRENCH_MONTHS) + r")\b)"), "'1er' for a 1st"),
        (
            re.compile(r"\d\s+(" + "|".join(m.capitalize() for m in FRENCH_MONTHS) + r")\b"),
            "months in lower case",
        ),
        (
            re.compile(
                r"Station Spatiale|[Ss]patiale Internationale|station spatiale internationale"
            ),
            "'Station spatiale internationale' (capital S on Station only)",
        ),
        (re.compile(r"\d{5,}"), "groups of three digits in numbers of five digits or more"),
        (re.compile(r"  |\s$|^\s"), "single spaces and no space at either end"),
    ],
}


def typography_problems(text: str, language: str) -> list[str]:
    """Typographic rules of the language a text breaks (no rules known: nothing to check)."""
    problems = []
    for pattern, rule in TYPOGRAPHY.get(language, []):
        match = pattern.search(text)
        if match:
            where = text[max(0, match.start() - 20) : match.end() + 20]
            problems.append(f"{rule}: …{where}…")
    return problems


# --- Command line ------------------------------------------------------------------------------


def _report(statuses: list[TableStatus], english: Path, show: bool) -> bool:
    complete = True
    for result in statuses:
        table = result.table
        line = (
            f"{result.language}/{table.file}: {result.up_to_date} of {result.english_rows} "
            "up to date"
        )
        print(line)
        for label in ("missing", "stale", "orphans", "duplicates", "empty"):
            keys = getattr(result, label)
            if keys:
                print(f"  {label} ({len(keys)}): {', '.join(keys)}")
        complete &= result.complete
        if show and (result.missing or result.stale):
            source = english_table(table, english)
            for key in result.missing + result.stale:
                print(f"\n  {table.key} {key}  translated_from {fingerprint(source[key], table)}")
                for column in table.english_columns:
                    print(f"    {column}: {source[key][column]}")
            print()
    return complete


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language", nargs="*", help="language folders (default: all of them)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="the seeds/ folder")
    parser.add_argument("--english", type=Path, help="English tables (default: the seeds/ folder)")
    parser.add_argument("--show", action="store_true", help="print the English of each row to do")
    args = parser.parse_args(argv)
    english = args.english or args.seeds
    complete = True
    for language in args.language or languages(args.seeds):
        statuses = [status(language, table, args.seeds, english) for table in TABLES]
        complete &= _report(statuses, english, args.show)
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
