"""The content the app shows, loaded once and again on Reload: the library (at start-up
from the last start's cache when no file changed), the catalog every other window is
given, the pages made ahead, and the check of every file, in the background."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal, Slot

from teachin.problems import Problem, Severity
from teachin.ui.background import BackgroundJob
from teachin.ui.settings import Settings
from teachin.workshop.library import Library, load_cached_library
from teachin.workshop.pages import PageCache
from teachin.workshop.render import Style
from teachin.workshop.views import View

if TYPE_CHECKING:
    from teachin.catalog import Catalog  # loaded with the content, not at start-up

PREPARE_DELAY_MS = 1000
"""After the content check, or after the last change of view, zoom or theme."""
LIBRARY_CACHE = "library.json"


def default_cache_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) / "pages"


def load_and_check(
    library: Library, folders: list[Path]
) -> tuple[Catalog, list[Problem]] | Exception:
    """The catalog over ``library`` and every problem in it (a loader or checker bug is
    returned, never raised)."""
    from teachin.catalog import check_catalog, load_catalog
    from teachin.export.take_home_check import take_home_problems

    try:
        catalog = load_catalog(folders, library)
        # The take-homes are laid out as they print, off the UI thread like the rest.
        return catalog, check_catalog(catalog) + take_home_problems(catalog.library)
    except Exception as exc:  # a checker bug must not stop the app
        return exc


class ShowsPages(Protocol):
    def page_look(self) -> tuple[View, Style]:
        """The view and style the pages are shown in now."""
        ...


class ContentLoader(QObject):
    """The content folders, lowest layer first: ``base_folders``, the user's own
    folder, folders added from the File menu (remembered in ``settings``), then
    ``extra_folders``. Pages are made ahead for the look of ``parent`` (the window)."""

    loaded = Signal()
    """A new library and page cache (the window shows them)."""
    checked = Signal(object)
    """Every file checked: the problems (a list), or the Exception the check met."""
    pages_prepared = Signal(int)
    """Every page made ahead of time, with how many were made."""

    def __init__(
        self,
        settings: Settings,
        user_folder: Path,
        base_folders: list[Path],
        extra_folders: list[Path],
        cache_folder: Path,
        check_delay_ms: int,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.user_folder = user_folder
        self.cache_folder = cache_folder
        self._base_folders = base_folders
        self._extra_folders = extra_folders
        self._added_folders = settings.added_folders
        self._check_delay_ms = check_delay_ms
        self.library = Library(folders=[])
        self.pages = PageCache(self.library)
        self._catalog: Catalog | None = None
        self._check_generation = 0
        self._prepare_generation = 0
        self.prepare_timer = QTimer(self)
        self.prepare_timer.setSingleShot(True)
        self.prepare_timer.setInterval(PREPARE_DELAY_MS)
        self.prepare_timer.timeout.connect(self._prepare_pages)

    def calls_for_attention(self, problem: Problem) -> bool:
        """Whether a first run opens the Problems panel for ``problem``: an error anywhere,
        or a warning about a folder the user added. A warning about the base folders (the
        content teachin ships) is for its authors (``teachin check`` shows it); a
        facilitator starting teachin for the first time can do nothing about it, and the
        panel's button still counts it."""
        if problem.severity == Severity.ERROR:
            return True
        return problem.severity == Severity.WARNING and not any(
            problem.path.is_relative_to(folder) for folder in self._base_folders
        )

    def folders(self) -> list[Path]:
        folders = list(self._base_folders)
        if self.user_folder.is_dir():
            folders.append(self.user_folder)
        for folder in [*self._added_folders, *self._extra_folders]:
            if folder not in folders:
                folders.append(folder)
        return folders

    def add_folder(self, folder: Path) -> None:
        """Reads ``folder`` from the next load on, and remembers it for the next start."""
        if folder not in self._added_folders:
            self._added_folders.append(folder)
            self.settings.added_folders = self._added_folders

    def load(self, check_later: bool = False) -> None:
        """Loads the library (``loaded``); checks everything, scenarios and plans too
        (``checked``), now or, at start-up, in the background once the window is up."""
        folders = self.folders()
        # At start-up, the library parsed last time serves when no file changed;
        # a reload always reads the files.
        self.library, cache_text = load_cached_library(
            folders, self.cache_folder / LIBRARY_CACHE, reuse=check_later
        )
        if cache_text is not None:
            self._store_library_cache(cache_text)
        self.pages = PageCache(self.library, disk=self.cache_folder)
        self._catalog = None
        self._check_generation += 1
        self.loaded.emit()
        if check_later:
            # Once the first page is on screen: checking loads and simulates
            # every scenario, which start-up should neither wait for nor slow.
            QTimer.singleShot(self._check_delay_ms, self._check_in_background)
        else:
            self._checked(self._check_generation, load_and_check(self.library, folders))

    def catalog(self) -> Catalog:
        """Everything in the content folders, loaded once (and again on Reload): the
        other windows receive their modules, scenarios and plans from here. Before the
        check at start-up has loaded it, it is loaded now."""
        if self._catalog is None:
            from teachin.catalog import load_catalog

            self._catalog = load_catalog(self.folders(), self.library)
        return self._catalog

    def stop(self) -> None:
        """No more pages made in the background (the window is closing)."""
        self.prepare_timer.stop()
        self._prepare_generation += 1

    def _store_library_cache(self, text: str) -> None:
        """Keeps the parsed library for the next start (failing to is no failure)."""
        from teachin.storage import atomic_write_text

        try:
            atomic_write_text(self.cache_folder / LIBRARY_CACHE, text)
        except OSError:
            return

    @Slot()
    def _check_in_background(self) -> None:
        generation, library, folders = self._check_generation, self.library, self.folders()
        job = BackgroundJob(lambda: load_and_check(library, folders), self, name="teachin-check")
        job.finished.connect(partial(self._checked, generation))

    def _checked(self, generation: int, result: tuple[Catalog, list[Problem]] | Exception) -> None:
        if generation != self._check_generation:
            return  # the content was reloaded meanwhile
        if isinstance(result, Exception):
            self.checked.emit(result)
        else:
            catalog, problems = result
            if self._catalog is None:  # else a window was given the one loaded meanwhile
                self._catalog = catalog
            self.checked.emit(problems)
        self.prepare_timer.start()

    @Slot()
    def _prepare_pages(self) -> None:
        """Makes every page for the current view and style in the background, so that
        opening a module never waits for Markdown (with the disk cache, only pages
        whose text or style changed are made again)."""
        self._prepare_generation += 1
        generation, pages = self._prepare_generation, self.pages
        # Asked of the parent, not kept: no reference cycle with the window.
        view, style = cast(ShowsPages, self.parent()).page_look()

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
