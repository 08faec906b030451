"""What the phone server shows and what it reports back: pure, frozen data. Qt-free.

The GUI (or ``teachin serve``) hands the server a :class:`BallotState` (the room votes)
or a :class:`TablesState` (groups play on their own devices); the server sends it to
every phone as JSON and reports what phones did as events (:class:`VoteTally`,
:class:`DevicesChanged`, :class:`TableChanged`, :class:`TableMove`), each already
checked against the state being shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_TABLE_NAME = 40
"""Characters in a table's name (a phone types it)."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Choice:
    key: str
    """The option's id (a tactic id)."""
    number: str
    """ "1", "2", ... "12" as the room's screen numbers it (the facilitator types 1
    then 2 for option 12)."""
    label: str


def numbered(options: Sequence[tuple[str, str]]) -> tuple[Choice, ...]:
    """Choices from (key, label) pairs, numbered 1, 2, ... as the room's screen
    numbers them (``teachin.debrief.room_screens.situation_html``)."""
    return tuple(
        Choice(key, str(number), label) for number, (key, label) in enumerate(options, start=1)
    )


@dataclass(frozen=True)
class BallotState:
    """Room play: the round the room votes on."""

    round: int
    situation: str
    choices: tuple[Choice, ...]
    open: bool
    title: str
    outcome: str = ""
    """Once the vote is closed: what the room chose and what followed (shown on phones)."""


@dataclass(frozen=True)
class TableState:
    """One table's game, as its devices show it."""

    name: str
    round: int
    rounds: int
    situation: str
    choices: tuple[Choice, ...]
    consequence: str = ""
    """What the table's last move led to ("" before the first)."""
    finished: bool = False
    ending: str = ""


@dataclass(frozen=True)
class TablesState:
    """Groups play: every table's game. ``paused`` holds every table; with
    ``open_to_new`` False no new table can be started from a phone."""

    title: str
    tables: tuple[TableState, ...] = ()
    paused: bool = False
    open_to_new: bool = True

    def table(self, name: str) -> TableState | None:
        return next((t for t in self.tables if t.name == name), None)


# -- events: server thread -> GUI ------------------------------------------------------


@dataclass(frozen=True)
class VoteTally:
    """The phones' votes in ``round`` so far (one per device, the last counts)."""

    round: int
    counts: dict[str, int] = field(default_factory=dict)
    devices: int = 0
    """Devices that have voted in this round."""


@dataclass(frozen=True)
class DevicesChanged:
    connected: int
    """Devices holding a connection now."""


@dataclass(frozen=True)
class TableChanged:
    """A device joined ``table`` (a name not yet shown asks for a new table)."""

    table: str
    devices: int
    """Devices that have joined this table."""


@dataclass(frozen=True)
class TableMove:
    """A table chose ``choice`` in ``round`` (checked against the table's state shown)."""

    table: str
    round: int
    choice: str


PhoneEvent = VoteTally | DevicesChanged | TableChanged | TableMove
State = BallotState | TablesState


def majority(choices: tuple[Choice, ...], counts: dict[str, int]) -> str:
    """The room's choice by the phones' votes: the option with the most votes; on a
    tie, the one listed first among the tied (with no vote at all, the first option).
    ``choices`` must not be empty."""
    best = choices[0].key
    for choice in choices:
        if counts.get(choice.key, 0) > counts.get(best, 0):
            best = choice.key
    return best


TIE_RULE = "a tie goes to the option listed first among the tied; no vote at all, to option 1"


# -- checking what phones send ----------------------------------------------------------


def valid_token(value: Any) -> str | None:
    """A device token as the page makes it (random, 16 to 64 URL-safe characters)."""
    return value if isinstance(value, str) and _TOKEN.match(value) else None


def valid_round(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10_000:
        return None
    return value


def table_name(value: Any) -> str | None:
    """A table's name as typed on a phone: spaces tidied, no control or direction
    characters, 1 to MAX_TABLE_NAME characters; None otherwise."""
    if not isinstance(value, str) or len(value) > 4 * MAX_TABLE_NAME:
        return None
    name = " ".join(value.split())
    if not name or len(name) > MAX_TABLE_NAME or _CONTROL.search(name):
        return None
    return name


def choice_in(choices: tuple[Choice, ...], value: Any) -> str | None:
    """``value`` if it is the key of one of ``choices``."""
    if not isinstance(value, str):
        return None
    return value if any(choice.key == value for choice in choices) else None


# -- what phones are sent ---------------------------------------------------------------


def _choices_json(choices: tuple[Choice, ...]) -> list[dict[str, str]]:
    return [{"key": c.key, "number": c.number, "label": c.label} for c in choices]


def state_json(state: State | None) -> dict[str, Any]:
    """The state as the page reads it (``mode`` says which)."""
    if isinstance(state, BallotState):
        return {
            "mode": "vote",
            "round": state.round,
            "title": state.title,
            "situation": state.situation,
            "open": state.open,
            "outcome": state.outcome,
            "choices": _choices_json(state.choices),
        }
    if isinstance(state, TablesState):
        return {
            "mode": "groups",
            "title": state.title,
            "paused": state.paused,
            "open_to_new": state.open_to_new,
            "tables": [
                {
                    "name": t.name,
                    "round": t.round,
                    "rounds": t.rounds,
                    "situation": t.situation,
                    "choices": _choices_json(t.choices),
                    "consequence": t.consequence,
                    "finished": t.finished,
                    "ending": t.ending,
                }
                for t in state.tables
            ],
        }
    return {"mode": "wait"}
