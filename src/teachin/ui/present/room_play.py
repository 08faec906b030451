"""Playing a scenario with the whole room, inside a presentation.

On a plan's scenario frame the facilitator presses R (or the console's "Play
with the room"): the audience screen shows the setting, then each round's
situation and choices; the room talks it over; the facilitator types the hands
counted for each option (optional) and picks the room's choice with its number,
then Enter. The consequences show on the audience screen, the explanation and
what to ask the room in the console's notes. Page Down moves on, Page Up looks
back; the game is saved after every decision (a crash loses nothing).

- :class:`RoomSetup`: what a presentation needs to offer
  room play (the scenarios, the folder for saved games).
- :class:`RoomPlay`: the state and the keys, owned by the PresentationController.
- :class:`~teachin.ui.present.room_panel.RoomPanel`: the console's panel
  (options, hand counts, buttons).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from teachin.debrief.room_screens import notes_html, screen_html
from teachin.plan.deck import Frame
from teachin.plan.model import BlockKind, Plan
from teachin.runs.room import MAX_HANDS, RoomSession, RoomStore, ScreenKind
from teachin.runs.runfile import RunFileError
from teachin.scenario.model import Scenario
from teachin.scenario.outcome import Option
from teachin.ui.phones.room_phones import PhonesSetup, RoomPhones
from teachin.ui.present.clock import Clock
from teachin.workshop.library import Library
from teachin.workshop.themes import Theme

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
    phones: PhonesSetup | None = None
    """How phones join and vote (None: hands only)."""


class PresentationHost(Protocol):
    """What room play reads from the presentation it runs in (the controller),
    and the one thing it asks of it: to move on."""

    plan: Plan
    library: Library
    theme: Theme
    clock: Clock

    @property
    def frame(self) -> Frame | None: ...

    def next(self) -> bool: ...


class RoomPlay(QObject):
    """Room play for one presentation: a game per scenario block, the one on screen,
    the option being picked and the hands typed for the round being played."""

    changed = Signal()
    handsChanged = Signal()
    """A hand count was typed (the projector's tally follows; the slide stays as it is)."""

    def __init__(self, controller: PresentationHost, setup: RoomSetup) -> None:
        super().__init__(controller)  # type: ignore[arg-type]  # the controller is a QObject
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
        self.phones = RoomPhones(self, setup.phones, self) if setup.phones is not None else None

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
        return screen_html(session, session.screen, library.staircase)

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
        self.handsChanged.emit()

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
        phones = self.phones.votes() if self.phones is not None else None
        try:
            session.decide(choice, self.hands, phones)
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
        if self.phones is not None:
            self.message += self.phones.after_undo(decision)
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
        if self.phones is not None and self.phones.handle_key(key):
            return True
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
