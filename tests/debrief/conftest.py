"""One fixed room game, the same on every machine: "Short-staffed at Evergreen",
seed 3, the room choosing what the built-in mass-action strategy chose before
issue 13, except a one-day strike called too early in round 4 (so the golden
files show a step taken before the base was ready, events, and the end).

The game is played on the frozen copy of the scenario in
``tests/scenario/frozen`` with a fixed list of choices, so the golden files pin
the wording of the debrief, not the numbers of a scenario being reworked or the
choices of a policy being improved."""

from __future__ import annotations

from pathlib import Path

import pytest

from teachin.locations import builtin_content_dir
from teachin.runs.room import RoomSession
from teachin.scenario.loader import load_scenarios
from teachin.scenario.model import Scenario
from teachin.workshop.library import Library, load_library

SEED = 3
FROZEN = Path(__file__).resolve().parents[1] / "scenario" / "frozen"
CHOICES = (
    "committee",
    "one-on-ones",
    "symbolic",
    "one-day-strike",
    "small-demo",
    "reach-out",
    "structure-test",
    "large-demo",
    "large-demo",
    "one-day-strike",
)


@pytest.fixture(scope="session")
def shipped() -> tuple[dict[str, Scenario], Library]:
    folders = [builtin_content_dir()]
    return load_scenarios(folders)[0], load_library(folders)


@pytest.fixture
def library(shipped) -> Library:
    return shipped[1]


@pytest.fixture
def fixed_game(shipped) -> RoomSession:
    frozen, _ = load_scenarios([FROZEN])
    session = RoomSession.start(frozen["care-homes"], seed=SEED)
    for choice in CHOICES:
        run = session.run
        other = next(o.id for o in run.options() if o.id != choice)
        session.decide(choice, {choice: 12, other: 5})
    assert session.run.finished
    return session
