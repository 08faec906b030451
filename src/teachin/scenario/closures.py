"""Effects and needs compiled into small closures for the engine's hot path.

The common small cases (one to five needs written ``name >= number``, one to
three effects) are unrolled by hand on purpose: the simulator plays tens of
thousands of rounds a second through them (``benchmarks/simulate.py``), and a
loop or a call per need costs a third of that.
"""

from __future__ import annotations

from collections.abc import Callable

from teachin.scenario.expressions import Fn
from teachin.scenario.model import Need

# Compiled pieces of a scenario; each reads (and an applier writes) a value list.
Applier = Callable[[list[float]], None]
Counter = Callable[[list[float]], int]
Check = Callable[[list[float]], bool]
# An effect as the appliers take it: (index, fn, constant or None, low, high) ...
EffectRow = tuple[int, Fn, float | None, float, float]
# ... and one that is always called: (index, fn, low, high).
CallRow = tuple[int, Fn, float, float]


def applier(effects: tuple[EffectRow, ...]) -> Applier | None:
    """A function that applies ``effects`` (index, fn, constant, low, high) to a
    value list: every change computed from the values before, then added and
    clamped (a result that is not a number, NaN, becomes the lower bound).
    ``constant`` is the effect's value when it is a plain number (else None):
    those are added without a call. Unrolled for the common small cases; None
    when there is nothing to apply."""
    if not effects:
        return None
    indexes = [e[0] for e in effects]
    if len(set(indexes)) != len(indexes):
        # The same measure twice: keep the order of the additions exactly.
        return calls_applier(tuple((i, fn, low, high) for i, fn, _, low, high in effects))
    # Each measure is changed once, so the order of the writes does not matter:
    # the computed changes (which read the values before) are applied first,
    # then the plain numbers (which read nothing).
    calls = calls_applier(tuple((i, fn, low, high) for i, fn, c, low, high in effects if c is None))
    fixed = tuple((i, c, low, high) for i, _, c, low, high in effects if c is not None)
    if not fixed:
        return calls
    if len(fixed) == 1:
        ((i0, c0, lo0, hi0),) = fixed
        if calls is None:

            def add1(values: list[float]) -> None:
                x = values[i0] + c0
                values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0

            return add1

        def calls_add1(values: list[float]) -> None:
            calls(values)
            x = values[i0] + c0
            values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0

        return calls_add1
    if calls is None:

        def add_many(values: list[float]) -> None:
            for i, c, low, high in fixed:
                x = values[i] + c
                values[i] = high if x > high else x if x >= low else low

        return add_many

    def calls_add_many(values: list[float]) -> None:
        calls(values)
        for i, c, low, high in fixed:
            x = values[i] + c
            values[i] = high if x > high else x if x >= low else low

    return calls_add_many


def calls_applier(effects: tuple[CallRow, ...]) -> Applier | None:
    """:func:`applier` for effects (index, fn, low, high) that are all called."""
    if not effects:
        return None
    if len(effects) == 1:
        ((i0, f0, lo0, hi0),) = effects

        def apply1(values: list[float]) -> None:
            x = values[i0] + f0(values)
            values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0

        return apply1
    if len(effects) == 2:
        (i0, f0, lo0, hi0), (i1, f1, lo1, hi1) = effects

        def apply2(values: list[float]) -> None:
            d0 = f0(values)
            d1 = f1(values)
            x = values[i0] + d0
            values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0
            x = values[i1] + d1
            values[i1] = hi1 if x > hi1 else x if x >= lo1 else lo1

        return apply2
    if len(effects) == 3:
        (i0, f0, lo0, hi0), (i1, f1, lo1, hi1), (i2, f2, lo2, hi2) = effects

        def apply3(values: list[float]) -> None:
            d0 = f0(values)
            d1 = f1(values)
            d2 = f2(values)
            x = values[i0] + d0
            values[i0] = hi0 if x > hi0 else x if x >= lo0 else lo0
            x = values[i1] + d1
            values[i1] = hi1 if x > hi1 else x if x >= lo1 else lo1
            x = values[i2] + d2
            values[i2] = hi2 if x > hi2 else x if x >= lo2 else lo2

        return apply3

    functions = tuple(fn for _, fn, _, _ in effects)
    targets = tuple((i, low, high) for i, _, low, high in effects)

    def apply_many(values: list[float]) -> None:
        deltas = [fn(values) for fn in functions]
        for (i, low, high), delta in zip(targets, deltas):  # noqa: B905 - same length by construction
            x = values[i] + delta
            values[i] = high if x > high else x if x >= low else low

    return apply_many


def need_counter(needs: tuple[Need, ...]) -> Counter | None:
    """One closure that counts the needs met (int), None when there are none.

    Needs written ``name >= number`` (nearly all of them) are read and compared
    inline, so counting four needs costs one call instead of four."""
    if not needs:
        return None
    simple = [need.when.compare for need in needs]
    at_least = [c for c in simple if c is not None and c[1] == ">="]
    if len(at_least) == len(simple):
        pairs = [(i, c) for i, _, c in at_least]
        if len(pairs) == 1:
            ((a, ca),) = pairs
            return lambda v: 1 if v[a] >= ca else 0
        if len(pairs) == 2:
            (a, ca), (b, cb) = pairs
            return lambda v: (v[a] >= ca) + (v[b] >= cb)
        if len(pairs) == 3:
            (a, ca), (b, cb), (c, cc) = pairs
            return lambda v: (v[a] >= ca) + (v[b] >= cb) + (v[c] >= cc)
        if len(pairs) == 4:
            (a, ca), (b, cb), (c, cc), (d, cd) = pairs
            return lambda v: (v[a] >= ca) + (v[b] >= cb) + (v[c] >= cc) + (v[d] >= cd)
        if len(pairs) == 5:
            (a, ca), (b, cb), (c, cc), (d, cd), (e, ce) = pairs
            return lambda v: (
                (v[a] >= ca) + (v[b] >= cb) + (v[c] >= cc) + (v[d] >= cd) + (v[e] >= ce)
            )
    fns = tuple(need.when.fn for need in needs)

    def count(v: list[float]) -> int:
        met = 0
        for need in fns:
            if need(v):
                met += 1
        return met

    return count


def all_met_check(needs: tuple[Need, ...]) -> Check | None:
    """One closure, true when every need is met (stops at the first unmet one);
    None when there are none. ``name >= number`` needs are compared inline."""
    if not needs:
        return None
    simple = [need.when.compare for need in needs]
    at_least = [c for c in simple if c is not None and c[1] == ">="]
    if len(at_least) == len(simple):
        pairs = [(i, c) for i, _, c in at_least]
        if len(pairs) == 1:
            ((a, ca),) = pairs
            return lambda v: v[a] >= ca
        if len(pairs) == 2:
            (a, ca), (b, cb) = pairs
            return lambda v: v[a] >= ca and v[b] >= cb
        if len(pairs) == 3:
            (a, ca), (b, cb), (c, cc) = pairs
            return lambda v: v[a] >= ca and v[b] >= cb and v[c] >= cc
        if len(pairs) == 4:
            (a, ca), (b, cb), (c, cc), (d, cd) = pairs
            return lambda v: v[a] >= ca and v[b] >= cb and v[c] >= cc and v[d] >= cd
        if len(pairs) == 5:
            (a, ca), (b, cb), (c, cc), (d, cd), (e, ce) = pairs
            return lambda v: v[a] >= ca and v[b] >= cb and v[c] >= cc and v[d] >= cd and v[e] >= ce
    fns = tuple(need.when.fn for need in needs)
    return lambda v: all(need(v) for need in fns)
