"""attachments.csv agrees with the events and modules tables, and no port holds two pieces."""

from __future__ import annotations

import itertools
import re

import pandas as pd
import pytest

import isslearn
from isslearn.catalogue.attachments import DIRECTIONS, frame_from_table
from isslearn.errors import CatalogueError
from isslearn.reading.csv_file import read_csv

MOVE = re.compile(r"-(moved|relocated|detached)(-|$)")
FAR_FUTURE = pd.Timestamp("2100-01-01")


@pytest.fixture(scope="module")
def rows():
    return isslearn.load_attachments()


@pytest.fixture(scope="module")
def events():
    events = isslearn.load_events()
    return events[events["category"] == "assembly"]


@pytest.fixture(scope="module")
def modules():
    return isslearn.load_modules().set_index("id")


def _piece_of(event_id: str, pieces: set[str]) -> str:
    """The piece an assembly event is about, from its id (``pma-2-moved-to-z1`` -> pma-2,
    ``p6-relocated`` -> p6-truss)."""
    stem = event_id.split("-", 1)[1] if event_id.startswith(("attach-", "detach-")) else event_id
    names = {p: p for p in pieces} | {p.removesuffix("-truss"): p for p in pieces}
    matches = [n for n in names if stem == n or stem.startswith(n + "-")]
    assert matches, f"event {event_id}: no piece of attachments.csv matches its id"
    return names[max(matches, key=len)]


def test_every_attach_move_and_departure_event_agrees_with_the_table(rows, events):
    pieces = set(rows["piece"])
    checked = 0
    for event in events.itertuples():
        if not (event.id.startswith(("attach-", "detach-")) or MOVE.search(event.id)):
            continue
        piece = _piece_of(event.id, pieces)
        own = rows[rows["piece"] == piece]
        starts = own[own["from_date"] == own["from_latest"]]["from_date"]
        ends = own[own["to_date"] == own["to_earliest"]]["to_date"]
        if event.id.startswith("attach-"):
            first = own[own["visit"] == ""]["from_date"].min()
            assert first == event.date, (
                f"{event.id}: the table's first stay begins {first:%Y-%m-%d}"
            )
        elif event.id.startswith("detach-"):
            assert own["to_date"].notna().all(), f"{event.id}: the table keeps {piece} attached"
            assert own["to_date"].max() == event.date, event.id
        else:
            assert event.date in set(starts) | set(ends), (
                f"{event.id} ({event.date:%Y-%m-%d}): no stay of {piece} begins or ends that day"
            )
            moved_to = event.id.split("-to-", 1)[1] if "-to-" in event.id else None
            if moved_to:
                arrived = own[own["from_date"] == event.date]
                places = set(arrived["parent"]) | set(arrived["port"])
                places |= {p.removesuffix("-truss") for p in places}
                assert moved_to in places, f"{event.id}: the table puts it on {places}"
        checked += 1
    assert checked >= 60  # every module's attach event and the dozen moves


def test_each_module_arrives_and_leaves_on_its_catalogue_dates(rows, modules):
    for piece, own in rows[rows["visit"] == ""].groupby("piece"):
        module = modules.loc[piece]
        assert own["from_date"].min() == module["attach_date"], piece
        if pd.isna(module["detach_date"]):
            assert own["to_date"].isna().any(), f"{piece} has left in the table, not in modules.csv"
        else:
            assert own["to_date"].notna().all() and own["to_date"].max() == module["detach_date"]
    assert set(rows["piece"]) == set(modules.index), "a module has no row in attachments.csv"


def test_no_two_pieces_hold_one_port_at_the_same_time(rows):
    """With dates not known exactly, each stay is taken as long as it could have been."""
    ported = rows[rows["port"].isin(DIRECTIONS)]
    for (parent, port), stays in ported.groupby(["parent", "port"]):
        spans = sorted(
            zip(
                stays["from_date"], stays["to_date"].fillna(FAR_FUTURE), stays["piece"], strict=True
            )
        )
        for (_, end, piece), (start, _, other) in itertools.pairwise(spans):
            assert end <= start, (
                f"{piece} and {other} both on {parent}'s {port} port on {start:%Y-%m-%d}"
            )


def test_a_piece_is_in_one_place_at_a_time_and_its_parent_is_there(rows):
    for (piece, _site), stays in rows.groupby(["piece", "site"]):
        stays = stays.sort_values("from_date")
        ends = stays["to_date"].fillna(FAR_FUTURE).tolist()
        assert all(e <= s for e, s in zip(ends, stays["from_latest"].tolist()[1:], strict=False)), (
            piece
        )
    for row in rows[rows["parent"] != ""].itertuples():
        parent = rows[rows["piece"] == row.parent]
        there = (parent["from_latest"] <= row.from_latest) & (
            parent["to_date"].isna() | (parent["to_earliest"] > row.from_latest)
        )
        assert there.any(), f"line {row.line}: {row.piece} arrives on {row.parent}, not there then"


def test_the_relocations_the_lessons_tell(rows):
    """The moves the issue names, each checked against the place the sources give."""

    def places(piece):
        own = rows[rows["piece"] == piece].sort_values("from_date")
        return [(r.parent, r.port) for r in own.itertuples() if r.visit == ""]

    assert places("p6-truss") == [("z1-truss", "zenith"), ("p5-truss", "port")]
    assert places("harmony") == [("unity", "port"), ("destiny", "forward")]
    assert places("kibo-elm-ps") == [("harmony", "zenith"), ("kibo-pm", "zenith")]
    assert places("leonardo-pmm") == [("unity", "nadir"), ("tranquility", "forward")]
    assert places("cupola") == [("tranquility", "port"), ("tranquility", "nadir")]
    assert places("pma-2")[0] == ("unity", "forward") and places("pma-2")[-1] == (
        "harmony",
        "forward",
    )
    assert places("pma-3")[0] == ("unity", "nadir") and places("pma-3")[-1] == ("harmony", "zenith")
    assert places("nauka") == [("zvezda", "nadir")] and places("pirs") == [("zvezda", "nadir")]
    assert places("prichal") == [("nauka", "nadir")]
    visits = rows[(rows["piece"] == "leonardo-pmm") & (rows["visit"] != "")]
    assert len(visits) == 7 and set(visits["port"]) == {"nadir"}


def _load(text: str):
    return frame_from_table(read_csv(text.encode(), "attachments.csv"), {"zarya", "unity"})


HEADER = "piece,parent,port,by,site,from_date,to_date,visit,source,note\n"


def test_bad_rows_are_named_by_line_and_column():
    with pytest.raises(CatalogueError) as caught:
        _load(
            HEADER
            + "zarya,,,,,1998-11-20,,,https://example.org,\n"
            + "unity,zarya,fwd,,,1998-12-07,,,https://example.org,\n"
            + "unity,zarya,aft,,,2001-02-31,,,https://example.org,\n"
            + "unity,zvezda,aft,,,2001-01-01,2000-01-01,,,\n"
        )
    message = str(caught.value)
    assert "attachments.csv:3: column 'port': unknown port 'fwd'" in message
    assert "did you mean 'forward'" in message
    assert "attachments.csv:4: column 'from_date': '2001-02-31' is not a real date" in message
    assert "attachments.csv:5: column 'parent': no module has the id 'zvezda'" in message
    assert "attachments.csv:5: column 'to_date'" in message
    assert "attachments.csv:5: column 'source': the field is empty" in message


def test_a_date_not_known_exactly_is_a_range_and_a_backward_range_is_refused():
    frame = _load(
        HEADER
        + "zarya,,,,,1998-11-20,,,https://example.org,\n"
        + "unity,zarya,forward,,,1998-12-07,2009-08-07/2010-02-12,,https://example.org,\n"
    )
    unity = frame[frame["piece"] == "unity"].iloc[0]
    assert (unity["to_earliest"], unity["to_date"]) == (
        pd.Timestamp("2009-08-07"),
        pd.Timestamp("2010-02-12"),
    )
    with pytest.raises(CatalogueError, match=r"attachments.csv:3: column 'to_date': the range"):
        _load(
            HEADER
            + "zarya,,,,,1998-11-20,,,https://example.org,\n"
            + "unity,zarya,forward,,,1998-12-07,2010-02-12/2009-08-07,,https://example.org,\n"
        )
