"""Facts corrected by the second, independent fact-check of the lessons, guides and glossary.

Each test pairs the corrected sentence with the catalogue rows that make it true, so the old,
wrong wording cannot come back unnoticed and the new one cannot drift from the data.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import nbformat
import pandas as pd

import isslearn
from isslearn import plots

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
GUIDES = REPO / "isslearn" / "guides"
PARTNERS = {"NASA", "Roscosmos", "ESA", "JAXA", "CSA"}


def _squash(text: str) -> str:
    """Line breaks, bold marks and link targets removed: "[truss](glossary.md#truss)" -> "truss"."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\s+", " ", text.replace("**", ""))


@cache
def prose(lesson: str) -> str:
    """A lesson's Markdown cells, emphasis and line breaks removed."""
    (path,) = NOTEBOOKS.glob(f"{lesson}_*.ipynb")
    nb = nbformat.read(path, as_version=4)
    return _squash(" ".join(c.source for c in nb.cells if c.cell_type == "markdown"))


def guide(lesson: str) -> str:
    (path,) = GUIDES.glob(f"{lesson}_*.md")
    return _squash(path.read_text(encoding="utf-8"))


def glossary() -> str:
    return _squash((NOTEBOOKS / "glossary.md").read_text(encoding="utf-8"))


@cache
def events() -> pd.DataFrame:
    return isslearn.load_events().set_index("id")


@cache
def modules() -> pd.DataFrame:
    return isslearn.load_modules().set_index("id")


def test_01_the_2002_truss_pieces_were_its_centre_not_its_first():
    """P6 and Z1 were truss pieces launched in 2000; 2002 brought S0, S1 and P1."""
    truss = modules()[modules()["kind"] == "truss"]
    in_2002 = truss[truss["launch_date"].dt.year == 2002]
    assert set(in_2002.index) == {"s0-truss", "s1-truss", "p1-truss"}
    assert (truss["launch_date"].dt.year < 2002).any()
    text = prose("01")
    assert "2002, the central pieces of the main truss" in text
    assert "first pieces of the main truss" not in text


def test_01_assembly_resumed_in_the_order_the_text_gives():
    truss = modules()[modules()["kind"] == "truss"]
    last = truss.sort_values("launch_date").iloc[-1]
    assert last.name == "s6-truss"
    harmony = modules().loc["harmony", "launch_date"]
    columbus = modules().loc["columbus", "launch_date"]
    assert harmony < columbus < last["launch_date"]  # the truss was not finished before the labs
    text = prose("01")
    assert f"truss and solar arrays (the last in {last['launch_date']:%B %Y})" in text
    assert f"the node Harmony ({harmony:%B %Y})" in text
    for node in ("tranquility", "cupola"):
        assert modules().loc[node, "launch_date"].year == 2010
    assert "and in 2010 the node Tranquility and the Cupola" in text


def test_01_longest_flat_stretch_is_scoped_to_before_2011():
    """The growth chart's longest level stretch overall comes after 2011 (2011 to 2016)."""
    with_mass = modules().dropna(subset=["mass_kg"])
    days = pd.Series(sorted(with_mass["attach_date"].dropna().unique()))
    days = pd.concat([days, pd.Series([isslearn.current_to()])], ignore_index=True)
    gaps = days.diff()
    start = days[gaps.idxmax() - 1]
    assert start.year == 2011
    objective = "read the growth chart to find the longest pause in assembly before 2011"
    assert objective in prose("01") and objective in guide("01")
    assert "Find the longest flat stretch before 2011." in guide("01")


def test_01_guide_gives_the_mass_columbus_took_the_station_to():
    annotated = isslearn.annotate(isslearn.load_events())
    heavy = annotated[annotated["station_mass_kg"] > 200_000].iloc[0]
    tonnes = round(heavy["station_mass_kg"] / 1000)
    assert f"Columbus was attached (about {tonnes} t)" in guide("01")
    assert f"that took it to about {tonnes} t" in prose("01")


def test_02_two_person_crew_arrived_in_april_and_took_over_in_may_2003():
    arrival = events().loc["caretaker-crews-begin", "date"]
    seventh = isslearn.load_expeditions().set_index("number").loc[7]
    assert f"{arrival:%B %Y}" == "April 2003"
    assert f"{seventh['start']:%B %Y}" == "May 2003"
    assert set(seventh["crew"]) == {"Yuri Malenchenko", "Edward Lu"}
    text = prose("02")
    assert "the first two arrived in April 2003 and took over in May" in text
    assert "from April 2003 the crew was cut to two" not in text


def _companies() -> set[str]:
    """Builders and owners of pieces that the agencies table lists as companies."""
    agencies = isslearn.load_agencies().set_index("code")["kind"]
    names = set(modules()["built_by"]) | set(modules()["agency"])
    return {n for n in names if agencies.get(n) == "commercial"}


def test_03_names_every_company_in_the_tables():
    assert _companies() == {"Bigelow", "Nanoracks", "Airbus"}
    bartolomeo = modules().loc["bartolomeo"]
    assert (bartolomeo["built_by"], bartolomeo["agency"]) == ("Airbus", "Airbus")
    assert bartolomeo["attach_date"].year == 2020
    assert modules().loc["bishop", "attach_date"].year == 2020
    assert modules().loc["beam", ["built_by", "agency"]].tolist() == ["Bigelow", "NASA"]
    text = prose("03")
    assert "Three companies appear in the tables as well" in text
    assert (
        "Airbus built Bartolomeo, an outdoor platform for experiments fixed to Columbus in 2020"
        in (text)
    )
    # BEAM's title passed to NASA in December 2021, not when Bigelow laid off its staff in 2020
    assert "handed BEAM over to NASA in December 2021" in text
    assert "took it over when the company stopped work in 2020" not in text
    assert "handed over after it stopped work in 2020" not in text
    assert "handed over to NASA in December 2021" in guide("03")


def test_03_guide_counts_esa_pieces_as_the_tables_do():
    owned = int((modules()["agency"] == "ESA").sum())
    built = int((modules()["built_by"] == "ESA").sum())
    assert (owned, built) == (2, 5)
    assert "shows ESA with two pieces (Columbus and the European Robotic Arm)" in guide("03")
    assert "its side built five" in guide("03")
    assert set(modules().index[modules()["agency"] == "ESA"]) == {"columbus", "era"}
    assert "JAXA, CSA, Nanoracks and Airbus come out at zero" in guide("03")


def test_04_caption_companies_are_all_named():
    caption = plots.station("2025-12-31").description
    builders = set(re.findall(r"\d+ by (\w+)", caption))
    assert builders - PARTNERS - {"ASI"} == {"Bigelow", "Nanoracks", "Airbus"}
    assert (
        "Bigelow built BEAM, Nanoracks the Bishop airlock and Airbus the Bartolomeo platform"
        in (prose("04"))
    )


def test_05_florida_offset_is_given_for_the_day_not_for_all_of_november():
    """US summer time ends on the first Sunday of November, so early November can be EDT."""
    florida = "America/New_York"
    crew_3 = pd.Timestamp("2021-11-10 21:03", tz=florida)
    assert crew_3.utcoffset() == pd.Timedelta(hours=-5)
    assert pd.Timestamp("2021-11-05 21:03", tz=florida).utcoffset() == pd.Timedelta(hours=-4)
    assert f"{events().loc['crew-3-launch', 'date']:%Y-%m-%d}" == "2021-11-11"
    text = prose("05")
    assert "On that day Florida was on winter time (EST), five hours behind UTC" in text
    assert "Florida in November is five hours behind UTC" not in text


def test_glossary_soyuz_lifeboat_names_its_exception():
    leak = events().loc["soyuz-ms-22-coolant-leak", "date"]
    empty = events().loc["soyuz-ms-23-uncrewed-launch", "date"]
    assert leak.year == 2022 and empty > leak
    text = glossary()
    assert "is normally the lifeboat for the people who flew up in it" in text
    assert f"when Soyuz MS-22 lost its coolant in {leak:%Y}" in text
