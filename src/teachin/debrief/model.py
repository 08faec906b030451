"""One description of a run: what each round did, and how the run ended.

:func:`describe_round` and :func:`describe_run` read a run once and tell it as plain
values (strings and numbers, no Qt, no HTML): per round what was chosen, what
happened, why, every measure's change with what caused it, and the place on the
staircase; for the run the ending, the path, the measures over time, the strategy
fingerprint, the turning points, the "what if" paths and the questions to discuss.
The player, the room screens, the PDF and the debrief board each render this
description, so a run is told the same way everywhere.

Every change is credited to its causes (:class:`Cause`): the group's move, each
event, and the round's course (fading pressure, fatigue, the next round's opening).
The ending says what decided it (:attr:`Ending.decided_by`) and, for a win, whether
the base earned it or an event handed it over (:attr:`Ending.earned`, judged by
:mod:`teachin.debrief.earned`), and what that means for the next fight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teachin.debrief.earned import HANDED, HANDED_EXPLAIN, VERDICT_WORDS, judge
from teachin.debrief.words import (
    DEFAULT_QUESTIONS,
    NOT_READY_WORDS,
    READY_WORDS,
    RESULT_MARKS,
    TOO_EARLY,
    change_text,
    change_words,
    concept_title,
    event_words,
    is_good,
    kind_words,
    percent,
    range_move_words,
    result_words,
    reveal_words,
    step_name,
)
from teachin.scenario.engine import READY
from teachin.scenario.model import Scenario
from teachin.scenario.outcome import Consequence, StepRecord
from teachin.scenario.run import Run
from teachin.workshop.library import Library
from teachin.workshop.staircase import Staircase

# -- small pieces -----------------------------------------------------------------------


@dataclass(frozen=True)
class Concept:
    """A module or glossary entry a round or an ending ties to."""

    href: str  # "module:ID" or "glossary:ID"
    title: str

    @property
    def kind(self) -> str:
        """ "module" or "glossary"."""
        return "module" if self.href.startswith("module:") else "glossary"


def concept(href: str, library: Library | None) -> Concept | None:
    return Concept(href, concept_title(href, library)) if href else None


MOVE = "move"
EVENT = "event"
COURSE = "course"
"""The causes of a change: the group's move, an event, and the round's course
(every-round effects such as pressure fading, the next round's opening)."""
COURSE_NAME = "The round's course"


@dataclass(frozen=True)
class Cause:
    """One contribution to a measure's change in a round."""

    kind: str  # MOVE, EVENT or COURSE
    name: str  # the move's label, the event's title, or COURSE_NAME
    amount: float


@dataclass(frozen=True)
class MeasureChange:
    """How one measure moved in a round, and what moved it."""

    id: str
    label: str
    before: float
    after: float
    causes: tuple[Cause, ...] = ()
    # For an estimated measure: the (low, high) range the group saw before and
    # after the round. Until the debrief, show these (``seen_*``), never the truth.
    seen_before: tuple[float, float] | None = None
    seen_after: tuple[float, float] | None = None

    @property
    def estimated(self) -> bool:
        return self.seen_after is not None

    @property
    def seen_move(self) -> str:
        """How it moved as the group sees it: the range's move ("48–70 → 52–66,
        narrower") for an estimated measure, "▲ +5 rose" for one it knows."""
        if self.seen_after is None:
            return self.arrow_words
        return range_move_words(self.seen_before or self.seen_after, self.seen_after)

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def amount(self) -> int:
        return round(self.delta)

    @property
    def good(self) -> bool | None:
        """True for good news, False for bad, None for no change."""
        return is_good(self.id, self.delta)

    @property
    def text(self) -> str:
        """ "▲ +5", "▼ −3", "no change"."""
        return change_text(self.delta)

    @property
    def words(self) -> str:
        """ "Support rose by 5"."""
        return change_words(self.label, self.delta)

    @property
    def arrow_words(self) -> str:
        """ "▲ +5 rose", "▼ −3 fell", "no change": arrow, sign and word."""
        verb = "rose" if self.amount > 0 else "fell" if self.amount < 0 else ""
        return f"{self.text} {verb}".strip()


@dataclass(frozen=True)
class Shift:
    """A measure moved by one event."""

    id: str
    label: str
    amount: float
    estimated: bool = False  # the group sees this measure only as a range

    @property
    def text(self) -> str:
        return f"{self.label} {change_text(self.amount)}"

    @property
    def seen_text(self) -> str:
        """ "Support ▲ rose": the direction only, for a measure the group estimates."""
        if not self.estimated:
            return self.text
        return f"{self.label} {'▲ rose' if self.amount > 0 else '▼ fell'}"


@dataclass(frozen=True)
class EventStory:
    """Something that happened besides the group's move."""

    id: str
    heading: str  # "In the news", "The police", ...
    title: str
    text: str
    explain: str
    concept: Concept | None
    shifts: tuple[Shift, ...]  # the visible measures it moved

    @property
    def shifts_words(self) -> str:
        """ "What it moved: Pressure on the target ▼ −4, Energy and morale ▼ −4." ("" if none)."""
        if not self.shifts:
            return ""
        return "What it moved: " + ", ".join(shift.text for shift in self.shifts) + "."

    @property
    def seen_shifts_words(self) -> str:
        """The same during play: an estimated measure's change without its amount."""
        if not self.shifts:
            return ""
        return "What it moved: " + ", ".join(shift.seen_text for shift in self.shifts) + "."


@dataclass(frozen=True)
class StaircasePlace:
    """Where the campaign stands on the staircase after a round."""

    climbed: int  # highest step climbed together (0 = none)
    climbed_name: str  # "step 3, symbolic actions" ("" when none)
    step: int  # the step this round's move stands on (0 = not a step)
    step_name: str
    ready: bool

    def words(self, voice: str = "you") -> str:
        """Told to a group at its laptop (``"you"``) or by the room about itself (``"we"``)."""
        if self.climbed:
            text = f"Highest step climbed together: {self.climbed_name}."
        else:
            text = "No step of the staircase climbed together yet."
        if self.step:
            base = "you" if voice == "you" else "us"
            if self.ready:
                text += f" This round {voice} took {self.step_name}, with the base behind {base}."
            else:
                text += f" This round {voice} tried {self.step_name}, {TOO_EARLY}."
        return text


# -- the ending -------------------------------------------------------------------------

DECIDED_BY_MOVE = "move"
DECIDED_BY_EVENT = "event"
DECIDED_BY_STATE = "state"
"""What decided an ending: the move itself (a deal taken), an event (a win handed over
rather than earned), or the state the campaign was in (its measures)."""


@dataclass(frozen=True)
class Ending:
    """How a run ended (or that it has not)."""

    result: str | None  # "win", "partial", "loss"; None while playing
    id: str  # "" when no ending matched (the campaign ran out of time)
    title: str
    text: str
    explain: str
    concept: Concept | None
    round: int  # the round it ended in
    decided_by: str = DECIDED_BY_STATE
    decided_by_name: str = ""  # the move's label or the event's title
    earned: str = ""  # EARNED or HANDED for a win or a partial win, "" otherwise
    earned_words: str = ""  # "Earned by the base's own pressure (…)." / "Handed over, …"
    next_fight: str = ""  # what the way it was won means for the next fight

    @property
    def mark(self) -> str:
        return RESULT_MARKS.get(self.result or "", "…")

    @property
    def result_words(self) -> str:
        return result_words(self.result)

    @property
    def heading(self) -> str:
        """ "★ You won: The agency contract is cut"."""
        text = f"{self.mark} {self.result_words}"
        return f"{text}: {self.title}" if self.title else text

    @property
    def verdict_words(self) -> str:
        """ "Earned by the group's own moves." or "Handed over by an event, not earned."
        ("" for a loss)."""
        return VERDICT_WORDS.get(self.earned, "")

    @property
    def over_words(self) -> str:
        """Said on the round that ended it: "The campaign is over. ★ You won: …. Earned
        by the group's own moves."."""
        return f"The campaign is over. {self.heading}. {self.verdict_words}".strip()


RAN_OUT = "The campaign ran out of time."


def _ending(
    scenario: Scenario,
    c: Consequence,
    library: Library | None,
    earlier: Sequence[Consequence],
) -> Ending | None:
    if c.result is None:
        return None
    found = next((e for e in scenario.endings if e.id == c.ending), None)
    if found is None:
        return Ending(c.result, "", "", RAN_OUT, "", None, c.round)
    decided_by, name = DECIDED_BY_STATE, ""
    if scenario.tactic(c.tactic).ends == found.id:
        decided_by, name = DECIDED_BY_MOVE, c.label
    else:
        events = {e.id: e for e in scenario.events}
        ender = next((e for e in c.events if events[e.id].ends == found.id), None)
        if ender is not None:
            decided_by, name = DECIDED_BY_EVENT, ender.title
    ended_by = name if decided_by == DECIDED_BY_EVENT else ""
    verdict = judge(scenario, found, (*earlier, c), ended_by)
    title, text, explain = found.title, found.text, found.explain
    if verdict is not None and verdict.verdict == HANDED:
        title = found.handed_title or title
        text = found.handed_text or text
        # An ending reached through an event's ``ends`` was written for that event;
        # one reached by its condition was written for a win the base earned.
        explain = found.handed_explain or (explain if ended_by else HANDED_EXPLAIN)
        if decided_by == DECIDED_BY_STATE:
            decided_by, name = DECIDED_BY_EVENT, verdict.deciders[0]
    return Ending(
        c.result,
        found.id,
        title,
        text,
        explain,
        concept(found.concept, library),
        c.round,
        decided_by,
        name,
        verdict.verdict if verdict else "",
        verdict.words if verdict else "",
        verdict.next_fight if verdict else "",
    )


# -- a round ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundStory:
    """What one round did: the choice, what happened and why, every visible measure's
    change, the events, the place on the staircase, and the end if it came."""

    round: int
    tactic: str
    label: str
    kind: str  # "Organizing move", "Staircase step", ...
    ready: bool
    ready_text: str  # which needs were met
    narrative: str
    explain: str
    concept: Concept | None
    changes: tuple[MeasureChange, ...]
    events: tuple[EventStory, ...]
    stairs: StaircasePlace
    ending: Ending | None

    @property
    def ready_words(self) -> str:
        return READY_WORDS if self.ready else NOT_READY_WORDS

    @property
    def rushed(self) -> bool:
        """A staircase step taken before the base was ready."""
        return bool(self.stairs.step) and not self.ready

    @property
    def choice_words(self) -> str:
        """ "One-day strike", or "One-day strike (before the base was ready)"."""
        return self.label if self.ready else f"{self.label} ({TOO_EARLY})"

    @property
    def moved(self) -> tuple[MeasureChange, ...]:
        """The changes of at least one point."""
        return tuple(change for change in self.changes if change.amount)


def describe_round(
    scenario: Scenario,
    consequence: Consequence,
    staircase: Staircase | None,
    library: Library | None = None,
    earlier: Sequence[Consequence] = (),
) -> RoundStory:
    """One round told. ``earlier`` are the rounds before it: the ending of the last
    round judges a win on the whole run (earned or handed over)."""
    c = consequence
    visible = [m for m in scenario.visible_measures if m.id in c.after]
    labels = {m.id: m.label for m in visible}
    events = tuple(
        EventStory(
            id=e.id,
            heading=event_words(e.kind),
            title=e.title,
            text=e.text.strip(),
            explain=e.explain.strip(),
            concept=concept(e.concept, library),
            shifts=tuple(
                Shift(m, labels[m], amount, m in c.estimates)
                for m, amount in e.deltas.items()
                if m in labels and round(amount)
            ),
        )
        for e in c.events
    )
    changes = []
    for measure in visible:
        before = c.before.get(measure.id, c.after[measure.id])
        after = c.after[measure.id]
        move = c.moved.get(measure.id, 0.0)
        causes = [Cause(MOVE, c.label, move)] if move else []
        causes += [
            Cause(EVENT, e.title, e.deltas[measure.id])
            for e in c.events
            if e.deltas.get(measure.id)
        ]
        course = after - before - sum(cause.amount for cause in causes)
        if round(course, 6):
            causes.append(Cause(COURSE, COURSE_NAME, course))
        changes.append(
            MeasureChange(
                measure.id,
                measure.label,
                before,
                after,
                tuple(causes),
                c.estimates_before.get(measure.id),
                c.estimates.get(measure.id),
            )
        )
    ready = c.ready >= READY
    return RoundStory(
        round=c.round,
        tactic=c.tactic,
        label=c.label,
        kind=kind_words(scenario.tactic(c.tactic).kind),
        ready=ready,
        ready_text=c.ready_text,
        narrative=c.narrative.strip(),
        explain=c.explain.strip(),
        concept=concept(c.concept, library),
        changes=tuple(changes),
        events=events,
        stairs=StaircasePlace(
            climbed=c.climbed,
            climbed_name=step_name(c.climbed, staircase) if c.climbed else "",
            step=c.step,
            step_name=step_name(c.step, staircase) if c.step else "",
            ready=ready,
        ),
        ending=_ending(scenario, c, library, earlier),
    )


# -- the run ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureSeries:
    """One measure at the start and after each round."""

    id: str
    label: str
    low: float
    high: float
    values: tuple[float, ...]
    # For an estimated measure: the group's (low, high) range at the same points.
    ranges: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class StrategyShare:
    """How much of the run resembled one strategy, and the choices that show it."""

    strategy: str
    label: str
    share: float  # 0..1
    concept: Concept | None
    examples: tuple[str, ...]  # "Round 3: Banner drop", ...

    @property
    def percent(self) -> str:
        return percent(self.share)


@dataclass(frozen=True)
class TurningPoint:
    round: int
    label: str
    why: str  # "support rose by 14; a new step climbed"
    explain: str
    concept: Concept | None

    @property
    def heading(self) -> str:
        return f"Round {self.round}: {self.label}"


@dataclass(frozen=True)
class EstimateReveal:
    """The truth behind an estimate, told at the debrief: at the end of the run, or
    at a key moment (a step called on an overestimate, what a structure test showed)."""

    round: int  # 0: at the end of the run
    choice: str  # the move's label at a key moment ("" at the end)
    label: str  # the measure's label
    seen: tuple[float, float]
    true: float

    @property
    def overestimated(self) -> bool:
        """The truth clearly below the middle of the range (the group's best guess)."""
        return overestimated(self.seen, self.true)

    @property
    def words(self) -> str:
        """ "You estimated support at 48–70; it was 52.", led by the round and move at a
        key moment."""
        return self.told("you")

    def told(self, voice: str) -> str:
        """Told to a group (``"you"``) or by the room about itself (``"we"``)."""
        if not self.round:
            return reveal_words(self.label, self.seen, self.true, voice.capitalize())
        lead = f"Round {self.round}, {self.choice}: {voice}"
        text = reveal_words(self.label, self.seen, self.true, lead)
        return text[:-1] + (" (an overestimate)." if self.overestimated else ".")


def overestimated(seen: tuple[float, float], true: float) -> bool:
    """The true value clearly below the middle of the group's range: by a sixth of
    the range's width, and at least 2 points."""
    low, high = seen
    return true <= (low + high) / 2 - max(2.0, (high - low) / 6)


KEY_MOMENTS = 4
"""At most this many key moments are revealed, besides the end."""


def _estimate_reveals(run: Run) -> tuple[EstimateReveal, ...]:
    """The end's estimates against the truth, after the key moments: a move the
    base was not ready for, decided while the group thought itself stronger than it
    was, and each structure test or vote (what it showed)."""
    if not run.start_estimates:
        return ()
    labels = {m.id: m.label for m in run.scenario.measures}
    moments: list[EstimateReveal] = []
    for record in run.steps:
        c = record.consequence
        tactic = run.scenario.tactic(c.tactic)
        for measure, seen in c.estimates_before.items():
            true = c.before[measure]
            rushed = tactic.needs and c.ready < READY and overestimated(seen, true)
            if rushed or tactic.kind in ("test", "vote"):
                moments.append(EstimateReveal(c.round, c.label, labels[measure], seen, true))
    end = tuple(
        EstimateReveal(0, "", labels[measure], seen, run.measures(hidden=True)[measure])
        for measure, seen in run.estimates().items()
    )
    return tuple(moments[-KEY_MOMENTS:]) + end


def turning_point_words(point: TurningPoint) -> str:
    """ "Round 3: Banner drop — support rose by 14; a new step climbed."."""
    return f"{point.heading} — {point.why}."


@dataclass(frozen=True)
class BranchStory:
    """A "what if" path the group left: where it began, what it chose, how far it went."""

    from_round: int
    choices: tuple[str, ...]  # "4. One-day strike (before the base was ready)", ...
    highest: int
    result: str | None


@dataclass(frozen=True)
class RunStory:
    """A whole run, told once for every view."""

    scenario_id: str
    scenario_title: str
    summary: str
    seed: int
    round: int  # the round being played (or the last one)
    rounds_total: int
    rounds: tuple[RoundStory, ...]
    ending: Ending | None  # None while playing
    highest: int
    highest_name: str  # "step 7, one-day strike" ("" when none)
    measures: tuple[MeasureSeries, ...]
    fingerprint: tuple[StrategyShare, ...]  # highest share first
    turning_points: tuple[TurningPoint, ...]
    branches: tuple[BranchStory, ...]
    questions: tuple[str, ...]
    # The truth behind the group's estimates: key moments, then the end (empty
    # when the scenario estimates nothing). Told at the debrief only.
    reveals: tuple[EstimateReveal, ...] = ()

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def result(self) -> str | None:
        return self.ending.result if self.ending else None

    @property
    def heading(self) -> str:
        """ "★ You won: …", or "… Still playing (round 4 of 9)"."""
        if self.ending is None:
            return f"… Still playing (round {self.round} of {self.rounds_total})"
        return self.ending.heading

    @property
    def closest(self) -> StrategyShare | None:
        """The strategy the choices resembled most (None when nothing was chosen)."""
        top = self.fingerprint[0] if self.fingerprint else None
        return top if top is not None and top.share > 0 else None

    @property
    def rushed(self) -> tuple[int, ...]:
        """The rounds where a staircase step was taken before the base was ready."""
        return tuple(r.round for r in self.rounds if r.rushed)

    @property
    def highest_words(self) -> str:
        if self.highest:
            return f"Highest step climbed together: {self.highest_name}."
        return "No step of the staircase climbed together."

    @property
    def played_words(self) -> str:
        """ "9 rounds played. Highest step climbed together: step 7, one-day strike." """
        count = len(self.rounds)
        return f"{count} round{'' if count == 1 else 's'} played. {self.highest_words}"


def _shares(run: Run, library: Library | None) -> tuple[StrategyShare, ...]:
    if not run.steps:
        return ()
    return tuple(
        StrategyShare(s.strategy, s.label, s.share, concept(s.concept, library), s.examples)
        for s in run.fingerprint().shares
    )


def _branch(branch_from: int, steps: list[StepRecord]) -> BranchStory:
    choices = tuple(
        f"{r.round}. {r.consequence.label}"
        + ("" if r.consequence.ready >= READY else f" ({TOO_EARLY})")
        for r in steps
    )
    last = steps[-1].consequence
    return BranchStory(branch_from, choices, last.climbed, last.result)


def describe_run(run: Run, staircase: Staircase | None, library: Library | None = None) -> RunStory:
    scenario = run.scenario
    played = [r.consequence for r in run.steps]
    rounds = tuple(
        describe_round(scenario, c, staircase, library, played[:i]) for i, c in enumerate(played)
    )
    ending = rounds[-1].ending if rounds else None
    highest = run.steps[-1].consequence.climbed if run.steps else 0
    measures = tuple(
        MeasureSeries(
            m.id,
            m.label,
            m.low,
            m.high,
            (run.start_values[m.id], *(r.consequence.after[m.id] for r in run.steps)),
            (
                (run.start_estimates[m.id], *(r.consequence.estimates[m.id] for r in run.steps))
                if m.id in run.start_estimates
                else ()
            ),
        )
        for m in scenario.visible_measures
    )
    points = tuple(
        TurningPoint(p.round, p.label, p.why, p.explain.strip(), concept(p.concept, library))
        for p in (run.turning_points() if run.steps else ())
    )
    return RunStory(
        scenario_id=scenario.id,
        scenario_title=scenario.title,
        summary=scenario.summary,
        seed=run.seed,
        round=run.round,
        rounds_total=len(scenario.rounds),
        rounds=rounds,
        ending=ending,
        highest=highest,
        highest_name=step_name(highest, staircase) if highest else "",
        measures=measures,
        fingerprint=_shares(run, library),
        turning_points=points,
        branches=tuple(_branch(b.from_round, b.steps) for b in run.branches if b.steps),
        questions=tuple(scenario.questions) or DEFAULT_QUESTIONS,
        reveals=_estimate_reveals(run),
    )
