"""Opening modules, following links, and going back and forward."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFontMetrics, QKeySequence, QTextDocument
from pytestqt.qtbot import QtBot
from tests.qt_waits import settle
from tests.ui.conftest import click_text

from teachin.locations import builtin_content_dir
from teachin.ui.main_window import MainWindow
from teachin.workshop.render import render_welcome


def plain_text(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_first_run_shows_the_welcome_page(window: MainWindow) -> None:
    # Its wording is in tests/golden/welcome*.html.
    assert window.reader.toPlainText() == plain_text(render_welcome(window.library))
    assert window.windowTitle() == "teachin"
    # No module looks opened while the welcome page shows.
    assert window.library_panel.selectedItems() == []


def test_empty_library_says_what_to_do(make_window, tmp_path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    window = make_window(base=[empty])
    assert not window.library.modules
    assert window.reader.toPlainText() == plain_text(render_welcome(window.library))


def test_open_module_from_sidebar_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    tree = window.library_panel
    assert tree.hasFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem().text(0) == "The second module"
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert "The second module" in window.reader.toPlainText()
    assert window.windowTitle() == "The second module — teachin"
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    qtbot.keyClick(tree, Qt.Key.Key_Enter)
    assert window.reader.toPlainText().startswith("A sample module")


def test_sidebar_shows_minutes_per_module_and_part(window: MainWindow) -> None:
    part = window.library_panel.topLevelItem(0)
    assert (part.text(0), part.text(1)) == ("Testing", "35 min")
    assert [part.child(i).text(1) for i in range(part.childCount())] == ["20 min", "15 min"]
    glossary = window.library_panel.topLevelItem(1)
    assert glossary.text(0) == "Glossary"


def test_module_link_glossary_link_back_and_forward(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.library_panel, Qt.Key.Key_Return)  # the sample module
    assert window.reader.toPlainText().startswith("A sample module")

    click_text(qtbot, window.reader, "other module")
    assert window.reader.toPlainText().startswith("The second module")
    assert window.library_panel.currentItem().text(0) == "The second module"

    click_text(qtbot, window.reader, "the sample")
    assert window.reader.toPlainText().startswith("A sample module")

    click_text(qtbot, window.reader, "base")
    assert window.windowTitle() == "Glossary — teachin"
    assert window.history.current.href == "glossary:base"
    assert window.reader.anchor_position("term-base") is not None

    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reader.toPlainText().startswith("A sample module")
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reader.toPlainText().startswith("The second module")
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.reader.toPlainText().startswith("A sample module")

    back_button = window.toolbar.widgetForAction(window.back_action)
    forward_button = window.toolbar.widgetForAction(window.forward_action)
    qtbot.mouseClick(back_button, Qt.MouseButton.LeftButton)
    assert window.reader.toPlainText().startswith("The second module")
    qtbot.mouseClick(forward_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(forward_button, Qt.MouseButton.LeftButton)
    assert window.windowTitle() == "Glossary — teachin"
    assert not forward_button.isEnabled()


def test_standard_back_forward_keys_are_bound(window: MainWindow) -> None:
    for action, standard in (
        (window.back_action, QKeySequence.StandardKey.Back),
        (window.forward_action, QKeySequence.StandardKey.Forward),
    ):
        for key in QKeySequence.keyBindings(standard):
            assert key in action.shortcuts()


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_external_link_opens_in_browser_only_on_click(qtbot: QtBot, window: MainWindow) -> None:
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        qtbot.keyClick(window.library_panel, Qt.Key.Key_Return)
        assert catcher.urls == []
        click_text(qtbot, window.reader, "Solidarity Winnipeg")
        assert [url.toString() for url in catcher.urls] == ["https://example.org/"]
        assert window.reader.toPlainText().startswith("A sample module")
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_sidebar_shows_long_titles_whole(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    tree = window.library_panel
    window.resize(1000, 700)
    settle(qtbot)  # the tree lays its rows out again after the resize
    metrics = QFontMetrics(tree.font())
    text_width = tree.columnWidth(0) - 2 * tree.indentation() - 8  # the cell's text margins
    wrapped = 0
    for part_index in range(tree.topLevelItemCount()):
        part = tree.topLevelItem(part_index)
        for row in range(part.childCount()):
            item = part.child(row)
            needed = metrics.boundingRect(
                QRect(0, 0, text_width, 10_000), Qt.TextFlag.TextWordWrap, item.text(0)
            ).height()
            assert tree.visualItemRect(item).height() >= needed, item.text(0)
            wrapped += needed > metrics.height()
    assert wrapped >= 2  # the long titles really needed two lines
