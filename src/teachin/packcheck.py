"""``teachin check PATH``: checks exactly the files it is given, in any layout.

Each file is recognised by what it holds, not by the folder it is in: a
Markdown file with settings between ``+++`` lines is a module; a TOML file is a
scenario, a plan, the glossary or the staircase by its tables. The files are
checked on top of the content folders (built-in, the user's own, ``--content``),
so that links to built-in modules and terms resolve; only the given files'
problems are reported, and only the given scenarios are explored by simulation.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from teachin.limits import MAX_FILE_BYTES
from teachin.locations import is_inside
from teachin.problems import Problem, error, warning

MODULE, SCENARIO, PLAN, GLOSSARY, STAIRCASE = "module", "scenario", "plan", "glossary", "staircase"

_FORMAT = re.compile(r"""^[ \t]*format[ \t]*=[ \t]*["']teachin-(scenario|plan)["']""", re.MULTILINE)
_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z_]+)[ \t]*[\].]", re.MULTILINE)
_KIND_OF_TABLE = {
    "term": GLOSSARY,
    "step": STAIRCASE,
    "block": PLAN,
    "tactic": SCENARIO,
    "round": SCENARIO,
    "measure": SCENARIO,
    "ending": SCENARIO,
    "event": SCENARIO,
    "setting": SCENARIO,
}
_KIND_OF_NAME = {"glossary.toml": GLOSSARY, "staircase.toml": STAIRCASE}
_KIND_OF_FOLDER = {"modules": MODULE, "scenarios": SCENARIO, "plans": PLAN}
_SUFFIXES = (".md", ".toml")


def content_kind(path: Path) -> str | None:
    """What kind of content the file at ``path`` holds, or None when it is not content."""
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        return None
    try:
        with path.open("rb") as stream:
            head = stream.read(MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        head = ""
    if suffix == ".md":
        if head.lstrip("\ufeff \t\r\n").startswith("+++"):
            return MODULE
        return MODULE if path.parent.name == "modules" else None
    if match := _FORMAT.search(head):
        return match.group(1)
    for table in _TABLE.findall(head):
        if table in _KIND_OF_TABLE:
            return _KIND_OF_TABLE[table]
    kind = _KIND_OF_NAME.get(path.name.lower()) or _KIND_OF_FOLDER.get(path.parent.name)
    return kind if kind != MODULE else None


@dataclass
class Selection:
    """The content files found in what ``check`` was given, by kind, in order."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Path]:
        return [path for path, found in self.files if found == kind]


def select(paths: list[Path]) -> Selection:
    """Every content file in ``paths`` (files, or folders searched in any layout)."""
    selection = Selection()
    for path in paths:
        if path.is_dir():
            found = _files_in(path, selection)
            if not found:
                selection.problems.append(
                    warning(
                        path,
                        1,
                        "no content found here (no module, scenario, plan, glossary or staircase)",
                    )
                )
        elif path.is_file():
            kind = content_kind(path)
            if kind is None:
                selection.problems.append(
                    error(
                        path,
                        1,
                        "not a teachin content file: a module starts with settings between "
                        "'+++' lines; a scenario, a plan, a glossary or a staircase is TOML "
                        "with its tables",
                    )
                )
            else:
                selection.files.append((path, kind))
        else:
            selection.problems.append(error(path, 1, f"no such file or folder: {path}"))
    return selection


def _files_in(folder: Path, selection: Selection) -> int:
    """Adds the content files under ``folder`` (not following links out of it)."""
    count = 0
    for directory, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            path = Path(directory) / name
            if name.startswith(".") or path.suffix.lower() not in _SUFFIXES:
                continue
            if path.is_symlink() and not is_inside(path, folder):
                selection.problems.append(
                    warning(path, 1, "a link to a file outside this folder: not read")
                )
                continue
            kind = content_kind(path)
            if kind is not None:
                selection.files.append((path, kind))
                count += 1
            elif path.suffix.lower() == ".toml":
                selection.problems.append(
                    warning(path, 1, "not recognised as teachin content, so not checked")
                )
    return count


def check_selection(selection: Selection, folders: list[Path]) -> list[Problem]:
    """The problems of the selected files, checked on top of the content ``folders``."""
    from teachin.catalog import load_catalog
    from teachin.plan.fileformat import check_plan, check_slack, load_plan
    from teachin.scenario.check import check_scenarios
    from teachin.scenario.loader import DEFAULT_STEPS, add_scenario_layer
    from teachin.workshop.check import check_library
    from teachin.workshop.library import add_glossary, add_modules, add_staircase

    catalog = load_catalog(folders)
    library = catalog.library
    for path in selection.of_kind(STAIRCASE):
        add_staircase(library, path)
    for path in selection.of_kind(GLOSSARY):
        add_glossary(library, path)
    add_modules(library, selection.of_kind(MODULE))
    steps = tuple(s.id for s in library.staircase.steps) if library.staircase else DEFAULT_STEPS
    # The catalog's own problems count for given files that are also in a content folder.
    problems = [*selection.problems, *catalog.problems]
    scenarios = dict(catalog.scenarios)
    given_scenarios, found = add_scenario_layer(scenarios, selection.of_kind(SCENARIO), steps)
    problems.extend(found)
    for path in selection.of_kind(PLAN):
        plan, found = load_plan(path)
        problems.extend(found)
        if plan is not None:
            problems.extend(check_plan(plan, library.modules, scenarios))
            problems.extend(check_slack(plan))
    problems.extend(check_library(library))
    problems.extend(check_scenarios(given_scenarios, library.staircase, library.link_targets()))
    given = {path.resolve() for path, _ in selection.files} | {
        problem.path.resolve() for problem in selection.problems
    }
    mine = {problem for problem in problems if problem.path.resolve() in given}
    return sorted(mine, key=lambda p: (str(p.path), p.line, p.message))
