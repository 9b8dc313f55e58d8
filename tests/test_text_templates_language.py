"""The CSV and YAML templates in the command line's language: `isslearn template events.csv` or
`quiz.yaml` under a French locale (or ``--language fr``) writes French comments, headers and
examples, which the same readers read back; in English the templates are what they were."""

from __future__ import annotations

import pytest
from clirun import isslearn

from isslearn import language
from isslearn.catalogue.events import check_events, load_events
from isslearn.language import LOCALE_DIR
from isslearn.quiz.files import read_quiz_file
from isslearn.quiz.items import MultipleChoice, WrittenAnswer
from isslearn.teacher.scaffold import template_text

TEMPLATES = LOCALE_DIR.parent / "templates"


@pytest.fixture(autouse=True)
def _english_after():
    yield
    language.set_language(language.SOURCE_LANGUAGE)


def test_a_french_csv_template_reads_back_as_events(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    path = tmp_path / "evenements.csv"
    assert isslearn(capsys, "template", str(path)).code == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "identifiant,date,titre,résumé,catégorie,agences,pays,statut,source,note"
    assert lines[1].startswith("# Les lignes qui commencent par # sont ignorées")
    assert "Our school" not in path.read_text(encoding="utf-8")
    used = [lines[0], *(line.removeprefix("#") for line in lines[2:])]  # the examples, used
    path.write_text("\n".join(used) + "\n", encoding="utf-8")
    checked = isslearn(capsys, "check", str(path))
    assert checked.code == 0, checked.text
    monkeypatch.setenv("LANG", "C")
    assert not check_events(path).problems
    loaded = load_events(path, builtin=False)
    assert list(loaded["title"]) == [
        "Notre école parle avec la station",
        "Notre classe regarde passer la station (prévu)",
    ]
    assert list(loaded["category"]) == ["crew", "milestone"]
    assert list(loaded["status"]) == ["happened", "planned"]


def test_a_french_yaml_template_reads_back_as_the_english_ones_quiz(tmp_path, capsys):
    path = tmp_path / "mon_quiz.yaml"
    assert isslearn(capsys, "template", str(path), "--language", "fr").code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Un quiz pour les leçons d\u2019isslearn.")
    found = read_quiz_file(path)
    assert not found.problems and not found.notices, found.problems + found.notices
    english = read_quiz_file(TEMPLATES / "quiz.yaml")
    assert [type(i) for i in found.items] == [type(i) for i in english.items]
    language.set_language("fr")  # the French examples are the catalogue's words for the English
    choice, written = (
        next(i for i in items if isinstance(i, kind))
        for items, kind in ((found.items, MultipleChoice), (found.items, WrittenAnswer))
    )
    english_choice = next(i for i in english.items if isinstance(i, MultipleChoice))
    assert "# " + choice.question == language.gettext("# " + english_choice.question)
    assert [o.feedback for o in choice.options] == [
        language.gettext(o.feedback) for o in english_choice.options
    ]
    english_written = next(i for i in english.items if isinstance(i, WrittenAnswer))
    assert written.model_answer == language.gettext(english_written.model_answer)
    assert written.checklist == tuple(language.gettext(t) for t in english_written.checklist)


def test_the_english_text_templates_are_unchanged(tmp_path, capsys):
    for name in ("events.csv", "quiz.yaml"):
        path = tmp_path / name
        assert isslearn(capsys, "template", str(path)).code == 0
        assert path.read_text(encoding="utf-8") == (TEMPLATES / name).read_text(encoding="utf-8")
    assert template_text("quiz.yaml").startswith("# A quiz for isslearn lessons.")
    assert template_text("lesson.ipynb", "fr") == template_text("lesson.ipynb")  # none in fr/


@pytest.mark.parametrize("name", ["events.csv", "quiz.yaml"])
def test_every_language_has_its_text_templates(name):
    for lang in language.languages()[1:]:
        assert (TEMPLATES / lang / name).is_file(), f"templates/{lang}/{name}"
        assert template_text(name, lang) != template_text(name)
