"""Reading the published web page of a report: the report found inside the site's page."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdesk.app.batch import check_imported, review_many
from reportdesk.app.reading import read_file
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import ReportFileError
from reportdesk.core.report import derive
from reportdesk.documents.html_reader import import_html, table_grid
from tests.documents.builders import FULL_WIDTH, Style
from tests.documents.web_pages import gbk_layout_page, mhtml, trs_page
from tests.factories import complete_report


def _full_width_spaces(text: str) -> str:
    # Sites often pad short labels with full-width spaces: "自　然　人", "总　计".
    return "\u3000".join(text) if len(text) <= 3 else text


STYLES = {
    "plain": Style(),
    "padded_labels": Style(label=_full_width_spaces, value=lambda c, s: s.translate(FULL_WIDTH)),
    "no_data_marks": Style(value=lambda c, s: "/" if c.startswith("proactive.regulations.") else s),
}


def _assert_report(result, report) -> None:  # type: ignore[no-untyped-def]
    truth = derive(get_form(), report.cells)
    wrong = {c: (truth.get(c), result.report.cells.get(c)) for c in get_form().cells
             if result.report.cells.get(c) != truth.get(c)}
    assert wrong == {}
    assert result.report.invalid == {}
    assert result.summary.unmapped == []
    assert result.report.texts == report.texts
    assert (result.report.agency, result.report.year) == (report.agency, report.year)


@pytest.mark.parametrize("name", list(STYLES))
def test_a_content_system_page_reads_every_cell_and_the_text(tmp_path: Path, name: str) -> None:
    report = complete_report(seed=31)
    if name == "no_data_marks":
        for key in ("issued", "repealed", "in_force"):
            report.cells[f"proactive.regulations.{key}"] = None
    path = tmp_path / "art_1.html"
    path.write_text(trs_page(report, STYLES[name]), encoding="utf-8")
    result = read_file(path)
    _assert_report(result, report)
    assert result.summary.source == "网页"
    # The navigation, the metadata table, the footer and the hidden counter are not report text.
    everything = "".join(result.report.texts.values())
    for noise in ("当前位置", "索引号", "网站标识码", "打印本页", "隐藏的统计代码", "访问量", "上一篇"):
        assert noise not in everything


def test_a_gb2312_page_laid_out_in_tables_with_the_three_tables_as_one(tmp_path: Path) -> None:
    report = complete_report(seed=32, agency="某县某某局")
    path = tmp_path / "t20240120_1.htm"
    path.write_bytes(gbk_layout_page(report))
    result = import_html(path)
    _assert_report(result, report)
    assert check_imported(result) == []


def test_a_page_saved_as_mhtml(tmp_path: Path) -> None:
    report = complete_report(seed=33)
    path = tmp_path / "报告.mhtml"
    path.write_bytes(mhtml(trs_page(report)))
    _assert_report(read_file(path), report)


def test_the_same_findings_as_the_word_document(tmp_path: Path) -> None:
    from reportdesk.documents.docx_reader import import_docx
    from tests.documents.builders import write_docx

    report = complete_report(seed=34)
    report.cells["requests.received.natural"] = 99  # a balance error and a text_number error
    page = tmp_path / "page.html"
    page.write_text(trs_page(report), encoding="utf-8")
    word = write_docx(tmp_path / "r.docx", report)
    got = [(f.rule, f.message) for f in check_imported(import_html(page))]
    assert got == [(f.rule, f.message) for f in check_imported(import_docx(word))]
    assert any(rule == "balance" for rule, _ in got)


def test_rowspan_colspan_br_and_nbsp_in_cells() -> None:
    from lxml import html

    table = html.fromstring(
        "<table><tr><td rowspan='2'>三、本年度<br>办理结果</td><td colspan='2'>（一）予以&nbsp;公开</td><td>5</td></tr>"
        "<tr><td>1.属于<br/>国家秘密</td><td>&nbsp;</td><td>/</td></tr>"
        "<tr><td colspan='999999' rowspan='99999999'>x</td></tr></table>")
    grid = table_grid(table)
    assert grid[0][:4] == ["三、本年度\n办理结果", "（一）予以公开", "", "5"]  # spacing between Chinese: none
    assert grid[1][:4] == ["", "1.属于\n国家秘密", "", "/"]
    assert len(grid) == 3 and len(grid[2]) <= 64  # absurd spans are clamped


@pytest.mark.parametrize(("content", "message"), [
    (b"", "文件是空的"),
    (b"<html><body><script>document.write('x')</script></body></html>", "没有可读取的文字"),
    (b"\x00\x01\x02" * 1000, "不是网页"),
    ("报告正文，没有任何标记".encode(), "不是网页"),
])
def test_pages_without_a_report_are_refused_with_a_reason(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(ReportFileError) as caught:
        import_html(path)
    assert message in caught.value.message


def test_a_page_that_is_not_a_report_reads_nothing_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<html><body><div class='nav'>首页 政务公开</div><p>欢迎访问</p></body></html>", encoding="utf-8")
    result = import_html(path)
    assert not any(v is not None for v in result.report.cells.values())
    assert "文件中没有表格。" in result.summary.lines()


def test_hostile_pages_are_bounded(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<div>" * 200_000 + "一、总体情况" + "</div>" * 200_000, encoding="utf-8")
    rows = tmp_path / "rows.html"
    rows.write_text("<table>" + "<tr><td>1</td><td>2</td></tr>" * 200_000 + "</table>", encoding="utf-8")
    spans = tmp_path / "spans.html"
    spans.write_text("<table>" + "<tr><td rowspan='2000' colspan='2000'>1</td></tr>" * 3000 + "</table>",
                     encoding="utf-8")
    big = tmp_path / "big.html"
    with open(big, "wb") as stream:
        stream.truncate(30 * 1024 * 1024)
    results = review_many([deep, rows, spans, big], jobs=2, isolate=True)
    for result in results:
        assert result.error is None or "超时" not in result.error, result.error
    assert "网页文件过大" in (results[3].error or "")


def test_the_title_is_the_pages_not_a_link_to_last_years(tmp_path: Path) -> None:
    report = complete_report(seed=35, agency="某区某某局", year=2023)
    page = trs_page(report).replace('<h1 class="title">', '<div class="title">').replace("</h1>", "</div>")
    page = page.replace("<div class=\"TRS_Editor\" id=\"zoom\">",
                        '<div class="side"><a href="/x">某区某某局2022年政府信息公开工作年度报告</a></div>'
                        '<div class="TRS_Editor" id="zoom">')
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    result = import_html(path)
    assert (result.report.agency, result.report.year) == ("某区某某局", 2023)
