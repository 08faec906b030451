"""The rounds played so far, as a row of buttons: press one to re-read that round."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from teachin.debrief.words import TOO_EARLY
from teachin.scenario.engine import READY
from teachin.scenario.run import Run
from teachin.ui.player.common import BigButton
from teachin.ui.tab_order import chain_tab_order


class Timeline(QScrollArea):
    """``set_run(run, showing)``; ``roundClicked(round)``; ``presentClicked``."""

    roundClicked = Signal(int)
    presentClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName("Timeline of the rounds")
        self.setWidgetResizable(False)  # the row is sized in set_run
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._inner = QWidget(self)
        self._layout = QHBoxLayout(self._inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        # "Rounds:" stays put at the left while a long row of rounds scrolls: it
        # sits in the scroll area's margin, not in the row.
        self._label = QLabel("Rounds:", self)
        self._label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._label.setAutoFillBackground(True)
        self._place_label()
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self.buttons: list[BigButton] = []
        self.present: BigButton | None = None
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        self._group.idClicked.connect(self._clicked)

    def set_run(self, run: Run, showing: int = 0) -> None:
        """``showing``: the round now shown from the past (0: the present)."""
        for button in [*self.buttons, self.present]:
            if button is not None:
                self._group.removeButton(button)
                self._layout.removeWidget(button)
                button.hide()
                button.deleteLater()
        self.buttons = []
        for record in run.steps:
            c = record.consequence
            mark = "" if c.ready >= READY else " ⚠"
            label = c.label if len(c.label) <= 26 else c.label[:25].rstrip() + "…"
            button = BigButton(f"{record.round}. {label}{mark}", parent=self._inner)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(
                f"Round {record.round}: {c.label}" + ("" if c.ready >= READY else f" ({TOO_EARLY})")
            )
            button.setToolTip(f"Re-read round {record.round}: {c.label}")
            button.setCheckable(True)
            button.setChecked(record.round == showing)
            self._group.addButton(button, record.round)
            self._layout.insertWidget(self._layout.count() - 1, button)
            button.show()  # now, not from the event loop: the row is measured below
            self.buttons.append(button)
        label = "The debrief" if run.finished else f"Now: round {run.round}"
        self.present = BigButton(label, parent=self._inner)
        self.present.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.present.setCheckable(True)
        self.present.setChecked(showing == 0)
        self.present.setAccessibleName(label)
        self._group.addButton(self.present, 0)
        self._layout.insertWidget(self._layout.count() - 1, self.present)
        self.present.show()
        # New buttons join the end of the window's Tab order: put them back right
        # after the timeline, left to right, where they are read.
        chain_tab_order(self, *self.buttons, self.present)
        self._place_label()
        tallest = max(b.sizeHint().height() for b in [*self.buttons, self.present])
        self.setFixedHeight(tallest + self.horizontalScrollBar().sizeHint().height() + 6)
        # Lay the row out now, so the buttons have their full width at once (and the
        # one to show can be scrolled to) rather than after the next event round.
        self._layout.invalidate()
        self._layout.activate()
        self._inner.resize(
            max(self.viewport().width(), self._inner.sizeHint().width()), tallest + 6
        )
        target = self.buttons[showing - 1] if 0 < showing <= len(self.buttons) else self.present
        self.ensureWidgetVisible(target)

    def _clicked(self, number: int) -> None:
        if number == 0:
            self.presentClicked.emit()
        else:
            self.roundClicked.emit(number)

    def _place_label(self) -> None:
        """The label in the margin left of the row, as wide as its text now (the
        text zoom may have changed it)."""
        width = self._label.sizeHint().width()
        if self.viewportMargins().left() != width + 14:
            self.setViewportMargins(width + 14, 0, 0, 0)
        self._label.setGeometry(0, 0, width, self.viewport().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_label()
        self._inner.resize(
            max(self.viewport().width(), self._inner.sizeHint().width()), self._inner.height()
        )
