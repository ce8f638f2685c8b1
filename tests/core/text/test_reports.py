"""Whole reports: the sample gives exactly its real fault; composed reports give theirs."""

from __future__ import annotations

import json
from pathlib import Path

from reportdesk.app.reading import read_report
from reportdesk.core.checks import check_report
from reportdesk.core.text import DocumentStructure
from tests.core.text.helpers import make_report

TEXT_RULE_IDS = {"headings", "missing_table", "label", "old_format", "text_number", "text_year", "citation",
                 "parts_count", "fee_statement"}


def _text(findings):  # type: ignore[no-untyped-def]
    return [f for f in findings if f.rule in TEXT_RULE_IDS]


def test_sample_report_gives_exactly_its_real_fault(sample_path: Path) -> None:
    report = read_report(sample_path)
    found = _text(check_report(report))
    assert [(f.rule, f.section) for f in found] == [("text_year", "problems")]
    (finding,) = found
    assert finding.excerpt is not None and finding.excerpt.startswith("2022 年，本局将继续")
    assert "2023" in finding.message
    text = report.texts["problems"]
    assert finding.span is not None and text[finding.span[0] : finding.span[1]] == finding.excerpt


def test_sample_report_json_output_carries_the_span(sample_path: Path) -> None:
    report = read_report(sample_path)
    data = [f.to_json() for f in check_report(report) if f.rule == "text_year"]
    assert json.loads(json.dumps(data, ensure_ascii=False))[0]["span"] == list(data[0]["span"])


# A district office's 2023 report as such reports are written (phrasings from published reports).
CLEAN_2023 = {
    "preamble": "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
                "（国办公开办函〔2021〕30号）要求编制。全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
                "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。本报告电子版可在区人民政府门户网站查阅或下载。",
    "overview": "2023年，区政府办公室坚持以人民为中心，全面推进政务公开。\n（一）主动公开\n全年通过门户网站主动公开政府信息1,203条，"
                "其中政策文件56件，政策解读率达100%。截至2023年底，现行有效行政规范性文件25件。\n（二）依申请公开\n"
                "2023年共受理政府信息依申请公开66件（其中本年度新收申请数64件，上年结转申请数2件），已答复63件，"
                "其中予以公开20件、部分公开17件，另3件结转下一年处理。\n（三）政府信息管理\n全年清理行政规范性文件12件。\n"
                "（四）政府信息公开平台建设\n优化门户网站栏目设置，全年回复网民留言300余条。\n（五）监督保障\n"
                "将政务公开纳入年度绩效考核，全年开展培训3次。",
    "appeals": "2023年我局因政府信息公开被行政复议2件，其中结果维持1件、尚未审结1件。未发生行政诉讼。",
    "problems": "（一）存在的主要问题\n政策解读形式较为单一。\n（二）改进情况\n2024年，我办将进一步丰富解读形式。"
                "针对2022年度报告中指出的问题，已全部整改到位。",
    "other": "本年度未发出收费通知，未收取信息处理费。人大代表建议和政协提案办理结果均已公开。",
}
CELLS_2023 = {
    "requests.received.total": 64, "requests.received.natural": 60, "requests.received.commercial": 4,
    "requests.carried_over.total": 2, "requests.carried_over.natural": 2,
    "requests.granted.total": 20, "requests.partly_granted.total": 17,
    "requests.handled_total.total": 63, "requests.carried_forward.total": 3,
    "appeals.reconsideration.upheld": 1, "appeals.reconsideration.pending": 1, "appeals.reconsideration.total": 2,
    "appeals.litigation_direct.total": 0, "appeals.litigation_after.total": 0,
}


def test_composed_clean_report_has_no_text_findings() -> None:
    report = make_report(CELLS_2023, CLEAN_2023, year=2023)
    assert _text(check_report(report)) == []


def test_composed_report_copied_from_last_year() -> None:
    """Last year's text carried into this year's report with this year's tables: the classic faults."""
    texts = dict(CLEAN_2023)
    texts["preamble"] = texts["preamble"].replace("国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号").replace(
        "自2023年1月1日起至2023年12月31日止", "自2022年1月1日起至2022年12月31日止")
    texts["overview"] = texts["overview"].replace("2023年共受理政府信息依申请公开66件（其中本年度新收申请数64件，上年结转申请数2件）",
                                                  "2023年共受理政府信息依申请公开58件（其中本年度新收申请数56件，上年结转申请数2件）")
    texts["appeals"] = "本年度因政府信息公开引起的行政复议2件，均获维持。"
    texts["problems"] = texts["problems"].replace("2024年，我办将", "2023年，我办将")
    texts["other"] = "无其他需要报告的事项。"
    report = make_report(CELLS_2023, texts, year=2023)
    found = _text(check_report(report))
    summary = sorted((f.rule, f.section) for f in found)
    assert summary == sorted([
        ("text_number", "overview"),  # 受理58 vs 64 (+2 = 66)
        ("text_number", "overview"),  # 新收56 vs 64
        ("text_number", "appeals"),  # 均获维持 vs 1 尚未审结
        ("text_year", "preamble"),  # 统计期限 2022
        ("text_year", "problems"),  # plan dated 2023
        ("citation", "preamble"),  # 〔2019〕60号
        ("fee_statement", "other"),
    ])
    errors = {f.rule for f in found if f.is_error}
    assert errors == {"text_number"}
    upheld = next(f for f in found if f.section == "appeals")
    assert upheld.cells == ("appeals.reconsideration.pending",)


def test_composed_imported_report_with_a_bad_layout() -> None:
    structure = DocumentStructure(
        title="某区人民政府办公室2023年政府信息公开工作年度报告",
        headings=("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题和改进措施", "六、其他需要报告的事项"),
        tables=frozenset({"proactive", "requests"}),
    )
    report = make_report(CELLS_2023, CLEAN_2023, year=2023)
    report.structure = structure
    found = _text(check_report(report))
    assert sorted((f.rule, f.section) for f in found) == [("headings", "problems"), ("missing_table", "appeals")]
    assert found[0].rule == "missing_table"  # errors first
