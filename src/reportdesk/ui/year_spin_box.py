"""The report-year spin box of the start page's 新建报告 dialog and of 基本信息 (a module of its own, so that
the start page does not import the draft's pages and, with them, the session and the whole domain)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QWheelEvent


class YearSpinBox(QSpinBox):
    """The report year: the mouse wheel changes it only after a click into it.

    A plain spin box takes the wheel on hover, so scrolling the page past 报告年度 changed the
    report's year (2022 → 2021, title, file name and checks with it) without a word.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page scrolls instead
