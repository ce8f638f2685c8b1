"""The rules for last year's report, one function for the CLI and the GUI alike.

``reportdesk new --previous``, 基于上年报告新建, 设置上年报告 and :meth:`Session.create` /
:meth:`Session.set_previous` all call :func:`check_previous`, so they cannot disagree: last year's
report must hold some figure or text, and must be of an earlier year than this year's.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from reportdesk.core.report import Report

log = logging.getLogger(__name__)


class PreviousProblem(StrEnum):
    EMPTY = "empty"  # no figure and no text: not a report
    NOT_EARLIER = "not_earlier"  # of this year or later


class PreviousYearError(ValueError):
    """Last year's report cannot serve; ``code`` says why (for a translated message), ``message`` in Chinese."""

    def __init__(self, code: PreviousProblem, message: str, previous_year: int | None = None,
                 year: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.previous_year = previous_year
        self.year = year


def check_previous(previous: Report, year: int | None) -> None:
    """Raise :class:`PreviousYearError` when *previous* cannot be last year's report of a *year* report
    (*year* None: not chosen yet, only the content is checked)."""
    if not any(v is not None for v in previous.cells.values()) and not any(t.strip() for t in previous.texts.values()):
        raise PreviousYearError(PreviousProblem.EMPTY, "文件中没有读到任何数字或文字，不像一份年度报告。",
                                previous.year, year)
    if previous.year is not None and year is not None and previous.year >= year:
        raise PreviousYearError(
            PreviousProblem.NOT_EARLIER,
            f"上年报告是 {previous.year} 年的，本报告是 {year} 年的：上年报告应早于本年。请改报告年度或另选上年报告。",
            previous.year, year)
