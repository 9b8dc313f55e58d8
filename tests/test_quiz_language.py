"""A teacher's quiz file checked in the language of the lesson or of the command line.

The YAML reader, the records' validators and the Quiz sheet build some messages from parts
(the kind of entry, "yes", a column's name); in French each is a whole sentence of the catalogue,
and a French Quiz sheet's hints name its own words ("oui", "bonne_réponse"). In English every
message is word for word what it was.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from openpyxl import Workbook

from isslearn import Lesson, language
from isslearn.catalogue.events import validate
from isslearn.quiz.files import read_quiz_file

NBSP, NNBSP = "\u00a0", "\u202f"
QUIZ = """\
- question: Quel module est parti en premier ?
  options:
    - text: Zarya
      correct: true
      feedback: Oui, le 20 novembre 1998.
    - text: Unity
      correct: true
    - text: Zarya
  couleur: bleu
- order: Rangez ces modules
  items:
    - Zarya
- question: Une autre
  options:
    - text: A #1
      correct: true
      feedback: Bien.
    - text: B
      feedback: Non.
"""


def fr(text: str) -> str:
    """``text`` with French typography, as the catalogue writes it."""
    for plain, spaced in ((" :", NBSP + ":"), (" ;", NNBSP + ";"), (" ?", NNBSP + "?")):
        text = text.replace(plain, spaced)
    text = text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    return text.replace("'", "\u2019")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    language.set_language(language.SOURCE_LANGUAGE)


def _lines(path) -> list[str]:
    found = read_quiz_file(path)
    return [str(p) for p in found.problems + found.notices]


def test_a_yaml_quiz_is_checked_in_french(write_file):
    path = write_file("mon_quiz.yaml", QUIZ)
    language.set_language("fr")
    assert _lines(path) == [
        fr(f"{path}:9: champ « couleur » : champ inconnu dans une question ; valeurs permises :")
        + " question, options, lessons",
        fr(
            f"{path}:8: champ « text » : l'option « Zarya » apparaît deux fois (aussi à la ligne 3)"
            " ; gardez-en une seule"
        ),
        fr(
            f"{path}:6: champ « correct » : une deuxième option est marquée juste ; une question a "
            "exactement une bonne réponse ; ne gardez « correct: true » qu'à la ligne 3"
        ),
        fr(
            f"{path}:11: champ « items » : la tâche a 1 élément(s) ; il lui en faut de 2 à 8 ; "
            "listez-les dans le bon ordre, chacun sur sa ligne commençant par « - »"
        ),
        fr(
            f"{path}:6: remarque : champ « feedback » : l'option « Unity » n'a pas de "
            "commentaire : un élève qui la choisit ne voit que « Oui, c'est juste. » ; "
            "ajoutez en dessous « feedback: ... » qui explique la réponse"
        ),
        fr(
            f"{path}:8: remarque : champ « feedback » : l'option « Zarya » n'a pas de "
            "commentaire : un élève qui la choisit ne voit que « Pas celle-ci ; regardez "
            "encore. » ; ajoutez en dessous « feedback: ... » qui dit pourquoi elle est fausse"
        ),
        fr(
            f"{path}:15: remarque : champ « text » : le texte s'arrête à « # » : YAML lit « #1 » "
            "comme un commentaire et garde « A » ; mettez tout le texte entre guillemets droits "
            "doubles pour garder le « # » et ce qui le suit"
        ),
    ]


def test_a_yaml_quiz_is_checked_in_english_as_before(write_file):
    path = write_file("my_quiz.yaml", QUIZ)
    assert _lines(path) == [
        f"{path}:9: field 'couleur': unknown field in a question; allowed: question, options, "
        "lessons",
        f"{path}:8: field 'text': the option 'Zarya' appears twice (also on line 3); keep one of "
        "them",
        f"{path}:6: field 'correct': a second option is marked correct; a question has exactly "
        "one right answer; keep 'correct: true' only on line 3",
        f"{path}:11: field 'items': the task has 1 item(s); it needs 2 to 8; list them in the "
        "right order, each on its own line starting with '- '",
        f"{path}:6: notice: field 'feedback': the option 'Unity' has no feedback, so a learner "
        "who picks it sees only 'Yes, that is right.'; add 'feedback: ...' under it that "
        "explains the answer",
        f"{path}:8: notice: field 'feedback': the option 'Zarya' has no feedback, so a learner "
        "who picks it sees only 'Not this one; have another look.'; add 'feedback: ...' under "
        "it that says why it is wrong",
        f"{path}:15: notice: field 'text': the text stops at ' #': YAML reads '#1' as a comment "
        "and keeps 'A'; put the whole text in double quotes to keep the '#' and what follows it",
    ]


@pytest.mark.parametrize(
    ("text", "english", "french"),
    [
        (
            "- question: x\n  options:\n\t- text: a\n",
            "3: a tab is used for indentation; indent with spaces, not tabs",
            "3: une tabulation sert de retrait ; faites les retraits avec des espaces, pas des "
            "tabulations",
        ),
        (
            "- question: x\n  options:\n    - text: a\n   - text: b\n",
            "4: line 4 is not lined up with the lines above it: its '- ' is in column 4, the '- ' "
            "on line 3 in column 5",
            "4: la ligne 4 n'est pas alignée sur les lignes au-dessus : son « - » est à la "
            "colonne 4, celui de la ligne 3 à la colonne 5",
        ),
        (
            "question: x\n",
            "1: the file must be a list of questions",
            "1: le fichier doit être une liste de questions",
        ),
        (
            "- write: Pourquoi ?\n  model_answer: Parce que.\n  checklist:\n    complete: a\n",
            "3: field 'partial': the checklist has no 'partial' level; it needs all three: "
            "complete, partial, not_yet",
            "3: champ « partial » : la liste de contrôle n'a pas de niveau « partial » ; il lui "
            "faut les trois : complete, partial, not_yet",
        ),
        (
            "- generate: launch_order\n  seed: sept\n",
            "2: field 'seed': must be a whole number (got 'sept')",
            "2: champ « seed » : doit être un nombre entier (trouvé « sept »)",
        ),
    ],
)
def test_the_yaml_readers_own_findings_in_both_languages(write_file, text, english, french):
    path = write_file("quiz.yaml", text)
    assert _lines(path)[0].startswith(f"{path}:{english}")
    language.set_language("fr")
    assert _lines(path)[0].startswith(fr(f"{path}:{french}"))


def _french_quiz_sheet(path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Quiz"
    for row in (
        ["question", "option", "bonne_réponse", "commentaire"],
        ["Quel module d'abord ?", "Zarya", "", "Oui."],
        [None, "Unity", "", "Non."],
        ["Et ensuite ?", "Unity", "peut-être", "Oui."],
    ):
        sheet.append(row)
    book.save(path)


def test_a_french_quiz_sheets_hints_name_its_own_words(tmp_path):
    path = tmp_path / "ma_classe.xlsx"
    _french_quiz_sheet(path)
    language.set_language("fr")
    where = fr(f"{path}: feuille « Quiz », cellule ")
    assert _lines(path) == [
        where
        + fr(
            "C2: colonne « bonne_réponse » : aucune option de cette question n'est marquée "
            "juste ; tapez « oui » dans la cellule « bonne_réponse » de la bonne option"
        ),
        where
        + fr(
            "C4: colonne « bonne_réponse » : doit être « oui » ou vide (trouvé « peut-être ») "
            "; tapez « oui » pour la seule bonne option et laissez les autres vides"
        ),
        where
        + fr(
            "B4: colonne « option » : la question a 0 option(s) ; il lui en faut 2 ou plus ; "
            "mettez chaque option sur sa propre ligne sous la question, en laissant "
            "« question » vide"
        ),
    ]
    language.set_language("en")
    assert _lines(path)[1] == (
        f"{path}: sheet 'Quiz', cell C4: column 'bonne_réponse': must be 'yes' or empty (got "
        "'peut-être'); type 'yes' for the one right option and leave the others empty"
    )


def test_a_french_lesson_with_a_broken_quiz_file_says_it_in_french(write_file, told):
    path = write_file("mon_quiz.yaml", "- question: Seule\n  options:\n    - text: A\n")
    Lesson(language="fr", quiz_file=path)
    shown = "\n".join(told())
    assert fr("la question a 1 option(s) ; il lui en faut 2 ou plus") in shown
    assert "option(s); it needs" not in shown


@pytest.mark.parametrize(
    ("name", "english", "french"),
    [
        (
            "dossier",
            "this is a folder, not an events file",
            "c'est un dossier, pas un fichier d'événements",
        ),
        (
            "quiz.yaml",
            "a YAML file holds quiz questions, not a table; an events file is read from a "
            "spreadsheet (.xlsx, .ods) or a CSV file",
            "un fichier YAML contient des questions de quiz, pas un tableau ; un fichier "
            "d'événements se lit dans un classeur (.xlsx, .ods) ou un fichier CSV",
        ),
    ],
)
def test_the_wrong_kind_of_file_as_events_in_both_languages(tmp_path, name, english, french):
    path = tmp_path / name
    if name == "dossier":
        path.mkdir()
    else:
        path.write_text(QUIZ, encoding="utf-8")
    assert validate(path)[0].message == english
    language.set_language("fr")
    assert validate(path)[0].message == fr(french)


def test_isslearn_check_of_a_quiz_under_a_french_locale(tmp_path):
    path = tmp_path / "mon_quiz.yaml"
    path.write_text(QUIZ, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    shown = subprocess.run(
        [sys.executable, "-m", "isslearn", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**env, "LANG": "fr_FR.UTF-8"},
    )
    assert fr("champ inconnu dans une question ;") in shown.stdout + shown.stderr
    assert fr("ne gardez « correct: true » qu'à la ligne 3") in shown.stdout + shown.stderr
    assert "unknown field" not in shown.stdout + shown.stderr
