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
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teachin import __version__
from teachin.problems import Problem, Severity, error, warning
from teachin.workshop.glossary import Term, load_glossary
from teachin.workshop.module import Module, Slide, load_module
from teachin.workshop.staircase import Staircase, Step, load_staircase

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
    directory = folder / MODULES_DIR
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.glob("*.md") if path.is_file())


def load_library(folders: list[Path]) -> Library:
    library = Library(folders=list(folders))
    for folder in folders:
        if not folder.is_dir():
            library.problems.append(warning(folder, 1, "content folder not found"))
            continue
        _load_modules(folder, library)
        glossary_path = folder / GLOSSARY_FILE
        if glossary_path.is_file():
            terms, problems = load_glossary(glossary_path)
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
        staircase_path = folder / STAIRCASE_FILE
        if staircase_path.is_file():
            staircase, problems = load_staircase(staircase_path)
            library.problems.extend(problems)
            if staircase is not None:
                library.staircase = staircase
    return library


def _load_modules(folder: Path, library: Library) -> None:
    in_this_folder: dict[str, Module] = {}
    for path in module_files(folder):
        module, problems = load_module(path)
        library.problems.extend(problems)
        if module is None:
            continue
        if module.id in in_this_folder:
            first = in_this_folder[module.id]
            library.problems.append(
                error(
                    path, 1, f"duplicate module id '{module.id}' (also used by {first.path.name})"
                )
            )
            continue
        in_this_folder[module.id] = module
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
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # missing, damaged or from another version: read the files
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


def _library_from_json(data: dict[str, Any]) -> Library:
    library = Library(folders=[Path(folder) for folder in data["folders"]])
    for raw in data["modules"]:
        module = Module(
            id=raw["id"],
            title=raw["title"],
            summary=raw["summary"],
            minutes=raw["minutes"],
            part=raw["part"],
            order=raw["order"],
            objectives=list(raw["objectives"]),
            sources=list(raw["sources"]),
            path=Path(raw["path"]),
            strategy=raw["strategy"],
            slides=[Slide(index, title, text, line) for index, title, text, line in raw["slides"]],
            text=raw["text"],
            body_line=raw["body_line"],
        )
        library.modules[module.id] = module
    for raw in data["terms"]:
        term = Term(
            id=raw["id"],
            term=raw["term"],
            definition=raw["definition"],
            path=Path(raw["path"]),
            line=raw["line"],
            see_also=tuple(raw["see_also"]),
            module=raw["module"],
        )
        library.terms[term.id] = term
    raw = data["staircase"]
    if raw is not None:
        library.staircase = Staircase(
            title=raw["title"],
            source=raw["source"],
            steps=tuple(Step(*step) for step in raw["steps"]),
            path=None if raw["path"] is None else Path(raw["path"]),
        )
    library.problems = [_problem_from_json(problem) for problem in data["problems"]]
    return library
