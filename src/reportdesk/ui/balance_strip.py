"""Under a table: both sides of its balance rule for every column, with the difference.

Which rule is shown is data (``roles = ["balance_strip"]`` in the form; for the 2021 format the
勾稽关系 一 + 二 = （七）总计 + 四 that the applications table's header states); the strip evaluates
that rule's instances, one column each, while the clerk types.  A blank term shows as 空 (it is
not 0): when the blanks of one side could balance the column the strip says what they must hold,
as the rule does (:func:`reportdesk.core.rules.balance`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from reportdesk.core.equations import instance_name, side_cells, side_name
from reportdesk.core.form import RuleDef, RuleRole, TableDef
from reportdesk.core.numbers import Value, format_value
from reportdesk.core.report import partly_blank
from reportdesk.core.rules import BalanceKind, balance
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)


def side_text(values: list[Value], partial: int = 0) -> str:
    """One side as shown: "5", "5 + 空" (a blank term, or a total with blank parts, is not 0), "空"."""
    present = [v for v in values if v is not None]
    blank = QCoreApplication.translate("BalanceStrip", "空")
    if not present:
        return blank
    total = format_value(sum(present))
    return total if len(present) == len(values) and not partial else f"{total} + {blank}"


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

    def refresh(self, _changes: object = None) -> None:
        values = self.controller.values
        partial = partly_blank(self.controller.form, values)
        for key, (left_label, right_label, diff_label) in self.cells.items():
            rule = self._instances[key]
            left_cells, right_cells = side_cells(rule, "left"), side_cells(rule, "right")
            left = [values.get(c) for c in left_cells]
            right = [values.get(c) for c in right_cells]
            # a total with blank parts is a figure plus blanks, counted as one more blank term
            left_partial = sum(c in partial for c in left_cells)
            right_partial = sum(c in partial for c in right_cells)
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
            left_open = left.count(None) + left_partial
            right_open = right.count(None) + right_partial
            if outcome.kind is BalanceKind.HOLDS and (left_open or right_open):
                # equal so far, but blanks are not zeros: no tick until they are filled in
                if left_open and right_open:
                    text, colour = self.tr("有空白"), "color: #888;"
                else:
                    text, colour = self.tr("空白应为 {0}").format(0), "color: #b35c00;"
            elif outcome.kind is BalanceKind.HOLDS:
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
