"""A small fight, written in the tests, that can be won by the base's own pressure
(a strike with four in ten organized) or handed over by an event (lobbying drops
independence, and at 60 or less the minister takes up the cause: +60 pressure).
``fight(...)`` rewrites or adds TOML for one test; ``play`` plays a fixed list of
choices until the run ends."""

from __future__ import annotations

from pathlib import Path

from teachin.scenario.loader import parse_scenario
from teachin.scenario.model import Scenario
from teachin.scenario.run import Run

FIGHT = """
id = "small-fight"
title = "A small fight"
summary = "Won by a strike, or handed over by a minister."

[[measure]]
id = "organization"
label = "Organization"
start = 40

[[measure]]
id = "pressure"
label = "Pressure on the target"
start = 0

[[measure]]
id = "independence"
label = "Independence"
start = 80

[[measure]]
id = "resolve"
label = "The target's resolve"
start = 50
visible = false

[[tactic]]
id = "one-on-ones"
label = "One-on-ones"
kind = "organizing"
strategy = "mass-action"
[tactic.effects]
organization = "10"

[[tactic]]
id = "teach-in"
label = "Teach-in"
kind = "step"
step = "popular-education"
strategy = "mass-action"
[tactic.effects]
organization = "2"

[[tactic]]
id = "petition"
label = "Petition"
kind = "step"
step = "petition"
strategy = "liberal"
[tactic.effects]
pressure = "2"

[[tactic]]
id = "strike"
label = "Strike"
kind = "step"
step = "one-day-strike"
strategy = "mass-action"
[[tactic.need]]
when = "organization >= 40"
text = "four in ten organized"
[tactic.effects]
pressure = "30 if ready >= 1 else 2"

[[tactic]]
id = "lobby"
label = "Lobby"
kind = "lobbying"
strategy = "liberal"
[tactic.effects]
pressure = "2"
independence = "-10"

[[event]]
id = "champion"
kind = "politicians"
title = "The minister takes up the cause"
when = "independence <= 60"
once = true
chance = "1"
[event.effects]
pressure = "60"

[every_round]
pressure = "-0.1 * pressure"

[[ending]]
id = "won"
result = "win"
early = true
when = "pressure >= resolve"
title = "The demand is won"
text = "The target gives in."
explain = "That cost came from an organized base."

[[ending]]
id = "lost"
result = "loss"
when = "true"
title = "Nothing changes"
""" + "".join(f'\n[[round]]\ntitle = "Week {n}"\nsituation = "Week {n}."\n' for n in range(1, 7))

EARN = ["strike"] * 6
"""Wins by the base's own pressure: two ready strikes."""
HAND = ["lobby"] * 6
"""Wins because the minister steps in (the second lobbying drops independence to 60)."""


def fight(*changes: tuple[str, str], extra: str = "") -> Scenario:
    """The small fight with ``(old, new)`` text replacements and ``extra`` TOML added."""
    text = FIGHT
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    scenario, problems = parse_scenario(text + extra, Path("small-fight.toml"))
    assert scenario is not None, [str(p) for p in problems]
    assert not [p for p in problems if p.severity == "error"], [str(p) for p in problems]
    return scenario


def play(scenario: Scenario, choices: list[str], seed: int = 1) -> Run:
    run = Run(scenario, seed)
    for choice in choices:
        if run.finished:
            break
        run.choose(choice)
    return run
