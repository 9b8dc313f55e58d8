"""A teacher's own lesson with a big class file: ``isslearn new-lesson --events`` with 5,000
class events, against the same new lesson with none, runs interleaved in fresh kernels.

The goal is the issue's: the lesson with 5,000 events runs within 2x the one with none. The
time line used to title every teacher's event with a boxed note (29 s for 5,000 of them); it
now titles at most :data:`isslearn.plots.events.MAX_TITLED` and says so in its description.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
from pathlib import Path

from .lessons import run
from .stats import Figure

CLASS_EVENTS = 5_000
RATIO_GOAL = 2.0
_CATEGORIES = ("assembly", "crew", "science", "spacewalk", "milestone", "vehicle")
_AGENCIES = ("NASA", "ESA", "JAXA", "CSA", "NASA;ESA")


def write_class_events(path: Path, count: int = CLASS_EVENTS, seed: int = 1) -> Path:
    """``count`` valid class events in a CSV, spread over the station's years."""
    rng = random.Random(seed)
    first = dt.date(1998, 11, 20)
    lines = ["date,title,category,agencies"]
    for number in range(count):
        day = first + dt.timedelta(days=rng.randrange(9_000))
        lines.append(
            f"{day},Class event {number},{rng.choice(_CATEGORIES)},{rng.choice(_AGENCIES)}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def class_events_figures(repeats: int, count: int = CLASS_EVENTS) -> list[Figure]:
    """Run time of a new lesson with ``count`` class events over the same lesson with none."""
    from isslearn.teacher.scaffold import new_lesson

    with tempfile.TemporaryDirectory(prefix="isslearn-class-events-") as tmp:
        folder = Path(tmp)
        events = write_class_events(folder / "class_events.csv", count)
        with_events = new_lesson("with_events", folder, events=events)
        without = new_lesson("without_events", folder)
        runs: dict[Path, list[dict]] = {with_events: [], without: []}
        for _ in range(repeats):
            for path in runs:
                runs[path].append(run(path))
    name = f"new lesson with {count:,} class events: run time / with none"
    failed = [r for results in runs.values() for r in results if not r["ok"]]
    if failed:
        why = (failed[0]["error"].strip().splitlines() or ["failed"])[-1][:300]
        return [Figure.missing(name, "x", RATIO_GOAL, why)]
    times = {path: [r["seconds"] for r in results] for path, results in runs.items()}
    base = statistics.median(times[without])
    slowest = min(
        runs[with_events], key=lambda r: abs(r["seconds"] - statistics.median(times[with_events]))
    )
    cells = "; ".join(
        f"cell {c['cell']} {c['seconds']:.1f} s `{c['source'][:40]}`"
        for c in slowest.get("slowest_cells", [])
    )
    figure = Figure.from_samples(
        name,
        "x",
        RATIO_GOAL,
        [s / base for s in times[with_events]],
        f"median {statistics.median(times[with_events]):.1f} s with the events vs "
        f"{base:.1f} s without; slowest cells: {cells}",
    )
    figure.extra = {"seconds_with": times[with_events], "seconds_without": times[without]}
    return [figure]
