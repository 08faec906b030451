"""The saved runs: open one, rename it, or delete it (after a second press)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teachin.debrief.words import result_words
from teachin.runs.store import RunStore, SavedRun
from teachin.scenario.model import Scenario
from teachin.ui.player.common import BigButton, heading, text_label

PATH_ROLE = Qt.ItemDataRole.UserRole


class RunsManager(QWidget):
    """Signals: ``openRequested(path)``, ``closed``, ``problems(list of messages)``."""

    openRequested = Signal(Path)
    closed = Signal()
    problems = Signal(list)

    def __init__(
        self, store: RunStore, scenarios: dict[str, Scenario], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("runsManager")
        self.setAccessibleName("Saved runs")
        self.store = store
        self.scenarios = scenarios
        self.entries: list[SavedRun] = []

        self.list = QListWidget(self)
        self.list.setObjectName("runsList")
        self.list.setAccessibleName("Saved runs, newest first")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.currentRowChanged.connect(self._on_row)
        self.list.itemActivated.connect(self._open)
        self.empty = text_label(
            "No saved runs yet. Every run is saved by itself after each round.",
            "No saved runs",
            parent=self,
        )
        self.name = QLineEdit(self)
        self.name.setObjectName("runName")
        self.name.setAccessibleName("Name of the selected run")
        self.name.setMaxLength(80)
        self.name.returnPressed.connect(self._rename)
        name_label = QLabel("Name:", self)
        name_label.setBuddy(self.name)
        self.rename_button = BigButton("Rename", parent=self)
        self.rename_button.clicked.connect(self._rename)
        self.open_button = BigButton("Open", parent=self)
        self.open_button.clicked.connect(self._open)
        self.delete_button = BigButton("Delete…", "Delete the selected run", self)
        self.delete_button.clicked.connect(self._delete)
        self.back_button = BigButton("Back", parent=self)
        self.back_button.clicked.connect(self.closed)
        self.status = text_label("", "Saved runs status", parent=self)
        self._armed: Path | None = None

        name_row = QHBoxLayout()
        name_row.addWidget(name_label)
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.rename_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Saved runs", 2, parent=self))
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(name_row)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        listing = self.store.listing()
        if listing.set_aside:
            self.problems.emit(listing.set_aside)
        self.entries = listing.runs
        self.list.clear()
        for entry in self.entries:
            scenario = self.scenarios.get(entry.scenario)
            title = scenario.title if scenario else f"{entry.scenario} (scenario not installed)"
            state = (
                result_words(entry.result)
                if entry.finished
                else f"in progress, {entry.rounds_played} rounds played"
            )
            group = f" · group: {entry.info.group}" if entry.info.group else ""
            saved = entry.saved.replace("T", " ")[:16]
            item = QListWidgetItem(f"{entry.title}\n{title}{group}\n{state} · saved {saved}")
            item.setData(PATH_ROLE, str(entry.path))
            self.list.addItem(item)
        has = bool(self.entries)
        self.empty.setVisible(not has)
        for widget in (self.name, self.rename_button, self.open_button, self.delete_button):
            widget.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)
        self._disarm()

    def current(self) -> SavedRun | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def focus_first(self) -> None:
        (self.list if self.entries else self.back_button).setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def _on_row(self, row: int) -> None:
        entry = self.current()
        if entry is not None:
            self.name.setText(entry.title)
        self._disarm()

    def _disarm(self) -> None:
        self._armed = None
        self.delete_button.setText("Delete…")
        self.delete_button.setAccessibleName("Delete the selected run")

    @Slot()
    def _open(self) -> None:
        entry = self.current()
        if entry is not None:
            self.openRequested.emit(entry.path)

    @Slot()
    def _rename(self) -> None:
        entry = self.current()
        name = self.name.text().strip()
        if entry is None or not name:
            return
        row = self.list.currentRow()
        try:
            self.store.rename(entry.path, name)
        except (OSError, ValueError) as exc:
            self.status.setText(f"Could not rename it: {exc}")
            return
        self.refresh()
        self.list.setCurrentRow(row)
        self.status.setText(f"Renamed to “{name}”.")

    @Slot()
    def _delete(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if self._armed != entry.path:
            self._armed = entry.path
            self.delete_button.setText(f"Really delete “{entry.title}”?")
            self.delete_button.setAccessibleName(f"Really delete {entry.title}")
            self.status.setText("Press again to delete it for good.")
            return
        try:
            self.store.delete(entry.path)
        except OSError as exc:
            self.status.setText(f"Could not delete it: {exc.strerror}")
            return
        self.refresh()
        self.status.setText(f"Deleted “{entry.title}”.")
