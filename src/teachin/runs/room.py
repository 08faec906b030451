"""A scenario played by the whole room: the run, the room's decisions with their
hand counts, and which screen the projector shows. Qt-free.

A room's run is a normal run file (``teachin-run``, see
:mod:`teachin.runs.runfile`) with two extra keys the engine ignores, so
``teachin replay`` and the player's debrief read it as any other run:

- ``"player"``: the name the debrief board shows ("The whole room");
- ``"room"``: ``{"version": 1, "decisions": [{"round": 1, "choice": "committee",
  "hands": {"committee": 14, "petition": 3}, "phones": {"committee": 9}}, ...]}``, one
  entry per round played, with the hand count of every option the facilitator counted
  (OpenSlides-style paper-ballot counts beside the decision) and, kept apart, the
  votes of the phones that joined (``teachin.phones``; absent when none voted, as in
  files written before phones could join).

The file is written atomically after every decision, so a crash loses nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from teachin.runs.runfile import load_run, read_run, run_to_json
from teachin.runs.store import RunStore
from teachin.scenario.model import Scenario
from teachin.scenario.outcome import Consequence, Option, StepRecord
from teachin.scenario.run import Run, start_run
from teachin.storage import atomic_write_text

ROOM_KEY = "room"
ROOM_VERSION = 1
ROOM_NAME = "The whole room"
MAX_HANDS = 9999


class ScreenKind(StrEnum):
    SETTING = "setting"
    """The scenario's setting: where, who, the target, the demand, the deadline."""
    SITUATION = "situation"
    """The round's situation and the choices: the room discusses."""
    CONSEQUENCE = "consequence"
    """What the room's choice led to."""
    END = "end"
    """How the campaign ended, and the room's path."""


@dataclass(frozen=True)
class Screen:
    kind: ScreenKind
    round: int = 0
    """The round (1-based) a situation or consequence belongs to."""


@dataclass
class Decision:
    """The room's choice for one round, with the hands counted for each option and,
    apart from them, the phones' votes."""

    round: int
    choice: str
    hands: dict[str, int] = field(default_factory=dict)
    phones: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.hands.values())

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "round": self.round,
            "choice": self.choice,
            "hands": dict(self.hands),
        }
        if self.phones:
            data["phones"] = dict(self.phones)
        return data


def clean_hands(hands: dict[str, Any] | None, allowed: set[str] | None = None) -> dict[str, int]:
    """Whole, non-negative counts only (anything else is left out, never an error)."""
    result: dict[str, int] = {}
    for key, value in (hands or {}).items():
        if not isinstance(key, str) or isinstance(value, bool) or not isinstance(value, int):
            continue
        if allowed is not None and key not in allowed:
            continue
        if 0 <= value <= MAX_HANDS:
            result[key] = value
    return result


def decisions_from_json(data: dict[str, Any]) -> list[Decision]:
    """The room's decisions kept in a run file (an empty list for a group's run)."""
    room = data.get(ROOM_KEY)
    if not isinstance(room, dict) or not isinstance(room.get("decisions"), list):
        return []
    decisions = []
    for item in room["decisions"]:
        if not isinstance(item, dict):
            continue
        number, choice = item.get("round"), item.get("choice")
        if isinstance(number, bool) or not isinstance(number, int) or not isinstance(choice, str):
            continue
        hands, phones = item.get("hands"), item.get("phones")
        decisions.append(
            Decision(
                number,
                choice,
                clean_hands(hands if isinstance(hands, dict) else {}),
                clean_hands(phones if isinstance(phones, dict) else {}),
            )
        )
    return decisions


def counting_from_json(data: dict[str, Any]) -> tuple[int, dict[str, int]]:
    """The hands counted for a round not yet decided when the game was saved:
    (round, hands), or (0, {}) when there were none."""
    room = data.get(ROOM_KEY)
    counting = room.get("counting") if isinstance(room, dict) else None
    if not isinstance(counting, dict):
        return 0, {}
    number, hands = counting.get("round"), counting.get("hands")
    if isinstance(number, bool) or not isinstance(number, int) or not isinstance(hands, dict):
        return 0, {}
    return number, clean_hands(hands)


def is_room_run(data: dict[str, Any]) -> bool:
    return isinstance(data.get(ROOM_KEY), dict)


class RoomSession:
    """One game played by the room: decide, then step through the screens.

    The screens, in order: the setting, round 1's situation, its consequence, round 2's
    situation, ... and, once the campaign is over, the end. ``view`` is the
    screen on the projector; the facilitator can step back to re-read one.
    Only the last situation (the round being played) takes a decision.
    """

    def __init__(
        self,
        run: Run,
        path: Path | None = None,
        decisions: list[Decision] | None = None,
        created: str = "",
    ) -> None:
        self.run = run
        self.path = Path(path) if path is not None else None
        by_round = {d.round: d for d in decisions or []}
        # Keep one decision per round played, in order; a round without a
        # recorded count still has its choice (from the run itself).
        self.decisions = [
            by_round.get(record.round, Decision(record.round, record.tactic))
            for record in run.steps
        ]
        for decision, record in zip(self.decisions, run.steps, strict=True):
            if decision.choice != record.tactic:
                decision.choice = record.tactic
                decision.hands = {}
        self.created = created or datetime.now(UTC).isoformat(timespec="seconds")
        self.counting: dict[str, int] = {}
        """Hands counted so far for the round being played, saved with the game so that
        a crash in the middle of a count loses nothing."""
        # A new game starts on the setting; a saved one where the room left off.
        self.view = len(self.screens()) - 1 if run.steps else 0

    @classmethod
    def start(
        cls, scenario: Scenario, path: Path | None = None, seed: int | None = None
    ) -> RoomSession:
        return cls(start_run(scenario, seed), path)

    @classmethod
    def open(cls, path: Path, scenarios: dict[str, Scenario]) -> RoomSession:
        """A saved room game, rebuilt exactly (RunFileError naming the file otherwise)."""
        run = load_run(path, scenarios)
        data = read_run(path)
        room = data.get(ROOM_KEY)
        created = room.get("created", "") if isinstance(room, dict) else ""
        session = cls(
            run, path, decisions_from_json(data), created if isinstance(created, str) else ""
        )
        counted_round, hands = counting_from_json(data)
        if counted_round == run.round and not run.finished:
            session.count(hands)
            session.to_live()  # the room was counting hands on that round
        return session

    # -- what is shown -------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self.run.scenario

    @property
    def finished(self) -> bool:
        return self.run.finished

    def screens(self) -> list[Screen]:
        screens: list[Screen] = [Screen(ScreenKind.SETTING)]
        for record in self.run.steps:
            screens.append(Screen(ScreenKind.SITUATION, record.round))
            screens.append(Screen(ScreenKind.CONSEQUENCE, record.round))
        if self.run.finished:
            screens.append(Screen(ScreenKind.END))
        else:
            screens.append(Screen(ScreenKind.SITUATION, self.run.round))
        return screens

    @property
    def screen(self) -> Screen:
        return self.screens()[self.view]

    @property
    def deciding(self) -> bool:
        """True when the projector shows the round being played (a decision can be entered)."""
        screen = self.screen
        return screen.kind == ScreenKind.SITUATION and self.record_for(screen.round) is None

    def record_for(self, round_number: int) -> StepRecord | None:
        return next((r for r in self.run.steps if r.round == round_number), None)

    def decision_for(self, round_number: int) -> Decision | None:
        return next((d for d in self.decisions if d.round == round_number), None)

    def consequence_for(self, round_number: int) -> Consequence | None:
        record = self.record_for(round_number)
        return record.consequence if record is not None else None

    def options(self) -> list[Option]:
        """The choices offered in the round being played (empty once it is over)."""
        return [] if self.run.finished else self.run.options()

    def situation_options(self, round_number: int) -> list[Option]:
        """The choices of a round: now for the round being played; for a past round,
        the options as they stood then (rebuilt from the seed)."""
        if self.record_for(round_number) is None:
            return self.options()
        replay = Run(self.scenario, self.run.seed, self.run.engine)
        for record in self.run.steps:
            if record.round == round_number:
                return replay.options()
            replay.choose(record.tactic)
        return []

    # -- moving --------------------------------------------------------------------
    def forward(self) -> bool:
        """The next screen; False on the last one (nothing to move to here)."""
        if self.view < len(self.screens()) - 1:
            self.view += 1
            return True
        return False

    def back(self) -> bool:
        if self.view > 0:
            self.view -= 1
            return True
        return False

    def to_live(self) -> None:
        self.view = len(self.screens()) - 1

    # -- deciding ------------------------------------------------------------------
    def count(self, hands: dict[str, Any]) -> None:
        """The hands counted so far for the round being played (kept until decided)."""
        allowed = {option.id for option in self.options()}
        self.counting = clean_hands(hands, allowed)

    def decide(
        self,
        choice: str,
        hands: dict[str, Any] | None = None,
        phones: dict[str, Any] | None = None,
    ) -> Consequence:
        """Play the room's choice for the round being played; ``hands``: the counts
        per option (options not counted are left out); ``phones``: the phones' votes
        per option, kept apart. ValueError if it cannot be chosen now."""
        if self.run.finished:
            raise ValueError("the scenario has ended")
        allowed = {option.id for option in self.run.options()}
        round_number = self.run.round
        consequence = self.run.choose(choice)
        self.decisions.append(
            Decision(
                round_number, choice, clean_hands(hands, allowed), clean_hands(phones, allowed)
            )
        )
        self.counting = {}
        self.view = next(
            i
            for i, screen in enumerate(self.screens())
            if screen == Screen(ScreenKind.CONSEQUENCE, round_number)
        )
        return consequence

    def undo(self) -> Decision | None:
        """Takes back the room's last decision (a mistyped number, a miscounted vote):
        the run goes back to that round's choices, as if it had not been played, and
        the decision is returned so it can be corrected. None when there is none."""
        if not self.decisions or not self.run.steps:
            return None
        decision = self.decisions.pop()
        self.run.go_back(len(self.run.steps))
        self.run.branches.pop()  # a correction, not a "what if": nothing to keep
        self.to_live()
        self.count(decision.hands)
        return decision

    # -- saving --------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        data = run_to_json(self.run)
        data["player"] = {
            "name": ROOM_NAME,
            "group": ROOM_NAME,
            "view": "round",
            "created": self.created,
        }
        data[ROOM_KEY] = {
            "version": ROOM_VERSION,
            "created": self.created,
            "decisions": [d.to_json() for d in self.decisions],
        }
        if self.counting and not self.run.finished:
            data[ROOM_KEY]["counting"] = {"round": self.run.round, "hands": dict(self.counting)}
        return data

    def save(self) -> Path | None:
        """Write the game atomically (OSError if it cannot be written); None without a path."""
        if self.path is None:
            return None
        text = json.dumps(self.to_json(), indent=1, ensure_ascii=False) + "\n"
        return atomic_write_text(self.path, text)


class RoomStore:
    """The folder where the room's games are saved (``app_data_dir()/room-runs`` in
    the app): the player's store of run files, in a folder of its own so that a
    group's player never resumes, renames or rewrites the room's game."""

    def __init__(self, folder: Path) -> None:
        self.runs = RunStore(folder)

    @property
    def folder(self) -> Path:
        return self.runs.folder

    def new_path(self, scenario_id: str) -> Path:
        return self.runs.new_path(scenario_id)

    def unfinished(self, scenario_id: str) -> list[tuple[Path, int]]:
        """Saved games of this scenario not played to the end, newest first, with the
        rounds played (a damaged file is set aside as ``.damaged``, never deleted)."""
        return [
            (entry.path, entry.rounds_played)
            for entry in self.runs.listing().runs
            if entry.scenario == scenario_id and not entry.finished
        ]
