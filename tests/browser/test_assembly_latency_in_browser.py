"""How long a learner waits, in a real browser, between moving the assembly slider and seeing
the new drawing: from the key press on the slider to the new picture decoded and painted.

Issue 20 asks for at most 150 ms, the first change included (the old explorer took about
200 ms on its first change, when it drew its layers). Measured in the page with
``performance.now()``: the clock starts in a keydown listener on the slider's handle and stops
two animation frames after the new image has decoded, so the time covers the kernel, the
websocket, the widget's model and view, and the browser's decode and paint.
"""

from __future__ import annotations

import json
import statistics

import pytest

from .lab_driver import clear_and_run_all, open_notebook, shut_down_kernels

pytestmark = pytest.mark.browser

GOAL_MS = 150
STEPS = 12  # later changes timed after the first

NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": ["from isslearn import widgets\n", "widgets.assembly_explorer()"],
        }
    ],
    "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}

TIMER_JS = """(handle) => {
    const widget = handle.closest('.isslearn-widget');
    const img = widget.querySelector('img.isslearn-figure, .isslearn-figure img, img');
    window.__latencies = [];
    handle.addEventListener('keydown', () => { window.__pressed = performance.now(); }, true);
    new MutationObserver(() => {
        const start = window.__pressed;
        img.decode().then(() => requestAnimationFrame(() => requestAnimationFrame(() => {
            window.__latencies.push(performance.now() - start);
        })));
    }).observe(img, {attributes: true, attributeFilter: ['src']});
}"""


def test_assembly_slider_redraws_within_150_ms_first_change_included(lab_server, page):
    name = "assembly_latency.ipynb"
    (lab_server.root / name).write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    try:
        open_notebook(page, lab_server.lab_url(name, workspace="assembly-latency"))
        clear_and_run_all(page)
        handle = page.locator(".isslearn-widget .noUi-handle").first
        handle.wait_for(state="visible", timeout=60_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.isslearn-widget img')]"
            ".some(i => i.complete && i.naturalWidth > 0)",
            timeout=30_000,
        )
        handle.evaluate(TIMER_JS)
        handle.focus()
        for step in range(1 + STEPS):
            handle.press("ArrowRight")
            page.wait_for_function(f"() => window.__latencies.length > {step}", timeout=10_000)
        latencies = page.evaluate("window.__latencies")
    finally:
        shut_down_kernels(lab_server.url, lab_server.token)
    first, later = latencies[0], statistics.median(latencies[1:])
    print(
        f"assembly slider to pixels: first change {first:.0f} ms, later median {later:.0f} ms "
        f"(all: {', '.join(f'{t:.0f}' for t in latencies)})"
    )
    assert first <= GOAL_MS, f"first change took {first:.0f} ms (goal {GOAL_MS} ms)"
    assert later <= GOAL_MS, f"later changes took {later:.0f} ms at the median (goal {GOAL_MS})"
