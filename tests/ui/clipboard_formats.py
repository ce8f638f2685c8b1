"""Clipboard contents as Excel, WPS, Word and browsers write them, built from real tables.

The official Excel sheet is the workbook ReportDesk exports (the same layout as the
official table); its cells become the Windows clipboard: tab-separated text with CRLF
line ends, a trailing line end and quoted multi-line cells, and the HTML flavour with
rowspan/colspan, ``<br>`` and ``&nbsp;`` as Excel writes it.
"""

from __future__ import annotations

import html
from random import Random

from reportdesk.core.form import FormDef, TableDef
from reportdesk.core.numbers import Value
from reportdesk.core.report import Report, derive


def random_values(form: FormDef, table: TableDef, seed: int) -> dict[str, Value]:
    rng = Random(seed)
    cells = {cid: rng.choice([0, 0, 1, 2, 3, 7, 12, 1234]) for cid, d in form.cells.items()
             if d.table == table.id and d.input and d.type == "count"}
    return cells


def excel_sheet(form: FormDef, table: TableDef, values: dict[str, Value]) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The used range of the exported sheet of *table*: texts and merges (r0, c0, r1, c1), 0-based."""
    from reportdesk.documents.excel_writer import build_workbook

    report = Report(form_id=form.id, agency="某市某某局", year=2023, cells=dict(values))
    book = build_workbook(report, [], form)
    sheet = next(ws for ws in book.worksheets if ws.title.startswith(table.title[:8]) or table.title in ws.title)
    rows = [["" if c.value is None else (f"{c.value:,}" if isinstance(c.value, int) else str(c.value))
             for c in row] for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=sheet.max_column)]
    merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in sheet.merged_cells.ranges]
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
               if (r, c) != (r0, c0)}
    for r, c in covered:
        rows[r][c] = ""
    return rows, merges


def excel_tsv(rows: list[list[str]]) -> str:
    """Excel's text/plain: tabs, CRLF, a trailing CRLF, CSV quoting of cells with line breaks or quotes."""
    def cell(text: str) -> str:
        if any(ch in text for ch in '\n\t"'):
            return '"' + text.replace('"', '""') + '"'
        return text
    return "".join("\t".join(cell(t) for t in row) + "\r\n" for row in rows)


def excel_html(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> str:
    """Excel's text/html: a styled table, merges as rowspan/colspan, line breaks as <br>, spaces as &nbsp;."""
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
               if (r, c) != (r0, c0)}
    out = ['<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">'
           "<style>td {mso-number-format:General;} .xl65 {border:.5pt solid windowtext;}</style></head>"
           "<body link=blue><!--StartFragment--><table border=0 cellpadding=0 cellspacing=0 width=900>"
           '<col width=72 span=10>']
    for r, row in enumerate(rows):
        out.append('<tr height=24 style="height:18.0pt">')
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            attrs = (f" rowspan={rowspan}" if rowspan > 1 else "") + (f" colspan={colspan}" if colspan > 1 else "")
            body = "<br>".join(html.escape(line).replace(" ", "&nbsp;") for line in text.split("\n"))
            out.append(f'<td class=xl65{attrs} style="border-top:none"><font face="宋体">{body}</font></td>')
        out.append("</tr>")
    out.append("</table><!--EndFragment--></body></html>")
    body = "".join(out)
    # the Windows CF_HTML description that precedes the HTML on the clipboard
    header = f"Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:{105 + len(body):010d}\r\nStartFragment:0000000000\r\n" \
             "EndFragment:0000000000\r\n"
    return header + body


def word_html(table: TableDef, values: dict[str, Value], form: FormDef) -> str:
    """Word's text/html for the official table: <p> in every cell, labels broken over lines."""
    shown = derive(form, values)
    out = ["<html><body><!--StartFragment--><table class=MsoTableGrid border=1 style='border-collapse:collapse'>"]
    for r in range(table.n_rows):
        out.append("<tr style='height:20pt'>")
        for g in sorted((g for g in table.grid if g.row == r), key=lambda g: g.col):
            attrs = (f" rowspan={g.rowspan}" if g.rowspan > 1 else "") + \
                    (f" colspan={g.colspan}" if g.colspan > 1 else "")
            if g.cell_id:
                v = shown.get(g.cell_id)
                text = "" if v is None else str(v)
            else:  # Word wraps long labels: the clipboard keeps the words, a break where the line was
                text = g.text if len(g.text) < 8 else g.text[:5] + "\n" + g.text[5:]
            paras = "".join(f"<p class=MsoNormal align=center><span lang=ZH-CN style='font-family:宋体'>"
                            f"{html.escape(line)}</span></p>" for line in text.split("\n") or [""])
            out.append(f"<td width=60 valign=top{attrs} style='border:solid windowtext 1.0pt'>{paras}</td>")
        out.append("</tr>")
    out.append("</table><p class=MsoNormal>&nbsp;</p><!--EndFragment--></body></html>")
    return "".join(out)
