"""The three tables as an Excel workbook in the official layout, plus the check results.

One sheet per table ("主动公开政府信息情况", …), each headed like the appendix of a published
report (政府信息公开情况统计表（YYYY年度）, 填报单位), the table drawn from the form's grid
with its merges and a thin border on every cell of every merged range, widths from the
grid, wrapped labels, figures stored as numbers, A4 fitted to the page width.  Totals are
written as formulas together with their computed value (openpyxl cannot store a formula's
result, so the saved sheet XML gets the formula put in front of the value): the sheet stays
right when a figure is edited in Excel, and a reader that does not calculate sees the numbers.  The input cells
carry data validation (whole numbers ≥ 0; the 万元 amount a decimal ≥ 0), so the workbook
can serve as a collection template.  A sheet "校验结果" lists the findings, and a very
hidden sheet carries the report's interchange data (:mod:`reportdesk.documents.embedded`).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from reportdesk.core.catalog import get_form
from reportdesk.core.findings import Finding, sort_findings
from reportdesk.core.form import FormDef, TableDef
from reportdesk.core.interchange import report_to_json
from reportdesk.core.missing import cell_place
from reportdesk.core.numbers import Value, ValueType
from reportdesk.core.report import Report
from reportdesk.documents import embedded
from reportdesk.documents.files import write_atomically
from reportdesk.documents.layout import (
    APPENDIX_TITLE,
    PT_MM,
    ColumnKind,
    appendix_year_line,
    column_kinds,
    export_values,
    plan_table,
    wrap_text,
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
FINDINGS_HEADERS = ("序号", "类别", "规则", "说明", "涉及单元格", "处理建议", "接受理由")
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
    formulas: dict[str, list[tuple[str, str]]] = {}
    for section in form.sections:
        if section.table:
            sheet = workbook.create_sheet(_sheet_name(form.tables[section.table].title))
            _write_table(sheet, form, form.tables[section.table], section.heading, report, values,
                         formulas.setdefault(sheet.title, []))
    _write_findings(workbook.create_sheet(FINDINGS_SHEET), form, findings, accepted or {})
    embedded.embed_xlsx(workbook, report_to_json(form, report))
    workbook.active = 0
    props = workbook.properties
    props.title = f"{report.agency}{report.year or ''}年{APPENDIX_TITLE}"
    props.creator = report.agency or "ReportDesk"
    props.lastModifiedBy = "ReportDesk"
    if len(_FORMULAS) > 16:  # workbooks built and never written
        _FORMULAS.clear()
    _FORMULAS[id(workbook)] = (workbook, formulas)
    return workbook


# The totals' formulas of each built workbook, for :func:`write_xlsx` to put into the saved XML.
_FORMULAS: dict[int, tuple[Workbook, dict[str, list[tuple[str, str]]]]] = {}


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


EXCEL_UNITS_PER_EM = 2.0  # an Excel width unit is one "0" of the default font: a 10 pt 宋体 character is two
EXCEL_PAD_UNITS = 1.2
MAX_ROW_POINTS = 409.0  # Excel's largest row height
POINTS_PER_UNIT = 5.25  # an Excel width unit (7 pixels of the default font) in points


def _write_table(sheet: Worksheet, form: FormDef, table: TableDef, heading: str, report: Report,
                 values: dict[str, Value], formulas: list[tuple[str, str]]) -> None:
    """One table sheet.  Widths and row heights come from the actual strings (digits half a
    character wide) through the same word breaking as the Word tables; labels carry explicit
    line breaks between words; *formulas* collects (cell, formula) for the totals."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    style = _styles()
    n_cols = table.n_cols
    last_letter = get_column_letter(n_cols)
    plan = plan_table(table, values, form.print_words, None, sizes=(TABLE_SIZE,), head_lines=2)
    em_mm = TABLE_SIZE * PT_MM
    pad_mm = 2 * plan.margin_mm
    ems = [(w - pad_mm) / em_mm for w in plan.widths_mm]
    for col, width in enumerate(ems, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = round(width * EXCEL_UNITS_PER_EM + EXCEL_PAD_UNITS, 1)

    head_rows = [
        (f"{APPENDIX_TITLE}{appendix_year_line(report)}", style["title"], style["center"], 30.0),
        (f"填报单位：{report.agency}", style["plain"], style["left"], 22.0),
        (heading, style["heading"], style["center"], 24.0),
    ]
    sheet_units = sum(round(w * EXCEL_UNITS_PER_EM + EXCEL_PAD_UNITS, 1) for w in ems)
    for row, (text, font, align, height) in enumerate(head_rows, start=1):
        sheet.merge_cells(f"A{row}:{last_letter}{row}")
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, align
        # a long agency wraps in the merged row: as many lines as its width needs at this size
        size = float(getattr(font, "sz", 12) or 12)
        room = sheet_units * POINTS_PER_UNIT / size - 1
        count = len(wrap_text(text, room, ())) if room > 0 else 1
        sheet.row_dimensions[row].height = max(height, round(count * size * 1.4 + 6, 1))

    inputs: dict[ValueType, list[str]] = {ValueType.COUNT: [], ValueType.AMOUNT: []}
    where: dict[str, str] = {}
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
            label_lines = plan.lines.get((grid_cell.row, grid_cell.col), [grid_cell.text])
            cell.value = "\n".join(label_lines)
            count = len(label_lines)
        else:
            value = values.get(grid_cell.cell_id)
            cell.value = value  # None stays blank: see export_values
            where[grid_cell.cell_id] = cell.coordinate
            if definition.input:
                inputs[definition.type].append(cell.coordinate)
            if definition.type is ValueType.AMOUNT and isinstance(value, Decimal):
                cell.number_format = amount_format(value)
            count = 1
        needed = count * LINE_POINTS + 6.5
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
    formulas.extend(total_formulas(form, table, values, where))
    value_cols = [c for c, kind in enumerate(column_kinds(table)) if kind is ColumnKind.VALUE]
    first_value_col = (value_cols[0] if value_cols else 0) + 1
    body_row = FIRST_TABLE_ROW + table.header_rows
    sheet.freeze_panes = sheet.cell(row=body_row, column=first_value_col).coordinate
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
    headers = FINDINGS_HEADERS
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
        cells = "；".join(cell_place(form, c) for c in finding.cells)
        severity = SEVERITY_NAMES.get(str(finding.severity), str(finding.severity))
        reason = None if finding.is_error else accepted.get(finding.key)
        if reason is not None:
            severity += "（已接受）"
        row = (index, severity, finding.rule, finding.message, cells, finding.advice, reason)
        lines = 1
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=index + 1, column=col, value=value)
            cell.font, cell.border = style["font"], style["border"]
            cell.alignment = style["center"] if col <= 3 else style["left"]
            if isinstance(value, str) and value:
                room = (widths[col - 1] - EXCEL_PAD_UNITS) / EXCEL_UNITS_PER_EM
                lines = max(lines, sum(len(wrap_text(part, room, ())) for part in value.split("\n")))
        sheet.row_dimensions[index + 1].height = min(MAX_ROW_POINTS, round(lines * LINE_POINTS + 6.5, 1))


def amount_format(value: Decimal) -> str:
    """The number format showing *value* with its own decimals: 12.50 → "0.00", 3 → "0"."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * places if places else "0"


def total_formulas(form: FormDef, table: TableDef, values: Mapping[str, Value],
                   where: Mapping[str, str]) -> list[tuple[str, str]]:
    """(cell, formula) for each total of *table* that is the plain sum of its parts and equals it.

    A stated total that differs from its parts keeps its value alone (the report says what it
    says, and the check reports the difference); a blank total stays blank.
    """
    out = []
    for derived in form.derived:
        if derived.cell not in where or values.get(derived.cell) is None:
            continue
        refs = list(derived.expr.refs)
        if not refs or any(r not in where for r in refs) or not _is_plain_sum(derived.expr, refs):
            continue
        parts = sum((values.get(r) or 0) for r in refs)
        if parts != values[derived.cell]:
            continue
        out.append((where[derived.cell], "+".join(where[r] for r in refs)))
    return out


def _is_plain_sum(expr: object, refs: list[str]) -> bool:
    """Whether *expr* adds its cells once each (checked by evaluating it on powers of two)."""
    from reportdesk.core.expressions import Env

    probe = {r: 2 ** i for i, r in enumerate(refs)}
    try:
        return bool(expr.fn(Env(probe, {})) == 2 ** len(refs) - 1)  # type: ignore[attr-defined]
    except Exception:
        return False


_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)>(<v>[^<]*</v>)</c>')


def with_formulas(data: bytes, workbook: Workbook) -> bytes:
    """The saved workbook with each total written as formula *and* cached value.

    openpyxl writes a formula without its result, which readers that do not calculate
    (openpyxl's ``data_only``, many viewers, pandas) see as empty; so the values are saved
    first and each total's ``<f>`` is put in front of its ``<v>`` in the sheet XML.
    """
    entry = _FORMULAS.get(id(workbook))
    formulas = entry[1] if entry is not None and entry[0] is workbook else {}
    parts = {f"xl/worksheets/sheet{i}.xml": dict(formulas.get(ws.title, []))
             for i, ws in enumerate(workbook.worksheets, start=1)}
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            blob = source.read(item.filename)
            cells = parts.get(item.filename)
            if cells:
                def put(match: re.Match[bytes], cells: dict[str, str] = cells) -> bytes:
                    formula = cells.get(match.group(1).decode())
                    if formula is None:
                        return match.group(0)
                    return (b'<c r="' + match.group(1) + b'"' + match.group(2) + b"><f>" + formula.encode()
                            + b"</f>" + match.group(3) + b"</c>")
                blob = _CELL.sub(put, blob)
            target.writestr(item, blob)
    return out.getvalue()


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

    def save(temp: Path) -> None:
        buffer = io.BytesIO()
        workbook.save(buffer)
        temp.write_bytes(with_formulas(buffer.getvalue(), workbook))

    try:
        write_atomically(Path(path), save)
    finally:
        _FORMULAS.pop(id(workbook), None)
