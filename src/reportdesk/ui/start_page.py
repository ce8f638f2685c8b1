"""The start page: 新建报告, 基于上年报告新建, 打开…, the recent drafts and 打开示例报告."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reportdesk.ui import file_filters
from reportdesk.ui.year_spin_box import YearSpinBox

if TYPE_CHECKING:
    from reportdesk.core.report import Report

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def default_report_year(today: dt.date | None = None) -> int:
    """Reports are compiled in January for the year just ended."""
    return (today or dt.date.today()).year - 1


class NewReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建报告"))
        layout = QFormLayout(self)
        self.agency = QLineEdit(self)
        self.agency.setPlaceholderText(self.tr("如：某市人力资源和社会保障局"))
        self.agency.setMinimumWidth(420)
        self.agency.textChanged.connect(self._fit_agency)
        self.year = YearSpinBox(self)
        from reportdesk.app.forms import LAST_YEAR, first_year

        self.year.setRange(first_year(), LAST_YEAR)  # the years some installed form applies to
        self.year.setValue(default_report_year())
        layout.addRow(self.tr("单位名称"), self.agency)
        layout.addRow(self.tr("报告年度"), self.year)
        # 基于上年报告新建: last year's report fills 上年结转 and runs the cross-year checks
        self.previous: Report | None = None
        self.previous_path: Path | None = None
        self.form_layout = layout
        previous_row = self.previous_row = QHBoxLayout()
        self.previous_label = QLabel(self.tr("（未选择，可以不选）"), self)
        self.previous_label.setStyleSheet("color: #555;")
        self.previous_label.setWordWrap(True)
        self.previous_button = QPushButton(self.tr("选择上年报告…"), self)
        self.previous_button.setToolTip(
            self.tr("上年的报告：{0}。\n"
                    "本年“上年结转”一行从上年“结转下年度继续办理”带入，并检查跨年度的一致性。").format(
                file_filters.readable_list())
        )
        self.previous_button.clicked.connect(self.choose_previous)
        self.previous_clear = QPushButton(self.tr("清除"), self)
        self.previous_clear.clicked.connect(lambda: self.set_previous(None, None))
        self.previous_clear.setVisible(False)
        previous_row.addWidget(self.previous_label, 1)
        previous_row.addWidget(self.previous_button)
        previous_row.addWidget(self.previous_clear)
        layout.addRow(self.tr("上年报告"), previous_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c0392b;")
        layout.addRow(self.error)
        layout.addRow(self.buttons)

    def _fit_agency(self, text: str) -> None:
        """Widen the field (and the dialog) so that a long agency name shows in full."""
        needed = self.agency.fontMetrics().horizontalAdvance(text) + 24
        screen = self.screen().availableGeometry().width() if self.screen() is not None else 1280
        width = max(420, min(needed, screen - 260))
        if width > self.agency.minimumWidth():
            self.agency.setMinimumWidth(width)
            self.adjustSize()

    def choose_previous(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择上年报告"), "", file_filters.report_filter()
        )
        if path:
            self.load_previous(Path(path))

    def load_previous(self, path: Path) -> bool:
        """Read last year's report from *path*; fill in the agency and the year after it."""
        from reportdesk.app.importing import ImportFailed, PreviousYearError, read_previous
        from reportdesk.ui.app_errors import previous_year_message

        try:
            report = read_previous(path)  # the year is checked when the draft is made (_on_accept)
        except ImportFailed as exc:
            self.error.setText(self.tr("无法读取上年报告 {0}：{1}").format(path.name, exc.message))
            return False
        except PreviousYearError as exc:
            self.error.setText(self.tr("{0} 不能作为上年报告：{1}").format(path.name, previous_year_message(exc)))
            return False
        self.set_previous(report, path)
        if report.agency and not self.agency.text().strip():
            self.agency.setText(report.agency)
        if report.year:
            self.year.setValue(min(max(report.year + 1, self.year.minimum()), self.year.maximum()))
        return True

    def hide_previous(self) -> None:
        """For an import: the file is this year's report, not last year's."""
        self.form_layout.setRowVisible(self.previous_row, False)

    def set_previous(self, report: Report | None, path: Path | None) -> None:
        self.previous, self.previous_path = report, path
        self.error.clear()
        if report is None or path is None:
            self.previous_label.setText(self.tr("（未选择，可以不选）"))
        else:
            self.previous_label.setText(
                self.tr("{0}（{1} {2}年）").format(path.name, report.agency or self.tr("未写单位"), report.year or "?")
            )
        self.previous_clear.setVisible(report is not None)

    def _on_accept(self) -> None:
        if not self.agency.text().strip():
            self.error.setText(self.tr("请填写单位名称，如“某市人力资源和社会保障局”。"))
            return
        if self.previous is not None:
            from reportdesk.app.previous_year import PreviousYearError, check_previous
            from reportdesk.ui.app_errors import previous_year_message

            try:
                check_previous(self.previous, self.year.value())
            except PreviousYearError as exc:
                self.error.setText(previous_year_message(exc))
                return
        self.accept()


class StartPage(QWidget):
    sig_new_requested = Signal()
    sig_new_from_previous_requested = Signal()
    sig_open_requested = Signal()
    sig_sample_requested = Signal()
    sig_recent_requested = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        title = QLabel(self.tr("<h1>政府信息公开工作年度报告</h1>"), self)
        subtitle = QLabel(self.tr("按官方规定的年度报告格式填报，边填边检查，随时自动保存。"), self)
        subtitle.setStyleSheet("color: #555;")
        layout.addWidget(title)
        layout.addWidget(subtitle)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新建报告…"), self)
        self.new_previous_button = QPushButton(self.tr("基于上年报告新建…"), self)
        self.open_button = QPushButton(self.tr("打开…"), self)
        self.open_button.setToolTip(self.tr("打开草稿（.rdesk），或导入 Word、Excel、JSON 报告为新草稿；也可把文件拖到这里"))
        self.sample_button = QPushButton(self.tr("打开示例报告"), self)
        for button in (self.new_button, self.new_previous_button, self.open_button, self.sample_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.new_button.clicked.connect(self.sig_new_requested)
        self.new_previous_button.clicked.connect(self.sig_new_from_previous_requested)
        self.open_button.clicked.connect(self.sig_open_requested)
        self.sample_button.clicked.connect(self.sig_sample_requested)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(QLabel(self.tr("<b>最近的草稿</b>（双击打开）"), self))
        self.recent = QTableWidget(0, 4, self)
        self.recent.setHorizontalHeaderLabels(
            [self.tr("单位"), self.tr("年度"), self.tr("最后修改"), self.tr("完成度")]
        )
        self.recent.verticalHeader().hide()
        self.recent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.recent.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.recent.cellActivated.connect(self._on_recent_activated)
        self.recent.cellDoubleClicked.connect(self._on_recent_activated)
        self.empty_label = QLabel(self.tr("还没有草稿。点击“新建报告…”开始，或打开示例报告看看。"), self)
        self.drop_hint = QLabel(self.tr("把上年或本年的 Word、Excel 报告拖到窗口中，即可导入为新草稿。"), self)
        self.drop_hint.setStyleSheet("color: #777;")
        self.empty_label.setStyleSheet("color: #777;")
        layout.addWidget(self.recent, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.drop_hint)

    def set_recent(self, drafts: list) -> None:  # list[RecentDraft]
        self.recent.setRowCount(len(drafts))
        for r, d in enumerate(drafts):
            modified = d.modified.strftime("%Y-%m-%d %H:%M") if d.modified else ""
            items = [
                QTableWidgetItem(d.agency or self.tr("（未填单位）")),
                QTableWidgetItem(str(d.year or "")),
                QTableWidgetItem(modified),
                QTableWidgetItem(
                    self.tr("无法读取")
                    if d.error
                    else self.tr("已完成（{0}）").format(d.completed)
                    if d.completed
                    else f"{round(d.completeness * 100)}%"
                ),
            ]
            for c, item in enumerate(items):
                item.setData(PATH_ROLE, str(d.path))
                item.setToolTip(f"{d.path}\n{d.error}" if d.error else str(d.path))
                self.recent.setItem(r, c, item)
        self.empty_label.setVisible(not drafts)

    def _on_recent_activated(self, row: int, _col: int) -> None:
        item = self.recent.item(row, 0)
        if item is not None:
            self.sig_recent_requested.emit(Path(item.data(PATH_ROLE)))
