"""The room as the phone server sees it: the state shown, the devices, their votes and
tables. Everything a phone sends is checked here against the state being shown, so
the GUI only ever sees valid events. No sockets and no threads here (the server calls
it from its event loop only); Qt-free.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from teachin.phones.protocol import (
    BallotState,
    PhoneEvent,
    State,
    TableChanged,
    TableMove,
    TablesState,
    VoteTally,
    choice_in,
    state_json,
    table_name,
    valid_round,
    valid_token,
)


@dataclass(frozen=True)
class Limits:
    """How much the room's network may ask of the server (``docs/room.md``)."""

    max_body_bytes: int = 2048
    """Bytes in one request's body (a vote is under 200)."""
    max_streams: int = 1000
    """Open event streams in all."""
    max_streams_per_address: int = 12
    """Open event streams from one network address (a phone with a few tabs)."""
    max_devices: int = 3000
    """Devices remembered in one session (each a random token); when full, the one gone
    longest that holds no stream, vote or table is forgotten to make room."""
    actions_per_second: float = 2.0
    """Votes, joins and moves a device may send each second, on average ..."""
    action_burst: int = 10
    """... with this many at once."""
    idle_seconds: float = 10.0
    """A connection that has not sent a whole request within this is closed."""
    body_seconds: float = 5.0
    """Time to send a request's body."""
    ping_seconds: float = 15.0
    """A comment on every idle stream this often, so dead ones are noticed."""


@dataclass(frozen=True)
class Answer:
    """What to answer a phone's request: an HTTP status, a short reason, and the
    events the GUI is to be told of."""

    status: int
    reason: str = "ok"
    events: tuple[PhoneEvent, ...] = ()
    mine: Any = None


@dataclass
class Device:
    address: str
    table: str | None = None
    streams: int = 0
    allowance: float = 0.0
    checked: float = field(default_factory=time.monotonic)
    """When the allowance was last worked out."""
    seen: float = 0.0
    """When the device last connected or left."""


class PhoneRoom:
    """The state shown and what devices did with it (one vote per device per round,
    the last counts; one move per table per round)."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self.state: State | None = None
        self.devices: dict[str, Device] = {}
        self.votes: dict[str, str] = {}
        """Device token -> option key, in the ballot's round."""
        self.moved: set[tuple[str, int]] = set()
        """(table, round) already played: a second device at a table cannot play twice."""
        self._common = json.dumps(state_json(None))
        self._connected = 0

    # -- the state shown ------------------------------------------------------------
    def show(self, state: State | None) -> bool:
        """Shows ``state``; False when it is the state already shown (no phone need hear
        of it again)."""
        old = self.state
        if state == old:
            return False
        same_round = (
            isinstance(old, BallotState)
            and isinstance(state, BallotState)
            and old.round == state.round
        )
        if not same_round:
            self.votes.clear()  # a new round: every device votes afresh
        self.state = state
        self._common = json.dumps(state_json(state), ensure_ascii=False)
        return True

    def snapshot(self, token: str) -> str:
        """The full state for one device, with what is its own (its vote, its table)."""
        device = self.devices.get(token)
        mine = {"vote": self.votes.get(token), "table": device.table if device else None}
        return f'{{"state":{self._common},"mine":{json.dumps(mine, ensure_ascii=False)}}}'

    def tally(self) -> VoteTally:
        round_number = self.state.round if isinstance(self.state, BallotState) else 0
        return VoteTally(round_number, dict(Counter(self.votes.values())), len(self.votes))

    # -- devices ----------------------------------------------------------------------
    def connect(self, token: Any, address: str) -> Answer:
        """A device opens its stream (the page does so first, always)."""
        token = valid_token(token)
        if token is None:
            return Answer(400, "bad device token")
        device = self.devices.get(token)
        if device is None:
            if len(self.devices) >= self.limits.max_devices and not self._make_room():
                return Answer(503, "too many devices")
            device = self.devices[token] = Device(
                address, allowance=float(self.limits.action_burst), checked=self.clock()
            )
        device.streams += 1
        if device.streams == 1:
            self._connected += 1
        device.seen = self.clock()
        return Answer(200)

    def _make_room(self) -> bool:
        """Forgets the device gone longest that holds nothing (no stream, no vote this
        round, no table), so that tokens made up by the dozen cannot lock phones out.
        False when every device holds something."""
        idle = [
            (device.seen, token)
            for token, device in self.devices.items()
            if not device.streams and device.table is None and token not in self.votes
        ]
        if not idle:
            return False
        del self.devices[min(idle)[1]]
        return True

    def disconnect(self, token: str) -> None:
        device = self.devices.get(token)
        if device is not None:
            if device.streams == 1:
                self._connected -= 1
            device.streams = max(0, device.streams - 1)
            device.seen = self.clock()

    @property
    def connected(self) -> int:
        """Devices holding a stream now (kept as a count: a room of 200 connects at once)."""
        return self._connected

    def forget(self) -> None:
        self.devices.clear()
        self._connected = 0
        self.votes.clear()
        self.moved.clear()

    def _device(self, body: Any) -> tuple[str, Device] | Answer:
        if not isinstance(body, dict):
            return Answer(400, "expected a JSON object")
        token = valid_token(body.get("device"))
        device = self.devices.get(token) if token else None
        if token is None or device is None:
            return Answer(403, "unknown device: reload the page")
        if not self._allowed(device):
            return Answer(429, "too fast")
        return token, device

    def _allowed(self, device: Device) -> bool:
        """A token bucket per device: a burst, then so many actions a second."""
        now = self.clock()
        limits = self.limits
        device.allowance = min(
            float(limits.action_burst),
            device.allowance + (now - device.checked) * limits.actions_per_second,
        )
        device.checked = now
        if device.allowance < 1:
            return False
        device.allowance -= 1
        return True

    # -- what devices do -----------------------------------------------------------------
    def vote(self, body: Any) -> Answer:
        found = self._device(body)
        if isinstance(found, Answer):
            return found
        token, _device = found
        state = self.state
        if not isinstance(state, BallotState):
            return Answer(409, "no vote now")
        if valid_round(body.get("round")) != state.round or not state.open:
            return Answer(409, "this vote is closed")
        choice = choice_in(state.choices, body.get("choice"))
        if choice is None:
            return Answer(400, "not a choice of this round")
        if self.votes.get(token) == choice:
            return Answer(200, mine=choice)
        self.votes[token] = choice
        return Answer(200, events=(self.tally(),), mine=choice)

    def join(self, body: Any) -> Answer:
        found = self._device(body)
        if isinstance(found, Answer):
            return found
        _token, device = found
        state = self.state
        if not isinstance(state, TablesState):
            return Answer(409, "no tables now")
        name = table_name(body.get("table"))
        if name is None:
            return Answer(400, "a table's name: 1 to 40 letters")
        # "red table" typed on a second phone joins "Red table", not a table of its own.
        same = next((t.name for t in state.tables if t.name.casefold() == name.casefold()), None)
        name = same or name
        if same is None and not state.open_to_new:
            return Answer(409, "no new tables now")
        device.table = name
        at_table = sum(1 for d in self.devices.values() if d.table == name)
        return Answer(200, events=(TableChanged(name, at_table),), mine=name)

    def move(self, body: Any) -> Answer:
        found = self._device(body)
        if isinstance(found, Answer):
            return found
        _token, device = found
        state = self.state
        if not isinstance(state, TablesState) or device.table is None:
            return Answer(409, "join a table first")
        table = state.table(device.table)
        if table is None:
            return Answer(409, "your table is being set up")
        if state.paused:
            return Answer(409, "paused")
        round_number = valid_round(body.get("round"))
        if table.finished or round_number != table.round or (table.name, table.round) in self.moved:
            return Answer(409, "this round is over")
        choice = choice_in(table.choices, body.get("choice"))
        if choice is None:
            return Answer(400, "not a choice of this round")
        self.moved.add((table.name, table.round))
        return Answer(200, events=(TableMove(table.name, table.round, choice),), mine=choice)
