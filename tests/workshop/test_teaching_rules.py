"""The teaching rules of `teachin check`: each one fed a small module that breaks it,
and the message it gives at the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from teachin.problems import Severity
from teachin.workshop.check import check_library
from teachin.workshop.glossary import Term
from teachin.workshop.library import Library
from teachin.workshop.module import parse_module
from teachin.workshop.teaching_rules import teaching_problems, unlinked_term_problems

HEADER = """+++
id = "m"
title = "M"
summary = "S"
minutes = 10
part = "P"
order = 1
objectives = ["o"]
sources = ["s"]
{extra}+++
"""
BODY_LINE = 11
QUIET = "If the room is quiet: pairs first. If one person dominates: other voices. (2 minutes)"
GOOD = f"""## Open

/// notes
{QUIET}
///

/// activity | Sort
Sort the cards.
///

---

## Close

/// notes
Wrap up. (1 minute)
///

/// questions
1. Why?
///

/// handout | Key ideas
- One.
///
"""


def _module(body: str, extra: str = ""):
    module, problems = parse_module(HEADER.format(extra=extra) + body, Path("m.md"))
    assert module is not None and problems == []
    return module


def _messages(body: str, extra: str = "") -> list[tuple[int, str]]:
    problems = teaching_problems(_module(body, extra))
    assert all(p.severity is Severity.WARNING for p in problems)
    return [(p.line, p.message) for p in problems]


def test_a_module_that_follows_every_rule_has_no_problem():
    assert _messages(GOOD) == []


def test_a_slide_without_notes_is_named_at_its_line():
    body = GOOD.replace("/// notes\nWrap up. (1 minute)\n///\n", "")
    line = BODY_LINE + GOOD[: GOOD.index("## Close")].count("\n")
    assert _messages(body) == [
        (
            line,
            "slide 'Close' has no '/// notes': say what the facilitator does and says, "
            "and how many minutes it takes",
        ),
    ]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("/// activity | Sort\nSort the cards.\n///\n", "the module has no activity"),
        ("/// questions\n1. Why?\n///\n", "the module has no discussion questions"),
        ("/// handout | Key ideas\n- One.\n///\n", "the module has no take-home"),
    ],
)
def test_a_missing_activity_questions_or_take_home(block, message):
    [(line, found)] = _messages(GOOD.replace(block, ""))
    assert line == BODY_LINE and found.startswith(message)


def test_notes_must_say_what_to_do_in_a_quiet_room_and_with_a_dominating_voice():
    found = _messages(GOOD.replace(QUIET, "Ask the room. (2 minutes)"))
    assert found == [
        (
            BODY_LINE,
            "no facilitator note says what to do if the room is quiet: add a line "
            "to a '/// notes' block that starts 'If the room is quiet: ...'",
        ),
        (
            BODY_LINE,
            "no facilitator note says what to do if one person dominates: add a "
            "line to a '/// notes' block that starts 'If one person dominates: ...'",
        ),
    ]
    # The words count in notes only: a handout or a slide that says them is not enough.
    slide_text = GOOD.replace(QUIET, "Ask.").replace("- One.", f"- {QUIET}")
    assert len(_messages(slide_text)) == 2


def test_a_strategy_module_needs_a_real_example():
    [(line, message)] = _messages(GOOD, extra='strategy = "liberal"\n')
    assert line == BODY_LINE + 1  # the settings block is one line longer
    assert message.startswith("a module on the liberal strategy needs a real case")
    example = "/// example | A lobby day\nThey lobbied.\n\nSource: a newspaper.\n///\n\n"
    assert (
        _messages(
            GOOD.replace("/// activity", example + "/// activity"), extra='strategy = "liberal"\n'
        )
        == []
    )


def test_a_term_no_module_links_to_is_named_at_its_line():
    module = _module(GOOD.replace("- One.", "- One [base](glossary:base)."))
    terms = {
        term_id: Term(term_id, term_id.title(), "A word.", Path("glossary.toml"), line)
        for term_id, line in (("base", 2), ("lobbying", 9))
    }
    library = Library(folders=[], modules={"m": module}, terms=terms)
    [problem] = unlinked_term_problems(library)
    assert (problem.path.name, problem.line) == ("glossary.toml", 9)
    assert problem.message == (
        "term 'lobbying' is linked from no module and no other term: link it where it is taught, "
        "with [Lobbying](glossary:lobbying)"
    )
    # And check_library reports it with the rest.
    assert problem in check_library(library)


def test_a_term_another_term_points_to_is_reachable():
    module = _module(GOOD.replace("- One.", "- One [base](glossary:base)."))
    base = Term("base", "Base", "A word.", Path("glossary.toml"), 2, see_also=("lobbying",))
    lobbying = Term("lobbying", "Lobbying", "Asking.", Path("glossary.toml"), 9)
    library = Library(folders=[], modules={"m": module}, terms={"base": base, "lobbying": lobbying})
    assert unlinked_term_problems(library) == []
