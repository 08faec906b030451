"""Estimated measures: the group sees its strength as a range until it tests it.

A small scenario: support is estimated (doubt 20 at the start); talking to
people narrows the range a little, a structure test shows where the group
stands, and a strike needs six in ten.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from teachin.scenario.check import check_scenario
from teachin.scenario.engine import Engine
from teachin.scenario.group_view import MET, MISSING, UNSURE
from teachin.scenario.loader import parse_scenario
from teachin.scenario.policies import Observation, tactic_infos
from teachin.scenario.run import Run

SCENARIO = """
format = "teachin-scenario"
version = 1
id = "estimates"
title = "Estimates"
summary = "A test scenario."
minutes = 20
difficulty = "introductory"

[[measure]]
id = "support"
label = "Support"
start = 50
spread = 15
estimate_by = "doubt"

[[measure]]
id = "doubt"
label = "How unsure the group is"
start = 20
visible = false

[[measure]]
id = "pressure"
label = "Pressure"
start = 0

[[tactic]]
id = "talk"
label = "Talk to people"
kind = "organizing"
[tactic.effects]
support = "5"
doubt = "-3"

[[tactic]]
id = "test"
label = "Structure test"
kind = "test"
[tactic.effects]
doubt = "-doubt + 2"

[[tactic]]
id = "strike"
label = "Strike"
kind = "step"
step = "one-day-strike"
[[tactic.need]]
when = "support >= 60"
text = "six in ten ready to walk out"
[tactic.effects]
pressure = "50 if ready >= 1 else 5"

[[ending]]
id = "won"
result = "win"
early = true
when = "pressure >= 50"
title = "Won"

[[ending]]
id = "lost"
result = "loss"
when = "true"
title = "Lost"

[[round]]
title = "One"
situation = "Round one."
[[round]]
title = "Two"
situation = "Round two."
[[round]]
title = "Three"
situation = "Round three."
[[round]]
title = "Four"
situation = "Round four."
[[round]]
title = "Five"
situation = "Round five."
[[round]]
title = "Six"
situation = "Round six."
"""


def load(text: str = SCENARIO):
    scenario, problems = parse_scenario(text, Path("estimates.toml"))
    assert scenario is not None, problems
    return scenario, problems


def test_the_range_always_holds_the_true_value_and_narrows_when_tested():
    scenario, _ = load()
    engine = Engine(scenario)
    widths = []
    for seed in range(200):
        run = Run(scenario, seed, engine)
        low, high = run.estimates()["support"]
        true = run.measures(hidden=True)["support"]
        assert low <= true <= high
        widths.append(high - low)
        run.choose("test")
        low, high = run.estimates()["support"]
        assert low <= run.measures(hidden=True)["support"] <= high
        assert high - low <= 4.0 + 1e-9
    assert min(widths) > 20  # doubt 20: a range 40 wide, less only where it meets 0 or 100
    # The bias is drawn per run: the middle of the range is not the truth.
    middles = {round(Run(scenario, s, engine).measures()["support"], 3) for s in range(20)}
    truths = {
        round(Run(scenario, s, engine).measures(hidden=True)["support"], 3) for s in range(20)
    }
    assert middles != truths


def test_readiness_words_say_not_sure_until_the_group_knows():
    scenario, _ = load()
    engine = Engine(scenario)
    strike = scenario.tactic_index["strike"]
    run = Run(scenario, 3, engine)
    # Doubt 20 around a true value near 50: "six in ten" may or may not hold.
    assert engine.need_statuses(run.state, strike) == [UNSURE]
    option = next(o for o in run.options() if o.id == "strike")
    assert option.ready == 0.0
    assert "Maybe ready" in option.ready_text and "six in ten" in option.ready_text
    run.choose("test")
    true = run.measures(hidden=True)["support"]
    status = engine.need_statuses(run.state, strike)
    assert status == ([MET] if true >= 62 else [MISSING] if true < 58 else status)
    if status == [MISSING]:
        text = next(o for o in run.options() if o.id == "strike").ready_text
        assert text.startswith("Not ready yet. Still needed: six in ten")


def test_what_happens_is_decided_by_the_true_values():
    scenario, _ = load()
    engine = Engine(scenario)
    outcomes = {True: 0, False: 0}
    for seed in range(300):
        run = Run(scenario, seed, engine)
        true = run.measures(hidden=True)["support"]
        consequence = run.choose("strike")
        assert (consequence.ready >= 1) == (true >= 60)
        outcomes[true >= 60] += 1
    assert outcomes[True] and outcomes[False]


def test_policies_see_the_middle_of_the_range_not_the_truth():
    scenario, _ = load()
    engine = Engine(scenario)
    infos = tactic_infos(scenario)
    strike = infos[scenario.tactic_index["strike"]]
    differs = 0
    for seed in range(50):
        state = engine.new_state(random.Random(seed))
        obs = Observation(engine, state, infos)
        low, high = obs.estimate("support")
        middle = obs.measures["support"]
        assert low <= middle <= high
        assert obs.is_ready(strike) == (middle >= 60)
        assert obs.surely_ready(strike) == (low >= 60)
        differs += middle != state.values[scenario.measure_index["support"]]
    assert differs == 50


def test_the_log_splits_move_events_and_the_rounds_course():
    scenario, _ = load()
    run = Run(scenario, 1)
    consequence = run.choose("talk")
    assert consequence.moved == {"support": pytest.approx(5.0), "doubt": pytest.approx(-3.0)}
    assert consequence.course == {}
    assert set(consequence.estimates) == {"support"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('estimate_by = "nothing"', "unknown measure 'nothing'"),
        ('estimate_by = "pressure"', "must be hidden"),
        ('estimate_by = "support"', "must be another measure"),
        ("estimate_by = 3", "must be a measure id in quotes"),
    ],
)
def test_a_wrong_estimate_by_is_reported_at_its_line(line, message):
    text = SCENARIO.replace('estimate_by = "doubt"', line)
    scenario, problems = parse_scenario(text, Path("estimates.toml"))
    expected_line = text.splitlines().index(line) + 1
    hits = [p for p in problems if message in p.message]
    assert hits and hits[0].line == expected_line, problems
    assert scenario is None or scenario.measure("support").estimate_by is None


def test_run_files_record_the_bias_draws():
    scenario, _ = load()
    run = Run(scenario, 9)
    assert [name for name, _ in run.start_draws] == ["start:support", "bias:support"]


def test_check_counts_the_doubt_as_read_by_the_range_it_sets():
    scenario, _ = load()
    messages = [p.message for p in check_scenario(scenario, None, set())]
    assert not [m for m in messages if "measure 'doubt'" in m]
    # Without the estimate, nothing reads it.
    plain, _ = load(SCENARIO.replace('estimate_by = "doubt"\n', ""))
    messages = [p.message for p in check_scenario(plain, None, set())]
    assert [m for m in messages if "measure 'doubt'" in m]
