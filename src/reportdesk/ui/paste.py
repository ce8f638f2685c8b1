"""Pasting a block copied from Excel or WPS into a table, and copying one out.

The block is tab-separated text, one line per row.  It lands from the current cell:
columns advance by the width of the cell they land on (a merged value cell takes one
pasted column), labels and derived totals are skipped, and every value is parsed like
typed input.  The result says what was accepted as is, what was converted (full-width
digits, thousands separators, "/" read as blank …) and what was refused and why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from reportdesk.core.numbers import Value, ValueParseError, format_value, parse_value
from reportdesk.ui.table_model import ReportTableModel

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Rejected:
    label: str
    raw: str
    message: str


@dataclass(slots=True)
class PastePlan:
    edits: dict[str, Value] = field(default_factory=dict)
    accepted: list[str] = field(default_factory=list)  # cell ids
    converted: list[tuple[str, str]] = field(default_factory=list)  # (cell id, raw text)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: int = 0  # labels, derived totals, cells outside the table

    def summary(self) -> str:
        parts = [f"已粘贴 {len(self.accepted) + len(self.converted)} 个数字"]
        if self.converted:
            parts.append(f"其中 {len(self.converted)} 个经过转换（全角数字、千位分隔符、“/”等）")
        if self.rejected:
            first = self.rejected[0]
            parts.append(f"拒绝 {len(self.rejected)} 个：{first.label} {first.message}")
        if self.skipped:
            parts.append(f"跳过 {self.skipped} 个标签、合计或表外的格子")
        return "；".join(parts) + "。"


def split_block(text: str) -> list[list[str]]:
    """Tab-separated rows; Excel's trailing newline and quoted cells are handled."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rows = []
    for line in lines:
        fields = []
        for raw in line.split("\t"):
            if len(raw) >= 2 and raw[0] == raw[-1] == '"':
                raw = raw[1:-1].replace('""', '"')
            fields.append(raw)
        rows.append(fields)
    return rows


def plan_paste(model: ReportTableModel, row: int, col: int, text: str) -> PastePlan:
    plan = PastePlan()
    for i, fields in enumerate(split_block(text)):
        r = row + i
        c = col
        for raw in fields:
            g = model.grid_cell(r, c)
            if g is None:
                plan.skipped += 1
                c += 1
                continue
            c = g.col + g.colspan
            d = model.cell_def(model.index(g.row, g.col))
            if d is None or d.derived:
                plan.skipped += 1
                continue
            if d.id in plan.edits:  # a second pasted row landing in a tall cell
                plan.skipped += 1
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
