"""Whole lessons: time and kernel memory for one learner, and a class running them at once.

Each run is ``python -m benchmarks.run_lesson`` in its own process with its own kernel, so
nothing is shared between runs, as on a school JupyterHub.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from .processes import PYTHON, REPO
from .stats import Figure

TIME_RATIO_GOAL = 2.0
PEAK_MB_GOAL = 250
CLASS_SIZE = 8
CLASS_WALL_GOAL_S = 120  # a teacher can wait two minutes for a whole class to "Run all"
BASELINE_SOURCE = "import pandas as pd\nimport matplotlib\nimport ipywidgets as widgets\n"


def lessons(folder: Path = REPO / "notebooks") -> list[Path]:
    """The lesson notebooks in the order they are taught."""
    return sorted(folder.glob("*.ipynb"))


def baseline_notebook(folder: Path) -> Path:
    """A notebook that only imports what every lesson needs: the floor for a lesson's time."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(BASELINE_SOURCE)]
    path = folder / "baseline.ipynb"
    nbformat.write(notebook, path)
    return path


def start_run(path: Path, timeout: float = 600) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "-m", "benchmarks.run_lesson", "--timeout", str(timeout), str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_run(process: subprocess.Popen, path: Path, timeout: float = 900) -> dict:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return {"notebook": str(path), "ok": False, "error": f"no result after {timeout} s"}
    lines = out.strip().splitlines()
    if not lines:
        return {"notebook": str(path), "ok": False, "error": err[-2000:]}
    return json.loads(lines[-1])


def run(path: Path) -> dict:
    return finish_run(start_run(path), path)


def lesson_figures(paths: list[Path], repeats: int) -> list[Figure]:
    """Execution time against the baseline (runs interleaved) and each kernel's peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        baseline = baseline_notebook(Path(tmp))
        runs: dict[Path, list[dict]] = {p: [] for p in [baseline, *paths]}
        for _ in range(repeats):
            for path in runs:
                runs[path].append(run(path))
        base_runs = runs.pop(baseline)
    base_times = [r["seconds"] for r in base_runs if r["ok"]]
    base_median = statistics.median(base_times)
    figures = [
        Figure.from_samples(
            "baseline notebook run (reference)",
            "s",
            None,
            base_times,
            "fresh kernel; imports pandas, matplotlib, ipywidgets",
        )
    ]
    for path, results in runs.items():
        failed = [r for r in results if not r["ok"]]
        name = path.stem
        if failed:
            why = failed[0]["error"].strip().splitlines()[-1][:300] if failed[0]["error"] else ""
            figures.append(
                Figure.missing(f"{name}: run time / baseline", "x", TIME_RATIO_GOAL, why)
            )
            figures.append(Figure.missing(f"{name}: kernel peak memory", "MB", PEAK_MB_GOAL, why))
            continue
        seconds = [r["seconds"] for r in results]
        slowest = min(results, key=lambda r: abs(r["seconds"] - statistics.median(seconds)))
        cells = "; ".join(
            f"cell {c['cell']} {c['seconds']:.1f} s `{c['source'][:50]}`"
            for c in slowest.get("slowest_cells", [])
        )
        ratio = Figure.from_samples(
            f"{name}: run time / baseline",
            "x",
            TIME_RATIO_GOAL,
            [s / base_median for s in seconds],
            f"median {statistics.median(seconds):.1f} s vs baseline {base_median:.1f} s; "
            f"kernel start {slowest.get('kernel_start_seconds', 0):.1f} s; slowest: {cells}",
        )
        ratio.extra = {"slowest_cells": slowest.get("slowest_cells", [])}
        peaks = [r["peak_rss_mb"] for r in results]
        memory = Figure.from_samples(f"{name}: kernel peak memory", "MB", PEAK_MB_GOAL, peaks)
        figures += [ratio, memory]
    return figures


def class_figures(paths: list[Path], size: int = CLASS_SIZE) -> list[Figure]:
    """``size`` learners press "Run all" at the same moment, lessons handed out in turn."""
    chosen = [paths[i % len(paths)] for i in range(size)]
    started = time.perf_counter()
    processes = [(start_run(p), p) for p in chosen]
    results = [finish_run(proc, p) for proc, p in processes]
    wall = time.perf_counter() - started
    finished = sum(r["ok"] for r in results)
    peaks = [r.get("peak_rss_mb") or 0 for r in results]
    errors = sorted({r["error"].strip().splitlines()[-1][:200] for r in results if not r["ok"]})
    note = f"{finished}/{size} finished; lessons: " + ", ".join(p.stem for p in chosen)
    if errors:
        note += "; errors: " + " | ".join(errors)
    wall_figure = Figure(
        name=f"whole class: {size} lessons at once, wall time",
        unit="s",
        goal=CLASS_WALL_GOAL_S,
        median=wall,
        samples=1,
        met=finished == size and wall <= CLASS_WALL_GOAL_S,
        note=note,
        extra={"runs": results},
    )
    memory_figure = Figure(
        name=f"whole class: {size} kernels, sum of peak memory",
        unit="MB",
        goal=PEAK_MB_GOAL * size,
        median=sum(peaks),
        p95=max(peaks),
        samples=size,
        met=finished == size and sum(peaks) <= PEAK_MB_GOAL * size,
        note="p95 column: the largest single kernel",
    )
    return [wall_figure, memory_figure]
