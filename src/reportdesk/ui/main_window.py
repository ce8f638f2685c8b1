"""The main window: the start page or an open draft, menus, shortcuts, status bar."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from reportdesk.storage.errors import DraftError
from reportdesk.storage.home import drafts_home, recent_drafts
from reportdesk.ui.settings import app_settings
from reportdesk.ui.start_page import NewReportDialog, StartPage

if TYPE_CHECKING:
    from reportdesk.core.report import Report
    from reportdesk.session import Session
    from reportdesk.ui.controller import DraftController
    from reportdesk.ui.workspace import DraftWorkspace

# Start-up imports only what the start page needs: the session (and with it the form,
# the rule engine and SQLite) and the work area are imported when a draft is opened.
# recent_drafts/drafts_home are the functions reportdesk.session re-exports.

log = logging.getLogger(__name__)

DRAFT_SUFFIX = ".rdesk"
SAMPLE = ("samples", "sample-report-2022.json")


def draft_file_name(agency: str, year: int) -> str:
    safe = re.sub(r'[\\/:*?"<>|\s]+', "", agency)[:40] or "报告"
    return f"{safe}-{year}{DRAFT_SUFFIX}"


def free_path(folder: Path, name: str) -> Path:
    path = folder / name
    stem, suffix = path.stem, path.suffix
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


class ReportWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("ReportDesk 政府信息公开工作年度报告"))
        self.settings = app_settings()
        self.controller: DraftController | None = None
        self.guide_window: QWidget | None = None
        self.workspace: DraftWorkspace | None = None
        self.last_message_box: QMessageBox | None = None
        self.undo_group = QUndoGroup(self)

        self.start_page = StartPage(self)
        self.start_page.sig_new_requested.connect(self.new_report)
        self.start_page.sig_open_requested.connect(self.open_dialog)
        self.start_page.sig_sample_requested.connect(self.open_sample)
        self.start_page.sig_recent_requested.connect(self.open_draft)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.start_page)
        self.setCentralWidget(self.central)

        self.saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_actions()
        self._update_actions()
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        self.refresh_recent()

    # --- chrome ----------------------------------------------------------------------------

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("新建报告…"), self.new_report, std.New)
        self.open_action = self._action(self.tr("打开…"), self.open_dialog, std.Open)
        self.sample_action = self._action(self.tr("打开示例报告"), self.open_sample)
        self.save_action = self._action(self.tr("立即保存"), self.save_now, std.Save)
        self.save_as_action = self._action(self.tr("另存为…"), self.save_as_dialog, std.SaveAs)
        self.close_action = self._action(self.tr("关闭报告"), self.close_draft, std.Close)
        self.quit_action = self._action(self.tr("退出"), self.close, std.Quit)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence(std.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(std.Redo)])
        self.check_action = self._action(self.tr("全部检查"), self.check_all, "F5")
        self.complete_action = self._action(
            self.tr("标记为已完成…"), lambda: self.workspace and self.workspace.mark_complete()
        )
        self.preview_action = self._action(
            self.tr("预览"), lambda checked: self.workspace and self.workspace.set_preview_visible(checked), "F6"
        )
        self.preview_action.setCheckable(True)
        self.prev_action = self._action(
            self.tr("上一步"), lambda: self.workspace and self.workspace.go_previous(), "Ctrl+PgUp"
        )
        self.next_action = self._action(
            self.tr("下一步"), lambda: self.workspace and self.workspace.go_next(), "Ctrl+PgDown"
        )
        self.guide_action = self._action(self.tr("使用指南"), self.show_guide, std.HelpContents)
        self.logs_action = self._action(self.tr("打开日志文件夹"), self.open_log_folder)
        self.about_action = self._action(self.tr("关于 ReportDesk"), self.show_about)

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        for a in (
            self.new_action,
            self.open_action,
            self.sample_action,
            None,
            self.save_action,
            self.save_as_action,
            self.close_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        report_menu = bar.addMenu(self.tr("报告(&R)"))
        for a in (self.check_action, self.complete_action, self.preview_action, self.prev_action, self.next_action):
            report_menu.addAction(a)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.logs_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _update_actions(self) -> None:
        has_draft = self.controller is not None
        for a in (
            self.save_action,
            self.save_as_action,
            self.close_action,
            self.check_action,
            self.complete_action,
            self.preview_action,
            self.prev_action,
            self.next_action,
        ):
            a.setEnabled(has_draft)

    def show_error(self, title: str, message: str) -> None:
        """A window-modal message that does not block the event loop."""
        log.info("%s: %s", title, message)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message_box = box
        box.open()
        self.statusBar().showMessage(message, 10000)

    def show_guide(self) -> None:
        from reportdesk.help import guide_path
        from reportdesk.ui.guide_window import GuideWindow
        from reportdesk.ui.i18n import configured_language

        path = guide_path(configured_language())
        if not path.is_file():
            self.show_error(self.tr("找不到使用指南"), self.tr("文件不存在：{0}。请重新安装 ReportDesk。").format(path))
            return
        if self.guide_window is None:
            self.guide_window = GuideWindow(path, self)
        self.guide_window.show()
        self.guide_window.raise_()

    def open_log_folder(self) -> None:
        from reportdesk.help import ensure_log_dir

        try:
            folder = ensure_log_dir()
        except OSError as exc:
            self.show_error(self.tr("无法打开日志文件夹"), str(exc))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_error(self.tr("无法打开日志文件夹"), self.tr("日志文件夹在：{0}").format(folder))

    def show_about(self) -> None:
        from reportdesk import __version__

        QMessageBox.about(
            self,
            self.tr("关于 ReportDesk"),
            self.tr("ReportDesk {0}\n政府信息公开工作年度报告的填报、检查与导出。").format(__version__),
        )

    # --- drafts ------------------------------------------------------------------------------

    def refresh_recent(self) -> None:
        try:
            drafts = recent_drafts()
        except (DraftError, OSError) as exc:
            log.warning("cannot list recent drafts: %s", exc)
            drafts = []
        self.start_page.set_recent(drafts)

    def new_report(self) -> None:
        dialog = NewReportDialog(self)
        if dialog.exec() != NewReportDialog.DialogCode.Accepted:
            return
        self.create_draft(dialog.agency.text().strip(), dialog.year.value())

    def create_draft(self, agency: str, year: int, source: Report | None = None) -> bool:
        from reportdesk.session import EditError, Session

        home = drafts_home()
        try:
            home.mkdir(parents=True, exist_ok=True)
            path = free_path(home, draft_file_name(agency, year))
            session = Session.create(path, agency=agency, year=year, source=source)
        except (DraftError, EditError) as exc:
            self.show_error(self.tr("无法新建报告"), exc.message)
            return False
        except OSError as exc:
            self.show_error(
                self.tr("无法新建报告"), self.tr("无法在 {0} 创建草稿：{1}").format(home, exc.strerror or exc)
            )
            return False
        self.set_session(session)
        return True

    def open_sample(self) -> bool:
        from reportdesk.core.catalog import get_form, resources_dir
        from reportdesk.core.interchange import ReportFileError, read_json_file

        path = resources_dir().joinpath(*SAMPLE)
        try:
            report = read_json_file(path, get_form)
        except ReportFileError as exc:
            self.show_error(self.tr("无法打开示例报告"), exc.message)
            return False
        return self.create_draft(report.agency, report.year or 2022, source=report)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("打开报告草稿"),
            str(drafts_home()),
            self.tr("ReportDesk 草稿 (*{0})").format(DRAFT_SUFFIX),
        )
        if path:
            self.open_draft(Path(path))

    def open_draft(self, path: Path) -> bool:
        if self.controller is not None and Path(self.controller.session.path) == Path(path):
            return True
        from reportdesk.session import Session

        try:
            session = Session.open(Path(path))
        except DraftError as exc:
            title = self.tr("草稿已在使用中") if exc.code == "locked" else self.tr("无法打开草稿")
            self.show_error(title, exc.message)
            return False
        self.set_session(session)
        return True

    def set_session(self, session: Session) -> None:
        from reportdesk.ui.controller import DraftController
        from reportdesk.ui.workspace import DraftWorkspace

        self.close_draft()
        controller = DraftController(session, self)
        controller.sig_saved.connect(self._on_saved)
        controller.sig_error.connect(lambda message: self.show_error(self.tr("保存出错"), message))
        self.controller = controller
        self.undo_group.addStack(controller.undo_stack)
        self.undo_group.setActiveStack(controller.undo_stack)
        self.workspace = DraftWorkspace(controller, self)
        self.workspace.sig_message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.workspace.preview_button.toggled.connect(self.preview_action.setChecked)
        self.central.addWidget(self.workspace)
        self.central.setCurrentWidget(self.workspace)
        self.settings.setValue("drafts/last", str(session.path))
        self._update_title()
        self._update_actions()
        if session.last_saved:
            self._on_saved(session.last_saved)

    def close_draft(self) -> None:
        if self.controller is None:
            return
        assert self.workspace is not None
        self.workspace.commit_pending()
        self.controller.close()
        self.undo_group.removeStack(self.controller.undo_stack)
        self.central.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.controller.deleteLater()
        self.workspace = None
        self.controller = None
        self.saved_label.clear()
        self.preview_action.setChecked(False)
        self._update_title()
        self._update_actions()
        self.refresh_recent()
        self.central.setCurrentWidget(self.start_page)

    def save_now(self) -> None:
        if self.controller is not None and self.workspace is not None:
            self.workspace.commit_pending()
            self.controller.flush()
            self.statusBar().showMessage(self.tr("已保存到 {0}").format(self.controller.session.path), 5000)

    def save_as_dialog(self) -> None:
        if self.controller is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("另存为"),
            str(self.controller.session.path),
            self.tr("ReportDesk 草稿 (*{0})").format(DRAFT_SUFFIX),
        )
        if path:
            self.save_as(Path(path))

    def save_as(self, path: Path) -> bool:
        if self.controller is None or self.workspace is None:
            return False
        if path.suffix != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        self.workspace.commit_pending()
        try:
            self.controller.session.save_as(path)
        except DraftError as exc:
            self.show_error(self.tr("另存为失败"), exc.message)
            return False
        self.settings.setValue("drafts/last", str(path))
        self._update_title()
        self._on_saved(self.controller.session.last_saved)
        return True

    def check_all(self) -> None:
        if self.workspace is not None:
            self.workspace.check_all()

    def _on_saved(self, when: object) -> None:
        stamp = when.strftime("%H:%M:%S") if hasattr(when, "strftime") else ""
        self.saved_label.setText(self.tr("已保存 {0}").format(stamp))

    def _update_title(self) -> None:
        if self.controller is None:
            self.setWindowTitle(self.tr("ReportDesk 政府信息公开工作年度报告"))
            return
        report = self.controller.session.report
        self.setWindowTitle(self.tr("{0} {1}年度报告 — ReportDesk").format(report.agency, report.year))

    def flush_for_crash(self) -> None:
        if self.controller is not None:
            self.controller.session.flush()

    # --- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing is ever unsaved: flush, release the lock, remember the window."""
        last = str(self.controller.session.path) if self.controller else ""
        self.close_draft()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("drafts/last", last)
        self.settings.sync()
        event.accept()

    def last_draft(self) -> Path | None:
        value = self.settings.value("drafts/last")
        return Path(str(value)) if value else None

    def central_page(self) -> QWidget:
        return self.central.currentWidget()
