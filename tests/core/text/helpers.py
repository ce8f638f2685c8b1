"""Small reports for the text-rule tests: stated figures, only the cells a case needs."""

from __future__ import annotations

from reportdesk.core.catalog import get_form
from reportdesk.core.findings import Finding
from reportdesk.core.report import Report, Totals, effective_cells
from reportdesk.core.text import DocumentStructure, check_text

OTHER_OK = "本年度未收取信息处理费。"


def make_report(cells: dict[str, int] | None = None, texts: dict[str, str] | None = None, year: int = 2022) -> Report:
    """A report read "from a file": totals as stated, section 六 stating the fee unless replaced."""
    all_texts = {"other": OTHER_OK}
    all_texts.update(texts or {})
    return Report(form_id=get_form().id, agency="某县某某局", year=year, cells=dict(cells or {}),
                  texts=all_texts, totals=Totals.STATED)


def text_findings(report: Report, structure: DocumentStructure | None = None, rule: str | None = None) -> list[Finding]:
    form = get_form(report.form_id)
    found = check_text(form, report, effective_cells(form, report), structure)
    return [f for f in found if rule is None or f.rule == rule]
