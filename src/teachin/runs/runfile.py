"""Run files: a recorded run as versioned JSON, saved atomically, replayed exactly.

::

    {"format": "teachin-run", "version": 2, "scenario": "care-homes", "seed": 42,
     "saved": "...", "result": "win", "ending": "won",
     "start": {...measures...}, "start_draws": [["start:support", 0.12], ...],
     "steps": [{"round": 1, "choice": "committee", "ready": 1.0, "draws": [...],
                "before": {...}, "after": {...}, "events": [...], "explanation": "...",
                "concept": "...", ...}, ...],
     "branches": [{"from_round": 4, "steps": [...]}]}

Version 2 came with issue 13's scenarios (estimates, votes, structure tests,
repression): a version-1 run was played by rules that are gone, so it is refused
with a plain message (:class:`OlderRunFileError`), never replayed by the new ones.

A run file names its scenario by id only, with no hash of the scenario file, and
needs none: :func:`replay` plays the recorded choices again and compares every
step (the random draws, every measure before and after, hidden ones too, the
events, the ending), so a scenario file changed in a way that touches the run is
found at the first step it changes, and the run is refused
("the scenario has changed since this run"). A change the run never met (a text,
a tactic the group never chose) leaves the recorded rounds exactly as they were
played, so the run still opens; a hash would refuse it for a corrected typo.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from teachin.limits import MAX_RUN_STEPS, structure_problem
from teachin.scenario.model import Scenario
from teachin.scenario.run import Run
from teachin.storage import atomic_write_text
from teachin.tomlfile import read_text

FORMAT = "teachin-run"
VERSION = 2
TOLERANCE = 1e-9


class RunFileError(ValueError):
    """A run file that cannot be read; the message names the file (and line)."""


class OlderRunFileError(RunFileError):
    """A run file made by an older teachin whose scenarios played by other rules.

    Not damaged: it is refused, and left as it is (not set aside as damaged).
    """


def run_to_json(run: Run) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "scenario": run.scenario.id,
        "seed": run.seed,
        "saved": datetime.now(UTC).isoformat(timespec="seconds"),
        "result": run.result,
        "ending": run.ending.id if run.ending else None,
        "start": run.start_values,
        "start_draws": [[name, value] for name, value in run.start_draws],
        "steps": [record.to_json() for record in run.steps],
        "branches": [
            {"from_round": b.from_round, "steps": [r.to_json() for r in b.steps]}
            for b in run.branches
        ],
    }


def save_run(run: Run, path: Path) -> None:
    """Write the run file atomically (see :func:`teachin.storage.atomic_write_text`)."""
    data = json.dumps(run_to_json(run), indent=1, ensure_ascii=False)
    atomic_write_text(Path(path), data + "\n")


def read_run(path: Path) -> dict[str, Any]:
    """Read and validate a run file; RunFileError with a clear message otherwise."""
    path = Path(path)
    text, problem = read_text(path)
    if text is None:
        reason = problem.message if problem else "cannot read"
        raise RunFileError(f"{path}:{problem.line if problem else 1}: {reason}")
    too_deep_or_long = structure_problem(text, path)
    if too_deep_or_long is not None:
        raise RunFileError(
            f"{too_deep_or_long.path}:{too_deep_or_long.line}: damaged run file: "
            f"{too_deep_or_long.message}"
        )
    if not text.strip():
        raise RunFileError(f"{path}:1: the run file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = " (the file looks cut off)" if exc.pos >= len(text.rstrip()) - 1 else ""
        raise RunFileError(f"{path}:{exc.lineno}: damaged run file: {exc.msg}{hint}") from None
    except (RecursionError, ValueError) as exc:
        raise RunFileError(f"{path}:1: damaged run file: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RunFileError(f'{path}: not a teachin run file (no "format": "{FORMAT}")')
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and 1 <= version < VERSION:
        raise OlderRunFileError(
            f"{path}: this run was made by an older teachin whose scenarios played by "
            "different rules; it can't be replayed here; start a new run"
        )
    if version != VERSION:
        raise RunFileError(f"{path}: run file version {version!r} is not supported")
    if not isinstance(data.get("scenario"), str):
        raise RunFileError(f"{path}: the run file names no scenario")
    seed = data.get("seed")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise RunFileError(f"{path}: the run file has no whole-number seed")
    steps = data.get("steps")
    if not isinstance(steps, list):
        raise RunFileError(f"{path}: the run file has no list of steps")
    branches = data.get("branches")
    branch_steps = (
        [branch.get("steps") for branch in branches or [] if isinstance(branch, dict)]
        if isinstance(branches, list)
        else []
    )
    recorded = len(steps) + sum(len(more) for more in branch_steps if isinstance(more, list))
    if recorded > MAX_RUN_STEPS:
        raise RunFileError(f"{path}: too many steps (the limit is {MAX_RUN_STEPS:,})")
    for number, step in enumerate(steps, start=1):
        if not isinstance(step, dict) or not isinstance(step.get("choice"), str):
            raise RunFileError(f"{path}: step {number} has no choice")
    return data


@dataclass
class ReplayReport:
    matches: bool
    steps: int
    differences: list[str]
    run: Run


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a == b)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=0, abs_tol=TOLERANCE)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


_COMPARED = (
    "round",
    "choice",
    "ready",
    "draws",
    "before",
    "after",
    "events",
    "climbed",
    "ending",
    "result",
)


def replay(data: dict[str, Any], scenario: Scenario) -> ReplayReport:
    """Re-run the recorded choices from the seed and compare every step."""
    run = Run(scenario, data["seed"])
    differences: list[str] = []
    if "start" in data and not _same(data["start"], run.start_values):
        differences.append("the starting measures differ")
    for number, recorded in enumerate(data["steps"], start=1):
        if run.finished:
            differences.append(f"step {number}: the run had already ended")
            break
        try:
            run.choose(recorded["choice"])
        except ValueError as exc:
            differences.append(f"step {number}: {exc}")
            break
        fresh = run.steps[-1].to_json()
        for key in _COMPARED:
            if key in recorded and not _same(recorded[key], fresh[key]):
                differences.append(f"step {number} (round {fresh['round']}): '{key}' differs")
    if not differences and data.get("result") is not None and data.get("result") != run.result:
        differences.append("the result differs")
    return ReplayReport(not differences, len(data["steps"]), differences, run)


def load_run(path: Path, scenarios: dict[str, Scenario]) -> Run:
    """Read a run file and rebuild the run (for the debrief and side-by-side view).

    RunFileError, naming the file, when it cannot be read, its scenario is not
    installed, or it no longer replays exactly (the scenario file changed).
    """
    data = read_run(path)
    scenario = scenarios.get(data["scenario"])
    if scenario is None:
        raise RunFileError(f"{path}: scenario '{data['scenario']}' is not installed")
    try:
        report = replay(data, scenario)
    except (KeyError, TypeError, ValueError) as exc:
        raise RunFileError(f"{path}: damaged run file ({exc})") from None
    if not report.matches or report.run is None:
        first = report.differences[0] if report.differences else "it does not replay"
        raise RunFileError(f"{path}: the scenario has changed since this run ({first})")
    return report.run
