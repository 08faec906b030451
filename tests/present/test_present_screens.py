"""Which screen the audience window goes to: the projector if there is one, else the only one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtGui import QGuiApplication

from teachin.locations import builtin_content_dir
from teachin.ui.present.presentation import choose_audience_screen, start_presentation
from teachin.workshop.library import load_library


class FakeScreen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_the_second_screen_is_the_projector_and_one_screen_is_enough():
    laptop, projector = FakeScreen("laptop"), FakeScreen("projector")
    assert choose_audience_screen([laptop, projector]) is projector
    assert choose_audience_screen([laptop, projector], console=projector) is laptop
    assert choose_audience_screen([laptop]) is laptop
    assert choose_audience_screen([]) is None


def test_start_presentation_on_a_single_screen(qtbot):
    library = load_library([builtin_content_dir()])
    module = library.modules["solidarity"]
    screen = QGuiApplication.primaryScreen()
    presentation = start_presentation(library, module, screens=[screen])
    qtbot.addWidget(presentation.audience)
    qtbot.addWidget(presentation.console)
    qtbot.waitUntil(presentation.audience.isFullScreen)
    assert presentation.audience.screen() is screen
    assert presentation.console.isVisible()
    assert presentation.controller.plan.title == module.title
    with qtbot.waitSignal(presentation.finished):
        presentation.controller.leave()
    assert not presentation.audience.isVisible() and not presentation.console.isVisible()


SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication
    from teachin.qt_application import qt_application
    app = qt_application(QApplication, sys.argv)
    from teachin.locations import builtin_content_dir
    from teachin.ui.present.presentation import start_presentation
    from teachin.workshop.library import load_library
    library = load_library([builtin_content_dir()])
    p = start_presentation(library, library.modules["solidarity"])
    for _ in range(5):
        app.processEvents()
    g = p.audience.geometry()
    print(json.dumps({
        "screens": [s.name() for s in app.screens()],
        "audience": p.audience.screen().name(),
        "console": p.console.screen().name(),
        "full": p.audience.isFullScreen(),
        "x": g.x(), "width": g.width(), "height": g.height(),
        "body_px": p.audience.slide.body_pixel_size,
    }))
    p.switch_screen()  # S: the facilitator moves the audience window to the other screen
    for _ in range(5):
        app.processEvents()
    print(json.dumps({"after_switch": p.audience.screen().name(), "full": p.audience.isFullScreen()}))
    """
)


def test_two_screens_put_the_audience_full_screen_on_the_projector(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    },
                    {
                        "name": "projector",
                        "x": 1366,
                        "y": 0,
                        "width": 1920,
                        "height": 1080,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    seen, switched = json.loads(lines[-2]), json.loads(lines[-1])
    assert seen["screens"] == ["laptop", "projector"]
    assert (seen["audience"], seen["console"]) == ("projector", "laptop")
    assert seen["full"] and (seen["x"], seen["width"], seen["height"]) == (1366, 1920, 1080)
    assert seen["body_px"] >= 28
    assert switched == {"after_switch": "laptop", "full": True}
