"""Markup in a teacher's text is shown as text everywhere it appears, never run as HTML.

A teacher's events file and quiz file full of ``<script>`` and ``<img onerror>`` go through
every widget, the quiz (live, Markdown twin and feedback), the figures' captions, a new lesson's
title and the printable handout; each HTML produced holds the escaped text and no raw tag.
"""

from __future__ import annotations

import html
import inspect

import ipywidgets as w
import nbformat
import pytest

import isslearn
from isslearn import plots, quiz, widgets

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
RAW_TAGS = ("<script", "<img src=x", "<b>bold")
ESCAPED = html.escape(SCRIPT, quote=False)  # &lt;script&gt;alert(1)&lt;/script&gt;

EVENTS_CSV = f"""date,title,summary,category,agencies
2001-03-01,{SCRIPT},{IMG},science,NASA
2001-06-01,{IMG},"<b>bold</b> & {SCRIPT}",crew,ESA
"""

QUIZ_YAML = f"""\
- question: "{SCRIPT} Which came first?"
  options:
    - text: "{IMG}"
      correct: true
      feedback: "{SCRIPT} yes"
    - text: "Unity <b>bold</b>"
      feedback: "{IMG} no"
- order: "{SCRIPT} Put these in order"
  items:
    - "{IMG}"
    - text: "Unity"
      detail: "{SCRIPT}"
"""


@pytest.fixture
def events_file(write_file):
    return write_file("class events.csv", EVENTS_CSV)


@pytest.fixture
def quiz_file(write_file):
    return write_file("class quiz.yaml", QUIZ_YAML)


def assert_text_only(markup: str, where: str) -> None:
    for tag in RAW_TAGS:
        assert tag not in markup, f"{where}: raw {tag!r} in {markup[:2000]!r}"


def html_values(widget) -> list[str]:
    """The HTML of every HTML element in a widget tree (the only kind rendered as markup)."""
    found = []
    if isinstance(widget, (w.HTML, w.HTMLMath)):
        found.append(widget.value)
    for child in getattr(widget, "children", ()):
        found += html_values(child)
    return found


def widget_factories() -> dict[str, object]:
    """Every public explorer in isslearn.widgets, so a new one is checked without a new test."""
    return {
        name: obj
        for name, obj in vars(widgets).items()
        if inspect.isfunction(obj)
        and not name.startswith("_")
        and obj.__module__.startswith(widgets.__name__ + ".")
        and name in widgets.__all__
        and name.endswith(("_explorer", "_timeline"))
    }


def test_there_are_widgets_to_check():
    assert {"assembly_explorer", "event_timeline"} <= set(widget_factories())


def events_widgets() -> list[str]:
    """The explorers that show events, so a teacher's titles reach them."""
    return sorted(
        name
        for name, factory in widget_factories().items()
        if "events" in inspect.signature(factory).parameters
    )


def test_there_are_widgets_that_show_events():
    assert "event_timeline" in events_widgets()


@pytest.mark.parametrize("name", events_widgets())
def test_every_widget_with_a_class_wide_events_file(name, events_file, monkeypatch):
    """The class file reaches a widget as every lesson passes it: ``lesson.events()``."""
    monkeypatch.setenv("ISSLEARN_EVENTS", str(events_file))
    events = isslearn.Lesson().events()
    assert SCRIPT in set(events["title"])
    explorer = widget_factories()[name](events=events)
    for value in html_values(explorer):
        assert_text_only(value, name)


def test_event_timeline_lists_teacher_titles_as_text(events_file):
    events = isslearn.load_events(events_file)
    explorer = widgets.event_timeline(events, start="2000-01-01", end="2002-12-31")
    shown = "".join(html_values(explorer))
    assert ESCAPED in shown
    assert html.escape(IMG, quote=False) in shown
    assert_text_only(shown, "event_timeline")
    explorer.update(years=(2001, 2001))
    shown = "".join(html_values(explorer))
    assert ESCAPED in shown
    assert_text_only(shown, "event_timeline after update")


def test_timeline_caption_with_every_title_shown(events_file):
    events = isslearn.load_events(events_file)
    chart = plots.timeline(events, "2000-01-01", "2002-12-31", label="all")
    assert_text_only(chart.caption_markdown(), "timeline caption")
    assert chart.description  # there is a sentence to read


def test_quiz_widgets_feedback_and_markdown(quiz_file):
    items = quiz.load_quiz_file(quiz_file)
    assert len(items) == 2
    seen = ""
    for item in items:
        box = item.widget()
        check = next(c for c in box.children if isinstance(c, w.Button))
        answers = next(c for c in box.children if isinstance(c, (w.RadioButtons, w.VBox)))
        if isinstance(answers, w.RadioButtons):
            for index in range(len(answers.options)):
                answers.value = index
                check.click()
                seen += "".join(html_values(box))
        else:
            check.click()
            seen += "".join(html_values(box))
        for answers_shown in (False, True):
            markdown = item.to_markdown(answers=answers_shown)
            assert_text_only(markdown, "quiz Markdown")
            seen += markdown
    questions, key = quiz.static_markdown(items)
    assert_text_only(questions + key, "quiz static Markdown")
    assert_text_only(seen, "quiz widgets")
    assert ESCAPED in seen
    assert html.escape(IMG, quote=False) in seen
    assert "&lt;script&gt;alert(1)&lt;/script&gt; yes" in seen  # the feedback for option A


def test_new_lesson_title_is_text(tmp_path):
    from isslearn.teacher import scaffold

    path = scaffold.new_lesson("my_lesson", tmp_path, title=SCRIPT)
    notebook = nbformat.read(path, as_version=4)
    markdown = "".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert ESCAPED in markdown
    assert_text_only(markdown, "new lesson")


HANDOUT_CELLS = [
    "# A lesson with a teacher's files",
    "import isslearn\nfrom isslearn import plots, quiz, widgets\n"
    "events = isslearn.load_events(EVENTS)",
    "events.loc[events.origin != 'built-in', ['date', 'title', 'summary']]",
    "plots.timeline(events, '2000-01-01', '2002-12-31', label='all')",
    "quiz.show(quiz.load_quiz_file(QUIZ))",
    "widgets.event_timeline(events, start='2000-01-01', end='2002-12-31')",
    "print(events.title.iloc[-1])",
]


@pytest.mark.slow
@pytest.mark.kernel
def test_handout_of_a_lesson_with_teacher_files(events_file, quiz_file, tmp_path):
    from nbclient import NotebookClient

    from isslearn.teacher import handout

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell(HANDOUT_CELLS[0])]
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in HANDOUT_CELLS[1:]]
    notebook.cells[1].source = (
        f"EVENTS, QUIZ = {str(events_file)!r}, {str(quiz_file)!r}\n" + notebook.cells[1].source
    )
    NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    path = tmp_path / "lesson.ipynb"
    nbformat.write(notebook, path)
    for answers in (False, True):
        page = handout.handout_html(path, answers=answers)
        assert_text_only(page, f"handout (answers={answers})")
        assert ESCAPED in page or "&lt;script&gt;" in page


def test_expedition_card_and_explorer_show_names_from_a_teachers_table_as_text():
    expeditions = isslearn.load_expeditions().iloc[:1].copy()
    expeditions.at[expeditions.index[0], "crew"] = (SCRIPT, IMG, "Ann <b>bold</b>")
    expeditions.at[expeditions.index[0], "crew_agencies"] = ("NASA", "ESA", "JAXA")
    stays = isslearn.load_stays()
    number = int(expeditions["number"].iloc[0])
    card = plots.expedition_card(number, expeditions, stays).to_html()
    assert_text_only(card, "expedition card")
    assert ESCAPED in card
    explorer = widgets.expedition_explorer(number, expeditions, stays)
    shown = "".join(html_values(explorer))
    assert_text_only(shown, "expedition explorer")
    assert ESCAPED in shown


def test_contributions_caption_names_modules_as_text():
    modules = isslearn.load_modules()
    zarya = modules.index[modules["id"] == "zarya"][0]
    modules.at[zarya, "name"] = SCRIPT
    chart = plots.contributions("built_by", modules)
    assert "<script" in chart.description  # the sentence holds the name as it is...
    assert_text_only(chart.caption_markdown(), "contributions caption")  # ...shown as text
    explorer = widgets.contributions_explorer(modules)
    assert_text_only("".join(html_values(explorer)), "contributions explorer")
