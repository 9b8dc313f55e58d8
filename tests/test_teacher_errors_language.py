"""Handout, key and guide errors, and the outputs' read/write failures, in the language the
command line (or the lesson) speaks; in English word for word what they were."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from isslearn import language
from isslearn.errors import GuideError, HandoutError
from isslearn.teacher.guide import find_guide
from isslearn.teacher.handout import handout_html, output_target
from isslearn.teacher.outputs import describe_os_error

NBSP, NNBSP = "\u00a0", "\u202f"
AS_PDF = {"pdf": True}  # output_target only checks the name: no browser is started


def fr(text: str) -> str:
    """``text`` with French typography, as the catalogue writes it."""
    for plain, spaced in ((" :", NBSP + ":"), (" ;", NNBSP + ";"), (" ?", NNBSP + "?")):
        text = text.replace(plain, spaced)
    return text.replace("'", "\u2019")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    language.set_language(language.SOURCE_LANGUAGE)


def _unrun(tmp_path: Path) -> Path:
    path = tmp_path / "pas_lancee.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), path)
    return path


def _refusal(error: type[Exception], call, *args, **kwargs) -> str:
    with pytest.raises(error) as refused:
        call(*args, **kwargs)
    return str(refused.value)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_handout_refusals(tmp_path, lang):
    language.set_language(lang)
    unrun = _unrun(tmp_path)
    shown = {
        "unrun": _refusal(HandoutError, handout_html, unrun),
        "csv": _refusal(HandoutError, output_target, unrun, "x.csv", kind="handout"),
        "pdf": _refusal(HandoutError, output_target, unrun, "x.html", kind="key", **AS_PDF),
        "missing": _refusal(HandoutError, handout_html, tmp_path / "nulle_part.ipynb"),
    }
    if lang == "en":
        assert shown == {
            "unrun": f"{unrun}: this lesson has not been run (none of its 1 code cell(s) has an "
            "output), so its handout would have no figure, table or question; open it in "
            "Jupyter, choose Run > Run All Cells, save it, then make the handout",
            "csv": "x.csv: a page cannot be written as a .csv file (isslearn never writes over "
            "notebooks or data); give a name ending in .html or .pdf (e.g. -o "
            "pas_lancee.handout.html), or a folder",
            "pdf": "x.html: --pdf asks for a PDF but the name ends in .html; give -o x.pdf, or "
            "leave out --pdf for HTML",
            "missing": f"{tmp_path / 'nulle_part.ipynb'}: file not found; check the name and "
            "the folder",
        }
    else:
        assert shown == {
            "unrun": fr(
                f"{unrun} : cette leçon n'a pas été exécutée (aucune de ses 1 cellule(s) de code "
                "n'a de sortie), son support n'aurait donc ni figure, ni tableau, ni question ; "
                "ouvrez-la dans Jupyter, choisissez Run > Run All Cells (Exécuter > Exécuter "
                "toutes les cellules), enregistrez-la, puis faites le support"
            ),
            "csv": fr(
                "x.csv : une page ne peut pas être écrite dans un fichier .csv (isslearn n'écrit "
                "jamais par-dessus des notebooks ou des données) ; donnez un nom qui se termine "
                "par .html ou .pdf (par ex. -o pas_lancee.handout.html), ou un dossier"
            ),
            "pdf": fr(
                "x.html : --pdf demande un PDF mais le nom se termine par .html ; donnez -o "
                "x.pdf, ou retirez --pdf pour du HTML"
            ),
            "missing": fr(
                f"{tmp_path / 'nulle_part.ipynb'} : fichier introuvable ; vérifiez le nom et le "
                "dossier"
            ),
        }


def test_guide_refusals_in_both_languages(tmp_path):
    english = _refusal(GuideError, find_guide, "99")
    assert english.startswith("99: no teacher's guide by this number or name (guides: 00_")
    language.set_language("fr")
    french = _refusal(GuideError, find_guide, "99")
    assert french.startswith(fr("99 : pas de guide de l'enseignant de ce numéro ou de ce nom"))
    assert fr("(guides : 00_") in french
    unrun = _unrun(tmp_path)
    assert _refusal(GuideError, find_guide, unrun).endswith(
        fr(" ; pour votre propre leçon, écrivez pas_lancee.guide.md à côté du notebook")
    )


def test_a_failed_read_or_write_in_both_languages():
    error = PermissionError(13, "Permission denied")
    assert describe_os_error("sortie.html", error, "write") == (
        "sortie.html: cannot write (permission denied; choose a folder you can write to, or "
        "ask an admin)"
    )
    language.set_language("fr")
    assert describe_os_error("guide.md", FileNotFoundError(2, "x"), "read the guide") == fr(
        "guide.md : impossible de lire le guide (un dossier du chemin n'existe pas ; vérifiez le "
        "chemin)"
    )


def test_isslearn_handout_under_a_french_locale(tmp_path):
    unrun = _unrun(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    done = subprocess.run(
        [sys.executable, "-m", "isslearn", "handout", str(unrun)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**env, "LANG": "fr_FR.UTF-8"},
        cwd=tmp_path,
    )
    assert done.returncode != 0
    assert fr("cette leçon n'a pas été exécutée") in done.stderr
    assert not list(tmp_path.glob("*.html"))
