"""Fixtures for driving the scenario player as a group would: keys and clicks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from teachin.locations import builtin_content_dir
from teachin.scenario.engine import READY
from teachin.scenario.loader import load_scenarios
from teachin.ui.player.player_window import PlayerWindow
from teachin.workshop.library import load_library

SEED = 11


@pytest.fixture(scope="session")
def content():
    folders = [builtin_content_dir()]
    scenarios, problems = load_scenarios(folders)
    assert not problems
    return scenarios, load_library(folders)


MakePlayer = Callable[..., PlayerWindow]


@pytest.fixture
def make_player(qtbot: QtBot, tmp_path: Path, content) -> MakePlayer:
    """A shown player window saving into ``tmp_path / "runs"`` (one settings file per test)."""

    def make(
        runs: Path | None = None, seed: int | None = SEED, scenarios=None, **options
    ) -> PlayerWindow:
        """``scenarios``: other scenarios than the built-in ones (same library)."""
        library = content[1]
        if scenarios is None:
            scenarios = content[0]
        prefs = QSettings(str(tmp_path / "player.ini"), QSettings.Format.IniFormat)
        window = PlayerWindow(
            scenarios, library, runs or tmp_path / "runs", seed=seed, prefs=prefs, **options
        )
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.resume_or_pick()
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


@pytest.fixture
def player(make_player: MakePlayer) -> PlayerWindow:
    return make_player()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, times: int = 1) -> None:
    """Press a key where the keyboard focus is, like a user."""
    for _ in range(times):
        qtbot.keyClick(focused(), key)


def start_by_keyboard(
    qtbot: QtBot, window: PlayerWindow, scenario_id: str, group: str = ""
) -> None:
    """Pick a scenario with the arrow keys, Tab to the group's name, type it, press Enter."""
    picker = window.picker
    picker.list.setFocus()
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(picker.list.count()):
        if picker.current_id() == scenario_id:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert picker.current_id() == scenario_id
    press(qtbot, Qt.Key.Key_Tab, 3)  # past "Saved runs" and the scenario's description
    assert focused() is picker.group
    if group:
        qtbot.keyClicks(picker.group, group)
    press(qtbot, Qt.Key.Key_Return)
    assert window.run is not None and window.run.scenario.id == scenario_id


def pick_row(qtbot: QtBot, window: PlayerWindow, row: int) -> None:
    """Number key for the first nine choices, then the Down arrow."""
    tactics = window.round_view.tactics
    assert focused() is tactics
    if row < 9:
        press(qtbot, Qt.Key(Qt.Key.Key_1 + row))
    else:
        press(qtbot, Qt.Key.Key_9)
        press(qtbot, Qt.Key.Key_Down, row - 8)
    assert tactics.currentRow() == row


def first_ready_row(window: PlayerWindow) -> int:
    options = window.round_view.tactics.options
    return next((i for i, o in enumerate(options) if o.ready >= READY), 0)


def play_round(qtbot: QtBot, window: PlayerWindow, row: int | None = None) -> None:
    """Look at a choice (number keys/arrows), play it (Enter), read what happened,
    go on (Enter)."""
    assert window.play_stack.currentWidget() is window.round_view
    pick_row(qtbot, window, first_ready_row(window) if row is None else row)
    press(qtbot, Qt.Key.Key_Return)
    assert window.play_stack.currentWidget() is window.consequence_view
    press(qtbot, Qt.Key.Key_Return)


def play_to_end(qtbot: QtBot, window: PlayerWindow, limit: int = 20) -> int:
    rounds = 0
    while window.pages.currentWidget() is window.play and rounds < limit:
        play_round(qtbot, window)
        rounds += 1
    return rounds


FROZEN = Path(__file__).resolve().parents[1] / "scenario" / "frozen"


@pytest.fixture(scope="session")
def frozen_scenarios():
    """The scenarios as shipped before issue 13's rework (no estimates, nine
    measures): for tests of exact wording and of layout with those nine."""
    return load_scenarios([FROZEN])[0]
