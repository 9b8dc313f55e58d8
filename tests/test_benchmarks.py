"""The benchmark harness still runs and records every figure with its goal (no timing asserted:
a slow machine must never fail the tests)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO

from benchmarks.lessons import lessons
from benchmarks.present import CHROMIUM
from benchmarks.widget_updates import EXPLORERS, VISITS

pytestmark = pytest.mark.slow

EXPECTED = [
    "import isslearn / import pandas",
    "load_events() cold",
    "annotate() cold",
    "load_events() warm",
    "annotate() warm",
    *(f"{name} {visit}" for name in EXPLORERS for visit in VISITS),
]


def test_quick_benchmark_run_writes_every_figure_with_its_goal(tmp_path):
    output = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--output", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "figure" in done.stdout and "goal" in done.stdout  # the table was printed
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["quick"] is True
    assert results["machine"]["cpus"] >= 1
    figures = {f["name"]: f for f in results["figures"]}
    expected = list(EXPECTED)
    first = lessons()[:1]
    if first:
        stem = first[0].stem
        expected += [f"{stem}: run time / baseline", f"{stem}: kernel peak memory"]
        expected += ["whole class: 2 lessons at once, wall time"]
        expected += ["new lesson with 5,000 class events: run time / with none"]
        if CHROMIUM.exists():
            expected += [f"{stem}: presenter view (isslearn present): start to first figure"]
    for name in expected:
        assert name in figures, f"{name!r} missing; results have {sorted(figures)}"
        figure = figures[name]
        assert isinstance(figure["goal"], (int, float)), f"{name} has no goal"
        assert figure["median"] is not None, f"{name} was not measured: {figure['note']}"
        assert figure["met"] in (True, False)
    for figure in figures.values():
        assert "goal" in figure
        if figure["goal"] is None:
            assert "(reference)" in figure["name"], f"{figure['name']} needs a goal"
