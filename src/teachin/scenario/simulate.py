"""Play a scenario many times with a policy and summarise the results."""

from __future__ import annotations

import gc
import random
from collections import Counter
from dataclasses import dataclass, field

from teachin.scenario.engine import Engine, LogEntry, State
from teachin.scenario.model import Scenario
from teachin.scenario.policies import (
    Observation,
    Policy,
    TacticInfo,
    get_policy,
    tactic_infos,
)


@dataclass(frozen=True)
class FiredEvent:
    """An event that fired in a recorded run, and the true measures it met."""

    round: int
    event: int  # index into scenario.events
    before: tuple[float, ...]  # every measure (hidden ones too) just before it fired
    changes: dict[str, float]  # what it changed, by measure id


@dataclass(frozen=True)
class RunRecord:
    """One recorded run: how it ended and every event that fired on the way."""

    values: tuple[float, ...]  # the final state: the measures, then the engine values
    climbed: int  # the highest staircase step climbed
    ending: int  # index into scenario.endings; -1 when the run ended without one
    events: tuple[FiredEvent, ...]


class _EventRecorder(list[LogEntry]):
    """The engine's log of one run, keeping only the events that fired.

    The engine logs an event's draw just before it applies the event, so the
    values at that moment are the ones the event's effects read: they are noted
    then, and kept if the event fires.
    """

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self._n = engine.n
        self._i_round = engine.i_round
        self._values: list[float] = []
        self._seen: tuple[float, ...] = ()
        self.fired: list[FiredEvent] = []

    def start(self, state: State) -> None:
        self._values = state.values
        self.fired = []

    def append(self, entry: LogEntry) -> None:
        name, value = entry
        if isinstance(value, tuple):  # ("fired", (event index, changes))
            number, changes = value
            round_number = int(self._values[self._i_round])
            self.fired.append(FiredEvent(round_number, number, self._seen, changes))
        elif name.startswith("event:"):
            self._seen = tuple(self._values[: self._n])


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
    # Every run, recorded (only when simulate_policy is asked to record).
    records: list[RunRecord] | None = None

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
    *,
    record: bool = False,
) -> Summary:
    """Play ``runs`` seeded runs with the named policy (see :func:`simulate_policy`)."""
    policy = get_policy(policy_name, scenario)
    return simulate_policy(scenario, policy, policy_name, runs, seed, engine, record=record)


def simulate_policy(
    scenario: Scenario,
    policy: Policy,
    policy_name: str,
    runs: int,
    seed: int,
    engine: Engine | None = None,
    *,
    record: bool = False,
) -> Summary:
    """Play ``runs`` seeded runs with ``policy`` (reported as ``policy_name``).

    With ``record``, the summary's ``records`` hold every run's end and fired
    events (true values, for tests and authors; it costs a little time per event).
    """
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
    recorder = _EventRecorder(engine) if record else None
    records: list[RunRecord] | None = [] if record else None
    i_climbed = engine.i_climbed
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
            if recorder is not None:
                recorder.start(state)
            while not state.finished:
                if obs.stuck():
                    break
                step(state, index_of[policy(obs, policy_rng)], rng, recorder)
                steps += 1
                obs.update(state)
            values = state.values
            if records is not None and recorder is not None:
                climbed = int(values[i_climbed])
                fired = tuple(recorder.fired)
                records.append(RunRecord(tuple(values), climbed, state.ending, fired))
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
    summary.records = records
    summary.mean_final = {
        m.id: (totals[i] / runs if runs else 0.0) for i, m in enumerate(scenario.measures)
    }
    return summary
