"""Hand-made Word and Excel reports with "/" blanks, rows left out, cut tables and a table as a picture.

A blank ("/", empty) is a cell that is there; a figure not found is not in the document at
all.  The checks say which is which and never call a report wrong for a figure they did not read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdesk.app.batch import check_imported
from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.interchange import read_json_file
from reportdesk.documents.docx_reader import import_docx
from reportdesk.documents.xlsx_reader import import_xlsx
from tests.documents.builders import Style, blanks, write_docx, write_xlsx
from tests.factories import complete_report

COLUMNS = ("natural", "commercial", "research", "public_interest", "legal_services", "other_org", "total")


def the_issue_report():  # type: ignore[no-untyped-def]
    """复议后起诉: 总计 3, 结果维持 0, 结果纠正 "/", 其他结果 1, 尚未审结 1; the rest consistent."""
    report = complete_report(seed=7)
    for group in ("reconsideration", "litigation_direct"):
        for column in ("upheld", "corrected", "other", "pending"):
            report.cells[f"appeals.{group}.{column}"] = 0
    report.cells.update({"appeals.litigation_after.upheld": 0, "appeals.litigation_after.corrected": 1,
                         "appeals.litigation_after.other": 1, "appeals.litigation_after.pending": 1})
    return report


def test_a_slash_in_the_appeals_table_is_a_blank_that_must_be_1(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write_docx(tmp_path / "手工.docx", the_issue_report(),
                      Style(value=blanks("appeals.litigation_after.corrected")))
    result = import_docx(path)
    assert result.report.cells["appeals.litigation_after.total"] == 3
    assert result.report.cells["appeals.litigation_after.corrected"] is None
    assert result.summary.cells_blank == ["appeals.litigation_after.corrected"]
    assert result.summary.cells_missing == [] and result.report.missing == set()
    findings = check_imported(result)
    [appeals] = [f for f in findings if f.rule == "appeals_total"]
    assert appeals.severity == "warning"
    assert appeals.message == (
        "表四“复议后起诉”：总计 = 3，结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 0 + 空 + 1 + 1；"
        "结果纠正为空；若总计 3 无误，结果纠正应为 1，请核实后填写。")
    assert not any(f.is_error for f in findings)

    # the CLI says the same, and exits 0: no error
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"  警告 [appeals_total] {appeals.message}" in out
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)[0]
    [blank] = [f for f in data["findings"] if f["rule"] == "blank"]
    assert blank["cells"] == ["appeals.litigation_after.corrected"] and blank["action"] == "fill_blanks"


def test_rows_left_out_are_not_found_not_blank(tmp_path: Path) -> None:
    dropped = ("requests.refused_internal", "requests.declined_petition", "requests.other_other")
    report = complete_report(seed=5)
    result = import_docx(write_docx(tmp_path / "缺行.docx", report, Style(drop_rows=dropped)))
    expected = [f"{r}.{c}" for r in dropped for c in COLUMNS]
    assert sorted(result.summary.cells_missing) == sorted(expected)
    assert result.report.missing == set(expected)
    assert result.summary.cells_blank == []
    assert result.summary.not_found == [
        "表三缺少 3 行：“（三）不予公开 5.属于三类内部事务信息”、“（五）不予处理 1.信访举报投诉类申请”、“（六）其他处理 3.其他”"]
    assert any(line.startswith("未找到：表三缺少 3 行") for line in result.summary.lines())
    findings = check_imported(result)
    assert [f.rule for f in findings] == ["incomplete_table"]  # no false error from the absent rows
    assert set(findings[0].cells) == set(expected)
    assert findings[0].message.endswith("这些数字不能核对，相关的合计和勾稽关系没有检查，请对照原表补全。")


CUTS = [(12, "（三）不予公开 8.属于行政查询事项", 13),
        (8, "（三）不予公开 4.保护第三方合法权益", 17)]  # inside the merged （三）不予公开, as a page ends


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
@pytest.mark.parametrize(("rows", "last", "after"), CUTS)
def test_a_table_cut_off_part_way(tmp_path: Path, kind: str, rows: int, last: str, after: int) -> None:
    report = complete_report(seed=6)
    style = Style(cut_after={"requests": rows}, value=blanks("requests.granted.research"))
    if kind == "docx":
        result = import_docx(write_docx(tmp_path / "截断.docx", report, style))
    else:
        result = import_xlsx(write_xlsx(tmp_path / "截断.xlsx", report, style))
    form = get_form()
    cut = [f"requests.{r.id}.{c}" for r in form.tables["requests"].rows[rows:] for c in r.columns]
    assert result.report.missing == set(cut)
    assert result.summary.cells_blank == ["requests.granted.research"]
    assert result.summary.unmapped == []
    findings = check_imported(result)
    by_rule = {f.rule: f for f in findings}
    assert by_rule["incomplete_table"].message.startswith(
        f"表三只读到“{last}”一行，其后 {after} 行未找到，表格可能被截断；")
    assert by_rule["blank"].cells == ("requests.granted.research",)  # the "/" is blank; the cut rows are not
    assert not any(f.is_error for f in findings)
    # row_total still knows what the blank must hold: the row was read
    assert "科研机构为空；若总计" in by_rule["row_total"].message


def test_a_table_pasted_as_a_picture(tmp_path: Path) -> None:
    result = import_docx(write_docx(tmp_path / "图片.docx", complete_report(seed=2), Style(picture_tables=("appeals",))))
    assert result.report.missing == {c for c in get_form().cells if c.startswith("appeals.")}
    assert result.summary.not_found == [
        "表四（政府信息公开行政复议、行政诉讼情况）未找到，其中 15 个数字都没有读到（表格可能是图片，或不在文件中）"]
    assert [f.rule for f in check_imported(result)] == ["missing_table"]


def test_the_missing_list_survives_dump_and_read_back(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = write_docx(tmp_path / "截断.docx", complete_report(seed=3), Style(cut_after={"requests": 20}))
    imported = import_docx(source)
    assert main(["dump", str(source), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["missing"]) == imported.report.missing and data["missing"]
    dumped = tmp_path / "r.json"
    dumped.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = read_json_file(dumped, get_form)
    assert again.missing == imported.report.missing
    assert {f.rule for f in check_report(again)} == {"incomplete_table"}


def test_the_same_sentence_in_the_cli_the_excel_sheet_and_the_summary_workbook(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from reportdesk.app.batch import review_file
    from reportdesk.documents.batch_summary import write_summary
    from reportdesk.documents.excel_writer import write_xlsx as export_xlsx

    path = write_docx(tmp_path / "手工.docx", the_issue_report(),
                      Style(value=blanks("appeals.litigation_after.corrected", "requests.granted.research"),
                            drop_rows=("requests.refused_inquiry",)))
    result = review_file(path)
    messages = [f.message for f in result.findings]
    assert {"appeals_total", "blank", "incomplete_table"} <= {f.rule for f in result.findings}
    assert main(["check", str(path)]) == 0
    cli = [line.split("] ", 1)[1] for line in capsys.readouterr().out.splitlines() if line.startswith("  警告 [")]
    assert cli == messages

    assert result.report is not None
    export_xlsx(result.report, tmp_path / "统计表.xlsx", result.findings)
    sheet = load_workbook(tmp_path / "统计表.xlsx")["校验结果"]
    assert [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)] == messages

    write_summary([result], tmp_path / "汇总.xlsx")
    sheet = load_workbook(tmp_path / "汇总.xlsx")["全部问题"]
    assert [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)] == messages
