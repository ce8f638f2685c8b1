"""The Help menu: the user's guide in a window, and the log folder opened in the file manager."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from reportdesk.places import log_dir
from reportdesk.ui.main_window import ReportWindow


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_guide_opens_with_its_text_and_images(window: ReportWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert [a.text() for a in window.menuBar().actions()][-1] == "帮助(&H)"
    window.guide_action.trigger()
    guide = window.guide_window
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()  # type: ignore[attr-defined]
    assert "ReportDesk 使用指南" in text and "安装" in text
    images = [f for f in guide.browser.document().allFormats() if f.isImageFormat()]  # type: ignore[attr-defined]
    assert images, "the guide's screenshots are shown"
    # it opens on how to fill a report: the section 第一份报告 at the top, not the install commands
    browser = guide.browser  # type: ignore[attr-defined]
    top = browser.cursorForPosition(browser.viewport().rect().topLeft() + QPoint(10, 10)).block()
    assert "第一份报告" in top.text() or "第一份报告" in top.previous().text()
    assert browser.verticalScrollBar().value() > 0
    window.guide_action.trigger()  # a second time reuses the window
    assert window.guide_window is guide


def test_open_log_folder_creates_and_opens_it(window: ReportWindow) -> None:
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        window.logs_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in catcher.urls] == [log_dir()]
    assert log_dir().is_dir()
