"""The lessons' website read in Chromium, as a learner at home would read it.

The site (built offline by tests/book_build.py, the way `make book` builds it) is served from
127.0.0.1. Every request the pages make is routed through the test: anything for another host
is recorded and refused, so "no request leaves 127.0.0.1" is observed, not assumed. Every page
reachable from the front page is opened: no console errors, every image loads, every internal
link (and its #anchor) leads somewhere, and a quiz answer opened on a lesson page shows its
feedback, with JavaScript on and off.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from book_build import built_book

pytestmark = pytest.mark.browser

LOCAL_HOSTS = {"127.0.0.1"}


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
    lessons = [u for u in seen if "/lessons/" in u]
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
    return [site + f"lessons/{p.name}" for p in sorted((root / "lessons").glob("*.html"))]


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_quiz_answers_show_their_feedback_on_every_lesson_page(site, browser, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    try:
        reader = Reader(context)
        for url in _lesson_urls(site):
            if url.endswith("glossary.html"):
                continue
            reader.open(url)
            # The answers of the page's first quiz item: opening each shows its feedback.
            quiz = reader.page.locator(".cell_output", has=reader.page.locator("details")).first
            answers = quiz.locator("details")
            assert answers.count(), f"{url}: no quiz answers on the page"
            for number in range(answers.count()):
                answer = answers.nth(number)
                feedback = answer.locator(":scope > :not(summary)").first
                assert not feedback.is_visible(), f"{url}: answer {number} shown before asked"
                answer.locator(":scope > summary").click()
                assert answer.get_attribute("open") is not None, f"{url}: answer {number}"
                assert feedback.is_visible() and feedback.inner_text().strip(), (
                    f"{url}: answer {number} opened but shows no feedback"
                )
        assert not reader.remote, f"pages asked other hosts for: {sorted(set(reader.remote))}"
    finally:
        context.close()
