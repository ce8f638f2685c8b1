"""Exporting a report: the .docx, the .xlsx and the PDF in one call (what the UI and the CLI use)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.findings import Finding
from reportdesk.core.report import Report
from reportdesk.documents.options import DEFAULT_OPTIONS, ExportOptions, FontSet

log = logging.getLogger(__name__)


class ExportResult(list[Path]):
    """The files written (a list of paths, as before) and what the PDF had to substitute.

    ``font_substitutions``: one line per requested face this computer lacks and the
    installed face LibreOffice was given instead ("仿宋_GB2312 → Noto Serif CJK SC").
    """

    def __init__(self) -> None:
        super().__init__()
        self.font_substitutions: list[str] = []


def export_report(
    report: Report,
    *,
    docx: Path | None = None,
    xlsx: Path | None = None,
    pdf: Path | None = None,
    options: ExportOptions = DEFAULT_OPTIONS,
    findings: Sequence[Finding] | None = None,
    accepted: Mapping[str, str] | None = None,
) -> ExportResult:
    """Write the files asked for and return their paths.

    The PDF is LibreOffice's conversion of the .docx (written to a temporary folder when no
    .docx is asked for).  *findings* go into the workbook's "校验结果" sheet; they are
    computed when not given; *accepted* (``Finding.key`` -> reason) marks the warnings
    the clerk accepted.  Raises :class:`~reportdesk.documents.files.ExportError`.
    """
    from reportdesk.documents.word_writer import write_docx

    form = get_form(report.form_id)
    written = ExportResult()
    if docx is not None:
        write_docx(report, Path(docx), options, form)
        written.append(Path(docx))
    if xlsx is not None:
        from reportdesk.documents.excel_writer import write_xlsx

        write_xlsx(report, Path(xlsx), check_report(report) if findings is None else findings, form, accepted,
                   internal_note=options.internal_note)
        written.append(Path(xlsx))
    if pdf is not None:
        if docx is not None:
            written.font_substitutions = pdf_from_docx(Path(docx), Path(pdf), options.fonts)
        else:
            with tempfile.TemporaryDirectory(prefix="reportdesk-export-") as work:
                source = Path(work) / f"{Path(pdf).stem}.docx"
                write_docx(report, source, options, form)
                written.font_substitutions = pdf_from_docx(source, Path(pdf), options.fonts)
        written.append(Path(pdf))
    return written


def pdf_from_docx(docx: Path, pdf: Path, fonts: FontSet) -> list[str]:
    """The PDF of an exported .docx through LibreOffice, the faces of *fonts* mapped to installed ones
    where missing; returns the substitutions made, in words."""
    from reportdesk.documents.options import FONT_SETS, faces
    from reportdesk.documents.pdf import convert_to_pdf

    return convert_to_pdf(Path(docx), Path(pdf), fonts=faces(FONT_SETS[fonts]))
