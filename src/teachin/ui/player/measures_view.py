"""Every measure the group can see, as a bar with its number and its change.

A change is told three ways, so colour is never the only cue: an arrow (▲ ▼),
a signed number (+5, −3), and a colour (green for good news, red for bad; a rise
in repression is bad news). The part of the bar that was lost is drawn hatched,
the part that was gained solid with a thick edge where the old value was.

A measure the group only estimates is never shown by its true value: its row
reads "48–70" beside "Support (estimate)", its bar is a band from the low end
to the high end with a bracket at each (not a fill from zero), the range it
had before a round is outlined dashed, and its change is how the range moved
("▲ higher, narrower").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QHelpEvent, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from teachin.debrief.words import (
    ESTIMATE_WORD,
    NARROW_HINT,
    change_text,
    change_words,
    estimate_text,
    is_good,
    range_move_short,
    range_move_words,
    range_text,
)
from teachin.scenario.model import Measure
from teachin.ui.painting import NO_BRUSH, NO_PEN, RIGHT, ThemedPainter
from teachin.workshop.themes import LIGHT, Theme

GOOD = "#1b7a3a"
BAD = "#b3261e"
GOOD_DARK = "#6fdc8c"
BAD_DARK = "#ff8a80"


Range = tuple[float, float]

# A measure whose whole range is this small is a count (weeks left, offers).
COUNTER_SPAN = 12


@dataclass(frozen=True)
class Row:
    measure: Measure
    value: float
    before: float | None  # None: show no change column
    # An estimated measure: the range the group sees (value is then its middle),
    # and the range it saw before the round (None: no change shown).
    seen: Range | None = None
    seen_before: Range | None = None

    @property
    def label(self) -> str:
        """ "Support", or "Support (estimate)"."""
        if self.seen is None:
            return self.measure.label
        return f"{self.measure.label} ({ESTIMATE_WORD})"

    @property
    def value_text(self) -> str:
        """ "52", or "48–70" for an estimate."""
        return str(round(self.value)) if self.seen is None else range_text(*self.seen)

    @property
    def change(self) -> str:
        """The change column: "▲ +5", or how an estimate's range moved, in short."""
        if self.seen is not None:
            if self.seen_before is None:
                return ""
            return range_move_short(self.seen_before, self.seen)
        if self.before is None:
            return ""
        delta = self.value - self.before
        return change_text(delta) if is_good(self.measure.id, delta) is not None else "–"

    @property
    def words(self) -> str:
        """The row in words: "Support: 48–70 (estimate), 40–62 → 48–70, higher"."""
        if self.seen is not None:
            text = f"{self.measure.label}: {estimate_text(*self.seen)}"
            if self.seen_before is not None:
                text += f", {range_move_words(self.seen_before, self.seen)}"
            return text
        text = f"{self.measure.label}: {round(self.value)}"
        if self.before is not None:
            text += f" ({change_words('', self.value - self.before).strip()})"
        return text


class MeasuresView(QWidget):
    """Bars for the measures; ``set_values(after, before)`` shows the changes too."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        # Tighter rows where the bars share a laptop screen's column with the
        # staircase: a fight can show fifteen measures.
        self.compact = compact
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
        *,
        seen: dict[str, Range] | None = None,
        seen_before: dict[str, Range] | None = None,
    ) -> None:
        """``values`` (and ``before``) as the group sees them; ``seen`` the range of
        each estimated measure (``seen_before`` before the round): shown instead of
        its value, which is then taken as the middle of the range."""
        seen = seen or {}
        seen_before = seen_before or {}
        self.rows = []
        for m in measures:
            if m.id not in values and m.id not in seen:
                continue
            span = seen.get(m.id)
            if span is not None:
                row = Row(m, (span[0] + span[1]) / 2, None, span, seen_before.get(m.id))
            else:
                row = Row(m, values[m.id], None if before is None else before.get(m.id, m.low))
            self.rows.append(row)
        if self.compact:
            # Counters (weeks left, offers) go last, two to a line: see _slots.
            self.rows.sort(key=self._is_counter)
        self.setAccessibleDescription(self.summary())
        self.updateGeometry()
        self.update()

    def summary(self) -> str:
        """All the measures in words, for screen readers and tests."""
        return "; ".join(row.words for row in self.rows)

    # -- geometry ----------------------------------------------------------------------
    def _row_height(self) -> int:
        return round(QFontMetrics(self.font()).height() * (1.1 if self.compact else 1.4))

    def _is_counter(self, row: Row) -> bool:
        """A small count (weeks left, offers on the table), read as a number: in a
        compact view it takes half a line, without a bar."""
        measure = row.measure
        return self.compact and row.seen is None and measure.high - measure.low <= COUNTER_SPAN

    def _slots(self) -> list[tuple[int, int]]:
        """Per row, where it starts (y) and which part of the line it takes: 0 the
        whole line, 1 the left half, 2 the right half (counters in a compact view,
        two to a line). An estimate that moved takes a second line, under its bar,
        to say how ("was 21–45, ▲ higher, narrower"), so the columns stay narrow."""
        height, top, slots = self._row_height(), 2, []
        half = 0
        for row in self.rows:
            if self._is_counter(row):
                half = 2 if half == 1 else 1
                slots.append((top, half))
                if half == 2:
                    top += height
                continue
            if half == 1:  # a counter alone on its line
                top += height
            half = 0
            slots.append((top, 0))
            top += height * (2 if row.seen is not None and row.change else 1)
        return slots

    def _total_height(self) -> int:
        slots = self._slots()
        if not slots:
            return self._row_height() + 4
        last = self.rows[-1]
        top, half = slots[-1]
        lines = 2 if last.seen is not None and last.change and not half else 1
        return top + self._row_height() * lines + 2

    def _row_at(self, x: float, y: float) -> int | None:
        """The row under a point (for its tooltip)."""
        height = self._row_height()
        for number, (top, half) in enumerate(self._slots()):
            if not top <= y < top + height:
                continue
            if half == 0 or (half == 1) == (x < self.width() / 2):
                return number
        return None

    def _columns(self) -> tuple[int, int, int]:
        metrics = QFontMetrics(self.font())
        label = max((metrics.horizontalAdvance(r.label) for r in self.rows), default=80)
        widest = "100–100" if any(r.seen is not None for r in self.rows) else "100"
        value = metrics.horizontalAdvance(widest) + 8
        changes = [r.change for r in self.rows if r.change and r.seen is None]
        if any(r.before is not None for r in self.rows):
            changes.append(change_text(-100))
        change = max((metrics.horizontalAdvance(c) for c in changes), default=-12) + 12
        return label + 12, value, change

    def sizeHint(self) -> QSize:
        label, value, change = self._columns()
        return QSize(label + value + change + 160, self._total_height())

    def minimumSizeHint(self) -> QSize:
        label, value, change = self._columns()
        return QSize(label + value + change + 60, self._total_height())

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
        for row, (top, half) in zip(self.rows, self._slots(), strict=True):
            if half:
                self._paint_counter(painter, row, top, half)
                continue
            painter.use("text")
            painter.text(QRectF(0, top, label_w - 8, height), row.label)
            bar = QRectF(label_w, top + height * 0.22, max(10, bar_right - label_w), height * 0.56)
            if row.seen is not None:
                self._paint_range(painter, row, bar)
            else:
                self._paint_bar(painter, row, bar, good, bad)
            painter.use("text")
            painter.text(QRectF(bar_right + 4, top, value_w, height), row.value_text, RIGHT)
            if row.seen is not None and row.change and row.seen_before is not None:
                painter.use("muted")
                painter.text(
                    QRectF(label_w, top + height * 0.85, self.width() - label_w, height),
                    f"was {range_text(*row.seen_before)}, {row.change}",
                )
            elif row.before is not None:
                delta = row.value - row.before
                news = is_good(row.measure.id, delta)
                painter.use("text" if news is None else (good if news else bad))
                font = painter.font()
                font.setBold(news is not None)
                painter.setFont(font)
                painter.text(
                    QRectF(bar_right + value_w + 10, top, change_w, height),
                    row.change,
                )
                font.setBold(False)
                painter.setFont(font)
        painter.end()

    def _paint_counter(self, painter: ThemedPainter, row: Row, top: int, half: int) -> None:
        """A counter on half a line: its label, its number and its change."""
        width = self.width() / 2
        left = 0.0 if half == 1 else width + 8
        height = self._row_height()
        metrics = QFontMetrics(self.font())
        number_width = metrics.horizontalAdvance("100") + 8
        change_width = metrics.horizontalAdvance(row.change) + 8 if row.change else 0
        label_width = width - number_width - change_width - 16
        painter.use("text")
        painter.text(QRectF(left, top, label_width, height), row.label, elide=label_width)
        painter.text(QRectF(left + label_width, top, number_width, height), row.value_text, RIGHT)
        if row.change:
            painter.text(
                QRectF(left + label_width + number_width + 6, top, change_width, height),
                row.change,
            )

    def _track(
        self, painter: ThemedPainter, measure: Measure, bar: QRectF
    ) -> Callable[[float], float]:
        """Draws the bar's empty track; returns where a value falls on it (x)."""
        span = (measure.high - measure.low) or 1.0

        def at(value: float) -> float:
            share = min(max((value - measure.low) / span, 0.0), 1.0)
            return bar.left() + share * bar.width()

        track = self.theme.step_hidden if self.theme.id != "high-contrast" else "#000000"
        painter.use(painter.ink_pen("rule"), track)
        painter.drawRect(bar)
        return at

    def _paint_bar(
        self, painter: ThemedPainter, row: Row, bar: QRectF, good: QColor, bad: QColor
    ) -> None:
        """The bar: the value filled, and a change as a solid gain or a hatched loss
        with a thick edge where the old value was."""
        measure = row.measure
        at = self._track(painter, measure, bar)
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

    def _paint_range(self, painter: ThemedPainter, row: Row, bar: QRectF) -> None:
        """An estimate: the range as a shaded band with a bracket at each end (the
        true value is somewhere inside, so nothing is filled from zero), the range
        before the round outlined dashed."""
        at = self._track(painter, row.measure, bar)
        if row.seen is None:
            return
        if row.seen_before is not None and row.seen_before != row.seen:
            low, high = at(row.seen_before[0]), at(row.seen_before[1])
            painter.use(painter.ink_pen("muted", 1.5, Qt.PenStyle.DashLine), NO_BRUSH)
            painter.drawRect(QRectF(low, bar.top() - 2, high - low, bar.height() + 4))
        low, high = at(row.seen[0]), at(row.seen[1])
        link = painter.colour("link")
        painter.use(NO_PEN, QBrush(link, Qt.BrushStyle.Dense4Pattern))
        painter.drawRect(QRectF(low, bar.top(), high - low, bar.height()))
        painter.use(QPen(painter.colour("text"), 2))
        top, bottom = bar.top() - 3, bar.bottom() + 3
        for x, inward in ((low, 4), (high, -4)):
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            painter.drawLine(QPointF(x, top), QPointF(x + inward, top))
            painter.drawLine(QPointF(x, bottom), QPointF(x + inward, bottom))

    def tip(self, row: Row) -> str:
        """A row's tooltip: the value (or the estimate, and how to narrow it), the
        change, and what the measure means."""
        if row.seen is not None:
            tip = (
                f"{row.words}.\nAn estimate: the true value is somewhere in this range, "
                f"and you can't know it exactly until you test it. {NARROW_HINT}"
            )
        else:
            tip = f"{row.measure.label}: {round(row.value)} of {round(row.measure.high)}"
            if row.before is not None:
                tip += f" ({change_words('', row.value - row.before).strip()})"
        if row.measure.meaning:
            tip += "\n" + row.measure.meaning
        return tip

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            number = self._row_at(event.pos().x(), event.pos().y())
            if number is not None:
                QToolTip.showText(event.globalPos(), self.tip(self.rows[number]), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
