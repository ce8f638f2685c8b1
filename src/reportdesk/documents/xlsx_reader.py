"""Reading a report from an Excel (.xlsx) workbook: ReportDesk's own export or a hand-made one.

Every sheet is read as a grid (openpyxl in read-only mode, values only: a merged cell's
value sits at its top-left position, the rest are empty, as the mapper expects) and the
labels are located wherever they are on the sheet; one sheet holding all three tables or
one sheet per table both work.  A workbook exported by ReportDesk also carries the report's
interchange data in a very hidden sheet: it is used, and compared with the visible tables.

Before openpyxl sees the file, the package is checked and every XML part scanned for a
DTD (:mod:`reportdesk.documents.safety`), since openpyxl parses the parts itself.
"""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportdesk.core.interchange import ReportFileError
from reportdesk.core.labels import squeeze
from reportdesk.core.table_import import Grid, ImportResult
from reportdesk.documents.content import DocumentContent, build_result
from reportdesk.documents.embedded import XLSX_SHEET, xlsx_payload
from reportdesk.documents.safety import check_all_parts, open_package

log = logging.getLogger(__name__)

MAX_ROWS = 2_000
MAX_COLS = 64


def import_xlsx(path: Path, converted: str = "", source: str = "Excel") -> ImportResult:
    with open_package(path, "xlsx") as archive:
        names = archive.namelist()
        if "xl/workbook.xml" not in names:
            if "word/document.xml" in names:
                raise ReportFileError("这是 Word 文件（.docx）改了扩展名，请把扩展名改回 .docx 后再读取。", "not_office")
            raise ReportFileError("文件不是 Excel 工作簿（缺少 xl/workbook.xml）。", "not_office")
        check_all_parts(archive)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise ReportFileError(f"Excel 文件已损坏，无法读取（{type(exc).__name__}：{exc}）。", "bad_xlsx") from exc
    grids: list[Grid] = []
    names_out: list[str] = []
    paragraphs: list[str] = []
    embedded: dict[str, Any] | None = None
    try:
        for sheet in workbook.worksheets:
            if sheet.title == XLSX_SHEET:
                embedded = xlsx_payload(sheet)
                continue
            grid = [
                [_text(v) for v in row]
                for row in sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLS, values_only=True)
            ]
            if _is_findings_sheet(sheet.title, grid):
                continue  # ReportDesk's own 校验结果: findings, not table data
            grids.append(grid)
            names_out.append(f"工作表“{sheet.title}”")
            for row in grid[:6]:
                paragraphs.extend(t for t in row if "年度报告" in t or squeeze(t).startswith("填报单位"))
    except Exception as exc:
        raise ReportFileError(f"Excel 文件已损坏，无法读取（{type(exc).__name__}：{exc}）。", "bad_xlsx") from exc
    finally:
        workbook.close()
    return build_result(DocumentContent(source, paragraphs, grids, names_out, embedded, has_text=False,
                                        converted=converted))


def _is_findings_sheet(title: str, grid: list[list[str]]) -> bool:
    """The check-results sheet of a ReportDesk export: its name and its header row."""
    from reportdesk.documents.excel_writer import FINDINGS_HEADERS, FINDINGS_SHEET

    return title == FINDINGS_SHEET and bool(grid) and tuple(grid[0][:len(FINDINGS_HEADERS)]) == FINDINGS_HEADERS


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


