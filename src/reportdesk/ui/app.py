"""Starting the desktop app: the QApplication, the window, the crash handler."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reportdesk import startup_gc
from reportdesk.places import resources_dir
from reportdesk.ui.crash import CrashHandler
from reportdesk.ui.i18n import install_translators
from reportdesk.ui.settings import APP_NAME

log = logging.getLogger(__name__)

EXIT_WHEN_READY = "REPORTDESK_EXIT_WHEN_READY"


def run(draft: Path | None = None, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    install_translators(app)  # the UI language and Qt's own strings (reportdesk.ui.i18n)
    from reportdesk.ui.fonts import apply_ui_font

    apply_ui_font(app)  # Noto Sans CJK SC, else Microsoft YaHei / SimSun (Windows names)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "reportdesk.svg")))

    from reportdesk.ui.main_window import ReportWindow

    window = ReportWindow()
    handler = CrashHandler(window.flush_for_crash)
    handler.install()
    target = draft if draft is not None else window.last_draft()
    if target is not None and target.exists():
        if not window.open_draft(target) and draft is None:
            log.info("last draft %s could not be reopened", target)
    elif draft is not None:
        window.show_error(QCoreApplication.translate("ReportWindow", "无法打开草稿"),
                          QCoreApplication.translate("ReportWindow", "文件不存在：{0}").format(draft))
    window.show()
    QTimer.singleShot(0, startup_gc.start_up_done)  # the collector runs again once the window is ready
    if os.environ.get(EXIT_WHEN_READY) == "1":
        # Fires once the window has been shown and the queued events are processed; the moment is
        # written to stderr for timing the start-up from outside (benchmarks/bench_app.py).
        QTimer.singleShot(0, lambda: _exit_when_ready(app))
    try:
        return app.exec()
    finally:
        handler.uninstall()


def _exit_when_ready(app: QApplication) -> None:
    import time

    print(f"ready at {time.time():.6f}", file=sys.stderr, flush=True)
    app.exit(0)
