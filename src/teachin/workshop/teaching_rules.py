"""``teachin check``'s rules for teaching, not for syntax: what a module needs to be run
in a real room. The built-in curriculum follows them; a group adapting it gets the
same help, each problem at its line (a warning: the module still loads and shows).

- every slide has facilitator notes;
- a module has an activity, discussion questions and a take-home (``/// handout``);
- its notes say what to do when the room is quiet and when one person dominates;
- a strategy module (``strategy = ...``) shows the strategy in at least one real
  example (each example names its source: see :mod:`teachin.workshop.check`);
- every glossary term is linked from a module or another term, so a reader meets it.
"""

from __future__ import annotations

import re

from teachin.problems import Problem, warning
from teachin.workshop.library import Library
from teachin.workshop.module import Module

REQUIRED_BLOCKS = {
    "activity": "no activity: add an '/// activity | Title' block, something the room does",
    "questions": "no discussion questions: add a '/// questions' block",
    "handout": "no take-home: add a '/// handout | Title' block (docs/authoring.md)",
}
"""The blocks every module needs, and what to add when one is missing."""
ROOM_SITUATIONS = {
    "quiet": "If the room is quiet",
    "dominat": "If one person dominates",
}
"""A word the facilitator notes must use ('dominat' for dominates, dominating), and the
situation it stands for."""

_NOTES_BLOCK = re.compile(r"^///[ \t]*notes\b[^\n]*\n(.*?)^///[ \t]*$", re.MULTILINE | re.DOTALL)
_GLOSSARY_HREF = re.compile(r"\]\(\s*<?glossary:([a-z0-9]+(?:-[a-z0-9]+)*)")


def teaching_problems(module: Module) -> list[Problem]:
    """What ``module`` lacks to be taught from, each at the line to fix."""
    problems = []
    for slide in module.slides:
        if "notes" not in slide.block_kinds():
            problems.append(
                warning(
                    module.path,
                    slide.line,
                    f"slide '{slide.title}' has no '/// notes': say what the facilitator "
                    "does and says, and how many minutes it takes",
                )
            )
    kinds = set().union(*(slide.block_kinds() for slide in module.slides))
    for kind, missing in REQUIRED_BLOCKS.items():
        if kind not in kinds:
            problems.append(warning(module.path, module.body_line, f"the module has {missing}"))
    notes = "\n".join(_NOTES_BLOCK.findall(module.body)).casefold()
    for word, situation in ROOM_SITUATIONS.items():
        if word not in notes:
            problems.append(
                warning(
                    module.path,
                    module.body_line,
                    f"no facilitator note says what to do {situation.lower()}: add a "
                    f"line to a '/// notes' block that starts '{situation}: ...'",
                )
            )
    if module.strategy is not None and "example" not in kinds:
        problems.append(
            warning(
                module.path,
                module.body_line,
                f"a module on the {module.strategy} strategy needs a real case: add an "
                "'/// example | Title' with a 'Source: ...' line",
            )
        )
    return problems


def unlinked_term_problems(library: Library) -> list[Problem]:
    """A warning for each glossary term that neither a module nor another term's
    definition or see-also list links to: nobody reading would come across it."""
    linked = {
        term_id
        for module in library.modules.values()
        for term_id in _GLOSSARY_HREF.findall(module.text)
    }
    for term in library.terms.values():
        others = set(term.see_also) | set(_GLOSSARY_HREF.findall(term.definition))
        linked |= others - {term.id}
    return [
        warning(
            term.path,
            term.line,
            f"term '{term.id}' is linked from no module and no other term: link it where "
            f"it is taught, with [{term.term}](glossary:{term.id})",
        )
        for term in library.terms.values()
        if term.id not in linked
    ]
