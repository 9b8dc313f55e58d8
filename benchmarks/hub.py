"""``make bench``: a whole class on a real JupyterHub on this machine, measured.

The class itself (hub, proxy, learners following the nbgitpuller link, each running a lesson
in their own server) is the tests' harness, tests/hub_harness.py; this module records the
peak memory and each learner's time from logging in to the first figure.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from tests.hub_harness import (
    CLASS_SIZE,
    MemorySampler,
    class_session,
    local_repository,
    running_hub,
)

from .processes import REPO
from .stats import Figure

FIRST_FIGURE_GOAL_S = 60  # a learner waits at most a minute from logging in to the first picture
MEMORY_GOAL_MB = 4000  # eight learners, hub and proxy in 4 GB: a modest school server


def hub_figures(folder: Path, size: int = CLASS_SIZE, lesson: str = "") -> list[Figure]:
    """``make bench``: a class of ``size`` on a fresh hub; memory and login-to-first-figure."""
    lessons = sorted((REPO / "notebooks").glob("*.ipynb"))
    lesson = lesson or next((p.name for p in lessons if p.name.startswith("01")), "")
    if not lesson or shutil.which("git") is None:
        why = "no lesson 01 in notebooks/" if not lesson else "git is missing"
        return [Figure.missing("hub class: login to first figure", "s", FIRST_FIGURE_GOAL_S, why)]
    clone = local_repository(folder)
    with running_hub(folder / "hub") as hub, MemorySampler(hub.process.pid) as memory:
        names = [f"learner{n}" for n in range(1, size + 1)]
        started = time.monotonic()
        runs, _ = class_session(hub, clone, names, f"notebooks/{lesson}")
        wall = time.monotonic() - started
    failed = [f"{r.learner}: {r.errors[0][:200]}" for r in runs if r.errors]
    firsts = [r.login_to_first_figure_s for r in runs if r.login_to_first_figure_s is not None]
    note = f"{size - len(failed)}/{size} learners ran {lesson} to the end; class wall {wall:.0f} s"
    if failed:
        note += "; " + " | ".join(failed)
    figures = []
    if firsts:
        first = Figure.from_samples(
            f"hub class of {size}: login to first figure", "s", FIRST_FIGURE_GOAL_S, firsts, note
        )
        first.met = first.met and not failed
        figures.append(first)
    else:
        figures.append(
            Figure.missing("hub class: login to first figure", "s", FIRST_FIGURE_GOAL_S, note)
        )
    figures.append(
        Figure(
            name=f"hub class of {size}: peak memory of hub, proxy, servers and kernels (PSS)",
            unit="MB",
            goal=MEMORY_GOAL_MB,
            median=memory.peak_mb,
            samples=1,
            met=memory.peak_mb <= MEMORY_GOAL_MB and not failed,
            note=f"{memory.peak_processes} processes at the peak",
        )
    )
    return figures
