"""Scenario files from elsewhere: the same rules as modules (a BOM is fine), and clear
messages for what can never work."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from teachin.plan.fileformat import load_plan
from teachin.scenario.expressions import ExpressionError, compile_expression
from teachin.scenario.loader import load_scenario

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from hostile_corpus import plan_text, scenario_text


def _write(tmp_path: Path, text: str, name: str = "s.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_byte_order_mark_is_accepted_in_scenarios_and_plans(tmp_path):
    scenario, problems = load_scenario(_write(tmp_path, "\ufeff" + scenario_text()))
    assert scenario is not None and scenario.id == "hostile"
    assert not [p for p in problems if p.severity == "error"]
    plan, problems = load_plan(_write(tmp_path, "\ufeff" + plan_text(), "p.toml"))
    assert plan is not None and not problems


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("__import__('os').system('x')", "cannot call \"__import__('os').system\""),
        ("__import__('os')", "unknown function '__import__'"),
        ("support.real(1)", "cannot call 'support.real'"),
        ("7" * 1_500 + " * 2", "a number with more than 40 digits"),
    ],
)
def test_expressions_that_can_never_work_say_why(source, message):
    with pytest.raises(
        ExpressionError, match="^" + message.replace("(", r"\(").replace(")", r"\)")
    ):
        compile_expression(source, {"support": 0})


def test_an_event_that_must_come_after_itself_is_reported(tmp_path):
    events = "".join(
        f'\n[[event]]\nid = "{name}"\nkind = "media"\ntitle = "T"\nchance = 1.0\nafter = "{after}"\n'
        for name, after in (("loop", "loop"), ("first", "second"), ("second", "first"))
    )
    text = scenario_text() + events
    scenario, problems = load_scenario(_write(tmp_path, text))
    assert scenario is None
    lines = text.split("\n")

    def line(after: str) -> int:
        return lines.index(f'after = "{after}"') + 1

    messages = {(p.line, p.message) for p in problems if p.severity == "error"}
    assert messages == {
        (
            line("loop"),
            "event 'loop' can never happen: it must come after itself (loop after loop)",
        ),
        (
            line("second"),
            "event 'first' can never happen: it must come after itself "
            "(first after second after first)",
        ),
        (
            line("first"),
            "event 'second' can never happen: it must come after itself "
            "(second after first after second)",
        ),
    }


@pytest.mark.parametrize("minutes", ["10000", "1" + "0" * 32])
def test_absurd_minutes_are_refused(tmp_path, minutes):
    path = _write(tmp_path, scenario_text().replace("minutes = 20", f"minutes = {minutes}"))
    _scenario, problems = load_scenario(path)
    assert [(p.line, p.message) for p in problems if p.severity == "error"] == [
        (5, "'minutes' must be a whole number from 1 to 1440")
    ]
    plan_path = _write(
        tmp_path, plan_text().replace("minutes = 5", f"minutes = {minutes}"), "p.toml"
    )
    _plan, problems = load_plan(plan_path)
    assert [p.line for p in problems] == [8]
    assert "out of range: use 1 to 600 minutes" in problems[0].message
