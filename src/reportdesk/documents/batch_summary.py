"""The reviewer's summary workbook: one row per report, and a sheet with every finding.

Both sheets have filters and frozen headers so that a reviewer can sort by errors or
agency and filter the findings by rule.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from reportdesk.core.catalog import DEFAULT_FORM_ID, UnknownFormError, get_form
from reportdesk.core.findings import Finding
from reportdesk.core.form import FormDef
from reportdesk.core.missing import cell_place
from reportdesk.core.numbers import Value
from reportdesk.core.report import Report
from reportdesk.core.table_import import ImportSummary
from reportdesk.core.year_on_year import YearChange
from reportdesk.documents.files import write_atomically

log = logging.getLogger(__name__)

SEVERITY_NAMES = {"error": "错误", "warning": "警告"}

class FileResult(Protocol):
    """What the workbook shows of one checked file (``reportdesk.app.batch.FileResult`` has it)."""

    path: str
    report: Report | None
    error: str | None
    findings: list[Finding]
    summary: ImportSummary | None
    changes: list[YearChange]

    @property
    def readable(self) -> bool: ...

    @property
    def errors(self) -> int: ...

    @property
    def warnings(self) -> int: ...


REPORT_HEADINGS = ("文件", "单位", "年度", "能否读取", "错误", "警告", "无法读取的原因", "导入说明")


def source_name(result: FileResult) -> str:
    """What the report was read from ("PDF", "网页", "Word 97-2003 文档（.doc）"…), converted or not."""
    if result.summary is not None:
        return result.summary.source + ("（经 LibreOffice 转换）" if result.summary.converted else "")
    from reportdesk.documents.conversion import CONVERTED

    suffix = Path(result.path).suffix.lower()
    if suffix in CONVERTED:
        return CONVERTED[suffix][1]
    return suffix.lstrip(".").upper() or "未知"  # a file that could not be read: what its name says
CHANGE_HEADINGS = ("文件", "单位", "项目", "上年", "本年", "增减", "增减（%）", "变化较大")
FINDING_HEADINGS = ("文件", "单位", "年度", "级别", "规则", "问题", "单元格", "建议")


#: What an XML 1.0 document cannot hold: the C0 controls but tab, line feed and carriage
#: return, lone surrogates, and U+FFFE/U+FFFF.  A file's message or name may carry them
#: (a NUL in a hostile file's text); the workbook keeps the rest of the text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> object:
    """*value* with the characters XML cannot hold removed (other values unchanged)."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _row(values: Sequence[object]) -> list[object]:
    return [xml_text(v) for v in values]


def _total(cells: dict[str, Value], ids: tuple[str, ...]) -> Value:
    values = [cells.get(c) for c in ids]
    if all(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _form_of(report: Report | None) -> FormDef:
    """The form of *report* (the key totals and cell names come from it), or the default one."""
    try:
        return get_form(report.form_id if report is not None else DEFAULT_FORM_ID)
    except UnknownFormError:
        return get_form(DEFAULT_FORM_ID)


def write_summary(results: Sequence[FileResult], path: Path) -> None:
    """Write the workbook to *path* atomically; raises :class:`~reportdesk.documents.files.ExportError`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    key_totals = _form_of(next((r.report for r in results if r.report is not None), None)).key_totals
    workbook = Workbook()
    reports = workbook.active
    reports.title = "报告汇总"
    reports.append([*REPORT_HEADINGS, *(k.name for k in key_totals), "来源"])
    findings_sheet = workbook.create_sheet("全部问题")
    findings_sheet.append(list(FINDING_HEADINGS))
    for result in results:
        report = result.report
        agency = report.agency if report else ""
        year = report.year if report else None
        notes = result.summary.brief() if result.summary is not None else ""
        cells = report.cells if report else {}
        totals = [_total(cells, k.cells) for k in key_totals]
        form = _form_of(report)
        reports.append(_row([
            result.path, agency, year, "是" if result.readable else "否",
            result.errors, result.warnings, result.error or "", notes, *totals, source_name(result),
        ]))
        for f in result.findings:
            labels = "；".join(cell_place(form, c) for c in f.cells)
            findings_sheet.append(_row([
                result.path, agency, year, SEVERITY_NAMES.get(str(f.severity), str(f.severity)),
                f.rule, f.message, labels, f.advice,
            ]))
    sheets = [reports, findings_sheet]
    if any(r.changes for r in results):
        changes_sheet = workbook.create_sheet("与上年对比")
        changes_sheet.append(list(CHANGE_HEADINGS))
        for result in results:
            agency = result.report.agency if result.report else ""
            for c in result.changes:
                if c.last is None and c.this is None:
                    continue
                changes_sheet.append(_row([
                    result.path, agency, c.label, c.last, c.this, c.change,
                    float(c.percent) if c.percent is not None else None, "是" if c.large else "",
                ]))
        sheets.append(changes_sheet)
    bold = Font(bold=True)
    widths = {"报告汇总": (40, 28, 8, 8, 6, 6, 40, 36, *(12 for _ in key_totals), 24), "全部问题": (40, 28, 8, 6, 16, 80, 40, 50),
              "与上年对比": (40, 28, 50, 10, 10, 10, 10, 10)}
    for sheet in sheets:
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for i, width in enumerate(widths[sheet.title]):
            sheet.column_dimensions[chr(ord("A") + i)].width = width
    # Saved into memory first: a zip file left open on a full disk would complain again when
    # collected ("Exception ignored in ZipFile.__del__"); the bytes are then written in one go.
    buffer = io.BytesIO()
    workbook.save(buffer)
    def produce(temp: Path) -> None:
        temp.write_bytes(buffer.getvalue())

    write_atomically(Path(path), produce)
