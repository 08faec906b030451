"""Play a scenario many times with a policy and summarise the results."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from teachin.scenario.engine import Engine
from teachin.scenario.model import Scenario
from teachin.scenario.policies import Observation, Policy, get_policy, tactic_infos


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
    endings: Counter = field(default_factory=Counter)
    steps: int = 0

    @property
    def rates(self) -> dict[str, float]:
        total = max(self.runs, 1)
        win = self.wins / total
        partial = self.partials / total
        return {"win": win, "partial": partial, "loss": self.losses / total}

    def to_json(self) -> dict:
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


def play_one(engine: Engine, policy: Policy, run_seed: int, infos=None) -> tuple[object, list[str]]:
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
    policy = get_policy(policy_name, scenario)
    engine = engine or Engine(scenario)
    infos = tactic_infos(scenario)
    index_of = scenario.tactic_index
    n = engine.n
    totals = [0.0] * n
    summary = Summary(scenario.id, policy_name, runs, seed)
    results = Counter()
    endings = summary.endings
    steps = 0
    obs = None
    for run_seed in run_seeds(seed, runs):
        rng = random.Random(run_seed)  # noqa: S311 - seeded, reproducible draws
        policy_rng = random.Random(run_seed ^ 0x5EED)  # noqa: S311 - seeded, reproducible draws
        state = engine.new_state(rng)
        obs = Observation(engine, state, infos) if obs is None else obs.update(state)
        while not state.finished:
            if obs.stuck():
                break
            engine.step(state, index_of[policy(obs, policy_rng)], rng)
            steps += 1
            obs.update(state)
        values = state.values
        for i in range(n):
            totals[i] += values[i]
        results[engine.result(state)] += 1
        endings[scenario.endings[state.ending].id if state.ending >= 0 else "(none)"] += 1
    summary.wins = results["win"]
    summary.partials = results["partial"]
    summary.losses = results["loss"]
    summary.steps = steps
    summary.mean_final = {
        m.id: (totals[i] / runs if runs else 0.0) for i, m in enumerate(scenario.measures)
    }
    return summary
