"""The file dialogs' filters and the files a drop accepts, from the one list in app/reading.py."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reportdesk.app.reading import FILE_KINDS, IMPORT_SUFFIXES, READABLE_SUFFIXES

# What 打开… and a drop on the main window accept: a draft is opened, a report is imported.
OPEN_SUFFIXES: tuple[str, ...] = READABLE_SUFFIXES


def _kind_name(kind_id: str) -> str:
    names = {
        "draft": QCoreApplication.translate("FileFilters", "ReportDesk 草稿"),
        "word": QCoreApplication.translate("FileFilters", "Word 报告"),
        "excel": QCoreApplication.translate("FileFilters", "Excel 报告"),
        "pdf": QCoreApplication.translate("FileFilters", "PDF 报告（含文字）"),
        "web": QCoreApplication.translate("FileFilters", "网页（发布的报告页面）"),
        "old_word": QCoreApplication.translate("FileFilters", "旧版 Word / WPS 文字（需要 LibreOffice）"),
        "old_excel": QCoreApplication.translate("FileFilters", "旧版 Excel / WPS 表格（需要 LibreOffice）"),
        "json": QCoreApplication.translate("FileFilters", "JSON 报告"),
    }
    return names.get(kind_id, kind_id)


def _patterns(suffixes: tuple[str, ...]) -> str:
    return " ".join(f"*{s}" for s in suffixes)


def report_filter(*, drafts: bool = True) -> str:
    """"所有报告 (*.rdesk *.docx …);;Word 报告 (*.docx);;…" for a QFileDialog."""
    suffixes = READABLE_SUFFIXES if drafts else IMPORT_SUFFIXES
    first = (QCoreApplication.translate("FileFilters", "报告和草稿 ({0})") if drafts
             else QCoreApplication.translate("FileFilters", "报告文件 ({0})")).format(_patterns(suffixes))
    parts = [first]
    for kind in FILE_KINDS:
        if drafts or kind.importable:
            parts.append(f"{_kind_name(kind.id)} ({_patterns(kind.suffixes)})")
    return ";;".join(parts)


def readable_list() -> str:
    """"草稿（.rdesk）、Word 报告（.docx）……" for messages and tool tips."""
    return QCoreApplication.translate("FileFilters", "、").join(
        f"{_kind_name(kind.id)}（{' '.join(kind.suffixes)}）" for kind in FILE_KINDS)
