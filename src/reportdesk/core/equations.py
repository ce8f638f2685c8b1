"""Equation rules used beyond checking: the balance strip's sides, and the carry-over from last year.

Which rules these are is data (``roles`` in the form: ``balance_strip``, ``carry_over``); this module
only evaluates them, so the strip under a table and the carry into a new report follow the form file
and never restate its sums or cells.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from reportdesk.core.expressions import Env, NotApplicable, Ref, sum_terms
from reportdesk.core.form import Expr, FormDef, RuleDef, RuleRole
from reportdesk.core.numbers import Value

log = logging.getLogger(__name__)


def side_name(form: FormDef, rule: RuleDef, side: str) -> str:
    """How a side of *rule* reads: "一 + 二" (the short labels of its rows, or of its columns when the
    rule names its terms by column); the side's own name when the form gives one."""
    expr = _side(rule, side)
    named = rule.left_name if side == "left" else rule.right_name
    if named:
        return named
    names: list[str] = []
    for term in sum_terms(expr.node):
        if not isinstance(term, Ref) or term.name not in form.cells:
            return expr.text
        cell = form.cells[term.name]
        table = form.tables[cell.table]
        names.append(table.column(cell.column).label if rule.terms_by == "column"
                     else table.row(cell.row).short_label)
    return " + ".join(names)


def instance_name(form: FormDef, rule: RuleDef) -> str:
    """What one instance of a "for each" rule is about: the column (or row) all its cells share."""
    cells = [form.cells[c] for c in rule.cells if c in form.cells]
    if cells and len({(c.table, c.column) for c in cells}) == 1:
        return form.tables[cells[0].table].column(cells[0].column).label
    if cells and len({(c.table, c.row) for c in cells}) == 1:
        return form.tables[cells[0].table].row(cells[0].row).short_label
    return rule.subject


def side_value(rule: RuleDef, side: str, cells: Mapping[str, Value],
               previous: Mapping[str, Value] | None = None) -> Value:
    """The value of a side on *cells*; None when every cell it involves is blank (nothing to show)."""
    expr = _side(rule, side)
    refs = [r for r in expr.refs if not r.startswith("context.")]
    if refs and all((previous or {}).get(r[5:]) is None if r.startswith("prev.") else cells.get(r) is None
                    for r in refs):
        return None
    try:
        result = expr.fn(Env(cells, {}, previous))
    except NotApplicable:
        return None
    return None if isinstance(result, bool) else result


def side_cells(rule: RuleDef, side: str) -> list[str]:
    """The cells a side of *rule* involves, in order ("一 + 二": the two cells of that column)."""
    return [r for r in _side(rule, side).refs if not r.startswith(("context.", "prev."))]


def _side(rule: RuleDef, side: str) -> Expr:
    expr = rule.left if side == "left" else rule.right
    if expr is None:
        raise ValueError(f"rule {rule.id} has no {side} side")
    return expr


def carry_pairs(form: FormDef) -> list[tuple[str, str]]:
    """(this year's cell, last year's cell) of every carry-over rule instance of *form*."""
    pairs: list[tuple[str, str]] = []
    for rule in form.rules_with_role(RuleRole.CARRY_OVER):
        assert rule.left is not None and rule.right is not None  # checked by the loader
        assert isinstance(rule.left.node, Ref) and isinstance(rule.right.node, Ref)
        pairs.append((rule.left.node.name, rule.right.node.name[len("prev."):]))
    return pairs


def carry_edits(form: FormDef, cells: Mapping[str, Value], previous: Mapping[str, Value]) -> dict[str, Value]:
    """The blank input cells of this year's report that last year's figures fill (上年结转 ← 结转下年度)."""
    edits: dict[str, Value] = {}
    for here, there in carry_pairs(form):
        cell = form.cells.get(here)
        if cell is not None and cell.input and cells.get(here) is None and previous.get(there) is not None:
            edits[here] = previous[there]
    return edits
