"""The drawn parts: the staircase (where the campaign stands, open steps, why a step
is not ready), the measures (changes told without colour), the charts; readable
on a 1920×1080 projector with the text zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from tests.player.conftest import (
    MakePlayer,
    focused,
    pick_row,
    play_round,
    press,
    start_by_keyboard,
)
from tests.qt_waits import settle
from tests.scenario.simulations import SHIPPED

from teachin.ui.player.player_window import PlayerWindow
from teachin.ui.player.staircase_view import CLIMBED, NOT_READY, OPEN

# A care-homes start whose support range is surely above the petition's need, so
# the first two steps are open (on many starts the petition is only "maybe ready").
OPEN_START_SEED = 2


def test_the_staircase_says_where_the_campaign_stands_and_why_a_step_waits(
    qtbot: QtBot, make_player: MakePlayer
) -> None:
    player = make_player(seed=OPEN_START_SEED)
    start_by_keyboard(qtbot, player, "care-homes")
    stairs = player.round_view.stairs
    states = {s.number: s for s in stairs.states}
    assert len(states) == 10
    assert states[1].state == OPEN and states[2].state == OPEN
    assert states[7].state == NOT_READY
    assert "Still needed" in states[7].reason
    assert "No step climbed yet" in stairs.accessibleDescription()
    # Tab from the list and the play button to the staircase; arrows move up the steps.
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is player.round_view.play_button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is stairs
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Down, 3)
    info = player.round_view.step_info.text()
    assert info.startswith("Step 7: One-day strike — not ready yet.")
    assert "Still needed:" in info
    assert stairs.accessibleDescription() == info
    # Hovering a step shows the same words.
    rect = stairs._rect(7)
    point = rect.center().toPoint()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, stairs.mapToGlobal(point))
    QApplication.sendEvent(stairs, event)
    assert QToolTip.text() == stairs.states[6].words()
    QToolTip.hideText()


def test_a_climbed_step_is_marked_in_words(qtbot: QtBot, player: PlayerWindow) -> None:
    start_by_keyboard(qtbot, player, "care-homes")
    tactics = player.round_view.tactics
    row = next(i for i, o in enumerate(tactics.options) if o.id == "teach-in")
    play_round(qtbot, player, row)
    stairs = player.round_view.stairs
    assert stairs.climbed == 1 and stairs.states[0].state == CLIMBED
    assert "You are on step 1: Popular education" in stairs.accessibleDescription()
    assert "Step 1: Popular education — climbed." in stairs.states[0].words()


def test_the_consequence_lists_every_change_in_words(
    qtbot: QtBot, make_player, frozen_scenarios
) -> None:
    # Exact changes are shown for measures the group knows; the frozen copy has
    # no estimates (tests/player/test_player_estimates.py covers ranges).
    player = make_player(scenarios=frozen_scenarios)
    start_by_keyboard(qtbot, player, "care-homes")
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    consequence = player.run.steps[0].consequence
    summary = player.consequence_view.measures.summary()
    for measure in player.run.scenario.visible_measures:
        delta = round(consequence.deltas[measure.id])
        if delta > 0:
            assert (
                f"{measure.label}: {round(consequence.after[measure.id])} (rose by {delta})"
                in summary
            )
        elif delta == 0:
            assert (
                f"{measure.label}: {round(consequence.after[measure.id])} (did not change)"
                in summary
            )


def test_readable_on_a_projector_with_the_text_zoom(
    qtbot: QtBot, make_player: MakePlayer, tmp_path
) -> None:
    player = make_player()
    player.resize(1920, 1080)
    start_by_keyboard(qtbot, player, "tenants-retrofit")
    for _ in range(4):
        player.zoom_in()
    assert player.zoom == 1.75
    settle(qtbot)  # the layouts the larger text asked for are done
    view = player.round_view
    # Nothing essential is squeezed out: the choice, the button and the staircase keep
    # their full height, and the text really is bigger.
    assert view.play_button.height() >= view.play_button.sizeHint().height()
    assert view.tactics.font().pointSizeF() > 18
    assert view.stairs.height() >= view.stairs.minimumSizeHint().height()
    assert view.detail.height() >= view.detail.layout().totalHeightForWidth(view.detail.width())
    picture = player.grab()
    assert picture.width() == 1920
    picture.save(str(tmp_path / "projector.png"))


def test_the_charts_describe_themselves(qtbot: QtBot, player: PlayerWindow) -> None:
    from tests.player.conftest import play_to_end

    start_by_keyboard(qtbot, player, "transit-fares")
    play_to_end(qtbot, player)
    debrief = player.debrief
    path = debrief.path_chart.accessibleDescription()
    assert f"round 1: {player.run.steps[0].consequence.label}" in path
    measures = debrief.measures_chart.accessibleDescription()
    first = player.run.scenario.visible_measures[0]
    assert f"{first.label}: from {round(player.run.start_values[first.id])}" in measures
    assert debrief.path_chart.grab().width() > 300


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_every_choice_and_every_measure_fit_a_laptop_screen(
    qtbot: QtBot, make_player, scenario_id: str
) -> None:
    # 1366x768, the commonest laptop screen: every choice of the round shows whole
    # (grouped, in columns), each with its key; the staircase and every measure
    # show without scrolling.
    player = make_player()
    start_by_keyboard(qtbot, player, scenario_id)
    round_view = player.round_view
    tactics = round_view.tactics
    settle(qtbot)
    assert tactics.count() >= 18
    assert tactics.all_in_view()
    assert tactics.horizontalScrollBar().maximum() == 0
    assert round_view.side.verticalScrollBar().maximum() == 0
    assert round_view.measures.isVisible()
    shown = round_view.measures.summary()
    for measure in player.run.scenario.visible_measures:
        assert measure.label in shown
    # The groups in order: organizing and deciding, the staircase climbing, the rest.
    options = tactics.options
    steps = [o.step for o in options if o.kind == "step"]
    assert steps == sorted(steps)
    assert options[0].kind == "organizing" and options[-1].kind not in ("step", "organizing")
    # Past the ninth choice the keys go on: 0, then letters. Each shows a choice.
    press(qtbot, Qt.Key.Key_0)
    assert tactics.currentRow() == 9
    press(qtbot, Qt.Key.Key_C)
    assert tactics.currentRow() == 12
    assert round_view.detail_title.accessibleName() == options[12].label
    assert str(tactics.item(12).data(Qt.ItemDataRole.AccessibleTextRole)).startswith("C: ")
    assert player.run.steps == []  # only looked at
    press(qtbot, Qt.Key.Key_End)
    assert tactics.currentRow() == tactics.count() - 1


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_after_a_round_the_staircase_is_in_view_on_a_laptop(
    qtbot: QtBot, make_player, scenario_id: str
) -> None:
    # What happened, at 1366x768: the whole staircase shows above the measures
    # (which may scroll), so the group always sees where it stands.
    player = make_player()
    start_by_keyboard(qtbot, player, scenario_id)
    pick_row(qtbot, player, 0)
    press(qtbot, Qt.Key.Key_Return)
    view = player.consequence_view
    assert player.play_stack.currentWidget() is view
    settle(qtbot)
    viewport = view.side.viewport()
    top_left = view.stairs.mapTo(viewport, view.stairs.rect().topLeft())
    bottom_right = view.stairs.mapTo(viewport, view.stairs.rect().bottomRight())
    assert viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)
    assert view.stairs.height() >= view.stairs.minimumSizeHint().height()
    assert "staircase" in view.stairs_note.text().lower()


def test_the_rounds_label_stays_when_the_round_tabs_scroll(
    qtbot: QtBot, player: PlayerWindow
) -> None:
    start_by_keyboard(qtbot, player, "care-homes")
    for _ in range(7):
        play_round(qtbot, player, 0)
    timeline = player.timeline
    bar = timeline.horizontalScrollBar()
    assert bar.maximum() > 0  # the rounds no longer fit: the row scrolls
    bar.setValue(bar.maximum())
    label = timeline._label
    assert label.isVisible() and label.text() == "Rounds:"
    # Beside the scrolling row, not in it: the row starts right of the label.
    assert timeline.viewport().geometry().left() >= label.geometry().right()
