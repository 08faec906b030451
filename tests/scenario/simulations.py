"""Seeded simulations shared by the scenario invariant tests, played once a session.

Every shipped scenario (found in ``content/scenarios``, so a new fight is tested as
soon as it lands) is played 2,000 times a case with its own fixed seed, so no single
lucky seed carries a result. The policies' runs are recorded (fired events, true
values) so the repression and ending tests read the same runs the strategy tests do.
"""

from __future__ import annotations

import gc
import tomllib
from pathlib import Path

import pytest
from tests.scenario.conftest import REWORK_PENDING

from teachin.scenario.engine import Engine
from teachin.scenario.model import Scenario
from teachin.scenario.policies import script
from teachin.scenario.probe import ProbeReport, probe
from teachin.scenario.simulate import Summary, simulate, simulate_policy

CONTENT = Path(__file__).resolve().parents[2] / "content"

RUNS = 2000
POLICIES = ("mass-action", "liberal", "social-democratic", "ultra-left", "random")
SEEDS = {
    "care-homes": 11,
    "transit-fares": 2024,
    "tuition-hike": 7,
    "tenants-retrofit": 99,
    "union-local": 2022,
}
DEFAULT_SEED = 4242  # a scenario not listed above (a new fight) plays on this one

PENDING_REASON = "issue 13: scenario rework in progress"


def shipped_ids() -> tuple[str, ...]:
    """The ids of the scenarios in ``content/scenarios`` (read at collection time)."""
    ids = []
    for path in sorted((CONTENT / "scenarios").glob("*.toml")):
        with path.open("rb") as file:
            ids.append(str(tomllib.load(file)["id"]))
    return tuple(ids)


SHIPPED = shipped_ids()


def pending_cases(*, all_pending: bool = False) -> list[object]:
    """Every shipped scenario id as a test case; one still being reworked (or, with
    ``all_pending``, any while one is) is expected to fail, not strictly."""
    pending = REWORK_PENDING & set(SHIPPED) if all_pending else set()
    cases: list[object] = []
    for scenario_id in SHIPPED:
        marks = []
        if scenario_id in REWORK_PENDING or pending:
            marks.append(pytest.mark.xfail(strict=False, reason=PENDING_REASON))
        cases.append(pytest.param(scenario_id, id=scenario_id, marks=marks))
    return cases


def seed_for(scenario_id: str) -> int:
    return SEEDS.get(scenario_id, DEFAULT_SEED)


_engines: dict[str, Engine] = {}
_policy_runs: dict[tuple[str, int, str], Summary] = {}
_probes: dict[str, ProbeReport] = {}
_scripts: dict[tuple[str, tuple[str, ...]], Summary] = {}


def engine_for(scenario: Scenario) -> Engine:
    if scenario.id not in _engines:
        _engines[scenario.id] = Engine(scenario)
    return _engines[scenario.id]


def policy_results(
    scenario: Scenario, seed: int | None = None, policies: tuple[str, ...] = POLICIES
) -> dict[str, Summary]:
    """Each policy's 2,000 recorded runs (cached for the session)."""
    seed = seed_for(scenario.id) if seed is None else seed
    engine = engine_for(scenario)
    result = {}
    played = False
    for policy in policies:
        key = (scenario.id, seed, policy)
        if key not in _policy_runs:
            _policy_runs[key] = simulate(scenario, policy, RUNS, seed, engine, record=True)
            played = True
        result[policy] = _policy_runs[key]
    if played:
        _out_of_the_collectors_sight()
    return result


def _out_of_the_collectors_sight() -> None:
    """Keeps the recorded runs just cached from slowing down every later test.

    The suite collects garbage after each test (tests/conftest.py), and a full
    collection scans every live object: the recorded runs of all the fights are
    hundreds of thousands of them, which made each later collection take about a
    second. ``gc.freeze`` moves every object alive after a collection out of the
    collector's sight for the rest of the session; called from a scenario test, where
    no Qt window is alive, that is the caches, the loaded scenarios and the few
    objects of the test itself.
    """
    gc.collect()
    gc.freeze()


def play_script(scenario: Scenario, recipe: tuple[str, ...]) -> Summary:
    """A fixed sequence played blind, 2,000 runs (ids the scenario lacks are never offered);
    cached for the session, as several tests play the same climb."""
    key = (scenario.id, recipe)
    if key not in _scripts:
        _scripts[key] = simulate_policy(
            scenario, script(recipe), "script", RUNS, seed_for(scenario.id), engine_for(scenario)
        )
    return _scripts[key]


# The probe screens every candidate on this many runs (enough to keep the good
# recipes among the finalists), then plays the finalists on 2,000 runs.
PROBE_CANDIDATES = 4500  # every hand-written family (3,338 recipes) and more
PROBE_SCREEN_RUNS = 12


def probe_report(scenario: Scenario) -> ProbeReport:
    """The recipe probe with 2,000 candidates (cached for the session)."""
    if scenario.id not in _probes:
        _probes[scenario.id] = probe(
            scenario,
            candidates=PROBE_CANDIDATES,
            seed=seed_for(scenario.id),
            screen_runs=PROBE_SCREEN_RUNS,
            final_runs=RUNS,
            engine=engine_for(scenario),
        )
    return _probes[scenario.id]
