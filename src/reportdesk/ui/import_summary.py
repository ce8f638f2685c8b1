"""The import summary dialog: what was read from a Word/Excel/JSON file and what was not.

Shown after 打开… imports a file as a new draft, and again from 报告 › 导入说明 (the lines
are kept in the draft).  Lines that need the clerk's attention (cells not found, labels
that differ, parts that could not be mapped, the old format) are marked.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

#: Summary lines that need a look (from ``ImportSummary.lines()`` and the session's notes).
ATTENTION_MARKS = ("未能对应", "未找到：", "标签", "旧格式", "未导入", "合计", "不一致", "文件检查")
_MISSING = re.compile(r"未找到 [1-9]")
_ATTENTION_FG = QColor("#8a4b00")


def needs_attention(line: str) -> bool:
    return bool(_MISSING.search(line)) or any(mark in line for mark in ATTENTION_MARKS)


class ImportSummaryDialog(QDialog):
    def __init__(self, heading: str, lines: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入说明"))
        self.resize(720, 440)
        layout = QVBoxLayout(self)
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for line in lines:
            item = QListWidgetItem(line, self.list)
            if needs_attention(line):
                item.setForeground(QBrush(_ATTENTION_FG))
                item.setToolTip(self.tr("请核对这一项：导入时没有按官方格式对上。"))
        if not lines:
            QListWidgetItem(self.tr("没有导入说明：这份草稿不是从文件导入的。"), self.list)
        layout.addWidget(self.list, 1)
        attention = sum(1 for line in lines if needs_attention(line))
        self.advice = QLabel(
            self.tr("有 {0} 项需要核对：请对照原文件检查相关数字，缺少的请补填。").format(attention)
            if attention
            else self.tr("所有内容都已按官方格式对上。请仍对照原文件抽查几个数字。"),
            self,
        )
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("color: #8a4b00;" if attention else "color: #1e7d32;")
        layout.addWidget(self.advice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.copy_button = QPushButton(self.tr("复制全部"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._lines = list(lines)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText("\n".join([self.heading.text(), *self._lines]))
