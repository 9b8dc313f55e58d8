"""``load_events()`` and ``annotate()``: the first call in a fresh kernel, and calls after it.

The first call reads and checks the CSV files; later calls reuse the parsed catalogue held by
the caches in :mod:`isslearn.catalogue.tables` and only copy it, which is what a widget redraw pays.
"""

from __future__ import annotations

from .processes import json_from
from .stats import Figure

# A lesson's first cell should answer within a second; a call repeated by a widget must leave
# room inside the 50 ms redraw budget.
COLD_GOAL_MS = 1000
WARM_LOAD_GOAL_MS = 25
WARM_ANNOTATE_GOAL_MS = 50

_CHILD = """
import json, time
t0 = time.perf_counter()
import isslearn
t1 = time.perf_counter()
events = isslearn.load_events()
t2 = time.perf_counter()
isslearn.annotate(events)
t3 = time.perf_counter()
warm_load, warm_annotate = [], []
for _ in range({warm}):
    a = time.perf_counter()
    events = isslearn.load_events()
    b = time.perf_counter()
    isslearn.annotate(events)
    c = time.perf_counter()
    warm_load.append(b - a)
    warm_annotate.append(c - b)
print(json.dumps({{"load": t2 - t1, "annotate": t3 - t2, "events": len(events),
                  "warm_load": warm_load, "warm_annotate": warm_annotate}}))
"""


def loading_figures(cold_repeats: int, warm_repeats: int) -> list[Figure]:
    runs = [json_from(_CHILD.format(warm=warm_repeats)) for _ in range(cold_repeats)]
    ms = lambda xs: [x * 1000 for x in xs]  # noqa: E731
    events = runs[0]["events"]
    warm_load = ms([t for run in runs for t in run["warm_load"]])
    warm_annotate = ms([t for run in runs for t in run["warm_annotate"]])
    return [
        Figure.from_samples(
            "load_events() cold",
            "ms",
            COLD_GOAL_MS,
            ms([r["load"] for r in runs]),
            f"first call in a fresh process; {events} events",
        ),
        Figure.from_samples(
            "annotate() cold",
            "ms",
            COLD_GOAL_MS,
            ms([r["annotate"] for r in runs]),
            "first call after load_events(): reads modules, expeditions, eras",
        ),
        Figure.from_samples("load_events() warm", "ms", WARM_LOAD_GOAL_MS, warm_load),
        Figure.from_samples("annotate() warm", "ms", WARM_ANNOTATE_GOAL_MS, warm_annotate),
    ]
