"""Exporting, as the UI and the CLI call it: the report's files, the reviewers' summary workbook, the
options, and the page layout the preview shares with the Word writer.

The writers live in :mod:`reportdesk.documents` (the only place that imports python-docx and
openpyxl); this module is the application layer's door to them, so that ``ui/`` and ``commands/``
never import ``documents`` themselves.  Nothing heavy is imported here: the office libraries load
when a file is written.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportdesk.core.findings import Finding
from reportdesk.core.report import Report
from reportdesk.documents import layout
from reportdesk.documents.files import ExportError
from reportdesk.documents.options import (
    DEFAULT_OPTIONS,
    FONT_SET_NAMES,
    ExportOptions,
    FontSet,
    internal_note,
    missing_faces,
)

if TYPE_CHECKING:
    from reportdesk.app.batch import FileResult

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_OPTIONS",
    "FONT_SET_NAMES",
    "ExportError",
    "ExportOptions",
    "FontSet",
    "export_report",
    "find_soffice",
    "internal_note",
    "layout",
    "missing_faces",
    "pdf_from_docx",
    "place_file",
    "write_summary",
]


def find_soffice() -> str | None:
    """LibreOffice's ``soffice``, when installed (for the PDF)."""
    from reportdesk.documents.pdf import find_soffice as find

    return find()


def export_report(report: Report, *, docx: Path | None = None, xlsx: Path | None = None, pdf: Path | None = None,
                  options: ExportOptions = DEFAULT_OPTIONS, findings: Sequence[Finding] | None = None,
                  accepted: Mapping[str, str] | None = None) -> list[Path]:
    """Write the files asked for (see :func:`reportdesk.documents.export.export_report`)."""
    from reportdesk.documents.export import export_report as write

    return write(report, docx=docx, xlsx=xlsx, pdf=pdf, options=options, findings=findings, accepted=accepted)


def place_file(made: Path, target: Path) -> None:
    """Copy the finished file *made* to *target*, replacing it in one step (see
    :func:`reportdesk.documents.files.write_atomically`); raises :class:`ExportError`."""
    import shutil

    from reportdesk.documents.files import write_atomically

    def copy(temp: Path) -> None:
        shutil.copyfile(made, temp)

    write_atomically(Path(target), copy)


def pdf_from_docx(docx: Path, pdf: Path, fonts: FontSet) -> list[str]:
    """The PDF of an exported .docx (LibreOffice); the font substitutions made, in words."""
    from reportdesk.documents.export import pdf_from_docx as convert

    return convert(docx, pdf, fonts)


def write_summary(results: Sequence[FileResult], path: Path) -> None:
    """The reviewers' summary workbook of checked files (``reportdesk.app.batch.FileResult``)."""
    from reportdesk.documents.batch_summary import write_summary as write

    write(results, path)
