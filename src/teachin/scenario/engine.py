"""The scenario engine: a compiled scenario, applied round by round.

:class:`Engine` is the lean core the simulator drives thousands of times a
second (:meth:`Engine.new_state`, :meth:`Engine.step`); :mod:`teachin.scenario.run`
wraps it for a group at a laptop (and for run files).

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
from dataclasses import dataclass, field
from enum import Enum

from teachin.scenario.closures import (
    Applier,
    Counter,
    EffectRow,
    all_met_check,
    applier,
    closed_mask,
    condition_check,
    need_counter,
    round_course,
)
from teachin.scenario.expressions import specialize
from teachin.scenario.group_view import GroupView
from teachin.scenario.model import ENGINE_NAMES, Effect, Scenario

READY = 0.999  # readiness at or above this counts as "ready"

# What Engine.step logs: ("roll", draw), ("event:<id>", draw),
# ("fired", (event index, {measure: change})), and what the move itself and the
# round's course (every_round and the next round's effects) changed:
# ("move", {measure: change}) and ("course", {measure: change}).
LogEntry = (
    tuple[str, float] | tuple[str, tuple[int, dict[str, float]]] | tuple[str, dict[str, float]]
)


@dataclass
class State:
    """Everything that changes during a run. ``values`` holds the measures first,
    then the engine values (round, rounds, ready, times, step, climbed, roll)."""

    values: list[float]
    times: list[int]
    fired: list[int]
    ending: int = -1  # index into scenario.endings; -1 while running
    finished: bool = False
    # Per estimated measure (Engine.estimated order): where the true value lies
    # in the group's range, from -1 to 1, drawn at the start of the run.
    biases: list[float] = field(default_factory=list)

    def copy(self) -> State:
        return State(
            self.values[:],
            self.times[:],
            self.fired[:],
            self.ending,
            self.finished,
            self.biases[:],
        )


class _Unbuilt(Enum):
    """A tactic's applier for one readiness, not compiled yet."""

    TOKEN = 0


_UNBUILT = _Unbuilt.TOKEN


def changes(measure_ids: list[str], before: list[float], values: list[float]) -> dict[str, float]:
    """What changed between ``before`` (the measures) and ``values``, by measure id."""
    return {
        measure_id: values[i] - before[i]
        for i, measure_id in enumerate(measure_ids)
        if values[i] != before[i]
    }


def apply_logged(
    measure_ids: list[str],
    number: int,
    effects: Applier | None,
    values: list[float],
    log: list[LogEntry],
) -> None:
    """Apply a fired event's effects and log what they changed."""
    before = values[: len(measure_ids)]
    if effects is not None:
        effects(values)
    log.append(("fired", (number, changes(measure_ids, before, values))))


class Engine(GroupView):
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
        self.measure_ids = [m.id for m in scenario.measures]
        self.visible = [(m.id, i) for i, m in enumerate(scenario.measures) if m.visible]
        self.ending_index = {e.id: i for i, e in enumerate(scenario.endings)}
        index = scenario.measure_index
        # Estimated measures: (measure index, doubt index, low, high).
        self.estimated = tuple(
            (i, index[m.estimate_by], m.low, m.high)
            for i, m in enumerate(scenario.measures)
            if m.estimate_by and m.estimate_by in index
        )
        self._compile_tactics()
        self._compile_events()
        self._compile_rounds()
        self._compile_start()

    def _effects(self, items: tuple[Effect, ...]) -> tuple[EffectRow, ...]:
        """Effects as (index, tree, constant, low, high) for :func:`applier`."""
        return tuple(
            (
                e.index,
                e.expression.tree,
                e.expression.constant,
                self.low[e.index],
                self.high[e.index],
            )
            for e in items
        )

    def _ending(self, ending_id: str | None) -> int:
        return self.ending_index.get(ending_id, -1) if ending_id else -1

    def _compile_tactics(self) -> None:
        tactics = self.scenario.tactics
        self.tactic_effects = [self._effects(t.effects) for t in tactics]
        self.tactic_needs = [tuple(need.when.fn for need in t.needs) for t in tactics]
        self.tactic_count = [need_counter(t.needs) for t in tactics]
        self.tactic_need_total = [len(t.needs) for t in tactics]
        self.tactic_all_met = [all_met_check(t.needs) for t in tactics]
        self.tactic_unmet: list[Counter | None] = [None] * len(tactics)
        self.tactic_unmet_names: list[dict[int, frozenset[str]]] = [{} for _ in tactics]
        # A tactic's effects, compiled for each possible readiness (needs met:
        # 0, 1, ... all; one entry when it has no needs): most effects depend
        # on readiness only, so they become plain numbers (see
        # expressions.specialize). Compiled on first use.
        self.tactic_apply_by_met: list[list[Applier | _Unbuilt | None]] = [
            [_UNBUILT] * (len(t.needs) + 1 if t.needs else 1) for t in tactics
        ]
        # Whether a tactic's needs read "times" or "step", which must be set first.
        self.needs_context = [
            any({"times", "step"} & need.when.names for need in t.needs) for t in tactics
        ]
        self.tactic_available = [
            condition_check(t.available) if t.available else None for t in tactics
        ]
        self.tactic_step = [t.step_index for t in tactics]
        self.tactic_ends = [self._ending(t.ends) for t in tactics]
        self.tactic_count_total = len(tactics)

    def _compile_events(self) -> None:
        events = self.scenario.events
        event_index = {e.id: i for i, e in enumerate(events)}
        self.events = [
            (
                condition_check(e.when) if e.when else None,
                e.chance.fn,
                e.once,
                event_index.get(e.after, -1) if e.after else -1,
                self._effects(e.effects),
                self._ending(e.ends),
            )
            for e in events
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
                (chance, e.chance.constant, applier(fx), ends),
            )
            for number, ((when, chance, once, after, fx, ends), e) in enumerate(
                zip(self.events, events, strict=True)
            )
        )
        self.event_count_total = len(events)
        # The same events, then the every-round effects and the early endings
        # (_end_round), as one function for rounds played without a log (the
        # simulator's): one call a round instead of a loop of calls.
        self.round_course = round_course(
            tuple(
                (
                    e.when.test if e.when else None,
                    e.chance.tree,
                    e.chance.constant,
                    e.once,
                    after,
                    fx,
                    ends,
                )
                for (_, _, _, after, fx, ends), e in zip(self.events, events, strict=True)
            ),
            self._effects(self.scenario.every_round),
            tuple((i, e.when.test) for i, e in enumerate(self.scenario.endings) if e.early),
        )

    def _compile_rounds(self) -> None:
        scenario = self.scenario
        self.every_round = self._effects(scenario.every_round)
        self.every_round_apply = applier(self.every_round)
        self.early = [
            (i, condition_check(e.when)) for i, e in enumerate(scenario.endings) if e.early
        ]
        self.final = [(i, condition_check(e.when)) for i, e in enumerate(scenario.endings)]
        self.round_effects = [self._effects(r.effects) for r in scenario.rounds]
        self.round_apply = [applier(fx) for fx in self.round_effects]
        all_ids = range(len(scenario.tactics))
        offers = [
            tuple(scenario.tactic_index[t] for t in r.tactics) if r.tactics else tuple(all_ids)
            for r in scenario.rounds
        ]
        self.round_offer = [
            (offer, any(self.tactic_available[i] is not None for i in offer)) for offer in offers
        ]
        self._open_cache: dict[tuple[int, int], tuple[int, ...]] = {}
        # Per round: which of the offered tactics with a condition are closed,
        # one call (a bit per tactic index), see open_now.
        tactics = scenario.tactics
        self.round_closed = [
            closed_mask(
                tuple(
                    (i, self.tactic_step[i], available.test)
                    for i in offer
                    if (available := tactics[i].available) is not None
                ),
                self.i_times,
                self.i_step,
            )
            if conditional
            else None
            for offer, conditional in self.round_offer
        ]

    def _compile_start(self) -> None:
        """A new run's values before the random start draws (new_state copies
        them), and the measures that start with a draw, in file order."""
        measures = self.scenario.measures
        start_values = [0.0] * self.size
        for i, m in enumerate(measures):
            start_values[i] = m.start
        start_values[self.i_round] = 1.0
        start_values[self.i_rounds] = float(self.rounds)
        self.start_values = start_values
        self.start_spread = tuple(
            (i, m.start, m.spread, m.low, m.high, m.id) for i, m in enumerate(measures) if m.spread
        )

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
        biases = []
        for i, *_ in self.estimated:
            draw = random_()
            if draws is not None:
                draws.append((f"bias:{self.measure_ids[i]}", draw))
            biases.append(2 * draw - 1)
        state = State(
            values, [0] * self.tactic_count_total, [0] * self.event_count_total, biases=biases
        )
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
        closed = self.round_closed[position]
        if closed is None:
            return self.round_offer[position][0]
        # Test only the tactics with a condition (usually one or two of many).
        mask = closed(values, state.times)
        if not mask:
            return self.round_offer[position][0]
        return self.open_tactics(position, mask)

    def open_tactics(self, position: int, closed: int) -> tuple[int, ...]:
        """Round ``position``'s offer without the ``closed`` tactics (bit
        ``index`` set for each), in order (remembered: the same few tactics are
        closed round after round)."""
        key = (position, closed)
        result = self._open_cache.get(key)
        if result is None:
            offer = self.round_offer[position][0]
            result = self._open_cache[key] = tuple(i for i in offer if not closed >> i & 1)
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
                fixed = specialize(e.expression, names, known)
                fx.append(
                    (e.index, fixed.tree, fixed.constant, self.low[e.index], self.high[e.index])
                )
            apply = self.tactic_apply_by_met[index][met] = applier(tuple(fx))
        return apply

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
            if log is None:
                apply(values)
            else:
                before = values[: self.n]
                apply(values)
                log.append(("move", changes(self.measure_ids, before, values)))
        state.times[index] += 1
        if step_index and ready >= READY and step_index > values[self.i_climbed]:
            values[self.i_climbed] = step_index
        ends = self.tactic_ends[index]
        if ends >= 0:
            state.ending = ends
            state.finished = True
            return ready
        if log is None:
            ending = self.round_course(values, state.fired, rng.random)
            if ending >= 0:
                state.ending = ending
                state.finished = True
                return ready
            self._next_round(state, values)
            return ready
        # With a log: the same as round_course, one event at a time.
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
            log.append((f"event:{self.scenario.events[number].id}", draw))
            if draw < probability:
                fired[number] += 1
                apply_logged(self.measure_ids, number, effects, values, log)
                if event_ends >= 0:
                    state.ending = event_ends
                    state.finished = True
                    return ready
        before = values[: self.n]
        self._end_round(state, values)
        log.append(("course", changes(self.measure_ids, before, values)))
        return ready

    def _end_round(self, state: State, values: list[float]) -> None:
        """The every-round effects, the early endings, then the next round (or,
        after the last one, the first final ending that holds)."""
        if self.every_round_apply is not None:
            self.every_round_apply(values)
        for ending, when in self.early:
            if when(values):
                state.ending = ending
                state.finished = True
                return
        self._next_round(state, values)

    def _next_round(self, state: State, values: list[float]) -> None:
        """The next round's number and effects, or after the last round the
        first final ending that holds."""
        round_number = values[self.i_round] + 1
        if round_number > self.rounds:
            state.finished = True
            for ending, when in self.final:
                if when(values):
                    state.ending = ending
                    break
            return
        values[self.i_round] = round_number
        apply = self.round_apply[int(round_number) - 1]
        if apply is not None:
            apply(values)

    def result(self, state: State) -> str:
        """'win', 'partial' or 'loss' (a run that ends without an ending is a loss)."""
        if state.ending < 0:
            return "loss"
        return self.scenario.endings[state.ending].result
