"""Starts the app: checks that Qt can open a window, then shows the main window
(``teachin``) or the scenario player alone (``teachin play``, for a group's laptop)."""

from __future__ import annotations

import faulthandler
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

_crash_log: TextIO | None = None


def run_app(extra_folders: list[Path]) -> int:
    def main_window() -> object:
        from teachin.ui.main_window import MainWindow
        from teachin.ui.settings import Settings
        from teachin.userdirs import user_content_dir

        return MainWindow(Settings(), user_content_dir(), extra_folders)

    return _run(main_window)


def run_player(extra_folders: list[Path]) -> int:
    def player() -> object:
        from teachin.ui.player.app import build_player

        window = build_player(extra_folders)
        window.resume_or_pick()
        return window

    return _run(player)


def _run(make_window: Callable[[], object]) -> int:
    from teachin.platform_check import startup_advice

    advice = startup_advice()
    if advice:
        print(advice, file=sys.stderr)
        return 1

    from PySide6.QtWidgets import QApplication

    from teachin.userdirs import app_data_dir, set_application_names

    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_application_names()
    QApplication.setApplicationDisplayName("teachin")
    QApplication.setDesktopFileName("org.teachin.Teachin")
    QApplication.setStyle("Fusion")
    install_crash_reporting(app_data_dir() / "crash.log")

    from teachin.ui.main_window import app_icon

    app.setWindowIcon(app_icon())
    window = make_window()
    window.show()
    return app.exec()


def install_crash_reporting(log_path: Path) -> None:
    """A hard crash leaves its stack in ``log_path``; a Python error is logged there and
    shown in a dialog, and the app goes on (the user's work is saved as it happens)."""
    global _crash_log
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        _crash_log = log_path.open("a", encoding="utf-8")
        faulthandler.enable(_crash_log)
    except OSError:
        _crash_log = None
    sys.excepthook = _show_error


def _show_error(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    report = "".join(traceback.format_exception(kind, error, trace))
    if _crash_log is not None:
        _crash_log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{report}\n")
        _crash_log.flush()
    print(report, file=sys.stderr)
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "Something went wrong", f"teachin met an error: {error}")
    box.setInformativeText(
        "Your work is saved as you go, so nothing is lost. You can carry on; if this keeps "
        f"happening, the details are in {_crash_log.name if _crash_log else 'the terminal'}."
    )
    box.setDetailedText(report)
    box.exec()
