"""What the Word and Excel writers share: the figures to print, the column widths of a
table's drawn grid, the title, and how a section's text splits into headings and paragraphs.

No office library is imported here.
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import re
import unicodedata
from collections.abc import Iterator
from enum import StrEnum

from reportdesk.core.form import FormDef, GridCell, TableDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.core.records import record
from reportdesk.core.report import Report, Totals, derive

log = logging.getLogger(__name__)

APPENDIX_TITLE = "政府信息公开情况统计表"
APPENDIX_REFERENCE = f"详见附件《{APPENDIX_TITLE}》。"  # under 二、三、四 when the tables are appended
APPENDIX_NOTE = f"附件：{APPENDIX_TITLE}"  # the 附件说明 line of GB/T 9704 7.3.4


def export_values(form: FormDef, report: Report) -> dict[str, Value]:
    """The figures an export prints: totals computed from their parts for a draft, as stated otherwise.

    A blank cell is exported blank, never as 0.  The official tables want 0 in every
    cell, but ReportDesk must not invent figures the clerk did not give: the rule
    ``blank`` warns about every blank cell before export, and the clerk types the 0s.
    """
    if report.totals is Totals.DERIVED:
        return derive(form, report.cells)
    return dict(report.cells)


def cell_text(values: dict[str, Value], cell: GridCell) -> str:
    """The text drawn in one grid cell: its label, or its figure formatted (blank → "")."""
    if cell.cell_id is None:
        return cell.text
    return format_value(values.get(cell.cell_id))


def report_title(form: FormDef, report: Report) -> str:
    """"<agency><year>年政府信息公开工作年度报告"."""
    year = f"{report.year}年" if report.year else ""
    return f"{report.agency}{year}{form.title}"


TITLE_LINE_CHARS = 20  # characters of 二号 type on one line of the 156 mm text block
TITLE_MIN_LINE_CHARS = 3  # GB/T 9704: no title line of one or two characters


def title_lines(form: FormDef, report: Report, line_chars: float = TITLE_LINE_CHARS) -> list[str]:
    """The title in as few lines as it needs, each break between words, shaped as GB/T 9704 asks.

    The title is cut into words (the agency name at its administrative levels, the year,
    "政府信息公开工作年度报告"); of the cuts with the fewest lines that fit, the one nearest
    to a trapezoid (lines growing downwards) or a diamond (the middle line longest) wins,
    never a line of one or two characters.
    """
    agency = agency_words(report.agency)
    rest = ([f"{report.year}年"] if report.year else []) + [form.title]
    return shape_lines(agency + rest, line_chars, [0] * len(agency) + [1] * len(rest))


_AGENCY_CUT = re.compile(
    r"(?<=[省市州县区旗盟镇乡])(?=[^市县区州旗盟镇乡级辖属委局厅办会处人])"
    r"|(?<=自治区)|(?<=特别行政区)|(?<=街道)(?=[^办])|(?<=街道办事处)"
    r"|(?=人民政府)|(?<=人民政府)|(?=办公室$)|(?=办公厅$)|(?=和)|(?<=和)|(?<=及其下属)|(?<=社区)"
    r"|(?<!居民)(?<!村民)(?=委员会)|(?=及其下属)|(?=综合)|(?=管理局)|(?=服务中心)|(?=事务中心)"
)


def agency_words(agency: str) -> list[str]:
    """An agency name cut where a person would break it: after each administrative level
    ("某某省/某某市/某某区/人民政府/办公室"), around "人民政府" and "和"; never inside a level."""
    agency = agency.strip()
    if not agency:
        return []
    words = [w for w in _AGENCY_CUT.split(agency) if w]
    out: list[str] = []
    for word in words:  # "和" joins the word after it ("人力资源/和社会保障局")
        if out and out[-1] == "和":
            out[-1] += word
        else:
            out.append(word)
    return out


def shape_lines(words: list[str], line_chars: float, parts: list[int] | None = None) -> list[str]:
    """*words* set on the fewest lines of at most *line_chars*, breaking only between words,
    in the best GB/T 9704 shape (see :func:`title_lines`); a word longer than a line is cut.

    *parts* numbers the phrase each word belongs to (the agency 0, the rest 1): a line that
    holds the end of one phrase and the start of the next, without the whole first phrase,
    is avoided ("…人民政府 / 办公室2023年…" breaks after 办公室 instead).
    """
    atoms: list[str] = []
    owner: list[int] = []
    for index, word in enumerate(words):
        pieces = _cut_long(word, line_chars)
        atoms.extend(pieces)
        owner.extend([parts[index] if parts else 0] * len(pieces))
    if not atoms:
        return [""]
    n = len(atoms)
    best: tuple[float, list[str]] | None = None
    for lines_wanted in range(1, n + 1):
        for cuts in itertools.combinations(range(1, n), lines_wanted - 1):
            bounds = [0, *cuts, n]
            lengths = [text_width("".join(atoms[a:b])) for a, b in itertools.pairwise(bounds)]
            if max(lengths) > line_chars + 1e-9:
                continue
            lines = ["".join(atoms[a:b]) for a, b in itertools.pairwise(bounds)]
            score = _shape_badness(lengths) + sum(
                10.0 for a, b in itertools.pairwise(bounds)
                if len(set(owner[a:b])) > 1 and (a > 0 and owner[a - 1] == owner[a])) + sum(
                1.0 for cut in cuts if owner[cut - 1] == owner[cut])  # a break between phrases is best
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
        if n > 16:  # a pathological name: give up on shapes, fill greedily
            break
    return wrap_words(atoms, line_chars)


def _shape_badness(lengths: list[float]) -> float:
    if len(lengths) == 1:
        return 0.0
    short = sum(100.0 for x in lengths if x < TITLE_MIN_LINE_CHARS)
    trapezoid = sum(max(0.0, a - b) for a, b in itertools.pairwise(lengths))
    middle = max(range(len(lengths)), key=lambda i: lengths[i])
    diamond = sum(max(0.0, a - b) for a, b in itertools.pairwise(lengths[: middle + 1])) + sum(
        max(0.0, b - a) for a, b in itertools.pairwise(lengths[middle:]))
    shape = min(trapezoid, diamond + 0.5)
    evenness = max(lengths) - min(lengths)
    return short + 4 * shape + 0.1 * evenness


def _cut_long(word: str, line_chars: float) -> list[str]:
    if text_width(word) <= line_chars:
        return [word]
    return wrap_words(list(word), line_chars)


# --- printed text: widths and where a line may break ---------------------------------
#
# The faces ReportDesk prints with (仿宋, 楷体, 宋体, 黑体, 小标宋 and their substitutes) are
# monospaced CJK faces: every Chinese character and full-width sign is exactly one em wide.
# Digits and Latin letters are set in Times New Roman, whose digits are exactly half an em
# (1024 of 2048 units); its other Latin glyphs are at most about half an em ("." a quarter).
# So a width table of one em for wide characters and half an em for the rest is exact for
# everything the tables and titles print and errs on the wide side elsewhere.  This avoids
# a font-metrics dependency (fontTools) and works without the fonts being installed, which
# matters because the document is typeset on a machine that may not have them.

def char_width(ch: str) -> float:
    """Width of *ch* in ems: 1 for CJK and full-width (and ambiguous) characters, else 0.5."""
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


AUTOSPACE_EMS = 0.25  # the space Word and LibreOffice put between Chinese and Latin letters or digits


def text_width(text: str) -> float:
    """Width of *text* in ems of its type size (see :func:`char_width`), with the space that Word
    (自动调整中文与西文的间距) and LibreOffice add where Chinese meets a Latin letter or digit."""
    width = 0.0
    previous = ""
    for ch in text:
        width += char_width(ch)
        if previous and _autospaced(previous, ch):
            width += AUTOSPACE_EMS
        previous = ch
    return width


def _autospaced(a: str, b: str) -> bool:
    wide_a, wide_b = char_width(a) == 1.0, char_width(b) == 1.0
    if wide_a == wide_b:
        return False
    narrow, wide = (b, a) if wide_a else (a, b)
    return narrow.isascii() and narrow.isalnum() and unicodedata.category(wide).startswith("L")


_NUMBERING = re.compile(r"（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、]")
_CLOSING = set("、，。：；！？）》”’」』】,.:;!?)")
_OPENING = set("（《“‘「『【(")
_LATIN = re.compile(r"[0-9A-Za-z.%]+")


def words_of(text: str, words: tuple[str, ...]) -> list[str]:
    return list(_words_of(text, words))


@functools.lru_cache(maxsize=4096)
def _words_of(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """*text* cut into pieces a line may break between.

    A numbering ("（三）", "1.", "一、"), a run of digits or Latin letters, and each word of
    *words* (the form's ``[print] words``, longest first) is one piece; any other character
    is a piece of its own.  Closing punctuation sticks to the piece before it, opening
    punctuation to the piece after it, so that no line starts with "、" or ends with "（".
    The pieces joined give back *text* exactly.
    """
    pieces: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        match = _NUMBERING.match(text, i) if i == 0 or text[i - 1] in "\n" else None
        if match is None and text[i].isascii() and text[i].isalnum():
            match = _LATIN.match(text, i)
        piece = match.group() if match is not None else next((w for w in words if text.startswith(w, i)), text[i])
        pieces.append(piece)
        i += len(piece)
    glued: list[str] = []
    opening = ""
    for piece in pieces:
        if piece in _OPENING or (len(piece) == 1 and piece in _OPENING):
            opening += piece
            continue
        piece = opening + piece
        opening = ""
        if glued and (piece[0] in _CLOSING):
            glued[-1] += piece
        else:
            glued.append(piece)
    if opening:
        if glued:
            glued[-1] += opening
        else:
            glued.append(opening)
    return tuple(glued)


def wrap_words(pieces: list[str], width: float) -> list[str]:
    """The pieces filled greedily into lines of at most *width* ems; a piece wider than a
    line is cut between its characters (the only case where a word is broken)."""
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if line and text_width(line + piece) > width + 1e-9:
            lines.append(line)
            line = ""
        if text_width(piece) > width + 1e-9:
            for ch in piece:
                if line and text_width(line + ch) > width + 1e-9:
                    lines.append(line)
                    line = ""
                line += ch
            continue
        line += piece
    if line or not lines:
        lines.append(line)
    return lines


def wrap_text(text: str, width: float, words: tuple[str, ...]) -> list[str]:
    """*text* broken into lines of at most *width* ems, only between words where it can be."""
    return wrap_words(words_of(text, words), width)


def longest_word(text: str, words: tuple[str, ...]) -> float:
    return max((text_width(w) for w in words_of(text, words)), default=0.0)


def appendix_year_line(report: Report) -> str:
    return f"（{report.year}年度）" if report.year else ""


# --- geometry -------------------------------------------------------------------------

class ColumnKind(StrEnum):
    VALUE = "value"  # holds figures
    GROUP = "group"  # only vertical group labels such as 三、本年度办理结果
    LABEL = "label"  # row labels


GROUP_CHARS = 3.2  # a group column is wide enough for 3 characters a line ("（三）")
VALUE_MIN_CHARS = 3.0
LABEL_MAX_CHARS = 16.0  # a longer row label wraps
CELL_PAD_CHARS = 0.7  # the cell's inner margins, in characters


def column_kinds(table: TableDef) -> list[ColumnKind]:
    kinds: list[ColumnKind] = []
    for col in range(table.n_cols):
        starting = [g for g in table.grid if g.col == col]
        if any(g.role == "value" for g in starting):
            kinds.append(ColumnKind.VALUE)
        elif starting and all(g.role == "group" for g in starting if g.colspan == 1) and any(
            g.colspan == 1 for g in starting
        ):
            kinds.append(ColumnKind.GROUP)
        else:
            kinds.append(ColumnKind.LABEL)
    return kinds


def column_chars(table: TableDef) -> list[float]:
    """The width each column of the drawn grid wants, in characters of the table's type size.

    Derived from the grid: a figure column is as wide as half its longest heading (headings
    wrap to two lines); a label column as its longest single-column label, at most
    :data:`LABEL_MAX_CHARS`; a column holding only vertical group labels is narrow.  Each
    width includes the cell's inner margins (:data:`CELL_PAD_CHARS`).
    """
    kinds = column_kinds(table)
    chars: list[float] = []
    for col, kind in enumerate(kinds):
        single = [g for g in table.grid if g.col == col and g.colspan == 1 and g.cell_id is None]
        longest = max((len(g.text) for g in single), default=0)
        if kind is ColumnKind.VALUE:
            chars.append(max(VALUE_MIN_CHARS, math.ceil(longest / 2)) + CELL_PAD_CHARS)
        elif kind is ColumnKind.GROUP:
            chars.append(GROUP_CHARS + CELL_PAD_CHARS)
        else:
            spanning = [g for g in table.grid if g.col == col and g.cell_id is None]
            wanted = max(float(longest), *(len(g.text) / g.colspan for g in spanning), 4.0)
            chars.append(min(LABEL_MAX_CHARS, wanted) + CELL_PAD_CHARS)
    return chars


def scale_widths(weights: list[float], total: int) -> list[int]:
    """Integer widths proportional to *weights* that add up to exactly *total*."""
    whole = sum(weights)
    widths = [int(total * w / whole) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def grid_rows(table: TableDef) -> list[list[tuple[GridCell, bool]]]:
    """Each drawn row as its cells left to right: ``(cell, starts_here)``.

    A cell merged down from a row above appears again in the rows it covers with
    ``starts_here`` False (Word writes such a cell as a vertical-merge continuation).
    Raises ``ValueError`` if the grid leaves a hole or overlaps itself: a form bug.
    """
    cover: list[list[GridCell | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
    for g in table.grid:
        for r in range(g.row, g.row + g.rowspan):
            for c in range(g.col, g.col + g.colspan):
                if cover[r][c] is not None:
                    raise ValueError(f"table {table.id}: cell ({r}, {c}) drawn twice")
                cover[r][c] = g
    rows: list[list[tuple[GridCell, bool]]] = []
    for r in range(table.n_rows):
        row: list[tuple[GridCell, bool]] = []
        c = 0
        while c < table.n_cols:
            drawn = cover[r][c]
            if drawn is None:
                raise ValueError(f"table {table.id}: cell ({r}, {c}) not drawn")
            row.append((drawn, drawn.row == r))
            c += drawn.colspan
        rows.append(row)
    return rows


PT_MM = 25.4 / 72
TABLE_SIZES = (10.5, 9.0, 7.5, 6.5)  # 五号, 小五, 六号, 小六: a table shrinks one step before figures wrap
CELL_MARGINS_MM = (1.0, 0.5)  # inner left/right margin of a cell; the smaller one only when needed
VALUE_MIN_EMS = 2.0
LABEL_MIN_EMS = 6.0
LABEL_MAX_EMS = 16.0
HEAD_MAX_LINES = 3
LINE_HEIGHT_EMS = 1.45  # single line spacing of the CJK faces (Noto CJK: 1.448 em), the tallest in use
PAGE_TEXT_HEIGHT_MM = 225.0
WRAP_SAFETY_EMS = 0.5
FITS_PAGE = 0.9  # a table estimated at most this share of the type area's height fits on a page  # a line is set half a character short of its cell, so no program re-wraps it  # GB/T 9704 type area: 156 × 225 mm


@record
class TablePlan:
    """How one table is printed: type size, cell margins, column widths and the lines of every label.

    ``lines`` maps the (row, col) of each label cell to its lines; the writers put an explicit
    line break between them, and each line fits its cell, so no program breaks a label again.
    ``keep`` says for each drawn row whether it stays on the page of the next row.
    """

    size: float
    margin_mm: float
    widths_mm: tuple[float, ...]
    lines: dict[tuple[int, int], list[str]]
    heights_mm: tuple[float, ...]
    keep: tuple[bool, ...]

    @property
    def height_mm(self) -> float:
        return sum(self.heights_mm)


def base_size(table: TableDef) -> float:
    """五号 for a narrow table, 小五 for the 10- and 15-column tables."""
    return TABLE_SIZES[0] if table.n_cols <= 4 else TABLE_SIZES[1]


def plan_table(table: TableDef, values: dict[str, Value], words: tuple[str, ...],
               width_mm: float | None, min_height_mm: dict[float, float] | None = None,
               sizes: tuple[float, ...] | None = None, head_lines: int = HEAD_MAX_LINES) -> TablePlan:
    """Choose the type size, cell margins and column widths of *table* for these *values*.

    Each figure column is as wide as the widest figure it prints and its heading's longest
    word (a heading may take :data:`HEAD_MAX_LINES` lines); a column of vertical group labels
    as its longest word ("（三）", "本年度"); the row-label column gets what is left, up to
    its longest label.  When the figures do not fit at the table's size, the table's type
    shrinks a step (and then the cell margins), never a figure wraps.  With *width_mm* None
    (a spreadsheet, whose columns may be as wide as they like) every column gets what it wants.
    """
    # The plan depends on the values only through the widest figure of each column: cached on that.
    figures = tuple(max((text_width(cell_text(values, g)) for g in table.grid if g.cell_id and g.col == col
                         and g.colspan == 1), default=0.0) for col in range(table.n_cols))
    key = (id(table), id(words), figures, width_mm, tuple(sorted((min_height_mm or {}).items())), sizes, head_lines)
    cached = _PLANS.get(key)
    if cached is not None and cached[0] is table and cached[1] is words:
        return cached[2]
    plan = _plan_table(table, values, words, width_mm, min_height_mm, sizes, head_lines)
    if len(_PLANS) > 256:
        _PLANS.clear()
    _PLANS[key] = (table, words, plan)
    return plan


_PLANS: dict[tuple[object, ...], tuple[TableDef, tuple[str, ...], TablePlan]] = {}


def _plan_table(table: TableDef, values: dict[str, Value], words: tuple[str, ...], width_mm: float | None,
                min_height_mm: dict[float, float] | None, sizes: tuple[float, ...] | None,
                head_lines: int) -> TablePlan:
    steps = list(sizes or [s for s in TABLE_SIZES if s <= base_size(table)])
    kinds = column_kinds(table)
    chosen: TablePlan | None = None
    for size in steps:
        for margin in CELL_MARGINS_MM:
            plan = _try_plan(table, values, words, width_mm, size, margin, kinds, min_height_mm, head_lines,
                             last=False)
            if plan is None:
                continue
            if chosen is None:
                chosen = plan
            # A table that would be taller than a page at this size takes the next size down
            # when that one fits on a page: it then never breaks (the figures rarely need it).
            if width_mm is None or plan.height_mm <= PAGE_TEXT_HEIGHT_MM * FITS_PAGE:
                return plan
            break
    if chosen is not None:
        return chosen
    plan = _try_plan(table, values, words, width_mm, steps[-1], CELL_MARGINS_MM[-1], kinds, min_height_mm,
                     head_lines, last=True)
    assert plan is not None
    return plan


def _try_plan(table: TableDef, values: dict[str, Value], words: tuple[str, ...], width_mm: float | None,
              size: float, margin: float, kinds: list[ColumnKind],
              min_height_mm: dict[float, float] | None, head_lines: int, *, last: bool) -> TablePlan | None:
    em = size * PT_MM
    pad = 2 * margin / em
    need: list[float] = []
    want: list[float] = []
    for col, kind in enumerate(kinds):
        single = [g for g in table.grid if g.col == col and g.colspan == 1]
        if kind is ColumnKind.VALUE:
            figures = max((text_width(cell_text(values, g)) for g in single if g.cell_id), default=0.0)
            heads = max((_head_width(g.text, words, head_lines) for g in single if g.cell_id is None),
                        default=0.0)
            need.append(max(VALUE_MIN_EMS, figures + WRAP_SAFETY_EMS, heads + WRAP_SAFETY_EMS))
            want.append(need[-1])
        elif kind is ColumnKind.GROUP:
            need.append(max((longest_word(g.text, words) for g in single if g.cell_id is None), default=1.0)
                        + WRAP_SAFETY_EMS)
            want.append(need[-1])
        else:
            labels = [g.text for g in single if g.cell_id is None]
            need.append(max(LABEL_MIN_EMS, *(longest_word(t, words) for t in labels)) if labels
                        else LABEL_MIN_EMS)
            want.append(max(need[-1], min(LABEL_MAX_EMS, max((text_width(t) for t in labels), default=0.0))))
    if width_mm is None:
        width_mm = sum(w + pad for w in want) * em
    total = width_mm / em
    spare = total - sum(n + pad for n in need)
    if spare < -1e-9 and not last:
        return None
    widths = list(need)
    spare = max(spare, 0.0)
    label_cols = [i for i, k in enumerate(kinds) if k is ColumnKind.LABEL]
    for i in label_cols:
        give = min(spare, want[i] - widths[i])
        widths[i] += give
        spare -= give
    receivers = [i for i, k in enumerate(kinds) if k is ColumnKind.VALUE] or label_cols or list(range(len(kinds)))
    for i in receivers:
        widths[i] += spare / len(receivers)
    widths_mm = [(w + pad) * em for w in widths]
    widths_mm[-1] += width_mm - sum(widths_mm) if not last else 0.0
    lines: dict[tuple[int, int], list[str]] = {}
    line_counts: dict[int, int] = {}
    for g in table.grid:
        room = sum(widths[g.col:g.col + g.colspan]) + pad * (g.colspan - 1) - WRAP_SAFETY_EMS
        if g.cell_id is None:
            lines[(g.row, g.col)] = wrap_text(g.text, room, words)
            count = len(lines[(g.row, g.col)])
        else:
            count = 1
        if g.rowspan == 1:
            line_counts[g.row] = max(line_counts.get(g.row, 1), count)
    minimum = (min_height_mm or {}).get(size, 6.0)
    heights = [max(minimum, line_counts.get(r, 1) * LINE_HEIGHT_EMS * em + 1.0) for r in range(table.n_rows)]
    for g in table.grid:  # a merged-down label: its rows together must hold its lines
        if g.cell_id is None and g.rowspan > 1:
            needed = len(lines[(g.row, g.col)]) * LINE_HEIGHT_EMS * em + 1.0
            have = sum(heights[g.row:g.row + g.rowspan])
            if have < needed:
                for r in range(g.row, g.row + g.rowspan):
                    heights[r] += (needed - have) / g.rowspan
    keep = keep_with_next(table, sum(heights))
    return TablePlan(size, margin, tuple(widths_mm), lines, tuple(heights), tuple(keep))


def _head_width(text: str, words: tuple[str, ...], max_lines: int = HEAD_MAX_LINES) -> float:
    """The narrowest width at which a column heading takes at most *max_lines* lines."""
    width = longest_word(text, words)
    while len(wrap_text(text, width, words)) > max_lines:
        width += 0.5
    return width


def row_blocks(table: TableDef) -> list[tuple[int, int]]:
    """The drawn rows in blocks a page may break between: ``(first, last)`` of each.

    Rows joined by a label merged down over them (a row group such as 三、本年度办理结果 or
    （三）不予公开) are one block, the header rows are one block with the first body block,
    and a full-width item row (第二十条第（五）项) begins a block that runs to the next.
    """
    end_of = list(range(table.n_rows))
    for g in table.grid:
        if g.rowspan > 1:
            for r in range(g.row, g.row + g.rowspan):
                end_of[r] = max(end_of[r], g.row + g.rowspan - 1)
    items = {g.row for g in table.grid if g.role == "item" and g.colspan == table.n_cols}
    blocks: list[tuple[int, int]] = []
    row = 0
    while row < table.n_rows:
        first, last = row, end_of[row]
        r = first
        while r <= last:
            last = max(last, end_of[r])
            r += 1
        if first in items or (first < table.header_rows):
            while last + 1 < table.n_rows and last + 1 not in items and (
                    first in items or last + 1 <= table.header_rows or last < table.header_rows):
                last = max(last + 1, end_of[last + 1])
                if first not in items and last >= table.header_rows:
                    break
        blocks.append((first, last))
        row = last + 1
    return blocks


def keep_with_next(table: TableDef, height_mm: float | None = None,
                   page_mm: float = PAGE_TEXT_HEIGHT_MM) -> list[bool]:
    """For each drawn row: must it stay on the same page as the next one?

    A table that fits on one page is kept whole (it moves to the next page rather than
    break); a longer one breaks only between the blocks of :func:`row_blocks`, so a page
    never starts with a fragment of a row group whose label stayed on the page before.
    """
    whole = height_mm is not None and height_mm <= page_mm * FITS_PAGE
    keep = [True] * table.n_rows
    keep[-1] = False
    if whole:
        return keep
    for _, last in row_blocks(table)[:-1]:
        keep[last] = False
    return keep


# --- text -----------------------------------------------------------------------------

class Level(StrEnum):
    HEADING2 = "heading2"  # （一）…
    HEADING3 = "heading3"  # 1. …
    BODY = "body"


@record
class TextBlock:
    """One paragraph of a section's text; ``lead`` is a heading ("（一）主动公开。") before ``text``."""

    level: Level
    lead: str
    text: str


_H2 = re.compile(r"^（[一二三四五六七八九十]+）")
_H3 = re.compile(r"^\d{1,2}[.．、]")
_RUN_IN_END = re.compile(r"[。：:]")
HEADING_MAX_CHARS = 30


def text_blocks(text: str) -> Iterator[TextBlock]:
    """Split a section's text ("\\n" between paragraphs) into paragraphs and headings.

    A line "（一）…" is a level-2 heading and "1.…" a level-3 heading when it is short and
    does not end a sentence; a longer line that starts so keeps its leading phrase up to
    the first "。" or "：" as a run-in heading and the rest as body text.
    """
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        level = Level.HEADING2 if _H2.match(line) else Level.HEADING3 if _H3.match(line) else Level.BODY
        if level is Level.BODY:
            yield TextBlock(Level.BODY, "", line)
            continue
        if len(line) <= HEADING_MAX_CHARS and not line.endswith("。"):
            yield TextBlock(level, line, "")
            continue
        end = _RUN_IN_END.search(line)
        if end is not None and end.end() <= HEADING_MAX_CHARS:
            yield TextBlock(level, line[: end.end()], line[end.end():])
        else:
            yield TextBlock(Level.BODY, "", line)
