"""Zoom, themes and facilitator notes: applied at once, and remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot
from tests.qt_waits import settle

from teachin.ui.main_window import MainWindow
from teachin.workshop.themes import DARK, HIGH_CONTRAST, LIGHT

CTRL = Qt.KeyboardModifier.ControlModifier


def title_point_size(window: MainWindow) -> float:
    """The size of the module's title, as laid out in the reader."""
    found = window.reader.document().find("A sample module")
    assert not found.isNull()
    found.setPosition(found.selectionStart() + 1)  # the format of the title's first letter
    return found.charFormat().fontPointSize()


def open_sample(qtbot: QtBot, window: MainWindow) -> None:
    window.library_panel.setFocus()
    qtbot.keyClick(window.library_panel, Qt.Key.Key_Return)
    assert window.reader.toPlainText().startswith("A sample module")


def test_zoom_changes_text_size_and_is_remembered(qtbot: QtBot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    normal = title_point_size(window)
    height = window.reader.document().size().height()

    qtbot.keyClick(window.reader, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, CTRL)
    assert title_point_size(window) > normal
    assert window.reader.document().size().height() > height
    assert window.zoom_label.text() == "Text 125%"

    qtbot.keyClick(window.reader, Qt.Key.Key_Minus, CTRL)
    assert window.zoom_label.text() == "Text 110%"
    larger = title_point_size(window)
    assert normal < larger
    window.close()

    again = make_window()
    assert again.zoom_label.text() == "Text 110%"
    assert again.reader.toPlainText().startswith("A sample module")
    assert title_point_size(again) == larger
    qtbot.keyClick(again.reader, Qt.Key.Key_0, CTRL)
    assert title_point_size(again) == normal


def laid_out_sizes(window: MainWindow) -> tuple[float, float]:
    """The point sizes the reader draws the title and the first body paragraph in
    (the font Qt lays out, not the CSS size it records)."""
    document = window.reader.document()
    title = document.begin()
    body = title.next()
    while body.isValid() and body.blockFormat().headingLevel():
        body = body.next()
    return tuple(
        block.begin().fragment().charFormat().font().pointSizeF() for block in (title, body)
    )  # type: ignore[return-value]


def test_headings_grow_with_the_text(qtbot: QtBot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    title, body = laid_out_sizes(window)
    assert title > 1.5 * body
    for _ in range(3):  # 110, 125, 150 %
        qtbot.keyClick(window.reader, Qt.Key.Key_Plus, CTRL)
    assert window.zoom_label.text() == "Text 150%"
    zoomed_title, zoomed_body = laid_out_sizes(window)
    assert zoomed_body > body and zoomed_title > title
    assert zoomed_title > 1.5 * zoomed_body  # titles stay larger than the text


def test_theme_switch_applies_to_app_and_document(qtbot: QtBot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    assert window.theme_actions["light"].isChecked()
    window.theme_actions["dark"].trigger()
    assert window.theme_actions["dark"].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == DARK.background
    assert DARK.background in window.reader.toHtml()
    assert LIGHT.background not in window.reader.toHtml()
    window.theme_actions["high-contrast"].trigger()
    assert HIGH_CONTRAST.heading in window.reader.toHtml()
    window.close()

    again = make_window()
    assert again.theme_actions["high-contrast"].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == HIGH_CONTRAST.background
    again.theme_actions["light"].trigger()


def test_notes_toggle_hides_notes_and_is_remembered(qtbot: QtBot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    notes = "Ask the room what they think"
    assert notes in window.reader.toPlainText()
    assert window.notes_action.isChecked()

    qtbot.keyClick(window.reader, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert notes not in window.reader.toPlainText()
    assert "What would you do?" in window.reader.toPlainText()  # questions stay
    window.close()

    again = make_window()
    assert not again.notes_action.isChecked()
    assert notes not in again.reader.toPlainText()
    notes_button = again.toolbar.widgetForAction(again.notes_action)
    qtbot.mouseClick(notes_button, Qt.MouseButton.LeftButton)
    assert notes in again.reader.toPlainText()


def test_geometry_and_last_module_restored(qtbot: QtBot, make_window) -> None:
    window = make_window()
    window.library_panel.setFocus()
    qtbot.keyClick(window.library_panel, Qt.Key.Key_Down)
    qtbot.keyClick(window.library_panel, Qt.Key.Key_Return)
    window.resize(730, 520)
    qtbot.waitUntil(lambda: window.size().width() == 730)
    window.problems_dock.show()
    window.close()

    again = make_window()
    assert again.reader.toPlainText().startswith("The second module")
    assert (again.width(), again.height()) == (730, 520)
    assert again.problems_dock.isVisible()


def test_sidebar_keeps_its_larger_text_through_theme_changes(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window()
    tree, field = window.library_panel, window.search_panel.field
    base = QApplication.font().pointSizeF()
    sizes = [(tree.font().pointSizeF(), field.font().pointSizeF())]
    for theme in (DARK.id, HIGH_CONTRAST.id, LIGHT.id):
        window.set_theme(theme)
        settle(qtbot)  # the palette and style changes the theme posted are handled
        sizes.append((tree.font().pointSizeF(), field.font().pointSizeF()))
    assert all(tree_size > base and field_size > base for tree_size, field_size in sizes)
    assert len(set(sizes)) == 1


def test_the_notes_switch_shows_when_it_is_on_in_every_theme(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window()
    button = next(
        b
        for b in window.toolbar.findChildren(QToolButton)
        if b.defaultAction() is window.notes_action
    )

    def changed_share(theme: str) -> float:
        window.set_theme(theme)
        window.notes_action.setChecked(True)
        settle(qtbot)
        on = button.grab().toImage()
        window.notes_action.setChecked(False)
        settle(qtbot)
        off = button.grab().toImage()
        window.notes_action.setChecked(True)
        assert on.size() == off.size()  # switching it does not shift the toolbar
        pixels = [(x, y) for x in range(0, on.width(), 2) for y in range(0, on.height(), 2)]
        differ = sum(on.pixel(x, y) != off.pixel(x, y) for x, y in pixels)
        return differ / len(pixels)

    for theme in (LIGHT.id, DARK.id, HIGH_CONTRAST.id):
        assert changed_share(theme) > 0.2, theme


def test_a_disabled_back_button_looks_disabled_in_high_contrast(qtbot: QtBot, make_window) -> None:
    # Nothing to go back to yet: the arrow is a hollow outline, not the solid one,
    # so it reads as disabled even where the theme's muted colour is its text colour.
    from PySide6.QtGui import QIcon, QImage

    window = make_window()
    window.set_theme("high-contrast")
    assert not window.back_action.isEnabled()
    icon = window.back_action.icon()

    def shaft(mode: QIcon.Mode) -> int:
        """The alpha in the middle of the arrow's shaft."""
        image = icon.pixmap(44, 44, mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        return image.pixelColor(round(image.width() * 0.72), image.height() // 2).alpha()

    assert shaft(QIcon.Mode.Normal) > 200  # solid
    assert shaft(QIcon.Mode.Disabled) < 50  # hollow


def test_switching_theme_or_zoom_keeps_the_reading_place(qtbot: QtBot, make_window) -> None:
    from teachin.locations import builtin_content_dir

    window = make_window(base=[builtin_content_dir()])
    window.resize(1366, 768)
    window.open_href("module:militancy-and-escalation")
    settle(qtbot)
    reader = window.reader
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(qtbot)

    def top_character() -> int:
        return reader.cursorForPosition(reader.viewport().rect().topLeft()).position()

    reading = top_character()
    window.theme_actions["dark"].trigger()
    settle(qtbot)
    assert abs(top_character() - reading) < 80  # the same line, give or take
    qtbot.keyClick(reader, Qt.Key.Key_Plus, CTRL)
    settle(qtbot)
    assert abs(top_character() - reading) < 80
