"""检查与导出: the summary of findings before the report leaves ReportDesk."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reportdesk.core.findings import Finding
from reportdesk.ui.controller import DraftController
from reportdesk.ui.findings_panel import FindingsPanel

log = logging.getLogger(__name__)


class ExportPage(QWidget):
    sig_finding_activated = Signal(object)  # Finding
    sig_complete_requested = Signal()

    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>检查与导出</h2>"), self))
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        complete_row = QHBoxLayout()
        self.complete_button = QPushButton(self.tr("标记为已完成…"), self)
        self.complete_button.setToolTip(
            self.tr("重新运行全部检查；没有错误时记录完成人和时间。有错误时不能标记。")
        )
        self.complete_button.clicked.connect(self.sig_complete_requested)
        self.completion = QLabel(self)
        self.completion.setWordWrap(True)
        complete_row.addWidget(self.complete_button)
        complete_row.addWidget(self.completion, 1)
        layout.addLayout(complete_row)
        self.findings = FindingsPanel(self)
        self.findings.sig_finding_activated.connect(self.sig_finding_activated)
        layout.addWidget(self.findings, 1)
        from reportdesk.ui.export_panel import ExportPanel

        self.export_panel = ExportPanel(controller, self)
        layout.addWidget(self.export_panel)
        controller.sig_findings_changed.connect(self._on_findings_changed)
        self.refresh()

    def refresh(self) -> None:
        self._on_findings_changed(self.controller.findings)

    def _on_findings_changed(self, findings: list[Finding]) -> None:
        self.findings.set_findings(findings, self.controller.acceptances)
        review = self.controller.session.completion()
        if review is None:
            self.completion.setText(self.tr("尚未标记为已完成。"))
            self.completion.setStyleSheet("color: #555;")
        elif review.current:
            self.completion.setText(self.tr("已完成：{0}，{1}").format(review.by, review.when))
            self.completion.setStyleSheet("color: #1e7d32; font-weight: bold;")
        else:
            self.completion.setText(
                self.tr("{0} 于 {1} 标记为已完成，之后又有修改，请重新标记。").format(review.by, review.when)
            )
            self.completion.setStyleSheet("color: #c62828;")
        errors, warnings = self.findings.counts()
        if errors:
            text = self.tr(
                "还有 {0} 个错误、{1} 个提示。错误会导致报告被退回，请先逐条处理（点击条目可直接定位）；"
                "现在导出的文件只宜供内部审阅。"
            )
            self.verdict.setStyleSheet("color: #c0392b; font-size: 14px;")
        elif warnings:
            text = self.tr("没有错误，还有 {1} 个提示，请逐条核对后再导出。")
            self.verdict.setStyleSheet("color: #8a4b00; font-size: 14px;")
        else:
            text = self.tr("全部检查通过，可以导出。")
            self.verdict.setStyleSheet("color: #1e7d32; font-size: 14px;")
        self.verdict.setText(text.format(errors, warnings))
