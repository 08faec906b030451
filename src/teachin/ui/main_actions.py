"""The main window's actions, menus and toolbar, described as tables.

Each action is one row of :data:`ACTIONS`: the window attribute it is kept in (its
Qt object name is the same in camelCase), its text, the window's slot it calls,
its keys and tip. :data:`MENUS` and :data:`TOOLBAR` list the rows by attribute.
:func:`install` builds them all on a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Protocol, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from teachin.workshop.themes import THEMES, Theme


class ActionsHost(Protocol):
    """What the tables need of the window besides being a QMainWindow (typed here:
    naming the main window's class would make an import circle)."""

    theme_group: QActionGroup
    theme_actions: dict[str, QAction]
    plans_menu: QMenu
    toolbar: QToolBar

    @property
    def theme(self) -> Theme: ...

    def on_theme_action(self, action: QAction) -> None: ...

    def fill_plans_menu(self) -> None: ...

    def add_style_icons(self) -> None: ...


Key = QKeySequence.StandardKey
Keys = tuple[QKeySequence.StandardKey | str, ...]


@dataclass(frozen=True)
class ActionRow:
    attr: str
    """The window attribute that keeps the action."""
    text: str
    slot: str
    """The window's method the action calls (with the checked state, if checkable), or
    its launcher's (``launcher.open_player``)."""
    keys: Keys = ()
    tip: str = ""
    icon: str = ""
    """One of the style's standard pixmaps, fetched when the File menu first opens."""
    checkable: bool = False
    role: QAction.MenuRole | None = None
    icon_text: str = ""
    """The toolbar's label, when it differs from the text."""


ACTIONS: tuple[ActionRow, ...] = (
    ActionRow(
        "add_folder_action",
        "&Add content folder…",
        "choose_content_folder",
        (Key.Open,),
        tip="Read modules from another folder too (a content pack on a USB stick)",
    ),
    ActionRow(
        "reload_action",
        "&Reload content",
        "reload_content",
        ("F5", Key.Refresh),
        icon="SP_BrowserReload",
    ),
    ActionRow(
        "export_action",
        "&Export to PDF…",
        "open_export_dialog",
        (Key.Print, "Ctrl+E"),
        tip="Print handouts, the facilitator guide, an agenda, worksheets or a debrief to PDF",
    ),
    ActionRow(
        "quit_action", "&Quit", "close", (Key.Quit, "Ctrl+Q"), role=QAction.MenuRole.QuitRole
    ),
    ActionRow("back_action", "&Back", "navigation.go_back", (Key.Back, "Alt+Left")),
    ActionRow("forward_action", "&Forward", "navigation.go_forward", (Key.Forward, "Alt+Right")),
    ActionRow("home_action", "&Welcome page", "navigation.go_home", ("Alt+Home",)),
    ActionRow("glossary_action", "&Glossary", "navigation.open_glossary", ("Ctrl+G",)),
    ActionRow("search_action", "&Search…", "navigation.focus_search", ("Ctrl+K", Key.Find)),
    ActionRow("focus_library_action", "Go to &library", "navigation.focus_library", ("Ctrl+1",)),
    ActionRow("focus_reader_action", "Go to &reader", "navigation.focus_reader", ("Ctrl+2",)),
    ActionRow(
        "zoom_in_action",
        "Zoom &in",
        "zoom_in",
        (Key.ZoomIn, "Ctrl++", "Ctrl+="),
        tip="Larger text",
        icon_text="A+",
    ),
    ActionRow(
        "zoom_out_action",
        "Zoom &out",
        "zoom_out",
        (Key.ZoomOut, "Ctrl+-"),
        tip="Smaller text",
        icon_text="A−",
    ),
    ActionRow("zoom_reset_action", "&Normal size", "zoom_reset", ("Ctrl+0",)),
    ActionRow(
        "notes_action",
        "&Facilitator notes",
        "set_notes_visible",
        ("Ctrl+Shift+N",),
        tip="Show or hide facilitator notes and activities (Ctrl+Shift+N)",
        checkable=True,
        icon_text="Notes",
    ),
    ActionRow(
        "full_screen_action",
        "F&ull screen",
        "set_full_screen",
        (Key.FullScreen, "F11"),
        checkable=True,
    ),
    ActionRow(
        "present_action",
        "&Present this module",
        "present_current_module",
        ("Shift+F5",),
        tip="Show the open module's slides full screen on the projector, with the presenter "
        "console here (Shift+F5)",
        icon_text="Present",
    ),
    ActionRow(
        "plan_action",
        "Plan a &session…",
        "launcher.open_plan_editor",
        ("Ctrl+Shift+T",),
        tip="Build a timed session plan from modules, scenarios and breaks, then present it",
    ),
    ActionRow(
        "play_action",
        "&Play a scenario…",
        "launcher.open_player",
        ("Ctrl+Shift+Y",),
        tip="Choose tactics round by round in a scenario and see what follows",
    ),
    ActionRow(
        "debrief_board_action",
        "&Debrief board…",
        "launcher.open_debrief_board",
        ("Ctrl+Shift+D",),
        tip="Show several groups' runs side by side on the projector, to compare their paths",
    ),
    ActionRow(
        "groups_action",
        "&Groups play on phones…",
        "launcher.open_groups",
        tip="Each table plays a scenario in its own browser; the board fills as they play",
    ),
    ActionRow(
        "phones_network_action",
        "Phones' &network…",
        "launcher.choose_phone_network",
        tip="The network phones join on (a presentation's room play turns phones on there)",
    ),
    ActionRow("content_folders_action", "&Content folders…", "show_content_folders"),
    ActionRow(
        "about_action", "&About teachin", "launcher.show_about", role=QAction.MenuRole.AboutRole
    ),
)

DOCK_ACTIONS = (
    # (attribute, the dock's attribute, text, key)
    ("problems_action", "problems_dock", "&Problems", "Ctrl+Shift+P"),
    ("library_action", "library_dock", "&Library", "Ctrl+Shift+L"),
)

THEME_MENU = "&Theme"
PLANS_MENU = "&Open a session plan"
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    # (title, entries): an action's attribute, a submenu's title, or None for a separator
    ("&File", ("add_folder_action", "reload_action", None, "export_action", None, "quit_action")),
    (
        "&Go",
        (
            *("back_action", "forward_action", "home_action", "glossary_action", None),
            *("search_action", "focus_library_action", "focus_reader_action"),
        ),
    ),
    (
        "&View",
        (
            *("zoom_in_action", "zoom_out_action", "zoom_reset_action", None, THEME_MENU),
            *("notes_action", None, "library_action", "problems_action", "full_screen_action"),
        ),
    ),
    ("Pl&ay", ("play_action",)),
    (
        "&Present",
        (
            *("present_action", "plan_action", "debrief_board_action", PLANS_MENU, None),
            *("groups_action", "phones_network_action"),
        ),
    ),
    ("&Help", ("content_folders_action", "about_action")),
)
TOOLBAR: tuple[str | None, ...] = (
    *("back_action", "forward_action", None, "zoom_out_action", "zoom_in_action", None),
    *("notes_action", None, "present_action"),
)


def install(window: QMainWindow) -> None:
    """Makes every action of the tables on ``window``, then its menus and toolbar. The
    window has the slots the tables name, ``theme``, ``on_theme_action``,
    ``fill_plans_menu`` and ``add_style_icons``; it gets an attribute for each action,
    ``theme_group``, ``theme_actions``, ``plans_menu`` and ``toolbar``. (Typed as a
    QMainWindow: naming the main window's class here would make an import circle.)"""
    for row in ACTIONS:
        setattr(window, row.attr, _action(window, row))
    for attr, dock, text, key in DOCK_ACTIONS:
        action = getattr(window, dock).toggleViewAction()
        action.setText(text)
        action.setObjectName(_camel(attr))
        action.setShortcut(QKeySequence(key))
        setattr(window, attr, action)
    _theme_actions(window)
    _menus(window)
    _toolbar(window)


def add_style_icons(window: QMainWindow) -> None:
    """The style's standard icons, fetched when the File menu first opens, so that
    start-up needs no QStyle."""
    from PySide6.QtWidgets import QStyle

    style = window.style()
    for row in ACTIONS:
        if row.icon:
            icon = style.standardIcon(getattr(QStyle.StandardPixmap, row.icon))
            getattr(window, row.attr).setIcon(icon)


def _camel(attr: str) -> str:
    first, *rest = attr.split("_")
    return first + "".join(word.capitalize() for word in rest)


def _action(window: QMainWindow, row: ActionRow) -> QAction:
    action = QAction(row.text, window)
    action.setObjectName(_camel(row.attr))
    keys = _unique_keys(row.keys)
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setCheckable(row.checkable)
    hint = row.text.replace("&", "").rstrip("…")
    if keys:
        hint += f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(row.tip or hint)
    action.setStatusTip(row.tip or hint)
    if row.role is not None:
        action.setMenuRole(row.role)
    if row.icon_text:
        action.setIconText(row.icon_text)
    slot = reduce(getattr, row.slot.split("."), window)
    (action.toggled if row.checkable else action.triggered).connect(slot)
    window.addAction(action)
    return action


def _unique_keys(shortcuts: Keys) -> list[QKeySequence]:
    """Every key of the shortcuts (a standard key may have several), each once."""
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys.extend(QKeySequence.keyBindings(shortcut))
        else:
            keys.append(QKeySequence(shortcut))
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    return unique


def _theme_actions(window: QMainWindow) -> None:
    host = cast(ActionsHost, window)
    group = QActionGroup(window)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    current = host.theme.id
    for theme in THEMES.values():
        action = QAction(theme.name, group)
        action.setObjectName(f"theme-{theme.id}")
        action.setCheckable(True)
        action.setChecked(theme.id == current)
        action.setData(theme.id)
        actions[theme.id] = action
    group.triggered.connect(host.on_theme_action)
    host.theme_group = group
    host.theme_actions = actions


def _menus(window: QMainWindow) -> None:
    bar = window.menuBar()
    bar.setAccessibleName("Menu bar")
    for title, entries in MENUS:
        menu = bar.addMenu(title)
        if title == "&File":
            menu.aboutToShow.connect(cast(ActionsHost, window).add_style_icons)
        _fill(window, menu, entries)


def _fill(window: QMainWindow, menu: QMenu, entries: Sequence[str | None]) -> None:
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        elif entry == THEME_MENU:
            menu.addMenu(THEME_MENU).addActions(
                list(cast(ActionsHost, window).theme_actions.values())
            )
        elif entry == PLANS_MENU:
            plans = menu.addMenu(PLANS_MENU)
            plans.setObjectName("plansMenu")
            plans.aboutToShow.connect(cast(ActionsHost, window).fill_plans_menu)
            cast(ActionsHost, window).plans_menu = plans
        else:
            menu.addAction(getattr(window, entry))


def _toolbar(window: QMainWindow) -> None:
    toolbar = QToolBar("Navigation", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName("Main toolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(22, 22))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for entry in TOOLBAR:
        if entry is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(getattr(window, entry))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    cast(ActionsHost, window).toolbar = toolbar
    # The toolbar's own buttons, found as QToolButtons: asking widgetForAction()
    # for each makes PySide6 work out the type of a bare QWidget, which is slow
    # the first time.
    for button in toolbar.findChildren(QToolButton):
        action = button.defaultAction()
        if action is not None and not action.isSeparator():
            button.setAccessibleName(action.text().replace("&", ""))
