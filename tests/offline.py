"""Run a command with the network cut: a new, empty network namespace with only loopback up.

``offline_command([...])`` wraps a command in ``unshare -n`` (a namespace with no interfaces
but its own loopback, so nothing outside this machine can be reached) and brings that
loopback up first, so a test process and the kernel it starts can still talk over
127.0.0.1 inside it. Bringing ``lo`` up is done here with one ioctl rather than with the
``ip`` command, which minimal images lack.

    python tests/offline.py COMMAND [ARGS...]   # (inside the namespace) lo up, then exec
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import socket
import struct
import subprocess
import sys
from pathlib import Path

SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
IFREQ = "16sH14s"


@functools.cache
def can_cut_network() -> tuple[bool, str]:
    """Whether `unshare -n` works here (it needs root or user namespaces), and why not."""
    if shutil.which("unshare") is None:
        return False, "the unshare command is not installed (util-linux)"
    done = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    if done.returncode != 0:
        return False, f"`unshare -n true` is not permitted here: {done.stderr.strip()}"
    return True, ""


def offline_command(command: list[str]) -> list[str]:
    """``command`` run in a fresh network namespace whose only interface is loopback."""
    return ["unshare", "-n", sys.executable, str(Path(__file__).resolve()), *command]


def _loopback_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack(IFREQ, b"lo", 0, b"")
        flags = struct.unpack(IFREQ, fcntl.ioctl(sock, SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack(IFREQ, b"lo", flags | IFF_UP, b""))


if __name__ == "__main__":
    _loopback_up()
    os.execvp(sys.argv[1], sys.argv[1:])
