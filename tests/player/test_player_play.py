"""Playing scenarios through the window, by keyboard and mouse, to the debrief."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.player.conftest import (
    SEED,
    MakePlayer,
    focused,
    play_round,
    play_to_end,
    press,
    start_by_keyboard,
)

from teachin.debrief.words import result_words
from teachin.scenario.run import start_run
from teachin.ui.player.player_window import PlayerWindow

SCENARIOS = ["care-homes", "tenants-retrofit", "transit-fares", "tuition-hike", "union-local"]


def test_every_shipped_scenario_is_offered(player: PlayerWindow, content) -> None:
    scenarios, _ = content
    assert sorted(scenarios) == SCENARIOS
    texts = [player.picker.list.item(i).text() for i in range(player.picker.list.count())]
    for scenario in scenarios.values():
        line = next(t for t in texts if t.startswith(scenario.title))
        assert f"{scenario.minutes} minutes" in line and scenario.difficulty in line


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_play_every_scenario_to_the_debrief_by_keyboard(
    qtbot: QtBot, player: PlayerWindow, content, scenario_id: str
) -> None:
    start_by_keyboard(qtbot, player, scenario_id, "Table 3")
    rounds = play_to_end(qtbot, player)
    run = player.run
    assert run is not None and run.finished
    assert rounds == len(run.steps) >= 1
    assert player.pages.currentWidget() is player.debrief

    # The same choices, straight through the engine, give the same outcome.
    scenarios, _ = content
    check = start_run(scenarios[scenario_id], SEED)
    for record in run.steps:
        check.choose(record.tactic)
    assert check.result == run.result

    debrief = player.debrief
    outcome = debrief.outcome.accessibleName()
    assert result_words(run.result) in outcome
    if run.ending is not None:
        assert run.ending.title in outcome
    fingerprint = check.fingerprint()
    top = fingerprint.shares[0]
    assert f"resembled most: <b>{top.label}</b>" in debrief.closest.text()
    assert [bar.value() for bar in debrief.bars] == [
        round(s.share * 100) for s in fingerprint.shares
    ]
    for share, bar in zip(fingerprint.shares, debrief.bars, strict=True):
        assert share.label in bar.accessibleName()
    examples = " ".join(
        w.text() for w in debrief.fingerprint_box.findChildren(type(debrief.turning))
    )
    for example in top.examples:
        assert example in examples
    for question in run.scenario.questions[:2]:
        assert question.replace("'", "&#x27;")[:20] in debrief.questions.text()
    assert player.export_action.isEnabled()


def test_a_choice_is_shown_before_it_is_played(qtbot: QtBot, player: PlayerWindow) -> None:
    start_by_keyboard(qtbot, player, "care-homes")
    view = player.round_view
    assert focused() is view.tactics
    press(qtbot, Qt.Key.Key_3)
    option = view.tactics.options[2]
    assert view.detail_title.accessibleName() == option.label
    assert option.description.split()[0] in view.detail_text.text()
    assert option.ready_text in html.unescape(view.detail_ready.text())
    assert player.run.steps == []  # only looked at, not played
    press(qtbot, Qt.Key.Key_Down)
    assert view.detail_title.accessibleName() == view.tactics.options[3].label
    # Enter plays it; the consequence shows every visible measure with its change.
    press(qtbot, Qt.Key.Key_Return)
    assert [r.tactic for r in player.run.steps] == [view.tactics.options[3].id]
    consequence = player.consequence_view
    assert player.play_stack.currentWidget() is consequence
    summary = consequence.measures.summary()
    for measure in player.run.scenario.visible_measures:
        assert measure.label in summary
    assert "staircase" in consequence.stairs_note.text().lower()


def test_the_play_button_and_the_mouse_work_too(qtbot: QtBot, player: PlayerWindow) -> None:
    qtbot.mouseClick(player.picker.start_button, Qt.MouseButton.LeftButton)
    view = player.round_view
    row = 4
    rect = view.tactics.visualItemRect(view.tactics.item(row))
    qtbot.mouseClick(view.tactics.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.tactics.currentRow() == row
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    assert player.run.steps[0].tactic == view.tactics.options[row].id
    qtbot.mouseClick(player.consequence_view.next_button, Qt.MouseButton.LeftButton)
    assert player.play_stack.currentWidget() is view
    assert player.run.round == 2


def test_concept_links_ask_the_main_window_to_open_them(qtbot: QtBot, player: PlayerWindow) -> None:
    start_by_keyboard(qtbot, player, "care-homes")
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_Return)
    consequence = player.run.steps[0].consequence
    assert consequence.concept
    assert consequence.concept in player.consequence_view.concept.text()
    with qtbot.waitSignal(player.conceptRequested) as blocker:
        player.consequence_view.concept.linkActivated.emit(consequence.concept)
    assert blocker.args == [consequence.concept]


def test_timeline_rereads_a_past_round_and_goes_back_to_now(
    qtbot: QtBot, player: PlayerWindow
) -> None:
    start_by_keyboard(qtbot, player, "transit-fares")
    for row in (0, 1, 0):
        play_round(qtbot, player, row)
    assert len(player.timeline.buttons) == 3
    qtbot.mouseClick(player.timeline.buttons[1], Qt.MouseButton.LeftButton)
    view = player.consequence_view
    assert player.play_stack.currentWidget() is view
    assert view.title.accessibleName().startswith("Looking back at round 2")
    assert player.run.steps[1].consequence.label in view.title.accessibleName()
    assert view.what_if_button.isVisible() and not view.next_button.isVisible()
    press(qtbot, Qt.Key.Key_Return)  # back to where we are
    assert player.play_stack.currentWidget() is player.round_view
    assert player.run.round == 4


def test_what_if_goes_back_and_the_debrief_shows_both_paths(
    qtbot: QtBot, player: PlayerWindow
) -> None:
    start_by_keyboard(qtbot, player, "care-homes")
    play_round(qtbot, player, 0)
    play_round(qtbot, player, 1)
    play_round(qtbot, player, 5)
    first_path = [r.tactic for r in player.run.steps]
    qtbot.mouseClick(player.timeline.buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(player.consequence_view.what_if_button, Qt.MouseButton.LeftButton)
    assert player.run.round == 2
    assert [r.tactic for r in player.run.steps] == first_path[:1]
    assert [[r.tactic for r in b.steps] for b in player.run.branches] == [first_path[1:]]
    assert player.play_stack.currentWidget() is player.round_view
    play_to_end(qtbot, player)
    debrief = player.debrief
    assert debrief.branches_title.isVisibleTo(player)
    text = debrief.branches.text()
    assert "From round 2, you first chose" in text
    labels = [player.run.scenario.tactic(t).label for t in first_path[1:]]
    for label in labels:
        assert label in text
    assert debrief.path_chart.branches and debrief.path_chart.branches[0][0] == 2


def test_the_facilitator_can_turn_going_back_off(qtbot: QtBot, make_player: MakePlayer) -> None:
    player = make_player(allow_what_if=False)
    assert not player.what_if_action.isChecked()
    start_by_keyboard(qtbot, player, "care-homes")
    play_round(qtbot, player, 0)
    qtbot.mouseClick(player.timeline.buttons[0], Qt.MouseButton.LeftButton)
    assert not player.consequence_view.what_if_button.isVisible()
    player.what_if(1)  # even if asked some other way
    assert player.run.round == 2 and not player.run.branches
    assert "turned off" in player.banner_text.text()
    player.what_if_action.trigger()  # the facilitator turns it back on
    assert player.allow_what_if and player.consequence_view.what_if_button.isVisible()


def test_text_zoom_with_ctrl_plus_and_minus(qtbot: QtBot, player: PlayerWindow) -> None:
    start_by_keyboard(qtbot, player, "care-homes")
    size = player.round_view.tactics.font().pointSizeF()
    qtbot.keyClick(focused(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert player.zoom == 1.25
    assert player.round_view.tactics.font().pointSizeF() == pytest.approx(size * 1.25, abs=0.1)
    qtbot.keyClick(focused(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert player.zoom == 1.1
    qtbot.keyClick(focused(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert player.zoom == 1.0


def test_every_control_has_an_accessible_name(qtbot: QtBot, player: PlayerWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLineEdit, QWidget

    def check() -> None:
        for widget in player.findChildren(QWidget):
            if not widget.isVisibleTo(player):
                continue
            interactive = isinstance(widget, QAbstractButton | QLineEdit | QAbstractScrollArea) or (
                widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                and type(widget).__module__.startswith("teachin")
            )
            if interactive and widget.parent() is not None:
                name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
                if isinstance(widget, QAbstractScrollArea) and widget.viewport() is not None:
                    name = name or widget.objectName()
                if type(widget).__name__ in ("QScrollBar",):
                    continue
                assert name, f"{type(widget).__name__} {widget.objectName()!r} has no name"

    check()
    start_by_keyboard(qtbot, player, "tuition-hike")
    check()
    press(qtbot, Qt.Key.Key_Return)
    check()
    press(qtbot, Qt.Key.Key_Return)
    play_to_end(qtbot, player)
    check()
    player.show_runs()
    check()


def test_from_the_debrief_look_back_and_try_what_if(qtbot: QtBot, player: PlayerWindow) -> None:
    start_by_keyboard(qtbot, player, "tuition-hike")
    play_to_end(qtbot, player)
    assert player.timeline.isVisibleTo(player)
    assert player.timeline.present.text() == "The debrief"
    played = [r.tactic for r in player.run.steps]
    qtbot.mouseClick(player.timeline.buttons[0], Qt.MouseButton.LeftButton)
    assert player.pages.currentWidget() is player.play
    qtbot.mouseClick(player.timeline.present, Qt.MouseButton.LeftButton)
    assert player.pages.currentWidget() is player.debrief
    qtbot.mouseClick(player.timeline.buttons[-1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(player.consequence_view.what_if_button, Qt.MouseButton.LeftButton)
    assert not player.run.finished and player.run.round == len(played)
    assert player.run.branches[-1].steps[0].tactic == played[-1]
