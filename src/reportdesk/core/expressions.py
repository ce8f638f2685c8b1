"""A small, safe expression language for the form definition.

Form files state derived cells and consistency rules as expressions such as
``requests.received.natural + requests.carried_over.natural``.  They are parsed here
into a tree and compiled to Python closures; nothing in a form file is ever passed to
``eval``, so a form file cannot run code.

Grammar (lowest precedence first)::

    expr       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | atom
    atom       := NUMBER | NAME | FUNC "(" [expr ("," expr)*] ")" | "(" expr ")"

A NAME is a dotted identifier.  ``context.x`` names a fact about the report (its year,
whether the body may make 规章 …); ``prev.<cell id>`` names a cell of last year's report;
any other name is a cell id.  A blank cell counts as 0.  A missing context fact or a
missing previous report makes the whole expression *not applicable*.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import record

log = logging.getLogger(__name__)

Number = int | Decimal


class ExpressionError(ValueError):
    """The text of an expression is not valid; ``position`` is a 0-based offset."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message}（第 {position + 1} 个字符）")
        self.position = position


class NotApplicable(Exception):
    """Raised while evaluating when a context fact or last year's report is unknown."""


@record
class Env:
    """What an expression is evaluated against."""

    cells: Mapping[str, Number | None]
    context: Mapping[str, Number | None]
    previous: Mapping[str, Number | None] | None = None


# --- syntax tree -------------------------------------------------------------------------


@record
class Num:
    value: Number


@record
class Ref:
    name: str  # a cell id, "context.<fact>" or "prev.<cell id>"


@record
class Unary:
    op: str
    operand: Node


@record
class Binary:
    op: str
    left: Node
    right: Node


@record
class Call:
    func: str
    args: tuple[Node, ...]


Node = Num | Ref | Unary | Binary | Call

_TOKEN = compile_pattern(
    r"""\s*(?:
        (?P<num>\d+(?:\.\d+)?)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
      | (?P<op>==|!=|<=|>=|[-+*/<>(),])
      | (?P<bad>\S)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not"}
_FUNCTIONS = {"sum", "abs", "min", "max", "blank"}
_COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    """The tokens of *text* (kind, text, position), ending with ("end", "", len(text)).

    One scan in C (``finditer``): every character is either whitespace or the start of a token,
    and anything else is a ``bad`` token, reported with its position.
    """
    tokens: list[tuple[str, str, int]] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        assert kind is not None  # one of the four groups always matches
        value = m.group(kind)
        start = m.start(kind)
        if kind == "bad":
            raise ExpressionError(f"无法识别的字符“{value}”", start)
        if kind == "name" and value in _KEYWORDS:
            kind = "op"
        tokens.append((kind, value, start))
    tokens.append(("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value: str) -> None:
        kind, got, pos = self.take()
        if got != value or kind != "op":
            raise ExpressionError(f"此处应为“{value}”，却是“{got or '结尾'}”", pos)

    def parse(self) -> Node:
        node = self.or_()
        kind, value, pos = self.peek()
        if kind != "end":
            raise ExpressionError(f"多余的“{value}”", pos)
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.peek()[1] == "or":
            self.take()
            node = Binary("or", node, self.and_())
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.peek()[1] == "and":
            self.take()
            node = Binary("and", node, self.not_())
        return node

    def not_(self) -> Node:
        if self.peek()[1] == "not":
            self.take()
            return Unary("not", self.not_())
        return self.comparison()

    def comparison(self) -> Node:
        node = self.sum_()
        if self.peek()[0] == "op" and self.peek()[1] in _COMPARISONS:
            op = self.take()[1]
            node = Binary(op, node, self.sum_())
            if self.peek()[1] in _COMPARISONS:
                raise ExpressionError("比较不能连写，请用 and 连接", self.peek()[2])
        return node

    def sum_(self) -> Node:
        node = self.product()
        while self.peek()[0] == "op" and self.peek()[1] in "+-":
            op = self.take()[1]
            node = Binary(op, node, self.product())
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in "*/":
            op = self.take()[1]
            node = Binary(op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.peek()[1] == "-":
            self.take()
            return Unary("-", self.unary())
        return self.atom()

    def atom(self) -> Node:
        kind, value, pos = self.take()
        if kind == "num":
            return Num(Decimal(value) if "." in value else int(value))
        if kind == "name":
            if self.peek()[1] == "(":
                if value not in _FUNCTIONS:
                    raise ExpressionError(f"未知函数“{value}”", pos)
                self.take()
                args: list[Node] = []
                if self.peek()[1] != ")":
                    args.append(self.or_())
                    while self.peek()[1] == ",":
                        self.take()
                        args.append(self.or_())
                self.expect(")")
                if value == "blank" and (len(args) != 1 or not isinstance(args[0], Ref)):
                    raise ExpressionError("blank() 只接受一个单元格", pos)
                if value == "abs" and len(args) != 1:
                    raise ExpressionError("abs() 只接受一个参数", pos)
                if not args:
                    raise ExpressionError(f"{value}() 至少需要一个参数", pos)
                return Call(value, tuple(args))
            return Ref(value)
        if kind == "op" and value == "(":
            node = self.or_()
            self.expect(")")
            return node
        raise ExpressionError(f"此处应为数字、单元格或括号，却是“{value or '结尾'}”", pos)


def parse(text: str) -> Node:
    """Parse *text* into a syntax tree, or raise :class:`ExpressionError`."""
    return _Parser(text).parse()


def references(node: Node) -> list[str]:
    """Every name the expression refers to, in order of appearance, without repeats."""
    seen: dict[str, None] = {}

    def walk(n: Node) -> None:
        if isinstance(n, Ref):
            seen.setdefault(n.name, None)
        elif isinstance(n, Unary):
            walk(n.operand)
        elif isinstance(n, Binary):
            walk(n.left)
            walk(n.right)
        elif isinstance(n, Call):
            for a in n.args:
                walk(a)

    walk(node)
    return list(seen)


def sum_terms(node: Node) -> list[Node]:
    """The terms of a chain of additions (``a + b + c`` → ``[a, b, c]``)."""
    if isinstance(node, Binary) and node.op == "+":
        return sum_terms(node.left) + sum_terms(node.right)
    if isinstance(node, Call) and node.func == "sum":
        return [t for a in node.args for t in sum_terms(a)]
    return [node]


# --- compilation ------------------------------------------------------------------------

Compiled = Callable[[Env], Number | bool]


def _ref(name: str) -> Compiled:
    if name.startswith("context."):
        key = name[len("context.") :]

        def get_context(env: Env) -> Number | bool:
            value = env.context.get(key)
            if value is None:
                raise NotApplicable(name)
            return value

        return get_context
    if name.startswith("prev."):
        key = name[len("prev.") :]

        def get_previous(env: Env) -> Number | bool:
            if env.previous is None:
                raise NotApplicable(name)
            return env.previous.get(key) or 0

        return get_previous

    def get_cell(env: Env) -> Number | bool:
        return env.cells.get(name) or 0

    return get_cell


def _divide(a: Number | bool, b: Number | bool) -> Number:
    if b == 0:
        raise NotApplicable("division by zero")
    return Decimal(a) / Decimal(b)


_BINARY: dict[str, Callable[[Number | bool, Number | bool], Number | bool]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": _divide,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _is_cell(node: Node) -> bool:
    return isinstance(node, Ref) and not node.name.startswith(("context.", "prev."))


def _sum_cells(cells: Mapping[str, Number | None], names: tuple[str, ...]) -> Number | bool:
    """``sum`` of cells of this year's report, as the general ``sum`` adds them (in order, from 0)."""
    total: Number | bool = 0
    for name in names:
        total = total + (cells.get(name) or 0)
    return total


def compile_node(node: Node) -> Compiled:
    """Turn a syntax tree into a closure ``f(env) -> value``."""
    if isinstance(node, Num):
        value = node.value
        return lambda env: value
    if isinstance(node, Ref):
        return _ref(node.name)
    if isinstance(node, Unary):
        inner = compile_node(node.operand)
        if node.op == "-":
            return lambda env: -inner(env)
        return lambda env: not inner(env)
    if isinstance(node, Binary):
        left, right = compile_node(node.left), compile_node(node.right)
        if node.op == "and":
            return lambda env: bool(left(env)) and bool(right(env))
        if node.op == "or":
            return lambda env: bool(left(env)) or bool(right(env))
        fn = _BINARY[node.op]
        return lambda env: fn(left(env), right(env))
    if isinstance(node, Call):
        if node.func == "blank":
            ref = node.args[0]
            assert isinstance(ref, Ref)
            name = ref.name
            return lambda env: env.cells.get(name) is None
        if node.func == "sum" and all(_is_cell(a) for a in node.args):
            names = tuple(a.name for a in node.args if isinstance(a, Ref))
            return lambda env: _sum_cells(env.cells, names)
        args = [compile_node(a) for a in node.args]
        if node.func == "sum":
            return lambda env: sum(a(env) for a in args)
        if node.func == "abs":
            only = args[0]
            return lambda env: abs(only(env))  # type: ignore[return-value]
        if node.func == "min":
            return lambda env: min(a(env) for a in args)
        return lambda env: max(a(env) for a in args)
    raise TypeError(f"not an expression node: {node!r}")


def compile_expression(text: str) -> tuple[Node, Compiled]:
    node = parse(text)
    return node, compile_node(node)
