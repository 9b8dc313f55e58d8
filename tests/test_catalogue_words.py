"""Words are checked like dates (issue 19): every local clock time in the catalogue names the
zone in force on its day (CEST in summer, CET in winter; EDT or EST; MSD or MSK), and every
"first", "only", "record" and "most" says how far it reaches."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Each table with the column that dates its row (the fallback when a sentence names no day).
TABLES = {
    "events.csv": "date",
    "modules.csv": "launch_date",
    "expeditions.csv": "start",
    "stays.csv": "arrival",
}
TEXT_COLUMNS = ("title", "summary", "note", "role")

# Zones with a summer and a winter name, and where their clocks are. zoneinfo knows which name
# was in force on a day (Moscow kept summer time until 2011, then UTC+4 all year, then UTC+3).
SEASONAL = {
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "MSK": "Europe/Moscow",
    "MSD": "Europe/Moscow",
    "JST": "Asia/Tokyo",
}
FIXED = {"UTC", "GMT"}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
ISO_DAY = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<mon>{_MONTH})\.?(?:,? (?P<y>\d{{4}}))?\b")
MONTH_DAY = re.compile(
    rf"\b(?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:, (?P<y>\d{{4}}))?\b"
)
# A clock time and the words that follow it: '10:32 p.m. CST', '04:32 UTC', '11:30 Moscow time'.
CLOCK = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?![\d])"
    r"\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)?"
    r"\s*(?P<zone>UTC[+-]\d{1,2}|[A-Z]{2,4}\b|(?:[A-Z][a-z]+ )+(?:[Ss]ummer |[Ss]tandard |"
    r"[Dd]aylight )?[Tt]ime\b|local time\b)?"
)
ZONE_NAMES = {
    "Eastern Standard Time": "EST",
    "Eastern Daylight Time": "EDT",
    "Central Standard Time": "CST",
    "Central Daylight Time": "CDT",
    "Moscow summer time": "MSD",
    "Moscow Summer Time": "MSD",
}
NOT_A_ZONE = {"AM", "PM", "ISS", "EVA", "US"}


def _rows():
    for table, date_column in TABLES.items():
        with (SEEDS / table).open(newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                day = dt.date.fromisoformat(row[date_column])
                for column in TEXT_COLUMNS:
                    if row.get(column):
                        yield table, line, column, day, row[column]


ROWS = list(_rows())


def _days_named(text: str, near: dt.date) -> list[tuple[int, dt.date]]:
    """Every day a text names, with its position; a day without a year takes the year that puts
    it nearest the row's own date."""
    found = []
    for pattern in (ISO_DAY, DAY_MONTH, MONTH_DAY):
        for match in pattern.finditer(text):
            month = int(match["m"]) if "m" in match.groupdict() else MONTHS[match["mon"]]
            years = [int(match["y"])] if match["y"] else [near.year - 1, near.year, near.year + 1]
            options = []
            for year in years:
                with contextlib.suppress(ValueError):
                    options.append(dt.date(year, month, int(match["d"])))
            if options:
                found.append((match.start(), min(options, key=lambda d: abs(d - near))))
    return found


def _clock_times(text: str):
    """Clock times that carry a zone word (or a word where a zone should be)."""
    for match in CLOCK.finditer(text):
        zone = match["zone"]
        if not zone or zone in NOT_A_ZONE:
            continue
        yield match, ZONE_NAMES.get(zone, zone)


def _day_of(text: str, position: int, row_day: dt.date) -> dt.date:
    days = _days_named(text, row_day)
    if not days:
        return row_day
    return min(days, key=lambda found: abs(found[0] - position))[1]


def test_the_clock_pattern_reads_times_and_zones():
    zones = [zone for _, zone in _clock_times("at 10:32 p.m. CST on 18 March, 04:32 UTC")]
    assert zones == ["CST", "UTC"]
    zones = [zone for _, zone in _clock_times("at 11:30 Moscow time and 8:01 pm EDT")]
    assert zones == ["Moscow time", "EDT"]
    assert _day_of("undocked at 01:32 CEST on 22 October", 12, dt.date(2020, 10, 21)) == dt.date(
        2020, 10, 22
    )


def test_every_local_time_names_a_zone():
    """'Houston time' or 'Moscow time' hides which clock was meant: write CST or CDT, MSK or MSD."""
    vague = [
        (table, line, column, zone)
        for table, line, column, _, text in ROWS
        for _, zone in _clock_times(text)
        if zone not in SEASONAL and zone not in FIXED and not re.fullmatch(r"UTC[+-]\d{1,2}", zone)
    ]
    assert not vague, vague


def _unzoned(text: str) -> list[str]:
    """Clock times with no zone at all, except the first of a range ('14:40-14:45 UTC')."""
    matches = list(CLOCK.finditer(text))
    bare = []
    for index, match in enumerate(matches):
        following = matches[index + 1] if index + 1 < len(matches) else None
        if match["zone"] and match["zone"] not in NOT_A_ZONE:
            continue
        if following is not None and following.start() - match.end() <= 6 and following["zone"]:
            continue
        bare.append(match[0])
    return bare


def test_every_clock_time_says_which_clock():
    """'2:28 am in Florida' leaves the reader to work out EDT or EST; the catalogue says it."""
    assert _unzoned("14:40-14:45 UTC, 2:16 to 2:58 pm CDT") == []
    assert _unzoned("at 2:28 am in Florida") == ["2:28 am "]
    bare = [
        (table, line, column, clock)
        for table, line, column, _, text in ROWS
        for clock in _unzoned(text)
    ]
    assert not bare, bare


def test_summer_and_winter_zone_names_match_the_day():
    wrong = []
    for table, line, column, row_day, text in ROWS:
        for match, zone in _clock_times(text):
            if zone not in SEASONAL:
                continue
            day = _day_of(text, match.start(), row_day)
            noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)
            in_force = noon.astimezone(ZoneInfo(SEASONAL[zone])).tzname()
            if in_force != zone:
                wrong.append((table, line, column, f"{match[0]} on {day}: {in_force} was in force"))
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("zone", "day", "expected"),
    [
        ("CET", "2020-10-22", "CEST"),
        ("EDT", "2001-03-19", "EST"),
        ("MSK", "2000-08-09", "MSD"),
        ("MSK", "2012-07-01", "MSK"),
    ],
)
def test_zoneinfo_knows_the_summer_rules(zone, day, expected):
    noon = dt.datetime.fromisoformat(f"{day}T12:00+00:00")
    assert noon.astimezone(ZoneInfo(SEASONAL[zone])).tzname() == expected


# ---- one spelling per person: the spelling in stays.csv is the one used everywhere

# Latin spellings of one Russian given name; the catalogue picks one per person.
TRANSLITERATIONS = (
    {"Alexander", "Aleksandr", "Alexandr"},
    {"Alexey", "Aleksey", "Alexei", "Aleksei"},
    {"Sergei", "Sergey"},
    {"Yuri", "Yury", "Yurii"},
    {"Dmitri", "Dmitry", "Dmitriy"},
    {"Andrei", "Andrey"},
    {"Anatoli", "Anatoly", "Anatolii"},
    {"Maksim", "Maxim"},
    {"Evgeny", "Yevgeny"},
    {"Gennady", "Gennadi"},
    {"Valery", "Valeri"},
    {"Fyodor", "Fedor"},
    {"Pyotr", "Petr"},
    {"Nikolai", "Nikolay"},
)
NAME = re.compile(r"\b([A-Z][a-z]+) ((?:[A-Z][a-z]+-)?[A-Z][a-z]+)\b")


def _surname_key(surname: str) -> str:
    """'Zubritskiy', 'Zubritsky' and 'Zubritski' are one surname written three ways."""
    return re.sub(r"(skiy|skii|sky|ski)$", "sk", surname)


def _given_key(given: str) -> str:
    for spellings in TRANSLITERATIONS:
        if given in spellings:
            return min(spellings)
    return given


def _people() -> dict[tuple[str, str], set[str]]:
    spellings: dict[tuple[str, str], set[str]] = {}
    with (SEEDS / "stays.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            given, surname = row["person"].split()[0], row["person"].split()[-1]
            spellings.setdefault((_given_key(given), _surname_key(surname)), set()).add(
                row["person"]
            )
    return spellings


def test_stays_spell_each_person_one_way():
    twice = {key: names for key, names in _people().items() if len(names) > 1}
    assert not twice, twice


def test_the_tables_spell_people_as_stays_does():
    known = {key: next(iter(names)) for key, names in _people().items()}
    variants = set()
    for table, line, _column, _, text in ROWS:
        for given, surname in NAME.findall(text):
            key = (_given_key(given), _surname_key(surname))
            if key in known and known[key] != f"{given} {surname}":
                variants.add((table, line, f"{given} {surname}", known[key]))
    assert not variants, sorted(variants)[:10]


def test_transliterations_are_recognised():
    assert _surname_key("Zubritsky") == _surname_key("Zubritskiy")
    assert _given_key("Aleksandr") == _given_key("Alexander")


# ---- "first", "only", "record", "most": every such claim says how far it reaches

# A claim word, in the forms that make a claim ("the only American", "a record", "the first
# woman"). "Only one source", "most of which", "its first flight" and "first-stage engine" are
# counts, possessives or names, not claims, and are left out here or by NOT_A_CLAIM below.
CLAIM = re.compile(r"\b(first|the only|record|the most)\b", re.IGNORECASE)
NOT_A_CLAIM = re.compile(
    r"(\bfirst[- ](stage|generation)\b|\bat first\b|\b(commanded|berthed|used|flew|tried|"
    r"launched|moved) first\b|\bfirst (attempt|approach|array|pair|part|engine burns|launch "
    r"attempt|docking attempt|flew|tried|berthed|used|of (its|the|his|her|their|two|three|four|"
    r"five|six|eight|a) )|\bmission record\b|\brecord(ed|s)\b)",
    re.IGNORECASE,
)
# What a claim may be scoped to: a place ("to the ISS", "in space"), a time ("since 2009"), a
# body whose records they are ("US", "world", "NASA", "commercial crew"), what is counted
# ("single-flight", "total"), an owner ("its first", "Japan's first") or a series whose first
# member is named ("the first ATV"). A nationality alone is not a scope: "the first Turkish
# astronaut" must still say "in space".
SCOPE = re.compile(
    r"(\b(to|on|at|of|aboard|from|for|in|reach|reaches|reached|joined|visit|command|"
    r"commanded|commands|lead|led) the (ISS|station|"
    r"International Space Station|orbiting laboratory|orbital lab|partnership)\b|\bISS\b|"
    r"station's|\bever\b|\bin (history|spaceflight|space|orbit|Earth orbit)\b|\bsince\b|"
    r"\bin (over )?(a year|decades|\d+ years)\b|\b(US|U\.S\.|NASA|ESA|JAXA|world|partner|"
    r"[Cc]ommercial [Cc]rew)\b|\b(single[- ]flight|total|cumulative)\b|"
    r"\b(?i:its|his|her|their)\b|\b[A-Z][\w-]*'s\b|"
    r"\b(?i:first) (ATV|HTV|HTV-X|Cygnus|Progress|iROSA|Dragon|cargo Dragon|Automated Transfer "
    r"Vehicle|H-II Transfer Vehicle|Leonardo|Soyuz|Starliner|Crew Dragon|"
    r"[A-Z][\w-]+ (pair|array|flight|test|mission|crew|launch))\b|\bthe first of\b)"
)
SENTENCE_END = re.compile(r"(?<!a\.m)(?<!p\.m)(?<!U\.S)(?<=[.;!?])\s+(?=[A-Z(\"'])")
CLAIM_TABLES = ("events.csv", "modules.csv", "expeditions.csv", "stays.csv")


def unscoped_claims(text: str) -> list[str]:
    """Sentences of ``text`` that make a first/only/record/most claim without a scope."""
    found = []
    for sentence in SENTENCE_END.split(text):
        cleaned = NOT_A_CLAIM.sub("", sentence)
        if CLAIM.search(cleaned) and not SCOPE.search(sentence):
            found.append(sentence)
    return found


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Axiom Mission 1, the first all-private crew, launches.", True),
        ("Axiom Mission 1, the first all-private crew to the ISS, launches.", False),
        ("Rassvet is the only Russian module carried by a shuttle.", True),
        ("Christina Koch lands after 328 days, a record for a woman.", True),
        ("Christina Koch lands after 328 days, a single-flight record for a woman.", False),
        ("Anousheh Ansari becomes the first woman to fly as a paying visitor.", True),
        ("First HTV captured by Canadarm2 and berthed.", False),
        ("Record passed at 17:39 UTC.", True),
        ("Only one source was checked; most of which returned to normal.", False),
        ("One first-stage engine shut down in flight.", False),
        ("Boeing Starliner launches its first crew.", False),
    ],
)
def test_the_claim_checker_reads_scope(text, flagged):
    assert bool(unscoped_claims(text)) is flagged


def test_every_claim_carries_its_scope():
    unscoped = [
        (table, line, column, sentence)
        for table, line, column, _, text in ROWS
        if table in CLAIM_TABLES
        for sentence in unscoped_claims(text)
    ]
    assert not unscoped, unscoped
