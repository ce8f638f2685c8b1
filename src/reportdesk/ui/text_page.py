"""A text section: a plain editor with the official sub-headings offered as a scaffold."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from reportdesk.ui.controller import DraftController

log = logging.getLogger(__name__)

TEXT_COMMIT_MS = 300


def count_characters(text: str) -> int:
    """Characters as a Chinese word processor counts them: everything but white space."""
    return sum(1 for ch in text if not ch.isspace())


class TextSectionPage(QWidget):
    def __init__(
        self,
        controller: DraftController,
        key: str,
        heading: str,
        subheadings: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.key = key
        self.subheadings = subheadings
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{heading}</h2>", self)
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.scaffold_button = QPushButton(self.tr("插入官方小标题"), self)
        self.scaffold_button.setToolTip("\n".join(subheadings))
        self.scaffold_button.setVisible(bool(subheadings))
        self.scaffold_button.clicked.connect(self.insert_scaffold)
        self.count_label = QLabel(self)
        bar.addWidget(self.scaffold_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(controller.session.report.texts.get(key, ""))
        if subheadings:
            self.editor.setPlaceholderText(
                self.tr("可点击“插入官方小标题”，按以下结构填写：\n") + "\n".join(subheadings)
            )
        font = self.editor.font()
        font.setPointSize(font.pointSize() + 2)
        self.editor.setFont(font)
        layout.addWidget(self.editor, 1)
        self._commit_timer = QTimer(self)
        self._commit_timer.setSingleShot(True)
        self._commit_timer.setInterval(TEXT_COMMIT_MS)
        self._commit_timer.timeout.connect(self.commit)
        self.editor.textChanged.connect(self._on_text_changed)
        self._update_count()

    def _on_text_changed(self) -> None:
        self._update_count()
        self._commit_timer.start()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{0} 字").format(count_characters(self.editor.toPlainText())))

    def commit(self) -> None:
        """Hand the text to the session now (it is also committed 0.3 s after typing stops)."""
        self._commit_timer.stop()
        text = self.editor.toPlainText()
        if text != self.controller.session.report.texts.get(self.key, ""):
            self.controller.set_text(self.key, text)

    def insert_scaffold(self) -> None:
        """Add the official sub-headings that are not in the text yet, each on its own line."""
        text = self.editor.toPlainText()
        missing = [h for h in self.subheadings if h not in text]
        if not missing:
            return
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        prefix = "" if not text or text.endswith("\n") else "\n"
        cursor.insertText(prefix + "\n\n".join(missing) + "\n")
        self.editor.setTextCursor(cursor)
        self.commit()

    def reload(self) -> None:
        text = self.controller.session.report.texts.get(self.key, "")
        if text != self.editor.toPlainText():
            self.editor.setPlainText(text)
