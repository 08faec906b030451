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


# A reference interpreter, as plain as possible, to check the specialised closures.
def reference(node, values):
    import ast

    if isinstance(node, ast.Expression):
        return reference(node.body, values)
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return values[NAMES[node.id]]
    if isinstance(node, ast.UnaryOp):
        x = reference(node.operand, values)
        return -x if isinstance(node.op, ast.USub) else (0.0 if x else 1.0)
    if isinstance(node, ast.BinOp):
        a, b = reference(node.left, values), reference(node.right, values)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        return a / b if b else 0.0
    if isinstance(node, ast.Compare):
        a = reference(node.left, values)
        for op, right in zip(node.ops, node.comparators, strict=True):
            b = reference(right, values)
            ok = {ast.Lt: a < b, ast.LtE: a <= b, ast.Gt: a > b, ast.GtE: a >= b}[type(op)]
            if not ok:
                return 0.0
            a = b
        return 1.0
    if isinstance(node, ast.BoolOp):
        results = [reference(v, values) for v in node.values]
        if isinstance(node.op, ast.And):
            return 1.0 if all(results) else 0.0
        return 1.0 if any(results) else 0.0
    if isinstance(node, ast.IfExp):
        test = reference(node.test, values)
        return reference(node.body, values) if test else reference(node.orelse, values)
    raise AssertionError(node)


_leaf = st.one_of(
    st.sampled_from(sorted(NAMES)),
    st.integers(min_value=0, max_value=20).map(str),
    st.sampled_from(["0.5", "1.5", "0"]),
)


def _grow(children):
    return st.one_of(
        st.tuples(
            children, st.sampled_from(["+", "-", "*", "/", "<", ">=", "and", "or"]), children
        ).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(children, children, children).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        children.map(lambda c: f"(-{c})"),
        children.map(lambda c: f"(not {c})"),
    )


@given(
    source=st.recursive(_leaf, _grow, max_leaves=12),
    values=st.lists(st.floats(min_value=-100, max_value=100), min_size=4, max_size=4),
)
def test_compiled_matches_reference(source, values):
    import ast
    import math

    compiled = compile_expression(source, NAMES)
    expected = reference(ast.parse(source, mode="eval"), values)
    got = compiled(list(values))
    assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9) or (
        math.isnan(got) and math.isnan(expected)
    ), (source, values, got, expected)


def test_a_built_function_can_only_compute_numbers():
    # Expressions are compiled to Python (for speed): the tree is checked before it
    # is compiled, so nothing but arithmetic on the values can ever be built.
    import ast

    import pytest

    from teachin.scenario.expressions import (
        UnsafeBuildError,
        build_function,
        compile_expression,
        located,
    )

    expression = compile_expression("min(support, 50) / 10 + (3 if ready > 2 else 1)", NAMES)
    fn = build_function([located(ast.Return(expression.tree))])
    assert fn([40.0] * 20) == pytest.approx(4 + 3)
    for bad in (
        ast.Constant("text"),
        ast.Attribute(ast.Name("v", ast.Load()), "__class__", ast.Load()),
        ast.Name("open", ast.Load()),
        ast.Call(ast.Name("__import__", ast.Load()), [ast.Constant(1)], []),
        ast.Lambda(ast.arguments([], [], None, [], [], None, []), ast.Constant(1)),
    ):
        tree = ast.fix_missing_locations(ast.Return(bad))
        with pytest.raises(UnsafeBuildError):
            build_function([located(tree)])
