"""The presenter console's room-play panel: the options with a hand count each,
and the buttons (play, continue, confirm, next, undo, stop)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from teachin.debrief.room_screens import option_suffix
from teachin.debrief.words import hands_words, readiness_label
from teachin.runs.room import MAX_HANDS, RoomSession, ScreenKind
from teachin.scenario.engine import READY
from teachin.scenario.outcome import Option
from teachin.ui.layouts import clear_layout
from teachin.ui.phones.phones_bar import PhonesBar
from teachin.ui.present.controller import PresentationController
from teachin.ui.present.room_play import RoomPlay
from teachin.ui.tab_order import chain_tab_order, key_window_button

Key = Qt.Key


class HandsBox(QSpinBox):
    """A hand count, reached by Tab or a click (Tab goes down the counts). The
    clicker's keys and Escape go on to the presentation."""

    PASS_ON = frozenset({Key.Key_PageDown, Key.Key_PageUp, Key.Key_Escape, Key.Key_Space})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, MAX_HANDS)
        self.setSpecialValueText("–")
        self.setValue(-1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(64)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in self.PASS_ON:
            if event.key() == Key.Key_Escape:
                self.clearFocus()
                self.window().setFocus(Qt.FocusReason.OtherFocusReason)
                event.accept()
                return
            event.ignore()  # the window's presentation keys move on
            return
        if self.value() == self.minimum() and event.text().isdigit():
            self.lineEdit().selectAll()  # the first digit replaces "–"
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        # a wheel over the list scrolls the list, never a count
        event.ignore()


def _button(text: str, tip: str, name: str, parent: QWidget) -> QPushButton:
    button = key_window_button(text, parent)  # Tab reaches it: "Stop playing" has no key
    button.setObjectName(f"room-{name}")
    button.setAccessibleName(text)
    button.setToolTip(tip)
    return button


class RoomPanel(QWidget):
    """The console's room-play panel: an offer on a scenario frame, then, while
    playing, the options with their numbers and a hand count each, and the buttons."""

    def __init__(
        self, room: RoomPlay, controller: PresentationController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.room = room
        self.controller = controller
        self.setObjectName("room-panel")
        self.setAccessibleName("Play with the room")
        self.rows: list[tuple[QLabel, HandsBox, str]] = []
        self._round_shown: tuple[int, int] | None = None

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10) * 1.1)
        self.heading.setFont(font)
        self.heading.setAccessibleName("Room play")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Room play message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        self._build_buttons(room, controller)
        self._build_lists()

        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.stop_button)
        offer = QHBoxLayout()
        offer.addWidget(self.play_button)
        offer.addWidget(self.continue_button)
        offer.addStretch(1)
        chain_tab_order(  # the offer at the top, then (while playing) the counts, the buttons
            *(self.play_button, self.continue_button, self.confirm_button, self.next_button),
            *(self.undo_button, self.stop_button),
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(offer)
        layout.addWidget(self.options_scroll, 1)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.phones_bar = PhonesBar(room.phones, self) if room.phones is not None else None
        if self.phones_bar is not None:
            layout.addWidget(self.phones_bar)
        # Before a game the offer sits at the top, under "Next", not in the middle
        # of an empty panel (the lists take the room while playing).
        layout.addStretch(0)
        controller.changed.connect(self.refresh)
        self.refresh()

    def _build_buttons(self, room: RoomPlay, controller: PresentationController) -> None:
        self.play_button = _button("▶ Play with the room (R)", "R", "play", self)
        self.play_button.clicked.connect(room.start)
        self.continue_button = _button("Continue the saved game", "", "continue", self)
        self.continue_button.clicked.connect(room.resume_latest)
        self.confirm_button = _button("Confirm the room's choice (Enter)", "Enter", "confirm", self)
        self.confirm_button.clicked.connect(room.confirm)
        self.next_button = _button("Next ▶ (Page Down)", "Page Down", "next", self)
        self.next_button.clicked.connect(controller.next)
        self.stop_button = _button(
            "Stop playing", "Back to the scenario's slide; the game is kept", "stop", self
        )
        self.stop_button.clicked.connect(room.stop)
        self.undo_button = _button(
            "Undo the last decision (Ctrl+Z)",
            "Take back the room's last decision to correct it",
            "undo",
            self,
        )
        self.undo_button.clicked.connect(room.undo)
        undo_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo_key.activated.connect(room.undo)

    def _build_lists(self) -> None:
        """The options with a hand count each (while deciding), the decisions so far."""
        self.options_box = QWidget(self)
        self.grid = QGridLayout(self.options_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.options_scroll = QScrollArea(self)
        self.options_scroll.setWidget(self.options_box)
        self.options_scroll.setWidgetResizable(True)
        self.options_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.options_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.options_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.options_scroll.setAccessibleName("The options, with the hands counted for each")
        self.history = QLabel(self)
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history.setAccessibleName("The room's decisions so far")

    def _fill(self, options: list[Option]) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.options_box.isAncestorOf(focused):
            # A hand count about to go hands the keys back to the presentation (else
            # Qt passes the focus on to the next control: a button Space would press).
            self.window().setFocus(Qt.FocusReason.OtherFocusReason)
        clear_layout(self.grid)
        self.rows = []
        staircase = self.controller.library.staircase
        self.grid.addWidget(QLabel("<b>Option</b>", self.options_box), 0, 0, 1, 2)
        self.grid.addWidget(QLabel("<b>Hands</b>", self.options_box), 0, 2)
        for number, option in enumerate(options, start=1):
            ready = (
                "" if option.ready >= READY else f" · {readiness_label(False, option.maybe_ready)}"
            )
            label = QLabel(
                f"{number}. {option.label} ({option_suffix(option, staircase)}{ready})",
                self.options_box,
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAccessibleName(f"Option {number}: {option.label}")
            box = HandsBox(self.options_box)
            box.setAccessibleName(f"Hands for option {number}, {option.label}")
            box.setObjectName(f"hands-{number}")
            box.setProperty("option", option.id)
            box.valueChanged.connect(self._hands_changed)
            self.grid.addWidget(label, number, 0, 1, 2)
            self.grid.addWidget(box, number, 2)
            self.rows.append((label, box, option.id))
        # Made after the buttons below them: Tab reaches the counts first, top down.
        chain_tab_order(self.continue_button, *(box for _label, box, _option in self.rows))

    @Slot(int)
    def _hands_changed(self, value: int) -> None:
        box = self.sender()
        if isinstance(box, HandsBox):
            self.room.set_hands(str(box.property("option")), value if value >= 0 else None)

    @staticmethod
    def _history(session: RoomSession) -> str:
        lines = ["The room's decisions so far:"]
        for decision in session.decisions:
            label = session.scenario.tactic(decision.choice).label
            hands = hands_words(decision.hands.get(decision.choice), decision.total)
            count = f" ({hands})" if hands else ""
            lines.append(f"Round {decision.round}: {label}{count}")
        if len(lines) == 1:
            lines.append("none yet.")
        return "\n".join(lines)

    def hands_box(self, number: int) -> HandsBox:
        """The hand count of option ``number`` (1-based)."""
        return self.rows[number - 1][1]

    @Slot()
    def refresh(self) -> None:
        room = self.room
        session = room.session
        scenario = room.scenario_for_frame()
        self.setVisible(session is not None or scenario is not None)
        if session is None:
            self._round_shown = None
            self._fill([])
            self.options_scroll.hide()
            self.history.hide()
            games = room.saved_games() if scenario is not None else []
            self.heading.setText(
                "This scenario can be played by the whole room on the projector."
                if scenario is not None
                else ""
            )
            self.play_button.setVisible(scenario is not None)
            frame = self.controller.frame
            in_session = frame is not None and frame.block in room.sessions
            self.play_button.setText(
                "▶ Continue with the room (R)" if in_session else "▶ Play with the room (R)"
            )
            self.continue_button.setVisible(bool(games))
            if games:
                self.continue_button.setText(f"Continue the saved game (round {games[0][1] + 1})")
            for button in (
                self.confirm_button,
                self.next_button,
                self.stop_button,
                self.undo_button,
            ):
                button.hide()
            self.message.setText(room.message)
            self.message.setVisible(bool(room.message))
            return
        self.play_button.hide()
        self.continue_button.hide()
        self.stop_button.show()
        deciding = session.deciding
        self.heading.setText(f"{session.scenario.title} — {room.position_text()}")
        key = (id(session), session.run.round) if deciding else None
        if key != self._round_shown:
            self._fill(room.options() if deciding else [])
            self._round_shown = key
        self.options_scroll.setVisible(deciding)
        self.history.setVisible(not deciding)
        self.history.setText(self._history(session))
        for index, (label, box, option_id) in enumerate(self.rows):
            font = label.font()
            font.setBold(index == room.selected)
            label.setFont(font)
            prefix = "▶ " if index == room.selected else ""
            text = label.text().removeprefix("▶ ")
            label.setText(prefix + text)
            count = room.hands.get(option_id, -1)
            if box.value() != count:
                box.blockSignals(True)
                box.setValue(count)
                box.blockSignals(False)
        self.confirm_button.setVisible(deciding)
        self.confirm_button.setEnabled(room.selected is not None)
        self.undo_button.setVisible(bool(session.decisions))
        self.next_button.setVisible(not deciding)
        self.next_button.setText(
            "Back to the slides ▶ (Page Down)"
            if session.screen.kind == ScreenKind.END
            else "Next ▶ (Page Down)"
        )
        hint = room.message or (
            "Type the hands beside the options (optional), press the room's option number, "
            "then Enter."
            if deciding
            else ""
        )
        self.message.setText(hint)
        self.message.setVisible(bool(hint))


__all__ = ["HandsBox", "RoomPanel"]
