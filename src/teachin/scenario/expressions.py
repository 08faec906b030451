"""Safe arithmetic expressions for scenario files.

Scenario files are untrusted input, so their conditions and effects are never
handed to ``eval``. An expression is parsed with :func:`ast.parse` (parsing only,
nothing runs), every node is checked against a short whitelist, and the checked
tree is rebuilt as the tree of one Python function over a list of numbers
(``v[3] * 0.25 - 2.0``, say), which Python compiles. The rebuilt tree holds
nothing of the file's but numbers (a name becomes the index it reads), so
nothing the file says can run. One call of that function evaluates the whole
expression, which is what lets the simulator play tens of thousands of rounds a
second (a tree of small closures costs a call per operator).

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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from teachin.limits import MAX_DIGITS

Fn = Callable[[list[float]], float]


class ExpressionError(ValueError):
    """An expression that cannot be parsed or uses something not allowed."""


@dataclass(frozen=True)
class Expression:
    """A compiled expression: ``source`` as written, ``fn(values) -> float``."""

    source: str
    names: frozenset[str]
    # The Python expression ``fn`` returns (over the value list ``v``), and one
    # that is true exactly when that value is not 0 (``v[3] >= 50.0`` for a
    # comparison, rather than ``1.0 if ... else 0.0``): the engine builds a
    # tactic's needs, or all of a round's effects, into one function from them.
    tree: ast.expr = field(compare=False, repr=False)
    test: ast.expr = field(compare=False, repr=False)
    constant: float | None = None
    # For the commonest condition, ``name <op> number``: (value index, op, number)
    # with op one of ">=", "<=", ">", "<".
    compare: tuple[int, str, float] | None = None

    @cached_property
    def fn(self) -> Fn:
        """The expression as a function of the value list. Compiled when first
        asked: the engine mostly uses ``tree`` and ``test``, built together."""
        return function_of(self.tree)

    @cached_property
    def specializing(self) -> dict[str, Any]:
        """What :func:`specialize` keeps between calls: the parsed source and
        its plain constants (by node), with the names they were made for."""
        return {}

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


class _Compiler:
    """Checks an expression's tree and builds the tree of a Python expression
    over the value list ``v`` that computes it, folding constants on the way.

    The built tree holds nothing from the file but numbers: every name becomes
    ``v[index]`` (or its number), every operator one of a fixed few, every call
    one of the allowed functions, so compiling it runs nothing of the file's.
    """

    def __init__(
        self,
        names: Mapping[str, int],
        known: Mapping[str, float] | None = None,
        plain: dict[int, float | None] | None = None,
        record: dict[int, float | None] | None = None,
    ) -> None:
        self.names = names
        self.used: set[str] = set()
        # Each true-or-false node (comparison, and, or, not) as a bare Python
        # test, by ``id(node)``: a condition tests it without making 1.0 or 0.0.
        self.tests: dict[int, ast.expr] = {}
        # Each ``name <op> number`` comparison as (index, op, number), by ``id(node)``.
        self.compares: dict[int, tuple[int, str, float]] = {}
        # Numbered names for the divisors of divisions by a computed value.
        self.divisors = 0
        # Names whose value is fixed (see :func:`specialize`), and for that case
        # each node's constant as the plain compile found it (by ``id(node)``),
        # so that folding computes exactly what the plain compile computes.
        self.known = known or {}
        self.plain = plain
        self.record = record

    # Each visit returns (tree, constant-or-None). Constants are folded so
    # that ``2 * 3 + x`` costs one addition at run time.
    def visit(self, node: ast.AST) -> tuple[ast.expr, float | None]:
        method: Callable[[ast.AST], tuple[ast.expr, float | None]] | None = getattr(
            self, "visit_" + type(node).__name__, None
        )
        if method is None:
            raise ExpressionError(f"{_describe(node)} is not allowed in an expression")
        result = method(node)
        if self.record is not None:
            self.record[id(node)] = result[1]
        return result

    def test(self, node: ast.AST, tree: ast.expr) -> ast.expr:
        """A Python test, true exactly when ``node`` (built as ``tree``) is not 0."""
        bare = self.tests.get(id(node))
        if bare is not None:
            return bare
        return located(ast.Compare(tree, [ast.NotEq()], [located(ast.Constant(0.0))]))

    def _same_as(self, node: ast.AST, other: ast.AST) -> None:
        """Note that ``node`` is built as ``other`` is (``+x``, or an ``if`` whose
        test is fixed)."""
        if id(other) in self.tests:
            self.tests[id(node)] = self.tests[id(other)]
        if id(other) in self.compares:
            self.compares[id(node)] = self.compares[id(other)]

    def _plain_constant(self, node: ast.AST) -> float | None:
        """The node's constant in the plain compile (without known names)."""
        if self.plain is None:
            return None
        return self.plain.get(id(node))

    def visit_Expression(self, node: ast.Expression) -> tuple[ast.expr, float | None]:
        return self.visit(node.body)

    def visit_Constant(self, node: ast.Constant) -> tuple[ast.expr, float | None]:
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _TOO_BIG:
            raise ExpressionError(f"a number with more than {MAX_DIGITS} digits")
        if isinstance(value, bool | int | float):
            return _fixed(float(value))
        raise ExpressionError(f"only numbers are allowed, not {value!r}")

    def visit_Name(self, node: ast.Name) -> tuple[ast.expr, float | None]:
        if node.id in _CONSTANT_NAMES:
            return _fixed(_CONSTANT_NAMES[node.id])
        if node.id not in self.names:
            raise ExpressionError(f"unknown name {node.id!r}")
        self.used.add(node.id)
        if node.id in self.known:
            return _fixed(self.known[node.id])
        return _read(self.names[node.id]), None

    def visit_UnaryOp(self, node: ast.UnaryOp) -> tuple[ast.expr, float | None]:
        tree, const = self.visit(node.operand)
        if isinstance(node.op, ast.USub):
            if const is not None:
                return _fixed(-const)
            return located(ast.UnaryOp(ast.USub(), tree)), None
        if isinstance(node.op, ast.UAdd):
            self._same_as(node, node.operand)
            return tree, const
        if isinstance(node.op, ast.Not):
            if const is not None:
                return _fixed(0.0 if const else 1.0)
            test = located(ast.UnaryOp(ast.Not(), self.test(node.operand, tree)))
            self.tests[id(node)] = test
            return _flag(test), None
        raise ExpressionError("'~' is not allowed in an expression")

    def visit_BinOp(self, node: ast.BinOp) -> tuple[ast.expr, float | None]:
        op = _BINOPS.get(type(node.op))
        if op is None:
            symbol = _SYMBOLS.get(type(node.op), type(node.op).__name__)
            raise ExpressionError(f"the operator {symbol!r} is not allowed")
        left, lc = self.visit(node.left)
        right, rc = self.visit(node.right)
        kind = type(node.op)
        if lc is not None and rc is not None:
            number = float(op(lc, rc))
            if (
                kind is ast.Div
                and rc
                and self.known
                and self._plain_constant(node.right) is not None
                and self._plain_constant(node.left) is None
            ):
                # The plain compile multiplies by the inverse (below); fold
                # the same way so the value is the same to the last bit.
                number = float(lc * (1.0 / rc))
            return _fixed(number)
        if kind is ast.Div:
            return self._divide(node, left, right, rc), None
        if kind is ast.FloorDiv or kind is ast.Mod:
            helper = "_floordiv" if kind is ast.FloorDiv else "_mod"
            return located(ast.Call(located(ast.Name(helper, ast.Load())), [left, right], [])), None
        return located(ast.BinOp(left, node.op.__class__(), right)), None

    def _divide(
        self, node: ast.BinOp, left: ast.expr, right: ast.expr, rc: float | None
    ) -> ast.expr:
        """``left / right``, where dividing by 0 gives 0."""
        if rc is not None and not rc:
            return located(ast.Constant(0.0))
        if rc is not None and self.known and self._plain_constant(node.right) is None:
            # A divisor fixed only by a known name: the plain compile divides.
            return located(ast.BinOp(left, ast.Div(), located(ast.Constant(rc))))
        if rc is not None:
            # By a number: multiply by its inverse (one multiplication, and
            # what every compile of this expression has always computed).
            return located(ast.BinOp(left, ast.Mult(), located(ast.Constant(1.0 / rc))))
        # By a computed value: ``left / d if (d := right) else 0.0``.
        name = f"_d{self.divisors}"
        self.divisors += 1
        divisor = located(ast.NamedExpr(located(ast.Name(name, ast.Store())), right))
        quotient = located(ast.BinOp(left, ast.Div(), located(ast.Name(name, ast.Load()))))
        return located(ast.IfExp(divisor, quotient, located(ast.Constant(0.0))))

    def visit_BoolOp(self, node: ast.BoolOp) -> tuple[ast.expr, float | None]:
        visited = [self.visit(value) for value in node.values]
        is_and = isinstance(node.op, ast.And)
        if self.known and all(const is not None for _, const in visited):
            test_all = all if is_and else any
            return _fixed(1.0 if test_all(const for _, const in visited) else 0.0)
        parts = [self.test(value, tree) for value, (tree, _) in zip(node.values, visited)]  # noqa: B905
        test = located(ast.BoolOp(ast.And() if is_and else ast.Or(), parts))
        self.tests[id(node)] = test
        return _flag(test), None

    def visit_Compare(self, node: ast.Compare) -> tuple[ast.expr, float | None]:
        first, first_const = self.visit(node.left)
        ops = []
        constants = [first_const]
        trees = []
        for op_node, comparator in zip(node.ops, node.comparators, strict=True):
            op = _COMPARES.get(type(op_node))
            if op is None:
                raise ExpressionError(f"the comparison {type(op_node).__name__!r} is not allowed")
            tree, const = self.visit(comparator)
            ops.append(op)
            trees.append(tree)
            constants.append(const)
        fixed = [const for const in constants if const is not None]
        if self.known and len(fixed) == len(constants):
            # Every side fixed by known names and numbers: the answer is fixed too.
            number = 1.0
            for op, left, right in zip(ops, fixed, fixed[1:]):  # noqa: B905
                if not op(left, right):
                    number = 0.0
                    break
            return _fixed(number)
        if len(ops) == 1:
            kind = type(node.ops[0])
            right_const = self._constant(node.comparators[0])
            if (
                isinstance(node.left, ast.Name)
                and node.left.id in self.names
                and node.left.id not in self.known
                and right_const is not None
                and kind in _COMPARE_SYMBOLS
            ):
                # name <op> number: the commonest condition.
                i = self.names[node.left.id]
                self.compares[id(node)] = (i, _COMPARE_SYMBOLS[kind], right_const)
                first = _read(i)
                trees = [located(ast.Constant(right_const))]
        test = located(ast.Compare(first, [op.__class__() for op in node.ops], trees))
        self.tests[id(node)] = test
        return _flag(test), None

    def _constant(self, node: ast.AST) -> float | None:
        try:
            return _Compiler(self.names, self.known).visit(node)[1]
        except ExpressionError:
            return None

    def visit_IfExp(self, node: ast.IfExp) -> tuple[ast.expr, float | None]:
        test, tc = self.visit(node.test)
        body, bc = self.visit(node.body)
        orelse, oc = self.visit(node.orelse)
        if tc is not None:
            self._same_as(node, node.body if tc else node.orelse)
            return (body, bc) if tc else (orelse, oc)
        return located(ast.IfExp(self.test(node.test, test), body, orelse)), None

    def visit_Call(self, node: ast.Call) -> tuple[ast.expr, float | None]:
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
            return _call("abs", args), None
        if name == "clamp":
            if len(args) != 3:
                raise ExpressionError("clamp() takes three values: clamp(x, low, high)")
            x, low, high = args
            return _call("min", [_call("max", [x, low]), high]), None
        if len(args) < 2:
            raise ExpressionError(f"{name}() takes at least two values")
        return _call(name, args), None


def _fixed(number: float) -> tuple[ast.expr, float]:
    """A node's tree and constant when its value is the number ``number``."""
    return located(ast.Constant(number)), number


def _read(index: int) -> ast.expr:
    """``v[index]``."""
    return located(
        ast.Subscript(located(ast.Name("v", ast.Load())), located(ast.Constant(index)), ast.Load())
    )


def _flag(test: ast.expr) -> ast.expr:
    """``1.0 if test else 0.0``: a comparison's value is a number."""
    return located(ast.IfExp(test, located(ast.Constant(1.0)), located(ast.Constant(0.0))))


def _call(function: str, args: list[ast.expr]) -> ast.expr:
    return located(ast.Call(located(ast.Name(function, ast.Load())), args, []))


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
        tree = located(ast.Constant(number))
        return Expression(str(source), frozenset(), tree, tree, number)
    if not isinstance(source, str):
        raise ExpressionError(f"expected a number or an expression in quotes, not {source!r}")
    text = source.strip()
    if not text:
        raise ExpressionError("the expression is empty")
    if len(text) > 2000:
        raise ExpressionError("the expression is too long (over 2000 characters)")
    try:
        parsed = ast.parse(text.replace("\n", " "), mode="eval")
    except SyntaxError as exc:
        detail = exc.msg or "syntax error"
        raise ExpressionError(f"cannot read expression {text!r}: {detail}") from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError(f"cannot read expression {text!r}") from None
    compiler = _Compiler(names)
    try:
        expression = _compiled(text, parsed.body, compiler)
    except RecursionError:
        raise ExpressionError(f"expression {text!r} is nested too deeply") from None
    return expression


def _compiled(source: str, root: ast.expr, compiler: _Compiler) -> Expression:
    """The expression ``source`` (parsed as ``root``) built by ``compiler``."""
    tree, constant = compiler.visit(root)
    test = compiler.test(root, tree)
    return Expression(
        source,
        frozenset(compiler.used),
        tree,
        test,
        constant,
        compiler.compares.get(id(root)),
    )


def specialize(
    expression: Expression, names: Mapping[str, int], known: Mapping[str, float]
) -> Expression:
    """``expression`` as it is when the ``known`` names have these values (its
    ``constant`` set when its value is then fixed).

    The engine knows some values before it evaluates a tactic's effects (its
    readiness), and most effects are written like
    ``6 if ready >= 1 else -4``: compiled for a known readiness they become a
    plain number. The result computes exactly what ``expression.fn`` returns
    when the values list holds those values (the same operations on the same
    numbers, folded ahead of time), so results do not change by a single bit.
    """
    if expression.constant is not None or not (expression.names & known.keys()):
        return expression
    # First the plain compile, noting each node's constant: folding with known
    # names must repeat the plain compile's arithmetic (see visit_BinOp). Done
    # once for an expression (the engine specializes one for each readiness).
    memo = expression.specializing
    if memo.get("names") is not names:
        root = ast.parse(expression.source.replace("\n", " "), mode="eval").body
        plain: dict[int, float | None] = {}
        _Compiler(names, record=plain).visit(root)
        memo.update(names=names, root=root, plain=plain)
    return _compiled(expression.source, memo["root"], _Compiler(names, known, memo["plain"]))


# What a built function may call: the allowed functions and the two helpers
# for ``//`` and ``%`` (by 0 gives 0), and nothing else, not even a builtin.
_NAMESPACE: dict[str, Any] = {
    "__builtins__": {},
    "min": min,
    "max": max,
    "abs": abs,
    "_floordiv": _floordiv,
    "_mod": _mod,
}


_Node = TypeVar("_Node", bound=ast.AST)


def located(node: _Node) -> _Node:
    """``node``, placed at line 1: Python compiles only nodes with a place,
    and setting it as each node is made costs less than a walk over the tree."""
    node.lineno = node.end_lineno = 1  # type: ignore[attr-defined]
    node.col_offset = node.end_col_offset = 0  # type: ignore[attr-defined]
    return node


def function_of(tree: ast.expr) -> Fn:
    """``lambda v: <tree>``, compiled."""
    return cast(Fn, build_function([located(ast.Return(tree))]))


# What a built function may be made of: arithmetic, comparisons and choices on
# numbers, reads and writes of its own parameters and local names, and calls of
# the few functions in _NAMESPACE (or a parameter, such as the run's random
# draw). No attribute, no string, no import, no loop: whatever a scenario file
# says, the code compiled from it can only compute numbers.
_BUILT_NODES = (
    ast.Module, ast.FunctionDef, ast.arguments, ast.arg, ast.Return, ast.Assign,
    ast.AugAssign, ast.NamedExpr, ast.If, ast.Name, ast.Load, ast.Store, ast.Constant,
    ast.Subscript,
    ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Call,
    ast.operator, ast.unaryop, ast.boolop, ast.cmpop,
)  # fmt: skip


class UnsafeBuildError(RuntimeError):
    """A function about to be built holds something other than arithmetic: a bug
    in teachin, never something a scenario file can cause."""


def check_built(module: ast.Module, parameters: tuple[str, ...]) -> None:
    """UnsafeBuildError unless ``module`` is made only of :data:`_BUILT_NODES`,
    with numbers as its only constants and calls only of the allowed functions."""
    nodes = list(ast.walk(module))
    stored = {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    callable_names = {name for name in _NAMESPACE if name != "__builtins__"} | set(parameters)
    readable = stored | callable_names
    for node in nodes:
        if not isinstance(node, _BUILT_NODES):
            raise UnsafeBuildError(f"built function holds {type(node).__name__}")
        if isinstance(node, ast.Constant) and type(node.value) not in (int, float, bool):
            raise UnsafeBuildError(f"built function holds the constant {node.value!r}")
        if (
            isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Load)
            and node.id not in readable
        ):
            raise UnsafeBuildError(f"built function reads the name {node.id!r}")
        if isinstance(node, ast.Call) and not (
            isinstance(node.func, ast.Name) and node.func.id in callable_names and not node.keywords
        ):
            raise UnsafeBuildError("built function calls something not allowed")
        if isinstance(node, ast.FunctionDef) and (node is not module.body[0]):
            raise UnsafeBuildError("built function defines another function")


def build_function(
    body: list[ast.stmt], parameters: tuple[str, ...] = ("v",)
) -> Callable[..., Any]:
    """A function of the value list ``v`` (and any other ``parameters``) with
    this body, compiled.

    ``body`` must be built of the trees :class:`_Compiler` makes (and
    statements that assign them to local names or to ``v[index]``): numbers,
    reads of ``v`` and the allowed functions, nothing taken from a file as text.
    """
    arguments = ast.arguments(
        posonlyargs=[],
        args=[located(ast.arg(name)) for name in parameters],
        kwonlyargs=[],
        kw_defaults=[],
        defaults=[],
    )
    definition = located(ast.FunctionDef("built", arguments, body, [], None, None))
    module = ast.Module([definition], [])
    check_built(module, parameters)
    namespace = dict(_NAMESPACE)
    # Safe: check_built has just refused anything but arithmetic on numbers, the
    # tree holds no text of the file, and the namespace has no builtins.
    exec(compile(module, "<scenario>", "exec"), namespace)  # noqa: S102
    return cast(Callable[..., Any], namespace["built"])
