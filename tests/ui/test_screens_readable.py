"""Every main screen, in every theme, at a projector's 1920x1080 and a laptop's
1366x768, read from its own screenshot: no text below 4.5:1 (7:1 in high
contrast) and none cut off. The colours each theme pairs are checked in plain
Python in tests/workshop/test_contrast.py; this checks what the widgets made of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.readability import read_window

from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.scenario.loader import load_scenarios
from teachin.ui.main_window import MainWindow
from teachin.ui.player.player_window import PlayerWindow
from teachin.ui.present.audience_window import AudienceWindow
from teachin.ui.present.controller import PresentationController
from teachin.ui.present.debrief_board import DebriefBoard
from teachin.ui.present.presenter_console import PresenterConsole
from teachin.ui.settings import Settings
from teachin.workshop.contrast import HIGH_MINIMUM, NORMAL_MINIMUM
from teachin.workshop.library import load_library
from teachin.workshop.themes import THEMES

CONTENT = builtin_content_dir()
SIZES = ((1920, 1080), (1366, 768))
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"
"""Where the screenshots land, to look at after a run (not committed)."""


@pytest.fixture(scope="module")
def content():
    scenarios, problems = load_scenarios([CONTENT])
    assert not problems
    return scenarios, load_library([CONTENT])


def settings_for(tmp_path: Path, theme: str) -> Settings:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.theme = theme
    return settings


def assert_reads_well(
    qtbot: QtBot, window: QWidget, theme: str, screen: str, settle_ms: int = 10
) -> None:
    """At each size: every text stands out from its ground and has the room it needs.
    ``settle_ms``: how long the window takes to lay out again after a resize."""
    minimum = HIGH_MINIMUM if theme == "high-contrast" else NORMAL_MINIMUM
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.wait(settle_ms)
        seen = read_window(window)
        assert seen, f"{screen}: no text found"
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / f"{screen}-{theme}-{width}x{height}.png"))
        faint = [str(text) for text in seen if text.ratio < minimum]
        cut = [str(text) for text in seen if text.cut]
        assert not faint, f"{screen} in {theme} at {width}x{height}: faint text {faint}"
        assert not cut, f"{screen} in {theme} at {width}x{height}: cut text {cut}"


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_player_reads_well(qtbot: QtBot, tmp_path: Path, content, theme: str) -> None:
    scenarios, library = content
    prefs = QSettings(str(tmp_path / "player.ini"), QSettings.Format.IniFormat)
    window = PlayerWindow(
        scenarios, library, tmp_path / "runs", settings_for(tmp_path, theme), seed=3, prefs=prefs
    )
    qtbot.addWidget(window)
    window.resume_or_pick()
    window.show()
    qtbot.waitExposed(window)
    assert_reads_well(qtbot, window, theme, "player-pick")
    window.start("care-homes", "Table 3")
    assert_reads_well(qtbot, window, theme, "player-round")
    tactics = window.round_view.tactics
    tactics.setFocus()
    qtbot.keyClick(tactics, Qt.Key.Key_Return)
    assert window.play_stack.currentWidget() is window.consequence_view
    assert_reads_well(qtbot, window, theme, "player-consequence")
    for _ in range(60):  # two presses a round: play it, then go on
        if window.pages.currentWidget() is not window.play:
            break
        if window.play_stack.currentWidget() is window.round_view:
            tactics.setFocus()
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.debrief
    assert_reads_well(qtbot, window, theme, "player-debrief")


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_main_window_reads_well(qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    window = MainWindow(
        settings_for(tmp_path, theme),
        tmp_path / "user-content",
        [],
        base_folders=[CONTENT],
        check_delay_ms=3_600_000,  # the content check is not what is looked at here
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # The reader lays a page out again 120 ms after the last resize.
    assert_reads_well(qtbot, window, theme, "main-welcome", settle_ms=200)
    assert window.open_href("module:independent-mass-action")
    assert_reads_well(qtbot, window, theme, "main-module", settle_ms=200)
    reader = window.reader
    assert not reader.horizontalScrollBar().isVisible(), "the page is wider than the reader"


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_presenter_console_and_board_read_well(qtbot: QtBot, content, theme: str) -> None:
    scenarios, library = content
    plan = load_plans([CONTENT])[0]["teach-in-90"]
    summaries = {key: (s.title, s.summary) for key, s in scenarios.items()}
    controller = PresentationController(plan, library, scenarios=summaries, theme=THEMES[theme])
    console, audience = PresenterConsole(controller), AudienceWindow(controller)
    board = DebriefBoard(scenarios, library)
    for window in (console, audience, board):
        qtbot.addWidget(window)
        window.show()
    qtbot.waitExposed(console)
    assert_reads_well(qtbot, console, theme, "console")
    assert_reads_well(qtbot, board, theme, "board-empty")
