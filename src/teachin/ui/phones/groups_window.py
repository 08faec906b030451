"""Groups play on their own devices (Present › Groups play on phones): each table plays
the scenario in its browser, one device or several a table; the engine runs here and
saves every table's run after every move; the debrief board fills live with every
table's path. The facilitator pauses every table, ends the round for everyone, and
opens the board.

The window shows the join address and QR code (put it on the projector with F while
tables join), the tables and what they did, and the buttons; closing it turns
phones off.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teachin.runs.store import RunStore
from teachin.scenario.model import Scenario
from teachin.ui.phones.address_dialog import NO_NETWORK, AddressDialog
from teachin.ui.phones.addresses import address_without_asking
from teachin.ui.phones.connect_help import TITLE as HELP_TITLE
from teachin.ui.phones.connect_help import ConnectHelpDialog
from teachin.ui.phones.join_panel import JoinPanel
from teachin.ui.phones.phone_link import PhoneLink
from teachin.ui.phones.room_phones import PhonesSetup
from teachin.ui.phones.tables_play import TablesPlay
from teachin.ui.windows import OpenWindows
from teachin.workshop.library import Library
from teachin.workshop.themes import HIGH_CONTRAST

BOARD = "debrief board"
NO_TABLES = "No table yet: each table opens the address and names itself."


class GroupsWindow(QWidget):
    """One groups session: a scenario, the tables playing it, their runs in ``folder``."""

    def __init__(
        self,
        scenarios: Mapping[str, Scenario],
        library: Library | None,
        folder: Path,
        setup: PhonesSetup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("groups-window")
        self.setWindowTitle("Groups play on phones — teachin")
        self.setAccessibleName("Groups play on phones")
        self.scenarios = dict(scenarios)
        self.library = library
        self.folder = folder
        self.setup = setup
        self.play: TablesPlay | None = None
        self.windows = OpenWindows(self)
        self.link = PhoneLink(setup.make_server, setup.port, self)
        self.link.changed.connect(self.refresh)
        self.link.reported.connect(self._reported)
        self._build()
        self.resize(1280, 760)
        self.refresh()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.scenario_box = QComboBox(self)
        self.scenario_box.setAccessibleName("Scenario the tables play")
        for scenario in sorted(self.scenarios.values(), key=lambda s: s.title.casefold()):
            self.scenario_box.addItem(scenario.title, scenario.id)
        self.start_button = self._button("▶ Start: tables join", "start", self.start)
        self.join_panel = JoinPanel(self)
        self.join_panel.apply_theme(HIGH_CONTRAST)
        self.join_panel.footer.hide()  # hands are for the room's vote, not for tables
        self.tables = QLabel(NO_TABLES, self)
        self.tables.setObjectName("groups-tables")
        self.tables.setAccessibleName("The tables")
        self.tables.setTextFormat(Qt.TextFormat.PlainText)
        self.tables.setWordWrap(True)
        self.tables.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = QFont(self.tables.font())
        font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10) * 1.3)
        self.tables.setFont(font)
        self.log = QPlainTextEdit(self)
        self.log.setObjectName("groups-log")
        self.log.setAccessibleName("What the tables did")
        self.log.setReadOnly(True)
        self.log.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.pause_button = self._button("Pause every table (P)", "pause", self.toggle_pause)
        self.end_button = self._button("End the round for everyone", "end", self.end_round)
        self.board_button = self._button("Open the debrief board (D)", "board", self.open_board)
        self.address_button = self._button("Change address…", "address", self.choose_address)
        self.help_button = self._button(HELP_TITLE, "help", self.show_help)
        self.off_button = self._button("Phones off", "off", self.stop)

        top = QHBoxLayout()
        top.addWidget(QLabel("Scenario:", self))
        top.addWidget(self.scenario_box, 1)
        top.addWidget(self.start_button)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Tables</b>", self))
        right.addWidget(self.tables, 1)
        right.addWidget(self.log, 1)
        body = QHBoxLayout()
        body.addWidget(self.join_panel, 2)
        body.addLayout(right, 3)
        buttons = QHBoxLayout()
        for button in (
            self.pause_button,
            self.end_button,
            self.board_button,
            self.address_button,
            self.help_button,
            self.off_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"groups-{name}")
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    # -- starting and stopping ------------------------------------------------------------
    @property
    def scenario(self) -> Scenario | None:
        return self.scenarios.get(str(self.scenario_box.currentData()))

    @Slot()
    def start(self) -> bool:
        """Phones on (the remembered address, the only one, or the facilitator's pick)
        and the scenario open to tables."""
        addresses = self.setup.addresses()
        if not addresses:
            self._say(NO_NETWORK)
            return False
        ip = address_without_asking(addresses, self.setup.settings.phone_address)
        if ip is None:
            self.choose_address()
            return False
        return self.start_on(ip)

    @Slot(str)
    def start_on(self, ip: str) -> bool:
        scenario = self.scenario
        if scenario is None:
            self._say("No scenario is installed to play.")
            return False
        failed = self.link.try_start(ip, self.setup.settings)
        if failed:
            self._say(failed)
            return False
        server = self.link.server
        assert server is not None
        if self.play is None or self.play.scenario is not scenario:
            self.play = TablesPlay(server, scenario, RunStore(self.folder), self._log)  # type: ignore[arg-type]
        else:  # a new address: the same tables go on
            self.play.server = server  # type: ignore[assignment]
        self.play.show()
        self._say("")
        return True

    @Slot()
    def stop(self) -> None:
        """Phones off: every device is forgotten; the tables' runs stay saved."""
        self.link.stop()

    @Slot()
    def choose_address(self) -> None:
        setup = self.setup
        dialog = AddressDialog.ask(setup.addresses(), setup.settings.phone_address, self)
        dialog.addressChosen.connect(self.start_on)

    # -- the tables -----------------------------------------------------------------------
    @Slot(object)
    def _reported(self, event: object) -> None:
        if self.play is not None:
            self.play.handle(event)
        self.refresh()
        self._refresh_board()

    @Slot()
    def toggle_pause(self) -> None:
        if self.play is not None and not self.play.ended:
            self.play.set_paused(not self.play.paused)
            self.refresh()

    @Slot()
    def end_round(self) -> None:
        if self.play is not None:
            self.play.end()
            self.refresh()

    @Slot()
    def open_board(self) -> None:
        """The debrief board with every table's run so far (it follows them live)."""
        from teachin.ui.present.debrief_board import open_debrief_board

        paths = self.play.paths() if self.play is not None else []
        board = open_debrief_board(
            self.scenarios, self.library, paths, full_screen=False, start_folder=self.folder
        )
        self.windows.keep(BOARD, board)

    def _refresh_board(self) -> None:
        from teachin.ui.present.debrief_board import DebriefBoard

        board = self.windows.find(BOARD)
        if isinstance(board, DebriefBoard) and self.play is not None:
            board.clear()
            board.add_paths(self.play.paths())

    @Slot()
    def show_help(self) -> None:
        ConnectHelpDialog(self).show()

    def _log(self, line: str) -> None:
        self.log.appendPlainText(line)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- showing --------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        on, play = self.link.on, self.play
        self.join_panel.setVisible(on)
        if on:
            self.join_panel.show_join(self.link.url, self.link.code)
            self.join_panel.show_devices(self.link.devices)
            self.join_panel.vote_state.setText("Each table: open the address, name your table")
            self.join_panel.tally.hide()
        self.scenario_box.setEnabled(play is None)
        self.start_button.setVisible(not on)
        if play is not None:
            self.start_button.setText("▶ Phones on again")
        for button in (self.pause_button, self.end_button, self.off_button, self.address_button):
            button.setEnabled(on and (play is None or not play.ended or button is self.off_button))
        self.board_button.setEnabled(play is not None and bool(play.tables))
        if play is not None:
            self.pause_button.setText(
                "Let every table play (P)" if play.paused else "Pause every table (P)"
            )
        lines = play.lines() if play is not None else []
        state = ""
        if play is not None and play.ended:
            state = "The round is over for everyone.\n"
        elif play is not None and play.paused:
            state = "Every table is paused.\n"
        self.tables.setText(state + ("\n".join(lines) if lines else NO_TABLES))

    # -- keys and closing -----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_P:
            self.toggle_pause()
        elif event.key() == Qt.Key.Key_D and self.board_button.isEnabled():
            self.open_board()
        elif event.key() == Qt.Key.Key_F:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.link.stop()  # phones never outlive the session (the board stays open)
        super().closeEvent(event)
