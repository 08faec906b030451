"""Plans as plain TOML files a facilitator can edit in any text editor.

The format is described in ``docs/plans.md``. Reading never raises on bad
content: every mistake becomes a Problem naming the file and line, a bad block
is skipped and the rest of the plan still loads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from teachin.limits import MAX_MINUTES, MAX_PLAN_BLOCKS, count_problem
from teachin.locations import files_inside
from teachin.plan.model import (
    MAX_BLOCK_MINUTES,
    MIN_SLACK_PERCENT,
    Block,
    BlockKind,
    Plan,
    clock_text,
    minutes_text,
    parse_clock,
)
from teachin.problems import Problem, error, line_of_key, warning
from teachin.storage import atomic_write_text
from teachin.tomlfile import parse_toml, read_text

PLANS_DIR = "plans"
FORMAT = "teachin-plan"
VERSION = 1
_TOP_KEYS = {"format", "version", "title", "start", "available", "notes", "block"}
_BLOCK_KEYS = {"kind", "minutes", "title", "module", "scenario", "notes", "skip"}
_BLOCK_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*block[ \t]*\]\]", re.MULTILINE)
_REF_KEYS = {BlockKind.MODULE: "module", BlockKind.SCENARIO: "scenario"}


def _block_spans(text: str) -> list[tuple[int, int]]:
    """(first line, last line) of each ``[[block]]`` table, in file order."""
    starts = [text.count("\n", 0, match.start()) + 1 for match in _BLOCK_HEADER.finditer(text)]
    last = text.count("\n") + 1
    return [
        (start, (starts[i + 1] - 1) if i + 1 < len(starts) else last)
        for i, start in enumerate(starts)
    ]


def _key_line(text: str, span: tuple[int, int], key: str) -> int:
    """The line of ``key = ...`` inside a block's span, or the block's header line."""
    lines = text.split("\n")
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number in range(span[0], min(span[1], len(lines)) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return span[0]


def parse_plan(
    text: str, path: Path, plan_id: str | None = None
) -> tuple[Plan | None, list[Problem]]:
    """A plan from a file's text. Returns None only when the file cannot be read as TOML."""
    path = Path(path)
    # Counted before parsing: locating each block's keys takes time for every block.
    block_count = len(_BLOCK_HEADER.findall(text))
    too_many = count_problem(path, 1, block_count, MAX_PLAN_BLOCKS, "blocks")
    if too_many is not None:
        return None, [too_many]
    data, toml_problem = parse_toml(text, path)
    if data is None:
        return None, [toml_problem] if toml_problem else []
    problems: list[Problem] = []
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        problems.append(
            error(path, line_of_key(text, "format"), f'format should be "{FORMAT}", not {fmt!r}')
        )
    version = data.get("version", VERSION)
    if version != VERSION:
        problems.append(
            warning(
                path,
                line_of_key(text, "version"),
                f"version {version!r} is not known; reading it as version {VERSION}",
            )
        )
    for key in sorted(set(data) - _TOP_KEYS):
        problems.append(warning(path, line_of_key(text, key), f"unknown setting '{key}' (ignored)"))

    title = data.get("title", "")
    if not isinstance(title, str) or not title.strip():
        problems.append(
            error(
                path, line_of_key(text, "title"), 'the plan needs a title, e.g. title = "Teach-in"'
            )
        )
        title = path.stem
    start = _parse_start(data.get("start"), path, text, problems)
    available_line = line_of_key(text, "available")
    available = _parse_minutes(data.get("available"), "available", path, available_line, problems)
    notes = data.get("notes", "")
    if not isinstance(notes, str):
        problems.append(error(path, line_of_key(text, "notes"), "notes must be text in quotes"))
        notes = ""

    raw_blocks = data.get("block", [])
    blocks: list[Block] = []
    if not isinstance(raw_blocks, list):
        problems.append(
            error(path, line_of_key(text, "block"), "blocks are written as [[block]] tables")
        )
        raw_blocks = []
    spans = _block_spans(text)
    for number, raw in enumerate(raw_blocks):
        span = spans[number] if number < len(spans) else (1, 1)
        block = _parse_block(raw, number + 1, span, path, text, problems)
        if block is not None:
            blocks.append(block)
    plan = Plan(
        id=plan_id or path.stem,
        title=title.strip(),
        blocks=blocks,
        start=start,
        available=available,
        notes=notes.strip(),
        path=path,
        available_line=available_line if available is not None else 0,
    )
    return plan, problems


def _parse_start(value: Any, path: Path, text: str, problems: list[Problem]) -> int | None:
    if value is None:
        return None
    if hasattr(value, "hour") and hasattr(value, "minute"):  # a bare TOML time: start = 18:30:00
        return int(value.hour) * 60 + int(value.minute)
    if isinstance(value, str) and (minutes := parse_clock(value)) is not None:
        return minutes
    problems.append(
        error(path, line_of_key(text, "start"), f'start must be a time like "18:30", not {value!r}')
    )
    return None


def _parse_minutes(
    value: Any, what: str, path: Path, line: int, problems: list[Problem]
) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(
            error(path, line, f"{what} must be a whole number of minutes, not {value!r}")
        )
        return None
    limit = MAX_BLOCK_MINUTES if what == "minutes" else MAX_MINUTES
    if not 0 < value <= limit:
        problems.append(
            error(path, line, f"{what} = {value} is out of range: use 1 to {limit} minutes")
        )
        return None
    return value


def _parse_block(
    raw: Any, number: int, span: tuple[int, int], path: Path, text: str, problems: list[Problem]
) -> Block | None:
    where = span[0]
    if not isinstance(raw, dict):
        problems.append(error(path, where, f"block {number} is not a [[block]] table"))
        return None
    for key in sorted(set(raw) - _BLOCK_KEYS):
        problems.append(
            warning(
                path,
                _key_line(text, span, key),
                f"block {number}: unknown setting '{key}' (ignored)",
            )
        )
    kind_value = raw.get("kind")
    if kind_value is None:
        # The kind may be left out when the block names a module or a scenario.
        kind_value = "module" if "module" in raw else "scenario" if "scenario" in raw else None
    try:
        if not isinstance(kind_value, str):  # missing, or a number, a list...
            raise ValueError(kind_value)
        kind = BlockKind(kind_value)
    except ValueError:
        choices = ", ".join(f'"{k}"' for k in BlockKind)
        problems.append(
            error(
                path,
                _key_line(text, span, "kind"),
                f"block {number}: kind must be one of {choices}, not {kind_value!r}",
            )
        )
        return None
    if "minutes" not in raw:
        problems.append(
            error(path, where, f"block {number}: minutes is missing, e.g. minutes = 20")
        )
        return None
    minutes = _parse_minutes(
        raw["minutes"], "minutes", path, _key_line(text, span, "minutes"), problems
    )
    if minutes is None:
        return None
    ref = ""
    if kind in _REF_KEYS:
        key = _REF_KEYS[kind]
        ref = raw.get(key, "")
        if not isinstance(ref, str) or not ref.strip():
            problems.append(
                error(
                    path,
                    _key_line(text, span, key),
                    f'block {number}: a {kind} block needs {key} = "its id"',
                )
            )
            return None
        ref = ref.strip()
    strings = {}
    for key in ("title", "notes"):
        value = raw.get(key, "")
        if not isinstance(value, str):
            problems.append(
                error(
                    path,
                    _key_line(text, span, key),
                    f"block {number}: {key} must be text in quotes",
                )
            )
            value = ""
        strings[key] = value.strip()
    return Block(
        kind=kind,
        minutes=minutes,
        title=strings["title"],
        ref=ref,
        notes=strings["notes"],
        line=where,
        skip=_parse_skip(raw, kind, number, _key_line(text, span, "skip"), path, problems),
    )


def _parse_skip(
    raw: Mapping[str, Any],
    kind: BlockKind,
    number: int,
    line: int,
    path: Path,
    problems: list[Problem],
) -> tuple[str, ...]:
    """A module block's ``skip = ["slide title", ...]``."""
    if "skip" not in raw:
        return ()
    value = raw["skip"]
    if kind is not BlockKind.MODULE:
        problems.append(
            warning(path, line, f"block {number}: only a module block can skip slides (ignored)")
        )
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(
            error(
                path,
                line,
                f'block {number}: skip is a list of slide titles, e.g. skip = ["Talk it over"]',
            )
        )
        return ()
    return tuple(title.strip() for title in value if title.strip())


def load_plan(path: Path) -> tuple[Plan | None, list[Problem]]:
    path = Path(path)
    text, problem = read_text(path)
    if problem is not None or text is None:
        return None, [problem] if problem else []
    return parse_plan(text, path)


def load_plans(folders: Iterable[Path]) -> tuple[dict[str, Plan], list[Problem]]:
    """``<folder>/plans/*.toml`` for each content folder; a later folder's plan replaces one with the same id."""
    plans: dict[str, Plan] = {}
    problems: list[Problem] = []
    for folder in folders:
        directory = Path(folder) / PLANS_DIR
        if not directory.is_dir():
            continue
        for path in files_inside(directory, "*.toml", Path(folder)):
            plan, found = load_plan(path)
            problems.extend(found)
            if plan is not None:
                plans[plan.id] = plan
    return plans, problems


def check_plan(
    plan: Plan,
    modules: Mapping[str, object] | Iterable[str],
    scenarios: Iterable[str] | None = None,
) -> list[Problem]:
    """Blocks that name a module or a scenario that is not in the library.

    ``scenarios`` None: scenarios are not checked (no scenario loader available).
    """
    path = plan.path or Path(f"{plan.id}.toml")
    module_ids = set(modules)
    scenario_ids = set(scenarios) if scenarios is not None else None
    problems = []
    for number, block in enumerate(plan.blocks, start=1):
        if block.kind == BlockKind.MODULE and block.ref not in module_ids:
            problems.append(
                error(path, block.line or 1, f"block {number}: no module with id '{block.ref}'")
            )
        if (
            block.kind == BlockKind.SCENARIO
            and scenario_ids is not None
            and block.ref not in scenario_ids
        ):
            problems.append(
                error(path, block.line or 1, f"block {number}: no scenario with id '{block.ref}'")
            )
    problems.extend(_unknown_skips(plan, modules, path))
    return problems


def _unknown_skips(
    plan: Plan, modules: Mapping[str, object] | Iterable[str], path: Path
) -> list[Problem]:
    """A slide title in ``skip`` that the module does not have: it would skip nothing."""
    if not isinstance(modules, Mapping):
        return []
    problems = []
    for number, block in enumerate(plan.blocks, start=1):
        slides = getattr(modules.get(block.ref), "slides", None)
        if not block.skip or slides is None:
            continue
        titles = {slide.title.strip().casefold() for slide in slides}
        for title in block.skip:
            if title.casefold() not in titles:
                problems.append(
                    warning(
                        path,
                        block.line or 1,
                        f"block {number}: module '{block.ref}' has no slide titled "
                        f"{title!r} (nothing skipped)",
                    )
                )
    return problems


def check_slack(plan: Plan) -> list[Problem]:
    """A warning when the blocks leave under MIN_SLACK_PERCENT of the time available free.

    ``teachin check`` runs it on the plan as saved; the editor says the same live, in its
    budget line, so that a warning does not go stale while the plan is being changed.
    """
    if not plan.short_of_slack:
        return []
    path = plan.path or Path(f"{plan.id}.toml")
    available = plan.available or 0
    wanted = -(-available * MIN_SLACK_PERCENT // 100)  # rounded up: at least the share
    advice = (
        f"the blocks add up to {plan.total_minutes} of the {available} minutes available "
        f"({plan.slack_text()}): leave at least {MIN_SLACK_PERCENT} % ({minutes_text(wanted)}) "
        "free for a late start and discussions that run long"
    )
    return [warning(path, plan.available_line or 1, advice)]


def _string(value: str) -> str:
    """A TOML string: a basic string, or a multi-line one for text with line breaks."""
    # JSON escapes every control character TOML forbids but DEL, which it leaves raw.
    quoted = json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if "\n" in value:
        body = quoted[1:-1].replace("\\n", "\n").replace('"""', '""\\"')
        return f'"""\n{body}"""'
    return quoted


def plan_to_toml(plan: Plan) -> str:
    """The plan as a tidy TOML file (comments in the file being replaced are not kept)."""
    lines = [
        "# A teachin session plan. The format is explained in docs/plans.md.",
        "# Clock times are worked out from the start time and each block's minutes.",
        "",
        f'format = "{FORMAT}"',
        f"version = {VERSION}",
        f"title = {_string(plan.title)}",
    ]
    if plan.start is not None:
        lines.append(f'start = "{clock_text(plan.start)}"')
    if plan.available is not None:
        lines.append(f"available = {plan.available}")
    if plan.notes:
        lines.append(f"notes = {_string(plan.notes)}")
    for block in plan.blocks:
        lines += ["", "[[block]]", f'kind = "{block.kind}"']
        if block.kind in _REF_KEYS:
            lines.append(f"{_REF_KEYS[block.kind]} = {_string(block.ref)}")
        if block.title:
            lines.append(f"title = {_string(block.title)}")
        lines.append(f"minutes = {block.minutes}")
        if block.skip:
            lines.append(f"skip = [{', '.join(_string(title) for title in block.skip)}]")
        if block.notes:
            lines.append(f"notes = {_string(block.notes)}")
    return "\n".join(lines) + "\n"


def save_plan(plan: Plan, path: Path | None = None) -> Path:
    """Writes the plan atomically to ``path`` (or where it came from) and remembers the place."""
    target = Path(path) if path is not None else plan.path
    if target is None:
        raise ValueError("the plan has no file yet: give a path")
    atomic_write_text(target, plan_to_toml(plan))
    plan.path = target
    plan.id = target.stem
    return target
