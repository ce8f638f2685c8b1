"""Load a form definition file in stages: read → expand → build → check.

Every mistake in a definition is reported as a :class:`Problem` with its location
(``tables[1].layout[5]``, ``rules[3] balance``), never as a bare exception, so that a
broken form file is as easy to fix as a broken report.  A form with problems is not used.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Container, Iterable, Iterator
from pathlib import Path
from typing import Any

from reportdesk.core.expressions import ExpressionError, compile_node, parse, references
from reportdesk.core.form import (
    CellDef,
    CitationDef,
    ColumnDef,
    DerivedDef,
    Expr,
    FormDef,
    GridCell,
    KeyTotalDef,
    OldFormatDef,
    RowDef,
    RuleDef,
    RuleKind,
    RuleRole,
    SectionDef,
    SectionKind,
    Severity,
    TableDef,
)
from reportdesk.core.form_text import build_text_checks, build_text_terms
from reportdesk.core.numbers import ValueType
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import record, replace

log = logging.getLogger(__name__)

_ID = compile_pattern(r"^[a-z][a-z0-9_]*$")
_VAR = compile_pattern(r"\{(\w+)(?::(label|short|full))?\}")
_SELECTOR = compile_pattern(r"@([a-z][a-z0-9_]*)\.(rows|columns)((?:\[[^\]]*\])*)")
_FORM_ID = compile_pattern(r"[a-z0-9-]+")
_CONDITION = compile_pattern(r"\[([^\]]*)\]")  # a row selector's [field=value] parts
_COMPARE = compile_pattern(r"\s*(\w+)\s*(!?=)\s*(.*?)\s*")
_SUM_CALL = compile_pattern(r"\bsum\(")
_FOR_EACH = compile_pattern(r"(?s)\s*(.+?)\s+for\s+(\w+)\s+in\s+(@\S+)\s*")
_MESSAGE_REF = compile_pattern(r"\{([^{}=][^{}]*)\}")  # {cell} in a rule's message
_MESSAGE_VALUE = compile_pattern(r"\{=([^{}]+)\}")  # {=expression}
_ROW_KEYS = ("id", "group", "subgroup", "item", "short")
_COLUMN_KEYS = ("id", "group", "type")


@record
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
    import tomllib  # not at start-up: the installed forms are read through reportdesk.core.catalog

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
        self.tables: dict[str, TableDef] = {}
        self.derived_specs: dict[str, dict[str, Any]] = {}  # [[derived]] entries by id
        self._sums: dict[str, str] = {}  # expand_sums, per template text
        self._expressions: dict[str, Expr] = {}  # per expression text

    def problem(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    # --- stage: build the plain parts ----------------------------------------------

    def build(self) -> FormDef | None:
        head = self.data.get("form")
        if not isinstance(head, dict):
            self.problem("[form]", "缺少 [form] 部分")
            return None
        form_id = str(head.get("id", ""))
        if not _FORM_ID.fullmatch(form_id):
            self.problem("[form].id", f"表单编号“{form_id}”无效（只能用小写字母、数字和 -）")
        tables = self.build_tables()
        self.tables = tables
        cells = self.build_cells(tables)
        sections = self.build_sections(tables)
        derived = self.build_derived(tables, cells)
        cells = {
            cid: _with_derived(c, cid in {d.cell for d in derived}) for cid, c in cells.items()
        }
        rules = self.build_rules(tables, cells)
        text_terms = build_text_terms(self.data, tables, self.problem)  # the text checks' vocabulary
        text_checks = build_text_checks(self.data, {s.id for s in sections}, self.problem, text_terms)
        citation = self.citation("[form.citation]", head.get("citation"))
        old_formats = self.old_formats(head.get("old_formats", []))
        key_totals = self.key_totals(self.data.get("key_totals", []), cells)
        preamble = head.get("preamble", {})
        if not isinstance(preamble, dict):
            self.problem("[form.preamble]", "应为表格（guidance、examples）")
            preamble = {}
        valid_to = head.get("valid_to_year")
        if valid_to is not None and not isinstance(valid_to, int):
            self.problem("[form].valid_to_year", "应为年份数字")
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
            valid_to_year=valid_to,
            citation=citation,
            old_formats=old_formats,
            key_totals=key_totals,
            preamble_guidance=str(preamble.get("guidance", "")).strip(),
            preamble_examples=self.strings("[form.preamble].examples", preamble.get("examples", [])),
            print_words=self.build_print_words(),
        )

    def strings(self, where: str, raw: object) -> tuple[str, ...]:
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            self.problem(where, "应为文字的列表")
            return ()
        return tuple(raw)

    def citation(self, where: str, raw: object) -> CitationDef | None:
        if raw is None:
            return None
        if not isinstance(raw, dict) or not isinstance(raw.get("document"), str):
            self.problem(where, "引用的文件应写明 document（如 国办公开办函〔2021〕30号）")
            return None
        year, number = raw.get("year", 0), raw.get("number", 0)
        if not isinstance(year, int) or not isinstance(number, int):
            self.problem(where, "year 和 number 应为数字")
            return None
        return CitationDef(raw["document"], str(raw.get("issuer", "")), year, number, str(raw.get("title", "")))

    def old_formats(self, raw: object) -> tuple[OldFormatDef, ...]:
        if not isinstance(raw, list):
            self.problem("[[form.old_formats]]", "应为表格的列表")
            return ()
        out: list[OldFormatDef] = []
        for i, item in enumerate(raw):
            where = f"form.old_formats[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                self.problem(where, "旧格式需要 name")
                continue
            out.append(OldFormatDef(item["name"], self.strings(f"{where}.labels", item.get("labels", [])),
                                    self.citation(f"{where}.citation", item.get("citation"))))
        return tuple(out)

    def key_totals(self, raw: object, cells: dict[str, CellDef]) -> tuple[KeyTotalDef, ...]:
        if not isinstance(raw, list):
            self.problem("[[key_totals]]", "应为表格的列表")
            return ()
        out: list[KeyTotalDef] = []
        for i, item in enumerate(raw):
            where = f"key_totals[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                self.problem(where, "需要 name 和 cells")
                continue
            ids = self.strings(f"{where}.cells", item.get("cells", []))
            for cid in ids:
                if cid not in cells:
                    self.problem(where, f"未知单元格 {cid}")
            out.append(KeyTotalDef(item["name"], ids))
        return tuple(out)

    def build_print_words(self) -> tuple[str, ...]:
        """``[print] words``: where a printed label may not be broken (longest words first)."""
        section = self.data.get("print", {})
        words = section.get("words", []) if isinstance(section, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            self.problem("[print].words", "应为非空字符串的列表")
            return ()
        return tuple(sorted(set(words), key=lambda w: (-len(w), w)))

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
                    examples=self.strings(f"{where}.examples", raw.get("examples", [])),
                    data_subheading=str(raw.get("data_subheading", "")),
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
            columns.append(ColumnDef(cid, str(col.get("label", "")), col.get("group"), vtype,
                                     self.strings(f"{where}.columns[{j}].variants", col.get("variants", []))))
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
                    variants=self.strings(f"{where}.rows[{j}].variants", row.get("variants", [])),
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
            name=str(raw.get("name", "")) or str(raw.get("title", "")),
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
                selected = self.select(where, values, tables)
                if selected is None:
                    return []
                items = selected
            elif isinstance(values, list) and all(isinstance(v, str) for v in values):
                items = list(values)
            else:
                self.problem(where, f"for_each 的取值“{values}”无效")
                return []
            combos = [{**c, var: v} for c in combos for v in items]
        return combos

    def select(self, where: str, selector: str, tables: dict[str, TableDef]) -> list[str] | None:
        """The ids a selector names: ``@requests.rows``, ``@requests.rows[subgroup=（三）不予公开]``,
        ``@requests.columns[id!=total]`` (conditions in brackets all hold; ``=`` or ``!=``)."""
        m = _SELECTOR.fullmatch(selector.strip())
        table = tables.get(m.group(1)) if m else None
        if m is None or table is None:
            self.problem(where, f"选择器“{selector}”无效（应为 @表格.rows 或 @表格.columns，可加 [属性=值]）")
            return None
        items: list[RowDef | ColumnDef] = [*(table.rows if m.group(2) == "rows" else table.columns)]
        keys = _ROW_KEYS if m.group(2) == "rows" else _COLUMN_KEYS
        for cond in _CONDITION.findall(m.group(3)):
            parts = _COMPARE.fullmatch(cond)
            if parts is None or parts.group(1) not in keys:
                self.problem(where, f"选择器“{selector}”的条件“{cond}”无效（可用的属性：{'、'.join(keys)}）")
                return None
            key, op, value = parts.groups()
            items = [i for i in items if (str(getattr(i, key) or "") == value) == (op == "=")]
        if not items:
            self.problem(where, f"选择器“{selector}”没有选中任何{'行' if m.group(2) == 'rows' else '列'}")
            return None
        return [i.id for i in items]

    def expand_sums(self, where: str, text: str, tables: dict[str, TableDef]) -> str:
        """``sum(requests.{r}.natural for r in @requests.rows[group=…])`` → ``sum(a, b, …)``: a total
        over a selection of rows or columns is written once, not term by term."""
        if " for " not in text:
            return text  # no selection to expand (most expressions)
        if text in self._sums:
            return self._sums[text]
        out: list[str] = []
        pos = 0
        for m in _SUM_CALL.finditer(text):
            if m.start() < pos:
                continue
            depth, end = 1, m.end()
            while end < len(text) and depth:
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                end += 1
            inner = text[m.end() : end - 1]
            spec = _FOR_EACH.fullmatch(inner)
            if spec is None:
                continue  # the plain sum(a, b) of the expression language
            template, var, selector = spec.groups()
            ids = self.select(where, selector, tables)
            if ids is None:
                self._sums[text] = text  # reported once; the expression then fails to parse, also located
                return text
            terms = [self.substitute(template, {var: i}, None) for i in ids]
            out.append(text[pos : m.start()] + "sum(" + ", ".join(terms) + ")")
            pos = end
        out.append(text[pos:])
        self._sums[text] = "".join(out)
        return self._sums[text]

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

    def expression(self, where: str, text: str, known: Container[str]) -> Expr | None:
        text = self.expand_sums(where, text, self.tables)
        made = self._expressions.get(text)  # the same sum is stated by a rule and a derivation
        if made is None:
            try:
                node = parse(text)
            except ExpressionError as exc:
                self.problem(where, f"表达式“{_squash(text)}”有误：{exc}")
                return None
            made = self._expressions[text] = Expr(text, node, compile_node(node), tuple(references(node)))
        for ref in made.refs:
            name = ref[len("prev.") :] if ref.startswith("prev.") else ref
            if ref.startswith("context."):
                continue
            if name not in known:
                self.problem(where, f"未知单元格 {name}")
        return made

    def build_derived(
        self, tables: dict[str, TableDef], cells: dict[str, CellDef]
    ) -> list[DerivedDef]:
        derived: dict[str, DerivedDef] = {}
        for i, raw in enumerate(self.data.get("derived", [])):
            where = f"derived[{i}]"
            group = str(raw.get("id", ""))
            if group:
                if not _ID.match(group) or group in self.derived_specs:
                    self.problem(where, f"合计编号“{group}”无效或重复")
                self.derived_specs[group] = raw
            for binding in self.bindings(where, raw, tables):
                cell = self.substitute(str(raw.get("cell", "")), binding, None)
                if cell not in cells:
                    self.problem(where, f"未知单元格 {cell}")
                    continue
                if cell in derived:
                    self.problem(where, f"单元格 {cell} 重复定义为合计")
                    continue
                template = self.expand_sums(where, str(raw.get("expr", "")), tables)  # once per template
                expr = self.expression(where, self.substitute(template, binding, None), cells)
                if expr is not None:
                    if any(r.startswith(("prev.", "context.")) for r in expr.refs):
                        self.problem(where, "合计只能由本报告的单元格计算")
                    derived[cell] = DerivedDef(cell, expr, group)
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
            if kind is RuleKind.DERIVATION:
                raw = self.derivation(where, raw)
                if raw is None:
                    continue
                kind = RuleKind.EQUATION
            table = tables.get(raw["table"]) if "table" in raw else None
            if "table" in raw and table is None:
                self.problem(where, f"未知的表格“{raw['table']}”")
            roles = self.roles(where, raw)
            for binding in self.bindings(where, raw, tables):
                rule = self.build_rule(where, rid, kind, severity, raw, binding, table, cells)
                if rule is not None:
                    rules.append(replace(rule, table=table.id if table else None, roles=roles,
                                         binding=tuple(binding.items())))
        for rule in rules:
            if RuleRole.CARRY_OVER in rule.roles and not _is_carry(rule):
                self.problem(f"rules {rule.id}", "结转规则应为“本年单元格 == prev.上年单元格”的等式")
        return rules

    def derivation(self, where: str, raw: dict[str, Any]) -> dict[str, Any] | None:
        """A "stated total equals its derivation" rule as the equation it stands for: left is the
        [[derived]] entry's cell, right its expression, for each of the entry's (or the rule's) values."""
        name = str(raw.get("derivation", ""))
        spec = self.derived_specs.get(name)
        if spec is None:
            self.problem(where, f"derivation 应为某个 [[derived]] 的 id，未找到“{name}”")
            return None
        if "left" in raw or "right" in raw:
            self.problem(where, "derivation 规则不写 left / right：两边取自合计的定义")
            return None
        return {**raw, "for_each": raw.get("for_each", spec.get("for_each")),
                "left": spec.get("cell", ""), "right": spec.get("expr", ""), "op": "=="}

    def roles(self, where: str, raw: dict[str, Any]) -> tuple[RuleRole, ...]:
        values = raw.get("roles", [])
        if not isinstance(values, list):
            self.problem(where, "roles 应为列表")
            return ()
        roles: list[RuleRole] = []
        for value in values:
            try:
                roles.append(RuleRole(value))
            except ValueError:
                self.problem(where, f"未知的规则用途“{value}”（可用：{'、'.join(RuleRole)}）")
        return tuple(roles)

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
            template = self.expand_sums(where, str(raw.get(key, "")), self.tables)  # memoised per template
            return self.substitute(template, binding, table).strip()

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
            for ref in _MESSAGE_REF.findall(message):
                name = ref[len("prev.") :] if ref.startswith("prev.") else ref
                if name not in cells:
                    self.problem(f"{where}.message", f"消息中引用了未知单元格 {name}")
            for ref in _MESSAGE_VALUE.findall(message):
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


def _is_carry(rule: RuleDef) -> bool:
    from reportdesk.core.expressions import Ref

    return (rule.kind is RuleKind.EQUATION and rule.op == "==" and rule.left is not None
            and rule.right is not None and isinstance(rule.left.node, Ref) and isinstance(rule.right.node, Ref)
            and not rule.left.node.name.startswith(("prev.", "context."))
            and rule.right.node.name.startswith("prev."))


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
