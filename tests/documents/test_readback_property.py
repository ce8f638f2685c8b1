"""Every export, under every option, read back by ReportDesk is exactly the exported report.

Random reports × {inline, appendix} × {sign-off or not, with or without a date} × {font
sets} × {blank tables}: the .docx and the .xlsx are read back the way ``reportdesk check``
reads them (visible tables and text, compared with the embedded data), and must give the
same figures, texts, agency, year and metadata, and no finding the source report did not have.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdesk.app.batch import check_imported, import_file
from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.findings import Finding
from reportdesk.core.report import Report, Totals, derive
from reportdesk.documents.excel_writer import write_xlsx
from reportdesk.documents.layout import export_values
from reportdesk.documents.options import ExportOptions, FontSet
from reportdesk.documents.word_writer import write_docx
from tests.factories import TEXTS, complete_report

FORM = get_form()

AGENCIES = [
    "某局",
    "乐清市人力资源和社会保障局",
    "某某省某某市某某区人民政府办公室",
    "某某省某某市某某区某某街道某某社区居民委员会及其下属某某综合行政执法管理服务中心办公室",
]
SECTION_TEXTS = [
    "",
    "本年度未收取信息处理费。",
    "（一）主动公开\n本年度通过门户网站主动公开政府信息 12 条。\n1.规范流程\n按规定办理。",
    "（二）依申请公开。本年度收到申请 3 件，全部办结。\n详见下表。",
    "本部分数据详见附表。",
]


def _key(finding: Finding) -> tuple[str, str, tuple[str, ...]]:
    return finding.rule, str(finding.severity), tuple(finding.cells)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    report = complete_report(seed=draw(st.integers(0, 10_000)), agency=draw(st.sampled_from(AGENCIES)),
                             year=draw(st.sampled_from([2022, 2023, 2024])))
    big = draw(st.sampled_from([None, 10**6, 9_999_999]))
    if big is not None:  # 7-digit figures, still consistent: a number added to both sides of a balance
        report.cells["requests.received.natural"] = (report.cells["requests.received.natural"] or 0) + big
        report.cells["requests.granted.natural"] = (report.cells["requests.granted.natural"] or 0) + big
        report.cells["proactive.normative_documents.in_force"] = big
    report.cells["proactive.fees.amount"] = draw(st.sampled_from([Decimal("12.50"), Decimal("0.1234"),
                                                                  Decimal("3"), None]))
    for table in draw(st.sets(st.sampled_from(sorted(FORM.tables)))):  # wholly blank tables
        report.cells = {k: (None if k.startswith(table + ".") else v) for k, v in report.cells.items()}
    texts = dict(TEXTS)
    for section in ("overview", "proactive", "requests", "appeals", "problems", "other"):
        text = draw(st.sampled_from([*SECTION_TEXTS, TEXTS.get(section, "")]))
        if text:
            texts[section] = text
        else:
            texts.pop(section, None)
    report.texts = texts
    if draw(st.booleans()):
        report.meta = {"publish_date": "2024-01-20", "contact_office": "办公室"}
    if draw(st.booleans()):  # a report read from a file: totals as stated, one of them perhaps wrong
        report.cells = derive(FORM, report.cells)
        report.totals = Totals.STATED
        wrong = draw(st.sampled_from([None, "requests.received.total", "appeals.reconsideration.total",
                                      "requests.handled_total.natural"]))
        if wrong is not None:
            report.cells[wrong] = (report.cells.get(wrong) or 0) + 1
    return report


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(), appendix=st.booleans(), sign_off=st.booleans(),
       date=st.sampled_from(["", "2024-01-31", "二〇二四年一月"]), fonts=st.sampled_from(list(FontSet)))
def test_every_export_reads_back_as_the_report_exported(report: Report, appendix: bool, sign_off: bool,
                                                        date: str, fonts: FontSet) -> None:
    options = ExportOptions(fonts=fonts, appendix=appendix, sign_off=sign_off, sign_off_date=date)
    source_findings = {_key(f) for f in check_report(report)}
    expected_cells = export_values(FORM, report)
    with tempfile.TemporaryDirectory() as work:
        docx_path, xlsx_path = Path(work) / "r.docx", Path(work) / "r.xlsx"
        write_docx(report, docx_path, options)
        write_xlsx(report, xlsx_path, check_report(report))
        for path in (docx_path, xlsx_path):
            result = import_file(path)
            back = result.report
            assert {c: back.cells.get(c) for c in FORM.cells} == {c: expected_cells.get(c) for c in FORM.cells}
            assert {k: v for k, v in back.texts.items() if v} == {k: v for k, v in report.texts.items() if v}
            assert (back.agency, back.year, back.meta) == (report.agency, report.year, report.meta)
            extra = {_key(f) for f in check_imported(result)} - source_findings
            assert not extra, (path.suffix, extra, [f.message for f in check_imported(result)])


def test_a_fee_keeps_its_decimals_and_totals_are_formulas_with_values(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    report = complete_report(seed=5)
    report.cells["proactive.fees.amount"] = Decimal("12.50")
    write_xlsx(report, tmp_path / "r.xlsx", check_report(report))
    formulas = load_workbook(tmp_path / "r.xlsx")
    values = load_workbook(tmp_path / "r.xlsx", data_only=True)  # a reader that does not calculate
    cells = derive(FORM, report.cells)
    found = 0
    for sheet in formulas.worksheets[:3]:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cached = values[sheet.title][cell.coordinate].value
                    parts = [values[sheet.title][ref].value or 0 for ref in cell.value[1:].split("+")]
                    assert cached == sum(parts) and cached is not None
                    found += 1
                if cell.number_format == "0.00":
                    assert cell.value == Decimal("12.50") or float(cell.value) == 12.5
    totals = [d.cell for d in FORM.derived if cells.get(d.cell) is not None]
    assert found == len(totals)  # every total that is the sum of its parts


def test_a_wrong_stated_total_is_kept_as_a_value_not_replaced_by_a_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    report = complete_report(seed=6, stated=True)
    report.cells["requests.received.total"] = (report.cells["requests.received.total"] or 0) + 1
    write_xlsx(report, tmp_path / "r.xlsx", check_report(report))
    sheet = load_workbook(tmp_path / "r.xlsx")[FORM.tables["requests"].title]
    row = next(r for r in range(1, 40) if sheet.cell(row=r, column=1).value == "一、本年新收政府信息公开申请数量")
    assert sheet.cell(row=row, column=10).value == report.cells["requests.received.total"]  # the figure, as stated
    assert str(sheet.cell(row=row + 1, column=10).value).startswith("=")  # a right total keeps its formula
