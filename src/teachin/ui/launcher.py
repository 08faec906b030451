"""Opening the main window's other windows: player, presentation, plan editor,
debrief board, export, about and content folders.

Each window is kept by :class:`teachin.ui.windows.OpenWindows` under the ownership
rule written there, and receives the content as typed objects from the app's one
:class:`teachin.catalog.Catalog` (never ids or folders to read again). Window
modules are imported when first opened, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMainWindow, QWidget

from teachin.ui.windows import OpenWindows

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from teachin.catalog import Catalog
    from teachin.plan.model import Plan
    from teachin.ui.export_dialog import ExportDialog
    from teachin.ui.plan.plan_editor import PlanEditor
    from teachin.ui.player.player_window import PlayerWindow
    from teachin.ui.present.debrief_board import DebriefBoard
    from teachin.ui.present.presentation import Presentation
    from teachin.ui.settings import Settings
    from teachin.workshop.module import Module

PLAYER = "player"
PRESENTATION = "presentation"
DEBRIEF_BOARD = "debrief board"
PLAN_EDITOR = "plan editor"
EXPORT = "export"
ABOUT = "about"
CONTENT_FOLDERS = "content folders"
GROUPS = "groups on phones"
PHONES_NETWORK = "phones network"


class LaunchingWindow(Protocol):
    """What the launcher asks of the main window, besides being one."""

    def catalog(self) -> Catalog: ...

    def open_href(self, href: str) -> bool: ...


class WindowLauncher(QObject):
    """Opens the other windows for ``main`` (its parent), over ``main``'s catalog."""

    def __init__(self, main: QMainWindow, settings: Settings) -> None:
        super().__init__(main)
        self._settings = settings
        self.windows = OpenWindows(self)
        self._unsaved_plan: Plan | None = None
        """The plan being edited when the plan editor was closed with unsaved changes."""

    @property
    def _main(self) -> QMainWindow:
        # Asked of Qt, not kept: no reference cycle with the main window.
        return cast(QMainWindow, self.parent())

    def _catalog(self) -> Catalog:
        return cast(LaunchingWindow, self._main).catalog()

    # -- what is open (None once closed: Qt has deleted it) ---------------------------
    @property
    def player(self) -> PlayerWindow | None:
        return cast("PlayerWindow | None", self.windows.find(PLAYER))

    @property
    def presentation(self) -> Presentation | None:
        return cast("Presentation | None", self.windows.find(PRESENTATION))

    @property
    def debrief_board(self) -> DebriefBoard | None:
        return cast("DebriefBoard | None", self.windows.find(DEBRIEF_BOARD))

    @property
    def plan_dialog(self) -> QDialog | None:
        return cast("QDialog | None", self.windows.find(PLAN_EDITOR))

    @property
    def plan_editor(self) -> PlanEditor | None:
        from teachin.ui.plan.plan_editor import PlanEditor

        dialog = self.plan_dialog
        return dialog.findChild(PlanEditor) if dialog is not None else None

    @property
    def export_dialog(self) -> ExportDialog | None:
        return cast("ExportDialog | None", self.windows.find(EXPORT))

    def close_all(self) -> None:
        self.windows.close_all()

    # -- playing -----------------------------------------------------------------------
    @Slot()
    def open_player(self) -> None:
        """The scenario player (brought forward if open), offering to resume a run."""
        player = self.player
        if player is None:
            from teachin.ui.player.player_window import PlayerWindow
            from teachin.ui.userdirs import runs_dir

            catalog = self._catalog()
            player = PlayerWindow(catalog.scenarios, catalog.library, runs_dir(), self._settings)
            player.conceptRequested.connect(self._open_concept)
            player.resume_or_pick()
            self.windows.keep(PLAYER, player)
        _bring_forward(player)

    @Slot(str)
    def _open_concept(self, href: str) -> None:
        if cast(LaunchingWindow, self._main).open_href(href):
            _bring_forward(self._main)

    # -- presenting --------------------------------------------------------------------
    def present(self, plan_or_module: Plan | Module) -> None:
        """The audience window on the projector (or this screen) and the presenter
        console; a presentation already running ends first."""
        from teachin.ui.phones.room_phones import PhonesSetup
        from teachin.ui.present.presentation import start_presentation
        from teachin.ui.present.room_play import RoomSetup
        from teachin.ui.userdirs import app_data_dir

        self.windows.close(PRESENTATION)
        catalog = self._catalog()
        presentation = start_presentation(
            catalog.library,
            plan_or_module,
            scenarios=catalog.scenario_summaries(),
            room=RoomSetup(
                catalog.scenarios, app_data_dir() / "room-runs", phones=PhonesSetup(self._settings)
            ),
        )
        for window in (presentation.audience, presentation.console):
            self.windows.keep(f"{PRESENTATION} {window.objectName()}", window)
        presentation.setParent(self)  # owned by Qt; deleted later, once it has ended
        presentation.finished.connect(presentation.deleteLater)
        presentation.finished.connect(self._main.activateWindow)
        self.windows.keep(PRESENTATION, presentation)

    @Slot()
    def open_debrief_board(self) -> None:
        """The groups' runs side by side (on the projector when there is one); a board
        already open is replaced by a new one."""
        from teachin.ui.present.debrief_board import open_debrief_board
        from teachin.ui.userdirs import runs_dir

        catalog = self._catalog()
        board = open_debrief_board(catalog.scenarios, catalog.library, start_folder=runs_dir())
        self.windows.keep(DEBRIEF_BOARD, board)

    # -- phones ------------------------------------------------------------------------
    @Slot()
    def open_groups(self) -> None:
        """Groups play on their own devices (brought forward if open)."""
        groups = self.windows.find(GROUPS)
        if groups is None:
            from teachin.ui.phones.groups_window import GroupsWindow
            from teachin.ui.phones.room_phones import PhonesSetup
            from teachin.ui.userdirs import app_data_dir

            catalog = self._catalog()
            folder = app_data_dir() / "table-runs"
            groups = GroupsWindow(
                catalog.scenarios, catalog.library, folder, PhonesSetup(self._settings)
            )
            self.windows.keep(GROUPS, groups)
        _bring_forward(cast(QWidget, groups))

    @Slot()
    def choose_phone_network(self) -> None:
        """The network phones join on, remembered; a running room play's phones move there."""
        from teachin.ui.phones.address_dialog import AddressDialog
        from teachin.ui.phones.addresses import network_addresses

        dialog = AddressDialog(network_addresses(), self._settings.phone_address, self._main)
        dialog.addressChosen.connect(self._phone_network_chosen)
        self.windows.keep(PHONES_NETWORK, dialog).open()

    @Slot(str)
    def _phone_network_chosen(self, ip: str) -> None:
        self._settings.phone_address = ip
        presentation = self.presentation
        room = presentation.controller.room if presentation is not None else None
        if room is not None and room.phones is not None:
            room.phones.start_on(ip)

    # -- planning ----------------------------------------------------------------------
    @Slot()
    def open_plan_editor(self) -> None:
        self.open_plan(None)

    def open_plan(self, plan: Plan | None) -> None:
        """The session-plan editor (brought forward if open), showing ``plan``, or
        else the plan left unsaved when it was last closed."""
        dialog, editor = self.plan_dialog, self.plan_editor
        if dialog is None or editor is None:
            from teachin.ui.plan.plan_editor import PlanEditor, user_plans_dir

            catalog = self._catalog()
            dialog, editor = PlanEditor.dialog(
                catalog.library, user_plans_dir(), catalog.scenario_titles(), self._main
            )
            editor.presentRequested.connect(self.present)
            editor.saved.connect(self._plan_saved)
            dialog.finished.connect(self._plan_editor_closed)
            self.windows.keep(PLAN_EDITOR, dialog)
            if plan is None and self._unsaved_plan is not None:
                editor.set_plan(self._unsaved_plan, unsaved=True)
        if plan is not None:
            found = [p for p in self._catalog().problems if p.path == plan.path]
            editor.set_plan(plan, found)
        _bring_forward(dialog)

    @Slot()
    def _plan_editor_closed(self) -> None:
        editor = self.plan_editor
        if editor is not None:
            self._unsaved_plan = editor.plan if editor.dirty else None

    @Slot(Path)
    def _plan_saved(self, path: Path) -> None:
        from teachin.plan.fileformat import load_plan

        plan, _problems = load_plan(path)
        if plan is not None:
            self._catalog().add_plan(plan)

    # -- dialogs -----------------------------------------------------------------------
    def open_export_dialog(self, current_module: Module | None) -> None:
        """File › Export: what to print, a preview of its pages, and Save PDF."""
        from teachin.ui.export_dialog import ExportDialog
        from teachin.ui.userdirs import runs_dir

        runs = sorted(runs_dir().glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        dialog = ExportDialog(self._catalog(), runs, current_module, self._main)
        self.windows.keep(EXPORT, dialog).open()

    @Slot()
    def show_about(self) -> None:
        from teachin.ui.about_dialog import AboutDialog

        self.windows.keep(ABOUT, AboutDialog(self._main.windowIcon(), self._main)).open()

    def show_content_folders(self, user_folder: Path, folders: list[Path]) -> None:
        from teachin.ui.content_folders_dialog import ContentFoldersDialog

        dialog = ContentFoldersDialog(user_folder, folders, self._main)
        self.windows.keep(CONTENT_FOLDERS, dialog).open()


def _bring_forward(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
