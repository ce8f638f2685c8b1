"""Starting the desktop app: the QApplication, the window, the crash handler."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from reportdesk.ui.crash import CrashHandler
from reportdesk.ui.i18n import install_translators
from reportdesk.ui.settings import APP_NAME

log = logging.getLogger(__name__)

EXIT_WHEN_READY = "REPORTDESK_EXIT_WHEN_READY"


def _install_qt_translations(app: QApplication) -> None:
    """Qt's own strings (OK/Cancel, context menus) in Chinese when Qt ships them."""
    from PySide6.QtCore import QLibraryInfo

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        app.installTranslator(translator)


def run(draft: Path | None = None, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    _install_qt_translations(app)
    install_translators(app)  # the UI language (reportdesk.ui.i18n)

    from reportdesk.ui.main_window import ReportWindow

    window = ReportWindow()
    handler = CrashHandler(window.flush_for_crash)
    handler.install()
    target = draft if draft is not None else window.last_draft()
    if target is not None and target.exists():
        if not window.open_draft(target) and draft is None:
            log.info("last draft %s could not be reopened", target)
    elif draft is not None:
        window.show_error(window.tr("无法打开草稿"), window.tr("文件不存在：{0}").format(draft))
    window.show()
    if os.environ.get(EXIT_WHEN_READY) == "1":
        # Fires once the window has been shown and the queued events are processed.
        QTimer.singleShot(0, lambda: app.exit(0))
    try:
        return app.exec()
    finally:
        handler.uninstall()
