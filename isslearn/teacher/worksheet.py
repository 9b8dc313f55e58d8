"""A worksheet per lesson for learners on paper, and its answer key, printed separately.

A worksheet is not a screen dump of the lesson: it holds what a learner with a pen needs and
nothing else, worded for paper (circle, number, write; never press or drag):

1. the figures and tables the lesson's questions are about, each with its description;
2. the lesson's own questions (and a teacher's, with ``quiz_file``), with room to write;
3. the lesson's exercise in a form answered from the sheet, with no code;
4. an exit ticket: one question to hand in on the way out.

``isslearn worksheet 01`` writes ``01_assembly.worksheet.html`` (``-o NAME.pdf`` prints a PDF);
``--answers`` writes the key (``.worksheet-key.html``): every answer with its feedback, the
model answers and checklists, the exercise's and exit ticket's answers worked out from the
catalogue, and, last, the lesson's teacher's guide. Figures are drawn afresh from the built-in
catalogue, so a worksheet needs no executed notebook and no network.
"""

from __future__ import annotations

import base64
import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import nbformat
import pandas as pd

from ..catalogue.annotation import annotate
from ..catalogue.corrections import load_corrections
from ..catalogue.events import load_events
from ..catalogue.tables import load_expeditions, load_modules
from ..quiz.files import load_quiz_file
from ..quiz.items import WRITING_SPACE, QuizItem
from ..quiz.lessons import lesson_quiz, lesson_quiz_file
from ..quiz.static import paper_markdown
from .guide import find_guide
from .handout import GUIDE_TAG, output_target, render_page, write_page

__all__ = ["PLANS", "WorksheetPlan", "worksheet_html", "write_worksheet"]


@dataclass(frozen=True)
class _Shown:
    """A figure or table on the sheet: its heading and what draws it (a Chart, or HTML)."""

    title: str
    make: Callable[[], object]


@dataclass(frozen=True)
class WorksheetPlan:
    """What one lesson's worksheet holds besides its questions (see the module docstring)."""

    shown: tuple[_Shown, ...]
    exercise: str
    exercise_answer: Callable[[], str]
    exit_ticket: str
    exit_answer: str


def _plots() -> ModuleType:
    from .. import plots  # matplotlib: only when a sheet is drawn

    return plots


def _table(frame: pd.DataFrame) -> str:
    """A table as paper shows it: lists as words, dates as days, nothing cut short."""

    def cell(value: object) -> str:
        if isinstance(value, (tuple, list)):
            return ", ".join(dict.fromkeys(str(v) for v in value))
        if isinstance(value, pd.Timestamp):
            return f"{value:%Y-%m-%d}"
        return "" if value is None or value is pd.NA or value is pd.NaT else str(value)

    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f'<table class="isslearn-sheet-table"><tr>{head}</tr>{rows}</table>'


def _card(number: int) -> str:
    card = _plots().expedition_card(number)
    return _table(card.data)


def _check_of_broken_events() -> str:
    """What `isslearn check` says about lesson 04's example workbook, as the lesson shows it."""
    from ..catalogue.events import check_events

    path = Path(__file__).resolve().parents[2] / "notebooks" / "examples" / "broken_events.xlsx"
    if not path.is_file():  # an installed package without the lessons' examples folder
        return "<p>(Run <code>isslearn check examples/broken_events.xlsx</code> to print it.)</p>"
    lines = [str(p).split(": ", 1)[1] for p in check_events(path).problems]
    return (
        "<pre>" + html.escape("\n".join(f"broken_events.xlsx: {line}" for line in lines)) + "</pre>"
    )


# ---------------------------------------------------------------- answers from the catalogue


def _answer_00() -> str:
    events = load_events()
    counts = events["category"].value_counts()
    first, last = events.sort_values("date").iloc[[0, -1]].itertuples()
    return (
        f"The {counts.index[0]} row has the most dots ({counts.iloc[0]} events), then "
        f"{counts.index[1]} ({counts.iloc[1]}). The earliest event is “{first.title}” "
        f"({first.date:%Y}); the latest is “{last.title}” ({last.date:%Y}), which is "
        f"{'still a plan' if last.status == 'planned' else 'past'}."
    )


def _answer_01() -> str:
    events = annotate(load_events())
    heavy = events[events["station_mass_kg"] > 200_000].iloc[0]
    return (
        f"In {heavy['date']:%Y}: the line first passes 200 t on {heavy['date'].day} "
        f"{heavy['date']:%B %Y}, with “{heavy['title']}”. The catalogue's masses leave out a few "
        "pieces whose mass it does not know, so the real mass may have passed 200 t a little "
        "earlier."
    )


def _answer_02() -> str:
    expeditions = load_expeditions()
    six = expeditions[expeditions["number"] == 20].iloc[0]
    return (
        "Two people lived aboard from 2003 to the middle of 2006 (the caretaker crews after "
        f"Columbia); the crew first reached six on {six['start'].day} {six['start']:%B %Y}, "
        "with Expedition 20."
    )


def _answer_03() -> str:
    modules = load_modules()
    owned = modules.groupby("agency")["mass_kg"].sum().astype(float)
    built = modules.groupby("built_by")["mass_kg"].sum().astype(float)
    table = pd.DataFrame({"owned": owned, "built": built}).fillna(0)
    difference = table["owned"] - table["built"]
    more = [a for a, d in difference.items() if d > 0]
    less = [a for a, d in difference.items() if d < 0]
    same = [a for a, d in difference.items() if d == 0]
    return (
        f"{', '.join(more)} owns more than its side built; {', '.join(less)} built more than "
        f"they own; {', '.join(same)} own exactly what they built. Zarya, built in Russia, and "
        "the nodes and Cupola built in Italy belong to NASA."
    )


def _answer_05() -> str:
    caught = pd.Timestamp("2020-05-25 12:13", tz="UTC").tz_convert("Asia/Tokyo")
    return (
        f"{caught:%H:%M} on {caught.day} {caught:%B %Y} in Japan: nine hours ahead of UTC, and "
        "12:13 + 9 hours does not pass midnight, so the date is the same."
    )


def _answer_04() -> str:
    return (
        "Two lines such as: date,title and 2008-02-11,Columbus joins the station (a date written "
        "YYYY-MM-DD, in UTC, then a comma and a title)."
    )


PLANS: dict[str, WorksheetPlan] = {
    "00_start_here": WorksheetPlan(
        (_Shown("Every event in the catalogue on one timeline", lambda: _plots().timeline()),),
        "Look at the timeline above. Which row (category) has the most dots? Which event is the "
        "earliest, and which the latest? Is the latest one something that has happened?",
        _answer_00,
        "Write one question about the station that you would like answered, and the lesson "
        "(01, 02, 03 or 05) you think answers it.",
        "Any question; check that the lesson chosen fits (01 the pieces, 02 the people, 03 the "
        "partners, 05 dates and sources).",
    ),
    "01_assembly": WorksheetPlan(
        (
            _Shown("The growth chart: launch mass and number of pieces", lambda: _plots().growth()),
            _Shown(
                "The launch chart: one mark per piece, by the rocket that launched it",
                lambda: _plots().launches_by_vehicle(),
            ),
            _Shown("The station on 21 July 2011", lambda: _plots().station("2011-07-21")),
        ),
        "Use the growth chart. In which year did the station's launch mass first pass 200 "
        "tonnes, and which piece had just arrived?",
        _answer_01,
        "In one sentence, why did building the station take from 1998 to 2011?",
        "One piece went up per launch, on a Shuttle flying a few times a year, and the Shuttles "
        "were grounded from 2003 to 2006 after Columbia was lost.",
    ),
    "02_crew": WorksheetPlan(
        (
            _Shown("The card of Expedition 1", lambda: _card(1)),
            _Shown("The card of Expedition 20", lambda: _card(20)),
            _Shown("The crew chart: long-duration crew aboard", lambda: _plots().people_aboard()),
            _Shown(
                "The first rows of the table of expeditions",
                lambda: _table(
                    load_expeditions()[["number", "start", "end", "days", "crew_agencies"]].head(3)
                ),
            ),
        ),
        "Use the crew chart. In which years did only two people live aboard, and when did the "
        "crew first reach six?",
        _answer_02,
        "In one sentence, why is a spacecraft docked at the station also its crew's lifeboat?",
        "It is the crew's way home in an emergency, so it must be safe to fly at any moment; a "
        "fault in it changes everyone's plans.",
    ),
    "03_cooperation": WorksheetPlan(
        (
            _Shown("Launch mass by owner", lambda: _plots().contributions("agency")),
            _Shown(
                "Launch mass by the partner whose side built it",
                lambda: _plots().contributions("built_by"),
            ),
            _Shown("The supply fleet", lambda: _plots().cargo_fleet()),
        ),
        "Compare the two bar charts, by owner and by builder. Which partner owns more than its "
        "side built, and which partners built more than they own?",
        _answer_03,
        "In one sentence, why can neither half of the station run alone?",
        "The Russian segment does most of the work of keeping the station in its orbit and the "
        "US segment supplies most of its power.",
    ),
    "04_make_your_own": WorksheetPlan(
        (
            _Shown("The station on 1 January 2008", lambda: _plots().station("2008-01-01")),
            _Shown("The check of broken_events.xlsx", _check_of_broken_events),
        ),
        "Write the two lines of an events file (CSV) that add one event that matters to your "
        "class: the header line, then the event.",
        _answer_04,
        "Which setting will you change first for your own class, and in which cell or file?",
        "Any setting named with its place: e.g. events_file= in a lesson's settings cell, or "
        "ISSLEARN_EVENTS for the whole class.",
    ),
    "05_how_we_know": WorksheetPlan(
        (
            _Shown("Corrections by kind", lambda: _plots().corrections_chart()),
            _Shown(
                "The catalogue's time-zone corrections",
                lambda: _table(load_corrections().query("kind == 'time_zone'")[["subject", "why"]]),
            ),
        ),
        "Kounotori 9 was caught by the robotic arm at 12:13 UTC on 25 May 2020. Japan is nine "
        "hours ahead of UTC. What time and date was it in Japan?",
        _answer_05,
        "In one sentence, what will you now ask about any date you read?",
        "Whose clock it is (local time or UTC), and when the source was written, since a "
        "planned date can move.",
    ),
}


# ---------------------------------------------------------------- the page


def _shown_cell(shown: _Shown) -> nbformat.NotebookNode:
    made = shown.make()
    heading = f"<h3>{html.escape(shown.title)}</h3>"
    png = getattr(made, "png", None)
    if callable(png):
        description = html.escape(str(getattr(made, "description", "")))
        data = base64.b64encode(png()).decode("ascii")
        body = (
            f'<figure><img src="data:image/png;base64,{data}" alt="{description}">'
            f"<figcaption><em>{description}</em></figcaption></figure>"
        )
    else:
        body = str(made)
    return nbformat.v4.new_markdown_cell(heading + "\n" + body)


def _items(lesson: str, quiz_file: str | os.PathLike[str] | None) -> tuple[list[QuizItem], int]:
    """The lesson's own questions, then those of ``quiz_file`` (as the lesson asks them)."""
    own = lesson_quiz(lesson)
    theirs = []
    if quiz_file is not None:
        from ..quiz.files import read_quiz_file

        load_quiz_file(quiz_file)  # every problem, as one error
        theirs = read_quiz_file(quiz_file).for_lesson(lesson)
    return [*own, *theirs], len(own)


def _on_paper(text: str) -> str:
    """A question's pointers into the lesson ("the chart in section 3") point at the sheet."""
    return re.sub(r" (?:in|of) section \d+\b", " on this sheet", text)


def worksheet_html(
    lesson: str, *, answers: bool = False, quiz_file: str | os.PathLike[str] | None = None
) -> str:
    """The worksheet of ``lesson`` ('01', '01_assembly'), or with ``answers`` its key."""
    from ..quiz.static import key_markdown, pack

    name = lesson_quiz_file(lesson)[0]
    plan = PLANS[name]
    guide = find_guide(name)
    title = guide.title.replace("Teacher's guide: ", "").strip()
    items, own = _items(name, quiz_file)
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# Worksheet: {html.escape(title)}"
            + (" (answer key)" if answers else "")
            + '\n\n<p class="isslearn-name">Name: ______________________ '
            "Date: ______________</p>"
        )
    ]
    if not answers:
        cells.append(
            nbformat.v4.new_markdown_cell(
                "**How to use this sheet.** Everything the questions ask about is on it. Circle "
                "the letter of one answer; where things are to be put in order, number the "
                "boxes, 1 for the first; where a question asks you to write, write in the space "
                "under it."
            )
        )
        cells.append(nbformat.v4.new_markdown_cell("## What the questions are about"))
        cells += [_shown_cell(shown) for shown in plan.shown]
    cells.append(nbformat.v4.new_markdown_cell("## Questions"))
    for number, item in enumerate(items, start=1):
        if number == own + 1:
            file = Path(os.fsdecode(quiz_file or "")).name
            cells.append(nbformat.v4.new_markdown_cell(f"### Your teacher's questions ({file})"))
        if answers:
            text = key_markdown(pack(item)).replace("**", f"**{number}. ", 1)
        else:
            text = _on_paper(paper_markdown(item, number))
        cells.append(nbformat.v4.new_markdown_cell(text))
    cells.append(nbformat.v4.new_markdown_cell(f"## Exercise\n\n{html.escape(plan.exercise)}"))
    cells.append(
        nbformat.v4.new_markdown_cell(
            f"*Answer:* {html.escape(plan.exercise_answer())}" if answers else WRITING_SPACE
        )
    )
    ticket = f"## Exit ticket\n\n{html.escape(plan.exit_ticket)}"
    cells.append(nbformat.v4.new_markdown_cell(ticket))
    cells.append(
        nbformat.v4.new_markdown_cell(
            f"*What to look for:* {html.escape(plan.exit_answer)}" if answers else WRITING_SPACE
        )
    )
    if answers:
        if own < len(items):
            cells.append(
                nbformat.v4.new_markdown_cell(
                    f"**About the quiz key.** Questions 1 to {own} are the lesson's own: the "
                    f"guide below numbers them the same way. Questions {own + 1} to "
                    f"{len(items)} come from your quiz file; their answers are above."
                )
            )
        cells.append(nbformat.v4.new_markdown_cell(guide.text, metadata={"tags": [GUIDE_TAG]}))
    notebook = nbformat.v4.new_notebook(cells=cells)
    page_title = f"Worksheet: {title}" + (" (answer key)" if answers else "")
    return render_page(notebook, page_title, answers=True)


def write_worksheet(
    lesson: str,
    out: str | os.PathLike[str] | None = None,
    *,
    answers: bool = False,
    pdf: bool = False,
    quiz_file: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the worksheet (``NAME.worksheet.html``) or its key (``NAME.worksheet-key.html``)
    here, or where ``out`` says (a file name ending in .html or .pdf, or a folder)."""
    name = lesson_quiz_file(lesson)[0]
    page = worksheet_html(name, answers=answers, quiz_file=quiz_file)
    kind = "worksheet-key" if answers else "worksheet"
    target = output_target(Path(f"{name}.ipynb"), out, kind=kind, pdf=pdf)
    return write_page(page, target)
