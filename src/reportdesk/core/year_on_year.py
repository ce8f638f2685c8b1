"""This year's figures beside last year's: changes and percentages, and the large swings.

The clerk explains large swings in the text; a reviewer looks at them first.  Plain
Python: the same comparison feeds the app's grids, ``check --previous`` and the summary.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from reportdesk.core.form import FormDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.core.records import record
from reportdesk.core.report import Report, effective_cells

log = logging.getLogger(__name__)

#: A change is "large" when it is at least this many percent and this many units.
SWING_PERCENT = Decimal(50)
SWING_MIN = Decimal(10)


@record
class YearChange:
    cell: str
    label: str  # "一、本年新收政府信息公开申请数量 / 总计"
    last: Value
    this: Value
    change: Value  # None when either year is blank
    percent: Decimal | None  # None when last year is blank or 0

    @property
    def large(self) -> bool:
        if self.change is None:
            return False
        size = abs(Decimal(self.change))
        if size < SWING_MIN:
            return False
        return self.percent is None or abs(self.percent) >= SWING_PERCENT

    def describe(self) -> str:
        """"12 → 30（+18，+150.0%）" — how a change is shown to a user."""
        last, this = format_value(self.last) or "空白", format_value(self.this) or "空白"
        if self.change is None:
            return f"{last} → {this}"
        sign = "+" if self.change > 0 else ""
        text = f"{last} → {this}（{sign}{format_value(self.change)}"
        if self.percent is not None:
            text += f"，{'+' if self.percent > 0 else ''}{self.percent}%"
        return text + "）"


def year_on_year(form: FormDef, report: Report, previous: Report,
                 cells: list[str] | None = None) -> list[YearChange]:
    """Every cell of *form* (or *cells*) this year beside last year, in the form's order."""
    now = effective_cells(form, report)
    before = effective_cells(form, previous)
    return [_change(form, cell_id, before, now) for cell_id in (cells or list(form.cells))]


def _change(form: FormDef, cell_id: str, before: Mapping[str, Value], now: Mapping[str, Value]) -> YearChange:
    last, this = before.get(cell_id), now.get(cell_id)
    change: Value = None
    percent: Decimal | None = None
    if last is not None and this is not None:
        change = this - last
        if last != 0:
            percent = (Decimal(change) * 100 / Decimal(last)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return YearChange(cell_id, form.cells[cell_id].label, last, this, change, percent)


def large_swings(changes: list[YearChange]) -> list[YearChange]:
    return [c for c in changes if c.large]
