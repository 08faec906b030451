"""A workshop module: TOML front matter between ``+++`` lines, then slides."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from teachin.limits import MAX_MINUTES, MAX_SLIDES, count_problem
from teachin.problems import Problem, error, line_of_key, warning

FRONT_MATTER_FENCE = "+++"
SLIDE_SEPARATOR = "---"
STRATEGIES = ("liberal", "social-democratic", "ultra-left", "mass-action")
BLOCK_KINDS = (
    "notes",
    "activity",
    "questions",
    "handout",
    "example",
    "staircase",
    "spectrum",
    "callout",
    "prerequisite",
    "solution",
)
NESTED_KIND = "solution"
"""A block kind that may sit inside any other (an activity's or a question's answer)."""
NESTED_IN: dict[str, frozenset[str] | None] = {
    NESTED_KIND: None,
    "staircase": frozenset({"handout"}),
    "spectrum": frozenset({"handout"}),
}
"""The block kinds that may sit inside another, one level deep, and inside which
(None: any): a handout may draw the staircase or the spectrum on the take-home."""
HANDOUT_KIND = "handout"
_HANDOUT_PICTURES = " or ".join(
    f"a '/// {kind}'" for kind, parents in NESTED_IN.items() if parents and HANDOUT_KIND in parents
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_BLOCK_OPEN = re.compile(r"^///\s*([A-Za-z][\w-]*)\s*(?:\|\s*(.*?))?\s*$")
_BLOCK_CLOSE = re.compile(r"^///\s*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_SLIDE_TITLE = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Slide:
    index: int
    title: str
    text: str
    line: int
    """1-based line in the file where the slide's text starts."""

    def block_kinds(self) -> set[str]:
        """The kinds of the slide's blocks, not counting those inside another block
        (a staircase inside a handout is not on the slide itself)."""
        kinds: set[str] = set()
        depth = 0
        for line in self.text.splitlines():
            stripped = line.strip()
            if _BLOCK_CLOSE.match(stripped):
                depth = max(0, depth - 1)
            elif match := _BLOCK_OPEN.match(stripped):
                if depth == 0:
                    kinds.add(match.group(1))
                depth += 1
        return kinds


@dataclass(frozen=True)
class HandoutSection:
    """One ``/// handout | Title`` block: a section of the module's take-home."""

    title: str
    markdown: str
    """What is inside the block (a nested staircase included)."""
    line: int
    """1-based line of the block's opening line in the file."""


@dataclass
class Module:
    id: str
    title: str
    summary: str
    minutes: int
    part: str
    order: int
    objectives: list[str]
    sources: list[str]
    path: Path
    strategy: str | None = None
    slides: list[Slide] = field(default_factory=list)
    text: str = ""
    body_line: int = 1

    @property
    def body(self) -> str:
        return "\n\n".join(slide.text for slide in self.slides)

    def handout_sections(self) -> list[HandoutSection]:
        """The module's ``/// handout`` blocks in order: what its take-home prints."""
        sections: list[HandoutSection] = []
        for slide in self.slides:
            sections.extend(_handout_sections(slide))
        return sections


def _handout_sections(slide: Slide) -> list[HandoutSection]:
    sections: list[HandoutSection] = []
    opened: tuple[str, int] | None = None  # the handout being read: its title and line
    inside: list[str] = []
    depth = 0
    for offset, line in enumerate(slide.text.split("\n")):
        stripped = line.strip()
        if _BLOCK_CLOSE.match(stripped):
            depth = max(0, depth - 1)
            if depth == 0 and opened is not None:
                sections.append(HandoutSection(opened[0], "\n".join(inside), opened[1]))
                opened = None
                continue
        elif match := _BLOCK_OPEN.match(stripped):
            depth += 1
            if depth == 1 and match.group(1) == HANDOUT_KIND:
                opened, inside = ((match.group(2) or "").strip(), slide.line + offset), []
                continue
        if opened is not None:
            inside.append(line)
    return sections


_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "title": str,
    "summary": str,
    "minutes": int,
    "part": str,
    "order": int,
    "objectives": list,
    "sources": list,
}
_OPTIONAL: dict[str, type] = {"strategy": str}


def split_front_matter(text: str, path: Path) -> tuple[str | None, int, str, int, list[Problem]]:
    """Returns (toml, toml_first_line, body, body_first_line, problems)."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, 1, "", 1, [error(path, 1, "the file is empty")]
    if lines[first].strip() != FRONT_MATTER_FENCE:
        return (
            None,
            first + 1,
            "",
            1,
            [
                error(
                    path, first + 1, "a module must start with its settings between two '+++' lines"
                )
            ],
        )
    for i in range(first + 1, len(lines)):
        if lines[i].strip() == FRONT_MATTER_FENCE:
            toml = "\n".join(lines[first + 1 : i])
            body = "\n".join(lines[i + 1 :])
            return toml, first + 2, body, i + 2, []
    return (
        None,
        first + 1,
        "",
        1,
        [
            error(
                path,
                first + 1,
                "the settings block opened with '+++' is never closed by another '+++' line",
            )
        ],
    )


def split_slides(body: str, first_line: int) -> list[tuple[str, int]]:
    """Cut the body at ``---`` lines outside code fences and blocks: [(text, line)]."""
    pieces: list[tuple[str, int]] = []
    current: list[str] = []
    start = first_line
    fence: str | None = None
    depth = 0  # blocks open here (a solution may sit inside another block)
    lines = body.split("\n")
    for offset, line in enumerate(lines):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
        elif match := _FENCE.match(stripped):
            fence = match.group(1)
        elif _BLOCK_CLOSE.match(stripped) and depth:
            depth -= 1
        elif _BLOCK_OPEN.match(stripped):
            depth += 1
        elif stripped == SLIDE_SEPARATOR and not depth:
            previous_blank = not current or not current[-1].strip()
            if previous_blank:
                pieces.append(("\n".join(current), start))
                current = []
                start = first_line + offset + 1
                continue
        if not current and not line.strip():
            start = first_line + offset + 1
            continue
        current.append(line)
    pieces.append(("\n".join(current), start))
    return [(text.strip("\n"), line) for text, line in pieces if text.strip()]


def _check_blocks(body: str, first_line: int, path: Path) -> list[Problem]:
    problems: list[Problem] = []
    open_blocks: list[tuple[str, int]] = []  # (kind, line), outermost first
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if match := _FENCE.match(stripped):
            fence = match.group(1)
            continue
        if _BLOCK_CLOSE.match(stripped):
            if not open_blocks:
                problems.append(error(path, number, "'///' closes a block that was never opened"))
            else:
                open_blocks.pop()
        elif match := _BLOCK_OPEN.match(stripped):
            kind = match.group(1)
            if kind not in BLOCK_KINDS:
                problems.append(
                    error(
                        path,
                        number,
                        f"unknown block '/// {kind}': use one of {', '.join(BLOCK_KINDS)}",
                    )
                )
            if open_blocks and not _may_nest(kind, open_blocks):
                problems.append(
                    error(
                        path,
                        number,
                        f"a block cannot start inside the block opened on line "
                        f"{open_blocks[-1][1]} (only a '/// {NESTED_KIND}' can, one level "
                        f"deep, and {_HANDOUT_PICTURES} inside a '/// {HANDOUT_KIND}')",
                    )
                )
            open_blocks.append((kind, number))
        elif stripped.startswith("///"):
            problems.append(error(path, number, f"cannot read this block line: {stripped!r}"))
    for _kind, number in open_blocks:
        problems.append(error(path, number, "this block is never closed with a '///' line"))
    return problems


def _may_nest(kind: str, open_blocks: list[tuple[str, int]]) -> bool:
    """Whether a ``kind`` block may start inside the blocks open now."""
    if kind not in NESTED_IN or len(open_blocks) > 1:
        return False
    parents = NESTED_IN[kind]
    return parents is None or open_blocks[-1][0] in parents


def _slides(
    body: str, body_line: int, path: Path, module_title: str, problems: list[Problem]
) -> list[Slide] | None:
    """The module's slides, each titled by its '## title' line (the module's title
    when it has none); None when there are more than a module may have. Problems
    are added to ``problems``."""
    pieces = split_slides(body, body_line)
    too_many = count_problem(path, body_line, len(pieces), MAX_SLIDES, "slides")
    if too_many is not None:
        problems.append(too_many)
        return None
    slides = []
    for index, (slide_text, line) in enumerate(pieces):
        first = slide_text.split("\n", 1)[0]
        match = _SLIDE_TITLE.match(first)
        if match:
            title = match.group(1)
        else:
            title = module_title
            problems.append(warning(path, line, "a slide should start with a '## title' line"))
        slides.append(Slide(index=index, title=title, text=slide_text, line=line))
    if not slides:
        problems.append(error(path, body_line, "the module has no slides"))
    return slides


def parse_module(text: str, path: Path) -> tuple[Module | None, list[Problem]]:
    # Imported here: a start-up served by the library cache parses no TOML.
    from teachin.tomlfile import parse_toml

    toml, toml_line, body, body_line, problems = split_front_matter(text, path)
    if toml is None:
        return None, problems
    settings, toml_problem = parse_toml(toml, path, toml_line)
    if settings is None:
        return None, [toml_problem] if toml_problem else []

    def where(key: str) -> int:
        return toml_line + line_of_key(toml, key) - 1

    for key, kind in _REQUIRED.items():
        if key not in settings:
            problems.append(error(path, toml_line, f"missing required setting '{key}'"))
        elif not isinstance(settings[key], kind) or isinstance(settings[key], bool):
            problems.append(error(path, where(key), f"'{key}' must be {_describe(kind)}"))
    for key in sorted(set(settings) - set(_REQUIRED) - set(_OPTIONAL)):
        problems.append(warning(path, where(key), f"unknown setting '{key}' is ignored"))
    if problems and any(p.severity == "error" for p in problems):
        return None, problems

    module_id = settings["id"]
    if not ID_PATTERN.match(module_id):
        problems.append(
            error(
                path,
                where("id"),
                f"id {module_id!r} must use lowercase letters, digits and hyphens",
            )
        )
    for key in ("objectives", "sources"):
        if not settings[key] or not all(
            isinstance(item, str) and item.strip() for item in settings[key]
        ):
            problems.append(error(path, where(key), f"'{key}' must be a list of one or more texts"))
    if not 0 < settings["minutes"] <= MAX_MINUTES:
        problems.append(error(path, where("minutes"), f"'minutes' must be from 1 to {MAX_MINUTES}"))
    strategy = settings.get("strategy")
    if strategy is not None and strategy not in STRATEGIES:
        problems.append(
            error(
                path,
                where("strategy"),
                f"unknown strategy {strategy!r}: use one of {', '.join(STRATEGIES)}",
            )
        )
    problems.extend(_check_blocks(body, body_line, path))

    slides = _slides(body, body_line, path, settings["title"], problems)
    if slides is None:
        return None, problems

    module = Module(
        id=module_id,
        title=settings["title"].strip(),
        summary=settings["summary"].strip(),
        minutes=settings["minutes"],
        part=settings["part"].strip(),
        order=settings["order"],
        objectives=[item.strip() for item in settings["objectives"] if isinstance(item, str)],
        sources=[item.strip() for item in settings["sources"] if isinstance(item, str)],
        strategy=strategy,
        path=path,
        slides=slides,
        text=text,
        body_line=body_line,
    )
    return module, problems


def load_module(path: Path) -> tuple[Module | None, list[Problem]]:
    from teachin.tomlfile import read_text

    text, problem = read_text(path)
    if text is None:
        return None, [problem] if problem else []
    return parse_module(text, path)


def _describe(kind: type | tuple[type, ...]) -> str:
    names = {str: "a text in quotes", int: "a whole number", list: "a list in [ ]"}
    return names.get(kind, str(kind)) if isinstance(kind, type) else "a value"
