"""What the Word and Excel writers share: the figures to print, the column widths of a
table's drawn grid, the title, and how a section's text splits into headings and paragraphs.

No office library is imported here.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from reportdesk.core.form import FormDef, GridCell, TableDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.core.report import Report, Totals, derive

log = logging.getLogger(__name__)

APPENDIX_TITLE = "政府信息公开情况统计表"


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


def title_lines(form: FormDef, report: Report) -> list[str]:
    """The title in lines: a title too long for one line breaks after the agency's name."""
    title = report_title(form, report)
    if len(title) <= TITLE_LINE_CHARS or not report.agency:
        return [title]
    return [report.agency, title[len(report.agency):]]


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


SMALL_TABLE_ROWS = 14
KEEP_BODY_ROWS = 2


def keep_with_next(table: TableDef) -> list[bool]:
    """For each drawn row: must it stay on the same page as the next one?

    A small table keeps each block together (a block starts at a full-width item row such
    as 第二十条第（五）项); a long table keeps only its header rows with the first body rows,
    so that a heading never stands alone at the foot of a page and no page is left half
    empty; the rest may break between rows (the header rows repeat).
    """
    starts_block = {g.row for g in table.grid if g.role == "item" and g.colspan == table.n_cols}
    keep = []
    for row in range(table.n_rows):
        if row == table.n_rows - 1 or row + 1 in starts_block:
            keep.append(False)
        else:
            keep.append(table.n_rows <= SMALL_TABLE_ROWS or row < table.header_rows + KEEP_BODY_ROWS)
    return keep


# --- text -----------------------------------------------------------------------------

class Level(StrEnum):
    HEADING2 = "heading2"  # （一）…
    HEADING3 = "heading3"  # 1. …
    BODY = "body"


@dataclass(frozen=True, slots=True)
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
