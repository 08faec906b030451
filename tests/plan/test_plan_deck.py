"""The deck a plan presents, clicker navigation with the staircase, and the block timers."""

from __future__ import annotations

from html import escape

import pytest

from teachin.locations import builtin_content_dir
from teachin.plan.deck import Navigator, build_deck, frame_html, frame_notes_html, plan_for_module
from teachin.plan.fileformat import load_plans
from teachin.plan.model import Block, BlockKind, Plan
from teachin.plan.timing import PlanTimer, timer_text
from teachin.workshop.library import load_library

CONTENT = builtin_content_dir()


@pytest.fixture(scope="module")
def library():
    return load_library([CONTENT])


def test_every_slide_of_every_module_block_and_one_frame_per_other_block(library):
    plan = load_plans([CONTENT])[0]["half-day-workshop"]
    frames = build_deck(plan, library, {"care-homes": "Short-staffed at Evergreen"})
    slides = sum(
        len(library.modules[b.ref].slides) for b in plan.blocks if b.kind == BlockKind.MODULE
    )
    others = sum(1 for b in plan.blocks if b.kind != BlockKind.MODULE)
    assert len(frames) == slides + others
    assert [f.block for f in frames] == sorted(f.block for f in frames)
    scenario = next(f for f in frames if f.kind == BlockKind.SCENARIO)
    assert scenario.title == "Short-staffed at Evergreen"
    html = frame_html(scenario, plan, until="12:00", summary="Aides fight short staffing.")
    assert "Scenario: Short-staffed at Evergreen" in html and "Until 12:00" in html
    assert "not available yet" in frame_notes_html(scenario, plan)


def test_the_projector_shows_no_notes_and_the_console_shows_them(library):
    module = library.modules["militancy-and-escalation"]
    plan = plan_for_module(module)
    frames = build_deck(plan, library)
    assert plan.total_minutes == module.minutes and len(frames) == len(module.slides)
    audience = frame_html(frames[0], plan)
    notes = frame_notes_html(frames[0], plan)
    assert 'class="notes"' not in audience and "strikes, occupations" in audience.replace("\n", " ")
    assert 'class="notes"' in notes and "Why would a strike have more power" in notes


def test_forward_reveals_the_staircase_one_step_at_a_time_then_moves_on(library):
    module = library.modules["militancy-and-escalation"]
    frames = build_deck(plan_for_module(module), library)
    stair = next(i for i, f in enumerate(frames) if f.steps)
    steps = frames[stair].steps
    assert steps == len(library.staircase.steps) == 10
    nav = Navigator(frames)
    assert nav.go_to(stair)
    assert nav.position.revealed == 1
    for shown in range(2, steps + 1):
        assert nav.forward()
        assert (nav.position.frame, nav.position.revealed) == (stair, shown)
    assert nav.forward()
    assert (nav.position.frame, nav.position.revealed) == (stair + 1, 0)
    # Coming back shows the whole staircase; going back again hides one step.
    assert nav.back()
    assert (nav.position.frame, nav.position.revealed) == (stair, steps)
    assert nav.back()
    assert nav.position.revealed == steps - 1


def test_navigation_stops_at_both_ends(library):
    frames = build_deck(
        Plan("p", "P", [Block(BlockKind.FREE, 5), Block(BlockKind.BREAK, 5)]), library
    )
    nav = Navigator(frames)
    assert not nav.back() and not nav.first()
    assert nav.forward() and not nav.forward()
    assert not nav.last() and nav.first() and nav.last()
    assert not nav.go_to(7)
    assert Navigator([]).current is None and not Navigator([]).forward()


def test_a_missing_module_becomes_a_frame_that_says_so(library):
    plan = Plan("p", "P", [Block(BlockKind.MODULE, 20, ref="gone")])
    frames = build_deck(plan, library)
    assert len(frames) == 1 and "not in the library" in frames[0].missing
    assert escape(frames[0].missing) in frame_notes_html(frames[0], plan)


def test_block_time_counts_for_the_block_on_screen():
    plan = Plan("p", "P", [Block(BlockKind.FREE, 10), Block(BlockKind.MODULE, 30, ref="m")])
    timer = PlanTimer(plan, now=100.0)
    assert timer.block_times(160.0).elapsed == 60.0
    timer.enter(1, 700.0)  # 10 minutes in the first block
    assert timer.block_times(700.0, block=0).elapsed == 600.0
    times = timer.block_times(700.0 + 31 * 60)
    assert times.over and times.remaining == -60.0
    assert timer.plan_times(700.0).remaining == 40 * 60 - 600
    timer.enter(0, 800.0)  # back to the first block: its time goes on
    assert timer.block_times(860.0).elapsed == 660.0
    assert (
        timer_text(754) == "12:34" and timer_text(3754) == "1:02:34" and timer_text(-61) == "−1:01"
    )


def test_schedule_drift_says_behind_when_a_block_runs_long():
    plan = Plan("p", "P", [Block(BlockKind.FREE, 10), Block(BlockKind.BREAK, 10)])
    timer = PlanTimer(plan, now=0.0)
    assert timer.schedule_drift(300.0) == 0.0
    assert timer.schedule_drift(900.0) == 300.0  # still in a 10-minute block after 15 minutes
    timer.enter(1, 900.0)
    assert timer.schedule_drift(900.0) == 300.0


def test_a_module_block_skips_the_slides_it_names_and_the_90_minute_plan_repeats_none(library):
    plan = load_plans([CONTENT])[0]["teach-in-90"]
    frames = build_deck(plan, library)
    block = next(i for i, b in enumerate(plan.blocks) if b.ref == "independent-mass-action")
    module = library.modules["independent-mass-action"]
    shown = [f.title for f in frames if f.block == block]
    assert plan.blocks[block].skip  # a shorter path through the module
    assert len(shown) == len(module.slides) - len(plan.blocks[block].skip)
    assert not set(plan.blocks[block].skip) & set(shown)
    # Module 1 opens the evening; module 5 shows none of the same slides again.
    titles = [f.title.casefold() for f in frames if f.kind == BlockKind.MODULE]
    assert len(titles) == len(set(titles))
