"""Load a form definition file in stages: read → expand → build → check.

Every mistake in a definition is reported as a :class:`Problem` with its location
(``tables[1].layout[5]``, ``rules[3] balance``), never as a bare exception, so that a
broken form file is as easy to fix as a broken report.  A form with problems is not used.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reportdesk.core.expressions import ExpressionError, compile_node, parse, references
from reportdesk.core.form import (
    CellDef,
    ColumnDef,
    DerivedDef,
    Expr,
    FormDef,
    GridCell,
    RowDef,
    RuleDef,
    RuleKind,
    SectionDef,
    SectionKind,
    Severity,
    TableDef,
)
from reportdesk.core.form_text import build_text_checks, build_text_terms
from reportdesk.core.numbers import ValueType

log = logging.getLogger(__name__)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_VAR = re.compile(r"\{(\w+)(?::(label|short|full))?\}")


@dataclass(frozen=True, slots=True)
class Problem:
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}：{self.message}"


class FormDefinitionError(Exception):
    """A form definition file cannot be used; ``problems`` says every reason and where."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"表单定义 {source} 有 {len(problems)} 处错误：\n{lines}")
        self.source = source
        self.problems = problems


def load_form(path: Path) -> FormDef:
    """Read and check a form file; raise :class:`FormDefinitionError` on any problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FormDefinitionError(str(path), [Problem(path.name, f"无法读取：{exc}")]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise FormDefinitionError(str(path), [Problem(path.name, f"TOML 语法错误：{exc}")]) from exc
    form, problems = compile_form(data)
    if problems or form is None:
        raise FormDefinitionError(str(path), problems)
    return form


def compile_form(data: dict[str, Any]) -> tuple[FormDef | None, list[Problem]]:
    """Build a :class:`FormDef` from parsed TOML data; return it with every problem found."""
    builder = _Builder(data)
    form = builder.build()
    return (form if not builder.problems else None), builder.problems


class _Builder:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.problems: list[Problem] = []

    def problem(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    # --- stage: build the plain parts ----------------------------------------------

    def build(self) -> FormDef | None:
        head = self.data.get("form")
        if not isinstance(head, dict):
            self.problem("[form]", "缺少 [form] 部分")
            return None
        form_id = str(head.get("id", ""))
        if not re.fullmatch(r"[a-z0-9-]+", form_id):
            self.problem("[form].id", f"表单编号“{form_id}”无效（只能用小写字母、数字和 -）")
        tables = self.build_tables()
        cells = self.build_cells(tables)
        sections = self.build_sections(tables)
        derived = self.build_derived(tables, cells)
        cells = {
            cid: _with_derived(c, cid in {d.cell for d in derived}) for cid, c in cells.items()
        }
        rules = self.build_rules(tables, cells)
        text_terms = build_text_terms(self.data, tables, self.problem)  # the text checks' vocabulary
        text_checks = build_text_checks(self.data, {s.id for s in sections}, self.problem, text_terms)
        if self.problems:
            return None
        return FormDef(
            id=form_id,
            version=int(head.get("version", 1)),
            title=str(head.get("title", "")),
            basis=str(head.get("basis", "")),
            valid_from_year=int(head.get("valid_from_year", 0)),
            sections=tuple(sections),
            tables=tables,
            cells=cells,
            derived=tuple(derived),
            rules=tuple(rules),
            text_terms=text_terms,
            text_checks=text_checks,
        )

    def build_sections(self, tables: dict[str, TableDef]) -> list[SectionDef]:
        sections: list[SectionDef] = []
        seen: set[str] = set()
        for i, raw in enumerate(self.data.get("sections", [])):
            where = f"sections[{i}]"
            sid = str(raw.get("id", ""))
            if not _ID.match(sid):
                self.problem(where, f"章节编号“{sid}”无效")
                continue
            if sid in seen:
                self.problem(where, f"章节编号“{sid}”重复")
            seen.add(sid)
            try:
                kind = SectionKind(raw.get("kind", "text"))
            except ValueError:
                self.problem(where, f"未知的章节类型“{raw.get('kind')}”")
                continue
            table = raw.get("table")
            if kind is SectionKind.TABLE and table not in tables:
                self.problem(where, f"章节“{sid}”引用了不存在的表格“{table}”")
            sections.append(
                SectionDef(
                    id=sid,
                    heading=str(raw.get("heading", "")),
                    kind=kind,
                    guidance=str(raw.get("guidance", "")).strip(),
                    table=table,
                    subheadings=tuple(raw.get("subheadings", ())),
                )
            )
        if not sections:
            self.problem("[[sections]]", "没有定义任何章节")
        return sections

    def build_tables(self) -> dict[str, TableDef]:
        tables: dict[str, TableDef] = {}
        for i, raw in enumerate(self.data.get("tables", [])):
            where = f"tables[{i}]"
            tid = str(raw.get("id", ""))
            if not _ID.match(tid):
                self.problem(where, f"表格编号“{tid}”无效")
                continue
            if tid in tables:
                self.problem(where, f"表格编号“{tid}”重复")
                continue
            table = self.build_table(where, tid, raw)
            if table is not None:
                tables[tid] = table
        return tables

    def build_table(self, where: str, tid: str, raw: dict[str, Any]) -> TableDef | None:
        columns: list[ColumnDef] = []
        for j, col in enumerate(raw.get("columns", [])):
            cid = str(col.get("id", ""))
            if not _ID.match(cid) or any(c.id == cid for c in columns):
                self.problem(f"{where}.columns[{j}]", f"列编号“{cid}”无效或重复")
                continue
            try:
                vtype = ValueType(col.get("type", "count"))
            except ValueError:
                self.problem(f"{where}.columns[{j}]", f"未知的数值类型“{col.get('type')}”")
                continue
            columns.append(ColumnDef(cid, str(col.get("label", "")), col.get("group"), vtype))
        column_ids = [c.id for c in columns]
        rows: list[RowDef] = []
        for j, row in enumerate(raw.get("rows", [])):
            rid = str(row.get("id", ""))
            if not _ID.match(rid) or any(r.id == rid for r in rows):
                self.problem(f"{where}.rows[{j}]", f"行编号“{rid}”无效或重复")
                continue
            row_columns = tuple(row.get("columns", column_ids))
            for c in row_columns:
                if c not in column_ids:
                    self.problem(f"{where}.rows[{j}]", f"行“{rid}”引用了不存在的列“{c}”")
            rows.append(
                RowDef(
                    id=rid,
                    label=str(row.get("label", "")),
                    columns=row_columns,
                    short=str(row.get("short", "")),
                    group=row.get("group"),
                    subgroup=row.get("subgroup"),
                    item=row.get("item"),
                    help=str(row.get("help", "")),
                )
            )
        grid, n_rows, n_cols, header_rows = self.place_layout(where, tid, raw.get("layout", []), rows)
        return TableDef(
            id=tid,
            title=str(raw.get("title", "")),
            columns=tuple(columns),
            rows=tuple(rows),
            grid=tuple(grid),
            n_rows=n_rows,
            n_cols=n_cols,
            header_rows=header_rows,
        )

    def place_layout(
        self, where: str, tid: str, layout: list[dict[str, Any]], rows: list[RowDef]
    ) -> tuple[list[GridCell], int, int, int]:
        """Place the layout's items on a grid the way an HTML table places its cells."""
        by_id = {r.id: r for r in rows}
        occupied: set[tuple[int, int]] = set()
        grid: list[GridCell] = []
        width = 0
        header_rows = 0
        placed_cells: list[str] = []
        for r, line in enumerate(layout):
            lwhere = f"{where}.layout[{r}]"
            header = bool(line.get("header", False))
            if header and r == header_rows:
                header_rows += 1
            col = 0
            for k, item in enumerate(line.get("items", [])):
                iwhere = f"{lwhere}.items[{k}]"
                for text, cell_id, role, colspan in self.expand_item(iwhere, tid, item, by_id):
                    rowspan = int(item.get("rowspan", 1))
                    while (r, col) in occupied:
                        col += 1
                    if rowspan < 1 or colspan < 1:
                        self.problem(iwhere, "rowspan 和 colspan 必须不小于 1")
                        continue
                    for dr in range(rowspan):
                        for dc in range(colspan):
                            if (r + dr, col + dc) in occupied:
                                self.problem(iwhere, f"与其他单元格重叠（第 {r + dr + 1} 行第 {col + dc + 1} 列）")
                            occupied.add((r + dr, col + dc))
                    grid.append(GridCell(r, col, rowspan, colspan, text, cell_id, role, header))
                    if cell_id:
                        placed_cells.append(cell_id)
                    col += colspan
            while (r, col) in occupied:
                col += 1
            if r == 0:
                width = col
            elif col != width:
                self.problem(lwhere, f"这一行占 {col} 列，而第一行占 {width} 列")
        n_rows = len(layout)
        if any(rr >= n_rows for rr, _ in occupied):
            self.problem(f"{where}.layout", "有单元格的 rowspan 超出了表格的最后一行")
        expected = [f"{tid}.{r.id}.{c}" for r in rows for c in r.columns]
        for cell_id in expected:
            count = placed_cells.count(cell_id)
            if count != 1:
                self.problem(f"{where}.layout", f"单元格 {cell_id} 在版式中出现了 {count} 次（应为 1 次）")
        return grid, n_rows, width, header_rows

    def expand_item(
        self, where: str, tid: str, item: dict[str, Any], rows: dict[str, RowDef]
    ) -> Iterator[tuple[str, str | None, str, int]]:
        colspan = int(item.get("colspan", 1))
        if "text" in item:
            yield str(item["text"]), None, str(item.get("role", "label")), colspan
        elif "row_label" in item:
            row = rows.get(str(item["row_label"]))
            if row is None:
                self.problem(where, f"未知的行“{item['row_label']}”")
                return
            yield row.label, None, "label", colspan
        elif "row" in item:
            row = rows.get(str(item["row"]))
            if row is None:
                self.problem(where, f"未知的行“{item['row']}”")
                return
            if colspan != 1 and len(row.columns) != 1:
                self.problem(where, "只有一个数据单元格的行才能设置 colspan")
            for c in row.columns:
                yield "", f"{tid}.{row.id}.{c}", "value", colspan if len(row.columns) == 1 else 1
        else:
            self.problem(where, "版式项目必须有 text、row_label 或 row 之一")

    def build_cells(self, tables: dict[str, TableDef]) -> dict[str, CellDef]:
        cells: dict[str, CellDef] = {}
        for table in tables.values():
            for row in table.rows:
                for cid in row.columns:
                    column = table.column(cid)
                    cell_id = f"{table.id}.{row.id}.{cid}"
                    cells[cell_id] = CellDef(
                        id=cell_id,
                        table=table.id,
                        row=row.id,
                        column=cid,
                        type=column.type,
                        derived=False,
                        label=f"{row.label} / {column.label}",
                    )
        return cells

    # --- stage: expand "for each" templates ----------------------------------------

    def bindings(
        self, where: str, raw: dict[str, Any], tables: dict[str, TableDef]
    ) -> list[dict[str, str]]:
        spec = raw.get("for_each")
        if not spec:
            return [{}]
        combos: list[dict[str, str]] = [{}]
        for var, values in spec.items():
            if isinstance(values, str) and values.startswith("@"):
                tname, _, what = values[1:].partition(".")
                table = tables.get(tname)
                if table is None or what not in ("rows", "columns"):
                    self.problem(where, f"for_each 的取值“{values}”无效（应为 @表格.rows 或 @表格.columns）")
                    return []
                items = [r.id for r in table.rows] if what == "rows" else [c.id for c in table.columns]
            elif isinstance(values, list) and all(isinstance(v, str) for v in values):
                items = list(values)
            else:
                self.problem(where, f"for_each 的取值“{values}”无效")
                return []
            combos = [{**c, var: v} for c in combos for v in items]
        return combos

    def substitute(
        self, text: str, binding: dict[str, str], table: TableDef | None
    ) -> str:
        def repl(m: re.Match[str]) -> str:
            var, how = m.group(1), m.group(2)
            if var not in binding:
                return m.group(0)
            value = binding[var]
            if how is None:
                return value
            if table is not None:
                for row in table.rows:
                    if row.id == value:
                        if how == "full" and row.subgroup:
                            return f"{row.subgroup} {row.label}"
                        return row.short_label if how == "short" else row.label
                for col in table.columns:
                    if col.id == value:
                        return col.label
            return value

        return _VAR.sub(repl, text)

    def expression(self, where: str, text: str, known: Iterable[str]) -> Expr | None:
        try:
            node = parse(text)
        except ExpressionError as exc:
            self.problem(where, f"表达式“{_squash(text)}”有误：{exc}")
            return None
        refs = references(node)
        known_set = set(known)
        for ref in refs:
            name = ref[len("prev.") :] if ref.startswith("prev.") else ref
            if ref.startswith("context."):
                continue
            if name not in known_set:
                self.problem(where, f"未知单元格 {name}")
        return Expr(text, node, compile_node(node), tuple(refs))

    def build_derived(
        self, tables: dict[str, TableDef], cells: dict[str, CellDef]
    ) -> list[DerivedDef]:
        derived: dict[str, DerivedDef] = {}
        for i, raw in enumerate(self.data.get("derived", [])):
            where = f"derived[{i}]"
            for binding in self.bindings(where, raw, tables):
                cell = self.substitute(str(raw.get("cell", "")), binding, None)
                if cell not in cells:
                    self.problem(where, f"未知单元格 {cell}")
                    continue
                if cell in derived:
                    self.problem(where, f"单元格 {cell} 重复定义为合计")
                    continue
                expr = self.expression(where, self.substitute(str(raw.get("expr", "")), binding, None), cells)
                if expr is not None:
                    if any(r.startswith(("prev.", "context.")) for r in expr.refs):
                        self.problem(where, "合计只能由本报告的单元格计算")
                    derived[cell] = DerivedDef(cell, expr)
        return self.order_derived(derived)

    def order_derived(self, derived: dict[str, DerivedDef]) -> list[DerivedDef]:
        """Topological order, parts before totals; a cycle is a definition error."""
        ordered: list[DerivedDef] = []
        state: dict[str, int] = {}  # 1 = in progress, 2 = done

        def visit(cell: str, path: list[str]) -> None:
            if state.get(cell) == 2 or cell not in derived:
                return
            if state.get(cell) == 1:
                cycle = " → ".join([*path[path.index(cell) :], cell])
                self.problem("[[derived]]", f"合计之间存在循环引用：{cycle}")
                return
            state[cell] = 1
            for ref in derived[cell].expr.refs:
                visit(ref, [*path, cell])
            state[cell] = 2
            ordered.append(derived[cell])

        for cell in derived:
            visit(cell, [])
        return ordered

    # --- stage: rules ------------------------------------------------------------------

    def build_rules(self, tables: dict[str, TableDef], cells: dict[str, CellDef]) -> list[RuleDef]:
        rules: list[RuleDef] = []
        for i, raw in enumerate(self.data.get("rules", [])):
            rid = str(raw.get("id", ""))
            where = f"rules[{i}] {rid}"
            if not _ID.match(rid):
                self.problem(where, f"规则编号“{rid}”无效")
                continue
            try:
                kind = RuleKind(raw.get("kind", "check"))
                severity = Severity(raw.get("severity", "error"))
            except ValueError as exc:
                self.problem(where, f"规则类型或严重程度无效：{exc}")
                continue
            table = tables.get(raw["table"]) if "table" in raw else None
            if "table" in raw and table is None:
                self.problem(where, f"未知的表格“{raw['table']}”")
            for binding in self.bindings(where, raw, tables):
                rule = self.build_rule(where, rid, kind, severity, raw, binding, table, cells)
                if rule is not None:
                    rules.append(rule)
        return rules

    def build_rule(
        self,
        where: str,
        rid: str,
        kind: RuleKind,
        severity: Severity,
        raw: dict[str, Any],
        binding: dict[str, str],
        table: TableDef | None,
        cells: dict[str, CellDef],
    ) -> RuleDef | None:
        def text(key: str) -> str:
            return self.substitute(str(raw.get(key, "")), binding, table).strip()

        def expr(key: str) -> Expr | None:
            return self.expression(f"{where}.{key}", text(key), cells) if key in raw else None

        base = RuleDef(id=rid, kind=kind, severity=severity, advice=text("advice"))
        if kind is RuleKind.EQUATION:
            left, right = expr("left"), expr("right")
            op = str(raw.get("op", "=="))
            if left is None or right is None:
                if "left" not in raw or "right" not in raw:
                    self.problem(where, "等式规则需要 left 和 right")
                return None
            if op not in ("==", "<=", ">=", "<", ">", "!="):
                self.problem(where, f"未知的比较符“{op}”")
                return None
            refs = _cell_refs([*left.refs, *right.refs])
            return replace(
                base,
                subject=text("subject"),
                left=left,
                op=op,
                right=right,
                left_name=text("left_name"),
                right_name=text("right_name"),
                terms_by=str(raw.get("terms_by", "")),
                cells=refs,
                uses_previous=any(r.startswith("prev.") for r in [*left.refs, *right.refs]),
            )
        if kind is RuleKind.CHECK:
            assertion, when = expr("assert"), expr("when")
            if assertion is None:
                if "assert" not in raw:
                    self.problem(where, "检查规则需要 assert")
                return None
            message = text("message")
            for ref in re.findall(r"\{([^{}=][^{}]*)\}", message):
                name = ref[len("prev.") :] if ref.startswith("prev.") else ref
                if name not in cells:
                    self.problem(f"{where}.message", f"消息中引用了未知单元格 {name}")
            for ref in re.findall(r"\{=([^{}]+)\}", message):
                self.expression(f"{where}.message", ref, cells)
            all_refs = [*assertion.refs, *(when.refs if when else ())]
            return replace(
                base,
                when=when,
                assertion=assertion,
                message=message,
                cells=_cell_refs(all_refs),
                uses_previous=any(r.startswith("prev.") for r in all_refs),
            )
        if kind is RuleKind.COPIED_TEXT:
            return replace(
                base,
                section=str(raw.get("section", "")),
                threshold=float(raw.get("threshold", 0.85)),
                uses_previous=True,
            )
        return base


def _cell_refs(refs: Iterable[str]) -> tuple[str, ...]:
    """The cells of this year's report that an expression involves."""
    return tuple(dict.fromkeys(r for r in refs if not r.startswith(("prev.", "context."))))


def _with_derived(cell: CellDef, derived: bool) -> CellDef:
    if cell.derived == derived:
        return cell
    return CellDef(cell.id, cell.table, cell.row, cell.column, cell.type, derived, cell.label)


def _squash(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:60] + "…"
