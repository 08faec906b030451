"""An honest debrief: a win earned by the base's own pressure and a win handed over by
an event are told apart (teachin.debrief.earned), in the one description of a run and
so on every screen and page; turning points credit each change to its own cause."""

from __future__ import annotations

import pytest
from tests.small_fight import EARN, HAND, fight, play

from teachin.debrief.earned import EARNED, HANDED, HANDED_EXPLAIN, NEXT_EARNED, NEXT_HANDED
from teachin.debrief.model import DECIDED_BY_EVENT, DECIDED_BY_STATE, EVENT, MOVE, describe_run


def test_a_win_decided_by_an_event_gets_a_different_ending_text_from_a_win_earned_by_pressure():
    scenario = fight()
    earned = describe_run(play(scenario, EARN), None).ending
    handed = describe_run(play(scenario, HAND), None).ending
    assert earned is not None and handed is not None
    assert earned.result == handed.result == "win" and earned.id == handed.id == "won"

    assert earned.earned == EARNED and earned.decided_by == DECIDED_BY_STATE
    assert earned.earned_words.startswith("Earned by the group's own moves")
    assert "+60 from the group's moves, 0 from events" in earned.earned_words
    assert "“Strike (round 1)”" in earned.earned_words
    assert earned.explain == "That cost came from an organized base."
    assert earned.next_fight == NEXT_EARNED

    assert handed.earned == HANDED
    assert (handed.decided_by, handed.decided_by_name) == (
        DECIDED_BY_EVENT,
        "The minister takes up the cause",
    )
    assert handed.earned_words.startswith(
        "Handed over, not earned: “The minister takes up the cause” decided it"
    )
    assert "+60 from events" in handed.earned_words
    assert "would not have been enough" in handed.earned_words
    # The ending's own explanation claims an organized base: not told for a handed win.
    assert "organized base" not in handed.explain and handed.explain == HANDED_EXPLAIN
    assert handed.next_fight == NEXT_HANDED
    assert earned.over_words != handed.over_words
    assert handed.over_words.endswith("Handed over by an event, not earned.")
    assert earned.over_words.endswith("Earned by the group's own moves.")


def test_the_author_writes_the_handed_win_its_own_texts():
    scenario = fight(
        (
            'explain = "That cost came from an organized base."',
            'explain = "That cost came from an organized base."\n'
            'handed_title = "The minister hands it over"\n'
            'handed_text = "A standard in the budget bill, for now."\n'
            'handed_explain = "Nobody organized is left to defend it."',
        )
    )
    handed = describe_run(play(scenario, HAND), None).ending
    earned = describe_run(play(scenario, EARN), None).ending
    assert handed is not None and earned is not None
    assert (handed.title, handed.text, handed.explain) == (
        "The minister hands it over",
        "A standard in the budget bill, for now.",
        "Nobody organized is left to defend it.",
    )
    assert handed.heading == "★ You won: The minister hands it over"
    assert (earned.title, earned.text) == ("The demand is won", "The target gives in.")


def test_a_win_ended_by_an_event_is_handed_over_with_its_own_ending():
    windfall = (
        '\n[[ending]]\nid = "handed-win"\nresult = "win"\nwhen = "false"\n'
        'title = "Won, for now"\ntext = "The minister decrees it."\n'
        'explain = "A decree can be undone by the next minister."\n'
    )
    scenario = fight(
        ('pressure = "60"', 'pressure = "1"'),
        ("once = true", 'once = true\nends = "handed-win"'),
        extra=windfall,
    )
    ending = describe_run(play(scenario, HAND), None).ending
    assert ending is not None and ending.id == "handed-win"
    assert ending.earned == HANDED and ending.decided_by == DECIDED_BY_EVENT
    assert ending.earned_words.startswith(
        "Handed over, not earned: “The minister takes up the cause” ended the campaign"
    )
    # Written for the event: the ending's own explanation is kept.
    assert ending.explain == "A decree can be undone by the next minister."


def test_events_that_only_tip_a_win_the_moves_built_are_named_but_do_not_take_it():
    # One strike (+30) and allies who join when pressure passes 25 (+25): the allies
    # were needed, but the base's own strike did more, so the win is earned.
    allies = (
        '\n[[event]]\nid = "allies"\nkind = "allies"\ntitle = "The nurses join in"\n'
        'when = "pressure >= 25"\nonce = true\nchance = "1"\n[event.effects]\npressure = "25"\n'
    )
    scenario = fight(("start = 50", "start = 45"), extra=allies)
    ending = describe_run(play(scenario, EARN), None).ending
    assert ending is not None and ending.round == 1 and ending.earned == EARNED
    assert ending.earned_words.endswith("Events tipped the balance: “The nurses join in”.")


def test_a_loss_is_neither_earned_nor_handed():
    ending = describe_run(play(fight(), ["one-on-ones"] * 6), None).ending
    assert ending is not None and ending.result == "loss"
    assert (ending.earned, ending.earned_words, ending.next_fight, ending.verdict_words) == (
        "",
        "",
        "",
        "",
    )


def test_turning_points_never_credit_a_move_with_what_an_event_did():
    run = play(fight(), HAND)
    story = describe_run(run, None)
    last = story.rounds[-1]
    pressure = next(change for change in last.changes if change.id == "pressure")
    by_kind = {cause.kind: cause.amount for cause in pressure.causes}
    assert by_kind[MOVE] == pytest.approx(2) and by_kind[EVENT] == pytest.approx(60)
    (point,) = [p for p in story.turning_points if p.round == last.round]
    move_part, event_part = point.why.split("The minister takes up the cause", 1)
    assert "pressure" not in move_part
    assert event_part.startswith(": pressure on the target rose by 60")


HANDED_SAYS = "Handed over, not earned: “The minister takes up the cause” decided it"


def test_every_view_tells_a_handed_win_as_handed_over(qtbot, library, tmp_path):
    # The golden files pin every view for an earned win; here the same views show a
    # win the minister handed over, without the ending's claim of an organized base.
    from teachin.debrief.room_screens import consequence_html, end_html, notes_html
    from teachin.export.documents import debrief
    from teachin.runs.board import GroupRun
    from teachin.runs.room import RoomSession, Screen, ScreenKind
    from teachin.ui.player.debrief_view import DebriefView
    from teachin.ui.present.debrief_board import card_html

    scenario = fight()
    session = RoomSession.start(scenario, seed=1)
    while not session.run.finished:
        session.decide("lobby", {"lobby": 9, "strike": 4})
    run = session.run
    last = len(run.steps)
    view = DebriefView(library.staircase, library)
    qtbot.addWidget(view)
    view.show_run(run)
    told = {
        "the PDF": debrief(run, library).parts[0],
        "the player's end screen": view.outcome_text.text(),
        "the room's end screen": end_html(session, None),
    }
    for where, text in told.items():
        assert HANDED_SAYS in text, where
        assert "build the base first" in text or where == "the room's end screen", where
        assert "organized base" not in text, where
    notes = notes_html(session, Screen(ScreenKind.END), library)
    assert "build the base first" in notes and "organized base" not in notes
    over = consequence_html(session, last, None)
    assert "Handed over by an event, not earned." in over
    card = card_html(
        GroupRun(tmp_path / "room.json", "Table 1", run, session.decisions, room=True), 0, None
    )
    assert "Handed over by an event, not earned." in card
