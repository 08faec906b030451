"""The debrief of a run with an estimated measure: a round tells how the group's range
moved (never the true change), and the end reveals the truth: in the debrief model,
the PDF and the debrief board's card. The new kinds of move have plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.export.pdf_helpers import page_texts, squash

from teachin.debrief.model import describe_round, describe_run
from teachin.debrief.words import kind_words, range_move_short, range_text
from teachin.locations import builtin_content_dir
from teachin.runs.board import GroupRun
from teachin.scenario.loader import load_scenarios
from teachin.scenario.run import Run
from teachin.workshop.library import load_library

ESTIMATES = Path(__file__).parent.parent / "data" / "estimates"


@pytest.fixture(scope="module")
def scenario():
    return load_scenarios([ESTIMATES])[0]["estimates"]


def played(scenario, seed: int = 1) -> Run:
    """A strike on a guess in round 2, a structure test, a strike vote, then talking."""
    run = Run(scenario, seed)
    for tactic in ("talk", "strike", "test", "vote"):
        run.choose(tactic)
    while not run.finished:
        run.choose("talk")
    return run


def test_the_new_kinds_of_move_have_words():
    assert kind_words("vote") == "Vote of the members"
    assert kind_words("test") == "Structure test"


def test_a_round_tells_the_ranges_move_and_an_events_direction_only(scenario):
    run = Run(scenario, 1)
    seen = run.estimates()["support"]
    run.choose("talk")
    consequence = run.choose("strike")  # the employer's campaign takes 8 off support
    story = describe_round(scenario, consequence, None)
    support = next(c for c in story.changes if c.id == "support")
    assert support.estimated and support.seen_after == run.estimates()["support"]
    assert support.seen_before == consequence.estimates_before["support"] != seen
    assert support.seen_move == (
        f"{range_text(*support.seen_before)} → {range_text(*support.seen_after)}, "
        f"{range_move_short(support.seen_before, support.seen_after)}"
    )
    assert "lower" in support.seen_move
    (event,) = story.events
    assert event.seen_shifts_words == "What it moved: Support ▼ fell."
    assert event.shifts_words == "What it moved: Support ▼\u00a0−8."  # the truth, at the end
    pressure = next(c for c in story.changes if c.id == "pressure")
    assert not pressure.estimated and pressure.seen_move == pressure.arrow_words


def test_the_end_reveals_the_truth_and_the_key_moments(scenario):
    run = played(scenario)
    story = describe_run(run, None)
    words = [reveal.words for reveal in story.reveals]
    truth = round(run.measures(hidden=True)["support"])
    assert words[-1] == f"You knew support: it was {truth}."
    strike, test, vote = words[:3]
    seen = run.steps[1].consequence.estimates_before["support"]
    assert strike == (
        f"Round 2, Strike: you estimated support at {range_text(*seen)}; it was "
        f"{round(run.steps[1].consequence.before['support'])} (an overestimate)."
    )
    assert test.startswith("Round 3, Structure test: you estimated support at")
    assert vote.startswith("Round 4, Strike vote:") and "overestimate" not in vote
    (support, _pressure) = story.measures
    assert len(support.ranges) == len(support.values) == len(run.steps) + 1
    pairs = zip(support.ranges, support.values, strict=True)
    assert all(low <= value <= high for (low, high), value in pairs)


def test_a_run_without_estimates_reveals_nothing(scenario):
    # The frozen copy from before issue 13's rework estimates nothing.
    frozen = Path(__file__).parent.parent / "scenario" / "frozen"
    plain = load_scenarios([frozen])[0]["care-homes"]
    run = Run(plain, 3)
    run.choose(run.options()[0].id)
    story = describe_run(run, None)
    assert story.reveals == () and all(not m.ranges for m in story.measures)
    assert not any(change.estimated for change in story.rounds[0].changes)


def test_the_pdf_debrief_reveals_the_estimates(scenario, tmp_path, qapp):
    from teachin.export.documents import debrief, export_pdf
    from teachin.export.paged import Paper

    run = played(scenario)
    path = tmp_path / "debrief.pdf"
    export_pdf(debrief(run, load_library([builtin_content_dir()])), path, Paper.A4)
    text = squash(" ".join(page_texts(path)))
    assert squash("What you estimated, and the truth") in text
    for reveal in describe_run(run, None).reveals:
        assert squash(reveal.words) in text
    assert squash("A grey band is what the group estimated") in text


def test_the_debrief_boards_card_tells_the_end_estimate_once_finished(scenario, qapp):
    from teachin.ui.present.debrief_board import card_html

    run = Run(scenario, 1)
    run.choose("talk")
    assert "support" not in card_html(GroupRun(Path("a.run.json"), "A", run), 0, None)
    run = played(scenario)
    card = card_html(GroupRun(Path("a.run.json"), "A", run), 0, None)
    truth = round(run.measures(hidden=True)["support"])
    assert f"You knew support: it was {truth}." in card
