"""Reading exported files back the way a reviewer's program would: independent of the writers."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn


def docx_table_cells(tbl: Any) -> dict[tuple[int, int], tuple[int, int, str]]:
    """The drawn cells of a ``w:tbl``: (row, col) of each cell's top-left → (rowspan, colspan, text)."""
    cells: dict[tuple[int, int], list[Any]] = {}
    open_merges: dict[int, tuple[int, int]] = {}  # column → origin of a vertical merge running there
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        c = 0
        for tc in tr.findall(qn("w:tc")):
            tc_pr = tc.find(qn("w:tcPr"))
            span_el = tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            if merge is not None and merge.get(qn("w:val")) != "restart":
                origin = open_merges[c]
                cells[origin][0] += 1
            else:
                cells[(r, c)] = [1, span, text]
                if merge is not None:
                    open_merges[c] = (r, c)
                else:
                    open_merges.pop(c, None)
            c += span
    return {k: (v[0], v[1], v[2]) for k, v in cells.items()}


def grid_geometry(table: Any) -> dict[tuple[int, int], tuple[int, int]]:
    return {(g.row, g.col): (g.rowspan, g.colspan) for g in table.grid}
