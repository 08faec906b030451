"""Describe a finished run: which strategy it resembled, and its turning points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teachin.scenario.engine import READY
from teachin.scenario.model import (
    STRATEGIES,
    STRATEGY_CONCEPTS,
    STRATEGY_LABELS,
    Scenario,
)
from teachin.scenario.outcome import Consequence, StepRecord


@dataclass(frozen=True)
class StrategyShare:
    strategy: str
    label: str
    share: float  # 0..1, the shares of the four strategies add up to 1
    concept: str
    examples: tuple[str, ...]  # "Round 3: Lobby the minister", ...


@dataclass(frozen=True)
class Fingerprint:
    shares: tuple[StrategyShare, ...]  # highest share first

    @property
    def closest(self) -> str | None:
        return self.shares[0].strategy if self.shares and self.shares[0].share > 0 else None

    def share(self, strategy: str) -> float:
        for item in self.shares:
            if item.strategy == strategy:
                return item.share
        return 0.0


LOW_STEP = 4
"""The highest staircase step counted as "low" (1 popular education to 4 local actions):
a low step is judged by what it was for, not only by its label."""
ORGANIZING_KINDS = frozenset({"organizing", "vote", "test"})
"""Moves that organize the base (one-on-ones, committees, votes, structure tests)."""
IN_A_CLIMB = " (a step in an organized climb)"
"""Said after a low 'liberal' step that counted as mass action."""


def strategy_of(scenario: Scenario, record: StepRecord, steps: Sequence[StepRecord] = ()) -> str:
    """The strategy one choice resembles, judged by what it was for.

    A high staircase step taken before the base was ready counts as the tactic's
    ``strategy_unready`` (by default the ultra-left's shortcut). A low step (up to
    :data:`LOW_STEP`) labelled liberal, such as a petition, counts as mass action
    when it was a step of an organized escalation (:func:`in_a_climb`): a petition
    is not liberal in itself, only when it is done instead of organizing.
    ``steps`` are all the run's rounds (without them, the label alone decides)."""
    tactic = scenario.tactic(record.tactic)
    ready = record.consequence.ready >= READY
    strategy = tactic.strategy if ready else tactic.strategy_unready
    if strategy == "liberal" and in_a_climb(scenario, record, steps):
        return "mass-action"
    return strategy


def in_a_climb(scenario: Scenario, record: StepRecord, steps: Sequence[StepRecord]) -> bool:
    """Whether a low staircase step was a step of an organized escalation: organizing
    moves came before it and the group climbed higher later, or it was done with the
    base ready as the next step of a climb already under way (the step just below it
    was the highest climbed together before it; repeating it is not climbing)."""
    c = record.consequence
    if not 0 < c.step <= LOW_STEP or scenario.tactic(record.tactic).kind != "step":
        return False
    before = [r for r in steps if r.round < record.round]
    after = [r for r in steps if r.round > record.round]
    organized = any(scenario.tactic(r.tactic).kind in ORGANIZING_KINDS for r in before)
    climbs_higher = any(r.consequence.step > c.step and r.consequence.ready >= READY for r in after)
    climbed_before = max((r.consequence.climbed for r in before), default=0)
    next_step = c.step >= 2 and climbed_before == c.step - 1
    return (organized and climbs_higher) or (c.ready >= READY and next_step)


def fingerprint(scenario: Scenario, steps: list[StepRecord]) -> Fingerprint:
    counts = dict.fromkeys(STRATEGIES, 0)
    examples: dict[str, list[str]] = {s: [] for s in STRATEGIES}
    for record in steps:
        strategy = strategy_of(scenario, record, steps)
        counts[strategy] += 1
        label = scenario.tactic(record.tactic).label
        note = "" if record.consequence.ready >= READY else " (before the base was ready)"
        if strategy != strategy_of(scenario, record):
            note += IN_A_CLIMB
        examples[strategy].append(f"Round {record.round}: {label}{note}")
    total = sum(counts.values()) or 1
    shares = [
        StrategyShare(
            strategy=s,
            label=STRATEGY_LABELS[s],
            share=counts[s] / total,
            concept=STRATEGY_CONCEPTS[s],
            examples=tuple(examples[s]),
        )
        for s in STRATEGIES
    ]
    shares.sort(key=lambda item: (-item.share, STRATEGIES.index(item.strategy)))
    return Fingerprint(tuple(shares))


@dataclass(frozen=True)
class TurningPoint:
    round: int
    tactic: str
    label: str
    why: str
    explain: str
    concept: str
    score: float


_WEIGHTS = {"pressure": 1.5, "support": 1.0, "organization": 1.0, "repression": 1.2, "morale": 0.6}


def _biggest(scenario: Scenario, deltas: dict[str, float], count: int) -> list[str]:
    """The ``count`` biggest changes of the main measures (3 points or more), in words:
    "pressure on the target rose by 45"."""
    biggest = sorted(
        ((m, deltas[m]) for m in _WEIGHTS if abs(deltas.get(m, 0.0)) >= 3),
        key=lambda item: -abs(item[1]) * _WEIGHTS[item[0]],
    )[:count]
    return [
        f"{scenario.measure(m).label.lower()} {'rose' if delta > 0 else 'fell'} by {abs(delta):.0f}"
        for m, delta in biggest
        if m in scenario.measure_index
    ]


def _reasons(scenario: Scenario, c: Consequence) -> list[str]:
    """What made a round stand out, each change credited to its cause: first what the
    move itself did, then each event by name with what it moved ("The minister takes
    up the cause: pressure on the target rose by 45"), so a move never gets credit
    for what an event did. The round's course (pressure fading) is left out."""
    reasons = _biggest(scenario, c.moved, 2)
    for event in c.events:
        moved = _biggest(scenario, event.deltas, 1)
        reasons.append(f"{event.title}: {moved[0]}" if moved else event.title)
    return reasons


def turning_points(
    scenario: Scenario, steps: list[StepRecord], count: int = 3
) -> list[TurningPoint]:
    """The rounds where the most changed: big swings in the main measures, events,
    a step climbed, or the end. Each change is credited to its cause (the move or an
    event, see :func:`_reasons`)."""
    points = []
    for record in steps:
        c = record.consequence
        deltas = c.deltas
        score = sum(abs(deltas.get(m, 0.0)) * w for m, w in _WEIGHTS.items())
        score += 8 * len(c.events)
        reasons = _reasons(scenario, c)
        if c.step and c.ready >= READY and c.step == c.climbed:
            score += 5
            reasons.append("a new step climbed")
        if c.ending:
            score += 10
            reasons.append(
                "the end: "
                + scenario.endings[[e.id for e in scenario.endings].index(c.ending)].title
            )
        if not reasons:
            continue
        points.append(
            TurningPoint(
                round=record.round,
                tactic=record.tactic,
                label=c.label,
                why="; ".join(reasons),
                explain=c.explain,
                concept=c.concept,
                score=score,
            )
        )
    points.sort(key=lambda p: -p.score)
    chosen = sorted(points[:count], key=lambda p: p.round)
    return chosen
