"""The scenario engine: apply a group's choices round by round.

Two ways in:

- :class:`Engine` is the lean core the simulator drives thousands of times a
  second (:meth:`Engine.new_state`, :meth:`Engine.step`).
- :class:`Run` wraps it for a group at a laptop (and for run files): it records
  every step with the random draws, the state before and after and the
  explanation, can go back to an earlier round and branch (keeping the abandoned
  branch), and describes the end (fingerprint, turning points).

One round, in order:

1. the tactic's readiness is worked out from its needs (share of needs met);
2. one random number ``roll`` is drawn, then the tactic's effects are applied
   (all computed from the state before, then added and clamped to bounds);
3. a staircase step done fully ready counts as climbed;
4. each event whose conditions hold draws a random number and fires if it is
   below its chance (file order);
5. the ``every_round`` effects apply (pressure fading, fatigue, ...);
6. early endings are checked; after the last round every ending is checked in
   file order and the first that holds ends the scenario.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from teachin.scenario.expressions import Fn, specialize
from teachin.scenario.model import ENGINE_NAMES, Effect, Ending, Need, Round, Scenario, Tactic

if TYPE_CHECKING:
    from teachin.scenario.fingerprint import Fingerprint, TurningPoint

READY = 0.999  # readiness at or above this counts as "ready"


@dataclass
class State:
    """Everything that changes during a run. ``values`` holds the measures first,
    then the engine values (round, rounds, ready, times, step, climbed, roll)."""

    values: list[float]
    times: list[int]
    fired: list[int]
    ending: int = -1  # index into scenario.endings; -1 while running
    finished: bool = False

    def copy(self) -> State:
        return State(self.values[:], self.times[:], self.fired[:], self.ending, self.finished)


@dataclass(frozen=True)
class EventOutcome:
    id: str
    kind: str
    title: str
    text: str
    explain: str
    concept: str
    deltas: dict[str, float]


@dataclass(frozen=True)
class Consequence:
    """What a choice led to, for the player window and the run file."""

    round: int
    tactic: str
    label: str
    ready: float
    ready_text: str
    narrative: str
    explain: str
    concept: str
    before: dict[str, float]
    after: dict[str, float]
    events: tuple[EventOutcome, ...]
    climbed: int  # staircase steps climbed so far (0 = none)
    step: int  # the staircase step this tactic stands on (0 = not a step)
    draws: tuple[tuple[str, float], ...]
    ending: str | None = None
    result: str | None = None

    @property
    def deltas(self) -> dict[str, float]:
        return {k: round(self.after[k] - self.before[k], 6) for k in self.before}


@dataclass(frozen=True)
class Option:
    """A tactic the group can choose this round, as the group sees it."""

    id: str
    label: str
    kind: str
    description: str
    step: int
    builds: tuple[str, ...]
    ready: float
    ready_text: str
    times: int


# Compiled pieces of a scenario; each reads (and an applier writes) a value list.
Applier = Callable[[list[float]], None]
Counter = Callable[[list[float]], int]
Check = Callable[[list[float]], bool]
# An effect as the appliers take it: (index, fn, constant or None, low, high) ...
EffectRow = tuple[int, Fn, float | None, float, float]
# ... and one that is always called: (index, fn, low, high).
CallRow = tuple[int, Fn, float, float]
# What Engine.step logs: ("roll", draw), ("event:<id>", draw) and
# ("fired", (event index, {measure: change})).
LogEntry = tuple[str, float] | tuple[str, tuple[int, dict[str, float]]]


def _applier(effects: tuple[EffectRow, ...]) -> Applier | None:
    """A function that applies ``effects`` (index, fn, constant, low, high) to a
    value list: every change computed from the values before, then added and
    clamped (a result that is not a number, NaN, becomes the lower bound).
    ``constant`` is the effect's value when it is a plain number (else None):
    those are added without a call. Unrolled for the common small cases; None
    when there is nothing to apply."""
    if not effects:
        return None
    indexes = [e[0] for e in effects]
    if len(set(indexes)) != len(indexes):
        # The same measure twice: keep the order of the additions exactly.
        return _calls_applier(tuple((i, fn, low, high) for i, fn, _, low, high in effects))
    # Each measure is changed once, so the order of the writes does not matter:
    # the computed changes (which read the values before) are applied first,
    # then the plain numbers (which read nothing).
    calls = _calls_applier(
        tuple((i, fn, low, high) for i, fn, c, low, high in effects if c is None)
    )
    fixed = tuple((i, c, low, high) for i, _, c, low, high in effects if c is not None)
    if not fixed:
        return calls
    if len(fixed) == 1:
        ((i0, c0, lo0, hi0),) = fixed
        if calls is None:

            def add1(values: list[float]) -> None:
                x = values[i0] + c0
                values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0

            return add1

        def calls_add1(values: list[float]) -> None:
            calls(values)
            x = values[i0] + c0
            values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0

        return calls_add1
    if calls is None:

        def add_many(values: list[float]) -> None:
            for i, c, low, high in fixed:
                x = values[i] + c
                values[i] = high if x > high else x if x >= low else low

        return add_many

    def calls_add_many(values: list[float]) -> None:
        calls(values)
        for i, c, low, high in fixed:
            x = values[i] + c
            values[i] = high if x > high else x if x >= low else low

    return calls_add_many


def _calls_applier(effects: tuple[CallRow, ...]) -> Applier | None:
    """:func:`_applier` for effects (index, fn, low, high) that are all called."""
    if not effects:
        return None
    if len(effects) == 1:
        ((i0, f0, lo0, hi0),) = effects

        def apply1(values: list[float]) -> None:
            x = values[i0] + f0(values)
            values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0

        return apply1
    if len(effects) == 2:
        (i0, f0, lo0, hi0), (i1, f1, lo1, hi1) = effects

        def apply2(values: list[float]) -> None:
            d0 = f0(values)
            d1 = f1(values)
            x = values[i0] + d0
            values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0
            x = values[i1] + d1
            values[i1] = hi1 if x > hi1 else x if x >= lo1 else lo1

        return apply2
    if len(effects) == 3:
        (i0, f0, lo0, hi0), (i1, f1, lo1, hi1), (i2, f2, lo2, hi2) = effects

        def apply3(values: list[float]) -> None:
            d0 = f0(values)
            d1 = f1(values)
            d2 = f2(values)
            x = values[i0] + d0
            values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0
            x = values[i1] + d1
            values[i1] = hi1 if x > hi1 else x if x >= lo1 else lo1
            x = values[i2] + d2
            values[i2] = hi2 if x > hi2 else x if x >= lo2 else lo2

        return apply3

    functions = tuple(fn for _, fn, _, _ in effects)
    targets = tuple((i, low, high) for i, _, low, high in effects)

    def apply_many(values: list[float]) -> None:
        deltas = [fn(values) for fn in functions]
        for (i, low, high), delta in zip(targets, deltas):  # noqa: B905 - same length by construction
            x = values[i] + delta
            values[i] = high if x > high else x if x >= low else low

    return apply_many


def _counter(needs: tuple[Need, ...]) -> Counter | None:
    """One closure that counts the needs met (int), None when there are none.

    Needs written ``name >= number`` (nearly all of them) are read and compared
    inline, so counting four needs costs one call instead of four."""
    if not needs:
        return None
    simple = [need.when.compare for need in needs]
    at_least = [c for c in simple if c is not None and c[1] == ">="]
    if len(at_least) == len(simple):
        pairs = [(i, c) for i, _, c in at_least]
        if len(pairs) == 1:
            ((a, ca),) = pairs
            return lambda v: 1 if v[a] >= ca else 0
        if len(pairs) == 2:
            (a, ca), (b, cb) = pairs
            return lambda v: (v[a] >= ca) + (v[b] >= cb)
        if len(pairs) == 3:
            (a, ca), (b, cb), (c, cc) = pairs
            return lambda v: (v[a] >= ca) + (v[b] >= cb) + (v[c] >= cc)
        if len(pairs) == 4:
            (a, ca), (b, cb), (c, cc), (d, cd) = pairs
            return lambda v: (v[a] >= ca) + (v[b] >= cb) + (v[c] >= cc) + (v[d] >= cd)
        if len(pairs) == 5:
            (a, ca), (b, cb), (c, cc), (d, cd), (e, ce) = pairs
            return lambda v: (
                (v[a] >= ca) + (v[b] >= cb) + (v[c] >= cc) + (v[d] >= cd) + (v[e] >= ce)
            )
    fns = tuple(need.when.fn for need in needs)

    def count(v: list[float]) -> int:
        met = 0
        for need in fns:
            if need(v):
                met += 1
        return met

    return count


def _all_met(needs: tuple[Need, ...]) -> Check | None:
    """One closure, true when every need is met (stops at the first unmet one);
    None when there are none. ``name >= number`` needs are compared inline."""
    if not needs:
        return None
    simple = [need.when.compare for need in needs]
    at_least = [c for c in simple if c is not None and c[1] == ">="]
    if len(at_least) == len(simple):
        pairs = [(i, c) for i, _, c in at_least]
        if len(pairs) == 1:
            ((a, ca),) = pairs
            return lambda v: v[a] >= ca
        if len(pairs) == 2:
            (a, ca), (b, cb) = pairs
            return lambda v: v[a] >= ca and v[b] >= cb
        if len(pairs) == 3:
            (a, ca), (b, cb), (c, cc) = pairs
            return lambda v: v[a] >= ca and v[b] >= cb and v[c] >= cc
        if len(pairs) == 4:
            (a, ca), (b, cb), (c, cc), (d, cd) = pairs
            return lambda v: v[a] >= ca and v[b] >= cb and v[c] >= cc and v[d] >= cd
        if len(pairs) == 5:
            (a, ca), (b, cb), (c, cc), (d, cd), (e, ce) = pairs
            return lambda v: v[a] >= ca and v[b] >= cb and v[c] >= cc and v[d] >= cd and v[e] >= ce
    fns = tuple(need.when.fn for need in needs)
    return lambda v: all(need(v) for need in fns)


class _Unbuilt(Enum):
    """A tactic's applier for one readiness, not compiled yet."""

    TOKEN = 0


_UNBUILT = _Unbuilt.TOKEN


class Engine:
    """A compiled scenario, ready to run many times."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        n = len(scenario.measures)
        self.n = n
        names = scenario.names
        self.i_round = names["round"]
        self.i_rounds = names["rounds"]
        self.i_ready = names["ready"]
        self.i_times = names["times"]
        self.i_step = names["step"]
        self.i_climbed = names["climbed"]
        self.i_roll = names["roll"]
        self.size = n + len(ENGINE_NAMES)
        self.low = [m.low for m in scenario.measures]
        self.high = [m.high for m in scenario.measures]
        self.rounds = len(scenario.rounds)

        def effects(items: tuple[Effect, ...]) -> tuple[EffectRow, ...]:
            return tuple(
                (
                    e.index,
                    e.expression.fn,
                    e.expression.constant,
                    self.low[e.index],
                    self.high[e.index],
                )
                for e in items
            )

        ending_index = {e.id: i for i, e in enumerate(scenario.endings)}
        event_index = {e.id: i for i, e in enumerate(scenario.events)}
        self.tactic_effects = [effects(t.effects) for t in scenario.tactics]
        self.tactic_needs = [tuple(need.when.fn for need in t.needs) for t in scenario.tactics]
        self.tactic_count = [_counter(t.needs) for t in scenario.tactics]
        self.tactic_need_total = [len(t.needs) for t in scenario.tactics]
        self.tactic_all_met = [_all_met(t.needs) for t in scenario.tactics]
        # A tactic's effects, compiled for each possible readiness (needs met:
        # 0, 1, ... all; one entry when it has no needs): most effects depend
        # on readiness only, so they become plain numbers (see
        # expressions.specialize). Compiled on first use.
        self.tactic_apply_by_met: list[list[Applier | _Unbuilt | None]] = [
            [_UNBUILT] * (len(t.needs) + 1 if t.needs else 1) for t in scenario.tactics
        ]
        # Whether a tactic's needs read "times" or "step", which must be set first.
        self.needs_context = [
            any({"times", "step"} & need.when.names for need in t.needs) for t in scenario.tactics
        ]
        self.tactic_available = [t.available.fn if t.available else None for t in scenario.tactics]
        self.tactic_step = [t.step_index for t in scenario.tactics]
        self.tactic_ends = [
            ending_index.get(t.ends, -1) if t.ends else -1 for t in scenario.tactics
        ]
        self.events = [
            (
                e.when.fn if e.when else None,
                e.chance.fn,
                e.once,
                event_index.get(e.after, -1) if e.after else -1,
                effects(e.effects),
                ending_index.get(e.ends, -1) if e.ends else -1,
            )
            for e in scenario.events
        ]
        # The same, flattened for the round loop: a fixed chance is read, not called.
        # Per event: (number, when, gate, rest). ``gate`` is (once, after) for the
        # few events that have either, else None; ``rest`` (chance, fixed chance,
        # effects, ending) is unpacked only for an event whose condition holds.
        # Most events are skipped on their condition, so each skip costs little.
        self.event_table = tuple(
            (
                number,
                when,
                (once, after) if once or after >= 0 else None,
                (chance, e.chance.constant, _applier(fx), ends),
            )
            for number, ((when, chance, once, after, fx, ends), e) in enumerate(
                zip(self.events, scenario.events, strict=True)
            )
        )
        self.every_round = effects(scenario.every_round)
        self.every_round_apply = _applier(self.every_round)
        self.early = [(i, e.when.fn) for i, e in enumerate(scenario.endings) if e.early]
        self.final = [(i, e.when.fn) for i, e in enumerate(scenario.endings)]
        self.round_effects = [effects(r.effects) for r in scenario.rounds]
        self.round_apply = [_applier(fx) for fx in self.round_effects]
        all_ids = range(len(scenario.tactics))
        offers = [
            tuple(scenario.tactic_index[t] for t in r.tactics) if r.tactics else tuple(all_ids)
            for r in scenario.rounds
        ]
        self.round_offer = [
            (offer, any(self.tactic_available[i] is not None for i in offer)) for offer in offers
        ]
        self.visible = [(m.id, i) for i, m in enumerate(scenario.measures) if m.visible]
        # A new run's values before the random start draws (new_state copies it),
        # and the measures that start with a draw, in file order.
        start_values = [0.0] * self.size
        for i, m in enumerate(scenario.measures):
            start_values[i] = m.start
        start_values[self.i_round] = 1.0
        start_values[self.i_rounds] = float(self.rounds)
        self.start_values = start_values
        self.start_spread = tuple(
            (i, m.start, m.spread, m.low, m.high, m.id)
            for i, m in enumerate(scenario.measures)
            if m.spread
        )
        self.tactic_count_total = len(scenario.tactics)
        self._open_cache: dict[tuple[int, frozenset[int]], tuple[int, ...]] = {}
        self.event_count_total = len(scenario.events)
        # Per round: the offered tactics that have a condition (index, check).
        self.round_checks = [
            tuple((i, check) for i in offer if (check := self.tactic_available[i]) is not None)
            for offer, _ in self.round_offer
        ]
        self.measure_ids = [m.id for m in scenario.measures]

    # -- state ---------------------------------------------------------------------------
    def new_state(self, rng: random.Random, draws: list[tuple[str, float]] | None = None) -> State:
        values = self.start_values[:]
        random_ = rng.random
        for i, start, spread, low, high, measure_id in self.start_spread:
            draw = random_()
            if draws is not None:
                draws.append((f"start:{measure_id}", draw))
            value = start + (2 * draw - 1) * spread
            values[i] = min(max(value, low), high)
        state = State(values, [0] * self.tactic_count_total, [0] * self.event_count_total)
        if self.round_apply[0] is not None:
            self.round_apply[0](values)
        return state

    # -- what can be chosen --------------------------------------------------------------
    def choosable(self, state: State) -> list[int]:
        """Indexes of the tactics the group may choose this round."""
        return list(self.open_now(state))

    def open_now(self, state: State) -> tuple[int, ...]:
        """:meth:`choosable` as a shared tuple (the same object for the same
        answer in the same round, so callers can remember what they derive)."""
        if state.finished:
            return ()
        values = state.values
        position = min(int(values[self.i_round]), self.rounds) - 1
        offer, conditional = self.round_offer[position]
        if not conditional:
            return offer
        # Test only the tactics with a condition (usually one or two of many).
        closed: set[int] | None = None
        times = state.times
        for index, check in self.round_checks[position]:
            values[self.i_times] = times[index]
            values[self.i_step] = self.tactic_step[index]
            if not check(values):
                if closed is None:
                    closed = set()
                closed.add(index)
        if closed is None:
            return offer
        return self.open_tactics(position, closed)

    def open_tactics(self, position: int, closed: set[int]) -> tuple[int, ...]:
        """Round ``position``'s offer without the ``closed`` tactics, in order
        (remembered: the same few tactics are closed round after round)."""
        key = (position, frozenset(closed))
        result = self._open_cache.get(key)
        if result is None:
            offer = self.round_offer[position][0]
            result = self._open_cache[key] = tuple(i for i in offer if i not in closed)
        return result

    def needs_met(self, state: State, index: int) -> int:
        """How many of the tactic's needs are met now."""
        count = self.tactic_count[index]
        if count is None:
            return 0
        values = state.values
        if self.needs_context[index]:
            values[self.i_times] = state.times[index]
            values[self.i_step] = self.tactic_step[index]
        return count(values)

    def readiness(self, state: State, index: int) -> float:
        """Share of the tactic's needs met now (0 to 1)."""
        total = self.tactic_need_total[index]
        if not total:
            return 1.0
        return self.needs_met(state, index) / total

    def is_ready(self, state: State, index: int) -> bool:
        """True when every need is met (stops at the first unmet need)."""
        check = self.tactic_all_met[index]
        if check is None:
            return True
        values = state.values
        if self.needs_context[index]:
            values[self.i_times] = state.times[index]
            values[self.i_step] = self.tactic_step[index]
        return bool(check(values))

    def _tactic_applier(self, index: int, met: int, ready: float) -> Applier | None:
        """The tactic's effects compiled for ``ready`` (``met`` needs met)."""
        apply = self.tactic_apply_by_met[index][met]
        if apply is _UNBUILT:
            names = self.scenario.names
            known = {"ready": ready}
            fx: list[EffectRow] = []
            for e in self.scenario.tactics[index].effects:
                fn, constant = specialize(e.expression, names, known)
                fx.append((e.index, fn, constant, self.low[e.index], self.high[e.index]))
            apply = self.tactic_apply_by_met[index][met] = _applier(tuple(fx))
        return apply

    def readiness_text(self, state: State, index: int) -> str:
        tactic = self.scenario.tactics[index]
        if not tactic.needs:
            return "Ready: nothing special is needed."
        values = state.values
        values[self.i_times] = state.times[index]
        values[self.i_step] = self.tactic_step[index]
        met = [need.text for need in tactic.needs if need.when.fn(values)]
        unmet = [need.text for need in tactic.needs if not need.when.fn(values)]
        if not unmet:
            return "Ready: " + "; ".join(met) + "."
        text = "Not ready yet. Still needed: " + "; ".join(unmet) + "."
        if met:
            text += " Already there: " + "; ".join(met) + "."
        return text

    def visible_values(self, state: State) -> dict[str, float]:
        values = state.values
        return {measure_id: values[i] for measure_id, i in self.visible}

    # -- one round -----------------------------------------------------------------------
    def step(
        self, state: State, index: int, rng: random.Random, log: list[LogEntry] | None = None
    ) -> float:
        """Play tactic ``index`` for the current round; returns its readiness.

        When ``log`` is a list, every random draw and every fired event is appended
        to it as ``("roll", x)``, ``("event:<id>", x)`` and
        ``("fired", (event index, {measure: change}))``.
        """
        values = state.values
        values[self.i_times] = state.times[index]
        step_index = self.tactic_step[index]
        values[self.i_step] = step_index
        count = self.tactic_count[index]
        if count is not None:  # the tactic has needs
            met = count(values)
            ready = met / self.tactic_need_total[index]
        else:
            met = 0
            ready = 1.0
        values[self.i_ready] = ready
        roll = rng.random()
        values[self.i_roll] = roll
        if log is not None:
            log.append(("roll", roll))
        apply = self.tactic_apply_by_met[index][met]
        if apply is _UNBUILT:
            apply = self._tactic_applier(index, met, ready)
        if apply is not None:
            apply(values)
        state.times[index] += 1
        if step_index and ready >= READY and step_index > values[self.i_climbed]:
            values[self.i_climbed] = step_index
        ends = self.tactic_ends[index]
        if ends >= 0:
            state.ending = ends
            state.finished = True
            return ready
        fired = state.fired
        for number, when, gate, rest in self.event_table:
            if gate is not None:
                once, after = gate
                if once and fired[number]:
                    continue
                if after >= 0 and not fired[after]:
                    continue
            if when is not None and not when(values):
                continue
            chance, fixed, effects, event_ends = rest
            probability = fixed if fixed is not None else chance(values)
            if probability <= 0:
                continue
            draw = rng.random()
            if log is not None:
                log.append((f"event:{self.scenario.events[number].id}", draw))
            if draw < probability:
                fired[number] += 1
                if log is None:
                    if effects is not None:
                        effects(values)
                else:
                    before = values[: self.n]
                    if effects is not None:
                        effects(values)
                    changes = {
                        self.measure_ids[i]: values[i] - before[i]
                        for i in range(self.n)
                        if values[i] != before[i]
                    }
                    log.append(("fired", (number, changes)))
                if event_ends >= 0:
                    state.ending = event_ends
                    state.finished = True
                    return ready
        if self.every_round_apply is not None:
            self.every_round_apply(values)
        for ending, when in self.early:
            if when(values):
                state.ending = ending
                state.finished = True
                return ready
        round_number = values[self.i_round] + 1
        if round_number > self.rounds:
            state.finished = True
            for ending, when in self.final:
                if when(values):
                    state.ending = ending
                    break
            return ready
        values[self.i_round] = round_number
        apply = self.round_apply[int(round_number) - 1]
        if apply is not None:
            apply(values)
        return ready

    def result(self, state: State) -> str:
        """'win', 'partial' or 'loss' (a run that ends without an ending is a loss)."""
        if state.ending < 0:
            return "loss"
        return self.scenario.endings[state.ending].result


# -- a group's run ----------------------------------------------------------------------


@dataclass
class StepRecord:
    """One recorded round: enough to replay and to explain it."""

    round: int
    tactic: str
    consequence: Consequence

    def to_json(self) -> dict[str, Any]:
        c = self.consequence
        return {
            "round": self.round,
            "choice": self.tactic,
            "ready": round(c.ready, 6),
            "draws": [[name, value] for name, value in c.draws],
            "before": c.before,
            "after": c.after,
            "events": [e.id for e in c.events],
            "narrative": c.narrative,
            "explanation": c.explain,
            "concept": c.concept,
            "climbed": c.climbed,
            "ending": c.ending,
            "result": c.result,
        }


@dataclass
class Branch:
    """Rounds a group abandoned when it went back to an earlier round."""

    from_round: int
    steps: list[StepRecord] = field(default_factory=list)


class Run:
    """A group's play-through of one scenario, recorded step by step."""

    def __init__(self, scenario: Scenario, seed: int, engine: Engine | None = None) -> None:
        self.scenario = scenario
        self.seed = int(seed)
        self.engine = engine or Engine(scenario)
        self.steps: list[StepRecord] = []
        self.branches: list[Branch] = []
        self._restart()

    def _restart(self) -> None:
        self.rng = random.Random(self.seed)  # noqa: S311 - seeded, reproducible draws
        self.start_draws: list[tuple[str, float]] = []
        self.state = self.engine.new_state(self.rng, self.start_draws)
        self.start_values = self._measures()

    def _measures(self) -> dict[str, float]:
        values = self.state.values
        return {measure_id: values[i] for i, measure_id in enumerate(self.engine.measure_ids)}

    # -- what the group sees -------------------------------------------------------------
    @property
    def round(self) -> int:
        return int(self.state.values[self.engine.i_round])

    @property
    def finished(self) -> bool:
        return self.state.finished

    @property
    def climbed(self) -> int:
        return int(self.state.values[self.engine.i_climbed])

    def current_round(self) -> Round:
        return self.scenario.rounds[min(self.round, len(self.scenario.rounds)) - 1]

    def measures(self, *, hidden: bool = False) -> dict[str, float]:
        """The measures a group sees (all of them with ``hidden=True``)."""
        if hidden:
            return self._measures()
        return self.engine.visible_values(self.state)

    def options(self) -> list[Option]:
        """The tactics the group may choose now, with readiness and description."""
        engine = self.engine
        result = []
        for index in engine.choosable(self.state):
            tactic = self.scenario.tactics[index]
            result.append(
                Option(
                    id=tactic.id,
                    label=tactic.label,
                    kind=tactic.kind,
                    description=tactic.description,
                    step=tactic.step_index,
                    builds=tactic.builds,
                    ready=engine.readiness(self.state, index),
                    ready_text=engine.readiness_text(self.state, index),
                    times=self.state.times[index],
                )
            )
        return result

    # -- playing -------------------------------------------------------------------------
    def choose(self, tactic_id: str) -> Consequence:
        """Play ``tactic_id`` this round. ValueError if it cannot be chosen now."""
        engine = self.engine
        if self.state.finished:
            raise ValueError("the scenario has ended")
        index = self.scenario.tactic_index.get(tactic_id)
        if index is None or index not in engine.choosable(self.state):
            raise ValueError(f"tactic {tactic_id!r} cannot be chosen in round {self.round}")
        tactic = self.scenario.tactics[index]
        round_number = self.round
        before = self._measures()
        ready_text = engine.readiness_text(self.state, index)
        log: list[LogEntry] = []
        ready = engine.step(self.state, index, self.rng, log)
        after = self._measures()
        consequence = self._consequence(tactic, round_number, ready, ready_text, before, after, log)
        self.steps.append(StepRecord(round_number, tactic_id, consequence))
        return consequence

    def _consequence(
        self,
        tactic: Tactic,
        round_number: int,
        ready: float,
        ready_text: str,
        before: dict[str, float],
        after: dict[str, float],
        log: list[LogEntry],
    ) -> Consequence:
        is_ready = ready >= READY
        events = []
        draws = []
        for name, value in log:
            if isinstance(value, tuple):  # ("fired", (event index, changes))
                number, changes = value
                event = self.scenario.events[number]
                events.append(
                    EventOutcome(
                        id=event.id,
                        kind=event.kind,
                        title=event.title,
                        text=event.text,
                        explain=event.explain,
                        concept=event.concept,
                        deltas=changes,
                    )
                )
            else:
                draws.append((name, value))
        ending = result = None
        if self.state.finished:
            result = self.engine.result(self.state)
            if self.state.ending >= 0:
                ending = self.scenario.endings[self.state.ending].id
        return Consequence(
            round=round_number,
            tactic=tactic.id,
            label=tactic.label,
            ready=ready,
            ready_text=ready_text,
            narrative=tactic.narrative if is_ready else tactic.narrative_unready,
            explain=tactic.explain if is_ready else tactic.explain_unready,
            concept=tactic.concept if is_ready else tactic.concept_unready,
            before=before,
            after=after,
            events=tuple(events),
            climbed=self.climbed,
            step=tactic.step_index,
            draws=tuple(draws),
            ending=ending,
            result=result,
        )

    def go_back(self, round_number: int) -> None:
        """Return to the start of ``round_number`` (1-based) to choose differently.

        The rounds from there on are kept in :attr:`branches`. The state is
        rebuilt by replaying the earlier choices from the seed, so it is exactly
        what the group saw then.
        """
        if not 1 <= round_number <= len(self.steps):
            raise ValueError(f"cannot go back to round {round_number}")
        keep = self.steps[: round_number - 1]
        self.branches.append(Branch(round_number, self.steps[round_number - 1 :]))
        self.steps = []
        self._restart()
        for record in keep:
            self.choose(record.tactic)

    # -- the end -------------------------------------------------------------------------
    @property
    def result(self) -> str | None:
        return self.engine.result(self.state) if self.state.finished else None

    @property
    def ending(self) -> Ending | None:
        if self.state.finished and self.state.ending >= 0:
            return self.scenario.endings[self.state.ending]
        return None

    def fingerprint(self) -> Fingerprint:
        from teachin.scenario.fingerprint import fingerprint

        return fingerprint(self.scenario, self.steps)

    def turning_points(self, count: int = 3) -> list[TurningPoint]:
        from teachin.scenario.fingerprint import turning_points

        return turning_points(self.scenario, self.steps, count)


def start_run(scenario: Scenario, seed: int | None = None) -> Run:
    """Start a run; without a seed one is picked at random (and recorded)."""
    if seed is None:
        seed = random.SystemRandom().randrange(2**31)
    return Run(scenario, seed)
