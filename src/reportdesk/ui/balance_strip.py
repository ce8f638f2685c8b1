"""Under a table: both sides of its balance rule for every column, with the difference.

Which rule is shown is data (``roles = ["balance_strip"]`` in the form; for the 2021 format the
勾稽关系 一 + 二 = （七）总计 + 四 that the applications table's header states); the strip evaluates
that rule's instances, one column each, while the clerk types.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from reportdesk.core.equations import instance_name, side_name, side_value
from reportdesk.core.form import RuleDef, RuleRole, TableDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)


def strip_rules(controller: DraftController, table: TableDef) -> tuple[RuleDef, ...]:
    """The rule instances the strip under *table* shows (none: no strip)."""
    return controller.form.rules_with_role(RuleRole.BALANCE_STRIP, table.id)


class BalanceStrip(QFrame):
    def __init__(self, controller: DraftController, table: TableDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BalanceStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.controller = controller
        self.table = table
        self.rules = strip_rules(controller, table)
        form = controller.form
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setHorizontalSpacing(14)
        layout.setVerticalSpacing(2)
        first = self.rules[0]
        titles = [self.tr("勾稽关系"), side_name(form, first, "left"), side_name(form, first, "right"), self.tr("差额")]
        for r, title in enumerate(titles):
            label = QLabel(title, self)
            label.setStyleSheet("font-weight: bold;")
            layout.addWidget(label, r, 0)
        # keyed by the instance's "for each" value(s): the column id for the 2021 balance rule
        self.cells: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self._instances: dict[str, RuleDef] = {}
        for c, rule in enumerate(self.rules, start=1):
            head = QLabel(instance_name(form, rule), self)
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            layout.addWidget(head, 0, c)
            left, right, diff = QLabel(self), QLabel(self), QLabel(self)
            for r, label in enumerate((left, right, diff), start=1):
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
                layout.addWidget(label, r, c)
            key = ".".join(v for _, v in rule.binding) or str(c)
            self.cells[key] = (left, right, diff)
            self._instances[key] = rule
        layout.setColumnStretch(len(self.rules) + 1, 1)
        controller.sig_changed.connect(self.refresh)
        self.refresh()

    def sums(self, rule: RuleDef) -> tuple[Value, Value]:
        values = self.controller.values
        return side_value(rule, "left", values), side_value(rule, "right", values)

    def refresh(self, _changes: object = None) -> None:
        for key, (left_label, right_label, diff_label) in self.cells.items():
            left, right = self.sums(self._instances[key])
            left_label.setText(format_value(left) or "—")
            right_label.setText(format_value(right) or "—")
            if left is None and right is None:
                diff_label.setText("—")
                diff_label.setStyleSheet("color: #888;")
                continue
            diff = (left or 0) - (right or 0)
            diff_label.setText("0 ✓" if diff == 0 else f"{diff:+}")
            diff_label.setStyleSheet("color: #1e7d32;" if diff == 0 else "color: #c0392b; font-weight: bold;")
