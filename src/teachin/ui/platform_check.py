"""Before Qt starts a window: advice instead of Qt's bare abort when X11 libraries are missing."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# The libraries Qt's xcb platform plugin needs (from `ldd libqxcb.so`) and
# the Debian/Ubuntu package that provides each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-render.so.0": "libxcb-render0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested:
        return requested.split(":", 1)[0].split(";", 1)[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(can_load: Callable[[str], bool] = _loads) -> list[str]:
    return sorted({package for soname, package in XCB_LIBRARIES.items() if not can_load(soname)})


def startup_advice(
    environ: Mapping[str, str] | None = None,
    can_load: Callable[[str], bool] = _loads,
    platform: str = sys.platform,
) -> str | None:
    """A message saying what to install or set, or None when Qt can start."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ, platform):
        return None
    missing = missing_packages(can_load)
    if missing:
        return (
            "teachin cannot open its window: Qt's X11 (xcb) platform plugin needs system\n"
            "libraries that are not installed. On Debian or Ubuntu, install them with:\n\n"
            f"    sudo apt-get install {' '.join(missing)}\n\n"
            "(To check that everything else works without a screen, run with\n"
            "QT_QPA_PLATFORM=offscreen.)"
        )
    if not environ.get("DISPLAY"):
        return (
            "teachin cannot open its window: no screen was found (DISPLAY is not set).\n"
            "Start it from a desktop session, or run with QT_QPA_PLATFORM=offscreen."
        )
    return None
