"""Under the applications table: 一 + 二 beside （七）总计 + 四 for every column, with the difference.

The table's header states the 勾稽关系 of every column; the strip keeps it in view while
the clerk types.  A blank term shows as 空 (it is not 0): when the blanks of one side
could balance the column the strip says what they must hold, as the rule ``balance`` does.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from reportdesk.core.form import TableDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.core.report import partly_blank
from reportdesk.core.rules import BalanceKind, balance
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)

LEFT_ROWS = ("received", "carried_over")
RIGHT_ROWS = ("handled_total", "carried_forward")


def side_text(values: list[Value], partial: int = 0) -> str:
    """One side as shown: "5", "5 + 空" (a blank term, or a total with blank parts, is not 0), "空"."""
    present = [v for v in values if v is not None]
    if not present:
        return "空"
    total = format_value(sum(present))
    return total if len(present) == len(values) and not partial else f"{total} + 空"


class BalanceStrip(QFrame):
    def __init__(self, controller: DraftController, table: TableDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BalanceStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.controller = controller
        self.table = table
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setHorizontalSpacing(14)
        layout.setVerticalSpacing(2)
        titles = [self.tr("勾稽关系"), self.tr("一 + 二"), self.tr("（七）总计 + 四"), self.tr("差额")]
        for r, title in enumerate(titles):
            label = QLabel(title, self)
            label.setStyleSheet("font-weight: bold;")
            layout.addWidget(label, r, 0)
        self.cells: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for c, column in enumerate(table.columns, start=1):
            head = QLabel(column.label, self)
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            layout.addWidget(head, 0, c)
            trio = tuple(QLabel(self) for _ in range(3))
            for r, label in enumerate(trio, start=1):
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
                layout.addWidget(label, r, c)
            self.cells[column.id] = trio  # type: ignore[assignment]
        layout.setColumnStretch(len(table.columns) + 1, 1)
        controller.sig_changed.connect(self.refresh)
        self.refresh()

    def sides(self, column: str) -> tuple[list[Value], list[Value]]:
        values = self.controller.values
        left = [values.get(f"{self.table.id}.{r}.{column}") for r in LEFT_ROWS]
        right = [values.get(f"{self.table.id}.{r}.{column}") for r in RIGHT_ROWS]
        return left, right

    def refresh(self, _changes: object = None) -> None:
        partial = partly_blank(self.controller.form, self.controller.values)
        for column, (left_label, right_label, diff_label) in self.cells.items():
            left, right = self.sides(column)
            # a total with blank parts is a figure plus blanks, counted as one more blank term
            left_partial = sum(f"{self.table.id}.{r}.{column}" in partial for r in LEFT_ROWS)
            right_partial = sum(f"{self.table.id}.{r}.{column}" in partial for r in RIGHT_ROWS)
            left_label.setText(side_text(left, left_partial))
            right_label.setText(side_text(right, right_partial))
            if all(v is None for v in (*left, *right)):
                diff_label.setText("—")
                diff_label.setStyleSheet("color: #888;")
                diff_label.setToolTip("")
                continue
            known_left = sum(v for v in left if v is not None)
            known_right = sum(v for v in right if v is not None)
            outcome = balance(known_left, left.count(None) + left_partial, known_right,
                              right.count(None) + right_partial)
            diff = known_left - known_right
            if outcome.kind is BalanceKind.HOLDS:
                text, colour = "0 ✓", "color: #1e7d32;"
            elif outcome.kind is BalanceKind.NEEDS:
                text, colour = self.tr("空白应为 {0}").format(format_value(outcome.needed)), "color: #b35c00;"
            elif outcome.kind is BalanceKind.OPEN:
                text, colour = self.tr("有空白"), "color: #888;"
            else:
                text, colour = f"{diff:+}", "color: #c0392b; font-weight: bold;"
            diff_label.setText(text)
            diff_label.setStyleSheet(colour)
            blank = None in (*left, *right) or left_partial or right_partial
            diff_label.setToolTip(self.tr("空白不是 0：请填写实际数字，没有的填 0。") if blank else "")
