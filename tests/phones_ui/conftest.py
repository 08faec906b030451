"""The phones' GUI tests borrow the server tests' phone (tests/phones/phone_client.py)
and the presentation tests' helpers (tests/present/present_fakes.py) rather than
copy them: their folders are put on the import path here."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
for folder in ("phones", "present"):
    if str(TESTS / folder) not in sys.path:
        sys.path.append(str(TESTS / folder))


from collections.abc import Iterator  # noqa: E402  (after the path is set)

import pytest  # noqa: E402
from phones_room import CONTENT, LOOPBACK, Room, open_room  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from teachin.scenario.loader import load_scenarios  # noqa: E402
from teachin.ui.phones.groups_window import GroupsWindow  # noqa: E402
from teachin.ui.phones.room_phones import PhonesSetup  # noqa: E402
from teachin.ui.settings import Settings  # noqa: E402
from teachin.workshop.library import load_library  # noqa: E402


@pytest.fixture(scope="session")
def content():
    """The built-in library and scenarios, loaded once for all the phones' GUI tests."""
    return load_library([CONTENT]), load_scenarios([CONTENT])[0]


@pytest.fixture
def room(qtbot, content, tmp_path) -> Iterator[Room]:
    """Room play with phones on loopback; phones off after the test, whatever happened."""
    opened = open_room(qtbot, content, tmp_path, [LOOPBACK])
    yield opened
    opened.phones.turn_off()


@pytest.fixture
def groups_window(qtbot, content, tmp_path) -> Iterator[GroupsWindow]:
    """Groups play on care-homes, phones on loopback; phones off after the test."""
    library, scenarios = content
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    setup = PhonesSetup(settings, addresses=lambda: [LOOPBACK], port=0)
    window = GroupsWindow(scenarios, library, tmp_path / "tables", setup)
    qtbot.addWidget(window)
    window.show()
    window.scenario_box.setCurrentIndex(window.scenario_box.findData("care-homes"))
    yield window
    window.link.stop()
