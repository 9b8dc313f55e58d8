"""Figures as the benchmarks report them: a median, a spread, a goal and whether it was met."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field


def percentile(samples: list[float], pct: float) -> float:
    """The ``pct`` percentile by linear interpolation (no numpy: it is part of what we time)."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("no samples")
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Figure:
    """One measured figure. ``goal`` is an upper bound in ``unit``; ``met`` is None when the
    figure could not be measured (``note`` then says why)."""

    name: str
    unit: str
    goal: float | None
    median: float | None = None
    p95: float | None = None
    samples: int = 0
    met: bool | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_samples(
        cls, name: str, unit: str, goal: float | None, samples: list[float], note: str = ""
    ) -> Figure:
        median = statistics.median(samples)
        return cls(
            name=name,
            unit=unit,
            goal=goal,
            median=median,
            p95=percentile(samples, 95),
            samples=len(samples),
            met=None if goal is None else median <= goal,
            note=note,
        )

    @classmethod
    def missing(cls, name: str, unit: str, goal: float | None, why: str) -> Figure:
        return cls(name=name, unit=unit, goal=goal, note=why)

    def as_dict(self) -> dict:
        return asdict(self)
