"""File › Export: choose, preview and save PDFs from the main window."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teachin.locations import builtin_content_dir
from teachin.ui.export_dialog import ExportDialog
from teachin.ui.main_window import MainWindow


def open_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.launcher.export_dialog
    assert isinstance(dialog, ExportDialog)
    with qtbot.waitSignal(dialog.previewed, timeout=60_000):
        pass  # laid out in the background
    return dialog


def preview(qtbot: QtBot, dialog: ExportDialog) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=60_000):
        dialog.update_preview()


def save(qtbot: QtBot, dialog: ExportDialog, path: Path) -> bool:
    with qtbot.waitSignal(dialog.saved, timeout=60_000):
        dialog.save(path)
    return dialog.last_saved == path


def test_handout_of_the_open_module_previews_and_saves(
    qtbot: QtBot, make_window, tmp_path: Path
) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    window.open_href("module:solidarity")
    dialog = open_dialog(qtbot, window)
    assert dialog.kind().id == "handout"
    assert [module.id for module in dialog.checked_modules()] == ["solidarity"]
    assert dialog.preview is not None
    assert dialog.pages.count() == dialog.preview.page_count >= 1
    assert "pages on" in dialog.status.text() or "page on" in dialog.status.text()

    # Each page shows where the paper ends: a dark edge, not white on a pale window.
    picture = dialog.pages.item(0).icon().pixmap(dialog.pages.iconSize()).toImage()
    middle = picture.height() // 2
    assert picture.pixelColor(0, middle).lightness() < 128
    assert picture.pixelColor(picture.width() // 2, middle).lightness() > 200  # the paper
    assert save(qtbot, dialog, tmp_path / "handout.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "handout.pdf").pages)
    assert "Solidarity" in text
    assert "Facilitator notes" not in text


def test_guide_for_a_plan_and_paper_size(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    dialog = open_dialog(qtbot, window)
    dialog.set_kind("agenda")
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("a4"))
    dialog.choice_combo.setCurrentIndex(
        dialog.choice_combo.findText(
            "Session plan: Teach-in: from theory to practice (90", Qt.MatchFlag.MatchStartsWith
        )
    )
    assert dialog.choice_combo.currentData().id == "teach-in-90"  # the plan itself
    preview(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.page_count == 1
    assert save(qtbot, dialog, tmp_path / "agenda.pdf")
    page = PdfReader(tmp_path / "agenda.pdf").pages[0]
    assert round(float(page.mediabox.width)) == 595  # A4 in points
    assert "Teach-in" in page.extract_text()


def test_the_spectrum_worksheet_needs_no_choice(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    dialog = open_dialog(qtbot, window)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Worksheet: spectrum of allies"))
    preview(qtbot, dialog)
    assert dialog.kind().id == "spectrum"
    assert not dialog.choice_combo.isVisibleTo(dialog)
    assert not dialog.modules_list.isVisibleTo(dialog)
    assert dialog.preview is not None and dialog.preview.page_count == 2
    assert dialog.save_button.isEnabled()
    assert dialog.suggested_name() == "teachin-spectrum-blank.pdf"
    assert save(qtbot, dialog, tmp_path / "spectrum.pdf")
    text = PdfReader(tmp_path / "spectrum.pdf").pages[0].extract_text()
    assert "Neutrals" in text and "Passive" in text


def test_nothing_chosen_says_what_to_do(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    dialog = open_dialog(qtbot, window)
    for row in range(dialog.modules_list.count()):
        dialog.modules_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    preview(qtbot, dialog)
    nothing_ticked = dialog.status.text()
    assert nothing_ticked  # says what to do
    assert not dialog.save_button.isEnabled()
    dialog.set_kind("debrief")
    preview(qtbot, dialog)
    assert dialog.status.text() not in ("", nothing_ticked)  # says to choose a run file
    assert not dialog.save_button.isEnabled()


def test_a_run_is_listed_by_its_group_and_scenario(
    qtbot: QtBot, make_window, tmp_path: Path
) -> None:
    from teachin.runs.store import PlayerInfo, write_run
    from teachin.scenario.run import Run

    window: MainWindow = make_window(base=[builtin_content_dir()])
    dialog = open_dialog(qtbot, window)
    dialog.set_kind("debrief")
    scenario = dialog.catalog.scenarios["care-homes"]
    run = Run(scenario, 5)
    for _ in range(3):
        run.choose(run.options()[0].id)
    path = write_run(run, PlayerInfo(group="Table 3"), tmp_path / "care-homes-1.run.json")
    dialog.add_run_file(path)
    assert dialog.choice_combo.currentText() == f"Table 3 — {scenario.title}, 3 rounds"
    assert dialog.choice_combo.currentData() == path
    tip = dialog.choice_combo.itemData(
        dialog.choice_combo.currentIndex(), Qt.ItemDataRole.ToolTipRole
    )
    assert tip == str(path)


def test_closing_sheets_for_a_plan_preview_and_save(
    qtbot: QtBot, make_window, tmp_path: Path
) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    dialog = open_dialog(qtbot, window)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("closing"))
    assert dialog.choice_combo.isVisible() and dialog.choice_combo.currentData() is None
    dialog.choice_combo.setCurrentIndex(
        dialog.choice_combo.findText("Session plan: Teach-in: from theory to practice (2 hours)")
    )
    preview(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.page_count == 2
    assert dialog.suggested_name() == "teachin-closing-teach-in-120.pdf"
    assert save(qtbot, dialog, tmp_path / "closing.pdf")
    pages = [
        " ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "closing.pdf").pages
    ]
    assert "How did it go?" in pages[0] and "(2 hours)" in pages[0]
    assert "Stay in touch" in pages[1] and "What we won't do" in pages[1]
