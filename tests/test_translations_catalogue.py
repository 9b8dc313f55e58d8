"""The catalogue's words in every language folder under seeds/: complete, current and faithful.

Languages are found from the folders (seeds/<lang>/ holding the translated files), so a new
language is checked like French without changing this file. ISSLEARN_I18N_ENGLISH may point
at another seeds/ folder to compare with English that has not been merged yet.
"""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest
from i18n_tools import (
    SEEDS,
    TABLES,
    Table,
    TranslationFileError,
    english_table,
    fact_differences,
    facts,
    fingerprint,
    languages,
    main,
    status,
    translated_rows,
    typography_problems,
)

ENGLISH = Path(os.environ.get("ISSLEARN_I18N_ENGLISH", SEEDS))
LANGUAGES = languages(SEEDS)
CASES = [(language, table) for language in LANGUAGES for table in TABLES]
IDS = [f"{language}/{table.file}" for language, table in CASES]
NBSP, NNBSP = "\u00a0", "\u202f"


def test_french_is_one_of_the_languages() -> None:
    assert "fr" in LANGUAGES, f"no seeds/fr/ folder among {sorted(p.name for p in SEEDS.iterdir())}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_every_file(language: str) -> None:
    absent = [table.file for table in TABLES if not (SEEDS / language / table.file).is_file()]
    assert not absent, f"seeds/{language}/ lacks {absent}"


@pytest.mark.parametrize(("language", "table"), CASES, ids=IDS)
def test_every_english_row_has_exactly_one_translation(language: str, table: Table) -> None:
    result = status(language, table, SEEDS, ENGLISH)
    assert not result.missing, f"{language}/{table.file}: not translated: {result.missing}"
    assert not result.duplicates, f"{language}/{table.file}: ids twice: {result.duplicates}"
    assert not result.orphans, f"{language}/{table.file}: no English row for {result.orphans}"


@pytest.mark.parametrize(("language", "table"), CASES, ids=IDS)
def test_no_translation_is_stale(language: str, table: Table) -> None:
    result = status(language, table, SEEDS, ENGLISH)
    assert not result.stale, (
        f"{language}/{table.file}: the English changed since these were translated "
        f"(python tests/i18n_tools.py {language} --show): {result.stale}"
    )


@pytest.mark.parametrize(("language", "table"), CASES, ids=IDS)
def test_no_translated_field_is_empty(language: str, table: Table) -> None:
    result = status(language, table, SEEDS, ENGLISH)
    assert not result.empty, (
        f"{language}/{table.file}: empty where the English is not: {result.empty}"
    )


@pytest.mark.parametrize(("language", "table"), CASES, ids=IDS)
def test_dates_and_numbers_agree_with_the_english(language: str, table: Table) -> None:
    source = english_table(table, ENGLISH)
    problems = []
    for row in translated_rows(table, language, SEEDS):
        english_row = source.get(row[table.key])
        if english_row is None:
            continue  # an orphan, reported by its own test
        for english_column, column in table.fields:
            for problem in fact_differences(english_row[english_column], row[column], language):
                problems.append(f"{row[table.key]} {column}: {problem}")
    assert not problems, f"{language}/{table.file}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("language", "table"), CASES, ids=IDS)
def test_typography(language: str, table: Table) -> None:
    problems = [
        f"{row[table.key]} {column}: {problem}"
        for row in translated_rows(table, language, SEEDS)
        for _, column in table.fields
        for problem in typography_problems(row[column], language)
    ]
    assert not problems, f"{language}/{table.file}:\n" + "\n".join(problems)


# --- The checks themselves can fail ------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("20 November 1998", "20 novembre 1998"),
        ("1 February 2003", "1er février 2003"),
        ("1,641 kg", f"1{NNBSP}641{NBSP}kg"),
        ("1,641 kg", f"1{NBSP}641 kg"),
        ("19.3 t", "19,3 t"),
        ("2 hours", "2 heures"),
        ("2021-11-11 (02:03 UTC)", "11 novembre 2021 (2 h 03 UTC)"),
        ("at 9:03 pm on 10 November", "à 21 h 03 le 10 novembre"),
        ("at 00:12:56 Moscow time", "à 0 h 12 min 56 s, heure de Moscou"),
        ("in May 2009, on Mars", "en mai 2009, sur Mars"),
        ("the 10th anniversary of Expedition 1", "le 10e anniversaire de l'expédition 1"),
        ("he watched 9/11 from orbit", "il a vu le 11 septembre depuis l'orbite"),
        ("on 9/11/01", "le 11/09/2001"),
        ("Expedition 34/35", "Expédition 34/35"),  # no such day or month: two numbers
        ("launched on a Soyuz-2.1b", "lancé par une Soyuz-2.1b"),  # a name, not a decimal
    ],
)
def test_facts_read_both_languages_alike(english: str, french: str) -> None:
    assert facts(english, "en") == facts(french, "fr")
    assert fact_differences(english, french, "fr") == []


@pytest.mark.parametrize(
    ("english", "french", "kind"),
    [
        ("20 November 1998", "21 novembre 1998", "dates"),
        ("1 February 2003", "1er février 2004", "dates"),
        ("1,641 kg", "1 641 kg", "numbers"),  # an ordinary space splits the number in two
        ("1,641 kg", "1,641 kg", "numbers"),  # in French that reads as one and a bit
        ("19.3 t", "19.3 t", "numbers"),
        ("launched twice, in 2007 and 2008", "lancé deux fois, en 2007", "numbers"),
        ("at 9:03 pm", "à 9 h 03", "times"),
        ("on 10 November", "le 10 décembre", "dates"),
        ("he watched 9/11 from orbit", "il a vu le 9 novembre depuis l'orbite", "dates"),
    ],
)
def test_a_changed_fact_is_reported(english: str, french: str, kind: str) -> None:
    problems = fact_differences(english, french, "fr")
    assert any(problem.startswith(kind) for problem in problems), problems


def test_french_typography_rules_catch_their_mistakes() -> None:
    assert typography_problems(f"Il a dit{NBSP}: «{NBSP}oui{NBSP}»{NNBSP}; le 1er mai.", "fr") == []
    for wrong in [
        "Il a dit : oui",
        "Il a dit: oui",
        "oui ; non",
        "« oui »",
        'il a dit "oui"',
        "l'ISS",
        "le 1 mai",
        "le 3 Mai",
        "la Station Spatiale Internationale",
        "12572 kg",
    ]:
        assert typography_problems(wrong, "fr"), wrong
    assert typography_problems("l'ISS", "xx") == []  # a language without rules is not checked


def _copy_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds, ignore=shutil.ignore_patterns("README.md"))
    for table in TABLES:
        if (ENGLISH / table.file).is_file():
            shutil.copy(ENGLISH / table.file, seeds / table.file)
    return seeds


def _edit_english(seeds: Path, table: Table, key: str, column: str, value: str) -> None:
    path = seeds / table.file
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames or [], list(reader)
    for row in rows:
        if row[table.key] == key:
            row[column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_change_in_the_english_makes_the_translation_stale(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    for table in TABLES:  # the first row of each table that is translated and up to date
        english = english_table(table, seeds)
        key = next(
            row[table.key]
            for row in translated_rows(table, "fr", seeds)
            if row[table.key] in english
            and row["translated_from"] == fingerprint(english[row[table.key]], table)
        )
        column = table.english_columns[-1]
        before = fingerprint(english[key], table)
        _edit_english(seeds, table, key, column, english[key][column] + " One more sentence.")
        assert fingerprint(english_table(table, seeds)[key], table) != before
        assert key in status("fr", table, seeds).stale, table.file
    assert main(["fr", "--seeds", str(seeds)]) == 1


def test_a_new_english_row_is_missing_and_a_removed_one_orphaned(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    eras = next(table for table in TABLES if table.file == "eras.csv")
    path = seeds / eras.file
    lines = path.read_text(encoding="utf-8").splitlines()
    removed = next(csv.reader([lines[1]]))[0]
    lines[1] = 'Far future,launch-zarya,"A row nobody has translated."'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = status("fr", eras, seeds)
    assert result.missing == ["Far future"]
    assert result.orphans == [removed]


def test_a_bad_translation_file_names_file_and_line(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    agencies = next(table for table in TABLES if table.file == "agencies.csv")
    path = seeds / "fr" / agencies.file
    path.write_text("code,nom,translated_from\nNASA,NASA,abc\n", encoding="utf-8")
    with pytest.raises(TranslationFileError, match=r"agencies.csv, line 1: the header"):
        status("fr", agencies, seeds)
    path.write_text("code,name,translated_from\nNASA,NASA\n", encoding="utf-8")
    with pytest.raises(TranslationFileError, match=r"agencies.csv, line 2: the row"):
        status("fr", agencies, seeds)


def test_the_command_line_says_what_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = _copy_seeds(tmp_path)
    path = seeds / "fr" / "eras.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")  # drop the last era
    assert main(["fr", "--seeds", str(seeds), "--show"]) == 1
    out = capsys.readouterr().out
    eras = len(lines) - 1
    assert f"fr/eras.csv: {eras - 1} of {eras} up to date" in out
    assert "missing (1)" in out
    assert "translated_from" in out  # --show prints the fingerprint to write
