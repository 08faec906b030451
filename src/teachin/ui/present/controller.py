"""The presentation's controller: where the presentation is (frame, staircase
steps shown, blanking, text size) and the timers. Both windows only draw it and
pass every key and click back here, so the clicker works whichever window has
focus. The windows are assembled in :mod:`teachin.ui.present.presentation`."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent

from teachin.plan.deck import Frame, Navigator, build_deck, frame_html, frame_notes_html
from teachin.plan.model import Plan, clock_text
from teachin.plan.timing import PlanTimer, Times
from teachin.ui.present.clock import Clock, SystemClock
from teachin.ui.present.room_play import RoomPlay, RoomSetup
from teachin.workshop.library import Library
from teachin.workshop.themes import HIGH_CONTRAST, Theme

Key = Qt.Key
BLACK = "black"
WHITE = "white"
ZOOM_STEP = 1.1
ZOOM_MIN = 0.5
ZOOM_MAX = 2.5

FORWARD_KEYS = {
    Key.Key_Right,
    Key.Key_Space,
    Key.Key_PageDown,
    Key.Key_N,
    Key.Key_Return,
    Key.Key_Enter,
}
BACK_KEYS = {Key.Key_Left, Key.Key_PageUp, Key.Key_P, Key.Key_Backspace}
DIGIT_KEYS = {getattr(Key, f"Key_{n}"): str(n) for n in range(10)}

KEY_HELP = (
    ("Right, Space, Page Down, click", "next slide or staircase step"),
    ("Left, Page Up, right-click", "previous"),
    ("Home / End", "first / last slide"),
    ("B / W", "black / white screen (again to show)"),
    ("G, a number, Enter", "go to that slide"),
    ("+ / −", "larger / smaller text"),
    ("F", "audience window full screen or not"),
    ("S", "audience window to the next screen"),
    ("R", "play a scenario with the room; then its number and Enter: the room's choice"),
    ("Ctrl+Z", "take back the room's last choice"),
    ("J / V", "phones join the room's vote / close the phones' vote"),
    ("Escape", "end the presentation"),
)


class PresentationController(QObject):
    """Where the presentation is, and what every key and click does to it."""

    changed = Signal()
    """The frame, staircase step, blanking, text size or go-to prompt changed."""
    fullScreenToggled = Signal()
    screenSwitchRequested = Signal()
    """Move the audience window to the next screen (S)."""
    finished = Signal()
    notesScrolled = Signal(int)
    """+1 / -1: scroll the console's notes down or up (Down / Up keys)."""

    def __init__(
        self,
        plan: Plan,
        library: Library,
        clock: Clock | None = None,
        scenarios: Mapping[str, tuple[str, str]] | None = None,
        theme: Theme = HIGH_CONTRAST,
        parent: QObject | None = None,
        room: RoomSetup | None = None,
    ) -> None:
        """``scenarios``: id -> (title, summary) of the scenarios a plan may name.
        ``room``: the scenarios the room can play together on the projector (see
        :class:`teachin.ui.present.room_play.RoomSetup`); None: no room play."""
        super().__init__(parent)
        self.plan = plan
        self.library = library
        self.clock: Clock = clock or SystemClock()
        self.theme = theme
        self._scenarios = dict(scenarios or {})
        self.titles = {k: v[0] for k, v in self._scenarios.items()}
        self.titles.update({module.id: module.title for module in library.modules.values()})
        self.frames: list[Frame] = build_deck(plan, library, self.titles)
        self.navigator = Navigator(self.frames)
        self.timer = PlanTimer(plan, self.clock.monotonic())
        self.blank = ""
        self.zoom = 1.0
        self.goto_text: str | None = None
        """Digits typed after G (or straight away), waiting for Enter; None when not going anywhere."""
        self.running = True
        self.room: RoomPlay | None = None
        if room is not None:
            self.room = RoomPlay(self, room)
            self.room.changed.connect(self.changed)
            if self.room.phones is not None:
                self.finished.connect(self.room.phones.turn_off)  # phones never outlive the session

    @property
    def room_playing(self) -> bool:
        return self.room is not None and self.room.active

    # -- what is shown ----------------------------------------------------------

    @property
    def frame(self) -> Frame | None:
        return self.navigator.current

    @property
    def index(self) -> int:
        return self.navigator.position.frame

    @property
    def revealed(self) -> int | None:
        frame = self.frame
        return self.navigator.position.revealed if frame is not None and frame.steps else None

    @property
    def count(self) -> int:
        return len(self.frames)

    def html(self, frame: Frame | None = None) -> str:
        if frame is None and self.room is not None and self.room.active:
            return self.room.html()
        frame = frame or self.frame
        if frame is None:
            return '<h1 class="frame-title">This plan has no blocks yet</h1>'
        summary = self._scenarios.get(self.plan.blocks[frame.block].ref, ("", ""))[1]
        return frame_html(frame, self.plan, self.block_end_clock(frame.block), summary)

    def notes_html(self) -> str:
        if self.room is not None and self.room.active:
            return self.room.notes_html()
        frame = self.frame
        if frame is None:
            return ""
        room = self.room is not None and self.room.scenario_for_frame() is not None
        return frame_notes_html(frame, self.plan, room)

    def staircase_for(self, frame: Frame | None):
        # Room play draws the group's climb on its consequence screens.
        shown = frame is not None and (frame.steps or self.room_playing)
        return self.library.staircase if shown else None

    def block_end_clock(self, block: int) -> str | None:
        """When the block will end at this pace: now plus what is left of it (at least now)."""
        if block != self.timer.block:
            return None
        remaining = max(0.0, self.block_times().remaining)
        now = self.clock.now()
        minutes = now.hour * 60 + now.minute + (now.second + remaining + 59) // 60
        return clock_text(int(minutes))

    def block_times(self) -> Times:
        return self.timer.block_times(self.clock.monotonic())

    def plan_times(self) -> Times:
        return self.timer.plan_times(self.clock.monotonic())

    def schedule_drift(self) -> float:
        return self.timer.schedule_drift(self.clock.monotonic())

    # -- actions ------------------------------------------------------------------

    def _moved(self, moved: bool) -> bool:
        if moved:
            if self.room is not None:
                self.room.frame_changed()
            frame = self.frame
            if frame is not None:
                self.timer.enter(frame.block, self.clock.monotonic())
            self.changed.emit()
        return moved

    @Slot()
    def next(self) -> bool:
        if self.room is not None and self.room.active and self.room.forward():
            return True
        return self._moved(self.navigator.forward())

    @Slot()
    def previous(self) -> bool:
        if self.room is not None and self.room.active:
            return self.room.back()
        return self._moved(self.navigator.back())

    @Slot()
    def first(self) -> bool:
        return self._moved(self.navigator.first())

    @Slot()
    def last(self) -> bool:
        return self._moved(self.navigator.last())

    def go_to(self, number: int) -> bool:
        """To slide ``number`` (1-based, counted over the whole plan)."""
        return self._moved(self.navigator.go_to(number - 1))

    def go_to_block(self, block: int) -> bool:
        index = self.navigator.first_frame_of_block(block)
        return index is not None and self._moved(self.navigator.go_to(index))

    def set_blank(self, mode: str) -> None:
        """Blank the audience screen to ``"black"`` or ``"white"``; the same again (or ``""``) shows it."""
        self.blank = "" if mode == self.blank else mode
        self.changed.emit()

    @Slot()
    def toggle_black(self) -> None:
        self.set_blank(BLACK)

    @Slot()
    def toggle_white(self) -> None:
        self.set_blank(WHITE)

    @Slot()
    def zoom_in(self) -> None:
        self._set_zoom(self.zoom * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._set_zoom(self.zoom / ZOOM_STEP)

    def _set_zoom(self, zoom: float) -> None:
        zoom = round(max(ZOOM_MIN, min(ZOOM_MAX, zoom)), 3)
        if zoom != self.zoom:
            self.zoom = zoom
            self.changed.emit()

    @Slot()
    def start_go_to(self) -> None:
        self.goto_text = ""
        self.changed.emit()

    @Slot()
    def toggle_full_screen(self) -> None:
        self.fullScreenToggled.emit()

    @Slot()
    def switch_screen(self) -> None:
        self.screenSwitchRequested.emit()

    @Slot()
    def leave(self) -> None:
        if self.running:
            self.running = False
            self.finished.emit()

    # -- keys -----------------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> bool:
        """Does what a key asks; False for keys the presentation does not use."""
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        ):
            if key == Key.Key_0 and modifiers & Qt.KeyboardModifier.ControlModifier:
                self._set_zoom(1.0)
                return True
            return False
        if self.goto_text is not None and self._handle_go_to_key(key):
            return True
        if self.room is not None and self.room.handle_key(key):
            return True
        if key in DIGIT_KEYS:
            self.goto_text = DIGIT_KEYS[key]
            self.changed.emit()
            return True
        actions: dict[int, Callable[[], object]] = {
            Key.Key_Home: self.first,
            Key.Key_End: self.last,
            Key.Key_B: self.toggle_black,
            Key.Key_Period: self.toggle_black,
            Key.Key_W: self.toggle_white,
            Key.Key_Comma: self.toggle_white,
            Key.Key_F: self.toggle_full_screen,
            Key.Key_F5: self.toggle_full_screen,
            Key.Key_S: self.switch_screen,
            Key.Key_Escape: self.leave,
            Key.Key_Plus: self.zoom_in,
            Key.Key_Equal: self.zoom_in,
            Key.Key_Minus: self.zoom_out,
            Key.Key_Underscore: self.zoom_out,
            Key.Key_G: self.start_go_to,
        }
        if key in FORWARD_KEYS:
            self.next()
        elif key in BACK_KEYS:
            self.previous()
        elif key == Key.Key_Down:
            self.notesScrolled.emit(1)
        elif key == Key.Key_Up:
            self.notesScrolled.emit(-1)
        elif key in actions:
            actions[key]()
        else:
            return False
        return True

    def _handle_go_to_key(self, key: int) -> bool:
        if key in DIGIT_KEYS:
            self.goto_text = (self.goto_text or "") + DIGIT_KEYS[key]
        elif key == Key.Key_Backspace:
            self.goto_text = (self.goto_text or "")[:-1]
        elif key in (Key.Key_Return, Key.Key_Enter):
            text, self.goto_text = self.goto_text, None
            if (text and not self.go_to(int(text))) or not text:
                self.changed.emit()
        elif key == Key.Key_Escape:
            self.goto_text = None
        else:
            return False
        self.changed.emit()
        return True
