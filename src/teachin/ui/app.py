"""Starts the app: checks that Qt can open a window, then shows the main window
(``teachin``) or the scenario player alone (``teachin play``, for a group's laptop)."""

from __future__ import annotations

import faulthandler
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

_crash_log: TextIO | None = None


def run_app(extra_folders: list[Path]) -> int:
    return _run(lambda: make_main_window(extra_folders))


def make_main_window(extra_folders: list[Path]) -> QWidget:
    from teachin.ui.main_window import MainWindow
    from teachin.ui.settings import Settings
    from teachin.ui.userdirs import user_content_dir

    return MainWindow(Settings(), user_content_dir(), extra_folders)


def run_player(extra_folders: list[Path]) -> int:
    def player() -> QWidget:
        from teachin.ui.player.app import build_player

        window = build_player(extra_folders)
        window.resume_or_pick()
        return window

    return _run(player)


def _run(make_window: Callable[[], QWidget]) -> int:
    started = start(make_window)
    if started is None:
        return 1
    app, _window = started
    return app.exec()


def start(make_window: Callable[[], QWidget]) -> tuple[QApplication, QWidget] | None:
    """Everything up to the first window shown (the event loop is the caller's):
    None, after printing advice, when Qt cannot open a window here."""
    from teachin.ui.platform_check import startup_advice

    advice = startup_advice()
    if advice:
        print(advice, file=sys.stderr)
        return None

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from teachin.qt_application import qt_application
    from teachin.storage import remove_stale_temporaries
    from teachin.ui.collector import collect_in_gui_thread
    from teachin.ui.userdirs import app_data_dir, cache_dir, set_application_names

    if QApplication.instance() is not None:
        QApplication.setStyle("Fusion")
    # The same look on every desktop. Given as an argument rather than by setStyle(),
    # which makes PySide6 build its Python class for QStyle and its 500-odd constants.
    app = qt_application(QApplication, [*sys.argv[:1], "-style", "Fusion"])
    collect_in_gui_thread(app)
    set_application_names()
    QApplication.setApplicationDisplayName("teachin")
    QApplication.setDesktopFileName("org.teachin.Teachin")
    install_crash_reporting(app_data_dir() / "crash.log")
    remove_stale_temporaries([app_data_dir(), cache_dir()])
    window = make_window()
    window.show()
    # The icon (an SVG, which loads Qt's SVG engine) is not needed for the first
    # paint: the desktop picks it up a moment later.
    QTimer.singleShot(0, _set_app_icon)
    return app, window


def _set_app_icon() -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from teachin.locations import resources_dir

    QApplication.setWindowIcon(QIcon(str(resources_dir() / "teachin.svg")))


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


def _show_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    import traceback  # only when something went wrong
    from datetime import datetime

    report = "".join(traceback.format_exception(kind, error, trace))
    if _crash_log is not None:
        _crash_log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{report}\n")
        _crash_log.flush()
    print(report, file=sys.stderr)
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Something went wrong", f"teachin met an error: {error}"
    )
    box.setInformativeText(
        "Your work is saved as you go, so nothing is lost. You can carry on; if this keeps "
        f"happening, the details are in {_crash_log.name if _crash_log else 'the terminal'}."
    )
    box.setDetailedText(report)
    box.exec()
