"""Room play on a 1080p projector and a 1024×768 one: every screen fits, at a size
the back row can read, and the console shows the options with their hand counts."""

from __future__ import annotations

import pytest
from present_fakes import FakeClock
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.runs.room import ScreenKind
from teachin.scenario.loader import load_scenarios
from teachin.ui.present.audience_window import AudienceWindow
from teachin.ui.present.controller import PresentationController
from teachin.ui.present.presenter_console import PresenterConsole
from teachin.ui.present.room_play import RoomSetup
from teachin.workshop.staircase import StaircaseMarks, staircase_marks

CONTENT = builtin_content_dir()


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_every_room_screen_fits_and_reads_from_the_back(qtbot, library, tmp_path, size):
    scenarios = load_scenarios([CONTENT])[0]
    plan = load_plans([CONTENT])[0]["half-day-workshop"]
    setup = RoomSetup(scenarios, tmp_path, seed=7)
    controller = PresentationController(plan, library, FakeClock(), room=setup)
    audience, console = AudienceWindow(controller), PresenterConsole(controller)
    for window in (audience, console):
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
    qtbot.waitExposed(audience)
    controller.go_to(next(i for i, f in enumerate(controller.frames) if f.kind == "scenario") + 1)
    controller.room.start()
    slide = audience.slide
    seen = set()
    climbs: list[tuple[StaircaseMarks, int]] = []
    while True:
        screen = controller.room.session.screen
        seen.add(screen.kind)
        assert slide.used_height() <= slide.viewport().height() + 1
        if size[1] == 1080:
            assert slide.body_pixel_size >= 28, screen
            if screen.kind == ScreenKind.CONSEQUENCE:
                climbs.append(staircase_drawn(slide))
        else:
            assert slide.body_pixel_size >= 0.7 * slide.wanted_body_px(), screen
        if controller.room.session.deciding:
            panel = console.room_panel
            assert panel.rows and panel.hands_box(1).isVisibleTo(console)
            options = controller.room.session.options()
            steps = [i for i, option in enumerate(options) if option.step]
            # Organize first, then climb the lowest step offered, then the last option.
            rounds = len(climbs)
            choice = 0 if rounds < 2 else steps[0] if rounds < 4 and steps else len(options) - 1
            controller.room.select(choice)
            controller.room.confirm()
        elif not controller.room.forward():
            break
    assert {kind.value for kind in seen} == {"setting", "situation", "consequence", "end"}
    if size[1] == 1080:
        # The climb is drawn as the staircase everywhere else draws it, large enough to see.
        assert climbs and all(width >= 400 for marks, width in climbs), climbs
        assert any(marks.climbed for marks, width in climbs), climbs


def staircase_drawn(slide) -> tuple[StaircaseMarks, int]:
    """The staircase picture a slide shows: its marks and its width as laid out."""
    block = slide.document().begin()
    while block.isValid():
        for fragment in (it.fragment() for it in block):
            image = fragment.charFormat().toImageFormat()
            marks = staircase_marks(image.name()) if image.isValid() else None
            if marks is not None:
                drawn = slide.document().resource(
                    QTextDocument.ResourceType.ImageResource, QUrl(image.name())
                )
                return marks, drawn.width()
        block = block.next()
    raise AssertionError("no staircase on the consequence screen")
