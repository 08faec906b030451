"""One round: the situation, the choices, what a choice means, the staircase and
the measures. A choice is looked at first (its description, what it builds and
whether the base is ready), then played with Enter or the big button."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from teachin.scenario.engine import READY
from teachin.scenario.outcome import Option
from teachin.scenario.run import Run
from teachin.ui.player.common import (
    BigButton,
    esc,
    fit_height,
    heading,
    scroll_area,
    set_heading,
    text_label,
)
from teachin.ui.player.measures_view import MeasuresView
from teachin.ui.player.staircase_view import StaircaseView
from teachin.ui.player.tactic_list import TacticList, option_kind
from teachin.workshop.staircase import Staircase
from teachin.workshop.themes import Theme

STEP_HINT = "Point at a step (or Tab to the staircase and use the arrows) to see what it needs."


class RoundView(QWidget):
    """``show_round(run)``; ``chosen(tactic id)`` when the group plays a choice."""

    chosen = Signal(str)

    def __init__(self, staircase: Staircase | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundView")
        self.setAccessibleName("This round")
        self.staircase = staircase
        self.options: dict[str, Option] = {}
        self.measure_labels: dict[str, str] = {}

        self.title = heading("", 2, parent=self)
        self.situation = text_label("", "The situation", rich=True, parent=self)
        self.tactics = TacticList(self)
        self.tactics.highlighted.connect(self._show_option)
        self.tactics.chosen.connect(self._play)

        self.detail = QFrame(self)
        self.detail.setObjectName("choiceDetail")
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_title = heading("", 3, parent=self.detail)
        self.detail_text = text_label("", "What this choice means", parent=self.detail)
        self.detail_ready = text_label("", "Is the base ready?", rich=True, parent=self.detail)
        self.play_button = BigButton("Play this choice", parent=self.detail)
        self.play_button.setDefault(True)
        self.play_button.clicked.connect(self._play_current)
        detail_layout = QVBoxLayout(self.detail)
        # The button beside the choice's name: the choices above need the height.
        title_row = QHBoxLayout()
        title_row.addWidget(self.detail_title, 1)
        title_row.addWidget(self.play_button, 0, Qt.AlignmentFlag.AlignTop)
        detail_layout.addLayout(title_row)
        detail_layout.addWidget(self.detail_text)
        detail_layout.addWidget(self.detail_ready)

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.situation)
        left.addWidget(self.tactics, 1)
        left.addWidget(self.detail)

        self.stairs = StaircaseView(self, compact=True)  # all of the column fits a laptop screen
        self.stairs.stepFocused.connect(self._show_step)
        self.step_info = text_label(
            STEP_HINT,
            "About the selected step",
            parent=self,
        )
        self.measures = MeasuresView(self, compact=True)
        right_box = QWidget(self)
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, 0, 0)
        # No heading over the staircase: it names itself (and a laptop screen
        # needs the line for the measures below).
        right.addWidget(self.stairs, 1)
        right.addWidget(self.step_info)
        right.addWidget(heading("Where things stand", 3, parent=right_box))
        right.addWidget(self.measures)
        right.addStretch(0)
        scroll = scroll_area(right_box, "The staircase and the measures", self)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.side = scroll

        layout = QHBoxLayout(self)
        layout.addLayout(left, 11)
        layout.addWidget(scroll, 9)
        self.setTabOrder(self.tactics, self.play_button)
        self.setTabOrder(self.play_button, self.stairs)

    def set_theme(self, theme: Theme) -> None:
        self.stairs.set_theme(theme)
        self.measures.set_theme(theme)

    def show_round(self, run: Run) -> None:
        scenario = run.scenario
        current = run.current_round()
        set_heading(self.title, f"Round {run.round} of {len(scenario.rounds)}: {current.title}")
        self.situation.setText(esc(current.situation))
        options = run.options()
        self.options = {o.id: o for o in options}
        self.measure_labels = {m.id: m.label.lower() for m in scenario.measures}
        self.stairs.set_state(self.staircase, run.climbed, options)
        self.measures.set_values(scenario.visible_measures, run.measures(), seen=run.estimates())
        self.tactics.set_options(options, self.staircase)
        self.step_info.setText(STEP_HINT)
        self.tactics.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _show_option(self, tactic_id: str) -> None:
        option = self.options.get(tactic_id)
        if option is None:
            return
        set_heading(self.detail_title, option.label)
        facts = [option_kind(option, self.staircase)]
        if option.builds:
            builds = ", ".join(self.measure_labels.get(b, b) for b in option.builds)
            facts.append(f"builds {builds}")
        if option.times:
            facts.append(f"done {option.times} time{'s' if option.times != 1 else ''} before")
        # One line of facts under the description: the choices above need the room.
        self.detail_text.setText(f"{option.description}\n{' · '.join(facts)}.")
        mark = "✓" if option.ready >= READY else "?" if option.maybe_ready else "⚠"
        ready = f"<b>{mark} {html.escape(option.ready_text)}</b>"
        self.detail_ready.setText(ready)
        self.play_button.setText("▶ Play it  (Enter)")
        fit_height(self.detail)
        self.play_button.setAccessibleName(f"Play {option.label}")
        if option.step:
            self.stairs.selected = option.step
            self.stairs.update()
            state = self.stairs.state_of(option.step)
            if state is not None:
                # One line: the choice's own panel already says what the step needs
                # (and the column must fit a laptop's screen without scrolling).
                self.step_info.setText(state.headline())

    @Slot(int)
    def _show_step(self, number: int) -> None:
        state = self.stairs.state_of(number)
        if state is not None:
            self.step_info.setText(state.words())

    @Slot()
    def _play_current(self) -> None:
        tactic = self.tactics.current_id()
        if tactic:
            self._play(tactic)

    @Slot(str)
    def _play(self, tactic_id: str) -> None:
        if tactic_id in self.options:
            self.chosen.emit(tactic_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter plays the choice shown, wherever the focus is in this round."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._play_current()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_height(self.detail)
