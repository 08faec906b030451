"""A plan presented with room play and phones set up: the address list given, the
settings in a temporary file, the server on any free port of that address."""

from __future__ import annotations

from dataclasses import dataclass

from present_fakes import open_presentation
from PySide6.QtCore import QSettings

from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.ui.phones.addresses import Address
from teachin.ui.phones.room_phones import PhonesSetup, RoomPhones
from teachin.ui.present.audience_window import AudienceWindow
from teachin.ui.present.controller import PresentationController
from teachin.ui.present.presenter_console import PresenterConsole
from teachin.ui.present.room_play import RoomSetup
from teachin.ui.settings import Settings

CONTENT = builtin_content_dir()
LOOPBACK = Address("127.0.0.1", "this laptop only")


@dataclass
class Room:
    controller: PresentationController
    audience: AudienceWindow
    console: PresenterConsole
    settings: Settings
    setup: RoomSetup

    @property
    def phones(self) -> RoomPhones:
        room = self.controller.room
        assert room is not None and room.phones is not None
        return room.phones


def open_room(qtbot, content, tmp_path, addresses: list[Address], size=(1280, 720)) -> Room:
    """The half-day workshop presented, on its scenario's frame (R starts room play)."""
    library, scenarios = content
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    phones = PhonesSetup(settings, addresses=lambda: list(addresses), port=0)
    setup = RoomSetup(scenarios, tmp_path / "room-runs", seed=7, phones=phones)
    plan = load_plans([CONTENT])[0]["half-day-workshop"]
    summaries = {k: (s.title, s.summary) for k, s in scenarios.items()}
    shown = open_presentation(qtbot, plan, library, size, summaries, setup)
    controller = shown.controller
    scenario_frame = next(i for i, f in enumerate(controller.frames) if f.kind == "scenario")
    controller.go_to(scenario_frame + 1)
    return Room(controller, shown.audience, shown.console, settings, setup)
