from __future__ import annotations

from pathlib import Path

import pytest
from tests.curriculum import GLOSSARY_IDS, MODULE_IDS

from teachin.scenario.loader import load_scenarios

CONTENT = Path(__file__).resolve().parents[2] / "content"

# Issue 13: scenarios still being reworked on the new model (estimates, votes,
# structure tests, costs), or retuned since the probe tries the hand-written
# families of climbs and the mass-action policy plans with a calendar. Their
# strategy and judgment tests are expected to fail until they are; remove an id
# when its fight passes.
# (tests/scenario/simulations.py marks their invariant tests xfail, not strict.)
REWORK_PENDING: set[str] = set()


def pending(scenario_id: str) -> None:
    """Mark the calling test as an expected failure while ``scenario_id`` is reworked."""
    if scenario_id in REWORK_PENDING:
        pytest.xfail(f"issue 13: {scenario_id} is being reworked on the new scenario model")


KNOWN_LINKS = {f"module:{m}" for m in MODULE_IDS} | {f"glossary:{g}" for g in GLOSSARY_IDS}


@pytest.fixture(scope="session")
def content() -> Path:
    return CONTENT


@pytest.fixture(scope="session")
def scenarios(content):
    loaded, problems = load_scenarios([content])
    errors = [p for p in problems if p.severity == "error"]
    assert not errors, "\n".join(map(str, errors))
    return loaded
