"""Read a report from any file ReportDesk understands.

JSON interchange files are read here; drafts (.rdesk), Word (.docx) and Excel (.xlsx)
readers register themselves in ``READERS`` by file suffix, and are imported only when a
file of theirs is read, so that ``reportdesk check`` on JSON never loads an office library.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import ReportFileError, read_json_file, require_regular_file
from reportdesk.core.report import Report

log = logging.getLogger(__name__)

#: suffix → "module:function"; the function takes a Path and returns a Report.
READERS: dict[str, str] = {
    ".json": "reportdesk.app.reading:read_json",
    ".rdesk": "reportdesk.storage.codec:read_report",
    ".docx": "reportdesk.documents.docx_reader:read_docx",
    ".xlsx": "reportdesk.documents.xlsx_reader:read_xlsx",
}


def read_json(path: Path) -> Report:
    return read_json_file(path, get_form)


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def read_report(path: Path) -> Report:
    """Read *path*; raise :class:`ReportFileError` with a Chinese message when it cannot be read."""
    require_regular_file(path)  # a folder, a FIFO (which would block forever), a device: refused at once
    target = READERS.get(path.suffix.lower())
    if target is None:
        raise ReportFileError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”，可以读取：{'、'.join(supported_suffixes())}。", "type"
        )
    module_name, _, func_name = target.partition(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    return reader(path)
