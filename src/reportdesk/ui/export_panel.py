"""The export controls of 检查与导出: formats, layout options, target folder, and the result.

The export runs on one background thread (a PDF through LibreOffice takes seconds) on a
copy of the report; the widgets are only touched back on the GUI thread, through
``sig_export_finished``.  The office libraries are imported by the export itself, never
at start-up.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reportdesk.app.exporting import FONT_SET_NAMES, ExportOptions, FontSet, internal_note
from reportdesk.core.file_names import export_file_name
from reportdesk.core.report import Report
from reportdesk.ui.controller import DraftController
from reportdesk.ui.settings import app_settings

log = logging.getLogger(__name__)


EXPORT_KEY = "export/"


def documents_folder() -> Path:
    """The user's Documents folder (the default export folder), or the home folder."""
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def free_name(path: Path) -> Path:
    """*path*, or "name-2.ext", "name-3.ext" … when it exists."""
    n, candidate = 2, path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


class ExportPanel(QGroupBox):
    sig_export_finished = Signal(object, str)  # list[Path] written, error message ("" when fine)

    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ExportPanel", "导出"), parent)
        self.controller = controller
        self.written: list[Path] = []
        self.error = ""
        from reportdesk.app.exporting import find_soffice

        has_pdf = find_soffice() is not None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        formats = QHBoxLayout()
        self.word_box = QCheckBox(self.tr("Word（.docx）"), self)
        self.word_box.setChecked(True)
        self.excel_box = QCheckBox(self.tr("Excel（.xlsx）"), self)
        self.pdf_box = QCheckBox(self.tr("PDF"), self)
        self.pdf_box.setEnabled(has_pdf)
        if not has_pdf:
            self.pdf_box.setToolTip(
                self.tr("未找到 LibreOffice，无法生成 PDF。可导出 Word 后在 Word / WPS 中另存为 PDF。")
            )
        for box in (self.word_box, self.excel_box, self.pdf_box):
            formats.addWidget(box)
        formats.addStretch(1)
        form.addRow(self.tr("格式"), formats)
        self.fonts = QComboBox(self)
        for font_set, name in FONT_SET_NAMES.items():
            self.fonts.addItem(name, font_set.value)
        form.addRow(self.tr("字体"), self.fonts)
        self.font_check = QLabel(self)
        self.font_check.setWordWrap(True)
        self.font_check.setStyleSheet("color: #555;")
        form.addRow("", self.font_check)
        self.fonts.currentIndexChanged.connect(self._check_fonts)
        self._check_fonts()
        self.appendix_box = QCheckBox(self.tr("三张统计表放在文末附件中（默认放在第二、三、四部分下）"), self)
        form.addRow(self.tr("表格位置"), self.appendix_box)
        sign = QHBoxLayout()
        self.sign_box = QCheckBox(self.tr("文末署名单位和日期"), self)
        self.sign_date = QLineEdit(controller.session.report.meta.get("publish_date", ""), self)
        self.sign_date.setPlaceholderText(self.tr("如 2024-01-20，可留空"))
        sign.addWidget(self.sign_box)
        sign.addWidget(self.sign_date, 1)
        form.addRow(self.tr("署名"), sign)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(documents_folder()), self)
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("保存到"), folder_row)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("导出"), self)
        self.export_button.setMinimumHeight(32)
        self.export_button.clicked.connect(self.start_export)
        self.open_file_button = QPushButton(self.tr("打开文件"), self)
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹"), self)
        self.open_file_button.clicked.connect(self._open_file)
        self.open_folder_button.clicked.connect(self._open_folder)
        for button in (self.export_button, self.open_file_button, self.open_folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.open_file_button.setVisible(False)
        self.open_folder_button.setVisible(False)
        self.sig_export_finished.connect(self._on_export_finished)
        self.question_box: QMessageBox | None = None
        self._restore_choices()

    # --- remembered choices ----------------------------------------------------------------

    def _restore_choices(self) -> None:
        settings = app_settings()

        def flag(key: str, default: bool) -> bool:
            return str(settings.value(EXPORT_KEY + key, "true" if default else "false")).lower() == "true"

        self.word_box.setChecked(flag("word", True))
        self.excel_box.setChecked(flag("excel", False))
        if self.pdf_box.isEnabled():
            self.pdf_box.setChecked(flag("pdf", False))
        self.appendix_box.setChecked(flag("appendix", False))
        self.sign_box.setChecked(flag("sign_off", False))
        index = self.fonts.findData(str(settings.value(EXPORT_KEY + "fonts", "")))
        if index >= 0:
            self.fonts.setCurrentIndex(index)
        folder = str(settings.value(EXPORT_KEY + "folder", "") or "")
        if folder and Path(folder).is_dir():
            self.folder.setText(folder)

    def _save_choices(self) -> None:
        settings = app_settings()
        for key, box in (("word", self.word_box), ("excel", self.excel_box), ("pdf", self.pdf_box),
                         ("appendix", self.appendix_box), ("sign_off", self.sign_box)):
            if box.isEnabled():
                settings.setValue(EXPORT_KEY + key, "true" if box.isChecked() else "false")
        settings.setValue(EXPORT_KEY + "fonts", self.fonts.currentData())
        settings.setValue(EXPORT_KEY + "folder", self.folder.text().strip())
        settings.sync()

    def error_count(self) -> int:
        return sum(1 for f in self.controller.findings if f.is_error)

    def _check_fonts(self) -> None:
        from reportdesk.ui.fonts import font_report, installed_families

        self.font_check.setText(font_report(FontSet(self.fonts.currentData()), installed_families()))

    def options(self) -> ExportOptions:
        return ExportOptions(
            fonts=FontSet(self.fonts.currentData()),
            appendix=self.appendix_box.isChecked(),
            sign_off=self.sign_box.isChecked(),
            sign_off_date=self.sign_date.text().strip(),
            internal_note=internal_note(self.error_count()),
        )

    def targets(self) -> dict[str, Path]:
        report = self.controller.session.report
        folder = self.folder.text().strip() or "."
        chosen = {"docx": self.word_box, "xlsx": self.excel_box, "pdf": self.pdf_box}
        return {
            kind: Path(folder) / export_file_name(report.agency, report.year, f".{kind}", folder=folder)
            for kind, box in chosen.items()
            if box.isChecked() and box.isEnabled()
        }

    def start_export(self) -> bool:
        """Export, asking first when the report has errors or a file would be replaced.

        True when the export started at once; False when it asks (it starts once answered) or refuses.
        """
        targets = self.targets()
        if not targets:
            self.result.setText(self.tr("请至少选择一种格式。"))
            return False
        folder = Path(self.folder.text().strip() or ".")
        if not folder.is_dir():
            self.result.setText(self.tr("文件夹“{0}”不存在，请重新选择保存位置。").format(folder))
            self.result.setStyleSheet("color: #c0392b;")
            return False
        errors = self.error_count()
        if errors:
            self._ask(
                self.tr("报告还有错误"),
                self.tr("报告还有 {0} 个错误，导出的文件会被审核退回。\n\n仍要导出吗？导出的文件每页页眉标有"
                        "“内部审阅稿 — 尚有 {0} 个错误”，只宜内部审阅。").format(errors),
                [(self.tr("仍然导出（内部审阅稿）"), QMessageBox.ButtonRole.AcceptRole,
                  lambda: self._check_existing(targets))],
            )
            return False
        return self._check_existing(targets)

    def _ask(self, title: str, text: str,
             choices: list[tuple[str, QMessageBox.ButtonRole, Callable[[], object]]]) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, self)
        actions: dict[QPushButton, Callable[[], object]] = {}
        for label, role, then in choices:
            actions[box.addButton(label, role)] = then
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_result: int) -> None:
            clicked = box.clickedButton()
            then = next((action for button, action in actions.items() if button is clicked), None)
            self.question_box = None
            if then is None:
                self.result.setText(self.tr("已取消导出，没有写入任何文件。"))
                self.result.setStyleSheet("color: #555;")
                return
            then()

        box.finished.connect(done)
        self.question_box = box
        box.open()

    def _check_existing(self, targets: dict[str, Path]) -> bool:
        existing = [p for p in targets.values() if p.exists()]
        if not existing:
            return self._run_export(targets)
        renamed = {kind: free_name(path) for kind, path in targets.items()}
        names = "\n".join(f"· {p.name}" for p in existing)
        self._ask(
            self.tr("文件已存在"),
            self.tr("保存位置已有同名文件：\n{0}\n\n可以另存为新文件（{1}），或覆盖原文件。").format(
                names, "、".join(p.name for p in renamed.values())),
            [(self.tr("另存为新文件"), QMessageBox.ButtonRole.AcceptRole, lambda: self._run_export(renamed)),
             (self.tr("覆盖原文件"), QMessageBox.ButtonRole.DestructiveRole, lambda: self._run_export(targets))],
        )
        return False

    def _run_export(self, targets: dict[str, Path]) -> bool:
        self._save_choices()
        self.controller.flush()
        report = copy.deepcopy(self.controller.session.report)
        findings = list(self.controller.findings)
        accepted = self.controller.accepted()
        options = self.options()
        self.export_button.setEnabled(False)
        self.open_file_button.setVisible(False)
        self.open_folder_button.setVisible(False)
        self.result.setText(self.tr("正在导出…"))
        thread = threading.Thread(
            target=self._export,
            args=(report, targets, options, findings, accepted),
            name="reportdesk-export",
            daemon=True,
        )
        thread.start()
        return True

    def _export(
        self, report: Report, targets: dict[str, Path], options: ExportOptions, findings: list,
        accepted: dict[str, str] | None = None,
    ) -> None:
        from reportdesk.app.exporting import ExportError, export_report

        try:
            written = export_report(
                report, options=options, findings=findings, accepted=accepted, **targets
            )
        except ExportError as exc:
            self.sig_export_finished.emit([], exc.message)
            return
        except Exception as exc:  # a bug: the crash handler logs it; the panel says what kind of failure
            from reportdesk.ui.crash import describe, report_crash

            report_crash(type(exc), exc, exc.__traceback__)
            self.sig_export_finished.emit([], QCoreApplication.translate("ExportPanel", "导出失败：{0}").format(describe(exc)))
            return
        self.sig_export_finished.emit(written, "")

    def _on_export_finished(self, written: list[Path], error: str) -> None:
        self.written = list(written)
        self.error = error
        self.export_button.setEnabled(True)
        if error:
            self.result.setText(error)
            self.result.setStyleSheet("color: #c0392b;")
            return
        self.result.setStyleSheet("color: #1e7d32;")
        lines = [str(p) for p in written]
        substitutions = getattr(written, "font_substitutions", [])
        if substitutions:
            lines.append(self.tr("PDF 中替代的字体：") + "；".join(substitutions))
        self.result.setText(self.tr("已导出：\n") + "\n".join(lines))
        self.open_file_button.setVisible(True)
        self.open_folder_button.setVisible(True)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导出到"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _open_file(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0])))

    def _open_folder(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].parent)))
