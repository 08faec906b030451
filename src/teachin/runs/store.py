"""The saved runs of the scenario player: one run file per play-through.

Every file is a normal run file (``teachin-run``, see ``teachin.runs.runfile``)
with one extra key, ``"player"``, that the engine ignores: the run's name, the
group's name, which screen the group was looking at, and when it was started.
Files are written atomically after every step, so a crash or a power cut loses
nothing. A file that cannot be read is set aside as ``<name>.damaged`` (never
deleted) and reported; the other runs keep working. Qt-free.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from teachin.runs.runfile import (
    OlderRunFileError,
    RunFileError,
    load_run,
    read_run,
    run_to_json,
)
from teachin.scenario.model import Scenario
from teachin.scenario.outcome import Branch, Consequence, EventOutcome, StepRecord
from teachin.scenario.run import Run
from teachin.storage import atomic_write_text

SUFFIX = ".run.json"
DAMAGED = ".damaged"
OLDER = ".older"  # a run file of an older teachin, set aside (not damaged)
VIEW_ROUND = "round"
VIEW_CONSEQUENCE = "consequence"


@dataclass
class PlayerInfo:
    """What the player keeps beside the run itself (no names of people)."""

    name: str = ""
    group: str = ""
    view: str = VIEW_ROUND  # the screen the group was on: the round, or its consequence
    created: str = ""

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "group": self.group, "view": self.view, "created": self.created}

    @classmethod
    def from_json(cls, data: Any) -> PlayerInfo:
        if not isinstance(data, dict):
            return cls()

        def text(key: str, default: str = "") -> str:
            value = data.get(key, default)
            return value if isinstance(value, str) else default

        view = text("view", VIEW_ROUND)
        return cls(
            name=text("name"),
            group=text("group"),
            view=view if view in (VIEW_ROUND, VIEW_CONSEQUENCE) else VIEW_ROUND,
            created=text("created"),
        )


@dataclass
class SavedRun:
    """One entry in the list of saved runs."""

    path: Path
    scenario: str
    info: PlayerInfo
    saved: str
    rounds_played: int
    result: str | None
    modified: float

    @property
    def finished(self) -> bool:
        return self.result is not None

    @property
    def title(self) -> str:
        return self.info.name or self.path.name.removesuffix(SUFFIX)


@dataclass
class Listing:
    runs: list[SavedRun] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)  # messages, one per damaged file


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run_document(run: Run, info: PlayerInfo) -> str:
    data = run_to_json(run)
    data["player"] = info.to_json()
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def write_run(run: Run, info: PlayerInfo, path: Path) -> Path:
    """Write the run (with the player's extra key) atomically."""
    return atomic_write_text(Path(path), run_document(run, info))


def set_aside(path: Path, suffix: str = DAMAGED) -> Path:
    """Rename a damaged file to ``<name>.damaged`` (``.damaged-2`` ... if taken);
    a run file of an older teachin gets ``suffix`` :data:`OLDER` instead."""
    path = Path(path)
    target = path.with_name(path.name + suffix)
    number = 2
    while target.exists():
        target = path.with_name(f"{path.name}{suffix}-{number}")
        number += 1
    path.replace(target)
    return target


def _record_from_json(scenario: Scenario, data: dict[str, Any]) -> StepRecord:
    """A step of an abandoned branch, rebuilt from its saved text (for the debrief)."""
    tactic_id = str(data.get("choice", ""))
    tactic = (
        scenario.tactics[scenario.tactic_index[tactic_id]]
        if (tactic_id in scenario.tactic_index)
        else None
    )
    events = []
    for event_id in data.get("events") or []:
        match = next((e for e in scenario.events if e.id == event_id), None)
        if match is not None:
            events.append(
                EventOutcome(
                    match.id, match.kind, match.title, match.text, match.explain, match.concept, {}
                )
            )

    def numbers(value: Any) -> dict[str, float]:
        if not isinstance(value, dict):
            return {}
        return {k: float(v) for k, v in value.items() if isinstance(v, int | float)}

    round_number = int(data.get("round", 0))
    consequence = Consequence(
        round=round_number,
        tactic=tactic_id,
        label=tactic.label if tactic else tactic_id,
        ready=float(data.get("ready", 0.0)),
        ready_text="",
        narrative=str(data.get("narrative", "")),
        explain=str(data.get("explanation", "")),
        concept=str(data.get("concept", "")),
        before=numbers(data.get("before")),
        after=numbers(data.get("after")),
        events=tuple(events),
        climbed=int(data.get("climbed", 0)),
        step=tactic.step_index if tactic else 0,
        draws=(),
        ending=data.get("ending") if isinstance(data.get("ending"), str) else None,
        result=data.get("result") if isinstance(data.get("result"), str) else None,
    )
    return StepRecord(round_number, tactic_id, consequence)


def restore_branches(run: Run, data: dict[str, Any]) -> None:
    """Put the abandoned branches of a saved run back (the engine's replay keeps
    only the main line)."""
    branches = []
    for item in data.get("branches") or []:
        if not isinstance(item, dict) or not isinstance(item.get("steps"), list):
            continue
        steps = [
            _record_from_json(run.scenario, step)
            for step in item["steps"]
            if isinstance(step, dict)
        ]
        branches.append(Branch(int(item.get("from_round", 1)), steps))
    run.branches = branches


def open_run(path: Path, scenarios: dict[str, Scenario]) -> tuple[Run, PlayerInfo]:
    """Rebuild a saved run exactly, with its branches and the player's info.

    RunFileError when the file is damaged, its scenario is missing, or the
    scenario changed so that the run no longer replays.
    """
    run = load_run(path, scenarios)
    data = read_run(path)
    try:
        restore_branches(run, data)
    except (KeyError, TypeError, ValueError) as exc:
        raise RunFileError(f"{path}: damaged run file ({exc})") from None
    return run, PlayerInfo.from_json(data.get("player"))


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:40] or "run"


class RunStore:
    """The folder of saved runs (``app_data_dir()/runs`` in the app)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def new_path(self, scenario_id: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        base = f"{_slug(scenario_id)}-{stamp}"
        path = self.folder / f"{base}{SUFFIX}"
        number = 2
        while path.exists():
            path = self.folder / f"{base}-{number}{SUFFIX}"
            number += 1
        return path

    def save(self, run: Run, info: PlayerInfo, path: Path) -> Path:
        return write_run(run, info, path)

    def listing(self) -> Listing:
        """Every readable saved run, newest first; damaged files are set aside."""
        listing = Listing()
        if not self.folder.is_dir():
            return listing
        for path in sorted(self.folder.glob(f"*{SUFFIX}")):
            if not path.is_file():
                continue
            try:
                data = read_run(path)
            except RunFileError as exc:
                try:
                    moved = set_aside(
                        path, OLDER if isinstance(exc, OlderRunFileError) else DAMAGED
                    )
                except OSError as error:
                    listing.set_aside.append(f"{exc} (could not set it aside: {error.strerror})")
                    continue
                listing.set_aside.append(f"{exc}. The file was kept as {moved.name}.")
                continue
            result = data.get("result")
            listing.runs.append(
                SavedRun(
                    path=path,
                    scenario=data["scenario"],
                    info=PlayerInfo.from_json(data.get("player")),
                    saved=str(data.get("saved", "")),
                    rounds_played=len(data["steps"]),
                    result=result if isinstance(result, str) else None,
                    modified=path.stat().st_mtime,
                )
            )
        listing.runs.sort(key=lambda r: (r.modified, r.saved), reverse=True)
        return listing

    def newest_unfinished(self, scenarios: dict[str, Scenario]) -> SavedRun | None:
        for entry in self.listing().runs:
            if not entry.finished and entry.scenario in scenarios:
                return entry
        return None

    def rename(self, path: Path, name: str) -> None:
        """Give a saved run a new name (kept inside the file; the file name stays)."""
        data = read_run(path)
        info = PlayerInfo.from_json(data.get("player"))
        info.name = name.strip()
        data["player"] = info.to_json()
        atomic_write_text(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")

    def delete(self, path: Path) -> None:
        Path(path).unlink(missing_ok=True)
