"""The escalation staircase: ten steps loaded from ``staircase.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from teachin.limits import MAX_STAIRCASE_STEPS, count_problem
from teachin.problems import Problem, error, id_lines

STAIRCASE_IMAGE = "teachin:staircase"
"""The picture address where a page shows the staircase; each medium draws it itself."""
PICTURE_WIDTH, PICTURE_HEIGHT = 960, 540
"""The drawing's own size: 16:9, like a slide."""


def picture_height(width: int) -> int:
    """How tall the staircase picture is when drawn ``width`` wide."""
    return round(width * PICTURE_HEIGHT / PICTURE_WIDTH)


@dataclass(frozen=True)
class StaircaseMarks:
    """What one picture of the staircase marks, carried in its address so that a page
    written without Qt can ask its medium for a particular drawing."""

    current: int | None = None
    """0-based index of the step outlined and pointed at, or None."""
    climbed: int = 0
    """How many steps from the bottom are ticked as climbed."""
    share: float = 1.0
    """The share of the page's width the picture may take (a column: less than 1)."""

    def address(self) -> str:
        fields: dict[str, str] = {}
        if self.current is not None:
            fields["current"] = str(self.current)
        if self.climbed:
            fields["climbed"] = str(self.climbed)
        if self.share != 1.0:
            fields["share"] = f"{self.share:g}"
        return f"{STAIRCASE_IMAGE}?{urlencode(fields)}" if fields else STAIRCASE_IMAGE


def staircase_marks(address: str) -> StaircaseMarks | None:
    """The marks an address asks for; None when it is not a staircase address. Values
    out of range fall back to no mark, since the address may come from a content file."""
    base, _, query = address.partition("?")
    if base != STAIRCASE_IMAGE:
        return None
    fields = {key: values[-1] for key, values in parse_qs(query).items()}

    def number(key: str, low: float, high: float) -> float | None:
        try:
            value = float(fields[key])
        except (KeyError, ValueError):
            return None
        return value if low <= value <= high else None

    current = number("current", 0, 99)
    share = number("share", 0.2, 1.0)
    return StaircaseMarks(
        current=None if current is None else int(current),
        climbed=int(number("climbed", 0, 99) or 0),
        share=1.0 if share is None else share,
    )


@dataclass(frozen=True)
class Step:
    id: str
    label: str
    examples: str = ""
    asks: str = ""
    costs: str = ""
    builds: str = ""


@dataclass(frozen=True)
class Staircase:
    title: str
    source: str
    steps: tuple[Step, ...]
    path: Path | None = None

    def index_of(self, step_id: str) -> int:
        """0-based position of a step from the bottom; ValueError if unknown."""
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        raise ValueError(f"no staircase step {step_id!r}")

    def step(self, step_id: str) -> Step:
        return self.steps[self.index_of(step_id)]


_STEP_FIELDS = ("id", "label", "examples", "asks", "costs", "builds")


def load_staircase(path: Path) -> tuple[Staircase | None, list[Problem]]:
    # Imported here: a start-up served by the library cache parses no TOML.
    from teachin.tomlfile import load_toml_file

    data, text, problems = load_toml_file(path)
    if data is None:
        return None, problems
    steps: list[Step] = []
    raw_steps = data.get("step", [])
    if not isinstance(raw_steps, list) or not raw_steps:
        return None, [error(path, 1, "no [[step]] entries")]
    too_many = count_problem(path, 1, len(raw_steps), MAX_STAIRCASE_STEPS, "staircase steps")
    if too_many is not None:
        return None, [*problems, too_many]
    lines = id_lines(text)
    for raw in raw_steps:
        if not isinstance(raw, dict):
            problems.append(error(path, 1, "each step is a [[step]] table: this one is not"))
            continue
        step_id = raw.get("id")
        where = lines.get(step_id, 1) if isinstance(step_id, str) else 1
        missing = [
            name for name in ("id", "label") if not raw.get(name) or not isinstance(raw[name], str)
        ]
        if missing:
            problems.append(error(path, where, f"step is missing {', '.join(missing)}"))
            continue
        unknown = sorted(set(raw) - set(_STEP_FIELDS))
        if unknown:
            problems.append(error(path, where, f"unknown step field(s): {', '.join(unknown)}"))
        steps.append(Step(**{name: str(raw.get(name, "")).strip() for name in _STEP_FIELDS}))
    staircase = Staircase(
        title=str(data.get("title", "The escalation staircase")),
        source=str(data.get("source", "")),
        steps=tuple(steps),
        path=path,
    )
    return staircase, problems
