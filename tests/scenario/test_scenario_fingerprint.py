"""The strategy fingerprint judges what a choice was for: a low step labelled liberal
(a petition) counts as mass action when it was a step of an organized escalation, and
as liberal when it was done instead of organizing."""

from __future__ import annotations

import pytest
from tests.small_fight import fight, play

from teachin.scenario.fingerprint import IN_A_CLIMB


def shares(choices: list[str]) -> tuple[dict[str, float], dict[str, tuple[str, ...]]]:
    # Resolve out of reach: the run plays every round, whatever is chosen.
    run = play(fight(("start = 50", "start = 100")), choices)
    assert len(run.steps) == len(choices)
    printed = run.fingerprint().shares
    return {s.strategy: s.share for s in printed}, {s.strategy: s.examples for s in printed}


@pytest.mark.parametrize(
    "choices",
    [
        # Organizing first, then the petition, then the group climbs higher.
        ["one-on-ones", "petition", "strike", "one-on-ones", "strike", "one-on-ones"],
        # Done with the base ready as the next step of a climb under way.
        ["teach-in", "petition", "one-on-ones", "one-on-ones", "one-on-ones", "one-on-ones"],
    ],
)
def test_a_petition_as_a_step_of_an_organized_escalation_counts_as_mass_action(choices):
    share, examples = shares(choices)
    assert share["mass-action"] == pytest.approx(1)
    assert f"Round 2: Petition{IN_A_CLIMB}" in examples["mass-action"]


@pytest.mark.parametrize(
    "choices",
    [
        # Instead of organizing: petitions and lobbying, no climb.
        ["petition", "petition", "lobby", "petition", "lobby", "petition"],
        # Organizing first, but the petition is where it stops.
        ["one-on-ones", "one-on-ones", "petition", "one-on-ones", "petition", "one-on-ones"],
        # A climb higher later, but no organizing before the petition.
        ["petition", "strike", "strike", "strike", "strike", "strike"],
    ],
)
def test_a_petition_instead_of_organizing_counts_as_liberal(choices):
    share, examples = shares(choices)
    petitions = choices.count("petition")
    assert share["liberal"] == pytest.approx((petitions + choices.count("lobby")) / len(choices))
    assert all(IN_A_CLIMB not in example for example in examples["liberal"])
