"""The catalogue's corrections of its own sources, as a table learners can browse.

Each row of ``corrections.csv`` says what one source claimed, what the catalogue keeps
instead, and why: the material of lesson 05, *How we know*. :func:`load_corrections` reads
and checks the table (every problem with its file, line and column, and every ``subject``
must be an event or module id of the catalogue); :func:`corrections_table` shows one kind as a
table for paper and GitHub; its chart is :func:`isslearn.plots.corrections_chart` and its
live browser :func:`isslearn.widgets.corrections_browser`.

>>> corrections = load_corrections()
>>> corrections.loc[corrections["id"] == "crew-3-two-dates", "kind"].item()
'time_zone'
"""

from __future__ import annotations

import functools
import os

import pandas as pd

from ..errors import CatalogueError, Problem, SettingsError
from ..language import N_, SOURCE_LANGUAGE, current, day
from ..language import gettext as _
from ..reading.files import expand_home, read_table_file
from ..reading.notices import tell_notices
from ..reading.sheets import placed
from ..reading.table import Table
from ..reading.values import is_slug, unknown_choice_hint
from .given import given_table
from .tables import builtin_table

__all__ = [
    "CORRECTION_COLUMNS",
    "CORRECTION_KINDS",
    "corrections_table",
    "kinds_summary",
    "load_corrections",
    "validate_corrections",
]

# Every kind of correction, in the order lesson 05 teaches them, with what it means.
# Each kind's words in English; a lesson shows them through gettext (marked with N_).
CORRECTION_KINDS: dict[str, str] = {
    "time_zone": N_("the same moment, dated by two different clocks"),
    "spelling": N_("a name written wrongly, or in two alphabets"),
    "wording": N_("a word that says something different happened (docked or berthed)"),
    "never_happened": N_("an event described that could not have happened as told"),
    "figure_disagrees": N_("masses and volumes that differ between sources"),
    "date_disagrees": N_("sources that give different days for one event"),
    "wrong_date": N_("a date that belongs to something else (a photo, a release)"),
    "claim_too_wide": N_("a 'first' or 'only' wider than the evidence"),
    "ownership": N_("who built, who paid and who owns or runs a module"),
    "date_moved": N_("a planned date that changed"),
}
_KIND_WORDS = (
    N_("time zone"), N_("spelling"), N_("wording"), N_("never happened"),
    N_("figure disagrees"), N_("date disagrees"), N_("wrong date"), N_("claim too wide"),
    N_("ownership"), N_("date moved"),
)  # fmt: skip
"""The kinds' names as a lesson shows them (``time_zone`` -> "time zone"), for gettext."""

CORRECTION_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "subject",
    "source_says",
    "catalogue_says",
    "why",
    "source",
)

__all__ = [
    "CORRECTION_COLUMNS",
    "CORRECTION_KINDS",
    "corrections_table",
    "kinds_summary",
    "load_corrections",
    "validate_corrections",
]
_REQUIRED_TEXT = ("source_says", "catalogue_says", "why", "source")
_CORRECTIONS_SHEET = "Corrections"  # the sheet read from a workbook


def load_corrections(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The corrections table (built in, or ``path``) with each subject's title and date added.

    A file is read as every teacher's table is: CSV with any separator, or a workbook's
    'Corrections' sheet. Raises :class:`~isslearn.CatalogueError` listing every problem (file,
    line, column, fix); notices (a file read as Windows-1252) are told once.
    """
    if path is None:
        return _builtin_corrections(current()).copy()
    table = _read(path)
    frame = _load(table)
    tell_notices(table)
    return frame


def validate_corrections(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in a corrections file, ``[]`` when it is fine; the file is only read."""
    try:
        _load(_read(path))
    except CatalogueError as error:
        return error.problems
    return []


def _read(path: str | os.PathLike[str]) -> Table:
    return read_table_file(expand_home(path), sheet=_CORRECTIONS_SHEET, kind="corrections file")


@functools.lru_cache(maxsize=2)
def _builtin_corrections(language: str) -> pd.DataFrame:
    """The built-in corrections, read once per language: their words and their subjects'
    titles in it."""
    from .translations import translated

    columns = {c: c for c in ("source_says", "catalogue_says", "why")}
    return translated(_load(builtin_table("corrections.csv")), "corrections.csv", "id", columns)


def _subjects() -> dict[str, tuple[str, str, pd.Timestamp]]:
    """id -> (table, title, date) for every event and module of the built-in catalogue."""
    from .events import load_events
    from .tables import load_modules

    modules, events = load_modules(), load_events()
    found = {
        id_: ("modules", name, launched)
        for id_, name, launched in zip(
            modules["id"], modules["name"], modules["launch_date"], strict=True
        )
    }
    for id_, title, date in zip(events["id"], events["title"], events["date"], strict=True):
        found[id_] = ("events", title, date)
    return found


def _load(table: Table) -> pd.DataFrame:
    name, problems = table.file, list(table.problems)
    if not problems:
        missing = [c for c in CORRECTION_COLUMNS if c not in table.header]
        if missing:
            problems.append(
                Problem(
                    name,
                    1,
                    None,
                    "the header lacks the column(s) " + ", ".join(missing),
                    "the header must be: " + ",".join(CORRECTION_COLUMNS),
                )
            )
    if problems:  # in a workbook: at the sheet and cell, as for events
        raise CatalogueError(placed(problems, table))
    subjects = _subjects()
    kinds = tuple(CORRECTION_KINDS)
    seen: dict[str, int] = {}
    records = []
    for line, row in table.rows:
        _check_row(row, (name, line), kinds, subjects, seen, problems)
        known = subjects.get(row["subject"], ("", "", pd.NaT))
        records.append(
            {
                **{c: row[c] for c in CORRECTION_COLUMNS},
                "subject_table": known[0],
                "subject_title": known[1],
                "subject_date": known[2],
            }
        )
    if problems:  # in a workbook: at the sheet and cell, as for events
        raise CatalogueError(placed(problems, table))
    columns = [*CORRECTION_COLUMNS, "subject_table", "subject_title", "subject_date"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame["kind"] = pd.Categorical(frame["kind"], categories=list(kinds))
    frame["subject_date"] = pd.to_datetime(frame["subject_date"])
    return frame.sort_values(["kind", "subject_date", "id"], ignore_index=True)


def _check_row(
    row: dict[str, str],
    where: tuple[str, int],
    kinds: tuple[str, ...],
    subjects: dict,
    seen: dict[str, int],
    problems: list[Problem],
) -> None:
    name, line = where
    ident = row["id"]
    if not is_slug(ident):
        problems.append(
            Problem(name, line, "id", f"'{ident}' is not a short id", "use a-z, 0-9 and '-' only")
        )
    elif ident in seen:
        problems.append(
            Problem(
                name,
                line,
                "id",
                f"the id '{ident}' is already used on line {seen[ident]}",
                "give each correction its own id",
            )
        )
    else:
        seen[ident] = line
    if row["kind"] not in kinds:
        problems.append(
            Problem(
                name,
                line,
                "kind",
                f"unknown kind '{row['kind']}'",
                unknown_choice_hint(row["kind"], kinds),
            )
        )
    if row["subject"] not in subjects:
        problems.append(
            Problem(
                name,
                line,
                "subject",
                f"no event or module has the id '{row['subject']}'",
                "use an id from the events or modules table, e.g. 'crew-3-launch' or 'zarya'",
            )
        )
    for column in _REQUIRED_TEXT:
        if not row[column]:
            problems.append(
                Problem(name, line, column, "this field is empty", "say it in a few words")
            )


# ---------------------------------------------------------------- browsing


def corrections_table(
    kind: str | None = None, corrections: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The corrections of one ``kind`` (all when ``None``) as a table a reader can print."""
    frame = given_table(corrections, "corrections")
    if kind is not None:
        if kind not in CORRECTION_KINDS:
            raise SettingsError(
                f"there is no kind {kind!r}; choose one of: " + ", ".join(CORRECTION_KINDS)
            )
        frame = frame[frame["kind"] == kind]
    shown = frame.assign(
        about=frame["subject_title"],
        date=frame["subject_date"].map(lambda d: None if pd.isna(d) else day(d)),
    )
    columns = ["kind", "about", "date", "source_says", "catalogue_says", "why"]
    table = shown[columns].reset_index(drop=True)
    if current() == SOURCE_LANGUAGE:
        return table
    # In another language the reader's words: its headings and kinds (code reads load_corrections)
    table["kind"] = [_(str(kind).replace("_", " ")) for kind in table["kind"]]
    return table.rename(columns={column: _(column) for column in columns})


_TABLE_HEADINGS = (
    N_("kind"), N_("about"), N_("date"), N_("source_says"), N_("catalogue_says"), N_("why"),
)  # fmt: skip


def kinds_summary(corrections: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many corrections of each kind, with what the kind means."""
    frame = given_table(corrections, "corrections")
    counts = frame["kind"].value_counts(sort=False)
    return pd.DataFrame(
        {
            "kind": list(CORRECTION_KINDS),
            "meaning": list(CORRECTION_KINDS.values()),
            "corrections": [int(counts.get(k, 0)) for k in CORRECTION_KINDS],
        }
    )
