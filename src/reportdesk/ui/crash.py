"""The last line of defence: an uncaught exception saves the draft, writes a log, shows a dialog."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

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


class CrashHandler:
    """Installed as ``sys.excepthook``; *save* flushes the open draft (if any)."""

    def __init__(self, save: Callable[[], None], show_dialog: bool = True) -> None:
        self.save = save
        self.show_dialog = show_dialog
        self.last_log: Path | None = None
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

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
        kept = "草稿已保存，重新打开即可继续。" if saved else "草稿未能保存，最近一秒内的修改可能丢失。"
        where = f"详细记录已写入：{self.last_log}" if self.last_log else "无法写入错误记录。"
        box.setText(
            f"程序遇到意外错误：{exc_type.__name__}: {exc}\n\n{kept}\n{where}\n请将该记录发给技术支持。"
        )
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.exec()
