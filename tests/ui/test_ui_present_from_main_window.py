"""Presenting and planning, started from the main window's menus and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teachin.locations import builtin_content_dir
from teachin.ui.main_window import MainWindow


def test_shift_f5_presents_the_open_module_and_escape_ends_it(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window()
    qtbot.keyClick(window.library_panel, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert window.launcher.presentation is None
    assert window.statusBar().currentMessage()  # says why nothing happened

    window.open_href("module:sample")
    qtbot.keyClick(window.reader, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    presentation = window.launcher.presentation
    assert presentation is not None
    qtbot.waitUntil(presentation.audience.isVisible)
    assert presentation.console.isVisible()
    assert presentation.controller.count >= 2

    qtbot.keyClick(presentation.console, Qt.Key.Key_PageDown)
    assert presentation.controller.index == 1
    audience = presentation.audience
    qtbot.keyClick(presentation.console, Qt.Key.Key_Escape)
    assert not audience.isVisible()
    qtbot.waitUntil(lambda: window.launcher.presentation is None)  # deleted once it ended


def test_plan_editor_opens_a_starter_plan_and_presents_it(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    window.plans_menu.aboutToShow.emit()
    titles = [action.text() for action in window.plans_menu.actions()]
    assert "Teach-in: from theory to practice (90 minutes)" in titles
    action = next(a for a in window.plans_menu.actions() if a.text().endswith("(90 minutes)"))
    action.trigger()
    assert window.launcher.plan_dialog is not None and window.launcher.plan_dialog.isVisible()
    editor = window.launcher.plan_editor
    assert editor.plan.title.endswith("(90 minutes)")
    assert editor.plan.available == 90 and "to spare" in editor.budget.text()

    editor.presentRequested.emit(editor.plan)
    assert window.launcher.presentation is not None
    qtbot.waitUntil(window.launcher.presentation.audience.isVisible)
    window.close()
    qtbot.waitUntil(lambda: window.launcher.windows.names() == [])


def test_plan_editor_opens_by_keyboard(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window()
    qtbot.keyClick(
        window.library_panel,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.launcher.plan_dialog is not None
    qtbot.waitUntil(window.launcher.plan_dialog.isVisible)
    window.launcher.plan_dialog.close()
    qtbot.waitUntil(lambda: window.launcher.plan_dialog is None)


def test_debrief_board_opens_from_the_present_menu(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    qtbot.keyClick(
        window.library_panel,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    board = window.launcher.debrief_board
    assert board is not None
    qtbot.waitUntil(board.isVisible)
    window.close()
    assert not board.isVisible()
    qtbot.waitUntil(lambda: window.launcher.debrief_board is None)


def test_a_plan_with_a_scenario_can_be_played_by_the_room(qtbot: QtBot, make_window) -> None:
    from teachin.plan.fileformat import load_plans

    window: MainWindow = make_window(base=[builtin_content_dir()])
    plans, _ = load_plans([builtin_content_dir()])
    window.present(plans["half-day-workshop"])
    controller = window.launcher.presentation.controller
    assert controller.room is not None  # room play is available in presentations from the app
    window.close()


def test_a_plan_left_unsaved_comes_back_when_the_editor_opens_again(
    qtbot: QtBot, make_window
) -> None:
    window: MainWindow = make_window()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.library_panel, Qt.Key.Key_T, keys)
    editor = window.launcher.plan_editor
    editor.title_edit.clear()
    qtbot.keyClicks(editor.title_edit, "Thursday teach-in")
    assert editor.dirty
    qtbot.keyClick(window.launcher.plan_dialog, Qt.Key.Key_Escape)  # closed: deleted
    qtbot.waitUntil(lambda: window.launcher.plan_dialog is None)

    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.library_panel, Qt.Key.Key_T, keys)
    editor = window.launcher.plan_editor
    assert editor.title_edit.text() == "Thursday teach-in"
    assert editor.dirty  # still unsaved
