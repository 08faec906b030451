"""The scenario player, opened from the main window's Play menu."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from teachin.locations import builtin_content_dir
from teachin.ui.main_window import MainWindow


def test_play_menu_opens_the_player_and_concept_links_open_in_the_reader(
    qtbot: QtBot, make_window
) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    window.play_action.trigger()
    player = window.launcher.player
    assert player is not None
    qtbot.waitUntil(player.isVisible)
    assert len(player.scenarios) >= 4

    player.conceptRequested.emit("glossary:base")
    assert window.history.current.href == "glossary:base"
    assert "Base" in window.reader.toPlainText()

    window.play_action.trigger()
    assert window.launcher.player is player  # one player window, brought forward
    window.close()
    assert not player.isVisible()
    qtbot.waitUntil(lambda: window.launcher.player is None)
