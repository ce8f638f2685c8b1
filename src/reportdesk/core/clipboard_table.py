"""A block pasted into a table: read from the clipboard's text or HTML, then aligned by its labels.

What Excel, WPS, Word, LibreOffice and browsers put on the clipboard:

- ``text/plain``: tab-separated rows, CRLF line ends on Windows, a trailing line end, and a
  cell with a line break ("商业\\n企业" copied from a header) quoted as in CSV (``"商业\\n企业"``,
  ``""`` for a quote inside).  A merged cell gives its text once, the positions it covers
  are empty.
- ``text/html``: a ``<table>`` with ``rowspan``/``colspan``, ``<br>`` and ``<p>`` inside
  cells, ``&nbsp;``, styles and comments around.

Either becomes a :class:`Block`: rows of cell texts on the block's own grid (a merged cell's
text at its top-left position, ``""`` on the positions it covers, which :attr:`Block.covered`
lists).  :func:`align_block` then decides where each figure of the block goes in a table of
the form: by the row labels and column headers found in the block (a row copied with its
label, a whole table copied from the official Excel sheet or a Word table), or, for bare
figures, from the cell where the paste starts.  Nothing is dropped silently: every figure
that finds no cell is listed with why.  Plain Python (``html.parser``), no Qt.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from reportdesk.core.form import GridCell, TableDef
from reportdesk.core.labels import LabelIndex, label_key, squeeze
from reportdesk.core.numbers import BLANK_MARKS, normalise_text
from reportdesk.core.records import field, record

log = logging.getLogger(__name__)

#: Bounds on what a paste may be: a report table has under 30 rows and 16 columns.
MAX_ROWS = 500
MAX_COLUMNS = 100
MAX_SPAN = 100

_EXCEL_NUMBER = re.compile(r"^-?\d+(\.\d+)?$", re.ASCII)
_NUMBERISH = re.compile(r"^[-+]?[\d,，.．]+(万元|件|个|项|条)?$")


@record(frozen=False)
class Block:
    rows: list[list[str]]
    covered: set[tuple[int, int]] = field(default_factory=set)  # positions inside a merged cell
    anchors: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # covered -> top-left
    truncated: bool = False  # more rows or columns than MAX_ROWS/MAX_COLUMNS: the rest was not read

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    def text(self, r: int, c: int) -> str:
        row = self.rows[r] if 0 <= r < len(self.rows) else []
        return row[c] if 0 <= c < len(row) else ""

    def filled(self, r: int, c: int) -> str:
        """The text at (r, c), a merged cell's text on every position it covers."""
        anchor = self.anchors.get((r, c))
        return self.text(*anchor) if anchor is not None else self.text(r, c)


def is_figure(text: str) -> bool:
    """A figure or a blank mark (what a value cell may hold), as opposed to a label."""
    s = squeeze(text)
    if s in BLANK_MARKS:
        return True
    n = normalise_text(s)
    return n in BLANK_MARKS or bool(_NUMBERISH.match(n))


# --- reading the clipboard ---------------------------------------------------------------------


def parse_tsv(text: str) -> Block:
    """Tab-separated rows as Excel and WPS write them (CSV quoting, CRLF, a trailing line end)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    row: list[str] = []
    i, n = 0, len(text)
    while i < n and len(rows) < MAX_ROWS:
        if text[i] == '"':
            end = _quoted_end(text, i)
            if end is not None:
                row.append(text[i + 1:end].replace('""', '"'))
                i = end + 1
                if i < n and text[i] == "\t":
                    i += 1
                    if i == n or text[i] == "\n":
                        row.append("")
                    continue
                if i < n and text[i] == "\n":
                    i += 1
                rows.append(row)
                row = []
                continue
        j = i
        while j < n and text[j] not in "\t\n":
            j += 1
        row.append(text[i:j])
        if j < n and text[j] == "\t":
            i = j + 1
            if i == n or text[i] == "\n":
                row.append("")
            continue
        rows.append(row)
        row = []
        i = j + 1
    if row:
        rows.append(row)
    truncated = (i < n and bool(text[i:].strip())) or any(len(r) > MAX_COLUMNS for r in rows)
    return Block([r[:MAX_COLUMNS] for r in rows], truncated=truncated)


def _quoted_end(text: str, start: int) -> int | None:
    """The index of the quote closing the field opened at *start*, when it ends a field."""
    i = start + 1
    while True:
        j = text.find('"', i)
        if j < 0:
            return None
        if j + 1 < len(text) and text[j + 1] == '"':
            i = j + 2
            continue
        if j + 1 == len(text) or text[j + 1] in "\t\n":
            return j
        return None  # a quote inside an unquoted-looking field: read the field as typed


class _TableParser(HTMLParser):
    """Rows and spans of every ``<table>`` in a fragment; cells of a nested table belong to it."""

    _BREAKS = frozenset({"br", "p", "div", "li"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, int, int]]]] = []  # table -> rows -> (text, rowspan, colspan)
        self._stack: list[list[list[tuple[str, int, int]]]] = []
        self._cell: list[list[str] | None] = []  # per open table: the text of the open cell
        self._span: list[tuple[int, int]] = []
        self._number: list[str | None] = []  # per open table: the open cell's Excel value (x:num)
        self._skip = 0  # inside <style>, <script>, <head>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head", "title"):
            self._skip += 1
        elif tag == "table":
            self._stack.append([])
            self._cell.append(None)
            self._span.append((1, 1))
            self._number.append(None)
        elif not self._stack:
            return
        elif tag == "tr":
            self._close_cell()
            self._stack[-1].append([])
        elif tag in ("td", "th"):
            self._close_cell()
            if not self._stack[-1]:
                self._stack[-1].append([])
            values = dict(attrs)
            # hidden rows and columns (display:none) are read too: Excel pastes them, and a figure
            # left out here would be lost without a word
            self._cell[-1] = []
            self._span[-1] = (_span(values.get("rowspan")), _span(values.get("colspan")))
            # Excel and WPS (x:num) and LibreOffice (sdval) give a number's value beside its shown
            # text: <td x:num="0"> shows " - " in the accounting format, which read as shown would
            # turn the 0 into a blank
            self._number[-1] = values.get("x:num") or values.get("sdval")
        elif tag in self._BREAKS and self._cell[-1] is not None and self._cell[-1]:
            self._cell[-1].append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self._stack and self._cell[-1] is not None:
            self._cell[-1].append("\n")
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head", "title"):
            self._skip = max(self._skip - 1, 0)
        elif tag == "table" and self._stack:
            self._close_cell()
            self.tables.append(self._stack.pop())
            self._cell.pop()
            self._span.pop()
            self._number.pop()
        elif tag in ("td", "th", "tr") and self._stack:
            self._close_cell()


    def handle_data(self, data: str) -> None:
        if self._skip or not self._stack or self._cell[-1] is None:
            return
        self._cell[-1].append(data)

    def _close_cell(self) -> None:
        if not self._stack or self._cell[-1] is None:
            return
        text = "".join(self._cell[-1]).replace("\xa0", " ").replace("\u3000", " ")
        lines = [" ".join(line.split()) for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        number = self._number[-1]
        if number and squeeze(text) in BLANK_MARKS and _EXCEL_NUMBER.match(number.strip()):
            text = number.strip()
        rowspan, colspan = self._span[-1]
        if not self._stack[-1]:
            self._stack[-1].append([])
        self._stack[-1][-1].append((text, rowspan, colspan))
        self._cell[-1] = None


def _span(raw: str | None) -> int:
    try:
        return max(1, min(int(str(raw).strip()), MAX_SPAN))
    except ValueError:
        return 1


def parse_html(html: str) -> Block | None:
    """The rows of the tables in an HTML fragment (in document order), merges laid out; None without a table."""
    parser = _TableParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; anything else is no table
        log.warning("unreadable HTML on the clipboard", exc_info=True)
        return None
    tables = [t for t in parser.tables if any(row for row in t)]
    if not tables:
        return None
    block = Block([])
    for table in tables:
        _lay_out(table, block)
    return block


def _lay_out(table: list[list[tuple[str, int, int]]], block: Block) -> None:
    """Place the cells of one table on the block's grid, below what is there, spans expanded."""
    top = block.n_rows
    taken: set[tuple[int, int]] = set()
    for r, cells in enumerate(table):
        if top + r >= MAX_ROWS:
            block.truncated = True
            return
        c = 0
        for text, rowspan, colspan in cells:
            while (r, c) in taken:
                c += 1
            if c >= MAX_COLUMNS:
                block.truncated = True
                break
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
                    if (dr, dc) != (0, 0) and top + r + dr < MAX_ROWS and c + dc < MAX_COLUMNS:
                        block.covered.add((top + r + dr, c + dc))
                        block.anchors[(top + r + dr, c + dc)] = (top + r, c)
            _put(block, top + r, c, text)
            c += colspan
    last = max((r for r, _c in taken), default=len(table) - 1)
    while block.n_rows < min(top + last + 1, MAX_ROWS):
        block.rows.append([])


def _put(block: Block, r: int, c: int, text: str) -> None:
    while block.n_rows <= r:
        block.rows.append([])
    row = block.rows[r]
    while len(row) <= c:
        row.append("")
    row[c] = text


def read_clipboard(text: str, html: str = "") -> Block:
    """The block on the clipboard: the HTML flavour when it holds a table, else the text."""
    if html:
        block = parse_html(html)
        if block is not None and any(squeeze(t) for row in block.rows for t in row):
            return block
    return parse_tsv(text)


# --- aligning a block with a table -------------------------------------------------------------


@record
class Placement:
    cell_id: str
    raw: str
    where: str  # "第 2 行第 3 列" of the block


@record
class Unplaced:
    raw: str
    where: str
    reason: str


@record(frozen=False)
class Alignment:
    placements: list[Placement] = field(default_factory=list)  # input and derived cells
    unplaced: list[Unplaced] = field(default_factory=list)  # figures that find no cell
    labels_used: int = 0  # block rows and columns placed by their labels
    labels_unknown: list[str] = field(default_factory=list)  # row labels that match no row here
    by_labels: bool = False
    truncated: bool = False


def _where(r: int, c: int) -> str:
    return f"第 {r + 1} 行第 {c + 1} 列"


class TableLayout:
    """The positions of a table's grid that a pasted block can aim at."""

    def __init__(self, table: TableDef, other_rows: dict[str, str] | None = None) -> None:
        self.table = table
        self.anchor: dict[tuple[int, int], GridCell] = {}
        for g in table.grid:
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    self.anchor[(r, c)] = g
        self.position = {g.cell_id: (g.row, g.col) for g in table.grid if g.cell_id}
        self.rows = LabelIndex({r.id: r.label for r in table.rows})
        self.others = LabelIndex(other_rows or {})
        self.value_rows = sorted({g.row for g in table.grid if g.cell_id})
        value_cols = sorted({c for g in table.grid if g.cell_id for c in range(g.col, g.col + g.colspan)})
        # the header texts over each value column (every head cell covering it), as label keys
        self.paths: dict[int, set[str]] = {c: set() for c in value_cols}
        known: set[str] = set()
        variants = {c.label: c.variants for c in table.columns} | {r.label: r.variants for r in table.rows}
        for g in table.grid:
            if g.cell_id is None and g.role in ("head", "item", "note"):
                keys = {label_key(g.text)} | {label_key(v) for v in variants.get(g.text, ())}
                for c in range(g.col, g.col + g.colspan):
                    if c in self.paths:
                        self.paths[c] |= keys
                known |= keys
        self.head_keys = frozenset(known)

    def cells_in_row(self, row_id: str) -> list[tuple[int, int]]:
        """Grid positions of the value cells of a form row, left to right."""
        ids = [f"{self.table.id}.{row_id}.{c}" for c in self.table.row(row_id).columns]
        return sorted(self.position[i] for i in ids if i in self.position)

    def value_cell(self, r: int, c: int) -> GridCell | None:
        g = self.anchor.get((r, c))
        return g if g is not None and g.cell_id else None

    def columns_for(self, keys: set[str]) -> list[int]:
        """The value columns whose headers contain most of *keys* (several on a tie), left to right."""
        keys = keys & self.head_keys
        if not keys:
            return []
        scores = {c: len(keys & path) for c, path in self.paths.items()}
        best = max(scores.values(), default=0)
        return sorted(c for c, score in scores.items() if score == best) if best else []


def align_block(layout: TableLayout, block: Block, start_row: int, start_col: int) -> Alignment:
    """Where each figure of *block* goes when pasted at grid position (*start_row*, *start_col*)."""
    result = Alignment(truncated=block.truncated)
    header_rows: list[int] = []  # the header rows since the last figure row
    columns: dict[int, int] = {}  # block column -> grid column, from the current header rows
    header_fresh = False
    next_row = _first_value_row(layout, start_row)
    for r in range(block.n_rows):
        width = len(block.rows[r])
        texts = [block.text(r, c) for c in range(width)]
        labels = [c for c in range(width) if (r, c) not in block.covered and squeeze(texts[c])
                  and not is_figure(texts[c])]
        figures = [c for c in range(width) if (r, c) not in block.covered and c not in labels]
        first_figure = next((c for c in figures if squeeze(texts[c])), None)
        if first_figure is None:
            if labels:  # a header row (or a group label alone on its line)
                if not header_fresh:
                    header_rows = []
                header_rows.append(r)
                header_fresh = True
            continue
        if header_fresh:
            columns = _header_columns(layout, block, header_rows, width)
            header_fresh = False
            result.labels_used += len(columns)
        leading = [c for c in labels if c < first_figure]
        row_id, other = _row_label(layout, block, r, leading, result)
        cut = max(leading) if leading else -1
        slots = [c for c in range(cut + 1, width) if (r, c) not in block.covered]
        if leading:
            result.by_labels = True
        if row_id is not None:
            result.labels_used += 1
            result.by_labels = True
            targets = layout.cells_in_row(row_id)
            grid_row = targets[0][0] if targets else None
        else:
            grid_row = next_row
            targets = []
        if grid_row is None or other:
            reason = f"该行“{other}”属于另一张表" if other else "表格下方没有可填写的行"
            for c in slots:
                if squeeze(texts[c]):
                    result.unplaced.append(Unplaced(texts[c], _where(r, c), reason))
            continue
        if columns:
            result.by_labels = True
            for c in slots:
                g = layout.value_cell(grid_row, columns[c]) if c in columns else None
                _place(result, g, texts[c], r, c, "列标题与本表对不上" if c not in columns else "该行没有这一列")
        elif row_id is not None:
            # plain text loses merges: a label merged over several columns leaves empty cells after it
            while len(slots) > len(targets) and slots and not squeeze(texts[slots[0]]):
                slots.pop(0)
            for k, c in enumerate(slots):
                if k < len(targets):
                    g = layout.value_cell(*targets[k])
                    _place(result, g, texts[c], r, c, "")
                elif squeeze(texts[c]):
                    result.unplaced.append(Unplaced(texts[c], _where(r, c), "超出该行的格子"))
        else:
            _place_from(layout, result, block, r, slots, grid_row, start_col if not leading else None)
        next_row = _first_value_row(layout, grid_row + 1)
    return result


def _first_value_row(layout: TableLayout, row: int) -> int | None:
    return next((r for r in layout.value_rows if r >= row), None)


def _row_label(layout: TableLayout, block: Block, r: int, leading: list[int],
               result: Alignment) -> tuple[str | None, str]:
    """The form row named by the most specific leading label of block row *r*.

    Second: the label when it names a row of another table ("" otherwise).
    """
    found: str | None = None
    other = ""
    for c in leading:
        hit = layout.rows.match(block.text(r, c))
        if hit is not None:
            found = hit.target
        elif not other:
            other_hit = layout.others.match(block.text(r, c))
            other = other_hit.official if other_hit is not None else ""
    if found is not None:
        return found, ""
    if leading and not other:
        text = squeeze(block.text(r, leading[-1]))
        if label_key(text) not in layout.head_keys:
            result.labels_unknown.append(f"“{text[:20]}”")
    return None, other


def _header_columns(layout: TableLayout, block: Block, header_rows: list[int], width: int) -> dict[int, int]:
    """Block column -> grid column, from the header rows above a figure row."""
    texts: dict[tuple[int, int], str] = {}
    for i, r in enumerate(header_rows):
        carry = ""
        for c in range(width):
            text = block.filled(r, c)
            if squeeze(text):
                carry = text
            elif i < len(header_rows) - 1 and not block.anchors:
                # plain text loses merges: a group header runs on over the empty cells to its right
                text = carry
            texts[(r, c)] = text
    candidates: dict[int, list[int]] = {}
    for c in range(width):
        keys = {label_key(texts[(r, c)]) for r in header_rows if squeeze(texts.get((r, c), ""))}
        found = layout.columns_for(keys)
        if found:
            candidates[c] = found
    columns = {c: found[0] for c, found in candidates.items() if len(found) == 1}
    # a header that several columns share ("结果维持" under each group): the one that keeps the
    # order of the columns around it, when exactly one does
    for c in sorted(candidates):
        if c in columns:
            continue
        before = max((g for b, g in columns.items() if b < c), default=-1)
        after = min((g for b, g in columns.items() if b > c), default=10**6)
        fits = [g for g in candidates[c] if before < g < after and g not in columns.values()]
        if fits and (len(fits) == 1 or after < 10**6 or before >= 0):
            columns[c] = fits[0]
    if len(set(columns.values())) != len(columns):  # two block columns on one cell: trust neither
        seen: dict[int, int] = {}
        for g in columns.values():
            seen[g] = seen.get(g, 0) + 1
        columns = {c: g for c, g in columns.items() if seen[g] == 1}
    return columns


def _place(result: Alignment, g: GridCell | None, raw: str, r: int, c: int, reason: str) -> None:
    if g is not None and g.cell_id:
        result.placements.append(Placement(g.cell_id, raw, _where(r, c)))
    elif squeeze(raw):
        result.unplaced.append(Unplaced(raw, _where(r, c), reason or "没有对应的格子"))


def _place_from(layout: TableLayout, result: Alignment, block: Block, r: int, slots: list[int],
                grid_row: int, start_col: int | None) -> None:
    """Bare figures: from *start_col* (or the row's first value cell), a merged cell taking one figure."""
    if start_col is None:
        start_col = min((c for (rr, c) in layout.position.values() if rr == grid_row), default=0)
    g0 = layout.anchor.get((grid_row, start_col))
    c = start_col if g0 is None or g0.cell_id else next(
        (cc for (rr, cc) in sorted(layout.position.values()) if rr == grid_row and cc >= start_col), start_col)
    for slot in slots:
        raw = block.text(r, slot)
        g = layout.anchor.get((grid_row, c))
        if g is None:
            if squeeze(raw):
                result.unplaced.append(Unplaced(raw, _where(r, slot), "超出表格右边"))
            c += 1
            continue
        c = g.col + g.colspan
        if not g.cell_id:
            if squeeze(raw):
                result.unplaced.append(Unplaced(raw, _where(r, slot), f"落在标签“{squeeze(g.text)[:12]}”上"))
            continue
        result.placements.append(Placement(g.cell_id, raw, _where(r, slot)))
