"""The main window: library, reader, search, problems, and the menus that drive them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize, QStandardPaths, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teachin.locations import builtin_content_dir
from teachin.problems import Problem
from teachin.ui.background import BackgroundJob
from teachin.ui.launcher import WindowLauncher
from teachin.ui.library_panel import LibraryPanel
from teachin.ui.palette import arrow_icon, focus_style_sheet, palette_for
from teachin.ui.problems_panel import ProblemsPanel
from teachin.ui.reader_view import ReaderView
from teachin.ui.search_panel import SearchPanel
from teachin.ui.settings import ZOOM_STEPS, Settings, next_zoom
from teachin.workshop.history import History
from teachin.workshop.library import Library, load_cached_library
from teachin.workshop.pages import MODULE, Location, PageCache
from teachin.workshop.render import Style
from teachin.workshop.themes import THEMES, Theme, theme_named
from teachin.workshop.views import View

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from teachin.catalog import Catalog
    from teachin.plan.model import Plan
    from teachin.workshop.module import Module

    # Dialogs and search are loaded when first used, not at start-up.
    from teachin.workshop.search import Hit, SearchIndex

WELCOME = Location("welcome")
EXTERNAL_SCHEMES = ("http", "https", "mailto")
CHECK_DELAY_MS = 400
PREPARE_DELAY_MS = 1000
"""After the content check, or after the last change of view, zoom or theme."""
SIDEBAR_FONT_SCALE = 1.15
LIBRARY_CACHE = "library.json"


def default_cache_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) / "pages"


def _load_and_check(
    library: Library, folders: list[Path]
) -> tuple[Catalog, list[Problem]] | Exception:
    """The catalog over ``library`` and every problem in it (a loader or checker bug is
    returned, never raised)."""
    from teachin.catalog import check_catalog, load_catalog

    try:
        catalog = load_catalog(folders, library)
        return catalog, check_catalog(catalog)
    except Exception as exc:  # a checker bug must not stop the app
        return exc


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
        self._base_folders = (
            list(base_folders) if base_folders is not None else [builtin_content_dir()]
        )
        self._extra_folders = list(extra_folders or [])
        self._added_folders = settings.added_folders
        self._cache_folder = cache_folder if cache_folder is not None else default_cache_folder()
        self._theme: Theme = theme_named(settings.theme)
        self._zoom = settings.zoom
        self.history = History()
        self._reveal_problems = False
        self._check_generation = 0
        self._style_icons: list[tuple[QAction, str]] = []
        self._check_delay_ms = check_delay_ms
        self._prepare_generation = 0
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_DELAY_MS)
        self._prepare_timer.timeout.connect(self._prepare_pages)
        self.library = Library(folders=[])
        self._catalog: Catalog | None = None
        self.pages = PageCache(self.library)
        self.launcher = WindowLauncher(self, self.catalog, settings, self.open_href)

        self._build_widgets()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._apply_theme()
        self._load_content(check_later=True)
        self._restore_window()
        self._open_start_page()
        self.library_panel.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----------------------------------------------------------------- building

    def _build_widgets(self) -> None:
        self.reader = ReaderView(self)
        self.reader.anchorClicked.connect(self._on_link_clicked)
        self.setCentralWidget(self.reader)

        self.search_panel = SearchPanel(self._make_search_index, self)
        self.search_panel.setAccessibleName("Search panel")
        self.search_panel.hit_activated.connect(self._on_hit_activated)
        self.search_panel.searching.connect(self._on_searching)
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

        self.library_dock = QDockWidget("Library", self)
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
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setAccessibleName("Problems panel")
        self.problems_dock.setWidget(self.problems_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()

        self.setTabOrder(self.search_panel.field, self.search_panel.results)
        self.setTabOrder(self.search_panel.results, self.library_panel)
        self.setTabOrder(self.library_panel, self.reader)
        self.setTabOrder(self.reader, self.problems_panel)

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcuts: list[QKeySequence | QKeySequence.StandardKey | str] | None = None,
        *,
        name: str,
        tip: str = "",
        icon: str = "",
        checkable: bool = False,
    ) -> QAction:
        """``icon`` names one of the style's standard pixmaps (``"SP_BrowserReload"``);
        it is fetched when a menu first opens, so start-up needs no QStyle."""
        action = QAction(text, self)
        action.setObjectName(name)
        if icon:
            self._style_icons.append((action, icon))
        keys: list[QKeySequence] = []
        for shortcut in shortcuts or []:
            if isinstance(shortcut, QKeySequence.StandardKey):
                keys.extend(QKeySequence.keyBindings(shortcut))
            else:
                keys.append(QKeySequence(shortcut))
        unique: list[QKeySequence] = []
        for key in keys:
            if not key.isEmpty() and key not in unique:
                unique.append(key)
        action.setShortcuts(unique)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        hint = text.replace("&", "").rstrip("…")
        if unique:
            hint += f" ({unique[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip or hint)
        action.setStatusTip(tip or hint)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.add_folder_action = self._action(
            "&Add content folder…",
            self.choose_content_folder,
            [key.Open],
            name="addFolderAction",
            tip="Read modules from another folder too (a content pack on a USB stick)",
        )
        self.reload_action = self._action(
            "&Reload content",
            self.reload_content,
            ["F5", key.Refresh],
            name="reloadAction",
            icon="SP_BrowserReload",
        )
        self.export_action = self._action(
            "&Export to PDF…",
            self.open_export_dialog,
            [key.Print, "Ctrl+E"],
            name="exportAction",
            tip="Print handouts, the facilitator guide, an agenda, worksheets or a debrief to PDF",
        )
        self.quit_action = self._action(
            "&Quit", self.close, [key.Quit, "Ctrl+Q"], name="quitAction"
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.back_action = self._action(
            "&Back", self.go_back, [key.Back, "Alt+Left"], name="backAction"
        )
        self.forward_action = self._action(
            "&Forward", self.go_forward, [key.Forward, "Alt+Right"], name="forwardAction"
        )
        self.home_action = self._action(
            "&Welcome page", self.go_home, ["Alt+Home"], name="homeAction"
        )
        self.glossary_action = self._action(
            "&Glossary", self.open_glossary, ["Ctrl+G"], name="glossaryAction"
        )
        self.search_action = self._action(
            "&Search…",
            self.focus_search,
            ["Ctrl+K", key.Find],
            name="searchAction",
        )
        self.focus_library_action = self._action(
            "Go to &library", self.focus_library, ["Ctrl+1"], name="focusLibraryAction"
        )
        self.focus_reader_action = self._action(
            "Go to &reader", self.focus_reader, ["Ctrl+2"], name="focusReaderAction"
        )

        self.zoom_in_action = self._action(
            "Zoom &in",
            self.zoom_in,
            [key.ZoomIn, "Ctrl++", "Ctrl+="],
            name="zoomInAction",
            tip="Larger text",
        )
        self.zoom_out_action = self._action(
            "Zoom &out",
            self.zoom_out,
            [key.ZoomOut, "Ctrl+-"],
            name="zoomOutAction",
            tip="Smaller text",
        )
        self.zoom_reset_action = self._action(
            "&Normal size", self.zoom_reset, ["Ctrl+0"], name="zoomResetAction"
        )
        self.notes_action = self._action(
            "&Facilitator notes",
            self.set_notes_visible,
            ["Ctrl+Shift+N"],
            name="notesAction",
            checkable=True,
            tip="Show or hide facilitator notes and activities (Ctrl+Shift+N)",
        )
        self.notes_action.blockSignals(True)
        self.notes_action.setChecked(self.settings.show_notes)
        self.notes_action.blockSignals(False)
        self.full_screen_action = self._action(
            "F&ull screen",
            self.set_full_screen,
            [key.FullScreen, "F11"],
            name="fullScreenAction",
            checkable=True,
        )
        self.theme_group = QActionGroup(self)
        self.theme_group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for theme in THEMES.values():
            action = QAction(theme.name, self.theme_group)
            action.setObjectName(f"theme-{theme.id}")
            action.setCheckable(True)
            action.setChecked(theme.id == self._theme.id)
            action.setData(theme.id)
            self.theme_actions[theme.id] = action
        self.theme_group.triggered.connect(self._on_theme_action)

        self.problems_action = self.problems_dock.toggleViewAction()
        self.problems_action.setText("&Problems")
        self.problems_action.setObjectName("problemsAction")
        self.problems_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.library_action = self.library_dock.toggleViewAction()
        self.library_action.setText("&Library")
        self.library_action.setObjectName("libraryAction")
        self.library_action.setShortcut(QKeySequence("Ctrl+Shift+L"))

        self.present_action = self._action(
            "&Present this module",
            self.present_current_module,
            ["Shift+F5"],
            name="presentAction",
            tip="Show the open module's slides full screen on the projector, with the presenter console here (Shift+F5)",
        )
        self.plan_action = self._action(
            "Plan a &session…",
            self.open_plan_editor,
            ["Ctrl+Shift+T"],
            name="planAction",
            tip="Build a timed session plan from modules, scenarios and breaks, then present it",
        )
        self.play_action = self._action(
            "&Play a scenario…",
            self.open_player,
            ["Ctrl+Shift+Y"],
            name="playAction",
            tip="Choose tactics round by round in a scenario and see what follows",
        )
        self.debrief_board_action = self._action(
            "&Debrief board…",
            self.open_debrief_board,
            ["Ctrl+Shift+D"],
            name="debriefBoardAction",
            tip="Show several groups' runs side by side on the projector, to compare their paths",
        )
        self.content_folders_action = self._action(
            "&Content folders…", self.show_content_folders, [], name="contentFoldersAction"
        )
        self.about_action = self._action("&About teachin", self.show_about, [], name="aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus_and_toolbar(self) -> None:
        menus = self.menuBar()
        menus.setAccessibleName("Menu bar")
        file_menu = menus.addMenu("&File")
        file_menu.aboutToShow.connect(self._add_style_icons)
        file_menu.addActions([self.add_folder_action, self.reload_action])
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        go_menu = menus.addMenu("&Go")
        go_menu.addActions(
            [self.back_action, self.forward_action, self.home_action, self.glossary_action]
        )
        go_menu.addSeparator()
        go_menu.addActions(
            [self.search_action, self.focus_library_action, self.focus_reader_action]
        )

        view_menu = menus.addMenu("&View")
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        theme_menu.addActions(list(self.theme_actions.values()))
        view_menu.addAction(self.notes_action)
        view_menu.addSeparator()
        view_menu.addActions([self.library_action, self.problems_action, self.full_screen_action])

        play_menu = menus.addMenu("Pl&ay")
        play_menu.addAction(self.play_action)

        present_menu = menus.addMenu("&Present")
        present_menu.addActions([self.present_action, self.plan_action])
        present_menu.addAction(self.debrief_board_action)
        self.plans_menu = present_menu.addMenu("&Open a session plan")
        self.plans_menu.setObjectName("plansMenu")
        self.plans_menu.aboutToShow.connect(self._fill_plans_menu)

        help_menu = menus.addMenu("&Help")
        help_menu.addActions([self.content_folders_action, self.about_action])

        toolbar = QToolBar("Navigation", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setAccessibleName("Main toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(22, 22))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.back_action, self.forward_action])
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out_action, self.zoom_in_action])
        toolbar.addSeparator()
        toolbar.addAction(self.notes_action)
        toolbar.addSeparator()
        toolbar.addAction(self.present_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        self.zoom_out_action.setIconText("A−")
        self.zoom_in_action.setIconText("A+")
        self.notes_action.setIconText("Notes")
        self.present_action.setIconText("Present")
        # The toolbar's own buttons, found as QToolButtons: asking widgetForAction()
        # for each makes PySide6 work out the type of a bare QWidget, which is slow
        # the first time.
        for button in toolbar.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None and not action.isSeparator():
                button.setAccessibleName(action.text().replace("&", ""))

    @Slot()
    def _add_style_icons(self) -> None:
        from PySide6.QtWidgets import QStyle

        style = self.style()
        for action, name in self._style_icons:
            action.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))
        self._style_icons.clear()

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

    def content_folders(self) -> list[Path]:
        folders = list(self._base_folders)
        if self.user_folder.is_dir():
            folders.append(self.user_folder)
        for folder in [*self._added_folders, *self._extra_folders]:
            if folder not in folders:
                folders.append(folder)
        return folders

    def _load_content(self, check_later: bool = False) -> None:
        """Loads the library; checks everything (scenarios and plans too) now or,
        at start-up, in the background once the window is up."""
        folders = self.content_folders()
        # At start-up, the library parsed last time serves when no file changed;
        # a reload always reads the files.
        self.library, cache_text = load_cached_library(
            folders, self._cache_folder / LIBRARY_CACHE, reuse=check_later
        )
        if cache_text is not None:
            self._store_library_cache(cache_text)
        self.pages = PageCache(self.library, disk=self._cache_folder)
        self.reader.set_staircase(self.library.staircase, self._theme, self._zoom)
        self.library_panel.set_library(self.library)
        self.search_panel.reset_index()
        self.problems_panel.set_problems(self.library.problems, folders)
        self.problems_button.setText(self.problems_panel.summary())
        self._check_generation += 1
        self._catalog = None
        if check_later:
            # Once the first page is on screen: checking loads and simulates
            # every scenario, which start-up should neither wait for nor slow.
            QTimer.singleShot(self._check_delay_ms, self._check_in_background)
        else:
            self._show_problems(
                self._check_generation, folders, _load_and_check(self.library, folders)
            )

    def catalog(self) -> Catalog:
        """Everything in the content folders, loaded once (and again on Reload): the
        other windows receive their modules, scenarios and plans from here. Before the
        check at start-up has loaded it, it is loaded now."""
        if self._catalog is None:
            from teachin.catalog import load_catalog

            self._catalog = load_catalog(self.content_folders(), self.library)
        return self._catalog

    def _store_library_cache(self, text: str) -> None:
        """Keeps the parsed library for the next start (failing to is no failure)."""
        from teachin.storage import atomic_write_text

        try:
            atomic_write_text(self._cache_folder / LIBRARY_CACHE, text)
        except OSError:
            return

    @Slot()
    def _check_in_background(self) -> None:
        # Checking explores every scenario by simulation: a fraction of a second
        # that start-up should not wait for.
        generation, library, folders = self._check_generation, self.library, self.content_folders()
        job = BackgroundJob(lambda: _load_and_check(library, folders), self, name="teachin-check")
        job.finished.connect(partial(self._show_problems, generation, folders))

    def _show_problems(self, generation: int, folders: list[Path], result: object) -> None:
        if generation != self._check_generation:
            return  # the content was reloaded meanwhile
        if isinstance(result, Exception):
            problems = [*self.library.problems]
            self.statusBar().showMessage(f"Checking the content failed: {result}")
        else:
            catalog, problems = cast("tuple[Catalog, list[Problem]]", result)
            if self._catalog is None:  # else a window was given the one loaded meanwhile
                self._catalog = catalog
        self.problems_panel.set_problems(problems, folders)
        self.problems_button.setText(self.problems_panel.summary())
        if self._reveal_problems and problems:
            self.problems_dock.show()
        self._reveal_problems = False
        self.problems_checked.emit(len(problems))
        self._prepare_timer.start()

    @Slot()
    def _prepare_pages(self) -> None:
        """Makes every page for the current view and style in the background, so that
        opening a module never waits for Markdown (with the disk cache, only pages
        whose text or style changed are made again)."""
        self._prepare_generation += 1
        generation, pages, view, style = (
            self._prepare_generation,
            self.pages,
            self._view(),
            self._style(),
        )

        def keep_going() -> bool:
            return generation == self._prepare_generation  # nothing newer asked for

        def work() -> int | Exception:
            try:
                return pages.prepare(view, style, keep_going)
            except Exception as exc:  # a page that fails shows its message when opened
                return exc

        job = BackgroundJob(work, self, name="teachin-pages")
        job.finished.connect(partial(self._pages_made, generation))

    def _pages_made(self, generation: int, made: int | Exception) -> None:
        if generation == self._prepare_generation and not isinstance(made, Exception):
            self.pages_prepared.emit(made)

    def _make_search_index(self) -> SearchIndex:
        from teachin.workshop.search import SearchIndex

        return SearchIndex(self.library)

    @Slot()
    def reload_content(self) -> None:
        self._remember_scroll()
        self._load_content()
        current = self.history.current
        self._show(current if current is not None and self.pages.exists(current) else WELCOME)
        self.statusBar().showMessage(f"Content reloaded: {len(self.library.modules)} modules", 4000)

    @Slot()
    def choose_content_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, "Add content folder", str(Path.home()))
        if folder:
            self.add_content_folder(Path(folder))

    def add_content_folder(self, folder: Path) -> None:
        """Reads ``folder`` from now on, and remembers it for the next start."""
        if folder not in self._added_folders:
            self._added_folders.append(folder)
            self.settings.added_folders = self._added_folders
        self.reload_content()

    # --------------------------------------------------------------- navigation

    def _open_start_page(self) -> None:
        location = Location.parse(self.settings.last_location)
        if location is None or not self.pages.exists(location):
            location = WELCOME
        self.navigate(location)

    @Slot(str)
    def open_href(self, href: str) -> bool:
        location = Location.parse(href)
        if location is None or not self.pages.exists(location):
            self.statusBar().showMessage(f"Not found: {href}", 5000)
            return False
        self.navigate(location)
        return True

    def navigate(self, location: Location, highlight: str = "") -> None:
        self._remember_scroll()
        self.history.visit(location)
        self._show(location, highlight)

    def _remember_scroll(self) -> None:
        current = self.history.current
        if current is not None:
            current.scroll = self.reader.verticalScrollBar().value()

    def _show(self, location: Location, highlight: str = "") -> None:
        try:
            page = self.pages.html(location, self._view(), self._style())
        except Exception as exc:  # a broken file must never stop the app
            import html

            page = (
                "<h1>This page could not be shown</h1>"
                f"<p>{html.escape(self.pages.title(location))}: "
                f"{html.escape(str(exc))}</p><p>Fix the file and press F5 to reload.</p>"
            )
        self.reader.show_page(page, location.anchor, location.scroll)
        if highlight:
            self.reader.highlight(highlight, location.anchor)
        self.library_panel.select_page(location.page)
        title = self.pages.title(location)
        self.setWindowTitle(f"{title} — teachin" if location.kind != "welcome" else "teachin")
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        self.settings.last_location = location.page if location.kind == MODULE else location.href

    @Slot()
    def go_back(self) -> None:
        self._remember_scroll()
        location = self.history.back()
        if location is not None:
            self._show(location if self.pages.exists(location) else WELCOME)

    @Slot()
    def go_forward(self) -> None:
        self._remember_scroll()
        location = self.history.forward()
        if location is not None:
            self._show(location if self.pages.exists(location) else WELCOME)

    @Slot()
    def go_home(self) -> None:
        self.navigate(Location("welcome"))

    @Slot()
    def open_glossary(self) -> None:
        self.navigate(Location("glossary"))

    @Slot(QUrl)
    def _on_link_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme in ("module", "glossary"):
            self.open_href(url.toString())
        elif scheme in EXTERNAL_SCHEMES:
            # Only ever on the user's click, and in their own browser: teachin fetches nothing.
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
        elif not scheme and url.hasFragment():
            self.reader.scrollToAnchor(url.fragment())

    @Slot(object)
    def _on_hit_activated(self, hit: Hit) -> None:
        location = (
            Location.slide(hit.target_id, hit.slide)
            if hit.kind == "module"
            else Location.parse(hit.href)
        )
        if location is None or not self.pages.exists(location):
            return
        self.navigate(location, highlight=hit.match)
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        where = f"slide {hit.slide + 1}" if hit.slide is not None else hit.where
        self.statusBar().showMessage(f"Found “{hit.match}” in {hit.title}, {where}", 5000)

    @Slot(bool)
    def _on_searching(self, searching: bool) -> None:
        self.library_panel.setVisible(not searching)

    @Slot()
    def focus_search(self) -> None:
        self.library_dock.show()
        self.search_panel.focus_field()

    @Slot()
    def focus_library(self) -> None:
        self.library_dock.show()
        self.search_panel.field.clear()
        self.library_panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def focus_reader(self) -> None:
        self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------- view: zoom, theme

    def _view(self) -> View:
        return View.FACILITATOR if self.notes_action.isChecked() else View.PARTICIPANT

    def _style(self) -> Style:
        return Style(self._theme, self._zoom)

    def _rerender(self) -> None:
        """Shows the current page again in the new style, keeping the reading position."""
        current = self.history.current
        if current is None:
            return
        bar = self.reader.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._show(Location(current.kind, current.target, current.anchor, scroll=None))
        bar.setValue(round(fraction * bar.maximum()))
        self._prepare_timer.start()  # the other pages, in the new style

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
    def _on_theme_action(self, action: QAction) -> None:
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
        self.back_action.setIcon(arrow_icon(True, self._theme.text))
        self.forward_action.setIcon(arrow_icon(False, self._theme.text))
        self.reader.set_staircase(self.library.staircase, self._theme, self._zoom)
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
    def show_about(self) -> None:
        self.launcher.show_about()

    @Slot()
    def show_content_folders(self) -> None:
        self.launcher.show_content_folders(self.user_folder, self.content_folders())

    # ------------------------------------------------------------ presenting

    def current_module_id(self) -> str | None:
        current = self.history.current
        return current.target if current is not None and current.kind == MODULE else None

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
    def open_debrief_board(self) -> None:
        self.launcher.open_debrief_board()

    @Slot()
    def open_plan_editor(self) -> None:
        self.launcher.open_plan(None)

    @Slot()
    def _fill_plans_menu(self) -> None:
        self.plans_menu.clear()
        plans = self.catalog().plans_by_title()
        if not plans:
            self.plans_menu.addAction("(no session plans yet)").setEnabled(False)
        for plan in plans:
            action = self.plans_menu.addAction(plan.title)
            action.triggered.connect(partial(self._open_plan, plan))

    def _open_plan(self, plan: Plan, _checked: bool = False) -> None:
        self.launcher.open_plan(plan)

    @Slot()
    def open_player(self) -> None:
        """The scenario player, offering to resume an unfinished run."""
        self.launcher.open_player()

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
            self.problems_dock.setVisible(bool(self.problems_panel.problems))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.launcher.close_all()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self._prepare_timer.stop()
        self._prepare_generation += 1  # pages being made in the background: stop
        super().closeEvent(event)
