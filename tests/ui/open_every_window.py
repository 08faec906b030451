"""Run by test_ui_windows under a real X server: starts teachin as the ``teachin``
command does, opens, closes and reopens every window the main window launches
through its menu actions, then quits from the File menu. The exit code is the app's."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

HOME = Path(tempfile.mkdtemp(prefix="teachin-windows-"))
os.environ["HOME"] = str(HOME)
for variable, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share")):
    os.environ[variable] = str(HOME / folder)
os.environ["XDG_CACHE_HOME"] = str(HOME / ".cache")

errors: list[str] = []


def main() -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from teachin.ui.app import make_main_window, start

    started = start(lambda: make_main_window([]))
    assert started is not None, "no X server"
    app, window = started

    def record(kind, error, trace) -> None:  # instead of the app's dialog, which waits
        errors.append("".join(traceback.format_exception(kind, error, trace)))
        print(errors[-1], file=sys.stderr)

    sys.excepthook = record
    launcher = window.launcher

    def wait_for(condition, what: str) -> None:
        for _ in range(400):
            if condition():
                return
            QTest.qWait(25)
        raise AssertionError(f"timed out: {what}")

    def open_close_twice(name: str, action, close) -> None:
        for _ in range(2):
            action.trigger()
            wait_for(lambda: launcher.windows.find(name) is not None, f"{name} opens")
            close(launcher.windows.find(name))
            wait_for(lambda: launcher.windows.find(name) is None, f"{name} is deleted")

    def escape(opened) -> None:
        QTest.keyClick(opened, Qt.Key.Key_Escape)

    def present_escape(presentation) -> None:
        QTest.keyClick(presentation.console, Qt.Key.Key_Escape)

    def run() -> None:
        try:
            window.open_href(f"module:{window.library.ordered_modules()[0].id}")
            open_close_twice("player", window.play_action, lambda w: w.close())
            open_close_twice("presentation", window.present_action, present_escape)
            open_close_twice("plan editor", window.plan_action, escape)
            open_close_twice("export", window.export_action, escape)
            open_close_twice("debrief board", window.debrief_board_action, escape)
            open_close_twice("content folders", window.content_folders_action, escape)
            open_close_twice("about", window.about_action, escape)
            open_close_twice("groups on phones", window.groups_action, lambda w: w.close())
            open_close_twice("phones network", window.phones_network_action, escape)
            for action in (window.play_action, window.debrief_board_action, window.plan_action):
                action.trigger()
            window.present_action.trigger()
            QTest.qWait(200)
            print("every window opened, closed and opened again", flush=True)
        except Exception:
            record(*sys.exc_info())
        window.quit_action.trigger()

    QTimer.singleShot(0, run)
    code = app.exec()
    return code if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
