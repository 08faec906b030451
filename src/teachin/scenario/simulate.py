"""Play a scenario many times with a policy and summarise the results."""

from __future__ import annotations

import gc
import random
from collections import Counter
from dataclasses import dataclass, field

from teachin.scenario.engine import Engine, State
from teachin.scenario.model import Scenario
from teachin.scenario.policies import (
    Observation,
    Policy,
    TacticInfo,
    get_policy,
    tactic_infos,
)


@dataclass
class Summary:
    scenario: str
    policy: str
    runs: int
    seed: int
    wins: int = 0
    partials: int = 0
    losses: int = 0
    mean_final: dict[str, float] = field(default_factory=dict)
    endings: Counter[str] = field(default_factory=Counter)
    steps: int = 0

    @property
    def rates(self) -> dict[str, float]:
        total = max(self.runs, 1)
        win = self.wins / total
        partial = self.partials / total
        return {"win": win, "partial": partial, "loss": self.losses / total}

    def to_json(self) -> dict[str, object]:
        return {
            "scenario": self.scenario,
            "policy": self.policy,
            "runs": self.runs,
            "seed": self.seed,
            "rates": self.rates,
            "mean_final": self.mean_final,
        }


def run_seeds(seed: int, runs: int) -> list[int]:
    """The seeds of the individual runs: a fixed function of ``seed``."""
    source = random.Random(seed)  # noqa: S311 - seeded, reproducible draws
    return [source.getrandbits(48) for _ in range(runs)]


def play_one(
    engine: Engine, policy: Policy, run_seed: int, infos: list[TacticInfo] | None = None
) -> tuple[State, list[str]]:
    """Play one run; returns the final state and the chosen tactic ids."""
    infos = infos or tactic_infos(engine.scenario)
    rng = random.Random(run_seed)  # noqa: S311 - seeded, reproducible draws
    policy_rng = random.Random(run_seed ^ 0x5EED)  # noqa: S311 - seeded, reproducible draws
    state = engine.new_state(rng)
    choices = []
    index_of = engine.scenario.tactic_index
    while not state.finished:
        obs = Observation(engine, state, infos)
        if not obs.options:
            break
        choice = policy(obs, policy_rng)
        choices.append(choice)
        engine.step(state, index_of[choice], rng)
    return state, choices


def simulate(
    scenario: Scenario,
    policy_name: str,
    runs: int,
    seed: int,
    engine: Engine | None = None,
) -> Summary:
    """Play ``runs`` seeded runs with the named policy."""
    return simulate_policy(
        scenario, get_policy(policy_name, scenario), policy_name, runs, seed, engine
    )


def simulate_policy(
    scenario: Scenario,
    policy: Policy,
    policy_name: str,
    runs: int,
    seed: int,
    engine: Engine | None = None,
) -> Summary:
    """Play ``runs`` seeded runs with ``policy`` (reported as ``policy_name``)."""
    engine = engine or Engine(scenario)
    infos = tactic_infos(scenario)
    index_of = scenario.tactic_index
    n = engine.n
    totals = [0.0] * n
    summary = Summary(scenario.id, policy_name, runs, seed)
    results: Counter[str] = Counter()
    endings = summary.endings
    steps = 0
    obs = None
    # Two generators reseeded for each run: the same draws as new ones
    # (``Random(x)`` is ``seed(x)`` on a fresh generator), without building them.
    rng = random.Random()  # noqa: S311 - seeded, reproducible draws
    policy_rng = random.Random()  # noqa: S311 - seeded, reproducible draws
    step = engine.step
    # How each ending counts, by state.ending (-1: the run ended without one).
    ending_ids = [e.id for e in scenario.endings] + ["(none)"]
    ending_results = [e.result for e in scenario.endings] + ["loss"]
    # The loop makes no reference cycles (every object it drops is freed at
    # once), so the cycle collector, set off by its many small lists, would only
    # spend time: a quarter of it and more, measured. Results do not depend on it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for run_seed in run_seeds(seed, runs):
            rng.seed(run_seed)
            policy_rng.seed(run_seed ^ 0x5EED)
            state = engine.new_state(rng)
            obs = Observation(engine, state, infos) if obs is None else obs.update(state)
            while not state.finished:
                if obs.stuck():
                    break
                step(state, index_of[policy(obs, policy_rng)], rng)
                steps += 1
                obs.update(state)
            values = state.values
            for i in range(n):
                totals[i] += values[i]
            results[ending_results[state.ending]] += 1
            endings[ending_ids[state.ending]] += 1
    finally:
        if collecting:
            gc.enable()
    summary.wins = results["win"]
    summary.partials = results["partial"]
    summary.losses = results["loss"]
    summary.steps = steps
    summary.mean_final = {
        m.id: (totals[i] / runs if runs else 0.0) for i, m in enumerate(scenario.measures)
    }
    return summary
