"""Word and Excel reports built the way clerks build them, for the import tests.

The tables follow the official layout of the form (merged cells included), with knobs
for what is seen in the wild: labels typed differently, the requests table split over
two Word tables ("续表"), the tables in an appendix after 六, extra empty rows, "/" for
no data, full-width digits; and what a clerk's copy may lack: rows left out, a table cut
off part-way (a page that ends inside it), a table pasted as a picture.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportdesk.core.catalog import get_form
from reportdesk.core.numbers import format_value
from reportdesk.core.report import Report, derive

FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@dataclass
class Style:
    label: Callable[[str], str] = lambda s: s  # how each label is typed
    value: Callable[[str, str], str] = lambda cell_id, s: s  # how each figure is typed
    split_requests_after: int | None = None  # body row after which 续表 starts
    repeat_header_in_split: bool = False
    appendix: bool = False  # tables after 六 in 附件1 instead of inline
    empty_rows: tuple[int, ...] = ()  # grid rows of the requests table followed by an empty row
    merge: bool = True
    title: str | None = None
    extra_paragraphs: Mapping[str, list[str]] = field(default_factory=dict)
    drop_rows: tuple[str, ...] = ()  # "table.row" ids left out of the table (spans closed up)
    cut_after: Mapping[str, int] = field(default_factory=dict)  # table id -> body rows kept
    picture_tables: tuple[str, ...] = ()  # tables pasted as a picture instead of a table
    # A4 with a clerk's usual layout: title centred in a large font, headings in 黑体,
    # body text in 仿宋 三号 with a first-line indent of two characters, justified.
    word_like: bool = False


def blanks(*cell_ids: str, mark: str = "/") -> Callable[[str, str], str]:
    """A value style writing *mark* ("/", "", "—") in the given cells, the figure elsewhere."""
    chosen = set(cell_ids)
    return lambda cell_id, s: mark if cell_id in chosen else s


def official_values(report: Report) -> dict[str, str]:
    form = get_form()
    cells = derive(form, report.cells)
    return {cid: format_value(cells.get(cid)) for cid in form.cells}


def table_rows(table_id: str, values: Mapping[str, str], style: Style) -> list[list[tuple[str, int, int]]]:
    """The grid of one table: per grid row, (text, rowspan, colspan) at each origin, None elsewhere."""
    form = get_form()
    table = form.tables[table_id]
    grid: list[list] = [[None] * table.n_cols for _ in range(table.n_rows)]
    for g in table.grid:
        text = values.get(g.cell_id, "") if g.cell_id else style.label(g.text)
        if g.cell_id:
            text = style.value(g.cell_id, text)
        grid[g.row][g.col] = (text, g.rowspan, g.colspan)
    drop = {r.split(".", 1)[1] for r in style.drop_rows if r.startswith(table_id + ".")}
    for r in sorted((_grid_row(table, row_id) for row_id in drop), reverse=True):
        _remove_grid_row(grid, r)
    if table_id in style.cut_after:
        grid = grid[: table.header_rows + style.cut_after[table_id]]  # body rows as drawn
        n = len(grid)
        grid = [[None if item is None else (item[0], min(item[1], n - r), item[2]) for item in row]
                for r, row in enumerate(grid)]
    return grid


def _grid_row(table, row_id: str) -> int:
    return next(g.row for g in table.grid if g.cell_id and g.cell_id.split(".")[1] == row_id)


def _remove_grid_row(grid: list[list], r: int) -> None:
    """Take grid row *r* out: spans across it shrink, a span starting on it moves down a row."""
    for above in range(r):
        for c, item in enumerate(grid[above]):
            if item is not None and above + item[1] > r:
                grid[above][c] = (item[0], item[1] - 1, item[2])
    if r + 1 < len(grid):
        for c, item in enumerate(grid[r]):
            if item is not None and item[1] > 1:
                grid[r + 1][c] = (item[0], item[1] - 1, item[2])
    del grid[r]


def write_docx(path: Path, report: Report, style: Style | None = None) -> Path:
    import docx

    style = style or Style()
    form = get_form()
    values = official_values(report)
    document = docx.Document()
    add = _paragraph_adder(document, style)
    if style.word_like:
        from docx.shared import Cm

        section = document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.8)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    title = style.title if style.title is not None else f"{report.agency}{report.year}年政府信息公开工作年度报告"
    if title:
        add(title, "title")
    if report.texts.get("preamble"):
        add(report.texts["preamble"], "body")
    appendix: list[str] = []
    for section in form.sections:
        add(section.heading, "heading")
        for line in style.extra_paragraphs.get(section.id, []):
            add(line, "body")
        if section.table:
            if style.appendix:
                appendix.append(section.table)
            elif section.table in style.picture_tables:
                _add_picture(document)
            else:
                _add_table(document, section.table, values, style)
        for line in report.texts.get(section.id, "").split("\n"):
            if line:
                add(line, "body")
    if appendix:
        add("附件1", "plain")
        add("政府信息公开情况统计表", "title")
        add(f"（{report.year}年度）", "title")
        add(f"填报单位：{report.agency}", "plain")
        for table_id in appendix:
            add(form.tables[table_id].title, "plain")
            if table_id in style.picture_tables:
                _add_picture(document)
            else:
                _add_table(document, table_id, values, style)
        document.add_paragraph()  # Word always ends a document with a paragraph, never a table
    document.save(path)
    return path


def _png(width: int = 40, height: int = 20) -> bytes:
    """A plain grey picture: a table pasted as an image carries no readable figures."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x99" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _add_picture(document) -> None:
    import io

    document.add_picture(io.BytesIO(_png()))



def _paragraph_adder(document, style: Style) -> Callable[[str, str], None]:
    """add(text, kind): a paragraph, formatted like a clerk's when ``style.word_like``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def add(text: str, kind: str) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if not style.word_like:
            return
        font = {"title": ("方正小标宋简体", 22), "heading": ("黑体", 16)}.get(kind, ("仿宋_GB2312", 16))
        run.font.name = font[0]
        run.font.size = Pt(font[1])
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font[0])
        fmt = paragraph.paragraph_format
        fmt.line_spacing = Pt(28)
        fmt.space_after = Pt(0)
        if kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            fmt.first_line_indent = Pt(32)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    return add


def _add_table(document, table_id: str, values: Mapping[str, str], style: Style) -> None:
    form = get_form()
    table = form.tables[table_id]
    grid = table_rows(table_id, values, style)
    if table_id == "requests" and style.split_requests_after is not None:
        cut = table.header_rows + style.split_requests_after
        first, second = grid[:cut], grid[cut:]
        _emit(document, first, table.n_cols, style, [])
        document.add_paragraph("续表")
        header = grid[: table.header_rows] if style.repeat_header_in_split else []
        _emit(document, header + second, table.n_cols, style, [])
        return
    _emit(document, grid, table.n_cols, style, list(style.empty_rows) if table_id == "requests" else [])


def _emit(document, grid, n_cols: int, style: Style, empty_after: list[int]) -> None:
    # Spans that reach beyond this part (a group label split by 续表) are cut at its end.
    n = len(grid)
    rows_out: list[list] = []
    for r, row in enumerate(grid):
        rows_out.append(row)
        if r in empty_after:
            rows_out.append("EMPTY")
    table = document.add_table(rows=len(rows_out), cols=n_cols)
    table.style = "Table Grid"
    index = {id(row): i for i, row in enumerate(rows_out) if row != "EMPTY"}
    for r, row in enumerate(grid):
        out_r = index[id(row)]
        for c, item in enumerate(row):
            if item is None:
                continue
            text, rowspan, colspan = item
            rowspan = min(rowspan, n - r)
            cell = table.cell(out_r, c)
            if style.merge and (rowspan > 1 or colspan > 1):
                end_r = out_r
                for _ in range(rowspan - 1):
                    end_r += 1
                    if rows_out[end_r] == "EMPTY":
                        end_r += 1
                cell = cell.merge(table.cell(end_r, c + colspan - 1))
            cell.text = text


def write_xlsx(path: Path, report: Report, style: Style | None = None, *, sheets: int = 3,
               offset: tuple[int, int] = (0, 0)) -> Path:
    """A hand-made workbook: the three tables on three sheets, or stacked on one."""
    from openpyxl import Workbook

    style = style or Style()
    form = get_form()
    values = official_values(report)
    workbook = Workbook()
    sheet = workbook.active
    top = 1 + offset[0]
    for i, table_id in enumerate(("proactive", "requests", "appeals")):
        if sheets == 3:
            sheet = workbook.active if i == 0 else workbook.create_sheet()
            sheet.title = form.tables[table_id].title[:31]
            top = 1 + offset[0]
        sheet.cell(row=top, column=1 + offset[1], value=form.tables[table_id].title)
        top += 1
        for r, row in enumerate(table_rows(table_id, values, style)):
            for c, item in enumerate(row):
                if item is None:
                    continue
                text, rowspan, colspan = item
                cell = sheet.cell(row=top + r, column=1 + offset[1] + c)
                cell.value = int(text) if text.isdigit() else text
                if style.merge and (rowspan > 1 or colspan > 1):
                    sheet.merge_cells(start_row=top + r, start_column=1 + offset[1] + c,
                                      end_row=top + r + rowspan - 1, end_column=offset[1] + c + colspan)
        top += form.tables[table_id].n_rows + 2
    workbook.save(path)
    return path
