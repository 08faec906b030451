"""Checks on loaded scenarios that need more than one file, or a simulation.

The loader already reports what one file can show by itself (TOML errors,
expressions that do not parse, names and ids not defined in the file). Here:
staircase steps, links to modules and glossary terms, and what only playing the
scenario reveals: endings never reached, rounds with no tactic to choose, and a
blind recipe that wins about as often as thinking (a short probe). Also measures
that nothing reads.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from teachin.problems import Problem, error, line_of, warning
from teachin.scenario.engine import Engine
from teachin.scenario.model import Ending, Event, Scenario
from teachin.scenario.policies import POLICIES, Observation, tactic_infos
from teachin.scenario.probe import probe
from teachin.scenario.simulate import run_seeds

if TYPE_CHECKING:
    from teachin.workshop.staircase import Staircase

EXPLORE_RUNS = 300
# The short probe: the hand-written recipes only, screened on a few runs, the
# best played on PROBE_RUNS beside the mass-action policy (tens of milliseconds a
# scenario, measured; `teachin probe` searches far more widely).
PROBE_SCREEN_RUNS = 10
PROBE_SAMPLE = 80  # recipes screened (three quarters hand-written)
PROBE_RUNS = 80
# A recipe within this many points of the mass-action policy is a warning.
PROBE_MARGIN = 0.10


def _unread_measures(scenario: Scenario) -> list[Problem]:
    """A warning for each measure no formula reads (other than its own change)."""
    read: set[str] = set()
    conditions = [scenario.endings[i].when for i in range(len(scenario.endings))]
    for tactic in scenario.tactics:
        conditions.extend(need.when for need in tactic.needs)
        if tactic.available is not None:
            conditions.append(tactic.available)
    for event in scenario.events:
        conditions.append(event.chance)
        if event.when is not None:
            conditions.append(event.when)
    for expression in conditions:
        read |= expression.names
    effects = [*scenario.every_round]
    for tactic in scenario.tactics:
        effects.extend(tactic.effects)
    for event in scenario.events:
        effects.extend(event.effects)
    for round_ in scenario.rounds:
        effects.extend(round_.effects)
    for effect in effects:
        # A measure read only by its own change (pressure fading) changes nothing else.
        read |= effect.expression.names - {effect.measure}
    # A doubt measure is read by the range the group sees of what it estimates.
    read |= {m.estimate_by for m in scenario.measures if m.estimate_by}
    return [
        warning(
            scenario.path,
            measure.line,
            f"measure '{measure.id}' is read by no need, effect, event, ending or "
            "availability: it changes nothing in the game",
        )
        for measure in scenario.measures
        if measure.id not in read
    ]


def _recipe_warning(scenario: Scenario) -> list[Problem]:
    """A warning when a blind recipe wins within PROBE_MARGIN of the mass-action policy."""
    # The first (issue 13's) and an even sample of the families: check stays quick.
    report = probe(
        scenario,
        candidates=PROBE_SAMPLE,
        shortlist_runs=PROBE_RUNS,
        screen_runs=PROBE_SCREEN_RUNS,
        final_runs=PROBE_RUNS,
        finalists=1,
    )
    # A recipe that never wins says nothing, even beside a policy that seldom does.
    if not report.finalists or report.best.win == 0 or report.margin >= PROBE_MARGIN:
        return []
    best = report.best
    return [
        warning(
            scenario.path,
            1,
            f"a blind recipe wins {best.win:.0%} of {PROBE_RUNS} simulated runs, within "
            f"{PROBE_MARGIN * 100:.0f} points of the mass-action policy ({report.mass_action_win:.0%}): "
            f"{', '.join(best.recipe)}; the scenario rewards a recipe, not judgment "
            f"(see 'teachin probe {scenario.id}')",
        )
    ]


def _links(scenario: Scenario) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for tactic in scenario.tactics:
        for link in {tactic.concept, tactic.concept_unready}:
            if link:
                found.append((link, line_of(scenario.text, f'"{link}"', tactic.line)))
    items: list[Event | Ending] = [*scenario.events, *scenario.endings]
    for item in items:
        if item.concept:
            found.append((item.concept, _line_after(scenario.text, f'"{item.concept}"', item.line)))
    for link in scenario.concepts:
        found.append((link, line_of(scenario.text, f'"{link}"')))
    return found


def _line_after(text: str, needle: str, start: int) -> int:
    lines = text.splitlines()
    for number in range(start, len(lines) + 1):
        if needle in lines[number - 1]:
            return number
    return start


def explore(
    scenario: Scenario, runs: int = EXPLORE_RUNS, seed: int = 1
) -> tuple[set[str], dict[int, int]]:
    """Play the scenario with every built-in policy and with every tactic first.

    Returns the endings reached and, per round number, how many times the group
    found no tactic it could choose.
    """
    engine = Engine(scenario)
    infos = tactic_infos(scenario)
    reached: set[str] = set()
    stuck: dict[int, int] = {}
    policies = list(POLICIES.values())
    seeds = run_seeds(seed, runs)
    for number, run_seed in enumerate(seeds):
        policy = policies[number % len(policies)]
        rng = random.Random(run_seed)  # noqa: S311 - seeded, reproducible draws
        policy_rng = random.Random(run_seed ^ 0x5EED)  # noqa: S311 - seeded, reproducible draws
        state = engine.new_state(rng)
        first = number % len(scenario.tactics)
        while not state.finished:
            obs = Observation(engine, state, infos)
            if not obs.options:
                stuck[obs.round] = stuck.get(obs.round, 0) + 1
                break
            choice = policy(obs, policy_rng)
            if obs.round == 1 and number < 2 * len(scenario.tactics):
                ids = [o.id for o in obs.options]
                preferred = scenario.tactics[first].id
                choice = preferred if preferred in ids else choice
            engine.step(state, scenario.tactic_index[choice], rng)
        if state.ending >= 0:
            reached.add(scenario.endings[state.ending].id)
    return reached, stuck


def check_scenario(
    scenario: Scenario, staircase: Staircase | None, known_links: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    path = scenario.path
    if staircase is not None:
        step_ids = {step.id for step in staircase.steps}
        for tactic in scenario.tactics:
            if tactic.step and tactic.step not in step_ids:
                problems.append(
                    error(
                        path,
                        line_of(scenario.text, f'"{tactic.step}"', tactic.line),
                        f"tactic '{tactic.id}': unknown staircase step '{tactic.step}'",
                    )
                )
    for link, line in _links(scenario):
        if link not in known_links:
            kind = link.split(":", 1)[0] if ":" in link else ""
            what = {"module": "module", "glossary": "glossary term"}.get(kind, "link")
            problems.append(error(path, line, f"unknown {what} '{link}'"))
    if not 6 <= len(scenario.rounds) <= 12:
        problems.append(
            warning(
                path,
                scenario.rounds[0].line if scenario.rounds else 1,
                f"{len(scenario.rounds)} rounds; a scenario plays best with 6 to 12",
            )
        )
    reached, stuck = explore(scenario)
    for ending in scenario.endings:
        if ending.id not in reached:
            problems.append(
                warning(
                    path,
                    ending.line,
                    f"ending '{ending.id}' was never reached in {EXPLORE_RUNS} simulated runs",
                )
            )
    for round_number in sorted(stuck):
        line = scenario.rounds[round_number - 1].line
        problems.append(error(path, line, f"round {round_number}: no tactic can be chosen"))
    problems.extend(_unread_measures(scenario))
    if not stuck:  # a recipe through a scenario that gets stuck measures nothing
        problems.extend(_recipe_warning(scenario))
    return problems


def check_scenarios(
    scenarios: dict[str, Scenario], staircase: Staircase | None, known_links: set[str]
) -> list[Problem]:
    """Problems in the loaded scenarios (see the module docstring)."""
    problems: list[Problem] = []
    for scenario in scenarios.values():
        try:
            problems.extend(check_scenario(scenario, staircase, known_links))
        except Exception as exc:
            problems.append(error(scenario.path, 1, f"the scenario could not be simulated: {exc}"))
    return problems
