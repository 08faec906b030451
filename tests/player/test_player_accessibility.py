"""The player window as a screen-reader or keyboard-only user meets it, page by page
(choose a scenario, a round, its consequences, the debrief, the saved runs): every
control named (no two alike), Tab reaching every control in reading order and
Shift+Tab going back. One window is played through for the module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from tests.accessibility import activate, check_window
from tests.player.conftest import SEED, focused, play_to_end

from teachin.ui.player.player_window import PlayerWindow


@pytest.fixture(scope="module")
def player(qapp, content, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlayerWindow]:
    folder: Path = tmp_path_factory.mktemp("player-a11y")
    scenarios, library = content
    prefs = QSettings(str(folder / "player.ini"), QSettings.Format.IniFormat)
    window = PlayerWindow(scenarios, library, folder / "runs", seed=SEED, prefs=prefs)
    window.resize(1366, 768)
    window.resume_or_pick()
    window.show()
    activate(window)
    yield window
    window.close()
    window.deleteLater()


def press(key: Qt.Key) -> None:
    QTest.keyClick(focused(), key)


def test_1_choosing_a_scenario(player: PlayerWindow) -> None:
    check_window(player, player.picker.list)


def test_2_a_round(player: PlayerWindow) -> None:
    player.picker.list.setFocus()
    QTest.keyClicks(player.picker.group, "Table 3")
    player.picker.group.setFocus()
    press(Qt.Key.Key_Return)
    assert player.play_stack.currentWidget() is player.round_view
    check_window(player, player.round_view.tactics)


def test_3_its_consequences(player: PlayerWindow) -> None:
    player.round_view.tactics.setFocus()
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Return)
    assert player.play_stack.currentWidget() is player.consequence_view
    check_window(player, focused())


def test_4_the_debrief(player: PlayerWindow, qtbot) -> None:
    press(Qt.Key.Key_Return)
    play_to_end(qtbot, player)
    assert player.pages.currentWidget() is player.debrief
    check_window(player, focused())


def test_5_the_saved_runs(player: PlayerWindow) -> None:
    player.show_runs()
    check_window(player, player.runs.list)


def test_6_choosing_with_a_run_to_continue(player: PlayerWindow) -> None:
    player.start(player.picker.current_id(), "Table 4")
    player.choose(player.round_view.tactics.options[0].id)
    player.resume_or_pick()
    assert player.picker.resume_box.isVisible()
    check_window(player, player.picker.resume_button)
