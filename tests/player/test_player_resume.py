"""Nothing is lost: autosave after every step, resume after a crash (SIGKILL),
damaged saves set aside with a clear message, saved runs listed, renamed, deleted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.player.conftest import MakePlayer, focused, play_round, press, start_by_keyboard

from teachin.runs.store import RunStore

DRIVER = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from teachin.qt_application import qt_application
    from teachin.ui.player.app import build_player

    app = qt_application(QApplication, sys.argv[:1])
    runs, mode, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    window = build_player(runs_dir=runs, seed=23)
    window.resume_or_pick()
    window.show()
    app.processEvents()

    def state():
        return json.dumps(
            {**window.state_summary(),
             "page": window.pages.currentWidget().objectName(),
             "shown": window.play_stack.currentWidget().objectName()}
        )

    if mode == "play":
        window.picker.select("tuition-hike")
        QTest.keyClick(window.picker.list, Qt.Key.Key_Return)
        for number in range(rounds):
            QTest.keyClick(window.round_view.tactics, Qt.Key.Key_1 + number % 3)
            QTest.keyClick(window.round_view.tactics, Qt.Key.Key_Return)
            if number < rounds - 1:
                QTest.keyClick(window.consequence_view.next_button, Qt.Key.Key_Return)
        print(state(), flush=True)
        app.exec()  # runs until it is killed
    else:
        assert window.picker.resume_box.isVisibleTo(window), "no offer to resume"
        print(json.dumps({"offer": window.picker.resume_text.text()}), flush=True)
        QTest.keyClick(window.picker.resume_button, Qt.Key.Key_Return)
        print(state(), flush=True)
    """
)


def test_a_killed_player_resumes_exactly_where_it_was(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(runs), "play", "4"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        line = first.stdout.readline()
        before = json.loads(line)
        assert len(before["choices"]) == 4
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=20)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        first.stdout.close()
    assert first.returncode == -signal.SIGKILL

    second = subprocess.run(
        [sys.executable, "-c", DRIVER, str(runs), "resume", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    offer, after = (json.loads(line) for line in second.stdout.splitlines()[-2:])
    assert "4 rounds played" in offer["offer"]
    assert after == before  # same round, choices, every measure, screen (what happened in round 4)
    assert after["shown"] == "consequenceView" and after["round"] == 5


def test_resume_offer_in_the_window(qtbot: QtBot, make_player: MakePlayer, tmp_path: Path) -> None:
    player = make_player()
    start_by_keyboard(qtbot, player, "care-homes", "Night shift")
    play_round(qtbot, player, 0)
    play_round(qtbot, player, 1)
    state = player.state_summary()
    files = list((tmp_path / "runs").glob("*.run.json"))
    assert len(files) == 1
    player.close()

    again = make_player()
    assert again.picker.resume_box.isVisibleTo(again)
    assert "Night shift" in again.picker.resume_text.text()
    assert focused() is again.picker.resume_button
    press(qtbot, Qt.Key.Key_Return)
    assert again.state_summary() == state
    assert again.play_stack.currentWidget() is again.round_view
    assert again.run.round == 3


def test_a_damaged_save_is_set_aside_and_the_app_goes_on(
    qtbot: QtBot, make_player: MakePlayer, tmp_path: Path
) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    broken = runs / "care-homes-20260101-100000.run.json"
    broken.write_text('{"format": "teachin-run", "version": 2, "scen', encoding="utf-8")
    player = make_player()
    assert player.banner.isVisibleTo(player)
    message = player.banner_text.text()
    assert "could not be read" in message and "set aside" in message
    assert broken.name in message and "damaged run file" in message
    assert not broken.exists() and (runs / (broken.name + ".damaged")).exists()
    assert not player.picker.resume_box.isVisibleTo(player)
    start_by_keyboard(qtbot, player, "care-homes")  # the app goes on
    play_round(qtbot, player)
    assert player.run.round == 2


def test_a_damaged_run_file_opened_from_the_list_is_set_aside(
    qtbot: QtBot, make_player: MakePlayer, tmp_path: Path
) -> None:
    player = make_player()
    start_by_keyboard(qtbot, player, "care-homes")
    play_round(qtbot, player)
    path = player.path
    path.write_text("not json at all", encoding="utf-8")  # damaged after it was listed
    assert not player.open_saved(path)
    assert "could not be opened" in player.banner_text.text()
    assert "kept aside" in player.banner_text.text()
    assert path.with_name(path.name + ".damaged").exists()
    assert player.pages.currentWidget() is player.picker


def saved_outside(qtbot: QtBot, player, path: Path, **changes: object) -> Path:
    """A round played and saved outside the runs folder, then changed as given
    (as a run of another scenario or another teachin would be)."""
    start_by_keyboard(qtbot, player, "care-homes")
    play_round(qtbot, player)
    assert player.save_as(path) == path
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_outside_run_file_of_a_changed_scenario_is_left_alone(
    make_player: MakePlayer, tmp_path: Path, qtbot: QtBot
) -> None:
    player = make_player()
    outside = saved_outside(qtbot, player, tmp_path / "shared.run.json", scenario="not-installed")
    assert not player.open_file(outside)
    assert "not installed" in player.banner_text.text()
    assert outside.exists()


def test_a_run_file_of_an_older_teachin_is_refused_and_the_app_goes_on(
    make_player: MakePlayer, tmp_path: Path, qtbot: QtBot
) -> None:
    player = make_player()
    outside = saved_outside(qtbot, player, tmp_path / "last-year.run.json", version=1)
    assert not player.open_file(outside)
    message = player.banner_text.text()
    assert "could not be opened" in message and str(outside) in message
    assert "made by an older teachin" in message and "start a new run" in message
    assert "left as it is" in message and outside.exists()
    player.pick()
    start_by_keyboard(qtbot, player, "care-homes")  # the app goes on
    play_round(qtbot, player)
    assert player.run.round == 2


def test_saved_runs_are_listed_renamed_and_deleted(
    qtbot: QtBot, make_player: MakePlayer, tmp_path: Path
) -> None:
    player = make_player()
    start_by_keyboard(qtbot, player, "care-homes", "Table 1")
    play_round(qtbot, player)
    player.pick()
    start_by_keyboard(qtbot, player, "transit-fares", "Table 2")
    play_round(qtbot, player)
    qtbot.keyClick(focused(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    manager = player.runs
    assert player.pages.currentWidget() is manager
    assert manager.list.count() == 2
    assert manager.list.item(0).text().startswith("Table 2")
    assert focused() is manager.list
    press(qtbot, Qt.Key.Key_Down)
    manager.name.setFocus()
    manager.name.selectAll()
    qtbot.keyClicks(manager.name, "First table, care homes")
    press(qtbot, Qt.Key.Key_Return)
    assert any(
        manager.list.item(i).text().startswith("First table, care homes")
        for i in range(manager.list.count())
    )
    # Delete asks for a second press.
    row = next(
        i for i in range(manager.list.count()) if manager.list.item(i).text().startswith("Table 2")
    )
    manager.list.setCurrentRow(row)
    qtbot.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
    assert manager.list.count() == 2 and "Really delete" in manager.delete_button.text()
    qtbot.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
    assert manager.list.count() == 1
    assert len(RunStore(tmp_path / "runs").listing().runs) == 1
    # Open the one left: back to where it was.
    manager.list.setCurrentRow(0)
    qtbot.mouseClick(manager.open_button, Qt.MouseButton.LeftButton)
    assert player.run.scenario.id == "care-homes" and player.run.round == 2


def test_save_run_as_and_export_the_debrief(
    qtbot: QtBot, make_player: MakePlayer, tmp_path: Path, content
) -> None:
    from tests.player.conftest import play_to_end

    from teachin.runs.runfile import load_run

    player = make_player()
    start_by_keyboard(qtbot, player, "tuition-hike", "Table 3")
    play_to_end(qtbot, player)
    (tmp_path / "out").mkdir()
    saved = player.save_as(tmp_path / "out" / "ours.run.json")
    scenarios, _ = content
    assert load_run(saved, scenarios).result == player.run.result
    pdf = player.export_debrief(tmp_path / "out" / "debrief.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    first = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Group: Table 3" in first  # five printed debriefs can be told apart
