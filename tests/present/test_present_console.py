"""The presenter console: now, next, notes, the clock and the timers, on a clock the test moves."""

from __future__ import annotations

from present_fakes import open_presentation
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from teachin.locations import builtin_content_dir
from teachin.plan.model import Block, BlockKind, Plan

CONTENT = builtin_content_dir()


def test_console_shows_now_next_notes_and_the_plan(shown):
    console, c = shown.console, shown.controller
    c.next()  # the first slide of "From theory to practice"
    assert console.title.text().endswith("Block 2 of 5: From theory to practice")
    assert console.next_label.text() == f"Next: {c.frames[2].title}"
    notes = console.notes.toPlainText()
    assert "Facilitator notes".upper() in notes.upper()
    assert console.outline.count() == 5
    assert (
        console.outline.item(0).text()
        == "18:30  Welcome, group agreements and access check (5 min)"
    )
    assert console.outline.item(2).text() == "19:10  Break (5 min)"
    assert console.outline.currentRow() == 1
    # The audience window shows the same slide without the notes.
    assert "Facilitator notes" not in shown.audience.slide.toPlainText()


def test_timers_count_the_block_and_the_plan_and_warn_when_a_block_runs_over(shown):
    console, clock, c = shown.console, shown.clock, shown.controller
    console.tick()
    assert console.clock.text() == "18:30"
    assert console.block_time.text() == "0:00 elapsed · 5:00 left"
    assert console.plan_time.text() == "0:00 elapsed · 1:20:00 left"
    clock.advance(minutes=3, seconds=30)
    console.tick()
    assert console.block_time.text() == "3:30 elapsed · 1:30 left · wrap up"
    assert "#ffe28a" in console.block_time.styleSheet()
    clock.advance(minutes=2, seconds=15)
    console.tick()
    assert console.block_time.text() == "5:45 elapsed · OVER by 0:45"
    assert "#a8322d" in console.block_time.styleSheet()  # colour, and the words say it too
    assert console.schedule.text() == "On schedule"  # less than a minute late
    clock.advance(minutes=1, seconds=15)
    console.tick()
    assert console.block_time.text() == "7:00 elapsed · OVER by 2:00"
    assert console.schedule.text() == "Behind schedule by 2 min"
    assert console.clock.text() == "18:37"
    # On to the module: its own timer starts, the plan's goes on.
    c.next()
    assert console.block_time.text() == "0:00 elapsed · 35:00 left"
    assert console.block_time.styleSheet() == "padding: 4px 8px;"
    assert console.plan_time.text() == "7:00 elapsed · 1:13:00 left"
    clock.advance(minutes=90)
    console.tick()
    assert "OVER by" in console.plan_time.text()


def test_the_console_ticks_by_itself_every_second(shown):
    assert shown.console._timer.isActive() and shown.console._timer.interval() == 1000


def test_a_break_tells_the_room_when_to_come_back(qtbot, library):
    plan = Plan(
        "p", "P", [Block(BlockKind.BREAK, 15, notes="Put the handouts out")], start=18 * 60 + 30
    )
    shown = open_presentation(qtbot, plan, library)
    shown.clock.advance(minutes=2)
    shown.controller.changed.emit()
    assert "Back at 18:45" in shown.audience.slide.toPlainText()
    assert "Put the handouts out" in shown.console.notes.toPlainText()
    assert "Put the handouts out" not in shown.audience.slide.toPlainText()


def test_a_plan_with_a_missing_module_and_an_empty_plan_still_present(qtbot, library):
    plan = Plan("p", "P", [Block(BlockKind.MODULE, 20, ref="gone")])
    shown = open_presentation(qtbot, plan, library)
    assert "Cannot show this block" in shown.console.notes.toPlainText()
    empty = open_presentation(qtbot, Plan("e", "Empty", []), library)
    assert "no blocks yet" in empty.audience.slide.toPlainText()
    assert empty.console.position.text() == "No slides"
    qtbot.keyClick(empty.audience, Qt.Key.Key_PageDown)


def test_no_child_takes_focus_so_every_key_reaches_the_window(shown):
    for window in (shown.audience, shown.console):
        takers = [
            w for w in window.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        assert takers == [], takers
