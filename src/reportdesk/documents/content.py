"""The common intermediate of every document reader: paragraphs and table grids.

Word (read from its XML), PDF (from the text layer and the ruled lines), a published web
page (from its HTML) and a file converted by LibreOffice all come down to the same thing:
the body paragraphs in reading order and the tables as :data:`~reportdesk.core.table_import.Grid`
(a merged cell's text at its first position, ``""`` on the positions it covers).  From
there one function maps the tables by their labels and splits the text into sections, so
that every source is read by the same rules and gives the same import summary.
"""

from __future__ import annotations

import logging
from typing import Any

from reportdesk.core.catalog import form_for_year, form_ids, get_form
from reportdesk.core.document_text import DocumentText, split_text
from reportdesk.core.form import FormDef
from reportdesk.core.records import field, record
from reportdesk.core.report import Report
from reportdesk.core.table_import import Grid, ImportResult, ImportSummary, TableMapper, apply_embedded

log = logging.getLogger(__name__)


@record(frozen=False)
class DocumentContent:
    """What a reader found in a file, before any mapping to the form."""

    source: str  # "Word", "Excel", "PDF", "网页" — what the summary names
    paragraphs: list[str] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # where each grid is ("第 2 页第 1 个表格")
    embedded: dict[str, Any] | None = None
    has_text: bool = True  # the paragraphs are the report's text (not an Excel workbook's)
    converted: str = ""  # "由 LibreOffice 从 .doc 转换为 .docx 后读取"
    notes: list[str] = field(default_factory=list)  # what the reader itself could not read

    def add_grid(self, grid: Grid, name: str) -> None:
        self.grids.append(grid)
        self.names.append(name)


def build_result(content: DocumentContent) -> ImportResult:
    """Map the grids and split the text into a report; compare with the embedded data if any."""
    form, text = _form_and_text(content.paragraphs, content.embedded)
    summary = ImportSummary(content.source)
    summary.converted = content.converted
    summary.notes.extend(content.notes)
    mapper = TableMapper(form, summary)
    for i, grid in enumerate(content.grids):
        mapper.feed(grid, content.names[i] if i < len(content.names) else f"第 {i + 1} 个表格")
    summary.headings_found = text.headings_found
    for found, official in text.heading_differences:
        summary.notes.append(f"标题与官方不同：“{found}”，官方为“{official}”")
    if not content.grids:
        summary.notes.append("文件中没有表格。")
    report = Report(form_id=form.id, agency=text.agency, year=text.year, texts=text.texts)
    mapper.finish(report, text if content.has_text else None)
    result = ImportResult(report, summary)
    if content.embedded is not None:
        apply_embedded(form, result, content.embedded, has_text=content.has_text)
    return result


def _form_and_text(paragraphs: list[str], embedded: dict[str, Any] | None) -> tuple[FormDef, DocumentText]:
    """The form the document is read by: the one its embedded data names when installed, else the
    newest form valid for the year its title states; with the text split by that form's headings."""
    named = embedded.get("format") if isinstance(embedded, dict) else None
    if isinstance(named, str) and named in form_ids():
        form = get_form(named)
        return form, split_text(form, paragraphs)
    form = form_for_year(None)
    text = split_text(form, paragraphs)
    chosen = form_for_year(text.year)
    if chosen.id != form.id:
        return chosen, split_text(chosen, paragraphs)
    return form, text
