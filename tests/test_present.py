"""`isslearn present`: which lesson it serves, where, and what it refuses; the quiz's reveal.

The command's page itself, in Chromium and with the network cut, is checked by
tests/browser/test_present_in_browser.py; the one test here that starts Voilà (marked slow)
reads the page over HTTP, as a script would, on a one-question notebook.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import ipywidgets as w
import nbformat
import pytest
from clirun import isslearn
from conftest import REPO

from isslearn import PresentError, quiz
from isslearn.quiz.live import REVEAL_CLASS, presenting, quiz_widget
from isslearn.teacher import present
from isslearn.teacher.present import find_lesson, voila_command, voila_link

LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
ZARYA = quiz.MultipleChoice(
    "Who paid for Zarya?",
    [
        quiz.Option("Russia", False, "WHY-NOT-RUSSIA"),
        quiz.Option("The United States", True, "EXPLAINED-USA"),
    ],
)
ORDER = quiz.Ordering("Launch order", ("Zarya", "Unity", "Zvezda"), ("1998", "1998", "2000"))


@pytest.fixture
def lessons(tmp_path, monkeypatch):
    """A teacher's folder with notebooks/ in it, as a clone of isslearn has; run from there."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("00_start_here", "01_assembly", "02_crew"):
        nbformat.write(nbformat.v4.new_notebook(), folder / f"{name}.ipynb")
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.mark.parametrize("given", ["01", "1", "01_assembly", "assembly", "ASSEMBLY"])
def test_a_lesson_is_found_by_number_or_name_in_notebooks(lessons, given):
    assert find_lesson(given) == (lessons / "01_assembly.ipynb").resolve()


def test_a_lesson_is_found_from_inside_the_notebooks_folder_too(lessons, monkeypatch):
    monkeypatch.chdir(lessons)
    assert find_lesson("02") == (lessons / "02_crew.ipynb").resolve()


def test_the_copy_isslearn_lessons_makes_is_found_too(tmp_path, monkeypatch):
    copy = tmp_path / "isslearn-lessons"  # `isslearn lessons` with no folder given
    copy.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), copy / "01_assembly.ipynb")
    monkeypatch.chdir(tmp_path)
    assert find_lesson("01") == (copy / "01_assembly.ipynb").resolve()


def test_from_any_folder_a_number_finds_the_lesson_isslearn_ships(tmp_path, monkeypatch):
    from isslearn.teacher.lessons import lessons_source

    monkeypatch.chdir(tmp_path)  # no notebooks here: a teacher who only pip-installed isslearn
    found = find_lesson("01")
    assert found.parent == Path(str(lessons_source())).resolve()
    assert found.name.startswith("01_") and found.is_file()


def test_a_notebook_path_is_served_as_given(lessons, tmp_path):
    own = tmp_path / "elsewhere" / "my lesson.ipynb"
    own.parent.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), own)
    assert find_lesson(str(own)) == own.resolve()


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("07", "07: no lesson by this number or name in "),
        ("missing.ipynb", "missing.ipynb: no such notebook; check the path"),
        ("notes.txt", "notes.txt: not a notebook; give a lesson's .ipynb file or number"),
    ],
)
def test_what_is_not_a_lesson_is_refused_with_the_fix(lessons, given, said):
    (lessons.parent / "notes.txt").write_text("not a lesson", encoding="utf-8")
    with pytest.raises(PresentError) as refused:
        find_lesson(given)
    assert str(refused.value).startswith(said)
    if given == "07":
        assert str(lessons.resolve()) in str(refused.value)
        assert "give the notebook's path" in str(refused.value)


def test_every_shipped_lesson_is_found_by_its_number_from_the_repository(monkeypatch):
    monkeypatch.chdir(REPO)
    for lesson in LESSONS:
        assert find_lesson(lesson.name[:2]) == lesson.resolve()


def test_the_command_refuses_an_unknown_lesson_without_starting_anything(lessons, capsys):
    ran = isslearn(capsys, "present", "42", "--no-browser")
    assert ran.code == 1
    assert ran.err.startswith("42: no lesson by this number or name")


@pytest.mark.parametrize("port", ["0", "70000", "http", "-5"])
def test_a_port_that_is_not_one_is_a_wrong_call(lessons, capsys, port):
    ran = isslearn(capsys, "present", "01", "--port", port)
    assert ran.code == 2
    assert "is not a port; give a number such as 8866" in ran.err


def test_a_busy_port_is_named_with_a_free_one_to_use_instead(lessons, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        ran = isslearn(capsys, "present", "01", "--port", str(port), "--no-browser")
    assert ran.code == 1
    assert f"port {port} is in use on 127.0.0.1" in ran.err
    suggested = int(re.search(r"--port (\d+)", ran.err).group(1))
    assert suggested > port and present.port_is_free(suggested)


def test_without_a_port_the_first_free_one_from_voilas_is_taken():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert present.free_port(port) > port


def test_without_voila_the_command_says_how_to_install_it(lessons, capsys, monkeypatch):
    monkeypatch.setattr(present, "missing_tools", lambda: ["voila"])
    ran = isslearn(capsys, "present", "01", "--no-browser")
    assert ran.code == 1
    assert "the presenter view needs voila; install it with `pip install 'isslearn[present]'`" in (
        ran.err
    )


def test_voila_serves_one_lesson_on_loopback_with_the_presenter_template(tmp_path):
    command = voila_command(tmp_path / "01_assembly.ipynb", 8877, open_browser=False)
    assert command[:4] == [sys.executable, "-m", "voila", str(tmp_path / "01_assembly.ipynb")]
    for option in (
        "--template=isslearn",
        "--Voila.ip=127.0.0.1",
        "--Voila.port=8877",
        "--Voila.port_retries=0",
        "--Voila.open_browser=False",
    ):
        assert option in command
    assert "--Voila.open_browser=True" in voila_command(tmp_path / "x.ipynb", 1, True)


def test_the_link_for_a_hub_or_binder_names_the_presenter_template():
    link = voila_link("isslearn/notebooks/01 assembly.ipynb")
    assert link == "voila/render/isslearn/notebooks/01%20assembly.ipynb?template=isslearn"


def test_the_benchmark_drives_chromium_as_the_browser_tests_do():
    from browser.browser_env import CHROMIUM, CHROMIUM_FLAGS

    from benchmarks import present as bench

    assert bench.CHROMIUM == CHROMIUM
    assert bench.CHROMIUM_FLAGS == CHROMIUM_FLAGS


def test_the_template_folder_holds_voilas_template_named_isslearn():
    with present.template_root() as root:
        template = root / "voila" / "templates" / present.TEMPLATE
        conf = json.loads((template / "conf.json").read_text(encoding="utf-8"))
        assert conf["base_template"] == "lab"
        assert (template / "index.html.j2").is_file()
        assert (template / "static" / "present.css").is_file()


def test_the_template_installed_for_jupyter_servers_is_this_one():
    """A hub's or Binder's Voilà reads the copy pip put under share/jupyter; after changing the
    template, reinstall (`pip install -e .`) or the hub test looks at the old one."""
    installed = Path(sys.prefix) / "share" / "jupyter" / "voila" / "templates" / present.TEMPLATE
    if not installed.is_dir():
        pytest.skip(f"isslearn's template is not installed for Jupyter servers in {sys.prefix}")
    with present.template_root() as root:
        package = root / "voila" / "templates" / present.TEMPLATE
        files = sorted(p.relative_to(package) for p in package.rglob("*") if p.is_file())
        stale = [
            str(f)
            for f in files
            if not (installed / f).is_file()
            or (installed / f).read_bytes() != (package / f).read_bytes()
        ]
    assert files
    assert not stale, f"reinstall isslearn (pip install -e .): {installed} differs in {stale}"


# ---------------------------------------------------------------- the quiz's reveal


def test_jupyterlab_kernels_are_not_the_presenter_view(monkeypatch):
    for name in [n for n in os.environ if n.startswith("VOILA_") or n == "QUERY_STRING"]:
        monkeypatch.delenv(name)
    assert not presenting()
    assert not _reveal_buttons(quiz_widget(ZARYA))


def test_a_kernel_voila_started_is_the_presenter_view(monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "")
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert presenting()
    assert len(_reveal_buttons(quiz_widget(ZARYA))) == 1


def _reveal_buttons(box: w.VBox) -> list[w.Button]:
    found = []
    for child in box.children:
        if isinstance(child, w.Button) and REVEAL_CLASS in child._dom_classes:
            found.append(child)
        if isinstance(child, w.Box):
            found += _reveal_buttons(child)
    return found


def _feedback(box: w.VBox) -> str:
    return box.children[3].value


def test_show_the_answer_chooses_the_right_option_and_explains_it():
    box = quiz_widget(ZARYA, reveal=True)
    _title, choices, buttons, feedback = box.children
    check, reveal = buttons.children
    assert feedback.value == "" and choices.value is None  # nothing shown before asked
    reveal.click()
    assert choices.value == 1
    assert "The answer:</strong> B) The United States. EXPLAINED-USA" in feedback.value
    assert "WHY-NOT-RUSSIA" not in feedback.value
    check.click()  # the class's own Check still agrees
    assert "✔ Right." in feedback.value


def test_show_the_answer_puts_an_ordering_in_the_right_order():
    box = quiz_widget(ORDER, reveal=True)
    places = box.children[1].children
    box.children[2].children[1].click()
    assert [d.value for d in places] == ["Zarya", "Unity", "Zvezda"]
    assert "Zarya (1998) → Unity (1998) → Zvezda (2000)." in _feedback(box)


def test_without_the_reveal_the_quiz_keeps_its_four_parts():
    parts = quiz_widget(ZARYA, reveal=False).children
    assert len(parts) == 4
    assert isinstance(parts[2], w.Button) and parts[2].description == "Check"


# ---------------------------------------------------------------- the page, over HTTP

QUIZ_NOTEBOOK = """\
from isslearn import quiz
quiz.show(quiz.MultipleChoice("Who paid for Zarya?", [
    quiz.Option("Russia", False, "WHY-NOT-RUSSIA"),
    quiz.Option("The United States", True, "EXPLAINED-USA"),
]))
"""


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[0]
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on port {port} after {timeout} s")


def _quiz_notebook(folder: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# A question for the class"),
        nbformat.v4.new_code_cell(QUIZ_NOTEBOOK),
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    path = folder / "class.ipynb"
    nbformat.write(notebook, path)
    return path


def _served_page(command: list[str], port: int, folder: Path) -> tuple[str, str, int]:
    """Start ``command`` (a server on ``port``), GET its page once, stop it with SIGTERM;
    the page, what the command printed, and its exit status."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "MPLBACKEND"))}
    env["JUPYTER_CONFIG_DIR"] = str(folder / "config")
    env["JUPYTER_RUNTIME_DIR"] = str(folder / "runtime")
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        _wait_for_port(port, process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120) as response:
            page = response.read().decode("utf-8")
    finally:
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=60)
    return page, out, process.returncode


SECRETS = ("WHY-NOT-RUSSIA", "EXPLAINED-USA", "quiz.Option")


@pytest.mark.slow
def test_the_served_page_has_no_code_no_key_and_nothing_from_another_host(tmp_path):
    path = _quiz_notebook(tmp_path)
    port = present.free_port(8950)
    command = [sys.executable, "-m", "isslearn", "present", str(path), "--no-browser"]
    page, out, status = _served_page([*command, "--port", str(port)], port, tmp_path)
    assert status == 0, out
    assert f"class.ipynb: presenting at http://127.0.0.1:{port}/" in out
    assert "A question for the class" in page
    assert "/voila/templates/isslearn/static/present.css" in page  # the large-type stylesheet
    assert '"model_id"' in page  # the live quiz's widget reached the page
    for secret in SECRETS:
        assert secret not in page, f"{secret} is in the page"
    remote = re.findall(r"""(?:src|href)=["'](?:https?:)?//[^"']+""", page)
    assert not remote, f"the page asks other hosts for: {remote}"
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)  # Voilà stopped too


@pytest.mark.slow
def test_voilas_own_template_loads_from_a_cdn_and_the_quiz_key_stays_in_the_kernel(tmp_path):
    """What the host check above catches, it catches: Voilà's default page asks a CDN for its
    icons. The quiz key is not on that page either: a quiz's output is its live widget, and the
    answers stay in the kernel (the static form's key is packed in metadata no page renders)."""
    path = _quiz_notebook(tmp_path)
    port = present.free_port(8990)
    command = [sys.executable, "-m", "voila", str(path), "--no-browser", "--Voila.ip=127.0.0.1"]
    page, out, _status = _served_page([*command, f"--port={port}"], port, tmp_path)
    assert "A question for the class" in page, out
    assert not any(secret in page for secret in SECRETS)
    assert '"model_id"' in page
    assert re.findall(r"""(?:src|href)=["'](?:https?:)?//[^"']+""", page)
