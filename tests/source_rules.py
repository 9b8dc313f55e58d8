"""Which addresses the catalogue may cite, shared by the source tests (issue 19).

A reader must be able to open a source and find the fact in it: the agency's own page, a
recognised reference work (Spacefacts, Jonathan McDowell's launch log), a news article or an
encyclopedia article where it lives. Refused: personal repositories and sites, hosts that are
retired or gone (cite the current page, or an archived copy with its timestamp), sites that
repost or aggregate other publishers' text, AMP, share, tracking and short-link variants,
copies of documents, image viewers and galleries, and state media blocked in partner
countries.
"""

from __future__ import annotations

import re

# Agency pages: the space agencies of the partnership and of the guests' countries.
AGENCY_HOSTS = (
    "nasa.gov",
    "esa.int",
    "jaxa.jp",
    "roscosmos.ru",
    "energia.ru",
    "asc-csa.gc.ca",
    "glavkosmos.com",
    "dlr.de",
    "cnes.fr",
    "asi.it",
    "mbrsc.ae",
    "isro.gov.in",
)
# Recognised reference works that give flight times: Spacefacts and McDowell's launch log.
REFERENCE_HOSTS = ("spacefacts.de", "planet4589.org")
ARCHIVE_HOSTS = ("web.archive.org", "webarchive.library.unt.edu")

REFUSED_HOSTS = {
    "a personal repository or site": ("github.com", "githubusercontent.com", "parsec.ro"),
    "a retired or defunct host": (
        "spaceflight.nasa.gov",
        "www-pao.ksc.nasa.gov",
        "science.ksc.nasa.gov",
        "spacetoday.net",
    ),
    "an aggregator or a repost": (
        "scitechdaily.com",
        "menafn.com",
        "prnewswire.com",
        "friendsofnasa.org",
        "developmentstoday.com",
        "satprnews.com",
        "space-travel.com",
        "spacedaily.com",
        "orbiterchspacenews.blogspot.com",
        "spacefellowship.com",
        "meneame.net",
        "citylife.capetown",
        "techbunch.co",
        "texnoxrum.com",
        "pressnewsagency.org",
        "spacelivenews.com",
        "manpinner.com",
        "solidrumor.com",
        "universaldigest.com",
        "nasa-newsblog.blogspot.com",
        "thisdaystory.com",
        "copernical.com",
        "urdupoint.com",
        "clarksvilleonline.com",
        "mailman.amsat.org",
        "lists.friends-partners.org",
        "spinics.net",
        "spacevids.tv",
        "aerospaceblog.wordpress.com",
        "satellitetracker.space",
        "isstracker.pl",
        "thespacefeed.com",
        "newsable.asianetnews.com",
        "bendweekly.com",
        "keneci.com",
        "issfanclub.eu",
        "wn.com",
    ),
    "a copy of a document": (
        "scribd.com",
        "studylib.net",
        "docslib.org",
        "yumpu.com",
        "issuu.com",
        "pdfcoffee.com",
        "dokumen.pub",
    ),
    "an image viewer or gallery": (
        "nasa-img-viewer.pages.dev",
        "zenfolio.com",
        "afripics.com",
        "alamy.com",
        "gettyimages.com",
        "flickr.com",
        "imgur.com",
        "pinterest.com",
    ),
    "state media blocked in partner countries": (
        "rt.com",
        "sputniknews.com",
        "sputnikglobe.com",
        "tass.com",
        "tass.ru",
    ),
}
# SpaceRef's status reports are NASA's releases reposted; its own articles are fine.
REPOST_PATHS = (("spaceref.com", "/status-report/"),)
VARIANT = re.compile(
    r"(/amp(/|$|\?)|[?&]amp\b|//amp\.|[?&](utm_\w+|fbclid|share|st_rec|related_post_from|"
    r"mc_cid|mc_eid|cmpid|ito)=|[?&]print=1|/share/|/\(print\)|/print(/|$)|"
    r"//(bit\.ly|go\.nasa\.gov|t\.co|goo\.gl|tinyurl\.com|ow\.ly|buff\.ly)/|"
    r"//[a-z-]+\.m\.wiki)"
)


def host(url: str) -> str:
    return url.split("/")[2].lower() if "://" in url else ""


def _on(name: str, hosts: tuple[str, ...]) -> bool:
    return any(name == h or name.endswith("." + h) for h in hosts)


def archived(url: str) -> str | None:
    """The address an archive copy keeps, or None for any other address."""
    if not _on(host(url), ARCHIVE_HOSTS):
        return None
    inner = re.search(r"/\d{8,14}[a-z_]*/(https?://\S+)$", url)
    return inner[1] if inner else None


def refused(url: str) -> str | None:
    """Why the catalogue does not cite ``url``, or None when it may."""
    if VARIANT.search(url):
        return "an AMP, print, share, tracking or short-link variant"
    kept = archived(url)
    if kept is not None:
        return None  # an archived copy of a retired page is how such a page is cited
    if _on(host(url), ARCHIVE_HOSTS):
        return "an archive address without its timestamp and original address"
    for why, hosts in REFUSED_HOSTS.items():
        if _on(host(url), hosts):
            return why
    for name, path in REPOST_PATHS:
        if _on(host(url), (name,)) and path in url:
            return "an aggregator or a repost"
    return None


def is_agency(url: str) -> bool:
    return _on(host(archived(url) or url), AGENCY_HOSTS)


def is_agency_or_reference(url: str) -> bool:
    return is_agency(url) or _on(host(url), REFERENCE_HOSTS)


# A flight named in an address: 'sts-102', 'STS102', 'soyuz-tma-16m', 'soyuz_ms_12', 'crew-5',
# 'demo-2', 'ax-3', 'crs-31', 'ng-23', 'htv-9'. Progress ships are left out: NASA numbers them
# differently ('Progress 91' is Progress MS-30), so an address cannot be matched by its name.
_FLIGHT_IN_ADDRESS = re.compile(
    r"(?<![a-z0-9])(?<!commercial-)(sts|soyuz[-_]?tma|soyuz[-_]?tm|soyuz[-_]?ms|crew|demo|ax|crs)[-_]?"
    r"(\d{1,3}m?)(?![0-9])"
)


def flights_named(text: str) -> set[str]:
    """The flights an address or a flight's name names, as 'kind-number' ('soyuz-tma-16m')."""
    found = set()
    for kind, number in _FLIGHT_IN_ADDRESS.findall(text.lower().replace(" ", "-")):
        kind = re.sub(r"soyuz[-_]?", "soyuz-", kind)
        found.add(f"{kind}-{number.lstrip('0') or '0'}")
    return found
