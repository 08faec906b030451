"""A clock the tests move by hand, a presentation opened on both windows, and the
console's keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from teachin.ui.present.audience_window import AudienceWindow
from teachin.ui.present.controller import PresentationController
from teachin.ui.present.presenter_console import PresenterConsole


class FakeClock:
    def __init__(self, start: datetime = datetime(2026, 3, 5, 18, 30)) -> None:
        self.seconds = 1000.0
        self.start = start

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds - 1000.0)

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.seconds += minutes * 60 + seconds


@dataclass
class Shown:
    controller: PresentationController
    audience: AudienceWindow
    console: PresenterConsole
    clock: FakeClock


def open_presentation(qtbot, plan, library, size=(1280, 720), scenarios=None, room=None) -> Shown:
    """``plan`` presented on both windows (``room``: a RoomSetup for room play)."""
    clock = FakeClock()
    controller = PresentationController(plan, library, clock, scenarios, room=room)
    audience = AudienceWindow(controller)
    console = PresenterConsole(controller)
    for window in (audience, console):
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
    qtbot.waitExposed(audience)
    return Shown(controller, audience, console, clock)


def console_keys(console: PresenterConsole) -> tuple[str, ...]:
    """The console's buttons are its keys (KEY_HELP, pressed in test_present_keys):
    they take no focus, so the clicker's keys always reach the presentation. The
    plan's blocks are reached by G and a slide number."""
    return (*(b.accessibleName() for b in console.buttons.values()), "Plan blocks")
