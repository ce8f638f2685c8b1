"""The report as a Word document typeset after GB/T 9704-2012 《党政机关公文格式》.

A4 with margins 37/35/28/26 mm; title in 二号 小标宋; headings 三号 黑体 (一、) and 楷体 (（一）);
body 三号 仿宋 with a first-line indent of two characters and a fixed line spacing of 28.9 pt;
Times New Roman for digits and Latin letters; page numbers "— 1 —" (宋体 四号, a PAGE field),
odd pages right and even pages left.  The three tables are drawn from the form's grid
(``TableDef.grid``) with every merge and border, explicit column widths that add up to the
text width, header rows repeated and rows kept whole.

The body is generated as WordprocessingML and parsed once (python-docx's own table API
is quadratic in the number of cells); python-docx supplies the package, sections and footers.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportdesk.core.catalog import get_form
from reportdesk.core.form import FormDef, GridCell, TableDef
from reportdesk.core.interchange import report_to_json
from reportdesk.core.numbers import Value
from reportdesk.core.report import Report
from reportdesk.documents import embedded
from reportdesk.documents.files import write_atomically
from reportdesk.documents.layout import (
    APPENDIX_TITLE,
    Level,
    appendix_year_line,
    cell_text,
    column_chars,
    export_values,
    grid_rows,
    keep_with_next,
    report_title,
    scale_widths,
    text_blocks,
    title_lines,
)
from reportdesk.documents.options import (
    DEFAULT_OPTIONS,
    FONT_SETS,
    LATIN_FONT,
    ExportOptions,
    Fonts,
    chinese_date,
)

if TYPE_CHECKING:
    from docx.document import Document

log = logging.getLogger(__name__)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Sizes in points (字号).
ERHAO = 22.0  # 二号
SANHAO = 16.0  # 三号
SIHAO = 14.0  # 四号
WUHAO = 10.5  # 五号
XIAOWU = 9.0  # 小五

# Geometry in millimetres and twips (1/1440 inch).
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156 mm
LINE_TWIPS = 578  # 28.9 pt: 22 lines on the 225 mm text block
TITLE_LINE_TWIPS = 720  # 36 pt for the 二号 title
INDENT_2_CHARS = 640  # two 三号 characters
CELL_MARGIN_TWIPS = 57  # 1 mm left and right inside a table cell
BORDER_EIGHTHS = 4  # 0.5 pt


def mm_to_twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


TEXT_WIDTH_TWIPS = mm_to_twips(TEXT_WIDTH_MM)

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(text: str) -> str:
    return escape(_ILLEGAL_XML.sub("", text.replace("\t", " ")))


def _rpr(font: str, size: float, *, bold: bool = False, latin: str = LATIN_FONT) -> str:
    half = round(size * 2)
    b = "<w:b/><w:bCs/>" if bold else ""
    return (
        f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{font}" w:cs="{latin}"/>'
        f'{b}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
    )


def _run(text: str, font: str, size: float, *, bold: bool = False) -> str:
    if not text:
        return ""
    return f'<w:r>{_rpr(font, size, bold=bold)}<w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _ppr(
    *,
    jc: str = "both",
    first_line: bool = False,
    line: int | None = LINE_TWIPS,
    keep_next: bool = False,
    page_break: bool = False,
    outline: int | None = None,
    right_chars: int = 0,
    after: int = 0,
) -> str:
    parts = ["<w:pPr>"]
    if keep_next:
        parts.append("<w:keepNext/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    spacing = f'w:before="0" w:after="{after}"'
    if line is None:
        spacing += ' w:line="240" w:lineRule="auto"'
    else:
        spacing += f' w:line="{line}" w:lineRule="exact"'
    parts.append(f"<w:spacing {spacing}/>")
    if first_line:
        parts.append(f'<w:ind w:firstLineChars="200" w:firstLine="{INDENT_2_CHARS}"/>')
    elif right_chars:
        parts.append(
            f'<w:ind w:rightChars="{right_chars * 100}" w:right="{right_chars * 320}" w:firstLine="0"/>'
        )
    else:
        parts.append('<w:ind w:firstLine="0"/>')
    parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    parts.append("</w:pPr>")
    return "".join(parts)


class _BodyBuilder:
    """Collects the body's WordprocessingML in document order."""

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self.parts: list[str] = []

    def title(self, lines: list[str]) -> None:
        bold = self.fonts.title_bold
        line_break = f"<w:r>{_rpr(self.fonts.title, ERHAO, bold=bold)}<w:br/></w:r>"
        runs = line_break.join(_run(line, self.fonts.title, ERHAO, bold=bold) for line in lines)
        self.parts.append(
            f"<w:p>{_ppr(jc='center', line=TITLE_LINE_TWIPS, after=LINE_TWIPS, keep_next=True)}{runs}</w:p>"
        )

    def heading1(self, text: str, *, page_break: bool = False) -> None:
        self.parts.append(
            f"<w:p>{_ppr(first_line=True, keep_next=True, outline=0, page_break=page_break)}"
            f"{_run(text, self.fonts.heading1, SANHAO)}</w:p>"
        )

    def paragraph(self, lead: str, text: str, lead_font: str, *, outline: int | None = None) -> None:
        heading_only = not text
        self.parts.append(
            f"<w:p>{_ppr(first_line=True, keep_next=heading_only, outline=outline if heading_only else None)}"
            f"{_run(lead, lead_font, SANHAO)}{_run(text, self.fonts.body, SANHAO)}</w:p>"
        )

    def text(self, text: str) -> None:
        for block in text_blocks(text):
            if block.level is Level.HEADING2:
                self.paragraph(block.lead, block.text, self.fonts.heading2, outline=1)
            elif block.level is Level.HEADING3:
                self.paragraph(block.lead, block.text, self.fonts.body, outline=2)
            else:
                self.paragraph("", block.text, self.fonts.body)

    def plain(self, text: str, font: str, size: float, *, jc: str = "left", keep_next: bool = False,
              page_break: bool = False, right_chars: int = 0, line: int = LINE_TWIPS) -> None:
        ppr = _ppr(jc=jc, keep_next=keep_next, page_break=page_break, right_chars=right_chars, line=line)
        self.parts.append(f"<w:p>{ppr}{_run(text, font, size)}</w:p>")

    def blank(self, size: float = SANHAO) -> None:
        self.parts.append(f"<w:p>{_ppr(jc='left')}{_run(' ', self.fonts.body, size)}</w:p>")

    def table(self, table: TableDef, values: dict[str, Value]) -> None:
        self.parts.append(table_xml(table, values, self.fonts.table))
        # A small paragraph after the table: Word needs one between a table and what follows.
        self.parts.append(f"<w:p>{_ppr(jc='left', line=None)}{_run(' ', self.fonts.body, XIAOWU)}</w:p>")

    def xml(self) -> str:
        return f'<w:body xmlns:w="{W_NS}">{"".join(self.parts)}</w:body>'


def table_size(table: TableDef) -> float:
    """五号 for a narrow table, 小五 for the 10- and 15-column tables."""
    return WUHAO if table.n_cols <= 4 else XIAOWU


def table_widths(table: TableDef) -> list[int]:
    """Column widths in twips, from the grid, adding up to the text width exactly."""
    return scale_widths(column_chars(table), TEXT_WIDTH_TWIPS)


_ALIGN = {"label": "left", "value": "center", "head": "center", "group": "center", "item": "center",
          "note": "center"}


def table_xml(table: TableDef, values: dict[str, Value], font: str) -> str:
    """One ``w:tbl`` drawn from the form's grid: merges, borders, widths, repeated header rows."""
    widths = table_widths(table)
    size = table_size(table)
    min_height = 454 if size == WUHAO else 340  # 8 mm / 6 mm
    border = f'w:val="single" w:sz="{BORDER_EIGHTHS}" w:space="0" w:color="000000"'
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = "".join(f"<w:{side} {border}/>" for side in sides)
    out = [
        "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>',
        '<w:tblInd w:w="0" w:type="dxa"/>',
        f"<w:tblBorders>{borders}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar>',
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>',
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    keeps = keep_with_next(table)
    for index, row in enumerate(grid_rows(table)):
        keep = keeps[index]
        cell_ppr = _ppr(jc="center", line=None, keep_next=keep)
        header = "<w:tblHeader/>" if index < table.header_rows else ""
        height = f'<w:trHeight w:val="{min_height}" w:hRule="atLeast"/>'
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{height}{header}</w:trPr>")
        for cell, starts in row:
            out.append(_cell_xml(cell, starts, widths, values, font, size, cell_ppr, keep))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _cell_xml(cell: GridCell, starts: bool, widths: list[int], values: dict[str, Value], font: str,
              size: float, centred_ppr: str, keep: bool) -> str:
    width = sum(widths[cell.col:cell.col + cell.colspan])
    span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
    merge = ""
    if cell.rowspan > 1:
        merge = '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
    props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}<w:vAlign w:val="center"/></w:tcPr>'
    if not starts:
        return f"<w:tc>{props}<w:p>{centred_ppr}</w:p></w:tc>"
    align = _ALIGN.get(cell.role, "center")
    ppr = centred_ppr if align == "center" else _ppr(jc=align, line=None, keep_next=keep)
    return f"<w:tc>{props}<w:p>{ppr}{_run(cell_text(values, cell), font, size)}</w:p></w:tc>"


# --- the document -----------------------------------------------------------------------

def build_document(
    report: Report, options: ExportOptions = DEFAULT_OPTIONS, form: FormDef | None = None
) -> Document:
    """The report as a python-docx ``Document`` (not yet saved), with its data embedded."""
    import docx
    from docx.oxml import parse_xml

    form = form or get_form(report.form_id)
    fonts = FONT_SETS[options.fonts]
    values = export_values(form, report)
    document = docx.Document()
    _set_defaults(document, fonts)
    _set_page(document, fonts)
    _set_properties(document, form, report)
    if options.internal_note:
        _internal_header(document, fonts, options.internal_note)

    body = _BodyBuilder(fonts)
    body.title(title_lines(form, report))
    preamble = report.texts.get("preamble", "")
    if preamble.strip():
        body.text(preamble)
    for section in form.sections:
        body.heading1(section.heading)
        text = report.texts.get(section.id, "")
        if text.strip():
            body.text(text)
        if section.table:
            if options.appendix:
                if not text.strip():
                    body.paragraph("", f"详见附件《{APPENDIX_TITLE}》。", fonts.body)
            else:
                body.table(form.tables[section.table], values)
    if options.sign_off:
        body.blank()
        body.blank()
        body.plain(report.agency, fonts.body, SANHAO, jc="right", right_chars=4)
        date = chinese_date(options.sign_off_date)
        if date:
            body.plain(date, fonts.body, SANHAO, jc="right", right_chars=4)
    if options.appendix:
        body.plain("附件", fonts.heading1, SANHAO, page_break=True, keep_next=True)
        body.blank()
        body.parts.append(
            f"<w:p>{_ppr(jc='center', line=TITLE_LINE_TWIPS, keep_next=True)}"
            f"{_run(APPENDIX_TITLE, fonts.title, ERHAO, bold=fonts.title_bold)}</w:p>"
        )
        year_line = appendix_year_line(report)
        if year_line:
            body.plain(year_line, fonts.heading2, SANHAO, jc="center", keep_next=True)
        body.plain(f"填报单位：{report.agency}", fonts.body, SANHAO, keep_next=True)
        for section in form.sections:
            if section.table:
                table = form.tables[section.table]
                body.plain(table.title, fonts.heading1, SIHAO, jc="center", keep_next=True)
                body.table(table, values)

    new_body = parse_xml(body.xml())
    doc_body = document.element.body
    sect_pr = doc_body.sectPr
    for child in list(doc_body):
        if child is not sect_pr:
            doc_body.remove(child)
    for child in list(new_body):
        sect_pr.addprevious(child)
    embedded.embed_docx(document, report_to_json(form, report))
    return document


def _set_defaults(document: Document, fonts: Fonts) -> None:
    """Document defaults and the Normal style: 仿宋 三号, Times New Roman, single spacing, zh-CN."""
    from docx.oxml import parse_xml

    styles = document.styles.element
    defaults = styles.find(f"{{{W_NS}}}docDefaults")
    if defaults is not None:
        styles.remove(defaults)
    half = round(SANHAO * 2)
    styles.insert(0, parse_xml(
        f'<w:docDefaults xmlns:w="{W_NS}"><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{fonts.body}" '
        f'w:cs="{LATIN_FONT}"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    ))
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(f"{{{W_NS}}}eastAsia", fonts.body)


def _set_page(document: Document, fonts: Fonts) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(15)
    section.footer_distance = Mm(21)  # puts "— 1 —" about 7 mm below the text block
    document.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, fonts, align="right")
    _page_number_footer(section.even_page_footer, fonts, align="left")


def page_number_xml(fonts: Fonts, align: str) -> str:
    """"— N —" with N a PAGE field; odd pages right, even pages left, one character in from the edge."""
    font = fonts.page_number
    rpr = _rpr(font, SIHAO, latin=font).replace("<w:rFonts ", '<w:rFonts w:hint="eastAsia" ')
    indent = f'w:{align}="280" w:{align}Chars="100"'

    def run(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:ind {indent}/><w:jc w:val="{align}"/></w:pPr>'
        + run('<w:t xml:space="preserve">— </w:t>')
        + run('<w:fldChar w:fldCharType="begin"/>')
        + run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + run('<w:fldChar w:fldCharType="separate"/>')
        + run("<w:t>1</w:t>")
        + run('<w:fldChar w:fldCharType="end"/>')
        + run('<w:t xml:space="preserve"> —</w:t>')
        + "</w:p>"
    )


def _page_number_footer(footer: object, fonts: Fonts, align: str) -> None:
    from docx.oxml import parse_xml

    footer.is_linked_to_previous = False  # type: ignore[attr-defined]
    element = footer._element  # type: ignore[attr-defined]
    for child in list(element):
        element.remove(child)
    element.append(parse_xml(page_number_xml(fonts, align)))


def _internal_header(document: Document, fonts: Fonts, note: str) -> None:
    """A red header line on every page marking a document exported with errors as internal."""
    from docx.oxml import parse_xml

    run = _run(note, fonts.heading1, WUHAO).replace("</w:rPr>", '<w:color w:val="C00000"/></w:rPr>', 1)
    section = document.sections[0]
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        element = header._element
        for child in list(element):
            element.remove(child)
        element.append(parse_xml(f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="center"/></w:pPr>{run}</w:p>'))


def _set_properties(document: Document, form: FormDef, report: Report) -> None:
    props = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    props.title = report_title(form, report)
    props.author = report.agency or "ReportDesk"
    props.last_modified_by = "ReportDesk"
    props.comments = ""
    props.subject = form.title
    props.keywords = "政府信息公开"
    props.created = now
    props.modified = now
    props.revision = 1


def write_docx(report: Report, path: Path, options: ExportOptions = DEFAULT_OPTIONS,
               form: FormDef | None = None) -> None:
    """Write the report to *path* atomically; raises :class:`~reportdesk.documents.files.ExportError`."""
    document = build_document(report, options, form)
    write_atomically(Path(path), lambda temp: document.save(str(temp)))
