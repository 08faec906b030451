"""The debrief board: three groups' runs (played through the engine here) side by
side, a damaged file and a foreign one named and skipped, loaded by the folder
chooser and the multi-file chooser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from teachin.runs.board import group_name, run_files_in
from teachin.runs.room import RoomSession
from teachin.runs.store import PlayerInfo, write_run
from teachin.scenario.engine import Engine
from teachin.scenario.loader import load_scenarios
from teachin.scenario.policies import get_policy
from teachin.scenario.run import Run
from teachin.scenario.simulate import play_one
from teachin.ui.present.debrief_board import DebriefBoard, open_debrief_board, style_words

Key = Qt.Key
# The frozen copy of the scenarios (tests/scenario/frozen), so reworking the
# shipped ones does not change who wins here; Table 1 climbs as organizers do.
FROZEN = Path(__file__).resolve().parents[1] / "scenario" / "frozen"
CLIMB = (
    "script:one-on-ones,committee,one-on-ones,committee,symbolic,small-demo,large-demo,"
    "one-day-strike,one-day-strike,week-strike"
)
GROUPS = [
    ("Table 1", CLIMB, 11),
    ("Table 2", "liberal", 12),
    ("Back row", "ultra-left", 13),
]


@pytest.fixture(scope="module")
def scenarios():
    return load_scenarios([FROZEN])[0]


def play(scenario, policy: str, seed: int) -> Run:
    """A group's run, played by one of the built-in policies."""
    _state, choices = play_one(Engine(scenario), get_policy(policy, scenario), seed)
    run = Run(scenario, seed)
    for choice in choices:
        run.choose(choice)
    return run


@pytest.fixture
def usb(tmp_path, scenarios) -> Path:
    """A USB stick: three groups' runs, a damaged copy, last year's run (made by an
    older teachin) and someone's notes."""
    folder = tmp_path / "usb"
    folder.mkdir()
    scenario = scenarios["care-homes"]
    for number, (name, policy, seed) in enumerate(GROUPS, start=1):
        write_run(
            play(scenario, policy, seed),
            PlayerInfo(name=name, group=name),
            folder / f"group{number}.run.json",
        )
    (folder / "group4.run.json").write_text(
        '{"format": "teachin-run", "version": 2, "scen', encoding="utf-8"
    )
    older = json.loads((folder / "group1.run.json").read_text(encoding="utf-8"))
    older["version"] = 1
    (folder / "last-year.run.json").write_text(json.dumps(older), encoding="utf-8")
    (folder / "notes.json").write_text('{"shopping": ["milk"]}', encoding="utf-8")
    return folder


@pytest.fixture
def board(qtbot, scenarios, library) -> DebriefBoard:
    widget = DebriefBoard(scenarios, library)
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_three_runs_side_by_side_and_the_damaged_ones_named(qtbot, board, usb, monkeypatch):
    assert board.empty.isVisible() and "No runs on the board yet" in board.empty.text()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kw: str(usb))
    qtbot.mouseClick(board.buttons["folder"], Qt.MouseButton.LeftButton)
    assert [g.name for g in board.groups] == ["Table 1", "Table 2", "Back row"]
    assert not board.empty.isVisible() and board.chart.isVisible()
    problems = board.problems_label.text()
    assert board.problems_label.isVisible()
    assert f"{usb / 'group4.run.json'}:1: damaged run file" in problems
    assert f"{usb / 'notes.json'}: not a teachin run file" in problems
    assert (
        f"{usb / 'last-year.run.json'}: this run was made by an older teachin whose "
        "scenarios played by different rules; it can't be replayed here; start a new run"
    ) in problems
    assert board.title.text() == "How the groups played “Short-staffed at Evergreen”"
    cards = board.card_texts()
    assert len(cards) == 3
    assert cards[0].startswith("A  Table 1") and cards[2].startswith("C  Back row")
    results = {g.name: g.run.result for g in board.groups}
    assert results["Table 1"] == "win" and results["Back row"] == "loss"
    assert "You won" in cards[0] and "Independent mass action" in cards[0]
    assert "before the base was ready" in cards[2] and "Ultra-left" in cards[2]
    # Told apart by letter, line style and marker, never by colour alone.
    description = board.chart.accessibleDescription()
    for index, name in enumerate(["Table 1", "Table 2", "Back row"]):
        assert f"{name} ({style_words(index)})" in description
    assert len({style_words(i) for i in range(3)}) == 3
    assert board.body_pixel_size() >= 28
    # The chart draws a line per group: its pixels are not all background.
    image = board.chart.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert {"#ffff00", "#00ffff"} <= colours


def test_files_are_added_by_the_multi_file_chooser_once_each(qtbot, board, usb, monkeypatch):
    picked = [str(usb / "group2.run.json"), str(usb / "group4.run.json")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kw: (picked, ""))
    qtbot.mouseClick(board.buttons["files"], Qt.MouseButton.LeftButton)
    assert [g.name for g in board.groups] == ["Table 2"]
    assert "group4.run.json:1: damaged run file" in board.problems_label.text()
    picked[:] = [str(usb / "group2.run.json"), str(usb / "group1.run.json")]
    qtbot.mouseClick(board.buttons["files"], Qt.MouseButton.LeftButton)
    assert [g.name for g in board.groups] == ["Table 2", "Table 1"]  # not twice
    assert not board.problems_label.isVisible()
    qtbot.mouseClick(board.buttons["clear"], Qt.MouseButton.LeftButton)
    assert board.groups == [] and board.empty.isVisible()


def test_the_rooms_game_shows_with_its_hand_counts(qtbot, board, scenarios, tmp_path):
    room = RoomSession.start(scenarios["care-homes"], tmp_path / "room.run.json", seed=5)
    for tactic in ("one-on-ones", "committee"):
        room.decide(tactic, {tactic: 15, "petition": 4})
    room.save()
    other = tmp_path / "other-scenario.run.json"
    write_run(play(scenarios["transit-fares"], "mass-action", 3), PlayerInfo(), other)
    assert board.add_paths([tmp_path / "room.run.json", other]) == 2
    names = [g.name for g in board.groups]
    assert names == ["The whole room", "other-scenario"]
    cards = board.card_texts()
    assert "Hands counted in 2 of 2 rounds" in cards[0] and "Still playing" in cards[0]
    assert board.title.text().startswith("How the groups played: ")  # two scenarios


def test_keys_and_a_missing_scenario(qtbot, board, usb, tmp_path):
    data = json.loads((usb / "group1.run.json").read_text(encoding="utf-8"))
    data["scenario"] = "not-installed"
    (tmp_path / "foreign.run.json").write_text(json.dumps(data), encoding="utf-8")
    board.add_paths([tmp_path / "foreign.run.json", usb / "group1.run.json"])
    assert "scenario 'not-installed' is not installed" in board.problems_label.text()
    size = board.body_pixel_size()
    qtbot.keyClick(board, Key.Key_Plus)
    assert board.body_pixel_size() > size
    qtbot.keyClick(board, Key.Key_Minus)
    assert board.body_pixel_size() == size
    qtbot.keyClick(board, Key.Key_Escape)
    assert not board.isVisible()


def test_run_files_and_names(tmp_path):
    (tmp_path / ".group.run.json.tmp").write_text("", encoding="utf-8")
    (tmp_path / "b.json").write_text("", encoding="utf-8")
    (tmp_path / "A.run.json").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert [p.name for p in run_files_in(tmp_path)] == ["A.run.json", "b.json"]
    assert run_files_in(tmp_path / "missing") == []
    assert group_name({}, Path("table-3.run.json")) == "table-3"
    assert group_name({"player": {"name": "Run 1", "group": ""}}, Path("x.json")) == "Run 1"


def test_open_debrief_board_on_one_screen(qtbot, library, scenarios, usb, monkeypatch):
    screen = QGuiApplication.primaryScreen()
    board = open_debrief_board(
        scenarios, library, paths=[usb / "group1.run.json"], screens=[screen], start_folder=usb
    )
    qtbot.addWidget(board)
    # "Add a folder…" opens where the runs are saved, not the home folder.
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda _parent, _title, where: asked.append(where)
    )
    qtbot.mouseClick(board.buttons["folder"], Qt.MouseButton.LeftButton)
    assert asked == [str(usb)]
    assert board.isVisible() and not board.isFullScreen()  # one screen: a window, F for full
    assert [g.name for g in board.groups] == ["Table 1"]
    qtbot.keyClick(board, Key.Key_F)
    qtbot.waitUntil(board.isFullScreen)
    qtbot.keyClick(board, Key.Key_Escape)
    qtbot.waitUntil(lambda: not board.isFullScreen())
