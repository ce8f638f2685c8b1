"""The main window: the start page or an open draft, menus, shortcuts, status bar."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QWidget,
)

from reportdesk import startup_gc
from reportdesk.app.drafts import DraftError, drafts_home, recent_drafts
from reportdesk.core.file_names import draft_file_name, free_path
from reportdesk.ui import file_filters
from reportdesk.ui.settings import app_settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
    from PySide6.QtWidgets import QMessageBox

    from reportdesk.app.importing import ImportedFile
    from reportdesk.app.session import Session
    from reportdesk.core.report import Report
    from reportdesk.ui.background import BackgroundCall
    from reportdesk.ui.controller import DraftController
    from reportdesk.ui.guide_window import GuideWindow
    from reportdesk.ui.review_window import ReviewWindow
    from reportdesk.ui.start_page import NewReportDialog, StartPage
    from reportdesk.ui.workspace import DraftWorkspace
    from reportdesk.ui.year_on_year_view import YearOnYearDialog

# Start-up imports only what the start page needs: the session (and with it the form,
# the rule engine and SQLite) and the work area are imported when a draft is opened.
# QFileDialog, QMessageBox, QDesktopServices and the start page are imported where used, and the event
# classes only for type checking: PySide6 builds a class (and its enums) on first access, which
# `reportdesk open DRAFT` need not pay.
# recent_drafts/drafts_home come from reportdesk.app.drafts (light: the start page needs them before any draft).

log = logging.getLogger(__name__)

DRAFT_SUFFIX = ".rdesk"
#: What 打开… and a drop accept: a draft is opened, a report file is imported as a new draft.
OPEN_SUFFIXES = file_filters.OPEN_SUFFIXES
SHOW_PREVIOUS_KEY = "view/show_previous"
OPEN_FOLDER_KEY = "files/open_folder"
RECENT_FILE = "recent.json"  # the drafts folder's list of recent drafts (storage.home)
SAMPLE = ("samples", "sample-report-2022.json")


def typed_agency(text: str) -> str:
    """The agency as typed or pasted into a dialog: Word's cell marks, zero-width spaces and the like
    removed (:func:`reportdesk.core.typed_text.clean_typed_text`), on one line."""
    from reportdesk.core.typed_text import clean_typed_text

    return clean_typed_text(text, single_line=True).text.strip()


class ReportWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("ReportDesk 政府信息公开工作年度报告"))
        self.settings = app_settings()
        self.controller: DraftController | None = None
        self.guide_window: GuideWindow | None = None
        self.workspace: DraftWorkspace | None = None
        self.last_message_box: QMessageBox | None = None
        self.undo_group = QUndoGroup(self)
        self.new_dialog: NewReportDialog | None = None
        self.summary_dialog: QWidget | None = None
        self.year_dialog: YearOnYearDialog | None = None
        self.review_window: ReviewWindow | None = None
        self.import_task: BackgroundCall | None = None  # the import whose result has not arrived yet
        self._import_threads: set[BackgroundCall] = set()  # threads not ended yet (closing waits for them)
        self.setAcceptDrops(True)

        self._start_page: StartPage | None = None  # built when first shown (not for `reportdesk open DRAFT`)
        self.central = QStackedWidget(self)
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
        # The recent drafts are read (each one opened and decoded) when the start page is first shown,
        # not when `reportdesk open DRAFT` goes straight to a draft.
        self._recent_stale = True
        self.central.currentChanged.connect(self._on_central_changed)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Never larger than the screen (1366×768 laptops): the right pane and status bar would be off it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if self.width() <= area.width() and self.height() <= area.height():
            return
        self.resize(min(self.width(), area.width()), min(self.height(), area.height()))
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # --- chrome ----------------------------------------------------------------------------

    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # QAction.triggered carries "checked": Qt hands it to any slot with an optional parameter, so
        # 文件 › 新建报告 (Ctrl+N) called new_report(previous_path=False) and crashed.  Only a
        # checkable action passes it on.
        action.triggered.connect(lambda checked=False, a=action, s=slot: s(checked) if a.isCheckable() else s())
        return action

    def _on_workspace(self, method: str) -> Callable[[], None]:
        """A slot calling the workspace's *method* (no arguments), when a draft is open."""
        def slot() -> None:
            if self.workspace is not None:
                getattr(self.workspace, method)()

        return slot

    def _set_preview_visible(self, checked: bool) -> None:
        if self.workspace is not None:
            self.workspace.set_preview_visible(checked)

    def _show_cells(self, cells: list[str]) -> None:
        if self.workspace is not None:
            self.workspace.show_cells(cells)

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("新建报告…"), self.new_report, std.New)
        self.new_previous_action = self._action(self.tr("基于上年报告新建…"), self.new_from_previous)
        self.open_action = self._action(self.tr("打开…"), self.open_dialog, std.Open)
        self.review_action = self._action(self.tr("审阅报告…"), self.show_review_window)
        self.set_previous_action = self._action(self.tr("设置上年报告…"), self.set_previous_dialog)
        self.clear_previous_action = self._action(self.tr("不再使用上年报告"), self.clear_previous)
        self.show_previous_action = self._action(self.tr("显示上年数字"), self.set_show_previous)
        self.show_previous_action.setCheckable(True)
        self.show_previous_action.setChecked(str(self.settings.value(SHOW_PREVIOUS_KEY, "true")) != "false")
        self.year_on_year_action = self._action(self.tr("同比变化…"), self.show_year_on_year)
        self.import_notes_action = self._action(self.tr("导入说明"), self.show_import_notes)
        self.sample_action = self._action(self.tr("打开示例报告"), self.open_sample)
        self.save_action = self._action(self.tr("立即保存"), self.save_now, std.Save)
        self.save_as_action = self._action(self.tr("另存为…"), self.save_as_dialog, std.SaveAs)
        self.close_action = self._action(self.tr("关闭报告"), self.close_draft, std.Close)
        self.quit_action = self._action(self.tr("退出"), self.close, std.Quit)
        self.undo_action = self._action(self.tr("撤销"), self.undo, std.Undo)
        self.redo_action = self._action(self.tr("重做"), self.redo, "Ctrl+Y")
        # Ctrl+Y as in Office, and the platform's own (Ctrl+Shift+Z) when different: the same key
        # twice on one action makes Qt call it ambiguous and do nothing
        redo_keys = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(std.Redo)]
        self.redo_action.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        self.copy_action = self._action(self.tr("复制"), self.copy, std.Copy)
        self.paste_action = self._action(self.tr("粘贴"), self.paste, std.Paste)
        for a in (self.copy_action, self.paste_action):  # the focused editor or grid handles the keys
            a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.undo_group.indexChanged.connect(self._update_undo_actions)
        app = QGuiApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._update_undo_actions)  # type: ignore[attr-defined]
        self.check_action = self._action(self.tr("全部检查"), self.check_all, "F5")
        self.complete_action = self._action(
            self.tr("标记为已完成…"), self._on_workspace("mark_complete")
        )
        self.preview_action = self._action(
            self.tr("预览"), self._set_preview_visible, "F6"
        )
        self.preview_action.setCheckable(True)
        self.prev_action = self._action(
            self.tr("上一步"), self._on_workspace("go_previous"), "Ctrl+PgUp"
        )
        self.next_action = self._action(
            self.tr("下一步"), self._on_workspace("go_next"), "Ctrl+PgDown"
        )
        self.guide_action = self._action(self.tr("使用指南"), self.show_guide, std.HelpContents)
        self.logs_action = self._action(self.tr("打开日志文件夹"), self.open_log_folder)
        self.about_action = self._action(self.tr("关于 ReportDesk"), self.show_about)

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_actions: tuple[QAction | None, ...] = (
            self.new_action,
            self.new_previous_action,
            self.open_action,
            self.sample_action,
            None,
            self.review_action,
            None,
            self.save_action,
            self.save_as_action,
            self.close_action,
            None,
            self.quit_action,
        )
        for action in file_actions:
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = self.edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.aboutToShow.connect(self._update_undo_actions)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_action)
        edit_menu.addAction(self.paste_action)
        report_menu = bar.addMenu(self.tr("报告(&R)"))
        for a in (self.check_action, self.complete_action, self.preview_action, self.prev_action, self.next_action):
            report_menu.addAction(a)
        report_menu.addSeparator()
        report_actions: tuple[QAction | None, ...] = (
            self.set_previous_action, self.clear_previous_action, self.show_previous_action,
            self.year_on_year_action, None, self.import_notes_action)
        for action in report_actions:
            report_menu.addSeparator() if action is None else report_menu.addAction(action)
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
            self.set_previous_action,
            self.import_notes_action,
        ):
            a.setEnabled(has_draft)
        has_previous = has_draft and self.controller is not None and self.controller.previous is not None
        for a in (self.clear_previous_action, self.show_previous_action, self.year_on_year_action):
            a.setEnabled(has_previous)

    # --- undo, redo, copy, paste -------------------------------------------------------------

    def _focused_text_editor(self) -> QPlainTextEdit | QLineEdit | None:
        """The editable text widget in focus (a text section, a field, a cell being typed), if any."""
        widget = QApplication.focusWidget()
        if isinstance(widget, QPlainTextEdit) and not widget.isReadOnly():
            return widget
        if isinstance(widget, QLineEdit) and not widget.isReadOnly():
            return widget
        return None

    def _editor_can(self, editor: QPlainTextEdit | QLineEdit, redo: bool) -> bool:
        if isinstance(editor, QPlainTextEdit):
            document = editor.document()
            return document.isRedoAvailable() if redo else document.isUndoAvailable()
        return editor.isRedoAvailable() if redo else editor.isUndoAvailable()

    def _editor_place(self, editor: QWidget) -> str:
        if self.workspace is not None:
            step = self.workspace.step_of_widget(editor)
            if step:
                return self.workspace.step_title(step)
        return self.tr("输入框")

    def _update_undo_actions(self, *_args: object) -> None:
        """Name what 撤销 / 重做 will change: the text being edited, or the table step and its cells."""
        stack = self.controller.undo_stack if self.controller is not None else None
        editor = self._focused_text_editor()
        for action, redo, verb in ((self.undo_action, False, self.tr("撤销")), (self.redo_action, True, self.tr("重做"))):
            if editor is not None and self._editor_can(editor, redo):
                action.setText(self.tr("{0}：{1}中的文字输入").format(verb, self._editor_place(editor)))
                action.setEnabled(True)
                continue
            text = "" if stack is None else (stack.redoText() if redo else stack.undoText())
            can = stack is not None and (stack.canRedo() if redo else stack.canUndo())
            action.setText(self.tr("{0}：{1}").format(verb, text) if can and text else verb)
            action.setEnabled(bool(can))

    def _stack_step(self, redo: bool) -> list[str]:
        assert self.controller is not None
        stack = self.controller.undo_stack
        command = stack.command(stack.index() if redo else stack.index() - 1)
        return list(getattr(command, "cell_ids", []) or [])

    def undo(self) -> None:
        self._undo_or_redo(redo=False)

    def redo(self) -> None:
        self._undo_or_redo(redo=True)

    def _undo_or_redo(self, *, redo: bool) -> None:
        """Act on the editor in focus; else show the cells of the table step first, then undo it there."""
        editor = self._focused_text_editor()
        if editor is not None and self._editor_can(editor, redo):
            editor.redo() if redo else editor.undo()
            self._update_undo_actions()
            return
        if self.controller is None or self.workspace is None:
            return
        stack = self.controller.undo_stack
        if not (stack.canRedo() if redo else stack.canUndo()):
            self.statusBar().showMessage(self.tr("没有可重做的操作。") if redo else self.tr("没有可撤销的操作。"), 5000)
            return
        text = stack.redoText() if redo else stack.undoText()
        cells = self._stack_step(redo)
        if not self.workspace.reveal_cells(cells):  # never change figures out of sight
            self.statusBar().showMessage(self.tr("本页有一个格子的内容不是有效数字，请先改正或按 Esc 取消，再撤销或重做。"), 8000)
            return
        stack.redo() if redo else stack.undo()
        self.workspace.reveal_cells(cells)
        self.statusBar().showMessage(
            (self.tr("已重做：{0}") if redo else self.tr("已撤销：{0}")).format(text), 8000
        )
        self._update_undo_actions()

    def copy(self) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, "copy_selection"):
            widget.copy_selection()
        elif isinstance(widget, QPlainTextEdit | QLineEdit):
            widget.copy()

    def paste(self) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, "paste_clipboard"):
            widget.paste_clipboard()
        elif isinstance(widget, QPlainTextEdit | QLineEdit) and not widget.isReadOnly():
            widget.paste()
        else:
            self.statusBar().showMessage(self.tr("请先点击要粘贴到的表格单元格或文字框。"), 5000)

    def show_error(self, title: str, message: str) -> None:
        """A window-modal message that does not block the event loop."""
        log.info("%s: %s", title, message)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message_box = box
        box.open()
        self.statusBar().showMessage(message, 10000)

    def show_guide(self) -> None:
        from reportdesk.places import guide_path
        from reportdesk.ui.guide_window import GuideWindow
        from reportdesk.ui.i18n import configured_language

        path = guide_path(configured_language())
        if not path.is_file():
            self.show_error(self.tr("找不到使用指南"), self.tr("文件不存在：{0}。请重新安装 ReportDesk。").format(path))
            return
        first = self.guide_window is None
        if self.guide_window is None:
            self.guide_window = GuideWindow(path, self)
        self.guide_window.show()
        self.guide_window.raise_()
        if first:
            self.guide_window.show_start()  # how to fill a report, not how to install

    def open_log_folder(self) -> None:
        from reportdesk.places import ensure_log_dir

        try:
            folder = ensure_log_dir()
        except OSError as exc:
            self.show_error(self.tr("无法打开日志文件夹"), str(exc))
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_error(self.tr("无法打开日志文件夹"), self.tr("日志文件夹在：{0}").format(folder))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from reportdesk import __version__

        QMessageBox.about(
            self,
            self.tr("关于 ReportDesk"),
            self.tr("ReportDesk {0}\n政府信息公开工作年度报告的填报、检查与导出。").format(__version__),
        )

    # --- drafts ------------------------------------------------------------------------------

    @property
    def start_page(self) -> StartPage:
        """The start page, built the first time it is needed."""
        if self._start_page is None:
            from reportdesk.ui.start_page import StartPage  # not imported for `reportdesk open DRAFT`

            page = self._start_page = StartPage(self)
            page.sig_new_requested.connect(self.new_report)
            page.sig_new_from_previous_requested.connect(self.new_from_previous)
            page.sig_open_requested.connect(self.open_dialog)
            page.sig_sample_requested.connect(self.open_sample)
            page.sig_recent_requested.connect(self.open_draft)
            self.central.insertWidget(0, page)
        return self._start_page

    def showEvent(self, event: QShowEvent) -> None:
        if self.central.currentWidget() is None:
            self.central.setCurrentWidget(self.start_page)  # no draft open: the start page
        super().showEvent(event)
        self._on_central_changed()

    def _on_central_changed(self, _index: int = 0) -> None:
        if (self._recent_stale and self.isVisible() and self._start_page is not None
                and self.central.currentWidget() is self._start_page):
            self.refresh_recent()

    def refresh_recent(self) -> None:
        self._recent_stale = False
        try:
            drafts = recent_drafts()
        except (DraftError, OSError) as exc:
            log.warning("cannot list recent drafts: %s", exc)
            drafts = []
        self.start_page.set_recent(drafts)

    def new_report(self, previous_path: Path | None = None) -> NewReportDialog:
        """新建报告 (non-blocking); with *previous_path*, 基于上年报告新建 from that file."""
        from reportdesk.ui.start_page import NewReportDialog

        dialog = self.new_dialog = NewReportDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if previous_path is not None:
            dialog.setWindowTitle(self.tr("基于上年报告新建"))
            dialog.load_previous(Path(previous_path))
        dialog.accepted.connect(
            lambda: self.create_draft(typed_agency(dialog.agency.text()), dialog.year.value(), previous=dialog.previous)
        )
        dialog.open()
        return dialog

    def new_from_previous(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择上年报告"), str(drafts_home()), self._report_filter()
        )
        if path:
            self.new_report(Path(path))

    def create_draft(self, agency: str, year: int, source: Report | None = None, *,
                     previous: Report | None = None, import_notes: list[str] | None = None) -> bool:
        from reportdesk.app.session import EditError, Session

        home = drafts_home()
        try:
            home.mkdir(parents=True, exist_ok=True)
            path = free_path(home, draft_file_name(agency, year))
            session = Session.create(path, agency=agency, year=year, source=source, previous=previous,
                                     import_notes=import_notes or ())
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
        from reportdesk.core.catalog import get_form
        from reportdesk.core.interchange import ReportFileError, read_json_file
        from reportdesk.places import resources_dir

        path = resources_dir().joinpath(*SAMPLE)
        try:
            report = read_json_file(path, get_form)
        except ReportFileError as exc:
            self.show_error(self.tr("无法打开示例报告"), exc.message)
            return False
        return self.create_draft(report.agency, report.year or 2022, source=report)

    def _report_filter(self) -> str:
        return file_filters.report_filter()

    def open_dialog(self) -> None:
        """打开…: starts in the folder used last (else Documents), not among ReportDesk's own files."""
        from reportdesk.ui.export_panel import documents_folder

        start = str(self.settings.value(OPEN_FOLDER_KEY, "") or "")
        if not start or not Path(start).is_dir():
            start = str(documents_folder())
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开草稿或导入报告"), start, self._report_filter())
        if path:
            self.settings.setValue(OPEN_FOLDER_KEY, str(Path(path).parent))
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        """A draft is opened; a report in any other readable file is imported as a new draft."""
        path = Path(path)
        suffix = path.suffix.lower()
        if path.name == RECENT_FILE and path.parent.resolve() == drafts_home().resolve():
            self.show_error(self.tr("无法打开"), self.tr("“{0}”是 ReportDesk 记录最近打开草稿的文件，不是报告。").format(path.name))
            return False
        if suffix == DRAFT_SUFFIX:
            return self.open_draft(path)
        if suffix in OPEN_SUFFIXES:
            return self.import_report(path)
        self.show_error(
            self.tr("无法打开"),
            self.tr("不支持的文件类型“{0}”：可以打开或导入 {1}。").format(
                path.suffix or path.name, file_filters.readable_list()
            ),
        )
        return False

    # --- importing a report as a new draft ---------------------------------------------------

    def import_report(self, path: Path) -> bool:
        """Read *path* in the background; a new draft and the import summary follow."""
        if self.import_task is not None:
            self.show_error(self.tr("正在导入"), self.tr("正在导入另一个文件，请稍候再试。"))
            return False
        from reportdesk.app.importing import import_in_worker
        from reportdesk.ui.background import BackgroundCall

        task = self.import_task = BackgroundCall(lambda: import_in_worker(path), self)
        self._import_threads.add(task)
        # Once the result (or the failure) is handled, another file may be imported: the thread's own
        # end comes a moment later, and refusing a file in between ("正在导入另一个文件") was wrong.  One
        # slot each does both: two slots of a signal sent from the thread are two queued events, and a
        # file opened between them (the new draft shown, the import not yet over) was refused.
        task.sig_done.connect(self._on_import_done)
        task.sig_failed.connect(lambda message: self._on_import_failed(path, message))
        task.finished.connect(lambda t=task: self._on_import_thread_finished(t))
        self.statusBar().showMessage(self.tr("正在读取 {0}…").format(path.name))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        task.start()
        return True

    def _on_import_delivered(self) -> None:
        if self.import_task is not None:
            self.import_task = None
            QGuiApplication.restoreOverrideCursor()

    def _on_import_thread_finished(self, task: BackgroundCall) -> None:
        if self.import_task is task:  # it ended without a result or a failure
            self._on_import_delivered()
        self._import_threads.discard(task)
        task.deleteLater()

    def _on_import_done(self, imported: ImportedFile) -> None:
        try:
            self._on_imported(imported)
        finally:
            self._on_import_delivered()

    def _on_import_failed(self, path: Path, message: str) -> None:
        try:
            self.show_error(self.tr("无法导入"), self.tr("无法读取 {0}：{1}").format(path.name, message))
        finally:
            self._on_import_delivered()

    def _on_imported(self, imported: ImportedFile) -> None:
        from reportdesk.core.interchange import YEAR_RANGE

        report = imported.report
        if report.agency.strip() and report.year is not None and report.year in YEAR_RANGE:
            if self.create_draft(report.agency.strip(), report.year, source=report,
                                 import_notes=imported.lines):
                self.show_import_summary(imported.path.name, imported.lines)
            return
        # the file does not say whose report it is, or for which year: ask, with what was found
        from reportdesk.ui.start_page import NewReportDialog

        dialog = self.new_dialog = NewReportDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("导入 {0}").format(imported.path.name))
        dialog.hide_previous()
        dialog.agency.setText(report.agency.strip())
        if report.year is not None and report.year in YEAR_RANGE:
            dialog.year.setValue(report.year)
        dialog.error.setText(self.tr("文件中没有找到单位名称或报告年度，请补填。"))

        def create() -> None:
            if self.create_draft(typed_agency(dialog.agency.text()), dialog.year.value(), source=report,
                                 import_notes=imported.lines):
                self.show_import_summary(imported.path.name, imported.lines)

        dialog.accepted.connect(create)
        dialog.open()

    def show_import_summary(self, name: str, lines: list[str]) -> QWidget:
        from reportdesk.ui.import_summary import ImportSummaryDialog

        if self.summary_dialog is not None:
            self.summary_dialog.close()
        heading = self.tr("已将 {0} 导入为新草稿（原文件未改动）。以下是读取情况：").format(name) if name else \
            self.tr("这份草稿导入时的读取情况：")
        dialog = ImportSummaryDialog(heading, lines, self)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "summary_dialog", None))
        self.summary_dialog = dialog
        dialog.open()
        return dialog

    def show_import_notes(self) -> QWidget | None:
        """报告 › 导入说明: the import summary kept in the draft."""
        if self.controller is None:
            return None
        return self.show_import_summary("", list(self.controller.session.import_notes))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in OPEN_SUFFIXES for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: object) -> None:  # keep accepting while the drag moves
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.suffix.lower() in OPEN_SUFFIXES]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        if len(paths) > 1:
            self.statusBar().showMessage(
                self.tr("一次只能打开一个文件：已打开 {0}。要检查多份报告，请用“文件 › 审阅报告…”。").format(paths[0].name),
                10000,
            )
        self.open_file(paths[0])

    # --- last year's report ------------------------------------------------------------------

    def set_previous_dialog(self) -> None:
        if self.controller is None:
            return
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("设置上年报告"), str(drafts_home()), self._report_filter()
        )
        if path:
            self.set_previous_file(Path(path))

    def set_previous_file(self, path: Path) -> bool:
        """Use *path* as last year's report of the open draft."""
        if self.controller is None:
            return False
        from reportdesk.app.importing import ImportFailed, PreviousYearError, read_previous
        from reportdesk.ui.app_errors import previous_year_message

        try:
            previous = read_previous(Path(path), self.controller.session.report.year)
        except ImportFailed as exc:
            self.show_error(self.tr("无法读取上年报告"), self.tr("{0}：{1}").format(Path(path).name, exc.message))
            return False
        except PreviousYearError as exc:
            self.show_error(self.tr("不能作为上年报告"),
                            self.tr("{0}：{1}").format(Path(path).name, previous_year_message(exc)))
            return False
        carried = self.controller.set_previous(previous)
        self._update_actions()
        self.statusBar().showMessage(
            self.tr("已设置上年报告（{0} {1}年）；从上年结转 {2} 个数字。").format(
                previous.agency, previous.year or "", carried
            ),
            10000,
        )
        return True

    def clear_previous(self) -> None:
        if self.controller is not None:
            self.controller.set_previous(None)
            self._update_actions()

    def set_show_previous(self, shown: bool) -> None:
        self.settings.setValue(SHOW_PREVIOUS_KEY, "true" if shown else "false")
        if self.controller is not None:
            self.controller.set_show_previous(shown)

    def show_year_on_year(self) -> YearOnYearDialog | None:
        if self.controller is None or self.workspace is None:
            return None
        from reportdesk.ui.year_on_year_view import YearOnYearDialog

        if self.year_dialog is None:
            dialog = self.year_dialog = YearOnYearDialog(self.controller, self)
            dialog.sig_cells_requested.connect(self._show_cells)
        self.year_dialog.show()
        self.year_dialog.raise_()
        return self.year_dialog

    # --- 审阅 --------------------------------------------------------------------------------

    def show_review_window(self) -> ReviewWindow:
        from reportdesk.ui.review_window import ReviewWindow

        if self.review_window is None:
            self.review_window = ReviewWindow(self)
        self.review_window.show()
        self.review_window.raise_()
        self.review_window.activateWindow()
        return self.review_window

    def open_draft(self, path: Path) -> bool:
        if self.controller is not None and Path(self.controller.session.path) == Path(path):
            return True
        from reportdesk.app.session import Session

        try:
            session = Session.open(Path(path))
        except DraftError as exc:
            if exc.code == "damaged":
                self.offer_recovery(Path(path), exc.message)
                return False
            title = self.tr("草稿已在使用中") if exc.code == "locked" else self.tr("无法打开草稿")
            self.show_error(title, exc.message)
            return False
        self.set_session(session)
        return True

    def offer_recovery(self, path: Path, message: str) -> None:
        """A damaged draft: say so, and offer to save what can be read into a new draft (never the original)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("草稿已损坏"), message, QMessageBox.StandardButton.NoButton,
                          self)
        box.setInformativeText(self.tr("可以把其中还能读出的内容（包括从修改历史中找回的数字）保存为一个新草稿，原文件不会被改动。"))
        recover_button = box.addButton(self.tr("恢复到新草稿"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is recover_button and self.recover_draft(path))
        self.last_message_box = box
        box.open()

    def recover_draft(self, path: Path) -> bool:
        from reportdesk.app.session import recover

        target = free_path(path.parent if os.access(path.parent, os.W_OK) else drafts_home(),
                           path.stem + self.tr("-恢复") + DRAFT_SUFFIX)
        try:
            result = recover(path, target)
        except DraftError as exc:
            self.show_error(self.tr("无法恢复草稿"), exc.message)
            return False
        except OSError as exc:
            self.show_error(self.tr("无法恢复草稿"), self.tr("无法写入 {0}：{1}").format(target, exc.strerror or exc))
            return False
        if not self.open_draft(result.path):
            return False
        note = self.tr("已恢复到新草稿 {0}：{1} 个数字、{2} 段文字。").format(result.path.name, result.cells, result.texts)
        if not result.complete:
            note += self.tr("部分内容无法读出，请逐项核对。")
        self.statusBar().showMessage(note, 15000)
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
        controller.undo_stack.indexChanged.connect(self._update_undo_actions)
        self.workspace = DraftWorkspace(controller, self)
        self.workspace.sig_message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.workspace.preview_button.toggled.connect(self.preview_action.setChecked)
        controller.set_show_previous(self.show_previous_action.isChecked())
        self.central.addWidget(self.workspace)
        self.central.setCurrentWidget(self.workspace)
        self.settings.setValue("drafts/last", str(session.path))
        self._update_title()
        self._update_actions()
        self._update_undo_actions()
        if session.last_saved:
            self._on_saved(session.last_saved)

    def close_draft(self) -> None:
        if self.controller is None:
            return
        assert self.workspace is not None
        if self.year_dialog is not None:
            self.year_dialog.close()
            self.year_dialog.deleteLater()
            self.year_dialog = None
        self.workspace.commit_pending()
        self.controller.close()
        self.undo_group.removeStack(self.controller.undo_stack)
        self.central.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.controller.deleteLater()
        self.workspace = None
        self.controller = None
        self.saved_label.clear()
        startup_gc.release_start_up_objects()  # the closed draft's widgets may be collected
        self.preview_action.setChecked(False)
        self._update_title()
        self._update_actions()
        self._update_undo_actions()
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
        from PySide6.QtWidgets import QFileDialog

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
        if self.review_window is not None:
            self.review_window.shutdown()
            self.review_window.close()
        for task in list(self._import_threads):
            task.wait()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("drafts/last", last)
        self.settings.sync()
        event.accept()

    def last_draft(self) -> Path | None:
        value = self.settings.value("drafts/last")
        return Path(str(value)) if value else None

    def central_page(self) -> QWidget | None:
        return self.central.currentWidget()
