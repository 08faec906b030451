"""Room play of a scenario with an estimated measure: the projector and the console
show the room's range, never the true value, until the end screen reveals it."""

from __future__ import annotations

import re
from pathlib import Path

from present_fakes import open_presentation
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.scenario.loader import load_scenarios
from teachin.ui.present.room_play import RoomSetup

ESTIMATES = Path(__file__).parent.parent / "data" / "estimates"
CHOICES = ["talk", "strike", "test", "vote"]  # then "talk" to the end


def standalone_numbers(text: str) -> set[int]:
    """The numbers outside ranges ("35–39" may round to the truth once tested)."""
    return {int(n) for n in re.findall(r"\d+", re.sub(r"\d+–\d+", " ", text))}


def test_the_projector_and_the_console_show_the_range_until_the_end(
    qtbot, library, tmp_path
) -> None:
    scenario = load_scenarios([ESTIMATES])[0]["estimates"]
    plan = load_plans([builtin_content_dir()])[0]["half-day-workshop"]
    # Every scenario block of the plan plays the small estimated scenario.
    setup = RoomSetup({block.ref: scenario for block in plan.blocks}, tmp_path, seed=1)
    shown = open_presentation(qtbot, plan, library, (1920, 1080), room=setup)
    controller, audience, console = shown.controller, shown.audience, shown.console
    controller.go_to(next(i for i, f in enumerate(controller.frames) if f.kind == "scenario") + 1)
    controller.room.start()
    session = controller.room.session
    run = session.run
    consequences = 0
    while True:
        screen = session.screen
        shown = audience.slide.document().toPlainText() + console.notes.toPlainText()
        truth = round(run.measures(hidden=True)["support"])
        if screen.kind.value == "end":
            assert f"We knew support: it was {truth}." in shown
            assert "Round 2, Strike: we estimated support at" in shown
            audience.grab().save(str(tmp_path / "room-end.png"))
            break
        low, high = run.estimates()["support"]
        if round(low) != round(high):  # else the group knows it exactly: tested, voted
            assert truth not in standalone_numbers(shown), screen
        if screen.kind.value == "consequence":
            consequences += 1
            if round(low) != round(high):
                assert "Support (estimate)" in shown
                assert f"{round(low)}–{round(high)}" in shown
            if consequences == 2:  # the strike round, with the employer's campaign
                audience.grab().save(str(tmp_path / "room-consequence.png"))
        if session.deciding:
            tactic = CHOICES[len(run.steps)] if len(run.steps) < len(CHOICES) else "talk"
            options = [o.id for o in session.options()]
            if tactic == "strike":
                assert "maybe ready? not sure yet" in console.notes.toPlainText()
                labels = console.room_panel.findChildren(QLabel)
                assert any("Strike (step 7 · maybe ready" in label.text() for label in labels)
            qtbot.keyClick(audience, Qt.Key(Qt.Key.Key_1 + options.index(tactic)))
            qtbot.keyClick(audience, Qt.Key.Key_Return)
            QApplication.processEvents()
        else:
            assert controller.room.forward()
    assert consequences == len(run.steps) == len(scenario.rounds)
