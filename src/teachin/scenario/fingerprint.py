"""Describe a finished run: which strategy it resembled, and its turning points."""

from __future__ import annotations

from dataclasses import dataclass

from teachin.scenario.engine import READY
from teachin.scenario.model import (
    STRATEGIES,
    STRATEGY_CONCEPTS,
    STRATEGY_LABELS,
    Scenario,
)
from teachin.scenario.outcome import StepRecord


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


def strategy_of(scenario: Scenario, record: StepRecord) -> str:
    """The strategy one choice resembles. A high staircase step taken before the
    base was ready counts as the tactic's ``strategy_unready`` (by default the
    ultra-left's shortcut)."""
    tactic = scenario.tactic(record.tactic)
    if record.consequence.ready >= READY:
        return tactic.strategy
    return tactic.strategy_unready


def fingerprint(scenario: Scenario, steps: list[StepRecord]) -> Fingerprint:
    counts = dict.fromkeys(STRATEGIES, 0)
    examples: dict[str, list[str]] = {s: [] for s in STRATEGIES}
    for record in steps:
        strategy = strategy_of(scenario, record)
        counts[strategy] += 1
        label = scenario.tactic(record.tactic).label
        note = "" if record.consequence.ready >= READY else " (before the base was ready)"
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


def turning_points(
    scenario: Scenario, steps: list[StepRecord], count: int = 3
) -> list[TurningPoint]:
    """The rounds where the most changed: big swings in the main measures, events,
    a step climbed, or the end."""
    points = []
    for record in steps:
        c = record.consequence
        deltas = c.deltas
        score = sum(abs(deltas.get(m, 0.0)) * w for m, w in _WEIGHTS.items())
        reasons = []
        biggest = sorted(
            ((m, deltas[m]) for m in _WEIGHTS if m in deltas and abs(deltas[m]) >= 3),
            key=lambda item: -abs(item[1]) * _WEIGHTS[item[0]],
        )[:2]
        for measure_id, delta in biggest:
            label = scenario.measure(measure_id).label.lower()
            reasons.append(f"{label} {'rose' if delta > 0 else 'fell'} by {abs(delta):.0f}")
        if c.events:
            score += 8 * len(c.events)
            reasons.append("; ".join(e.title for e in c.events))
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
