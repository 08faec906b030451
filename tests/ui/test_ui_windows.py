"""Every window the main window opens can be opened, closed and opened again, as a user
does it (menus and keys), and the main window then closes cleanly (the ownership rule
in teachin.ui.windows). The same, on a real X11 server, in a process of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from teachin.locations import builtin_content_dir
from teachin.ui.main_window import MainWindow

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SCRIPT = Path(__file__).with_name("open_every_window.py")


def press(qtbot: QtBot, window: MainWindow, key: Key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A shortcut typed in the main window (brought forward first, as a user clicks it)."""
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.reader, key, modifiers)


def open_close_twice(qtbot: QtBot, window: MainWindow, name: str, open_it, close_it) -> None:
    for _ in range(2):
        open_it()
        opened = window.launcher.windows.find(name)
        assert opened is not None, f"{name} did not open"
        if isinstance(opened, QWidget):
            qtbot.waitUntil(opened.isVisible)
        close_it(opened)
        qtbot.waitUntil(lambda: window.launcher.windows.find(name) is None)  # deleted


def escape(qtbot: QtBot):
    return lambda opened: qtbot.keyClick(opened, Key.Key_Escape)


def test_every_window_opens_closes_and_opens_again(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    module = window.library.ordered_modules()[0]

    # The reader: a module opened from the library, by keyboard.
    window.library_panel.setFocus()
    window.library_panel.select_page(module.id)
    qtbot.keyClick(window.library_panel, Key.Key_Return)
    assert window.current_module_id() == module.id

    open_close_twice(
        qtbot, window, "player", lambda: press(qtbot, window, Key.Key_Y, CTRL_SHIFT), _close
    )
    open_close_twice(
        qtbot,
        window,
        "presentation",
        lambda: press(qtbot, window, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier),
        lambda presentation: qtbot.keyClick(presentation.console, Key.Key_Escape),
    )
    open_close_twice(
        qtbot,
        window,
        "plan editor",
        lambda: press(qtbot, window, Key.Key_T, CTRL_SHIFT),
        escape(qtbot),
    )
    open_close_twice(
        qtbot, window, "export", lambda: press(qtbot, window, Key.Key_E, CTRL), escape(qtbot)
    )
    open_close_twice(
        qtbot,
        window,
        "debrief board",
        lambda: press(qtbot, window, Key.Key_D, CTRL_SHIFT),
        escape(qtbot),
    )
    open_close_twice(
        qtbot, window, "content folders", window.content_folders_action.trigger, escape(qtbot)
    )
    open_close_twice(qtbot, window, "about", window.about_action.trigger, escape(qtbot))

    # Everything open at once, then the main window closes: all of them go.
    press(qtbot, window, Key.Key_Y, CTRL_SHIFT)
    press(qtbot, window, Key.Key_D, CTRL_SHIFT)
    press(qtbot, window, Key.Key_T, CTRL_SHIFT)
    press(qtbot, window, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(window.launcher.windows.names()) == [
        "debrief board",
        "plan editor",
        "player",
        "presentation",
        "presentation audience-screen",
        "presentation presenter-console",
    ]
    window.close()
    qtbot.waitUntil(lambda: window.launcher.windows.names() == [])
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def _close(opened: QWidget) -> None:
    opened.close()  # the window's own close button


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (xvfb-run)")
def test_every_window_on_a_real_x_server(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).parents[2]), str(Path(__file__).parents[2] / "src")]
    )
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(SCRIPT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert "already deleted" not in output
    assert "Traceback" not in output
    assert result.returncode == 0, output
    assert "every window opened, closed and opened again" in result.stdout
