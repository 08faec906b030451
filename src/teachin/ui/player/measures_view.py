"""Every measure the group can see, as a bar with its number and its change.

A change is told three ways, so colour is never the only cue: an arrow (▲ ▼),
a signed number (+5, −3), and a colour (green for good news, red for bad; a rise
in repression is bad news). The part of the bar that was lost is drawn hatched,
the part that was gained solid with a thick edge where the old value was.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QHelpEvent, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from teachin.debrief.words import change_text, change_words, is_good
from teachin.scenario.model import Measure
from teachin.ui.painting import NO_PEN, RIGHT, ThemedPainter
from teachin.workshop.themes import LIGHT, Theme

GOOD = "#1b7a3a"
BAD = "#b3261e"
GOOD_DARK = "#6fdc8c"
BAD_DARK = "#ff8a80"


@dataclass(frozen=True)
class Row:
    measure: Measure
    value: float
    before: float | None  # None: show no change column


class MeasuresView(QWidget):
    """Bars for the measures; ``set_values(after, before)`` shows the changes too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measuresView")
        self.setAccessibleName("Measures")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.theme: Theme = LIGHT
        self.rows: list[Row] = []

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def set_values(
        self,
        measures: tuple[Measure, ...],
        values: dict[str, float],
        before: dict[str, float] | None = None,
    ) -> None:
        self.rows = [
            Row(m, values.get(m.id, m.low), None if before is None else before.get(m.id, m.low))
            for m in measures
            if m.id in values
        ]
        self.setAccessibleDescription(self.summary())
        self.updateGeometry()
        self.update()

    def summary(self) -> str:
        """All the measures in words, for screen readers and tests."""
        parts = []
        for row in self.rows:
            text = f"{row.measure.label}: {round(row.value)}"
            if row.before is not None:
                text += f" ({change_words('', row.value - row.before).strip()})"
            parts.append(text)
        return "; ".join(parts)

    # -- geometry ----------------------------------------------------------------------
    def _row_height(self) -> int:
        return round(QFontMetrics(self.font()).height() * 1.4)

    def _columns(self) -> tuple[int, int, int]:
        metrics = QFontMetrics(self.font())
        label = max((metrics.horizontalAdvance(r.measure.label) for r in self.rows), default=80)
        value = metrics.horizontalAdvance("100") + 8
        change = (
            metrics.horizontalAdvance(change_text(-100)) + 12
            if any(r.before is not None for r in self.rows)
            else 0
        )
        return label + 12, value, change

    def sizeHint(self) -> QSize:
        label, value, change = self._columns()
        return QSize(label + value + change + 160, self._row_height() * max(1, len(self.rows)) + 4)

    def minimumSizeHint(self) -> QSize:
        label, value, change = self._columns()
        return QSize(label + value + change + 60, self._row_height() * max(1, len(self.rows)) + 4)

    def hasHeightForWidth(self) -> bool:
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = ThemedPainter(self, self.theme, background=False)
        theme = self.theme
        label_w, value_w, change_w = self._columns()
        height = self._row_height()
        bar_right = self.width() - value_w - change_w - 6
        good = QColor(GOOD_DARK if theme.dark else GOOD)
        bad = QColor(BAD_DARK if theme.dark else BAD)
        painter.focus_ring()
        for number, row in enumerate(self.rows):
            top = 2 + number * height
            painter.use("text")
            painter.text(QRectF(0, top, label_w - 8, height), row.measure.label)
            bar = QRectF(label_w, top + height * 0.22, max(10, bar_right - label_w), height * 0.56)
            self._paint_bar(painter, row, bar, good, bad)
            painter.use("text")
            painter.text(QRectF(bar_right + 4, top, value_w, height), f"{round(row.value)}", RIGHT)
            if row.before is not None:
                delta = row.value - row.before
                news = is_good(row.measure.id, delta)
                painter.use("text" if news is None else (good if news else bad))
                font = painter.font()
                font.setBold(news is not None)
                painter.setFont(font)
                painter.text(
                    QRectF(bar_right + value_w + 10, top, change_w, height),
                    change_text(delta) if news is not None else "–",
                )
                font.setBold(False)
                painter.setFont(font)
        painter.end()

    def _paint_bar(
        self, painter: ThemedPainter, row: Row, bar: QRectF, good: QColor, bad: QColor
    ) -> None:
        """The bar: the value filled, and a change as a solid gain or a hatched loss
        with a thick edge where the old value was."""
        theme = self.theme
        measure = row.measure
        span = (measure.high - measure.low) or 1.0

        def at(value: float) -> float:
            share = min(max((value - measure.low) / span, 0.0), 1.0)
            return bar.left() + share * bar.width()

        track = theme.step_hidden if theme.id != "high-contrast" else "#000000"
        painter.use(painter.ink_pen("rule"), track)
        painter.drawRect(bar)
        x_now = at(row.value)
        painter.use(NO_PEN, "link")
        painter.drawRect(QRectF(bar.left(), bar.top(), x_now - bar.left(), bar.height()))
        if row.before is None or round(row.value - row.before) == 0:
            return
        x_before = at(row.before)
        colour = good if is_good(measure.id, row.value - row.before) else bad
        if row.value < row.before:
            # what was lost: hatched
            painter.use(QPen(colour, 1), QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(QRectF(x_now, bar.top(), x_before - x_now, bar.height()))
        else:
            painter.use(NO_PEN, colour)
            painter.drawRect(QRectF(x_before, bar.top(), x_now - x_before, bar.height()))
        painter.use(painter.ink_pen("text", 2))
        painter.drawLine(
            round(x_before), round(bar.top() - 3), round(x_before), round(bar.bottom() + 3)
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            number = int((event.pos().y() - 2) // max(1, self._row_height()))
            if 0 <= number < len(self.rows):
                row = self.rows[number]
                tip = f"{row.measure.label}: {round(row.value)} of {round(row.measure.high)}"
                if row.before is not None:
                    tip += f" ({change_words('', row.value - row.before).strip()})"
                if row.measure.meaning:
                    tip += "\n" + row.measure.meaning
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
