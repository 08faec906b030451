"""The library: all content folders layered into one set of modules and terms.

Built-in content comes first; each later folder (the user's own folder, then any
``--content`` folder) replaces files with the same id. A broken file is skipped
and reported; it never stops the rest from loading.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from teachin.problems import Problem, error, warning
from teachin.workshop.glossary import Term, load_glossary
from teachin.workshop.module import Module, load_module
from teachin.workshop.staircase import Staircase, load_staircase

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
                        error(term.path, term.line, f"duplicate term id '{term.id}' (also on line {seen[term.id].line})")
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
                error(path, 1, f"duplicate module id '{module.id}' (also used by {first.path.name})")
            )
            continue
        in_this_folder[module.id] = module
        library.modules[module.id] = module
