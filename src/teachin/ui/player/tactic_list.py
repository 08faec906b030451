"""The choices of one round: tactics from the staircase and organizing moves.

Arrows or the number keys 1–9 pick a choice (it is only shown, not played);
Enter plays it (``chosen``). Each row says what kind of move it is and whether
the base is ready for it, in words.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from teachin.debrief.words import kind_words, readiness_label
from teachin.scenario.engine import READY
from teachin.scenario.outcome import Option
from teachin.workshop.staircase import Staircase

ID_ROLE = Qt.ItemDataRole.UserRole


def option_kind(option: Option, staircase: Staircase | None) -> str:
    if option.kind == "step" and option.step:
        name = ""
        if staircase is not None and option.step <= len(staircase.steps):
            name = f": {staircase.steps[option.step - 1].label}"
        return f"Staircase step {option.step}{name}"
    return kind_words(option.kind)


class TacticList(QListWidget):
    """``highlighted(id)`` when a choice is picked; ``chosen(id)`` on Enter."""

    highlighted = Signal(str)
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tacticList")
        self.setAccessibleName("Your choices this round")
        self.setAccessibleDescription(
            "Use the arrow keys or the number keys 1 to 9 to look at a choice, Enter to play it."
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(2)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.options: list[Option] = []
        self.currentRowChanged.connect(self._on_row)

    def set_options(self, options: list[Option], staircase: Staircase | None) -> None:
        self.blockSignals(True)
        self.clear()
        self.options = list(options)
        for number, option in enumerate(self.options, start=1):
            key = f"{number}   " if number <= 9 else "     "
            ready = readiness_label(option.ready >= READY, option.maybe_ready)
            kind = option_kind(option, staircase)
            item = QListWidgetItem(f"{key}{option.label}\n        {kind} · {ready}")
            item.setData(ID_ROLE, option.id)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{number}: {option.label}. {kind}. {ready}.",
            )
            item.setToolTip(option.description)
            self.addItem(item)
        self.blockSignals(False)
        if self.options:
            self.setCurrentRow(0)
            self._on_row(0)

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select_id(self, tactic_id: str) -> bool:
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == tactic_id:
                self.setCurrentRow(row)
                return True
        return False

    @Slot(int)
    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.options):
            self.highlighted.emit(self.options[row].id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            row = key - Qt.Key.Key_1
            if row < self.count():
                self.setCurrentRow(row)
                self.scrollToItem(self.item(row))
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            tactic = self.current_id()
            if tactic:
                self.chosen.emit(tactic)
            event.accept()
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(420, 320)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The panel below grows or shrinks with the choice shown: keep that choice
        # in view, not half hidden under the panel.
        super().resizeEvent(event)
        item = self.currentItem()
        if item is not None:
            self.scrollToItem(item)
