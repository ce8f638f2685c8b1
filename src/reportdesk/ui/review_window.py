"""审阅: the reviewer's window.  Drop reports (or choose files or a folder), see one row each.

The batch check (:class:`reportdesk.app.batch.ReviewPool`) runs on one background
thread, which hands the files to worker processes (started once per run) a few at a time, so that the window
stays responsive, a hostile file never runs inside the app, and 停止 takes effect after
the files in hand.  Rows are sortable; selecting one lists that report's findings and its
import summary; 导出汇总表… writes the same workbook as ``reportdesk check --summary``.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reportdesk.app.batch import FileResult
from reportdesk.ui import file_filters

log = logging.getLogger(__name__)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_ERROR_FG = QColor("#b42318")
_WARNING_FG = QColor("#8a4b00")
_UNREADABLE_BG = QColor("#fbd5d5")
_Index = QModelIndex | QPersistentModelIndex


def chunk_size(jobs: int) -> int:
    """Files handed to the workers at a time: enough to keep every core busy, few enough to stop soon."""
    return max(4 * jobs, 8)


def import_note(result: FileResult) -> str:
    """A short note on what the import read (Word/Excel only), as in the summary workbook."""
    return result.summary.brief() if result.summary is not None else ""


class ReviewWorker(QObject):
    """Runs on the review thread: collects the files and checks them, chunk by chunk."""

    sig_total = Signal(int)  # files found so far (grows as folders are searched)
    sig_progress = Signal(int, int)  # done, total
    sig_results = Signal(list)  # list[FileResult], in the order the files were found
    sig_finished = Signal(bool)  # True when stopped early

    def __init__(self, names: Sequence[str], jobs: int) -> None:
        super().__init__()
        self.names = list(names)
        self.jobs = jobs
        self._stop = False

    def stop(self) -> None:
        self._stop = True  # read between chunks; a bool assignment is atomic under the GIL

    @Slot()
    def _emit_progress(self, base: int, total: int, done: int, _total: int) -> None:
        self.sig_progress.emit(base + done, total)

    def run(self) -> None:
        from reportdesk.app.batch import ReviewPool, collect_files

        stopped = False
        try:
            files, problems = collect_files(self.names)
            total = len(files) + len(problems)
            self.sig_total.emit(total)
            if problems:
                self.sig_results.emit(problems)
            done = len(problems)
            self.sig_progress.emit(done, total)
            size = chunk_size(self.jobs)
            # one pool for the whole run: under spawn (Windows) a worker costs a fresh interpreter
            with ReviewPool(min(self.jobs, max(len(files), 1)), suffixes={p.suffix for p in files}) as pool:
                for start in range(0, len(files), size):
                    if self._stop:
                        stopped = True
                        break
                    chunk = files[start:start + size]
                    base = done
                    results = pool.review(chunk, progress=functools.partial(self._emit_progress, base, total))
                    done += len(chunk)
                    self.sig_results.emit(results)
                    self.sig_progress.emit(done, total)
        except Exception as exc:  # a bug: the crash handler logs it; the window says so and goes on
            from reportdesk.ui.crash import describe, report_crash

            report_crash(type(exc), exc, exc.__traceback__)
            self.sig_results.emit([FileResult("、".join(self.names)[:200],
                                              error=self.tr("检查时出错：{0}").format(describe(exc)))])
        self.sig_finished.emit(stopped)


class ReviewResultsModel(QAbstractTableModel):
    """One row per report: file, agency, year, readable?, errors, warnings, reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: list[FileResult] = []
        self.headings = [
            self.tr("文件"), self.tr("单位"), self.tr("年度"), self.tr("能否读取"),
            self.tr("错误"), self.tr("警告"), self.tr("原因 / 导入说明"),
        ]

    def add(self, results: Iterable[FileResult]) -> None:
        new = list(results)
        if not new:
            return
        self.beginInsertRows(QModelIndex(), len(self.results), len(self.results) + len(new) - 1)
        self.results.extend(new)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.results = []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.results)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headings[section]
        return None

    def _cells(self, r: FileResult) -> list[tuple[str, Any]]:
        """(shown text, sort key) for each column."""
        report = r.report
        year = report.year if report is not None else None
        return [
            (Path(r.path).name, Path(r.path).name.lower()),
            (report.agency if report is not None else "", report.agency if report is not None else ""),
            (str(year or ""), year or 0),
            (self.tr("是") if r.readable else self.tr("否"), 1 if r.readable else 0),
            (str(r.errors) if r.readable else "", r.errors if r.readable else -1),
            (str(r.warnings) if r.readable else "", r.warnings if r.readable else -1),
            (r.error or import_note(r), r.error or import_note(r)),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.results):
            return None
        r = self.results[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(r)[col][0]
        if role == SORT_ROLE:
            return self._cells(r)[col][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.path if col == 0 else self._cells(r)[col][0] or None
        if role == Qt.ItemDataRole.BackgroundRole and not r.readable:
            return QBrush(_UNREADABLE_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 4 and r.errors:
                return QBrush(_ERROR_FG)
            if col == 5 and r.warnings:
                return QBrush(_WARNING_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3, 4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ReviewWindow(QMainWindow):
    sig_run_finished = Signal()

    def __init__(self, parent: QWidget | None = None, jobs: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("审阅报告 — ReportDesk"))
        self.resize(1200, 760)
        self.setAcceptDrops(True)
        self.jobs = jobs or os.cpu_count() or 1
        self.thread_: QThread | None = None
        self.worker: ReviewWorker | None = None
        self.queued: list[str] = []
        self.seen: set[str] = set()
        self.last_message_box: QMessageBox | None = None

        central = QWidget(self)
        layout = QVBoxLayout(central)
        intro = QLabel(
            self.tr("把报告文件（Word、Excel、JSON 或草稿）或整个文件夹拖到这里，或点击下面的按钮选择。"
                    "每份报告一行；选中一行可看它的全部问题。"),
            central,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        self.add_files_button = QPushButton(self.tr("添加文件…"), central)
        self.add_folder_button = QPushButton(self.tr("选择文件夹…"), central)
        self.stop_button = QPushButton(self.tr("停止"), central)
        self.clear_button = QPushButton(self.tr("清空"), central)
        self.export_button = QPushButton(self.tr("导出汇总表…"), central)
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.stop_button.clicked.connect(self.stop)
        self.clear_button.clicked.connect(self.clear)
        self.export_button.clicked.connect(self.export_dialog)
        for b in (self.add_files_button, self.add_folder_button, self.stop_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar(central)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v / %m"))
        self.status = QLabel(self.tr("还没有报告。"), central)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.status, 2)
        layout.addLayout(progress_row)

        self.model = ReviewResultsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(central)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # found order until a heading is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((220, 220, 60, 70, 50, 50)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        details = QWidget(central)
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.details_title = QLabel(self.tr("<b>检查结果</b>（选中一行查看）"), details)
        self.details_title.setWordWrap(True)
        self.findings = QListWidget(details)
        self.findings.setWordWrap(True)
        self.findings.setAlternatingRowColors(True)
        details_layout.addWidget(self.details_title)
        details_layout.addWidget(self.findings, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, central)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setSizes([420, 260])
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._update_buttons()

    # --- adding files -------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择要审阅的报告"), "", file_filters.report_filter()
        )
        if paths:
            self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择放有报告的文件夹"))
        if folder:
            self.add_paths([folder])

    def add_paths(self, paths: Iterable[str | Path]) -> int:
        """Queue files and folders for checking (each path once); returns how many were new."""
        new = []
        for p in paths:
            key = str(Path(p).resolve())
            if key not in self.seen:
                self.seen.add(key)
                new.append(str(p))
        if new:
            self.queued.extend(new)
            self._start_next()
        return len(new)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # --- the run ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.thread_ is not None

    def _start_next(self) -> None:
        if self.running or not self.queued:
            return
        names, self.queued = self.queued, []
        worker = self.worker = ReviewWorker(names, self.jobs)
        thread = self.thread_ = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.sig_total.connect(self._on_total)
        worker.sig_progress.connect(self._on_progress)
        worker.sig_results.connect(self._on_results)
        worker.sig_finished.connect(self._on_finished)
        self._base = len(self.model.results)
        self.status.setText(self.tr("正在查找报告文件…"))
        thread.start()
        self._update_buttons()

    def _on_total(self, total: int) -> None:
        self.progress.setRange(0, max(self._base + total, 1))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(self._base + total, 1))
        self.progress.setValue(self._base + done)
        self.status.setText(self.tr("正在检查：{0}/{1}").format(done, total))

    def _on_results(self, results: list[FileResult]) -> None:
        self.model.add(results)
        if self.table.currentIndex().row() < 0 and self.proxy.rowCount():
            self.table.selectRow(0)

    def _on_finished(self, stopped: bool) -> None:
        thread, worker = self.thread_, self.worker
        self.thread_ = self.worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        results = self.model.results
        unreadable = sum(1 for r in results if not r.readable)
        with_errors = sum(1 for r in results if r.readable and r.errors)
        text = self.tr("共 {0} 份报告：{1} 份有错误，{2} 份无法读取。").format(len(results), with_errors, unreadable)
        if stopped:
            text = self.tr("已停止。") + text
            self.queued = []
        self.status.setText(text)
        self.progress.setValue(self.progress.maximum())
        self._update_buttons()
        if self.queued:
            self._start_next()
        else:
            self.sig_run_finished.emit()

    def stop(self) -> None:
        """Stop after the files in hand (they finish within their time limit)."""
        self.queued = []
        if self.worker is not None:
            self.worker.stop()
            self.status.setText(self.tr("正在停止：等待手头的文件检查完…"))

    def shutdown(self) -> None:
        """Stop and wait for the background thread (when the app closes)."""
        self.stop()
        if self.thread_ is not None:
            self.thread_.quit()
            self.thread_.wait()

    def clear(self) -> None:
        if self.running:
            return
        self.model.clear()
        self.seen.clear()
        self.findings.clear()
        self.details_title.setText(self.tr("<b>检查结果</b>（选中一行查看）"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("还没有报告。"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.stop_button.setEnabled(self.running)
        self.clear_button.setEnabled(not self.running and bool(self.model.results))
        self.export_button.setEnabled(not self.running and bool(self.model.results))

    # --- the selected report --------------------------------------------------------------------

    def result_at(self, proxy_row: int) -> FileResult | None:
        if proxy_row < 0:
            return None
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.results[source.row()] if source.isValid() else None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_result(self.result_at(current.row()))

    def show_result(self, result: FileResult | None) -> None:
        self.findings.clear()
        if result is None:
            return
        report = result.report
        who = f"{report.agency} {report.year or ''}" if report is not None else ""
        self.details_title.setText(self.tr("<b>{0}</b>　{1}").format(Path(result.path).name, who))
        if not result.readable:
            item = QListWidgetItem(self.tr("无法读取：{0}").format(result.error), self.findings)
            item.setForeground(QBrush(_ERROR_FG))
            return
        for f in result.findings:
            label = self.tr("错误") if f.is_error else self.tr("提示")
            text = f"{label}：{f.message}"
            if f.advice:
                text += f"\n　{f.advice}"
            item = QListWidgetItem(text, self.findings)
            item.setForeground(QBrush(_ERROR_FG if f.is_error else _WARNING_FG))
        if not result.findings:
            QListWidgetItem(self.tr("没有发现问题。"), self.findings)
        if result.summary is not None and result.summary.from_document:
            for line in result.summary.lines():
                item = QListWidgetItem(self.tr("导入：{0}").format(line), self.findings)
                item.setForeground(QBrush(QColor("#555")))

    def finding_texts(self) -> list[str]:
        return [self.findings.item(i).text() for i in range(self.findings.count())]

    # --- the summary workbook -------------------------------------------------------------------

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出汇总表"), self.tr("审阅汇总.xlsx"), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path:
            self.export_summary(Path(path))

    def export_summary(self, path: Path) -> bool:
        from reportdesk.app.exporting import ExportError, write_summary

        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_summary(self.model.results, path)
        except ExportError as exc:
            self._show_error(self.tr("无法保存汇总表"), exc.message)
            return False
        except OSError as exc:
            self._show_error(self.tr("无法保存汇总表"), self.tr("无法写入 {0}：{1}").format(path, exc.strerror or exc))
            return False
        self.status.setText(self.tr("汇总表已保存：{0}（{1} 份报告）").format(path, len(self.model.results)))
        return True

    def _show_error(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message_box = box
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing hides the window; a run in progress stops after the files in hand."""
        self.stop()
        event.accept()
