"""The presenter view (`isslearn present`) of every lesson, in Chromium, with the network cut.

The checks themselves are in presenter_checks.py. They run here in one pytest process inside
a network namespace with nothing but loopback (tests/offline.py): `isslearn present`, its
Voilà, the lesson's kernel and Chromium all run with no way out, and Chromium's requests also
pass a route that refuses and records any for another host. Each lesson's test below reads its
result from that run's JUnit report, so each lesson is run once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from offline import can_cut_network, offline_command

from .browser_env import REPO, chromium_missing_reason, lessons_dir

pytestmark = pytest.mark.browser

CHECKS = Path(__file__).resolve().parent / "presenter_checks.py"
LESSONS = sorted(lessons_dir().glob("*.ipynb"))
RUN_TIMEOUT_S = 240 * (len(LESSONS) + 1)
NETWORK = "network cut"  # the results' entry saying whether the run had the network cut


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, list[str]]:
    """{test id: [problems]} from one run of presenter_checks.py with the network cut."""
    reason = chromium_missing_reason()
    if reason:
        pytest.skip(reason)
    report = tmp_path_factory.mktemp("present") / "present.xml"
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(CHECKS),
        "-p",
        "no:cacheprovider",
        "-q",
        f"--junitxml={report}",
        f"--rootdir={REPO}",
    ]
    offline, why = can_cut_network()
    if offline:
        command = offline_command(command)
    elif os.environ.get("CI"):
        pytest.fail(f"the presenter view must be checked with the network cut: {why}")
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    if not report.exists():
        pytest.fail(f"the checks did not run ({done.returncode}):\n{done.stdout[-3000:]}")
    found: dict[str, list[str]] = {}
    for case in ElementTree.parse(report).iter("testcase"):
        problems = found.setdefault(case.get("name", ""), [])
        for problem in [*case.iter("failure"), *case.iter("error"), *case.iter("skipped")]:
            problems.append((problem.text or problem.get("message") or "")[-3000:])
    found[NETWORK] = [] if offline else [f"the network was up: {why}"]
    return found


@pytest.mark.parametrize(
    "lesson",
    [pytest.param(p.stem, id=p.stem) for p in LESSONS]
    or [pytest.param(None, marks=pytest.mark.skip(reason="no lesson notebooks yet"))],
)
def test_presenter_view_of_each_lesson_offline(results, lesson):
    name = f"test_presenter_view[{lesson}]"
    assert name in results, f"{lesson} was not checked; ran: {sorted(results)}"
    assert not results[name], f"{lesson} in the presenter view:\n" + "\n\n".join(results[name])


def test_the_route_that_refuses_other_hosts_works(results):
    name = "test_the_guard_sees_a_request_for_another_host"
    assert name in results and not results[name], results.get(name)


def test_the_checks_ran_with_the_network_cut(results):
    if results[NETWORK] and not os.environ.get("CI"):
        pytest.skip(results[NETWORK][0])
    assert not results[NETWORK], results[NETWORK]
