"""Playing a scenario with the whole room, inside a presentation.

On a plan's scenario frame the facilitator presses R (or the console's "Play
with the room"): the audience screen shows the setting, then each round's
situation and choices; the room talks it over; the facilitator types the hands
counted for each option (optional) and picks the room's choice with its number,
then Enter. The consequences show on the audience screen, the explanation and
what to ask the room in the console's notes. Page Down moves on, Page Up looks
back; the game is saved after every decision (a crash loses nothing).

- :class:`RoomSetup` / :func:`room_setup`: what a presentation needs to offer
  room play (the scenarios, the folder for saved games).
- :class:`RoomPlay`: the state and the keys, owned by the PresentationController.
- :class:`RoomPanel`: the console's panel (options, hand counts, buttons).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
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

from teachin.debrief.room_screens import notes_html, option_suffix, screen_html
from teachin.debrief.words import hands_words
from teachin.plan.model import BlockKind
from teachin.runs.room import MAX_HANDS, RoomSession, RoomStore, Screen, ScreenKind
from teachin.runs.runfile import RunFileError
from teachin.scenario.engine import READY
from teachin.scenario.model import Scenario
from teachin.scenario.outcome import Option
from teachin.ui.layouts import clear_layout

if TYPE_CHECKING:
    from teachin.ui.present.presentation import PresentationController

Key = Qt.Key
DIGITS = {getattr(Key, f"Key_{n}"): n for n in range(10)}
DIGIT_PAUSE = 1.5
"""Seconds after which a typed digit starts a new option number (1, then 2 quickly: 12)."""
COUNT_SAVE_DELAY_MS = 500
"""Hands typed are saved with the game this long after the last keystroke."""


@dataclass
class RoomSetup:
    """What room play needs: the installed scenarios and where games are saved."""

    scenarios: Mapping[str, Scenario]
    runs_dir: Path
    seed: int | None = None
    """A fixed seed for every new game (None: a random one, recorded in the file)."""


def room_setup(folders: Sequence[Path], runs_dir: Path | None = None) -> RoomSetup:
    """Room play over the content folders' scenarios; games saved in ``runs_dir``
    (default ``app_data_dir()/room-runs``)."""
    from teachin.scenario.loader import load_scenarios

    scenarios, _problems = load_scenarios(list(folders))
    if runs_dir is None:
        from teachin.ui.userdirs import app_data_dir

        runs_dir = app_data_dir() / "room-runs"
    return RoomSetup(scenarios, Path(runs_dir))


class RoomPlay(QObject):
    """Room play for one presentation: a game per scenario block, the one on screen,
    the option being picked and the hands typed for the round being played."""

    changed = Signal()

    def __init__(self, controller: PresentationController, setup: RoomSetup) -> None:
        super().__init__(controller)
        self.controller = controller
        self.setup = setup
        self.store = RoomStore(setup.runs_dir)
        self.sessions: dict[int, RoomSession] = {}
        self.block: int | None = None
        """The plan block being played with the room; None when not playing."""
        self.selected: int | None = None
        """0-based index of the option picked for the round being played."""
        self.hands: dict[str, int] = {}
        self.message = ""
        """A line for the facilitator (what a key did, or why it did nothing)."""
        self._typed = ""
        self._typed_at = 0.0
        self._save_counts = QTimer(self)
        self._save_counts.setSingleShot(True)
        self._save_counts.setInterval(COUNT_SAVE_DELAY_MS)
        self._save_counts.timeout.connect(self._save_current)

    # -- what is on screen --------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.block is not None

    @property
    def session(self) -> RoomSession | None:
        return self.sessions.get(self.block) if self.block is not None else None

    def scenario_for_frame(self) -> Scenario | None:
        """The scenario of the current frame, if it can be played with the room."""
        frame = self.controller.frame
        if frame is None or frame.kind != BlockKind.SCENARIO:
            return None
        return self.setup.scenarios.get(self.controller.plan.blocks[frame.block].ref)

    def saved_games(self) -> list[tuple[Path, int]]:
        """Unfinished saved games of the current frame's scenario (for "Continue")."""
        scenario = self.scenario_for_frame()
        if scenario is None or self.controller.frame is None:
            return []
        if self.controller.frame.block in self.sessions:
            return []
        return self.store.unfinished(scenario.id)

    def options(self) -> list[Option]:
        session = self.session
        return session.options() if session is not None and session.deciding else []

    def html(self) -> str:
        session = self.session
        assert session is not None
        library = self.controller.library
        return screen_html(session, session.screen, library.staircase, self.controller.theme)

    def notes_html(self) -> str:
        session = self.session
        assert session is not None
        return notes_html(session, session.screen, self.controller.library)

    def position_text(self) -> str:
        session = self.session
        if session is None:
            return ""
        screen = session.screen
        rounds = len(session.scenario.rounds)
        where = {
            ScreenKind.SETTING: "the setting",
            ScreenKind.SITUATION: f"round {screen.round} of {rounds}, the choices",
            ScreenKind.CONSEQUENCE: f"round {screen.round} of {rounds}, what happened",
            ScreenKind.END: "the end",
        }[screen.kind]
        return f"Playing with the room: {where}"

    # -- starting and leaving -----------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Play the current frame's scenario with the room (continue this presentation's game)."""
        scenario = self.scenario_for_frame()
        frame = self.controller.frame
        if scenario is None or frame is None:
            self._say("This block has no scenario installed to play with the room.")
            return False
        if frame.block not in self.sessions:
            path = self.store.new_path(scenario.id)
            self.sessions[frame.block] = RoomSession.start(scenario, path, self.setup.seed)
            self._save(self.sessions[frame.block])
        self.block = frame.block
        self._reset_pick()
        session = self.sessions[frame.block]
        self.hands = dict(session.counting)  # counted before a stop or a crash
        if not self.message.startswith("The game could not be saved"):
            self.message = ""
        self._changed()
        return True

    def resume(self, path: Path) -> bool:
        """Continue a saved game (after a crash, or another day) on the current frame."""
        frame = self.controller.frame
        if frame is None or self.scenario_for_frame() is None:
            return False
        try:
            session = RoomSession.open(path, dict(self.setup.scenarios))
        except RunFileError as exc:
            self._say(f"Cannot continue that game: {exc}")
            return False
        self.sessions[frame.block] = session
        return self.start()

    @Slot()
    def resume_latest(self) -> bool:
        games = self.saved_games()
        return bool(games) and self.resume(games[0][0])

    @Slot()
    def stop(self) -> None:
        """Back to the scenario's frame; the game is kept (R continues it)."""
        if self.block is not None:
            self.block = None
            self._reset_pick()
            self.message = ""
            self._changed()

    def frame_changed(self) -> None:
        """The presentation moved to another frame: room play stops showing."""
        frame = self.controller.frame
        if self.block is not None and (frame is None or frame.block != self.block):
            self.block = None
            self._reset_pick()

    # -- moving --------------------------------------------------------------------------
    def forward(self) -> bool:
        """Page Down: the next screen. On the round being played it waits for the
        room's decision; after the end it hands back to the presentation (False)."""
        session = self.session
        assert session is not None
        if session.deciding:
            if self.selected is not None:
                return self.confirm()
            self._say("First the room's choice: press its number, then Enter.")
            return True
        if session.forward():
            self._reset_pick()
            self.message = ""
            self._changed()
            return True
        self.stop()
        return False

    def back(self) -> bool:
        """Page Up: the screen before; before the setting, back to the scenario's frame."""
        session = self.session
        assert session is not None
        if session.back():
            self.message = ""
            self._changed()
            return True
        self.stop()
        return True

    # -- deciding ------------------------------------------------------------------------
    def select(self, index: int | None) -> None:
        """Pick option ``index`` (0-based) as the room's choice (Enter confirms)."""
        options = self.options()
        if index is not None and not 0 <= index < len(options):
            return
        self.selected = index
        if index is None:
            self.message = ""
        else:
            option = options[index]
            self.message = f"Picked {index + 1}. {option.label}: Enter confirms."
        self._changed()

    def set_hands(self, option_id: str, count: int | None) -> None:
        """The hands counted for an option (None or a negative number: not counted).
        Saved with the game a moment after the last change."""
        if count is None or count < 0:
            self.hands.pop(option_id, None)
        else:
            self.hands[option_id] = min(int(count), MAX_HANDS)
        session = self.session
        if session is not None and session.deciding:
            session.count(self.hands)
            self._save_counts.start()

    @Slot()
    def _save_current(self) -> None:
        session = self.session
        if session is not None:
            self._save(session)

    @Slot()
    def confirm(self) -> bool:
        """Enter: play the picked option for the room, keep the hands, save, show what happened."""
        session = self.session
        if session is None or not session.deciding:
            return False
        options = self.options()
        if self.selected is None or not 0 <= self.selected < len(options):
            self._say("Pick the room's choice first: press its number (1, 2, …).")
            return True
        choice = options[self.selected].id
        try:
            session.decide(choice, self.hands)
        except ValueError as exc:
            self._say(f"Cannot play that: {exc}")
            return True
        self._reset_pick()
        self._save_counts.stop()
        self.message = ""
        self._save(session)
        self._changed()
        return True

    @Slot()
    def undo(self) -> bool:
        """Ctrl+Z: takes back the room's last decision and shows that round's choices
        again, with the decision picked and its hands filled in, ready to correct."""
        session = self.session
        if session is None:
            return False
        decision = session.undo()
        if decision is None:
            self._say("No decision to take back yet.")
            return True
        options = self.options()
        self._reset_pick()
        self.hands = dict(session.counting)  # the undone decision's hands
        self.selected = next(
            (index for index, option in enumerate(options) if option.id == decision.choice), None
        )
        label = session.scenario.tactic(decision.choice).label
        self.message = (
            f"Round {decision.round}'s decision ({label}) taken back: correct the hands "
            "or pick another option, then Enter."
        )
        self._save(session)
        self._changed()
        return True

    def _save(self, session: RoomSession) -> None:
        try:
            session.save()
        except OSError as exc:
            self.message = (
                f"The game could not be saved to {session.path}: {exc.strerror or exc}. "
                "Play goes on; check the disk."
            )

    # -- keys ----------------------------------------------------------------------------
    def handle_key(self, key: int) -> bool:
        """The keys room play takes before the presentation's own; False for the others."""
        if not self.active:
            if key == Key.Key_R and self.scenario_for_frame() is not None:
                return self.start()
            return False
        session = self.session
        assert session is not None
        if key in DIGITS:
            if not session.deciding:
                self._say("Numbers pick the room's choice on the round being played.")
                return True
            self._type_digit(DIGITS[key])
            return True
        if key in (Key.Key_Return, Key.Key_Enter):
            if session.deciding:
                return self.confirm()
            self.controller.next()
            return True
        if key == Key.Key_Escape and (self.selected is not None or self._typed):
            self.select(None)
            self._typed = ""
            return True
        return False

    def _type_digit(self, digit: int) -> None:
        now = self.controller.clock.monotonic()
        count = len(self.options())
        typed = self._typed + str(digit) if now - self._typed_at <= DIGIT_PAUSE else str(digit)
        if not typed.lstrip("0") or int(typed) > count:
            typed = str(digit)
        self._typed, self._typed_at = typed, now
        number = int(typed)
        if 1 <= number <= count:
            self.select(number - 1)
        else:
            self._typed = ""
            self._say(f"There is no option {number}: the options are 1 to {count}.")

    def _reset_pick(self) -> None:
        self.selected = None
        self.hands = {}
        self._typed = ""

    def _say(self, text: str) -> None:
        self.message = text
        self._changed()

    def _changed(self) -> None:
        self.changed.emit()


# -- the console's panel -----------------------------------------------------------------


class HandsBox(QSpinBox):
    """A hand count. The clicker's keys and Escape go on to the presentation."""

    PASS_ON = frozenset({Key.Key_PageDown, Key.Key_PageUp, Key.Key_Escape, Key.Key_Space})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, MAX_HANDS)
        self.setSpecialValueText("–")
        self.setValue(-1)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
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
    button = QPushButton(text, parent)
    button.setObjectName(f"room-{name}")
    button.setAccessibleName(text)
    button.setToolTip(tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class RoomPanel(QWidget):
    """The console's room-play panel: an offer on a scenario frame, then, while
    playing, the options with their numbers and a hand count each, and the buttons."""

    def __init__(self, room: RoomPlay, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.setObjectName("room-panel")
        self.setAccessibleName("Play with the room")
        self.rows: list[tuple[QLabel, HandsBox, str]] = []
        self._round_shown: tuple[int, int] | None = None

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10) * 1.1)
        self.heading.setFont(font)
        self.heading.setAccessibleName("Room play")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Room play message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        self.play_button = _button("▶ Play with the room (R)", "R", "play", self)
        self.play_button.clicked.connect(room.start)
        self.continue_button = _button("Continue the saved game", "", "continue", self)
        self.continue_button.clicked.connect(room.resume_latest)
        self.confirm_button = _button("Confirm the room's choice (Enter)", "Enter", "confirm", self)
        self.confirm_button.clicked.connect(room.confirm)
        self.next_button = _button("Next ▶ (Page Down)", "Page Down", "next", self)
        self.next_button.clicked.connect(room.controller.next)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(offer)
        layout.addWidget(self.options_scroll, 1)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        room.controller.changed.connect(self.refresh)
        self.refresh()

    def _fill(self, options: list[Option]) -> None:
        clear_layout(self.grid)
        self.rows = []
        staircase = self.room.controller.library.staircase
        self.grid.addWidget(QLabel("<b>Option</b>", self.options_box), 0, 0, 1, 2)
        self.grid.addWidget(QLabel("<b>Hands</b>", self.options_box), 0, 2)
        for number, option in enumerate(options, start=1):
            ready = "" if option.ready >= READY else " · not ready"
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
        playing = session is not None
        scenario = room.scenario_for_frame()
        self.setVisible(playing or scenario is not None)
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
            in_session = (
                room.controller.frame is not None and room.controller.frame.block in room.sessions
            )
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


__all__ = ["HandsBox", "RoomPanel", "RoomPlay", "RoomSetup", "Screen", "room_setup"]
