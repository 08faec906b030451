"""The one description of a run (teachin.debrief): what each round did and why, every
change with its causes, the place on the staircase, how the run ended and what decided
it. Structure and numbers here; the wording is pinned by the golden files."""

from __future__ import annotations

import dataclasses

import pytest

from teachin.debrief.model import (
    COURSE,
    COURSE_NAME,
    DECIDED_BY_EVENT,
    DECIDED_BY_MOVE,
    DECIDED_BY_STATE,
    EVENT,
    MOVE,
    describe_round,
    describe_run,
)
from teachin.debrief.words import (
    DEFAULT_QUESTIONS,
    EVENT_WORDS,
    KIND_WORDS,
    RESULT_MARKS,
    TOO_EARLY,
    change_text,
    is_good,
    result_words,
)
from teachin.runs.room import RoomSession
from teachin.scenario.loader import EVENT_KINDS
from teachin.scenario.model import TACTIC_KINDS
from teachin.scenario.run import Run


def test_changes_are_told_by_arrow_and_sign_not_colour_alone() -> None:
    assert change_text(4.6) == "▲\u00a0+5"  # a no-break space: never "▲" alone at a line's end
    assert change_text(-3.2) == "▼\u00a0−3"
    assert change_text(0.2) == "no change"
    assert is_good("support", 5) is True
    assert is_good("repression", 5) is False  # a rise in repression is bad news
    assert is_good("morale", 0.1) is None


def test_every_visible_measure_moves_by_the_sum_of_its_causes(fixed_game: RoomSession) -> None:
    run = fixed_game.run
    visible = [m.id for m in run.scenario.visible_measures]
    for record in run.steps:
        story = describe_round(run.scenario, record.consequence, None)
        assert [change.id for change in story.changes] == visible
        for change in story.changes:
            assert change.delta == pytest.approx(record.consequence.deltas[change.id], abs=1e-6)
            assert sum(cause.amount for cause in change.causes) == pytest.approx(change.delta)
            assert change.good == is_good(change.id, change.delta)
        for event in story.events:
            for shift in event.shifts:
                causes = next(c for c in story.changes if c.id == shift.id).causes
                assert any(c.kind == EVENT and c.name == event.title for c in causes)


def test_an_event_is_named_as_a_cause_of_what_it_moved(fixed_game: RoomSession) -> None:
    run = fixed_game.run
    record = next(r for r in run.steps if r.consequence.events)
    story = describe_round(run.scenario, record.consequence, None)
    event = story.events[0]
    assert event.shifts and event.heading and event.title in story.events[0].title
    moved = {shift.id: shift.amount for shift in event.shifts}
    for change in story.changes:
        by_event = [c for c in change.causes if c.kind == EVENT]
        if change.id in moved:
            assert by_event[0].amount == pytest.approx(moved[change.id])
        assert all(c.name == story.label for c in change.causes if c.kind == MOVE)
        assert all(c.name == COURSE_NAME for c in change.causes if c.kind == COURSE)


def test_the_move_the_events_and_the_rounds_course_are_separate_causes(
    fixed_game: RoomSession,
) -> None:
    # The move's own share is what its effects did (nothing else), events theirs, and
    # the round's course (pressure fading, fatigue) its own: never credited to the move.
    run = fixed_game.run
    scenario = run.scenario
    kinds_seen = set()
    for record in run.steps:
        c = record.consequence
        story = describe_round(scenario, c, None)
        assert set(c.moved) <= {e.measure for e in scenario.tactic(c.tactic).effects}
        for change in story.changes:
            by_kind = {
                k: sum(x.amount for x in change.causes if x.kind == k)
                for k in (MOVE, EVENT, COURSE)
            }
            assert by_kind[MOVE] == pytest.approx(c.moved.get(change.id, 0.0))
            assert by_kind[COURSE] == pytest.approx(c.course.get(change.id, 0.0), abs=1e-6)
            kinds_seen |= {x.kind for x in change.causes}
    assert kinds_seen == {MOVE, EVENT, COURSE}


def test_a_step_taken_too_early_is_marked_everywhere_it_is_told(fixed_game, library) -> None:
    story = describe_run(fixed_game.run, library.staircase, library)
    early = story.rounds[3]
    assert not early.ready and early.rushed and story.rushed == (4,)
    assert early.choice_words.endswith(f"({TOO_EARLY})")
    assert early.stairs.step == 7 and early.stairs.step_name.startswith("step 7, ")
    assert early.stairs.climbed < 7
    for voice in ("you", "we"):
        words = early.stairs.words(voice)
        assert early.stairs.climbed_name in words and early.stairs.step_name in words
        assert f"round {voice} tried" in words and TOO_EARLY in words
    ready = story.rounds[-1]
    assert ready.ready and not ready.rushed and "with the base behind" in ready.stairs.words()


def test_the_run_is_told_from_start_to_end(fixed_game: RoomSession, library) -> None:
    run = fixed_game.run
    story = describe_run(run, library.staircase, library)
    assert story.finished and story.ending is not None
    assert story.result == run.result
    assert story.heading == (
        f"{RESULT_MARKS[run.result]} {result_words(run.result)}: {run.ending.title}"
    )
    assert story.ending.decided_by == DECIDED_BY_STATE and story.ending.round == len(run.steps)
    assert [r.round for r in story.rounds] == list(range(1, len(run.steps) + 1))
    assert story.rounds[-1].ending == story.ending
    assert all(r.ending is None for r in story.rounds[:-1])
    assert story.highest == run.climbed and story.highest_name in story.highest_words
    assert all(len(m.values) == len(run.steps) + 1 for m in story.measures)
    assert story.measures[0].values[0] == run.start_values[story.measures[0].id]
    assert story.closest is not None and story.closest.label == story.fingerprint[0].label
    assert sum(share.share for share in story.fingerprint) == pytest.approx(1)
    assert 0 < len(story.turning_points) <= 3
    assert story.questions == run.scenario.questions


def test_a_run_still_playing_says_where_it_is(fixed_game: RoomSession, library) -> None:
    scenario = fixed_game.scenario
    run = Run(dataclasses.replace(scenario, questions=()), 3)
    story = describe_run(run, library.staircase)
    assert not story.finished and story.closest is None and story.rounds == ()
    assert story.heading.endswith(f"(round 1 of {len(scenario.rounds)})")
    assert story.questions == DEFAULT_QUESTIONS
    run.choose(run.options()[0].id)
    story = describe_run(run, library.staircase)
    assert "(round 2 of" in story.heading and len(story.rounds) == 1


def test_what_decided_the_ending_is_named(fixed_game: RoomSession) -> None:
    scenario = fixed_game.scenario
    deal = scenario.endings[0].id
    # A move that ends the campaign (a deal taken): decided by the move.
    first = fixed_game.run.steps[0].tactic
    by_move = dataclasses.replace(
        scenario,
        tactics=tuple(
            dataclasses.replace(t, ends=deal) if t.id == first else t for t in scenario.tactics
        ),
    )
    run = Run(by_move, 3)
    run.choose(first)
    ending = describe_run(run, None).ending
    assert ending is not None and ending.id == deal
    assert (ending.decided_by, ending.decided_by_name) == (
        DECIDED_BY_MOVE,
        run.steps[0].consequence.label,
    )
    # Every event ends it: the first to fire hands the ending over.
    by_event = dataclasses.replace(
        scenario, events=tuple(dataclasses.replace(e, ends=deal) for e in scenario.events)
    )
    run = Run(by_event, 3)
    for record in fixed_game.run.steps:
        run.choose(record.tactic)
        if run.finished:
            break
    ending = describe_run(run, None).ending
    fired = run.steps[-1].consequence.events
    assert ending is not None and fired
    assert (ending.decided_by, ending.decided_by_name) == (DECIDED_BY_EVENT, fired[0].title)


def test_every_kind_of_move_and_of_event_has_its_own_words() -> None:
    # A kind without words would be told as "Vote" or hidden under "Meanwhile".
    assert set(TACTIC_KINDS) <= set(KIND_WORDS)
    assert set(EVENT_KINDS) <= set(EVENT_WORDS)
