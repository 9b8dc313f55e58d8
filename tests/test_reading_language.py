"""The file readers' messages in the language of the lesson that reads the file.

A French lesson (``Lesson(language="fr")``) lists a teacher's broken file under its settings
cell in French, and tells learners about a broken class-wide file in French; an English lesson
says word for word what it always said. (The command line's language: test_cli_language.py.)
"""

from __future__ import annotations

import pytest

from isslearn import Lesson, language
from isslearn.lesson import EVENTS_ENV

NBSP, NNBSP = "\u00a0", "\u202f"
BROKEN = "date,title,agencies\n2023-02-30,Une visite,EAS\n"


def fr(text: str) -> str:
    """``text`` with French typography, as the catalogue writes it."""
    for plain, spaced in ((" :", NBSP + ":"), (" ;", NNBSP + ";"), (" ?", NNBSP + "?")):
        text = text.replace(plain, spaced)
    return text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    language.set_language(language.SOURCE_LANGUAGE)


def test_a_french_lesson_reads_a_teachers_file_in_french(write_file):
    """In a French lesson's kernel the same findings are French; back in English, English."""
    from isslearn.catalogue.events import validate

    path = write_file("classe.csv", "date,title\n2023-02-30,Une visite\n")
    language.set_language("fr")
    try:
        (problem,) = validate(path)
        assert str(problem) == fr(
            f"{path}:2: colonne « date » : « 2023-02-30 » n’est pas une vraie date (février 2023 "
            "a 28 jours) ; écrivez-la sous la forme YYYY-MM-DD, par ex. 2000-11-02"
        )
    finally:
        language.set_language("en")
    (problem,) = validate(path)
    assert str(problem) == (
        f"{path}:2: column 'date': '2023-02-30' is not a real date (February 2023 has 28 days); "
        "write it as YYYY-MM-DD, e.g. 2000-11-02"
    )


def test_a_french_lesson_lists_a_broken_file_in_french(write_file, told):
    path = write_file("classe.csv", BROKEN)
    Lesson(language="fr", events_file=path)
    (note,) = told()
    assert note.splitlines() == [
        fr(f"Remarque : events_file={str(path)!r} ne peut pas être utilisé ; cette leçon "
           "continue donc avec seulement les événements intégrés :"),
        fr(f"  {path}:2: colonne « date » : « 2023-02-30 » n’est pas une vraie date (février "
           "2023 a 28 jours) ; écrivez-la sous la forme YYYY-MM-DD, par ex. 2000-11-02"),
        fr(f"  {path}:2: colonne « agencies » : agence inconnue « EAS » ; valeurs permises : "
           "NASA, Roscosmos, ESA, JAXA, CSA, SpaceX, Northrop, Boeing, Axiom, Bigelow, "
           "SpaceAdventures, MBRSC, ISRO, ASI, Nanoracks, Airbus ; vouliez-vous dire « ESA » ?"),
        fr("Corrigez le fichier (`isslearn check {path}` liste chaque problème) et exécutez à "
           "nouveau cette cellule.").replace("{path}", str(path)),
    ]  # fmt: skip


def test_a_french_lesson_tells_learners_about_a_broken_class_file_in_french(
    write_file, told, monkeypatch
):
    path = write_file("classe.csv", BROKEN)
    monkeypatch.setenv(EVENTS_ENV, str(path))
    Lesson(language="fr")
    (note,) = told()
    assert note.startswith(fr(f"Remarque : {EVENTS_ENV} vaut {path}, mais ce fichier ne peut pas"))
    assert note.endswith(
        fr(" (et 1 autre(s) problème(s)). Cette leçon utilise seulement les événements intégrés. "
           f"Demandez à votre professeur de lancer `isslearn check {path}` et de corriger le "
           "fichier.")
    )  # fmt: skip


def test_an_english_lesson_says_what_it_always_said(write_file, told):
    path = write_file("class.csv", BROKEN)
    Lesson(events_file=path)
    (note,) = told()
    assert note.splitlines()[0] == (
        f"Note: events_file={str(path)!r} cannot be used, so this lesson goes on with the "
        "built-in events only:"
    )
    assert note.splitlines()[1] == (
        f"  {path}:2: column 'date': '2023-02-30' is not a real date (February 2023 has 28 "
        "days); write it as YYYY-MM-DD, e.g. 2000-11-02"
    )


def test_a_csv_files_own_findings_are_french_in_a_french_lesson(write_file):
    from isslearn.catalogue.events import check_events

    path = write_file("classe.csv", "date,title\n# un exemple\n2020-01-01,Une visite,en trop\n")
    language.set_language("fr")
    found = check_events(path)
    assert [str(p) for p in found.findings] == [
        fr(f"{path}:3: cette ligne a 3 champs mais l’en-tête en a 2 ; entourez de guillemets "
           "droits tout champ qui contient une virgule, ou ajoutez la colonne manquante à "
           "l’en-tête"),
        fr(f"{path}:2: remarque : 1 ligne(s) commençant par # ignorée(s) comme commentaires ou "
           "exemples (ligne(s) 2) ; pour utiliser une ligne d’exemple comme événement, "
           "supprimez son #"),
    ]  # fmt: skip
    language.set_language("en")
    assert str(check_events(path).findings[1]) == (
        f"{path}:2: notice: 1 line(s) starting with # skipped as comments or examples "
        "(line(s) 2); to use an example row as an event, delete its #"
    )


def test_a_workbook_without_an_events_sheet_is_told_in_french(tmp_path):
    from openpyxl import Workbook

    from isslearn.catalogue.events import check_events

    book = Workbook()
    book.active.title = "Feuil1"
    book.create_sheet("Autre")
    path = tmp_path / "deux.xlsx"
    book.save(path)
    language.set_language("fr")
    (problem,) = check_events(path).problems
    assert str(problem) == fr(
        f"{path}: classeur: il n’y a pas de feuille nommée « Events » (les feuilles sont "
        "'Feuil1', 'Autre') ; nommez « Events » la feuille qui contient les événements"
    )
    language.set_language("en")
    (problem,) = check_events(path).problems
    assert str(problem) == (
        f"{path}: workbook: there is no sheet named 'Events' (the sheets are 'Feuil1', "
        "'Autre'); name the sheet that holds the events 'Events'"
    )
