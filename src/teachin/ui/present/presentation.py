"""The presentation assembled: one controller, an audience window and a
presenter console, placed on the screens.

Entry point for the main window: :func:`start_presentation`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication, QScreen

from teachin.plan.deck import plan_for_module
from teachin.plan.model import Plan
from teachin.ui.present.audience_window import AudienceWindow
from teachin.ui.present.clock import Clock
from teachin.ui.present.controller import PresentationController
from teachin.ui.present.presenter_console import PresenterConsole
from teachin.ui.present.room_play import RoomSetup
from teachin.workshop.library import Library
from teachin.workshop.module import Module
from teachin.workshop.themes import HIGH_CONTRAST, Theme


def choose_audience_screen(
    screens: Sequence[QScreen], console: QScreen | None = None
) -> QScreen | None:
    """The projector: the first screen that is not the console's (the laptop's), else the only one."""
    if not screens:
        return None
    console = console if console is not None else screens[0]
    for screen in screens:
        if screen is not console:
            return screen
    return screens[0]


class Presentation(QObject):
    """The two windows and their controller; keep a reference while it runs."""

    finished = Signal()

    def __init__(
        self,
        controller: PresentationController,
        audience_screen: QScreen | None,
        console_screen: QScreen | None,
        screens: Sequence[QScreen] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.audience = AudienceWindow(controller)
        self.console = PresenterConsole(controller)
        self.audience_screen = audience_screen
        self.console_screen = console_screen
        self.screens = list(screens)
        controller.finished.connect(self.close)
        controller.screenSwitchRequested.connect(self.switch_screen)

    def move_audience_to(self, screen: QScreen) -> None:
        """Puts the audience window full screen on ``screen`` (the facilitator's choice)."""
        self.audience_screen = screen
        was_full = self.audience.isFullScreen()
        if was_full:
            self.audience.showNormal()
        self.audience.place_on(screen)
        self.audience.showFullScreen()

    @Slot()
    def switch_screen(self) -> None:
        """The audience window to the next screen, round the list (S, or the console's button)."""
        if len(self.screens) < 2:
            return
        current = (
            self.screens.index(self.audience_screen) if self.audience_screen in self.screens else -1
        )
        self.move_audience_to(self.screens[(current + 1) % len(self.screens)])

    def show(self, full_screen: bool = True) -> None:
        two_screens = (
            self.audience_screen is not None and self.audience_screen is not self.console_screen
        )
        if self.console_screen is not None:
            self.console.place_on(self.console_screen)
        self.console.show()
        if self.audience_screen is not None:
            self.audience.place_on(self.audience_screen)
        if full_screen:
            self.audience.showFullScreen()
        else:
            self.audience.show()
        # One screen: the audience window, shown last, covers the console (F shrinks it).
        # Two screens: the keyboard goes to the console on the laptop.
        (self.console if two_screens else self.audience).activateWindow()

    @Slot()
    def close(self) -> None:
        """Ends the presentation: both windows close and ``finished`` is emitted."""
        self.audience.close()
        self.console.close()
        self.finished.emit()


def start_presentation(
    library: Library,
    plan_or_module: Plan | Module,
    screens: Sequence[QScreen] | None = None,
    audience_screen: QScreen | None = None,
    clock: Clock | None = None,
    scenarios: Mapping[str, tuple[str, str]] | None = None,
    theme: Theme = HIGH_CONTRAST,
    full_screen: bool = True,
    room: RoomSetup | None = None,
) -> Presentation:
    """Opens the audience window (full screen on the projector) and the presenter console.

    ``screens``: the screens to choose from (default: all of them; the first is
    the laptop's). ``audience_screen``: the facilitator's own choice.
    ``scenarios``: id -> (title, summary), for plans with scenario blocks
    (see :meth:`teachin.catalog.Catalog.scenario_summaries`). ``room``: lets the whole room play a plan's
    scenarios on the projector (see :class:`teachin.ui.present.room_play.RoomSetup`).
    Keep the returned object while it runs;
    its ``finished`` signal says the facilitator ended the presentation.
    """
    plan = plan_or_module if isinstance(plan_or_module, Plan) else plan_for_module(plan_or_module)
    screens = list(screens) if screens is not None else QGuiApplication.screens()
    console_screen = screens[0] if screens else None
    chosen = audience_screen or choose_audience_screen(screens, console_screen)
    controller = PresentationController(plan, library, clock, scenarios, theme, room=room)
    presentation = Presentation(controller, chosen, console_screen, screens)
    controller.setParent(presentation)
    presentation.show(full_screen)
    return presentation
