"""Reading a report from any file ReportDesk understands: the one entry point of the UI and the CLI.

:func:`read_file` gives the report with its import summary (导入说明), :func:`read_report` the report
alone.  Drafts (.rdesk), Word (.docx), Excel (.xlsx) and JSON interchange files are read by the
readers in ``READERS``, imported only when a file of theirs is read, so that ``reportdesk check`` on
JSON never loads an office library.  The batch check, the app's import (in a worker process) and
last year's report (:func:`reportdesk.app.importing.read_previous`) all read through here.
"""

from __future__ import annotations

import importlib
import logging
import stat
from pathlib import Path

from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import ReportFileError, read_json_file
from reportdesk.core.report import Report
from reportdesk.core.table_import import ImportResult, ImportSummary

log = logging.getLogger(__name__)

#: suffix → "module:function"; the function takes a Path and returns an ImportResult.
READERS: dict[str, str] = {
    ".json": "reportdesk.app.reading:import_json",
    ".rdesk": "reportdesk.app.reading:import_draft",
    ".docx": "reportdesk.documents.docx_reader:import_docx",
    ".xlsx": "reportdesk.documents.xlsx_reader:import_xlsx",
}


def import_json(path: Path) -> ImportResult:
    return ImportResult(read_json_file(path, get_form), ImportSummary("JSON"))


def import_draft(path: Path) -> ImportResult:
    from reportdesk.storage.codec import read_report as read_draft

    return ImportResult(read_draft(path), ImportSummary("草稿"))


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def read_file(path: Path) -> ImportResult:
    """Read *path* with its import summary; raise :class:`ReportFileError` with a Chinese message."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise ReportFileError("文件不存在。", "io") from exc
    except OSError as exc:
        raise ReportFileError(f"无法打开文件：{exc.strerror or exc}", "io") from exc
    if stat.S_ISDIR(mode):
        raise ReportFileError("这是一个文件夹，不是报告文件。", "io")
    if not stat.S_ISREG(mode):
        raise ReportFileError("这不是普通文件（可能是管道或设备），不是报告文件。", "io")
    target = READERS.get(path.suffix.lower())
    if target is None:
        raise ReportFileError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”，可以读取：{'、'.join(supported_suffixes())}。", "type"
        )
    module_name, _, func_name = target.partition(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    result: ImportResult = reader(path)
    return result


def read_report(path: Path) -> Report:
    """The report in *path* (see :func:`read_file`)."""
    return read_file(path).report
