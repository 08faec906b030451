from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teachin.scenario.expressions import ExpressionError, compile_expression

NAMES = {"support": 0, "organization": 1, "ready": 2, "times": 3}


def ev(source, values=(50.0, 20.0, 1.0, 2.0)):
    return compile_expression(source, NAMES)(list(values))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2 * 3", 7.0),
        ("support / 100", 0.5),
        ("support >= 50 and organization > 10", 1.0),
        ("support > 60 or organization > 30", 0.0),
        ("not support", 0.0),
        ("10 < support <= 50", 1.0),
        ("12 if ready >= 1 else 3", 12.0),
        ("(15 if ready >= 1 else 5) / (1 + 0.4 * times)", 15 / 1.8),
        ("min(support, organization, 5)", 5.0),
        ("max(support, 70)", 70.0),
        ("clamp(support, 0, 30)", 30.0),
        ("abs(-support)", 50.0),
        ("support / 0", 0.0),
        ("support // 0 + support % 0", 0.0),
        ("true", 1.0),
        ("-support + 1", -49.0),
        (3, 3.0),
        (2.5, 2.5),
    ],
)
def test_evaluates(source, expected):
    assert ev(source) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("__import__('os')", "unknown function"),
        ("support.real", "attributes"),
        ("support[0]", "indexing"),
        ("'text'", "only numbers"),
        ("2 ** 100", "'**'"),
        ("lambda: 1", "lambda"),
        ("unknown_measure + 1", "unknown name 'unknown_measure'"),
        ("support >=", "cannot read"),
        ("", "empty"),
        ("[x for x in y]", "comprehension"),
        ("min(1)", "at least two"),
        ("open('f')", "unknown function"),
        ("support if", "cannot read"),
    ],
)
def test_rejects(source, message):
    with pytest.raises(ExpressionError, match=re.escape(message)):
        compile_expression(source, NAMES)


def test_names_used():
    expr = compile_expression("support + ready * 2", NAMES)
    assert expr.names == {"support", "ready"}


def test_constant_folding():
    assert compile_expression("2 * 3 + 1", NAMES).constant == 7.0


@given(st.text(max_size=60))
def test_any_text_compiles_or_gives_a_plain_error(text):
    try:
        expr = compile_expression(text, NAMES)
    except ExpressionError as exc:
        assert str(exc)
        return
    value = expr([1.0, 2.0, 3.0, 4.0])
    assert isinstance(value, float | int | bool)
