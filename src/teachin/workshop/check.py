"""Checks across content files: links, pictures, examples and the teaching rules
(:mod:`teachin.workshop.teaching_rules`), after loading."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from teachin.problems import Problem, error, warning
from teachin.workshop.content_policy import picture_path, picture_refusal
from teachin.workshop.glossary import Term
from teachin.workshop.library import Library
from teachin.workshop.markup_limits import module_markup_problems
from teachin.workshop.module import Module
from teachin.workshop.render import module_render_problems, term_render_problems
from teachin.workshop.teaching_rules import teaching_problems, unlinked_term_problems

# Bounded like the renderer's links: an unbounded target backtracked over the whole
# line from every '[' ("[a](" 20,000 times hung check).
_LINK = re.compile(r"(!?)\[[^\]\n]{0,1000}\]\(\s*<?([^)\s>]{1,1000}+)>?(?:\s+\"[^\"]*\")?\s*\)")
_EXAMPLE_OPEN = re.compile(r"^///\s*example\b")
_BLOCK_CLOSE = re.compile(r"^///\s*$")
_SOURCE_LINE = re.compile(r"^\s*(\*\*|_)?sources?\s*:", re.IGNORECASE)


def check_library(library: Library) -> list[Problem]:
    """Every problem in the library: those found while loading, then cross-file ones."""
    problems = list(library.problems)
    targets = library.link_targets()
    for module in library.modules.values():
        too_large = module_markup_problems(module)
        if too_large:  # reported once; its links and pictures are not read
            problems.extend(too_large)
            continue
        problems.extend(_check_module(module, targets))
        problems.extend(module_render_problems(module))
        problems.extend(teaching_problems(module))
    for term in library.terms.values():
        problems.extend(_check_term(term, library, targets))
        problems.extend(term_render_problems(term))
    problems.extend(unlinked_term_problems(library))
    if library.staircase is None:
        problems.append(
            error(Path("staircase.toml"), 1, "no staircase.toml was found in any content folder")
        )
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))


def _check_module(module: Module, targets: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    content_folder = module.path.parent.parent
    lines = module.text.split("\n")
    example_start: int | None = None
    example_has_source = False
    for number, line in enumerate(lines, start=1):
        if number < module.body_line:
            continue
        for match in _LINK.finditer(line):
            problems.extend(_check_link(module.path, number, match, targets, content_folder))
        stripped = line.strip()
        if _EXAMPLE_OPEN.match(stripped):
            example_start, example_has_source = number, False
        elif example_start is not None and _BLOCK_CLOSE.match(stripped):
            if not example_has_source:
                problems.append(
                    warning(
                        module.path,
                        example_start,
                        "this example names no source: add a line 'Source: ...'",
                    )
                )
            example_start = None
        elif example_start is not None and _SOURCE_LINE.match(stripped):
            example_has_source = True
    return problems


def _check_link(
    path: Path, line: int, match: re.Match[str], targets: set[str], content_folder: Path
) -> list[Problem]:
    is_image, href = match.group(1) == "!", match.group(2)
    scheme = urlsplit(href).scheme
    if scheme in ("module", "glossary"):
        if href not in targets:
            kind = "module" if scheme == "module" else "glossary term"
            return [error(path, line, f"link to unknown {kind} '{href.partition(':')[2]}'")]
        return []
    if not is_image or picture_refusal(href, content_folder) is not None:
        # A refused picture is reported by the renderer, which refuses it.
        return []
    if not picture_path(href, content_folder).is_file():
        return [error(path, line, f"missing picture '{href}' (looked in {content_folder})")]
    return []


def _check_term(term: Term, library: Library, targets: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for other in term.see_also:
        if other not in library.terms:
            problems.append(
                error(
                    term.path, term.line, f"term '{term.id}': see_also names unknown term '{other}'"
                )
            )
    if term.module is not None and term.module not in library.modules:
        problems.append(
            error(term.path, term.line, f"term '{term.id}': unknown module '{term.module}'")
        )
    for match in _LINK.finditer(term.definition):
        href = match.group(2)
        if urlsplit(href).scheme in ("module", "glossary") and href not in targets:
            problems.append(
                error(term.path, term.line, f"term '{term.id}': link to unknown '{href}'")
            )
    return problems
