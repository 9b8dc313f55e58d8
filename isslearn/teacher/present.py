"""``isslearn present LESSON``: a lesson on the classroom projector, code hidden, widgets live.

Voilà (the ``present`` extra) runs the lesson in a fresh kernel and serves it on
``http://127.0.0.1:PORT/`` with isslearn's presenter template: large type, no code, live
figures, sliders and quizzes, nothing loaded from another host, and each quiz's answer kept in
the kernel until the teacher presses "Show the answer" (:mod:`isslearn.quiz.live`).

The template ships inside the package (``isslearn/templates/jupyter/voila/templates/isslearn``)
and is found through ``JUPYTER_PATH``; the wheel also installs it under ``share/jupyter``, so a
hub or Binder serves the same view at ``/voila/render/PATH?template=isslearn``
(:func:`voila_link`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from ..errors import OutputPathError, PresentError
from ..language import N_
from ..language import gettext as _
from ..reading.files import expand_home
from .guide import match_lesson
from .lessons import DEFAULT_FOLDER, lessons_source

__all__ = [
    "DEFAULT_PORT",
    "TEMPLATE",
    "add_present_command",
    "find_lesson",
    "free_port",
    "lesson_folders",
    "missing_tools",
    "port_is_free",
    "present",
    "template_root",
    "voila_command",
    "voila_link",
]

TEMPLATE = "isslearn"
DEFAULT_PORT = 8866  # Voilà's own; the next free one is taken when it is busy
_PORTS_TRIED = 50
_INSTALL_HINT = N_("install it with `pip install 'isslearn[present]'` (in a clone: `make present`)")


def lesson_folders() -> list[Path]:
    """Where a lesson's number is looked up: ``notebooks/`` in the current folder (a clone),
    the copy ``isslearn lessons`` makes, the current folder, then the lessons isslearn ships."""
    folders = [Path("notebooks"), Path(DEFAULT_FOLDER), Path(".")]
    with contextlib.suppress(OutputPathError):
        shipped = lessons_source()
        if isinstance(shipped, Path):  # on disk (not inside a zip): Voilà can serve it
            folders.append(shipped)
    return folders


def find_lesson(lesson: str, folders: Sequence[Path] | None = None) -> Path:
    """The notebook ``lesson`` means: a path to a ``.ipynb`` file, or a lesson's number or
    name (``01``, ``01_assembly``, ``assembly``) looked up in ``folders`` (by default
    :func:`lesson_folders`): a teacher's own copy of a lesson comes before the shipped one."""
    path = expand_home(lesson)
    if path.suffix.lower() == ".ipynb" or path.is_file():
        if path.suffix.lower() != ".ipynb":
            raise PresentError(
                _("{lesson}: not a notebook; give a lesson's .ipynb file or number").format(
                    lesson=lesson
                )
            )
        if not path.is_file():
            raise PresentError(
                _("{lesson}: no such notebook; check the path").format(lesson=lesson)
            )
        return path.resolve()
    searched = list(folders) if folders is not None else lesson_folders()
    for folder in searched:
        names = sorted(p.stem for p in folder.glob("*.ipynb"))
        found = match_lesson(lesson, names)
        if found is not None:
            return (folder / f"{found}.ipynb").resolve()
    where = _(" or ").join(str(folder.resolve()) for folder in searched)
    raise PresentError(
        _(
            "{lesson}: no lesson by this number or name in {where}; give the notebook's path "
            "(e.g. notebooks/01_assembly.ipynb) or run this from the folder that holds notebooks/"
        ).format(lesson=lesson, where=where)
    )


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(start: int = DEFAULT_PORT, tries: int = _PORTS_TRIED) -> int:
    """The first port from ``start`` that nothing on 127.0.0.1 listens on."""
    for port in range(start, start + tries):
        if port_is_free(port):
            return port
    raise PresentError(
        _("ports {first} to {last} are all in use on 127.0.0.1; choose one with --port N").format(
            first=start, last=start + tries - 1
        )
    )


@contextlib.contextmanager
def template_root() -> Iterator[Path]:
    """The folder to put on ``JUPYTER_PATH`` so that Voilà finds the ``isslearn`` template."""
    with resources.as_file(resources.files("isslearn") / "templates" / "jupyter") as root:
        yield root


def voila_command(notebook: Path, port: int, open_browser: bool) -> list[str]:
    """Voilà serving ``notebook`` alone on 127.0.0.1:``port`` with the presenter template."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--template={TEMPLATE}",
        "--theme=light",
        "--Voila.ip=127.0.0.1",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        f"--Voila.open_browser={open_browser}",
        "--Voila.log_level=ERROR",  # no log lines on the teacher's terminal unless it fails
    ]


def voila_link(path: str) -> str:
    """The presenter view of ``path`` (relative to a Jupyter server's root) on a server with
    Voilà's server extension, such as a hub or Binder: append it to the server's address."""
    return f"voila/render/{quote(path)}?template={TEMPLATE}"


def missing_tools() -> list[str]:
    """What the presenter view needs and this Python lacks: Voilà, and a kernel to run in."""
    return [name for name in ("voila", "ipykernel") if importlib.util.find_spec(name) is None]


def present(lesson: str, port: int | None = None, open_browser: bool = True) -> int:
    """Serve ``lesson`` until Ctrl+C (or the server stops); Voilà's exit status."""
    missing = missing_tools()
    if missing:
        raise PresentError(
            _("the presenter view needs {tools}; {hint}").format(
                tools=_(" and ").join(missing), hint=_(_INSTALL_HINT)
            )
        )
    notebook = find_lesson(lesson)
    if port is None:
        port = free_port()
    elif not port_is_free(port):
        raise PresentError(
            _(
                "port {port} is in use on 127.0.0.1 (another presenter view?); "
                "stop it or choose another, e.g. --port {other}"
            ).format(port=port, other=free_port(port + 1))
        )
    with template_root() as root:
        env = dict(os.environ)
        env["JUPYTER_PATH"] = os.pathsep.join(
            [str(root), *filter(None, [os.environ.get("JUPYTER_PATH")])]
        )
        print(
            _(
                "{notebook}: presenting at http://127.0.0.1:{port}/ (the page appears once "
                "the lesson has run, usually within half a minute); press Ctrl+C here to stop"
            ).format(notebook=notebook.name, port=port),
            flush=True,
        )
        process = subprocess.Popen(voila_command(notebook, port, open_browser), env=env)
        with _stop_on_sigterm():
            try:
                return process.wait()
            except KeyboardInterrupt:  # Ctrl+C, or SIGTERM from a script or a test
                return 0
            finally:
                _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """Stop Voilà; on SIGTERM, as on Ctrl+C, it shuts its kernels down first."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM interrupts the wait like Ctrl+C, so that Voilà and its kernels never outlive us."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: nothing to catch
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _port_number(value: str) -> int:
    """``--port``'s value: a whole number from 1 to 65535 (argparse says so otherwise)."""
    if not value.strip().isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(
            _("{value} is not a port; give a number such as 8866").format(value=repr(value))
        )
    return int(value)


def _cmd_present(args: argparse.Namespace) -> int:
    return present(args.lesson, port=args.port, open_browser=not args.no_browser)


def add_present_command(sub: argparse._SubParsersAction) -> None:
    """The ``present`` command's options, added to the command line's subcommands."""
    command = sub.add_parser(
        "present",
        help=_("project a lesson in class: code hidden, figures and widgets live, large type"),
    )
    command.add_argument(
        "lesson",
        metavar="LESSON",
        help=_("a lesson's number or name (01, 01_assembly) or a notebook (path/to/lesson.ipynb)"),
    )
    command.add_argument(
        "--port",
        type=_port_number,
        metavar="N",
        help=_("serve on http://127.0.0.1:N/ (default: {port}, or the next free port)").format(
            port=DEFAULT_PORT
        ),
    )
    command.add_argument(
        "--no-browser",
        action="store_true",
        help=_("do not open a browser; open the address yourself"),
    )
    command.set_defaults(func=_cmd_present)
