"""Checking a report: the form, the context and the rule engine put together."""

from __future__ import annotations

from reportdesk.core.catalog import get_form
from reportdesk.core.context import build_context
from reportdesk.core.findings import Finding
from reportdesk.core.report import Report, effective_cells
from reportdesk.core.rules import evaluate


def check_report(report: Report, previous: Report | None = None) -> list[Finding]:
    form = get_form(report.form_id)
    previous_cells = effective_cells(get_form(previous.form_id), previous) if previous else None
    context = build_context(report, previous, previous_cells)
    return evaluate(form, report, context)
