"""Property tests on generated scenario files: any valid content runs without
raising, keeps every measure in bounds, and replays exactly."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teachin.runs.runfile import replay, run_to_json
from teachin.scenario.loader import parse_scenario
from teachin.scenario.run import Run

ENGINE = ["round", "rounds", "ready", "times", "step", "climbed", "roll"]


def expressions(names):
    leaf = st.one_of(
        st.sampled_from(names),
        st.integers(min_value=-50, max_value=50).map(str),
        st.sampled_from(["0.5", "1e308", "0"]),
    )

    def grow(children):
        return st.one_of(
            st.tuples(
                children, st.sampled_from(["+", "-", "*", "/", ">=", "<", "and", "or"]), children
            ).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(children, children, children).map(
                lambda t: f"({t[0]} if {t[1]} else {t[2]})"
            ),
            st.tuples(children, children).map(lambda t: f"min({t[0]}, {t[1]})"),
        )

    return st.recursive(leaf, grow, max_leaves=6)


@st.composite
def scenario_text(draw):
    measure_ids = [f"m{i}" for i in range(draw(st.integers(min_value=1, max_value=4)))]
    names = measure_ids + ENGINE
    expr = expressions(names)
    lines = ['id = "generated"', 'title = "Generated"', ""]
    for measure_id in measure_ids:
        low = draw(st.integers(min_value=-100, max_value=50))
        high = low + draw(st.integers(min_value=1, max_value=200))
        start = draw(st.integers(min_value=low, max_value=high))
        lines += [
            "[[measure]]",
            f'id = "{measure_id}"',
            f"start = {start}",
            f"spread = {draw(st.integers(min_value=0, max_value=20))}",
            f"min = {low}",
            f"max = {high}",
            "",
        ]
    tactic_count = draw(st.integers(min_value=1, max_value=4))
    for t in range(tactic_count):
        lines += [
            "[[tactic]]",
            f'id = "t{t}"',
            f'label = "Tactic {t}"',
            'explain = "Because."',
            'concept = "module:solidarity"',
        ]
        if draw(st.booleans()):
            lines.append('kind = "step"')
            step = draw(st.sampled_from(["petition", "one-day-strike", "general-strike"]))
            lines.append(f'step = "{step}"')
        if t > 0 and draw(st.booleans()):
            lines.append(f"available = {json.dumps(draw(expr))}")
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            lines += ["[[tactic.need]]", f"when = {json.dumps(draw(expr))}"]
        lines.append("[tactic.effects]")
        for measure_id in draw(st.lists(st.sampled_from(measure_ids), unique=True, max_size=4)):
            lines.append(f"{measure_id} = {json.dumps(draw(expr))}")
        lines.append("")
    for e in range(draw(st.integers(min_value=0, max_value=3))):
        lines += [
            "[[event]]",
            f'id = "e{e}"',
            f'title = "Event {e}"',
            f"chance = {json.dumps(draw(expr))}",
            f"once = {str(draw(st.booleans())).lower()}",
        ]
        if draw(st.booleans()):
            lines.append(f"when = {json.dumps(draw(expr))}")
        lines.append("[event.effects]")
        for measure_id in draw(st.lists(st.sampled_from(measure_ids), unique=True, max_size=3)):
            lines.append(f"{measure_id} = {json.dumps(draw(expr))}")
        lines.append("")
    for n in range(draw(st.integers(min_value=0, max_value=2))):
        lines += [
            "[[ending]]",
            f'id = "early{n}"',
            'result = "win"',
            'title = "Early"',
            "early = true",
            f"when = {json.dumps(draw(expr))}",
            "",
        ]
    lines += ["[[ending]]", 'id = "end"', 'result = "loss"', 'title = "End"', 'when = "true"', ""]
    for r in range(draw(st.integers(min_value=1, max_value=6))):
        lines += ["[[round]]", f'situation = "Round {r}"', ""]
        if draw(st.booleans()):
            lines += ["[round.effects]", f"{measure_ids[0]} = {json.dumps(draw(expr))}", ""]
    lines += ["[every_round]", f"{measure_ids[-1]} = {json.dumps(draw(expr))}", ""]
    lines += ["[debrief]", 'questions = ["Why?"]']
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=scenario_text(),
    seed=st.integers(min_value=0, max_value=2**32),
    picks=st.lists(st.integers(min_value=0, max_value=99), max_size=8),
)
def test_generated_scenarios_run_in_bounds_and_replay(tmp_path_factory, text, seed, picks):
    path = tmp_path_factory.getbasetemp() / "generated.toml"
    scenario, problems = parse_scenario(text, path)
    assert scenario is not None, [str(p) for p in problems]
    run = Run(scenario, seed)
    for pick in picks:
        if run.finished:
            break
        options = run.options()
        if not options:
            break
        run.choose(options[pick % len(options)].id)
        for measure in scenario.measures:
            value = run.measures(hidden=True)[measure.id]
            assert measure.low <= value <= measure.high, (measure.id, value)
    data = json.loads(json.dumps(run_to_json(run)))
    assert replay(data, scenario).matches
