"""The findings of the draft: errors first, then warnings; a click goes to the cells."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from reportdesk.core.findings import Finding

log = logging.getLogger(__name__)

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsPanel(QWidget):
    sig_finding_activated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._on_item_activated)
        self.list.itemActivated.connect(self._on_item_activated)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.findings: list[Finding] = []
        style = self.style()
        self._icons = {
            True: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            False: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }

    def set_findings(self, findings: list[Finding]) -> None:
        if findings == self.findings:
            return
        self.findings = list(findings)
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        for f in self.findings:
            item = QListWidgetItem(self._icons[f.is_error], f.message)
            tip = f.message + (f"\n{f.advice}" if f.advice else "")
            item.setToolTip(tip)
            item.setData(FINDING_ROLE, f)
            self.list.addItem(item)
        self.list.setUpdatesEnabled(True)
        errors = sum(1 for f in self.findings if f.is_error)
        warnings = len(self.findings) - errors
        if not self.findings:
            self.summary.setText(self.tr("没有发现问题。"))
        else:
            self.summary.setText(self.tr("{0} 个错误，{1} 个提示").format(errors, warnings))

    def counts(self) -> tuple[int, int]:
        errors = sum(1 for f in self.findings if f.is_error)
        return errors, len(self.findings) - errors

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if finding is not None:
            self.sig_finding_activated.emit(finding)
