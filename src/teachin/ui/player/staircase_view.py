"""The escalation staircase, drawn from data, showing where the campaign stands.

Each step is a band, rising to the right. What a step's state means is written
on it, not told by colour: ``✓ climbed``, ``open`` (ready to take now), ``maybe?``
(the group's estimates cannot tell yet; dash-dot outline), ``not ready`` (dashed
outline), ``not in this scenario``; the highest step climbed
carries an arrow and "You are here". Hover a step, or focus the drawing and move
with Up/Down, to read why a step is not ready yet (``stepFocused`` says which).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from teachin.scenario.engine import READY
from teachin.scenario.outcome import Option
from teachin.ui.painting import NO_BRUSH, NO_PEN, RIGHT, ThemedPainter, bold_font
from teachin.workshop.staircase import Staircase
from teachin.workshop.themes import LIGHT, Theme

CLIMBED, OPEN, MAYBE, NOT_READY, NOT_OFFERED, AHEAD = (
    "climbed",
    "open",
    "maybe ready",
    "not ready",
    "not in this scenario",
    "ahead",
)


@dataclass(frozen=True)
class StepState:
    number: int  # 1-based
    label: str
    state: str
    tactic: str  # the scenario's tactic on this step ('' when none)
    reason: str  # readiness in plain words

    def headline(self) -> str:
        """The step and where it stands, in one line."""
        head = f"Step {self.number}: {self.label}"
        if self.state == CLIMBED:
            return head + " — climbed."
        if self.state == OPEN:
            return head + " — open: you can take this step now."
        if self.state == NOT_OFFERED:
            return head + " — not offered in this scenario right now."
        if self.state == AHEAD:
            return head + " — not climbed yet."
        if self.state == MAYBE:
            return head + " — maybe ready: you can't be sure yet."
        return head + " — not ready yet."

    def words(self) -> str:
        """The headline, the scenario's move on this step, and what it still needs."""
        head = self.headline()
        if self.tactic:
            head += f"\n{self.tactic}"
        if self.reason and self.state != CLIMBED:
            head += f"\n{self.reason}"
        return head


def step_states(
    staircase: Staircase | None, climbed: int, options: list[Option] | None
) -> list[StepState]:
    """Each staircase step's state for the group, from the options open this round
    (``None``: only what was climbed is known, as when re-reading a past round)."""
    if staircase is None:
        return []
    by_step: dict[int, Option] = {}
    for offered in options or []:
        if offered.step and offered.step not in by_step:
            by_step[offered.step] = offered
    states = []
    for index, step in enumerate(staircase.steps, start=1):
        option = by_step.get(index)
        if index <= climbed:
            state = CLIMBED
        elif options is None:
            state = AHEAD
        elif option is None:
            state = NOT_OFFERED
        elif option.ready >= READY:
            state = OPEN
        elif option.maybe_ready:
            state = MAYBE
        else:
            state = NOT_READY
        states.append(
            StepState(
                index,
                step.label,
                state,
                option.label if option else "",
                option.ready_text if option else "",
            )
        )
    return states


class StaircaseView(QWidget):
    """``set_state(staircase, climbed, options)``; ``stepFocused(int)`` (1-based)."""

    stepFocused = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact  # smaller steps, where the staircase shares its column
        self.setObjectName("staircaseView")
        self.setAccessibleName("Escalation staircase")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.theme: Theme = LIGHT
        self.states: list[StepState] = []
        self.climbed = 0
        self.selected = 0  # 1-based; 0 = none

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def set_state(
        self, staircase: Staircase | None, climbed: int, options: list[Option] | None
    ) -> None:
        self.states = step_states(staircase, climbed, options)
        self.climbed = climbed
        here = (
            f"You are on step {climbed}: {self.states[climbed - 1].label}."
            if 0 < climbed <= len(self.states)
            else "No step climbed yet."
        )
        open_steps = [s.label for s in self.states if s.state == OPEN]
        self.setAccessibleDescription(
            here + (" Open now: " + ", ".join(open_steps) + "." if open_steps else "")
        )
        if self.selected > len(self.states):
            self.selected = 0
        self.update()

    def state_of(self, number: int) -> StepState | None:
        return self.states[number - 1] if 1 <= number <= len(self.states) else None

    # -- geometry ----------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        band = QFontMetrics(self.font()).height() * (1.0 if self.compact else 1.35)
        return QSize(520, round(band * max(10, len(self.states)) + 16))

    def minimumSizeHint(self) -> QSize:
        band = QFontMetrics(self.font()).height() * (1.0 if self.compact else 1.15)
        return QSize(300, round(band * max(10, len(self.states)) + 12))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    def _band(self) -> float:
        return (self.height() - 12) / max(1, len(self.states))

    def _marker(self) -> float:
        return QFontMetrics(self.font()).height() * 1.6

    def _rect(self, number: int) -> QRectF:
        count = len(self.states)
        band = self._band()
        left = 6 + self._marker()
        right = self.width() - 6
        shift = (right - left) * 0.3 / max(1, count - 1)
        x = left + (number - 1) * shift
        y = self.height() - 6 - number * band
        return QRectF(x, y, right - x, band)

    def _step_at(self, y: float) -> int:
        for state in self.states:
            rect = self._rect(state.number)
            if rect.top() <= y < rect.bottom():
                return state.number
        return 0

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = ThemedPainter(self, self.theme)
        base = QFont(self.font())
        for state in self.states:
            self._paint_step(painter, state, base)
        painter.setFont(base)
        self._paint_here(painter, base)
        painter.focus_ring()
        painter.end()

    def _step_look(self, state: str) -> tuple[str, str, QPen]:
        """Fill, text colour and outline of a step in ``state``: told by the outline's
        style as well as by colour."""
        theme = self.theme
        if state == CLIMBED:
            return theme.step_current, theme.step_current_text, QPen(QColor(theme.step_current), 1)
        if state == OPEN:
            return theme.step, theme.step_text, QPen(QColor(theme.text), 2.5)
        if state == AHEAD:
            return theme.step, theme.step_text, QPen(QColor(theme.rule), 1)
        if state == MAYBE:
            return (
                theme.step_hidden,
                theme.step_text,
                QPen(QColor(theme.text), 1.5, Qt.PenStyle.DashDotLine),
            )
        if state == NOT_READY:
            return (
                theme.step_hidden,
                theme.step_text,
                QPen(QColor(theme.muted), 1.5, Qt.PenStyle.DashLine),
            )
        return theme.step_hidden, theme.muted, QPen(QColor(theme.rule), 1, Qt.PenStyle.DotLine)

    def _paint_step(self, painter: ThemedPainter, state: StepState, base: QFont) -> None:
        """A step's band: its number and name on the left, its state in words on the right."""
        rect = self._rect(state.number).adjusted(0, 1, 0, -1)
        fill, text, pen = self._step_look(state.state)
        painter.use(pen, fill)
        painter.drawRect(rect)
        if state.number == self.selected:
            # Around the step, not inside it: on a compact step a frame inside
            # would cross the letters.
            painter.use(painter.ink_pen("text", 3), NO_BRUSH)
            painter.drawRect(rect.adjusted(-2, -1, 2, 1))
        font = bold_font(base, state.state in (CLIMBED, OPEN))
        painter.use(text, font=font)
        tag = {
            CLIMBED: "✓ climbed",
            OPEN: "open",
            MAYBE: "maybe?",
            NOT_READY: "not ready",
        }.get(state.state, "")
        tag_w = QFontMetrics(base).horizontalAdvance(tag) + 14 if tag else 0
        label_rect = rect.adjusted(8, 0, -tag_w - 4, 0)
        label = QFontMetrics(font).elidedText(
            f"{state.number}  {state.label}",
            Qt.TextElideMode.ElideRight,
            round(label_rect.width()),
        )
        painter.text(label_rect, label, Qt.AlignmentFlag.AlignVCenter)
        if tag:
            small = QFont(base)
            small.setItalic(state.state == NOT_READY)
            small.setBold(state.state != NOT_READY)
            painter.setFont(small)
            painter.text(rect.adjusted(0, 0, -8, 0), tag, RIGHT)

    def _paint_here(self, painter: ThemedPainter, base: QFont) -> None:
        """The "you are here" arrow beside the highest step climbed, or below the stairs."""
        marker = self._marker()
        if 0 < self.climbed <= len(self.states):
            rect = self._rect(self.climbed)
            mid = rect.center().y()
            tip = rect.left() - 4
        else:  # at the foot of the stairs, below step 1: no step is climbed yet
            first = self._rect(1) if self.states else QRectF(0, 0, 0, 0)
            mid = first.bottom()
            tip = first.left() - 4
        size = min(marker - 6, self._band() * 0.9)
        half = size / 2
        mid = min(mid, self.height() - half - 1)  # whole, even at the foot
        arrow = QPolygonF(
            [
                QPointF(tip, mid),
                QPointF(tip - half, mid - half),
                QPointF(tip - half, mid - half / 2),
                QPointF(tip - size, mid - half / 2),
                QPointF(tip - size, mid + half / 2),
                QPointF(tip - half, mid + half / 2),
                QPointF(tip - half, mid + half),
            ]
        )
        if self.climbed:
            painter.use(NO_PEN, "text")
        else:  # not on the staircase yet: a hollow arrow at its foot
            painter.use(painter.ink_pen("text", 2), "background")
        painter.drawPolygon(arrow)
        if self.states:
            painter.use("text", font=bold_font(base))
            here = (  # no-break spaces: a narrow column wraps after "here:", not in "step 3"
                f"You are here: step\u00a0{self.climbed}"
                if self.climbed
                else "Start: no step climbed yet"
            )
            top = self._rect(len(self.states))
            painter.text(
                QRectF(6, top.top(), top.left() - 12, top.height() * 2),
                f"▶\u00a0{here}",
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            )

    # -- interaction -------------------------------------------------------------------
    def select(self, number: int) -> None:
        if not self.states:
            return
        number = max(1, min(len(self.states), number))
        self.selected = number
        state = self.states[number - 1]
        self.setAccessibleDescription(state.words())
        self.setToolTip(state.words())
        self.update()
        self.stepFocused.emit(number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Right):
            self.select((self.selected or self.climbed) + 1)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Left):
            self.select((self.selected or self.climbed + 2) - 1)
        elif key == Qt.Key.Key_Home:
            self.select(1)
        elif key == Qt.Key.Key_End:
            self.select(len(self.states))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        number = self._step_at(event.position().y())
        if number:
            self.select(number)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            number = self._step_at(event.pos().y())
            state = self.state_of(number)
            if state is not None:
                QToolTip.showText(event.globalPos(), state.words(), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
