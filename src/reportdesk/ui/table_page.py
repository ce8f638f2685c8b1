"""A table section: the grid, its tools, and the balance strip when the form gives the table one."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reportdesk.core.equations import carry_pairs
from reportdesk.core.form import SectionDef, TableDef
from reportdesk.ui.balance_strip import BalanceStrip, strip_rules
from reportdesk.ui.controller import DraftController
from reportdesk.ui.paste import PastePlan
from reportdesk.ui.table_model import ReportTableModel
from reportdesk.ui.table_view import ReportTableView

log = logging.getLogger(__name__)


class TableSectionPage(QWidget):
    def __init__(
        self, controller: DraftController, section: SectionDef, table: TableDef, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.section = section
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{section.heading}</h2>", self))
        bar = QHBoxLayout()
        self.fill_button = QPushButton(self.tr("将空白单元格填为 0"), self)
        self.fill_button.clicked.connect(lambda: self.fill_blanks())
        self.fill_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click leaves the focus in the grid
        hint = QLabel(
            self.tr(
                "直接输入数字；Enter 下移，Tab 右移，Delete 清除；可从 Excel/WPS 复制整块粘贴（Ctrl+V）。"
            ),
            self,
        )
        hint.setStyleSheet("color: #666;")
        bar.addWidget(self.fill_button)
        bar.addWidget(hint, 1)
        layout.addLayout(bar)
        self.previous_legend = QLabel(self)
        self.previous_legend.setStyleSheet("color: #555;")
        layout.addWidget(self.previous_legend)
        self.model = ReportTableModel(controller, table, self)
        controller.sig_previous_changed.connect(self._update_previous_legend)
        self._update_previous_legend()
        self.view = ReportTableView(self.model, self)
        layout.addWidget(self.view, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.message)
        self.view.sig_pasted.connect(self._on_pasted)
        controller.sig_changed.connect(self._on_changed)
        self.view.sig_message.connect(self.message.setText)
        self.balance: BalanceStrip | None = None
        if strip_rules(controller, table):
            self.balance = BalanceStrip(controller, table, self)
            layout.addWidget(self.balance)
        layout.addStretch(0)

    def _update_previous_legend(self) -> None:
        previous = self.controller.previous
        self.previous_legend.setVisible(previous is not None)
        if previous is None:
            return
        year = previous.year or ""
        if self.controller.show_previous:
            text = self.tr("每格左上角的灰色小字是上年（{0}年）的数字。").format(year)
        else:
            text = self.tr("已知上年（{0}年）报告：鼠标停在单元格上可看上年数字。").format(year)
        if any(cell.startswith(f"{self.model.table.id}.") for cell, _ in carry_pairs(self.controller.form)):
            text += self.tr("蓝底蓝字的数字从上年报告结转而来。")
        self.previous_legend.setText(text)

    def commit_editor(self) -> str | None:
        """Write the figure still being typed in a cell (before a step change, a save, closing).

        Returns the reason when the text is not a valid figure: the editor then stays open
        with it, so that nothing typed disappears unseen.
        """
        view = self.view
        if view.state() != QAbstractItemView.State.EditingState:
            return None
        editor = view.indexWidget(view.currentIndex())
        if not isinstance(editor, QLineEdit):
            return None
        message = view.delegate.validate(editor, view.currentIndex())
        if message is not None:
            self.message.setText(message)
            editor.setFocus()
            return message
        view.delegate.commitData.emit(editor)
        view.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return None

    def fill_blanks(self, only: list[str] | None = None) -> int:
        """Fill the blank input cells of the table (or of *only*, the cells of a finding) with 0."""
        values = self.controller.values
        chosen = set(only) if only is not None else None
        edits = {cid: 0 for cid in self.model.input_cell_ids()
                 if values.get(cid) is None and (chosen is None or cid in chosen)}
        if edits:
            self.controller.edit_cells(edits, text=self.tr("将 {0} 个空白单元格填为 0").format(len(edits)))
            self.message.setText(self.tr("已将 {0} 个空白单元格填为 0（可撤销）。").format(len(edits)))
        else:
            self.message.setText(self.tr("本表没有空白单元格。"))
        return len(edits)

    def _on_changed(self, changes: object) -> None:
        """A figure of this table changed (typed, fixed, undone): the note about the last action is stale."""
        cells = getattr(changes, "cells", {})
        if any(cid in self.model.table_cell_ids for cid in cells):
            self.message.clear()
            self.message.setToolTip("")

    def _on_pasted(self, plan: PastePlan) -> None:
        self.message.setText(plan.summary())
        if plan.rejected:
            self.message.setToolTip("\n".join(f"{r.label}：{r.message}" for r in plan.rejected))
        else:
            self.message.setToolTip("")
