"""The library's words in every language: found from the files, complete, and really shown.

The languages are the gettext catalogues in ``isslearn/locale/<lang>/LC_MESSAGES/`` (English is
the code's own words). For each one this checks, with no code to change for a third language:

- its ``.po`` is up to date with the code (``make translations`` extracted every message) and
  translates every message, with no fuzzy entry and the same ``{placeholders}`` as the English;
- the ``.mo`` shipped in the wheel is the ``.po`` compiled;
- every other file a lesson needs is there: the catalogue's words (``seeds/<lang>/``), and for
  each English lesson its notebook, quiz file and teacher's guide, and a glossary.

Then it checks that a French lesson really speaks French (a figure's axis, a widget's button, the
catalogue's titles, dates and numbers) and that going back to English gives today's English.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import isslearn
from isslearn import language, plots, widgets
from isslearn.errors import LanguageError, SettingsError

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "isslearn" / "locale"
LANGUAGES = [name for name in language.languages() if name != language.SOURCE_LANGUAGE]
LESSONS = sorted(p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PLACEHOLDER = re.compile(r"\{[A-Za-z_]*\}")


@pytest.fixture(autouse=True)
def _english_after():
    """Every test leaves the kernel in English, as a lesson without ``language=`` expects."""
    yield
    language.set_language(language.SOURCE_LANGUAGE)


def catalogue(name: str):
    with (LOCALE / name / "LC_MESSAGES" / "isslearn.po").open("rb") as handle:
        return read_po(handle, locale=name)


def test_the_languages_are_found_from_the_files():
    on_disk = sorted(p.parts[-3] for p in LOCALE.glob("*/LC_MESSAGES/isslearn.po"))
    assert "fr" in on_disk
    assert language.languages() == ("en", *on_disk)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The msgids ``make translations`` would extract from the code now (pybabel, babel.cfg)."""
    out = tmp_path_factory.mktemp("pot") / "isslearn.pot"
    pybabel = [sys.executable, "-c", "from babel.messages.frontend import main; main()"]
    config = REPO / "babel.cfg"
    subprocess.run(
        [*pybabel, "-q", "extract", "-F", str(config), "--no-location", "-o", str(out), "."],
        cwd=REPO,
        check=True,
    )
    with out.open("rb") as handle:
        template = read_po(handle)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}


@pytest.mark.parametrize("name", LANGUAGES)
def test_the_catalogue_holds_every_message_of_the_code(name, extracted):
    ours = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue(name) if m.id}
    assert not extracted - ours, f"{name}: run `make translations`, then translate: " + repr(
        sorted(extracted - ours)[:10]
    )
    assert not ours - extracted, f"{name}: messages the code no longer has: " + repr(
        sorted(ours - extracted)[:10]
    )


@pytest.mark.parametrize("name", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(name):
    problems = []
    for message in catalogue(name):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) - wanted:
                problems.append(f"{ids[0]!r}: {text!r} has a placeholder the English lacks")
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", LANGUAGES)
def test_the_shipped_mo_is_the_po_compiled(name):
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(name))
    shipped = (LOCALE / name / "LC_MESSAGES" / "isslearn.mo").read_bytes()
    assert shipped == compiled.getvalue(), f"{name}: run `make translations` to compile the .po"


@pytest.mark.parametrize("name", LANGUAGES)
def test_each_language_has_every_file_a_lesson_needs(name):
    wanted = [f"seeds/{name}/{table}" for table in ("events.csv", "modules.csv", "agencies.csv")]
    wanted += [f"seeds/{name}/eras.csv", f"seeds/{name}/corrections.csv"]
    wanted += [f"notebooks/{name}/glossary.md"]
    for lesson in LESSONS:
        wanted += [
            f"notebooks/{name}/{lesson}.ipynb",
            f"isslearn/quizzes/{name}/{lesson}.yaml",
            f"isslearn/guides/{name}/{lesson}.md",
        ]
    missing = [path for path in wanted if not (REPO / path).is_file()]
    assert not missing, f"{name} lacks {missing}"


def test_an_unknown_language_is_refused_with_the_ones_there_are():
    with pytest.raises(LanguageError, match=r"'xx'.*'en', 'fr'") as caught:
        isslearn.Lesson(language="xx")
    assert isinstance(caught.value, SettingsError)
    assert language.current() == "en"  # a refused language changes nothing


def test_a_french_lesson_speaks_french_and_english_comes_back():
    lesson = isslearn.Lesson(language="fr")
    assert "langue\u00a0: fr" in repr(lesson)
    titles = lesson.events().set_index("id")["title"]
    assert titles["expedition-1-boards"].startswith("L’Expédition 1 entre dans l’ISS")
    chart = plots.timeline(lesson.events())
    axes = chart.figure.axes[0]
    assert axes.get_ylabel() == "catégorie"
    assert "assemblage" in [t.get_text() for t in axes.get_yticklabels()]
    assert chart.description.startswith("Entre le 29 septembre 1988 et le ")
    quiz = lesson.quiz("01")
    box = quiz[0].widget()
    assert box.children[2].description == "Vérifier"
    assert quiz[0].title.startswith("Zarya, le premier élément")
    card = plots.expedition_card(1)
    assert "membre d’équipage" in card.data.columns
    assert card.caption.startswith("Expédition 1\u00a0: du 2 novembre 2000 au ")
    assert "1\u202f641" in language.number(1641) and language.number(19.3, 1) == "19,3"

    english = isslearn.Lesson()
    assert "\ndates: the beginning to today\n" in repr(english)
    titles = english.events().set_index("id")["title"]
    assert titles["expedition-1-boards"].startswith("Expedition 1")
    axes = plots.timeline(english.events()).figure.axes[0]
    assert axes.get_ylabel() == "category"
    assert english.quiz("01")[0].widget().children[2].description == "Check"
    assert plots.expedition_card(1).data.columns[0] == "crew member"


def test_french_widgets_label_their_controls_and_keep_their_values():
    isslearn.Lesson(language="fr")
    explorer = widgets.event_timeline()
    categories = explorer.controls["categories"]
    assert categories.description == "Catégories"
    assert ("équipage", "crew") in categories.options  # the learner reads French, code says crew
    shown = explorer.update(categories=("crew",))
    assert "équipage" in shown.description
    drawing = plots.station_map("1998-12-07")
    assert drawing.description.startswith("Le 7 décembre 1998\u00a0:")
    tags = [t.get_text() for t in drawing.figure.axes[0].texts]
    assert any("NOUVEAU" in t for t in tags)  # the tag on the pieces that came that day


def test_french_dates_write_the_first_of_the_month_1er():
    language.set_language("fr")
    assert language.day("2003-02-01") == "1er février 2003"
    assert language.day("1998-11-20") == "20 novembre 1998"
    language.set_language("en")
    assert language.day("2003-02-01") == "2003-02-01"


def test_no_text_of_a_french_lesson_figure_is_cut_off():
    """French runs longer than English: every lesson figure, drawn in French, still fits."""
    from test_figures_read import drawn_texts, lesson_figures

    isslearn.Lesson(language="fr")
    figures = lesson_figures()
    figures["01 station 2011"] = plots.station("2011-07-21")
    figures["01 map 2011"] = plots.station_map("2011-07-21")
    problems = []
    for name, chart in figures.items():
        figure = chart.figure
        figure.canvas.draw()
        renderer, box = figure.canvas.get_renderer(), figure.bbox
        for text in drawn_texts(figure):
            window = text.get_window_extent(renderer)
            if not (
                window.x0 >= box.x0 - 0.5
                and window.y0 >= box.y0 - 0.5
                and window.x1 <= box.x1 + 0.5
                and window.y1 <= box.y1 + 0.5
            ):
                problems.append(f"{name}: {text.get_text()!r} is cut off")
    assert not problems, "\n".join(problems)


def test_a_french_corrections_table_has_french_headings_and_kinds():
    isslearn.Lesson(language="fr")
    table = plots.corrections_table("time_zone")
    assert list(table.columns[:2]) == ["type", "sujet"]
    assert set(table["type"]) == {"fuseau horaire"}
    assert table["date"].iloc[0][0].isdigit() and " " in table["date"].iloc[0]  # "17 novembre …"
    language.set_language("en")
    assert list(plots.corrections_table("time_zone").columns[:2]) == ["kind", "about"]


def test_a_new_language_is_only_files(tmp_path, monkeypatch):
    """A catalogue dropped into the locale folder is a language at once: no code names it."""
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shipped = LOCALE / "fr" / "LC_MESSAGES" / "isslearn.mo"
    (folder / "isslearn.mo").write_bytes(shipped.read_bytes())  # a stand-in translation
    monkeypatch.setattr(language, "LOCALE_DIR", tmp_path)
    language.languages.cache_clear()
    try:
        assert language.languages() == ("en", "xx")
        language.set_language("xx")
        assert language.gettext("Check") == "Vérifier"
        with pytest.raises(LanguageError, match="'en', 'xx'"):
            language.set_language("fr")
    finally:
        language.set_language("en")
        monkeypatch.undo()
        language.languages.cache_clear()
    assert "fr" in language.languages()
