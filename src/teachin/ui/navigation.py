"""The main window's reading: which page is shown, the way back and forward, where
links and search hits lead, and the keys that move between search, library and reader."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, Qt, QUrl, Slot

from teachin.workshop.history import History
from teachin.workshop.pages import MODULE, Location

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QStatusBar

    from teachin.ui.library_panel import LibraryPanel
    from teachin.ui.reader_view import ReaderView
    from teachin.ui.search_panel import SearchPanel
    from teachin.ui.settings import Settings
    from teachin.workshop.pages import PageCache
    from teachin.workshop.render import Style
    from teachin.workshop.search import Hit
    from teachin.workshop.views import View

WELCOME = Location("welcome")
EXTERNAL_SCHEMES = ("http", "https", "mailto")


class ReadingWindow(Protocol):
    """What navigation uses of the main window (its parent)."""

    settings: Settings
    reader: ReaderView
    library_panel: LibraryPanel
    library_dock: QDockWidget
    search_panel: SearchPanel
    back_action: QAction
    forward_action: QAction

    @property
    def pages(self) -> PageCache: ...

    def page_look(self) -> tuple[View, Style]: ...

    def statusBar(self) -> QStatusBar: ...

    def setWindowTitle(self, title: str) -> None: ...


class Navigation(QObject):
    """Shows pages in ``window``'s reader and keeps their history."""

    def __init__(self, window: QObject) -> None:
        super().__init__(window)
        self.history = History()

    @property
    def _window(self) -> ReadingWindow:
        # Asked of Qt, not kept: no reference cycle with the window.
        return cast("ReadingWindow", self.parent())

    def current_module_id(self) -> str | None:
        current = self.history.current
        return current.target if current is not None and current.kind == MODULE else None

    def show_current(self) -> None:
        """The current page again (after a reload), or the welcome page if it has gone."""
        current = self.history.current
        self.show(
            current if current is not None and self._window.pages.exists(current) else WELCOME
        )

    def open_start_page(self) -> None:
        location = Location.parse(self._window.settings.last_location)
        if location is None or not self._window.pages.exists(location):
            location = WELCOME
        self.navigate(location)

    @Slot(str)
    def open_href(self, href: str) -> bool:
        location = Location.parse(href)
        if location is None or not self._window.pages.exists(location):
            self._window.statusBar().showMessage(f"Not found: {href}", 5000)
            return False
        self.navigate(location)
        return True

    def navigate(self, location: Location, highlight: str = "") -> None:
        self.remember_scroll()
        self.history.visit(location)
        self.show(location, highlight)

    def remember_scroll(self) -> None:
        current = self.history.current
        if current is not None:
            current.scroll = self._window.reader.verticalScrollBar().value()

    def show(self, location: Location, highlight: str = "") -> None:
        try:
            page = self._window.pages.html(location, *self._window.page_look())
        except Exception as exc:  # a broken file must never stop the app
            import html

            page = (
                "<h1>This page could not be shown</h1>"
                f"<p>{html.escape(self._window.pages.title(location))}: "
                f"{html.escape(str(exc))}</p><p>Fix the file and press F5 to reload.</p>"
            )
        self._window.reader.show_page(page, location.anchor, location.scroll)
        if highlight:
            self._window.reader.highlight(highlight, location.anchor)
        self._window.library_panel.select_page(location.page)
        title = self._window.pages.title(location)
        self._window.setWindowTitle(
            f"{title} — teachin" if location.kind != "welcome" else "teachin"
        )
        self._window.back_action.setEnabled(self.history.can_go_back())
        self._window.forward_action.setEnabled(self.history.can_go_forward())
        self._window.settings.last_location = (
            location.page if location.kind == MODULE else location.href
        )

    @Slot()
    def go_back(self) -> None:
        self._go_through_history(self.history.back)

    @Slot()
    def go_forward(self) -> None:
        self._go_through_history(self.history.forward)

    def _go_through_history(self, step: Callable[[], Location | None]) -> None:
        """Back or forward: a page gone since (its module removed on Reload) shows the
        welcome page instead."""
        self.remember_scroll()
        location = step()
        if location is not None:
            self.show(location if self._window.pages.exists(location) else WELCOME)

    @Slot()
    def go_home(self) -> None:
        self.navigate(Location("welcome"))

    @Slot()
    def open_glossary(self) -> None:
        self.navigate(Location("glossary"))

    @Slot(QUrl)
    def on_link_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme in ("module", "glossary"):
            self.open_href(url.toString())
        elif scheme in EXTERNAL_SCHEMES:
            # Only ever on the user's click, and in their own browser: teachin fetches nothing.
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
        elif not scheme and url.hasFragment():
            self._window.reader.scrollToAnchor(url.fragment())

    @Slot(object)
    def on_hit_activated(self, hit: Hit) -> None:
        location = (
            Location.slide(hit.target_id, hit.slide)
            if hit.kind == "module"
            else Location.parse(hit.href)
        )
        if location is None or not self._window.pages.exists(location):
            return
        self.navigate(location, highlight=hit.match)
        self._window.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        where = f"slide {hit.slide + 1}" if hit.slide is not None else hit.where
        self._window.statusBar().showMessage(f"Found “{hit.match}” in {hit.title}, {where}", 5000)

    @Slot(bool)
    def on_searching(self, searching: bool) -> None:
        self._window.library_panel.setVisible(not searching)

    @Slot()
    def focus_search(self) -> None:
        self._window.library_dock.show()
        self._window.search_panel.focus_field()

    @Slot()
    def focus_library(self) -> None:
        self._window.library_dock.show()
        self._window.search_panel.field.clear()
        self._window.library_panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def focus_reader(self) -> None:
        self._window.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
