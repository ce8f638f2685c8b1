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
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reportdesk.documents.options import FONT_SET_NAMES, ExportOptions, FontSet
from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)


def export_base_name(agency: str, year: int | None) -> str:
    name = "".join(ch for ch in agency if ch not in '\\/:*?"<>|').strip() or "本单位"
    return f"{name}{year or ''}年度政府信息公开工作年度报告"


class ExportPanel(QGroupBox):
    sig_export_finished = Signal(object, str)  # list[Path] written, error message ("" when fine)

    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(self_tr("导出"), parent)
        self.controller = controller
        self.written: list[Path] = []
        self.error = ""
        from reportdesk.documents.pdf import find_soffice

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
        self.folder = QLineEdit(str(Path(controller.session.path).parent), self)
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

    def _check_fonts(self) -> None:
        from reportdesk.ui.fonts import font_report, installed_families

        self.font_check.setText(font_report(FontSet(self.fonts.currentData()), installed_families()))

    def options(self) -> ExportOptions:
        return ExportOptions(
            fonts=FontSet(self.fonts.currentData()),
            appendix=self.appendix_box.isChecked(),
            sign_off=self.sign_box.isChecked(),
            sign_off_date=self.sign_date.text().strip(),
        )

    def targets(self) -> dict[str, Path]:
        report = self.controller.session.report
        base = Path(self.folder.text().strip() or ".") / export_base_name(report.agency, report.year)
        chosen = {"docx": self.word_box, "xlsx": self.excel_box, "pdf": self.pdf_box}
        return {
            kind: base.with_suffix(f".{kind}")
            for kind, box in chosen.items()
            if box.isChecked() and box.isEnabled()
        }

    def start_export(self) -> bool:
        targets = self.targets()
        if not targets:
            self.result.setText(self.tr("请至少选择一种格式。"))
            return False
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
        self, report: object, targets: dict[str, Path], options: ExportOptions, findings: list,
        accepted: dict[str, str] | None = None,
    ) -> None:
        from reportdesk.documents.export import export_report
        from reportdesk.documents.files import ExportError

        try:
            written = export_report(  # type: ignore[arg-type]
                report, options=options, findings=findings, accepted=accepted, **targets
            )
        except ExportError as exc:
            self.sig_export_finished.emit([], exc.message)
            return
        except Exception as exc:  # reported to the user, logged with the traceback
            log.exception("export failed")
            self.sig_export_finished.emit([], self_tr("导出失败：{0}").format(exc))
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


def self_tr(text: str) -> str:
    """Translate a string outside a widget method (same context as the panel)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ExportPanel", text)
