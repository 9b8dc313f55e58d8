"""The lesson figures draw what the catalogue says, and say it in words too."""

import os

os.environ.setdefault("MPLBACKEND", "Agg")  # tests never open windows

import pandas as pd
import pytest

import isslearn
from isslearn import plots
from isslearn.catalogue.tables import load_modules
from isslearn.plots.cargo import CargoChart
from isslearn.plots.chart import Chart, png_bytes
from isslearn.plots.style import agency_colors, date_ticks


def attached_on(day: str) -> pd.DataFrame:
    """Worked out here from modules.csv directly, not through isslearn.catalogue.station."""
    modules = load_modules()
    when = pd.Timestamp(day)
    there = (modules["attach_date"] <= when) & (
        modules["detach_date"].isna() | (modules["detach_date"] > when)
    )
    return modules[there]


def filled_blocks(figure) -> set[str]:
    ax = figure.axes[0]
    return {p.get_gid() for p in ax.patches if p.get_gid() and p.get_fill()}


@pytest.mark.parametrize("day", ["1998-11-20", "1998-12-31", "2011-07-21"])
def test_station_draws_exactly_the_modules_attached_that_day(day):
    chart = plots.station(day)
    expected = attached_on(day)
    assert isinstance(chart, Chart)
    assert filled_blocks(chart.figure) == set(expected["id"])
    # every module of the catalogue has a block; the others are outlines
    assert len([p for p in chart.figure.axes[0].patches if p.get_gid()]) == len(load_modules())
    visible_labels = [t for t in chart.figure.axes[0].texts if t.get_visible()]
    assert len(visible_labels) == len(expected)


def test_station_description_gives_count_mass_and_volume():
    expected = attached_on("2011-07-21")
    mass = int(expected["mass_kg"].fillna(0).sum())
    volume = float(expected["pressurized_volume_m3"].fillna(0).sum())
    text = plots.station("2011-07-21").description
    assert text.startswith(f"On 2011-07-21 the station had {len(expected)} modules and elements")
    assert f"{mass:,} kg" in text
    assert f"{volume:,.0f} m³" in text
    title = plots.station("2011-07-21").figure.texts[0].get_text()
    assert f"{len(expected)} modules" in title


def test_station_before_launch_says_nothing_was_there():
    chart = plots.station("1990-01-01")
    assert filled_blocks(chart.figure) == set()
    assert "no part of the station was in orbit" in chart.description


@pytest.mark.parametrize("bad", ["21/07/2011", "2011-13-01", "yesterday", 2011])
def test_a_bad_date_names_the_accepted_form(bad):
    with pytest.raises(ValueError, match=r"YYYY-MM-DD") as caught:
        plots.station(bad)
    assert str(bad) in str(caught.value)


def test_dates_may_be_written_loosely_or_as_dates():
    import datetime as dt

    a = plots.station("2000-11-2").description
    b = plots.station(dt.date(2000, 11, 2)).description
    assert a == b


def test_png_is_the_same_every_time_and_not_registered_with_pyplot():
    import matplotlib.pyplot as plt

    first, second = plots.station("2005-01-01").png(), plots.station("2005-01-01").png()
    assert first.startswith(b"\x89PNG") and first == second
    assert b"Software" not in first
    assert plt.get_fignums() == []


def test_growth_steps_end_at_the_station_as_it_is_now():
    modules = load_modules()
    chart = plots.growth()
    mass_axes, count_axes = chart.figure.axes
    last_change = max(pd.concat([modules["attach_date"], modules["detach_date"]]).dropna())
    now = attached_on(last_change.strftime("%Y-%m-%d"))
    assert count_axes.lines[0].get_ydata()[-1] == len(now)
    assert mass_axes.lines[0].get_ydata()[-1] == pytest.approx(now["mass_kg"].sum() / 1000)
    assert count_axes.get_xlabel() == "date (UTC)"
    assert "(t)" in mass_axes.get_ylabel()
    assert f"to {len(now)} pieces" in chart.description


def test_chart_shows_png_then_caption_with_markup_escaped():
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()
    chart = Chart(plots.station("1998-12-31").figure, "a <b>bold</b> claim")
    with capture_output() as captured:
        chart._ipython_display_()
    image, caption = captured.outputs
    assert image.data["image/png"]
    assert caption.data["text/markdown"] == "*a &lt;b&gt;bold&lt;/b&gt; claim*"


def test_launches_by_vehicle_has_one_dot_per_module():
    modules = load_modules()
    chart = plots.launches_by_vehicle()
    dots = sum(len(c.get_offsets()) for c in chart.figure.axes[0].collections)
    assert dots == len(modules)
    assert f"The {len(modules)} pieces" in chart.description
    assert chart.figure.axes[0].get_xlabel() == "launch date (UTC)"


def test_people_aboard_counts_the_crew_day_by_day():
    stays = isslearn.load_stays()
    chart = plots.people_aboard()
    ax = chart.figure.axes[0]
    assert ax.lines[0].get_label() == "long-duration crew"
    assert "since 2000-11-02" in chart.description
    heights = ax.lines[0].get_ydata()
    # never more people than the stays table has overlapping on one day, and 7 in the 2020s
    assert max(heights) == max(isslearn.catalogue.station.crew_count(stays["arrival"]))
    caretakers = plots.people_aboard("2003-06-01", "2006-06-01")
    # two caretakers at a time, four for a few days at each handover
    assert "between 2 and 4 long-duration crew members" in caretakers.description
    assert isslearn.catalogue.station.crew_count(["2004-06-01"]).item() == 2
    with pytest.raises(ValueError, match="start"):
        plots.people_aboard("2010-01-01", "2005-01-01")


def test_expedition_card_lists_the_crew_escaped():
    import html

    from isslearn.catalogue.tables import load_expeditions

    first = load_expeditions().iloc[0]
    styler = plots.expedition_card(int(first["number"]))
    assert list(styler.data["crew member"]) == list(first["crew"])
    assert list(styler.data["agency"]) == list(first["crew_agencies"])
    page = styler.to_html()
    for name in first["crew"]:
        assert html.escape(name) in page
    with pytest.raises(ValueError, match="no expedition"):
        plots.expedition_card(100000)


def test_expedition_card_gives_each_person_their_own_stay():
    """Expedition 20 (2009-05-29 to 2009-10-11): people came and went during it."""
    card = plots.expedition_card(20)
    table = card.data.set_index("crew member")
    assert table.loc["Timothy Kopra", ["arrived", "left"]].tolist() == ["2009-07-17", "2009-09-08"]
    assert table.loc["Koichi Wakata", "left"].startswith("2009-07")
    assert table.loc["Nicole Stott", "arrived"].startswith("2009-08")
    assert table.loc["Gennady Padalka", "during this expedition"] == "aboard throughout"
    assert table.loc["Timothy Kopra", "during this expedition"] == (
        "joined 2009-07-17; left 2009-09-08"
    )
    caption = card.caption
    assert "Joined during it: Timothy Kopra (2009-07-17)." in caption
    assert "stayed on into Expedition 21: Nicole Stott (2009-08-31)" in caption
    assert "Left during it: Koichi Wakata (2009-07-28), Timothy Kopra (2009-09-08)" in caption
    # the dates are each person's own, from stays.csv, never the expedition's for everyone
    stays = isslearn.load_stays()
    for name, row in table.iterrows():
        theirs = stays[stays["person"] == name]
        assert row["arrived"] in {f"{d:%Y-%m-%d}" for d in theirs["arrival"]}


def test_a_handover_crew_is_told_apart_from_the_expeditions_own():
    """Expedition 1 was three men; Expedition 2's crew came aboard nine days before the end and
    is named in the caption as the next crew, not on the card as Expedition 1's."""
    card = plots.expedition_card(1)
    table = card.data.set_index("crew member")
    assert "a crew of 3, 3 of them aboard from its first day" in card.caption
    assert "for the handover before it ended, as the next crew: James Voss (2001-03-10)" in (
        card.caption
    )
    assert "Yury Usachev" not in table.index
    assert table.loc["William Shepherd", "role"] == "commander"
    second = plots.expedition_card(2).data.set_index("crew member")
    assert second.loc["Yury Usachev", "role"] == "commander"


def test_expedition_card_caption_matches_its_table():
    """Whoever the table shows joining or leaving, the caption names; when nobody did, the
    caption says the whole crew was aboard throughout."""
    from isslearn.catalogue.tables import load_expeditions

    seen_throughout = False
    for number in load_expeditions()["number"].head(25):
        card = plots.expedition_card(int(number))
        table, caption = card.data, card.caption
        during = table["during this expedition"]
        for name, what in zip(table["crew member"], during, strict=True):
            if "joined" in what:  # named among those who joined, or who stayed on afterwards
                said = caption.split("Joined during it:")[-1] + caption.split("stayed on")[-1]
                assert name in said
            if "left" in what:
                assert name in caption.split("Left during it:")[1].split(".")[0]
        if (during == "aboard throughout").all():
            seen_throughout = True
            assert "The whole crew was aboard from its first day to its last" in caption
        exp = load_expeditions().set_index("number").loc[number]
        if pd.notna(exp["end"]):
            days = (exp["end"] - exp["start"]).days
            assert f"{days} days; a crew of {len(table)}," in caption
    assert seen_throughout


def test_contributions_add_up_to_the_catalogue():
    modules = load_modules()
    for by, heading in [
        ("agency", "By owner"),
        ("built_by", "By builder"),
        ("builder_country", "By the country where each was built"),
    ]:
        chart = plots.contributions(by)
        assert chart.description.startswith(heading)
        for group, n in modules[by].value_counts().items():
            mass = modules.loc[modules[by] == group, "mass_kg"].fillna(0).sum() / 1000
            assert f"{group} {n} piece{'' if n == 1 else 's'}, {mass:,.1f} t" in chart.description
        counts, masses = chart.figure.axes
        assert sum(b.get_width() for b in counts.patches) == len(modules)
        assert sum(b.get_width() for b in masses.patches) == pytest.approx(
            modules["mass_kg"].fillna(0).sum() / 1000
        )
    with pytest.raises(ValueError, match="builder_country"):
        plots.contributions("planet")


def test_who_built_is_not_who_owns():
    """Zarya: built in Russia, NASA's. Harmony, Tranquility, Cupola: built for ESA, NASA's."""
    import matplotlib.colors as mcolors

    colors = agency_colors()
    owner, builder = plots.contributions("agency"), plots.contributions("built_by")
    modules = load_modules().set_index("id")
    differ = modules[modules["agency"] != modules["built_by"]]
    assert {"zarya", "harmony", "tranquility", "cupola"} <= set(differ.index)
    for chart in (owner, builder):
        assert "Zarya (built by Roscosmos in Russia, owned by NASA)" in chart.description
        assert "Cupola (built by ESA in Italy, owned by NASA)" in chart.description
    roscosmos_built = int((modules["built_by"] == "Roscosmos").sum())
    assert f"Roscosmos {roscosmos_built} pieces" in builder.description
    # the station's blocks are coloured by who built them: Zarya is drawn in Roscosmos's colour
    schematic = plots.station("1998-11-20").figure.axes[0]
    (zarya,) = [p for p in schematic.patches if p.get_gid() == "zarya"]
    assert mcolors.to_hex(zarya.get_facecolor()).upper() == colors["Roscosmos"].upper()


def legend_titles(figure) -> list[str]:
    legends = list(figure.legends) + [ax.get_legend() for ax in figure.axes if ax.get_legend()]
    return [legend.get_title().get_text() for legend in legends]


def test_every_figure_with_agency_colours_has_a_legend_saying_what_the_colour_means():
    figures = {
        "station": plots.station("2011-07-21"),
        "launches": plots.launches_by_vehicle(),
        "owner": plots.contributions("agency"),
        "builder": plots.contributions("built_by"),
        "country": plots.contributions("builder_country"),
        "cargo": plots.cargo_fleet(),
    }
    for name, chart in figures.items():
        titles = " ".join(legend_titles(chart.figure))
        assert "built" in titles or "owns" in titles or "flies" in titles, name
    timeline = plots.timeline().figure
    labels = [t.get_text() for legend in timeline.legends for t in legend.get_texts()]
    assert {"NASA", "Roscosmos", "ESA", "JAXA", "CSA"} <= set(labels)
    assert "colour: the first agency" in timeline.get_suptitle()


def test_timeline_caption_of_filtered_events_gives_their_own_dates():
    """Events narrowed before the call, with no start or end, are not "the catalogue": the
    caption names the first and last dates of the events drawn."""
    events = isslearn.load_events()
    assembly_2008 = events[(events["date"].dt.year == 2008) & (events["category"] == "assembly")]
    caption = plots.timeline(assembly_2008).description
    first, last = assembly_2008["date"].min(), assembly_2008["date"].max()
    assert caption.startswith(f"Between {first:%Y-%m-%d} and {last:%Y-%m-%d} the time line shows")
    assert "catalogue" not in caption
    whole = plots.timeline(events).description
    assert whole.startswith(f"Between {events['date'].min():%Y-%m-%d} and ")


def test_timeline_counts_and_titles_teacher_events(tmp_path):
    from isslearn import load_events

    path = tmp_path / "mine.csv"
    path.write_text('date,title\n2001-02-03,"Our class $x$ <b>visit</b>"\n', encoding="utf-8")
    events = load_events(path)
    chart = plots.timeline(events, start="2001-01-01", end="2001-12-31")
    expected = events[(events["date"] >= "2001-01-01") & (events["date"] <= "2001-12-31")]
    assert f"shows {len(expected)} events" in chart.description
    assert "1 of them from your own file" in chart.description
    texts = [t.get_text() for t in chart.figure.axes[0].texts if t.get_visible()]
    assert texts == ["Our class $x$ <b>visit</b>"]  # shown literally, no maths or markup
    chart.png()  # a '$' in a title must not break drawing
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        plots.timeline(start="01.01.2001")


def test_fixed_date_ticks_are_the_ones_matplotlib_would_pick():
    import matplotlib.dates as mdates

    from isslearn.plots.chart import new_figure
    from isslearn.plots.style import MAX_DATE_TICKS

    for start, end in [("2000-01-01", "2026-05-01"), ("2003-01-01", "2004-01-01")]:
        ax = new_figure().add_axes((0.1, 0.1, 0.8, 0.8))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=MAX_DATE_TICKS)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.AutoDateFormatter(locator))
        ax.plot([pd.Timestamp(start), pd.Timestamp(end)], [0, 1])
        ax.set_xlim(pd.Timestamp(start), pd.Timestamp(end))
        ax.figure.canvas.draw()
        lo, hi = mdates.date2num(pd.Timestamp(start)), mdates.date2num(pd.Timestamp(end))
        labels = [t.get_text() for t in ax.get_xticklabels()]
        automatic = [(v, t) for v, t in zip(ax.get_xticks(), labels, strict=True) if lo <= v <= hi]
        fixed = date_ticks(pd.Timestamp(start), pd.Timestamp(end))
        inside = [(v, t) for v, t in zip(*fixed, strict=True) if lo <= v <= hi]
        assert [v for v, _ in inside] == pytest.approx([v for v, _ in automatic])
        assert [t for _, t in inside] == [t for _, t in automatic]
        assert 3 <= len(inside) <= MAX_DATE_TICKS


def test_a_reused_chart_draws_the_same_as_a_fresh_one():
    import numpy as np

    reused = CargoChart()
    reused.show(["Progress", "ATV"])
    reused.show(["HTV"])
    fresh = plots.cargo_fleet(["HTV"])
    assert reused.show(["HTV"]) == fresh.description
    a, b = (png_bytes(c.figure) for c in (reused, fresh))
    assert np.array_equal(*(pixels(p) for p in (a, b)))


def pixels(png: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_fast_png_round_trips_rgb_and_rgba():
    import io

    import numpy as np
    from PIL import Image

    from isslearn.plots.fastpng import png_from_rgb, png_from_rgba

    rgba = np.random.default_rng(1).integers(0, 256, (7, 5, 4), dtype=np.uint8)
    assert (np.asarray(Image.open(io.BytesIO(png_from_rgba(rgba)))) == rgba).all()
    rgb = rgba[..., :3]  # a strided view, as a canvas buffer gives
    assert (np.asarray(Image.open(io.BytesIO(png_from_rgb(rgb)))) == rgb).all()
    with pytest.raises(ValueError, match="uint8"):
        png_from_rgba(rgba.astype(float))


def test_fast_png_refuses_to_drop_an_alpha_that_is_not_opaque():
    import numpy as np

    from isslearn.plots.fastpng import opaque_rgb

    rgba = np.full((4, 3, 4), 255, dtype=np.uint8)
    assert opaque_rgb(rgba).shape == (4, 3, 3)
    rgba[2, 1, 3] = 254
    with pytest.raises(ValueError, match="1 pixel"):
        opaque_rgb(rgba)


# ---------------------------------------------------------------- figures take their data


def test_only_a_lesson_reads_the_class_events_file(write_file, monkeypatch, told):
    """Loaders and figures are pure: with ISSLEARN_EVENTS set, they show the built-in catalogue
    and read nothing; a Lesson (and `isslearn info`) resolves the variable, once."""
    import matplotlib.dates as mdates

    unset = plots.timeline().description
    future = write_file("class.csv", "date,title,category\n2035-01-01,Our visit,milestone\n")
    monkeypatch.setenv("ISSLEARN_EVENTS", str(future))
    assert set(isslearn.load_events()["origin"]) == {"built-in"}
    assert plots.timeline().description == unset
    crew = plots.people_aboard().figure.axes[0]
    growth = plots.growth().figure.axes[0]
    for ax in (crew, growth):
        assert mdates.num2date(ax.get_xlim()[1]).year <= isslearn.current_to().year + 1
    assert "Our visit" in set(isslearn.Lesson().events()["title"])

    broken = write_file("broken.csv", "date,title\n2008-13-40,Not a date\n")
    monkeypatch.setenv("ISSLEARN_EVENTS", str(broken))
    for figure in (
        plots.people_aboard(),
        plots.growth(),
        plots.station("2011-07-21"),
        plots.launches_by_vehicle(),
        plots.contributions("built_by"),
        plots.cargo_fleet(),
        plots.timeline(),
    ):
        assert figure.description
    assert plots.expedition_card(20).caption
    assert not told(), "a figure read the class events file"
    isslearn.Lesson()
    [note] = told()
    assert note.startswith(f"Note: ISSLEARN_EVENTS is set to {broken}, but that file cannot")


def test_explicit_data_wins_over_the_built_in_tables():
    stays = isslearn.load_stays()
    first_crew = stays[stays["arrival"] == stays["arrival"].min()]
    chart = plots.people_aboard(stays=first_crew, until="2001-06-01")
    assert f"between 0 and {len(first_crew)} long-duration" in chart.description
    modules = load_modules()
    two = modules[modules["id"].isin(["zarya", "unity"])]
    assert "By owner (the partner that owns or is responsible for each piece): NASA 2" in (
        plots.contributions("agency", two).description
    )
    assert plots.station("2011-07-21", two).description.startswith(
        "On 2011-07-21 the station had 2 modules and elements"
    )


# ---------------------------------------------------------------- empty states


def test_settings_that_match_no_event_draw_an_honest_empty_figure():
    """Issue 14: agencies=["ISRO"] or start=2040 used to fail with 'cannot convert float NaN'."""
    for chart in (
        plots.timeline(agencies=["NoSuchAgency"]),
        plots.timeline(start="2040-01-01"),
        plots.timeline(start="2040-01-01", end="2040-12-31", categories=["science"]),
    ):
        assert chart.description.startswith(plots.NO_MATCH)
        note = [t for t in chart.figure.axes[0].texts if t.get_visible()]
        assert [t.get_text() for t in note] == [plots.NO_MATCH]
        assert chart.png().startswith(b"\x89PNG")


def test_every_figure_with_an_empty_table():
    events = isslearn.load_events().iloc[:0]
    stays = isslearn.load_stays().iloc[:0]
    modules = load_modules().iloc[:0]
    charts = {
        "timeline": plots.timeline(events),
        "people_aboard": plots.people_aboard(stays=stays),
        "station": plots.station("2011-07-21", modules),
        "growth": plots.growth(modules),
        "launches_by_vehicle": plots.launches_by_vehicle(modules),
        "contributions": plots.contributions("agency", modules),
        "cargo_fleet": plots.cargo_fleet(
            flights=pd.DataFrame(columns=["flight", "kind", "launch_utc", "arrival_method"])
        ),
    }
    for name, chart in charts.items():
        assert chart.png().startswith(b"\x89PNG"), name
        shown = [t.get_text() for ax in chart.figure.axes for t in ax.texts if t.get_visible()]
        assert any(text.startswith("No ") for text in shown), f"{name}: {shown}"
        assert "empty" in chart.description or "match these settings" in chart.description, name
    with pytest.raises(ValueError, match="no expedition"):
        plots.expedition_card(1, expeditions=isslearn.load_expeditions().iloc[:0])


def test_crew_chart_says_nothing_about_days_the_data_does_not_reach():
    later = plots.people_aboard("2040-01-01", "2041-01-01")
    assert "the data runs only to" in later.description
    upto = plots.people_aboard("2020-01-01", "2030-01-01")
    assert f"to {isslearn.current_to():%Y-%m-%d} " in upto.description


def test_no_module_of_isslearn_touches_a_private_matplotlib_name():
    import ast
    from pathlib import Path

    package = Path(isslearn.__file__).parent
    modules = list(package.rglob("*.py"))
    assert len(modules) > 40, "the scan must see the subpackages (plots/ draws every figure)"
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("matplotlib"):
                parts = node.module.split(".") + [a.name for a in node.names]
                assert not any(p.startswith("_") for p in parts), f"{path.name}: {parts}"
                assert "RendererAgg" not in parts, path.name
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"_lastKey", "_renderer", "_cachedRenderer"}, path.name
