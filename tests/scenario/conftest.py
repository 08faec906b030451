from __future__ import annotations

from pathlib import Path

import pytest
from tests.curriculum import GLOSSARY_IDS, MODULE_IDS

from teachin.scenario.loader import load_scenarios

CONTENT = Path(__file__).resolve().parents[2] / "content"
SHIPPED = ("care-homes", "transit-fares", "tuition-hike", "tenants-retrofit")

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
