"""The lessons' website read in Chromium, as a learner at home would read it.

The site (built offline by tests/book_build.py, the way `make book` builds it) is served from
127.0.0.1. Every request the pages make is routed through the test: anything for another host
is recorded and refused, so "no request leaves 127.0.0.1" is observed, not assumed. Every page
reachable from the front page is opened: no console errors, every image loads, every internal
link (and its #anchor) leads somewhere, and a quiz answer opened on a lesson page shows its
feedback, with JavaScript on and off. axe-core (from npm, tests/browser/install_axe.sh) is
injected into every page, at a desktop and a phone width: no serious or critical WCAG 2 A/AA
violation.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from book_build import built_book

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # builds the website first

LOCAL_HOSTS = {"127.0.0.1"}
AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# Every WCAG 2 success criterion at levels A and AA that axe-core has rules for (2.0, 2.1, 2.2).
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SERIOUS = {"serious", "critical"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The built website served over HTTP on 127.0.0.1 (a random port)."""
    root = built_book().html
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Reader:
    """A browser tab that records console errors and refuses every request for another host."""

    def __init__(self, context) -> None:
        self.context = context
        self.remote: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("requestfailed", lambda request: self.failed.append(request.url))

    def _route(self, route) -> None:
        url = route.request.url
        if urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.remote.append(url)
            route.abort()

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def open(self, url: str) -> None:
        self.console_errors.clear()
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
        self.page.wait_for_load_state("networkidle")


@pytest.fixture
def reader(browser) -> Iterator[Reader]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    try:
        yield Reader(context)
    finally:
        context.close()


BROKEN_IMAGES_JS = """() => [...document.images]
    .filter(img => !(img.complete && img.naturalWidth > 0))
    .map(img => img.getAttribute('src'))"""
LINKS_JS = """() => [...document.querySelectorAll('a[href]')].map(a => a.href)"""
IDS_JS = """() => [...document.querySelectorAll('[id]')].map(e => e.id)"""


def _is_internal(url: str, base: str) -> bool:
    return url.startswith(base)


def test_every_page_loads_cleanly_and_every_internal_link_resolves(site, reader):
    to_visit, seen, anchors, broken = [site + "index.html"], set(), {}, []
    links: list[tuple[str, str]] = []
    problems: list[str] = []
    while to_visit:
        url = to_visit.pop()
        if url in seen:
            continue
        seen.add(url)
        reader.open(url)
        images = reader.page.wait_for_function(
            "() => [...document.images].every(img => img.complete)"
        )
        assert images
        problems += [
            f"{url}: image did not load: {src}" for src in reader.page.evaluate(BROKEN_IMAGES_JS)
        ]
        problems += [f"{url}: console: {text}" for text in reader.console_errors]
        anchors[url] = set(reader.page.evaluate(IDS_JS))
        for target in reader.page.evaluate(LINKS_JS):
            if not _is_internal(target, site):
                continue
            page_url, fragment = urldefrag(target)
            if page_url.endswith("/"):
                page_url += "index.html"
            links.append((url, target))
            if page_url.endswith(".html") and page_url not in seen:
                to_visit.append(page_url)
    for source, target in links:
        page_url, fragment = urldefrag(target)
        if page_url.endswith("/"):
            page_url += "index.html"
        if page_url not in anchors:
            response = reader.page.request.get(page_url)
            if not response.ok:
                broken.append(f"{source} -> {target} (HTTP {response.status})")
            continue
        if fragment and fragment not in anchors[page_url]:
            broken.append(f"{source} -> {target} (no element with id '{fragment}')")
    lessons = [u for u in seen if "/notebooks/" in u]
    assert len(lessons) >= len(list((Path(__file__).parents[2] / "notebooks").glob("*.ipynb")))
    assert not problems, "\n".join(problems)
    assert not broken, "broken internal links:\n" + "\n".join(broken)
    assert not reader.failed, f"requests that failed: {reader.failed}"
    assert not reader.remote, f"pages asked other hosts for: {sorted(set(reader.remote))}"


def test_the_guard_sees_a_request_for_another_host(site, reader):
    """The route above must really catch a page reaching out (else the test proves nothing)."""
    reader.open(site + "index.html")
    reader.page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.src = 'https://cdn.example.org/x.js'; document.head.appendChild(s); }"
    )
    reader.page.wait_for_timeout(500)
    assert reader.remote == ["https://cdn.example.org/x.js"]


def _lesson_urls(site: str) -> list[str]:
    root = built_book().html
    return [site + f"notebooks/{p.name}" for p in sorted((root / "notebooks").glob("*.html"))]


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_quiz_answers_show_their_feedback_on_every_lesson_page(site, browser, javascript):
    """A reader picks an answer by following its link: the page it opens says right or not and
    why, and leads back to the question; the lesson page itself shows no feedback."""
    context = browser.new_context(java_script_enabled=javascript)
    try:
        reader = Reader(context)
        for url in _lesson_urls(site):
            if url.endswith("glossary.html"):
                continue
            reader.open(url)
            question = reader.page.locator(".isslearn-quiz-static").first
            answers = question.locator("a[href]")
            assert answers.count(), f"{url}: no quiz answers on the page"
            assert "✘" not in question.inner_text() and "✔" not in question.inner_text()
            marks = []
            for number in range(answers.count()):
                reader.open(url)
                reader.page.locator(".isslearn-quiz-static").first.locator("a[href]").nth(
                    number
                ).click()
                reader.page.wait_for_load_state("load")
                shown = reader.page.locator("main").inner_text()
                marks.append("✔ Right." in shown)
                assert "✔ Right." in shown or "✘ Not this one." in shown, (url, number, shown)
                reader.page.get_by_text("Back to the question").click()
                reader.page.wait_for_load_state("load")
                assert reader.page.url.startswith(url.split("#")[0]), reader.page.url
                anchor = reader.page.url.split("#")[1]
                assert reader.page.locator(f"#{anchor}").is_visible()
            if len(marks) > 1:
                assert marks.count(True) == 1, f"{url}: {marks.count(True)} right answers"
        assert not reader.remote, f"pages asked other hosts for: {sorted(set(reader.remote))}"
    finally:
        context.close()


# ---------------------------------------------------------------- accessibility (axe-core)


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if AXE.is_file():
        return AXE
    message = f"{AXE} is missing: run `bash tests/browser/install_axe.sh` (needs npm)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _pages() -> list[str]:
    root = built_book().html
    return sorted(
        str(p.relative_to(root)) for p in root.rglob("*.html") if "_static" not in p.parts
    )


FEEDBACK_SAMPLE = 6  # answer pages checked per language: all come from one template


def _pages_for_axe() -> list[str]:
    """Every page, but of the answers' feedback pages (hundreds, one per quiz option, all made
    by make_book.feedback_page) only the first few of each language's site."""
    pages, feedback = [], {}
    for name in _pages():
        parts = Path(name).parts
        if "quiz" in parts:
            site = parts[: parts.index("quiz")]
            feedback.setdefault(site, []).append(name)
        else:
            pages.append(name)
    return pages + [name for names in feedback.values() for name in names[:FEEDBACK_SAMPLE]]


def _serious_violations(reader: Reader, axe: Path) -> list[str]:
    """axe-core's WCAG 2 A/AA violations of serious or critical impact on the open page."""
    reader.page.add_script_tag(path=str(axe))  # the file's text, inlined: no request
    result = reader.page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                      resultTypes: ['violations']})""",
        WCAG_A_AA,
    )
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']}: "
        + "; ".join(" ".join(node["target"]) for node in rule["nodes"][:4])
        for rule in result["violations"]
        if rule["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_no_page_has_a_serious_wcag_violation(site, browser, axe_script, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(30_000)
    try:
        reader = Reader(context)
        found = []
        for name in _pages_for_axe():
            reader.open(site + name)
            found += [f"{name}: {v}" for v in _serious_violations(reader, axe_script)]
        assert not reader.remote, f"pages asked other hosts for: {sorted(set(reader.remote))}"
    finally:
        context.close()
    assert not found, "axe-core, WCAG 2 A/AA, serious or critical:\n" + "\n".join(found)


def test_the_accessibility_check_sees_a_nameless_summary(site, reader, axe_script):
    """What the theme's navigation used to have (a <summary> with only an icon) is caught."""
    reader.open(site + "index.html")
    reader.page.evaluate(
        "() => { const d = document.createElement('details');"
        " d.innerHTML = '<summary><i class=\"fa-solid fa-chevron-down\"></i></summary><p>x</p>';"
        " document.querySelector('main').appendChild(d); }"
    )
    found = _serious_violations(reader, axe_script)
    assert any(v.startswith("summary-name (serious)") for v in found), found


@pytest.mark.parametrize(
    "page_name", ["notebooks/01_assembly.html", "fr/notebooks/fr/01_assembly.html"]
)
def test_the_header_with_its_language_switch_fits_a_phone(site, browser, page_name):
    """The buttons, the Present button and the language switch on one line at 390 px: nothing
    runs off the side of the screen, and the switch can be followed."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        reader = Reader(context)
        reader.open(site + page_name)
        page = reader.page
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{page_name}: {overflow} px wider than the phone"
        switch = page.locator("nav.isslearn-language-switch a").first
        assert switch.is_visible()
        box = switch.bounding_box()
        assert box and box["x"] + box["width"] <= 390, box
        switch.click()
        page.wait_for_load_state()
        assert page.evaluate("() => document.documentElement.lang") != (
            "fr" if page_name.startswith("fr/") else "en"
        )
    finally:
        context.close()
