"""Works around a reference-counting bug of PySide6 6.12 on Python 3.11.

pyproject.toml excludes the 6.12 series; this guard stays for an environment that
has it anyway, because the crash would end a presentation in front of a room. It is
applied by :func:`teachin.qt_application.qt_application`, before Qt starts.

Upstream: PYSIDE-3474, https://qt-project.atlassian.net/browse/PYSIDE-3474 (as cited
by other projects that hit the same fault; the report itself was not read here).
They say Qt treats it as a consequence of building 6.12 against Python 3.12's
headers, so that every 6.12.x release has it, and that signal emissions lose
references to True the same way ("bool_dealloc"); this guard covers None only, which
is what teachin's painting was measured to hit.

Many of PySide6 6.12's methods that return nothing (QPainter.save, setPen,
drawLine, QPalette.setColor, QAbstractTextDocumentLayout.draw, ...) give back
``None`` without taking a new reference to it: fine on Python 3.12, where None
is immortal, but on 3.11 each call takes one reference away, and after some
thousands of calls the interpreter aborts ("Fatal Python error: none_dealloc").
Painting a 70-page PDF makes enough calls to hit it. This gives None a
reference count that such calls cannot use up, as Python 3.12 does.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40
_FIRST_AFFECTED = (6, 12)


def keep_none_alive(pyside_version: tuple[int, ...] | None = None) -> bool:
    """Guards None when this PySide6 (6.12 or newer, until one is known to be fixed)
    runs on a Python whose None can die; returns whether it did."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if pyside_version is None:
        import PySide6

        pyside_version = tuple(PySide6.__version_info__[:3])
    if pyside_version < _FIRST_AFFECTED:
        return False
    import ctypes  # only here: a few milliseconds at start-up otherwise

    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _HEADROOM:
        count.value += _HEADROOM
    return True
