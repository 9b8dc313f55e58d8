"""French sentences the library builds around names stay grammatical whatever the name.

Agency codes take no article in the data ("NASA", "ESA") while French puts one before them
("la NASA", "l'ESA"), and module names carry their own article ("la Cupola", "le laboratoire
de Kibo") that a past participle would have to agree with. The French catalogue therefore sets
a code as a label ("constructeur : ESA") and avoids participles after a module's name; these
tests read every generated question's feedback in French and look for the forms that broke.
"""

from __future__ import annotations

import re

import pytest

import isslearn
from isslearn.language import set_language
from isslearn.quiz import generated

AGENCIES = "NASA|ESA|JAXA|CSA|Roscosmos"
# A preposition or contraction straight before an agency code: "de ESA", "par NASA", "à JAXA".
PREPOSITION_BEFORE_CODE = re.compile(rf"\b(?:de|par|à|pour|du|au) (?:{AGENCIES})\b")
# A participle after a module name that may be feminine: "la Cupola ... a été lancé".
PARTICIPLE_AFTER_NAME = re.compile(r"\b(?:a été|est) (?:lancé|fixé|mis|venu|dessiné|construit)\b")


@pytest.fixture
def french():
    set_language("fr")
    yield
    set_language("en")


def _texts(item) -> list[str]:
    found = [item.title]
    for option in item.options:
        found += [option.text, option.feedback]
    return found


def test_every_who_built_and_who_owns_question_reads_right_in_french(french):
    modules = isslearn.load_modules()
    texts = []
    for module_id in modules["id"]:
        for ask in ("built", "owns"):
            try:
                item = generated.which_agency_built(module_id, ask=ask)
            except isslearn.IsslearnError:
                continue  # a piece no partner question is asked about
            texts += _texts(item)
    assert len(texts) > 100
    bad = [t for t in texts if PREPOSITION_BEFORE_CODE.search(t)]
    assert not bad, bad[:5]
    bad = [t for t in texts if PARTICIPLE_AFTER_NAME.search(t)]
    assert not bad, bad[:5]
    assert not any("Space Shuttle" in t for t in texts), "the Shuttle keeps its English name"
    assert any("navette spatiale" in t.lower() for t in texts)


def test_launch_order_options_are_nouns_not_participles(french):
    item = generated.launch_order_question(n=4, seed=3)
    assert all(detail.startswith("lancement le ") for detail in item.details), item.details


def test_every_language_says_where_each_piece_sits_in_its_own_words():
    """attachments.csv says where on its parent a piece sits in English ("on S3's upper,
    space-facing side"); each language's seeds/CODE/attachment_sites.csv has every one."""
    import csv
    import io

    from conftest import REPO

    from isslearn.language import languages

    text = (REPO / "seeds" / "attachments.csv").read_text(encoding="utf-8")
    english = {row["site"] for row in csv.DictReader(io.StringIO(text))}
    english.discard("")
    for code in languages()[1:]:
        path = REPO / "seeds" / code / "attachment_sites.csv"
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert {row["site"] for row in rows} == english, code
        assert all(row["translation"].strip() for row in rows), code


def test_the_station_drawings_description_says_where_in_french(french):
    from isslearn import plots

    description = plots.station_map("2011-07-21").description
    assert "sur la face supérieure de S3" in description
    assert "space-facing" not in description
    irosa = plots.station_map("2023-06-15").description
    assert "par-dessus l’aile solaire 1B sur S6" in irosa
