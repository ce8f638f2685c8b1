"""Mapping the cells of tables found in a document to the cells of the form, by their labels.

A reader (Word, Excel) turns each table or sheet into a :data:`Grid`: rows of cell texts
on the table's grid, a merged cell's text at its first (top-left) position and ``""`` on
the positions it covers.  :class:`TableMapper` reads grids in document order:

- header rows set which grid column holds which form column ("自然人" … "总计",
  "本年制发件数" …, "行政复议"/"未经复议直接起诉"/"复议后起诉" over "结果维持" …);
  a table continued in a second Word table without its header ("续表") keeps them;
- a row whose label matches a row of the form gives that row's cells;
- the 2019 tables are recognised by their own labels and never read as 2021 figures.

Nothing is guessed silently: every label that differs from the official one, every row
that could not be placed and every cell not found is recorded for the import summary.
Plain Python, no office library.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportdesk.core.findings import Finding
from reportdesk.core.form import FormDef, Severity
from reportdesk.core.labels import KNOWN_VARIANTS, LabelHit, LabelIndex, Match, label_key, old_format_label, squeeze
from reportdesk.core.numbers import BLANK_MARKS, Value, ValueParseError, ValueType, normalise_text, parse_value
from reportdesk.core.report import InvalidValue, Report, Totals
from reportdesk.core.text.structure import DocumentStructure, LabelFound

if TYPE_CHECKING:
    from reportdesk.core.document_text import DocumentText

log = logging.getLogger(__name__)

Grid = list[list[str]]

TABLE_NAMES = {"proactive": "表二（主动公开）", "requests": "表三（依申请公开）", "appeals": "表四（复议诉讼）"}
APPEAL_GROUPS = {"行政复议": "reconsideration", "未经复议直接起诉": "litigation_direct", "复议后起诉": "litigation_after"}
_REQUEST_HEAD_MARKS = {label_key(x) for x in ("自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
                                               "法律服务机构", "申请人情况")}
_APPEAL_HEAD_MARKS = {label_key(x) for x in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持",
                                              "结果纠正", "尚未审结")}
_PROACTIVE_HEAD_MARKS = {label_key(x) for x in ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
                                                 "本年处理决定数量", "本年收费金额（单位：万元）")}
_PROACTIVE_VARIANT_MARKS = {
    label_key(v) for head in ("现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）") for v in KNOWN_VARIANTS[head]
}
_NUMBERISH = re.compile(r"^[-+]?[\d,，.．]+(万元|件|个|项|条)?$")
_OTHER_HANDLING_SINGLE = label_key("（六）其他处理")


@dataclass(frozen=True, slots=True)
class LabelDifference:
    where: str  # "表三（依申请公开）行" / "…列"
    found: str
    official: str
    kind: Match


@dataclass(slots=True)
class ImportSummary:
    """What an import read and what it could not: shown to the user, never hidden."""

    source: str  # "Word" or "Excel" or "JSON"
    cells_read: list[str] = field(default_factory=list)
    cells_missing: list[str] = field(default_factory=list)
    label_differences: list[LabelDifference] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    tables_found: list[str] = field(default_factory=list)
    old_format_labels: list[str] = field(default_factory=list)
    headings_found: list[str] = field(default_factory=list)
    embedded: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def old_format(self) -> bool:
        return bool(self.old_format_labels)

    def brief(self) -> str:
        """One line for a table of many reports (Word and Excel imports only; "" otherwise)."""
        if self.source not in ("Word", "Excel"):
            return ""
        parts = [f"读取 {len(self.cells_read)} 格，未找到 {len(self.cells_missing)} 格"]
        if self.label_differences:
            parts.append(f"标签不同 {len(self.label_differences)} 处")
        if self.unmapped:
            parts.append(f"未能对应 {len(self.unmapped)} 处")
        if self.old_format:
            parts.append("2019 年旧格式")
        return "，".join(parts)

    def lines(self) -> list[str]:
        """The summary in Chinese, one statement a line."""
        out = [f"来源：{self.source}" + ("（含 ReportDesk 导出时嵌入的数据）" if self.embedded else "")]
        if self.old_format:
            out.append(f"识别为 2019 年旧格式（{'、'.join(self.old_format_labels[:4])}），表格数字未读取。")
        out.append(f"读取单元格 {len(self.cells_read)} 个，未找到 {len(self.cells_missing)} 个。")
        if self.tables_found:
            out.append("找到的表格：" + "、".join(TABLE_NAMES.get(t, t) for t in self.tables_found))
        for d in self.label_differences:
            kind = "文字不同" if d.kind is Match.WORDING else "标点或空格不同"
            out.append(f"标签{kind}：{d.where}“{d.found}”，官方为“{d.official}”")
        out.extend(f"未能对应：{u}" for u in self.unmapped)
        out.extend(self.notes)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "embedded": self.embedded,
            "cells_read": len(self.cells_read),
            "cells_missing": list(self.cells_missing),
            "tables_found": list(self.tables_found),
            "label_differences": [
                {"where": d.where, "found": d.found, "official": d.official, "kind": str(d.kind)}
                for d in self.label_differences
            ],
            "unmapped": list(self.unmapped),
            "old_format_labels": list(self.old_format_labels),
            "notes": list(self.notes),
        }


@dataclass(slots=True)
class ImportResult:
    """A report read from a document, the import summary and what the import itself found."""

    report: Report
    summary: ImportSummary
    findings: list[Finding] = field(default_factory=list)


@functools.lru_cache(maxsize=4096)
def _is_blank_or_number(text: str) -> bool:
    s = squeeze(text)
    return s in BLANK_MARKS or normalise_text(s) in BLANK_MARKS or bool(_NUMBERISH.match(normalise_text(s)))


def _has_number(texts: list[str]) -> bool:
    return any(squeeze(t) and _NUMBERISH.match(normalise_text(t)) for t in texts)


_INDEXES: dict[str, tuple[LabelIndex, dict[str, LabelIndex], LabelIndex, frozenset[str]]] = {}


def _indexes(form: FormDef) -> tuple[LabelIndex, dict[str, LabelIndex], LabelIndex, frozenset[str]]:
    """The label indexes of a form, built once per process (they remember what they matched)."""
    if form.id not in _INDEXES:
        rows = {f"{t.id}.{r.id}": r.label for t in form.tables.values() for r in t.rows}
        columns = {tid: LabelIndex({c.id: c.label for c in t.columns}) for tid, t in form.tables.items()}
        groups = LabelIndex({v: k for k, v in APPEAL_GROUPS.items()} | {"litigation": "行政诉讼"})
        known = {label_key(g.text) for t in form.tables.values() for g in t.grid if g.text}
        known |= {label_key(t.title) for t in form.tables.values()}
        _INDEXES[form.id] = (LabelIndex(rows), columns, groups, frozenset(known))
    return _INDEXES[form.id]


@functools.lru_cache(maxsize=4096)
def _parse(raw: str, value_type: ValueType) -> Value:
    return parse_value(raw, value_type)


class TableMapper:
    """Feed it the grids of a document in order; then :meth:`finish` gives the cells."""

    def __init__(self, form: FormDef, summary: ImportSummary) -> None:
        self.form = form
        self.summary = summary
        self._rows, self._columns, self._groups, self._known = _indexes(form)
        self.raw: dict[str, str] = {}
        self.where: dict[str, str] = {}
        self._colmap: dict[str, dict[int, str]] = {}
        self._header_block: str | None = None  # the table whose header rows are being read
        self._appeal_groups: dict[int, str] = {}
        self._appeal_cols: dict[int, str] = {}
        self._appeals_pending = False
        self._seen_diffs: set[tuple[str, str]] = set()
        self.labels_found: list[LabelFound] = []
        self.tables_seen: set[str] = set()
        self.old_signs: list[str] = []

    # --- feeding --------------------------------------------------------------------

    def feed(self, grid: Grid, name: str) -> None:
        """Read one table or sheet; *name* says where it is ("第 2 个表格", "工作表“表三”")."""
        self._header_block = None
        for r, row in enumerate(grid):
            if not any(squeeze(t) for t in row):
                if self._header_block == "appeals" and self._appeals_pending and self._appeal_cols:
                    # The value row right under 表四's header, wholly blank: 15 blank cells, not a missing table.
                    self._read_appeals_row(row + [""] * max(0, max(self._appeal_cols) + 1 - len(row)),
                                           f"{name}第 {r + 1} 行")
                    self.tables_seen.add("appeals")
                    self._header_block = None
                continue  # an extra empty row
            self._feed_row(row, f"{name}第 {r + 1} 行")

    def _feed_row(self, row: list[str], where: str) -> None:
        for text in row:
            old = old_format_label(text) if text else None
            if old and old not in self.summary.old_format_labels:
                self.summary.old_format_labels.append(old)
                self.labels_found.append(LabelFound("proactive", squeeze(text), None))
        keys = [label_key(t) if t else "" for t in row]
        kind = self._header_kind(keys)
        if kind is not None:
            self._read_header(kind, row, keys)
            return
        self._header_block = None
        label_col, hit = self._row_label(row)
        if hit is None:
            if _OTHER_HANDLING_SINGLE in keys and _has_number(row[keys.index(_OTHER_HANDLING_SINGLE) + 1:]):
                sign = "（六）其他处理（单独一行）"
                if sign not in self.summary.old_format_labels:
                    self.summary.old_format_labels.append(sign)
                    self.old_signs.append("表三“（六）其他处理”只有一行，没有分为 3 项")
                self.tables_seen.add("requests")
                return
            if self._appeals_pending and self._appeal_cols and _has_number(row):
                self._read_appeals_row(row, where)
                return
            self._note_unknown(row, keys, where)
            return
        table_id, row_id = hit.target.split(".", 1)
        self.tables_seen.add(table_id)
        self._note_label(TABLE_NAMES[table_id] + "行", hit, table_id)
        table = self.form.tables[table_id]
        columns = table.row(row_id).columns
        if len(columns) == 1:
            self._read_single(table_id, row_id, columns[0], row, label_col, where)
        else:
            self._read_by_columns(table_id, row_id, columns, row, label_col, where)

    def _header_kind(self, keys: list[str]) -> str | None:
        present = {k for k in keys if k}
        if present & _REQUEST_HEAD_MARKS:
            return "requests"
        if present & _APPEAL_HEAD_MARKS:
            return "appeals"
        if present & _PROACTIVE_HEAD_MARKS or present & _PROACTIVE_VARIANT_MARKS:
            return "proactive"
        if self._header_block == "requests" and present & {label_key("其他"), label_key("总计")}:
            return "requests"
        return None

    def _read_header(self, kind: str, row: list[str], keys: list[str]) -> None:
        new_block = self._header_block != kind
        self._header_block = kind
        if kind == "appeals":
            if new_block:
                self._appeal_groups, self._appeal_cols = {}, {}
            for c, text in enumerate(row):
                if not keys[c]:
                    continue
                group = self._groups.match(text)
                if group is not None:
                    self._appeal_groups[c] = group.target
                    continue
                col = self._columns["appeals"].match(text)
                if col is not None:
                    self._appeal_cols[c] = col.target
                    self._note_label(TABLE_NAMES["appeals"] + "列", col, "appeals")
            self._appeals_pending = True
            return
        mapping = {} if new_block else dict(self._colmap.get(kind, {}))
        for c, text in enumerate(row):
            if not keys[c] or keys[c] in (label_key("信息内容"), label_key("法人或其他组织")):
                continue
            col = self._columns[kind].match(text)
            if col is None:
                continue
            self._note_label(TABLE_NAMES[kind] + "列", col, kind)
            if kind == "proactive" and col.target not in ("issued", "repealed", "in_force"):
                continue
            mapping[c] = col.target
        if mapping or kind == "requests":
            self._colmap[kind] = mapping

    def _row_label(self, row: list[str]) -> tuple[int, LabelHit | None]:
        found: tuple[int, LabelHit | None] = (-1, None)
        for c, text in enumerate(row):
            if not squeeze(text) or _is_blank_or_number(text):
                continue
            hit = self._rows.match(text)
            if hit is not None:
                found = (c, hit)
        return found

    # --- reading values -------------------------------------------------------------

    def _put(self, cell_id: str, text: str, where: str) -> None:
        previous = self.raw.get(cell_id)
        if previous is not None and squeeze(previous) and squeeze(previous) != squeeze(text):
            label = self.form.cells[cell_id].label
            self.summary.unmapped.append(
                f"{where}：“{label}”再次出现，值“{squeeze(text)}”与前面的“{squeeze(previous)}”不同，保留前者"
            )
            return
        if previous is not None and squeeze(previous):
            return
        self.raw[cell_id] = text
        self.where[cell_id] = where

    def _read_single(self, table_id: str, row_id: str, column: str, row: list[str], label_col: int,
                     where: str) -> None:
        values = [squeeze(t) for t in row[label_col + 1:] if squeeze(t)]
        distinct = list(dict.fromkeys(values))
        cell_id = f"{table_id}.{row_id}.{column}"
        if len(distinct) > 1:
            label = self.form.tables[table_id].row(row_id).label
            self.summary.unmapped.append(
                f"{where}：“{label}”只应有一个数字，却有 {len(distinct)} 个（{'、'.join(distinct[:5])}），未读取"
            )
            return
        self._put(cell_id, distinct[0] if distinct else "", where)

    def _read_by_columns(self, table_id: str, row_id: str, columns: tuple[str, ...], row: list[str],
                         label_col: int, where: str) -> None:
        mapping = self._colmap.get(table_id)
        label = self.form.tables[table_id].row(row_id).label
        if not mapping:
            heads = "、".join(self.form.tables[table_id].column(c).label for c in columns)
            self.summary.unmapped.append(f"{where}：“{label}”一行前没有找到表头（{heads}），无法确定各列，未读取")
            return
        used = set()
        for c, column in mapping.items():
            if column not in columns or c <= label_col:
                continue
            used.add(c)
            self._put(f"{table_id}.{row_id}.{column}", row[c] if c < len(row) else "", where)
        stray = [squeeze(row[c]) for c in range(label_col + 1, len(row)) if c not in used and squeeze(row[c])]
        if stray:
            self.summary.unmapped.append(
                f"{where}：“{label}”一行有 {len(stray)} 个数字不在任何表头之下（{'、'.join(stray[:5])}），未读取"
            )

    def _read_appeals_row(self, row: list[str], where: str) -> None:
        groups = sorted(self._appeal_groups.items())
        for c, column in sorted(self._appeal_cols.items()):
            group = next((g for gc, g in reversed(groups) if gc <= c), None)
            if group is None or group == "litigation":
                self.summary.unmapped.append(f"{where}：第 {c + 1} 列“{column}”无法确定属于行政复议还是哪类行政诉讼，未读取")
                continue
            self._put(f"appeals.{group}.{column}", row[c] if c < len(row) else "", where)
        self._appeals_pending = False

    def _note_unknown(self, row: list[str], keys: list[str], where: str) -> None:
        unknown = [squeeze(t) for t, k in zip(row, keys, strict=True)
                   if k and k not in self._known and not _is_blank_or_number(t)]
        if unknown and _has_number(row):
            shown = "、".join(dict.fromkeys(unknown))
            self.summary.unmapped.append(f"{where}：未能识别的行“{shown[:60]}”，其中的数字未读取")

    def _note_label(self, where: str, hit: LabelHit, table_id: str) -> None:
        if hit.match is Match.EXACT or (hit.found, hit.official) in self._seen_diffs:
            return
        if hit.match is Match.WORDING:
            # For the rule ``label`` only a wording change counts: white space, punctuation
            # width and "。" for "." are variants the format's readers must accept.
            self.labels_found.append(LabelFound(table_id, hit.found, hit.official))
        self._seen_diffs.add((hit.found, hit.official))
        self.summary.label_differences.append(LabelDifference(where, hit.found, hit.official, hit.match))

    # --- the result -----------------------------------------------------------------

    def finish(self, report: Report, text: DocumentText | None = None) -> None:
        """Put the values read into *report* (totals as stated) and describe the layout found.

        The layout goes to ``report.structure`` for the whole-document rules (``headings``,
        ``missing_table``, ``label``, ``old_format``); a 2019-format report keeps no figures.
        """
        report.totals = Totals.STATED
        tables = set(self.tables_seen)
        if not self.summary.old_format:
            for cell_id, cell in self.form.cells.items():
                raw = self.raw.get(cell_id)
                if raw is None:
                    self.summary.cells_missing.append(cell_id)
                    continue
                self.summary.cells_read.append(cell_id)
                try:
                    report.cells[cell_id] = _parse(raw, cell.type)
                except ValueParseError as exc:
                    report.invalid[cell_id] = InvalidValue(squeeze(raw), exc.message)
            self.summary.tables_found = [t for t in self.form.tables
                                         if any(c.startswith(t + ".") for c in self.summary.cells_read)]
            tables |= set(self.summary.tables_found)
        else:
            self.summary.cells_missing = list(self.form.cells)
            if report.year is not None and report.year < self.form.valid_from_year:
                self.summary.notes.append(
                    f"{report.year} 年度报告使用 2019 年格式是正确的；本程序只检查 2021 年格式的表格，表格数字未读取。")
        report.structure = DocumentStructure(
            title=text.title if text is not None and text.title else None,
            headings=tuple(text.headings) if text is not None else None,
            tables=frozenset(tables),
            labels=tuple(self.labels_found),
            old_format_signs=tuple(self.old_signs),
        )


def apply_embedded(form: FormDef, result: ImportResult, data: dict[str, Any], *, has_text: bool) -> None:
    """Use the data ReportDesk embedded at export; report every visible figure changed since.

    The published tables are what a reviewer checks, so a figure read from the visible
    table wins and the difference is a finding (rule ``export_mismatch``); what the
    visible tables do not show (metadata, cells not found) comes from the embedded copy.
    """
    from reportdesk.core.catalog import get_form
    from reportdesk.core.interchange import ReportFileError, report_from_json
    from reportdesk.core.numbers import format_value

    try:
        embedded = report_from_json(data, get_form)
    except ReportFileError as exc:
        result.summary.notes.append(f"文件中嵌入的 ReportDesk 数据无法使用（{exc.message}），只按表格读取。")
        return
    summary, visible = result.summary, result.report
    summary.embedded = True
    if summary.old_format:
        return
    read = set(summary.cells_read)
    changed: list[str] = []
    details: list[str] = []
    for cell_id, cell in form.cells.items():
        was = embedded.cells.get(cell_id)
        if cell_id not in read:
            if was is not None or cell_id in embedded.invalid:
                visible.cells[cell_id] = was
            continue
        if cell_id in visible.invalid:
            now_text = visible.invalid[cell_id].raw
        else:
            now = visible.cells.get(cell_id)
            if now == was:
                continue
            now_text = format_value(now) or "空白"
        changed.append(cell_id)
        details.append(f"{cell.label}：表格中为 {now_text}，导出时为 {format_value(was) or '空白'}")
    filled = [c for c in form.cells if c not in read and c in visible.cells]
    if filled:
        summary.notes.append(f"表格中未找到的 {len(filled)} 个单元格按嵌入数据填写。")
        summary.cells_missing = [c for c in summary.cells_missing if c not in filled]
    visible.agency = embedded.agency or visible.agency
    visible.year = embedded.year or visible.year
    visible.meta = dict(embedded.meta)
    visible.rulemaking_power = embedded.rulemaking_power
    if has_text:
        edited = [s.heading for s in form.sections
                  if squeeze(visible.texts.get(s.id, "")) != squeeze(embedded.texts.get(s.id, ""))]
        if edited:
            result.findings.append(Finding(
                "export_text_mismatch", Severity.WARNING,
                f"文字与导出时不一致：{'、'.join(edited)} 的文字在导出后被修改过。",
                advice="以文件中现在的文字为准检查；如需与程序中的草稿一致，请在程序中修改后重新导出。",
            ))
        else:
            visible.texts = {**visible.texts, **embedded.texts}
    else:
        visible.texts = dict(embedded.texts)
    if changed:
        shown = "；".join(details[:8]) + ("；……" if len(details) > 8 else "")
        result.findings.insert(0, Finding(
            "export_mismatch", Severity.ERROR,
            f"表格数字与导出时不一致（{len(changed)} 处）：{shown}。",
            tuple(changed),
            advice="表格在导出后被手工修改过，文中叙述和检查结果可能与发布的表格不符。"
                   "请在程序中修改数字后重新导出，不要直接改 Word/Excel 中的表格。",
            section=form.section_of_cell(changed[0]).id,
        ))
