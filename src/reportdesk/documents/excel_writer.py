"""The three tables as an Excel workbook in the official layout, plus the check results.

One sheet per table ("主动公开政府信息情况", …), each headed like the appendix of a published
report (政府信息公开情况统计表（YYYY年度）, 填报单位), the table drawn from the form's grid
with its merges and a thin border on every cell of every merged range, widths from the
grid, wrapped labels, figures stored as numbers, A4 fitted to the page width.  Totals are
written as VALUES: openpyxl stores no computed result for a formula, so a formula-only
total would read as empty in any program that does not recalculate.  The input cells
carry data validation (whole numbers ≥ 0; the 万元 amount a decimal ≥ 0), so the workbook
can serve as a collection template.  A sheet "校验结果" lists the findings, and a very
hidden sheet carries the report's interchange data (:mod:`reportdesk.documents.embedded`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportdesk.core.catalog import get_form
from reportdesk.core.findings import Finding, sort_findings
from reportdesk.core.form import FormDef, TableDef
from reportdesk.core.interchange import report_to_json
from reportdesk.core.numbers import Value, ValueType
from reportdesk.core.report import Report
from reportdesk.documents import embedded
from reportdesk.documents.files import write_atomically
from reportdesk.documents.layout import (
    APPENDIX_TITLE,
    CELL_PAD_CHARS,
    appendix_year_line,
    column_chars,
    export_values,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

log = logging.getLogger(__name__)

FONT_NAME = "宋体"
TABLE_SIZE = 10
EXCEL_UNITS_PER_CHAR = 2.0  # an Excel width unit is one "0"; a Chinese character is about two
LINE_POINTS = 13.5
MIN_ROW_POINTS = 20.0
FIRST_TABLE_ROW = 4  # rows 1-3: sheet title, 填报单位, the table's heading
FINDINGS_SHEET = "校验结果"
SEVERITY_NAMES = {"error": "错误", "warning": "警告"}


def build_workbook(report: Report, findings: Sequence[Finding], form: FormDef | None = None,
                   accepted: Mapping[str, str] | None = None) -> Workbook:
    """The workbook (not yet saved), its data embedded.

    *accepted* maps ``Finding.key`` to the reason a warning was accepted; such warnings are
    listed as "警告（已接受）" with their reason.
    """
    from openpyxl import Workbook

    form = form or get_form(report.form_id)
    values = export_values(form, report)
    workbook = Workbook()
    workbook.remove(workbook.active)
    _register_styles(workbook)
    for section in form.sections:
        if section.table:
            sheet = workbook.create_sheet(_sheet_name(form.tables[section.table].title))
            _write_table(sheet, form, form.tables[section.table], section.heading, report, values)
    _write_findings(workbook.create_sheet(FINDINGS_SHEET), form, findings, accepted or {})
    embedded.embed_xlsx(workbook, report_to_json(form, report))
    workbook.active = 0
    props = workbook.properties
    props.title = f"{report.agency}{report.year or ''}年{APPENDIX_TITLE}"
    props.creator = report.agency or "ReportDesk"
    props.lastModifiedBy = "ReportDesk"
    return workbook


def _sheet_name(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, "")
    return title[:31]


def _styles() -> dict[str, object]:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "font": Font(name=FONT_NAME, size=TABLE_SIZE),
        "bold": Font(name=FONT_NAME, size=TABLE_SIZE, bold=True),
        "title": Font(name=FONT_NAME, size=16, bold=True),
        "heading": Font(name=FONT_NAME, size=12, bold=True),
        "plain": Font(name=FONT_NAME, size=12),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
    }


# Named cell styles, registered once per workbook: assigning a style by name is far cheaper
# than assigning font, border and alignment objects cell by cell.
STYLE_LABEL = "ReportDesk 标签"
STYLE_CENTRED = "ReportDesk 表头"
STYLE_COUNT = "ReportDesk 件数"
STYLE_AMOUNT = "ReportDesk 金额"


def _register_styles(workbook: Workbook) -> None:
    from openpyxl.styles import NamedStyle

    style = _styles()
    for name, align, number_format in ((STYLE_LABEL, "left", "General"), (STYLE_CENTRED, "center", "General"),
                                       (STYLE_COUNT, "center", "0"), (STYLE_AMOUNT, "center", "General")):
        workbook.add_named_style(NamedStyle(name=name, font=style["font"], border=style["border"],
                                            alignment=style[align], number_format=number_format))


def _write_table(sheet: Worksheet, form: FormDef, table: TableDef, heading: str, report: Report,
                 values: dict[str, Value]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    style = _styles()
    n_cols = table.n_cols
    last_letter = get_column_letter(n_cols)
    chars = column_chars(table)
    for col, width in enumerate(chars, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = round(width * EXCEL_UNITS_PER_CHAR + 1, 1)

    head_rows = [
        (f"{APPENDIX_TITLE}{appendix_year_line(report)}", style["title"], style["center"], 30.0),
        (f"填报单位：{report.agency}", style["plain"], style["left"], 22.0),
        (heading, style["heading"], style["center"], 24.0),
    ]
    for row, (text, font, align, height) in enumerate(head_rows, start=1):
        sheet.merge_cells(f"A{row}:{last_letter}{row}")
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, align
        sheet.row_dimensions[row].height = height

    inputs: dict[ValueType, list[str]] = {ValueType.COUNT: [], ValueType.AMOUNT: []}
    heights = [MIN_ROW_POINTS] * table.n_rows
    tall: list[tuple[int, int, float]] = []
    for grid_cell in table.grid:
        top = FIRST_TABLE_ROW + grid_cell.row
        left = grid_cell.col + 1
        bottom, right = top + grid_cell.rowspan - 1, left + grid_cell.colspan - 1
        if bottom > top or right > left:
            sheet.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        if grid_cell.cell_id is None:
            name = STYLE_LABEL if grid_cell.role == "label" else STYLE_CENTRED
        else:
            definition = form.cells[grid_cell.cell_id]
            name = STYLE_COUNT if definition.type is ValueType.COUNT else STYLE_AMOUNT
        for r in range(top, bottom + 1):  # every cell of a merged range gets the border
            for c in range(left, right + 1):
                sheet.cell(row=r, column=c).style = name
        cell = sheet.cell(row=top, column=left)
        if grid_cell.cell_id is None:
            cell.value = grid_cell.text
            text_len = len(grid_cell.text)
        else:
            value = values.get(grid_cell.cell_id)
            cell.value = value  # None stays blank: see export_values
            if definition.input:
                inputs[definition.type].append(cell.coordinate)
            text_len = len(str(value)) if value is not None else 0
        room = max(1.0, sum(chars[grid_cell.col:grid_cell.col + grid_cell.colspan]) - CELL_PAD_CHARS)
        needed = math.ceil(text_len / room) * LINE_POINTS + 6 if text_len else MIN_ROW_POINTS
        if grid_cell.rowspan == 1:
            heights[grid_cell.row] = max(heights[grid_cell.row], needed)
        else:
            tall.append((grid_cell.row, grid_cell.rowspan, needed))
    for row, span, needed in tall:  # a merged-down label: share what it lacks over its rows
        have = sum(heights[row:row + span])
        if have < needed:
            for r in range(row, row + span):
                heights[r] += (needed - have) / span
    for index, height in enumerate(heights):
        sheet.row_dimensions[FIRST_TABLE_ROW + index].height = round(height, 1)
    messages = {ValueType.COUNT: ("whole", "此处只能填写不小于 0 的整数（件数）。"),
                ValueType.AMOUNT: ("decimal", "此处只能填写不小于 0 的数字（金额，单位：万元）。")}
    for value_type, coordinates in inputs.items():
        if coordinates:
            kind, error = messages[value_type]
            sheet.add_data_validation(DataValidation(
                type=kind, operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                showErrorMessage=True, errorTitle="数字无效", error=error, sqref=" ".join(coordinates)))

    last_row = FIRST_TABLE_ROW + table.n_rows - 1
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if n_cols > 10 else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.print_area = f"A1:{last_letter}{last_row}"
    if table.header_rows:
        sheet.print_title_rows = f"{FIRST_TABLE_ROW}:{FIRST_TABLE_ROW + table.header_rows - 1}"
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.8
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def _write_findings(sheet: Worksheet, form: FormDef, findings: Sequence[Finding],
                    accepted: Mapping[str, str]) -> None:
    style = _styles()
    headers = ("序号", "类别", "规则", "说明", "涉及单元格", "处理建议", "接受理由")
    widths = (6, 10, 16, 60, 40, 40, 30)
    from openpyxl.utils import get_column_letter

    for col, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=col, value=header)
        cell.font, cell.alignment, cell.border = style["bold"], style["center"], style["border"]
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if not findings:
        sheet.cell(row=2, column=1, value="未发现错误或警告。").font = style["font"]
        return
    for index, finding in enumerate(sort_findings(list(findings)), start=1):
        cells = "；".join(form.cells[c].label if c in form.cells else c for c in finding.cells)
        severity = SEVERITY_NAMES.get(str(finding.severity), str(finding.severity))
        reason = None if finding.is_error else accepted.get(finding.key)
        if reason is not None:
            severity += "（已接受）"
        row = (index, severity, finding.rule, finding.message, cells, finding.advice, reason)
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=index + 1, column=col, value=value)
            cell.font, cell.border = style["font"], style["border"]
            cell.alignment = style["center"] if col <= 3 else style["left"]


def write_xlsx(report: Report, path: Path, findings: Sequence[Finding],
               form: FormDef | None = None, accepted: Mapping[str, str] | None = None,
               internal_note: str = "") -> None:
    """Write the workbook to *path* atomically; raises :class:`~reportdesk.documents.files.ExportError`.

    *internal_note* ("内部审阅稿 — 尚有 3 个错误") goes into every sheet's printed header.
    """
    workbook = build_workbook(report, findings, form, accepted)
    if internal_note:
        for sheet in workbook.worksheets:
            for header in (sheet.oddHeader, sheet.evenHeader):
                header.center.text = internal_note
                header.center.color = "C00000"
    write_atomically(Path(path), lambda temp: workbook.save(str(temp)))
