"""Works around a reference-counting bug of PySide6 6.12.0 on Python 3.11.

pyproject.toml excludes 6.12.0; this guard stays for an environment that has it
anyway, because the crash would end a presentation in front of a room.

Many of PySide6 6.12's methods that return nothing (QPainter.save, setPen,
drawLine, QPalette.setColor, QAbstractTextDocumentLayout.draw, ...) give back
``None`` without taking a new reference to it: fine on Python 3.12, where None
is immortal, but on 3.11 each call takes one reference away, and after some
thousands of calls the interpreter aborts ("Fatal Python error: none_dealloc").
Painting a 70-page PDF makes enough calls to hit it. This gives None a
reference count that such calls cannot use up, as Python 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _HEADROOM:
        count.value += _HEADROOM
