"""A virtual X server of one's own, and whether teachin's main window is mapped on it:
for bundle_startup.py and the bundle's smoke test (tests/bundle). Needs Debian's xvfb
and x11-utils (xwininfo)."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

MAIN_WINDOW = re.compile(r'^\s*0x[0-9a-f]+ "(teachin|[^"]* — teachin)": .* \d{3,}x\d{3,}\+', re.M)
"""The app's main window in ``xwininfo -tree``: titled teachin, and larger than Qt's 3x3
helper window, which is named after the program too."""


@contextmanager
def virtual_display() -> Iterator[str]:
    """Runs Xvfb on a free display for the block; gives the display's name (":N").

    The server is used only once a client can connect to it: on a busy machine another
    X server started at the same moment can take the display it announced, and then it
    stops; up to three servers are tried."""
    for _ in range(3):
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            pass_fds=[write],
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as numbers:
            display = f":{numbers.readline().strip()}"
        if _answers(server, display):
            break
        server.terminate()
        server.wait(timeout=30)
    else:
        raise RuntimeError("no virtual X server could be started (Xvfb)")
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=30)


def _answers(server: subprocess.Popen[bytes], display: str) -> bool:
    deadline = time.monotonic() + 20
    while server.poll() is None and time.monotonic() < deadline:
        probe = subprocess.run(["xwininfo", "-display", display, "-root"], capture_output=True)
        if probe.returncode == 0:
            return True
        time.sleep(0.2)
    return False


def main_window_shown(display: str) -> bool:
    tree = subprocess.run(
        ["xwininfo", "-display", display, "-root", "-tree"], capture_output=True, text=True
    ).stdout
    return bool(MAIN_WINDOW.search(tree))
