"""Draws resources/teachin.svg as the icon files of Windows and macOS:
build/icon/teachin.ico (256 px) and build/icon/teachin.icns (512 px), written by Qt's
own image plugins; the spec and the Windows installer take them from there.

    python packaging/render_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ROOT / "resources" / "teachin.svg"))
    folder = ROOT / "build" / "icon"
    folder.mkdir(parents=True, exist_ok=True)
    for name, size in (("teachin.ico", 256), ("teachin.icns", 512)):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        if not image.save(str(folder / name)):
            print(f"{folder / name}:1: error: Qt cannot write this icon", file=sys.stderr)
            return 1
        print(f"Wrote {folder / name}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
