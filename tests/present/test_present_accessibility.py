"""The presenter console, the audience window, room play and the debrief board as a
screen-reader or keyboard-only user meets them: every control named (no two alike),
Tab reaching every control in reading order and Shift+Tab going back. One
presentation (with room play) is opened for the module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from present_fakes import Shown, console_keys, open_presentation
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from test_present_debrief_board import FROZEN, GROUPS, play
from tests.accessibility import activate, check_window, focused

from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.runs.store import PlayerInfo, write_run
from teachin.scenario.loader import load_scenarios
from teachin.ui.present.debrief_board import DebriefBoard
from teachin.ui.present.room_play import RoomSetup

CONTENT = builtin_content_dir()


class _Bot:
    """Just enough of qtbot for open_presentation, for a module-long presentation."""

    def addWidget(self, widget: QWidget) -> None:
        pass

    def waitExposed(self, widget: QWidget) -> None:
        assert QTest.qWaitForWindowExposed(widget)


@pytest.fixture(scope="module")
def shown(qapp, library, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shown]:
    """The half-day workshop presented, with room play."""
    scenarios = load_scenarios([CONTENT])[0]
    setup = RoomSetup(scenarios, tmp_path_factory.mktemp("room-runs"), seed=7)
    plan = load_plans([CONTENT])[0]["half-day-workshop"]
    summaries = {k: (s.title, s.summary) for k, s in scenarios.items()}
    opened = open_presentation(_Bot(), plan, library, (1366, 768), summaries, setup)
    yield opened
    for window in (opened.console, opened.audience):
        window.close()
        window.deleteLater()


def test_console_and_audience_on_a_slide(shown: Shown) -> None:
    shown.controller.go_to(1)
    check_window(shown.console, keys=console_keys(shown.console))
    check_window(shown.audience)


def test_console_on_a_scenario_and_in_room_play(shown: Shown) -> None:
    controller = shown.controller
    scenario_frame = next(i for i, f in enumerate(controller.frames) if f.kind == "scenario")
    controller.go_to(scenario_frame + 1)
    check_window(shown.console, keys=console_keys(shown.console))
    activate(shown.console)
    QTest.keyClick(shown.console, Qt.Key.Key_R)
    assert shown.console.room_panel is not None and controller.room is not None
    check_window(shown.console, keys=console_keys(shown.console))
    check_window(shown.audience)


def test_hand_counts_are_reached_by_tab_and_give_the_keys_back(shown: Shown) -> None:
    console, room = shown.console, shown.controller.room
    assert room is not None and room.session is not None and console.room_panel is not None
    activate(console)
    QTest.keyClick(console, Qt.Key.Key_PageDown)  # round 1's choices, a hand count each
    assert room.session.deciding
    check_window(console, keys=console_keys(console))
    boxes = [box for _label, box, _option in console.room_panel.rows]
    console.setFocus()
    QTest.keyClick(console, Qt.Key.Key_Tab)
    assert focused() is boxes[0]
    QTest.keyClicks(boxes[0], "7")
    QTest.keyClick(boxes[0], Qt.Key.Key_Tab)
    assert boxes[0].value() == 7 and focused() is boxes[1]
    # The room decides while a count has the focus: the counts go, the keys come back
    # to the console (not to a button the clicker's Space would press).
    room.select(0)
    assert room.confirm()
    for _ in range(3):  # what happened, maybe the next situation, the next choices
        QTest.keyClick(focused(), Qt.Key.Key_PageDown)
        if room.session.deciding:
            break
    assert room.session.deciding and focused() is console


def test_debrief_board_with_three_groups(qtbot, library, tmp_path: Path) -> None:
    scenarios = load_scenarios([FROZEN])[0]
    paths = []
    for number, (name, policy, seed) in enumerate(GROUPS, start=1):
        path = tmp_path / f"group{number}.run.json"
        write_run(play(scenarios["care-homes"], policy, seed), PlayerInfo(name, name), path)
        paths.append(path)
    board = DebriefBoard(scenarios, library)
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.add_paths(paths)
    board.show()
    activate(board)
    assert focused() is board  # its keys (F, +, -, Escape) reach it; no button is pressed by Space
    check_window(board)
