"""The debrief's two charts, painted from the run's data (vector, any size).

- :class:`StaircasePathChart`: the highest step climbed after each round (a
  solid line), each round's choice as a mark (a filled dot when the base was
  ready, a hollow dot with "!" when it was not, a square for moves off the
  staircase), and every abandoned "what if" path as a dashed line.
- :class:`MeasuresChart`: one small panel per measure, rounds along the bottom,
  each line ending with its value written out; for a measure the group only
  estimated, the range it saw as a shaded band behind the true line (the reveal).

Nothing is told by colour alone: line styles and marks differ, and a legend says
what each one means.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from teachin.debrief.model import MeasureSeries, RunStory
from teachin.debrief.words import range_text
from teachin.scenario.engine import READY
from teachin.scenario.outcome import StepRecord
from teachin.scenario.run import Run
from teachin.ui.painting import CENTRE, NO_BRUSH, RIGHT, RoundsPlot, ThemedPainter, bold_font
from teachin.workshop.staircase import Staircase
from teachin.workshop.themes import LIGHT, Theme


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def line(self) -> int:
        return QFontMetrics(self.font()).height()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)


class StaircasePathChart(_Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staircasePathChart")
        self.setAccessibleName("Your path on the staircase, round by round")
        self.steps: list[StepRecord] = []
        self.branches: list[tuple[int, list[StepRecord], int]] = []  # (from, steps, climbed before)
        self.rounds = 1
        self.labels: list[str] = []

    def set_run(self, run: Run, staircase: Staircase | None) -> None:
        self.steps = list(run.steps)
        self.rounds = max(len(run.scenario.rounds), 1)
        self.labels = (
            [s.label for s in staircase.steps] if staircase else [str(i) for i in range(1, 11)]
        )
        self.branches = []
        for branch in run.branches:
            if not branch.steps:
                continue
            first = branch.steps[0].consequence
            # climbed before the branch's first round: the main line's value then
            before = 0
            for record in run.steps:
                if record.round < branch.from_round:
                    before = record.consequence.climbed
            del first
            self.branches.append((branch.from_round, list(branch.steps), before))
        words = []
        for record in self.steps:
            c = record.consequence
            text = f"round {record.round}: {c.label}"
            if c.step:
                text += (
                    f" (step {c.step}{'' if c.ready >= READY else ', before the base was ready'})"
                )
            words.append(text)
        self.setAccessibleDescription(
            "; ".join(words)
            + f". Highest step climbed: {self.steps[-1].consequence.climbed if self.steps else 0}."
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(720, self.line() * 18)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.line() * 16)

    def _mark(
        self,
        painter: QPainter,
        centre: QPointF,
        c,
        radius: float,
        colour: QColor,
    ) -> None:
        """A round's choice: a square off the staircase, a dot for a step taken with
        the base ready, a hollow circle with "!" for one taken before it was."""
        background = QColor(self.theme.background)
        if not c.step:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(background)
            painter.drawRect(
                QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            )
        elif c.ready >= READY:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
        else:
            big = radius * 1.3
            painter.setPen(QPen(colour, 2))
            painter.setBrush(background)
            painter.drawEllipse(centre, big, big)
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(
                QRectF(centre.x() - big, centre.y() - big, 2 * big, 2 * big),
                int(Qt.AlignmentFlag.AlignCenter),
                "!",
            )
            painter.setFont(self.font())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = ThemedPainter(self, self.theme)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        count = len(self.labels) or 10
        label_w = (
            min(
                max(
                    (metrics.horizontalAdvance(f"{i}  {t}") for i, t in enumerate(self.labels, 1)),
                    default=60,
                ),
                round(self.width() * 0.35),
            )
            + 10
        )
        area = QRectF(
            label_w + 8, line * 0.8, self.width() - label_w - 24, self.height() - line * 5.8
        )
        plot = RoundsPlot.over(area, self.rounds, count)
        self._paint_axes(painter, plot, metrics, label_w, count)
        radius = max(4.0, line * 0.32)
        ink, muted = painter.colour("text"), painter.colour("muted")
        # abandoned "what if" paths: a dashed line through the choices made there
        for from_round, steps, _before in self.branches:
            previous = next((r for r in self.steps if r.round == from_round - 1), None)
            path = QPainterPath(
                plot.point(from_round - 1, previous.consequence.step if previous else 0)
            )
            for record in steps:
                path.lineTo(plot.point(record.round, record.consequence.step))
            painter.use(QPen(muted, 2, Qt.PenStyle.DashLine), NO_BRUSH)
            painter.drawPath(path)
            for record in steps:
                c = record.consequence
                self._mark(painter, plot.point(record.round, c.step), c, radius, muted)
        # the path: highest step climbed
        path = QPainterPath(plot.point(0, 0))
        for record in self.steps:
            path.lineTo(plot.point(record.round, record.consequence.climbed))
        painter.use(painter.ink_pen("step_current", 3.5), NO_BRUSH)
        painter.drawPath(path)
        # each round's choice
        for record in self.steps:
            c = record.consequence
            self._mark(painter, plot.point(record.round, c.step), c, radius, ink)
        self._paint_legend(painter, line, metrics)
        painter.focus_ring()
        painter.end()

    def _paint_axes(
        self,
        painter: ThemedPainter,
        plot: RoundsPlot,
        metrics: QFontMetrics,
        label_w: int,
        count: int,
    ) -> None:
        """The grid, the steps' names up the side and the rounds along the bottom."""
        line = metrics.height()
        area = plot.area
        painter.use(painter.ink_pen("rule"))
        for step in range(count + 1):
            painter.drawLine(
                QPointF(area.left(), plot.y(step)), QPointF(area.right(), plot.y(step))
            )
        painter.use("text")
        for step, text in enumerate(self.labels, start=1):
            painter.text(
                QRectF(0, plot.y(step) - line * 0.5, label_w, line),
                metrics.elidedText(f"{step}  {text}", Qt.TextElideMode.ElideRight, label_w),
                RIGHT,
            )
        painter.text(QRectF(0, plot.y(0) - line * 0.5, label_w, line), "off the staircase", RIGHT)
        for number in range(0, self.rounds + 1):
            painter.text(
                QRectF(plot.x(number) - 20, area.bottom() + 4, 40, line),
                "start" if number == 0 else str(number),
                CENTRE,
            )
        painter.text(
            QRectF(area.left(), area.bottom() + line + 4, area.width(), line), "round", CENTRE
        )

    def _paint_legend(self, painter: ThemedPainter, line: int, metrics: QFontMetrics) -> None:
        """The legend, in words, flowing onto a second line when it must."""
        items = [
            "highest step climbed",
            "● step taken, base ready",
            "(!) taken before the base was ready",
            "□ a move off the staircase",
        ]
        if self.branches:
            items.append("- - - a path you left (what if)")
        legend_y = self.height() - line * 2.6
        x = 8.0
        painter.use(painter.ink_pen("step_current", 3.5))
        painter.drawLine(QPointF(x, legend_y + line / 2), QPointF(x + 28, legend_y + line / 2))
        x += 34
        painter.use("text")
        for text in items:
            width = metrics.horizontalAdvance(text)
            if x + width > self.width() - 8 and x > 50:
                x, legend_y = 8.0, legend_y + line * 1.2
            painter.text(QRectF(x, legend_y, width + 4, line), text, Qt.AlignmentFlag.AlignVCenter)
            x += width + 22


class MeasuresChart(_Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measuresChart")
        self.setAccessibleName("How the measures moved, round by round")
        self.series: list[MeasureSeries] = []
        self.rounds = 1

    def set_story(self, story: RunStory) -> None:
        self.rounds = max(1, story.rounds_total)
        self.series = list(story.measures)
        self.setAccessibleDescription(
            "; ".join(
                f"{m.label}: from {round(m.values[0])} to {round(m.values[-1])}"
                + (
                    f" (you estimated {range_text(*m.ranges[0])}, then {range_text(*m.ranges[-1])})"
                    if m.ranges
                    else ""
                )
                for m in self.series
            )
        )
        self.updateGeometry()
        self.update()

    def _columns(self) -> int:
        return 3 if self.width() >= 700 else 2

    def _panel_height(self) -> float:
        return self.line() * 6.5

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        columns = 3 if width >= 700 else 2
        rows = math.ceil(max(1, len(self.series)) / columns)
        legend = self.line() * 1.4 if any(series.ranges for series in self.series) else 0
        return round(rows * self._panel_height() + legend) + 4

    def sizeHint(self) -> QSize:
        return QSize(720, self.heightForWidth(720))

    def resizeEvent(self, event) -> None:
        wanted = self.heightForWidth(self.width())
        if self.minimumHeight() != wanted:
            self.setMinimumHeight(wanted)
        super().resizeEvent(event)

    def _paint_band(
        self, painter: ThemedPainter, plot: RoundsPlot, ranges: list[tuple[float, float]]
    ) -> None:
        """The group's estimate over the rounds: a shaded band from the low end of
        the range to the high end, edged with a dashed line."""
        band = QPainterPath(plot.point(0, ranges[0][1]))
        for i, (_, high) in enumerate(ranges[1:], start=1):
            band.lineTo(plot.point(i, high))
        for i in range(len(ranges) - 1, -1, -1):
            band.lineTo(plot.point(i, ranges[i][0]))
        band.closeSubpath()
        painter.use(
            painter.ink_pen("muted", 1, Qt.PenStyle.DashLine),
            QBrush(painter.colour("link"), Qt.BrushStyle.Dense5Pattern),
        )
        painter.drawPath(band)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = ThemedPainter(self, self.theme)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        columns = self._columns()
        width = self.width() / columns
        height = self._panel_height()
        value_w = metrics.horizontalAdvance("100") + 10
        bold = bold_font(self.font())
        for number, series in enumerate(self.series):
            values, low, high = series.values, series.low, series.high
            left = (number % columns) * width
            top = (number // columns) * height
            painter.use("text", font=bold)
            painter.text(
                QRectF(left + 8, top + 2, width - 16, line),
                f"{series.label}: {round(values[0])} → {round(values[-1])}",
            )
            painter.setFont(self.font())
            area = QRectF(left + 10, top + line * 1.5, width - value_w - 26, height - line * 2.5)
            painter.use(painter.ink_pen("rule"), NO_BRUSH)
            painter.drawRect(area)
            plot = RoundsPlot.over(area, self.rounds, 1.0)
            span = (high - low) or 1.0

            def share(value: float, low: float = low, span: float = span) -> float:
                return min(max((value - low) / span, 0.0), 1.0)

            if series.ranges:
                self._paint_band(painter, plot, [(share(a), share(b)) for a, b in series.ranges])
            shares = [share(value) for value in values]
            path = QPainterPath(plot.point(0, shares[0]))
            for i, value in enumerate(shares[1:], start=1):
                path.lineTo(plot.point(i, value))
            painter.use(painter.ink_pen("text", 2.5))
            painter.drawPath(path)
            end = plot.point(len(values) - 1, shares[-1])
            painter.use(brush="text")
            painter.drawEllipse(end, 3.5, 3.5)
            painter.text(
                QRectF(end.x() + 6, end.y() - line / 2, value_w, line), str(round(values[-1]))
            )
        if any(series.ranges for series in self.series):
            painter.use("text")
            painter.text(
                QRectF(8, self.height() - line * 1.2, self.width() - 16, line),
                "Shaded band: what you estimated. Line: the true value, hidden while you played.",
            )
        painter.focus_ring()
        painter.end()
