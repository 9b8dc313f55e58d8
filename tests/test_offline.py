"""The lessons run with no network at all, as in a classroom once isslearn is installed.

The lessons themselves are executed offline once per test run, by strict nbval in the Binder
environment's kernel inside ``tests/offline.py``'s namespace (tests/test_binder.py); the book
is built in one too (tests/test_book.py). This file guards that namespace: nothing outside
the machine can be reached from inside it, while loopback works.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from offline import can_cut_network, offline_command

pytestmark = pytest.mark.slow

CAN_CUT, WHY_NOT = can_cut_network()
needs_unshare = pytest.mark.skipif(not CAN_CUT, reason=WHY_NOT or "network can be cut")

PROBE = """\
import socket
def reach(host, port):
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as exc:
        return f"refused {exc.errno}"
    return "connected"
server = socket.create_server(("127.0.0.1", 0))
print(reach("1.1.1.1", 443), reach("8.8.8.8", 53), reach(*server.getsockname()), sep="|")
"""


@needs_unshare
def test_inside_the_namespace_only_loopback_answers():
    done = subprocess.run(
        offline_command([sys.executable, "-c", PROBE]), capture_output=True, text=True, timeout=60
    )
    outside_a, outside_b, loopback = done.stdout.strip().split("|")
    assert outside_a.startswith("refused") and outside_b.startswith("refused"), done.stdout
    assert loopback == "connected", done.stdout + done.stderr


def test_the_probe_can_tell_connected_from_refused():
    """Run with the network up, the same probe reaches its own loopback server."""
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().split("|")[2] == "connected", done.stdout + done.stderr
