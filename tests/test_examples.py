"""The README's examples run, and the messages it quotes are the ones isslearn prints.

Docstring examples run under ``pytest --doctest-modules isslearn`` (part of ``make test``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import isslearn

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)


def test_the_readme_has_python_examples():
    assert PYTHON_BLOCKS, "the README lost its ```python examples; this test would check nothing"


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda b: b.splitlines()[0][:40])
def test_readme_python_block_runs(block, tmp_path, monkeypatch):
    """Each block runs as a reader would paste it, in a folder holding the files it names."""
    shutil.copy(REPO / "notebooks/examples/our_class_events.csv", tmp_path / "my_class.csv")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    if "ours" in namespace:  # the tour's teacher's file is really added to the catalogue
        assert len(namespace["ours"]) == len(namespace["events"]) + 3


def test_readme_names_annotation_columns_that_exist():
    named = re.findall(r"`(isslearn(?:\.\w+)+)`", README)
    assert "isslearn.ANNOTATION_COLUMNS" in named
    for dotted in named:
        obj = isslearn
        for part in dotted.split(".")[1:]:
            obj = getattr(obj, part)  # AttributeError names the README's stale reference
    assert set(isslearn.ANNOTATION_COLUMNS) <= set(isslearn.annotate(isslearn.load_events()))


def test_readme_quotes_the_message_isslearn_check_prints(write_file):
    """'Add your own events' quotes a message for a bad date on line 4; it must be the real one."""
    quoted = re.search(r"`(my_events\.csv:4: [^`]+)`", README)
    assert quoted, "the README no longer quotes an example message"
    path = write_file(
        "my_events.csv",
        "date,title\n2000-11-02,One\n2001-01-01,Two\n2008-13-40,Columbus arrives\n",
    )
    (problem,) = isslearn.validate(path)
    assert str(problem).replace(str(path), "my_events.csv") == quoted.group(1)


def test_station_on_in_the_tour_is_the_last_shuttle_day():
    """The tour says station_on("2011-07-21") is the last Shuttle day: STS-135 landed then."""
    assert 'isslearn.station_on("2011-07-21")' in README
    events = isslearn.load_events()
    last_shuttle = events[events["title"].str.contains("Shuttle", case=False)]["date"].max()
    assert last_shuttle == pd.Timestamp("2011-07-21")


def test_the_readmes_event_count_is_the_catalogues():
    """'more than N dated, sourced events': N is the count rounded down to a hundred."""
    stated = re.search(r"more than (\d+) dated, sourced events", README)
    assert stated, "the README no longer states the catalogue's size"
    count = len(isslearn.load_events())
    assert int(stated.group(1)) == count // 100 * 100, (
        f"the catalogue has {count} events; write 'more than {count // 100 * 100}' in README.md"
    )
