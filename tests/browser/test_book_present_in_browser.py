"""The website as the presenter fallback: each lesson page's "Present" layout, in Chromium.

For a room with no network or no kernel (docs/_static/present.js and present.css). On every
lesson page, as served from 127.0.0.1 with every other host refused: the Present button turns
the page into large type with no code, sidebars or header; Page Down, the key a presenter's
remote sends, walks through the lesson one section per screen, each section starting at the
top of the screen; Page Up goes back; Escape gives the ordinary page back; a quiz's answers
stay on screen to follow; no console error. The page opened with ?present starts presented, and
the presented page passes axe-core's WCAG 2 A/AA checks like the others.
"""

from __future__ import annotations

import pytest

from .test_book_in_browser import (  # the site, its guarded reader and axe-core, shared
    Reader,
    _lesson_urls,
    _serious_violations,
    axe_script,  # noqa: F401 (a fixture)
    site,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1366, "height": 768}
PRESENTED = "isslearn-present"
MIN_TEXT_PX = 24  # readable from the back of a classroom on a 1366 px wide projector
HIDDEN = (".bd-sidebar-primary", ".bd-header", ".bd-sidebar-secondary", ".cell_input")

SCREENS_JS = """() => [...document.querySelectorAll('article.bd-article section')]
    .filter(s => s.querySelector(':scope > h2'))
    .map(s => Math.round(s.getBoundingClientRect().top + window.scrollY))"""


@pytest.fixture
def projector(browser):
    context = browser.new_context(viewport=PROJECTOR)
    context.set_default_timeout(30_000)
    try:
        yield Reader(context)
    finally:
        context.close()


def _lessons(base: str) -> list[str]:
    return [url for url in _lesson_urls(base) if not url.endswith("glossary.html")]


def _visible(page, selector: str) -> bool:
    return any(element.is_visible() for element in page.locator(selector).all())


def _text_px(page) -> float:
    return page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('article.bd-article p'))"
        ".fontSize)"
    )


def test_every_lesson_page_presents_one_section_per_screen(site, projector):  # noqa: F811
    page = projector.page
    for url in _lessons(site):
        projector.open(url)
        ordinary = _text_px(page)
        page.get_by_role("button", name="Present", exact=True).click()
        assert page.evaluate(f"() => document.documentElement.classList.contains('{PRESENTED}')")
        assert page.url.endswith(".html?present"), page.url
        assert _text_px(page) >= max(MIN_TEXT_PX, ordinary * 1.4), f"{url}: type not larger"
        shown = [selector for selector in HIDDEN if _visible(page, selector)]
        assert not shown, f"{url}: still shown in the present layout: {shown}"

        screens = page.evaluate(SCREENS_JS)
        assert len(screens) >= 5, f"{url}: {len(screens)} sections"
        reached, tops = set(), []
        for _ in range(200):  # every long section is scrolled through, then the next one
            page.keyboard.press("PageDown")
            page.wait_for_timeout(60)
            y = page.evaluate("() => window.scrollY")
            tops.append(y)
            reached |= {k for k, top in enumerate(screens) if abs(top - y) <= 2}
            if len(tops) > 2 and tops[-1] == tops[-2] == tops[-3]:
                break
        assert tops == sorted(tops), f"{url}: Page Down went backwards: {tops}"
        # Each section but the first (under the title, on the first screen) begins a screen;
        # the last few may be too short for the page to scroll them to the top.
        missed = [k for k in range(1, len(screens)) if k not in reached]
        bottom = page.evaluate("() => document.documentElement.scrollHeight - innerHeight")
        missed = [k for k in missed if screens[k] < bottom - 2]
        assert not missed, f"{url}: sections {missed} never started a screen"
        page.keyboard.press("PageUp")
        page.wait_for_timeout(60)
        assert page.evaluate("() => window.scrollY") < tops[-1], f"{url}: Page Up did nothing"

        answers = page.locator(".isslearn-quiz-static a[href]")
        assert answers.count(), f"{url}: no quiz answers on the presented page"
        assert answers.first.is_visible(), f"{url}: the quiz's answers are hidden when presented"

        page.keyboard.press("Escape")
        assert not page.evaluate(
            f"() => document.documentElement.classList.contains('{PRESENTED}')"
        )
        assert not page.url.endswith("?present"), page.url
        assert _visible(page, ".cell_input"), f"{url}: the code did not come back"
        assert not projector.console_errors, f"{url}: {projector.console_errors}"
    assert not projector.remote, f"pages asked other hosts for: {sorted(set(projector.remote))}"
    assert not projector.failed, f"requests that failed: {projector.failed}"


def test_a_lesson_opened_with_present_in_its_address_starts_presented(site, projector):  # noqa: F811
    page = projector.page
    url = _lessons(site)[1]
    projector.open(url + "?present")
    assert page.evaluate(f"() => document.documentElement.classList.contains('{PRESENTED}')")
    controls = page.get_by_role("navigation", name="Presentation")
    assert controls.get_by_text("1 / ").is_visible()
    controls.get_by_role("button", name="Next").click()
    assert controls.get_by_text("2 / ").is_visible()
    controls.get_by_role("button", name="Leave").click()
    assert not controls.count()
    assert not projector.console_errors, projector.console_errors


def test_the_present_layout_has_no_serious_wcag_violation(site, projector, axe_script):  # noqa: F811
    found = []
    for url in _lessons(site)[:2]:
        projector.open(url + "?present")
        found += [f"{url}: {v}" for v in _serious_violations(projector, axe_script)]
    assert not found, "axe-core, WCAG 2 A/AA, serious or critical:\n" + "\n".join(found)


def test_a_french_lesson_presents_with_french_controls(site, projector):  # noqa: F811
    """The button and the bar speak the page's language (docs/fr/words.toml)."""
    page = projector.page
    projector.open(site + "fr/notebooks/fr/01_assembly.html")
    page.get_by_role("button", name="Présenter", exact=True).click()
    assert page.evaluate(f"() => document.documentElement.classList.contains('{PRESENTED}')")
    controls = page.get_by_role("navigation", name="Présentation")
    assert controls.get_by_text("1 / ").is_visible()
    controls.get_by_role("button", name="Suivant").click()
    assert controls.get_by_text("2 / ").is_visible()
    controls.get_by_role("button", name="Quitter").click()
    assert not controls.count()
    assert not projector.console_errors, projector.console_errors
