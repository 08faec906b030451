"""Phones in room play: the ballot the phones show follows the game on the projector,
and the phones' votes of the round being played go beside the hands.

The round being played opens its ballot when its choices first reach the projector;
the facilitator can close it (V) before deciding; Enter decides with the phones'
votes and the hands kept apart; a decided round stays on the phones, closed, with
what the room chose (so Ctrl+Z, which reopens it, finds its votes still there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot

from teachin.phones.protocol import BallotState, Choice
from teachin.runs.room import Decision
from teachin.ui.phones.address_dialog import NO_NETWORK
from teachin.ui.phones.addresses import Address, address_without_asking, network_addresses
from teachin.ui.phones.join_panel import TallyRow
from teachin.ui.phones.phone_link import (
    PREFERRED_PORT,
    AddressMemory,
    PhoneLink,
    PhoneServerLike,
    default_server,
)

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from teachin.runs.room import RoomSession
    from teachin.scenario.model import Scenario


class RoomPlayLike(Protocol):
    """What the phones read of the room's play (teachin.ui.present.room_play.RoomPlay,
    which owns them: named here by its shape, so the two modules don't import each other)."""

    changed: SignalInstance
    hands: dict[str, int]

    @property
    def active(self) -> bool: ...

    @property
    def session(self) -> RoomSession | None: ...

    def scenario_for_frame(self) -> Scenario | None: ...


Key = Qt.Key
TURN_ON_KEY = Key.Key_J
"""J: phones join (J for join; P and N already move the slides)."""
CLOSE_VOTE_KEY = Key.Key_V
"""V: close the phones' vote on the round being played, or open it again."""


@dataclass
class PhonesSetup:
    """What turning phones on needs: where the last address is remembered, how to
    find this laptop's addresses and how to make the server (both replaceable)."""

    settings: AddressMemory
    addresses: Callable[[], list[Address]] = network_addresses
    make_server: Callable[[str, int], PhoneServerLike] = default_server
    port: int = PREFERRED_PORT


@dataclass
class _Remembered:
    """The last state shown to the phones, so an unchanged game sends nothing."""

    state: BallotState | None = None
    pushed: bool = False
    session: int = 0
    """Which game the state belongs to (``id`` of its RoomSession; 0: none yet)."""
    choices: dict[tuple[int, int], tuple[Choice, ...]] = field(default_factory=dict)


class RoomPhones(QObject):
    """The phones of one presentation's room play."""

    changed = Signal()
    addressNeeded = Signal()
    """Several addresses and none remembered: the console asks the facilitator."""

    def __init__(self, room: RoomPlayLike, setup: PhonesSetup, parent: QObject) -> None:
        super().__init__(parent)
        self.room = room
        self.setup = setup
        self.link = PhoneLink(setup.make_server, setup.port, self)
        self.link.changed.connect(self._link_changed)
        room.changed.connect(self.push)
        self.message = ""
        self.closed_round = 0
        """The live round whose vote the facilitator closed (0: none)."""
        self.opened_round: tuple[int, int] = (0, 0)
        """The game and live round whose choices have reached the projector (its ballot
        is open)."""
        self._shown = _Remembered()
        self._decided: tuple[int, int] = (0, 0)

    @property
    def on(self) -> bool:
        return self.link.on

    # -- on and off ---------------------------------------------------------------------
    @Slot()
    def turn_on(self) -> bool:
        """J, or the console's button: phones on the remembered address if this laptop
        still has it, on the only one if there is one; otherwise the facilitator picks."""
        if self.link.on:
            return True
        addresses = self.setup.addresses()
        if not addresses:
            self._say(NO_NETWORK)
            return False
        ip = address_without_asking(addresses, self.setup.settings.phone_address)
        if ip is not None:
            return self.start_on(ip)
        self.addressNeeded.emit()
        return False

    @Slot(str)
    def start_on(self, ip: str) -> bool:
        """Phones on at ``ip`` (restarted there if they were on elsewhere)."""
        failed = self.link.try_start(ip, self.setup.settings)
        if failed:
            self._say(failed)
            return False
        self._shown = _Remembered()
        self.message = ""
        self.push()
        self.changed.emit()
        return True

    @Slot()
    def turn_off(self) -> None:
        """Phones off: the server stops and forgets every device; hands go on as before."""
        if self.link.on:
            self.link.stop()
            self.message = "Phones off. Count hands as before."
            self.changed.emit()

    @Slot()
    def toggle_vote(self) -> bool:
        """V: closes the phones' vote on the round being played (or opens it again)."""
        session = self.room.session
        if not self.on or session is None or not session.deciding:
            return False
        live = session.run.round
        self.closed_round = 0 if self.closed_round == live else live
        self.message = "Phones' vote closed." if self.closed_round else "Phones' vote open again."
        self.push()
        self.changed.emit()
        return True

    def handle_key(self, key: int) -> bool:
        """J and V, on the scenario's slide or while the room plays (where the console
        shows the phones' row); elsewhere they are not room play's keys."""
        room = self.room
        if not room.active and room.scenario_for_frame() is None:
            return False
        if key == TURN_ON_KEY:
            if not self.on:
                self.turn_on()
            return True
        if key == CLOSE_VOTE_KEY and self.on:
            self.toggle_vote()
            return True
        return False

    # -- what phones show -------------------------------------------------------------
    def _choices(self, round_number: int) -> tuple[Choice, ...]:
        """A round's choices numbered as the room screen numbers them (1, 2, … 12)."""
        session = self.room.session
        assert session is not None
        key = (id(session), round_number)
        if key not in self._shown.choices:
            options = session.situation_options(round_number)
            self._shown.choices[key] = tuple(
                Choice(option.id, str(number), option.label)
                for number, option in enumerate(options, start=1)
            )
        return self._shown.choices[key]

    def ballot(self) -> BallotState | None:
        """What the phones should show for the game as it stands (None: they wait)."""
        session = self.room.session
        if session is None:
            # Room play stopped for a slide: the phones keep the round, closed, so that
            # R continues it with its votes.
            previous = self._shown.state
            return replace(previous, open=False) if previous is not None else None
        title = session.scenario.title
        run = session.run
        decided = (id(session), len(session.decisions))
        if decided != self._decided:  # a decision made or taken back: a vote closed opens again
            self._decided, self.closed_round = decided, 0
        live = (id(session), run.round)
        if session.deciding:
            self.opened_round = live
        if not run.finished and self.opened_round == live:
            situation = session.scenario.rounds[run.round - 1].situation
            is_open = self.closed_round != run.round
            return BallotState(run.round, situation, self._choices(run.round), is_open, title)
        if not session.decisions:
            return None
        decision = session.decisions[-1]
        situation = session.scenario.rounds[decision.round - 1].situation
        outcome = f"The room chose: {session.scenario.tactic(decision.choice).label}."
        if run.finished:
            outcome += " The campaign is over: look at the projector."
        return BallotState(
            decision.round, situation, self._choices(decision.round), False, title, outcome
        )

    @Slot()
    def push(self) -> None:
        """Sends the phones the game's state when it changed (nothing when phones are off)."""
        if not self.link.on:
            return
        session = self.room.session
        if session is not None and id(session) != self._shown.session:
            if self._shown.state is not None:  # another game: none of the last one's votes
                self.link.show(None)  # carries over to a round of the same number
                self._shown.state = None
                self.link.tallies.clear()
            self._shown.session = id(session)
        state = self.ballot()
        if state == self._shown.state and self._shown.pushed:
            return
        old_round = self._shown.state.round if self._shown.state is not None else None
        new_round = state.round if state is not None else None
        if new_round is not None and old_round != new_round:
            self.link.tallies.pop(new_round, None)  # the server counts that round afresh
        self._shown.state, self._shown.pushed = state, True
        self.link.show(state)
        self.changed.emit()

    # -- the votes ------------------------------------------------------------------------
    def after_undo(self, decision: Decision) -> str:
        """A word for the facilitator when a decision taken back had phone votes the
        server no longer holds (the phones moved on to the next round since)."""
        shown = self._shown.state
        if (
            not self.on
            or not decision.phones
            or (shown is not None and shown.round == decision.round)
        ):
            return ""
        return " The phones vote again on this round (their votes went with the decision)."

    def votes(self) -> dict[str, int]:
        """The phones' votes for the round being played, by option id."""
        session = self.room.session
        if not self.link.on or session is None or not session.deciding:
            return {}
        allowed = {choice.key for choice in self._choices(session.run.round)}
        counts = self.link.tallies.get(session.run.round, {})
        return {key: count for key, count in counts.items() if key in allowed and count > 0}

    def tally_rows(self) -> list[TallyRow]:
        """Phones and hands by option number, for the projector (the round's choices as
        sent to the phones: working the options out again costs milliseconds a drain)."""
        session = self.room.session
        if session is None or not session.deciding:
            return []
        phones, hands = self.votes(), self.room.hands
        return [
            TallyRow(choice.number, phones.get(choice.key, 0), hands.get(choice.key, 0))
            for choice in self._choices(session.run.round)
        ]

    @property
    def vote_open(self) -> bool | None:
        """None when no round is being voted on, else whether phones can still vote."""
        state = self._shown.state
        session = self.room.session
        if state is None or session is None or not session.deciding or not state.choices:
            return None
        return state.open

    @Slot()
    def _link_changed(self) -> None:
        self.changed.emit()

    def _say(self, text: str) -> None:
        self.message = text
        self.changed.emit()
