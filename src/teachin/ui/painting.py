"""Painting in the theme's colours: the setup every hand-painted view repeats.

:class:`ThemedPainter` is a QPainter for a widget that starts antialiased on the
theme's background, names colours by their role in the theme (``"text"``,
``"rule"``, ``"step_current"`` ...), sets pen, brush and font in one call, writes
text in a rectangle (elided to fit when asked), and draws the keyboard-focus ring.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from teachin.workshop.themes import Theme

Align = Qt.AlignmentFlag
LEFT = Align.AlignLeft | Align.AlignVCenter
RIGHT = Align.AlignRight | Align.AlignVCenter
CENTRE = Align.AlignCenter
NO_PEN = Qt.PenStyle.NoPen
NO_BRUSH = Qt.BrushStyle.NoBrush

Ink = QColor | str
"""A colour, or the name of a colour role of the theme (``"text"``, ``"muted"``, ...)."""


def bold_font(font: QFont, bold: bool = True) -> QFont:
    """A copy of ``font``, bold (or not)."""
    copy = QFont(font)
    copy.setBold(bold)
    return copy


class ThemedPainter(QPainter):
    """A painter on ``widget`` in ``theme``; call :meth:`end` when done."""

    def __init__(self, widget: QWidget, theme: Theme, *, background: bool = True) -> None:
        super().__init__(widget)
        self.widget = widget
        self.theme = theme
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        if background:
            self.fillRect(widget.rect(), self.colour("background"))

    def colour(self, ink: Ink) -> QColor:
        """``ink`` as a colour: a theme role by name, else a colour (or "#rrggbb")."""
        if isinstance(ink, QColor):
            return ink
        return QColor(getattr(self.theme, ink, ink))

    def ink_pen(
        self, ink: Ink, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine
    ) -> QPen:
        return QPen(self.colour(ink), width, style)

    def use(
        self,
        pen: QPen | Ink | Qt.PenStyle | None = None,
        brush: QBrush | Ink | Qt.BrushStyle | None = None,
        font: QFont | None = None,
    ) -> None:
        """Set the pen (a QPen, a colour or role, or NO_PEN), the brush (likewise,
        or NO_BRUSH) and the font; what is left out stays as it was."""
        if pen is not None:
            self.setPen(pen if isinstance(pen, QPen | Qt.PenStyle) else self.colour(pen))
        if brush is not None:
            self.setBrush(
                brush if isinstance(brush, QBrush | Qt.BrushStyle) else self.colour(brush)
            )
        if font is not None:
            self.setFont(font)

    def text(
        self,
        rect: QRectF,
        text: str,
        align: Qt.AlignmentFlag | int = LEFT,
        *,
        elide: float | None = None,
    ) -> None:
        """``text`` in ``rect`` with the current pen and font; with ``elide``, cut
        with "…" to that width."""
        if elide is not None:
            text = QFontMetricsF(self.font()).elidedText(text, Qt.TextElideMode.ElideRight, elide)
        self.drawText(rect, int(align), text)

    def focus_ring(self) -> None:
        """The keyboard-focus ring round the widget, when it has the focus."""
        if self.widget.hasFocus():
            self.use(self.ink_pen("step_current", 2), NO_BRUSH)
            self.drawRect(QRectF(self.widget.rect()).adjusted(1, 1, -1, -1))


@dataclass(frozen=True)
class RoundsPlot:
    """A plot of rounds (along) against steps or values (up) in ``area``."""

    area: QRectF
    x_step: float
    y_step: float

    @classmethod
    def over(cls, area: QRectF, rounds: int, steps: float) -> RoundsPlot:
        return cls(area, area.width() / max(1, rounds), area.height() / steps)

    def x(self, round_number: float) -> float:
        return self.area.left() + round_number * self.x_step

    def y(self, step: float) -> float:
        return self.area.bottom() - step * self.y_step

    def point(self, round_number: float, step: float, shift: float = 0.0) -> QPointF:
        return QPointF(self.x(round_number), self.y(step) + shift)
