"""Shared test set-up: Qt without a screen, and no test ever touches the real home folder."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A PYTHONPATH given relative to the checkout (``PYTHONPATH=src``) is made absolute:
# the programs the tests start in other folders (``python -m teachin`` in a temporary
# folder) must import the code under test, not whatever teachin is installed.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        str(Path(entry).resolve()) for entry in os.environ["PYTHONPATH"].split(os.pathsep)
    )

DATA = Path(__file__).parent / "data"

# As in the app (teachin.ui.collector): Python's cycle collector never runs on its own,
# in a background thread or in the middle of Qt's events; it runs after each test.
gc.disable()

# Qt's offscreen platform plugin lacks propagateSizeHints() and raise(), and says so
# each time a window's size limits change or a window is raised; that is the
# plugin, not the app.
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection loaded (Qt's and teachin's modules, the test modules, the
    items) lives all session: it is moved out of the cycle collector's sight
    (gc.freeze), so the collection after each test scans only what tests made since.
    Scanning it each time cost about a tenth of a second of CPU a test; no window
    exists yet, so no widget the tests expect deleted is kept alive by this."""
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: type, pytestconfig: pytest.Config) -> object:
    """pytest-qt's application, made as teachin makes every one: through
    teachin.qt_application, which guards None first (teachin.none_refcount)."""
    from PySide6.QtCore import QCoreApplication

    from teachin.qt_application import qt_application

    new = QCoreApplication.instance() is None
    app = qt_application(qapp_cls, qapp_args)
    if new:  # as pytest-qt names the application it makes
        app.setApplicationName(pytestconfig.getini("qt_qapp_name"))
    return app


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME, XDG config/data/cache folders and QSettings paths all point into a temporary folder.

    Qt is imported lazily so that tests of the Qt-free core can still check that
    no PySide6 module was loaded.
    """
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable, folder in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings, QStandardPaths

        QStandardPaths.setTestModeEnabled(True)
        for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
                QSettings.setPath(settings_format, scope, str(home / ".config"))
    return home


@pytest.fixture
def data_dir() -> Path:
    """tests/data: small content folders (``good`` and friends)."""
    return DATA


@pytest.fixture(autouse=True)
def collect_garbage_after_the_test():
    """Collects the test's garbage once its windows are gone, in the main thread."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
