"""The last line of defence: an uncaught exception saves the draft, writes a log, shows a dialog."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from reportdesk.ui.settings import log_dir

log = logging.getLogger(__name__)


def write_crash_log(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    from reportdesk import __version__

    details = "".join(traceback.format_exception(exc_type, exc, tb))
    path.write_text(
        f"ReportDesk {__version__}\nPython {sys.version}\n{dt.datetime.now().isoformat()}\n\n{details}",
        encoding="utf-8",
    )
    return path


def describe(exc: BaseException) -> str:
    """What went wrong, in the user's language and by kind, never the exception's own (English) text."""
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("CrashHandler", "内存不足。")
    if isinstance(exc, RecursionError):
        return QCoreApplication.translate("CrashHandler", "数据嵌套过深，无法处理。")
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate("CrashHandler", "没有读写文件的权限。")
    if isinstance(exc, FileNotFoundError):
        return QCoreApplication.translate("CrashHandler", "要用的文件不见了。")
    if isinstance(exc, OSError):
        return QCoreApplication.translate("CrashHandler", "读写文件时出错（系统错误 {0}）。").format(exc.errno if exc.errno is not None else "?")
    return QCoreApplication.translate("CrashHandler", "程序内部错误（{0}）。").format(type(exc).__name__)


_installed: CrashHandler | None = None


def report_crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Hand an unexpected exception to the installed crash handler, from any thread (the dialog is
    shown by the GUI thread); only logged when no handler is installed (tests, the CLI)."""
    if _installed is None:
        log.error("unexpected exception", exc_info=(exc_type, exc, tb))
        return
    _installed.from_thread(exc_type, exc, tb)


class CrashHandler:
    """Installed as ``sys.excepthook``; *save* flushes the open draft (if any)."""

    def __init__(self, save: Callable[[], None], show_dialog: bool = True) -> None:
        self.save = save
        self.show_dialog = show_dialog
        self.last_log: Path | None = None
        self._previous = sys.excepthook

    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook``; call from the GUI thread."""
        global _installed
        from PySide6.QtCore import QObject, Qt, Signal

        class _Relay(QObject):  # lives in the GUI thread: a signal from a worker thread is queued to it
            sig_crash = Signal(object)

        self._relay = _Relay()
        self._relay.sig_crash.connect(lambda info: self(*info), Qt.ConnectionType.QueuedConnection)
        sys.excepthook = self
        self._previous_thread_hook = threading.excepthook
        threading.excepthook = self._thread_hook
        _installed = self

    def uninstall(self) -> None:
        global _installed
        sys.excepthook = self._previous
        threading.excepthook = getattr(self, "_previous_thread_hook", threading.__excepthook__)
        if _installed is self:
            _installed = None

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.from_thread(args.exc_type, args.exc_value, args.exc_traceback)

    def from_thread(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """An exception of a worker thread: handled in the GUI thread, as if raised there."""
        if threading.current_thread() is threading.main_thread() or not hasattr(self, "_relay"):
            self(exc_type, exc, tb)
        else:
            self._relay.sig_crash.emit((exc_type, exc, tb))

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        saved = True
        try:
            self.save()
        except Exception:  # the draft may be the thing that failed; still write the log
            log.exception("could not save the draft after a crash")
            saved = False
        try:
            self.last_log = write_crash_log(exc_type, exc, tb)
        except OSError:
            log.exception("could not write the crash log")
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        if self.show_dialog:
            self._show(exc_type, exc, tb, saved)

    def _show(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, saved: bool
    ) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "ReportDesk", "")
        kept = QCoreApplication.translate("CrashHandler", "草稿已保存，重新打开即可继续。") if saved else QCoreApplication.translate("CrashHandler", "草稿未能保存，最近一秒内的修改可能丢失。")
        where = (QCoreApplication.translate("CrashHandler", "详细记录已写入：{0}").format(self.last_log) if self.last_log
                 else QCoreApplication.translate("CrashHandler", "无法写入错误记录。"))
        box.setText(QCoreApplication.translate("CrashHandler", "程序遇到意外错误：{0}").format(describe(exc)) + "\n\n" + kept + "\n" + where + "\n"
                    + QCoreApplication.translate("CrashHandler", "请将该记录发给技术支持。"))
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        self.last_box = box
        box.exec()
