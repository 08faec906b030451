"""A broken content file shows in the Problems panel and the rest keeps working; dialogs."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from tests.ui.conftest import GOOD

from teachin.ui.about_dialog import AboutDialog
from teachin.ui.content_folders_dialog import ContentFoldersDialog
from teachin.ui.main_window import MainWindow

FINE = """+++
id = "local-fight"
title = "Our local fight"
summary = "A module written by a local group."
minutes = 25
part = "Local"
order = 50
objectives = ["Plan the next step."]
sources = ["Our own notes (2024)."]
+++

## What we want

Lower rents for everyone in the building.
"""


def broken_folder(root: Path) -> Path:
    folder = root / "pack"
    (folder / "modules").mkdir(parents=True)
    (folder / "modules" / "fine.md").write_text(FINE, encoding="utf-8")
    (folder / "modules" / "broken.md").write_text("+++\nid = \n+++\n\n## Oops\n", encoding="utf-8")
    return folder


def test_broken_module_is_listed_and_the_rest_still_opens(
    qtbot: QtBot, make_window, tmp_path: Path
) -> None:
    window: MainWindow = make_window(extra=[broken_folder(tmp_path)])
    panel = window.problems_panel
    rows = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    broken = [row for row in rows if row.text(1).startswith("modules/broken.md:")]
    assert broken, [row.text(1) for row in rows]
    assert broken[0].text(0) == "Error"
    assert broken[0].text(2)
    assert window.problems_dock.isVisible()  # first run with problems: shown
    assert "error" in window.problems_button.text()

    # Activating a problem copies it as path:line: severity: message.
    panel.setFocus()
    panel.setCurrentItem(broken[0])
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    copied = QApplication.clipboard().text()
    assert copied.startswith(str(tmp_path / "pack" / "modules" / "broken.md") + ":")
    assert ": error: " in copied
    assert "Copied:" in window.statusBar().currentMessage()

    # The other modules still open, from the sidebar.
    tree = window.library_panel
    items = tree.findItems(
        "Our local fight", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    )
    tree.setFocus()
    tree.setCurrentItem(items[0])
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.reader.toPlainText().startswith("Our local fight")
    items = tree.findItems(
        "A sample module", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    )
    assert items


def test_reload_picks_up_a_fixed_file(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    folder = broken_folder(tmp_path)
    window: MainWindow = make_window(extra=[folder])
    before = window.problems_panel.topLevelItemCount()
    (folder / "modules" / "broken.md").unlink()
    qtbot.keyClick(window.library_panel, Qt.Key.Key_F5)
    assert window.problems_panel.topLevelItemCount() < before
    assert "reloaded" in window.statusBar().currentMessage()


def test_added_content_folder_is_remembered(make_window, tmp_path: Path) -> None:
    folder = broken_folder(tmp_path)
    window: MainWindow = make_window()
    assert not window.library_panel.findItems("Our local fight", Qt.MatchFlag.MatchRecursive)
    window.add_content_folder(folder)
    assert window.library_panel.findItems("Our local fight", Qt.MatchFlag.MatchRecursive)
    window.close()
    again: MainWindow = make_window()
    assert again.library_panel.findItems("Our local fight", Qt.MatchFlag.MatchRecursive)


def test_about_dialog_names_source_and_licences(qtbot: QtBot, window: MainWindow) -> None:
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QLabel, "aboutText").text()
    assert "From Theory To Practice" in text
    assert "Solidarity Winnipeg" in text
    assert "2020" in text
    assert "GPL-3.0-or-later" in text
    assert "CC BY-SA 4.0" in text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible() if _alive(dialog) else True)


def _alive(widget: object) -> bool:
    try:
        widget.isVisible()  # type: ignore[attr-defined]
    except RuntimeError:
        return False
    return True


def test_content_folders_dialog_shows_the_user_folder(qtbot: QtBot, window: MainWindow) -> None:
    window.content_folders_action.trigger()
    dialog = window.findChild(ContentFoldersDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.findChild(QLabel, "userFolderPath").text() == str(window.user_folder)
    assert dialog.open_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_every_widget_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractScrollArea, QLineEdit, QToolButton

    for kind in (QAbstractScrollArea, QLineEdit):
        for widget in window.findChildren(kind):
            if widget.isVisible() and widget.objectName() != "qt_scrollarea_viewport":
                assert widget.accessibleName(), widget
    for button in window.toolbar.findChildren(QToolButton):
        if button.isVisible() and button.defaultAction() is not None:
            assert button.accessibleName(), button


def with_a_warning(folder: Path) -> Path:
    """``folder`` with a module setting teachin does not know: a warning, not an error."""
    module = folder / "modules" / "second.md"
    module.write_text(
        module.read_text(encoding="utf-8").replace("+++\n", '+++\ncolour = "red"\n', 1),
        encoding="utf-8",
    )
    return folder


def test_a_first_run_does_not_open_the_panel_for_warnings_about_the_built_in_content(
    make_window, tmp_path: Path
) -> None:
    built_in = with_a_warning(Path(shutil.copytree(GOOD, tmp_path / "built-in")))
    window: MainWindow = make_window(base=[built_in])
    assert "1 warning" in window.problems_button.text()
    assert not window.problems_dock.isVisible()


def test_a_first_run_opens_the_panel_for_a_warning_about_the_users_own_content(
    make_window, tmp_path: Path
) -> None:
    own = with_a_warning(Path(shutil.copytree(GOOD, tmp_path / "own")))
    window: MainWindow = make_window(extra=[own])
    assert "warning" in window.problems_button.text()
    assert window.problems_dock.isVisible()


def test_broken_scenario_and_plan_files_show_in_the_problems_panel(
    make_window, tmp_path: Path
) -> None:
    pack = tmp_path / "pack"
    (pack / "scenarios").mkdir(parents=True)
    (pack / "plans").mkdir()
    (pack / "scenarios" / "ours.toml").write_text('id = "ours"\ntitle = \n', encoding="utf-8")
    (pack / "plans" / "evening.toml").write_text(
        'title = "Evening"\n\n[[block]]\nmodule = "nowhere"\nminutes = 10\n', encoding="utf-8"
    )
    window: MainWindow = make_window(extra=[pack])
    panel = window.problems_panel
    where = [panel.topLevelItem(i).text(1) for i in range(panel.topLevelItemCount())]
    assert "scenarios/ours.toml:2" in where
    assert any(text.startswith("plans/evening.toml:") for text in where)
    assert window.problems_dock.isVisible()


def test_the_next_start_reads_the_library_cache_and_reports_the_same_problems(
    make_window, tmp_path: Path
) -> None:
    pack = broken_folder(tmp_path)
    first: MainWindow = make_window(extra=[pack])
    cache = first.content.cache_folder / "library.json"
    assert cache.is_file()  # kept for the next start
    problems = [str(p) for p in first.library.problems]
    panel = first.problems_panel
    shown = [panel.topLevelItem(i).text(2) for i in range(panel.topLevelItemCount())]
    first.close()

    stamp = cache.stat().st_mtime_ns
    again: MainWindow = make_window(extra=[pack])
    assert cache.stat().st_mtime_ns == stamp  # read, not written again: nothing changed
    assert [str(p) for p in again.library.problems] == problems
    panel = again.problems_panel
    assert [panel.topLevelItem(i).text(2) for i in range(panel.topLevelItemCount())] == shown
    tree = again.library_panel
    parts = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    titles = [part.child(j).text(0) for part in parts for j in range(part.childCount())]
    assert "Our local fight" in titles

    # A changed file is read again at the next start, and F5 always reads the files.
    mended_text = FINE.replace("local-fight", "mended")
    (pack / "modules" / "broken.md").write_text(mended_text, encoding="utf-8")
    mended: MainWindow = make_window(extra=[pack])
    assert not [p for p in mended.library.problems if p.path.name == "broken.md"]
    assert "mended" in mended.library.modules
    (pack / "modules" / "broken.md").unlink()
    mended.reload_content()
    assert "mended" not in mended.library.modules


def test_the_teaching_rules_and_a_long_take_home_show_in_the_problems_panel(
    make_window, tmp_path: Path
) -> None:
    # FINE has no notes, activity, questions or take-home: what `teachin check` says of
    # it, the panel says too; and a take-home that prints over two pages is named.
    long_take_home = (
        FINE.replace('id = "local-fight"', 'id = "long"').replace("order = 50", "order = 51")
        + "\n/// handout | Everything\n"
        + "\n\n".join(
            ["Everyone in the building pays the same rent increase, so we act together. " * 4] * 80
        )
        + "\n///\n"
    )
    folder = tmp_path / "pack"
    (folder / "modules").mkdir(parents=True)
    (folder / "modules" / "fine.md").write_text(FINE, encoding="utf-8")
    (folder / "modules" / "long.md").write_text(long_take_home, encoding="utf-8")
    window: MainWindow = make_window(extra=[folder])
    panel = window.problems_panel
    rows = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    fine = [row.text(2) for row in rows if row.text(1).startswith("modules/fine.md:")]
    assert any("has no '/// notes'" in text for text in fine), fine
    assert any(text.startswith("the module has no take-home") for text in fine), fine
    [long] = [row for row in rows if "the take-home prints on" in row.text(2)]
    assert long.text(0) == "Warning" and long.text(1) == "modules/long.md:16"
