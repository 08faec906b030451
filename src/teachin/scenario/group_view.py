"""What the group sees of a run: estimated measures as ranges, and readiness
judged on them (see docs/scenarios.md, "Estimates").

:class:`GroupView` is a part of :class:`teachin.scenario.engine.Engine` (a base
class), kept here so the engine's round loop stays one concept: the engine
decides what happens from the true values; this says what the group is told.
"""

from __future__ import annotations

from typing import Protocol

from teachin.scenario.closures import Counter, unmet_mask
from teachin.scenario.model import Scenario


class State(Protocol):
    """What a view reads of the engine's run state."""

    values: list[float]
    times: list[int]
    biases: list[float]


# How the group judges one need on its estimates (see GroupView.need_statuses).
MET, MISSING, UNSURE = "met", "missing", "unsure"


class GroupView:
    """The engine's answers about what the group sees (a base of Engine)."""

    scenario: Scenario
    # Estimated measures: (measure index, doubt index, low, high).
    estimated: tuple[tuple[int, int, float, float], ...]
    visible: list[tuple[str, int]]
    measure_ids: list[str]
    tactic_step: list[int]
    tactic_need_total: list[int]
    i_times: int
    i_step: int
    # Per tactic, made when first asked (see unmet_names): a function telling
    # which needs are unmet (a bit each), and the names those needs read, by answer.
    tactic_unmet: list[Counter | None]
    tactic_unmet_names: list[dict[int, frozenset[str]]]

    def estimate(self, state: State, measure: int) -> tuple[float, float, float]:
        """The group's (low, middle, high) for measure number ``measure``: the
        true value for a measure that is not estimated. The true value always
        lies in the range; ``doubt`` is its half-width."""
        for number, entry in enumerate(self.estimated):
            if entry[0] == measure:
                return _range(state.values, state.biases[number], entry)
        value = state.values[measure]
        return value, value, value

    def seen_values(self, state: State, where: int = 1) -> list[float]:
        """The values as the group sees them: a copy in which each estimated
        measure is the low end of its range (``where`` 0), its middle (1) or
        its high end (2). The state itself when nothing is estimated."""
        if not self.estimated:
            return state.values
        values = state.values
        seen = values[:]
        for bias, entry in zip(state.biases, self.estimated, strict=True):
            seen[entry[0]] = _range(values, bias, entry)[where]
        return seen

    def seen_low_and_middle(self, state: State) -> tuple[list[float], list[float]]:
        """``seen_values(state, 0)`` and ``seen_values(state, 1)`` together,
        each range worked out once (a policy that judges readiness on the low
        ends looks at the middles too, every round)."""
        values = state.values
        if not self.estimated:
            return values, values
        lows = values[:]
        middles = values[:]
        for bias, entry in zip(state.biases, self.estimated, strict=True):
            low, middle, _ = _range(values, bias, entry)
            lows[entry[0]] = low
            middles[entry[0]] = middle
        return lows, middles

    def need_statuses(self, state: State, index: int) -> list[str]:
        """Each need of tactic ``index`` as the group can judge it: MET when it
        holds over the whole range of the estimates, MISSING when it holds
        nowhere in it, UNSURE when it holds for part of it (test to know)."""
        needs = self.scenario.tactics[index].needs
        # Set on the state first, so both views (copies, or the state itself) have it.
        state.values[self.i_times] = state.times[index]
        state.values[self.i_step] = self.tactic_step[index]
        low = self.seen_values(state, 0)
        high = self.seen_values(state, 2)
        result = []
        for need in needs:
            at_low, at_high = bool(need.when.fn(low)), bool(need.when.fn(high))
            result.append(MET if at_low and at_high else UNSURE if at_low or at_high else MISSING)
        return result

    def unmet_names(self, index: int, values: list[float]) -> frozenset[str]:
        """The names read by the needs of tactic ``index`` that ``values`` do
        not meet (a policy asks it several times a round: one call, and the
        answer remembered for each set of unmet needs)."""
        unmet = self.tactic_unmet[index]
        needs = self.scenario.tactics[index].needs
        if unmet is None:
            unmet = self.tactic_unmet[index] = unmet_mask(needs)
        mask = unmet(values)
        names = self.tactic_unmet_names[index].get(mask)
        if names is None:
            read = [need.when.names for k, need in enumerate(needs) if mask >> k & 1]
            names = self.tactic_unmet_names[index][mask] = frozenset().union(*read)
        return names

    def seen_readiness(self, state: State, index: int) -> float:
        """Share of the tactic's needs the group can be sure are met (0 to 1)."""
        return readiness_share(self.need_statuses(state, index))

    def readiness_text(self, state: State, index: int) -> str:
        """Readiness in words, as the group can judge it from its estimates."""
        return self.readiness_words(index, self.need_statuses(state, index))

    def readiness_words(self, index: int, statuses: list[str]) -> str:
        """:meth:`readiness_text` for needs already judged (:meth:`need_statuses`)."""
        tactic = self.scenario.tactics[index]
        if not tactic.needs:
            return "Ready: nothing special is needed."
        met = [n.text for n, s in zip(tactic.needs, statuses, strict=True) if s == MET]
        unmet = [n.text for n, s in zip(tactic.needs, statuses, strict=True) if s == MISSING]
        unsure = [n.text for n, s in zip(tactic.needs, statuses, strict=True) if s == UNSURE]
        if not unmet and not unsure:
            return "Ready: " + "; ".join(met) + "."
        if unmet:
            text = "Not ready yet. Still needed: " + "; ".join(unmet) + "."
            if unsure:
                text += " Not sure yet: " + "; ".join(unsure) + "."
        else:
            text = (
                "Maybe ready: you can't be sure yet of " + "; ".join(unsure) + "."
                " A structure test or more one-on-ones would tell you."
            )
        if met:
            text += " Already there: " + "; ".join(met) + "."
        return text

    def visible_values(self, state: State) -> dict[str, float]:
        """The visible measures as the group sees them (the middle of the range
        for an estimated measure)."""
        values = self.seen_values(state)
        return {measure_id: values[i] for measure_id, i in self.visible}

    def estimates(self, state: State) -> dict[str, tuple[float, float]]:
        """The (low, high) range of each estimated measure."""
        result = {}
        for i, *_ in self.estimated:
            low, _, high = self.estimate(state, i)
            result[self.measure_ids[i]] = (low, high)
        return result


def readiness_share(statuses: list[str]) -> float:
    """Share of needs the group can be sure are met (1 when there are none)."""
    return statuses.count(MET) / len(statuses) if statuses else 1.0


def _range(
    values: list[float], bias: float, entry: tuple[int, int, float, float]
) -> tuple[float, float, float]:
    """(low, middle, high) of one estimated measure: ``entry`` is (measure
    index, doubt index, lowest, highest); ``bias`` (-1 to 1) places the true
    value in the range."""
    i, doubt_index, low, high = entry
    doubt = values[doubt_index]
    if doubt < 0.0:
        doubt = 0.0
    middle = values[i] + bias * doubt
    middle = high if middle > high else low if middle < low else middle
    seen_low = middle - doubt
    seen_high = middle + doubt
    return (
        seen_low if seen_low > low else low,
        middle,
        seen_high if seen_high < high else high,
    )
