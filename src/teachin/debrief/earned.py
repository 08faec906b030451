"""Whether a win was earned by the base's own pressure or handed over by an event.

A win (or a partial win) is judged on the measures its ending's condition reads
(usually ``pressure``, against the target's hidden ``resolve``). Every change to a
measure has one of three causes, which a run records apart (see
:attr:`teachin.scenario.outcome.Consequence.moved`): the group's **moves**, the
**events** (luck, a champion, an elected ally delivering, a panicking target,
allies joining), and the **round's course** (every-round effects such as pressure
fading). The rule, kept simple so a facilitator can say it aloud:

- a win ended by an event (the event's ``ends``) is **handed over**;
- a win the ending's condition decided is **handed over** when, with the events'
  changes taken away, the condition would not hold, *and* the events pushed those
  measures at least as far as the group's own moves did; otherwise it is
  **earned** (when the events were needed but the moves did more, the words say
  that events tipped the balance);
- a win ended by the group's own move (a deal taken) has no condition to test:
  it is handed over when the events pushed the measure (``pressure``) further than
  the moves did.

Taking an event's push away in full is conservative (some of it would have faded
anyway), which is why the events must also have done at least as much as the moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teachin.scenario.model import Ending, Scenario
from teachin.scenario.outcome import Consequence

EARNED = "earned"
HANDED = "handed"
VERDICT_WORDS = {
    EARNED: "Earned by the group's own moves.",
    HANDED: "Handed over by an event, not earned.",
}
"""The verdict in one short sentence (on a group's card, after "The campaign is over")."""

HANDED_EXPLAIN = (
    "The target gave way, but not to a cost the base imposed: an event outside the "
    "campaign's control decided it."
)
"""The explanation told for a handed-over win whose ending has no ``handed_explain``
(the ending's own explanation is written for a win the base earned)."""

NEXT_EARNED = (
    "For the next fight: the power that won this is the group's own. Kept organized, "
    "the same base can defend the win and reach further."
)
NEXT_HANDED = (
    "For the next fight: what is handed over can be taken back, and nothing the group "
    "built can defend it. The next fight starts where this one did: build the base first."
)

_FALLBACK_MEASURE = "pressure"
"""The measure judged when the ending's condition reads none (an ending reached
only through a move's ``ends``, such as a deal taken)."""


@dataclass(frozen=True)
class Contributions:
    """How far each cause moved one measure over the whole run."""

    measure: str
    label: str
    moves: float
    events: float
    course: float
    top_moves: tuple[str, ...]  # "One-day strike (round 7)", the moves that did most
    top_events: tuple[str, ...]  # the titles of the events that did most


@dataclass(frozen=True)
class Verdict:
    """A win judged: earned or handed over, why, and what it means next."""

    verdict: str  # EARNED or HANDED
    words: str  # the judgement with its figures, in plain words
    next_fight: str
    deciders: tuple[str, ...]  # the events that decided a handed-over win


def contributions(
    scenario: Scenario, steps: Sequence[Consequence], measure_id: str
) -> Contributions:
    """The moves', the events' and the course's share of ``measure_id``'s change."""
    moves = events = course = 0.0
    by_move: list[tuple[float, str]] = []
    by_event: dict[str, float] = {}
    for c in steps:
        move = c.moved.get(measure_id, 0.0)
        fired = 0.0
        for event in c.events:
            amount = event.deltas.get(measure_id, 0.0)
            fired += amount
            by_event[event.title] = by_event.get(event.title, 0.0) + amount
        moves += move
        events += fired
        course += c.after.get(measure_id, 0.0) - c.before.get(measure_id, 0.0) - move - fired
        by_move.append((move, f"{c.label} (round {c.round})"))
    top_moves = tuple(name for amount, name in sorted(by_move, key=lambda m: -m[0])[:2] if amount)
    # The events that pushed the way the events did overall, the biggest first.
    sign = 1.0 if events >= 0 else -1.0
    ranked = sorted(by_event.items(), key=lambda item: -item[1] * sign)
    top_events = tuple(title for title, amount in ranked[:2] if round(amount * sign) > 0)
    label = scenario.measure(measure_id).label
    return Contributions(measure_id, label, moves, events, course, top_moves, top_events)


def _read_measures(scenario: Scenario, ending: Ending) -> list[str]:
    read = [m.id for m in scenario.measures if m.id in ending.when.names]
    if not read and _FALLBACK_MEASURE in scenario.measure_index:
        read = [_FALLBACK_MEASURE]
    return read


def _holds_without_events(
    scenario: Scenario, ending: Ending, last: Consequence, parts: Sequence[Contributions]
) -> bool:
    """Whether the ending's condition would still hold with the events' changes to
    the measures it reads taken away."""
    values = [0.0] * len(scenario.names)
    for measure in scenario.measures:
        values[scenario.measure_index[measure.id]] = last.after.get(measure.id, measure.start)
    for part in parts:
        measure = scenario.measure(part.measure)
        without = last.after.get(part.measure, 0.0) - part.events
        values[scenario.measure_index[part.measure]] = min(max(without, measure.low), measure.high)
    values[scenario.names["round"]] = last.round
    values[scenario.names["rounds"]] = len(scenario.rounds)
    values[scenario.names["climbed"]] = last.climbed
    return bool(ending.when.fn(values))


def _figures(part: Contributions) -> str:
    """ "Pressure on the target: +62 from the group's moves, +5 from events, −21 as
    it faded over the rounds"."""
    text = f"{part.label}: {_signed(part.moves)} from the group's moves, "
    text += f"{_signed(part.events)} from events"
    if round(part.course):
        text += f", {_signed(part.course)} over the rounds' course"
    return text


def _signed(amount: float) -> str:
    number = round(amount)
    return f"+{number}" if number > 0 else f"−{-number}" if number < 0 else "0"


def _names(items: Sequence[str]) -> str:
    quoted = [f"“{item}”" for item in items]
    return " and ".join(quoted) if len(quoted) <= 2 else ", ".join(quoted)


def judge(
    scenario: Scenario, ending: Ending, steps: Sequence[Consequence], ended_by: str = ""
) -> Verdict | None:
    """Judge a finished run's win or partial win (None for a loss).

    ``steps`` are the run's rounds up to its end; ``ended_by`` is the title of the
    event whose ``ends`` finished it ("" when none did)."""
    if ending.result not in ("win", "partial") or not steps:
        return None
    parts = [contributions(scenario, steps, m) for m in _read_measures(scenario, ending)]
    main = max(parts, key=lambda p: abs(p.moves) + abs(p.events), default=None)
    figures = f" ({_figures(main)})" if main is not None else ""
    if ended_by:
        words = f"Handed over, not earned: “{ended_by}” ended the campaign{figures}."
        return Verdict(HANDED, words, NEXT_HANDED, (ended_by,))
    pushed_by_events = sum(abs(p.events) for p in parts)
    pushed_by_moves = sum(abs(p.moves) for p in parts)
    # None: the condition reads no measure (a move ended it), so nothing to test.
    needed = (
        not _holds_without_events(scenario, ending, steps[-1], parts)
        if ending.when.names & set(scenario.measure_index)
        else None
    )
    deciders = main.top_events if main is not None else ()
    if deciders and needed is not False and pushed_by_events >= pushed_by_moves:
        words = f"Handed over, not earned: {_names(deciders)} decided it{figures}."
        if needed:
            words += " The group's own pressure would not have been enough."
        return Verdict(HANDED, words, NEXT_HANDED, deciders)
    words = f"Earned by the group's own moves, not handed over by events{figures}."
    if main is not None and main.top_moves:
        words += f" Most of it came from {_names(main.top_moves)}."
    if needed and deciders:
        words += f" Events tipped the balance: {_names(deciders)}."
    return Verdict(EARNED, words, NEXT_EARNED, ())
