"""The strategy results the source text argues for, earned by the model.

For every shipped scenario, over 2,000 seeded runs a policy (with a different
base seed per scenario, so no single lucky seed carries the result).
"""

from __future__ import annotations

import pytest
from tests.scenario.conftest import pending

from teachin.scenario.engine import Engine
from teachin.scenario.simulate import simulate

SHIPPED = ("care-homes", "transit-fares", "tuition-hike", "tenants-retrofit")

RUNS = 2000
SEEDS = {"care-homes": 11, "transit-fares": 2024, "tuition-hike": 7, "tenants-retrofit": 99}
POLICIES = ("mass-action", "liberal", "social-democratic", "ultra-left", "random")

_cache: dict = {}


def results(scenarios, scenario_id, seed, policies=POLICIES):
    key = (scenario_id, seed, policies)
    if key not in _cache:
        scenario = scenarios[scenario_id]
        engine = Engine(scenario)
        _cache[key] = {p: simulate(scenario, p, RUNS, seed, engine) for p in policies}
    return _cache[key]


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_strategy_results(scenarios, scenario_id):
    pending(scenario_id)
    r = results(scenarios, scenario_id, SEEDS[scenario_id])
    win = {p: r[p].rates["win"] for p in POLICIES}
    repression = {p: r[p].mean_final["repression"] for p in POLICIES}
    independence = {p: r[p].mean_final["independence"] for p in POLICIES}
    four = ("mass-action", "liberal", "social-democratic", "ultra-left")

    assert win["mass-action"] >= 0.5
    assert win["mass-action"] == max(win.values())
    assert win["ultra-left"] <= 0.15
    assert repression["ultra-left"] == max(repression[p] for p in four)
    assert win["liberal"] <= 0.10
    assert win["liberal"] <= win["social-democratic"] <= win["mass-action"]
    assert win["social-democratic"] < win["mass-action"]
    assert independence["social-democratic"] == min(independence[p] for p in four)
    assert win["random"] < win["mass-action"]
    for summary in r.values():
        assert sum(summary.rates.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_no_single_tactic_wins_often(scenarios, scenario_id):
    pending(scenario_id)
    scenario = scenarios[scenario_id]
    engine = Engine(scenario)
    for tactic in scenario.tactics:
        summary = simulate(scenario, f"always:{tactic.id}", RUNS, SEEDS[scenario_id], engine)
        assert summary.rates["win"] <= 0.30, tactic.id


def test_results_hold_for_another_seed(scenarios):
    pending("tenants-retrofit")
    # A second, unrelated seed for one scenario: the ordering does not hinge on a seed.
    r = results(scenarios, "tenants-retrofit", 123456789, ("mass-action", "liberal", "ultra-left"))
    assert r["mass-action"].rates["win"] >= 0.5
    assert r["ultra-left"].rates["win"] <= 0.15
    assert r["liberal"].rates["win"] <= 0.10
