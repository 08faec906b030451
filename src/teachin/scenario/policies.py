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

from teachin.scenario.engine import Engine, State
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
    """The visible situation at the start of a round.

    One Observation can be reused for a whole run: :meth:`update` points it at the
    current state (the simulator does this to avoid building a new one each round).
    """

    __slots__ = (
        "_by_round",
        "_cache",
        "_engine",
        "_infos",
        "_measures",
        "_options",
        "_state",
        "climbed",
        "round",
        "rounds",
    )

    def __init__(self, engine: Engine, state: State, infos: list[TacticInfo]) -> None:
        self._engine = engine
        self._infos = infos
        self.rounds = engine.rounds
        # Per round and kind: the tactics always offered, and those with a condition.
        self._by_round: list[dict[str, tuple[tuple, tuple]]] = []
        for offer, _ in engine.round_offer:
            kinds: dict[str, tuple[list, list]] = {}
            for index in offer:
                info = infos[index]
                always, conditional = kinds.setdefault(info.kind, ([], []))
                if engine.tactic_available[index] is None:
                    always.append(info)
                else:
                    conditional.append(info)
            self._by_round.append({k: (tuple(a), tuple(c)) for k, (a, c) in kinds.items()})
        self.update(state)

    def update(self, state: State) -> Observation:
        self._state = state
        values = state.values
        self.round = int(values[self._engine.i_round])
        self.climbed = int(values[self._engine.i_climbed])
        self._measures: dict[str, float] | None = None
        self._options: list[TacticInfo] | None = None
        self._cache: dict[int, float] = {}
        return self

    @property
    def options(self) -> list[TacticInfo]:
        """Every tactic the group may choose now, in file order."""
        if self._options is None:
            infos = self._infos
            self._options = [infos[i] for i in self._engine.choosable(self._state)]
        return self._options

    def stuck(self) -> bool:
        """True when the round offers nothing the group can choose."""
        if self._state.finished:
            return True
        kinds = self._by_round[min(self.round, self.rounds) - 1]
        if any(always for always, _ in kinds.values()):
            return False
        return not self.options

    def of_kind(self, kind: str) -> list[TacticInfo]:
        """The tactics of one kind the group may choose now, in file order."""
        if self._state.finished:
            return []
        always, conditional = self._by_round[min(self.round, self.rounds) - 1].get(kind, ((), ()))
        if not conditional:
            return list(always)
        engine = self._engine
        state = self._state
        values = state.values
        result = list(always)
        for info in conditional:
            values[engine.i_times] = state.times[info.order]
            values[engine.i_step] = info.step
            if engine.tactic_available[info.order](values):
                result.append(info)
        result.sort(key=lambda info: info.order)
        return result

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

    def is_ready(self, info: TacticInfo) -> bool:
        """Whether every need of the tactic is met (the text says "Ready")."""
        return self._engine.is_ready(self._state, info.order)

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
    deals = obs.of_kind("deal")
    return deals[0] if deals else None


def _first(obs: Observation) -> str:
    return obs.options[0].id


def liberal(obs: Observation, rng: random.Random) -> str:
    deal = _deal(obs)
    if deal is not None:
        return deal.id
    lobby = obs.of_kind("lobbying")
    low = [o for o in obs.of_kind("step") if o.step <= 5]
    menu = sorted(lobby + low, key=lambda o: o.order)
    if not menu:
        return _first(obs)
    # Persuading decision makers: lobby first, then petitions, teach-ins,
    # symbolic actions and demonstrations aimed at politicians, in turn.
    if lobby and min(obs.times(o) for o in lobby) <= min(obs.times(o) for o in menu):
        return _least_used(obs, lobby).id
    return _least_used(obs, menu).id


def social_democratic(obs: Observation, rng: random.Random) -> str:
    deal = _deal(obs)
    if deal is not None:
        return deal.id
    electoral = obs.of_kind("electoral")
    staff = obs.of_kind("staff")
    for group in (electoral, staff):
        fresh = [o for o in group if obs.times(o) == 0]
        if fresh:
            return fresh[0].id
    lobby = obs.of_kind("lobbying")
    rally = [o for o in obs.of_kind("step") if o.step in (5, 6)]
    # Then the routine: officials bargain, advocates lobby, supporters rally.
    menu = staff + lobby + rally + electoral
    if not menu:
        return _first(obs)
    return _least_used(obs, menu).id


def ultra_left(obs: Observation, rng: random.Random) -> str:
    militant = obs.of_kind("militant")
    high = [o for o in obs.of_kind("step") if o.step >= 7]
    # Militant action by the committed few, again and again, with a leap to the
    # top of the staircase now and then.
    if militant and (not high or obs.round % 3 != 0):
        return _least_used(obs, militant).id
    menu = sorted(militant + high, key=lambda o: o.order)
    if not menu:
        menu = [o for o in obs.options if o.kind != "deal"] or obs.options
    return _least_used(obs, menu).id


def mass_action(obs: Observation, rng: random.Random) -> str:
    remaining = obs.rounds - obs.round
    steps = obs.of_kind("step")
    climbed = obs.climbed
    is_ready = obs.is_ready
    higher = [o for o in steps if o.step > climbed and is_ready(o)]
    measures = obs.measures
    if higher:
        best = max(higher, key=_step_of)
        # Climb when the base is ready for a step that matters; early on, the
        # lowest steps wait while the base is built.
        if best.step >= 5 or (
            measures.get("support", 0) >= 45 and measures.get("organization", 0) >= 30
        ):
            return best.id
    if remaining <= 1 and climbed >= 5:
        # The deadline is close: use the strongest step the base is ready for.
        ready_steps = [o for o in steps if obs.is_ready(o)]
        if ready_steps:
            return max(ready_steps, key=_step_of).id
    if remaining == 0:
        deal = _deal(obs)
        if deal is not None:
            # Nothing strong is ready and time is up: take what is on the table.
            return deal.id
    organizing = obs.of_kind("organizing")
    if not organizing:
        ready_steps = [o for o in steps if obs.is_ready(o)]
        return max(ready_steps, key=_step_of).id if ready_steps else _first(obs)

    # Organize where the base is weakest, varying the moves.
    best_info = organizing[0]
    best_score = -1.0
    for o in organizing:
        builds = o.builds
        gap = 0.0
        if builds:
            for m in builds:
                gap += 1.0 - measures.get(m, 100.0) / 100.0
            gap /= len(builds)
        score = gap / (1.0 + 0.6 * obs.times(o)) * (obs.ready(o) + 0.2)
        if score > best_score:
            best_info, best_score = o, score
    return best_info.id


def _step_of(info: TacticInfo) -> int:
    return info.step


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
