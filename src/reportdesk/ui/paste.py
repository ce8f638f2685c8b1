"""Pasting a block copied from Excel or WPS into a table, and copying one out.

The block is the clipboard's HTML table or tab-separated text
(:mod:`reportdesk.core.clipboard_table`).  Row labels and column headers in the block place
its figures on their cells wherever it is pasted; bare figures land from the current cell
(a merged value cell takes one pasted column).  Derived totals are skipped, and every value
is parsed like typed input.  The result says what was accepted as is, what was converted (full-width
digits, thousands separators, "/" read as blank …) and what was refused and why.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from reportdesk.core.clipboard_table import (
    MAX_COLUMNS,
    MAX_ROWS,
    TableLayout,
    Unplaced,
    align_block,
    parse_tsv,
    read_clipboard,
)
from reportdesk.core.labels import squeeze
from reportdesk.core.numbers import Value, ValueParseError, format_value, parse_value
from reportdesk.core.records import field, record
from reportdesk.ui.cell_delegate import several_figures
from reportdesk.ui.table_model import ReportTableModel

log = logging.getLogger(__name__)


@record
class Rejected:
    label: str
    raw: str
    message: str


@record(frozen=False)
class PastePlan:
    edits: dict[str, Value] = field(default_factory=dict)
    accepted: list[str] = field(default_factory=list)  # cell ids
    converted: list[tuple[str, str]] = field(default_factory=list)  # (cell id, raw text)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: int = 0  # figures on derived totals (computed here) or a second time on one cell
    unplaced: list[Unplaced] = field(default_factory=list)  # figures that found no cell
    by_labels: bool = False  # aligned by the labels in the pasted block
    unknown_labels: list[str] = field(default_factory=list)
    truncated: bool = False
    totals: list[tuple[str, str]] = field(default_factory=list)  # (derived cell id, the figure pasted on it)
    # totals of the pasted block that differ from the sum of its parts here: (label, pasted, computed)
    total_mismatches: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self) -> str:
        parts = [QCoreApplication.translate("PastePlan", "已粘贴 {0} 个数字").format(len(self.accepted) + len(self.converted))]
        if self.by_labels:
            parts[0] += QCoreApplication.translate("PastePlan", "（按粘贴内容中的行、列标签对齐）")
        if self.converted:
            parts.append(QCoreApplication.translate("PastePlan", "其中 {0} 个经过转换（全角数字、千位分隔符、“/”等）").format(len(self.converted)))
        if self.rejected:
            first = self.rejected[0]
            parts.append(QCoreApplication.translate("PastePlan", "拒绝 {0} 个：{1} {2}").format(len(self.rejected), first.label, _clause(first.message)))
        if self.skipped:
            parts.append(QCoreApplication.translate("PastePlan", "跳过 {0} 个合计（合计自动计算）").format(self.skipped))
        if self.total_mismatches:
            label, pasted, computed = self.total_mismatches[0]
            more = (QCoreApplication.translate("PastePlan", "等 {0} 处").format(len(self.total_mismatches))
                    if len(self.total_mismatches) > 1 else "")
            parts.append(QCoreApplication.translate(
                "PastePlan", "注意：粘贴内容中的合计与各项之和不符——{0}粘贴的是 {1}，各项相加是 {2}{3}，请核对原表").format(
                label, pasted, computed or QCoreApplication.translate("PastePlan", "空"), more))
        if self.unplaced:
            shown = "、".join(f"{u.where}“{squeeze(u.raw)[:12]}”（{u.reason}）" for u in self.unplaced[:3])
            more = QCoreApplication.translate("PastePlan", "等 {0} 个").format(len(self.unplaced)) if len(self.unplaced) > 3 else ""
            parts.append(QCoreApplication.translate("PastePlan", "未能放置：{0}{1}，这些数字没有写入").format(shown, more))
        if self.unknown_labels:
            parts.append(QCoreApplication.translate("PastePlan", "标签{0}与本表的行对不上，其后的数字按位置粘贴").format("、".join(self.unknown_labels[:3])))
        if self.truncated:
            parts.append(QCoreApplication.translate("PastePlan", "粘贴内容超过 {0} 行或 {1} 列，其余部分没有读取").format(MAX_ROWS, MAX_COLUMNS))
        return "；".join(_clause(p) for p in parts) + "。"


def _clause(text: str) -> str:
    """A message used inside a sentence: without its own closing punctuation (no "。；")."""
    return text.strip().rstrip("。；;，,")


def split_block(text: str) -> list[list[str]]:
    """Tab-separated rows; Excel's CRLF, trailing newline and quoted cells are handled."""
    return parse_tsv(text).rows


def table_layout(model: ReportTableModel) -> TableLayout:
    layout = getattr(model, "_paste_layout", None)
    if layout is None:
        form = model.controller.form
        others = {f"{t.id}.{r.id}": r.label for t in form.tables.values() if t.id != model.table.id for r in t.rows}
        layout = TableLayout(model.table, others)
        model._paste_layout = layout  # type: ignore[attr-defined]
    return layout


def plan_paste(model: ReportTableModel, row: int, col: int, text: str, html: str = "") -> PastePlan:
    """What a paste at grid (*row*, *col*) writes: the block aligned by its labels, every value parsed."""
    block = read_clipboard(text, html)
    alignment = align_block(table_layout(model), block, row, col)
    plan = PastePlan(unplaced=list(alignment.unplaced), by_labels=alignment.by_labels,
                     unknown_labels=list(alignment.labels_unknown), truncated=alignment.truncated)
    cells = model.controller.form.cells
    for placement in alignment.placements:
        d = cells[placement.cell_id]
        raw = placement.raw
        if d.derived or d.id in plan.edits:
            if squeeze(raw):
                plan.skipped += 1
                if d.derived:
                    plan.totals.append((d.id, raw))
            continue
        several = several_figures(raw)
        if several is not None:
            plan.rejected.append(Rejected(d.label, raw, several))
            continue
        try:
            value = parse_value(raw, d.type)
        except ValueParseError as exc:
            plan.rejected.append(Rejected(d.label, raw, exc.message))
            continue
        plan.edits[d.id] = value
        if raw.strip() == format_value(value):
            plan.accepted.append(d.id)
        else:
            plan.converted.append((d.id, raw))
    return plan


def check_totals(model: ReportTableModel, plan: PastePlan) -> None:
    """After the paste: a total in the block that the parts written here do not add up to is named.

    Totals are computed, so the pasted one is skipped; when it differs, the source table (or the
    paste) has a figure wrong, and dropping it without a word would hide that.
    """
    cells = model.controller.form.cells
    values = model.controller.values
    for cid, raw in plan.totals:
        try:
            pasted = parse_value(raw, cells[cid].type)
        except ValueParseError:
            continue
        if pasted is not None and values.get(cid) != pasted:
            plan.total_mismatches.append((cells[cid].label, format_value(pasted), format_value(values.get(cid))))


def single_figure(text: str, html: str = "") -> str | None:
    """The one cell's text when the clipboard holds exactly one non-empty cell (one Excel cell), else None."""
    cells = [t for row in read_clipboard(text, html).rows for t in row]
    return cells[0] if len(cells) == 1 and squeeze(cells[0]) else None


def plan_fill(model: ReportTableModel, cell_ids: list[str], raw: str) -> PastePlan:
    """One copied figure pasted on several selected cells fills each of them (as in Excel)."""
    plan = PastePlan()
    cells = model.controller.form.cells
    for cid in cell_ids:
        d = cells[cid]
        if d.derived:
            plan.skipped += 1
            continue
        several = several_figures(raw)
        try:
            if several is not None:
                raise ValueParseError(several, raw)
            value = parse_value(raw, d.type)
        except ValueParseError as exc:
            plan.rejected.append(Rejected(d.label, raw, exc.message))
            continue
        plan.edits[cid] = value
        if raw.strip() == format_value(value):
            plan.accepted.append(cid)
        else:
            plan.converted.append((cid, raw))
    return plan


def copy_block(model: ReportTableModel, top: int, left: int, bottom: int, right: int) -> str:
    """The shown text of a rectangle, tab-separated (merged cells give their text once)."""
    lines = []
    for r in range(top, bottom + 1):
        fields = []
        for c in range(left, right + 1):
            g = model.grid_cell(r, c)
            if g is None or (g.row, g.col) != (r, c):
                fields.append("")
                continue
            fields.append(str(model.index(r, c).data() or ""))
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"
