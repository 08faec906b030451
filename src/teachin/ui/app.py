"""Starts the app: checks that Qt can open a window, then shows the main window."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(extra_folders: list[Path]) -> int:
    from teachin.platform_check import startup_advice

    advice = startup_advice()
    if advice:
        print(advice, file=sys.stderr)
        return 1

    from PySide6.QtWidgets import QApplication

    from teachin.userdirs import set_application_names, user_content_dir

    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_application_names()
    QApplication.setApplicationDisplayName("teachin")
    QApplication.setDesktopFileName("org.teachin.Teachin")
    QApplication.setStyle("Fusion")

    from teachin.ui.main_window import MainWindow, app_icon
    from teachin.ui.settings import Settings

    app.setWindowIcon(app_icon())
    window = MainWindow(Settings(), user_content_dir(), extra_folders)
    window.show()
    return app.exec()
