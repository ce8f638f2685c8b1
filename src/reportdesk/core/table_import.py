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
from typing import TYPE_CHECKING, Any

from reportdesk.core.findings import Finding
from reportdesk.core.form import FormDef, RowDef, Severity, TableDef
from reportdesk.core.labels import LabelHit, LabelIndex, Match, OldFormatLabels, label_key, squeeze
from reportdesk.core.missing import cell_name, describe_missing, table_name
from reportdesk.core.numbers import (
    BLANK_MARKS,
    Value,
    ValueParseError,
    ValueType,
    format_value,
    normalise_text,
    numberish_text,
    parse_marked_value,
    parse_value,
)
from reportdesk.core.records import field, record
from reportdesk.core.report import InvalidValue, Report, Totals
from reportdesk.core.text.structure import DocumentStructure, LabelFound

if TYPE_CHECKING:
    from reportdesk.core.document_text import DocumentText

log = logging.getLogger(__name__)

Grid = list[list[str]]

#: Sources that are not read from a document's tables (their summary has no cell counts).
PLAIN_SOURCES = frozenset({"JSON", "草稿"})
_NUMBERISH = re.compile(r"^[-+]?[\d,，.．]+(万元|件|个|项|条)?$")


@record
class LabelDifference:
    where: str  # "表三（依申请公开）行" / "…列"
    found: str
    official: str
    kind: Match


@record(frozen=False)
class ImportSummary:
    """What an import read and what it could not: shown to the user, never hidden."""

    source: str  # "Word", "Excel", "PDF", "网页" (documents) or "JSON", "草稿"
    cells_read: list[str] = field(default_factory=list)  # blank cells ("", "/") included: they were there
    cells_missing: list[str] = field(default_factory=list)  # not found in the document
    cells_blank: list[str] = field(default_factory=list)  # read, and empty or "/"
    not_found: list[str] = field(default_factory=list)  # per table, what was not found, in words
    label_differences: list[LabelDifference] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    tables_found: list[str] = field(default_factory=list)
    old_format_labels: list[str] = field(default_factory=list)
    old_format_name: str = ""  # the replaced format recognised ("2019 年格式（…）"), from the form
    table_names: dict[str, str] = field(default_factory=dict)  # table id → how messages name it
    headings_found: list[str] = field(default_factory=list)
    embedded: bool = False
    notes: list[str] = field(default_factory=list)
    converted: str = ""  # what was converted before reading ("由 LibreOffice 从 .doc 转换为 .docx")

    @property
    def old_format(self) -> bool:
        return bool(self.old_format_labels)

    @property
    def from_document(self) -> bool:
        """Read from a document's tables by labels (so cells read and missing mean something)."""
        return self.source not in PLAIN_SOURCES

    def brief(self) -> str:
        """One line for a table of many reports (Word and Excel imports only; "" otherwise)."""
        if not self.from_document:
            return ""
        blank = f"（空白 {len(self.cells_blank)} 格）" if self.cells_blank else ""
        parts = [f"读取 {len(self.cells_read)} 格{blank}，未找到 {len(self.cells_missing)} 格"]
        if self.label_differences:
            parts.append(f"标签不同 {len(self.label_differences)} 处")
        if self.unmapped:
            parts.append(f"未能对应 {len(self.unmapped)} 处")
        if self.old_format:
            parts.append(f"旧格式：{self.old_format_name}" if self.old_format_name else "旧格式")
        return "，".join(parts)

    def lines(self) -> list[str]:
        """The summary in Chinese, one statement a line."""
        out = [f"来源：{self.source}" + ("（含 ReportDesk 导出时嵌入的数据）" if self.embedded else "")]
        if self.converted:
            out.append(f"转换：{self.converted}")
        if self.old_format:
            name = self.old_format_name or "旧格式"
            out.append(f"识别为{name}（{'、'.join(self.old_format_labels[:4])}），表格数字未读取。")
        blank = f"（其中空白 {len(self.cells_blank)} 个）" if self.cells_blank else ""
        out.append(f"读取单元格 {len(self.cells_read)} 个{blank}，未找到 {len(self.cells_missing)} 个。")
        if not self.old_format:
            out.extend(f"未找到：{line}。" for line in self.not_found)
        if self.tables_found:
            out.append("找到的表格：" + "、".join(self.table_names.get(t, t) for t in self.tables_found))
        if not self.old_format:
            out.extend(self.table_lines())
        for d in self.label_differences:
            kind = "文字不同" if d.kind is Match.WORDING else "标点或空格不同"
            out.append(f"标签{kind}：{d.where}“{d.found}”，官方为“{d.official}”")
        out.extend(f"未能对应：{u}" for u in self.unmapped)
        out.extend(self.notes)
        return out

    def table_lines(self) -> list[str]:
        """Per table: how many cells were read, and which could not be (at most five named)."""
        from reportdesk.core.catalog import get_form

        cells = get_form().cells
        out = []
        for table_id, name in self.table_names.items():
            read = sum(1 for c in self.cells_read if c.startswith(table_id + "."))
            missing = [c for c in self.cells_missing if c.startswith(table_id + ".")]
            if not read and not missing:
                continue
            if not read:
                out.append(f"{name}：未读到（文件中没有找到这张表或它的表头），{len(missing)} 个单元格空缺。")
            elif missing:
                shown = "、".join(cells[c].label if c in cells else c for c in missing[:5])
                shown += "……" if len(missing) > 5 else ""
                out.append(f"{name}：读取 {read} 格，未读到 {len(missing)} 格（{shown}）。")
            else:
                out.append(f"{name}：读取 {read} 格，全部读到。")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "converted": self.converted,
            "embedded": self.embedded,
            "cells_read": len(self.cells_read),
            "cells_missing": list(self.cells_missing),
            "cells_blank": list(self.cells_blank),
            "not_found": list(self.not_found),
            "tables_found": list(self.tables_found),
            "label_differences": [
                {"where": d.where, "found": d.found, "official": d.official, "kind": str(d.kind)}
                for d in self.label_differences
            ],
            "unmapped": list(self.unmapped),
            "old_format_labels": list(self.old_format_labels),
            "notes": list(self.notes),
        }


@record(frozen=False)
class ImportResult:
    """A report read from a document, the import summary and what the import itself found."""

    report: Report
    summary: ImportSummary
    findings: list[Finding] = field(default_factory=list)


@functools.lru_cache(maxsize=4096)
def _is_blank_or_number(text: str) -> bool:
    s = squeeze(text)
    return s in BLANK_MARKS or normalise_text(s) in BLANK_MARKS or bool(_NUMBERISH.match(numberish_text(s)))


def _has_number(texts: list[str]) -> bool:
    return any(squeeze(t) and _NUMBERISH.match(numberish_text(t)) for t in texts)


@record
class _FormLabels:
    """What the mapper needs to know about a form's labels, all taken from the form definition."""

    rows: LabelIndex  # "table.row" → row label (and its variants)
    columns: dict[str, LabelIndex]  # per table: column id → column label (and its variants)
    groups: dict[str, LabelIndex]  # per wide table: row id or "group:<name>" → the label over its columns
    known: frozenset[str]  # every text of the official grids
    head_marks: dict[str, frozenset[str]]  # per table: header texts that only its header has
    continuation: dict[str, frozenset[str]]  # per table: short header texts ("其他", "总计") that continue it
    plain_heads: dict[str, frozenset[str]]  # per table: header texts that name no column ("信息内容")
    wide: frozenset[str]  # tables whose rows lie side by side in one line (read by column groups)
    multi_columns: dict[str, frozenset[str]]  # per table: the columns of its rows with several cells
    subgroups: dict[str, tuple[str, str, int]]  # subgroup key → (table id, subgroup, number of its rows)
    old: OldFormatLabels
    row_defs: dict[str, RowDef]  # "table.row" → the row
    any_head_mark: frozenset[str]  # the head marks of all tables
    texts: dict[str, _CellText] = field(default_factory=dict)  # what each cell text is, once worked out


@record
class _CellText:
    """What the mapper reads a cell's text as (all of it a function of the text and the form)."""

    squeezed: str  # without white space ("" for an empty cell)
    key: str  # the label key ("" for an empty cell)
    old: str | None  # the replaced format's label it is
    row: LabelHit | None  # the form's row label it is (never a blank or a figure)


_NO_TEXT = _CellText("", "", None, None)
_TEXTS_LIMIT = 20_000


def _cell_text(labels: _FormLabels, text: str) -> _CellText:
    found = labels.texts.get(text)
    if found is not None:
        return found
    squeezed = squeeze(text)
    if not squeezed:
        found = _NO_TEXT
    else:
        row = None if _is_blank_or_number(squeezed) else labels.rows.match(squeezed)
        found = _CellText(squeezed, label_key(squeezed), labels.old.match(squeezed), row)
    if len(labels.texts) < _TEXTS_LIMIT:
        labels.texts[text] = found
    return found


_INDEXES: dict[tuple[str, int], _FormLabels] = {}


def _heads(table: TableDef) -> set[str]:
    return {label_key(g.text) for g in table.grid if g.text and g.role == "head"}


def _indexes(form: FormDef) -> _FormLabels:
    """The label indexes of a form, built once per process (they remember what they matched)."""
    key = (form.id, id(form))
    if key not in _INDEXES:
        tables = form.tables.values()
        rows = {f"{t.id}.{r.id}": r.label for t in tables for r in t.rows}
        row_variants = {f"{t.id}.{r.id}": r.variants for t in tables for r in t.rows if r.variants}
        columns = {t.id: LabelIndex({c.id: c.label for c in t.columns},
                                    variants={c.id: c.variants for c in t.columns if c.variants}) for t in tables}
        heads = {t.id: _heads(t) | {label_key(v) for c in t.columns for v in c.variants} for t in tables}
        marks = {tid: frozenset(k for k in h if len(k) > 2 and not any(k in o for oid, o in heads.items() if oid != tid))
                 for tid, h in heads.items()}
        wide = frozenset(t.id for t in tables if _side_by_side(form, t))
        groups = {t.id: LabelIndex({r.id: r.label for r in t.rows} | {f"group:{g}": g for g in t.groups})
                  for t in tables if t.id in wide}
        known = {label_key(g.text) for t in tables for g in t.grid if g.text}
        known |= {label_key(t.title) for t in tables}
        subgroups = {label_key(sg): (t.id, sg, len(t.rows_in(subgroup=sg))) for t in tables for sg in t.subgroups()}
        old = tuple(label for f in form.old_formats for label in f.labels)
        _INDEXES[key] = _FormLabels(
            LabelIndex(rows, variants=row_variants), columns, groups, frozenset(known), marks,
            {tid: frozenset(k for k in h if len(k) <= 2) for tid, h in heads.items()},
            {t.id: frozenset(_heads(t) - {label_key(c.label) for c in t.columns}) for t in tables},
            wide,
            {t.id: frozenset(c for r in t.rows if len(r.columns) > 1 for c in r.columns) for t in tables},
            subgroups, OldFormatLabels(old), {f"{t.id}.{r.id}": r for t in tables for r in t.rows},
            frozenset().union(*marks.values()))
    return _INDEXES[key]


def _side_by_side(form: FormDef, table: TableDef) -> bool:
    """Whether some line of the official grid holds the cells of more than one row (表四)."""
    lines: dict[int, set[str]] = {}
    for g in table.grid:
        if g.cell_id:
            lines.setdefault(g.row, set()).add(form.cells[g.cell_id].row)
    return any(len(r) > 1 for r in lines.values())


@functools.lru_cache(maxsize=4096)
def _parse(raw: str, value_type: ValueType) -> Value:
    return parse_value(raw, value_type)


class TableMapper:
    """Feed it the grids of a document in order; then :meth:`finish` gives the cells."""

    def __init__(self, form: FormDef, summary: ImportSummary) -> None:
        self.form = form
        self.summary = summary
        self.labels = _indexes(form)
        self._rows, self._columns, self._groups, self._known = (
            self.labels.rows, self.labels.columns, self.labels.groups, self.labels.known)
        summary.table_names = {t.id: t.name for t in form.tables.values()}
        summary.old_format_name = form.old_formats[0].name if form.old_formats else ""
        self.raw: dict[str, str] = {}
        self.where: dict[str, str] = {}
        self._colmap: dict[str, dict[int, str]] = {}
        self._header_block: str | None = None  # the table whose header rows are being read
        self._wide_table = ""  # the side-by-side table whose header was read last
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
        labels = self.labels
        known = labels.texts.get  # what _cell_text gives, for the texts worked out already
        for r, row in enumerate(grid):
            cells = [known(t) or _cell_text(labels, t) for t in row]
            if all(c is _NO_TEXT for c in cells):
                if self._header_block == "appeals" and self._appeals_pending and self._appeal_cols:
                    # The value row right under 表四's header, wholly blank: 15 blank cells, not a missing table.
                    self._read_appeals_row(row + [""] * max(0, max(self._appeal_cols) + 1 - len(row)),
                                           f"{name}第 {r + 1} 行")
                    self.tables_seen.add("appeals")
                    self._header_block = None
                continue  # an extra empty row
            self._feed_row(row, f"{name}第 {r + 1} 行", cells)

    def _feed_row(self, row: list[str], where: str, cells: list[_CellText]) -> None:
        for cell in cells:
            old = cell.old
            if old and old not in self.summary.old_format_labels:
                self.summary.old_format_labels.append(old)
                self.labels_found.append(LabelFound(next(iter(self.form.tables)), cell.squeezed, None))
        squeezed = [c.squeezed for c in cells]
        keys = [c.key for c in cells]
        kind = self._header_kind(keys)
        if kind is not None:
            self._read_header(kind, row, keys)
            return
        self._header_block = None
        label_col, hit = self._row_label(cells)
        if hit is None:
            single = next((k for k in keys if k in self.labels.subgroups), None)
            if single is not None and _has_number(row[keys.index(single) + 1:]):
                # A subgroup given as one row of figures: the replaced format did not split it.
                table_id, subgroup, count = self.labels.subgroups[single]
                sign = f"{subgroup}（单独一行）"
                if sign not in self.summary.old_format_labels:
                    self.summary.old_format_labels.append(sign)
                    name = self.form.tables[table_id].name
                    self.old_signs.append(f"{name}“{subgroup}”只有一行，没有分为 {count} 项")
                self.tables_seen.add(table_id)
                return
            if self._appeals_pending and self._appeal_cols and _has_number(row):
                self._read_appeals_row(row, where)
                return
            self._note_unknown(row, keys, where)
            return
        table_id, row_id = hit.target.split(".", 1)
        self.tables_seen.add(table_id)
        self._note_label("行", hit, table_id)
        columns = self.labels.row_defs[hit.target].columns
        if len(columns) == 1:
            self._read_single(table_id, row_id, columns[0], squeezed, label_col, where)
        else:
            self._read_by_columns(table_id, row_id, columns, row, label_col, where, squeezed)

    def _header_kind(self, keys: list[str]) -> str | None:
        """The table whose header row this is (by the header texts only that table has), or None."""
        present = {k for k in keys if k}
        if not present.isdisjoint(self.labels.any_head_mark):
            hits = {tid: len(present & marks) for tid, marks in self.labels.head_marks.items()}
            best = max(hits, key=lambda t: hits[t], default=None)
            if best is not None and hits[best]:
                return best
        block = self._header_block
        if block is not None and block not in self.labels.wide and present & self.labels.continuation[block]:
            return block
        return None

    def _read_header(self, kind: str, row: list[str], keys: list[str]) -> None:
        new_block = self._header_block != kind
        self._header_block = kind
        if kind in self.labels.wide:
            self._wide_table = kind
            if new_block:
                self._appeal_groups, self._appeal_cols = {}, {}
            for c, text in enumerate(row):
                if not keys[c]:
                    continue
                group = self._groups[kind].match(text)
                if group is not None:
                    self._appeal_groups[c] = group.target
                    continue
                col = self._columns[kind].match(text)
                if col is not None:
                    self._appeal_cols[c] = col.target
                    self._note_label("列", col, kind)
            self._appeals_pending = True
            return
        mapping = {} if new_block else dict(self._colmap.get(kind, {}))
        for c, text in enumerate(row):
            if not keys[c] or keys[c] in self.labels.plain_heads[kind]:
                continue
            col = self._columns[kind].match(text)
            if col is None:
                continue
            self._note_label("列", col, kind)
            if col.target not in self.labels.multi_columns[kind]:
                continue  # a column of one-cell rows only: those are read beside their label
            mapping[c] = col.target
        if mapping or kind == "requests":
            self._colmap[kind] = mapping

    @staticmethod
    def _row_label(cells: list[_CellText]) -> tuple[int, LabelHit | None]:
        """The last of the row's texts that is a row label of the form, and its column."""
        found: tuple[int, LabelHit | None] = (-1, None)
        for c, cell in enumerate(cells):
            if cell.row is not None:
                found = (c, cell.row)
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

    def _read_single(self, table_id: str, row_id: str, column: str, squeezed: list[str], label_col: int,
                     where: str) -> None:
        values = [t for t in squeezed[label_col + 1:] if t]
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
                         label_col: int, where: str, squeezed: list[str]) -> None:
        mapping = self._colmap.get(table_id)
        if not mapping:
            label = self.labels.row_defs[f"{table_id}.{row_id}"].label
            heads = "、".join(self.form.tables[table_id].column(c).label for c in columns)
            self.summary.unmapped.append(f"{where}：“{label}”一行前没有找到表头（{heads}），无法确定各列，未读取")
            return
        used = set()
        for c, column in mapping.items():
            if column not in columns or c <= label_col:
                continue
            used.add(c)
            self._put(f"{table_id}.{row_id}.{column}", row[c] if c < len(row) else "", where)
        stray = [squeezed[c] for c in range(label_col + 1, len(row)) if c not in used and squeezed[c]]
        if stray:
            label = self.labels.row_defs[f"{table_id}.{row_id}"].label
            self.summary.unmapped.append(
                f"{where}：“{label}”一行有 {len(stray)} 个数字不在任何表头之下（{'、'.join(stray[:5])}），未读取"
            )

    def _read_appeals_row(self, row: list[str], where: str) -> None:
        groups = sorted(self._appeal_groups.items())
        for c, column in sorted(self._appeal_cols.items()):
            group = next((g for gc, g in reversed(groups) if gc <= c), None)
            table = self.form.tables[self._wide_table]
            if group is None or group.startswith("group:"):
                rows = "还是".join(r.label for r in table.rows)
                self.summary.unmapped.append(f"{where}：第 {c + 1} 列“{column}”无法确定属于{rows}，未读取")
                continue
            self._put(f"{table.id}.{group}.{column}", row[c] if c < len(row) else "", where)
        self._appeals_pending = False

    def _note_unknown(self, row: list[str], keys: list[str], where: str) -> None:
        unknown = [squeeze(t) for t, k in zip(row, keys, strict=True)
                   if k and k not in self._known and not _is_blank_or_number(t)]
        if unknown and _has_number(row):
            shown = "、".join(dict.fromkeys(unknown))
            self.summary.unmapped.append(f"{where}：未能识别的行“{shown[:60]}”，其中的数字未读取")

    def _note_label(self, what: str, hit: LabelHit, table_id: str) -> None:
        """A label that differs from the official one; *what* is "行" or "列"."""
        if hit.match is Match.EXACT or (hit.found, hit.official) in self._seen_diffs:
            return
        where = self.form.tables[table_id].name + what
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
            raws, cells = self.raw, report.cells
            missing, read, blank = self.summary.cells_missing, self.summary.cells_read, self.summary.cells_blank
            for cell_id, cell in self.form.cells.items():
                raw = raws.get(cell_id)
                if raw is None:
                    missing.append(cell_id)
                    continue
                read.append(cell_id)
                try:
                    value = cells[cell_id] = _parse(raw, cell.type)
                except ValueParseError as exc:
                    try:  # "2①": the figure before a footnote mark, said in the notes
                        report.cells[cell_id], marks = parse_marked_value(squeeze(raw), cell.type)
                    except ValueParseError:
                        report.invalid[cell_id] = InvalidValue(squeeze(raw), exc.message)
                        continue
                    else:
                        self.summary.notes.append(
                            f"{self.where.get(cell_id, '表格')}：“{cell.label}”的值“{squeeze(raw)}”按 "
                            f"{format_value(report.cells[cell_id])} 读取（“{marks}”是脚注标记，不是数字的一部分），请核对。")
                        continue
                if value is None:
                    blank.append(cell_id)
            # A cell id is "table.row.column", and a table id has no ".".
            read_tables = {c.split(".", 1)[0] for c in read}
            self.summary.tables_found = [t for t in self.form.tables if t in read_tables]
            tables |= set(self.summary.tables_found)
        else:
            self.summary.cells_missing = list(self.form.cells)
            if report.year is not None and report.year < self.form.valid_from_year:
                self.summary.notes.append(
                    f"{report.year} 年度报告使用{self.summary.old_format_name or '旧格式'}是正确的；"
                    f"本程序只检查{self.form.basis}格式的表格，表格数字未读取。")
        note_missing(self.form, report, self.summary)
        report.structure = DocumentStructure(
            title=text.title if text is not None and text.title else None,
            headings=tuple(text.headings) if text is not None else None,
            tables=frozenset(tables),
            labels=tuple(self.labels_found),
            old_format_signs=tuple(self.old_signs),
        )


def note_missing(form: FormDef, report: Report, summary: ImportSummary) -> None:
    """Record the cells not found in the report (they are never blank) and say so in the summary."""
    report.missing = set(summary.cells_missing)
    summary.not_found = [part.text for part in describe_missing(form, summary.cells_missing)]


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
        embedded = report_from_json(data, lambda form_id: form if form_id == form.id else get_form(form_id))
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
        details.append(f"{table_name(form, cell.table)}“{cell_name(form, cell_id)}”表格中为 {now_text}，"
                       f"导出时为 {format_value(was) or '空白'}")
    filled = [c for c in form.cells if c not in read and c in visible.cells]
    if filled:
        summary.notes.append(f"表格中未找到的 {len(filled)} 个单元格按嵌入数据填写。")
        summary.cells_missing = [c for c in summary.cells_missing if c not in filled]
        note_missing(form, visible, summary)
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
                f"文字与导出时不一致：{'、'.join(edited)} 的文字在导出后被修改过，已按文件中现在的文字检查；"
                f"如需与草稿一致，请在 ReportDesk 中修改后重新导出。",
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
            f"表格数字与导出时不一致（{len(changed)} 处）：{shown}，请在 ReportDesk 中改正后重新导出，"
            f"不要直接改 Word/Excel 中的表格。",
            tuple(changed),
            advice="表格在导出后被手工修改过，文中叙述和检查结果可能与发布的表格不符。"
                   "请在程序中修改数字后重新导出，不要直接改 Word/Excel 中的表格。",
            section=form.section_of_cell(changed[0]).id,
        ))


def is_cut_row(form: FormDef, pairs: list[tuple[str, str]]) -> bool:
    """Whether the texts above and below a page break are the two halves of one table row.

    Word lets a row (header rows too) break across pages, and a PDF then shows "2.没有现"
    at the foot of one page and "成信息需要另行制作" at the top of the next, or "结果维" and
    "持".  *pairs* are, column by column, the text of the cell touching the break from
    above and of the one touching it from below.  The row was cut when some pair joined
    is one of the form's labels (to the letter or its punctuation) and no pair holds a
    complete label beside a text that does not complete it, nor a figure on both sides.
    """
    known = _indexes(form).known
    joined = cut = 0
    for above, below in pairs:
        if not squeeze(above) or not squeeze(below):
            continue
        if _is_blank_or_number(above) and _is_blank_or_number(below):
            return False  # a figure on both sides: two rows
        if label_key(above + below) in known:
            joined += 1
        elif label_key(above) in known or label_key(below) in known:
            cut += 1
    return joined > 0 and cut == 0


def read_official_tables(form: FormDef) -> None:
    """Read the form's own tables once, filled with zeros, and forget the result.

    A worker process does it before its first file: the label indexes then remember the
    official texts, as they would after the first file, so that no file waits for it.
    """
    mapper = TableMapper(form, ImportSummary("Word"))
    for table in form.tables.values():
        grid = [[""] * table.n_cols for _ in range(table.n_rows)]
        for g in table.grid:
            grid[g.row][g.col] = "0" if g.cell_id else g.text
        mapper.feed(grid, table.name)
    mapper.finish(Report(form_id=form.id))
