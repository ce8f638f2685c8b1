"""Figures not found in a document, described per table in words a clerk understands.

A cell is *not found* when the document does not have it at all: a row left out, a
table that is a picture, a table cut off part-way (a page that ends in the middle of
it).  That is different from *blank* (the cell is there, empty or "/"): a blank is a
fault of the report, a figure not found may be a fault of the copy that was read.
The import summary and the rule ``incomplete_table`` both say it with these sentences.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from enum import StrEnum

from reportdesk.core.form import FormDef, RowDef, TableDef
from reportdesk.core.records import record

log = logging.getLogger(__name__)

_NAMED = 3  # rows or cells named in one sentence; the finding's cells list them all


class MissingKind(StrEnum):
    TABLE = "table"  # nothing of the table was found
    CUT = "cut"  # the table stops part-way: every row after some row is absent
    ROWS = "rows"  # rows (and perhaps single cells) absent in the middle
    CELLS = "cells"  # only single cells absent


@record
class MissingPart:
    """What one table lacks."""

    table: str
    kind: MissingKind
    cells: tuple[str, ...]
    text: str  # one clause: "表三只读到“（三）不予公开 4.保护第三方合法权益”一行，其后 18 行未找到"


def table_name(form: FormDef, table_id: str) -> str:
    """"表三": the table under section 三, as clerks and reviewers call it."""
    section = next((s for s in form.sections if s.table == table_id), None)
    return f"表{section.number}" if section is not None else form.tables[table_id].title


def row_name(row: RowDef) -> str:
    """A row as printed: "（三）不予公开 5.属于三类内部事务信息"."""
    return f"{row.subgroup} {row.label}" if row.subgroup else row.label


def cell_name(form: FormDef, cell_id: str) -> str:
    """A cell as a clerk finds it: "（三）不予公开 5.属于三类内部事务信息 / 自然人", "行政强制"."""
    cell = form.cells[cell_id]
    table = form.tables[cell.table]
    row = table.row(cell.row)
    if len(row.columns) == 1:
        return row_name(row)
    return f"{row_name(row)} / {table.column(cell.column).label}"


def cell_place(form: FormDef, cell_id: str) -> str:
    """A cell with its table, for lists of cells: "表三“（六）其他处理 3.其他 / 总计”"; an unknown id as is."""
    if cell_id not in form.cells:
        return cell_id
    return f"{table_name(form, form.cells[cell_id].table)}“{cell_name(form, cell_id)}”"


def _named(names: list[str], unit: str) -> str:
    shown = "、".join(f"“{n}”" for n in names[:_NAMED])
    return shown + (f"等 {len(names)} {unit}" if len(names) > _NAMED else "")


_TABLE_CELLS: dict[int, tuple[TableDef, tuple[str, ...]]] = {}


def table_cells(table: TableDef) -> tuple[str, ...]:
    """``table.cell_ids()``, worked out once per loaded table (every report's check asks for them)."""
    held = _TABLE_CELLS.get(id(table))
    if held is None or held[0] is not table:
        held = _TABLE_CELLS[id(table)] = (table, tuple(table.cell_ids()))
    return held[1]


def describe_missing(form: FormDef, missing: Collection[str]) -> list[MissingPart]:
    """One :class:`MissingPart` per table that lacks any cell, in the form's order."""
    parts: list[MissingPart] = []
    if not missing:
        return parts
    for table in form.tables.values():
        cells = tuple(c for c in table_cells(table) if c in missing)
        if cells:
            parts.append(_describe_table(form, table, cells))
    return parts


def _describe_table(form: FormDef, table: TableDef, cells: tuple[str, ...]) -> MissingPart:
    name = table_name(form, table.id)
    absent = set(cells)
    if len(cells) == len(table_cells(table)):
        return MissingPart(table.id, MissingKind.TABLE, cells,
                           f"{name}（{table.title}）未找到，其中 {len(cells)} 个数字都没有读到（表格可能是图片，或不在文件中）")
    whole = [r for r in table.rows if all(f"{table.id}.{r.id}.{c}" in absent for c in r.columns)]
    partial = [c for c in cells if form.cells[c].row not in {r.id for r in whole}]
    extra = ""
    if partial:
        labels = [cell_name(form, c) for c in partial]
        extra = f"有 {len(partial)} 个单元格未找到：{_named(labels, '个')}"
    if not whole:
        return MissingPart(table.id, MissingKind.CELLS, cells, f"{name}{extra}")
    first = table.rows.index(whole[0])
    trailing = whole == list(table.rows[first:])
    if trailing and first > 0:
        last_read = row_name(table.rows[first - 1])
        text = f"{name}只读到“{last_read}”一行，其后 {len(whole)} 行未找到，表格可能被截断"
        kind = MissingKind.CUT
    else:
        text = f"{name}缺少 {len(whole)} 行：{_named([row_name(r) for r in whole], '行')}"
        kind = MissingKind.ROWS
    if extra:
        text += f"；另{extra}"
    return MissingPart(table.id, kind, cells, text)
