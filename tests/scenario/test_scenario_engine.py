from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.scenario.simulations import SHIPPED

from teachin.scenario.engine import Engine
from teachin.scenario.policies import Observation, get_policy, tactic_infos
from teachin.scenario.run import Run, start_run


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    scenario_id=st.sampled_from(SHIPPED),
    seed=st.integers(min_value=0, max_value=2**48),
    picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=30),
)
def test_measures_stay_in_bounds_and_engine_never_raises(scenarios, scenario_id, seed, picks):
    scenario = scenarios[scenario_id]
    run = Run(scenario, seed)
    for pick in picks:
        if run.finished:
            break
        options = run.options()
        assert options, f"round {run.round}: nothing to choose"
        option = options[pick % len(options)]
        assert 0.0 <= option.ready <= 1.0
        assert option.ready_text
        consequence = run.choose(option.id)
        assert consequence.explain and consequence.concept
        assert ":" in consequence.concept
        for measure in scenario.measures:
            assert measure.low <= consequence.after[measure.id] <= measure.high
    assert len(run.steps) <= len(scenario.rounds)


def test_run_plays_to_an_ending(scenarios):
    scenario = scenarios["care-homes"]
    run = start_run(scenario, seed=3)
    visible = run.measures()
    assert "resolve" not in visible and "support" in visible
    assert "resolve" in run.measures(hidden=True)
    while not run.finished:
        run.choose(run.options()[0].id)
    assert run.result in ("win", "partial", "loss")
    last = run.steps[-1].consequence
    assert last.result == run.result
    fingerprint = run.fingerprint()
    assert sum(s.share for s in fingerprint.shares) == pytest.approx(1.0)
    assert fingerprint.closest in ("liberal", "social-democratic", "ultra-left", "mass-action")
    assert run.turning_points()


def test_unready_escalation_is_costly_and_explained(scenarios):
    scenario = scenarios["care-homes"]
    run = Run(scenario, 5)
    option = next(o for o in run.options() if o.id == "week-strike")
    assert option.ready < 1 and option.ready_text.startswith("Not ready")
    consequence = run.choose("week-strike")
    deltas = consequence.deltas
    assert deltas["repression"] > 0 and deltas["morale"] < 0
    assert consequence.concept == "module:ultra-left-strategy"
    assert run.fingerprint().closest == "ultra-left"


def test_choosing_an_unavailable_tactic_is_refused(scenarios):
    run = Run(scenarios["care-homes"], 1)
    with pytest.raises(ValueError):
        run.choose("accept-deal")
    with pytest.raises(ValueError):
        run.choose("no-such-tactic")


def test_go_back_branches_and_keeps_the_abandoned_rounds(scenarios):
    scenario = scenarios["transit-fares"]
    run = Run(scenario, 77)
    for choice in ("committee", "one-on-ones", "militant", "militant"):
        run.choose(choice)
    after_two = run.steps[1].consequence.after
    run.go_back(3)
    assert run.round == 3 and len(run.steps) == 2
    assert run.measures(hidden=True) == pytest.approx(after_two)
    assert [r.tactic for r in run.branches[0].steps] == ["militant", "militant"]
    run.choose("symbolic")
    assert run.steps[-1].tactic == "symbolic"


def test_same_seed_same_run(scenarios):
    scenario = scenarios["tuition-hike"]
    engine = Engine(scenario)
    policy = get_policy("random", scenario)
    infos = tactic_infos(scenario)

    def play(seed):
        rng, prng = random.Random(seed), random.Random(seed + 1)
        state = engine.new_state(rng)
        while not state.finished:
            obs = Observation(engine, state, infos)
            engine.step(state, scenario.tactic_index[policy(obs, prng)], rng)
        return state.values

    assert play(42) == play(42)


def test_policies_see_no_hidden_measures(scenarios):
    scenario = scenarios["care-homes"]
    engine = Engine(scenario)
    state = engine.new_state(random.Random(1))
    obs = Observation(engine, state, tactic_infos(scenario))
    assert "resolve" not in obs.measures and "deal" not in obs.measures
    public = {name for name in dir(obs) if not name.startswith("_")}
    assert public == {
        "climbed",
        "round",
        "rounds",
        "measures",
        "options",
        "of_kind",
        "ready",
        "is_ready",
        "surely_ready",
        "ready_with",
        "lacking",
        "estimate",
        "times",
        "update",
        "stuck",
    }


def test_scenario_core_imports_no_qt():
    code = (
        "import sys\n"
        "import teachin.scenario.commands, teachin.scenario.check, teachin.runs.runfile\n"
        "import teachin.scenario.simulate, teachin.scenario.fingerprint\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []


def test_events_carry_explanations_and_changes(scenarios):
    scenario = scenarios["care-homes"]
    seen = changed = 0
    for seed in range(40):
        run = Run(scenario, seed)
        while not run.finished:
            consequence = run.choose("militant")
            for event in consequence.events:
                seen += 1
                assert event.title and event.explain and ":" in event.concept
                changed += bool(event.deltas)  # empty only when measures sit at their bounds
    assert seen and changed
