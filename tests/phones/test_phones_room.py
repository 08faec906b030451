"""The room's rules without any socket: what a phone may do, checked against the state
shown (one vote per device per round, the last counts; stale rounds; limits)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from teachin.phones.address import private_addresses
from teachin.phones.protocol import (
    BallotState,
    TableChanged,
    TableMove,
    TablesState,
    TableState,
    VoteTally,
    majority,
    numbered,
)
from teachin.phones.room import Limits, PhoneRoom

CHOICES = numbered([("petition", "Petition"), ("committee", "Committee"), ("strike", "Strike")])
PHONE_A, PHONE_B = "a" * 32, "b" * 32


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def room_voting(round_number: int = 1, *, open_: bool = True, **limits: float) -> PhoneRoom:
    room = PhoneRoom(Limits(**limits))  # type: ignore[arg-type]
    room.show(BallotState(round_number, "Rent is up.", CHOICES, open_, "Tenants"))
    for token in (PHONE_A, PHONE_B):
        assert room.connect(token, "10.0.0.5").status == 200
    return room


def test_choices_are_numbered_as_the_room_screen_numbers_them():
    many = numbered([(f"t{i}", f"Tactic {i}") for i in range(12)])
    assert [c.number for c in many] == [str(n) for n in range(1, 13)]


def test_one_vote_per_device_per_round_and_the_last_counts():
    room = room_voting()
    assert room.vote({"device": PHONE_A, "round": 1, "choice": "petition"}).status == 200
    answer = room.vote({"device": PHONE_A, "round": 1, "choice": "strike"})
    assert answer.status == 200
    assert answer.events == (VoteTally(1, {"strike": 1}, 1),)
    answer = room.vote({"device": PHONE_B, "round": 1, "choice": "strike"})
    assert answer.events == (VoteTally(1, {"strike": 2}, 2),)
    # The same vote again changes nothing and tells the GUI nothing.
    assert room.vote({"device": PHONE_B, "round": 1, "choice": "strike"}).events == ()


def test_a_vote_for_another_round_or_a_closed_one_is_refused():
    room = room_voting(round_number=2)
    stale = room.vote({"device": PHONE_A, "round": 1, "choice": "petition"})
    assert (stale.status, stale.events) == (409, ())
    room.show(BallotState(2, "Rent is up.", CHOICES, False, "Tenants"))
    assert room.vote({"device": PHONE_A, "round": 2, "choice": "petition"}).status == 409
    assert room.tally() == VoteTally(2, {}, 0)


def test_every_value_is_checked_before_the_gui_sees_it():
    room = room_voting()
    for body in (
        {"device": PHONE_A, "round": 1, "choice": "riot"},  # not offered
        {"device": PHONE_A, "round": 1, "choice": ["petition"]},
        {"device": PHONE_A, "round": 1},
    ):
        assert room.vote(body).status == 400
    for body in (
        {"device": PHONE_A, "round": True, "choice": "petition"},
        {"device": PHONE_A, "round": "1", "choice": "petition"},
    ):
        assert room.vote(body).status == 409
    assert room.vote({"device": "c" * 32, "round": 1, "choice": "petition"}).status == 403
    assert room.vote({"device": "<script>", "round": 1, "choice": "petition"}).status == 403
    assert room.vote(["not", "an", "object"]).status == 400
    assert room.votes == {}


def test_a_new_round_starts_every_ballot_afresh_and_reshowing_one_keeps_it():
    room = room_voting()
    room.vote({"device": PHONE_A, "round": 1, "choice": "committee"})
    assert not room.show(BallotState(1, "Rent is up.", CHOICES, True, "Tenants", outcome=""))
    assert room.show(BallotState(1, "Rent is up.", CHOICES, False, "Tenants"))  # closed
    assert room.tally() == VoteTally(1, {"committee": 1}, 1)
    room.show(BallotState(2, "The landlord answers.", CHOICES, True, "Tenants"))
    assert room.tally() == VoteTally(2, {}, 0)


def test_the_snapshot_is_the_whole_state_with_the_devices_own_vote():
    room = room_voting()
    room.vote({"device": PHONE_A, "round": 1, "choice": "committee"})
    message = json.loads(room.snapshot(PHONE_A))
    assert message["mine"] == {"vote": "committee", "table": None}
    assert message["state"]["round"] == 1
    assert [c["number"] + " " + c["label"] for c in message["state"]["choices"]] == [
        "1 Petition",
        "2 Committee",
        "3 Strike",
    ]
    assert json.loads(room.snapshot(PHONE_B))["mine"]["vote"] is None
    assert json.loads(PhoneRoom(Limits()).snapshot(PHONE_A))["state"] == {"mode": "wait"}


def test_votes_are_rate_limited_per_device_and_the_allowance_comes_back():
    clock = Clock()
    room = PhoneRoom(Limits(action_burst=3, actions_per_second=1.0), clock)
    room.show(BallotState(1, "", CHOICES, True, ""))
    room.connect(PHONE_A, "10.0.0.5")
    choices = ["petition", "committee", "strike", "petition"]
    statuses = [room.vote({"device": PHONE_A, "round": 1, "choice": c}).status for c in choices]
    assert statuses == [200, 200, 200, 429]
    clock.now += 1.0
    assert room.vote({"device": PHONE_A, "round": 1, "choice": "petition"}).status == 200


def test_devices_are_capped_made_up_ones_make_room_and_bad_tokens_are_refused():
    clock = Clock()
    room = PhoneRoom(Limits(max_devices=2), clock)
    room.show(BallotState(1, "", CHOICES, True, ""))
    voter, idle, newcomer = "v" * 16, "i" * 16, "n" * 16
    for token in (voter, idle):
        assert room.connect(token, "10.0.0.5").status == 200
        clock.now += 1
    assert room.connect(newcomer, "10.0.0.5").status == 503  # both still connected
    assert room.vote({"device": voter, "round": 1, "choice": "strike"}).status == 200
    room.disconnect(voter)  # a locked phone: its vote keeps it
    room.disconnect(idle)
    assert room.connect(newcomer, "10.0.0.5").status == 200
    assert set(room.devices) == {voter, newcomer}
    assert room.connect(voter, "10.0.0.5").status == 200  # comes back, vote and all
    assert json.loads(room.snapshot(voter))["mine"]["vote"] == "strike"
    assert room.connect("x" * 16, "10.0.0.5").status == 503
    for bad in ("short", "x" * 65, "x" * 15 + "/", None, 12345678901234567):
        assert room.connect(bad, "10.0.0.5").status == 400


def tables(*states: TableState, paused: bool = False, open_to_new: bool = True) -> TablesState:
    return TablesState("Tenants", states, paused, open_to_new)


def table(name: str, round_number: int = 1, finished: bool = False) -> TableState:
    return TableState(name, round_number, 6, "Rent is up.", CHOICES, finished=finished)


def test_a_table_is_joined_by_name_and_plays_once_a_round():
    room = PhoneRoom(Limits())
    room.show(tables())
    room.connect(PHONE_A, "10.0.0.5")
    room.connect(PHONE_B, "10.0.0.6")
    answer = room.join({"device": PHONE_A, "table": "  Table   3 "})
    assert (answer.status, answer.events) == (200, (TableChanged("Table 3", 1),))
    # The table is being set up by the GUI: no move yet.
    assert room.move({"device": PHONE_A, "round": 1, "choice": "petition"}).status == 409
    room.show(tables(table("Table 3")))
    assert room.join({"device": PHONE_B, "table": "table  3"}).events == (
        TableChanged("Table 3", 2),
    )
    answer = room.move({"device": PHONE_B, "round": 1, "choice": "strike"})
    assert answer.events == (TableMove("Table 3", 1, "strike"),)
    # The other phone at the table was a moment late: the round is played.
    assert room.move({"device": PHONE_A, "round": 1, "choice": "petition"}).status == 409
    room.show(tables(table("Table 3", round_number=2)))
    assert room.move({"device": PHONE_A, "round": 2, "choice": "banana"}).status == 400
    assert room.move({"device": PHONE_A, "round": 2, "choice": "petition"}).status == 200
    assert json.loads(room.snapshot(PHONE_A))["mine"]["table"] == "Table 3"


def test_table_names_pauses_and_closed_doors():
    room = PhoneRoom(Limits(action_burst=20))
    room.show(tables(table("One"), paused=True, open_to_new=False))
    room.connect(PHONE_A, "10.0.0.5")
    for bad in ("", "   ", "x" * 41, "tab\x00le", "\u202eevil", 7):
        assert room.join({"device": PHONE_A, "table": bad}).status == 400
    assert room.join({"device": PHONE_A, "table": "Two"}).status == 409
    assert room.join({"device": PHONE_A, "table": "One"}).status == 200
    assert room.move({"device": PHONE_A, "round": 1, "choice": "petition"}).status == 409
    room.show(tables(table("One", finished=True)))
    assert room.move({"device": PHONE_A, "round": 1, "choice": "petition"}).status == 409
    assert room.vote({"device": PHONE_A, "round": 1, "choice": "petition"}).status == 409


def test_the_majority_decides_and_a_tie_goes_to_the_option_listed_first():
    assert majority(CHOICES, {"committee": 3, "strike": 2}) == "committee"
    assert majority(CHOICES, {"strike": 4, "committee": 4, "petition": 1}) == "committee"
    assert majority(CHOICES, {}) == "petition"


def test_the_default_address_is_a_private_one_home_networks_first_never_loopback():
    found = private_addresses(
        [
            "127.0.0.1",
            "169.254.3.4",
            "8.8.8.8",
            "10.1.2.3",
            "not an address",
            "::1",
            "172.20.0.5",
            "192.168.43.7",
            "10.1.2.3",
        ]
    )
    assert found == ["192.168.43.7", "10.1.2.3", "172.20.0.5"]
    assert private_addresses(["127.0.0.1"]) == []


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.text(max_size=8),
    st.sampled_from(["petition", "committee", "strike", "Table 1"]),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["vote", "join", "move", "show", "connect"]),
            st.sampled_from([PHONE_A, PHONE_B, "c" * 32, "bad"]),
            ANY_VALUE,
            ANY_VALUE,
        ),
        max_size=25,
    )
)
def test_whatever_phones_send_the_gui_only_hears_checked_events(actions):
    room = PhoneRoom(Limits(action_burst=1000))
    room.connect(PHONE_A, "10.0.0.5")
    room.connect(PHONE_B, "10.0.0.6")
    for action, token, first, second in actions:
        if action == "connect":
            room.connect(token, "10.0.0.7")
            continue
        if action == "show":
            state = (
                BallotState(2 if first else 1, "", CHOICES, bool(second), "")
                if isinstance(first, bool)
                else tables(table("Table 1", 1 if second else 2))
            )
            room.show(state)
            continue
        field = "table" if action == "join" else "round"
        body = {"device": token, field: first, "choice": second}
        answer = getattr(room, action)(body)
        shown = room.state
        for event in answer.events:
            if isinstance(event, VoteTally):
                assert isinstance(shown, BallotState) and shown.open
                assert event.round == shown.round
                assert sum(event.counts.values()) == event.devices == len(room.votes)
                assert set(event.counts) <= {c.key for c in shown.choices}
            elif isinstance(event, TableMove):
                assert isinstance(shown, TablesState)
                played = shown.table(event.table)
                assert played is not None and event.round == played.round
                assert event.choice in {c.key for c in played.choices}
            else:
                assert isinstance(event, TableChanged) and isinstance(shown, TablesState)
        if answer.status != 200:
            assert answer.events == ()
    # Only known devices vote, and only for a choice of the ballot shown.
    assert set(room.votes) <= set(room.devices)
    if room.votes:
        assert isinstance(room.state, BallotState)
        assert set(room.votes.values()) <= {c.key for c in room.state.choices}
