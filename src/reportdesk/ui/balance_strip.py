"""Under the applications table: 一 + 二 beside （七）总计 + 四 for every column, with the difference.

The table's header states the 勾稽关系 of every column; the strip keeps it in view while
the clerk types.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from reportdesk.core.form import TableDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)

LEFT_ROWS = ("received", "carried_over")
RIGHT_ROWS = ("handled_total", "carried_forward")


def _sum(values: list[Value]) -> Value:
    present = [v for v in values if v is not None]
    return sum(present) if present else None  # type: ignore[return-value]


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

    def sums(self, column: str) -> tuple[Value, Value]:
        values = self.controller.values
        left = _sum([values.get(f"{self.table.id}.{r}.{column}") for r in LEFT_ROWS])
        right = _sum([values.get(f"{self.table.id}.{r}.{column}") for r in RIGHT_ROWS])
        return left, right

    def refresh(self, _changes: object = None) -> None:
        for column, (left_label, right_label, diff_label) in self.cells.items():
            left, right = self.sums(column)
            left_label.setText(format_value(left) or "—")
            right_label.setText(format_value(right) or "—")
            if left is None and right is None:
                diff_label.setText("—")
                diff_label.setStyleSheet("color: #888;")
                continue
            diff = (left or 0) - (right or 0)
            diff_label.setText("0 ✓" if diff == 0 else f"{diff:+}")
            diff_label.setStyleSheet("color: #1e7d32;" if diff == 0 else "color: #c0392b; font-weight: bold;")
