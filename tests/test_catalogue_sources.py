"""Every source in the catalogue is one a reader can open and trust: the canonical page (never a
copy site that mirrors it), or a starting document named by what it is in seeds/sources.csv."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import source_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TABLES = ("events.csv", "modules.csv", "expeditions.csv", "stays.csv")

# Copy sites seen in earlier versions of the catalogue: each republishes an encyclopedia article
# or a news page under another address, or re-hosts it behind ads. Cite the page they copied.
MIRROR_DOMAINS = (
    "wikimili.com",
    "de.wiki.li",
    "movatter.jp",
    "nina.az",
    "arc.ask3.ru",
    "wiki-org.ru",
    "iiab.me",
    "kiwix",
    "nasa-img-viewer.pages.dev",
    "dewiki.de",
    "de.zxc.wiki",
    "wikial.top",
    "qaz.wiki",
    "wikiup.org",
    "wiki.x.io",
    "knowledgr.com",
    "cosmos-indirekt.de",
    "infokontak.com",
    "profilpelajar.com",
    "profilbaru.com",
    "db0nus869y26v.cloudfront.net",
    "piglix.com",
    "friendlywiki.com",
    "owiki.org",
    "wikirank.net",
    "absoluteastronomy.com",
    "thefullwiki.org",
    "infogalactic.com",
    "kiddle.co",
    "fastly.net",
    "qa.edu.vn",
    "io.vn",
    "handwiki.org",
    "knowpia.com",
    "wikisort.org",
    "alphapedia.ru",
    "stringtranslate.com",
    "wikiwand.com",
    "worddisk.com",
    "wikisum.wiki",
    "clateway.com",
    "worldheritage.org",
    "academic.ru",
    "de-academic.com",
    "memim.com",
    "liquisearch.com",
    "infinitelexicon.com",
    "perceptiode.com",
    "askwikinow.com",
    "wikide.org",
    "dkwiki.dk",
    "infospaze.com",
    "wiki.sarg.dev",
    "cnmilf.com",
    "gtool.pro",
    "netlify.app",
    "rhythmusic.net",
    "hqproductreviews.com",
    "elmit.asia",
    "800.gay",
    "dnhewrhegkli.shop",
    "midwestbiomed.org",
    "onlinetopamaxbuy.com",
    "catbibo.cn",
)
BARE_FILE_NAME = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")
# An encyclopedia article is cited where it lives: https://<language>.wikipedia.org/wiki/<title>.
LOOKS_LIKE_WIKIPEDIA = re.compile(r"wikipedia|/wiki/|/A/[A-Z]|/Lexikon/", re.IGNORECASE)
CANONICAL_WIKI = re.compile(r"^https://[a-z-]+\.(wikipedia|wikinews|wikisource)\.org/wiki/\S+$")


def _source_words() -> list[tuple[str, int, str]]:
    words = []
    for table in TABLES:
        with (SEEDS / table).open(newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                words += [(table, line, word) for word in row["source"].split()]
    return words


def _documents() -> dict[str, dict[str, str]]:
    with (SEEDS / "sources.csv").open(newline="", encoding="utf-8") as handle:
        return {row["key"]: row for row in csv.DictReader(handle)}


WORDS = _source_words()


def test_the_tables_cite_many_sources():
    assert len(WORDS) > 1000


@pytest.mark.parametrize("domain", MIRROR_DOMAINS)
def test_no_source_is_a_known_mirror(domain):

    hits = [(t, line, w) for t, line, w in WORDS if w.startswith("http") and domain in _host(w)]
    assert not hits, f"cite the page {domain} copied instead: {hits[:5]}"


def _host(url: str) -> str:
    return url.split("/")[2].lower()


def test_encyclopedia_articles_are_cited_at_wikipedia():
    wrong = [
        (t, line, w)
        for t, line, w in WORDS
        if w.startswith("http")
        and LOOKS_LIKE_WIKIPEDIA.search(w)
        and not CANONICAL_WIKI.match(w)
        and "wiki" in w.lower()
        and "thespacelibrary.com" not in _host(w)
    ]
    assert not wrong, wrong[:10]


def test_no_mobile_or_odd_wikipedia_hosts():
    odd = [w for _, _, w in WORDS if ".m.wikipedia.org" in w or "wikipedia.org./" in w]
    assert not odd, odd[:5]


def test_starting_documents_are_cited_by_key_not_file_name():
    bare = [(t, line, w) for t, line, w in WORDS if BARE_FILE_NAME.match(w)]
    assert not bare, f"cite doc:KEY from seeds/sources.csv: {bare[:5]}"
    known = _documents()
    cited = {w.removeprefix("doc:") for _, _, w in WORDS if w.startswith("doc:")}
    assert cited, "the starting documents are cited somewhere"
    assert cited <= set(known), cited - set(known)


def test_every_starting_document_says_what_it_is():
    for key, doc in _documents().items():
        assert re.fullmatch(r"[a-z0-9-]+", key), key
        assert doc["title"] and doc["publisher"], key
        assert not BARE_FILE_NAME.match(doc["title"]), key
        assert doc["url"] == "" or doc["url"].startswith("https://"), key


def test_every_source_word_is_a_url_or_a_document_key():
    odd = [(t, line, w) for t, line, w in WORDS if not re.match(r"^(https?://\S+|doc:\S+)$", w)]
    assert not odd, odd[:5]


def test_the_readme_states_the_date_the_catalogue_reaches():
    import isslearn

    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"The catalogue is current to \*\*(\d{4}-\d{2}-\d{2})\*\*", readme)
    assert stated, "seeds/README.md must say 'The catalogue is current to **YYYY-MM-DD**'"
    assert stated[1] == f"{isslearn.current_to():%Y-%m-%d}"
    for step in ("events.csv", "stays.csv", "expeditions.csv", "current_to()", "pytest"):
        assert step in readme, f"the update procedure no longer mentions {step}"


# ---- sources a reader can open (issue 19); the rules are in tests/source_rules.py

ALL_TABLES = (*TABLES, "flights.csv")


def _rows(table: str) -> list[tuple[int, dict[str, str]]]:
    with (SEEDS / table).open(newline="", encoding="utf-8") as handle:
        return list(enumerate(csv.DictReader(handle), start=2))


def _key(row: dict[str, str]) -> str:
    return row.get("id") or row.get("flight") or row.get("person") or row.get("number", "")


@pytest.mark.parametrize("table", ALL_TABLES)
def test_no_source_is_a_refused_kind_of_address(table):
    refused_words = [
        (line, _key(row), word, source_rules.refused(word))
        for line, row in _rows(table)
        for word in row["source"].split()
        if word.startswith("http") and source_rules.refused(word)
    ]
    assert not refused_words, refused_words[:10]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://github.com/ctanas/parsec.ro/blob/e4ba408/content/m/hsl.md", "personal"),
        ("https://spaceflight.nasa.gov/spacenews/reports/sts102/STS-102-23.html", "retired"),
        ("https://scitechdaily.com/some-nasa-text/", "repost"),
        ("https://spaceref.com/status-report/nasa-sts-120-report-12/", "repost"),
        ("https://tass.com/science/1048751/amp", "variant"),
        ("https://tass.com/science/1048751", "state media"),
        ("https://www.space.com/x.html?utm_source=notification", "variant"),
        ("https://www.scribd.com/document/569234119/x", "copy of a document"),
        ("https://nasa-img-viewer.pages.dev/?q=x", "image viewer"),
        ("https://web.archive.org/web/https://spaceflight.nasa.gov/x.html", "timestamp"),
    ],
)
def test_the_refused_kinds_are_caught(url, why):
    assert source_rules.refused(url), (url, why)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.nasa.gov/mission/sts-120/",
        "https://web.archive.org/web/20010320000000/https://spaceflight.nasa.gov/x.html",
        "https://en.wikipedia.org/wiki/STS-102",
        "https://spaceref.com/news/viewsr.html?pid=33499",
    ],
)
def test_canonical_pages_and_dated_archive_copies_are_allowed(url):
    assert source_rules.refused(url) is None, url


@pytest.mark.parametrize("table", TABLES)
def test_no_row_rests_only_on_a_starting_document(table):
    bare = [
        (line, _key(row))
        for line, row in _rows(table)
        if not any(word.startswith("http") for word in row["source"].split())
    ]
    assert not bare, bare


def _flight_rows() -> list[tuple[str, int, dict[str, str], set[str]]]:
    """Rows about crewed flights: their launch and arrival events and the stays, each with the
    flights it concerns."""
    from test_catalogue_completeness import ARRIVAL_EVENT, LAUNCH_EVENT, flight_slug

    import isslearn

    crewed = isslearn.load_flights().query("crewed")["flight"]
    events = {}
    for flight in crewed:
        events[LAUNCH_EVENT.get(flight, f"{flight_slug(flight)}-launch")] = flight
        events[ARRIVAL_EVENT.get(flight, f"{flight_slug(flight)}-docks")] = flight
    rows = [
        ("events.csv", line, row, {events[row["id"]]})
        for line, row in _rows("events.csv")
        if row["id"] in events
    ]
    rows += [
        ("stays.csv", line, row, {row["vehicle_up"], row["vehicle_down"]} - {""})
        for line, row in _rows("stays.csv")
    ]
    rows += [
        ("flights.csv", line, row, {row["flight"]})
        for line, row in _rows("flights.csv")
        if row["crewed"] == "yes"
    ]
    return rows


FLIGHT_ROWS = _flight_rows()


def test_every_crewed_flight_row_cites_an_agency_page_or_a_reference_work():
    assert len(FLIGHT_ROWS) > 500
    bare = [
        (table, line, _key(row))
        for table, line, row, _ in FLIGHT_ROWS
        if not any(map(source_rules.is_agency_or_reference, row["source"].split()))
    ]
    assert not bare, bare


def test_a_source_whose_address_names_a_flight_names_this_rows_flight():
    """A docking row cited to another flight's page is cited to the wrong page."""
    wrong = []
    for table, line, row, flights in FLIGHT_ROWS:
        mine = set().union(*(source_rules.flights_named(f) for f in flights))
        for word in row["source"].split():
            named = source_rules.flights_named(word)
            if named and mine and not named & mine:
                wrong.append((table, line, _key(row), word))
    assert not wrong, wrong


def test_at_least_half_the_events_cite_an_agency_page():
    rows = _rows("events.csv")
    agency = [row for _, row in rows if any(map(source_rules.is_agency, row["source"].split()))]
    assert len(agency) / len(rows) >= 0.5, f"{len(agency)} of {len(rows)}"
