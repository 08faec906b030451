"""Phones in room play, driven as a facilitator and a room would: J turns phones on
(on loopback), phones vote over HTTP, the projector's tally counts them beside the
hands typed, V closes the phones' vote, Enter decides with phones and hands kept
apart in the run file, Ctrl+Z reopens the round with its votes, and phones off
(or the end of the presentation) stops the server."""

from __future__ import annotations

import socket

from phone_client import Phone
from phones_room import LOOPBACK, open_room
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from teachin.runs.room import decisions_from_json
from teachin.runs.runfile import read_run
from teachin.ui.phones.address_dialog import AddressDialog
from teachin.ui.phones.addresses import Address
from teachin.ui.phones.join_panel import TallyRow

Key = Qt.Key


def refuses(url: str) -> bool:
    host, port = url.removeprefix("http://").split("/")[0].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def test_phones_vote_beside_the_hands_and_the_run_keeps_them_apart(qtbot, room):
    console, audience, phones = room.console, room.audience, room.phones
    panel = audience.join_panel
    qtbot.keyClick(console, Key.Key_R)
    qtbot.keyClick(console, Key.Key_PageDown)  # round 1's choices
    assert room.controller.room.session.deciding
    assert not panel.isVisible()
    assert console.room_panel.phones_bar.status.text() == "Phones off: hands only."

    qtbot.keyClick(console, Key.Key_J)
    assert phones.on
    assert room.settings.phone_address == "127.0.0.1"
    url = phones.link.url
    assert url.startswith("http://127.0.0.1:") and url.endswith(f"/{phones.link.code}/")
    assert panel.isVisible() and panel.qr.text == url
    assert panel.address.text().startswith("127.0.0.1:")
    assert panel.vote_state.text() == "Vote open: choose on your phone"

    voters = [Phone(phones.link.server) for _ in range(3)]
    for voter in voters:
        assert voter.open_stream() == 200
    try:
        shown = voters[0].next_message()["state"]
        options = room.controller.room.options()
        assert shown["mode"] == "vote" and shown["round"] == 1 and shown["open"]
        assert [c["number"] for c in shown["choices"]] == [
            str(n) for n in range(1, len(options) + 1)
        ]
        assert [c["label"] for c in shown["choices"]] == [o.label for o in options]
        first, second = options[0].id, options[1].id
        for voter, choice in zip(voters, (first, first, second), strict=True):
            assert voter.post("vote", round=1, choice=choice)[0] == 200
        qtbot.waitUntil(lambda: phones.votes() == {first: 2, second: 1})
        assert panel.devices.text() == "3 phones connected"
        assert panel.tally.rows[:2] == [TallyRow("1", 2, 0), TallyRow("2", 1, 0)]

        # Hands for those without a phone add to the tally on the projector.
        box = console.room_panel.hands_box(2)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(box, "4")
        qtbot.keyClick(box, Key.Key_Escape)
        assert panel.tally.rows[1] == TallyRow("2", 1, 4)
        assert "option 2: 5 (1 phones + 4 hands)" in panel.tally.accessibleDescription()

        # Room play stopped for a slide and continued (R): the round keeps its votes.
        qtbot.mouseClick(console.room_panel.stop_button, Qt.MouseButton.LeftButton)
        assert not room.controller.room.active
        assert voters[2].post("vote", round=1, choice=first)[0] == 409  # closed meanwhile
        qtbot.keyClick(console, Key.Key_R)
        assert room.controller.room.session.deciding
        assert phones.votes() == {first: 2, second: 1}
        assert panel.vote_state.text() == "Vote open: choose on your phone"

        # V closes the phones' vote: a late vote is refused, the tally stays.
        qtbot.keyClick(console, Key.Key_V)
        assert panel.vote_state.text() == "Vote closed"
        assert voters[2].post("vote", round=1, choice=first)[0] == 409
        assert "(vote closed)" in console.room_panel.phones_bar.status.text()

        # Enter decides: the run file keeps phones and hands apart.
        qtbot.keyClick(console, Key.Key_1)
        qtbot.keyClick(console, Key.Key_Return)
        (saved,) = room.setup.runs_dir.glob("*.json")
        (decision,) = decisions_from_json(read_run(saved))
        assert (decision.choice, decision.phones, decision.hands) == (
            first,
            {first: 2, second: 1},
            {second: 4},
        )
        pushed = voters[1].next_message()["state"]
        while not pushed["outcome"]:
            pushed = voters[1].next_message()["state"]
        assert pushed["round"] == 1 and options[0].label in pushed["outcome"]
        assert panel.vote_state.text() == "Phones wait for the next vote"

        # Ctrl+Z takes it back: the round is open again with its phone votes.
        qtbot.keyClick(console, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert room.controller.room.session.deciding
        qtbot.waitUntil(lambda: panel.vote_state.text() == "Vote open: choose on your phone")
        assert phones.votes() == {first: 2, second: 1}
        assert voters[2].post("vote", round=1, choice=first)[0] == 200
        qtbot.waitUntil(lambda: phones.votes() == {first: 3})
        assert "phones vote again" not in console.room_panel.message.text()

        # Decided again and on to round 2's choices: Ctrl+Z now finds the phones' votes of
        # round 1 gone with the new round, and says that the phones vote again.
        qtbot.keyClick(console, Key.Key_Return)
        qtbot.keyClick(console, Key.Key_PageDown)
        assert voters[0].post("vote", round=1, choice=first)[0] == 409
        qtbot.keyClick(console, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert "The phones vote again on this round" in console.room_panel.message.text()
        assert phones.votes() == {}
        assert voters[0].post("vote", round=1, choice=second)[0] == 200
        qtbot.waitUntil(lambda: phones.votes() == {second: 1})
    finally:
        for voter in voters:
            voter.close()

    # Phones off: the server stops, the port refuses, the panel goes.
    qtbot.mouseClick(console.room_panel.phones_bar.off_button, Qt.MouseButton.LeftButton)
    assert not phones.on and not panel.isVisible()
    assert refuses(url)
    assert console.room_panel.phones_bar.on_button.isVisible()


def test_phones_join_on_the_game_only_and_the_end_of_the_presentation_stops_them(qtbot, room):
    scenario_slide = room.controller.index
    qtbot.keyClick(room.console, Key.Key_Home)  # the plan's first slide: J is not a phones key
    qtbot.keyClick(room.console, Key.Key_J)
    assert not room.phones.on
    room.controller.go_to(scenario_slide + 1)
    qtbot.keyClick(room.console, Key.Key_J)
    url = room.phones.link.url
    assert room.phones.on
    assert Phone(room.phones.link.server).request("GET", f"/{room.phones.link.code}/")[0] == 200
    panel = room.audience.join_panel
    assert panel.isVisible()
    qtbot.keyClick(room.console, Key.Key_Home)  # another slide: the whole screen for it
    assert room.phones.on and not panel.isVisible()
    room.controller.go_to(scenario_slide + 1)
    assert panel.isVisible()
    qtbot.keyClick(room.console, Key.Key_Escape)
    assert not room.controller.running
    assert not room.phones.on and refuses(url)


def test_several_addresses_ask_the_facilitator_and_a_bad_one_says_why(qtbot, content, tmp_path):
    elsewhere = Address("192.0.2.77", "not this laptop")
    room = open_room(qtbot, content, tmp_path, [elsewhere, LOOPBACK])
    try:
        qtbot.keyClick(room.console, Key.Key_J)
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, AddressDialog)]
        assert len(dialogs) == 1 and dialogs[0].isVisible()
        dialog = dialogs[0]
        assert dialog.chosen == elsewhere  # best first; nothing remembered yet
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
        assert not room.phones.on
        status = room.console.room_panel.phones_bar.status.text()
        assert "could not be turned on at 192.0.2.77" in status and "count hands" in status

        room.console.room_panel.phones_bar.address_button.click()
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, AddressDialog) and w.isVisible()
        )
        dialog.choices.setCurrentRow(1)
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
        assert room.phones.on and room.settings.phone_address == "127.0.0.1"
    finally:
        room.phones.turn_off()


def test_no_network_leaves_hands(qtbot, content, tmp_path):
    room = open_room(qtbot, content, tmp_path, [])
    qtbot.keyClick(room.console, Key.Key_J)
    assert not room.phones.on
    assert "not on any network" in room.console.room_panel.phones_bar.status.text()
