"""The module file format: front matter, slides and blocks, with file:line problems."""

from pathlib import Path

import pytest

from teachin.problems import Severity
from teachin.workshop.module import parse_module, split_slides

HEADER = """+++
id = "m"
title = "M"
summary = "S"
minutes = 10
part = "P"
order = 1
objectives = ["o"]
sources = ["s"]
+++
"""


def parse(text: str):
    return parse_module(text, Path("m.md"))


def messages(problems):
    return [(p.line, p.severity, p.message) for p in problems]


def test_slides_split_on_separator_lines_with_their_line_numbers():
    module, problems = parse(HEADER + "\n## One\n\nfirst\n\n---\n\n## Two\n\nsecond\n")
    assert problems == []
    assert [(s.title, s.line) for s in module.slides] == [("One", 12), ("Two", 18)]


def test_separator_inside_a_block_or_code_fence_does_not_split():
    body = "\n## One\n\n/// notes\nsay\n\n---\n///\n\n```\n\n---\n```\n"
    module, problems = parse(HEADER + body)
    assert problems == []
    assert len(module.slides) == 1


def test_setext_underline_is_not_a_slide_break():
    assert len(split_slides("## A\nHeading\n---\ntext", 1)) == 1


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("", 1, "empty"),
        ("## no front matter\n", 1, "must start with its settings"),
        ('+++\nid = "m"\n', 1, "never closed"),
        ('+++\nid = "m"\ntitle = \n+++\n', 3, "malformed settings"),
        (
            HEADER.replace("minutes = 10", 'minutes = "ten"') + "\n## A\n",
            5,
            "'minutes' must be a whole number",
        ),
        (
            HEADER.replace('summary = "S"\n', "") + "\n## A\n",
            2,
            "missing required setting 'summary'",
        ),
        (HEADER.replace('id = "m"', 'id = "Bad Id"') + "\n## A\n", 2, "lowercase letters"),
        (HEADER + "\n## A\n\n/// notes\nunclosed\n", 14, "never closed"),
        (HEADER + "\n## A\n\n/// secret\nx\n///\n", 14, "unknown block '/// secret'"),
        (HEADER + "\n## A\n\n///\n", 14, "never opened"),
        (HEADER + "\n## A\n\n/// notes\n/// questions\n///\n", 15, "cannot start inside"),
    ],
)
def test_each_kind_of_mistake_names_its_line(text, line, fragment):
    _, problems = parse(text)
    errors = [p for p in problems if p.severity == Severity.ERROR]
    assert errors, problems
    assert any(p.line == line and fragment in p.message for p in errors), messages(problems)


def test_unknown_strategy_and_unknown_setting():
    text = (
        HEADER.replace("order = 1", 'order = 1\nstrategy = "anarchy"\ncolour = "red"') + "\n## A\n"
    )
    _, problems = parse(text)
    found = messages(problems)
    assert (
        8,
        Severity.ERROR,
        "unknown strategy 'anarchy': use one of liberal, social-democratic, ultra-left, mass-action",
    ) in found
    assert any(sev == Severity.WARNING and "colour" in msg for _, sev, msg in found)


def test_odd_unicode_and_windows_line_endings_load(tmp_path):
    from teachin.workshop.module import load_module

    path = tmp_path / "m.md"
    text = "\ufeff" + (HEADER + "\n## Grève générale — ✊ 🏳️‍🌈\n\nÉcole, naïve, 日本語\n").replace(
        "\n", "\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    module, problems = load_module(path)
    assert problems == []
    assert module.slides[0].title == "Grève générale — ✊ 🏳️‍🌈"


def test_non_utf8_file_is_reported_with_its_line(tmp_path):
    from teachin.workshop.module import load_module

    path = tmp_path / "m.md"
    path.write_bytes(HEADER.encode() + b"\n## A\n\ncaf\xe9\n")
    module, problems = load_module(path)
    assert module is None
    assert [(p.line, "UTF-8" in p.message) for p in problems] == [(14, True)]


def test_a_handout_may_draw_the_staircase_and_nothing_else_may_nest_in_it():
    module, problems = parse(
        HEADER + "## A\n\n/// handout | Key ideas\nClimb.\n\n/// staircase\n///\n///\n"
    )
    assert problems == []
    [section] = module.handout_sections()
    assert (section.title, section.line) == ("Key ideas", 13)
    assert "/// staircase" in section.markdown and "Climb." in section.markdown
    # The staircase is on the take-home, not on the slide (no steps to reveal there).
    assert module.slides[0].block_kinds() == {"handout"}

    _, problems = parse(HEADER + "## A\n\n/// notes\n/// staircase\n///\n///\n")
    assert [(p.line, p.severity) for p in problems] == [(14, Severity.ERROR)]
    assert "a '/// staircase' or a '/// spectrum' inside a '/// handout'" in problems[0].message
    _, problems = parse(HEADER + "## A\n\n/// handout\n/// questions\n///\n///\n")
    assert [p.line for p in problems] == [14]


def test_a_handout_may_draw_the_spectrum_but_notes_may_not():
    module, problems = parse(HEADER + "## A\n\n/// handout | Key ideas\n/// spectrum\n///\n///\n")
    assert problems == []
    assert "/// spectrum" in module.handout_sections()[0].markdown
    _, problems = parse(HEADER + "## A\n\n/// notes\n/// spectrum\n///\n///\n")
    assert [(p.line, p.severity) for p in problems] == [(14, Severity.ERROR)]


def test_handout_sections_come_in_order_across_slides():
    module, _ = parse(
        HEADER + "## A\n\n/// handout\nFirst.\n///\n\n---\n\n## B\n\n"
        "/// notes\nNot this.\n///\n\n/// handout | Questions to carry home\n1. Why?\n///\n"
    )
    assert [(s.title, s.markdown, s.line) for s in module.handout_sections()] == [
        ("", "First.", 13),
        ("Questions to carry home", "1. Why?", 25),
    ]
