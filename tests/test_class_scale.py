"""A class file of thousands of events: the lesson made for it stays quick and readable.

A teacher's 5,000 events made the time line title each with a boxed note: 29 s to draw, and
unreadable. It titles at most MAX_TITLED and says why in its description.
"""

from __future__ import annotations

import time

import pytest

from benchmarks.class_events import write_class_events
from isslearn import widgets
from isslearn.lesson import Lesson
from isslearn.plots.events import MAX_TITLED, timeline


@pytest.fixture(scope="module")
def big_lesson(tmp_path_factory):
    path = write_class_events(tmp_path_factory.mktemp("class") / "big.csv", 5_000)
    lesson = Lesson(events_file=path)
    assert lesson.problems == []
    return lesson


def test_thousands_of_class_events_are_not_each_titled(big_lesson):
    started = time.perf_counter()
    explorer = widgets.event_timeline(big_lesson.events(), start=big_lesson.start)
    assert time.perf_counter() - started < 8  # 14-29 s when every event had its note
    description = explorer.chart.description
    assert "5000 of them from your own file" in description
    assert f"too many to title on the plot (at most {MAX_TITLED})" in description


def test_a_few_class_events_are_still_titled(tmp_path):
    path = write_class_events(tmp_path / "few.csv", 3)
    chart = timeline(Lesson(events_file=path).events())
    assert "too many to title" not in chart.description
    titles = [t.get_text() for t in chart.figure.axes[0].texts]
    assert sum(t.startswith("Class event") for t in titles) == 3
