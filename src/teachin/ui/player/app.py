"""Start teachin straight into the scenario player (``python -m teachin.ui.player``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from teachin.catalog import load_catalog
from teachin.locations import content_folders
from teachin.qt_application import qt_application
from teachin.ui.player.player_window import PlayerWindow
from teachin.ui.settings import Settings
from teachin.ui.userdirs import runs_dir as default_runs_dir
from teachin.ui.userdirs import set_application_names, user_content_dir


def build_player(
    extra_folders: list[Path] | None = None,
    runs_dir: Path | None = None,
    settings: Settings | None = None,
    seed: int | None = None,
) -> PlayerWindow:
    """A player window over the usual content folders (built-in, the user's own, extra),
    saving runs in ``runs_dir`` (``app_data_dir()/runs`` by default). Needs a QApplication."""
    set_application_names()
    catalog = load_catalog(content_folders(user_content_dir(), extra_folders))
    window = PlayerWindow(
        catalog.scenarios,
        catalog.library,
        runs_dir if runs_dir is not None else default_runs_dir(),
        settings if settings is not None else Settings(),
        seed=seed,
    )
    broken = [p for p in catalog.scenario_problems if getattr(p, "severity", "error") == "error"]
    if broken:
        window.message(
            f"{len(broken)} problem(s) in the scenario files; the other scenarios work. "
            f"First: {broken[0]}"
        )
    return window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m teachin.ui.player", description=__doc__)
    parser.add_argument(
        "--content", action="append", type=Path, default=[], help="extra content folder"
    )
    parser.add_argument("--runs", type=Path, default=None, help="folder for saved runs")
    args = parser.parse_args(argv)
    app = qt_application(QApplication, sys.argv[:1])
    window = build_player(args.content, args.runs)
    window.resume_or_pick()
    window.show()
    return app.exec()
