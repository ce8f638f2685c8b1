from __future__ import annotations

from decimal import Decimal

import pytest

from reportdesk.core.expressions import (
    Env,
    ExpressionError,
    NotApplicable,
    compile_expression,
    references,
    sum_terms,
)


def run(text: str, cells: dict | None = None, context: dict | None = None, previous: dict | None = None):
    _, fn = compile_expression(text)
    return fn(Env(cells or {}, context or {}, previous))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),
        ("-2 + 5", 3),
        ("a.b.c + 1", 6),
        ("a.b.c == 5 and not (1 > 2)", True),
        ("blank(x.y.z) or 0", True),
        ("sum(1, 2, 3)", 6),
        ("abs(1 - 4)", 3),
        ("min(4, 2) + max(4, 2)", 6),
        ("1.5 + 1", Decimal("2.5")),
        ("7 / 2", Decimal("3.5")),
    ],
)
def test_evaluates(text: str, expected: object) -> None:
    assert run(text, {"a.b.c": 5}) == expected


def test_blank_cells_count_as_zero() -> None:
    assert run("t.r.a + t.r.b", {"t.r.a": 3, "t.r.b": None}) == 3


def test_unknown_context_or_previous_makes_the_expression_not_applicable() -> None:
    with pytest.raises(NotApplicable):
        run("context.rulemaking_power == 0")
    with pytest.raises(NotApplicable):
        run("prev.t.r.c + 1")
    assert run("prev.t.r.c + 1", previous={"t.r.c": 2}) == 3
    assert run("context.year", context={"year": 2023}) == 2023


@pytest.mark.parametrize(
    "text",
    ["1 +", "(1 + 2", "1 2", "__import__('os')", "a.b.c = 1", "open(x)", "1 < 2 < 3", "a;b", "blank(1)", "abs()"],
)
def test_rejects_anything_outside_the_grammar(text: str) -> None:
    with pytest.raises(ExpressionError) as info:
        compile_expression(text)
    assert "第" in str(info.value)  # says where


def test_references_and_terms() -> None:
    node, _ = compile_expression("a.x + b.y + sum(c.z, a.x)")
    assert references(node) == ["a.x", "b.y", "c.z"]
    assert len(sum_terms(node)) == 4
