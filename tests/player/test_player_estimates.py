"""A measure the group only estimates, played through the window as a group would:
during play it is shown as a range and never by its true value (nor its true
change); the debrief reveals the truth."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from tests.player.conftest import MakePlayer, focused, press, start_by_keyboard

from teachin.scenario.loader import load_scenarios
from teachin.ui.player.player_window import PlayerWindow
from teachin.ui.player.staircase_view import MAYBE

CONTENT = Path(__file__).parent.parent / "data" / "estimates"
SEED = 1  # support starts near 39, seen as 34–74: a strike on it is a guess


def widget_texts(root: QWidget) -> str:
    """Everything a group can read in ``root``: labels, buttons, list rows, tooltips,
    and what a screen reader says (accessible names and descriptions)."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                texts += [item.text(), item.toolTip()]
                texts.append(str(item.data(Qt.ItemDataRole.AccessibleTextRole)))
    return "\n".join(texts)


def numbers(text: str) -> set[int]:
    """The numbers in ``text`` outside ranges ("35–39": once a test has narrowed the
    range, its ends may round to the truth, and that is what the group has learned)."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\d+–\d+", " ", text)
    return {int(n) for n in re.findall(r"\d+", text)}


@pytest.fixture
def player(qtbot: QtBot, make_player: MakePlayer) -> PlayerWindow:
    scenarios, problems = load_scenarios([CONTENT])
    assert not [p for p in problems if p.severity.value == "error"]
    window = make_player(seed=SEED, scenarios=scenarios)
    start_by_keyboard(qtbot, window, "estimates", "Table 1")
    return window


def true_support(window: PlayerWindow) -> int:
    assert window.run is not None
    return round(window.run.measures(hidden=True)["support"])


def play(qtbot: QtBot, window: PlayerWindow, tactic: str) -> None:
    """Look at ``tactic`` with the number keys, play it with Enter."""
    tactics = window.round_view.tactics
    row = [o.id for o in tactics.options].index(tactic)
    assert focused() is tactics
    press(qtbot, Qt.Key(Qt.Key.Key_1 + row))
    press(qtbot, Qt.Key.Key_Return)
    assert window.play_stack.currentWidget() is window.consequence_view


def assert_hidden(window: PlayerWindow, truths: set[int]) -> None:
    """No text of the window shows the true support."""
    shown = numbers(widget_texts(window))
    assert not truths & shown, f"the true support {truths & shown} is shown"


def test_an_estimate_reads_as_a_range_and_maybe_ready_is_its_own_state(
    qtbot: QtBot, player: PlayerWindow
) -> None:
    run = player.run
    assert run is not None
    low, high = run.estimates()["support"]
    view = player.round_view
    summary = view.measures.accessibleDescription()
    assert f"Support: {round(low)}–{round(high)} (estimate)" in summary
    tip = view.measures.tip(view.measures.rows[0])
    assert "estimate" in tip and "one-on-ones" in tip.lower() and "structure test" in tip
    # The strike is neither ready nor not ready: the estimate cannot tell yet.
    strike = [o.id for o in view.tactics.options].index("strike")
    row = view.tactics.item(strike)
    assert "maybe ready? not sure yet" in row.text()
    assert "maybe ready" in str(row.data(Qt.ItemDataRole.AccessibleTextRole))
    talk = view.tactics.item([o.id for o in view.tactics.options].index("talk"))
    assert "· ready" in talk.text()
    press(qtbot, Qt.Key(Qt.Key.Key_1 + strike))
    assert view.detail_ready.text().startswith("<b>? Maybe ready")
    assert [s.state for s in view.stairs.states if s.tactic == "Strike"] == [MAYBE]
    assert_hidden(player, {true_support(player)})


def test_no_screen_shows_the_true_support_during_play_and_the_debrief_reveals_it(
    qtbot: QtBot, player: PlayerWindow
) -> None:
    run = player.run
    assert run is not None
    consequence = player.consequence_view
    for tactic in ("talk", "strike", "test", "vote"):
        seen = run.estimates()["support"]
        play(qtbot, player, tactic)
        after = run.estimates()["support"]
        moved = consequence.measures.accessibleDescription()
        rng = f"{round(seen[0])}–{round(seen[1])} → {round(after[0])}–{round(after[1])}"
        assert f"Support: {round(after[0])}–{round(after[1])} (estimate), {rng}" in moved
        assert_hidden(player, {true_support(player)})
        if tactic == "strike":
            # The employer's campaign took 8 off support: the group is told that it
            # fell, not by how much.
            events = consequence.events.text()
            assert "Support ▼ fell" in events and "8" not in events
        if tactic == "test":
            assert "narrower" in moved
        press(qtbot, Qt.Key.Key_Return)
        assert_hidden(player, {true_support(player)})
    while player.pages.currentWidget() is player.play:
        play(qtbot, player, "talk")
        press(qtbot, Qt.Key.Key_Return)
    debrief = player.debrief
    truth = debrief.truth.text()
    assert f"You knew support: it was {true_support(player)}." in truth
    assert "Round 2, Strike: you estimated support at" in truth
    assert "(an overestimate)" in truth
    assert "Round 3, Structure test" in truth
    assert "you estimated" in debrief.measures_chart.accessibleDescription()
