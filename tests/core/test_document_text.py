from __future__ import annotations

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.document_text import split_text


@pytest.mark.parametrize(("lines", "agency", "year"), [
    (["乐清市人力资源和社会保障局 2022 年政府", "信息公开工作年度报告"], "乐清市人力资源和社会保障局", 2022),
    (["盐边县新九镇人民政府", "关于2021年度政府信息公开工作的年度报告"], "盐边县新九镇人民政府", 2021),
    (["某市某某局2023年度政府信息公开工作年度报告"], "某市某某局", 2023),
])
def test_title_gives_agency_and_year(lines: list[str], agency: str, year: int) -> None:
    text = split_text(get_form(), [*lines, "本报告根据条例编制。", "一、总体情况", "正文。"])
    assert (text.agency, text.year) == (agency, year)
    assert text.texts == {"preamble": "本报告根据条例编制。", "overview": "正文。"}


def test_year_from_the_statistics_period_and_agency_from_the_appendix() -> None:
    paragraphs = [
        "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。" * 2,
        "一、总体情况", "概述。",
        "附件1", "政府信息公开情况统计表", "（2023年度）", "填报单位：某县统计局", "主动公开政府信息情况",
        "五、存在的主要问题及改进情况", "问题。",
    ]
    text = split_text(get_form(), paragraphs)
    assert (text.agency, text.year, text.title) == ("某县统计局", 2023, "")
    assert text.texts["overview"] == "概述。"  # the appendix is not section text
    assert text.texts["problems"] == "问题。"


def test_heading_variants_enumerations_and_order() -> None:
    paragraphs = [
        "某局2022年政府信息公开工作年度报告",
        "一、总体情况", "（一）主动公开", "内容。",
        "四、因政府信息公开申请行政复议和提起行政诉讼的情况", "无。",
        "六、其他需要报告的事项",
        "一、落实上级工作要点情况。",  # an enumeration inside 六, not section 一
        "二、人大代表建议办理情况", "已公开。",
    ]
    text = split_text(get_form(), paragraphs)
    assert text.headings_found == ["overview", "appeals", "other"]
    assert text.heading_differences == [("四、因政府信息公开申请行政复议和提起行政诉讼的情况", "四、政府信息公开行政复议、行政诉讼情况")]
    assert text.texts["other"] == "一、落实上级工作要点情况。\n二、人大代表建议办理情况\n已公开。"
    assert text.texts["overview"] == "（一）主动公开\n内容。"
