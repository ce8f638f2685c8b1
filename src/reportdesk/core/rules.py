"""The rule engine: a pure function from (form, report, context) to findings.

No clock, no I/O: the same report always gives the same findings.  A draft is checked
with its totals derived from their parts; a report read from a file is checked on its
totals as stated, which is what a reviewer needs to see.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable, Mapping

from reportdesk.core.context import Context
from reportdesk.core.expressions import Env, NotApplicable, Num, Ref, compile_expression, sum_terms
from reportdesk.core.findings import Finding, sort_findings
from reportdesk.core.form import Expr, FormDef, RowDef, RuleDef, RuleKind, TableDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.core.report import Report, Totals, effective_cells

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{(=?)([^{}]+)\}")
_SHORT_TEXT = 40  # shorter texts are never called "copied"
_NAMED_ROWS = 3  # wholly blank rows named in one finding; its cells name them all


def evaluate(form: FormDef, report: Report, context: Context | None = None) -> list[Finding]:
    """Every finding of every rule of *form* on *report*, errors first."""
    context = context or Context()
    cells = effective_cells(form, report)
    env = Env(cells, context.facts, context.previous_cells)
    invalid = report.invalid
    findings: list[Finding] = []
    for rule in form.rules:
        if rule.uses_previous and context.previous is None:
            continue
        if invalid and any(c in invalid for c in rule.cells):
            continue  # the invalid value is reported by rule non_negative_integer
        check = _CHECKS[rule.kind]
        try:
            findings.extend(check(form, rule, report, cells, env, context))
        except NotApplicable:
            continue
    return sort_findings(findings)


# --- one function per rule kind ------------------------------------------------------

Check = Callable[[FormDef, RuleDef, Report, Mapping[str, Value], Env, Context], list[Finding]]


def _section_of(form: FormDef, cells: tuple[str, ...]) -> str | None:
    return form.section_of_cell(cells[0]).id if cells else None


def _equation(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, context: Context
) -> list[Finding]:
    assert rule.left is not None and rule.right is not None
    left, right = rule.left.fn(env), rule.right.fn(env)
    if _compare(rule.op, left, right):
        return []
    left_text = _side(form, rule, rule.left, rule.left_name, left, env)
    right_text = _side(form, rule, rule.right, rule.right_name, right, env)
    message = f"{rule.subject}：{left_text}，{right_text}"
    if rule.op == "==":
        message += f"，相差 {_fmt(abs(left - right))}"
    return [
        Finding(rule.id, rule.severity, message, rule.cells, rule.advice, _section_of(form, rule.cells))
    ]


def _compare(op: str, left: Value | bool, right: Value | bool) -> bool:
    return {
        "==": left == right,
        "!=": left != right,
        "<": left < right,  # type: ignore[operator]
        "<=": left <= right,  # type: ignore[operator]
        ">": left > right,  # type: ignore[operator]
        ">=": left >= right,  # type: ignore[operator]
    }[op]


def _side(form: FormDef, rule: RuleDef, expr: Expr, name: str, total: object, env: Env) -> str:
    """"一 + 二 = 4 + 0 = 4", or "name = 4" for a named side."""
    if name:
        return f"{name} = {_fmt(total)}"
    terms = sum_terms(expr.node)
    if not all(isinstance(t, Ref | Num) for t in terms):
        return f"{expr.text} = {_fmt(total)}"
    labels = [_term_label(form, rule, t) for t in terms]
    values = [_term_value(t, env) for t in terms]
    if len(terms) == 1:
        return f"{labels[0]} = {values[0]}"
    return f"{' + '.join(labels)} = {' + '.join(values)} = {_fmt(total)}"


def _term_label(form: FormDef, rule: RuleDef, term: object) -> str:
    if isinstance(term, Num):
        return format_value(term.value)
    assert isinstance(term, Ref)
    name = term.name
    prefix = ""
    if name.startswith("prev."):
        name, prefix = name[len("prev.") :], "上年"
    cell = form.cells.get(name)
    if cell is None:
        return term.name
    table = form.tables[cell.table]
    if rule.terms_by == "row":
        return prefix + table.row(cell.row).short_label
    if rule.terms_by == "column":
        return prefix + table.column(cell.column).label
    return prefix + cell.label


def _term_value(term: object, env: Env) -> str:
    if isinstance(term, Num):
        return format_value(term.value)
    assert isinstance(term, Ref)
    if term.name.startswith("prev."):
        return _fmt((env.previous or {}).get(term.name[len("prev.") :]) or 0)
    return _fmt(env.cells.get(term.name) or 0)


def _fmt(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return format_value(value)  # type: ignore[arg-type]


def _check(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, context: Context
) -> list[Finding]:
    assert rule.assertion is not None
    if rule.when is not None and not rule.when.fn(env):
        return []
    if rule.assertion.fn(env):
        return []
    message = fill_message(rule.message, env)
    return [Finding(rule.id, rule.severity, message, rule.cells, rule.advice, _section_of(form, rule.cells))]


def fill_message(template: str, env: Env) -> str:
    """Put values into a message: ``{cell id}``, ``{prev.cell id}`` or ``{=expression}``."""
    def repl(m: re.Match[str]) -> str:
        is_expr, body = m.group(1), m.group(2)
        if is_expr:
            return _fmt(compile_expression(body)[1](env))
        previous = body.startswith("prev.")
        value = (env.previous or {}).get(body[len("prev.") :]) if previous else env.cells.get(body)
        return "空白" if value is None else _fmt(value)

    return _PLACEHOLDER.sub(repl, template)


def _valid(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, context: Context
) -> list[Finding]:
    return [
        Finding(
            rule.id,
            rule.severity,
            f"{form.cells[cell_id].label}：{bad.message}" if cell_id in form.cells else bad.message,
            (cell_id,),
            rule.advice,
            _section_of(form, (cell_id,)) if cell_id in form.cells else None,
        )
        for cell_id, bad in report.invalid.items()
    ]


def _blank(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, context: Context
) -> list[Finding]:
    """One finding per table row with blank cells (a whole empty table is one finding).

    A total counts only in a report read from a file, and only when it would not be blank if
    computed from its parts: a blank total of blank parts says nothing more than its parts, so
    that a draft and its export read back give the same finding.
    """
    from reportdesk.core.report import derive

    stated = report.totals is Totals.STATED
    computed = derive(form, cells) if stated else {}

    def counts(cid: str) -> bool:
        if not form.cells[cid].derived:
            return True
        return stated and computed.get(cid) is not None

    findings: list[Finding] = []
    for table in form.tables.values():
        per_row: list[tuple[str, list[str]]] = []
        for row in table.rows:
            blank = [
                f"{table.id}.{row.id}.{c}"
                for c in row.columns
                if cells.get(f"{table.id}.{row.id}.{c}") is None
                and f"{table.id}.{row.id}.{c}" not in report.invalid
                and counts(f"{table.id}.{row.id}.{c}")
            ]
            if blank:
                per_row.append((row.id, blank))
        if not per_row:
            continue
        section = form.section_of_cell(per_row[0][1][0]).id
        total_cells = sum(1 for cid in table.cell_ids() if not form.cells[cid].derived)
        blank_count = sum(len(b) for _, b in per_row)
        if blank_count == total_cells:
            findings.append(
                Finding(
                    rule.id,
                    rule.severity,
                    f"{table.title}表全部空白（{blank_count} 个单元格）。",
                    tuple(c for _, b in per_row for c in b),
                    rule.advice,
                    section,
                )
            )
            continue
        whole_rows = [(r, b) for r, b in per_row if len(b) > 1 and len(b) == _checked_count(form, table, r)]
        if len(whole_rows) > 1:
            names = "、".join(_row_name(table.row(r)) for r, _ in whole_rows[:_NAMED_ROWS])
            more = f"等 {len(whole_rows)} 行" if len(whole_rows) > _NAMED_ROWS else ""
            findings.append(Finding(
                rule.id, rule.severity, f"{table.title}表有 {len(whole_rows)} 行全部空白：{names}{more}。",
                tuple(c for _, b in whole_rows for c in b), rule.advice, section,
            ))
            per_row = [(r, b) for r, b in per_row if (r, b) not in whole_rows]
        for row_id, blank in per_row:
            row = table.row(row_id)
            if len(row.columns) == 1:
                message = f"{table.title}表“{_row_name(row)}”为空白。"
            else:
                columns = "、".join(table.column(c.rsplit(".", 1)[1]).label for c in blank)
                message = f"{table.title}表“{_row_name(row)}”有 {len(blank)} 个空白单元格：{columns}。"
            findings.append(Finding(rule.id, rule.severity, message, tuple(blank), rule.advice, section))
    return findings


def _row_name(row: RowDef) -> str:
    return f"{row.subgroup} {row.label}" if row.subgroup else row.label


def _checked_count(form: FormDef, table: TableDef, row_id: str) -> int:
    """How many cells of a row must be blank for the row to be wholly blank: its parts, not its totals."""
    row = table.row(row_id)
    return sum(1 for c in row.columns if not form.cells[f"{table.id}.{row_id}.{c}"].derived)


def _copied_text(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, context: Context
) -> list[Finding]:
    assert context.previous is not None and rule.section
    now = _plain(report.texts.get(rule.section, ""))
    before = _plain(context.previous.texts.get(rule.section, ""))
    if len(now) < _SHORT_TEXT or len(before) < _SHORT_TEXT:
        return []
    ratio = difflib.SequenceMatcher(None, now, before, autojunk=False).ratio()
    if ratio < rule.threshold:
        return []
    heading = form.section(rule.section).heading
    message = f"“{heading}”与上年报告的同一部分有 {round(ratio * 100)}% 相同。"
    return [Finding(rule.id, rule.severity, message, (), rule.advice, rule.section)]


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


_CHECKS: dict[RuleKind, Check] = {
    RuleKind.EQUATION: _equation,
    RuleKind.CHECK: _check,
    RuleKind.VALID: _valid,
    RuleKind.BLANK: _blank,
    RuleKind.COPIED_TEXT: _copied_text,
}
