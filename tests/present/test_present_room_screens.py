"""Room play on a 1080p projector and a 1024×768 one: every screen fits, at a size
the back row can read, and the console shows the options with their hand counts."""

from __future__ import annotations

import pytest
from present_fakes import FakeClock

from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.scenario.loader import load_scenarios
from teachin.ui.present.audience_window import AudienceWindow
from teachin.ui.present.controller import PresentationController
from teachin.ui.present.presenter_console import PresenterConsole
from teachin.ui.present.room_play import RoomSetup

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
    while True:
        screen = controller.room.session.screen
        seen.add(screen.kind)
        assert slide.document().size().height() <= slide.viewport().height() + 1
        if size[1] == 1080:
            assert slide.body_pixel_size >= 28, screen
        else:
            assert slide.body_pixel_size >= 0.7 * slide.wanted_body_px(), screen
        if controller.room.session.deciding:
            panel = console.room_panel
            assert panel.rows and panel.hands_box(1).isVisibleTo(console)
            controller.room.select(len(panel.rows) - 1 if len(seen) > 3 else 0)
            controller.room.confirm()
        elif not controller.room.forward():
            break
    assert {kind.value for kind in seen} == {"setting", "situation", "consequence", "end"}
