"""Safe arithmetic expressions for scenario files.

Scenario files are untrusted input, so their conditions and effects are never
handed to ``eval``. An expression is parsed with :func:`ast.parse` (parsing only,
nothing runs), every node is checked against a short whitelist, and the tree is
turned into plain Python closures over a list of numbers. Compiled once at load
time, an expression then costs a handful of function calls to evaluate, which is
what lets the simulator run tens of thousands of rounds a second.

The language, as written by scenario authors::

    support >= 60 and organization > 40
    12 * ready * support / 100 - 4 * (1 - ready)
    min(organization, 50) / 10
    8 if climbed >= 5 else 2

Numbers, names (measures and engine values such as ``round`` or ``ready``),
``+ - * / //  %``, comparisons (chains allowed), ``and or not``,
``x if condition else y``, ``true``/``false`` and the functions ``min``,
``max``, ``abs``, ``clamp(x, low, high)``. Everything is a number; a true
comparison is 1 and a false one 0. Division by zero gives 0 rather than an error.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from teachin.limits import MAX_DIGITS

Fn = Callable[[list[float]], float]


class ExpressionError(ValueError):
    """An expression that cannot be parsed or uses something not allowed."""


@dataclass(frozen=True)
class Expression:
    """A compiled expression: ``source`` as written, ``fn(values) -> float``."""

    source: str
    fn: Fn
    names: frozenset[str]
    constant: float | None = None
    # For the commonest condition, ``name <op> number``: (value index, op, number)
    # with op one of ">=", "<=", ">", "<". Lets the engine test several such
    # conditions in one call instead of one call each.
    compare: tuple[int, str, float] | None = None

    def __call__(self, values: list[float]) -> float:
        return self.fn(values)


_FUNCTIONS = ("min", "max", "abs", "clamp")
_TOO_BIG = 10**MAX_DIGITS
"""The smallest whole number with more digits than a file may hold."""
_CONSTANT_NAMES = {"true": 1.0, "false": 0.0, "True": 1.0, "False": 0.0}


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _floordiv(a: float, b: float) -> float:
    return float(a // b) if b else 0.0


def _mod(a: float, b: float) -> float:
    return a % b if b else 0.0


_BINOPS: dict[type, Callable[[float, float], float]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: _div,
    ast.FloorDiv: _floordiv,
    ast.Mod: _mod,
}
_SYMBOLS = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
}
_COMPARES: dict[type, Callable[[float, float], bool]] = {
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
}


_COMPARE_SYMBOLS = {ast.GtE: ">=", ast.LtE: "<=", ast.Gt: ">", ast.Lt: "<"}
_OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}


class _Compiler:
    def __init__(
        self,
        names: Mapping[str, int],
        known: Mapping[str, float] | None = None,
        plain: dict[int, float | None] | None = None,
        record: dict[int, float | None] | None = None,
    ) -> None:
        self.names = names
        self.used: set[str] = set()
        # Closures that only read one value, by the index they read: lets the
        # operators below read ``v[i]`` directly instead of calling them.
        self.lookups: dict[Fn, int] = {}
        # Closures that test ``name <op> number``, as (index, op, number): lets
        # ``if``/``and``/``or`` test them inline instead of calling them.
        self.compares: dict[Fn, tuple[int, str, float]] = {}
        # Closures computing ``-v[i]`` (by i), and ``v[i] * k`` (as (i, k)).
        self.negated: dict[Fn, int] = {}
        self.scaled: dict[Fn, tuple[int, float]] = {}
        # Names whose value is fixed (see :func:`specialize`), and for that case
        # each node's constant as the plain compile found it (by ``id(node)``),
        # so that folding computes exactly what the plain closures compute.
        self.known = known or {}
        self.plain = plain
        self.record = record

    # Each visit returns (closure, constant-or-None). Constants are folded so
    # that ``2 * 3 + x`` costs one addition at run time.
    def visit(self, node: ast.AST) -> tuple[Fn, float | None]:
        method: Callable[[ast.AST], tuple[Fn, float | None]] | None = getattr(
            self, "visit_" + type(node).__name__, None
        )
        if method is None:
            raise ExpressionError(f"{_describe(node)} is not allowed in an expression")
        result = method(node)
        if self.record is not None:
            self.record[id(node)] = result[1]
        return result

    def _plain_constant(self, node: ast.AST) -> float | None:
        """The node's constant in the plain compile (without known names)."""
        if self.plain is None:
            return None
        return self.plain.get(id(node))

    def visit_Expression(self, node: ast.Expression) -> tuple[Fn, float | None]:
        return self.visit(node.body)

    def visit_Constant(self, node: ast.Constant) -> tuple[Fn, float | None]:
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _TOO_BIG:
            raise ExpressionError(f"a number with more than {MAX_DIGITS} digits")
        if isinstance(value, bool | int | float):
            number = float(value)
            return (lambda v, n=number: n), number
        raise ExpressionError(f"only numbers are allowed, not {value!r}")

    def visit_Name(self, node: ast.Name) -> tuple[Fn, float | None]:
        if node.id in _CONSTANT_NAMES:
            number = _CONSTANT_NAMES[node.id]
            return (lambda v, n=number: n), number
        if node.id not in self.names:
            raise ExpressionError(f"unknown name {node.id!r}")
        self.used.add(node.id)
        if node.id in self.known:
            value = self.known[node.id]
            return (lambda v, n=value: n), value
        index = self.names[node.id]
        fn = lambda v, i=index: v[i]  # noqa: E731
        self.lookups[fn] = index
        return fn, None

    def visit_UnaryOp(self, node: ast.UnaryOp) -> tuple[Fn, float | None]:
        fn, const = self.visit(node.operand)
        if isinstance(node.op, ast.USub):
            if const is not None:
                return (lambda v, n=-const: n), -const
            i = self.lookups.get(fn)
            if i is not None:
                negated = lambda v: -v[i]  # noqa: E731
                self.negated[negated] = i
                return negated, None
            return (lambda v: -fn(v)), None
        if isinstance(node.op, ast.UAdd):
            return fn, const
        if isinstance(node.op, ast.Not):
            if const is not None:
                number = 0.0 if const else 1.0
                return (lambda v, n=number: n), number
            return (lambda v: 0.0 if fn(v) else 1.0), None
        raise ExpressionError("'~' is not allowed in an expression")

    def visit_BinOp(self, node: ast.BinOp) -> tuple[Fn, float | None]:
        op = _BINOPS.get(type(node.op))
        if op is None:
            symbol = _SYMBOLS.get(type(node.op), type(node.op).__name__)
            raise ExpressionError(f"the operator {symbol!r} is not allowed")
        left, lc = self.visit(node.left)
        right, rc = self.visit(node.right)
        divides = type(node.op) is ast.Div
        if lc is not None and rc is not None:
            number = float(op(lc, rc))
            if (
                divides
                and rc
                and self.known
                and self._plain_constant(node.right) is not None
                and self._plain_constant(node.left) is None
            ):
                # The plain closure multiplies by the inverse (see _binary);
                # fold the same way so the value is the same to the last bit.
                number = float(lc * (1.0 / rc))
            return (lambda v, n=number: n), number
        if divides and rc is not None and self.known and self._plain_constant(node.right) is None:
            # A divisor fixed only by a known name: the plain closure divides.
            if not rc:
                return (lambda v: 0.0), None
            return (lambda v: left(v) / rc), None
        fast = self._scaled_binary(type(node.op), left, lc, right, rc)
        if fast is not None:
            return fast, None
        return _binary(
            type(node.op), op, left, lc, self.lookups.get(left), right, rc, self.lookups.get(right)
        ), None

    def _scaled_binary(
        self, kind: type, left: Fn, lc: float | None, right: Fn, rc: float | None
    ) -> Fn | None:
        """Closures for formulas built from scaled values, ``x * k`` and ``x / k``
        with x a name or ``-name`` (``-0.1 * pressure``, ``leaders / 25``,
        ``-2 + leaders / 25 - repression / 20``): the scaled value is computed
        inline, with exactly the operations the general closures would do
        (``x / k`` is ``x * (1 / k)`` there too), so one call does the work of
        two or three. None when the formula has another shape."""
        lookups, negated, scaled = self.lookups, self.negated, self.scaled
        fn: Fn | None = None
        if kind is ast.Mult or (kind is ast.Div and rc):
            # factor: the number multiplied by (float multiplication is commutative).
            scaled_operand: tuple[float, Fn] | None
            if kind is ast.Div and rc:
                scaled_operand = (1.0 / rc, left)
            elif rc is not None:
                scaled_operand = (rc, left)
            elif lc is not None:
                scaled_operand = (lc, right)
            else:
                scaled_operand = None
            if scaled_operand is not None:
                factor, x = scaled_operand
                if x in lookups:
                    i = lookups[x]
                    fn = lambda v: v[i] * factor  # noqa: E731
                    scaled[fn] = (i, factor)
                elif x in negated:
                    i = negated[x]
                    fn = lambda v: -v[i] * factor  # noqa: E731
            elif left in scaled:
                i, k = scaled[left]
                fn = lambda v: v[i] * k * right(v)  # noqa: E731
            return fn
        if kind is not ast.Add and kind is not ast.Sub:
            return None
        a = scaled.get(left)
        b = scaled.get(right)
        if a is None:
            if b is None:
                return None
            j, m = b
            if kind is ast.Add:
                if lc is not None:
                    return lambda v: lc + v[j] * m
                return lambda v: left(v) + v[j] * m
            if lc is not None:
                return lambda v: lc - v[j] * m
            return lambda v: left(v) - v[j] * m
        i, k = a
        if b is not None:
            j, m = b
            if kind is ast.Add:
                return lambda v: v[i] * k + v[j] * m
            return lambda v: v[i] * k - v[j] * m
        if kind is ast.Add:
            if rc is not None:
                return lambda v: v[i] * k + rc
            return lambda v: v[i] * k + right(v)
        if rc is not None:
            return lambda v: v[i] * k - rc
        return lambda v: v[i] * k - right(v)

    def visit_BoolOp(self, node: ast.BoolOp) -> tuple[Fn, float | None]:
        visited = [self.visit(value) for value in node.values]
        parts = [fn for fn, _ in visited]
        is_and = isinstance(node.op, ast.And)
        if self.known and all(const is not None for _, const in visited):
            test = all if is_and else any
            number = 1.0 if test(const for _, const in visited) else 0.0
            return (lambda v, n=number: n), number
        if len(parts) == 2:
            first, second = parts
            a = self.compares.get(first)
            b = self.compares.get(second)
            if a is not None and b is not None:
                # Two ``name <op> number`` tests (the commonest event condition):
                # read and compare inline, with the operators' C functions.
                ia, opa, ca = a[0], _OPERATORS[a[1]], a[2]
                ib, opb, cb = b[0], _OPERATORS[b[1]], b[2]
                if is_and:
                    return (lambda v: 1.0 if opa(v[ia], ca) and opb(v[ib], cb) else 0.0), None
                return (lambda v: 1.0 if opa(v[ia], ca) or opb(v[ib], cb) else 0.0), None
            if is_and:
                return (lambda v: 1.0 if first(v) and second(v) else 0.0), None
            return (lambda v: 1.0 if first(v) or second(v) else 0.0), None
        if isinstance(node.op, ast.And):

            def and_(v: list[float]) -> float:
                result = 1.0
                for part in parts:
                    result = part(v)
                    if not result:
                        return 0.0
                return 1.0 if result else 0.0

            return and_, None

        def or_(v: list[float]) -> float:
            for part in parts:
                if part(v):
                    return 1.0
            return 0.0

        return or_, None

    def visit_Compare(self, node: ast.Compare) -> tuple[Fn, float | None]:
        first, first_const = self.visit(node.left)
        ops = []
        constants = [first_const]
        for op_node, comparator in zip(node.ops, node.comparators, strict=True):
            op = _COMPARES.get(type(op_node))
            if op is None:
                raise ExpressionError(f"the comparison {type(op_node).__name__!r} is not allowed")
            fn, const = self.visit(comparator)
            ops.append((op, fn))
            constants.append(const)
        fixed = [const for const in constants if const is not None]
        if self.known and len(fixed) == len(constants):
            # Every side fixed by known names and numbers: the answer is fixed too.
            number = 1.0
            for (op, _), left, right in zip(ops, fixed, fixed[1:]):  # noqa: B905
                if not op(left, right):
                    number = 0.0
                    break
            return (lambda v, n=number: n), number
        if len(ops) == 1:
            op, second = ops[0]
            kind = type(node.ops[0])
            right_const = self._constant(node.comparators[0])
            if (
                isinstance(node.left, ast.Name)
                and node.left.id in self.names
                and node.left.id not in self.known
                and right_const is not None
            ):
                # name <op> number: the commonest condition, one closure call.
                i = self.names[node.left.id]
                c = right_const
                test: Fn | None = None
                if kind is ast.GtE:
                    test = lambda v: 1.0 if v[i] >= c else 0.0  # noqa: E731
                elif kind is ast.LtE:
                    test = lambda v: 1.0 if v[i] <= c else 0.0  # noqa: E731
                elif kind is ast.Gt:
                    test = lambda v: 1.0 if v[i] > c else 0.0  # noqa: E731
                elif kind is ast.Lt:
                    test = lambda v: 1.0 if v[i] < c else 0.0  # noqa: E731
                if test is not None:
                    self.compares[test] = (i, _COMPARE_SYMBOLS[kind], c)
                    return test, None
            li = self.lookups.get(first)
            ri = self.lookups.get(second)
            if li is not None and ri is not None:
                # name <op> name (``pressure >= resolve``): read both inline.
                if kind is ast.GtE:
                    return (lambda v: 1.0 if v[li] >= v[ri] else 0.0), None
                if kind is ast.LtE:
                    return (lambda v: 1.0 if v[li] <= v[ri] else 0.0), None
                if kind is ast.Gt:
                    return (lambda v: 1.0 if v[li] > v[ri] else 0.0), None
                if kind is ast.Lt:
                    return (lambda v: 1.0 if v[li] < v[ri] else 0.0), None
            if kind is ast.GtE:
                return (lambda v: 1.0 if first(v) >= second(v) else 0.0), None
            if kind is ast.LtE:
                return (lambda v: 1.0 if first(v) <= second(v) else 0.0), None
            if kind is ast.Gt:
                return (lambda v: 1.0 if first(v) > second(v) else 0.0), None
            if kind is ast.Lt:
                return (lambda v: 1.0 if first(v) < second(v) else 0.0), None
            return (lambda v: 1.0 if op(first(v), second(v)) else 0.0), None

        def chain(v: list[float]) -> float:
            left = first(v)
            for op, fn in ops:
                right = fn(v)
                if not op(left, right):
                    return 0.0
                left = right
            return 1.0

        return chain, None

    def _constant(self, node: ast.AST) -> float | None:
        try:
            return _Compiler(self.names, self.known).visit(node)[1]
        except ExpressionError:
            return None

    def visit_IfExp(self, node: ast.IfExp) -> tuple[Fn, float | None]:
        test, tc = self.visit(node.test)
        body, bc = self.visit(node.body)
        orelse, oc = self.visit(node.orelse)
        if tc is not None:
            return (body, bc) if tc else (orelse, oc)
        if bc is not None and oc is not None:
            return (lambda v: bc if test(v) else oc), None
        if bc is not None:
            return (lambda v: bc if test(v) else orelse(v)), None
        if oc is not None:
            return (lambda v: body(v) if test(v) else oc), None
        return (lambda v: body(v) if test(v) else orelse(v)), None

    def visit_Call(self, node: ast.Call) -> tuple[Fn, float | None]:
        allowed = ", ".join(_FUNCTIONS)
        if not isinstance(node.func, ast.Name):
            # e.g. __import__('os').system(...): name what is called, not "this".
            called = ast.unparse(node.func)[:60]
            raise ExpressionError(f"cannot call {called!r}: only {allowed} can be called")
        if node.func.id not in _FUNCTIONS:
            raise ExpressionError(f"unknown function {node.func.id!r} (allowed: {allowed})")
        if node.keywords:
            raise ExpressionError("functions take no named arguments")
        name = node.func.id
        args = [self.visit(arg)[0] for arg in node.args]
        if name == "abs":
            if len(args) != 1:
                raise ExpressionError("abs() takes one value")
            (a,) = args
            return (lambda v: abs(a(v))), None
        if name == "clamp":
            if len(args) != 3:
                raise ExpressionError("clamp() takes three values: clamp(x, low, high)")
            x, low, high = args
            return (lambda v: min(max(x(v), low(v)), high(v))), None
        if len(args) < 2:
            raise ExpressionError(f"{name}() takes at least two values")
        if len(args) == 2:
            a, b = args
            if name == "min":
                return (lambda v: min(a(v), b(v))), None
            return (lambda v: max(a(v), b(v))), None
        pick = min if name == "min" else max
        return (lambda v: pick([arg(v) for arg in args])), None


def _binary(
    kind: type,
    op: Callable[[float, float], float],
    left: Fn,
    lc: float | None,
    li: int | None,
    right: Fn,
    rc: float | None,
    ri: int | None,
) -> Fn:
    """A closure for ``left <op> right`` specialised to the shapes of its operands
    (a number, a single value read, or anything else), so that evaluating the
    commonest formulas costs one or two calls instead of three."""
    if kind is ast.Add:
        if li is not None:
            if rc is not None:
                return lambda v: v[li] + rc
            if ri is not None:
                return lambda v: v[li] + v[ri]
            return lambda v: v[li] + right(v)
        if rc is not None:
            return lambda v: left(v) + rc
        if lc is not None:
            if ri is not None:
                return lambda v: lc + v[ri]
            return lambda v: lc + right(v)
        if ri is not None:
            return lambda v: left(v) + v[ri]
        return lambda v: left(v) + right(v)
    if kind is ast.Sub:
        if li is not None:
            if rc is not None:
                return lambda v: v[li] - rc
            if ri is not None:
                return lambda v: v[li] - v[ri]
            return lambda v: v[li] - right(v)
        if rc is not None:
            return lambda v: left(v) - rc
        if lc is not None:
            if ri is not None:
                return lambda v: lc - v[ri]
            return lambda v: lc - right(v)
        if ri is not None:
            return lambda v: left(v) - v[ri]
        return lambda v: left(v) - right(v)
    if kind is ast.Mult:
        if lc is not None:
            if ri is not None:
                return lambda v: lc * v[ri]
            return lambda v: lc * right(v)
        if rc is not None:
            if li is not None:
                return lambda v: v[li] * rc
            return lambda v: left(v) * rc
        if li is not None:
            if ri is not None:
                return lambda v: v[li] * v[ri]
            return lambda v: v[li] * right(v)
        if ri is not None:
            return lambda v: left(v) * v[ri]
        return lambda v: left(v) * right(v)
    if kind is ast.Div:
        if rc:
            inverse = 1.0 / rc
            if li is not None:
                return lambda v: v[li] * inverse
            return lambda v: left(v) * inverse
        if rc is not None:  # dividing by the number 0
            return lambda v: 0.0

        def divide(v: list[float]) -> float:
            d = right(v)
            return left(v) / d if d else 0.0

        return divide
    return lambda v: op(left(v), right(v))


def _describe(node: ast.AST) -> str:
    names = {
        "Attribute": "'.' (attributes)",
        "Subscript": "'[...]' (indexing)",
        "Lambda": "lambda",
        "List": "a list",
        "Tuple": "a tuple",
        "Dict": "a dictionary",
        "Set": "a set",
        "JoinedStr": "a text template",
        "NamedExpr": "':='",
        "Starred": "'*'",
        "ListComp": "a comprehension",
        "GeneratorExp": "a comprehension",
    }
    return names.get(type(node).__name__, type(node).__name__)


def compile_expression(source: str | float | int | bool, names: Mapping[str, int]) -> Expression:
    """Compile ``source`` into an :class:`Expression`.

    ``names`` maps every allowed name to its index in the value list the
    expression will be evaluated with. Raises :class:`ExpressionError` with a
    plain-words message on any problem.
    """
    if isinstance(source, int) and not isinstance(source, bool) and abs(source) >= _TOO_BIG:
        raise ExpressionError(f"a number with more than {MAX_DIGITS} digits")
    if isinstance(source, bool | int | float):
        number = float(source)

        def fixed(v: list[float], n: float = number) -> float:
            return n

        return Expression(str(source), fixed, frozenset(), number)
    if not isinstance(source, str):
        raise ExpressionError(f"expected a number or an expression in quotes, not {source!r}")
    text = source.strip()
    if not text:
        raise ExpressionError("the expression is empty")
    if len(text) > 2000:
        raise ExpressionError("the expression is too long (over 2000 characters)")
    try:
        tree = ast.parse(text.replace("\n", " "), mode="eval")
    except SyntaxError as exc:
        detail = exc.msg or "syntax error"
        raise ExpressionError(f"cannot read expression {text!r}: {detail}") from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError(f"cannot read expression {text!r}") from None
    compiler = _Compiler(names)
    try:
        fn, const = compiler.visit(tree)
    except RecursionError:
        raise ExpressionError(f"expression {text!r} is nested too deeply") from None
    return Expression(text, fn, frozenset(compiler.used), const, compiler.compares.get(fn))


def specialize(
    expression: Expression, names: Mapping[str, int], known: Mapping[str, float]
) -> tuple[Fn, float | None]:
    """``expression``'s closure, and its value if that is now fixed, for when the
    ``known`` names have these values.

    The engine knows some values before it evaluates a tactic's effects (its
    readiness), and most effects are written like
    ``6 if ready >= 1 else -4``: compiled for a known readiness they become a
    plain number. The closure returns exactly what ``expression.fn`` returns
    when the values list holds those values (the same operations on the same
    numbers, folded ahead of time), so results do not change by a single bit.
    """
    if expression.constant is not None or not (expression.names & known.keys()):
        return expression.fn, expression.constant
    tree = ast.parse(expression.source.replace("\n", " "), mode="eval")
    # First the plain compile, noting each node's constant: folding with known
    # names must repeat the plain closures' arithmetic (see visit_BinOp).
    plain: dict[int, float | None] = {}
    _Compiler(names, record=plain).visit(tree)
    return _Compiler(names, known, plain).visit(tree)
