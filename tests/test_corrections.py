"""The corrections table: it loads, agrees with the catalogue, and bad files get clear messages."""

from __future__ import annotations

import pandas as pd
import pytest

import isslearn
from isslearn import plots, widgets
from isslearn.catalogue import corrections as corr
from isslearn.errors import CatalogueError

HEADER = ",".join(corr.CORRECTION_COLUMNS)
GOOD_ROW = "x-1,time_zone,crew-3-launch,10 November 2021,2021-11-11,Florida is behind UTC,NASA"


def test_builtin_corrections_load_with_every_kind_taught():
    table = isslearn.load_corrections()
    assert len(table) >= 30
    assert table["id"].is_unique
    assert set(table["kind"]) == set(corr.CORRECTION_KINDS)
    assert table["subject_title"].str.len().gt(0).all()
    assert set(table["subject_table"]) <= {"events", "modules"}


def test_time_zone_rows_are_one_day_from_the_catalogue_date():
    """A time-zone correction is a local date one day either side of the UTC date kept."""
    table = isslearn.load_corrections()
    rows = table[table["kind"] == "time_zone"]
    assert len(rows) >= 5
    for row in rows.itertuples():
        local = pd.Timestamp(row.source_says)
        assert abs((local - row.subject_date).days) == 1, row.id
        assert row.catalogue_says.startswith(f"{row.subject_date:%Y-%m-%d}"), row.id


def test_crew_3_row_matches_the_events_table():
    events = isslearn.load_events().set_index("id")
    table = isslearn.load_corrections().set_index("id")
    assert events.loc["crew-3-launch", "date"] == pd.Timestamp("2021-11-11")
    assert table.loc["crew-3-two-dates", "source_says"] == "10 November 2021"


def test_figures_in_corrections_match_the_modules_table():
    modules = isslearn.load_modules().set_index("id")
    assert modules.loc["quest", "mass_kg"] == 6064
    assert modules.loc["zvezda", "pressurized_volume_m3"] == 89
    assert modules.loc["harmony", "pressurized_volume_m3"] == round(2666 * 0.0283168, 1)
    table = isslearn.load_corrections().set_index("id")
    assert "6,064 kg" in table.loc["quest-mass", "catalogue_says"]
    assert "75.5" in table.loc["harmony-volume", "catalogue_says"]


def write(tmp_path, *rows: str):
    path = tmp_path / "my_corrections.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_good_teacher_file_loads(tmp_path):
    table = isslearn.load_corrections(write(tmp_path, GOOD_ROW))
    assert list(table["id"]) == ["x-1"]
    assert table.loc[0, "subject_date"] == pd.Timestamp("2021-11-11")


def test_unknown_kind_names_file_line_column_and_suggests_the_fix(tmp_path):
    path = write(tmp_path, GOOD_ROW, GOOD_ROW.replace("x-1,time_zone", "x-2,timezone"))
    before = path.read_bytes()
    problems = corr.validate_corrections(path)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.line, problem.column) == (str(path), 3, "kind")
    assert str(problem).startswith(f"{path}:3: column 'kind': unknown kind 'timezone'")
    assert str(problem).endswith("did you mean 'time_zone'?")
    assert path.read_bytes() == before


def test_unknown_subject_duplicate_id_and_empty_field_are_all_reported(tmp_path):
    path = write(
        tmp_path,
        GOOD_ROW,
        GOOD_ROW.replace("crew-3-launch", "crew-33-launch").replace("x-1", "x-2"),
        GOOD_ROW.replace(",NASA", ","),
    )
    with pytest.raises(CatalogueError) as caught:
        isslearn.load_corrections(path)
    found = {(p.line, p.column) for p in caught.value.problems}
    assert found == {(3, "subject"), (4, "id"), (4, "source")}
    message = str(caught.value)
    assert "no event or module has the id 'crew-33-launch'" in message
    assert "already used on line 2" in message


def test_missing_column_is_one_clear_problem(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("id,kind,subject\nx,time_zone,crew-3-launch\n", encoding="utf-8")
    problems = corr.validate_corrections(path)
    assert len(problems) == 1
    assert problems[0].line == 1
    assert "source_says" in problems[0].message


def test_browser_shows_the_chosen_kind_and_escapes_text(tmp_path):
    browser = widgets.corrections_browser()
    shown = browser.update("spelling")
    assert "Ryazanskiy" in shown and "Wiseman" in shown
    assert "berthed" not in shown  # the wording corrections are another kind
    path = write(tmp_path, GOOD_ROW.replace("Florida is behind UTC", "<script>x</script>"))
    own = widgets.corrections_browser(isslearn.load_corrections(path))
    assert "<script>" not in own.update("time_zone")
    assert "&lt;script&gt;" in own.update("time_zone")


def test_static_twin_lists_every_row_of_every_kind():
    table = corr.corrections_table()
    assert len(table) == len(isslearn.load_corrections())
    spelling = corr.corrections_table("spelling")
    assert set(spelling["kind"]) == {"spelling"}
    with pytest.raises(ValueError, match="time_zone"):
        corr.corrections_table("spellling")
    summary = corr.kinds_summary()
    assert summary["corrections"].sum() == len(table)


def test_kinds_chart_counts_every_kind_in_its_description():
    chart = plots.corrections_chart()
    table = isslearn.load_corrections()
    counts = table["kind"].value_counts()
    assert chart.description.startswith(f"Corrections by kind: time zone {counts['time_zone']};")
    for kind, count in counts.items():
        assert f"{kind.replace('_', ' ')} {count}" in chart.description
    assert chart.png().startswith(b"\x89PNG")


def test_a_corrections_file_is_read_as_every_teachers_table_is(tmp_path):
    """One CSV reader for every table: a semicolon file that load_events accepts is accepted
    here too (it was refused), and so is a workbook's Corrections sheet, at its cells."""
    import openpyxl

    semicolons = tmp_path / "semicolons.csv"
    semicolons.write_text(
        "\n".join([";".join(corr.CORRECTION_COLUMNS), GOOD_ROW.replace(",", ";")]) + "\n",
        encoding="utf-8",
    )
    assert list(isslearn.load_corrections(semicolons)["id"]) == ["x-1"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Corrections"
    sheet.append(list(corr.CORRECTION_COLUMNS))
    sheet.append(GOOD_ROW.replace("time_zone", "timezone").split(","))
    path = tmp_path / "corrections.xlsx"
    book.save(path)
    [problem] = corr.validate_corrections(path)
    assert str(problem).startswith(
        f"{path}: sheet 'Corrections', cell B2: column 'kind': unknown kind 'timezone'"
    )
