"""The whole-document rules other than text_number: each with real faults and look-alikes."""

from __future__ import annotations

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.form import Severity
from reportdesk.core.text import TEXT_RULES, DocumentStructure, LabelFound
from tests.core.text.helpers import make_report, text_findings

HEADINGS = tuple(s.heading for s in get_form().sections)


def test_every_rule_has_the_reference_severity() -> None:
    errors = {r.id for r in TEXT_RULES.values() if r.severity is Severity.ERROR}
    assert errors == {"missing_table", "old_format", "text_number"}
    assert set(TEXT_RULES) == {"headings", "missing_table", "label", "old_format", "text_number", "text_year",
                               "citation", "parts_count", "fee_statement", "title", "old_format_idea",
                               "template_text", "text_conflict"}


# --- text_year ---------------------------------------------------------------------------

YEAR_CAUGHT = [
    pytest.param("preamble", "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。", "2021 年至 2021 年", id="period-year"),
    pytest.param("preamble", "本报告中所列数据的统计期限自2022年1月1日起至2022年12月30日止。", "12月30日", id="period-12-30"),
    pytest.param("requests", "截至2021年底，我镇尚无行政机关收到和处理政府信息公开申请情况。", "截至2021年底", id="截至去年底"),
    pytest.param("problems", "2022 年，本局将继续按照政府信息公开有关要求，加大工作力度。", "2023", id="plan-dated-this-year"),
    pytest.param("problems", "2022年我局将进一步拓宽信息公开渠道。", "2023", id="plan-no-comma"),
    pytest.param("overview", "2021年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入推进政务公开。", "2021年", id="copied-opening"),
]


@pytest.mark.parametrize(("section", "text", "shown"), YEAR_CAUGHT)
def test_text_year_caught(section: str, text: str, shown: str) -> None:
    (finding,) = text_findings(make_report(texts={section: text}), rule="text_year")
    assert shown in finding.message
    assert finding.section == section and finding.excerpt == text
    assert finding.severity is Severity.WARNING


YEAR_SILENT = [
    pytest.param("preamble", "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。", id="right-period"),
    pytest.param("preamble", "本报告中所列数据的统计限自 2022年 1 月 1 日至 2022 年 12 月 31 日止。", id="sample-spacing"),
    pytest.param("overview", "截至2022年底，现行有效行政规范性文件9件。", id="截至本年底"),
    pytest.param("overview", "截至2021年底较上年增加了3件。", id="截至-comparison"),
    pytest.param("problems", "2023年，本局将继续按照政府信息公开有关要求，加大工作力度。", id="plan-next-year"),
    pytest.param("problems", "（一）2022 年我局政府信息公开工作主要问题", id="problems-heading"),
    pytest.param("problems", "针对2021年度报告中指出的问题，已全部整改到位。", id="last-year-problems"),
    pytest.param("overview", "2021年以来，我局持续推进政务公开标准化规范化。", id="since-last-year"),
    pytest.param("overview", "根据《关于做好2021年度政府信息公开工作年度报告编制和发布工作的通知》要求编制。", id="in-a-title"),
    pytest.param("overview", "与2021年相比，2022年主动公开信息增长20%。", id="comparison"),
]


@pytest.mark.parametrize(("section", "text"), YEAR_SILENT)
def test_text_year_silent(section: str, text: str) -> None:
    assert text_findings(make_report(texts={section: text}), rule="text_year") == []


def test_title_year_differs_from_report_year() -> None:
    structure = DocumentStructure(title="某县某某局2021年政府信息公开工作年度报告")
    (finding,) = text_findings(make_report(), structure, rule="text_year")
    assert "2021" in finding.message and "2022" in finding.message
    right = DocumentStructure(title="某县某某局2022年政府信息公开工作年度报告")
    assert text_findings(make_report(), right, rule="text_year") == []


# --- citation ----------------------------------------------------------------------------

CITATION_CAUGHT = [
    pytest.param("根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）的要求编制。",
                 "〔2019〕60号", id="2019-basis"),
    pytest.param("主动公开内容按照国办发〔2021〕30号文件要求编制。", "国办发〔2021〕30号", id="国办发"),
    pytest.param("根据《中华人民共和国政府信息公开工作年度报告格式》（国办政务公开办函〔2021〕30号）的要求编制。", "国办政务公开办函",
                 id="国办政务公开办函"),
    pytest.param("认真落实《年度报告格式》（国办公开办函【2021】30号）的文件精神。", "【2021】30号", id="【】"),
    pytest.param("按国办公开办函[2021]30号要求编制。", "[2021]30号", id="[]"),
    pytest.param("认真落实《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2021〕30号）。",
                 "2019年通知", id="2019-title-2021-number"),
    pytest.param("根据《国务院办公厅政府信息与政务公开办公室政府信息开年度报告有关事项的通知》和省、市要求编制。", "2019年的通知",
                 id="2019-title-alone"),
]


@pytest.mark.parametrize(("text", "shown"), CITATION_CAUGHT)
def test_citation_caught(text: str, shown: str) -> None:
    (finding,) = text_findings(make_report(texts={"preamble": text}), rule="citation")
    assert shown in finding.message
    assert "国办公开办函〔2021〕30号" in finding.advice


CITATION_SILENT = [
    pytest.param(2022, "根据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。", id="right"),
    pytest.param(2022, "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收费。", id="fee-document"),
    pytest.param(2020, "根据国办公开办函〔2019〕60号的要求编制。", id="2020-report-2019-basis"),
]


@pytest.mark.parametrize(("year", "text"), CITATION_SILENT)
def test_citation_silent(year: int, text: str) -> None:
    assert text_findings(make_report(texts={"preamble": text}, year=year), rule="citation") == []


# --- parts_count -------------------------------------------------------------------------

PARTS_CAUGHT = [
    pytest.param("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在问题及改进情况、其他需要报告的事项等六部分组成。",
                 "行政复议", id="five-listed"),
    pytest.param("本报告主要由主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
                 "存在的主要问题及改进情况和其他需要报告的事项等六部分组成。", "总体情况", id="总体-missing"),
    pytest.param("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
                 "存在的主要问题及改进情况五部分组成。", "五部分", id="says-five"),
    pytest.param("本报告由概述、主动公开政府信息情况、政府信息依申请公开办理情况、政府信息公开的收费及减免情况、存在的主要问题和改进情况等部分组成。",
                 "收费及减免", id="pre-2019-parts"),
    pytest.param("本报告由总体情况……存在的主要问题及改进情况、其他需要报告的事项等五部分组成。", "五部分", id="elided-says-five"),
]


@pytest.mark.parametrize(("text", "shown"), PARTS_CAUGHT)
def test_parts_count_caught(text: str, shown: str) -> None:
    (finding,) = text_findings(make_report(texts={"preamble": text}), rule="parts_count")
    assert shown in finding.message


PARTS_SILENT = [
    pytest.param("全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议和提起行政诉讼的情况、"
                 "政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六部分组成。", id="sample"),
    pytest.param("本年报由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
                 "存在的主要问题及改进情况以及其他需要报告的事项组成。", id="no-number"),
    pytest.param("成立了由办公室主任任组长、各科室负责人为成员的领导小组，领导小组由分管领导和各科室负责人组成。", id="not-the-parts"),
    # a list shortened where it was quoted (the sample of 武义县某乡, 2023): what it leaves out is not said
    pytest.param("本年报由本年度政府信息公开的总体情况,...,政府信息公开工作存在的主要问题和改进措施,其他报告事项等6部分组成。",
                 id="elided-list"),
    pytest.param("本报告由总体情况……存在的主要问题及改进情况、其他需要报告的事项等六部分组成。", id="elided-list-……"),
]


@pytest.mark.parametrize("text", PARTS_SILENT)
def test_parts_count_silent(text: str) -> None:
    assert text_findings(make_report(texts={"preamble": text}), rule="parts_count") == []


# --- fee_statement -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("other", "shown"),
    [
        pytest.param("无其他需要报告的事项。", "没有说明信息处理费", id="silent-on-fee"),
        pytest.param("（一）落实上级年度政务公开工作要点情况\n按要求落实。", "没有说明信息处理费", id="other-topics-only"),
        pytest.param("本年度发出收费通知2件，总金额300元，实际收取500元。", "多于", id="collected-more"),
    ],
)
def test_fee_statement_caught(other: str, shown: str) -> None:
    (finding,) = text_findings(make_report(texts={"other": other}), rule="fee_statement")
    assert shown in finding.message and finding.section == "other"


@pytest.mark.parametrize(
    "other",
    [
        "本年度未收取信息处理费。",
        "本单位无其他报告事项，无收取信息处理费情况。",
        "本年度发出收费通知0件，未收取信息处理费。",
        "本年度发出收费通知2件，总金额300元，实际收取200元。",
    ],
)
def test_fee_statement_silent(other: str) -> None:
    assert text_findings(make_report(texts={"other": other}), rule="fee_statement") == []


def test_fee_mentioned_in_another_section_is_named() -> None:
    report = make_report(texts={"other": "无。", "overview": "本年度未收取信息处理费。"})
    (finding,) = text_findings(report, rule="fee_statement")
    assert "一、总体情况" in finding.message


# --- headings, missing_table, label, old_format (from an importer's structure) ------------

def test_form_layout_finds_nothing() -> None:
    report = make_report()
    assert text_findings(report, DocumentStructure(headings=HEADINGS, tables=frozenset(get_form().tables))) == []
    assert text_findings(report, None) == []


@pytest.mark.parametrize(
    ("headings", "shown"),
    [
        pytest.param((*HEADINGS[:3], "四、因政府信息公开工作被申请行政复议提起行政诉讼情况", *HEADINGS[4:]),
                     "四、因政府信息公开工作被申请行政复议提起行政诉讼情况", id="local-variant"),
        pytest.param(HEADINGS[:5], "缺少第六部分", id="missing"),
        pytest.param((HEADINGS[1], HEADINGS[0], *HEADINGS[2:]), "顺序", id="order"),
        pytest.param(("一、总体情况", "二、主动公开政府信息的情况", *HEADINGS[2:]), "主动公开政府信息的情况", id="adds-的"),
    ],
)
def test_headings_caught(headings: tuple[str, ...], shown: str) -> None:
    found = text_findings(make_report(), DocumentStructure(headings=headings), rule="headings")
    assert len(found) == 1 and shown in found[0].message
    assert found[0].severity is Severity.WARNING


def test_headings_with_spaces_and_half_width_are_accepted() -> None:
    headings = ("一、 总体情况", *HEADINGS[1:3], "四、政府信息公开行政复议、行政诉讼情况 ", *HEADINGS[4:])
    assert text_findings(make_report(), DocumentStructure(headings=headings), rule="headings") == []


def test_missing_tables_are_errors() -> None:
    found = text_findings(make_report(), DocumentStructure(tables=frozenset({"proactive"})), rule="missing_table")
    assert [f.section for f in found] == ["requests", "appeals"]
    assert all(f.is_error for f in found)


@pytest.mark.parametrize(
    ("label", "flagged"),
    [
        (LabelFound("requests", "（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), True),
        (LabelFound("requests", "5.属于三类内容事务信息", "5.属于三类内部事务信息"), True),
        (LabelFound("proactive", "现行有效件数（历史累计）", "现行有效件数"), True),
        (LabelFound("proactive", "规范性文件", "行政规范性文件"), True),
        (LabelFound("requests", "商业 企业", "商业企业"), False),
        (LabelFound("requests", "(一)予以公开", "（一）予以公开"), False),
        (LabelFound("requests", "1。属于国家秘密", "1.属于国家秘密"), False),
    ],
)
def test_label(label: LabelFound, flagged: bool) -> None:
    found = text_findings(make_report(), DocumentStructure(labels=(label,)), rule="label")
    assert len(found) == int(flagged)
    if flagged:
        assert label.found in found[0].message and str(label.official) in found[0].message


def test_old_format_from_labels_and_signs() -> None:
    structure = DocumentStructure(
        labels=(LabelFound("proactive", "本年新制作数量", None), LabelFound("proactive", "其他对外管理服务事项", None)),
        old_format_signs=("（六）其他处理为单行",),
    )
    (finding,) = text_findings(make_report(), structure, rule="old_format")
    assert finding.is_error
    for shown in ("本年新制作数量", "其他对外管理服务事项", "（六）其他处理为单行"):
        assert shown in finding.message
    assert text_findings(make_report(year=2020), structure, rule="old_format") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("全年共公开10条信息，办理行政许可0件，其他对外管理服务事项0件，行政处罚0件。", True),
        ("认真做好政府集中采购项目信息公开。", False),
        ("办理行政许可0件，行政处罚0件，行政强制0件。", False),
    ],
)
def test_old_format_in_text(text: str, flagged: bool) -> None:
    assert len(text_findings(make_report(texts={"overview": text}), rule="old_format")) == int(flagged)
