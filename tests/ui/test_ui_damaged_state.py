"""Damaged settings and caches never stop the app: each falls back (one line in the log)
and the main window always shows. Temporary files of interrupted saves are removed."""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from teachin.ui.app import make_main_window, start
from teachin.ui.content_loading import LIBRARY_CACHE, default_cache_folder
from teachin.ui.main_window import MainWindow
from teachin.ui.userdirs import app_data_dir, set_application_names


@pytest.fixture
def start_app(qtbot, monkeypatch) -> Callable[[], MainWindow]:
    """Starts the app as `teachin` does (settings and caches from their usual places)."""
    # start() opens a crash log it keeps open for the app's life: not for a test.
    monkeypatch.setattr("teachin.ui.app.install_crash_reporting", lambda _path: None)

    def started() -> MainWindow:
        result = start(lambda: make_main_window([]))
        assert result is not None
        window = result[1]
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.problems_checked, timeout=60_000):
            qtbot.waitExposed(window)
        assert window.isVisible()
        return window

    return started


def _settings_file() -> Path:
    set_application_names()
    return Path(QSettings().fileName())


@pytest.mark.parametrize("stored", ["5", "[" * 100_000, "[" + "9" * 5_000 + "]"])
def test_a_damaged_list_setting_falls_back_to_its_default(start_app, caplog, stored):
    path = _settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"[content]\nadded_folders={stored}\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        window = start_app()
    assert window.settings.added_folders == []
    assert any("content/added_folders is damaged" in r.getMessage() for r in caplog.records)


def test_damaged_view_settings_fall_back_to_their_defaults(start_app, caplog):
    path = _settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[view]\ntheme=[[[[[[\nzoom=" + "[" * 10_000 + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        window = start_app()
    assert (window.settings.theme, window.settings.zoom) == ("light", 1.0)
    assert len([r for r in caplog.records if "is damaged" in r.getMessage()]) >= 2


def _damage_null_title(text: str) -> str:
    data = json.loads(text)
    data["library"]["modules"][0]["title"] = None
    return json.dumps(data)


@pytest.mark.parametrize(
    "damage",
    [lambda _text: "[" * 100_000, _damage_null_title, lambda text: text[: len(text) // 2]],
    ids=["nested brackets", "null title", "cut off"],
)
def test_a_damaged_library_cache_is_rebuilt(start_app, caplog, damage):
    first = start_app()
    cache = default_cache_folder() / LIBRARY_CACHE
    assert json.loads(cache.read_text(encoding="utf-8"))["library"]["modules"]
    titles = sorted(module.title for module in first.library.modules.values())
    first.close()
    cache.write_text(damage(cache.read_text(encoding="utf-8")), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        window = start_app()
    assert sorted(module.title for module in window.library.modules.values()) == titles
    assert any("library cache" in record.getMessage() for record in caplog.records)
    assert json.loads(cache.read_text(encoding="utf-8"))["library"]["modules"]  # rewritten


def test_temporary_files_older_than_a_day_are_removed_at_start(start_app):
    set_application_names()
    runs = app_data_dir() / "runs"
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    runs.mkdir(parents=True)
    cache.mkdir(parents=True, exist_ok=True)
    stale = [runs / ".care-homes.run.json.k2j4h_a1.tmp", cache / ".library.json.x9y8z7w6.tmp"]
    fresh = runs / ".tenants.run.json.abcdefgh.tmp"
    kept = runs / "care-homes.run.json.tmp"  # not named like a temporary file of a save
    two_days_ago = time.time() - 2 * 24 * 60 * 60
    for path in [*stale, fresh, kept]:
        path.write_text("half a save", encoding="utf-8")
        if path is not fresh:
            os.utime(path, (two_days_ago, two_days_ago))
    start_app()
    assert [path.exists() for path in stale] == [False, False]
    assert fresh.exists() and kept.exists()


def test_the_problems_panel_names_a_missing_folder_by_its_path(make_window, tmp_path):
    missing = tmp_path / "usb-stick" / "pack"
    window = make_window(extra=[missing])
    panel = window.problems_panel
    rows = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    row = next(item for item in rows if "content folder not found" in item.text(2))
    assert (row.text(0), row.text(1)) == ("Error", f"{missing}:1")
