"""Reports for tests and benchmarks: complete, consistent, with every cell filled."""

from __future__ import annotations

import random
from decimal import Decimal

from reportdesk.core.catalog import get_form
from reportdesk.core.report import Report, Totals, derive

RESULT_ROWS = [
    "granted", "partly_granted",
    "refused_state_secret", "refused_prohibited", "refused_security", "refused_third_party",
    "refused_internal", "refused_process", "refused_enforcement_file", "refused_inquiry",
    "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
    "declined_petition", "declined_duplicate", "declined_publication", "declined_excessive",
    "declined_confirmation", "other_no_correction", "other_no_fee", "other_other",
]
PARTS = ["natural", "commercial", "research", "public_interest", "legal_services", "other_org"]
TEXTS = {
    "preamble": "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。",
    "overview": "（一）主动公开\n本年度通过门户网站主动公开政府信息。\n（二）依申请公开\n依法办理政府信息公开申请。",
    "problems": "（一）存在的主要问题\n公开内容的解读还不够。\n（二）改进情况\n下一年度将加强政策解读。",
    "other": "本年度未收取信息处理费。",
}


def complete_report(seed: int = 1, agency: str = "某市某某局", year: int = 2023, *, stated: bool = False) -> Report:
    """A report with every input cell filled and every rule holding (balance included)."""
    rng = random.Random(seed)
    form = get_form()
    cells: dict[str, int | Decimal | None] = {}
    for cid in form.input_cells:
        cells[cid] = rng.randint(0, 9)
    cells["proactive.regulations.issued"] = 0
    cells["proactive.regulations.repealed"] = 0
    cells["proactive.regulations.in_force"] = 0
    cells["proactive.normative_documents.in_force"] = 20 + rng.randint(0, 20)
    cells["proactive.fees.amount"] = Decimal("12.5")
    for c in PARTS:
        cells[f"requests.other_no_fee.{c}"] = 0  # section 六 says no fee was charged
    for c in PARTS:
        handled = sum(int(cells[f"requests.{r}.{c}"] or 0) for r in RESULT_ROWS)
        carried_over = int(cells[f"requests.carried_over.{c}"] or 0)
        forward = rng.randint(0, 3)
        cells[f"requests.carried_forward.{c}"] = forward
        cells[f"requests.received.{c}"] = max(0, handled + forward - carried_over)
        if handled + forward - carried_over < 0:
            cells[f"requests.carried_over.{c}"] = handled + forward
    report = Report(form_id=form.id, agency=agency, year=year, cells=cells, texts=dict(TEXTS))
    if stated:
        report.cells = derive(form, report.cells)
        report.totals = Totals.STATED
    return report
