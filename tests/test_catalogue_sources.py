"""Every source in the catalogue is one a reader can open and trust: the canonical page (never a
copy site that mirrors it), or a starting document named by what it is in seeds/sources.csv."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

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
