"""The shipped curriculum: every module has every part, and every reference resolves."""

import re

import pytest
from tests.curriculum import MODULE_IDS

from teachin.locations import builtin_content_dir
from teachin.workshop.check import check_library
from teachin.workshop.library import load_library

TEACHING_ORDER = MODULE_IDS
STRATEGY_MODULES = {
    "liberal-strategy": "liberal",
    "social-democratic-strategy": "social-democratic",
    "ultra-left-strategy": "ultra-left",
    "independent-mass-action": "mass-action",
}
REQUIRED_TERMS = [
    "base",
    "structure-test",
    "escalation",
    "direct-action",
    "general-strike",
    "co-optation",
    "organizing",
    "mobilizing",
    "solidarity",
    "militancy",
    "democratic-self-organization",
    "independent-mass-action",
    "popular-education",
    "one-on-one",
    "organizing-committee",
]
GLOSSARY_LINK = re.compile(r"\]\(glossary:([a-z0-9-]+)\)")


@pytest.fixture(scope="module")
def library():
    return load_library([builtin_content_dir()])


def test_content_checks_clean_with_no_warnings(library):
    assert [str(p) for p in check_library(library)] == []


def test_eleven_modules_in_teaching_order(library):
    assert [m.id for m in library.ordered_modules()] == TEACHING_ORDER


@pytest.mark.parametrize("module_id", TEACHING_ORDER)
def test_module_has_every_required_part(library, module_id):
    module = library.modules[module_id]
    assert module.objectives and module.sources and module.minutes >= 15
    assert 4 <= len(module.slides) <= 16
    for slide in module.slides:
        assert "notes" in slide.block_kinds(), (
            f"{module.path}:{slide.line}: slide without facilitator notes"
        )
    kinds = set().union(*(slide.block_kinds() for slide in module.slides))
    assert {"activity", "questions", "handout"} <= kinds, kinds
    notes = module.body.casefold()
    assert "quiet" in notes and "dominat" in notes, (
        "notes must say what to do if the room is quiet or one person dominates"
    )


@pytest.mark.parametrize("module_id", list(STRATEGY_MODULES))
def test_strategy_modules_have_a_sourced_real_example(library, module_id):
    module = library.modules[module_id]
    assert module.strategy == STRATEGY_MODULES[module_id]
    examples = re.findall(r"^/// example \|(.*?)^///$", module.body, re.MULTILINE | re.DOTALL)
    assert examples
    assert all(re.search(r"^Source", example, re.MULTILINE) for example in examples)


def test_glossary_has_the_key_terms_and_each_is_linked_from_a_module(library):
    assert len(library.terms) >= 20
    assert set(REQUIRED_TERMS) <= set(library.terms)
    linked = set()
    for module in library.modules.values():
        linked |= set(GLOSSARY_LINK.findall(module.body))
    unlinked = sorted(set(library.terms) - linked)
    assert unlinked == []


def test_staircase_has_ten_steps_each_with_asks_costs_builds(library):
    steps = library.staircase.steps
    assert steps[0].id == "popular-education" and steps[-1].id == "general-strike"
    assert len(steps) == 10
    for step in steps:
        assert step.asks and step.costs and step.builds, step.id


def test_the_staircase_module_draws_the_staircase(library):
    assert "staircase" in set().union(
        *(s.block_kinds() for s in library.modules["militancy-and-escalation"].slides)
    )
