"""How long each lesson widget takes to redraw when a learner moves a control.

A control's ``value`` is set as the browser would set it; ipywidgets calls the observers
synchronously in the kernel, so when the assignment returns the new picture is in the model,
ready to be sent. No browser is involved: this is the kernel's share of a slider drag.
Run in its own process (``python -m benchmarks.widget_updates N``), like a fresh kernel.
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from .processes import json_from
from .stats import Figure

GOAL_MS = 50


def _assembly() -> tuple[Any, Any, Iterator]:
    from isslearn import widgets

    explorer = widgets.assembly_explorer()
    # forwards then back, as a dragged slider goes: every step is a new date
    dates = explorer.dates + explorer.dates[-2:0:-1]
    return explorer, explorer.controls["date"], itertools.cycle(dates)


def _expedition() -> tuple[Any, Any, Iterator]:
    from isslearn import widgets

    explorer = widgets.expedition_explorer()
    dropdown = explorer.controls["number"]
    numbers = [value for _, value in dropdown.options]
    return explorer, dropdown, itertools.cycle(numbers[1:] + numbers[:1])


def _years(first: int, last: int) -> Iterator[tuple[int, int]]:
    spans = [(lo, hi) for lo in range(first, last) for hi in range(lo + 1, last + 1, 3)]
    return itertools.cycle(spans[1:] + spans[:1])


def _crew() -> tuple[Any, Any, Iterator]:
    from isslearn import widgets

    explorer = widgets.crew_timeline()
    years = explorer.controls["years"]
    return explorer, years, _years(years.min, years.max)


def _contributions() -> tuple[Any, Any, Iterator]:
    from isslearn import widgets

    explorer = widgets.contributions_explorer()
    by = explorer.controls["by"]
    values = [value for _, value in by.options]
    return explorer, by, itertools.cycle(values[1:] + values[:1])


def _cargo() -> tuple[Any, Any, Iterator]:
    from isslearn import widgets

    explorer = widgets.cargo_fleet_explorer()
    ships = explorer.controls["ships"]
    options = list(ships.options)
    subsets = [tuple(options[:n]) for n in range(1, len(options) + 1)]
    subsets += [tuple(options[n:]) for n in range(1, len(options))]
    return explorer, ships, itertools.cycle(subsets)


def _events() -> tuple[Any, Any, Iterator]:
    from isslearn import widgets

    explorer = widgets.event_timeline()
    years = explorer.controls["years"]
    return explorer, years, _years(years.min, years.max)


EXPLORERS: dict[str, Callable[[], tuple[Any, Any, Iterator]]] = {
    "assembly_explorer (date slider)": _assembly,
    "expedition_explorer (dropdown)": _expedition,
    "crew_timeline (years slider)": _crew,
    "contributions_explorer (toggle)": _contributions,
    "cargo_fleet_explorer (ship choice)": _cargo,
    "event_timeline (years slider)": _events,
}


REVISITS = 8  # values set again after the first pass, to time an explorer's remembered pictures
VISITS = ("first visit", "later visit")


CPU_SECONDS: list[float] = []  # the kernel's own CPU time for each timed change, in order


def _timed(control, values) -> list[float]:
    """Wall-clock seconds for each value set (what a learner waits); the process's CPU
    seconds go to :data:`CPU_SECONDS`, which other work on a shared machine does not inflate."""
    samples = []
    for value in values:
        cpu, before = time.process_time(), time.perf_counter()
        control.value = value  # observers redraw before this returns
        samples.append(time.perf_counter() - before)
        CPU_SECONDS.append(time.process_time() - cpu)
    return samples


def measure(updates: int) -> dict[str, dict]:
    """Per explorer: build time, the seconds each of ``updates`` first visits took, and the
    seconds each of a few later visits took.

    Every explorer is made to ``forget()`` its remembered pictures before each first visit,
    outside the timing (pictures it draws once when it is made, such as a toggle's few
    states, are kept: that is part of its design and of its build time). Then the last few
    values are set again, once untimed and once timed, as later visits.
    """
    results: dict[str, dict] = {}
    for name, make in EXPLORERS.items():
        try:
            started = time.perf_counter()
            explorer, control, values = make()
            built = time.perf_counter() - started
            chosen = list(itertools.islice(values, updates))
            samples = []
            CPU_SECONDS.clear()
            for value in chosen:
                explorer.forget()
                samples += _timed(control, [value])
            first_cpu = list(CPU_SECONDS)
            again = chosen[-REVISITS:]
            _timed(control, again)  # seen once more, so each is remembered
            CPU_SECONDS.clear()
            results[name] = {
                "build": built,
                "updates": samples,
                "revisits": _timed(control, again),
                "updates_cpu": first_cpu,
                "revisits_cpu": list(CPU_SECONDS),
            }
        except (AttributeError, ImportError, KeyError, TypeError, ValueError) as exc:
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
    return results


def widget_figures(updates: int) -> list[Figure]:
    """Two rows per explorer, each against the same goal: first visits and later visits."""
    code = f"from benchmarks.widget_updates import main; main({updates})"
    try:
        results = json_from(code)
    except RuntimeError as exc:
        why = str(exc).strip().splitlines()[-1]
        return [
            Figure.missing(f"{name} {visit}", "ms", GOAL_MS, why)
            for name in EXPLORERS
            for visit in VISITS
        ]
    figures = []
    for name, result in results.items():
        if "error" in result:
            figures += [
                Figure.missing(f"{name} {visit}", "ms", GOAL_MS, result["error"])
                for visit in VISITS
            ]
            continue
        first = Figure.from_samples(
            f"{name} first visit",
            "ms",
            GOAL_MS,
            [t * 1000 for t in result["updates"]],
            f"built in {result['build'] * 1000:.0f} ms; remembered pictures forgotten before "
            f"each; CPU time median {_median_ms(result['updates_cpu'])}",
        )
        later = Figure.from_samples(
            f"{name} later visit",
            "ms",
            GOAL_MS,
            [t * 1000 for t in result["revisits"]],
            f"a setting shown before, set again; CPU time median "
            f"{_median_ms(result['revisits_cpu'])}",
        )
        figures += [first, later]
    return figures


def _median_ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.1f} ms" if seconds else "-"


def main(updates: int) -> None:
    print(json.dumps(measure(updates)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
