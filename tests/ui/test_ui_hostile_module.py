"""A module too complex to render shows a placeholder in the reader; the rest goes on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teachin.ui.main_window import MainWindow

HOSTILE = """+++
id = "deep"
title = "A deep module"
summary = "Nested a thousand levels."
minutes = 5
part = "Local"
order = 60
objectives = ["None."]
sources = ["A stranger's USB stick."]
+++

## Deep

"""


def open_by_title(qtbot: QtBot, window: MainWindow, title: str) -> None:
    tree = window.library_panel
    items = tree.findItems(title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    tree.setFocus()
    tree.setCurrentItem(items[0])
    qtbot.keyClick(tree, Qt.Key.Key_Return)


def test_too_deep_module_shows_a_placeholder_and_is_reported(
    qtbot: QtBot, make_window, tmp_path: Path
) -> None:
    pack = tmp_path / "pack"
    (pack / "modules").mkdir(parents=True)
    deep = "\n".join("  " * i + "- x" for i in range(1_000))
    (pack / "modules" / "deep.md").write_text(HOSTILE + deep + "\n", encoding="utf-8")
    window: MainWindow = make_window(extra=[pack])

    open_by_title(qtbot, window, "A deep module")
    text = window.reader.toPlainText()
    assert text.startswith("A deep module")
    assert "This module is too large or complex to show" in text
    assert "nested too deeply" in text and "too long to show" in text
    assert "- x" not in text

    panel = window.problems_panel
    rows = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    deep_rows = [row for row in rows if row.text(1).startswith("modules/deep.md:")]
    assert any("nested too deeply" in row.text(2) for row in deep_rows)
    assert any("too long to show" in row.text(2) for row in deep_rows)

    open_by_title(qtbot, window, "A sample module")
    assert "Ask the room what they think." in window.reader.toPlainText()
