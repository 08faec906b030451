"""Built-in policies: groups that play each strategy.

A policy sees only what a group at the laptop sees: the round, the visible
measures, which tactics are open, what kind of move each is, what it builds, and
whether the group is ready for it (the readiness text shown on screen). It never
sees hidden measures or the coming random draws.

- ``liberal``: lobbies and persuades with the low, safe steps; takes a deal.
- ``social-democratic``: backs a candidate, hands the fight to staff, lobbies,
  calls out supporters for a big demonstration; takes a deal.
- ``ultra-left``: a committed few act militantly and jump to the top of the
  staircase, skipping the slow work; refuses deals.
- ``mass-action``: builds the base (one-on-ones, committees, assemblies, structure
  tests, allies) and climbs the staircase a step at a time when ready; refuses
  deals unless the deadline has come with too little pressure.
- ``random``: any open tactic, at random.
- ``always:TACTIC``: that tactic whenever it is open, else the first open one.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from teachin.scenario.engine import READY, Engine, State
from teachin.scenario.model import Scenario

POLICY_NAMES = ("liberal", "social-democratic", "ultra-left", "mass-action", "random")


@dataclass(frozen=True)
class TacticInfo:
    """What a group can read about a tactic on screen (no effects, no numbers)."""

    id: str
    kind: str
    step: int
    builds: tuple[str, ...]
    order: int


class Observation:
    """The visible situation at the start of a round."""

    __slots__ = (
        "_cache",
        "_engine",
        "_measures",
        "_state",
        "climbed",
        "options",
        "round",
        "rounds",
    )

    def __init__(self, engine: Engine, state: State, infos: list[TacticInfo]) -> None:
        self._engine = engine
        self._state = state
        values = state.values
        self.round = int(values[engine.i_round])
        self.rounds = engine.rounds
        self.climbed = int(values[engine.i_climbed])
        self._measures: dict[str, float] | None = None
        self.options = [infos[i] for i in engine.choosable(state)]
        self._cache: dict[int, float] = {}

    @property
    def measures(self) -> dict[str, float]:
        """The visible measures (hidden ones are never included)."""
        if self._measures is None:
            values = self._state.values
            self._measures = {measure_id: values[i] for measure_id, i in self._engine.visible}
        return self._measures

    def ready(self, info: TacticInfo) -> float:
        """Share of the tactic's needs met, as the readiness text shows it."""
        cached = self._cache.get(info.order)
        if cached is None:
            cached = self._cache[info.order] = self._engine.readiness(self._state, info.order)
        return cached

    def times(self, info: TacticInfo) -> int:
        """How often the group has already done this (the group remembers)."""
        return self._state.times[info.order]


Policy = Callable[[Observation, random.Random], str]


def tactic_infos(scenario: Scenario) -> list[TacticInfo]:
    return [
        TacticInfo(t.id, t.kind, t.step_index, t.builds, i) for i, t in enumerate(scenario.tactics)
    ]


def _least_used(obs: Observation, options: list[TacticInfo]) -> TacticInfo:
    return min(options, key=lambda o: (obs.times(o), o.order))


def _deal(obs: Observation) -> TacticInfo | None:
    for option in obs.options:
        if option.kind == "deal":
            return option
    return None


def liberal(obs: Observation, rng: random.Random) -> str:
    deal = _deal(obs)
    if deal is not None:
        return deal.id
    menu = [o for o in obs.options if o.kind == "lobbying" or (o.kind == "step" and o.step <= 5)]
    if not menu:
        return obs.options[0].id
    # Persuading decision makers: lobby first, then petitions, teach-ins,
    # symbolic actions and demonstrations aimed at politicians, in turn.
    lobby = [o for o in menu if o.kind == "lobbying"]
    if lobby and min(obs.times(o) for o in lobby) <= min(obs.times(o) for o in menu):
        return _least_used(obs, lobby).id
    return _least_used(obs, menu).id


def social_democratic(obs: Observation, rng: random.Random) -> str:
    deal = _deal(obs)
    if deal is not None:
        return deal.id
    electoral = [o for o in obs.options if o.kind == "electoral"]
    staff = [o for o in obs.options if o.kind == "staff"]
    lobby = [o for o in obs.options if o.kind == "lobbying"]
    rally = [o for o in obs.options if o.kind == "step" and o.step in (5, 6)]
    for group in (electoral, staff):
        fresh = [o for o in group if obs.times(o) == 0]
        if fresh:
            return fresh[0].id
    # Then the routine: officials bargain, advocates lobby, supporters rally.
    menu = staff + lobby + rally + electoral
    if not menu:
        return obs.options[0].id
    return _least_used(obs, menu).id


def ultra_left(obs: Observation, rng: random.Random) -> str:
    militant = [o for o in obs.options if o.kind == "militant"]
    high = [o for o in obs.options if o.kind == "step" and o.step >= 7]
    menu = militant + high
    if not menu:
        menu = [o for o in obs.options if o.kind != "deal"] or obs.options
    # Militant action by the committed few, again and again, with a leap to the
    # top of the staircase now and then.
    if militant and (not high or obs.round % 3 != 0):
        return _least_used(obs, militant).id
    return _least_used(obs, menu).id


def mass_action(obs: Observation, rng: random.Random) -> str:
    remaining = obs.rounds - obs.round
    measures = obs.measures
    steps = [o for o in obs.options if o.kind == "step"]
    climbed = obs.climbed
    higher = [o for o in steps if o.step > climbed and obs.ready(o) >= READY]
    base_built = measures.get("support", 0) >= 45 and measures.get("organization", 0) >= 30
    if higher:
        best = max(higher, key=lambda o: o.step)
        # Climb when the base is ready for a step that matters; early on, the
        # lowest steps wait while the base is built.
        if best.step >= 5 or base_built:
            return best.id
    if remaining <= 1 and climbed >= 5:
        # The deadline is close: use the strongest step the base is ready for.
        ready_steps = [o for o in steps if obs.ready(o) >= READY]
        if ready_steps:
            return max(ready_steps, key=lambda o: o.step).id
    deal = _deal(obs)
    if deal is not None and remaining == 0:
        # Nothing strong is ready and time is up: take what is on the table.
        return deal.id
    organizing = [o for o in obs.options if o.kind == "organizing"]
    if not organizing:
        ready_steps = [o for o in steps if obs.ready(o) >= READY]
        return (max(ready_steps, key=lambda o: o.step) if ready_steps else obs.options[0]).id

    def need(o: TacticInfo) -> float:
        gap = sum(1.0 - measures.get(m, 100.0) / 100.0 for m in o.builds) / max(len(o.builds), 1)
        return gap / (1.0 + 0.6 * obs.times(o)) * (obs.ready(o) + 0.2)

    return max(organizing, key=need).id


def random_policy(obs: Observation, rng: random.Random) -> str:
    return obs.options[rng.randrange(len(obs.options))].id


def always(tactic_id: str) -> Policy:
    def policy(obs: Observation, rng: random.Random) -> str:
        for option in obs.options:
            if option.id == tactic_id:
                return tactic_id
        return obs.options[0].id

    policy.__name__ = f"always:{tactic_id}"
    return policy


POLICIES: dict[str, Policy] = {
    "liberal": liberal,
    "social-democratic": social_democratic,
    "ultra-left": ultra_left,
    "mass-action": mass_action,
    "random": random_policy,
}


def get_policy(name: str, scenario: Scenario) -> Policy:
    """The policy called ``name``; ValueError with a plain message otherwise."""
    if name.startswith("always:"):
        tactic_id = name.split(":", 1)[1]
        if tactic_id not in scenario.tactic_index:
            known = ", ".join(t.id for t in scenario.tactics)
            raise ValueError(
                f"scenario '{scenario.id}' has no tactic '{tactic_id}' (tactics: {known})"
            )
        return always(tactic_id)
    if name not in POLICIES:
        raise ValueError(
            f"unknown policy '{name}' (use {', '.join(POLICY_NAMES)} or always:TACTIC)"
        )
    return POLICIES[name]
