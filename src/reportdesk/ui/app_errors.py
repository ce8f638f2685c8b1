"""The application layer's typed errors, as the UI says them (translated; the CLI prints their Chinese
``message``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from reportdesk.app.previous_year import PreviousProblem, PreviousYearError

log = logging.getLogger(__name__)


def previous_year_message(exc: PreviousYearError) -> str:
    """Why a file cannot be last year's report."""
    if exc.code is PreviousProblem.EMPTY:
        return QCoreApplication.translate("AppErrors", "文件中没有读到任何数字或文字，不像一份年度报告。")
    return QCoreApplication.translate("AppErrors", "上年报告是 {0} 年的，本报告是 {1} 年的：上年报告应早于本年。请改报告年度或另选上年报告。").format(
        exc.previous_year, exc.year)
