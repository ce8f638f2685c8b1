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
from reportdesk.documents.docx_reader import GENERATED_STYLE
from reportdesk.documents.files import write_atomically
from reportdesk.documents.layout import (
    APPENDIX_NOTE,
    APPENDIX_REFERENCE,
    APPENDIX_TITLE,
    PAGE_TEXT_HEIGHT_MM,
    Level,
    TablePlan,
    agency_words,
    appendix_year_line,
    base_size,
    cell_text,
    export_values,
    grid_rows,
    plan_table,
    report_title,
    scale_widths,
    shape_lines,
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
    condensed = f'<w:spacing w:val="{BODY_CONDENSE_TWENTIETHS}"/>' if size == SANHAO else ""
    return (
        f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{font}" w:cs="{latin}"/>'
        f'{b}{condensed}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
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
    grid: bool = True,
    style: str = "",
) -> str:
    """A paragraph's properties, in the schema's element order.

    ``grid``: the paragraph follows the document grid (28 characters a line); titles, table
    cells and the page number do not (their type is not 三号).
    """
    parts = ["<w:pPr>"]
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    if not grid:
        # Measured text (see layout.text_width): no extra space between Chinese and Latin/digits,
        # which Word and LibreOffice add by default and which would push a full line over.
        parts.append('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>')
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

    def __init__(self, fonts: Fonts, words: tuple[str, ...]) -> None:
        self.fonts = fonts
        self.words = words
        self.parts: list[str] = []
        self.plans: dict[str, TablePlan] = {}

    def title(self, lines: list[str]) -> None:
        bold = self.fonts.title_bold
        line_break = f"<w:r>{_rpr(self.fonts.title, ERHAO, bold=bold)}<w:br/></w:r>"
        runs = line_break.join(_run(line, self.fonts.title, ERHAO, bold=bold) for line in lines)
        self.parts.append(
            f"<w:p>{_ppr(jc='center', line=TITLE_LINE_TWIPS, after=LINE_TWIPS, keep_next=True, grid=False)}"
            f"{runs}</w:p>"
        )

    def heading1(self, text: str, *, page_break: bool = False) -> None:
        self.parts.append(
            f"<w:p>{_ppr(first_line=True, keep_next=True, outline=0, page_break=page_break)}"
            f"{_run(text, self.fonts.heading1, SANHAO)}</w:p>"
        )

    def paragraph(self, lead: str, text: str, lead_font: str, *, outline: int | None = None,
                  style: str = "") -> None:
        heading_only = not text
        ppr = _ppr(first_line=True, keep_next=heading_only, outline=outline if heading_only else None, style=style)
        self.parts.append(f"<w:p>{ppr}{_run(lead, lead_font, SANHAO)}{_run(text, self.fonts.body, SANHAO)}</w:p>")

    def text(self, text: str) -> None:
        for block in text_blocks(text):
            if block.level is Level.HEADING2:
                self.paragraph(block.lead, block.text, self.fonts.heading2, outline=1)
            elif block.level is Level.HEADING3:
                self.paragraph(block.lead, block.text, self.fonts.body, outline=2)
            else:
                self.paragraph("", block.text, self.fonts.body)

    def plain(self, text: str, font: str, size: float, *, jc: str = "left", keep_next: bool = False,
              page_break: bool = False, right_chars: int = 0, line: int = LINE_TWIPS, grid: bool = True,
              style: str = "") -> None:
        ppr = _ppr(jc=jc, keep_next=keep_next, page_break=page_break, right_chars=right_chars, line=line,
                   grid=grid, style=style)
        self.parts.append(f"<w:p>{ppr}{_run(text, font, size)}</w:p>")

    def lines(self, lines: list[str], font: str, *, jc: str, right_chars: int = 0, keep_next: bool,
              style: str = "") -> None:
        """One paragraph of several lines with explicit breaks (a long agency name in the sign-off)."""
        ppr = _ppr(jc=jc, keep_next=keep_next, right_chars=right_chars, style=style)
        br = f"<w:r>{_rpr(font, SANHAO)}<w:br/></w:r>"
        self.parts.append(f"<w:p>{ppr}{br.join(_run(x, font, SANHAO) for x in lines)}</w:p>")

    def blank(self, size: float = SANHAO, *, keep_next: bool = False, style: str = "") -> None:
        self.parts.append(
            f"<w:p>{_ppr(jc='left', keep_next=keep_next, style=style)}{_run(' ', self.fonts.body, size)}</w:p>")

    def keep_last_with_next(self) -> None:
        """The paragraph written last stays on the page of what follows (the sign-off)."""
        for index in range(len(self.parts) - 1, -1, -1):
            part = self.parts[index]
            if part.startswith("<w:tbl>"):
                return  # a table's last row already stays with the paragraph after it
            if part.startswith("<w:p>") and "<w:keepNext/>" not in part:
                self.parts[index] = re.sub(r"<w:pPr>(<w:pStyle [^>]*/>)?", lambda m: m.group(0) + "<w:keepNext/>",
                                           part, count=1)
            if part.startswith("<w:p>") and " </w:t>" not in part:  # skip the blank line after a table
                return

    def table(self, table: TableDef, values: dict[str, Value]) -> None:
        plan = self.plans.get(table.id)
        if plan is None:
            plan = self.plans[table.id] = table_plan(table, values, self.words)
        self.parts.append(table_xml(table, values, self.fonts.table, plan))
        # A small paragraph after the table: Word needs one between a table and what follows.
        self.parts.append(f"<w:p>{_ppr(jc='left', line=None, grid=False)}{_run(' ', self.fonts.body, XIAOWU)}</w:p>")

    def xml(self) -> str:
        return f'<w:body xmlns:w="{W_NS}">{"".join(self.parts)}</w:body>'


MIN_ROW_MM = {10.5: 8.0, 9.0: 6.0, 7.5: 5.5, 6.5: 5.0}


def table_plan(table: TableDef, values: dict[str, Value], words: tuple[str, ...]) -> TablePlan:
    """The table's type size, margins, widths, label lines and page keeps (see :func:`layout.plan_table`)."""
    return plan_table(table, values, words, TEXT_WIDTH_MM, MIN_ROW_MM)


def table_size(table: TableDef) -> float:
    """The type size a table starts from: 五号 for a narrow table, 小五 for the wide ones."""
    return base_size(table)


def table_widths(plan: TablePlan) -> list[int]:
    """Column widths in twips, adding up to the text width exactly."""
    return scale_widths(list(plan.widths_mm), TEXT_WIDTH_TWIPS)


_ALIGN = {"label": "left", "value": "center", "head": "center", "group": "center", "item": "center",
          "note": "center"}


def table_xml(table: TableDef, values: dict[str, Value], font: str, plan: TablePlan) -> str:
    """One ``w:tbl`` drawn from the form's grid: merges, borders, widths, repeated header rows.

    Labels carry explicit line breaks where :func:`layout.plan_table` broke them; rows never
    split, and the keep-with-next chain of :attr:`TablePlan.keep` decides where a page may end.
    """
    widths = table_widths(plan)
    size = plan.size
    min_height = mm_to_twips(MIN_ROW_MM.get(size, 6.0))
    margin = mm_to_twips(plan.margin_mm)
    border = f'w:val="single" w:sz="{BORDER_EIGHTHS}" w:space="0" w:color="000000"'
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = "".join(f"<w:{side} {border}/>" for side in sides)
    out = [
        "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>',
        '<w:tblInd w:w="0" w:type="dxa"/>',
        f"<w:tblBorders>{borders}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>',
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>',
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for index, row in enumerate(grid_rows(table)):
        keep = plan.keep[index]
        cell_ppr = _ppr(jc="center", line=None, keep_next=keep, grid=False)
        header = "<w:tblHeader/>" if index < table.header_rows else ""
        height = f'<w:trHeight w:val="{min_height}" w:hRule="atLeast"/>'
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{height}{header}</w:trPr>")
        for cell, starts in row:
            out.append(_cell_xml(cell, starts, widths, values, font, size, cell_ppr, keep, plan))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _cell_xml(cell: GridCell, starts: bool, widths: list[int], values: dict[str, Value], font: str,
              size: float, centred_ppr: str, keep: bool, plan: TablePlan) -> str:
    width = sum(widths[cell.col:cell.col + cell.colspan])
    span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
    merge = ""
    if cell.rowspan > 1:
        merge = '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
    props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}<w:vAlign w:val="center"/></w:tcPr>'
    if not starts:
        return f"<w:tc>{props}<w:p>{centred_ppr}</w:p></w:tc>"
    align = _ALIGN.get(cell.role, "center")
    ppr = centred_ppr if align == "center" else _ppr(jc=align, line=None, keep_next=keep, grid=False)
    if cell.cell_id is None:
        lines = plan.lines.get((cell.row, cell.col), [cell.text])
        br = f"<w:r>{_rpr(font, size)}<w:br/></w:r>"
        runs = br.join(_run(line, font, size) for line in lines)
    else:
        runs = _run(cell_text(values, cell), font, size)
    return f"<w:tc>{props}<w:p>{ppr}{runs}</w:p></w:tc>"


# --- the document -----------------------------------------------------------------------

# Paragraphs ReportDesk adds (sign-off, 附件说明, "详见附件…") carry GENERATED_STYLE, so that the
# reader leaves them out of the sections' texts.

SIGN_OFF_RIGHT_CHARS = 4  # GB/T 9704 7.3.5: 右空四字
SIGN_OFF_LINE_CHARS = 28 - SIGN_OFF_RIGHT_CHARS - 2


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

    body = _BodyBuilder(fonts, form.print_words)
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
                    body.paragraph("", APPENDIX_REFERENCE, fonts.body, style=GENERATED_STYLE)
            else:
                body.table(form.tables[section.table], values)
    if options.appendix:  # GB/T 9704 7.3.4: the 附件说明 under the text, one line between
        body.keep_last_with_next()
        body.blank(keep_next=True, style=GENERATED_STYLE)
        body.paragraph("", APPENDIX_NOTE, fonts.body, style=GENERATED_STYLE)
    if options.sign_off:
        body.keep_last_with_next()
        body.blank(keep_next=True, style=GENERATED_STYLE)
        body.blank(keep_next=True, style=GENERATED_STYLE)
        date = chinese_date(options.sign_off_date or report.meta.get("publish_date", ""))
        names = shape_lines(agency_words(report.agency), SIGN_OFF_LINE_CHARS)
        body.lines(names, fonts.body, jc="right", right_chars=SIGN_OFF_RIGHT_CHARS, keep_next=bool(date),
                   style=GENERATED_STYLE)
        if date:
            body.plain(date, fonts.body, SANHAO, jc="right", right_chars=SIGN_OFF_RIGHT_CHARS,
                       style=GENERATED_STYLE)
    if options.appendix:
        body.plain("附件", fonts.heading1, SANHAO, page_break=True, keep_next=True)
        body.blank(keep_next=True)
        body.parts.append(
            f"<w:p>{_ppr(jc='center', line=TITLE_LINE_TWIPS, keep_next=True, grid=False)}"
            f"{_run(APPENDIX_TITLE, fonts.title, ERHAO, bold=fonts.title_bold)}</w:p>"
        )
        year_line = appendix_year_line(report)
        if year_line:
            body.plain(year_line, fonts.heading2, SANHAO, jc="center", keep_next=True)
        body.plain(f"填报单位：{report.agency}", fonts.body, SANHAO, keep_next=True)
        first = True
        for section in form.sections:
            if section.table:
                table = form.tables[section.table]
                plan = body.plans.setdefault(table.id, table_plan(table, values, body.words))
                # A table taller than half a page starts a page of its own in the appendix: it
                # then never breaks, in LibreOffice too (which does not keep table rows together).
                own_page = not first and plan.height_mm > PAGE_TEXT_HEIGHT_MM / 2
                body.plain(table.title, fonts.heading1, SIHAO, jc="center", keep_next=True, grid=False,
                           page_break=own_page)
                body.table(table, values)
                first = False

    # The new body, with the section properties set above, replaces the template's body in one
    # step: moving its children over one by one costs a namespace fix-up per element.
    from lxml import etree

    doc_body = document.element.body
    sect_pr = etree.tostring(doc_body.sectPr, encoding="unicode")
    body.parts.append(sect_pr)
    new_body = parse_xml(body.xml())
    document.element.replace(doc_body, new_body)
    embedded.embed_docx(document, report_to_json(form, report))
    _clean_package(document, fonts)
    return document


def _set_defaults(document: Document, fonts: Fonts) -> None:
    """Document defaults and the Normal style: 仿宋 三号, Times New Roman, single spacing, zh-CN."""
    from docx.oxml import parse_xml
    from docx.shared import Pt

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
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    ))
    styles.append(parse_xml(
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="{GENERATED_STYLE}">'
        '<w:name w:val="ReportDesk 落款与附件说明"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>'))
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(SANHAO)  # LibreOffice takes the grid's character size from here
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
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    _set_doc_grid(section)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, fonts, align="right")
    _page_number_footer(section.even_page_footer, fonts, align="left")


#: GB/T 9704 7.5: the page number's 一字线 7 mm below the type area.  The footer's one line is
#: set exactly PAGE_NUMBER_LINE_TWIPS high and sits on the footer distance, so its top lies
#: 297 − 35 + 7 = 269 mm from the page's top edge.
PAGE_NUMBER_GAP_MM = 7.0
PAGE_NUMBER_LINE_TWIPS = 320  # 16 pt for the 四号 page number
FOOTER_DISTANCE_MM = MARGINS_MM["bottom"] - PAGE_NUMBER_GAP_MM - PAGE_NUMBER_LINE_TWIPS / 1440 * 25.4
CHARS_PER_LINE = 28
#: 三号 runs are condensed by 0.25 pt (in twentieths of a point): 28 × 15.75 pt ≤ 442.2 pt.
BODY_CONDENSE_TWENTIETHS = -5
LINES_PER_PAGE = 22


def _set_doc_grid(section: object) -> None:
    """GB/T 9704 5.2.2: 22 lines of 28 characters.

    28 三号 characters (16 pt) need 448 pt, the text block is 442.2 pt wide: every 三号 run is
    condensed by 0.25 pt (:data:`BODY_CONDENSE_TWENTIETHS`), so 28 fit in Word, WPS and
    LibreOffice alike.  The line grid (type ``lines``, pitch 28.9 pt) gives the 22 lines.  A
    character grid (``linesAndChars`` with a 15.8 pt pitch) is what Word's 文档网格 dialog
    writes, but LibreOffice rounds each 16 pt character up to two cells of such a grid and
    sets 14 characters a line, so it is not used.
    """
    from docx.oxml import parse_xml

    sect_pr = section._sectPr  # type: ignore[attr-defined]
    grid = parse_xml(f'<w:docGrid xmlns:w="{W_NS}" w:type="lines" w:linePitch="{LINE_TWIPS}"/>')
    old = sect_pr.find(f"{{{W_NS}}}docGrid")
    if old is not None:
        old.addprevious(grid)
        sect_pr.remove(old)
    else:
        sect_pr.append(grid)


def page_number_xml(fonts: Fonts, align: str) -> str:
    """"— N —" with N a PAGE field; odd pages right, even pages left, one character in from the edge."""
    font = fonts.page_number
    rpr = _rpr(font, SIHAO, latin=font).replace("<w:rFonts ", '<w:rFonts w:hint="eastAsia" ')
    indent = f'w:{align}="280" w:{align}Chars="100"'

    def run(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{PAGE_NUMBER_LINE_TWIPS}" w:lineRule="exact"/>'
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


# --- the package: what python-docx's template leaves behind -------------------------------

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DROPPED_RELS = {
    f"{_PKG_REL}/metadata/thumbnail",  # a blank preview picture
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",  # a 2010 copy of the styles
}

#: The east-Asian faces a set may ask for: the face Word should use when it is missing
#: (``w:altName``), and its PANOSE and family as a Chinese Windows reports them.
FONT_TABLE: dict[str, tuple[str, str, str, str]] = {
    # name: (altName, panose1, family, pitch)
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "02010609030101010101", "modern", "fixed"),
    "方正小标宋简体": ("宋体", "02000000000000000000", "script", "fixed"),
    "仿宋": ("FangSong", "02010609060101010101", "modern", "fixed"),
    "楷体": ("KaiTi", "02010609060101010101", "modern", "fixed"),
    "宋体": ("SimSun", "02010600030101010101", "auto", "variable"),
    "黑体": ("SimHei", "02010609060101010101", "modern", "fixed"),
}
GB2312_CHARSET = "86"


def font_table_xml(fonts: Fonts) -> bytes:
    """word/fontTable.xml naming Times New Roman and every Chinese face the document asks for,
    each with ``w:altName`` (the face Word substitutes) and the GB2312 charset."""
    faces = []
    for name in dict.fromkeys((fonts.title, fonts.heading1, fonts.heading2, fonts.body, fonts.table,
                               fonts.page_number)):
        alt, panose, family, pitch = FONT_TABLE.get(name, ("宋体", "02010600030101010101", "auto", "variable"))
        faces.append(
            f'<w:font w:name="{escape(name)}"><w:altName w:val="{escape(alt)}"/><w:panose1 w:val="{panose}"/>'
            f'<w:charset w:val="{GB2312_CHARSET}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/>'
            '<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" '
            'w:csb0="00040000" w:csb1="00000000"/></w:font>')
    latin = (f'<w:font w:name="{LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
             '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W_NS}">'
            f'{latin}{"".join(faces)}</w:fonts>').encode()


def app_properties_xml() -> bytes:
    """docProps/app.xml saying what wrote the file; page and word counts are left out, not guessed."""
    from reportdesk import __version__

    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>ReportDesk</Application><DocSecurity>0</DocSecurity>"
            f"<AppVersion>{_app_version(__version__)}</AppVersion></Properties>").encode()


def _app_version(version: str) -> str:
    """The schema wants "XX.YYYY": ReportDesk 1.2.3 is 01.0002."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:2]] + [0, 0]
    return f"{numbers[0] % 100:02d}.{numbers[1] % 10000:04d}"


def _clean_package(document: Document, fonts: Fonts) -> None:
    """Remove the template's leftovers: thumbnail, stylesWithEffects, the bibliography part and
    unused styles; compatibility mode 15 (no 兼容模式 in Word 2013+), zh-CN theme language,
    no preview picture, honest application properties and a font table with fallbacks."""
    package = document.part.package
    for rels in (package.rels, document.part.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype in _DROPPED_RELS or (
                    rel.reltype == f"{_REL}/customXml" and not rel.is_external
                    and b"bibliography" in rel.target_part.blob):
                rels.pop(r_id)
    for rel in package.rels.values():
        if rel.reltype == f"{_REL}/extended-properties":
            rel.target_part._blob = app_properties_xml()  # a plain Part: python-docx keeps its bytes
    for rel in document.part.rels.values():
        if rel.reltype == f"{_REL}/fontTable":
            rel.target_part._blob = font_table_xml(fonts)
    settings = document.settings.element
    for child in list(settings):
        local = child.tag.rsplit("}", 1)[-1]
        if local in ("savePreviewPicture", "rsids", "attachedTemplate"):
            settings.remove(child)
        elif local == "compat":
            for setting in child:
                if setting.get(f"{{{W_NS}}}name") == "compatibilityMode":
                    setting.set(f"{{{W_NS}}}val", "15")
        elif local == "themeFontLang":
            child.set(f"{{{W_NS}}}val", "en-US")
            child.set(f"{{{W_NS}}}eastAsia", "zh-CN")
    _drop_unused_styles(document)


def _drop_unused_styles(document: Document) -> None:
    """Keep only the styles the document uses, the defaults, and what those are based on."""
    styles = document.styles.element
    used = {GENERATED_STYLE}
    for part in (document.element, *(r.target_part.element for r in document.part.rels.values()
                                     if r.reltype == f"{_REL}/footer")):
        for tag in ("pStyle", "rStyle", "tblStyle"):
            used.update(e.get(f"{{{W_NS}}}val") for e in part.iter(f"{{{W_NS}}}{tag}"))
    by_id = {st.get(f"{{{W_NS}}}styleId"): st for st in styles.iter(f"{{{W_NS}}}style")}
    keep = {sid for sid, st in by_id.items() if st.get(f"{{{W_NS}}}default") == "1"} | (used & by_id.keys())
    todo = list(keep)
    while todo:
        st = by_id[todo.pop()]
        for tag in ("basedOn", "next", "link"):
            ref = st.find(f"{{{W_NS}}}{tag}")
            target = ref.get(f"{{{W_NS}}}val") if ref is not None else None
            if target in by_id and target not in keep and tag == "basedOn":
                keep.add(target)
                todo.append(target)
    for sid, st in by_id.items():
        if sid not in keep:
            styles.remove(st)
    for st in styles.iter(f"{{{W_NS}}}style"):  # next/link pointing at a dropped style
        for tag in ("next", "link"):
            ref = st.find(f"{{{W_NS}}}{tag}")
            if ref is not None and ref.get(f"{{{W_NS}}}val") not in keep:
                st.remove(ref)
    latent = styles.find(f"{{{W_NS}}}latentStyles")
    if latent is not None:
        styles.remove(latent)


def write_docx(report: Report, path: Path, options: ExportOptions = DEFAULT_OPTIONS,
               form: FormDef | None = None) -> None:
    """Write the report to *path* atomically; raises :class:`~reportdesk.documents.files.ExportError`."""
    document = build_document(report, options, form)
    write_atomically(Path(path), lambda temp: document.save(str(temp)))
