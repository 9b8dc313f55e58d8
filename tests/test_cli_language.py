"""The `isslearn` command speaks the language of the locale variables, as gettext programs do.

LANGUAGE, LC_ALL, LC_MESSAGES and LANG are read in gettext's order: ``LANG=fr_FR.UTF-8`` gives
French messages and ``--help`` texts; ``LANG=C``, ``en_US`` or a language isslearn has no
catalogue for gives today's English, word for word and without a warning. The commands run in
a new process, as a teacher's terminal runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import isslearn

from isslearn import language

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "notebooks" / "examples"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
NBSP, NNBSP = "\u00a0", "\u202f"


def fr(text: str) -> str:
    """``text`` with French typography, as the catalogue writes it: a no-break space before ':'
    and inside « », a narrow one before ';', '?' and '!'."""
    for plain, spaced in ((" :", NBSP + ":"), (" ;", NNBSP + ";"), (" ?", NNBSP + "?")):
        text = text.replace(plain, spaced)
    return text.replace(" !", NNBSP + "!").replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


def run(*args: str, cwd: Path | None = None, **locale: str) -> subprocess.CompletedProcess:
    """``isslearn ARGS`` in a new process whose only locale variables are ``locale``."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    return subprocess.run(
        [sys.executable, "-m", "isslearn", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**env, "COLUMNS": "250", **locale},  # help on one line per option
        cwd=cwd,
    )


def test_a_french_locale_gives_french_help():
    shown = run("--help", LANG="fr_FR.UTF-8")
    assert shown.returncode == 0, shown.stderr
    assert "Leçons sur l’histoire de la Station spatiale internationale." in shown.stdout
    assert "vérifier les fichiers des enseignants sans les modifier" in shown.stdout
    assert "check teachers' files" not in shown.stdout
    sub = run("new-lesson", "--help", LANG="fr_FR.UTF-8")
    assert "le nom du notebook (NOM.ipynb)" in sub.stdout
    assert fr("dossier où l’écrire (par défaut : ici)") in sub.stdout


def test_a_french_locale_gives_french_check_messages():
    checked = run(
        "check",
        str(EXAMPLES / "our_class_events.csv"),
        str(EXAMPLES / "broken_events.csv"),
        LANG="fr_FR.UTF-8",
    )
    assert checked.returncode == 1
    good = fr(f"{EXAMPLES / 'our_class_events.csv'} : OK, 3 événement(s) du 15 janvier 2016 au ")
    assert good in checked.stdout
    bad = fr(f"{EXAMPLES / 'broken_events.csv'} : 3 problème(s) ; le fichier n’a pas été modifié")
    assert bad in checked.stderr
    missing = run("check", "nowhere.doc", LANG="fr_FR.UTF-8")
    assert fr("nowhere.doc:1: fichier introuvable ; ") in missing.stdout


@pytest.mark.parametrize(
    "locale",
    [
        {"LANG": "C"},
        {"LANG": "en_US.UTF-8"},
        {"LANG": "xx_YY.UTF-8"},  # a language isslearn does not speak: English, silently
        {"LANGUAGE": "de", "LANG": "fr_FR.UTF-8"},  # LANGUAGE first, as gettext reads them
        {},
    ],
)
def test_other_locales_give_todays_english(locale):
    checked = run(
        "check",
        str(EXAMPLES / "our_class_events.csv"),
        str(EXAMPLES / "broken_events.csv"),
        **locale,
    )
    assert checked.returncode == 1
    assert checked.stdout.startswith(
        f"{EXAMPLES / 'our_class_events.csv'}: OK, 3 event(s) from 2016-01-15 to 2025-03-12\n"
    )
    assert checked.stderr == (
        f"{EXAMPLES / 'broken_events.csv'}: 3 problem(s); the file was not changed\n"
    )
    shown = run("--help", **locale)
    assert "Lessons on the history of the International Space Station." in shown.stdout


def test_the_locale_variables_are_read_in_gettexts_order():
    assert run("--help", LC_ALL="fr_FR.UTF-8", LANG="C").stdout.count("Leçons") == 1
    assert run("--help", LC_MESSAGES="fr_BE.UTF-8").stdout.count("Leçons") == 1
    assert run("--help", LANGUAGE="de:fr", LANG="C").stdout.count("Leçons") == 1
    assert run("--help", LC_ALL="C", LANG="fr_FR.UTF-8").stdout.count("Leçons") == 0


def test_a_french_template_line_and_info(tmp_path):
    written = run("template", "quiz.yaml", cwd=tmp_path, LANG="fr_FR.UTF-8")
    assert written.returncode == 0, written.stderr
    assert written.stdout == fr(
        "quiz.yaml : écrit ; remplissez-le, puis lancez `isslearn check quiz.yaml`\n"
    )
    info = run("info", LANG="fr_FR.UTF-8")
    wanted = "ISSLEARN_EVENTS : non défini (donnez-lui pour valeur un fichier d’événements"
    assert fr(wanted) in info.stdout
    assert fr("catalogue intégré : ") in info.stdout


def test_the_command_leaves_the_callers_language_as_it_was(capsys, monkeypatch):
    """Called in a French lesson's kernel under LANG=C, it prints English and the lesson stays
    French; and the other way round."""
    language.set_language("fr")
    try:
        done = isslearn(capsys, "check", str(EXAMPLES / "our_class_events.csv"))
        assert ": OK, 3 event(s) from 2016-01-15" in done.out
        assert language.current() == "fr"
    finally:
        language.set_language("en")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    done = isslearn(capsys, "check", str(EXAMPLES / "our_class_events.csv"))
    assert fr(" : OK, 3 événement(s) du 15 janvier 2016") in done.out
    assert language.current() == "en"


def test_every_message_of_the_command_line_is_in_the_catalogue():
    """The command line is extracted by `make translations` (tests/test_language.py then
    checks each extracted message is translated)."""
    config = (REPO / "babel.cfg").read_text(encoding="utf-8")
    assert "[python: isslearn/teacher/**.py]" in config


def test_the_checkers_messages_are_french_under_a_french_locale():
    """What a teacher reads from `isslearn check`: the place, the column, the fault and its fix."""
    checked = run(
        "check",
        str(EXAMPLES / "broken_events.csv"),
        str(EXAMPLES / "broken_events.xlsx"),
        LANG="fr_FR.UTF-8",
    )
    csv_file, workbook = EXAMPLES / "broken_events.csv", EXAMPLES / "broken_events.xlsx"
    lines = checked.stdout.splitlines()
    assert lines[0] == fr(
        f"{csv_file}:3: colonne « date » : « 2008-13-40 » n’est pas une vraie date (il n’y a "
        "pas de mois 13) ; écrivez-la sous la forme YYYY-MM-DD, par ex. 2000-11-02"
    )
    assert lines[2].endswith(fr("agence inconnue « EAS » ; valeurs permises : NASA, Roscosmos, "
        "ESA, JAXA, CSA, SpaceX, Northrop, Boeing, Axiom, Bigelow, SpaceAdventures, MBRSC, ISRO, "
        "ASI, Nanoracks, Airbus ; vouliez-vous dire « ESA » ?"))  # fmt: skip
    assert lines[4].startswith(
        fr(f"{workbook}: feuille « Events », cellule C4: colonne « category » : catégorie inconnue")
    )
    english = run("check", str(csv_file), LANG="C").stdout.splitlines()
    assert english[0] == (
        f"{csv_file}:3: column 'date': '2008-13-40' is not a real date (there is no month 13); "
        "write it as YYYY-MM-DD, e.g. 2000-11-02"
    )


def test_argparses_own_words_are_french_too():
    """argparse's "usage:", "options" and errors, from the same catalogue (cli.ARGPARSE_WORDS)."""
    shown = run("template", "--help", LANG="fr_FR.UTF-8")
    assert shown.stdout.startswith(fr("usage : isslearn template"))
    assert "afficher ce message d’aide et quitter" in shown.stdout
    wrong = run("check", LANG="fr_FR.UTF-8")
    assert wrong.returncode == 2
    assert wrong.stderr.endswith(
        fr("isslearn check : erreur : les arguments suivants sont obligatoires : FILE\n")
    )
    english = run("check", LANG="C")
    assert english.stderr.endswith(
        "isslearn check: error: the following arguments are required: FILE\n"
    )
    assert run("--help", LANG="C").stdout.startswith("usage: isslearn")
