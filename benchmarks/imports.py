"""How long ``import isslearn`` takes next to ``import pandas``, and what it drags in.

Each import runs in a fresh interpreter; the bare interpreter's start-up (``python -c pass``)
is subtracted, and the three commands take turns so that a noisy moment hits all of them.
"""

from __future__ import annotations

import re
import statistics
import subprocess

from .processes import PYTHON, REPO, wall_seconds
from .stats import Figure

RATIO_GOAL = 1.3
HEAVY = ("matplotlib", "ipywidgets", "IPython", "yaml", "scipy", "PIL")


def import_times(repeats: int) -> dict[str, list[float]]:
    """Seconds above a bare interpreter for each import, one sample per repeat."""
    commands = {"pass": "pass", "pandas": "import pandas", "isslearn": "import isslearn"}
    for code in commands.values():  # warm the file cache once, untimed
        wall_seconds(code)
    raw: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(repeats):
        names = list(commands)
        names = names[i % 3 :] + names[: i % 3]
        for name in names:
            raw[name].append(wall_seconds(commands[name]))
    base = raw.pop("pass")
    return {name: [t - b for t, b in zip(times, base, strict=True)] for name, times in raw.items()}


def eager_imports() -> dict[str, list[str]]:
    """For each heavy package ``import isslearn`` loads, the chain of modules that import it.

    Read from ``python -X importtime``: a module's line comes after the lines of everything it
    imports, one indent deeper, so a module's importer is the next line at a shallower depth.
    """
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", "import isslearn"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    entries = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+\d+ \|( *)(\S+)", line)
        if m:
            entries.append((len(m.group(1)) // 2, m.group(2)))
    found: dict[str, list[str]] = {}
    for index, (depth, name) in enumerate(entries):
        if name not in HEAVY:
            continue
        chain, level = [name], depth
        for later_depth, later_name in entries[index + 1 :]:
            if later_depth < level:
                chain.append(later_name)
                level = later_depth
        found[name] = chain
    return found


def import_figures(repeats: int) -> list[Figure]:
    times = import_times(repeats)
    ms = {name: [t * 1000 for t in samples] for name, samples in times.items()}
    eager = eager_imports()
    culprits = {
        heavy: next((m for m in chain if m.startswith("isslearn")), chain[-1])
        for heavy, chain in eager.items()
    }
    note = (
        "eager: " + "; ".join(f"{h} via {m}" for h, m in culprits.items())
        if culprits
        else "no heavy package imported eagerly"
    )
    ratio = statistics.median(ms["isslearn"]) / statistics.median(ms["pandas"])
    ratio_samples = [i / p for i, p in zip(ms["isslearn"], ms["pandas"], strict=True)]
    ratio_figure = Figure.from_samples(
        "import isslearn / import pandas", "x", RATIO_GOAL, ratio_samples, note
    )
    ratio_figure.median = ratio  # ratio of medians; p95 stays the per-repeat spread
    ratio_figure.met = ratio <= RATIO_GOAL
    ratio_figure.extra = {"eager_import_chains": eager}
    return [
        Figure.from_samples("import pandas (reference)", "ms", None, ms["pandas"]),
        Figure.from_samples("import isslearn (reference)", "ms", None, ms["isslearn"]),
        ratio_figure,
    ]
