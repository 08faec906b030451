"""The scenario model: what a scenario file describes, compiled and ready to run.

Everything here is plain data plus compiled :class:`Expression` objects; the
engine (``engine.py``) runs it. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teachin.scenario.expressions import Expression

# Names the engine provides to every expression, after the scenario's measures.
ENGINE_NAMES = ("round", "rounds", "ready", "times", "step", "climbed", "roll")

STRATEGIES = ("liberal", "social-democratic", "ultra-left", "mass-action")
STRATEGY_LABELS = {
    "liberal": "Liberal strategy",
    "social-democratic": "Social-democratic strategy",
    "ultra-left": "Ultra-left strategy",
    "mass-action": "Independent mass action",
}
STRATEGY_CONCEPTS = {
    "liberal": "module:liberal-strategy",
    "social-democratic": "module:social-democratic-strategy",
    "ultra-left": "module:ultra-left-strategy",
    "mass-action": "module:independent-mass-action",
}
TACTIC_KINDS = (
    "organizing",
    "vote",
    "test",
    "step",
    "lobbying",
    "electoral",
    "staff",
    "militant",
    "deal",
)
RESULTS = ("win", "partial", "loss")


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    meaning: str
    start: float
    spread: float = 0.0
    low: float = 0.0
    high: float = 100.0
    visible: bool = True
    # The group sees this measure only as an estimate: a range whose half-width
    # is the value of the measure named here (a hidden "doubt"), which one-on-ones
    # and structure tests narrow. None: the group sees the true value.
    estimate_by: str | None = None
    line: int = 1


@dataclass(frozen=True)
class Effect:
    """Add ``expression``'s value to measure number ``index`` (then clamp)."""

    measure: str
    index: int
    expression: Expression
    line: int = 1


@dataclass(frozen=True)
class Need:
    """One condition a tactic needs to be fully ready, with its plain-words text."""

    when: Expression
    text: str
    line: int = 1


@dataclass(frozen=True)
class Tactic:
    id: str
    label: str
    kind: str
    description: str
    strategy: str
    strategy_unready: str
    step: str | None
    step_index: int  # 1 = bottom of the staircase; 0 = not a staircase step
    builds: tuple[str, ...]
    needs: tuple[Need, ...]
    available: Expression | None
    effects: tuple[Effect, ...]
    narrative: str
    narrative_unready: str
    explain: str
    explain_unready: str
    concept: str
    concept_unready: str
    ends: str | None = None
    line: int = 1


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    title: str
    text: str
    explain: str
    concept: str
    when: Expression | None
    chance: Expression
    once: bool
    effects: tuple[Effect, ...]
    after: str | None = None
    ends: str | None = None
    line: int = 1


@dataclass(frozen=True)
class Ending:
    id: str
    result: str
    title: str
    text: str
    explain: str
    concept: str
    when: Expression
    early: bool
    line: int = 1
    # Told instead of title, text and explain when the win was handed over by an
    # event rather than earned by the base's pressure (teachin.debrief.earned);
    # "" keeps the ending's own title and text, and a generic explanation.
    handed_title: str = ""
    handed_text: str = ""
    handed_explain: str = ""


@dataclass(frozen=True)
class Round:
    number: int
    title: str
    situation: str
    tactics: tuple[str, ...]  # empty: every tactic may be offered
    effects: tuple[Effect, ...]
    line: int = 1


@dataclass(frozen=True)
class Setting:
    place: str = ""
    affected: str = ""
    target: str = ""
    demand: str = ""
    deadline: str = ""
    situation: str = ""

    def facts(self) -> list[tuple[str, str]]:
        """The setting as (label, text) rows, the same words on every screen and page;
        rows the scenario leaves empty are left out."""
        rows = [
            ("Where", self.place),
            ("Who is affected", self.affected),
            ("Who decides (the target)", self.target),
            ("The demand", self.demand),
            ("By when", self.deadline),
        ]
        return [(label, text) for label, text in rows if text]


@dataclass
class Scenario:
    id: str
    title: str
    path: Path
    minutes: int
    difficulty: str
    summary: str
    setting: Setting
    measures: tuple[Measure, ...]
    tactics: tuple[Tactic, ...]
    events: tuple[Event, ...]
    endings: tuple[Ending, ...]
    rounds: tuple[Round, ...]
    every_round: tuple[Effect, ...]
    questions: tuple[str, ...]
    concepts: tuple[str, ...] = ()
    text: str = field(default="", repr=False)

    # Indexes filled in by __post_init__.
    names: dict[str, int] = field(default_factory=dict, repr=False)
    tactic_index: dict[str, int] = field(default_factory=dict, repr=False)
    measure_index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.measure_index = {m.id: i for i, m in enumerate(self.measures)}
        self.names = scenario_names([m.id for m in self.measures])
        self.tactic_index = {t.id: i for i, t in enumerate(self.tactics)}

    def tactic(self, tactic_id: str) -> Tactic:
        return self.tactics[self.tactic_index[tactic_id]]

    def measure(self, measure_id: str) -> Measure:
        return self.measures[self.measure_index[measure_id]]

    @property
    def visible_measures(self) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if m.visible)


def scenario_names(measure_ids: list[str]) -> dict[str, int]:
    """The name → value-index map shared by every expression in one scenario."""
    names = {name: i for i, name in enumerate(measure_ids)}
    base = len(measure_ids)
    for offset, name in enumerate(ENGINE_NAMES):
        names[name] = base + offset
    return names
