"""同比变化: this year's figures beside last year's, with the changes the clerk should explain.

A non-modal dialog over the open draft, refreshed as figures change.  Large swings
(``core.year_on_year``) are flagged 变化较大 and can be listed alone; double-clicking a row
shows the cell in its table, and 复制变化较大的项目 copies them as lines to explain in the text.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reportdesk.app.session import cell_name
from reportdesk.core.catalog import get_form
from reportdesk.core.numbers import format_value
from reportdesk.core.year_on_year import YearChange, year_on_year
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)

CELL_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_LARGE_BG = QColor("#ffe9c2")


class SortItem(QTableWidgetItem):
    """A table item that sorts by a number (or text) kept in SORT_ROLE, blanks last."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:
            return mine is not None and theirs is None
        return bool(mine < theirs)


class YearOnYearDialog(QDialog):
    sig_cells_requested = Signal(list)  # cell ids to show in their table

    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("同比变化"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        bar = QHBoxLayout()
        self.large_only = QCheckBox(self.tr("只显示变化较大的项目"), self)
        self.large_only.toggled.connect(self.refresh)
        self.copy_button = QPushButton(self.tr("复制变化较大的项目"), self)
        self.copy_button.setToolTip(self.tr("复制为文字，便于在报告中说明变化的原因"))
        self.copy_button.clicked.connect(self.copy_large)
        bar.addWidget(self.large_only)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        layout.addLayout(bar)
        headings = self._headings()
        self.table = QTableWidget(0, len(headings), self)
        self.table.setHorizontalHeaderLabels(headings)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # 变化较大 first
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headings)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(self._on_double_clicked)
        layout.addWidget(self.table, 1)
        hint = QLabel(
            self.tr("变化较大：增减至少 50% 且至少 10 件。请在“{0}”或相关部分说明原因；双击一行可查看表格中的数字。").format(
                controller.form.text_sections[0].heading if controller.form.text_sections else ""),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        self.changes: list[YearChange] = []
        controller.sig_changed.connect(lambda _changes: self.refresh())
        controller.sig_previous_changed.connect(self.refresh)
        self.refresh()

    def _headings(self) -> list[str]:
        # listed literally so that lupdate sees each one
        return [self.tr("项目"), self.tr("上年"), self.tr("本年"), self.tr("增减"), self.tr("增减（%）"),
                self.tr("变化较大")]

    def refresh(self) -> None:
        session = self.controller.session
        previous = session.previous
        if previous is None:
            self.changes = []
            self.heading.setText(self.tr("还没有上年报告：请先在“报告”菜单中“设置上年报告…”。"))
        else:
            form = session.form
            try:
                all_changes = year_on_year(form, session.report, previous)
            except Exception:  # last year's report of another form: say so, never crash
                log.exception("year-on-year comparison failed")
                all_changes = []
            self.changes = [c for c in all_changes if c.last is not None or c.this is not None]
            large = sum(1 for c in self.changes if c.large)
            self.heading.setText(
                self.tr("<b>{0}年与上年（{1}年）对比</b>：{2} 个项目，其中 {3} 个变化较大。").format(
                    session.report.year or "", previous.year or "", len(self.changes), large
                )
            )
            if get_form(previous.form_id).id != form.id:
                self.heading.setText(self.heading.text() + self.tr("（上年报告使用另一种格式，只比较相同编号的项目。）"))
        shown = [c for c in self.changes if c.large or not self.large_only.isChecked()]
        self.copy_button.setEnabled(any(c.large for c in self.changes))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(shown))
        form = session.form
        for r, change in enumerate(shown):
            percent = f"{'+' if change.percent and change.percent > 0 else ''}{change.percent}%" \
                if change.percent is not None else ""
            diff = "" if change.change is None else \
                ("+" if change.change > 0 else "") + format_value(change.change)
            cells = [
                (cell_name(form, change.cell), r),
                (format_value(change.last), change.last),
                (format_value(change.this), change.this),
                (diff, change.change),
                (percent, change.percent),
                # large changes first, each group in the form's order
                (self.tr("变化较大") if change.large else "", (10000 if change.large else 0) - r),
            ]
            for c, (text, key) in enumerate(cells):
                item = SortItem(text)
                item.setData(CELL_ROLE, change.cell)
                item.setData(SORT_ROLE, Decimal(key) if isinstance(key, int | Decimal) else key)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if change.large:
                    item.setBackground(QBrush(_LARGE_BG))
                item.setToolTip(change.describe())
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)

    def row_cells(self) -> list[str]:
        items = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [item.data(CELL_ROLE) for item in items if item is not None]

    def large_text(self) -> str:
        form = self.controller.session.form
        return "\n".join(f"{cell_name(form, c.cell)}：{c.describe()}" for c in self.changes if c.large)

    def copy_large(self) -> str:
        text = self.large_text()
        QGuiApplication.clipboard().setText(text)
        return text

    def _on_double_clicked(self, row: int, _col: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.sig_cells_requested.emit([item.data(CELL_ROLE)])
