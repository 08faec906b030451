"""The simulator's speed-ups must not change a single result.

``golden_simulate.json`` holds summaries made before the engine, the policies
and the expression compiler were tuned for speed (300 runs, seed 12345, a few
scenario/policy pairs); floats are compared exactly. They are played on frozen
copies of the scenarios (``frozen/scenarios``, as shipped before issue 13's
rework), so reworking a shipped scenario does not touch them; a change to the
engine or the policies that changes a result does (regenerate with
UPDATE_GOLDEN=1 only for a change meant to change results). And a tactic's effects
compiled for a known readiness (expressions.specialize) must give, to the last
bit, what the plain compiled expression gives.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teachin.scenario.engine import Engine
from teachin.scenario.expressions import compile_expression, specialize
from teachin.scenario.loader import load_scenarios
from teachin.scenario.simulate import simulate

GOLDEN_PATH = Path(__file__).parent / "golden_simulate.json"
GOLDEN = json.loads(GOLDEN_PATH.read_text())
FROZEN = Path(__file__).parent / "frozen"


@pytest.fixture(scope="module")
def frozen():
    loaded, problems = load_scenarios([FROZEN])
    assert not [p for p in problems if p.severity == "error"]
    return loaded


def played(frozen, key: str) -> dict[str, object]:
    scenario_id, policy, seed = key.split()
    summary = simulate(frozen[scenario_id], policy, 300, int(seed))
    return {
        "steps": summary.steps,
        "endings": dict(sorted(summary.endings.items())),
        "summary": json.loads(json.dumps(summary.to_json())),
    }


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_simulate_matches_golden(frozen, key):
    result = played(frozen, key)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN[key] = result
        GOLDEN_PATH.write_text(json.dumps(GOLDEN, indent=1, sort_keys=True) + "\n")
    assert result == GOLDEN[key]


def test_engine_reused_gives_the_same_results(scenarios):
    """Effects compiled on first use and remembered options do not leak between runs."""
    scenario = scenarios["tuition-hike"]
    engine = Engine(scenario)
    first = simulate(scenario, "mass-action", 200, 7, engine).to_json()
    simulate(scenario, "random", 200, 8, engine)
    assert simulate(scenario, "mass-action", 200, 7, engine).to_json() == first
    assert simulate(scenario, "mass-action", 200, 7).to_json() == first


NAMES = {"support": 0, "organization": 1, "ready": 2, "times": 3, "step": 4}

_leaf = st.one_of(
    st.sampled_from([*sorted(NAMES), "ready", "ready"]),
    st.integers(min_value=0, max_value=20).map(str),
    st.sampled_from(["0.5", "1.5", "0", "0.3", "100", "20", "3", "1"]),
)


def _grow(children):
    return st.one_of(
        st.tuples(
            children,
            st.sampled_from(["+", "-", "*", "/", "//", "%", "<", ">=", "==", "and", "or"]),
            children,
        ).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(children, children, children).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.tuples(st.sampled_from(["min", "max"]), children, children).map(
            lambda t: f"{t[0]}({t[1]}, {t[2]})"
        ),
        st.tuples(children, children, children).map(lambda t: f"clamp({t[0]}, {t[1]}, {t[2]})"),
        children.map(lambda c: f"abs({c})"),
        children.map(lambda c: f"(-{c})"),
        children.map(lambda c: f"(not {c})"),
    )


@given(
    source=st.recursive(_leaf, _grow, max_leaves=10),
    values=st.lists(st.floats(min_value=-100, max_value=100), min_size=5, max_size=5),
    ready=st.sampled_from([0.0, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 0.8, 1.0]),
)
def test_specialized_is_bit_identical(source, values, ready):
    expression = compile_expression(source, NAMES)
    values = list(values)
    values[NAMES["ready"]] = ready
    specialized = specialize(expression, NAMES, {"ready": ready})
    constant = specialized.constant
    expected = expression.fn(values)
    got = specialized.fn(values)
    if constant is not None:
        assert got == constant or (math.isnan(got) and math.isnan(constant))
    assert got == expected or (math.isnan(got) and math.isnan(expected)), (source, values)


@pytest.mark.parametrize("policy", ["random", "mass-action", "ultra-left"])
def test_rounds_played_with_a_log_go_as_without(scenarios, frozen, policy):
    """The engine plays a round's events in one built function when nothing is
    logged (the simulator), and event by event when something is (run files,
    records): both must play every run the same."""
    for scenario in [*scenarios.values(), *frozen.values()]:
        engine = Engine(scenario)
        plain = simulate(scenario, policy, 40, 3, engine)
        logged = simulate(scenario, policy, 40, 3, engine, record=True)
        assert (plain.steps, plain.endings) == (logged.steps, logged.endings), scenario.id
        assert plain.to_json() == logged.to_json(), scenario.id
