"""The presenter console on the laptop: now and next, the notes, the timers and the clock."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QColor, QFont, QPalette, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from teachin.plan.model import KIND_LABELS, Block, BlockKind, clock_text
from teachin.plan.timing import Times, timer_text
from teachin.ui.present.controller import KEY_HELP, PresentationController
from teachin.ui.present.room_panel import RoomPanel
from teachin.ui.present.slide_view import SlideView
from teachin.ui.present.window import PresentationWindow
from teachin.workshop.render import BASE_POINT_SIZE, Style
from teachin.workshop.themes import LIGHT

OVER_STYLE = "background-color: #a8322d; color: #ffffff; padding: 4px 8px; border-radius: 4px;"
SOON_STYLE = "background-color: #ffe28a; color: #1d1f21; padding: 4px 8px; border-radius: 4px;"
OK_STYLE = "padding: 4px 8px;"
BLANK_STYLE = "background-color: #1d1f21; color: #ffe28a; padding: 4px 8px; font-weight: bold;"
SOON_SECONDS = 120
_NOTES_STEP = 60
NOTES_ZOOM = 1.0


def _font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * scale)
    font.setBold(bold)
    return font


def _label(
    text: str, name: str, scale: float = 1.0, bold: bool = False, parent: QWidget | None = None
) -> QLabel:
    label = QLabel(text, parent)
    label.setAccessibleName(name)
    label.setFont(_font(label, scale, bold))
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _notes_browser(parent: QWidget) -> QTextBrowser:
    """The facilitator's notes: always light, whatever the audience screen's theme."""
    notes = QTextBrowser(parent)
    notes.setObjectName("presenter-notes")
    notes.setAccessibleName("Facilitator notes")
    notes.setAccessibleDescription(
        "Notes, activity and handout for the current slide; Up and Down scroll"
    )
    notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    notes.setOpenLinks(False)
    notes.document().setDefaultStyleSheet(Style(LIGHT, NOTES_ZOOM).css())
    notes_font = QFont(notes.document().defaultFont())
    notes_font.setPointSizeF(BASE_POINT_SIZE * NOTES_ZOOM)
    notes.document().setDefaultFont(notes_font)
    palette = notes.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor(LIGHT.background))
    palette.setColor(QPalette.ColorRole.Text, QColor(LIGHT.text))
    notes.setPalette(palette)
    return notes


def block_label(block: Block, titles: Mapping[str, str]) -> str:
    """``Module: Solidarity``; just ``Break`` or ``Introductions`` when the title says it all."""
    kind = KIND_LABELS[block.kind]
    title = block.display_title(titles)
    plain = block.kind == BlockKind.FREE or title.casefold() == kind.casefold()
    return title if plain else f"{kind}: {title}"


def times_text(times: Times) -> tuple[str, str]:
    """Words and a style for a timer: the text cue never rests on colour alone."""
    elapsed = timer_text(times.elapsed)
    if times.over:
        return f"{elapsed} elapsed · OVER by {timer_text(-times.remaining)}", OVER_STYLE
    left = f"{elapsed} elapsed · {timer_text(times.remaining)} left"
    if times.remaining <= SOON_SECONDS and times.planned > SOON_SECONDS:
        return f"{left} · wrap up", SOON_STYLE
    return left, OK_STYLE


class PresenterConsole(PresentationWindow):
    """The facilitator's window. Every control is also a key (see the help line)."""

    def __init__(self, controller: PresentationController, parent: QWidget | None = None) -> None:
        super().__init__(controller, "Presenter console", "presenter console", parent)
        self.setMinimumSize(800, 560)
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        controller.changed.connect(self.refresh)
        controller.notesScrolled.connect(self._scroll_notes)
        self.resize(1280, 760)
        self.refresh()

    # -- layout ------------------------------------------------------------------

    def _build(self) -> None:
        self.title = _label("", "Plan and block", 1.25, True, self)
        self.title.setWordWrap(True)
        self.clock = _label("", "Clock", 2.2, True, self)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.clock)

        self._build_slides()
        self.notes = _notes_browser(self)
        self._build_timers()
        self.position = _label("", "Position", 1.1, True, self)
        self.audience_state = _label("", "Audience screen state", 1.1, True, self)
        self.help = _label(
            "   ".join(f"{keys}: {what}" for keys, what in KEY_HELP), "Keys", 1.0, False, self
        )
        # The body's size and colour: a facilitator reads these at arm's length, and
        # the placeholder grey fell below 4.5:1 on the light theme.
        self.help.setWordWrap(True)
        buttons = self._build_buttons()
        self._lay_out(header, buttons)

    def _build_slides(self) -> None:
        self.current = SlideView(
            "Current slide", "The slide the room sees now; click for the next", self
        )
        self.current.clicked.connect(self.step)
        self.current.setFrameShape(QFrame.Shape.Box)
        self.next_label = _label("Next", "Next slide title", 1.0, True, self)
        self.next_label.setWordWrap(True)
        self.next_view = SlideView("Next slide", "A preview of the next slide", self)
        self.next_view.setFrameShape(QFrame.Shape.Box)
        self.next_view.clicked.connect(self.step)

    def _build_timers(self) -> None:
        """The block and plan timers, the schedule, and the plan's blocks to jump to."""
        self.block_name = _label("", "Current block", 1.1, True, self)
        self.block_name.setWordWrap(True)
        self.block_time = _label("", "Block time", 1.35, True, self)
        self.plan_time = _label("", "Plan time", 1.35, True, self)
        self.schedule = _label("", "Schedule", 1.0, False, self)
        self.outline = QListWidget(self)
        self.outline.setObjectName("presenter-outline")
        self.outline.setAccessibleName("Plan blocks")
        self.outline.setAccessibleDescription(
            "The plan's blocks with their clock times; click one to go there"
        )
        self.outline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.outline.setWordWrap(True)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.itemClicked.connect(self._outline_clicked)
        self._fill_outline()

    def _build_buttons(self) -> QHBoxLayout:
        """A button for each key, for those who prefer the mouse."""
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, tip, slot in (
            ("previous", "◀ Previous", "Left or Page Up", self.controller.previous),
            ("next", "Next ▶", "Right, Space or Page Down", self.controller.next),
            ("black", "Black screen", "B", self.controller.toggle_black),
            ("white", "White screen", "W", self.controller.toggle_white),
            ("goto", "Go to slide…", "G, then the number and Enter", self.controller.start_go_to),
            ("smaller", "Text −", "Minus", self.controller.zoom_out),
            ("larger", "Text +", "Plus", self.controller.zoom_in),
            (
                "fullscreen",
                "Full screen",
                "F: the audience window full screen or not",
                self.controller.toggle_full_screen,
            ),
            (
                "screen",
                "Switch screen",
                "S: the audience window to the next screen",
                self.controller.switch_screen,
            ),
            ("end", "End", "Escape", self.controller.leave),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"present-{name}")
            button.setAccessibleName(text.strip("◀▶ "))
            button.setToolTip(f"{text.strip('◀▶ ')} ({tip})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys always reach the presentation
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        return buttons

    def _lay_out(self, header: QHBoxLayout, buttons: QHBoxLayout) -> None:
        left = QVBoxLayout()
        left.addWidget(_label("Now", "Now heading", 1.0, True, self))
        left.addWidget(self.current, 5)
        left.addWidget(_label("Notes", "Notes heading", 1.0, True, self))
        left.addWidget(self.notes, 4)

        right = QVBoxLayout()
        right.addWidget(self.next_label)
        right.addWidget(self.next_view, 3)
        self.room_panel = None
        if self.controller.room is not None:
            self.room_panel = RoomPanel(self.controller.room, self.controller, self)
            right.addWidget(self.room_panel, 5)
        timers = QGridLayout()
        timers.addWidget(self.block_name, 0, 0, 1, 2)
        timers.addWidget(_label("Block", "Block timer heading", 1.0, False, self), 1, 0)
        timers.addWidget(self.block_time, 1, 1)
        timers.addWidget(_label("Plan", "Plan timer heading", 1.0, False, self), 2, 0)
        timers.addWidget(self.plan_time, 2, 1)
        timers.addWidget(self.schedule, 3, 0, 1, 2)
        timers.setColumnStretch(1, 1)
        right.addLayout(timers)
        right.addWidget(self.outline, 3)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)

        status = QHBoxLayout()
        status.addWidget(self.position)
        status.addStretch(1)
        status.addWidget(self.audience_state)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addLayout(status)
        layout.addLayout(buttons)
        layout.addWidget(self.help)
        for widget in (self.current, self.next_view, self.notes, self.outline):
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _fill_outline(self) -> None:
        plan = self.controller.plan
        titles = self.controller.titles
        for slot in plan.schedule():
            when = f"{plan.clock_at(slot.start)}  " if plan.start is not None else ""
            text = f"{when}{block_label(slot.block, titles)} ({slot.block.minutes} min)"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, slot.index)
            self.outline.addItem(item)

    # -- showing ------------------------------------------------------------------

    def place_on(self, screen: QScreen) -> None:
        self.setScreen(screen)
        available = screen.availableGeometry()
        self.setGeometry(available)

    @Slot()
    def refresh(self) -> None:
        controller = self.controller
        frame = controller.frame
        plan = controller.plan
        if frame is None:
            self.title.setText(f"{plan.title}: this plan has no blocks yet")
        else:
            block = plan.blocks[frame.block]
            number = f"Block {frame.block + 1} of {len(plan.blocks)}"
            block_title = block.display_title(controller.titles)
            self.title.setText(f"{plan.title}\n{number}: {block_title}")
            self.block_name.setText(
                f"{block_label(block, controller.titles)} ({block.minutes} min)"
            )
            self.outline.setCurrentRow(frame.block)
        self.current.show_slide(
            controller.html(),
            controller.theme,
            controller.zoom,
            controller.staircase_for(frame),
            controller.revealed,
        )
        playing = controller.room_playing
        self.next_label.setVisible(not playing)
        self.next_view.setVisible(not playing)
        following = controller.navigator.next_frame()
        if following is None:
            self.next_label.setText("Next: the end of the plan")
            self.next_view.show_slide(
                '<h1 class="frame-title">End of the plan</h1>', controller.theme
            )
        else:
            self.next_label.setText(f"Next: {following.title}")
            revealed = 1 if following.steps else None
            self.next_view.show_slide(
                controller.html(following),
                controller.theme,
                controller.zoom,
                controller.staircase_for(following),
                revealed,
            )
        notes = controller.notes_html()
        self.notes.setHtml(notes or "<p><i>No facilitator notes for this slide.</i></p>")
        position = (
            f"Slide {controller.index + 1} of {controller.count}"
            if controller.count
            else "No slides"
        )
        if controller.revealed is not None and frame is not None:
            position += f" · staircase step {controller.revealed} of {frame.steps}"
        if playing and controller.room is not None:
            position += f" · {controller.room.position_text()}"
        if controller.goto_text is not None:
            position += f" · Go to slide: {controller.goto_text}▏ (Enter to go, Escape to stay)"
        if controller.zoom != 1.0:
            position += f" · text {round(controller.zoom * 100)}%"
        self.position.setText(position)
        if controller.blank:
            self.audience_state.setText(
                f"AUDIENCE SCREEN IS {controller.blank.upper()} (press {controller.blank[0].upper()} to show)"
            )
            self.audience_state.setStyleSheet(BLANK_STYLE)
        else:
            self.audience_state.setText("Audience sees this slide")
            self.audience_state.setStyleSheet(OK_STYLE)
        self.tick()

    @Slot()
    def tick(self) -> None:
        """Updates the clock and the timers from the controller's clock (every second)."""
        controller = self.controller
        now = controller.clock.now()
        self.clock.setText(clock_text(now.hour * 60 + now.minute))
        self.clock.setAccessibleDescription(f"The time is {now:%H:%M}")
        text, style = times_text(controller.block_times())
        self.block_time.setText(text)
        self.block_time.setStyleSheet(style)
        text, style = times_text(controller.plan_times())
        self.plan_time.setText(text)
        self.plan_time.setStyleSheet(style)
        drift = controller.schedule_drift()
        if abs(drift) < 60:
            self.schedule.setText("On schedule")
        elif drift > 0:
            self.schedule.setText(f"Behind schedule by {round(drift / 60)} min")
        else:
            self.schedule.setText(f"Ahead of schedule by {round(-drift / 60)} min")

    # -- input --------------------------------------------------------------------

    @Slot(QListWidgetItem)
    def _outline_clicked(self, item: QListWidgetItem) -> None:
        self.controller.go_to_block(int(item.data(Qt.ItemDataRole.UserRole)))

    @Slot(int)
    def _scroll_notes(self, direction: int) -> None:
        bar = self.notes.verticalScrollBar()
        bar.setValue(bar.value() + direction * _NOTES_STEP)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)
