"""What one round did, as a group sees it and a run file keeps it: the options
offered, the consequence of a choice, the recorded steps and abandoned branches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
    # What the move itself changed, and what the round's course (every_round
    # and the next round's effects) changed; events' changes are in ``events``.
    moved: dict[str, float] = field(default_factory=dict)
    course: dict[str, float] = field(default_factory=dict)
    # The (low, high) range the group sees afterwards for each estimated measure.
    estimates: dict[str, tuple[float, float]] = field(default_factory=dict)
    # ... and the range it saw before the move (what the group decided on).
    estimates_before: dict[str, tuple[float, float]] = field(default_factory=dict)

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
    # Nothing the tactic needs is surely missing, but something may be: the
    # group's estimates cannot tell yet ("Maybe ready"; test to know).
    maybe_ready: bool = False


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
