"""``python -m benchmarks [--quick]``: measure everything once, print a table, write JSON.

Every figure in one results file comes from the same run, so ratios compare like with like.
``--quick`` takes few samples and one lesson: it checks the harness, not the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from .class_events import class_events_figures
from .hub import hub_figures
from .imports import import_figures
from .lessons import class_figures, lesson_figures, lessons
from .loading import loading_figures
from .present import present_figures
from .processes import REPO
from .stats import Figure
from .widget_updates import widget_figures

RESULTS = Path(__file__).resolve().parent / "results.json"
FULL = {
    "imports": 15,
    "cold": 7,
    "warm": 30,
    "widget_updates": 50,
    "lesson_repeats": 3,
    "present_repeats": 3,
}
QUICK = {
    "imports": 3,
    "cold": 2,
    "warm": 3,
    "widget_updates": 5,
    "lesson_repeats": 1,
    "present_repeats": 1,
}


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.0f}"


def table(figures: list[Figure]) -> str:
    """A plain-text table: figure | median | p95 | goal | met?"""
    rows = [("figure", "median", "p95", "goal", "met?")]
    for f in figures:
        unit = f" {f.unit}"
        met = {True: "yes", False: "NO", None: "-" if f.goal is None else "not measured"}[f.met]
        rows.append(
            (
                f.name,
                _number(f.median) + unit if f.median is not None else "-",
                _number(f.p95) + unit if f.p95 is not None else "-",
                ("<= " + _number(f.goal) + unit) if f.goal is not None else "(reference)",
                met,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    return "\n".join([*lines, "", "notes:", *notes])


def machine() -> dict:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": commit,
    }


def run_all(quick: bool, folder: Path = REPO / "notebooks") -> list[Figure]:
    n = QUICK if quick else FULL
    paths = lessons(folder)[:1] if quick else lessons(folder)
    figures = import_figures(n["imports"])
    figures += loading_figures(n["cold"], n["warm"])
    figures += widget_figures(n["widget_updates"])
    if not paths:
        why = "no lessons in notebooks/ yet"
        figures.append(Figure.missing("lessons: run time / baseline", "x", 2.0, why))
        figures.append(Figure.missing("lessons: kernel peak memory", "MB", 250, why))
        figures.append(Figure.missing("whole class", "s", 120, why))
        return figures
    figures += lesson_figures(paths, n["lesson_repeats"])
    figures += class_events_figures(n["lesson_repeats"])
    figures += class_figures(paths, size=2 if quick else 8)
    figures += present_figures(paths, n["present_repeats"])
    if not quick:  # a real JupyterHub takes minutes to set up: full runs only
        with tempfile.TemporaryDirectory(prefix="isslearn-hub-") as folder:
            figures += hub_figures(Path(folder))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few samples, one lesson")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write JSON")
    parser.add_argument(
        "--notebooks", type=Path, default=REPO / "notebooks", help="folder of lessons to run"
    )
    args = parser.parse_args(argv)
    figures = run_all(args.quick, args.notebooks)
    print(table(figures))
    results = {
        "machine": machine(),
        "quick": args.quick,
        "figures": [f.as_dict() for f in figures],
    }
    args.output.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
