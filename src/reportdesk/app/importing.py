"""Turning a file into a new draft: what the app's 打开… and 基于上年报告新建 call.  Qt-free.

A report in any file of :data:`reportdesk.app.reading.FILE_KINDS` (Word, Excel, PDF, a web
page, an old or WPS office file through LibreOffice, JSON; to import, or as last year's) is read in a worker process
(with the batch check's time and memory bounds, held by the parent, so that a hostile file
cannot take the app down or hang it, under fork as under spawn) and becomes an
:class:`ImportedFile`: the report, and the lines of its import summary that the draft
keeps (cells read and missing, labels that differ, what could not be mapped, and what the
import found about the document itself, such as the old format or a table changed by hand
after export — the draft has no document layout, so these would otherwise be lost).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from reportdesk.app import reading
from reportdesk.app.previous_year import PreviousYearError, check_previous
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import ReportFileError, require_regular_file
from reportdesk.core.records import field, record
from reportdesk.core.report import Report

if TYPE_CHECKING:
    from reportdesk.app.batch import Task

log = logging.getLogger(__name__)

#: Files the app imports as a new draft (a .rdesk is opened, not imported).
IMPORT_SUFFIXES = reading.IMPORT_SUFFIXES
#: Files that can serve as last year's report.
PREVIOUS_SUFFIXES = reading.READABLE_SUFFIXES
#: Findings about the document itself (its layout), which a draft cannot find again.
DOCUMENT_RULES = frozenset({"old_format", "missing_table", "label", "export_mismatch", "export_text_mismatch"})


__all__ = ["ImportFailed", "ImportedFile", "PreviousYearError", "import_in_worker", "read_previous"]


class ImportFailed(Exception):
    """A file could not be read; ``message`` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@record(frozen=False)
class ImportedFile:
    path: Path
    report: Report
    source: str  # "Word", "Excel", "PDF", "网页", "Word 97-2003 文档（.doc）", "JSON", "草稿"
    lines: list[str] = field(default_factory=list)  # the import summary, kept in the draft

    @property
    def old_format(self) -> bool:
        return any("旧格式" in line for line in self.lines)


def _check_suffix(path: Path, allowed: tuple[str, ...]) -> None:
    if path.suffix.lower() not in allowed:
        raise ImportFailed(reading.unsupported_message(path, allowed))


def summary_lines(path: Path, report: Report, summary: object, findings: list) -> list[str]:
    """The lines a draft keeps about its import."""
    from reportdesk.core.table_import import ImportSummary

    lines = [f"导入文件：{path.name}"]
    if isinstance(summary, ImportSummary) and summary.from_document:
        lines += summary.lines()
    else:
        form = get_form(report.form_id)
        source = summary.source if isinstance(summary, ImportSummary) else path.suffix
        read = sum(1 for c in form.input_cells if report.cells.get(c) is not None)
        lines += [f"来源：{source}", f"读取单元格 {read} 个（可填写的单元格共 {len(form.input_cells)} 个）。"]
    lines += [f"文件检查：{f.message}" for f in findings if f.rule in DOCUMENT_RULES]
    return lines


def import_in_worker(path: Path, *, timeout: float | None = None, memory: int | None = None,
                     task: Task | None = None) -> ImportedFile:
    """Read a report file (any of :data:`IMPORT_SUFFIXES`) in a worker process; raise :class:`ImportFailed`.

    *timeout* (seconds) and *memory* (bytes) default to the batch check's bounds; they and
    *task* (the reader run in the worker, see :data:`reportdesk.app.batch.Task`) are for tests.
    """
    from reportdesk.app.batch import FILE_TIMEOUT_S, WORKER_MEMORY_BYTES, review_many

    path = Path(path)
    _check_suffix(path, IMPORT_SUFFIXES)
    _require_regular(path)
    result = review_many([path], None, jobs=1, isolate=True, timeout=timeout or FILE_TIMEOUT_S,
                         memory=memory or WORKER_MEMORY_BYTES, task=task)[0]
    if result.error is not None or result.report is None:
        raise ImportFailed(result.error or "未能读取。")
    source = result.summary.source if result.summary is not None else path.suffix
    return ImportedFile(path, result.report, source,
                        summary_lines(path, result.report, result.summary, result.findings))


def read_previous(path: Path, year: int | None = None) -> Report:
    """Last year's report from any readable file, for a report of *year* (None: not chosen yet);
    raise :class:`ImportFailed`, or :class:`PreviousYearError` when it cannot serve
    (:func:`reportdesk.app.previous_year.check_previous`).

    Any file but a draft comes from anywhere: it is read in a worker process under the
    batch check's bounds, as an import is.  A draft (our own file, behind its lock) is read here.
    """
    path = Path(path)
    _check_suffix(path, PREVIOUS_SUFFIXES)
    _require_regular(path)
    if path.suffix.lower() == ".rdesk":
        report = _read_here(path)
    else:
        from reportdesk.app.batch import review_many

        result = review_many([path], None, jobs=1, isolate=True)[0]
        if result.error is not None or result.report is None:
            raise ImportFailed(result.error or "未能读取。")
        report = result.report
    if not any(v is not None for v in report.cells.values()) and not report.texts:
        raise ImportFailed("文件中没有读到任何数字或文字，不像一份年度报告。")
    check_previous(report, year)
    return report


def _require_regular(path: Path) -> None:
    """Refuse at once what is not a regular file: a FIFO would block the reader, a folder is no report."""
    try:
        require_regular_file(path)
    except ReportFileError as exc:
        raise ImportFailed(exc.message) from exc


def _read_here(path: Path) -> Report:
    from reportdesk.app.reading import read_file

    try:
        return read_file(path).report
    except ReportFileError as exc:
        raise ImportFailed(exc.message) from exc
    except MemoryError as exc:
        raise ImportFailed("读取时内存不足：文件可能被恶意构造或过于复杂，已停止读取。") from exc
    except RecursionError as exc:
        raise ImportFailed("文件结构嵌套过深，无法读取。") from exc
    except OSError as exc:
        raise ImportFailed(f"无法读取文件：{exc.strerror or exc}") from exc
