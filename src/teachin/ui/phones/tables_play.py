"""Groups play on their own devices, with the facilitator's hands on it: every table's
game (started when a table is named on a phone, saved after every move, as
``teachin serve --mode groups`` does), plus pausing every table and ending the round
for everyone. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from teachin.phones.headless import MAX_TABLES, GroupsPlay
from teachin.phones.protocol import TableMove, TablesState


@dataclass
class TablesPlay(GroupsPlay):
    paused: bool = False
    """Every table waits (the facilitator talks to the room)."""
    ended: bool = False
    """The round is over for everyone: no move and no new table any more."""

    def show(self) -> None:
        states = tuple(table.state(name) for name, table in self.tables.items())
        self.server.show(
            TablesState(
                self.scenario.title,
                states,
                paused=self.paused or self.ended,
                open_to_new=not self.ended and len(self.tables) < MAX_TABLES,
            )
        )

    def handle(self, event: object) -> None:
        if self.ended or (self.paused and isinstance(event, TableMove)):
            return  # the server refuses these already; a move in flight is dropped too
        super().handle(event)

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.say("every table paused" if paused else "every table plays again")
        self.show()

    def end(self) -> None:
        """Ends the round for everyone: each table's run stays as saved after its last move."""
        self.ended = True
        self.say("the round is over for every table")
        self.show()

    def paths(self) -> list[Path]:
        """Every table's run file, in the order the tables started."""
        return [table.path for table in self.tables.values()]

    def lines(self) -> list[str]:
        """One line per table for the facilitator: where it is and how many devices."""
        lines = []
        for name, table in self.tables.items():
            run = table.run
            rounds = len(run.scenario.rounds)
            where = (
                f"over ({run.result or 'ended'})"
                if run.finished
                else f"round {run.round} of {rounds}"
            )
            devices = f"{table.devices} device{'s' if table.devices != 1 else ''}"
            last = f", last: {run.scenario.tactic(run.steps[-1].tactic).label}" if run.steps else ""
            lines.append(f"{name}: {where}, {devices}{last}")
        return lines
