"""The user's guide, shown offline in a window (Markdown rendered by QTextBrowser, with its images)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


def start_heading() -> str:
    """The guide's section on filling a report, where F1 opens it (in the guide's own language)."""
    return QCoreApplication.translate("GuideWindow", "第一份报告")


class GuideWindow(QDialog):
    """A non-modal window with the guide; links to other files open in the system's viewer."""

    def __init__(self, guide: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用指南"))
        self.resize(900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor)
        self.browser.setSearchPaths([str(guide.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(guide)), QTextDocument.ResourceType.MarkdownResource)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def show_start(self) -> bool:
        """Scroll to how to fill a report (the guide opens with installing, which the clerk has done)."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and start_heading() in block.text():
                break
            block = block.next()
        if not block.isValid():
            return False
        self.browser.document().documentLayout().documentSize()  # lay the document out
        top = document.documentLayout().blockBoundingRect(block).top()
        cursor = self.browser.textCursor()
        cursor.setPosition(block.position())
        self.browser.setTextCursor(cursor)
        self.browser.verticalScrollBar().setValue(int(top))
        return True

    def _on_browser_anchor(self, url: QUrl) -> None:
        if url.hasFragment() and (not url.path() or url.path() == self.browser.source().path()):
            self.browser.scrollToAnchor(url.fragment())
        elif url.isLocalFile() and url.path().endswith(".md"):
            self.browser.setSource(url, QTextDocument.ResourceType.MarkdownResource)
        else:
            QDesktopServices.openUrl(url)
