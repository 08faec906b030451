"""A QR code of the join address, drawn crisp at any size.

segno (pure Python) writes the symbol as SVG; QtSvg renders it. The symbol is
scaled by a whole number of pixels a module, with its quiet zone, on white
whatever the theme (a phone's camera reads dark on light best).
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4
"""Modules of white around the symbol, as the QR standard asks."""


def qr_svg(text: str) -> bytes:
    """``text`` as a QR code in SVG, one unit a module, with its quiet zone."""
    code = segno.make(text, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=QUIET_ZONE, xmldecl=False, dark="#000", light="#fff")
    return out.getvalue()


class QrView(QWidget):
    """The join address as a QR code, as large as its square allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("join-qr")
        self.setAccessibleName("QR code of the join address")
        sizing = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizing.setHeightForWidth(True)
        self.setSizePolicy(sizing)
        self.setMinimumSize(120, 120)
        self.text = ""
        self._renderer: QSvgRenderer | None = None
        self._modules = 0

    def set_text(self, text: str) -> None:
        if text == self.text:
            return
        self.text = text
        if text:
            self._renderer = QSvgRenderer(QByteArray(qr_svg(text)), self)
            self._modules = self._renderer.defaultSize().width()
            self.setAccessibleDescription(f"Scan it to open {text}")
        else:
            self._renderer, self._modules = None, 0
        self.update()

    @property
    def modules(self) -> int:
        """Modules across, quiet zone included (0 without a code)."""
        return self._modules

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def symbol_rect(self) -> QRectF:
        """Where the symbol is drawn: centred, a whole number of pixels a module."""
        side = min(self.width(), self.height())
        if not self._modules:
            return QRectF()
        size = (side // self._modules) * self._modules or side
        return QRectF((self.width() - size) / 2, (self.height() - size) / 2, size, size)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._renderer is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        target = self.symbol_rect()
        painter.fillRect(target, QColor("#ffffff"))
        self._renderer.render(painter, target)
        painter.end()


__all__ = ["QrView", "qr_svg"]
