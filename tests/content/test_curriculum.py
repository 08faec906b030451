"""The shipped curriculum: it passes every `teachin check` rule (the teaching rules
included: notes on every slide, for a quiet room and a dominating voice, an activity,
questions and a take-home, sourced examples; tests/workshop/test_teaching_rules.py
checks each rule), its take-homes print on two pages at most, and it has the modules,
terms and steps the scenarios and plans rely on."""

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


@pytest.fixture(scope="module")
def library():
    return load_library([builtin_content_dir()])


def test_content_checks_clean_with_no_warnings(library):
    assert [str(p) for p in check_library(library)] == []


def test_eleven_modules_in_teaching_order(library):
    assert [m.id for m in library.ordered_modules()] == TEACHING_ORDER


@pytest.mark.parametrize("module_id", TEACHING_ORDER)
def test_module_has_a_teachable_size(library, module_id):
    module = library.modules[module_id]
    assert module.objectives and module.sources and module.minutes >= 15
    assert 4 <= len(module.slides) <= 16


@pytest.mark.parametrize("module_id", list(STRATEGY_MODULES))
def test_strategy_modules_name_their_strategy(library, module_id):
    # The rules then ask each of them for a real example with its source.
    assert library.modules[module_id].strategy == STRATEGY_MODULES[module_id]


def test_every_take_home_prints_on_two_pages_at_most(library, qapp):
    from teachin.export.take_home_check import take_home_problems

    assert [str(p) for p in take_home_problems(library)] == []


def test_glossary_has_the_key_terms(library):
    # The rules check that each is linked from a module.
    assert len(library.terms) >= 20
    assert set(REQUIRED_TERMS) <= set(library.terms)


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
