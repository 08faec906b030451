"""Screenshots of the player for docs/ (run by hand: ``python tests/player/screenshots.py``).

Plays "Short-staffed at Evergreen" through the window at 1366×768 the way the
built-in mass-action policy would (picking each choice in the list and pressing
Enter), tries a general strike too early and goes back ("What if?"), and grabs a
round, a consequence with an event, and the debrief.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from teachin.locations import builtin_content_dir
from teachin.qt_application import qt_application
from teachin.scenario.loader import load_scenarios
from teachin.scenario.policies import Observation, mass_action, tactic_infos
from teachin.ui.player.player_window import PlayerWindow
from teachin.workshop.library import load_library

SIZE = (1366, 768)
LAST = None


def policy_choice(window: PlayerWindow, rng: random.Random) -> str:
    run = window.run
    observation = Observation(run.engine, run.state, tactic_infos(run.scenario))
    return mass_action(observation, rng)


def play(window: PlayerWindow, tactic: str) -> None:
    assert window.round_view.tactics.select_id(tactic)
    QTest.keyClick(window.round_view.tactics, Qt.Key.Key_Return)


def main(out: Path, seed: int = 3) -> str:
    app = qt_application(QApplication, sys.argv[:1])
    folders = [builtin_content_dir()]
    scenarios, _ = load_scenarios(folders)
    library = load_library(folders)
    runs = Path(tempfile.mkdtemp())
    window = PlayerWindow(scenarios, library, runs, seed=seed)
    window.resize(*SIZE)
    window.resume_or_pick()
    window.show()
    app.processEvents()
    window.picker.select("care-homes")
    window.grab().save(str(out / "player-pick.png"))
    window.start("care-homes", "Table 3")
    rng = random.Random(seed)
    got_round = got_event = tried = False
    while not window.run.finished:
        if window.run.round == 4 and not got_round:
            choice = policy_choice(window, rng)
            window.round_view.tactics.select_id("one-day-strike")  # a step not ready yet
            app.processEvents()
            window.grab().save(str(out / "player-round.png"))
            got_round = True
        if window.run.round == 6 and not tried:
            play(window, "general-strike")  # too early: then "What if?"
            QTest.mouseClick(window.timeline.buttons[-1], Qt.MouseButton.LeftButton)
            QTest.mouseClick(window.consequence_view.what_if_button, Qt.MouseButton.LeftButton)
            tried = True
            continue
        play(window, policy_choice(window, rng))
        app.processEvents()
        if window.run.steps[-1].consequence.events and not got_event:
            window.grab().save(str(out / "player-consequence.png"))
            got_event = True
        QTest.keyClick(window.consequence_view.next_button, Qt.Key.Key_Return)
    app.processEvents()
    window.grab().save(str(out / "player-debrief.png"))
    bar = window.debrief.body_scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    app.processEvents()
    window.grab().save(str(out / "player-debrief-2.png"))
    bar.setValue(bar.maximum())
    app.processEvents()
    window.grab().save(str(out / "player-debrief-3.png"))
    del choice
    global LAST
    LAST = window
    return f"seed {seed}: {window.run.result}, events shot: {got_event}"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")
    print(main(target, int(sys.argv[2]) if len(sys.argv) > 2 else 3))
