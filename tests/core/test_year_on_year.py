from __future__ import annotations

from decimal import Decimal

from reportdesk.core.catalog import get_form
from reportdesk.core.year_on_year import large_swings, year_on_year
from tests.factories import complete_report


def test_changes_and_percentages() -> None:
    form = get_form()
    last = complete_report(seed=1, year=2022, stated=True)
    this = complete_report(seed=1, year=2023, stated=True)
    last.cells["proactive.licensing.decisions"] = 40
    this.cells["proactive.licensing.decisions"] = 100
    last.cells["proactive.penalties.decisions"] = 0
    this.cells["proactive.penalties.decisions"] = 12
    this.cells["proactive.enforcement.decisions"] = None
    changes = {c.cell: c for c in year_on_year(form, this, last)}
    licensing = changes["proactive.licensing.decisions"]
    assert (licensing.last, licensing.this, licensing.change, licensing.percent) == (40, 100, 60, Decimal("150.0"))
    assert licensing.describe() == "40 → 100（+60，+150.0%）"
    penalties = changes["proactive.penalties.decisions"]
    assert penalties.percent is None and penalties.change == 12 and penalties.large
    assert changes["proactive.enforcement.decisions"].change is None
    swings = {c.cell for c in large_swings(list(changes.values()))}
    assert swings == {"proactive.licensing.decisions", "proactive.penalties.decisions"}


def test_small_changes_are_not_swings() -> None:
    form = get_form()
    last = complete_report(seed=2, stated=True)
    this = complete_report(seed=2, stated=True)
    this.cells["requests.granted.natural"] = int(last.cells["requests.granted.natural"] or 0) + 5
    assert large_swings(year_on_year(form, this, last)) == []
