"""Reading a report from a PDF with a text layer (as Word, WPS and LibreOffice write it).

The PDF is parsed by PDFium (``pypdfium2``): the characters of the text layer with their
boxes, and the path objects (the ruled lines).  On every page:

- the ruled lines are collected as horizontal and vertical segments (a border drawn as a
  thin filled rectangle gives two edges a fraction of a point apart, merged into one line);
  lines that touch form a table; the distinct line positions give the table's grid, and a
  grid cell without a line between it and its neighbour is part of a merged cell, so that
  merged cells come out as in Word: the text at the first position, ``""`` on the others;
- the characters inside a cell are its text (lines joined without a space: a Chinese label
  wrapped in a narrow column is one label again);
- the characters outside the tables are lines, joined back into paragraphs: a paragraph
  ends where a line stops short of the right margin, the next line is indented or set in
  another size, the gap is larger than the line spacing, a heading starts or a table
  comes; a paragraph continues across a page break.  Page numbers are left out.

A table split across pages (header repeated or not) is one grid per page, fed in order to
the same label mapper as a Word document's tables (:mod:`reportdesk.documents.content`).
A PDF without any text is a scan: it is named as such, no OCR is attempted.

Why PDFium (``pypdfium2``) rather than pdfplumber on pdfminer.six: both give the characters
with their boxes and the path objects this reader needs; PDFium is C++ (Chrome's PDF engine,
continuously fuzzed), reads a 7-page report in well under 100 ms where pdfminer takes
seconds, keeps a hostile file's nesting and decompression inside a hardened parser with its
own limits (pdfminer recurses in Python and decompresses streams whole), and ships as
self-contained wheels for Windows and Linux with regular releases.

Bounds against hostile files: the file size, the number of pages, characters and path
segments per page and the nesting of form objects are limited; the batch check's alarm
and memory limit apply as for every reader (PDFium itself limits object nesting).
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import re
from pathlib import Path

from reportdesk.core.interchange import ReportFileError
from reportdesk.core.records import field, record
from reportdesk.core.report import Report
from reportdesk.core.table_import import Grid, ImportResult
from reportdesk.documents.content import DocumentContent, build_result
from reportdesk.documents.safety import read_head

log = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARS_PER_PAGE = 30_000
MAX_SEGMENTS_PER_PAGE = 30_000
MAX_FORM_DEPTH = 4
#: Fewer readable characters than this in the whole file: a scan (page numbers at most).
MIN_TEXT_CHARS = 20
LINE_TOLERANCE = 1.6  # points: two edges of one ruled line, or lines meant to meet
MIN_LINE = 4.0  # points: shorter segments are not ruled lines (ticks, glyph parts)

SCANNED = ("这是扫描件，没有可读取的文字（PDF 中只有图片，没有文字层）。本程序不做文字识别（OCR），"
           "请向报告单位索取 Word 文件或由 Word / WPS 直接导出的 PDF。")

_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(\d+|[ivxlcIVXLC]+)[-—–－\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$"
                          r"|^\d+\s*/\s*\d+$")
_HEADING_START = re.compile(r"^([一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[)）])")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def read_pdf(path: Path) -> Report:
    """The report in the PDF at *path* (by suffix, see :data:`reportdesk.app.reading.FILE_KINDS`)."""
    return import_pdf(path).report


def import_pdf(path: Path) -> ImportResult:
    """Read *path*; raise :class:`ReportFileError` when it is not a readable PDF with text."""
    return build_result(pdf_content(path))


# --- the document ---------------------------------------------------------------------

def pdf_content(path: Path) -> DocumentContent:
    """The paragraphs and table grids of the PDF at *path*, in reading order."""
    _check_file(path)
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        text = str(exc)
        if "password" in text.lower():
            raise ReportFileError(
                "PDF 文件设置了打开密码（已加密），无法读取。请向报告单位索取未加密的文件。", "encrypted"
            ) from exc
        raise ReportFileError(f"PDF 文件已损坏，无法读取（{text}）。", "bad_pdf") from exc
    try:
        pages = len(document)
        if pages > MAX_PAGES:
            raise ReportFileError(
                f"PDF 有 {pages} 页，年度报告通常不超过 30 页（上限 {MAX_PAGES} 页），疑似被恶意构造，未读取。",
                "too_large",
            )
        content = DocumentContent("PDF")
        read: list[_Page] = []
        for index in range(pages):
            page = document[index]
            try:
                read.append(_read_page(page, index, content))
            finally:
                page.close()
    finally:
        document.close()
    if sum(page.chars for page in read) < MIN_TEXT_CHARS:
        raise ReportFileError(SCANNED, "scanned")
    _lay_out(read, content)
    return content


def _join_rows_cut_by_pages(parts: list[tuple[_Table, Grid]], edges: list[tuple[int, bool, bool]]) -> None:
    """Put together a table row that a page break cut in two (see :func:`is_cut_row`).

    The row's upper half is the cells touching the bottom of one page's part (a merged
    cell that began higher up included), its lower half the cells of the next page's first
    row; the lower half's text is appended to the upper half's cells and its row dropped.
    """
    from reportdesk.core.catalog import get_form
    from reportdesk.core.table_import import is_cut_row

    form = get_form()
    for i in range(len(parts) - 1):
        (upper, above), (lower, below) = parts[i], parts[i + 1]
        page, _first, last = edges[i]
        next_page, next_first, _last = edges[i + 1]
        if not (last and next_first and next_page == page + 1 and above and below
                and len(above[0]) == len(below[0])):
            continue
        bottom = len(above) - 1
        covering = {c: (r0, c0) for r0, c0, r1, c1 in upper.cells if r1 == bottom for c in range(c0, c1 + 1)}
        moves: dict[tuple[int, int], list[tuple[int, str]]] = {}
        for r0, c0, _r1, _c1 in lower.cells:
            if r0 == 0 and c0 in covering and below[0][c0]:
                moves.setdefault(covering[c0], []).append((c0, below[0][c0]))
        pairs = [(above[r][c], "".join(t for _, t in texts)) for (r, c), texts in moves.items()]
        if not is_cut_row(form, pairs):
            continue
        for (r, c), texts in moves.items():
            above[r][c] = "\n".join(t for t in [above[r][c], *(t for _, t in texts)] if t)
        del below[0]
        lower.cells = [(r0 - 1, c0, r1 - 1, c1) for r0, c0, r1, c1 in lower.cells if r1 > 0]
        lower.cells = [(max(r0, 0), c0, r1, c1) for r0, c0, r1, c1 in lower.cells]


def _check_file(path: Path) -> None:
    head = read_head(path, 1024)
    if b"%PDF-" not in head:
        raise ReportFileError("文件不是有效的 PDF 文件（没有 PDF 文件头），可能已损坏或扩展名不对。", "not_pdf")


# --- one page -------------------------------------------------------------------------

@record(frozen=False)
class _Char:
    text: str
    x0: float
    x1: float
    y0: float  # PDF space: y grows upwards
    y1: float
    base: float  # the baseline
    size: float


@record(frozen=False)
class _Line:
    chars: list[_Char]
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)


@record(frozen=False)
class _Table:
    top: float
    bottom: float
    x0: float
    x1: float
    xs: list[float]
    ys: list[float]  # descending: top first
    hs: list[_Segment]
    vs: list[_Segment]
    cells: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row, col, last row, last col)
    chars: list[_Char] = field(default_factory=list)


@record(frozen=False)
class _Page:
    index: int
    lines: list[_Line]
    tables: list[_Table]
    chars: int  # readable characters


def _read_page(page: object, index: int, content: DocumentContent) -> _Page:
    """The lines (page numbers left out) and the tables of one page."""
    import pypdfium2.raw as raw

    height = page.get_height()  # type: ignore[attr-defined]
    horizontal, vertical = _ruled_lines(page, raw, content, index)
    tables = _tables(horizontal, vertical)
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        chars = _chars(textpage, raw, content, index)
    finally:
        textpage.close()
    loose: list[_Char] = []
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.y0 + ch.y1) / 2
        for table in tables:
            if table.x0 <= cx <= table.x1 and table.bottom <= cy <= table.top:
                table.chars.append(ch)
                break
        else:
            loose.append(ch)
    lines = [line for line in _lines(loose) if not _is_page_furniture(line, height)]
    # A table of one row is the end of a row that a page break cut (see
    # _join_rows_cut_by_pages) when it comes first on its page; anywhere else it is a
    # ruled box around some text, which stays text.
    top = max((line.top for line in lines), default=float("-inf"))
    boxes = [t for t in tables if len(t.ys) == 2 and top > t.top]
    if boxes:
        tables = [t for t in tables if t not in boxes]
        loose += [ch for box in boxes for ch in box.chars]
        lines = [line for line in _lines(loose) if not _is_page_furniture(line, height)]
    return _Page(index, lines, tables, sum(1 for ch in chars if not ch.text.isspace()))


def _lay_out(pages: list[_Page], content: DocumentContent) -> None:
    """Tables and paragraphs in reading order, page after page."""
    _share_columns([t for page in pages for t in page.tables])
    lines = [line for page in pages for line in page.lines]
    left = min((line.x0 for line in lines), default=0.0)
    right = max((line.x1 for line in lines), default=0.0)
    flow = _Flow(content)
    edges: list[tuple[int, bool, bool]] = []  # per grid: page, first on its page, last on its page
    parts: list[tuple[_Table, Grid]] = []
    for page in pages:
        items: list[tuple[float, int, _Line | _Table]] = [(line.top, 1, line) for line in page.lines]
        items += [(table.top, 0, table) for table in page.tables]
        items.sort(key=lambda item: (-item[0], item[1]))
        flow.start_page(left, right, _usual_pitch(page.lines))
        on_page = 0
        for position, (_top, _kind, item) in enumerate(items):
            if isinstance(item, _Line):
                flow.add_line(item)
                continue
            flow.end_paragraph()
            on_page += 1
            grid = _grid(item)
            parts.append((item, grid))
            content.add_grid(grid, f"第 {page.index + 1} 页第 {on_page} 个表格")
            edges.append((page.index, position == 0, position == len(items) - 1))
    flow.end_paragraph()
    _join_rows_cut_by_pages(parts, edges)
    for grid in content.grids:  # rows left empty at either end (covered cells only)
        while grid and not any(t.strip() for t in grid[-1]):
            grid.pop()
        while grid and not any(t.strip() for t in grid[0]):
            grid.pop(0)


def _share_columns(tables: list[_Table]) -> None:
    """One set of columns for the parts of a table continued on later pages (or after "续表").

    Each part only shows the column lines of its own rows (the part with the header has one
    label column where the part with "（三）不予公开 1.属于国家秘密" has three); with the
    columns of all the parts, the same figure column has the same index in every part,
    as the mapper needs for a part without its header.  A part's cells are merged again
    over the column lines it does not have.
    """
    chain: list[_Table] = []
    for table in [*tables, None]:
        if table is not None and chain and abs(table.x0 - chain[-1].x0) <= LINE_TOLERANCE * 2 \
                and abs(table.x1 - chain[-1].x1) <= LINE_TOLERANCE * 2:
            chain.append(table)
            continue
        if len(chain) > 1:
            xs = _cluster([x for part in chain for x in part.xs])
            for part in chain:
                if len(xs) != len(part.xs):
                    part.xs = xs
                    _find_cells(part)
        chain = [table] if table is not None else []


def _chars(textpage: object, raw: object, content: DocumentContent, index: int) -> list[_Char]:
    tp = textpage.raw  # type: ignore[attr-defined]
    count = raw.FPDFText_CountChars(tp)  # type: ignore[attr-defined]
    if count > MAX_CHARS_PER_PAGE:
        content.notes.append(f"第 {index + 1} 页有 {count} 个字符，远多于正常页面，只读取了前 {MAX_CHARS_PER_PAGE} 个。")
        count = MAX_CHARS_PER_PAGE
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    out: list[_Char] = []
    for i in range(max(count, 0)):
        code = raw.FPDFText_GetUnicode(tp, i)  # type: ignore[attr-defined]
        if code in (0, 0xFFFE, 0xFFFF, 0x0A, 0x0D, 0x02) or raw.FPDFText_IsGenerated(tp, i) == 1:  # type: ignore[attr-defined]
            continue
        try:
            text = chr(code)
        except ValueError:
            continue
        if not raw.FPDFText_GetCharBox(tp, i, ctypes.byref(left), ctypes.byref(right),  # type: ignore[attr-defined]
                                       ctypes.byref(bottom), ctypes.byref(top)):
            continue
        raw.FPDFText_GetCharOrigin(tp, i, ctypes.byref(ox), ctypes.byref(oy))  # type: ignore[attr-defined]
        size = raw.FPDFText_GetFontSize(tp, i) or (top.value - bottom.value) or 10.0  # type: ignore[attr-defined]
        x0, x1 = left.value, right.value
        y0, y1 = bottom.value, top.value
        if text.isspace() or x1 - x0 < 0.01:
            # A space has no ink: give it the width of a space at its origin.
            x0, x1 = ox.value, ox.value + size * 0.25
            y0, y1 = oy.value, oy.value + size * 0.7
            text = " " if text.isspace() else text
        out.append(_Char(text, x0, x1, y0, y1, oy.value, float(size)))
    return out


def _lines(chars: list[_Char]) -> list[_Line]:
    """Characters grouped into lines (same baseline, within a third of the font size), left to right."""
    lines: list[_Line] = []
    for ch in sorted(chars, key=lambda c: (-c.base, c.x0)):
        line = lines[-1] if lines else None
        if line is not None and abs(line.base - ch.base) <= max(line.size, ch.size) * 0.35:
            line.chars.append(ch)
            line.x0, line.x1 = min(line.x0, ch.x0), max(line.x1, ch.x1)
            line.top, line.bottom = max(line.top, ch.y1), min(line.bottom, ch.y0)
            line.size = max(line.size, ch.size) if not ch.text.isspace() else line.size
        else:
            lines.append(_Line([ch], ch.x0, ch.x1, ch.y1, ch.y0, ch.base, ch.size))
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
        while line.chars and line.chars[-1].text == " ":
            line.chars.pop()
        while line.chars and line.chars[0].text == " ":
            line.chars.pop(0)
        if line.chars:
            line.x0, line.x1 = line.chars[0].x0, line.chars[-1].x1
    return [line for line in lines if line.chars]


def _usual_pitch(lines: list[_Line]) -> float:
    """The most common distance between the baselines of consecutive lines (0 if unknown)."""
    counts: dict[float, int] = {}
    for above, below in itertools.pairwise(lines):
        pitch = round((above.base - below.base) * 2) / 2
        if 0 < pitch < max(above.size, below.size) * 3:
            counts[pitch] = counts.get(pitch, 0) + 1
    return max(counts, key=lambda k: (counts[k], -k)) if counts else 0.0


def _is_page_furniture(line: _Line, height: float) -> bool:
    """A page number in the top or bottom margin."""
    in_margin = line.top > height * 0.93 or line.bottom < height * 0.08
    return in_margin and bool(_PAGE_NUMBER.match(line.text.strip()))


# --- ruled lines and tables -----------------------------------------------------------

_Segment = tuple[float, float, float]  # (position, start, end)


def _ruled_lines(page: object, raw: object, content: DocumentContent,
                 index: int) -> tuple[list[_Segment], list[_Segment]]:
    """The visible straight segments of the page's paths: (y, x0, x1) across and (x, y0, y1) down."""
    horizontal: list[_Segment] = []
    vertical: list[_Segment] = []
    budget = [MAX_SEGMENTS_PER_PAGE]
    page_raw = page.raw  # type: ignore[attr-defined]
    count = raw.FPDFPage_CountObjects(page_raw)  # type: ignore[attr-defined]
    objects = [raw.FPDFPage_GetObject(page_raw, i) for i in range(max(count, 0))]  # type: ignore[attr-defined]
    _walk(objects, raw, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0, horizontal, vertical, budget)
    if budget[0] <= 0:
        content.notes.append(f"第 {index + 1} 页的线条过多（超过 {MAX_SEGMENTS_PER_PAGE} 段），只读取了一部分。")
    return _merge(horizontal), _merge(vertical)


_Matrix = tuple[float, float, float, float, float, float]


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _walk(objects: list[object], raw: object, outer: _Matrix, depth: int, horizontal: list[_Segment],
          vertical: list[_Segment], budget: list[int]) -> None:
    matrix = raw.FS_MATRIX()  # type: ignore[attr-defined]
    for obj in objects:
        if budget[0] <= 0:
            return
        kind = raw.FPDFPageObj_GetType(obj)  # type: ignore[attr-defined]
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):  # type: ignore[attr-defined]
            continue
        if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):  # type: ignore[attr-defined]
            continue
        m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:  # type: ignore[attr-defined]
            if depth < MAX_FORM_DEPTH:
                n = raw.FPDFFormObj_CountObjects(obj)  # type: ignore[attr-defined]
                inner = [raw.FPDFFormObj_GetObject(obj, i) for i in range(max(min(n, budget[0]), 0))]  # type: ignore[attr-defined]
                _walk(inner, raw, m, depth + 1, horizontal, vertical, budget)
            continue
        if not _visible(obj, raw):
            continue
        _path_segments(obj, raw, m, horizontal, vertical, budget)


def _visible(obj: object, raw: object) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):  # type: ignore[attr-defined]
        return False
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if (stroke.value and raw.FPDFPageObj_GetStrokeColor(obj, *(ctypes.byref(x) for x in (r, g, b, a)))  # type: ignore[attr-defined]
            and a.value > 0 and min(r.value, g.value, b.value) < 230):
        return True
    if fill.value and raw.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(x) for x in (r, g, b, a))):  # type: ignore[attr-defined]
        # A white or very light fill (a page or cell background) draws no line.
        return a.value > 0 and min(r.value, g.value, b.value) < 230
    return False


def _path_segments(obj: object, raw: object, m: _Matrix, horizontal: list[_Segment], vertical: list[_Segment],
                   budget: list[int]) -> None:
    n = raw.FPDFPath_CountSegments(obj)  # type: ignore[attr-defined]
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    current: tuple[float, float] | None = None
    a, b, c, d, e, f = m

    def add(p: tuple[float, float], q: tuple[float, float]) -> None:
        budget[0] -= 1
        (x0, y0), (x1, y1) = p, q
        if abs(y1 - y0) <= 0.5 and abs(x1 - x0) >= MIN_LINE:
            horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) >= MIN_LINE:
            vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    for i in range(max(min(n, budget[0]), 0)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)  # type: ignore[attr-defined]
        if not segment or not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):  # type: ignore[attr-defined]
            continue
        point = (x.value * a + y.value * c + e, x.value * b + y.value * d + f)
        kind = raw.FPDFPathSegment_GetType(segment)  # type: ignore[attr-defined]
        if kind == raw.FPDF_SEGMENT_MOVETO or current is None:  # type: ignore[attr-defined]
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO:  # type: ignore[attr-defined]
            add(current, point)
        current = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:  # type: ignore[attr-defined]
            add(current, start)
            current = start


def _merge(segments: list[_Segment]) -> list[_Segment]:
    """Segments on (nearly) the same position that overlap or touch, as one line each."""
    out: list[_Segment] = []
    for pos, s0, s1 in sorted(segments, key=lambda s: (round(s[0] / LINE_TOLERANCE), s[1])):
        for k in range(len(out) - 1, max(len(out) - 8, -1), -1):
            p, t0, t1 = out[k]
            if abs(p - pos) <= LINE_TOLERANCE and s0 <= t1 + LINE_TOLERANCE and s1 >= t0 - LINE_TOLERANCE:
                out[k] = ((p + pos) / 2, min(t0, s0), max(t1, s1))
                break
        else:
            out.append((pos, s0, s1))
    return out


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= LINE_TOLERANCE * 1.5:
            continue
        out.append(v)
    return out


def _tables(horizontal: list[_Segment], vertical: list[_Segment]) -> list[_Table]:
    """Groups of lines that touch each other, each with at least two lines each way, as tables."""
    lines = [("h", s) for s in horizontal] + [("v", s) for s in vertical]
    parent = list(range(len(lines)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tol = LINE_TOLERANCE * 2
    nh = len(horizontal)
    for i, (hy, hx0, hx1) in enumerate(horizontal):
        for j, (vx, vy0, vy1) in enumerate(vertical):
            if hx0 - tol <= vx <= hx1 + tol and vy0 - tol <= hy <= vy1 + tol:
                parent[find(i)] = find(nh + j)
    groups: dict[int, tuple[list[_Segment], list[_Segment]]] = {}
    for i, (kind, segment) in enumerate(lines):
        hs, vs = groups.setdefault(find(i), ([], []))
        (hs if kind == "h" else vs).append(segment)
    tables = []
    for hs, vs in groups.values():
        xs = _cluster([v[0] for v in vs])
        ys = _cluster([h[0] for h in hs])[::-1]
        if len(xs) < 3 or len(ys) < 2:
            continue  # one column (a box, a rule under a title): no table
        table = _Table(ys[0], ys[-1], xs[0], xs[-1], xs, ys, hs, vs)
        _find_cells(table)
        tables.append(table)
    return tables


def _find_cells(table: _Table) -> None:
    """Merge the elementary cells not separated by a line; each merged cell as its bounds."""
    xs, ys, hs, vs = table.xs, table.ys, table.hs, table.vs
    rows, cols = len(ys) - 1, len(xs) - 1
    tol = LINE_TOLERANCE * 1.5

    def v_line(x: float, y: float) -> bool:
        return any(abs(vx - x) <= tol and vy0 - tol <= y <= vy1 + tol for vx, vy0, vy1 in vs)

    def h_line(y: float, x: float) -> bool:
        return any(abs(hy - y) <= tol and hx0 - tol <= x <= hx1 + tol for hy, hx0, hx1 in hs)

    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(cols):
            mid_x = (xs[c] + xs[c + 1]) / 2
            if c + 1 < cols and not v_line(xs[c + 1], mid_y):
                parent[find(r * cols + c)] = find(r * cols + c + 1)
            if r + 1 < rows and not h_line(ys[r + 1], mid_x):
                parent[find(r * cols + c)] = find((r + 1) * cols + c)
    spans: dict[int, list[int]] = {}
    for r in range(rows):
        for c in range(cols):
            root = find(r * cols + c)
            span = spans.get(root)
            if span is None:
                spans[root] = [r, c, r, c]
            else:
                span[0], span[1] = min(span[0], r), min(span[1], c)
                span[2], span[3] = max(span[2], r), max(span[3], c)
    table.cells = [(s[0], s[1], s[2], s[3]) for s in spans.values()]


def _cell_at(table: _Table, x: float, y: float) -> tuple[int, int] | None:
    """The first (row, column) of the merged cell holding the point."""
    col = next((c for c in range(len(table.xs) - 1) if x <= table.xs[c + 1]), None)
    row = next((r for r in range(len(table.ys) - 1) if y >= table.ys[r + 1]), None)
    if row is None or col is None:
        return None
    for r0, c0, r1, c1 in table.cells:
        if r0 <= row <= r1 and c0 <= col <= c1:
            return r0, c0
    return row, col


def _grid(table: _Table) -> Grid:
    """The table's text on its grid: a merged cell's text at its first position."""
    rows, cols = len(table.ys) - 1, len(table.xs) - 1
    chars: dict[tuple[int, int], list[_Char]] = {}
    for ch in table.chars:
        cell = _cell_at(table, (ch.x0 + ch.x1) / 2, (ch.y0 + ch.y1) / 2)
        if cell is not None:
            chars.setdefault(cell, []).append(ch)
    grid: Grid = [[""] * cols for _ in range(rows)]
    for (r, c), cell_chars in chars.items():
        grid[r][c] = "\n".join(line.text for line in _lines(cell_chars))
    return grid


# --- paragraphs -----------------------------------------------------------------------

class _Flow:
    """Lines in reading order, joined into paragraphs."""

    def __init__(self, content: DocumentContent) -> None:
        self.content = content
        self.parts: list[str] = []
        self.last: _Line | None = None
        self.last_full = False  # the last line reached the right margin (the paragraph may go on)
        self.left = self.right = self.pitch = 0.0
        self.new_page = False

    def start_page(self, left: float, right: float, pitch: float) -> None:
        self.left, self.right, self.pitch = left, right, pitch
        self.new_page = True

    def end_paragraph(self) -> None:
        if self.parts:
            self.content.paragraphs.append("".join(self.parts))
        self.parts = []
        self.last = None
        self.last_full = False

    def add_line(self, line: _Line) -> None:
        text = line.text
        size = line.size or 10.0
        indented = line.x0 > self.left + size * 0.8
        last = self.last
        if last is not None:
            if self.new_page:
                breaks = not self.last_full or indented
            else:
                # More space than the usual line spacing: a paragraph's own spacing.
                pitch = last.base - line.base
                usual = self.pitch or max(last.size, size) * 1.3
                breaks = (not self.last_full or indented or abs(last.size - line.size) > 1.0
                          or pitch > usual * 1.3 + 1.0)
            if breaks or _HEADING_START.match(text):
                self.end_paragraph()
        self.new_page = False
        if self.parts:
            prev = self.parts[-1]
            if prev and _ASCII_WORD.match(prev[-1]) and _ASCII_WORD.match(text[0]):
                self.parts.append(" ")
        self.parts.append(text)
        self.last = line
        self.last_full = line.x1 >= self.right - size * 1.5
