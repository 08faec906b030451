"""The main window and its dialogs, as a screen-reader or keyboard-only user meets
them: every control named (no two alike), Tab reaching every control in reading order
and Shift+Tab going back. The main window is built once for the module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog
from tests.accessibility import activate, check_window

from teachin.ui.main_window import MainWindow
from teachin.ui.settings import Settings

GOOD = Path(__file__).parent.parent / "data" / "good"
KEYS = ("Close the library", "Close the problems panel", "Clear the search")
"""Out of Tab's way, as in every Qt app: View › Library and View › Problems
(Ctrl+Shift+P) show and hide the panels; Escape in the search field clears it."""


@pytest.fixture(scope="module")
def main_window(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MainWindow]:
    folder = tmp_path_factory.mktemp("a11y")
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        Settings(store),
        folder / "user-content",
        base_folders=[GOOD],
        cache_folder=folder / "cache",
        check_delay_ms=60_000,  # not needed here: the problems panel is shown by hand
    )
    window.resize(1366, 768)
    window.show()
    activate(window)
    yield window
    window.launcher.close_all()
    window.close()
    window.deleteLater()


def test_main_window_with_search_results_and_problems(main_window: MainWindow, qtbot) -> None:
    check_window(main_window, main_window.library_panel, KEYS)
    main_window.problems_action.trigger()
    qtbot.keyClicks(main_window.search_panel.field, "strike")
    qtbot.waitUntil(main_window.search_panel.results.isVisible)
    # The results stand in for the library.
    check_window(main_window, main_window.search_panel.field, KEYS)


def open_dialog(main_window: MainWindow, action_name: str, window_name: str) -> QDialog:
    getattr(main_window, f"{action_name}_action").trigger()
    dialog = main_window.launcher.windows.find(window_name)
    assert isinstance(dialog, QDialog)
    return dialog


def test_export_dialog_for_every_kind_of_print(main_window: MainWindow) -> None:
    dialog = open_dialog(main_window, "export", "export")
    kinds = dialog.findChild(QComboBox, "exportKind")
    assert kinds is not None
    for index in range(kinds.count()):
        kinds.setCurrentIndex(index)
        check_window(dialog)
    dialog.reject()


@pytest.mark.parametrize(
    ("action_name", "window_name"), [("content_folders", "content folders"), ("about", "about")]
)
def test_dialog(main_window: MainWindow, action_name: str, window_name: str) -> None:
    dialog = open_dialog(main_window, action_name, window_name)
    check_window(dialog)
    dialog.reject()


def test_plan_editor_with_blocks(main_window: MainWindow, qtbot) -> None:
    dialog = open_dialog(main_window, "plan", "plan editor")
    editor = main_window.launcher.plan_editor
    assert editor is not None
    qtbot.mouseClick(editor.add_module_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_module_button, Qt.MouseButton.LeftButton)
    check_window(dialog, editor.title_edit)
    dialog.reject()
