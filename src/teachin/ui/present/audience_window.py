"""The audience window: the current slide, full screen on the projector, or a black or white screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QScreen
from PySide6.QtWidgets import QHBoxLayout, QStackedLayout, QWidget

from teachin.ui.phones.join_panel import JoinPanel
from teachin.ui.present.controller import BLACK, PresentationController
from teachin.ui.present.slide_view import SlideView
from teachin.ui.present.window import PresentationWindow

_BLANK_COLOURS = {BLACK: "#000000", "white": "#ffffff"}


class AudienceWindow(PresentationWindow):
    """What the room sees. Keys and clicks go to the controller."""

    def __init__(self, controller: PresentationController, parent: QWidget | None = None) -> None:
        super().__init__(controller, "Audience screen", "audience screen", parent)
        self.setAccessibleDescription("The current slide as the room sees it")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setMinimumSize(320, 180)
        self.slide = SlideView("Audience slide", "The current slide, large", self)
        self.slide.clicked.connect(self.step)
        self.blank_screen = QWidget(self)
        self.blank_screen.setObjectName("audience-blank")
        self.blank_screen.setAccessibleName("Blank screen")
        self.blank_screen.setAutoFillBackground(True)
        # The slide, and beside it, while phones are on, how to join and the tally.
        self.page = QWidget(self)
        self.join_panel = JoinPanel(self.page)
        self.join_panel.hide()
        row = QHBoxLayout(self.page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.slide, 72)
        row.addWidget(self.join_panel, 28)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.page)
        self._stack.addWidget(self.blank_screen)
        self.resize(960, 540)
        controller.changed.connect(self.refresh)
        room = controller.room
        if room is not None and room.phones is not None:
            room.phones.changed.connect(self.refresh_phones)
            room.handsChanged.connect(self.refresh_phones)
        controller.fullScreenToggled.connect(self.toggle_full_screen)
        self.refresh()

    @property
    def blanked(self) -> str:
        return self.controller.blank

    def place_on(self, screen: QScreen) -> None:
        """Moves the window onto ``screen`` (before showing it full screen there)."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    @Slot()
    def refresh(self) -> None:
        controller = self.controller
        if controller.blank:
            palette = self.blank_screen.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(_BLANK_COLOURS[controller.blank]))
            self.blank_screen.setPalette(palette)
            self.blank_screen.setAccessibleDescription(f"The audience screen is {controller.blank}")
            self._stack.setCurrentWidget(self.blank_screen)
            return
        frame = controller.frame
        self.refresh_phones()
        self._stack.setCurrentWidget(self.page)  # first, so the slide is laid out at its real size
        self.slide.show_slide(
            controller.html(),
            controller.theme,
            controller.zoom,
            controller.staircase_for(frame),
            controller.revealed,
        )

    @Slot()
    def refresh_phones(self) -> None:
        """The phones panel: shown while phones are on and the room plays (or is about
        to), with the join address and the tally."""
        room = self.controller.room
        phones = room.phones if room is not None else None
        on_the_game = room is not None and (room.active or room.scenario_for_frame() is not None)
        if phones is None or not phones.on or not on_the_game:
            self.join_panel.hide()  # the other slides keep the whole screen; phones wait
            return
        panel = self.join_panel
        panel.apply_theme(self.controller.theme)
        panel.show_join(phones.link.url, phones.link.code)
        panel.show_devices(phones.link.devices)
        panel.show_tally(phones.tally_rows(), phones.vote_open)
        panel.show()

    @Slot()
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            self.step(event.button() == Qt.MouseButton.LeftButton)
