"""The colours the widgets pick for themselves (the palette, the board's inks, the
measures' arrows) stand out from the grounds they are drawn on, in every theme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from tests.readability import read_window

from teachin.ui.palette import palette_for
from teachin.ui.player.measures_view import BAD, BAD_DARK, GOOD, GOOD_DARK
from teachin.ui.present.debrief_board import DARK_INKS, LIGHT_INKS
from teachin.workshop.contrast import contrast_ratio, minimum_for
from teachin.workshop.themes import THEMES

Role = QPalette.ColorRole
TEXT_ON_GROUND = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.id)
def test_the_palette_keeps_text_readable(qapp, theme) -> None:
    palette = palette_for(theme)
    for text, ground in TEXT_ON_GROUND:
        ratio = contrast_ratio(palette.color(text).name(), palette.color(ground).name())
        assert ratio >= minimum_for(theme), (theme.id, text.name, ground.name, ratio)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.id)
def test_the_boards_inks_and_the_measures_arrows_stand_out(theme) -> None:
    inks = DARK_INKS if theme.dark else LIGHT_INKS
    arrows = (GOOD_DARK, BAD_DARK) if theme.dark else (GOOD, BAD)
    for colour in (*inks, *arrows):
        # Lines and arrows, not body text: WCAG asks 3:1 of graphics; they carry labels too.
        assert contrast_ratio(colour, theme.background) >= 3.0, (theme.id, colour)


def test_the_screen_reader_finds_faint_and_cut_text(qtbot: QtBot) -> None:
    window = QWidget()
    window.setStyleSheet("background: #000000;")
    qtbot.addWidget(window)
    window.resize(400, 200)
    faint = QLabel("Dark grey on black, as the old board was", window)
    faint.setStyleSheet("color: #1d1f21; font-size: 16px;")
    faint.move(10, 10)
    faint.adjustSize()
    cut = QLabel("A label squeezed far narrower than its words", window)
    cut.setStyleSheet("color: #ffffff; font-size: 16px;")
    cut.setGeometry(10, 80, 60, 30)
    window.show()
    qtbot.waitExposed(window)
    seen = {text.widget: text for text in read_window(window)}
    assert seen[faint].ratio < 1.5 and not seen[faint].cut
    assert seen[cut].ratio > 15 and seen[cut].cut
