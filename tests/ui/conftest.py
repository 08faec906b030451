"""Fixtures for driving the main window as a user would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from teachin.ui.main_window import MainWindow
from teachin.ui.settings import Settings

GOOD = Path(__file__).parent.parent / "data" / "good"

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> MakeWindow:
    """A shown main window over tests/data/good (instead of the built-in content).

    Windows made by one test share one settings file, so a second window sees
    what the first remembered.
    """
    settings_path = tmp_path / "settings.ini"

    def make(base: list[Path] | None = None, extra: list[Path] | None = None) -> MainWindow:
        store = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(
            Settings(store),
            tmp_path / "user-content",
            extra or [],
            base_folders=base if base is not None else [GOOD],
            check_delay_ms=0,
        )
        qtbot.addWidget(window)
        # The check plays every scenario: on a loaded machine it takes more than the default 5 s.
        with qtbot.waitSignal(window.problems_checked, timeout=60_000), qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()


def click_text(qtbot: QtBot, browser: QTextBrowser, text: str) -> None:
    """Clicks the middle of the first occurrence of ``text`` in the reader, like a user."""
    found = browser.document().find(text)
    assert not found.isNull(), f"{text!r} is not on the page"
    cursor = browser.textCursor()
    cursor.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    point = QPoint(rect.center().x(), rect.center().y())
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
