"""Checking a report: the form, the context and the rule engine put together."""

from __future__ import annotations

from reportdesk.core.catalog import get_form
from reportdesk.core.context import build_context
from reportdesk.core.findings import Finding, sort_findings
from reportdesk.core.form import FormDef
from reportdesk.core.report import Report, effective_cells
from reportdesk.core.rules import evaluate
from reportdesk.core.text import DocumentStructure, check_text


def check_report(
    report: Report, previous: Report | None = None, structure: DocumentStructure | None = None,
    form: FormDef | None = None,
) -> list[Finding]:
    """The table rules and the whole-document text rules, errors first.

    *structure* is the layout found by an importer; it defaults to ``report.structure``
    (None for a draft or JSON, whose layout is the form's own).  *form* is the report's
    form when the caller has it already (looked up by ``report.form_id`` otherwise).
    """
    if form is None or form.id != report.form_id:
        form = get_form(report.form_id)
    previous_cells = effective_cells(get_form(previous.form_id), previous) if previous else None
    context = build_context(report, previous, previous_cells)
    findings = evaluate(form, report, context)
    findings.extend(check_text(form, report, effective_cells(form, report), structure or report.structure))
    return sort_findings(findings)
