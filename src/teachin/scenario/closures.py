"""Effects and needs built into single functions for the engine's hot path.

The simulator plays tens of thousands of rounds a second through these
(``benchmarks/simulate.py``), so a round's effects, or a tactic's needs, are
one call each: the trees of their expressions (see
:mod:`teachin.scenario.expressions`) are put together into the body of one
function, which Python compiles.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import cast

from teachin.scenario.expressions import Expression, build_function, located
from teachin.scenario.model import Need

# Compiled pieces of a scenario; each reads (and an applier writes) a value list.
Applier = Callable[[list[float]], None]
Counter = Callable[[list[float]], int]
Check = Callable[[list[float]], bool]
# An effect as the appliers take it: (index, tree, constant or None, low, high),
# with the tree of its expression (Expression.tree).
EffectRow = tuple[int, ast.expr, float | None, float, float]


def applier(effects: tuple[EffectRow, ...]) -> Applier | None:
    """A function that applies ``effects`` (index, tree, constant, low, high) to
    a value list: every change computed from the values before, then added and
    clamped in order (a result that is not a number, NaN, becomes the lower
    bound). ``constant`` is the effect's value when it is a plain number (else
    None): those are added as they are. None when there is nothing to apply.

    The function built for two effects, one of them a plain number::

        def built(v):
            d0 = <the first effect's expression>
            x = v[3] + d0
            v[3] = 100.0 if x > 100.0 else x if x >= 0.0 else 0.0
            x = v[5] + -2.0
            v[5] = 100.0 if x > 100.0 else x if x >= 0.0 else 0.0
    """
    if not effects:
        return None
    return cast(Applier, build_function(_effect_statements(effects)))


def _effect_statements(effects: tuple[EffectRow, ...]) -> list[ast.stmt]:
    """The body of :func:`applier`'s function."""
    body: list[ast.stmt] = [
        located(ast.Assign([_name(f"d{k}", ast.Store())], tree))
        for k, (_, tree, constant, _, _) in enumerate(effects)
        if constant is None
    ]
    for k, (index, _, constant, low, high) in enumerate(effects):
        change = _name(f"d{k}") if constant is None else located(ast.Constant(constant))
        body.append(
            located(
                ast.Assign(
                    [_name("x", ast.Store())],
                    located(ast.BinOp(_value(index), ast.Add(), change)),
                )
            )
        )
        x = _name("x")
        clamped = located(
            ast.IfExp(
                located(ast.Compare(x, [ast.Gt()], [located(ast.Constant(high))])),
                located(ast.Constant(high)),
                located(
                    ast.IfExp(
                        located(ast.Compare(x, [ast.GtE()], [located(ast.Constant(low))])),
                        x,
                        located(ast.Constant(low)),
                    )
                ),
            )
        )
        body.append(located(ast.Assign([_value(index, ast.Store())], clamped)))
    return body


# An event as round_course takes it: (condition's test or None, chance's tree,
# chance's constant or None, once, the event it comes after (-1: none),
# effects, the ending it brings (-1: none)).
EventRow = tuple[ast.expr | None, ast.expr, float | None, bool, int, tuple[EffectRow, ...], int]
# round_course's function: (values, fired counts, the random draw) -> ending or -1.
Course = Callable[[list[float], list[int], Callable[[], float]], int]


def round_course(
    events: tuple[EventRow, ...],
    every_round: tuple[EffectRow, ...],
    early: tuple[tuple[int, ast.expr], ...],
) -> Course:
    """One function that plays what follows a round's move, as Engine.step
    and Engine._end_round do one call at a time: the events in file order,
    then the ``every_round`` effects, then the ``early`` endings (ending index,
    test). Each event whose gate and condition hold and whose chance is above
    0 draws ``random()`` and fires when the draw is below its chance (its count
    goes up, its effects apply); the first ending brought (by an event, or an
    early ending that holds) stops it and is returned; -1 when none is.

    For an event with a condition, a chance and one effect, the body holds::

        if v[4] >= 50.0:
            p = v[7] * 0.01
            if not p <= 0.0:
                if random() < p:
                    fired[3] += 1
                    ...  # the effects, as in applier
    """
    body: list[ast.stmt] = []
    for number, (test, chance, constant, once, after, effects, ends) in enumerate(events):
        if constant is not None and constant <= 0:
            continue  # never drawn for
        fires: list[ast.stmt] = [
            located(
                ast.AugAssign(
                    located(
                        ast.Subscript(_name("fired"), located(ast.Constant(number)), ast.Store())
                    ),
                    ast.Add(),
                    located(ast.Constant(1)),
                )
            ),
            *_effect_statements(effects),
        ]
        if ends >= 0:
            fires.append(located(ast.Return(located(ast.Constant(ends)))))
        draw = located(ast.Call(_name("random"), [], []))
        limit = _name("p") if constant is None else located(ast.Constant(constant))
        drawn: list[ast.stmt] = [
            located(ast.If(located(ast.Compare(draw, [ast.Lt()], [limit])), fires, []))
        ]
        if constant is None:
            above_zero = located(
                ast.UnaryOp(
                    ast.Not(),
                    located(ast.Compare(_name("p"), [ast.LtE()], [located(ast.Constant(0.0))])),
                )
            )
            drawn = [
                located(ast.Assign([_name("p", ast.Store())], chance)),
                located(ast.If(above_zero, drawn, [])),
            ]
        gates: list[ast.expr] = []
        if once:
            gates.append(located(ast.UnaryOp(ast.Not(), _fired(number))))
        if after >= 0:
            gates.append(_fired(after))
        if test is not None:
            gates.append(test)
        if not gates:
            body.extend(drawn)
        else:
            held = gates[0] if len(gates) == 1 else located(ast.BoolOp(ast.And(), gates))
            body.append(located(ast.If(held, drawn, [])))
    body.extend(_effect_statements(every_round))
    for ending, test in early:
        body.append(located(ast.If(test, [located(ast.Return(located(ast.Constant(ending))))], [])))
    body.append(located(ast.Return(located(ast.Constant(-1)))))
    return cast(Course, build_function(body, ("v", "fired", "random")))


def closed_mask(
    checks: tuple[tuple[int, int, ast.expr], ...], i_times: int, i_step: int
) -> Callable[[list[float], list[int]], int]:
    """One function of (values, times) telling which tactics with a condition
    are closed now: bit ``index`` set for each. ``checks`` holds (tactic index,
    its step, its condition's test); each test reads the tactic's own
    ``times`` and ``step``, written into the values first, in that order (as
    Engine.is_ready and the others do), so the values are left as before."""
    body: list[ast.stmt] = [
        located(ast.Assign([_name("m", ast.Store())], located(ast.Constant(0))))
    ]
    for index, step, test in checks:
        times = located(ast.Subscript(_name("times"), located(ast.Constant(index)), ast.Load()))
        body.append(located(ast.Assign([_value(i_times, ast.Store())], times)))
        body.append(located(ast.Assign([_value(i_step, ast.Store())], located(ast.Constant(step)))))
        bit = located(ast.Constant(1 << index))
        closed = located(ast.AugAssign(located(ast.Name("m", ast.Store())), ast.Add(), bit))
        body.append(located(ast.If(located(ast.UnaryOp(ast.Not(), test)), [closed], [])))
    body.append(located(ast.Return(_name("m"))))
    return cast(Callable[[list[float], list[int]], int], build_function(body, ("v", "times")))


def _fired(number: int) -> ast.expr:
    """``fired[number]``."""
    return located(ast.Subscript(_name("fired"), located(ast.Constant(number)), ast.Load()))


def need_counter(needs: tuple[Need, ...]) -> Counter | None:
    """One function that counts the needs met (int), None when there are none."""
    if not needs:
        return None
    count: ast.expr = located(ast.Constant(0))
    for need in needs:
        count = located(ast.BinOp(count, ast.Add(), need.when.test))  # a test is True or False
    return cast(Counter, build_function([located(ast.Return(count))]))


def unmet_mask(needs: tuple[Need, ...]) -> Counter:
    """One function whose answer has bit k set when need k is not met (0 when
    every need is met, or there are none)."""
    mask: ast.expr = located(ast.Constant(0))
    for k, need in enumerate(needs):
        bit = located(
            ast.IfExp(need.when.test, located(ast.Constant(0)), located(ast.Constant(1 << k)))
        )
        mask = located(ast.BinOp(mask, ast.Add(), bit))
    return cast(Counter, build_function([located(ast.Return(mask))]))


def all_met_check(needs: tuple[Need, ...]) -> Check | None:
    """One function, true when every need is met (stops at the first unmet one);
    None when there are none."""
    if not needs:
        return None
    if len(needs) == 1:
        return condition_check(needs[0].when)
    every = located(ast.BoolOp(ast.And(), [need.when.test for need in needs]))
    return cast(Check, build_function([located(ast.Return(every))]))


def condition_check(expression: Expression) -> Check:
    """A function true when ``expression`` is not 0 (a condition, tested
    without making its value 1.0 or 0.0 first)."""
    return cast(Check, build_function([located(ast.Return(expression.test))]))


def _name(name: str, context: ast.expr_context | None = None) -> ast.expr:
    return located(ast.Name(name, context or ast.Load()))


def _value(index: int, context: ast.expr_context | None = None) -> ast.expr:
    """``v[index]``."""
    return located(ast.Subscript(_name("v"), located(ast.Constant(index)), context or ast.Load()))
