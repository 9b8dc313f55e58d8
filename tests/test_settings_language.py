"""A bad argument to a figure, a widget or a quiz generator is refused (SettingsError) in the
lesson's language; an English lesson's refusals are word for word what they were."""

from __future__ import annotations

import re

import pytest

from isslearn import Lesson, language, plots, widgets
from isslearn.errors import SettingsError
from isslearn.quiz.files import read_quiz_file

NBSP, NNBSP = "\u00a0", "\u202f"
CALLS = {
    "control": lambda: widgets.event_timeline().update(colour="red"),
    "value": lambda: widgets.event_timeline().update(categories=("lunch",)),
    "expedition": lambda: plots.expedition_card(999),
    "ship": lambda: plots.cargo_fleet(["Zeppelin"]),
    "label": lambda: plots.timeline(label="moi"),
}
CATEGORIES = (
    "'assembly', 'crew', 'cooperation', 'vehicle', 'science', 'spacewalk', 'record', "
    "'incident', 'milestone'"
)


def fr(text: str) -> str:
    """``text`` with French typography, as the catalogue writes it."""
    for plain, spaced in ((" :", NBSP + ":"), (" ;", NNBSP + ";")):
        text = text.replace(plain, spaced)
    text = text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    return re.sub(r"\b([ndl])'(?=\w)", "\\1\u2019", text)  # n'est, d'une, l'id


@pytest.fixture(autouse=True)
def _english_after():
    yield
    language.set_language(language.SOURCE_LANGUAGE)


def _refusals() -> dict[str, str]:
    said = {}
    for name, call in CALLS.items():
        with pytest.raises(SettingsError) as refused:
            call()
        said[name] = str(refused.value)
    return said


def test_bad_arguments_are_refused_in_english_as_before():
    said = _refusals()
    assert said["control"] == (
        "EventExplorer has no control 'colour'; its controls are years, categories, agencies"
    )
    assert said["value"] == (
        f"EventExplorer cannot set categories to ('lunch',); give a tuple of any of: {CATEGORIES}"
    )
    assert said["expedition"].startswith(
        "there is no expedition 999 in the table given; it has expeditions 1 to "
    )
    assert said["ship"] == (
        "unknown cargo ship 'Zeppelin'; choose from Progress, ATV, HTV, Dragon, Cygnus, HTV-X"
    )
    assert said["label"] == "label='moi' is not allowed; use 'teacher', 'all' or 'none'"


def test_bad_arguments_are_refused_in_a_french_lesson():
    language.set_language("fr")
    said = _refusals()
    assert said["control"] == fr(
        "EventExplorer n'a pas de contrôle 'colour' ; ses contrôles sont years, categories, "
        "agencies"
    )
    assert said["value"] == fr(
        "EventExplorer ne peut pas mettre categories à ('lunch',) ; donnez un tuple de valeurs "
        f"parmi : {CATEGORIES}"
    )
    assert said["expedition"].startswith(
        fr("il n'y a pas d'expédition 999 dans la table donnée ; elle a les expéditions 1 à ")
    )
    assert said["ship"] == fr(
        "cargo inconnu 'Zeppelin' ; choisissez parmi Progress, ATV, HTV, Dragon, Cygnus, HTV-X"
    )
    assert said["label"] == fr(
        'label=\'moi\' n\'est pas permis ; utilisez "teacher", "all" ou "none"'
    )


def test_a_quiz_files_generator_refusals_in_french(write_file):
    path = write_file(
        "mon_quiz.yaml",
        "- generate: built_by\n  module: zaryaa\n- generate: commander\n  expedition: 999\n"
        "- generate: launch_order\n  n: 12\n",
    )
    english = [p.message for p in read_quiz_file(path).problems]
    assert english[0] == "'zaryaa' is not a module id in the catalogue; did you mean 'zarya'?"
    assert english[1].startswith("there is no Expedition 999 in the catalogue (1 to ")
    assert english[2] == "launch_order_question(n=12): n must be between 2 and 8 for these modules"
    language.set_language("fr")
    french = [p.message for p in read_quiz_file(path).problems]
    assert french[0] == fr(
        "« zaryaa » n'est l'identifiant d'aucun module du catalogue ; vouliez-vous dire « zarya » ?"
    ).replace(" ?", NNBSP + "?")
    assert french[1].startswith(fr("il n'y a pas d'Expédition 999 dans le catalogue (1 à "))
    assert french[2] == fr(
        "launch_order_question(n=12) : n doit être entre 2 et 8 pour ces modules"
    )


def test_a_lessons_own_settings_are_refused_in_its_language():
    wrong = {"start": "2020-02-30", "categories": ["asembly"]}
    with pytest.raises(SettingsError) as english:
        Lesson(**wrong)
    assert str(english.value) == (
        "Lesson(...) settings: start='2020-02-30': '2020-02-30' is not a real date (February "
        "2020 has 29 days); write it as YYYY-MM-DD or as a year YYYY, e.g. start='2000-11-02' "
        "or start=2000; categories: unknown category 'asembly'; allowed: assembly, crew, "
        "cooperation, vehicle, science, spacewalk, record, incident, milestone; did you mean "
        "'assembly'?"
    )
    with pytest.raises(SettingsError) as french:
        Lesson(language="fr", **wrong)
    assert (
        str(french.value)
        == fr(
            "réglages de Lesson(...) : start='2020-02-30' : « 2020-02-30 » n'est pas une "
            "vraie date (février 2020 a 29 jours) ; écrivez-la sous la forme YYYY-MM-DD ou "
            "comme une année YYYY, par ex. start='2000-11-02' ou start=2000 ; categories : "
            "catégorie inconnue 'asembly' ; valeurs permises : assembly, crew, cooperation, "
            "vehicle, science, spacewalk, record, incident, milestone ; vouliez-vous dire "
            "« assembly »"
        )
        + NNBSP
        + "?"
    )
    with pytest.raises(SettingsError) as none_match:
        Lesson(language="fr", start="1999", end="1999", agencies=["MBRSC"])
    assert str(none_match.value).startswith(
        fr("réglages de Lesson(...) : aucun événement ne correspond à ces réglages : ")
    )


def test_a_figure_given_something_else_than_a_table_says_so_in_french():
    with pytest.raises(SettingsError) as english:
        plots.timeline(events=[1, 2])
    assert str(english.value) == (
        "events= needs a table (a pandas DataFrame) such as isslearn.load_events(), not list"
    )
    language.set_language("fr")
    with pytest.raises(SettingsError) as french:
        plots.timeline(events=[1, 2])
    assert str(french.value) == fr(
        "events= demande une table (un DataFrame pandas) comme isslearn.load_events(), pas un list"
    )
