"""The catalogue's corrections of its own sources, as a table learners can browse.

Each row of ``corrections.csv`` says what one source claimed, what the catalogue keeps
instead, and why: the material of lesson 05, *How we know*. :func:`load_corrections` reads
and checks the table (every problem with its file, line and column, and every ``subject``
must be an event or module id of the catalogue); :func:`corrections_browser` is a live
explorer by kind, and :func:`corrections_table` its static twin for paper and GitHub.

>>> corrections = load_corrections()
>>> corrections.loc[corrections["id"] == "crew-3-two-dates", "kind"].item()
'time_zone'
"""

from __future__ import annotations

import functools
import html
import os
from typing import TYPE_CHECKING

import pandas as pd

from .catalogue import builtin_table
from .chart import LABEL_SIZE, SMALL_SIZE, TICK_SIZE, TITLE_SIZE, Chart, new_figure
from .errors import CatalogueError, Problem
from .files import Table, read_table_file
from .values import is_slug, unknown_choice_hint

if TYPE_CHECKING:  # ipywidgets is imported only when a browser is built
    import ipywidgets

# Every kind of correction, in the order lesson 05 teaches them, with what it means.
CORRECTION_KINDS: dict[str, str] = {
    "time_zone": "the same moment, dated by two different clocks",
    "spelling": "a name written wrongly, or in two alphabets",
    "wording": "a word that says something different happened (docked or berthed)",
    "never_happened": "an event described that could not have happened as told",
    "figure_disagrees": "masses and volumes that differ between sources",
    "date_disagrees": "sources that give different days for one event",
    "wrong_date": "a date that belongs to something else (a photo, a release)",
    "claim_too_wide": "a 'first' or 'only' wider than the evidence",
    "ownership": "who built, who paid and who owns or runs a module",
    "date_moved": "a planned date that changed",
}

CORRECTION_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "subject",
    "source_says",
    "catalogue_says",
    "why",
    "source",
)
_REQUIRED_TEXT = ("source_says", "catalogue_says", "why", "source")


def load_corrections(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The corrections table (built in, or ``path``) with each subject's title and date added.

    Raises :class:`~isslearn.CatalogueError` listing every problem (file, line, column, fix).
    """
    frame = _builtin_corrections() if path is None else _load(read_table_file(path))
    return frame.copy()


def validate_corrections(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in a corrections file, ``[]`` when it is fine; the file is only read."""
    try:
        _load(read_table_file(path))
    except CatalogueError as error:
        return error.problems
    return []


@functools.lru_cache(maxsize=1)
def _builtin_corrections() -> pd.DataFrame:
    return _load(builtin_table("corrections.csv"))


def _subjects() -> dict[str, tuple[str, str, pd.Timestamp]]:
    """id -> (table, title, date) for every event and module of the built-in catalogue."""
    from .catalogue import load_modules
    from .events import load_events

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
    name, problems = table.name, list(table.problems)
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
    if problems:
        raise CatalogueError(problems)
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
    if problems:
        raise CatalogueError(problems)
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
    frame = load_corrections() if corrections is None else corrections
    if kind is not None:
        if kind not in CORRECTION_KINDS:
            raise ValueError(
                f"there is no kind {kind!r}; choose one of: " + ", ".join(CORRECTION_KINDS)
            )
        frame = frame[frame["kind"] == kind]
    shown = frame.assign(
        about=frame["subject_title"],
        date=frame["subject_date"].dt.strftime("%Y-%m-%d"),
    )
    columns = ["kind", "about", "date", "source_says", "catalogue_says", "why"]
    return shown[columns].reset_index(drop=True)


def kinds_summary(corrections: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many corrections of each kind, with what the kind means."""
    frame = load_corrections() if corrections is None else corrections
    counts = frame["kind"].value_counts(sort=False)
    return pd.DataFrame(
        {
            "kind": list(CORRECTION_KINDS),
            "meaning": list(CORRECTION_KINDS.values()),
            "corrections": [int(counts.get(k, 0)) for k in CORRECTION_KINDS],
        }
    )


def kinds_chart(corrections: pd.DataFrame | None = None) -> Chart:
    """A bar per kind of correction, longest first, with a sentence giving every count."""
    summary = kinds_summary(corrections).sort_values("corrections", kind="stable")
    figure = new_figure()
    ax = figure.subplots()
    figure.subplots_adjust(left=0.22, right=0.97, top=0.86, bottom=0.13)
    labels = [k.replace("_", " ") for k in summary["kind"]]
    ax.barh(labels, summary["corrections"], color="#0072B2")
    for y, count in enumerate(summary["corrections"]):
        ax.text(count + 0.15, y, str(count), va="center", fontsize=SMALL_SIZE)
    ax.set_xlabel("corrections in the catalogue", fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    figure.suptitle(
        "What the catalogue corrected in its sources, by kind",
        fontsize=TITLE_SIZE,
        x=0.02,
        ha="left",
    )
    ordered = summary.iloc[::-1]
    parts = "; ".join(
        f"{k.replace('_', ' ')} {n}"
        for k, n in zip(ordered["kind"], ordered["corrections"], strict=True)
    )
    return Chart(figure, f"Corrections by kind: {parts}.")


def corrections_html(frame: pd.DataFrame) -> str:
    """One card per correction: what the source says, what we keep, why. All text escaped."""
    cards = []
    for row in frame.to_dict("records"):
        when = row["subject_date"]
        date = "" if pd.isna(when) else f" ({when:%Y-%m-%d})"
        cards.append(
            "<div style='border-left:4px solid #0072B2;padding:2px 8px;margin:6px 0'>"
            f"<b>{html.escape(row['subject_title'])}</b>{html.escape(date)}<br>"
            f"<b>A source says:</b> {html.escape(row['source_says'])}<br>"
            f"<b>The catalogue keeps:</b> {html.escape(row['catalogue_says'])}<br>"
            f"<b>Why:</b> {html.escape(row['why'])}<br>"
            f"<small>Sources: {html.escape(row['source'])}</small></div>"
        )
    return "".join(cards) or "<p>No corrections of this kind.</p>"


def corrections_browser(corrections: pd.DataFrame | None = None) -> ipywidgets.VBox:
    """Choose a kind of correction from a list and read every correction of that kind.

    >>> browser = corrections_browser()          # doctest: +SKIP
    >>> browser.update("spelling")               # doctest: +SKIP
    """
    import ipywidgets as w

    frame = load_corrections() if corrections is None else corrections
    present = [k for k in CORRECTION_KINDS if (frame["kind"] == k).any()]
    kind = w.Dropdown(
        options=[(f"{k.replace('_', ' ')}: {CORRECTION_KINDS[k]}", k) for k in present],
        value=present[0],
        description="Kind",
        style={"description_width": "initial"},
        layout={"width": "95%"},
    )
    cards = w.HTML()

    def show(chosen: str) -> str:
        rows = frame[frame["kind"] == chosen]
        cards.value = f"<p>{len(rows)} correction(s) of this kind.</p>" + corrections_html(rows)
        return cards.value

    kind.observe(lambda change: show(change["new"]), names="value")
    show(kind.value)
    box = w.VBox([kind, cards])
    box.add_class("isslearn-widget")

    def update(chosen: str) -> str:
        kind.value = chosen
        return cards.value

    box.update = update
    return box
