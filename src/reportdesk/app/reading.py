"""Reading a report from any file ReportDesk understands: the one entry point of the UI and the CLI.

:func:`read_file` gives the report with its import summary (导入说明), :func:`read_report` the report
alone.  :data:`FILE_KINDS` is the only list of the files ReportDesk reads: the CLI's help, the app's
打开… / 基于上年报告新建 / 审阅 dialogs, drag and drop and the batch check's folder search all take their
suffixes from it.  Each reader is imported only when a file of its kind is read, so that
``reportdesk check`` on JSON never loads an office library.  The batch check, the app's import (in a worker process) and
last year's report (:func:`reportdesk.app.importing.read_previous`) all read through here.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from reportdesk.core.records import record

if TYPE_CHECKING:  # imported when a file is read: the app's start-up needs only the lists
    from reportdesk.core.report import Report
    from reportdesk.core.table_import import ImportResult

log = logging.getLogger(__name__)


@record
class FileKind:
    """One kind of file ReportDesk reads."""

    id: str  # stable, for the UI's translated names ("word", "pdf", …)
    name: str  # in Chinese, for messages and --help
    suffixes: tuple[str, ...]
    reader: str  # "module:function" taking a Path and returning an ImportResult
    needs: str = ""  # what must be installed, or what the file must be ("需要 LibreOffice")
    importable: bool = True  # becomes a new draft in the app (a draft is opened instead)


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("draft", "ReportDesk 草稿", (".rdesk",), "reportdesk.app.reading:import_plain", importable=False),
    FileKind("word", "Word 文档", (".docx",), "reportdesk.documents.docx_reader:import_docx"),
    FileKind("excel", "Excel 工作簿", (".xlsx",), "reportdesk.documents.xlsx_reader:import_xlsx"),
    FileKind("pdf", "PDF", (".pdf",), "reportdesk.documents.pdf_reader:import_pdf", needs="须含文字，扫描件不能读取"),
    FileKind("web", "网页", (".html", ".htm", ".mhtml", ".mht"), "reportdesk.documents.html_reader:import_html"),
    FileKind("old_word", "旧版 Word、WPS 文字、RTF、OpenDocument 文本", (".doc", ".wps", ".rtf", ".odt"),
             "reportdesk.documents.conversion:import_converted", needs="需要 LibreOffice"),
    FileKind("old_excel", "旧版 Excel、WPS 表格、OpenDocument 表格", (".xls", ".et", ".ods"),
             "reportdesk.documents.conversion:import_converted", needs="需要 LibreOffice"),
    FileKind("json", "JSON 交换格式", (".json",), "reportdesk.app.reading:import_plain"),
)

#: suffix → its kind
KIND_OF: dict[str, FileKind] = {s: kind for kind in FILE_KINDS for s in kind.suffixes}
#: every file that can be read (checked, dumped, reviewed, used as last year's report)
READABLE_SUFFIXES: tuple[str, ...] = tuple(s for kind in FILE_KINDS for s in kind.suffixes)
#: files the app imports as a new draft (a .rdesk is opened, not imported)
IMPORT_SUFFIXES: tuple[str, ...] = tuple(s for kind in FILE_KINDS if kind.importable for s in kind.suffixes)

_PLAIN_SOURCES = {".json": "JSON", ".rdesk": "草稿"}


def kind_of(path: Path) -> FileKind | None:
    return KIND_OF.get(path.suffix.lower())


def sources_help() -> str:
    """The files ReportDesk reads, for ``--help``: "草稿（.rdesk）、Word 文档（.docx）……"."""
    parts = []
    for kind in FILE_KINDS:
        needs = f"，{kind.needs}" if kind.needs else ""
        parts.append(f"{kind.name}（{'/'.join(kind.suffixes)}{needs}）")
    return "、".join(parts)


def read_json(path: Path) -> Report:
    from reportdesk.core.catalog import get_form
    from reportdesk.core.interchange import read_json_file

    return read_json_file(path, get_form)


def import_plain(path: Path) -> ImportResult:
    """A JSON interchange file or a draft: a report without a document behind it."""
    from reportdesk.core.table_import import ImportResult, ImportSummary

    if path.suffix.lower() == ".rdesk":
        from reportdesk.storage.codec import read_report as read_draft

        report = read_draft(path)
    else:
        report = read_json(path)
    return ImportResult(report, ImportSummary(_PLAIN_SOURCES.get(path.suffix.lower(), path.suffix)))


def supported_suffixes() -> list[str]:
    return list(READABLE_SUFFIXES)


def unsupported_message(path: Path, allowed: tuple[str, ...] = READABLE_SUFFIXES) -> str:
    return f"不支持的文件类型“{path.suffix or '（无扩展名）'}”，可以读取：{'、'.join(allowed)}。"


def read_file(path: Path) -> ImportResult:
    """Read *path* with its import summary; raise :class:`ReportFileError` with a Chinese message."""
    from reportdesk.core.interchange import ReportFileError, require_regular_file

    path = Path(path)
    require_regular_file(path)  # a folder, a FIFO (which would block forever), a device: refused at once
    kind = kind_of(path)
    if kind is None:
        raise ReportFileError(unsupported_message(path), "type")
    module_name, _, func_name = kind.reader.partition(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    result: ImportResult = reader(path)
    return result


def read_report(path: Path) -> Report:
    """Read *path*; raise :class:`ReportFileError` with a Chinese message when it cannot be read."""
    return read_file(path).report
