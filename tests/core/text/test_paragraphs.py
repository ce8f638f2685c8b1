"""Guided writing: the inserted paragraphs agree with the tables, and are brought up to date."""

from __future__ import annotations

from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.report import effective_cells
from reportdesk.core.text.paragraphs import (
    APPEALS_NONE,
    appeals_paragraph,
    data_paragraph,
    preamble,
    refresh_data_paragraphs,
    report_title,
    requests_paragraph,
    stale_data_paragraphs,
)
from tests.factories import complete_report


def _text_findings(report):  # type: ignore[no-untyped-def]
    return [f for f in check_report(report) if f.rule in ("text_number", "parts_count", "text_year", "citation")]


def test_requests_paragraph_states_the_table() -> None:
    form = get_form()
    report = complete_report(seed=3)
    cells = effective_cells(form, report)
    text = requests_paragraph(cells)
    assert text.startswith(f"本年度共收到政府信息公开申请{cells['requests.received.total']}件，其中自然人"
                           f"{cells['requests.received.natural']}件、法人或其他组织")
    assert f"上年结转政府信息公开申请{cells['requests.carried_over.total']}件" in text
    assert f"本年度办结政府信息公开申请{cells['requests.handled_total.total']}件" in text
    assert text.endswith(f"结转下年度继续办理{cells['requests.carried_forward.total']}件。")


def test_appeals_paragraph_zero_and_nonzero() -> None:
    assert appeals_paragraph({}) == APPEALS_NONE
    cells = {"appeals.reconsideration.upheld": 2, "appeals.reconsideration.pending": 1,
             "appeals.litigation_direct.corrected": 1}
    text = appeals_paragraph(cells)
    assert "行政复议3件，其中结果维持2件、结果纠正0件、其他结果0件、尚未审结1件" in text
    assert "行政诉讼1件，其中结果维持0件、结果纠正1件" in text
    assert "未经复议直接起诉1件、复议后起诉0件" in text


def test_inserted_paragraphs_pass_the_text_rules_then_go_stale_then_refresh() -> None:
    form = get_form()
    report = complete_report(seed=5, year=2023)
    report.texts["preamble"] = preamble(form, report)
    report.texts["overview"] += "\n" + data_paragraph(effective_cells(form, report))
    assert _text_findings(report) == []

    report.cells["requests.granted.natural"] = int(report.cells["requests.granted.natural"] or 0) + 2
    report.cells["requests.received.natural"] = int(report.cells["requests.received.natural"] or 0) + 2
    report.cells["appeals.reconsideration.pending"] = int(report.cells["appeals.reconsideration.pending"] or 0) + 1
    stale = [f for f in _text_findings(report) if f.rule == "text_number"]
    named = {c for f in stale for c in f.cells}
    assert {"requests.received.total", "requests.received.natural", "requests.handled_total.total",
            "requests.granted.total", "appeals.reconsideration.total", "appeals.reconsideration.pending"} <= named
    assert all(f.section == "overview" for f in stale)

    cells = effective_cells(form, report)
    assert len(stale_data_paragraphs(report.texts["overview"], cells)) == 2
    before = report.texts["overview"]
    report.texts["overview"], changed = refresh_data_paragraphs(before, cells)
    assert changed == 2
    assert report.texts["overview"].startswith(before.split("\n", 1)[0])  # the clerk's own text is kept
    assert _text_findings(report) == []
    assert refresh_data_paragraphs(report.texts["overview"], cells) == (report.texts["overview"], 0)


def test_preamble_from_metadata() -> None:
    form = get_form()
    report = complete_report(year=2024, agency="某市某某局")
    report.meta = {"contact_office": "办公室", "phone": "0577-1234567", "email": "a@b.cn",
                   "website": "某市人民政府门户网站"}
    text = preamble(form, report)
    assert "（国办公开办函〔2021〕30号）" in text
    assert "总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，" in text
    assert "六部分组成" in text
    assert "统计期限自2024年1月1日起至2024年12月31日止" in text
    assert "某市人民政府门户网站" in text
    assert "请与某市某某局办公室联系（电话：0577-1234567；电子邮箱：a@b.cn）" in text
    assert report_title(report) == "某市某某局2024年政府信息公开工作年度报告"


def test_preamble_leaves_out_missing_metadata() -> None:
    report = complete_report()
    report.meta = {}
    text = preamble(get_form(), report)
    assert "联系" not in text and "电子版" not in text
