"""The certain text checks added from real reports: each with a real fault and its look-alikes."""

from __future__ import annotations

import pytest

from reportdesk.core.form import Severity
from reportdesk.core.text import DocumentStructure
from tests.core.text.helpers import make_report, text_findings

RIGHT_TITLE = "某县某某局2022年政府信息公开工作年度报告"


# --- the 《条例》's order number ----------------------------------------------------------

def test_the_2007_regulation_order_number_is_a_warning() -> None:
    text = "根据《中华人民共和国政府信息公开条例》（国务院令第492号）和国办公开办函〔2021〕30号要求编制。"
    (finding,) = text_findings(make_report(texts={"preamble": text}), rule="citation")
    assert "第492号" in finding.message and "第711号" in finding.message
    assert finding.severity is Severity.WARNING and finding.excerpt == text


@pytest.mark.parametrize("text", [
    "根据《中华人民共和国政府信息公开条例》（国务院令第711号）要求编制。",
    "根据《中华人民共和国政府信息公开条例》（国务院令第 711 号）要求编制。",
])
def test_the_right_order_number_is_silent(text: str) -> None:
    assert text_findings(make_report(texts={"preamble": text}), rule="citation") == []


@pytest.mark.parametrize(("text", "shown"), [
    pytest.param("依据《年度报告格式》（国办公开办涵〔2021〕30号）要求编制。", "国办公开办涵", id="涵-for-函"),
    pytest.param("依据国办发〔2021〕30号文件编制。", "国办发", id="国办发"),
])
def test_any_other_issuer_of_the_basis_is_named(text: str, shown: str) -> None:
    (finding,) = text_findings(make_report(texts={"preamble": text}), rule="citation")
    assert shown in finding.message and "国办公开办函〔2021〕30号" in finding.message


def test_citing_the_2019_notice_beside_the_2021_format_is_no_fault() -> None:
    text = ("根据《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）和《关于印发<中华人民共和国政府信息"
            "公开工作年度报告格式>的通知》（国办公开办函〔2021〕30号）要求编制。")
    assert text_findings(make_report(texts={"preamble": text}), rule="citation") == []


# --- two counts of one thing -------------------------------------------------------------

def test_two_different_counts_of_one_thing_when_the_table_is_blank() -> None:
    report = make_report(texts={"overview": "本年度新收政府信息公开申请12件。",
                                "requests": "本年新收政府信息公开申请14件，均已办结。"})
    (finding,) = text_findings(report, rule="text_conflict")
    assert "12" in finding.message and "14" in finding.message and finding.severity is Severity.WARNING
    assert finding.cells == ("requests.received.total",)


@pytest.mark.parametrize(("texts", "cells"), [
    pytest.param({"overview": "新收政府信息公开申请12件。", "requests": "新收政府信息公开申请12件。"}, {}, id="same-count"),
    pytest.param({"overview": "全县共收到政府信息公开申请42件。", "requests": "本局收到政府信息公开申请5件。"}, {},
                 id="county-wide-beside-own"),
    pytest.param({"overview": "新收政府信息公开申请12件。", "requests": "新收政府信息公开申请14件。"},
                 {"requests.received.total": 14}, id="table-says-which (text_number reports it)"),
    pytest.param({"overview": "共受理政府信息公开申请66件。", "requests": "新收政府信息公开申请64件。"}, {},
                 id="受理-may-include-carried-over"),
])
def test_counts_that_do_not_conflict(texts: dict[str, str], cells: dict[str, int]) -> None:
    assert text_findings(make_report(cells, texts), rule="text_conflict") == []


# --- 2019-format ideas in prose ----------------------------------------------------------

@pytest.mark.parametrize(("text", "shown"), [
    pytest.param("本年度行政事业性收费0项，未收取信息处理费。", "收费0项", id="收费0项"),
    pytest.param("四、政府信息公开的收费及减免情况\n本年度未收取任何费用。", "收费及减免", id="收费及减免-heading"),
    # 鄂州市华容区机关事务服务中心 2022 (the samples): the 2019 table told in prose
    pytest.param("全年共公开10条信息，办理行政许可0件，其他对外管理服务事项0件，行政处罚0件，行政事业性收费项目0项。",
                 "收费项目0项", id="2019-table-in-prose"),
])
def test_2019_format_ideas_in_prose(text: str, shown: str) -> None:
    (finding,) = text_findings(make_report(texts={"other": text}), rule="old_format_idea")
    assert shown in finding.message and finding.severity is Severity.WARNING


@pytest.mark.parametrize("text", [
    "本年度行政事业性收费金额为0万元。",
    "本年度未收取信息处理费。",
    "《关于收费0项的说明》已公开。",
    # 麟游县自然资源局 2023: the fee items published, with their amount
    "主动公开行政事业性收费1项，公开费用总额为4.043万元；法定主动公开信息16条。",
])
def test_2021_fee_statements_are_silent(text: str) -> None:
    assert text_findings(make_report(texts={"other": text}), rule="old_format_idea") == []


def test_2019_ideas_in_a_2020_report_are_silent() -> None:
    report = make_report(texts={"other": "本年度行政事业性收费0项。"}, year=2020)
    assert text_findings(report, rule="old_format_idea") == []


# --- template leftovers ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "shown"), [
    pytest.param("根据贵办《关于做好2022年政府信息公开工作年度报告编制工作的通知》要求，现将有关情况报告如下。", "贵办",
                 id="贵办"),
    pytest.param("XX局高度重视政府信息公开工作。", "XX", id="XX局"),
    pytest.param("××局高度重视政府信息公开工作。", "××", id="××局"),
    pytest.param("如对本报告有疑问，请与某某办公室联系。", "某某", id="某某"),
    pytest.param("本报告电子版可在“中国·济宁”政府门户网站(具体网址)查阅或下载。", "(具体网址)", id="具体网址"),  # 微山县高楼乡 2023
    pytest.param("现公布（单位名称）2023年政府信息公开工作年度报告。", "（单位名称）", id="单位名称"),
])
def test_template_leftovers(text: str, shown: str) -> None:
    report = make_report(texts={"preamble": text})
    report.agency = "桐梓县教育局"
    (finding,) = text_findings(report, rule="template_text")
    assert shown in finding.message and finding.severity is Severity.WARNING and finding.excerpt == text


@pytest.mark.parametrize("text", [
    "本报告电子版可在 http://www.xxgk.gov.cn 查阅。",
    "本局认真落实《关于“贵办”称谓的规定》。",
    "全年办理行政许可XY1件。",
    "报告的电子版可在本局网站（网址：www.example.gov.cn）下载。",
    "申请人应提供姓名（名称）和联系方式。",
])
def test_template_lookalikes_are_silent(text: str) -> None:
    assert text_findings(make_report(texts={"preamble": text}), rule="template_text") == []


def test_the_agency_name_as_entered_is_not_a_leftover() -> None:
    """An example report named "某县某某局" in 基本信息 repeats its name in the text: not the text's fault."""
    report = make_report(texts={"preamble": "如对本报告有疑问，请与某县某某局办公室联系。"})
    assert text_findings(report, rule="template_text") == []


# --- the title ---------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "shown"), [
    pytest.param("某县某某局政府信息公开工作2022年度报告", "年度没有写在", id="year-after"),
    pytest.param("某县某某局2022年政府信息公开工作报告", "没有写成", id="missing-年度"),
    pytest.param("某县某某局2022年政府信息公开年度报告", "没有写成", id="missing-工作"),
    pytest.param("某县某某局2022年政府信息工开工作年度报告", "没有写成", id="typo"),
    pytest.param("某县某某局政府信息公开工作年度报告", "没有写明年度", id="no-year"),
])
def test_title_not_in_the_official_form(title: str, shown: str) -> None:
    (finding,) = text_findings(make_report(), DocumentStructure(title=title), rule="title")
    assert shown in finding.message and finding.severity is Severity.WARNING and finding.excerpt == title


@pytest.mark.parametrize("title", [
    RIGHT_TITLE, "某县某某局2022年度政府信息公开工作年度报告", "某县某某局 2022 年政府信息公开工作年度报告",
])
def test_title_in_the_official_form_is_silent(title: str) -> None:
    assert text_findings(make_report(), DocumentStructure(title=title), rule="title") == []


def test_a_title_on_two_lines_is_one_title() -> None:
    """Titles are often broken over two lines ("…街道办事处\n2022年政府信息公开工作年度报告"); the message shows one line."""
    assert text_findings(make_report(), DocumentStructure(title="某县某某局\n2022年政府信息公开工作年度报告"), rule="title") == []
    (finding,) = text_findings(make_report(), DocumentStructure(title="2022年某县某某局\n政府信息公开工作年度报告"),
                               rule="title")
    assert "\n" not in finding.message and "2022年某县某某局政府信息公开工作年度报告" in finding.message


def test_title_of_another_year_stays_a_text_year_finding() -> None:
    structure = DocumentStructure(title="某县某某局2021年政府信息公开工作年度报告")
    assert text_findings(make_report(), structure, rule="title") == []
    assert len(text_findings(make_report(), structure, rule="text_year")) == 1


def test_preamble_naming_the_report_with_another_year() -> None:
    text = "我镇认真编制了《田黄镇2021年政府信息公开工作年度报告》。"
    (finding,) = text_findings(make_report(texts={"preamble": text}), rule="title")
    assert "2021" in finding.message and "2022" in finding.message
    same = "现公布《某县某某局2022年政府信息公开工作年度报告》。"
    last_year = "针对《某县某某局2021年政府信息公开工作年度报告》中指出的问题，已全部整改。"
    assert text_findings(make_report(texts={"preamble": same, "problems": last_year}), rule="title") == []


# --- preambles that list their parts without "由…组成" -------------------------------------

@pytest.mark.parametrize(("text", "shown"), [
    pytest.param("本报告由6个部分组成，包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、"
                 "其他需要报告的事项。", "行政复议", id="count-before-list"),
    pytest.param("全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况。", "其他需要报告的事项",
                 id="全文包括"),
    pytest.param("报告分为总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
                 "存在的主要问题及改进情况、其他需要报告的事项等五个部分。", "五个", id="报告分为"),
    pytest.param("本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
                 "政府信息公开支出与收费情况、其他需要报告的事项六部分内容。", "支出与收费", id="本报告包括-六部分内容"),
])
def test_parts_listed_without_由(text: str, shown: str) -> None:
    (finding,) = text_findings(make_report(texts={"preamble": text}), rule="parts_count")
    assert shown in finding.message or shown in (finding.excerpt or "")


@pytest.mark.parametrize("text", [
    "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
    "存在的主要问题及改进情况、其他需要报告的事项。",
    "本报告主要从总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，"
    "存在的主要问题及改进情况及其他需要报告的事项等六个方面汇报。",
    "报告全文包括：总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，"
    "存在的主要问题及改情况，其进他需要报告的事项。",
    "本年度主动公开信息包括机构职能、政策文件、工作动态等。",
])
def test_parts_listed_without_由_silent(text: str) -> None:
    assert text_findings(make_report(texts={"preamble": text}), rule="parts_count") == []
