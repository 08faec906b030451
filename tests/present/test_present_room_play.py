"""A scenario played by the whole room on the projector, driven like a facilitator:
R on the scenario frame, hands typed beside the options, the option's number and
Enter, Page Down to move on."""

from __future__ import annotations

import json

import pytest
from present_fakes import FakeClock
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.runs.room import RoomSession, ScreenKind, counting_from_json, decisions_from_json
from teachin.runs.runfile import read_run, replay
from teachin.scenario.loader import load_scenarios
from teachin.ui.present.audience_window import AudienceWindow
from teachin.ui.present.controller import PresentationController
from teachin.ui.present.presenter_console import PresenterConsole
from teachin.ui.present.room_play import RoomSetup

Key = Qt.Key
CONTENT = builtin_content_dir()


@pytest.fixture(scope="module")
def scenarios():
    return load_scenarios([CONTENT])[0]


@pytest.fixture
def room(qtbot, library, scenarios, tmp_path):
    """The half-day workshop presented with room play, on its scenario frame."""
    plan = load_plans([CONTENT])[0]["half-day-workshop"]
    setup = RoomSetup(scenarios, tmp_path / "room-runs", seed=7)
    summaries = {k: (s.title, s.summary) for k, s in scenarios.items()}
    controller = PresentationController(plan, library, FakeClock(), summaries, room=setup)
    audience, console = AudienceWindow(controller), PresenterConsole(controller)
    for window in (audience, console):
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
    qtbot.waitExposed(audience)
    scenario_frame = next(i for i, f in enumerate(controller.frames) if f.kind == "scenario")
    controller.go_to(scenario_frame + 1)
    return controller, audience, console, setup


def audience_text(audience) -> str:
    return audience.slide.toPlainText()


def test_the_room_plays_three_rounds_with_hand_counts(qtbot, room, scenarios):
    controller, audience, console, setup = room
    panel = console.room_panel
    assert "press R" in console.notes.toPlainText()
    assert panel.play_button.isVisible()
    # The offer sits at the top of its panel, right under the heading.
    assert 0 <= panel.play_button.y() - panel.heading.geometry().bottom() <= 16
    # The keys are told at the console's body size, in its text colour.
    assert console.help.font().pointSizeF() >= console.font().pointSizeF()
    assert console.help.foregroundRole() == QPalette.ColorRole.WindowText
    qtbot.keyClick(console, Key.Key_R)
    assert controller.room_playing
    assert "We play together: Short-staffed at Evergreen" in audience_text(audience)
    qtbot.keyClick(audience, Key.Key_PageDown)  # the clicker: from the setting to round 1
    assert "Round 1 of 12" in audience_text(audience)
    assert "Talk it over, then show hands" in audience_text(audience)
    assert "What each option needs" in console.notes.toPlainText()
    assert not console.next_view.isVisible()

    # Page Down on the round being played waits for the room's choice.
    qtbot.keyClick(audience, Key.Key_PageDown)
    assert "Round 1 of 12" in audience_text(audience)
    assert "press its number" in panel.message.text()

    plays = [("one-on-ones", 14, 3), ("committee", 11, 6), ("structure-test", 15, 2)]
    for number, (tactic, yes, other) in enumerate(plays, start=1):
        options = controller.room.options()
        index = next(i for i, o in enumerate(options) if o.id == tactic)
        qtbot.mouseClick(panel.hands_box(index + 1), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(panel.hands_box(index + 1), str(yes))
        second = 1 if index != 0 else 2
        qtbot.mouseClick(panel.hands_box(second), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(panel.hands_box(second), str(other))
        qtbot.keyClick(panel.hands_box(second), Key.Key_Escape)  # back to the console, nothing ends
        assert controller.running
        for digit in str(index + 1):
            qtbot.keyClick(console, getattr(Key, f"Key_{digit}"))
        assert controller.room.selected == index
        assert panel.confirm_button.isEnabled()
        qtbot.keyClick(console, Key.Key_Return)
        text = audience_text(audience)
        label = scenarios["care-homes"].tactic(tactic).label
        assert f"Round {number}: the room chose “{label}” ({yes} of {yes + other} hands)" in text
        assert "What happened:" in text and "Why:" in text
        assert "How every measure moved" in text and ("rose" in text or "fell" in text)
        assert "The staircase" in text
        notes = console.notes.toPlainText()
        assert "Explain:" in notes and "Ask the room:" in notes
        assert "The idea behind it:" in notes
        assert f"Hands counted: {label}: {yes}" in notes
        qtbot.keyClick(audience, Key.Key_PageDown)  # on to the next round's choices
        assert f"Round {number + 1} of 12" in audience_text(audience)
        controller.clock.advance(seconds=5)  # the room talks it over

    # Page Up looks back at the last consequence; Page Down returns.
    qtbot.keyClick(console, Key.Key_PageUp)
    assert controller.room.session.screen.kind == ScreenKind.CONSEQUENCE
    qtbot.keyClick(console, Key.Key_PageDown)
    assert controller.room.session.deciding

    # The saved game keeps every decision with its hands, and replays exactly.
    saved = list((setup.runs_dir).glob("*.json"))
    assert len(saved) == 1
    data = read_run(saved[0])
    decisions = decisions_from_json(data)
    assert [(d.round, d.choice, d.hands[d.choice], d.total) for d in decisions] == [
        (n, tactic, yes, yes + other) for n, (tactic, yes, other) in enumerate(plays, start=1)
    ]
    assert replay(data, scenarios["care-homes"]).matches
    assert data["player"]["name"] == "The whole room"


def test_the_room_plays_to_the_end_and_the_clicker_goes_back_to_the_slides(qtbot, room, scenarios):
    controller, audience, console, _setup = room
    frame = controller.index
    qtbot.mouseClick(console.room_panel.play_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(audience, Key.Key_Right)
    for _ in range(20):
        session = controller.room.session
        if session.finished:
            break
        qtbot.keyClick(console, Key.Key_1)
        controller.clock.advance(seconds=3)  # a pause: the next digit starts a new number
        qtbot.keyClick(console, Key.Key_Enter)
        qtbot.keyClick(console, Key.Key_Space)
    assert controller.room.session.screen.kind == ScreenKind.END
    text = audience_text(audience)
    assert "rounds played" in text and "Our choices resembled" in text and "Our path" in text
    assert "Ask the room" in console.notes.toPlainText()
    assert audience.slide.body_pixel_size >= 0.7 * audience.slide.wanted_body_px()
    qtbot.keyClick(audience, Key.Key_PageDown)  # after the end: the plan's next slide
    assert not controller.room_playing and controller.index == frame + 1
    qtbot.keyClick(audience, Key.Key_PageUp)  # back on the scenario frame: continue, not restart
    assert console.room_panel.play_button.text().startswith("▶ Continue with the room")


def test_two_digits_pick_option_twelve_and_a_pause_starts_over(qtbot, room):
    controller, _audience, console, _setup = room
    qtbot.keyClick(console, Key.Key_R)
    qtbot.keyClick(console, Key.Key_PageDown)
    qtbot.keyClick(console, Key.Key_1)
    qtbot.keyClick(console, Key.Key_2)
    assert controller.room.selected == 11
    assert "Picked 12." in console.room_panel.message.text()
    controller.clock.advance(seconds=2)
    qtbot.keyClick(console, Key.Key_3)
    assert controller.room.selected == 2
    qtbot.keyClick(console, Key.Key_Escape)  # drops the pick; the presentation goes on
    assert controller.room.selected is None and controller.running
    qtbot.keyClick(console, Key.Key_9)
    qtbot.keyClick(console, Key.Key_9)  # 99 is no option: 9 again
    assert controller.room.selected == 8
    qtbot.keyClick(console, Key.Key_B)  # blanking still works while playing
    assert controller.blank == "black"


def test_leaving_the_frame_keeps_the_game_and_a_saved_game_can_be_continued(qtbot, room, scenarios):
    controller, _audience, console, setup = room
    qtbot.keyClick(console, Key.Key_R)
    qtbot.keyClick(console, Key.Key_PageDown)
    qtbot.keyClick(console, Key.Key_2)
    qtbot.keyClick(console, Key.Key_Return)
    qtbot.keyClick(console, Key.Key_Home)  # away from the scenario
    assert not controller.room_playing and controller.index == 0
    # A new presentation (after a crash): the saved game is offered and continues where it was.
    plan = controller.plan
    summaries = {k: (s.title, s.summary) for k, s in scenarios.items()}
    again = PresentationController(plan, controller.library, FakeClock(), summaries, room=setup)
    console2 = PresenterConsole(again)
    qtbot.addWidget(console2)
    again.go_to(next(i for i, f in enumerate(again.frames) if f.kind == "scenario") + 1)
    assert console2.room_panel.continue_button.text() == "Continue the saved game (round 2)"
    qtbot.mouseClick(console2.room_panel.continue_button, Qt.MouseButton.LeftButton)
    assert again.room.session.run.round == 2 and again.room.session.deciding
    assert "Round 2 of 12" in again.html()


def test_without_room_play_the_scenario_frame_says_so(qtbot, library):
    from present_fakes import open_presentation

    plan = load_plans([CONTENT])[0]["half-day-workshop"]
    shown = open_presentation(qtbot, plan, library)
    shown.controller.go_to(
        next(i for i, f in enumerate(shown.controller.frames) if f.kind == "scenario") + 1
    )
    assert shown.console.room_panel is None
    qtbot.keyClick(shown.console, Key.Key_R)  # nothing happens
    assert "not available yet" in shown.console.notes.toPlainText()


def test_a_session_keeps_clean_hand_counts(scenarios, tmp_path):
    session = RoomSession.start(scenarios["care-homes"], tmp_path / "g.run.json", seed=3)
    assert session.screen.kind == ScreenKind.SETTING
    option = session.options()[0].id
    session.decide(option, {option: 12, "no-such-tactic": 4, "committee": -2, "assembly": True})
    assert session.decisions[0].hands == {option: 12}
    session.save()
    again = RoomSession.open(tmp_path / "g.run.json", scenarios)
    assert again.decisions[0].hands == {option: 12}
    assert again.screen.kind == ScreenKind.SITUATION and again.deciding
    data = json.loads((tmp_path / "g.run.json").read_text(encoding="utf-8"))
    assert data["room"]["decisions"][0]["hands"] == {option: 12}


def test_a_mistaken_decision_is_taken_back_and_corrected(qtbot, room, scenarios):
    controller, audience, console, setup = room
    panel = console.room_panel
    qtbot.keyClick(console, Key.Key_R)
    qtbot.keyClick(audience, Key.Key_PageDown)  # round 1's choices
    assert not panel.undo_button.isVisible()

    def decide(tactic: str, yes: int) -> None:
        options = controller.room.options()
        index = next(i for i, o in enumerate(options) if o.id == tactic)
        qtbot.mouseClick(panel.hands_box(index + 1), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(panel.hands_box(index + 1), str(yes))
        qtbot.keyClick(panel.hands_box(index + 1), Key.Key_Escape)
        for digit in str(index + 1):
            qtbot.keyClick(console, getattr(Key, f"Key_{digit}"))
        qtbot.keyClick(console, Key.Key_Return)

    decide("one-on-ones", 14)
    qtbot.keyClick(audience, Key.Key_PageDown)
    decide("committee", 9)  # the count was 19, and the room meant another option
    assert "Round 2: the room chose" in audience_text(audience)
    assert panel.undo_button.isVisible()

    qtbot.keyClick(console, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    session = controller.room.session
    assert [d.round for d in session.decisions] == [1]
    assert session.deciding and session.run.round == 2
    assert "Round 2 of 12" in audience_text(audience)
    assert "taken back" in panel.message.text()
    picked = controller.room.options()[controller.room.selected]
    assert picked.id == "committee"
    assert panel.hands_box(controller.room.selected + 1).value() == 9
    saved = read_run(next(setup.runs_dir.glob("*.json")))
    assert [d.round for d in decisions_from_json(saved)] == [1]

    decide("structure-test", 19)
    saved = read_run(next(setup.runs_dir.glob("*.json")))
    assert [(d.round, d.choice, d.hands.get(d.choice)) for d in decisions_from_json(saved)] == [
        (1, "one-on-ones", 14),
        (2, "structure-test", 19),
    ]
    assert replay(saved, scenarios["care-homes"]).matches
    assert session.run.branches == []  # a correction leaves no abandoned path behind


def test_undo_with_nothing_decided_changes_nothing(scenarios, tmp_path):
    session = RoomSession.start(scenarios["care-homes"], tmp_path / "game.json", seed=3)
    assert session.undo() is None
    first = session.options()[0].id
    session.decide(first, {first: 5})
    undone = session.undo()
    assert undone is not None and (undone.round, undone.choice, undone.hands) == (
        1,
        first,
        {first: 5},
    )
    assert session.run.steps == [] and session.decisions == [] and session.deciding
    assert session.undo() is None


def test_hands_typed_but_not_confirmed_survive_a_crash(qtbot, room, library, scenarios):
    controller, audience, console, setup = room
    panel = console.room_panel
    qtbot.keyClick(console, Key.Key_R)
    qtbot.keyClick(audience, Key.Key_PageDown)  # round 1's choices
    for number, count in ((1, 12), (2, 5)):
        qtbot.mouseClick(panel.hands_box(number), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(panel.hands_box(number), str(count))
    qtbot.keyClick(panel.hands_box(2), Key.Key_Escape)
    options = controller.room.options()
    expected = {options[0].id: 12, options[1].id: 5}
    path = next(setup.runs_dir.glob("*.json"))
    qtbot.waitUntil(lambda: counting_from_json(read_run(path)) == (1, expected))

    # The laptop crashes; the facilitator starts again and continues the saved game.
    plan = load_plans([CONTENT])[0]["half-day-workshop"]
    summaries = {k: (s.title, s.summary) for k, s in scenarios.items()}
    again = PresentationController(plan, library, FakeClock(), summaries, room=setup)
    new_console = PresenterConsole(again)
    qtbot.addWidget(new_console)
    new_console.show()
    again.go_to(next(i for i, f in enumerate(again.frames) if f.kind == "scenario") + 1)
    assert new_console.room_panel.continue_button.isVisible()
    qtbot.mouseClick(new_console.room_panel.continue_button, Qt.MouseButton.LeftButton)
    assert again.room.session.deciding and again.room.hands == expected
    assert new_console.room_panel.hands_box(1).value() == 12
    assert new_console.room_panel.hands_box(2).value() == 5
    qtbot.keyClick(new_console, Key.Key_1)
    qtbot.keyClick(new_console, Key.Key_Return)
    decision = again.room.session.decisions[-1]
    assert decision.hands == expected and decision.total == 17
    assert counting_from_json(read_run(path)) == (0, {})  # decided: nothing left pending


def test_a_saved_count_only_comes_back_for_the_round_it_was_for(scenarios, tmp_path):
    path = tmp_path / "game.json"
    session = RoomSession.start(scenarios["care-homes"], path, seed=3)
    first, second = (o.id for o in session.options()[:2])
    session.count({first: 4, second: -1, "no-such-option": 9, "x": "many"})
    assert session.counting == {first: 4}
    session.save()
    assert RoomSession.open(path, scenarios).counting == {first: 4}
    data = json.loads(path.read_text(encoding="utf-8"))
    data["room"]["counting"]["round"] = 2  # a count for another round is stale
    path.write_text(json.dumps(data), encoding="utf-8")
    assert RoomSession.open(path, scenarios).counting == {}
    data["room"]["counting"] = "garbled"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert RoomSession.open(path, scenarios).counting == {}
