"""Choose a scenario: its title, place, minutes and difficulty; read the setting;
name the group if you like; start. A run left unfinished is offered first."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teachin.scenario.model import Scenario
from teachin.ui.player.common import BigButton, esc, heading, scroll_area, set_heading, text_label
from teachin.ui.tab_order import chain_tab_order

ID_ROLE = Qt.ItemDataRole.UserRole


class _ScenarioList(QListWidget):
    activatedByKey = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activatedByKey.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ScenarioPicker(QWidget):
    """Signals: ``startRequested(scenario id, group name)``, ``resumeRequested``,
    ``runsRequested`` (the list of saved runs)."""

    startRequested = Signal(str, str)
    resumeRequested = Signal()
    runsRequested = Signal()

    def __init__(self, scenarios: dict[str, Scenario], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioPicker")
        self.setAccessibleName("Choose a scenario")
        self.scenarios = scenarios

        self._build_resume_box()
        self._build_list(scenarios)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.activatedByKey.connect(self._start)
        self.list.itemDoubleClicked.connect(self._start)

        self.title = heading("", 1, parent=self)
        self.setting = text_label("", "The setting", rich=True, parent=self)
        setting_box = QWidget(self)
        setting_layout = QVBoxLayout(setting_box)
        setting_layout.addWidget(self.title)
        setting_layout.addWidget(self.setting)
        setting_layout.addStretch(1)
        setting_scroll = scroll_area(setting_box, "About this scenario", self)

        self.group = QLineEdit(self)
        self.group.setObjectName("groupName")
        self.group.setAccessibleName("Group name (optional)")
        self.group.setPlaceholderText("for example: Table 3, or The night shift")
        self.group.setMaxLength(60)
        self.group.returnPressed.connect(self._start)
        group_label = QLabel("Your group's name (optional; no names of people needed):", self)
        group_label.setBuddy(self.group)
        group_label.setWordWrap(True)
        self.start_button = BigButton("Start this scenario", parent=self)
        self.start_button.clicked.connect(self._start)
        self.runs_button = BigButton("Saved runs…", parent=self)
        self.runs_button.clicked.connect(self.runsRequested)

        left = QVBoxLayout()
        left.addWidget(heading("Choose a scenario", 2, parent=self))
        left.addWidget(self.list, 1)
        left.addWidget(self.runs_button)
        right = QVBoxLayout()
        right.addWidget(setting_scroll, 1)
        right.addWidget(group_label)
        right.addWidget(self.group)
        right.addWidget(self.start_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.resume_box)
        layout.addLayout(columns, 1)
        # Tab reads the screen column by column: the list and "Saved runs" on the
        # left, then the scenario's description, the group's name and Start.
        chain_tab_order(self.list, self.runs_button, setting_scroll, self.group, self.start_button)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            set_heading(self.title, "No scenarios found")
            self.setting.setText(
                "<p>No scenario files were found in the content folders. A scenario is a "
                "plain text file in a <b>scenarios</b> folder; see the authoring guide.</p>"
            )
            self.start_button.setEnabled(False)

    def _build_resume_box(self) -> None:
        """The offer to continue a run (hidden until there is one)."""
        self.resume_box = QFrame(self)
        self.resume_box.setObjectName("resumeBox")
        self.resume_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.resume_text = text_label(
            "", "A run you can continue", rich=True, parent=self.resume_box
        )
        self.resume_button = BigButton("Continue where you left off", parent=self.resume_box)
        self.resume_button.clicked.connect(self.resumeRequested)
        resume_layout = QHBoxLayout(self.resume_box)
        resume_layout.addWidget(self.resume_text, 1)
        resume_layout.addWidget(self.resume_button)
        self.resume_box.hide()

    def _build_list(self, scenarios: dict[str, Scenario]) -> None:
        """The scenarios, shortest first."""
        self.list = _ScenarioList(self)
        self.list.setObjectName("scenarioList")
        self.list.setAccessibleName("Scenarios")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for scenario in sorted(scenarios.values(), key=lambda s: (s.minutes, s.title.casefold())):
            place = scenario.setting.place or scenario.summary
            item = QListWidgetItem(
                f"{scenario.title}\n{scenario.minutes} minutes · {scenario.difficulty} · "
                f"{len(scenario.rounds)} rounds\n{place}"
            )
            item.setData(ID_ROLE, scenario.id)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{scenario.title}. {scenario.minutes} minutes, {scenario.difficulty}. {place}",
            )
            self.list.addItem(item)

    def show_resume(self, text: str | None) -> None:
        """Offer to continue a run (``text`` describes it), or hide the offer."""
        self.resume_box.setVisible(bool(text))
        if text:
            self.resume_text.setText(text)

    def focus_first(self) -> None:
        target = self.resume_button if not self.resume_box.isHidden() else self.list
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select(self, scenario_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == scenario_id:
                self.list.setCurrentRow(row)
                return True
        return False

    @Slot(int)
    def _show_current(self, row: int) -> None:
        scenario = self.scenarios.get(self.current_id() or "")
        if scenario is None:
            return
        set_heading(self.title, scenario.title)
        s = scenario.setting
        facts = s.facts()
        rows = "".join(
            f"<p><b>{html.escape(name)}:</b> {html.escape(value)}</p>"
            for name, value in facts
            if value
        )
        self.setting.setText(
            f"<p><i>{scenario.minutes} minutes · {html.escape(scenario.difficulty)} · "
            f"{len(scenario.rounds)} rounds</i></p>"
            f"{esc(scenario.summary)}{rows}<p><b>The story so far</b></p>{esc(s.situation)}"
        )
        self.start_button.setAccessibleName(f"Start {scenario.title}")

    @Slot()
    def _start(self) -> None:
        scenario = self.current_id()
        if scenario:
            self.startRequested.emit(scenario, self.group.text().strip())
