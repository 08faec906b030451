"""The simulator's speed-ups must not change a single result.

``golden_simulate.json`` holds summaries made before the engine, the policies
and the expression compiler were tuned for speed (300 runs, seed 12345, a few
scenario/policy pairs); floats are compared exactly. And a tactic's effects
compiled for a known readiness (expressions.specialize) must give, to the last
bit, what the plain compiled expression gives.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teachin.scenario.engine import Engine
from teachin.scenario.expressions import compile_expression, specialize
from teachin.scenario.simulate import simulate

GOLDEN = json.loads((Path(__file__).parent / "golden_simulate.json").read_text())


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_simulate_matches_golden(scenarios, key):
    scenario_id, policy, seed = key.split()
    expected = GOLDEN[key]
    summary = simulate(scenarios[scenario_id], policy, 300, int(seed))
    assert summary.steps == expected["steps"]
    assert dict(sorted(summary.endings.items())) == expected["endings"]
    assert json.loads(json.dumps(summary.to_json())) == expected["summary"]


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
    fn, constant = specialize(expression, NAMES, {"ready": ready})
    expected = expression.fn(values)
    got = fn(values)
    if constant is not None:
        assert got == constant or (math.isnan(got) and math.isnan(constant))
    assert got == expected or (math.isnan(got) and math.isnan(expected)), (source, values)
