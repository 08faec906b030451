"""Search everything, then jump to the slide with the match highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teachin.ui.main_window import MainWindow
from teachin.ui.search_panel import MARKED_ROLE
from teachin.workshop.themes import LIGHT


def test_search_then_activate_result_opens_the_slide(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    field = window.search_panel.field
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, "signature")
    results = window.search_panel.results
    qtbot.waitUntil(lambda: results.count() > 0)
    assert not window.library_panel.isVisible()
    first = results.item(0).text()
    assert "A sample module · slide 2" in first
    assert "signature" in first.casefold()

    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is results
    qtbot.keyClick(results, Qt.Key.Key_Return)

    assert window.reader.toPlainText().startswith("A sample module")
    assert window.history.current.href == "module:sample#slide-2"
    selections = window.reader.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["signature"]
    slide_two = window.reader.anchor_position("slide-2")
    assert selections[0].cursor.selectionStart() > slide_two
    assert QApplication.focusWidget() is window.reader


def test_ctrl_f_focuses_search_and_escape_returns_to_library(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.search_panel.field
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, "never involved")  # in the glossary only
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.windowTitle() == "Glossary — teachin"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert window.library_panel.isVisible()


def test_no_results_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.search_panel.focus_field()
    qtbot.keyClicks(window.search_panel.field, "zzzqqq")
    qtbot.waitUntil(lambda: window.search_panel.status.isVisible())
    assert window.search_panel.status.text() == "No results"


def test_results_mark_the_match(qtbot: QtBot, window: MainWindow) -> None:
    window.set_theme("light")
    window.search_panel.focus_field()
    qtbot.keyClicks(window.search_panel.field, "Signature")
    results = window.search_panel.results
    qtbot.waitUntil(lambda: results.count() > 0)
    marked = results.item(0).data(MARKED_ROLE)
    assert '<span class="match">signature</span>' in marked.casefold()
    assert marked.startswith("<b>A sample module · slide 2")
    # The mark is painted: bold and underlined, on the theme's highlight colour.
    results.clearSelection()
    qtbot.wait(10)
    image = results.viewport().grab().toImage()
    row = results.visualItemRect(results.item(0))
    colours = {
        image.pixelColor(x, y).name()
        for x in range(row.left(), row.right(), 2)
        for y in range(row.top(), row.bottom(), 2)
    }
    assert LIGHT.highlight in colours
