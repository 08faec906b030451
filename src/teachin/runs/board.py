"""The debrief board's data: several groups' run files, read side by side. Qt-free.

Run files come from the groups' laptops (a shared folder, a USB stick). A file
that is damaged, foreign, or for a scenario that is not installed gets a message
naming it and is skipped; the others load.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teachin.runs.room import ROOM_NAME, Decision, decisions_from_json, is_room_run
from teachin.runs.runfile import RunFileError, load_run, read_run
from teachin.scenario.model import Scenario
from teachin.scenario.run import Run

RUN_PATTERNS = ("*.json",)
MAX_GROUPS = 8
"""More lines than this cannot be told apart on one chart."""


@dataclass
class GroupRun:
    """One group's run on the board."""

    path: Path
    name: str
    run: Run
    decisions: list[Decision] = field(default_factory=list)
    room: bool = False

    @property
    def scenario(self) -> Scenario:
        return self.run.scenario

    def climbed(self) -> list[int]:
        """Highest step climbed after each round played."""
        return [record.consequence.climbed for record in self.run.steps]


@dataclass
class BoardLoad:
    groups: list[GroupRun] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """One message per file that was skipped, naming the file."""


def given_group_name(data: dict[str, Any]) -> str:
    """The name a group gave its run, else the room's; "" when it has none."""
    if is_room_run(data):
        return ROOM_NAME
    info = data.get("player")
    if isinstance(info, dict):
        for key in ("group", "name"):
            value = info.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:60]
    return ""


def run_file_label(path: Path, scenario_titles: Mapping[str, str]) -> str:
    """How a run file is listed for a person choosing one: "Table 3 — Short-staffed
    at Evergreen, 12 rounds" (the file's name when it cannot be read, or has no
    group name)."""
    try:
        data = read_run(Path(path))
    except (RunFileError, OSError):
        return Path(path).name
    who = given_group_name(data) or Path(path).name
    scenario = str(data.get("scenario", ""))
    title = scenario_titles.get(scenario, scenario)
    steps = data.get("steps")
    rounds = len(steps) if isinstance(steps, list) else 0
    return f"{who} — {title}, {rounds} round{'' if rounds == 1 else 's'}"


def group_name(data: dict[str, Any], path: Path) -> str:
    """The name a group gave its run, else the room's, else the file's name."""
    given = given_group_name(data)
    if given:
        return given
    name = path.name
    for suffix in (".room.run.json", ".run.json", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)] or name
    return name


def run_files_in(folder: Path) -> list[Path]:
    """The run files in a folder (not its sub-folders), by name.

    Hidden and temporary files are left out."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found: set[Path] = set()
    for pattern in RUN_PATTERNS:
        found.update(p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith("."))
    return sorted(found, key=lambda p: p.name.casefold())


def load_group(path: Path, scenarios: Mapping[str, Scenario]) -> GroupRun:
    """One run file, replayed exactly; RunFileError naming the file otherwise."""
    data = read_run(path)
    run = load_run(path, dict(scenarios))
    return GroupRun(
        Path(path), group_name(data, Path(path)), run, decisions_from_json(data), is_room_run(data)
    )


def unique_names(groups: list[GroupRun]) -> None:
    """Two groups with the same name get a number each: "Group 2 (2)"."""
    seen: dict[str, int] = {}
    for group in groups:
        count = seen.get(group.name.casefold(), 0) + 1
        seen[group.name.casefold()] = count
        if count > 1:
            group.name = f"{group.name} ({count})"


def load_groups(
    paths: Iterable[Path],
    scenarios: Mapping[str, Scenario],
    already: Iterable[Path] = (),
    limit: int = MAX_GROUPS,
) -> BoardLoad:
    """Read the run files in ``paths``; skip (with a message) the ones that cannot be read,
    and (silently) the ones already on the board."""
    result = BoardLoad()
    seen = {Path(p).resolve() for p in already}
    for path in paths:
        path = Path(path)
        key = path.resolve()
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > limit:
            result.problems.append(
                f"{path}: not shown; the board compares at most {limit} runs at a time"
            )
            continue
        try:
            result.groups.append(load_group(path, scenarios))
        except RunFileError as exc:
            result.problems.append(str(exc))
        except (OSError, RecursionError, ValueError, TypeError, KeyError) as exc:
            result.problems.append(f"{path}: cannot read this run file ({exc})")
    return result
