"""The guided work area for one open draft: navigator, section pages, guidance and findings."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reportdesk.core.findings import Finding
from reportdesk.core.form import SectionKind
from reportdesk.ui.controller import DraftController
from reportdesk.ui.export_page import ExportPage
from reportdesk.ui.findings_panel import FindingsPanel
from reportdesk.ui.guidance_pane import GuidancePane
from reportdesk.ui.meta_page import MetaPage
from reportdesk.ui.navigator import SectionNavigator
from reportdesk.ui.signals import emit
from reportdesk.ui.steps import EXPORT_STEP, META_STEP, finding_section, step_state, steps
from reportdesk.ui.table_page import TableSectionPage
from reportdesk.ui.text_page import TextSectionPage

log = logging.getLogger(__name__)

META_GUIDANCE = """单位名称写全称，与公章一致；报告年度是统计的年度（通常为上一年）。
联系科室、电话、邮箱、通信地址会写入报告的前言或结尾，方便公众咨询。
前言一般写明编制依据（《条例》和国办公开办函〔2021〕30号）、统计期限、电子版发布网址和联系方式。"""
EXPORT_GUIDANCE = """导出前请处理全部错误：有错误的报告会被审核退回。
提示不一定是错误，但每一条都请核对一遍。
导出的 Word 文件按官方格式排版，表格与官方表格一致。"""


class DraftWorkspace(QWidget):
    sig_message = Signal(str)

    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.form = controller.form
        self.steps = steps(self.form)
        self.pages: dict[str, QWidget] = {}

        self.navigator = SectionNavigator(self.steps, self)
        self.stack = QStackedWidget(self)
        self.guidance = GuidancePane(self)
        self.findings_panel = FindingsPanel(self)
        self.prev_button = QPushButton(self.tr("上一步"), self)
        self.next_button = QPushButton(self.tr("下一步"), self)
        self.prev_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)

        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        centre_layout.addLayout(buttons)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.guidance)
        findings_box = self.findings_box = QWidget(right)
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        findings_layout.addWidget(QLabel(self.tr("<b>检查结果</b>"), findings_box))
        findings_layout.addWidget(self.findings_panel, 1)
        right.addWidget(findings_box)
        right.setSizes([200, 400])

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigator)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 920, 270])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.navigator.sig_step_selected.connect(self.go_to_step)
        self.findings_panel.sig_finding_activated.connect(self.show_finding)
        controller.sig_findings_changed.connect(self._on_findings_changed)
        self._on_findings_changed(controller.findings)
        self.go_to_step(META_STEP)

    # --- pages (built when first shown) ---------------------------------------------------

    def page(self, step: str) -> QWidget:
        if step not in self.pages:
            self.pages[step] = self._build_page(step)
            self.stack.addWidget(self.pages[step])
        return self.pages[step]

    def _build_page(self, step: str) -> QWidget:
        if step == META_STEP:
            return MetaPage(self.controller, self)
        if step == EXPORT_STEP:
            page = ExportPage(self.controller, self)
            page.sig_finding_activated.connect(self.show_finding)
            return page
        section = self.form.section(step)
        if section.kind is SectionKind.TEXT:
            return TextSectionPage(self.controller, section.id, section.heading, section.subheadings, self)
        assert section.table is not None
        return TableSectionPage(self.controller, section, self.form.tables[section.table], self)

    def current_step(self) -> str:
        return self.navigator.current_step()

    def go_to_step(self, step: str) -> None:
        self.commit_pending()
        page = self.page(step)
        self.stack.setCurrentWidget(page)
        self.navigator.select_step(step)
        self.findings_box.setVisible(step != EXPORT_STEP)  # the export page lists them itself
        if step == META_STEP:
            self.guidance.show_guidance(self.tr("基本信息"), META_GUIDANCE)
        elif step == EXPORT_STEP:
            self.guidance.show_guidance(self.tr("检查与导出"), EXPORT_GUIDANCE)
            assert isinstance(page, ExportPage)
            page.refresh()
        else:
            section = self.form.section(step)
            self.guidance.show_guidance(section.heading, section.guidance)
        ids = self.navigator.step_ids()
        self.prev_button.setEnabled(ids.index(step) > 0)
        self.next_button.setEnabled(ids.index(step) < len(ids) - 1)
        if isinstance(page, TableSectionPage):
            page.view.setFocus()
        elif isinstance(page, TextSectionPage):
            page.editor.setFocus()

    def go_next(self) -> None:
        ids = self.navigator.step_ids()
        i = ids.index(self.current_step())
        if i + 1 < len(ids):
            self.go_to_step(ids[i + 1])

    def go_previous(self) -> None:
        ids = self.navigator.step_ids()
        i = ids.index(self.current_step())
        if i > 0:
            self.go_to_step(ids[i - 1])

    def commit_pending(self) -> None:
        """Hand any text still being typed to the session (before a save, a check, a step change)."""
        for page in self.pages.values():
            if isinstance(page, TextSectionPage | MetaPage):
                page.commit()

    # --- findings -----------------------------------------------------------------------------

    def _on_findings_changed(self, findings: list[Finding]) -> None:
        self.findings_panel.set_findings(findings)
        report = self.controller.session.report
        values = self.controller.values
        self.navigator.set_states(
            {s.id: step_state(self.form, s.id, report, values, findings) for s in self.steps}
        )

    def check_all(self) -> tuple[int, int]:
        self.commit_pending()
        self.controller.refresh_findings()
        errors, warnings = self.findings_panel.counts()
        emit(self.sig_message, self.tr("全部检查完成：{0} 个错误，{1} 个提示。").format(errors, warnings))
        return errors, warnings

    def show_finding(self, finding: Finding) -> None:
        section = finding_section(self.form, finding)
        if section is None:
            return
        self.go_to_step(section)
        page = self.page(section)
        if isinstance(page, TableSectionPage):
            page.view.select_cells([c for c in finding.cells if c in self.form.cells])
        elif isinstance(page, TextSectionPage) and finding.excerpt:
            page.editor.find(finding.excerpt)
        emit(self.sig_message, finding.message)
