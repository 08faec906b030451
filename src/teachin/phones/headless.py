"""The room without windows (``teachin serve``): the phones vote each round and the
majority decides, or each table plays its own game. Qt-free.

Everything is printed as it happens, one line per fact, so a script (or a
facilitator without a projector) can follow it.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from teachin.phones.protocol import (
    TIE_RULE,
    BallotState,
    Choice,
    DevicesChanged,
    TableChanged,
    TableMove,
    TablesState,
    TableState,
    VoteTally,
    majority,
    numbered,
)
from teachin.phones.server import PhoneServer
from teachin.runs.room import RoomSession
from teachin.runs.store import PlayerInfo, RunStore, write_run
from teachin.scenario.model import Scenario
from teachin.scenario.outcome import Option
from teachin.scenario.run import Run, start_run

MAX_TABLES = 60
"""Tables one headless session plays (a hall of 300 at five a table)."""
Say = Callable[[str], None]


def _choices(options: list[Option]) -> tuple[Choice, ...]:
    return numbered([(option.id, option.label) for option in options])


def _situation(run: Run) -> str:
    scenario_round = run.current_round()
    return f"{scenario_round.title}\n\n{scenario_round.situation}".strip()


def _number_and_label(choices: tuple[Choice, ...], key: str) -> str:
    choice = next(c for c in choices if c.key == key)
    return f"{choice.number} {choice.label}"


def _ending_text(run: Run) -> str:
    ending = run.ending
    return f"{ending.title}\n\n{ending.text}".strip() if ending else "The campaign is over."


def _collect(server: PhoneServer, round_number: int, seconds: float) -> VoteTally:
    """The phones' votes in ``round_number`` when ``seconds`` are up."""
    tally = VoteTally(round_number)
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            event = server.events.get(timeout=min(remaining, 0.5))
        except queue.Empty:
            continue
        if isinstance(event, VoteTally) and event.round == round_number:
            tally = event
    return tally


def _first_phone(server: PhoneServer, say: Say) -> None:
    """Waits for a phone to join, so that the first round's time is not spent on an
    empty room while the code goes round."""
    say("waiting for the first phone to join")
    while True:
        try:
            event = server.events.get(timeout=0.5)
        except queue.Empty:
            continue
        if isinstance(event, DevicesChanged) and event.connected:
            return


def play_vote(
    server: PhoneServer, scenario: Scenario, path: Path, round_seconds: float, say: Say
) -> RoomSession:
    """Once a phone has joined, each round: the vote is open ``round_seconds``, then
    the phones' majority decides (the tie rule in TIE_RULE) and the run is saved."""
    session = RoomSession.start(scenario, path)
    session.save()
    say(f"run: {path}")
    say(f"rule: the phones' majority decides; {TIE_RULE}")
    _first_phone(server, say)
    before = ""
    while not session.finished:
        run = session.run
        round_number, choices = run.round, _choices(session.options())
        situation = before + _situation(run)
        ballot = BallotState(round_number, situation, choices, True, scenario.title)
        server.show(ballot)
        say(f"round {round_number}: vote open for {round_seconds:g} s")
        tally = _collect(server, round_number, round_seconds)
        server.show(BallotState(round_number, situation, choices, False, scenario.title))
        choice = majority(choices, tally.counts)
        consequence = session.decide(choice, phones=tally.counts)
        session.save()
        chosen = _number_and_label(choices, choice)
        votes = ", ".join(
            f"{c.number}: {tally.counts[c.key]}" for c in choices if tally.counts.get(c.key)
        )
        say(
            f"round {round_number}: {chosen} ({tally.devices} phones voted{'; ' if votes else ''}{votes})"
        )
        before = f"Round {round_number}: the room chose {chosen}. {consequence.narrative}\n\n"
        outcome = before + (_ending_text(run) if session.finished else "")
        server.show(
            BallotState(round_number, situation, choices, False, scenario.title, outcome.strip())
        )
    say(f"ended: {session.run.result or 'over'}: {_ending_text(session.run).splitlines()[0]}")
    return session


@dataclass
class _Table:
    run: Run
    path: Path
    consequence: str = ""
    devices: int = 0

    def state(self, name: str) -> TableState:
        run = self.run
        finished = run.finished
        return TableState(
            name,
            run.round,
            len(run.scenario.rounds),
            "" if finished else _situation(run),
            () if finished else _choices(run.options()),
            self.consequence,
            finished,
            _ending_text(run) if finished else "",
        )


@dataclass
class GroupsPlay:
    """Every table's game, each saved after every step in ``store``'s folder."""

    server: PhoneServer
    scenario: Scenario
    store: RunStore
    say: Say
    tables: dict[str, _Table] = field(default_factory=dict)

    def show(self) -> None:
        states = tuple(table.state(name) for name, table in self.tables.items())
        open_to_new = len(self.tables) < MAX_TABLES
        self.server.show(TablesState(self.scenario.title, states, open_to_new=open_to_new))

    def handle(self, event: object) -> None:
        if isinstance(event, TableChanged):
            self._joined(event)
        elif isinstance(event, TableMove):
            self._moved(event)

    def _joined(self, event: TableChanged) -> None:
        table = self.tables.get(event.table)
        if table is None:
            if len(self.tables) >= MAX_TABLES:
                return
            run = start_run(self.scenario)
            path = self.store.new_path(f"{self.scenario.id}-{event.table}")
            table = self.tables[event.table] = _Table(run, path)
            write_run(run, PlayerInfo(name=event.table, group=event.table), path)
            self.say(f"table {event.table}: started, run {path}")
        table.devices = event.devices
        self.show()

    def _moved(self, event: TableMove) -> None:
        table = self.tables.get(event.table)
        if table is None or table.run.finished or table.run.round != event.round:
            return
        choices = _choices(table.run.options())
        consequence = table.run.choose(event.choice)
        write_run(table.run, PlayerInfo(name=event.table, group=event.table), table.path)
        chosen = _number_and_label(choices, event.choice)
        table.consequence = f"You chose {chosen}. {consequence.narrative}"
        self.say(f"table {event.table}: round {event.round}: {chosen}")
        if table.run.ending is not None:  # this move ended the campaign
            self.say(f"table {event.table}: ended: {table.run.result or 'over'}")
        self.show()

    def run_forever(self) -> None:
        """Until Ctrl+C."""
        self.show()
        while True:
            try:
                event = self.server.events.get(timeout=0.5)
            except queue.Empty:
                continue
            self.handle(event)
