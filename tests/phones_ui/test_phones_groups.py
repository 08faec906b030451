"""Groups play on their own devices: tables named on phones each get a run saved after
every move, the debrief board follows them live, the facilitator pauses every table
and ends the round for everyone; closing the window turns phones off."""

from __future__ import annotations

import socket

import pytest
from phone_client import Phone
from PySide6.QtCore import Qt

from teachin.runs.runfile import read_run
from teachin.ui.phones.groups_window import BOARD
from teachin.ui.present.debrief_board import DebriefBoard

Key = Qt.Key


def table_state(phone: Phone, name: str, round_number: int = 1) -> dict:
    """Table ``name`` as pushed to ``phone``, once it is on ``round_number`` (the stream
    may still hold earlier states)."""
    while True:
        state = phone.next_message()["state"]
        table = next((t for t in state.get("tables", []) if t["name"] == name), None)
        if table is not None and table["round"] == round_number:
            return table


def test_tables_play_on_their_phones_and_the_board_follows(qtbot, groups_window, tmp_path):
    groups = groups_window
    qtbot.mouseClick(groups.start_button, Qt.MouseButton.LeftButton)
    assert groups.link.on and groups.join_panel.isVisible()
    url = groups.link.url
    tigers, owls = Phone(groups.link.server), Phone(groups.link.server)
    try:
        for phone in (tigers, owls):
            assert phone.open_stream() == 200
        assert tigers.post("join", table="Tigers")[0] == 200
        qtbot.waitUntil(lambda: "Tigers: round 1 of 12, 1 device" in groups.tables.text())
        (path,) = groups.play.paths()
        assert path.parent == tmp_path / "tables" and read_run(path)["steps"] == []

        table = table_state(tigers, "Tigers")
        first = table["choices"][0]["key"]
        assert tigers.post("move", round=1, choice=first)[0] == 200
        qtbot.waitUntil(lambda: "Tigers: round 2 of 12" in groups.tables.text())
        assert [step["choice"] for step in read_run(path)["steps"]] == [first]  # saved

        # The board shows the tables' paths, and follows a new table live.
        qtbot.keyClick(groups, Key.Key_D)
        board = groups.windows.find(BOARD)
        assert isinstance(board, DebriefBoard) and board.isVisible()
        qtbot.addWidget(board)
        assert [(g.name, len(g.run.steps)) for g in board.groups] == [("Tigers", 1)]
        assert owls.post("join", table="Owls")[0] == 200
        qtbot.waitUntil(lambda: "Owls: round 1 of 12" in groups.tables.text())
        owls_table = table_state(owls, "Owls")
        assert owls.post("move", round=1, choice=owls_table["choices"][1]["key"])[0] == 200
        qtbot.waitUntil(lambda: len(board.groups) == 2 and len(board.groups[1].run.steps) == 1)

        # Paused: no table moves; then every table plays again.
        qtbot.keyClick(groups, Key.Key_P)
        assert "Every table is paused." in groups.tables.text()
        second = table_state(tigers, "Tigers", 2)
        assert tigers.post("move", round=2, choice=second["choices"][0]["key"])[0] == 409
        qtbot.mouseClick(groups.pause_button, Qt.MouseButton.LeftButton)
        assert tigers.post("move", round=2, choice=second["choices"][0]["key"])[0] == 200
        qtbot.waitUntil(lambda: "Tigers: round 3 of 12" in groups.tables.text())
        assert len(board.groups[0].run.steps) == 2

        # The round ends for everyone: no move, no new table; the runs stay saved.
        qtbot.mouseClick(groups.end_button, Qt.MouseButton.LeftButton)
        assert "The round is over for everyone." in groups.tables.text()
        third = table_state(tigers, "Tigers", 3)
        assert tigers.post("move", round=3, choice=third["choices"][0]["key"])[0] == 409
        assert owls.post("join", table="Latecomers")[0] == 409
        assert len(read_run(path)["steps"]) == 2
    finally:
        tigers.close()
        owls.close()

    groups.close()  # phones off with the window
    assert not groups.link.on
    host, port = url.removeprefix("http://").split("/")[0].split(":")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((host, int(port)), timeout=2)
    assert board.isVisible()  # the board stays for the debrief
    board.close()
