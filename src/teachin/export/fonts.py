"""The fonts that travel with teachin (:mod:`teachin.typefaces`), loaded into Qt:
printed handouts and projected slides look the same on every machine, whatever fonts
it has, and a PDF embeds only these."""

from __future__ import annotations

import sys
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from teachin.locations import resources_dir
from teachin.typefaces import FAMILY, FONT_FILES


@cache
def load_bundled_fonts() -> tuple[str, ...]:
    """Registers the bundled font files with Qt, once per process (a QGuiApplication
    must exist), and returns the families they hold. A file that cannot be read is
    named on stderr and left out: Qt then falls back to the machine's fonts."""
    families: list[str] = []
    folder = resources_dir() / "fonts"
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(folder / name))
        if font_id < 0:
            print(f"{folder / name}:1: warning: cannot load this font", file=sys.stderr)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(dict.fromkeys(families))


def with_bundled_family(font: QFont) -> QFont:
    """A copy of ``font`` (its size, weight and style kept) in the bundled family."""
    copy = QFont(font)
    copy.setFamilies([FAMILY])
    return copy
