"""Execute one notebook in a fresh kernel, as a class would, and report time and peak memory.

Used by the benchmarks and by the offline and whole-class tests, each in its own process::

    python -m benchmarks.run_lesson notebooks/01_building_the_station.ipynb

prints one JSON line (``ok``, ``seconds``, ``kernel_start_seconds``, ``peak_rss_mb``, ``error``)
and exits 0 when every cell ran, 1 when a cell failed. The notebook file is never written.
Peak memory is the kernel process's high-water mark (``VmHWM``), read by a cell appended to
the in-memory copy after the lesson's own cells.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

PEAK_MARKER = "ISSLEARN_KERNEL_PEAK_KB"
PEAK_CELL = f"""\
import resource as _resource
_peak = _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss
try:
    with open("/proc/self/status") as _status:
        _peak = next(int(l.split()[1]) for l in _status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print("{PEAK_MARKER}", _peak)
"""


def _peak_kb(cell) -> int | None:
    for output in cell.get("outputs", []):
        for line in output.get("text", "").splitlines():
            if line.startswith(PEAK_MARKER):
                return int(line.split()[1])
    return None


def slowest_cells(cells, seconds: dict[int, float], count: int = 3) -> list[dict]:
    """The ``count`` slowest code cells: where a lesson's time goes, for the benchmark notes."""
    timed = []
    for index, spent in seconds.items():
        source = cells[index].source
        first = next((line for line in source.splitlines() if line.strip()), "")
        timed.append({"cell": index, "seconds": round(spent, 3), "source": first[:80]})
    return sorted(timed, key=lambda t: -t["seconds"])[:count]


def run_notebook(path: str | Path, timeout: float = 600) -> dict:
    """Run every cell of ``path`` in a new kernel (working folder: the notebook's folder)."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = Path(path).resolve()
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PEAK_CELL))
    # Unix sockets, not TCP: the kernel needs no network at all (it also runs under unshare -n).
    # The socket path must be absolute: the kernel runs in the notebook's folder.
    sockets = tempfile.mkdtemp(prefix="isslearn-kernel-")
    manager = KernelManager(kernel_name="python3", transport="ipc", ip=f"{sockets}/ipc")
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    result = {"notebook": str(path), "ok": False, "error": ""}
    spent: dict[int, float] = {}
    started = time.perf_counter()
    try:
        with client.setup_kernel():
            result["kernel_start_seconds"] = time.perf_counter() - started
            for index, cell in enumerate(notebook.cells):
                before = time.perf_counter()
                client.execute_cell(cell, index)
                if cell.cell_type == "code" and index < len(notebook.cells) - 1:
                    spent[index] = time.perf_counter() - before
        result["ok"] = True
    except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as exc:
        result["error"] = f"{type(exc).__name__}: {str(exc)[-2000:]}"
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    result["seconds"] = time.perf_counter() - started
    result["slowest_cells"] = slowest_cells(notebook.cells, spent)
    peak = _peak_kb(notebook.cells[-1])
    result["peak_rss_mb"] = None if peak is None else peak / 1024
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per cell")
    args = parser.parse_args(argv)
    result = run_notebook(args.notebook, timeout=args.timeout)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
