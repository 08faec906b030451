from __future__ import annotations

from pathlib import Path

import pytest

from teachin.scenario.loader import load_scenarios

CONTENT = Path(__file__).resolve().parents[2] / "content"
SHIPPED = ("care-homes", "transit-fares", "tuition-hike", "tenants-retrofit")

MODULES = [
    "from-theory-to-practice",
    "liberal-strategy",
    "social-democratic-strategy",
    "ultra-left-strategy",
    "independent-mass-action",
    "democratic-self-organization",
    "solidarity",
    "militancy-and-escalation",
    "organizing-vs-mobilizing",
    "plan-a-campaign",
]
GLOSSARY = [
    "base",
    "organizing",
    "mobilizing",
    "structure-test",
    "escalation",
    "escalation-staircase",
    "direct-action",
    "general-strike",
    "strike",
    "co-optation",
    "popular-education",
    "solidarity",
    "militancy",
    "democratic-self-organization",
    "independent-mass-action",
    "liberal-strategy",
    "social-democratic-strategy",
    "ultra-left-strategy",
    "ruling-class",
    "ecosocialism",
    "collective-bargaining",
    "lobbying",
    "one-on-one",
    "organizing-committee",
    "assembly",
    "demand",
    "target",
    "petition",
    "symbolic-action",
    "occupation",
    "blockade",
    "repression",
    "agent-of-change",
    "reform",
]
KNOWN_LINKS = {f"module:{m}" for m in MODULES} | {f"glossary:{g}" for g in GLOSSARY}


@pytest.fixture(scope="session")
def content() -> Path:
    return CONTENT


@pytest.fixture(scope="session")
def scenarios(content):
    loaded, problems = load_scenarios([content])
    errors = [p for p in problems if p.severity == "error"]
    assert not errors, "\n".join(map(str, errors))
    return loaded
