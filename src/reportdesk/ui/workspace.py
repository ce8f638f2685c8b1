"""The guided work area for one open draft: navigator, section pages, guidance and findings."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeGuard

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reportdesk.core.findings import Finding, FindingAction
from reportdesk.core.form import SectionKind
from reportdesk.core.report import EXTRA_TEXTS
from reportdesk.ui.controller import DraftController
from reportdesk.ui.findings_panel import AcceptWarningDialog, FindingsPanel
from reportdesk.ui.guidance_pane import GuidancePane
from reportdesk.ui.meta_page import MetaPage
from reportdesk.ui.navigator import SectionNavigator
from reportdesk.ui.settings import app_settings
from reportdesk.ui.steps import EXPORT_STEP, META_STEP, finding_section, state_name, step_reason, step_state, steps

if TYPE_CHECKING:  # the other pages, the preview and the dialogs are imported when first used (a faster start)
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from reportdesk.ui.preview import PreviewPane
    from reportdesk.ui.table_page import TableSectionPage
    from reportdesk.ui.text_page import TextSectionPage

log = logging.getLogger(__name__)


def _is_table_page(page: object) -> TypeGuard[TableSectionPage]:
    """Whether *page* is a TableSectionPage, without importing the module when no such page was built."""
    module = sys.modules.get("reportdesk.ui.table_page")
    return module is not None and isinstance(page, module.TableSectionPage)


def _is_text_page(page: object) -> TypeGuard[TextSectionPage]:
    module = sys.modules.get("reportdesk.ui.text_page")
    return module is not None and isinstance(page, module.TextSectionPage)

USER_NAME_KEY = "review/name"
GUIDANCE_HIDDEN_KEY = "view/guidance_hidden"

class DraftWorkspace(QWidget):
    sig_message = Signal(str)

    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.form = controller.form
        self.steps = steps(self.form)
        self.pages: dict[str, QWidget] = {}

        self._reasons: dict[str, str] = {}
        self.navigator = SectionNavigator(self.steps, self)
        self.stack = QStackedWidget(self)
        self.guidance = GuidancePane(self)
        self.findings_panel = FindingsPanel(self)
        self.prev_button = QPushButton(self.tr("上一步"), self)
        self.next_button = QPushButton(self.tr("下一步"), self)
        self.prev_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.self_review_box = QCheckBox(self.tr("本部分已自查"), self)
        self.self_review_box.setToolTip(self.tr("自查后如再改动本部分的数字或文字，标记会变红，提醒重新自查。"))
        self.self_review_box.clicked.connect(self._on_self_review_clicked)
        self.preview_button = QPushButton(self.tr("预览"), self)
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip(self.tr("在右侧（代替填写说明）显示报告印出来的样子，随填写自动更新（F6）"))
        self.preview_button.toggled.connect(self.set_preview_visible)
        self.guidance_button = QPushButton(self.tr("隐藏说明"), self)
        self.guidance_button.setCheckable(True)
        self.guidance_button.setToolTip(self.tr("收起右侧的填写说明，给表格和文字留出更多地方（会记住）"))
        self.guidance_button.toggled.connect(self.set_guidance_hidden)
        self.reason_dialog: AcceptWarningDialog | None = None
        self.name_dialog: QInputDialog | None = None
        self.message_box: QMessageBox | None = None

        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        self.state_line = QLabel(centre)
        self.state_line.setWordWrap(True)
        self.state_line.setStyleSheet("color: #555;")
        centre_layout.addWidget(self.state_line)
        centre_layout.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.self_review_box)
        buttons.addStretch(1)
        buttons.addWidget(self.guidance_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.next_button)
        centre_layout.addLayout(buttons)

        right = self.right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.guidance)
        self._preview: PreviewPane | None = None  # built when first shown (F6)
        findings_box = self.findings_box = QWidget(right)
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        findings_layout.addWidget(QLabel(self.tr("<b>检查结果</b>"), findings_box))
        findings_layout.addWidget(self.findings_panel, 1)
        right.addWidget(findings_box)
        right.setSizes([200, 400])

        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigator)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 940, 260])  # scaled down together on a laptop screen
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.navigator.sig_step_selected.connect(self.go_to_step)
        self.findings_panel.sig_finding_activated.connect(self.show_finding)
        self._connect_findings_panel(self.findings_panel)
        controller.sig_findings_changed.connect(self._on_findings_changed)
        self._on_findings_changed(controller.findings)
        self.guidance_button.setChecked(str(app_settings().value(GUIDANCE_HIDDEN_KEY, "false")) == "true")
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
            from reportdesk.ui.export_page import ExportPage

            page = ExportPage(self.controller, self)
            page.sig_finding_activated.connect(self.show_finding)
            page.sig_complete_requested.connect(self.mark_complete)
            self._connect_findings_panel(page.findings)
            return page
        section = self.form.section(step)
        if section.kind is SectionKind.TEXT:
            from reportdesk.ui.text_page import TextSectionPage

            text_page = TextSectionPage(self.controller, section.id, section.heading, section.subheadings, self)
            text_page.sig_cells_requested.connect(self.show_cells)
            return text_page
        assert section.table is not None
        from reportdesk.ui.table_page import TableSectionPage

        return TableSectionPage(self.controller, section, self.form.tables[section.table], self)

    def current_step(self) -> str:
        return self.navigator.current_step()

    def go_to_step(self, step: str) -> bool:
        """Show *step*; False when the current page keeps a figure that is not valid (it stays shown)."""
        shown = self.stack.currentWidget()
        if _is_table_page(shown) and shown is not self.pages.get(step):
            refusal = shown.commit_editor()
            if refusal is not None:  # stay: the refused text is still in its cell, with the reason
                self.navigator.list.blockSignals(True)
                self.navigator.select_step(self.step_of_widget(shown))
                self.navigator.list.blockSignals(False)
                shown.message.setText(self.tr("{0}（改正或按 Esc 取消后才能离开本页）").format(refusal.rstrip("。")))
                return False
        self.commit_pending()
        page = self.page(step)
        self.stack.setCurrentWidget(page)
        self.navigator.select_step(step)
        self.findings_box.setVisible(step != EXPORT_STEP)  # the export page lists them itself
        if step == META_STEP:
            self.guidance.show_guidance(self.tr("基本信息"), self.form.preamble_guidance, self.form.preamble_examples)
        elif step == EXPORT_STEP:
            self.guidance.show_guidance(self.tr("检查与导出"), self.tr(
                "导出前请处理全部错误：有错误的报告会被审核退回。\n"
                "提示不一定是错误，但每一条都请核对一遍。\n"
                "导出的 Word 文件按官方格式排版，表格与官方表格一致。"))
            from reportdesk.ui.export_page import ExportPage

            assert isinstance(page, ExportPage)
            page.refresh()
        else:
            section = self.form.section(step)
            self.guidance.show_guidance(section.heading, section.guidance, section.examples)
        self._update_self_review_box()
        self._update_state_line()
        ids = self.navigator.step_ids()
        self.prev_button.setEnabled(ids.index(step) > 0)
        self.next_button.setEnabled(ids.index(step) < len(ids) - 1)
        if _is_table_page(page):
            page.view.setFocus()
        elif _is_text_page(page):
            page.editor.setFocus()
        return True

    def _update_state_line(self) -> None:
        """The current step's state and why, above its page (the same text as the navigator's tooltip)."""
        step = self.current_step()
        if not step or not hasattr(self, "state_line"):
            return
        state = self.navigator.state(step)
        self.state_line.setText(self.tr("状态：{0}。{1}").format(state_name(state), self._reasons.get(step, "")))

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
            if _is_text_page(page) or isinstance(page, MetaPage):
                page.commit()
            elif _is_table_page(page) and page.commit_editor() is not None:
                log.info("a cell's text that is not a figure was not written")

    # --- findings -----------------------------------------------------------------------------

    def _on_findings_changed(self, findings: list[Finding]) -> None:
        acceptances = self.controller.acceptances
        self.findings_panel.set_findings(findings, acceptances)
        report = self.controller.session.report
        values = self.controller.values
        open_findings = [f for f in findings if not self.findings_panel.is_accepted(f)]
        states = {s.id: step_state(self.form, s.id, report, values, open_findings) for s in self.steps}
        self._reasons = {s.id: step_reason(self.form, s.id, report, values, open_findings, states[s.id])
                         for s in self.steps}
        self.navigator.set_states(states, self._reasons)
        self._update_state_line()
        self.navigator.set_self_reviews(self.controller.session.section_self_reviews())
        self.navigator.set_completion(self.controller.session.completion())
        self._update_self_review_box()

    def check_all(self) -> tuple[int, int]:
        self.commit_pending()
        self.controller.refresh_findings()
        errors, warnings = self.findings_panel.counts()
        self.sig_message.emit(self.tr("全部检查完成：{0} 个错误，{1} 个提示。").format(errors, warnings))
        return errors, warnings

    def show_finding(self, finding: Finding) -> None:
        section = finding_section(self.form, finding)
        if section in EXTRA_TEXTS:  # the preamble is written on the 基本信息 page
            section = META_STEP
        if section is None or not self.go_to_step(section):
            return
        page = self.page(section)
        if isinstance(page, MetaPage):
            page = page.preamble
        if _is_table_page(page):
            page.view.select_cells([c for c in finding.cells if c in self.form.cells])
        elif _is_text_page(page):
            page.show_finding(finding)
            self._select_in_table(finding.cells)
        self.sig_message.emit(finding.message)

    def _select_in_table(self, cell_ids: tuple[str, ...] | list[str]) -> TableSectionPage | None:
        """Select *cell_ids* in their table page (built if needed) without leaving the current page."""
        cells = [c for c in cell_ids if c in self.form.cells]
        if not cells:
            return None
        page = self.page(self.form.section_of_cell(cells[0]).id)
        assert _is_table_page(page)
        page.view.select_cells(cells)
        return page

    def step_of_widget(self, widget: QWidget) -> str:
        """The step whose page holds *widget* ("" when none)."""
        for step, page in self.pages.items():
            if page.isAncestorOf(widget):
                return step
        return ""

    def step_title(self, step: str) -> str:
        if step == META_STEP:
            return self.tr("基本信息")
        if step == EXPORT_STEP:
            return self.tr("检查与导出")
        return self.form.section(step).heading

    def reveal_cells(self, cell_ids: list[str]) -> bool:
        """Show the page of *cell_ids* and select them (before undo or redo changes them).

        False when the page cannot be shown (a figure that is not valid is open on this one).
        """
        cells = [c for c in cell_ids if c in self.form.cells]
        if not cells:
            return True
        step = self.form.section_of_cell(cells[0]).id
        if self.current_step() != step and not self.go_to_step(step):
            return False
        page = self.page(step)
        assert _is_table_page(page)
        page.view.select_cells(cells)
        return True

    def show_cells(self, cell_ids: list[str]) -> None:
        """Go to the table holding *cell_ids* and select them (查看表格中的数字)."""
        cells = [c for c in cell_ids if c in self.form.cells]
        if not cells or not self.go_to_step(self.form.section_of_cell(cells[0]).id):
            return
        self._select_in_table(cells)

    # --- accepted warnings ------------------------------------------------------------------

    def _connect_findings_panel(self, panel: FindingsPanel) -> None:
        panel.sig_accept_requested.connect(self.ask_accept_warning)
        panel.sig_withdraw_requested.connect(self.controller.withdraw_warning)
        panel.sig_action_requested.connect(self.apply_finding_action)

    def apply_finding_action(self, finding: Finding) -> None:
        """将空白单元格填为 0 from a blank finding: on its table page, as its own fill button does."""
        if finding.action is not FindingAction.FILL_BLANKS:
            return
        cells = [c for c in finding.cells if c in self.form.cells]
        if not cells:
            return
        if not self.go_to_step(self.form.section_of_cell(cells[0]).id):
            return  # never fill out of sight
        page = self.page(self.form.section_of_cell(cells[0]).id)
        assert _is_table_page(page)
        count = page.fill_blanks(cells)
        self.sig_message.emit(self.tr("已将 {0} 个空白单元格填为 0（可撤销）。").format(count))

    def ask_accept_warning(self, finding: Finding) -> AcceptWarningDialog | None:
        """Ask for the reason (non-blocking); the warning is accepted when the dialog is."""
        if finding.is_error:
            self.sig_message.emit(self.tr("错误不能接受，只能改正。"))
            return None
        dialog = AcceptWarningDialog(finding, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.controller.accept_warning(finding, dialog.reason_text()))
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    # --- 已自查 and 已完成 ---------------------------------------------------------------------

    def with_user_name(self, then: Callable[[str], None]) -> None:
        """Call *then* with the clerk's name: asked once (non-blocking) and kept in the settings."""
        settings = app_settings()
        name = str(settings.value(USER_NAME_KEY) or "").strip()
        if name:
            then(name)
            return
        from PySide6.QtWidgets import QDialog, QInputDialog

        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("填写姓名"))
        dialog.setLabelText(self.tr("请填写您的姓名（记录谁自查、谁标记完成；只需填写一次）："))
        dialog.setOkButtonText(self.tr("确定"))
        dialog.setCancelButtonText(self.tr("取消"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            value = dialog.textValue().strip()
            if result == QDialog.DialogCode.Accepted and value:
                settings.setValue(USER_NAME_KEY, value)
                settings.sync()
                then(value)
            else:
                self._update_self_review_box()

        dialog.finished.connect(done)
        self.name_dialog = dialog
        dialog.open()

    def _update_self_review_box(self) -> None:
        step = self.current_step()
        self.self_review_box.setVisible(step not in ("", EXPORT_STEP))
        if step in ("", EXPORT_STEP):
            return
        review = self.controller.session.section_self_reviews().get(step)
        self.self_review_box.blockSignals(True)
        self.self_review_box.setChecked(review is not None)
        self.self_review_box.blockSignals(False)
        if review is None:
            self.self_review_box.setText(self.tr("本部分已自查"))
            self.self_review_box.setStyleSheet("")
        elif review.current:
            self.self_review_box.setText(self.tr("本部分已自查（{0}，{1}）").format(review.by, review.when))
            self.self_review_box.setStyleSheet("color: #1e7d32;")
        else:
            self.self_review_box.setText(self.tr("本部分已自查，但之后有改动，请重新自查"))
            self.self_review_box.setStyleSheet("color: #c62828;")

    def _on_self_review_clicked(self, checked: bool) -> None:
        self.set_self_reviewed(self.current_step(), checked)

    def set_self_reviewed(self, step: str, reviewed: bool) -> None:
        """Tick (again) or untick *step* as 已自查."""
        self.commit_pending()
        review = self.controller.session.section_self_reviews().get(step)
        if not reviewed and review is not None and not review.current:
            reviewed = True  # a red tick clicked: the clerk has looked again, tick afresh
        if reviewed:
            self.with_user_name(lambda name: self._tick(step, name))
        else:
            self.controller.set_self_reviewed(step, None)
            self._update_self_review_box()

    def _tick(self, step: str, name: str) -> None:
        self.controller.set_self_reviewed(step, name)
        self._update_self_review_box()

    def mark_complete(self) -> None:
        """标记为已完成: re-run every check; refuse and show the errors while any remain."""
        self.commit_pending()
        self.with_user_name(self._complete)

    def _complete(self, name: str) -> None:
        errors = self.controller.mark_complete(name)
        if errors:
            shown = "\n".join(f"· {f.message}" for f in errors[:8])
            more = self.tr("\n…另有 {0} 个错误").format(len(errors) - 8) if len(errors) > 8 else ""
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("不能标记为已完成"),
                self.tr("还有 {0} 个错误，改正后才能标记为已完成：\n{1}{2}").format(len(errors), shown, more),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.message_box = box
            box.open()
            self.go_to_step(EXPORT_STEP)
            self.sig_message.emit(self.tr("还有 {0} 个错误，不能标记为已完成。").format(len(errors)))
            return
        review = self.controller.session.completion()
        if review is not None:
            self.sig_message.emit(self.tr("已标记为已完成（{0}，{1}）。").format(review.by, review.when))

    # --- preview ----------------------------------------------------------------------------

    def set_guidance_hidden(self, hidden: bool) -> None:
        """收起 / 显示 the guidance pane; remembered for the next start."""
        if self.guidance_button.isChecked() != hidden:
            self.guidance_button.setChecked(hidden)
            return
        self.guidance_button.setText(self.tr("显示说明") if hidden else self.tr("隐藏说明"))
        self.guidance.setVisible(not hidden and not self.preview_button.isChecked())
        settings = app_settings()
        settings.setValue(GUIDANCE_HIDDEN_KEY, "true" if hidden else "false")
        settings.sync()
    @property
    def preview(self) -> PreviewPane:
        """The 预览 pane, built the first time it is asked for; it takes the place of the guidance."""
        if self._preview is None:
            from reportdesk.ui.preview import PreviewPane

            self._preview = PreviewPane(self.controller, self.right)
            self._preview.setVisible(False)
            self.right.insertWidget(1, self._preview)
        return self._preview

    def set_preview_visible(self, visible: bool) -> None:
        if self.preview_button.isChecked() != visible:
            self.preview_button.setChecked(visible)  # comes back here through toggled
            return
        self.commit_pending()
        self.guidance.setVisible(not visible and not self.guidance_button.isChecked())
        self.preview.setVisible(visible)
        total = sum(self.splitter.sizes())
        side = 500 if visible else 270
        self.splitter.setSizes([220, max(total - 220 - side, 300), side])
        self.right.setSizes([0, 560, 240] if visible else [200, 0, 400])
