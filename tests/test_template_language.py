"""A French teacher's spreadsheet template: French sheets, headers, drop-downs and examples,
read back by the same checker and loader.

`isslearn template my_class.xlsx` writes the template in the command line's language (the locale
variables) or in the one ``--language`` names. The readers take the words of every language's
template (a header "catégorie", a drop-down value "sortie extravéhiculaire", a "bonne_réponse"
of "oui"), so a teacher's filled-in French template checks OK and loads the events typed in it.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from clirun import isslearn
from openpyxl import load_workbook

from isslearn import language
from isslearn.catalogue.events import check_events, load_events
from isslearn.quiz.files import read_quiz_file
from isslearn.reading import values as voc
from isslearn.teacher import sheet_template
from isslearn.teacher.scaffold import template_text

NBSP, NNBSP = "\u00a0", "\u202f"


def fr(text: str) -> str:
    """``text`` with French typography, as the catalogue writes it: a no-break space before ':'
    and inside « », a narrow one before ';', '?' and '!'."""
    for plain, spaced in ((" :", NBSP + ":"), (" ;", NNBSP + ";"), (" ?", NNBSP + "?")):
        text = text.replace(plain, spaced)
    return text.replace(" !", NNBSP + "!").replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    language.set_language(language.SOURCE_LANGUAGE)


def _french_template(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    path = tmp_path / "ma_classe.xlsx"
    done = isslearn(capsys, "template", str(path))
    assert done.code == 0, done.text
    assert done.out.startswith(fr(f"{path} : écrit (ses lignes d’exemple commencent par #"))
    return path


def test_the_french_template_speaks_french(tmp_path, capsys, monkeypatch):
    path = _french_template(tmp_path, capsys, monkeypatch)
    book = load_workbook(path)
    assert book.sheetnames == ["Événements", "Quiz", "Listes"]
    events, quiz, lists = book.worksheets
    assert [c.value for c in events[1]] == [
        "identifiant", "date", "titre", "résumé", "catégorie",
        "agences", "pays", "statut", "source", "note",
    ]  # fmt: skip
    example = [c.value for c in events[2]]
    assert example[2] == "Notre école parle avec la station"
    assert example[4] == "équipage" and example[7] == "passé"
    assert example[9].startswith(fr("Un exemple : les lignes dont la première cellule"))
    assert [c.value for c in quiz[1]][:4] == ["question", "option", "bonne_réponse", "commentaire"]
    assert quiz["A2"].value == fr("# Quel module a été la première pièce de la station en orbite ?")
    assert quiz["C2"].value == "oui"
    assert lists.sheet_state == "hidden"
    categories = [lists.cell(row=r, column=1).value for r in range(2, 11)]
    assert "sortie extravéhiculaire" in categories and "assembly" not in categories
    prompts = {rule.prompt for rule in events.data_validations.dataValidation}
    assert fr("Choisissez-en une ; vide veut dire étape.") in prompts


def test_a_filled_in_french_template_checks_ok_and_loads(tmp_path, capsys, monkeypatch):
    path = _french_template(tmp_path, capsys, monkeypatch)
    book = load_workbook(path)
    events, quiz = book["Événements"], book["Quiz"]
    events["A2"] = None  # the example row, used: its # deleted
    typed = {
        3: (dt.date(2016, 1, 15), "Première sortie de Tim Peake", "sortie extravéhiculaire"),
        4: (dt.date(2027, 5, 20), "La station passe au-dessus de l’école", "étape"),
    }
    for row, (date, title, category) in typed.items():  # below the example, as a teacher types
        events[f"B{row}"], events[f"C{row}"], events[f"E{row}"] = date, title, category
    events["F3"], events["G3"], events["H3"], events["H4"] = "ESA", "Royaume-Uni", "passé", "prévu"
    for row in range(2, 7):  # the quiz's example rows, used
        cell = quiz.cell(row=row, column=1)
        cell.value = str(cell.value).removeprefix("#").strip() or None
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())

    checked = isslearn(capsys, "check", str(path))
    assert checked.code == 0, checked.text
    assert fr(f"{path} : OK, 3 événement(s) du 29 mai 2009 au 20 mai 2027") in checked.out
    assert "3 question(s) de quiz" in checked.out

    monkeypatch.setenv("LANG", "C")
    assert isslearn(capsys, "check", str(path)).code == 0  # the same file, an English checker
    found = check_events(path)
    assert not found.problems, found.problems
    loaded = load_events(path, builtin=False)
    assert list(loaded["category"]) == ["crew", "spacewalk", "milestone"]
    assert list(loaded["status"]) == ["happened", "happened", "planned"]
    assert list(loaded["title"])[1] == "Première sortie de Tim Peake"
    assert loaded["agencies"].iloc[1] == ("ESA",)
    quiz_file = read_quiz_file(path)
    assert not quiz_file.problems, quiz_file.problems
    assert len(quiz_file.value) == 3


def test_language_option_chooses_the_templates_language(tmp_path, capsys):
    path = tmp_path / "ma_classe.xlsx"
    done = isslearn(capsys, "template", str(path), "--language", "fr")
    assert done.code == 0, done.text
    assert load_workbook(path).sheetnames == ["Événements", "Quiz", "Listes"]
    wrong = isslearn(capsys, "template", str(tmp_path / "x.xlsx"), "--language", "xx")
    assert wrong.code == 2 and "invalid choice: 'xx'" in wrong.err


def test_the_english_template_is_unchanged(tmp_path, capsys):
    path = tmp_path / "my_class.xlsx"
    assert isslearn(capsys, "template", str(path)).code == 0
    book = load_workbook(path)
    assert book.sheetnames == ["Events", "Quiz", "Lists"]
    events, quiz, lists = book.worksheets
    assert tuple(c.value for c in events[1]) == voc.EVENT_COLUMNS
    assert events["C2"].value == "Our school talks to the station"
    assert events["J2"].value == sheet_template.EXAMPLE_NOTE
    assert [lists.cell(row=r, column=1).value for r in range(2, 11)] == list(voc.CATEGORIES)
    assert quiz["C2"].value == "yes"
    prompts = {rule.prompt for rule in events.data_validations.dataValidation}
    assert "Choose one; empty means milestone." in prompts


def test_every_example_word_is_in_the_catalogue():
    """A change to the CSV or YAML template's examples must reach EXAMPLE_WORDS, or the French
    template would show it in English."""
    language.set_language("en")
    english = sheet_template._example_event()
    texts = [str(english[c]) for c in ("title", "summary", "countries")]
    texts += [cell for row in sheet_template._example_quiz() for cell in row[:8]]
    words = set(sheet_template.EXAMPLE_WORDS)
    options = {"Zarya", "Unity", "Zvezda"}  # module names, the same in every language
    missing = [t for t in texts if t and t not in words | options | {"#", "yes"}]
    assert not missing, missing
    assert "Our school talks to the station" in template_text("events.csv")


def test_french_headers_and_values_read_from_a_csv_too(write_file):
    path = write_file(
        "nos_evenements.csv",
        "date,titre,catégorie,statut,agences\n2016-01-15,Sortie de Tim Peake,"
        "sortie extravéhiculaire,passé,ESA\n",
    )
    found = check_events(path)
    assert not found.problems, found.problems
    assert found.value["category"].item() == "spacewalk"
    bad = write_file("faux.csv", "date,titre,catégorie\n2016-01-15,Une sortie,sortie spatiale\n")
    (problem,) = check_events(bad).problems
    assert problem.column == "catégorie"  # as the file's header writes it
    assert str(problem) == (
        f"{bad}:2: column 'catégorie': unknown category 'sortie spatiale'; allowed: assembly, "
        "crew, cooperation, vehicle, science, spacewalk, record, incident, milestone"
    )
    language.set_language("fr")
    (problem,) = check_events(bad).problems
    assert str(problem) == fr(
        f"{bad}:2: colonne « catégorie » : catégorie inconnue « sortie spatiale » ; valeurs "
        "permises : assemblage, équipage, coopération, véhicule, science, sortie "
        "extravéhiculaire, record, incident, étape"
    )
