"""The library: all content folders layered into one set of modules and terms.

Built-in content comes first; each later folder (the user's own folder, then any
``--content`` folder) replaces files with the same id. A broken file is skipped
and reported; it never stops the rest from loading.

:func:`load_cached_library` keeps the parsed library in a JSON file, so that a
start with unchanged content files (same paths, sizes and modification times)
needs no TOML parsing and no slide splitting. The cache holds the problems
too, so they are reported exactly as after a full load.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teachin import __version__
from teachin.locations import files_inside, is_inside
from teachin.problems import Problem, Severity, error, info
from teachin.workshop.glossary import Term, load_glossary
from teachin.workshop.module import Module, Slide, load_module
from teachin.workshop.staircase import Staircase, Step, load_staircase

_log = logging.getLogger(__name__)

MODULES_DIR = "modules"
GLOSSARY_FILE = "glossary.toml"
STAIRCASE_FILE = "staircase.toml"


@dataclass
class Part:
    title: str
    modules: list[Module]

    @property
    def minutes(self) -> int:
        return sum(module.minutes for module in self.modules)


@dataclass
class Library:
    folders: list[Path]
    modules: dict[str, Module] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    staircase: Staircase | None = None
    problems: list[Problem] = field(default_factory=list)

    def ordered_modules(self) -> list[Module]:
        return sorted(self.modules.values(), key=lambda m: (m.order, m.title.casefold()))

    def parts(self) -> list[Part]:
        grouped: dict[str, list[Module]] = defaultdict(list)
        for module in self.ordered_modules():
            grouped[module.part].append(module)
        return [Part(title, modules) for title, modules in grouped.items()]

    def sorted_terms(self) -> list[Term]:
        return sorted(self.terms.values(), key=lambda t: t.term.casefold())

    def link_targets(self) -> set[str]:
        """Every ``module:ID`` and ``glossary:ID`` that a link may point to."""
        return {f"module:{i}" for i in self.modules} | {f"glossary:{i}" for i in self.terms}


def module_files(folder: Path) -> list[Path]:
    return files_inside(folder / MODULES_DIR, "*.md", folder)


def load_library(folders: list[Path]) -> Library:
    library = Library(folders=list(folders))
    for folder in folders:
        if not folder.is_dir():
            library.problems.append(missing_folder_problem(folder))
            continue
        add_modules(library, module_files(folder))
        glossary_path = folder / GLOSSARY_FILE
        if is_inside(glossary_path, folder):
            add_glossary(library, glossary_path)
        staircase_path = folder / STAIRCASE_FILE
        if is_inside(staircase_path, folder):
            add_staircase(library, staircase_path)
    return library


def missing_folder_problem(folder: Path) -> Problem:
    return error(folder, 1, f"content folder not found: {folder}")


def add_glossary(library: Library, path: Path) -> None:
    """The glossary at ``path`` on top of the terms ``library`` already has."""
    terms, problems = load_glossary(path)
    library.problems.extend(problems)
    seen: dict[str, Term] = {}
    for term in terms:
        if term.id in seen:
            library.problems.append(
                error(
                    term.path,
                    term.line,
                    f"duplicate term id '{term.id}' (also on line {seen[term.id].line})",
                )
            )
            continue
        seen[term.id] = term
        library.terms[term.id] = term


def add_staircase(library: Library, path: Path) -> None:
    staircase, problems = load_staircase(path)
    library.problems.extend(problems)
    if staircase is not None:
        library.staircase = staircase


def add_modules(library: Library, paths: list[Path]) -> None:
    """The modules at ``paths`` (one layer) on top of those ``library`` already has;
    a module that replaces one of an earlier layer is noted."""
    in_this_layer: dict[str, Module] = {}
    for path in paths:
        module, problems = load_module(path)
        library.problems.extend(problems)
        if module is None:
            continue
        if module.id in in_this_layer:
            first = in_this_layer[module.id]
            library.problems.append(
                error(
                    path, 1, f"duplicate module id '{module.id}' (also used by {first.path.name})"
                )
            )
            continue
        in_this_layer[module.id] = module
        replaced = library.modules.get(module.id)
        if replaced is not None and replaced.path.resolve() != path.resolve():
            library.problems.append(
                info(path, 1, f"replaces the module '{module.id}' of {replaced.path}")
            )
        library.modules[module.id] = module


# ------------------------------------------------------------------ the cache

_CACHE_FORMAT = 1
_PARSER_FILES = (
    "workshop/library.py",
    "workshop/module.py",
    "workshop/glossary.py",
    "workshop/staircase.py",
    "problems.py",
    "tomlfile.py",
)


def _stat(path: Path) -> list[object]:
    try:
        stat = path.stat()
    except OSError:
        return [str(path), None, None]
    return [str(path), stat.st_size, stat.st_mtime_ns]


def library_fingerprint(folders: list[Path]) -> list[object]:
    """What a parsed library depends on: every file it reads (path, size and
    modification time), each folder's list of modules, and the parser's own code."""
    package = Path(__file__).resolve().parent.parent
    parts: list[object] = [_CACHE_FORMAT, __version__]
    parts.extend(_stat(package / name) for name in _PARSER_FILES)
    for folder in folders:
        if not folder.is_dir():
            parts.append([str(folder), "missing"])
            continue
        parts.append([str(folder), [_stat(path) for path in module_files(folder)]])
        for name in (GLOSSARY_FILE, STAIRCASE_FILE):
            path = folder / name
            parts.append(_stat(path) if path.is_file() else [str(path), "absent"])
    return parts


def load_cached_library(
    folders: list[Path], cache: Path, reuse: bool = True
) -> tuple[Library, str | None]:
    """The library from ``cache`` when no file it was read from has changed, else
    read afresh. Returns the library and, when the cache needs writing, the text
    to write there (with :func:`teachin.storage.atomic_write_text`); ``None`` when
    the cache is up to date. ``reuse=False`` always reads the files."""
    # Taken before reading: a file that changes meanwhile is read again next time.
    fingerprint = library_fingerprint(folders)
    if reuse:
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            if data["fingerprint"] == json.loads(json.dumps(fingerprint)):
                return _library_from_json(data["library"]), None
        except FileNotFoundError:
            pass  # the first start: read the files
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            # Damaged, or from another version: read the files and write it afresh.
            _log.warning("the library cache %s cannot be used (%s): rebuilding it", cache, exc)
    library = load_library(folders)
    text = json.dumps(
        {"fingerprint": fingerprint, "library": _library_to_json(library)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return library, text


def _problem_to_json(problem: Problem) -> list[object]:
    return [str(problem.path), problem.line, str(problem.severity), problem.message]


def _problem_from_json(raw: list[Any]) -> Problem:
    path, line, severity, message = raw
    return Problem(Path(path), int(line), Severity(severity), str(message))


def _library_to_json(library: Library) -> dict[str, Any]:
    staircase = library.staircase
    return {
        "folders": [str(folder) for folder in library.folders],
        "modules": [
            {
                "id": m.id,
                "title": m.title,
                "summary": m.summary,
                "minutes": m.minutes,
                "part": m.part,
                "order": m.order,
                "objectives": m.objectives,
                "sources": m.sources,
                "path": str(m.path),
                "strategy": m.strategy,
                "slides": [[s.index, s.title, s.text, s.line] for s in m.slides],
                "text": m.text,
                "body_line": m.body_line,
            }
            for m in library.modules.values()
        ],
        "terms": [
            {
                "id": t.id,
                "term": t.term,
                "definition": t.definition,
                "path": str(t.path),
                "line": t.line,
                "see_also": list(t.see_also),
                "module": t.module,
            }
            for t in library.terms.values()
        ],
        "staircase": None
        if staircase is None
        else {
            "title": staircase.title,
            "source": staircase.source,
            "steps": [
                [s.id, s.label, s.examples, s.asks, s.costs, s.builds] for s in staircase.steps
            ],
            "path": None if staircase.path is None else str(staircase.path),
        },
        "problems": [_problem_to_json(problem) for problem in library.problems],
    }


def _typed(value: Any, kind: type | tuple[type, ...]) -> Any:
    """``value`` when it is of ``kind``; TypeError (a damaged cache entry) otherwise."""
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise TypeError(f"{value!r} where the cache should hold {kind}")
    return value


def _texts(value: Any) -> list[str]:
    return [_typed(item, str) for item in _typed(value, list)]


def _library_from_json(data: dict[str, Any]) -> Library:
    library = Library(folders=[Path(folder) for folder in data["folders"]])
    for raw in data["modules"]:
        module = Module(
            id=_typed(raw["id"], str),
            title=_typed(raw["title"], str),
            summary=_typed(raw["summary"], str),
            minutes=_typed(raw["minutes"], int),
            part=_typed(raw["part"], str),
            order=_typed(raw["order"], int),
            objectives=_texts(raw["objectives"]),
            sources=_texts(raw["sources"]),
            path=Path(_typed(raw["path"], str)),
            strategy=_typed(raw["strategy"], (str, type(None))),
            slides=[
                Slide(_typed(index, int), _typed(title, str), _typed(text, str), _typed(line, int))
                for index, title, text, line in raw["slides"]
            ],
            text=_typed(raw["text"], str),
            body_line=_typed(raw["body_line"], int),
        )
        library.modules[module.id] = module
    for raw in data["terms"]:
        term = Term(
            id=_typed(raw["id"], str),
            term=_typed(raw["term"], str),
            definition=_typed(raw["definition"], str),
            path=Path(_typed(raw["path"], str)),
            line=_typed(raw["line"], int),
            see_also=tuple(_texts(raw["see_also"])),
            module=_typed(raw["module"], (str, type(None))),
        )
        library.terms[term.id] = term
    raw = data["staircase"]
    if raw is not None:
        library.staircase = Staircase(
            title=_typed(raw["title"], str),
            source=_typed(raw["source"], str),
            steps=tuple(Step(*_texts(step)) for step in raw["steps"]),
            path=None if raw["path"] is None else Path(raw["path"]),
        )
    library.problems = [_problem_from_json(problem) for problem in data["problems"]]
    return library
