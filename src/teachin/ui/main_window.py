"""The main window: library, reader, search, problems, and the menus that drive them."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teachin.locations import builtin_content_dir
from teachin.problems import Problem
from teachin.ui import main_actions
from teachin.ui.content_loading import ContentLoader, default_cache_folder
from teachin.ui.launcher import WindowLauncher
from teachin.ui.library_panel import LibraryPanel
from teachin.ui.navigation import Navigation
from teachin.ui.palette import arrow_icon, focus_style_sheet, palette_for
from teachin.ui.panel_dock import PanelDock
from teachin.ui.problems_panel import ProblemsPanel
from teachin.ui.reader_view import ReaderView
from teachin.ui.search_panel import SearchPanel
from teachin.ui.settings import ZOOM_STEPS, Settings, next_zoom
from teachin.workshop.history import History
from teachin.workshop.library import Library
from teachin.workshop.pages import Location, PageCache
from teachin.workshop.render import Style
from teachin.workshop.themes import Theme, theme_named
from teachin.workshop.views import View

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from teachin.catalog import Catalog
    from teachin.plan.model import Plan
    from teachin.workshop.module import Module

    # Dialogs and search are loaded when first used, not at start-up.
    from teachin.workshop.search import SearchIndex

CHECK_DELAY_MS = 400
SIDEBAR_FONT_SCALE = 1.15


class MainWindow(QMainWindow):
    """Reads the content folders, lowest layer first: ``base_folders`` (the built-in
    content by default), the user's own folder, folders added from the File menu, then
    ``extra_folders`` (from ``--content``). Rendered pages are kept in ``cache_folder``
    (the platform's cache location by default). Every content file is checked
    ``check_delay_ms`` after start-up, in the background."""

    problems_checked = Signal(int)
    """Emitted when every content file has been checked, with the number of problems."""
    pages_prepared = Signal(int)
    """Emitted when every page has been made ahead of time, with how many were made."""

    # Made from the tables in teachin.ui.main_actions:
    add_folder_action: QAction
    reload_action: QAction
    export_action: QAction
    quit_action: QAction
    back_action: QAction
    forward_action: QAction
    home_action: QAction
    glossary_action: QAction
    search_action: QAction
    focus_library_action: QAction
    focus_reader_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    notes_action: QAction
    full_screen_action: QAction
    present_action: QAction
    plan_action: QAction
    play_action: QAction
    debrief_board_action: QAction
    content_folders_action: QAction
    about_action: QAction
    problems_action: QAction
    library_action: QAction
    theme_group: QActionGroup
    theme_actions: dict[str, QAction]
    plans_menu: QMenu
    toolbar: QToolBar

    def __init__(
        self,
        settings: Settings,
        user_folder: Path,
        extra_folders: list[Path] | None = None,
        base_folders: list[Path] | None = None,
        cache_folder: Path | None = None,
        check_delay_ms: int = CHECK_DELAY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAccessibleName("teachin")
        self.settings = settings
        self.user_folder = user_folder
        self._theme: Theme = theme_named(settings.theme)
        self._zoom = settings.zoom
        self._reveal_problems = False
        self.content = ContentLoader(
            settings,
            user_folder,
            list(base_folders) if base_folders is not None else [builtin_content_dir()],
            list(extra_folders or []),
            cache_folder if cache_folder is not None else default_cache_folder(),
            check_delay_ms,
            self,
        )
        self.content.loaded.connect(self._content_loaded)
        self.content.checked.connect(self._show_problems)
        self.content.pages_prepared.connect(self.pages_prepared)
        self.launcher = WindowLauncher(self, settings)
        self.navigation = Navigation(self)

        self._build_widgets()
        main_actions.install(self)
        self.notes_action.blockSignals(True)
        self.notes_action.setChecked(settings.show_notes)
        self.notes_action.blockSignals(False)
        self._build_status_bar()
        self._apply_theme()
        self.content.load(check_later=True)
        self._restore_window()
        self.navigation.open_start_page()
        self.library_panel.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----------------------------------------------------------------- building

    def _build_widgets(self) -> None:
        self.reader = ReaderView(self)
        self.reader.anchorClicked.connect(self.navigation.on_link_clicked)
        self.setCentralWidget(self.reader)

        self.search_panel = SearchPanel(self._make_search_index, self)
        self.search_panel.setAccessibleName("Search panel")
        self.search_panel.hit_activated.connect(self.navigation.on_hit_activated)
        self.search_panel.searching.connect(self.navigation.on_searching)
        self.library_panel = LibraryPanel(self)
        self.library_panel.opened.connect(self.open_href)

        sidebar = QWidget(self)
        sidebar.setObjectName("sidebar")
        sidebar.setAccessibleName("Sidebar")
        layout = QVBoxLayout(sidebar)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(8)
        layout.addWidget(self.search_panel)
        layout.addWidget(self.library_panel, 1)

        self.library_dock = PanelDock("Library", "library", self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setAccessibleName("Library and search")
        self.library_dock.setWidget(sidebar)
        self.library_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)

        self.problems_panel = ProblemsPanel(self)
        self.problems_panel.copied.connect(self._on_problem_copied)
        self.problems_dock = PanelDock("Problems", "problems panel", self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setAccessibleName("Problems panel")
        self.problems_dock.setWidget(self.problems_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.setFeatures(self.library_dock.features())  # no Float: no key for it
        self.problems_dock.hide()

        self.setTabOrder(self.search_panel.field, self.search_panel.results)
        self.setTabOrder(self.search_panel.results, self.library_panel)
        self.setTabOrder(self.library_panel, self.reader)
        self.setTabOrder(self.reader, self.problems_panel)

    @Slot()
    def add_style_icons(self) -> None:
        main_actions.add_style_icons(self)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setAccessibleName("Status bar")
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setAccessibleName("Text size")
        self.problems_button = QToolButton(self)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAccessibleName("Problems count")
        self.problems_button.setAutoRaise(True)
        self.problems_button.setToolTip("Show or hide the Problems panel (Ctrl+Shift+P)")
        self.problems_button.clicked.connect(self.problems_action.trigger)
        bar.addPermanentWidget(self.zoom_label)
        bar.addPermanentWidget(self.problems_button)

    # ------------------------------------------------------------------ content

    @property
    def library(self) -> Library:
        return self.content.library

    @property
    def pages(self) -> PageCache:
        return self.content.pages

    @pages.setter
    def pages(self, pages: PageCache) -> None:
        self.content.pages = pages

    def content_folders(self) -> list[Path]:
        return self.content.folders()

    def catalog(self) -> Catalog:
        """The app's one catalog (see :meth:`ContentLoader.catalog`)."""
        return self.content.catalog()

    @Slot()
    def _content_loaded(self) -> None:
        self.reader.set_staircase(self.library.staircase, self._theme, self._zoom)
        self.library_panel.set_library(self.library)
        self.search_panel.reset_index()
        self.problems_panel.set_problems(self.library.problems, self.content_folders())
        self.problems_button.setText(self.problems_panel.summary())

    @Slot(object)
    def _show_problems(self, result: list[Problem] | Exception) -> None:
        if isinstance(result, Exception):
            problems = [*self.library.problems]
            self.statusBar().showMessage(f"Checking the content failed: {result}")
        else:
            problems = result
        self.problems_panel.set_problems(problems, self.content_folders())
        self.problems_button.setText(self.problems_panel.summary())
        if self._reveal_problems and any(map(self.content.calls_for_attention, problems)):
            self.problems_dock.show()
        self._reveal_problems = False
        self.problems_checked.emit(len(problems))

    def _make_search_index(self) -> SearchIndex:
        from teachin.workshop.search import SearchIndex

        return SearchIndex(self.library)

    @Slot()
    def reload_content(self) -> None:
        self.navigation.remember_scroll()
        self.content.load()
        self.navigation.show_current()
        self.statusBar().showMessage(f"Content reloaded: {len(self.library.modules)} modules", 4000)

    @Slot()
    def choose_content_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, "Add content folder", str(Path.home()))
        if folder:
            self.add_content_folder(Path(folder))

    def add_content_folder(self, folder: Path) -> None:
        """Reads ``folder`` from now on, and remembers it for the next start."""
        self.content.add_folder(folder)
        self.reload_content()

    # --------------------------------------------------------------- navigation

    @Slot(str)
    def open_href(self, href: str) -> bool:
        return self.navigation.open_href(href)

    def navigate(self, location: Location, highlight: str = "") -> None:
        self.navigation.navigate(location, highlight)

    @property
    def history(self) -> History:
        return self.navigation.history

    # ------------------------------------------------------- view: zoom, theme

    def page_look(self) -> tuple[View, Style]:
        """The view and style pages are shown in now."""
        return self._view(), self._style()

    def _view(self) -> View:
        return View.FACILITATOR if self.notes_action.isChecked() else View.PARTICIPANT

    def _style(self) -> Style:
        return Style(self._theme, self._zoom)

    def _rerender(self) -> None:
        """Shows the current page again in the new style, keeping the reading position."""
        current = self.history.current
        if current is None:
            return
        reader = self.reader
        bar = reader.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        # The character at the top of the view: a new theme or zoom keeps the text,
        # so the same character goes back to the top (a share of the scroll range
        # lands elsewhere while the page is still being laid out).
        top = reader.cursorForPosition(QPoint(0, 0)).position() if bar.value() else 0
        length = reader.document().characterCount()
        self.navigation.show(Location(current.kind, current.target, current.anchor, scroll=None))
        if top and reader.document().characterCount() == length:
            cursor = QTextCursor(reader.document())
            cursor.setPosition(top)
            bar.setValue(bar.value() + reader.cursorRect(cursor).top())
        else:  # notes shown or hidden: the text changed, keep the share
            bar.setValue(round(fraction * bar.maximum()))
        self.content.prepare_timer.start()  # the other pages, in the new style

    def _set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self.settings.zoom = zoom
        self.reader.set_staircase(self.library.staircase, self._theme, zoom)
        self._update_zoom_controls()
        self._rerender()

    def _update_zoom_controls(self) -> None:
        self.zoom_label.setText(f"Text {round(self._zoom * 100)}%")
        self.zoom_in_action.setEnabled(self._zoom < ZOOM_STEPS[-1])
        self.zoom_out_action.setEnabled(self._zoom > ZOOM_STEPS[0])

    @Slot()
    def zoom_in(self) -> None:
        zoom = next_zoom(self._zoom, larger=True)
        if zoom is not None:
            self._set_zoom(zoom)

    @Slot()
    def zoom_out(self) -> None:
        zoom = next_zoom(self._zoom, larger=False)
        if zoom is not None:
            self._set_zoom(zoom)

    @Slot()
    def zoom_reset(self) -> None:
        self._set_zoom(1.0)

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def theme(self) -> Theme:
        return self._theme

    @Slot(QAction)
    def on_theme_action(self, action: QAction) -> None:
        self.set_theme(action.data())

    def set_theme(self, theme_id: str) -> None:
        self._theme = theme_named(theme_id)
        self.settings.theme = self._theme.id
        self.theme_actions[self._theme.id].setChecked(True)
        self._apply_theme()
        self._rerender()

    def _apply_theme(self) -> None:
        QApplication.setPalette(palette_for(self._theme))
        # The sidebar's larger text is part of the style sheet: a font set on the
        # widget is reset whenever the style sheet changes (a new theme).
        size = QApplication.font().pointSizeF() * SIDEBAR_FONT_SCALE
        self.setStyleSheet(
            focus_style_sheet(self._theme) + f"#sidebar * {{ font-size: {size:.1f}pt; }}"
        )
        self.back_action.setIcon(arrow_icon(True, self._theme.text, self._theme.muted))
        self.forward_action.setIcon(arrow_icon(False, self._theme.text, self._theme.muted))
        self.reader.set_staircase(self.library.staircase, self._theme, self._zoom)
        self.search_panel.set_theme(self._theme)
        self._update_zoom_controls()

    @Slot(bool)
    def set_notes_visible(self, visible: bool) -> None:
        self.settings.show_notes = visible
        self._rerender()
        self.statusBar().showMessage(
            "Facilitator notes shown" if visible else "Facilitator notes hidden", 3000
        )

    @Slot(bool)
    def set_full_screen(self, full: bool) -> None:
        self.showFullScreen() if full else self.showNormal()

    # ------------------------------------------------------------- dialogs etc.

    @Slot(str)
    def _on_problem_copied(self, text: str) -> None:
        self.statusBar().showMessage(f"Copied: {text}", 8000)

    @Slot()
    def show_content_folders(self) -> None:
        self.launcher.show_content_folders(self.user_folder, self.content_folders())

    # ------------------------------------------------------------ presenting

    def current_module_id(self) -> str | None:
        return self.navigation.current_module_id()

    @Slot()
    def present_current_module(self) -> None:
        module_id = self.current_module_id()
        if module_id is None or module_id not in self.library.modules:
            self.statusBar().showMessage(
                "Open a module first, then press Shift+F5 to present it.", 6000
            )
            return
        self.present(self.library.modules[module_id])

    def present(self, plan_or_module: Plan | Module) -> None:
        """The audience window on the projector (or this screen) and the presenter console."""
        self.launcher.present(plan_or_module)

    @Slot()
    def fill_plans_menu(self) -> None:
        self.plans_menu.clear()
        plans = self.content.catalog().plans_by_title()
        if not plans:
            self.plans_menu.addAction("(no session plans yet)").setEnabled(False)
        for plan in plans:
            action = self.plans_menu.addAction(plan.title)
            action.triggered.connect(partial(self._open_plan, plan))

    def _open_plan(self, plan: Plan, _checked: bool = False) -> None:
        self.launcher.open_plan(plan)

    @Slot()
    def open_export_dialog(self) -> None:
        """File › Export: what to print, a preview of its pages, and Save PDF."""
        self.launcher.open_export_dialog(self.library.modules.get(self.current_module_id() or ""))

    # ------------------------------------------------------- window state

    def _restore_window(self) -> None:
        restored = not self.settings.geometry.isEmpty() and self.restoreGeometry(
            self.settings.geometry
        )
        if not restored:
            screen = QGuiApplication.primaryScreen()
            available = (
                screen.availableGeometry().size() if screen is not None else QSize(1366, 768)
            )
            self.resize(min(1280, available.width()), min(820, available.height()))
            self.resizeDocks([self.library_dock], [380], Qt.Orientation.Horizontal)
        state = self.settings.window_state
        if state.isEmpty() or not self.restoreState(state):
            # First run: show the Problems panel only if there is something in it.
            self._reveal_problems = True
            self.problems_dock.setVisible(
                any(map(self.content.calls_for_attention, self.problems_panel.problems))
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.launcher.close_all()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.content.stop()
        super().closeEvent(event)
