"""预览: the report as it will print, as HTML in a QTextBrowser.

Built the way the Word writer builds the document (``documents.layout``: the title in
lines, the preamble, the six headings, each section's paragraphs and run-in headings, the
three tables drawn from the form's grid with their merges and the figures the export
prints).  Rebuilt only after a change, a moment after the last one (debounced), and only
while the pane is visible; a hidden pane is rebuilt when shown.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from reportdesk.app.exporting import layout
from reportdesk.core.form import FormDef, TableDef
from reportdesk.core.numbers import Value
from reportdesk.core.report import Report
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 400

_CSS = """
body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", serif; font-size: 10pt; }
h1 { font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 13pt; text-align: center;
     font-weight: bold; margin: 4px 0; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; font-weight: normal;
     margin: 10px 0 4px 0; }
p { text-indent: 27px; margin: 2px 0; line-height: 140%; }  /* 2 characters of 10pt: Qt ignores "em" here */
.lead { font-family: "KaiTi", "楷体", serif; font-weight: bold; }
table.form { border-collapse: collapse; margin: 4px 0 8px 0; font-size: 7.5pt; }
table.form td { border: 1px solid #000; padding: 1px 3px; }
td.label { text-align: left; }
td.head { text-align: center; font-weight: bold; }
td.value { text-align: right; }
p.empty { color: #999; text-indent: 0; }
"""


def _table_html(table: TableDef, values: dict[str, Value]) -> str:
    """The table drawn from the form's grid, merges as row/col spans, widths as the Word table's."""
    chars = layout.column_chars(table)
    whole = sum(chars)
    rows = []
    for r, row in enumerate(layout.grid_rows(table)):
        cells = []
        for cell, starts in row:
            if not starts or cell.row != r:
                continue
            span = ""
            if cell.rowspan > 1:
                span += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                span += f' colspan="{cell.colspan}"'
            width = sum(chars[cell.col: cell.col + cell.colspan]) / whole * 100
            span += f' width="{width:.0f}%"'
            kind = "value" if cell.cell_id else ("label" if cell.role == "label" else "head")
            cells.append(f'<td class="{kind}"{span}>{html.escape(layout.cell_text(values, cell))}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<p align="center" style="text-indent:0"><b>{html.escape(table.title)}</b></p>'
            f'<table class="form" border="1" cellspacing="0" cellpadding="2" width="100%">{"".join(rows)}</table>')


def _text_html(text: str) -> str:
    out = []
    for block in layout.text_blocks(text):
        if block.level is layout.Level.BODY:
            out.append(f"<p>{html.escape(block.text)}</p>")
        else:
            out.append(f'<p><span class="lead">{html.escape(block.lead)}</span>{html.escape(block.text)}</p>')
    return "".join(out)


def preview_html(form: FormDef, report: Report) -> str:
    """The whole report as HTML, in print order."""
    values = layout.export_values(form, report)
    parts = [f"<html><head><style>{_CSS}</style></head><body>"]
    parts += [f"<h1>{html.escape(line)}</h1>" for line in layout.title_lines(form, report)]
    preamble = report.texts.get("preamble", "")
    if preamble.strip():
        parts.append(_text_html(preamble))
    for section in form.sections:
        parts.append(f'<a name="{section.id}"></a><h2>{html.escape(section.heading)}</h2>')
        text = report.texts.get(section.id, "")
        if text.strip():
            parts.append(_text_html(text))
        elif not section.table:
            parts.append(f'<p class="empty">{html.escape(QCoreApplication.translate("PreviewPane", "（本部分尚未填写）"))}</p>')
        if section.table:
            parts.append(_table_html(form.tables[section.table], values))
    parts.append("</body></html>")
    return "".join(parts)


class PreviewPane(QTextBrowser):
    sig_rebuilt = Signal()

    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setOpenLinks(False)
        self.setMinimumWidth(260)
        self.rebuilds = 0
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.rebuild)
        controller.sig_changed.connect(self._on_changed)

    def _on_changed(self, _changes: object) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()  # restarts: one rebuild after the last of a burst of changes

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self._rebuild_if_dirty)

    def _rebuild_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.rebuild()

    def rebuild(self) -> None:
        self._timer.stop()
        session = self.controller.session
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(preview_html(session.form, session.report))
        bar.setValue(position)
        self._dirty = False
        self.rebuilds += 1
        self.sig_rebuilt.emit()
