"""``teachin check``'s rule for printed take-homes: a module's take-home fits on two pages.

Measured by laying the real handout out on pages with the PDF's own renderer, on
Letter and (near the limit) on A4, so the warning and the printed pages agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from teachin.export.documents import handout, layout
from teachin.export.paged import Paper
from teachin.problems import Problem, warning
from teachin.workshop.library import Library
from teachin.workshop.module import Module

MAX_TAKE_HOME_PAGES = 2
PAPER_NAMES = {Paper.LETTER: "Letter", Paper.A4: "A4"}
_MEASURED_KEPT = 512

# Page counts by what was laid out: a check after Reload (or the next test) lays out
# only the take-homes whose text changed.
_measured: dict[tuple[tuple[str, ...], str | None, Paper], int] = {}


def take_home_pages(module: Module, library: Library, paper: Paper) -> int:
    """How many pages ``module``'s take-home prints on."""
    document = handout(library, [module.id])
    key = (document.parts, document.staircase_svg, paper)
    pages = _measured.get(key)
    if pages is None:
        if len(_measured) >= _MEASURED_KEPT:
            _measured.clear()
        pages = _measured[key] = layout(document, paper).page_count
    return pages


def take_home_problems(library: Library, modules: Iterable[Module] | None = None) -> list[Problem]:
    """A warning for each module (default: every module) whose take-home prints on more
    than two pages of Letter or A4, at the line of its first handout block."""
    problems = []
    for module in library.ordered_modules() if modules is None else modules:
        pages, paper = _most_pages(module, library)
        if pages <= MAX_TAKE_HOME_PAGES:
            continue
        sections = module.handout_sections()
        line = sections[0].line if sections else module.body_line
        problems.append(
            warning(
                module.path,
                line,
                f"the take-home prints on {pages} pages of {PAPER_NAMES[paper]}: keep it to "
                f"{MAX_TAKE_HOME_PAGES} (shorten the '/// handout' blocks, or link fewer "
                "glossary terms from them)",
            )
        )
    return problems


def _most_pages(module: Module, library: Library) -> tuple[int, Paper]:
    """The most pages the take-home prints on, and on which paper. An A4 page holds more
    than a Letter page (about 8 % taller, 4 % narrower), so A4 is laid out only when
    Letter comes close to the limit."""
    letter = take_home_pages(module, library, Paper.LETTER)
    if letter < MAX_TAKE_HOME_PAGES:
        return letter, Paper.LETTER
    return max((letter, Paper.LETTER), (take_home_pages(module, library, Paper.A4), Paper.A4))
