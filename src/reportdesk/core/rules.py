"""The rule engine: a pure function from (form, report, context) to findings.

No clock, no I/O: the same report always gives the same findings.  A draft is checked
with its totals derived from their parts; a report read from a file is checked on its
totals as stated, which is what a reviewer needs to see.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from enum import StrEnum

from reportdesk.core.context import Context
from reportdesk.core.expressions import Env, NotApplicable, Num, Number, Ref, compile_expression, sum_terms
from reportdesk.core.findings import Finding, FindingAction, sort_findings
from reportdesk.core.form import Expr, FormDef, RuleDef, RuleKind, Severity, TableDef
from reportdesk.core.missing import MissingKind, cell_name, describe_missing, row_name, table_cells, table_name
from reportdesk.core.numbers import Value, ValueType, format_value
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import record
from reportdesk.core.report import Report, Totals, effective_cells, effective_missing, partly_blank

log = logging.getLogger(__name__)

_PLACEHOLDER = compile_pattern(r"\{(=?)([^{}]+)\}")
_CELL_REF = compile_pattern(r"(?:prev\.)?[a-z_]+\.[a-z_]+\.[a-z_]+")
_SHORT_TEXT = 40  # shorter texts are never called "copied"
_NAMED_CELLS = 3  # blank cells named in one finding; its cells list them all
_NAMED_ROWS = 2  # rows of blank cells named in one finding


def evaluate(form: FormDef, report: Report, context: Context | None = None) -> list[Finding]:
    """Every finding of every rule of *form* on *report*, errors first."""
    context = context or Context()
    cells = effective_cells(form, report)
    env = Env(cells, context.facts, context.previous_cells)
    invalid = report.invalid
    missing = effective_missing(form, report)
    previous_missing = effective_missing(form, context.previous) if context.previous is not None else set()
    partial = partly_blank(form, cells) if report.totals is Totals.DERIVED else set()
    known = _Known(context, missing, previous_missing, partial)
    findings: list[Finding] = []
    for rule in form.rules:
        if rule.uses_previous and context.previous is None:
            continue
        if invalid and any(c in invalid for c in rule.cells):
            continue  # the invalid value is reported by rule non_negative_integer
        if rule.kind is RuleKind.CHECK and _touches(rule, missing, previous_missing):
            continue  # a figure never read cannot make a rule fail (rule incomplete_table)
        check = _CHECKS[rule.kind]
        try:
            findings.extend(check(form, rule, report, cells, env, known))
        except NotApplicable:
            continue
    return sort_findings(findings)


def _touches(rule: RuleDef, missing: set[str], previous_missing: set[str]) -> bool:
    if not missing and not previous_missing:
        return False
    refs = [*(rule.assertion.refs if rule.assertion else ()), *(rule.when.refs if rule.when else ())]
    return any(r in missing for r in rule.cells) or any(
        r.startswith("prev.") and r[len("prev.") :] in previous_missing for r in refs
    )


@record
class _Known:
    """The context of a check and which cells were never read (this year's and last year's)."""

    context: Context
    missing: set[str]
    previous_missing: set[str]
    partial: set[str]  # totals of a draft computed from parts some of which are blank


# --- one function per rule kind ------------------------------------------------------

Check = Callable[[FormDef, RuleDef, Report, Mapping[str, Value], Env, _Known], list[Finding]]


def _section_of(form: FormDef, cells: tuple[str, ...]) -> str | None:
    return form.section_of_cell(cells[0]).id if cells else None


class _State(StrEnum):
    KNOWN = "known"
    BLANK = "blank"  # the cell is there and empty (or "/")
    MISSING = "missing"  # the figure was not found in the document
    PARTIAL = "partial"  # a total computed from parts some of which are blank (a draft)


_SHOWN = {_State.BLANK: "空", _State.MISSING: "未找到"}


@record
class _Term:
    label: str  # in the arithmetic: "结果纠正", "一"
    name: str  # in a sentence: "结果纠正", "“一、本年新收政府信息公开申请数量”"
    value: Value
    state: _State
    count: bool  # a whole number of items (so an unknown one is some number ≥ 0)


@record
class _Side:
    terms: list[_Term]
    name: str  # left_name / right_name, or ""

    @property
    def known(self) -> Number:
        total: Number = 0
        for t in self.terms:
            if t.state in (_State.KNOWN, _State.PARTIAL) and t.value is not None:
                total += t.value
        return total

    @property
    def unknown(self) -> list[_Term]:
        return [t for t in self.terms if t.state is not _State.KNOWN]

    def arithmetic(self) -> str:
        """"一 + 二 = 4 + 0 = 4"; a blank shows as 空; "name = 4" for a named side."""
        unknown = self.unknown
        if self.name:
            if len(self.terms) == 1:
                return f"{self.name} = {_shown(self.terms[0])}"
            if not unknown:
                return f"{self.name} = {_fmt(self.known)}"
            blanks = sum(1 for t in unknown if t.state is _State.BLANK)
            parts = [f"{n} 格{w}" for n, w in ((blanks, "为空"), (len(unknown) - blanks, "未找到")) if n]
            return f"{self.name} = {_fmt(self.known)}（另有 {'、'.join(parts)}）"
        labels = " + ".join(t.label for t in self.terms)
        if len(self.terms) == 1:
            return f"{labels} = {_shown(self.terms[0])}"
        values = " + ".join(_shown(t) for t in self.terms)
        return f"{labels} = {values}" + ("" if unknown else f" = {_fmt(self.known)}")

    def stated(self) -> str:
        """The side as a claim: "总计 3", "（七）总计 + 四 = 3"."""
        if self.name:
            return f"{self.name} {_fmt(self.known)}"
        if len(self.terms) == 1:
            return f"{self.terms[0].label} {_fmt(self.known)}"
        return f"{' + '.join(t.label for t in self.terms)} = {_fmt(self.known)}"


def _shown(term: _Term) -> str:
    if term.state is _State.PARTIAL:
        return f"（{_fmt(term.value)} + 空）"
    return _SHOWN.get(term.state) or _fmt(term.value)


def _names(terms: list[_Term]) -> str:
    return "、".join(t.name for t in terms)


def _equation(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, known: _Known
) -> list[Finding]:
    """An equation, with blank and not-found operands treated honestly.

    A blank is not 0: when a non-negative count in the blanks could make the equation
    hold, the finding is a warning saying what they must hold; it is an error only when
    no such value exists (the known parts already exceed the total).  A figure that was
    not found never makes the equation fail; only figures that were read can.
    """
    assert rule.left is not None and rule.right is not None
    if _compare(rule.op, rule.left.fn(env), rule.right.fn(env)):
        return []  # holds with blanks (and figures not found) as 0: nothing to say beyond the blank rule
    left = _side(form, rule, rule.left, rule.left_name, env, known)
    right = _side(form, rule, rule.right, rule.right_name, env, known)
    if left is None or right is None or rule.op != "==":
        return _plain_equation(form, rule, env, known)
    unknown = left.unknown + right.unknown
    arithmetic = f"{rule.subject}：{left.arithmetic()}，{right.arithmetic()}"
    missing = any(t.state is _State.MISSING for t in unknown)
    if not all(t.count for t in unknown):  # an amount: no "must hold" to say; blanks count as 0
        if left.known == right.known or missing:
            return []
        return [_finding(form, rule, rule.severity,
                         f"{arithmetic}，相差 {_fmt(abs(left.known - right.known))}，请核对这些数字。")]
    outcome = balance(left.known, len(left.unknown), right.known, len(right.unknown))
    if outcome.kind is BalanceKind.HOLDS or outcome.kind is BalanceKind.OPEN:
        return []  # equal with the blanks as 0, or any figures could balance it: the blank rule asks for them
    if not unknown:
        return [_finding(form, rule, rule.severity,
                         f"{arithmetic}，相差 {_fmt(abs(left.known - right.known))}，请核对这些数字。")]
    same, other = (left, right) if left.unknown else (right, left)
    if outcome.kind is BalanceKind.FAILS:
        return [_finding(form, rule, rule.severity,
                         f"{arithmetic}；{_unknown(same.unknown)}，但其余各项已是 {_fmt(same.known)}，"
                         f"比{other.stated()} 多 {_fmt(same.known - other.known)}，"
                         f"无论{_whatever(same.unknown)}是多少都不相等，请核对这些数字。")]
    if missing:
        return []  # could hold: the table is incomplete (rule incomplete_table), not wrong
    needed = _fmt(outcome.needed)
    if any(t.state is _State.PARTIAL for t in same.unknown):
        only = len(same.unknown) == 1
        must = f"{same.unknown[0].name}中空白的各项之和应为 {needed}" if only else f"这些空白之和应为 {needed}"
    elif len(same.unknown) == 1:
        must = f"{same.unknown[0].name}应为 {needed}"
    else:
        must = f"这 {len(same.unknown)} 格之和应为 {needed}"
    return [_finding(form, rule, Severity.WARNING,
                     f"{arithmetic}；{_unknown(same.unknown)}；若{other.stated()} 无误，{must}，请核实后填写。")]


class BalanceKind(StrEnum):
    HOLDS = "holds"  # equal, the blanks (if any) being 0
    FAILS = "fails"  # unequal whatever non-negative figures the blanks hold
    NEEDS = "needs"  # equal only if the blanks of one side add up to ``needed`` (> 0)
    OPEN = "open"  # blanks on both sides: some figures in them balance it


@record
class Balance:
    kind: BalanceKind
    needed: Number = 0  # NEEDS: what the blanks must add up to
    blanks_left: bool = False  # NEEDS: the blanks are on the left side


def balance(left_known: Number, left_blanks: int, right_known: Number, right_blanks: int) -> Balance:
    """Whether ``left = right`` can hold when the blanks are counts (whole numbers ≥ 0).

    *left_known* is the sum of the figures of the left side, *left_blanks* how many of its
    terms are blank; the same for the right.  Used by the equation rules and the balance
    strip under 表三, so both say the same.
    """
    if left_known == right_known:
        return Balance(BalanceKind.HOLDS)
    if left_blanks and right_blanks:
        return Balance(BalanceKind.OPEN)
    if not left_blanks and not right_blanks:
        return Balance(BalanceKind.FAILS)
    needed = right_known - left_known if left_blanks else left_known - right_known
    if needed < 0:
        return Balance(BalanceKind.FAILS)
    return Balance(BalanceKind.NEEDS, needed, bool(left_blanks))


_SAID = {_State.BLANK: "为空", _State.MISSING: "未找到", _State.PARTIAL: "的各项中有空白"}


def _unknown(terms: list[_Term]) -> str:
    """"结果纠正为空", "总计、结果纠正为空", "结果纠正为空、其他结果未找到", "“（七）总计”的各项中有空白"."""
    groups = [(state, [t for t in terms if t.state is state]) for state in _SAID]
    return "、".join(f"{_names(ts)}{_SAID[state]}" for state, ts in groups if ts)


def _whatever(terms: list[_Term]) -> str:
    return "空白" if any(t.state is _State.PARTIAL for t in terms) else _names(terms)


def _finding(form: FormDef, rule: RuleDef, severity: Severity, message: str) -> Finding:
    return Finding(rule.id, severity, message, rule.cells, rule.advice, _section_of(form, rule.cells))


def _plain_equation(form: FormDef, rule: RuleDef, env: Env, known: _Known) -> list[Finding]:
    """An equation that is not a sum of cells (or not "=="): blanks count as 0, as written."""
    assert rule.left is not None and rule.right is not None
    refs = [*rule.left.refs, *rule.right.refs]
    if any(r in known.missing or (r.startswith("prev.") and r[len("prev.") :] in known.previous_missing)
           for r in refs):
        return []
    left, right = rule.left.fn(env), rule.right.fn(env)
    if _compare(rule.op, left, right):
        return []
    message = f"{rule.subject}：{rule.left_name or _expr_text(form, rule.left)} = {_fmt(left)}，" \
              f"{rule.right_name or _expr_text(form, rule.right)} = {_fmt(right)}"
    if rule.op == "==":
        message += f"，相差 {_fmt(abs(left - right))}"
    return [_finding(form, rule, rule.severity, message + "，请核对这些数字。")]


def _expr_text(form: FormDef, expr: Expr) -> str:
    """An expression as a clerk reads it: each cell id replaced by the cell's name."""
    def name(m: re.Match[str]) -> str:
        ref = m.group(0)
        cell_id, prefix = (ref[len("prev.") :], "上年") if ref.startswith("prev.") else (ref, "")
        return f"{prefix}“{cell_name(form, cell_id)}”" if cell_id in form.cells else ref

    return _CELL_REF.sub(name, " ".join(expr.text.split()))


def _compare(op: str, left: Value | bool, right: Value | bool) -> bool:
    return {
        "==": left == right,
        "!=": left != right,
        "<": left < right,  # type: ignore[operator]
        "<=": left <= right,  # type: ignore[operator]
        ">": left > right,  # type: ignore[operator]
        ">=": left >= right,  # type: ignore[operator]
    }[op]


def _side(form: FormDef, rule: RuleDef, expr: Expr, name: str, env: Env, known: _Known) -> _Side | None:
    """The terms of a side that is a plain sum of cells and numbers; None for anything else."""
    nodes = sum_terms(expr.node)
    if not all(isinstance(t, Ref | Num) for t in nodes):
        return None
    terms: list[_Term] = []
    for node in nodes:
        if isinstance(node, Num):
            terms.append(_Term(format_value(node.value), format_value(node.value), node.value, _State.KNOWN, True))
            continue
        assert isinstance(node, Ref)
        cell_id, previous = node.name, False
        if cell_id.startswith("prev."):
            cell_id, previous = cell_id[len("prev.") :], True
        cell = form.cells.get(cell_id)
        if cell is None:
            return None  # a context fact: not a figure of the table
        values = (env.previous or {}) if previous else env.cells
        value = values.get(cell_id)
        if cell_id in (known.previous_missing if previous else known.missing):
            state = _State.MISSING
        elif value is None:
            state = _State.BLANK
        else:
            state = _State.PARTIAL if not previous and cell_id in known.partial else _State.KNOWN
        label = _term_label(form, rule, cell_id, previous)
        title = name if name and len(nodes) == 1 else _term_name(form, rule, cell_id, previous)
        terms.append(_Term(label, title, value, state, cell.type is ValueType.COUNT))
    return _Side(terms, name)


def _term_label(form: FormDef, rule: RuleDef, cell_id: str, previous: bool) -> str:
    cell = form.cells[cell_id]
    table = form.tables[cell.table]
    prefix = "上年" if previous else ""
    if rule.terms_by == "row":
        return prefix + table.row(cell.row).short_label
    if rule.terms_by == "column":
        return prefix + table.column(cell.column).label
    return prefix + cell.label


def _term_name(form: FormDef, rule: RuleDef, cell_id: str, previous: bool) -> str:
    """How a blank operand is named in a sentence: the column, or the row as printed."""
    cell = form.cells[cell_id]
    table = form.tables[cell.table]
    prefix = "上年" if previous else ""
    if rule.terms_by == "column":
        return prefix + table.column(cell.column).label
    if rule.terms_by == "row":
        return f"{prefix}“{row_name(table.row(cell.row))}”"
    return f"{prefix}“{cell.label}”"


def _fmt(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return format_value(value)  # type: ignore[arg-type]


def _check(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, known: _Known
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
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, known: _Known
) -> list[Finding]:
    findings = []
    for cell_id, bad in report.invalid.items():
        cell = form.cells.get(cell_id)
        if cell is None:
            findings.append(Finding(rule.id, rule.severity, bad.message, (cell_id,), rule.advice))
            continue
        text = bad.message.rstrip("。")
        message = f"{table_name(form, cell.table)}“{cell_name(form, cell_id)}”：{text}" + ("。" if "请" in text else "，请改正。")
        findings.append(Finding(rule.id, rule.severity, message, (cell_id,), rule.advice,
                                _section_of(form, (cell_id,))))
    return findings


def _blank(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, known: _Known
) -> list[Finding]:
    """One finding per table with blank cells, every blank cell in it.

    A cell not found in the document is not blank (rule ``incomplete_table``); a draft's
    totals are computed, never blank by omission.  A stated total (a report read from a file)
    counts only when it would not be blank if computed from its parts: a blank total of blank
    parts says nothing more than its parts, so a draft and its export read back give the same finding.
    """
    from reportdesk.core.report import derive

    stated = report.totals is Totals.STATED
    computed = derive(form, cells) if stated else {}
    defs, invalid, missing = form.cells, report.invalid, known.missing

    findings: list[Finding] = []
    for table in form.tables.values():
        # A cell counts when it is not a total, or a stated total that its parts would not leave blank.
        checked = [cid for cid in table_cells(table)
                   if (not defs[cid].derived or (stated and computed.get(cid) is not None))
                   and cid not in invalid and cid not in missing]
        blank = [cid for cid in checked if cells.get(cid) is None]
        if not blank:
            continue
        name = table_name(form, table.id)
        if len(blank) == len(checked):
            what = f"{name}全部空白（{len(blank)} 个单元格）"
        else:
            what = f"{name}有 {len(blank)} 个空白单元格{_where_blank(form, table, blank)}"
        message = f"{what}，官方表格要求没有数据的格子填 0，请逐格填写数字或 0。"
        findings.append(Finding(rule.id, rule.severity, message, tuple(blank), rule.advice,
                                form.section_of_cell(blank[0]).id, action=FindingAction.FILL_BLANKS))
    return findings


def _where_blank(form: FormDef, table: TableDef, blank: list[str]) -> str:
    """"（“行政强制”）" for up to three cells, the rows for a few rows, or how many rows."""
    if len(blank) <= _NAMED_CELLS:
        names = [cell_name(form, c) for c in blank]
        return "：" + "、".join(f"“{n}”" for n in names)
    rows = list(dict.fromkeys(form.cells[c].row for c in blank))
    if len(rows) <= _NAMED_ROWS:
        return "，在" + "、".join(f"“{row_name(table.row(r))}”" for r in rows) + "中"
    return f"，分布在 {len(rows)} 行"


def _incomplete(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, known: _Known
) -> list[Finding]:
    """One finding per table with figures not found; a table absent altogether is ``missing_table``."""
    structure = report.structure
    findings = []
    for part in describe_missing(form, known.missing):
        absent = structure is not None and structure.tables is not None and part.table not in structure.tables
        if part.kind is MissingKind.TABLE and absent:
            continue
        message = f"{part.text}；这些数字不能核对，相关的合计和勾稽关系没有检查，请对照原表补全。"
        findings.append(Finding(rule.id, rule.severity, message, part.cells, rule.advice,
                                form.section_of_cell(part.cells[0]).id))
    return findings


def _copied_text(
    form: FormDef, rule: RuleDef, report: Report, cells: Mapping[str, Value], env: Env, known: _Known
) -> list[Finding]:
    previous = known.context.previous
    assert previous is not None and rule.section
    now = _plain(report.texts.get(rule.section, ""))
    before = _plain(previous.texts.get(rule.section, ""))
    if len(now) < _SHORT_TEXT or len(before) < _SHORT_TEXT:
        return []
    import difflib  # only beside last year's report: not paid when a draft opens

    ratio = difflib.SequenceMatcher(None, now, before, autojunk=False).ratio()
    if ratio < rule.threshold:
        return []
    heading = form.section(rule.section).heading
    message = (f"“{heading}”与上年报告的同一部分有 {round(ratio * 100)}% 相同，"
               f"请写明本年的问题和对上年问题的改进情况。")
    return [Finding(rule.id, rule.severity, message, (), rule.advice, rule.section)]


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


_CHECKS: dict[RuleKind, Check] = {
    RuleKind.EQUATION: _equation,
    RuleKind.CHECK: _check,
    RuleKind.VALID: _valid,
    RuleKind.BLANK: _blank,
    RuleKind.INCOMPLETE: _incomplete,
    RuleKind.COPIED_TEXT: _copied_text,
}
