"""One fixed room game, the same on every machine: "Short-staffed at Evergreen",
seed 3, the room choosing as the built-in mass-action strategy would, except a
one-day strike called too early in round 4 (so the golden files show a step taken
before the base was ready, events, and the end)."""

from __future__ import annotations

import random

import pytest

from teachin.locations import builtin_content_dir
from teachin.runs.room import RoomSession
from teachin.scenario.loader import load_scenarios
from teachin.scenario.model import Scenario
from teachin.scenario.policies import Observation, mass_action, tactic_infos
from teachin.workshop.library import Library, load_library

SEED = 3


@pytest.fixture(scope="session")
def shipped() -> tuple[dict[str, Scenario], Library]:
    folders = [builtin_content_dir()]
    return load_scenarios(folders)[0], load_library(folders)


@pytest.fixture
def library(shipped) -> Library:
    return shipped[1]


@pytest.fixture
def fixed_game(shipped) -> RoomSession:
    scenarios, _ = shipped
    session = RoomSession.start(scenarios["care-homes"], seed=SEED)
    rng = random.Random(SEED)
    while not session.run.finished:
        run = session.run
        choice = mass_action(Observation(run.engine, run.state, tactic_infos(run.scenario)), rng)
        if run.round == 4:
            choice = "one-day-strike"
        other = next(o.id for o in run.options() if o.id != choice)
        session.decide(choice, {choice: 12, other: 5})
    return session
