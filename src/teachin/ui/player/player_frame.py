"""The scenario player's window frame: the pages (choosing a scenario, playing,
the debrief, the saved runs) under the run's header and timeline, the message
banner, the menus, and the theme and text size. What happens when a page or a
menu asks for something is :class:`~teachin.ui.player.player_window.PlayerWindow`'s."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from teachin.runs.store import RunStore
from teachin.scenario.model import Scenario
from teachin.ui.palette import focus_style_sheet, palette_for
from teachin.ui.player.common import BigButton
from teachin.ui.player.consequence_view import ConsequenceView
from teachin.ui.player.debrief_view import DebriefView
from teachin.ui.player.round_view import RoundView
from teachin.ui.player.run_files import debrief_exporter
from teachin.ui.player.runs_manager import RunsManager
from teachin.ui.player.scenario_picker import ScenarioPicker
from teachin.ui.player.timeline import Timeline
from teachin.ui.settings import ZOOM_STEPS, Settings, next_zoom
from teachin.workshop.library import Library
from teachin.workshop.themes import Theme, theme_named

WHAT_IF_KEY = "player/allow_what_if"
BASE_FONT_SCALE = 1.3
"""The player's text is larger than the app's default: it is read by a group around a laptop."""

Shortcut = QKeySequence.StandardKey | str | list[QKeySequence.StandardKey | str]
MENUS: tuple[tuple[str, tuple[tuple[str, str, Shortcut] | None, ...]], ...] = (
    (
        "&File",
        (
            ("new_action", "&New scenario…", QKeySequence.StandardKey.New),
            ("runs_action", "Saved &runs…", "Ctrl+O"),
            ("open_action", "&Open run file…", "Ctrl+Shift+O"),
            ("save_action", "&Save run as…", QKeySequence.StandardKey.SaveAs),
            ("export_action", "&Export debrief (PDF)…", "Ctrl+E"),
            None,
            ("close_action", "&Close", QKeySequence.StandardKey.Close),
        ),
    ),
    (
        "&View",
        (
            ("zoom_in_action", "&Larger text", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]),
            ("zoom_out_action", "&Smaller text", QKeySequence.StandardKey.ZoomOut),
            ("zoom_reset_action", "&Normal text size", "Ctrl+0"),
        ),
    ),
)
"""The menus: (menu, ((attribute, text, shortcut) or None for a separator, ...))."""


class PlayerFrame(QMainWindow):
    """The widgets and the look of the player window (see the module's docstring)."""

    # made from MENUS
    new_action: QAction
    runs_action: QAction
    open_action: QAction
    save_action: QAction
    export_action: QAction
    close_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction

    def __init__(
        self,
        scenarios: dict[str, Scenario],
        library: Library | None,
        store: RunStore,
        settings: Settings | None,
        prefs: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playerWindow")
        self.setAccessibleName("Scenario player")
        self.setWindowTitle("Play a scenario — teachin")
        self.scenarios = scenarios
        self.library = library
        self.staircase = library.staircase if library is not None else None
        self.store = store
        self.settings = settings
        self._prefs = prefs
        self.theme: Theme = theme_named(settings.theme if settings else "light")
        self.zoom = settings.zoom if settings else 1.0
        self._base_point = (QApplication.font().pointSizeF() or 10.0) * BASE_FONT_SCALE
        self._build()
        self._build_menus()
        self._apply_theme()
        self._apply_zoom()
        self.statusBar().setSizeGripEnabled(False)
        self.resize(1280, 720)

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.banner = QFrame(self)
        self.banner.setObjectName("playerMessage")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_text.setAccessibleName("Message")
        dismiss = BigButton("OK", "Dismiss the message", self.banner)
        dismiss.clicked.connect(self.banner.hide)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(dismiss)
        self.banner.hide()

        self.picker = ScenarioPicker(self.scenarios, self)

        self.play = QWidget(self)
        self.play.setObjectName("playPage")
        self.header = QLabel(self)
        self.header.setObjectName("runHeader")
        self.header.setWordWrap(True)
        self.header.setAccessibleName("Scenario and group")
        self.timeline = Timeline(self)
        self.round_view = RoundView(self.staircase, self.play)
        self.consequence_view = ConsequenceView(self.staircase, self.library, self.play)
        self.play_stack = QStackedWidget(self.play)
        self.play_stack.addWidget(self.round_view)
        self.play_stack.addWidget(self.consequence_view)
        play_layout = QVBoxLayout(self.play)
        play_layout.setContentsMargins(0, 0, 0, 0)
        play_layout.addWidget(self.play_stack, 1)

        self.debrief = DebriefView(self.staircase, self.library, self)

        self.runs = RunsManager(self.store, self.scenarios, self)

        self.pages = QStackedWidget(self)
        for page in (self.picker, self.play, self.debrief, self.runs):
            self.pages.addWidget(page)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)  # the run's header and timeline: while playing and
        layout.addWidget(self.timeline)  # in the debrief (to look back, or go back)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._export_available = debrief_exporter() is not None
        if not self._export_available:
            self.debrief.export_button.setEnabled(False)
            self.debrief.export_button.setToolTip("PDF export is not available in this version.")

    def _build_menus(self) -> None:
        """The menus' actions, each kept as an attribute (``save_action``, ...); the
        window connects them to what they do."""
        bar = self.menuBar()
        for title, entries in MENUS:
            menu = bar.addMenu(title)
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                    continue
                name, text, shortcut = entry
                action = QAction(text, self)
                shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
                action.setShortcuts([QKeySequence(key) for key in shortcuts])
                self.addAction(action)
                menu.addAction(action)
                setattr(self, name, action)
        self.export_action.setEnabled(False)
        facilitator = bar.addMenu("F&acilitator")
        self.what_if_action = QAction("Allow “&What if?” (going back to an earlier round)", self)
        self.what_if_action.setCheckable(True)
        self.what_if_action.setChecked(self.allow_what_if)
        facilitator.addAction(self.what_if_action)

    # ----------------------------------------------------------------- settings
    @property
    def allow_what_if(self) -> bool:
        value = self._prefs.value(WHAT_IF_KEY, True)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def _apply_theme(self) -> None:
        # The app-wide palette, as the main window sets it: widgets styled through a
        # style sheet take their colours from the application, not from this window.
        # (Without settings, the player follows whatever palette the app has.)
        palette = palette_for(self.theme)
        if self.settings is not None:
            QApplication.setPalette(palette)
        self.setPalette(palette)
        self._apply_style()
        for view in (self.round_view, self.consequence_view, self.debrief):
            view.set_theme(self.theme)

    def _apply_style(self) -> None:
        # With a style sheet set, child widgets take their font from the sheet, not
        # from the window: the text zoom goes through the sheet too.
        size = self._base_point * self.zoom
        ring = self.theme.step_current
        self.setStyleSheet(
            f"QWidget {{ font-size: {size:.1f}pt; }}"
            + focus_style_sheet(self.theme)
            + f"QFrame#playerMessage {{ border: 2px solid {ring}; }}"
            + "QPushButton { padding: 6px 14px; }"
            + f"QPushButton:focus {{ border: 2px solid {ring}; }}"
            + "QListWidget::item { padding: 6px; }"
        )

    def _apply_zoom(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self._base_point * self.zoom)
        self.setFont(font)
        self._apply_style()
        self.zoom_in_action.setEnabled(self.zoom < ZOOM_STEPS[-1])
        self.zoom_out_action.setEnabled(self.zoom > ZOOM_STEPS[0])

    def _set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        if self.settings is not None:
            self.settings.zoom = zoom
        self._apply_zoom()

    @Slot()
    def zoom_in(self) -> None:
        zoom = next_zoom(self.zoom, larger=True)
        if zoom is not None:
            self._set_zoom(zoom)

    @Slot()
    def zoom_out(self) -> None:
        zoom = next_zoom(self.zoom, larger=False)
        if zoom is not None:
            self._set_zoom(zoom)

    @Slot()
    def zoom_reset(self) -> None:
        self._set_zoom(1.0)

    # ----------------------------------------------------------------- messages
    def message(self, text: str) -> None:
        """A clear message at the top of the window; the app goes on."""
        self.banner_text.setText(text)
        self.banner.show()
        self.statusBar().showMessage(text.splitlines()[0], 8000)
