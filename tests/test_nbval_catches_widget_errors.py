"""Strict nbval fails a lesson whose widget callback raises; nbconvert would not notice.

This is why the lessons are checked with nbval: a learner moving a slider runs the callback,
and a broken callback must break the build, not hide in a saved widget state.
"""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

pytestmark = [pytest.mark.slow, pytest.mark.kernel]

BROKEN_CALLBACK = """
import ipywidgets as w

slider = w.IntSlider(value=2000, min=1998, max=2030, description="Year")

def redraw(change):
    raise RuntimeError("the figure could not be drawn")

slider.observe(redraw, names="value")   # how every isslearn widget reacts to its controls
slider.value = 2003                     # the learner moves the slider
"""


def run_nbval(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-current-env",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=path.parent,
    )


def test_a_raising_widget_callback_fails_nbval(tmp_path):
    notebook = tmp_path / "broken.ipynb"
    nb = new_notebook(cells=[new_code_cell(BROKEN_CALLBACK)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, notebook)
    result = run_nbval(notebook)
    assert result.returncode != 0, result.stdout
    assert "the figure could not be drawn" in result.stdout


def test_the_same_widget_without_the_bug_passes(tmp_path):
    notebook = tmp_path / "fine.ipynb"
    source = BROKEN_CALLBACK.replace('raise RuntimeError("the figure could not be drawn")', "pass")
    nbformat.write(new_notebook(cells=[new_code_cell(source)]), notebook)
    result = run_nbval(notebook)
    assert result.returncode == 0, result.stdout[-2000:]
