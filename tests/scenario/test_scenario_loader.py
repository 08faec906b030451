"""Damaged scenario files give file:line problems, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.scenario.conftest import REWORK_PENDING

from teachin.problems import Severity
from teachin.scenario.check import check_scenarios
from teachin.scenario.loader import load_scenarios, parse_scenario
from teachin.workshop.staircase import load_staircase

CONTENT = Path(__file__).resolve().parents[2] / "content"
ORIGINAL = (CONTENT / "scenarios" / "care-homes.toml").read_text(encoding="utf-8")


def line_number(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def damaged(old: str, new: str, count: int = 1) -> str:
    assert old in ORIGINAL, old
    return ORIGINAL.replace(old, new, count)


def test_shipped_scenarios_load(scenarios):
    assert set(scenarios) >= {"care-homes", "transit-fares", "tuition-hike", "tenants-retrofit"}
    for scenario in scenarios.values():
        assert 6 <= len(scenario.rounds) <= 12
        assert scenario.title and scenario.summary and scenario.minutes > 0
        assert scenario.difficulty in ("introductory", "intermediate", "advanced")
        assert scenario.questions
        assert {
            "repression",
            "independence",
            "support",
            "organization",
            "leaders",
            "solidarity",
            "pressure",
            "sympathy",
            "morale",
        } <= set(scenario.measure_index)
        assert {e.result for e in scenario.endings} == {"win", "partial", "loss"}


def _shipped_problems(scenarios, content):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "sc_conftest", Path(__file__).with_name("conftest.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    staircase, _ = load_staircase(content / "staircase.toml")
    return check_scenarios(scenarios, staircase, module.KNOWN_LINKS)


def test_shipped_scenarios_check_clean(scenarios, content):
    """No problem at all in a finished fight; a fight being retuned for issue 13
    (REWORK_PENDING) may have warnings (a recipe that rivals thinking, an ending
    the policies no longer reach) but no error."""
    problems = _shipped_problems(scenarios, content)
    pending = {s.path for s in scenarios.values() if s.id in REWORK_PENDING}
    allowed = [p for p in problems if p.path in pending and p.severity is Severity.WARNING]
    others = [p for p in problems if p not in allowed]
    assert not others, "\n".join(map(str, others))


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            'title = "Short-staffed at Evergreen"',
            'title = "Short-staffed',
            'title = "Short-staffed',
            "malformed settings (TOML)",
        ),
        (
            'support = "14 / (1 + 0.3 * times)"',
            'support = "14 / (1 + "',
            'support = "14 / (1 + "',
            "cannot read expression",
        ),
        (
            'when = "support >= 30"',
            'when = "suport >= 30"',
            'when = "suport >= 30"',
            "unknown name 'suport'",
        ),
        (
            'pressure = "4"\nrepression = "12"',
            'presure = "4"\nrepression = "12"',
            'presure = "4"',
            "unknown measure 'presure'",
        ),
        (
            'ends = "partial-deal"',
            'ends = "partial-dael"',
            'ends = "partial-dael"',
            "unknown ending 'partial-dael'",
        ),
        (
            'after = "election"',
            'after = "elections"',
            'after = "elections"',
            "unknown event 'elections'",
        ),
        (
            'step = "week-strike"',
            'step = "weeks-strike"',
            'step = "weeks-strike"',
            "unknown staircase step",
        ),
        ('kind = "militant"', 'kind = "militnat"', 'kind = "militnat"', "unknown kind"),
        (
            'strategy = "ultra-left"',
            'strategy = "ultraleft"',
            'strategy = "ultraleft"',
            "unknown strategy",
        ),
        ('result = "win"', 'result = "victory"', 'result = "victory"', "'result' must be one of"),
        ('chance = "0.45"', 'chance = "0.45 +"', 'chance = "0.45 +"', "cannot read expression"),
        (
            "start = 35\nspread = 6",
            'start = "lots"\nspread = 6',
            'start = "lots"',
            "must be a number",
        ),
        (
            'label = "Reach out to allies"',
            'label = "Reach out to allies"\ncolour = "red"',
            'colour = "red"',
            "unknown tactic field 'colour'",
        ),
        (
            'id = "lobby"',
            'id = "one-on-ones"',
            'id = "one-on-ones"\nlabel = "Lobby',
            "defined twice",
        ),
        (
            'situation = "Two weeks to go. What will make the difference?"',
            'situation = "Two weeks to go."\ntactics = ["lobby", "petiton"]',
            'tactics = ["lobby", "petiton"]',
            "unknown tactic 'petiton'",
        ),
        (
            'independence = "-5"\nmorale = "-1"',
            'independence = "-5"\nmorale = "__import__(1)"',
            'morale = "__import__(1)"',
            "unknown function",
        ),
    ],
)
def test_damaged_file_reports_file_and_line(tmp_path, old, new, needle, message):
    text = damaged(old, new)
    path = tmp_path / "care-homes.toml"
    scenario, problems = parse_scenario(text, path)
    assert scenario is None
    expected_line = line_number(text, needle)
    matching = [p for p in problems if message in p.message]
    assert matching, [str(p) for p in problems]
    assert any(p.line == expected_line for p in matching), (
        expected_line,
        [str(p) for p in matching],
    )
    for problem in problems:
        assert re.match(rf"{re.escape(str(path))}:\d+: (error|warning): ", str(problem))


def test_unknown_link_and_unreached_ending(tmp_path, content):
    text = damaged('concept = "glossary:one-on-one"', 'concept = "glossary:one-on-once"')
    text = text.replace('when = "repression >= 85"', 'when = "repression >= 185"')
    folder = tmp_path / "mine"
    (folder / "scenarios").mkdir(parents=True)
    (folder / "scenarios" / "care-homes.toml").write_text(text, encoding="utf-8")
    scenarios, problems = load_scenarios([folder])
    assert not [p for p in problems if p.severity == "error"]
    staircase, _ = load_staircase(content / "staircase.toml")
    links = {"glossary:one-on-one"}
    found = check_scenarios(scenarios, staircase, links)
    messages = [str(p) for p in found]
    assert any(
        "unknown glossary term 'glossary:one-on-once'" in m
        and f":{line_number(text, 'glossary:one-on-once')}:" in m
        for m in messages
    ), messages
    assert any("ending 'crushed' was never reached" in m for m in messages), messages


def test_round_without_choosable_tactic(tmp_path):
    text = damaged(
        'situation = "Two weeks to go. What will make the difference?"',
        'situation = "Two weeks to go."\ntactics = ["accept-deal"]',
    )
    path = tmp_path / "scenarios" / "x.toml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    scenarios, problems = load_scenarios([tmp_path])
    assert not [p for p in problems if p.severity == "error"]
    found = check_scenarios(scenarios, None, set())
    assert any(
        "round 11: no tactic can be chosen" in p.message
        and p.line
        in (line_number(text, 'title = "Week 11') - 1, line_number(text, 'title = "Week 11'))
        for p in found
    ), [str(p) for p in found]


def test_later_folder_replaces_earlier(tmp_path, content):
    mine = tmp_path / "scenarios"
    mine.mkdir()
    (mine / "copy.toml").write_text(
        ORIGINAL.replace('title = "Short-staffed at Evergreen"', 'title = "Our own version"'),
        encoding="utf-8",
    )
    (mine / "broken.toml").write_text("id = [", encoding="utf-8")
    scenarios, problems = load_scenarios([content, tmp_path])
    assert scenarios["care-homes"].title == "Our own version"
    assert "transit-fares" in scenarios
    assert any(p.path.name == "broken.toml" and p.line == 1 for p in problems)


@pytest.mark.parametrize("data", [b"\xff\xfe\x00garbage", b"", b"[[[[", b"id = 3"])
def test_garbage_files_never_raise(tmp_path, data):
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "g.toml").write_bytes(data)
    scenarios, problems = load_scenarios([tmp_path])
    assert not scenarios
    assert problems and all(p.path.name == "g.toml" for p in problems)


def test_docs_example_is_a_valid_scenario(tmp_path):
    docs = (CONTENT.parent / "docs" / "scenarios.md").read_text(encoding="utf-8")
    example = docs.split("## A complete small scenario", 1)[1].split("```toml\n", 1)[1]
    example = example.split("```", 1)[0]
    scenario, problems = parse_scenario(example, tmp_path / "library-hours.toml")
    assert scenario is not None, [str(p) for p in problems]
    assert not [p for p in problems if p.severity == "error"]
    from teachin.scenario.run import Run

    run = Run(scenario, 1)
    for choice in ["conversations"] * 3 + ["pack-the-meeting"] * 3:
        if not run.finished:
            run.choose(choice)
    assert run.finished and run.result in ("win", "partial", "loss")
