"""Reading a window as a person in the room would: every piece of text it shows, how
far its ink stands from its ground in the rendered picture, and whether it is cut.

Contrast is measured on the window's own screenshot, not on the colours the code
asked for: style sheets, palettes and painted widgets all end up as pixels. In a
widget's patch, the ground is the commonest colour and the ink the colour standing
furthest from it (anti-aliased edges are lighter than the glyph's core, so the core
is what is measured, as a reader's eye does).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from teachin.workshop.contrast import contrast_ratio


@dataclass(frozen=True)
class SeenText:
    widget: QWidget
    text: str
    ratio: float
    cut: bool

    def __str__(self) -> str:
        name = self.widget.objectName() or type(self.widget).__name__
        return f"{name} {self.text[:40]!r}: {self.ratio:.2f}:1{' (cut)' if self.cut else ''}"


def shown_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel) and widget.pixmap().isNull():
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def _visible_rect(widget: QWidget, window: QWidget) -> QRect | None:
    """Where the widget shows inside the window, clipped by every parent (a widget
    scrolled out of its area shows nothing)."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return rect if rect.width() > 2 and rect.height() > 2 else None


class Pixels:
    """A screenshot's pixels as 32-bit numbers (0xffRRGGBB), counted row by row in C."""

    def __init__(self, image: QImage) -> None:
        self.image = image.convertToFormat(QImage.Format.Format_RGB32)
        self.stride = self.image.bytesPerLine() // 4
        self.data = memoryview(self.image.constBits()).cast("I")

    def ink_and_ground(self, rect: QRect) -> float:
        """The contrast of the colour furthest from the commonest one, in a patch."""
        counts: Counter[int] = Counter()
        for y in range(rect.top(), rect.bottom() + 1):
            start = y * self.stride + rect.left()
            counts.update(self.data[start : start + rect.width()])
        if len(counts) < 2:
            return 1.0
        ground = _hex(counts.most_common(1)[0][0])
        return max(contrast_ratio(_hex(colour), ground) for colour in counts)


def _hex(pixel: int) -> str:
    return f"#{pixel & 0xFFFFFF:06x}"


def is_cut(widget: QWidget) -> bool:
    """Text that needs more room than the widget has."""
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width()) > widget.height() + 1
    hint = widget.sizeHint()
    return hint.width() > widget.width() + 1 or (
        isinstance(widget, QLabel) and hint.height() > widget.height() + 1
    )


def read_window(window: QWidget) -> list[SeenText]:
    """Every enabled, visible text of the window, as the screen shows it."""
    image = window.grab().toImage()
    ratio = image.devicePixelRatio()
    pixels = Pixels(image)
    seen = []
    for widget in window.findChildren(QWidget):
        text = shown_text(widget).strip()
        if not text or not widget.isVisibleTo(window) or not widget.isEnabled():
            continue
        rect = _visible_rect(widget, window)
        if rect is None:
            continue
        if ratio != 1:
            rect = QRect(
                round(rect.x() * ratio),
                round(rect.y() * ratio),
                round(rect.width() * ratio),
                round(rect.height() * ratio),
            )
        seen.append(SeenText(widget, text, pixels.ink_and_ground(rect), is_cut(widget)))
    return seen
