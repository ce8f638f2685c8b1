"""Read the exported .xlsx back with openpyxl and check it against the form and the figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from reportdesk.app.reading import read_report
from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.interchange import report_to_json
from reportdesk.core.report import derive
from reportdesk.documents.embedded import XLSX_CHUNK, extract_xlsx
from reportdesk.documents.excel_writer import FIRST_TABLE_ROW, write_xlsx
from tests.factories import complete_report

FORM = get_form()
SHEETS = {"proactive": "主动公开政府信息情况", "requests": "收到和处理政府信息公开申请情况",
          "appeals": "政府信息公开行政复议、行政诉讼情况"}


def _export(tmp_path: Path, report=None, findings=None) -> tuple[openpyxl.Workbook, Path]:  # type: ignore[no-untyped-def]
    report = report or complete_report(seed=5)
    path = tmp_path / "report.xlsx"
    write_xlsx(report, path, check_report(report) if findings is None else findings)
    return openpyxl.load_workbook(path, data_only=True), path  # what a reader that does not calculate sees


def test_sheets_and_titles(tmp_path: Path) -> None:
    workbook, _ = _export(tmp_path)
    assert workbook.sheetnames == [*SHEETS.values(), "校验结果", "_reportdesk"]
    sheet = workbook[SHEETS["requests"]]
    assert sheet["A1"].value == "政府信息公开情况统计表（2023年度）"
    assert sheet["A2"].value == "填报单位：某市某某局"
    assert sheet["A3"].value == "三、收到和处理政府信息公开申请情况"
    assert workbook["_reportdesk"].sheet_state == "veryHidden"


@pytest.mark.parametrize("table_id", list(SHEETS))
def test_tables_labels_merges_and_numbers(tmp_path: Path, table_id: str) -> None:
    report = complete_report(seed=5)
    values = derive(FORM, report.cells)
    workbook, _ = _export(tmp_path, report)
    sheet = workbook[SHEETS[table_id]]
    table = FORM.tables[table_id]
    off = FIRST_TABLE_ROW
    merged = {(r.min_row - off, r.min_col - 1): (r.max_row - r.min_row + 1, r.max_col - r.min_col + 1)
              for r in sheet.merged_cells.ranges if r.min_row >= off}
    expected = {(g.row, g.col): (g.rowspan, g.colspan) for g in table.grid if g.rowspan > 1 or g.colspan > 1}
    assert merged == expected
    for g in table.grid:
        cell = sheet.cell(row=off + g.row, column=g.col + 1)
        if g.cell_id is None:
            assert cell.value.replace("\n", "") == g.text  # broken between words, nothing else changed
        else:
            value = values[g.cell_id]
            assert cell.value == (float(value) if isinstance(value, Decimal) else value)
            assert isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
        for r in range(g.rowspan):  # every cell of a merged range carries its part of the outline
            for c in range(g.colspan):
                border = sheet.cell(row=off + g.row + r, column=g.col + c + 1).border
                edges = [(border.left, c == 0), (border.right, c == g.colspan - 1),
                         (border.top, r == 0), (border.bottom, r == g.rowspan - 1)]
                assert all(side.style == "thin" for side, outer in edges if outer), (g, r, c)


def test_totals_are_values_and_inputs_are_validated(tmp_path: Path) -> None:
    workbook, _ = _export(tmp_path)
    sheet = workbook[SHEETS["requests"]]
    total = sheet.cell(row=FIRST_TABLE_ROW + 27, column=10)  # 四、结转下年度继续办理 / 总计
    assert isinstance(total.value, int)
    validated: dict[str, str] = {}
    for dv in sheet.data_validations.dataValidation:
        assert dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
        for rng in dv.sqref.ranges:
            for row in sheet.iter_rows(min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col,
                                       max_col=rng.max_col):
                for cell in row:
                    validated[cell.coordinate] = dv.type
    table = FORM.tables["requests"]
    for g in table.grid:
        if g.cell_id:
            coordinate = sheet.cell(row=FIRST_TABLE_ROW + g.row, column=g.col + 1).coordinate
            if FORM.cells[g.cell_id].derived:
                assert coordinate not in validated, g.cell_id
            else:
                assert validated[coordinate] == "whole", g.cell_id
    proactive = _export(tmp_path)[0][SHEETS["proactive"]]
    amount_types = {dv.type for dv in proactive.data_validations.dataValidation}
    assert amount_types == {"whole", "decimal"}


def test_blank_cells_stay_blank(tmp_path: Path, sample_path: Path) -> None:
    report = read_report(sample_path)
    workbook, _ = _export(tmp_path, report)
    sheet = workbook[SHEETS["proactive"]]
    assert sheet.cell(row=FIRST_TABLE_ROW + 2, column=2).value is None  # 规章 本年制发件数
    assert sheet.cell(row=FIRST_TABLE_ROW + 3, column=2).value == 2
    assert sheet.cell(row=FIRST_TABLE_ROW + 6, column=2).value == 65


def test_page_setup(tmp_path: Path) -> None:
    workbook, _ = _export(tmp_path)
    for table_id, name in SHEETS.items():
        sheet = workbook[name]
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.orientation == ("landscape" if table_id == "appeals" else "portrait")
        for col in range(1, FORM.tables[table_id].n_cols + 1):
            letter = openpyxl.utils.get_column_letter(col)
            assert sheet.column_dimensions[letter].width > 5
    assert workbook[SHEETS["requests"]].print_title_rows == "$4:$6"


def test_findings_sheet_lists_every_finding(tmp_path: Path, sample_path: Path) -> None:
    report = read_report(sample_path)
    findings = check_report(report)
    assert findings  # the sample has blank-cell warnings
    workbook, _ = _export(tmp_path, report, findings)
    sheet = workbook["校验结果"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(findings)
    assert [r[0] for r in rows] == list(range(1, len(findings) + 1))
    assert {r[3] for r in rows} == {f.message for f in findings}
    assert {r[1] for r in rows} == {"警告"}


def test_findings_sheet_names_cells_with_their_table_and_group(tmp_path: Path) -> None:
    report = complete_report(stated=True)
    report.cells["requests.other_other.total"] = (report.cells["requests.other_other.total"] or 0) + 1
    findings = [f for f in check_report(report) if f.rule == "row_total" and "requests.other_other.total" in f.cells]
    assert findings
    workbook, _ = _export(tmp_path, report, findings)
    cells = workbook["校验结果"]["E2"].value
    # "3.其他" alone is ambiguous (（六）其他处理 and the applicants' 其他): the group and the table say which
    assert "表三“（六）其他处理 3.其他 / 总计”" in cells


def test_findings_sheet_says_when_there_are_none(tmp_path: Path) -> None:
    workbook, _ = _export(tmp_path, complete_report(), [])
    assert workbook["校验结果"]["A2"].value == "未发现错误或警告。"


def test_embedded_round_trip_with_long_texts(tmp_path: Path) -> None:
    report = complete_report()
    report.texts["overview"] = ("=SUM(A1)开头的文字" + "很长的总体情况。" * 9000 + "𠀀𠀁") * 2
    _, path = _export(tmp_path, report, [])
    data = extract_xlsx(path)
    assert data == report_to_json(FORM, report)
    assert len(report.texts["overview"]) > 2 * XLSX_CHUNK
    workbook = openpyxl.load_workbook(path)
    chunks = [c.value for c in workbook["_reportdesk"]["A"]]
    assert len(chunks) >= 3 and all(len(c) <= XLSX_CHUNK for c in chunks)


def test_extract_xlsx_without_data(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    assert extract_xlsx(plain) is None
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    assert extract_xlsx(junk) is None


def test_findings_sheet_marks_accepted_warnings_with_their_reason(tmp_path: Path) -> None:
    report = complete_report()
    report.cells["proactive.regulations.issued"] = 1
    report.cells["requests.received.natural"] = 999  # an error too: never shown as accepted
    findings = check_report(report)
    warning = next(f for f in findings if f.rule == "regulations_power")
    error = next(f for f in findings if f.is_error)
    accepted = {warning.key: "本单位无规章制定权，规章栏为上级文件转发数", error.key: "不应出现"}
    path = tmp_path / "accepted.xlsx"
    write_xlsx(report, path, findings, accepted=accepted)
    sheet = openpyxl.load_workbook(path)["校验结果"]
    assert [c.value for c in sheet[1]][-1] == "接受理由"
    rows = {r[3]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[warning.message][1] == "警告（已接受）"
    assert rows[warning.message][6] == "本单位无规章制定权，规章栏为上级文件转发数"
    assert rows[error.message][1] == "错误" and rows[error.message][6] is None
    others = [r for m, r in rows.items() if m not in (warning.message, error.message)]
    assert all(r[6] is None and "已接受" not in r[1] for r in others)


def test_panes_widths_and_heights_come_from_the_strings(tmp_path: Path) -> None:
    from reportdesk.documents.layout import words_of
    from tests.documents.print_cases import big_figures

    report = big_figures()
    workbook, _ = _export(tmp_path, report)
    requests = workbook[SHEETS["requests"]]
    assert requests.freeze_panes == f"D{FIRST_TABLE_ROW + 3}"  # label columns and the three header rows
    assert workbook[SHEETS["appeals"]].freeze_panes == f"A{FIRST_TABLE_ROW + 3}"
    words = FORM.print_words
    for sheet_name in SHEETS.values():
        sheet = workbook[sheet_name]
        for row in sheet.iter_rows(min_row=FIRST_TABLE_ROW):
            for cell in row:
                if isinstance(cell.value, str) and "\n" in cell.value:
                    joined = cell.value.replace("\n", "")
                    cuts = {len("".join(words_of(joined, words)[:i])) for i in range(len(words_of(joined, words)) + 1)}
                    at = 0
                    for line in cell.value.split("\n")[:-1]:  # every break falls between two words
                        at += len(line)
                        assert at in cuts, (cell.value, line)
    # a row of 7-digit figures is one line tall (digits count half a character)
    received = next(r for r in range(FIRST_TABLE_ROW, FIRST_TABLE_ROW + 30)
                    if requests.cell(row=r, column=1).value == "一、本年新收政府信息公开申请数量")
    assert requests.row_dimensions[received].height < 30
    width = requests.column_dimensions["D"].width  # 自然人, holding 1000115
    assert 7 * 1.0 <= width <= 12


def test_check_results_rows_are_as_tall_as_their_text(tmp_path: Path) -> None:
    report = complete_report(seed=5)
    report.cells = {k: None for k in report.cells}
    workbook, _ = _export(tmp_path, report)
    sheet = workbook["校验结果"]
    for row in range(2, sheet.max_row + 1):
        text = sheet.cell(row=row, column=5).value or ""
        from reportdesk.documents.layout import text_width

        lines = max(1, -(-int(text_width(text)) // 20))  # 40 units ≈ 19.4 characters a line
        assert sheet.row_dimensions[row].height >= min(409, lines * 13.5)  # 409 pt: Excel's largest row


def test_a_long_agency_gets_rows_tall_enough(tmp_path: Path) -> None:
    agency = "某某自治区某某市某某区人民政府某某街道办事处某某社区居民委员会及其下属综合行政执法管理服务中心办公室"
    workbook, _ = _export(tmp_path, complete_report(seed=5, agency=agency))
    (tmp_path / "short").mkdir()
    short, _ = _export(tmp_path / "short", complete_report(seed=5))
    sheet = workbook[SHEETS["proactive"]]  # the narrowest sheet: the agency takes several lines
    assert sheet.row_dimensions[2].height > short[SHEETS["proactive"]].row_dimensions[2].height
