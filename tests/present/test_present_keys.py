"""Driving a presentation like a facilitator: clicker keys, the keyboard, the mouse, blanking."""

from __future__ import annotations

from present_fakes import open_presentation
from PySide6.QtCore import Qt

from teachin.locations import builtin_content_dir
from teachin.plan.deck import plan_for_module

Key = Qt.Key
CONTENT = builtin_content_dir()


def test_clicker_keys_move_forward_and_back_from_either_window(qtbot, shown):
    c = shown.controller
    assert c.index == 0 and c.frame.title == "Welcome, group agreements and access check"
    for window in (shown.audience, shown.console):
        start = c.index
        qtbot.keyClick(window, Key.Key_PageDown)
        qtbot.keyClick(window, Key.Key_Right)
        qtbot.keyClick(window, Key.Key_Space)
        assert c.index == start + 3
        qtbot.keyClick(window, Key.Key_PageUp)
        qtbot.keyClick(window, Key.Key_Left)
        assert c.index == start + 1
    qtbot.keyClick(shown.console, Key.Key_End)
    assert c.index == c.count - 1
    qtbot.keyClick(shown.audience, Key.Key_PageDown)  # the end: nothing happens
    assert c.index == c.count - 1
    assert shown.console.next_label.text() == "Next: the end of the plan"
    qtbot.keyClick(shown.audience, Key.Key_Home)
    assert c.index == 0
    assert shown.console.position.text().startswith(f"Slide 1 of {c.count}")


def test_the_staircase_reveals_one_step_per_press(qtbot, shown):
    c = shown.controller
    stair = next(i for i, f in enumerate(c.frames) if f.steps)
    c.go_to(stair + 1)
    assert shown.audience.slide.revealed == 1
    first = shown.audience.slide.loadResource(2, "teachin:staircase")
    for step in range(2, 11):
        qtbot.keyClick(shown.audience, Key.Key_PageDown)
        assert (c.index, shown.audience.slide.revealed) == (stair, step)
        assert f"staircase step {step} of 10" in shown.console.position.text()
    assert shown.audience.slide.loadResource(2, "teachin:staircase") != first
    qtbot.keyClick(shown.audience, Key.Key_PageDown)
    assert c.index == stair + 1 and shown.audience.slide.revealed is None
    qtbot.keyClick(shown.audience, Key.Key_PageUp)
    assert (c.index, shown.audience.slide.revealed) == (stair, 10)


def test_b_and_w_blank_the_audience_screen_and_the_same_key_brings_it_back(qtbot, shown):
    audience, console, c = shown.audience, shown.console, shown.controller
    qtbot.keyClick(audience, Key.Key_B)
    assert c.blank == "black"
    assert audience.blank_screen.isVisible() and not audience.slide.isVisible()
    assert audience.grab().toImage().pixelColor(10, 10).name() == "#000000"
    assert console.audience_state.text().startswith("AUDIENCE SCREEN IS BLACK")
    qtbot.keyClick(console, Key.Key_W)  # from the console: white instead
    assert c.blank == "white"
    assert audience.grab().toImage().pixelColor(10, 10).name() == "#ffffff"
    qtbot.keyClick(audience, Key.Key_W)
    assert c.blank == ""
    assert audience.slide.isVisible()
    assert console.audience_state.text() == "Audience sees this slide"
    qtbot.mouseClick(console.buttons["black"], Qt.MouseButton.LeftButton)
    assert c.blank == "black"
    qtbot.keyClick(audience, Key.Key_PageDown)  # moving on keeps the room's screen dark
    assert c.blank == "black" and c.index == 1


def test_g_goes_to_a_slide_by_number(qtbot, shown):
    c = shown.controller
    qtbot.keyClick(shown.audience, Key.Key_G)
    assert "Go to slide:" in shown.console.position.text()
    qtbot.keyClicks(shown.audience, "12")
    qtbot.keyClick(shown.audience, Key.Key_Return)
    assert c.index == 11 and c.goto_text is None
    qtbot.keyClicks(shown.console, "3")  # a number straight away works too
    qtbot.keyClick(shown.console, Key.Key_Enter)
    assert c.index == 2
    qtbot.keyClick(shown.console, Key.Key_G)
    qtbot.keyClicks(shown.console, "999")
    qtbot.keyClick(shown.console, Key.Key_Return)
    assert c.index == 2 and c.running  # no such slide: stay
    qtbot.keyClick(shown.console, Key.Key_G)
    qtbot.keyClick(shown.console, Key.Key_Escape)  # Escape cancels the prompt, not the show
    assert c.goto_text is None and c.running


def test_text_is_large_on_a_1080p_audience_screen_and_plus_minus_change_it(qtbot, library):
    plan = plan_for_module(library.modules["liberal-strategy"])
    shown = open_presentation(qtbot, plan, library, size=(1920, 1080))
    slide = shown.audience.slide
    assert slide.body_pixel_size >= 28
    assert slide.palette().color(slide.palette().ColorRole.Base).name() == "#000000"
    default = slide.body_pixel_size
    qtbot.keyClick(shown.audience, Key.Key_Plus)
    qtbot.keyClick(shown.audience, Key.Key_Plus)
    assert slide.body_pixel_size > default
    assert "text 121%" in shown.console.position.text()
    for _ in range(3):
        qtbot.keyClick(shown.console, Key.Key_Minus)
    assert slide.body_pixel_size < default
    qtbot.keyClick(shown.console, Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert slide.body_pixel_size == default


def test_long_slides_shrink_to_fit_instead_of_being_cut_off(qtbot, library):
    module = library.modules["militancy-and-escalation"]
    shown = open_presentation(qtbot, plan_for_module(module), library, size=(1024, 768))
    c, slide = shown.controller, shown.audience.slide
    for index in range(c.count):
        c.go_to(index + 1)
        assert slide.used_height() <= slide.viewport().height() + 1, c.frame.title


def test_short_slides_grow_to_fill_a_1080p_screen(qtbot, library):
    from teachin.ui.present.slide_view import GROWTH

    # A slide of three bullets used the top fifth of the projector: text as large as
    # fits now (up to a ceiling), so no slide stays small above an empty screen.
    module = library.modules["from-theory-to-practice"]
    shown = open_presentation(qtbot, plan_for_module(module), library, size=(1920, 1080))
    c, slide = shown.controller, shown.audience.slide
    grew = 0
    for index in range(c.count):
        c.go_to(index + 1)
        used = slide.document().size().height() / slide.viewport().height()
        assert used <= 1.0, c.frame.title
        assert slide.body_pixel_size >= slide.wanted_body_px() or used > 0.85, c.frame.title
        if slide.body_pixel_size > slide.wanted_body_px():
            grew += 1
            # As far as fits (a step more would not), or up to the ceiling.
            ceiling = slide.body_pixel_size >= GROWTH[0] * slide.wanted_body_px() - 0.01
            assert ceiling or used > 0.5, c.frame.title
    assert grew >= 2


def test_the_mouse_moves_forward_and_back(qtbot, shown):
    c = shown.controller
    qtbot.mouseClick(shown.audience.slide.viewport(), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(shown.audience.slide.viewport(), Qt.MouseButton.LeftButton)
    assert c.index == 2
    qtbot.mouseClick(shown.audience.slide.viewport(), Qt.MouseButton.RightButton)
    assert c.index == 1
    qtbot.mouseClick(shown.console.current.viewport(), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(shown.console.buttons["next"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(shown.console.buttons["previous"], Qt.MouseButton.LeftButton)
    assert c.index == 2
    item = shown.console.outline.item(3)
    shown.console.outline.itemClicked.emit(item)
    assert c.frame.block == 3


def test_f_toggles_full_screen_and_escape_ends_the_presentation(qtbot, shown):
    audience = shown.audience
    qtbot.keyClick(shown.console, Key.Key_F)
    qtbot.waitUntil(audience.isFullScreen)
    qtbot.keyClick(audience, Key.Key_F)
    qtbot.waitUntil(lambda: not audience.isFullScreen())
    with qtbot.waitSignal(shown.controller.finished):
        qtbot.keyClick(audience, Key.Key_Escape)
    assert not shown.controller.running


def test_s_asks_to_move_the_audience_window_to_the_next_screen(qtbot, shown):
    with qtbot.waitSignal(shown.controller.screenSwitchRequested):
        qtbot.keyClick(shown.console, Key.Key_S)
    with qtbot.waitSignal(shown.controller.screenSwitchRequested):
        qtbot.mouseClick(shown.console.buttons["screen"], Qt.MouseButton.LeftButton)


def test_keys_the_presentation_does_not_use_are_left_alone(qtbot, shown):
    from PySide6.QtGui import QKeyEvent

    event = QKeyEvent(QKeyEvent.Type.KeyPress, Key.Key_Q, Qt.KeyboardModifier.NoModifier, "q")
    assert not shown.controller.handle_key(event)
    ctrl = QKeyEvent(QKeyEvent.Type.KeyPress, Key.Key_B, Qt.KeyboardModifier.ControlModifier, "")
    assert not shown.controller.handle_key(ctrl)
    assert shown.controller.blank == ""


def test_every_console_control_has_an_accessible_name(shown):
    from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QTextBrowser

    for kind in (QAbstractButton, QTextBrowser, QListWidget, QLabel):
        for widget in shown.console.findChildren(kind):
            assert widget.accessibleName(), widget
    assert shown.audience.accessibleName() == "Audience screen"
