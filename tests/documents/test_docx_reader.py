from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from reportdesk.app.batch import check_imported
from reportdesk.core.catalog import get_form
from reportdesk.core.report import derive
from reportdesk.documents.docx_reader import import_docx
from tests.documents.builders import FULL_WIDTH, Style, write_docx
from tests.factories import complete_report


def expected(report) -> dict:
    return derive(get_form(), report.cells)


def _messy_label(text: str) -> str:
    return (text.replace("（", "(").replace("）", ")").replace("企业", "\n企业")
            .replace("1.", "1。").replace("本年度办理结果", "本\n年度\n办理\n结果"))


STYLES = {
    "inline": Style(),
    "split_without_header": Style(split_requests_after=9),
    "split_with_header": Style(split_requests_after=14, repeat_header_in_split=True),
    "appendix_after_six": Style(appendix=True),
    "not_merged": Style(merge=False),
    "irregular": Style(label=_messy_label, value=lambda c, s: s.translate(FULL_WIDTH), empty_rows=(3, 12, 20)),
}


@pytest.mark.parametrize("name", list(STYLES))
def test_every_cell_and_text_is_read_back(tmp_path: Path, name: str) -> None:
    report = complete_report(seed=7)
    result = import_docx(write_docx(tmp_path / f"{name}.docx", report, STYLES[name]))
    assert result.report.cells == expected(report)
    assert result.report.invalid == {}
    assert len(result.summary.cells_read) == len(get_form().cells)
    assert result.summary.cells_missing == []
    assert result.summary.unmapped == []
    assert result.report.agency == "某市某某局" and result.report.year == 2023
    assert result.report.texts == report.texts
    assert result.findings == []
    assert check_imported(result) == []


def test_punctuation_differences_are_listed_but_not_findings(tmp_path: Path) -> None:
    result = import_docx(write_docx(tmp_path / "r.docx", complete_report(), STYLES["irregular"]))
    found = {(d.found, d.official) for d in result.summary.label_differences}
    assert ("(一)予以公开", "（一）予以公开") in found
    assert ("1。属于国家秘密", "1.属于国家秘密") in found
    assert all(f.rule != "label" for f in check_imported(result))


def test_no_data_marks_and_blanks_are_blank_cells(tmp_path: Path) -> None:
    marks = {"proactive.regulations.issued": "/", "proactive.regulations.repealed": "—",
             "proactive.regulations.in_force": "-", "requests.received.research": ""}
    style = Style(value=lambda c, s: marks.get(c, s))
    result = import_docx(write_docx(tmp_path / "r.docx", complete_report(), style))
    for cell_id in marks:
        assert result.report.cells[cell_id] is None
        assert cell_id in result.summary.cells_read
    blank = [f for f in check_imported(result) if f.rule == "blank"]
    assert {c for f in blank for c in f.cells} == set(marks)


def test_wording_variants_are_read_and_reported(tmp_path: Path) -> None:
    variants = {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
                "5.属于三类内部事务信息": "5.属于三类内容事务信息",
                "现行有效件数": "现行有效件数（历史累计）"}
    report = complete_report(seed=3)
    result = import_docx(write_docx(tmp_path / "r.docx", report, Style(label=lambda s: variants.get(s, s))))
    assert result.report.cells == expected(report)
    labels = sorted(f.message for f in check_imported(result) if f.rule == "label")
    assert len(labels) == 3
    assert any("三类内容事务信息" in m and "三类内部事务信息" in m for m in labels)


def test_amount_and_invalid_values(tmp_path: Path) -> None:
    odd = {"proactive.fees.amount": "１２.３４５", "requests.granted.natural": "约3件"}
    result = import_docx(write_docx(tmp_path / "r.docx", complete_report(), Style(value=lambda c, s: odd.get(c, s))))
    assert result.report.cells["proactive.fees.amount"] == Decimal("12.345")
    assert result.report.invalid["requests.granted.natural"].raw == "约3件"
    assert any(f.rule == "non_negative_integer" and "requests.granted.natural" in f.cells
               for f in check_imported(result))


def test_stated_totals_are_kept_and_checked(tmp_path: Path) -> None:
    report = complete_report(seed=2)
    values = expected(report)
    wrong = str(int(values["requests.received.total"]) + 1)
    style = Style(value=lambda c, s: wrong if c == "requests.received.total" else s)
    result = import_docx(write_docx(tmp_path / "r.docx", report, style))
    assert result.report.cells["requests.received.total"] == int(wrong)
    rules = {f.rule for f in check_imported(result)}
    assert {"row_total", "balance"} <= rules


def test_unknown_row_with_numbers_is_reported_not_guessed(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "r.docx", complete_report())
    document = docx.Document(str(path))
    table = document.tables[1]
    row = table.add_row()
    row.cells[0].text = "（八）其他情况说明"
    row.cells[3].text = "5"
    document.save(str(path))
    result = import_docx(path)
    assert any("（八）其他情况说明" in u for u in result.summary.unmapped)


def test_missing_header_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    document = docx.Document()
    document.add_paragraph("某县某局2023年政府信息公开工作年度报告")
    table = document.add_table(rows=1, cols=8)
    for i, text in enumerate(["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]):
        table.cell(0, i).text = text
    document.save(str(path))
    result = import_docx(path)
    assert result.report.cells == {}
    assert any("没有找到表头" in u for u in result.summary.unmapped)


def test_document_without_tables(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    document = docx.Document()
    document.add_paragraph("某乡人民政府2021年政府信息公开工作年度报告")
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"):
        document.add_paragraph(heading)
        document.add_paragraph("本年度工作正常开展。")
    document.save(str(path))
    result = import_docx(path)
    assert result.report.agency == "某乡人民政府" and result.report.year == 2021
    findings = check_imported(result)
    missing = sorted(f.section for f in findings if f.rule == "missing_table")
    assert missing == ["appeals", "proactive", "requests"]
    assert not any(f.cells for f in findings)  # no "blank" findings for the tables that are not there
    assert "文件中没有表格。" in result.summary.notes


def test_2019_format_is_recognised_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    document = docx.Document()
    document.add_paragraph("佳县某镇人民政府2022年政府信息公开工作年度报告")
    document.add_paragraph("二、主动公开政府信息情况")
    rows = [["第二十条第（一）项", "", "", ""], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", "0", "0", "0"], ["规范性文件", "3", "3", "12"],
            ["第二十条第（九）项", "", "", ""], ["信息内容", "采购项目数量", "采购总金额", ""], ["政府集中采购", "2", "5", ""]]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    result = import_docx(path)
    assert result.report.cells == {}
    assert result.summary.old_format
    assert "本年新制作数量" in result.summary.old_format_labels
    findings = check_imported(result)
    old = [f for f in findings if f.rule == "old_format"]
    assert [str(f.severity) for f in old] == ["error"]
    assert "2022" in old[0].message and "本年新制作数量" in old[0].message
    assert not any(f.cells for f in findings)  # the 2019 figures were not checked as 2021 ones


def test_export_round_trip_and_hand_edited_figure(tmp_path: Path) -> None:
    from reportdesk.documents.word_writer import build_document

    report = complete_report(seed=11)
    path = tmp_path / "exported.docx"
    build_document(report).save(str(path))
    result = import_docx(path)
    assert result.summary.embedded
    assert result.report.cells == expected(report)
    assert result.report.texts == report.texts
    assert result.findings == []

    document = docx.Document(str(path))
    cell = next(c for t in document.tables for row in t.rows for c in row.cells
                if c.text == "一、本年新收政府信息公开申请数量")
    row = next(r for t in document.tables for r in t.rows if any(c._tc is cell._tc for c in r.cells))
    old = row.cells[3].text
    row.cells[3].text = str(int(old) + 5)
    document.save(str(path))
    edited = import_docx(path)
    mismatch = [f for f in edited.findings if f.rule == "export_mismatch"]
    assert len(mismatch) == 1
    assert mismatch[0].cells == ("requests.received.natural",)
    assert f"表格中为 {int(old) + 5}，导出时为 {old}" in mismatch[0].message
    assert edited.report.cells["requests.received.natural"] == int(old) + 5


def test_layout_of_the_sample_report(tmp_path: Path, sample_path: Path) -> None:
    """Like the real 2022 report: a title over two lines, the tables in 附件1 right after
    section 一 with no headings 二/三/四, a local variant of heading 五."""
    from reportdesk.app.reading import read_report
    from tests.documents.builders import _add_table, official_values

    report = read_report(sample_path)
    values = official_values(report)
    document = docx.Document()
    document.add_paragraph(f"{report.agency} {report.year} 年政府")
    document.add_paragraph("信息公开工作年度报告")
    document.add_paragraph(report.texts["preamble"])
    document.add_paragraph("一、总体情况")
    for line in report.texts["overview"].split("\n"):
        document.add_paragraph(line)
    for line in ("附件 1", "政府信息公开情况统计表", f"（{report.year} 年度）", f"填报单位：{report.agency}"):
        document.add_paragraph(line)
    for table_id in ("proactive", "requests", "appeals"):
        document.add_paragraph(get_form().tables[table_id].title)
        _add_table(document, table_id, values, Style())
    document.add_paragraph("五、政府信息公开工作存在的主要问题及改进情况")
    document.add_paragraph(report.texts["problems"])
    document.add_paragraph("六、其他需要报告的事项")
    document.add_paragraph(report.texts["other"])
    path = tmp_path / "sample.docx"
    document.save(str(path))

    result = import_docx(path)
    assert (result.report.agency, result.report.year) == (report.agency, report.year)
    derived = expected(report)  # the builder writes totals derived from the parts
    assert result.report.cells == {c: derived.get(c) for c in get_form().cells}
    for key in ("preamble", "overview", "problems", "other"):
        assert result.report.texts[key] == report.texts[key]
    assert set(result.report.texts) == {"preamble", "overview", "problems", "other"}
    findings = check_imported(result)
    headings = [f for f in findings if f.rule == "headings"]
    assert {f.section for f in headings} == {"proactive", "requests", "appeals", "problems"}
    assert not any(f.rule == "missing_table" for f in findings)


def test_dump_and_new_accept_word_files(tmp_path: Path, capsys) -> None:
    from reportdesk.cli import main

    last = complete_report(seed=3, year=2022, agency="某县某局")
    path = write_docx(tmp_path / "2022.docx", last, Style(appendix=True))
    assert main(["dump", str(path), "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["cells"]["requests.carried_forward.total"] == expected(last)["requests.carried_forward.total"]
    draft = tmp_path / "2023.rdesk"
    assert main(["new", "-o", str(draft), "--agency", "某县某局", "--year", "2023", "--previous", str(path)]) == 0
    capsys.readouterr()
    assert main(["dump", str(draft), "--json"]) == 0
    cells = json.loads(capsys.readouterr().out)["cells"]
    for column in ("natural", "commercial", "research", "public_interest", "legal_services", "other_org"):
        assert cells[f"requests.carried_over.{column}"] == expected(last)[f"requests.carried_forward.{column}"]


@pytest.mark.parametrize("name", ["inline", "split_with_header", "not_merged", "irregular"])
def test_fast_grid_walk_agrees_with_the_cell_by_cell_walk(tmp_path: Path, name: str) -> None:
    from reportdesk.documents import docx_reader
    from reportdesk.documents.safety import open_package, parse_xml, read_part

    path = write_docx(tmp_path / "r.docx", complete_report(seed=6), STYLES[name])
    with open_package(path, "docx") as archive:
        root = parse_xml(read_part(archive, "word/document.xml"), "word/document.xml")
    tables = list(root.iter(docx_reader._TBL))
    assert len(tables) >= 3
    for tbl in tables:
        assert docx_reader.table_grid(tbl) == docx_reader._table_grid_nested(tbl)


def test_merged_cells_sit_at_their_first_grid_position(tmp_path: Path) -> None:
    from reportdesk.documents import docx_reader
    from reportdesk.documents.safety import open_package, parse_xml, read_part

    path = write_docx(tmp_path / "r.docx", complete_report(seed=6))
    with open_package(path, "docx") as archive:
        root = parse_xml(read_part(archive, "word/document.xml"), "word/document.xml")
    requests = docx_reader.table_grid(list(root.iter(docx_reader._TBL))[1])
    assert len(requests) == 28 and all(len(row) == 10 for row in requests)
    assert requests[0][:4] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"]
    assert requests[1][3:5] == ["自然人", "法人或其他组织"] and requests[2][3] == ""  # merged down
    assert requests[5][0] == "三、本年度办理结果" and requests[6][0] == ""


def test_text_edited_after_export_is_a_warning(tmp_path: Path) -> None:
    from reportdesk.documents.word_writer import build_document

    report = complete_report(seed=13)
    path = tmp_path / "exported.docx"
    build_document(report).save(str(path))
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text == "公开内容的解读还不够。")
    paragraph.text = "公开内容的解读还不够，栏目更新不及时。"
    document.save(str(path))
    result = import_docx(path)
    edited = [f for f in result.findings if f.rule == "export_text_mismatch"]
    assert len(edited) == 1 and "五、存在的主要问题及改进情况" in edited[0].message
    assert "栏目更新不及时" in result.report.texts["problems"]  # what was published is checked
    assert not any(f.rule == "export_mismatch" for f in result.findings)
